"""Sync-ready writes: every insert, update and tombstone stamps its fields and logs an outbox row.

All entity tables share the bookkeeping columns (see migrations/0001_foundation.sql). A field's
stamp is its entry in ``clocks`` when present, else the creation stamp (created_hlc,
created_device). The outbox row names the fields a change touched; sync later sends their current
values and stamps. The functions run inside ``Database.transaction()``, so a change and its
outbox row always commit together.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from core.fieldclock import merge
from core.hlc import Stamp
from core.i18n import DomainError
from core.ids import uuid7
from db.database import Database

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
ALL_FIELDS = '["*"]'  # outbox payload of a new record: every field


@dataclass(frozen=True)
class TableSpec:
    entity: str  # the name used in the outbox and by sync ("person")
    table: str  # the SQLite table ("people")
    fields: tuple[str, ...]  # the synced data columns, in table order

    @property
    def columns(self) -> str:
        return ", ".join(self.fields)


def _check_fields(spec: TableSpec, values: Iterable[str]) -> None:
    unknown = set(values) - set(spec.fields)
    if unknown:
        raise ValueError(f"{spec.table}: unknown fields {sorted(unknown)}")


def _log(db: Database, spec: TableSpec, row_id: str, op: str, payload: str, hlc: int) -> None:
    db.conn.execute(
        "INSERT INTO outbox (entity, row_id, op, payload, hlc, device) VALUES (?, ?, ?, ?, ?, ?)",
        (spec.entity, row_id, op, payload, hlc, db.device_id),
    )


def insert(db: Database, spec: TableSpec, values: Mapping[str, Any], row_id: str | None = None) -> str:
    """Create a record; all its fields carry the creation stamp."""
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
    known = set(fields)
    now = db.clock.now
    records, log, made = [], [], []
    for index, values in enumerate(rows):
        if not known.issuperset(values):
            _check_fields(spec, values)
        row_id = ids[index] if ids else uuid7()
        hlc = now()
        records.append((row_id, hlc, device, hlc, device, *[values.get(f) for f in fields]))
        log.append((spec.entity, row_id, hlc, device))
        made.append(row_id)
    if not records:
        return made
    marks = ", ".join("?" * (5 + len(fields)))
    with db.transaction() as conn:
        conn.executemany(
            f"INSERT INTO {spec.table} (id, created_hlc, created_device, updated_hlc, device, "
            f"{spec.columns}) VALUES ({marks})",
            records,
        )
        conn.executemany(
            "INSERT INTO outbox (entity, row_id, op, payload, hlc, device) "
            f"VALUES (?, ?, 'upsert', '{ALL_FIELDS}', ?, ?)",
            log,
        )
    return made


def fetch_row(db: Database, spec: TableSpec, row_id: str) -> dict[str, Any] | None:
    cur = db.conn.execute(
        f"SELECT id, created_hlc, created_device, deleted_hlc, clocks, {spec.columns} "
        f"FROM {spec.table} WHERE id = ?",
        (row_id,),
    )
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def field_stamps(spec: TableSpec, row: Mapping[str, Any]) -> dict[str, Stamp]:
    """Every field's stamp: its own entry in ``clocks``, else the creation stamp."""
    created = Stamp(row["created_hlc"], row["created_device"])
    explicit = json.loads(row["clocks"] or "{}")
    return {f: Stamp.decode(explicit[f]) if f in explicit else created for f in spec.fields}


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
        clocks = json.loads(current["clocks"] or "{}")
        clocks.update({f: [hlc, db.device_id] for f in changed})
        sets = ", ".join(f"{f} = ?" for f in changed)
        conn.execute(
            f"UPDATE {spec.table} SET {sets}, updated_hlc = ?, device = ?, clocks = ? WHERE id = ?",
            (*changed.values(), hlc, db.device_id, _dumps(clocks), row_id),
        )
        _log(db, spec, row_id, "upsert", _dumps(sorted(changed)), hlc)
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
        _log(db, spec, row_id, "delete", "[]", hlc)
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
    for _value, stamp in incoming.values():
        db.clock.observe(stamp.hlc)
    if deleted_hlc is not None:
        db.clock.observe(deleted_hlc)
    with db.transaction() as conn:
        # Remember the clock past what we merged: after a restart on a PC whose wall clock is
        # behind, new local edits must still stamp above the remote values they replace.
        db.set_meta("hlc_high", str(db.clock.last))
        current = fetch_row(db, spec, row_id)
        if current is None:
            mine: dict[str, tuple[Any, Stamp]] = {}
        else:
            mine = {f: (current[f], s) for f, s in field_stamps(spec, current).items()}
        merged = merge(mine, incoming)
        changed = {f: v for f, (v, s) in merged.items() if mine.get(f) != (v, s)}
        top = max((s for _v, s in merged.values()), default=Stamp(deleted_hlc or 0, ""))
        if deleted_hlc is not None and deleted_hlc > top.hlc:
            top = Stamp(deleted_hlc, top.device)
        if current is None:
            values = {f: v for f, (v, _s) in merged.items()}
            explicit = {f: s.encode() for f, (_v, s) in merged.items()}
            conn.execute(
                f"INSERT INTO {spec.table} (id, created_hlc, created_device, updated_hlc, device, "
                f"deleted_hlc, clocks, {spec.columns}) "
                f"VALUES ({', '.join('?' * (7 + len(spec.fields)))})",
                (row_id, top.hlc, top.device, top.hlc, top.device, deleted_hlc,
                 _dumps(explicit), *[values.get(f) for f in spec.fields]),
            )
        elif changed or deleted_hlc is not None:
            created = Stamp(current["created_hlc"], current["created_device"])
            explicit = {f: s.encode() for f, (_v, s) in merged.items() if s != created}
            sets = "".join(f"{f} = ?, " for f in changed)
            # The earliest tombstone stays whatever order replicas meet (as on the server).
            conn.execute(
                f"UPDATE {spec.table} SET {sets}updated_hlc = MAX(updated_hlc, ?), "
                f"device = CASE WHEN ? > updated_hlc THEN ? ELSE device END, clocks = ?, "
                f"deleted_hlc = COALESCE(MIN(deleted_hlc, ?), deleted_hlc, ?) WHERE id = ?",
                (*changed.values(), top.hlc, top.hlc, top.device, _dumps(explicit),
                 deleted_hlc, deleted_hlc, row_id),
            )
    return changed
