"""The hazards page, its board, the hazard detail and the step dialogs, driven as the clerk,
the rectifier and the reviewer would (offscreen, real widgets, a fixed service clock)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog

from core.auth import SYSTEM, Actor
from core.equipment import Attachment
from core.hazards import HazardQuery
from core.workflow import (
    ARCHIVED,
    CONFLICT_RESOLVED,
    DISPATCHED,
    RECTIFIED,
    REVIEW_PASSED,
    REVIEW_REJECTED,
    Event,
)
from db.workspace import Workspace
from desktop import tasks
from desktop.context import AppContext
from desktop.dialogs.hazard_detail import HazardDetailDialog
from desktop.dialogs.hazard_dialogs import (
    ArchiveDialog,
    DispatchDialog,
    RecordHazardDialog,
    RectifyDialog,
    ResolveConflictDialog,
    ReviewDialog,
)
from desktop.models.hazard_model import (
    COLUMNS,
    OVERDUE_ROLE,
    BoardColumnModel,
    HazardTableModel,
)
from desktop.pages import PAGES
from desktop.pages.hazards import OPEN_ONLY, HazardsPage

T0 = dt.datetime(2026, 3, 2, 9, 0)
PASSWORD = "password-123"


class Clock:
    """The service's clock, fixed so deadlines and "overdue" do not depend on the test's day."""

    def __init__(self) -> None:
        self.t = T0

    def __call__(self) -> dt.datetime:
        return self.t

    def advance(self, **kw: float) -> None:
        self.t += dt.timedelta(**kw)


@dataclass
class Plant:
    ws: Workspace
    clock: Clock
    ids: dict[str, str]
    users: dict[str, Actor]

    def ctx(self, username: str) -> AppContext:
        return AppContext(self.ws, self.users[username])

    def record(self, description: str, **values: Any) -> str:
        return self.ws.hazards.record(self.users["clerk"], {
            "description": description, "type": "other", **values})

    def dispatch(self, hazard_id: str, hours: float = 72, **extra: Any) -> None:
        self.ws.hazards.dispatch(self.users["clerk"], hazard_id, {
            "department_id": self.ids["dept_CY"], "rectifier_id": self.users["fixer"].user_id,
            "measures": "加装防护罩", "funds": 300,
            "deadline": self.clock() + dt.timedelta(hours=hours), **extra})


@pytest.fixture
def plant(workspace: Workspace, admin: Actor) -> Plant:
    """Two workshops (areas with their departments), a line with a press, four users."""
    clock = Clock()
    workspace.hazards.now = clock  # type: ignore[method-assign]
    s = workspace.structure
    site = s.list(SYSTEM, "site")[0]["id"]
    ids = {"site": site}
    for code, name in (("CY", "冲压车间"), ("HJ", "焊接车间")):
        ids[f"dept_{code}"] = s.add(SYSTEM, "department", {"site_id": site, "code": code,
                                                           "name": name})
        ids[code] = s.add(SYSTEM, "area", {"site_id": site, "code": code, "name": name,
                                           "department_id": ids[f"dept_{code}"]})
    ids["CY-B"] = s.add(SYSTEM, "line", {"area_id": ids["CY"], "code": "CY-B", "name": "冲压B线"})
    ids["press"] = workspace.equipment.add(SYSTEM, {
        "code": "YJ-CY-0003", "name": "闭式双点压力机", "area_id": ids["CY"],
        "line_id": ids["CY-B"], "site_id": site})
    users = {}
    for no, username, name, role in (("E1", "clerk", "张安全", "safety_clerk"),
                                     ("E2", "fixer", "李工", "rectifier"),
                                     ("E3", "checker", "王工", "reviewer"),
                                     ("E4", "worker", "赵工", "employee")):
        ids[no] = workspace.people.add(SYSTEM, {"employee_no": no, "name": name,
                                                "department_id": ids["dept_CY"]})
        workspace.auth.create_user(admin, username, name, [role], PASSWORD, ids[no])
        user = workspace.users_repo.by_username(username)
        assert user is not None
        users[username] = user.actor()
    users["admin"] = admin
    return Plant(workspace, clock, ids, users)


@pytest.fixture
def four(plant: Plant) -> dict[str, str]:
    """Four hazards found at T0, then two days pass:
    h1 general, HJ, waiting to be dispatched (its 24 h are up: overdue);
    h2 major, CY, rectifying with 30 days to go;
    h3 general, on the press, rectifying, 24 h deadline passed (overdue);
    h4 general, CY, archived within two hours."""
    p = plant
    h = {
        "h1": p.record("配电柜门未关", type="electrical", area_id=p.ids["HJ"]),
        "h2": p.record("调漆间无可燃气体检测报警", type="ventilation", grade="major",
                       area_id=p.ids["CY"]),
        "h3": p.record("B线3号冲床脚踏开关无防护罩", type="guard", area_id=p.ids["CY"],
                       line_id=p.ids["CY-B"], equipment_id=p.ids["press"]),
        "h4": p.record("通道堆放物料", type="housekeeping", area_id=p.ids["CY"]),
    }
    p.dispatch(h["h2"], hours=30 * 24, reviewer_id=p.users["checker"].user_id,
               reviewer_name="王工", plan="停用调漆间，加装检测报警并联锁通风",
               stop_production=True, report_to_regulator=True)
    p.dispatch(h["h3"], hours=24)
    p.clock.advance(hours=1)
    p.dispatch(h["h4"], hours=24)
    p.ws.hazards.rectify(p.users["fixer"], h["h4"], "已清理通道", cost=0)
    p.ws.hazards.review(p.users["checker"], h["h4"], True)
    p.clock.advance(hours=1)
    p.ws.hazards.archive(p.users["clerk"], h["h4"])
    p.clock.advance(hours=46)
    return h


def _photo(folder: Path, name: str, colour: str) -> Path:
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path = folder / name
    assert image.save(str(path))
    return path


def _page(qtbot: Any, ctx: AppContext) -> HazardsPage:
    page = HazardsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text() != "" and not page.model.is_loading
                    and page.measures is not None)
    return page


def _shows(qtbot: Any, page: HazardsPage, total: int) -> None:
    qtbot.waitUntil(lambda: not page.model.is_loading and page.model.total == total)


def _numbers(page: HazardsPage) -> list[str]:
    items = (page.model.hazard(r) for r in range(page.model.rowCount()))
    return [h.number for h in items if h is not None]


def _choose(combo: Any, data: Any) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _detail(qtbot: Any, ctx: AppContext, hazard_id: str) -> HazardDetailDialog:
    dialog = HazardDetailDialog(ctx, hazard_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.detail is not None)
    return dialog


def _reload(qtbot: Any, dialog: HazardDetailDialog) -> None:
    with qtbot.waitSignal(dialog.loaded):
        dialog.reload()


def _buttons(dialog: HazardDetailDialog) -> set[str]:
    shown = set(dialog.action_buttons)
    if not dialog.conflict_bar.isHidden() and not dialog.conflict_button.isHidden():
        shown.add(CONFLICT_RESOLVED)
    return shown


def _idle() -> None:
    """Let the background reads the widgets started finish before the test itself uses the
    database (one connection: the test thread must not read while the db lane does)."""
    tasks.wait_all()


def _save(qtbot: Any, dialog: Any) -> None:
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    _idle()


def _refused(qtbot: Any, dialog: Any) -> str:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.error.isHidden() and dialog.save_button.isEnabled())
    assert dialog.isVisible()  # still open, with what was typed
    _idle()
    return str(dialog.error.text())


def _kinds(plant: Plant, hazard_id: str) -> list[str]:
    _idle()
    return [e.kind for e in plant.ws.hazards.timeline(SYSTEM, hazard_id)]


# -- the model ------------------------------------------------------------------------------


def test_the_model_passes_the_model_tester_while_paging(
        qtbot: Any, qtmodeltester: Any, plant: Plant) -> None:
    for n in range(12):
        plant.record(f"隐患{n + 1}", type="ppe", area_id=plant.ids["CY"])
    model = HazardTableModel(plant.ctx("clerk"))
    model.PAGE_SIZE = 5
    with qtbot.waitSignal(model.loaded) as loaded:
        model.set_query(HazardQuery(now=plant.clock()))
    assert loaded.args == [12]
    assert model.rowCount() == 5 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        rows = model.rowCount()
        model.fetchMore()
        qtbot.waitUntil(lambda rows=rows: model.rowCount() > rows)
    assert model.rowCount() == 12
    first = {COLUMNS[c]: model.index(0, c).data() for c in range(model.columnCount())}
    assert first["number"] == "YH-2026-0012"  # newest first
    assert first["found_at"] == "2026-03-02 09:00" and first["grade"] == "一般隐患"
    assert first["step"] == "待派发" and first["area"] == "冲压车间"
    assert first["type"] == "未按规定佩戴劳保用品" and first["source"] == "其他"
    with qtbot.waitSignal(model.loaded):
        model.set_query(HazardQuery(text="隐患1"))  # 隐患1, 隐患10, 隐患11, 隐患12
    assert model.rowCount() == 4


def test_a_board_column_passes_the_model_tester(
        qtbot: Any, qtmodeltester: Any, plant: Plant, four: dict[str, str]) -> None:
    column = BoardColumnModel(plant.ctx("clerk"), "rectify")
    qtmodeltester.check(column)
    with qtbot.waitSignal(column.loaded):
        column.set_query(HazardQuery(now=plant.clock()))
    assert column.total == 2 and column.rowCount() == 2 and column.hidden == 0
    assert {column.hazard(r).id for r in range(2)} == {four["h2"], four["h3"]}  # type: ignore[union-attr]


def test_an_overdue_deadline_is_red_with_an_explanation(
        qtbot: Any, plant: Plant, four: dict[str, str]) -> None:
    model = HazardTableModel(plant.ctx("clerk"))
    with qtbot.waitSignal(model.loaded):
        model.set_query(HazardQuery(now=plant.clock()))
    due = model.index(model.row_of(four["h3"]), COLUMNS.index("deadline"))
    assert due.data(OVERDUE_ROLE) is True
    assert due.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert due.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "24" in due.data(Qt.ItemDataRole.ToolTipRole)  # overdue by 24 h
    fine = model.index(model.row_of(four["h2"]), COLUMNS.index("deadline"))
    assert fine.data(OVERDUE_ROLE) is False and fine.data(Qt.ItemDataRole.DecorationRole) is None
    closed = model.index(model.row_of(four["h4"]), COLUMNS.index("deadline"))
    assert closed.data() == "" and closed.data(OVERDUE_ROLE) is False
    owner = model.index(model.row_of(four["h3"]), COLUMNS.index("owner"))
    assert owner.data() == "李工"
    equipment = model.index(model.row_of(four["h3"]), COLUMNS.index("equipment"))
    assert equipment.data() == "YJ-CY-0003"


# -- the page: filters, measures, board -----------------------------------------------------


def test_hazards_come_right_after_the_dashboard_in_the_sidebar() -> None:
    assert PAGES[0].page_id == "dashboard"
    assert PAGES[1] is HazardsPage and HazardsPage.page_id == "hazards"


def test_each_filter_narrows_the_list_and_the_measures_follow(
        qtbot: Any, plant: Plant, four: dict[str, str]) -> None:
    page = _page(qtbot, plant.ctx("clerk"))
    assert page.model.total == 4 and "4" in page.count_label.text()
    assert page.measure_values["count"].text() == "4"
    # h4: found → dispatched 1 h, found → archived 2 h, on time; h2/h3 dispatched at once
    assert page.measure_values["response"].text() == "0.3 h"
    assert page.measure_values["rectification"].text() == "2.0 h"
    assert page.measure_values["on_time"].text() == "100%"

    _choose(page.step_filter, "rectify")
    _shows(qtbot, page, 2)
    assert set(_numbers(page)) == {"YH-2026-0002", "YH-2026-0003"}
    _choose(page.step_filter, OPEN_ONLY)
    _shows(qtbot, page, 3)
    qtbot.waitUntil(lambda: page.measure_values["count"].text() == "3")
    assert page.measure_values["rectification"].text() == "—"  # none of them archived
    _choose(page.grade_filter, "major")
    _shows(qtbot, page, 1)
    assert _numbers(page) == ["YH-2026-0002"]
    _choose(page.grade_filter, None)
    _choose(page.area_filter, plant.ids["HJ"])
    _shows(qtbot, page, 1)
    assert _numbers(page) == ["YH-2026-0001"]
    _choose(page.area_filter, None)
    _shows(qtbot, page, 3)

    page.overdue_filter.setChecked(True)  # h1 (24 h to dispatch) and h3 (its deadline)
    _shows(qtbot, page, 2)
    assert set(_numbers(page)) == {"YH-2026-0001", "YH-2026-0003"}
    assert page.current_query().now == plant.clock()  # the service's clock, not the PC's
    page.overdue_filter.setChecked(False)
    _choose(page.step_filter, "all")
    _shows(qtbot, page, 4)

    page.search.setText("冲床")
    page.apply_filters()
    _shows(qtbot, page, 1)
    page.search.clear()
    page.apply_filters()
    _shows(qtbot, page, 4)

    page.range_filter.setChecked(True)  # the last 30 days include T0
    _shows(qtbot, page, 4)
    page.found_to.setDate(page.found_to.date().addDays(-5))  # ends before T0
    _shows(qtbot, page, 0)
    page.range_filter.setChecked(False)
    _shows(qtbot, page, 4)


def test_my_to_do_lists_what_waits_for_me(
        qtbot: Any, plant: Plant, four: dict[str, str]) -> None:
    page = _page(qtbot, plant.ctx("fixer"))
    page.mine_filter.setChecked(True)
    _shows(qtbot, page, 2)  # h2 and h3 are the rectifier's
    assert page.current_query().mine == plant.users["fixer"].user_id
    assert page.record_action.isVisible()  # anyone on the shop floor records what they find
    reviewer = _page(qtbot, plant.ctx("checker"))
    reviewer.mine_filter.setChecked(True)
    _shows(qtbot, reviewer, 0)
    _idle()
    plant.ws.hazards.rectify(plant.users["fixer"], four["h2"], "已加装检测报警")
    reviewer.refresh()
    _shows(qtbot, reviewer, 1)  # now it waits for the re-checker


def test_the_board_has_a_column_per_open_step_with_counts(
        qtbot: Any, plant: Plant, four: dict[str, str], monkeypatch: Any) -> None:
    monkeypatch.setattr(BoardColumnModel, "LIMIT", 1)
    plant.ws.hazards.report(None, plant.ids["E4"], "赵工", {"description": "焊接区有人未戴面罩",
                                                          "type": "ppe"})
    page = _page(qtbot, plant.ctx("clerk"))
    with qtbot.waitSignal(page.board_loaded):
        page.show_board()
    assert list(page.board) == ["pending", "discover", "rectify", "review", "archive"]
    counts = {step: column.model.total for step, column in page.board.items()}
    assert counts == {"pending": 1, "discover": 1, "rectify": 2, "review": 0, "archive": 0}
    rectify = page.board["rectify"]
    assert rectify.view.model().rowCount() == 1  # the newest one card
    assert rectify.title.text().endswith("2") and "整改中" in rectify.title.text()
    assert not rectify.more.isHidden() and "1" in rectify.more.text()
    assert page.board["discover"].more.isHidden()
    assert not page.step_filter.isEnabled()  # the columns are the steps

    _choose(page.grade_filter, "major")  # the other filters apply to the board too
    qtbot.waitUntil(lambda: page.board["rectify"].model.total == 1
                    and not page.board["rectify"].model.is_loading)
    assert page.board["discover"].model.total == 0

    _idle()
    plant.dispatch(four["h1"])  # a change elsewhere moves the card
    _choose(page.grade_filter, None)
    page.ctx.notify("hazard", [four["h1"]])
    qtbot.waitUntil(lambda: page.board["rectify"].model.total == 3
                    and page.board["discover"].model.total == 0)
    page.show_list()
    assert page.step_filter.isEnabled()


def test_double_click_opens_the_hazard(qtbot: Any, plant: Plant, four: dict[str, str]) -> None:
    page = _page(qtbot, plant.ctx("clerk"))
    row = page.model.row_of(four["h3"])
    rect = page.table.visualRect(page.model.index(row, COLUMNS.index("description")))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.findChild(HazardDetailDialog) is not None)
    assert len(page.findChildren(HazardDetailDialog)) == 1  # opened once
    detail = page.findChild(HazardDetailDialog)
    qtbot.waitUntil(lambda: detail.detail is not None)
    assert detail.number_label.text() == "YH-2026-0003"
    assert "YJ-CY-0003" in detail.details_label.text()
    assert not detail.overdue_chip.isHidden()
    detail.close()

    with qtbot.waitSignal(page.board_loaded):
        page.show_board()
    view = page.board["rectify"].view
    index = view.model().index(page.board["rectify"].model.row_of(four["h2"]), 0)
    card = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=card.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=card.center())
    qtbot.waitUntil(lambda: any(d.hazard_id == four["h2"]
                                for d in page.findChildren(HazardDetailDialog)))


# -- the detail -----------------------------------------------------------------------------


def test_the_detail_offers_only_what_each_user_may_do(
        qtbot: Any, plant: Plant, four: dict[str, str]) -> None:
    h3 = four["h3"]
    clerk = _detail(qtbot, plant.ctx("clerk"), h3)
    fixer = _detail(qtbot, plant.ctx("fixer"), h3)
    checker = _detail(qtbot, plant.ctx("checker"), h3)
    assert _buttons(fixer) == {RECTIFIED}
    assert fixer.action_buttons[RECTIFIED].text() == "Record rectification…"
    assert _buttons(checker) == set()
    assert _buttons(clerk) == {RECTIFIED}  # the safety office may record a fix too

    _idle()
    plant.ws.hazards.rectify(plant.users["fixer"], h3, "已加装防护罩", cost=280)
    for dialog in (clerk, fixer, checker):
        _reload(qtbot, dialog)
    assert _buttons(fixer) == set()  # nobody reviews their own work
    assert _buttons(checker) == {REVIEW_PASSED, REVIEW_REJECTED}
    assert _buttons(clerk) == {REVIEW_PASSED, REVIEW_REJECTED}
    assert fixer.open_action(REVIEW_PASSED) is None  # no button, no back door

    worker = HazardDetailDialog(plant.ctx("worker"), h3)  # no VIEW_HAZARDS: a calm refusal
    qtbot.addWidget(worker)
    worker.show()
    qtbot.waitUntil(lambda: "查看隐患" in worker.message.text() or "viewing hazards" in worker.message.text())
    assert worker.detail is None and _buttons(worker) == set()


def test_the_detail_shows_the_six_fixes_of_a_major_hazard(
        qtbot: Any, plant: Plant, four: dict[str, str]) -> None:
    detail = _detail(qtbot, plant.ctx("clerk"), four["h2"])
    assert detail.grade_chip.text() == "重大隐患"
    assert "#E02020" in detail.grade_chip.styleSheet()  # the regulation red
    assert detail.dispatch_empty.isHidden()
    shown = {detail.dispatch_form.itemAt(r, detail.dispatch_form.ItemRole.LabelRole)
             .widget().text():
             detail.dispatch_form.itemAt(r, detail.dispatch_form.ItemRole.FieldRole)
             .widget().text() for r in range(detail.dispatch_form.rowCount())}
    assert shown["Rectifier"] == "李工" and shown["Department"] == "冲压车间"
    assert shown["Re-checker"] == "王工" and shown["Funds"] == "¥300.00"
    assert shown["Remediation plan"].startswith("停用调漆间")
    assert shown["Stop production"] == "Yes"  # dispatched without saying how much
    assert shown["Reported to regulator"] == "Yes"
    assert shown["Deadline"] == "2026-04-01 09:00"
    assert not detail.rectification_empty.isHidden()


def test_conflicts_are_highlighted_and_settled(
        qtbot: Any, plant: Plant, four: dict[str, str]) -> None:
    h3 = four["h3"]
    late = Event("evt-other-pc", h3, DISPATCHED, {
        "department_id": plant.ids["dept_CY"], "rectifier_id": plant.users["checker"].user_id,
        "rectifier_name": "王工", "deadline": "2026-03-09T00:00:00"},
        "u-other", "另一台电脑", plant.clock(), plant.ws.db.clock.now(), "pc-2")
    plant.ws.hazards_repo.append(late, "general", plant.ws.hazards.rules())
    clerk_ctx = plant.ctx("clerk")
    detail = _detail(qtbot, clerk_ctx, h3)
    assert not detail.conflict_bar.isHidden() and "1" in detail.conflict_label.text()
    assert not detail.conflict_button.isHidden()
    rows = [detail.timeline.topLevelItem(r) for r in range(detail.timeline.topLevelItemCount())]
    conflict = next(r for r in rows if r.text(1) == "另一台电脑")
    assert "conflict" in conflict.text(2) and "王工" in conflict.text(3)
    assert conflict.background(0).color().name() == "#fdedec"
    fixer_view = _detail(qtbot, plant.ctx("fixer"), h3)
    assert fixer_view.conflict_button.isHidden()  # only a supervisor settles

    dialog = detail.open_action(CONFLICT_RESOLVED)
    assert isinstance(dialog, ResolveConflictDialog)
    assert dialog.chosen() == ["evt-other-pc"]
    assert "请填写原因" in _refused(qtbot, dialog)
    dialog.note_box.setPlainText("以第一次派发为准，已通知王工")
    with qtbot.waitSignal(detail.loaded):  # the dialog's notify refreshes the detail
        _save(qtbot, dialog)
    assert detail.conflict_bar.isHidden()
    _idle()
    assert plant.ws.hazards.state(SYSTEM, h3).conflicts == ()
    rows = [detail.timeline.topLevelItem(r) for r in range(detail.timeline.topLevelItemCount())]
    assert "settled" in next(r for r in rows if r.text(1) == "另一台电脑").text(2)
    assert rows[-1].text(3) == "以第一次派发为准，已通知王工"


def test_before_photos_listed_by_the_service_sit_beside_the_after_photos(
        qtbot: Any, plant: Plant, four: dict[str, str], tmp_path: Path,
        monkeypatch: Any) -> None:
    """``HazardService.attachments(actor, id)`` is what the lead adds; until then the detail
    shows the photos a rectification names. Here the service's answer is given."""
    ws, h3 = plant.ws, four["h3"]
    before = _photo(tmp_path, "before.png", "#c0392b")
    after = _photo(tmp_path, "after.png", "#27ae60")
    sha_before, size = ws.attachments.put(before)
    listed = [Attachment("a1", "before", sha_before, "before.png", "image/png", size)]
    monkeypatch.setattr(ws.hazards, "attachments", lambda actor, hazard_id: listed,
                        raising=False)
    sha_after = ws.attachments.put(after)[0]
    ws.hazards.rectify(plant.users["fixer"], h3, "已加装防护罩", photos=[sha_after])
    detail = _detail(qtbot, plant.ctx("clerk"), h3)
    qtbot.waitUntil(lambda: detail.before_photos.count() == 1)
    assert detail.after_photos.count() == 1 and detail.before_empty.isHidden()
    before_item = detail.before_photos.item(0)
    assert before_item.text() == "before.png"

    def centre(item: Any) -> str:
        icon = item.icon().pixmap(200, 150).toImage()
        return str(icon.pixelColor(icon.width() // 2, icon.height() // 2).name())

    qtbot.waitUntil(lambda: centre(before_item) == "#c0392b")  # the photo, not the placeholder
    assert centre(detail.after_photos.item(0)) == "#27ae60"
    opened: list[Any] = []
    monkeypatch.setattr(HazardDetailDialog, "open_url",
                        staticmethod(lambda url: opened.append(url) or True))
    detail.open_photo(before_item.data(Qt.ItemDataRole.UserRole + 1))
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0].toLocalFile().endswith("before.png")


# -- the dialogs ----------------------------------------------------------------------------


def test_the_whole_walk_through_the_dialogs(
        qtbot: Any, plant: Plant, tmp_path: Path) -> None:
    ws, clock = plant.ws, plant.clock
    clerk_ctx, fixer_ctx, checker_ctx = plant.ctx("clerk"), plant.ctx("fixer"), plant.ctx("checker")
    page = _page(qtbot, clerk_ctx)
    assert page.model.total == 0

    # 登记: the clerk records what was found on the press, with a photo
    record = page.record_hazard()
    assert isinstance(record, RecordHazardDialog)
    qtbot.waitUntil(lambda: record.is_ready)
    assert record.found_at.dateTime().toPython() == T0
    record.description.setPlainText("B线3号冲床脚踏开关无防护罩")
    _choose(record.type, "guard")
    _choose(record.area, plant.ids["CY"])
    _choose(record.line, plant.ids["CY-B"])
    qtbot.waitUntil(lambda: record.equipment.findData(plant.ids["press"]) >= 0)
    _choose(record.equipment, plant.ids["press"])
    record.location.setText("脚踏开关")
    record.photos.add_files([_photo(tmp_path, "found.png", "#c0392b")])
    with qtbot.waitSignal(page.model.loaded):  # the page follows the dialog's notify
        _save(qtbot, record)
    hazard_id = record.hazard_id
    assert page.model.total == 1 and page.selected_hazard().id == hazard_id  # type: ignore[union-attr]
    hazard = ws.hazards.get(SYSTEM, hazard_id)
    assert (hazard.number, hazard.step, hazard.equipment_code) == ("YH-2026-0001", "discover",
                                                                   "YJ-CY-0003")
    assert hazard.location == "脚踏开关" and hazard.line_name == "冲压B线"

    # 派发: from the detail, by typed user names (a clerk cannot list users)
    clock.advance(hours=2)
    detail = page.open_detail()
    assert detail is not None
    qtbot.waitUntil(lambda: detail.detail is not None)
    assert _buttons(detail) == {"merged_into", DISPATCHED}
    dispatch = detail.open_action(DISPATCHED)
    assert isinstance(dispatch, DispatchDialog)
    qtbot.waitUntil(lambda: dispatch.is_ready)
    assert dispatch.department.currentData() == plant.ids["dept_CY"]  # the area's department
    assert dispatch.deadline.dateTime().toPython() == clock() + dt.timedelta(hours=72)
    assert dispatch.no_list_hint.isHidden() and dispatch.major_box.isHidden()  # clerks get the list
    dispatch.rectifier.setEditText("nobody")
    dispatch.measures.setPlainText("加装脚踏开关防护罩")
    assert "nobody" in _refused(qtbot, dispatch)
    dispatch.rectifier.setEditText("checker")  # a reviewer, not a rectifier
    assert "王工" in _refused(qtbot, dispatch) and "rectifier" in dispatch.error.text()
    dispatch.rectifier.setEditText("fixer")
    dispatch.reviewer.setEditText("checker")
    dispatch.funds.setValue(300)
    with qtbot.waitSignal(detail.loaded):
        _save(qtbot, dispatch)
    state = ws.hazards.state(SYSTEM, hazard_id)
    assert state.step == "rectify" and state.rectifier_id == plant.users["fixer"].user_id
    assert state.reviewer_id == plant.users["checker"].user_id
    assert state.dispatch["rectifier_name"] == "李工" and state.dispatch["funds"] == 300
    assert _buttons(detail) == {RECTIFIED}

    # 整改 by the rectifier, with a photo after
    def rectify(note: str, colour: str) -> None:
        fixer_detail = _detail(qtbot, fixer_ctx, hazard_id)
        assert _buttons(fixer_detail) == {RECTIFIED}
        dialog = fixer_detail.open_action(RECTIFIED)
        assert isinstance(dialog, RectifyDialog)
        assert _refused(qtbot, dialog) == "请填写“整改情况”。"
        dialog.what.setPlainText(note)
        dialog.cost.setValue(280)
        dialog.photos.add_files([_photo(tmp_path, f"{colour[1:]}.png", colour)])
        _save(qtbot, dialog)
        fixer_detail.close()

    clock.advance(hours=3)
    rectify("已加装护罩", "#27ae60")

    # 复核: the reviewer sends it back (a reason is required), then it is fixed again
    def review(passed: bool) -> ReviewDialog:
        checker_detail = _detail(qtbot, checker_ctx, hazard_id)
        dialog = checker_detail.open_action(REVIEW_PASSED if passed else REVIEW_REJECTED)
        assert isinstance(dialog, ReviewDialog)
        assert dialog.pass_button.isChecked() is passed
        return dialog

    back = review(False)
    assert _refused(qtbot, back) == "请填写原因。"
    assert _kinds(plant, hazard_id)[-1] == RECTIFIED  # nothing written
    back.reason.setPlainText("护罩固定不牢")
    _save(qtbot, back)
    assert ws.hazards.get(SYSTEM, hazard_id).step == "rectify"
    clock.advance(hours=1)
    rectify("重新固定护罩", "#2980b9")
    _save(qtbot, review(True))

    # 归档 by the clerk
    clock.advance(minutes=30)
    _reload(qtbot, detail)
    assert _buttons(detail) == {ARCHIVED}
    archive = detail.open_action(ARCHIVED)
    assert isinstance(archive, ArchiveDialog)
    archive.remark.setPlainText("已销号")
    with qtbot.waitSignal(detail.loaded):
        _save(qtbot, archive)

    _idle()
    assert ws.hazards.get(SYSTEM, hazard_id).step == "closed"
    assert detail.step_chip.text() == "已归档" and _buttons(detail) == set()
    timeline = [detail.timeline.topLevelItem(r) for r in range(detail.timeline.topLevelItemCount())]
    assert [r.data(0, Qt.ItemDataRole.UserRole + 1).kind for r in timeline] == [
        "discovered", "dispatched", "rectified", "review_rejected", "rectified",
        "review_passed", "archived"]
    assert [r.text(1) for r in timeline] == ["张安全", "张安全", "李工", "王工", "李工", "王工",
                                           "张安全"]
    assert "李工" in timeline[1].text(3) and "Reason: 护罩固定不牢" in timeline[3].text(3)
    assert timeline[6].text(3).startswith("Closed out 2026-03-02")
    qtbot.waitUntil(lambda: detail.after_photos.count() == 1)  # the latest fix's photo
    fix = {detail.rectification_form.itemAt(r, detail.rectification_form.ItemRole.LabelRole)
           .widget().text():
           detail.rectification_form.itemAt(r, detail.rectification_form.ItemRole.FieldRole)
           .widget().text() for r in range(detail.rectification_form.rowCount())}
    assert fix["What was done"] == "重新固定护罩" and fix["Sent back"].startswith("1×")
    _idle()
    m = ws.hazards.measures(SYSTEM, HazardQuery())
    assert m.response_hours == pytest.approx(2) and m.rectification_hours == pytest.approx(6.5)
    with qtbot.waitSignal(page.measures_loaded):
        page.refresh()
    assert page.measure_values["rectification"].text() == "6.5 h"


def test_a_past_deadline_is_refused_and_nothing_is_written(
        qtbot: Any, plant: Plant, four: dict[str, str]) -> None:
    hazard = plant.ws.hazards.get(SYSTEM, four["h1"])
    dialog = DispatchDialog(plant.ctx("admin"), hazard)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.is_ready)
    # An administrator picks from the list of users
    assert dialog.no_list_hint.isHidden()
    names = [dialog.rectifier.itemText(i) for i in range(dialog.rectifier.count())]
    assert names == ["李工 (fixer)", "王磊 (admin)", "张安全 (clerk)"]  # pinyin order
    dialog.rectifier.setCurrentIndex(0)
    assert dialog.department.currentData() == plant.ids["dept_HJ"]
    dialog.measures.setPlainText("门锁更换")
    dialog.deadline.setDateTime(QDateTime(plant.clock() - dt.timedelta(hours=1)))
    assert _refused(qtbot, dialog) == "整改期限不能早于现在。"
    assert _kinds(plant, four["h1"]) == ["discovered"]
    dialog.rectifier.setEditText("")
    dialog.deadline.setDateTime(QDateTime(plant.clock() + dt.timedelta(hours=8)))
    assert _refused(qtbot, dialog) == "请指定整改责任人。"
    assert _kinds(plant, four["h1"]) == ["discovered"]


