"""The equipment registry as a workbook: the export, and the empty import template.

The export is the import's mirror: its header is the importer's own labels and every cell is
a spelling the importer reads back to the same stored value (names for references, the
owner's employee number, Chinese or English labels for choices, real dates). A clerk can
export, correct a few cells in Excel and import the file again; what they did not touch stays
as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from core.equipment import STATUS_LABELS, Equipment
from core.equipment_import import EQUIPMENT_FIELDS, NO, YES, YES_NO_LABELS
from core.i18n import register, t
from core.plant import RISK_LABELS
from reports.xlsx_io import write_table, write_template

register({"equipment_export.sheet": {"zh_CN": "设备台账", "en": "Equipment"}})

PROGRESS_EVERY = 500  # rows between progress calls: often enough for a bar, cheap to call

Progress = Callable[[int], None]
_Cell = Callable[[Equipment, "_Context"], Any]


class _Context:
    def __init__(self, lang: str, owner_numbers: Mapping[str, str]) -> None:
        self.lang = lang
        self.owner_numbers = owner_numbers

    def label(self, table: Mapping[str, tuple[str, str]], value: str | None) -> str | None:
        if value is None or value not in table:
            return value
        zh, en = table[value]
        return en if self.lang == "en" else zh

    def owner(self, item: Equipment) -> str | None:
        # The employee number is what identifies a person on import; the name is a fallback
        # for a caller without numbers (it imports back only while nobody else has it).
        if not item.owner_person_id:
            return None
        return self.owner_numbers.get(item.owner_person_id) or item.owner_name or None


# One getter per import field, so export columns and import columns cannot drift apart.
_CELLS: dict[str, _Cell] = {
    "code": lambda e, c: e.code,
    "name": lambda e, c: e.name,
    "type": lambda e, c: e.type_name or None,
    "model": lambda e, c: e.model,
    "manufacturer": lambda e, c: e.manufacturer,
    "serial_no": lambda e, c: e.serial_no,
    "area": lambda e, c: e.area_name or None,
    "line": lambda e, c: e.line_name or None,
    "department": lambda e, c: e.department_name or None,
    "owner": lambda e, c: c.owner(e),
    "install_date": lambda e, c: e.install_date,
    "status": lambda e, c: c.label(STATUS_LABELS, e.status),
    "risk_grade": lambda e, c: c.label(RISK_LABELS, e.risk_grade),
    "special": lambda e, c: c.label(YES_NO_LABELS, YES if e.special else NO),
    "inspection_due": lambda e, c: e.inspection_due,
    "procedure": lambda e, c: e.procedure,
    "notes": lambda e, c: e.notes,
}
if set(_CELLS) != {spec.name for spec in EQUIPMENT_FIELDS}:  # pragma: no cover - a dev mistake
    raise RuntimeError("equipment export columns differ from the import fields")


def export_headers(lang: str = "zh_CN") -> list[str]:
    return [spec.label(lang) for spec in EQUIPMENT_FIELDS]


def _rows(items: Iterable[Equipment], ctx: _Context, progress: Progress | None) -> Iterator[list]:
    getters = [_CELLS[spec.name] for spec in EQUIPMENT_FIELDS]
    count = 0
    for item in items:
        yield [get(item, ctx) for get in getters]
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
    if progress is not None:
        progress(count)


def export_equipment(
    items: Iterable[Equipment],
    path: str | os.PathLike[str],
    lang: str = "zh_CN",
    title: str | None = None,
    progress: Progress | None = None,
    owner_numbers: Mapping[str, str] | None = None,
) -> int:
    """Write the records to ``path`` (streamed, write-only); returns how many were written.

    ``owner_numbers`` maps person id → employee number for the 责任人 column. ``progress``
    is called with the running count every few hundred rows; raising from it (a cancel
    button) stops the export before anything is saved, as the file is written only at the end.
    """
    lang = "en" if lang == "en" else "zh_CN"
    ctx = _Context(lang, owner_numbers or {})
    sheet = t("equipment_export.sheet", lang)
    return write_table(path, export_headers(lang), _rows(items, ctx, progress), title=title,
                       sheet_title=sheet)


def write_equipment_template(path: str | os.PathLike[str], lang: str = "zh_CN",
                             title: str | None = None) -> None:
    """An empty equipment list to fill in: the import's columns, drop-downs and instructions."""
    write_template(path, EQUIPMENT_FIELDS, lang, title=title)

