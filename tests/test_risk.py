"""Risk register (F7): scoring, grading, the service over a real SQLite file, the reports and CLI."""

import datetime as dt
import logging
import sqlite3
import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest
from openpyxl import load_workbook

from core import i18n
from core.auth import SYSTEM, Actor, Permission, Role, permission_label
from core.auth import require as ws_require
from core.colours import RISK_COLOURS
from core.i18n import DomainError
from core.risk import (
    DEFAULT_SCORING,
    FACTOR_HELP,
    FACTORS,
    SCORING_KEY,
    RiskQuery,
    grade_for,
    highest_grade,
    lec_level,
    lec_score,
    ls_score,
    parse_scoring,
    review_overdue,
    score,
    scoring_or_default,
    scoring_problem,
    scoring_to_json,
)
from db.check import check
from db.workspace import Workspace
from jobs.report_catalog import ReportRequest, load_all

ROOT = Path(__file__).resolve().parent.parent


def clerk() -> Actor:
    return Actor("c", "clerk", "安全员小王", frozenset({Role.SAFETY_CLERK}))


def worker() -> Actor:
    return Actor("w", "worker", "工人", frozenset({Role.EMPLOYEE}))


# --------------------------------------------------------------------------- core

@pytest.mark.parametrize("d, grade", [
    (19.9, "low"), (20, "low"), (69.9, "low"), (70, "general"), (159.9, "general"),
    (160, "considerable"), (320, "considerable"), (320.01, "major"), (1000, "major"),
])
def test_lec_band_edges(d, grade):
    assert grade_for(d, "lec") == grade


def test_lec_levels_follow_the_regulation_wording():
    assert lec_level(20, "en").startswith("Possible danger")
    assert lec_level(19, "en").startswith("Slight")
    assert lec_level(70, "en").startswith("Significant")
    assert lec_level(160, "en").startswith("Highly")
    assert lec_level(320, "en").startswith("Highly")
    assert lec_level(321, "en").startswith("Extremely")


def test_lec_score_uses_table_values_only():
    assert lec_score(3, 6, 15) == 270
    assert lec_score(0.1, 3, 7) == 2.1
    with pytest.raises(DomainError) as err:
        lec_score(4, 6, 15)
    assert err.value.key == "risk.bad_value" and "0.1" in err.value.message("en")
    with pytest.raises(DomainError):
        lec_score(3, "often", 15)


def test_every_choice_has_both_languages_and_e6_means_daily():
    assert {c.value: c.text("en") for c in FACTORS["e"]}[6] == "Daily during working hours"
    assert {c.value: c.text("zh_CN") for c in FACTORS["e"]}[6] == "每天工作时间内暴露"
    for choices in FACTORS.values():
        assert all(c.zh and c.en for c in choices)
    assert set(FACTOR_HELP) >= {"l", "e", "c", "d", "likelihood", "severity", "r"}


@pytest.mark.parametrize("l, s, grade", [
    (5, 5, "major"), (4, 5, "major"), (5, 3, "considerable"), (4, 4, "considerable"),
    (3, 4, "general"), (3, 3, "general"), (2, 4, "low"), (1, 1, "low"),
])
def test_matrix_grades(l, s, grade):  # noqa: E741
    assert score("ls", {"likelihood": l, "severity": s}).grade == grade
    assert ls_score(l, s) == l * s


def test_matrix_rejects_out_of_range():
    with pytest.raises(DomainError):
        ls_score(6, 1)
    with pytest.raises(DomainError) as err:
        score("xyz", {})
    assert err.value.key == "risk.bad_method"


def test_settings_override_thresholds_and_colours():
    custom = parse_scoring('{"lec": [{"grade": "major", "min": 270}, {"grade": "considerable",'
                           ' "min": 100}, {"grade": "general", "min": 50}],'
                           ' "colours": {"low": "#0000FF"}}')
    assert grade_for(270, "lec", custom) == "major"  # inclusive unless told otherwise
    assert grade_for(100, "lec", custom) == "considerable"
    assert grade_for(270, "lec") == "considerable"
    assert custom.ls == DEFAULT_SCORING.ls  # unspecified parts keep the defaults
    assert custom.colours["low"] == "#0000FF" and custom.colours["major"] == RISK_COLOURS["major"]
    assert parse_scoring(scoring_to_json(custom)) == custom
    for bad in ('{"lec": [{"grade": "general", "min": 300}, {"grade": "major", "min": 10}]}',
                '{"colours": {"major": "red"}}', "not json", '{"lec": [{"grade": "low"}]}'):
        with pytest.raises(DomainError) as err:
            parse_scoring(bad)
        assert err.value.key == "risk.bad_scoring"


