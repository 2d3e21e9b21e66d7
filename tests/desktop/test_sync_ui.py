"""Sync in the app: the menu, the enrol dialog, a background round, the status label and the
conflicts page, against a real server over PostgreSQL."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester

from core.i18n import t
from db.sync import local
from desktop.main_window import MainWindow
from desktop.pages.conflicts import ConflictsPage
from desktop.settings import Settings
from server import store
from tests.sync import conftest as sync_fixtures
from tests.sync.helpers import PC, code_for, new_site

# The real PostgreSQL and server fixtures of the sync tests.
pg_cluster = sync_fixtures.pg_cluster
database_url = sync_fixtures.database_url
live_server = sync_fixtures.live_server


def _window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx, pages=[ConflictsPage], settings=Settings())
    qtbot.addWidget(window)
    return window


def test_not_enrolled_shows_in_the_status_bar(qtbot, ctx):
    window = _window(qtbot, ctx)
    assert "sync" in window.menus
    assert window.sync.label.text() == "Sync: not set up"
    window.sync.sync_now()  # nothing to do, nothing breaks
    assert not window.sync.running


def test_enrol_sync_and_settle_a_duplicate(qtbot, ctx, tmp_path, live_server, database_url):
    site = new_site(database_url)
    window = _window(qtbot, ctx)
    # This PC holds a plant and the site is empty: it is the site's first PC.
    dialog = window.sync.open_enrol()
    dialog.url.setText(live_server.url)
    dialog.code.setText(code_for(database_url, site))
    dialog.name.setText("安全科")
    with qtbot.waitSignal(window.sync.finished, timeout=20000) as round_done:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert round_done.args[0].ok
    other = PC(tmp_path, "other", live_server.url, code_for(database_url, site))
    try:
        assert other.sync().ok  # an empty folder downloads the plant
        other.add_person("E100", "李四")
        assert other.sync().ok
        ctx.workspace.people.add(ctx.actor, {"employee_no": "E100", "name": "张三"})
        with qtbot.waitSignal(window.sync.finished, timeout=20000) as round_done:
            window.sync.sync_now()
        summary = round_done.args[0]
        assert summary.ok and summary.pulled >= 1 and summary.conflicts == 1
        assert window.sync.label.text().startswith("Synced ")
        assert "1 conflicts" in window.sync.label.text()
        with store.connect(database_url) as conn:
            names = {d["name"] for d in store.devices(conn)}
        assert "安全科" in names

        window.show_page("conflicts")
        page = window.current_page()
        assert isinstance(page, ConflictsPage)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
        ModelTester(None).check(page.model)
        assert page.model.index(0, 1).data() == "Employee no. E100"
        page.table.selectRow(0)
        assert page.settle_button.text() == "Accept both"
        page.settle_button.click()
        qtbot.waitUntil(lambda: page.model.rowCount() == 0)
        assert local.open_conflicts(ctx.workspace.db) == []
    finally:
        other.close()


def test_bad_code_is_shown_in_the_dialog(qtbot, ctx, live_server, database_url):
    new_site(database_url)
    window = _window(qtbot, ctx)
    dialog = window.sync.open_enrol()
    dialog.url.setText(live_server.url)
    dialog.code.setText("WRONG-CODE")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert dialog.isVisible()
    assert t("sync.bad_code") in dialog.bar.text()
    assert not window.sync.client.enrolled


def test_a_change_is_sent_soon_and_an_unreachable_server_is_shown(qtbot, ctx, tmp_path,
                                                                   live_server, database_url):
    site = new_site(database_url)
    window = _window(qtbot, ctx)
    window.sync.client.enrol(live_server.url, code_for(database_url, site))
    window.sync.soon.setInterval(0)  # in the app: 15 s after the last change
    person = ctx.workspace.people.add(ctx.actor, {"employee_no": "E7", "name": "王五"})
    with qtbot.waitSignal(window.sync.finished, timeout=20000) as sent:
        ctx.notify("person", [person])
    assert sent.args[0].ok and sent.args[0].pushed >= 1
    assert window.sync.status["pending"] == 0
    live_server.stop()
    try:
        ctx.workspace.people.add(ctx.actor, {"employee_no": "E8", "name": "赵六"})
        with qtbot.waitSignal(window.sync.finished, timeout=20000) as failed:
            window.sync.sync_now()
        assert failed.args[0].errors[0]["code"] == "unreachable"
        assert window.sync.label.text() == "Sync problem · 1 pending"
        assert live_server.url in window.sync.label.toolTip()
        assert not window.sync.reachable  # no more rounds after each change until one works
    finally:
        live_server.start()


def test_a_supervisor_settles_a_workflow_conflict_on_the_page(qtbot, ctx, tmp_path,
                                                              live_server, database_url):
    import datetime as dt

    from core.auth import SYSTEM

    site = new_site(database_url)
    ws = ctx.workspace
    site_row = ws.structure.list(SYSTEM, "site")[0]["id"]
    dept = ws.structure.add(SYSTEM, "department", {"code": "CY", "name": "冲压车间",
                                                   "site_id": site_row})
    hid = ws.hazards.record(ctx.actor, {"description": "护罩缺失", "type": "guard"})
    window = _window(qtbot, ctx)
    window.show()
    window.sync.client.enrol(live_server.url, code_for(database_url, site))
    other = PC(tmp_path, "other", live_server.url, code_for(database_url, site))
    try:
        with qtbot.waitSignal(window.sync.finished, timeout=20000):
            window.sync.sync_now()
        assert other.sync().ok
        deadline = dt.datetime.now() + dt.timedelta(days=3)
        admin_user = ctx.actor.user_id
        for workspace, actor in ((ws, ctx.actor),
                                 (other.ws, other.ws.auth.users.by_username("admin").actor())):
            workspace.hazards.dispatch(actor, hid, {"department_id": dept,
                                                    "rectifier_id": admin_user,
                                                    "measures": "加装护罩",
                                                    "deadline": deadline})
        assert other.sync().ok
        with qtbot.waitSignal(window.sync.finished, timeout=20000) as got:
            window.sync.sync_now()
        assert got.args[0].conflicts == 1
        window.show_page("conflicts")
        page = window.current_page()
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
        assert "Dispatched" in page.model.index(0, 2).data()
        page.table.selectRow(0)
        page.settle_button.click()  # no note yet: refused with a message
        assert page.model.rowCount() == 1 and "first" in page.bar.text()
        page.note.setText("保留先派发的，另一条作废")
        page.settle_button.click()
        qtbot.waitUntil(lambda: page.model.rowCount() == 0)
        assert ws.hazards_repo.get(hid).conflicts == 0
        kinds = [e.kind for e in ws.hazards_repo.events(hid)]
        assert kinds[-1] == "conflict_resolved"
        with qtbot.waitSignal(window.sync.finished, timeout=20000):
            window.sync.sync_now()
        assert other.sync().ok  # the settlement reaches the other PC too
        assert other.ws.hazards_repo.get(hid).conflicts == 0
    finally:
        other.close()


def test_conflicts_page_on_a_pc_that_never_synced(qtbot, ctx):
    page = ConflictsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.empty.text() == "This PC is not enrolled for sync yet.")


def test_first_run_joins_an_existing_plant(qtbot, workspace, tmp_path, live_server,
                                           database_url):
    from PySide6.QtCore import Qt

    from desktop.dialogs.first_run import FirstRunDialog
    from tests.desktop.conftest import ADMIN_PASSWORD, PLANT_NAME

    site = new_site(database_url)
    dlg = FirstRunDialog(workspace)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.join_button, Qt.MouseButton.LeftButton)
    assert dlg.stack.currentIndex() == FirstRunDialog.JOIN
    dlg.join_url_edit.setText(live_server.url)
    dlg.join_code_edit.setText(code_for(database_url, site))
    # The site has no plant yet: enrolled, but there is nothing to log in to.
    qtbot.mouseClick(dlg.join_go_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.join_error.isVisible(), timeout=20000)
    assert "no plant" in dlg.join_error.text() and dlg.isVisible()
    first = PC(tmp_path, "first", live_server.url, code_for(database_url, site))
    try:
        first.ws.create_plant(PLANT_NAME, "A", "一厂区", "boss", "王磊", ADMIN_PASSWORD)
        assert first.sync().ok
    finally:
        first.close()
    # Already enrolled by the first attempt: the same button only downloads again.
    with qtbot.waitSignal(dlg.accepted, timeout=20000):
        qtbot.mouseClick(dlg.join_go_button, Qt.MouseButton.LeftButton)
    assert workspace.is_initialised() and workspace.plant_name == PLANT_NAME
    assert workspace.auth.login("boss", ADMIN_PASSWORD).username == "boss"
    assert "usual account" in dlg.login_hint and dlg.username == ""


def test_first_run_join_with_a_bad_code_stays_on_the_page(qtbot, workspace, live_server,
                                                          database_url):
    from desktop.dialogs.first_run import FirstRunDialog

    new_site(database_url)
    dlg = FirstRunDialog(workspace)
    qtbot.addWidget(dlg)
    dlg._go(FirstRunDialog.JOIN)
    dlg.join_go_button.click()  # nothing typed
    assert "both" in dlg.join_error.text()
    dlg.join_url_edit.setText(live_server.url)
    dlg.join_code_edit.setText("WRONG-CODE-XXXX")
    dlg.join_go_button.click()
    qtbot.waitUntil(lambda: t("sync.bad_code") in dlg.join_error.text(), timeout=20000)
    assert not workspace.is_initialised()
