"""Report periods: "2025-06" (a month), "2025Q2" (a quarter), "2025" (a year), or from/to days.

Pure functions so the CLI, the reports page and the tests agree on what a period means.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from core import i18n
from core.i18n import DomainError

i18n.register({
    "period.bad": {
        "zh_CN": "期间“{value}”无效，应为 2025-06（月）、2025Q2（季度）或 2025（年）。",
        "en": "“{value}” is not a period; use 2025-06 (month), 2025Q2 (quarter) or 2025 (year).",
    },
    "period.bad_date": {
        "zh_CN": "日期“{value}”无效，应为 YYYY-MM-DD（例如 2026-03-01）。",
        "en": "“{value}” is not a date; use YYYY-MM-DD (e.g. 2026-03-01).",
    },
    "period.reversed": {
        "zh_CN": "开始日期（{start}）晚于结束日期（{end}）。",
        "en": "The start ({start}) is after the end ({end}).",
    },
    "period.month": {"zh_CN": "{year}年{month}月", "en": "{year}-{month:02d}"},
    "period.quarter": {"zh_CN": "{year}年第{quarter}季度", "en": "Q{quarter} {year}"},
    "period.year": {"zh_CN": "{year}年", "en": "{year}"},
    "period.range": {"zh_CN": "{start} 至 {end}", "en": "{start} to {end}"},
    "period.all": {"zh_CN": "全部", "en": "All time"},
})


@dataclass(frozen=True)
class Period:
    """Inclusive days; None on a side means open. `kind` is month/quarter/year/range/all."""

    start: dt.date | None
    end: dt.date | None
    kind: str = "range"

    def label(self, lang: str | None = None) -> str:
        s, e = self.start, self.end
        if self.kind == "month" and s:
            return i18n.t("period.month", lang, year=s.year, month=s.month)
        if self.kind == "quarter" and s:
            return i18n.t("period.quarter", lang, year=s.year, quarter=(s.month - 1) // 3 + 1)
        if self.kind == "year" and s:
            return i18n.t("period.year", lang, year=s.year)
        if s is None and e is None:
            return i18n.t("period.all", lang)
        return i18n.t("period.range", lang, start=s.isoformat() if s else "…",
                      end=e.isoformat() if e else "…")

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def parse_period(text: str) -> Period:
    value = text.strip().upper()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            return Period(dt.date(year, month, 1), _month_end(year, month), "month")
    elif m := re.fullmatch(r"(\d{4})Q([1-4])", value):
        year, q = int(m[1]), int(m[2])
        return Period(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter")
    elif m := re.fullmatch(r"(\d{4})", value):
        year = int(m[1])
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    raise DomainError("period.bad", value=text)


def parse_day(text: str | None) -> dt.date | None:
    if text is None or not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise DomainError("period.bad_date", value=text) from None


def period_of(period: str | None = None, start: str | None = None,
              end: str | None = None) -> Period:
    """--period wins; else --from/--to (either may be missing); else all time."""
    if period:
        return parse_period(period)
    s, e = parse_day(start), parse_day(end)
    if s and e and s > e:
        raise DomainError("period.reversed", start=s, end=e)
    return Period(s, e, "range" if (s or e) else "all")
