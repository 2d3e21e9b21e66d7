"""Two years of demo hazards: the field report's numbers, its stories, valid workflows."""

import datetime as dt
import statistics
from collections import defaultdict

import pytest

from core.auth import SYSTEM
from core.demo_equipment import generate_equipment
from core.demo_hazards import DEVICE, generate_hazards, month_windows, switch_date
from core.demo_plant import generate_plant
from core.hazards import DEFAULT_POINT_RULES, HAZARD_TYPES, SOURCES, HazardQuery
from core.workflow import OPEN_STEPS, fold
from db.check import check
from db.demo_loader import DEMO_USERS, load_demo
from db.workspace import Workspace

TODAY = dt.date(2025, 11, 20)
SWITCH = switch_date(TODAY)


def _generate(seed: int = 1, today: dt.date = TODAY):
    plant = generate_plant(seed)
    equipment = generate_equipment(plant, seed, today=today)
    user_people = {name: plant.key_people[key] for name, (key, _r) in DEMO_USERS.items() if key}
    users = {name: f"user-{name}" for name in DEMO_USERS}
    return plant, equipment, user_people, generate_hazards(plant, equipment, users, user_people,
                                                           seed, today)


@pytest.fixture(scope="module")
def demo():
    return _generate()


@pytest.fixture(scope="module")
def states(demo):
    events = defaultdict(list)
    for e in demo[3].events:
        events[e.hazard_id].append(e)
    return {h["id"]: fold(events[h["id"]]) for h in demo[3].hazards}


def _found(h) -> dt.datetime:
    return dt.datetime.fromisoformat(h["found_at"])


def _era(hazards, before: bool):
    return [h for h in hazards if (_found(h).date() < SWITCH) == before]


def test_same_seed_same_hazards_and_another_seed_differs():
    first, again = _generate()[3], _generate()[3]
    assert first == again
    assert _generate(seed=2)[3].hazards != first.hazards


def test_monthly_counts_fall_from_23_to_9(demo):
    hazards = demo[3].hazards
    counts = [sum(1 for h in hazards if start <= _found(h).date() < end)
              for start, end in month_windows(TODAY)]
    assert sum(counts) == len(hazards)
    before, after = counts[:12], counts[12:]
    assert all(17 <= c <= 29 for c in before) and statistics.mean(before) == pytest.approx(23, abs=0.5)
    # the last month carries the foot-switch alert, the noisy press and the open work
    assert all(5 <= c <= 13 for c in after[:-1]) and after[-1] <= 20
    assert statistics.mean(after) == pytest.approx(9, abs=0.5)


def test_rectification_hours_72_before_and_under_4_after(demo, states):
    def hours(hazards, start: str, end: str) -> list[float]:
        out = []
        for h in hazards:
            s = states[h["id"]]
            a, b = getattr(s, start), getattr(s, end)
            if a is not None and b is not None:
                out.append((b - a).total_seconds() / 3600)
        return out

    hazards = demo[3].hazards
    before, after = _era(hazards, True), _era(hazards, False)
    assert statistics.mean(hours(before, "found_at", "archived_at")) == pytest.approx(72, abs=1)
    assert statistics.mean(hours(after, "found_at", "archived_at")) == pytest.approx(3.8, abs=0.1)
    assert statistics.mean(hours(after, "found_at", "dispatched_at")) < 1
    assert statistics.mean(hours(before, "found_at", "dispatched_at")) > 12


def test_welding_ppe_is_37_percent_and_clusters_at_three_pm(demo):
    hazards = demo[3].hazards
    ppe = [h for h in hazards if h["type"] == "ppe"]
    assert 0.30 <= len(ppe) / len(hazards) <= 0.45
    assert {h["area_code"] for h in ppe} == {"HJ"}
    at_three = [h for h in ppe if _found(h).hour == 15]
    assert len(at_three) / len(ppe) > 0.6
    others = [_found(h).time() for h in hazards if h["type"] != "ppe"]
    assert all(dt.time(8) <= t <= dt.time(17, 30) for t in others)
    hours = {t.hour for t in others}
    assert hours >= set(range(8, 18))  # spread over the whole working day
    assert statistics.mean(t.hour for t in others) < 14


