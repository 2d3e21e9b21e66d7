"""What the hazard ledger and the statistics form say, computed from hazards and their events.

Pure functions: the job (jobs/ledger_reports.py) fetches hazards and events, these turn them
into ledger rows with the columns REGULATIONS.md lists, and into the statistics form's counts;
the renderers (reports/) only lay them out. Definitions used by the statistics form:

- a hazard counts in the month it was found; 随手拍 reports not yet verified, rejected reports
  and merged duplicates are not hazards and are not counted;
- "fixed" (已整改) means the rectification passed review (step 待归档 or 已归档) by the time
  the form is made; the fix rate is fixed / found of the same month;
- a major hazard is "under a remediation plan" (按方案整改中) when it was dispatched with a plan
  and is being rectified or reviewed; funds committed are the dispatch's funds, funds spent the
  rectification's recorded cost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from core import i18n
from core.hazards import GRADE_LABELS, HAZARD_TYPES, SOURCE_LABELS, STEP_LABELS, Hazard, label
from core.periods import Period
from core.workflow import (
    ARCHIVE,
    ARCHIVED,
    CLOSED,
    DISPATCHED,
    MERGED,
    PENDING,
    RECTIFY,
    REJECTED,
    REVIEW,
    REVIEW_PASSED,
    Event,
    HazardState,
)

i18n.register({
    "ledger.overdue": {"zh_CN": "（已逾期）", "en": " (overdue)"},
    "ledger.spent": {"zh_CN": "实际花费 {amount} 元", "en": "Spent ¥{amount}"},
    "ledger.stop": {"zh_CN": "停产停业整改", "en": "Production stopped"},
    "ledger.reported": {"zh_CN": "已报告监管部门", "en": "Reported to the regulator"},
    "ledger.returned": {"zh_CN": "复核退回 {n} 次", "en": "Sent back by review {n}×"},
    "ledger.source": {"zh_CN": "来源：{source}", "en": "Source: {source}"},
    "ledger.total": {"zh_CN": "合计", "en": "Total"},
    "ledger.escalated": {"zh_CN": "已升级督办", "en": "Escalated"},
})

NOT_HAZARDS = (PENDING, REJECTED, MERGED)  # reports that are not (yet) confirmed hazards
FIXED_STEPS = (ARCHIVE, CLOSED)


def _grade(hazard: Hazard, lang: str | None) -> str:
    return label(GRADE_LABELS, hazard.grade, lang)


def _money(value: object) -> float | None:
    try:
        return None if value is None or value == "" else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class LedgerRow:
    """One line of 隐患排查治理台账, in REGULATIONS.md's column order (values, not text)."""

    index: int
    number: str
    found_at: dt.datetime | None  # 检查时间
    place: str  # 检查地点/部位
    description: str  # 存在问题
    grade: str  # 隐患等级
    type: str  # 隐患类型
    finder: str  # 排查人员
    measures: str  # 整改措施
    deadline: dt.date | None  # 整改期限
    funds: float | None  # 整改资金
    unit: str  # 整改单位（责任部门）
    person: str  # 整改责任人
    completion: str  # 完成情况
    reviewer: str  # 验收人
    review_date: dt.date | None  # 验收日期
    supervisor: str  # 督办单位/人员
    closed_on: dt.date | None  # 销号日期
    notes: str  # 备注
    before_photos: tuple[str, ...] = ()  # sha256s
    after_photos: tuple[str, ...] = ()

    def values(self) -> list[object]:
        """The 18 regulation columns (序号 first)."""
        return [self.index, self.found_at, self.place, self.description, self.grade, self.type,
                self.finder, self.measures, self.deadline, self.funds, self.unit, self.person,
                self.completion, self.reviewer, self.review_date, self.supervisor,
                self.closed_on, self.notes]


LEDGER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("序号", "No."), ("检查时间", "Found"), ("检查地点/部位", "Place"),
    ("存在问题（隐患描述）", "Problem found"), ("隐患等级", "Grade"), ("隐患类型", "Type"),
    ("排查人员", "Found by"), ("整改措施", "Measures"), ("整改期限", "Deadline"),
    ("整改资金（元）", "Funds (¥)"), ("整改单位（责任部门）", "Responsible unit"),
    ("整改责任人", "Responsible person"), ("完成情况", "Completion"), ("验收人", "Accepted by"),
    ("验收日期", "Accepted on"), ("督办单位/人员", "Supervised by"), ("销号日期", "Closed on"),
    ("备注", "Notes"),
)


def _last(events: Sequence[Event], kind: str) -> Event | None:
    return next((e for e in reversed(events) if e.kind == kind), None)


def _place(hazard: Hazard) -> str:
    """Area, then the free-text 部位; line and equipment only when the text does not say them."""
    location = hazard.location or ""
    parts = [hazard.area_name] if hazard.area_name and hazard.area_name not in location else []
    parts += [p for p in (hazard.line_name, hazard.equipment_code) if p and p not in location]
    if location:
        parts.append(location)
    return " ".join(p for p in parts if p)


