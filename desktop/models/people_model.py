"""The people table: a paged adapter over PeopleService.search/count.

Only the rows the view scrolls to are loaded, 200 at a time, on the "db" lane (so reads queue
behind writes and never see half an import). A query change bumps a generation number; answers
to an older query that arrive late are dropped instead of mixing two searches in one table.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from core.plant import STATUS_LABELS, PeopleQuery, Person, label
from desktop.context import AppContext
from desktop.tasks import Op, Progress

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("employee_no", "name", "gender", "department", "post", "hire_date", "phone", "status")
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole Person, for pages and dialogs
_LEFT_COLOUR = QColor("#8A8F98")  # people who left stay listed but read as inactive


class PeopleTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    # A reload keeps at most this many rows, so a refresh after scrolling far stays quick.
    MAX_RELOAD = 2000

    loaded = Signal(int)  # the number of matching people, after each (re)load
    failed = Signal(object)  # the exception of a failed read

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list[Person] = []
        self._total = 0
        self._query = PeopleQuery()
        self._generation = 0
        self._fetching = False
        self._loading = False

    # -- queries ------------------------------------------------------------------------
    @property
    def query(self) -> PeopleQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._loading or self._fetching

    def set_query(self, query: PeopleQuery) -> None:
        self._query = query
        self._reload(self.PAGE_SIZE)

    def refresh(self) -> None:
        """Reload the same search after a change, keeping as many rows as were loaded."""
        keep = min(max(self.PAGE_SIZE, len(self._rows)), self.MAX_RELOAD)
        self._reload(keep)

    def _reload(self, limit: int) -> None:
        self._generation += 1
        generation, query = self._generation, self._query
        self._loading = True
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: Progress) -> tuple[int, list[Person]]:
            rows, total = ws.people.search_page(actor, query, 0, limit)  # one scan for both
            return total, rows

        Op(None, work, lane="db").success(
            lambda result: self._loaded(generation, result)
        ).failure(lambda exc: self._failed(generation, exc)).run()

    def _loaded(self, generation: int, result: tuple[int, list[Person]]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        total, rows = result
        self.beginResetModel()
        self._rows = rows
        self._total = total
        self._fetching = False
        self._loading = False
        self.endResetModel()
        self.loaded.emit(total)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._loading = self._fetching = False
        self.failed.emit(exc)

    # -- paging -------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetching or self._loading or not self.canFetchMore():
            return
        self._fetching = True
        generation, query, offset = self._generation, self._query, len(self._rows)
        ws, actor, size = self.ctx.workspace, self.ctx.actor, self.PAGE_SIZE
        Op(None, lambda _: ws.people.search(actor, query, offset, size), lane="db").success(
            lambda page: self._append(generation, offset, page)
        ).failure(lambda exc: self._failed(generation, exc)).run()

    def _append(self, generation: int, offset: int, page: list[Person]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._fetching = False
        if offset != len(self._rows):
            return
        if not page:
            # People were removed since the count: stop asking for rows that are gone.
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- the model ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

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
