"""The people table: a paged adapter over PeopleService.search/count.

Only the rows the view scrolls to are loaded, 200 at a time, on the "db" lane (so reads queue
behind writes and never see half an import). A query change bumps a generation number; answers
to an older query that arrive late are dropped instead of mixing two searches in one table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from core.plant import STATUS_LABELS, PeopleQuery, Person, label
from desktop.context import AppContext
from desktop.models.paged import Fetch, PagedTableModel

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("employee_no", "name", "gender", "department", "post", "hire_date", "phone", "status")
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole Person, for pages and dialogs
_LEFT_COLOUR = QColor("#8A8F98")  # people who left stay listed but read as inactive


class PeopleTableModel(PagedTableModel):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, PeopleQuery(), parent)

    def _fetcher(self) -> Fetch:
        ws, actor, query = self.ctx.workspace, self.ctx.actor, self._query
        return lambda offset, limit: ws.people.search_page(actor, query, offset, limit)

    # -- the model ----------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(COLUMNS[section])
        return None

    def column_title(self, column: str) -> str:
        titles = {
            "employee_no": self.tr("Employee no."),
            "name": self.tr("Name"),
            "gender": self.tr("Gender"),
            "department": self.tr("Department"),
            "post": self.tr("Post"),
            "hire_date": self.tr("Hire date"),
            "phone": self.tr("Phone"),
            "status": self.tr("Status"),
        }
        return titles[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(person, COLUMNS[index.column()])
        if role == Qt.ItemDataRole.ForegroundRole and person.status == "left":
            return _LEFT_COLOUR
        if role == PERSON_ROLE:
            return person
        return None

    def _text(self, person: Person, column: str) -> str:
        if column == "gender":
            return {"M": self.tr("Male"), "F": self.tr("Female")}.get(person.gender or "", "")
        if column == "department":
            return person.department_name
        if column == "post":
            return person.post_name
        if column == "hire_date":
            return person.hire_date.isoformat() if person.hire_date else ""
        if column == "status":
            return label(STATUS_LABELS, person.status)
        return getattr(person, column) or ""

    def person(self, row: int) -> Person | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, person_id: str) -> int:
        for row, person in enumerate(self._rows):
            if person.id == person_id:
                return row
        return -1
