"""The equipment registry columns for the generic importer (``core.importing``).

A plant's machine list usually starts life as a workbook kept by the equipment office: codes
typed by hand (with stray spaces), workshops under local names, inspection dates in every
format, risk grades written as colours (红/橙). The specs below accept those spellings; the
references (type, area, line, department, owner) resolve against what the system already has,
and the rules the generic framework cannot know about one cell alone — a line must belong to
the row's area, a name shared by two people cannot pick an owner — are settled here, as row
errors, before anything is stored.

Export and import are one loop: ``reports.equipment_export`` writes these labels and the
spellings accepted here, so a workbook exported and imported again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from core.i18n import register
from core.importing import (
    FieldError,
    FieldSpec,
    ImportPreview,
    ImportRecord,
    Row,
    RowError,
    build_preview,
    fold_key,
    normalize_text,
)

register(
    {
        "import.equipment.future_date": {
            "zh_CN": "安装日期不能晚于今天（{today}）",
            "en": "the install date cannot be after today ({today})",
        },
        "import.equipment.line_other_area": {
            "zh_CN": "产线“{value}”不属于区域“{area}”（它属于：{owners}），请核对区域或产线",
            "en": "the line “{value}” is not in the area “{area}” (it belongs to: {owners}); "
            "check the area or the line",
        },
        "import.equipment.ambiguous": {
            "zh_CN": "系统中有 {count} 个名为“{value}”的记录，无法确定是哪一个，请改填编号",
            "en": "{count} records in the system are called “{value}”, so it is unclear which "
            "one is meant; use its code instead",
        },
        "import.equipment.owner_ambiguous": {
            "zh_CN": "系统中有 {count} 人叫“{value}”，无法确定是谁，请改填工号",
            "en": "{count} people in the system are called “{value}”, so it is unclear who is "
            "meant; use the employee number instead",
        },
    }
)

# ------------------------------------------------------------------------------- choices

STATUS_CHOICES: dict[str, str] = {
    # First Chinese and first ASCII spelling of each value are the ones shown in drop-downs
    # and written by the export (they equal STATUS_LABELS), so keep them first.
    "在用": "in_service",
    "停用": "stopped",
    "维修中": "under_repair",
    "报废": "scrapped",
    "in service": "in_service",
    "stopped": "stopped",
    "under repair": "under_repair",
    "scrapped": "scrapped",
    "in_service": "in_service",
    "under_repair": "under_repair",
    "使用中": "in_service",
    "正常": "in_service",
    "闲置": "stopped",
    "封存": "stopped",
    "维修": "under_repair",
    "检修中": "under_repair",
    "已报废": "scrapped",
}

RISK_CHOICES: dict[str, str] = {
    # The four-colour scheme (红橙黄蓝) is how Chinese plants talk about risk grades.
    "重大风险": "major",
    "较大风险": "considerable",
    "一般风险": "general",
    "低风险": "low",
    "major": "major",
    "considerable": "considerable",
    "general": "general",
    "low": "low",
    "重大": "major",
    "较大": "considerable",
    "一般": "general",
    "低": "low",
    "红": "major",
    "橙": "considerable",
    "黄": "general",
    "蓝": "low",
    "红色": "major",
    "橙色": "considerable",
    "黄色": "general",
    "蓝色": "low",
    "red": "major",
    "orange": "considerable",
    "yellow": "general",
    "blue": "low",
}

YES, NO = "yes", "no"
SPECIAL_CHOICES: dict[str, str] = {
    "是": YES,
    "否": NO,
    "yes": YES,
    "no": NO,
    "Y": YES,
    "N": NO,
    "1": YES,
    "0": NO,
    "true": YES,
    "false": NO,
    "√": YES,
    "✓": YES,
    "×": NO,
    "✗": NO,
}
YES_NO_LABELS = {YES: ("是", "yes"), NO: ("否", "no")}


def _not_in_future(value: Any) -> Any:
    # The service refuses future install dates in its form; the import must not let them in
    # through the side door (the service's bulk path trusts the preview).
    if isinstance(value, dt.date) and value > dt.date.today():
        raise FieldError("import.equipment.future_date", today=dt.date.today().isoformat())
    return value


# ------------------------------------------------------------------------------- specs

EQUIPMENT_FIELDS: list[FieldSpec] = [
    FieldSpec(
        "code", "设备编号", "Equipment code", "text",
        synonyms=("编号", "设备编码", "资产编号", "设备代码", "Code", "Asset No."),
        unique=True, max_len=40, example="YJ-CY-0001",
        note_zh="每台唯一；不填则按编号规则自动生成（如 YJ-CY-0012）",
        note_en="unique per machine; leave empty to number it by the plant's code rule",
    ),
    FieldSpec(
        "name", "设备名称", "Equipment name", "text", required=True,
        synonyms=("名称", "设备", "Name"), max_len=100, example="开式固定台压力机",
    ),
    FieldSpec(
        "type", "设备类型", "Type", "text", required=True,
        synonyms=("类型", "设备类别", "Equipment type"), max_len=100, lookup=True,
        example="压力机",
        note_zh="须与系统中已有的设备类型名称或代码一致",
        note_en="must match the name or code of an equipment type already in the system",
    ),
    FieldSpec(
        "model", "规格型号", "Model", "text",
        synonyms=("型号", "规格", "规格/型号"), max_len=100, example="JH21-160",
    ),
    FieldSpec(
        "manufacturer", "生产厂家", "Manufacturer", "text",
        synonyms=("制造商", "厂家", "制造厂", "生产厂商"), max_len=100, example="扬力",
    ),
    FieldSpec(
        "serial_no", "出厂编号", "Serial No.", "text",
        synonyms=("序列号", "出厂序号", "Serial number"), max_len=60, example="YL2019-0815",
    ),
    FieldSpec(
        "area", "所在区域", "Area", "text", required=True,
        synonyms=("区域", "车间", "使用车间", "安装位置", "所在车间"), max_len=100, lookup=True,
        example="冲压车间",
        note_zh="须与系统中已有的区域名称或代码一致",
        note_en="must match the name or code of an area already in the system",
    ),
    FieldSpec(
        "line", "产线", "Line", "text",
        synonyms=("生产线", "线别", "所在产线", "Production line"), max_len=100, lookup=True,
        example="冲压B线",
        note_zh="可不填；填写时须是该区域下已有的产线",
        note_en="optional; if given, must be a line of the row's area",
    ),
    FieldSpec(
        "department", "责任部门", "Department", "text",
        synonyms=("使用部门", "部门", "管理部门", "Dept"), max_len=100, lookup=True,
        example="设备部",
        note_zh="可不填；填写时须与系统中已有的部门名称或代码一致",
        note_en="optional; if given, must match a department already in the system",
    ),
    FieldSpec(
        "owner", "责任人", "Owner", "text",
        synonyms=("设备负责人", "责任人工号", "负责人", "Owner No."), max_len=50, lookup=True,
        example="A0001",
        note_zh="填工号；姓名在系统中唯一时也可填姓名",
        note_en="the employee number; a name works too when nobody else has it",
    ),
    FieldSpec(
        "install_date", "安装日期", "Install date", "date",
        synonyms=("投用日期", "启用日期", "投产日期", "安装时间", "Commissioned"),
        check=_not_in_future, example="2019-08-15",
        note_zh="不能晚于今天", note_en="not after today",
    ),
    FieldSpec(
        "status", "设备状态", "Status", "choice",
        synonyms=("状态", "使用状态"), choices=STATUS_CHOICES, example="在用",
        # No default here: an empty cell must not put a scrapped machine back in service on
        # update; the service makes new machines "in service".
        note_zh="新设备不填视为在用；已有设备不填则保持原状态",
        note_en="empty: in service for new machines, unchanged for existing ones",
    ),
    FieldSpec(
        "risk_grade", "风险等级", "Risk grade", "choice",
        synonyms=("风险级别", "风险分级", "Risk level"), choices=RISK_CHOICES,
        example="较大风险",
        note_zh="也可填颜色：红/橙/黄/蓝", note_en="colours work too: red/orange/yellow/blue",
    ),
    FieldSpec(
        "special", "特种设备", "Special equipment", "choice",
        synonyms=("是否特种设备", "Special"), choices=SPECIAL_CHOICES,
        example="否",
        note_zh="新设备不填则按设备类型（如起重机、叉车为特种设备）；已有设备不填则保持原样",
        note_en="empty: as the equipment type says for new machines (cranes, forklifts are "
        "special), unchanged for existing ones",
    ),
    FieldSpec(
        "inspection_due", "检验到期日", "Inspection due", "date",
        synonyms=("下次检验日期", "法定检验到期", "检验有效期至", "检验到期", "Next inspection"),
        note_zh="特种设备的法定检验有效期", note_en="statutory inspection due date (special equipment)",
    ),
    FieldSpec(
        "procedure", "安全操作规程", "Safety procedure", "text",
        synonyms=("操作规程", "安全规程"), max_len=4000,
    ),
    FieldSpec(
        "notes", "备注", "Notes", "text",
        synonyms=("说明", "Remarks"), max_len=2000,
    ),
]

# Text written by people, not codes: kept as typed (full-width punctuation, line breaks), so
# "压力机（开式）" stays exactly what the desktop stored and a round trip changes nothing.
FREE_TEXT_FIELDS = frozenset({"name", "model", "manufacturer", "procedure", "notes"})
# Preview field -> equipment column; reference fields are mapped in ``equipment_rows``.
_PLAIN_FIELDS = ("code", "name", "model", "manufacturer", "serial_no", "install_date", "status",
                 "risk_grade", "inspection_due", "procedure", "notes")


# ------------------------------------------------------------------------------- lookups


@dataclass(frozen=True)
class TypeRef:
    id: str
    special: bool


@dataclass(frozen=True)
class AreaRef:
    id: str
    site_id: str | None
    name: str


@dataclass(frozen=True)
class LineRef:
    """Every line answering to one name or code: names repeat across areas (每个车间都有1号线)."""

    name: str
    candidates: tuple[tuple[str, str, str], ...]  # (line id, area id, area name)


@dataclass(frozen=True)
class Ambiguous:
    """A name shared by several records; only the row can be told to use a code instead."""

    name: str
    count: int


def _group(pairs: Iterable[tuple[Any, Any, Any]]) -> dict[str, list[Any]]:
    """(text, identity, value) → {first spelling: distinct values}, grouped by ``fold_key``.

    The framework folds lookup keys itself, but two spellings that fold alike would silently
    replace each other there; grouping here turns them into an honest ambiguity instead.
    """
    spelling: dict[str, str] = {}
    found: dict[str, dict[Any, Any]] = {}
    for text, identity, value in pairs:
        shown = normalize_text(text)
        if not shown:
            continue
        key = fold_key(shown)
        spelling.setdefault(key, shown)
        found.setdefault(key, {}).setdefault(identity, value)
    return {spelling[key]: list(values.values()) for key, values in found.items()}


def _single(groups: dict[str, list[Any]]) -> dict[str, Any]:
    return {name: values[0] if len(values) == 1 else Ambiguous(name, len(values))
            for name, values in groups.items()}


def _named(items: Iterable[Mapping[str, Any]], value: Any) -> Iterator[tuple[Any, Any, Any]]:
    for item in items:
        made = value(item)
        yield item.get("code"), item["id"], made
        yield item.get("name"), item["id"], made


def type_lookup(types: Iterable[Mapping[str, Any]]) -> dict[str, TypeRef | Ambiguous]:
    """Equipment type name or code → the type (its special flag sets the row's default)."""
    return _single(_group(_named(types, lambda t: TypeRef(t["id"], bool(t.get("special"))))))


def area_lookup(areas: Iterable[Mapping[str, Any]]) -> dict[str, AreaRef | Ambiguous]:
    """Area name or code → the area with its site (new equipment belongs to the area's site)."""
    return _single(_group(_named(
        areas, lambda a: AreaRef(a["id"], a.get("site_id"), a.get("name") or a.get("code") or ""))))


def department_lookup(departments: Iterable[Mapping[str, Any]]) -> dict[str, str | Ambiguous]:
    return _single(_group(_named(departments, lambda d: d["id"])))


def line_lookup(lines: Iterable[Mapping[str, Any]],
                areas: Iterable[Mapping[str, Any]]) -> dict[str, LineRef]:
    """Line name or code → every line with it; the row's area picks one (see ``settle``)."""
    area_names = {a["id"]: a.get("name") or a.get("code") or "" for a in areas}
    groups = _group(_named(lines, lambda ln: (ln["id"], ln.get("area_id") or "",
                                              area_names.get(ln.get("area_id"), ""))))
    return {name: LineRef(name, tuple(found)) for name, found in groups.items()}


def owner_lookup(people: Iterable[Mapping[str, Any]]) -> dict[str, str | Ambiguous]:
    """Employee number → person id, plus names that only one person has.

    Numbers win over names: a roster has "张伟" three times but each number once. A shared
    name stays in the table as ``Ambiguous`` so the row is told to use the number, rather
    than "not found" or a guess.
    """
    people = list(people)
    numbers = _single(_group((p.get("employee_no"), p["id"], p["id"]) for p in people))
    names = _single(_group((p.get("name"), p["id"], p["id"]) for p in people))
    taken = {fold_key(n) for n in numbers}
    return {**{n: v for n, v in names.items() if fold_key(n) not in taken}, **numbers}


@dataclass(frozen=True)
class EquipmentLookups:
    """What the import resolves names against; build it with ``EquipmentLookups.build``."""

    types: Mapping[str, TypeRef | Ambiguous]
    areas: Mapping[str, AreaRef | Ambiguous]
    lines: Mapping[str, LineRef]
    departments: Mapping[str, str | Ambiguous]
    owners: Mapping[str, str | Ambiguous]

    @classmethod
    def build(
        cls,
        types: Iterable[Mapping[str, Any]],
        areas: Iterable[Mapping[str, Any]],
        lines: Iterable[Mapping[str, Any]],
        departments: Iterable[Mapping[str, Any]],
        people: Iterable[Mapping[str, Any]],
    ) -> EquipmentLookups:
        """From plain records: types (id, code, name, special), areas (id, code, name,
        site_id), lines (id, code, name, area_id), departments (id, code, name) and people
        (id, employee_no, name) — what the services' list methods return."""
        areas = list(areas)
        return cls(type_lookup(types), area_lookup(areas), line_lookup(lines, areas),
                   department_lookup(departments), owner_lookup(people))

    def by_field(self) -> dict[str, Mapping[str, Any]]:
        return {"type": self.types, "area": self.areas, "line": self.lines,
                "department": self.departments, "owner": self.owners}


# ------------------------------------------------------------------------------- free text

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060\ufeff]")


