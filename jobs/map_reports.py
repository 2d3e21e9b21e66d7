"""The four-colour risk map report: the workspace's plans become sheets for reports/four_colour_map."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core import i18n
from core.auth import SYSTEM
from core.floorplan import RiskMap
from core.i18n import DomainError
from db.workspace import Workspace
from jobs.report_catalog import Cancelled, ReportRequest, ReportResult, ReportSpec, register
from reports.four_colour_map import MapSheet, MarkerDot, ZoneShape, render_pdf, render_png

i18n.register({
    "map.png_one_plan": {
        "zh_CN": "PNG 只能保存一张平面图，请用 --plan 指定：{names}",
        "en": "A PNG holds one plan; choose it with --plan: {names}",
    },
})


def sheet_of(ws: Workspace, risk_map: RiskMap, today: dt.date | None = None,
             lang: str | None = None) -> MapSheet:
    plan = risk_map.plan
    return MapSheet(
        plan_name=plan.name, plant_name=ws.plant_name,
        date=(today or dt.date.today()).isoformat(),
        image_path=ws.attachments.path_for(plan.image_sha256),
        width_px=plan.width_px, height_px=plan.height_px,
        zones=[ZoneShape(z.polygon, z.grade, z.name) for z in risk_map.zones],
        markers=[MarkerDot(m.x, m.y, m.grade, m.code, m.open_hazards, m.overdue_hazards)
                 for m in risk_map.markers],
        lang=lang or i18n.language())


def render(ws: Workspace, request: ReportRequest, output: Path) -> ReportResult:
    actor = SYSTEM  # headless reports run with the data folder's authority, as the CLI does
    plans = ([ws.floorplans.plan_by_name(actor, request.plan)] if request.plan
             else ws.floorplans.plans(actor))
    if not plans:
        raise DomainError("floorplan.no_plans")
    paper = request.paper or "A3"
    suffix = output.suffix.lower()
    if suffix == ".png" and len(plans) > 1:
        raise DomainError("map.png_one_plan", names="、".join(p.name for p in plans))
    sheets = []
    for index, plan in enumerate(plans):
        request.check(index, len(plans) * 2)
        sheets.append(sheet_of(ws, ws.floorplans.risk_map(actor, plan.id), lang=request.lang))
    if suffix == ".png":
        render_png(sheets[0], output, paper)
        request.progress(2, 2)
        return ReportResult(output, pages=1)
    pages = render_pdf(sheets, output, paper,
                       progress=lambda done, total: request.progress(total + done, total * 2),
                       cancelled=request.cancelled, cancel_error=Cancelled)
    return ReportResult(output, pages=pages)


SPEC = register(ReportSpec(
    name="four-colour-map", title=("安全风险四色分布图", "Four-colour safety risk map"),
    formats=("pdf", "png"), needs=("plan", "paper"), render=render))
