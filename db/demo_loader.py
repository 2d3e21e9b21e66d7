"""Fill a data folder with the demo plant (core/demo_plant.py), in one transaction."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from core.auth import Role
from core.demo_equipment import DemoEquipment, generate_equipment
from core.demo_hazards import DemoHazards, generate_hazards
from core.demo_inspections import generate_inspections
from core.demo_plant import DemoPlant, generate_plant
from core.ids import uuid7
from db import records
from db.demo_floorplan import load_demo_floorplan
from db.demo_metrics import load_demo_metrics
from db.demo_risk import load_demo_risk
from db.demo_warnings import load_demo_warnings
from db.repositories.chemicals import load_demo_chemicals
from db.repositories.hazards import SqliteHazardRepository
from db.repositories.tables import (
    CHECKLIST_ITEMS,
    CHECKLIST_TEMPLATES,
    EQUIPMENT,
    EQUIPMENT_TYPES,
    FAULTS,
    INSPECTION_RESULTS,
    INSPECTION_SCHEDULES,
    INSPECTIONS,
    MAINTENANCE,
    PEOPLE,
    POINT_AWARDS,
)
from db.workspace import PLANT_NAME_KEY, Workspace

DEMO_PASSWORD = "safedesk-demo"
# Demo log-ins: user name -> (key person role in the demo plant, roles)
DEMO_USERS: dict[str, tuple[str | None, tuple[Role, ...]]] = {
    "admin": (None, (Role.ADMIN,)),
    "clerk": ("safety_clerk", (Role.SAFETY_CLERK,)),
    "lead": ("safety_lead", (Role.SAFETY_CLERK, Role.REVIEWER)),
    "head": ("head_stamping", (Role.DEPT_HEAD,)),
    "rectifier": ("rectifier", (Role.RECTIFIER,)),
    "reviewer": ("reviewer", (Role.REVIEWER,)),
}
# Which department runs each area (by area code -> department code).
_AREA_DEPARTMENT = {"CY": "CY", "HJ": "HJ", "PT": "PT", "TQ": "PT", "ZP": "ZP", "CK": "CC",
                    "KY": "SB", "PD": "SB", "BG": "ZB"}
_GENDER = {"male": "M", "female": "F"}


class DemoNotEmptyError(Exception):
    pass


def load_demo(ws: Workspace, seed: int = 1,
              progress: Callable[[int, int, str], None] | None = None,
              today: dt.date | None = None) -> dict[str, str]:
    """Write the demo plant; returns the administrator's log-in. The folder must be empty.
    Its history (maintenance, faults, hazards) ends on ``today`` (default: the real today)."""
    report = progress or (lambda done, total, text: None)
    if ws.auth.has_users() or ws.plant_name:
        raise DemoNotEmptyError(str(ws.data_dir))
    today = today or dt.date.today()
    plant = generate_plant(seed)
    hasher = ws.auth.hasher
    report(0, 6, "structure")
    with ws.db.transaction():
        repo = ws.structure_repo
        ws.settings.set(PLANT_NAME_KEY, plant.name)
        site_id = repo.add("site", {"code": plant.site.code, "name": plant.site.name})
        buildings = {b.code: uuid7() for b in plant.buildings}
        repo.add_many("building", [{"site_id": site_id, "code": b.code, "name": b.name}
                                   for b in plant.buildings], list(buildings.values()))
        departments = {d.code: uuid7() for d in plant.departments}
        repo.add_many("department", [{"site_id": site_id, "code": d.code, "name": d.name}
                                     for d in plant.departments], list(departments.values()))
        areas = {a.code: uuid7() for a in plant.areas}
        repo.add_many("area", [{
            "site_id": site_id, "building_id": buildings[a.building_code],
            "department_id": departments.get(_AREA_DEPARTMENT.get(a.code, "")),
            "code": a.code, "name": a.name, "kind": a.kind, "plan_rect": json.dumps(list(a.rect)),
        } for a in plant.areas], list(areas.values()))
        lines = {ln.code: uuid7() for ln in plant.lines}
        repo.add_many("line", [{"area_id": areas[ln.area_code], "code": ln.code, "name": ln.name}
                               for ln in plant.lines], list(lines.values()))
        posts = {p.code: uuid7() for p in plant.posts}
        repo.add_many("post", [{"department_id": departments[p.department_code], "code": p.code,
                                "name": p.name, "risk_level": p.risk_level}
                               for p in plant.posts], list(posts.values()))
        report(1, 6, "people")
        people = {p.employee_no: uuid7() for p in plant.people}
        records.insert_many(ws.db, PEOPLE, [{
            "employee_no": p.employee_no, "name": p.name, "gender": _GENDER.get(p.gender),
            "department_id": departments[p.department_code], "post_id": posts[p.post_code],
            "hire_date": p.hire_date.isoformat(), "phone": p.phone, "status": p.status,
        } for p in plant.people], list(people.values()))
        for role, dept_code in (("head_stamping", "CY"), ("head_welding", "HJ"),
                                ("head_painting", "PT")):
            repo.update("department", departments[dept_code],
                        {"head_person_id": people[plant.key_people[role]]})
        report(2, 6, "equipment")
        demo, items = _load_equipment(ws, plant, seed, today, site_id, areas, lines, departments,
                                      people)
        report(3, 6, "users")
        users: dict[str, str] = {}
        for username, (key, roles) in DEMO_USERS.items():
            person = plant.person(plant.key_people[key]) if key else None
            users[username] = ws.users_repo.add_user(
                username, person.name if person else "系统管理员", roles,
                hasher.hash(DEMO_PASSWORD), people[person.employee_no] if person else None)
        report(4, 6, "hazards")
        area_departments = {code: departments[dept] for code, dept in _AREA_DEPARTMENT.items()}
        hazards = _load_hazards(ws, plant, demo, seed, today, users, area_departments,
                                {"area": areas, "line": lines, "equipment": items,
                                 "person": people})
        report(5, 6, "inspections")
        _load_inspections(ws, plant, demo, hazards, seed, today, users, items, people)
        load_demo_risk(ws, plant, demo, seed, today, site_id,  # the risk register (F7)
                       {"area": areas, "equipment": items, "post": posts,
                        "department": departments, "person": people}, users.get("clerk"))
        load_demo_chemicals(ws.db)  # the major hazard ledger's inventory (GB 18218-2018)
        load_demo_floorplan(ws, plant, site_id, areas,  # the risk map's plan, zones, markers
                            {e.code: (items[e.code], e.area_code) for e in demo.items})
        load_demo_warnings(ws, demo, seed, today, items)  # MES alarms, sensors, rules (F8)
        load_demo_metrics(ws, plant, today, people)  # incidents, workforce, inspections (F9)
    report(6, 6, "done")
    return {"username": "admin", "password": DEMO_PASSWORD}


def _load_equipment(ws: Workspace, plant: DemoPlant, seed: int, today: dt.date, site_id: str,
                    areas: dict[str, str], lines: dict[str, str], departments: dict[str, str],
                    people: dict[str, str]) -> tuple[DemoEquipment, dict[str, str]]:
    """About 400 machines with two years of maintenance and faults, ending today; returns the
    generated ledger and the equipment ids by code (the hazards point at them)."""
    demo = generate_equipment(plant, seed, today=today)
    types = {t.code: uuid7() for t in demo.types}
    records.insert_many(ws.db, EQUIPMENT_TYPES, [
        {"code": t.code, "name": t.name, "special": 1 if t.special else 0} for t in demo.types
    ], list(types.values()))
    items = {e.code: uuid7() for e in demo.items}
    records.insert_many(ws.db, EQUIPMENT, [{
        "site_id": site_id, "code": e.code, "name": e.name, "type_id": types[e.type_code],
        "model": e.model, "manufacturer": e.manufacturer, "serial_no": e.serial_no,
        "area_id": areas[e.area_code], "line_id": lines.get(e.line_code or ""),
        "department_id": departments.get(e.department_code),
        "owner_person_id": people.get(e.owner_employee_no),
        "install_date": e.install_date.isoformat(), "status": e.status,
        "risk_grade": e.risk_grade, "special": 1 if e.special else 0,
        "inspection_due": e.inspection_due.isoformat() if e.inspection_due else None,
        "procedure": e.procedure, "notes": None,
    } for e in demo.items], list(items.values()))
    records.insert_many(ws.db, MAINTENANCE, [{
        "equipment_id": items[m.equipment_code], "date": m.date.isoformat(), "kind": m.kind,
        "performed_by": _performer(m.performed_by, plant), "notes": m.notes,
        "next_due": m.next_due.isoformat() if m.next_due else None,
    } for m in demo.maintenance])
    records.insert_many(ws.db, FAULTS, [{
        "equipment_id": items[f.equipment_code], "date": f.date.isoformat(),
        "symptom": f.symptom, "cause": f.cause, "downtime_hours": f.downtime_hours, "fix": f.fix,
    } for f in demo.faults])
    return demo, items


def _load_hazards(ws: Workspace, plant: DemoPlant, equipment: DemoEquipment, seed: int,
                  today: dt.date, users: dict[str, str], area_departments: dict[str, str],
                  ids: dict[str, dict[str, str]]) -> DemoHazards:
    """Two years of hazards, their events and the points they earned (core/demo_hazards.py)."""
    user_people = {name: plant.key_people[key] for name, (key, _roles) in DEMO_USERS.items() if key}
    demo = generate_hazards(plant, equipment, users, user_people, seed, today, area_departments)
    rows = [{
        "id": h["id"], "number": h["number"], "description": h["description"], "type": h["type"],
        "grade": h["grade"], "source": h["source"], "area_id": ids["area"][h["area_code"]],
        "line_id": ids["line"].get(h["line_code"] or ""),
        "equipment_id": ids["equipment"].get(h["equipment_code"] or ""),
        "location": h["location"], "reporter_person_id": ids["person"][h["reporter_employee_no"]],
        "reporter_name": h["reporter_name"], "found_at": h["found_at"],
    } for h in demo.hazards]
    hazard_ids = [row["id"] for row in rows]
    SqliteHazardRepository(ws.db).create_many(rows, demo.events, ws.hazards.rules())
    records.insert_many(ws.db, POINT_AWARDS, [{
        "person_id": ids["person"][person], "rule": rule, "points": points, "reason": reason,
        "hazard_id": hazard_ids[index], "awarded_at": at.isoformat(),
    } for person, rule, points, reason, index, at in demo.awards])
    if demo.events:
        # The events carry stamps from their own (past) times; the clock must stay above them.
        ws.db.clock.observe(max(e.hlc for e in demo.events))
    return demo


def _load_inspections(ws: Workspace, plant: DemoPlant, equipment: DemoEquipment,
                      hazards: DemoHazards, seed: int, today: dt.date, users: dict[str, str],
                      items: dict[str, str], people: dict[str, str]) -> None:
    """Checklists, schedules and two years of inspection runs (core/demo_inspections.py): the
    failed runs are the demo's inspection hazards; proper runs on SafeDesk earned points."""
    user_people = {name: plant.key_people[key] for name, (key, _roles) in DEMO_USERS.items() if key}
    demo = generate_inspections(plant, equipment, hazards, user_people, seed, today)
    types = {code: type_id for type_id, code in ws.db.conn.execute(
        "SELECT id, code FROM equipment_types WHERE deleted_hlc IS NULL")}
    records.insert_many(ws.db, CHECKLIST_TEMPLATES, [
        {"type_id": types[t["type_code"]], "name": t["name"]} for t in demo.templates
    ], [t["id"] for t in demo.templates])
    records.insert_many(ws.db, CHECKLIST_ITEMS, [
        {k: v for k, v in i.items() if k != "id"} for i in demo.items], [i["id"] for i in demo.items])
    records.insert_many(ws.db, INSPECTION_SCHEDULES, [{
        "equipment_id": None, "type_id": types[s["type_code"]], "frequency": s["frequency"],
        "start_date": s["start_date"], "active": s["active"]} for s in demo.schedules
    ], [s["id"] for s in demo.schedules])
    records.insert_many(ws.db, INSPECTIONS, [{
        "equipment_id": items[r["equipment_code"]], "template_id": r["template_id"],
        "inspector_user_id": users.get(r["inspector_username"] or ""),
        "inspector_person_id": people[r["inspector_employee_no"]],
        "inspector_name": r["inspector_name"], "started_at": r["started_at"],
        "finished_at": r["finished_at"], "note": r["note"], "item_count": r["item_count"],
        "ok_count": r["ok_count"], "failed_count": r["failed_count"], "na_count": r["na_count"],
        "proper": r["proper"]} for r in demo.runs], [r["id"] for r in demo.runs])
    records.insert_many(ws.db, INSPECTION_RESULTS, [
        {k: v for k, v in r.items() if k != "id"} for r in demo.results
    ], [r["id"] for r in demo.results])
    records.insert_many(ws.db, POINT_AWARDS, [{
        "person_id": people[person], "rule": rule, "points": points, "reason": reason,
        "hazard_id": None, "awarded_at": at.isoformat()} for person, rule, points, reason, at
        in demo.awards])


def _performer(who: str, plant) -> str:
    """An employee number becomes "name (number)"; an outside company stays as written."""
    try:
        person = plant.person(who)
    except (KeyError, StopIteration, ValueError):
        return who
    return f"{person.name}（{person.employee_no}）"
