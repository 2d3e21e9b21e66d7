"""User accounts: create a user, change their roles, reset their password.

The auth service enforces the rules (password length, unique names, never losing the last
administrator); the dialogs only catch what the service cannot see, such as two passwords that
differ, and show every refusal inline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.auth import MIN_PASSWORD_LENGTH, Role, User, role_label
from core.i18n import DomainError
from core.plant import PeopleQuery
from desktop.context import AppContext
from desktop.dialogs.feedback import error_label, guard
from desktop.errors import show_error
from desktop.tasks import Op


class NoSuchPerson(Exception):
    """The employee number typed for the linked person matches nobody."""

    def __init__(self, employee_no: str) -> None:
        super().__init__(employee_no)
        self.employee_no = employee_no


class RoleChecks(QWidget):
    """One check box per role, two columns, in the order of the Role enum."""

    def __init__(self, selected: frozenset[Role] = frozenset(),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        self.boxes: dict[Role, QCheckBox] = {}
        for position, role in enumerate(Role):
            box = QCheckBox(role_label(role), self)
            box.setObjectName(f"role:{role.value}")
            box.setChecked(role in selected)
            grid.addWidget(box, position // 2, position % 2)
            self.boxes[role] = box

    def roles(self) -> list[Role]:
        return [role for role, box in self.boxes.items() if box.isChecked()]


class _AccountDialog(QDialog):
    """The shared frame: a form, an inline error line, Save/Cancel, and saving in an Op."""

    saved = Signal(str)  # the user's id

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(10)
        self.error = error_label(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        raise NotImplementedError

    def _password_row(self) -> tuple[QLineEdit, QLineEdit]:
        first = QLineEdit(self)
        first.setEchoMode(QLineEdit.EchoMode.Password)
        first.setPlaceholderText(self.tr("At least {n} characters").format(n=MIN_PASSWORD_LENGTH))
        second = QLineEdit(self)
        second.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("Password *"), first)
        self.form.addRow(self.tr("Password again *"), second)
        return first, second

    def _passwords_differ(self, first: QLineEdit, second: QLineEdit) -> bool:
        if first.text() != second.text():
            self.show_problem(self.tr("The two passwords differ; please type them again."))
            return True
        return False

    def run(self, work: Callable[[Any], str]) -> None:
        self.error.hide()
        self.save_button.setEnabled(False)
        Op(self, work, lane="db").success(guard(self, self._saved)).failure(
            guard(self, self._refused)).run()

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _saved(self, user_id: str) -> None:
        self.saved.emit(user_id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, NoSuchPerson):
            self.show_problem(self.tr("No person has the employee no. “{no}”.").format(
                no=exc.employee_no))
        elif isinstance(exc, DomainError):
            self.show_problem(exc.message())
        else:
            show_error(self, exc)


class NewUserDialog(_AccountDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Add user"))
        self.username = QLineEdit(self)
        self.username.setMaxLength(40)
        self.display_name = QLineEdit(self)
        self.display_name.setMaxLength(50)
        self.roles = RoleChecks(frozenset(), self)
        self.form.addRow(self.tr("User name *"), self.username)
        self.form.addRow(self.tr("Display name"), self.display_name)
        self.form.addRow(self.tr("Roles *"), self.roles)
        self.password, self.password_again = self._password_row()
        self.employee_no = QLineEdit(self)
        self.employee_no.setPlaceholderText(self.tr("Optional: the user's employee no."))
        self.form.addRow(self.tr("Linked person"), self.employee_no)

    def save(self) -> None:
        if self._passwords_differ(self.password, self.password_again):
            return
        ws, actor = self.ctx.workspace, self.ctx.actor
        username, display = self.username.text(), self.display_name.text()
        roles, password = self.roles.roles(), self.password.text()
        employee_no = self.employee_no.text().strip()

        def work(_: object) -> str:
            person_id = None
            if employee_no:
                # The search matches fragments; a link needs the exact employee number.
                matches = ws.people.search(actor, PeopleQuery(text=employee_no), 0, 50)
                person_id = next((p.id for p in matches if p.employee_no == employee_no), None)
                if person_id is None:
                    raise NoSuchPerson(employee_no)
            return ws.auth.create_user(actor, username, display, roles, password, person_id)

        self.run(work)


class RolesDialog(_AccountDialog):
    def __init__(self, ctx: AppContext, user: User, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.user = user
        self.setWindowTitle(self.tr("Roles of {name}").format(name=user.display_name))
        self.form.addRow(self.tr("User"), QLabel(f"{user.display_name}（{user.username}）", self))
        self.roles = RoleChecks(user.roles, self)
        self.form.addRow(self.tr("Roles"), self.roles)

    def save(self) -> None:
        ws, actor, user_id = self.ctx.workspace, self.ctx.actor, self.user.id
        roles = self.roles.roles()

        def work(_: object) -> str:
            ws.auth.set_roles(actor, user_id, roles)
            return user_id

        self.run(work)


class PasswordDialog(_AccountDialog):
    def __init__(self, ctx: AppContext, user: User, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.user = user
        self.setWindowTitle(self.tr("Reset password"))
        self.form.addRow(self.tr("User"), QLabel(f"{user.display_name}（{user.username}）", self))
        self.password, self.password_again = self._password_row()

    def save(self) -> None:
        if self._passwords_differ(self.password, self.password_again):
            return
        ws, actor, user_id, password = (self.ctx.workspace, self.ctx.actor, self.user.id,
                                        self.password.text())

        def work(_: object) -> str:
            ws.auth.set_password(actor, user_id, password)
            return user_id

        self.run(work)
