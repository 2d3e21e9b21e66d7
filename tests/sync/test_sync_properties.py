"""Convergence under faults (Hypothesis): 3 PCs with skewed clocks edit, delete and append
workflow events, sync in random orders while connections drop, acknowledgements get lost,
the server restarts and is restored from an empty backup. Afterwards every PC equals the
server, every field holds its highest-stamped write, and no event is lost or invented."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import socket
import tempfile
import time
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.hlc import Stamp
from core.ids import uuid7
from core.workflow import Event
from db import records
from db.repositories import tables
from server import store
from tests.sync.helpers import PC, code_for, normalised, server_snapshot
from tests.sync.pgcluster import LiveServer

FIELDS = ("name", "phone", "hire_date", "status")
VALUES = {"name": ["甲", "乙", "丙"], "phone": ["1", "2", None], "hire_date": ["2020", "2021"],
          "status": ["active", "on_leave", "left"]}


class Faulty(httpx.HTTPTransport):
    """A network that fails on demand: before the server sees a push, or after it answered."""

    def __init__(self) -> None:
        super().__init__()
        self.fault: str | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        fault, path = self.fault, request.url.path
        if fault == "cut" and path == "/v1/push":
            self.fault = None
            _send_half(request)
            raise httpx.RemoteProtocolError("connection dropped mid-batch", request=request)
        if fault == "drop" and path in ("/v1/push", "/v1/pull"):
            self.fault = None
            raise httpx.ConnectError("connection dropped", request=request)
        response = super().handle_request(request)
        if fault == "lost_ack" and path == "/v1/push":
            self.fault = None
            response.read()
            raise httpx.ReadError("acknowledgement lost", request=request)
        return response


def _send_half(request: httpx.Request) -> None:
    """A real connection that dies half-way through the batch: headers and half the body
    reach the server, then the socket closes."""
    body = request.read()
    head = [f"POST {request.url.raw_path.decode()} HTTP/1.1",
            f"Host: {request.url.host}:{request.url.port}"]
    head += [f"{k}: {v}" for k, v in request.headers.items() if k.lower() != "host"]
    with socket.create_connection((request.url.host, request.url.port), timeout=5) as sock:
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body[:len(body) // 2])


pc_index = st.integers(0, 2)
steps = st.lists(st.one_of(
    st.tuples(st.just("add"), pc_index, st.sampled_from(["E1", "E2", "E3"])),
    st.tuples(st.just("edit"), pc_index, st.integers(0, 20), st.sampled_from(FIELDS),
              st.integers(0, 2)),
    st.tuples(st.just("delete"), pc_index, st.integers(0, 20)),
    st.tuples(st.just("event"), pc_index, st.sampled_from(["commented", "dispatched"])),
    st.tuples(st.just("sync"), pc_index, st.sampled_from([None, None, "drop", "cut", "lost_ack"])),
    st.tuples(st.just("restart"),),
    st.tuples(st.just("restore"),),
), min_size=4, max_size=22)

_names = itertools.count(1)


class World:
    def __init__(self, cluster, offsets: list[int]) -> None:
        self.cluster = cluster
        self.dbname = f"sync_prop_{next(_names)}"
        self.url = cluster.create_db(self.dbname)
        self.server = LiveServer(self.url).start()
        with store.connect(self.url) as conn:
            store.migrate(conn)
            self.site = store.add_site(conn, "一厂")
        self.root = Path(tempfile.mkdtemp(prefix="safedesk-sync-prop-"))
        self.transports = [Faulty() for _ in offsets]
        self.pcs: list[PC] = []
        self.best: dict[tuple[str, str], tuple[Stamp, object]] = {}
        self.events: dict[str, dict] = {}
        try:
            self._start(offsets)
        except BaseException:
            self.close()
            raise

    def _start(self, offsets: list[int]) -> None:
        self.pcs = [
            PC(self.root, f"pc{i}", self.server.url, code_for(self.url, self.site),
               transport=self.transports[i],
               wall=(lambda off=off: int(time.time() * 1000) + off))
            for i, off in enumerate(offsets)]
        self.hazard = self._hazard()
        for pc in self.pcs:  # everyone starts with the hazard the events are about
            assert pc.sync().ok

    def _hazard(self) -> str:
        pc = self.pcs[0]
        hazard_id = uuid7()
        event = self._new_event(pc, hazard_id, "found", {"reported_by": "x"})
        pc.ws.hazards_repo.create({"id": hazard_id, "number": "YH-1", "description": "d",
                                   "type": "guard", "grade": "general", "source": "other",
                                   "found_at": "2026-01-01T08:00:00"}, event)
        self._remember(pc, tables.HAZARDS, hazard_id, tables.HAZARDS.fields)
        return hazard_id

    def _new_event(self, pc: PC, hazard_id: str, kind: str, payload: dict) -> Event:
        event = Event(uuid7(), hazard_id, kind, payload, "u", pc.name,
                      dt.datetime(2026, 1, 1, 9), pc.db.clock.now(), pc.db.device_id)
        self.events[event.id] = {"hazard_id": hazard_id, "kind": kind,
                                 "hlc": event.hlc, "device": event.device}
        return event

    def _remember(self, pc: PC, spec, row_id: str, fields) -> None:
        row = records.fetch_row(pc.db, spec, row_id)
        stamps = records.field_stamps(spec, row)
        for f in fields:
            key = (row_id, f)
            mine = (stamps[f], row[f])
            if key not in self.best or mine[0] > self.best[key][0]:
                self.best[key] = mine

    def live_people(self, pc: PC) -> list[str]:
        return [r[0] for r in pc.db.conn.execute(
            "SELECT id FROM people WHERE deleted_hlc IS NULL ORDER BY id")]

    def run(self, step: tuple) -> None:
        kind = step[0]
        if kind == "add":
            pc = self.pcs[step[1]]
            row_id = pc.add_person(step[2], "新人")
            self._remember(pc, tables.PEOPLE, row_id, tables.PEOPLE.fields)
        elif kind in ("edit", "delete"):
            pc = self.pcs[step[1]]
            people = self.live_people(pc)
            if not people:
                return
            row_id = people[step[2] % len(people)]
            if kind == "delete":
                records.tombstone(pc.db, tables.PEOPLE, row_id)
                return
            field, value = step[3], VALUES[step[3]][step[4] % len(VALUES[step[3]])]
            if records.update(pc.db, tables.PEOPLE, row_id, {field: value}):
                self._remember(pc, tables.PEOPLE, row_id, [field])
        elif kind == "event":
            pc = self.pcs[step[1]]
            payload = {"note": "n"} if step[2] == "commented" else {"department_id": "d"}
            event = self._new_event(pc, self.hazard, step[2], payload)
            pc.ws.hazards_repo.append(event, "general", pc.ws.hazards.rules())
        elif kind == "sync":
            self.transports[step[1]].fault = step[2]
            self.pcs[step[1]].sync()
            self.transports[step[1]].fault = None
        elif kind == "restart":
            self.server.stop()
            self.server = LiveServer(self.url, port=self.server.port).start()
        elif kind == "restore":
            self.restore_empty()

    def restore_empty(self) -> None:
        """The database comes back from a backup taken before anything was synced: only the
        site and the enrolled devices (as they were when the backup was made)."""
        with store.connect(self.url) as conn:
            devices = conn.execute("SELECT id, site_id, name, token_hash FROM devices"
                                   ).fetchall()
        self.server.stop()
        self.cluster.drop_db(self.dbname)
        self.url = self.cluster.create_db(self.dbname)
        with store.connect(self.url) as conn:
            store.migrate(conn)
            conn.execute("INSERT INTO sites (id, name) VALUES (%s, '一厂')", (self.site,))
            for row in devices:
                conn.execute("INSERT INTO devices (id, site_id, name, token_hash) "
                             "VALUES (%s, %s, %s, %s)", row)
        self.server = LiveServer(self.url, port=self.server.port).start()

    def settle(self) -> None:
        for _ in range(2):
            for pc in self.pcs:
                result = pc.sync()
                assert result.ok, result.errors

    def check(self) -> None:
        server = server_snapshot(self.url, self.site)
        expected = normalised(server)
        for pc in self.pcs:
            assert normalised(pc.snapshot()) == expected, pc.name
        for (row_id, field), (stamp, value) in self.best.items():
            entity = "hazard" if row_id == self.hazard else "person"
            got = server["records"][(entity, row_id)][0][field]
            assert got == [value, stamp.hlc, stamp.device], (row_id, field)
        assert set(server["events"]) == set(self.events)  # none lost, none invented
        for event_id, made in self.events.items():
            body = server["events"][event_id]
            assert {k: body[k] for k in made} == made
            assert json.loads(body["payload"]) is not None

    def close(self) -> None:
        for pc in self.pcs:
            pc.close()
        self.server.stop()
        self.cluster.drop_db(self.dbname)
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.mark.slow
@settings(max_examples=12, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(offsets=st.lists(st.integers(-120_000, 120_000), min_size=3, max_size=3), plan=steps)
def test_every_pc_converges_with_the_server(pg_cluster, offsets, plan):
    world = World(pg_cluster, offsets)
    try:
        for step in plan:
            world.run(step)
        world.settle()
        world.check()
    finally:
        world.close()
