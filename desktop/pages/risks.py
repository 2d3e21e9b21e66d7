"""风险分级管控 Risk register: risk points with their grade chips, filters and search; new, edit,
assess, delete, and export of the register (风险分级管控清单) as PDF or Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.auth import Permission
from core.risk import (
    CONTROL_LEVEL_LABELS,
    GRADES,
    KIND_LABELS,
    KINDS,
    SCORING_KEY,
    RiskPoint,
    RiskQuery,
    grade_label,
    label,
    scoring_problem,
)
from desktop.context import AppContext
from desktop.dialogs.assessment_dialog import AssessmentDialog
from desktop.dialogs.feedback import MessageBar, confirm, guard
from desktop.dialogs.risk_point_dialog import RiskPointDialog
from desktop.dialogs.structure_dialog import risk_icon
from desktop.models.risk_model import COLUMNS, RiskTableModel
from desktop.pages.base import Page
from desktop.pages.equipment import RiskChipDelegate
from desktop.tasks import Cancelled as OpCancelled
from desktop.tasks import Op
from jobs.report_catalog import Cancelled, ReportRequest, load_all

SEARCH_DELAY_MS = 250
NOT_ASSESSED = "none"
# Columns of short known values are measured from their header and their widest possible
# value (grade chips, type and level names, a date), so English and Chinese both fit. The
# free-text columns (area, equipment/activity, responsible) elide: they get their preferred
# width when the view is wide and give way down to their minimum when it is not, before the
# risk point name drops to NAME_MIN_WIDTH; below that a horizontal scroll bar appears rather
# than the name collapsing to "…".
_TEXT_WIDTHS = {"area": (90, 64), "where": (160, 90), "responsible": (130, 80)}  # (pref, min)
NAME_MIN_WIDTH = 160
_CELL_PADDING = 16
_SORT_ARROW = 18


class RisksPage(Page):
    page_id = "risks"
    required_permission = Permission.VIEW_RISKS

    exported = Signal(str)  # the file written (register or post cards)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._reselect: str | None = None
        self.model = RiskTableModel(ctx, self)
        self.table = QTableView(self)
        self.table.setObjectName("riskTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        self.table.setItemDelegateForColumn(COLUMNS.index("grade"), RiskChipDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrowed title shows "…"
        header.setSortIndicatorShown(True)
        header.setSortIndicator(COLUMNS.index("code"), Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self.sort_by_column)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fitting = False
        self._user_sized = False
        self.column_widths = self._measure_columns()
        for column, name in enumerate(COLUMNS):
            header.resizeSection(column, self.column_widths.get(name, NAME_MIN_WIDTH))
        # The name column follows the view's width (and a column the user drags wider).
        self.table.viewport().installEventFilter(self)
        header.sectionResized.connect(lambda column, *_: self._column_resized(column))
        self.table.doubleClicked.connect(lambda _: self.assess_selected())

        self.toolbar = self._build_toolbar()
        self.search = QLineEdit(self)
        self.search.setObjectName("riskSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search code, name, activity, hazard factors"))
        self.grade_filter = self._combo(self.tr("All grades"))
        for grade in GRADES:
            self.grade_filter.addItem(risk_icon(grade), grade_label(grade), grade)
        self.grade_filter.addItem(self.tr("Not assessed"), NOT_ASSESSED)
        self.area_filter = self._combo(self.tr("All areas"))
        self.kind_filter = self._combo(self.tr("All types"))
        for kind in KINDS:
            self.kind_filter.addItem(label(KIND_LABELS, kind), kind)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("riskCount")
        self.overdue_button = QToolButton(self)
        self.overdue_button.setObjectName("riskOverdue")
        self.overdue_button.setCheckable(True)
        self.overdue_button.setToolTip(self.tr("Show only risk points whose review date has "
                                               "passed"))
        self.overdue_button.setStyleSheet("#riskOverdue { color: #C62828; }")
        self.overdue_button.hide()  # until the count says there is something to show
        self.overdue_count = 0
        self.message = MessageBar(self)
        # A broken risk.scoring setting falls back to the default thresholds: say so.
        self.scoring_notice = QLabel(self)
        self.scoring_notice.setObjectName("scoringNotice")
        self.scoring_notice.setWordWrap(True)
        self.scoring_notice.setStyleSheet(
            "#scoringNotice { background: #FFF6E6; border: 1px solid #F2CF92; color: #7A4B00;"
            " border-radius: 4px; padding: 4px 10px; }")
        self.scoring_notice.hide()

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 3)
        for combo in (self.grade_filter, self.area_filter, self.kind_filter):
            filters.addWidget(combo, 1)
        filters.addWidget(self.overdue_button)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.scoring_notice)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        for combo in (self.grade_filter, self.area_filter, self.kind_filter):
            combo.currentIndexChanged.connect(lambda _: self.apply_filters())
        self.overdue_button.toggled.connect(lambda _: self.apply_filters())
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self.message.show_failure)
        self.model.modelReset.connect(self._update_actions)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        ctx.data_changed.connect(self._data_changed)

        self._update_actions()
        self.load_areas()
        self.apply_filters()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("RisksPage", "Risk register")

    # -- building --------------------------------------------------------------------------
    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        can_edit = self.ctx.can(Permission.EDIT_RISKS)
        self.new_action = self._action(bar, self.tr("New"), self.add_point, can_edit)
        self.edit_action = self._action(bar, self.tr("Edit"), self.edit_selected, can_edit)
        self.assess_action = self._action(bar, self.tr("Assess"), self.assess_selected, can_edit)
        self.assess_action.setToolTip(self.tr("Grade the selected risk point by LEC or the risk "
                                              "matrix (or double-click a row)"))
        self.delete_action = self._action(bar, self.tr("Delete"), self.delete_selected, can_edit)
        bar.addSeparator()
        self.export_action = self._action(bar, self.tr("Export register"), self.ask_export, True)
        self.export_action.setToolTip(self.tr("The risk register (风险分级管控清单) as PDF or "
                                              "Excel"))
        self.cards_action = self._action(bar, self.tr("Post risk cards"), self.ask_cards, True)
        self.cards_action.setToolTip(self.tr("One risk notice card (岗位风险告知卡) per post, as "
                                             "PDF for printing"))
        return bar

    def _action(self, bar: QToolBar, text: str, slot: Any, allowed: bool) -> QAction:
        action = bar.addAction(text)
        action.triggered.connect(lambda _=False: slot())
        action.setVisible(allowed)  # the service checks the same permission
        return action

    def _measure_columns(self) -> dict[str, int]:
        """Widths of every column but the name, from the header and the widest value."""
        cells = self.table.fontMetrics()
        head = self.table.horizontalHeader().fontMetrics()
        chip = max(cells.horizontalAdvance(grade_label(g)) for g in GRADES) + 18 + 12
        samples: dict[str, list[str]] = {
            "code": ["FX-0000"], "kind": [label(KIND_LABELS, k) for k in KINDS],
            "method": ["LEC"], "score": ["1000"],
            "grade": [grade_label(None)],
            "control_level": [label(CONTROL_LEVEL_LABELS, k) for k in CONTROL_LEVEL_LABELS],
            "review_date": ["2099-12-31"],
        }
        widths: dict[str, int] = {}
        for name in COLUMNS:
            if name == "name":
                continue
            title = head.horizontalAdvance(self.model.column_title(name)) + _CELL_PADDING
            if self.model.sortable(COLUMNS.index(name)):
                title += _SORT_ARROW
            if name in _TEXT_WIDTHS:
                widths[name] = max(title, _TEXT_WIDTHS[name][0])
                continue
            content = max(cells.horizontalAdvance(t) for t in samples[name]) + _CELL_PADDING
            if name == "grade":
                content = max(content, chip)
            widths[name] = max(title, content)
        return widths

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_name_column()
        return super().eventFilter(watched, event)

    def _column_resized(self, column: int) -> None:
        if self._fitting or COLUMNS[column] == "name":
            return
        self._user_sized = True  # a column dragged by hand keeps its width from now on
        self.fit_name_column()

    def fit_name_column(self) -> None:
        """Share the view's width: measured columns as measured, the free-text columns between
        their preferred and minimum width, the rest to the name (at least NAME_MIN_WIDTH)."""
        if self._fitting:
            return
        header = self.table.horizontalHeader()
        sizes = {name: header.sectionSize(c) for c, name in enumerate(COLUMNS)}
        if not self._user_sized:
            fixed = sum(w for n, w in self.column_widths.items() if n not in _TEXT_WIDTHS)
            spare = self.table.viewport().width() - fixed
            preferred = {n: self.column_widths[n] for n in _TEXT_WIDTHS}
            short = NAME_MIN_WIDTH + sum(preferred.values()) - spare
            give = {n: max(0, preferred[n] - _TEXT_WIDTHS[n][1]) for n in _TEXT_WIDTHS}
            room = sum(give.values())
            for n in _TEXT_WIDTHS:
                cut = give[n] * min(1.0, short / room) if short > 0 and room else 0
                sizes[n] = int(preferred[n] - cut)
        others = sum(w for n, w in sizes.items() if n != "name")
        sizes["name"] = max(NAME_MIN_WIDTH, self.table.viewport().width() - others)
        self._fitting = True
        try:
            for column, name in enumerate(COLUMNS):
                if header.sectionSize(column) != sizes[name]:
                    header.resizeSection(column, sizes[name])
        finally:
            self._fitting = False

    def _combo(self, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setMinimumContentsLength(8)
        combo.addItem(everything, None)
        return combo

    # -- loading ---------------------------------------------------------------------------
    def load_areas(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        Op(self, lambda _: ws.structure.list(actor, "area"), lane="db").success(
            guard(self, self._areas_loaded)).failure(guard(self, self.message.show_failure)).run()

    def _areas_loaded(self, areas: list[dict[str, Any]]) -> None:
        current = self.area_filter.currentData()
        self.area_filter.blockSignals(True)
        while self.area_filter.count() > 1:
            self.area_filter.removeItem(1)
        for area in sorted(areas, key=lambda a: a["code"]):
            self.area_filter.addItem(area["name"], area["id"])
        self.area_filter.setCurrentIndex(max(0, self.area_filter.findData(current)))
        self.area_filter.blockSignals(False)

    def current_query(self) -> RiskQuery:
        return RiskQuery(text=self.search.text().strip(), grade=self.grade_filter.currentData(),
                         area_id=self.area_filter.currentData(),
                         kind=self.kind_filter.currentData(),
                         review_before=dt.date.today() if self.overdue_button.isChecked()
                         else None)

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.current_query())

    def sort_by_column(self, column: int) -> None:
        header = self.table.horizontalHeader()
        if self.model.sortable(column):
            header.setSortIndicator(column, Qt.SortOrder.AscendingOrder)
            self.model.sort(column)

    def _loaded(self, total: int) -> None:
        self.count_label.setText(self.tr("{n} risk points").format(n=total))
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
        self.load_status()

    def load_status(self) -> Op:
        """The overdue review count and whether the scoring setting is usable (off the UI
        thread; refreshed with every load, so an edit or a synced setting shows up)."""
        ws, actor, today = self.ctx.workspace, self.ctx.actor, dt.date.today()

        def work(_: object) -> tuple[int, Any]:
            return ws.risk.count_overdue(actor, today), scoring_problem(ws.settings.get(SCORING_KEY))

        return Op(self, work, lane="db").success(guard(self, self._status_loaded)).failure(
            guard(self, self.message.show_failure)).run()

    def _status_loaded(self, status: tuple[int, Any]) -> None:
        overdue, problem = status
        self.overdue_count = overdue
        self.overdue_button.setText(self.tr("Review overdue: {n}").format(n=overdue))
        self.overdue_button.setVisible(overdue > 0 or self.overdue_button.isChecked())
        if problem is None:
            self.scoring_notice.hide()
        else:
            self.scoring_notice.setText(i18n.t("risk.scoring_fallback"))
            self.scoring_notice.setToolTip(problem.message())
            self.scoring_notice.show()

    def _data_changed(self, entity: str, ids: list[str]) -> None:
        if entity == "area":
            self.load_areas()
        if entity in ("risk_point", "area", "equipment", "department", "person", "post"):
            if entity == "risk_point" and len(ids) == 1:
                self._reselect = ids[0]
            self.model.refresh()

    # -- actions ---------------------------------------------------------------------------
    def selected_point(self) -> RiskPoint | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.point(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        selected = self.selected_point() is not None
        for action in (self.edit_action, self.assess_action, self.delete_action):
            action.setEnabled(selected)

    def add_point(self) -> RiskPointDialog:
        return self._open(RiskPointDialog(self.ctx, None, self))

    def edit_selected(self) -> RiskPointDialog | None:
        point = self.selected_point()
        if point is None or not self.ctx.can(Permission.EDIT_RISKS):
            return None
        return self._open(RiskPointDialog(self.ctx, point, self))

    def assess_selected(self) -> AssessmentDialog | None:
        point = self.selected_point()
        if point is None or not self.ctx.can(Permission.EDIT_RISKS):
            return None
        return self._open(AssessmentDialog(self.ctx, point, self))

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The machine's grade follows its points: the equipment list refreshes too.
        dialog.saved.connect(lambda point_id: self.ctx.notify("risk_point", [point_id]))
        dialog.saved.connect(lambda _: self.ctx.notify("equipment", []))
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        point = self.selected_point()
        if point is None:
            return
        text = self.tr("Delete the risk point {code} {name}?").format(code=point.code,
                                                                     name=point.name)
        text += "\n" + self.tr("Its assessment history is kept; a machine's grade then follows "
                               "its remaining risk points.")
        confirm(self, self.tr("Delete risk point"), text, self.tr("Delete"),
                lambda: self._delete(point))

    def _delete(self, point: RiskPoint) -> Op:
        ws, actor = self.ctx.workspace, self.ctx.actor

        def done(_: bool) -> None:
            self.message.show_message(self.tr("Deleted {code}.").format(code=point.code),
                                      "success")
            self.ctx.notify("risk_point", [])
            self.ctx.notify("equipment", [])

        return Op(self, lambda _: ws.risk.remove(actor, point.id), lane="db").success(
            guard(self, done)).failure(guard(self, self.message.show_failure)).run()

    # -- export ----------------------------------------------------------------------------
    def ask_export(self) -> None:
        self._ask("risk-register", "风险分级管控清单", "Risk register",
                  self.tr("PDF (*.pdf);;Excel workbook (*.xlsx)"))

    def ask_cards(self) -> None:
        self._ask("post-cards", "岗位风险告知卡", "Post risk cards", self.tr("PDF (*.pdf)"))

    def _ask(self, report: str, zh: str, en: str, filters: str) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = en if i18n.language() == "en" else zh
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"),
                                              str(Path(folder) / f"{name}.pdf"), filters)
        if path:
            self.export_to(Path(path), report)

    def export_to(self, path: Path, report: str = "risk-register") -> Op:
        """Write the register (PDF/xlsx) or the post cards (PDF) off the UI thread."""
        ws, lang = self.ctx.workspace, i18n.language()
        spec = load_all()[report]
        if path.suffix.lower().lstrip(".") not in spec.formats:
            path = path.with_suffix(".pdf")

        def work(progress: Any) -> Any:
            request = ReportRequest(lang=lang,
                                    progress=lambda done, total: progress.set(done, total),
                                    cancelled=lambda: progress.cancelled)
            try:
                return spec.render(ws, request, path)
            except Cancelled:
                raise OpCancelled() from None

        def done(result: Any) -> None:
            self.message.show_message(self.tr("Saved {path}").format(path=result.path), "success")
            self.exported.emit(str(result.path))

        return Op(self, work, lane="db").success(guard(self, done)).failure(
            guard(self, self.message.show_failure)).with_progress(
            self.tr("Writing {title} …").format(title=spec.title_in(lang)),
            cancellable=True).run()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
