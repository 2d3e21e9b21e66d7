"""The demo plant opens with the field report's warnings, and the sensor fault is found."""

import datetime as dt

from core.auth import SYSTEM
from core.hazards import HazardQuery
from db.check import check
from db.demo_loader import load_demo
from db.workspace import Workspace
from jobs.warning_jobs import run_warnings

TODAY = dt.date(2025, 11, 20)


def test_demo_opens_with_active_warnings(tmp_path):
    ws = Workspace.open(tmp_path, fast_hash=True)
    try:
        load_demo(ws, today=TODAY)
        items = ws.warnings.list(SYSTEM)
        by_rule = {}
        for w in items:
            by_rule.setdefault(w.rule, []).append(w)
        (line_b,) = by_rule["repeats"]
        assert line_b.severity == "red" and "冲压B线" in line_b.params["subject"]
        assert line_b.params["count"] >= 7
        assert any("YJ-CY" in w.params["subject"] for w in by_rule["persistence"])
        (ppe,) = [w for w in by_rule["time_cluster"] if w.params["type"] == "ppe"]
        assert (ppe.params["start"], ppe.params["end"]) == (15, 16)
        (mes,) = by_rule["mes"]
        assert mes.state.state == "acted"
        stop = ws.hazards.get(SYSTEM, mes.state.hazard_ids[0])
        assert stop.grade == "major" and stop.source == "mes"
        assert ws.equipment_repo.get(mes.subject_id).risk_grade == "major"
        assert {m.equipment_id for m in ws.warnings.monitoring(SYSTEM)} >= {mes.subject_id}
        assert "sensor" not in by_rule  # found when the rules run with the detector
        clerk = ws.users_repo.by_username("clerk").actor()
        summary = run_warnings(ws, clerk, TODAY)
        assert summary.raised == 1 and summary.hazards_created == ()
        (sensor,) = [w for w in ws.warnings.list(SYSTEM) if w.rule == "sensor"]
        assert sensor.params["signal"] == "vibration" and sensor.params["kind"] in ("drift", "step")
        majors = ws.hazards.search_page(SYSTEM, HazardQuery(grade="major", source="mes"))[1]
        assert majors == 1
        assert check(ws.db) == []
    finally:
        ws.close()
