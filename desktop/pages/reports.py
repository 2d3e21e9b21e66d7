"""Reports (F10): every report of jobs.report_catalog in one place — pick, preview, export, print.

The list is whatever the catalog holds (ledgers, the risk register, the four-colour map, the
effect metrics…), titled in the current language. Rendering always runs in the background: the
preview renders a temporary PDF and shows its first pages as images (PDFium); export writes the
chosen file through the report's own atomic write, so a cancelled or failed export leaves nothing.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.auth import Permission
from core.periods import Period, parse_period
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, guard
from desktop.pages.base import Page
from desktop.tasks import Cancelled as OpCancelled
from desktop.tasks import Op
from jobs.report_catalog import Cancelled, ReportRequest, ReportSpec, load_all

PREVIEW_PAGES = 12  # pages shown in the preview; the export has them all
PREVIEW_SCALE = 1.3  # PDF points -> pixels (~94 dpi): readable on screen, quick to draw
KINDS = ("month", "quarter", "year", "range")


def period_for(kind: str, anchor: dt.date, end: dt.date) -> Period:
    """The period the picker shows: the month/quarter/year containing ``anchor``, or a range."""
    if kind == "month":
        return parse_period(f"{anchor.year}-{anchor.month:02d}")
    if kind == "quarter":
        return parse_period(f"{anchor.year}Q{(anchor.month - 1) // 3 + 1}")
    if kind == "year":
        return parse_period(str(anchor.year))
    start, stop = min(anchor, end), max(anchor, end)
    return Period(start, stop, "range")


def _months_back(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def _range(start: QDateEdit, end: QDateEdit) -> Period:
    a, b = start.date().toPython(), end.date().toPython()
    return Period(min(a, b), max(a, b), "range")


def _kind_titles() -> dict[str, str]:
    return {"month": QCoreApplication.translate("ReportsPage", "Month"),
            "quarter": QCoreApplication.translate("ReportsPage", "Quarter"),
            "year": QCoreApplication.translate("ReportsPage", "Year"),
            "range": QCoreApplication.translate("ReportsPage", "Custom range")}


def _safe_name(text: str) -> str:
    return "".join("_" if ch in '\\/:*?"<>| ' else ch for ch in text)


class PreviewPane(QScrollArea):
    """The preview's page images, stacked; a label says how many pages the document has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.inner = QWidget(self)
        self.inner.setStyleSheet("background: #8a9099;")
        self.box = QVBoxLayout(self.inner)
        self.box.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.box.setSpacing(12)
        self.setWidget(self.inner)
        self.page_labels: list[QLabel] = []
        # An empty grey pane looked broken: say what fills it.
        self.hint = QLabel(self.tr("Choose a report and its period, then press Preview."),
                           self.inner)
        self.hint.setStyleSheet("color: white; font-size: 14px; padding: 40px;")
        self.box.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignHCenter)

    def clear(self) -> None:
        for label in self.page_labels:
            self.box.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        self.hint.show()

    def show_pages(self, images: list[QImage]) -> None:
        self.clear()
        self.hint.hide()
        for image in images:
            label = QLabel(self.inner)
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white; border: 1px solid #5a5f66;")
            self.box.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)


def rasterise(pdf_path: Path, width_px: int = 0,
              pages: int = PREVIEW_PAGES) -> tuple[list[tuple[bytes, int, int]], int]:
    """(RGB bytes, width, height) of the first pages and the page count; runs off the UI thread
    (QImage is made from the bytes on the UI thread). ``width_px``: fit pages to that width."""
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        out = []
        for index in range(min(pages, len(doc))):
            page = doc[index]
            scale = PREVIEW_SCALE if width_px <= 0 else max(
                0.5, min(2.0, width_px / page.get_width()))
            image = page.render(scale=scale).to_pil().convert("RGB")
            out.append((image.tobytes(), image.width, image.height))
        return out, len(doc)
    finally:
        doc.close()


