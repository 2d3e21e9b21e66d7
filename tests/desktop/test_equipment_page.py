"""The equipment page, its dialogs and the equipment card, driven as a clerk would (offscreen)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from core.auth import SYSTEM, Actor, Role
from core.equipment import INSPECTION_SOON_DAYS, EquipmentQuery
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs.equipment_card import THUMBNAIL, EquipmentCardDialog, MaintenanceDialog
from desktop.dialogs.equipment_dialog import EquipmentDialog
from desktop.models.equipment_model import COLUMNS, EquipmentTableModel
from desktop.pages import PAGES
from desktop.pages.equipment import NOT_ASSESSED, EquipmentPage

TODAY = dt.date.today()
PROCEDURE = "1. 开机前检查防护罩和急停按钮。\n2. 严禁将手伸入模具区域。"


@pytest.fixture
def fleet(workspace: Workspace, admin: Actor) -> dict[str, str]:
    """Two areas, three types and 30 machines, with history on a few of them.

    Returns ids by name: "site", "CY", "HJ", "CY-B", "YJ", "QZ", "HJ-T", people by employee no.,
    and machines by code.
    """
    structure, equipment = workspace.structure, workspace.equipment
    site = structure.list(SYSTEM, "site")[0]["id"]
    ids = {"site": site}
    for code, name in (("CY", "冲压车间"), ("HJ", "焊接车间")):
        ids[code] = structure.add(SYSTEM, "area", {"site_id": site, "code": code, "name": name})
    for code, name in (("CY-A", "冲压A线"), ("CY-B", "冲压B线")):
        ids[code] = structure.add(SYSTEM, "line", {"area_id": ids["CY"], "code": code,
                                                   "name": name})
    ids["YJ"] = equipment.add_type(SYSTEM, "YJ", "压力机")
    ids["QZ"] = equipment.add_type(SYSTEM, "QZ", "起重机", special=True)
    ids["HJ-T"] = equipment.add_type(SYSTEM, "HJ", "电焊机")
    for no, name in (("CY001", "张晓明"), ("CY002", "李晓燕")):
        ids[no] = workspace.people.add(SYSTEM, {"employee_no": no, "name": name})

    grades = ("major", "considerable", "general", "low", None)
    rows: list[dict[str, Any]] = []
    for n in range(12):  # YJ-CY-0001 … 0012; three are 闭式双点压力机
        rows.append({"name": "闭式双点压力机" if n < 3 else "开式压力机", "type_id": ids["YJ"],
                     "area_id": ids["CY"], "line_id": ids["CY-B"], "site_id": site,
                     "risk_grade": grades[n % 4], "model": f"JH21-{n}"})
    for n in range(10):  # HJ-HJ-0001 … 0010: two not assessed, one stopped
        rows.append({"name": "二氧化碳保护焊机", "type_id": ids["HJ-T"], "area_id": ids["HJ"],
                     "site_id": site, "risk_grade": "general" if n < 8 else None,
                     "status": "stopped" if n == 9 else "in_service"})
    for due in (10, 60, -5, None):  # QZ-CY-0001 … 0004: special equipment
        rows.append({"name": "电动单梁起重机", "type_id": ids["QZ"], "area_id": ids["CY"],
                     "site_id": site, "risk_grade": "considerable", "special": True,
                     "inspection_due": TODAY + dt.timedelta(days=due) if due is not None
                     else None})
    for n in range(4):  # SL-0001 …: no type or area, own codes
        rows.append({"code": f"SL-{n + 1:04d}", "name": "砂轮机", "site_id": site,
                     "risk_grade": "low", "status": "scrapped" if n == 3 else "in_service"})
    equipment.import_records(SYSTEM, rows)
    items, total = equipment.search_page(SYSTEM, EquipmentQuery(), 0, 100)
    assert total == 30
    ids.update({item.code: item.id for item in items})

    press = ids["YJ-CY-0001"]
    equipment.update(SYSTEM, press, {"procedure": PROCEDURE, "owner_person_id": ids["CY001"]})
    equipment.add_maintenance(SYSTEM, press, {
        "date": TODAY - dt.timedelta(days=40), "kind": "monthly", "performed_by": "李工",
        "next_due": TODAY - dt.timedelta(days=10)})  # overdue
    equipment.add_fault(SYSTEM, press, {"date": TODAY - dt.timedelta(days=20),
                                        "symptom": "滑块下行不停", "cause": "脚踏开关粘连",
                                        "downtime_hours": 3.5, "fix": "更换脚踏开关"})
    equipment.add_maintenance(SYSTEM, ids["HJ-HJ-0001"], {
        "date": TODAY - dt.timedelta(days=100), "kind": "monthly",
        "next_due": TODAY - dt.timedelta(days=70)})  # overdue
    equipment.add_maintenance(SYSTEM, ids["HJ-HJ-0002"], {
        "date": TODAY - dt.timedelta(days=5), "kind": "monthly",
        "next_due": TODAY + dt.timedelta(days=25)})  # fine
    return ids


def _actor(workspace: Workspace, admin: Actor, username: str, role: Role) -> Actor:
    workspace.auth.create_user(admin, username, username, [role], "password-123")
    user = workspace.users_repo.by_username(username)
    assert user is not None
    return user.actor()


def _page(qtbot: Any, ctx: AppContext) -> EquipmentPage:
    page = EquipmentPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text() != "" and not page.model.is_loading)
    qtbot.waitUntil(lambda: page.area_filter.count() > 1)
    return page


def _type_chinese(widget: QWidget, text: str) -> None:
    """Chinese arrives from the input method, not as key presses: commit it like an IME."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _codes(page: EquipmentPage) -> list[str]:
    items = (page.model.equipment(r) for r in range(page.model.rowCount()))
    return [e.code for e in items if e is not None]


