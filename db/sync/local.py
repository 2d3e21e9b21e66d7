"""The PC side of sync in SQLite: state, batches from the outbox, applying pulled changes,
conflicts found after a pull, the blob queue. No network here (see client.py).

Every synced table is handled through its TableSpec (db/repositories/tables.py BY_ENTITY), so
tables added later sync without changes here. Append-only event tables are listed in
EVENT_TABLES (entity -> table); their rows travel whole and are inserted once.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from core.hlc import Stamp
from core.ids import uuid7
from core.sync_protocol import EVENT_KEY
from db import records
from db.database import Database
from db.records import ALL_FIELDS, TableSpec
from db.repositories import tables

log = logging.getLogger("safedesk.sync")
EVENT_TABLES: dict[str, str] = {"hazard_event": "hazard_events"}
# Human codes that must be unique; two PCs may each hand out the same one offline.
CODE_FIELDS: dict[str, str] = {"equipment": "code", "hazard": "number", "person": "employee_no"}
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_IN_CHUNK = 500
SUPERSEDED = "superseded"  # outbox.batch_id of rows replaced by a full resend


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


def spec_for(entity: str) -> TableSpec | None:
    return tables.BY_ENTITY.get(entity)


class SyncState:
    """Key/value state of this PC's sync (server url, epoch, cursor, credential, ...)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> str | None:
        row = self.db.conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set(self, key: str, value: str | None) -> None:
        if value is None:
            self.db.conn.execute("DELETE FROM sync_state WHERE key = ?", (key,))
        else:
            self.db.conn.execute(
                "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def update(self, **values: str | None) -> None:
        with self.db.transaction():
            for key, value in values.items():
                self.set(key, value)

    @property
    def cursor(self) -> int:
        return int(self.get("cursor") or 0)

    @property
    def epoch(self) -> str | None:
        return self.get("epoch")


# -- outbox -> batches ----------------------------------------------------------------------
def pending_count(db: Database) -> int:
    """Changes not yet acknowledged by the server (new outbox rows + unacknowledged batches)."""
    conn = db.conn
    new = conn.execute("SELECT COUNT(*) FROM outbox WHERE batch_id IS NULL").fetchone()[0]
    waiting = conn.execute(
        "SELECT COALESCE(SUM(changes), 0) FROM sync_batches WHERE acked_at IS NULL").fetchone()[0]
    return new + waiting


def next_batch(db: Database, max_rows: int) -> tuple[str, dict[str, Any]] | None:
    """The oldest unacknowledged batch (resent as it was), else a new one from the outbox."""
    conn = db.conn
    row = conn.execute("SELECT batch_id, body FROM sync_batches WHERE acked_at IS NULL "
                       "ORDER BY created_at, batch_id LIMIT 1").fetchone()
    if row:
        return row[0], json.loads(row[1])
    with db.transaction():
        rows = conn.execute(
            "SELECT seq, entity, row_id, op, payload FROM outbox WHERE batch_id IS NULL "
            "ORDER BY seq LIMIT ?", (max_rows,)).fetchall()
        if not rows:
            return None
        changes = _changes(db, rows)
        batch_id = uuid7()
        body = {"batch_id": batch_id, "device": db.device_id, "changes": changes}
        conn.execute("INSERT INTO sync_batches (batch_id, body, changes, created_at) "
                     "VALUES (?, ?, ?, ?)", (batch_id, _dumps(body), len(changes), _now()))
        conn.execute("UPDATE outbox SET batch_id = ? WHERE batch_id IS NULL AND seq <= ?",
                     (batch_id, rows[-1][0]))
    return batch_id, body


def _changes(db: Database, rows: list[tuple]) -> list[dict[str, Any]]:
    """One change per record (fields named by its outbox rows, with their stamps) and one per
    event, in outbox order so a record comes before the events that refer to it."""
    order: list[tuple[str, str]] = []
    wanted: dict[tuple[str, str], set[str]] = {}
    for _seq, entity, row_id, op, payload in rows:
        key = (entity, row_id)
        if key not in wanted:
            wanted[key] = set()
            order.append(key)
        if op == "upsert":
            names = json.loads(payload)
            wanted[key].update(["*"] if names == ["*"] else names)
    by_entity: dict[str, list[str]] = {}
    for entity, row_id in order:
        by_entity.setdefault(entity, []).append(row_id)
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for entity, ids in by_entity.items():
        spec = spec_for(entity)
        if spec is not None:
            for row in _rows(db, spec.table, ["id", "created_hlc", "created_device",
                                                "deleted_hlc", "clocks", *spec.fields], ids):
                names = wanted[(entity, row["id"])]
                fields = spec.fields if "*" in names else [f for f in spec.fields if f in names]
                stamps = records.field_stamps(spec, row)
                found[(entity, row["id"])] = {
                    "entity": entity, "id": row["id"], "deleted_hlc": row["deleted_hlc"],
                    "fields": {f: [row[f], stamps[f].hlc, stamps[f].device] for f in fields}}
        elif entity in EVENT_TABLES:
            for row in _rows(db, EVENT_TABLES[entity], ["*"], ids):
                found[(entity, row["id"])] = {"entity": entity, "id": row["id"], EVENT_KEY: row}
        else:
            # An outbox row of a table sync does not know (an event table missing from
            # EVENT_TABLES): said loudly, since it will not reach other PCs.
            log.warning("sync: outbox entity %r is not synced (%d rows)", entity, len(ids))
    return [found[key] for key in order if key in found]


def _rows(db: Database, table: str, columns: list[str], ids: list[str]) -> Iterator[dict]:
    for start in range(0, len(ids), _IN_CHUNK):
        part = ids[start:start + _IN_CHUNK]
        cur = db.conn.execute(f"SELECT {', '.join(columns)} FROM {table} "
                              f"WHERE id IN ({', '.join('?' * len(part))})", part)
        names = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(names, row, strict=True))


