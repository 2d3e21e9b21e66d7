"""What the Excel import dialog imports: people, equipment, ... one ``ImportKind`` each.

The dialog (``desktop.dialogs.import_dialog``) knows how to read a file, show its problems and
let the clerk map columns; a kind says which columns exist, how a file is checked against the
records already in the system, how the checked rows are stored, and what to call things.

Reference tables (departments, posts, areas, owners …) are read through the services by
``load``, which the dialog runs on the "db" lane before checking a file; ``preview`` then only
works on those tables in memory, so the file can be read on the "io" lane while the database
stays on its own thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication

from core import equipment_import, people_import
from core.auth import Actor
from core.equipment_import import EQUIPMENT_FIELDS, EquipmentLookups, preview_equipment
from core.importing import FieldSpec, ImportPreview, Row
from core.people_import import PEOPLE_FIELDS, post_lookup, preview_people
from core.plant import PeopleQuery, Person
from db.workspace import Workspace
from desktop.context import AppContext

PreviewFn = Callable[[Iterable[Row], Mapping[str, str] | None, str], ImportPreview]
CommitFn = Callable[[ImportPreview, bool], tuple[int, int, int]]
T = TypeVar("T")

_PEOPLE_PAGE = 1000  # people read per query when collecting equipment owners


@dataclass(frozen=True)
class ImportTexts:
    """The words that differ between kinds, already in the clerk's language.

    ``ready``, ``importing`` and ``skipped_hint`` take ``{n}``; ``result`` takes ``{created}``,
    ``{updated}`` and ``{skipped}``.
    """

    window_title: str
    placeholder: str  # the file box before a file is chosen
    intro: str  # the summary before a file is chosen
    update_existing: str
    skip_existing: str
    ready: str  # "No problems found: {n} … can be imported."
    importing: str  # "Importing {n} …"
    result: str
    skipped_hint: str = ""  # after a "skip" import that skipped rows: how to update them


@dataclass
class ImportKind:
    fields: Sequence[FieldSpec]
    preview: PreviewFn  # (rows, manual_map, lang) -> ImportPreview, against what load() read
    commit: CommitFn  # (preview, update_existing) -> (created, updated, skipped); "db" lane
    entity: str  # what AppContext.notify announces after an import ("person", "equipment")
    update_by_default: bool  # the initial choice for rows whose key already exists
    texts: ImportTexts
    load: Callable[[], None] = field(default=lambda: None)  # re-read the lookups; "db" lane


class _Lookups(Generic[T]):
    """Reference tables read on demand and kept until the next ``reload``."""

    def __init__(self, read: Callable[[], T]) -> None:
        self._read = read
        self._value: T | None = None

    def reload(self) -> None:
        self._value = self._read()

    def get(self) -> T:
        if self._value is None:
            self.reload()
        assert self._value is not None
        return self._value


# ------------------------------------------------------------------------------- people


def people_kind(ctx: AppContext) -> ImportKind:
    """The HR roster: one person per row, keyed by employee number."""
    ws, actor = ctx.workspace, ctx.actor

    def read() -> tuple[dict[str, Any], dict[str, Any]]:
        departments = {d["name"]: d["id"] for d in ws.structure.list(actor, "department")}
        return departments, post_lookup(ws.structure.list(actor, "post"))

    lookups = _Lookups(read)

    def preview(rows: Iterable[Row], manual_map: Mapping[str, str] | None,
                lang: str) -> ImportPreview:
        departments, posts = lookups.get()
        return preview_people(rows, departments, posts, manual_map or None, lang)

    def commit(preview: ImportPreview, update_existing: bool) -> tuple[int, int, int]:
        rows = people_import.commit_rows(preview)
        return ws.people.import_records(actor, rows, update_existing)

    texts = ImportTexts(
        window_title=QCoreApplication.translate("ImportKind", "Import people from Excel"),
        placeholder=QCoreApplication.translate(
            "ImportKind", "Choose an .xlsx file with one person per row"),
        intro=QCoreApplication.translate(
            "ImportKind",
            "Choose a file. The first row that names the columns (工号, 姓名, 部门 …) is taken "
            "as the header; download the template from the People page for a clean start."),
        update_existing=QCoreApplication.translate(
            "ImportKind", "Update people whose employee no. exists"),
        skip_existing=QCoreApplication.translate(
            "ImportKind", "Skip people whose employee no. exists"),
        ready=QCoreApplication.translate(
            "ImportKind", "No problems found: {n} people can be imported."),
        importing=QCoreApplication.translate("ImportKind", "Importing {n} people…"),
        result=QCoreApplication.translate(
            "ImportKind", "Imported: {created} added, {updated} updated, {skipped} skipped."),
    )
    return ImportKind(PEOPLE_FIELDS, preview, commit, "person", True, texts, lookups.reload)


# ------------------------------------------------------------------------------- equipment


def all_people(ws: Workspace, actor: Actor) -> Iterator[Person]:
    """Everyone on the roster, page by page (people who left can still own a machine)."""
    offset = 0
    while page := ws.people.search(actor, PeopleQuery(), offset, _PEOPLE_PAGE):
        yield from page
        offset += len(page)


def equipment_lookups(ws: Workspace, actor: Actor) -> EquipmentLookups:
    """Types, areas, lines, departments and owners, as the equipment import resolves them."""
    people = ({"id": p.id, "employee_no": p.employee_no, "name": p.name}
              for p in all_people(ws, actor))
    return EquipmentLookups.build(
        ws.equipment.types(actor),
        ws.structure.list(actor, "area"),
        ws.structure.list(actor, "line"),
        ws.structure.list(actor, "department"),
        people,
    )


def equipment_kind(ctx: AppContext) -> ImportKind:
    """The equipment registry: one machine per row, keyed by its code."""
    ws, actor = ctx.workspace, ctx.actor
    lookups = _Lookups(lambda: equipment_lookups(ws, actor))

    def preview(rows: Iterable[Row], manual_map: Mapping[str, str] | None,
                lang: str) -> ImportPreview:
        return preview_equipment(rows, lookups.get(), manual_map or None, lang)

    def commit(preview: ImportPreview, update_existing: bool) -> tuple[int, int, int]:
        # Which codes exist decides the 特种设备 default: only new machines take their type's.
        codes = [r.values["code"] for r in preview.records if r.values.get("code")]
        existing = ws.equipment_repo.ids_by_code(codes)
        rows = equipment_import.commit_rows(preview, existing)
        return ws.equipment.import_records(actor, rows, update_existing)

    texts = ImportTexts(
        window_title=QCoreApplication.translate("ImportKind", "Import equipment from Excel"),
        placeholder=QCoreApplication.translate(
            "ImportKind", "Choose an .xlsx file with one machine per row"),
        intro=QCoreApplication.translate(
            "ImportKind",
            "Choose a file. The first row that names the columns (设备编号, 设备名称, 设备类型 …) "
            "is taken as the header; download the template from the Equipment page for a "
            "clean start, or export the list, correct it in Excel and import it again."),
        update_existing=QCoreApplication.translate(
            "ImportKind", "Update machines whose code exists"),
        skip_existing=QCoreApplication.translate(
            "ImportKind", "Skip machines whose code exists"),
        ready=QCoreApplication.translate(
            "ImportKind", "No problems found: {n} machines can be imported."),
        importing=QCoreApplication.translate("ImportKind", "Importing {n} machines…"),
        result=QCoreApplication.translate(
            "ImportKind", "Imported: {created} machines added, {updated} updated, {skipped} "
            "unchanged or skipped."),
        skipped_hint=QCoreApplication.translate(
            "ImportKind", "{n} of them have codes already in the registry and were left as "
            "they are; to update them from the file, choose “Update machines whose code "
            "exists” and choose the file again."),
    )
    return ImportKind(EQUIPMENT_FIELDS, preview, commit, "equipment", False, texts,
                      lookups.reload)
