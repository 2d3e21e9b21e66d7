"""`labels`: print QR label sheets for equipment from the command line."""

from __future__ import annotations

import argparse
import sys

from core import i18n
from core.auth import SYSTEM
from core.equipment import EquipmentQuery
from core.i18n import DomainError, t
from db.workspace import Workspace
from reports.labels import items_for, render_labels, template_keys

i18n.register({
    "cli.labels_done": {
        "zh_CN": "已生成 {count} 张标签（{pages} 页）：{path}",
        "en": "{count} labels ({pages} pages) written to {path}",
    },
    "cli.labels_none": {
        "zh_CN": "没有符合条件的设备，未生成标签。",
        "en": "No equipment matches; no labels were made.",
    },
    "cli.no_such_area": {
        "zh_CN": "没有名为“{name}”的区域。可用：{names}",
        "en": "There is no area called “{name}”. Areas: {names}",
    },
    "cli.no_such_type": {
        "zh_CN": "没有名为“{name}”的设备类型。可用：{names}",
        "en": "There is no equipment type called “{name}”. Types: {names}",
    },
})


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("labels", help="QR label sheets for equipment (PDF)")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--template", default="a4-3x8", choices=template_keys())
    p.add_argument("--area", help="area name or code")
    p.add_argument("--type", dest="type_name", help="equipment type name or code")
    p.add_argument("--skip", type=int, default=0, help="start at position N+1 of the first sheet")


def resolve(items: list[dict], name: str | None, key: str) -> str | None:
    """An area or type given by name or code -> its id (clear message when unknown)."""
    if not name:
        return None
    text = name.strip()
    for item in items:
        if text.lower() in (item["name"].lower(), item["code"].lower()):
            return item["id"]
    # "起重机" for the type "起重机/行车": a part of the name is enough when it is unambiguous.
    partial = [i for i in items if text in i["name"].split("/") or text in i["name"]]
    if len(partial) == 1:
        return partial[0]["id"]
    raise DomainError(key, name=name, names="、".join(i["name"] for i in items))


def cmd_labels(ws: Workspace, args: argparse.Namespace) -> int:
    area = resolve(ws.structure.list(SYSTEM, "area"), args.area, "cli.no_such_area")
    kind = resolve(ws.equipment.types(SYSTEM), args.type_name, "cli.no_such_type")
    query = EquipmentQuery(area_id=area, type_id=kind)
    sites = ws.structure.list(SYSTEM, "site")
    site_codes = {s["id"]: s["code"] for s in sites}
    default_site = sites[0]["code"] if sites else "S"
    count = ws.equipment.search_page(SYSTEM, query, 0, 1)[1]
    if not count:
        print(t("cli.labels_none"), file=sys.stderr)
        return 1
    items = items_for(ws.equipment.iter_all(SYSTEM, query), site_codes, default_site)
    pages = render_labels(items, args.output, args.template, ws.plant_name, args.skip,
                          i18n.language())
    print(t("cli.labels_done", count=count, pages=pages, path=args.output))
    return 0
