"""Warnings through the service and the jobs on a real SQLite file: idempotent rule runs, the
lifecycle with permissions, MES alarm import (mapping, bad rows, dedupe, the forced stop once),
sensor import (long and wide CSV, anomalies found, all or nothing) and the CLI."""

import datetime as dt
import json

import numpy as np
import pytest

from analytics.sensor_synth import inject, normal_series
from cli.commands import main
from core.hazards import HazardQuery
from core.i18n import DomainError
from core.warnings import ACKNOWLEDGED, ACTED, CLOSED, NEW, WarningQuery
from db.check import check
from db.workspace import Workspace
from jobs.warning_jobs import import_mes_alarms, import_sensor, run_warnings, warning_chart

NOW = dt.datetime(2026, 11, 25, 9, 0)
TODAY = NOW.date()
SENSOR_RULE = "sensor"


@pytest.fixture
def plant(tmp_path):
    ws = Workspace.open(tmp_path / "data", fast_hash=True)
    ws.hazards.now = lambda: NOW
    admin = ws.create_plant("测试厂", "S01", "主厂区", "admin", "管理员", "password-1")
    site = ws.structure.list(admin, "site")[0]["id"]
    area = ws.structure.add(admin, "area", {"code": "CY", "name": "冲压车间", "site_id": site})
    lines = {code: ws.structure.add(admin, "line", {"code": code, "name": f"冲压{code}线",
                                                    "area_id": area}) for code in ("A", "B")}
    press = ws.equipment.add(admin, {"code": "YJ-CY-0001", "name": "压力机", "area_id": area,
                                     "line_id": lines["A"], "risk_grade": "general"})
    other = ws.equipment.add(admin, {"code": "KY-KY-0001", "name": "空压机", "area_id": area})
    users = {"admin": admin}
    for username, roles in (("clerk", ["safety_clerk"]), ("head", ["dept_head"]),
                            ("worker", ["employee"]), ("fixer", ["rectifier"])):
        ws.auth.create_user(admin, username, username, roles, "password-1")
        users[username] = ws.auth.users.by_username(username).actor()
    yield ws, users, {"area": area, "lines": lines, "press": press, "other": other}
    ws.close()


def _record(ws, actor, n, line, type_="guard", days_apart=3, equipment=None):
    ids = []
    for i in range(n):
        found = NOW - dt.timedelta(days=1 + i * days_apart)
        ids.append(ws.hazards.record(actor, {
            "description": f"脚踏开关问题 {i}", "type": type_, "line_id": line,
            "equipment_id": equipment, "found_at": found.isoformat()}))
    return ids


def test_rules_raise_once_and_refresh(plant):
    ws, users, ids = plant
    _record(ws, users["clerk"], 5, ids["lines"]["B"])
    _record(ws, users["clerk"], 4, ids["lines"]["A"])  # another line: does not add up
    first = ws.warnings.run_rules(users["clerk"], TODAY)
    assert first.raised == 1 and first.active == 1
    (w,) = ws.warnings.list(users["head"])
    assert w.severity == "orange" and w.subject_id == ids["lines"]["B"]
    assert "冲压B线" in w.title("zh_CN") and "5 次" in w.title("zh_CN")
    again = ws.warnings.run_rules(users["clerk"], TODAY)
    assert (again.raised, again.refreshed, again.active) == (0, 0, 1)
    # two more reports: the same warning turns red, no second warning
    _record(ws, users["clerk"], 2, ids["lines"]["B"], days_apart=1)
    third = ws.warnings.run_rules(users["clerk"], TODAY)
    assert (third.raised, third.refreshed) == (0, 1)
    (w,) = ws.warnings.list(users["clerk"], WarningQuery(active_only=False))
    assert w.severity == "red" and len(w.evidence["hazards"]) == 7
    assert ws.warnings.active_count(users["head"]) == 1
    assert check(ws.db) == []


