"""A generic spreadsheet import: header detection, column mapping and typed validation.

Safety clerks bring HR rosters that were never meant for machines: a merged title row over the
header, blank rows, columns in any order under local names, full-width digits, dates typed in
half a dozen ways. This module turns such rows into typed records plus a list of row-level
problems the clerk can fix, without touching any file format: rows arrive as
``(excel_row_number, [cell values])`` from ``reports.xlsx_io.iter_rows`` (or any other reader),
so it stays pure standard library and is reused by every feature that imports (people,
equipment, ...). Each feature only declares its columns as a list of ``FieldSpec``.

Nothing here writes anywhere: ``build_preview`` only reports what *would* be imported, so the
UI can show it and the CLI can refuse a file with errors before anything is stored.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Literal

from core.i18n import DomainError, register, t

Kind = Literal["text", "date", "int", "float", "choice"]
KINDS: tuple[str, ...] = ("text", "date", "int", "float", "choice")
Row = tuple[int, list[Any]]


# --------------------------------------------------------------------------- field specs


@dataclass(frozen=True, eq=False)
class FieldSpec:
    """One column a feature accepts.

    ``choices`` maps every accepted spelling to the stored value (``{"在职": "active",
    "active": "active"}``); spellings are compared after ``fold_key`` so case, width and spaces
    do not matter. ``lookup`` marks a reference field (department name → id) resolved through
    the ``lookups`` given to ``build_preview``; ``check`` gets the typed value and returns the
    value to store or raises ``DomainError`` (a feature's own rule, e.g. phone numbers).
    ``default`` is stored when the cell is empty or the column is absent.
    """

    name: str
    label_zh: str
    label_en: str
    kind: Kind
    required: bool = False
    synonyms: tuple[str, ...] = ()
    choices: Mapping[str, str] | None = None
    unique: bool = False
    max_len: int | None = None
    example: str = ""
    default: Any = None
    lookup: bool = False
    check: Callable[[Any], Any] | None = None
    note_zh: str = ""
    note_en: str = ""

    def __post_init__(self) -> None:
        # Spec mistakes are programming errors: fail when the feature module is imported.
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"{self.name}: a choice field needs choices")

    def label(self, lang: str | None = None) -> str:
        return self.label_en if lang == "en" else self.label_zh

    def note(self, lang: str | None = None) -> str:
        return self.note_en if lang == "en" else self.note_zh

    def header_names(self) -> tuple[str, ...]:
        """Every header text that names this field without manual mapping."""
        return (self.label_zh, self.label_en, self.name, *self.synonyms)

    def allowed_text(self) -> str:
        """All accepted spellings of a choice field, for error messages."""
        return " / ".join(self.choices or ())

    def display_choices(self, lang: str | None = None) -> list[str]:
        """One spelling per stored value, in the reader's script (for drop-down lists).

        Chinese readers get the first spelling with non-ASCII characters, English readers the
        first ASCII one; the importer accepts every spelling either way.
        """
        want_ascii = lang == "en"
        picked: dict[str, str] = {}
        for spelling, stored in (self.choices or {}).items():
            if stored not in picked or (
                spelling.isascii() == want_ascii and picked[stored].isascii() != want_ascii
            ):
                picked[stored] = spelling
        return list(picked.values())


# --------------------------------------------------------------------------- messages

register(
    {
        "import.where": {
            "zh_CN": "第 {row} 行 {letter} 列「{column}」：",
            "en": "Row {row}, column {letter} “{column}”: ",
        },
        "import.required": {
            "zh_CN": "必填，不能为空",
            "en": "required, must not be empty",
        },
        "import.too_long": {
            "zh_CN": "内容过长（{length} 个字符，最多 {max_len} 个）",
            "en": "too long ({length} characters, at most {max_len})",
        },
        "import.bad_int": {
            "zh_CN": "“{value}”不是整数",
            "en": "“{value}” is not a whole number",
        },
        "import.bad_float": {
            "zh_CN": "“{value}”不是数字",
            "en": "“{value}” is not a number",
        },
        "import.bad_choice": {
            "zh_CN": "“{value}”不是可选的值，可填：{allowed}",
            "en": "“{value}” is not an allowed value; use one of: {allowed}",
        },
        "import.not_found": {
            "zh_CN": "“{value}”在系统中不存在，请先在系统中添加，或改成系统中已有的名称",
            "en": "“{value}” is not in the system; add it first or use a name the system has",
        },
        "import.not_found_hint": {
            "zh_CN": "“{value}”在系统中不存在，是否应为“{suggestion}”？",
            "en": "“{value}” is not in the system; did you mean “{suggestion}”?",
        },
        "import.duplicate": {
            "zh_CN": "“{value}”在本文件中重复（另见第 {other} 行），不能重复",
            "en": "“{value}” appears more than once in this file (see also row {other})",
        },
        "import.duplicate_column": {
            "zh_CN": "与「{other}」列都对应“{field_zh}”，只会读取「{other}」列；"
            "请删除多余的列或手动指定对应关系",
            "en": "maps to “{field_en}” just like column “{other}”, so it is ignored; "
            "delete one of them or map the columns by hand",
        },
        "import.missing_column": {
            "zh_CN": "缺少必填列“{field_zh}”（可在预览中手动指定对应的列）",
            "en": "the required column “{field_en}” is missing (map a column to it by hand)",
        },
        "import.no_header": {
            "zh_CN": "在前 {scan} 行中找不到表头行：至少要能认出 {need} 列，例如必填的"
            "“{required_zh}”。请确认表格第一张表是数据表，或手动指定列的对应关系",
            "en": "No header row found in the first {scan} rows: at least {need} known columns "
            "are needed, such as the required “{required_en}”. Check that the first sheet holds "
            "the data, or map the columns by hand",
        },
        "import.unknown_field": {
            "zh_CN": "手动对应中的字段“{field}”不存在，可用的字段：{fields}",
            "en": "Unknown field “{field}” in the manual mapping; known fields: {fields}",
        },
        "import.manual_header_missing": {
            "zh_CN": "手动对应中的表头“{header}”不在文件的表头里（表头有：{headers}）",
            "en": "The header “{header}” in the manual mapping is not in the file "
            "(headers: {headers})",
        },
        "import.bad_manual_map": {
            "zh_CN": "手动对应写法应为“表头=字段”，收到“{text}”",
            "en": "A manual mapping must look like “header=field”, got “{text}”",
        },
        "import.date.unrecognised": {
            "zh_CN": "无法识别的日期“{value}”，请写成 2024-03-05 或 2024/3/5",
            "en": "“{value}” is not a date we can read; write it as 2024-03-05 or 2024/3/5",
        },
        "import.date.bad_month": {
            "zh_CN": "日期“{value}”不存在：没有 {month} 月",
            "en": "“{value}” is not a real date: there is no month {month}",
        },
        "import.date.bad_day": {
            "zh_CN": "日期“{value}”不存在：{year} 年 {month} 月没有 {day} 日",
            "en": "“{value}” is not a real date: {year}-{month:02d} has no day {day}",
        },
        "import.date.out_of_range": {
            "zh_CN": "数字 {value} 不是有效的 Excel 日期",
            "en": "the number {value} is not a valid Excel date",
        },
    }
)


class FieldError(DomainError):
    """A cell that cannot become its field's value; ``key``/``params`` explain why."""


# --------------------------------------------------------------------------- text


# Zero-width and direction marks sneak in when rosters are pasted from web pages or chat apps;
# they are invisible to the clerk, so they must not make "A001" differ from "A001".
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060\ufeff]")


