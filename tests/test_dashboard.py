"""Dashboard figures and charts (F8) on a hand-made plant whose answers are worked out by hand
(tests/dashboard_data.py lists the six hazards)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.auth import Actor, Role
from core.dashboard import DashboardFilters, Drill, build_dashboard, default_filters, rectification
from core.i18n import DomainError
from core.workflow import DISPATCHED, Event
from db import records
from db.repositories.tables import HAZARDS
from db.workspace import Workspace
from jobs.dashboard import load_dashboard
from tests.dashboard_data import NOW, build

YEAR = default_filters(NOW.date())  # 2025-04-01 .. 2026-03-20


@pytest.fixture
def plant(tmp_path: Path) -> Iterator[tuple[Workspace, Actor, dict[str, str], dict[str, str]]]:
    ws, admin, areas, ids = build(tmp_path / "ws")
    yield ws, admin, areas, ids
    ws.close()


def test_default_period_is_the_last_twelve_calendar_months():
    assert YEAR == DashboardFilters(dt.date(2025, 4, 1), dt.date(2026, 3, 20))


def test_figures_by_hand(plant):
    ws, admin, _areas, _ids = plant
    f = ws.dashboard.figures(admin, YEAR)
    assert f.open_by_grade == {"major": 1, "general": 1}  # YH-3 rectifying, YH-4 to dispatch
    assert f.open_total == 2
    assert f.overdue == 1  # YH-3: due 03-15 17:00; YH-4 is due 03-21 08:00
    assert (f.found_this_month, f.closed_this_month) == (4, 2)  # YH-1..4 / YH-1, YH-2
    assert f.avg_rectification_hours == pytest.approx((6 + 48 + 12) / 3)  # YH-1, 2, 5
    assert f.on_time_rate == pytest.approx(2 / 3)  # YH-2 was fixed after its deadline
    everything = ws.dashboard.figures(admin, DashboardFilters())
    assert everything.avg_rectification_hours == pytest.approx((6 + 48 + 12 + 24) / 4)


def test_filters_by_area_and_grade(plant):
    ws, admin, areas, _ids = plant
    a = DashboardFilters(YEAR.start, YEAR.end, area_id=areas["A"])
    fa = ws.dashboard.figures(admin, a)
    assert fa.open_total == 2 and fa.avg_rectification_hours is None and fa.on_time_rate is None
    major = ws.dashboard.load(admin, DashboardFilters(YEAR.start, YEAR.end, grade="major"))
    assert major.figures.open_by_grade == {"major": 1, "general": 0}
    assert major.by_type == [("guard", 1)]


def test_charts_by_hand(plant):
    ws, admin, areas, _ids = plant
    d = ws.dashboard.load(admin, YEAR, no_area="无区域")
    assert d.by_type == [("ppe", 3), ("fire", 1), ("guard", 1)]
    assert d.by_area == [(areas["B"], "焊接车间", 3), (areas["A"], "冲压车间", 2)]
    assert len(d.trend) == 12 and d.trend[0] == ("2025-04", 0, 0)
    assert d.trend[-2:] == [("2026-02", 1, 1), ("2026-03", 4, 2)]
    cells = {(w, h): n for w, row in enumerate(d.heat) for h, n in enumerate(row) if n}
    # Mon 09 (YH-1), Tue 15 (YH-2), Tue 10 (YH-3), Fri 08 (YH-4), Tue 09 (YH-5)
    assert cells == {(0, 9): 1, (1, 15): 1, (1, 10): 1, (4, 8): 1, (1, 9): 1}
    assert [(r.type, r.area_name, r.count) for r in d.repeats] == [("ppe", "焊接车间", 3)]


def test_drill_down_lists_exactly_the_hazards_behind_a_bar_or_cell(plant):
    ws, admin, areas, _ids = plant

    def numbers(drill: Drill) -> list[str]:
        hazards, total = ws.dashboard.drill_page(admin, YEAR, drill)
        assert total == len(hazards)
        return [h.number for h in hazards]

    assert numbers(Drill(type="ppe")) == ["YH-2", "YH-1", "YH-5"]  # newest first
    assert numbers(Drill(area_id=areas["A"])) == ["YH-4", "YH-3"]
    assert numbers(Drill(weekday=1, hour=15)) == ["YH-2"]
    assert numbers(Drill(weekday=1)) == ["YH-3", "YH-2", "YH-5"]
    assert numbers(Drill(month="2026-02")) == ["YH-5"]
    assert numbers(Drill(closed_month="2026-03")) == ["YH-2", "YH-1"]
    assert numbers(Drill(area_id="")) == []
    assert numbers(Drill(type="ppe", area_id=areas["B"])) == ["YH-2", "YH-1", "YH-5"]
    page, total = ws.dashboard.drill_page(admin, YEAR, Drill(type="ppe"), offset=1, limit=1)
    assert [h.number for h in page] == ["YH-1"] and total == 3


def test_figures_follow_workflow_changes_and_edits(plant):
    """The facts the charts read are kept by triggers: a new event, an edit, a tombstone."""
    ws, admin, areas, ids = plant
    # YH-4 is dispatched with a deadline already behind "now": one more overdue
    event = Event("e-new", ids["YH-4"], DISPATCHED, {"deadline": "2026-03-20T09:00"},
                  admin.user_id, "王磊", dt.datetime(2026, 3, 20, 8, 30), 10_000, "t")
    ws.hazards_repo.append(event, "general", ws.hazards.rules())
    assert ws.dashboard.figures(admin, YEAR).overdue == 2
    records.update(ws.db, HAZARDS, ids["YH-1"], {"type": "guard", "area_id": areas["A"]})
    d = ws.dashboard.load(admin, YEAR)
    assert d.by_type == [("guard", 2), ("ppe", 2), ("fire", 1)]
    records.tombstone(ws.db, HAZARDS, ids["YH-2"])
    f = ws.dashboard.figures(admin, YEAR)
    assert f.avg_rectification_hours == pytest.approx((6 + 12) / 2)
    assert ws.dashboard.drill_page(admin, YEAR, Drill(type="ppe"))[1] == 1
    before = ws.dashboard.load(admin, YEAR)
    with ws.db.transaction() as conn:  # the state cache thrown away and rebuilt from events
        conn.execute("DELETE FROM hazard_state")
    assert ws.dashboard.figures(admin, YEAR).open_total == 0
    ws.hazards_repo.rebuild_states()
    assert ws.dashboard.load(admin, YEAR) == before


def test_active_warnings_absent_without_rules_not_zero(plant):
    ws, admin, _areas, _ids = plant
    d = load_dashboard(ws, admin, YEAR)
    if hasattr(ws, "warnings"):
        assert isinstance(d.figures.active_warnings, int)
    else:
        assert d.figures.active_warnings is None


def test_people_without_hazard_rights_see_nothing(plant):
    ws, _admin, _areas, _ids = plant
    worker = Actor("u-w", "w", "工人", frozenset({Role.EMPLOYEE}))
    with pytest.raises(DomainError):
        ws.dashboard.load(worker, YEAR)


def test_pure_definitions_on_raw_rows():
    # (month, slot = weekday × 24 + hour, count, Σ hours, archived, Σ met, rectified)
    hours = [("2026-03", 9, 2, 10.0, 2, 1.0, 2), ("2026-03", 24 + 15, 1, 0.0, 0, 0.0, 0)]
    assert rectification(hours) == (5.0, 0.5)
    assert rectification([]) == (None, None)
    f = DashboardFilters(dt.date(2026, 1, 15), dt.date(2026, 3, 2))
    figures = None
    d = build_dashboard(f, figures, [("ppe", None, 2, "2026-03-03T15:00")], hours, [],
                        {}, "无区域")
    assert [m for m, _, _ in d.trend] == ["2026-01", "2026-02", "2026-03"]
    assert d.by_area == [(None, "无区域", 2)]
    assert d.heat[0][9] == 2 and d.heat[1][15] == 1


def test_a_hazard_arriving_after_its_state_is_counted(plant):
    """A sync batch may fold a hazard's events into a state before writing the hazard row (the
    foreign key checked at commit)."""
    ws, admin, areas, _ids = plant
    conn = ws.db.conn
    with ws.db.transaction():
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("INSERT INTO hazard_state (hazard_id, step, step_started, step_deadline) "
                     "VALUES ('late-1', 'rectify', '2026-03-19T08:00', '2026-03-19T12:00')")
        assert conn.execute("SELECT COUNT(*) FROM hazard_facts WHERE hazard_id = 'late-1'"
                            ).fetchone()[0] == 0
        conn.execute("INSERT INTO hazards (id, created_hlc, updated_hlc, created_device, device, "
                     "number, description, type, grade, area_id, found_at) VALUES "
                     "('late-1', 1, 1, 'pc2', 'pc2', 'YH-9', '远端', 'fire', 'general', ?, "
                     "'2026-03-19T07:30')", (areas["A"],))
    f = ws.dashboard.figures(admin, YEAR)
    assert (f.open_total, f.overdue) == (3, 2)


def _reports(ws, admin, ids):
    """Four 随手拍 reports found this month: one verified (a hazard now), one rejected, one
    merged into YH-1, one not verified yet. Only the verified one is a hazard."""
    from db import records
    from db.repositories.tables import PEOPLE

    person = records.insert(ws.db, PEOPLE, {"employee_no": "P-001", "name": "李四",
                                            "status": "active"})
    made = []
    for i in range(4):
        made.append(ws.hazards.report(None, person, "李四", {
            "description": f"随手拍 {i}", "type": "ppe", "found_at": f"2026-03-1{i}T08:00:00"}))
    ws.hazards.verify(admin, made[0])
    ws.hazards.reject_report(admin, made[1], "不是隐患")
    ws.hazards.merge(admin, made[2], ids["YH-1"])
    return made


def test_reports_not_accepted_merged_or_unverified_are_not_counted(plant):
    ws, admin, _areas, ids = plant
    before = ws.dashboard.load(admin, YEAR)
    _reports(ws, admin, ids)
    after = ws.dashboard.load(admin, YEAR)
    # only the verified report adds one: found this month, open (to dispatch), a ppe bar
    assert after.figures.found_this_month == before.figures.found_this_month + 1
    assert after.figures.open_total == before.figures.open_total + 1
    assert dict(after.by_type)["ppe"] == dict(before.by_type)["ppe"] + 1
    march = {m: found for m, found, _closed in after.trend}["2026-03"]
    assert march == {m: found for m, found, _closed in before.trend}["2026-03"] + 1
    assert sum(map(sum, after.heat)) == sum(map(sum, before.heat)) + 1
    # the drill-down behind the ppe bar lists the same hazards the bar counts
    drilled = ws.dashboard.drill_page(admin, YEAR, Drill(type="ppe"))[1]
    assert drilled == dict(after.by_type)["ppe"]


def test_long_bar_labels_wrap_into_two_lines_instead_of_being_cut():
    from reports.dashboard_charts import _short

    label = _short("Guard or safety device missing/failed")
    assert label == "Guard or safety device\nmissing/failed"
    assert _short("Electrical") == "Electrical"
    assert _short("安全防护装置缺失或失效") == "安全防护装置缺失或失效"
    assert "…" not in _short("Unsafe act / procedure not followed")
