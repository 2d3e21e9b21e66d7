"""Equipment import, export, template and labels through the UI, driven as a clerk would.

Real widgets on the offscreen platform, real .xlsx files written and reopened with openpyxl.
Only the system save dialog is replaced (it is the operating system's, not ours).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog

from core.auth import SYSTEM, Actor
from core.equipment import EquipmentQuery
from db.workspace import Workspace
from desktop import equipment_actions
from desktop.context import AppContext
from desktop.dialogs.import_dialog import ImportDialog
from desktop.dialogs.labels_dialog import LabelsDialog
from desktop.main_window import MainWindow
from desktop.pages.equipment import EquipmentPage
from desktop.settings import Settings
from desktop.tasks import Op, Progress
from reports.equipment_export import export_headers
from reports.xlsx_io import iter_rows

TODAY = dt.date.today()


@pytest.fixture
def fleet(workspace: Workspace, admin: Actor) -> dict[str, str]:
    """Two areas with a line each, two types (cranes are special equipment), two people and
    seven machines: YJ-CY-0001..0004 in 冲压车间, QZ-HJ-0001..0003 in 焊接车间."""
    structure, equipment = workspace.structure, workspace.equipment
    site = structure.list(SYSTEM, "site")[0]["id"]
    ids = {"site": site}
    for code, name in (("CY", "冲压车间"), ("HJ", "焊接车间")):
        ids[code] = structure.add(SYSTEM, "area", {"site_id": site, "code": code, "name": name})
    ids["CY-B"] = structure.add(SYSTEM, "line", {"area_id": ids["CY"], "code": "CY-B",
                                                 "name": "冲压B线"})
    ids["HJ-A"] = structure.add(SYSTEM, "line", {"area_id": ids["HJ"], "code": "HJ-A",
                                                 "name": "焊装A线"})
    ids["YJ"] = equipment.add_type(SYSTEM, "YJ", "压力机")
    ids["QZ"] = equipment.add_type(SYSTEM, "QZ", "起重机", special=True)
    for no, name in (("A0001", "张晓明"), ("A0002", "李晓燕")):
        ids[no] = workspace.people.add(SYSTEM, {"employee_no": no, "name": name})
    rows: list[dict[str, Any]] = [
        {"name": "开式压力机", "type_id": ids["YJ"], "area_id": ids["CY"], "site_id": site,
         "line_id": ids["CY-B"], "risk_grade": "considerable", "model": f"JH21-{n}"}
        for n in range(4)
    ] + [
        {"name": "电动单梁起重机", "type_id": ids["QZ"], "area_id": ids["HJ"], "site_id": site,
         "special": True, "risk_grade": "major",
         "inspection_due": TODAY + dt.timedelta(days=90)}
        for _ in range(3)
    ]
    equipment.import_records(SYSTEM, rows)
    items, total = equipment.search_page(SYSTEM, EquipmentQuery(), 0, 100)
    assert total == 7
    ids.update({item.code: item.id for item in items})
    equipment.update(SYSTEM, ids["QZ-HJ-0001"], {"owner_person_id": ids["A0002"]})
    return ids


def _page(qtbot: Any, ctx: AppContext) -> EquipmentPage:
    page = EquipmentPage(ctx)
    equipment_actions.connect_equipment_page(page)  # what the main window does
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text() != "" and not page.model.is_loading)
    qtbot.waitUntil(lambda: page.area_filter.count() > 1)
    return page


def _workbook(path: Path, rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


def _import(qtbot: Any, page: EquipmentPage, path: Path) -> ImportDialog:
    """Press "Import Excel" and pick the file (the open dialog's answer, given directly)."""
    page.import_action.trigger()
    dialog = page.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.load_file(str(path))
    qtbot.waitUntil(lambda: dialog.preview is not None or dialog.message.kind == "error",
                    timeout=10000)
    return dialog


def _codes(page: EquipmentPage) -> list[str]:
    items = (page.model.equipment(r) for r in range(page.model.rowCount()))
    return [e.code for e in items if e is not None]


def _choose(combo: Any, data: Any) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _save_as(monkeypatch: pytest.MonkeyPatch, answer: Path | str) -> list[str]:
    """The system save dialog answers ``answer``; returns the suggested paths it was given."""
    suggested: list[str] = []

    def fake(parent: Any, caption: str, directory: str, filter: str = "") -> tuple[str, str]:
        suggested.append(directory)
        return str(answer), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return suggested


# -- import -------------------------------------------------------------------------------


def test_a_messy_equipment_file_shows_row_errors_and_cannot_be_imported(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str], tmp_path: Path) -> None:
    future = TODAY + dt.timedelta(days=30)
    path = _workbook(tmp_path / "设备台账.xlsx", [
        ["2025年 设备台账（设备科）"],  # a title above the header
        [],
        ["设备编号", "设备名称", "设备类型", "使用车间", "产线", "责任人", "投用日期", "状态"],
        ["YJ-CY-0101", "闭式压力机", "压力机", "冲压车间", "冲压B线", "A0001", "2020-05-01", "在用"],
        ["YJ-CY-0102", "开式压力机", "冲床", "冲压车间", "", "", "", "在用"],  # unknown type
        ["YJ-CY-0103", "开式压力机", "压力机", "冲压车间", "焊装A线", "", "", ""],  # other area
        ["YJ-CY-0104", "开式压力机", "压力机", "冲压车间", "", "", future.isoformat(), ""],
        ["YJ-CY-0101", "闭式压力机", "压力机", "冲压车间", "", "", "", "坏了"],  # repeat, status
    ])
    page = _page(qtbot, ctx)
    dialog = _import(qtbot, page, path)
    assert dialog.skip_existing.isChecked()  # equipment: existing codes are left alone
    preview = dialog.preview
    assert preview is not None and preview.header_row == 3 and not preview.ok
    assert not dialog.import_button.isEnabled()
    problems = {(e.row, e.column) for e in preview.errors}
    assert {(5, "设备类型"), (6, "产线"), (7, "投用日期"), (8, "设备编号"), (8, "状态")} <= problems
    assert dialog.errors_model.rowCount() == len(preview.errors)
    # every problem explains itself in the table, and the bad cell is tinted
    reasons = [dialog.errors_model.index(r, 3).data() for r in range(len(preview.errors))]
    assert all(reasons) and any("焊装A线" in r for r in reasons)
    row = next(r for r in range(dialog.preview_model.rowCount())
               if dialog.preview_model.rows[r][0] == 5)
    kind = dialog.preview_model.index(row, 2)
    assert kind.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert kind.data(Qt.ItemDataRole.ToolTipRole)
    assert dialog.message.kind == "warning"
    dialog.close()
    assert page.model.total == 7  # nothing was stored