def normalize_text(value: object) -> str:
    """The cell as clean text: NFKC (full-width → half-width), trimmed, single spaces.

    Whole floats print without ``.0`` because Excel stores numbers typed into a cell (phone
    numbers, employee numbers) as floats.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return format(value, ".15g")  # Excel keeps 15 significant digits; hide float noise
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if not text.isascii():  # NFKC leaves ASCII alone; most cells are ASCII, so skip the work
        text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def fold_key(value: object) -> str:
    """A comparison key: normalised, case-insensitive, spaces ignored (codes, names, choices)."""
    return "".join(normalize_text(value).split()).casefold()


_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>|《[^》]*》")
_UNCLOSED = re.compile(r"[(\[【<《].*$")


def header_key(text: object) -> str:
    """A header cell reduced to what names the column.

    Drops the "*" that marks required columns, bracketed notes such as "(yyyy-mm-dd)" or
    "（必填）" and a trailing colon, then folds like ``fold_key``.
    """
    s = _BRACKETED.sub("", normalize_text(text))
    s = _UNCLOSED.sub("", s).replace("*", "").rstrip(":")
    return fold_key(s)


def column_letter(index: int) -> str:
    """Excel's column letters for a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


# --------------------------------------------------------------------------- values

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_MAX_SERIAL = 2958465  # 9999-12-31
_DATE_TEXT = re.compile(
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号號]?"
    r"|(?P<cy>\d{4})(?P<cm>\d{2})(?P<cd>\d{2})"
)
_TIME_TAIL = re.compile(r"(?:\s*T?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*$")


