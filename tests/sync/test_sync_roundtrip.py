"""Two PCs and a real server over PostgreSQL: the basic guarantees of F13."""

from __future__ import annotations

import json
import os
import stat

import httpx
import pytest

from core.sync_protocol import PROTOCOL, PROTOCOL_HEADER
from db.repositories import tables
from server import store
from tests.sync.helpers import PC, code_for, new_site, normalised, server_snapshot


@pytest.fixture
def site(database_url: str) -> str:
    return new_site(database_url)


@pytest.fixture
def pcs(tmp_path, live_server, database_url, site):
    made: list[PC] = []

    def make(name: str, **kwargs) -> PC:
        pc = PC(tmp_path, name, live_server.url, code_for(database_url, site), **kwargs)
        made.append(pc)
        return pc

    yield make
    for pc in made:
        pc.close()


def test_round_trip_between_two_pcs(pcs, database_url, site):
    a, b = pcs("a"), pcs("b")
    person = a.add_person("E001", "张三", phone="138")
    first = a.sync()
    assert first.ok and first.pushed >= 1
    got = b.sync()
    assert got.ok and got.pulled >= 1
    row = b.db.conn.execute("SELECT name, phone FROM people WHERE id = ?", (person,)).fetchone()
    assert row == ("张三", "138")
    b.edit(tables.PEOPLE, person, phone="139")
    assert b.sync().ok
    assert a.sync().ok
    assert a.db.conn.execute("SELECT phone FROM people WHERE id = ?",
                             (person,)).fetchone()[0] == "139"
    server = normalised(server_snapshot(database_url, site))
    assert normalised(a.snapshot()) == server == normalised(b.snapshot())


def test_token_file_is_private_and_not_in_the_database(pcs):
    a = pcs("a")
    path = a.ws.data_dir / "sync-token"
    assert path.exists()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    token = path.read_text()
    stored = " ".join(v for (v,) in a.db.conn.execute("SELECT value FROM sync_state"))
    assert token not in stored and "file:sync-token" in stored


def test_idempotent_batch_and_lost_ack(pcs, database_url, site):
    class LoseAck(httpx.HTTPTransport):
        """Delivers the push, then drops the answer (the server applied it)."""
        armed = True

        def handle_request(self, request):
            response = super().handle_request(request)
            if self.armed and request.url.path == "/v1/push":
                self.armed = False
                response.read()
                raise httpx.ReadError("connection reset", request=request)
            return response

    a = pcs("a", transport=LoseAck())
    a.add_person("E001", "张三")
    lost = a.sync()
    assert not lost.ok and lost.errors[0]["code"] == "unreachable"
    with store.connect(database_url) as conn:
        seq_before = conn.execute("SELECT next_seq FROM sites WHERE id = %s",
                                  (site,)).fetchone()[0]
        assert conn.execute("SELECT COUNT(*) FROM batches").fetchone()[0] == 1
    pending = a.db.conn.execute("SELECT batch_id FROM sync_batches WHERE acked_at IS NULL"
                                ).fetchall()
    assert len(pending) == 1  # kept until acknowledged
    again = a.sync()
    assert again.ok
    with store.connect(database_url) as conn:
        assert conn.execute("SELECT next_seq FROM sites WHERE id = %s",
                            (site,)).fetchone()[0] == seq_before
        assert conn.execute("SELECT COUNT(*) FROM batches").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM records WHERE entity = 'person'"
                            ).fetchone()[0] == 1


def test_tombstones_travel(pcs):
    a, b = pcs("a"), pcs("b")
    person = a.add_person("E001", "张三")
    a.sync()
    b.sync()
    from db import records

    records.tombstone(b.db, tables.PEOPLE, person)
    b.sync()
    a.sync()
    assert a.db.conn.execute("SELECT deleted_hlc IS NOT NULL FROM people WHERE id = ?",
                             (person,)).fetchone()[0] == 1


