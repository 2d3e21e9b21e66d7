"""The Risks page and its dialogs, driven as a clerk would (offscreen)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from core import i18n
from core.auth import SYSTEM, Actor, Role
from core.colours import RISK_COLOURS
from core.risk import GRADES, SCORING_KEY, RiskQuery, grade_label
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs.assessment_dialog import AssessmentDialog
from desktop.models.risk_model import COLUMNS, OVERDUE_COLOUR
from desktop.pages import PAGES
from desktop.pages.risks import NAME_MIN_WIDTH, NOT_ASSESSED, RisksPage


@pytest.fixture
def register(workspace: Workspace, admin: Actor) -> dict[str, str]:
    site = workspace.structure.list(SYSTEM, "site")[0]["id"]
    ids = {"site": site}
    for code, name in (("CY", "冲压车间"), ("BG", "办公区")):
        ids[code] = workspace.structure.add(SYSTEM, "area", {"site_id": site, "code": code,
                                                             "name": name})
    press_type = workspace.equipment.add_type(SYSTEM, "YJ", "压力机")
    ids["press"] = workspace.equipment.add(SYSTEM, {"name": "开式压力机", "type_id": press_type,
                                                    "area_id": ids["CY"], "site_id": site})
    risk = workspace.risk
    ids["stamping"] = risk.add(SYSTEM, {"name": "冲压车间作业区", "area_id": ids["CY"],
                                        "hazard_factors": "滑块下行"},
                               [("engineering", "光幕"), ("ppe", "手套")])
    risk.assess(SYSTEM, ids["stamping"], "lec", {"l": 3, "e": 6, "c": 15})
    ids["office"] = risk.add(SYSTEM, {"name": "办公区用电", "area_id": ids["BG"]})
    risk.assess(SYSTEM, ids["office"], "lec", {"l": 1, "e": 6, "c": 1})
    ids["machine"] = risk.add(SYSTEM, {"name": "冲床光幕失效", "kind": "equipment",
                                       "equipment_id": ids["press"]})
    return ids


def _settled(page: RisksPage) -> bool:
    return page.count_label.text() != "" and not page.model.is_loading


def _select(page: RisksPage, point_id: str) -> None:
    row = page.model.row_of(point_id)
    assert row >= 0
    page.table.selectionModel().select(
        page.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def test_page_is_listed_before_the_risk_map():
    names = [p.__name__ for p in PAGES]
    assert names.index("RisksPage") == names.index("RiskMapPage") - 1
    assert RisksPage.page_id == "risks"


def test_table_filters_and_model(qtbot, ctx: AppContext, register):
    page = RisksPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: _settled(page) and page.model.total == 3)
    page.grade_filter.setCurrentIndex(page.grade_filter.findData("considerable"))
    qtbot.waitUntil(lambda: page.model.total == 1 and _settled(page))
    assert page.model.point(0).name == "冲压车间作业区"
    page.grade_filter.setCurrentIndex(page.grade_filter.findData(NOT_ASSESSED))
    qtbot.waitUntil(lambda: page.model.total == 1 and _settled(page)
                    and page.model.point(0).name == "冲床光幕失效")
    page.grade_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.area_filter.count() > 2)
    page.area_filter.setCurrentIndex(page.area_filter.findData(register["BG"]))
    qtbot.waitUntil(lambda: page.model.total == 1 and _settled(page)
                    and page.model.point(0).name == "办公区用电")
    page.area_filter.setCurrentIndex(0)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("equipment"))
    qtbot.waitUntil(lambda: page.model.total == 1 and _settled(page)
                    and page.model.point(0).kind == "equipment")
    page.kind_filter.setCurrentIndex(0)
    page.search.setText("办公")
    page.apply_filters()
    qtbot.waitUntil(lambda: page.model.total == 1 and _settled(page))


def test_model_passes_qt_model_tester(qtbot, qtmodeltester, ctx: AppContext, register):
    page = RisksPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: _settled(page) and page.model.total == 3)
    qtmodeltester.check(page.model)


def test_assessment_dialog_updates_live_and_saves(qtbot, ctx: AppContext, register,
                                                  workspace: Workspace, tmp_path: Path):
    page = RisksPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: _settled(page) and page.model.total == 3)
    _select(page, register["machine"])
    dialog = page.assess_selected()
    assert isinstance(dialog, AssessmentDialog)
    qtbot.waitUntil(lambda: dialog.history.rowCount() == 0 and dialog.buttons.isEnabled())
    combos = dialog.combos
    # "Daily during working hours" is E = 6.
    combos["l"].setCurrentIndex(combos["l"].findData(6.0))
    combos["e"].setCurrentIndex(combos["e"].findData(6.0))
    assert "每天工作时间内暴露" in combos["e"].currentText() or \
        "Daily" in combos["e"].currentText()
    combos["c"].setCurrentIndex(combos["c"].findData(15.0))
    assert "= 540" in dialog.result_label.text()
    assert dialog.grade_chip.property("grade") == "major"
    assert RISK_COLOURS["major"].lower() in dialog.grade_chip.styleSheet().lower()
    combos["l"].setCurrentIndex(combos["l"].findData(1.0))
    assert "= 90" in dialog.result_label.text()
    assert dialog.grade_chip.property("grade") == "general"
    # The matrix: R = L × S.
    dialog.ls_radio.setChecked(True)
    combos["likelihood"].setCurrentIndex(combos["likelihood"].findData(4.0))
    combos["severity"].setCurrentIndex(combos["severity"].findData(4.0))
    assert "= 16" in dialog.result_label.text()
    assert dialog.grade_chip.property("grade") == "considerable"
    dialog.note.setText("加装光幕前")
    if os.environ.get("SAFEDESK_SHOTS"):  # a picture of the dialog for the review
        dialog.resize(760, 640)
        dialog.grab().save(str(Path(os.environ["SAFEDESK_SHOTS"]) / "assessment_dialog.png"))
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    point = workspace.risk.get(SYSTEM, register["machine"])
    assert (point.method, point.score, point.grade) == ("ls", 16, "considerable")
    assert workspace.equipment_repo.get(register["press"]).risk_grade == "considerable"
    qtbot.waitUntil(lambda: _settled(page) and any(
        page.model.point(r).grade == "considerable" and page.model.point(r).id == register["machine"]
        for r in range(page.model.rowCount())))
    # Opened again: the history shows the saved assessment and the matrix is preselected.
    _select(page, register["machine"])
    again = page.assess_selected()
    qtbot.waitUntil(lambda: again.history.rowCount() == 1)
    assert again.ls_radio.isChecked() and again.history.item(0, 4).text() in ("较大风险",
                                                                                "Considerable risk")
    again.reject()


def test_new_point_dialog_saves_a_row(qtbot, ctx: AppContext, register, workspace: Workspace):
    page = RisksPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: _settled(page) and page.model.total == 3)
    dialog = page.add_point()
    qtbot.waitUntil(lambda: dialog.area.count() > 2)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.isVisible())  # no name: refused, shown in the dialog
    dialog.name.setText("动火作业")
    dialog.kind.setCurrentIndex(dialog.kind.findData("activity"))
    dialog.activity.setText("动火作业")
    dialog.area.setCurrentIndex(dialog.area.findData(register["CY"]))
    dialog.accident_pick.activated.emit(dialog.accident_pick.findData("火灾"))
    dialog.measure_edits["management"].setPlainText("办理动火作业票\n设专人看火")
    dialog.measure_edits["ppe"].setPlainText("阻燃工作服")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    point = workspace.risk.get(SYSTEM, saved.args[0])
    assert point.code == "FX-004" and point.possible_accidents == "火灾"
    assert [m.text for m in workspace.risk.measures(SYSTEM, point.id)] == [
        "办理动火作业票", "设专人看火", "阻燃工作服"]
    qtbot.waitUntil(lambda: page.model.total == 4 and _settled(page))


def test_delete_and_export(qtbot, ctx: AppContext, register, workspace: Workspace,
                           tmp_path: Path):
    page = RisksPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: _settled(page) and page.model.total == 3)
    _select(page, register["office"])
    page.delete_selected()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox) is not None)
    page.findChild(QMessageBox).findChild(QPushButton, "confirmButton").click()
    qtbot.waitUntil(lambda: page.model.total == 2 and _settled(page))
    assert workspace.risk_repo.count(RiskQuery()) == 2
    with qtbot.waitSignal(page.exported, timeout=30_000) as done:
        page.export_to(tmp_path / "register.xlsx")
    sheet = load_workbook(done.args[0]).active
    assert sheet.cell(4, 2).value == "冲压车间作业区"
    with qtbot.waitSignal(page.exported, timeout=30_000) as cards:
        page.export_to(tmp_path / "cards", "post-cards")
    assert cards.args[0].endswith("cards.pdf") and Path(cards.args[0]).stat().st_size > 5_000


def test_employee_sees_the_register_but_cannot_edit(qtbot, workspace: Workspace, register):
    worker = Actor("w", "worker", "工人", frozenset({Role.EMPLOYEE}))
    page = RisksPage(AppContext(workspace, worker))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: _settled(page) and page.model.total == 3)
    assert not page.new_action.isVisible() and not page.assess_action.isVisible()
    assert page.export_action.isVisible()


# --------------------------------------------------------------------------- tester's findings

@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_columns_fit_a_1280_window_with_a_readable_name(qtbot, ctx: AppContext, register,
                                                        ui_language, lang):
    ui_language(lang)
    page = RisksPage(ctx)
    qtbot.addWidget(page)
    page.resize(1060, 720)  # the page's share of a 1280×800 main window (sidebar beside it)
    page.show()
    qtbot.waitUntil(lambda: _settled(page) and page.model.total == 3)
    header = page.table.horizontalHeader()
    widths = {name: header.sectionSize(c) for c, name in enumerate(COLUMNS)}
    assert widths["name"] >= NAME_MIN_WIDTH  # was ~20 px: "…"
    assert sum(widths.values()) <= page.table.viewport().width()  # no column cut at the edge
    cells = page.table.fontMetrics()
    chip = max(cells.horizontalAdvance(grade_label(g)) for g in GRADES) + 18
    assert widths["grade"] >= chip + 6  # "Considerable risk" stays inside its chip
    review_title = page.model.column_title("review_date")
    assert widths["review_date"] >= header.fontMetrics().horizontalAdvance(review_title)
    assert widths["review_date"] >= cells.horizontalAdvance("2026-12-31")
    # Narrower than that, the name keeps its minimum and the table scrolls instead.
    page.resize(700, 600)
    qtbot.waitUntil(lambda: header.sectionSize(COLUMNS.index("name")) == NAME_MIN_WIDTH)


def test_overdue_review_dates_are_red_counted_and_filtered(qtbot, ctx: AppContext, register,
                                                           workspace: Workspace):
    past = dt.date.today() - dt.timedelta(days=3)
    workspace.risk.edit(SYSTEM, register["office"], {"review_date": past})  # accepted
    workspace.risk.edit(SYSTEM, register["stamping"],
                        {"review_date": dt.date.today() + dt.timedelta(days=90)})
    page = RisksPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: _settled(page) and page.model.total == 3)
    qtbot.waitUntil(lambda: page.overdue_count == 1)
    assert not page.overdue_button.isHidden() and "1" in page.overdue_button.text()
    column = COLUMNS.index("review_date")
    office = page.model.index(page.model.row_of(register["office"]), column)
    stamping = page.model.index(page.model.row_of(register["stamping"]), column)
    assert office.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOUR
    assert office.data(Qt.ItemDataRole.ToolTipRole) == "Review overdue"
    assert stamping.data(Qt.ItemDataRole.ForegroundRole) is None
    page.overdue_button.click()
    qtbot.waitUntil(lambda: _settled(page) and page.model.total == 1
                    and page.model.point(0).id == register["office"])
    page.overdue_button.click()
    qtbot.waitUntil(lambda: _settled(page) and page.model.total == 3)


def test_broken_scoring_setting_shows_a_notice(qtbot, ctx: AppContext, register,
                                               workspace: Workspace):
    workspace.settings.set(SCORING_KEY, '{"lec": [{"grade": "major", "min": "lots"}]}')
    page = RisksPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: _settled(page) and not page.scoring_notice.isHidden())
    assert page.scoring_notice.text() == i18n.t("risk.scoring_fallback")
    _select(page, register["stamping"])
    dialog = page.assess_selected()
    qtbot.waitUntil(lambda: not dialog.scoring_notice.isHidden())
    assert dialog.scoring_notice.text() == i18n.t("risk.scoring_fallback")
    dialog.reject()
    workspace.settings.set(SCORING_KEY, '{"lec": [{"grade": "major", "min": 400}]}')  # valid
    page.apply_filters()
    qtbot.waitUntil(lambda: page.scoring_notice.isHidden())
    _select(page, register["stamping"])
    again = page.assess_selected()
    qtbot.waitUntil(lambda: again.history.rowCount() == 1)
    assert again.scoring_notice.isHidden()
    again.reject()