def mark_acked(db: Database, batch_id: str) -> None:
    with db.transaction():
        db.conn.execute("UPDATE sync_batches SET acked_at = ? WHERE batch_id = ?",
                        (_now(), batch_id))


def ever_synced(db: Database) -> bool:
    conn = db.conn
    return bool(conn.execute("SELECT 1 FROM sync_batches LIMIT 1").fetchone()
                or SyncState(db).cursor or conn.execute(
                    "SELECT 1 FROM outbox WHERE batch_id IS NOT NULL LIMIT 1").fetchone())


def requeue_all(db: Database, epoch: str | None) -> int:
    """The server lost what we sent (restored or new): queue every record and event again,
    from scratch, and pull everything. Returns the number of changes queued."""
    conn = db.conn
    queued = 0
    with db.transaction():
        conn.execute("UPDATE outbox SET batch_id = NULL WHERE batch_id IN "
                     "(SELECT batch_id FROM sync_batches WHERE acked_at IS NULL)")
        conn.execute("DELETE FROM sync_batches WHERE acked_at IS NULL")
        # What was waiting is covered by the full copies queued below (kept, not deleted:
        # the outbox stays the record of local changes).
        conn.execute(f"UPDATE outbox SET batch_id = '{SUPERSEDED}' WHERE batch_id IS NULL")
        for spec in tables.ALL_TABLES:
            queued += conn.execute(
                "INSERT INTO outbox (entity, row_id, op, payload, hlc, device) "
                f"SELECT ?, id, 'upsert', '{ALL_FIELDS}', updated_hlc, device FROM {spec.table} "
                "ORDER BY created_hlc", (spec.entity,)).rowcount
        for entity, table in EVENT_TABLES.items():
            queued += conn.execute(
                "INSERT INTO outbox (entity, row_id, op, payload, hlc, device) "
                f"SELECT ?, id, 'event', '[]', hlc, device FROM {table} ORDER BY hlc",
                (entity,)).rowcount
        state = SyncState(db)
        state.set("epoch", epoch)
        state.set("cursor", "0")
    return queued


# -- identity and first enrolment -----------------------------------------------------------
def holds_plant_data(db: Database) -> bool:
    """Whether this data folder holds any synced record or event (a plant of its own)."""
    for table in [spec.table for spec in tables.ALL_TABLES] + list(EVENT_TABLES.values()):
        if db.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            return True
    return False


def set_device_id(db: Database, device_id: str) -> None:
    """A new identity for this data folder (at enrolment): a copied folder must not sign its
    changes, or authenticate, as the PC it was copied from. Rows keep their old stamps."""
    with db.transaction():
        db.set_meta("device_id", device_id)
    db.device_id = device_id


# -- changes stamped in the future ------------------------------------------------------------
def newest_pending_hlc(db: Database) -> int:
    """The highest stamp of the changes the server has not acknowledged yet (0: none)."""
    return db.conn.execute(
        "SELECT COALESCE(MAX(hlc), 0) FROM outbox WHERE batch_id IS NULL OR batch_id IN "
        "(SELECT batch_id FROM sync_batches WHERE acked_at IS NULL)").fetchone()[0]


