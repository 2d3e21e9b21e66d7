"""The hazard list: a paged adapter over HazardService.search_page, and the board's columns.

As with the equipment table, only the rows the view scrolls to are loaded (200 at a time, on
the "db" lane); a query change bumps a generation number so late answers to an older query are
dropped. The service sorts newest first (the order a clerk works in), so headers do not sort.

Deadlines are judged against the service's clock (``HazardService.now``), or the query's fixed
``now`` when it has one, so the red "overdue" marks agree with the "overdue" filter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from core.colours import RISK_COLOURS, RISK_TEXT_COLOURS
from core.hazards import (
    GRADE_LABELS,
    HAZARD_TYPES,
    SOURCE_LABELS,
    STEP_LABELS,
    Hazard,
    HazardQuery,
    label,
)
from desktop.context import AppContext
from desktop.models.equipment_model import ALERT_COLOUR, alert_icon
from desktop.models.paged import Fetch, PagedTableModel
from desktop.tasks import Op, Progress

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("number", "found_at", "description", "type", "grade", "area", "equipment", "step",
           "owner", "deadline", "source")
HAZARD_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole Hazard, for pages and dialogs
GRADE_ROLE = Qt.ItemDataRole.UserRole + 2  # "general" / "major" on the grade column
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3  # True where the current step is past its deadline

# Major hazards carry the regulation red; a general hazard is a quiet grey chip, so it is never
# mistaken for one of the four risk colours (a general *hazard* is not a "general risk").
GRADE_CHIP: dict[str, tuple[str, str]] = {
    "major": (RISK_COLOURS["major"], RISK_TEXT_COLOURS["major"]),
    "general": ("#E4E7EB", "#37414B"),
}
CONFLICT_COLOUR = QColor("#9A5B00")  # amber-brown: needs a supervisor, not an emergency
_DONE_COLOUR = QColor("#8A8F98")  # archived, rejected and merged hazards read as inactive
_FINISHED = ("closed", "rejected", "merged")


def time_text(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def span_text(delta: dt.timedelta) -> str:
    """A duration the way people say it: "40 min", "5 h", "3 d 2 h" (translated)."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 60:
        return QCoreApplication.translate("HazardModel", "{m} min").format(m=minutes)
    hours = minutes // 60
    if hours < 48:
        return QCoreApplication.translate("HazardModel", "{h} h").format(h=hours)
    return QCoreApplication.translate("HazardModel", "{d} d {h} h").format(d=hours // 24, h=hours % 24)


def overdue_text(deadline: dt.datetime, now: dt.datetime, escalation: int = 0) -> str:
    """The explanation of a red deadline, with who has been told about it."""
    text = QCoreApplication.translate("HazardModel", "Overdue by {span} (due {date})").format(
        span=span_text(now - deadline), date=time_text(deadline))
    if escalation >= 2:
        text += "\n" + QCoreApplication.translate("HazardModel", "Escalated to the plant's safety lead")
    elif escalation == 1:
        text += "\n" + QCoreApplication.translate("HazardModel", "Escalated to the department head")
    return text


def is_overdue(hazard: Hazard, now: dt.datetime) -> bool:
    return hazard.step not in _FINISHED and hazard.overdue(now)


class HazardTableModel(PagedTableModel):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, HazardQuery(), parent)

    def _fetcher(self) -> Fetch:
        ws, actor, query = self.ctx.workspace, self.ctx.actor, self._query
        return lambda offset, limit: ws.hazards.search_page(actor, query, offset, limit)

    @property
    def now(self) -> dt.datetime:
        return self._query.now or self.ctx.workspace.hazards.now()

    def refresh(self, query: HazardQuery | None = None) -> None:
        """Reload after a change, keeping as many rows as were loaded; ``query``: the same
        filters at a later ``now``, say."""
        if query is not None:
            self._query = query
        super().refresh()

    # -- the model ----------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section] == "deadline":
            return self.tr("When the current step is due")
        return None

    def column_title(self, column: str) -> str:
        titles = {
            "number": self.tr("No."),
            "found_at": self.tr("Found"),
            "description": self.tr("Description"),
            "type": self.tr("Type"),
            "grade": self.tr("Grade"),
            "area": self.tr("Area"),
            "equipment": self.tr("Equipment"),
            "step": self.tr("Step"),
            "owner": self.tr("Responsible"),
            "deadline": self.tr("Due"),
            "source": self.tr("Source"),
        }
        return titles[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == HAZARD_ROLE:
            return item
        if role == GRADE_ROLE:
            return item.grade if column == "grade" else None
        overdue = column == "deadline" and is_overdue(item, self.now)
        if role == OVERDUE_ROLE:
            return overdue
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column, overdue)
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue:
                return ALERT_COLOUR
            if column == "step" and item.conflicts:
                return CONFLICT_COLOUR
            if item.step in _FINISHED:
                return _DONE_COLOUR
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if overdue:
                return alert_icon(ALERT_COLOUR)
            if column == "step" and item.conflicts:
                return alert_icon(CONFLICT_COLOUR)
        return None

    def _tooltip(self, item: Hazard, column: str, overdue: bool) -> str | None:
        if overdue and item.step_deadline is not None:
            return overdue_text(item.step_deadline, self.now, item.escalation_level)
        if column == "step" and item.conflicts:
            return self.tr("{n} conflicting changes from another PC wait for a supervisor "
                           "(open the hazard to settle them)").format(n=item.conflicts)
        if column == "owner" and item.department_name:
            return " · ".join(p for p in (item.rectifier_name, item.department_name) if p)
        return self._text(item, column) or None

    def _text(self, item: Hazard, column: str) -> str:
        if column == "found_at":
            return time_text(item.found_at)
        if column == "type":
            return label(HAZARD_TYPES, item.type)
        if column == "grade":
            return label(GRADE_LABELS, item.grade)
        if column == "area":
            return " · ".join(p for p in (item.area_name, item.line_name) if p)
        if column == "equipment":
            return item.equipment_code
        if column == "step":
            return label(STEP_LABELS, item.step)
        if column == "owner":
            return item.rectifier_name or item.department_name
        if column == "deadline":
            return time_text(item.step_deadline) if item.step not in _FINISHED else ""
        if column == "source":
            return label(SOURCE_LABELS, item.source)
        if column == "description":
            return " ".join(item.description.split())  # one line in the table
        return str(getattr(item, column) or "")

    def hazard(self, row: int) -> Hazard | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, hazard_id: str) -> int:
        return next((row for row, item in enumerate(self._rows) if item.id == hazard_id), -1)


