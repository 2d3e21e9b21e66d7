"""A tiny hand-made plant for the dashboard and metrics tests: six hazards whose every figure
is worked out by hand in the tests (see the table in build())."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.auth import Actor
from core.ids import uuid7
from core.workflow import ARCHIVED, DISCOVERED, DISPATCHED, RECTIFIED, REVIEW_PASSED, Event
from db.workspace import Workspace

NOW = dt.datetime(2026, 3, 20, 10, 0)


def T(text: str) -> dt.datetime:  # noqa: N802 (reads like a literal)
    return dt.datetime.fromisoformat(text)


# number, found, type, area, grade, dispatch deadline, rectified, archived
#   YH-1  Mon 03-02 09:00 ppe   B general  deadline 03-03 17:00, fixed 03-02 13:00 (on time),
#         archived 03-02 15:00 -> 6 h
#   YH-2  Tue 03-03 15:20 ppe   B general  deadline 03-04 12:00, fixed 03-05 09:00 (late),
#         archived 03-05 15:20 -> 48 h
#   YH-3  Tue 03-10 10:00 guard A major    deadline 03-15 17:00, still rectifying -> overdue
#   YH-4  Fri 03-20 08:00 fire  A general  recorded only (to dispatch, due 03-21 08:00)
#   YH-5  Tue 02-10 09:00 ppe   B general  deadline 02-11 17:00, fixed 02-10 18:00,
#         archived 02-10 21:00 -> 12 h
#   YH-6  2025-01-06 09:00 machinery A     archived 2025-01-07 09:00 (outside the last 12 months)
PLAN = [
    ("YH-1", "2026-03-02T09:00", "ppe", "B", "general", "2026-03-03T17:00", "2026-03-02T13:00",
     "2026-03-02T15:00"),
    ("YH-2", "2026-03-03T15:20", "ppe", "B", "general", "2026-03-04T12:00", "2026-03-05T09:00",
     "2026-03-05T15:20"),
    ("YH-3", "2026-03-10T10:00", "guard", "A", "major", "2026-03-15T17:00", None, None),
    ("YH-4", "2026-03-20T08:00", "fire", "A", "general", None, None, None),
    ("YH-5", "2026-02-10T09:00", "ppe", "B", "general", "2026-02-11T17:00", "2026-02-10T18:00",
     "2026-02-10T21:00"),
    ("YH-6", "2025-01-06T09:00", "machinery", "A", "general", "2025-01-08T17:00",
     "2025-01-06T15:00", "2025-01-07T09:00"),
]


def build(folder: Path) -> tuple[Workspace, Actor, dict[str, str], dict[str, str]]:
    """The workspace (clock fixed at NOW), its admin, area ids by letter, hazard ids by number."""
    ws = Workspace.open(folder, fast_hash=True)
    admin = ws.create_plant("测试工厂", "A", "一厂区", "admin", "王磊", "correct-horse-9")
    ws.hazards.now = lambda: NOW
    site = ws.db.conn.execute("SELECT id FROM sites").fetchone()[0]
    areas = {letter: ws.structure.add(admin, "area", {"code": letter, "name": name,
                                                      "site_id": site})
             for letter, name in (("A", "冲压车间"), ("B", "焊接车间"))}
    hazards, events, ids = [], [], {}
    hlc = 1
    for number, found, type_, area, grade, deadline, fixed, archived in PLAN:
        hid = uuid7()
        ids[number] = hid
        hazards.append({"id": hid, "number": number, "description": f"{number} 描述",
                        "type": type_, "grade": grade, "source": "inspection",
                        "area_id": areas[area], "found_at": found})
        steps = [(DISCOVERED, found, {"found_at": found})]
        if deadline:
            steps.append((DISPATCHED, (T(found) + dt.timedelta(minutes=30)).isoformat(),
                          {"deadline": deadline, "rectifier_id": admin.user_id}))
        if fixed:
            steps.append((RECTIFIED, fixed, {"note": "已整改"}))
            steps.append((REVIEW_PASSED, fixed, {}))
        if archived:
            steps.append((ARCHIVED, archived, {}))
        for kind, at, payload in steps:
            events.append(Event(uuid7(), hid, kind, payload, admin.user_id, "王磊", T(at), hlc, "t"))
            hlc += 1
    ws.hazards_repo.create_many(hazards, events)
    return ws, admin, areas, ids
