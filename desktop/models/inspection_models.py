"""Table models of the inspections page: the due list, the history (paged), schedules, and the
items of the checklist being edited.

The history is a paged adapter over ``InspectionService.history`` like the equipment table:
200 rows at a time on the "db" lane, a generation number so late answers to an older query are
dropped. The other three hold small lists the page loads and hands in (``set_rows``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from core.hazards import HAZARD_TYPES, label
from core.inspections import (
    DUE_LABELS,
    FREQUENCY_LABELS,
    OVERDUE,
    DueItem,
    InspectionQuery,
    InspectionSummary,
    ItemDraft,
    Schedule,
)
from desktop.context import AppContext
from desktop.models.equipment_model import ALERT_COLOUR, alert_icon
from desktop.models.list_model import ROW_ROLE, ListTableModel
from desktop.models.paged import Fetch, PagedTableModel

Index = QModelIndex | QPersistentModelIndex
_MUTED = QColor("#8A8F98")
_OK = QColor("#1E6B35")


def date_text(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def result_text(ok: int, failed: int, na: int, items: int) -> str:
    """"8 pass · 1 fail · 0 n/a", and how many were left out of an incomplete run."""
    text = QCoreApplication.translate("InspectionModels", "{ok} pass · {fail} fail · {na} n/a"
                                      ).format(ok=ok, fail=failed, na=na)
    missing = items - ok - failed - na
    if missing > 0:
        text += "  " + QCoreApplication.translate("InspectionModels", "({n} not answered)"
                                                  ).format(n=missing)
    return text


# -- the due list ------------------------------------------------------------------------------


class DueTableModel(ListTableModel):
    """Machines to check today; overdue ones (missed periods) in red, with the count."""

    COLUMNS = ("status", "code", "name", "type", "place", "frequency", "missed", "last",
               "checklist")

    def column_title(self, column: str) -> str:
        return {
            "status": QCoreApplication.translate("InspectionModels", "Status"),
            "code": QCoreApplication.translate("InspectionModels", "Code"),
            "name": QCoreApplication.translate("InspectionModels", "Equipment"),
            "type": QCoreApplication.translate("InspectionModels", "Type"),
            "place": QCoreApplication.translate("InspectionModels", "Area / line"),
            "frequency": QCoreApplication.translate("InspectionModels", "Frequency"),
            "missed": QCoreApplication.translate("InspectionModels", "Missed"),
            "last": QCoreApplication.translate("InspectionModels", "Last inspected"),
            "checklist": QCoreApplication.translate("InspectionModels", "Checklist"),
        }[column]

    def cell(self, item: DueItem, column: str, role: int, row: int) -> Any:
        overdue = item.status == OVERDUE
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue and column in ("status", "missed", "code"):
                return ALERT_COLOUR
            if column == "checklist" and not item.has_checklist:
                return ALERT_COLOUR
            return None
        if role == Qt.ItemDataRole.FontRole and overdue and column in ("status", "missed"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and overdue and column == "status":
            return alert_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in ("status", "missed") and overdue:
                return QCoreApplication.translate(
                    "InspectionModels", "{n} checks missed since {date}").format(
                    n=item.missed, date=date_text(item.last_inspected) or "—")
            if column == "checklist" and not item.has_checklist:
                return QCoreApplication.translate(
                    "InspectionModels", "This type of machine has no checklist yet: a safety "
                    "clerk creates one under Checklists.")
            return self._text(item, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "missed":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, item: DueItem, column: str) -> str:
        if column == "status":
            return label(DUE_LABELS, item.status)
        if column == "code":
            return item.equipment_code
        if column == "name":
            return item.equipment_name
        if column == "type":
            return item.type_name
        if column == "place":
            return " · ".join(p for p in (item.area_name, item.line_name) if p)
        if column == "frequency":
            return label(FREQUENCY_LABELS, item.frequency)
        if column == "missed":
            return str(item.missed) if item.missed else ""
        if column == "last":
            return date_text(item.last_inspected) or QCoreApplication.translate(
                "InspectionModels", "never")
        if column == "checklist":
            return (QCoreApplication.translate("InspectionModels", "Yes") if item.has_checklist
                    else QCoreApplication.translate("InspectionModels", "Missing"))
        return ""


# -- schedules -----------------------------------------------------------------------------------


def schedule_scope(schedule: Schedule) -> str:
    if schedule.equipment_id:
        return f"{schedule.equipment_code} {schedule.equipment_name}".strip()
    return QCoreApplication.translate("InspectionModels", "Every “{type}” machine").format(
        type=schedule.type_name)


class ScheduleTableModel(ListTableModel):
    COLUMNS = ("scope", "frequency", "start", "active")

    def column_title(self, column: str) -> str:
        return {
            "scope": QCoreApplication.translate("InspectionModels", "Applies to"),
            "frequency": QCoreApplication.translate("InspectionModels", "Frequency"),
            "start": QCoreApplication.translate("InspectionModels", "From"),
            "active": QCoreApplication.translate("InspectionModels", "State"),
        }[column]

    def cell(self, schedule: Schedule, column: str, role: int, row: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            if column == "scope":
                return schedule_scope(schedule)
            if column == "frequency":
                return label(FREQUENCY_LABELS, schedule.frequency)
            if column == "start":
                return date_text(schedule.start_date)
            if column == "active":
                return (QCoreApplication.translate("InspectionModels", "Active")
                        if schedule.active
                        else QCoreApplication.translate("InspectionModels", "Paused"))
        if role == Qt.ItemDataRole.ForegroundRole and not schedule.active:
            return _MUTED
        return None

    def row_of(self, schedule_id: str) -> int:
        return next((r for r, s in enumerate(self.rows) if s.id == schedule_id), -1)


# -- checklist items (the editor) -----------------------------------------------------------------


class ChecklistItemsModel(ListTableModel):
    """The items of the checklist being edited, in order; edits stay here until saved."""

    COLUMNS = ("text", "guidance", "hazard_type")
    changed = Signal()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The item's number is its place: a row header, so moving an item moves no data.
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.rows):
            return str(section + 1)
        return super().headerData(section, orientation, role)

    def column_title(self, column: str) -> str:
        return {
            "text": QCoreApplication.translate("InspectionModels", "Check item"),
            "guidance": QCoreApplication.translate("InspectionModels", "How to check"),
            "hazard_type": QCoreApplication.translate("InspectionModels", "Hazard type if failed"),
        }[column]

    def cell(self, item: ItemDraft, column: str, role: int, row: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            if column == "text":
                return item.text
            if column == "guidance":
                return item.guidance or ""
            if column == "hazard_type":
                return (label(HAZARD_TYPES, item.hazard_type) if item.hazard_type else
                        QCoreApplication.translate("InspectionModels", "From the wording"))
        if role == Qt.ItemDataRole.ForegroundRole and (
                column == "guidance" or (column == "hazard_type" and not item.hazard_type)):
            return _MUTED
        return None

    def drafts(self) -> list[ItemDraft]:
        return list(self.rows)

    def add(self, draft: ItemDraft) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(draft)
        self.endInsertRows()
        self.changed.emit()
        return row

    def replace(self, row: int, draft: ItemDraft) -> None:
        if not 0 <= row < len(self.rows):
            return
        self.rows[row] = draft
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        self.changed.emit()

    def move(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); returns its new row."""
        target = row + delta
        if not (0 <= row < len(self.rows) and 0 <= target < len(self.rows)) or delta == 0:
            return row
        # Qt's destination is the row the item goes *before*, counted before the move.
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self.rows.insert(target, self.rows.pop(row))
        self.endMoveRows()
        self.headerDataChanged.emit(Qt.Orientation.Vertical, min(row, target),
                                    max(row, target))  # the numbers
        self.changed.emit()
        return target

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        if row < len(self.rows):
            self.headerDataChanged.emit(Qt.Orientation.Vertical, row, len(self.rows) - 1)
        self.changed.emit()


