"""Inspections (F4): checklists, runs, drafted hazards, points, schedules and the due list,
on real SQLite files."""

import datetime as dt
import shutil
import sqlite3
from collections import Counter

import pytest

from core import i18n
from core.auth import ROLE_PERMISSIONS, SYSTEM, Permission, Role
from core.demo_equipment import generate_equipment
from core.demo_hazards import generate_hazards, switch_date
from core.demo_inspections import CHECKLISTS, frequency_of, generate_inspections
from core.demo_plant import generate_plant
from core.i18n import DomainError
from core.ids import deterministic_id, uuid7
from core.inspections import (
    DUE,
    OVERDUE,
    RESULT_NAMESPACE,
    InspectionQuery,
    InspectionRun,
    ItemDraft,
    due_state,
    guess_hazard_type,
    result_id,
)
from db import records
from db.check import check
from db.demo_loader import DEMO_USERS, load_demo
from db.repositories.tables import INSPECTION_RESULTS, INSPECTIONS
from db.workspace import Workspace

PRESS_ITEMS = ["光电保护装置灵敏有效", "防护罩完好", "急停按钮灵敏"]


class Clock:
    def __init__(self) -> None:
        self.t = dt.datetime(2026, 3, 11, 8, 0)  # a Wednesday

    def __call__(self) -> dt.datetime:
        return self.t

    def set(self, *args) -> None:
        self.t = dt.datetime(*args)


def _open(path, clock) -> Workspace:
    ws = Workspace.open(path, fast_hash=True)
    ws.hazards.now = clock
    ws.inspections.now = clock
    return ws


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def plant(tmp_path, clock):
    ws = _open(tmp_path / "a", clock)
    site = ws.structure.add(SYSTEM, "site", {"code": "S01", "name": "主厂区"})
    dept = ws.structure.add(SYSTEM, "department", {"code": "CY", "name": "冲压车间", "site_id": site})
    area = ws.structure.add(SYSTEM, "area", {"code": "CY", "name": "冲压车间", "site_id": site,
                                             "department_id": dept})
    line = ws.structure.add(SYSTEM, "line", {"code": "CY-A", "name": "冲压A线", "area_id": area})
    types = {code: ws.equipment.add_type(SYSTEM, code, name)
             for code, name in (("YJ", "压力机/冲床"), ("PD", "配电柜/配电箱"), ("DB", "打包机"))}
    machines = {}
    for code, type_code, line_id in (("YJ-CY-0001", "YJ", line), ("YJ-CY-0002", "YJ", line),
                                     ("PD-CY-0001", "PD", None), ("DB-CY-0001", "DB", None)):
        machines[code] = ws.equipment.add(SYSTEM, {
            "code": code, "name": code, "type_id": types[type_code], "area_id": area,
            "line_id": line_id, "department_id": dept, "install_date": "2020-01-01"})
    people, users = {}, {}
    for no, name in [("E1", "张安全"), ("E2", "李班长"), ("E3", "王操作"), ("E4", "赵维修"),
                     ("E5", "钱复核")]:
        people[no] = ws.people.add(SYSTEM, {"employee_no": no, "name": name, "department_id": dept})
    for username, roles, person in [("clerk", ["safety_clerk"], "E1"), ("head", ["dept_head"], "E2"),
                                    ("worker", ["employee"], "E3"), ("fixer", ["rectifier"], "E4"),
                                    ("checker", ["reviewer"], "E5")]:
        ws.auth.create_user(SYSTEM, username, username, roles, "password-1", people[person])
        users[username] = ws.auth.users.by_username(username).actor()
    press = ws.inspections.create_template(
        users["clerk"], types["YJ"], "冲床班前点检表",
        [ItemDraft(PRESS_ITEMS[0], "遮挡光幕，滑块应停止"), PRESS_ITEMS[1], {"text": PRESS_ITEMS[2]}])
    ws.inspections.create_template(users["clerk"], types["PD"], "配电柜点检表",
                                   ["柜门关闭上锁", "接地可靠"])
    ids = {"types": types, "machines": machines, "people": people, "area": area, "line": line,
           "press_template": press}
    yield ws, users, ids
    ws.close()


def _inspect(ws, actor, machine_id, outcomes, notes=None, photos=None):
    run = ws.inspections.start(actor, machine_id)
    for item, outcome in zip(run.items, outcomes, strict=False):
        if outcome:
            ws.inspections.record(actor, run, item.id, outcome, (notes or {}).get(item.text, ""),
                                  (photos or {}).get(item.text, ()))
    return run, ws.inspections.finish(actor, run)


