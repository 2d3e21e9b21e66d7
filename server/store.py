"""The sync store over PostgreSQL (psycopg 3): schema migrations, admin, push, pull, blobs.

Merging happens here in Python rather than in SQL: the rule must be exactly the PCs' rule
(core.fieldclock.merge, including its tie-break on equal stamps), and one shared implementation
cannot drift the way a PL/pgSQL copy could. It is safe because a push holds the site row lock
for its whole transaction, so no other push of that site reads or writes between our read of
a record and our write of the merged result.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import time
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from core.fieldclock import merge
from core.hlc import Stamp
from core.ids import uuid7
from core.sync_protocol import (
    BAD_CODE,
    BAD_REQUEST,
    EPOCH_CHANGED,
    EVENT_KEY,
    MAX_BATCH_CHANGES,
    NO_DEVICE,
    NO_SITE,
    NOT_FOUND,
    PULL_LIMIT,
    REVOKED,
    SITE_EXISTS,
    SITE_NOT_EMPTY,
    UNAUTHORIZED,
    SyncError,
    merge_deleted,
    validate_change,
)

_MIGRATION = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
CODE_HOURS = 72


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


# -- schema ---------------------------------------------------------------------------------
def migrations() -> list[tuple[int, str, str]]:
    found = []
    for entry in resources.files("server.migrations").iterdir():
        match = _MIGRATION.match(entry.name)
        if match:
            found.append((int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(conn: psycopg.Connection) -> list[int]:
    """Create or upgrade the schema; two servers starting at once take turns (advisory lock)."""
    applied = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(74201)")
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                     "name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        done = {r[0] for r in conn.execute("SELECT version FROM schema_migrations")}
        for version, name, sql in migrations():
            if version in done:
                continue
            conn.execute(sql)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                         (version, name))
            applied.append(version)
    return applied


def connect(database_url: str) -> psycopg.Connection:
    return psycopg.connect(database_url, autocommit=True)


# -- admin ----------------------------------------------------------------------------------
def epoch(conn: psycopg.Connection) -> str:
    return conn.execute("SELECT epoch FROM server_info").fetchone()[0]


def new_epoch(conn: psycopg.Connection) -> str:
    """After restoring a backup: PCs that synced with the lost state resend what they hold."""
    value = str(uuid7())
    conn.execute("UPDATE server_info SET epoch = %s", (value,))
    return value


def add_site(conn: psycopg.Connection, name: str) -> str:
    name = name.strip()
    if not name:
        raise SyncError(BAD_REQUEST, "a site needs a name")
    site_id = uuid7()
    try:
        conn.execute("INSERT INTO sites (id, name) VALUES (%s, %s)", (site_id, name))
    except psycopg.errors.UniqueViolation as exc:
        raise SyncError(SITE_EXISTS, f"a site named {name!r} exists", site=name) from exc
    return site_id


def find_site(conn: psycopg.Connection, site: str) -> str:
    row = conn.execute("SELECT id FROM sites WHERE id = %s OR name = %s ORDER BY id = %s DESC",
                       (site, site, site)).fetchone()
    if row is None:
        raise SyncError(NO_SITE, f"no site {site!r}", site=site)
    return row[0]


def enrolment_code(conn: psycopg.Connection, site: str, hours: int = CODE_HOURS) -> str:
    """A one-time code (shown once, stored hashed) that lets one PC enrol in the site."""
    site_id = find_site(conn, site)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    conn.execute("INSERT INTO enrolment_codes (code_hash, site_id, expires_at) "
                 "VALUES (%s, %s, now() + make_interval(hours => %s))",
                 (hash_secret(raw), site_id, hours))
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def revoke(conn: psycopg.Connection, device: str) -> list[dict[str, str]]:
    """Refuse a PC (by id, or every PC of that name) from now on; returns the ones revoked."""
    rows = conn.execute("UPDATE devices d SET revoked = TRUE FROM sites s "
                        "WHERE s.id = d.site_id AND (d.id = %s OR d.name = %s) "
                        "RETURNING d.id, d.name, s.name", (device, device)).fetchall()
    if not rows:
        raise SyncError(NO_DEVICE, f"no device {device!r}", device=device)
    return [{"id": r[0], "name": r[1], "site": r[2]} for r in rows]


def devices(conn: psycopg.Connection) -> list[dict[str, Any]]:
    cur = conn.execute("SELECT d.id, d.name, s.name, d.revoked, d.enrolled_at, d.last_seen "
                       "FROM devices d JOIN sites s ON s.id = d.site_id ORDER BY d.enrolled_at")
    return [{"id": r[0], "name": r[1], "site": r[2], "revoked": r[3],
             "enrolled_at": r[4].isoformat(), "last_seen": r[5] and r[5].isoformat()}
            for r in cur]


def site_holds_data(conn: psycopg.Connection, site_id: str) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM records WHERE site_id = %s) "
                        "OR EXISTS (SELECT 1 FROM events WHERE site_id = %s)",
                        (site_id, site_id)).fetchone()[0]


def enrol(conn: psycopg.Connection, code: str, device_id: str, name: str,
          holds_data: bool = False, previous_site: str | None = None) -> dict[str, Any]:
    """Spend a code: the PC gets its own token (only its hash is kept).

    A PC whose data folder already holds a plant (``holds_data``) may join only an empty site
    (it is the site's first PC) or the site it synced with before (``previous_site``): a second
    plant poured into a site that has one duplicates every record. Refused, the code stays
    unused, so the same code works from an empty data folder."""
    if not device_id:
        raise SyncError(BAD_REQUEST, "a device id is needed")
    token = secrets.token_urlsafe(32)
    with conn.transaction():
        row = conn.execute(
            "UPDATE enrolment_codes SET used_at = now(), used_by = %s WHERE code_hash = %s "
            "AND used_at IS NULL AND expires_at > now() RETURNING site_id",
            (device_id, hash_secret(_normalise_code(code)))).fetchone()
        if row is None:
            raise SyncError(BAD_CODE, "The enrolment code is wrong, used or expired.")
        site_id = row[0]
        if holds_data and previous_site != site_id and site_holds_data(conn, site_id):
            raise SyncError(SITE_NOT_EMPTY, "This data folder already holds a plant and the "
                            "site already holds data from other PCs: enrol from an empty data "
                            "folder, which then downloads everything.")
        brings_plant = holds_data and previous_site != site_id
        conn.execute(
            "INSERT INTO devices (id, site_id, name, token_hash, brings_plant) "
            "VALUES (%s, %s, %s, %s, %s) "
            "ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, name = excluded.name, "
            "token_hash = excluded.token_hash, revoked = FALSE, enrolled_at = now(), "
            "brings_plant = excluded.brings_plant",
            (device_id, site_id, name, hash_secret(token), brings_plant))
        site_name = conn.execute("SELECT name FROM sites WHERE id = %s", (site_id,)).fetchone()[0]
    return {"device": device_id, "token": token, "site_id": site_id, "site": site_name,
            "epoch": epoch(conn)}


def authenticate(conn: psycopg.Connection, token: str | None) -> tuple[str, str]:
    """(device id, site id) for a bearer token; the site never comes from a payload."""
    if not token:
        raise SyncError(UNAUTHORIZED, "This PC is not enrolled with the sync server.")
    row = conn.execute("UPDATE devices SET last_seen = now() WHERE token_hash = %s "
                       "RETURNING id, site_id, revoked", (hash_secret(token),)).fetchone()
    if row is None:
        raise SyncError(UNAUTHORIZED, "The sync server does not know this PC's credential: "
                        "enrol it again.")
    if row[2]:
        raise SyncError(REVOKED, "This PC's access to the sync server was revoked.")
    return row[0], row[1]


# -- push -----------------------------------------------------------------------------------
def _versions(fields: Mapping[str, list]) -> dict[str, tuple[Any, Stamp]]:
    return {f: (v[0], Stamp(int(v[1]), str(v[2]))) for f, v in fields.items()}


def _encoded(versions: Mapping[str, tuple[Any, Stamp]]) -> dict[str, list]:
    return {f: [v, s.hlc, s.device] for f, (v, s) in versions.items()}


def push(conn: psycopg.Connection, site_id: str, device_id: str,
         batch: Mapping[str, Any]) -> dict[str, Any]:
    """Apply one batch atomically; the same batch id again changes nothing."""
    batch_id = batch.get("batch_id")
    changes = batch.get("changes")
    if not isinstance(batch_id, str) or not batch_id or not isinstance(changes, list):
        raise SyncError(BAD_REQUEST, "a batch needs a batch_id and changes")
    if len(changes) > MAX_BATCH_CHANGES:
        raise SyncError(BAD_REQUEST, f"at most {MAX_BATCH_CHANGES} changes per batch")
    for change in changes:
        validate_change(change)
    with conn.transaction():
        next_seq = conn.execute("SELECT next_seq FROM sites WHERE id = %s FOR UPDATE",
                                (site_id,)).fetchone()[0]
        current_epoch = epoch(conn)
        _check_epoch(batch, current_epoch, next_seq - 1)
        seen = conn.execute(
            "INSERT INTO batches (site_id, batch_id, device_id, changes, applied) "
            "VALUES (%s, %s, %s, %s, 0) ON CONFLICT DO NOTHING RETURNING batch_id",
            (site_id, batch_id, device_id, len(changes))).fetchone()
        if seen is None:
            return {"batch_id": batch_id, "duplicate": True, "applied": 0,
                    "epoch": current_epoch, "high": next_seq - 1}
        _check_first_plant(conn, site_id, device_id)
        seq, applied = _apply(conn, site_id, changes, next_seq)
        conn.execute("UPDATE sites SET next_seq = %s WHERE id = %s", (seq, site_id))
        conn.execute("UPDATE batches SET applied = %s WHERE site_id = %s AND batch_id = %s",
                     (applied, site_id, batch_id))
    return {"batch_id": batch_id, "duplicate": False, "applied": applied,
            "epoch": current_epoch, "high": seq - 1}


def _check_first_plant(conn: psycopg.Connection, site_id: str, device_id: str) -> None:
    """A PC that enrolled with its own plant into an empty site pushes it only while no other
    PC has put data there since (two "first PCs" enrolled before either synced)."""
    row = conn.execute("SELECT brings_plant FROM devices WHERE id = %s", (device_id,)).fetchone()
    if row is None or not row[0]:
        return
    if conn.execute("SELECT EXISTS (SELECT 1 FROM batches WHERE site_id = %s AND "
                    "device_id <> %s AND applied > 0)", (site_id, device_id)).fetchone()[0]:
        raise SyncError(SITE_NOT_EMPTY, "This PC brings a plant of its own, and another PC "
                        "has put its data into the site since: enrol from an empty data "
                        "folder, which then downloads everything.")
    conn.execute("UPDATE devices SET brings_plant = FALSE WHERE id = %s", (device_id,))


def _check_epoch(batch: Mapping[str, Any], current: str, high: int) -> None:
    """A PC that synced with another epoch, or pulled further than this server has ever
    counted (a backup restored without a new epoch), must resend everything first."""
    seen = batch.get("epoch")
    cursor = int(batch.get("cursor") or 0)
    if (seen is not None and seen != current) or cursor > high:
        raise SyncError(EPOCH_CHANGED, "The sync server was restored or replaced: this PC "
                        "sends all its data again.", epoch=current)


def _apply(conn: psycopg.Connection, site_id: str, changes: list[dict[str, Any]],
           seq: int) -> tuple[int, int]:
    # Coalesce the batch per record first (a record may appear more than once).
    records: dict[tuple[str, str], dict[str, Any]] = {}
    events: dict[str, dict[str, Any]] = {}
    order: list[tuple[str, Any]] = []
    for change in changes:
        if EVENT_KEY in change:
            if change["id"] not in events:
                events[change["id"]] = change
                order.append(("event", change["id"]))
            continue
        key = (change["entity"], change["id"])
        incoming = _versions(change["fields"])
        if key in records:
            have = records[key]
            have["fields"] = merge(have["fields"], incoming)
            have["deleted_hlc"] = merge_deleted(have["deleted_hlc"], change.get("deleted_hlc"))
        else:
            records[key] = {"fields": incoming, "deleted_hlc": change.get("deleted_hlc")}
            order.append(("record", key))
    existing: dict[tuple[str, str], tuple[dict, int | None]] = {}
    by_entity: dict[str, list[str]] = {}
    for entity, row_id in records:
        by_entity.setdefault(entity, []).append(row_id)
    for entity, ids in by_entity.items():  # entity first: the primary key's order
        for row_id, fields, deleted in conn.execute(
                "SELECT id, fields, deleted_hlc FROM records "
                "WHERE site_id = %s AND entity = %s AND id = ANY(%s)", (site_id, entity, ids)):
            existing[(entity, row_id)] = (fields, deleted)
    known_events: set[str] = set()
    if events:
        known_events = {r[0] for r in conn.execute(
            "SELECT id FROM events WHERE site_id = %s AND id = ANY(%s)",
            (site_id, list(events)))}
    record_rows, event_rows = [], []
    for kind, key in order:
        if kind == "event":
            if key in known_events:
                continue
            body = events[key][EVENT_KEY]
            event_rows.append((site_id, events[key]["entity"], key, Jsonb(body),
                               int(body["hlc"]), str(body.get("device") or ""), seq))
            seq += 1
            continue
        change = records[key]
        before = existing.get(key)
        if before is None:
            merged, deleted = change["fields"], change["deleted_hlc"]
        else:
            old = _versions(before[0])
            merged = merge(old, change["fields"])
            deleted = merge_deleted(before[1], change["deleted_hlc"])
            if merged == old and deleted == before[1]:
                continue  # nothing new: the record keeps its place in the sequence
        record_rows.append((site_id, key[0], key[1], Jsonb(_encoded(merged)), deleted, seq))
        seq += 1
    with conn.cursor() as cur:
        if record_rows:
            cur.executemany(
                "INSERT INTO records (site_id, entity, id, fields, deleted_hlc, seq) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (site_id, entity, id) DO UPDATE "
                "SET fields = excluded.fields, deleted_hlc = excluded.deleted_hlc, "
                "seq = excluded.seq", record_rows)
        if event_rows:
            cur.executemany(
                "INSERT INTO events (site_id, entity, id, body, hlc, device, seq) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s)", event_rows)
    return seq, len(record_rows) + len(event_rows)


def analyze(conn: psycopg.Connection) -> None:
    """Fresh planner statistics. A store that grows from empty faster than autovacuum looks
    keeps estimates of a few rows, and PostgreSQL then scans a whole site for each batch's
    lookups and sorts whole sites for each pull page; the server calls this as it grows."""
    conn.execute("ANALYZE records")
    conn.execute("ANALYZE events")


# -- pull -----------------------------------------------------------------------------------
def pull(conn: psycopg.Connection, site_id: str, cursor: int,
         limit: int = PULL_LIMIT) -> dict[str, Any]:
    """Changes after ``cursor`` in sequence order, read from one snapshot."""
    limit = max(1, min(int(limit), PULL_LIMIT))
    conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    try:
        high = conn.execute("SELECT next_seq - 1 FROM sites WHERE id = %s",
                            (site_id,)).fetchone()[0]
        current_epoch = epoch(conn)
        records = conn.execute(
            "SELECT seq, entity, id, fields, deleted_hlc FROM records "
            "WHERE site_id = %s AND seq > %s ORDER BY seq LIMIT %s",
            (site_id, cursor, limit)).fetchall()
        events = conn.execute(
            "SELECT seq, entity, id, body FROM events WHERE site_id = %s AND seq > %s "
            "ORDER BY seq LIMIT %s", (site_id, cursor, limit)).fetchall()
    finally:
        conn.execute("COMMIT")
    changes = [{"seq": r[0], "entity": r[1], "id": r[2], "fields": r[3], "deleted_hlc": r[4]}
               for r in records]
    changes += [{"seq": r[0], "entity": r[1], "id": r[2], EVENT_KEY: r[3]} for r in events]
    changes.sort(key=lambda c: c["seq"])
    if len(changes) > limit or len(records) == limit or len(events) == limit:
        # Only part of what follows the cursor was read: the next pull goes on after the
        # last change returned.
        changes = changes[:limit]
        new_cursor = changes[-1]["seq"]
        more = new_cursor < high
    else:
        new_cursor, more = max(cursor, high), False
    return {"epoch": current_epoch, "cursor": new_cursor, "high": high, "more": more,
            "changes": changes}


# -- blobs ----------------------------------------------------------------------------------
def blob_allowed(conn: psycopg.Connection, site_id: str, sha256: str) -> None:
    """Only a site whose attachment records name the content may send or read it."""
    row = conn.execute("SELECT 1 FROM records WHERE site_id = %s AND entity = 'attachment' "
                       "AND (fields -> 'sha256') ->> 0 = %s LIMIT 1", (site_id, sha256)).fetchone()
    if row is None:
        raise SyncError(NOT_FOUND, "no attachment of this site has that content")


def blob_status(conn: psycopg.Connection, sha256: str) -> tuple[int, bool]:
    row = conn.execute("SELECT received, complete FROM blobs WHERE sha256 = %s",
                       (sha256,)).fetchone()
    return (row[0], row[1]) if row else (0, False)


def blob_put(conn: psycopg.Connection, sha256: str, offset: int, data: bytes,
             total: int | None) -> tuple[int, bool]:
    """Append a chunk at ``offset`` (must equal what was received); complete it when the
    content's hash matches. Returns (received, complete)."""
    with conn.transaction():
        conn.execute("INSERT INTO blobs (sha256) VALUES (%s) ON CONFLICT DO NOTHING", (sha256,))
        received, complete = conn.execute(
            "SELECT received, complete FROM blobs WHERE sha256 = %s FOR UPDATE",
            (sha256,)).fetchone()
        if complete:
            return received, True
        if offset != received:
            return received, False  # the client resumes from what we report
        if data:
            conn.execute('INSERT INTO blob_chunks (sha256, "offset", data) VALUES (%s, %s, %s)',
                         (sha256, offset, data))
            received += len(data)
        if total is not None and received >= total:
            digest = hashlib.sha256()
            for (chunk,) in conn.execute('SELECT data FROM blob_chunks WHERE sha256 = %s '
                                         'ORDER BY "offset"', (sha256,)):
                digest.update(chunk)
            if digest.hexdigest() != sha256:
                conn.execute("DELETE FROM blob_chunks WHERE sha256 = %s", (sha256,))
                conn.execute("UPDATE blobs SET received = 0 WHERE sha256 = %s", (sha256,))
                raise SyncError(BAD_REQUEST, "the uploaded content does not match its SHA-256")
            complete = True
        conn.execute("UPDATE blobs SET received = %s, complete = %s WHERE sha256 = %s",
                     (received, complete, sha256))
    return received, complete


def blob_read(conn: psycopg.Connection, sha256: str, start: int = 0) -> Iterator[bytes]:
    for offset, chunk in conn.execute(
            'SELECT "offset", data FROM blob_chunks WHERE sha256 = %s AND "offset" + '
            'length(data) > %s ORDER BY "offset"', (sha256, start)):
        yield bytes(chunk[max(0, start - offset):])


# -- reading for tests and tools ------------------------------------------------------------
def site_snapshot(conn: psycopg.Connection, site_id: str) -> dict[str, Any]:
    """Every record and event of a site (tests compare PCs with it)."""
    records = {(r[0], r[1]): (r[2], r[3]) for r in conn.execute(
        "SELECT entity, id, fields, deleted_hlc FROM records WHERE site_id = %s", (site_id,))}
    events = {r[0]: r[1] for r in conn.execute(
        "SELECT id, body FROM events WHERE site_id = %s", (site_id,))}
    return {"records": records, "events": events}


def server_ms() -> int:
    return int(time.time() * 1000)


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
