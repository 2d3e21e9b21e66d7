"""隐患 Hazards: the clerk's daily work. A list with filters and the measures of what it shows,
and a board with one column per open step; double-click opens the hazard.

Both views read through ``HazardService.search_page``; the board asks for each step's newest
cards (``BoardColumnModel.LIMIT``) and says how many more there are. Everything refreshes when
``ctx.data_changed("hazard")`` says something changed (the step dialogs announce their writes).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPen,
    QResizeEvent,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.hazards import GRADE_LABELS, GRADES, STEP_LABELS, Hazard, HazardQuery, Measures, label
from core.workflow import OPEN_STEPS, STEPS
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, guard
from desktop.dialogs.hazard_detail import HazardDetailDialog
from desktop.dialogs.hazard_dialogs import RecordHazardDialog
from desktop.models.equipment_model import ALERT_COLOUR, alert_icon
from desktop.models.hazard_model import (
    COLUMNS,
    CONFLICT_COLOUR,
    GRADE_CHIP,
    GRADE_ROLE,
    HAZARD_ROLE,
    OVERDUE_ROLE,
    BoardColumnModel,
    HazardTableModel,
    span_text,
)
from desktop.pages.base import Page
from desktop.tasks import Op

SEARCH_DELAY_MS = 250
ALL_STEPS, OPEN_ONLY = "all", "open"
DEFAULT_RANGE_DAYS = 30
# Typical widest content per column, so Chinese text is not cut off.
_COLUMN_SAMPLES = {
    "number": "YH-2026-0001", "found_at": "2026-03-02 09:00", "description": "",
    "type": "安全防护装置缺失", "grade": "重大隐患", "area": "冲压车间 · 冲压B线",
    "equipment": "YJ-CY-0012", "step": "整改中", "owner": "欧阳晓东", "deadline":
    "2026-03-05 09:00", "source": "监管检查",
}
_DESCRIPTION_MIN = 200


def paint_chip(painter: QPainter, rect: QRect, text: str, grade: str,
               metrics: Any) -> QRect:
    """A rounded grade chip at the left of ``rect``; returns the chip's rectangle."""
    background, colour = GRADE_CHIP.get(grade, GRADE_CHIP["general"])
    height = metrics.height() + 2
    chip = QRect(rect.left(), rect.center().y() - height // 2 + 1,
                 min(metrics.horizontalAdvance(text) + 18, rect.width()), height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(background))
    painter.drawRoundedRect(chip, height / 2, height / 2)
    painter.setPen(QColor(colour))
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return chip


