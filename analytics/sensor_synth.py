"""Generated sensor series with injected faults, to measure the detector (tests and bench).

A machine's normal: its own level, a daily load cycle, and noise that is a little correlated
from minute to minute. Faults: spikes (one to three wild readings), drifts (a ramp over half a
day to three days that stays), step changes (a jump that lasts hours to days). The truth (where
each fault is) comes back with the series, so detection rate, false alarms and delay can be
counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analytics.sensor_anomaly import Anomaly

# signal -> (normal level, noise sigma, daily cycle amplitude)
NORMALS = {"vibration": (2.8, 0.12, 0.25), "temperature": (58.0, 0.5, 2.0),
           "current": (32.0, 0.8, 3.0)}
FAULT_KINDS = ("spike", "drift", "step")


@dataclass(frozen=True)
class Fault:
    kind: str
    start: int  # reading index
    end: int  # last reading index affected


def normal_series(minutes: int, signal: str, rng: np.random.Generator,
                  level_jitter: float = 0.1) -> np.ndarray:
    level, sigma, cycle = NORMALS[signal]
    level *= 1 + rng.uniform(-level_jitter, level_jitter)
    t = np.arange(minutes)
    phase = rng.uniform(0, 2 * np.pi)
    daily = cycle * np.sin(2 * np.pi * t / 1440 + phase)
    # MA(1) noise: neighbouring minutes are a little alike, as real readings are
    white = rng.normal(0, sigma / np.sqrt(1 + 0.4 ** 2), minutes + 1)
    noise = white[1:] + 0.4 * white[:-1]
    return (level + daily + noise).astype(np.float32)


def inject(values: np.ndarray, signal: str, rng: np.random.Generator, kind: str,
           at: int) -> Fault:
    """Add one fault of ``kind`` starting at reading ``at``; returns where it is."""
    _level, sigma, _cycle = NORMALS[signal]
    n = len(values)
    sign = 1 if signal != "current" or rng.random() < 0.7 else -1
    if kind == "spike":
        width = int(rng.integers(1, 4))
        values[at:at + width] += sign * sigma * rng.uniform(12, 25)
        return Fault(kind, at, min(at + width, n) - 1)
    if kind == "drift":
        ramp = int(rng.integers(12 * 60, 72 * 60))
        size = sigma * rng.uniform(2.0, 5.0)
        stay = int(rng.integers(6 * 60, 48 * 60))
        end = min(at + ramp + stay, n)
        shape = np.minimum(np.arange(end - at) / ramp, 1.0)
        values[at:end] += sign * size * shape
        return Fault(kind, at, end - 1)
    length = int(rng.integers(6 * 60, 48 * 60))
    end = min(at + length, n)
    values[at:end] += sign * sigma * rng.uniform(1.5, 4.0)
    return Fault("step", at, end - 1)


def faulty_series(minutes: int, signal: str, rng: np.random.Generator,
                  faults_per_week: float = 1.0, warmup_days: int = 7,
                  gap_days: float = 4.0) -> tuple[np.ndarray, list[Fault]]:
    """A normal series with faults of every kind at random times, at least ``gap_days`` apart
    (so each can be told apart) and none in the first ``warmup_days`` (the detector's history)."""
    values = normal_series(minutes, signal, rng)
    faults = []
    at = warmup_days * 1440
    mean_gap = 7 * 1440 / max(faults_per_week, 1e-9)
    while True:
        at += int(gap_days * 1440 + rng.exponential(max(mean_gap - gap_days * 1440, 1440)))
        if at >= minutes - 3 * 1440:
            break
        kind = FAULT_KINDS[len(faults) % 3]
        fault = inject(values, signal, rng, kind, at)
        faults.append(fault)
        at = fault.end
    return values, faults


@dataclass(frozen=True)
class Quality:
    faults: int
    detected: int
    false_alarms: int
    hours: float
    delays_min: tuple[float, ...]  # detection delay per detected fault, minutes
    by_kind: dict[str, tuple[int, int]]  # kind -> (detected, total)

    @property
    def detection_rate(self) -> float:
        return self.detected / self.faults if self.faults else 1.0

    @property
    def false_per_1000h(self) -> float:
        return 1000.0 * self.false_alarms / self.hours if self.hours else 0.0


GRACE = 6 * 60  # readings after a fault's end in which an alarm still belongs to it


def score(faults: list[Fault], anomalies: list[Anomaly], minutes: int) -> Quality:
    detected, delays = 0, []
    by_kind: dict[str, list[int]] = {k: [0, 0] for k in FAULT_KINDS}
    used = set()
    for fault in faults:
        by_kind[fault.kind][1] += 1
        hits = [i for i, a in enumerate(anomalies)
                if a.detected >= fault.start and a.start <= fault.end + GRACE]
        if hits:
            detected += 1
            by_kind[fault.kind][0] += 1
            used.update(hits)
            delays.append(float(min(anomalies[i].detected for i in hits) - fault.start))
    # alarms overlapping a fault's window count as that fault's, even a second one
    for i, a in enumerate(anomalies):
        if any(a.end >= f.start and a.start <= f.end + GRACE for f in faults):
            used.add(i)
    false = len(anomalies) - len(used)
    return Quality(len(faults), detected, false, minutes / 60.0, tuple(delays),
                   {k: (v[0], v[1]) for k, v in by_kind.items()})
