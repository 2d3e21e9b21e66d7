"""PCs (data folders with a sync client) and comparisons with the server's store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from db import records
from db.repositories import tables
from db.sync.client import SyncClient
from db.sync.local import EVENT_TABLES
from db.workspace import Workspace
from server import store


def new_site(database_url: str, name: str = "一厂") -> str:
    with store.connect(database_url) as conn:
        store.migrate(conn)
        return store.add_site(conn, name)


def code_for(database_url: str, site: str) -> str:
    with store.connect(database_url) as conn:
        return store.enrolment_code(conn, site)


class PC:
    def __init__(self, root: Path, name: str, server_url: str, code: str | None,
                 transport: httpx.BaseTransport | None = None,
                 wall: Callable[[], int] | None = None) -> None:
        self.name = name
        self.ws = Workspace.open(root / name, fast_hash=True)
        if wall is not None:
            from core.hlc import HybridLogicalClock

            self.ws.db.clock = HybridLogicalClock(self.ws.db.clock.last, wall=wall,
                                                  max_ahead_ms=self.ws.db.clock.max_ahead_ms)
        kwargs: dict[str, Any] = {"transport": transport}
        if wall is not None:
            kwargs["wall"] = wall
        self.client = SyncClient(self.ws, **kwargs)
        if code is not None:
            self.client.enrol(server_url, code, name)

    @property
    def db(self):  # noqa: ANN201
        return self.ws.db

    def sync(self):  # noqa: ANN201
        return self.client.sync(blob_budget_s=2.0)

    def add_person(self, employee_no: str, name: str, **extra: Any) -> str:
        return records.insert(self.db, tables.PEOPLE, {
            "employee_no": employee_no, "name": name, "status": "active", **extra})

    def edit(self, spec: records.TableSpec, row_id: str, **changes: Any) -> dict:
        return records.update(self.db, spec, row_id, changes)

    def snapshot(self) -> dict[str, Any]:
        recs: dict[tuple[str, str], tuple[dict, int | None]] = {}
        for spec in tables.ALL_TABLES:
            cur = self.db.conn.execute(
                f"SELECT id, created_hlc, created_device, deleted_hlc, clocks, {spec.columns} "
                f"FROM {spec.table}")
            names = [d[0] for d in cur.description]
            for raw in cur:
                row = dict(zip(names, raw, strict=True))
                stamps = records.field_stamps(spec, row)
                recs[(spec.entity, row["id"])] = (
                    {f: [row[f], stamps[f].hlc, stamps[f].device] for f in spec.fields},
                    row["deleted_hlc"])
        events = {}
        for _entity, table in EVENT_TABLES.items():
            cur = self.db.conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cur.description]
            for raw in cur:
                row = dict(zip(names, raw, strict=True))
                events[row["id"]] = row
        return {"records": recs, "events": events}

    def close(self) -> None:
        self.client.close()
        self.ws.close()


def server_snapshot(database_url: str, site_id: str) -> dict[str, Any]:
    with store.connect(database_url) as conn:
        snap = store.site_snapshot(conn, site_id)
    recs = {k: ({f: list(v) for f, v in fields.items()}, deleted)
            for k, (fields, deleted) in snap["records"].items()}
    return {"records": recs, "events": snap["events"]}


def normalised(snapshot: dict[str, Any]) -> str:
    """A canonical text of a snapshot (JSON round trip makes PC and server values alike)."""
    recs = {f"{e}/{i}": [fields, deleted]
            for (e, i), (fields, deleted) in snapshot["records"].items()}
    return json.dumps({"records": recs, "events": snapshot["events"]}, sort_keys=True,
                      ensure_ascii=False)
