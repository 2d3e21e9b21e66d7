"""First run on an empty data folder: create the real plant, open the demo plant to explore, or
join a plant that other PCs already keep on a sync server (enrol + download everything)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.auth import MIN_PASSWORD_LENGTH, Actor
from core.i18n import DomainError
from db.workspace import Workspace
from desktop.errors import show_error
from desktop.tasks import Op, Progress

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #5f6b78;"


class FirstRunDialog(QDialog):
    """Accepted once the plant exists; then ``username`` and ``login_hint`` prepare the login."""

    CHOICE, CREATE, DEMO_READY, JOIN = range(4)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.username = ""
        self.login_hint = ""
        self.actor: Actor | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Welcome to SafeDesk"))
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        self.title_label = QLabel()
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(NOTE_STYLE)
        layout.addWidget(self.note_label)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._choice_page())
        self.stack.addWidget(self._create_page())
        self.stack.addWidget(self._demo_ready_page())
        self.stack.addWidget(self._join_page())
        layout.addWidget(self.stack, 1)
        self._go(self.CHOICE)

    # -- pages ---------------------------------------------------------------------------
    def _choice_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        self.create_button = QCommandLinkButton(
            self.tr("Create a new plant"),
            self.tr("Start with an empty plant: give it a name, its first site and the "
                    "administrator account."))
        self.create_button.clicked.connect(lambda: self._go(self.CREATE))
        self.demo_button = QCommandLinkButton(
            self.tr("Open the demo plant"),
            self.tr("Try SafeDesk on a made-up plant with sample people, areas and users. "
                    "Keep your real plant in a separate data folder."))
        self.demo_button.clicked.connect(self.load_demo)
        self.join_button = QCommandLinkButton(
            self.tr("Join an existing plant (download from the sync server)"),
            self.tr("For a second PC of a plant that already syncs: enter the server address "
                    "and an enrolment code from IT; everything, users included, is "
                    "downloaded."))
        self.join_button.clicked.connect(lambda: self._go(self.JOIN))
        box.addWidget(self.create_button)
        box.addWidget(self.join_button)
        box.addWidget(self.demo_button)
        self.choice_error = _error_label()
        box.addWidget(self.choice_error)
        box.addStretch(1)
        quit_button = QPushButton(self.tr("Quit"))
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        box.addLayout(_button_row(quit_button))
        return page

    def _create_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        form = QFormLayout()
        form.setSpacing(10)
        self.plant_edit = QLineEdit()
        self.site_code_edit = QLineEdit()
        self.site_code_edit.setPlaceholderText(self.tr("for example A1"))
        self.site_name_edit = QLineEdit()
        self.site_name_edit.setPlaceholderText(self.tr("for example Main site"))
        self.admin_edit = QLineEdit("admin")
        self.display_edit = QLineEdit()
        self.display_edit.setPlaceholderText(self.tr("the name shown in the window, optional"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            self.tr("at least {n} characters").replace("{n}", str(MIN_PASSWORD_LENGTH)))
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        # (field, label) in form order; the labels also name the field in "please fill in".
        self._required = [
            (self.plant_edit, self.tr("Plant name")),
            (self.site_code_edit, self.tr("Site code")),
            (self.site_name_edit, self.tr("Site name")),
            (self.admin_edit, self.tr("Administrator user name")),
            (self.password_edit, self.tr("Password")),
            (self.repeat_edit, self.tr("Repeat password")),
        ]
        for edit, label in self._required[:4]:
            form.addRow(label, edit)
        form.addRow(self.tr("Display name"), self.display_edit)
        for edit, label in self._required[4:]:
            form.addRow(label, edit)
        box.addLayout(form)
        self.create_error = _error_label()
        box.addWidget(self.create_error)
        box.addStretch(1)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(lambda: self._go(self.CHOICE))
        self.create_plant_button = QPushButton(self.tr("Create plant"))
        self.create_plant_button.setDefault(True)
        self.create_plant_button.clicked.connect(self.create_plant)
        box.addLayout(_button_row(self.back_button, self.create_plant_button))
        return page

    def _demo_ready_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        self.demo_user_label = _selectable_label()
        self.demo_password_label = _selectable_label()
        grid.addWidget(QLabel(self.tr("User name")), 0, 0)
        grid.addWidget(self.demo_user_label, 0, 1)
        grid.addWidget(QLabel(self.tr("Password")), 1, 0)
        grid.addWidget(self.demo_password_label, 1, 1)
        grid.setColumnStretch(1, 1)
        box.addLayout(grid)
        others = QLabel(self.tr("Other demo accounts, such as “clerk” (a safety clerk), "
                                "use the same password."))
        others.setWordWrap(True)
        others.setStyleSheet(NOTE_STYLE)
        box.addWidget(others)
        box.addStretch(1)
        go = QPushButton(self.tr("Continue to log in"))
        go.setDefault(True)
        go.clicked.connect(self.accept)
        box.addLayout(_button_row(go))
        return page

    def _join_page(self) -> QWidget:
        from db.sync.client import default_device_name  # late: only this page needs sync

        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 8, 0, 0)
        form = QFormLayout()
        form.setSpacing(10)
        self.join_url_edit = QLineEdit()
        self.join_url_edit.setPlaceholderText("https://sync.example.com")
        self.join_code_edit = QLineEdit()
        self.join_code_edit.setPlaceholderText("ABCD-EFGH-JKLM")
        self.join_name_edit = QLineEdit()
        self.join_name_edit.setPlaceholderText(default_device_name(self.workspace.data_dir))
        form.addRow(self.tr("Server address"), self.join_url_edit)
        form.addRow(self.tr("Enrolment code"), self.join_code_edit)
        form.addRow(self.tr("This PC's name"), self.join_name_edit)
        box.addLayout(form)
        self.join_error = _error_label()
        box.addWidget(self.join_error)
        box.addStretch(1)
        back = QPushButton(self.tr("Back"))
        back.setAutoDefault(False)
        back.clicked.connect(lambda: self._go(self.CHOICE))
        self.join_go_button = QPushButton(self.tr("Join and download"))
        self.join_go_button.setDefault(True)
        self.join_go_button.clicked.connect(self.join_plant)
        box.addLayout(_button_row(back, self.join_go_button))
        return page

    def _go(self, index: int) -> None:
        titles = {
            self.CHOICE: (self.tr("Welcome to SafeDesk"),
                          self.tr("This data folder is empty. How would you like to start?")),
            self.CREATE: (self.tr("Create a new plant"),
                          self.tr("You can add more sites, buildings and departments later. "
                                  "Keep the administrator password somewhere safe.")),
            self.DEMO_READY: (self.tr("The demo plant is ready"),
                              self.tr("Log in with this account:")),
            self.JOIN: (self.tr("Join an existing plant"),
                        self.tr("This PC enrols with the sync server and downloads the plant, "
                                "its users included. Then log in with your usual account.")),
        }
        title, note = titles[index]
        self.title_label.setText(title)
        self.note_label.setText(note)
        self.stack.setCurrentIndex(index)
        if index == self.CREATE:
            self.plant_edit.setFocus()
        elif index == self.JOIN:
            self.join_url_edit.setFocus()

    # -- create a plant ------------------------------------------------------------------
    def create_plant(self) -> None:
        if self._busy:
            return
        for edit, label in self._required:
            if not edit.text().strip():
                self._create_problem(DomainError("plant.required", field=label).message(), edit)
                return
        password = self.password_edit.text()
        if len(password) < MIN_PASSWORD_LENGTH:
            self._create_problem(
                DomainError("auth.password_short", n=MIN_PASSWORD_LENGTH).message(),
                self.password_edit)
            return
        if password != self.repeat_edit.text():
            self.repeat_edit.clear()
            self._create_problem(self.tr("The two passwords are different. "
                                         "Please type the password again."), self.repeat_edit)
            return
        values = (self.plant_edit.text().strip(), self.site_code_edit.text().strip(),
                  self.site_name_edit.text().strip(), self.admin_edit.text().strip(),
                  self.display_edit.text().strip(), password)
        workspace = self.workspace
        self._set_busy(True)
        self.create_plant_button.setText(self.tr("Creating…"))
        self.create_error.hide()
        (Op(self, lambda _progress: workspace.create_plant(*values), lane="db")
         .success(self._created).failure(self._create_failed).run())

    def _created(self, actor: Actor) -> None:
        self._set_busy(False)
        self.actor = actor
        self.username = actor.username
        self.accept()

    def _create_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.create_plant_button.setText(self.tr("Create plant"))
        if isinstance(exc, DomainError):
            self._create_problem(exc.message(), None)
        else:
            show_error(self, exc)

    def _create_problem(self, text: str, focus: QLineEdit | None) -> None:
        self.create_error.setText(text)
        self.create_error.show()
        if focus is not None:
            focus.setFocus()

    # -- join a plant from the sync server -----------------------------------------------
    def join_plant(self) -> None:
        """Enrol this (empty) data folder, then a first sync downloads the plant. A folder
        already enrolled by an earlier attempt whose download failed only syncs again."""
        if self._busy:
            return
        from db.sync.client import SyncClient  # late: only this page needs sync

        url = self.join_url_edit.text().strip()
        code = self.join_code_edit.text().strip()
        name = self.join_name_edit.text().strip() or None
        client = SyncClient(self.workspace)
        retry = client.enrolled and not code
        if not retry and (not url or not code):
            self._join_problem(self.tr("Enter both the server address and the code."))
            return
        steps = {"enrol": self.tr("Enrolling this PC…"),
                 "download": self.tr("Downloading the plant…")}

        def work(progress: Progress) -> dict[str, Any]:
            try:
                if not retry:
                    progress.set(0, 0, steps["enrol"])
                    client.enrol(url, code, name)
                progress.set(0, 0, steps["download"])
                summary = client.sync(progress=lambda done, total: progress.set(
                    done, total, steps["download"]))
                return {"errors": summary.errors, "pulled": summary.pulled}
            finally:
                client.close()

        self._set_busy(True)
        self.join_error.hide()
        (Op(self, work, lane="io")
         .with_progress(self.tr("Joining the plant…"), cancellable=False)
         .success(self._joined).failure(self._join_failed).run())

    def _joined(self, result: dict[str, Any]) -> None:
        self._set_busy(False)
        # Enrolled now (the code is spent): the same button only downloads again.
        self.join_code_edit.clear()
        if result["errors"]:
            self._join_problem(self.tr("This PC is enrolled, but the download failed: "
                                       "{error} Press “Join and download” to try again.")
                               .replace("{error}", result["errors"][0]["message"]))
            return
        if not self.workspace.is_initialised():
            self._join_problem(self.tr("The server holds no plant for this site yet. Create "
                                       "the plant on the site's first PC and sync it there "
                                       "first, or choose “Create a new plant” here if this is "
                                       "the first PC."))
            return
        self.username = ""
        self.login_hint = self.tr("The plant was downloaded from the sync server: log in with "
                                  "your usual account.")
        self.accept()

    def _join_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DomainError):
            self._join_problem(exc.message())
        else:
            show_error(self, exc)

    def _join_problem(self, text: str) -> None:
        self.join_error.setText(text)
        self.join_error.show()

    # -- the demo plant ------------------------------------------------------------------
    def load_demo(self) -> None:
        if self._busy:
            return
        from db.demo_loader import load_demo  # late: the demo generator is only needed here

        # Translated here, on the UI thread; the worker only looks texts up.
        steps = {
            "structure": self.tr("Creating sites, buildings and departments…"),
            "people": self.tr("Adding people…"),
            "users": self.tr("Creating the demo accounts…"),
            "done": self.tr("Finishing…"),
        }
        workspace = self.workspace

        def work(progress: Progress) -> dict[str, str]:
            return load_demo(workspace, progress=lambda done, total, step: progress.set(
                done, total, steps.get(step, "")))

        self._set_busy(True)
        self.choice_error.hide()
        (Op(self, work, lane="db")
         .with_progress(self.tr("Loading the demo plant…"))
         .success(self._demo_loaded).failure(self._demo_failed).cancelled(self._demo_cancelled)
         .run())

    def _demo_loaded(self, login: dict[str, Any]) -> None:
        self._set_busy(False)
        self.username = str(login["username"])
        password = str(login["password"])
        self.demo_user_label.setText(self.username)
        self.demo_password_label.setText(password)
        self.login_hint = (self.tr("Demo plant: user name {user}, password {password}")
                           .replace("{user}", self.username).replace("{password}", password))
        self._go(self.DEMO_READY)

    def _demo_failed(self, exc: BaseException) -> None:
        from db.demo_loader import DemoNotEmptyError

        self._set_busy(False)
        if isinstance(exc, DemoNotEmptyError):
            self._choice_problem(self.tr("This data folder already holds data, so the demo "
                                         "plant cannot be loaded into it."))
        elif isinstance(exc, DomainError):
            self._choice_problem(exc.message())
        else:
            show_error(self, exc)

    def _demo_cancelled(self) -> None:
        self._set_busy(False)  # the loader writes in one transaction: nothing was kept

    def _choice_problem(self, text: str) -> None:
        self.choice_error.setText(text)
        self.choice_error.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.stack.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:  # work in flight reports back here; let it finish first
            super().reject()


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def _selectable_label() -> QLabel:
    label = QLabel()
    font = QFont(label.font())
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row
