"""The dangerous chemical inventory (major hazard ledger, GB 18218-2018) in SQLite."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.major_hazard import Chemical
from db import records
from db.database import Database
from db.repositories.tables import CHEMICALS

_SELECT = (
    "SELECT c.id, c.name, COALESCE(c.cas_no, ''), c.max_quantity_t, c.threshold_t, c.area_id, "
    "COALESCE(c.location, ''), c.sds_sha256, COALESCE(c.notes, ''), COALESCE(a.name, '') "
    "FROM chemicals c LEFT JOIN areas a ON a.id = c.area_id "
)


def _chemical(r: tuple) -> Chemical:
    return Chemical(*r)


class SqliteChemicalRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self) -> list[Chemical]:
        return [_chemical(r) for r in self.db.conn.execute(
            _SELECT + "WHERE c.deleted_hlc IS NULL ORDER BY c.created_hlc, c.id")]

    def get(self, chemical_id: str) -> Chemical | None:
        row = self.db.conn.execute(
            _SELECT + "WHERE c.id = ? AND c.deleted_hlc IS NULL", (chemical_id,)).fetchone()
        return _chemical(row) if row else None

    def add(self, values: Mapping[str, Any]) -> str:
        return records.insert(self.db, CHEMICALS, values)

    def add_many(self, rows: list[Mapping[str, Any]]) -> list[str]:
        return records.insert_many(self.db, CHEMICALS, rows)

    def update(self, chemical_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        return records.update(self.db, CHEMICALS, chemical_id, changes)

    def remove(self, chemical_id: str) -> bool:
        if self.get(chemical_id) is None:
            return False
        return records.tombstone(self.db, CHEMICALS, chemical_id)

    def areas(self) -> list[tuple[str, str, str]]:
        """(id, code, name) of the areas a chemical may be stored in (the editor's chooser)."""
        return self.db.conn.execute(
            "SELECT id, code, name FROM areas WHERE deleted_hlc IS NULL ORDER BY code").fetchall()

    def area_ids_by_code(self) -> dict[str, str]:
        return {code: area_id for area_id, code, _name in self.areas()}


def load_demo_chemicals(db: Database) -> list[str]:
    """The demo plant's chemical inventory (core.major_hazard.DEMO_CHEMICALS), below the
    GB 18218 threshold as most small metal-working plants are."""
    from core.major_hazard import DEMO_CHEMICALS

    repo = SqliteChemicalRepository(db)
    areas = repo.area_ids_by_code()
    return repo.add_many([{**{k: v for k, v in c.items() if k != "area"},
                           "area_id": areas.get(c["area"])} for c in DEMO_CHEMICALS])