def _count(ws, table, where="1=1", params=()):
    return ws.db.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", params).fetchone()[0]


def _inspection_points(ws, person_id):
    return ws.db.conn.execute(
        "SELECT COALESCE(SUM(points), 0) FROM point_awards WHERE rule = 'inspection' "
        "AND person_id = ?", (person_id,)).fetchone()[0]


# --- Runs ---------------------------------------------------------------------------------


def test_a_run_with_pass_fail_na_is_stored_whole(plant, tmp_path):
    ws, users, ids = plant
    photo = tmp_path / "guard.jpg"
    photo.write_bytes(b"\xff\xd8 a missing guard \xff\xd9")
    worker = users["worker"]
    run, done = _inspect(ws, worker, ids["machines"]["YJ-CY-0001"], ["pass", "fail", "na"],
                         {"防护罩完好": "护罩螺栓缺失，护罩松动"}, {"防护罩完好": [photo]})
    assert (done.item_count, done.ok_count, done.failed_count, done.na_count) == (3, 1, 1, 1)
    assert done.complete and done.proper and done.points == 2 and run.finished
    detail = ws.inspections.get(worker, done.id)
    assert detail.summary.inspector_name == "worker" and detail.summary.equipment_code == "YJ-CY-0001"
    assert detail.summary.template_name == "冲床班前点检表" and detail.summary.proper
    assert [(r.item_text, r.outcome) for r in detail.results] == [
        (PRESS_ITEMS[0], "pass"), (PRESS_ITEMS[1], "fail"), (PRESS_ITEMS[2], "na")]
    assert _count(ws, "outbox", "entity = 'inspection'") == 1
    assert _count(ws, "outbox", "entity = 'inspection_result'") == 3
    with pytest.raises(DomainError) as err:
        ws.inspections.finish(worker, run)
    assert err.value.key == "inspection.already_finished"
    assert check(ws.db) == []


def test_a_failure_half_way_stores_nothing(plant, tmp_path, monkeypatch):
    ws, users, ids = plant
    photo = tmp_path / "guard.jpg"
    photo.write_bytes(b"photo")
    clerk = users["clerk"]
    run = ws.inspections.start(clerk, ids["machines"]["YJ-CY-0001"])
    for item in run.items:
        ws.inspections.record(clerk, run, item.id, "fail" if item.position == 2 else "pass",
                              "护罩缺失", [photo])
    before = {t: _count(ws, t) for t in ("inspections", "inspection_results", "hazards",
                                         "hazard_events", "attachments", "point_awards", "outbox")}

    def broken(values, results):
        raise OSError("disk unplugged")

    monkeypatch.setattr(ws.inspections_repo, "save", broken)
    with pytest.raises(OSError):
        ws.inspections.finish(clerk, run)
    assert {t: _count(ws, t) for t in before} == before  # the drafted hazard went too
    assert not run.finished
    monkeypatch.undo()
    done = ws.inspections.finish(clerk, run)  # the same run can be submitted again
    assert done.failed_count == 1 and len(done.hazards) == 1
    assert _count(ws, "inspection_results") == 3 and _count(ws, "hazards") == 1
    assert check(ws.db) == []


def test_a_failed_item_drafts_a_hazard_with_photo_and_place(plant, tmp_path):
    ws, users, ids = plant
    photo = tmp_path / "guard.jpg"
    photo.write_bytes(b"\xff\xd8 loose guard \xff\xd9")
    worker = users["worker"]
    _run, done = _inspect(ws, worker, ids["machines"]["YJ-CY-0001"], ["pass", "fail", "pass"],
                          {"防护罩完好": "护罩螺栓缺失"}, {"防护罩完好": [photo]})
    hazard_id = next(iter(done.hazards.values()))
    hazard = ws.hazards.get(users["clerk"], hazard_id)
    assert hazard.description == "点检不合格：防护罩完好（护罩螺栓缺失）"
    assert hazard.source == "inspection" and hazard.type == "guard" and hazard.grade == "general"
    assert hazard.equipment_id == ids["machines"]["YJ-CY-0001"]
    assert hazard.area_id == ids["area"] and hazard.line_id == ids["line"]
    assert hazard.location == "冲压A线 YJ-CY-0001"
    assert hazard.reporter_person_id == ids["people"]["E3"] and hazard.reporter_name == "worker"
    assert hazard.step == "pending"  # a worker's finding waits for the clerk to verify it
    assert hazard.source == "inspection"
    assert hazard.found_at == dt.datetime(2026, 3, 11, 8, 0)
    photos = ws.hazards.attachments(users["clerk"], hazard_id)
    assert [(a.kind, a.filename) for a in photos] == [("before", "guard.jpg")]
    result = next(r for r in ws.inspections.get(worker, done.id).results if r.outcome == "fail")
    assert result.hazard_id == hazard_id and result.hazard_number == hazard.number
    assert result.photos == (photos[0].sha256,)
    assert ws.attachments.path_for(photos[0].sha256).read_bytes() == photo.read_bytes()
    assert result.note == "护罩螺栓缺失"


