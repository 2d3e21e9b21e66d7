"""预警看板 The early-warning dashboard (F8): figures, five charts, filters, drill-down, export.

Start-up stays quick: the page is built without matplotlib. When it is first shown, the chart
module (matplotlib, the Chinese font) is imported on an "io" worker while the figures are read
on the "db" lane; the charts are drawn when both are back. Data changes (AppContext.data_changed)
refresh it; while the page is hidden a change only marks it stale.

Clicking a bar or a heat-map cell opens a list of exactly those hazards in a dialog
(HazardListDialog): the hazards page's filters (HazardQuery) cannot say "Tuesdays 15:00–16:00"
or "archived in March", and a dialog leaves the clerk's own hazard-list filters untouched.
Double-clicking a row there opens the hazard.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.colours import RISK_COLOURS
from core.dashboard import Dashboard, DashboardFilters, Drill, add_months, describe_drill
from core.hazards import GRADE_LABELS, GRADES, HAZARD_TYPES, label
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, guard
from desktop.errors import show_error
from desktop.models.hazard_model import COLUMNS, HazardTableModel
from desktop.models.paged import Fetch
from desktop.pages.base import Page
from desktop.pages.hazards import GradeChipDelegate
from desktop.tasks import Op
from jobs.dashboard import load_dashboard

if TYPE_CHECKING:
    from reports.dashboard_charts import ChartData

CHART_MODULE = "reports.dashboard_charts"  # imported off the UI thread on first show
CHARTS = ("type", "area", "trend", "heat", "repeats")
PERIODS = ("month", "quarter", "year12", "this_year", "all", "custom")
DEFAULT_PERIOD = "year12"
AUTO_REFRESH_MS = 5 * 60 * 1000


def _weekdays() -> list[str]:
    return [QCoreApplication.translate("DashboardPage", "Mon"),
            QCoreApplication.translate("DashboardPage", "Tue"),
            QCoreApplication.translate("DashboardPage", "Wed"),
            QCoreApplication.translate("DashboardPage", "Thu"),
            QCoreApplication.translate("DashboardPage", "Fri"),
            QCoreApplication.translate("DashboardPage", "Sat"),
            QCoreApplication.translate("DashboardPage", "Sun")]


def period_filters(kind: str, today: dt.date, start: dt.date, end: dt.date) -> tuple[
        dt.date | None, dt.date | None]:
    """The days a period choice covers (inclusive); None: open."""
    first = today.replace(day=1)
    if kind == "month":
        return first, today
    if kind == "quarter":
        return add_months(first, -2), today
    if kind == "year12":
        return add_months(first, -11), today
    if kind == "this_year":
        return today.replace(month=1, day=1), today
    if kind == "custom":
        return min(start, end), max(start, end)
    return None, None


# -- one figure ------------------------------------------------------------------------------
class FigureCard(QFrame):
    def __init__(self, key: str, caption: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.value = QLabel("—", self)
        self.value.setObjectName(f"figure_{key}")
        self.value.setProperty("role", "value")
        self.detail = QLabel("", self)
        self.detail.setProperty("role", "detail")
        name = QLabel(caption, self)
        name.setProperty("role", "name")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addWidget(name)
        self.setToolTip(tip)

    def set(self, value: str, detail: str = "", colour: str | None = None) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))


# -- one chart -------------------------------------------------------------------------------
class ChartView(QFrame):
    """A matplotlib canvas with its click-to-drill handler and an export menu."""

    drill_requested = Signal(object, str)  # Drill, a title for the list
    export_requested = Signal(str, str)  # chart key, "png"/"pdf"

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"chart_{key}")
        self.canvas: Any = None
        self.figure: Any = None
        self.artists: list[Any] = []
        self.drills: list[Drill] = []  # one per artist (bars), or
        self.cell_drill: Any = None  # (row, col) -> Drill for the heat map
        self.names: list[str] = []
        self.data: ChartData | None = None
        self.placeholder = QLabel(self.tr("Loading…"), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMinimumHeight(260)
        export = QToolButton(self)
        export.setObjectName("chartExport")
        export.setText(self.tr("Export"))
        export.setToolTip(self.tr("Save this chart as a PNG picture or a PDF"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export.setAutoRaise(True)
        export.setMenu(self._export_menu())
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(6, 6, 6, 6)
        self.layout_.setSpacing(0)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(export)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.placeholder, 1)

    def _export_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("Export as PNG…"), lambda: self.export_requested.emit(self.key, "png"))
        menu.addAction(self.tr("Export as PDF…"), lambda: self.export_requested.emit(self.key, "pdf"))
        return menu

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        charts = importlib.import_module(CHART_MODULE)
        self.figure = charts.new_figure()
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName(f"canvas_{self.key}")
        self.canvas.setMinimumHeight(260)
        self.canvas.mpl_connect("button_press_event", self.on_press)
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(
            lambda pos: self._export_menu().popup(self.canvas.mapToGlobal(pos)))
        self.layout_.replaceWidget(self.placeholder, self.canvas)
        self.placeholder.hide()

    def show_chart(self, data: ChartData, drills: list[Drill], names: list[str],
                   cell_drill: Any = None) -> None:
        self._ensure_canvas()
        charts = importlib.import_module(CHART_MODULE)
        self.data, self.drills, self.names, self.cell_drill = data, drills, names, cell_drill
        # Bar labels may take two lines (long English type names): room for each bar's label
        # (the grid scrolls), instead of labels running into each other.
        bars = len(data.labels) if data.kind == "bars" else 0
        self.canvas.setMinimumHeight(max(260, 90 + 24 * bars))
        self.artists = charts.draw(self.figure, data)
        self.canvas.draw_idle()

    # The click handler matplotlib calls (tests call it with a synthetic event too).
    def on_press(self, event: Any) -> None:
        if event.button != 1 or event.inaxes is None:
            return
        found = self.hit(event)
        if found is not None:
            self.drill_requested.emit(*found)

    def hit(self, event: Any) -> tuple[Drill, str] | None:
        """The drill-down under a mouse event: a bar, or a heat-map cell."""
        if self.cell_drill is not None:
            if event.xdata is None or event.ydata is None:
                return None
            row, col = int(round(event.ydata)), int(round(event.xdata))
            if 0 <= row < 7 and 0 <= col < 24:
                return self.cell_drill(row, col)
            return None
        for artist, drill, name in zip(self.artists, self.drills, self.names, strict=False):
            if artist.contains(event)[0]:
                return drill, name
        return None

    def _on_motion(self, event: Any) -> None:
        over = event.inaxes is not None and self.hit(event) is not None
        self.canvas.setCursor(Qt.CursorShape.PointingHandCursor if over
                              else Qt.CursorShape.ArrowCursor)


# -- the drill-down list ---------------------------------------------------------------------
@dataclass(frozen=True)
class DrillQuery:
    filters: DashboardFilters
    drill: Drill
    now: dt.datetime | None = None  # the hazard model judges deadlines against this or "now"


class DrillModel(HazardTableModel):
    def __init__(self, ctx: AppContext, query: DrillQuery, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self._query = query

    def _fetcher(self) -> Fetch:
        ws, actor, q = self.ctx.workspace, self.ctx.actor, self._query
        return lambda offset, limit: ws.dashboard.drill_page(actor, q.filters, q.drill, offset,
                                                             limit)


class HazardListDialog(QDialog):
    """The hazards behind one bar or cell; double-click one to open it."""

    def __init__(self, ctx: AppContext, filters: DashboardFilters, drill: Drill, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("hazardListDialog")
        self.setWindowTitle(self.tr("Hazards: {what}").format(what=title))
        self.resize(1200, 560)
        self.heading = QLabel(title, self)
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.count = QLabel(self.tr("Loading…"), self)
        self.model = DrillModel(ctx, DrillQuery(filters, drill), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(COLUMNS.index("grade"), GradeChipDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("description"), QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self.open_row)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Double-click a hazard to open it."), self))
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.model.loaded.connect(
            lambda total: self.count.setText(self.tr("Hazards: {n}").format(n=total)))
        self.model.failed.connect(lambda exc: show_error(self, exc))
        self.model.set_query(self.model.query)

    def hazards(self) -> list[Any]:
        return [self.model.hazard(row) for row in range(self.model.rowCount())]

    def open_row(self, index: Any) -> None:
        from desktop.dialogs.hazard_detail import HazardDetailDialog

        hazard = self.model.hazard(index.row())
        if hazard is not None:
            dialog = HazardDetailDialog(self.ctx, hazard.id, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()


# -- the page --------------------------------------------------------------------------------
_STYLE = (
    "#figureCard { background: #F6F8FA; border: 1px solid #DDE1E6; border-radius: 6px; }"
    " #figureCard QLabel[role=\"value\"] { font-size: 17pt; font-weight: bold; color: #1F2933; }"
    " #figureCard QLabel[role=\"detail\"] { color: #37414B; }"
    " #figureCard QLabel[role=\"name\"] { color: #6B7785; }"
    " ChartView { background: white; border: 1px solid #DDE1E6; border-radius: 6px; }"
)


class DashboardPage(Page):
    page_id = "dashboard"
    required_permission = Permission.VIEW_HAZARDS
    loaded = Signal()  # figures and charts show the latest data
    drill_opened = Signal(object)  # the HazardListDialog a click opened
    chart_exported = Signal(str)  # the file written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setStyleSheet(_STYLE)
        self.dashboard: Dashboard | None = None
        self.area_names: dict[str, str] = {}
        self._generation = 0
        self._charts_ready = False
        self._charts_loading = False
        self._started = False
        self._stale = False
        self._pending: Dashboard | None = None

        today = QDate(ctx.workspace.hazards.now().date())
        self.period = QComboBox(self)
        self.period.setObjectName("dashboardPeriod")
        for key, text in (("month", self.tr("This month")),
                          ("quarter", self.tr("Last 3 months")),
                          ("year12", self.tr("Last 12 months")),
                          ("this_year", self.tr("This year")),
                          ("all", self.tr("All time")),
                          ("custom", self.tr("From … to …"))):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(PERIODS.index(DEFAULT_PERIOD))
        self.start = self._date(today.addMonths(-12))
        self.end = self._date(today)
        self.area = QComboBox(self)
        self.area.setObjectName("dashboardArea")
        self.area.addItem(self.tr("All areas"), None)
        self.grade = QComboBox(self)
        self.grade.setObjectName("dashboardGrade")
        self.grade.addItem(self.tr("All grades"), None)
        for grade in GRADES:
            self.grade.addItem(label(GRADE_LABELS, grade), grade)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        self.status = QLabel(self)
        self.status.setObjectName("dashboardStatus")
        self.status.setStyleSheet("color: #6B7785;")
        self.message = MessageBar(self)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(QLabel(self.tr("Period"), self))
        bar.addWidget(self.period)
        bar.addWidget(self.start)
        bar.addWidget(self.end)
        bar.addSpacing(12)
        bar.addWidget(self.area)
        bar.addWidget(self.grade)
        bar.addWidget(refresh)
        bar.addStretch(1)
        bar.addWidget(self.status)

        self.cards = self._build_cards()
        cards = QHBoxLayout()
        cards.setSpacing(10)
        for card in self.cards.values():
            cards.addWidget(card, 1)

        self.charts: dict[str, ChartView] = {}
        grid_widget = QWidget(self)
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        for n, key in enumerate(CHARTS):
            view = ChartView(key, grid_widget)
            view.drill_requested.connect(self.open_drill)
            view.export_requested.connect(self.export_chart)
            self.charts[key] = view
            grid.addWidget(view, n // 2, n % 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_widget)

        note = QLabel(self.tr("Click a bar or a heat-map cell to list those hazards. "
                              "Hover over a figure for how it is counted. Snapshot reports not "
                              "yet verified, not accepted or merged into another hazard are not "
                              "counted."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #6B7785;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addLayout(cards)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)

        self._period_changed()
        self.period.currentIndexChanged.connect(lambda _: self._period_changed())
        for combo in (self.area, self.grade):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _: self._dates_changed())
        ctx.data_changed.connect(self._data_changed)
        # Deadlines pass with no change to any record: "overdue" is re-counted now and then.
        self._clock = QTimer(self)
        self._clock.setInterval(AUTO_REFRESH_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("DashboardPage", "Dashboard")

    def _tick(self) -> None:
        if self._started and self.isVisible():
            self.refresh()

    def _date(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(value)
        return edit

    def _build_cards(self) -> dict[str, FigureCard]:
        return {key: FigureCard(key, caption, tip, self) for key, caption, tip in (
            ("open", self.tr("Open hazards"),
             self.tr("Hazards whose workflow is not finished (to dispatch, rectifying, to review, "
                     "to archive), right now, split into major and general. The area and grade "
                     "filters apply; the period does not.")),
            ("overdue", self.tr("Overdue"),
             self.tr("Open hazards whose current step is past its deadline, right now.")),
            ("found", self.tr("Found this month"),
             self.tr("Hazards found since the 1st of this month.")),
            ("closed", self.tr("Closed this month"),
             self.tr("Hazards archived since the 1st of this month, whenever they were found.")),
            ("hours", self.tr("Avg. rectification"),
             self.tr("Average time from found to archived, in hours, over the hazards found in the "
                     "period that are archived.")),
            ("on_time", self.tr("On-time rate"),
             self.tr("Rectifications finished before their deadline ÷ all rectifications, over the "
                     "hazards found in the period.")),
            ("warnings", self.tr("Active warnings"),
             self.tr("Warnings raised by the early-warning rules and not yet closed. “—”: the "
                     "warning rules are not available.")),
        )}

    # -- filters ---------------------------------------------------------------------------
    def current_filters(self) -> DashboardFilters:
        kind = self.period.currentData()
        start, end = period_filters(kind, self.ctx.workspace.hazards.now().date(),
                                    self.start.date().toPython(), self.end.date().toPython())
        return DashboardFilters(start, end, self.area.currentData(), self.grade.currentData())

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.start.setVisible(custom)
        self.end.setVisible(custom)
        if self._started:
            self.refresh()

    def _dates_changed(self) -> None:
        if self.period.currentData() == "custom" and self._started:
            self.refresh()

    # -- loading ---------------------------------------------------------------------------
    def activated(self) -> None:
        if not self._started:
            self._started = True
            # After the window is painted: start-up never waits for the dashboard.
            QTimer.singleShot(0, self._first_load)
        elif self._stale:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        # The first page is activated while the window is still being built (perhaps behind
        # the login dialog); it loads once it is really on screen.
        super().showEvent(event)
        if not self._started:
            self.activated()

    def _first_load(self) -> None:
        if not self.isVisible():
            # Opened and left at once (another page asked for, a screenshot of another page):
            # load when the page is shown again, not in the way of the page now in front.
            self._started = False
            return
        if not self._charts_ready and not self._charts_loading:
            self._charts_loading = True

            def warm(_progress: Any) -> None:
                charts = importlib.import_module(CHART_MODULE)
                charts.cjk_family()

            Op(self, warm, lane="io").success(guard(self, lambda _: self._charts_warm())).failure(
                guard(self, self.message.show_failure)).run()
        self._load_areas()
        self.refresh()

    def _charts_warm(self) -> None:
        self._charts_ready = True
        if self._pending is not None:
            dashboard, self._pending = self._pending, None
            self._show(dashboard)

    def _load_areas(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        Op(self, lambda _: ws.dashboard.area_names(actor), lane="db").success(
            guard(self, self._areas_loaded)).failure(guard(self, self.message.show_failure)).run()

    def _areas_loaded(self, names: dict[str, str]) -> None:
        self.area_names = names
        current = self.area.currentData()
        self.area.blockSignals(True)
        while self.area.count() > 1:
            self.area.removeItem(1)
        for area_id, name in sorted(names.items(), key=lambda kv: kv[1]):
            self.area.addItem(name, area_id)
        index = self.area.findData(current)
        self.area.setCurrentIndex(max(index, 0))
        self.area.blockSignals(False)

    def refresh(self) -> None:
        self._stale = False
        self._generation += 1
        generation = self._generation
        ws, actor, filters = self.ctx.workspace, self.ctx.actor, self.current_filters()
        no_area = self.tr("(no area)")
        self.status.setText(self.tr("Updating…"))
        Op(self, lambda _: load_dashboard(ws, actor, filters, no_area), lane="db").success(
            guard(self, lambda d: self._loaded(generation, d))).failure(
            guard(self, self._failed)).run()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        self.message.show_failure(exc)

    def _loaded(self, generation: int, dashboard: Dashboard) -> None:
        if generation != self._generation:
            return  # an older answer; a newer refresh is on its way
        self.dashboard = dashboard
        self._show_figures(dashboard)
        if self._charts_ready:
            self._show(dashboard)
        else:
            self._pending = dashboard

    def _show_figures(self, d: Dashboard) -> None:
        f = d.figures
        major = f.open_by_grade.get("major", 0)
        general = f.open_by_grade.get("general", 0)
        self.cards["open"].set(str(f.open_total), self.tr("major {m} · general {g}").format(
            m=major, g=general), RISK_COLOURS["major"] if major else None)
        self.cards["overdue"].set(str(f.overdue), "", RISK_COLOURS["major"] if f.overdue else None)
        self.cards["found"].set(str(f.found_this_month))
        self.cards["closed"].set(str(f.closed_this_month))
        self.cards["hours"].set("—" if f.avg_rectification_hours is None else self.tr(
            "{h:.1f} h").format(h=f.avg_rectification_hours))
        self.cards["on_time"].set("—" if f.on_time_rate is None else f"{f.on_time_rate:.0%}")
        self.cards["warnings"].set(
            "—" if f.active_warnings is None else str(f.active_warnings), "",
            RISK_COLOURS["considerable"] if f.active_warnings else None)

    def _show(self, d: Dashboard) -> None:
        for key in CHARTS:
            self.charts[key].show_chart(*self.chart(key, d))
        stamp = self.ctx.workspace.hazards.now().strftime("%H:%M")
        self.status.setText(self.tr("Updated {time}").format(time=stamp))
        self.loaded.emit()

    def chart(self, key: str, d: Dashboard) -> tuple[Any, ...]:
        """(ChartData, drills, names[, cell drill]) for one chart of a loaded dashboard."""
        charts = importlib.import_module(CHART_MODULE)
        empty = self.tr("No hazards in this period")
        type_name = self._type_name
        if key == "type":
            rows = d.by_type[:12]
            names = [type_name(t) for t, _ in rows]
            return (charts.ChartData("bars", self.tr("Hazards by type"), names,
                                     [n for _, n in rows], empty_text=empty),
                    [Drill(type=t) for t, _ in rows], names)
        if key == "area":
            rows = d.by_area[:12]
            names = [name for _, name, _ in rows]
            return (charts.ChartData("bars", self.tr("Hazards by area"), names,
                                     [n for _, _, n in rows], empty_text=empty),
                    [Drill(area_id=a or "") for a, _, _ in rows], names)
        if key == "trend":
            months = [m for m, _, _ in d.trend]
            drills = [Drill(month=m) for m in months] + [Drill(closed_month=m) for m in months]
            names = [self.tr("found in {month}").format(month=m) for m in months] + [
                self.tr("closed in {month}").format(month=m) for m in months]
            return (charts.ChartData("trend", self.tr("Monthly trend: found and closed"), months,
                                     [f for _, f, _ in d.trend], [c for _, _, c in d.trend],
                                     (self.tr("Found"), self.tr("Closed")), empty_text=empty),
                    drills, names)
        if key == "heat":
            days = _weekdays()

            def cell(row: int, col: int) -> tuple[Drill, str]:
                return Drill(weekday=row, hour=col), f"{days[row]} {col:02d}:00–{col + 1:02d}:00"

            return (charts.ChartData("heat", self.tr("When hazards are found: weekday × hour"),
                                     [self.tr("hour of day")], rows=d.heat, row_labels=days),
                    [], [], cell)
        rows = d.repeats
        names = [f"{type_name(r.type)} · {r.area_name}" for r in rows]  # shortened when drawn
        return (charts.ChartData(
                    "bars", self.tr("Most repeated problems (same type, same area)"), names,
                    [r.count for r in rows],
                    empty_text=self.tr("No problem was reported twice in this period")),
                [Drill(type=r.type, area_id=r.area_id or "") for r in rows], names)

    @staticmethod
    def _type_name(key: str) -> str:
        return label(HAZARD_TYPES, key) if key in HAZARD_TYPES else key

    def _data_changed(self, entity: str, _ids: list[str]) -> None:
        if entity not in ("hazard", "area", "warning"):
            return
        if entity == "area" and self._started:
            self._load_areas()
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    # -- drill-down and export ---------------------------------------------------------------
    def open_drill(self, drill: Drill, name: str) -> HazardListDialog:
        filters = self.dashboard.filters if self.dashboard else self.current_filters()
        title = describe_drill(drill, self._type_name,
                               lambda a: self.area_names.get(a or "", self.tr("(no area)")),
                               _weekdays()) or name
        dialog = HazardListDialog(self.ctx, filters, drill, title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.drill_opened.emit(dialog)
        return dialog

    def export_chart(self, key: str, fmt: str, path: str | None = None) -> None:
        view = self.charts[key]
        if view.data is None:
            return
        if path is None:
            suggested = str(Path.home() / f"{view.data.title}.{fmt}")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export chart"), suggested,
                self.tr("PNG picture (*.png)") if fmt == "png" else self.tr("PDF (*.pdf)"))
            if not path:
                return
        target = Path(path)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        data = view.data

        def work(_progress: Any) -> Path:
            importlib.import_module(CHART_MODULE).export_chart(data, target)
            return target

        Op(self, work, lane="io").success(guard(self, self._exported)).failure(
            guard(self, self._export_failed)).run()

    def _exported(self, path: Path) -> None:
        self.message.show_message(self.tr("Chart saved: {path}").format(path=path), "success")
        self.chart_exported.emit(str(path))

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            self.message.show_message(self.tr("The chart could not be saved: {reason}").format(
                reason=exc.strerror or exc), "error")
        else:
            self.message.show_failure(exc)

    def chart_position(self, key: str, index: int) -> QPoint:
        """Where a bar's centre is on the canvas, in widget pixels (tests, keyboard help)."""
        view = self.charts[key]
        artist = view.artists[index]
        box = artist.get_window_extent()
        x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
        ratio = view.canvas.device_pixel_ratio or 1
        return QPoint(int(x / ratio), int(view.canvas.height() - y / ratio))
