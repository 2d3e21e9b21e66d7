"""Hazards, their append-only events, the folded-state cache and point awards in SQLite."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from core.equipment import Attachment
from core.hazards import Hazard, HazardQuery, Measures
from core.workflow import OPEN_STEPS, DeadlineRules, Event, HazardState, fold, step_deadline
from db import records
from db.attachments import AttachmentStore
from db.database import Database
from db.repositories.tables import HAZARDS, POINT_AWARDS

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode

_COLUMNS = (
    "h.id, h.number, h.description, h.type, h.grade, h.source, h.area_id, h.line_id, "
    "h.equipment_id, h.location, h.reporter_person_id, h.reporter_name, h.found_at, "
    "s.step, s.step_deadline, s.dispatched_at, s.archived_at, s.department_id, s.rectifier_id, "
    "s.escalation_level, s.conflicts, COALESCE(a.name, ''), COALESCE(l.name, ''), "
    "COALESCE(e.code, ''), COALESCE(d.name, ''), COALESCE(u.display_name, '')"
)
_FROM = (
    " FROM hazards h JOIN hazard_state s ON s.hazard_id = h.id "
    "LEFT JOIN areas a ON a.id = h.area_id LEFT JOIN lines l ON l.id = h.line_id "
    "LEFT JOIN equipment e ON e.id = h.equipment_id "
    "LEFT JOIN departments d ON d.id = s.department_id "
    "LEFT JOIN users u ON u.id = s.rectifier_id "
)
# Whose turn is it? The step's owner: the rectifier while rectifying, the re-checker (or any
# reviewer) while reviewing, the clerk (dispatcher) otherwise.
_MINE = ("((s.step = 'rectify' AND s.rectifier_id = ?) OR "
         "(s.step = 'review' AND (s.reviewer_id = ? OR s.reviewer_id IS NULL) "
         " AND COALESCE(s.rectifier_id, '') != ? AND COALESCE(s.rectified_by, '') != ?))")


def _ts(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _hazard(r: tuple) -> Hazard:
    return Hazard(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
                  _ts(r[12]), r[13], _ts(r[14]), _ts(r[15]), _ts(r[16]), r[17], r[18], r[19],
                  r[20], r[21], r[22], r[23], r[24], r[25])


def _event(r: tuple) -> Event:
    return Event(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5], dt.datetime.fromisoformat(r[6]),
                 r[7], r[8])


_EVENT_COLUMNS = "id, hazard_id, kind, payload, actor_id, actor_name, at, hlc, device"
_REBUILD_BATCH = 20_000


def _loads_all(texts: list[str]) -> list[Any]:
    """Decode many JSON payloads with one call: each stored payload is one JSON value."""
    return json.loads("[" + ",".join(texts) + "]") if texts else []


class SqliteHazardRepository:
    def __init__(self, db: Database, store: AttachmentStore | None = None) -> None:
        self.db = db
        self.store = store

    def attach(self, hazard_id: str, kind: str, path: Any) -> str:
        if self.store is None:
            raise RuntimeError("no attachment store")
        return self.store.attach("hazard", hazard_id, kind, Path(path))

    def attachments(self, hazard_id: str) -> list[Attachment]:
        return [Attachment(*r) for r in self.db.conn.execute(
            "SELECT id, kind, sha256, filename, mime, size FROM attachments "
            "WHERE owner_entity = 'hazard' AND owner_id = ? AND deleted_hlc IS NULL "
            "ORDER BY created_hlc", (hazard_id,))]

    def assignees(self) -> list[tuple[str, str, str, list[str], str | None]]:
        return [(r[0], r[1], r[2], json.loads(r[3]), r[4]) for r in self.db.conn.execute(
            "SELECT id, username, display_name, roles, person_id FROM users "
            "WHERE deleted_hlc IS NULL AND active = 1 ORDER BY display_name")]

    # -- writes --------------------------------------------------------------------------
    def next_number(self, year: int) -> str:
        prefix = f"YH-{year}-"
        row = self.db.conn.execute(
            "SELECT MAX(CAST(substr(number, ?) AS INTEGER)) FROM hazards "
            "WHERE substr(number, 1, ?) = ?", (len(prefix) + 1, len(prefix), prefix)).fetchone()
        return f"{prefix}{(row[0] or 0) + 1:04d}"

    def _insert_event(self, event: Event) -> None:
        payload = _dumps(dict(event.payload))
        self.db.conn.execute(
            f"INSERT INTO hazard_events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event.id, event.hazard_id, event.kind, payload, event.actor_id, event.actor_name,
             event.at.isoformat(), event.hlc, event.device))
        # Events are facts: the outbox carries them whole, to be appended on every replica.
        self.db.conn.execute(
            "INSERT INTO outbox (entity, row_id, op, payload, hlc, device) "
            "VALUES ('hazard_event', ?, 'event', '[]', ?, ?)",
            (event.id, event.hlc, event.device))

    def create(self, values: Mapping[str, Any], event: Event,
               photos: Iterable[tuple[str, Any]] = ()) -> str:
        values = dict(values)
        hazard_id = values.pop("id")
        with self.db.transaction():
            records.insert(self.db, HAZARDS, values, hazard_id)
            self._insert_event(event)
            for kind, path in photos:
                self.attach(hazard_id, kind, path)
            self._store_state(hazard_id, fold([event]), values.get("grade", "general"),
                              DeadlineRules())
        return hazard_id

    def append(self, event: Event, grade: str, rules: DeadlineRules) -> HazardState:
        with self.db.transaction():
            self._insert_event(event)
            state = fold(self.events(event.hazard_id))
            self._store_state(event.hazard_id, state, grade, rules)
        return state

    def _store_state(self, hazard_id: str, state: HazardState, grade: str,
                     rules: DeadlineRules) -> None:
        self.db.conn.execute(
            "INSERT OR REPLACE INTO hazard_state (hazard_id, step, step_started, step_deadline, "
            "dispatched_at, archived_at, department_id, rectifier_id, reviewer_id, rectified_by, "
            "escalation_level, conflicts, rejections, deadline_met) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _state_row(hazard_id, state, grade, rules))

    def rebuild_states(self, rules: DeadlineRules | None = None) -> int:
        """Fold every hazard again (after sync, or to repair the cache); returns the count.

        Events stream in big batches in (hazard, clock) order, so memory stays at one batch;
        each batch's payloads are decoded by a single json.loads (600k separate calls cost
        more than the fold itself); only the cache rows that differ are written."""
        rules = rules or DeadlineRules()
        grades = dict(self.db.conn.execute("SELECT id, grade FROM hazards"))
        rows: list[tuple] = []
        batch: list[Event] = []
        current = None
        parse = dt.datetime.fromisoformat
        cur = self.db.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM hazard_events ORDER BY hazard_id, hlc, device, id")
        try:
            while chunk := cur.fetchmany(_REBUILD_BATCH):
                payloads = _loads_all([r[3] for r in chunk])
                for r, payload in zip(chunk, payloads, strict=True):
                    if r[1] != current:
                        if batch:
                            rows.append(_state_row(current, fold(batch),
                                                   grades.get(current, "general"), rules))
                            batch = []
                        current = r[1]
                    batch.append(Event(r[0], r[1], r[2], payload, r[4], r[5], parse(r[6]),
                                       r[7], r[8]))
        finally:
            cur.close()
        if batch:
            rows.append(_state_row(current, fold(batch), grades.get(current, "general"), rules))
        with self.db.transaction() as conn:
            # Write only what changed: after a sync most states are as they were, and reading
            # the cache is several times cheaper than rewriting it (and its step index).
            cached = {r[0]: r for r in conn.execute("SELECT * FROM hazard_state")}
            gone = cached.keys() - {r[0] for r in rows}
            conn.executemany("DELETE FROM hazard_state WHERE hazard_id = ?",
                             [(h,) for h in gone])
            conn.executemany(
                "INSERT OR REPLACE INTO hazard_state VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [r for r in rows if cached.get(r[0]) != r])
        return len(rows)

    def create_many(self, hazards: list[dict[str, Any]], events: list[Event],
                    rules: DeadlineRules | None = None) -> None:
        """Bulk load (demo plant, benchmarks): one transaction, states folded once at the end."""
        with self.db.transaction() as conn:
            ids = [h.pop("id") for h in hazards]
            records.insert_many(self.db, HAZARDS, hazards, ids)
            conn.executemany(
                f"INSERT INTO hazard_events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(e.id, e.hazard_id, e.kind, _dumps(dict(e.payload)), e.actor_id, e.actor_name,
                  e.at.isoformat(), e.hlc, e.device) for e in events])
            conn.executemany(
                "INSERT INTO outbox (entity, row_id, op, payload, hlc, device) "
                "VALUES ('hazard_event', ?, 'event', '[]', ?, ?)",
                [(e.id, e.hlc, e.device) for e in events])
            self.rebuild_states(rules)

    def award(self, person_id: str, rule: str, points: int, reason: str,
              hazard_id: str | None, at: dt.datetime) -> str:
        return records.insert(self.db, POINT_AWARDS, {
            "person_id": person_id, "rule": rule, "points": points, "reason": reason,
            "hazard_id": hazard_id, "awarded_at": at.replace(microsecond=0).isoformat()})

    # -- reads ---------------------------------------------------------------------------
    def get(self, hazard_id: str) -> Hazard | None:
        row = self.db.conn.execute(
            f"SELECT {_COLUMNS}{_FROM} WHERE h.id = ? AND h.deleted_hlc IS NULL", (hazard_id,)
        ).fetchone()
        return _hazard(row) if row else None

    def events(self, hazard_id: str) -> list[Event]:
        return [_event(r) for r in self.db.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM hazard_events WHERE hazard_id = ? "
            "ORDER BY hlc, device, id", (hazard_id,))]

    def _where(self, q: HazardQuery) -> tuple[str, list[Any]]:
        clauses, params = ["h.deleted_hlc IS NULL"], []
        if q.text.strip():
            clauses.append("instr(h.search_text, ?) > 0")
            params.append(q.text.strip().lower())
        if q.steps:
            clauses.append(f"s.step IN ({', '.join('?' * len(q.steps))})")
            params += list(q.steps)
        for column, value in (("h.grade", q.grade), ("h.area_id", q.area_id),
                              ("h.equipment_id", q.equipment_id), ("h.type", q.type),
                              ("h.source", q.source)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if q.overdue:
            now = (q.now or dt.datetime.now()).replace(microsecond=0).isoformat()
            clauses.append("s.step_deadline IS NOT NULL AND s.step_deadline < ?")
            params.append(now)
        if q.mine:
            clauses.append(_MINE)
            params += [q.mine] * 4
        if q.found_from:
            clauses.append("h.found_at >= ?")
            params.append(q.found_from.isoformat())
        if q.found_to:
            clauses.append("h.found_at < ?")
            params.append((q.found_to + dt.timedelta(days=1)).isoformat())
        return " WHERE " + " AND ".join(clauses), params

    def search_page(self, query: HazardQuery, offset: int = 0,
                    limit: int = 200) -> tuple[list[Hazard], int]:
        """Newest first; page ids and total from one narrow scan, joins for the page only."""
        where, params = self._where(query)
        picked = self.db.conn.execute(
            "SELECT h.rowid, COUNT(*) OVER () FROM hazards h "
            f"JOIN hazard_state s ON s.hazard_id = h.id{where} "
            "ORDER BY h.found_at DESC, h.number DESC LIMIT ? OFFSET ?",
            (*params, limit, offset)).fetchall()
        if not picked:
            total = 0
            if offset:
                total = self.db.conn.execute(
                    "SELECT COUNT(*) FROM hazards h JOIN hazard_state s ON s.hazard_id = h.id"
                    + where, params).fetchone()[0]
            return [], total
        rowids = [r[0] for r in picked]
        found = {r[-1]: _hazard(r) for r in self.db.conn.execute(
            f"SELECT {_COLUMNS}, h.rowid{_FROM} WHERE h.rowid IN ({', '.join('?' * len(rowids))})",
            rowids)}
        return [found[r] for r in rowids], picked[0][1]

    def iter_all(self, query: HazardQuery) -> Iterator[Hazard]:
        where, params = self._where(query)
        cur = self.db.conn.cursor()
        cur.execute(f"SELECT {_COLUMNS}{_FROM}{where} ORDER BY h.found_at, h.number", params)
        try:
            while batch := cur.fetchmany(500):
                yield from (_hazard(r) for r in batch)
        finally:
            cur.close()

    def open_hazards(self) -> Iterable[tuple[Hazard, list[Event]]]:
        marks = ", ".join("?" * len(OPEN_STEPS))
        rows = self.db.conn.execute(
            f"SELECT {_COLUMNS}{_FROM} WHERE s.step IN ({marks}) AND h.deleted_hlc IS NULL",
            OPEN_STEPS).fetchall()
        return [(h, self.events(h.id)) for h in map(_hazard, rows)]

    def measures(self, query: HazardQuery) -> Measures:
        where, params = self._where(query)
        row = self.db.conn.execute(
            "SELECT COUNT(*), "
            "AVG((julianday(s.dispatched_at) - julianday(h.found_at)) * 24), "
            "AVG((julianday(s.archived_at) - julianday(h.found_at)) * 24), "
            "AVG(s.deadline_met) "
            f"FROM hazards h JOIN hazard_state s ON s.hazard_id = h.id{where}", params).fetchone()
        return Measures(row[0], row[1], row[2], row[3])

    def person_of_user(self, user_id: str) -> str | None:
        row = self.db.conn.execute("SELECT person_id FROM users WHERE id = ?", (user_id,)).fetchone()
        return row[0] if row else None

    def user_name(self, user_id: str) -> str:
        row = self.db.conn.execute(
            "SELECT display_name FROM users WHERE id = ?", (user_id,)).fetchone()
        return row[0] if row else ""

    def points(self, since: dt.date, until: dt.date) -> list[tuple[str, str, str, int]]:
        """(person id, name, employee no, total points) in a period, highest first."""
        return self.db.conn.execute(
            "SELECT p.id, p.name, p.employee_no, SUM(a.points) AS total FROM point_awards a "
            "JOIN people p ON p.id = a.person_id WHERE a.deleted_hlc IS NULL "
            "AND a.awarded_at >= ? AND a.awarded_at < ? GROUP BY p.id "
            "ORDER BY total DESC, p.employee_no",
            (since.isoformat(), until.isoformat())).fetchall()

    def awards_of(self, person_id: str) -> list[tuple[str, str, int, str]]:
        """(when, rule, points, reason) newest first: a person's history."""
        return self.db.conn.execute(
            "SELECT awarded_at, rule, points, COALESCE(reason, '') FROM point_awards "
            "WHERE person_id = ? AND deleted_hlc IS NULL ORDER BY awarded_at DESC",
            (person_id,)).fetchall()


def _state_row(hazard_id: str, state: HazardState, grade: str, rules: DeadlineRules) -> tuple:
    deadline = step_deadline(state, grade, rules)
    met = None
    if state.rectified_at is not None:
        met = 1 if state.deadline is None or state.rectified_at <= state.deadline else 0
    iso = lambda t: t.isoformat() if t else None  # noqa: E731
    return (hazard_id, state.step, iso(state.step_started), iso(deadline),
            iso(state.dispatched_at), iso(state.archived_at), state.department_id,
            state.rectifier_id, state.reviewer_id, state.rectified_by, state.escalation_level,
            len(state.conflicts), state.rejections, met)
