"""Properties of the workflow fold (core/workflow.py) under offline work on several PCs.

Histories are random walks through the steps on one PC; then two or three PCs with skewed
clocks continue the same hazard offline (both dispatch, one reviews while the other rectifies
again ...), and every replica receives the union in shuffled order, in random batches, with
re-sent batches. The fold must come out the same everywhere, lose no event, and agree with a
plain reference fold (the unoptimised ``dataclasses.replace`` per event, kept below).
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import event as note
from hypothesis import strategies as st

from core.hlc import MAX_DRIFT_MS, HybridLogicalClock
from core.workflow import (
    ALLOWED,
    ARCHIVE,
    ARCHIVED,
    CLOSED,
    COMMENTED,
    CONFLICT_RESOLVED,
    DISCOVER,
    DISCOVERED,
    DISPATCHED,
    ESCALATED,
    EVENT_KINDS,
    MERGED,
    MERGED_INTO,
    OPEN_STEPS,
    PENDING,
    RECTIFIED,
    RECTIFY,
    REJECTED,
    REPORT_REJECTED,
    REPORTED,
    REVIEW,
    REVIEW_PASSED,
    REVIEW_REJECTED,
    REWARDED,
    STEPS,
    VERIFIED,
    Conflict,
    Event,
    HazardState,
    apply,
    can_apply,
    fold,
)

FAST = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
HAZARD = "h-1"
EPOCH = dt.datetime(2026, 3, 2, 8, 0)
EPOCH_MS = 1_772_438_400_000  # about EPOCH, as wall milliseconds

# --------------------------------------------------------------------------- reference fold
# The fold as first written: one dataclasses.replace per event. Kept here, unoptimised, as the
# definition the optimised core.workflow.fold must agree with.


def _ref_started(state: HazardState, step: str, at: dt.datetime) -> HazardState:
    return replace(state, step=step, step_started=at, escalation_level=0)


def _ref_time(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _ref_conflict(state: HazardState, event: Event) -> HazardState:
    return replace(state, conflicts=(*state.conflicts, Conflict(
        event.id, event.kind, state.step, event.actor_name, event.at)))


def reference_apply(state: HazardState, event: Event) -> HazardState:
    state = replace(state, event_count=state.event_count + 1)
    kind, p = event.kind, event.payload
    if kind not in ALLOWED or state.step not in ALLOWED[kind]:
        return _ref_conflict(state, event)
    if kind in (REPORTED, DISCOVERED):
        found = _ref_time(p.get("found_at")) or event.at
        step = PENDING if kind == REPORTED else DISCOVER
        return replace(_ref_started(state, step, event.at), found_at=found,
                       reported_by=str(p.get("reporter_name") or event.actor_name))
    if kind == VERIFIED:
        return _ref_started(state, DISCOVER, event.at)
    if kind == REPORT_REJECTED:
        return _ref_started(state, REJECTED, event.at)
    if kind == MERGED_INTO:
        return replace(_ref_started(state, MERGED, event.at), merged_into=p.get("hazard_id"))
    if kind == DISPATCHED:
        return replace(_ref_started(state, RECTIFY, event.at), dispatched_at=event.at,
                       department_id=p.get("department_id"), rectifier_id=p.get("rectifier_id"),
                       reviewer_id=p.get("reviewer_id"), deadline=_ref_time(p.get("deadline")),
                       dispatch=dict(p))
    if kind == RECTIFIED:
        return replace(_ref_started(state, REVIEW, event.at), rectified_at=event.at,
                       rectification=dict(p), rectified_by=event.actor_id)
    if kind == REVIEW_PASSED:
        return replace(_ref_started(state, ARCHIVE, event.at), reviewed_at=event.at)
    if kind == REVIEW_REJECTED:
        return replace(_ref_started(state, RECTIFY, event.at), rejections=state.rejections + 1,
                       last_rejection=str(p.get("reason") or ""))
    if kind == ARCHIVED:
        return replace(_ref_started(state, CLOSED, event.at), archived_at=event.at)
    if kind == ESCALATED:
        level = int(p.get("level") or 0)
        if p.get("step") != state.step or level <= state.escalation_level:
            return state
        return replace(state, escalation_level=level)
    if kind == CONFLICT_RESOLVED:
        settled = set(p.get("event_ids") or ())
        return replace(state, conflicts=tuple(c for c in state.conflicts
                                              if c.event_id not in settled))
    if kind == REWARDED:
        return replace(state, reward=dict(p))
    return state


def reference_fold(events: Iterable[Event]) -> HazardState:
    state = HazardState()
    for event in sorted(events, key=lambda e: e.order_key):
        state = reference_apply(state, event)
    return state


# --------------------------------------------------------------------------- histories

# Where each workflow transition leads (the events that change the step).
NEXT_STEP = {
    REPORTED: PENDING, DISCOVERED: DISCOVER, VERIFIED: DISCOVER, REPORT_REJECTED: REJECTED,
    MERGED_INTO: MERGED, DISPATCHED: RECTIFY, RECTIFIED: REVIEW, REVIEW_PASSED: ARCHIVE,
    REVIEW_REJECTED: RECTIFY, ARCHIVED: CLOSED,
}
TRANSITIONS = tuple(NEXT_STEP)
SIDE_EXITS = (REPORT_REJECTED, MERGED_INTO)
PEOPLE = ("u-zhang", "u-li", "u-wang")


def payload_for(kind: str, draw_int, step: str = "", level: int = 1) -> dict[str, Any]:
    """A plausible payload for ``kind``; ``draw_int(n)`` picks 0..n-1."""
    if kind in (REPORTED, DISCOVERED):
        return {"found_at": (EPOCH - dt.timedelta(hours=draw_int(48))).isoformat(),
                "reporter_name": ["张工", "", None][draw_int(3)]}
    if kind == DISPATCHED:
        deadline = [None, (EPOCH + dt.timedelta(days=1 + draw_int(30))).isoformat()][draw_int(2)]
        return {"department_id": f"d-{draw_int(3)}", "rectifier_id": PEOPLE[draw_int(3)],
                "reviewer_id": [None, PEOPLE[draw_int(3)]][draw_int(2)], "deadline": deadline,
                "measures": "加装护罩", "funds": draw_int(1000)}
    if kind == RECTIFIED:
        return {"note": "已整改", "cost": draw_int(500), "photos": [], "on_time": bool(draw_int(2))}
    if kind in (REVIEW_REJECTED, REPORT_REJECTED):
        return {"reason": ["护罩固定不牢", "", None][draw_int(3)]}
    if kind == MERGED_INTO:
        return {"hazard_id": f"h-{2 + draw_int(5)}", "number": "YH-2026-0001"}
    if kind == ESCALATED:
        return {"level": level, "step": step}
    if kind == REWARDED:
        return {"amount": draw_int(100), "note": ""}
    if kind == ARCHIVED:
        return {"note": "", "closed_on": EPOCH.date().isoformat()}
    if kind == COMMENTED:
        return {"text": "已通知班组长"}
    return {}


@dataclass
class Device:
    """One PC: its own skewed wall clock, an HLC over it, and the events it holds."""

    name: str
    skew_ms: int
    true_ms: int
    clock: HybridLogicalClock
    known: dict[str, Event]
    made: int = 0

    @classmethod
    def new(cls, name: str, skew_ms: int, true_ms: int) -> Device:
        dev = cls(name, skew_ms, true_ms, HybridLogicalClock(), {})
        dev.clock = HybridLogicalClock(wall=lambda: dev.true_ms + dev.skew_ms)
        return dev

    def receive(self, events: Iterable[Event]) -> None:
        for e in events:
            self.known.setdefault(e.id, e)  # a primary key: re-sent events are stored once
            self.clock.observe(e.hlc)

    def state(self) -> HazardState:
        return fold(self.known.values())

    def act(self, kind: str, payload: dict[str, Any], wait_ms: int) -> Event:
        self.true_ms += wait_ms
        wall = self.true_ms + self.skew_ms
        self.made += 1
        actor = PEOPLE[self.made % len(PEOPLE)]
        event = Event(f"{self.name}-{self.made}", HAZARD, kind, payload, actor, f"{actor}@{self.name}",
                      EPOCH + dt.timedelta(milliseconds=wall - EPOCH_MS), self.clock.now(),
                      self.name)
        self.known[event.id] = event
        return event


def walk(data: st.DataObject, device: Device, steps: int, valid_escalations: bool = True
         ) -> list[Event]:
    """A random walk on one PC: each event is one this PC may append to the state it sees
    (a workflow transition, or a comment, reward or escalation); a few escalations repeat."""
    made = []
    draw_int = lambda n: data.draw(st.integers(0, n - 1))  # noqa: E731
    for _ in range(steps):
        state = device.state()
        if state.step == "":
            options = [REPORTED, DISCOVERED]
        else:
            # mostly forward (so PCs often move the same step offline), sometimes a side exit
            # or a comment, reward or escalation
            options = [k for k in TRANSITIONS if can_apply(state, k)
                       for _ in range(1 if k in SIDE_EXITS else 4)]
            options += [COMMENTED, REWARDED]
            if state.step in OPEN_STEPS:
                options += [ESCALATED, ESCALATED]
        kind = data.draw(st.sampled_from(options))
        level = 1
        step = state.step
        if kind == ESCALATED:
            level = min(state.escalation_level + 1, 2)
            if not valid_escalations and data.draw(st.booleans()):
                level = state.escalation_level  # a repeat: escalate_overdue ran twice
        wait = data.draw(st.integers(0, 20 * 60 * 1000))
        made.append(device.act(kind, payload_for(kind, draw_int, step, level), wait))
    return made


@dataclass
class Offline:
    """A hazard worked on by several PCs: a shared (synced) start, then offline work."""

    shared: list[Event]
    devices: list[Device]

    @property
    def events(self) -> list[Event]:
        seen: dict[str, Event] = {}
        for dev in self.devices:
            seen.update(dev.known)
        return list(seen.values())


def offline_history(data: st.DataObject, max_devices: int = 3) -> Offline:
    n = data.draw(st.integers(2, max_devices), label="devices")
    devices = []
    for i in range(n):
        # within the 5 minutes sync tolerates; a late clock makes a PC's later work sort first
        skew = data.draw(st.integers(-MAX_DRIFT_MS, MAX_DRIFT_MS), label="skew")
        devices.append(Device.new(f"pc-{'abc'[i]}", skew, EPOCH_MS))
    # the first PC records the hazard and works on it while everyone is in sync
    shared = walk(data, devices[0], data.draw(st.integers(1, 7), label="shared steps"),
                  valid_escalations=False)
    for dev in devices:
        dev.receive(shared)
        dev.true_ms = devices[0].true_ms + data.draw(st.integers(0, 60_000), label="offset")
    for dev in devices:  # then each works offline
        walk(data, dev, data.draw(st.integers(0, 5), label="offline steps"),
             valid_escalations=False)
    return Offline(shared, devices)


def deliver(data: st.DataObject, replica: Device, union: list[Event]) -> list[HazardState]:
    """Everything the replica lacks, shuffled, in random batches, some batches sent twice;
    returns the state after each batch."""
    missing = [e for e in union if e.id not in replica.known]
    order = data.draw(st.permutations(missing), label="arrival order")
    states = []
    while order:
        size = data.draw(st.integers(1, max(1, len(order))), label="batch")
        batch, order = order[:size], order[size:]
        replica.receive(batch)
        if data.draw(st.booleans(), label="re-sent"):
            replica.receive(reversed(batch))
        states.append(replica.state())
    return states


# --------------------------------------------------------------------------- accounting

def ignored_by_design(state: HazardState, event: Event) -> bool:
    """Accepted where it arrives but changes nothing, by design: a comment (history only), or
    an escalation that is stale (another step) or repeated (two PCs escalated)."""
    if event.kind == COMMENTED:
        return True
    if event.kind == ESCALATED:
        p = event.payload
        return p.get("step") != state.step or int(p.get("level") or 0) <= state.escalation_level
    return False


@dataclass
class Accounting:
    applied: list[str]
    conflicts: list[str]
    ignored: list[str]
    resolved: set[str]  # conflict ids taken off by conflict_resolved events
    states: list[HazardState]  # after each event, in clock order

    @property
    def total(self) -> int:
        return len(self.applied) + len(self.conflicts) + len(self.ignored)


def account(events: Iterable[Event]) -> Accounting:
    """Walk the events in clock order with ``apply`` and put each one in exactly one bucket,
    checking that the state shows it: applied (the step or the field it sets changed as the
    event says), conflict (recorded in state.conflicts, nothing else changed) or ignored by
    design (nothing changed but event_count)."""
    acc = Accounting([], [], [], set(), [])
    state = HazardState()
    for e in sorted(events, key=lambda e: e.order_key):
        before, state = state, apply(state, e)
        assert state.event_count == before.event_count + 1
        if not can_apply(before, e.kind):
            acc.conflicts.append(e.id)
            assert state == replace(before, event_count=state.event_count, conflicts=(
                *before.conflicts, Conflict(e.id, e.kind, before.step, e.actor_name, e.at)))
        elif ignored_by_design(before, e):
            acc.ignored.append(e.id)
            assert state == replace(before, event_count=state.event_count)
        else:
            acc.applied.append(e.id)
            if e.kind in NEXT_STEP:
                assert state.step == NEXT_STEP[e.kind] and state.step_started == e.at
                assert state.escalation_level == 0
            elif e.kind == ESCALATED:
                assert state.escalation_level == e.payload["level"] > before.escalation_level
            elif e.kind == REWARDED:
                assert state.reward == e.payload
            elif e.kind == CONFLICT_RESOLVED:
                ids = set(e.payload["event_ids"])
                acc.resolved |= {c.event_id for c in before.conflicts} & ids
                assert state.conflicts == tuple(c for c in before.conflicts
                                                if c.event_id not in ids)
        acc.states.append(state)
    return acc


def assert_nothing_lost(events: list[Event], state: HazardState) -> Accounting:
    acc = account(events)
    assert acc.total == len(events) == state.event_count
    assert len({*acc.applied, *acc.conflicts, *acc.ignored}) == len(events)
    assert [c.event_id for c in state.conflicts] == [i for i in acc.conflicts
                                                     if i not in acc.resolved]
    assert acc.states[-1] == state
    return acc


def assert_well_formed(states: list[HazardState]) -> None:
    """(e) the step is always one of STEPS; (f) within a step the escalation never drops."""
    for before, after in zip(states, states[1:], strict=False):
        assert after.step in STEPS
        if after.step == before.step and after.step_started == before.step_started:
            assert after.escalation_level >= before.escalation_level
        else:
            assert after.escalation_level == 0  # a new step starts a new ladder
    assert all(s.step in STEPS for s in states)


# --------------------------------------------------------------------------- properties

@FAST
@given(st.data())
def test_single_device_history_has_no_conflicts_and_loses_nothing(data):
    dev = Device.new("pc-a", 0, EPOCH_MS)
    events = walk(data, dev, data.draw(st.integers(1, 14), label="steps"))
    state = fold(events)
    assert state.conflicts == ()  # (d)
    acc = assert_nothing_lost(events, state)  # (b)
    assert acc.conflicts == []
    assert_well_formed(acc.states)  # (e), (f)
    assert state == reference_fold(events)


@settings(FAST, max_examples=300)
@given(st.data())
def test_offline_devices_converge_whatever_the_arrival_order(data):
    work = offline_history(data)
    union = work.events
    expected = fold(union)
    # (a) each PC, and a fresh replica (a new PC or the server), end in the same state
    replicas = [*work.devices, Device.new("server", 0, EPOCH_MS)]
    for replica in replicas:
        for mid in deliver(data, replica, union):
            # part-way, a replica may hold later events without the one that created the
            # hazard: they wait in conflicts until it arrives
            assert mid.step in STEPS or (mid.step == "" and replica is replicas[-1])
        assert replica.state() == expected
    assert fold(reversed(union)) == expected
    assert expected == reference_fold(union)
    # (b) every event is applied, a conflict, or ignored by design; (e), (f)
    acc = assert_nothing_lost(union, expected)
    assert_well_formed(acc.states)
    note(f"conflicts: {min(len(acc.conflicts), 3)}")
    note(f"devices: {len(work.devices)}, final step: {expected.step}")
    # Each PC's own walk was valid on its own: only the merge makes conflicts, and then
    # only from offline work (the shared start is never in conflict).
    assert not set(acc.conflicts) & {e.id for e in work.shared}


@FAST
@given(st.data())
def test_conflict_resolved_removes_exactly_the_named_conflicts(data):
    work = offline_history(data)
    union = work.events
    state = fold(union)
    ids = [c.event_id for c in state.conflicts]
    named = data.draw(st.lists(st.sampled_from(ids), unique=True) if ids else st.just([]))
    stray = data.draw(st.lists(st.sampled_from([e.id for e in union] + ["nope"]), max_size=2))
    supervisor = Device.new("pc-z", 0, EPOCH_MS + 10**8)
    supervisor.receive(union)
    settle = supervisor.act(CONFLICT_RESOLVED, {"event_ids": named + stray, "note": "以先者为准"},
                            1000)
    after = fold([*union, settle])
    removed = set(named) | (set(stray) & set(ids))
    assert [c.event_id for c in after.conflicts] == [i for i in ids if i not in removed]
    assert after == replace(state, conflicts=after.conflicts, event_count=state.event_count + 1)
    assert_nothing_lost([*union, settle], after)


def soup_events(data: st.DataObject) -> list[Event]:
    """Anything at all, in any order: unknown kinds, events before the hazard exists, equal
    clocks on different PCs."""
    draw_int = lambda n: data.draw(st.integers(0, n - 1))  # noqa: E731
    n = data.draw(st.integers(0, 16), label="events")
    events = []
    for i in range(n):
        kind = data.draw(st.sampled_from((*EVENT_KINDS, "bogus")), label="kind")
        step = data.draw(st.sampled_from(STEPS))
        payload = payload_for(kind, draw_int, step, data.draw(st.integers(0, 3)))
        if kind == CONFLICT_RESOLVED:
            payload = {"event_ids": [f"e{j}" for j in range(n) if draw_int(3) == 0]}
        hlc = data.draw(st.integers(0, 6), label="hlc")
        events.append(Event(f"e{i}", HAZARD, kind, payload, PEOPLE[i % 3], "某人",
                            EPOCH + dt.timedelta(minutes=hlc), hlc,
                            data.draw(st.sampled_from(("pc-a", "pc-b")))))
    return events


@settings(FAST, max_examples=300)
@given(st.data())
def test_optimised_fold_equals_the_reference_on_any_events(data):
    events = soup_events(data)
    shuffled = data.draw(st.permutations(events))
    state = fold(shuffled)
    assert state == reference_fold(events)
    assert state == functools.reduce(apply, sorted(events, key=lambda e: e.order_key),
                                     HazardState())
    acc = assert_nothing_lost(events, state) if events else None
    steps = [s.step for s in acc.states] if acc else []
    # (e) before the hazard exists its step is ""; once it exists, always one of STEPS
    started = [i for i, s in enumerate(steps) if s]
    assert all(s in STEPS for s in steps[started[0]:]) if started else set(steps) <= {""}
    if acc:
        for before, after in zip(acc.states, acc.states[1:], strict=False):
            if after.step == before.step and after.step_started == before.step_started:
                assert after.escalation_level >= before.escalation_level  # (f)


# --------------------------------------------------------------------------- examples

def _event(kind: str, hlc: int, payload: dict | None = None, device: str = "pc-a",
           event_id: str | None = None) -> Event:
    return Event(event_id or f"{device}-{hlc}", HAZARD, kind, payload or {}, "u-zhang", "张工",
                 EPOCH + dt.timedelta(minutes=hlc), hlc, device)


DISPATCH = {"department_id": "d-1", "rectifier_id": "u-li", "deadline": "2026-03-09T00:00:00"}
# How to reach each step with valid events.
PATHS: dict[str, list[str]] = {
    "": [],
    PENDING: [REPORTED],
    DISCOVER: [DISCOVERED],
    RECTIFY: [DISCOVERED, DISPATCHED],
    REVIEW: [DISCOVERED, DISPATCHED, RECTIFIED],
    ARCHIVE: [DISCOVERED, DISPATCHED, RECTIFIED, REVIEW_PASSED],
    CLOSED: [DISCOVERED, DISPATCHED, RECTIFIED, REVIEW_PASSED, ARCHIVED],
    REJECTED: [REPORTED, REPORT_REJECTED],
    MERGED: [REPORTED, MERGED_INTO],
}
# The preconditions, written out: the steps each kind may be applied in.
EXPECTED_ALLOWED = {
    REPORTED: {""}, DISCOVERED: {""}, VERIFIED: {PENDING}, REPORT_REJECTED: {PENDING},
    MERGED_INTO: {PENDING, DISCOVER}, DISPATCHED: {DISCOVER}, RECTIFIED: {RECTIFY},
    REVIEW_PASSED: {REVIEW}, REVIEW_REJECTED: {REVIEW}, ARCHIVED: {ARCHIVE},
    ESCALATED: {PENDING, DISCOVER, RECTIFY, REVIEW, ARCHIVE},
    COMMENTED: set(STEPS), CONFLICT_RESOLVED: set(STEPS), REWARDED: set(STEPS),
}


def _at(step: str) -> HazardState:
    state = fold([_event(k, i, DISPATCH if k == DISPATCHED else {})
                  for i, k in enumerate(PATHS[step])])
    assert state.step == step and state.conflicts == ()
    return state


def test_allowed_table_is_the_documented_one():
    assert {k: set(v) for k, v in ALLOWED.items()} == EXPECTED_ALLOWED
    assert set(EVENT_KINDS) == set(EXPECTED_ALLOWED)


@pytest.mark.parametrize("kind", sorted(EXPECTED_ALLOWED))
@pytest.mark.parametrize("step", list(PATHS))
def test_each_transition_applies_only_in_its_steps(kind, step):
    state = _at(step)
    event = _event(kind, 100, DISPATCH if kind == DISPATCHED else {"level": 1, "step": step})
    after = apply(state, event)
    allowed = step in EXPECTED_ALLOWED[kind]
    assert can_apply(state, kind) is allowed
    assert after.event_count == state.event_count + 1
    if not allowed:
        assert after.conflicts == (Conflict(event.id, kind, step, "张工", event.at),)
        assert replace(after, conflicts=(), event_count=0) == replace(state, event_count=0)
    else:
        assert after.conflicts == ()
        assert after.step == NEXT_STEP.get(kind, step)
    assert after == reference_apply(state, event)


def test_unknown_kind_is_a_conflict_not_an_error():
    state = apply(_at(RECTIFY), _event("teleported", 50))
    assert [c.kind for c in state.conflicts] == ["teleported"] and state.step == RECTIFY
    assert not can_apply(state, "teleported")


def test_both_pcs_dispatch_offline_the_earlier_stands_in_any_arrival_order():
    found = _event(DISCOVERED, 1)
    a = _event(DISPATCHED, 10, {**DISPATCH, "rectifier_id": "u-li"}, "pc-a")
    b = _event(DISPATCHED, 12, {**DISPATCH, "rectifier_id": "u-wang"}, "pc-b")
    for order in ([found, a, b], [b, found, a], [a, b, found], [b, a, found]):
        state = fold(order)
        assert state.rectifier_id == "u-li" and state.step == RECTIFY
        assert [(c.event_id, c.step) for c in state.conflicts] == [(b.id, RECTIFY)]


def test_equal_clocks_are_ordered_by_device():
    found = _event(DISCOVERED, 1)
    a = _event(DISPATCHED, 10, {**DISPATCH, "rectifier_id": "u-li"}, "pc-b")
    b = _event(DISPATCHED, 10, {**DISPATCH, "rectifier_id": "u-wang"}, "pc-a")
    assert fold([found, a, b]).rectifier_id == "u-wang" == fold([b, a, found]).rectifier_id


def test_one_reviews_while_the_other_sends_back_and_rectifies_again():
    shared = [_event(k, i, DISPATCH if k == DISPATCHED else {}) for i, k in enumerate(
        [DISCOVERED, DISPATCHED, RECTIFIED])]
    passed = _event(REVIEW_PASSED, 10, device="pc-a")
    archived = _event(ARCHIVED, 20, device="pc-a")
    sent_back = _event(REVIEW_REJECTED, 11, {"reason": "不牢"}, device="pc-b")
    again = _event(RECTIFIED, 15, {"note": "重新固定"}, device="pc-b")
    events = [*shared, passed, archived, sent_back, again]
    state = fold(events)
    assert state.step == CLOSED and state.rejections == 0
    assert [(c.event_id, c.step) for c in state.conflicts] == [(sent_back.id, ARCHIVE),
                                                                (again.id, ARCHIVE)]
    acc = assert_nothing_lost(events, state)
    assert (len(acc.applied), len(acc.conflicts), len(acc.ignored)) == (5, 2, 0)


def test_two_pcs_escalating_the_same_step_is_not_a_conflict():
    base = [_event(DISCOVERED, 1), _event(DISPATCHED, 2, DISPATCH)]
    one = _event(ESCALATED, 10, {"level": 1, "step": RECTIFY}, "pc-a")
    two = _event(ESCALATED, 11, {"level": 1, "step": RECTIFY}, "pc-b")
    stale = _event(ESCALATED, 30, {"level": 2, "step": DISCOVER}, "pc-b")
    comment = _event(COMMENTED, 31, {"text": "催办"}, "pc-a")
    events = [*base, one, two, stale, comment]
    state = fold(events)
    assert state.escalation_level == 1 and state.conflicts == ()
    acc = assert_nothing_lost(events, state)
    assert acc.ignored == [two.id, stale.id, comment.id]


def test_escalating_a_closed_hazard_is_a_conflict():
    state = apply(_at(CLOSED), _event(ESCALATED, 99, {"level": 1, "step": CLOSED}))
    assert [c.kind for c in state.conflicts] == [ESCALATED]


def test_a_resolution_before_its_conflict_does_not_hide_it():
    found = _event(DISCOVERED, 1)
    a = _event(DISPATCHED, 10, DISPATCH, "pc-a")
    b = _event(DISPATCHED, 12, DISPATCH, "pc-b")
    early = _event(CONFLICT_RESOLVED, 11, {"event_ids": [b.id]}, "pc-c")
    late = _event(CONFLICT_RESOLVED, 13, {"event_ids": [b.id]}, "pc-c")
    assert [c.event_id for c in fold([found, a, b, early]).conflicts] == [b.id]
    assert fold([found, a, b, early, late]).conflicts == ()


def test_fold_returns_fresh_mappings_and_a_real_frozen_state():
    one, two = fold([_event(DISCOVERED, 1)]), fold([_event(DISCOVERED, 1)])
    assert one == two and one.dispatch is not two.dispatch and one.reward is not two.reward
    assert one == HazardState(step=DISCOVER, found_at=EPOCH + dt.timedelta(minutes=1),
                              reported_by="张工", step_started=EPOCH + dt.timedelta(minutes=1),
                              event_count=1)
    with pytest.raises(AttributeError):
        one.step = CLOSED  # type: ignore[misc]
    assert fold([]) == HazardState()
    assert hash(fold([]).conflicts) == hash(())


def test_apply_leaves_its_input_alone():
    state = _at(REVIEW)
    snapshot = replace(state)
    apply(state, _event(REVIEW_PASSED, 50))
    assert state == snapshot


def test_random_arrival_orders_of_a_long_history_agree():
    rng = random.Random(4)
    events = [_event(DISCOVERED, 1)]
    kinds = [DISPATCHED, RECTIFIED, REVIEW_REJECTED, RECTIFIED, REVIEW_PASSED, ARCHIVED]
    for i, kind in enumerate(kinds * 3):
        events.append(_event(kind, 10 + i, DISPATCH if kind == DISPATCHED else {},
                             rng.choice(("pc-a", "pc-b", "pc-c"))))
    expected = fold(events)
    for _ in range(20):
        rng.shuffle(events)
        assert fold(events) == expected == reference_fold(events)


# --------------------------------------------------------------------------- the state cache

def test_rebuilt_state_cache_is_the_fold_and_repairs_damage(tmp_path):
    from core.auth import SYSTEM
    from core.workflow import DeadlineRules
    from db import records
    from db.repositories.hazards import _state_row
    from db.repositories.tables import HAZARDS
    from db.workspace import Workspace

    ws = Workspace.open(tmp_path, fast_hash=True)
    try:
        ws.hazards.now = lambda: EPOCH
        site = ws.structure.add(SYSTEM, "site", {"code": "S", "name": "厂"})
        dept = ws.structure.add(SYSTEM, "department", {"code": "CY", "name": "冲压车间",
                                                       "site_id": site})
        ids = [ws.hazards.record(SYSTEM, {"description": f"隐患{i}", "type": "other"})
               for i in range(6)]
        for hid in ids[::2]:
            ws.hazards.dispatch(SYSTEM, hid, {"department_id": dept, "rectifier_id": "u",
                                              "measures": "x", "deadline": EPOCH.replace(day=9)})
        conn = ws.db.conn
        good = conn.execute("SELECT * FROM hazard_state ORDER BY hazard_id").fetchall()
        assert good == sorted(_state_row(h, fold(ws.hazards_repo.events(h)), "general",
                                         DeadlineRules()) for h in ids)
        # damage: a wrong step, a lost row, a row for a hazard that has no events
        conn.execute("UPDATE hazard_state SET step = 'closed', conflicts = 3 WHERE hazard_id = ?",
                     (ids[0],))
        conn.execute("DELETE FROM hazard_state WHERE hazard_id = ?", (ids[1],))
        orphan = records.insert(ws.db, HAZARDS, {
            "number": "YH-X", "description": "无事件", "type": "other", "grade": "general",
            "source": "other", "found_at": EPOCH.isoformat()})
        conn.execute("INSERT INTO hazard_state (hazard_id, step) VALUES (?, 'rectify')", (orphan,))
        assert ws.hazards_repo.rebuild_states() == len(ids)
        assert conn.execute("SELECT * FROM hazard_state ORDER BY hazard_id").fetchall() == good
    finally:
        ws.close()
