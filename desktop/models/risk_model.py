"""The risk register table: a paged adapter over RiskService.search_page (F7).

Rows load 200 at a time on the "db" lane (see desktop/models/paged.py); the grade column hands
its grade key to the colour-chip delegate through RISK_ROLE, the same role the equipment table
uses, so both tables paint grades alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from core.risk import (
    CONTROL_LEVEL_LABELS,
    KIND_LABELS,
    RiskPoint,
    RiskQuery,
    grade_label,
    label,
    review_overdue,
)
from desktop.context import AppContext
from desktop.models.equipment_model import RISK_ROLE
from desktop.models.paged import Fetch, PagedTableModel

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("code", "name", "kind", "area", "where", "method", "score", "grade",
           "control_level", "responsible", "review_date")
SORT_ORDERS = {"code": "code", "name": "name", "area": "area", "score": "score",
               "grade": "grade", "review_date": "review"}
POINT_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole RiskPoint, for the page and dialogs
_GREY = QColor("#8A8F98")
OVERDUE_COLOUR = QColor("#C62828")  # a review date that has passed


class RiskTableModel(PagedTableModel):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, RiskQuery(), parent)
        self._order = "code"

    def _fetcher(self) -> Fetch:
        ws, actor, query, order = self.ctx.workspace, self.ctx.actor, self._query, self._order
        risk = ws.risk
        return lambda offset, limit: risk.search_page(actor, query, offset, limit, order)

    @property
    def order(self) -> str:
        return self._order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_ORDERS.get(COLUMNS[column]) if 0 <= column < len(COLUMNS) else None
        if key is not None and key != self._order:
            self._order = key
            self._reload(self.PAGE_SIZE)

    def sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column] in SORT_ORDERS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole title, also when it is elided
            title = self.column_title(COLUMNS[section])
            if self.sortable(section):
                return title + "\n" + self.tr("Click to sort by this column")
            return title
        return None

    def column_title(self, column: str) -> str:
        return {
            "code": self.tr("Code"), "name": self.tr("Risk point"), "kind": self.tr("Type"),
            "area": self.tr("Area"), "where": self.tr("Equipment / activity"),
            "method": self.tr("Method"), "score": self.tr("Score"),
            "grade": self.tr("Risk grade"), "control_level": self.tr("Control level"),
            "responsible": self.tr("Responsible"), "review_date": self.tr("Review date"),
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        point: RiskPoint = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(point, column)
        if role == POINT_ROLE:
            return point
        if role == RISK_ROLE:
            return point.grade if column == "grade" else None
        overdue = column == "review_date" and review_overdue(point, dt.date.today())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "name" and point.hazard_factors:
                return point.hazard_factors
            if overdue:
                return self.tr("Review overdue")
            return self._text(point, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == "grade" and not point.grade:
            return _GREY
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return OVERDUE_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "score":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, p: RiskPoint, column: str) -> str:
        if column == "kind":
            return label(KIND_LABELS, p.kind)
        if column == "area":
            return p.area_name
        if column == "where":
            if p.kind == "equipment":
                return f"{p.equipment_code} {p.equipment_name}".strip()
            return p.activity or ""
        if column == "method":
            return {"lec": "LEC", "ls": "LS"}.get(p.method or "", "")
        if column == "score":
            return "" if p.score is None else f"{p.score:g}"
        if column == "grade":
            return grade_label(p.grade) if p.grade else self.tr("Not assessed")
        if column == "control_level":
            return label(CONTROL_LEVEL_LABELS, p.control_level)
        if column == "responsible":
            return " · ".join(x for x in (p.responsible_department_name,
                                          p.responsible_person_name) if x)
        if column == "review_date":
            return p.review_date.isoformat() if p.review_date else ""
        return str(getattr(p, column) or "")

    def point(self, row: int) -> RiskPoint | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, point_id: str) -> int:
        return next((r for r, p in enumerate(self._rows) if p.id == point_id), -1)