def test_recording_checks_its_input(plant):
    ws, users, ids = plant
    clerk = users["clerk"]
    run = ws.inspections.start(clerk, ids["machines"]["YJ-CY-0001"])
    first = run.items[0]
    for item_id, outcome, note, key in ((first.id, "broken", "", "inspection.bad_outcome"),
                                        ("nope", "pass", "", "inspection.unknown_item"),
                                        (first.id, "fail", "  ", "inspection.fail_needs_note")):
        with pytest.raises(DomainError) as err:
            ws.inspections.record(clerk, run, item_id, outcome, note)
        assert err.value.key == key
    assert "光电保护装置灵敏有效" in DomainError("inspection.fail_needs_note",
                                                 item=first.text).message("zh_CN")
    with pytest.raises(DomainError) as err:
        ws.inspections.finish(clerk, run)
    assert err.value.key == "inspection.nothing_answered"
    ws.inspections.record(clerk, run, first.id, "fail", "光幕不亮")
    ws.inspections.record(clerk, run, first.id, "pass")  # a second answer replaces the first
    assert run.answers[first.id].outcome == "pass" and [i.text for i in run.unanswered] == PRESS_ITEMS[1:]
    with pytest.raises(DomainError) as err:
        ws.inspections.finish(users["head"], run)
    assert err.value.key == "inspection.not_inspector"


def test_result_ids_are_deterministic_so_two_pcs_write_one_row(plant, tmp_path, clock):
    ws, users, ids = plant
    assert result_id("a", "b") == deterministic_id(RESULT_NAMESPACE, "a", "b")
    assert result_id("a", "b") == result_id("a", "b") != result_id("a", "c")
    clerk = users["clerk"]
    run = ws.inspections.start(clerk, ids["machines"]["YJ-CY-0002"])
    for item in run.items:
        ws.inspections.record(clerk, run, item.id, "pass")
    # PC B holds a copy of the same file (same checklist, same users) under its own device id.
    ws.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (tmp_path / "b").mkdir()
    shutil.copy(ws.db.path, tmp_path / "b" / "safedesk.db")
    raw = sqlite3.connect(tmp_path / "b" / "safedesk.db")
    raw.execute("UPDATE meta SET value = ? WHERE key = 'device_id'", (uuid7(),))
    raw.commit()
    raw.close()
    other = _open(tmp_path / "b", clock)
    try:
        assert other.db.device_id != ws.db.device_id
        ws.inspections.finish(clerk, run)
        # On B the same inspection (say it was finished again there) answers the last item n/a.
        again = InspectionRun(run.id, other.inspections_repo.equipment(run.equipment.id),
                              other.inspections_repo.template(run.template.id), clerk.user_id,
                              clerk.person_id, clerk.display_name, run.started_at)
        for item in again.items:
            other.inspections.record(clerk, again, item.id, "na" if item.position == 3 else "pass")
        other.inspections.finish(clerk, again)

        def result_ids(w):
            return {r[0] for r in w.db.conn.execute("SELECT id FROM inspection_results")}

        assert result_ids(ws) == result_ids(other) == {result_id(run.id, i.id) for i in run.items}
        # B's rows reach A through sync: merged into A's rows, never added beside them.
        for spec in (INSPECTIONS, INSPECTION_RESULTS):
            for (row_id,) in other.db.conn.execute(f"SELECT id FROM {spec.table}").fetchall():
                row = records.fetch_row(other.db, spec, row_id)
                stamps = records.field_stamps(spec, row)
                records.apply_remote(ws.db, spec, row_id, {f: row[f] for f in spec.fields},
                                     {f: s.encode() for f, s in stamps.items()})
        assert _count(ws, "inspection_results") == 3 and _count(ws, "inspections") == 1
        outcomes = [r.outcome for r in ws.inspections.get(clerk, run.id).results]
        assert outcomes == ["pass", "pass", "na"]  # B wrote later: its answer wins
        # writing the same item again on one PC updates the row too
        stored = records.fetch_row(ws.db, INSPECTIONS, run.id)
        ws.inspections_repo.save(
            {"id": run.id, **{f: stored[f] for f in INSPECTIONS.fields}},
            [{"id": result_id(run.id, run.items[0].id), "inspection_id": run.id,
              "item_id": run.items[0].id, "position": 1, "item_text": run.items[0].text,
              "outcome": "na", "note": "停机", "photos": [], "hazard_id": None}])
        assert _count(ws, "inspection_results") == 3
        assert check(ws.db) == [] and check(other.db) == []
    finally:
        other.close()


