"""The warning rules on hand-made records (pure: no database)."""

import datetime as dt

import pytest

from core.i18n import DomainError
from core.warning_rules import (
    DEFAULT_SETTINGS,
    MES,
    PERSISTENCE,
    REPEATS,
    TIME_CLUSTER,
    explain,
    merged_settings,
    mes_overtemperature,
    persistence,
    repeats,
    time_clusters,
    validate_settings,
)
from core.warnings import ACKNOWLEDGED, ACTED, CLOSED, NEW, WarningEvent, fold

TODAY = dt.date(2026, 11, 25)
R = DEFAULT_SETTINGS[REPEATS]  # 60 days, 5 orange, 7 red


def hz(i, when, type_="guard", line="L1", area="A", equipment=None):
    return (f"h{i}", type_, area, line, equipment, when.isoformat())


def days_ago(n, hour=10):
    return dt.datetime.combine(TODAY - dt.timedelta(days=n), dt.time(hour))


def test_repeats_boundary_counts():
    four = [hz(i, days_ago(2 * i)) for i in range(4)]
    assert repeats(four, R, TODAY) == []  # N-1: nothing
    five = [hz(i, days_ago(2 * i)) for i in range(5)]
    (f,) = repeats(five, R, TODAY)
    assert f.severity == "orange" and f.params["count"] == 5 and f.subject_id == "L1"
    six = [hz(i, days_ago(2 * i)) for i in range(6)]
    assert repeats(six, R, TODAY)[0].severity == "orange"
    seven = [hz(i, days_ago(2 * i)) for i in range(7)]
    (f,) = repeats(seven, R, TODAY)
    assert f.severity == "red" and len(f.evidence["hazards"]) == 7
    assert f.key == "repeats:line:L1:guard"


def test_repeats_window_edge():
    # five reports spanning exactly 60 days count; one minute more does not
    inside = [hz(0, days_ago(61)), *[hz(i, days_ago(1)) for i in range(1, 5)]]
    inside[0] = ("h0", "guard", "A", "L1", None, (days_ago(1) - dt.timedelta(days=60)).isoformat())
    assert repeats(inside, R, TODAY)[0].params["count"] == 5
    outside = list(inside)
    outside[0] = ("h0", "guard", "A", "L1", None,
                  (days_ago(1) - dt.timedelta(days=60, minutes=1)).isoformat())
    assert repeats(outside, R, TODAY) == []


def test_repeats_different_lines_and_types_do_not_add_up():
    records = [hz(i, days_ago(i), line="L1") for i in range(3)]
    records += [hz(10 + i, days_ago(i), line="L2") for i in range(3)]
    records += [hz(20 + i, days_ago(i), line="L1", type_="ppe") for i in range(3)]
    assert repeats(records, R, TODAY) == []
    # off any line, the area is the subject
    area_only = [hz(i, days_ago(i), line=None) for i in range(5)]
    (f,) = repeats(area_only, R, TODAY)
    assert (f.subject_kind, f.subject_id) == ("area", "A")


def test_repeats_old_burst_is_history():
    old = [hz(i, days_ago(100 + i)) for i in range(8)]
    assert repeats(old, R, TODAY) == []


def test_persistence_three_consecutive_months():
    s = DEFAULT_SETTINGS[PERSISTENCE]
    machine = [hz(1, dt.datetime(2026, 9, 12, 9), equipment="E1"),
               hz(2, dt.datetime(2026, 10, 3, 9), equipment="E1"),
               hz(3, dt.datetime(2026, 11, 20, 9), equipment="E1")]
    (f,) = persistence(machine, s, TODAY)
    assert f.subject_id == "E1" and f.params["months_list"] == ["2026-09", "2026-10", "2026-11"]
    # a run ending last month counts too (early in a month)
    assert persistence(machine, s, dt.date(2026, 12, 2))
    # a missing month breaks the run
    gap = [machine[0], machine[2], hz(4, dt.datetime(2026, 8, 1, 9), equipment="E1")]
    assert persistence(gap, s, TODAY) == []
    # two months only
    assert persistence(machine[1:], s, TODAY) == []


