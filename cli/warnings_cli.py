"""`import mes-alarms FILE [--mapping FILE]`, `import sensor FILE`, `warnings [--json]`.

`warnings` runs every rule (after analysing newly imported sensor readings) and prints the
active warnings: a short table, or one JSON object per line with --json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from core import i18n
from core.auth import SYSTEM
from core.i18n import t
from core.warning_rules import RULE_NAMES, SEVERITY_LABELS, pick
from core.warnings import STATE_LABELS, WarningItem, WarningQuery
from db.workspace import Workspace

i18n.register({
    "cli.warnings_none": {"zh_CN": "当前没有预警。", "en": "No active warnings."},
    "cli.warnings_count": {"zh_CN": "共 {count} 条有效预警（本次新增 {raised} 条）。",
                           "en": "Active warnings: {count} (new in this run: {raised})."},
    "cli.warnings_new_hazards": {"zh_CN": "已按 MES 规则登记重大隐患：{numbers}",
                                 "en": "Major hazards recorded by the MES rule: {numbers}"},
})


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("warnings", help="run the warning rules and print active warnings")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--today", metavar="DATE", help=argparse.SUPPRESS)  # tests and demos


def add_import_parsers(imp_sub: argparse._SubParsersAction) -> None:
    mes = imp_sub.add_parser("mes-alarms", help="MES equipment alarms (.csv or .json)")
    mes.add_argument("file")
    mes.add_argument("--mapping", help="CSV: mes_id,equipment_code")
    sensor = imp_sub.add_parser("sensor", help="sensor readings (.csv: machine,time,signal,value "
                                "or machine,time,vibration,temperature,current)")
    sensor.add_argument("file")


def _today(args: argparse.Namespace) -> dt.date | None:
    from cli.hazards_cli import parse_date

    return parse_date(getattr(args, "today", None))


def _print_problems(problems: list) -> int:
    for problem in problems:
        print(problem.message())
    print(t("readings.failed", count=len(problems)), file=sys.stderr)
    return 1


def cmd_import(ws: Workspace, args: argparse.Namespace) -> int:
    from pathlib import Path

    from jobs.warning_jobs import import_mes_alarms, import_sensor

    if not ws.is_initialised():
        print(t("cli.not_initialised", path=ws.data_dir), file=sys.stderr)
        return 1
    if args.what == "mes-alarms":
        outcome = import_mes_alarms(ws, SYSTEM, Path(args.file),
                                    Path(args.mapping) if args.mapping else None)
        if not outcome.ok:
            return _print_problems(outcome.problems)
        print(t("readings.mes_done", added=outcome.added, skipped=outcome.skipped,
                mapped=outcome.mapped))
    else:
        outcome = import_sensor(ws, SYSTEM, Path(args.file))
        if not outcome.ok:
            return _print_problems(outcome.problems)
        print(t("readings.sensor_done", added=outcome.added, skipped=outcome.skipped,
                series=outcome.series, anomalies=outcome.anomalies))
    if outcome.summary is not None:
        _say_summary(ws, outcome.summary)
    return 0


def _say_summary(ws: Workspace, summary) -> None:
    print(t("cli.warnings_count", count=summary.active, raised=summary.raised))
    if summary.hazards_created:
        numbers = [ws.hazards.get(SYSTEM, h).number for h in summary.hazards_created]
        print(t("cli.warnings_new_hazards", numbers=", ".join(numbers)))


def as_json(w: WarningItem, lang: str) -> str:
    evidence = {k: len(v) for k, v in w.evidence.items() if isinstance(v, list) and k != "hours"}
    return json.dumps({
        "id": w.id, "rule": w.rule, "severity": w.severity, "state": w.state.state,
        "subject": {"kind": w.subject_kind, "id": w.subject_id,
                    "name": w.params.get("subject", "")},
        "title": w.title(lang), "evidence": evidence, "first_seen": w.first_seen,
    }, ensure_ascii=False)


def cmd_warnings(ws: Workspace, args: argparse.Namespace) -> int:
    from jobs.warning_jobs import run_warnings

    if not ws.is_initialised():
        print(t("cli.not_initialised", path=ws.data_dir), file=sys.stderr)
        return 1
    summary = run_warnings(ws, SYSTEM, _today(args))
    items = ws.warnings.list(SYSTEM, WarningQuery(active_only=True))
    lang = i18n.language()
    if args.json:
        for w in items:
            print(as_json(w, lang))
        return 0
    if not items:
        print(t("cli.warnings_none"))
        return 0
    for w in items:
        print(f"[{pick(SEVERITY_LABELS, w.severity)}] {pick(RULE_NAMES, w.rule)} · "
              f"{pick(STATE_LABELS, w.state.state)} · {w.title(lang)}")
    _say_summary(ws, summary)
    return 0
