"""`hazards`: list hazards from the command line, as JSON lines or a short table.

`python main.py hazards [--from DATE] [--to DATE] [--state STEP] [--json]`
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import os
import sys
import unicodedata
from collections.abc import Iterable, Iterator

from core import i18n
from core.hazards import GRADE_LABELS, HAZARD_TYPES, STEP_LABELS, Hazard, HazardQuery, label
from core.i18n import DomainError, t
from core.periods import parse_day
from core.workflow import STEPS
from db.workspace import Workspace

i18n.register({
    "cli.dates_reversed": {
        "zh_CN": "--from（{start}）晚于 --to（{end}）。",
        "en": "--from ({start}) is after --to ({end}).",
    },
    "cli.bad_state": {
        "zh_CN": "没有状态“{value}”。可用：{states}",
        "en": "There is no state “{value}”. States: {states}",
    },
    "cli.hazards_none": {"zh_CN": "没有符合条件的隐患。", "en": "No hazards match."},
    "cli.hazards_count": {"zh_CN": "共 {count} 条隐患。", "en": "{count} hazards."},
})

HEADERS = {  # column: (zh_CN, en)
    "number": ("编号", "Number"), "state": ("状态", "State"), "grade": ("等级", "Grade"),
    "type": ("类型", "Type"), "area": ("区域", "Area"), "equipment": ("设备", "Equipment"),
    "found": ("发现时间", "Found"), "overdue": ("逾期", "Overdue"),
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("hazards", help="list hazards (JSON lines with --json)")
    p.add_argument("--from", dest="found_from", metavar="DATE",
                   help="found on or after this day (YYYY-MM-DD)")
    p.add_argument("--to", dest="found_to", metavar="DATE",
                   help="found on or before this day (YYYY-MM-DD)")
    p.add_argument("--state", action="append", default=[], metavar="STEP",
                   help=f"only hazards at this step ({', '.join(STEPS)}); may be repeated")
    p.add_argument("--json", action="store_true", help="one JSON object per line")


def parse_date(text: str | None) -> dt.date | None:
    return parse_day(text)  # one reading of a day for every command (core/periods.py)


def parse_state(text: str) -> str:
    """A step by its key (rectify) or its label in either language (整改中, Rectifying)."""
    value = text.strip()
    for step in STEPS:
        zh, en = STEP_LABELS[step]
        if value.lower() in (step, en.lower()) or value == zh:
            return step
    raise DomainError("cli.bad_state", value=text, states=", ".join(STEPS))


def query_of(args: argparse.Namespace) -> HazardQuery:
    start, end = parse_date(args.found_from), parse_date(args.found_to)
    if start and end and start > end:
        raise DomainError("cli.dates_reversed", start=start, end=end)
    steps = tuple(dict.fromkeys(parse_state(s) for s in args.state))
    return HazardQuery(steps=steps, found_from=start, found_to=end)


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def record(hazard: Hazard, now: dt.datetime) -> dict:
    return {
        "number": hazard.number, "type": hazard.type, "grade": hazard.grade,
        "area": hazard.area_name or None, "line": hazard.line_name or None,
        "equipment": hazard.equipment_code or None, "source": hazard.source,
        "found": _iso(hazard.found_at), "dispatched": _iso(hazard.dispatched_at),
        "archived": _iso(hazard.archived_at), "state": hazard.step,
        "overdue": hazard.overdue(now),
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, width: int) -> str:
    out = ""
    for c in text:
        if _width(out + c) > width:
            return out[:-1] + "…" if out else out
        out += c
    return out


def _widest(table: dict[str, tuple[str, str]], lang: str) -> int:
    return max(_width(label(table, key, lang)) for key in table)


def table(hazards: Iterable[Hazard], now: dt.datetime, lang: str) -> Iterator[str]:
    """Fixed-width lines (CJK characters count two columns), header first."""
    en = lang == "en"
    headers = {key: names[1 if en else 0] for key, names in HEADERS.items()}
    fit = {"number": 14, "state": _widest(STEP_LABELS, lang), "grade": _widest(GRADE_LABELS, lang),
           "type": min(_widest(HAZARD_TYPES, lang), 24), "area": 12, "equipment": 14,
           "found": 16, "overdue": 0}
    columns = [(key, max(width, _width(headers[key]))) for key, width in fit.items()]
    yes = "yes" if en else "是"

    def line(cells: list[str]) -> str:
        parts = []
        for (_key, width), cell in zip(columns, cells, strict=True):
            cell = _cut(cell, width)
            parts.append(cell + " " * (width - _width(cell)))
        return "  ".join(parts).rstrip()

    yield line([headers[key] for key, _ in columns])
    for h in hazards:
        yield line([h.number, label(STEP_LABELS, h.step, lang), label(GRADE_LABELS, h.grade, lang),
                    label(HAZARD_TYPES, h.type, lang), h.area_name, h.equipment_code,
                    h.found_at.strftime("%Y-%m-%d %H:%M"), yes if h.overdue(now) else ""])


def cmd_hazards(ws: Workspace, args: argparse.Namespace) -> int:
    query = query_of(args)  # a bad date or state fails before anything is read
    # closing(): the cursor is finished while the database is still open, also on an error
    with contextlib.closing(ws.hazards_repo.iter_all(query)) as hazards:
        try:
            return _print(hazards, args.json, dt.datetime.now())
        except BrokenPipeError:
            # `hazards | head`: the reader has gone, which is not an error. Point stdout at
            # devnull so the interpreter's final flush does not complain either.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0


def _print(hazards: Iterator[Hazard], as_json: bool, now: dt.datetime) -> int:
    out = sys.stdout
    if as_json:
        for hazard in hazards:
            out.write(json.dumps(record(hazard, now), ensure_ascii=False) + "\n")
        out.flush()
        return 0
    first = next(hazards, None)
    if first is None:
        print(t("cli.hazards_none"))
        return 0
    lines = table(itertools.chain([first], hazards), now, i18n.language())
    out.write(next(lines) + "\n")  # the header
    count = 0
    for text in lines:
        out.write(text + "\n")
        count += 1
    print(t("cli.hazards_count", count=count))
    out.flush()
    return 0
