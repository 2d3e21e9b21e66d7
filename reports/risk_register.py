"""The risk register (风险分级管控清单, F7) as PDF (A3 landscape) and Excel, from plain data.

Layout comes from reports/pdf_layout.py and reports/xlsx_layout.py (title block, header row on
every page, 第 x 页 共 y 页, signature line); this module adds the columns and the four-colour
fill of the grade cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.styles import Font, PatternFill

from core import i18n
from core.colours import RISK_TEXT_COLOURS
from core.risk import (
    CONTROL_LEVEL_LABELS,
    GRADES,
    KIND_LABELS,
    MEASURE_KINDS,
    MEASURE_LABELS,
    Assessment,
    ControlMeasure,
    RiskPoint,
    grade_label,
    label,
)
from reports import xlsx_layout
from reports.pdf_layout import Check, Column, Document, Furniture, _no_check, page_size

GRADE_COLUMN = 12  # 0-based index of 风险等级 in the columns below
REVIEW_COLUMN = 17  # 复评日期
OVERDUE_COLOUR = "C62828"  # the red of an overdue review date in the workbook


@dataclass(frozen=True)
class RegisterRow:
    point: RiskPoint
    measures: Sequence[ControlMeasure]
    latest: Assessment | None  # the assessment the current grade comes from


def _t(lang: str | None, zh: str, en: str) -> str:
    return en if (lang or i18n.language()) == "en" else zh


def register_columns(lang: str | None) -> list[Column]:
    t = lambda zh, en: _t(lang, zh, en)  # noqa: E731 - a local shorthand
    return [
        Column(t("序号", "No."), 2.2, "center", "int", 5),
        Column(t("风险点名称", "Risk point"), 8.5, xlsx_width=20),
        Column(t("类型", "Type"), 3.5, "center", xlsx_width=9),
        Column(t("所在区域/部位", "Area / location"), 5, xlsx_width=12),
        Column(t("作业活动/设备", "Activity / equipment"), 7, xlsx_width=16),
        Column(t("危险因素", "Hazard factors"), 10.5, xlsx_width=28),
        Column(t("可能导致的事故", "Possible accidents"), 7, xlsx_width=16),
        Column(t("评价方法", "Method"), 3.5, "center", xlsx_width=8),
        Column("L", 2.2, "center", xlsx_width=5),
        Column("E", 2.2, "center", xlsx_width=5),
        Column("C/S", 2.4, "center", xlsx_width=5),
        Column("D/R", 3, "center", xlsx_width=7),
        Column(t("风险等级", "Risk grade"), 4.4, "center", xlsx_width=10),
        Column(t("管控措施", "Control measures"), 21.1, xlsx_width=60),
        Column(t("管控层级", "Control level"), 4, "center", xlsx_width=8),
        Column(t("责任部门", "Responsible dept."), 5, xlsx_width=12),
        Column(t("责任人", "Responsible"), 3.5, "center", xlsx_width=8),
        Column(t("复评日期", "Review date"), 5, "center", "date", 11),
    ]


def _number(value: float | None) -> int | float | str:
    """A factor or score as a number a spreadsheet can add up: 3 stays 3, 0.5 stays 0.5."""
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else float(value)


def overdue_mark(lang: str | None) -> str:
    return _t(lang, "（逾期）", " (overdue)")


def is_overdue(review_date: dt.date | None, today: dt.date | None) -> bool:
    return review_date is not None and today is not None and review_date < today


def measures_text(measures: Sequence[ControlMeasure], lang: str | None) -> str:
    """工程技术：…；… / 管理：… — one line per kind, in the order of MEASURE_KINDS."""
    lines = []
    for kind in MEASURE_KINDS:
        texts = [m.text for m in measures if m.kind == kind]
        if texts:
            head = label(MEASURE_LABELS, kind, lang).removesuffix("措施")
            sep = "；" if (lang or i18n.language()) != "en" else "; "
            lines.append(f"{head}{'：' if sep == '；' else ': '}{sep.join(texts)}")
    return "\n".join(lines)


def register_values(row: RegisterRow, number: int, lang: str | None) -> list[Any]:
    p, a = row.point, row.latest
    where = p.equipment_name if p.kind == "equipment" and p.equipment_name else (p.activity or "")
    if p.kind == "equipment" and p.equipment_code:
        where = f"{p.equipment_name}\n{p.equipment_code}"
    if a is None:
        factors = ["", "", "", ""]
    elif a.method == "lec":
        factors = [_number(a.l), _number(a.e), _number(a.c), _number(a.score)]
    else:
        factors = [_number(a.likelihood), "—", _number(a.severity), _number(a.score)]
    method = "" if not p.method else ("LEC" if p.method == "lec" else "LS")
    return [
        number, p.name, label(KIND_LABELS, p.kind, lang), p.area_name, where,
        p.hazard_factors or "", p.possible_accidents or "", method, *factors,
        grade_label(p.grade, lang), measures_text(row.measures, lang),
        label(CONTROL_LEVEL_LABELS, p.control_level, lang), p.responsible_department_name,
        p.responsible_person_name, p.review_date,
    ]


class _RegisterDocument(Document):
    """The ledger table, with the grade cells filled in their risk colour."""

    def __init__(self, path: Path, furniture: Furniture, colours: Mapping[str, str],
                 lang: str | None) -> None:
        super().__init__(path, furniture, page_size("A3", "landscape"))
        self.colours = colours
        # Cell text as wrapped lines, compared without spaces ("Considerab" + "le risk").
        self.by_label = {grade_label(g, lang).replace(" ", ""): g for g in GRADES}

    def _draw_rows(self, page_rows: list, columns: Sequence[Column], widths: list[float],
                   xs: list[float], y: float, top: float, font_size: float, line_h: float,
                   bold_last: bool) -> float:
        c, yy = self.canvas, y
        for cells, height in page_rows:
            grade = self.by_label.get("".join(cells[GRADE_COLUMN][0]).replace(" ", ""))
            if grade:
                c.setFillColor(self.colours[grade])
                c.rect(xs[GRADE_COLUMN], yy - height, widths[GRADE_COLUMN], height, stroke=0,
                       fill=1)
            yy -= height
        c.setFillColorRGB(0, 0, 0)
        return super()._draw_rows(page_rows, columns, widths, xs, y, top, font_size, line_h,
                                  bold_last)


def risk_register_pdf(path: Path, furniture: Furniture, rows: Sequence[RegisterRow],
                      colours: Mapping[str, str], check: Check = _no_check,
                      today: dt.date | None = None) -> int:
    """Write the PDF; returns the page count. Review dates before ``today`` get "（逾期）"."""
    lang = furniture.lang
    doc = _RegisterDocument(path, furniture, colours, lang)
    mark = overdue_mark(lang)

    def values(row: RegisterRow, number: int) -> list[Any]:
        cells = register_values(row, number, lang)
        review = row.point.review_date
        if is_overdue(review, today):
            assert review is not None
            cells[REVIEW_COLUMN] = f"{review.isoformat()}\n{mark.strip()}"  # own line: narrow column
        return cells

    pages = doc.table(register_columns(lang),
                      (values(r, n) for n, r in enumerate(rows, start=1)),
                      font_size=7.5, check=check, total_rows=len(rows))
    doc.save()
    return pages


def risk_register_xlsx(path: Path, furniture: Furniture, rows: Sequence[RegisterRow],
                       colours: Mapping[str, str], check: Check = _no_check,
                       today: dt.date | None = None) -> int:
    """Write the workbook; returns the data rows. The grade cells get their colour in a second
    pass over the finished file (the shared writer streams rows and knows no per-cell fills);
    an overdue review date stays a date, shown red with "（逾期）" by its number format."""
    lang = furniture.lang
    count = xlsx_layout.write_table(
        path, furniture, register_columns(lang),
        (register_values(r, n, lang) for n, r in enumerate(rows, start=1)),
        paper="A3", orientation="landscape", check=check, total_rows=len(rows),
        sheet_title=_t(lang, "风险分级管控清单", "Risk register"))
    with open(path, "rb") as fh:  # a file object: openpyxl refuses the temp file's suffix
        wb = load_workbook(fh)
    sheet = wb.active
    assert sheet is not None
    first_data = 4  # title, unit/date line, header
    column = GRADE_COLUMN + 1
    for offset, row in enumerate(rows):
        grade = row.point.grade
        if grade:
            cell = sheet.cell(row=first_data + offset, column=column)
            cell.fill = PatternFill("solid", fgColor=colours[grade].lstrip("#").upper())
            cell.font = Font(name="宋体", size=10, bold=True,
                             color=RISK_TEXT_COLOURS[grade].lstrip("#").upper())
        if is_overdue(row.point.review_date, today):
            cell = sheet.cell(row=first_data + offset, column=REVIEW_COLUMN + 1)
            cell.number_format = f'yyyy-mm-dd"{overdue_mark(lang)}"'
            cell.font = Font(name="宋体", size=10, bold=True, color=OVERDUE_COLOUR)
    wb.save(path)
    return count
