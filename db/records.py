"""Sync-ready writes: every insert, update and tombstone stamps its fields and logs an outbox row.

All entity tables share the bookkeeping columns (see migrations/0001_foundation.sql). The
repositories call these functions inside ``Database.transaction()``, so a change and its outbox
row always commit together.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from core.fieldclock import merge
from core.hlc import Stamp
from core.i18n import DomainError
from core.ids import uuid7
from db.database import Database

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass(frozen=True)
class TableSpec:
    entity: str  # the name used in the outbox and by sync ("person")
    table: str  # the SQLite table ("people")
    fields: tuple[str, ...]  # the synced data columns, in table order

    @property
    def columns(self) -> str:
        return ", ".join(self.fields)


BOOKKEEPING = ("id", "created_hlc", "updated_hlc", "device", "deleted_hlc", "clocks")


def _check_fields(spec: TableSpec, values: Mapping[str, Any]) -> None:
    unknown = set(values) - set(spec.fields)
    if unknown:
        raise ValueError(f"{spec.table}: unknown fields {sorted(unknown)}")


def _log(db: Database, spec: TableSpec, row_id: str, op: str, payload: dict, hlc: int) -> None:
    db.conn.execute(
        "INSERT INTO outbox (entity, row_id, op, payload, hlc, device) VALUES (?, ?, ?, ?, ?, ?)",
        (spec.entity, row_id, op, _dumps(payload), hlc, db.device_id),
    )


def insert(db: Database, spec: TableSpec, values: Mapping[str, Any], row_id: str | None = None) -> str:
    """Create a record; every given field is stamped with one new clock value."""
    return insert_many(db, spec, [values], [row_id] if row_id else None)[0]


def insert_many(
    db: Database,
    spec: TableSpec,
    rows: Iterable[Mapping[str, Any]],
    ids: Sequence[str] | None = None,
) -> list[str]:
    """Bulk create (imports, demo data): one executemany per table, still one stamp per row."""
    device = db.device_id
    fields = spec.fields
    records, log, made = [], [], []
    for index, values in enumerate(rows):
        _check_fields(spec, values)
        row_id = ids[index] if ids else uuid7()
        hlc = db.clock.now()
        stamp = [hlc, device]
        clocks = {f: stamp for f in values}
        full = [values.get(f) for f in fields]
        records.append((row_id, hlc, hlc, device, _dumps(clocks), *full))
        payload = {"fields": dict(values), "clocks": clocks}
        log.append((spec.entity, row_id, "upsert", _dumps(payload), hlc, device))
        made.append(row_id)
    if not records:
        return made
    marks = ", ".join("?" * (5 + len(fields)))
    with db.transaction() as conn:
        conn.executemany(
            f"INSERT INTO {spec.table} (id, created_hlc, updated_hlc, device, clocks, "
            f"{spec.columns}) VALUES ({marks})",
            records,
        )
        conn.executemany(
            "INSERT INTO outbox (entity, row_id, op, payload, hlc, device) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            log,
        )
    return made


def fetch_row(db: Database, spec: TableSpec, row_id: str) -> sqlite3.Row | None:
    cur = db.conn.execute(
        f"SELECT id, deleted_hlc, clocks, {spec.columns} FROM {spec.table} WHERE id = ?",
        (row_id,),
    )
    row = cur.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cur.description]
    return dict(zip(names, row, strict=True))  # type: ignore[return-value]


def update(db: Database, spec: TableSpec, row_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Change some fields; only fields whose value really changes are stamped and logged.

    Returns the changed fields (empty when nothing changed) so callers and pages can refresh
    exactly what moved.
    """
    _check_fields(spec, changes)
    with db.transaction() as conn:
        current = fetch_row(db, spec, row_id)
        if current is None or current["deleted_hlc"] is not None:
            raise DomainError("db.not_found")
        changed = {f: v for f, v in changes.items() if current[f] != v}
        if not changed:
            return {}
        hlc = db.clock.now()
        stamp = [hlc, db.device_id]
        clocks = json.loads(current["clocks"])
        clocks.update({f: stamp for f in changed})
        sets = ", ".join(f"{f} = ?" for f in changed)
        conn.execute(
            f"UPDATE {spec.table} SET {sets}, updated_hlc = ?, device = ?, clocks = ? WHERE id = ?",
            (*changed.values(), hlc, db.device_id, _dumps(clocks), row_id),
        )
        _log(db, spec, row_id, "upsert", {"fields": changed, "clocks": {f: stamp for f in changed}}, hlc)
    return changed


def tombstone(db: Database, spec: TableSpec, row_id: str) -> bool:
    """Mark a record deleted (never DELETE): it leaves lists but stays in history and syncs."""
    with db.transaction() as conn:
        current = fetch_row(db, spec, row_id)
        if current is None:
            raise DomainError("db.not_found")
        if current["deleted_hlc"] is not None:
            return False
        hlc = db.clock.now()
        conn.execute(
            f"UPDATE {spec.table} SET deleted_hlc = ?, updated_hlc = ?, device = ? WHERE id = ?",
            (hlc, hlc, db.device_id, row_id),
        )
        _log(db, spec, row_id, "delete", {"deleted_hlc": hlc}, hlc)
    return True


def apply_remote(
    db: Database,
    spec: TableSpec,
    row_id: str,
    fields: Mapping[str, Any],
    clocks: Mapping[str, Sequence],
    deleted_hlc: int | None = None,
) -> dict[str, Any]:
    """Merge a change from another device field by field (higher (hlc, device) wins).

    Used by sync; it is here from the start so the stored shape is proven mergeable. Returns the
    fields that changed locally. No outbox row: the change already exists on the server.
    """
    _check_fields(spec, fields)
    incoming = {f: (fields[f], Stamp.decode(clocks[f])) for f in fields}
    for stamp in incoming.values():
        db.clock.observe(stamp[1].hlc)
    with db.transaction() as conn:
        current = fetch_row(db, spec, row_id)
        if current is None:
            mine: dict[str, tuple[Any, Stamp]] = {}
        else:
            stored = json.loads(current["clocks"])
            mine = {f: (current[f], Stamp.decode(s)) for f, s in stored.items()}
        merged = merge(mine, incoming)
        changed = {f: v for f, (v, s) in merged.items() if mine.get(f) != (v, s)}
        new_clocks = {f: s.encode() for f, (_v, s) in merged.items()}
        top = max((s for _v, s in merged.values()), default=Stamp(deleted_hlc or 0, ""))
        if current is None:
            values = {f: v for f, (v, _s) in merged.items()}
            conn.execute(
                f"INSERT INTO {spec.table} (id, created_hlc, updated_hlc, device, deleted_hlc, "
                f"clocks, {spec.columns}) VALUES ({', '.join('?' * (6 + len(spec.fields)))})",
                (row_id, top.hlc, top.hlc, top.device, deleted_hlc, _dumps(new_clocks),
                 *[values.get(f) for f in spec.fields]),
            )
        elif changed or deleted_hlc is not None:
            sets = "".join(f"{f} = ?, " for f in changed)
            conn.execute(
                f"UPDATE {spec.table} SET {sets}updated_hlc = MAX(updated_hlc, ?), "
                f"device = ?, clocks = ?, deleted_hlc = COALESCE(deleted_hlc, ?) WHERE id = ?",
                (*changed.values(), top.hlc, top.device, _dumps(new_clocks), deleted_hlc, row_id),
            )
    return changed
