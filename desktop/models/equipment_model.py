"""The equipment table: a paged adapter over EquipmentService.search_page.

Like the people table, only the rows the view scrolls to are loaded (200 at a time, on the "db"
lane), so a registry of 50,000 machines opens as fast as one of 50. A query or sort change bumps
a generation number; late answers to an older query are dropped instead of mixing two lists.

Sorting is done by the service (``order``): the database sorts all matches, not just the page
loaded so far. Lines and maintenance dates have no service order, so their headers do not sort.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from core.equipment import INSPECTION_SOON_DAYS, STATUS_LABELS, Equipment, EquipmentQuery
from core.plant import RISK_LABELS, label
from desktop.context import AppContext
from desktop.models.paged import Fetch, PagedTableModel

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("code", "name", "type", "area", "line", "status", "risk", "last_maintenance",
           "next_maintenance", "inspection_due")
# Column → EquipmentService.search_page ``order``; columns missing here are not sortable.
SORT_ORDERS = {"code": "code", "name": "name", "type": "type", "area": "area",
               "status": "status", "risk": "risk", "inspection_due": "inspection_due"}
EQUIPMENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole Equipment, for pages and dialogs
RISK_ROLE = Qt.ItemDataRole.UserRole + 2  # the risk grade key (or None), for the chip delegate
ALERT_ROLE = Qt.ItemDataRole.UserRole + 3  # True where a date needs attention

# A calm red: noticeable on white and on the alternate row colour without shouting.
ALERT_COLOUR = QColor("#B3261E")
SOON_COLOUR = QColor("#9A5B00")  # due soon but not yet late: amber-brown, readable on white
_INACTIVE_COLOUR = QColor("#8A8F98")  # scrapped machines stay listed but read as inactive
_icons: dict[str, QIcon] = {}


def alert_icon(colour: QColor = ALERT_COLOUR, size: int = 14) -> QIcon:
    """A small round "!" badge, drawn rather than loaded so it matches the text colour."""
    key = f"{colour.name()}-{size}"
    if key not in _icons:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(size - 4)
        painter.setFont(font)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "!")
        painter.end()
        _icons[key] = QIcon(pixmap)
    return _icons[key]


class EquipmentTableModel(PagedTableModel):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, EquipmentQuery(), parent)
        self._order = "code"

    def _fetcher(self) -> Fetch:
        ws, actor, query, order = self.ctx.workspace, self.ctx.actor, self._query, self._order
        return lambda offset, limit: ws.equipment.search_page(actor, query, offset, limit, order)

    # -- queries ------------------------------------------------------------------------
    @property
    def order(self) -> str:
        return self._order

    @property
    def today(self) -> dt.date:
        # The query's fixed "today" (tests) also drives the highlighting, so both agree.
        return self._query.today or dt.date.today()

    def set_order(self, order: str) -> None:
        if order not in SORT_ORDERS.values():
            raise ValueError(f"unknown equipment order {order!r}")
        self._order = order
        self._reload(self.PAGE_SIZE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort entry point; the service sorts ascending only (codes, then risk first)."""
        key = SORT_ORDERS.get(COLUMNS[column]) if 0 <= column < len(COLUMNS) else None
        if key is not None and key != self._order:
            self.set_order(key)

    def sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column] in SORT_ORDERS

    # -- the model ----------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and self.sortable(section):
            return self.tr("Click to sort by this column")
        return None

    def column_title(self, column: str) -> str:
        titles = {
            "code": self.tr("Code"),
            "name": self.tr("Name"),
            "type": self.tr("Type"),
            "area": self.tr("Area"),
            "line": self.tr("Line"),
            "status": self.tr("Status"),
            "risk": self.tr("Risk grade"),
            "last_maintenance": self.tr("Last serviced"),
            "next_maintenance": self.tr("Service due"),
            "inspection_due": self.tr("Inspection due"),
        }
        return titles[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == EQUIPMENT_ROLE:
            return item
        if role == RISK_ROLE:
            return item.risk_grade if column == "risk" else None
        alert = self._alert(item, column)
        if role == ALERT_ROLE:
            return alert is not None
        if role == Qt.ItemDataRole.ToolTipRole:
            return alert[1] if alert else (self._text(item, column) or None)
        if role == Qt.ItemDataRole.ForegroundRole:
            if alert:
                return alert[0]
            if item.status == "scrapped" or (column == "risk" and item.risk_grade is None):
                return _INACTIVE_COLOUR
            return None
        if role == Qt.ItemDataRole.DecorationRole and alert:
            return alert_icon(alert[0])
        return None

    def _text(self, item: Equipment, column: str) -> str:
        if column == "type":
            return item.type_name
        if column == "area":
            return item.area_name
        if column == "line":
            return item.line_name
        if column == "status":
            return label(STATUS_LABELS, item.status)
        if column == "risk":
            return label(RISK_LABELS, item.risk_grade) if item.risk_grade else \
                self.tr("Not assessed")
        if column in ("last_maintenance", "next_maintenance", "inspection_due"):
            value: dt.date | None = getattr(item, column)
            return value.isoformat() if value else ""
        return str(getattr(item, column) or "")

    def _alert(self, item: Equipment, column: str) -> tuple[QColor, str] | None:
        """(colour, explanation) where a date needs the clerk's attention, else None."""
        today = self.today
        if column == "next_maintenance" and item.next_maintenance \
                and item.next_maintenance < today:
            days = (today - item.next_maintenance).days
            return ALERT_COLOUR, self.tr("Maintenance overdue by {n} days (due {date})").format(
                n=days, date=item.next_maintenance.isoformat())
        if column == "inspection_due" and item.special and item.inspection_due:
            days = (item.inspection_due - today).days
            if days < 0:
                return ALERT_COLOUR, self.tr(
                    "Statutory inspection overdue by {n} days (due {date})").format(
                    n=-days, date=item.inspection_due.isoformat())
            if days <= INSPECTION_SOON_DAYS:
                return SOON_COLOUR, self.tr(
                    "Statutory inspection due in {n} days ({date})").format(
                    n=days, date=item.inspection_due.isoformat())
        return None

    def equipment(self, row: int) -> Equipment | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, equipment_id: str) -> int:
        for row, item in enumerate(self._rows):
            if item.id == equipment_id:
                return row
        return -1
