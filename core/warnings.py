"""Warnings (预警): raised by the rules, then acknowledged, acted on (a linked hazard) and closed
by people, with who and when. A warning's state is a fold over its append-only events.

Running the rules is idempotent: a finding whose key already has an open warning refreshes it
(severity, evidence); a closed one comes back only with newer evidence (a new episode). What a
rule asks for happens once, when its warning is first raised: the persistence rule puts the
machine on the key-monitoring list; the MES rule marks the machine high risk and records a
forced maintenance stop as a major hazard through HazardService (numbers, events, state right).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from core import i18n
from core.auth import Actor, Permission, require
from core.hazards import HAZARD_TYPES, HazardService
from core.i18n import DomainError
from core.ids import deterministic_id
from core.warning_rules import (
    ANOMALY_LABELS,
    MES,
    PERSISTENCE,
    SENSOR,
    SETTINGS_KEY,
    SIGNAL_LABELS,
    Finding,
    lookback_days,
    merged_settings,
    pick,
    run_all,
    validate_settings,
)

NEW, ACKNOWLEDGED, ACTED, CLOSED = "new", "acknowledged", "acted", "closed"
REOPENED = "reopened"
WARNING_NAMESPACE = "safedesk:warning"
# Rows a warning's consequences write get ids from the warning's id (its key and episode), so
# two PCs that import the same MES file offline write the same rows and sync merges them.
FORCED_STOP_NAMESPACE = "safedesk:warning:forced_stop"
STATES = (NEW, ACKNOWLEDGED, ACTED, CLOSED)
ALARM_LABELS = {"over_temperature": ("超温", "over-temperature")}
STATE_LABELS = {NEW: ("新预警", "New"), ACKNOWLEDGED: ("已确认", "Acknowledged"),
                ACTED: ("已处置", "Acted on"), CLOSED: ("已关闭", "Closed")}
# event kind -> the states it may follow
_ALLOWED = {ACKNOWLEDGED: {NEW}, ACTED: {NEW, ACKNOWLEDGED, ACTED}, CLOSED: {NEW, ACKNOWLEDGED, ACTED},
            REOPENED: {CLOSED}}
_RESULT = {ACKNOWLEDGED: ACKNOWLEDGED, ACTED: ACTED, CLOSED: CLOSED, REOPENED: NEW}

MESSAGES = {
    "warning.not_found": {"zh_CN": "预警不存在。", "en": "The warning does not exist."},
    "warning.wrong_state": {
        "zh_CN": "该预警当前为“{state}”，不能执行此操作（可能已被他人处理，请刷新）。",
        "en": "This warning is “{state}”; that is not possible now (someone may have handled "
              "it already; refresh).",
    },
    "warning.no_hazard": {"zh_CN": "请选择处置这条预警的隐患。",
                          "en": "Please choose the hazard that deals with this warning."},
    "warning.note_required": {"zh_CN": "请填写关闭原因。", "en": "Please say why it is closed."},
    "warning.stop_description": {
        "zh_CN": "{code} {name} 连续 {count} 次超温报警（{first} 至 {last}，最高 {peak}），"
                 "按预警规则强制停机检修",
        "en": "{code} {name}: {count} over-temperature alarms in a row ({first} to {last}, "
              "highest {peak}); forced maintenance stop under the warning rules",
    },
    "warning.stop_location": {"zh_CN": "{code} 温控/冷却系统", "en": "{code} temperature control"},
    "warning.monitor_reason": {
        "zh_CN": "连续 {months} 个月有异常报告（{months_list}）",
        "en": "Reports in {months} consecutive months ({months_list})",
    },
    "warning.monitor_reason_mes": {"zh_CN": "连续超温报警，已列为高风险",
                                   "en": "Over-temperature alarms in a row; high risk"},
}
i18n.register(MESSAGES)


@dataclass(frozen=True)
class WarningEvent:
    id: str
    warning_id: str
    kind: str
    hazard_id: str | None
    actor_id: str
    actor_name: str
    note: str
    at: str
    hlc: int


@dataclass(frozen=True)
class WarningState:
    state: str = NEW
    hazard_ids: tuple[str, ...] = ()
    last_actor: str = ""
    last_at: str = ""


def fold(events: Iterable[WarningEvent]) -> WarningState:
    """The state after these events in clock order; an event that does not fit is skipped
    (two PCs closing the same warning offline: the second close changes nothing)."""
    state, hazards, actor, at = NEW, [], "", ""
    for e in sorted(events, key=lambda e: (e.hlc, e.id)):
        if state not in _ALLOWED.get(e.kind, ()):
            continue
        state = _RESULT[e.kind]
        if e.kind == ACTED and e.hazard_id and e.hazard_id not in hazards:
            hazards.append(e.hazard_id)
        actor, at = e.actor_name, e.at
    return WarningState(state, tuple(hazards), actor, at)


@dataclass(frozen=True)
class WarningItem:
    """One warning as the page and the CLI show it (state folded, subject named)."""

    id: str
    rule: str
    severity: str
    subject_kind: str
    subject_id: str
    key: str
    params: dict[str, Any]
    evidence: dict[str, Any]
    first_seen: str
    last_seen: str
    state: WarningState = field(default_factory=WarningState)

    @property
    def active(self) -> bool:
        return self.state.state != CLOSED

    def title(self, lang: str | None = None) -> str:
        return i18n.t(f"rule.title.{self.rule}", lang, **_display(self.params, lang))

    def explanation(self, lang: str | None = None) -> str:
        return i18n.t(f"rule.detail.{self.rule}", lang, **_display(self.params, lang))


def _display(params: Mapping[str, Any], lang: str | None) -> dict[str, Any]:
    out = dict(params)
    if "type" in out:
        out["type"] = pick(HAZARD_TYPES, out["type"], lang)
    if "signal" in out:
        out["signal"] = pick(SIGNAL_LABELS, out["signal"], lang)
    if "kind" in out:
        out["kind"] = pick(ANOMALY_LABELS, out["kind"], lang)
    if isinstance(out.get("months_list"), list):
        out["months_list"] = "、".join(out["months_list"]) if (lang or i18n.language()) != "en" \
            else ", ".join(out["months_list"])
    out.setdefault("subject", "")
    out.setdefault("number", "")
    return out


@dataclass(frozen=True)
class WarningQuery:
    active_only: bool = True
    rule: str | None = None
    severity: str | None = None


@dataclass(frozen=True)
class Monitored:
    id: str
    equipment_id: str
    equipment_code: str
    equipment_name: str
    area_name: str
    reason: str
    since: str
    rule: str
    warning_id: str | None
    active: bool

    def reason_text(self, lang: str | None = None) -> str:
        """The reason in ``lang``: stored as a message key and its parameters (JSON) so each
        PC shows it in its own language; plain text from elsewhere is shown as it is."""
        try:
            data = json.loads(self.reason)
        except ValueError:
            return self.reason
        if not isinstance(data, dict) or "key" not in data:
            return self.reason
        return i18n.t(data["key"], lang, **_display(data.get("params", {}), lang))


@dataclass(frozen=True)
class RunSummary:
    raised: int
    refreshed: int
    active: int
    hazards_created: tuple[str, ...] = ()


@dataclass(frozen=True)
class MachinePlace:
    code: str
    name: str
    area_id: str | None
    line_id: str | None


class WarningRepository(Protocol):
    def transaction(self) -> AbstractContextManager[Any]: ...
    def rule_hazards(self, since: dt.datetime) -> Sequence[tuple]: ...
    def mes_alarms(self, since: dt.datetime) -> Sequence[tuple]: ...
    def anomalies(self, since: dt.datetime) -> Sequence[tuple]: ...
    def warnings(self, keys: Iterable[str] | None = None,
                 query: WarningQuery | None = None) -> list[WarningItem]: ...
    def get(self, warning_id: str) -> WarningItem | None: ...
    def add_warning(self, values: Mapping[str, Any], row_id: str | None = None) -> str: ...
    def update_warning(self, warning_id: str, changes: Mapping[str, Any]) -> dict[str, Any]: ...
    def add_event(self, values: Mapping[str, Any], row_id: str | None = None) -> str: ...
    def events(self, warning_id: str) -> list[WarningEvent]: ...
    def subject_names(self, kind: str, ids: Iterable[str]) -> dict[str, str]: ...
    def machine(self, equipment_id: str) -> MachinePlace | None: ...
    def mark_high_risk(self, equipment_id: str) -> None: ...
    def add_monitoring(self, values: Mapping[str, Any], row_id: str | None = None) -> str: ...
    def monitored(self, active_only: bool = True) -> list[Monitored]: ...
    def set_monitoring_active(self, row_id: str, active: bool) -> None: ...
    def active_count(self) -> int: ...
    def reanalyse_series(self) -> None: ...
    def alarms_by_id(self, ids: Sequence[str]) -> list[tuple[str, str, str, float | None]]: ...


class WarningService:
    def __init__(self, repo: WarningRepository, hazards: HazardService,
                 settings_get: Callable[[str], str | None],
                 settings_set: Callable[[str, str], None],
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.repo = repo
        self.hazards = hazards
        self.settings_get = settings_get
        self.settings_set = settings_set
        self.now = now

    # -- settings ------------------------------------------------------------------------
    def rule_settings(self) -> dict[str, dict[str, float]]:
        return merged_settings(self.settings_get(SETTINGS_KEY))

    def save_rule_settings(self, actor: Actor, settings: Mapping[str, Mapping[str, float]]) -> None:
        # Plant-wide thresholds are the safety office's call: clerks and administrators.
        require(actor, Permission.VERIFY_REPORT)
        before = self.rule_settings()[SENSOR]
        checked = validate_settings(settings)
        self.settings_set(SETTINGS_KEY, json.dumps(checked, sort_keys=True))
        if checked[SENSOR] != before:
            self.repo.reanalyse_series()  # the detector's thresholds changed: look again

    # -- reading -------------------------------------------------------------------------
    def list(self, actor: Actor, query: WarningQuery = WarningQuery()) -> list[WarningItem]:
        require(actor, Permission.VIEW_HAZARDS)
        order = {"red": 0, "orange": 1, "yellow": 2, "suggestion": 3}
        items = sorted(self.repo.warnings(query=query), key=lambda w: w.last_seen, reverse=True)
        return sorted(items, key=lambda w: (not w.active, order.get(w.severity, 9)))

    def get(self, actor: Actor, warning_id: str) -> WarningItem:
        require(actor, Permission.VIEW_HAZARDS)
        item = self.repo.get(warning_id)
        if item is None:
            raise DomainError("warning.not_found")
        return item

    def history(self, actor: Actor, warning_id: str) -> list[WarningEvent]:
        require(actor, Permission.VIEW_HAZARDS)
        return sorted(self.repo.events(warning_id), key=lambda e: (e.hlc, e.id))

    def alarms(self, actor: Actor, warning: WarningItem) -> list[tuple[str, str, str, float | None]]:
        """The MES alarms behind a warning: (id, at, kind, value), oldest first."""
        require(actor, Permission.VIEW_HAZARDS)
        return self.repo.alarms_by_id(warning.evidence.get("alarms", []))

    def active_count(self, actor: Actor) -> int:
        """For the dashboard's "active warnings" figure."""
        require(actor, Permission.VIEW_HAZARDS)
        return self.repo.active_count()

    def monitoring(self, actor: Actor, active_only: bool = True) -> list[Monitored]:
        require(actor, Permission.VIEW_HAZARDS)
        return self.repo.monitored(active_only)

    def end_monitoring(self, actor: Actor, row_id: str) -> None:
        require(actor, Permission.DISPATCH_HAZARD)
        self.repo.set_monitoring_active(row_id, False)

    # -- the lifecycle ---------------------------------------------------------------------
    def _event(self, actor: Actor, warning_id: str, kind: str, note: str = "",
               hazard_id: str | None = None) -> WarningItem:
        # Clerks, administrators and department heads act on warnings (the dispatchers).
        require(actor, Permission.DISPATCH_HAZARD)
        with self.repo.transaction():
            item = self.repo.get(warning_id)
            if item is None:
                raise DomainError("warning.not_found")
            if item.state.state not in _ALLOWED[kind]:
                raise DomainError("warning.wrong_state", state=i18n.Localized(
                    *STATE_LABELS.get(item.state.state, (item.state.state,) * 2)))
            self.repo.add_event({
                "warning_id": warning_id, "kind": kind, "hazard_id": hazard_id,
                "actor_id": actor.user_id, "actor_name": actor.display_name,
                "note": note.strip() or None,
                "at": self.now().replace(microsecond=0).isoformat()})
            result = self.repo.get(warning_id)
        assert result is not None
        return result

    def acknowledge(self, actor: Actor, warning_id: str, note: str = "") -> WarningItem:
        return self._event(actor, warning_id, ACKNOWLEDGED, note)

    def act(self, actor: Actor, warning_id: str, hazard_id: str, note: str = "") -> WarningItem:
        if not hazard_id:
            raise DomainError("warning.no_hazard")
        self.hazards.get(actor, hazard_id)  # it must exist
        return self._event(actor, warning_id, ACTED, note, hazard_id)

    def close(self, actor: Actor, warning_id: str, note: str = "") -> WarningItem:
        return self._event(actor, warning_id, CLOSED, note)

    def reopen(self, actor: Actor, warning_id: str, note: str = "") -> WarningItem:
        return self._event(actor, warning_id, REOPENED, note)

    # -- running the rules -------------------------------------------------------------------
    def run_rules(self, actor: Actor, today: dt.date | None = None) -> RunSummary:
        """Run every rule over the data and reconcile with the stored warnings (idempotent)."""
        require(actor, Permission.DISPATCH_HAZARD)
        today = today or self.now().date()
        settings = self.rule_settings()
        since = dt.datetime.combine(today, dt.time()) - dt.timedelta(days=lookback_days(settings))
        horizon = dt.datetime.combine(today, dt.time()) - dt.timedelta(
            days=max(settings[MES]["recent_days"], settings["sensor"]["recent_days"]) + 31)
        findings = run_all(self.repo.rule_hazards(since), self.repo.mes_alarms(horizon),
                           self.repo.anomalies(horizon), settings, today)
        return self.apply(actor, findings)

    def apply(self, actor: Actor, findings: Sequence[Finding]) -> RunSummary:
        names = self._names(findings)
        raised = refreshed = 0
        made: list[str] = []
        now = self.now().replace(microsecond=0).isoformat()
        with self.repo.transaction():
            existing: dict[str, list[WarningItem]] = {}
            for w in self.repo.warnings(keys=[f.key for f in findings]):
                existing.setdefault(w.key, []).append(w)
            for f in findings:
                f.params["subject"] = names.get((f.subject_kind, f.subject_id), f.subject_id)
                evidence = {**f.evidence, "latest": f.latest}
                same = existing.get(f.key, [])
                current = next((w for w in same if w.active), None)
                if current is not None:
                    f.params = {**current.params, **f.params}  # keeps e.g. the MES hazard number
                    changes = {k: v for k, v in (("severity", f.severity), ("params", f.params),
                                                 ("evidence", evidence)) if current_value(current, k) != v}
                    if changes:
                        changes["last_seen"] = now
                        self.repo.update_warning(current.id, changes)
                        refreshed += 1
                    continue
                if same and f.latest <= max(w.evidence.get("latest", "") for w in same):
                    continue  # closed, and nothing new since: it stays closed
                # The id comes from the key and the episode's number: two PCs raising the same
                # warning offline write one row, merged by sync, not two.
                warning_id = self.repo.add_warning({
                    "rule": f.rule, "severity": f.severity, "subject_kind": f.subject_kind,
                    "subject_id": f.subject_id, "key": f.key, "params": f.params,
                    "evidence": evidence, "first_seen": now, "last_seen": now},
                    deterministic_id(WARNING_NAMESPACE, f.key, str(len(same))))
                raised += 1
                if f.rule == PERSISTENCE:
                    self._monitor(f, warning_id, now)
                elif f.rule == MES:
                    made.append(self._forced_stop(actor, f, warning_id, now))
        return RunSummary(raised, refreshed, self.repo.active_count(), tuple(made))

    def _names(self, findings: Sequence[Finding]) -> dict[tuple[str, str], str]:
        out = {}
        for kind in {f.subject_kind for f in findings}:
            ids = {f.subject_id for f in findings if f.subject_kind == kind}
            for sid, name in self.repo.subject_names(kind, ids).items():
                out[(kind, sid)] = name
        return out

    def _monitor(self, f: Finding, warning_id: str, now: str,
                 key: str = "warning.monitor_reason") -> None:
        if any(m.equipment_id == f.subject_id for m in self.repo.monitored(True)):
            return
        self.repo.add_monitoring({
            "equipment_id": f.subject_id, "rule": f.rule, "warning_id": warning_id,
            "reason": json.dumps({"key": key, "params": f.params}, ensure_ascii=False),
            "since": now[:10], "active": 1},
            deterministic_id(FORCED_STOP_NAMESPACE, warning_id, "monitoring"))

    def _forced_stop(self, actor: Actor, f: Finding, warning_id: str, now: str) -> str:
        """The MES rule's consequence: high risk, a major hazard (forced maintenance stop) in
        the workflow, linked to the warning as its action; the machine on key monitoring."""
        machine = self.repo.machine(f.subject_id)
        code, name = (machine.code, machine.name) if machine else (f.subject_id, "")
        self.repo.mark_high_risk(f.subject_id)
        params = {**f.params, "code": code, "name": name}
        # Deterministic ids (see FORCED_STOP_NAMESPACE): the same episode on two PCs is one
        # hazard after sync. Its number comes from each PC's local sequence; as the rows
        # merge field by field (newest stamp wins), one number survives on every PC and the
        # warning shows the number of its linked hazard (read from the hazard, not stored).
        hazard_id = deterministic_id(FORCED_STOP_NAMESPACE, warning_id, "hazard")
        if self.hazards.repo.get(hazard_id) is None:
            self.hazards.record(actor, {
                "description": i18n.t("warning.stop_description", "zh_CN", **params),
                "type": "machinery", "grade": "major", "source": "mes",
                "area_id": machine.area_id if machine else None,
                "line_id": machine.line_id if machine else None,
                "equipment_id": f.subject_id,
                "location": i18n.t("warning.stop_location", "zh_CN", code=code),
                # found when the rule's count was reached (the third alarm), not at import
                "found_at": f.evidence.get("trigger_at") or now},
                hazard_id=hazard_id,
                event_id=deterministic_id(FORCED_STOP_NAMESPACE, warning_id, "discovered"))
        hazard = self.hazards.get(actor, hazard_id)
        self.repo.update_warning(warning_id, {"params": {**f.params, "number": hazard.number}})
        self.repo.add_event({
            "warning_id": warning_id, "kind": ACTED, "hazard_id": hazard_id,
            "actor_id": actor.user_id, "actor_name": actor.display_name,
            "note": hazard.number, "at": now},
            deterministic_id(FORCED_STOP_NAMESPACE, warning_id, "acted"))
        self._monitor(f, warning_id, now, "warning.monitor_reason_mes")
        return hazard_id


def current_value(w: WarningItem, name: str) -> Any:
    return {"severity": w.severity, "params": w.params, "evidence": w.evidence}[name]

