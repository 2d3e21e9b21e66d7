"""People: the roster, searched by name, employee number or phone fragment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from core.plant import PeopleQuery, Person
from db import records
from db.database import Database
from db.repositories.tables import PEOPLE

_SELECT = (
    "SELECT p.id, p.employee_no, p.name, p.gender, p.department_id, p.post_id, p.hire_date, "
    "p.phone, p.status, COALESCE(d.name, ''), COALESCE(po.name, '') FROM people p "
    "LEFT JOIN departments d ON d.id = p.department_id "
    "LEFT JOIN posts po ON po.id = p.post_id "
)


def _person(row: tuple) -> Person:
    hire = dt.date.fromisoformat(row[6]) if row[6] else None
    return Person(row[0], row[1], row[2], row[3], row[4], row[5], hire, row[7], row[8],
                  row[9], row[10])


class SqlitePeopleRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _where(self, query: PeopleQuery) -> tuple[str, list[Any]]:
        clauses, params = ["p.deleted_hlc IS NULL"], []
        text = query.text.strip()
        if text:
            # Substring match on the generated search column (see the migration for why).
            clauses.append("instr(p.search_text, ?) > 0")
            params.append(text.lower())
        if query.department_id:
            clauses.append("p.department_id = ?")
            params.append(query.department_id)
        if query.status:
            clauses.append("p.status = ?")
            params.append(query.status)
        return " WHERE " + " AND ".join(clauses), params

    def search(self, query: PeopleQuery, offset: int = 0, limit: int = 200) -> list[Person]:
        where, params = self._where(query)
        rows = self.db.conn.execute(
            _SELECT + where + " ORDER BY p.employee_no LIMIT ? OFFSET ?", (*params, limit, offset)
        ).fetchall()
        return [_person(r) for r in rows]

    def search_page(self, query: PeopleQuery, offset: int = 0,
                    limit: int = 200) -> tuple[list[Person], int]:
        """One page and the total number of matches from a single scan of the table."""
        where, params = self._where(query)
        rows = self.db.conn.execute(
            _SELECT.replace(" FROM people p", ", COUNT(*) OVER () FROM people p", 1) + where
            + " ORDER BY p.employee_no LIMIT ? OFFSET ?", (*params, limit, offset)
        ).fetchall()
        if not rows:
            return [], (self.count(query) if offset else 0)
        return [_person(r) for r in rows], rows[0][-1]

    def count(self, query: PeopleQuery) -> int:
        where, params = self._where(query)
        return self.db.conn.execute(f"SELECT COUNT(*) FROM people p{where}", params).fetchone()[0]

    def get(self, person_id: str) -> Person | None:
        row = self.db.conn.execute(
            _SELECT + "WHERE p.id = ? AND p.deleted_hlc IS NULL", (person_id,)
        ).fetchone()
        return _person(row) if row else None

    def ids_by_employee_no(self, employee_nos: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        wanted = list(dict.fromkeys(employee_nos))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for emp, pid in self.db.conn.execute(
                f"SELECT employee_no, id FROM people WHERE deleted_hlc IS NULL "
                f"AND employee_no IN ({marks})", chunk
            ):
                out[emp] = pid
        return out

    def add(self, values: Mapping[str, Any]) -> str:
        return records.insert(self.db, PEOPLE, values)

    def update(self, person_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        return records.update(self.db, PEOPLE, person_id, changes)

    def remove(self, person_id: str) -> bool:
        return records.tombstone(self.db, PEOPLE, person_id)

    def upsert_many(self, creates: list[dict[str, Any]],
                    updates: list[tuple[str, dict[str, Any]]]) -> tuple[int, int]:
        """All rows in one transaction: an import lands whole or not at all."""
        changed = 0
        with self.db.transaction():
            records.insert_many(self.db, PEOPLE, creates)
            for person_id, values in updates:
                if records.update(self.db, PEOPLE, person_id, values):
                    changed += 1
        return len(creates), changed