def free_text(value: str) -> str:
    """Text as the clerk wrote it: invisible marks and trailing spaces gone, line breaks kept."""
    text = _INVISIBLE.sub("", value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def _differs_from_normalized(value: str) -> bool:
    # Cheap test first: plain ASCII on one line normalises to itself (give or take the ends).
    if value.isascii() and "\n" not in value and "\r" not in value and "  " not in value \
            and "\t" not in value:
        return False
    return free_text(value) != normalize_text(value)


class _RawTextTap:
    """Remembers the cells whose free-text form differs from the normalised one.

    The generic validator normalises every cell (NFKC, single spaces) — right for codes and
    names looked up in tables, wrong for notes and names as people wrote them. The header
    is only known once ``build_preview`` has read it, so the few cells that would change are
    kept by position and put back afterwards.
    """

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], str] = {}

    def rows(self, rows: Iterable[Row]) -> Iterator[Row]:
        cells = self.cells
        for number, values in rows:
            for col, value in enumerate(values):
                if isinstance(value, str) and _differs_from_normalized(value):
                    cells[(number, col)] = value
            yield number, values

    def restore(self, preview: ImportPreview) -> None:
        if not self.cells:
            return
        columns = [(col, name) for col, name in preview.mapping.items() if name in FREE_TEXT_FIELDS]
        for record in preview.records:
            for col, name in columns:
                raw = self.cells.get((record.row, col))
                if raw is not None:
                    record.values[name] = free_text(raw) or None