def parse_date(value: object) -> dt.date | None:
    """A date from a cell, or None when empty; raises ``FieldError`` saying why it is not one.

    Accepts date/datetime cells, Excel serial numbers (1900 system), 8-digit numbers such as
    20240305, and text like 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 or 2024年3月5号,
    with or without a trailing time.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _date_from_number(value)
    text = normalize_text(value)
    if not text:
        return None
    return _date_from_text(text)


def _date_from_number(value: float) -> dt.date:
    shown = normalize_text(value)
    if value != value or value in (float("inf"), float("-inf")):
        raise FieldError("import.date.out_of_range", value=shown)
    whole = int(value)  # a fraction is the time of day
    if 19000101 <= whole <= 99991231 and value == whole:
        # Typed as 20240305 into a number cell; no serial is that large, so no ambiguity.
        return _checked_date(whole // 10000, whole // 100 % 100, whole % 100, shown)
    if whole == 60:
        # Excel's 1900 calendar has a 29 February that never existed (a Lotus 1-2-3 bug).
        raise FieldError("import.date.bad_day", value=shown, year=1900, month=2, day=29)
    if not 1 <= whole <= _EXCEL_MAX_SERIAL:
        raise FieldError("import.date.out_of_range", value=shown)
    # Serials before the phantom leap day are one day off from the real calendar.
    offset = whole if whole > 60 else whole + 1
    return _EXCEL_EPOCH + dt.timedelta(days=offset)


def _date_from_text(text: str) -> dt.date:
    match = _DATE_TEXT.match(text)
    if match is None or not _TIME_TAIL.fullmatch(text, match.end()):
        raise FieldError("import.date.unrecognised", value=text)
    parts = match.group("y", "m", "d") if match.group("y") else match.group("cy", "cm", "cd")
    year, month, day = (int(p) for p in parts)
    return _checked_date(year, month, day, text)


def _checked_date(year: int, month: int, day: int, shown: str) -> dt.date:
    if not 1 <= month <= 12:
        raise FieldError("import.date.bad_month", value=shown, month=month)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise FieldError(
            "import.date.bad_day", value=shown, year=year, month=month, day=day
        ) from None


_INT_TEXT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.0*)?")
_FLOAT_TEXT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?", re.I)


def parse_int(value: object) -> int | None:
    """A whole number from a number cell or text such as "12", "1,200" or "12.0"."""
    text = normalize_text(value)
    if not text:
        return None
    if isinstance(value, bool):
        raise FieldError("import.bad_int", value=text)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise FieldError("import.bad_int", value=text)
    if not _INT_TEXT.fullmatch(text):
        raise FieldError("import.bad_int", value=text)
    return int(text.replace(",", "").split(".")[0])


def parse_float(value: object) -> float | None:
    """A number from a number cell or text such as "3.5" or "1,200.5"."""
    text = normalize_text(value)
    if not text:
        return None
    if isinstance(value, bool):
        raise FieldError("import.bad_float", value=text)
    if isinstance(value, (int, float)):
        number = float(value)
    elif _FLOAT_TEXT.fullmatch(text) and any(c.isdigit() for c in text):
        number = float(text.replace(",", ""))
    else:
        raise FieldError("import.bad_float", value=text)
    if number != number or number in (float("inf"), float("-inf")):
        raise FieldError("import.bad_float", value=text)
    return number


@functools.lru_cache(maxsize=128)
def _choice_table(spec: FieldSpec) -> dict[str, str]:
    # Specs hash by identity (eq=False), so each spec's table is folded once, not per cell.
    return {fold_key(k): v for k, v in (spec.choices or {}).items()}


def parse_choice(spec: FieldSpec, value: object) -> str | None:
    """The stored value for any accepted spelling of a choice (case, width, spaces ignored)."""
    text = normalize_text(value)
    if not text:
        return None
    try:
        return _choice_table(spec)[fold_key(text)]
    except KeyError:
        raise FieldError("import.bad_choice", value=text, allowed=spec.allowed_text()) from None


# --------------------------------------------------------------------------- specs index


class _SpecIndex:
    """Specs by name and by header key, checked once per preview."""

    def __init__(self, specs: Sequence[FieldSpec]) -> None:
        self.specs = tuple(specs)
        self.by_name: dict[str, FieldSpec] = {}
        self.by_key: dict[str, str] = {}
        for spec in self.specs:
            if spec.name in self.by_name:
                raise ValueError(f"field {spec.name!r} declared twice")
            self.by_name[spec.name] = spec
            for name in spec.header_names():
                key = header_key(name)
                owner = self.by_key.setdefault(key, spec.name)
                if owner != spec.name:
                    raise ValueError(f"header {name!r} names both {owner!r} and {spec.name!r}")

    def required(self) -> list[FieldSpec]:
        return [s for s in self.specs if s.required]

    def manual_keys(self, manual: Mapping[str, str] | None) -> dict[str, str]:
        """Manual mapping by header key; "" as the field means "ignore this column"."""
        keys: dict[str, str] = {}
        labels = {header_key(n): s.name for s in self.specs for n in (s.label_zh, s.label_en)}
        for header, name in (manual or {}).items():
            name = name.strip()
            if name and name not in self.by_name:
                # A clerk types the column's Chinese name (工号) as readily as employee_no.
                name = labels.get(header_key(name), name)
            if name and name not in self.by_name:
                known = ", ".join(f"{s.label_zh}({s.name})" for s in self.specs)
                raise DomainError("import.unknown_field", field=name, fields=known)
            keys[header_key(header)] = name
        return keys


def parse_manual_map(items: Iterable[str] | None) -> dict[str, str]:
    """CLI ``--map '表头=field'`` arguments as a manual mapping (split at the last "=").

    ``表头=`` (nothing after "=") tells the importer to ignore that column.
    """
    mapping: dict[str, str] = {}
    for item in items or ():
        header, sep, name = item.rpartition("=")
        if not sep or not header.strip():
            raise DomainError("import.bad_manual_map", text=item)
        mapping[header.strip()] = name.strip()
    return mapping


# --------------------------------------------------------------------------- header


@dataclass(frozen=True)
class HeaderRow:
    """The detected header: its Excel row number and its cells as display text."""

    row: int
    headers: list[str]
    matched: int


def _display_header(value: object) -> str:
    # Keep the clerk's own spelling (full-width brackets and all) for messages; only tidy
    # the whitespace that line breaks inside header cells leave behind.
    return " ".join(str(value).split()) if value is not None else ""


def _is_blank(values: Sequence[Any]) -> bool:
    return not any(normalize_text(v) for v in values)


def _row_score(values: Sequence[Any], index: _SpecIndex, manual: Mapping[str, str]) -> int:
    fields: set[str] = set()
    for value in values:
        key = header_key(value)
        if not key:
            continue
        name = manual.get(key) if key in manual else index.by_key.get(key)
        if name:
            fields.add(name)
    return len(fields)


def find_header(
    rows: Iterable[Row],
    specs: Sequence[FieldSpec],
    scan: int = 20,
    manual: Mapping[str, str] | None = None,
) -> HeaderRow:
    """The row among the first ``scan`` non-blank rows that names the most known columns.

    Title rows ("2024年员工花名册") and blank rows score nothing and are passed over. A row
    qualifies only if it names at least as many known columns as there are required fields,
    so a data row that happens to contain a label cannot win, yet a file whose required
    column has an unusual name still gets a preview in which the clerk can map it.
    Consumes up to ``scan`` non-blank rows from ``rows``.
    """
    index = _SpecIndex(specs)
    manual_keys = index.manual_keys(manual)
    need = max(1, len(index.required()))
    best: tuple[int, int, list[Any]] | None = None
    seen = 0
    for number, values in rows:
        if _is_blank(values):
            continue
        score = _row_score(values, index, manual_keys)
        if score >= need and (best is None or score > best[0]):
            best = (score, number, list(values))
        seen += 1
        if seen >= scan:
            break
    if best is None:
        required = index.required() or list(index.specs[:1])
        raise DomainError(
            "import.no_header",
            scan=scan,
            need=need,
            required_zh="、".join(s.label_zh for s in required),
            required_en=", ".join(s.label_en for s in required),
        )
    score, number, values = best
    return HeaderRow(row=number, headers=[_display_header(v) for v in values], matched=score)


# --------------------------------------------------------------------------- mapping


@dataclass(frozen=True)
class ColumnConflict:
    """A column ignored because an earlier (or manually mapped) column has the same field."""

    col: int
    field: str
    kept_col: int


@dataclass
class ColumnMapping:
    mapping: dict[int, str]
    unmatched: list[str]
    conflicts: list[ColumnConflict]
    unused_manual: list[str]


def map_columns(
    headers: Sequence[str],
    specs: Sequence[FieldSpec],
    manual: Mapping[str, str] | None = None,
) -> ColumnMapping:
    """Header texts → field names; the manual mapping wins over labels and synonyms."""
    index = _SpecIndex(specs)
    manual_keys = index.manual_keys(manual)
    claims: dict[str, list[tuple[bool, int]]] = {}  # field -> [(is_manual, col)]
    unmatched_cols: list[int] = []
    used_manual: set[str] = set()
    for col, text in enumerate(headers):
        key = header_key(text)
        if not key:
            continue
        if key in manual_keys:
            used_manual.add(key)
            if manual_keys[key]:
                claims.setdefault(manual_keys[key], []).append((True, col))
        elif key in index.by_key:
            claims.setdefault(index.by_key[key], []).append((False, col))
        else:
            unmatched_cols.append(col)

    mapping: dict[int, str] = {}
    conflicts: list[ColumnConflict] = []
    for name, field_claims in claims.items():
        manual_cols = [col for is_manual, col in field_claims if is_manual]
        auto_cols = [col for is_manual, col in field_claims if not is_manual]
        if manual_cols:
            # The clerk said which column this is; other columns with a matching label are
            # merely unmatched now, not an error.
            unmatched_cols.extend(auto_cols)
            keep, *others = manual_cols
        else:
            keep, *others = auto_cols
        mapping[keep] = name
        conflicts.extend(ColumnConflict(col, name, keep) for col in others)

    unused = [h for h in (manual or {}) if header_key(h) not in used_manual]
    return ColumnMapping(
        mapping=dict(sorted(mapping.items())),
        unmatched=[headers[c] for c in sorted(unmatched_cols)],
        conflicts=sorted(conflicts, key=lambda c: c.col),
        unused_manual=unused,
    )


# --------------------------------------------------------------------------- preview


@dataclass(frozen=True)
class RowError:
    """A problem with one cell; ``column`` is the header text as written in the file."""

    row: int
    column: str
    value: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    col: int = -1  # 0-based column index, shown as the Excel letter

    def message(self, lang: str | None = None) -> str:
        letter = column_letter(self.col) if self.col >= 0 else "?"
        where = t("import.where", lang, row=self.row, column=self.column, letter=letter)
        params = {"value": self.value, "column": self.column, **self.params}
        return where + t(self.key, lang, **params)


@dataclass(frozen=True)
class ImportRecord:
    row: int
    values: dict[str, Any]


@dataclass
class ImportPreview:
    header_row: int
    headers: list[str]
    mapping: dict[int, str]
    unmatched_headers: list[str]
    missing_required: list[str]
    records: list[ImportRecord]
    errors: list[RowError]
    blank_rows: int = 0
    example_rows: int = 0  # the template's own example row, recognised and skipped
    data_rows: int = 0  # non-blank rows below the header, good or bad
    lang: str | None = None
    specs: tuple[FieldSpec, ...] = field(default=(), repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.missing_required

    @property
    def error_rows(self) -> list[int]:
        return sorted({e.row for e in self.errors})

    def messages(self, lang: str | None = None) -> list[str]:
        """Every problem as a line for the clerk: missing columns first, then cells."""
        lang = lang or self.lang
        by_name = {s.name: s for s in self.specs}
        lines = [
            t(
                "import.missing_column",
                lang,
                field_zh=by_name[n].label_zh if n in by_name else n,
                field_en=by_name[n].label_en if n in by_name else n,
            )
            for n in self.missing_required
        ]
        lines.extend(e.message(lang) for e in self.errors)
        return lines


def _scan_window(rows: Iterator[Row], scan: int) -> list[Row]:
    """The rows ``find_header`` looks at, kept so the data rows among them are not lost."""
    window: list[Row] = []
    non_blank = 0
    for number, values in rows:
        if _is_blank(values):
            window.append((number, []))
            continue
        window.append((number, list(values)))
        non_blank += 1
        if non_blank >= scan:
            break
    return window


class _Validator:
    """Checks rows one at a time; keeps typed records and errors, never the raw rows."""

    def __init__(
        self,
        index: _SpecIndex,
        header: HeaderRow,
        mapping: dict[int, str],
        lookups: Mapping[str, Mapping[str, Any]] | None,
    ) -> None:
        self.index = index
        self.headers = header.headers
        self.mapping = mapping
        self.lookups = {
            name: {fold_key(k): v for k, v in table.items()}
            for name, table in (lookups or {}).items()
        }
        self.lookup_names = {
            name: {fold_key(k): normalize_text(k) for k in table}
            for name, table in (lookups or {}).items()
        }
        mapped = set(mapping.values())
        self.defaults = {
            s.name: s.default for s in index.specs if s.name not in mapped and s.default is not None
        }
        self.spec_at = {c: index.by_name[f] for c, f in mapping.items()}
        self.example_fields = [s for s in self.spec_at.values() if s.example]
        self.records: dict[int, ImportRecord] = {}
        self.errors: list[RowError] = []
        # field -> folded value -> [first row, column index, shown value, already reported]
        self.seen: dict[str, dict[str, list[Any]]] = {}
        self.blank_rows = 0
        self.pending_blank = 0
        self.example_rows = 0
        self.data_rows = 0

    def feed(self, number: int, values: Sequence[Any]) -> None:
        cells = {col: values[col] if col < len(values) else None for col in self.mapping}
        texts = {col: normalize_text(raw) for col, raw in cells.items()}
        if not any(texts.values()):
            # Only blank rows followed by data count: trailing formatted-but-empty rows that
            # Excel keeps in the file are not the clerk's blank rows.
            self.pending_blank += 1
            return
        self.blank_rows += self.pending_blank
        self.pending_blank = 0
        if self._is_template_example(cells, texts):
            self.example_rows += 1
            return
        self.data_rows += 1
        row_values: dict[str, Any] = {}
        ok = True
        for col, raw in cells.items():
            spec = self.spec_at[col]
            try:
                row_values[spec.name] = self._convert(spec, raw, texts[col])
            except DomainError as exc:
                ok = False
                self.add_error(number, col, texts[col], exc.key, exc.params)
        row_values.update(self.defaults)
        ok = self._check_unique(number, row_values) and ok
        if ok:
            self.records[number] = ImportRecord(number, row_values)

    def add_error(self, row: int, col: int, value: str, key: str, params: dict[str, Any]) -> None:
        # The cell text is the RowError's own ``value``; a parser's copy of it is redundant.
        extra = {k: v for k, v in params.items() if k != "value"}
        self.errors.append(RowError(row, self.headers[col], value, key, extra, col))

    def _convert(self, spec: FieldSpec, raw: Any, text: str) -> Any:
        """The stored value for one cell (``text`` is the cell already normalised)."""
        if not text:
            if spec.required:
                raise FieldError("import.required")
            return spec.default
        if spec.max_len is not None and len(text) > spec.max_len:
            raise FieldError("import.too_long", length=len(text), max_len=spec.max_len)
        if spec.name in self.lookups:
            value: Any = text
        elif spec.kind == "date":
            value = parse_date(raw)
        elif spec.kind == "int":
            value = parse_int(raw)
        elif spec.kind == "float":
            value = parse_float(raw)
        elif spec.kind == "choice":
            value = parse_choice(spec, raw)
        else:
            value = text
        if spec.check is not None:
            value = spec.check(value)
        if spec.name in self.lookups:
            value = self._lookup(spec.name, text)
        return value

    def _lookup(self, name: str, text: str) -> Any:
        table = self.lookups[name]
        key = fold_key(text)
        if key in table:
            return table[key]
        close = difflib.get_close_matches(key, list(table), n=1, cutoff=0.6)
        if close:
            suggestion = self.lookup_names[name][close[0]]
            raise FieldError("import.not_found_hint", suggestion=suggestion)
        raise FieldError("import.not_found")

    def _check_unique(self, number: int, row_values: dict[str, Any]) -> bool:
        ok = True
        for col, name in self.mapping.items():
            spec = self.index.by_name[name]
            value = row_values.get(name)
            if not spec.unique or value is None:
                continue
            shown = normalize_text(value)
            first = self.seen.setdefault(name, {}).setdefault(
                fold_key(shown), [number, col, shown, False]
            )
            if first[0] == number:
                continue
            ok = False
            self.add_error(number, col, shown, "import.duplicate", {"other": first[0]})
            if not first[3]:
                # The first occurrence looked fine when it was read; now it is half of a pair.
                first[3] = True
                self.records.pop(first[0], None)
                self.add_error(first[0], first[1], first[2], "import.duplicate", {"other": number})
        return ok

    def _is_template_example(self, cells: Mapping[int, Any], texts: Mapping[int, str]) -> bool:
        """True for a row equal to the template's example row (left in by the clerk)."""
        if len(self.example_fields) < 2:
            return False
        for col, raw in cells.items():
            spec = self.spec_at[col]
            text = texts[col]
            if not text and not spec.example:
                continue
            if not text or not spec.example or not _same_value(spec, raw, spec.example):
                return False
        return True

    def finish(self) -> tuple[list[ImportRecord], list[RowError]]:
        errors = sorted(self.errors, key=lambda e: (e.row, e.col))
        return list(self.records.values()), errors


