"""Raw sensor readings as compact numpy files under the data folder (never synced).

A year of one-minute readings for 50 machines is 26 M values per signal: as SQLite rows with
their bookkeeping (ids, clocks, outbox) that would be gigabytes and minutes of sync for data
nobody edits. Instead each series (machine, signal) is one ``.npz`` file of two arrays:
times (int64 seconds, local wall time read as UTC) and values (float32), 12 bytes a reading,
sorted and without duplicate times. The readings stay on the PC that imported them; what the
detector finds in them (sensor_anomalies) is synced. The local table ``sensor_series`` lists
the series this PC holds and whether they have been analysed since the last import.

Writes go to a temporary file beside the target, then replace it: a crash leaves the old
series or the new one, never half a file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from pathlib import Path

import numpy as np

_SAFE = re.compile(r"^[0-9A-Za-z_-]+$")
EPOCH = dt.datetime(1970, 1, 1)


def to_seconds(moments: list[str] | np.ndarray) -> np.ndarray:
    """ISO local times → int64 seconds (numpy parses ISO 8601 in C)."""
    return np.asarray(moments, dtype="datetime64[s]").astype(np.int64)


def to_text(seconds: int) -> str:
    return (EPOCH + dt.timedelta(seconds=int(seconds))).isoformat()


class SensorStore:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, equipment_id: str, signal: str) -> Path:
        if not (_SAFE.match(equipment_id) and _SAFE.match(signal)):
            raise ValueError("bad series name")
        return self.folder / equipment_id / f"{signal}.npz"

    def load(self, equipment_id: str, signal: str) -> tuple[np.ndarray, np.ndarray]:
        path = self.path(equipment_id, signal)
        if not path.exists():
            return np.empty(0, np.int64), np.empty(0, np.float32)
        with np.load(path) as data:
            return data["t"], data["v"]

    def merged(self, equipment_id: str, signal: str, times: np.ndarray,
               values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The stored series with these readings added (a new reading at a stored time wins)."""
        old_t, old_v = self.load(equipment_id, signal)
        t = np.concatenate((old_t, times.astype(np.int64)))
        v = np.concatenate((old_v, values.astype(np.float32)))
        # stable sort, then keep the last of each time: the newly imported one
        order = np.argsort(t, kind="stable")
        t, v = t[order], v[order]
        keep = np.ones(len(t), bool)
        keep[:-1] = t[1:] != t[:-1]
        return t[keep], v[keep]

    def stage(self, series: Mapping[tuple[str, str], tuple[np.ndarray, np.ndarray]]
              ) -> list[tuple[Path, Path]]:
        """Write every series to a temporary file; nothing is visible until ``commit``."""
        staged = []
        try:
            for (equipment_id, signal), (t, v) in series.items():
                target = self.path(equipment_id, signal)
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_name(f".{target.stem}.{os.getpid()}.tmp.npz")
                np.savez(tmp, t=t, v=v)
                staged.append((tmp, target))
        except BaseException:
            self.discard(staged)
            raise
        return staged

    @staticmethod
    def commit(staged: list[tuple[Path, Path]]) -> None:
        for tmp, target in staged:
            os.replace(tmp, target)

    @staticmethod
    def discard(staged: list[tuple[Path, Path]]) -> None:
        for tmp, _target in staged:
            tmp.unlink(missing_ok=True)
