"""The hazard workflow through the service, on a real SQLite file."""

import datetime as dt

import pytest

from core.auth import SYSTEM, Role
from core.hazards import HazardQuery
from core.i18n import DomainError
from core.workflow import CONFLICT_RESOLVED, DISPATCHED, RECTIFIED, REVIEW_PASSED
from db.check import check
from db.workspace import Workspace


class Clock:
    def __init__(self) -> None:
        self.t = dt.datetime(2026, 3, 2, 9, 0)

    def __call__(self) -> dt.datetime:
        return self.t

    def advance(self, **kw) -> None:
        self.t += dt.timedelta(**kw)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def plant(tmp_path, clock):
    ws = Workspace.open(tmp_path, fast_hash=True)
    ws.hazards.now = clock
    site = ws.structure.add(SYSTEM, "site", {"code": "S01", "name": "主厂区"})
    dept = ws.structure.add(SYSTEM, "department", {"code": "CY", "name": "冲压车间", "site_id": site})
    area = ws.structure.add(SYSTEM, "area", {"code": "CY", "name": "冲压车间", "site_id": site,
                                             "department_id": dept})
    people = {}
    for no, name in [("E1", "张工"), ("E2", "李工"), ("E3", "王工"), ("E4", "赵工")]:
        people[no] = ws.people.add(SYSTEM, {"employee_no": no, "name": name, "department_id": dept})
    users = {}
    for username, roles, person in [("clerk", ["safety_clerk"], "E1"), ("fixer", ["rectifier"], "E2"),
                                    ("checker", ["reviewer"], "E3"), ("worker", ["employee"], "E4")]:
        ws.auth.create_user(SYSTEM, username, username, roles, "password-1", people[person])
        users[username] = ws.auth.users.by_username(username).actor()
    yield ws, users, {"dept": dept, "area": area, "people": people}
    ws.close()


def _dispatch(ws, users, ids, hazard_id, clock, **extra):
    values = {"department_id": ids["dept"], "rectifier_id": users["fixer"].user_id,
              "measures": "更换脚踏开关护罩", "funds": 300,
              "deadline": clock() + dt.timedelta(hours=72), **extra}
    return ws.hazards.dispatch(users["clerk"], hazard_id, values)


def test_five_steps_end_to_end_with_points_and_measures(plant, clock):
    ws, users, ids = plant
    hid = ws.hazards.record(users["clerk"], {"description": "B线3号冲床脚踏开关无防护罩",
                                             "type": "guard", "area_id": ids["area"]})
    hazard = ws.hazards.get(users["clerk"], hid)
    assert hazard.number == "YH-2026-0001" and hazard.step == "discover"
    assert ws.hazards.allowed_actions(users["clerk"], hid) == ["merged_into", DISPATCHED]
    clock.advance(hours=2)
    _dispatch(ws, users, ids, hid, clock)
    assert ws.hazards.allowed_actions(users["fixer"], hid) == [RECTIFIED]
    assert ws.hazards.allowed_actions(users["checker"], hid) == []
    mine = ws.hazards.search_page(users["fixer"], HazardQuery(mine=users["fixer"].user_id))[1]
    assert mine == 1
    clock.advance(hours=1)
    ws.hazards.rectify(users["fixer"], hid, "已加装护罩", cost=280)
    # the rectifier cannot review their own work; the reviewer can
    assert ws.hazards.allowed_actions(users["fixer"], hid) == []
    with pytest.raises(DomainError) as err:
        ws.hazards.review(users["fixer"], hid, True)
    assert err.value.key in ("hazard.own_review", "auth.forbidden")
    ws.hazards.review(users["checker"], hid, False, "护罩固定不牢")
    assert ws.hazards.get(users["clerk"], hid).step == "rectify"
    ws.hazards.rectify(users["fixer"], hid, "重新固定护罩", cost=20)
    ws.hazards.review(users["checker"], hid, True)
    clock.advance(minutes=30)
    ws.hazards.archive(users["clerk"], hid)
    done = ws.hazards.get(users["clerk"], hid)
    assert done.step == "closed" and done.archived_at == clock()
    m = ws.hazards.measures(users["clerk"], HazardQuery())
    assert m.count == 1 and m.response_hours == pytest.approx(2)
    assert m.rectification_hours == pytest.approx(3.5) and m.on_time_rate == 1
    points = ws.hazards_repo.points(dt.date(2026, 3, 1), dt.date(2026, 4, 1))
    assert [(name, total) for _pid, name, _no, total in points] == [("李工", 10)]
    kinds = [e.kind for e in ws.hazards.timeline(users["clerk"], hid)]
    assert kinds == ["discovered", "dispatched", "rectified", "review_rejected", "rectified",
                     "review_passed", "archived"]
    assert check(ws.db) == []


