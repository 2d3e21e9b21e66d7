"""Print QR labels: choose what to label, the sheet or thermal size, then save a PDF or print.

The PDF is always made first (in the background, with progress and Cancel) and is what gets
printed, so the saved file and the printed sheet can never differ.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.equipment import Equipment, EquipmentQuery
from desktop.context import AppContext
from desktop.dialogs.feedback import error_label, guard
from desktop.printing import print_pdf
from desktop.tasks import Op, Progress
from reports.labels import get_template, items_for, render_labels, template_keys


class LabelsDialog(QDialog):
    def __init__(self, ctx: AppContext, selected_ids: list[str] | None = None,
                 query: EquipmentQuery | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.selected_ids = list(selected_ids or [])
        self.query = query or EquipmentQuery()
        self.setWindowTitle(self.tr("Print QR labels"))
        self.setMinimumWidth(460)
        ws, actor = ctx.workspace, ctx.actor

        self.scope_selected = QRadioButton(self.tr("Selected equipment ({n})").format(
            n=len(self.selected_ids)))
        self.scope_filter = QRadioButton(self.tr("Everything in the current list ({n})").format(
            n=ws.equipment.search_page(actor, self.query, 0, 1)[1]))
        self.scope_area = QRadioButton(self.tr("All equipment in an area"))
        self.scope_type = QRadioButton(self.tr("All equipment of a type"))
        self.scopes = QButtonGroup(self)
        for button in (self.scope_selected, self.scope_filter, self.scope_area, self.scope_type):
            self.scopes.addButton(button)
        self.scope_selected.setEnabled(bool(self.selected_ids))
        (self.scope_selected if self.selected_ids else self.scope_filter).setChecked(True)

        self.area = QComboBox()
        for area in ws.structure.list(actor, "area"):
            self.area.addItem(area["name"], area["id"])
        self.type = QComboBox()
        for kind in ws.equipment.types(actor):
            self.type.addItem(kind["name"], kind["id"])
        self.area.currentIndexChanged.connect(lambda: self.scope_area.setChecked(True))
        self.type.currentIndexChanged.connect(lambda: self.scope_type.setChecked(True))

        self.template = QComboBox()
        names = {
            "a4-3x8": self.tr("A4 sticker sheet, 3 × 8 (70 × 37 mm)"),
            "a4-2x5": self.tr("A4 sticker sheet, 2 × 5 (105 × 57 mm)"),
            "thermal-50x30": self.tr("Thermal label 50 × 30 mm"),
            "thermal-60x40": self.tr("Thermal label 60 × 40 mm"),
            "thermal-70x50": self.tr("Thermal label 70 × 50 mm"),
        }
        for key in template_keys():
            self.template.addItem(names.get(key, key), key)
        self.skip = QSpinBox()
        self.skip.setSuffix(self.tr(" labels already used"))
        self.template.currentIndexChanged.connect(self._template_changed)
        self._template_changed()

        form = QFormLayout()
        form.addRow(self.scope_selected)
        form.addRow(self.scope_filter)
        form.addRow(self.scope_area, self.area)
        form.addRow(self.scope_type, self.type)
        form.addRow(QLabel(self.tr("Label size")), self.template)
        form.addRow(QLabel(self.tr("Start on a partly used sheet")), self.skip)

        self.error = error_label(self)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_labels)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.last_pdf: Path | None = None

    def _template_changed(self) -> None:
        template = get_template(self.template.currentData())
        self.skip.setRange(0, max(0, template.per_page - 1))
        self.skip.setEnabled(not template.is_thermal)  # a roll has no used positions

    def _equipment(self) -> Iterator[Equipment]:
        """The chosen machines, read lazily on the database lane. The widgets are read HERE,
        on the UI thread; the generator below only touches plain values (a widget must never
        be touched from a worker thread)."""
        ws, actor = self.ctx.workspace, self.ctx.actor
        selected = list(self.selected_ids) if self.scope_selected.isChecked() else None
        if self.scope_area.isChecked():
            query = EquipmentQuery(area_id=self.area.currentData())
        elif self.scope_type.isChecked():
            query = EquipmentQuery(type_id=self.type.currentData())
        else:
            query = self.query
        return _machines(ws, actor, selected, query)

    def _render(self, target: Path, then) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        template, skip = self.template.currentData(), self.skip.value()
        lang = self.ctx.language
        sites = ws.structure.list(actor, "site")
        site_codes = {s["id"]: s["code"] for s in sites}
        default_site = sites[0]["code"] if sites else "S"
        equipment = self._equipment()
        counting = self.tr("{n} labels…")  # translated here: the work runs in another thread

        def work(progress: Progress) -> int:
            return render_labels(items_for(equipment, site_codes, default_site), target,
                                 template, ws.plant_name, skip, lang,
                                 progress=lambda done: progress.set(done, 0,
                                                                    counting.format(n=done)))

        self.error.hide()
        Op(self, work, lane="db").with_progress(self.tr("Making labels…")).success(
            guard(self, lambda pages: then(target, pages))).failure(
            guard(self, self._failed)).run()

    def _failed(self, exc: BaseException) -> None:
        from core.i18n import DomainError

        if isinstance(exc, DomainError):
            self.error.setStyleSheet("")
            self.error.setText(exc.message())
            self.error.show()
        else:
            from desktop.errors import show_error

            show_error(self, exc)

    def save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save labels as PDF"),
                                              str(Path.home() / "labels.pdf"), "PDF (*.pdf)")
        if path:
            self._render(Path(path), self._saved)

    def _saved(self, target: Path, pages: int) -> None:
        self.last_pdf = target
        self.error.setStyleSheet("color: #1E6B35;")
        self.error.setText(self.tr("Saved {pages} pages to {path}").format(pages=pages, path=target))
        self.error.show()

    def print_labels(self) -> None:
        target = Path(tempfile.mkdtemp(prefix="safedesk-labels-")) / "labels.pdf"
        self._render(target, self._print)

    def _print(self, target: Path, _pages: int) -> None:
        self.last_pdf = target
        print_pdf(self, target, self.tr("SafeDesk labels"))


def _machines(ws, actor, selected: list[str] | None, query: EquipmentQuery) -> Iterator[Equipment]:
    if selected is not None:
        for item_id in selected:
            item = ws.equipment.get(actor, item_id)
            if item is not None:
                yield item
        return
    yield from ws.equipment.iter_all(actor, query)
