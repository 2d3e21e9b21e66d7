"""Warnings, their events, key monitoring, MES alarms and mappings, sensor anomalies in SQLite."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from core.hazards import HAZARD_TYPES
from core.ids import deterministic_id
from core.warning_rules import MES
from core.warnings import (
    CLOSED,
    MachinePlace,
    Monitored,
    WarningEvent,
    WarningItem,
    WarningQuery,
    fold,
)
from db import records
from db.database import Database
from db.repositories.risk import follow_equipment_grade
from db.repositories.tables import (
    EQUIPMENT,
    KEY_MONITORING,
    MES_ALARMS,
    MES_MAPPINGS,
    SENSOR_ANOMALIES,
    WARNING_EVENTS,
    WARNINGS,
)

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
_JSON_FIELDS = ("params", "evidence")
_W_COLUMNS = ("id, rule, severity, subject_kind, subject_id, key, params, evidence, first_seen, "
              "last_seen")
_E_COLUMNS = "id, warning_id, kind, hazard_id, actor_id, actor_name, COALESCE(note, ''), at, created_hlc"
ALARM_NAMESPACE = "safedesk:mes_alarm"
ANOMALY_NAMESPACE = "safedesk:sensor_anomaly"
MAPPING_NAMESPACE = "safedesk:mes_mapping"


def _chunks(items: Sequence[str], size: int = 900) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class SqliteWarningRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.db.transaction() as conn:
            yield conn

    # -- what the rules read ---------------------------------------------------------------
    def rule_hazards(self, since: dt.datetime) -> list[tuple]:
        """(id, type, area_id, line_id, equipment_id, found_at) found since ``since``; merged
        duplicates and rejected reports are not hazards of their own. The covering index
        hazards_rules answers the range without touching the table; the few merged/rejected
        ids come from the state cache's step index (cheaper than joining every row)."""
        skip = {r[0] for r in self.db.conn.execute(
            "SELECT hazard_id FROM hazard_state WHERE step IN ('merged', 'rejected')")}
        rows = self.db.conn.execute(
            "SELECT id, type, area_id, line_id, equipment_id, found_at FROM hazards "
            "INDEXED BY hazards_rules WHERE found_at >= ? AND deleted_hlc IS NULL",
            (since.isoformat(),)).fetchall()
        return [r for r in rows if r[0] not in skip] if skip else rows

    def mes_alarms(self, since: dt.datetime) -> list[tuple]:
        return self.db.conn.execute(
            "SELECT id, equipment_id, at, kind, value FROM mes_alarms "
            "WHERE at >= ? AND deleted_hlc IS NULL", (since.isoformat(),)).fetchall()

    def anomalies(self, since: dt.datetime) -> list[tuple]:
        return self.db.conn.execute(
            "SELECT id, equipment_id, signal, kind, start_at, end_at, peak_score, baseline, "
            "peak_value FROM sensor_anomalies WHERE end_at >= ? AND deleted_hlc IS NULL",
            (since.isoformat(),)).fetchall()

    # -- warnings --------------------------------------------------------------------------
    def _events_of(self, ids: Sequence[str]) -> dict[str, list[WarningEvent]]:
        out: dict[str, list[WarningEvent]] = {}
        for part in _chunks(list(ids)):
            marks = ",".join("?" * len(part))
            for r in self.db.conn.execute(
                    f"SELECT {_E_COLUMNS} FROM warning_events WHERE warning_id IN ({marks}) "
                    "AND deleted_hlc IS NULL", tuple(part)):
                out.setdefault(r[1], []).append(WarningEvent(*r))
        return out

    def _items(self, rows: list[tuple]) -> list[WarningItem]:
        events = self._events_of([r[0] for r in rows])
        items = [WarningItem(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]),
                             json.loads(r[7]), r[8], r[9], fold(events.get(r[0], [])))
                 for r in rows]
        # A forced stop's hazard number is shown as the hazard has it now: two PCs that
        # raised the same stop offline numbered it each from their own sequence, and after
        # sync the hazard row keeps one of them (the warning's params may keep the other).
        linked = {w.id: w.state.hazard_ids[0] for w in items
                  if w.rule == MES and w.state.hazard_ids}
        numbers: dict[str, str] = {}
        for part in _chunks(sorted(set(linked.values()))):
            numbers.update(self.db.conn.execute(
                f"SELECT id, number FROM hazards WHERE id IN ({','.join('?' * len(part))})",
                tuple(part)).fetchall())
        for w in items:
            if numbers.get(linked.get(w.id, "")):
                w.params["number"] = numbers[linked[w.id]]
        return items

    def warnings(self, keys: Iterable[str] | None = None,
                 query: WarningQuery | None = None) -> list[WarningItem]:
        base = f"SELECT {_W_COLUMNS} FROM warnings WHERE deleted_hlc IS NULL"
        if keys is not None:
            wanted = sorted(set(keys))
            rows = []
            for part in _chunks(wanted):
                rows += self.db.conn.execute(
                    base + f" AND key IN ({','.join('?' * len(part))})", tuple(part)).fetchall()
            return self._items(rows)
        query = query or WarningQuery()
        sql, args = base, []
        if query.rule:
            sql, args = sql + " AND rule = ?", [*args, query.rule]
        if query.severity:
            sql, args = sql + " AND severity = ?", [*args, query.severity]
        items = self._items(self.db.conn.execute(sql, args).fetchall())
        return [w for w in items if w.active] if query.active_only else items

    def get(self, warning_id: str) -> WarningItem | None:
        rows = self.db.conn.execute(
            f"SELECT {_W_COLUMNS} FROM warnings WHERE id = ? AND deleted_hlc IS NULL",
            (warning_id,)).fetchall()
        return self._items(rows)[0] if rows else None

    def active_count(self) -> int:
        # A warning is closed when its folded state says so; events are few per warning.
        rows = self.db.conn.execute(
            "SELECT id FROM warnings WHERE deleted_hlc IS NULL").fetchall()
        events = self._events_of([r[0] for r in rows])
        return sum(1 for (wid,) in rows if fold(events.get(wid, [])).state != CLOSED)

    @staticmethod
    def _encode(values: Mapping[str, Any]) -> dict[str, Any]:
        return {k: _dumps(v) if k in _JSON_FIELDS and not isinstance(v, str) else v
                for k, v in values.items()}

    def add_warning(self, values: Mapping[str, Any], row_id: str | None = None) -> str:
        return records.insert(self.db, WARNINGS, self._encode(values), row_id)

    def update_warning(self, warning_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        return records.update(self.db, WARNINGS, warning_id, self._encode(changes))

    def add_event(self, values: Mapping[str, Any], row_id: str | None = None) -> str:
        return records.insert(self.db, WARNING_EVENTS, values, row_id)

    def events(self, warning_id: str) -> list[WarningEvent]:
        return self._events_of([warning_id]).get(warning_id, [])

    def subject_names(self, kind: str, ids: Iterable[str]) -> dict[str, str]:
        ids = list(ids)
        if kind == "type":
            return {i: HAZARD_TYPES.get(i, (i, i))[0] for i in ids}
        sql = {
            "area": "SELECT id, name FROM areas WHERE id IN ({})",
            "line": "SELECT l.id, COALESCE(a.name || ' · ', '') || l.name FROM lines l "
                    "LEFT JOIN areas a ON a.id = l.area_id WHERE l.id IN ({})",
            "equipment": "SELECT id, code || ' ' || name FROM equipment WHERE id IN ({})",
        }[kind]
        out = {}
        for part in _chunks(ids):
            out.update(self.db.conn.execute(sql.format(",".join("?" * len(part))),
                                            tuple(part)).fetchall())
        return out

    # -- machines ----------------------------------------------------------------------------
    def machine(self, equipment_id: str) -> MachinePlace | None:
        row = self.db.conn.execute(
            "SELECT code, name, area_id, line_id FROM equipment WHERE id = ?",
            (equipment_id,)).fetchone()
        return MachinePlace(*row) if row else None

    def mark_high_risk(self, equipment_id: str) -> None:
        records.update(self.db, EQUIPMENT, equipment_id, {"risk_grade": "major"})

    def add_monitoring(self, values: Mapping[str, Any], row_id: str | None = None) -> str:
        return records.insert(self.db, KEY_MONITORING, values, row_id)

    def monitored(self, active_only: bool = True) -> list[Monitored]:
        sql = ("SELECT k.id, k.equipment_id, COALESCE(e.code, ''), COALESCE(e.name, ''), "
               "COALESCE(a.name, ''), k.reason, k.since, k.rule, k.warning_id, k.active "
               "FROM key_monitoring k LEFT JOIN equipment e ON e.id = k.equipment_id "
               "LEFT JOIN areas a ON a.id = e.area_id WHERE k.deleted_hlc IS NULL")
        if active_only:
            sql += " AND k.active = 1"
        rows = self.db.conn.execute(sql + " ORDER BY k.since DESC, e.code").fetchall()
        return [Monitored(*r[:9], bool(r[9])) for r in rows]

    def set_monitoring_active(self, row_id: str, active: bool) -> None:
        with self.db.transaction():
            records.update(self.db, KEY_MONITORING, row_id, {"active": 1 if active else 0})
            row = self.db.conn.execute("SELECT equipment_id FROM key_monitoring WHERE id = ?",
                                       (row_id,)).fetchone()
            if row is not None and not active:
                # Ending an MES monitoring hands the grade back to the machine's risk points.
                follow_equipment_grade(self.db, row[0])

    # -- MES -------------------------------------------------------------------------------
    def equipment_codes(self) -> dict[str, str]:
        return dict(self.db.conn.execute(
            "SELECT code, id FROM equipment WHERE deleted_hlc IS NULL").fetchall())

    def mes_mappings(self) -> dict[str, str]:
        return dict(self.db.conn.execute(
            "SELECT mes_id, equipment_id FROM mes_mappings WHERE deleted_hlc IS NULL").fetchall())

    def save_mappings(self, mapping: Mapping[str, str]) -> int:
        """MES id -> equipment id; one row per MES id (deterministic id), changed ones updated."""
        current = self.mes_mappings()
        new = {m: e for m, e in mapping.items() if m not in current}
        with self.db.transaction():
            for mes_id, equipment_id in mapping.items():
                if mes_id in current and current[mes_id] != equipment_id:
                    records.update(self.db, MES_MAPPINGS, deterministic_id(MAPPING_NAMESPACE, mes_id),
                                   {"equipment_id": equipment_id})
            records.insert_many(self.db, MES_MAPPINGS,
                                [{"mes_id": m, "equipment_id": e} for m, e in new.items()],
                                [deterministic_id(MAPPING_NAMESPACE, m) for m in new])
        return len(new)

    @staticmethod
    def alarm_id(mes_id: str, at: str, kind: str) -> str:
        return deterministic_id(ALARM_NAMESPACE, mes_id, at, kind)

    def existing_ids(self, table: str, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for part in _chunks(list(ids)):
            found.update(r[0] for r in self.db.conn.execute(
                f"SELECT id FROM {table} WHERE id IN ({','.join('?' * len(part))})", tuple(part)))
        return found

    def add_alarms(self, rows: Sequence[Mapping[str, Any]]) -> tuple[int, int]:
        """Insert alarms not stored yet; returns (added, already there)."""
        ids = [self.alarm_id(r["mes_id"], r["at"], r["kind"]) for r in rows]
        seen = self.existing_ids("mes_alarms", ids)
        fresh, fresh_ids = [], []
        for row, row_id in zip(rows, ids, strict=True):
            if row_id not in seen:
                seen.add(row_id)
                fresh.append(row)
                fresh_ids.append(row_id)
        records.insert_many(self.db, MES_ALARMS, fresh, fresh_ids)
        return len(fresh), len(rows) - len(fresh)

    def alarms_by_id(self, ids: Sequence[str]) -> list[tuple[str, str, str, float | None]]:
        """(id, at, kind, value) of these alarms, oldest first."""
        out: list[tuple] = []
        for part in _chunks(list(ids)):
            out += self.db.conn.execute(
                f"SELECT id, at, kind, value FROM mes_alarms WHERE id IN "
                f"({','.join('?' * len(part))})", tuple(part)).fetchall()
        return sorted(out, key=lambda r: r[1])

    def alarms_of(self, equipment_id: str, limit: int = 200) -> list[tuple]:
        return self.db.conn.execute(
            "SELECT id, at, kind, value FROM mes_alarms WHERE equipment_id = ? "
            "AND deleted_hlc IS NULL ORDER BY at DESC LIMIT ?", (equipment_id, limit)).fetchall()

    # -- sensors ---------------------------------------------------------------------------
    def add_anomalies(self, rows: Sequence[Mapping[str, Any]]) -> int:
        ids = [deterministic_id(ANOMALY_NAMESPACE, r["equipment_id"], r["signal"], r["start_at"])
               for r in rows]
        seen = self.existing_ids("sensor_anomalies", ids)
        fresh = [(r, i) for r, i in zip(rows, ids, strict=True) if i not in seen]
        records.insert_many(self.db, SENSOR_ANOMALIES, [r for r, _ in fresh], [i for _, i in fresh])
        return len(fresh)

    def anomaly(self, anomaly_id: str) -> dict[str, Any] | None:
        row = records.fetch_row(self.db, SENSOR_ANOMALIES, anomaly_id)
        return row

    def note_series(self, equipment_id: str, signal: str, first_at: str, last_at: str,
                    count: int) -> None:
        """Remember (locally) that this PC holds readings of a series, not yet analysed."""
        self.db.conn.execute(
            "INSERT INTO sensor_series (equipment_id, signal, first_at, last_at, count, analysed) "
            "VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT (equipment_id, signal) DO UPDATE SET "
            "first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at), "
            "count = excluded.count, analysed = 0",
            (equipment_id, signal, first_at, last_at, count))

    def series(self, pending_only: bool = False) -> list[tuple[str, str, str, str, int, bool]]:
        sql = ("SELECT equipment_id, signal, first_at, last_at, count, analysed "
               "FROM sensor_series")
        if pending_only:
            sql += " WHERE analysed = 0"
        return [(*r[:5], bool(r[5])) for r in self.db.conn.execute(sql + " ORDER BY 1, 2")]

    def reanalyse_series(self) -> None:
        self.db.conn.execute("UPDATE sensor_series SET analysed = 0")

    def mark_analysed(self, equipment_id: str, signal: str) -> None:
        self.db.conn.execute("UPDATE sensor_series SET analysed = 1 WHERE equipment_id = ? "
                             "AND signal = ?", (equipment_id, signal))
