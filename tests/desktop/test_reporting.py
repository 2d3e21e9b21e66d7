"""随手拍 reports (also without logging in), the clerk's check, the notification bell with its
escalation run, and the safety points page, driven as their users would (offscreen)."""

from __future__ import annotations

import datetime as dt
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from core import i18n
from core.auth import SYSTEM, Actor
from core.hazards import HazardQuery
from core.i18n import DomainError
from core.points import PointsService, month_bounds, rules_text
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs.login import LoginDialog
from desktop.dialogs.report_dialog import ReportDialog
from desktop.dialogs.verify_dialog import VerifyDialog
from desktop.main_window import MainWindow
from desktop.notifications import ESCALATED, MINE, VERIFY, NotificationBell
from desktop.pages.points import MEDALS, RANKED_ROLE, PointsPage

START = dt.datetime(2026, 3, 2, 9, 0)
OFFSCREEN_POPUP = r"^This plugin does not support (raise\(\)|grabbing the keyboard)$"


class Clock:
    def __init__(self) -> None:
        self.t = START

    def __call__(self) -> dt.datetime:
        return self.t

    def advance(self, **kw: float) -> None:
        self.t += dt.timedelta(**kw)


@pytest.fixture
def clock(workspace: Workspace) -> Clock:
    c = Clock()
    workspace.hazards.now = c
    return c


@pytest.fixture
def plant(workspace: Workspace, admin: Actor, clock: Clock) -> dict[str, Any]:
    """A stamping department with its area, a press, four people and their log-ins."""
    ws = workspace
    site = ws.structure.list(SYSTEM, "site")[0]["id"]
    dept = ws.structure.add(SYSTEM, "department", {"code": "CY", "name": "冲压车间",
                                                   "site_id": site})
    area = ws.structure.add(SYSTEM, "area", {"code": "CY", "name": "冲压车间", "site_id": site,
                                             "department_id": dept})
    other_area = ws.structure.add(SYSTEM, "area", {"code": "HJ", "name": "焊接车间",
                                                   "site_id": site})
    press = ws.equipment.add(SYSTEM, {"code": "YJ-CY-0012", "name": "开式冲床", "area_id": area,
                                      "site_id": site})
    people = {}
    for no, name in [("E1", "张工"), ("E2", "李工"), ("E3", "王工"), ("E4", "赵工"),
                     ("E5", "钱主任")]:
        people[no] = ws.people.add(SYSTEM, {"employee_no": no, "name": name,
                                            "department_id": dept})
    ws.structure.update(SYSTEM, "department", dept, {"head_person_id": people["E5"]})
    users = {}
    for username, roles, person in [("clerk", ["safety_clerk"], "E1"),
                                    ("fixer", ["rectifier"], "E2"),
                                    ("checker", ["reviewer"], "E3"),
                                    ("worker", ["employee"], "E4"),
                                    ("head", ["dept_head"], "E5")]:
        ws.auth.create_user(SYSTEM, username, username, roles, "password-1", people[person])
        user = ws.auth.users.by_username(username)
        assert user is not None
        users[username] = user.actor()
    return {"ws": ws, "users": users, "people": people, "dept": dept, "area": area,
            "other_area": other_area, "press": press}


def _png(path: Path, colour: str = "#d9822b") -> Path:
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return path


def _report(plant: dict[str, Any], no: str, name: str, text: str, **extra: Any) -> str:
    return plant["ws"].hazards.report(None, plant["people"][no], name,
                                      {"description": text, "area_id": plant["area"], **extra})


def _dispatch(plant: dict[str, Any], hazard_id: str, clock: Clock) -> None:
    users = plant["users"]
    plant["ws"].hazards.dispatch(users["clerk"], hazard_id, {
        "department_id": plant["dept"], "rectifier_id": users["fixer"].user_id,
        "measures": "加装护罩", "deadline": clock() + dt.timedelta(hours=72)})


def _attachments(ws: Workspace, hazard_id: str) -> list[tuple[str, str]]:
    return ws.db.conn.execute(
        "SELECT kind, sha256 FROM attachments WHERE owner_entity = 'hazard' AND owner_id = ? "
        "AND deleted_hlc IS NULL", (hazard_id,)).fetchall()


