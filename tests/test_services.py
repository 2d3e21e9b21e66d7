"""People, structure and auth services over a real SQLite file."""

import datetime as dt

import pytest

from core.auth import MAX_FAILURES, SYSTEM, Actor, Role
from core.i18n import DomainError
from core.plant import PeopleQuery
from db.workspace import Workspace


@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path, fast_hash=True)
    yield w
    w.close()


@pytest.fixture
def dept(ws):
    site = ws.structure.add(SYSTEM, "site", {"code": "S1", "name": "一厂"})
    return ws.structure.add(SYSTEM, "department", {"code": "D1", "name": "焊接车间", "site_id": site})


def clerk():
    return Actor("u1", "clerk", "安全员", frozenset({Role.SAFETY_CLERK}))


def worker():
    return Actor("u2", "w", "员工", frozenset({Role.EMPLOYEE}))


def test_duplicate_employee_number_is_refused(ws, dept):
    ws.people.add(clerk(), {"employee_no": "HJ001", "name": "张伟", "department_id": dept})
    with pytest.raises(DomainError) as err:
        ws.people.add(clerk(), {"employee_no": "HJ001", "name": "李娜"})
    assert err.value.key == "plant.code_taken"
    assert "张伟" in err.value.message("zh_CN")


def test_bad_input_gets_clear_messages(ws, dept):
    with pytest.raises(DomainError) as err:
        ws.people.add(clerk(), {"employee_no": "  ", "name": "x"})
    assert err.value.message("zh_CN") == "请填写“工号”。"
    with pytest.raises(DomainError) as err:
        ws.people.add(clerk(), {"employee_no": "E1", "name": "x", "phone": "12345"})
    assert err.value.key == "plant.bad_phone"
    future = dt.date.today() + dt.timedelta(days=3)
    with pytest.raises(DomainError) as err:
        ws.people.add(clerk(), {"employee_no": "E1", "name": "x", "hire_date": future})
    assert err.value.key == "plant.future_hire"
    assert ws.people.count(clerk(), PeopleQuery()) == 0


def test_role_checks_live_in_the_service(ws, dept):
    with pytest.raises(DomainError) as err:
        ws.people.add(worker(), {"employee_no": "E1", "name": "x"})
    assert err.value.key == "auth.forbidden"
    with pytest.raises(DomainError):
        ws.people.search(worker(), PeopleQuery())
    with pytest.raises(DomainError):
        ws.auth.create_user(clerk(), "new", "新人", ["employee"], "longpassword")


def test_search_finds_chinese_fragments_and_codes(ws, dept):
    for no, name in [("HJ001", "张伟"), ("HJ002", "王伟明"), ("HJ003", "李娜")]:
        ws.people.add(clerk(), {"employee_no": no, "name": name, "department_id": dept})
    names = lambda q: sorted(p.name for p in ws.people.search(clerk(), PeopleQuery(q)))  # noqa: E731
    assert names("伟") == ["张伟", "王伟明"]
    assert names("HJ003") == ["李娜"]
    assert names("%") == []  # LIKE wildcards are literal
    assert ws.people.count(clerk(), PeopleQuery("伟")) == 2


def test_structure_refuses_removing_a_parent_in_use(ws, dept):
    ws.people.add(clerk(), {"employee_no": "E1", "name": "x", "department_id": dept})
    with pytest.raises(DomainError) as err:
        ws.structure.remove(clerk(), "department", dept)
    assert err.value.key == "plant.in_use"
    post = ws.structure.add(clerk(), "post", {"code": "P1", "name": "电焊工",
                                              "department_id": dept, "risk_level": "considerable"})
    with pytest.raises(DomainError):
        ws.structure.add(clerk(), "post", {"code": "P2", "name": "x", "risk_level": "purple"})
    assert ws.structure.remove(clerk(), "post", post)
    assert [p["code"] for p in ws.structure.list(clerk(), "post")] == []


def test_import_records_is_all_or_nothing_and_updates_matches(ws, dept):
    ws.people.add(clerk(), {"employee_no": "E1", "name": "旧名", "department_id": dept})
    rows = [{"employee_no": "E1", "name": "新名", "department_id": dept},
            {"employee_no": "E2", "name": "乙", "department_id": dept}]
    assert ws.people.import_records(clerk(), rows) == (1, 1, 0)
    assert ws.people.count(clerk(), PeopleQuery()) == 2
    bad = [{"employee_no": "E3", "name": "丙", "department_id": dept},
           {"employee_no": "E4", "name": "丁", "department_id": "missing"}]
    with pytest.raises(Exception):  # noqa: B017 - the foreign key failure aborts the whole import
        ws.people.import_records(clerk(), bad)
    assert ws.people.count(clerk(), PeopleQuery()) == 2
    assert ws.people.import_records(clerk(), rows, update_existing=False) == (0, 0, 2)


def test_login_lockout_after_repeated_failures(ws):
    now = [1_000_000.0]
    ws.auth.now = lambda: now[0]
    ws.auth.create_user(None, "admin", "管理员", ["admin"], "correct-horse")
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(DomainError) as err:
            ws.auth.login("admin", "wrong")
        assert err.value.key == "auth.bad_credentials"
    with pytest.raises(DomainError) as err:
        ws.auth.login("admin", "wrong")
    assert err.value.key == "auth.locked"
    with pytest.raises(DomainError) as err:  # even the right password waits out the lock
        ws.auth.login("admin", "correct-horse")
    assert err.value.key == "auth.locked"
    now[0] += 16 * 60
    assert ws.auth.login("ADMIN", "correct-horse").username == "admin"


def test_first_user_only_once_and_last_admin_protected(ws):
    uid = ws.auth.create_user(None, "admin", "管理员", ["admin"], "password-1")
    with pytest.raises(DomainError):
        ws.auth.create_user(None, "sneaky", "x", ["admin"], "password-1")
    admin = ws.auth.login("admin", "password-1")
    with pytest.raises(DomainError) as err:
        ws.auth.set_active(admin, uid, False)
    assert err.value.key == "auth.last_admin"
    with pytest.raises(DomainError) as err:
        ws.auth.create_user(admin, "c", "c", ["safety_clerk"], "short")
    assert err.value.key == "auth.password_short"
    stored = ws.db.conn.execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$") and "password-1" not in stored


def test_create_plant_makes_site_admin_and_name(ws):
    actor = ws.create_plant("示例精工", "HQ", "总厂", "admin", "管理员", "password-1")
    assert Role.ADMIN in actor.roles
    assert ws.is_initialised()
    assert ws.plant_name == "示例精工"
    assert [s["name"] for s in ws.structure.list(SYSTEM, "site")] == ["总厂"]


def test_search_page_returns_page_and_total(ws, dept):
    rows = [{"employee_no": f"E{i:03d}", "name": "王" + "伟" * (i % 2 + 1), "department_id": dept}
            for i in range(30)]
    ws.people.import_records(clerk(), rows)
    page, total = ws.people.search_page(clerk(), PeopleQuery("伟伟"), 0, 10)
    assert total == 15 and len(page) == 10
    assert [p.employee_no for p in page] == [f"E{i:03d}" for i in range(1, 20, 2)]
    assert page[0].department_name == "焊接车间"
    page, total = ws.people.search_page(clerk(), PeopleQuery("伟伟"), 10, 10)
    assert total == 15 and len(page) == 5
    assert ws.people.search_page(clerk(), PeopleQuery("伟伟"), 40, 10) == ([], 15)
    assert ws.people.search_page(clerk(), PeopleQuery("e00"), 0, 5)[1] == 10  # case-insensitive
