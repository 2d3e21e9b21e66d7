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
from core.workflow import MERGED, OPEN_STEPS, PENDING, REJECTED
from db.database import Database

# The hazard list's columns and joins, so drill-down rows look exactly like the hazards page.
from db.repositories.hazards import _COLUMNS, _FROM, _hazard

# 随手拍 reports not verified yet, rejected reports and merged duplicates are not hazards (as in
# the ledgers and the warning rules). They are few: the big scans count every row as before and
# the same groups over just these rows (read through the step index) are taken off, which keeps
# the scans index-only; a NOT IN test on every row cost about half as much again at 500,000.
# Archived hazards are never among them, so the "closed" counts need no correction.
NOT_HAZARDS = (PENDING, REJECTED, MERGED)
_NOT_HAZARDS = ", ".join(f"'{s}'" for s in NOT_HAZARDS)
# constants of our own, not user input
_OPEN_HAZARDS = ", ".join(f"'{step}'" for step in OPEN_STEPS if step not in NOT_HAZARDS)
# For the one-page lists (drill-down, metrics by month): excluded in the query itself.
COUNTED = ("{p}hazard_id NOT IN (SELECT hazard_id FROM hazard_facts INDEXED BY hazard_facts_open "
           f"WHERE step IN ({_NOT_HAZARDS}))")


def not_hazards(clauses: list[str]) -> str:
    """FROM/WHERE over the rows that are not hazards, with the same conditions. Those rows are
    picked first, by step alone, in a subquery SQLite does not flatten (LIMIT -1 OFFSET 0):
    given the area or grade in the same WHERE, the planner chose a skip-scan of the whole step
    index, milliseconds instead of microseconds."""
    return (" FROM (SELECT * FROM hazard_facts INDEXED BY hazard_facts_open "
            f"WHERE step IN ({_NOT_HAZARDS}) "
            "LIMIT -1 OFFSET 0)" + _sql_where(clauses))


def minus(rows: list[tuple], less: list[tuple], keys: int) -> list[tuple]:
    """Rows grouped by their first ``keys`` columns, minus the same groups' sums in ``less``
    (the remaining columns are added up); groups left with no rows are dropped."""
    if not less:
        return rows
    off = {tuple(r[:keys]): r[keys:] for r in less}
    out = []
    for r in rows:
        sub = off.get(tuple(r[:keys]))
        if sub is None:
            out.append(r)
        elif r[keys] - sub[0] > 0:
            out.append((*r[:keys], *(a - b for a, b in zip(r[keys:], sub, strict=True))))
    return out


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
        clauses.append(f"step IN ({_OPEN_HAZARDS})")  # a report waiting to be verified: not yet
        return self.db.conn.execute(
            "SELECT grade, COUNT(*), "
            "COALESCE(SUM(step_deadline IS NOT NULL AND step_deadline < ?), 0) "
            "FROM hazard_facts INDEXED BY hazard_facts_open" + _sql_where(clauses)
            + " GROUP BY grade", [now.replace(microsecond=0).isoformat(), *params]).fetchall()

    def type_area_counts(self, f: DashboardFilters) -> list[tuple[str, str | None, int, str]]:
        clauses, params = _where(f)
        rows = self.db.conn.execute(
            "SELECT type, area_id, COUNT(*), MAX(found_at) FROM hazard_facts "
            "INDEXED BY hazard_facts_type" + _sql_where(clauses) + " GROUP BY type, area_id",
            params).fetchall()
        less = self.db.conn.execute(
            "SELECT type, area_id, COUNT(*)" + not_hazards(clauses) + " GROUP BY type, area_id",
            params).fetchall()
        if not less:
            return rows
        # (the latest found time of a group stays as counted: it only orders ties)
        off = {(t, a): n for t, a, n in less}
        return [(t, a, n - off.get((t, a), 0), last) for t, a, n, last in rows
                if n - off.get((t, a), 0) > 0]

    def slot_stats(self, f: DashboardFilters) -> list[tuple[str, int, int, float, int, float, int]]:
        """Per found month and weekday-hour slot: count, Σ and n of rectification hours, Σ and
        n of deadlines met. One streaming scan gives the calendar charts and two figures."""
        clauses, params = _where(f, months=True)
        columns = ("found_month, found_slot, COUNT(*), TOTAL(rect_hours), COUNT(rect_hours), "
                   "TOTAL(deadline_met), COUNT(deadline_met)")
        rows = self.db.conn.execute(
            f"SELECT {columns} FROM hazard_facts INDEXED BY hazard_facts_found"
            + _sql_where(clauses) + " GROUP BY found_month, found_slot", params).fetchall()
        less = self.db.conn.execute(
            f"SELECT {columns}" + not_hazards(clauses) + " GROUP BY found_month, found_slot",
            params).fetchall()
        return minus(rows, less, 2)

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
        since = [*clauses, "found_month >= ?", "found_at >= ?"]
        since_params = [*params, start.isoformat()[:7], start.isoformat()]
        found = self.db.conn.execute(
            "SELECT COUNT(*) FROM hazard_facts INDEXED BY hazard_facts_found"
            + _sql_where(since), since_params).fetchone()
        less = self.db.conn.execute("SELECT COUNT(*)" + not_hazards(since),
                                    since_params).fetchone()
        closed = self.db.conn.execute(
            "SELECT COUNT(*) FROM hazard_facts INDEXED BY hazard_facts_archived"
            + _sql_where([*clauses, "archived_day >= ?"]), [*params, start.isoformat()]
        ).fetchone()
        return found[0] - less[0], closed[0]

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
        clauses.append(COUNTED.format(p="x."))
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
