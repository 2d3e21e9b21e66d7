"""Ledgers and forms (F10): fetch from a workspace, render with reports/ledgers.py, register.

hazard-ledger, hazard-stats, major-hazard-ledger, inspection-ledger, rectification-notice and
acceptance-record. Every render writes a hidden temp file beside the target and renames it at
the end: a cancelled, failed or unwritable export leaves no half file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core import i18n
from core.hazards import GRADE_LABELS, HAZARD_TYPES, HazardQuery, label
from core.i18n import DomainError
from core.ledgers import NOT_HAZARDS, LedgerRow, fact_of, ledger_row, statistics
from core.workflow import MERGED, REVIEW_PASSED, fold
from db.repositories.ledgers import SqliteLedgerRepository
from db.workspace import Workspace
from jobs.report_catalog import Cancelled, ReportRequest, ReportResult, ReportSpec, register
from reports import ledgers as render
from reports.output_file import atomic_output  # noqa: F401  (the old import name, kept)
from reports.pdf_layout import Furniture, Pictures
from reports.thumbnails import FORM_PX, LEDGER_PX, thumbnail

i18n.register({
    "report.no_hazard": {"zh_CN": "没有编号为“{number}”的隐患。",
                         "en": "There is no hazard numbered “{number}”."},
    "report.no_area": {"zh_CN": "没有代码或名称为“{area}”的区域。",
                       "en": "There is no area with the code or name “{area}”."},
    "report.no_equipment": {"zh_CN": "没有编号为“{code}”的设备。",
                            "en": "There is no equipment with the code “{code}”."},
    "report.area_filter": {"zh_CN": "区域：{area}", "en": "Area: {area}"},
    "report.equipment_filter": {"zh_CN": "设备：{equipment}", "en": "Equipment: {equipment}"},
    "report.not_dispatched": {"zh_CN": "该隐患尚未派发整改，无法出具整改通知单。",
                              "en": "This hazard has not been dispatched yet: no notice to make."},
    "report.not_accepted": {
        "zh_CN": "该隐患尚未通过复查验收，无法出具验收单。",
        "en": "This hazard has not passed review yet: there is no acceptance to record.",
    },
    "report.hazard_merged": {
        "zh_CN": "隐患“{number}”已合并到隐患“{into}”，请按“{into}”出具。",
        "en": "The hazard “{number}” was merged into “{into}”; use “{into}”.",
    },
})


# --------------------------------------------------------------------------- plumbing


def _furniture(ws: Workspace, request: ReportRequest, title: tuple[str, str],
               period: str | None = None) -> Furniture:
    lang = request.language()
    return Furniture(title=title[1] if lang == "en" else title[0], plant=ws.plant_name,
                     period=period if period is not None else request.period.label(lang),
                     lang=lang)


def _code(text: str) -> str:
    """Hazard numbers and equipment codes are stored upper case: yh-2026-0076 == YH-2026-0076."""
    return text.strip().upper()


def _suffix(output: Path) -> str:
    return Path(output).suffix.lower().lstrip(".")


# --------------------------------------------------------------------------- hazard ledger

HAZARD_LEDGER_TITLE = ("隐患排查治理台账", "Hazard investigation and governance ledger")


def ledger_rows(ws: Workspace, request: ReportRequest,
                now: dt.datetime | None = None) -> list[LedgerRow]:
    """Hazards found in the period (confirmed ones: not unverified/rejected/merged reports)."""
    period, lang = request.period, request.language()
    repo = SqliteLedgerRepository(ws.db)
    events = repo.events_by_hazard(period.start, period.end)
    photos = repo.photos_by_hazard(period.start, period.end)
    now = now or dt.datetime.now()
    rows: list[LedgerRow] = []
    query = HazardQuery(found_from=period.start, found_to=period.end)
    for hazard in ws.hazards_repo.iter_all(query):
        history = events.get(hazard.id, [])
        state = fold(history)
        if state.step in NOT_HAZARDS:
            continue
        rows.append(ledger_row(len(rows) + 1, hazard, state, history, now,
                               photos.get(hazard.id, ()), lang))
        if request.cancelled():  # fetching: no progress to report yet
            raise Cancelled()
    return rows


def _photo_cells(ws: Workspace, max_px: int) -> Callable[[tuple[str, ...]], list]:
    cache = ws.data_dir / "cache" / "thumbnails"

    def images(shas: tuple[str, ...]) -> list:
        found = []
        for sha in shas:
            made = thumbnail(ws.attachments.path_for(sha), cache, sha, max_px)
            if made is not None:
                found.append(made)
        return found
    return images


def render_hazard_ledger(ws: Workspace, request: ReportRequest, output: Path) -> ReportResult:
    check = request.check
    rows = ledger_rows(ws, request)
    furniture = _furniture(ws, request, HAZARD_LEDGER_TITLE)
    paper = request.paper or "A3"
    with atomic_output(output) as tmp:
        if _suffix(output) == "xlsx":
            render.hazard_ledger_xlsx(tmp, furniture, rows, paper, check, len(rows))
            pages = None
        else:
            images = _photo_cells(ws, LEDGER_PX)

            def pictures(row: LedgerRow) -> Pictures | None:
                if not (row.before_photos or row.after_photos):
                    return None
                shown = images(row.before_photos[:2]) + images(row.after_photos[:2])
                return Pictures(row.notes, tuple(shown)) if shown else None
            pages = render.hazard_ledger_pdf(tmp, furniture, rows, pictures, paper, check)
    return ReportResult(Path(output), pages, len(rows))


# --------------------------------------------------------------------------- statistics form

HAZARD_STATS_TITLE = ("隐患排查治理统计表", "Hazard investigation and governance statistics")


def render_hazard_stats(ws: Workspace, request: ReportRequest, output: Path) -> ReportResult:
    check = request.check
    period, lang = request.period, request.language()
    repo = SqliteLedgerRepository(ws.db)
    events = repo.events_by_hazard(period.start, period.end)
    facts = [fact_of(h, fold(events.get(h.id, []))) for h in ws.hazards_repo.iter_all(
        HazardQuery(found_from=period.start, found_to=period.end))]
    rows = statistics(period, facts, lang)
    furniture = _furniture(ws, request, HAZARD_STATS_TITLE)
    with atomic_output(output) as tmp:
        if _suffix(output) == "xlsx":
            render.hazard_stats_xlsx(tmp, furniture, rows, check)
            pages = None
        else:
            pages = render.hazard_stats_pdf(tmp, furniture, rows, check)
    return ReportResult(Path(output), pages, len(rows))


# --------------------------------------------------------------------------- major hazard

MAJOR_HAZARD_TITLE = ("重大危险源监控台账", "Major hazard installation monitoring ledger")


def render_major_hazard(ws: Workspace, request: ReportRequest, output: Path) -> ReportResult:
    check = request.check
    ident = ws.chemicals.identification()
    furniture = _furniture(ws, request, MAJOR_HAZARD_TITLE, period=dt.date.today().isoformat())
    # The inventory is as it stands today, whatever period the page had selected.
    furniture.period_key = "report.as_of"
    with atomic_output(output) as tmp:
        if _suffix(output) == "xlsx":
            render.major_hazard_xlsx(tmp, furniture, ident, check)
            pages = None
        else:
            pages = render.major_hazard_pdf(tmp, furniture, ident, check)
    return ReportResult(Path(output), pages, len(ident.terms))


# --------------------------------------------------------------------------- inspections

INSPECTION_TITLE = ("巡检台账", "Inspection ledger")


def render_inspection_ledger(ws: Workspace, request: ReportRequest,
                             output: Path) -> ReportResult:
    check = request.check
    repo = SqliteLedgerRepository(ws.db)
    lang = request.language()
    area_id = equipment_id = None
    filters = [request.period.label(lang)]
    if request.area:
        # codes are stored upper case (cy == CY); names are matched as typed
        area = repo.find_area(request.area) or repo.find_area(request.area.strip().upper())
        if area is None:
            raise DomainError("report.no_area", area=request.area)
        area_id = area[0]
        filters.append(i18n.t("report.area_filter", lang, area=area[1]))
    if request.equipment:
        item = repo.find_equipment(_code(request.equipment))
        if item is None:
            raise DomainError("report.no_equipment", code=request.equipment)
        equipment_id = item[0]
        filters.append(i18n.t("report.equipment_filter", lang, equipment=item[1]))
    period = request.period
    rows = list(render.inspection_values(
        repo.inspections(period.start, period.end, area_id, equipment_id), lang))
    furniture = _furniture(ws, request, INSPECTION_TITLE, period="  ".join(filters))
    with atomic_output(output) as tmp:
        if _suffix(output) == "xlsx":
            render.inspection_xlsx(tmp, furniture, rows, check)
            pages = None
        else:
            pages = render.inspection_pdf(tmp, furniture, rows, check)
    return ReportResult(Path(output), pages, len(rows))


# --------------------------------------------------------------------------- one-hazard forms

NOTICE_TITLE = ("隐患整改通知单", "Hazard rectification notice")
ACCEPTANCE_TITLE = ("隐患整改验收单", "Hazard rectification acceptance record")


def _one_hazard(ws: Workspace, request: ReportRequest) -> tuple[Any, Any, list, list]:
    number = _code(request.hazard_number or "")
    repo = SqliteLedgerRepository(ws.db)
    hazard_id = repo.hazard_id(number) if number else None
    hazard = ws.hazards_repo.get(hazard_id) if hazard_id else None
    if hazard is None:
        raise DomainError("report.no_hazard", number=number)
    events = ws.hazards_repo.events(hazard.id)
    state = fold(events)
    if state.step == MERGED:  # a duplicate report: its forms are the surviving hazard's
        into = ws.hazards_repo.get(state.merged_into) if state.merged_into else None
        raise DomainError("report.hazard_merged", number=hazard.number,
                          into=into.number if into else "?")
    photos = [(a.kind, a.sha256) for a in ws.hazards_repo.attachments(hazard.id)]
    return hazard, state, events, photos


def _form_furniture(ws: Workspace, request: ReportRequest, title: tuple[str, str], number: str,
                    signatures: tuple[str, ...]) -> Furniture:
    f = _furniture(ws, request, title, period=number)
    return Furniture(**{**f.__dict__, "signatures": signatures, "period_key": "report.number"})


def render_notice(ws: Workspace, request: ReportRequest, output: Path) -> ReportResult:
    hazard, state, events, photos = _one_hazard(ws, request)
    if not state.dispatch:
        raise DomainError("report.not_dispatched")
    lang = request.language()
    row = ledger_row(1, hazard, state, events, dt.datetime.now(), photos, lang)
    images = _photo_cells(ws, FORM_PX)
    t = lambda zh, en: en if lang == "en" else zh  # noqa: E731
    fields: list[tuple[str, Any]] = [
        (t("隐患编号", "Hazard number"), hazard.number),
        (t("检查时间", "Found"), row.found_at),
        (t("检查地点/部位", "Place"), row.place),
        (t("隐患等级/类型", "Grade / type"),
         f"{label(GRADE_LABELS, hazard.grade, lang)} / {label(HAZARD_TYPES, hazard.type, lang)}"),
        (t("排查人员", "Found by"), row.finder),
        (t("存在问题", "Problem found"), hazard.description),
        (t("整改措施", "Measures"), row.measures),
        (t("整改期限", "Deadline"), state.deadline),
        (t("整改资金（元）", "Funds (¥)"), f"{row.funds:,.2f}" if row.funds is not None else ""),
        (t("整改单位（责任部门）", "Responsible unit"), row.unit),
        (t("整改责任人", "Rectifier"), row.person),
        (t("复查人", "Re-checker"), ws.hazards_repo.user_name(state.reviewer_id or "")),
    ]
    if state.dispatch.get("plan"):
        fields.append((t("整改方案", "Remediation plan"), str(state.dispatch["plan"])))
    before = images(row.before_photos)
    fields.append((t("整改前照片", "Before photos"),
                   Pictures("" if before else t("无", "None"), tuple(before))))
    fields.append((t("要求", "Requirement"), t(
        "请责任部门按上述措施和期限完成整改，完成后登记整改情况并上传整改后照片，申请复查验收。",
        "Please complete the measures by the deadline, record what was done with after photos, "
        "and ask for the re-check.")))
    furniture = _form_furniture(ws, request, NOTICE_TITLE, hazard.number,
                                ("report.issued_by", "report.received_by"))
    with atomic_output(output) as tmp:
        pages = render.form_pdf(tmp, furniture, fields)
    return ReportResult(Path(output), pages, 1)


def render_acceptance(ws: Workspace, request: ReportRequest, output: Path) -> ReportResult:
    hazard, state, events, photos = _one_hazard(ws, request)
    review = next((e for e in reversed(events) if e.kind == REVIEW_PASSED), None)
    if review is None or state.step not in ("archive", "closed"):
        raise DomainError("report.not_accepted")
    lang = request.language()
    row = ledger_row(1, hazard, state, events, dt.datetime.now(), photos, lang)
    images = _photo_cells(ws, FORM_PX)
    t = lambda zh, en: en if lang == "en" else zh  # noqa: E731
    fix = state.rectification
    cost = fix.get("cost")
    fields: list[tuple[str, Any]] = [
        (t("隐患编号", "Hazard number"), hazard.number),
        (t("检查地点/部位", "Place"), row.place),
        (t("隐患等级", "Grade"), label(GRADE_LABELS, hazard.grade, lang)),
        (t("存在问题", "Problem found"), hazard.description),
        (t("整改措施", "Measures"), row.measures),
        (t("整改期限", "Deadline"), state.deadline),
        (t("整改完成情况", "What was done"), str(fix.get("note") or "")),
        (t("整改完成时间", "Rectified"), state.rectified_at),
        (t("实际花费（元）", "Spent (¥)"), f"{float(cost):,.2f}" if cost not in (None, "") else ""),
        (t("整改单位/责任人", "Unit / rectifier"), f"{row.unit} / {row.person}"),
        (t("验收意见", "Acceptance"), str(review.payload.get("reason") or "")
         or t("经复查，整改措施已落实，验收合格。", "Re-checked: the measures are in place; accepted.")),
        (t("验收人/验收日期", "Accepted by / on"), f"{review.actor_name} / {review.at.date()}"),
        (t("销号日期", "Closed on"), row.closed_on or ""),
    ]
    after = images(row.after_photos)
    before = images(row.before_photos)
    fields.append((t("整改后照片", "After photos"),
                   Pictures("" if after else t("无", "None"), tuple(after))))
    if before:
        fields.append((t("整改前照片（对照）", "Before photos (for comparison)"),
                       Pictures("", tuple(before))))
    furniture = _form_furniture(ws, request, ACCEPTANCE_TITLE, hazard.number,
                                ("report.rectifier", "report.accepted_by", "report.principal"))
    with atomic_output(output) as tmp:
        pages = render.form_pdf(tmp, furniture, fields)
    return ReportResult(Path(output), pages, 1)


# --------------------------------------------------------------------------- registration

register(ReportSpec("hazard-ledger", HAZARD_LEDGER_TITLE, ("pdf", "xlsx"), ("period", "paper"),
                    render_hazard_ledger))
register(ReportSpec("hazard-stats", HAZARD_STATS_TITLE, ("pdf", "xlsx"), ("period",),
                    render_hazard_stats))
register(ReportSpec("major-hazard-ledger", MAJOR_HAZARD_TITLE, ("pdf", "xlsx"), (),
                    render_major_hazard))
register(ReportSpec("inspection-ledger", INSPECTION_TITLE, ("pdf", "xlsx"),
                    ("period", "area", "equipment"), render_inspection_ledger))
register(ReportSpec("rectification-notice", NOTICE_TITLE, ("pdf",), ("hazard",), render_notice))
register(ReportSpec("acceptance-record", ACCEPTANCE_TITLE, ("pdf",), ("hazard",),
                    render_acceptance))
