"""Add or edit one piece of the plant structure: a site, building, area, line, department or post.

One dialog serves every kind; each kind lists its fields below. Parents are chosen from combos
filled with what the structure page already loaded, so the dialog itself reads nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.colours import RISK_COLOURS
from core.i18n import DomainError
from core.plant import RISK_LABELS, RISK_LEVELS, label
from desktop.context import AppContext
from desktop.dialogs.feedback import error_label, guard
from desktop.errors import show_error
from desktop.tasks import Op

Lists = dict[str, list[dict[str, Any]]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("StructureDialog", text)


def kind_label(kind: str) -> str:
    """The name of a structure kind, translated (used in titles, menus and messages)."""
    labels = {
        "site": QT_TRANSLATE_NOOP("StructureDialog", "Site"),
        "building": QT_TRANSLATE_NOOP("StructureDialog", "Building"),
        "area": QT_TRANSLATE_NOOP("StructureDialog", "Area"),
        "line": QT_TRANSLATE_NOOP("StructureDialog", "Line"),
        "department": QT_TRANSLATE_NOOP("StructureDialog", "Department"),
        "post": QT_TRANSLATE_NOOP("StructureDialog", "Post"),
    }
    return _tr(labels[kind])


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # English source text, translated when the dialog is built
    widget: str  # "text", "parent" (a combo of another kind), "floors", "risk"
    parent_kind: str = ""
    required: bool = False


_CODE = Field("code", QT_TRANSLATE_NOOP("StructureDialog", "Code"), "text", required=True)
_NAME = Field("name", QT_TRANSLATE_NOOP("StructureDialog", "Name"), "text", required=True)
_SITE = Field("site_id", QT_TRANSLATE_NOOP("StructureDialog", "Site"), "parent", "site", True)
FIELDS: dict[str, tuple[Field, ...]] = {
    "site": (_CODE, _NAME, Field("address", QT_TRANSLATE_NOOP("StructureDialog", "Address"),
                                 "text")),
    "building": (_SITE, _CODE, _NAME,
                 Field("floors", QT_TRANSLATE_NOOP("StructureDialog", "Floors"), "floors")),
    "area": (_SITE,
             Field("building_id", QT_TRANSLATE_NOOP("StructureDialog", "Building"), "parent",
                   "building"),
             Field("department_id", QT_TRANSLATE_NOOP("StructureDialog", "Run by department"),
                   "parent", "department"),
             _CODE, _NAME),
    "line": (Field("area_id", QT_TRANSLATE_NOOP("StructureDialog", "Area"), "parent", "area",
                   True), _CODE, _NAME),
    "department": (Field("site_id", QT_TRANSLATE_NOOP("StructureDialog", "Site"), "parent",
                         "site"),
                   Field("parent_id", QT_TRANSLATE_NOOP("StructureDialog", "Part of department"),
                         "parent", "department"),
                   _CODE, _NAME),
    "post": (Field("department_id", QT_TRANSLATE_NOOP("StructureDialog", "Department"), "parent",
                   "department", True),
             _CODE, _NAME,
             Field("risk_level", QT_TRANSLATE_NOOP("StructureDialog", "Risk level"), "risk")),
}


def risk_icon(level: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(RISK_COLOURS[level]))
    return QIcon(pixmap)


class StructureDialog(QDialog):
    saved = Signal(str, str)  # kind, id

    def __init__(self, ctx: AppContext, kind: str, lists: Lists, item: dict[str, Any] | None = None,
                 hint: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.item = item
        self.item_id = item["id"] if item else ""
        self.lists = lists
        title = self.tr("Edit {kind}") if item else self.tr("Add {kind}")
        self.setWindowTitle(title.format(kind=kind_label(kind)))
        self.setMinimumWidth(400)
        self.inputs: dict[str, QWidget] = {}

        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        for spec in FIELDS[kind]:
            widget = self._make(spec)
            self.inputs[spec.name] = widget
            form.addRow(_tr(spec.label) + (" *" if spec.required else ""), widget)
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
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        if isinstance(self.inputs.get("site_id"), QComboBox) and "building_id" in self.inputs:
            site = self.inputs["site_id"]
            assert isinstance(site, QComboBox)
            site.currentIndexChanged.connect(lambda _: self._filter_buildings())
        self._fill(item or hint or {})

    # -- widgets ------------------------------------------------------------------------
    def _make(self, spec: Field) -> QWidget:
        if spec.widget == "parent":
            combo = QComboBox(self)
            if not spec.required:
                combo.addItem(self.tr("None"), None)
            for row in self.lists.get(spec.parent_kind, []):
                if spec.parent_kind == self.kind and self.item and row["id"] == self.item["id"]:
                    continue  # a department cannot be part of itself
                combo.addItem(f"{row['name']}（{row['code']}）", row["id"])
            return combo
        if spec.widget == "risk":
            combo = QComboBox(self)
            for level in RISK_LEVELS:
                combo.addItem(risk_icon(level), label(RISK_LABELS, level), level)
            combo.setCurrentIndex(RISK_LEVELS.index("low"))
            return combo
        if spec.widget == "floors":
            spin = QSpinBox(self)
            spin.setRange(0, 200)
            spin.setSpecialValueText(self.tr("Not given"))
            return spin
        edit = QLineEdit(self)
        edit.setMaxLength(32 if spec.name == "code" else 100)
        return edit

    def _filter_buildings(self) -> None:
        """Only the chosen site's buildings make sense for an area."""
        site = self.inputs["site_id"]
        buildings = self.inputs["building_id"]
        assert isinstance(site, QComboBox) and isinstance(buildings, QComboBox)
        current = buildings.currentData()
        buildings.clear()
        buildings.addItem(self.tr("None"), None)
        for row in self.lists.get("building", []):
            if row.get("site_id") == site.currentData():
                buildings.addItem(f"{row['name']}（{row['code']}）", row["id"])
        buildings.setCurrentIndex(max(0, buildings.findData(current)))

    def _fill(self, values: dict[str, Any]) -> None:
        for name, widget in self.inputs.items():
            value = values.get(name)
            if isinstance(widget, QComboBox):
                if value is not None and widget.findData(value) >= 0:
                    widget.setCurrentIndex(widget.findData(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))
        if "building_id" in self.inputs and "site_id" in self.inputs:
            self._filter_buildings()
            buildings = self.inputs["building_id"]
            assert isinstance(buildings, QComboBox)
            buildings.setCurrentIndex(max(0, buildings.findData(values.get("building_id"))))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                out[name] = widget.currentData()
            elif isinstance(widget, QSpinBox):
                out[name] = widget.value() or None
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text()
        return out

    def changes(self) -> dict[str, Any]:
        """Only what changed, so a sync merges this edit field by field with other PCs'."""
        values = self.values()
        if self.item is None:
            return values
        return {k: v for k, v in values.items()
                if (v.strip() if isinstance(v, str) else v) != self.item.get(k)
                and not (v in ("", None) and self.item.get(k) in ("", None))}

    # -- saving -------------------------------------------------------------------------
    def save(self) -> None:
        changes = self.changes()
        if self.item is not None and not changes:
            self.accept()
            return
        self.error.hide()
        self.save_button.setEnabled(False)
        ws, actor, kind, item_id = self.ctx.workspace, self.ctx.actor, self.kind, self.item_id

        def work(_: object) -> str:
            if item_id:
                ws.structure.update(actor, kind, item_id, changes)
                return item_id
            return ws.structure.add(actor, kind, changes)

        Op(self, work, lane="db").success(guard(self, self._saved)).failure(
            guard(self, self._refused)).run()

    def _saved(self, item_id: str) -> None:
        self.item_id = item_id
        self.saved.emit(self.kind, item_id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, DomainError):
            self.error.setText(exc.message())
            self.error.show()
        else:
            show_error(self, exc)
