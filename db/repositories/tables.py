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
