"""Add or edit one machine. The service validates; its refusal is shown inside the dialog.

The dialog reads its own choices (types, areas, lines, departments) so the equipment page, the
card and later the floor plan can all open it with nothing but the context and the machine.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.equipment import STATUS_LABELS, STATUSES, Equipment
from core.i18n import DomainError
from core.plant import RISK_LABELS, RISK_LEVELS, PeopleQuery, Person, label
from desktop.context import AppContext
from desktop.dialogs.equipment_types_dialog import EquipmentTypesDialog
from desktop.dialogs.feedback import error_label, guard
from desktop.dialogs.structure_dialog import risk_icon
from desktop.errors import show_error
from desktop.tasks import Op

Lookups = dict[str, list[dict[str, Any]]]
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PICKER_RESULTS = 20  # enough to find a person by a fragment; type more to narrow
PICKER_DELAY_MS = 200
# The form fields as stored, in the order the service knows them.
TEXT_FIELDS = ("code", "name", "model", "manufacturer", "serial_no", "procedure", "notes")


def _same(new: Any, old: Any) -> bool:
    """Form value vs stored value: the service trims text and stores empty text as NULL."""
    if isinstance(new, str):
        return new.strip() == (old or "")
    return bool(new == old)


def person_label(person: Person) -> str:
    parts = [person.name, person.employee_no, person.department_name]
    return " · ".join(p for p in parts if p)


class PersonPicker(QWidget):
    """Choose a person by typing part of a name or employee number; the matches come from
    PeopleService.search_page in the background and drop down under the box."""

    changed = Signal()
    searched = Signal(int)  # the number of matches shown, after each search

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: str | None = None
        self._chosen_text = ""
        self._generation = 0
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("Type a name or employee no."))
        self.results = QStandardItemModel(self)
        self.completer = QCompleter(self.results, self)
        # The service already matched the fragment anywhere in the name; the completer must
        # show those matches as they are, not filter them again by prefix.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.edit)
        self.completer.activated[QModelIndex].connect(self._activated)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PICKER_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(self._edited)
        if not ctx.can(Permission.VIEW_PEOPLE):
            self.edit.setEnabled(False)
            self.edit.setToolTip(self.tr("You may not look up people"))

    def set_person(self, person_id: str | None, text: str) -> None:
        self.person_id = person_id
        self._chosen_text = text if person_id else ""
        self.edit.setText(self._chosen_text)

    def pending(self) -> bool:
        """Text typed but no person chosen from the list: the owner would be lost on save."""
        return bool(self.edit.text().strip()) and self.person_id is None

    def _edited(self, text: str) -> None:
        if self.person_id is not None and text != self._chosen_text:
            self.person_id = None  # the chosen person's name was changed: no longer them
            self.changed.emit()
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.completer.popup().hide()

    def search_now(self) -> None:
        self._timer.stop()
        text = self.edit.text().strip()
        if not text:
            return
        self._generation += 1
        generation = self._generation
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: object) -> list[Person]:
            return ws.people.search_page(actor, PeopleQuery(text=text), 0, PICKER_RESULTS)[0]

        Op(self, work, lane="db").success(
            guard(self, lambda people: self._found(generation, people))).failure(
            guard(self, lambda exc: show_error(self, exc))).run()

    def _found(self, generation: int, people: list[Person]) -> None:
        if generation != self._generation:
            return  # typed on meanwhile: a newer search is on its way
        self.results.clear()
        for person in people:
            if person.status == "left":
                continue  # people who left cannot look after a machine
            item = QStandardItem(person_label(person))
            item.setData(person.id, PERSON_ID_ROLE)
            self.results.appendRow(item)
        if self.results.rowCount() and self.edit.hasFocus():
            self.completer.complete()
        self.searched.emit(self.results.rowCount())

    def choose(self, row: int) -> None:
        self._activated(self.results.index(row, 0))

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.isValid():
            return
        self.set_person(index.data(PERSON_ID_ROLE), index.data())
        self.completer.popup().hide()
        self.changed.emit()


class DateWithUnknown(QWidget):
    """A date, or "unknown" (old machines often have no record of their install date)."""

    def __init__(self, unknown_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate.currentDate())
        self.unknown = QCheckBox(unknown_text, self)
        self.unknown.toggled.connect(self._toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date, 1)
        layout.addWidget(self.unknown)

    def _toggled(self, on: bool) -> None:
        self.date.setEnabled(not on and self.isEnabled())

    def set_value(self, value: dt.date | None) -> None:
        if value is not None:
            self.date.setDate(QDate(value))
        self.unknown.setChecked(value is None)
        self._toggled(value is None)

    def value(self) -> dt.date | None:
        return None if self.unknown.isChecked() else self.date.date().toPython()  # type: ignore[return-value]


class EquipmentDialog(QDialog):
    saved = Signal(str)  # the machine's id, after the service stored the change
    ready = Signal()  # the choices are loaded and the form shows the machine

    def __init__(self, ctx: AppContext, equipment: Equipment | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.equipment = equipment
        self.equipment_id = equipment.id if equipment else ""
        self.lookups: Lookups = {}
        self.is_ready = False
        self.setWindowTitle(self.tr("Edit equipment") if equipment else self.tr("Add equipment"))

        self.code = QLineEdit(self)
        self.code.setMaxLength(40)
        self.code.setPlaceholderText(self.tr("Left empty: numbered automatically"))
        self.auto_code = QPushButton(self.tr("Auto code"), self)
        self.auto_code.setToolTip(self.tr("Next free code for the chosen type, area and line"))
        self.auto_code.clicked.connect(self.generate_code)
        self.name = QLineEdit(self)
        self.name.setMaxLength(60)
        self.type = QComboBox(self)
        self.manage_types = QPushButton(self.tr("Manage types…"), self)
        self.manage_types.clicked.connect(self.open_types)
        self.model = QLineEdit(self)
        self.manufacturer = QLineEdit(self)
        self.serial_no = QLineEdit(self)
        self.install_date = DateWithUnknown(self.tr("Unknown"), self)
        self.install_date.date.setMaximumDate(QDate.currentDate())
        self.status = QComboBox(self)
        for status in STATUSES:
            self.status.addItem(label(STATUS_LABELS, status), status)

        self.area = QComboBox(self)
        self.line = QComboBox(self)
        self.department = QComboBox(self)
        self.owner = PersonPicker(ctx, self)
        self.risk = QComboBox(self)
        self.risk.addItem(self.tr("Not assessed"), None)
        for grade in RISK_LEVELS:
            self.risk.addItem(risk_icon(grade), label(RISK_LABELS, grade), grade)
        self.risk.setToolTip(self.tr("Set by hand for now; risk assessments will set it later"))
        self.special = QCheckBox(self.tr("Special equipment (statutory inspection)"), self)
        self.inspection_due = DateWithUnknown(self.tr("Not yet known"), self)
        self.special.toggled.connect(self.inspection_due.setEnabled)
        self.inspection_due.setEnabled(False)

        self.procedure = QPlainTextEdit(self)
        self.procedure.setPlaceholderText(self.tr(
            "The safe operating procedure, one step per line, e.g.\n"
            "1. Check the guard and the emergency stop before starting.\n"
            "2. Never reach into the die area; use the hand tool."))
        self.notes = QPlainTextEdit(self)
        self.error = error_label(self)

        self._build_layout()
        self.area.currentIndexChanged.connect(lambda _: self._fill_lines())
        self.type.currentIndexChanged.connect(lambda _: self._type_chosen())
        self.save_button.setEnabled(False)  # until the choices are loaded
        self.load_lookups()

    def _build_layout(self) -> None:
        def row(*widgets: QWidget) -> QHBoxLayout:
            box = QHBoxLayout()
            box.setSpacing(6)
            for i, widget in enumerate(widgets):
                box.addWidget(widget, 1 if i == 0 else 0)
            return box

        def form(title: str) -> tuple[QGroupBox, QFormLayout]:
            group = QGroupBox(title, self)
            layout = QFormLayout(group)
            layout.setHorizontalSpacing(12)
            layout.setVerticalSpacing(8)
            return group, layout

        machine, left = form(self.tr("Machine"))
        left.addRow(self.tr("Code *"), row(self.code, self.auto_code))
        left.addRow(self.tr("Name *"), self.name)
        left.addRow(self.tr("Type"), row(self.type, self.manage_types))
        left.addRow(self.tr("Model"), self.model)
        left.addRow(self.tr("Manufacturer"), self.manufacturer)
        left.addRow(self.tr("Serial no."), self.serial_no)
        left.addRow(self.tr("Install date"), self.install_date)
        left.addRow(self.tr("Status"), self.status)
        place, right = form(self.tr("Place and safety"))
        right.addRow(self.tr("Area"), self.area)
        right.addRow(self.tr("Line"), self.line)
        right.addRow(self.tr("Department"), self.department)
        right.addRow(self.tr("Owner"), self.owner)
        right.addRow(self.tr("Risk grade"), self.risk)
        right.addRow("", self.special)
        right.addRow(self.tr("Inspection due"), self.inspection_due)

        texts = QHBoxLayout()
        texts.setSpacing(12)
        for title, widget, stretch in ((self.tr("Safe operating procedure"), self.procedure, 3),
                                       (self.tr("Notes"), self.notes, 2)):
            group = QGroupBox(title, self)
            inner = QVBoxLayout(group)
            inner.addWidget(widget)
            widget.setMinimumHeight(110)
            texts.addWidget(group, stretch)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addWidget(machine, 1)
        columns.addWidget(place, 1)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
        layout.addLayout(columns)
        layout.addLayout(texts, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(900, 640)  # fits a 1280×800 screen with its taskbar

    # -- choices ------------------------------------------------------------------------
    def load_lookups(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: object) -> Lookups:
            lists = {kind: ws.structure.list(actor, kind)
                     for kind in ("site", "area", "line", "department")}
            lists["type"] = ws.equipment.types(actor)
            return lists

        Op(self, work, lane="db").success(guard(self, self._lookups_loaded)).failure(
            guard(self, self._refused)).run()

    def _lookups_loaded(self, lookups: Lookups) -> None:
        first = not self.is_ready
        self.lookups = lookups
        self._fill(self.type, lookups["type"], "type_id", "type_name",
                   lambda t: f"{t['name']} ({t['code']})")
        self._fill(self.area, lookups["area"], "area_id", "area_name")
        self._fill(self.department, lookups["department"], "department_id", "department_name")
        self._fill_lines()
        if first:
            self._load(self.equipment)
            self.is_ready = True
            self.save_button.setEnabled(True)
            self.ready.emit()

    def _fill(self, combo: QComboBox, items: list[dict[str, Any]], field: str, name_field: str,
              text: Any = None) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("None"), None)
        for item in items:
            combo.addItem(text(item) if text else item["name"], item["id"])
        kept = getattr(self.equipment, field, None) if self.equipment else None
        if kept and combo.findData(kept) < 0:
            # Not in the list (removed on another PC): keep it rather than silently clear it.
            combo.addItem(getattr(self.equipment, name_field) or kept, kept)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _fill_lines(self) -> None:
        """Offer the lines of the chosen area; with no area, no line (a line is in an area)."""
        area_id = self.area.currentData()
        lines = [ln for ln in self.lookups.get("line", []) if area_id and ln["area_id"] == area_id]
        self._fill(self.line, lines, "line_id", "line_name")
        self.line.setEnabled(area_id is not None)

    def _type_chosen(self) -> None:
        # Cranes and forklifts are special equipment by law: tick it for the clerk, never untick.
        chosen = next((t for t in self.lookups.get("type", [])
                       if t["id"] == self.type.currentData()), None)
        if chosen and chosen["special"]:
            self.special.setChecked(True)

    def open_types(self) -> EquipmentTypesDialog:
        dialog = EquipmentTypesDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.added.connect(self._type_added)
        dialog.open()
        return dialog

    def _type_added(self, type_id: str) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor

        def done(types: list[dict[str, Any]]) -> None:
            self.lookups["type"] = types
            self._fill(self.type, types, "type_id", "type_name",
                       lambda t: f"{t['name']} ({t['code']})")
            self.type.setCurrentIndex(max(0, self.type.findData(type_id)))

        Op(self, lambda _: ws.equipment.types(actor), lane="db").success(
            guard(self, done)).failure(guard(self, self._refused)).run()

    # -- values -------------------------------------------------------------------------
    def _load(self, item: Equipment | None) -> None:
        if item is None:
            self.install_date.set_value(None)
            self.inspection_due.set_value(None)
            return
        for name in TEXT_FIELDS:
            widget = getattr(self, name)
            value = getattr(item, name) or ""
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                widget.setText(value)
        self.type.blockSignals(True)  # loading a crane must not re-tick what was unticked
        for combo, value in ((self.type, item.type_id), (self.area, item.area_id),
                             (self.department, item.department_id), (self.status, item.status),
                             (self.risk, item.risk_grade)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.type.blockSignals(False)
        self._fill_lines()
        self.line.setCurrentIndex(max(0, self.line.findData(item.line_id)))
        self.owner.set_person(item.owner_person_id, item.owner_name)
        self.install_date.set_value(item.install_date)
        self.special.setChecked(item.special)
        self.inspection_due.set_value(item.inspection_due)
        self.inspection_due.setEnabled(item.special)

    def values(self) -> dict[str, Any]:
        """The form as equipment fields (the service trims text and checks the rules)."""
        values: dict[str, Any] = {}
        for name in TEXT_FIELDS:
            widget = getattr(self, name)
            values[name] = widget.toPlainText() if isinstance(widget, QPlainTextEdit) \
                else widget.text()
        special = self.special.isChecked()
        values.update({
            "type_id": self.type.currentData(),
            "area_id": self.area.currentData(),
            "line_id": self.line.currentData(),
            "department_id": self.department.currentData(),
            "owner_person_id": self.owner.person_id,
            "install_date": self.install_date.value(),
            "status": self.status.currentData(),
            "risk_grade": self.risk.currentData(),
            "special": special,
            # Only special equipment has a statutory inspection date.
            "inspection_due": self.inspection_due.value() if special else None,
        })
        return values

    def _site_of(self, area_id: str | None) -> str | None:
        """The site a machine belongs to (its labels name it): its area's, else the only one."""
        area = next((a for a in self.lookups.get("area", []) if a["id"] == area_id), None)
        if area is not None:
            return area.get("site_id")
        sites = self.lookups.get("site", [])
        return sites[0]["id"] if len(sites) == 1 else None

    def changes(self) -> dict[str, Any]:
        """Only the fields the clerk changed: edits merge field by field when PCs sync, so
        sending unchanged fields would overwrite another PC's newer edit of them."""
        values = self.values()
        if self.equipment is None:
            values["site_id"] = self._site_of(values["area_id"])
            return values
        changed = {k: v for k, v in values.items()
                   if not _same(v, getattr(self.equipment, k))}
        if "area_id" in changed and changed["area_id"] is not None:
            site = self._site_of(changed["area_id"])
            if site and site != self.equipment.site_id:
                changed["site_id"] = site
        return changed

    # -- actions ------------------------------------------------------------------------
    def generate_code(self) -> None:
        type_id, area_id = self.type.currentData(), self.area.currentData()
        line_id = self.line.currentData()
        self.error.hide()
        self.auto_code.setEnabled(False)
        ws = self.ctx.workspace

        def done(code: str) -> None:
            self.auto_code.setEnabled(True)
            self.code.setText(code)

        Op(self, lambda _: ws.equipment.next_code(type_id, area_id, line_id), lane="db").success(
            guard(self, done)).failure(guard(self, self._refused)).run()

    def save(self) -> None:
        if self.owner.pending():
            self._show_error(self.tr("Choose the owner from the list that drops down while you "
                                     "type, or clear the box."))
            return
        changes = self.changes()
        if self.equipment is not None and not changes:
            self.accept()
            return
        self.error.hide()
        self.save_button.setEnabled(False)
        ws, actor, item_id = self.ctx.workspace, self.ctx.actor, self.equipment_id

        def work(_: object) -> str:
            if item_id:
                ws.equipment.update(actor, item_id, changes)
                return item_id
            return ws.equipment.add(actor, changes)

        Op(self, work, lane="db").success(guard(self, self._saved)).failure(
            guard(self, self._refused)).run()

    def _saved(self, item_id: str) -> None:
        self.equipment_id = item_id
        self.saved.emit(item_id)
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(self.is_ready)
        self.auto_code.setEnabled(True)
        if isinstance(exc, DomainError):
            self._show_error(exc.message())
        else:
            show_error(self, exc)