def _ctx(plant: dict[str, Any], username: str) -> AppContext:
    return AppContext(plant["ws"], plant["users"][username], i18n.language())


def _report_dialog(qtbot: Any, ws: Workspace, ctx: AppContext | None = None) -> ReportDialog:
    dialog = ReportDialog(ws, ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.area.count() > 1)
    return dialog


def _hazard_count(plant: dict[str, Any]) -> int:
    return plant["ws"].hazards.search_page(plant["users"]["clerk"], HazardQuery())[1]


# -- 随手拍 ---------------------------------------------------------------------------------

def test_anonymous_report_by_employee_number_with_a_photo(qtbot, plant, tmp_path) -> None:
    ws = plant["ws"]
    dialog = _report_dialog(qtbot, ws)
    assert dialog.anonymous and dialog.employee_no.isVisible()
    assert not dialog.reporter_label.isVisible()
    qtbot.keyClicks(dialog.employee_no, "e4")  # typed in lower case: codes are upper
    qtbot.waitUntil(lambda: "赵工" in dialog.reporter_message())
    assert dialog.set_photo(_png(tmp_path / "guard.png"))
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    qtbot.keyClicks(dialog.equipment_code, "yj-cy-0012")
    dialog.look_up_equipment()
    qtbot.waitUntil(lambda: dialog.area.currentData() == plant["area"])  # from the press
    assert "开式冲床" in dialog.equipment_match.text()
    dialog.description.setPlainText("3号冲床脚踏开关护罩缺失")
    dialog.type.setCurrentIndex(dialog.type.findData("guard"))
    with qtbot.waitSignal(dialog.reported) as sent:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    hazard_id, number = sent.args
    assert number == "YH-2026-0001"
    assert dialog.pages.currentIndex() == 1 and number in dialog.thanks_text.text()
    assert "赵工" in dialog.thanks_title.text()
    hazard = ws.hazards.get(plant["users"]["clerk"], hazard_id)
    assert (hazard.step, hazard.source, hazard.type) == ("pending", "snapshot", "guard")
    assert hazard.reporter_person_id == plant["people"]["E4"] and hazard.reporter_name == "赵工"
    assert hazard.equipment_id == plant["press"] and hazard.area_id == plant["area"]
    [(kind, sha)] = _attachments(ws, hazard_id)
    assert kind == "before" and ws.attachments.path_for(sha).read_bytes() == \
        (tmp_path / "guard.png").read_bytes()
    # The next person at the shared PC starts with an empty form.
    qtbot.mouseClick(dialog.another_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0 and dialog.employee_no.text() == ""
    assert dialog.reporter is None and dialog.photo is None
    assert dialog.description.toPlainText() == ""


def test_unknown_employee_number_is_explained_and_nothing_is_created(qtbot, plant) -> None:
    dialog = _report_dialog(qtbot, plant["ws"])
    qtbot.keyClicks(dialog.employee_no, "ZZ999")
    qtbot.waitUntil(lambda: "ZZ999" in dialog.reporter_message())
    assert "No one on the roster" in dialog.reporter_message()
    dialog.area.setCurrentIndex(dialog.area.findData(plant["area"]))
    dialog.description.setPlainText("通道堆放物料")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "ZZ999" in dialog.error_text()
    # Sent before the look-up answered: the worker looks the number up itself and refuses.
    dialog.employee_no.clear()
    qtbot.keyClicks(dialog.employee_no, "X1")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "X1" in dialog.error_text())
    assert dialog.pages.currentIndex() == 0 and dialog.send_button.isEnabled()
    assert _hazard_count(plant) == 0


def test_report_needs_a_description_and_an_area(qtbot, plant) -> None:
    dialog = _report_dialog(qtbot, plant["ws"])
    qtbot.keyClicks(dialog.employee_no, "E4")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "what is wrong" in dialog.error_text()
    dialog.description.setPlainText("地面油污")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "area" in dialog.error_text()
    assert _hazard_count(plant) == 0


