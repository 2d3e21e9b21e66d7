"""Early warnings at scale: the five rules over 500,000 hazards, and the sensor detector over a
year of one-minute readings for 50 machines (26.28 M values per signal, three signals).

Targets (issue 8): all warning rules under 2 s; the year of readings analysed under 10 s.
Figures are wall-clock on the shared 2-core development machine (others run tests meanwhile).

`python bench/warnings_bench.py [--hazards N] [--machines M] [--days D]`
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.sensor_anomaly import BLOCK, detect  # noqa: E402
from analytics.sensor_synth import faulty_series, score  # noqa: E402
from core.auth import SYSTEM  # noqa: E402
from core.hazards import HAZARD_TYPES  # noqa: E402
from core.ids import uuid7  # noqa: E402
from core.warning_rules import REPEATS, lookback_days, run_all  # noqa: E402
from db.sensor_store import SensorStore  # noqa: E402
from db.workspace import Workspace  # noqa: E402

TYPES = list(HAZARD_TYPES)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(folder: Path, n: int, seed: int = 8) -> tuple[Workspace, float]:
    """A plant of 12 areas, 36 lines, 400 machines and ``n`` hazards over two years, written
    straight into SQLite (hazards + their folded state) — the rules only read them."""
    rng = random.Random(seed)
    ws = Workspace.open(folder, fast_hash=True)
    site = ws.structure.add(SYSTEM, "site", {"code": "S01", "name": "主厂区"})
    areas = [ws.structure.add(SYSTEM, "area", {"code": f"A{k}", "name": f"{k}号车间",
                                               "site_id": site}) for k in range(12)]
    lines = [(ws.structure.add(SYSTEM, "line", {"code": f"L{k}", "name": f"{k}号线",
                                                "area_id": areas[k % 12]}), areas[k % 12])
             for k in range(36)]
    kind = ws.equipment.add_type(SYSTEM, "YJ", "压力机")
    ws.equipment_repo.upsert_many(
        [{"code": f"YJ-{k:04d}", "name": "压力机", "type_id": kind, "area_id": areas[k % 12],
          "status": "in_service", "special": 0} for k in range(400)], [])
    equipment = [r[0] for r in ws.db.conn.execute("SELECT id FROM equipment")]
    now = dt.datetime.now().replace(microsecond=0)
    t0 = time.perf_counter()
    hazards, states = [], []
    hlc = ws.db.clock.now()
    for i in range(n):
        hid = uuid7()
        found = now - dt.timedelta(minutes=rng.randrange(10, 730 * 24 * 60))
        line, area = lines[rng.randrange(36)] if i % 4 else (None, areas[rng.randrange(12)])
        hazards.append((hid, hlc, hlc, "bench", "bench", f"YH-{i:07d}", f"隐患 {i}",
                        rng.choice(TYPES), "general", "inspection", area, line,
                        rng.choice(equipment) if i % 3 == 0 else None, found.isoformat()))
        states.append((hid, "closed" if i % 10 else "rectify"))
    with ws.db.transaction() as conn:
        conn.executemany(
            "INSERT INTO hazards (id, created_hlc, updated_hlc, created_device, device, number, "
            "description, type, grade, source, area_id, line_id, equipment_id, found_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", hazards)
        conn.executemany("INSERT INTO hazard_state (hazard_id, step) VALUES (?, ?)", states)
    return ws, time.perf_counter() - t0


def bench_rules(n: int) -> list[tuple[str, str, str]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        ws, load_s = build(Path(tmp), n)
        rows.append((f"write {n:,} hazards straight into SQLite", f"{load_s:.2f} s", ""))
        today = dt.date.today()
        settings = ws.warnings.rule_settings()
        since = dt.datetime.combine(today, dt.time()) - dt.timedelta(days=lookback_days(settings))
        t0 = time.perf_counter()
        records = ws.warnings_repo.rule_hazards(since)
        read_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        findings = run_all(records, [], [], settings, today)
        pure_s = time.perf_counter() - t0
        rows.append((f"  read the rules' window ({len(records):,} hazards)", f"{read_s:.2f} s", ""))
        rows.append((f"  the rules in Python ({len(findings):,} findings)", f"{pure_s:.2f} s", ""))
        t0 = time.perf_counter()
        first = ws.warnings.run_rules(SYSTEM, today)
        first_s = time.perf_counter() - t0
        rows.append((f"all warning rules, first run (raises {first.raised:,} warnings)",
                     f"{first_s:.2f} s", "< 2 s"))
        t0 = time.perf_counter()
        again = ws.warnings.run_rules(SYSTEM, today)
        again_s = time.perf_counter() - t0
        tracemalloc.start()  # Python allocations of one more run (slower while tracing)
        ws.warnings.run_rules(SYSTEM, today)
        _current, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert again.raised == 0
        rows.append(("all warning rules, re-run (nothing new)", f"{again_s:.2f} s", "< 2 s"))
        days = settings[REPEATS]["days"]
        start = (dt.datetime.combine(today, dt.time()) - dt.timedelta(days=days)).isoformat()
        t0 = time.perf_counter()
        ws.db.conn.execute(
            "SELECT COALESCE(line_id, area_id), type, count(*) FROM hazards h "
            "JOIN hazard_state s ON s.hazard_id = h.id WHERE found_at >= ? "
            "AND s.step NOT IN ('merged', 'rejected') GROUP BY 1, 2 HAVING count(*) >= ?",
            (start, settings[REPEATS]["orange"])).fetchall()
        sql_s = time.perf_counter() - t0
        rows.append(("  plain SQL GROUP BY: repeats count of the last window only", f"{sql_s:.3f} s",
                     ""))
        rows.append(("  ratio all rules (re-run) / that GROUP BY", f"{again_s / sql_s:.1f}x", ""))
        rows.append(("  peak Python memory of one rules run (tracemalloc)",
                     f"{traced_peak / 2**20:.0f} MB", ""))
        rows.append(("peak resident memory after the rules part (incl. building the data)",
                     f"{_peak_mb():.0f} MB", ""))
        ws.close()
    return rows


def bench_sensors(machines: int, days: int) -> list[tuple[str, str, str]]:
    rows = []
    minutes = days * 1440
    rng = np.random.default_rng(1)
    analyse_s = floor_s = 0.0
    results = []
    for _m in range(machines):
        for signal in ("vibration", "temperature", "current"):
            values, faults = faulty_series(minutes, signal, rng)
            t0 = time.perf_counter()
            found = detect(values)
            analyse_s += time.perf_counter() - t0
            t0 = time.perf_counter()  # the floor: one partition pass for the hourly medians
            body = values[: len(values) // BLOCK * BLOCK].reshape(-1, BLOCK)
            np.partition(body, BLOCK // 2, axis=1)
            floor_s += time.perf_counter() - t0
            results.append(score(faults, found, minutes))
    per_signal = machines * minutes
    rows.append((f"detector: {machines} machines x {days} days x 3 signals "
                 f"({per_signal / 1e6:.2f} M values per signal)", f"{analyse_s:.2f} s", "< 10 s"))
    rows.append(("  floor: one numpy partition pass (hourly medians)", f"{floor_s:.2f} s", ""))
    rows.append(("  ratio detector / that pass", f"{analyse_s / floor_s:.1f}x", ""))
    faults = sum(q.faults for q in results)
    detected = sum(q.detected for q in results)
    false = sum(q.false_alarms for q in results)
    hours = sum(q.hours for q in results)
    delays = sorted(d for q in results for d in q.delays_min)
    by_kind: dict[str, list[int]] = {}
    for q in results:
        for kind, (d, t) in q.by_kind.items():
            by_kind.setdefault(kind, [0, 0])
            by_kind[kind][0] += d
            by_kind[kind][1] += t
    rows.append((f"  detection rate ({faults:,} injected faults)",
                 f"{100 * detected / faults:.1f} %", ">= 90 %"))
    for kind, (d, t) in by_kind.items():
        rows.append((f"    {kind}", f"{100 * d / max(t, 1):.1f} %", ""))
    rows.append(("  false alarms per 1,000 machine-signal hours",
                 f"{1000 * false / hours:.2f}", "<= 1"))
    rows.append(("  detection delay, median / 90th percentile",
                 f"{np.median(delays):.0f} / {np.percentile(delays, 90):.0f} min", ""))
    # the store: one year-long series written and read back
    with tempfile.TemporaryDirectory() as tmp:
        store = SensorStore(Path(tmp))
        t = np.arange(minutes, dtype=np.int64) * 60
        v = faulty_series(minutes, "vibration", rng)[0]
        t0 = time.perf_counter()
        store.commit(store.stage({("m1", "vibration"): store.merged("m1", "vibration", t, v)}))
        write_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        store.load("m1", "vibration")
        read_s = time.perf_counter() - t0
        size = store.path("m1", "vibration").stat().st_size / 1e6
    rows.append((f"  store one series ({minutes:,} readings, {size:.1f} MB): write / read",
                 f"{write_s * 1000:.0f} / {read_s * 1000:.0f} ms", ""))
    rows.append(("peak resident memory after the sensor part", f"{_peak_mb():.0f} MB", ""))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hazards", type=int, default=500_000)
    parser.add_argument("--machines", type=int, default=50)
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    rows = bench_rules(args.hazards) + bench_sensors(args.machines, args.days)
    width = max(len(r[0]) for r in rows)
    print(f"{'warnings benchmark (shared 2-core machine)':<{width}}  {'figure':>14}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:>14}  {target}")


if __name__ == "__main__":
    main()