def restamp_future(db: Database, limit: int) -> tuple[int, bool]:
    """Give this PC's changes stamped above ``limit`` (made while its clock ran ahead) new
    stamps from the corrected clock, as if made now. Returns (records and events re-stamped,
    whether hazard events were among them).

    They are local edits nobody has seen: the server refuses stamps that far ahead of its
    clock, so a batch holding one was never applied, and it is built again. Left as they are
    they would win over every edit made anywhere until the real time caught up with them."""
    conn = db.conn
    keys = conn.execute("SELECT DISTINCT entity, row_id FROM outbox WHERE hlc > ?",
                        (limit,)).fetchall()
    if not keys:
        return 0, False
    done, events = 0, False
    with db.transaction():
        for (batch_id,) in conn.execute(
                "SELECT DISTINCT o.batch_id FROM outbox o JOIN sync_batches b "
                "ON b.batch_id = o.batch_id WHERE o.hlc > ? AND b.acked_at IS NULL",
                (limit,)).fetchall():
            conn.execute("UPDATE outbox SET batch_id = NULL WHERE batch_id = ?", (batch_id,))
            conn.execute("DELETE FROM sync_batches WHERE batch_id = ?", (batch_id,))
        saved = int(db.meta("hlc_high") or 0)
        valid = conn.execute("SELECT COALESCE(MAX(hlc), 0) FROM outbox WHERE hlc <= ?",
                             (limit,)).fetchone()[0]
        db.clock.rewind(max(valid, saved if saved <= limit else 0))
        device = db.device_id
        for entity, row_id in keys:
            if entity in EVENT_TABLES:
                hlc = db.clock.now()
                changed = conn.execute(
                    f"UPDATE {EVENT_TABLES[entity]} SET hlc = ?, device = ? "
                    "WHERE id = ? AND hlc > ?", (hlc, device, row_id, limit)).rowcount
                events = events or bool(changed)
            elif (spec := spec_for(entity)) is not None:
                hlc = _restamp_record(db, spec, row_id, limit)
                changed = hlc is not None
            else:
                continue
            if not changed:
                continue
            done += 1
            new = hlc
            conn.execute("UPDATE outbox SET hlc = ?, device = ? WHERE entity = ? AND row_id = ? "
                         "AND hlc > ?", (new, device, entity, row_id, limit))
            if not conn.execute("SELECT 1 FROM outbox WHERE entity = ? AND row_id = ? AND "
                                "batch_id IS NULL", (entity, row_id)).fetchone():
                # Its change was acknowledged earlier (by a server without this check): the
                # new stamps must travel too.
                conn.execute(
                    "INSERT INTO outbox (entity, row_id, op, payload, hlc, device) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (entity, row_id, "event" if entity in EVENT_TABLES else "upsert",
                     "[]" if entity in EVENT_TABLES else ALL_FIELDS, new, device))
        db.set_meta("hlc_high", str(db.clock.last))
    return done, events


def _restamp_record(db: Database, spec: TableSpec, row_id: str, limit: int) -> int | None:
    row = records.fetch_row(db, spec, row_id)
    if row is None:
        return None
    stamps = records.field_stamps(spec, row)
    future = [f for f, st in stamps.items() if st.hlc > limit]
    if not future and (row["deleted_hlc"] or 0) <= limit and row["created_hlc"] <= limit:
        return None
    hlc, device = db.clock.now(), db.device_id
    clocks = {f: ([hlc, device] if st.hlc > limit else st.encode()) for f, st in stamps.items()}
    created = (hlc, device) if row["created_hlc"] > limit else (row["created_hlc"],
                                                                  row["created_device"])
    deleted = hlc if (row["deleted_hlc"] or 0) > limit else row["deleted_hlc"]
    db.conn.execute(
        f"UPDATE {spec.table} SET created_hlc = ?, created_device = ?, updated_hlc = ?, "
        "device = ?, deleted_hlc = ?, clocks = ? WHERE id = ?",
        (*created, hlc, device, deleted, _dumps(clocks), row_id))
    return hlc


# -- applying pulled changes ----------------------------------------------------------------
@contextmanager
def _remote_transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """One transaction for a page of remote changes, foreign keys not enforced: a replica
    receives rows in the server's order, and a record may name one that arrives later."""
    conn = db.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.transaction() as tx:
            yield tx
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