def test_a_clean_file_imports_and_the_equipment_page_count_goes_up(
        qtbot: Any, workspace: Workspace, ctx: AppContext, fleet: dict[str, str],
        tmp_path: Path) -> None:
    path = _workbook(tmp_path / "新设备.xlsx", [
        ["设备编号", "设备名称", "设备类型", "使用车间", "产线", "责任人", "风险等级", "备注"],
        ["", "闭式双点压力机", "压力机", "冲压车间", "冲压B线", "A0001", "橙", "新购"],
        ["QZ-HJ-0101", "桥式起重机", "起重机", "焊接车间", "焊装A线", "李晓燕", "红", ""],
        ["YJ-CY-0201", "开式压力机", "YJ", "CY", "", "", "蓝", ""],
    ])
    page = _page(qtbot, ctx)
    dialog = _import(qtbot, page, path)
    assert dialog.preview is not None and dialog.preview.ok, dialog.preview.messages()
    assert dialog.import_button.isEnabled()
    assert dialog.message.kind == "success" and "3" in dialog.message.text()
    with qtbot.waitSignal(dialog.imported, timeout=10000) as done:
        dialog.import_button.click()
    assert done.args == [3, 0, 0]
    assert dialog.message.kind == "success" and "3" in dialog.message.text()
    assert not dialog.import_button.isEnabled()  # the same file is not imported twice
    qtbot.waitUntil(lambda: page.model.total == 10 and not page.model.is_loading)
    assert "10" in page.count_label.text()
    assert "QZ-HJ-0101" in _codes(page) and "YJ-CY-0201" in _codes(page)
    crane = workspace.equipment_repo.find_by_code("QZ-HJ-0101")
    assert crane is not None and crane.special  # a new crane takes its type's flag
    assert crane.owner_person_id == fleet["A0002"] and crane.risk_grade == "major"
    numbered = [c for c in _codes(page) if c.startswith("YJ-CY-") and c not in fleet]
    assert numbered == ["YJ-CY-0201", "YJ-CY-0202"]  # the row without a code got a number


