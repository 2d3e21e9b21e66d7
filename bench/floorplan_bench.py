"""Risk map bench (issue 6): a plan with 5,000 markers and 200 zones.

Prints: opening the page's view with the plan (database read + image decode + scene build,
offscreen), a pan step and a zoom step (the viewport rendered into a QImage: median and p95),
export to PDF and PNG, peak memory, and the same work done by the plain libraries
(a QGraphicsScene of 5,000 ellipse items; reportlab / Pillow drawing the same shapes).

Targets: open < 500 ms; pan/zoom step < 16 ms; export < 3 s. The machine is shared (2 cores)
with other work while this runs, so figures are noisy: medians are what to compare.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw  # noqa: E402
from PySide6.QtCore import QPointF, QRectF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPen, QPolygonF  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
)

from core.auth import SYSTEM  # noqa: E402
from core.plant import RISK_LEVELS  # noqa: E402
from db import records  # noqa: E402
from db.repositories.tables import EQUIPMENT, PLAN_MARKERS, PLAN_ZONES  # noqa: E402
from db.workspace import Workspace  # noqa: E402

MARKERS, ZONES, AREAS = 5000, 200, 40
PLAN_W, PLAN_H = 6000, 4000
STEPS = 60


def ms(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return statistics.median(values) * 1000, values[int(0.95 * (len(values) - 1))] * 1000


def make_plan_image(path: Path) -> None:
    img = Image.new("RGB", (PLAN_W, PLAN_H), "white")
    draw = ImageDraw.Draw(img)
    for x in range(0, PLAN_W, 150):
        draw.line((x, 0, x, PLAN_H), fill="#dddddd", width=2)
    for y in range(0, PLAN_H, 150):
        draw.line((0, y, PLAN_W, y), fill="#dddddd", width=2)
    img.save(path)


def build(folder: Path) -> tuple[Workspace, str]:
    rng = random.Random(6)
    ws = Workspace.open(folder, fast_hash=True)
    ws.create_plant("基准工厂", "S", "厂区", "admin", "管理员", "bench-password-1")
    site = ws.structure.list(SYSTEM, "site")[0]["id"]
    areas = ws.structure_repo.add_many("area", [
        {"site_id": site, "code": f"A{i:02d}", "name": f"区域{i}"} for i in range(AREAS)])
    equipment = records.insert_many(ws.db, EQUIPMENT, [{
        "site_id": site, "code": f"SB-{i:05d}", "name": f"设备{i}", "area_id": rng.choice(areas),
        "status": "in_service", "special": 0,
        "risk_grade": rng.choice([*RISK_LEVELS, None])} for i in range(MARKERS)])
    image = folder / "plan.png"
    make_plan_image(image)
    from jobs.floorplans import import_plan

    plan = import_plan(ws, SYSTEM, image, "基准平面图")
    cols = 20
    cw, ch = PLAN_W / cols, PLAN_H / (ZONES / cols)
    zones = []
    for i in range(ZONES):
        r, c = divmod(i, cols)
        x, y = c * cw + 5, r * ch + 5
        # hexagons: real polygons, not rectangles
        poly = [[x + cw * 0.25, y], [x + cw * 0.75, y], [x + cw - 10, y + ch / 2],
                [x + cw * 0.75, y + ch - 10], [x + cw * 0.25, y + ch - 10], [x, y + ch / 2]]
        zones.append({"plan_id": plan, "area_id": areas[i % AREAS], "name": f"区{i}",
                      "polygon": json.dumps(poly)})
    records.insert_many(ws.db, PLAN_ZONES, zones)
    records.insert_many(ws.db, PLAN_MARKERS, [{
        "plan_id": plan, "equipment_id": e, "x": rng.uniform(10, PLAN_W - 10),
        "y": rng.uniform(10, PLAN_H - 10)} for e in equipment])
    return ws, plan


def paint_steps(view: QGraphicsView, move: object) -> tuple[float, float]:
    viewport = view.viewport()
    image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for i in range(STEPS):
        move(i)  # type: ignore[operator]
        t0 = time.perf_counter()
        viewport.render(image)
        times.append(time.perf_counter() - t0)
    return ms(times)


def bench_page(ws: Workspace, plan_id: str) -> dict[str, object]:
    from desktop import tasks
    from desktop.context import AppContext
    from desktop.pages.risk_map import RiskMapPage

    app = QApplication.instance() or QApplication([])
    ctx = AppContext(ws, SYSTEM, "zh_CN")
    page = RiskMapPage(ctx)
    page.resize(1600, 1000)
    page.show()
    loaded: list[float] = []
    page.map_loaded.connect(lambda: loaded.append(time.perf_counter()))
    page.load_equipment()
    plans = ws.floorplans.plans(SYSTEM)
    page.plans = plans
    opens = []
    for _ in range(5):
        loaded.clear()
        page._first_fit = True
        t0 = time.perf_counter()
        page.open_plan(plan_id)
        while not loaded:
            app.processEvents()
            tasks.wait_all(10)
        page.view.viewport().render(QImage(page.view.viewport().size(),
                                           QImage.Format.Format_ARGB32_Premultiplied))
        opens.append(time.perf_counter() - t0)
        tasks.wait_all()  # the full-resolution image swapped in after a quick preview
        app.processEvents()
    view = page.view
    # A tenth of the machines get open hazards (a third of them overdue): badges are drawn.
    rm = page.risk_map
    assert rm is not None
    markers = tuple(replace(m, open_hazards=(i % 7) + 1, overdue_hazards=int(i % 30 == 0))
                    if i % 10 == 0 else m for i, m in enumerate(rm.markers))
    view.show_map(replace(rm, markers=markers), page._pending["image"][0])
    view.fit()
    out: dict[str, object] = {"first_open": opens[0] * 1000, "open": ms(opens[1:])}
    out["pan_fit"] = paint_steps(view, lambda i: view.pan(_key(i)))
    view.fit()
    out["zoom_fit"] = paint_steps(view, lambda i: view.zoom_by(1.25 if i % 2 == 0 else 0.8))
    view.fit()
    view.zoom_by(4)
    out["pan_zoomed"] = paint_steps(view, lambda i: view.pan(_key(i)))
    with_heat = page.view
    page.set_layer("heat", True)
    while with_heat.heat_item is None:
        app.processEvents()
        tasks.wait_all(10)
    view.fit()
    out["pan_heat"] = paint_steps(view, lambda i: view.pan(_key(i)))
    page.close()
    tasks.wait_all()
    return out


def _key(i: int):  # noqa: ANN202
    from PySide6.QtCore import Qt

    return (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up)[i % 4]


def bench_plain_scene(ws: Workspace, plan_id: str) -> dict[str, object]:
    """The same picture with one QGraphicsItem per marker (what the plain library offers)."""
    rm = ws.floorplans.risk_map(SYSTEM, plan_id)
    image_path = ws.attachments.path_for(rm.plan.image_sha256)
    t0 = time.perf_counter()
    scene = QGraphicsScene()
    from PySide6.QtGui import QPixmap

    scene.addPixmap(QPixmap.fromImage(QImage(str(image_path))))
    for z in rm.zones:
        scene.addPolygon(QPolygonF([QPointF(x, y) for x, y in z.polygon]),
                         QPen(QColor(z.colour)), QColor(z.colour).lighter(150))
    for m in rm.markers:
        item = QGraphicsEllipseItem(-7, -7, 14, 14)
        item.setPos(m.x, m.y)
        item.setBrush(QColor(m.colour))
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        scene.addItem(item)
    view = QGraphicsView(scene)
    view.resize(1340, 860)
    view.show()
    view.fitInView(QRectF(0, 0, rm.plan.width_px, rm.plan.height_px))
    view.viewport().render(QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied))
    build_s = time.perf_counter() - t0

    def pan(i: int) -> None:
        bar = view.horizontalScrollBar() if i % 2 == 0 else view.verticalScrollBar()
        bar.setValue(bar.value() + (80 if i % 4 < 2 else -80))

    out: dict[str, object] = {"open": build_s * 1000}
    out["pan_fit"] = paint_steps(view, pan)
    out["zoom_fit"] = paint_steps(view, lambda i: view.scale(*(2 * [1.25 if i % 2 == 0 else 0.8])))
    view.close()
    return out


def bench_export(ws: Workspace, folder: Path) -> dict[str, float]:
    from jobs.map_reports import render
    from jobs.report_catalog import ReportRequest

    out = {}
    for fmt in ("pdf", "png"):
        t0 = time.perf_counter()
        render(ws, ReportRequest(paper="A3"), folder / f"map.{fmt}")
        out[fmt] = time.perf_counter() - t0
    # plain reportlab: the same circles, polygons and image, no layout or legend
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.pdfgen.canvas import Canvas

    plan = ws.floorplans.plans(SYSTEM)[0]
    rm = ws.floorplans.risk_map(SYSTEM, plan.id)
    t0 = time.perf_counter()
    c = Canvas(str(folder / "plain.pdf"), pagesize=landscape(A3))
    s = 1100 / PLAN_W
    c.drawImage(str(ws.attachments.path_for(plan.image_sha256)), 40, 40, PLAN_W * s, PLAN_H * s)
    for z in rm.zones:
        p = c.beginPath()
        for i, (x, y) in enumerate(z.polygon):
            (p.moveTo if i == 0 else p.lineTo)(40 + x * s, 800 - y * s)
        p.close()
        c.drawPath(p, fill=1)
    for m in rm.markers:
        c.circle(40 + m.x * s, 800 - m.y * s, 2, fill=1)
    c.save()
    out["plain_pdf"] = time.perf_counter() - t0
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        ws, plan = build(folder / "data")
        setup_s = time.perf_counter() - t0
        QApplication.instance() or QApplication([])
        page = bench_page(ws, plan)
        plain = bench_plain_scene(ws, plan)
        export = bench_export(ws, folder)
        ws.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        (f"setup: {MARKERS:,} machines, {ZONES} zones, {PLAN_W}×{PLAN_H} plan", f"{setup_s:.1f} s", ""),
        ("open the plan in the page, first time (full decode)", f"{page['first_open']:.0f} ms", ""),
        ("open the plan in the page again (median / p95 of 4)", "{:.0f} / {:.0f} ms".format(*page["open"]), "< 500 ms"),
        ("  plain QGraphicsScene, 5,000 ellipse items, build + first paint", f"{plain['open']:.0f} ms", ""),
        ("pan step at fit, all markers on screen (median / p95)", "{:.1f} / {:.1f} ms".format(*page["pan_fit"]), "< 16 ms"),
        ("  plain scene, same step", "{:.1f} / {:.1f} ms".format(*plain["pan_fit"]), ""),
        ("zoom step at fit (median / p95)", "{:.1f} / {:.1f} ms".format(*page["zoom_fit"]), "< 16 ms"),
        ("  plain scene, same step", "{:.1f} / {:.1f} ms".format(*plain["zoom_fit"]), ""),
        ("pan step zoomed in ×4 (median / p95)", "{:.1f} / {:.1f} ms".format(*page["pan_zoomed"]), "< 16 ms"),
        ("pan step at fit with the heat overlay on", "{:.1f} / {:.1f} ms".format(*page["pan_heat"]), "< 16 ms"),
        ("export PDF A3 (whole report path)", f"{export['pdf']:.2f} s", "< 3 s"),
        ("export PNG A3 200 dpi (whole report path)", f"{export['png']:.2f} s", "< 3 s"),
        ("  plain reportlab, same shapes, no layout", f"{export['plain_pdf']:.2f} s", ""),
        ("  ratio PDF ours / plain", f"{export['pdf'] / export['plain_pdf']:.1f}x", ""),
        ("peak resident memory of this process", f"{peak:.0f} MB", ""),
    ]
    width = max(len(r[0]) for r in rows)
    print("floor plan bench (shared 2-core machine: other work may run meanwhile)")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:>16}  {target}")


if __name__ == "__main__":
    main()
