"""The ledgers and forms of F10 as PDF and Excel, from plain data (no database here).

隐患排查治理台账, 隐患排查治理统计表, 重大危险源监控台账, 巡检台账, 整改通知单 and 验收单. Layout
comes from reports/pdf_layout.py and reports/xlsx_layout.py; the columns are REGULATIONS.md's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from core import i18n
from core.ledgers import LEDGER_COLUMNS, LedgerRow, StatsRow
from core.major_hazard import Identification
from reports import xlsx_layout
from reports.pdf_layout import Check, Column, Document, Furniture, Pictures, _no_check, page_size

i18n.register({
    "report.issued_by": {"zh_CN": "签发人", "en": "Issued by"},
    "report.received_by": {"zh_CN": "接收人（整改责任人）", "en": "Received by (rectifier)"},
    "report.rectifier": {"zh_CN": "整改责任人", "en": "Rectifier"},
    "report.accepted_by": {"zh_CN": "验收人", "en": "Accepted by"},
    "report.photos_skipped": {
        "zh_CN": "本台账共 {rows} 行，超过 {limit} 行时不嵌入整改前后照片（照片保存在系统中，"
                 "可打印单条隐患的整改通知单/验收单）。",
        "en": "This ledger has {rows} rows; above {limit} rows the before/after photos are not "
              "embedded (they stay in SafeDesk; print a hazard's notice or acceptance record).",
    },
    "report.photos_legend": {
        "zh_CN": "备注栏中的照片：左为整改前，右为整改后。",
        "en": "Photos in the notes column: before on the left, after on the right.",
    },
    "report.stats_definitions": {
        "zh_CN": "说明：隐患按发现月份统计（未核实的随手拍、未采纳和已合并的报告不计）；“已整改”为截至"
                 "制表日复查合格的隐患，整改率 = 已整改 ÷ 排查数；重大隐患“按方案整改中”为已制定整改"
                 "方案、正在整改或待复查的隐患；计划资金为派发时落实的整改资金，已用资金为整改登记的"
                 "实际花费。",
        "en": "Notes: hazards count in the month they were found (unverified snapshot reports, "
              "rejected and merged reports excluded); “fixed” means passed review by the date "
              "made; fix rate = fixed ÷ found; a major hazard is “under a remediation plan” "
              "while rectified or reviewed under its plan; funds committed are those set at "
              "dispatch, funds spent the recorded cost.",
    },
    "report.mh_basis": {
        "zh_CN": "辨识依据：GB 18218-2018《危险化学品重大危险源辨识》。S = Σ q/Q，q 为单元内危险"
                 "化学品的最大存在量，Q 为其临界量（表1 所列按名称，未列者按表2 危险性类别）；"
                 "临界量为可编辑的默认值，请按最新标准核对。",
        "en": "Basis: GB 18218-2018 (identification of major hazard installations for dangerous "
              "chemicals). S = Σ q/Q, q the maximum quantity present, Q its threshold quantity "
              "(Table 1 by name, otherwise Table 2 by hazard class); thresholds are editable "
              "defaults: check them against the current standard.",
    },
    "report.mh_contents_below": {
        "zh_CN": "监控台账其他内容（辨识与分级记录、基本特征、各危险化学品安全技术说明书、区域位置与"
                 "平面布置、设备设施清单、安全管理制度与操作规程、监测监控与检查结果、应急预案与演练、"
                 "安全评估报告、责任人、安全警示标志）：本单位 S < 1，不构成重大危险源，上述资料按一般"
                 "危险化学品管理要求归档，本辨识记录每年或危险化学品种类、数量变化时重新核算。",
        "en": "Other ledger contents (identification and grading record, basic features, the SDS of "
              "each chemical, location and layout, equipment list, rules and procedures, monitoring "
              "and inspection results, emergency plan and drills, safety assessment report, named "
              "owners, warning signs): S < 1, not a major hazard installation; these are filed as "
              "for ordinary dangerous chemicals, and this identification is redone yearly or when "
              "chemicals or quantities change.",
    },
    "report.mh_contents_major": {
        "zh_CN": "本单位构成重大危险源：须按《危险化学品重大危险源监督管理暂行规定》建立完整监控台账"
                 "（辨识与分级记录、基本特征、安全技术说明书、区域位置与平面布置、设备设施清单、安全管理"
                 "制度与操作规程、监测监控与检查结果、应急预案与演练、安全评估报告、包保责任人、安全"
                 "警示标志），并向属地应急管理部门备案。",
        "en": "This unit is a major hazard installation: keep the full monitoring ledger "
              "(identification and grading, basic features, SDS, location and layout, equipment "
              "list, rules and procedures, monitoring and inspection results, emergency plan and "
              "drills, safety assessment report, named owners, warning signs) and file it with "
              "the local emergency management bureau.",
    },
    "report.mh_total": {"zh_CN": "S = Σ q/Q（合计）", "en": "S = Σ q/Q (total)"},
    "report.sds_on_file": {"zh_CN": "已存档", "en": "On file"},
    "report.sds_missing": {"zh_CN": "缺", "en": "Missing"},
})

PHOTO_ROW_LIMIT = 2000  # above this the hazard ledger PDF leaves the photos out (see README)


def _t(lang: str | None, zh: str, en: str) -> str:
    return en if (lang or i18n.language()) == "en" else zh


# --------------------------------------------------------------------------- hazard ledger

# Weights are set so that on A3 (the default) the short headers and values stay on one line:
# 隐患等级 / 一般隐患 (4 characters) and 整改责任人, 督办单位/人员 broke as "一般隐/患" before.
_LEDGER_SHAPE = (  # (weight, align, kind, Excel width)
    (3, "center", "int", 5), (7, "center", "datetime", 16), (9, "left", "text", 16),
    (13.5, "left", "text", 34), (5, "center", "text", 9), (6, "left", "text", 12),
    (5, "center", "text", 9), (12.5, "left", "text", 30), (7, "center", "date", 11),
    (5.5, "right", "money", 11), (7, "left", "text", 14), (5.5, "center", "text", 9),
    (10.5, "left", "text", 24), (5, "center", "text", 9), (7, "center", "date", 11),
    (7, "center", "text", 10), (7, "center", "date", 11), (10, "left", "text", 22),
)


def ledger_columns(lang: str | None) -> list[Column]:
    return [Column(_t(lang, zh, en), w, align, kind, xw)
            for (zh, en), (w, align, kind, xw) in zip(LEDGER_COLUMNS, _LEDGER_SHAPE, strict=True)]


def hazard_ledger_pdf(path: Path, furniture: Furniture, rows: Sequence[LedgerRow],
                      pictures: Callable[[LedgerRow], Pictures | None] | None = None,
                      paper: str = "A3", check: Check = _no_check) -> int:
    """``pictures(row)``: the thumbnails for a row's notes cell (None: no photos)."""
    with_photos = pictures is not None and len(rows) <= PHOTO_ROW_LIMIT
    ending = list(furniture.ending)
    if pictures is not None and not with_photos:
        ending.append(i18n.t("report.photos_skipped", furniture.lang, rows=len(rows),
                             limit=PHOTO_ROW_LIMIT))
    shown: list[list[Any]] = []
    any_photos = False
    for row in rows:
        values = row.values()
        if with_photos and pictures is not None:
            pics = pictures(row)
            if pics is not None:
                values[-1] = pics
                any_photos = True
        shown.append(values)
    if any_photos:
        ending.insert(0, i18n.t("report.photos_legend", furniture.lang))
    furniture = Furniture(**{**furniture.__dict__, "ending": tuple(ending)})
    doc = Document(path, furniture, page_size(paper, "landscape"))
    pages = doc.table(ledger_columns(furniture.lang), shown, font_size=7.5 if paper == "A3" else 6,
                      check=check, total_rows=len(rows))
    doc.save()
    return pages


