"""Early-warning work that joins the workspace to numpy analysis: MES alarm and sensor imports,
the anomaly detector over stored series, and "run all rules" (analyse what is new, then rules).

Sensor analysis lives here, not in WarningService, because the detector (analytics/) sits
beside db/ in the layers: the workspace cannot call it, a job can. Whoever runs the rules for a
person (the CLI, the warnings page) calls ``run_warnings``, which first analyses series that
were imported since the last analysis, so detected anomalies become warnings in the same run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from analytics.sensor_anomaly import Settings, detect
from core import i18n
from core.auth import Actor, Permission, require
from core.i18n import DomainError
from core.importing import fold_key, normalize_text
from core.readings_import import (
    KIND_HEADERS,
    MACHINE_HEADERS,
    MAPPING_CODE,
    MAPPING_MES,
    SIGNAL_HEADERS,
    TIME_HEADERS,
    VALUE_HEADERS,
    Resolver,
    RowProblem,
    check_alarm,
    find_column,
    mes_key,
    normalise_signal,
    parse_value,
)
from core.warning_rules import SENSOR, SIGNAL_LABELS, SIGNALS, TIME_CLUSTER, pick
from core.warnings import RunSummary, WarningItem
from db.sensor_store import SensorStore, to_seconds, to_text
from db.workspace import Workspace
from reports.warning_charts import HoursChart, SeriesChart

ProgressFn = Callable[[int, int, str], None]
MAX_PROBLEMS = 200  # enough to fix a file; a wholly wrong file does not print a million lines
FLUSH_ROWS = 200_000  # readings parsed between conversions to compact arrays


@dataclass
class ImportOutcome:
    problems: list[RowProblem] = field(default_factory=list)
    added: int = 0
    skipped: int = 0
    mapped: int = 0
    series: int = 0
    anomalies: int = 0
    summary: RunSummary | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def sensor_store(ws: Workspace) -> SensorStore:
    return SensorStore(ws.data_dir / "sensors")


def _open_text(path: Path) -> io.TextIOWrapper:
    try:
        # utf-8-sig: Excel writes a byte-order mark into CSV files
        return open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by caller
    except OSError as exc:
        raise DomainError("readings.unreadable", path=str(path), reason=exc.strerror or exc) from exc


def _dict_rows(path: Path) -> Iterator[tuple[int, dict[str, object]]]:
    """(row number as a person counts it, row) from a CSV (header row 1) or JSON file (an array
    of objects, or one object per line)."""
    if path.suffix.lower() in (".json", ".jsonl"):
        with _open_text(path) as handle:
            text = handle.read()
        try:
            data = json.loads(text)
            items = data if isinstance(data, list) else data.get("alarms", [data])
        except ValueError:
            try:
                items = [json.loads(line) for line in text.splitlines() if line.strip()]
            except ValueError as exc:
                raise DomainError("readings.unreadable", path=str(path), reason=str(exc)) from exc
        for i, item in enumerate(items, start=1):
            yield i, {str(k): v for k, v in item.items()} if isinstance(item, dict) else {}
        return
    with _open_text(path) as handle:
        reader = csv.DictReader(handle)
        for i, row in enumerate(reader, start=2):
            yield i, row


def _peek_headers(path: Path) -> list[str]:
    for _i, row in _dict_rows(path):
        return list(row)
    return []


def read_mapping(ws: Workspace, path: Path) -> tuple[dict[str, str], list[RowProblem]]:
    codes = ws.warnings_repo.equipment_codes()
    headers = _peek_headers(path)
    mes_col, code_col = find_column(headers, MAPPING_MES), find_column(headers, MAPPING_CODE)
    if not mes_col or not code_col:
        raise DomainError("readings.missing_columns", columns="mes_id, equipment_code",
                          found=", ".join(headers))
    mapping, problems = {}, []
    by_key = {fold_key(code): equipment_id for code, equipment_id in codes.items()}
    for row_no, row in _dict_rows(path):
        # both columns are codes: matched like the equipment import matches codes
        mes_id, code = mes_key(row.get(mes_col) or ""), normalize_text(row.get(code_col) or "")
        if not mes_id and not code:
            continue
        if fold_key(code) not in by_key:
            problems.append(RowProblem("readings.bad_mapping", {"row": row_no, "code": code}))
        else:
            mapping[mes_id] = by_key[fold_key(code)]
    return mapping, problems


def import_mes_alarms(ws: Workspace, actor: Actor, path: Path | str,
                      mapping_path: Path | str | None = None,
                      today: dt.date | None = None, run_rules: bool = True) -> ImportOutcome:
    """All or nothing: any bad row (unknown machine, bad time, no kind) stores nothing."""
    require(actor, Permission.DISPATCH_HAZARD)
    path = Path(path)
    outcome = ImportOutcome()
    mapping: dict[str, str] = {}
    if mapping_path:
        mapping, outcome.problems = read_mapping(ws, Path(mapping_path))
    resolve = Resolver(ws.warnings_repo.equipment_codes(),
                       {**ws.warnings_repo.mes_mappings(), **mapping})
    headers = _peek_headers(path)
    cols = {name: find_column(headers, names) for name, names in (
        ("machine", MACHINE_HEADERS), ("time", TIME_HEADERS), ("kind", KIND_HEADERS),
        ("value", VALUE_HEADERS))}
    missing = [n for n in ("machine", "time", "kind") if not cols[n]]
    if missing:
        raise DomainError("readings.missing_columns", columns=", ".join(missing),
                          found=", ".join(headers))
    now = ws.warnings.now()
    rows = []
    for row_no, row in _dict_rows(path):
        alarm, problems = check_alarm(
            row_no, str(row.get(cols["machine"] or "") or ""), str(row.get(cols["time"] or "") or ""),
            str(row.get(cols["kind"] or "") or ""), row.get(cols["value"]) if cols["value"] else None,
            resolve, now)
        if problems:
            if len(outcome.problems) < MAX_PROBLEMS:
                outcome.problems.extend(problems)
            continue
        assert alarm is not None
        rows.append({**alarm, "source_file": path.name})
    if not rows and not outcome.problems:
        raise DomainError("readings.empty")
    if outcome.problems:
        return outcome
    with ws.db.transaction():
        outcome.mapped = ws.warnings_repo.save_mappings(mapping) if mapping else 0
        outcome.added, outcome.skipped = ws.warnings_repo.add_alarms(rows)
    if run_rules:
        outcome.summary = ws.warnings.run_rules(actor, today)
    return outcome


def import_sensor(ws: Workspace, actor: Actor, path: Path | str,
                  today: dt.date | None = None, run_rules: bool = True,
                  progress: ProgressFn | None = None) -> ImportOutcome:
    """Long CSV (machine, time, signal, value) or wide (machine, time, vibration, temperature,
    current). Read as a stream; parsed readings are kept as compact arrays, not row objects.
    All or nothing: any bad row stores nothing."""
    require(actor, Permission.DISPATCH_HAZARD)
    path = Path(path)
    outcome = ImportOutcome()
    resolve = Resolver(ws.warnings_repo.equipment_codes(), ws.warnings_repo.mes_mappings())
    headers = _peek_headers(path)
    machine_col, time_col = find_column(headers, MACHINE_HEADERS), find_column(headers, TIME_HEADERS)
    signal_col, value_col = find_column(headers, SIGNAL_HEADERS), find_column(headers, VALUE_HEADERS)
    wide = {h: normalise_signal(h) for h in headers if normalise_signal(h)}
    if not machine_col or not time_col or not ((signal_col and value_col) or wide):
        raise DomainError("readings.missing_columns",
                          columns="machine, time, signal, value / vibration, temperature, current",
                          found=", ".join(headers))
    # series -> lists of chunks; pending python lists are converted every FLUSH_ROWS readings
    chunks: dict[tuple[str, str], list[tuple[np.ndarray, np.ndarray]]] = {}
    pending: dict[tuple[str, str], tuple[list[int], list[float]]] = {}
    held = 0
    cache: dict[str, str | None] = {}
    latest = int(np.datetime64(ws.warnings.now() + dt.timedelta(minutes=5), "s").astype(np.int64))

    def flush() -> None:
        for key, (times, values) in pending.items():
            if times:
                chunks.setdefault(key, []).append(
                    (np.asarray(times, dtype=np.int64), np.asarray(values, dtype=np.float32)))
        pending.clear()

    def problem(key: str, **params: object) -> None:
        if len(outcome.problems) < MAX_PROBLEMS:
            outcome.problems.append(RowProblem(key, dict(params)))

    for row_no, row in _dict_rows(path):
        machine = str(row.get(machine_col) or "").strip()
        if machine not in cache:
            cache[machine] = resolve(machine)
        equipment_id = cache[machine]
        if not equipment_id:
            problem("readings.unknown_machine", row=row_no, machine=machine)
            continue
        text = str(row.get(time_col) or "").strip().replace("/", "-")
        try:
            moment = np.datetime64(text.replace(" ", "T"), "s")
        except ValueError:
            moment = None
        if moment is None or len(text) < 16 or np.isnat(moment):
            problem("readings.bad_time", row=row_no, value=text)
            continue
        stamp = int(moment.astype(np.int64))
        if stamp > latest:
            problem("readings.future_time", row=row_no, value=text)
            continue
        if wide:
            items = [(signal, row.get(column)) for column, signal in wide.items()]
        else:
            signal = normalise_signal(str(row.get(signal_col) or ""))
            if signal is None:
                problem("readings.bad_signal", row=row_no, value=row.get(signal_col))
                continue
            items = [(signal, row.get(value_col))]
        for signal, raw in items:
            ok, value = parse_value(raw)
            if not ok:
                problem("readings.bad_value", row=row_no, value=raw)
                continue
            if value is None:
                continue  # an empty cell in a wide file: that signal was not read then
            times, values = pending.setdefault((equipment_id, signal), ([], []))
            times.append(stamp)
            values.append(value)
            held += 1
        if held >= FLUSH_ROWS:
            flush()
            held = 0
            if progress:
                progress(0, 0, str(row_no))
    flush()
    if outcome.problems:
        return outcome
    if not chunks:
        raise DomainError("readings.empty")
    store = sensor_store(ws)
    merged = {}
    # readings this PC holds per series: what the merge adds beyond them is new; the rest were
    # stored already (a re-import of the same file adds nothing and says so)
    held_before = {(e, s): count for e, s, _first, _last, count, _done in ws.warnings_repo.series()}
    for (equipment_id, signal), parts in chunks.items():
        t = np.concatenate([p[0] for p in parts])
        v = np.concatenate([p[1] for p in parts])
        merged[(equipment_id, signal)] = store.merged(equipment_id, signal, t, v)
        new = len(merged[(equipment_id, signal)][0]) - held_before.get((equipment_id, signal), 0)
        outcome.added += new
        outcome.skipped += len(t) - new
    staged = store.stage(merged)
    try:
        with ws.db.transaction():
            for (equipment_id, signal), (t, _v) in merged.items():
                ws.warnings_repo.note_series(equipment_id, signal, to_text(t[0]), to_text(t[-1]),
                                             len(t))
            store.commit(staged)
    except BaseException:
        store.discard(staged)
        raise
    outcome.series = len(merged)
    if run_rules:
        outcome.anomalies = analyse_pending(ws)
        outcome.summary = ws.warnings.run_rules(actor, today)
    return outcome


def analyse_pending(ws: Workspace, progress: ProgressFn | None = None) -> int:
    """Run the detector over every series imported since its last analysis; store what it
    finds (idempotent: anomaly ids come from machine, signal and start)."""
    settings = Settings.from_rule(ws.warnings.rule_settings()[SENSOR])
    store = sensor_store(ws)
    pending = ws.warnings_repo.series(pending_only=True)
    found = 0
    for i, (equipment_id, signal, *_rest) in enumerate(pending):
        if progress:
            progress(i, len(pending), signal)
        t, v = store.load(equipment_id, signal)
        rows = [{
            "equipment_id": equipment_id, "signal": signal, "kind": a.kind,
            "start_at": to_text(t[a.start]), "end_at": to_text(t[a.end]),
            "peak_score": round(a.peak_score, 2), "baseline": round(a.baseline, 3),
            "peak_value": round(a.peak_value, 3)} for a in detect(v, settings)]
        with ws.db.transaction():
            found += ws.warnings_repo.add_anomalies(rows)
            ws.warnings_repo.mark_analysed(equipment_id, signal)
    return found


def run_warnings(ws: Workspace, actor: Actor, today: dt.date | None = None,
                 progress: ProgressFn | None = None) -> RunSummary:
    """What "run the rules now" means: analyse new readings, then every rule."""
    require(actor, Permission.DISPATCH_HAZARD)
    analyse_pending(ws, progress)
    return ws.warnings.run_rules(actor, today)


@dataclass(frozen=True)
class SeriesWindow:
    equipment: str
    signal: str
    times: np.ndarray  # datetime64[s]
    values: np.ndarray
    start: np.datetime64
    end: np.datetime64
    baseline: float | None


def series_window(ws: Workspace, actor: Actor, anomaly_id: str, pad_hours: float = 24,
                  max_points: int = 4000) -> SeriesWindow | None:
    """The readings around an anomaly for its chart (thinned to about ``max_points``)."""
    require(actor, Permission.VIEW_HAZARDS)
    row = ws.warnings_repo.anomaly(anomaly_id)
    if row is None:
        return None
    t, v = sensor_store(ws).load(row["equipment_id"], row["signal"])
    if len(t) == 0:
        return None
    start, end = to_seconds([row["start_at"]])[0], to_seconds([row["end_at"]])[0]
    pad = int(max(pad_hours * 3600, (end - start) * 0.5))
    lo, hi = np.searchsorted(t, start - pad), np.searchsorted(t, end + pad, side="right")
    step = max(1, (hi - lo) // max_points)
    if step > 1:  # keep each stretch's extreme so a spike survives thinning
        idx = np.arange(lo, hi - step + 1, step)
        seg = v[lo:lo + len(idx) * step].reshape(len(idx), step)
        pick = idx + np.argmax(np.abs(seg - np.median(seg, axis=1, keepdims=True)), axis=1)
    else:
        pick = np.arange(lo, hi)
    names = ws.warnings_repo.subject_names("equipment", [row["equipment_id"]])
    return SeriesWindow(names.get(row["equipment_id"], ""), row["signal"],
                        t[pick].astype("datetime64[s]"), v[pick], np.datetime64(int(start), "s"),
                        np.datetime64(int(end), "s"), row.get("baseline"))


__all__ = ["SIGNALS", "ImportOutcome", "SeriesWindow", "analyse_pending", "import_mes_alarms",
           "import_sensor", "pending_series", "run_warnings", "series_window", "warning_chart"]


i18n.register({
    "chart.anomaly": {"zh_CN": "异常时段", "en": "Anomaly"},
    "chart.baseline": {"zh_CN": "正常水平", "en": "Normal level"},
    "chart.hour": {"zh_CN": "一天中的时刻（时）", "en": "Hour of the day"},
    "chart.count": {"zh_CN": "隐患数", "en": "Hazards"},
    "chart.series_title": {"zh_CN": "{equipment} · {signal}读数",
                           "en": "{equipment} · {signal} readings"},
})
_UNITS = {"vibration": "mm/s", "temperature": "°C", "current": "A"}


def pending_series(ws: Workspace) -> int:
    """How many imported series wait for the detector (the page runs the rules when > 0)."""
    return len(ws.warnings_repo.series(pending_only=True))


def warning_chart(ws: Workspace, actor: Actor, warning: WarningItem,
                  lang: str | None = None) -> SeriesChart | HoursChart | None:
    """The chart that shows why ``warning`` was raised, or None when it has none."""
    if warning.rule == TIME_CLUSTER and warning.evidence.get("hours"):
        p = warning.params
        return HoursChart(warning.title(lang), warning.evidence["hours"], int(p["start"]),
                          int(p["end"]) if int(p["end"]) != int(p["start"]) else int(p["start"]) + 1,
                          i18n.t("chart.hour", lang), i18n.t("chart.count", lang))
    if warning.rule == SENSOR and warning.evidence.get("anomaly"):
        window = series_window(ws, actor, warning.evidence["anomaly"])
        if window is None:
            return None  # the readings are on the PC that imported them
        signal = pick(SIGNAL_LABELS, window.signal, lang)
        return SeriesChart(
            i18n.t("chart.series_title", lang, equipment=window.equipment, signal=signal),
            f"{signal} ({_UNITS.get(window.signal, '')})", window.times, window.values,
            window.start, window.end, window.baseline, i18n.t("chart.anomaly", lang),
            i18n.t("chart.baseline", lang))
    return None
