"""The shell: first run, login, main window, screenshots and translations (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLineEdit, QMessageBox, QVBoxLayout, QWidget

import desktop.pages
from core.auth import MAX_FAILURES, Actor, Permission, Role
from core.i18n import DomainError
from db.workspace import Workspace
from desktop import screenshot
from desktop.context import AppContext
from desktop.dialogs.first_run import FirstRunDialog
from desktop.dialogs.login import LoginDialog
from desktop.main_window import MainWindow
from desktop.pages.base import Page
from desktop.settings import LANGUAGE, LAST_USERNAME, WINDOW_GEOMETRY, Settings
from tests.desktop.conftest import ADMIN_PASSWORD, ADMIN_USERNAME, PLANT_NAME

# -- tiny pages standing in for the real ones -----------------------------------------------


class _TestPage(Page):
    created: list[str] = []

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search = QLineEdit()
        self.searched = 0
        QVBoxLayout(self).addWidget(self.search)
        _TestPage.created.append(self.page_id)

    @classmethod
    def title(cls) -> str:
        return cls.page_id.title()

    def focus_search(self) -> None:
        self.searched += 1
        self.search.setFocus()


class OpenPage(_TestPage):
    page_id = "open"


class PeoplePage(_TestPage):
    page_id = "people"
    required_permission = Permission.VIEW_PEOPLE


class UsersPage(_TestPage):
    page_id = "users"
    required_permission = Permission.MANAGE_USERS


TEST_PAGES = [OpenPage, PeoplePage, UsersPage]


@pytest.fixture(autouse=True)
def _fresh_pages() -> None:
    _TestPage.created = []


def _clerk(workspace: Workspace, admin: Actor) -> Actor:
    workspace.auth.create_user(admin, "clerk", "李娜", [Role.SAFETY_CLERK], "password-123")
    user = workspace.users_repo.by_username("clerk")
    assert user is not None
    return user.actor()


def _window(qtbot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx, pages=TEST_PAGES, settings=Settings())
    qtbot.addWidget(window)
    return window


# -- first run ------------------------------------------------------------------------------


def _fill_create_form(dlg: FirstRunDialog, password: str, repeat: str) -> None:
    dlg.plant_edit.setText(PLANT_NAME)
    dlg.site_code_edit.setText("A")
    dlg.site_name_edit.setText("一厂区")
    dlg.admin_edit.setText("boss")
    dlg.display_edit.setText("王磊")
    dlg.password_edit.setText(password)
    dlg.repeat_edit.setText(repeat)


def test_first_run_creates_the_plant_and_its_administrator(qtbot, workspace: Workspace) -> None:
    dlg = FirstRunDialog(workspace)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    assert dlg.stack.currentIndex() == FirstRunDialog.CREATE
    _fill_create_form(dlg, "s3cret-pass", "s3cret-pass")
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        qtbot.mouseClick(dlg.create_plant_button, Qt.MouseButton.LeftButton)
    assert workspace.is_initialised()
    assert workspace.plant_name == PLANT_NAME
    assert dlg.username == "boss"
    user = workspace.users_repo.by_username("boss")
    assert user is not None and Role.ADMIN in user.roles and user.display_name == "王磊"
    assert [s["code"] for s in workspace.structure_repo.list("site")] == ["A"]


def test_first_run_password_mismatch_says_so_and_creates_nothing(
        qtbot, workspace: Workspace, ui_language) -> None:
    ui_language("zh_CN")
    dlg = FirstRunDialog(workspace)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    _fill_create_form(dlg, "s3cret-pass", "s3cret-typo")
    qtbot.mouseClick(dlg.create_plant_button, Qt.MouseButton.LeftButton)
    assert dlg.create_error.isVisible()
    assert "两次输入的密码不一致" in dlg.create_error.text()
    assert dlg.isVisible() and dlg.stack.currentIndex() == FirstRunDialog.CREATE
    assert not workspace.is_initialised()
    assert workspace.users_repo.list_users() == []
    assert workspace.plant_name == ""


def test_first_run_names_a_missing_field_in_the_users_language(
        qtbot, workspace: Workspace, ui_language) -> None:
    ui_language("zh_CN")
    dlg = FirstRunDialog(workspace)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    _fill_create_form(dlg, "s3cret-pass", "s3cret-pass")
    dlg.site_name_edit.clear()
    qtbot.mouseClick(dlg.create_plant_button, Qt.MouseButton.LeftButton)
    assert dlg.create_error.text() == "请填写“厂区名称”。"
    assert not workspace.is_initialised()


def test_first_run_demo_plant_shows_the_demo_login(qtbot, workspace: Workspace) -> None:
    dlg = FirstRunDialog(workspace)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.stack.currentIndex() == FirstRunDialog.DEMO_READY, timeout=30000)
    assert workspace.is_initialised()
    assert dlg.demo_user_label.text() == "admin"
    assert dlg.demo_password_label.text() == "safedesk-demo"
    assert dlg.username == "admin" and "safedesk-demo" in dlg.login_hint


# -- login ----------------------------------------------------------------------------------


def test_login_wrong_password_shows_the_error_then_the_right_one_logs_in(
        qtbot, workspace: Workspace, admin: Actor) -> None:
    dlg = LoginDialog(workspace, username=ADMIN_USERNAME)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.password_edit, "not-the-password")
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.error_text() != "", timeout=10000)
    assert dlg.error_text() == DomainError("auth.bad_credentials").message()
    assert dlg.isVisible() and dlg.actor is None
    assert dlg.password_edit.text() == ""  # ready for another try

    qtbot.keyClicks(dlg.password_edit, ADMIN_PASSWORD)
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        qtbot.keyClick(dlg.password_edit, Qt.Key.Key_Return)
    assert dlg.actor is not None
    assert dlg.actor.username == ADMIN_USERNAME and dlg.actor.user_id == admin.user_id


def test_login_lockout_is_explained(qtbot, workspace: Workspace, admin: Actor) -> None:
    dlg = LoginDialog(workspace, username=ADMIN_USERNAME)
    qtbot.addWidget(dlg)
    dlg.show()
    for attempt in range(MAX_FAILURES):
        dlg.password_edit.setText(f"wrong-{attempt}")
        dlg.submit()
        qtbot.waitUntil(lambda: dlg.login_button.isEnabled(), timeout=10000)
    assert dlg.error_text() == DomainError("auth.locked", minutes=15).message()
    assert dlg.actor is None


def test_login_asks_for_a_user_name_first(qtbot, workspace: Workspace, admin: Actor) -> None:
    dlg = LoginDialog(workspace)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.password_edit.setText("whatever")
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    assert dlg.error_text() == "Please enter your user name."


# -- main window ----------------------------------------------------------------------------


def test_main_window_shows_only_permitted_pages(
        qtbot, workspace: Workspace, admin: Actor) -> None:
    clerk = _clerk(workspace, admin)
    window = _window(qtbot, AppContext(workspace, clerk))
    assert window.page_ids() == ["open", "people"]
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == ["Open", "People"]
    assert window.show_page("users") is False

    admin_window = _window(qtbot, AppContext(workspace, admin))
    assert admin_window.page_ids() == ["open", "people", "users"]


def test_pages_are_built_lazily_and_ctrl_number_switches(qtbot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert _TestPage.created == ["open"]
    assert window.header.text() == "Open"

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert page is not None and page.page_id == "people"
    assert window.header.text() == "People"
    assert _TestPage.created == ["open", "people"]

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page, _TestPage) and page.searched == 1

    assert window.show_page("users")
    assert window.current_page().page_id == "users"


def test_status_bar_and_title_name_the_user_and_plant(qtbot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    assert "王磊" in window.user_label.text()
    assert PLANT_NAME in window.plant_label.text()
    assert str(ctx.workspace.data_dir) in window.folder_label.text()
    assert window.windowTitle() == f"安全台 SafeDesk — {PLANT_NAME}"


def test_window_geometry_is_remembered(qtbot, ctx: AppContext) -> None:
    fresh = _window(qtbot, ctx)
    assert (fresh.width(), fresh.height()) == (1280, 800)  # nothing remembered yet
    window = _window(qtbot, ctx)
    window.show()
    window.resize(950, 640)
    window.close()
    assert not Settings().get(WINDOW_GEOMETRY).isEmpty()
    again = _window(qtbot, ctx)
    # restoreGeometry fits the window to the screen, and the offscreen screen is only 800x600
    # (below the window's minimum), so only the restore itself can be seen here.
    assert (again.width(), again.height()) != (1280, 800)


def test_choosing_a_language_saves_it_for_the_next_start(
        qtbot, ctx: AppContext, monkeypatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: told.append(text))
    window = _window(qtbot, ctx)
    window.language_actions["en"].trigger()
    assert Settings().get(LANGUAGE) == "en"
    assert len(told) == 1


def test_settings_fall_back_to_defaults(settings_file: Path) -> None:
    settings = Settings()
    assert settings.get(LANGUAGE) == "zh_CN"
    assert settings.get(LAST_USERNAME) == ""
    settings.q.setValue(LANGUAGE.name, "klingon")
    assert settings.get(LANGUAGE) == "zh_CN"
    settings.set(LAST_USERNAME, "clerk")
    assert Settings().get(LAST_USERNAME) == "clerk"
    assert settings_file.exists()


# -- screenshots ----------------------------------------------------------------------------


@pytest.mark.parametrize("page_id", ["people", "login", "first-run"])
def test_screenshot_writes_a_png_of_the_requested_size(
        workspace: Workspace, admin: Actor, tmp_path: Path, monkeypatch, ui_language,
        page_id: str) -> None:
    monkeypatch.setattr(desktop.pages, "PAGES", TEST_PAGES, raising=False)
    assert screenshot.list_pages() == ["open", "people", "users", "login", "first-run"]
    out = tmp_path / "shots" / f"{page_id}.png"
    screenshot.render(workspace, page_id, out, size=(1024, 700))
    assert out.stat().st_size > 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)


def test_screenshot_refuses_an_unknown_page(workspace: Workspace, admin: Actor, monkeypatch,
                                            tmp_path: Path) -> None:
    monkeypatch.setattr(desktop.pages, "PAGES", TEST_PAGES, raising=False)
    with pytest.raises(DomainError) as info:
        screenshot.render(workspace, "nope", tmp_path / "x.png")
    assert "people" in info.value.message()


# -- translations ---------------------------------------------------------------------------


def test_chinese_is_the_default_and_english_has_no_translator(
        qtbot, ctx: AppContext, ui_language) -> None:
    ui_language("zh_CN")
    window = _window(qtbot, ctx)
    assert window.menus["file"].title() == "文件(&F)"
    assert window.menus["help"].title() == "帮助(&H)"
    # Qt's own strings (standard buttons, context menus) come from qtbase_zh_CN.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    # The shell's helpers outside widgets: the crash dialog and the progress dialog.
    assert QCoreApplication.translate("errors", "SafeDesk — unexpected error") == "安全台 — 意外错误"
    assert QCoreApplication.translate("Op", "Cancel") == "取消"
    assert DomainError("auth.bad_credentials").message() == "用户名或密码错误。"

    ui_language("en")
    english = _window(qtbot, ctx)
    assert english.menus["file"].title() == "&File"
    assert DomainError("auth.bad_credentials").message() == "Wrong user name or password."
