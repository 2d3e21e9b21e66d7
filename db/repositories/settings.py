"""Plant-wide settings that sync (plant name, ...): one row per key on every PC."""

from __future__ import annotations

from core.ids import deterministic_id
from db import records
from db.database import Database
from db.repositories.tables import SETTINGS

# A fixed namespace so every PC derives the same row id for a key and edits merge field-wise.
_NAMESPACE = "safedesk:settings"


class SqliteSettingsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.db.conn.execute(
            "SELECT value FROM settings WHERE key = ? AND deleted_hlc IS NULL", (key,)
        ).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str) -> None:
        row_id = deterministic_id(_NAMESPACE, key)
        with self.db.transaction():
            if records.fetch_row(self.db, SETTINGS, row_id) is None:
                records.insert(self.db, SETTINGS, {"key": key, "value": value}, row_id)
            else:
                records.update(self.db, SETTINGS, row_id, {"value": value})