def test_highest_grade_ignores_unassessed():
    assert highest_grade(["low", None, "considerable", "general"]) == "considerable"
    assert highest_grade([None, None]) is None


# --------------------------------------------------------------------------- service + SQLite

@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path, fast_hash=True)
    yield w
    w.close()


@pytest.fixture
def plant(ws):
    site = ws.structure.add(SYSTEM, "site", {"code": "S01", "name": "主厂区"})
    area = ws.structure.add(SYSTEM, "area", {"code": "CY", "name": "冲压车间", "site_id": site})
    office = ws.structure.add(SYSTEM, "area", {"code": "BG", "name": "办公区", "site_id": site})
    press_type = ws.equipment.add_type(SYSTEM, "YJ", "压力机")
    press = ws.equipment.add(SYSTEM, {"name": "开式压力机", "type_id": press_type,
                                      "area_id": area, "risk_grade": "low"})
    return {"site": site, "area": area, "office": office, "press": press}


def _outbox(ws, entity):
    return ws.db.conn.execute("SELECT COUNT(*) FROM outbox WHERE entity = ?", (entity,)).fetchone()[0]


def test_add_checks_permission_place_and_code(ws, plant):
    with pytest.raises(DomainError) as err:
        ws.risk.add(worker(), {"name": "x", "area_id": plant["area"]})
    assert err.value.key == "auth.forbidden"
    with pytest.raises(DomainError) as err:
        ws.risk.add(clerk(), {"name": "冲床", "kind": "equipment"})
    assert err.value.key == "risk.needs_place"
    with pytest.raises(DomainError) as err:
        ws.risk.add(clerk(), {"name": " ", "area_id": plant["area"]})
    assert err.value.key == "risk.required"
    first = ws.risk.add(clerk(), {"name": "冲压作业区", "area_id": plant["area"]},
                        [("engineering", "光幕"), ("ppe", " "), ("ppe", "手套")])
    assert ws.risk.get(worker(), first).code == "FX-001"
    assert [m.text for m in ws.risk.measures(worker(), first)] == ["光幕", "手套"]
    with pytest.raises(DomainError) as err:
        ws.risk.add(clerk(), {"code": "FX-001", "name": "y", "area_id": plant["area"]})
    assert err.value.key == "risk.code_taken"
    with pytest.raises(DomainError) as err:
        ws.risk.add(clerk(), {"name": "y", "area_id": plant["area"]}, [("nonsense", "x")])
    assert err.value.key == "risk.bad_measure_kind"
    assert ws.risk_repo.count(RiskQuery()) == 1  # nothing half-stored


def test_assessment_appends_history_and_updates_grade_in_one_go(ws, plant):
    point = ws.risk.add(clerk(), {"name": "冲床", "kind": "equipment",
                                  "equipment_id": plant["press"]})
    outbox_before = _outbox(ws, "risk_assessment")
    ws.risk.assess(clerk(), point, "lec", {"l": 6, "e": 6, "c": 15}, note="首次",
                   assessed_at=dt.datetime(2025, 1, 5, 9, 0))
    ws.risk.assess(clerk(), point, "ls", {"likelihood": 3, "severity": 4},
                   assessed_at=dt.datetime(2025, 6, 5, 9, 0))
    current = ws.risk.get(clerk(), point)
    assert (current.method, current.score, current.grade) == ("ls", 12, "general")
    history = ws.risk.history(clerk(), point)
    assert [(a.method, a.grade) for a in history] == [("ls", "general"), ("lec", "major")]
    assert history[1].factors_text() == "L=6 E=6 C=15" and history[1].assessor_name == "安全员小王"
    assert _outbox(ws, "risk_assessment") == outbox_before + 2
    # The machine follows its only point.
    assert ws.equipment_repo.get(plant["press"]).risk_grade == "general"
    # A bad value stores nothing: no history row, grade unchanged.
    with pytest.raises(DomainError):
        ws.risk.assess(clerk(), point, "lec", {"l": 6, "e": 7, "c": 15})
    assert len(ws.risk.history(clerk(), point)) == 2
    assert ws.risk.get(clerk(), point).grade == "general"


