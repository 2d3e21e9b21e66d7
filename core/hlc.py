"""Hybrid logical clock: 48-bit wall milliseconds << 16 | 16-bit counter.

Stamps from one device are strictly increasing even when the wall clock jumps backwards, and a
stamp received from another device moves the local clock past it, so causally later writes
always carry higher stamps. Ties between devices are broken by the device id (see ``Stamp``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1
MAX_MS = (1 << 48) - 1
# DESIGN.md: a PC whose clock is more than 5 minutes off is refused by sync.
MAX_DRIFT_MS = 5 * 60 * 1000


def pack(ms: int, counter: int) -> int:
    return (ms << COUNTER_BITS) | counter


def unpack(hlc: int) -> tuple[int, int]:
    return hlc >> COUNTER_BITS, hlc & COUNTER_MASK


def wall_ms() -> int:
    return int(time.time() * 1000)


class ClockDriftError(Exception):
    """A remote stamp is further ahead of our wall clock than sync tolerates."""

    def __init__(self, drift_ms: int) -> None:
        super().__init__(f"clock drift {drift_ms} ms")
        self.drift_ms = drift_ms


class HybridLogicalClock:
    """``max_ahead_ms``: a remote stamp further ahead of our wall clock than this is observed
    as if it were only that far ahead. A PC whose clock was wrong must not drag every PC it
    syncs with into its future (their next edits would carry stamps from that future too)."""

    def __init__(self, last: int = 0, wall: Callable[[], int] = wall_ms,
                 max_ahead_ms: int | None = None) -> None:
        self._last = last
        self._wall = wall
        self._lock = threading.Lock()
        self.max_ahead_ms = max_ahead_ms

    def rewind(self, last: int) -> None:
        """Forget the stamps above ``last``: they were made while the wall clock was wrong
        and have just been replaced (see db.sync.local.restamp_future)."""
        with self._lock:
            self._last = last

    @property
    def last(self) -> int:
        return self._last

    def now(self) -> int:
        """A new stamp, strictly greater than every stamp this clock has made or seen."""
        with self._lock:
            last_ms, last_counter = unpack(self._last)
            ms = self._wall()
            if ms > last_ms:
                self._last = pack(ms, 0)
            else:
                self._last = self._bump(last_ms, last_counter)
            return self._last

    def observe(self, remote: int, max_drift_ms: int | None = None) -> int:
        """Merge a stamp seen from another device; returns the new local stamp."""
        with self._lock:
            ms = self._wall()
            remote_ms, remote_counter = unpack(remote)
            if max_drift_ms is not None and remote_ms - ms > max_drift_ms:
                raise ClockDriftError(remote_ms - ms)
            if self.max_ahead_ms is not None and remote_ms - ms > self.max_ahead_ms:
                remote_ms, remote_counter = ms + self.max_ahead_ms, 0
            last_ms, last_counter = unpack(self._last)
            top_ms = max(ms, last_ms, remote_ms)
            if top_ms == last_ms == remote_ms:
                self._last = self._bump(top_ms, max(last_counter, remote_counter))
            elif top_ms == last_ms:
                self._last = self._bump(top_ms, last_counter)
            elif top_ms == remote_ms:
                self._last = self._bump(top_ms, remote_counter)
            else:
                self._last = pack(top_ms, 0)
            return self._last

    @staticmethod
    def _bump(ms: int, counter: int) -> int:
        if counter >= COUNTER_MASK:  # counter overflow: move into the next millisecond
            return pack(ms + 1, 0)
        return pack(ms, counter + 1)


@dataclass(frozen=True, order=True)
class Stamp:
    """(hlc, device): a total order over all writes on all devices."""

    hlc: int
    device: str

    def encode(self) -> list:
        return [self.hlc, self.device]

    @classmethod
    def decode(cls, raw: list | tuple) -> Stamp:
        return cls(int(raw[0]), str(raw[1]))
