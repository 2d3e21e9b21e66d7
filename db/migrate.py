"""Numbered migrations: db/migrations/NNNN_name.sql, each applied in one transaction.

The schema version lives in the file (``PRAGMA user_version`` and the ``schema_migrations``
table). Before migrating an existing file a consistent copy is written beside it, and a file
from a newer SafeDesk is refused rather than guessed at.
"""

from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from core.i18n import DomainError
from db.database import Database, connect
from db.errors import translate_sqlite_error

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    found = []
    for entry in resources.files("db.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration numbers must be 1..n without gaps: {versions}")
    return found


def latest_version() -> int:
    return len(load_migrations())


def current_version(conn: sqlite3.Connection) -> int:
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise (translate_sqlite_error(exc) or exc) from exc


def migrate(db: Database) -> list[int]:
    """Bring the file to the latest schema; returns the versions applied."""
    migrations = load_migrations()
    found = current_version(db.conn)
    supported = len(migrations)
    if found > supported:
        raise DomainError("db.newer_version", found=found, supported=supported)
    if found == supported:
        return []
    backup = ""
    if found > 0:
        backup = str(backup_file(db, f"v{found}"))
    applied = []
    for migration in migrations[found:]:
        try:
            with db.transaction() as conn:
                _run_script(conn, migration.sql)
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations ("
                    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
                conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, time.strftime("%Y-%m-%dT%H:%M:%S")),
                )
                conn.execute(f"PRAGMA user_version = {migration.version}")
        except sqlite3.DatabaseError as exc:
            raise DomainError(
                "db.migration_failed", version=migration.version, reason=str(exc), backup=backup
            ) from exc
        applied.append(migration.version)
    return applied


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT our open transaction first; run statement by statement
    # so the whole migration stays one transaction.
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            conn.execute(buffer)
            buffer = ""
    if any(ln.strip() and not ln.strip().startswith("--") for ln in buffer.splitlines()):
        raise sqlite3.OperationalError(f"incomplete SQL statement: {buffer[:80]}")


def backup_file(db: Database, label: str) -> Path:
    """A consistent copy of the live file (SQLite backup API), named with a label and time."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = db.path.with_name(f"{db.path.stem}.{label}.{stamp}.bak")
    dest = connect(target)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target
