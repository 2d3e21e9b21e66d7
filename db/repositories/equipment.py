"""Equipment, its types, maintenance and fault history, as stored in SQLite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from core.equipment import (
    Attachment,
    Equipment,
    EquipmentQuery,
    FaultRecord,
    MaintenanceRecord,
)
from core.i18n import DomainError
from db import records
from db.attachments import AttachmentStore
from db.database import Database
from db.repositories.tables import EQUIPMENT, EQUIPMENT_TYPES, FAULTS, MAINTENANCE

_LAST = ("(SELECT MAX(m.date) FROM maintenance_records m "
         "WHERE m.equipment_id = e.id AND m.deleted_hlc IS NULL)")
_NEXT = ("(SELECT MAX(m.next_due) FROM maintenance_records m "
         "WHERE m.equipment_id = e.id AND m.deleted_hlc IS NULL)")
_COLUMNS = (
    "e.id, e.code, e.name, e.type_id, e.model, e.manufacturer, e.serial_no, e.area_id, "
    "e.line_id, e.department_id, e.owner_person_id, e.install_date, e.status, e.risk_grade, "
    "e.special, e.inspection_due, e.procedure, e.notes, e.site_id, "
    "COALESCE(t.name, ''), COALESCE(a.name, ''), COALESCE(l.name, ''), COALESCE(d.name, ''), "
    f"COALESCE(p.name, ''), {_LAST}, {_NEXT}"
)
_FROM = (
    " FROM equipment e "
    "LEFT JOIN equipment_types t ON t.id = e.type_id "
    "LEFT JOIN areas a ON a.id = e.area_id "
    "LEFT JOIN lines l ON l.id = e.line_id "
    "LEFT JOIN departments d ON d.id = e.department_id "
    "LEFT JOIN people p ON p.id = e.owner_person_id "
)
_ORDERS = {"code": "e.code", "name": "e.name, e.code", "area": "a.name, e.code",
           "type": "t.name, e.code", "status": "e.status, e.code",
           "risk": "CASE e.risk_grade WHEN 'major' THEN 0 WHEN 'considerable' THEN 1 "
                   "WHEN 'general' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, e.code",
           "inspection_due": "e.inspection_due IS NULL, e.inspection_due, e.code"}
_HISTORY = {"maintenance": MAINTENANCE, "fault": FAULTS}


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _equipment(row: tuple) -> Equipment:
    return Equipment(
        id=row[0], code=row[1], name=row[2], type_id=row[3], model=row[4], manufacturer=row[5],
        serial_no=row[6], area_id=row[7], line_id=row[8], department_id=row[9],
        owner_person_id=row[10], install_date=_date(row[11]), status=row[12],
        risk_grade=row[13], special=bool(row[14]), inspection_due=_date(row[15]),
        procedure=row[16], notes=row[17], site_id=row[18], type_name=row[19],
        area_name=row[20], line_name=row[21], department_name=row[22], owner_name=row[23],
        last_maintenance=_date(row[24]), next_maintenance=_date(row[25]),
    )


class SqliteEquipmentRepository:
    def __init__(self, db: Database, store: AttachmentStore) -> None:
        self.db = db
        self.store = store

    def attach(self, owner_entity: str, owner_id: str, kind: str, path: Any) -> str:
        return self.store.attach(owner_entity, owner_id, kind, Path(path))

    def detach(self, attachment_id: str) -> bool:
        return self.store.remove(attachment_id)

    # -- queries -------------------------------------------------------------------------
    def _where(self, q: EquipmentQuery) -> tuple[str, list[Any]]:
        clauses, params = ["e.deleted_hlc IS NULL"], []
        today = q.today or dt.date.today()
        if q.text.strip():
            clauses.append("instr(e.search_text, ?) > 0")
            params.append(q.text.strip().lower())
        for column, value in (("e.area_id", q.area_id), ("e.type_id", q.type_id),
                              ("e.status", q.status)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if q.risk_grade == "none":
            clauses.append("e.risk_grade IS NULL")
        elif q.risk_grade:
            clauses.append("e.risk_grade = ?")
            params.append(q.risk_grade)
        if q.maintenance_overdue:
            clauses.append(f"{_NEXT} < ?")
            params.append(today.isoformat())
        if q.inspection_due_within is not None:
            clauses.append("e.special = 1 AND e.inspection_due IS NOT NULL "
                           "AND e.inspection_due <= ?")
            params.append((today + dt.timedelta(days=q.inspection_due_within)).isoformat())
        return " WHERE " + " AND ".join(clauses), params

    def search_page(self, query: EquipmentQuery, offset: int = 0, limit: int = 200,
                    order: str = "code") -> tuple[list[Equipment], int]:
        """One page and the total.

        Two steps: the matching row ids of the page and the total come from one scan that
        touches only what filters and ordering need; the joins and the per-row maintenance
        look-ups then run for the page alone (doing them for all 50k rows cost ~130 ms).
        """
        where, params = self._where(query)
        joins = ""
        if order == "area":
            joins = " LEFT JOIN areas a ON a.id = e.area_id"
        elif order == "type":
            joins = " LEFT JOIN equipment_types t ON t.id = e.type_id"
        picked = self.db.conn.execute(
            f"SELECT e.rowid, COUNT(*) OVER () FROM equipment e{joins}{where} "
            f"ORDER BY {_ORDERS.get(order, 'e.code')} LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        if not picked:
            return [], (self.count(query) if offset else 0)
        rowids = [r[0] for r in picked]
        marks = ", ".join("?" * len(rowids))
        found = {r[-1]: _equipment(r) for r in self.db.conn.execute(
            f"SELECT {_COLUMNS}, e.rowid{_FROM} WHERE e.rowid IN ({marks})", rowids)}
        return [found[r] for r in rowids], picked[0][1]

    def count(self, query: EquipmentQuery) -> int:
        where, params = self._where(query)
        return self.db.conn.execute(f"SELECT COUNT(*) FROM equipment e{where}", params).fetchone()[0]

    def iter_all(self, query: EquipmentQuery) -> Iterator[Equipment]:
        """Stream every match in code order (exports, label batches): never a full list."""
        where, params = self._where(query)
        cur = self.db.conn.cursor()
        cur.execute(f"SELECT {_COLUMNS}{_FROM}{where} ORDER BY e.code", params)
        try:
            while batch := cur.fetchmany(500):
                yield from (_equipment(r) for r in batch)
        finally:
            cur.close()

    def get(self, equipment_id: str) -> Equipment | None:
        row = self.db.conn.execute(
            f"SELECT {_COLUMNS}{_FROM} WHERE e.id = ? AND e.deleted_hlc IS NULL", (equipment_id,)
        ).fetchone()
        return _equipment(row) if row else None

    def find_by_code(self, code: str, include_deleted: bool = False) -> Equipment | None:
        live = "" if include_deleted else " AND e.deleted_hlc IS NULL"
        row = self.db.conn.execute(
            f"SELECT {_COLUMNS}{_FROM} WHERE e.code = ?{live} "
            "ORDER BY e.deleted_hlc IS NOT NULL LIMIT 1", (code,)
        ).fetchone()
        return _equipment(row) if row else None

    def ids_by_code(self, codes: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        wanted = list(dict.fromkeys(codes))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            out.update(self.db.conn.execute(
                f"SELECT code, id FROM equipment WHERE deleted_hlc IS NULL AND code IN ({marks})",
                chunk).fetchall())
        return out

    def codes_like(self, prefix: str) -> list[str]:
        # Tombstoned codes count too: a reprinted old label must never name a new machine.
        return [r[0] for r in self.db.conn.execute(
            "SELECT code FROM equipment WHERE substr(code, 1, ?) = ?", (len(prefix), prefix))]

    # -- writes --------------------------------------------------------------------------
    def add(self, values: Mapping[str, Any]) -> str:
        return records.insert(self.db, EQUIPMENT, values)

    def update(self, equipment_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        return records.update(self.db, EQUIPMENT, equipment_id, changes)

    def remove(self, equipment_id: str) -> bool:
        return records.tombstone(self.db, EQUIPMENT, equipment_id)

    def upsert_many(self, creates: list[dict[str, Any]],
                    updates: list[tuple[str, dict[str, Any]]]) -> tuple[int, int]:
        changed = 0
        with self.db.transaction():
            records.insert_many(self.db, EQUIPMENT, creates)
            for item_id, values in updates:
                if records.update(self.db, EQUIPMENT, item_id, values):
                    changed += 1
        return len(creates), changed

    # -- history -------------------------------------------------------------------------
    def maintenance(self, equipment_id: str) -> list[MaintenanceRecord]:
        return [MaintenanceRecord(r[0], r[1], _date(r[2]), r[3], r[4], r[5], _date(r[6]))
                for r in self.db.conn.execute(
                    "SELECT id, equipment_id, date, kind, performed_by, notes, next_due "
                    "FROM maintenance_records WHERE equipment_id = ? AND deleted_hlc IS NULL "
                    "ORDER BY date DESC, created_hlc DESC", (equipment_id,))]

    def faults(self, equipment_id: str) -> list[FaultRecord]:
        return [FaultRecord(r[0], r[1], _date(r[2]), r[3], r[4], r[5], r[6])
                for r in self.db.conn.execute(
                    "SELECT id, equipment_id, date, symptom, cause, downtime_hours, fix "
                    "FROM fault_records WHERE equipment_id = ? AND deleted_hlc IS NULL "
                    "ORDER BY date DESC, created_hlc DESC", (equipment_id,))]

    def attachments(self, equipment_id: str) -> list[Attachment]:
        return [Attachment(*r) for r in self.db.conn.execute(
            "SELECT id, kind, sha256, filename, mime, size FROM attachments "
            "WHERE owner_entity = 'equipment' AND owner_id = ? AND deleted_hlc IS NULL "
            "ORDER BY created_hlc", (equipment_id,))]

    def add_maintenance(self, values: Mapping[str, Any]) -> str:
        return records.insert(self.db, MAINTENANCE, values)

    def add_fault(self, values: Mapping[str, Any]) -> str:
        return records.insert(self.db, FAULTS, values)

    def remove_history(self, kind: str, record_id: str) -> bool:
        if kind not in _HISTORY:
            raise DomainError("db.not_found")
        return records.tombstone(self.db, _HISTORY[kind], record_id)

    # -- types ---------------------------------------------------------------------------
    def types(self) -> list[dict[str, Any]]:
        cur = self.db.conn.execute(
            "SELECT id, code, name, special FROM equipment_types WHERE deleted_hlc IS NULL "
            "ORDER BY code")
        return [{"id": r[0], "code": r[1], "name": r[2], "special": bool(r[3])} for r in cur]

    def add_type(self, values: Mapping[str, Any]) -> str:
        return records.insert(self.db, EQUIPMENT_TYPES, values)

    def update_type(self, type_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        return records.update(self.db, EQUIPMENT_TYPES, type_id, changes)
