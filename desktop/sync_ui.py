"""Sync in the app (F13): the Sync menu, the enrol dialog, background rounds, the status label.

Rounds run on the "io" lane (never the UI thread): every few minutes on a timer, and shortly
after local changes while the server was reachable last time. A round that fails leaves the
changes in the outbox; the status label says what is pending and what the problem is.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.i18n import DomainError
from db.sync.client import SyncClient, default_device_name
from desktop.dialogs.feedback import MessageBar
from desktop.tasks import Op

ROUND_INTERVAL_MS = 5 * 60 * 1000  # background rounds while the app is open
AFTER_CHANGE_MS = 15 * 1000  # a change is sent this long after the last edit (edits coalesce)


class EnrolDialog(QDialog):
    """Server address + one-time code from IT; enrolment runs in the background."""

    enrolled = Signal(dict)

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Enrol this PC with the sync server"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Enter the server address and the one-time enrolment code you "
                               "got from IT. This PC keeps working offline; it syncs whenever "
                               "the server can be reached."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.bar = MessageBar(self)
        layout.addWidget(self.bar)
        form = QFormLayout()
        self.url = QLineEdit(controller.client.url or "")
        self.url.setPlaceholderText("https://sync.example.com")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-JKLM")
        self.name = QLineEdit()
        self.name.setPlaceholderText(default_device_name(controller.ctx.workspace.data_dir))
        self.name.setToolTip(self.tr("How IT sees this PC in the server's device list; "
                                     "optional."))
        form.addRow(self.tr("Server address"), self.url)
        form.addRow(self.tr("Enrolment code"), self.code)
        form.addRow(self.tr("This PC's name"), self.name)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enrol"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        name = self.name.text().strip() or None
        if not url or not code:
            self.bar.show_message(self.tr("Enter both the server address and the code."),
                                  "warning")
            return
        self.buttons.setEnabled(False)
        self.bar.show_message(self.tr("Contacting the server…"), "info")
        client = self.controller.client
        Op(self, lambda _p: client.enrol(url, code, name), lane="io") \
            .success(self._done).failure(self._failed).run()

    def _done(self, result: dict) -> None:
        self.buttons.setEnabled(True)
        self.enrolled.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, DomainError):
            self.bar.show_message(exc.message(), "error")
        else:
            self.bar.show_failure(exc)
        self.adjustSize()  # a refusal can run to several lines: show all of it


class SyncController(QObject):
    """Owns the client, the timers, the menu actions and the status label of one window."""

    finished = Signal(object)  # the round's Summary (tests wait on this)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx  # type: ignore[attr-defined]
        self.client = SyncClient(self.ctx.workspace)
        self.running = False
        self.reachable = True
        self._notifying = False
        self.closed = False
        self.status: dict[str, Any] = {}
        self.label = QLabel()
        self.label.setObjectName("syncStatus")
        window.statusBar().addPermanentWidget(self.label)
        self._build_menu()
        self.timer = QTimer(self)
        self.timer.setInterval(ROUND_INTERVAL_MS)
        self.timer.timeout.connect(self.sync_now)
        self.timer.start()
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(AFTER_CHANGE_MS)
        self.soon.timeout.connect(self.sync_now)
        self.ctx.data_changed.connect(self._changed)
        window.installEventFilter(self)
        self.refresh_status()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window and event.type() == QEvent.Type.Close:
            # No more rounds once the window is closing: its workspace is about to close.
            self.closed = True
            self.timer.stop()
            self.soon.stop()
        return False

    def _build_menu(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("S&ync"))
        self.sync_action = menu.addAction(self.tr("Sync now"), self.sync_now)
        self.enrol_action = menu.addAction(self.tr("Enrol this PC…"), self.open_enrol)
        # Enrolling points the whole PC at a server: an administrator's decision.
        self.enrol_action.setEnabled(self.ctx.can(Permission.MANAGE_USERS))
        menu.addSeparator()
        self.conflicts_action = menu.addAction(self.tr("Sync conflicts"), self.show_conflicts)
        self.conflicts_action.setEnabled(self.ctx.can(Permission.RESOLVE_CONFLICT))
        self.menu = menu
        menus = getattr(self.window, "menus", None)
        if isinstance(menus, dict):
            menus["sync"] = menu

    # -- actions ---------------------------------------------------------------------------
    def open_enrol(self) -> EnrolDialog:
        dialog = EnrolDialog(self, self.window)
        dialog.enrolled.connect(lambda _r: self.sync_now())
        dialog.open()
        return dialog

    def show_conflicts(self) -> None:
        show = getattr(self.window, "show_page", None)
        if show is not None:
            show("conflicts")

    def _changed(self, entity: str, _ids: list) -> None:
        if self.closed or self._notifying or entity.startswith("sync"):
            return
        if self.client.enrolled and self.reachable:
            self.soon.start()

    def sync_now(self) -> None:
        if self.closed:
            return
        if self.running or not self.client.enrolled:
            if not self.client.enrolled:
                self.refresh_status()
            return
        self.running = True
        self.label.setText(self.tr("Syncing…"))
        client = self.client

        def work(_progress: object) -> tuple[Any, dict]:
            summary = client.sync()
            return summary, client.status()

        Op(self.window, work, lane="io").success(self._done).failure(self._failed).run()

    def _done(self, result: tuple[Any, dict]) -> None:
        summary, status = result
        self.running = False
        if not shiboken6.isValid(self.label):
            return
        self.reachable = not any(e["code"] == "unreachable" for e in summary.errors)
        self.status = status
        self._show(status)
        if summary.notices:  # e.g. changes re-stamped after the clock was corrected
            notice = " ".join(summary.notices)
            self.window.statusBar().showMessage(notice, 30000)
            self.label.setToolTip(notice)
        # Pages refresh what arrived; these notices are not local changes to send back.
        self._notifying = True
        try:
            for entity in sorted(summary.touched):
                self.ctx.notify(entity)
            if summary.conflicts:
                self.ctx.notify("sync_conflict")
        finally:
            self._notifying = False
        self.finished.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if not shiboken6.isValid(self.label):
            return
        self.label.setText(self.tr("Sync problem: {error}").replace("{error}", str(exc)))
        self.finished.emit(None)

    def refresh_status(self) -> None:
        client = self.client
        if not client.enrolled:  # two small reads: no need for a worker
            self._show({"enrolled": False})
            return
        Op(self.window, lambda _p: client.status(), lane="io").success(self._show).run()

    def _show(self, status: dict) -> None:
        if not shiboken6.isValid(self.label):  # the window closed while a round ran
            return
        self.status = status
        if not status.get("enrolled"):
            self.label.setText(self.tr("Sync: not set up"))
            self.label.setToolTip(self.tr("Sync ▸ Enrol this PC… connects it to the central "
                                          "store."))
            return
        last = (status.get("last_sync") or "").replace("T", " ")[:16] or self.tr("never")
        text = self.tr("Synced {time} · {pending} pending").replace("{time}", last) \
            .replace("{pending}", str(status.get("pending", 0)))
        if status.get("conflicts"):
            text += self.tr(" · {n} conflicts").replace("{n}", str(status["conflicts"]))
        problem = status.get("problem")
        if problem:
            text = self.tr("Sync problem · {pending} pending").replace(
                "{pending}", str(status.get("pending", 0)))
        self.label.setText(text)
        self.label.setToolTip(problem or (status.get("server") or ""))


def attach_sync(window: QMainWindow) -> SyncController:
    return SyncController(window)