def test_assessment_rolls_back_when_the_point_update_fails(ws, plant):
    point = ws.risk.add(clerk(), {"name": "冲床", "area_id": plant["area"]})
    ws.db.conn.execute(
        "CREATE TRIGGER boom BEFORE UPDATE OF grade ON risk_points "
        "BEGIN SELECT RAISE(ABORT, 'boom'); END")
    with pytest.raises(sqlite3.DatabaseError):
        ws.risk.assess(clerk(), point, "lec", {"l": 3, "e": 6, "c": 15})
    ws.db.conn.execute("DROP TRIGGER boom")
    assert ws.risk.history(clerk(), point) == []
    assert ws.risk.get(clerk(), point).grade is None


def test_equipment_grade_is_the_highest_live_point_and_tombstone_lowers_it(ws, plant):
    press = plant["press"]
    a = ws.risk.add(clerk(), {"name": "光幕失效", "kind": "equipment", "equipment_id": press})
    b = ws.risk.add(clerk(), {"name": "噪声", "kind": "equipment", "equipment_id": press})
    ws.risk.add(clerk(), {"name": "未评价", "kind": "equipment", "equipment_id": press})
    assert ws.equipment_repo.get(press).risk_grade == "low"  # nothing assessed: unchanged
    ws.risk.assess(clerk(), b, "lec", {"l": 3, "e": 6, "c": 7})  # 126 general
    assert ws.equipment_repo.get(press).risk_grade == "general"
    ws.risk.assess(clerk(), a, "lec", {"l": 6, "e": 6, "c": 15})  # 540 major
    assert ws.equipment_repo.get(press).risk_grade == "major"
    assert ws.risk.remove(clerk(), a)
    assert ws.equipment_repo.get(press).risk_grade == "general"
    assert ws.db.conn.execute("SELECT deleted_hlc IS NOT NULL FROM risk_points WHERE id = ?",
                              (a,)).fetchone()[0] == 1
    with pytest.raises(DomainError):
        ws.risk.get(clerk(), a)
    with pytest.raises(DomainError) as err:
        ws.risk.remove(worker(), b)
    assert err.value.key == "auth.forbidden"


def test_edit_replaces_measures_and_filters(ws, plant):
    p = ws.risk.add(clerk(), {"name": "办公室用电", "area_id": plant["office"]},
                    [("management", "下班断电")])
    q = ws.risk.add(clerk(), {"name": "动火作业", "kind": "activity", "activity": "动火"})
    ws.risk.assess(clerk(), q, "lec", {"l": 3, "e": 2, "c": 40})
    changed = ws.risk.edit(clerk(), p, {"review_date": "2026-03-01", "control_level": "team"},
                           [("management", "下班断电"), ("training", "消防培训")])
    assert set(changed) == {"review_date", "control_level", "measures"}
    assert ws.risk.get(clerk(), p).review_date == dt.date(2026, 3, 1)
    assert len(ws.risk.measures(clerk(), p)) == 2
    with pytest.raises(DomainError) as err:
        ws.risk.edit(clerk(), p, {"review_date": "next week"})
    assert err.value.key == "risk.bad_date"
    repo = ws.risk_repo
    assert [x.name for x in repo.search_page(RiskQuery(grade="considerable"))[0]] == ["动火作业"]
    assert [x.name for x in repo.search_page(RiskQuery(grade="none"))[0]] == ["办公室用电"]
    assert [x.name for x in repo.search_page(RiskQuery(kind="activity"))[0]] == ["动火作业"]
    assert [x.name for x in repo.search_page(RiskQuery(area_id=plant["office"]))[0]] == ["办公室用电"]
    assert [x.name for x in repo.search_page(RiskQuery(text="动火"))[0]] == ["动火作业"]
    assert check(ws.db) == []


def test_scoring_setting_applies_to_the_next_assessment(ws, plant):
    p = ws.risk.add(clerk(), {"name": "冲压", "area_id": plant["area"]})
    ws.settings.set(SCORING_KEY, '{"lec": [{"grade": "major", "min": 270}, '
                    '{"grade": "considerable", "min": 160}, {"grade": "general", "min": 70}]}')
    assert ws.risk.assess(clerk(), p, "lec", {"l": 3, "e": 6, "c": 15}).grade == "major"
    ws.settings.set(SCORING_KEY, "{broken")  # a hand-broken setting must not stop work
    assert ws.risk.assess(clerk(), p, "lec", {"l": 3, "e": 6, "c": 15}).grade == "considerable"