def test_role_checks_and_bad_input(plant, clock):
    ws, users, ids = plant
    with pytest.raises(DomainError) as err:  # workers report (随手拍); staff record
        ws.hazards.record(users["worker"], {"description": "通道堆放物料", "type": "housekeeping"})
    assert err.value.key == "auth.forbidden"
    hid = ws.hazards.record(users["clerk"], {"description": "通道堆放物料", "type": "housekeeping"})
    with pytest.raises(DomainError) as err:
        ws.hazards.dispatch(users["worker"], hid, {})
    assert err.value.key == "auth.forbidden"
    for bad, key in [({}, "hazard.no_department"),
                     ({"department_id": ids["dept"]}, "hazard.no_rectifier"),
                     ({"department_id": ids["dept"], "rectifier_id": "u", "measures": "x"},
                      "hazard.no_deadline"),
                     ({"department_id": ids["dept"], "rectifier_id": "u", "measures": "x",
                       "deadline": clock() - dt.timedelta(hours=1)}, "hazard.deadline_past")]:
        with pytest.raises(DomainError) as err:
            ws.hazards.dispatch(users["clerk"], hid, bad)
        assert err.value.key == key
    with pytest.raises(DomainError) as err:
        ws.hazards.archive(users["clerk"], hid)
    assert err.value.key == "hazard.wrong_step" and "待派发" in err.value.message("zh_CN")
    with pytest.raises(DomainError) as err:
        ws.hazards.record(users["clerk"], {"description": " ", "type": "ppe"})
    assert err.value.key == "hazard.required"


def test_major_hazard_needs_the_six_fixes(plant, clock):
    ws, users, ids = plant
    hid = ws.hazards.record(users["clerk"], {"description": "调漆间无可燃气体检测报警", "type": "ventilation",
                                             "grade": "major"})
    with pytest.raises(DomainError) as err:
        _dispatch(ws, users, ids, hid, clock, funds=None)
    assert err.value.key == "hazard.major_needs"
    _dispatch(ws, users, ids, hid, clock, reviewer_id=users["checker"].user_id,
              plan="停用调漆间，加装检测报警并联锁通风", stop_production=True, report_to_regulator=True)
    state = ws.hazards.state(users["clerk"], hid)
    assert state.dispatch["stop_production"] is True and state.step == "rectify"


