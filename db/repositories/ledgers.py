"""Reads for the ledgers and forms (F10): events, photos and inspections of a period, in bulk.

A ledger of 10,000 hazards must not run 10,000 queries: events and attachments of every hazard
found in the period come back in one scan each, grouped by hazard.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from core.workflow import Event
from db.database import Database

_FOUND = "h.deleted_hlc IS NULL AND h.found_at >= ? AND h.found_at < ?"


def _bounds(start: dt.date | None, end: dt.date | None) -> tuple[str, str]:
    """found_at is local ISO text: compare as text, the end day inclusive."""
    return ((start or dt.date(1900, 1, 1)).isoformat(),
            ((end or dt.date(9998, 12, 30)) + dt.timedelta(days=1)).isoformat())


@dataclass(frozen=True)
class InspectionLine:
    started_at: dt.datetime
    area: str
    equipment_code: str
    equipment_name: str
    checklist: str
    inspector: str
    item_count: int
    ok_count: int
    failed_count: int
    na_count: int
    failed_items: str  # "item text → YH-2025-0012" lines
    note: str
    complete: bool


class SqliteLedgerRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def events_by_hazard(self, start: dt.date | None,
                         end: dt.date | None) -> dict[str, list[Event]]:
        """Every event of every hazard found in [start, end], in clock order per hazard."""
        out: dict[str, list[Event]] = defaultdict(list)
        parse = dt.datetime.fromisoformat
        cur = self.db.conn.execute(
            "SELECT e.id, e.hazard_id, e.kind, e.payload, e.actor_id, e.actor_name, e.at, e.hlc, "
            "e.device FROM hazard_events e JOIN hazards h ON h.id = e.hazard_id "
            f"WHERE {_FOUND} ORDER BY e.hazard_id, e.hlc, e.device, e.id", _bounds(start, end))
        while chunk := cur.fetchmany(20_000):
            payloads = json.loads("[" + ",".join(r[3] for r in chunk) + "]")
            for r, payload in zip(chunk, payloads, strict=True):
                out[r[1]].append(Event(r[0], r[1], r[2], payload, r[4], r[5], parse(r[6]), r[7],
                                       r[8]))
        return out

    def photos_by_hazard(self, start: dt.date | None,
                         end: dt.date | None) -> dict[str, list[tuple[str, str]]]:
        """(kind, sha256) of the image attachments of hazards found in [start, end]."""
        out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for owner, kind, sha in self.db.conn.execute(
                "SELECT a.owner_id, a.kind, a.sha256 FROM attachments a "
                "JOIN hazards h ON h.id = a.owner_id WHERE a.owner_entity = 'hazard' "
                f"AND a.deleted_hlc IS NULL AND {_FOUND} ORDER BY a.created_hlc",
                _bounds(start, end)):
            out[owner].append((kind, sha))
        return out

    def hazard_id(self, number: str) -> str | None:
        row = self.db.conn.execute(
            "SELECT id FROM hazards WHERE number = ? AND deleted_hlc IS NULL "
            "ORDER BY created_hlc LIMIT 1", (number.strip(),)).fetchone()
        return row[0] if row else None

    def user_name(self, user_id: str | None) -> str:
        if not user_id:
            return ""
        row = self.db.conn.execute("SELECT display_name FROM users WHERE id = ?",
                                   (user_id,)).fetchone()
        return row[0] if row else ""

    def find_area(self, text: str) -> tuple[str, str] | None:
        """(id, name) of the area whose code or name is ``text``."""
        return self.db.conn.execute(
            "SELECT id, name FROM areas WHERE deleted_hlc IS NULL AND (code = ? OR name = ?) "
            "ORDER BY code LIMIT 1", (text.strip(), text.strip())).fetchone()

    def find_equipment(self, code: str) -> tuple[str, str] | None:
        """(id, "code name") of the equipment with that code."""
        row = self.db.conn.execute(
            "SELECT id, code || ' ' || name FROM equipment WHERE deleted_hlc IS NULL "
            "AND code = ? LIMIT 1", (code.strip(),)).fetchone()
        return (row[0], row[1]) if row else None

    def areas(self) -> list[tuple[str, str]]:
        """(code, name) for the reports page's chooser."""
        return self.db.conn.execute(
            "SELECT code, name FROM areas WHERE deleted_hlc IS NULL ORDER BY code").fetchall()

    def inspected_equipment(self) -> list[tuple[str, str]]:
        """(code, name) of equipment that has inspections, for the chooser."""
        return self.db.conn.execute(
            "SELECT e.code, e.name FROM equipment e WHERE e.deleted_hlc IS NULL AND EXISTS "
            "(SELECT 1 FROM inspections i WHERE i.equipment_id = e.id) ORDER BY e.code"
        ).fetchall()

    def inspections(self, start: dt.date | None, end: dt.date | None,
                    area_id: str | None = None,
                    equipment_id: str | None = None) -> Iterator[InspectionLine]:
        """Inspections in [start, end] oldest first, with their failed items and hazards."""
        clauses = ["i.deleted_hlc IS NULL", "i.started_at >= ?", "i.started_at < ?"]
        params: list[object] = list(_bounds(start, end))
        if area_id:
            clauses.append("e.area_id = ?")
            params.append(area_id)
        if equipment_id:
            clauses.append("i.equipment_id = ?")
            params.append(equipment_id)
        cur = self.db.conn.execute(
            "SELECT i.started_at, COALESCE(a.name, ''), COALESCE(e.code, ''), "
            "COALESCE(e.name, ''), COALESCE(c.name, ''), i.inspector_name, i.item_count, "
            "i.ok_count, i.failed_count, i.na_count, COALESCE(i.note, ''), "
            "(SELECT group_concat(r.position || '. ' || r.item_text || "
            "   COALESCE(' → ' || h.number, ''), char(10)) FROM inspection_results r "
            "   LEFT JOIN hazards h ON h.id = r.hazard_id "
            "   WHERE r.inspection_id = i.id AND r.outcome = 'fail' AND r.deleted_hlc IS NULL) "
            "FROM inspections i LEFT JOIN equipment e ON e.id = i.equipment_id "
            "LEFT JOIN areas a ON a.id = e.area_id "
            "LEFT JOIN checklist_templates c ON c.id = i.template_id "
            f"WHERE {' AND '.join(clauses)} ORDER BY i.started_at, i.id", params)
        while chunk := cur.fetchmany(1000):
            for r in chunk:
                yield InspectionLine(dt.datetime.fromisoformat(r[0]), r[1], r[2], r[3], r[4],
                                     r[5] or "", r[6], r[7], r[8], r[9], r[11] or "", r[10],
                                     r[7] + r[8] + r[9] >= r[6])