class GradeChipDelegate(QStyledItemDelegate):
    """The grade column: 重大隐患 as a red chip, a general hazard as a grey one."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        grade = index.data(GRADE_ROLE)
        if grade not in GRADE_CHIP:
            super().paint(painter, option, index)
            return
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        text = base.text
        base.text = ""
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        rect: QRect = option.rect  # type: ignore[attr-defined]
        paint_chip(painter, rect.adjusted(6, 0, -4, 0), text, grade,
                   option.fontMetrics)  # type: ignore[attr-defined]

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        size.setWidth(size.width() + 24)
        return size


def _lines(text: str, option: QStyleOptionViewItem, width: int, count: int) -> list[str]:
    """``text`` broken into at most ``count`` lines of ``width`` pixels, the last one elided
    (Chinese has no spaces: the layout breaks between characters)."""
    text = " ".join(text.split())
    layout = QTextLayout(text, option.font)  # type: ignore[attr-defined]
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while len(spans) < count:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[start:start + length] for start, length in spans]
    if spans and spans[-1][0] + spans[-1][1] < len(text):
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        lines[-1] = metrics.elidedText(text[spans[-1][0]:], Qt.TextElideMode.ElideRight, width)
    return lines


class CardDelegate(QStyledItemDelegate):
    """A hazard as a card: number and grade, two lines of description, place and deadline."""

    PAD = 8

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        height = option.fontMetrics.height()  # type: ignore[attr-defined]
        return QSize(200, 4 * height + 3 * 4 + 2 * self.PAD + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        hazard: Hazard | None = index.data(HAZARD_ROLE)
        if hazard is None:
            return
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        card = option.rect.adjusted(4, 4, -4, -4)  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#2F7FD8") if selected else QColor("#D5DAE0"),
                            2 if selected else 1))
        painter.setBrush(QColor("#F4F8FD") if hovered and not selected else QColor("#FFFFFF"))
        painter.drawRoundedRect(card, 6, 6)
        # The strip on the left: red for a major hazard, so it stands out down a column.
        strip = QRect(card.left(), card.top(), 5, card.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(GRADE_CHIP["major"][0] if hazard.grade == "major"
                                else "#C4C9D0"))
        painter.drawRoundedRect(strip, 2, 2)

        pad, height = self.PAD, metrics.height()
        inner = card.adjusted(pad + 4, pad, -pad, -pad)
        top = QRect(inner.left(), inner.top(), inner.width(), height)
        font = option.font  # type: ignore[attr-defined]
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#37414B"))
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         hazard.number)
        if hazard.conflicts:  # conflicting offline changes wait for a supervisor
            left = top.left() + QFontMetrics(bold).horizontalAdvance(hazard.number) + 6
            alert_icon(CONFLICT_COLOUR, 14).paint(
                painter, QRect(left, top.center().y() - 7, 14, 14))
        painter.setFont(font)
        grade_text = label(GRADE_LABELS, hazard.grade)
        chip_width = metrics.horizontalAdvance(grade_text) + 18
        paint_chip(painter, QRect(top.right() - chip_width, top.top(), chip_width, height),
                   grade_text, hazard.grade, metrics)
        painter.setPen(QColor("#1F2933"))
        y = top.bottom() + 4
        for line in _lines(hazard.description, option, inner.width(), 2):
            painter.drawText(QRect(inner.left(), y, inner.width(), height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            y += height
        bottom = QRect(inner.left(), inner.bottom() - height + 1, inner.width(), height)
        deadline, colour = self._deadline(index, hazard)
        deadline_width = metrics.horizontalAdvance(deadline) + (18 if colour else 0)
        place = " · ".join(p for p in (hazard.area_name, hazard.equipment_code) if p)
        painter.setPen(QColor("#6B7785"))
        painter.drawText(bottom.adjusted(0, 0, -deadline_width - 8, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(place, Qt.TextElideMode.ElideRight,
                                            max(0, bottom.width() - deadline_width - 8)))
        if deadline:
            text_rect = QRect(bottom.right() - metrics.horizontalAdvance(deadline),
                              bottom.top(), metrics.horizontalAdvance(deadline), height)
            if colour is not None:
                icon = alert_icon(colour, 14)
                icon.paint(painter, QRect(text_rect.left() - 18, bottom.center().y() - 7,
                                          14, 14))
            painter.setPen(colour or QColor("#6B7785"))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, deadline)
        painter.restore()

    @staticmethod
    def _deadline(index: QModelIndex | QPersistentModelIndex,
                  hazard: Hazard) -> tuple[str, QColor | None]:
        if hazard.step_deadline is None:
            return "", None
        if index.data(OVERDUE_ROLE):
            model = index.model()
            now = getattr(model, "now", hazard.step_deadline)
            return QCoreApplication.translate("HazardsPage", "Overdue {span}").format(
                span=span_text(now - hazard.step_deadline)), ALERT_COLOUR
        return hazard.step_deadline.strftime("%m-%d %H:%M"), \
            (CONFLICT_COLOUR if hazard.conflicts else None)


class BoardColumn(QFrame):
    """One step of the board: its name and count, the cards, and how many are not shown."""

    activated = Signal(str)  # a hazard id (double-click or Enter)

    def __init__(self, ctx: AppContext, step: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setObjectName("boardColumn")
        self.setStyleSheet("#boardColumn { background: #EEF1F4; border-radius: 6px; }")
        self.model = BoardColumnModel(ctx, step, self)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.view = QListView(self)
        self.view.setObjectName(f"board_{step}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setMouseTracking(True)
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setStyleSheet("QListView { background: transparent; }")
        # activated: a double-click or Enter (doubleClicked as well would open it twice)
        self.view.activated.connect(self._activated)
        self.more = QLabel(self)
        self.more.setObjectName("boardMore")
        self.more.setStyleSheet("color: #6b7785;")
        self.more.setWordWrap(True)
        self.more.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.more)
        self.model.loaded.connect(lambda _: self._loaded())
        self._loaded()

    def _loaded(self) -> None:
        self.title.setText(self.tr("{step}  {n}").format(step=label(STEP_LABELS, self.step),
                                                         n=self.model.total))
        hidden = self.model.hidden
        self.more.setVisible(hidden > 0)
        self.more.setText(self.tr("{n} more not shown (the newest {limit} are); use the list "
                                  "to see them all").format(n=hidden, limit=self.model.LIMIT))

    def _activated(self, index: QModelIndex) -> None:
        hazard = self.model.hazard(index.row())
        if hazard is not None:
            self.activated.emit(hazard.id)


class _Table(QTableView):
    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.resized.emit()


class HazardsPage(Page):
    page_id = "hazards"
    required_permission = Permission.VIEW_HAZARDS

    measures_loaded = Signal()
    board_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.areas: list[dict[str, Any]] = []
        self.measures: Measures | None = None
        self._reselect: str | None = None
        self._measure_generation = 0
        self._board_stale = True

        self.toolbar = self._build_toolbar()
        self.search = QLineEdit(self)
        self.search.setObjectName("hazardSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search number, description or location"))
        self.search.setMinimumWidth(220)
        self.step_filter = self._combo(self.tr("All steps"), ALL_STEPS)
        self.step_filter.addItem(self.tr("Open (not yet archived)"), OPEN_ONLY)
        for step in STEPS:
            self.step_filter.addItem(label(STEP_LABELS, step), step)
        self.grade_filter = self._combo(self.tr("All grades"), None)
        for grade in GRADES:
            self.grade_filter.addItem(label(GRADE_LABELS, grade), grade)
        self.area_filter = self._combo(self.tr("All areas"), None)
        self.overdue_filter = QCheckBox(self.tr("Overdue"), self)
        self.overdue_filter.setToolTip(self.tr("Only hazards whose current step is past its "
                                               "deadline"))
        self.mine_filter = QCheckBox(self.tr("My to-do"), self)
        self.mine_filter.setToolTip(self.tr("Hazards waiting for me: to rectify, or to review"))
        self.range_filter = QCheckBox(self.tr("Found from"), self)
        today = QDate(ctx.workspace.hazards.now().date())
        self.found_from = self._date(today.addDays(-DEFAULT_RANGE_DAYS))
        self.found_to = self._date(today)
        self.found_from.setEnabled(False)
        self.found_to.setEnabled(False)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("hazardCount")
        self.message = MessageBar(self)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 3)
        for combo in (self.step_filter, self.grade_filter, self.area_filter):
            filters.addWidget(combo, 1)
        checks = QHBoxLayout()
        checks.setSpacing(16)
        checks.addWidget(self.overdue_filter)
        checks.addWidget(self.mine_filter)
        dates = QHBoxLayout()
        dates.setSpacing(6)
        dates.addWidget(self.range_filter)
        dates.addWidget(self.found_from)
        dates.addWidget(QLabel(self.tr("to"), self))
        dates.addWidget(self.found_to)
        checks.addLayout(dates)
        checks.addStretch(1)
        checks.addWidget(self.count_label)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_list(), self.tr("List"))
        self.tabs.addTab(self._build_board(), self.tr("Board"))
        self.tabs.currentChanged.connect(lambda _: self._view_changed())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addLayout(checks)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        for combo in (self.step_filter, self.grade_filter, self.area_filter):
            combo.currentIndexChanged.connect(lambda _: self.apply_filters())
        for box in (self.overdue_filter, self.mine_filter):
            box.toggled.connect(lambda _: self.apply_filters())
        self.range_filter.toggled.connect(self._range_toggled)
        for edit in (self.found_from, self.found_to):
            edit.dateChanged.connect(lambda _: self._dates_changed())
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self.message.show_failure)
        self.model.modelReset.connect(self._update_actions)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        ctx.data_changed.connect(self._data_changed)

        self._fit_columns()
        self._update_actions()
        self.load_lookups()
        self.apply_filters()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("HazardsPage", "Hazards")

    # -- building -----------------------------------------------------------------------
    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        self.record_action = self._action(bar, self.tr("Record hazard"), self.record_hazard,
                                          self.ctx.can(Permission.RECORD_HAZARD))
        self.record_action.setShortcut(QKeySequence.StandardKey.New)
        self.record_action.setToolTip(self.tr("Record a hazard you found; it goes to the "
                                              "clerk to dispatch"))
        self.open_action = self._action(bar, self.tr("Open"), self.open_detail, True)
        self.open_action.setToolTip(self.tr("The selected hazard in full, with its history "
                                            "(or double-click a row or card)"))
        bar.addSeparator()
        self.refresh_action = self._action(bar, self.tr("Refresh"), self.refresh, True)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        return bar

    def _action(self, bar: QToolBar, text: str, slot: Any, allowed: bool) -> QAction:
        action = bar.addAction(text)
        action.triggered.connect(lambda _=False: slot())
        action.setVisible(allowed)  # hidden, not disabled; the service checks anyway
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _combo(self, everything: str, data: Any) -> QComboBox:
        combo = QComboBox(self)
        combo.setMinimumContentsLength(8)
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.addItem(everything, data)
        return combo

    def _date(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(value)
        return edit

    def _build_list(self) -> QWidget:
        widget = QWidget(self)
        self.measures_strip = QFrame(widget)
        self.measures_strip.setObjectName("measuresStrip")
        self.measures_strip.setStyleSheet(
            "#measuresStrip { background: #F6F8FA; border: 1px solid #DDE1E6;"
            " border-radius: 6px; } #measuresStrip QLabel[role=\"value\"] {"
            " font-size: 15pt; font-weight: bold; color: #1F2933; }"
            " #measuresStrip QLabel[role=\"name\"] { color: #6B7785; }")
        strip = QHBoxLayout(self.measures_strip)
        strip.setContentsMargins(16, 8, 16, 8)
        strip.setSpacing(32)
        self.measure_values: dict[str, QLabel] = {}
        for key, name, tip in (
                ("count", self.tr("Hazards"), self.tr("Hazards matching the filters")),
                ("response", self.tr("Avg. response"),
                 self.tr("Average time from found to dispatched, in hours")),
                ("rectification", self.tr("Avg. rectification"),
                 self.tr("Average time from found to archived, in hours")),
                ("on_time", self.tr("On time"),
                 self.tr("Share of rectifications finished before their deadline"))):
            box = QVBoxLayout()
            box.setSpacing(0)
            value = QLabel("—", self.measures_strip)
            value.setProperty("role", "value")
            value.setObjectName(f"measure_{key}")
            caption = QLabel(name, self.measures_strip)
            caption.setProperty("role", "name")
            for part in (value, caption):
                part.setToolTip(tip)
            box.addWidget(value)
            box.addWidget(caption)
            strip.addLayout(box)
            self.measure_values[key] = value
        strip.addStretch(1)

        self.model = HazardTableModel(self.ctx, self)
        self.table = _Table(widget)
        self.table.setObjectName("hazardTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        self.table.setItemDelegateForColumn(COLUMNS.index("grade"),
                                            GradeChipDelegate(self.table))
        self.table.horizontalHeader().setHighlightSections(False)
        # activated: a double-click or Enter (doubleClicked as well would open it twice)
        self.table.activated.connect(lambda _: self.open_detail())
        self.table.resized.connect(self._fit_description)
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.measures_strip)
        layout.addWidget(self.table, 1)
        return widget

    def _build_board(self) -> QWidget:
        widget = QWidget(self)
        self.board: dict[str, BoardColumn] = {}
        layout = QHBoxLayout(widget)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        for step in OPEN_STEPS:
            column = BoardColumn(self.ctx, step, widget)
            column.activated.connect(self.open_detail)
            column.model.loaded.connect(lambda _: self._board_column_loaded())
            column.model.failed.connect(self.message.show_failure)
            layout.addWidget(column, 1)
            self.board[step] = column
        return widget

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column, name in enumerate(COLUMNS):
            title = self.model.column_title(name)
            width = max(metrics.horizontalAdvance(_COLUMN_SAMPLES[name]),
                        metrics.horizontalAdvance(title) + 16)
            extra = 24 + (20 if name in ("deadline", "step") else 0) + \
                (24 if name == "grade" else 0)
            header.resizeSection(column, width + extra)
        header.resizeSection(COLUMNS.index("description"), _DESCRIPTION_MIN)

    def _fit_description(self) -> None:
        """The description takes the spare width (the table scrolls on a small screen)."""
        header = self.table.horizontalHeader()
        column = COLUMNS.index("description")
        others = sum(header.sectionSize(c) for c in range(len(COLUMNS)) if c != column)
        header.resizeSection(column, max(_DESCRIPTION_MIN,
                                         self.table.viewport().width() - others))

    # -- loading ------------------------------------------------------------------------
    def load_lookups(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        if not actor.can(Permission.VIEW_STRUCTURE):
            return
        Op(self, lambda _: ws.structure.list(actor, "area"), lane="db").success(
            guard(self, self._lookups_loaded)).failure(
            guard(self, self.message.show_failure)).run()

    def _lookups_loaded(self, areas: list[dict[str, Any]]) -> None:
        self.areas = areas
        current = self.area_filter.currentData()
        self.area_filter.blockSignals(True)
        while self.area_filter.count() > 1:
            self.area_filter.removeItem(1)
        for area in sorted(areas, key=lambda a: a["code"]):
            self.area_filter.addItem(area["name"], area["id"])
        index = self.area_filter.findData(current)
        self.area_filter.setCurrentIndex(max(0, index))
        self.area_filter.blockSignals(False)
        if current is not None and index < 0:
            self.apply_filters()  # the filtered area was removed

    def current_query(self) -> HazardQuery:
        step = self.step_filter.currentData()
        steps: tuple[str, ...] = ()
        if step == OPEN_ONLY:
            steps = OPEN_STEPS
        elif step != ALL_STEPS:
            steps = (step,)
        ranged = self.range_filter.isChecked()
        return HazardQuery(
            text=self.search.text().strip(),
            steps=steps,
            grade=self.grade_filter.currentData(),
            area_id=self.area_filter.currentData(),
            overdue=self.overdue_filter.isChecked(),
            mine=self.ctx.actor.user_id if self.mine_filter.isChecked() else None,
            found_from=self.found_from.date().toPython() if ranged else None,  # type: ignore[arg-type]
            found_to=self.found_to.date().toPython() if ranged else None,  # type: ignore[arg-type]
            # The service's clock: the overdue filter and the red deadlines agree.
            now=self.ctx.workspace.hazards.now(),
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        query = self.current_query()
        self.model.set_query(query)
        self._load_measures(query)
        self._load_board(query)

    def refresh(self) -> None:
        """Reload what is shown (the same filters, at the current time)."""
        query = replace(self.model.query, now=self.ctx.workspace.hazards.now())
        self.model.refresh(query)
        self._load_measures(query)
        self._load_board(query)

    def _load_measures(self, query: HazardQuery) -> None:
        self._measure_generation += 1
        generation = self._measure_generation
        ws, actor = self.ctx.workspace, self.ctx.actor
        Op(self, lambda _: ws.hazards.measures(actor, query), lane="db").success(
            guard(self, lambda m: self._measures_loaded(generation, m))).failure(
            guard(self, self.message.show_failure)).run()

    def _measures_loaded(self, generation: int, measures: Measures) -> None:
        if generation != self._measure_generation:
            return
        self.measures = measures

        def hours(value: float | None) -> str:
            return "—" if value is None else self.tr("{h} h").format(h=f"{value:.1f}")

        values = self.measure_values
        values["count"].setText(str(measures.count))
        values["response"].setText(hours(measures.response_hours))
        values["rectification"].setText(hours(measures.rectification_hours))
        values["on_time"].setText("—" if measures.on_time_rate is None
                                  else f"{measures.on_time_rate * 100:.0f}%")
        self.measures_loaded.emit()

    def _load_board(self, query: HazardQuery) -> None:
        """The board follows the filters (not the step filter: its columns are the steps);
        it loads only while it is the view on show."""
        if self.tabs.currentIndex() != 1:
            self._board_stale = True
            return
        self._board_stale = False
        for column in self.board.values():
            column.model.set_query(query)

    def _board_column_loaded(self) -> None:
        if not any(c.model.is_loading for c in self.board.values()):
            self.board_loaded.emit()

    def _view_changed(self) -> None:
        board = self.tabs.currentIndex() == 1
        # The step filter means nothing on the board, whose columns are the steps.
        self.step_filter.setEnabled(not board)
        if board and self._board_stale:
            self._load_board(self.current_query())
        self._update_actions()

    def show_board(self) -> None:
        self.tabs.setCurrentIndex(1)

    def show_list(self) -> None:
        self.tabs.setCurrentIndex(0)

    def _range_toggled(self, on: bool) -> None:
        self.found_from.setEnabled(on)
        self.found_to.setEnabled(on)
        self.apply_filters()

    def _dates_changed(self) -> None:
        if self.range_filter.isChecked():
            self.apply_filters()

    def _loaded(self, total: int) -> None:
        self.count_label.setText(self.tr("{n} hazards").format(n=total))
        if self._reselect:
            row = self.model.row_of(self._reselect)
            self._reselect = None
            if row >= 0:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(self.model.index(row, 0))
        self._update_actions()

    def _data_changed(self, entity: str, ids: list[str]) -> None:
        if entity == "hazard":
            selected = self.selected_hazard()
            if len(ids) == 1:
                self._reselect = ids[0]
            elif selected is not None:
                self._reselect = selected.id
            self.refresh()
        elif entity == "area":
            self.load_lookups()
            self.refresh()
        elif entity in ("line", "equipment", "department", "user"):
            self.refresh()  # shown names may have changed

    # -- actions ------------------------------------------------------------------------
    def selected_hazard(self) -> Hazard | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.hazard(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        on_list = self.tabs.currentIndex() == 0
        self.open_action.setEnabled(on_list and self.selected_hazard() is not None)

    def record_hazard(self) -> RecordHazardDialog:
        dialog = RecordHazardDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_detail(self, hazard_id: str | None = None) -> HazardDetailDialog | None:
        if hazard_id is None:
            selected = self.selected_hazard()
            if selected is None:
                return None
            hazard_id = selected.id
        dialog = HazardDetailDialog(self.ctx, hazard_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- page contract ------------------------------------------------------------------
    def activated(self) -> None:
        # Deadlines pass while the clerk is elsewhere: show what is overdue now.
        if not self.model.is_loading:
            self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

