"""The early-warning dashboard (F8): what each figure and chart means, computed from aggregates.

The repository (db/repositories/dashboard.py) answers a handful of GROUP BY queries; everything
here is plain arithmetic over their rows, so the definitions below are the single source of
truth for the page, the tests and the benchmark.

Definitions (the page shows them as tooltips):
- Open: hazards whose workflow is not finished (to verify, to dispatch, rectifying, to review,
  to archive), right now. Area and grade filters apply; the period does not.
- Overdue: open hazards whose current step is past its deadline, right now.
- Found / closed this month: found since the 1st of the current month; archived since then.
- Average rectification time: found → archived (销号), in hours, over the hazards found in the
  period that are archived. The whole way to closure is what the field report's 72 h → 3.8 h
  counts, and what the hazards page's strip already shows, so the two figures agree.
- On-time rate: rectifications finished before their deadline ÷ all rectifications, over the
  hazards found in the period that have been rectified.
- Most repeated problems: the same hazard type in the same area, counted over the period, the
  ten most frequent with at least two reports. Simple on purpose: a clerk can check it by
  filtering the hazard list, and it is what the repeat warning rule looks at too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from core.auth import Actor, Permission, require
from core.hazards import Hazard

WEEKDAYS = 7
HOURS = 24
TOP_REPEATS = 10
MIN_REPEATS = 2
DEFAULT_MONTHS = 12


@dataclass(frozen=True)
class DashboardFilters:
    """Inclusive days (None: open on that side); area id and grade ("general"/"major")."""

    start: dt.date | None = None
    end: dt.date | None = None
    area_id: str | None = None
    grade: str | None = None


@dataclass(frozen=True)
class Drill:
    """What a click on a chart picks out of the filtered hazards; None: not constrained.

    ``area_id`` uses "" for hazards without an area; weekday is 0 = Monday."""

    type: str | None = None
    area_id: str | None = None
    month: str | None = None  # YYYY-MM of found_at
    closed_month: str | None = None  # YYYY-MM of archived_at
    weekday: int | None = None
    hour: int | None = None


@dataclass(frozen=True)
class Figures:
    open_by_grade: dict[str, int]
    overdue: int
    found_this_month: int
    closed_this_month: int
    avg_rectification_hours: float | None  # None: nothing archived in the period
    on_time_rate: float | None  # 0..1; None: nothing rectified in the period
    active_warnings: int | None = None  # None: warning rules not available (yet)

    @property
    def open_total(self) -> int:
        return sum(self.open_by_grade.values())


@dataclass(frozen=True)
class Repeat:
    type: str
    area_id: str | None
    area_name: str
    count: int
    last_found: str  # ISO


@dataclass(frozen=True)
class Dashboard:
    filters: DashboardFilters
    figures: Figures
    by_type: list[tuple[str, int]]  # type key, count; most first
    by_area: list[tuple[str | None, str, int]]  # area id, name, count; most first
    trend: list[tuple[str, int, int]]  # month YYYY-MM, found, closed; oldest first
    heat: list[list[int]]  # [weekday 0 = Monday][hour]
    repeats: list[Repeat] = field(default_factory=list)


# Per found month "YYYY-MM" and slot (weekday Monday 0 × 24 + hour): hazards, Σ rectification
# hours, archived, Σ deadlines met, rectified (the repository's one scan over the period).
SlotStats = tuple[str, int, int, float, int, float, int]


class DashboardRepository(Protocol):
    def open_by_grade(self, f: DashboardFilters, now: dt.datetime) -> list[tuple[str, int, int]]: ...
    def type_area_counts(self, f: DashboardFilters) -> list[tuple[str, str | None, int, str]]: ...
    def slot_stats(self, f: DashboardFilters) -> list[SlotStats]: ...
    def closed_by_month(self, f: DashboardFilters) -> list[tuple[str, int]]: ...
    def found_closed(self, f: DashboardFilters, start: dt.date) -> tuple[int, int]: ...
    def area_names(self) -> dict[str, str]: ...
    def drill_page(self, f: DashboardFilters, drill: Drill, offset: int,
                   limit: int) -> tuple[list[Hazard], int]: ...


def default_filters(today: dt.date, months: int = DEFAULT_MONTHS) -> DashboardFilters:
    """The last ``months`` calendar months, this one included."""
    return DashboardFilters(add_months(today.replace(day=1), 1 - months), today)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` away from ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(first: str, last: str) -> list[str]:
    """Every YYYY-MM from ``first`` to ``last`` inclusive (empty if reversed)."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def rectification(slots: Iterable[SlotStats]) -> tuple[float | None, float | None]:
    """(average hours found → archived, on-time share); hazards not archived / not rectified
    yet do not count (None when nothing does)."""
    total = archived = met = rectified = 0.0
    for _month, _slot, _count, h, n_h, m, n_m in slots:
        total, archived, met, rectified = total + h, archived + n_h, met + m, rectified + n_m
    return (total / archived if archived else None, met / rectified if rectified else None)