def test_field_level_merge(pcs, database_url, site):
    a, b = pcs("a"), pcs("b")
    person = a.add_person("E001", "张三")
    a.sync()
    b.sync()
    a.edit(tables.PEOPLE, person, phone="111")  # different fields: both kept
    b.edit(tables.PEOPLE, person, hire_date="2020-01-01")
    a.edit(tables.PEOPLE, person, name="张三丰")  # same field: the higher stamp wins
    b.edit(tables.PEOPLE, person, name="张三峰")
    a_stamp = json.loads(a.db.conn.execute("SELECT clocks FROM people WHERE id = ?",
                                           (person,)).fetchone()[0])["name"]
    b_stamp = json.loads(b.db.conn.execute("SELECT clocks FROM people WHERE id = ?",
                                           (person,)).fetchone()[0])["name"]
    winner = "张三丰" if tuple(a_stamp) > tuple(b_stamp) else "张三峰"
    for pc in (a, b, a, b):
        assert pc.sync().ok
    for pc in (a, b):
        row = pc.db.conn.execute("SELECT name, phone, hire_date FROM people WHERE id = ?",
                                 (person,)).fetchone()
        assert row == (winner, "111", "2020-01-01")
    assert normalised(a.snapshot()) == normalised(server_snapshot(database_url, site))


def test_clock_skew_is_refused_and_work_kept(pcs, live_server):
    import time

    skewed = pcs("skewed", wall=lambda: int(time.time() * 1000) + 6 * 60 * 1000)
    skewed.add_person("E009", "李四")
    result = skewed.sync()
    assert not result.ok and result.errors[0]["code"] == "clock_skew"
    assert "5" in result.errors[0]["message"]
    assert skewed.client.status()["pending"] >= 1
    assert skewed.client.status()["problem"]


def test_revoked_device_is_refused(pcs, database_url):
    a = pcs("a")
    assert a.sync().ok
    with store.connect(database_url) as conn:
        store.revoke(conn, a.db.device_id)
    a.add_person("E001", "张三")
    result = a.sync()
    assert [e["code"] for e in result.errors] == ["revoked"]
    assert a.client.status()["pending"] >= 1


def test_protocol_one_behind_still_syncs_and_older_is_told_to_update(pcs, live_server):
    old = pcs("old")
    old.client.protocol = PROTOCOL - 1
    old.add_person("E001", "张三")
    assert old.sync().ok
    response = httpx.get(f"{live_server.url}/v1/pull", headers={PROTOCOL_HEADER: "0"})
    assert response.status_code == 426 and response.json()["error"] == "version_too_old"
    older = pcs("older")
    older.client.protocol = 0
    result = older.sync()
    assert result.errors[0]["code"] == "version_too_old"
    assert "update" in result.errors[0]["message"] or "更新" in result.errors[0]["message"]


def test_changes_of_a_newer_version_are_kept_aside_not_lost(pcs, live_server):
    """A newer PC syncs a table this version does not have: the change is parked (applied
    after an update), the rest of the page applies, the cursor moves on."""
    a, b = pcs("a"), pcs("b")
    token = (a.ws.data_dir / "sync-token").read_text()
    body = {"batch_id": "b-future", "changes": [
        {"entity": "future_thing", "id": "f1", "fields": {"x": [1, 1 << 20, "dev"]}},
        {"entity": "person", "id": "p1", "fields": {
            "employee_no": ["E1", 1 << 20, "dev"], "name": ["新人", 1 << 20, "dev"],
            "status": ["active", 1 << 20, "dev"]}}]}
    httpx.post(f"{live_server.url}/v1/push", json=body, headers={
        PROTOCOL_HEADER: str(PROTOCOL), "Authorization": f"Bearer {token}"}).raise_for_status()
    assert b.sync().ok
    assert b.db.conn.execute("SELECT name FROM people WHERE id = 'p1'").fetchone() == ("新人",)
    assert b.db.conn.execute("SELECT entity, row_id FROM sync_parked").fetchall() == [
        ("future_thing", "f1")]


def test_protocol_one_skew_is_judged_from_the_stamps(pcs):
    import time

    old = pcs("old1", wall=lambda: int(time.time() * 1000) + 6 * 60 * 1000)
    old.client.protocol = PROTOCOL - 1  # sends no wall clock: its stamps tell
    old.add_person("E001", "张三")
    result = old.sync()
    assert [e["code"] for e in result.errors] == ["clock_skew"]
    assert old.client.status()["pending"] >= 1
