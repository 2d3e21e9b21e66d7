"""The SQLite file: connection settings, transactions, the device id and its clock."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.hlc import MAX_DRIFT_MS, HybridLogicalClock
from core.i18n import DomainError
from core.ids import uuid7
from db.errors import translate_sqlite_error

DB_FILENAME = "safedesk.db"


class Database:
    """One SQLite file. Writes happen inside ``transaction()``; each commits with its outbox rows.

    The connection runs in autocommit mode and transactions are opened explicitly with
    BEGIN IMMEDIATE, so a writer takes the write lock up front instead of failing half-way.

    Each thread gets its own connection (``conn`` is per thread): Python's sqlite3 connection
    objects are not safe to use from two threads at once (their statement cache is shared),
    and a page reading on the UI thread while the database lane writes must not crash the app.
    WAL mode lets those connections read concurrently while one writes.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._local = threading.local()
        self._local.conn = conn
        self._local.depth = 0
        self._connections = [conn]
        self._connections_lock = threading.Lock()
        self.device_id = ""
        self.clock = HybridLogicalClock()

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path)
            self._local.conn = conn
            self._local.depth = 0
            with self._connections_lock:
                self._connections.append(conn)
        return conn

    @property
    def _depth(self) -> int:
        self.conn  # noqa: B018 - makes sure this thread's state exists
        return self._local.depth

    @_depth.setter
    def _depth(self, value: int) -> None:
        self._local.depth = value

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path | str, migrate: bool = True) -> Database:
        data_dir = Path(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DomainError("db.readonly", path=str(data_dir)) from exc
        path = data_dir / DB_FILENAME
        conn = connect(path)
        db = cls(path, conn)
        if migrate:
            from db.migrate import migrate as run_migrations

            try:
                run_migrations(db)
                db._load_identity()
            except BaseException:
                db.close()
                raise
        return db

    def close(self) -> None:
        with self._connections_lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()

    def _load_identity(self) -> None:
        with self.transaction():
            row = self.conn.execute("SELECT value FROM meta WHERE key='device_id'").fetchone()
            if row is None:
                self.device_id = uuid7()
                self.conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('device_id', ?)", (self.device_id,)
                )
            else:
                self.device_id = row[0]
        # The clock resumes above every stamp this file holds, so a wall clock set back
        # (a dead CMOS battery, a manual change) never produces an older stamp.
        high = self.conn.execute("SELECT COALESCE(MAX(hlc), 0) FROM outbox").fetchone()[0]
        saved = self.conn.execute("SELECT value FROM meta WHERE key='hlc_high'").fetchone()
        # Pulled stamps never move it more than MAX_DRIFT_MS past the wall clock (a PC whose
        # clock was wrong must not drag this one into its future).
        self.clock = HybridLogicalClock(max(high, int(saved[0]) if saved else 0),
                                        max_ahead_ms=MAX_DRIFT_MS)

    # -- transactions --------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing: the outermost level is BEGIN IMMEDIATE/COMMIT, inner levels savepoints."""
        conn = self.conn
        name = f"sp{self._depth}"
        try:
            if self._depth == 0:
                conn.execute("BEGIN IMMEDIATE")
            else:
                conn.execute(f"SAVEPOINT {name}")
        except sqlite3.OperationalError as exc:
            raise (translate_sqlite_error(exc, str(self.path)) or exc) from exc
        self._depth += 1
        try:
            yield conn
        except BaseException as exc:
            self._depth -= 1
            # SQLite may already have rolled back by itself (disk full, I/O error): a
            # second ROLLBACK would replace the real error with "no transaction is active".
            if conn.in_transaction:
                if self._depth == 0:
                    conn.execute("ROLLBACK")
                else:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
            if isinstance(exc, sqlite3.OperationalError):
                known = translate_sqlite_error(exc, str(self.path))
                if known is not None:
                    raise known from exc
            raise
        self._depth -= 1
        try:
            if self._depth == 0:
                conn.execute("COMMIT")
            else:
                conn.execute(f"RELEASE {name}")
        except sqlite3.OperationalError as exc:
            if self._depth == 0 and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise (translate_sqlite_error(exc, str(self.path)) or exc) from exc

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value=excluded.value",
            (key, value),
        )


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the settings every SafeDesk connection needs.

    A file from a newer SafeDesk is refused before anything is written to it (switching the
    journal mode would already change the file).
    """
    try:
        conn = sqlite3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=10.0
        )
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        from db.migrate import latest_version

        if found > latest_version():
            conn.close()
            raise DomainError("db.newer_version", found=found, supported=latest_version())
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode cannot corrupt the file on power loss; at worst the last
        # transactions before the cut are rolled back, which the outbox design tolerates.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
    except sqlite3.DatabaseError as exc:
        raise (translate_sqlite_error(exc, str(path)) or exc) from exc
    return conn