# ------------------------------------------------------------------------------- preview


def preview_equipment(
    rows: Iterable[Row],
    lookups: EquipmentLookups,
    manual_map: Mapping[str, str] | None = None,
    lang: str | None = None,
) -> ImportPreview:
    """``build_preview`` for equipment, with references resolved and cross-column rules checked.

    Records that pass hold ``TypeRef``/``AreaRef`` for type and area and plain ids for line,
    department and owner; ``commit_rows`` turns them into service fields.
    """
    tables = lookups.by_field()
    tap = _RawTextTap()
    preview = build_preview(tap.rows(rows), _specs_for(tables), manual_map=manual_map,
                            lookups=tables, lang=lang)
    tap.restore(preview)
    settle(preview)
    return preview


def _specs_for(tables: Mapping[str, Mapping[str, Any]]) -> list[FieldSpec]:
    """EQUIPMENT_FIELDS, with reference fields refusing names that several records share.

    A cell check runs before the lookup and on its own, so "李四 is two people" is reported
    even when another cell of the same row is wrong too.
    """
    specs = []
    for spec in EQUIPMENT_FIELDS:
        shared = {fold_key(name): found for name, found in tables.get(spec.name, {}).items()
                  if isinstance(found, Ambiguous)}
        if shared:
            spec = replace(spec, check=_refuse_shared(shared, spec.name == "owner"))
        specs.append(spec)
    return specs