def _settled(page: EquipmentPage) -> bool:
    return not page.model.is_loading and page.model.rowCount() == min(page.model.total,
                                                                       page.model.PAGE_SIZE)


def _select(page: EquipmentPage, *codes: str) -> None:
    page.table.clearSelection()
    for code in codes:
        row = _codes(page).index(code)
        page.table.selectionModel().select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def _confirm(qtbot: Any, parent: QWidget) -> None:
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox) is not None)
    box = parent.findChild(QMessageBox)
    qtbot.mouseClick(box.findChild(QPushButton, "confirmButton"), Qt.MouseButton.LeftButton)


def _choose(combo: Any, data: Any) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


# -- the model ------------------------------------------------------------------------------


def test_the_model_passes_the_model_tester_while_paging_and_sorting(
        qtbot: Any, qtmodeltester: Any, ctx: AppContext, fleet: dict[str, str]) -> None:
    model = EquipmentTableModel(ctx)
    model.PAGE_SIZE = 8  # 30 machines: one page now, the rest on demand
    with qtbot.waitSignal(model.loaded) as loaded:
        model.set_query(EquipmentQuery())
    assert loaded.args == [30]
    assert model.rowCount() == 8 and model.canFetchMore()
    qtmodeltester.check(model)  # stays attached: the fetches below are checked too
    while model.canFetchMore():
        rows = model.rowCount()
        model.fetchMore()
        qtbot.waitUntil(lambda rows=rows: model.rowCount() > rows)
    assert model.rowCount() == 30
    first = {COLUMNS[c]: model.index(0, c).data() for c in range(model.columnCount())}
    assert first["code"] == "HJ-HJ-0001" and first["area"] == "焊接车间"
    assert first["type"] == "电焊机" and first["status"] == "在用"
    with qtbot.waitSignal(model.loaded):
        model.sort(COLUMNS.index("risk"))
    assert model.order == "risk" and model.rowCount() == 8  # back to one page, new order
    with qtbot.waitSignal(model.loaded):
        model.set_query(EquipmentQuery(text="SL-"))
    assert model.rowCount() == 4


