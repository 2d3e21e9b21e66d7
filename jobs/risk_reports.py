"""Risk register and post risk notice cards (F7): fetch from a workspace, render, register.

risk-register (PDF A3 landscape / Excel) and post-cards (PDF, one A4 card per post). Writes go to
a hidden temp file beside the target, renamed at the end (jobs.ledger_reports.atomic_output).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core import i18n
from core.risk import SAFETY_PHONE_KEY, SCORING_KEY, RiskQuery, post_card, scoring_or_default
from db.workspace import Workspace
from jobs.ledger_reports import atomic_output
from jobs.report_catalog import ReportRequest, ReportResult, ReportSpec, register
from reports.pdf_layout import Furniture
from reports.post_cards import post_cards_pdf
from reports.risk_register import RegisterRow, risk_register_pdf, risk_register_xlsx

REGISTER_TITLE = ("风险分级管控清单", "Risk register")
CARDS_TITLE = ("岗位风险告知卡", "Post risk notice cards")

i18n.register({
    "report.risk_as_of": {"zh_CN": "截至 {date} 的全部风险点", "en": "All risk points as of {date}"},
})



def register_rows(ws: Workspace) -> list[RegisterRow]:
    """Every live risk point with its measures and latest assessment, in code order."""
    repo = ws.risk_repo
    points = list(repo.iter_all(RiskQuery()))
    ids = [p.id for p in points]
    measures = repo.measures_of(ids)
    latest = repo.latest_assessments(ids)
    return [RegisterRow(p, measures.get(p.id, []), latest.get(p.id)) for p in points]


def render_register(ws: Workspace, request: ReportRequest, output: Path) -> ReportResult:
    lang = request.language()
    check = request.check
    rows = register_rows(ws)
    check(0, len(rows))
    today = dt.date.today()
    furniture = Furniture(title=REGISTER_TITLE[1] if lang == "en" else REGISTER_TITLE[0],
                          plant=ws.plant_name, lang=lang, made_on=today,
                          period=i18n.t("report.risk_as_of", lang, date=today.isoformat()))
    colours = scoring_or_default(ws.settings.get(SCORING_KEY)).colours
    output = Path(output)
    with atomic_output(output) as tmp:
        if output.suffix.lower() == ".xlsx":
            count = risk_register_xlsx(tmp, furniture, rows, colours, check, today)
            return ReportResult(output, rows=count)
        pages = risk_register_pdf(tmp, furniture, rows, colours, check, today)
    return ReportResult(output, pages=pages, rows=len(rows))


def post_cards(ws: Workspace) -> list:
    """One card per post that has risk points: its own points and those of its department that
    name no post (a workshop-wide risk applies to everyone working there)."""
    repo = ws.risk_repo
    points = list(repo.iter_all(RiskQuery()))
    measures = repo.measures_of(p.id for p in points)
    cards = []
    for post_id, post_name, department_id, department_name in repo.posts():
        mine = [p for p in points if p.post_id == post_id]
        if department_id:
            mine += [p for p in points if p.post_id is None and p.department_id == department_id]
        if mine:
            cards.append(post_card(post_id, post_name, department_name, mine, measures))
    return cards


def render_post_cards(ws: Workspace, request: ReportRequest, output: Path) -> ReportResult:
    lang = request.language()
    cards = post_cards(ws)
    colours = scoring_or_default(ws.settings.get(SCORING_KEY)).colours
    en = lang == "en"
    phones = [("Fire" if en else "火警", "119"), ("Ambulance" if en else "急救", "120"),
              ("Safety office" if en else "厂内安全管理部门",
               ws.settings.get(SAFETY_PHONE_KEY) or "________")]
    with atomic_output(Path(output)) as tmp:
        pages = post_cards_pdf(tmp, cards, ws.plant_name, colours, phones, lang,
                               check=request.check)
    return ReportResult(Path(output), pages=pages, rows=len(cards))


register(ReportSpec("risk-register", REGISTER_TITLE, ("pdf", "xlsx"), (), render_register))
register(ReportSpec("post-cards", CARDS_TITLE, ("pdf",), (), render_post_cards))
