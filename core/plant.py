"""Plant structure (sites, buildings, areas, lines, departments, posts) and people: rules and services."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from core import i18n
from core.auth import Actor, Permission, require
from core.i18n import DomainError

RISK_LEVELS = ("major", "considerable", "general", "low")
PERSON_STATUSES = ("active", "on_leave", "left")
GENDERS = ("M", "F")

# Structure kinds, their fields and the parent each one hangs under (None: top level).
STRUCTURE_KINDS: dict[str, tuple[str, ...]] = {
    "site": ("code", "name", "address"),
    "building": ("site_id", "code", "name", "floors"),
    "department": ("site_id", "code", "name", "parent_id", "head_person_id"),
    "area": ("site_id", "building_id", "department_id", "code", "name", "kind", "plan_rect"),
    "line": ("area_id", "code", "name"),
    "post": ("department_id", "code", "name", "risk_level"),
}
REQUIRED_PARENT = {"building": "site_id", "area": "site_id", "line": "area_id"}

MESSAGES = {
    "plant.required": {"zh_CN": "请填写“{field}”。", "en": "Please fill in “{field}”."},
    "plant.code_taken": {
        "zh_CN": "编号“{code}”已被“{name}”使用。",
        "en": "The code “{code}” is already used by “{name}”.",
    },
    "plant.bad_risk_level": {
        "zh_CN": "风险等级必须是 重大/较大/一般/低 之一。",
        "en": "The risk level must be one of major, considerable, general, low.",
    },
    "plant.bad_status": {
        "zh_CN": "状态必须是 在职/休假/离职 之一。",
        "en": "The status must be one of active, on leave, left.",
    },
    "plant.bad_phone": {
        "zh_CN": "电话号码“{phone}”格式不正确（应为11位手机号或座机号）。",
        "en": "The phone number “{phone}” is not valid (11-digit mobile or a landline).",
    },
    "plant.bad_date": {"zh_CN": "日期“{value}”无效。", "en": "The date “{value}” is not valid."},
    "plant.future_hire": {
        "zh_CN": "入职日期不能晚于今天。",
        "en": "The hire date cannot be in the future.",
    },
    "plant.in_use": {
        "zh_CN": "“{name}”下还有 {count} 条记录，请先移走或删除它们。",
        "en": "“{name}” still has {count} records under it; move or remove them first.",
    },
    "plant.import_empty": {
        "zh_CN": "文件中没有可导入的数据行。",
        "en": "The file has no data rows to import.",
    },
}
i18n.register(MESSAGES)

FIELD_LABELS = {
    "employee_no": ("工号", "Employee no."),
    "name": ("姓名", "Name"),
    "code": ("编号", "Code"),
    "site_id": ("厂区", "Site"),
    "area_id": ("区域", "Area"),
}

RISK_LABELS = {
    "major": ("重大风险", "Major"),
    "considerable": ("较大风险", "Considerable"),
    "general": ("一般风险", "General"),
    "low": ("低风险", "Low"),
}
STATUS_LABELS = {"active": ("在职", "Active"), "on_leave": ("休假", "On leave"), "left": ("离职", "Left")}


def label(table: Mapping[str, tuple[str, str]], key: str | None, lang: str | None = None) -> str:
    if key is None or key not in table:
        return key or ""
    zh, en = table[key]
    return en if (lang or i18n.language()) == "en" else zh


def _field_label(name: str) -> str:
    return label(FIELD_LABELS, name) if name in FIELD_LABELS else name


@dataclass(frozen=True)
class Person:
    id: str
    employee_no: str
    name: str
    gender: str | None
    department_id: str | None
    post_id: str | None
    hire_date: dt.date | None
    phone: str | None
    status: str
    department_name: str = ""
    post_name: str = ""


@dataclass(frozen=True)
class PeopleQuery:
    text: str = ""  # fragment of name, employee number or phone
    department_id: str | None = None
    status: str | None = None


class PeopleRepository(Protocol):
    def search(self, query: PeopleQuery, offset: int = 0, limit: int = 200) -> list[Person]: ...
    def search_page(self, query: PeopleQuery, offset: int = 0,
                    limit: int = 200) -> tuple[list[Person], int]: ...
    def count(self, query: PeopleQuery) -> int: ...
    def get(self, person_id: str) -> Person | None: ...
    def ids_by_employee_no(self, employee_nos: Iterable[str]) -> dict[str, str]: ...
    def add(self, values: Mapping[str, Any]) -> str: ...
    def update(self, person_id: str, changes: Mapping[str, Any]) -> dict[str, Any]: ...
    def remove(self, person_id: str) -> bool: ...
    def upsert_many(self, creates: list[dict[str, Any]],
                    updates: list[tuple[str, dict[str, Any]]]) -> tuple[int, int]: ...


class StructureRepository(Protocol):
    def list(self, kind: str, include_deleted: bool = False) -> list[dict[str, Any]]: ...
    def get(self, kind: str, item_id: str) -> dict[str, Any] | None: ...
    def add(self, kind: str, values: Mapping[str, Any]) -> str: ...
    def update(self, kind: str, item_id: str, changes: Mapping[str, Any]) -> dict[str, Any]: ...
    def remove(self, kind: str, item_id: str) -> bool: ...
    def children_count(self, kind: str, item_id: str) -> int: ...


_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$")


def check_phone(phone: str | None) -> None:
    if phone and not _PHONE.match(phone):
        raise DomainError("plant.bad_phone", phone=phone)


def _required(values: Mapping[str, Any], *fields: str) -> None:
    for f in fields:
        v = values.get(f)
        if v is None or (isinstance(v, str) and not v.strip()):
            raise DomainError("plant.required", field=_field_label(f))


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    # Text arrives from forms and spreadsheets with stray spaces; store it trimmed, and store
    # empty text as NULL so "no phone" is one thing, not two.
    out: dict[str, Any] = {}
    for k, v in values.items():
        if isinstance(v, str):
            v = v.strip() or None
        out[k] = v
    return out


class PeopleService:
    def __init__(self, people: PeopleRepository, today: dt.date | None = None) -> None:
        self.people = people
        self.today = today

    def search(self, actor: Actor, query: PeopleQuery, offset: int = 0, limit: int = 200) -> list[Person]:
        require(actor, Permission.VIEW_PEOPLE)
        return self.people.search(query, offset, limit)

    def search_page(self, actor: Actor, query: PeopleQuery, offset: int = 0,
                    limit: int = 200) -> tuple[list[Person], int]:
        """A page of matches and their total count (what a list with "共 N 人" needs)."""
        require(actor, Permission.VIEW_PEOPLE)
        return self.people.search_page(query, offset, limit)

    def count(self, actor: Actor, query: PeopleQuery) -> int:
        require(actor, Permission.VIEW_PEOPLE)
        return self.people.count(query)

    def get(self, actor: Actor, person_id: str) -> Person | None:
        require(actor, Permission.VIEW_PEOPLE)
        return self.people.get(person_id)

    def _validate(self, values: dict[str, Any], person_id: str | None) -> dict[str, Any]:
        values = _clean(values)
        if values.get("employee_no"):
            values["employee_no"] = values["employee_no"].upper()  # codes: hj0002 == HJ0002
        if "status" in values and values["status"] is None:
            values["status"] = "active"
        if values.get("status") not in (None, *PERSON_STATUSES):
            raise DomainError("plant.bad_status")
        check_phone(values.get("phone"))
        hire = values.get("hire_date")
        if isinstance(hire, str):
            try:
                hire = dt.date.fromisoformat(hire)
            except ValueError as exc:
                raise DomainError("plant.bad_date", value=hire) from exc
        if isinstance(hire, dt.date):
            if hire > (self.today or dt.date.today()):
                raise DomainError("plant.future_hire")
            values["hire_date"] = hire.isoformat()
        if values.get("employee_no"):
            owner = self.people.ids_by_employee_no([values["employee_no"]]).get(values["employee_no"])
            if owner and owner != person_id:
                other = self.people.get(owner)
                raise DomainError("plant.code_taken", code=values["employee_no"],
                                  name=other.name if other else owner)
        return values

    def add(self, actor: Actor, values: Mapping[str, Any]) -> str:
        require(actor, Permission.EDIT_PEOPLE)
        _required(values, "employee_no", "name")
        return self.people.add(self._validate({"status": "active", **values}, None))

    def update(self, actor: Actor, person_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        require(actor, Permission.EDIT_PEOPLE)
        if "employee_no" in changes or "name" in changes:
            _required({k: changes[k] for k in ("employee_no", "name") if k in changes},
                      *[k for k in ("employee_no", "name") if k in changes])
        return self.people.update(person_id, self._validate(dict(changes), person_id))

    def remove(self, actor: Actor, person_id: str) -> bool:
        require(actor, Permission.EDIT_PEOPLE)
        return self.people.remove(person_id)

    def import_records(self, actor: Actor, records: list[dict[str, Any]],
                       update_existing: bool = True) -> tuple[int, int, int]:
        """Commit validated import rows all-or-nothing: (created, updated, skipped).

        Rows are matched to existing people by employee number; an HR roster is the source of
        truth for the fields it carries, so matches are updated unless the user chose to skip.
        """
        require(actor, Permission.IMPORT_PEOPLE)
        if not records:
            raise DomainError("plant.import_empty")
        records = [{**r, "employee_no": str(r["employee_no"]).strip().upper()} for r in records]
        existing = self.people.ids_by_employee_no([r["employee_no"] for r in records])
        creates, updates, skipped = [], [], 0
        for record in records:
            values = _clean(record)
            if isinstance(values.get("hire_date"), dt.date):
                values["hire_date"] = values["hire_date"].isoformat()
            person_id = existing.get(values["employee_no"])
            if person_id is None:
                if values.get("status") is None:
                    values["status"] = "active"
                creates.append(values)
            elif update_existing:
                # A blank cell in a roster means "not known here", never "erase what we have".
                updates.append((person_id, {k: v for k, v in values.items() if v is not None}))
            else:
                skipped += 1
        created, updated = self.people.upsert_many(creates, updates)
        return created, updated, skipped + (len(updates) - updated)


class StructureService:
    def __init__(self, repo: StructureRepository) -> None:
        self.repo = repo

    def list(self, actor: Actor, kind: str) -> list[dict[str, Any]]:
        require(actor, Permission.VIEW_STRUCTURE)
        return self.repo.list(kind)

    def _validate(self, kind: str, values: dict[str, Any], item_id: str | None) -> dict[str, Any]:
        values = _clean(values)
        if "risk_level" in values and values["risk_level"] not in RISK_LEVELS:
            raise DomainError("plant.bad_risk_level")
        code = values.get("code")
        if code:
            for other in self.repo.list(kind):
                if other["code"] == code and other["id"] != item_id:
                    raise DomainError("plant.code_taken", code=code, name=other["name"])
        return values

    def add(self, actor: Actor, kind: str, values: Mapping[str, Any]) -> str:
        require(actor, Permission.EDIT_STRUCTURE)
        required = ["code", "name"] + ([REQUIRED_PARENT[kind]] if kind in REQUIRED_PARENT else [])
        _required(values, *required)
        values = self._validate(kind, dict(values), None)
        if kind == "post":
            values.setdefault("risk_level", "low")
        return self.repo.add(kind, values)

    def update(self, actor: Actor, kind: str, item_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        require(actor, Permission.EDIT_STRUCTURE)
        _required(changes, *[f for f in ("code", "name") if f in changes])
        return self.repo.update(kind, item_id, self._validate(kind, dict(changes), item_id))

    def remove(self, actor: Actor, kind: str, item_id: str) -> bool:
        require(actor, Permission.EDIT_STRUCTURE)
        count = self.repo.children_count(kind, item_id)
        if count:
            item = self.repo.get(kind, item_id) or {"name": item_id}
            raise DomainError("plant.in_use", name=item["name"], count=count)
        return self.repo.remove(kind, item_id)
