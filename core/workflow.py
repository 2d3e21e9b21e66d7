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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
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


def _started(state: HazardState, step: str, at: dt.datetime) -> HazardState:
    # A new step starts its own deadline clock and escalation ladder.
    return replace(state, step=step, step_started=at, escalation_level=0)


def _parse_time(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def apply(state: HazardState, event: Event) -> HazardState:
    """One event on a state: the new state (a conflict is recorded, not raised)."""
    state = replace(state, event_count=state.event_count + 1)
    kind, p = event.kind, event.payload
    if kind not in ALLOWED:
        return _conflict(state, event)
    if state.step not in ALLOWED[kind]:
        return _conflict(state, event)
    if kind in (REPORTED, DISCOVERED):
        found = _parse_time(p.get("found_at")) or event.at
        step = PENDING if kind == REPORTED else DISCOVER
        return replace(_started(state, step, event.at), found_at=found,
                       reported_by=str(p.get("reporter_name") or event.actor_name))
    if kind == VERIFIED:
        return _started(state, DISCOVER, event.at)
    if kind == REPORT_REJECTED:
        return _started(state, REJECTED, event.at)
    if kind == MERGED_INTO:
        return replace(_started(state, MERGED, event.at), merged_into=p.get("hazard_id"))
    if kind == DISPATCHED:
        return replace(_started(state, RECTIFY, event.at), dispatched_at=event.at,
                       department_id=p.get("department_id"), rectifier_id=p.get("rectifier_id"),
                       reviewer_id=p.get("reviewer_id"), deadline=_parse_time(p.get("deadline")),
                       dispatch=dict(p))
    if kind == RECTIFIED:
        return replace(_started(state, REVIEW, event.at), rectified_at=event.at,
                       rectification=dict(p), rectified_by=event.actor_id)
    if kind == REVIEW_PASSED:
        return replace(_started(state, ARCHIVE, event.at), reviewed_at=event.at)
    if kind == REVIEW_REJECTED:
        return replace(_started(state, RECTIFY, event.at), rejections=state.rejections + 1,
                       last_rejection=str(p.get("reason") or ""))
    if kind == ARCHIVED:
        return replace(_started(state, CLOSED, event.at), archived_at=event.at)
    if kind == ESCALATED:
        level = int(p.get("level") or 0)
        if p.get("step") != state.step or level <= state.escalation_level:
            return state  # stale or repeated escalation (two PCs escalated): nothing new
        return replace(state, escalation_level=level)
    if kind == CONFLICT_RESOLVED:
        settled = set(p.get("event_ids") or ())
        return replace(state, conflicts=tuple(c for c in state.conflicts
                                              if c.event_id not in settled))
    if kind == REWARDED:
        return replace(state, reward=dict(p))
    return state  # COMMENTED: history only


def _conflict(state: HazardState, event: Event) -> HazardState:
    return replace(state, conflicts=(*state.conflicts, Conflict(
        event.id, event.kind, state.step, event.actor_name, event.at)))


def fold(events: Iterable[Event]) -> HazardState:
    """The state of one hazard from all its events, in clock order."""
    state = HazardState()
    for event in sorted(events, key=lambda e: e.order_key):
        state = apply(state, event)
    return state


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
