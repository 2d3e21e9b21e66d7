"""Effect metrics (F9): the incident register, monthly workforce, external inspections, and the
monthly figures and before/after table built from them and from the hazards.

Definitions (shown in the app and the report):
- Hazards per month: hazards found in the period ÷ calendar months in the period.
- Average rectification time: found → archived (销号), in hours, over the hazards found in the
  period that are archived. The same definition as the dashboard and the hazards page, and the
  one the field report's 72 h → 3.8 h uses (the whole way from found to closed).
- Injury rate ‰ (千人负伤率), one month: injured persons ÷ that month's headcount × 1000. Each
  incident row is one injured (or killed) person. For a period: the average monthly rate, i.e.
  injured persons ÷ the sum of the monthly headcounts × 1000, so periods of different length
  compare; months without a workforce row do not count. No workforce rows → absent.
- Injury rate per million hours: injured persons ÷ hours worked × 1,000,000.
- Training coverage: people trained as required ÷ people who need it. Training (F11) does not
  exist yet, so the measure is ABSENT (None, shown as "—"), never 0 %.
- Inspection deductions: points deducted by regulators per external inspection visit (the field
  report's 12 → 0 per visit); no visit in the period → absent, not zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from core import i18n
from core.auth import Actor, Permission, require
from core.i18n import DomainError
from core.periods import Period

# GB 6441-86 《企业职工伤亡事故分类》: the 20 accident categories, in the standard's order.
GB6441_CATEGORIES: dict[str, tuple[str, str]] = {
    "struck": ("物体打击", "Struck by object"),
    "vehicle": ("车辆伤害", "Vehicle injury"),
    "machinery": ("机械伤害", "Machinery injury"),
    "lifting": ("起重伤害", "Lifting injury"),
    "electric_shock": ("触电", "Electric shock"),
    "drowning": ("淹溺", "Drowning"),
    "burn": ("灼烫", "Burns and scalds"),
    "fire": ("火灾", "Fire"),
    "fall": ("高处坠落", "Fall from height"),
    "collapse": ("坍塌", "Collapse"),
    "roof_fall": ("冒顶片帮", "Roof or side fall"),
    "water_inrush": ("透水", "Water inrush"),
    "blasting": ("放炮", "Blasting"),
    "powder_explosion": ("火药爆炸", "Explosives explosion"),
    "gas_explosion": ("瓦斯爆炸", "Firedamp explosion"),
    "boiler_explosion": ("锅炉爆炸", "Boiler explosion"),
    "vessel_explosion": ("容器爆炸", "Pressure vessel explosion"),
    "other_explosion": ("其他爆炸", "Other explosion"),
    "poisoning": ("中毒和窒息", "Poisoning and asphyxiation"),
    "other": ("其他伤害", "Other injury"),
}
# GB 6441-86 injury severity (轻伤: ≥1 lost working day; 重伤: ≥105 days or permanent harm).
SEVERITIES: dict[str, tuple[str, str]] = {
    "minor": ("轻伤", "Minor injury"),
    "serious": ("重伤", "Serious injury"),
    "fatal": ("死亡", "Fatality"),
}
# Edited by the same people who keep the personnel register (safety clerks, admins).
EDIT_PERMISSION = Permission.EDIT_PEOPLE
VIEW_PERMISSION = Permission.VIEW_HAZARDS

MESSAGES = {
    "metrics.required": {"zh_CN": "请填写“{field}”。", "en": "Please fill in “{field}”."},
    "metrics.bad_date": {"zh_CN": "日期“{value}”无效，应为 YYYY-MM-DD。",
                         "en": "“{value}” is not a date; use YYYY-MM-DD."},
    "metrics.future_date": {"zh_CN": "日期不能晚于今天。", "en": "The date cannot be in the future."},
    "metrics.bad_category": {"zh_CN": "事故类别“{value}”不在 GB 6441 的 20 类之中。",
                             "en": "“{value}” is not one of the 20 GB 6441 categories."},
    "metrics.bad_severity": {"zh_CN": "伤害程度“{value}”无效（轻伤、重伤或死亡）。",
                             "en": "“{value}” is not a severity (minor, serious, fatality)."},
    "metrics.negative": {"zh_CN": "“{field}”不能为负数。", "en": "“{field}” cannot be negative."},
    "metrics.not_number": {"zh_CN": "“{field}”必须是数字。", "en": "“{field}” must be a number."},
    "metrics.bad_month": {"zh_CN": "月份“{value}”无效，应为 YYYY-MM。",
                          "en": "“{value}” is not a month; use YYYY-MM."},
    "metrics.month_taken": {"zh_CN": "{month} 的人数工时已登记，请修改该行。",
                            "en": "{month} already has a workforce row; edit that row."},
    "metrics.not_found": {"zh_CN": "记录不存在或已删除。", "en": "The record does not exist."},
    "metrics.period_needed": {"zh_CN": "请给出完整的对比期间（开始和结束）。",
                              "en": "Give both ends of each period to compare."},
    "metrics.months": {"zh_CN": "{start}至{end}", "en": "{start} to {end}"},
    "metrics.month": {"zh_CN": "{year}年{month}月", "en": "{year}-{month:02d}"},
    "metrics.unknown_person": {"zh_CN": "没有工号为“{number}”的人员。",
                               "en": "Nobody has the employee number “{number}”."},
    "metrics.future_period": {
        "zh_CN": "期间“{period}”尚未开始（今天是 {today}），还没有数据可以对比。",
        "en": "The period “{period}” has not started yet (today is {today}): there is no data "
              "to compare.",
    },
    "metrics.partial": {"zh_CN": "{period}（截至 {today}，未满）",
                        "en": "{period} (partial, to {today})"},
    "metrics.overlap": {
        "zh_CN": "注意：对比前后两个期间有重叠（{start} 至 {end}），重叠部分的数据两边都计入。",
        "en": "Note: the two periods overlap ({start} to {end}); data in the overlap counts on "
              "both sides.",
    },
}
i18n.register(MESSAGES)

FIELD_LABELS = {
    "date": ("日期", "Date"), "person_name": ("姓名", "Name"), "category": ("事故类别", "Category"),
    "severity": ("伤害程度", "Severity"), "lost_days": ("损失工作日", "Lost days"),
    "month": ("月份", "Month"), "headcount": ("平均人数", "Headcount"),
    "hours_worked": ("实际工时", "Hours worked"), "agency": ("检查单位", "Agency"),
    "deductions": ("扣分", "Deductions"),
}


def _field(name: str) -> str:
    zh, en = FIELD_LABELS[name]
    return en if i18n.language() == "en" else zh


@dataclass(frozen=True)
class Incident:
    id: str
    date: dt.date
    person_id: str | None
    person_name: str
    category: str
    severity: str
    lost_days: int
    description: str
    employee_no: str | None = None  # of the linked person, when there is one


@dataclass(frozen=True)
class WorkforceMonth:
    id: str
    month: str  # YYYY-MM
    headcount: int
    hours_worked: float


@dataclass(frozen=True)
class ExternalInspection:
    id: str
    date: dt.date
    agency: str
    kind: str
    deductions: float
    findings: str


@dataclass(frozen=True)
class MonthRaw:
    """What the repository counts for one month (any part may be missing)."""

    hazards: int = 0
    archived: int = 0
    archive_hours: float = 0.0  # sum over archived hazards found this month
    injured: int = 0
    lost_days: int = 0
    headcount: int | None = None
    hours_worked: float | None = None
    visits: int = 0
    deductions: float = 0.0


@dataclass(frozen=True)
class MonthMetrics:
    month: str
    hazards: int
    rectification_hours: float | None
    injured: int
    lost_days: int
    headcount: int | None
    injury_rate_permille: float | None
    injury_rate_per_million_hours: float | None
    training_coverage: float | None
    visits: int
    deductions: float | None  # total in the month; None: no visit


@dataclass(frozen=True)
class PeriodMetrics:
    period: Period
    months: int
    hazards: int
    hazards_per_month: float
    rectification_hours: float | None
    injured: int
    injury_rate_permille: float | None
    injury_rate_per_million_hours: float | None
    training_coverage: float | None
    visits: int
    deductions_per_visit: float | None
    # The period runs to today or beyond: the current month is not over and later months have
    # no data yet, so only the months up to today count (``through`` is the last day counted).
    partial: bool = False
    through: dt.date | None = None


# The before/after table's rows: (key, (zh, en) label, unit, decimals, lower is better)
COMPARISON_ROWS: tuple[tuple[str, tuple[str, str], str, int, bool], ...] = (
    ("hazards_per_month", ("月均隐患数量", "Hazards per month"), "", 1, True),
    ("rectification_hours", ("平均整改周期", "Average rectification time"), "h", 1, True),
    ("injury_rate_permille", ("工伤率（千人负伤率）", "Injury rate"), "‰", 2, True),
    ("injury_rate_per_million_hours", ("百万工时伤害率", "Injuries per million hours"), "", 2, True),
    ("training_coverage", ("培训覆盖率", "Training coverage"), "%", 0, False),
    ("deductions_per_visit", ("监管检查扣分（每次）", "Inspection deductions per visit"), "", 1, True),
)
ROW_NOTES = {
    "training_coverage": ("培训模块尚未启用，暂无数据", "Training is not in use yet: no data"),
}


@dataclass(frozen=True)
class ComparisonRow:
    key: str
    label: str
    unit: str
    decimals: int
    before: float | None
    after: float | None
    note: str = ""

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def change_pct(self) -> float | None:
        if self.change is None or not self.before:
            return None
        return self.change / self.before * 100

    def text(self, value: float | None) -> str:
        """How a value is printed: "—" when absent, percentages from a 0..1 share."""
        if value is None:
            return "—"
        if self.unit == "%":
            value *= 100
        return f"{value:.{self.decimals}f}{' ' + self.unit if self.unit == 'h' else self.unit}"

    def change_text(self) -> str:
        change = self.change
        if change is None:
            return "—"
        pct = self.change_pct
        shown = change * 100 if self.unit == "%" else change
        head = f"{shown:+.{self.decimals}f}"
        return f"{head} ({pct:+.0f}%)" if pct is not None else head


@dataclass(frozen=True)
class Comparison:
    before: PeriodMetrics
    after: PeriodMetrics
    rows: list[ComparisonRow]

    def overlap(self) -> tuple[dt.date, dt.date] | None:
        """The days both periods cover (allowed, but said: they count on both sides)."""
        return periods_overlap(self.before.period, self.after.period)

    def overlap_note(self, lang: str | None = None) -> str:
        both = self.overlap()
        if both is None:
            return ""
        return i18n.t("metrics.overlap", lang, start=both[0].isoformat(), end=both[1].isoformat())


def periods_overlap(a: Period, b: Period) -> tuple[dt.date, dt.date] | None:
    if None in (a.start, a.end, b.start, b.end):
        return None
    start, end = max(a.start, b.start), min(a.end, b.end)  # type: ignore[type-var]
    return (start, end) if start <= end else None


class MetricsRepository(Protocol):
    def month_raw(self, start: dt.date, end: dt.date) -> dict[str, MonthRaw]: ...
    def incidents(self, start: dt.date | None, end: dt.date | None) -> list[Incident]: ...
    def workforce(self) -> list[WorkforceMonth]: ...
    def external_inspections(self, start: dt.date | None,
                             end: dt.date | None) -> list[ExternalInspection]: ...
    def save(self, kind: str, values: Mapping[str, Any], row_id: str | None) -> str: ...
    def delete(self, kind: str, row_id: str) -> bool: ...
    def workforce_month_id(self, month: str) -> str | None: ...
    def person_by_number(self, employee_no: str) -> tuple[str, str] | None: ...


# -- pure arithmetic ---------------------------------------------------------------------------
def months_of(start: dt.date, end: dt.date) -> list[str]:
    """The YYYY-MM months a day range touches, oldest first."""
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_metrics(month: str, raw: MonthRaw, training: float | None = None) -> MonthMetrics:
    rate = per_mh = None
    if raw.headcount:
        rate = raw.injured / raw.headcount * 1000
    if raw.hours_worked:
        per_mh = raw.injured / raw.hours_worked * 1_000_000
    return MonthMetrics(
        month, raw.hazards, raw.archive_hours / raw.archived if raw.archived else None,
        raw.injured, raw.lost_days, raw.headcount, rate, per_mh, training, raw.visits,
        raw.deductions if raw.visits else None)


def period_metrics(period: Period, raws: Mapping[str, MonthRaw],
                   training: float | None = None, today: dt.date | None = None) -> PeriodMetrics:
    """``today``: months after it have no data yet and do not count (a period that starts
    after it is refused); a period reaching today is marked partial."""
    if period.start is None or period.end is None:
        raise DomainError("metrics.period_needed")
    if today is not None and period.start > today:
        raise DomainError("metrics.future_period", today=today.isoformat(), period=i18n.Localized(
            period_label(period, "zh_CN"), period_label(period, "en")))
    partial = today is not None and period.end >= today
    through = min(period.end, today) if today is not None else period.end
    months = months_of(period.start, through)
    got = [raws.get(m, MonthRaw()) for m in months]
    hazards = sum(r.hazards for r in got)
    archived = sum(r.archived for r in got)
    injured = sum(r.injured for r in got)
    staffed = [r for r in got if r.headcount]
    heads = sum(r.headcount or 0 for r in staffed)
    injured_staffed = sum(r.injured for r in staffed)
    hours = sum(r.hours_worked or 0 for r in got if r.hours_worked)
    injured_hours = sum(r.injured for r in got if r.hours_worked)
    visits = sum(r.visits for r in got)
    return PeriodMetrics(
        period=period, months=len(months), hazards=hazards,
        hazards_per_month=hazards / len(months),
        rectification_hours=sum(r.archive_hours for r in got) / archived if archived else None,
        injured=injured,
        injury_rate_permille=injured_staffed / heads * 1000 if heads else None,
        injury_rate_per_million_hours=injured_hours / hours * 1_000_000 if hours else None,
        training_coverage=training, visits=visits,
        deductions_per_visit=sum(r.deductions for r in got) / visits if visits else None,
        partial=partial, through=through)


def compare(before: PeriodMetrics, after: PeriodMetrics, lang: str | None = None) -> Comparison:
    lang = lang or i18n.language()
    rows = []
    for key, (zh, en), unit, decimals, _lower in COMPARISON_ROWS:
        note = ROW_NOTES.get(key, ("", ""))
        b, a = getattr(before, key), getattr(after, key)
        rows.append(ComparisonRow(
            key, en if lang == "en" else zh, unit, decimals, b, a,
            (note[1] if lang == "en" else note[0]) if b is None and a is None else ""))
    return Comparison(before, after, rows)


# -- validation --------------------------------------------------------------------------------
def _day(value: Any, name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        raise DomainError("metrics.required", field=_field(name))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DomainError("metrics.bad_date", value=text) from None


def _number(value: Any, name: str, integer: bool = False) -> float:
    if value is None or str(value).strip() == "":
        raise DomainError("metrics.required", field=_field(name))
    try:
        number = int(str(value).strip()) if integer else float(str(value).strip())
    except ValueError:
        raise DomainError("metrics.not_number", field=_field(name)) from None
    if number < 0:
        raise DomainError("metrics.negative", field=_field(name))
    return number


def clean_incident(values: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    day = _day(values.get("date"), "date")
    if day > today:
        raise DomainError("metrics.future_date")
    name = str(values.get("person_name") or "").strip()
    if not name:
        raise DomainError("metrics.required", field=_field("person_name"))
    category = str(values.get("category") or "")
    if category not in GB6441_CATEGORIES:
        raise DomainError("metrics.bad_category", value=category)
    severity = str(values.get("severity") or "")
    if severity not in SEVERITIES:
        raise DomainError("metrics.bad_severity", value=severity)
    return {"date": day.isoformat(), "person_id": values.get("person_id") or None,
            "person_name": name, "category": category, "severity": severity,
            "lost_days": int(_number(values.get("lost_days", 0), "lost_days", integer=True)),
            "description": str(values.get("description") or "").strip()}


def clean_workforce(values: Mapping[str, Any]) -> dict[str, Any]:
    month = str(values.get("month") or "").strip()
    try:
        dt.date.fromisoformat(month + "-01")
        if len(month) != 7:
            raise ValueError
    except ValueError:
        raise DomainError("metrics.bad_month", value=month) from None
    return {"month": month,
            "headcount": int(_number(values.get("headcount"), "headcount", integer=True)),
            "hours_worked": _number(values.get("hours_worked", 0), "hours_worked")}


def clean_inspection(values: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    day = _day(values.get("date"), "date")
    if day > today:
        raise DomainError("metrics.future_date")
    agency = str(values.get("agency") or "").strip()
    if not agency:
        raise DomainError("metrics.required", field=_field("agency"))
    return {"date": day.isoformat(), "agency": agency, "kind": str(values.get("kind") or "").strip(),
            "deductions": _number(values.get("deductions", 0), "deductions"),
            "findings": str(values.get("findings") or "").strip()}


# -- the service -------------------------------------------------------------------------------
class MetricsService:
    def __init__(self, repo: MetricsRepository,
                 now: Callable[[], dt.datetime] = dt.datetime.now,
                 training_coverage: Callable[[dt.date, dt.date], float | None] | None = None
                 ) -> None:
        """``training_coverage(start, end)``: None until a training module provides it."""
        self.repo = repo
        self.now = now
        self.training_coverage = training_coverage

    def _training(self, start: dt.date, end: dt.date) -> float | None:
        return self.training_coverage(start, end) if self.training_coverage else None

    # registers
    def incidents(self, actor: Actor, start: dt.date | None = None,
                  end: dt.date | None = None) -> list[Incident]:
        require(actor, VIEW_PERMISSION)
        return self.repo.incidents(start, end)

    def workforce(self, actor: Actor) -> list[WorkforceMonth]:
        require(actor, VIEW_PERMISSION)
        return self.repo.workforce()

    def external_inspections(self, actor: Actor, start: dt.date | None = None,
                             end: dt.date | None = None) -> list[ExternalInspection]:
        require(actor, VIEW_PERMISSION)
        return self.repo.external_inspections(start, end)

    def save_incident(self, actor: Actor, values: Mapping[str, Any],
                      row_id: str | None = None) -> str:
        """``employee_no`` (optional) links the person in the register; the name defaults to
        theirs. Without it the incident keeps just the name (a visitor, a contractor)."""
        require(actor, EDIT_PERMISSION)
        values = dict(values)
        number = str(values.pop("employee_no", "") or "").strip()
        if number:
            found = self.repo.person_by_number(number)
            if found is None:
                raise DomainError("metrics.unknown_person", number=number)
            values["person_id"] = found[0]
            if not str(values.get("person_name") or "").strip():
                values["person_name"] = found[1]
        else:
            values["person_id"] = None
        return self.repo.save("incident", clean_incident(values, self.now().date()), row_id)

    def save_workforce(self, actor: Actor, values: Mapping[str, Any],
                       row_id: str | None = None) -> str:
        require(actor, EDIT_PERMISSION)
        clean = clean_workforce(values)
        taken = self.repo.workforce_month_id(clean["month"])
        if taken is not None and taken != row_id:
            raise DomainError("metrics.month_taken", month=clean["month"])
        return self.repo.save("workforce", clean, row_id)

    def save_inspection(self, actor: Actor, values: Mapping[str, Any],
                        row_id: str | None = None) -> str:
        require(actor, EDIT_PERMISSION)
        return self.repo.save("external_inspection", clean_inspection(values, self.now().date()),
                              row_id)

    def delete(self, actor: Actor, kind: str, row_id: str) -> None:
        require(actor, EDIT_PERMISSION)
        if not self.repo.delete(kind, row_id):
            raise DomainError("metrics.not_found")

    # figures
    def monthly(self, actor: Actor, start: dt.date, end: dt.date) -> list[MonthMetrics]:
        require(actor, VIEW_PERMISSION)
        raws = self.repo.month_raw(start, end)
        training = self._training(start, end)
        return [month_metrics(m, raws.get(m, MonthRaw()), training) for m in months_of(start, end)]

    def period(self, actor: Actor, period: Period) -> PeriodMetrics:
        require(actor, VIEW_PERMISSION)
        if period.start is None or period.end is None:
            raise DomainError("metrics.period_needed")
        return period_metrics(period, self.repo.month_raw(period.start, period.end),
                              self._training(period.start, period.end), self.now().date())

    def compare(self, actor: Actor, before: Period, after: Period,
                lang: str | None = None) -> Comparison:
        return compare(self.period(actor, before), self.period(actor, after), lang)


def period_label(period: Period, lang: str | None = None) -> str:
    """Whole months read as months ("2025年5月至2025年10月"); anything else as the period says."""
    s, e = period.start, period.end
    if s and e and s.day == 1 and (e + dt.timedelta(days=1)).day == 1:
        first = i18n.t("metrics.month", lang, year=s.year, month=s.month)
        if (s.year, s.month) == (e.year, e.month):
            return first
        return i18n.t("metrics.months", lang, start=first,
                      end=i18n.t("metrics.month", lang, year=e.year, month=e.month))
    return period.label(lang)


def period_caption(metrics: PeriodMetrics, lang: str | None = None) -> str:
    """The period's label, marked when it is partial (runs to today or beyond)."""
    text = period_label(metrics.period, lang)
    if metrics.partial and metrics.through is not None:
        return i18n.t("metrics.partial", lang, period=text, today=metrics.through.isoformat())
    return text


def label_of(table: Mapping[str, tuple[str, str]], key: str, lang: str | None = None) -> str:
    zh, en = table.get(key, (key, key))
    return en if (lang or i18n.language()) == "en" else zh
