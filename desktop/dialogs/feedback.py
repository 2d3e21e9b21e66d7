"""Calm, non-blocking feedback shared by pages and dialogs: a message bar and a confirm box.

Known problems (a department still in use, a duplicate code) are shown inline where the clerk is
looking instead of in a modal box, and questions use ``QMessageBox.open()`` rather than
``exec()``: the event loop keeps running, background work keeps reporting back, and tests can
click the buttons like a user would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QToolButton,
    QWidget,
)

from core.i18n import DomainError
from desktop.errors import show_error

_STYLES = {
    "info": ("#EAF3FC", "#B9D5F3", "#1B4F86"),
    "success": ("#EAF7EE", "#B5DFC1", "#1E6B35"),
    "warning": ("#FFF6E6", "#F2CF92", "#7A4B00"),
    "error": ("#FDEDEC", "#F2B8B2", "#8E1F14"),
}


class MessageBar(QFrame):
    """A one-line banner above a page's content; hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        # Success notes fade away by themselves; problems stay until closed or replaced.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        background, border, colour = _STYLES.get(kind, _STYLES["info"])
        self.kind = kind
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} #messageBar QLabel {{ color: {colour}; }}"
        )
        self.label.setText(text)
        self.show()
        if kind == "success":
            self._timer.start(8000)
        else:
            self._timer.stop()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def show_failure(self, exc: BaseException) -> None:
        """A known problem goes in the bar; anything else is a bug and gets the crash dialog."""
        if isinstance(exc, DomainError):
            self.show_message(exc.message(), "error")
        else:
            show_error(self.window(), exc)


def confirm(parent: QWidget, title: str, text: str, yes_text: str,
            on_yes: Callable[[], None]) -> QMessageBox:
    """Ask before a destructive action without blocking; ``on_yes`` runs only on consent."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirmButton")
    cancel = box.addButton(
        QCoreApplication.translate("Feedback", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    # Cancel is the default: Enter pressed by habit must not delete anything.
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)

    def clicked(button: object) -> None:
        if button is yes:
            on_yes()

    box.buttonClicked.connect(clicked)
    box.open()
    return box


def error_label(parent: QWidget | None = None) -> QLabel:
    """The inline error line of a dialog: red text, hidden until a save is refused."""
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setStyleSheet(
        "#errorLabel { color: #8E1F14; background: #FDEDEC; border: 1px solid #F2B8B2;"
        " border-radius: 4px; padding: 6px 8px; }"
    )
    label.hide()
    return label


def guard(owner: QObject, fn: Callable[..., Any]) -> Callable[..., None]:
    """An Op callback that is skipped when ``owner`` was closed and deleted meanwhile (the
    clerk may close a dialog while its work is still running)."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            fn(*args)

    return call