# --- Checklists and permissions -----------------------------------------------------------


def test_a_type_without_a_checklist_says_so_in_both_languages(plant):
    ws, users, ids = plant
    with pytest.raises(DomainError) as err:
        ws.inspections.start(users["worker"], ids["machines"]["DB-CY-0001"])
    assert err.value.key == "inspection.no_checklist"
    assert err.value.message("zh_CN") == "“打包机”类设备还没有点检表，请安全员先在“点检表”中建立。"
    assert err.value.message("en").startswith("There is no checklist for “打包机” equipment yet")
    i18n.set_language("en")
    try:
        assert "Checklists" in err.value.message()
    finally:
        i18n.set_language("zh_CN")


def test_checklists_are_edited_by_clerks_and_history_keeps_the_old_text(plant):
    ws, users, ids = plant
    clerk, worker = users["clerk"], users["worker"]
    _run, done = _inspect(ws, worker, ids["machines"]["YJ-CY-0001"], ["pass"] * 3)
    template = ws.inspections.template_for_type(worker, ids["types"]["YJ"])
    assert [i.text for i in template.items] == PRESS_ITEMS
    assert template.items[0].guidance == "遮挡光幕，滑块应停止" and template.type_code == "YJ"
    with pytest.raises(DomainError) as err:
        ws.inspections.create_template(clerk, ids["types"]["YJ"], "又一张", ["x"])
    assert err.value.key == "inspection.template_exists"
    first, second, third = template.items
    changed = ws.inspections.update_template(clerk, template.id, name="冲床点检表（2026版）", items=[
        ItemDraft("急停按钮灵敏，复位后方可启动", id=third.id),
        ItemDraft(first.text, first.guidance, id=first.id),
        ItemDraft("脚踏开关防护罩完好", hazard_type="guard")])
    assert changed["name"] == "冲床点检表（2026版）"
    assert changed["items"] == {"added": 1, "changed": 2, "removed": 1}
    after = ws.inspections.template(clerk, template.id)
    assert [(i.position, i.text) for i in after.items] == [
        (1, "急停按钮灵敏，复位后方可启动"), (2, first.text), (3, "脚踏开关防护罩完好")]
    assert after.items[0].id == third.id and after.items[2].hazard_type == "guard"
    assert second.id not in {i.id for i in after.items}
    old = ws.inspections.get(worker, done.id).results
    assert [r.item_text for r in old] == PRESS_ITEMS
    for bad, key in (([], "inspection.no_items"), ([" "], "inspection.required"),
                     ([ItemDraft("x", hazard_type="nonsense")], "hazard.bad_type")):
        with pytest.raises(DomainError) as err:
            ws.inspections.update_template(clerk, template.id, items=bad)
        assert err.value.key == key
    assert check(ws.db) == []


def test_permissions(plant):
    ws, users, ids = plant
    for role in Role:
        granted = ROLE_PERMISSIONS[role]
        assert Permission.VIEW_INSPECTIONS in granted and Permission.INSPECT in granted, role
        assert (Permission.EDIT_CHECKLISTS in granted) == (role in (Role.ADMIN, Role.SAFETY_CLERK))
    for who in ("worker", "head", "fixer", "checker"):
        with pytest.raises(DomainError) as err:
            ws.inspections.create_template(users[who], ids["types"]["DB"], "打包机点检表", ["急停"])
        assert err.value.key == "auth.forbidden"
        with pytest.raises(DomainError):
            ws.inspections.add_schedule(users[who], "daily", type_id=ids["types"]["YJ"])
        assert ws.inspections.templates(users[who])
        assert ws.inspections.due(users[who], dt.date(2026, 3, 11)) == []
    # every role may run a checklist; a worker's failure is recorded all the same
    for n, who in enumerate(("worker", "head", "fixer", "checker", "clerk")):
        machine = ("YJ-CY-0001", "YJ-CY-0002", "PD-CY-0001")[n % 3]
        _run, done = _inspect(ws, users[who], ids["machines"][machine], ["fail", "pass", "pass"],
                              {t: "问题" for t in ("光电保护装置灵敏有效", "柜门关闭上锁")})
        assert done.failed_count == 1
        hazard = ws.hazards.get(users["clerk"], next(iter(done.hazards.values())))
        assert hazard.reporter_person_id == users[who].person_id
    assert not users["worker"].can(Permission.RECORD_HAZARD)  # the checklist gave the authority