# -- history (paged) ---------------------------------------------------------------------------


class HistoryTableModel(PagedTableModel):
    COLUMNS = ("finished", "code", "name", "checklist", "inspector", "result", "proper", "note")

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, InspectionQuery(), parent)

    def _fetcher(self) -> Fetch:
        ws, actor, query = self.ctx.workspace, self.ctx.actor, self._query
        return lambda offset, limit: ws.inspections.history(actor, query, offset, limit)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return self.column_title(self.COLUMNS[section])
        return None

    def column_title(self, column: str) -> str:
        return {
            "finished": QCoreApplication.translate("InspectionModels", "Inspected"),
            "code": QCoreApplication.translate("InspectionModels", "Code"),
            "name": QCoreApplication.translate("InspectionModels", "Equipment"),
            "checklist": QCoreApplication.translate("InspectionModels", "Checklist"),
            "inspector": QCoreApplication.translate("InspectionModels", "Inspector"),
            "result": QCoreApplication.translate("InspectionModels", "Result"),
            "proper": QCoreApplication.translate("InspectionModels", "Proper"),
            "note": QCoreApplication.translate("InspectionModels", "Note"),
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.COLUMNS):
            return None
        item = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "proper":
                return (QCoreApplication.translate(
                    "InspectionModels", "Every item answered, the first check of the day: "
                    "earns safety points") if item.proper else None)
            return self._text(item, column) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "result" and item.failed_count:
                return ALERT_COLOUR
            if column == "proper" and item.proper:
                return _OK
        return None

    def _text(self, item: InspectionSummary, column: str) -> str:
        if column == "finished":
            return date_text(item.finished_at or item.started_at)
        if column == "code":
            return item.equipment_code
        if column == "name":
            return item.equipment_name
        if column == "checklist":
            return item.template_name
        if column == "inspector":
            return item.inspector_name
        if column == "result":
            return result_text(item.ok_count, item.failed_count, item.na_count, item.item_count)
        if column == "proper":
            return "✓" if item.proper else ""
        if column == "note":
            return " ".join((item.note or "").split())
        return ""

    def summary(self, row: int) -> InspectionSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
