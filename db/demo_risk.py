"""Write the demo risk register (core/demo_risk.py) into a data folder being filled by the demo."""

from __future__ import annotations

import datetime as dt

from core.demo_equipment import DemoEquipment
from core.demo_plant import DemoPlant
from core.demo_risk import generate_risk
from core.ids import uuid7
from core.risk import SAFETY_PHONE_KEY
from db.repositories.risk import SqliteRiskRepository
from db.workspace import Workspace


def load_demo_risk(ws: Workspace, plant: DemoPlant, equipment: DemoEquipment, seed: int,
                   today: dt.date, site_id: str, ids: dict[str, dict[str, str]],
                   assessor_user_id: str | None) -> int:
    """Risk points, their assessments and measures; the machines' grades follow their points.
    ``ids`` maps kind ("area", "equipment", "post", "department", "person") -> code -> id.
    Returns the number of points."""
    clerk = plant.person(plant.key_people["safety_clerk"])
    demo = generate_risk(plant, equipment, seed, today, assessor=clerk.name)
    point_ids = {p["code"]: uuid7() for p in demo.points}

    def ref(kind: str, code: str | None) -> str | None:
        return ids[kind].get(code) if code else None

    points = [{
        "code": p["code"], "name": p["name"], "kind": p["kind"], "site_id": site_id,
        # An equipment point stands where its machine stands: the machine carries the area.
        "area_id": None if p["equipment_code"] else ref("area", p["area_code"]),
        "equipment_id": ref("equipment", p["equipment_code"]), "post_id": ref("post", p["post_code"]),
        "department_id": ref("department", p["department_code"]), "activity": p["activity"],
        "hazard_factors": p["hazard_factors"], "possible_accidents": p["possible_accidents"],
        "method": p["method"], "grade": p["grade"], "score": p["score"],
        "control_level": p["control_level"],
        "responsible_department_id": ref("department", p["responsible_department_code"]),
        "responsible_person_id": ref("person", p["responsible_employee_no"]),
        "review_date": p["review_date"], "notes": p["notes"],
    } for p in demo.points]
    measures = [{"risk_point_id": point_ids[m["point_code"]], "kind": m["kind"], "text": m["text"],
                 "position": m["position"]} for m in demo.measures]
    assessments = [{
        "risk_point_id": point_ids[a["point_code"]], "method": a["method"], "l": a.get("l"),
        "e": a.get("e"), "c": a.get("c"), "likelihood": a.get("likelihood"),
        "severity": a.get("severity"), "score": a["score"], "grade": a["grade"],
        "assessed_at": a["assessed_at"], "assessor_user_id": assessor_user_id,
        "assessor_name": a["assessor_name"], "note": a["note"],
    } for a in demo.assessments]
    SqliteRiskRepository(ws.db).add_many(points, list(point_ids.values()), measures, assessments)
    ws.settings.set(SAFETY_PHONE_KEY, "0576-8512 3110")  # printed on the post risk cards
    return len(points)
