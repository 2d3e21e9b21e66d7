"""Equipment registry: records, their codes, maintenance and fault history, and the card a scan opens."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from core import i18n
from core.auth import Actor, Permission, require
from core.i18n import DomainError
from core.plant import RISK_LEVELS

STATUSES = ("in_service", "stopped", "under_repair", "scrapped")
MAINTENANCE_KINDS = ("daily", "monthly", "annual", "repair", "statutory_inspection")
DEFAULT_CODE_RULE = "{type}-{area}-{seq:04d}"  # e.g. YJ-CY-0012: press 0012 in stamping
CODE_RULE_KEY = "equipment.code_rule"
INSPECTION_SOON_DAYS = 30

STATUS_LABELS = {
    "in_service": ("在用", "In service"),
    "stopped": ("停用", "Stopped"),
    "under_repair": ("维修中", "Under repair"),
    "scrapped": ("报废", "Scrapped"),
}
MAINTENANCE_LABELS = {
    "daily": ("日常保养", "Daily care"),
    "monthly": ("月度保养", "Monthly service"),
    "annual": ("年度检修", "Annual overhaul"),
    "repair": ("维修", "Repair"),
    "statutory_inspection": ("法定检验", "Statutory inspection"),
}

MESSAGES = {
    "equipment.required": {"zh_CN": "请填写“{field}”。", "en": "Please fill in “{field}”."},
    "equipment.code_taken": {
        "zh_CN": "设备编号“{code}”已被“{name}”使用。",
        "en": "The equipment code “{code}” is already used by “{name}”.",
    },
    "equipment.bad_status": {
        "zh_CN": "设备状态必须是 在用/停用/维修中/报废 之一。",
        "en": "The status must be one of in service, stopped, under repair, scrapped.",
    },
    "equipment.bad_grade": {
        "zh_CN": "风险等级必须是 重大/较大/一般/低 之一。",
        "en": "The risk grade must be one of major, considerable, general, low.",
    },
    "equipment.bad_kind": {
        "zh_CN": "保养类型无效：{kind}",
        "en": "Unknown maintenance kind: {kind}",
    },
    "equipment.future_date": {
        "zh_CN": "“{field}”不能晚于今天。",
        "en": "“{field}” cannot be in the future.",
    },
    "equipment.due_before": {
        "zh_CN": "下次到期日不能早于本次日期。",
        "en": "The next due date cannot be before this date.",
    },
    "equipment.code_rule_bad": {
        "zh_CN": "编号规则“{rule}”无效，可用 {{type}} {{area}} {{line}} {{seq:04d}}。",
        "en": "The code rule “{rule}” is not valid; use {{type}} {{area}} {{line}} {{seq:04d}}.",
    },
    "equipment.no_code_parts": {
        "zh_CN": "无法自动生成编号：请先选择设备类型和区域，或手工填写编号。",
        "en": "Cannot make a code: choose the type and area first, or type a code.",
    },
    "equipment.inspection_needs_special": {
        "zh_CN": "只有特种设备需要填写法定检验到期日。",
        "en": "Only special equipment has a statutory inspection due date.",
    },
    "equipment.negative_downtime": {
        "zh_CN": "停机时间不能为负数。",
        "en": "The downtime cannot be negative.",
    },
    "equipment.import_empty": {
        "zh_CN": "文件中没有可导入的设备。",
        "en": "The file has no equipment to import.",
    },
    "label.other_site": {
        "zh_CN": "这是其他厂区（{site}）的设备标签，不属于本厂区。",
        "en": "This label belongs to another site ({site}), not this one.",
    },
    "label.unknown": {
        "zh_CN": "标签上的设备“{code}”不在设备台账中。",
        "en": "The equipment “{code}” on this label is not in the registry.",
    },
    "label.removed": {
        "zh_CN": "设备“{code}”已从台账删除，请作废此标签。",
        "en": "The equipment “{code}” was removed from the registry; discard this label.",
    },
}
i18n.register(MESSAGES)

_FIELD_LABELS = {"code": ("设备编号", "Code"), "name": ("设备名称", "Name"),
                 "install_date": ("安装日期", "Install date"), "date": ("日期", "Date"),
                 "symptom": ("故障现象", "Symptom"), "kind": ("类型", "Kind")}

FIELDS = ("site_id", "code", "name", "type_id", "model", "manufacturer", "serial_no", "area_id",
          "line_id", "department_id", "owner_person_id", "install_date", "status", "risk_grade",
          "special", "inspection_due", "procedure", "notes")


def _label(name: str) -> str:
    zh, en = _FIELD_LABELS.get(name, (name, name))
    return en if i18n.language() == "en" else zh


@dataclass(frozen=True)
class Equipment:
    id: str
    code: str
    name: str
    type_id: str | None
    model: str | None
    manufacturer: str | None
    serial_no: str | None
    area_id: str | None
    line_id: str | None
    department_id: str | None
    owner_person_id: str | None
    install_date: dt.date | None
    status: str
    risk_grade: str | None
    special: bool
    inspection_due: dt.date | None
    procedure: str | None = None
    notes: str | None = None
    site_id: str | None = None
    # display names and derived dates, filled by the repository's joins
    type_name: str = ""
    area_name: str = ""
    line_name: str = ""
    department_name: str = ""
    owner_name: str = ""
    last_maintenance: dt.date | None = None
    next_maintenance: dt.date | None = None


@dataclass(frozen=True)
class MaintenanceRecord:
    id: str
    equipment_id: str
    date: dt.date
    kind: str
    performed_by: str | None
    notes: str | None
    next_due: dt.date | None


@dataclass(frozen=True)
class FaultRecord:
    id: str
    equipment_id: str
    date: dt.date
    symptom: str
    cause: str | None
    downtime_hours: float | None
    fix: str | None


@dataclass(frozen=True)
class Attachment:
    id: str
    kind: str
    sha256: str
    filename: str
    mime: str | None
    size: int


@dataclass(frozen=True)
class EquipmentCard:
    """What a scan of the label shows (later issues add open hazards and the checklist)."""

    equipment: Equipment
    maintenance: list[MaintenanceRecord]
    faults: list[FaultRecord]
    attachments: list[Attachment]
    open_hazards: list[Any] = field(default_factory=list)

    @property
    def maintenance_overdue(self) -> bool:
        due = self.equipment.next_maintenance
        return due is not None and due < dt.date.today()


@dataclass(frozen=True)
class EquipmentQuery:
    text: str = ""
    area_id: str | None = None
    type_id: str | None = None
    status: str | None = None
    risk_grade: str | None = None  # one of RISK_LEVELS, or "none" for not assessed
    maintenance_overdue: bool = False
    inspection_due_within: int | None = None  # days: special equipment due within N days
    today: dt.date | None = None  # fixed "today" for the date filters (tests); None = today


class EquipmentRepository(Protocol):
    def search_page(self, query: EquipmentQuery, offset: int, limit: int,
                    order: str = "code") -> tuple[list[Equipment], int]: ...
    def iter_all(self, query: EquipmentQuery) -> Iterable[Equipment]: ...
    def get(self, equipment_id: str) -> Equipment | None: ...
    def ids_by_code(self, codes: Iterable[str]) -> dict[str, str]: ...
    def codes_like(self, prefix: str) -> list[str]: ...
    def add(self, values: Mapping[str, Any]) -> str: ...
    def update(self, equipment_id: str, changes: Mapping[str, Any]) -> dict[str, Any]: ...
    def remove(self, equipment_id: str) -> bool: ...
    def upsert_many(self, creates: list[dict[str, Any]],
                    updates: list[tuple[str, dict[str, Any]]]) -> tuple[int, int]: ...
    def maintenance(self, equipment_id: str) -> list[MaintenanceRecord]: ...
    def faults(self, equipment_id: str) -> list[FaultRecord]: ...
    def attachments(self, equipment_id: str) -> list[Attachment]: ...
    def add_maintenance(self, values: Mapping[str, Any]) -> str: ...
    def add_fault(self, values: Mapping[str, Any]) -> str: ...
    def remove_history(self, kind: str, record_id: str) -> bool: ...
    def find_by_code(self, code: str, include_deleted: bool = False) -> Equipment | None: ...
    def attach(self, owner_entity: str, owner_id: str, kind: str, path: Any) -> str: ...
    def detach(self, attachment_id: str) -> bool: ...
    def types(self) -> list[dict[str, Any]]: ...
    def add_type(self, values: Mapping[str, Any]) -> str: ...
    def update_type(self, type_id: str, changes: Mapping[str, Any]) -> dict[str, Any]: ...


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in values.items():
        if isinstance(v, str):
            v = v.strip() or None
        out[k] = v
    return out


def _as_date(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise DomainError("plant.bad_date", value=value) from exc


_RULE_FIELDS = re.compile(r"\{(\w+)(?::[^}]*)?\}")


def make_code(rule: str, type_code: str | None, area_code: str | None, line_code: str | None,
              existing: Iterable[str]) -> str:
    """The next free code under ``rule`` (``{type}``, ``{area}``, ``{line}``, ``{seq:04d}``)."""
    names = set(_RULE_FIELDS.findall(rule))
    if not names <= {"type", "area", "line", "seq"} or "seq" not in names:
        raise DomainError("equipment.code_rule_bad", rule=rule)
    parts = {"type": type_code, "area": area_code, "line": line_code}
    if any(not parts[n] for n in names - {"seq"}):
        raise DomainError("equipment.no_code_parts")
    head, _, _tail = rule.partition("{seq")
    prefix = head.format(**parts)
    taken = set(existing)
    seq = 0
    for code in taken:
        if code.startswith(prefix):
            digits = re.match(r"\d+", code[len(prefix):])
            if digits:
                seq = max(seq, int(digits.group()))
    while True:
        seq += 1
        code = rule.format(seq=seq, **parts)
        if code not in taken:
            return code


class _CodeAllocator:
    """Hands out codes under the rule; remembers what it gave so a batch never repeats one."""

    def __init__(self, rule: str, lookup_code: Any, codes_like: Any,
                 reserved: Iterable[str] = ()) -> None:
        self.rule = rule
        self.reserved = set(reserved)  # codes written explicitly elsewhere in the same batch
        self.lookup_code = lookup_code
        self.codes_like = codes_like
        self.taken: dict[str, set[str]] = {}  # prefix -> codes known to exist or given out
        self.last: dict[str, str | None] = {}  # prefix -> the last code handed out
        self.parts_cache: dict[tuple[str, str | None], str | None] = {}

    def _code_of(self, kind: str, item_id: str | None) -> str | None:
        if not item_id:
            return None
        key = (kind, item_id)
        if key not in self.parts_cache:
            self.parts_cache[key] = self.lookup_code(kind, item_id)
        return self.parts_cache[key]

    def next(self, type_id: str | None, area_id: str | None, line_id: str | None,
             also_taken: Iterable[str] = ()) -> str:
        parts = (self._code_of("type", type_id), self._code_of("area", area_id),
                 self._code_of("line", line_id))
        try:
            prefix = self.rule.partition("{seq")[0].format(
                type=parts[0] or "", area=parts[1] or "", line=parts[2] or "")
        except (KeyError, IndexError, ValueError) as exc:
            raise DomainError("equipment.code_rule_bad", rule=self.rule) from exc
        if prefix not in self.taken:
            self.taken[prefix] = set(self.codes_like(prefix)) | {
                c for c in self.reserved if c.startswith(prefix)}
            # make_code scans the existing codes once for the highest number; after that
            # each new code counts up from the last one given (no re-scan per row).
            self.last[prefix] = None
        taken = self.taken[prefix]
        taken.update(also_taken)
        last = self.last[prefix]
        if last is None or also_taken:
            code = make_code(self.rule, *parts, existing=taken)
        else:
            code = make_code(self.rule, *parts, existing=(last,))
            while code in taken:
                code = make_code(self.rule, *parts, existing=(code,))
        taken.add(code)
        self.last[prefix] = code
        return code


class EquipmentService:
    def __init__(self, repo: EquipmentRepository, lookup_code: Any = None,
                 code_rule: Any = None) -> None:
        """``lookup_code(kind, id) -> code`` resolves type/area/line codes for generated codes;
        ``code_rule()`` returns the configured rule (a setting)."""
        self.repo = repo
        self.lookup_code = lookup_code or (lambda kind, item_id: None)
        self.code_rule = code_rule or (lambda: DEFAULT_CODE_RULE)

    # -- reading -------------------------------------------------------------------------
    def search_page(self, actor: Actor, query: EquipmentQuery, offset: int = 0,
                    limit: int = 200, order: str = "code") -> tuple[list[Equipment], int]:
        require(actor, Permission.VIEW_EQUIPMENT)
        return self.repo.search_page(query, offset, limit, order)

    def iter_all(self, actor: Actor, query: EquipmentQuery) -> Iterable[Equipment]:
        """Every matching record, streamed (exports, label batches)."""
        require(actor, Permission.VIEW_EQUIPMENT)
        return self.repo.iter_all(query)

    def get(self, actor: Actor, equipment_id: str) -> Equipment | None:
        require(actor, Permission.VIEW_EQUIPMENT)
        return self.repo.get(equipment_id)

    def card(self, actor: Actor, equipment_id: str) -> EquipmentCard:
        require(actor, Permission.VIEW_EQUIPMENT)
        item = self.repo.get(equipment_id)
        if item is None:
            raise DomainError("db.not_found")
        return EquipmentCard(item, self.repo.maintenance(equipment_id),
                             self.repo.faults(equipment_id), self.repo.attachments(equipment_id))

    def types(self, actor: Actor) -> list[dict[str, Any]]:
        require(actor, Permission.VIEW_EQUIPMENT)
        return self.repo.types()

    def resolve_label(self, actor: Actor, site_code: str, label_site: str, code: str) -> Equipment:
        """The record a scanned label names, or a clear reason why it cannot be opened."""
        require(actor, Permission.VIEW_EQUIPMENT)
        if label_site != site_code:
            raise DomainError("label.other_site", site=label_site)
        item = self.repo.find_by_code(code, include_deleted=True)
        if item is None:
            raise DomainError("label.unknown", code=code)
        live = self.repo.find_by_code(code)
        if live is None:
            raise DomainError("label.removed", code=code)
        return live

    # -- writing -------------------------------------------------------------------------
    def _validate(self, values: dict[str, Any], equipment_id: str | None,
                  today: dt.date | None = None) -> dict[str, Any]:
        values = _clean(values)
        today = today or dt.date.today()
        if "status" in values and values["status"] not in STATUSES:
            raise DomainError("equipment.bad_status")
        if values.get("risk_grade") not in (None, *RISK_LEVELS):
            raise DomainError("equipment.bad_grade")
        for name in ("install_date", "inspection_due"):
            if name in values:
                values[name] = _as_date(values[name], name)
        if values.get("install_date") and values["install_date"] > today.isoformat():
            raise DomainError("equipment.future_date", field=_label("install_date"))
        if "special" in values:
            values["special"] = 1 if values["special"] else 0
        code = values.get("code")
        if code:
            owner = self.repo.ids_by_code([code]).get(code)
            if owner and owner != equipment_id:
                other = self.repo.get(owner)
                raise DomainError("equipment.code_taken", code=code,
                                  name=other.name if other else owner)
        return values

    def next_code(self, type_id: str | None, area_id: str | None, line_id: str | None = None,
                  also_taken: Iterable[str] = ()) -> str:
        return self._allocator().next(type_id, area_id, line_id, also_taken)

    def _allocator(self, reserved: Iterable[str] = ()) -> _CodeAllocator:
        return _CodeAllocator(self.code_rule(), self.lookup_code, self.repo.codes_like, reserved)

    def add(self, actor: Actor, values: Mapping[str, Any]) -> str:
        require(actor, Permission.EDIT_EQUIPMENT)
        values = {"status": "in_service", "special": 0, **values}
        if not (values.get("code") or "").strip():
            values["code"] = self.next_code(values.get("type_id"), values.get("area_id"),
                                            values.get("line_id"))
        if not (values.get("name") or "").strip():
            raise DomainError("equipment.required", field=_label("name"))
        return self.repo.add(self._validate(values, None))

    def update(self, actor: Actor, equipment_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        require(actor, Permission.EDIT_EQUIPMENT)
        for name in ("code", "name"):
            if name in changes and not (changes[name] or "").strip():
                raise DomainError("equipment.required", field=_label(name))
        return self.repo.update(equipment_id, self._validate(dict(changes), equipment_id))

    def remove(self, actor: Actor, equipment_id: str) -> bool:
        require(actor, Permission.EDIT_EQUIPMENT)
        return self.repo.remove(equipment_id)

    def add_maintenance(self, actor: Actor, equipment_id: str, values: Mapping[str, Any],
                        today: dt.date | None = None) -> str:
        require(actor, Permission.EDIT_EQUIPMENT)
        values = _clean(values)
        if values.get("kind") not in MAINTENANCE_KINDS:
            raise DomainError("equipment.bad_kind", kind=values.get("kind"))
        date = _as_date(values.get("date"), "date")
        if date is None:
            raise DomainError("equipment.required", field=_label("date"))
        if date > (today or dt.date.today()).isoformat():
            raise DomainError("equipment.future_date", field=_label("date"))
        due = _as_date(values.get("next_due"), "next_due")
        if due and due < date:
            raise DomainError("equipment.due_before")
        return self.repo.add_maintenance({**values, "equipment_id": equipment_id, "date": date,
                                          "next_due": due})

    def add_fault(self, actor: Actor, equipment_id: str, values: Mapping[str, Any],
                  today: dt.date | None = None) -> str:
        require(actor, Permission.EDIT_EQUIPMENT)
        values = _clean(values)
        date = _as_date(values.get("date"), "date")
        if date is None:
            raise DomainError("equipment.required", field=_label("date"))
        if date > (today or dt.date.today()).isoformat():
            raise DomainError("equipment.future_date", field=_label("date"))
        if not values.get("symptom"):
            raise DomainError("equipment.required", field=_label("symptom"))
        if values.get("downtime_hours") is not None and float(values["downtime_hours"]) < 0:
            raise DomainError("equipment.negative_downtime")
        return self.repo.add_fault({**values, "equipment_id": equipment_id, "date": date})

    def remove_history(self, actor: Actor, kind: str, record_id: str) -> bool:
        require(actor, Permission.EDIT_EQUIPMENT)
        return self.repo.remove_history(kind, record_id)

    def attach(self, actor: Actor, equipment_id: str, kind: str, path: Any) -> str:
        """Attach a photo, procedure document or other document (stored by content hash)."""
        require(actor, Permission.EDIT_EQUIPMENT)
        if self.repo.get(equipment_id) is None:
            raise DomainError("db.not_found")
        return self.repo.attach("equipment", equipment_id, kind, path)

    def detach(self, actor: Actor, attachment_id: str) -> bool:
        require(actor, Permission.EDIT_EQUIPMENT)
        return self.repo.detach(attachment_id)

    def add_type(self, actor: Actor, code: str, name: str, special: bool = False) -> str:
        require(actor, Permission.EDIT_EQUIPMENT)
        code, name = code.strip().upper(), name.strip()
        if not code:
            raise DomainError("equipment.required", field=_label("code"))
        if not name:
            raise DomainError("equipment.required", field=_label("name"))
        for t in self.repo.types():
            if t["code"] == code:
                raise DomainError("equipment.code_taken", code=code, name=t["name"])
        return self.repo.add_type({"code": code, "name": name, "special": 1 if special else 0})

    def import_records(self, actor: Actor, records: list[dict[str, Any]],
                       update_existing: bool = False) -> tuple[int, int, int]:
        """All rows or none: (created, updated, skipped). Existing codes update or are skipped."""
        require(actor, Permission.IMPORT_EQUIPMENT)
        if not records:
            raise DomainError("equipment.import_empty")
        existing = self.repo.ids_by_code([r["code"] for r in records if r.get("code")])
        # One allocator per import: codes are counted up, not re-queried for every row, and
        # never collide with codes other rows of the file spell out.
        allocator = self._allocator(r["code"] for r in records if r.get("code"))
        creates, updates, skipped = [], [], 0
        for record in records:
            values = _clean(record)
            for name in ("install_date", "inspection_due"):
                if name in values:
                    values[name] = _as_date(values[name], name)
            if "special" in values:
                values["special"] = 1 if values["special"] else 0
            if not values.get("code"):
                # A list without codes: number the machines by the plant's rule.
                values["code"] = allocator.next(values.get("type_id"), values.get("area_id"),
                                                values.get("line_id"))
            item_id = existing.get(values["code"])
            if item_id is None:
                creates.append({"status": "in_service", "special": 0, **values})
            elif update_existing:
                updates.append((item_id, values))
            else:
                skipped += 1
        created, updated = self.repo.upsert_many(creates, updates)
        return created, updated, skipped + (len(updates) - updated)
