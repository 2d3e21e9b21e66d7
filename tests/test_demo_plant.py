"""The demo plant is deterministic and internally consistent; its floor plan is metric."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import warnings
from pathlib import Path

import pytest
from PIL import Image

from core.demo_plant import (
    KEY_ROLES,
    RISK_LEVELS,
    STATUSES,
    Area,
    DemoPlant,
    generate_plant,
)
from reports.floorplan import render_floor_plan

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def plant() -> DemoPlant:
    return generate_plant(1)


def test_same_seed_gives_the_same_plant() -> None:
    assert generate_plant(7) == generate_plant(7)


def test_default_seed_is_one(plant: DemoPlant) -> None:
    assert generate_plant() == plant


def test_different_seed_gives_different_people() -> None:
    assert generate_plant(1).people != generate_plant(2).people


def test_headcount_is_312(plant: DemoPlant) -> None:
    assert len(plant.people) == 312


def test_employee_numbers_are_unique_and_well_formed(plant: DemoPlant) -> None:
    numbers = [p.employee_no for p in plant.people]
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"HJ\d{4}", n) for n in numbers)


def test_employee_numbers_follow_hire_order(plant: DemoPlant) -> None:
    ordered = sorted(plant.people, key=lambda p: p.employee_no)
    dates = [p.hire_date for p in ordered]
    assert dates == sorted(dates)


def test_people_fields_are_plausible(plant: DemoPlant) -> None:
    phones = [p.phone for p in plant.people]
    assert len(set(phones)) == len(phones)
    for p in plant.people:
        assert re.fullmatch(r"1[358]\d{9}", p.phone), p.phone
        assert 2 <= len(p.name) <= 4, p.name
        assert all("\u4e00" <= ch <= "\u9fff" for ch in p.name), p.name
        assert p.gender in ("male", "female")
        assert p.status in STATUSES
        assert dt.date(2005, 1, 1) <= p.hire_date <= dt.date(2025, 12, 31)
    statuses = [p.status for p in plant.people]
    assert statuses.count("active") > 0.9 * len(statuses)


def test_hire_dates_spread_over_twenty_years(plant: DemoPlant) -> None:
    years = {p.hire_date.year for p in plant.people}
    assert min(years) <= 2006 and max(years) >= 2024


def test_every_person_has_an_existing_department_and_post(plant: DemoPlant) -> None:
    departments = {d.code for d in plant.departments}
    posts = {p.code: p for p in plant.posts}
    for person in plant.people:
        assert person.department_code in departments
        assert person.post_code in posts
        assert posts[person.post_code].department_code == person.department_code


def test_every_post_belongs_to_an_existing_department(plant: DemoPlant) -> None:
    departments = {d.code for d in plant.departments}
    assert all(p.department_code in departments for p in plant.posts)


def test_codes_are_unique(plant: DemoPlant) -> None:
    for items in (plant.buildings, plant.areas, plant.lines, plant.departments, plant.posts):
        codes = [item.code for item in items]
        assert len(set(codes)) == len(codes)


def test_every_line_and_area_has_an_existing_parent(plant: DemoPlant) -> None:
    areas = {a.code for a in plant.areas}
    buildings = {b.code for b in plant.buildings}
    assert all(line.area_code in areas for line in plant.lines)
    assert all(area.building_code in buildings for area in plant.areas)
    assert all(b.site_code == plant.site.code for b in plant.buildings)


def test_stamping_lines_a_and_b_exist(plant: DemoPlant) -> None:
    names = {line.name for line in plant.lines}
    assert {"冲压A线", "冲压B线"} <= names


def test_production_workshops_hold_most_people(plant: DemoPlant) -> None:
    shop_floor = [p for p in plant.people if p.department_code in {"CY", "HJ", "PT", "ZP"}]
    assert len(shop_floor) > len(plant.people) / 2


def _overlap(a: Area, b: Area) -> bool:
    ax, ay, aw, ah = a.rect
    bx, by, bw, bh = b.rect
    # Shared walls (touching edges) are fine; only a positive common area counts.
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def test_areas_fit_the_plan_and_do_not_overlap(plant: DemoPlant) -> None:
    width, height = plant.plan_size
    for area in plant.areas:
        x, y, w, h = area.rect
        assert w > 0 and h > 0
        assert 0 <= x and x + w <= width and 0 <= y and y + h <= height, area.code
    for a, b in itertools.combinations(plant.areas, 2):
        assert not _overlap(a, b), (a.code, b.code)


def test_required_area_kinds_exist(plant: DemoPlant) -> None:
    kinds = {a.kind for a in plant.areas}
    required = {"stamping", "welding", "painting", "assembly", "warehouse", "compressor"}
    assert required | {"power", "office"} <= kinds


def test_key_people_exist_and_are_active(plant: DemoPlant) -> None:
    assert set(plant.key_people) == set(KEY_ROLES)
    for role, employee_no in plant.key_people.items():
        assert plant.person(employee_no).status == "active", role
    # Separation of duties: the reviewer is neither the rectifier nor the clerk.
    assert len(set(plant.key_people.values())) == len(KEY_ROLES)


def test_key_people_hold_the_posts_their_roles_need(plant: DemoPlant) -> None:
    posts = {p.code: p for p in plant.posts}

    def post_name(role: str) -> str:
        return posts[plant.person(plant.key_people[role]).post_code].name

    assert post_name("safety_clerk") == "安全员"
    assert post_name("head_stamping") == "车间主任"
    assert plant.person(plant.key_people["head_welding"]).department_code == "HJ"
    assert plant.person(plant.key_people["head_painting"]).department_code == "PT"


def test_risk_levels_are_valid(plant: DemoPlant) -> None:
    assert all(p.risk_level in RISK_LEVELS for p in plant.posts)
    by_name = {p.name: p.risk_level for p in plant.posts}
    assert by_name["喷漆工"] == "major"
    assert by_name["冲压工"] == "considerable"
    assert by_name["文员"] == "low"


@pytest.mark.parametrize(("px_per_m", "expected"), [(10.0, (2000, 1200)), (3.5, (700, 420))])
def test_floor_plan_png_has_metric_pixel_size(
    plant: DemoPlant, tmp_path: Path, px_per_m: float, expected: tuple[int, int]
) -> None:
    out = tmp_path / "plan.png"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_floor_plan(plant.areas, plant.plan_size, out, "测试平面图", px_per_m=px_per_m)
    # Matplotlib warns "Glyph ... missing from font" when Chinese would come out as boxes.
    assert not [w for w in caught if "missing from" in str(w.message)]
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size == expected


def test_floor_plan_walls_sit_at_metre_times_px_per_m(plant: DemoPlant, tmp_path: Path) -> None:
    out = tmp_path / "plan.png"
    render_floor_plan(plant.areas, plant.plan_size, out, "平面图", px_per_m=10.0)
    x, y, _, h = plant.area("CY").rect
    row = round((y + h / 2) * 10)
    with Image.open(out) as image:
        grey = image.convert("L")
        assert grey.getpixel((round(x * 10), row)) < 128  # on the west wall
        assert grey.getpixel((round(x * 10) - 5, row)) > 240  # outside: white ground
        assert grey.getpixel((round(x * 10) + 5, row)) > 200  # inside: pale floor


def test_bundled_demo_floor_plan_matches_the_plant(plant: DemoPlant) -> None:
    png = REPO / "resources" / "demo" / "floorplan.png"
    with Image.open(png) as image:
        assert image.size == (round(plant.plan_size[0] * 10), round(plant.plan_size[1] * 10))
