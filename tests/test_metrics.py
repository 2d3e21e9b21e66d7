"""Effect metrics (F9): registers with validation, monthly figures, the before/after table with
the injury rate worked out by hand, absent training coverage, and the CLI report."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from core import i18n
from core.auth import Actor, Role
from core.i18n import DomainError
from core.metrics import MonthRaw, month_metrics, months_of
from core.periods import Period
from db.check import check
from db.workspace import Workspace
from tests.dashboard_data import build

ROOT = Path(__file__).resolve().parent.parent
BEFORE = Period(dt.date(2025, 1, 1), dt.date(2025, 1, 31))
AFTER = Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))


@pytest.fixture
def plant(tmp_path: Path) -> Iterator[tuple[Workspace, Actor]]:
    ws, admin, _areas, _ids = build(tmp_path / "ws")
    m = ws.metrics
    for month, heads, hours in (("2025-01", 80, 14000), ("2026-01", 100, 17600),
                                ("2026-02", 100, 16000), ("2026-03", 120, 20000)):
        m.save_workforce(admin, {"month": month, "headcount": heads, "hours_worked": hours})
    for day, severity, lost in (("2025-01-20", "minor", 0), ("2026-02-15", "minor", 3),
                                ("2026-03-05", "serious", 120)):
        m.save_incident(admin, {"date": day, "person_name": "张三", "category": "machinery",
                                "severity": severity, "lost_days": lost})
    for day, points in (("2025-01-10", 14), ("2025-01-25", 10), ("2026-03-01", 0)):
        m.save_inspection(admin, {"date": day, "agency": "区应急管理局", "kind": "执法检查",
                                  "deductions": points})
    yield ws, admin
    ws.close()


def test_monthly_figures_by_hand(plant):
    ws, admin = plant
    jan, feb, mar = ws.metrics.monthly(admin, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert (jan.month, jan.hazards, jan.rectification_hours, jan.injured) == ("2026-01", 0, None, 0)
    assert jan.injury_rate_permille == 0.0 and jan.deductions is None  # no visit: absent
    assert (feb.hazards, feb.rectification_hours, feb.injured) == (1, 12.0, 1)  # YH-5
    assert feb.injury_rate_permille == pytest.approx(1 / 100 * 1000)
    assert feb.injury_rate_per_million_hours == pytest.approx(1 / 16000 * 1e6)
    assert (mar.hazards, mar.rectification_hours) == (4, pytest.approx((6 + 48) / 2))
    assert mar.injury_rate_permille == pytest.approx(1 / 120 * 1000)
    assert mar.visits == 1 and mar.deductions == 0.0  # a visit with nothing deducted: zero
    assert all(m.training_coverage is None for m in (jan, feb, mar))


def test_before_after_table_by_hand(plant):
    ws, admin = plant
    c = ws.metrics.compare(admin, BEFORE, AFTER, "zh_CN")
    rows = {r.key: r for r in c.rows}
    assert rows["hazards_per_month"].before == 1.0  # YH-6 in January 2025
    assert rows["hazards_per_month"].after == pytest.approx(5 / 3)  # YH-1..5 in three months
    assert rows["rectification_hours"].before == 24.0
    assert rows["rectification_hours"].after == pytest.approx((6 + 48 + 12) / 3)
    # injured ÷ Σ monthly headcounts × 1000
    assert rows["injury_rate_permille"].before == pytest.approx(1 / 80 * 1000)
    assert rows["injury_rate_permille"].after == pytest.approx(2 / (100 + 100 + 120) * 1000)
    assert rows["injury_rate_per_million_hours"].after == pytest.approx(2 / 53600 * 1e6)
    assert rows["deductions_per_visit"].before == 12.0 and rows["deductions_per_visit"].after == 0
    assert rows["deductions_per_visit"].change_pct == pytest.approx(-100)
    assert rows["injury_rate_permille"].text(rows["injury_rate_permille"].after) == "6.25‰"
    assert rows["rectification_hours"].text(22.0) == "22.0 h"
    assert (c.before.months, c.after.months, c.after.injured, c.after.visits) == (1, 3, 2, 1)


def test_training_coverage_is_absent_not_zero(plant):
    ws, admin = plant
    row = next(r for r in ws.metrics.compare(admin, BEFORE, AFTER, "en").rows
               if r.key == "training_coverage")
    assert row.before is None and row.after is None and row.change is None
    assert row.text(row.after) == "—" and row.change_text() == "—"
    assert "Training" in row.note
    # a measure with data in one period only has no change either
    assert month_metrics("2026-01", MonthRaw(headcount=0)).injury_rate_permille is None


def test_no_workforce_means_no_injury_rate(tmp_path):
    ws, admin, _a, _i = build(tmp_path / "ws")
    try:
        c = ws.metrics.compare(admin, BEFORE, AFTER)
        rate = next(r for r in c.rows if r.key == "injury_rate_permille")
        assert rate.before is None and rate.after is None
    finally:
        ws.close()


@pytest.mark.parametrize("change, key", [
    ({"lost_days": -1}, "metrics.negative"),
    ({"date": "2026-03-21"}, "metrics.future_date"),  # the plant's clock says 2026-03-20
    ({"date": "2026-13-01"}, "metrics.bad_date"),
    ({"category": "slipped"}, "metrics.bad_category"),
    ({"severity": "bruise"}, "metrics.bad_severity"),
    ({"person_name": "  "}, "metrics.required"),
    ({"lost_days": "many"}, "metrics.not_number"),
])
def test_bad_incidents_are_refused_and_nothing_is_stored(plant, change, key):
    ws, admin = plant
    count = len(ws.metrics.incidents(admin))
    good = {"date": "2026-03-01", "person_name": "李四", "category": "burn", "severity": "minor",
            "lost_days": 2}
    with pytest.raises(DomainError) as refused:
        ws.metrics.save_incident(admin, {**good, **change})
    assert refused.value.key == key
    assert len(ws.metrics.incidents(admin)) == count


def test_registers_edit_delete_and_sync_bookkeeping(plant):
    ws, admin = plant
    with pytest.raises(DomainError) as taken:
        ws.metrics.save_workforce(admin, {"month": "2026-03", "headcount": 5, "hours_worked": 1})
    assert taken.value.key == "metrics.month_taken"
    row = next(w for w in ws.metrics.workforce(admin) if w.month == "2026-03")
    ws.metrics.save_workforce(admin, {"month": "2026-03", "headcount": 125, "hours_worked": 1},
                              row.id)
    assert next(w for w in ws.metrics.workforce(admin) if w.month == "2026-03").headcount == 125
    incident = ws.metrics.incidents(admin)[0]
    ws.metrics.delete(admin, "incident", incident.id)
    assert incident.id not in {i.id for i in ws.metrics.incidents(admin)}
    with pytest.raises(DomainError):
        ws.metrics.delete(admin, "incident", incident.id)
    assert ws.db.conn.execute("SELECT COUNT(*) FROM outbox WHERE entity = 'incident'"
                              ).fetchone()[0] == 4  # 3 inserts + 1 delete
    assert check(ws.db) == []
    reviewer = Actor("u-r", "r", "复核", frozenset({Role.REVIEWER}))
    with pytest.raises(DomainError):
        ws.metrics.save_inspection(reviewer, {"date": "2026-03-01", "agency": "x"})
    assert ws.metrics.external_inspections(reviewer)  # but may read them


def test_months_of_a_day_range():
    assert months_of(dt.date(2025, 11, 15), dt.date(2026, 2, 1)) == [
        "2025-11", "2025-12", "2026-01", "2026-02"]


def test_messages_exist_in_both_languages():
    for key in ("metrics.negative", "metrics.future_date", "metrics.month_taken"):
        assert i18n.t(key, "en", field="x", month="m") != i18n.t(key, "zh_CN", field="x",
                                                                   month="m")


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, timeout=180)


def test_cli_effect_metrics_pdf_and_xlsx(plant, tmp_path):
    ws, _admin = plant
    folder = ws.data_dir
    ws.close()
    pdf, xlsx = tmp_path / "effect.pdf", tmp_path / "effect.xlsx"
    done = _cli(folder, "report", "effect-metrics", "--before", "2025-01..2025-01",
                "--after", "2026-01..2026-03", "-o", str(pdf))
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and "安全管理成效对比表" in done.stdout
    done = _cli(folder, "--lang", "en", "report", "effect-metrics", "--before",
                "2025-01..2025-01", "--after", "2026-01..2026-03", "-o", str(xlsx))
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(xlsx).active
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True) if r[0]}
    assert rows["Injury rate"][2] == pytest.approx(12.5) and rows["Injury rate"][3] == pytest.approx(6.25)
    assert rows["Training coverage"][2] is None and "not in use" in rows["Training coverage"][5]
    assert rows["Inspection deductions per visit"][4] == -100
    missing = _cli(folder, "report", "effect-metrics", "-o", str(pdf))
    assert missing.returncode != 0 and "--before" in missing.stderr
    assert not list(tmp_path.glob(".*.part"))


def test_an_incident_links_a_person_by_employee_number(plant):
    ws, admin = plant
    site = ws.db.conn.execute("SELECT id FROM sites").fetchone()[0]
    dept = ws.structure.add(admin, "department", {"code": "CY", "name": "冲压车间",
                                                  "site_id": site})
    ws.people.add(admin, {"employee_no": "CY001", "name": "王五", "department_id": dept})
    row_id = ws.metrics.save_incident(admin, {
        "date": "2026-03-10", "employee_no": "CY001", "person_name": "", "category": "lifting",
        "severity": "minor", "lost_days": 1})
    saved = next(i for i in ws.metrics.incidents(admin) if i.id == row_id)
    assert (saved.person_name, saved.employee_no) == ("王五", "CY001") and saved.person_id
    with pytest.raises(DomainError) as unknown:
        ws.metrics.save_incident(admin, {"date": "2026-03-10", "employee_no": "XX9",
                                         "category": "lifting", "severity": "minor"})
    assert unknown.value.key == "metrics.unknown_person"


def test_reports_not_accepted_merged_or_unverified_are_not_hazards_per_month(plant):
    from tests.test_dashboard import _reports

    ws, admin = plant
    march = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    before = ws.metrics.period(admin, march).hazards
    ids = dict(ws.db.conn.execute("SELECT number, id FROM hazards"))
    _reports(ws, admin, ids)
    assert ws.metrics.period(admin, march).hazards == before + 1  # the verified one only


def test_future_months_are_not_counted_and_a_running_period_is_partial(plant):
    from core.metrics import period_caption

    ws, admin = plant
    ws.metrics.now = lambda: dt.datetime(2026, 3, 20, 10, 0)
    running = Period(dt.date(2026, 2, 1), dt.date(2026, 6, 30))
    c = ws.metrics.compare(admin, BEFORE, running, "en")
    # February and March so far: 1 + 4 hazards over 2 months, not over 5 months
    assert (c.after.months, c.after.hazards) == (2, 5)
    assert c.after.hazards_per_month == pytest.approx(2.5)
    assert c.after.partial and not c.before.partial
    assert "partial, to 2026-03-20" in period_caption(c.after, "en")
    assert "截至 2026-03-20" in period_caption(c.after, "zh_CN")
    with pytest.raises(DomainError) as err:
        ws.metrics.compare(admin, BEFORE, Period(dt.date(2027, 1, 1), dt.date(2027, 6, 30)))
    assert err.value.key == "metrics.future_period"
    assert "2027-01 to 2027-06" in err.value.message("en")
    assert "2027年1月至2027年6月" in err.value.message("zh_CN") and "2026-03-20" in err.value.message()


def test_overlapping_periods_are_allowed_but_said(plant):
    ws, admin = plant
    c = ws.metrics.compare(admin, Period(dt.date(2026, 1, 1), dt.date(2026, 2, 28)),
                           Period(dt.date(2026, 2, 1), dt.date(2026, 3, 31)), "en")
    assert c.overlap() == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert "overlap" in c.overlap_note("en") and "重叠" in c.overlap_note("zh_CN")
    assert ws.metrics.compare(admin, BEFORE, AFTER).overlap() is None


def test_a_single_month_is_a_one_month_range():
    from cli.report_cli import parse_range

    assert parse_range("2025-05") == Period(dt.date(2025, 5, 1), dt.date(2025, 5, 31), "range")
    assert parse_range(" 2025-05 ") == parse_range("2025-05..2025-05")
    with pytest.raises(DomainError):
        parse_range("2025-13")


def test_cli_refuses_a_future_period_and_warns_about_overlap(plant, tmp_path):
    ws, _admin = plant
    folder = ws.data_dir
    ws.close()
    pdf = tmp_path / "effect.pdf"
    future = _cli(folder, "--lang", "en", "report", "effect-metrics", "--before", "2025-05",
                  "--after", "2099-01..2099-06", "-o", str(pdf))
    assert future.returncode != 0 and "has not started yet" in future.stderr
    assert not pdf.exists()
    both = _cli(folder, "--lang", "en", "report", "effect-metrics", "--before", "2026-01..2026-02",
                "--after", "2026-02..2026-03", "-o", str(pdf))
    assert both.returncode == 0, both.stderr
    assert "overlap (2026-02-01 to 2026-02-28)" in both.stderr and pdf.exists()


def test_english_pdf_has_a_unit_column_and_full_signature_lines(plant, tmp_path):
    ws, _admin = plant
    folder = ws.data_dir
    ws.close()
    pdf = tmp_path / "effect.pdf"
    done = _cli(folder, "--lang", "en", "report", "effect-metrics", "--before", "2025-01",
                "--after", "2026-01..2026-03", "-o", str(pdf))
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Unit" in text and "points per visit" in text and "per million hours" in text
    # the signature lines: every line as long as the others, each after its own label
    from reports.pdf_layout import Document, Furniture, page_size

    doc = Document(tmp_path / "sig.pdf", Furniture("T", "P", "", lang="en"),
                   page_size("A4", "landscape"))
    drawn: list[tuple[float, float, float, float]] = []
    doc.canvas.line = lambda *xy: drawn.append(xy)  # what draw_signatures strokes
    doc.draw_signatures(100, page_size("A4", "landscape")[0] - 40)
    lengths = [x2 - x1 for x1, _y1, x2, _y2 in drawn]
    assert len(lengths) == 4 and max(lengths) - min(lengths) < 0.01 and min(lengths) > 80
    assert all(drawn[i][0] > drawn[i - 1][2] for i in range(1, 4))  # no overlaps
