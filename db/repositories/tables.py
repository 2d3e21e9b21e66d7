"""The synced tables and their data columns (one place, used by repositories, check and sync)."""

from core.plant import STRUCTURE_KINDS
from db.records import TableSpec

PEOPLE = TableSpec(
    "person", "people",
    ("employee_no", "name", "gender", "department_id", "post_id", "hire_date", "phone", "status"),
)
USERS = TableSpec(
    "user", "users", ("username", "display_name", "person_id", "roles", "password_hash", "active")
)
SETTINGS = TableSpec("setting", "settings", ("key", "value"))

_TABLE_NAMES = {
    "site": "sites", "building": "buildings", "department": "departments",
    "area": "areas", "line": "lines", "post": "posts",
}
STRUCTURE = {kind: TableSpec(kind, _TABLE_NAMES[kind], fields) for kind, fields in STRUCTURE_KINDS.items()}

ALL_TABLES: list[TableSpec] = [SETTINGS, *STRUCTURE.values(), PEOPLE, USERS]
BY_ENTITY = {spec.entity: spec for spec in ALL_TABLES}

EQUIPMENT_TYPES = TableSpec("equipment_type", "equipment_types", ("code", "name", "special"))
EQUIPMENT = TableSpec("equipment", "equipment", (
    "site_id", "code", "name", "type_id", "model", "manufacturer", "serial_no", "area_id",
    "line_id", "department_id", "owner_person_id", "install_date", "status", "risk_grade",
    "special", "inspection_due", "procedure", "notes"))
MAINTENANCE = TableSpec("maintenance", "maintenance_records",
                        ("equipment_id", "date", "kind", "performed_by", "notes", "next_due"))
FAULTS = TableSpec("fault", "fault_records",
                   ("equipment_id", "date", "symptom", "cause", "downtime_hours", "fix"))
ATTACHMENTS = TableSpec("attachment", "attachments",
                        ("owner_entity", "owner_id", "kind", "sha256", "filename", "mime", "size"))

ALL_TABLES += [EQUIPMENT_TYPES, EQUIPMENT, MAINTENANCE, FAULTS, ATTACHMENTS]
BY_ENTITY.update({spec.entity: spec for spec in ALL_TABLES})

HAZARDS = TableSpec("hazard", "hazards", (
    "number", "description", "type", "grade", "source", "area_id", "line_id", "equipment_id",
    "location", "reporter_person_id", "reporter_name", "found_at"))
POINT_AWARDS = TableSpec("point_award", "point_awards", (
    "person_id", "rule", "points", "reason", "hazard_id", "awarded_at"))
ALL_TABLES += [HAZARDS, POINT_AWARDS]
BY_ENTITY.update({spec.entity: spec for spec in ALL_TABLES})

CHECKLIST_TEMPLATES = TableSpec("checklist_template", "checklist_templates", ("type_id", "name"))
CHECKLIST_ITEMS = TableSpec("checklist_item", "checklist_items", (
    "template_id", "position", "text", "guidance", "hazard_type"))
INSPECTION_SCHEDULES = TableSpec("inspection_schedule", "inspection_schedules", (
    "equipment_id", "type_id", "frequency", "start_date", "active"))
INSPECTIONS = TableSpec("inspection", "inspections", (
    "equipment_id", "template_id", "inspector_user_id", "inspector_person_id", "inspector_name",
    "started_at", "finished_at", "note", "item_count", "ok_count", "failed_count", "na_count",
    "proper"))
INSPECTION_RESULTS = TableSpec("inspection_result", "inspection_results", (
    "inspection_id", "item_id", "position", "item_text", "outcome", "note", "photos",
    "hazard_id"))
ALL_TABLES += [CHECKLIST_TEMPLATES, CHECKLIST_ITEMS, INSPECTION_SCHEDULES, INSPECTIONS,
               INSPECTION_RESULTS]
BY_ENTITY.update({spec.entity: spec for spec in ALL_TABLES})

