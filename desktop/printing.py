"""Print a PDF we made (labels, later ledgers) through the system's print dialog.

The PDF stays the single source of what is printed: pages are rasterised with PDFium at the
printer's resolution (capped, so a 1200 dpi driver does not eat memory) and painted at their
true physical size, so a 70×37 mm label comes out 70×37 mm whatever the printer's margins.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

MAX_DPI = 600
POINTS_PER_INCH = 72.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


def page_sizes_mm(pdf_path: Path) -> list[tuple[float, float]]:
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        return [(p.get_width() / POINTS_PER_INCH * 25.4, p.get_height() / POINTS_PER_INCH * 25.4)
                for p in doc]
    finally:
        doc.close()


def print_pdf(parent: QWidget | None, pdf_path: Path, title: str) -> bool:
    """Ask for a printer and print every page; returns False when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    sizes = page_sizes_mm(pdf_path)
    if sizes:
        w, h = sizes[0]
        # Start the dialog on the PDF's own paper (A4 sheet or the thermal label size).
        printer.setPageSize(QPageSize(QSizeF(w, h), QPageSize.Unit.Millimeter, title))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if w > h
                                   else QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("Print"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    return render_to_printer(parent, pdf_path, printer)


def render_to_printer(parent: QWidget | None, pdf_path: Path, printer: QPrinter) -> bool:
    printer.setFullPage(True)
    dpi = min(printer.resolution(), MAX_DPI)
    doc = pdfium.PdfDocument(str(pdf_path))
    progress = QProgressDialog(_tr("Printing…"), _tr("Cancel"), 0, len(doc), parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            return False
        device_dpi = printer.resolution()
        for index, page in enumerate(doc):
            if progress.wasCanceled():
                printer.abort()
                return False
            if index:
                printer.newPage()
            bitmap = page.render(scale=dpi / POINTS_PER_INCH)
            image = bitmap.to_pil().convert("RGB")
            qimage = QImage(image.tobytes(), image.width, image.height, image.width * 3,
                            QImage.Format.Format_RGB888)
            # True size: PDF points -> printer device pixels; with full-page mode the origin
            # is the paper's top-left corner, as in the PDF.
            w = page.get_width() / POINTS_PER_INCH * device_dpi
            h = page.get_height() / POINTS_PER_INCH * device_dpi
            painter.drawImage(QRectF(0, 0, w, h), qimage)
            progress.setValue(index + 1)
        return True
    finally:
        if painter.isActive():
            painter.end()
        progress.close()
        doc.close()
