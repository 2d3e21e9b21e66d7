"""The dashboard and effect-metrics pages with real widgets on the hand-made plant
(tests/dashboard_data.py): figures shown, charts drawn, a click on a bar or a heat-map cell
lists exactly those hazards, a chart exports, the before/after table and a register edit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from core import i18n
from desktop import tasks
from desktop.context import AppContext
from desktop.pages.dashboard import DashboardPage, HazardListDialog
from desktop.pages.metrics import MetricsPage
from tests.dashboard_data import build


@pytest.fixture
def plant_ctx(tmp_path: Path, qapp) -> Iterator[AppContext]:
    ws, admin, _areas, _ids = build(tmp_path / "ws")
    yield AppContext(ws, admin, i18n.language())
    tasks.wait_all()
    qapp.processEvents()
    ws.close()


@pytest.fixture
def page(qtbot, plant_ctx: AppContext) -> DashboardPage:
    page = DashboardPage(plant_ctx)
    qtbot.addWidget(page)
    page.resize(1300, 1000)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=30000):
        page.activated()
    for view in page.charts.values():
        view.canvas.draw()  # lay the artists out now, so their positions are final
    return page


def _open_list(qtbot, page: DashboardPage, key: str, pos: QPoint) -> HazardListDialog:
    canvas = page.charts[key].canvas
    with qtbot.waitSignal(page.drill_opened, timeout=5000) as opened:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pos)
    dialog: HazardListDialog = opened.args[0]
    qtbot.addWidget(dialog)
    if dialog.model.is_loading:
        with qtbot.waitSignal(dialog.model.loaded, timeout=10000):
            pass
    return dialog


def test_figures_and_charts_are_shown(page: DashboardPage):
    assert page.cards["open"].value.text() == "2"
    assert "1" in page.cards["open"].detail.text()  # major 1 · general 1
    assert page.cards["overdue"].value.text() == "1"
    assert page.cards["found"].value.text() == "4"
    assert page.cards["closed"].value.text() == "2"
    assert page.cards["hours"].value.text().startswith("22.0")
    assert page.cards["on_time"].value.text() == "67%"
    assert "deadline" in page.cards["on_time"].toolTip()  # the definition is on the figure
    assert [len(page.charts[k].artists) for k in ("type", "area", "repeats")] == [3, 2, 1]
    assert len(page.charts["trend"].artists) == 24  # 12 months found + 12 closed
    assert page.charts["heat"].artists  # the image
    warnings = page.cards["warnings"].value.text()
    assert warnings == "—" if not hasattr(page.ctx.workspace, "warnings") else warnings.isdigit()


def test_clicking_a_bar_lists_those_hazards(qtbot, page: DashboardPage):
    # the biggest bar (top) is "PPE not worn": YH-1, YH-2, YH-5
    dialog = _open_list(qtbot, page, "type", page.chart_position("type", 0))
    assert [h.number for h in dialog.hazards()] == ["YH-2", "YH-1", "YH-5"]
    assert "3" in dialog.count.text()


def test_clicking_a_heat_map_cell_lists_that_hour(qtbot, page: DashboardPage):
    view = page.charts["heat"]
    ax = view.figure.axes[0]
    x, y = ax.transData.transform((15, 1))  # Tuesday, 15:00-16:00
    ratio = view.canvas.device_pixel_ratio or 1
    pos = QPoint(int(x / ratio), int(view.canvas.height() - y / ratio))
    dialog = _open_list(qtbot, page, "heat", pos)
    assert [h.number for h in dialog.hazards()] == ["YH-2"]


def test_clicking_beside_the_bars_opens_nothing(qtbot, page: DashboardPage):
    canvas = page.charts["type"].canvas
    with qtbot.assertNotEmitted(page.drill_opened):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))


def test_filter_change_and_data_change_refresh(qtbot, page: DashboardPage, plant_ctx):
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.grade.setCurrentIndex(page.grade.findData("major"))
    assert page.cards["open"].value.text() == "1"
    assert len(page.charts["type"].artists) == 1
    with qtbot.waitSignal(page.loaded, timeout=10000):
        plant_ctx.notify("hazard", [])


def test_export_chart_as_png_and_pdf(qtbot, page: DashboardPage, tmp_path: Path):
    for fmt in ("png", "pdf"):
        target = tmp_path / f"by-type.{fmt}"
        with qtbot.waitSignal(page.chart_exported, timeout=20000):
            page.export_chart("type", fmt, str(target))
        head = target.read_bytes()[:8]
        assert head.startswith(b"\x89PNG" if fmt == "png" else b"%PDF")
    assert not list(tmp_path.glob(".*.part"))


def test_metrics_page_table_register_and_export(qtbot, plant_ctx, tmp_path: Path):
    page = MetricsPage(plant_ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignals([page.compared, page.incidents.loaded], timeout=20000):
        page.activated()
    texts = {page.compare_model.rows[r][0][0]: page.compare_model.rows[r][0]
             for r in range(page.compare_model.rowCount())}
    assert len(texts) == 6
    training = next(texts for texts, row in page.compare_model.rows
                    if row.key == "training_coverage")
    assert training[1] == training[2] == "—" and training[4]  # absent, with a note
    assert page.incidents.model.rowCount() == 0
    dialog = page.incidents.add()
    qtbot.addWidget(dialog)
    dialog.widgets["person_name"].setText("张三")
    dialog.widgets["lost_days"].setValue(4)
    with qtbot.waitSignal(page.incidents.loaded, timeout=10000):
        dialog.submit()
    assert page.incidents.model.rowCount() == 1
    assert page.incidents.model.rows[0][0][1] == "张三"
    target = tmp_path / "effect.xlsx"
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.export("xlsx", str(target))
    assert target.exists()
