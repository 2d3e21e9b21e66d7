"""安全积分 Safety points: the month's ranking (top three in gold, silver and bronze), how one
person earned theirs, and the rules in plain words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.points import Award, Ranked
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, guard
from desktop.pages.base import Page
from desktop.tasks import Op

Index = QModelIndex | QPersistentModelIndex
# Gold, silver, bronze: soft fills that keep black text readable, and a stronger medal dot
# beside the rank that stays visible when the row is selected.
MEDALS = {1: QColor("#F8E08E"), 2: QColor("#DDE3EA"), 3: QColor("#EBC29B")}
MEDAL_DOTS = {1: "#D4A017", 2: "#98A4B3", 3: "#B0703A"}
RANKED_ROLE = Qt.ItemDataRole.UserRole + 1


# Spelled out in full (no alias): lupdate only finds QCoreApplication.translate(...) calls.
def _ranking_titles() -> dict[str, str]:
    return {"rank": QCoreApplication.translate("PointsPage", "Rank"),
            "name": QCoreApplication.translate("PointsPage", "Name"),
            "employee_no": QCoreApplication.translate("PointsPage", "Employee no."),
            "points": QCoreApplication.translate("PointsPage", "Points")}


def _history_titles() -> dict[str, str]:
    return {"at": QCoreApplication.translate("PointsPage", "When"),
            "points": QCoreApplication.translate("PointsPage", "Points"),
            "rule": QCoreApplication.translate("PointsPage", "For"),
            "reason": QCoreApplication.translate("PointsPage", "Reference")}


class RankingModel(QAbstractTableModel):
    COLUMNS = ("rank", "name", "employee_no", "points")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Ranked] = []

    def set_rows(self, rows: list[Ranked]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _ranking_titles()[self.COLUMNS[section]]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (0, 3):  # rank, points
            return Qt.AlignmentFlag.AlignCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"rank": str(row.rank), "name": row.name, "employee_no": row.employee_no,
                    "points": str(row.points)}[column]
        if role == Qt.ItemDataRole.BackgroundRole:
            return MEDALS.get(row.rank)
        if role == Qt.ItemDataRole.DecorationRole and column == "rank" and row.rank in MEDALS:
            return _medal(row.rank)
        if role == Qt.ItemDataRole.FontRole and row.rank in MEDALS:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("rank", "points"):
            return Qt.AlignmentFlag.AlignCenter
        if role == RANKED_ROLE:
            return row
        return None


class HistoryModel(QAbstractTableModel):
    COLUMNS = ("at", "points", "rule", "reason")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Award] = []

    def set_rows(self, rows: list[Award]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal
                or not 0 <= section < len(self.COLUMNS)):
            return None
        return _history_titles()[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        award, column = self.rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"at": award.at.strftime("%Y-%m-%d %H:%M"), "points": f"{award.points:+d}",
                    "rule": award.rule_label, "reason": award.reason}[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == "points":
            return QColor("#1E6B35") if award.points >= 0 else QColor("#8E1F14")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "points":
            return Qt.AlignmentFlag.AlignCenter
        return None


_medals: dict[int, QPixmap] = {}


def _medal(rank: int) -> QPixmap:
    if rank not in _medals:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("white"), 1))
        painter.setBrush(QColor(MEDAL_DOTS[rank]))
        painter.drawEllipse(1, 1, 12, 12)
        painter.end()
        _medals[rank] = pixmap
    return _medals[rank]


def _table(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class PointsPage(Page):
    page_id = "points"
    required_permission = Permission.VIEW_HAZARDS

    loaded = Signal(int)  # people ranked, after each load
    history_loaded = Signal(str)  # the person id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._generation = 0
        self.person_id = ""

        today = QDate.currentDate()
        self.month = QDateEdit(QDate(today.year(), today.month(), 1), self)
        self.month.setObjectName("pointsMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setMaximumDate(QDate(today.year(), today.month(), 1).addMonths(1).addDays(-1))
        self.month.setToolTip(self.tr("The month to rank"))
        self.previous_button = QToolButton(self)
        self.previous_button.setText("‹")
        self.previous_button.setToolTip(self.tr("Previous month"))
        self.previous_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button = QToolButton(self)
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("Next month"))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.summary = QLabel(self)
        self.summary.setObjectName("pointsSummary")
        self.rules_label = QLabel(self)
        self.rules_label.setObjectName("pointsRules")
        self.rules_label.setWordWrap(True)
        self.rules_label.setStyleSheet(
            "#pointsRules { background: #eef4fb; border: 1px solid #cfdff0; border-radius: 4px;"
            " padding: 8px; color: #1B4F86; }")
        self.message = MessageBar(self)

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(QLabel(self.tr("Month"), self))
        top.addWidget(self.previous_button)
        top.addWidget(self.month)
        top.addWidget(self.next_button)
        top.addSpacing(16)
        top.addWidget(self.summary)
        top.addStretch(1)

        self.ranking_model = RankingModel(self)
        self.ranking = _table(self.ranking_model, self)
        self.ranking.setObjectName("ranking")
        header = self.ranking.horizontalHeader()
        metrics = self.ranking.fontMetrics()
        header.setStretchLastSection(False)
        for column, sample in enumerate(("● Rank 000", "欧阳晓明明", "HJ-000123", "Points 0000")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 32)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #6b7785; padding: 24px;")
        self.empty.hide()
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.ranking, 1)
        left_layout.addWidget(self.empty, 1)

        self.history_box = QGroupBox(self.tr("How the points were earned"), self)
        self.history_model = HistoryModel(self)
        self.history = _table(self.history_model, self.history_box)
        self.history.setObjectName("pointsHistory")
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, sample in enumerate(("2026-03-02 09:00", "+00", "按期完成整改")):
            self.history.horizontalHeader().resizeSection(
                column, self.history.fontMetrics().horizontalAdvance(sample) + 28)
        self.history_hint = QLabel(self.tr("Choose a person in the ranking to see their points."),
                                   self.history_box)
        self.history_hint.setObjectName("historyHint")
        self.history_hint.setWordWrap(True)
        self.history_hint.setStyleSheet("color: #6b7785;")
        box = QVBoxLayout(self.history_box)
        box.addWidget(self.history_hint)
        box.addWidget(self.history, 1)
        self.history.hide()

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.history_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.month.dateChanged.connect(lambda _: self.reload())
        self.ranking.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        ctx.data_changed.connect(self._data_changed)
        self.reload()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("PointsPage", "Safety points")

    # -- month ---------------------------------------------------------------------------
    def year_month(self) -> tuple[int, int]:
        date = self.month.date()
        return date.year(), date.month()

    def set_month(self, year: int, month: int) -> None:
        self.month.setDate(QDate(year, month, 1))

    def step_month(self, delta: int) -> None:
        self.month.setDate(self.month.date().addMonths(delta))

    # -- loading -------------------------------------------------------------------------
    def activated(self) -> None:
        self.reload()

    def _data_changed(self, entity: str, _ids: list) -> None:
        if entity in ("hazard", "points", "person"):
            self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        ws, actor = self.ctx.workspace, self.ctx.actor
        year, month = self.year_month()

        def work(_: object) -> tuple[list[Ranked], str]:
            return ws.points.ranking(actor, year, month), ws.points.rules_text()

        Op(self, work, lane="db").success(
            guard(self, lambda result: self._loaded(generation, result))).failure(
            guard(self, self.message.show_failure)).run()

    def _loaded(self, generation: int, result: tuple[list[Ranked], str]) -> None:
        if generation != self._generation:
            return  # the month changed again meanwhile
        rows, rules = result
        self.rules_label.setText(self.tr("How points are earned: {rules}")
                                 .replace("{rules}", rules))
        keep = self.person_id
        self.ranking_model.set_rows(rows)
        year, month = self.year_month()
        month_text = f"{year}-{month:02d}"
        if rows:
            self.summary.setText(self.tr("{people} people earned {points} points in {month}")
                                 .replace("{people}", str(len(rows)))
                                 .replace("{points}", str(sum(r.points for r in rows)))
                                 .replace("{month}", month_text))
        else:
            self.summary.setText("")
            self.empty.setText(self.tr("No points were earned in {month} yet.")
                               .replace("{month}", month_text))
        self.ranking.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        found = next((i for i, r in enumerate(rows) if r.person_id == keep), None)
        if found is not None:
            self.ranking.selectRow(found)
        elif keep:
            self.person_id = ""
            self._show_history_hint()
        self.loaded.emit(len(rows))

    def _selected(self) -> None:
        rows = self.ranking.selectionModel().selectedRows()
        if not rows:
            return
        person: Ranked = self.ranking_model.data(rows[0], RANKED_ROLE)
        self.show_history(person)

    def show_history(self, person: Ranked) -> None:
        self.person_id = person.person_id
        self.history_box.setTitle(self.tr("How {name} earned points").replace(
            "{name}", person.name))
        ws, actor, person_id = self.ctx.workspace, self.ctx.actor, person.person_id
        Op(self, lambda _: ws.points.history(actor, person_id), lane="db").success(
            guard(self, lambda awards: self._history_loaded(person_id, awards))).failure(
            guard(self, self.message.show_failure)).run()

    def _history_loaded(self, person_id: str, awards: list[Award]) -> None:
        if person_id != self.person_id:
            return
        self.history_model.set_rows(awards)
        self.history_hint.setText(self.tr("All points, newest first. Total: {total}")
                                  .replace("{total}", str(sum(a.points for a in awards))))
        self.history.show()
        self.history_loaded.emit(person_id)

    def _show_history_hint(self) -> None:
        self.history_box.setTitle(self.tr("How the points were earned"))
        self.history_model.set_rows([])
        self.history.hide()
        self.history_hint.setText(self.tr("Choose a person in the ranking to see their points."))
