"""UUIDv7 identifiers made on the PC, so rows created offline never collide after sync."""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_last_rand_a = 0


def uuid7(now_ms: int | None = None) -> str:
    """Return a UUIDv7 (RFC 9562) as text.

    Ids from one process are strictly increasing: within the same millisecond the 12-bit
    ``rand_a`` field is used as a counter (RFC 9562 method 1), so ids sort in creation order,
    which keeps SQLite's primary-key b-tree appends cheap.
    """
    global _last_ms, _last_rand_a
    with _lock:
        ms = int(time.time() * 1000) if now_ms is None else now_ms
        if ms <= _last_ms:
            ms = _last_ms
            _last_rand_a += 1
            if _last_rand_a > 0xFFF:  # counter exhausted: borrow the next millisecond
                ms += 1
                _last_rand_a = int.from_bytes(os.urandom(2), "big") & 0x3FF
        else:
            _last_rand_a = int.from_bytes(os.urandom(2), "big") & 0x3FF
        _last_ms = ms
        rand_a = _last_rand_a
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rand_a << 64
    value |= 0b10 << 62
    value |= rand_b
    return str(uuid.UUID(int=value))


def uuid7_time_ms(text: str) -> int:
    """The creation time in Unix milliseconds carried by a UUIDv7."""
    return uuid.UUID(text).int >> 80


def deterministic_id(namespace: str, *parts: str) -> str:
    """A stable id for rows two PCs must write as one (e.g. a checklist result)."""
    ns = uuid.UUID(namespace) if len(namespace) == 36 else uuid.uuid5(uuid.NAMESPACE_URL, namespace)
    return str(uuid.uuid5(ns, "\x1f".join(parts)))