def _refuse_shared(shared: Mapping[str, Ambiguous], people: bool) -> Callable[[Any], Any]:
    key = "import.equipment.owner_ambiguous" if people else "import.equipment.ambiguous"

    def check(text: Any) -> Any:
        found = shared.get(fold_key(text))
        if found is not None:
            raise FieldError(key, count=found.count)
        return text

    return check


def settle(preview: ImportPreview) -> None:
    """The row rule across columns: a line named in a row must be a line of the row's area.

    Rows that break it become row errors and leave ``preview.records``, as the framework does
    with a bad cell, so a preview that is ``ok`` can be committed as it is.
    """
    col = next((c for c, name in preview.mapping.items() if name == "line"), None)
    if col is None:
        return
    kept: list[ImportRecord] = []
    for record in preview.records:
        problem = _line_problem(record.values)
        if problem is None:
            kept.append(record)
            continue
        shown, key, params = problem
        preview.errors.append(RowError(record.row, preview.headers[col], shown, key, params, col))
    if len(kept) != len(preview.records):
        preview.records = kept
        preview.errors.sort(key=lambda e: (e.row, e.col))


def _line_problem(values: dict[str, Any]) -> tuple[str, str, dict[str, Any]] | None:
    """None when the row's line is fine (its value then becomes the line id), else why not."""
    line, area = values.get("line"), values.get("area")
    if not isinstance(line, LineRef) or not isinstance(area, AreaRef):
        return None
    picked = {line_id for line_id, area_id, _name in line.candidates if area_id == area.id}
    if len(picked) == 1:
        values["line"] = picked.pop()
        return None
    if picked:  # one line's name is another's code, both in this area
        return line.name, "import.equipment.ambiguous", {"count": len(picked)}
    owners = "、".join(dict.fromkeys(name for _id, _area, name in line.candidates))
    return line.name, "import.equipment.line_other_area", {"area": area.name, "owners": owners}


