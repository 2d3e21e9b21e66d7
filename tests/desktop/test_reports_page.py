"""The Reports page: the catalog's reports, export in the background, preview, bad targets."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from core.periods import Period
from db.demo_loader import load_demo
from desktop.context import AppContext
from desktop.dialogs.chemicals import ChemicalsDialog
from desktop.pages.reports import ReportsPage, period_for
from jobs.report_catalog import load_all


@pytest.fixture
def demo_ctx(workspace, qapp):
    load_demo(workspace, today=dt.date(2026, 6, 30))
    from desktop.screenshot import first_admin

    return AppContext(workspace, first_admin(workspace), "zh_CN")


@pytest.fixture
def page(qtbot, demo_ctx):
    widget = ReportsPage(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


def test_period_picker():
    day = dt.date(2025, 5, 17)
    assert period_for("month", day, day) == Period(dt.date(2025, 5, 1), dt.date(2025, 5, 31),
                                                   "month")
    assert period_for("quarter", day, day).start == dt.date(2025, 4, 1)
    assert period_for("year", day, day).end == dt.date(2025, 12, 31)
    assert period_for("range", day, dt.date(2025, 1, 1)) == Period(
        dt.date(2025, 1, 1), day, "range")


def test_lists_every_catalog_report_in_the_current_language(page):
    titles = [page.report_list.item(i).text() for i in range(page.report_list.count())]
    assert len(titles) == len(load_all())
    assert "隐患排查治理台账" in titles and "重大危险源监控台账" in titles
    assert page.period().kind == "month"  # the default: the current month
    assert page.period().contains(dt.date.today())


def test_export_excel_in_the_background(page, qtbot, tmp_path):
    page.select_report("hazard-stats")
    page.set_period("year", dt.date(2025, 3, 1))
    out = tmp_path / "stats.xlsx"
    with qtbot.waitSignal(page.exported, timeout=30000) as blocker:
        page.export_to(out)
    assert blocker.args == [str(out)]
    sheet = openpyxl.load_workbook(out).active
    assert sheet["A1"].value == "隐患排查治理统计表"
    assert str(out) in page.message.text()


def test_preview_shows_page_images(page, qtbot):
    page.select_report("hazard-ledger")
    page.set_period("quarter", dt.date(2025, 5, 1))
    assert page.paper.isVisibleTo(page) and not page.hazard.isVisibleTo(page)
    with qtbot.waitSignal(page.previewed, timeout=30000) as blocker:
        page.preview()
    pages = blocker.args[0]
    assert pages >= 1
    labels = page.preview_pane.page_labels
    assert len(labels) == min(pages, 12)
    pixmap = labels[0].pixmap()
    assert pixmap.width() > 600 and pixmap.width() > pixmap.height()  # A3 landscape
    assert page.pages_label.text().startswith(str(pages))


def test_unwritable_target_gives_a_message_and_no_file(page, qtbot, tmp_path):
    page.select_report("major-hazard-ledger")
    assert page.chemicals_button.isVisibleTo(page)
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("x")
    target = blocker_file / "mh.pdf"
    op = page.export_to(target)
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=30000)
    assert op is not None
    assert page.message.kind == "error"
    assert "not-a-folder" in page.message.text()  # names the folder that cannot hold it
    assert not target.exists()
    taken = tmp_path / "taken.pdf"
    taken.mkdir()
    page.message.hide()
    page.export_to(taken)
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=30000)
    assert page.message.kind == "error"
    assert taken.is_dir()  # untouched
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_one_hazard_form_needs_a_known_number(page, qtbot, tmp_path):
    page.select_report("rectification-notice")
    assert page.hazard.isVisibleTo(page) and not page.period_row.isVisibleTo(page)
    page.hazard.setText("YH-1999-9999")
    page.export_to(tmp_path / "n.pdf")
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=30000)
    assert "YH-1999-9999" in page.message.text()
    assert not (tmp_path / "n.pdf").exists()


def test_chemical_editor_validates_and_saves(qtbot, demo_ctx, tmp_path):
    dialog = ChemicalsDialog(demo_ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 8, timeout=10000)
    assert "S = " in dialog.verdict.text() and "不构成" in dialog.verdict.text()
    form = dialog.add()
    form.name.setText("甲苯")
    form.cas.setText("108-88-4")  # wrong check digit
    form.quantity.setText("0.5")
    form.threshold.setText("500")
    form.accept()
    assert form.isVisible() and "108-88-4" in form.error.text()
    form.cas.setText("108-88-3")
    form.quantity.setText("-1")
    form.accept()
    assert form.isVisible() and form.error.text()
    form.quantity.setText("0.5")
    sds = tmp_path / "甲苯SDS.pdf"
    sds.write_bytes(b"%PDF-1.4 safety data sheet")
    form.set_sds(sds)
    form.accept()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 9, timeout=10000)
    names = [dialog.table.item(r, 0).text() for r in range(9)]
    assert "甲苯" in names
    toluene = next(c for c in demo_ctx.workspace.chemicals.list() if c.name == "甲苯")
    assert toluene.sds_sha256 and demo_ctx.workspace.attachments.path_for(
        toluene.sds_sha256).read_bytes() == sds.read_bytes()


def test_screenshot_shows_the_page(demo_ctx, tmp_path, qapp, ui_language):
    # ui_language restores the translators the screenshot installs (later tests read English)
    from desktop.screenshot import render

    out = tmp_path / "reports.png"
    render(demo_ctx.workspace, "reports", out, size=(1200, 800))
    assert out.stat().st_size > 10000


def test_every_need_of_the_catalog_has_a_field(page):
    """Reports other issues register (effect metrics, four-colour map) get their inputs too."""
    for name, spec in load_all().items():
        page.select_report(name)
        request = page.request()
        if "before_after" in spec.needs:
            assert page.before_row.isVisibleTo(page) and page.after_row.isVisibleTo(page)
            assert request.before.end < request.after.start
            assert (request.after.end - request.after.start).days > 150
        if "plan" in spec.needs:
            assert page.plan.isVisibleTo(page) and request.plan is None  # every plan
        if "period" not in spec.needs:
            assert request.period.kind == "all"


def test_cancel_leaves_no_file(page, qtbot, tmp_path):
    page.select_report("hazard-ledger")
    page.set_period("year", dt.date(2025, 1, 1))
    folder = tmp_path / "exports"
    folder.mkdir()
    op = page.export_to(folder / "ledger.pdf")
    op.progress.cancel()  # as the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=30000)
    assert page.message.kind == "info"
    assert list(folder.iterdir()) == []