def hazard_ledger_xlsx(path: Path, furniture: Furniture, rows: Iterable[LedgerRow],
                       paper: str = "A3", check: Check = _no_check, total: int = 0) -> int:
    return xlsx_layout.write_table(path, furniture, ledger_columns(furniture.lang),
                                   (r.values() for r in rows), paper=paper, check=check,
                                   total_rows=total)


# --------------------------------------------------------------------------- statistics form

def stats_layout(lang: str | None) -> tuple[list[Column], list[tuple[str | None, int]]]:
    cols = [
        Column(_t(lang, "月份", "Month"), 10, "center", "text", 16),
        Column(_t(lang, "排查数", "Found"), 7, "right", "int", 10),
        Column(_t(lang, "已整改", "Fixed"), 7, "right", "int", 10),
        Column(_t(lang, "整改率", "Fix rate"), 7, "right", "percent", 10),
        Column(_t(lang, "排查数", "Found"), 7, "right", "int", 10),
        Column(_t(lang, "已整改", "Fixed"), 7, "right", "int", 10),
        Column(_t(lang, "按方案整改中", "Under remediation plan"), 9, "right", "int", 14),
        Column(_t(lang, "计划资金（元）", "Funds committed (¥)"), 10, "right", "money", 16),
        Column(_t(lang, "已用资金（元）", "Funds spent (¥)"), 10, "right", "money", 16),
    ]
    groups = [(None, 1), (_t(lang, "一般隐患", "General hazards"), 3),
              (_t(lang, "重大隐患", "Major hazards"), 5)]
    return cols, groups