def test_foot_switch_reported_seven_times_in_two_months(demo):
    _plant, equipment, _up, data = demo
    code = equipment.key_equipment["foot_switch_press"]
    reports = sorted(_found(h).date() for h in data.hazards
                     if h["equipment_code"] == code and h["type"] == "guard"
                     and h["line_code"] == "CY-B" and "又出问题" not in h["description"])
    assert any(len([d for d in reports if start <= d <= start + dt.timedelta(days=60)]) >= 7
               for start in reports)
    assert all(d >= SWITCH for d in reports)
    descriptions = {h["description"] for h in data.hazards if h["equipment_code"] == code}
    assert len(descriptions) >= 7  # each report tells its own story


def test_noisy_press_three_consecutive_months(demo):
    _plant, equipment, _up, data = demo
    code = equipment.key_equipment["noisy_press"]
    months = sorted({(_found(h).year, _found(h).month) for h in data.hazards
                     if h["equipment_code"] == code})
    index = [y * 12 + m for y, m in months]
    assert any(index[i + 2] - index[i] == 2 for i in range(len(index) - 2))


def test_every_workflow_is_valid(demo, states):
    plant, _equipment, user_people, data = demo
    assert all(not s.conflicts for s in states.values())
    assert all(h["type"] in HAZARD_TYPES and h["source"] in SOURCES for h in data.hazards)
    stamps = [e.hlc for e in data.events]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert {e.device for e in data.events} == {DEVICE}
    assert {e.hazard_id for e in data.events} == {h["id"] for h in data.hazards}
    cutoff = dt.datetime.combine(TODAY, dt.time())
    assert all(e.at < cutoff for e in data.events)
    people = {p.employee_no for p in plant.people}
    assert all(h["reporter_employee_no"] in people for h in data.hazards)
    for e in data.events:
        assert (e.hlc >> 16) == int(e.at.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
                                    .timestamp() * 1000)
        if e.kind == "dispatched":
            assert {"department_id", "rectifier_id", "reviewer_id", "measures", "funds",
                    "deadline"} <= set(e.payload)
            assert e.payload["rectifier_id"] == "user-rectifier"
            assert e.payload["reviewer_id"] in ("user-reviewer", "user-lead")
            assert dt.datetime.fromisoformat(e.payload["deadline"]) > e.at
        if e.kind == "rectified":
            assert set(e.payload) == {"note", "cost", "photos", "on_time"} and e.payload["note"]
            assert e.actor_id == "user-rectifier"
        if e.kind in ("review_passed", "review_rejected"):
            assert e.actor_id in ("user-reviewer", "user-lead")
            assert e.kind == "review_passed" or e.payload["reason"]
    # numbers run per found year in order
    by_year = defaultdict(list)
    for h in data.hazards:
        by_year[_found(h).year].append(int(h["number"].rsplit("-", 1)[1]))
        assert h["number"].startswith(f"YH-{_found(h).year}-")
    assert all(n == list(range(1, len(n) + 1)) for n in by_year.values())
    # some reviews sent work back once, with a reason, and it was rectified again
    assert sum(1 for s in states.values() if s.rejections == 1 and s.step == "closed") >= 10
    assert user_people["rectifier"] != user_people["reviewer"]


def test_sources_mix_and_paper_era_has_no_snapshots(demo, states):
    hazards = demo[3].hazards
    sources = {h["source"] for h in hazards}
    assert {"inspection", "snapshot", "regulator", "other"} <= sources
    assert all(h["source"] != "snapshot" for h in _era(hazards, True))
    assert all(h["source"] != "regulator" for h in _era(hazards, False))
    rewarded = [s for s in states.values() if s.reward]
    assert rewarded and all(s.reward["amount"] > 0 for s in rewarded)