# ------------------------------------------------------------------------------- commit


def equipment_rows(records: Iterable[ImportRecord], columns: Iterable[str] | None = None,
                   existing_codes: Container[str] = frozenset()) -> list[dict[str, Any]]:
    """Settled preview records as equipment fields for ``EquipmentService.import_records``.

    What a row does not say never overwrites what is stored: a column the file lacks
    (``columns`` names the ones it has) and an empty cell are both left out, as for people —
    a partial list sent round to update inspection dates must not wipe owners and lines.
    ``code`` always goes, empty or not: the service numbers machines without one. A new
    machine (its code not in ``existing_codes``) with no 特种设备 cell takes the flag of its
    type, so cranes arrive as special equipment.
    """
    keep = (set(columns) | {"code"}) if columns is not None else None
    rows = []
    for record in records:
        values = record.values
        if keep is not None:
            values = {k: v for k, v in values.items() if k in keep}
        row = _equipment_row(values)
        code, kind = row.get("code"), values.get("type")
        is_new = not code or code not in existing_codes
        if is_new and row.get("special") is None and isinstance(kind, TypeRef):
            row["special"] = kind.special
        rows.append({k: v for k, v in row.items() if v is not None or k == "code"})
    return rows


def _equipment_row(values: Mapping[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {name: values.get(name) for name in _PLAIN_FIELDS if name in values}
    kind, area = values.get("type"), values.get("area")
    row["type_id"] = kind.id if isinstance(kind, TypeRef) else None
    row["area_id"] = area.id if isinstance(area, AreaRef) else None
    # The machine belongs to its area's site (the registry and labels are per site).
    row["site_id"] = area.site_id if isinstance(area, AreaRef) else None
    if values.get("special") is not None:
        row["special"] = values["special"] == YES
    for name, column in (("line", "line_id"), ("department", "department_id"),
                         ("owner", "owner_person_id")):
        row[column] = values.get(name)
    return row


def commit_rows(preview: ImportPreview,
                existing_codes: Container[str] = frozenset()) -> list[dict[str, Any]]:
    """The rows to hand to ``EquipmentService.import_records`` for a previewed file.

    ``existing_codes`` (codes already in the registry) only decides the 特种设备 default of
    new machines; without it every empty 特种设备 cell follows the type.
    """
    return equipment_rows(preview.records, preview.mapping.values(), existing_codes)
