"""The equipment registry on the command line: `import equipment` and `export equipment`.

Both run as ``core.auth.SYSTEM`` (the operator at the console owns the data folder), like the
people import. Problems in the file are printed one line per cell and nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from core import i18n
from core.auth import Actor
from core.equipment import EquipmentQuery
from core.equipment_import import (
    EQUIPMENT_FIELDS,
    Ambiguous,
    EquipmentLookups,
    area_lookup,
    commit_rows,
    preview_equipment,
    type_lookup,
)
from core.i18n import DomainError, t
from core.importing import FieldError, ImportPreview, fold_key, parse_choice, parse_manual_map
from core.plant import PeopleQuery, Person
from db.workspace import Workspace
from reports.equipment_export import export_equipment
from reports.xlsx_io import iter_rows

_PEOPLE_PAGE = 1000
_STATUS_SPEC = next(s for s in EQUIPMENT_FIELDS if s.name == "status")


def all_people(ws: Workspace, actor: Actor) -> Iterator[Person]:
    """Everyone on the roster, page by page (people who left can still own a machine)."""
    offset = 0
    while page := ws.people.search(actor, PeopleQuery(), offset, _PEOPLE_PAGE):
        yield from page
        offset += len(page)


def load_lookups(ws: Workspace, actor: Actor) -> EquipmentLookups:
    people = ({"id": p.id, "employee_no": p.employee_no, "name": p.name}
              for p in all_people(ws, actor))
    return EquipmentLookups.build(
        ws.equipment.types(actor),
        ws.structure.list(actor, "area"),
        ws.structure.list(actor, "line"),
        ws.structure.list(actor, "department"),
        people,
    )


def preview_equipment_file(ws: Workspace, actor: Actor, path: Path | str,
                           manual_map: Mapping[str, str] | None = None,
                           lang: str | None = None) -> ImportPreview:
    return preview_equipment(iter_rows(path), load_lookups(ws, actor), manual_map, lang)


def commit_equipment(ws: Workspace, actor: Actor, preview: ImportPreview,
                     update_existing: bool = False) -> tuple[int, int, int]:
    """(created, updated, skipped): skipped counts existing codes left alone and, with
    ``update_existing``, rows identical to what is stored."""
    codes = [r.values["code"] for r in preview.records if r.values.get("code")]
    existing = ws.equipment_repo.ids_by_code(codes)
    return ws.equipment.import_records(actor, commit_rows(preview, existing), update_existing)


def run_import(ws: Workspace, actor: Actor, args: argparse.Namespace, lang: str) -> int:
    preview = preview_equipment_file(ws, actor, args.file, parse_manual_map(args.map), lang)
    if preview.unmatched_headers:
        print(t("cli.unmatched", headers=", ".join(preview.unmatched_headers)), file=sys.stderr)
    problems = preview.messages(lang)
    if problems:
        for line in problems:
            print(line)
        print(t("cli.import_failed", count=len(problems)), file=sys.stderr)
        return 1
    if args.dry_run:
        print(t("cli.import_dry", count=len(preview.records)))
        return 0
    created, updated, skipped = commit_equipment(ws, actor, preview, args.update)
    print(t("cli.equipment.import_ok", created=created, updated=updated, skipped=skipped))
    if skipped and not args.update:
        print(t("cli.equipment.skipped_hint", skipped=skipped))
    return 0


# ------------------------------------------------------------------------------- export


def _unknown(value: str, what: str, choices: Iterable[str]) -> DomainError:
    sep = ", " if i18n.language() == "en" else "、"
    return DomainError("cli.equipment.unknown_filter", value=value, choices=sep.join(choices),
                       what_zh=t(f"cli.equipment.what.{what}", "zh_CN"),
                       what_en=t(f"cli.equipment.what.{what}", "en"))


def _pick(items: list[dict[str, Any]], table: Mapping[str, Any], value: str, what: str) -> Any:
    """A filter argument (name or code) resolved through an import lookup table."""
    found = {fold_key(name): ref for name, ref in table.items()}.get(fold_key(value))
    if found is None:
        raise _unknown(value, what, (f"{i['name']} ({i['code']})" for i in items))
    if isinstance(found, Ambiguous):
        raise DomainError("cli.equipment.ambiguous_filter", value=value, count=found.count)
    return found


def _status(value: str) -> str:
    try:
        return parse_choice(_STATUS_SPEC, value) or ""
    except FieldError:
        raise _unknown(value, "status", _STATUS_SPEC.display_choices(i18n.language())) from None


def export_query(ws: Workspace, actor: Actor, area: str | None = None, kind: str | None = None,
                 status: str | None = None) -> EquipmentQuery:
    """The export filters typed by a person (names or codes, any status spelling) as a query."""
    area_id = type_id = None
    if area:
        areas = ws.structure.list(actor, "area")
        area_id = _pick(areas, area_lookup(areas), area, "area").id
    if kind:
        types = ws.equipment.types(actor)
        type_id = _pick(types, type_lookup(types), kind, "type").id
    return EquipmentQuery(area_id=area_id, type_id=type_id,
                          status=_status(status) if status else None)


def owner_numbers(ws: Workspace, actor: Actor) -> dict[str, str]:
    return {p.id: p.employee_no for p in all_people(ws, actor)}


def run_export(ws: Workspace, actor: Actor, args: argparse.Namespace, lang: str) -> int:
    query = export_query(ws, actor, args.area, args.type, args.status)
    title = t("cli.equipment.export_title", lang, plant=ws.plant_name,
              date=dt.date.today().isoformat())
    count = export_equipment(ws.equipment.iter_all(actor, query), args.file, lang, title=title,
                             owner_numbers=owner_numbers(ws, actor))
    print(t("cli.equipment.export_ok", count=count, path=args.file))
    return 0