def test_existing_codes_are_skipped_or_updated_as_the_clerk_chose(
        qtbot: Any, workspace: Workspace, ctx: AppContext, fleet: dict[str, str],
        tmp_path: Path) -> None:
    path = _workbook(tmp_path / "修改.xlsx", [
        ["设备编号", "设备名称", "设备类型", "使用车间", "规格型号"],
        ["YJ-CY-0001", "开式压力机（已改造）", "压力机", "冲压车间", "JH21-160B"],
        ["QZ-HJ-0002", "电动单梁起重机", "起重机", "焊接车间", "LD-5t"],
        ["YJ-CY-0301", "开式压力机", "压力机", "冲压车间", ""],
    ])
    page = _page(qtbot, ctx)
    dialog = _import(qtbot, page, path)
    assert dialog.skip_existing.isChecked() and not dialog.update_existing.isChecked()
    with qtbot.waitSignal(dialog.imported, timeout=10000) as skipped:
        dialog.import_button.click()
    assert skipped.args == [1, 0, 2]
    assert "2" in dialog.message.text()  # and how to update them instead
    press = workspace.equipment.get(SYSTEM, fleet["YJ-CY-0001"])
    assert press is not None and press.name == "开式压力机" and press.model == "JH21-0"

    dialog.update_existing.setChecked(True)
    dialog.load_file(str(path))  # chosen again, to update this time
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(dialog.imported, timeout=10000) as updated:
        dialog.import_button.click()
    created, changed, _unchanged = updated.args
    assert created == 0 and changed == 2
    press = workspace.equipment.get(SYSTEM, fleet["YJ-CY-0001"])
    assert press is not None and press.name == "开式压力机（已改造）" and press.model == "JH21-160B"
    crane = workspace.equipment.get(SYSTEM, fleet["QZ-HJ-0002"])
    # the file has no 特种设备 column: the crane stays special, its due date stays
    assert crane is not None and crane.special and crane.model == "LD-5t"
    assert crane.inspection_due is not None
    qtbot.waitUntil(lambda: page.model.total == 8 and not page.model.is_loading)
    assert any(e.name == "开式压力机（已改造）"
               for e in (page.model.equipment(r) for r in range(page.model.rowCount())) if e)


# -- export -------------------------------------------------------------------------------


