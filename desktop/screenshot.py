"""Pictures of the UI without a display (QT_QPA_PLATFORM=offscreen): docs, reviews, CI checks.

The caller sets the platform before any QApplication exists; `render` builds what a user would
see (the main window logged in as an administrator, or one of the start-up dialogs) and saves it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QPoint, QRect, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QCloseEvent, QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from core import i18n
from core.auth import Actor, Role
from core.i18n import DomainError
from db.workspace import Workspace
from desktop import tasks
from desktop.app import setup_application
from desktop.context import AppContext
from desktop.dialogs.first_run import FirstRunDialog
from desktop.dialogs.login import LoginDialog
from desktop.main_window import MainWindow

DIALOGS = ("login", "first-run")
BACKDROP = QColor("#d5dae0")  # dialogs are drawn centred on this, at the requested size

i18n.register({
    "screenshot.no_admin": {
        "zh_CN": "数据文件夹中没有可用的管理员账号，请先创建工厂或加载演示工厂。",
        "en": "The data folder has no active administrator; create a plant or load the demo first.",
    },
    "screenshot.unknown_page": {
        "zh_CN": "没有名为“{page}”的页面。可用的页面：{pages}",
        "en": "There is no page called “{page}”. Pages: {pages}",
    },
})


def list_pages() -> list[str]:
    from desktop.pages import PAGES

    return [cls.page_id for cls in PAGES] + list(DIALOGS)


def first_admin(workspace: Workspace) -> Actor:
    for user in workspace.users_repo.list_users():
        if user.active and Role.ADMIN in user.roles:
            return user.actor()
    raise DomainError("screenshot.no_admin")


def _quiet_offscreen(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    # The offscreen platform cannot pass size hints on; saying so for every dialog is noise on
    # the command line. Anything else Qt says still reaches stderr.
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def render(workspace: Workspace, page_id: str, out_path: Path | str,
           size: tuple[int, int] = (1600, 1000), lang: str = "zh_CN") -> None:
    """Save a PNG of ``page_id`` (a page id, "login" or "first-run") at ``size`` pixels."""
    pages = list_pages()
    if page_id not in pages:
        raise DomainError("screenshot.unknown_page", page=page_id, pages=", ".join(pages))
    setup_application(lang)
    previous = qInstallMessageHandler(_quiet_offscreen)
    widget = _build(workspace, page_id, size)
    try:
        widget.show()
        _settle()
        picture = widget.grab()
        if page_id in DIALOGS:
            picture = _on_backdrop(picture, size)
        out = Path(out_path)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not picture.save(str(out), "PNG"):
            raise OSError(f"could not write {out}")
    finally:
        widget.close()
        widget.deleteLater()
        _settle()
        qInstallMessageHandler(previous)  # e.g. pytest-qt's, which fails tests on warnings


def _build(workspace: Workspace, page_id: str, size: tuple[int, int]) -> QWidget:
    if page_id == "login":
        return LoginDialog(workspace, username="admin")
    if page_id == "first-run":
        return FirstRunDialog(workspace)
    ctx = AppContext(workspace, first_admin(workspace), i18n.language())
    window = _ScreenshotWindow(ctx)
    window.resize(*size)  # wins over the geometry remembered in the user's settings
    window.show_page(page_id)
    return window


class _ScreenshotWindow(MainWindow):
    # Keeps the user's remembered window geometry untouched by a screenshot run.
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        event.accept()


def _settle() -> None:
    """Let layouts, lazy page construction and any background loads the page started finish."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()
        tasks.wait_all()
        app.processEvents()  # the queued callbacks of finished background work


def _on_backdrop(picture: QPixmap, size: tuple[int, int]) -> QPixmap:
    canvas = QPixmap(*size)
    canvas.fill(BACKDROP)
    painter = QPainter(canvas)
    logical = picture.deviceIndependentSize().toSize()
    top_left = QPoint(max(0, (size[0] - logical.width()) // 2),
                      max(0, (size[1] - logical.height()) // 2))
    painter.fillRect(QRect(top_left + QPoint(2, 3), logical), QColor(0, 0, 0, 40))  # soft shadow
    painter.drawPixmap(top_left, picture)
    painter.end()
    return canvas
