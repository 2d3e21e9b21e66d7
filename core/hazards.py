"""Hazards (隐患): recording, the five-step workflow with role checks, deadlines, escalation,
随手拍 reports and the points they earn. State comes from core.workflow.fold over events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from core import i18n
from core.auth import Actor, Permission, Role, require
from core.i18n import DomainError
from core.workflow import (
    ARCHIVED,
    CONFLICT_RESOLVED,
    DISCOVERED,
    DISPATCHED,
    ESCALATED,
    MERGED_INTO,
    RECTIFIED,
    REPORT_REJECTED,
    REPORTED,
    REVIEW_PASSED,
    REVIEW_REJECTED,
    REWARDED,
    VERIFIED,
    DeadlineRules,
    Event,
    HazardState,
    can_apply,
    escalation_due,
    step_deadline,
)

GRADES = ("general", "major")
SOURCES = ("inspection", "snapshot", "mes", "sensor", "regulator", "other")
# GB 6441-86 accident categories that apply to a metal-working plant, plus the everyday ones.
HAZARD_TYPES: dict[str, tuple[str, str]] = {
    "ppe": ("未按规定佩戴劳保用品", "PPE not worn"),
    "guard": ("安全防护装置缺失或失效", "Guard or safety device missing/failed"),
    "machinery": ("机械伤害", "Machinery"),
    "electrical": ("触电/电气隐患", "Electrical"),
    "fire": ("火灾/消防设施", "Fire and fire equipment"),
    "ventilation": ("通风不良/有害气体", "Ventilation and fumes"),
    "housekeeping": ("现场管理/通道堵塞", "Housekeeping and blocked passages"),
    "violation": ("违章作业", "Unsafe act / procedure not followed"),
    "lifting": ("起重伤害", "Lifting"),
    "vehicle": ("车辆伤害（叉车等）", "Vehicles (forklifts)"),
    "fall": ("高处坠落", "Fall from height"),
    "struck": ("物体打击", "Struck by object"),
    "burn": ("灼烫", "Burns"),
    "pressure": ("容器爆炸/压力容器", "Pressure vessels"),
    "poisoning": ("中毒和窒息", "Poisoning and asphyxiation"),
    "certificate": ("特种作业无证", "Special operation without certificate"),
    "other": ("其他", "Other"),
}
GRADE_LABELS = {"general": ("一般隐患", "General hazard"), "major": ("重大隐患", "Major hazard")}
SOURCE_LABELS = {
    "inspection": ("巡检", "Inspection"), "snapshot": ("随手拍", "Snapshot report"),
    "mes": ("MES 报警", "MES alarm"), "sensor": ("传感器", "Sensor"),
    "regulator": ("监管检查", "Regulator visit"), "other": ("其他", "Other"),
}
STEP_LABELS = {
    "pending": ("待核实", "To verify"), "discover": ("待派发", "To dispatch"),
    "rectify": ("整改中", "Rectifying"), "review": ("待复核", "To review"),
    "archive": ("待归档", "To archive"), "closed": ("已归档", "Archived"),
    "rejected": ("未采纳", "Not accepted"), "merged": ("已合并", "Merged"),
}
DEFAULT_POINT_RULES = {"inspection": 2, "rectified_on_time": 5, "verified_report": 3}
POINT_RULES_KEY = "points.rules"

MESSAGES = {
    "hazard.required": {"zh_CN": "请填写“{field}”。", "en": "Please fill in “{field}”."},
    "hazard.bad_grade": {"zh_CN": "隐患等级必须是一般或重大。",
                         "en": "The grade must be general or major."},
    "hazard.bad_type": {"zh_CN": "未知的隐患类型：{type}", "en": "Unknown hazard type: {type}"},
    "hazard.bad_source": {"zh_CN": "未知的隐患来源：{source}", "en": "Unknown source: {source}"},
    "hazard.future_found": {"zh_CN": "发现时间不能晚于现在。",
                            "en": "The time found cannot be in the future."},
    "hazard.wrong_step": {
        "zh_CN": "该隐患当前为“{step}”，不能执行此操作（可能已被他人处理，请刷新）。",
        "en": "This hazard is at “{step}”; that action is not possible now (someone may "
        "have handled it already; refresh).",
    },
    "hazard.deadline_past": {"zh_CN": "整改期限不能早于现在。",
                             "en": "The deadline cannot be in the past."},
    "hazard.no_rectifier": {"zh_CN": "请指定整改责任人。", "en": "Please choose the rectifier."},
    "hazard.no_department": {"zh_CN": "请指定整改责任部门。",
                             "en": "Please choose the responsible department."},
    "hazard.no_deadline": {"zh_CN": "请填写整改期限。", "en": "Please set the deadline."},
    "hazard.no_measures": {"zh_CN": "请填写整改措施。", "en": "Please describe the measures."},
    "hazard.major_needs": {
        "zh_CN": "重大隐患须落实“六定”：还缺 {missing}。",
        "en": "A major hazard needs the six fixes; missing: {missing}.",
    },
    "hazard.not_rectifier": {
        "zh_CN": "只有被指派的整改人（{name}）或安全员可以登记整改。",
        "en": "Only the assigned rectifier ({name}) or a safety clerk can record the fix.",
    },
    "hazard.own_review": {
        "zh_CN": "不能复核自己整改的隐患，请由其他复核人复核。",
        "en": "You cannot review a rectification you did yourself; ask another reviewer.",
    },
    "hazard.reason_required": {"zh_CN": "请填写原因。", "en": "Please give the reason."},
    "hazard.not_found": {"zh_CN": "隐患不存在或已删除。", "en": "The hazard does not exist."},
    "hazard.merge_self": {"zh_CN": "不能合并到自身。", "en": "A hazard cannot be merged into itself."},
    "hazard.negative": {"zh_CN": "金额不能为负数。", "en": "Amounts cannot be negative."},
    "hazard.reporter_required": {
        "zh_CN": "请选择报告人（输入工号）。",
        "en": "Please choose who reports it (type the employee number).",
    },
}
i18n.register(MESSAGES)

FIELD_LABELS = {
    "description": ("隐患描述", "Description"), "type": ("隐患类型", "Type"),
    "area_id": ("区域", "Area"), "plan": ("整改方案", "Remediation plan"),
    "funds": ("整改资金", "Funds"), "reviewer_id": ("复查人", "Re-checker"),
    "measures": ("整改措施", "Measures"), "deadline": ("整改期限", "Deadline"),
    "rectifier_id": ("整改责任人", "Rectifier"), "note": ("整改情况", "What was done"),
}


def label(table: Mapping[str, tuple[str, str]], key: str | None, lang: str | None = None) -> str:
    if not key or key not in table:
        return key or ""
    zh, en = table[key]
    return en if (lang or i18n.language()) == "en" else zh


def _field(name: str) -> str:
    return label(FIELD_LABELS, name)


@dataclass(frozen=True)
class Hazard:
    id: str
    number: str
    description: str
    type: str
    grade: str
    source: str
    area_id: str | None
    line_id: str | None
    equipment_id: str | None
    location: str | None
    reporter_person_id: str | None
    reporter_name: str | None
    found_at: dt.datetime
    # from the folded state cache and joins
    step: str = ""
    step_deadline: dt.datetime | None = None
    dispatched_at: dt.datetime | None = None
    archived_at: dt.datetime | None = None
    department_id: str | None = None
    rectifier_id: str | None = None
    escalation_level: int = 0
    conflicts: int = 0
    area_name: str = ""
    line_name: str = ""
    equipment_code: str = ""
    department_name: str = ""
    rectifier_name: str = ""

    def overdue(self, now: dt.datetime) -> bool:
        return self.step_deadline is not None and now > self.step_deadline


@dataclass(frozen=True)
class HazardQuery:
    text: str = ""
    steps: tuple[str, ...] = ()  # empty: all
    grade: str | None = None
    area_id: str | None = None
    equipment_id: str | None = None
    type: str | None = None
    source: str | None = None
    overdue: bool = False
    mine: str | None = None  # a user id: hazards whose current step waits for this user
    found_from: dt.date | None = None
    found_to: dt.date | None = None
    now: dt.datetime | None = None


@dataclass(frozen=True)
class Measures:
    count: int
    response_hours: float | None  # found -> dispatched, average
    rectification_hours: float | None  # found -> archived, average
    on_time_rate: float | None  # rectified before the deadline / rectified


class HazardRepository(Protocol):
    def next_number(self, year: int) -> str: ...
    def create(self, values: Mapping[str, Any], event: Event,
               photos: Iterable[tuple[str, Any]] = ()) -> str: ...
    def attach(self, hazard_id: str, kind: str, path: Any) -> str: ...
    def attachments(self, hazard_id: str) -> list[Any]: ...
    def assignees(self) -> list[tuple[str, str, str, list[str], str | None]]: ...
    def append(self, event: Event, grade: str, rules: DeadlineRules) -> HazardState: ...
    def get(self, hazard_id: str) -> Hazard | None: ...
    def events(self, hazard_id: str) -> list[Event]: ...
    def search_page(self, query: HazardQuery, offset: int, limit: int) -> tuple[list[Hazard], int]: ...
    def open_hazards(self) -> Iterable[tuple[Hazard, list[Event]]]: ...
    def measures(self, query: HazardQuery) -> Measures: ...
    def award(self, person_id: str, rule: str, points: int, reason: str,
              hazard_id: str | None, at: dt.datetime) -> str: ...
    def person_of_user(self, user_id: str) -> str | None: ...
    def user_name(self, user_id: str) -> str: ...


@dataclass
class NewEvent:
    """What a service call appends: filled into an Event by the service."""

    kind: str
    payload: dict[str, Any] = field(default_factory=dict)


class HazardService:
    def __init__(self, repo: HazardRepository, new_id: Callable[[], str],
                 stamp: Callable[[], tuple[int, str]],
                 now: Callable[[], dt.datetime] = dt.datetime.now,
                 rules: Callable[[], DeadlineRules] = DeadlineRules,
                 point_rules: Callable[[], Mapping[str, int]] = lambda: DEFAULT_POINT_RULES) -> None:
        """``stamp()`` returns (hlc, device) for a new event; ``now()`` is local wall time."""
        self.repo = repo
        self.new_id = new_id
        self.stamp = stamp
        self.now = now
        self.rules = rules
        self.point_rules = point_rules

    # -- reading -------------------------------------------------------------------------
    def search_page(self, actor: Actor, query: HazardQuery, offset: int = 0,
                    limit: int = 200) -> tuple[list[Hazard], int]:
        require(actor, Permission.VIEW_HAZARDS)
        return self.repo.search_page(query, offset, limit)

    def get(self, actor: Actor, hazard_id: str) -> Hazard:
        require(actor, Permission.VIEW_HAZARDS)
        hazard = self.repo.get(hazard_id)
        if hazard is None:
            raise DomainError("hazard.not_found")
        return hazard

    def timeline(self, actor: Actor, hazard_id: str) -> list[Event]:
        require(actor, Permission.VIEW_HAZARDS)
        return sorted(self.repo.events(hazard_id), key=lambda e: e.order_key)

    def state(self, actor: Actor, hazard_id: str) -> HazardState:
        from core.workflow import fold

        return fold(self.timeline(actor, hazard_id))

    def measures(self, actor: Actor, query: HazardQuery) -> Measures:
        require(actor, Permission.VIEW_HAZARDS)
        return self.repo.measures(query)

    def allowed_actions(self, actor: Actor, hazard_id: str) -> list[str]:
        """The workflow actions this user may take now (the detail view shows only these)."""
        state = self.state(actor, hazard_id)
        actions = []
        checks = {
            VERIFIED: Permission.VERIFY_REPORT, REPORT_REJECTED: Permission.VERIFY_REPORT,
            MERGED_INTO: Permission.VERIFY_REPORT, DISPATCHED: Permission.DISPATCH_HAZARD,
            RECTIFIED: Permission.RECTIFY_HAZARD, REVIEW_PASSED: Permission.REVIEW_HAZARD,
            REVIEW_REJECTED: Permission.REVIEW_HAZARD, ARCHIVED: Permission.ARCHIVE_HAZARD,
        }
        for kind, permission in checks.items():
            if not can_apply(state, kind) or not actor.can(permission):
                continue
            if kind == RECTIFIED and not self._may_rectify(actor, state):
                continue
            if kind in (REVIEW_PASSED, REVIEW_REJECTED) and self._own_work(actor, state):
                continue
            actions.append(kind)
        if state.conflicts and actor.can(Permission.RESOLVE_CONFLICT):
            actions.append(CONFLICT_RESOLVED)
        return actions

    # -- recording -----------------------------------------------------------------------
    def _validate_new(self, values: Mapping[str, Any]) -> dict[str, Any]:
        v = {k: (x.strip() if isinstance(x, str) else x) for k, x in values.items()}
        if not v.get("description"):
            raise DomainError("hazard.required", field=_field("description"))
        if v.get("type") not in HAZARD_TYPES:
            raise DomainError("hazard.bad_type", type=v.get("type"))
        if v.setdefault("grade", "general") not in GRADES:
            raise DomainError("hazard.bad_grade")
        if v.setdefault("source", "other") not in SOURCES:
            raise DomainError("hazard.bad_source", source=v.get("source"))
        found = v.get("found_at") or self.now()
        if isinstance(found, str):
            found = dt.datetime.fromisoformat(found)
        if found > self.now() + dt.timedelta(minutes=5):
            raise DomainError("hazard.future_found")
        v["found_at"] = found.replace(microsecond=0).isoformat()
        return v

    def record(self, actor: Actor, values: Mapping[str, Any], photos: Iterable[Any] = (), *,
               hazard_id: str | None = None, event_id: str | None = None) -> str:
        """Staff record a hazard they found: it enters the workflow at 发现 (to dispatch).
        ``photos`` (file paths) are stored as before-photos in the same transaction.
        ``hazard_id``/``event_id``: given by a rule that two PCs may run on the same data
        (the MES forced stop), so both write the same rows and sync merges them into one."""
        require(actor, Permission.RECORD_HAZARD)
        v = self._validate_new(values)
        v.setdefault("reporter_name", actor.display_name)
        v.setdefault("reporter_person_id", actor.person_id)
        return self._create(v, DISCOVERED, actor, photos=photos, hazard_id=hazard_id,
                            event_id=event_id)

    def attachments(self, actor: Actor, hazard_id: str) -> list[Any]:
        """Photos and documents stored with a hazard (core.equipment.Attachment rows)."""
        require(actor, Permission.VIEW_HAZARDS)
        return self.repo.attachments(hazard_id)

    def attach(self, actor: Actor, hazard_id: str, kind: str, path: Any) -> str:
        """Add a photo: "before" by anyone who may report, "after" by who may rectify."""
        require(actor, Permission.RECTIFY_HAZARD if kind == "after" else Permission.REPORT_HAZARD)
        if self.repo.get(hazard_id) is None:
            raise DomainError("hazard.not_found")
        return self.repo.attach(hazard_id, kind, path)

    def assignees(self, actor: Actor) -> list[Actor]:
        """Active users a dispatcher may choose as rectifier or re-checker."""
        require(actor, Permission.DISPATCH_HAZARD)
        return [Actor(uid, username, name, frozenset(Role(r) for r in roles), person)
                for uid, username, name, roles, person in self.repo.assignees()]

    def report(self, actor: Actor | None, reporter_person_id: str, reporter_name: str,
               values: Mapping[str, Any], photos: Iterable[Any] = (),
               source: str = "snapshot") -> str:
        """随手拍: anyone reports, also without logging in at a shared PC (actor None); the
        clerk verifies it before it enters the workflow."""
        if actor is not None:
            require(actor, Permission.REPORT_HAZARD)
        if not reporter_person_id:
            raise DomainError("hazard.reporter_required")
        v = self._validate_new({"type": "other", **values, "source": source})
        v["reporter_person_id"], v["reporter_name"] = reporter_person_id, reporter_name
        return self._create(v, REPORTED, actor, reporter_name, photos)

    def _create(self, values: dict[str, Any], kind: str, actor: Actor | None,
                name: str | None = None, photos: Iterable[Any] = (),
                hazard_id: str | None = None, event_id: str | None = None) -> str:
        found = dt.datetime.fromisoformat(values["found_at"])
        values.setdefault("number", self.repo.next_number(found.year))
        hazard_id = hazard_id or self.new_id()
        event = self._event(hazard_id, kind, {"found_at": values["found_at"],
                                              "reporter_name": values.get("reporter_name")},
                            actor, name, event_id)
        # The report and its photos land together or not at all.
        return self.repo.create({**values, "id": hazard_id}, event,
                                [("before", path) for path in photos])

    def _event(self, hazard_id: str, kind: str, payload: Mapping[str, Any],
               actor: Actor | None, name: str | None = None, event_id: str | None = None) -> Event:
        hlc, device = self.stamp()
        return Event(event_id or self.new_id(), hazard_id, kind, dict(payload),
                     actor.user_id if actor else "", name or (actor.display_name if actor else ""),
                     self.now().replace(microsecond=0), hlc, device)

    # -- workflow steps ------------------------------------------------------------------
    def _append(self, actor: Actor | None, hazard_id: str, kind: str,
                payload: Mapping[str, Any]) -> HazardState:
        hazard = self.repo.get(hazard_id)
        if hazard is None:
            raise DomainError("hazard.not_found")
        from core.workflow import fold

        state = fold(self.repo.events(hazard_id))
        if not can_apply(state, kind):
            # the step's label in the language the message is shown in (see i18n.Localized)
            raise DomainError("hazard.wrong_step",
                              step=i18n.Localized(*STEP_LABELS.get(state.step, (state.step,) * 2)))
        return self.repo.append(self._event(hazard_id, kind, payload, actor), hazard.grade,
                                self.rules())

    def verify(self, actor: Actor, hazard_id: str, reward: float | None = None,
               note: str = "") -> HazardState:
        """Accept a 随手拍 report: it enters the workflow, and the reporter earns points."""
        require(actor, Permission.VERIFY_REPORT)
        if reward is not None and reward < 0:
            raise DomainError("hazard.negative")
        state = self._append(actor, hazard_id, VERIFIED, {"note": note})
        hazard = self.repo.get(hazard_id)
        if hazard and hazard.reporter_person_id:
            points = int(self.point_rules().get("verified_report", 0))
            if points:
                self.repo.award(hazard.reporter_person_id, "verified_report", points,
                                hazard.number, hazard_id, self.now())
        if reward:
            state = self._append(actor, hazard_id, REWARDED, {"amount": reward, "note": note})
        return state

    def reject_report(self, actor: Actor, hazard_id: str, reason: str) -> HazardState:
        require(actor, Permission.VERIFY_REPORT)
        if not reason.strip():
            raise DomainError("hazard.reason_required")
        return self._append(actor, hazard_id, REPORT_REJECTED, {"reason": reason.strip()})

    def merge(self, actor: Actor, hazard_id: str, into_id: str) -> HazardState:
        """A duplicate report: closed, pointing at the hazard it repeats."""
        require(actor, Permission.VERIFY_REPORT)
        if hazard_id == into_id:
            raise DomainError("hazard.merge_self")
        target = self.repo.get(into_id)
        if target is None:
            raise DomainError("hazard.not_found")
        return self._append(actor, hazard_id, MERGED_INTO,
                            {"hazard_id": into_id, "number": target.number})

    def dispatch(self, actor: Actor, hazard_id: str, values: Mapping[str, Any]) -> HazardState:
        """派发: responsible department, rectifier, measures, funds, deadline; for a major
        hazard the six fixes (六定), a remediation plan and the stop/report flags."""
        require(actor, Permission.DISPATCH_HAZARD)
        hazard = self.repo.get(hazard_id)
        if hazard is None:
            raise DomainError("hazard.not_found")
        v = {k: (x.strip() if isinstance(x, str) else x) for k, x in values.items()}
        if not v.get("department_id"):
            raise DomainError("hazard.no_department")
        if not v.get("rectifier_id"):
            raise DomainError("hazard.no_rectifier")
        if not v.get("measures"):
            raise DomainError("hazard.no_measures")
        deadline = v.get("deadline")
        if not deadline:
            raise DomainError("hazard.no_deadline")
        if isinstance(deadline, str):
            deadline = dt.datetime.fromisoformat(deadline)
        if isinstance(deadline, dt.date) and not isinstance(deadline, dt.datetime):
            deadline = dt.datetime.combine(deadline, dt.time(23, 59))
        if deadline <= self.now():
            raise DomainError("hazard.deadline_past")
        v["deadline"] = deadline.replace(microsecond=0).isoformat()
        funds = v.get("funds")
        if funds is not None and float(funds) < 0:
            raise DomainError("hazard.negative")
        if hazard.grade == "major":
            missing = [_field(f) for f in ("funds", "reviewer_id", "plan") if not v.get(f)]
            if missing:
                raise DomainError("hazard.major_needs", missing="、".join(missing))
            v["stop_production"] = bool(v.get("stop_production"))
            v["report_to_regulator"] = bool(v.get("report_to_regulator"))
        return self._append(actor, hazard_id, DISPATCHED, v)

    def _may_rectify(self, actor: Actor, state: HazardState) -> bool:
        return actor.user_id == state.rectifier_id or actor.can(Permission.DISPATCH_HAZARD)

    def _own_work(self, actor: Actor, state: HazardState) -> bool:
        return actor.user_id in {state.rectifier_id, state.rectified_by}

    def rectify(self, actor: Actor, hazard_id: str, note: str, cost: float | None = None,
                photos: Iterable[str] = ()) -> HazardState:
        """整改: what was done, the cost, after-photos (attachment sha256s)."""
        require(actor, Permission.RECTIFY_HAZARD)
        state = self.state(actor, hazard_id)
        if state.step and can_apply(state, RECTIFIED) and not self._may_rectify(actor, state):
            raise DomainError("hazard.not_rectifier",
                              name=self.repo.user_name(state.rectifier_id or ""))
        if not note.strip():
            raise DomainError("hazard.required", field=_field("note"))
        if cost is not None and cost < 0:
            raise DomainError("hazard.negative")
        on_time = state.deadline is None or self.now() <= state.deadline
        new = self._append(actor, hazard_id, RECTIFIED, {
            "note": note.strip(), "cost": cost, "photos": list(photos), "on_time": on_time})
        # +5 (configurable) for a rectification finished before its deadline
        points = int(self.point_rules().get("rectified_on_time", 0))
        person = self.repo.person_of_user(state.rectifier_id or actor.user_id)
        if on_time and points and person:
            hazard = self.repo.get(hazard_id)
            self.repo.award(person, "rectified_on_time", points,
                            hazard.number if hazard else "", hazard_id, self.now())
        return new

    def review(self, actor: Actor, hazard_id: str, passed: bool, reason: str = "") -> HazardState:
        """复核: a reviewer who did not do the work passes it, or sends it back with a reason."""
        require(actor, Permission.REVIEW_HAZARD)
        state = self.state(actor, hazard_id)
        if self._own_work(actor, state):
            raise DomainError("hazard.own_review")
        if not passed and not reason.strip():
            raise DomainError("hazard.reason_required")
        kind = REVIEW_PASSED if passed else REVIEW_REJECTED
        return self._append(actor, hazard_id, kind, {"reason": reason.strip()})

    def archive(self, actor: Actor, hazard_id: str, note: str = "") -> HazardState:
        """归档 (销号): closes it with today's close-out date."""
        require(actor, Permission.ARCHIVE_HAZARD)
        return self._append(actor, hazard_id, ARCHIVED,
                            {"note": note, "closed_on": self.now().date().isoformat()})

    def resolve_conflict(self, actor: Actor, hazard_id: str, event_ids: list[str],
                         note: str) -> HazardState:
        """A supervisor settles conflicting offline edits with a new event (never by deleting)."""
        require(actor, Permission.RESOLVE_CONFLICT)
        if not note.strip():
            raise DomainError("hazard.reason_required")
        return self._append(actor, hazard_id, CONFLICT_RESOLVED,
                            {"event_ids": list(event_ids), "note": note.strip()})

    def escalate_overdue(self, actor: Actor | None = None) -> list[tuple[str, int]]:
        """Append an escalation event for every open hazard whose step is overdue (level 1:
        department head; level 2 after a second period: the plant's safety lead). Repeated
        runs add nothing new. Returns (hazard id, level) for each escalation made."""
        rules, now, made = self.rules(), self.now(), []
        from core.workflow import fold

        for hazard, events in self.repo.open_hazards():
            state = fold(events)
            level = escalation_due(state, hazard.grade, rules, now)
            if level > state.escalation_level:
                deadline = step_deadline(state, hazard.grade, rules)
                self.repo.append(self._event(hazard.id, ESCALATED, {
                    "level": level, "step": state.step,
                    "deadline": deadline.isoformat() if deadline else None,
                    "department_id": state.department_id}, actor, "SafeDesk" if actor is None else None),
                    hazard.grade, rules)
                made.append((hazard.id, level))
        return made