def test_a_file_that_is_not_a_picture_is_refused(qtbot, plant, tmp_path) -> None:
    dialog = _report_dialog(qtbot, plant["ws"])
    bad = tmp_path / "notes.png"
    bad.write_text("not an image")
    assert not dialog.set_photo(bad)
    assert "notes.png" in dialog.error_text() and dialog.photo is None


def test_logged_in_report_names_the_user_and_tells_the_pages(qtbot, plant) -> None:
    ctx = _ctx(plant, "worker")
    dialog = _report_dialog(qtbot, plant["ws"], ctx)
    qtbot.waitUntil(lambda: dialog.reporter is not None)
    assert not dialog.anonymous and not dialog.employee_no.isVisible()
    assert "赵工" in dialog.reporter_label.text() and "E4" in dialog.reporter_label.text()
    dialog.area.setCurrentIndex(dialog.area.findData(plant["other_area"]))
    dialog.description.setPlainText("焊接区有人未戴面罩")
    with qtbot.waitSignal(ctx.data_changed) as changed:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert changed.args[0] == "hazard"
    hazard = plant["ws"].hazards.get(plant["users"]["clerk"], changed.args[1][0])
    assert hazard.reporter_name == "赵工" and hazard.type == "other" and hazard.step == "pending"
    assert _attachments(plant["ws"], hazard.id) == []  # the photo is optional


def test_login_dialog_opens_the_report_without_logging_in(qtbot, plant) -> None:
    login = LoginDialog(plant["ws"])
    qtbot.addWidget(login)
    login.show()
    qtbot.mouseClick(login.report_button, Qt.MouseButton.LeftButton)
    dialog = login.findChild(ReportDialog)
    assert dialog is not None and dialog.anonymous and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.area.count() > 1)
    dialog.reject()


def test_ctrl_r_reports_from_any_page(qtbot, plant) -> None:
    window = MainWindow(_ctx(plant, "clerk"))
    qtbot.addWidget(window)
    window.show()
    assert window.report_action.shortcut().toString() == "Ctrl+R"
    window.report_action.trigger()
    dialog = window.findChild(ReportDialog)
    assert dialog is not None and not dialog.anonymous
    qtbot.waitUntil(lambda: dialog.reporter is not None)
    dialog.reject()
    qtbot.waitUntil(lambda: window.bell.updated_at != "")


# -- the clerk's check ----------------------------------------------------------------------