# --- Points -------------------------------------------------------------------------------


def test_points_only_for_a_proper_inspection(plant, clock):
    ws, users, ids = plant
    worker, press = users["worker"], ids["machines"]["YJ-CY-0001"]
    person = ids["people"]["E3"]
    _r, incomplete = _inspect(ws, worker, press, ["pass", "pass", None])
    assert not incomplete.complete and not incomplete.proper and incomplete.points == 0
    _r, all_na = _inspect(ws, worker, press, ["na", "na", "na"])
    assert all_na.complete and not all_na.proper and all_na.points == 0
    assert _inspection_points(ws, person) == 0
    clock.set(2026, 3, 11, 9, 0)
    _r, proper = _inspect(ws, worker, press, ["pass", "na", "pass"])
    assert proper.proper and proper.points == 2 and _inspection_points(ws, person) == 2
    clock.set(2026, 3, 11, 14, 0)
    _r, again = _inspect(ws, worker, press, ["pass", "pass", "pass"])  # same machine, same day
    assert not again.proper and again.points == 0
    _r, other = _inspect(ws, worker, ids["machines"]["YJ-CY-0002"], ["pass", "pass", "pass"])
    assert other.proper and other.points == 2
    clock.set(2026, 3, 12, 8, 0)
    _r, tomorrow = _inspect(ws, worker, press, ["pass", "fail", "pass"], {"防护罩完好": "松动"})
    assert tomorrow.proper and tomorrow.points == 2  # finding a problem is proper work too
    assert _inspection_points(ws, person) == 6
    ranking = ws.points.ranking(users["clerk"], 2026, 3)
    assert ranking[0].name == "王操作" and ranking[0].points == 6
    # an administrator without a person record inspects properly but earns nothing
    _r, admin = _inspect(ws, SYSTEM, ids["machines"]["PD-CY-0001"], ["pass", "pass"])
    assert admin.proper and admin.points == 0
    # the rule is configurable like the others
    ws.settings.set("points.rules", '{"inspection": 3}')
    _r, custom = _inspect(ws, worker, ids["machines"]["PD-CY-0001"], ["pass", "pass"])
    assert not custom.proper  # the administrator's check already counted today
    clock.set(2026, 3, 13, 8, 0)
    _r, custom = _inspect(ws, worker, ids["machines"]["PD-CY-0001"], ["pass", "pass"])
    assert custom.points == 3
    assert check(ws.db) == []


# --- Schedules and the due list -----------------------------------------------------------


def test_due_state_counts_missed_periods():
    wed = dt.date(2026, 3, 11)
    start = dt.date(2026, 1, 1)
    assert due_state("daily", wed, start, wed) == (False, 0)  # done today
    assert due_state("daily", dt.date(2026, 3, 10), start, wed) == (True, 0)
    assert due_state("daily", dt.date(2026, 3, 9), start, wed) == (True, 1)
    # Sunday is not a working day: Saturday's check then Tuesday misses only Monday
    assert due_state("daily", dt.date(2026, 3, 7), start, dt.date(2026, 3, 10)) == (True, 1)
    assert due_state("daily", dt.date(2026, 3, 7), start, dt.date(2026, 3, 8)) == (False, 0)
    assert due_state("daily", dt.date(2026, 3, 6), start, dt.date(2026, 3, 8)) == (False, 1)
    assert due_state("daily", None, dt.date(2026, 3, 2), wed) == (True, 8)  # Mon 2 .. Tue 10
    assert due_state("weekly", dt.date(2026, 3, 9), start, wed) == (False, 0)
    assert due_state("weekly", dt.date(2026, 3, 6), start, wed) == (True, 0)
    assert due_state("weekly", dt.date(2026, 2, 24), start, wed) == (True, 1)
    assert due_state("weekly", None, dt.date(2026, 2, 25), wed) == (True, 2)
    assert due_state("monthly", dt.date(2026, 3, 1), start, wed) == (False, 0)
    assert due_state("monthly", dt.date(2026, 2, 27), start, wed) == (True, 0)
    assert due_state("monthly", dt.date(2025, 12, 5), start, wed) == (True, 2)
    assert due_state("monthly", None, dt.date(2026, 3, 1), wed) == (True, 0)
    assert due_state("monthly", None, dt.date(2026, 4, 1), wed) == (False, 0)  # not started
    with pytest.raises(DomainError):
        due_state("hourly", None, start, wed)


