"""Inspections (F4) in the UI: the due list, a run at the machine with a failed item and a photo,
checklists and schedules as the safety clerk edits them, the history and the card's checklist."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from core.auth import SYSTEM, Actor, Role
from core.inspections import OVERDUE, InspectionQuery, ItemDraft
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs.checklist_editor import ChecklistItemDialog
from desktop.dialogs.equipment_card import EquipmentCardDialog
from desktop.dialogs.inspection_run import InspectionDetailDialog, InspectionRunDialog
from desktop.models.equipment_model import ALERT_COLOUR
from desktop.models.inspection_models import (
    ChecklistItemsModel,
    DueTableModel,
    HistoryTableModel,
    ScheduleTableModel,
)
from desktop.pages import PAGES
from desktop.pages.inspections import InspectionsPage, ScheduleDialog

TODAY = dt.date.today()
PRESS_ITEMS = ["光电保护装置灵敏有效", "防护罩完好", "急停按钮灵敏"]


@pytest.fixture
def plant(workspace: Workspace, admin: Actor) -> dict[str, Any]:
    """One area, three types (press and cabinet with checklists, baler without), five machines,
    a clerk and a worker with person records (points go to people), and schedules: presses
    daily since ten days ago (never inspected: overdue), one cabinet monthly from today."""
    ws = workspace
    site = ws.structure.list(SYSTEM, "site")[0]["id"]
    area = ws.structure.add(SYSTEM, "area", {"site_id": site, "code": "CY", "name": "冲压车间"})
    types = {code: ws.equipment.add_type(SYSTEM, code, name)
             for code, name in (("YJ", "压力机"), ("PD", "配电柜"), ("DB", "打包机"))}
    machines = {}
    for code, type_code in (("YJ-CY-0001", "YJ"), ("YJ-CY-0002", "YJ"), ("PD-CY-0001", "PD"),
                            ("PD-CY-0002", "PD"), ("DB-CY-0001", "DB")):
        machines[code] = ws.equipment.add(SYSTEM, {
            "code": code, "name": f"{code} 设备", "type_id": types[type_code], "area_id": area,
            "site_id": site, "install_date": "2020-01-01"})
    people, users = {}, {}
    for no, name, username, role in (("E1", "张安全", "clerk", Role.SAFETY_CLERK),
                                     ("E3", "王操作", "worker", Role.EMPLOYEE)):
        people[username] = ws.people.add(SYSTEM, {"employee_no": no, "name": name})
        ws.auth.create_user(admin, username, name, [role], "password-123", people[username])
        user = ws.users_repo.by_username(username)
        assert user is not None
        users[username] = user.actor()
    clerk = users["clerk"]
    ws.inspections.create_template(clerk, types["YJ"], "冲床班前点检表",
                                   [ItemDraft(PRESS_ITEMS[0], "遮挡光幕，滑块应停止"),
                                    PRESS_ITEMS[1], PRESS_ITEMS[2]])
    ws.inspections.create_template(clerk, types["PD"], "配电柜点检表", ["柜门关闭上锁", "接地可靠"])
    ws.inspections.add_schedule(clerk, "daily", type_id=types["YJ"],
                                start_date=TODAY - dt.timedelta(days=10))
    ws.inspections.add_schedule(clerk, "monthly", equipment_id=machines["PD-CY-0001"],
                                start_date=TODAY)
    return {"ws": ws, "types": types, "machines": machines, "people": people, "users": users}


def _ctx(plant: dict[str, Any], username: str) -> AppContext:
    return AppContext(plant["ws"], plant["users"][username], "zh_CN")


def _page(qtbot: Any, ctx: AppContext) -> InspectionsPage:
    page = InspectionsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitUntil(lambda: page.due_summary.text() != "")
    return page


def _png(path: Path) -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#884422"))
    assert image.save(str(path))
    return path


def _confirm(qtbot: Any, parent: QWidget) -> None:
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox) is not None)
    box = parent.findChild(QMessageBox)
    qtbot.mouseClick(box.findChild(QPushButton, "confirmButton"), Qt.MouseButton.LeftButton)


def _run(qtbot: Any, ctx: AppContext, equipment_id: str) -> InspectionRunDialog:
    dialog = InspectionRunDialog(ctx, equipment_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.rows) or dialog.error.isVisibleTo(dialog))
    qtbot.waitUntil(lambda: all(r.isVisible() for r in dialog.rows))  # shown by the layout
    return dialog


def test_the_page_comes_after_hazards_for_everyone_who_inspects(plant: dict[str, Any]) -> None:
    ids = [p.page_id for p in PAGES]
    assert ids.index("inspections") == ids.index("hazards") + 1


# -- the due list -----------------------------------------------------------------------------


def test_the_due_list_shows_overdue_rows_first_with_missed_checks(
        qtbot: Any, plant: dict[str, Any]) -> None:
    page = _page(qtbot, _ctx(plant, "worker"))
    model = page.due_model
    codes = [model.record(r).equipment_code for r in range(model.rowCount())]
    assert codes == ["YJ-CY-0001", "YJ-CY-0002", "PD-CY-0001"]  # overdue first, then due
    press, cabinet = model.record(0), model.record(2)
    assert press.status == OVERDUE and press.missed >= 6  # ten days, Sundays off
    assert cabinet.status != OVERDUE and cabinet.missed == 0
    status, missed = model.index(0, 0), model.index(0, DueTableModel.COLUMNS.index("missed"))
    assert status.data() == "漏检" and missed.data() == str(press.missed)
    assert status.data(Qt.ItemDataRole.ForegroundRole) == ALERT_COLOUR
    assert model.index(2, 0).data() == "今日待检"
    assert model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "2 of them overdue" in page.due_summary.text()
    # A worker inspects but does not edit checklists or schedules: those tabs are not there.
    assert page.tabs.count() == 2 and page.editor is None
    # A row starts the inspection of its machine.
    page._due_activated(model.index(1, 1))
    dialog = page.findChild(InspectionRunDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.rows) == 3)
    assert dialog.run is not None and dialog.run.equipment.code == "YJ-CY-0002"
    dialog.reject()


def test_the_run_dialog_walks_the_checklist_and_drafts_a_hazard_with_points(
        qtbot: Any, plant: dict[str, Any], tmp_path: Path) -> None:
    ws, clerk = plant["ws"], plant["users"]["clerk"]
    ctx = _ctx(plant, "clerk")
    page = _page(qtbot, ctx)
    assert page.due_model.rowCount() == 3
    press = plant["machines"]["YJ-CY-0001"]
    dialog = _run(qtbot, ctx, press)
    assert "张安全" in dialog.who.text() and "冲床班前点检表" in dialog.who.text()
    assert dialog.rows[0].guidance.text() == "遮挡光幕，滑块应停止"
    first, guard, stop = dialog.rows
    qtbot.mouseClick(first.buttons["pass"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(guard.buttons["fail"], Qt.MouseButton.LeftButton)
    assert guard.details.isVisibleTo(dialog) and not first.details.isVisibleTo(dialog)
    qtbot.mouseClick(stop.buttons["na"], Qt.MouseButton.LeftButton)
    assert dialog.progress.text() == "3 of 3 answered"
    # A failure needs a note or a photo: said at the row, nothing is stored.
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert "防护罩完好" in dialog.error.text() and dialog.result is None
    guard.photos.add_files([_png(tmp_path / "guard.png")])
    with qtbot.waitSignal(dialog.finished_run, timeout=10000) as finished:
        qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    done = finished.args[0]
    assert (done.ok_count, done.failed_count, done.na_count) == (1, 1, 1)
    assert done.proper and done.points == 2
    # The failure drafted a hazard on this machine, with the photo, in the clerk's workflow.
    [(item_id, hazard_id)] = done.hazards.items()
    hazard = ws.hazards.get(clerk, hazard_id)
    assert hazard.equipment_id == press and "防护罩完好" in hazard.description
    assert hazard.source == "inspection" and hazard.step == "discover"  # to dispatch
    assert len(ws.hazards.attachments(clerk, hazard_id)) == 1
    # The summary says what was stored: the hazard's number and the points.
    assert dialog.pages.currentIndex() == 1
    assert dialog.hazard_list.topLevelItemCount() == 1
    assert dialog.hazard_list.topLevelItem(0).text(0) == hazard.number
    assert "+2" in dialog.summary_points.text()
    awards = ws.points.history(clerk, plant["people"]["clerk"])
    assert [(a.rule, a.points) for a in awards] == [("inspection", 2)]
    # The due list heard of it: that press is done for today.
    qtbot.waitUntil(lambda: page.due_model.rowCount() == 2)
    assert "YJ-CY-0001" not in [i.equipment_code for i in page.due_model.rows]
    dialog.accept()


def test_a_workers_failed_check_goes_to_the_safety_office_to_verify(
        qtbot: Any, plant: dict[str, Any]) -> None:
    ws = plant["ws"]
    dialog = _run(qtbot, _ctx(plant, "worker"), plant["machines"]["PD-CY-0001"])
    dialog.rows[0].choose("fail")
    dialog.rows[0].note.setText("柜门锁损坏")
    # One item left unanswered: asked first, and such a run earns nothing.
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.finished_run, timeout=10000) as finished:
        _confirm(qtbot, dialog)
    done = finished.args[0]
    assert not done.proper and done.points == 0
    assert "not every item was answered" in dialog.summary_points.text()
    hazard = ws.hazards.get(plant["users"]["clerk"], next(iter(done.hazards.values())))
    assert hazard.step == "pending" and "柜门锁损坏" in hazard.description
    assert "safety office" in dialog.hazards_heading.text()


def test_a_machine_without_a_checklist_cannot_be_started(
        qtbot: Any, plant: dict[str, Any]) -> None:
    dialog = _run(qtbot, _ctx(plant, "worker"), plant["machines"]["DB-CY-0001"])
    assert "打包机" in dialog.error.text() and not dialog.rows
    assert not dialog.finish_button.isVisibleTo(dialog)


# -- checklists -------------------------------------------------------------------------------


def test_the_checklist_editor_adds_reorders_and_removes_items_and_saves_them(
        qtbot: Any, qtmodeltester: Any, plant: dict[str, Any]) -> None:
    ws, clerk, types = plant["ws"], plant["users"]["clerk"], plant["types"]
    page = _page(qtbot, _ctx(plant, "clerk"))
    editor = page.editor
    assert editor is not None and page.tabs.count() == 4
    page.tabs.setCurrentWidget(editor)
    qtbot.waitUntil(lambda: editor.type_list.count() == 3)
    assert editor.select_type(types["YJ"])
    model = editor.model
    qtmodeltester.check(model)
    assert [d.text for d in model.drafts()] == PRESS_ITEMS
    old_ids = [d.id for d in model.drafts()]
    # Add an item with guidance and a hazard type.
    item_dialog = editor.add_item()
    item_dialog.text.setText("脚踏开关防护罩完好")
    item_dialog.guidance.setPlainText("罩壳无破损，防误踩")
    item_dialog.hazard_type.setCurrentIndex(item_dialog.hazard_type.findData("guard"))
    item_dialog.ok_button.click()
    assert model.rowCount() == 4 and editor.current_row() == 3 and editor.dirty
    # Move it up to second place, change the first, remove the old last one.
    editor.move_item(-1)
    editor.move_item(-1)
    assert editor.current_row() == 1
    change = editor.edit_item(0)
    assert isinstance(change, ChecklistItemDialog)
    change.text.setText("光电保护装置灵敏可靠")
    change.ok_button.click()
    editor._select_item(3)
    editor.remove_item()
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save_button.click()
    qtbot.waitUntil(lambda: not editor.dirty and "saved" in editor.message.text())
    stored = ws.inspections.template_for_type(clerk, types["YJ"])
    assert [i.text for i in stored.items] == ["光电保护装置灵敏可靠", "脚踏开关防护罩完好",
                                              "防护罩完好"]
    assert stored.items[1].guidance == "罩壳无破损，防误踩"
    assert stored.items[1].hazard_type == "guard"
    assert stored.items[0].id == old_ids[0] and stored.items[2].id == old_ids[1]  # kept
    # The editor shows what was stored (reloaded after the save).
    qtbot.waitUntil(lambda: [d.id for d in model.drafts()] == [i.id for i in stored.items])


def test_a_type_without_a_checklist_gets_a_new_one(
        qtbot: Any, plant: dict[str, Any]) -> None:
    ws, clerk, types = plant["ws"], plant["users"]["clerk"], plant["types"]
    page = _page(qtbot, _ctx(plant, "clerk"))
    editor = page.editor
    assert editor is not None
    qtbot.waitUntil(lambda: editor.type_list.count() == 3)
    assert editor.select_type(types["DB"])
    assert "New checklist" in editor.heading.text() and editor.model.rowCount() == 0
    assert not editor.save_button.isEnabled()  # nothing to save without an item
    for text in ("打包机急停有效", "安全门联锁有效"):
        item_dialog = editor.add_item()
        item_dialog.text.setText(text)
        item_dialog.ok_button.click()
    editor.name.setText("打包机点检表")
    editor.name.textEdited.emit("打包机点检表")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save_button.click()
    stored = ws.inspections.template_for_type(clerk, types["DB"])
    assert stored.name == "打包机点检表"
    assert [i.text for i in stored.items] == ["打包机急停有效", "安全门联锁有效"]
    # The baler can now be inspected: the due list no longer says its checklist is missing.
    qtbot.waitUntil(lambda: "(2 items)" in editor.type_list.item(1).text()
                    or "(2 items)" in editor.type_list.item(0).text())


def test_an_empty_item_is_refused_in_place(qtbot: Any) -> None:
    dialog = ChecklistItemDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok_button.click()
    assert dialog.error.isVisibleTo(dialog) and dialog.isVisible()


# -- schedules --------------------------------------------------------------------------------


def test_schedules_are_added_changed_and_removed(qtbot: Any, plant: dict[str, Any]) -> None:
    ws, clerk, machines = plant["ws"], plant["users"]["clerk"], plant["machines"]
    page = _page(qtbot, _ctx(plant, "clerk"))
    model = page.schedule_model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and bool(page.types))
    # A weekly check of one baler (typed in lower case: codes are upper).
    dialog = page.add_schedule()
    dialog.for_machine.setChecked(True)
    dialog.machine_code.setText("db-cy-0001")
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("weekly"))
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    baler = next(s for s in ws.inspections.schedules(clerk)
                 if s.equipment_id == machines["DB-CY-0001"])
    assert baler.frequency == "weekly" and baler.active
    # An unknown code is refused in the dialog.
    wrong = page.add_schedule()
    wrong.for_machine.setChecked(True)
    wrong.machine_code.setText("XX-0000")
    wrong.save_button.click()
    qtbot.waitUntil(lambda: wrong.error.isVisibleTo(wrong))
    assert "XX-0000" in wrong.error.text()
    wrong.reject()
    # Change it: monthly, paused, from the first of next month.
    page.schedule_table.selectRow(model.row_of(baler.id))
    change = page.edit_schedule()
    assert isinstance(change, ScheduleDialog) and not change.machine_code.isVisibleTo(change)
    change.frequency.setCurrentIndex(change.frequency.findData("monthly"))
    change.active.setChecked(False)
    first = (TODAY.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    change.start.setDate(QDate(first.year, first.month, first.day))
    with qtbot.waitSignal(change.saved, timeout=5000):
        change.save_button.click()
    stored = next(s for s in ws.inspections.schedules(clerk) if s.id == baler.id)
    assert (stored.frequency, stored.active, stored.start_date) == ("monthly", False, first)
    qtbot.waitUntil(lambda: model.record(model.row_of(baler.id)).frequency == "monthly")
    assert model.index(model.row_of(baler.id), 3).data() == "Paused"
    # Remove it, after confirming.
    page.schedule_table.selectRow(model.row_of(baler.id))
    page.remove_schedule()
    _confirm(qtbot, page)
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert baler.id not in [s.id for s in ws.inspections.schedules(clerk)]


# -- history ----------------------------------------------------------------------------------


def _inspect(ws: Workspace, actor: Actor, machine: str, outcomes: list[str]) -> str:
    run = ws.inspections.start(actor, machine)
    for item, outcome in zip(run.items, outcomes, strict=False):
        ws.inspections.record(actor, run, item.id, outcome, "松动" if outcome == "fail" else "")
    return ws.inspections.finish(actor, run).id


def test_history_filters_by_machine_and_inspector_and_pages(
        qtbot: Any, qtmodeltester: Any, plant: dict[str, Any]) -> None:
    ws, users, machines = plant["ws"], plant["users"], plant["machines"]
    _inspect(ws, users["worker"], machines["YJ-CY-0001"], ["pass", "pass", "pass"])
    _inspect(ws, users["worker"], machines["PD-CY-0001"], ["pass", "fail"])
    clerks = _inspect(ws, users["clerk"], machines["YJ-CY-0001"], ["pass", "fail", "na"])
    page = _page(qtbot, _ctx(plant, "clerk"))
    model = page.history_model
    qtbot.waitUntil(lambda: model.total == 3 and not model.is_loading)
    assert page.history_count.text() == "3 inspections"
    page.show_history(equipment_code="yj-cy-0001")
    qtbot.waitUntil(lambda: model.total == 2 and not model.is_loading)
    assert {model.summary(r).equipment_code for r in range(model.rowCount())} == {"YJ-CY-0001"}
    # Who: the clerk (as "me"), and the worker picked by name.
    page.show_history(equipment_code="", inspector="me")
    qtbot.waitUntil(lambda: model.total == 1 and not model.is_loading)
    assert model.summary(0).id == clerks
    result = model.index(0, HistoryTableModel.COLUMNS.index("result"))
    assert result.data() == "1 pass · 1 fail · 1 n/a"
    assert result.data(Qt.ItemDataRole.ForegroundRole) == ALERT_COLOUR
    qtbot.waitUntil(lambda: page.inspector_filter.findData(plant["people"]["worker"]) >= 0)
    page.show_history(inspector=plant["people"]["worker"])
    qtbot.waitUntil(lambda: model.total == 2 and not model.is_loading)
    page.failed_only.setChecked(True)
    qtbot.waitUntil(lambda: model.total == 1 and not model.is_loading)
    assert model.summary(0).equipment_code == "PD-CY-0001"
    # An unknown code says so instead of showing everything.
    page.failed_only.setChecked(False)
    page.show_history(equipment_code="NO-SUCH")
    qtbot.waitUntil(lambda: "NO-SUCH" in page.message.text())
    qtbot.waitUntil(lambda: model.total == 0 and not model.is_loading)
    # A row opens the record: each item's answer and the hazard it drafted.
    page.show_history(equipment_code="", inspector="me")
    qtbot.waitUntil(lambda: model.total == 1 and not model.is_loading)
    detail = page._open_inspection(model.index(0, 0))
    assert isinstance(detail, InspectionDetailDialog)
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        pass
    assert detail.results.topLevelItemCount() == 3
    assert detail.results.topLevelItem(1).text(5).startswith("YH-")
    detail.accept()
    # Paging: the model asks for more rows as the view scrolls.
    paged = HistoryTableModel(_ctx(plant, "clerk"))
    paged.PAGE_SIZE = 2
    with qtbot.waitSignal(paged.loaded):
        paged.set_query(InspectionQuery())
    qtmodeltester.check(paged)
    assert paged.rowCount() == 2 and paged.canFetchMore()
    paged.fetchMore()
    qtbot.waitUntil(lambda: paged.rowCount() == 3)
    assert not paged.canFetchMore()


def test_the_small_models_pass_the_model_tester(
        qtmodeltester: Any, plant: dict[str, Any]) -> None:
    ws, clerk = plant["ws"], plant["users"]["clerk"]
    due = DueTableModel()
    due.set_rows(ws.inspections.due(clerk))
    qtmodeltester.check(due)
    schedules = ScheduleTableModel()
    schedules.set_rows(ws.inspections.schedules(clerk))
    qtmodeltester.check(schedules)
    items = ChecklistItemsModel()
    items.set_rows([ItemDraft("a"), ItemDraft("b"), ItemDraft("c")])
    qtmodeltester.check(items)
    assert items.move(0, 1) == 1 and items.move(2, -1) == 1
    assert [d.text for d in items.drafts()] == ["b", "c", "a"]
    items.add(ItemDraft("a"))  # the same text twice is two items
    assert [items.headerData(r, Qt.Orientation.Vertical) for r in range(4)] == [
        "1", "2", "3", "4"]
    items.remove(0)
    assert [d.text for d in items.drafts()] == ["c", "a", "a"]


# -- the equipment card -----------------------------------------------------------------------


def test_the_card_shows_the_checklist_and_last_inspection_and_starts_one(
        qtbot: Any, plant: dict[str, Any]) -> None:
    ws, machines = plant["ws"], plant["machines"]
    ctx = _ctx(plant, "worker")
    card = EquipmentCardDialog(ctx, machines["YJ-CY-0002"])
    qtbot.addWidget(card)
    with qtbot.waitSignal(card.checklist_loaded, timeout=5000):
        card.show()
    assert card.checklist_name.text() == "冲床班前点检表"
    assert [card.checklist_items.item(r).text() for r in range(3)] == [
        f"{n}. {text}" for n, text in enumerate(PRESS_ITEMS, start=1)]
    assert card.checklist_items.item(0).toolTip() == "遮挡光幕，滑块应停止"
    assert card.last_inspection.text() == "Never inspected."
    assert card.start_button.isEnabled() and card.start_button.isVisibleTo(card)
    # An inspection elsewhere shows up as the last one.
    _inspect(ws, plant["users"]["clerk"], machines["YJ-CY-0002"], ["pass", "fail", "pass"])
    with qtbot.waitSignal(card.checklist_loaded, timeout=5000):
        ctx.notify("inspection", [machines["YJ-CY-0002"]])
    assert "张安全" in card.last_inspection.text() and "1 items failed" in \
        card.last_inspection.text()
    run = card.start_inspection()
    assert isinstance(run, InspectionRunDialog)
    qtbot.waitUntil(lambda: len(run.rows) == 3)
    run.reject()
    # A baler has no checklist yet: the card says where one is made, and cannot start.
    baler = EquipmentCardDialog(ctx, machines["DB-CY-0001"], from_scan=True)
    qtbot.addWidget(baler)
    with qtbot.waitSignal(baler.checklist_loaded, timeout=5000):
        baler.show()
    assert "Checklists" in baler.checklist_name.text()
    assert not baler.start_button.isEnabled() and baler.start_button.isVisibleTo(baler)