class BoardColumnModel(QAbstractListModel):
    """One column of the board: the newest hazards of one step (a card each), up to LIMIT;
    ``total`` says how many there are in all, for the "N more" hint."""

    LIMIT = 100

    loaded = Signal(int)
    failed = Signal(object)

    def __init__(self, ctx: AppContext, step: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.step = step
        self._rows: list[Hazard] = []
        self._total = 0
        self._query = HazardQuery(steps=(step,))
        self._generation = 0
        self._loading = False

    @property
    def total(self) -> int:
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def now(self) -> dt.datetime:
        return self._query.now or self.ctx.workspace.hazards.now()

    @property
    def hidden(self) -> int:
        """Hazards in this step that are not shown as cards (beyond the limit)."""
        return max(0, self._total - len(self._rows))

    def set_query(self, query: HazardQuery) -> None:
        """The page's filters; the step is always this column's own."""
        self._query = replace(query, steps=(self.step,))
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation, query, limit = self._generation, self._query, self.LIMIT
        self._loading = True
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: Progress) -> tuple[list[Hazard], int]:
            return ws.hazards.search_page(actor, query, 0, limit)

        Op(None, work, lane="db").success(
            lambda result: self._loaded(generation, result)
        ).failure(lambda exc: self._failed(generation, exc)).run()

    def _loaded(self, generation: int, result: tuple[list[Hazard], int]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.beginResetModel()
        self._rows, self._total = result
        self._loading = False
        self.endResetModel()
        self.loaded.emit(self._total)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._loading = False
        self.failed.emit(exc)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.number} {item.description}"
        if role == HAZARD_ROLE:
            return item
        if role == GRADE_ROLE:
            return item.grade
        if role == OVERDUE_ROLE:
            return is_overdue(item, self.now)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{item.number}  {label(GRADE_LABELS, item.grade)}", item.description]
            if is_overdue(item, self.now) and item.step_deadline is not None:
                lines.append(overdue_text(item.step_deadline, self.now, item.escalation_level))
            if item.conflicts:
                lines.append(self.tr("Conflicting changes wait for a supervisor"))
            return "\n".join(lines)
        return None

    def hazard(self, row: int) -> Hazard | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, hazard_id: str) -> int:
        return next((row for row, item in enumerate(self._rows) if item.id == hazard_id), -1)
