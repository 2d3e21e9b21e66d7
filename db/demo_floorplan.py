"""The demo plant's site plan on the risk map: the plan image, a zone per area, every machine."""

from __future__ import annotations

import importlib.resources
import json

from core.demo_floorplan import PX_PER_M, layout
from core.demo_plant import DemoPlant
from db import records
from db.repositories.tables import FLOOR_PLANS, PLAN_MARKERS, PLAN_ZONES
from db.workspace import Workspace

DEMO_PLAN_NAME = "厂区总平面图"


def load_demo_floorplan(ws: Workspace, plant: DemoPlant, site_id: str, areas: dict[str, str],
                        equipment: dict[str, tuple[str, str]]) -> str:
    """``areas``: area id by code; ``equipment``: (id, area code) by equipment code."""
    width, height = (round(v * PX_PER_M) for v in plant.plan_size)
    zones, markers = layout(plant.areas, [(code, area) for code, (_id, area)
                                          in equipment.items()])
    resource = importlib.resources.files("resources") / "demo" / "floorplan.png"
    with importlib.resources.as_file(resource) as path, ws.db.transaction():
        sha, _size = ws.attachments.put(path)
        plan_id = records.insert(ws.db, FLOOR_PLANS, {
            "site_id": site_id, "building_id": None, "floor": None, "name": DEMO_PLAN_NAME,
            "image_sha256": sha, "width_px": width, "height_px": height,
            "metres_per_px": 1 / PX_PER_M, "position": 0})
        # the attachment row makes sync carry the image (see jobs/floorplans.py)
        ws.attachments.attach("floor_plan", plan_id, "document", path)
        records.insert_many(ws.db, PLAN_ZONES, [{
            "plan_id": plan_id, "area_id": areas[area.code], "name": area.name,
            "polygon": json.dumps(zones[area.code])} for area in plant.areas])
        records.insert_many(ws.db, PLAN_MARKERS, [{
            "plan_id": plan_id, "equipment_id": equipment[code][0], "x": x, "y": y}
            for code, (x, y) in sorted(markers.items())])
    return plan_id
