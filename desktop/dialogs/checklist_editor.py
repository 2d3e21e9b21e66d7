"""点检表 Checklist editor: one checklist per equipment type, its items in the order they are
checked at the machine, each with an optional "how to check" and the hazard type a failure
drafts (left empty: guessed from the wording).

Edits stay in the editor until Save, which hands the whole list to
``InspectionService.update_template`` (items keep their ids, so past results still point at
them) or ``create_template`` for a type without a checklist.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.hazards import HAZARD_TYPES, label
from core.inspections import ChecklistTemplate, ItemDraft
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, confirm, error_label, guard
from desktop.models.inspection_models import ChecklistItemsModel
from desktop.tasks import Op

TYPE_ROLE = Qt.ItemDataRole.UserRole + 1  # the type id of a row in the type list
_MUTED = QColor("#8A8F98")



class ChecklistItemDialog(QDialog):
    """Add or change one check item."""

    def __init__(self, draft: ItemDraft | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = draft
        self.setWindowTitle(self.tr("Change check item") if draft else self.tr("Add check item"))
        self.setMinimumWidth(520)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("What to check, e.g. 急停按钮灵敏有效"))
        self.guidance = QPlainTextEdit(self)
        self.guidance.setPlaceholderText(self.tr("How to check it, e.g. press the button: the "
                                                 "machine must stop at once"))
        self.guidance.setFixedHeight(90)
        self.hazard_type = QComboBox(self)
        self.hazard_type.addItem(self.tr("Guess from the wording"), None)
        for key in HAZARD_TYPES:
            self.hazard_type.addItem(label(HAZARD_TYPES, key), key)
        self.hazard_type.setToolTip(self.tr("The type of the hazard drafted when this item "
                                            "fails"))
        if draft is not None:
            self.text.setText(draft.text)
            self.guidance.setPlainText(draft.guidance or "")
            self.hazard_type.setCurrentIndex(max(0, self.hazard_type.findData(draft.hazard_type)))
        self.error = error_label(self)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Check item *"), self.text)
        form.addRow(self.tr("How to check"), self.guidance)
        form.addRow(self.tr("Hazard type if failed"), self.hazard_type)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def draft(self) -> ItemDraft:
        return ItemDraft(self.text.text().strip(), self.guidance.toPlainText().strip() or None,
                         self.hazard_type.currentData(),
                         self.original.id if self.original else None)

    def accept(self) -> None:
        if not self.text.text().strip():
            self.error.setText(self.tr("Please say what to check."))
            self.error.show()
            return
        super().accept()


class ChecklistEditor(QWidget):
    """The Checklists tab: equipment types on the left, the chosen type's checklist on the
    right."""

    loaded = Signal()  # the type list shows the stored checklists
    saved = Signal(str)  # the template id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.types: list[dict[str, Any]] = []
        self.templates: dict[str, ChecklistTemplate] = {}  # by type id
        self.type_id: str | None = None
        self.dirty = False
        self._showing = False

        self.type_list = QListWidget(self)
        self.type_list.setMinimumWidth(220)
        self.type_list.currentItemChanged.connect(self._type_clicked)

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.name = QLineEdit(self)
        self.name.textEdited.connect(lambda _t: self._set_dirty())
        self.model = ChecklistItemsModel(self)
        self.model.changed.connect(self._set_dirty)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda index: self.edit_item(index.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QPushButton(self.tr("Add item…"), self)
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.edit_button.clicked.connect(lambda: self.edit_item(self.current_row()))
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_item)
        self.save_button = QPushButton(self.tr("Save checklist"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Discard changes"), self)
        self.revert_button.clicked.connect(self.revert)
        self.delete_button = QPushButton(self.tr("Delete checklist"), self)
        self.delete_button.clicked.connect(self.delete_checklist)
        self.message = MessageBar(self)

        item_buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.up_button, self.down_button,
                       self.remove_button):
            item_buttons.addWidget(button)
        item_buttons.addStretch(1)
        items = QHBoxLayout()
        items.addWidget(self.table, 1)
        items.addLayout(item_buttons)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("Checklist name"), self))
        name_row.addWidget(self.name, 1)
        save_row = QHBoxLayout()
        save_row.addWidget(self.delete_button)
        save_row.addStretch(1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        hint = QLabel(self.tr("Items are checked in this order at the machine. A failed item "
                              "drafts a hazard of its type."), self)
        hint.setStyleSheet("color: #6b7785;")
        hint.setWordWrap(True)

        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(12, 0, 0, 0)
        column.addWidget(self.heading)
        column.addLayout(name_row)
        column.addWidget(hint)
        column.addLayout(items, 1)
        column.addLayout(save_row)
        splitter = QSplitter(self)
        splitter.addWidget(self.type_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self._update_buttons()
        ctx.data_changed.connect(self._data_changed)
        self.load()

    # -- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: object) -> tuple[list[dict[str, Any]], list[ChecklistTemplate]]:
            return ws.equipment.types(actor), ws.inspections.templates(actor)

        Op(self, work, lane="db").success(guard(self, self._loaded)).failure(
            guard(self, self.message.show_failure)).run()

    def _loaded(self, result: tuple[list[dict[str, Any]], list[ChecklistTemplate]]) -> None:
        types, templates = result
        self.types = sorted(types, key=lambda t: t.get("code") or "")
        self.templates = {t.type_id: t for t in templates}
        keep = self.type_id
        self._showing = True
        self.type_list.clear()
        for kind in self.types:
            template = self.templates.get(kind["id"])
            if template is not None:
                text = self.tr("{type}  ({n} items)").format(type=kind["name"],
                                                             n=len(template.items))
            else:
                text = self.tr("{type}  — no checklist").format(type=kind["name"])
            item = QListWidgetItem(text)
            item.setData(TYPE_ROLE, kind["id"])
            if template is None:
                item.setForeground(_MUTED)
            self.type_list.addItem(item)
        self._showing = False
        row = next((r for r, t in enumerate(self.types) if t["id"] == keep), 0)
        if self.types:
            self._select_row(row)
            if not self.dirty:
                self._show_type(self.types[row]["id"])
        else:
            self.heading.setText(self.tr("There are no equipment types yet: add them in the "
                                         "equipment registry first."))
        self._update_buttons()
        self.loaded.emit()

    def _select_row(self, row: int) -> None:
        self._showing = True
        self.type_list.setCurrentRow(row)
        self._showing = False

    def _data_changed(self, entity: str, _ids: list[str]) -> None:
        if entity in ("checklist", "equipment_type") and not self.dirty:
            self.load()

    # -- choosing a type ----------------------------------------------------------------------
    def _type_clicked(self, current: QListWidgetItem | None,
                      previous: QListWidgetItem | None) -> None:
        if self._showing or current is None:
            return
        type_id = current.data(TYPE_ROLE)
        if type_id == self.type_id:
            return
        if self.dirty:
            # Back to the type being edited until the clerk says the changes may go.
            self._select_row(self.type_list.row(previous) if previous is not None else 0)
            confirm(self, self.tr("Unsaved changes"),
                    self.tr("The checklist of “{type}” has unsaved changes. Discard them?")
                    .format(type=self.type_name(self.type_id)),
                    self.tr("Discard"), lambda: self.select_type(type_id, force=True))
            return
        self._show_type(type_id)

    def select_type(self, type_id: str, force: bool = False) -> bool:
        """Show a type's checklist (False if there is no such type)."""
        row = next((r for r, t in enumerate(self.types) if t["id"] == type_id), -1)
        if row < 0:
            return False
        if self.dirty and not force:
            return False
        self._select_row(row)
        self._show_type(type_id)
        return True

    def type_name(self, type_id: str | None) -> str:
        return next((t["name"] for t in self.types if t["id"] == type_id), "")

    def _show_type(self, type_id: str) -> None:
        self.type_id = type_id
        template = self.templates.get(type_id)
        name = self.type_name(type_id)
        self.message.hide()
        if template is None:
            self.heading.setText(self.tr("New checklist for “{type}”").format(type=name))
            self.name.setText(self.tr("{type} checklist").format(type=name))
            self.model.set_rows([])
        else:
            self.heading.setText(self.tr("Checklist for “{type}”").format(type=name))
            self.name.setText(template.name)
            self.model.set_rows([ItemDraft(i.text, i.guidance, i.hazard_type, i.id)
                                 for i in template.items])
        self.dirty = False
        self._update_buttons()

    # -- editing ------------------------------------------------------------------------------
    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _select_item(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()

    def _set_dirty(self) -> None:
        self.dirty = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_type = self.type_id is not None
        row = self.current_row()
        for widget in (self.name, self.table, self.add_button):
            widget.setEnabled(has_type)
        self.edit_button.setEnabled(row >= 0)
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.save_button.setEnabled(has_type and self.dirty and self.model.rowCount() > 0)
        self.revert_button.setEnabled(self.dirty)
        self.delete_button.setEnabled(has_type and self.type_id in self.templates)

    def add_item(self) -> ChecklistItemDialog:
        dialog = ChecklistItemDialog(None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._select_item(self.model.add(dialog.draft())))
        dialog.open()
        return dialog

    def edit_item(self, row: int) -> ChecklistItemDialog | None:
        draft = self.model.record(row)
        if draft is None:
            return None
        dialog = ChecklistItemDialog(draft, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.model.replace(row, dialog.draft()))
        dialog.open()
        return dialog

    def move_item(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0:
            self._select_item(self.model.move(row, delta))

    def remove_item(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.model.remove(row)
        self._select_item(min(row, self.model.rowCount() - 1))

    def revert(self) -> None:
        if self.type_id is not None:
            self._show_type(self.type_id)

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        type_id = self.type_id
        if type_id is None:
            return
        ws, actor = self.ctx.workspace, self.ctx.actor
        template = self.templates.get(type_id)
        name, drafts = self.name.text(), self.model.drafts()
        self.save_button.setEnabled(False)

        def work(_: object) -> str:
            if template is None:
                return ws.inspections.create_template(actor, type_id, name, drafts)
            ws.inspections.update_template(actor, template.id, name, drafts)
            return template.id

        Op(self, work, lane="db").success(guard(self, self._saved)).failure(
            guard(self, self._refused)).run()

    def _saved(self, template_id: str) -> None:
        self.dirty = False
        self.message.show_message(self.tr("Checklist saved."), "success")
        self.saved.emit(template_id)
        self.ctx.notify("checklist", [template_id])  # reloads this editor too

    def _refused(self, exc: BaseException) -> None:
        self._update_buttons()
        self.message.show_failure(exc)

    def delete_checklist(self) -> None:
        template = self.templates.get(self.type_id or "")
        if template is None:
            return
        confirm(self, self.tr("Delete checklist"),
                self.tr("Delete the checklist “{name}”? Machines of this type can then not be "
                        "inspected until a new checklist is made; past inspections are kept.")
                .format(name=template.name),
                self.tr("Delete"), lambda: self._delete(template.id))

    def _delete(self, template_id: str) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor

        def done(_: object) -> None:
            self.dirty = False
            self.message.show_message(self.tr("Checklist deleted."), "success")
            self.ctx.notify("checklist", [template_id])

        Op(self, lambda _: ws.inspections.remove_template(actor, template_id),
           lane="db").success(guard(self, done)).failure(
            guard(self, self.message.show_failure)).run()
