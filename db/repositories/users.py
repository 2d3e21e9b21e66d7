"""Users (synced) and this PC's login failures (local only)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from core.auth import Role, User
from db import records
from db.database import Database
from db.repositories.tables import USERS

_SELECT = (
    "SELECT id, username, display_name, roles, password_hash, active, person_id FROM users "
    "WHERE deleted_hlc IS NULL"
)


def _user(row: tuple) -> User:
    roles = frozenset(Role(r) for r in json.loads(row[3]))
    return User(row[0], row[1], row[2], roles, row[4], bool(row[5]), row[6])


class SqliteUserRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def by_username(self, username: str) -> User | None:
        # User names compare case-insensitively: "Admin" and "admin" are one account.
        row = self.db.conn.execute(
            _SELECT + " AND lower(username) = lower(?) ORDER BY created_hlc LIMIT 1", (username,)
        ).fetchone()
        return _user(row) if row else None

    def list_users(self) -> list[User]:
        return [_user(r) for r in self.db.conn.execute(_SELECT + " ORDER BY username")]

    def add_user(self, username: str, display_name: str, roles: Iterable[Role],
                 password_hash: str, person_id: str | None) -> str:
        return records.insert(self.db, USERS, {
            "username": username, "display_name": display_name, "person_id": person_id,
            "roles": json.dumps(sorted(r.value for r in roles)),
            "password_hash": password_hash, "active": 1,
        })

    def update_user(self, user_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        if "roles" in changes and not isinstance(changes["roles"], str):
            changes = {**changes, "roles": json.dumps(sorted(changes["roles"]))}
        return records.update(self.db, USERS, user_id, changes)

    def failures(self, username: str) -> tuple[int, int | None]:
        row = self.db.conn.execute(
            "SELECT failures, locked_until FROM login_failures WHERE username = lower(?)",
            (username,),
        ).fetchone()
        return (row[0], row[1]) if row else (0, None)

    def record_failure(self, username: str, failures: int, locked_until: int | None) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO login_failures (username, failures, locked_until) "
                "VALUES (lower(?), ?, ?) ON CONFLICT (username) DO UPDATE SET "
                "failures = excluded.failures, locked_until = excluded.locked_until",
                (username, failures, locked_until),
            )

    def clear_failures(self, username: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM login_failures WHERE username = lower(?)", (username,))
