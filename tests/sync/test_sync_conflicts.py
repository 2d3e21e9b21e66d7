"""Conflicts found after a pull: two PCs advancing one hazard offline, duplicate codes."""

from __future__ import annotations

import datetime as dt

import pytest

from core.auth import SYSTEM
from db.sync import local
from tests.sync.helpers import PC, code_for, new_site


@pytest.fixture
def two_pcs(tmp_path, live_server, database_url):
    site = new_site(database_url)
    a = PC(tmp_path, "a", live_server.url, code_for(database_url, site))
    b = PC(tmp_path, "b", live_server.url, code_for(database_url, site))
    yield a, b
    a.close()
    b.close()


def _plant(ws):
    site = ws.structure.add(SYSTEM, "site", {"code": "S01", "name": "主厂区"})
    dept = ws.structure.add(SYSTEM, "department", {"code": "CY", "name": "冲压车间",
                                                   "site_id": site})
    area = ws.structure.add(SYSTEM, "area", {"code": "CY", "name": "冲压车间", "site_id": site,
                                             "department_id": dept})
    people = {no: ws.people.add(SYSTEM, {"employee_no": no, "name": name,
                                         "department_id": dept})
              for no, name in [("E1", "张工"), ("E2", "李工")]}
    ws.auth.create_user(SYSTEM, "clerk", "clerk", ["safety_clerk"], "password-1", people["E1"])
    ws.auth.create_user(SYSTEM, "fixer", "fixer", ["rectifier"], "password-1", people["E2"])
    return dept, area


def _actor(ws, username):
    return ws.auth.users.by_username(username).actor()


def test_two_pcs_advancing_one_hazard_make_one_conflict(two_pcs):
    a, b = two_pcs
    dept, area = _plant(a.ws)
    hid = a.ws.hazards.record(_actor(a.ws, "clerk"), {
        "description": "B线3号冲床脚踏开关无防护罩", "type": "guard", "area_id": area})
    assert a.sync().ok and b.sync().ok
    assert b.ws.hazards_repo.get(hid).step == "discover"  # the state was refolded on B
    deadline = dt.datetime.now() + dt.timedelta(hours=72)
    for pc in (a, b):  # both dispatch it offline
        pc.ws.hazards.dispatch(_actor(pc.ws, "clerk"), hid, {
            "department_id": dept, "rectifier_id": _actor(pc.ws, "fixer").user_id,
            "measures": f"{pc.name} 的措施", "deadline": deadline})
    first, second, third = a.sync(), b.sync(), a.sync()
    assert first.ok and second.ok and third.ok
    assert second.conflicts == 1 and third.conflicts == 1
    events = {pc.name: pc.ws.hazards_repo.events(hid) for pc in (a, b)}
    assert [e.id for e in events["a"]] == [e.id for e in events["b"]]
    later = max(events["a"][-2:], key=lambda e: e.order_key)
    for pc in (a, b):
        conflicts = local.open_conflicts(pc.db)
        assert [(c["kind"], c["ref"], c["detail"]["event_id"]) for c in conflicts] == [
            ("workflow", hid, later.id)]
        assert pc.ws.hazards_repo.get(hid).conflicts == 1
    # a supervisor settles it with a new event; the conflict closes on both PCs
    a.ws.hazards.resolve_conflict(_actor(a.ws, "clerk"), hid, [later.id], "保留先派发的")
    assert a.sync().ok and b.sync().ok
    a.sync()
    for pc in (a, b):
        assert local.open_conflicts(pc.db) == []
        assert pc.ws.hazards_repo.get(hid).conflicts == 0


def test_duplicate_employee_numbers_are_flagged_on_both_pcs(two_pcs):
    a, b = two_pcs
    pa = a.add_person("E100", "张三")
    pb = b.add_person("E100", "李四")
    a.sync()
    assert b.sync().conflicts == 1
    assert a.sync().conflicts == 1
    for pc in (a, b):
        [conflict] = local.open_conflicts(pc.db)
        assert conflict["kind"] == "duplicate_code" and conflict["ref"] == "E100"
        assert conflict["detail"] == sorted([pa, pb])
    # renaming one code settles it after the next rounds
    b.edit(__import__("db.repositories.tables", fromlist=["PEOPLE"]).PEOPLE, pb,
           employee_no="E101")
    b.sync()
    a.sync()
    assert local.open_conflicts(a.db) == [] and local.open_conflicts(b.db) == []