class Applied:
    """What a pulled page touched (for refolding and conflict checks)."""

    def __init__(self) -> None:
        self.count = 0
        self.entities: set[str] = set()
        self.event_owners: dict[str, set[str]] = {}
        self.blobs: set[str] = set()
        self.coded: dict[str, set[str]] = {}  # entity with a human code -> ids pulled


def apply_page(db: Database, changes: Iterable[Mapping[str, Any]], cursor: int,
               epoch: str, applied: Applied) -> None:
    """Apply one pulled page and move the cursor in the same transaction."""
    changes = list(changes)
    held, missing = _local_state(db, changes)
    with _remote_transaction(db):
        fresh: dict[str, list[Mapping[str, Any]]] = {}
        for change in changes:
            key = (change["entity"], change["id"])
            if key in held:
                continue
            if key in missing:
                fresh.setdefault(change["entity"], []).append(change)
            elif _apply_one(db, change, applied):
                applied.count += 1
        for entity, group in fresh.items():
            _insert_new(db, spec_for(entity), group, applied)
        state = SyncState(db)
        state.set("cursor", str(cursor))
        state.set("epoch", epoch)


def _local_state(db: Database, changes: list[Mapping[str, Any]]
                 ) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """Read in bulk what this PC holds of a page's records: the ones it holds at least as new
    (its own pushes coming back, a page pulled again after a lost answer: skipped without a
    write) and the ones it does not hold at all (inserted in bulk)."""
    by_entity: dict[str, dict[str, Mapping[str, Any]]] = {}
    for change in changes:
        if EVENT_KEY not in change and spec_for(change["entity"]) is not None:
            by_entity.setdefault(change["entity"], {})[change["id"]] = change
    held, missing = set(), set()
    for entity, wanted in by_entity.items():
        spec = spec_for(entity)
        columns = ["id", "created_hlc", "created_device", "deleted_hlc", "clocks", *spec.fields]
        seen = set()
        for row in _rows(db, spec.table, columns, list(wanted)):
            seen.add(row["id"])
            change = wanted[row["id"]]
            incoming = change.get("deleted_hlc")
            if incoming is not None and (row["deleted_hlc"] is None
                                         or incoming < row["deleted_hlc"]):
                continue
            stamps = records.field_stamps(spec, row)
            if all(f not in stamps or (stamps[f].hlc, stamps[f].device) > (v[1], v[2])
                   or ((stamps[f].hlc, stamps[f].device) == (v[1], v[2]) and row[f] == v[0])
                   for f, v in change["fields"].items()):
                held.add((entity, row["id"]))
        missing.update((entity, row_id) for row_id in wanted.keys() - seen)
    return held, missing


def _insert_new(db: Database, spec: TableSpec, changes: list[Mapping[str, Any]],
                applied: Applied) -> None:
    """Records new to this PC in one executemany: the rows records.apply_remote would write
    one by one (every field with its own stamp; created = the newest stamp), several times
    faster on a first sync. A record the server holds only in part falls back to one by one."""
    rows, top_hlc = [], 0
    for change in changes:
        stamped = {f: v for f, v in change["fields"].items() if f in spec.fields}
        deleted = change.get("deleted_hlc")
        stamps = {f: Stamp(int(v[1]), str(v[2])) for f, v in stamped.items()}
        top = max(stamps.values(), default=Stamp(deleted or 0, ""))
        if deleted is not None and deleted > top.hlc:
            top = Stamp(deleted, top.device)
        top_hlc = max(top_hlc, top.hlc)
        rows.append((change["id"], top.hlc, top.device, top.hlc, top.device, deleted,
                     _dumps({f: st.encode() for f, st in stamps.items()}),
                     *[stamped[f][0] if f in stamped else None for f in spec.fields]))
    db.clock.observe(top_hlc)
    marks = ", ".join("?" * (7 + len(spec.fields)))
    try:
        with db.transaction() as conn:
            conn.executemany(
                f"INSERT INTO {spec.table} (id, created_hlc, created_device, updated_hlc, "
                f"device, deleted_hlc, clocks, {spec.columns}) VALUES ({marks})", rows)
            db.set_meta("hlc_high", str(db.clock.last))
    except sqlite3.IntegrityError:
        for change in changes:
            if _apply_one(db, change, applied):
                applied.count += 1
        return
    applied.count += len(changes)
    for change in changes:
        _touched(applied, spec.entity, change["id"], change["fields"])


