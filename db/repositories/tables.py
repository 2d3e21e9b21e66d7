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
