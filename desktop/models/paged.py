"""A table model that loads its rows page by page from a service, off the UI thread.

Only the rows the view scrolls to are loaded (200 at a time, on the "db" lane, so reads queue
behind writes and never see half an import). A query change bumps a generation number; answers
to an older query that arrive late are dropped instead of mixing two searches in one table.
Subclasses say how to fetch (``_fetcher``) and how to show a row (``data``, headers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Signal

from desktop.context import AppContext
from desktop.tasks import Op

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int, int], tuple[list[Any], int]]  # (offset, limit) -> (rows, total)


class PagedTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    # A reload keeps at most this many rows, so a refresh after scrolling far stays quick.
    MAX_RELOAD = 2000

    loaded = Signal(int)  # the number of matching rows, after each (re)load
    failed = Signal(object)  # the exception of a failed read

    def __init__(self, ctx: AppContext, query: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list[Any] = []
        self._total = 0
        self._query = query
        self._generation = 0
        self._fetching = False
        self._loading = False

    def _fetcher(self) -> Fetch:
        """Called on the UI thread; the returned function runs on the database lane, so it
        must capture plain values (query, order, actor), never widgets or ``self``."""
        raise NotImplementedError

    # -- queries ------------------------------------------------------------------------
    @property
    def query(self) -> Any:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._loading or self._fetching

    def set_query(self, query: Any) -> None:
        self._query = query
        self._reload(self.PAGE_SIZE)

    def refresh(self) -> None:
        """Reload the same search after a change, keeping as many rows as were loaded."""
        self._reload(min(max(self.PAGE_SIZE, len(self._rows)), self.MAX_RELOAD))

    def _reload(self, limit: int) -> None:
        self._generation += 1
        generation, fetch = self._generation, self._fetcher()
        self._loading = True
        Op(None, lambda _: fetch(0, limit), lane="db").success(
            lambda result: self._loaded(generation, result)
        ).failure(lambda exc: self._failed(generation, exc)).run()

    def _loaded(self, generation: int, result: tuple[list[Any], int]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        rows, total = result
        self.beginResetModel()
        self._rows = list(rows)
        self._total = total
        self._fetching = self._loading = False
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
        generation, fetch = self._generation, self._fetcher()
        offset, size = len(self._rows), self.PAGE_SIZE
        Op(None, lambda _: fetch(offset, size)[0], lane="db").success(
            lambda page: self._append(generation, offset, page)
        ).failure(lambda exc: self._failed(generation, exc)).run()

    def _append(self, generation: int, offset: int, page: list[Any]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._fetching = False
        if offset != len(self._rows):
            return
        if not page:
            # Rows went away since the count: stop asking for rows that are gone.
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)