def _touched(applied: Applied, entity: str, row_id: str, fields: Mapping[str, list]) -> None:
    applied.entities.add(entity)
    if entity in CODE_FIELDS:
        applied.coded.setdefault(entity, set()).add(row_id)
    if entity == "attachment" and fields.get("sha256") and fields["sha256"][0]:
        applied.blobs.add(fields["sha256"][0])


def _apply_one(db: Database, change: Mapping[str, Any], applied: Applied) -> bool:
    entity, row_id = change["entity"], change["id"]
    if EVENT_KEY in change:
        table = EVENT_TABLES.get(entity)
        if table is None:
            return _park(db, change)
        event = change[EVENT_KEY]
        columns = _table_columns(db, table)
        names = [c for c in columns if c in event]
        db.clock.observe(int(event["hlc"]))
        cur = db.conn.execute(
            f"INSERT OR IGNORE INTO {table} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' * len(names))})", [event[c] for c in names])
        if cur.rowcount:
            owner = event.get("hazard_id")
            if owner:
                applied.event_owners.setdefault(entity, set()).add(owner)
            applied.entities.add(entity)
        return bool(cur.rowcount)
    spec = spec_for(entity)
    if spec is None:
        return _park(db, change)
    stamped = {f: v for f, v in change["fields"].items() if f in spec.fields}
    try:
        changed = records.apply_remote(
            db, spec, row_id, {f: v[0] for f, v in stamped.items()},
            {f: [v[1], v[2]] for f, v in stamped.items()}, change.get("deleted_hlc"))
    except sqlite3.IntegrityError:
        # A record the server holds only in part (its creation was lost in a restore): kept
        # aside until the rest arrives.
        return _park(db, change)
    _touched(applied, entity, row_id, stamped)
    return bool(changed) or change.get("deleted_hlc") is not None


_COLUMNS: dict[str, list[str]] = {}


def _table_columns(db: Database, table: str) -> list[str]:
    if table not in _COLUMNS:
        _COLUMNS[table] = [r[1] for r in db.conn.execute(f"PRAGMA table_info({table})")]
    return _COLUMNS[table]


def _park(db: Database, change: Mapping[str, Any]) -> bool:
    db.conn.execute("INSERT OR REPLACE INTO sync_parked (entity, row_id, body) VALUES (?, ?, ?)",
                    (change["entity"], change["id"], _dumps(dict(change))))
    return False


def retry_parked(db: Database, applied: Applied) -> int:
    """Apply what was parked once its entity is known (after an update) or complete."""
    rows = db.conn.execute("SELECT entity, row_id, body FROM sync_parked").fetchall()
    done = 0
    if not rows:
        return 0
    with _remote_transaction(db):
        for entity, row_id, body in rows:
            change = json.loads(body)
            known = spec_for(entity) is not None or entity in EVENT_TABLES
            if not known:
                continue
            db.conn.execute("DELETE FROM sync_parked WHERE entity = ? AND row_id = ?",
                            (entity, row_id))
            if _apply_one(db, change, applied):
                done += 1
    return done


# -- conflicts ------------------------------------------------------------------------------
def record_workflow_conflicts(db: Database, found: Mapping[str, list[dict[str, Any]]]) -> int:
    """``found``: hazard id -> its current conflicts (event id, kind, step, actor). New ones
    are recorded; recorded ones no longer in the fold (settled by an event) are closed."""
    new = 0
    with db.transaction() as conn:
        for hazard_id, conflicts in found.items():
            keep = set()
            for item in conflicts:
                detail = _dumps(item)
                keep.add(detail)
                new += conn.execute(
                    "INSERT OR IGNORE INTO sync_conflicts (id, kind, entity, ref, detail, "
                    "detected_at) VALUES (?, 'workflow', 'hazard', ?, ?, ?)",
                    (uuid7(), hazard_id, detail, _now())).rowcount
            for conflict_id, detail in conn.execute(
                    "SELECT id, detail FROM sync_conflicts WHERE kind = 'workflow' AND ref = ? "
                    "AND settled_at IS NULL", (hazard_id,)).fetchall():
                if detail not in keep:
                    conn.execute("UPDATE sync_conflicts SET settled_at = ? WHERE id = ?",
                                 (_now(), conflict_id))
    return new