def test_a_major_hazard_is_dispatched_with_the_six_fixes(
        qtbot: Any, plant: Plant) -> None:
    hazard_id = plant.record("调漆间使用溶剂型涂料，无可燃气体检测报警", type="ventilation",
                             grade="major", area_id=plant.ids["CY"])
    dialog = DispatchDialog(plant.ctx("clerk"), plant.ws.hazards.get(SYSTEM, hazard_id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.is_ready)
    assert not dialog.major_box.isHidden()
    assert dialog.deadline.dateTime().toPython() == T0 + dt.timedelta(days=30)
    assert dialog.report_to_regulator.isChecked()
    dialog.rectifier.setEditText("fixer")
    dialog.measures.setPlainText("加装可燃气体检测报警并联锁排风")
    message = _refused(qtbot, dialog)
    assert "六定" in message and "整改资金" in message and "复查人" in message \
        and "整改方案" in message
    assert _kinds(plant, hazard_id) == ["discovered"]
    dialog.funds.setValue(48000)
    dialog.reviewer.setEditText("checker")
    dialog.plan.setPlainText("停用调漆间；加装检测报警并与排风联锁；验收后恢复")
    dialog.stop_production.setChecked(True)
    _choose(dialog.stop_scope, "partial")
    _save(qtbot, dialog)
    dispatch = plant.ws.hazards.state(SYSTEM, hazard_id).dispatch
    assert dispatch["stop_production"] is True and dispatch["stop_scope"] == "partial"
    assert dispatch["report_to_regulator"] is True and dispatch["funds"] == 48000
    assert dispatch["reviewer_name"] == "王工"


def test_the_record_dialog_explains_grades_and_refusals(
        qtbot: Any, plant: Plant) -> None:
    ctx = plant.ctx("clerk")
    dialog = RecordHazardDialog(ctx, equipment_id=plant.ids["press"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.is_ready)
    # opened from the press: its area, line and the press itself are filled in
    assert dialog.area.currentData() == plant.ids["CY"]
    assert dialog.line.currentData() == plant.ids["CY-B"]
    assert dialog.equipment.currentData() == plant.ids["press"]
    assert "quickly" in dialog.grade_hint.text()
    dialog.set_grade("major")
    assert "regulator" in dialog.grade_hint.text()
    assert _refused(qtbot, dialog) == "请填写“隐患描述”。"
    dialog.description.setPlainText("冲床光电保护失效")
    assert "type" in _refused(qtbot, dialog)
    _choose(dialog.type, "guard")
    _save(qtbot, dialog)
    hazard = plant.ws.hazards.get(SYSTEM, dialog.hazard_id)
    assert hazard.grade == "major" and hazard.source == "inspection"
    assert hazard.equipment_id == plant.ids["press"]
