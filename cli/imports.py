"""Glue for Excel imports of people: read the file, preview, commit (shared by CLI and app)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from core.auth import Actor
from core.importing import ImportPreview
from core.people_import import preview_people
from db.workspace import Workspace
from reports.xlsx_io import iter_rows

# Import field name -> people table column, for the reference fields resolved by lookups.
_COLUMNS = {"department": "department_id", "post": "post_id"}


def people_lookups(ws: Workspace, actor: Actor) -> tuple[dict[str, str], dict[str, str]]:
    """Department and post names (and codes) the roster may use -> their ids."""
    departments: dict[str, str] = {}
    for d in ws.structure.list(actor, "department"):
        departments[d["name"]] = d["id"]
        departments.setdefault(d["code"], d["id"])
    posts: dict[str, str] = {}
    for p in ws.structure.list(actor, "post"):
        posts.setdefault(p["name"], p["id"])  # post names repeat across departments
        posts.setdefault(p["code"], p["id"])
    return departments, posts


def preview_people_file(ws: Workspace, actor: Actor, path: Path | str,
                        manual_map: Mapping[str, str] | None = None,
                        lang: str | None = None) -> ImportPreview:
    departments, posts = people_lookups(ws, actor)
    return preview_people(iter_rows(path), departments, posts, manual_map=manual_map, lang=lang)


def records_for_commit(preview: ImportPreview) -> list[dict[str, Any]]:
    return [{_COLUMNS.get(k, k): v for k, v in r.values.items()} for r in preview.records]


def commit_people(ws: Workspace, actor: Actor, preview: ImportPreview,
                  update_existing: bool = True) -> tuple[int, int, int]:
    return ws.people.import_records(actor, records_for_commit(preview), update_existing)
