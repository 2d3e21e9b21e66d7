"""Inspections (F4): checklist templates per equipment type, inspection runs, schedules and the
due list. A failed item drafts a hazard (core.hazards); a proper inspection earns points (F12).

A run lives in memory while the inspector works through the checklist (``start`` → ``record``
each item → ``finish``); ``finish`` stores the run, every result, the hazards its failures draft
and the points in one transaction. Result ids are uuid5(inspection id, item id), so two PCs
writing the same item of the same inspection write one row.

What "proper" (规范巡检, +2 points by default) means here:
- every item of the checklist is answered (pass, fail or n/a);
- something was really checked: not every item is n/a;
- a failed item says what is wrong (a note or a photo) — ``record`` refuses it otherwise;
- it is the first proper inspection of that machine that day: checking the same press again
  an hour later is allowed and stored, but earns nothing (no points for repetition).
Points go to the inspector's person record; a user without one (the administrator) earns none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from core import i18n
from core.auth import Actor, Permission, require
from core.equipment import Equipment
from core.hazards import HAZARD_TYPES, HazardService, label
from core.i18n import DomainError, t

FREQUENCIES = ("daily", "weekly", "monthly")
OUTCOMES = ("pass", "fail", "na")
DUE, OVERDUE = "due", "overdue"
# The plant works Monday to Saturday: a daily check is due on these weekdays only.
WORKDAYS = frozenset(range(6))
POINT_RULE = "inspection"
# uuid5 namespace of result ids (never change it: ids made by older versions must still match).
RESULT_NAMESPACE = "6f1d7c2e-4b0a-5c8e-9a31-52a1e0d4c9b7"
_RESULT_NS = uuid.UUID(RESULT_NAMESPACE).bytes

FREQUENCY_LABELS = {"daily": ("每日", "Daily"), "weekly": ("每周", "Weekly"),
                    "monthly": ("每月", "Monthly")}
OUTCOME_LABELS = {"pass": ("合格", "Pass"), "fail": ("不合格", "Fail"), "na": ("不适用", "N/A")}
DUE_LABELS = {DUE: ("今日待检", "Due"), OVERDUE: ("漏检", "Overdue")}

MESSAGES = {
    "inspection.required": {"zh_CN": "请填写“{field}”。", "en": "Please fill in “{field}”."},
    "inspection.no_checklist": {
        "zh_CN": "“{type}”类设备还没有点检表，请安全员先在“点检表”中建立。",
        "en": "There is no checklist for “{type}” equipment yet; a safety clerk can create one "
        "under Checklists.",
    },
    "inspection.no_type": {
        "zh_CN": "设备“{code}”未设置设备类型，无法确定点检表，请先在设备台账中选择类型。",
        "en": "The equipment “{code}” has no type, so it has no checklist; set its type in the "
        "registry first.",
    },
    "inspection.no_equipment": {"zh_CN": "设备不存在或已删除。",
                                "en": "The equipment does not exist or was removed."},
    "inspection.scrapped": {"zh_CN": "设备“{code}”已报废，无需点检。",
                            "en": "The equipment “{code}” is scrapped; it needs no inspection."},
    "inspection.bad_outcome": {"zh_CN": "点检结果必须是 合格/不合格/不适用 之一。",
                               "en": "The result must be pass, fail or n/a."},
    "inspection.unknown_item": {"zh_CN": "该项目不在本次点检表中。",
                                "en": "That item is not on this checklist."},
    "inspection.fail_needs_note": {
        "zh_CN": "不合格项“{item}”请写明问题或拍照。",
        "en": "Say what is wrong with “{item}” (a note or a photo).",
    },
    "inspection.nothing_answered": {"zh_CN": "还没有填写任何点检项目。",
                                    "en": "No item has been answered yet."},
    "inspection.already_finished": {"zh_CN": "本次点检已经提交。",
                                    "en": "This inspection has already been submitted."},
    "inspection.not_inspector": {
        "zh_CN": "只能由开始本次点检的人（{name}）提交。",
        "en": "Only the person who started this inspection ({name}) can submit it.",
    },
    "inspection.template_exists": {
        "zh_CN": "“{type}”类设备已有点检表“{name}”，请直接修改它。",
        "en": "“{type}” equipment already has the checklist “{name}”; edit that one.",
    },
    "inspection.no_items": {"zh_CN": "点检表至少需要一个检查项目。",
                            "en": "A checklist needs at least one item."},
    "inspection.unknown_type": {"zh_CN": "设备类型不存在。", "en": "The equipment type does not exist."},
    "inspection.template_not_found": {"zh_CN": "点检表不存在或已删除。",
                                      "en": "The checklist does not exist or was removed."},
    "inspection.schedule_not_found": {"zh_CN": "点检计划不存在或已删除。",
                                      "en": "The schedule does not exist or was removed."},
    "inspection.not_found": {"zh_CN": "点检记录不存在。", "en": "The inspection does not exist."},
    "inspection.bad_frequency": {"zh_CN": "点检周期必须是 每日/每周/每月 之一。",
                                 "en": "The frequency must be daily, weekly or monthly."},
    "inspection.schedule_scope": {
        "zh_CN": "点检计划须指定一台设备或一种设备类型（二选一）。",
        "en": "A schedule applies to one machine or to one equipment type (exactly one).",
    },
    "inspection.bad_date": {"zh_CN": "日期无效：{value}", "en": "Not a valid date: {value}"},
    "inspection.hazard_text": {"zh_CN": "点检不合格：{item}（{note}）",
                               "en": "Failed check: {item} ({note})"},
    "inspection.hazard_text_bare": {"zh_CN": "点检不合格：{item}", "en": "Failed check: {item}"},
}
i18n.register(MESSAGES)

_FIELD_LABELS = {"name": ("点检表名称", "Checklist name"), "text": ("检查项目", "Check item")}


def result_id(inspection_id: str, item_id: str) -> str:
    """uuid5 of (inspection, item): the same as ``core.ids.deterministic_id(RESULT_NAMESPACE,
    inspection_id, item_id)``, without parsing the namespace for every row (demo loads make
    tens of thousands)."""
    digest = bytearray(hashlib.sha1(_RESULT_NS + f"{inspection_id}\x1f{item_id}".encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# What an item is about, by the words in it (first match wins), else by the machine's type.
_TYPE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("certificate", ("持证", "证件", "操作证", "作业证")),
    ("ppe", ("面罩", "手套", "劳保", "护目", "防护用品", "耳塞", "口罩", "安全帽")),
    ("fire", ("消防", "灭火", "可燃", "防爆", "静电", "动火", "漆渣", "易燃")),
    ("ventilation", ("通风", "排风", "烟尘", "净化", "风量", "除尘", "漆雾")),
    ("pressure", ("安全阀", "压力表", "储气罐", "排污", "压力容器", "气瓶")),
    ("lifting", ("钢丝绳", "吊钩", "吊具", "吊索", "起升", "大车", "小车")),
    ("vehicle", ("刹车", "制动踏板", "喇叭", "货叉", "轮胎", "倒车", "转向", "安全带")),
    ("guard", ("防护", "光电", "光幕", "双手", "联锁", "急停", "限位", "防脱", "护罩", "护栏",
               "门锁", "安全门")),
    ("electrical", ("接地", "绝缘", "电缆", "漏电", "配电", "电气", "插座", "接线", "柜门",
                    "线路", "电源", "指示灯")),
    ("burn", ("高温", "隔热", "烫", "温度")),
    ("housekeeping", ("杂物", "积尘", "通道", "整洁", "油污", "堆放", "清洁")),
    ("machinery", ("离合器", "制动器", "皮带", "润滑", "异响", "振动", "砂轮", "卡盘", "刀具",
                   "传动", "轴承")),
)
_TYPE_BY_EQUIPMENT = {"PD": "electrical", "QZ": "lifting", "CC": "vehicle", "YL": "pressure",
                      "KY": "pressure", "PT": "fire", "HG": "burn", "DT": "lifting",
                      "HJ": "electrical", "FJ": "ventilation"}


def guess_hazard_type(text: str, type_code: str | None = None) -> str:
    """The hazard type (a key of HAZARD_TYPES) a failure of this item most likely is."""
    for kind, words in _TYPE_WORDS:
        if any(w in text for w in words):
            return kind
    return _TYPE_BY_EQUIPMENT.get((type_code or "").upper(), "machinery")


# --- Records ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    template_id: str
    position: int
    text: str
    guidance: str | None = None
    hazard_type: str | None = None  # None: guessed from the text when it fails


@dataclass(frozen=True)
class ChecklistTemplate:
    id: str
    type_id: str
    name: str
    items: tuple[ChecklistItem, ...] = ()
    type_code: str = ""
    type_name: str = ""


@dataclass(frozen=True)
class ItemDraft:
    """An item as the checklist editor hands it in: ``id`` None for a new item."""

    text: str
    guidance: str | None = None
    hazard_type: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class Schedule:
    id: str
    equipment_id: str | None  # a machine's own schedule ...
    type_id: str | None  # ... or every machine of a type
    frequency: str
    start_date: dt.date
    active: bool
    equipment_code: str = ""
    equipment_name: str = ""
    type_name: str = ""


@dataclass(frozen=True)
class DueCandidate:
    """A machine under an active schedule and its latest complete inspection (repository)."""

    schedule_id: str
    per_equipment: bool
    frequency: str
    start_date: dt.date
    equipment_id: str
    equipment_code: str
    equipment_name: str
    type_id: str | None
    type_name: str
    area_name: str
    line_name: str
    install_date: dt.date | None
    last_inspected: dt.date | None


@dataclass(frozen=True)
class DueItem:
    equipment_id: str
    equipment_code: str
    equipment_name: str
    type_name: str
    area_name: str
    line_name: str
    schedule_id: str
    frequency: str
    status: str  # DUE (this period's check not done yet) or OVERDUE (periods were missed)
    missed: int  # whole periods without a complete inspection, before the current one
    last_inspected: dt.date | None
    has_checklist: bool


@dataclass
class Answer:
    outcome: str
    note: str = ""
    photos: tuple[str, ...] = ()  # file paths; stored by content hash when the run is finished


@dataclass
class InspectionRun:
    """An inspection in progress (in memory until ``finish``)."""

    id: str
    equipment: Equipment
    template: ChecklistTemplate
    inspector_user_id: str
    inspector_person_id: str | None
    inspector_name: str
    started_at: dt.datetime
    answers: dict[str, Answer] = field(default_factory=dict)
    note: str = ""
    finished: bool = False

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return self.template.items

    @property
    def unanswered(self) -> list[ChecklistItem]:
        return [i for i in self.items if i.id not in self.answers]

    @property
    def complete(self) -> bool:
        return not self.unanswered

    def count(self, outcome: str) -> int:
        return sum(1 for a in self.answers.values() if a.outcome == outcome)


@dataclass(frozen=True)
class FinishedInspection:
    id: str
    item_count: int
    ok_count: int
    failed_count: int
    na_count: int
    proper: bool
    points: int  # awarded to the inspector for this run
    hazards: dict[str, str]  # item id -> the hazard its failure drafted

    @property
    def complete(self) -> bool:
        return self.ok_count + self.failed_count + self.na_count == self.item_count


@dataclass(frozen=True)
class InspectionSummary:
    id: str
    equipment_id: str
    equipment_code: str
    equipment_name: str
    template_id: str | None
    template_name: str
    inspector_user_id: str | None
    inspector_person_id: str | None
    inspector_name: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    note: str | None
    item_count: int
    ok_count: int
    failed_count: int
    na_count: int
    proper: bool

    @property
    def complete(self) -> bool:
        return self.ok_count + self.failed_count + self.na_count == self.item_count


@dataclass(frozen=True)
class InspectionResult:
    id: str
    inspection_id: str
    item_id: str | None
    position: int
    item_text: str
    outcome: str
    note: str | None
    photos: tuple[str, ...]  # sha256s in the attachment store
    hazard_id: str | None
    hazard_number: str = ""


@dataclass(frozen=True)
class InspectionDetail:
    summary: InspectionSummary
    results: list[InspectionResult]


@dataclass(frozen=True)
class InspectionQuery:
    equipment_id: str | None = None
    inspector_user_id: str | None = None
    inspector_person_id: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive
    failed_only: bool = False


class InspectionRepository(Protocol):
    def atomic(self) -> AbstractContextManager[Any]: ...
    def equipment(self, equipment_id: str) -> Equipment | None: ...
    def type_info(self, type_id: str) -> tuple[str, str] | None: ...  # (code, name)
    def templates(self) -> list[ChecklistTemplate]: ...
    def template(self, template_id: str) -> ChecklistTemplate | None: ...
    def template_for_type(self, type_id: str) -> ChecklistTemplate | None: ...
    def add_template(self, values: Mapping[str, Any]) -> str: ...
    def update_template(self, template_id: str, changes: Mapping[str, Any]) -> dict[str, Any]: ...
    def remove_template(self, template_id: str) -> bool: ...
    def add_items(self, rows: list[dict[str, Any]]) -> list[str]: ...
    def update_item(self, item_id: str, changes: Mapping[str, Any]) -> dict[str, Any]: ...
    def remove_item(self, item_id: str) -> bool: ...
    def schedules(self) -> list[Schedule]: ...
    def schedule(self, schedule_id: str) -> Schedule | None: ...
    def add_schedule(self, values: Mapping[str, Any]) -> str: ...
    def update_schedule(self, schedule_id: str, changes: Mapping[str, Any]) -> dict[str, Any]: ...
    def remove_schedule(self, schedule_id: str) -> bool: ...
    def due_candidates(self, as_of: dt.date) -> list[DueCandidate]: ...
    def proper_count(self, equipment_id: str, day: dt.date) -> int: ...
    def save(self, values: Mapping[str, Any], results: list[dict[str, Any]]) -> None: ...
    def history_page(self, query: InspectionQuery, offset: int,
                     limit: int) -> tuple[list[InspectionSummary], int]: ...
    def get(self, inspection_id: str) -> InspectionSummary | None: ...
    def results(self, inspection_id: str) -> list[InspectionResult]: ...


# --- Periods ------------------------------------------------------------------------------


def period_start(frequency: str, day: dt.date) -> dt.date:
    """The first day of the schedule period holding ``day`` (weeks start on Monday)."""
    if frequency == "weekly":
        return day - dt.timedelta(days=day.weekday())
    if frequency == "monthly":
        return day.replace(day=1)
    return day


def _next_period(frequency: str, start: dt.date) -> dt.date:
    if frequency == "weekly":
        return start + dt.timedelta(days=7)
    if frequency == "monthly":
        return dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start + dt.timedelta(days=1)


def _workdays_between(first: dt.date, end: dt.date, workdays: frozenset[int]) -> int:
    """Working days in [first, end)."""
    days = (end - first).days
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    count = weeks * len(workdays)
    start = first + dt.timedelta(days=weeks * 7)
    return count + sum(1 for k in range(rest) if (start + dt.timedelta(days=k)).weekday() in workdays)


def _months_between(first: dt.date, end: dt.date) -> int:
    return max(0, (end.year - first.year) * 12 + end.month - first.month)


def due_state(frequency: str, last: dt.date | None, start: dt.date, as_of: dt.date,
              workdays: frozenset[int] = WORKDAYS) -> tuple[bool, int]:
    """(is this period's check still to do, how many whole periods before it were missed).

    Daily periods are working days; weekly ones ISO weeks; monthly ones calendar months. A
    period is missed when no complete inspection falls in it; periods before ``start`` (the
    schedule's first day, or a later installation) never count."""
    if frequency not in FREQUENCIES:
        raise DomainError("inspection.bad_frequency")
    if as_of < start:
        return False, 0
    current = period_start(frequency, as_of)
    if last is not None and last >= current:
        return False, 0
    if frequency == "daily":
        first = start if last is None else max(start, last + dt.timedelta(days=1))
        return as_of.weekday() in workdays, _workdays_between(first, as_of, workdays)
    first = period_start(frequency, start)
    if last is not None:
        first = max(first, _next_period(frequency, period_start(frequency, last)))
    if frequency == "weekly":
        missed = max(0, (current - first).days // 7)
    else:
        missed = _months_between(first, current)
    return True, missed


_FREQUENCY_ORDER = {f: i for i, f in enumerate(FREQUENCIES)}


def due_list(candidates: Iterable[DueCandidate], as_of: dt.date, with_checklist: set[str],
             workdays: frozenset[int] = WORKDAYS) -> list[DueItem]:
    """One row per machine that needs a check now: a machine's own schedule wins over its
    type's; among equals the most frequent. Overdue first (most missed first), then by code."""
    chosen: dict[str, DueCandidate] = {}
    for c in candidates:
        best = chosen.get(c.equipment_id)
        key = (not c.per_equipment, _FREQUENCY_ORDER.get(c.frequency, 9), c.schedule_id)
        if best is None or key < (not best.per_equipment, _FREQUENCY_ORDER.get(best.frequency, 9),
                                  best.schedule_id):
            chosen[c.equipment_id] = c
    items = []
    for c in chosen.values():
        start = max(c.start_date, c.install_date or c.start_date)
        due_now, missed = due_state(c.frequency, c.last_inspected, start, as_of, workdays)
        if not due_now and not missed:
            continue
        items.append(DueItem(c.equipment_id, c.equipment_code, c.equipment_name, c.type_name,
                             c.area_name, c.line_name, c.schedule_id, c.frequency,
                             OVERDUE if missed else DUE, missed, c.last_inspected,
                             bool(c.type_id and c.type_id in with_checklist)))
    items.sort(key=lambda i: (i.status != OVERDUE, -i.missed, i.equipment_code))
    return items


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DomainError("inspection.bad_date", value=value) from exc


def _draft(item: ItemDraft | Mapping[str, Any] | str) -> ItemDraft:
    if isinstance(item, str):
        item = ItemDraft(item)
    elif isinstance(item, Mapping):
        item = ItemDraft(item.get("text", ""), item.get("guidance"), item.get("hazard_type"),
                         item.get("id"))
    text = (item.text or "").strip()
    if not text:
        raise DomainError("inspection.required", field=label(_FIELD_LABELS, "text"))
    if item.hazard_type and item.hazard_type not in HAZARD_TYPES:
        raise DomainError("hazard.bad_type", type=item.hazard_type)
    return ItemDraft(text, (item.guidance or "").strip() or None, item.hazard_type or None, item.id)


# --- The service --------------------------------------------------------------------------


class InspectionService:
    def __init__(self, repo: InspectionRepository, hazards: HazardService,
                 new_id: Callable[[], str], now: Callable[[], dt.datetime] = dt.datetime.now,
                 workdays: frozenset[int] = WORKDAYS) -> None:
        """``hazards`` drafts the hazards failed items find and holds the point rules and the
        award log; ``now()`` is local wall time."""
        self.repo = repo
        self.hazards = hazards
        self.new_id = new_id
        self.now = now
        self.workdays = workdays

    # -- checklists ----------------------------------------------------------------------
    def templates(self, actor: Actor) -> list[ChecklistTemplate]:
        require(actor, Permission.VIEW_INSPECTIONS)
        return self.repo.templates()

    def template(self, actor: Actor, template_id: str) -> ChecklistTemplate:
        require(actor, Permission.VIEW_INSPECTIONS)
        found = self.repo.template(template_id)
        if found is None:
            raise DomainError("inspection.template_not_found")
        return found

    def template_for_type(self, actor: Actor, type_id: str) -> ChecklistTemplate | None:
        require(actor, Permission.VIEW_INSPECTIONS)
        return self.repo.template_for_type(type_id)

    def create_template(self, actor: Actor, type_id: str, name: str,
                        items: Sequence[ItemDraft | Mapping[str, Any] | str]) -> str:
        """A checklist for an equipment type (one per type); items in the order given."""
        require(actor, Permission.EDIT_CHECKLISTS)
        info = self.repo.type_info(type_id)
        if info is None:
            raise DomainError("inspection.unknown_type")
        name = (name or "").strip()
        if not name:
            raise DomainError("inspection.required", field=label(_FIELD_LABELS, "name"))
        drafts = [_draft(i) for i in items]
        if not drafts:
            raise DomainError("inspection.no_items")
        existing = self.repo.template_for_type(type_id)
        if existing is not None:
            raise DomainError("inspection.template_exists", type=info[1], name=existing.name)
        with self.repo.atomic():
            template_id = self.repo.add_template({"type_id": type_id, "name": name})
            self.repo.add_items([{"template_id": template_id, "position": n, "text": d.text,
                                  "guidance": d.guidance, "hazard_type": d.hazard_type}
                                 for n, d in enumerate(drafts, 1)])
        return template_id

    def update_template(self, actor: Actor, template_id: str, name: str | None = None,
                        items: Sequence[ItemDraft | Mapping[str, Any] | str] | None = None
                        ) -> dict[str, Any]:
        """Rename and/or replace the item list: ``items`` is the whole new list in order;
        items with an id keep it (and their history), new ones get one, missing ones are
        removed. Past results keep their own copy of the text. Returns what changed."""
        require(actor, Permission.EDIT_CHECKLISTS)
        current = self.repo.template(template_id)
        if current is None:
            raise DomainError("inspection.template_not_found")
        changed: dict[str, Any] = {}
        with self.repo.atomic():
            if name is not None:
                name = name.strip()
                if not name:
                    raise DomainError("inspection.required", field=label(_FIELD_LABELS, "name"))
                changed.update(self.repo.update_template(template_id, {"name": name}))
            if items is not None:
                drafts = [_draft(i) for i in items]
                if not drafts:
                    raise DomainError("inspection.no_items")
                old = {i.id: i for i in current.items}
                added, edited, removed = [], 0, 0
                for n, d in enumerate(drafts, 1):
                    values = {"position": n, "text": d.text, "guidance": d.guidance,
                              "hazard_type": d.hazard_type}
                    if d.id and d.id in old:
                        edited += bool(self.repo.update_item(d.id, values))
                    else:
                        added.append({"template_id": template_id, **values})
                self.repo.add_items(added)
                keep = {d.id for d in drafts if d.id}
                for item_id in old:
                    if item_id not in keep:
                        removed += self.repo.remove_item(item_id)
                if added or edited or removed:
                    changed["items"] = {"added": len(added), "changed": edited,
                                        "removed": removed}
        return changed

    def remove_template(self, actor: Actor, template_id: str) -> bool:
        require(actor, Permission.EDIT_CHECKLISTS)
        return self.repo.remove_template(template_id)

    # -- schedules -----------------------------------------------------------------------
    def schedules(self, actor: Actor) -> list[Schedule]:
        require(actor, Permission.VIEW_INSPECTIONS)
        return self.repo.schedules()

    def add_schedule(self, actor: Actor, frequency: str, equipment_id: str | None = None,
                     type_id: str | None = None, start_date: dt.date | str | None = None) -> str:
        """Check one machine, or every machine of a type, daily/weekly/monthly from
        ``start_date`` (default today)."""
        require(actor, Permission.EDIT_CHECKLISTS)
        if frequency not in FREQUENCIES:
            raise DomainError("inspection.bad_frequency")
        if bool(equipment_id) == bool(type_id):
            raise DomainError("inspection.schedule_scope")
        if equipment_id and self.repo.equipment(equipment_id) is None:
            raise DomainError("inspection.no_equipment")
        if type_id and self.repo.type_info(type_id) is None:
            raise DomainError("inspection.unknown_type")
        start = _as_date(start_date) if start_date else self.now().date()
        return self.repo.add_schedule({"equipment_id": equipment_id or None,
                                       "type_id": type_id or None, "frequency": frequency,
                                       "start_date": start.isoformat(), "active": 1})

    def update_schedule(self, actor: Actor, schedule_id: str, frequency: str | None = None,
                        active: bool | None = None,
                        start_date: dt.date | str | None = None) -> dict[str, Any]:
        require(actor, Permission.EDIT_CHECKLISTS)
        if self.repo.schedule(schedule_id) is None:
            raise DomainError("inspection.schedule_not_found")
        changes: dict[str, Any] = {}
        if frequency is not None:
            if frequency not in FREQUENCIES:
                raise DomainError("inspection.bad_frequency")
            changes["frequency"] = frequency
        if active is not None:
            changes["active"] = 1 if active else 0
        if start_date is not None:
            changes["start_date"] = _as_date(start_date).isoformat()
        return self.repo.update_schedule(schedule_id, changes) if changes else {}

    def remove_schedule(self, actor: Actor, schedule_id: str) -> bool:
        require(actor, Permission.EDIT_CHECKLISTS)
        return self.repo.remove_schedule(schedule_id)

    def due(self, actor: Actor, as_of: dt.date | None = None) -> list[DueItem]:
        """Machines whose check is due today or overdue (with how many periods missed)."""
        require(actor, Permission.VIEW_INSPECTIONS)
        as_of = as_of or self.now().date()
        with_checklist = {t.type_id for t in self.repo.templates() if t.items}
        return due_list(self.repo.due_candidates(as_of), as_of, with_checklist, self.workdays)

    # -- running a checklist -------------------------------------------------------------
    def start(self, actor: Actor, equipment_id: str) -> InspectionRun:
        """Begin an inspection of a machine with its type's checklist."""
        require(actor, Permission.INSPECT)
        equipment = self.repo.equipment(equipment_id)
        if equipment is None:
            raise DomainError("inspection.no_equipment")
        if equipment.status == "scrapped":
            raise DomainError("inspection.scrapped", code=equipment.code)
        if not equipment.type_id:
            raise DomainError("inspection.no_type", code=equipment.code)
        template = self.repo.template_for_type(equipment.type_id)
        if template is None or not template.items:
            info = self.repo.type_info(equipment.type_id)
            raise DomainError("inspection.no_checklist",
                              type=equipment.type_name or (info[1] if info else ""))
        return InspectionRun(self.new_id(), equipment, template, actor.user_id, actor.person_id,
                             actor.display_name, self.now().replace(microsecond=0))

    def record(self, actor: Actor, run: InspectionRun, item_id: str, outcome: str,
               note: str = "", photos: Iterable[Any] = ()) -> Answer:
        """Answer one item (again, to change the answer): pass, fail or na. A failure needs
        a note or a photo saying what is wrong."""
        require(actor, Permission.INSPECT)
        if run.finished:
            raise DomainError("inspection.already_finished")
        item = next((i for i in run.items if i.id == item_id), None)
        if item is None:
            raise DomainError("inspection.unknown_item")
        if outcome not in OUTCOMES:
            raise DomainError("inspection.bad_outcome")
        note = (note or "").strip()
        paths = tuple(str(p) for p in photos)
        if outcome == "fail" and not note and not paths:
            raise DomainError("inspection.fail_needs_note", item=item.text)
        answer = Answer(outcome, note, paths)
        run.answers[item_id] = answer
        return answer

    def _draft_hazard(self, actor: Actor, run: InspectionRun, values: dict[str, Any],
                      photos: list[Any]) -> str:
        """A failed item drafts a hazard. Staff who may record hazards put it straight into the
        workflow (待派发); a worker's daily check files it like a 随手拍 report, for the safety
        office to verify (待核实) — the same path a worker's own report takes."""
        if actor.can(Permission.RECORD_HAZARD):
            return self.hazards.record(actor, values, photos)
        person = run.inspector_person_id or actor.person_id
        if not person:
            raise DomainError("hazard.reporter_required")
        return self.hazards.report(actor, person, run.inspector_name, values, photos,
                                   source="inspection")

    def finish(self, actor: Actor, run: InspectionRun, note: str | None = None) -> FinishedInspection:
        """Store the run, its results, a drafted hazard for each failed item and the points,
        all in one transaction (all or nothing)."""
        require(actor, Permission.INSPECT)
        if run.finished:
            raise DomainError("inspection.already_finished")
        if actor.user_id != run.inspector_user_id:
            raise DomainError("inspection.not_inspector", name=run.inspector_name)
        if not run.answers:
            raise DomainError("inspection.nothing_answered")
        if note is not None:
            run.note = note.strip()
        finished = max(self.now().replace(microsecond=0), run.started_at)
        ok, failed, na = run.count("pass"), run.count("fail"), run.count("na")
        equipment = run.equipment
        rules = self.hazards.point_rules()
        points = int(rules.get(POINT_RULE, 0))
        hazards: dict[str, str] = {}
        with self.repo.atomic():
            proper = (run.complete and ok + failed > 0
                      and self.repo.proper_count(equipment.id, finished.date()) == 0)
            results = []
            for item in run.items:
                answer = run.answers.get(item.id)
                if answer is None:
                    continue
                hazard_id = None
                if answer.outcome == "fail":
                    hazard_id = self._draft_hazard(
                        actor, run, self._hazard_values(run, item, answer, finished),
                        list(answer.photos))
                    hazards[item.id] = hazard_id
                results.append({
                    "id": result_id(run.id, item.id), "inspection_id": run.id,
                    "item_id": item.id, "position": item.position, "item_text": item.text,
                    "outcome": answer.outcome, "note": answer.note or None,
                    "photos": list(answer.photos), "hazard_id": hazard_id})
            self.repo.save({
                "id": run.id, "equipment_id": equipment.id, "template_id": run.template.id,
                "inspector_user_id": run.inspector_user_id,
                "inspector_person_id": run.inspector_person_id,
                "inspector_name": run.inspector_name,
                "started_at": run.started_at.isoformat(), "finished_at": finished.isoformat(),
                "note": run.note or None, "item_count": len(run.items), "ok_count": ok,
                "failed_count": failed, "na_count": na, "proper": 1 if proper else 0,
            }, results)
            earned = points if proper and points > 0 and run.inspector_person_id else 0
            if earned:
                self.hazards.repo.award(run.inspector_person_id or "", POINT_RULE, earned,
                                        equipment.code, None, finished)
        run.finished = True
        return FinishedInspection(run.id, len(run.items), ok, failed, na, proper, earned, hazards)

    def _hazard_values(self, run: InspectionRun, item: ChecklistItem, answer: Answer,
                       at: dt.datetime) -> dict[str, Any]:
        e = run.equipment
        text = (t("inspection.hazard_text", item=item.text, note=answer.note) if answer.note
                else t("inspection.hazard_text_bare", item=item.text))
        type_code = run.template.type_code or e.code.split("-", 1)[0]
        place = e.line_name or e.area_name
        return {
            "description": text,
            "type": item.hazard_type or guess_hazard_type(item.text, type_code),
            "grade": "general", "source": "inspection", "equipment_id": e.id,
            "area_id": e.area_id, "line_id": e.line_id,
            "location": f"{place} {e.code}".strip(), "found_at": at,
        }

    # -- reading -------------------------------------------------------------------------
    def history(self, actor: Actor, query: InspectionQuery, offset: int = 0,
                limit: int = 200) -> tuple[list[InspectionSummary], int]:
        """Newest first: one page and the total."""
        require(actor, Permission.VIEW_INSPECTIONS)
        return self.repo.history_page(query, offset, limit)

    def history_of_equipment(self, actor: Actor, equipment_id: str, offset: int = 0,
                             limit: int = 200) -> tuple[list[InspectionSummary], int]:
        return self.history(actor, InspectionQuery(equipment_id=equipment_id), offset, limit)

    def history_of_inspector(self, actor: Actor, user_id: str | None = None,
                             person_id: str | None = None, offset: int = 0,
                             limit: int = 200) -> tuple[list[InspectionSummary], int]:
        """By user account, or by person (workers without an account in imported history)."""
        query = InspectionQuery(inspector_user_id=user_id, inspector_person_id=person_id)
        return self.history(actor, query, offset, limit)

    def get(self, actor: Actor, inspection_id: str) -> InspectionDetail:
        require(actor, Permission.VIEW_INSPECTIONS)
        summary = self.repo.get(inspection_id)
        if summary is None:
            raise DomainError("inspection.not_found")
        return InspectionDetail(summary, self.repo.results(inspection_id))
