"""Changes made while a PC's clock ran ahead: refused by the server, re-stamped by their PC
once its clock is right, and never dragging another PC's clock into the future."""

from __future__ import annotations

import time

import httpx

from core.hlc import unpack
from core.sync_protocol import CLIENT_MS_HEADER, MAX_SKEW_MS, PROTOCOL, PROTOCOL_HEADER
from db.repositories import tables
from server import store
from tests.sync.helpers import PC, code_for, new_site

DAY_MS = 24 * 3600 * 1000


def _now() -> int:
    return int(time.time() * 1000)


def test_server_refuses_changes_stamped_far_ahead_of_its_clock(tmp_path, live_server,
                                                              database_url):
    site = new_site(database_url)
    pc = PC(tmp_path, "a", live_server.url, code_for(database_url, site))
    try:
        token = (pc.ws.data_dir / "sync-token").read_text()
        headers = {PROTOCOL_HEADER: str(PROTOCOL), CLIENT_MS_HEADER: str(_now()),
                   "Authorization": f"Bearer {token}"}

        def push(ms: int) -> httpx.Response:
            stamp = ms << 16
            return httpx.post(f"{live_server.url}/v1/push", headers=headers, json={
                "batch_id": f"b{ms}", "changes": [{"entity": "person", "id": f"p{ms}",
                                                   "fields": {"name": ["甲", stamp, "x"]}}]})

        ahead = push(_now() + DAY_MS)  # the request's own clock is right: not enough
        assert ahead.status_code == 409 and ahead.json()["error"] == "future_stamps"
        assert push(_now() + 60_000).status_code == 200  # within 5 minutes: accepted
        with store.connect(database_url) as conn:
            assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 1
    finally:
        pc.close()


def test_an_edit_made_while_the_clock_was_a_day_ahead_does_not_win_forever(
        tmp_path, live_server, database_url):
    site = new_site(database_url)
    offset = {"ms": 0}
    a = PC(tmp_path, "a", live_server.url, code_for(database_url, site))
    b = PC(tmp_path, "b", live_server.url, code_for(database_url, site),
           wall=lambda: _now() + offset["ms"])
    try:
        person = a.add_person("E1", "张三")
        assert a.sync().ok and b.sync().ok
        offset["ms"] = DAY_MS  # b's clock runs a day ahead
        b.edit(tables.PEOPLE, person, name="张三（错时）", phone="1")
        refused = b.sync()
        assert [e["code"] for e in refused.errors] == ["clock_skew"]
        offset["ms"] = 0  # corrected
        fixed = b.sync()
        assert fixed.ok and fixed.restamped == 1 and fixed.notices
        assert "1" in fixed.notices[0]
        with store.connect(database_url) as conn:
            fields = conn.execute("SELECT fields FROM records WHERE id = %s",
                                  (person,)).fetchone()[0]
        assert fields["name"][0] == "张三（错时）"
        assert unpack(fields["name"][1])[0] <= _now() + MAX_SKEW_MS
        assert unpack(b.db.clock.last)[0] <= _now() + MAX_SKEW_MS
        assert a.sync().ok
        assert unpack(a.db.clock.last)[0] <= _now() + MAX_SKEW_MS  # not dragged a day ahead
        a.edit(tables.PEOPLE, person, name="张三")  # a later edit wins, as it should
        assert a.sync().ok and b.sync().ok
        for pc in (a, b):
            assert pc.db.conn.execute("SELECT name, phone FROM people WHERE id = ?",
                                      (person,)).fetchone() == ("张三", "1")
        # Restarting b's data file does not bring the day-ahead clock back.
        b.close()
        b = PC(tmp_path, "b", live_server.url, None)
        assert unpack(b.db.clock.now())[0] <= _now() + MAX_SKEW_MS
    finally:
        a.close()
        b.close()


def test_a_hazard_reported_while_the_clock_was_ahead_is_restamped(tmp_path, live_server,
                                                                  database_url):
    import datetime as dt

    from core.ids import uuid7
    from core.workflow import Event

    site = new_site(database_url)
    offset = {"ms": DAY_MS}
    b = PC(tmp_path, "b", live_server.url, code_for(database_url, site),
           wall=lambda: _now() + offset["ms"])
    try:
        hazard_id = uuid7()
        event = Event(uuid7(), hazard_id, "found", {"reported_by": "x"}, "u", "b",
                      dt.datetime(2026, 1, 1, 9), b.db.clock.now(), b.db.device_id)
        b.ws.hazards_repo.create({"id": hazard_id, "number": "YH-1", "description": "d",
                                  "type": "guard", "grade": "general", "source": "other",
                                  "found_at": "2026-01-01T08:00:00"}, event)
        assert [e["code"] for e in b.sync().errors] == ["clock_skew"]
        offset["ms"] = 0
        fixed = b.sync()
        assert fixed.ok and fixed.restamped == 2  # the hazard record and its event
        with store.connect(database_url) as conn:
            (hlc,) = conn.execute("SELECT hlc FROM events WHERE id = %s", (event.id,)
                                  ).fetchone()
        assert unpack(hlc)[0] <= _now() + MAX_SKEW_MS
        assert [e.hlc for e in b.ws.hazards_repo.events(hazard_id)] == [hlc]
        assert b.ws.hazards_repo.get(hazard_id) is not None
    finally:
        b.close()


def test_a_pulled_stamp_far_ahead_does_not_move_the_clock_past_five_minutes(
        tmp_path, live_server, database_url):
    """Data stored before the server checked stamps (or by a faulty peer): the PC applies it
    but its clock observes it as at most MAX_SKEW_MS ahead."""
    site = new_site(database_url)
    pc = PC(tmp_path, "a", live_server.url, code_for(database_url, site))
    try:
        stamp = (_now() + DAY_MS) << 16
        with store.connect(database_url) as conn:  # straight into the store
            store.push(conn, site, "old", {"batch_id": "legacy", "changes": [
                {"entity": "person", "id": "p-future", "fields": {
                    "employee_no": ["E9", stamp, "old"], "name": ["未来", stamp, "old"],
                    "status": ["active", stamp, "old"]}}]})
        assert pc.sync().ok
        assert pc.db.conn.execute("SELECT name FROM people WHERE id = 'p-future'"
                                  ).fetchone() == ("未来",)
        assert unpack(pc.db.clock.last)[0] <= _now() + MAX_SKEW_MS
    finally:
        pc.close()
