"""Small dialogs of the risk map: import a plan, export the four-colour map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.feedback import error_label

PLAN_FILTER = "*.png *.jpg *.jpeg *.pdf"


def _file_row(parent: QWidget, edit: QLineEdit, browse: Any) -> QWidget:
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    button = QPushButton(parent.tr("Browse…"), row)
    button.clicked.connect(browse)
    layout.addWidget(button)
    return row


class ImportPlanDialog(QDialog):
    """File, name, building and floor of a new plan; PDF: which page."""

    def __init__(self, buildings: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import floor plan"))
        self.file_edit = QLineEdit(self)
        self.file_edit.setPlaceholderText(self.tr("PNG, JPG (up to 10,000 px a side) or PDF"))
        self.file_edit.textChanged.connect(self._file_changed)
        self.name_edit = QLineEdit(self)
        self.building_combo = QComboBox(self)
        self.building_combo.addItem(self.tr("(whole site)"), None)
        for b in buildings:
            self.building_combo.addItem(f"{b['code']} {b['name']}", b["id"])
        self.floor_edit = QLineEdit(self)
        self.floor_edit.setPlaceholderText(self.tr("e.g. 1F"))
        self.page_spin = QSpinBox(self)
        self.page_spin.setRange(1, 9999)
        self.page_spin.setEnabled(False)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("File"), _file_row(self, self.file_edit, self.browse))
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Building"), self.building_combo)
        form.addRow(self.tr("Floor"), self.floor_edit)
        form.addRow(self.tr("PDF page"), self.page_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def browse(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a floor plan"), start,
                                              self.tr("Floor plans") + f" ({PLAN_FILTER})")
        if path:
            self.file_edit.setText(path)

    def _file_changed(self, text: str) -> None:
        path = Path(text.strip())
        self.page_spin.setEnabled(path.suffix.lower() == ".pdf")
        if text.strip() and not self.name_edit.text().strip():
            self.name_edit.setText(path.stem)

    def values(self) -> dict[str, Any]:
        return {"source": self.file_edit.text().strip(), "name": self.name_edit.text().strip(),
                "building_id": self.building_combo.currentData(),
                "floor": self.floor_edit.text().strip() or None, "page": self.page_spin.value()}

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class ExportMapDialog(QDialog):
    """Format, paper, which plans and where: the four-colour map for the wall."""

    def __init__(self, plan_name: str, default_dir: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the four-colour map"))
        self.plan_name = plan_name
        self.format_combo = QComboBox(self)
        self.format_combo.addItem("PDF", "pdf")
        self.format_combo.addItem(self.tr("PNG image"), "png")
        self.paper_combo = QComboBox(self)
        self.paper_combo.addItem(self.tr("A3 landscape"), "A3")
        self.paper_combo.addItem(self.tr("A4 landscape"), "A4")
        self.scope_combo = QComboBox(self)
        self.scope_combo.addItem(self.tr("This plan"), "this")
        self.scope_combo.addItem(self.tr("All plans (one page each)"), "all")
        self.path_edit = QLineEdit(str(Path(default_dir) / f"{plan_name}.pdf"), self)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("Paper"), self.paper_combo)
        form.addRow(self.tr("Plans"), self.scope_combo)
        form.addRow(self.tr("Save as"), _file_row(self, self.path_edit, self.browse))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def _format_changed(self) -> None:
        fmt = self.format_combo.currentData()
        self.scope_combo.setEnabled(fmt == "pdf")
        if fmt == "png":
            self.scope_combo.setCurrentIndex(0)
        self.path_edit.setText(str(Path(self.path_edit.text()).with_suffix(f".{fmt}")))

    def browse(self) -> None:
        fmt = self.format_combo.currentData()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the map as"),
                                              self.path_edit.text(), f"{fmt.upper()} (*.{fmt})")
        if path:
            self.path_edit.setText(path)

    def values(self) -> dict[str, Any]:
        fmt = self.format_combo.currentData()
        return {"path": Path(self.path_edit.text().strip()).with_suffix(f".{fmt}"),
                "paper": self.paper_combo.currentData(),
                "plan": self.plan_name if self.scope_combo.currentData() == "this" else None}