# --------------------------------------------------------------------------- demo, reports, CLI

@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("risk-demo")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder),
                             "demo"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return folder


def test_demo_register_is_realistic(demo_dir):
    ws = Workspace.open(demo_dir)
    try:
        points = list(ws.risk_repo.iter_all(RiskQuery()))
        by_name = {p.name: p for p in points}
        assert 100 < len(points) < 250
        assert by_name["喷涂车间（静电喷涂线）"].grade == "major"
        assert by_name["调漆间"].grade == "major"
        assert by_name["冲压车间作业区"].grade == "considerable"
        assert by_name["焊接车间作业区"].grade == "considerable"
        assert by_name["仓库"].grade == "low" and by_name["办公区"].grade == "low"
        presses = [p for p in points if p.equipment_code.startswith("YJ-CY")]
        assert presses and {p.grade for p in presses} <= {"major", "considerable"}
        assert any(p.grade == "major" for p in presses)  # the failing foot switch
        measures = ws.risk_repo.measures_of(p.id for p in points)
        assert all(2 <= len(measures[p.id]) <= 7 for p in points)
        latest = ws.risk_repo.latest_assessments(p.id for p in points)
        assert all(latest[p.id].grade == p.grade for p in points)
        # Machines follow their points, except where an early-warning rule (F8) has since marked
        # a machine high-risk on its own.
        flagged = {r[0] for r in ws.db.conn.execute(
            "SELECT equipment_id FROM key_monitoring WHERE deleted_hlc IS NULL")}
        for p in presses:
            if p.equipment_id not in flagged:
                assert ws.equipment_repo.get(p.equipment_id).risk_grade == p.grade
        assert {p.activity for p in points if p.kind == "activity"} >= {"有限空间作业", "动火作业"}
        assert all(p.post_id for p in points if p.kind == "activity")
    finally:
        ws.close()


def test_register_pdf_and_xlsx(demo_dir, tmp_path):
    reports = load_all()
    ws = Workspace.open(demo_dir)
    try:
        pdf = reports["risk-register"].render(ws, ReportRequest(), tmp_path / "r.pdf")
        xlsx = reports["risk-register"].render(ws, ReportRequest(), tmp_path / "r.xlsx")
        cards = reports["post-cards"].render(ws, ReportRequest(), tmp_path / "c.pdf")
    finally:
        ws.close()
    doc = pypdfium2.PdfDocument(str(pdf.path))
    assert len(doc) == pdf.pages and pdf.pages >= 5
    first = doc[0].get_textpage().get_text_range()
    assert "风险分级管控清单" in first and "第 1 页 共" in first and "华嘉精工" in first
    assert "风险等级" in doc[1].get_textpage().get_text_range()  # header repeated
    assert "编制人" in doc[len(doc) - 1].get_textpage().get_text_range()
    doc.close()
    fonts = subprocess.run(["pdffonts", str(pdf.path)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts and " yes yes " in fonts
    wb = load_workbook(xlsx.path)
    sheet = wb.active
    assert "A1:R1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.freeze_panes == "A4" and sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.fitToWidth == 1
    fills = {sheet.cell(r, 13).value: sheet.cell(r, 13).fill.fgColor.rgb[-6:]
             for r in range(4, 4 + xlsx.rows)}
    assert fills["重大风险"] == RISK_COLOURS["major"][1:] and fills["低风险"] == RISK_COLOURS["low"][1:]
    cards_doc = pypdfium2.PdfDocument(str(cards.path))
    assert len(cards_doc) == cards.rows >= 20
    text = "".join(cards_doc[i].get_textpage().get_text_range() for i in range(len(cards_doc)))
    assert "岗位风险告知卡" in text and "119" in text and "0576-8512 3110" in text
    assert "喷漆工" in text and "重大风险" in text
    cards_doc.close()


def _cli(*args, data_dir):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, timeout=120)


def test_cli_reports(demo_dir, tmp_path):
    for name in ("x.pdf", "x.xlsx"):
        result = _cli("report", "risk-register", "-o", str(tmp_path / name), data_dir=demo_dir)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).stat().st_size > 10_000
    result = _cli("report", "post-cards", "-o", str(tmp_path / "cards.pdf"), data_dir=demo_dir)
    assert result.returncode == 0 and "岗位风险告知卡" in result.stdout
    bad = _cli("report", "post-cards", "-o", str(tmp_path / "cards.xlsx"), data_dir=demo_dir)
    assert bad.returncode != 0
    missing = _cli("report", "risk-register", "-o", str(tmp_path / "no" / "x.pdf"),
                   data_dir=demo_dir)
    assert missing.returncode != 0 and not (tmp_path / "no").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


