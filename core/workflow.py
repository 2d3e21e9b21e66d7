"""The rectification workflow as a pure fold over append-only events.

发现 → 派发 → 整改 → 复核 → 归档 (discover, dispatch, rectify, review, archive). A hazard's state
is ``fold(events)``: events are applied in (hlc, device, id) order, so every replica that holds the
same events computes the same state, whatever order they arrived in. An event that does not fit
the state it meets (two PCs dispatched the same hazard offline; a review of something already
archived) is not applied and not dropped: it is kept in ``state.conflicts`` for a supervisor to
settle with a ``conflict_resolved`` event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

# The steps a hazard can be in. "pending" is a 随手拍 report waiting for the clerk's check.
PENDING = "pending"
DISCOVER = "discover"  # found, waiting to be dispatched
RECTIFY = "rectify"  # dispatched, the rectifier is fixing it
REVIEW = "review"  # fixed, waiting for the reviewer
ARCHIVE = "archive"  # review passed, waiting to be archived (销号)
CLOSED = "closed"  # archived
REJECTED = "rejected"  # a report the clerk did not accept
MERGED = "merged"  # a duplicate report merged into another hazard
STEPS = (PENDING, DISCOVER, RECTIFY, REVIEW, ARCHIVE, CLOSED, REJECTED, MERGED)
OPEN_STEPS = (PENDING, DISCOVER, RECTIFY, REVIEW, ARCHIVE)
FINAL_STEPS = (CLOSED, REJECTED, MERGED)

# Event kinds and the steps they may be applied in.
REPORTED = "reported"  # a 随手拍 report (state: pending)
DISCOVERED = "discovered"  # recorded by staff, or a report accepted (state: discover)
VERIFIED = "verified"  # the clerk accepts a report
REPORT_REJECTED = "report_rejected"
MERGED_INTO = "merged_into"
DISPATCHED = "dispatched"
RECTIFIED = "rectified"
REVIEW_PASSED = "review_passed"
REVIEW_REJECTED = "review_rejected"
ARCHIVED = "archived"
ESCALATED = "escalated"
COMMENTED = "commented"
CONFLICT_RESOLVED = "conflict_resolved"
REWARDED = "rewarded"

ALLOWED: dict[str, tuple[str, ...]] = {
    REPORTED: ("",),
    DISCOVERED: ("",),
    VERIFIED: (PENDING,),
    REPORT_REJECTED: (PENDING,),
    MERGED_INTO: (PENDING, DISCOVER),
    DISPATCHED: (DISCOVER,),
    RECTIFIED: (RECTIFY,),
    REVIEW_PASSED: (REVIEW,),
    REVIEW_REJECTED: (REVIEW,),
    ARCHIVED: (ARCHIVE,),
    ESCALATED: OPEN_STEPS,
    COMMENTED: STEPS,
    CONFLICT_RESOLVED: STEPS,
    REWARDED: STEPS,
}
EVENT_KINDS = tuple(ALLOWED)


@dataclass(frozen=True)
class Event:
    id: str
    hazard_id: str
    kind: str
    payload: Mapping[str, Any]
    actor_id: str  # user id (or "" for an anonymous 随手拍 at a shared PC)
    actor_name: str
    at: dt.datetime  # wall time on the PC that made it (for people and deadlines)
    hlc: int
    device: str

    @property
    def order_key(self) -> tuple[int, str, str]:
        return (self.hlc, self.device, self.id)


@dataclass(frozen=True)
class Conflict:
    event_id: str
    kind: str
    step: str  # the step the event met
    actor_name: str
    at: dt.datetime


@dataclass(frozen=True)
class HazardState:
    step: str = ""
    # who and when for each step
    found_at: dt.datetime | None = None
    reported_by: str = ""
    dispatched_at: dt.datetime | None = None
    rectified_at: dt.datetime | None = None
    reviewed_at: dt.datetime | None = None
    archived_at: dt.datetime | None = None
    step_started: dt.datetime | None = None
    # dispatch decisions (the six fixes for a major hazard live in ``dispatch``)
    department_id: str | None = None
    rectifier_id: str | None = None  # user id of the rectifier
    reviewer_id: str | None = None  # user id chosen as re-checker (六定: 复查人), optional
    deadline: dt.datetime | None = None  # the rectification deadline set at dispatch
    dispatch: Mapping[str, Any] = field(default_factory=dict)
    rectification: Mapping[str, Any] = field(default_factory=dict)
    rectified_by: str | None = None  # user id who recorded the rectification
    rejections: int = 0  # times review sent it back
    last_rejection: str = ""
    escalation_level: int = 0  # for the current step: 0 none, 1 dept head, 2 safety lead
    merged_into: str | None = None
    reward: Mapping[str, Any] = field(default_factory=dict)
    conflicts: tuple[Conflict, ...] = ()
    event_count: int = 0

    @property
    def is_open(self) -> bool:
        return self.step in OPEN_STEPS


_EMPTY = HazardState()


def _parse_time(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


# --------------------------------------------------------------------------- the fold
# Folding is on the hot path (a rebuild after sync folds every hazard), so events are applied to
# a plain dict of HazardState's fields and the frozen state is built once per hazard. Before,
# ``dataclasses.replace`` ran per event (the generated frozen __init__ each time): 100,000
# hazards x 6 events took ~11 s; now it is under 1 s (bench/hazards_bench.py). ``apply`` and
# ``fold`` share ``_advance``: there is one definition of what an event does.

_FIELDS = tuple(f.name for f in fields(HazardState))
_ORDER = attrgetter("hlc", "device", "id")  # == Event.order_key, without a Python-level call
_EMPTY_VALUES = {name: getattr(_EMPTY, name) for name in _FIELDS}
_set = object.__setattr__


def _new_state(values: dict[str, Any], cls: type[HazardState] = HazardState) -> HazardState:
    """The frozen state from a complete dict of its fields, without the generated __init__'s
    defaults and factories. Set field by field as that __init__ does (not ``__dict__.update``):
    the instance keeps CPython's compact attribute storage, with no dict of its own, so 100k
    kept states give the cyclic GC half the objects (a full collection over them cost as much
    as the fold itself)."""
    state = object.__new__(cls)
    for name, value in values.items():
        _set(state, name, value)
    return state


def _blank() -> dict[str, Any]:
    values = _EMPTY_VALUES.copy()
    # fresh mappings, as the dataclass's default_factory gives each state its own
    values["dispatch"], values["rectification"], values["reward"] = {}, {}, {}
    return values


def _advance(s: dict[str, Any], events: list[Event]) -> None:
    """Apply events, already in clock order, to the fields ``s`` of a state, in place."""
    allowed_in, handlers = ALLOWED, _HANDLERS
    for event in events:
        kind = event.kind
        step = s["step"]
        allowed = allowed_in.get(kind)
        if allowed is None or step not in allowed:
            s["conflicts"] = (*s["conflicts"], Conflict(event.id, kind, step, event.actor_name,
                                                        event.at))
            continue
        handler = handlers.get(kind)
        if handler is not None:  # COMMENTED (history only) has none: nothing changes
            handler(s, event, event.payload)
    s["event_count"] += len(events)


# A new step starts its own deadline clock and escalation ladder: each transition sets
# step, step_started and escalation_level together.
def _on_found(s: dict[str, Any], e: Event, p: Mapping[str, Any]) -> None:
    found = _parse_time(p.get("found_at")) or e.at
    step = PENDING if e.kind == REPORTED else DISCOVER
    s["step"], s["step_started"], s["escalation_level"] = step, e.at, 0
    s["found_at"] = found
    s["reported_by"] = str(p.get("reporter_name") or e.actor_name)


def _on_verified(s: dict[str, Any], e: Event, p: Mapping[str, Any]) -> None:
    s["step"], s["step_started"], s["escalation_level"] = DISCOVER, e.at, 0


def _on_report_rejected(s: dict[str, Any], e: Event, p: Mapping[str, Any]) -> None:
    s["step"], s["step_started"], s["escalation_level"] = REJECTED, e.at, 0


def _on_merged(s: dict[str, Any], e: Event, p: Mapping[str, Any]) -> None:
    s["step"], s["step_started"], s["escalation_level"] = MERGED, e.at, 0
    s["merged_into"] = p.get("hazard_id")


def _on_dispatched(s: dict[str, Any], e: Event, p: Mapping[str, Any]) -> None:
    deadline = _parse_time(p.get("deadline"))
    s["step"], s["step_started"], s["escalation_level"] = RECTIFY, e.at, 0
    s["dispatched_at"] = e.at
    s["department_id"] = p.get("department_id")
    s["rectifier_id"] = p.get("rectifier_id")
    s["reviewer_id"] = p.get("reviewer_id")
    s["deadline"] = deadline
    s["dispatch"] = dict(p)


def _on_rectified(s: dict[str, Any], e: Event, p: Mapping[str, Any]) -> None:
    s["step"], s["step_started"], s["escalation_level"] = REVIEW, e.at, 0
    s["rectified_at"] = e.at
    s["rectification"] = dict(p)
    s["rectified_by"] = e.actor_id


def _on_review_passed(s: dict[str, Any], e: Event, p: Mapping[str, Any]) -> None:
    s["step"], s["step_started"], s["escalation_level"] = ARCHIVE, e.at, 0
    s["reviewed_at"] = e.at


def _on_review_rejected(s: dict[str, Any], e: Event, p: Mapping[str, Any]) -> None:
    s["step"], s["step_started"], s["escalation_level"] = RECTIFY, e.at, 0
    s["rejections"] += 1
    s["last_rejection"] = str(p.get("reason") or "")


def _on_archived(s: dict[str, Any], e: Event, p: Mapping[str, Any]) -> None:
    s["step"], s["step_started"], s["escalation_level"] = CLOSED, e.at, 0
    s["archived_at"] = e.at


def _on_escalated(s: dict[str, Any], e: Event, p: Mapping[str, Any]) -> None:
    level = int(p.get("level") or 0)
    if p.get("step") == s["step"] and level > s["escalation_level"]:
        s["escalation_level"] = level
    # else: a stale or repeated escalation (two PCs escalated): nothing new


def _on_conflict_resolved(s: dict[str, Any], e: Event, p: Mapping[str, Any]) -> None:
    settled = set(p.get("event_ids") or ())
    s["conflicts"] = tuple(c for c in s["conflicts"] if c.event_id not in settled)


def _on_rewarded(s: dict[str, Any], e: Event, p: Mapping[str, Any]) -> None:
    s["reward"] = dict(p)


_HANDLERS: dict[str, Callable[[dict[str, Any], Event, Mapping[str, Any]], None]] = {
    REPORTED: _on_found, DISCOVERED: _on_found, VERIFIED: _on_verified,
    REPORT_REJECTED: _on_report_rejected, MERGED_INTO: _on_merged, DISPATCHED: _on_dispatched,
    RECTIFIED: _on_rectified, REVIEW_PASSED: _on_review_passed,
    REVIEW_REJECTED: _on_review_rejected, ARCHIVED: _on_archived, ESCALATED: _on_escalated,
    CONFLICT_RESOLVED: _on_conflict_resolved, REWARDED: _on_rewarded,
}


def apply(state: HazardState, event: Event) -> HazardState:
    """One event on a state: the new state (a conflict is recorded, not raised)."""
    values = {name: getattr(state, name) for name in _FIELDS}
    _advance(values, [event])
    return _new_state(values, type(state))


def fold(events: Iterable[Event]) -> HazardState:
    """The state of one hazard from all its events, in clock order."""
    values = _blank()
    _advance(values, sorted(events, key=_ORDER))
    return _new_state(values)


def can_apply(state: HazardState, kind: str) -> bool:
    return kind in ALLOWED and state.step in ALLOWED[kind]


# --------------------------------------------------------------------------- deadlines

@dataclass(frozen=True)
class DeadlineRules:
    """Hours allowed per step, by hazard grade; the rectify default is used when dispatch
    does not set a deadline. Shipped defaults, configurable per plant."""

    hours: Mapping[str, Mapping[str, float]] = field(default_factory=lambda: {
        "general": {DISCOVER: 24, RECTIFY: 72, REVIEW: 24, ARCHIVE: 48, PENDING: 24},
        "major": {DISCOVER: 4, RECTIFY: 30 * 24, REVIEW: 48, ARCHIVE: 72, PENDING: 4},
    })

    def step_hours(self, grade: str, step: str) -> float | None:
        return self.hours.get(grade, self.hours["general"]).get(step)


def step_deadline(state: HazardState, grade: str, rules: DeadlineRules) -> dt.datetime | None:
    """When the current step is due: the dispatch deadline for rectification, else the rule."""
    if not state.is_open or state.step_started is None:
        return None
    if state.step == RECTIFY and state.deadline is not None:
        return state.deadline
    hours = rules.step_hours(grade, state.step)
    return None if hours is None else state.step_started + dt.timedelta(hours=hours)


def escalation_due(state: HazardState, grade: str, rules: DeadlineRules,
                   now: dt.datetime) -> int:
    """The escalation level the current step should be at now: 0 on time, 1 overdue (to the
    department head), 2 overdue by a second period (to the plant's safety lead)."""
    deadline = step_deadline(state, grade, rules)
    if deadline is None or now <= deadline or state.step_started is None:
        return 0
    period = max(deadline - state.step_started, dt.timedelta(hours=1))
    return 2 if now > deadline + period else 1
