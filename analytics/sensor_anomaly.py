"""Departures of a machine's sensor series from its own normal (F8 rule 5).

Two detectors over one series of readings (vibration, temperature or current), both compared
with the machine's own recent past rather than a fixed limit, because two presses of the same
model run at different normal levels:

- Spikes: each reading against the median of its hour, scaled by the median absolute
  deviation (MAD) of the last two days of hours. A reading more than ``spike_mads`` robust
  deviations away is a spike; neighbouring spike readings are one anomaly. Medians and MADs
  do not move for a few wild readings, so a spike cannot hide itself.
- Drift and step changes: a two-sided CUSUM over hourly medians, standardised against a
  reference (the median of the same hour on the previous seven days, so the daily load cycle
  is normal) and the robust spread of the departures from it. Slow
  drifts accumulate until the sum passes ``cusum_h``; the anomaly starts where the sum last
  left zero. A step is told from a drift by how much of the change arrives within two hours.

Everything is numpy over whole arrays except the CUSUM, which walks hourly values (60 times
fewer than readings). Readings are expected about once a minute; the series is cut into
blocks of ``BLOCK`` readings, not clock hours, so gaps only shorten history.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

BLOCK = 60  # readings per block (an hour at one-minute readings)
REFERENCE_BLOCKS = 48  # the spike scale: median MAD of this many blocks back
DAY_BLOCKS = 24  # blocks in a day: the drift reference compares like hours of the day
REFERENCE_DAYS = 7  # ... over this many days back (a fault must not become "normal" at once)
CUSUM_K = 0.75  # allowance in reference deviations: half the smallest shift worth catching
MAD_TO_SIGMA = 1.4826
SPIKE_MERGE = 3  # spike readings at most this many readings apart are one anomaly
SETTLE = 3  # blocks back within the allowance that end a drift or step
SPIKE_MAX_LEN = 15  # a longer run of outliers is a level change, left to the CUSUM


@dataclass(frozen=True)
class Anomaly:
    kind: str  # spike | drift | step
    start: int  # index of the first reading of the anomaly
    end: int  # index of the last reading
    detected: int  # index of the reading at which the detector raised it
    peak_score: float  # spike: robust deviations; drift/step: the CUSUM's peak
    baseline: float  # the normal level around it
    peak_value: float  # the reading furthest from normal


@dataclass(frozen=True)
class Settings:
    spike_mads: float = 8.0
    cusum_h: float = 12.0

    @classmethod
    def from_rule(cls, values: dict[str, float] | None) -> Settings:
        values = values or {}
        return cls(float(values.get("spike_mads", cls.spike_mads)),
                   float(values.get("cusum_h", cls.cusum_h)))


def _blocks(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """Per-block median and MAD (upper median: one partition instead of a sort)."""
    n = len(values) // BLOCK
    body = values[: n * BLOCK].reshape(n, BLOCK)
    mid = BLOCK // 2
    med = np.partition(body, mid, axis=1)[:, mid]
    mad = np.partition(np.abs(body - med[:, None]), mid, axis=1)[:, mid]
    return med.astype(np.float64), mad.astype(np.float64), n


def _trailing_median(x: np.ndarray, window: int, lag: int) -> np.ndarray:
    """For each block i, the median of x[i-lag-window : i-lag]; early blocks use what exists
    (the first blocks fall back on the first window, the series' own start-up normal)."""
    n = len(x)
    out = np.empty(n)
    if n == 0:
        return out
    if n <= window:
        out[:] = np.median(x)
        return out
    rolled = np.median(sliding_window_view(x, window), axis=1)  # rolled[j] = median x[j:j+window]
    idx = np.arange(n) - lag - window
    out[:] = rolled[np.clip(idx, 0, len(rolled) - 1)]
    return out


def _daily_reference(masked: np.ndarray, med: np.ndarray) -> np.ndarray:
    """The normal level of each block: the median of the same block of the day over the
    previous ``REFERENCE_DAYS`` days, so a machine's daily load cycle is part of its normal;
    on the first day (no history yet) each block is its own reference."""
    n = len(med)
    shifted = np.full((REFERENCE_DAYS, n), np.nan)
    for d in range(1, REFERENCE_DAYS + 1):
        lag = d * DAY_BLOCKS
        if lag < n:
            shifted[d - 1, lag:] = masked[:-lag]
    have = ~np.isnan(shifted).all(axis=0)
    out = med.copy()  # no history yet (the first day): no departure can be measured
    if have.any():
        out[have] = np.nanmedian(shifted[:, have], axis=0)
    return out


def _spikes(values: np.ndarray, med: np.ndarray, scale: np.ndarray, n_blocks: int,
            limit: float) -> list[Anomaly]:
    count = n_blocks * BLOCK
    if count == 0:
        return []
    base = np.repeat(med, BLOCK)
    sigma = np.repeat(scale, BLOCK)
    z = np.abs(values[:count] - base) / sigma
    hits = np.flatnonzero(z > limit)
    if len(hits) == 0:
        return []
    # group hits that are close together
    breaks = np.flatnonzero(np.diff(hits) > SPIKE_MERGE)
    starts = np.concatenate(([0], breaks + 1))
    ends = np.concatenate((breaks, [len(hits) - 1]))
    out = []
    for a, b in zip(starts, ends, strict=True):
        first, last = int(hits[a]), int(hits[b])
        if last - first + 1 > SPIKE_MAX_LEN:
            continue
        seg = z[first:last + 1]
        peak = first + int(np.argmax(seg))
        out.append(Anomaly("spike", first, last, first, float(seg.max()), float(base[peak]),
                           float(values[peak])))
    return out


def _cusum(z: np.ndarray, k: float, h: float) -> list[tuple[int, int, int, float, int]]:
    """Two-sided CUSUM over standardised block values: (start, detected, end, peak, sign).

    Once raised, an anomaly ends when the values are back within the allowance for
    ``SETTLE`` blocks in a row (waiting for a large sum to drain would hide the next fault)."""
    found = []
    hi = lo = 0.0
    hi_start = lo_start = 0
    active: list | None = None  # [start, detected, peak, sign, calm blocks]
    for i, value in enumerate(z.tolist()):
        if active is not None:
            current = value * active[3]
            active[2] = max(active[2], (hi if active[3] > 0 else lo))
            hi = max(0.0, hi + value - k) if active[3] > 0 else 0.0
            lo = max(0.0, lo - value - k) if active[3] < 0 else 0.0
            active[4] = active[4] + 1 if current < k else 0
            if active[4] >= SETTLE:
                found.append((active[0], active[1], i - SETTLE, active[2], active[3]))
                active = None
                hi = lo = 0.0
            continue
        if hi == 0.0:
            hi_start = i
        if lo == 0.0:
            lo_start = i
        hi = max(0.0, hi + value - k)
        lo = max(0.0, lo - value - k)
        if hi > h:
            active = [hi_start, i, hi, 1, 0]
        elif lo > h:
            active = [lo_start, i, lo, -1, 0]
    if active is not None:
        found.append((active[0], active[1], len(z) - 1, active[2], active[3]))
    return found


def detect(values: np.ndarray, settings: Settings = Settings()) -> list[Anomaly]:
    """Anomalies in one series of readings, oldest first (indices into ``values``)."""
    values = np.asarray(values, dtype=np.float64)
    med, mad, n = _blocks(values)
    if n < 3:
        return []
    # The spread of normal readings: MADs of the reference blocks; a floor keeps a perfectly
    # flat stretch (a stopped machine, a stuck sensor) from turning every blip into a spike.
    scale = _trailing_median(mad, REFERENCE_BLOCKS, 0) * MAD_TO_SIGMA
    floor = max(float(np.median(mad)) * MAD_TO_SIGMA * 0.5, 1e-9)
    scale = np.maximum(scale, floor)
    anomalies = _spikes(values, med, scale, n, settings.spike_mads)

    # Two passes: the second builds the reference without the hours the first found
    # abnormal, so a long fault never becomes the machine's "normal" and its end is not
    # mistaken for a new departure.
    runs: list[tuple[int, int, int, float, int]] = []
    reference = med
    floor_spread = float(np.median(mad)) * MAD_TO_SIGMA / np.sqrt(BLOCK)
    for _pass in range(2):
        masked = med.copy()
        for start, _detected, end, _peak, _sign in runs:
            masked[start:end + 1] = np.nan
        reference = _daily_reference(masked, med)
        residual = med - reference
        # How far an hour's median strays from the reference in normal running: a robust
        # spread (MAD) of the whole series, so a fault in a small part of it does not widen it.
        spread = float(np.nanmedian(np.abs(residual - np.nanmedian(residual)))) * MAD_TO_SIGMA
        z = np.nan_to_num(residual / max(spread, floor_spread, 1e-9))
        runs = _cusum(z, CUSUM_K, settings.cusum_h)
    for start, detected, end, peak, sign in runs:
        change = (med[start:end + 1] - reference[start:end + 1]) * sign
        total = float(change.max()) if len(change) else 0.0
        early = float(change[: 3].max()) if len(change) else 0.0
        kind = "step" if total > 0 and early >= 0.6 * total else "drift"
        worst = start + int(np.argmax((med[start:end + 1] - reference[start]) * sign))
        anomalies.append(Anomaly(kind, start * BLOCK, min((end + 1) * BLOCK, len(values)) - 1,
                                 min((detected + 1) * BLOCK, len(values)) - 1, float(peak),
                                 float(reference[start]), float(med[worst])))
    anomalies.sort(key=lambda a: a.start)
    return anomalies