def test_time_cluster_share_threshold():
    s = DEFAULT_SETTINGS[TIME_CLUSTER]  # >= 10 reports, 35% in one hour
    spread = [hz(i, days_ago(i, hour=8 + i % 8), type_="ppe", line=None) for i in range(16)]
    assert time_clusters(spread, s, TODAY) == []  # 2 of 16 per hour
    clustered = spread + [hz(100 + i, days_ago(i, hour=15), type_="ppe", line=None)
                          for i in range(8)]
    (f,) = time_clusters(clustered, s, TODAY)
    assert (f.params["start"], f.params["end"]) == (15, 16) and f.severity == "suggestion"
    assert f.params["count"] == 10 and f.evidence["hours"][15] == 10
    # below min_count: nothing, however concentrated
    assert time_clusters(clustered[:3] + clustered[-5:], s, TODAY) == []


def alarm(i, hours_ago, kind="over_temperature", value=85.0):
    at = dt.datetime.combine(TODAY, dt.time()) - dt.timedelta(hours=hours_ago)
    return (f"a{i}", "E1", at.isoformat(), kind, value)


def test_mes_three_in_a_row():
    s = DEFAULT_SETTINGS[MES]
    assert mes_overtemperature([alarm(1, 10), alarm(2, 9)], s, TODAY) == []
    (f,) = mes_overtemperature([alarm(1, 10), alarm(2, 9), alarm(3, 8, value=91)], s, TODAY)
    assert f.severity == "red" and f.params["peak"] == "91" and f.key.endswith(":a1")
    # a fourth alarm in the same row is the same episode (same key)
    (g,) = mes_overtemperature([alarm(1, 10), alarm(2, 9), alarm(3, 8), alarm(4, 7)], s, TODAY)
    assert g.key == f.key and g.params["count"] == 4
    # another alarm kind in between breaks the row
    broken = [alarm(1, 10), alarm(2, 9), alarm(9, 8.5, kind="door_open"), alarm(3, 8)]
    assert mes_overtemperature(broken, s, TODAY) == []
    # so does a gap longer than gap_hours
    assert mes_overtemperature([alarm(1, 60), alarm(2, 30), alarm(3, 1)], s, TODAY) == []


def test_settings_explained_with_numbers_and_validated():
    assert "60 天内出现 5 次 → 橙色，7 次 → 红色" in explain(REPEATS, lang="zh_CN")
    custom = merged_settings({REPEATS: {"days": 30, "orange": 3, "red": 4}})
    assert "3 times within 30 days" in explain(REPEATS, custom, "en")
    with pytest.raises(DomainError) as err:
        validate_settings({REPEATS: {"orange": 6, "red": 5}})
    assert err.value.key == "rule.red_below_orange"
    with pytest.raises(DomainError):
        validate_settings({TIME_CLUSTER: {"share": 5}})
    assert merged_settings("not json")[REPEATS] == DEFAULT_SETTINGS[REPEATS]


def ev(kind, hlc, hazard=None):
    return WarningEvent(f"e{hlc}", "w", kind, hazard, "u", "张工", "", f"2026-11-25T10:0{hlc}", hlc)


def test_lifecycle_fold():
    assert fold([]).state == NEW
    assert fold([ev("acknowledged", 1)]).state == ACKNOWLEDGED
    state = fold([ev("acted", 2, "h1"), ev("acknowledged", 1)])  # clock order, not list order
    assert state.state == ACTED and state.hazard_ids == ("h1",)
    closed = fold([ev("acknowledged", 1), ev("closed", 2), ev("closed", 3)])
    assert closed.state == CLOSED and closed.last_at.endswith("10:02")  # the second close: no-op
    assert fold([ev("closed", 1), ev("reopened", 2)]).state == NEW
    assert fold([ev("reopened", 1)]).state == NEW  # reopen of an open warning is skipped