def _verify_dialog(qtbot: Any, plant: dict[str, Any], hazard_id: str) -> VerifyDialog:
    dialog = VerifyDialog(_ctx(plant, "clerk"), hazard_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
    return dialog


def test_verify_with_a_reward_enters_the_workflow_and_earns_points(qtbot, plant) -> None:
    ws, clerk = plant["ws"], plant["users"]["clerk"]
    hazard_id = _report(plant, "E4", "赵工", "焊接区有人未戴面罩", type="ppe")
    dialog = _verify_dialog(qtbot, plant, hazard_id)
    assert "YH-2026-0001" in dialog.summary.text() and "赵工" in dialog.summary.text()
    assert "3" in dialog.points_hint.text()
    dialog.reward.setValue(50)
    dialog.accept_note.setText("发现及时")
    with qtbot.waitSignal(dialog.decided) as decided:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert decided.args == [hazard_id, "accept"]
    assert ws.hazards.get(clerk, hazard_id).step == "discover"
    assert ws.hazards.state(clerk, hazard_id).reward["amount"] == 50
    ranking = ws.points.ranking(clerk, 2026, 3)
    assert [(r.rank, r.name, r.points) for r in ranking] == [(1, "赵工", 3)]


def test_reject_needs_a_reason(qtbot, plant) -> None:
    ws, clerk = plant["ws"], plant["users"]["clerk"]
    hazard_id = _report(plant, "E4", "赵工", "食堂饭菜不好吃")
    dialog = _verify_dialog(qtbot, plant, hazard_id)
    # On the radio mark itself: a click far right of its label would miss it.
    qtbot.mouseClick(dialog.reject_choice, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.reject_choice.height() // 2))
    assert dialog.choice() == "reject" and dialog.panels.currentIndex() == 1
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "reason" in dialog.error_text()
    assert ws.hazards.get(clerk, hazard_id).step == "pending"
    dialog.reason.setPlainText("不属于安全隐患")
    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert ws.hazards.get(clerk, hazard_id).step == "rejected"
    assert ws.points.ranking(clerk, 2026, 3) == []


def test_merge_closes_a_duplicate_into_the_hazard_it_repeats(qtbot, plant) -> None:
    ws, clerk = plant["ws"], plant["users"]["clerk"]
    first = ws.hazards.record(clerk, {"description": "B线3号冲床脚踏开关无防护罩", "type": "guard"})
    ws.hazards.record(clerk, {"description": "配电柜门未关", "type": "electrical"})
    dup = _report(plant, "E4", "赵工", "冲床脚踏开关没有罩子")
    dialog = _verify_dialog(qtbot, plant, dup)
    dialog.choose("merge")
    qtbot.keyClicks(dialog.merge_search, "YH-2026-0001")
    qtbot.waitUntil(lambda: dialog.targets.count() == 1)
    # The report itself is never offered as its own original.
    assert dup not in [dialog.targets.item(i).data(Qt.ItemDataRole.UserRole)
                       for i in range(dialog.targets.count())]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Choose the hazard" in dialog.error_text()
    dialog.targets.setCurrentRow(0)
    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert ws.hazards.get(clerk, dup).step == "merged"
    assert ws.hazards.state(clerk, dup).merged_into == first


def test_a_handled_report_cannot_be_checked_again(qtbot, plant) -> None:
    ws, clerk = plant["ws"], plant["users"]["clerk"]
    rejected = _report(plant, "E4", "赵工", "食堂饭菜不好吃")
    ws.hazards.reject_report(clerk, rejected, "不属于安全隐患")
    dialog = VerifyDialog(_ctx(plant, "clerk"), rejected)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "already been handled" in dialog.error_text())
    assert not dialog.ok_button.isEnabled()


def test_an_accepted_report_can_still_be_merged_as_a_duplicate(qtbot, plant) -> None:
    ws, clerk = plant["ws"], plant["users"]["clerk"]
    first = _report(plant, "E4", "赵工", "地面油污")
    second = _report(plant, "E3", "王工", "地面有油")
    ws.hazards.verify(clerk, first)
    ws.hazards.verify(clerk, second)
    dialog = _verify_dialog(qtbot, plant, second)
    assert dialog.choice() == "merge"
    assert not dialog.accept_choice.isEnabled() and not dialog.reject_choice.isEnabled()
    qtbot.waitUntil(lambda: dialog.targets.count() == 1)  # everything but itself
    dialog.targets.setCurrentRow(0)
    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert ws.hazards.state(clerk, second).merged_into == first


# -- the notification bell -----------------------------------------------------------------

def _bell(qtbot: Any, ctx: AppContext) -> NotificationBell:
    bell = NotificationBell(ctx)
    qtbot.addWidget(bell)
    bell.show()
    qtbot.waitUntil(lambda: bell.updated_at != "")
    return bell


# A popup raises itself and grabs the keyboard; the offscreen test platform can do neither.
@pytest.mark.qt_log_ignore(OFFSCREEN_POPUP, extend=True)
def test_the_bell_counts_my_tasks_and_a_click_opens_the_hazard(qtbot, plant, clock) -> None:
    ws, users = plant["ws"], plant["users"]
    first = ws.hazards.record(users["clerk"], {"description": "配电柜门未关", "type": "electrical"})
    _dispatch(plant, first, clock)
    second = ws.hazards.record(users["clerk"], {"description": "叉车超速", "type": "vehicle"})
    _dispatch(plant, second, clock)
    ws.hazards.record(users["clerk"], {"description": "未派发的隐患", "type": "other"})
    bell = _bell(qtbot, _ctx(plant, "fixer"))
    mine = ws.hazards.search_page(users["fixer"], HazardQuery(mine=users["fixer"].user_id))[1]
    assert bell.count == mine == 2
    assert {n.section for n in bell.notices} == {MINE}
    assert "2" in bell.toolTip()
    qtbot.mouseClick(bell, Qt.MouseButton.LeftButton)
    assert bell.popup.isVisible()
    items = bell.popup.items()
    assert len(items) == 2
    rect = bell.popup.list.visualItemRect(items[0])
    with qtbot.waitSignal(bell.open_hazard) as opened:
        qtbot.mouseClick(bell.popup.list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert opened.args[0] == items[0].data(Qt.ItemDataRole.UserRole)
    assert opened.args[0] in (first, second) and not bell.popup.isVisible()
    # A change elsewhere refreshes the count: the fixer finished one.
    ws.hazards.rectify(users["fixer"], first, "已关门上锁")
    with qtbot.waitSignal(bell.refreshed) as refreshed:
        bell.ctx.notify("hazard", [first])
    assert refreshed.args == [1]


def test_the_clerk_sees_reports_to_check_and_hazards_to_dispatch(qtbot, plant) -> None:
    ws, clerk = plant["ws"], plant["users"]["clerk"]
    _report(plant, "E4", "赵工", "地面油污")
    ws.hazards.record(clerk, {"description": "通道堵塞", "type": "housekeeping"})
    bell = _bell(qtbot, _ctx(plant, "clerk"))
    assert bell.count == 2
    assert sorted(n.section for n in bell.notices) == ["dispatch", VERIFY]
    # A worker who only reports sees no bell at all.
    worker_bell = NotificationBell(_ctx(plant, "worker"))
    qtbot.addWidget(worker_bell)
    assert not worker_bell.enabled and worker_bell.isHidden()


def test_overdue_hazards_escalate_when_the_bell_refreshes(qtbot, plant, clock) -> None:
    ws, users = plant["ws"], plant["users"]
    hazard_id = ws.hazards.record(users["clerk"], {"description": "配电柜门未关",
                                                   "type": "electrical", "area_id": plant["area"]})
    _dispatch(plant, hazard_id, clock)
    head_ctx = _ctx(plant, "head")
    bell = _bell(qtbot, head_ctx)
    assert ws.hazards.get(users["clerk"], hazard_id).escalation_level == 0
    assert bell.count == 0
    later = clock() + dt.timedelta(hours=80)  # past the 72-hour deadline
    ws.hazards.now = lambda: later
    with qtbot.waitSignal(head_ctx.data_changed) as changed:  # pages hear of the escalation
        with qtbot.waitSignal(bell.refreshed):
            bell.timer.timeout.emit()  # the minute tick
    assert changed.args == ["hazard", [hazard_id]]
    hazard = ws.hazards.get(users["clerk"], hazard_id)
    assert hazard.escalation_level == 1
    kinds = [e.kind for e in ws.hazards.timeline(users["clerk"], hazard_id)]
    assert kinds[-1] == "escalated"
    assert [(n.hazard_id, n.section) for n in bell.notices] == [(hazard_id, ESCALATED)]
    assert bell.count == 1
    # Level 1 is the department head's; the safety office hears at level 2.
    clerk_bell = _bell(qtbot, _ctx(plant, "clerk"))
    assert ESCALATED not in {n.section for n in clerk_bell.notices}
    much_later = later + dt.timedelta(hours=80)
    ws.hazards.now = lambda: much_later
    with qtbot.waitSignal(clerk_bell.refreshed):
        clerk_bell.refresh()
    assert ws.hazards.get(users["clerk"], hazard_id).escalation_level == 2
    assert [n.section for n in clerk_bell.notices if n.hazard_id == hazard_id] == [ESCALATED]
    # The escalation made no second event when the head's bell refreshed after it.
    with qtbot.waitSignal(bell.refreshed):
        bell.refresh()
    kinds = [e.kind for e in ws.hazards.timeline(users["clerk"], hazard_id)]
    assert kinds.count("escalated") == 2


def test_the_main_window_has_the_bell_and_opens_a_clicked_hazard(qtbot, plant, clock,
                                                                   monkeypatch) -> None:
    opened: list[str] = []

    class FakeDetail:
        def __init__(self, ctx: AppContext, hazard_id: str, parent: Any) -> None:
            opened.append(hazard_id)

        def setAttribute(self, *_args: Any) -> None:  # noqa: N802 (Qt's name)
            pass

        def open(self) -> None:
            opened.append("open")

    module = types.ModuleType("desktop.dialogs.hazard_detail")
    module.HazardDetailDialog = FakeDetail  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.dialogs.hazard_detail", module)
    ws, users = plant["ws"], plant["users"]
    hazard_id = ws.hazards.record(users["clerk"], {"description": "叉车超速", "type": "vehicle"})
    _dispatch(plant, hazard_id, clock)
    window = MainWindow(_ctx(plant, "fixer"))
    qtbot.addWidget(window)
    window.show()
    assert window.bell.isVisible()
    qtbot.waitUntil(lambda: window.bell.count == 1)
    window.bell.open_hazard.emit(hazard_id)
    assert opened == [hazard_id, "open"]
    # Without the detail dialog the hazards page (when there is one) is shown instead.
    monkeypatch.setitem(sys.modules, "desktop.dialogs.hazard_detail", None)
    window.open_hazard(hazard_id)
    assert opened == [hazard_id, "open"]


# -- safety points ------------------------------------------------------------------------

@pytest.fixture
def points_plant(plant: dict[str, Any], clock: Clock) -> dict[str, Any]:
    """March: 赵工 9 points, 王工 6, 李工 5 (a timely rectification), 张工 3."""
    ws, users = plant["ws"], plant["users"]
    for no, name, count in (("E4", "赵工", 3), ("E3", "王工", 2), ("E1", "张工", 1)):
        for i in range(count):
            hazard_id = _report(plant, no, name, f"{name}发现的隐患{i}")
            ws.hazards.verify(users["clerk"], hazard_id)
            clock.advance(hours=1)
    hazard_id = ws.hazards.record(users["clerk"], {"description": "护栏松动", "type": "guard"})
    _dispatch(plant, hazard_id, clock)
    ws.hazards.rectify(users["fixer"], hazard_id, "已紧固")
    clock.t = dt.datetime(2026, 2, 20, 9, 0)  # February does not count for March
    ws.hazards.verify(users["clerk"], _report(plant, "E1", "张工", "二月的隐患"))
    return plant


def _points_page(qtbot: Any, ctx: AppContext) -> PointsPage:
    page = PointsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.rules_label.text() != "")
    return page


def test_points_page_ranks_the_month_with_the_top_three_highlighted(qtbot, points_plant) -> None:
    page = _points_page(qtbot, _ctx(points_plant, "clerk"))
    today = dt.date.today()
    assert page.year_month() == (today.year, today.month)  # the current month by default
    assert "+2" in page.rules_label.text() and "+5" in page.rules_label.text()
    with qtbot.waitSignal(page.loaded) as loaded:
        page.set_month(2026, 3)
    assert loaded.args == [4]
    model = page.ranking_model
    rows = [(r.rank, r.name, r.employee_no, r.points) for r in model.rows]
    assert rows == [(1, "赵工", "E4", 9), (2, "王工", "E3", 6), (3, "李工", "E2", 5),
                    (4, "张工", "E1", 3)]
    background = Qt.ItemDataRole.BackgroundRole
    for row, rank in ((0, 1), (1, 2), (2, 3)):
        assert model.data(model.index(row, 1), background) == MEDALS[rank]
    assert model.data(model.index(3, 1), background) is None
    assert "4" in page.summary.text() and "23" in page.summary.text()
    # A person's history.
    with qtbot.waitSignal(page.history_loaded):
        page.ranking.selectRow(3)
    assert page.history.isVisible()
    history = [(a.rule, a.points) for a in page.history_model.rows]
    assert history == [("verified_report", 3), ("verified_report", 3)]  # March and February
    assert "张工" in page.history_box.title()
    # Previous month: only February's report.
    with qtbot.waitSignal(page.loaded) as loaded:
        qtbot.mouseClick(page.previous_button, Qt.MouseButton.LeftButton)
    assert loaded.args == [1] and page.year_month() == (2026, 2)
    assert page.history.isVisible()  # 张工 is still in the ranking and stays selected
    with qtbot.waitSignal(page.loaded) as loaded:
        page.set_month(2025, 7)
    assert loaded.args == [0] and page.empty.isVisible() and not page.ranking.isVisible()
    assert "2025-07" in page.empty.text() and not page.history.isVisible()


def test_ranking_models_pass_the_model_tester(qtbot, qtmodeltester, points_plant) -> None:
    page = _points_page(qtbot, _ctx(points_plant, "clerk"))
    with qtbot.waitSignal(page.loaded):
        page.set_month(2026, 3)
    qtmodeltester.check(page.ranking_model)
    person = page.ranking_model.data(page.ranking_model.index(0, 0), RANKED_ROLE)
    with qtbot.waitSignal(page.history_loaded):
        page.show_history(person)
    qtmodeltester.check(page.history_model)


def test_points_page_is_in_the_sidebar_for_hazard_viewers_only(qtbot, plant) -> None:
    window = MainWindow(_ctx(plant, "fixer"))
    qtbot.addWidget(window)
    assert "points" in window.page_ids()
    worker = MainWindow(_ctx(plant, "worker"))
    qtbot.addWidget(worker)
    assert "points" not in worker.page_ids()
    assert not worker.bell.enabled


# -- core/points.py -----------------------------------------------------------------------

def test_points_service_checks_permissions(plant, points_plant) -> None:
    ws, users = plant["ws"], plant["users"]
    for who in ("clerk", "fixer", "checker", "head"):
        assert ws.points.ranking(users[who], 2026, 3)[0].name == "赵工"
    with pytest.raises(DomainError) as err:
        ws.points.ranking(users["worker"], 2026, 3)
    assert err.value.key == "auth.forbidden"
    with pytest.raises(DomainError) as err:
        ws.points.history(users["worker"], plant["people"]["E4"])
    assert err.value.key == "auth.forbidden"
    assert len(ws.points.history(users["clerk"], plant["people"]["E4"])) == 3


def test_reporter_look_ups_need_no_login_and_skip_people_who_left(plant) -> None:
    ws = plant["ws"]
    found = ws.points.find_reporter(" e4 ")
    assert found is not None and (found.name, found.employee_no) == ("赵工", "E4")
    assert found.department_name == "冲压车间"
    assert ws.points.find_reporter("nobody") is None and ws.points.find_reporter("") is None
    ws.people.update(SYSTEM, plant["people"]["E4"], {"status": "left"})
    assert ws.points.find_reporter("E4") is None
    assert ws.points.equipment_by_code("yj-cy-0012") == (plant["press"], "YJ-CY-0012",
                                                         "开式冲床", plant["area"])
    assert ws.points.equipment_by_code("nope") is None
    assert [name for _id, name in ws.points.report_areas()] == ["冲压车间", "焊接车间"]


def test_ranks_are_shared_on_equal_points_and_rules_read_plainly() -> None:
    class Repo:
        def points(self, since: dt.date, until: dt.date) -> list[tuple[str, str, str, int]]:
            assert (since, until) == (dt.date(2026, 12, 1), dt.date(2027, 1, 1))
            return [("a", "甲", "1", 9), ("b", "乙", "2", 9), ("c", "丙", "3", 5)]

        def awards_of(self, person_id: str) -> list[tuple[str, str, int, str]]:
            return []

        def get(self, hazard_id: str) -> None:
            return None

    service = PointsService(Repo(), None, None, None)  # type: ignore[arg-type]
    assert [r.rank for r in service.ranking(SYSTEM, 2026, 12)] == [1, 1, 3]
    assert rules_text({"inspection": 2, "rectified_on_time": 5, "verified_report": 3},
                      "zh_CN") == "规范巡检 +2，按期完成整改 +5，随手拍被采纳 +3"
    assert rules_text({"verified_report": 4, "inspection": 0}, "en") == \
        "Snapshot report accepted +4"
    with pytest.raises(DomainError):
        month_bounds(2026, 13)
