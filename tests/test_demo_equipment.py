"""The demo equipment is deterministic, fits the demo plant and tells the field report's stories."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest

from core.demo_equipment import (
    EQUIPMENT_TYPES,
    KEY_EQUIPMENT_ROLES,
    MAINTENANCE_KINDS,
    STATUSES,
    DemoEquipment,
    Equipment,
    generate_equipment,
)
from core.demo_plant import RISK_LEVELS, DemoPlant, generate_plant

TODAY = dt.date(2025, 11, 1)


@pytest.fixture(scope="module")
def plant() -> DemoPlant:
    return generate_plant(1)


@pytest.fixture(scope="module")
def demo(plant: DemoPlant) -> DemoEquipment:
    return generate_equipment(plant, 1, TODAY)


def _month(d: dt.date) -> int:
    return d.year * 12 + d.month


def _longest_month_run(dates: list[dt.date]) -> int:
    months = sorted({_month(d) for d in dates})
    best = run = 0
    previous = None
    for m in months:
        run = run + 1 if previous == m - 1 else 1
        best = max(best, run)
        previous = m
    return best


def _latest_next_due(demo: DemoEquipment) -> dict[str, dt.date]:
    latest: dict[str, dt.date] = {}
    for m in demo.maintenance:
        if m.next_due is not None:
            latest[m.equipment_code] = max(latest.get(m.equipment_code, m.next_due), m.next_due)
    return latest


def test_same_seed_gives_the_same_equipment(plant: DemoPlant) -> None:
    assert generate_equipment(plant, 7, TODAY) == generate_equipment(plant, 7, TODAY)


def test_defaults_are_seed_one_and_the_fixed_date(plant: DemoPlant, demo: DemoEquipment) -> None:
    assert generate_equipment(plant) == demo


def test_different_seed_gives_different_history(plant: DemoPlant) -> None:
    a, b = generate_equipment(plant, 1, TODAY), generate_equipment(plant, 2, TODAY)
    assert a.items != b.items
    assert a.faults != b.faults


def test_about_four_hundred_items(demo: DemoEquipment) -> None:
    assert 380 <= len(demo.items) <= 420


def test_codes_are_unique_and_follow_type_area_sequence(demo: DemoEquipment) -> None:
    codes = [e.code for e in demo.items]
    assert len(set(codes)) == len(codes)
    for e in demo.items:
        match = re.fullmatch(r"([A-Z]{2})-([A-Z]{2})-(\d{4})", e.code)
        assert match, e.code
        assert match.group(1) == e.type_code and match.group(2) == e.area_code
    # Sequences run 1..n per (type, area) without gaps.
    seqs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for e in demo.items:
        seqs[(e.type_code, e.area_code)].append(int(e.code[-4:]))
    for key, numbers in seqs.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), key


def test_areas_lines_departments_and_owners_exist(plant: DemoPlant, demo: DemoEquipment) -> None:
    areas = {a.code for a in plant.areas}
    lines = {line.code: line.area_code for line in plant.lines}
    departments = {d.code for d in plant.departments}
    for e in demo.items:
        assert e.area_code in areas, e.code
        if e.line_code is not None:
            assert lines[e.line_code] == e.area_code, e.code
        assert e.department_code in departments, e.code
        owner = plant.person(e.owner_employee_no)
        assert owner.department_code == e.department_code, e.code
        assert owner.status == "active", e.code


def test_owners_hold_fitting_posts(plant: DemoPlant, demo: DemoEquipment) -> None:
    def post(e: Equipment) -> str:
        return plant.person(e.owner_employee_no).post_code

    assert {post(e) for e in demo.items if e.type_code == "PD"} <= {"SB-DG"}
    assert {post(e) for e in demo.items if e.type_code == "CC"} <= {"CC-CCSJ"}
    assert {post(e) for e in demo.items if e.type_code == "HQ"} <= {"HJ-JQR"}


def test_types_are_known_and_special_flag_matches(demo: DemoEquipment) -> None:
    types = {t.code: t for t in EQUIPMENT_TYPES}
    assert demo.types == EQUIPMENT_TYPES
    assert len(types) == len(EQUIPMENT_TYPES)
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in types)
    assert {"YJ", "HJ", "HQ", "PT", "KY", "QZ", "CC", "YL", "PD", "JC", "DM", "FJ"} <= set(types)
    assert {code for code, t in types.items() if t.special} >= {"QZ", "CC", "YL"}
    for e in demo.items:
        assert e.type_code in types, e.code
        assert e.special == types[e.type_code].special, e.code


def test_every_type_is_in_use(demo: DemoEquipment) -> None:
    assert {e.type_code for e in demo.items} == {t.code for t in EQUIPMENT_TYPES}


def test_fields_are_plausible(demo: DemoEquipment) -> None:
    serials = [e.serial_no for e in demo.items]
    assert len(set(serials)) == len(serials)
    for e in demo.items:
        assert e.name and e.model and e.manufacturer, e.code
        assert re.fullmatch(r"[A-Z0-9-]{8,16}", e.serial_no), e.serial_no
        assert e.status in STATUSES
        assert e.risk_grade is None or e.risk_grade in RISK_LEVELS
    statuses = [e.status for e in demo.items]
    assert statuses.count("in_service") > 0.9 * len(statuses)
    assert {"stopped", "under_repair"} <= set(statuses)
    unassessed = sum(e.risk_grade is None for e in demo.items)
    assert 0 < unassessed < 0.1 * len(demo.items)


def test_presses_stand_on_both_stamping_lines(demo: DemoEquipment) -> None:
    presses = [e for e in demo.items if e.type_code == "YJ"]
    assert {"CY-A", "CY-B"} <= {e.line_code for e in presses}
    assert all(e.area_code in {"CY", "ZP"} for e in presses)
    assert any(e.model.startswith("JH21-") for e in presses)


def test_procedures_are_numbered_and_differ_per_type(demo: DemoEquipment) -> None:
    by_type: dict[str, set[str]] = defaultdict(set)
    for e in demo.items:
        steps = e.procedure.splitlines()
        assert 3 <= len(steps) <= 6, e.code
        assert [s.split(".")[0] for s in steps] == [str(i) for i in range(1, len(steps) + 1)]
        by_type[e.type_code].add(e.procedure)
    assert all(len(procedures) == 1 for procedures in by_type.values())
    all_procedures = [next(iter(p)) for p in by_type.values()]
    assert len(set(all_procedures)) == len(all_procedures)


def test_inspection_due_only_for_special_equipment(demo: DemoEquipment) -> None:
    for e in demo.items:
        assert (e.inspection_due is not None) == e.special, e.code
    dues = [e.inspection_due for e in demo.items if e.inspection_due is not None]
    overdue = [d for d in dues if d < TODAY]
    due_soon = [d for d in dues if TODAY <= d <= TODAY + dt.timedelta(days=30)]
    assert 1 <= len(overdue) <= 8
    assert len(due_soon) >= 2


def test_statutory_inspections_are_done_by_an_outside_body(demo: DemoEquipment) -> None:
    special = {e.code for e in demo.items if e.special}
    statutory = [m for m in demo.maintenance if m.kind == "statutory_inspection"]
    assert statutory
    for m in statutory:
        assert m.equipment_code in special
        assert not re.fullmatch(r"HJ\d{4}", m.performed_by), m
    # The latest inspection's next_due is the item's inspection_due.
    latest: dict[str, dt.date] = {}
    for m in statutory:
        if m.next_due is not None:
            latest[m.equipment_code] = max(latest.get(m.equipment_code, m.next_due), m.next_due)
    for code, due in latest.items():
        assert demo.item(code).inspection_due == due, code


def test_every_item_has_maintenance_after_install(demo: DemoEquipment) -> None:
    first: dict[str, dt.date] = {}
    for m in demo.maintenance:
        first[m.equipment_code] = min(first.get(m.equipment_code, m.date), m.date)
    for e in demo.items:
        assert e.code in first, e.code
        assert e.install_date < first[e.code], e.code


def test_maintenance_records_are_well_formed(plant: DemoPlant, demo: DemoEquipment) -> None:
    codes = {e.code for e in demo.items}
    people = {p.employee_no for p in plant.people}
    window_start = TODAY - dt.timedelta(days=731)
    for m in demo.maintenance:
        assert m.equipment_code in codes
        assert m.kind in MAINTENANCE_KINDS
        assert window_start <= m.date <= TODAY, m
        assert m.notes
        if m.kind != "statutory_inspection":
            assert m.performed_by in people, m
        if m.kind in ("daily", "repair"):
            assert m.next_due is None
        else:
            assert m.next_due is not None and m.next_due > m.date, m


def test_presses_compressors_and_cranes_are_maintained_more_densely(
    demo: DemoEquipment,
) -> None:
    count: dict[str, int] = defaultdict(int)
    for m in demo.maintenance:
        count[m.equipment_code] += 1

    def average(types: set[str]) -> float:
        chosen = [e.code for e in demo.items if e.type_code in types]
        return sum(count[c] for c in chosen) / len(chosen)

    assert average({"YJ", "KY", "QZ"}) > 1.3 * average({"DM", "JC", "FJ", "PD"})


def test_some_items_are_overdue_for_maintenance(demo: DemoEquipment) -> None:
    latest = _latest_next_due(demo)
    overdue = [c for c, d in latest.items() if d < TODAY and demo.item(c).status == "in_service"]
    assert 3 <= len(overdue) <= 0.15 * len(demo.items)


def test_all_dates_are_on_or_before_today(demo: DemoEquipment) -> None:
    assert all(e.install_date <= TODAY for e in demo.items)
    assert all(m.date <= TODAY for m in demo.maintenance)
    assert all(f.date <= TODAY for f in demo.faults)


def test_faults_are_well_formed(demo: DemoEquipment) -> None:
    items = {e.code: e for e in demo.items}
    repairs = {(m.equipment_code, m.date) for m in demo.maintenance if m.kind == "repair"}
    for f in demo.faults:
        assert f.equipment_code in items
        assert items[f.equipment_code].install_date < f.date, f
        assert f.symptom and f.cause and f.fix
        assert f.downtime_hours > 0
        assert (f.equipment_code, f.date) in repairs, f
    # Sparse: most machines never broke down in two years.
    assert len({f.equipment_code for f in demo.faults}) < 0.5 * len(demo.items)
    assert len({f.symptom for f in demo.faults}) >= 30


def test_key_equipment_exists(demo: DemoEquipment) -> None:
    assert set(demo.key_equipment) == set(KEY_EQUIPMENT_ROLES)
    assert len(set(demo.key_equipment.values())) == len(KEY_EQUIPMENT_ROLES)
    for code in demo.key_equipment.values():
        assert demo.item(code).status == "in_service"


def _noise_dates(demo: DemoEquipment, code: str) -> list[dt.date]:
    return [
        f.date
        for f in demo.faults_of(code)
        if "异响" in f.symptom or "异常响声" in f.symptom
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_noisy_press_has_noise_in_three_consecutive_months(plant: DemoPlant, seed: int) -> None:
    demo = generate_equipment(plant, seed, TODAY)
    press = demo.item(demo.key_equipment["noisy_press"])
    assert press.type_code == "YJ" and press.line_code == "CY-B"
    assert _longest_month_run(_noise_dates(demo, press.code)) >= 3


def test_only_the_noisy_press_repeats_month_after_month(demo: DemoEquipment) -> None:
    fault_dates: dict[str, list[dt.date]] = defaultdict(list)
    for f in demo.faults:
        fault_dates[f.equipment_code].append(f.date)
    repeating = {c for c, dates in fault_dates.items() if _longest_month_run(dates) >= 3}
    assert repeating == {demo.key_equipment["noisy_press"]}


def test_foot_switch_press_is_on_line_b_with_repeated_faults(demo: DemoEquipment) -> None:
    press = demo.item(demo.key_equipment["foot_switch_press"])
    assert press.type_code == "YJ" and press.line_code == "CY-B"
    foot = [f for f in demo.faults_of(press.code) if "脚踏开关" in f.symptom]
    assert len(foot) >= 4
    assert max(f.date for f in foot) - min(f.date for f in foot) <= dt.timedelta(days=62)
    # No other machine shares the story.
    others = {f.equipment_code for f in demo.faults if "脚踏开关" in f.symptom}
    assert others == {press.code}


def test_history_follows_today(plant: DemoPlant) -> None:
    later = dt.date(2026, 6, 15)
    demo = generate_equipment(plant, 1, later)
    assert max(m.date for m in demo.maintenance) <= later
    assert max(m.date for m in demo.maintenance) > later - dt.timedelta(days=31)
    noisy = demo.key_equipment["noisy_press"]
    assert _longest_month_run(_noise_dates(demo, noisy)) >= 3


@pytest.mark.parametrize("day", [dt.date(2026, 3, 1), dt.date(2026, 3, 2), dt.date(2024, 2, 29)])
def test_no_history_after_today_even_early_in_a_month(day):
    demo = generate_equipment(generate_plant(1), 1, today=day)
    assert all(f.date < day for f in demo.faults)
    assert all(m.date <= day for m in demo.maintenance)