def test_the_filtered_list_is_exported_to_a_workbook_that_opens_again(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, ctx)
    _choose(page.area_filter, fleet["HJ"])
    qtbot.waitUntil(lambda: page.model.total == 3 and not page.model.is_loading)
    target = tmp_path / "焊接车间设备"  # typed without the extension
    suggested = _save_as(monkeypatch, target)
    page.export_action.trigger()
    qtbot.waitUntil(lambda: page.message.kind == "success", timeout=10000)
    assert Path(suggested[0]).name == f"equipment-{TODAY:%Y%m%d}.xlsx"
    saved = tmp_path / "焊接车间设备.xlsx"
    assert "3" in page.message.text() and str(saved) in page.message.text()

    book = openpyxl.load_workbook(saved, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert "华东精密制造有限公司" in rows[0][0]  # the title names the plant
    headers = list(rows[1])
    assert headers == export_headers(ctx.language)
    # (a read-only sheet drops the empty cells at the end of a row)
    data = [dict(zip(headers, row, strict=False)) for row in rows[2:]]
    code, owner = headers[0], headers[headers.index(export_headers(ctx.language)[9])]
    assert [r[code] for r in data] == ["QZ-HJ-0001", "QZ-HJ-0002", "QZ-HJ-0003"]
    assert data[0][owner] == "A0002"  # the owner as the employee number the import reads


def test_the_suggested_export_name_is_chinese_in_the_chinese_ui(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, ui_language: Any) -> None:
    ui_language("zh_CN")
    page = _page(qtbot, ctx)
    assert page.template_action.text() == "下载模板"
    suggested = _save_as(monkeypatch, "")  # the clerk cancels the save dialog
    page.export_action.trigger()
    assert Path(suggested[0]).name == f"设备台账-{TODAY:%Y%m%d}.xlsx"
    assert not page.message.isVisible()


def test_an_unwritable_target_is_explained_and_nothing_is_left_behind(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, ctx)
    taken = tmp_path / "台账.xlsx"
    taken.mkdir()  # a folder where the file should go: the save must fail
    _save_as(monkeypatch, taken)
    page.export_action.trigger()
    qtbot.waitUntil(lambda: page.message.kind == "error", timeout=10000)
    assert "Nothing was exported." in page.message.text()
    assert "台账.xlsx" in page.message.text()
    assert taken.is_dir()  # untouched
    assert not any(p.name.startswith(".~") for p in tmp_path.iterdir())  # no temp file left


def test_a_cancelled_export_saves_nothing(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str], tmp_path: Path) -> None:
    page = _page(qtbot, ctx)
    gate = threading.Event()

    def hold(_: Progress) -> None:
        gate.wait(10)

    # Occupy the one database lane so the export is still queued when Cancel is pressed.
    Op(page, hold, lane="db").run()
    op = equipment_actions.export_to(page, EquipmentQuery(), str(tmp_path / "all.xlsx"))
    op.progress.cancel()  # what the progress dialog's Cancel button does
    gate.set()
    qtbot.waitUntil(lambda: page.message.kind == "info", timeout=10000)
    assert not (tmp_path / "all.xlsx").exists()
    assert not any(p.name.startswith(".~") for p in tmp_path.iterdir())


def test_the_import_template_is_saved_where_the_clerk_chose(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, ctx)
    assert page.template_action.isVisible()
    _save_as(monkeypatch, tmp_path / "设备模板")
    page.template_action.trigger()
    qtbot.waitUntil(lambda: page.message.kind == "success", timeout=10000)
    saved = tmp_path / "设备模板.xlsx"
    assert str(saved) in page.message.text()
    header = next(iter_rows(saved))[1]
    assert "*设备名称" in header and "设备编号" in header


# -- labels -------------------------------------------------------------------------------


def test_print_labels_opens_the_labels_dialog_with_the_selection(
        qtbot: Any, ctx: AppContext, fleet: dict[str, str]) -> None:
    window = MainWindow(ctx, settings=Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.show_page("equipment")
    page = window.current_page()
    assert isinstance(page, EquipmentPage)
    qtbot.waitUntil(lambda: page.model.total == 7 and not page.model.is_loading)
    _choose(page.area_filter, fleet["CY"])
    qtbot.waitUntil(lambda: page.model.total == 4 and not page.model.is_loading)
    page.table.clearSelection()
    for code in ("YJ-CY-0002", "YJ-CY-0004"):
        page.table.selectionModel().select(
            page.model.index(_codes(page).index(code), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    page.labels_action.trigger()
    dialog = page.findChild(LabelsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.selected_ids == [fleet["YJ-CY-0002"], fleet["YJ-CY-0004"]]
    assert dialog.scope_selected.isChecked() and "2" in dialog.scope_selected.text()
    assert dialog.query.area_id == fleet["CY"] and "4" in dialog.scope_filter.text()
    dialog.close()
    qtbot.waitUntil(lambda: page.findChild(LabelsDialog) is None)

    page.table.clearSelection()  # nothing selected: the list the clerk sees
    page.labels_action.trigger()
    dialog = page.findChild(LabelsDialog)
    assert dialog is not None and dialog.selected_ids == []
    assert dialog.scope_filter.isChecked() and not dialog.scope_selected.isEnabled()
    dialog.close()