def build_dashboard(f: DashboardFilters, figures: Figures,
                    type_area: Iterable[tuple[str, str | None, int, str]],
                    slots: Iterable[SlotStats],
                    closed: Iterable[tuple[str, int]],
                    area_names: Mapping[str, str], no_area: str = "") -> Dashboard:
    """Turn the repository's raw groups into chart series (pure, tested by hand)."""
    by_type: dict[str, int] = {}
    by_area: dict[str | None, int] = {}
    repeats: list[Repeat] = []
    for type_, area_id, count, last in type_area:
        by_type[type_] = by_type.get(type_, 0) + count
        by_area[area_id] = by_area.get(area_id, 0) + count
        if count >= MIN_REPEATS:
            repeats.append(Repeat(type_, area_id, area_names.get(area_id or "", no_area),
                                  count, last))
    repeats.sort(key=lambda r: r.last_found, reverse=True)  # ties: the most recent first
    repeats.sort(key=lambda r: -r.count)
    heat = [[0] * HOURS for _ in range(WEEKDAYS)]
    found_month: dict[str, int] = {}
    for month, slot, count, *_ in slots:
        heat[slot // HOURS][slot % HOURS] += count
        found_month[month] = found_month.get(month, 0) + count
    closed_month = dict(closed)
    months = sorted(found_month.keys() | closed_month.keys())
    if f.start and f.end:
        months = months_between(f.start.isoformat()[:7], f.end.isoformat()[:7])
    elif months:
        months = months_between(months[0], months[-1])
    return Dashboard(
        filters=f,
        figures=figures,
        by_type=sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])),
        by_area=sorted(((a, area_names.get(a or "", no_area), n) for a, n in by_area.items()),
                       key=lambda r: (-r[2], r[1])),
        trend=[(m, found_month.get(m, 0), closed_month.get(m, 0)) for m in months],
        heat=heat,
        repeats=repeats[:TOP_REPEATS],
    )


class DashboardService:
    def __init__(self, repo: DashboardRepository,
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.repo = repo
        self.now = now

    def figures(self, actor: Actor, f: DashboardFilters,
                slots: list[SlotStats] | None = None) -> Figures:
        require(actor, Permission.VIEW_HAZARDS)
        now = self.now()
        grades: dict[str, int] = {"major": 0, "general": 0}
        overdue = 0
        for grade, count, late in self.repo.open_by_grade(f, now):
            grades[grade] = grades.get(grade, 0) + count
            overdue += late
        found, closed = self.repo.found_closed(f, now.date().replace(day=1))
        avg_hours, on_time = rectification(self.repo.slot_stats(f) if slots is None else slots)
        return Figures(grades, overdue, found, closed, avg_hours, on_time)

    def load(self, actor: Actor, f: DashboardFilters, no_area: str = "") -> Dashboard:
        """Every figure and chart series for the filters (one refresh of the page)."""
        slots = self.repo.slot_stats(f)
        figures = self.figures(actor, f, slots)
        return build_dashboard(f, figures, self.repo.type_area_counts(f), slots,
                               self.repo.closed_by_month(f), self.repo.area_names(), no_area)

    def area_names(self, actor: Actor) -> dict[str, str]:
        require(actor, Permission.VIEW_HAZARDS)
        return self.repo.area_names()

    def drill_page(self, actor: Actor, f: DashboardFilters, drill: Drill, offset: int = 0,
                   limit: int = 200) -> tuple[list[Hazard], int]:
        require(actor, Permission.VIEW_HAZARDS)
        return self.repo.drill_page(f, drill, offset, limit)


def describe_drill(drill: Drill, type_label: Callable[[str], str],
                   area_label: Callable[[str | None], str], weekday_names: list[str]) -> str:
    """A short plain-words title for a drill-down list: "焊接车间 · 未按规定佩戴劳保用品"."""
    parts: list[Any] = []
    if drill.area_id is not None:
        parts.append(area_label(drill.area_id))
    if drill.type is not None:
        parts.append(type_label(drill.type))
    if drill.month is not None:
        parts.append(drill.month)
    if drill.closed_month is not None:
        parts.append(drill.closed_month)
    if drill.weekday is not None:
        parts.append(weekday_names[drill.weekday])
    if drill.hour is not None:
        parts.append(f"{drill.hour:02d}:00–{drill.hour + 1:02d}:00")
    return " · ".join(str(p) for p in parts)
