"""用户与权限 Users: who may log in, with which roles; reset passwords, disable, unlock."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission, Role, User, role_label
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, confirm, guard
from desktop.dialogs.user_dialog import NewUserDialog, PasswordDialog, RolesDialog
from desktop.pages.base import Page
from desktop.tasks import Op

Index = QModelIndex | QPersistentModelIndex
_DISABLED_COLOUR = QColor("#8A8F98")
_LOCKED_COLOUR = QColor("#B35C00")


@dataclass(frozen=True)
class UserRow:
    user: User
    locked: bool  # too many failed log-ins on this PC
    person: str  # the linked person as "name (employee no.)", or ""


class UsersModel(QAbstractTableModel):
    """A handful of accounts: loaded whole, no paging needed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[UserRow] = []

    def set_rows(self, rows: list[UserRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("User name"), self.tr("Display name"), self.tr("Roles"),
                  self.tr("Linked person"), self.tr("Status"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            if not row.user.active:
                return _DISABLED_COLOUR
            if row.locked and index.column() == 4:
                return _LOCKED_COLOUR
        return None

    def _text(self, row: UserRow, column: int) -> str:
        user = row.user
        if column == 0:
            return user.username
        if column == 1:
            return user.display_name
        if column == 2:
            return "、".join(role_label(r) for r in Role if r in user.roles)
        if column == 3:
            return row.person
        status = self.tr("Active") if user.active else self.tr("Disabled")
        return status + (self.tr(", locked") if row.locked else "")


class UsersPage(Page):
    page_id = "users"
    required_permission = Permission.MANAGE_USERS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.allowed = ctx.can(Permission.MANAGE_USERS)
        self.model = UsersModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setHighlightSections(False)
        for column, width in enumerate((140, 140, 240, 200)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _: self.change_roles())
        self.message = MessageBar(self)

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setMovable(False)
        self.add_action = self._action(self.tr("Add user…"), self.add_user)
        self.roles_action = self._action(self.tr("Change roles…"), self.change_roles)
        self.password_action = self._action(self.tr("Reset password…"), self.reset_password)
        self.active_action = self._action(self.tr("Disable"), self.toggle_active)
        self.unlock_action = self._action(self.tr("Unlock"), self.unlock)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message)
        if not self.allowed:
            # The main window hides this page from such users; this covers any other route in.
            notice = QLabel(self.tr("You do not have permission to manage users."), self)
            notice.setObjectName("noPermission")
            layout.addWidget(notice)
            self.table.hide()
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        ctx.data_changed.connect(self._data_changed)
        self._update_actions()
        if self.allowed:
            self.reload()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("UsersPage", "Users")

    def _action(self, text: str, slot: Any) -> QAction:
        action = self.toolbar.addAction(text)
        action.triggered.connect(lambda _=False: slot())
        action.setVisible(self.allowed)
        return action

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: object) -> list[UserRow]:
            rows = []
            for user in ws.auth.list_users(actor):
                person = ws.people.get(actor, user.person_id) if user.person_id else None
                rows.append(UserRow(user, ws.auth.is_locked(actor, user.username),
                                    f"{person.name}（{person.employee_no}）" if person else ""))
            return rows

        selected = self.selected_user()
        Op(self, work, lane="db").success(
            guard(self, lambda rows: self._loaded(rows, selected))
        ).failure(guard(self, self.message.show_failure)).run()

    def _loaded(self, rows: list[UserRow], selected: User | None) -> None:
        self.model.set_rows(rows)
        if selected is not None:
            for position, row in enumerate(rows):
                if row.user.id == selected.id:
                    self.table.selectRow(position)

    def _data_changed(self, entity: str, _ids: list[str]) -> None:
        if entity in ("user", "person") and self.allowed:
            self.reload()

    # -- actions ------------------------------------------------------------------------
    def selected_row(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def selected_user(self) -> User | None:
        row = self.selected_row()
        return row.user if row else None

    def _update_actions(self) -> None:
        row = self.selected_row()
        for action in (self.roles_action, self.password_action, self.active_action):
            action.setEnabled(row is not None)
        self.unlock_action.setEnabled(row is not None and row.locked)
        disable = row is None or row.user.active
        self.active_action.setText(self.tr("Disable") if disable else self.tr("Enable"))

    def add_user(self) -> NewUserDialog:
        return self._open(NewUserDialog(self.ctx, self))

    def change_roles(self) -> RolesDialog | None:
        user = self.selected_user()
        return self._open(RolesDialog(self.ctx, user, self)) if user and self.allowed else None

    def reset_password(self) -> PasswordDialog | None:
        user = self.selected_user()
        return self._open(PasswordDialog(self.ctx, user, self)) if user else None

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda user_id: self._saved(dialog, user_id))
        dialog.open()
        return dialog

    def _saved(self, dialog: Any, user_id: str) -> None:
        if isinstance(dialog, PasswordDialog):
            self.message.show_message(self.tr("The password of {name} was reset.").format(
                name=dialog.user.display_name), "success")
        self.ctx.notify("user", [user_id])

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if user.active:
            text = self.tr("Disable {name}? They can no longer log in; their records stay.")
            confirm(self, self.tr("Disable user"), text.format(name=user.display_name),
                    self.tr("Disable"), lambda: self._set_active(user, False))
        else:
            self._set_active(user, True)

    def _set_active(self, user: User, active: bool) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        Op(self, lambda _: ws.auth.set_active(actor, user.id, active), lane="db").success(
            guard(self, lambda _: self.ctx.notify("user", [user.id]))).failure(
            guard(self, self.message.show_failure)).run()

    def unlock(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        ws, actor = self.ctx.workspace, self.ctx.actor

        def done(_: object) -> None:
            self.message.show_message(
                self.tr("{name} can log in again.").format(name=user.display_name), "success")
            self.ctx.notify("user", [user.id])

        Op(self, lambda _: ws.auth.unlock(actor, user.username), lane="db").success(
            guard(self, done)).failure(guard(self, self.message.show_failure)).run()
