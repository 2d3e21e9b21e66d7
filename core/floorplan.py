"""Floor plans and the four-colour risk map (F6): plans, equipment markers, risk zones.

Pure rules over a repository (db/repositories/floorplans.py holds the SQL): a zone takes the
highest grade among the live risk points of its area and the live equipment in that area; a
marker takes its equipment's grade (grey when not assessed) and carries the counts of its open
and overdue hazards. Clerks and administrators edit plans (EDIT_STRUCTURE: a plan is a drawing
of the plant's structure); everybody who may see the structure reads them.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from core import i18n
from core.auth import Actor, Permission, require
from core.colours import NOT_ASSESSED_COLOUR, RISK_COLOURS
from core.i18n import DomainError
from core.plant import RISK_LEVELS

MAX_SIDE_PX = 10_000  # the largest plan image side we accept (issue 6)
MIN_POLYGON_POINTS = 3

i18n.register({
    "floorplan.name_required": {"zh_CN": "请填写平面图名称。", "en": "Please name the floor plan."},
    "floorplan.name_taken": {
        "zh_CN": "已有名为“{name}”的平面图。",
        "en": "There is already a floor plan called “{name}”.",
    },
    "floorplan.not_found": {"zh_CN": "找不到该平面图。", "en": "The floor plan was not found."},
    "floorplan.unknown_plan": {
        "zh_CN": "没有名为“{name}”的平面图。现有：{names}",
        "en": "There is no floor plan called “{name}”. Plans: {names}",
    },
    "floorplan.no_plans": {
        "zh_CN": "还没有平面图，请先导入平面图。",
        "en": "There are no floor plans yet; import one first.",
    },
    "floorplan.too_big": {
        "zh_CN": "图片为 {width}×{height} 像素，超过每边 {limit} 像素的上限；请缩小后再导入。",
        "en": "The image is {width}×{height} px, over the limit of {limit} px a side; "
              "scale it down and import again.",
    },
    "floorplan.bad_image": {
        "zh_CN": "无法读取平面图文件 {path}：{reason}",
        "en": "Cannot read the floor plan file {path}: {reason}",
    },
    "floorplan.bad_format": {
        "zh_CN": "不支持的平面图格式 .{suffix}；请使用 PNG、JPG 或 PDF。",
        "en": "Unsupported floor plan format .{suffix}; use PNG, JPG or PDF.",
    },
    "floorplan.bad_page": {
        "zh_CN": "PDF 只有 {pages} 页，没有第 {page} 页。",
        "en": "The PDF has {pages} pages; there is no page {page}.",
    },
    "floorplan.polygon_points": {
        "zh_CN": "风险区域至少需要 {n} 个点。",
        "en": "A risk zone needs at least {n} points.",
    },
    "floorplan.outside": {
        "zh_CN": "位置在平面图之外。",
        "en": "The position is outside the floor plan.",
    },
    "floorplan.zone_name_required": {
        "zh_CN": "请为风险区域选择区域或填写名称。",
        "en": "Choose an area or give the risk zone a name.",
    },
    "floorplan.equipment_missing": {
        "zh_CN": "找不到该设备，或设备已删除。",
        "en": "The equipment was not found or has been removed.",
    },
})

# Highest first; index = rank (0 is the most severe).
GRADE_RANK = {grade: rank for rank, grade in enumerate(RISK_LEVELS)}
Point = tuple[float, float]


@dataclass(frozen=True)
class FloorPlan:
    id: str
    name: str
    image_sha256: str
    width_px: int
    height_px: int
    site_id: str | None = None
    building_id: str | None = None
    floor: str | None = None
    metres_per_px: float | None = None
    position: int = 0
    building_name: str = ""


@dataclass(frozen=True)
class MapMarker:
    id: str
    equipment_id: str
    x: float
    y: float
    code: str
    name: str
    grade: str | None  # the equipment's risk grade; None = not assessed
    area_id: str | None = None
    open_hazards: int = 0
    overdue_hazards: int = 0

    @property
    def colour(self) -> str:
        return grade_colour(self.grade)


@dataclass(frozen=True)
class MapZone:
    id: str
    name: str
    polygon: tuple[Point, ...]
    area_id: str | None = None
    area_name: str = ""
    grade: str | None = None

    @property
    def colour(self) -> str:
        return grade_colour(self.grade)

    @property
    def centre(self) -> Point:
        return polygon_centre(self.polygon)


@dataclass(frozen=True)
class RiskMap:
    """Everything the page and the export draw for one plan."""

    plan: FloorPlan
    zones: tuple[MapZone, ...]
    markers: tuple[MapMarker, ...]
    # Open hazards as points on the plan (their machine's marker, else their area's zone
    # centre); the heat overlay's input.
    hazard_points: tuple[Point, ...] = ()
    grade_counts: dict[str, int] = field(default_factory=dict)  # zones per grade (legend)


class FloorPlanRepository(Protocol):
    def plans(self) -> list[FloorPlan]: ...
    def plan(self, plan_id: str) -> FloorPlan | None: ...
    def add_plan(self, values: Mapping[str, Any]) -> str: ...
    def update_plan(self, plan_id: str, changes: Mapping[str, Any]) -> dict[str, Any]: ...
    def remove_plan(self, plan_id: str) -> bool: ...
    def markers(self, plan_id: str) -> list[dict[str, Any]]: ...
    def marker_of(self, plan_id: str, equipment_id: str) -> dict[str, Any] | None: ...
    def equipment_exists(self, equipment_id: str) -> bool: ...
    def add_marker(self, values: Mapping[str, Any]) -> str: ...
    def update_marker(self, marker_id: str, changes: Mapping[str, Any]) -> dict[str, Any]: ...
    def remove_marker(self, marker_id: str) -> bool: ...
    def zones(self, plan_id: str) -> list[dict[str, Any]]: ...
    def add_zone(self, values: Mapping[str, Any]) -> str: ...
    def update_zone(self, zone_id: str, changes: Mapping[str, Any]) -> dict[str, Any]: ...
    def remove_zone(self, zone_id: str) -> bool: ...
    def area_grades(self) -> dict[str, set[str]]: ...
    def hazard_counts(self, now: dt.datetime) -> dict[str, tuple[int, int]]: ...
    def open_hazard_places(self) -> list[tuple[str | None, str | None]]: ...
    def areas(self) -> list[dict[str, Any]]: ...
    def equipment_list(self, text: str, limit: int) -> list[dict[str, Any]]: ...


def grade_colour(grade: str | None) -> str:
    return RISK_COLOURS.get(grade or "", NOT_ASSESSED_COLOUR)


def highest_grade(grades: Iterable[str | None]) -> str | None:
    """The most severe of ``grades`` (None and unknown values are ignored)."""
    ranked = [g for g in grades if g in GRADE_RANK]
    return min(ranked, key=GRADE_RANK.__getitem__) if ranked else None


def polygon_centre(polygon: Sequence[Point]) -> Point:
    """The area centroid (shoelace); the vertex mean for a degenerate polygon."""
    area2 = cx = cy = 0.0
    n = len(polygon)
    for i in range(n):
        x0, y0 = polygon[i]
        x1, y1 = polygon[(i + 1) % n]
        cross = x0 * y1 - x1 * y0
        area2 += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area2) < 1e-9:
        return (sum(p[0] for p in polygon) / n, sum(p[1] for p in polygon) / n)
    return (cx / (3 * area2), cy / (3 * area2))


def point_in_polygon(point: Point, polygon: Sequence[Point]) -> bool:
    x, y = point
    inside = False
    n = len(polygon)
    for i in range(n):
        x0, y0 = polygon[i]
        x1, y1 = polygon[(i + 1) % n]
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
            inside = not inside
    return inside


def parse_polygon(text: str | Sequence[Any]) -> tuple[Point, ...]:
    raw = json.loads(text) if isinstance(text, str) else text
    return tuple((float(p[0]), float(p[1])) for p in raw)


class FloorPlanService:
    def __init__(self, repo: FloorPlanRepository) -> None:
        self.repo = repo

    # -- plans -------------------------------------------------------------------------
    def plans(self, actor: Actor) -> list[FloorPlan]:
        require(actor, Permission.VIEW_STRUCTURE)
        return self.repo.plans()

    def plan(self, actor: Actor, plan_id: str) -> FloorPlan:
        require(actor, Permission.VIEW_STRUCTURE)
        plan = self.repo.plan(plan_id)
        if plan is None:
            raise DomainError("floorplan.not_found")
        return plan

    def plan_by_name(self, actor: Actor, name: str) -> FloorPlan:
        plans = self.plans(actor)
        wanted = name.strip().casefold()
        for plan in plans:
            if plan.name.strip().casefold() == wanted:
                return plan
        if not plans:
            raise DomainError("floorplan.no_plans")
        raise DomainError("floorplan.unknown_plan", name=name,
                          names="、".join(p.name for p in plans))

    def _check_name(self, name: str, plan_id: str | None) -> str:
        name = (name or "").strip()
        if not name:
            raise DomainError("floorplan.name_required")
        for other in self.repo.plans():
            if other.id != plan_id and other.name.casefold() == name.casefold():
                raise DomainError("floorplan.name_taken", name=name)
        return name

    def add_plan(self, actor: Actor, name: str, image_sha256: str, width_px: int, height_px: int,
                 building_id: str | None = None, floor: str | None = None,
                 site_id: str | None = None, metres_per_px: float | None = None) -> str:
        require(actor, Permission.EDIT_STRUCTURE)
        name = self._check_name(name, None)
        if max(width_px, height_px) > MAX_SIDE_PX:
            raise DomainError("floorplan.too_big", width=width_px, height=height_px,
                              limit=MAX_SIDE_PX)
        position = max((p.position for p in self.repo.plans()), default=-1) + 1
        return self.repo.add_plan({
            "site_id": site_id, "building_id": building_id, "floor": (floor or "").strip() or None,
            "name": name, "image_sha256": image_sha256, "width_px": int(width_px),
            "height_px": int(height_px), "metres_per_px": metres_per_px, "position": position})

    def update_plan(self, actor: Actor, plan_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Rename, move to another building/floor, set the scale."""
        require(actor, Permission.EDIT_STRUCTURE)
        allowed = {k: v for k, v in changes.items()
                   if k in ("name", "building_id", "floor", "metres_per_px", "position")}
        if "name" in allowed:
            allowed["name"] = self._check_name(allowed["name"], plan_id)
        return self.repo.update_plan(plan_id, allowed)

    def remove_plan(self, actor: Actor, plan_id: str) -> bool:
        """Tombstones the plan with its markers and zones (one transaction, in the repository)."""
        require(actor, Permission.EDIT_STRUCTURE)
        return self.repo.remove_plan(plan_id)

    # -- markers -------------------------------------------------------------------------
    def _inside(self, plan: FloorPlan, x: float, y: float) -> None:
        if not (0 <= x <= plan.width_px and 0 <= y <= plan.height_px):
            raise DomainError("floorplan.outside")

    def place_marker(self, actor: Actor, plan_id: str, equipment_id: str, x: float,
                     y: float) -> str:
        """Put a machine on the plan; a machine already on it moves (one marker per plan)."""
        require(actor, Permission.EDIT_STRUCTURE)
        plan = self.plan(actor, plan_id)
        self._inside(plan, x, y)
        if not self.repo.equipment_exists(equipment_id):
            raise DomainError("floorplan.equipment_missing")
        existing = self.repo.marker_of(plan_id, equipment_id)
        if existing:
            self.repo.update_marker(existing["id"], {"x": float(x), "y": float(y)})
            return str(existing["id"])
        return self.repo.add_marker({"plan_id": plan_id, "equipment_id": equipment_id,
                                     "x": float(x), "y": float(y)})

    def move_marker(self, actor: Actor, plan_id: str, marker_id: str, x: float,
                    y: float) -> dict[str, Any]:
        require(actor, Permission.EDIT_STRUCTURE)
        self._inside(self.plan(actor, plan_id), x, y)
        return self.repo.update_marker(marker_id, {"x": float(x), "y": float(y)})

    def remove_marker(self, actor: Actor, marker_id: str) -> bool:
        require(actor, Permission.EDIT_STRUCTURE)
        return self.repo.remove_marker(marker_id)

    # -- zones -------------------------------------------------------------------------
    def _polygon(self, plan: FloorPlan, polygon: Sequence[Sequence[float]]) -> str:
        points = parse_polygon(polygon)
        if len(points) < MIN_POLYGON_POINTS:
            raise DomainError("floorplan.polygon_points", n=MIN_POLYGON_POINTS)
        for x, y in points:
            if not (math.isfinite(x) and math.isfinite(y)):
                raise DomainError("floorplan.outside")
            self._inside(plan, x, y)
        return json.dumps([[round(x, 2), round(y, 2)] for x, y in points])

    def add_zone(self, actor: Actor, plan_id: str, polygon: Sequence[Sequence[float]],
                 area_id: str | None, name: str = "") -> str:
        require(actor, Permission.EDIT_STRUCTURE)
        plan = self.plan(actor, plan_id)
        name = self._zone_name(name, area_id)
        return self.repo.add_zone({"plan_id": plan_id, "area_id": area_id, "name": name,
                                   "polygon": self._polygon(plan, polygon)})

    def _zone_name(self, name: str, area_id: str | None) -> str:
        name = (name or "").strip()
        if not name and area_id:
            name = next((a["name"] for a in self.repo.areas() if a["id"] == area_id), "")
        if not name:
            raise DomainError("floorplan.zone_name_required")
        return name

    def update_zone(self, actor: Actor, plan_id: str, zone_id: str,
                    changes: Mapping[str, Any]) -> dict[str, Any]:
        require(actor, Permission.EDIT_STRUCTURE)
        plan = self.plan(actor, plan_id)
        values: dict[str, Any] = {}
        if "polygon" in changes:
            values["polygon"] = self._polygon(plan, changes["polygon"])
        if "area_id" in changes:
            values["area_id"] = changes["area_id"]
        if "name" in changes or "area_id" in changes:
            values["name"] = self._zone_name(changes.get("name", ""), changes.get("area_id"))
        return self.repo.update_zone(zone_id, values)

    def remove_zone(self, actor: Actor, zone_id: str) -> bool:
        require(actor, Permission.EDIT_STRUCTURE)
        return self.repo.remove_zone(zone_id)

    # -- the map -------------------------------------------------------------------------
    def areas(self, actor: Actor) -> list[dict[str, Any]]:
        require(actor, Permission.VIEW_STRUCTURE)
        return self.repo.areas()

    def equipment_list(self, actor: Actor, text: str = "", limit: int = 500) -> list[dict[str, Any]]:
        require(actor, Permission.VIEW_STRUCTURE)
        return self.repo.equipment_list(text, limit)

    def zone_grades(self) -> dict[str, str | None]:
        """Area id -> the highest grade of its live risk points and live equipment."""
        return {area: highest_grade(grades) for area, grades in self.repo.area_grades().items()}

    def risk_map(self, actor: Actor, plan_id: str, now: dt.datetime | None = None) -> RiskMap:
        plan = self.plan(actor, plan_id)
        now = now or dt.datetime.now()
        grades = self.zone_grades()
        area_names = {a["id"]: a["name"] for a in self.repo.areas()}
        zones = tuple(MapZone(
            id=z["id"], name=z["name"], polygon=parse_polygon(z["polygon"]), area_id=z["area_id"],
            area_name=area_names.get(z["area_id"], ""), grade=grades.get(z["area_id"] or ""),
        ) for z in self.repo.zones(plan_id))
        counts = self.repo.hazard_counts(now)
        markers = tuple(MapMarker(
            id=m["id"], equipment_id=m["equipment_id"], x=m["x"], y=m["y"], code=m["code"],
            name=m["name"], grade=m["risk_grade"], area_id=m["area_id"],
            open_hazards=counts.get(m["equipment_id"], (0, 0))[0],
            overdue_hazards=counts.get(m["equipment_id"], (0, 0))[1],
        ) for m in self.repo.markers(plan_id))
        by_equipment = {m.equipment_id: (m.x, m.y) for m in markers}
        by_area: dict[str, Point] = {}
        for zone in zones:
            if zone.area_id and zone.area_id not in by_area:
                by_area[zone.area_id] = zone.centre
        points: list[Point] = []
        for equipment_id, area_id in self.repo.open_hazard_places():
            where = by_equipment.get(equipment_id or "") or by_area.get(area_id or "")
            if where:
                points.append(where)
        grade_counts: dict[str, int] = {}
        for zone in zones:
            key = zone.grade or "none"
            grade_counts[key] = grade_counts.get(key, 0) + 1
        return RiskMap(plan, zones, markers, tuple(points), grade_counts)