RISK_POINTS = TableSpec("risk_point", "risk_points", (
    "code", "name", "kind", "site_id", "area_id", "equipment_id", "post_id", "department_id",
    "activity", "hazard_factors", "possible_accidents", "method", "grade", "score",
    "control_level", "responsible_department_id", "responsible_person_id", "review_date",
    "notes"))
RISK_ASSESSMENTS = TableSpec("risk_assessment", "risk_assessments", (
    "risk_point_id", "method", "l", "e", "c", "likelihood", "severity", "score", "grade",
    "assessed_at", "assessor_user_id", "assessor_name", "note"))
CONTROL_MEASURES = TableSpec("control_measure", "control_measures", (
    "risk_point_id", "kind", "text", "position"))
ALL_TABLES += [RISK_POINTS, RISK_ASSESSMENTS, CONTROL_MEASURES]
BY_ENTITY.update({spec.entity: spec for spec in ALL_TABLES})

FLOOR_PLANS = TableSpec("floor_plan", "floor_plans", (
    "site_id", "building_id", "floor", "name", "image_sha256", "width_px", "height_px",
    "metres_per_px", "position"))
PLAN_MARKERS = TableSpec("plan_marker", "plan_markers", ("plan_id", "equipment_id", "x", "y"))
PLAN_ZONES = TableSpec("plan_zone", "plan_zones", ("plan_id", "area_id", "name", "polygon"))
ALL_TABLES += [FLOOR_PLANS, PLAN_MARKERS, PLAN_ZONES]
BY_ENTITY.update({spec.entity: spec for spec in ALL_TABLES})

CHEMICALS = TableSpec("chemical", "chemicals", (
    "name", "cas_no", "max_quantity_t", "threshold_t", "area_id", "location", "sds_sha256",
    "notes"))
ALL_TABLES += [CHEMICALS]
BY_ENTITY.update({spec.entity: spec for spec in ALL_TABLES})

# Effect metrics (F9): the incident register, monthly workforce, external inspections.
INCIDENTS = TableSpec("incident", "incidents", (
    "date", "person_id", "person_name", "category", "severity", "lost_days", "description"))
MONTHLY_WORKFORCE = TableSpec("workforce_month", "monthly_workforce",
                              ("month", "headcount", "hours_worked"))
EXTERNAL_INSPECTIONS = TableSpec("external_inspection", "external_inspections", (
    "date", "agency", "kind", "deductions", "findings"))
ALL_TABLES += [INCIDENTS, MONTHLY_WORKFORCE, EXTERNAL_INSPECTIONS]
BY_ENTITY.update({spec.entity: spec for spec in ALL_TABLES})

# Early warning (F8): warnings and their events, key monitoring, MES alarms, sensor anomalies.
WARNINGS = TableSpec("warning", "warnings", (
    "rule", "severity", "subject_kind", "subject_id", "key", "params", "evidence",
    "first_seen", "last_seen"))
WARNING_EVENTS = TableSpec("warning_event", "warning_events", (
    "warning_id", "kind", "hazard_id", "actor_id", "actor_name", "note", "at"))
KEY_MONITORING = TableSpec("key_monitoring", "key_monitoring", (
    "equipment_id", "reason", "since", "rule", "warning_id", "active"))
MES_MAPPINGS = TableSpec("mes_mapping", "mes_mappings", ("mes_id", "equipment_id"))
MES_ALARMS = TableSpec("mes_alarm", "mes_alarms", (
    "equipment_id", "mes_id", "at", "kind", "value", "source_file"))
SENSOR_ANOMALIES = TableSpec("sensor_anomaly", "sensor_anomalies", (
    "equipment_id", "signal", "kind", "start_at", "end_at", "peak_score", "baseline",
    "peak_value"))
ALL_TABLES += [WARNINGS, WARNING_EVENTS, KEY_MONITORING, MES_MAPPINGS, MES_ALARMS,
               SENSOR_ANOMALIES]
BY_ENTITY.update({spec.entity: spec for spec in ALL_TABLES})