def _stats_values(rows: Sequence[StatsRow]) -> list[list[Any]]:
    return [[r.label, r.general_found, r.general_fixed, r.general_rate, r.major_found,
             r.major_fixed, r.major_under_plan, r.funds_committed, r.funds_spent] for r in rows]


def _stats_furniture(furniture: Furniture) -> Furniture:
    ending = (i18n.t("report.stats_definitions", furniture.lang), *furniture.ending)
    return Furniture(**{**furniture.__dict__, "ending": ending})


def hazard_stats_pdf(path: Path, furniture: Furniture, rows: Sequence[StatsRow],
                     check: Check = _no_check) -> int:
    cols, groups = stats_layout(furniture.lang)
    doc = Document(path, _stats_furniture(furniture), page_size("A4", "landscape"))
    pages = doc.table(cols, _stats_values(rows), groups=groups, font_size=10, bold_last=True,
                      check=check)
    doc.save()
    return pages


def hazard_stats_xlsx(path: Path, furniture: Furniture, rows: Sequence[StatsRow],
                      check: Check = _no_check) -> int:
    cols, groups = stats_layout(furniture.lang)
    return xlsx_layout.write_table(path, _stats_furniture(furniture), cols, _stats_values(rows),
                                   groups=groups, bold_last=True, check=check)


# --------------------------------------------------------------------------- major hazard

def major_hazard_layout(lang: str | None) -> list[Column]:
    return [
        Column(_t(lang, "序号", "No."), 3, "center", "int", 6),
        Column(_t(lang, "危险化学品名称", "Dangerous chemical"), 14, "left", "text", 26),
        Column(_t(lang, "CAS 号", "CAS No."), 8, "center", "text", 13),
        Column(_t(lang, "存放区域/位置", "Area / location"), 14, "left", "text", 26),
        Column(_t(lang, "最大储存量 q（t）", "Max. quantity q (t)"), 10, "right", "number", 13),
        Column(_t(lang, "临界量 Q（t）", "Threshold Q (t)"), 9, "right", "number", 13),
        Column("q/Q", 8, "right", "ratio", 12),
        Column(_t(lang, "安全技术说明书", "SDS"), 6, "center", "text", 10),
        Column(_t(lang, "备注", "Notes"), 12, "left", "text", 24),
    ]


def _major_values(ident: Identification, lang: str | None) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for i, term in enumerate(ident.terms, start=1):
        c = term.chemical
        place = c.location if c.area_name and c.area_name in c.location else \
            " ".join(p for p in (c.area_name, c.location) if p)
        sds = i18n.t("report.sds_on_file" if c.sds_sha256 else "report.sds_missing", lang)
        rows.append([i, c.name, c.cas_no, place, c.max_quantity_t, c.threshold_t,
                     term.ratio, sds, c.notes])
    rows.append([i18n.t("ledger.total", lang), i18n.t("report.mh_total", lang), "", "", None,
                 None, ident.s, "", ident.verdict(lang)])
    return rows


