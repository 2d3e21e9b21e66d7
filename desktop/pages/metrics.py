"""成效指标 Effect metrics (F9): the before/after table and the three registers it draws on.

Tabs: the before/after comparison of two periods (exported as PDF or Excel through the shared
report catalog, in the background), the incident register (GB 6441 categories), the monthly
workforce (headcount and hours) and external inspections (regulators' visits and deductions).
Every read and write runs on the database lane; a refused save shows its reason in the dialog
and stores nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
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
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.metrics import (
    EDIT_PERMISSION,
    GB6441_CATEGORIES,
    SEVERITIES,
    Comparison,
    label_of,
    period_caption,
)
from core.periods import Period
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, confirm, error_label, guard
from desktop.pages.base import Page
from desktop.tasks import Op
from jobs.report_catalog import ReportRequest, load_all

Index = QModelIndex | QPersistentModelIndex
ENTITIES = {"incident": "incident", "workforce": "workforce_month",
            "external_inspection": "external_inspection"}


class RowsModel(QAbstractTableModel):
    """A small read-only table: column titles and rows of display texts (plus the record)."""

    def __init__(self, titles: Sequence[str], parent: Any = None,
                 right: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self.titles = list(titles)
        self.rows: list[tuple[list[str], Any]] = []
        self.right = set(right)

    def set_rows(self, rows: list[tuple[list[str], Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self.rows[row][1] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.titles)):
            return self.titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][0][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


def _table(parent: QWidget, model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


# -- a record form -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Field:
    key: str
    title: str
    kind: str  # date, month, text, long, int, float, choice
    choices: Sequence[tuple[str, str]] = ()  # (key, label)


class RecordDialog(QDialog):
    """Add or edit one register row; the service validates, the dialog shows its refusal."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, title: str, fields: Sequence[Field],
                 save: Callable[[dict[str, Any]], str], values: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("metricsRecordDialog")
        self.ctx = ctx
        self.save_fn = save
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        today = QDate(ctx.workspace.hazards.now().date())
        values = values or {}
        for f in fields:
            widget = self._widget(f, values.get(f.key), today)
            widget.setObjectName(f"field_{f.key}")
            self.widgets[f.key] = widget
            form.addRow(f.title, widget)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _widget(self, f: Field, value: Any, today: QDate) -> QWidget:
        if f.kind in ("date", "month"):
            edit = QDateEdit(self)
            edit.setCalendarPopup(f.kind == "date")
            edit.setDisplayFormat("yyyy-MM-dd" if f.kind == "date" else "yyyy-MM")
            if f.kind == "date":
                edit.setMaximumDate(today)  # the service refuses future dates too
            text = str(value) if value else ""
            day = QDate.fromString(text + ("-01" if f.kind == "month" else ""), "yyyy-MM-dd")
            edit.setDate(day if day.isValid() else today)
            return edit
        if f.kind == "int":
            spin = QSpinBox(self)
            spin.setRange(0, 1_000_000)
            spin.setValue(int(value or 0))
            return spin
        if f.kind == "float":
            dspin = QDoubleSpinBox(self)
            dspin.setRange(0, 1e9)
            dspin.setDecimals(1)
            dspin.setValue(float(value or 0))
            return dspin
        if f.kind == "choice":
            combo = QComboBox(self)
            for key, text in f.choices:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if f.kind == "long":
            box = QPlainTextEdit(self)
            box.setPlainText(str(value or ""))
            box.setFixedHeight(70)
            return box
        line = QLineEdit(self)
        line.setText(str(value or ""))
        return line

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self.widgets.items():
            if isinstance(w, QDateEdit):
                text = w.date().toString("yyyy-MM-dd")
                out[key] = text[:7] if w.displayFormat() == "yyyy-MM" else text
            elif isinstance(w, QSpinBox | QDoubleSpinBox):
                out[key] = w.value()
            elif isinstance(w, QComboBox):
                out[key] = w.currentData()
            elif isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText()
            elif isinstance(w, QLineEdit):
                out[key] = w.text()
        return out

    def submit(self) -> None:
        values, save = self.values(), self.save_fn
        self.error.hide()
        Op(self, lambda _: save(values), lane="db").success(guard(self, self._saved)).failure(
            guard(self, self._refused)).run()

    def _saved(self, row_id: str) -> None:
        self.saved.emit(row_id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        from core.i18n import DomainError

        if isinstance(exc, DomainError):
            self.error.setText(exc.message())
            self.error.show()
        else:
            from desktop.errors import show_error

            show_error(self, exc)


# -- a register tab ----------------------------------------------------------------------------
class RegisterTab(QWidget):
    """A list with Add / Edit / Delete over one of the three registers."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, kind: str, titles: Sequence[str],
                 load: Callable[[], list[Any]], show: Callable[[Any], list[str]],
                 fields: Callable[[], list[Field]], save: Callable[[dict[str, Any], str | None], str],
                 values: Callable[[Any], dict[str, Any]], noun: str, note: str = "",
                 right: Sequence[int] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.noun = ctx, kind, noun
        self.load_fn, self.show_fn, self.fields, self.save_fn, self.values_fn = (
            load, show, fields, save, values)
        self.model = RowsModel(titles, self, right)
        self.table = _table(self, self.model, f"{kind}Table")
        self.table.activated.connect(lambda _: self.edit())
        self.message = MessageBar(self)
        can_edit = ctx.can(EDIT_PERMISSION)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        for button, slot in ((self.add_button, self.add), (self.edit_button, self.edit),
                             (self.delete_button, self.delete)):
            button.clicked.connect(lambda _=False, s=slot: s())
            button.setVisible(can_edit)
            buttons.addWidget(button)
        buttons.addStretch(1)
        if note:
            hint = QLabel(note, self)
            hint.setStyleSheet("color: #6B7785;")
            hint.setWordWrap(True)
            buttons.addWidget(hint, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self._update()

    def _update(self) -> None:
        selected = self.selected() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def refresh(self) -> None:
        load, show = self.load_fn, self.show_fn
        Op(self, lambda _: [(show(r), r) for r in load()], lane="db").success(
            guard(self, self._loaded)).failure(guard(self, self.message.show_failure)).run()

    def _loaded(self, rows: list[tuple[list[str], Any]]) -> None:
        self.model.set_rows(rows)
        self._update()
        self.loaded.emit()

    def add(self) -> RecordDialog:
        return self._dialog(None)

    def edit(self) -> RecordDialog | None:
        record = self.selected()
        if record is None or not self.ctx.can(EDIT_PERMISSION):
            return None
        return self._dialog(record)

    def _dialog(self, record: Any) -> RecordDialog:
        row_id = record.id if record is not None else None
        save = self.save_fn
        title = (self.tr("Edit {what}") if record else self.tr("Add {what}")).format(what=self.noun)
        dialog = RecordDialog(self.ctx, title, self.fields(), lambda v: save(v, row_id),
                              self.values_fn(record) if record else None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda rid: self.ctx.notify(ENTITIES[self.kind], [rid]))
        dialog.open()
        return dialog

    def delete(self) -> None:
        record = self.selected()
        if record is None:
            return
        ws, actor, kind = self.ctx.workspace, self.ctx.actor, self.kind

        def really() -> None:
            Op(self, lambda _: ws.metrics.delete(actor, kind, record.id), lane="db").success(
                guard(self, lambda _: self.ctx.notify(ENTITIES[kind], [record.id]))).failure(
                guard(self, self.message.show_failure)).run()

        confirm(self, self.tr("Delete"), self.tr("Delete this {what}?").format(what=self.noun),
                self.tr("Delete"), really)


# -- the page ----------------------------------------------------------------------------------
def _month_edit(parent: QWidget, value: QDate) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat("yyyy-MM")
    edit.setDate(value)
    return edit


class MetricsPage(Page):
    page_id = "metrics"
    required_permission = Permission.VIEW_HAZARDS
    compared = Signal()  # the before/after table shows the chosen periods
    exported = Signal(str)  # the written file

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.comparison: Comparison | None = None
        self._generation = 0
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_compare(), self.tr("Before / after"))
        ws, actor = ctx.workspace, ctx.actor
        lang = ctx.language
        self.incidents = RegisterTab(
            ctx, "incident",
            [self.tr("Date"), self.tr("Name"), self.tr("Employee no."),
             self.tr("Category (GB 6441)"), self.tr("Severity"), self.tr("Lost days"),
             self.tr("What happened")],
            lambda: ws.metrics.incidents(actor),
            lambda r: [r.date.isoformat(), r.person_name, r.employee_no or "",
                       label_of(GB6441_CATEGORIES, r.category, lang),
                       label_of(SEVERITIES, r.severity, lang), str(r.lost_days), r.description],
            self._incident_fields,
            lambda v, rid: ws.metrics.save_incident(actor, v, rid),
            lambda r: {"date": r.date.isoformat(), "employee_no": r.employee_no or "",
                       "person_name": r.person_name,
                       "category": r.category, "severity": r.severity,
                       "lost_days": r.lost_days, "description": r.description},
            self.tr("incident"),
            self.tr("One row per injured person. The injury rate counts these rows."),
            right=(5,), parent=self)
        self.workforce = RegisterTab(
            ctx, "workforce", [self.tr("Month"), self.tr("Headcount"), self.tr("Hours worked")],
            lambda: ws.metrics.workforce(actor),
            lambda r: [r.month, str(r.headcount), f"{r.hours_worked:,.0f}"],
            self._workforce_fields,
            lambda v, rid: ws.metrics.save_workforce(actor, v, rid),
            lambda r: {"month": r.month, "headcount": r.headcount,
                       "hours_worked": r.hours_worked},
            self.tr("month"),
            self.tr("The average number of people on the payroll in the month and the hours "
                    "actually worked: the injury rates are counted against these."),
            right=(1, 2), parent=self)
        self.inspections = RegisterTab(
            ctx, "external_inspection",
            [self.tr("Date"), self.tr("Agency"), self.tr("Kind"), self.tr("Deductions"),
             self.tr("Findings")],
            lambda: ws.metrics.external_inspections(actor),
            lambda r: [r.date.isoformat(), r.agency, r.kind, f"{r.deductions:g}", r.findings],
            self._inspection_fields,
            lambda v, rid: ws.metrics.save_inspection(actor, v, rid),
            lambda r: {"date": r.date.isoformat(), "agency": r.agency, "kind": r.kind,
                       "deductions": r.deductions, "findings": r.findings},
            self.tr("inspection"),
            self.tr("Visits by regulators (应急管理局, fire brigade …) and the points they "
                    "deducted."), right=(3,), parent=self)
        self.tabs.addTab(self.incidents, self.tr("Incidents"))
        self.tabs.addTab(self.workforce, self.tr("Workforce"))
        self.tabs.addTab(self.inspections, self.tr("External inspections"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.tabs)
        ctx.data_changed.connect(self._data_changed)
        self._started = False

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("MetricsPage", "Effect metrics")

    # -- the comparison tab --------------------------------------------------------------------
    def _build_compare(self) -> QWidget:
        widget = QWidget(self)
        today = QDate(self.ctx.workspace.hazards.now().date())
        last = QDate(today.year(), today.month(), 1).addMonths(-1)  # the last complete month
        # Default: the last six complete months against the same months a year earlier.
        self.after_from = _month_edit(widget, last.addMonths(-5))
        self.after_to = _month_edit(widget, last)
        self.before_from = _month_edit(widget, last.addMonths(-17))
        self.before_to = _month_edit(widget, last.addMonths(-12))
        for edit, name in ((self.before_from, "beforeFrom"), (self.before_to, "beforeTo"),
                           (self.after_from, "afterFrom"), (self.after_to, "afterTo")):
            edit.setObjectName(name)
            edit.dateChanged.connect(lambda _: self.compare())
        pdf = QPushButton(self.tr("Export PDF…"), widget)
        pdf.clicked.connect(lambda: self.export("pdf"))
        xlsx = QPushButton(self.tr("Export Excel…"), widget)
        xlsx.clicked.connect(lambda: self.export("xlsx"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Before"), widget))
        bar.addWidget(self.before_from)
        bar.addWidget(QLabel("–", widget))
        bar.addWidget(self.before_to)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("After"), widget))
        bar.addWidget(self.after_from)
        bar.addWidget(QLabel("–", widget))
        bar.addWidget(self.after_to)
        bar.addStretch(1)
        bar.addWidget(pdf)
        bar.addWidget(xlsx)
        self.compare_message = MessageBar(widget)
        self.compare_model = RowsModel([self.tr("Measure"), self.tr("Before"), self.tr("After"),
                                        self.tr("Change"), self.tr("Note")], widget, (1, 2, 3))
        self.compare_table = _table(widget, self.compare_model, "comparisonTable")
        self.counts = QLabel(widget)
        self.counts.setObjectName("comparisonCounts")
        self.counts.setWordWrap(True)
        definitions = QLabel(self.tr(
            "How each measure is counted: hazards per month = hazards found ÷ months (reports "
            "that were not accepted, merged into another or not yet verified do not count; a "
            "period that reaches today counts only the months up to today); "
            "rectification time = hours from found to archived (hazards found in the period "
            "and archived); injury rate ‰ = injured persons ÷ the sum of the monthly headcounts "
            "× 1000 (the average monthly rate); per million hours = injured ÷ hours worked × "
            "1,000,000; deductions = points deducted ÷ external inspection visits. “—” means "
            "no data, not zero: training coverage stays “—” until training records exist."),
            widget)
        definitions.setWordWrap(True)
        definitions.setStyleSheet("color: #6B7785;")
        layout = QVBoxLayout(widget)
        layout.addLayout(bar)
        layout.addWidget(self.compare_message)
        layout.addWidget(self.compare_table, 1)
        layout.addWidget(self.counts)
        layout.addWidget(definitions)
        return widget

    def periods(self) -> tuple[Period, Period]:
        def span(a: QDateEdit, b: QDateEdit) -> Period:
            first = dt.date(a.date().year(), a.date().month(), 1)
            last_first = QDate(b.date().year(), b.date().month(), 1)
            last = last_first.addMonths(1).addDays(-1).toPython()
            return Period(min(first, last), max(first, last), "range")

        return span(self.before_from, self.before_to), span(self.after_from, self.after_to)

    def compare(self) -> None:
        self._generation += 1
        generation = self._generation
        before, after = self.periods()
        ws, actor, lang = self.ctx.workspace, self.ctx.actor, self.ctx.language
        Op(self, lambda _: ws.metrics.compare(actor, before, after, lang), lane="db").success(
            guard(self, lambda c: self._compared(generation, c))).failure(
            guard(self, self.compare_message.show_failure)).run()

    def _compared(self, generation: int, comparison: Comparison) -> None:
        if generation != self._generation:
            return
        self.comparison = comparison
        lang = self.ctx.language
        b, a = comparison.before, comparison.after
        self.compare_model.titles[1] = self.tr("Before ({period})").format(
            period=period_caption(b, lang))
        self.compare_model.titles[2] = self.tr("After ({period})").format(
            period=period_caption(a, lang))
        self.compare_model.set_rows([([r.label, r.text(r.before), r.text(r.after),
                                       r.change_text(), r.note], r) for r in comparison.rows])
        # Worded as "name: number" so one form reads right for 1 and for many.
        self.counts.setText(self.tr(
            "Before — months: {bm}, hazards: {bh}, injured: {bi}, external inspections: {bv}. "
            "After — months: {am}, hazards: {ah}, injured: {ai}, external inspections: {av}."
        ).format(bm=b.months, bh=b.hazards, bi=b.injured, bv=b.visits, am=a.months,
                 ah=a.hazards, ai=a.injured, av=a.visits))
        overlap = comparison.overlap_note(lang)
        if overlap:
            self.compare_message.show_message(overlap, "warning")
        elif self.compare_message.kind in ("warning", "error"):
            self.compare_message.hide()
        self.compared.emit()

    def export(self, fmt: str, path: str | None = None) -> None:
        if path is None:
            suggested = str(Path.home() / f"{self.tr('Effect metrics')}.{fmt}")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export"), suggested,
                self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return
        target = Path(path)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        before, after = self.periods()
        ws, lang = self.ctx.workspace, self.ctx.language

        def work(progress: Any) -> Path:
            spec = load_all()["effect-metrics"]  # imports the renderers: off the UI thread
            # Cancel comes through progress.set (tasks.Cancelled), which the Op understands.
            request = ReportRequest(before=before, after=after, lang=lang,
                                    progress=lambda done, total: progress.set(done, total))
            return spec.render(ws, request, target).path

        Op(self, work, lane="db").with_progress(self.tr("Exporting…")).success(
            guard(self, self._exported)).failure(
            guard(self, self.compare_message.show_failure)).run()

    def _exported(self, path: Path) -> None:
        self.compare_message.show_message(self.tr("Saved: {path}").format(path=path), "success")
        self.exported.emit(str(path))

    # -- forms ---------------------------------------------------------------------------------
    def _incident_fields(self) -> list[Field]:
        lang = self.ctx.language
        return [
            Field("date", self.tr("Date"), "date"),
            Field("employee_no", self.tr("Employee no. (optional)"), "text"),
            Field("person_name", self.tr("Injured person"), "text"),
            Field("category", self.tr("Category (GB 6441)"), "choice",
                  [(k, label_of(GB6441_CATEGORIES, k, lang)) for k in GB6441_CATEGORIES]),
            Field("severity", self.tr("Severity"), "choice",
                  [(k, label_of(SEVERITIES, k, lang)) for k in SEVERITIES]),
            Field("lost_days", self.tr("Lost working days"), "int"),
            Field("description", self.tr("What happened"), "long"),
        ]

    def _workforce_fields(self) -> list[Field]:
        return [Field("month", self.tr("Month"), "month"),
                Field("headcount", self.tr("Headcount"), "int"),
                Field("hours_worked", self.tr("Hours worked"), "float")]

    def _inspection_fields(self) -> list[Field]:
        return [Field("date", self.tr("Date"), "date"),
                Field("agency", self.tr("Agency"), "text"),
                Field("kind", self.tr("Kind of inspection"), "text"),
                Field("deductions", self.tr("Points deducted"), "float"),
                Field("findings", self.tr("Findings"), "long")]

    # -- page contract -------------------------------------------------------------------------
    def activated(self) -> None:
        if not self._started:
            self._started = True
            self.refresh()

    def refresh(self) -> None:
        self.compare()
        for tab in (self.incidents, self.workforce, self.inspections):
            tab.refresh()

    def _data_changed(self, entity: str, _ids: list[str]) -> None:
        if not self._started:
            return
        if entity in ("hazard", *ENTITIES.values()):
            self.compare()
        tabs = {"incident": self.incidents, "workforce_month": self.workforce,
                "external_inspection": self.inspections}
        if entity in tabs:
            tabs[entity].refresh()