def test_overdue_dates_are_highlighted_with_an_explanation(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str]) -> None:
    model = EquipmentTableModel(ctx)
    with qtbot.waitSignal(model.loaded):
        model.set_query(EquipmentQuery())
    press = model.row_of(fleet["YJ-CY-0001"])
    due = model.index(press, COLUMNS.index("next_maintenance"))
    assert due.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert due.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "10" in due.data(Qt.ItemDataRole.ToolTipRole)  # overdue by 10 days
    fine = model.index(model.row_of(fleet["HJ-HJ-0002"]), COLUMNS.index("next_maintenance"))
    assert fine.data(Qt.ItemDataRole.DecorationRole) is None
    soon = model.index(model.row_of(fleet["QZ-CY-0001"]), COLUMNS.index("inspection_due"))
    later = model.index(model.row_of(fleet["QZ-CY-0002"]), COLUMNS.index("inspection_due"))
    assert soon.data(Qt.ItemDataRole.DecorationRole) is not None
    assert later.data(Qt.ItemDataRole.DecorationRole) is None


# -- searching and filtering ----------------------------------------------------------------


def test_typing_a_chinese_fragment_filters_the_list(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str]) -> None:
    page = _page(qtbot, ctx)
    assert page.model.total == 30 and "30" in page.count_label.text()
    _type_chinese(page.search, "双点")
    qtbot.waitUntil(lambda: page.model.total == 3 and _settled(page))
    assert _codes(page) == ["YJ-CY-0001", "YJ-CY-0002", "YJ-CY-0003"]
    assert "3" in page.count_label.text()
    page.search.clear()
    _type_chinese(page.search, "起重")
    qtbot.waitUntil(lambda: page.model.total == 4 and _settled(page))


def test_each_filter_narrows_the_list(qtbot: Any, ctx: AppContext,
                                      fleet: dict[str, str]) -> None:
    page = _page(qtbot, ctx)

    def shows(expected: int) -> None:
        qtbot.waitUntil(lambda: page.model.total == expected and _settled(page))

    _choose(page.area_filter, fleet["HJ"])
    shows(10)
    assert all(c.startswith("HJ-") for c in _codes(page))
    _choose(page.status_filter, "stopped")
    shows(1)
    assert _codes(page) == ["HJ-HJ-0010"]
    _choose(page.status_filter, None)
    _choose(page.risk_filter, NOT_ASSESSED)
    shows(2)
    assert _codes(page) == ["HJ-HJ-0009", "HJ-HJ-0010"]
    _choose(page.area_filter, None)
    shows(2)  # every unassessed machine is a welder
    _choose(page.risk_filter, "major")
    shows(3)  # presses 1, 5, 9
    _choose(page.risk_filter, None)
    _choose(page.type_filter, fleet["QZ"])
    shows(4)
    _choose(page.type_filter, None)
    shows(30)

    page.overdue_filter.setChecked(True)
    shows(2)
    assert _codes(page) == ["HJ-HJ-0001", "YJ-CY-0001"]
    page.overdue_filter.setChecked(False)
    page.inspection_filter.setChecked(True)
    shows(2)  # due in 10 days and 5 days overdue; not the one in 60 days, not the undated
    assert page.current_query().inspection_due_within == INSPECTION_SOON_DAYS
    assert _codes(page) == ["QZ-CY-0001", "QZ-CY-0003"]


def test_clicking_the_risk_header_puts_major_risks_first(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str]) -> None:
    page = _page(qtbot, ctx)
    header = page.table.horizontalHeader()
    column = COLUMNS.index("risk")
    click = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    with qtbot.waitSignal(page.model.loaded):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=click)
    assert page.model.order == "risk" and header.sortIndicatorSection() == column
    grades = [page.model.equipment(r).risk_grade  # type: ignore[union-attr]
              for r in range(page.model.rowCount())]
    assert grades[:3] == ["major"] * 3
    assert grades[-2:] == [None, None]  # not assessed comes last
    # Lines have no service order: the click leaves the list and the arrow alone.
    line = COLUMNS.index("line")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(line) + 10, header.height() // 2))
    assert page.model.order == "risk" and header.sortIndicatorSection() == column


# -- adding, editing, removing --------------------------------------------------------------


def _open_dialog(qtbot: Any, dialog: EquipmentDialog) -> EquipmentDialog:
    qtbot.waitUntil(lambda: dialog.is_ready)
    return dialog