def test_snapshot_report_verify_reject_merge(plant, clock):
    ws, users, ids = plant
    e4 = ids["people"]["E4"]
    first = ws.hazards.report(None, e4, "赵工", {"description": "焊接区有人未戴面罩", "type": "ppe",
                                                 "area_id": ids["area"]})
    assert ws.hazards.get(users["clerk"], first).step == "pending"
    ws.hazards.verify(users["clerk"], first, reward=20)
    assert ws.hazards.get(users["clerk"], first).step == "discover"
    dup = ws.hazards.report(None, e4, "赵工", {"description": "焊接区未戴面罩", "type": "ppe"})
    ws.hazards.merge(users["clerk"], dup, first)
    assert ws.hazards.get(users["clerk"], dup).step == "merged"
    junk = ws.hazards.report(None, e4, "赵工", {"description": "食堂饭菜不好吃"})
    with pytest.raises(DomainError):
        ws.hazards.reject_report(users["clerk"], junk, " ")
    ws.hazards.reject_report(users["clerk"], junk, "不属于安全隐患")
    assert ws.hazards.get(users["clerk"], junk).step == "rejected"
    with pytest.raises(DomainError):
        ws.hazards.report(None, "", "", {"description": "x"})
    points = ws.hazards_repo.points(dt.date(2026, 3, 1), dt.date(2026, 4, 1))
    assert [(n, t) for _p, n, _no, t in points] == [("赵工", 3)]


def test_overdue_steps_escalate_once_per_level(plant, clock):
    ws, users, ids = plant
    hid = ws.hazards.record(users["clerk"], {"description": "配电柜门未关", "type": "electrical"})
    _dispatch(ws, users, ids, hid, clock)
    assert ws.hazards.escalate_overdue() == []
    clock.advance(hours=73)
    assert ws.hazards.escalate_overdue() == [(hid, 1)]
    assert ws.hazards.escalate_overdue() == []
    assert ws.hazards.search_page(users["clerk"], HazardQuery(overdue=True, now=clock()))[1] == 1
    clock.advance(hours=72)
    assert ws.hazards.escalate_overdue() == [(hid, 2)]
    assert ws.hazards.get(users["clerk"], hid).escalation_level == 2
    # late rectification earns no points
    ws.hazards.rectify(users["fixer"], hid, "已关门上锁")
    assert ws.hazards_repo.points(dt.date(2026, 1, 1), dt.date(2027, 1, 1)) == []
    assert ws.hazards.get(users["clerk"], hid).escalation_level == 0  # new step, new ladder


def test_conflicting_offline_dispatch_is_kept_and_settled(plant, clock):
    from core.workflow import Event

    ws, users, ids = plant
    hid = ws.hazards.record(users["clerk"], {"description": "叉车超速", "type": "vehicle"})
    _dispatch(ws, users, ids, hid, clock)
    # another PC dispatched the same hazard while offline; its event arrives later
    late = Event("evt-other-pc", hid, DISPATCHED, {"department_id": ids["dept"],
                 "rectifier_id": users["checker"].user_id, "deadline": "2026-03-09T00:00:00"},
                 "u-other", "另一台电脑", clock(), ws.db.clock.now(), "pc-2")
    ws.hazards_repo.append(late, "general", ws.hazards.rules())
    state = ws.hazards.state(users["clerk"], hid)
    assert state.rectifier_id == users["fixer"].user_id  # the earlier dispatch stands
    assert [c.event_id for c in state.conflicts] == ["evt-other-pc"]
    assert CONFLICT_RESOLVED in ws.hazards.allowed_actions(users["clerk"], hid)
    ws.hazards.resolve_conflict(users["clerk"], hid, ["evt-other-pc"], "以第一次派发为准")
    assert ws.hazards.state(users["clerk"], hid).conflicts == ()
    assert ws.hazards.get(users["clerk"], hid).conflicts == 0


def test_state_cache_rebuilds_identically(plant, clock):
    ws, users, ids = plant
    for i in range(5):
        hid = ws.hazards.record(users["clerk"], {"description": f"隐患{i}", "type": "other"})
        if i % 2:
            _dispatch(ws, users, ids, hid, clock)
    before = ws.db.conn.execute("SELECT * FROM hazard_state ORDER BY hazard_id").fetchall()
    assert ws.hazards_repo.rebuild_states() == 5
    after = ws.db.conn.execute("SELECT * FROM hazard_state ORDER BY hazard_id").fetchall()
    assert before == after
    assert REVIEW_PASSED not in ws.hazards.allowed_actions(users["clerk"], hid)
    _ = Role
