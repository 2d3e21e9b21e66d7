"""Checklist templates, schedules, inspection runs and their results in SQLite."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.equipment import Equipment
from core.inspections import (
    ChecklistItem,
    ChecklistTemplate,
    DueCandidate,
    InspectionQuery,
    InspectionResult,
    InspectionSummary,
    Schedule,
)
from db import records
from db.attachments import AttachmentStore
from db.database import Database
from db.repositories.equipment import SqliteEquipmentRepository
from db.repositories.tables import (
    CHECKLIST_ITEMS,
    CHECKLIST_TEMPLATES,
    INSPECTION_RESULTS,
    INSPECTION_SCHEDULES,
    INSPECTIONS,
)

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


def _ts(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


_SUMMARY = (
    "i.id, i.equipment_id, COALESCE(e.code, ''), COALESCE(e.name, ''), i.template_id, "
    "COALESCE(c.name, ''), i.inspector_user_id, i.inspector_person_id, i.inspector_name, "
    "i.started_at, i.finished_at, i.note, i.item_count, i.ok_count, i.failed_count, i.na_count, "
    "i.proper"
)
_SUMMARY_FROM = (" FROM inspections i LEFT JOIN equipment e ON e.id = i.equipment_id "
                 "LEFT JOIN checklist_templates c ON c.id = i.template_id ")


def _summary(r: tuple) -> InspectionSummary:
    return InspectionSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8],
                             dt.datetime.fromisoformat(r[9]), _ts(r[10]), r[11], r[12], r[13],
                             r[14], r[15], bool(r[16]))


# The latest complete inspection of a machine up to a day: walks the (equipment, started_at)
# index backwards and stops at the first complete run.
_LAST = ("(SELECT substr(i.started_at, 1, 10) FROM inspections i WHERE i.equipment_id = e.id "
         "AND i.deleted_hlc IS NULL AND i.started_at < ? "
         "AND i.ok_count + i.failed_count + i.na_count >= i.item_count "
         "ORDER BY i.started_at DESC LIMIT 1)")
_DUE_COLUMNS = (
    "s.id, s.equipment_id IS NOT NULL, s.frequency, s.start_date, e.id, e.code, e.name, "
    "e.type_id, COALESCE(t.name, ''), COALESCE(a.name, ''), COALESCE(l.name, ''), "
    f"e.install_date, {_LAST}"
)
_DUE_FROM = (" LEFT JOIN equipment_types t ON t.id = e.type_id "
             "LEFT JOIN areas a ON a.id = e.area_id LEFT JOIN lines l ON l.id = e.line_id "
             "WHERE s.active = 1 AND s.deleted_hlc IS NULL AND e.deleted_hlc IS NULL "
             "AND e.status = 'in_service'")


class SqliteInspectionRepository:
    def __init__(self, db: Database, store: AttachmentStore,
                 equipment: SqliteEquipmentRepository) -> None:
        self.db = db
        self.store = store
        self.equipment_repo = equipment

    @contextmanager
    def atomic(self) -> Iterator[None]:
        with self.db.transaction():
            yield

    # -- equipment look-ups --------------------------------------------------------------
    def equipment(self, equipment_id: str) -> Equipment | None:
        return self.equipment_repo.get(equipment_id)

    def type_info(self, type_id: str) -> tuple[str, str] | None:
        row = self.db.conn.execute(
            "SELECT code, name FROM equipment_types WHERE id = ? AND deleted_hlc IS NULL",
            (type_id,)).fetchone()
        return (row[0], row[1]) if row else None

    # -- checklists ----------------------------------------------------------------------
    def _templates(self, where: str, params: tuple) -> list[ChecklistTemplate]:
        heads = self.db.conn.execute(
            "SELECT c.id, c.type_id, c.name, COALESCE(t.code, ''), COALESCE(t.name, '') "
            "FROM checklist_templates c LEFT JOIN equipment_types t ON t.id = c.type_id "
            f"WHERE c.deleted_hlc IS NULL{where} ORDER BY t.code, c.id", params).fetchall()
        if not heads:
            return []
        ids = [h[0] for h in heads]
        items: dict[str, list[ChecklistItem]] = {i: [] for i in ids}
        marks = ", ".join("?" * len(ids))
        for r in self.db.conn.execute(
                "SELECT id, template_id, position, text, guidance, hazard_type FROM checklist_items "
                f"WHERE deleted_hlc IS NULL AND template_id IN ({marks}) "
                "ORDER BY template_id, position, id", ids):
            items[r[1]].append(ChecklistItem(*r))
        return [ChecklistTemplate(h[0], h[1], h[2], tuple(items[h[0]]), h[3], h[4]) for h in heads]

    def templates(self) -> list[ChecklistTemplate]:
        return self._templates("", ())

    def template(self, template_id: str) -> ChecklistTemplate | None:
        found = self._templates(" AND c.id = ?", (template_id,))
        return found[0] if found else None

    def template_for_type(self, type_id: str) -> ChecklistTemplate | None:
        """The type's checklist; should two PCs each have made one offline, the earlier wins
        (ids are UUIDv7, ordered by creation)."""
        found = self._templates(" AND c.type_id = ?", (type_id,))
        return min(found, key=lambda t: t.id) if found else None

    def add_template(self, values: Mapping[str, Any]) -> str:
        return records.insert(self.db, CHECKLIST_TEMPLATES, values)

    def update_template(self, template_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        return records.update(self.db, CHECKLIST_TEMPLATES, template_id, changes)

    def remove_template(self, template_id: str) -> bool:
        with self.db.transaction():
            for (item_id,) in self.db.conn.execute(
                    "SELECT id FROM checklist_items WHERE template_id = ? AND deleted_hlc IS NULL",
                    (template_id,)).fetchall():
                records.tombstone(self.db, CHECKLIST_ITEMS, item_id)
            return records.tombstone(self.db, CHECKLIST_TEMPLATES, template_id)

    def add_items(self, rows: list[dict[str, Any]]) -> list[str]:
        return records.insert_many(self.db, CHECKLIST_ITEMS, rows)

    def update_item(self, item_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        return records.update(self.db, CHECKLIST_ITEMS, item_id, changes)

    def remove_item(self, item_id: str) -> bool:
        return records.tombstone(self.db, CHECKLIST_ITEMS, item_id)

    # -- schedules -----------------------------------------------------------------------
    def _schedules(self, where: str, params: tuple) -> list[Schedule]:
        return [Schedule(r[0], r[1], r[2], r[3], dt.date.fromisoformat(r[4]), bool(r[5]),
                         r[6], r[7], r[8]) for r in self.db.conn.execute(
            "SELECT s.id, s.equipment_id, s.type_id, s.frequency, s.start_date, s.active, "
            "COALESCE(e.code, ''), COALESCE(e.name, ''), COALESCE(t.name, '') "
            "FROM inspection_schedules s LEFT JOIN equipment e ON e.id = s.equipment_id "
            "LEFT JOIN equipment_types t ON t.id = COALESCE(s.type_id, e.type_id) "
            f"WHERE s.deleted_hlc IS NULL{where} "
            "ORDER BY s.equipment_id IS NOT NULL, t.name, e.code", params)]

    def schedules(self) -> list[Schedule]:
        return self._schedules("", ())

    def schedule(self, schedule_id: str) -> Schedule | None:
        found = self._schedules(" AND s.id = ?", (schedule_id,))
        return found[0] if found else None

    def add_schedule(self, values: Mapping[str, Any]) -> str:
        return records.insert(self.db, INSPECTION_SCHEDULES, values)

    def update_schedule(self, schedule_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        return records.update(self.db, INSPECTION_SCHEDULES, schedule_id, changes)

    def remove_schedule(self, schedule_id: str) -> bool:
        return records.tombstone(self.db, INSPECTION_SCHEDULES, schedule_id)

    def due_candidates(self, as_of: dt.date) -> list[DueCandidate]:
        """Every (active schedule, in-service machine) pair with the machine's latest complete
        inspection up to ``as_of``: a machine's own schedules and its type's."""
        end = (as_of + dt.timedelta(days=1)).isoformat()
        rows = self.db.conn.execute(
            f"SELECT {_DUE_COLUMNS} FROM inspection_schedules s "
            f"JOIN equipment e ON e.id = s.equipment_id{_DUE_FROM} "
            f"UNION ALL SELECT {_DUE_COLUMNS} FROM inspection_schedules s "
            f"JOIN equipment e ON e.type_id = s.type_id{_DUE_FROM} AND s.equipment_id IS NULL",
            (end, end)).fetchall()
        return [DueCandidate(r[0], bool(r[1]), r[2], dt.date.fromisoformat(r[3]), r[4], r[5],
                             r[6], r[7], r[8], r[9], r[10], _date(r[11]), _date(r[12]))
                for r in rows]

    # -- runs ----------------------------------------------------------------------------
    def proper_count(self, equipment_id: str, day: dt.date) -> int:
        return self.db.conn.execute(
            "SELECT COUNT(*) FROM inspections WHERE equipment_id = ? AND deleted_hlc IS NULL "
            "AND proper = 1 AND started_at >= ? AND started_at < ?",
            (equipment_id, day.isoformat(), (day + dt.timedelta(days=1)).isoformat())
        ).fetchone()[0]

    def _store_photos(self, result_id: str, photos: list[Any]) -> list[str]:
        """Put the photo files in the attachment store (owned by the result); their sha256s."""
        shas = []
        for path in photos:
            attachment_id = self.store.attach("inspection_result", result_id, "photo", Path(path))
            shas.append(self.db.conn.execute(
                "SELECT sha256 FROM attachments WHERE id = ?", (attachment_id,)).fetchone()[0])
        return shas

    def save(self, values: Mapping[str, Any], results: list[dict[str, Any]]) -> None:
        """The run and its results in one transaction. A result whose (deterministic) id is
        already stored is updated field by field, so writing an item twice leaves one row."""
        values = dict(values)
        inspection_id = values.pop("id")
        with self.db.transaction():
            if records.fetch_row(self.db, INSPECTIONS, inspection_id) is None:
                records.insert(self.db, INSPECTIONS, values, inspection_id)
            else:
                records.update(self.db, INSPECTIONS, inspection_id, values)
            for result in results:
                row = dict(result)
                row_id = row.pop("id")
                row["photos"] = _dumps(self._store_photos(row_id, list(row.get("photos") or ())))
                if records.fetch_row(self.db, INSPECTION_RESULTS, row_id) is None:
                    records.insert(self.db, INSPECTION_RESULTS, row, row_id)
                else:
                    records.update(self.db, INSPECTION_RESULTS, row_id, row)

    def _where(self, q: InspectionQuery) -> tuple[str, list[Any]]:
        clauses, params = ["i.deleted_hlc IS NULL"], []
        for column, value in (("i.equipment_id", q.equipment_id),
                              ("i.inspector_user_id", q.inspector_user_id),
                              ("i.inspector_person_id", q.inspector_person_id)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if q.date_from:
            clauses.append("i.started_at >= ?")
            params.append(q.date_from.isoformat())
        if q.date_to:
            clauses.append("i.started_at < ?")
            params.append((q.date_to + dt.timedelta(days=1)).isoformat())
        if q.failed_only:
            clauses.append("i.failed_count > 0")
        return " WHERE " + " AND ".join(clauses), params

    def history_page(self, query: InspectionQuery, offset: int = 0,
                     limit: int = 200) -> tuple[list[InspectionSummary], int]:
        """Newest first; the page's row ids and the total from one narrow scan, joins for the
        page only."""
        where, params = self._where(query)
        picked = self.db.conn.execute(
            f"SELECT i.rowid, COUNT(*) OVER () FROM inspections i{where} "
            "ORDER BY i.started_at DESC, i.id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset)).fetchall()
        if not picked:
            total = 0
            if offset:
                total = self.db.conn.execute(
                    f"SELECT COUNT(*) FROM inspections i{where}", params).fetchone()[0]
            return [], total
        rowids = [r[0] for r in picked]
        found = {r[-1]: _summary(r) for r in self.db.conn.execute(
            f"SELECT {_SUMMARY}, i.rowid{_SUMMARY_FROM}"
            f"WHERE i.rowid IN ({', '.join('?' * len(rowids))})", rowids)}
        return [found[r] for r in rowids], picked[0][1]

    def get(self, inspection_id: str) -> InspectionSummary | None:
        row = self.db.conn.execute(
            f"SELECT {_SUMMARY}{_SUMMARY_FROM}WHERE i.id = ? AND i.deleted_hlc IS NULL",
            (inspection_id,)).fetchone()
        return _summary(row) if row else None

    def results(self, inspection_id: str) -> list[InspectionResult]:
        return [InspectionResult(r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                                 tuple(json.loads(r[7] or "[]")), r[8], r[9])
                for r in self.db.conn.execute(
            "SELECT r.id, r.inspection_id, r.item_id, r.position, r.item_text, r.outcome, r.note, "
            "r.photos, r.hazard_id, COALESCE(h.number, '') FROM inspection_results r "
            "LEFT JOIN hazards h ON h.id = r.hazard_id "
            "WHERE r.inspection_id = ? AND r.deleted_hlc IS NULL ORDER BY r.position, r.id",
            (inspection_id,))]
