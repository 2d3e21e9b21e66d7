"""Floor plans, their equipment markers and risk zones, and the aggregates the risk map needs.

Every write goes through db/records.py (stamps + outbox). The grade aggregate returns the
distinct live grades per area (risk points and equipment); core/floorplan.py picks the highest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from core.floorplan import FloorPlan
from core.workflow import OPEN_STEPS
from db import records
from db.database import Database
from db.repositories.tables import ATTACHMENTS, FLOOR_PLANS, PLAN_MARKERS, PLAN_ZONES

_PLAN_COLUMNS = ("p.id, p.name, p.image_sha256, p.width_px, p.height_px, p.site_id, "
                 "p.building_id, p.floor, p.metres_per_px, p.position, COALESCE(b.name, '')")
_PLAN_FROM = " FROM floor_plans p LEFT JOIN buildings b ON b.id = p.building_id"
_OPEN_MARKS = ", ".join("?" * len(OPEN_STEPS))


def _plan(row: tuple) -> FloorPlan:
    return FloorPlan(id=row[0], name=row[1], image_sha256=row[2], width_px=row[3],
                     height_px=row[4], site_id=row[5], building_id=row[6], floor=row[7],
                     metres_per_px=row[8], position=row[9], building_name=row[10])


def _dicts(cur: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur]


class SqliteFloorPlanRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- plans -------------------------------------------------------------------------
    def plans(self) -> list[FloorPlan]:
        return [_plan(r) for r in self.db.conn.execute(
            f"SELECT {_PLAN_COLUMNS}{_PLAN_FROM} WHERE p.deleted_hlc IS NULL "
            "ORDER BY b.code, p.floor, p.position, p.name")]

    def plan(self, plan_id: str) -> FloorPlan | None:
        row = self.db.conn.execute(
            f"SELECT {_PLAN_COLUMNS}{_PLAN_FROM} WHERE p.id = ? AND p.deleted_hlc IS NULL",
            (plan_id,)).fetchone()
        return _plan(row) if row else None

    def add_plan(self, values: Mapping[str, Any]) -> str:
        return records.insert(self.db, FLOOR_PLANS, values)

    def update_plan(self, plan_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        return records.update(self.db, FLOOR_PLANS, plan_id, changes)

    def remove_plan(self, plan_id: str) -> bool:
        """The plan and everything drawn on it, in one transaction."""
        with self.db.transaction() as conn:
            for spec in (PLAN_MARKERS, PLAN_ZONES):
                ids = [r[0] for r in conn.execute(
                    f"SELECT id FROM {spec.table} WHERE plan_id = ? AND deleted_hlc IS NULL",
                    (plan_id,))]
                for row_id in ids:
                    records.tombstone(self.db, spec, row_id)
            for (row_id,) in conn.execute(
                    "SELECT id FROM attachments WHERE owner_entity = 'floor_plan' "
                    "AND owner_id = ? AND deleted_hlc IS NULL", (plan_id,)).fetchall():
                records.tombstone(self.db, ATTACHMENTS, row_id)  # the blob stays (history)
            return records.tombstone(self.db, FLOOR_PLANS, plan_id)

    # -- markers -------------------------------------------------------------------------
    def markers(self, plan_id: str) -> list[dict[str, Any]]:
        """Live markers of live equipment, with what the map shows of the machine."""
        return _dicts(self.db.conn.execute(
            "SELECT m.id, m.equipment_id, m.x, m.y, e.code, e.name, e.risk_grade, e.area_id "
            "FROM plan_markers m JOIN equipment e ON e.id = m.equipment_id "
            "WHERE m.plan_id = ? AND m.deleted_hlc IS NULL AND e.deleted_hlc IS NULL "
            "ORDER BY e.code", (plan_id,)))

    def marker_of(self, plan_id: str, equipment_id: str) -> dict[str, Any] | None:
        rows = _dicts(self.db.conn.execute(
            "SELECT id, x, y FROM plan_markers WHERE plan_id = ? AND equipment_id = ? "
            "AND deleted_hlc IS NULL LIMIT 1", (plan_id, equipment_id)))
        return rows[0] if rows else None

    def equipment_exists(self, equipment_id: str) -> bool:
        return self.db.conn.execute(
            "SELECT 1 FROM equipment WHERE id = ? AND deleted_hlc IS NULL",
            (equipment_id,)).fetchone() is not None

    def add_marker(self, values: Mapping[str, Any]) -> str:
        return records.insert(self.db, PLAN_MARKERS, values)

    def add_markers(self, rows: list[Mapping[str, Any]]) -> list[str]:
        """Bulk placement (demo plant, bench)."""
        return records.insert_many(self.db, PLAN_MARKERS, rows)

    def update_marker(self, marker_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        return records.update(self.db, PLAN_MARKERS, marker_id, changes)

    def remove_marker(self, marker_id: str) -> bool:
        return records.tombstone(self.db, PLAN_MARKERS, marker_id)

    # -- zones -------------------------------------------------------------------------
    def zones(self, plan_id: str) -> list[dict[str, Any]]:
        return _dicts(self.db.conn.execute(
            "SELECT id, area_id, name, polygon FROM plan_zones "
            "WHERE plan_id = ? AND deleted_hlc IS NULL ORDER BY created_hlc", (plan_id,)))

    def add_zone(self, values: Mapping[str, Any]) -> str:
        return records.insert(self.db, PLAN_ZONES, values)

    def add_zones(self, rows: list[Mapping[str, Any]]) -> list[str]:
        return records.insert_many(self.db, PLAN_ZONES, rows)

    def update_zone(self, zone_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        return records.update(self.db, PLAN_ZONES, zone_id, changes)

    def remove_zone(self, zone_id: str) -> bool:
        return records.tombstone(self.db, PLAN_ZONES, zone_id)

    # -- aggregates -------------------------------------------------------------------------
    def area_grades(self) -> dict[str, set[str]]:
        """Area id -> the distinct grades of its live risk points and its live equipment."""
        out: dict[str, set[str]] = {}
        for area_id, grade in self.db.conn.execute(
                "SELECT area_id, grade FROM risk_points WHERE deleted_hlc IS NULL "
                "AND area_id IS NOT NULL AND grade IS NOT NULL GROUP BY area_id, grade "
                "UNION SELECT area_id, risk_grade FROM equipment WHERE deleted_hlc IS NULL "
                "AND area_id IS NOT NULL AND risk_grade IS NOT NULL GROUP BY area_id, risk_grade"):
            out.setdefault(area_id, set()).add(grade)
        return out

    def hazard_counts(self, now: dt.datetime) -> dict[str, tuple[int, int]]:
        """Equipment id -> (open hazards, overdue among them)."""
        stamp = now.replace(microsecond=0).isoformat()
        return {row[0]: (row[1], row[2]) for row in self.db.conn.execute(
            "SELECT h.equipment_id, COUNT(*), "
            "SUM(s.step_deadline IS NOT NULL AND s.step_deadline < ?) "
            "FROM hazards h JOIN hazard_state s ON s.hazard_id = h.id "
            f"WHERE h.deleted_hlc IS NULL AND h.equipment_id IS NOT NULL "
            f"AND s.step IN ({_OPEN_MARKS}) GROUP BY h.equipment_id",
            (stamp, *OPEN_STEPS))}

    def open_hazard_places(self) -> list[tuple[str | None, str | None]]:
        """(equipment id, area id) of every open hazard: the heat overlay's input."""
        return list(self.db.conn.execute(
            "SELECT h.equipment_id, h.area_id FROM hazards h "
            "JOIN hazard_state s ON s.hazard_id = h.id "
            f"WHERE h.deleted_hlc IS NULL AND s.step IN ({_OPEN_MARKS})", OPEN_STEPS))

    def areas(self) -> list[dict[str, Any]]:
        return _dicts(self.db.conn.execute(
            "SELECT id, code, name, building_id, plan_rect FROM areas "
            "WHERE deleted_hlc IS NULL ORDER BY code"))

    def equipment_list(self, text: str, limit: int) -> list[dict[str, Any]]:
        """Machines for the list beside the plan: search by code, name, model, serial."""
        params: list[Any] = []
        where = "e.deleted_hlc IS NULL AND e.status != 'scrapped'"
        if text.strip():
            where += " AND instr(e.search_text, ?) > 0"
            params.append(text.strip().lower())
        return _dicts(self.db.conn.execute(
            "SELECT e.id, e.code, e.name, e.risk_grade, e.area_id, COALESCE(a.name, '') AS area "
            f"FROM equipment e LEFT JOIN areas a ON a.id = e.area_id WHERE {where} "
            "ORDER BY e.code LIMIT ?", (*params, limit)))
