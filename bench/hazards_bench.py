"""Hazards at 100,000 x 6 events: the fold, the state cache, the list and one transition.

Targets (F5): folding all states under 1 s; the list's first page (its data part of "opens
under 300 ms"); one workflow transition, write + outbox included, under 20 ms.

`python bench/hazards_bench.py [--hazards N]`
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from core.auth import SYSTEM
from core.hazards import HAZARD_TYPES, HazardQuery
from core.ids import uuid7
from core.workflow import (
    ARCHIVED,
    COMMENTED,
    DISCOVERED,
    DISPATCHED,
    ESCALATED,
    RECTIFIED,
    REPORT_REJECTED,
    REPORTED,
    REVIEW_PASSED,
    REVIEW_REJECTED,
    REWARDED,
    VERIFIED,
    Event,
    fold,
)
from db.workspace import Workspace

TYPES = list(HAZARD_TYPES)
DEVICE = "bench-pc"


def _history(i: int, hid: str, found: dt.datetime, now: dt.datetime, rng: random.Random,
             people: dict[str, str]) -> list[tuple[str, dict]]:
    """Six events for hazard i; the mix puts hazards in every step, some of them overdue."""
    dispatch = {"department_id": people["dept"], "rectifier_id": people["fixer"],
                "measures": "加装防护罩并培训", "funds": rng.randrange(100, 5000),
                "deadline": (found + dt.timedelta(days=3)).isoformat()}
    later = {**dispatch, "deadline": (now + dt.timedelta(days=rng.randrange(1, 30))).isoformat()}
    note = {"text": "已通知班组长"}
    fixed = {"note": "已整改", "cost": rng.randrange(0, 800), "photos": [], "on_time": True}
    pattern = i % 20
    if pattern < 8:  # archived
        return [(DISCOVERED, {}), (DISPATCHED, dispatch), (RECTIFIED, fixed),
                (REVIEW_PASSED, {"reason": ""}), (ARCHIVED, {"note": "", "closed_on": ""}),
                (COMMENTED, note)]
    if pattern < 10:  # waiting to be archived, after one rejected review
        return [(DISCOVERED, {}), (DISPATCHED, dispatch), (RECTIFIED, fixed),
                (REVIEW_REJECTED, {"reason": "护罩固定不牢"}), (RECTIFIED, fixed),
                (REVIEW_PASSED, {"reason": ""})]
    if pattern < 12:  # a verified 随手拍 report, fixed, waiting for review (escalated)
        return [(REPORTED, {}), (VERIFIED, {"note": ""}), (DISPATCHED, dispatch),
                (RECTIFIED, fixed), (COMMENTED, note),
                (ESCALATED, {"level": 1, "step": "review"})]
    if pattern < 14:  # rectifying, overdue and escalated twice
        return [(DISCOVERED, {}), (DISPATCHED, dispatch), (COMMENTED, note),
                (ESCALATED, {"level": 1, "step": "rectify"}),
                (ESCALATED, {"level": 2, "step": "rectify"}), (COMMENTED, note)]
    if pattern < 17:  # rectifying, deadline ahead
        return [(DISCOVERED, {}), (DISPATCHED, later), (COMMENTED, note), (COMMENTED, note),
                (COMMENTED, note), (COMMENTED, note)]
    if pattern < 19:  # waiting to be dispatched
        return [(DISCOVERED, {}), (COMMENTED, note), (ESCALATED, {"level": 1, "step": "discover"}),
                (COMMENTED, note), (COMMENTED, note), (REWARDED, {"amount": 20, "note": ""})]
    if i % 40 == 19:  # a report not accepted
        return [(REPORTED, {}), (COMMENTED, note), (COMMENTED, note),
                (REPORT_REJECTED, {"reason": "不属于安全隐患"}), (COMMENTED, note),
                (COMMENTED, note)]
    return [(REPORTED, {}), (COMMENTED, note), (COMMENTED, note), (COMMENTED, note),
            (COMMENTED, note), (COMMENTED, note)]  # a report waiting for the clerk


def build(folder: Path, n: int, seed: int = 5) -> tuple[Workspace, dict[str, list[Event]], float]:
    """A minimal plant and n hazards x 6 events loaded with create_many; returns the events by
    hazard (for the in-memory fold) and the load time."""
    rng = random.Random(seed)
    ws = Workspace.open(folder, fast_hash=True)
    site = ws.structure.add(SYSTEM, "site", {"code": "S01", "name": "主厂区"})
    dept = ws.structure.add(SYSTEM, "department", {"code": "CY", "name": "冲压车间",
                                                   "site_id": site})
    areas = [ws.structure.add(SYSTEM, "area", {"code": f"A{k}", "name": f"{k}号车间",
                                               "site_id": site, "department_id": dept})
             for k in range(5)]
    lines = [ws.structure.add(SYSTEM, "line", {"code": f"L{k}", "name": f"{k}号线",
                                               "area_id": areas[k]}) for k in range(5)]
    kind = ws.equipment.add_type(SYSTEM, "YJ", "压力机")
    ws.equipment_repo.upsert_many(
        [{"code": f"YJ-{k:04d}", "name": "压力机", "type_id": kind, "area_id": areas[k % 5],
          "status": "in_service", "special": 0} for k in range(50)], [])
    equipment = [r[0] for r in ws.db.conn.execute("SELECT id FROM equipment")]
    people = {"dept": dept, "fixer": "u-fixer"}
    now = dt.datetime.now().replace(microsecond=0)
    hazards, events, groups = [], [], {}
    for i in range(n):
        hid = uuid7()
        found = now - dt.timedelta(minutes=rng.randrange(10, 365 * 24 * 60))
        k = i % 5
        history = _history(i, hid, found, now, rng, people)
        snapshot = history[0][0] == REPORTED
        hazards.append({
            "id": hid, "number": f"YH-{found.year}-{i + 1:06d}", "description": f"隐患描述 {i}",
            "type": rng.choice(TYPES), "grade": "major" if i % 50 == 0 else "general",
            "source": "snapshot" if snapshot else "inspection", "area_id": areas[k],
            "line_id": lines[k], "equipment_id": rng.choice(equipment) if i % 3 else None,
            "location": None, "reporter_person_id": None, "reporter_name": "张工",
            "found_at": found.isoformat()})
        evs, at = [], found
        for j, (event_kind, payload) in enumerate(history):
            if j == 0:
                payload = {"found_at": found.isoformat(), "reporter_name": "张工"}
            hlc = (int(at.timestamp() * 1000) << 16) | j
            evs.append(Event(uuid7(), hid, event_kind, payload, "u-clerk", "张工", at, hlc, DEVICE))
            at = min(at + dt.timedelta(minutes=rng.randrange(5, 600)), now)
        events += evs
        groups[hid] = evs
    t0 = time.perf_counter()
    ws.hazards_repo.create_many(hazards, events)
    return ws, groups, time.perf_counter() - t0


def _median_ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def _plain_commit_ms(folder: Path, rounds: int = 50) -> float:
    """The floor for one durable write: plain sqlite3, the app's pragmas, one row, one commit."""
    conn = sqlite3.connect(folder / "plain.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, payload TEXT)")
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t VALUES (?, ?)", (uuid7(), '{"note":"x"}'))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - t0)
    conn.close()
    return statistics.median(times) * 1000


