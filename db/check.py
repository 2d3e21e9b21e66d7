"""`check`: is the file sound? Integrity, foreign keys, schema version, outbox consistency."""

from __future__ import annotations

import json

from db.database import Database
from db.migrate import current_version, latest_version
from db.repositories.tables import ALL_TABLES


def check(db: Database) -> list[str]:
    """One line per problem; an empty list means the file is sound."""
    conn = db.conn
    problems: list[str] = []
    for (result,) in conn.execute("PRAGMA integrity_check"):
        if result != "ok":
            problems.append(f"integrity: {result}")
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
    found, latest = current_version(conn), latest_version()
    if found != latest:
        problems.append(f"schema: version {found}, expected {latest}")
        return problems
    for spec in ALL_TABLES:
        problems += _check_table(db, spec.table, spec.entity, spec.fields)
    orphans = conn.execute(
        "SELECT o.entity, COUNT(*) FROM outbox o WHERE NOT EXISTS ("
        + " UNION ALL ".join(
            f"SELECT 1 FROM {s.table} t WHERE o.entity = '{s.entity}' AND t.id = o.row_id"
            for s in ALL_TABLES
        )
        + ") GROUP BY o.entity"
    ).fetchall()
    for entity, count in orphans:
        problems.append(f"outbox: {count} {entity} changes refer to missing records")
    high = conn.execute("SELECT COALESCE(MAX(hlc), 0) FROM outbox").fetchone()[0]
    if high > db.clock.last:
        problems.append("clock: the outbox holds stamps above the device clock")
    return problems


def _check_table(db: Database, table: str, entity: str, fields: tuple[str, ...]) -> list[str]:
    problems = []
    conn = db.conn
    # Every local change must have reached the outbox in its own transaction: the record's
    # latest stamp appears there. (Changes merged from other devices have no local outbox row.)
    missing = conn.execute(
        f"SELECT COUNT(*) FROM {table} t WHERE t.device = ? AND NOT EXISTS ("
        f"SELECT 1 FROM outbox o WHERE o.row_id = t.id AND o.hlc = t.updated_hlc AND o.entity = ?)",
        (db.device_id, entity),
    ).fetchone()[0]
    if missing:
        problems.append(f"outbox: {missing} {table} changes are missing from the outbox")
    bad = 0
    for clocks, created, updated in conn.execute(
        f"SELECT clocks, created_hlc, updated_hlc FROM {table}"
    ):
        try:
            stamps = json.loads(clocks)
            top = max((int(s[0]) for s in stamps.values()), default=created)
            if set(stamps) - set(fields) or top > updated or created > updated:
                bad += 1
        except (ValueError, TypeError, IndexError):
            bad += 1
    if bad:
        problems.append(f"clocks: {bad} {table} rows have unreadable or inconsistent field stamps")
    return problems