def _major_furniture(furniture: Furniture, ident: Identification) -> Furniture:
    contents = "report.mh_contents_major" if ident.is_major else "report.mh_contents_below"
    ending = (ident.formula(), ident.verdict(furniture.lang),
              i18n.t("report.mh_basis", furniture.lang), i18n.t(contents, furniture.lang),
              *furniture.ending)
    return Furniture(**{**furniture.__dict__, "ending": ending})


def major_hazard_pdf(path: Path, furniture: Furniture, ident: Identification,
                     check: Check = _no_check) -> int:
    doc = Document(path, _major_furniture(furniture, ident), page_size("A4", "landscape"))
    pages = doc.table(major_hazard_layout(furniture.lang), _major_values(ident, furniture.lang),
                      font_size=9, bold_last=True, check=check)
    doc.save()
    return pages


def major_hazard_xlsx(path: Path, furniture: Furniture, ident: Identification,
                      check: Check = _no_check) -> int:
    return xlsx_layout.write_table(path, _major_furniture(furniture, ident),
                                   major_hazard_layout(furniture.lang),
                                   _major_values(ident, furniture.lang), bold_last=True,
                                   check=check)


# --------------------------------------------------------------------------- inspections

def inspection_layout(lang: str | None) -> list[Column]:
    return [
        Column(_t(lang, "序号", "No."), 3, "center", "int", 6),
        Column(_t(lang, "巡检时间", "Inspected"), 8, "center", "datetime", 16),
        Column(_t(lang, "区域", "Area"), 7, "left", "text", 12),
        Column(_t(lang, "设备编号", "Equipment"), 8, "left", "text", 14),
        Column(_t(lang, "设备名称", "Name"), 9, "left", "text", 16),
        Column(_t(lang, "检查表", "Checklist"), 10, "left", "text", 18),
        Column(_t(lang, "巡检人", "Inspector"), 5, "center", "text", 9),
        Column(_t(lang, "检查项", "Items"), 4, "right", "int", 7),
        Column(_t(lang, "合格", "Pass"), 4, "right", "int", 7),
        Column(_t(lang, "不合格", "Fail"), 4, "right", "int", 7),
        Column(_t(lang, "不适用", "N/A"), 4, "right", "int", 7),
        Column(_t(lang, "不合格项及隐患编号", "Failed items → hazard"), 22, "left", "text", 40),
        Column(_t(lang, "结论", "Result"), 6, "center", "text", 10),
        Column(_t(lang, "备注", "Notes"), 9, "left", "text", 18),
    ]


def inspection_values(lines: Iterable[Any], lang: str | None) -> Iterable[list[Any]]:
    for i, ln in enumerate(lines, start=1):
        if not ln.complete:
            result = _t(lang, "未完成", "Incomplete")
        elif ln.failed_count:
            result = _t(lang, "发现问题", "Problems found")
        else:
            result = _t(lang, "正常", "OK")
        yield [i, ln.started_at, ln.area, ln.equipment_code, ln.equipment_name, ln.checklist,
               ln.inspector, ln.item_count, ln.ok_count, ln.failed_count, ln.na_count,
               ln.failed_items, result, ln.note]


def inspection_pdf(path: Path, furniture: Furniture, rows: Sequence[list[Any]],
                   check: Check = _no_check) -> int:
    doc = Document(path, furniture, page_size("A4", "landscape"))
    pages = doc.table(inspection_layout(furniture.lang), rows, font_size=7, check=check,
                      total_rows=len(rows))
    doc.save()
    return pages


def inspection_xlsx(path: Path, furniture: Furniture, rows: Iterable[list[Any]],
                    check: Check = _no_check) -> int:
    return xlsx_layout.write_table(path, furniture, inspection_layout(furniture.lang), rows,
                                   check=check)


# --------------------------------------------------------------------------- one-hazard forms

def form_pdf(path: Path, furniture: Furniture, fields: Sequence[tuple[str, Any]]) -> int:
    """整改通知单 / 验收单: label-value rows, photos, the form's own signature line."""
    doc = Document(path, furniture, page_size("A4", "portrait"))
    pages = doc.form(fields)
    doc.save()
    return pages