class ReportsPage(Page):
    page_id = "reports"
    required_permission = Permission.VIEW_HAZARDS
    exported = Signal(str)  # the file written (tests and the status bar listen)
    previewed = Signal(int)  # the document's page count

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.specs: dict[str, ReportSpec] = dict(load_all())
        self.last_dir = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        self._tmp = tempfile.TemporaryDirectory(prefix="safedesk-preview-")
        self._generation = 0
        self.message = MessageBar(self)

        # -- the list of reports ---------------------------------------------------------
        self.report_list = QListWidget(self)
        self.report_list.setObjectName("reportList")
        self.report_list.setStyleSheet("#reportList::item { padding: 6px 4px; }")
        self.report_list.currentItemChanged.connect(lambda *_: self._report_changed())

        # -- what the report is made of ------------------------------------------------
        today = QDate.currentDate()
        self.kind = QComboBox(self)
        for key, title in _kind_titles().items():
            self.kind.addItem(title, key)
        self.kind.currentIndexChanged.connect(lambda *_: self._period_changed())
        self.anchor = QDateEdit(today, self)
        self.anchor.setCalendarPopup(True)
        self.anchor.dateChanged.connect(lambda *_: self._period_changed())
        self.end = QDateEdit(today, self)
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.end.dateChanged.connect(lambda *_: self._period_changed())
        self.period_label = QLabel(self)
        self.period_label.setObjectName("periodLabel")
        self.hazard = QLineEdit(self)
        self.hazard.setMinimumWidth(260)
        self.hazard.setPlaceholderText(self.tr("Hazard number, e.g. YH-2025-0012"))
        self.area = QComboBox(self)
        self.area.setMinimumWidth(220)
        self.equipment = QComboBox(self)
        self.equipment.setMinimumWidth(320)
        self.equipment.setEditable(True)
        self.paper = QComboBox(self)
        self.paper.addItem("A3", "A3")
        self.paper.addItem("A4", "A4")
        self.paper.setMaximumWidth(120)
        self.plan = QComboBox(self)
        self.plan.setMinimumWidth(220)
        # Effect metrics compare two ranges: by default the last six full months against the
        # six before them.
        first_of_month = dt.date.today().replace(day=1)
        after_start = _months_back(first_of_month, 6)
        before_start = _months_back(after_start, 6)
        self.before_from, self.before_to = self._date(before_start), self._date(
            after_start - dt.timedelta(days=1))
        self.after_from, self.after_to = self._date(after_start), self._date(
            first_of_month - dt.timedelta(days=1))
        self.before_row = self._range_row(self.before_from, self.before_to)
        self.after_row = self._range_row(self.after_from, self.after_to)
        self.chemicals_button = QPushButton(self.tr("Chemical inventory…"), self)
        self.chemicals_button.clicked.connect(self.edit_chemicals)
        self.chemicals_button.setEnabled(ctx.can(Permission.EDIT_RISKS))
        self.chemicals_button.setSizePolicy(QSizePolicy.Policy.Maximum,
                                            QSizePolicy.Policy.Fixed)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        period_row = QHBoxLayout()
        period_row.addWidget(self.kind)
        period_row.addWidget(self.anchor)
        self.to_label = QLabel(self.tr("to"), self)
        period_row.addWidget(self.to_label)
        period_row.addWidget(self.end)
        period_row.addWidget(self.period_label, 1)
        self.period_row = QWidget(self)
        self.period_row.setLayout(period_row)
        period_row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Period"), self.period_row)
        form.addRow(self.tr("Hazard"), self.hazard)
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Equipment"), self.equipment)
        form.addRow(self.tr("Floor plan"), self.plan)
        form.addRow(self.tr("Before"), self.before_row)
        form.addRow(self.tr("After"), self.after_row)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow("", self.chemicals_button)
        self.form = form

        # -- actions ---------------------------------------------------------------------
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.pdf_button.clicked.connect(lambda: self.ask_export("pdf"))
        self.xlsx_button = QPushButton(self.tr("Export Excel…"), self)
        self.xlsx_button.clicked.connect(lambda: self.ask_export("xlsx"))
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.clicked.connect(self.print_report)
        self.folder_button = QPushButton(self.tr("Open folder"), self)
        self.folder_button.clicked.connect(self.open_folder)
        actions = QHBoxLayout()
        for button in (self.preview_button, self.pdf_button, self.xlsx_button, self.print_button,
                       self.folder_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.pages_label = QLabel(self)

        self.preview_pane = PreviewPane(self)

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(form)
        rl.addLayout(actions)
        rl.addWidget(self.pages_label)
        rl.addWidget(self.preview_pane, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.report_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 1100])
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self._fill_reports()
        self._fill_choosers()
        self._period_changed()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ReportsPage", "Reports")

    def _date(self, day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _range_row(self, start: QDateEdit, end: QDateEdit) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(start)
        layout.addWidget(QLabel(self.tr("to"), row))
        layout.addWidget(end)
        layout.addStretch(1)
        return row

    # -- state ------------------------------------------------------------------------------
    def _fill_reports(self) -> None:
        lang = i18n.language()
        self.report_list.clear()
        for name, spec in self.specs.items():
            item = QListWidgetItem(spec.title_in(lang), self.report_list)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(f"{name} ({', '.join(spec.formats)})")
        if self.report_list.count():
            self.report_list.setCurrentRow(0)

    def _fill_choosers(self) -> None:
        from db.repositories.ledgers import SqliteLedgerRepository

        # Two short lists read once when the page is built (like the other pages' filters).
        repo = SqliteLedgerRepository(self.ctx.workspace.db)
        self.area.clear()
        self.area.addItem(self.tr("All areas"), "")
        for code, name in repo.areas():
            self.area.addItem(f"{code} {name}", code)
        self.equipment.clear()
        self.equipment.addItem(self.tr("All equipment"), "")
        for code, name in repo.inspected_equipment():
            self.equipment.addItem(f"{code} {name}", code)
        self.plan.clear()
        self.plan.addItem(self.tr("All floor plans"), "")
        plans_repo = getattr(self.ctx.workspace, "floorplans_repo", None)
        for plan in plans_repo.plans() if plans_repo is not None else []:
            self.plan.addItem(plan.name, plan.name)

    def current_spec(self) -> ReportSpec | None:
        item = self.report_list.currentItem()
        return self.specs.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def select_report(self, name: str) -> None:
        for row in range(self.report_list.count()):
            if self.report_list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.report_list.setCurrentRow(row)
                return

    def _report_changed(self) -> None:
        spec = self.current_spec()
        needs = set(spec.needs) if spec else set()
        formats = set(spec.formats) if spec else set()
        for widget, need in ((self.period_row, "period"), (self.hazard, "hazard"),
                             (self.area, "area"), (self.equipment, "equipment"),
                             (self.paper, "paper"), (self.plan, "plan"),
                             (self.before_row, "before_after"),
                             (self.after_row, "before_after")):
            widget.setVisible(need in needs)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(need in needs)
        self.chemicals_button.setVisible(bool(spec) and spec.name == "major-hazard-ledger")
        self.pdf_button.setEnabled("pdf" in formats)
        self.xlsx_button.setEnabled("xlsx" in formats)
        self.print_button.setEnabled("pdf" in formats)
        self.preview_button.setEnabled("pdf" in formats)
        self.preview_pane.clear()
        self.pages_label.clear()

    def _period_changed(self) -> None:
        kind = self.kind.currentData()
        formats = {"month": "yyyy-MM", "quarter": "yyyy-MM", "year": "yyyy",
                   "range": "yyyy-MM-dd"}
        self.anchor.setDisplayFormat(formats.get(kind, "yyyy-MM-dd"))
        self.end.setVisible(kind == "range")
        self.to_label.setVisible(kind == "range")
        self.period_label.setText(self.period().label(i18n.language()))

    def period(self) -> Period:
        return period_for(self.kind.currentData(), self.anchor.date().toPython(),
                          self.end.date().toPython())

    def set_period(self, kind: str, anchor: dt.date, end: dt.date | None = None) -> None:
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.anchor.setDate(QDate(anchor))
        if end is not None:
            self.end.setDate(QDate(end))

    def request(self) -> ReportRequest:
        """The request from the widgets, read on the UI thread (plain values only)."""
        spec = self.current_spec()
        needs = set(spec.needs) if spec else set()
        equipment = self.equipment.currentData() if self.equipment.currentIndex() > 0 else ""
        typed = self.equipment.currentText().split(" ")[0] if self.equipment.currentIndex() < 0 \
            else ""
        return ReportRequest(
            period=self.period() if "period" in needs else Period(None, None, "all"),
            hazard_number=self.hazard.text().strip() or None,
            area=(self.area.currentData() or None) if "area" in needs else None,
            equipment=(equipment or typed or None) if "equipment" in needs else None,
            paper=self.paper.currentData() if "paper" in needs else None,
            plan=(self.plan.currentData() or None) if "plan" in needs else None,
            before=_range(self.before_from, self.before_to) if "before_after" in needs else None,
            after=_range(self.after_from, self.after_to) if "before_after" in needs else None,
            lang=i18n.language())

    # -- work ---------------------------------------------------------------------------------
    def _run(self, output: Path, on_done: Any, label: str, then_rasterise: bool = False) -> Op:
        spec = self.current_spec()
        assert spec is not None
        request = self.request()
        ws = self.ctx.workspace
        width = self.preview_pane.viewport().width() - 40

        def work(progress: Any) -> Any:
            job = replace(request, progress=lambda done, total: progress.set(done, total),
                          cancelled=lambda: progress.cancelled)
            try:
                result = spec.render(ws, job, output)
            except Cancelled:
                raise OpCancelled() from None
            return (result, rasterise(output, width)) if then_rasterise else result

        self.message.hide()
        return Op(self, work, lane="db").success(guard(self, on_done)).failure(
            guard(self, self.message.show_failure)).cancelled(
            guard(self, lambda: self.message.show_message(self.tr("Cancelled."), "info"))
        ).with_progress(label, cancellable=True).run()

    def preview(self) -> Op | None:
        spec = self.current_spec()
        if spec is None or "pdf" not in spec.formats:
            return None
        self._generation += 1
        generation = self._generation
        target = Path(self._tmp.name) / f"preview-{generation}.pdf"
        return self._run(target, lambda result: self._previewed(generation, result),
                         self.tr("Making the preview…"), then_rasterise=True)

    def _previewed(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return  # a newer preview was asked for meanwhile
        _report, (pages, count) = result
        images = [QImage(data, w, h, w * 3, QImage.Format.Format_RGB888).copy()
                  for data, w, h in pages]
        self.preview_pane.show_pages(images)
        shown = len(images)
        text = self.tr("%n page(s)", "", count)
        if shown < count:
            text += " " + self.tr("(the first %n shown)", "", shown)
        self.pages_label.setText(text)
        self.previewed.emit(count)

    def default_name(self, fmt: str) -> str:
        spec = self.current_spec()
        assert spec is not None
        request = self.request()
        part = request.hazard_number if "hazard" in spec.needs else (
            request.period.label(i18n.language()) if "period" in spec.needs else
            dt.date.today().isoformat())
        return _safe_name(f"{spec.title_in(i18n.language())}_{part}.{fmt}")

    def ask_export(self, fmt: str) -> None:
        filters = {"pdf": self.tr("PDF files (*.pdf)"), "xlsx": self.tr("Excel workbooks (*.xlsx)")}
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), str(self.last_dir / self.default_name(fmt)),
            filters[fmt])
        if path:
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Op:
        return self._run(path, lambda result: self._exported(result),
                         self.tr("Writing {name}…").replace("{name}", path.name))

    def _exported(self, result: Any) -> None:
        self.last_dir = Path(result.path).parent
        self.message.show_message(
            self.tr("Saved {path}").replace("{path}", str(result.path)), "success")
        self.exported.emit(str(result.path))

    def print_report(self) -> Op:
        target = Path(self._tmp.name) / "print.pdf"
        return self._run(target, lambda result: self._print(result),
                         self.tr("Preparing to print…"))

    def _print(self, result: Any) -> None:
        from desktop.printing import print_pdf

        spec = self.current_spec()
        print_pdf(self, Path(result.path), spec.title_in(i18n.language()) if spec else "")

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_dir)))

    def edit_chemicals(self) -> None:
        from desktop.dialogs.chemicals import ChemicalsDialog

        dialog = ChemicalsDialog(self.ctx, self)
        dialog.finished.connect(lambda *_: dialog.deleteLater())
        dialog.open()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        self._tmp.cleanup()
        super().closeEvent(event)