def test_adding_with_an_automatic_code_stores_that_code(
        qtbot: Any, workspace: Workspace, ctx: AppContext, fleet: dict[str, str]) -> None:
    page = _page(qtbot, ctx)
    dialog = _open_dialog(qtbot, page.add_equipment())
    _type_chinese(dialog.name, "高速冲床")
    _choose(dialog.type, fleet["YJ"])
    _choose(dialog.area, fleet["CY"])
    assert dialog.line.findData(fleet["CY-B"]) >= 0  # the lines of 冲压车间 only
    _choose(dialog.line, fleet["CY-A"])
    _choose(dialog.risk, "considerable")
    qtbot.mouseClick(dialog.auto_code, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.code.text() != "")
    assert dialog.code.text() == "YJ-CY-0013"
    # the owner is picked from people found by a fragment of their name
    dialog.owner.edit.setText("晓")
    with qtbot.waitSignal(dialog.owner.searched) as found:
        dialog.owner.search_now()
    assert found.args == [2]
    dialog.owner.choose(1)
    assert dialog.owner.person_id == fleet["CY002"] and "李晓燕" in dialog.owner.edit.text()
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    item = workspace.equipment.get(SYSTEM, saved.args[0])
    assert item is not None
    assert (item.code, item.name, item.line_id, item.risk_grade) == (
        "YJ-CY-0013", "高速冲床", fleet["CY-A"], "considerable")
    assert item.owner_person_id == fleet["CY002"] and item.site_id == fleet["site"]
    qtbot.waitUntil(lambda: page.model.total == 31)
    assert [e.code for e in page.selected_equipment()] == ["YJ-CY-0013"]


def test_a_special_type_switches_the_inspection_date_on(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str]) -> None:
    page = _page(qtbot, ctx)
    dialog = _open_dialog(qtbot, page.add_equipment())
    assert not dialog.inspection_due.isEnabled()
    _choose(dialog.type, fleet["QZ"])
    assert dialog.special.isChecked() and dialog.inspection_due.isEnabled()
    dialog.inspection_due.set_value(TODAY + dt.timedelta(days=200))
    assert dialog.values()["inspection_due"] == TODAY + dt.timedelta(days=200)
    dialog.special.setChecked(False)
    assert dialog.values()["inspection_due"] is None


def test_the_services_refusal_is_shown_inside_the_dialog(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str]) -> None:
    page = _page(qtbot, ctx)
    dialog = _open_dialog(qtbot, page.add_equipment())
    qtbot.keyClicks(dialog.code, "SL-0001")  # taken by a 砂轮机
    _type_chinese(dialog.name, "台钻")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "SL-0001" in dialog.error.text() and "砂轮机" in dialog.error.text()
    assert dialog.isVisible()
    # automatic numbering needs a type and an area under the default rule
    qtbot.mouseClick(dialog.auto_code, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "SL-0001" not in dialog.error.text())
    assert dialog.error.isVisible() and dialog.code.text() == "SL-0001"


def test_editing_one_field_changes_only_that_field(
        qtbot: Any, workspace: Workspace, ctx: AppContext, fleet: dict[str, str]) -> None:
    before = workspace.equipment.get(SYSTEM, fleet["YJ-CY-0001"])
    page = _page(qtbot, ctx)
    _select(page, "YJ-CY-0001")
    dialog = page.edit_selected()
    assert dialog is not None
    _open_dialog(qtbot, dialog)
    assert dialog.name.text() == "闭式双点压力机" and dialog.procedure.toPlainText() == PROCEDURE
    assert dialog.owner.person_id == fleet["CY001"] and dialog.owner.edit.text() == "张晓明"
    assert dialog.changes() == {}
    dialog.manufacturer.setText("扬力集团")
    assert dialog.changes() == {"manufacturer": "扬力集团"}
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    after = workspace.equipment.get(SYSTEM, fleet["YJ-CY-0001"])
    assert after == dataclasses.replace(before, manufacturer="扬力集团")  # type: ignore[type-var]


