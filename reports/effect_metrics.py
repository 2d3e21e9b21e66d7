"""The effect-metrics before/after table (F9) as PDF and Excel, from a core.metrics.Comparison.

The PDF prints values as people read them (“71.6 h”, “0.54‰”, “—” when absent) with the change;
the workbook keeps numbers as numbers (percentages as 0..100, ‰ as per-mille values) beside a
unit column, so the figures can be reused. Both end with the definitions of every measure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core import i18n
from core.metrics import Comparison, ComparisonRow, period_caption
from reports.pdf_layout import Check, Column, Document, Furniture, _no_check, page_size
from reports.xlsx_layout import write_table

i18n.register({
    "effect.indicator": {"zh_CN": "指标项", "en": "Measure"},
    "effect.before": {"zh_CN": "对比前（{period}）", "en": "Before ({period})"},
    "effect.after": {"zh_CN": "对比后（{period}）", "en": "After ({period})"},
    "effect.change": {"zh_CN": "变化（幅度）", "en": "Change"},
    "effect.unit": {"zh_CN": "单位", "en": "Unit"},
    "effect.change_pct": {"zh_CN": "变化幅度 %", "en": "Change %"},
    "effect.note": {"zh_CN": "说明", "en": "Note"},
    "effect.periods": {"zh_CN": "{before} 对比 {after}", "en": "{before} vs {after}"},
    "effect.definitions": {
        "zh_CN": "口径：月均隐患数量＝期间发现的隐患数÷期间月数（未采纳、已合并和尚未核实的随手拍"
                 "不计；期间延续到今天的，只计到今天为止的月份）；平均整改周期＝从发现到归档（销号）"
                 "的小时数，按期间发现且已归档的隐患平均；工伤率（千人负伤率）＝受伤人数÷各月在册人数"
                 "之和×1000（即月均千人负伤率）；百万工时伤害率＝受伤人数÷实际工时×1,000,000；"
                 "监管检查扣分＝外部检查扣分÷检查次数；“—”表示该期间没有数据（不是零）。",
        "en": "Definitions: hazards per month = hazards found in the period ÷ months (reports "
              "not accepted, merged into another or not yet verified do not count; a period "
              "reaching today counts the months up to today); average "
              "rectification time = hours from found to archived, averaged over the hazards found "
              "in the period and archived; injury rate = injured persons ÷ the sum of the monthly "
              "headcounts × 1000 (the average monthly rate); injuries per million hours = injured "
              "persons ÷ hours worked × 1,000,000; inspection deductions = points deducted by "
              "external inspections ÷ visits; “—” means no data in the period (not zero).",
    },
    "effect.counts": {
        "zh_CN": "期间数据：对比前 {b_months} 个月、隐患 {b_hazards} 项、受伤 {b_injured} 人、"
                 "外部检查 {b_visits} 次；对比后 {a_months} 个月、隐患 {a_hazards} 项、"
                 "受伤 {a_injured} 人、外部检查 {a_visits} 次。",
        "en": "Data — before: months {b_months}, hazards {b_hazards}, injured {b_injured}, "
              "external inspections {b_visits}; after: months {a_months}, hazards {a_hazards}, "
              "injured {a_injured}, external inspections {a_visits}.",
    },
})


def _furniture(comparison: Comparison, title: str, plant: str, lang: str) -> Furniture:
    b, a = comparison.before, comparison.after
    counts = i18n.t("effect.counts", lang, b_months=b.months, b_hazards=b.hazards,
                    b_injured=b.injured, b_visits=b.visits, a_months=a.months,
                    a_hazards=a.hazards, a_injured=a.injured, a_visits=a.visits)
    return Furniture(
        title=title, plant=plant, lang=lang,
        period=i18n.t("effect.periods", lang, before=period_caption(b, lang),
                      after=period_caption(a, lang)),
        ending=tuple(text for text in (comparison.overlap_note(lang), counts,
                                       i18n.t("effect.definitions", lang)) if text))


# The unit of each measure, as a column of its own (PDF and Excel alike).
UNITS: dict[str, tuple[str, str]] = {
    "hazards_per_month": ("项/月", "per month"),
    "rectification_hours": ("小时", "hours"),
    "injury_rate_permille": ("‰", "‰"),
    "injury_rate_per_million_hours": ("人/百万工时", "per million hours"),
    "training_coverage": ("%", "%"),
    "deductions_per_visit": ("分/次", "points per visit"),
}


def unit_of(row: ComparisonRow, lang: str) -> str:
    zh, en = UNITS.get(row.key, (row.unit, row.unit))
    return en if lang == "en" else zh


def _plain(row: ComparisonRow, value: float | None) -> str:
    """A value as the PDF prints it beside its unit column: "—" when absent."""
    if value is None:
        return "—"
    return f"{value * 100 if row.unit == '%' else value:.{row.decimals}f}"


def _number(row: ComparisonRow, value: float | None) -> float | None:
    if value is None:
        return None
    return round(value * 100 if row.unit == "%" else value, row.decimals + 1)


def effect_metrics_pdf(path: Path, comparison: Comparison, title: str, plant: str, lang: str,
                       check: Check = _no_check) -> int:
    """Write the PDF; returns the number of pages."""
    b, a = comparison.before, comparison.after
    columns = [
        Column(i18n.t("effect.indicator", lang), 3.0),
        Column(i18n.t("effect.unit", lang), 1.4, "center"),
        Column(i18n.t("effect.before", lang, period=period_caption(b, lang)), 2.3, "right"),
        Column(i18n.t("effect.after", lang, period=period_caption(a, lang)), 2.3, "right"),
        Column(i18n.t("effect.change", lang), 2.0, "right"),
        Column(i18n.t("effect.note", lang), 2.4),
    ]
    rows: list[list[Any]] = [[r.label, unit_of(r, lang), _plain(r, r.before), _plain(r, r.after),
                              r.change_text(), r.note] for r in comparison.rows]
    doc = Document(path, _furniture(comparison, title, plant, lang),
                   page_size("A4", "landscape"))
    pages = doc.table(columns, rows, font_size=10.5, check=check, total_rows=len(rows))
    doc.save()
    return pages


def effect_metrics_xlsx(path: Path, comparison: Comparison, title: str, plant: str, lang: str,
                        check: Check = _no_check) -> int:
    """Write the workbook; returns the number of data rows."""
    b, a = comparison.before, comparison.after
    columns = [
        Column(i18n.t("effect.indicator", lang), 28),
        Column(i18n.t("effect.unit", lang), 8, "center"),
        Column(i18n.t("effect.before", lang, period=period_caption(b, lang)), 22, "right", "number"),
        Column(i18n.t("effect.after", lang, period=period_caption(a, lang)), 22, "right", "number"),
        Column(i18n.t("effect.change_pct", lang), 14, "right", "number"),
        Column(i18n.t("effect.note", lang), 30),
    ]
    rows = [[r.label, unit_of(r, lang), _number(r, r.before), _number(r, r.after),
             None if r.change_pct is None else round(r.change_pct, 1), r.note]
            for r in comparison.rows]
    return write_table(path, _furniture(comparison, title, plant, lang), columns, rows,
                       check=check, total_rows=len(rows))
