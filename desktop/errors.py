"""Errors shown to the user: known problems as a message, unexpected ones as a crash dialog."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from core.i18n import DomainError

log = logging.getLogger("safedesk")
_log_path = ""


def set_log_path(path: str) -> None:
    global _log_path
    _log_path = path


def show_error(parent: QWidget | None, exc: BaseException, tb: str | None = None) -> None:
    if isinstance(exc, DomainError):
        QMessageBox.warning(parent, QCoreApplication.translate("errors", "SafeDesk"), exc.message())
        return
    show_crash(parent, exc, tb)


def show_crash(parent: QWidget | None, exc: BaseException, tb: str | None = None) -> None:
    text = tb or "".join(traceback.format_exception(exc))
    log.error("unexpected error\n%s", text)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("errors", "SafeDesk — unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "errors",
            "Something went wrong. Your saved data is safe.\n"
            "Please send the log file to your IT contact:\n{path}",
        ).replace("{path}", _log_path)
    )
    box.setDetailedText(text)
    box.exec()
