"""Glue for Excel imports of people on the command line: read, preview, commit."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from core.auth import Actor
from core.importing import ImportPreview
from core.people_import import commit_rows, post_lookup, preview_people
from db.workspace import Workspace
from reports.xlsx_io import iter_rows


def preview_people_file(ws: Workspace, actor: Actor, path: Path | str,
                        manual_map: Mapping[str, str] | None = None,
                        lang: str | None = None) -> ImportPreview:
    departments = {d["name"]: d["id"] for d in ws.structure.list(actor, "department")}
    posts = post_lookup(ws.structure.list(actor, "post"))
    return preview_people(iter_rows(path), departments, posts, manual_map=manual_map, lang=lang)


def commit_people(ws: Workspace, actor: Actor, preview: ImportPreview,
                  update_existing: bool = True) -> tuple[int, int, int]:
    return ws.people.import_records(actor, commit_rows(preview), update_existing)
