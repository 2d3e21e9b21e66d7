"""The dangerous chemical inventory (危险化学品清单) behind the major hazard ledger.

A table of the chemicals with q, Q and q/Q, the running S = Σq/Q and its verdict; add, edit and
delete rows. Values are checked by core.major_hazard (CAS format and check digit, quantities
greater than zero); a bad value is shown inline and nothing is stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.i18n import DomainError
from core.major_hazard import Chemical, identify, validate
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, confirm, error_label, guard
from desktop.tasks import Op


class ChemicalForm(QDialog):
    """Add or edit one chemical; validates before closing."""

    def __init__(self, areas: list[tuple[str, str, str]], chemical: Chemical | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit chemical") if chemical else self.tr("Add chemical"))
        self.name = QLineEdit(self)
        self.cas = QLineEdit(self)
        self.cas.setPlaceholderText("1330-20-7")
        self.quantity = QLineEdit(self)
        self.threshold = QLineEdit(self)
        self.area = QComboBox(self)
        self.area.addItem("", "")
        for area_id, code, name in areas:
            self.area.addItem(f"{code} {name}", area_id)
        self.location = QLineEdit(self)
        self.notes = QLineEdit(self)
        # The safety data sheet (SDS): a file picked here is stored when the form is saved.
        self.sds_sha = chemical.sds_sha256 if chemical else None
        self.sds_path: Path | None = None
        self.sds_button = QPushButton(self.tr("Choose file…"), self)
        self.sds_button.clicked.connect(self._choose_sds)
        self.sds_label = QLabel(self.tr("On file") if self.sds_sha else self.tr("None"), self)
        self.error = error_label(self)
        if chemical:
            self.name.setText(chemical.name)
            self.cas.setText(chemical.cas_no)
            self.quantity.setText(f"{chemical.max_quantity_t:g}")
            self.threshold.setText(f"{chemical.threshold_t:g}")
            self.area.setCurrentIndex(max(0, self.area.findData(chemical.area_id or "")))
            self.location.setText(chemical.location)
            self.notes.setText(chemical.notes)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("CAS number"), self.cas)
        form.addRow(self.tr("Maximum quantity q (t)"), self.quantity)
        form.addRow(self.tr("Threshold quantity Q (t)"), self.threshold)
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Notes"), self.notes)
        sds_row = QHBoxLayout()
        sds_row.addWidget(self.sds_label, 1)
        sds_row.addWidget(self.sds_button)
        form.addRow(self.tr("Safety data sheet"), sds_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.values_out: dict[str, Any] = {}

    def raw_values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "cas_no": self.cas.text(),
                "max_quantity_t": self.quantity.text(), "threshold_t": self.threshold.text(),
                "area_id": self.area.currentData() or None, "location": self.location.text(),
                "notes": self.notes.text(), "sds_sha256": self.sds_sha}

    def _choose_sds(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Safety data sheet"), "",
            self.tr("Documents (*.pdf *.doc *.docx *.jpg *.png);;All files (*)"))
        if path:
            self.set_sds(Path(path))

    def set_sds(self, path: Path) -> None:
        self.sds_path = path
        self.sds_label.setText(path.name)

    def accept(self) -> None:
        try:
            self.values_out = validate(self.raw_values())
        except DomainError as exc:
            self.error.setText(exc.message())
            self.error.show()
            return
        super().accept()


class ChemicalsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Dangerous chemical inventory (GB 18218-2018)"))
        self.resize(980, 520)
        self.message = MessageBar(self)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("CAS number"), self.tr("Area / location"),
            self.tr("q (t)"), self.tr("Q (t)"), "q/Q", self.tr("Notes")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in (0, 2, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda *_: self.edit())
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        add = QPushButton(self.tr("Add…"), self)
        add.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for button in (add, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verdict)
        layout.addLayout(row)
        self.chemicals: list[Chemical] = []
        self.areas: list[tuple[str, str, str]] = []
        self.reload()

    def reload(self) -> Op:
        ws = self.ctx.workspace

        def work(_progress: Any) -> tuple[list[Chemical], list[tuple[str, str, str]]]:
            from db.repositories.chemicals import SqliteChemicalRepository

            return ws.chemicals.list(), SqliteChemicalRepository(ws.db).areas()
        return Op(self, work, lane="db").success(guard(self, self._loaded)).failure(
            guard(self, self.message.show_failure)).run()

    def _loaded(self, result: tuple[list[Chemical], list[tuple[str, str, str]]]) -> None:
        self.chemicals, self.areas = result
        ident = identify(self.chemicals)
        self.table.setRowCount(len(self.chemicals))
        for r, term in enumerate(ident.terms):
            c = term.chemical
            place = " ".join(p for p in (c.area_name, c.location) if p)
            for col, text in enumerate((c.name, c.cas_no, place, f"{c.max_quantity_t:g}",
                                        f"{c.threshold_t:g}", f"{term.ratio:.6f}", c.notes)):
                self.table.setItem(r, col, QTableWidgetItem(text))
        self.verdict.setText(f"{ident.formula()}\n{ident.verdict(i18n.language())}")

    def selected(self) -> Chemical | None:
        rows = self.table.selectionModel().selectedRows()
        return self.chemicals[rows[0].row()] if rows else None

    def add(self) -> ChemicalForm:
        return self._form(None)

    def edit(self) -> ChemicalForm | None:
        chemical = self.selected()
        return self._form(chemical) if chemical else None

    def _form(self, chemical: Chemical | None) -> ChemicalForm:
        form = ChemicalForm(self.areas, chemical, self)
        form.accepted.connect(lambda: self._save(chemical, form.values_out, form.sds_path))
        form.finished.connect(lambda *_: form.deleteLater())
        form.open()
        return form

    def _save(self, chemical: Chemical | None, values: dict[str, Any],
              sds: Path | None = None) -> Op:
        ws = self.ctx.workspace

        def work(_progress: Any) -> Any:
            if sds is not None:  # blobs are content-addressed: storing twice is harmless
                values["sds_sha256"] = ws.attachments.put(sds)[0]
            if chemical is None:
                return ws.chemicals.add(values)
            return ws.chemicals.update(chemical.id, values)
        return Op(self, work, lane="db").success(guard(self, lambda _r: self._changed())).failure(
            guard(self, self.message.show_failure)).run()

    def delete(self) -> None:
        chemical = self.selected()
        if chemical is None:
            return
        ws = self.ctx.workspace
        confirm(self, self.tr("Delete chemical"),
                self.tr("Delete “{name}” from the inventory?").replace("{name}", chemical.name),
                self.tr("Delete"),
                lambda: Op(self, lambda _p: ws.chemicals.remove(chemical.id), lane="db").success(
                    guard(self, lambda _r: self._changed())).failure(
                    guard(self, self.message.show_failure)).run())

    def _changed(self) -> None:
        self.ctx.notify("chemical")
        self.reload()
