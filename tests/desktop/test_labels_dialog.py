"""The labels dialog makes a real PDF whose QR codes decode to the chosen equipment, and printing
sends its pages, at their true size, to a (PDF) printer."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtPrintSupport import QPrinter

from core.auth import SYSTEM
from core.equipment import EquipmentQuery
from core.qr_payload import parse
from desktop.dialogs.labels_dialog import LabelsDialog
from desktop.printing import render_to_printer


@pytest.fixture
def machines(workspace):
    site = workspace.structure.add(SYSTEM, "site", {"code": "S01", "name": "主厂区"})
    area = workspace.structure.add(SYSTEM, "area", {"code": "CY", "name": "冲压车间", "site_id": site})
    other = workspace.structure.add(SYSTEM, "area", {"code": "HJ", "name": "焊接车间", "site_id": site})
    press = workspace.equipment.add_type(SYSTEM, "YJ", "压力机")
    ids = [workspace.equipment.add(SYSTEM, {"name": f"压力机{i}", "type_id": press, "site_id": site,
                                            "area_id": area if i < 5 else other,
                                            "risk_grade": "considerable"}) for i in range(8)]
    return ids, area


def _codes_in(pdf: Path) -> list[str]:
    found = []
    doc = pdfium.PdfDocument(str(pdf))
    for page in doc:
        image = page.render(scale=200 / 72).to_pil()
        found += sorted(parse(r.text).equipment_code for r in zxingcpp.read_barcodes(image))
    doc.close()
    return found


def test_selected_equipment_labels_decode_back(qtbot, ctx, machines, tmp_path):
    ids, _area = machines
    dialog = LabelsDialog(ctx, selected_ids=ids[:3])
    qtbot.addWidget(dialog)
    assert dialog.scope_selected.isChecked()
    dialog._render(tmp_path / "sel.pdf", dialog._saved)
    qtbot.waitUntil(lambda: dialog.last_pdf is not None, timeout=20000)
    codes = [ctx.workspace.equipment.get(SYSTEM, i).code for i in ids[:3]]
    assert _codes_in(tmp_path / "sel.pdf") == sorted(codes)


def test_area_scope_and_partly_used_sheet(qtbot, ctx, machines, tmp_path):
    _ids, area = machines
    dialog = LabelsDialog(ctx, query=EquipmentQuery())
    qtbot.addWidget(dialog)
    dialog.scope_area.click()
    dialog.area.setCurrentIndex(dialog.area.findData(area))
    dialog.skip.setValue(4)
    dialog._render(tmp_path / "area.pdf", dialog._saved)
    qtbot.waitUntil(lambda: dialog.last_pdf is not None, timeout=20000)
    assert len(_codes_in(tmp_path / "area.pdf")) == 5
    dialog.template.setCurrentIndex(dialog.template.findData("thermal-50x30"))
    assert not dialog.skip.isEnabled()


def test_printing_sends_every_page_at_true_size(qtbot, ctx, machines, tmp_path):
    ids, _area = machines
    dialog = LabelsDialog(ctx, selected_ids=ids)
    qtbot.addWidget(dialog)
    dialog.template.setCurrentIndex(dialog.template.findData("thermal-60x40"))
    dialog._render(tmp_path / "t.pdf", dialog._saved)
    qtbot.waitUntil(lambda: dialog.last_pdf is not None, timeout=20000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPageSize

    printer.setPageSize(QPageSize(QSizeF(60, 40), QPageSize.Unit.Millimeter, "label"))
    assert render_to_printer(dialog, tmp_path / "t.pdf", printer)
    printed = pdfium.PdfDocument(str(tmp_path / "printed.pdf"))
    assert len(printed) == 8
    w_mm = printed[0].get_width() / 72 * 25.4
    assert abs(w_mm - 60) < 1
    printed.close()
    assert len(_codes_in(tmp_path / "printed.pdf")) == 8
