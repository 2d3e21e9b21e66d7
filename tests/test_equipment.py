"""Equipment registry services over a real SQLite file."""

import datetime as dt

import pytest

from core.auth import SYSTEM, Actor, Role
from core.equipment import EquipmentQuery, make_code
from core.i18n import DomainError
from db.check import check
from db.workspace import Workspace

TODAY = dt.date(2025, 11, 1)


@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path, fast_hash=True)
    yield w
    w.close()


@pytest.fixture
def plant(ws):
    site = ws.structure.add(SYSTEM, "site", {"code": "S01", "name": "主厂区"})
    area = ws.structure.add(SYSTEM, "area", {"code": "CY", "name": "冲压车间", "site_id": site})
    line = ws.structure.add(SYSTEM, "line", {"code": "CY-B", "name": "冲压B线", "area_id": area})
    press = ws.equipment.add_type(SYSTEM, "yj", "压力机")
    crane = ws.equipment.add_type(SYSTEM, "QZ", "起重机", special=True)
    return {"site": site, "area": area, "line": line, "press": press, "crane": crane}


def clerk():
    return Actor("c", "clerk", "安全员", frozenset({Role.SAFETY_CLERK}))


def worker():
    return Actor("w", "worker", "工人", frozenset({Role.EMPLOYEE}))


def test_code_rule_numbers_per_type_and_area():
    assert make_code("{type}-{area}-{seq:04d}", "YJ", "CY", None, ["YJ-CY-0007", "YJ-HJ-0100"]) == "YJ-CY-0008"
    assert make_code("{area}{seq:03d}", None, "CY", None, []) == "CY001"
    with pytest.raises(DomainError):
        make_code("{type}-{nonsense}", "YJ", None, None, [])
    with pytest.raises(DomainError) as err:
        make_code("{type}-{area}-{seq:04d}", "YJ", None, None, [])
    assert err.value.key == "equipment.no_code_parts"


def test_add_generates_code_and_refuses_duplicates(ws, plant):
    first = ws.equipment.add(clerk(), {"name": "开式压力机", "type_id": plant["press"],
                                       "area_id": plant["area"], "site_id": plant["site"]})
    second = ws.equipment.add(clerk(), {"name": "闭式压力机", "type_id": plant["press"],
                                        "area_id": plant["area"], "code": "  "})
    assert ws.equipment.get(clerk(), first).code == "YJ-CY-0001"
    assert ws.equipment.get(clerk(), second).code == "YJ-CY-0002"
    with pytest.raises(DomainError) as err:
        ws.equipment.add(clerk(), {"name": "x", "code": "YJ-CY-0001"})
    assert err.value.key == "equipment.code_taken" and "开式压力机" in err.value.message("zh_CN")
    # a removed machine's code is never reused by the generator
    ws.equipment.remove(clerk(), second)
    third = ws.equipment.add(clerk(), {"name": "新压力机", "type_id": plant["press"],
                                       "area_id": plant["area"]})
    assert ws.equipment.get(clerk(), third).code == "YJ-CY-0003"
    assert check(ws.db) == []


def test_permissions_and_validation(ws, plant):
    with pytest.raises(DomainError) as err:
        ws.equipment.add(worker(), {"name": "x", "code": "A"})
    assert err.value.key == "auth.forbidden"
    assert ws.equipment.search_page(worker(), EquipmentQuery()) == ([], 0)  # workers may read
    with pytest.raises(DomainError):
        ws.equipment.add(clerk(), {"name": "x", "code": "A", "status": "broken"})
    with pytest.raises(DomainError):
        ws.equipment.add(clerk(), {"name": "x", "code": "A", "install_date": "2999-01-01"})
    with pytest.raises(DomainError):
        ws.equipment.add(clerk(), {"name": "", "code": "A"})


