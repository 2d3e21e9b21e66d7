"""`report`: make a ledger, register, map or form from the command line.

`python main.py report NAME [--from DATE] [--to DATE] [--period 2025-06|2025Q2|2025]
[--hazard NUMBER] [--plan NAME] [--before A..B --after A..B] -o FILE.pdf|xlsx|png`;
`python main.py report --list`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core import i18n
from core.i18n import DomainError, t
from core.metrics import periods_overlap
from core.periods import Period, period_of
from db.workspace import Workspace
from jobs.report_catalog import ReportRequest, load_all
from reports.output_file import check_output

i18n.register({
    "cli.report_unknown": {
        "zh_CN": "没有报表“{name}”。可用：{names}",
        "en": "There is no report “{name}”. Reports: {names}",
    },
    "cli.report_no_name": {
        "zh_CN": "请给出报表名称，或用 --list 查看全部报表。",
        "en": "Name a report, or use --list to see them all.",
    },
    "cli.report_no_output": {
        "zh_CN": "请用 -o 给出输出文件（{formats}）。",
        "en": "Give the output file with -o ({formats}).",
    },
    "cli.report_bad_format": {
        "zh_CN": "报表“{name}”不能输出为 .{suffix}；可用：{formats}",
        "en": "The report “{name}” cannot be written as .{suffix}; use {formats}",
    },
    "cli.report_needs": {
        "zh_CN": "报表“{name}”需要参数 {option}。",
        "en": "The report “{name}” needs {option}.",
    },
    "cli.report_bad_range": {
        "zh_CN": "“{value}”不是期间范围；应为 2024-01..2024-06、2024-01-01..2024-06-30 "
                 "或单个月份 2024-05。",
        "en": "“{value}” is not a range; use 2024-01..2024-06, 2024-01-01..2024-06-30 or one "
              "month such as 2024-05.",
    },
    "cli.report_period_or_range": {
        "zh_CN": "--period 与 --from/--to 只能二选一。",
        "en": "Give either --period or --from/--to, not both.",
    },
    "cli.report_no_period": {
        "zh_CN": "提示：报表“{name}”不按期间出具（按当前数据），已忽略 --period/--from/--to。",
        "en": "Note: the report “{name}” has no period (it shows the current data); "
              "--period/--from/--to ignored.",
    },
    "cli.report_done": {
        "zh_CN": "已生成{title}：{path}",
        "en": "{title} written to {path}",
    },
})


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="ledgers, registers, maps and forms (PDF / Excel / PNG)")
    p.add_argument("name", nargs="?", help="report name (see --list)")
    p.add_argument("--list", action="store_true", help="list the reports")
    p.add_argument("-o", "--output", type=Path)
    p.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD)")
    p.add_argument("--period", help="2025-06 (month), 2025Q2 (quarter) or 2025 (year)")
    p.add_argument("--hazard", metavar="NUMBER", help="hazard number (notice / acceptance)")
    p.add_argument("--plan", metavar="NAME", help="floor plan name (four-colour map)")
    p.add_argument("--area", help="area name or code")
    p.add_argument("--equipment", metavar="CODE", help="equipment code")
    p.add_argument("--paper", choices=["A4", "A3"], help="paper size where a report offers both")
    p.add_argument("--before", metavar="A..B", help="effect metrics: the 'before' months")
    p.add_argument("--after", metavar="A..B", help="effect metrics: the 'after' months")


def parse_range(text: str) -> Period:
    """2024-01..2024-06 (months, inclusive), 2024-01-01..2024-06-30 (days), or one month or
    day alone (2025-05 is May 2025)."""
    parts = text.split("..") if ".." in text else [text, text]
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise DomainError("cli.report_bad_range", value=text)
    try:
        ends = [period_of(period=p) if len(p.strip()) <= 7 else period_of(start=p, end=p)
                for p in parts]
    except DomainError:
        raise DomainError("cli.report_bad_range", value=text) from None
    start, end = ends[0].start, ends[1].end
    if start and end and start > end:
        raise DomainError("period.reversed", start=start, end=end)
    return Period(start, end, "range")


def print_list() -> int:
    lang = i18n.language()
    for spec in load_all().values():
        print(f"{spec.name:24} {'/'.join(spec.formats):10} {spec.title_in(lang)}")
    return 0


def cmd_report(ws_opener, args: argparse.Namespace) -> int:
    reports = load_all()
    if args.list:
        return print_list()
    if not args.name:
        raise DomainError("cli.report_no_name")
    spec = reports.get(args.name)
    if spec is None:
        raise DomainError("cli.report_unknown", name=args.name, names=", ".join(reports))
    if args.output is None:
        raise DomainError("cli.report_no_output", formats=", ".join(spec.formats))
    check_output(args.output, spec.formats)  # a folder, no extension, a missing folder
    suffix = args.output.suffix.lower().lstrip(".")
    if suffix not in spec.formats:
        raise DomainError("cli.report_bad_format", name=spec.name, suffix=suffix,
                          formats=", ".join(spec.formats))
    if args.period and (args.start or args.end):
        raise DomainError("cli.report_period_or_range")
    if (args.period or args.start or args.end) and "period" not in spec.needs:
        print(t("cli.report_no_period", name=spec.name), file=sys.stderr)
    request = ReportRequest(period=period_of(args.period, args.start, args.end),
                            hazard_number=args.hazard, plan=args.plan, area=args.area,
                            equipment=args.equipment, paper=args.paper)
    if "hazard" in spec.needs and not args.hazard:
        raise DomainError("cli.report_needs", name=spec.name, option="--hazard NUMBER")
    if "before_after" in spec.needs:
        if not (args.before and args.after):
            raise DomainError("cli.report_needs", name=spec.name, option="--before A..B --after A..B")
        request.before, request.after = parse_range(args.before), parse_range(args.after)
        both = periods_overlap(request.before, request.after)
        if both is not None:  # allowed (someone may mean it), but said
            print(t("metrics.overlap", start=both[0].isoformat(), end=both[1].isoformat()),
                  file=sys.stderr)
    ws: Workspace = ws_opener(args)
    try:
        result = spec.render(ws, request, args.output)
    finally:
        ws.close()
    print(t("cli.report_done", title=spec.title_in(i18n.language()), path=result.path),
          file=sys.stdout)
    return 0
