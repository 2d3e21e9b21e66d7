"""Equipment types (压力机, 起重机 …): list them and add new ones.

A type's code is the first part of generated equipment codes (YJ in YJ-CY-0012), and its
"special" flag marks statutory special equipment (cranes, forklifts, pressure vessels) so new
machines of that type start with the statutory inspection date switched on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.i18n import DomainError
from desktop.context import AppContext
from desktop.dialogs.feedback import error_label, guard
from desktop.errors import show_error
from desktop.tasks import Op


class EquipmentTypesDialog(QDialog):
    added = Signal(str)  # the new type's id, after the service stored it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.types: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Equipment types"))
        self.resize(520, 480)

        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setHeaderLabels([self.tr("Code"), self.tr("Name"),
                                   self.tr("Special equipment")])
        self.list.setColumnWidth(0, 90)
        self.list.setColumnWidth(1, 220)

        self.code = QLineEdit(self)
        self.code.setMaxLength(8)
        self.code.setPlaceholderText(self.tr("e.g. YJ"))
        self.code.setToolTip(self.tr("Letters used at the start of generated equipment codes"))
        self.name = QLineEdit(self)
        self.name.setMaxLength(40)
        self.name.setPlaceholderText(self.tr("e.g. Press"))
        self.special = QCheckBox(self.tr("Special equipment"), self)
        self.special.setToolTip(self.tr("Cranes, forklifts, boilers, pressure vessels, lifts …: "
                                        "equipment with a statutory inspection"))
        self.add_button = QPushButton(self.tr("Add type"), self)
        self.add_button.clicked.connect(self.add_type)
        self.name.returnPressed.connect(self.add_type)
        self.error = error_label(self)

        form = QGroupBox(self.tr("New type"), self)
        row = QHBoxLayout(form)
        row.addWidget(QLabel(self.tr("Code"), form))
        row.addWidget(self.code, 1)
        row.addWidget(QLabel(self.tr("Name"), form))
        row.addWidget(self.name, 2)
        row.addWidget(self.special)
        row.addWidget(self.add_button)
        form.setVisible(ctx.can(Permission.EDIT_EQUIPMENT))

        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.list, 1)
        layout.addWidget(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        Op(self, lambda _: ws.equipment.types(actor), lane="db").success(
            guard(self, self._loaded)).failure(guard(self, self._refused)).run()

    def _loaded(self, types: list[dict[str, Any]]) -> None:
        self.types = types
        self.list.clear()
        for item in types:
            row = QTreeWidgetItem([item["code"], item["name"],
                                   self.tr("Yes") if item["special"] else ""])
            row.setData(0, Qt.ItemDataRole.UserRole, item["id"])
            self.list.addTopLevelItem(row)

    def add_type(self) -> None:
        code, name, special = self.code.text(), self.name.text(), self.special.isChecked()
        self.error.hide()
        self.add_button.setEnabled(False)
        ws, actor = self.ctx.workspace, self.ctx.actor
        Op(self, lambda _: ws.equipment.add_type(actor, code, name, special), lane="db").success(
            guard(self, self._added)).failure(guard(self, self._refused)).run()

    def _added(self, type_id: str) -> None:
        self.add_button.setEnabled(True)
        self.code.clear()
        self.name.clear()
        self.special.setChecked(False)
        self.code.setFocus()
        self.added.emit(type_id)
        self.ctx.notify("equipment_type", [type_id])
        self.reload()

    def _refused(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        if isinstance(exc, DomainError):
            self.error.setText(exc.message())
            self.error.show()
        else:
            show_error(self, exc)