def _seed(ws, plant):
    eq = ws.equipment
    a = eq.add(clerk(), {"name": "开式固定台压力机", "model": "JH21-160", "manufacturer": "扬力",
                         "type_id": plant["press"], "area_id": plant["area"],
                         "line_id": plant["line"], "risk_grade": "considerable"})
    b = eq.add(clerk(), {"name": "电动单梁起重机", "model": "LD5t", "type_id": plant["crane"],
                         "area_id": plant["area"], "special": True,
                         "inspection_due": TODAY + dt.timedelta(days=20)})
    c = eq.add(clerk(), {"name": "旧压力机", "type_id": plant["press"], "area_id": plant["area"],
                         "status": "scrapped"})
    eq.add_maintenance(clerk(), a, {"date": "2025-06-01", "kind": "monthly", "performed_by": "张三",
                                    "next_due": "2025-07-01"}, today=TODAY)
    eq.add_maintenance(clerk(), b, {"date": "2025-10-01", "kind": "monthly",
                                    "next_due": "2025-12-01"}, today=TODAY)
    return a, b, c


def test_filters_and_search(ws, plant):
    a, b, c = _seed(ws, plant)
    page = lambda **kw: {e.id for e in ws.equipment.search_page(  # noqa: E731
        clerk(), EquipmentQuery(today=TODAY, **kw))[0]}
    assert page(text="压力") == {a, c}
    assert page(text="jh21") == {a}  # case-insensitive, model numbers
    assert page(text="扬") == {a}  # one Chinese character
    assert page(status="scrapped") == {c}
    assert page(risk_grade="considerable") == {a}
    assert page(risk_grade="none") == {b, c}
    assert page(maintenance_overdue=True) == {a}
    assert page(inspection_due_within=30) == {b}
    assert page(inspection_due_within=10) == set()
    assert page(type_id=plant["crane"]) == {b}
    rows, total = ws.equipment.search_page(clerk(), EquipmentQuery(), 0, 2, order="risk")
    assert total == 3 and rows[0].id == a


def test_card_shows_history_and_derived_dates(ws, plant, tmp_path):
    a, _b, _c = _seed(ws, plant)
    ws.equipment.add_fault(clerk(), a, {"date": "2025-08-03", "symptom": "异常响声",
                                        "cause": "离合器磨损", "downtime_hours": 4}, today=TODAY)
    photo = tmp_path / "press.jpg"
    photo.write_bytes(b"\xff\xd8fake-jpeg")
    ws.equipment.attach(clerk(), a, "photo", photo)
    ws.equipment.attach(clerk(), a, "photo", photo)  # same content stored once
    card = ws.equipment.card(clerk(), a)
    assert card.equipment.last_maintenance == dt.date(2025, 6, 1)
    assert card.equipment.next_maintenance == dt.date(2025, 7, 1)
    assert card.maintenance_overdue
    assert [f.symptom for f in card.faults] == ["异常响声"]
    assert len(card.attachments) == 2
    blob = ws.attachments.path_for(card.attachments[0].sha256)
    assert blob.read_bytes() == b"\xff\xd8fake-jpeg"
    assert len(list((tmp_path / "attachments").rglob("*"))) == 2  # one folder, one blob
    with pytest.raises(DomainError):
        ws.equipment.add_maintenance(clerk(), a, {"date": "2025-06-01", "kind": "monthly",
                                                  "next_due": "2025-05-01"}, today=TODAY)
    with pytest.raises(DomainError):
        ws.equipment.add_fault(clerk(), a, {"date": "2025-06-01", "symptom": ""}, today=TODAY)
    assert check(ws.db) == []