def test_due_list_daily_weekly_monthly_with_missed_counts(plant, clock):
    ws, users, ids = plant
    clerk, worker = users["clerk"], users["worker"]
    m, types = ids["machines"], ids["types"]
    ws.inspections.add_schedule(clerk, "daily", type_id=types["YJ"], start_date="2026-01-01")
    weekly = ws.inspections.add_schedule(clerk, "weekly", type_id=types["PD"],
                                         start_date=dt.date(2026, 1, 1))
    ws.inspections.add_schedule(clerk, "monthly", equipment_id=m["DB-CY-0001"],
                                start_date="2026-01-01")
    # YJ-0002 has its own weekly schedule: it wins over the type's daily one
    own = ws.inspections.add_schedule(clerk, "weekly", equipment_id=m["YJ-CY-0002"],
                                      start_date="2026-01-01")
    for moment, machine, outcomes in (
            ((2026, 3, 9, 8, 0), "YJ-CY-0001", ["pass"] * 3),  # Monday: Tuesday is missed
            ((2026, 3, 10, 8, 0), "YJ-CY-0001", ["pass", None, None]),  # incomplete: not a check
            ((2026, 2, 24, 10, 0), "PD-CY-0001", ["pass", "pass"]),  # week of 23 Feb
            ((2026, 3, 2, 10, 0), "YJ-CY-0002", ["pass"] * 3)):  # week of 2 March
        clock.set(*moment)
        _inspect(ws, worker, m[machine], outcomes)
    clock.set(2026, 3, 11, 7, 30)
    due = {d.equipment_code: d for d in ws.inspections.due(clerk)}  # as of today (the clock)
    assert set(due) == {"YJ-CY-0001", "YJ-CY-0002", "PD-CY-0001", "DB-CY-0001"}
    press = due["YJ-CY-0001"]
    assert (press.frequency, press.status, press.missed) == ("daily", OVERDUE, 1)
    assert press.last_inspected == dt.date(2026, 3, 9) and press.has_checklist
    assert press.type_name == "压力机/冲床" and press.line_name == "冲压A线"
    assert (due["YJ-CY-0002"].frequency, due["YJ-CY-0002"].schedule_id) == ("weekly", own)
    assert (due["YJ-CY-0002"].status, due["YJ-CY-0002"].missed) == (DUE, 0)
    assert (due["PD-CY-0001"].status, due["PD-CY-0001"].missed) == (OVERDUE, 1)
    packer = due["DB-CY-0001"]  # never inspected since January: Jan and Feb were missed
    assert (packer.status, packer.missed, packer.has_checklist) == (OVERDUE, 2, False)
    listed = [d.equipment_code for d in ws.inspections.due(clerk, dt.date(2026, 3, 11))]
    assert listed == ["DB-CY-0001", "PD-CY-0001", "YJ-CY-0001", "YJ-CY-0002"]
    # a check this week takes the cabinet off; a paused schedule takes the packer off
    clock.set(2026, 3, 11, 9, 0)
    _inspect(ws, worker, m["PD-CY-0001"], ["pass", "pass"])
    schedules = {s.id: s for s in ws.inspections.schedules(clerk)}
    packer_schedule = next(s for s in schedules.values() if s.equipment_code == "DB-CY-0001")
    assert schedules[weekly].type_name == "配电柜/配电箱" and schedules[weekly].active
    assert ws.inspections.update_schedule(clerk, packer_schedule.id, active=False) == {"active": 0}
    due = {d.equipment_code: d for d in ws.inspections.due(clerk, dt.date(2026, 3, 11))}
    assert set(due) == {"YJ-CY-0001", "YJ-CY-0002"}
    # as of an earlier day the list is what it was then
    back = {d.equipment_code: d for d in ws.inspections.due(clerk, dt.date(2026, 3, 9))}
    assert "YJ-CY-0001" not in back  # checked that Monday morning
    assert back["PD-CY-0001"].status == OVERDUE and back["PD-CY-0001"].missed == 1
    for bad in ({"frequency": "hourly", "type_id": types["YJ"]},
                {"frequency": "daily"},
                {"frequency": "daily", "type_id": types["YJ"], "equipment_id": m["YJ-CY-0001"]}):
        with pytest.raises(DomainError):
            ws.inspections.add_schedule(clerk, **bad)
    assert ws.inspections.remove_schedule(clerk, own)
    due = {d.equipment_code: d for d in ws.inspections.due(clerk, dt.date(2026, 3, 11))}
    assert due["YJ-CY-0002"].frequency == "daily" and due["YJ-CY-0002"].missed == 7
    assert check(ws.db) == []


