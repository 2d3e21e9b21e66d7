"""The sensor detector's quality on generated series with injected faults.

Measured (bench/warnings_bench.py, 60 machine-signals x 60 days): 99% of faults found, 0.02
false alarms per 1,000 hours, median delay about 1.5 h (spikes at once, slow drifts in hours).
The floors below sit a little under that, on their own seeds.
"""

import numpy as np

from analytics.sensor_anomaly import Settings, detect
from analytics.sensor_synth import faulty_series, inject, normal_series, score


def _quality(seed: int, machines: int = 8, days: int = 60):
    rng = np.random.default_rng(seed)
    results = []
    for _ in range(machines):
        for signal in ("vibration", "temperature", "current"):
            values, faults = faulty_series(days * 1440, signal, rng)
            results.append(score(faults, detect(values), len(values)))
    faults = sum(q.faults for q in results)
    detected = sum(q.detected for q in results)
    false = sum(q.false_alarms for q in results)
    hours = sum(q.hours for q in results)
    delays = [d for q in results for d in q.delays_min]
    return faults, detected / faults, 1000 * false / hours, float(np.median(delays))


def test_detection_rate_false_alarms_and_delay_floors():
    faults, rate, false_per_1000h, median_delay = _quality(seed=11)
    assert faults >= 100  # enough faults for the rate to mean something
    assert rate >= 0.95
    assert false_per_1000h <= 0.5
    assert median_delay <= 4 * 60  # minutes


def test_no_alarm_on_a_normal_month():
    rng = np.random.default_rng(3)
    for signal in ("vibration", "temperature", "current"):
        assert detect(normal_series(30 * 1440, signal, rng)) == []


def test_each_kind_is_found_and_named():
    rng = np.random.default_rng(21)
    for kind in ("spike", "drift", "step"):
        values = normal_series(14 * 1440, "temperature", rng)
        fault = inject(values, "temperature", rng, kind, 10 * 1440)
        found = [a for a in detect(values) if a.end >= fault.start and a.start <= fault.end + 360]
        assert found and found[0].kind == kind, (kind, found)
        assert found[0].detected >= fault.start


def test_threshold_setting_is_honoured():
    rng = np.random.default_rng(4)
    values = normal_series(10 * 1440, "vibration", rng)
    values[8 * 1440] += 0.12 * 10  # a 10-sigma spike
    assert any(a.kind == "spike" for a in detect(values, Settings(spike_mads=8)))
    assert not any(a.kind == "spike" for a in detect(values, Settings(spike_mads=30)))


def test_short_series_and_flat_sensor():
    assert detect(np.ones(100)) == []
    flat = np.full(3 * 1440, 5.0)
    flat[2 * 1440] = 6.0
    assert [a.kind for a in detect(flat)] == ["spike"]