def test_resolve_label(ws, plant):
    a, _b, c = _seed(ws, plant)
    code_a = ws.equipment.get(clerk(), a).code
    assert ws.equipment.resolve_label(worker(), "S01", "S01", code_a).id == a
    with pytest.raises(DomainError) as err:
        ws.equipment.resolve_label(worker(), "S01", "S02", code_a)
    assert err.value.key == "label.other_site"
    with pytest.raises(DomainError) as err:
        ws.equipment.resolve_label(worker(), "S01", "S01", "NO-SUCH-0001")
    assert err.value.key == "label.unknown"
    code_c = ws.equipment.get(clerk(), c).code
    ws.equipment.remove(clerk(), c)
    with pytest.raises(DomainError) as err:
        ws.equipment.resolve_label(worker(), "S01", "S01", code_c)
    assert err.value.key == "label.removed"


def test_import_records_all_or_nothing_update_or_skip(ws, plant):
    a, _b, _c = _seed(ws, plant)
    code_a = ws.equipment.get(clerk(), a).code
    rows = [{"code": code_a, "name": "改名的压力机", "type_id": plant["press"], "area_id": plant["area"]},
            {"code": "", "name": "新压力机", "type_id": plant["press"], "area_id": plant["area"]},
            {"code": "", "name": "新压力机2", "type_id": plant["press"], "area_id": plant["area"]}]
    assert ws.equipment.import_records(clerk(), rows, update_existing=False) == (2, 0, 1)
    assert ws.equipment.get(clerk(), a).name == "开式固定台压力机"
    codes = sorted(e.code for e in ws.equipment.iter_all(clerk(), EquipmentQuery(text="新压力机")))
    assert codes == ["YJ-CY-0003", "YJ-CY-0004"]
    assert ws.equipment.import_records(clerk(), rows[:1], update_existing=True) == (0, 1, 0)
    assert ws.equipment.get(clerk(), a).name == "改名的压力机"
    bad = [{"code": "OK-1", "name": "好"}, {"code": "BAD-1", "name": "坏", "area_id": "missing"}]
    with pytest.raises(Exception):  # noqa: B017 - the foreign key aborts the whole import
        ws.equipment.import_records(clerk(), bad)
    assert ws.equipment.search_page(clerk(), EquipmentQuery(text="OK-1"))[1] == 0


def test_migrating_a_foundation_file_keeps_its_data(tmp_path, monkeypatch):
    from db import migrate

    real = migrate.load_migrations()
    monkeypatch.setattr(migrate, "load_migrations", lambda: real[:1])
    old = Workspace.open(tmp_path, fast_hash=True)
    old.create_plant("厂", "S01", "主厂区", "admin", "管理员", "password-1")
    old.close()
    monkeypatch.setattr(migrate, "load_migrations", lambda: real)
    ws = Workspace.open(tmp_path, fast_hash=True)
    try:
        assert ws.plant_name == "厂"
        assert list(tmp_path.glob("safedesk.v1.*.bak"))
        assert ws.equipment.types(SYSTEM) == []
        assert check(ws.db) == []
    finally:
        ws.close()


def test_demo_plant_has_equipment_with_history(tmp_path):
    from core.demo_equipment import generate_equipment
    from core.demo_plant import generate_plant
    from db.demo_loader import load_demo

    ws = Workspace.open(tmp_path, fast_hash=True)
    try:
        load_demo(ws)
        rows, total = ws.equipment.search_page(SYSTEM, EquipmentQuery(), 0, 10)
        assert 380 <= total <= 420
        key = generate_equipment(generate_plant(1), 1, today=dt.date.today()).key_equipment
        noisy = ws.equipment_repo.find_by_code(key["noisy_press"])
        assert noisy.line_name == "冲压B线"
        card = ws.equipment.card(SYSTEM, noisy.id)
        assert sum("异响" in f.symptom or "异常响声" in f.symptom for f in card.faults) >= 3
        assert card.maintenance and card.equipment.procedure
        due = ws.equipment.search_page(SYSTEM, EquipmentQuery(inspection_due_within=30))[1]
        overdue = ws.equipment.search_page(SYSTEM, EquipmentQuery(maintenance_overdue=True))[1]
        assert due > 0 and overdue > 0
        assert check(ws.db) == []
    finally:
        ws.close()
