"""effect-metrics (F9): the before/after table for two periods, as PDF or Excel.

`python main.py report effect-metrics --before 2024-01..2024-06 --after 2024-07..2024-12 -o F`
"""

from __future__ import annotations

from pathlib import Path

from core.auth import SYSTEM
from core.i18n import DomainError
from db.workspace import Workspace
from jobs.ledger_reports import atomic_output
from jobs.report_catalog import ReportRequest, ReportResult, ReportSpec, register
from reports.effect_metrics import effect_metrics_pdf, effect_metrics_xlsx

TITLE = ("安全管理成效对比表", "Safety management effect metrics")


def render_effect_metrics(ws: Workspace, request: ReportRequest, output: Path) -> ReportResult:
    if request.before is None or request.after is None:
        raise DomainError("metrics.period_needed")
    lang = request.language()
    check = request.check
    check(0, 1)
    # Reports run headless (CLI, scheduler) as the system; the page checks the user first.
    comparison = ws.metrics.compare(SYSTEM, request.before, request.after, lang)
    title = TITLE[1] if lang == "en" else TITLE[0]
    with atomic_output(output) as tmp:
        if output.suffix.lower() == ".xlsx":
            rows = effect_metrics_xlsx(tmp, comparison, title, ws.plant_name, lang, check)
            return ReportResult(output, rows=rows)
        pages = effect_metrics_pdf(tmp, comparison, title, ws.plant_name, lang, check)
    return ReportResult(output, pages=pages, rows=len(comparison.rows))


register(ReportSpec("effect-metrics", TITLE, ("pdf", "xlsx"), ("before_after",),
                    render_effect_metrics))