def test_open_work_in_every_step_with_overdue_and_major_hazards(demo, states):
    hazards = demo[3].hazards
    recent = dt.datetime.combine(TODAY - dt.timedelta(days=21), dt.time())
    steps = {states[h["id"]].step for h in hazards if _found(h) >= recent}
    assert set(OPEN_STEPS) <= steps
    now = dt.datetime.combine(TODAY, dt.time(9))
    overdue = [s for s in states.values() if s.step == "rectify" and s.deadline < now]
    assert overdue and all(s.escalation_level >= 1 for s in overdue)
    majors = [h for h in hazards if h["grade"] == "major" and states[h["id"]].is_open]
    assert 1 <= len(majors) <= 2
    for h in majors:
        fixes = states[h["id"]].dispatch
        assert fixes["funds"] > 0 and fixes["reviewer_id"] and fixes["plan"]
        assert fixes["stop_production"] in (True, False)
        assert fixes["report_to_regulator"] in (True, False)
    assert any("调漆间" in h["description"] for h in majors)


def test_awards_follow_the_point_rules(demo, states):
    _plant, _equipment, user_people, data = demo
    assert data.awards
    by_index = {i: h for i, h in enumerate(data.hazards)}
    for person, rule, points, reason, index, at in data.awards:
        assert points == DEFAULT_POINT_RULES[rule]
        hazard = by_index[index]
        assert reason == hazard["number"] and at.date() >= SWITCH
        if rule == "verified_report":
            assert person == hazard["reporter_employee_no"] and hazard["source"] == "snapshot"
        else:
            assert rule == "rectified_on_time" and person == user_people["rectifier"]
    on_time = sum(1 for e in data.events if e.kind == "rectified" and e.payload["on_time"]
                  and e.at.date() >= SWITCH)
    assert sum(1 for a in data.awards if a[1] == "rectified_on_time") == on_time


def test_loaded_demo_gives_the_field_report_figures(tmp_path):
    ws = Workspace.open(tmp_path, fast_hash=True)
    try:
        load_demo(ws, today=TODAY)
        assert check(ws.db) == []
        start = month_windows(TODAY)[0][0]
        one_day = dt.timedelta(days=1)
        before = ws.hazards.measures(SYSTEM, HazardQuery(found_from=start, found_to=SWITCH - one_day))
        after = ws.hazards.measures(SYSTEM, HazardQuery(found_from=SWITCH, found_to=TODAY - one_day))
        assert before.count / 12 == pytest.approx(23, abs=0.5)
        assert after.count / 12 == pytest.approx(9, abs=0.5)
        assert before.rectification_hours == pytest.approx(72, abs=1)
        assert after.rectification_hours == pytest.approx(3.8, abs=0.1)
        assert after.response_hours < 1 < before.response_hours
        assert before.on_time_rate < 0.8 < 0.9 < after.on_time_rate
        month = TODAY.replace(day=1)
        ranking = ws.hazards_repo.points(month, TODAY + one_day)
        assert ranking and ranking[0][3] > 0
        for step in OPEN_STEPS:
            assert ws.hazards.search_page(SYSTEM, HazardQuery(steps=(step,)))[1] > 0, step
        now = dt.datetime.combine(TODAY, dt.time(9))
        assert ws.hazards.search_page(SYSTEM, HazardQuery(overdue=True, now=now))[1] > 0
        rectifier = ws.auth.users.by_username("rectifier")
        assert ws.hazards.search_page(SYSTEM, HazardQuery(mine=rectifier.id))[1] > 0
        foot = generate_equipment(generate_plant(1), 1, today=TODAY).key_equipment["foot_switch_press"]
        machine = ws.equipment_repo.find_by_code(foot)
        assert ws.hazards.search_page(SYSTEM, HazardQuery(equipment_id=machine.id))[1] >= 7
        # new hazards continue the year's numbering
        assert ws.hazards_repo.next_number(2025) > "YH-2025-0001"
    finally:
        ws.close()