def test_a_deleted_machine_leaves_the_list(
        qtbot: Any, workspace: Workspace, ctx: AppContext, fleet: dict[str, str]) -> None:
    page = _page(qtbot, ctx)
    _select(page, "SL-0004")
    page.delete_selected()
    _confirm(qtbot, page)
    qtbot.waitUntil(lambda: "SL-0004" not in _codes(page) and page.model.total == 29)
    assert page.message.kind == "success"
    assert workspace.equipment.get(SYSTEM, fleet["SL-0004"]) is None  # a tombstone


# -- the card -------------------------------------------------------------------------------


def _card(qtbot: Any, ctx: AppContext, equipment_id: str) -> EquipmentCardDialog:
    card = EquipmentCardDialog(ctx, equipment_id)
    qtbot.addWidget(card)
    with qtbot.waitSignal(card.loaded):
        card.show()
    return card


def test_the_card_shows_procedure_maintenance_and_faults(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str]) -> None:
    page = _page(qtbot, ctx)
    _select(page, "YJ-CY-0001")
    card = page.open_card()
    assert card is not None
    qtbot.waitUntil(lambda: card.card is not None)
    assert card.code_label.text() == "YJ-CY-0001" and card.name_label.text() == "闭式双点压力机"
    assert card.risk_chip.text() == "重大风险"
    assert card.procedure_label.text() == PROCEDURE
    assert card.maintenance_list.topLevelItemCount() == 1
    assert card.maintenance_list.topLevelItem(0).text(2) == "李工"
    assert card.next_icon.isVisibleTo(card)  # overdue since 10 days
    assert "10" in card.next_label.text()
    assert card.fault_list.topLevelItemCount() == 1
    assert card.fault_list.topLevelItem(0).text(1) == "滑块下行不停"
    assert card.fault_list.topLevelItem(0).text(3) == "3.5"
    card.close()


def test_adding_a_maintenance_record_through_the_card_updates_it(
        qtbot: Any, workspace: Workspace, ctx: AppContext, fleet: dict[str, str]) -> None:
    page = _page(qtbot, ctx)
    card = _card(qtbot, ctx, fleet["YJ-CY-0001"])
    dialog = card.add_maintenance()
    assert isinstance(dialog, MaintenanceDialog)
    _choose(dialog.kind, "annual")
    assert dialog.next_due.value() == dialog.date.date().addMonths(12).toPython()
    qtbot.keyClicks(dialog.performed_by, "Wang")
    with qtbot.waitSignal(card.loaded):  # the card follows the change
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert card.maintenance_list.topLevelItemCount() == 2
    assert card.maintenance_list.topLevelItem(0).text(2) == "Wang"
    assert TODAY.isoformat() in card.last_label.text()
    assert not card.next_icon.isVisibleTo(card)  # no longer overdue
    # and so does the list: its maintenance columns come from the same records
    row = page.model.row_of(fleet["YJ-CY-0001"])
    next_column = COLUMNS.index("next_maintenance")
    qtbot.waitUntil(lambda: page.model.index(page.model.row_of(fleet["YJ-CY-0001"]),
                                             next_column).data() > TODAY.isoformat())
    assert row >= 0


