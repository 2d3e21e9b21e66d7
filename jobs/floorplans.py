"""Import a floor plan: prepare the image (reports/plan_image.py), store it, record the plan."""

from __future__ import annotations

import tempfile
from pathlib import Path

from core.auth import Actor, Permission, require
from db.workspace import Workspace
from reports.plan_image import prepare


def import_plan(ws: Workspace, actor: Actor, source: Path | str, name: str,
                building_id: str | None = None, floor: str | None = None, page: int = 1,
                metres_per_px: float | None = None) -> str:
    """Returns the new plan's id. Nothing is recorded when the image is refused."""
    require(actor, Permission.EDIT_STRUCTURE)
    source = Path(source)
    site_id = None
    if building_id:
        building = ws.structure_repo.get("building", building_id)
        site_id = building.get("site_id") if building else None
    with tempfile.TemporaryDirectory(prefix="safedesk-plan-") as tmp:
        image = prepare(source, page, Path(tmp))
        sha, _size = ws.attachments.put(image.path)
        with ws.db.transaction():
            plan_id = ws.floorplans.add_plan(
                actor, name, sha, image.width_px, image.height_px, building_id=building_id,
                floor=floor, site_id=site_id, metres_per_px=metres_per_px)
            # An attachment row too: sync moves the blobs that attachment rows name, so the
            # plan image reaches the other PCs with the plan.
            ws.attachments.attach("floor_plan", plan_id, "document", image.path)
    return plan_id