def bench_hazards(n: int = 100_000) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ws, groups, load_s = build(folder / "ws", n)
        n_events = sum(len(g) for g in groups.values())
        rows.append((f"load {n:,} hazards x 6 events (create_many, incl. fold)",
                     f"{load_s:.2f} s", ""))

        batches = list(groups.values())
        gc.collect()  # start from a clean collector; the fold itself runs with GC on
        t0 = time.perf_counter()
        states = [fold(b) for b in batches]
        fold_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        touched = 0
        for b in batches:  # the floor: sort each hazard's events and touch each one
            for _e in sorted(b, key=lambda e: e.hlc):
                touched += 1
        floor_s = time.perf_counter() - t0
        assert touched == n_events and len(states) == n
        rows.append((f"fold all {n:,} hazards ({n_events:,} events, in memory)",
                     f"{fold_s:.2f} s", "< 1 s"))
        rows.append(("  plain loop: sort + touch every event", f"{floor_s:.2f} s", ""))
        rows.append(("  ratio fold / plain loop", f"{fold_s / floor_s:.1f}x", ""))

        # The app does not hold every event in memory while it rebuilds; neither do we.
        del batches, groups, states
        gc.collect()
        t0 = time.perf_counter()
        ws.hazards_repo.rebuild_states()
        rebuild_s = time.perf_counter() - t0
        with ws.db.transaction() as conn:
            conn.execute("DELETE FROM hazard_state")
        t0 = time.perf_counter()
        ws.hazards_repo.rebuild_states()
        cold_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        cur = ws.db.conn.execute(
            "SELECT id, hazard_id, kind, payload, actor_id, actor_name, at, hlc, device "
            "FROM hazard_events ORDER BY hazard_id, hlc, device, id")
        while cur.fetchmany(20_000):
            pass
        read_s = time.perf_counter() - t0
        rows.append(("rebuild_states, cache current (as after a sync)", f"{rebuild_s:.2f} s", ""))
        rows.append(("rebuild_states, cache empty (every state written)", f"{cold_s:.2f} s", ""))
        rows.append(("  plain sqlite3: stream all event rows, in that order",
                     f"{read_s:.2f} s", ""))
        rows.append(("  ratio rebuild / plain read", f"{rebuild_s / read_s:.1f}x", ""))

        now = dt.datetime.now()
        cases = {
            "first page, no filter": HazardQuery(),
            "first page, step = rectify": HazardQuery(steps=("rectify",)),
            "first page, overdue": HazardQuery(overdue=True, now=now),
            "first page, step = rectify + overdue": HazardQuery(steps=("rectify",), overdue=True,
                                                                now=now),
        }
        for name, query in cases.items():
            page, total = ws.hazards.search_page(SYSTEM, query)
            assert page and total
            ms = _median_ms(lambda q=query: ws.hazards.search_page(SYSTEM, q), 15)
            rows.append((f"{name} (200 of {total:,}), median", f"{ms:.1f} ms", "< 300 ms"))

        discover = [r[0] for r in ws.db.conn.execute(
            "SELECT hazard_id FROM hazard_state WHERE step = 'discover' LIMIT 50")]
        rectify = [r[0] for r in ws.db.conn.execute(
            "SELECT hazard_id FROM hazard_state WHERE step = 'rectify' LIMIT 50")]
        deadline = (now + dt.timedelta(days=7)).replace(microsecond=0)
        values = {"department_id": ws.db.conn.execute(
            "SELECT id FROM departments").fetchone()[0], "rectifier_id": "u-fixer",
            "measures": "更换护罩", "funds": 300, "deadline": deadline}
        plain_ms = _plain_commit_ms(folder)
        for name, ids, act in (
                ("dispatch", discover, lambda h: ws.hazards.dispatch(SYSTEM, h, values)),
                ("rectify", rectify, lambda h: ws.hazards.rectify(SYSTEM, h, "已整改", cost=50))):
            times = []
            for hid in ids:
                t0 = time.perf_counter()
                act(hid)
                times.append(time.perf_counter() - t0)
            ms = statistics.median(times) * 1000
            rows.append((f"one transition: {name} via HazardService, median of {len(ids)}",
                         f"{ms:.1f} ms", "< 20 ms"))
            rows.append((f"  ratio {name} / plain sqlite3 INSERT+COMMIT ({plain_ms:.2f} ms)",
                         f"{ms / plain_ms:.1f}x", ""))
        ws.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hazards", type=int, default=100_000)
    args = parser.parse_args()
    rows = bench_hazards(args.hazards)
    width = max(len(r[0]) for r in rows)
    print(f"{'benchmark':<{width}}  {'figure':>10}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:>10}  {target}")


if __name__ == "__main__":
    main()