def _same_value(spec: FieldSpec, raw: Any, example: str) -> bool:
    if spec.kind == "date":
        try:
            return parse_date(raw) == parse_date(example)
        except FieldError:
            return False
    return fold_key(raw) == fold_key(example)


def build_preview(
    rows_iter: Iterable[Row],
    specs: Sequence[FieldSpec],
    manual_map: Mapping[str, str] | None = None,
    lookups: Mapping[str, Mapping[str, Any]] | None = None,
    lang: str | None = None,
    *,
    scan: int = 20,
) -> ImportPreview:
    """Read rows once and report what an import would store and what must be fixed first.

    ``lookups`` maps a field to {name in the system: stored value}, e.g. department names to
    ids; names are compared after ``fold_key``. Raises ``DomainError`` when no header row is
    found or the manual mapping names an unknown field or header.
    """
    index = _SpecIndex(specs)
    rows = iter(rows_iter)
    window = _scan_window(rows, scan)
    header = find_header(window, specs, scan=scan, manual=manual_map)
    columns = map_columns(header.headers, specs, manual_map)
    if columns.unused_manual:
        raise DomainError(
            "import.manual_header_missing",
            header=columns.unused_manual[0],
            headers=", ".join(h for h in header.headers if h),
        )

    validator = _Validator(index, header, columns.mapping, lookups)
    for conflict in columns.conflicts:
        spec = index.by_name[conflict.field]
        validator.add_error(
            header.row,
            conflict.col,
            header.headers[conflict.col],
            "import.duplicate_column",
            {
                "other": header.headers[conflict.kept_col],
                "field_zh": spec.label_zh,
                "field_en": spec.label_en,
            },
        )
    below = (row for row in window if row[0] > header.row)
    for number, values in chain(below, rows):
        validator.feed(number, values)

    records, errors = validator.finish()
    mapped = set(columns.mapping.values())
    return ImportPreview(
        header_row=header.row,
        headers=header.headers,
        mapping=columns.mapping,
        unmatched_headers=columns.unmatched,
        missing_required=[s.name for s in index.required() if s.name not in mapped],
        records=records,
        errors=errors,
        blank_rows=validator.blank_rows,
        example_rows=validator.example_rows,
        data_rows=validator.data_rows,
        lang=lang,
        specs=index.specs,
    )
