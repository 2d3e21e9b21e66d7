"""Risk points, their assessments and control measures, as stored in SQLite (F7)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from core.i18n import DomainError
from core.risk import (
    REFERENCE_TABLES,
    Assessment,
    ControlMeasure,
    RiskPoint,
    RiskQuery,
    highest_grade,
)
from core.warning_rules import MES as MES_RULE
from db import records
from db.database import Database
from db.repositories.tables import CONTROL_MEASURES, EQUIPMENT, RISK_ASSESSMENTS, RISK_POINTS

_COLUMNS = (
    "r.id, r.code, r.name, r.kind, r.site_id, r.area_id, r.equipment_id, r.post_id, "
    "r.department_id, r.activity, r.hazard_factors, r.possible_accidents, r.method, r.grade, "
    "r.score, r.control_level, r.responsible_department_id, r.responsible_person_id, "
    "r.review_date, r.notes, "
    "COALESCE(a.name, ea.name, ''), COALESCE(e.code, ''), COALESCE(e.name, ''), "
    "COALESCE(p.name, ''), COALESCE(d.name, ''), COALESCE(rd.name, ''), COALESCE(rp.name, '')"
)
# An equipment point without its own area stands where its machine stands.
_FROM = (
    " FROM risk_points r "
    "LEFT JOIN equipment e ON e.id = r.equipment_id "
    "LEFT JOIN areas a ON a.id = r.area_id "
    "LEFT JOIN areas ea ON ea.id = e.area_id "
    "LEFT JOIN posts p ON p.id = r.post_id "
    "LEFT JOIN departments d ON d.id = r.department_id "
    "LEFT JOIN departments rd ON rd.id = r.responsible_department_id "
    "LEFT JOIN people rp ON rp.id = r.responsible_person_id "
)
_GRADE_ORDER = ("CASE r.grade WHEN 'major' THEN 0 WHEN 'considerable' THEN 1 "
                "WHEN 'general' THEN 2 WHEN 'low' THEN 3 ELSE 4 END")
_ORDERS = {"code": "r.code", "name": "r.name, r.code", "grade": f"{_GRADE_ORDER}, r.code",
           "area": "COALESCE(a.name, ea.name), r.code", "score": "r.score DESC, r.code",
           "review": "r.review_date IS NULL, r.review_date, r.code"}
_REFERENCE_TABLES = frozenset(REFERENCE_TABLES.values())
_ASSESSMENT_COLUMNS = ("id, risk_point_id, method, score, grade, assessed_at, l, e, c, "
                       "likelihood, severity, assessor_user_id, assessor_name, note")


def _point(r: tuple) -> RiskPoint:
    return RiskPoint(
        id=r[0], code=r[1], name=r[2], kind=r[3], site_id=r[4], area_id=r[5], equipment_id=r[6],
        post_id=r[7], department_id=r[8], activity=r[9], hazard_factors=r[10],
        possible_accidents=r[11], method=r[12], grade=r[13], score=r[14], control_level=r[15],
        responsible_department_id=r[16], responsible_person_id=r[17],
        review_date=dt.date.fromisoformat(r[18]) if r[18] else None, notes=r[19],
        area_name=r[20], equipment_code=r[21], equipment_name=r[22], post_name=r[23],
        department_name=r[24], responsible_department_name=r[25], responsible_person_name=r[26],
    )


def _assessment(r: tuple) -> Assessment:
    return Assessment(
        id=r[0], risk_point_id=r[1], method=r[2], score=r[3], grade=r[4],
        assessed_at=dt.datetime.fromisoformat(r[5]), l=r[6], e=r[7], c=r[8], likelihood=r[9],
        severity=r[10], assessor_user_id=r[11], assessor_name=r[12], note=r[13])


class SqliteRiskRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- queries -------------------------------------------------------------------------
    def _where(self, q: RiskQuery) -> tuple[str, list[Any]]:
        clauses, params = ["r.deleted_hlc IS NULL"], []
        if q.text.strip():
            clauses.append("instr(r.search_text, ?) > 0")
            params.append(q.text.strip().lower())
        if q.grade == "none":
            clauses.append("r.grade IS NULL")
        elif q.grade:
            clauses.append("r.grade = ?")
            params.append(q.grade)
        if q.area_id:
            # The area of the point, or of its machine when the point names none.
            clauses.append("(r.area_id = ? OR (r.area_id IS NULL AND r.equipment_id IN "
                           "(SELECT id FROM equipment WHERE area_id = ?)))")
            params += [q.area_id, q.area_id]
        if q.review_before is not None:
            clauses.append("r.review_date < ?")
            params.append(q.review_before.isoformat())
        for column, value in (("r.kind", q.kind), ("r.equipment_id", q.equipment_id),
                              ("r.post_id", q.post_id)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        return " WHERE " + " AND ".join(clauses), params

    def search_page(self, query: RiskQuery, offset: int = 0, limit: int = 200,
                    order: str = "code") -> tuple[list[RiskPoint], int]:
        where, params = self._where(query)
        rows = self.db.conn.execute(
            f"SELECT {_COLUMNS}, COUNT(*) OVER (){_FROM}{where} "
            f"ORDER BY {_ORDERS.get(order, 'r.code')} LIMIT ? OFFSET ?",
            (*params, limit, offset)).fetchall()
        if not rows:
            return [], (self.count(query) if offset else 0)
        return [_point(r) for r in rows], rows[0][-1]

    def count(self, query: RiskQuery) -> int:
        where, params = self._where(query)
        return self.db.conn.execute(f"SELECT COUNT(*) FROM risk_points r{where}",
                                    params).fetchone()[0]

    def iter_all(self, query: RiskQuery, order: str = "code") -> Iterator[RiskPoint]:
        where, params = self._where(query)
        cur = self.db.conn.cursor()
        cur.execute(f"SELECT {_COLUMNS}{_FROM}{where} ORDER BY {_ORDERS.get(order, 'r.code')}",
                    params)
        try:
            while batch := cur.fetchmany(500):
                yield from (_point(r) for r in batch)
        finally:
            cur.close()

    def get(self, point_id: str) -> RiskPoint | None:
        row = self.db.conn.execute(
            f"SELECT {_COLUMNS}{_FROM} WHERE r.id = ? AND r.deleted_hlc IS NULL", (point_id,)
        ).fetchone()
        return _point(row) if row else None

    def code_taken(self, code: str, except_id: str | None = None) -> bool:
        # Case-insensitive: a point saved as fx-001 before codes were upper-cased still counts.
        return self.db.conn.execute(
            "SELECT 1 FROM risk_points WHERE upper(code) = upper(?) AND deleted_hlc IS NULL "
            "AND id IS NOT ?", (code, except_id)).fetchone() is not None

    def missing_reference(self, table: str, record_id: str) -> bool:
        """True when no live row of ``table`` has this id (the table comes from core's fixed
        REFERENCE_TABLES, never from input)."""
        if table not in _REFERENCE_TABLES:
            raise ValueError(f"not a table a risk point refers to: {table}")
        return self.db.conn.execute(
            f"SELECT 1 FROM {table} WHERE id = ? AND deleted_hlc IS NULL", (record_id,)
        ).fetchone() is None

    def next_code(self) -> str:
        # Tombstoned codes count: a printed register must never name two points alike.
        numbers = [int(c[3:]) for (c,) in self.db.conn.execute(
            "SELECT code FROM risk_points WHERE code LIKE 'FX-%'") if c[3:].isdigit()]
        return f"FX-{max(numbers, default=0) + 1:03d}"

    def assessments(self, point_id: str) -> list[Assessment]:
        """Newest first."""
        return [_assessment(r) for r in self.db.conn.execute(
            f"SELECT {_ASSESSMENT_COLUMNS} FROM risk_assessments "
            "WHERE risk_point_id = ? AND deleted_hlc IS NULL "
            "ORDER BY assessed_at DESC, created_hlc DESC", (point_id,))]

    def measures(self, point_id: str) -> list[ControlMeasure]:
        return self.measures_of([point_id]).get(point_id, [])

    def measures_of(self, point_ids: Iterable[str]) -> dict[str, list[ControlMeasure]]:
        out: dict[str, list[ControlMeasure]] = {}
        wanted = list(dict.fromkeys(point_ids))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for point_id, measure_id, kind, text, position in self.db.conn.execute(
                    "SELECT risk_point_id, id, kind, text, position FROM control_measures "
                    f"WHERE deleted_hlc IS NULL AND risk_point_id IN ({marks}) "
                    "ORDER BY risk_point_id, position", chunk):
                out.setdefault(point_id, []).append(ControlMeasure(kind, text, measure_id, position))
        return out

    def live_grades_of_equipment(self, equipment_id: str) -> list[str | None]:
        return [r[0] for r in self.db.conn.execute(
            "SELECT grade FROM risk_points WHERE equipment_id = ? AND deleted_hlc IS NULL",
            (equipment_id,))]

    def posts(self) -> list[tuple[str, str, str | None, str]]:
        """(post id, post name, department id, department name) of every live post, by
        department and post code."""
        return self.db.conn.execute(
            "SELECT p.id, p.name, p.department_id, COALESCE(d.name, '') FROM posts p "
            "LEFT JOIN departments d ON d.id = p.department_id "
            "WHERE p.deleted_hlc IS NULL ORDER BY d.code, p.code").fetchall()

    def latest_assessments(self, point_ids: Iterable[str]) -> dict[str, Assessment]:
        """The newest assessment of each point (the one its current grade comes from)."""
        out: dict[str, Assessment] = {}
        wanted = list(dict.fromkeys(point_ids))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self.db.conn.execute(
                    f"SELECT {_ASSESSMENT_COLUMNS} FROM risk_assessments "
                    f"WHERE deleted_hlc IS NULL AND risk_point_id IN ({marks}) "
                    "ORDER BY assessed_at, created_hlc", chunk):
                out[row[1]] = _assessment(row)  # later rows overwrite: the newest stays
        return out

    # -- writes --------------------------------------------------------------------------
    def add(self, values: Mapping[str, Any], measures: Sequence[ControlMeasure]) -> str:
        with self.db.transaction():
            point_id = records.insert(self.db, RISK_POINTS, values)
            self._insert_measures(point_id, measures)
        return point_id

    def _insert_measures(self, point_id: str, measures: Sequence[ControlMeasure]) -> None:
        records.insert_many(self.db, CONTROL_MEASURES, [
            {"risk_point_id": point_id, "kind": m.kind, "text": m.text, "position": i}
            for i, m in enumerate(measures)])

    def update(self, point_id: str, changes: Mapping[str, Any],
               measures: Sequence[ControlMeasure] | None) -> dict[str, Any]:
        """Change fields and, when given, replace the measures (old rows are tombstoned, so a
        measure edited on another PC meanwhile is not silently merged into a different text)."""
        with self.db.transaction():
            before = self.get(point_id)
            if before is None:
                raise DomainError("risk.not_found")
            changed = records.update(self.db, RISK_POINTS, point_id, changes) if changes else {}
            if measures is not None:
                old = self.measures(point_id)
                if [(m.kind, m.text) for m in old] != [(m.kind, m.text) for m in measures]:
                    for m in old:
                        assert m.id is not None
                        records.tombstone(self.db, CONTROL_MEASURES, m.id)
                    self._insert_measures(point_id, measures)
                    changed["measures"] = [(m.kind, m.text) for m in measures]
            if "equipment_id" in changed:
                self._follow_equipment(before.equipment_id)
                self._follow_equipment(changed["equipment_id"])
        return changed

    def remove(self, point_id: str) -> bool:
        with self.db.transaction():
            point = self.get(point_id)
            removed = records.tombstone(self.db, RISK_POINTS, point_id)
            if point is not None:
                self._follow_equipment(point.equipment_id)
        return removed

    def record_assessment(self, point_id: str, values: Mapping[str, Any]) -> str:
        """Append the assessment row, make it the point's current grade and bring the machine's
        grade along, all in one transaction."""
        with self.db.transaction():
            point = self.get(point_id)
            if point is None:
                raise DomainError("risk.not_found")
            assessment_id = records.insert(self.db, RISK_ASSESSMENTS,
                                           {"risk_point_id": point_id, **values})
            records.update(self.db, RISK_POINTS, point_id, {
                "method": values["method"], "grade": values["grade"], "score": values["score"]})
            self._follow_equipment(point.equipment_id)
        return assessment_id

    def _follow_equipment(self, equipment_id: str | None) -> None:
        """equipment.risk_grade = the highest grade of its live points; unchanged when none of
        them has been assessed (a grade set by hand before F7 stays)."""
        if not equipment_id:
            return
        follow_equipment_grade(self.db, equipment_id)

    def add_many(self, points: list[dict[str, Any]], ids: list[str],
                 measures: list[dict[str, Any]], assessments: list[dict[str, Any]]) -> None:
        """Bulk load (the demo): rows already carry their current grade; equipment follows."""
        with self.db.transaction():
            records.insert_many(self.db, RISK_POINTS, points, ids)
            records.insert_many(self.db, CONTROL_MEASURES, measures)
            records.insert_many(self.db, RISK_ASSESSMENTS, assessments)
            for equipment_id in {p["equipment_id"] for p in points if p.get("equipment_id")}:
                self._follow_equipment(equipment_id)


def follow_equipment_grade(db: Database, equipment_id: str) -> None:
    """equipment.risk_grade = the highest grade of its live risk points, and at least major
    while the MES rule keeps the machine under key monitoring (3 over-temperature alarms: it
    stays high-risk until a person ends the monitoring, whatever a later assessment says).
    Unchanged when nothing applies (a grade set by hand before F7 stays)."""
    grades = [r[0] for r in db.conn.execute(
        "SELECT grade FROM risk_points WHERE equipment_id = ? AND deleted_hlc IS NULL",
        (equipment_id,))]
    if db.conn.execute("SELECT 1 FROM key_monitoring WHERE equipment_id = ? AND rule = ? "
                       "AND active = 1 AND deleted_hlc IS NULL LIMIT 1",
                       (equipment_id, MES_RULE)).fetchone():
        grades.append("major")
    grade = highest_grade(grades)
    if grade is None:
        return
    row = db.conn.execute("SELECT risk_grade FROM equipment WHERE id = ? AND "
                          "deleted_hlc IS NULL", (equipment_id,)).fetchone()
    if row is not None and row[0] != grade:
        records.update(db, EQUIPMENT, equipment_id, {"risk_grade": grade})