# --- History ------------------------------------------------------------------------------


def test_history_pages_by_machine_and_inspector(plant, clock):
    ws, users, ids = plant
    m = ids["machines"]
    for day in range(1, 6):
        clock.set(2026, 3, day, 8, 0)
        _inspect(ws, users["worker"], m["YJ-CY-0001"], ["pass"] * 3)
        clock.set(2026, 3, day, 9, 0)
        _inspect(ws, users["fixer"], m["PD-CY-0001"], ["pass", "fail" if day == 3 else "pass"],
                 {"接地可靠": "接地线松脱"})
    clerk = users["clerk"]
    page, total = ws.inspections.history_of_equipment(clerk, m["YJ-CY-0001"], 0, 2)
    assert total == 5 and [p.started_at.day for p in page] == [5, 4]
    page, total = ws.inspections.history_of_equipment(clerk, m["YJ-CY-0001"], 4, 2)
    assert total == 5 and [p.started_at.day for p in page] == [1]
    assert ws.inspections.history_of_equipment(clerk, m["YJ-CY-0001"], 10, 2) == ([], 5)
    page, total = ws.inspections.history_of_inspector(clerk, user_id=users["fixer"].user_id,
                                                      limit=3)
    assert total == 5 and {p.equipment_code for p in page} == {"PD-CY-0001"}
    page, total = ws.inspections.history_of_inspector(clerk, person_id=ids["people"]["E3"])
    assert total == 5 and all(p.inspector_name == "worker" for p in page)
    page, total = ws.inspections.history(clerk, InspectionQuery(failed_only=True))
    assert total == 1 and page[0].started_at.day == 3 and page[0].failed_count == 1
    page, total = ws.inspections.history(clerk, InspectionQuery(
        date_from=dt.date(2026, 3, 2), date_to=dt.date(2026, 3, 3)))
    assert total == 4
    with pytest.raises(DomainError):
        ws.inspections.get(clerk, "missing")


def test_hazard_types_are_guessed_from_the_item():
    assert guess_hazard_type("光电保护装置灵敏有效") == "guard"
    assert guess_hazard_type("接地线连接可靠") == "electrical"
    assert guess_hazard_type("静电接地良好") == "fire"
    assert guess_hazard_type("可燃气体检测报警器有效") == "fire"
    assert guess_hazard_type("通风排风正常") == "ventilation"
    assert guess_hazard_type("安全阀在校验期内") == "pressure"
    assert guess_hazard_type("钢丝绳无断丝") == "lifting"
    assert guess_hazard_type("刹车、喇叭、灯光正常") == "vehicle"
    assert guess_hazard_type("司机持证上岗") == "certificate"
    assert guess_hazard_type("面罩、手套齐全") == "ppe"
    assert guess_hazard_type("柜内无积尘杂物") == "housekeeping"
    assert guess_hazard_type("定期检验合格", "QZ") == "lifting"
    assert guess_hazard_type("其他") == "machinery"


# --- Demo ---------------------------------------------------------------------------------

TODAY = dt.date(2025, 11, 20)  # a Thursday


def _demo_parts(seed=1, today=TODAY):
    plant = generate_plant(seed)
    equipment = generate_equipment(plant, seed, today=today)
    user_people = {name: plant.key_people[key] for name, (key, _r) in DEMO_USERS.items() if key}
    hazards = generate_hazards(plant, equipment, {n: f"user-{n}" for n in DEMO_USERS},
                               user_people, seed, today)
    return plant, equipment, hazards, user_people


