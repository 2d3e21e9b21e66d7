"""The people, structure and users pages and their dialogs, driven as a clerk would (offscreen)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from core.auth import SYSTEM, Actor, Role
from core.i18n import DomainError
from core.plant import PeopleQuery
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs.import_dialog import ImportDialog
from desktop.dialogs.person_dialog import PersonDialog
from desktop.dialogs.structure_dialog import StructureDialog
from desktop.dialogs.user_dialog import NewUserDialog
from desktop.models.people_model import PeopleTableModel
from desktop.pages import PAGES
from desktop.pages.people import PeoplePage
from desktop.pages.structure import StructurePage
from desktop.pages.users import UsersPage
from reports.xlsx_io import iter_rows

# (employee no., name, department code, post code, phone)
PEOPLE = [
    ("CY001", "张晓明", "CY", "CY-CYG", "13800000001"),
    ("CY002", "李晓燕", "CY", "CY-CYG", "13800000002"),
    ("CY003", "王建国", "CY", "CY-BZ", "13800000003"),
    ("HJ001", "陈志强", "HJ", "HJ-DHG", "13900000001"),
    ("HJ002", "欧阳晓东", "HJ", "HJ-BZ", "13900000002"),
    ("HJ003", "刘丽娟", "HJ", "HJ-DHG", None),
]


@pytest.fixture
def plant(workspace: Workspace, admin: Actor) -> dict[str, str]:
    """Two departments with posts (班组长 in both, as in real plants) and six people."""
    structure = workspace.structure
    site = structure.list(SYSTEM, "site")[0]["id"]
    ids = {"site": site}
    for code, name in (("CY", "冲压车间"), ("HJ", "焊接车间")):
        ids[code] = structure.add(SYSTEM, "department", {"site_id": site, "code": code,
                                                         "name": name})
    for code, name, dept, risk in (("CY-CYG", "冲压工", "CY", "considerable"),
                                   ("CY-BZ", "班组长", "CY", "general"),
                                   ("HJ-DHG", "电焊工", "HJ", "major"),
                                   ("HJ-BZ", "班组长", "HJ", "general")):
        ids[code] = structure.add(SYSTEM, "post", {"department_id": ids[dept], "code": code,
                                                   "name": name, "risk_level": risk})
    ids["B1"] = structure.add(SYSTEM, "building", {"site_id": site, "code": "B1",
                                                   "name": "1号厂房"})
    for no, name, dept, post, phone in PEOPLE:
        ids[no] = workspace.people.add(SYSTEM, {
            "employee_no": no, "name": name, "gender": "M", "department_id": ids[dept],
            "post_id": ids[post], "hire_date": dt.date(2020, 5, 1), "phone": phone,
        })
    return ids


def _actor(workspace: Workspace, admin: Actor, username: str, role: Role) -> Actor:
    workspace.auth.create_user(admin, username, username, [role], "password-123")
    user = workspace.users_repo.by_username(username)
    assert user is not None
    return user.actor()


def _people_page(qtbot: Any, ctx: AppContext) -> PeoplePage:
    page = PeoplePage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text() != "" and not page.model.is_loading)
    qtbot.waitUntil(lambda: page.department_filter.count() > 1 or not page.departments)
    return page


def _type_chinese(widget: QWidget, text: str) -> None:
    """Chinese arrives from the input method (Pinyin), not as key presses: commit it the way an
    IME does. (QTest key clicks only carry Latin-1.)"""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _names(page: PeoplePage) -> list[str]:
    people = (page.model.person(r) for r in range(page.model.rowCount()))
    return [p.name for p in people if p is not None]


def _confirm(qtbot: Any, parent: QWidget) -> None:
    """Click the destructive button of the confirmation box the page opened."""
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox) is not None)
    box = parent.findChild(QMessageBox)
    button = box.findChild(QPushButton, "confirmButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _select_person(page: PeoplePage, employee_no: str) -> None:
    row = next(r for r in range(page.model.rowCount())
               if page.model.person(r).employee_no == employee_no)  # type: ignore[union-attr]
    page.table.selectionModel().select(
        page.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


# -- the people model -----------------------------------------------------------------------


def test_people_model_passes_the_model_tester_while_paging(
        qtbot: Any, qtmodeltester: Any, ctx: AppContext, plant: dict[str, str]) -> None:
    model = PeopleTableModel(ctx)
    model.PAGE_SIZE = 4  # six people: one page now, the rest on demand
    with qtbot.waitSignal(model.loaded) as loaded:
        model.set_query(PeopleQuery())
    assert loaded.args == [6]
    assert model.rowCount() == 4 and model.canFetchMore()
    qtmodeltester.check(model)  # stays attached: the fetches below are checked too
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 6)
    assert not model.canFetchMore()
    assert [model.index(r, 0).data() for r in range(6)] == [p[0] for p in PEOPLE]
    assert model.index(0, 3).data() == "冲压车间" and model.index(0, 4).data() == "冲压工"
    with qtbot.waitSignal(model.loaded):
        model.set_query(PeopleQuery(text="晓"))
    assert model.rowCount() == 3


# -- the people page ------------------------------------------------------------------------


def test_typing_a_chinese_fragment_filters_the_table(
        qtbot: Any, ctx: AppContext, plant: dict[str, str]) -> None:
    page = _people_page(qtbot, ctx)
    assert page.model.total == 6
    _type_chinese(page.search, "晓")
    qtbot.waitUntil(lambda: page.model.total == 3 and page.model.rowCount() == 3)
    assert sorted(_names(page)) == sorted(["张晓明", "李晓燕", "欧阳晓东"])
    assert "3" in page.count_label.text()
    page.department_filter.setCurrentIndex(page.department_filter.findData(plant["HJ"]))
    qtbot.waitUntil(lambda: _names(page) == ["欧阳晓东"])
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.total == 3)  # everyone in 焊接车间


def test_adding_a_person_through_the_dialog_stores_and_lists_them(
        qtbot: Any, workspace: Workspace, ctx: AppContext, plant: dict[str, str]) -> None:
    page = _people_page(qtbot, ctx)
    dialog = page.add_person()
    assert isinstance(dialog, PersonDialog)
    qtbot.keyClicks(dialog.employee_no, "HJ010")
    _type_chinese(dialog.name, "赵云飞")
    dialog.department.setCurrentIndex(dialog.department.findData(plant["HJ"]))
    # The post list follows the department: 焊接车间's own 班组长, not 冲压车间's.
    assert dialog.post.findData(plant["CY-BZ"]) == -1
    dialog.post.setCurrentIndex(dialog.post.findData(plant["HJ-BZ"]))
    dialog.hire_unknown.setChecked(False)
    dialog.hire_date.setDate(dt.date(2023, 4, 1))
    qtbot.keyClicks(dialog.phone, "13700000000")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    stored = workspace.people.search(SYSTEM, PeopleQuery(text="HJ010"))
    assert len(stored) == 1
    person = stored[0]
    assert (person.name, person.department_id, person.post_id) == ("赵云飞", plant["HJ"],
                                                                   plant["HJ-BZ"])
    assert person.hire_date == dt.date(2023, 4, 1) and person.phone == "13700000000"
    qtbot.waitUntil(lambda: "赵云飞" in _names(page))
    assert page.model.total == 7
    assert page.selected_people()[0].employee_no == "HJ010"  # the new person is selected


def test_the_service_refusal_is_shown_inside_the_person_dialog(
        qtbot: Any, ctx: AppContext, plant: dict[str, str]) -> None:
    page = _people_page(qtbot, ctx)
    dialog = page.add_person()
    qtbot.keyClicks(dialog.employee_no, "CY001")  # already 张晓明's
    _type_chinese(dialog.name, "张三")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    expected = DomainError("plant.code_taken", code="CY001", name="张晓明").message()
    assert dialog.error.text() == expected
    assert dialog.isVisible()


def test_editing_sends_only_the_changed_fields(
        qtbot: Any, workspace: Workspace, ctx: AppContext, plant: dict[str, str]) -> None:
    page = _people_page(qtbot, ctx)
    _select_person(page, "HJ003")
    dialog = page.edit_selected()
    assert dialog is not None and dialog.name.text() == "刘丽娟"
    dialog.phone.setText("13600000000")
    assert dialog.changes() == {"phone": "13600000000"}
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    stored = workspace.people.get(SYSTEM, plant["HJ003"])
    assert stored is not None and stored.phone == "13600000000"
    qtbot.waitUntil(lambda: page.model.index(page.model.row_of(plant["HJ003"]), 6).data()
                    == "13600000000")


def test_a_deleted_person_disappears_from_the_list(
        qtbot: Any, workspace: Workspace, ctx: AppContext, plant: dict[str, str]) -> None:
    page = _people_page(qtbot, ctx)
    _select_person(page, "CY002")
    page.delete_selected()
    _confirm(qtbot, page)
    qtbot.waitUntil(lambda: "李晓燕" not in _names(page))
    assert page.model.total == 5
    assert workspace.people.get(SYSTEM, plant["CY002"]) is None  # a tombstone, not listed


def test_buttons_follow_the_users_permissions(
        qtbot: Any, workspace: Workspace, admin: Actor, plant: dict[str, str]) -> None:
    head = AppContext(workspace, _actor(workspace, admin, "head", Role.DEPT_HEAD))
    page = _people_page(qtbot, head)
    assert page.model.total == 6  # may look
    for action in (page.add_action, page.edit_action, page.delete_action, page.import_action,
                   page.template_action):
        assert not action.isVisible()
    page.table.selectRow(0)
    assert page.edit_selected() is None

    clerk = AppContext(workspace, _actor(workspace, admin, "clerk", Role.SAFETY_CLERK))
    page = _people_page(qtbot, clerk)
    assert all(a.isVisible() for a in (page.add_action, page.delete_action, page.import_action))


def test_a_clerk_sees_no_user_management_actions(
        qtbot: Any, workspace: Workspace, admin: Actor) -> None:
    clerk = AppContext(workspace, _actor(workspace, admin, "clerk", Role.SAFETY_CLERK))
    assert not clerk.can(UsersPage.required_permission)  # so the sidebar leaves it out
    page = UsersPage(clerk)
    qtbot.addWidget(page)
    page.show()
    actions = page.toolbar.actions()
    assert actions and not any(a.isVisible() for a in actions)
    assert page.table.isHidden() and page.model.rowCount() == 0


def test_pages_are_listed_in_sidebar_order() -> None:
    assert [p.page_id for p in PAGES] == [
        "dashboard", "hazards", "inspections", "risks", "riskmap", "warnings", "monitoring",
        "reports", "metrics", "equipment", "people", "structure", "points", "users", "conflicts"]


def test_the_chinese_ui_uses_the_translations(
        qtbot: Any, ctx: AppContext, plant: dict[str, str], ui_language: Any) -> None:
    ui_language("zh_CN")
    page = _people_page(qtbot, ctx)
    assert page.count_label.text() == "共 6 人"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "工号"
    assert page.add_action.text() == "新增" and page.import_action.text() == "导入 Excel…"
    assert PeoplePage.title() == "人员" and StructurePage.title() == "组织与区域"
    assert UsersPage.title() == "用户与权限"


def test_the_template_is_saved_where_the_clerk_chose(
        qtbot: Any, ctx: AppContext, plant: dict[str, str], tmp_path: Path) -> None:
    page = _people_page(qtbot, ctx)
    page.write_template_to(str(tmp_path / "人员模板"))  # typed without the extension
    qtbot.waitUntil(lambda: page.message.kind == "success")
    saved = tmp_path / "人员模板.xlsx"
    assert str(saved) in page.message.text()
    header = next(iter_rows(saved))[1]
    assert header[:2] == ["*工号", "*姓名"]  # the clerk's language; * marks required columns


# -- Excel import ---------------------------------------------------------------------------


def _workbook(path: Path, rows: list[list[Any]]) -> Path:
    wb = Workbook()
    sheet = wb.active
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


def _open_import(qtbot: Any, page: PeoplePage, path: Path) -> ImportDialog:
    dialog = page.open_import(str(path))
    qtbot.waitUntil(lambda: dialog.preview is not None or dialog.message.kind == "error",
                    timeout=10000)
    return dialog


def test_a_messy_file_shows_its_problems_and_cannot_be_imported(
        qtbot: Any, ctx: AppContext, plant: dict[str, str], tmp_path: Path) -> None:
    path = _workbook(tmp_path / "花名册.xlsx", [
        ["2024年员工花名册"],  # a title row above the header
        [],
        ["员工编号", "姓名", "所属部门", "岗位", "入职时间", "手机号", "备注"],
        ["HJ101", "孙悟空", "焊接车间", "电焊工", "2021/3/5", "138 0000 1111", ""],
        ["HJ102", "猪八戒", "焊接车间", "电焊工", "2021-02-30", "12345", "临时工"],
        ["HJ103", "沙和尚", "喷涂车间", "班组长", dt.date(2020, 1, 1), "13800002222", ""],
        ["HJ101", "白龙马", "焊接车间", "", "", "", ""],
    ])
    page = _people_page(qtbot, ctx)
    dialog = _open_import(qtbot, page, path)
    preview = dialog.preview
    assert preview is not None and preview.header_row == 3 and not preview.ok
    assert not dialog.import_button.isEnabled()
    # 30 February, a short phone number, an unknown department, a repeated employee number
    reasons = {(e.row, e.column) for e in preview.errors}
    assert {(5, "入职时间"), (5, "手机号"), (6, "所属部门"), (7, "员工编号")} <= reasons
    assert dialog.errors_model.rowCount() == len(preview.errors)
    first = dialog.errors_model.index(0, 3).data()
    assert first and not first.startswith("第")  # row and column have their own cells
    # the bad cell is tinted and explains itself
    row = next(r for r in range(dialog.preview_model.rowCount())
               if dialog.preview_model.rows[r][0] == 5)
    phone = dialog.preview_model.index(row, 5)
    assert phone.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "12345" in phone.data(Qt.ItemDataRole.ToolTipRole)
    # the unknown "备注" column can be mapped by hand, but stays unimported by default
    assert dialog.mapping_combo("备注") is not None
    assert page.model.total == 6


def test_a_clean_file_imports_every_row_and_the_table_grows(
        qtbot: Any, workspace: Workspace, ctx: AppContext, plant: dict[str, str],
        tmp_path: Path) -> None:
    path = _workbook(tmp_path / "new.xlsx", [
        ["工号", "姓名", "性别", "部门", "岗位", "入职日期", "电话", "状态"],
        ["CY010", "周小川", "男", "冲压车间", "班组长", "2022-01-10", "13500000001", "在职"],
        ["HJ010", "吴丽丽", "女", "焊接车间", "班组长", "2023/6/1", "", "休假"],
        ["CY001", "张晓明", "男", "冲压车间", "冲压工", "2019-09-09", "13800000009", "在职"],
    ])
    page = _people_page(qtbot, ctx)
    dialog = _open_import(qtbot, page, path)
    assert dialog.preview is not None and dialog.preview.ok, dialog.preview
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert done.args == [2, 1, 0]
    assert "2" in dialog.message.text()
    qtbot.waitUntil(lambda: page.model.total == 8)
    assert page.count_label.text().find("8") >= 0
    # 班组长 exists in both departments: each row got its own department's post
    wu = workspace.people.search(SYSTEM, PeopleQuery(text="HJ010"))[0]
    zhou = workspace.people.search(SYSTEM, PeopleQuery(text="CY010"))[0]
    assert wu.post_id == plant["HJ-BZ"] and zhou.post_id == plant["CY-BZ"]
    assert wu.status == "on_leave" and wu.gender == "F"
    updated = workspace.people.get(SYSTEM, plant["CY001"])
    assert updated is not None and updated.phone == "13800000009"


def test_an_unrecognised_column_can_be_mapped_by_hand(
        qtbot: Any, ctx: AppContext, plant: dict[str, str], tmp_path: Path) -> None:
    path = _workbook(tmp_path / "odd.xlsx", [
        ["工号", "姓名", "所在单位"],  # "所在单位" is this HR system's word for department
        ["CY020", "郑和", "冲压车间"],
    ])
    page = _people_page(qtbot, ctx)
    dialog = page.open_import(str(path))
    # Two known columns are too few to trust as a header: the dialog says so, shows the rows
    # and offers the unknown column for mapping.
    qtbot.waitUntil(lambda: dialog.message.kind == "error" and dialog.message.text() != "")
    assert dialog.preview is None and not dialog.import_button.isEnabled()
    assert dialog.preview_model.rowCount() == 2
    combo = dialog.mapping_combo("所在单位")
    assert combo is not None
    combo.setCurrentIndex(combo.findData("department"))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert dialog.manual_map == {"所在单位": "department"}
    assert dialog.mapping_combo("所在单位").currentData() == "department"  # type: ignore[union-attr]


def test_an_unreadable_file_is_explained(
        qtbot: Any, ctx: AppContext, plant: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    page = _people_page(qtbot, ctx)
    dialog = _open_import(qtbot, page, path)
    assert dialog.preview is None and not dialog.import_button.isEnabled()
    assert "roster.xlsx" in dialog.message.text()


# -- plant structure ------------------------------------------------------------------------


def _structure_page(qtbot: Any, ctx: AppContext) -> StructurePage:
    page = StructurePage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.org_model.rowCount() > 0)
    return page


def test_structure_trees_show_places_departments_and_risk_levels(
        qtbot: Any, ctx: AppContext, plant: dict[str, str]) -> None:
    page = _structure_page(qtbot, ctx)
    site = page.places_model.item(0, 0)
    assert site.text() == "一厂区" and site.child(0, 0).text() == "1号厂房"
    welding = next(page.org_model.item(r, 0) for r in range(page.org_model.rowCount())
                   if page.org_model.item(r, 0).text() == "焊接车间")
    posts = {welding.child(r, 0).text(): welding.child(r, 2) for r in range(welding.rowCount())}
    assert set(posts) == {"电焊工", "班组长"}
    assert posts["电焊工"].data(Qt.ItemDataRole.UserRole + 3) == "major"


def test_removing_a_department_in_use_shows_the_services_message(
        qtbot: Any, workspace: Workspace, ctx: AppContext, plant: dict[str, str]) -> None:
    page = _structure_page(qtbot, ctx)
    assert page.select("department", plant["CY"])
    page.remove_selected(page.org_view)
    _confirm(qtbot, page)
    qtbot.waitUntil(lambda: page.message.text() != "")
    count = workspace.structure_repo.children_count("department", plant["CY"])
    assert page.message.text() == DomainError("plant.in_use", name="冲压车间",
                                              count=count).message()
    assert page.message.kind == "error"
    assert workspace.structure_repo.get("department", plant["CY"]) is not None


def test_adding_a_post_with_a_taken_code_is_refused_in_the_dialog_then_saved(
        qtbot: Any, workspace: Workspace, ctx: AppContext, plant: dict[str, str]) -> None:
    page = _structure_page(qtbot, ctx)
    page.select("department", plant["HJ"])
    dialog = page.add_item("post")
    assert isinstance(dialog, StructureDialog)
    assert dialog.values()["department_id"] == plant["HJ"]  # from the selection
    qtbot.keyClicks(dialog.inputs["code"], "HJ-DHG")
    _type_chinese(dialog.inputs["name"], "打磨工")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == DomainError("plant.code_taken", code="HJ-DHG",
                                              name="电焊工").message()
    dialog.inputs["code"].setText("HJ-DM")  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.select("post", dialog.item_id))
    post = workspace.structure_repo.get("post", dialog.item_id)
    assert post is not None and post["department_id"] == plant["HJ"]
    assert post["risk_level"] == "low"


def test_removing_an_unused_building_works(
        qtbot: Any, workspace: Workspace, ctx: AppContext, plant: dict[str, str]) -> None:
    page = _structure_page(qtbot, ctx)
    assert page.select("building", plant["B1"])
    page.remove_selected(page.places_view)
    _confirm(qtbot, page)
    qtbot.waitUntil(lambda: not page.select("building", plant["B1"]))
    assert page.message.kind == "success"
    assert workspace.structure_repo.get("building", plant["B1"]) is None


# -- users ----------------------------------------------------------------------------------


def test_an_administrator_adds_a_user_linked_to_a_person(
        qtbot: Any, workspace: Workspace, ctx: AppContext, plant: dict[str, str]) -> None:
    page = UsersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    dialog = page.add_user()
    assert isinstance(dialog, NewUserDialog)
    qtbot.keyClicks(dialog.username, "zhangxm")
    _type_chinese(dialog.display_name, "张晓明")
    dialog.roles.boxes[Role.SAFETY_CLERK].setChecked(True)
    dialog.password.setText("password-123")
    dialog.password_again.setText("password-124")
    dialog.employee_no.setText("CY001")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()  # the two passwords differ: caught before the service
    dialog.password_again.setText("password-123")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    user = workspace.users_repo.by_username("zhangxm")
    assert user is not None and user.roles == frozenset({Role.SAFETY_CLERK})
    assert user.person_id == plant["CY001"]
    row = next(r for r in page.model.rows if r.user.username == "zhangxm")
    assert "张晓明" in row.person and "CY001" in row.person


def test_the_last_administrator_cannot_be_disabled(
        qtbot: Any, workspace: Workspace, ctx: AppContext) -> None:
    page = UsersPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    page.toggle_active()
    _confirm(qtbot, page)
    qtbot.waitUntil(lambda: page.message.text() != "")
    assert page.message.text() == DomainError("auth.last_admin").message()
