"""The dashboard's aggregates (F8). All SQL, no arithmetic beyond COUNT/SUM/AVG:
core/dashboard.py turns these rows into figures and chart series.

Speed at 500,000 hazards: every figure and chart reads ``hazard_facts`` (migration 0010), a
narrow per-hazard row kept by triggers from hazards and hazard_state, through covering indexes,
so no query joins the two big tables (an index lookup per hazard would cost seconds). The
calendar charts group by the stored found month and weekday-hour slot in index order (no sort,
no per-row ``strftime`` at read time: the slot is worked out once, when the row is written).
The drill-down lists join the real tables, a page at a time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.dashboard import DashboardFilters, Drill, add_months
from core.hazards import Hazard
from core.workflow import OPEN_STEPS
from db.database import Database

# The hazard list's columns and joins, so drill-down rows look exactly like the hazards page.
from db.repositories.hazards import _COLUMNS, _FROM, _hazard

_OPEN = ", ".join(f"'{step}'" for step in OPEN_STEPS)  # constants of our own, not user input


def _next_day(day: dt.date) -> str:
    return (day + dt.timedelta(days=1)).isoformat()


def _where(f: DashboardFilters, period: bool = True, p: str = "",
           months: bool = False) -> tuple[list[str], list[Any]]:
    """Conditions on the facts (prefix ``p``): live rows, area, grade, found in the period."""
    clauses, params = [f"{p}live = 1"], []
    # ``months``: bounds on found_month too, so a scan of the index it leads can seek (found_at
    # stays the exact test); other indexes lack the column and would read the table for it.
    if period and f.start:
        clauses.append(f"{p}found_at >= ?")
        params.append(f.start.isoformat())
        if months:
            clauses.append(f"{p}found_month >= ?")
            params.append(f.start.isoformat()[:7])
    if period and f.end:
        clauses.append(f"{p}found_at < ?")
        params.append(_next_day(f.end))
        if months:
            clauses.append(f"{p}found_month <= ?")
            params.append(f.end.isoformat()[:7])
    if f.area_id:
        clauses.append(f"{p}area_id = ?")
        params.append(f.area_id)
    if f.grade:
        clauses.append(f"{p}grade = ?")
        params.append(f.grade)
    return clauses, params


def _sql_where(clauses: list[str]) -> str:
    return " WHERE " + " AND ".join(clauses)


class SqliteDashboardRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def open_by_grade(self, f: DashboardFilters, now: dt.datetime) -> list[tuple[str, int, int]]:
        """(grade, open hazards, of which overdue), now; the period does not apply."""
        clauses, params = _where(f, period=False)
        clauses.append(f"step IN ({_OPEN})")
        return self.db.conn.execute(
            "SELECT grade, COUNT(*), "
            "COALESCE(SUM(step_deadline IS NOT NULL AND step_deadline < ?), 0) "
            "FROM hazard_facts INDEXED BY hazard_facts_open" + _sql_where(clauses)
            + " GROUP BY grade", [now.replace(microsecond=0).isoformat(), *params]).fetchall()

    def type_area_counts(self, f: DashboardFilters) -> list[tuple[str, str | None, int, str]]:
        clauses, params = _where(f)
        return self.db.conn.execute(
            "SELECT type, area_id, COUNT(*), MAX(found_at) FROM hazard_facts "
            "INDEXED BY hazard_facts_type" + _sql_where(clauses) + " GROUP BY type, area_id",
            params).fetchall()

    def slot_stats(self, f: DashboardFilters) -> list[tuple[str, int, int, float, int, float, int]]:
        """Per found month and weekday-hour slot: count, Σ and n of rectification hours, Σ and
        n of deadlines met. One streaming scan gives the calendar charts and two figures."""
        clauses, params = _where(f, months=True)
        return self.db.conn.execute(
            "SELECT found_month, found_slot, COUNT(*), TOTAL(rect_hours), COUNT(rect_hours), "
            "TOTAL(deadline_met), COUNT(deadline_met) FROM hazard_facts "
            "INDEXED BY hazard_facts_found" + _sql_where(clauses)
            + " GROUP BY found_month, found_slot", params).fetchall()

    def closed_by_month(self, f: DashboardFilters) -> list[tuple[str, int]]:
        """Hazards archived in each month of the period (whenever they were found); grouped by
        day in index order (no sort), summed into months here."""
        clauses, params = _where(f, period=False)
        if f.start:
            clauses.append("archived_day >= ?")
            params.append(f.start.isoformat())
        else:
            clauses.append("archived_day IS NOT NULL")
        if f.end:
            clauses.append("archived_day <= ?")
            params.append(f.end.isoformat())
        months: dict[str, int] = {}
        for day, count in self.db.conn.execute(
                "SELECT archived_day, COUNT(*) FROM hazard_facts INDEXED BY hazard_facts_archived"
                + _sql_where(clauses) + " GROUP BY archived_day", params):
            months[day[:7]] = months.get(day[:7], 0) + count
        return sorted(months.items())

    def found_closed(self, f: DashboardFilters, start: dt.date) -> tuple[int, int]:
        """Found since ``start``, and archived since ``start`` (area and grade apply)."""
        clauses, params = _where(f, period=False)
        found = self.db.conn.execute(
            "SELECT COUNT(*) FROM hazard_facts INDEXED BY hazard_facts_found"
            + _sql_where([*clauses, "found_month >= ?", "found_at >= ?"]),
            [*params, start.isoformat()[:7], start.isoformat()]).fetchone()
        closed = self.db.conn.execute(
            "SELECT COUNT(*) FROM hazard_facts INDEXED BY hazard_facts_archived"
            + _sql_where([*clauses, "archived_day >= ?"]), [*params, start.isoformat()]
        ).fetchone()
        return found[0], closed[0]

    def area_names(self) -> dict[str, str]:
        return dict(self.db.conn.execute("SELECT id, name FROM areas WHERE deleted_hlc IS NULL"))

    def drill_page(self, f: DashboardFilters, drill: Drill, offset: int = 0,
                   limit: int = 200) -> tuple[list[Hazard], int]:
        """The hazards behind one bar or cell, newest first, a page at a time."""
        if drill.closed_month is not None:  # the closed series counts by archive month
            clauses, params = _where(f, period=False, p="x.")
            first = dt.date.fromisoformat(drill.closed_month + "-01")
            clauses += ["x.archived_at >= ?", "x.archived_at < ?"]
            params += [first.isoformat(), add_months(first, 1).isoformat()]
        else:
            clauses, params = _where(f, p="x.")
        if drill.type is not None:
            clauses.append("x.type = ?")
            params.append(drill.type)
        if drill.area_id == "":
            clauses.append("x.area_id IS NULL")
        elif drill.area_id is not None:
            clauses.append("x.area_id = ?")
            params.append(drill.area_id)
        if drill.month is not None:
            first = dt.date.fromisoformat(drill.month + "-01")
            clauses += ["x.found_at >= ?", "x.found_at < ?"]
            params += [first.isoformat(), add_months(first, 1).isoformat()]
        if drill.weekday is not None:  # SQLite's %w counts from Sunday = 0
            clauses.append("CAST(strftime('%w', x.found_at) AS INTEGER) = ?")
            params.append((drill.weekday + 1) % 7)
        if drill.hour is not None:
            clauses.append("substr(x.found_at, 12, 2) = ?")
            params.append(f"{drill.hour:02d}")
        where = _sql_where(clauses)
        picked = self.db.conn.execute(
            "SELECT h.rowid, COUNT(*) OVER () FROM hazard_facts x "
            f"JOIN hazards h ON h.id = x.hazard_id{where} "
            "ORDER BY x.found_at DESC, h.number DESC LIMIT ? OFFSET ?",
            (*params, limit, offset)).fetchall()
        if not picked:
            return [], 0
        rowids = [r[0] for r in picked]
        found = {r[-1]: _hazard(r) for r in self.db.conn.execute(
            f"SELECT {_COLUMNS}, h.rowid{_FROM} WHERE h.rowid IN ({', '.join('?' * len(rowids))})",
            rowids)}
        return [found[r] for r in rowids], picked[0][1]
