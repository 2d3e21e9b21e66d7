"""The early-warning rules (F8) over plain records: pure functions, standard library only.

Each rule reads recent hazards, MES alarms or detected sensor anomalies and returns findings:
what it saw, about which subject, how serious, with the evidence. ``core/warnings.py`` turns
findings into warnings (once per key and episode) and does what a rule asks for (the key
monitoring list, a forced maintenance stop). Every rule's numbers are settings with defaults
and a plain-words explanation that quotes the current numbers.

Records are tuples so that half a million hazards are read and grouped quickly:
- hazard: (id, type, area_id, line_id, equipment_id, found_at ISO text)
- alarm: (id, equipment_id, at ISO text, kind, value)
- anomaly: (id, equipment_id, signal, kind, start ISO, end ISO, peak_score, baseline, peak)
Rejected and merged reports are left out by the repository: a duplicate is not a repeat.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core import i18n
from core.i18n import DomainError

REPEATS, PERSISTENCE, TIME_CLUSTER, MES, SENSOR = (
    "repeats", "persistence", "time_cluster", "mes", "sensor")
RULES = (REPEATS, PERSISTENCE, TIME_CLUSTER, MES, SENSOR)
SEVERITIES = ("red", "orange", "yellow", "suggestion")
OVER_TEMPERATURE = "over_temperature"
SIGNALS = ("vibration", "temperature", "current")
ANOMALY_KINDS = ("spike", "drift", "step")
SETTINGS_KEY = "warnings.rules"

HazardRow = tuple[str, str, str | None, str | None, str | None, str]
AlarmRow = tuple[str, str, str, str, float | None]
AnomalyRow = tuple[str, str, str, str, str, str, float, float | None, float | None]

DEFAULT_SETTINGS: dict[str, dict[str, float]] = {
    # The field report's stamping line B: the foot switch 7 times in two months -> red.
    REPEATS: {"days": 60, "orange": 5, "red": 7},
    # The punch press: abnormal reports in 3 consecutive months -> key monitoring.
    PERSISTENCE: {"months": 3},
    # Welding PPE violations at 15:00-16:00: one hour band holding 35% of a type's reports
    # (an even spread over a working day would be about 10%).
    TIME_CLUSTER: {"days": 180, "min_count": 10, "share": 35, "band_hours": 1},
    MES: {"count": 3, "gap_hours": 24, "recent_days": 30},
    # What the detector flags (analytics/sensor_anomaly.py): spikes beyond this many robust
    # deviations; drifts and steps through a CUSUM with this decision threshold.
    SENSOR: {"spike_mads": 8, "cusum_h": 12, "recent_days": 30},
}
# Per rule: (setting, label zh, label en, lowest, highest) — what the settings dialog edits.
SETTING_FIELDS: dict[str, tuple[tuple[str, str, str, float, float], ...]] = {
    REPEATS: (("days", "统计天数", "Days", 1, 365), ("orange", "橙色次数", "Orange at", 2, 100),
              ("red", "红色次数", "Red at", 2, 200)),
    PERSISTENCE: (("months", "连续月数", "Consecutive months", 2, 12),),
    TIME_CLUSTER: (("days", "统计天数", "Days", 7, 730),
                   ("min_count", "最少隐患数", "At least (reports)", 3, 1000),
                   ("share", "时段占比 %", "Share of one band %", 10, 100),
                   ("band_hours", "时段长度（小时）", "Band length (hours)", 1, 6)),
    MES: (("count", "连续超温次数", "Consecutive over-temperature alarms", 2, 20),
          ("gap_hours", "间隔不超过（小时）", "At most hours apart", 1, 168),
          ("recent_days", "只看最近天数", "Only the last days", 1, 365)),
    SENSOR: (("spike_mads", "尖峰阈值（MAD 倍数）", "Spike threshold (MADs)", 3, 50),
             ("cusum_h", "漂移阈值（CUSUM）", "Drift threshold (CUSUM)", 3, 100),
             ("recent_days", "只看最近天数", "Only the last days", 1, 365)),
}
RULE_NAMES = {
    REPEATS: ("重复隐患", "Repeated hazards"), PERSISTENCE: ("持续异常", "Persistent problems"),
    TIME_CLUSTER: ("时段集中", "Time clusters"), MES: ("MES 报警", "MES alarms"),
    SENSOR: ("传感器异常", "Sensor anomalies"),
}
SEVERITY_LABELS = {"red": ("红色预警", "Red"), "orange": ("橙色预警", "Orange"),
                   "yellow": ("黄色预警", "Yellow"), "suggestion": ("建议", "Suggestion")}
SIGNAL_LABELS = {"vibration": ("振动", "vibration"), "temperature": ("温度", "temperature"),
                 "current": ("电流", "current")}
ANOMALY_LABELS = {"spike": ("尖峰", "spike"), "drift": ("缓慢漂移", "drift"),
                  "step": ("突变", "step change")}

MESSAGES = {
    "rule.explain.repeats": {
        "zh_CN": "同一产线/区域同类隐患 {days} 天内出现 {orange} 次 → 橙色，{red} 次 → 红色。"
                 "产线上的隐患按产线计，其余按区域计；被合并或未采纳的报告不计。",
        "en": "The same hazard type on one line or area {orange} times within {days} days → "
              "orange, {red} times → red. Hazards on a line count for that line, others for "
              "their area; merged or rejected reports do not count.",
    },
    "rule.explain.persistence": {
        "zh_CN": "同一台设备连续 {months} 个月都有异常报告 → 列入重点监控名单（黄色预警）。",
        "en": "Reports about one machine in {months} consecutive months → the machine goes on "
              "the key-monitoring list (yellow).",
    },
    "rule.explain.time_cluster": {
        "zh_CN": "最近 {days} 天内，某区域某类隐患至少 {min_count} 条，且 {share}% 以上集中在同一个 "
                 "{band_hours} 小时时段 → 提出建议（如在该时段加强巡查）。",
        "en": "Within the last {days} days, when an area has at least {min_count} reports of one "
              "type and {share}% or more fall in the same {band_hours}-hour band → a suggestion "
              "(e.g. an extra round at that time).",
    },
    "rule.explain.mes": {
        "zh_CN": "同一台设备连续 {count} 次超温报警（相邻两次间隔不超过 {gap_hours} 小时，最近 "
                 "{recent_days} 天内）→ 设备列为高风险（重大），并自动登记一条“强制停机检修”重大隐患。",
        "en": "{count} over-temperature alarms in a row for one machine (at most {gap_hours} h "
              "apart, within the last {recent_days} days) → the machine is marked high risk "
              "(major) and a forced maintenance stop is recorded as a major hazard.",
    },
    "rule.explain.sensor": {
        "zh_CN": "振动、温度、电流读数与设备自身的正常水平比较：单点偏离超过 {spike_mads} 倍"
                 "稳健偏差（MAD）为尖峰；累积偏离（CUSUM）超过 {cusum_h} 为漂移或突变。最近 "
                 "{recent_days} 天内的异常发出预警。",
        "en": "Vibration, temperature and current are compared with the machine's own normal: "
              "a reading more than {spike_mads} robust deviations (MAD) away is a spike; a "
              "cumulative departure (CUSUM) above {cusum_h} is a drift or step change. "
              "Anomalies of the last {recent_days} days raise a warning.",
    },
    "rule.title.repeats": {
        "zh_CN": "{subject}：“{type}”{days} 天内出现 {count} 次",
        "en": "{subject}: “{type}” {count} times in {days} days",
    },
    "rule.title.persistence": {
        "zh_CN": "{subject} 连续 {months} 个月有异常报告，已列入重点监控",
        "en": "{subject}: reports in {months} consecutive months — on key monitoring",
    },
    "rule.title.time_cluster": {
        "zh_CN": "{subject}：“{type}”{share}% 集中在 {start:02d}:00–{end:02d}:00",
        "en": "{subject}: {share}% of “{type}” between {start:02d}:00 and {end:02d}:00",
    },
    "rule.title.mes": {
        "zh_CN": "{subject} 连续 {count} 次超温报警：已列为高风险，强制停机检修",
        "en": "{subject}: {count} over-temperature alarms in a row — high risk, forced "
              "maintenance stop",
    },
    "rule.title.sensor": {
        "zh_CN": "{subject}：{signal}{kind}，始于 {start}",
        "en": "{subject}: {signal} {kind} from {start}",
    },
    "rule.detail.repeats": {
        "zh_CN": "从 {first} 到 {last}，同类隐患反复出现 {count} 次。反复出现说明整改没有消除根本原因，"
                 "请组织原因分析（如更换部件、加装联锁）。",
        "en": "From {first} to {last} the same kind of hazard came back {count} times: the fixes "
              "did not remove the cause. Analyse the root cause (replace the part, add an "
              "interlock).",
    },
    "rule.detail.persistence": {
        "zh_CN": "{months_list} 每月都有关于这台设备的报告，共 {count} 条。请安排专项检查并跟踪。",
        "en": "Reports about this machine every month in {months_list}, {count} in all. Plan a "
              "dedicated check and follow it.",
    },
    "rule.detail.time_cluster": {
        "zh_CN": "最近 {days} 天的 {total} 条中有 {count} 条发生在这一时段。建议在该时段增加专项巡查或班前提醒。",
        "en": "{count} of {total} reports in the last {days} days fall in this band. Consider an "
              "extra round or a reminder before it.",
    },
    "rule.detail.mes": {
        "zh_CN": "{first} 至 {last} 连续 {count} 次超温，最高 {peak}。已登记重大隐患 {number}。",
        "en": "{count} over-temperature alarms from {first} to {last}, highest {peak}. Major "
              "hazard {number} recorded.",
    },
    "rule.detail.sensor": {
        "zh_CN": "{start} 至 {end}，{signal}偏离自身正常水平（基线 {baseline}，峰值 {peak}，评分 {score}）。",
        "en": "From {start} to {end} the {signal} left its normal level (baseline {baseline}, "
              "peak {peak}, score {score}).",
    },
    "rule.bad_setting": {
        "zh_CN": "“{field}”应在 {low} 到 {high} 之间。",
        "en": "“{field}” must be between {low} and {high}.",
    },
    "rule.red_below_orange": {
        "zh_CN": "红色次数（{red}）必须大于橙色次数（{orange}）。",
        "en": "The red count ({red}) must be above the orange count ({orange}).",
    },
}
i18n.register(MESSAGES)


def pick(table: Mapping[str, tuple[str, str]], key: str, lang: str | None = None) -> str:
    zh, en = table.get(key, (key, key))
    return en if (lang or i18n.language()) == "en" else zh


# --- Settings -------------------------------------------------------------------------------


def merged_settings(raw: str | Mapping[str, Any] | None) -> dict[str, dict[str, float]]:
    """The stored settings over the defaults; a hand-edited, broken value falls back."""
    data: Any = raw
    if isinstance(raw, str):
        try:
            data = json.loads(raw)
        except ValueError:
            data = {}
    out = {rule: dict(values) for rule, values in DEFAULT_SETTINGS.items()}
    if isinstance(data, Mapping):
        for rule, values in data.items():
            if rule in out and isinstance(values, Mapping):
                for key, value in values.items():
                    if key in out[rule] and isinstance(value, (int, float)):
                        out[rule][key] = value
    return out


def validate_settings(settings: Mapping[str, Mapping[str, float]],
                      lang: str | None = None) -> dict[str, dict[str, float]]:
    """Bounds per field and the one relation between fields; raises DomainError."""
    out = merged_settings(dict(settings))
    for rule, fields in SETTING_FIELDS.items():
        for name, zh, en, low, high in fields:
            value = out[rule][name]
            if not low <= value <= high:
                raise DomainError("rule.bad_setting", field=en if (lang or i18n.language()) == "en"
                                  else zh, low=_num(low), high=_num(high))
    if out[REPEATS]["red"] <= out[REPEATS]["orange"]:
        raise DomainError("rule.red_below_orange", red=_num(out[REPEATS]["red"]),
                          orange=_num(out[REPEATS]["orange"]))
    return out


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def explain(rule: str, settings: Mapping[str, Mapping[str, float]] | None = None,
            lang: str | None = None) -> str:
    """The rule in plain words with its current numbers."""
    values = merged_settings(dict(settings or {}))[rule]
    return i18n.t(f"rule.explain.{rule}", lang, **{k: _num(v) for k, v in values.items()})


# --- Findings -------------------------------------------------------------------------------


@dataclass
class Finding:
    rule: str
    severity: str
    subject_kind: str  # area | line | equipment | type
    subject_id: str
    key: str  # stable per rule and subject (and episode, for MES and sensor)
    params: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, Any] = field(default_factory=dict)
    latest: str = ""  # ISO time of the newest evidence: a closed warning reopens only after it


def _parse(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _start_of(today: dt.date) -> dt.datetime:
    return dt.datetime.combine(today, dt.time()) + dt.timedelta(days=1)  # end of today


def lookback_days(settings: Mapping[str, Mapping[str, float]]) -> int:
    """How far back the hazard rules read (the repository fetches only that much)."""
    s = merged_settings(dict(settings))
    return int(max(2 * s[REPEATS]["days"], 31 * (s[PERSISTENCE]["months"] + 1),
                   s[TIME_CLUSTER]["days"])) + 1


def repeats(hazards: Iterable[HazardRow], settings: Mapping[str, float],
            today: dt.date) -> list[Finding]:
    """The same type on the same line (or, off any line, the same area) ``orange`` times within
    ``days`` days → orange, ``red`` times → red. The densest window that reaches into the last
    ``days`` days counts: an old burst that stopped is history, not a warning."""
    days = dt.timedelta(days=settings["days"])
    orange, red = int(settings["orange"]), int(settings["red"])
    end = _start_of(today)
    recent, horizon = end - days, end - 2 * days
    horizon_text, end_text = horizon.isoformat(), end.isoformat()
    groups: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for hid, type_, area, line, _eq, found in hazards:
        if found < horizon_text or found >= end_text:
            continue
        if line:
            groups[("line", line, type_)].append((found, hid))
        elif area:
            groups[("area", area, type_)].append((found, hid))
    out = []
    for (kind, subject, type_), items in groups.items():
        if len(items) < orange:
            continue
        items.sort()
        times = [_parse(f) for f, _ in items]
        best, best_span = 0, (0, 0)
        start = 0
        for j, t in enumerate(times):
            while t - times[start] > days:
                start += 1
            if t >= recent and j - start + 1 >= best:
                best, best_span = j - start + 1, (start, j)
        if best < orange:
            continue
        lo, hi = best_span
        out.append(Finding(
            REPEATS, "red" if best >= red else "orange", kind, subject,
            f"{REPEATS}:{kind}:{subject}:{type_}",
            {"type": type_, "count": best, "days": int(settings["days"]),
             "first": items[lo][0][:10], "last": items[hi][0][:10]},
            {"hazards": [hid for _, hid in items[lo:hi + 1]]}, items[hi][0]))
    return out


def _month_index(text: str) -> int:
    return int(text[:4]) * 12 + int(text[5:7]) - 1


def persistence(hazards: Iterable[HazardRow], settings: Mapping[str, float],
                today: dt.date) -> list[Finding]:
    """Reports about one machine in ``months`` consecutive calendar months, the run ending in
    this month or the last (early in a month, the current one may not have had its report)."""
    months = int(settings["months"])
    now = today.year * 12 + today.month - 1
    first_month = now - months  # runs ending last month start here
    by_machine: dict[str, dict[int, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for hid, _type, _area, _line, equipment, found in hazards:
        if not equipment:
            continue
        m = _month_index(found)
        if first_month <= m <= now:
            by_machine[equipment][m].append((found, hid))
    out = []
    for equipment, per_month in by_machine.items():
        for last in (now, now - 1):
            run = [last - k for k in range(months)]
            if all(m in per_month for m in run):
                break
        else:
            continue
        run.sort()
        items = sorted(x for m in run for x in per_month[m])
        labels = [f"{m // 12}-{m % 12 + 1:02d}" for m in run]
        out.append(Finding(
            PERSISTENCE, "yellow", "equipment", equipment, f"{PERSISTENCE}:equipment:{equipment}",
            {"months": months, "months_list": labels, "count": len(items)},
            {"hazards": [hid for _, hid in items]}, items[-1][0]))
    return out


def time_clusters(hazards: Iterable[HazardRow], settings: Mapping[str, float],
                  today: dt.date) -> list[Finding]:
    """A type whose reports in one area crowd into one band of the day: the band with the
    largest share of the last ``days`` days, when it holds ``share`` percent or more."""
    end = _start_of(today)
    start_text = (end - dt.timedelta(days=settings["days"])).isoformat()
    end_text = end.isoformat()
    band = int(settings["band_hours"])
    groups: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    for hid, type_, area, _line, _eq, found in hazards:
        if area and start_text <= found < end_text:
            groups[(area, type_)].append((int(found[11:13]), found, hid))
    out = []
    for (area, type_), items in groups.items():
        total = len(items)
        if total < settings["min_count"]:
            continue
        hours = [0] * 24
        for hour, _f, _h in items:
            hours[hour] += 1
        best_start, best = max(((h, sum(hours[(h + k) % 24] for k in range(band)))
                                for h in range(24)), key=lambda x: (x[1], -x[0]))
        share = 100.0 * best / total
        if share < settings["share"]:
            continue
        in_band = sorted((f, hid) for hour, f, hid in items
                         if (hour - best_start) % 24 < band)
        out.append(Finding(
            TIME_CLUSTER, "suggestion", "area", area,
            f"{TIME_CLUSTER}:area:{area}:{type_}:{best_start}",
            {"type": type_, "start": best_start, "end": (best_start + band) % 24,
             "share": round(share), "count": best, "total": total,
             "days": int(settings["days"])},
            {"hazards": [hid for _, hid in in_band], "hours": hours}, in_band[-1][0]))
    return out


def mes_overtemperature(alarms: Iterable[AlarmRow], settings: Mapping[str, float],
                        today: dt.date) -> list[Finding]:
    """``count`` over-temperature alarms in a row for one machine, each at most ``gap_hours``
    after the one before; any other alarm kind in between breaks the row. One finding per
    episode (keyed by its first alarm), however long the row grows."""
    need, gap = int(settings["count"]), dt.timedelta(hours=settings["gap_hours"])
    since = (_start_of(today) - dt.timedelta(days=settings["recent_days"])).isoformat()
    by_machine: dict[str, list[AlarmRow]] = defaultdict(list)
    for alarm in alarms:
        by_machine[alarm[1]].append(alarm)
    out = []
    for equipment, items in by_machine.items():
        items.sort(key=lambda a: (a[2], a[0]))
        run: list[AlarmRow] = []
        runs = []
        for alarm in items:
            if alarm[3] != OVER_TEMPERATURE:
                runs.append(run)
                run = []
                continue
            if run and _parse(alarm[2]) - _parse(run[-1][2]) > gap:
                runs.append(run)
                run = []
            run.append(alarm)
        runs.append(run)
        for run in runs:
            if len(run) < need or run[-1][2] < since:
                continue
            peaks = [a[4] for a in run if a[4] is not None]
            out.append(Finding(
                MES, "red", "equipment", equipment, f"{MES}:equipment:{equipment}:{run[0][0]}",
                {"count": len(run), "first": run[0][2][:16].replace("T", " "),
                 "last": run[-1][2][:16].replace("T", " "),
                 "peak": _num(round(max(peaks), 1)) if peaks else "—"},
                # the alarm that made the row long enough: when the stop became due
                {"alarms": [a[0] for a in run], "trigger_at": run[need - 1][2]}, run[-1][2]))
    return out


def sensor_findings(anomalies: Iterable[AnomalyRow], settings: Mapping[str, float],
                    today: dt.date) -> list[Finding]:
    """Each recent detected anomaly is a warning: drifts and steps orange, spikes yellow."""
    since = (_start_of(today) - dt.timedelta(days=settings["recent_days"])).isoformat()
    out = []
    for aid, equipment, signal, kind, start, end, score, baseline, peak in anomalies:
        if end < since:
            continue
        out.append(Finding(
            SENSOR, "yellow" if kind == "spike" else "orange", "equipment", equipment,
            f"{SENSOR}:equipment:{equipment}:{signal}:{start}",
            {"signal": signal, "kind": kind, "start": start[:16].replace("T", " "),
             "end": end[:16].replace("T", " "), "score": round(score, 1),
             "baseline": "—" if baseline is None else _num(round(baseline, 2)),
             "peak": "—" if peak is None else _num(round(peak, 2))},
            {"anomaly": aid, "signal": signal, "start": start, "end": end}, end))
    return out


def run_all(hazards: Sequence[HazardRow], alarms: Sequence[AlarmRow],
            anomalies: Sequence[AnomalyRow], settings: Mapping[str, Mapping[str, float]],
            today: dt.date) -> list[Finding]:
    s = merged_settings(dict(settings))
    return [*repeats(hazards, s[REPEATS], today), *persistence(hazards, s[PERSISTENCE], today),
            *time_clusters(hazards, s[TIME_CLUSTER], today),
            *mes_overtemperature(alarms, s[MES], today),
            *sensor_findings(anomalies, s[SENSOR], today)]