def test_a_fault_without_a_symptom_is_refused_in_the_dialog(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str]) -> None:
    card = _card(qtbot, ctx, fleet["HJ-HJ-0001"])
    dialog = card.add_fault()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.isVisible()
    _type_chinese(dialog.symptom, "送丝不畅")
    with qtbot.waitSignal(card.loaded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert card.fault_list.topLevelItem(0).text(1) == "送丝不畅"


def test_an_attached_photo_shows_as_a_thumbnail(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str], tmp_path: Path) -> None:
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("#C03020"))
    path = tmp_path / "防护罩.png"
    assert image.save(str(path))
    card = _card(qtbot, ctx, fleet["YJ-CY-0002"])
    assert card.photos_empty.isVisibleTo(card)
    with qtbot.waitSignal(card.thumbnails_loaded, timeout=10000):
        card.attach_files([str(path)])
    assert card.photos.count() == 1 and not card.photos_empty.isVisibleTo(card)
    item = card.photos.item(0)
    assert item.text() == "防护罩.png"
    thumb = item.icon().pixmap(THUMBNAIL).toImage()
    assert thumb.pixelColor(thumb.width() // 2, thumb.height() // 2) == QColor("#C03020")


def test_a_stored_document_opens_from_a_named_copy(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setenv("TMPDIR", str(tmp_path / "temp"))  # where the named copy goes
    monkeypatch.setattr(EquipmentCardDialog, "open_url",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    source = tmp_path / "冲床操作规程.txt"
    source.write_text("规程正文", encoding="utf-8")
    card = _card(qtbot, ctx, fleet["YJ-CY-0003"])
    with qtbot.waitSignal(card.loaded):
        card.attach_files([str(source)], "procedure")
    assert card.card is not None
    card.open_attachment(card.card.attachments[0])
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0].endswith("冲床操作规程.txt")
    assert Path(opened[0]).is_relative_to(tmp_path / "temp")
    assert Path(opened[0]).read_text(encoding="utf-8") == "规程正文"


# -- permissions and signals ----------------------------------------------------------------


def test_a_worker_sees_the_list_and_cards_read_only(
        qtbot: Any, workspace: Workspace, admin: Actor, fleet: dict[str, str]) -> None:
    worker = AppContext(workspace, _actor(workspace, admin, "worker", Role.EMPLOYEE))
    assert worker.can(EquipmentPage.required_permission)  # type: ignore[arg-type]
    page = _page(qtbot, worker)
    assert page.model.total == 30
    for action in (page.add_action, page.edit_action, page.delete_action, page.import_action,
                   page.labels_action):
        assert not action.isVisible()
    assert page.card_action.isVisible() and page.export_action.isVisible()
    _select(page, "YJ-CY-0001")
    assert page.edit_selected() is None
    card = page.open_card()
    assert card is not None
    qtbot.waitUntil(lambda: card.card is not None)
    assert card.procedure_label.text() == PROCEDURE
    for button in (card.edit_button, card.label_button, card.add_maintenance_button,
                   card.add_fault_button, card.add_files_button):
        assert not button.isVisibleTo(card)
    card.close()


def test_import_export_and_labels_are_asked_for_with_the_selection_and_query(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str]) -> None:
    page = _page(qtbot, ctx)
    _choose(page.area_filter, fleet["CY"])
    qtbot.waitUntil(lambda: page.model.total == 16 and _settled(page))
    with qtbot.waitSignal(page.import_requested):
        page.import_action.trigger()
    with qtbot.waitSignal(page.export_requested) as export:
        page.export_action.trigger()
    assert export.args == [page.current_query()] and export.args[0].area_id == fleet["CY"]
    _select(page, "QZ-CY-0001", "YJ-CY-0002")
    with qtbot.waitSignal(page.labels_requested) as labels:
        page.labels_action.trigger()
    assert labels.args[0] == [fleet["QZ-CY-0001"], fleet["YJ-CY-0002"]]
    assert labels.args[1].area_id == fleet["CY"]
    # the card's "print label" goes the same way, for its one machine
    _select(page, "YJ-CY-0005")
    card = page.open_card()
    assert card is not None
    qtbot.waitUntil(lambda: card.label_button.isEnabled())
    with qtbot.waitSignal(page.labels_requested) as from_card:
        qtbot.mouseClick(card.label_button, Qt.MouseButton.LeftButton)
    assert from_card.args[0] == [fleet["YJ-CY-0005"]]
    card.close()


def test_the_page_is_listed_before_people_and_speaks_chinese(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str], ui_language: Any) -> None:
    ids = [p.page_id for p in PAGES]
    assert ids.index("equipment") == ids.index("people") - 1  # the registry, then who uses it
    ui_language("zh_CN")
    page = _page(qtbot, ctx)
    assert EquipmentPage.title() == "设备"
    assert page.count_label.text() == "共 30 台"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    assert page.add_action.text() == "新增" and page.card_action.text() == "设备卡片"
    assert page.import_action.text() == "导入 Excel" and page.labels_action.text() == "打印标签"
    assert page.overdue_filter.text() == "保养逾期"
