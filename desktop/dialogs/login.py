"""The login dialog: user name and password, checked off the UI thread (Argon2 takes a moment)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.auth import Actor
from core.i18n import DomainError
from db.workspace import Workspace
from desktop.errors import show_error
from desktop.tasks import Op

ERROR_STYLE = "color: #b3261e;"
LINK_STYLE = ("QPushButton { color: #1B4F86; text-decoration: underline; border: none;"
              " padding: 4px 0; }")
HINT_STYLE = "background: #eef4fb; border: 1px solid #cfdff0; border-radius: 4px; padding: 8px;"


class LoginDialog(QDialog):
    def __init__(self, workspace: Workspace, username: str = "", hint: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.actor: Actor | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Log in — SafeDesk"))
        self.setMinimumWidth(420)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        plant = QLabel(workspace.plant_name or "安全台 SafeDesk")
        font = QFont(plant.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        plant.setFont(font)
        plant.setWordWrap(True)
        layout.addWidget(plant)
        subtitle = QLabel(self.tr("Please log in to continue."))
        subtitle.setStyleSheet("color: #5f6b78;")
        layout.addWidget(subtitle)
        if hint:
            self.hint_label = QLabel(hint)
            self.hint_label.setWordWrap(True)
            self.hint_label.setStyleSheet(HINT_STYLE)
            self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.hint_label)
        layout.addSpacing(6)

        form = QFormLayout()
        form.setSpacing(10)
        self.username_edit = QLineEdit(username)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addSpacing(6)

        buttons = QHBoxLayout()
        # 随手拍 at a shared PC: anyone reports a hazard by their employee number, no password.
        self.report_button = QPushButton(self.tr("Report a hazard without logging in"))
        self.report_button.setObjectName("reportWithoutLogin")
        self.report_button.setFlat(True)
        self.report_button.setAutoDefault(False)
        self.report_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.report_button.setStyleSheet(LINK_STYLE)
        self.report_button.clicked.connect(self.report_hazard)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setDefault(True)  # Enter in either field logs in
        self.login_button.clicked.connect(self.submit)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.login_button)
        layout.addLayout(buttons)

        (self.password_edit if username else self.username_edit).setFocus()

    def report_hazard(self) -> None:
        from desktop.dialogs.report_dialog import open_report_dialog

        open_report_dialog(self.workspace, self)

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def submit(self) -> None:
        if self._busy:
            return
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username:
            self._show_error(self.tr("Please enter your user name."), self.username_edit)
            return
        if not password:
            self._show_error(self.tr("Please enter your password."), self.password_edit)
            return
        self._set_busy(True)
        auth = self.workspace.auth
        (Op(self, lambda _progress: auth.login(username, password), lane="db")
         .success(self._logged_in).failure(self._failed).run())

    def reject(self) -> None:
        # A login in flight finishes in well under a second; closing midway would leave its
        # result with nowhere to go.
        if not self._busy:
            super().reject()

    def _logged_in(self, actor: Actor) -> None:
        self._set_busy(False)
        self.actor = actor
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        if isinstance(exc, DomainError):
            self._show_error(exc.message(), self.password_edit)
        else:
            show_error(self, exc)

    def _show_error(self, text: str, focus: QLineEdit) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        focus.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.username_edit, self.password_edit, self.login_button,
                       self.cancel_button, self.report_button):
            widget.setEnabled(not busy)
        self.login_button.setText(self.tr("Checking…") if busy else self.tr("Log in"))
        if busy:
            self.error_label.hide()