# --------------------------------------------------------------------------- tester's findings

def test_partial_scoring_keeps_the_default_bands_of_grades_left_out():
    partial = parse_scoring('{"lec":[{"grade":"major","min":400,"inclusive":false}]}')
    assert grade_for(270, "lec", partial) == "considerable"  # was 'low': bands were dropped
    assert grade_for(400, "lec", partial) == "considerable"
    assert grade_for(401, "lec", partial) == "major"
    assert grade_for(70, "lec", partial) == "general" and grade_for(69, "lec", partial) == "low"
    assert [b.grade for b in partial.lec] == ["major", "considerable", "general"]
    assert parse_scoring('{"ls": [{"grade": "general", "min": 6}]}').ls[:2] == DEFAULT_SCORING.ls[:2]
    # Merged bands must still fall with the grade.
    with pytest.raises(DomainError) as err:
        parse_scoring('{"lec": [{"grade": "major", "min": 100}]}')
    assert err.value.key == "risk.bad_scoring"


def test_invalid_scoring_falls_back_visibly(caplog):
    assert scoring_problem(None) is None
    assert scoring_problem('{"lec": [{"grade": "major", "min": 400}]}') is None
    problem = scoring_problem("{broken")
    assert problem is not None and problem.key == "risk.bad_scoring"
    with caplog.at_level(logging.WARNING, logger="core.risk"):
        assert scoring_or_default("{broken") == DEFAULT_SCORING
    assert any("risk.scoring" in r.getMessage() and r.levelno == logging.WARNING
               for r in caplog.records)
    assert i18n.t("risk.scoring_fallback", "zh_CN").startswith("评分设置无效，已使用默认阈值")


def test_boolean_factor_values_are_refused(ws, plant):
    p = ws.risk.add(clerk(), {"name": "冲压", "area_id": plant["area"]})
    for values in ({"l": True, "e": 6, "c": 7}, {"l": 3, "e": 6, "c": True}):
        with pytest.raises(DomainError) as err:
            ws.risk.assess(clerk(), p, "lec", values)
        assert err.value.key == "risk.bad_value"
    with pytest.raises(DomainError):
        ws.risk.assess(clerk(), p, "ls", {"likelihood": True, "severity": 3})
    assert ws.risk.history(clerk(), p) == []
    assert lec_score(1, 6, 7) == 42  # a real 1 is still fine


def test_codes_are_upper_cased_and_unique_regardless_of_case(ws, plant):
    first = ws.risk.add(clerk(), {"code": "FX-001", "name": "冲压", "area_id": plant["area"]})
    with pytest.raises(DomainError) as err:
        ws.risk.add(clerk(), {"code": "fx-001", "name": "焊接", "area_id": plant["area"]})
    assert err.value.key == "risk.code_taken"
    second = ws.risk.add(clerk(), {"code": " fx-002 ", "name": "焊接", "area_id": plant["area"]})
    assert ws.risk.get(clerk(), second).code == "FX-002"
    with pytest.raises(DomainError) as err:
        ws.risk.edit(clerk(), second, {"code": "Fx-001"})
    assert err.value.key == "risk.code_taken"
    ws.risk.edit(clerk(), first, {"code": "fx-001"})  # its own code, in any case, is fine
    assert ws.risk.get(clerk(), first).code == "FX-001"
    # A row stored in lower case before the fix still blocks its upper-case twin.
    ws.db.conn.execute("UPDATE risk_points SET code = 'fx-009' WHERE id = ?", (second,))
    assert ws.risk_repo.code_taken("FX-009")