def test_lifecycle_with_who_and_when_and_permissions(plant):
    ws, users, ids = plant
    hazard_ids = _record(ws, users["clerk"], 5, ids["lines"]["B"])
    ws.warnings.run_rules(users["clerk"], TODAY)
    (w,) = ws.warnings.list(users["clerk"])
    with pytest.raises(DomainError) as err:
        ws.warnings.acknowledge(users["fixer"], w.id)  # a rectifier sees but does not act
    assert err.value.key == "auth.forbidden"
    with pytest.raises(DomainError):
        ws.warnings.list(users["worker"])  # no hazard read permission
    w = ws.warnings.acknowledge(users["head"], w.id, "已安排检查")
    assert w.state.state == ACKNOWLEDGED and w.state.last_actor == "head"
    with pytest.raises(DomainError) as err:
        ws.warnings.acknowledge(users["clerk"], w.id)
    assert err.value.key == "warning.wrong_state"
    w = ws.warnings.act(users["clerk"], w.id, hazard_ids[0], "更换脚踏开关")
    assert w.state.state == ACTED and w.state.hazard_ids == (hazard_ids[0],)
    w = ws.warnings.close(users["clerk"], w.id, "已加装联锁")
    assert w.state.state == CLOSED and ws.warnings.active_count(users["clerk"]) == 0
    history = ws.warnings.history(users["fixer"], w.id)
    assert [e.kind for e in history] == ["acknowledged", "acted", "closed"]
    assert history[0].at == NOW.isoformat() and history[2].note == "已加装联锁"
    # closed and nothing new: a re-run does not bring it back
    assert ws.warnings.run_rules(users["clerk"], TODAY).raised == 0
    # a new report after it closed is a new episode: a new warning
    ws.hazards.now = lambda: NOW + dt.timedelta(hours=1)
    ws.hazards.record(users["clerk"], {"description": "又坏了", "type": "guard",
                                        "line_id": ids["lines"]["B"],
                                        "found_at": NOW.isoformat()})
    assert ws.warnings.run_rules(users["clerk"], TODAY).raised == 1
    w = ws.warnings.reopen(users["clerk"], w.id)
    assert w.state.state == NEW