def test_demo_runs_are_deterministic_and_follow_the_story():
    plant, equipment, hazards, user_people = _demo_parts()
    data = generate_inspections(plant, equipment, hazards, user_people, 1, TODAY)
    assert data == generate_inspections(plant, equipment, hazards, user_people, 1, TODAY)
    cutoff = dt.datetime.combine(TODAY, dt.time()).isoformat()
    assert all(r["finished_at"] < cutoff for r in data.runs)
    # every inspection hazard on a machine is the failed item of a run, and nothing else fails
    wanted = {h["id"] for h in hazards.hazards if h["source"] == "inspection" and h["equipment_code"]}
    linked = [r for r in data.results if r["hazard_id"]]
    assert {r["hazard_id"] for r in linked} == wanted
    assert all(r["outcome"] == "fail" for r in linked)
    assert sum(1 for r in data.results if r["outcome"] == "fail") == len(linked)
    runs = {r["id"]: r for r in data.runs}
    found = {h["id"]: h for h in hazards.hazards}
    for r in linked:
        run, hazard = runs[r["inspection_id"]], found[r["hazard_id"]]
        assert run["equipment_code"] == hazard["equipment_code"]
        assert run["finished_at"] == hazard["found_at"] and run["started_at"] < hazard["found_at"]
        assert run["inspector_employee_no"] == hazard["reporter_employee_no"]
    # the paper era skipped far more daily checks than SafeDesk's
    switch = switch_date(TODAY)
    keys = equipment.key_equipment
    press = keys["foot_switch_press"]
    days = Counter(dt.date.fromisoformat(r["started_at"][:10]) < switch
                   for r in data.runs if r["equipment_code"] == press)
    workdays = Counter(d < switch for d in (TODAY - dt.timedelta(days=k) for k in range(1, 729))
                       if d.weekday() != 6)
    before, after = 1 - days[True] / workdays[True], 1 - days[False] / workdays[False]
    assert 0.08 < before < 0.25 and after < 0.06
    assert {keys["noisy_press"], press, keys["ventilation_booth"]} <= set(data.tracked)
    # proper SafeDesk runs earned points; paper-era runs none
    assert data.awards and all(a[4].date() >= switch and a[2] == 2 for a in data.awards)
    assert len(data.awards) == sum(1 for r in data.runs if r["proper"] and r["started_at"]
                                   >= switch.isoformat())
    assert {t["type_code"] for t in data.templates} == set(CHECKLISTS)
    assert frequency_of("YJ") == "daily" and frequency_of("PD") == "weekly"
    assert frequency_of("DM") == "monthly"


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory):
    ws = Workspace.open(tmp_path_factory.mktemp("demo"), fast_hash=True)
    load_demo(ws, today=TODAY)
    yield ws
    ws.close()


def test_demo_has_checklists_and_a_due_list_today(demo_ws):
    ws = demo_ws
    assert check(ws.db) == []
    templates = {t.type_code: t for t in ws.inspections.templates(SYSTEM)}
    for code in ("YJ", "HJ", "PT", "KY", "QZ", "CC", "PD", "DM", "FJ", "JC", "YL", "DT"):
        assert len(templates[code].items) >= 4, code
    assert "光电保护装置灵敏有效" in [i.text for i in templates["YJ"].items]
    due = ws.inspections.due(SYSTEM, TODAY)
    assert due and all(d.has_checklist for d in due)
    overdue = [d for d in due if d.status == OVERDUE]
    assert 3 <= len(overdue) <= 25
    assert {d.frequency for d in overdue} >= {"daily", "weekly"}
    assert sum(1 for d in due if d.status == DUE and d.frequency == "daily") > 100
    schedules = ws.inspections.schedules(SYSTEM)
    assert Counter(s.frequency for s in schedules) == Counter(
        {"daily": 5, "weekly": 2, "monthly": len(CHECKLISTS) - 7})
    # the failed runs point at their hazards, which are inspection hazards on that machine
    page, total = ws.inspections.history(SYSTEM, InspectionQuery(failed_only=True), 0, 500)
    assert total > 40
    for summary in page[:20]:
        for r in ws.inspections.get(SYSTEM, summary.id).results:
            if r.outcome == "fail":
                hazard = ws.hazards.get(SYSTEM, r.hazard_id)
                assert hazard.source == "inspection" and hazard.equipment_id == summary.equipment_id
    # a worker can start today's check of a due press
    press = next(d for d in due if d.equipment_code.startswith("YJ"))
    run = ws.inspections.start(SYSTEM, press.equipment_id)
    assert run.template.type_code == "YJ" and len(run.items) == 7
    month = TODAY.replace(day=1)
    ranking = ws.hazards_repo.points(month, TODAY + dt.timedelta(days=1))
    assert ranking and ranking[0][3] > 0
