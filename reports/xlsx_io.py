"""Excel workbooks in and out: streaming rows for imports, import templates, table exports.

The only module that knows openpyxl's reading and writing modes. Rows go to
``core.importing`` as plain ``(excel_row_number, [values])`` so validation stays pure, and
every way a clerk's file can fail to open becomes a ``DomainError`` in their language.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook as WorkbookType
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from core.i18n import DEFAULT_LANGUAGE, LANGUAGES, DomainError, register
from core.i18n import t as _t
from core.importing import FieldSpec, parse_date

register(
    {
        "xlsx.not_found": {
            "zh_CN": "找不到文件：{path}",
            "en": "File not found: {path}",
        },
        "xlsx.locked": {
            "zh_CN": "无法打开 {name}：文件正被其他程序（如 Excel、WPS）占用，或没有读取权限。"
            "请关闭该文件后重试",
            "en": "Cannot open {name}: another program (Excel, WPS) is using it, or you lack "
            "permission to read it. Close the file and try again",
        },
        "xlsx.read_failed": {
            "zh_CN": "读取 {name} 失败：{reason}",
            "en": "Could not read {name}: {reason}",
        },
        "xlsx.old_xls": {
            "zh_CN": "{name} 是旧版 Excel 97-2003（.xls）或其他旧格式，请在 Excel 或 WPS 中"
            "“另存为” Excel 工作簿（.xlsx）后再导入",
            "en": "{name} is an old Excel 97-2003 (.xls) or similar file; open it in Excel or "
            "WPS and “Save As” an Excel Workbook (.xlsx), then import that",
        },
        "xlsx.encrypted": {
            "zh_CN": "{name} 设有打开密码（已加密），无法读取。请在 Excel 中删除密码"
            "（文件 → 信息 → 保护工作簿），保存后再导入",
            "en": "{name} is password-protected (encrypted) and cannot be read. Remove the "
            "password in Excel (File → Info → Protect Workbook), save, and import again",
        },
        "xlsx.not_workbook": {
            "zh_CN": "{name} 不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中打开它，"
            "“另存为” .xlsx 后再导入",
            "en": "{name} is not an Excel workbook (.xlsx). Open it in Excel or WPS and "
            "“Save As” .xlsx, then import that",
        },
        "xlsx.corrupt": {
            "zh_CN": "{name} 已损坏或不完整，无法读取。请在 Excel 中打开并重新保存，"
            "或向对方重新索取文件",
            "en": "{name} is damaged or incomplete and cannot be read. Open and re-save it in "
            "Excel, or ask for the file again",
        },
        "xlsx.no_sheet": {
            "zh_CN": "{name} 中没有名为“{sheet}”的工作表（现有：{sheets}）",
            "en": "{name} has no sheet named “{sheet}” (sheets: {sheets})",
        },
        "xlsx.no_worksheets": {
            "zh_CN": "{name} 中没有可读取的工作表",
            "en": "{name} has no worksheet to read",
        },
        "xlsx.write_denied": {
            "zh_CN": "无法保存 {name}：文件正被其他程序（如 Excel、WPS）打开，或没有写入权限。"
            "请关闭该文件或换一个位置后重试",
            "en": "Cannot save {name}: another program (Excel, WPS) has it open, or you lack "
            "permission to write there. Close the file or pick another folder and try again",
        },
        "xlsx.disk_full": {
            "zh_CN": "无法保存 {name}：磁盘空间不足",
            "en": "Cannot save {name}: the disk is full",
        },
        "xlsx.write_failed": {
            "zh_CN": "保存 {name} 失败：{reason}",
            "en": "Could not save {name}: {reason}",
        },
        # Template texts.
        "xlsx.template.sheet": {"zh_CN": "导入数据", "en": "Data"},
        "xlsx.template.help_sheet": {"zh_CN": "说明", "en": "Instructions"},
        "xlsx.template.intro": {
            "zh_CN": "在“{sheet}”表中从第 {first} 行起逐行填写，第 {header} 行是表头，请勿修改。"
            "标 * 的列必须填写。第 {first} 行是示例，可直接覆盖；原样保留的示例行导入时会被跳过。",
            "en": "Fill in one row per record on the “{sheet}” sheet from row {first}; row "
            "{header} is the header, do not change it. Columns marked * are required. Row "
            "{first} is an example: overwrite it; if left as is, it is skipped on import.",
        },
        "xlsx.template.col.column": {"zh_CN": "列名", "en": "Column"},
        "xlsx.template.col.required": {"zh_CN": "必填", "en": "Required"},
        "xlsx.template.col.format": {"zh_CN": "格式", "en": "Format"},
        "xlsx.template.col.choices": {"zh_CN": "可填的值", "en": "Allowed values"},
        "xlsx.template.col.example": {"zh_CN": "示例", "en": "Example"},
        "xlsx.template.col.note": {"zh_CN": "说明", "en": "Notes"},
        "xlsx.template.yes": {"zh_CN": "是", "en": "yes"},
        "xlsx.template.no": {"zh_CN": "否", "en": "no"},
        "xlsx.template.kind.text": {"zh_CN": "文本", "en": "Text"},
        "xlsx.template.kind.date": {
            "zh_CN": "日期，如 2024-03-05（也可写 2024/3/5、2024年3月5日）",
            "en": "Date, e.g. 2024-03-05 (2024/3/5 also works)",
        },
        "xlsx.template.kind.int": {"zh_CN": "整数", "en": "Whole number"},
        "xlsx.template.kind.float": {"zh_CN": "数字", "en": "Number"},
        "xlsx.template.kind.choice": {
            "zh_CN": "从下拉列表中选择",
            "en": "Pick from the drop-down list",
        },
        "xlsx.template.unique": {"zh_CN": "不能重复", "en": "must not repeat"},
        "xlsx.template.max_len": {
            "zh_CN": "最多 {max_len} 个字符",
            "en": "at most {max_len} characters",
        },
        "xlsx.template.choice_error": {
            "zh_CN": "请从下拉列表中选择：{allowed}",
            "en": "Please pick from the list: {allowed}",
        },
    }
)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK"
# An encrypted .xlsx is an OLE2 container holding a stream with this name (MS-OFFCRYPTO);
# an .xls holds "Workbook"/"Book" instead. Directory entry names are UTF-16LE.
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_HEADER_FONT = Font(bold=True)
_REQUIRED_FONT = Font(bold=True, color="C00000")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_EXAMPLE_FONT = Font(italic=True, color="808080")
_TITLE_FONT = Font(bold=True, size=14)

# What openpyxl (and the zip/XML layers under it) raise for a damaged workbook. A damaged file
# is an everyday user problem, not a bug, so these become "xlsx.corrupt".
_CORRUPT_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    InvalidFileException,
    KeyError,
    SyntaxError,  # xml.etree ParseError and lxml's XMLSyntaxError both derive from it
    EOFError,
    ValueError,
    TypeError,
)


def _lang(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


# --------------------------------------------------------------------------- reading


def iter_rows(path: str | os.PathLike[str], sheet: str | None = None) -> Iterator[tuple[int, list]]:
    """Stream a sheet as (1-based Excel row number, [cell values]), blank rows included.

    The file is checked now (missing, locked, .xls, encrypted, not a workbook), so a bad pick
    fails at the call; the rows are read lazily in read-only mode and the workbook is closed
    when the iteration ends or the iterator is closed. Without ``sheet`` the first visible
    worksheet is read. Cells hold computed values, never formulas; trailing empty cells are
    dropped, so an empty row is ``[]``.
    """
    p = Path(path)
    _check_readable(p)
    return _stream_rows(p, sheet)


def sheet_names(path: str | os.PathLike[str]) -> list[str]:
    """The worksheet names of a workbook, for a sheet picker."""
    p = Path(path)
    _check_readable(p)
    with _open(p) as fh:
        wb = _load(fh, p.name)
        try:
            return [ws.title for ws in wb.worksheets]
        finally:
            wb.close()


def _check_readable(p: Path) -> None:
    with _open(p) as fh:
        head = fh.read(len(OLE2_MAGIC))
    if head == OLE2_MAGIC:
        key = "xlsx.encrypted" if _contains(p, _ENCRYPTED_STREAM) else "xlsx.old_xls"
        raise DomainError(key, name=p.name)
    if not head.startswith(ZIP_MAGIC):
        # HR systems often "export to Excel" as HTML or XML named .xls: same advice as .xls.
        key = "xlsx.old_xls" if p.suffix.lower() in (".xls", ".et") else "xlsx.not_workbook"
        raise DomainError(key, name=p.name)


def _open(p: Path) -> BinaryIO:
    try:
        return p.open("rb")
    except FileNotFoundError:
        raise DomainError("xlsx.not_found", path=str(p)) from None
    except IsADirectoryError:
        raise DomainError("xlsx.not_workbook", name=p.name) from None
    except PermissionError:
        raise DomainError("xlsx.locked", name=p.name) from None
    except OSError as exc:
        raise DomainError("xlsx.read_failed", name=p.name, reason=exc.strerror or exc) from exc


def _contains(p: Path, needle: bytes, chunk: int = 1 << 20) -> bool:
    """Whether the file holds ``needle``, read in overlapping chunks (files can be large)."""
    tail = b""
    with _open(p) as fh:
        while block := fh.read(chunk):
            if needle in tail + block:
                return True
            tail = block[-len(needle) :]
    return False


def _load(fh: BinaryIO, name: str) -> WorkbookType:
    # A file object rather than a path: openpyxl refuses paths by extension, and clerks'
    # files are often misnamed; the zip signature was already checked.
    try:
        return load_workbook(fh, read_only=True, data_only=True)
    except _CORRUPT_ERRORS as exc:
        raise DomainError("xlsx.corrupt", name=name) from exc
    except OSError as exc:
        raise DomainError("xlsx.read_failed", name=name, reason=exc.strerror or exc) from exc


def _pick_sheet(wb: WorkbookType, sheet: str | None, name: str) -> Any:
    worksheets = wb.worksheets  # chart sheets excluded
    if sheet is None:
        visible = [ws for ws in worksheets if ws.sheet_state == "visible"] or worksheets
        if not visible:
            raise DomainError("xlsx.no_worksheets", name=name)
        return visible[0]
    for ws in worksheets:
        # Sheet names typed on a command line lose their exact spacing and case.
        if ws.title == sheet or ws.title.strip().casefold() == sheet.strip().casefold():
            return ws
    sheets = "、".join(ws.title for ws in worksheets)
    raise DomainError("xlsx.no_sheet", name=name, sheet=sheet, sheets=sheets)


def _stream_rows(p: Path, sheet: str | None) -> Iterator[tuple[int, list]]:
    with _open(p) as fh:
        wb = _load(fh, p.name)
        try:
            ws = _pick_sheet(wb, sheet, p.name)
            # Some exporters write a wrong <dimension> (often just "A1"); read-only mode would
            # trust it and stop early, so read what is really there.
            ws.reset_dimensions()
            rows = ws.iter_rows(min_row=1, values_only=True)
            try:
                for number, values in enumerate(rows, start=1):
                    yield number, _trim(values)
            except _CORRUPT_ERRORS as exc:
                raise DomainError("xlsx.corrupt", name=p.name) from exc
        finally:
            wb.close()


def _trim(values: Sequence[Any]) -> list[Any]:
    end = len(values)
    while end and (values[end - 1] is None or values[end - 1] == ""):
        end -= 1
    return list(values[:end])


# --------------------------------------------------------------------------- writing


def _save_atomically(wb: WorkbookType, path: Path) -> None:
    """Save next to the target and rename, so a failure never leaves half a workbook behind."""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".~", suffix=".xlsx.tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(exc, path) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise _write_error(exc, path) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _write_error(exc: OSError, path: Path) -> DomainError:
    if isinstance(exc, PermissionError):
        return DomainError("xlsx.write_denied", name=path.name)
    if exc.errno == errno.ENOSPC:
        return DomainError("xlsx.disk_full", name=path.name)
    return DomainError("xlsx.write_failed", name=path.name, reason=exc.strerror or exc)


def _text_width(text: str) -> int:
    # CJK characters take two columns in Excel's default fonts.
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _column_width(*texts: str, minimum: int = 10, maximum: int = 50) -> float:
    widest = max((_text_width(t) for t in texts if t), default=0)
    return float(min(maximum, max(minimum, widest + 2)))


def _sheet_title(title: str) -> str:
    # Excel forbids []:*?/\ in sheet names and cuts them at 31 characters.
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in title).strip("'") or "Sheet1"
    return cleaned[:31]


def header_text(spec: FieldSpec, lang: str | None = None) -> str:
    """A template header cell: the label, with "*" in front when the column is required."""
    label = spec.label(_lang(lang))
    return f"*{label}" if spec.required else label


def _example_value(spec: FieldSpec) -> Any:
    """The example as the cell type the column expects, so the sample looks like real data."""
    if not spec.example:
        return None
    try:
        if spec.kind == "date":
            return parse_date(spec.example)
        if spec.kind == "int":
            return int(spec.example)
        if spec.kind == "float":
            return float(spec.example)
    except (DomainError, ValueError):
        pass
    return spec.example


def write_template(
    path: str | os.PathLike[str],
    specs: Sequence[FieldSpec],
    lang: str = "zh_CN",
    title: str | None = None,
) -> None:
    """An import template: header (required columns marked *), one example row, drop-down
    lists for choice columns, widths, frozen header, and an instructions sheet."""
    lang = _lang(lang)
    p = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(_t("xlsx.template.sheet", lang))
    header_row = 1
    if title:
        _title_row(ws, title, len(specs))
        header_row = 2
    _template_header(ws, specs, lang, header_row)
    _template_example(ws, specs, header_row + 1)
    _template_columns(ws, specs, lang, header_row)
    ws.freeze_panes = f"A{header_row + 1}"
    _instructions(
        wb.create_sheet(_sheet_title(_t("xlsx.template.help_sheet", lang))),
        specs,
        lang,
        ws.title,
        header_row,
    )
    wb.active = 0
    _save_atomically(wb, p)


def _title_row(ws: Worksheet, title: str, width: int) -> None:
    ws.cell(row=1, column=1, value=title).font = _TITLE_FONT
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    if width > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 24


def _template_header(ws: Worksheet, specs: Sequence[FieldSpec], lang: str, row: int) -> None:
    for col, spec in enumerate(specs, start=1):
        cell = ws.cell(row=row, column=col, value=header_text(spec, lang))
        cell.font = _REQUIRED_FONT if spec.required else _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")


def _template_example(ws: Worksheet, specs: Sequence[FieldSpec], row: int) -> None:
    for col, spec in enumerate(specs, start=1):
        value = _example_value(spec)
        if value is None:
            continue
        cell = ws.cell(row=row, column=col, value=value)
        cell.font = _EXAMPLE_FONT
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
        elif isinstance(value, str):
            cell.number_format = "@"


def _template_columns(ws: Worksheet, specs: Sequence[FieldSpec], lang: str, header: int) -> None:
    for col, spec in enumerate(specs, start=1):
        letter = get_column_letter(col)
        dim = ws.column_dimensions[letter]
        dim.width = _column_width(header_text(spec, lang), spec.example, minimum=12)
        # Text columns stay text so codes keep leading zeros and long phone numbers are not
        # turned into 1.38E+10; date columns show dates the one unambiguous way.
        if spec.kind == "date":
            dim.number_format = DATE_FORMAT
        elif spec.kind in ("text", "choice"):
            dim.number_format = "@"
        dv = _choice_validation(spec, lang, letter, header + 1) if spec.kind == "choice" else None
        if dv is not None:
            ws.add_data_validation(dv)


def _choice_validation(
    spec: FieldSpec, lang: str, letter: str, first_row: int
) -> DataValidation | None:
    """A drop-down list below the header; None when the list is too long for Excel."""
    shown = spec.display_choices(lang)
    formula = '"' + ",".join(shown) + '"'
    if len(formula) > 255 or any("," in c or '"' in c for c in shown):
        return None  # Excel would call the file damaged; the instructions sheet lists them
    # Warning style, not a hard stop: every accepted spelling (男 or M) still imports.
    dv = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        errorStyle="warning",
        showErrorMessage=True,
        error=_t("xlsx.template.choice_error", lang, allowed="、".join(shown)),
    )
    dv.add(f"{letter}{first_row}:{letter}1048576")
    return dv


def _instructions(
    ws: Worksheet, specs: Sequence[FieldSpec], lang: str, data_sheet: str, header_row: int
) -> None:
    ws.append(
        [_t("xlsx.template.intro", lang, sheet=data_sheet, header=header_row, first=header_row + 1)]
    )
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    ws.cell(row=1, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[1].height = 48
    ws.append([])
    columns = ("column", "required", "format", "choices", "example", "note")
    ws.append([_t(f"xlsx.template.col.{c}", lang) for c in columns])
    for cell in ws[3]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for spec in specs:
        ws.append(_instruction_row(spec, lang))
    for col, width in enumerate((18, 8, 36, 24, 16, 40), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A4"


def _instruction_row(spec: FieldSpec, lang: str) -> list[str]:
    notes = [spec.note(lang)] if spec.note(lang) else []
    if spec.unique and not spec.note(lang):
        notes.append(_t("xlsx.template.unique", lang))
    if spec.max_len:
        notes.append(_t("xlsx.template.max_len", lang, max_len=spec.max_len))
    yes_no = "yes" if spec.required else "no"
    return [
        header_text(spec, lang),
        _t(f"xlsx.template.{yes_no}", lang),
        _t(f"xlsx.template.kind.{spec.kind}", lang),
        "、".join(spec.display_choices(lang)) if spec.choices else "",
        spec.example,
        "；".join(notes) if lang == "zh_CN" else "; ".join(notes),
    ]


def write_table(
    path: str | os.PathLike[str],
    headers: list[str],
    rows: Iterable[list],
    title: str | None = None,
    sheet_title: str = "Sheet1",
) -> int:
    """Export rows in streaming (write-only) mode; returns the number of data rows written.

    Dates become real Excel dates (``yyyy-mm-dd``; datetimes with the time), so the clerk can
    sort and filter them. Text that starts with "=" stays text: a name in the database must
    never turn into a formula in someone's spreadsheet.
    """
    p = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_sheet_title(sheet_title))
    for col, header in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(col)].width = _column_width(header)
    header_row = 2 if title else 1
    ws.freeze_panes = f"A{header_row + 1}"
    if title:
        if len(headers) > 1:
            ws.merged_cells.add(f"A1:{get_column_letter(len(headers))}1")
        ws.append([_styled(ws, title, _TITLE_FONT)])
    ws.append([_styled(ws, h, _HEADER_FONT, _HEADER_FILL) for h in headers])
    count = 0
    for row in rows:
        ws.append([_table_cell(ws, v) for v in row])
        count += 1
    _save_atomically(wb, p)
    return count


def _styled(ws: Any, value: Any, font: Font, fill: PatternFill | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=_clean_text(value) if isinstance(value, str) else value)
    cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


def _clean_text(text: str) -> str:
    # Control characters make openpyxl refuse the cell (and Excel the file).
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _table_cell(ws: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            # Excel has no time zones; show the moment in the PC's local time.
            value = value.astimezone().replace(tzinfo=None)
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, str):
        text = _clean_text(value)
        if text.startswith("="):
            cell = WriteOnlyCell(ws, value=text)
            cell.data_type = "s"
            return cell
        return text
    return value
