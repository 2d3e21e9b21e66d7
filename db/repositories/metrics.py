"""Effect metrics (F9) in SQLite: the three registers and the monthly counts the figures need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from core.metrics import ExternalInspection, Incident, MonthRaw, WorkforceMonth
from db import records
from db.database import Database
from db.records import TableSpec
from db.repositories.dashboard import minus, not_hazards
from db.repositories.tables import EXTERNAL_INSPECTIONS, INCIDENTS, MONTHLY_WORKFORCE

SPECS: dict[str, TableSpec] = {"incident": INCIDENTS, "workforce": MONTHLY_WORKFORCE,
                               "external_inspection": EXTERNAL_INSPECTIONS}


def _range(column: str, start: dt.date | None, end: dt.date | None) -> tuple[str, list[str]]:
    clauses, params = [], []
    if start:
        clauses.append(f"{column} >= ?")
        params.append(start.isoformat())
    if end:
        clauses.append(f"{column} < ?")
        params.append((end + dt.timedelta(days=1)).isoformat())
    return "".join(f" AND {c}" for c in clauses), params


class SqliteMetricsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- registers -----------------------------------------------------------------------
    def incidents(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Incident]:
        where, params = _range("i.date", start, end)
        return [Incident(r[0], dt.date.fromisoformat(r[1]), *r[2:]) for r in self.db.conn.execute(
            "SELECT i.id, i.date, i.person_id, i.person_name, i.category, i.severity, "
            "i.lost_days, i.description, p.employee_no FROM incidents i "
            "LEFT JOIN people p ON p.id = i.person_id "
            f"WHERE i.deleted_hlc IS NULL{where} "
            "ORDER BY i.date DESC, i.id DESC", params)]

    def person_by_number(self, employee_no: str) -> tuple[str, str] | None:
        row = self.db.conn.execute(
            "SELECT id, name FROM people WHERE employee_no = ? AND deleted_hlc IS NULL",
            (employee_no,)).fetchone()
        return (row[0], row[1]) if row else None

    def workforce(self) -> list[WorkforceMonth]:
        return [WorkforceMonth(*r) for r in self.db.conn.execute(
            "SELECT id, month, headcount, hours_worked FROM monthly_workforce "
            "WHERE deleted_hlc IS NULL ORDER BY month DESC")]

    def workforce_month_id(self, month: str) -> str | None:
        row = self.db.conn.execute(
            "SELECT id FROM monthly_workforce WHERE month = ? AND deleted_hlc IS NULL",
            (month,)).fetchone()
        return row[0] if row else None

    def external_inspections(self, start: dt.date | None = None,
                             end: dt.date | None = None) -> list[ExternalInspection]:
        where, params = _range("date", start, end)
        return [ExternalInspection(r[0], dt.date.fromisoformat(r[1]), *r[2:])
                for r in self.db.conn.execute(
                    "SELECT id, date, agency, kind, deductions, findings FROM external_inspections "
                    f"WHERE deleted_hlc IS NULL{where} ORDER BY date DESC, id DESC", params)]

    def save(self, kind: str, values: Mapping[str, Any], row_id: str | None = None) -> str:
        spec = SPECS[kind]
        with self.db.transaction():
            if row_id is None:
                return records.insert(self.db, spec, values)
            records.update(self.db, spec, row_id, values)
            return row_id

    def save_many(self, kind: str, rows: list[dict[str, Any]]) -> None:
        """Bulk load (demo plant): one transaction."""
        with self.db.transaction():
            records.insert_many(self.db, SPECS[kind], rows)

    def delete(self, kind: str, row_id: str) -> bool:
        spec = SPECS[kind]
        row = records.fetch_row(self.db, spec, row_id)
        if row is None or row["deleted_hlc"] is not None:
            return False
        return records.tombstone(self.db, spec, row_id)

    # -- monthly counts ------------------------------------------------------------------
    def month_raw(self, start: dt.date, end: dt.date) -> dict[str, MonthRaw]:
        """Per YYYY-MM between two days (inclusive): hazards found and how fast they were
        archived (by found month), injured persons, workforce, external inspection visits."""
        parts: dict[str, dict[str, Any]] = {}
        conn = self.db.conn
        # hazard_facts (migration 0010): the dashboard's per-hazard cache, so both pages count
        # the same hazards the same way (not verified, rejected and merged reports excluded),
        # without joining hazards to their states.
        where, params = _range("found_at", start, end)
        clauses = [f"live = 1{where}", "found_month BETWEEN ? AND ?"]
        params = [*params, start.isoformat()[:7], end.isoformat()[:7]]
        columns = "found_month, COUNT(*), COUNT(rect_hours), TOTAL(rect_hours)"
        counted = conn.execute(
            f"SELECT {columns} FROM hazard_facts INDEXED BY hazard_facts_found WHERE "
            + " AND ".join(clauses) + " GROUP BY found_month", params).fetchall()
        less = conn.execute(f"SELECT {columns}" + not_hazards(clauses) + " GROUP BY found_month",
                            params).fetchall()
        for month, count, archived, hours in minus(counted, less, 1):
            parts.setdefault(month, {}).update(hazards=count, archived=archived,
                                               archive_hours=hours)
        where, params = _range("date", start, end)
        for month, injured, lost in conn.execute(
                "SELECT substr(date, 1, 7), COUNT(*), SUM(lost_days) FROM incidents "
                f"WHERE deleted_hlc IS NULL{where} GROUP BY 1", params):
            parts.setdefault(month, {}).update(injured=injured, lost_days=lost or 0)
        for month, visits, deductions in conn.execute(
                "SELECT substr(date, 1, 7), COUNT(*), SUM(deductions) FROM external_inspections "
                f"WHERE deleted_hlc IS NULL{where} GROUP BY 1", params):
            parts.setdefault(month, {}).update(visits=visits, deductions=deductions or 0.0)
        for month, headcount, hours in conn.execute(
                "SELECT month, headcount, hours_worked FROM monthly_workforce "
                "WHERE deleted_hlc IS NULL AND month BETWEEN ? AND ?",
                (start.isoformat()[:7], end.isoformat()[:7])):
            parts.setdefault(month, {}).update(headcount=headcount, hours_worked=hours)
        return {month: MonthRaw(**values) for month, values in parts.items()}
