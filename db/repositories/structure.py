"""Sites, buildings, departments, areas, lines and posts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db import records
from db.database import Database
from db.repositories.tables import STRUCTURE

# Which tables point at each kind (table, column), to refuse removing a parent still in use.
_CHILDREN: dict[str, list[tuple[str, str]]] = {
    "site": [("buildings", "site_id"), ("areas", "site_id"), ("departments", "site_id")],
    "building": [("areas", "building_id")],
    "department": [("people", "department_id"), ("posts", "department_id"),
                   ("departments", "parent_id"), ("areas", "department_id")],
    "area": [("lines", "area_id")],
    "line": [],
    "post": [("people", "post_id")],
}


class SqliteStructureRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, kind: str, include_deleted: bool = False) -> list[dict[str, Any]]:
        spec = STRUCTURE[kind]
        where = "" if include_deleted else " WHERE deleted_hlc IS NULL"
        cur = self.db.conn.execute(
            f"SELECT id, {spec.columns} FROM {spec.table}{where} ORDER BY code"
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]

    def get(self, kind: str, item_id: str) -> dict[str, Any] | None:
        spec = STRUCTURE[kind]
        cur = self.db.conn.execute(
            f"SELECT id, {spec.columns} FROM {spec.table} WHERE id = ? AND deleted_hlc IS NULL",
            (item_id,),
        )
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None

    def add(self, kind: str, values: Mapping[str, Any]) -> str:
        return records.insert(self.db, STRUCTURE[kind], values)

    def add_many(self, kind: str, rows: list[Mapping[str, Any]], ids: list[str] | None = None) -> list[str]:
        return records.insert_many(self.db, STRUCTURE[kind], rows, ids)

    def update(self, kind: str, item_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        return records.update(self.db, STRUCTURE[kind], item_id, changes)

    def remove(self, kind: str, item_id: str) -> bool:
        return records.tombstone(self.db, STRUCTURE[kind], item_id)

    def children_count(self, kind: str, item_id: str) -> int:
        total = 0
        for table, column in _CHILDREN[kind]:
            total += self.db.conn.execute(
                f"SELECT COUNT(*) FROM {table} WHERE {column} = ? AND deleted_hlc IS NULL",
                (item_id,),
            ).fetchone()[0]
        return total