def test_unknown_area_or_equipment_is_a_clear_message(ws, plant):
    before = ws.risk_repo.count(RiskQuery())
    for values, field in (({"name": "x", "area_id": "no-such-area"}, "区域"),
                          ({"name": "x", "kind": "equipment", "equipment_id": "no-such-press"},
                           "设备"),
                          ({"name": "x", "area_id": plant["area"], "post_id": "gone"}, "岗位")):
        with pytest.raises(DomainError) as err:
            ws.risk.add(clerk(), values)
        assert err.value.key == "risk.unknown_reference"
        assert field in err.value.message("zh_CN")
    assert ws.risk_repo.count(RiskQuery()) == before
    p = ws.risk.add(clerk(), {"name": "冲压", "area_id": plant["area"]})
    with pytest.raises(DomainError) as err:
        ws.risk.edit(clerk(), p, {"equipment_id": "no-such-press"})
    assert err.value.key == "risk.unknown_reference"
    # A deleted area counts as missing too.
    ws.structure.remove(SYSTEM, "area", plant["office"])
    with pytest.raises(DomainError) as err:
        ws.risk.add(clerk(), {"name": "办公", "area_id": plant["office"]})
    assert err.value.key == "risk.unknown_reference"


def test_permission_refusal_names_the_permission_readably():
    with pytest.raises(DomainError) as err:
        ws_require(worker(), Permission.EDIT_RISKS)
    assert err.value.key == "auth.forbidden"
    assert err.value.message("zh_CN") == "您没有执行此操作的权限（需要：编辑风险分级管控）。"
    assert "editing the risk register" in err.value.message("en")
    assert "edit_risks" not in err.value.message("zh_CN") + err.value.message("en")
    for permission in Permission:  # none shows its raw key
        zh, en = permission_label(permission, "zh_CN"), permission_label(permission, "en")
        assert zh != permission.value and en != permission.value and zh != en


def test_past_review_dates_are_kept_counted_and_marked(ws, plant, tmp_path):
    today = dt.date.today()
    old = ws.risk.add(clerk(), {"name": "老厂房", "area_id": plant["area"],
                                "review_date": today - dt.timedelta(days=400)})
    ws.risk.add(clerk(), {"name": "新车间", "area_id": plant["area"],
                          "review_date": today + dt.timedelta(days=30)})
    ws.risk.add(clerk(), {"name": "无复评", "area_id": plant["area"]})
    assert ws.risk.count_overdue(clerk(), today) == 1
    overdue, total = ws.risk.search_page(clerk(), RiskQuery(review_before=today))
    assert [p.id for p in overdue] == [old] and total == 1
    assert review_overdue(overdue[0], today)
    reports = load_all()
    pdf = reports["risk-register"].render(ws, ReportRequest(), tmp_path / "r.pdf")
    xlsx = reports["risk-register"].render(ws, ReportRequest(), tmp_path / "r.xlsx")
    doc = pypdfium2.PdfDocument(str(pdf.path))
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    doc.close()
    assert "".join(text.split()).count("（逾期）") == 1
    sheet = load_workbook(xlsx.path).active
    by_name = {sheet.cell(r, 2).value: sheet.cell(r, 18) for r in range(4, 4 + xlsx.rows)}
    late = by_name["老厂房"]
    assert isinstance(late.value, dt.datetime) and "逾期" in late.number_format
    assert late.font.color.rgb.endswith("C62828")
    assert "逾期" not in by_name["新车间"].number_format


def test_register_xlsx_writes_factors_and_scores_as_numbers(ws, plant, tmp_path):
    lec = ws.risk.add(clerk(), {"name": "冲压", "area_id": plant["area"]})
    ws.risk.assess(clerk(), lec, "lec", {"l": 0.5, "e": 6, "c": 15})
    ls = ws.risk.add(clerk(), {"name": "焊接", "area_id": plant["area"]})
    ws.risk.assess(clerk(), ls, "ls", {"likelihood": 3, "severity": 4})
    xlsx = load_all()["risk-register"].render(ws, ReportRequest(), tmp_path / "r.xlsx")
    sheet = load_workbook(xlsx.path).active
    rows = {sheet.cell(r, 2).value: [sheet.cell(r, c).value for c in range(9, 13)]
            for r in range(4, 4 + xlsx.rows)}
    assert rows["冲压"] == [0.5, 6, 15, 45]
    assert [type(v) for v in rows["冲压"]] == [float, int, int, int]
    assert rows["焊接"] == [3, "—", 4, 12] and type(rows["焊接"][3]) is int
