"""A table over a plain list of records: subclasses name their columns and say what a cell shows.

For short lists read whole (due inspections, warnings, key monitoring); long tables page through
desktop/models/paged.py instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the record behind a row


class ListTableModel(QAbstractTableModel):
    """A table over a list of records; subclasses say what each column shows."""

    COLUMNS: tuple[str, ...] = ()
    RECORD_ROLE = ROW_ROLE  # data(index, RECORD_ROLE) is the record behind the row

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return self.column_title(self.COLUMNS[section])
        return None

    def column_title(self, column: str) -> str:
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) \
                or not 0 <= index.column() < len(self.COLUMNS):
            return None
        record = self.rows[index.row()]
        if role == self.RECORD_ROLE:
            return record
        return self.cell(record, self.COLUMNS[index.column()], role, index.row())

    def cell(self, record: Any, column: str, role: int, row: int) -> Any:
        raise NotImplementedError