def _alarm_csv(path, rows):
    path.write_text("machine_id,time,kind,value\n" + "\n".join(",".join(r) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def test_mes_import_mapping_errors_dedupe_and_forced_stop_once(plant, tmp_path):
    ws, users, ids = plant
    mapping = tmp_path / "map.csv"
    mapping.write_text("mes_id,equipment_code\nPRESS-07,YJ-CY-0001\n", encoding="utf-8")
    rows = [("PRESS-07", "2026-11-23 09:12:00", "超温", "81.5"),
            ("PRESS-07", "2026-11-23 09:59:00", "over_temperature", "86"),
            ("PRESS-07", "2026-11-23 10:46:00", "OVER-TEMPERATURE", "91.4")]
    # an unknown machine in one row: nothing stored, the row named
    bad = _alarm_csv(tmp_path / "bad.csv", [*rows, ("PRESS-99", "2026-11-23 11:00", "超温", "x")])
    outcome = import_mes_alarms(ws, users["clerk"], bad, mapping, TODAY)
    messages = [p.message("zh_CN") for p in outcome.problems]
    assert not outcome.ok and any("第 5 行" in m and "PRESS-99" in m for m in messages)
    assert any("不是数字" in m for m in messages)
    assert ws.warnings.run_rules(users["clerk"], TODAY).raised == 0
    assert ws.warnings_repo.mes_mappings() == {}  # the mapping was not stored either
    good = _alarm_csv(tmp_path / "good.csv", rows)
    outcome = import_mes_alarms(ws, users["clerk"], good, mapping, TODAY)
    assert (outcome.added, outcome.skipped, outcome.mapped) == (3, 0, 1)
    assert len(outcome.summary.hazards_created) == 1
    hazard = ws.hazards.get(users["clerk"], outcome.summary.hazards_created[0])
    assert hazard.grade == "major" and hazard.source == "mes" and hazard.equipment_id == ids["press"]
    assert ws.equipment_repo.get(ids["press"]).risk_grade == "major"
    (w,) = [w for w in ws.warnings.list(users["clerk"]) if w.rule == "mes"]
    assert w.state.state == ACTED and w.state.hazard_ids == (hazard.id,)
    assert w.params["number"] == hazard.number
    # the same file again (the mapping is remembered now): duplicates skipped, no second stop
    again = import_mes_alarms(ws, users["clerk"], good, None, TODAY)
    assert (again.added, again.skipped) == (0, 3) and again.summary.hazards_created == ()
    majors = ws.hazards.search_page(users["clerk"], HazardQuery(grade="major"))[1]
    assert majors == 1
    (watched,) = [m for m in ws.warnings.monitoring(users["clerk"])
                  if m.equipment_id == ids["press"]]
    assert "Over-temperature" in watched.reason_text("en") and "超温" in watched.reason_text("zh_CN")
    # JSON works too
    as_json = tmp_path / "alarms.json"
    as_json.write_text(json.dumps([{"machine": "YJ-CY-0001", "time": "2026-11-24T08:00:00",
                                    "kind": "door_open"}]), encoding="utf-8")
    assert import_mes_alarms(ws, users["clerk"], as_json, None, TODAY).added == 1


def test_an_mes_stop_keeps_the_machine_major_until_monitoring_ends(plant, tmp_path):
    """Decided: a later low assessment does not undo the MES rule's high risk; ending the key
    monitoring hands the grade back to the machine's risk points."""
    ws, users, ids = plant
    point = ws.risk.add(users["admin"], {"name": "压力机", "kind": "equipment",
                                         "equipment_id": ids["press"]})
    mapping = tmp_path / "map.csv"
    mapping.write_text("mes_id,equipment_code\nPRESS-07,YJ-CY-0001\n", encoding="utf-8")
    alarms = _alarm_csv(tmp_path / "a.csv", [
        ("PRESS-07", f"2026-11-23 0{h}:00:00", "超温", "90") for h in (7, 8, 9)])
    assert import_mes_alarms(ws, users["clerk"], alarms, mapping, TODAY).ok
    assert ws.equipment_repo.get(ids["press"]).risk_grade == "major"
    ws.risk.assess(users["admin"], point, "lec", {"l": 1, "e": 1, "c": 1},
                   assessed_at=NOW - dt.timedelta(hours=1))
    assert ws.equipment_repo.get(ids["press"]).risk_grade == "major"  # still monitored
    (watched,) = [m for m in ws.warnings.monitoring(users["clerk"])
                  if m.equipment_id == ids["press"]]
    ws.warnings.end_monitoring(users["clerk"], watched.id)
    assert ws.equipment_repo.get(ids["press"]).risk_grade == "low"  # its point's grade


def test_mes_import_needs_columns(plant, tmp_path):
    ws, users, _ids = plant
    path = tmp_path / "x.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    with pytest.raises(DomainError) as err:
        import_mes_alarms(ws, users["clerk"], path)
    assert err.value.key == "readings.missing_columns"


def _series_csv(path, code, values, start, wide=False, bad_row=None):
    times = start + np.arange(len(values)).astype("timedelta64[m]")
    with path.open("w", encoding="utf-8") as out:
        if wide:
            out.write("设备编号,时间,振动,温度\n")
            for i, (t, v) in enumerate(zip(times, values, strict=True)):
                out.write(f"{code},{str(t).replace('T', ' ')},{v:.4f},{55 + (i % 7) * 0.01:.2f}\n")
        else:
            out.write("machine,time,signal,value\n")
            for t, v in zip(times, values, strict=True):
                out.write(f"{code},{t},vibration,{v:.4f}\n")
        if bad_row:
            out.write(bad_row + "\n")
    return path


def test_sensor_import_detects_and_warns_all_or_nothing(plant, tmp_path):
    ws, users, ids = plant
    rng = np.random.default_rng(5)
    minutes = 8 * 1440
    values = normal_series(minutes, "vibration", rng)
    fault = inject(values, "vibration", rng, "step", minutes - 20 * 60)
    start = np.datetime64("2026-11-16T00:00", "m")
    bad = _series_csv(tmp_path / "bad.csv", "KY-KY-0001", values, start,
                      bad_row="NOPE-1,2026-11-20 00:00,vibration,1")
    outcome = import_sensor(ws, users["clerk"], bad, TODAY)
    assert not outcome.ok and "NOPE-1" in outcome.problems[0].message("en")
    assert not (ws.data_dir / "sensors").exists() or not any((ws.data_dir / "sensors").rglob("*.npz"))
    good = _series_csv(tmp_path / "good.csv", "KY-KY-0001", values, start)
    outcome = import_sensor(ws, users["clerk"], good, TODAY)
    assert outcome.ok and outcome.added == minutes and outcome.series == 1
    assert outcome.anomalies >= 1
    sensor = [w for w in ws.warnings.list(users["clerk"]) if w.rule == "sensor"]
    assert sensor and sensor[0].subject_id == ids["other"]
    assert sensor[0].params["kind"] == "step" and sensor[0].severity == "orange"
    start_found = np.datetime64(sensor[0].evidence["start"])
    assert abs(start_found - (start + fault.start)) <= np.timedelta64(2, "h")
    chart = warning_chart(ws, users["clerk"], sensor[0], "zh_CN")
    assert chart is not None and len(chart.times) > 100 and chart.start <= chart.end
    # importing the same readings again finds nothing new
    again = import_sensor(ws, users["clerk"], good, TODAY)
    assert again.anomalies == 0 and again.summary.raised == 0


def test_sensor_wide_format(plant, tmp_path):
    ws, users, _ids = plant
    rng = np.random.default_rng(9)
    values = normal_series(2 * 1440, "vibration", rng)
    path = _series_csv(tmp_path / "wide.csv", "KY-KY-0001", values,
                       np.datetime64("2026-11-20T00:00", "m"), wide=True)
    outcome = import_sensor(ws, users["clerk"], path, TODAY, run_rules=False)
    assert outcome.ok and outcome.series == 2 and outcome.added == 4 * 1440


def test_cli_import_and_warnings_json(plant, tmp_path, capsys):
    ws, users, ids = plant
    _record(ws, users["clerk"], 7, ids["lines"]["B"], days_apart=2)
    folder = str(ws.data_dir)
    bad = _alarm_csv(tmp_path / "bad.csv", [("PRESS-99", "2026-11-23 09:00", "超温", "80")])
    assert main(["--data-dir", folder, "import", "mes-alarms", str(bad)]) == 1
    out, err = capsys.readouterr()
    assert "PRESS-99" in out and "未导入任何数据" in err
    good = _alarm_csv(tmp_path / "good.csv", [("YJ-CY-0001", f"2026-11-23 0{h}:00", "超温", "85")
                                              for h in (1, 2, 3)])
    assert main(["--data-dir", folder, "--lang", "en", "import", "mes-alarms", str(good)]) == 0
    out, _err = capsys.readouterr()
    assert "3 added" in out and "Major hazards recorded by the MES rule: YH-" in out
    assert main(["--data-dir", folder, "--lang", "en", "warnings", "--json",
                 "--today", "2026-11-25"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_rule = {item["rule"]: item for item in lines}
    assert by_rule["repeats"]["severity"] == "red" and by_rule["repeats"]["evidence"] == {"hazards": 7}
    assert "7 times in 60 days" in by_rule["repeats"]["title"]
    assert by_rule["mes"]["state"] == "acted" and by_rule["mes"]["evidence"] == {"alarms": 3}
    assert main(["--data-dir", folder, "warnings", "--today", "2026-11-25"]) == 0
    assert "红色预警" in capsys.readouterr().out


def test_chart_png(plant, tmp_path):
    from reports.warning_charts import HoursChart, render_png

    chart = HoursChart("焊接车间：劳保用品 82% 集中在 15:00–16:00", [0] * 15 + [14] + [1] * 8, 15, 16,
                       "时", "隐患数")
    out = render_png(chart, tmp_path / "hours.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 5000


def test_sensor_settings_change_asks_for_a_new_analysis(plant, tmp_path):
    ws, users, _ids = plant
    values = normal_series(2 * 1440, "vibration", np.random.default_rng(2))
    path = _series_csv(tmp_path / "s.csv", "KY-KY-0001", values,
                       np.datetime64("2026-11-20T00:00", "m"))
    import_sensor(ws, users["clerk"], path, TODAY)
    assert ws.warnings_repo.series(pending_only=True) == []
    settings = ws.warnings.rule_settings()
    settings[SENSOR_RULE]["spike_mads"] = 6
    with pytest.raises(DomainError):
        ws.warnings.save_rule_settings(users["head"], settings)  # heads act, clerks configure
    ws.warnings.save_rule_settings(users["clerk"], settings)
    assert len(ws.warnings_repo.series(pending_only=True)) == 1
    run_warnings(ws, users["clerk"], TODAY)
    assert ws.warnings_repo.series(pending_only=True) == []


def test_sensor_rejects_future_and_non_numbers(plant, tmp_path):
    ws, users, _ids = plant
    path = tmp_path / "odd.csv"
    path.write_text("machine,time,signal,value\n"
                    "KY-KY-0001,2026-11-20 08:00,vibration,nan\n"
                    "KY-KY-0001,2027-01-01 08:00,vibration,2.5\n"
                    "KY-KY-0001,2026-11-20 08:01,noise,2.5\n", encoding="utf-8")
    outcome = import_sensor(ws, users["clerk"], path, TODAY)
    assert [p.key for p in outcome.problems] == [
        "readings.bad_value", "readings.future_time", "readings.bad_signal"]
    assert ws.warnings_repo.series() == []


def _second_pc(ws, root):
    """A copy of this PC's data as a second PC would hold it after a sync: same rows, its own
    device id, nothing waiting in its outbox."""
    import sqlite3

    from db.database import DB_FILENAME

    (root).mkdir()
    target = sqlite3.connect(root / DB_FILENAME)
    ws.db.conn.backup(target)
    target.execute("DELETE FROM meta WHERE key = 'device_id'")
    target.execute("DELETE FROM outbox")
    target.commit()
    target.close()
    other = Workspace.open(root, fast_hash=True)
    other.hazards.now = lambda: NOW
    return other


def test_the_same_mes_file_on_two_pcs_is_one_forced_stop_after_sync(plant, tmp_path):
    from db.sync.local import Applied, apply_page, next_batch, record_duplicate_codes

    ws, users, ids = plant
    # the second PC has one more hazard of its own: its local sequence is ahead
    pc_b = _second_pc(ws, tmp_path / "pc-b")
    try:
        pc_b.hazards.record(users["clerk"], {"description": "地面油污", "type": "housekeeping",
                                             "found_at": NOW.isoformat()})
        mapping = _alarm_csv(tmp_path / "map.csv", [])
        mapping.write_text("mes_id,equipment_code\nPRESS-07,YJ-CY-0001\n", encoding="utf-8")
        alarms = _alarm_csv(tmp_path / "a.csv", [
            ("PRESS-07", "2026-11-23 07:10:00", "超温", "88"),
            ("PRESS-07", "2026-11-23 08:05:00", "超温", "90"),
            ("PRESS-07", "2026-11-23 08:50:00", "超温", "93"),
            ("PRESS-07", "2026-11-23 09:30:00", "超温", "95")])
        made = []
        for pc in (ws, pc_b):
            outcome = import_mes_alarms(pc, users["clerk"], alarms, mapping, TODAY)
            made.append(outcome.summary.hazards_created)
        assert made[0] == made[1] and len(made[0]) == 1  # the same id on both PCs
        stop = ws.hazards.get(users["clerk"], made[0][0])
        # found when the third alarm came, not when the file was imported
        assert stop.found_at == dt.datetime(2026, 11, 23, 8, 50)
        assert ws.hazards.timeline(users["clerk"], stop.id)[0].id == \
            pc_b.hazards.timeline(users["clerk"], stop.id)[0].id
        # the two PCs numbered it from their own sequences
        number_b = pc_b.hazards.get(users["clerk"], stop.id).number
        assert number_b != stop.number
        # A's changes reach B: one forced-stop hazard, one warning, one monitoring row
        _batch_id, body = next_batch(ws.db, 10_000)
        apply_page(pc_b.db, body["changes"], 1, "epoch-1", Applied())
        conn = pc_b.db.conn
        assert conn.execute("SELECT COUNT(*) FROM hazards WHERE source = 'mes' "
                            "AND deleted_hlc IS NULL").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM hazard_events WHERE hazard_id = ?",
                            (stop.id,)).fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM warnings WHERE rule = 'mes'").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM warning_events").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM key_monitoring").fetchone()[0] == 1
        assert record_duplicate_codes(pc_b.db, "hazard", None) == 0
        # the warning names the number the merged hazard kept
        (w,) = [w for w in pc_b.warnings.list(users["clerk"]) if w.rule == "mes"]
        kept = conn.execute("SELECT number FROM hazards WHERE id = ?", (stop.id,)).fetchone()[0]
        assert w.params["number"] == kept and kept in w.explanation("zh_CN")
    finally:
        pc_b.close()


def test_machine_ids_and_mapping_codes_are_matched_as_codes(plant, tmp_path):
    ws, users, ids = plant
    # a code typed in lower case, with spaces around it: still YJ-CY-0001
    direct = _alarm_csv(tmp_path / "direct.csv", [
        (" yj-cy-0001 ", "2026-11-20 07:00:00", "超温", "88"),
        ("YJ-CY-0001", "2026-11-20 07:30:00", "door_open", "")])
    outcome = import_mes_alarms(ws, users["clerk"], direct, None, TODAY, run_rules=False)
    assert outcome.ok and (outcome.added, outcome.skipped) == (2, 0)
    # the same alarm spelled the other way is the same alarm
    again = _alarm_csv(tmp_path / "again.csv", [("Yj-Cy-0001", "2026-11-20 07:00:00", "超温", "88")])
    assert import_mes_alarms(ws, users["clerk"], again, None, TODAY, run_rules=False).skipped == 1
    # a mapping whose equipment code is in lower case; its MES id used in another spelling
    mapping = tmp_path / "map.csv"
    mapping.write_text("mes_id,equipment_code\nM-77,yj-cy-0001\n", encoding="utf-8")
    mapped = _alarm_csv(tmp_path / "mapped.csv", [("m-77 ", "2026-11-21 07:00:00", "超温", "90")])
    outcome = import_mes_alarms(ws, users["clerk"], mapped, mapping, TODAY, run_rules=False)
    assert outcome.ok and outcome.mapped == 1, [p.message("en") for p in outcome.problems]
    assert ws.warnings_repo.mes_mappings() == {"M-77": ids["press"]}
    rows = ws.warnings_repo.alarms_of(ids["press"])
    assert len(rows) == 3


def test_a_sensor_reimport_says_nothing_new_was_stored(plant, tmp_path):
    from core import i18n

    ws, users, _ids = plant
    values = normal_series(600, "vibration", np.random.default_rng(3))
    path = _series_csv(tmp_path / "s.csv", "KY-KY-0001", values,
                       np.datetime64("2026-11-20T00:00", "m"))
    first = import_sensor(ws, users["clerk"], path, TODAY, run_rules=False)
    assert (first.added, first.skipped) == (600, 0)
    again = import_sensor(ws, users["clerk"], path, TODAY, run_rules=False)
    assert (again.added, again.skipped) == (0, 600)
    text = i18n.t("readings.sensor_done", "en", added=again.added, skipped=again.skipped,
                  series=again.series, anomalies=0)
    assert "new: 0" in text and "already stored: 600" in text
    assert "新增读数 0 个" in i18n.t("readings.sensor_done", "zh_CN", added=0, skipped=600,
                                     series=1, anomalies=0)


def test_messages_read_right_for_one_and_in_one_language(plant):
    from core import i18n

    assert i18n.t("readings.failed", "en", count=1) == "Problems found: 1. Nothing was imported."
    ws, users, ids = plant
    (hazard,) = _record(ws, users["clerk"], 1, ids["lines"]["A"])
    i18n.set_language("zh_CN")
    try:
        with pytest.raises(DomainError) as err:
            ws.hazards.archive(users["admin"], hazard)  # it is at "to dispatch"
    finally:
        i18n.set_language("zh_CN")
    assert "“To dispatch”" in err.value.message("en") and "待派发" not in err.value.message("en")
    assert "“待派发”" in err.value.message("zh_CN")
    assert "待派发" not in str(err.value)
    w_key = "warning.wrong_state"
    _record(ws, users["clerk"], 5, ids["lines"]["B"])
    ws.warnings.run_rules(users["clerk"], TODAY)
    (w,) = ws.warnings.list(users["clerk"])
    ws.warnings.acknowledge(users["clerk"], w.id)
    with pytest.raises(DomainError) as err:
        ws.warnings.acknowledge(users["clerk"], w.id)
    assert err.value.key == w_key and "“Acknowledged”" in err.value.message("en")
    assert "“已确认”" in err.value.message("zh_CN")