def record_duplicate_codes(db: Database, entity: str, ids: set[str] | None) -> int:
    """Flag codes held by more than one live record among the codes of ``ids`` (None: all),
    and close recorded ones that are unique again. Indexed lookups for a few pulled records;
    one scan of the table after a big pull."""
    field, spec = CODE_FIELDS.get(entity), spec_for(entity)
    if field is None or spec is None:
        return 0
    conn = db.conn
    open_codes = {r[0] for r in conn.execute(
        "SELECT ref FROM sync_conflicts WHERE kind = 'duplicate_code' AND entity = ? "
        "AND settled_at IS NULL", (entity,))}
    live = f"deleted_hlc IS NULL AND {field} IS NOT NULL AND {field} != ''"
    if ids is None or len(ids) > 2000:
        where, params = live, []
    else:
        codes = set(open_codes)
        for part in _chunks(sorted(ids)):
            codes.update(r[0] for r in conn.execute(
                f"SELECT {field} FROM {spec.table} WHERE id IN ({', '.join('?' * len(part))})",
                part))
        codes.discard(None)
        if not codes:
            return 0
        where = f"{live} AND {field} IN ({', '.join('?' * len(codes))})"
        params = sorted(codes)
    current = {code: _dumps(sorted(found.split(" "))) for code, found in conn.execute(
        f"SELECT {field}, group_concat(id, ' ') FROM {spec.table} WHERE {where} "
        f"GROUP BY {field} HAVING COUNT(*) > 1", params)}
    new = 0
    with db.transaction():
        for code, detail in current.items():
            new += conn.execute(
                "INSERT OR IGNORE INTO sync_conflicts (id, kind, entity, ref, detail, "
                "detected_at) VALUES (?, 'duplicate_code', ?, ?, ?, ?)",
                (uuid7(), entity, code, detail, _now())).rowcount
        for conflict_id, code, detail in conn.execute(
                "SELECT id, ref, detail FROM sync_conflicts WHERE kind = 'duplicate_code' "
                "AND entity = ? AND settled_at IS NULL", (entity,)).fetchall():
            if current.get(code) != detail and (ids is None or code in params):
                conn.execute("UPDATE sync_conflicts SET settled_at = ? WHERE id = ?",
                             (_now(), conflict_id))
    return new


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start:start + _IN_CHUNK]


def open_conflict_refs(db: Database, kind: str, column: str = "ref") -> set[str]:
    return {r[0] for r in db.conn.execute(
        f"SELECT DISTINCT {column} FROM sync_conflicts WHERE kind = ? AND settled_at IS NULL",
        (kind,))}


def open_conflicts(db: Database) -> list[dict[str, Any]]:
    return [{"id": r[0], "kind": r[1], "entity": r[2], "ref": r[3], "detail": json.loads(r[4]),
             "detected_at": r[5]} for r in db.conn.execute(
        "SELECT id, kind, entity, ref, detail, detected_at FROM sync_conflicts "
        "WHERE settled_at IS NULL ORDER BY detected_at, id")]


def settle_conflict(db: Database, conflict_id: str) -> None:
    with db.transaction():
        db.conn.execute("UPDATE sync_conflicts SET settled_at = ? WHERE id = ?",
                        (_now(), conflict_id))


# -- blob queue -----------------------------------------------------------------------------
def queue_blobs(db: Database, shas: Iterable[str], direction: str) -> None:
    with db.transaction() as conn:
        conn.executemany("INSERT OR IGNORE INTO sync_blobs (sha256, direction) VALUES (?, ?)",
                         [(s, direction) for s in shas])


def queued_blobs(db: Database, limit: int = 50) -> list[tuple[str, str, int]]:
    return db.conn.execute("SELECT sha256, direction, tries FROM sync_blobs "
                           "ORDER BY tries, sha256 LIMIT ?", (limit,)).fetchall()


def blob_done(db: Database, sha: str, direction: str) -> None:
    with db.transaction():
        db.conn.execute("DELETE FROM sync_blobs WHERE sha256 = ? AND direction = ?",
                        (sha, direction))


def blob_failed(db: Database, sha: str, direction: str, error: str) -> None:
    with db.transaction():
        db.conn.execute("UPDATE sync_blobs SET tries = tries + 1, last_error = ? "
                        "WHERE sha256 = ? AND direction = ?", (error[:500], sha, direction))


def blobs_of_changes(changes: Iterable[Mapping[str, Any]]) -> set[str]:
    """SHA-256 names of the attachments a batch announces (to upload their content)."""
    found = set()
    for change in changes:
        if change.get("entity") == "attachment":
            stamped = (change.get("fields") or {}).get("sha256")
            if stamped and stamped[0]:
                found.add(stamped[0])
    return found