def ledger_row(index: int, hazard: Hazard, state: HazardState, events: Sequence[Event],
               now: dt.datetime, photos: Iterable[tuple[str, str]] = (),
               lang: str | None = None) -> LedgerRow:
    """``events`` in clock order; ``photos`` (kind, sha256) of the hazard's attachments."""
    dispatch: Mapping[str, object] = state.dispatch
    fix: Mapping[str, object] = state.rectification
    step_text = label(STEP_LABELS, state.step, lang)
    completion = step_text
    if state.step == RECTIFY and state.deadline is not None and now > state.deadline:
        completion += i18n.t("ledger.overdue", lang)
    note = str(fix.get("note") or "") if state.step in (REVIEW, ARCHIVE, CLOSED) else ""
    if note:
        completion = f"{completion}：{note}" if (lang or i18n.language()) != "en" else \
            f"{completion}: {note}"
    review = _last(events, REVIEW_PASSED) if state.step in FIXED_STEPS else None
    archived = _last(events, ARCHIVED) if state.step == CLOSED else None
    closed_on = None
    if archived is not None:
        raw = archived.payload.get("closed_on")
        closed_on = dt.date.fromisoformat(str(raw)) if raw else archived.at.date()
    dispatched = _last(events, DISPATCHED)
    supervisor = str(dispatch.get("supervisor") or (dispatched.actor_name if dispatched else ""))
    notes = []
    spent = _money(fix.get("cost"))
    if spent:
        notes.append(i18n.t("ledger.spent", lang, amount=f"{spent:g}"))
    if dispatch.get("stop_production"):
        notes.append(i18n.t("ledger.stop", lang))
    if dispatch.get("report_to_regulator"):
        notes.append(i18n.t("ledger.reported", lang))
    if state.rejections:
        notes.append(i18n.t("ledger.returned", lang, n=state.rejections))
    if state.escalation_level:
        notes.append(i18n.t("ledger.escalated", lang))
    notes.append(i18n.t("ledger.source", lang, source=label(SOURCE_LABELS, hazard.source, lang)))
    before = tuple(sha for kind, sha in photos if kind == "before")
    after = tuple(sha for kind, sha in photos if kind == "after")
    after += tuple(str(p) for p in (fix.get("photos") or ()) if str(p) not in after)  # type: ignore[union-attr]
    return LedgerRow(
        index=index, number=hazard.number, found_at=state.found_at or hazard.found_at,
        place=_place(hazard), description=f"{hazard.description}（{hazard.number}）"
        if (lang or i18n.language()) != "en" else f"{hazard.description} ({hazard.number})",
        grade=_grade(hazard, lang), type=label(HAZARD_TYPES, hazard.type, lang),
        finder=hazard.reporter_name or state.reported_by, measures=str(dispatch.get("measures") or ""),
        deadline=state.deadline.date() if state.deadline else None,
        funds=_money(dispatch.get("funds")), unit=hazard.department_name,
        person=hazard.rectifier_name, completion=completion,
        reviewer=review.actor_name if review else "",
        review_date=review.at.date() if review else None, supervisor=supervisor,
        closed_on=closed_on, notes="；".join(notes) if (lang or i18n.language()) != "en"
        else "; ".join(notes),
        before_photos=before, after_photos=after)


# --------------------------------------------------------------------------- statistics form

@dataclass(frozen=True)
class HazardFact:
    """What the statistics form needs of one hazard."""

    found: dt.date
    grade: str
    step: str
    has_plan: bool = False
    funds_committed: float = 0.0
    funds_spent: float = 0.0


def fact_of(hazard: Hazard, state: HazardState) -> HazardFact:
    found = (state.found_at or hazard.found_at).date()
    return HazardFact(found, hazard.grade, state.step, bool(state.dispatch.get("plan")),
                      _money(state.dispatch.get("funds")) or 0.0,
                      _money(state.rectification.get("cost")) or 0.0)


@dataclass
class StatsRow:
    label: str
    general_found: int = 0
    general_fixed: int = 0
    major_found: int = 0
    major_fixed: int = 0
    major_under_plan: int = 0
    funds_committed: float = 0.0
    funds_spent: float = 0.0
    months: list[dt.date] = field(default_factory=list)

    @property
    def general_rate(self) -> float | None:
        return self.general_fixed / self.general_found if self.general_found else None

    @property
    def major_rate(self) -> float | None:
        return self.major_fixed / self.major_found if self.major_found else None

    def add(self, fact: HazardFact) -> None:
        fixed = fact.step in FIXED_STEPS
        if fact.grade == "major":
            self.major_found += 1
            self.major_fixed += fixed
            self.major_under_plan += fact.has_plan and fact.step in (RECTIFY, REVIEW)
            self.funds_committed += fact.funds_committed
            self.funds_spent += fact.funds_spent
        else:
            self.general_found += 1
            self.general_fixed += fixed

    def merge(self, other: StatsRow) -> None:
        for name in ("general_found", "general_fixed", "major_found", "major_fixed",
                     "major_under_plan", "funds_committed", "funds_spent"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def months_of(period: Period, facts: Sequence[HazardFact] = ()) -> list[dt.date]:
    """First days of the months a period covers (an open side: the facts' first/last month)."""
    start = period.start or min((f.found for f in facts), default=None)
    end = period.end or max((f.found for f in facts), default=None)
    if start is None or end is None:
        return []
    months, day = [], start.replace(day=1)
    while day <= end:
        months.append(day)
        day = day.replace(year=day.year + (day.month == 12), month=day.month % 12 + 1)
    return months


def month_label(month: dt.date, lang: str | None = None) -> str:
    return i18n.t("period.month", lang, year=month.year, month=month.month)


def statistics(period: Period, facts: Iterable[HazardFact],
               lang: str | None = None) -> list[StatsRow]:
    """A row per month of the period, then the total row (label 合计)."""
    facts = [f for f in facts if f.step not in NOT_HAZARDS and period.contains(f.found)]
    rows = {m: StatsRow(month_label(m, lang), months=[m]) for m in months_of(period, facts)}
    for fact in facts:
        rows[fact.found.replace(day=1)].add(fact)
    total = StatsRow(i18n.t("ledger.total", lang), months=list(rows))
    for row in rows.values():
        total.merge(row)
    return [*rows.values(), total]
