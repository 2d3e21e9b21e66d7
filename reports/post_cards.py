"""Post risk notice cards (岗位风险告知卡, F7): one A4 portrait page per post, from plain data.

Each card carries the post, its risk grade on a band of the grade's colour, the hazard factors,
possible accidents, control measures, PPE, emergency measures, emergency phone numbers and the
four-colour legend, so it can hang at the workplace as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from core import i18n
from core.colours import NOT_ASSESSED_COLOUR, RISK_TEXT_COLOURS
from core.risk import COLOUR_LABELS, GRADES, PostCard, grade_label, label
from reports.pdf_layout import FONT, Check, Metrics, _no_check, page_size, register_font

MARGIN = 14 * mm
LABEL_W = 34 * mm


def _t(lang: str | None, zh: str, en: str) -> str:
    return en if (lang or i18n.language()) == "en" else zh


def _bullets(items: Sequence[str]) -> str:
    return "\n".join(f"{n}. {text}" for n, text in enumerate(items, start=1))


class _Card:
    def __init__(self, c: Canvas, metrics: Metrics, lang: str | None, plant: str,
                 colours: Mapping[str, str], phones: Sequence[tuple[str, str]],
                 made_on: dt.date) -> None:
        self.c, self.m, self.lang, self.plant = c, metrics, lang, plant
        self.colours, self.phones, self.made_on = colours, phones, made_on
        self.w, self.h = page_size("A4", "portrait")

    def t(self, zh: str, en: str) -> str:
        return _t(self.lang, zh, en)

    def draw(self, card: PostCard, page: int, pages: int) -> None:
        c, w, h = self.c, self.w, self.h
        width = w - 2 * MARGIN
        c.setFillColorRGB(0, 0, 0)
        c.setFont(FONT, 24)
        c.drawCentredString(w / 2, h - MARGIN - 20, self.t("岗位风险告知卡", "Post risk notice card"))
        c.setFont(FONT, 10)
        c.drawCentredString(w / 2, h - MARGIN - 36, self.plant)
        # The colour band: what a worker sees from across the shop.
        y = h - MARGIN - 48
        grade = card.grade
        fill = self.colours.get(grade, NOT_ASSESSED_COLOUR) if grade else NOT_ASSESSED_COLOUR
        band_h = 16 * mm
        c.setFillColor(fill)
        c.rect(MARGIN, y - band_h, width, band_h, stroke=0, fill=1)
        c.setFillColor(RISK_TEXT_COLOURS.get(grade or "", "#FFFFFF"))
        c.setFont(FONT, 20)
        colour = f"（{label(COLOUR_LABELS, grade, self.lang)}）" if grade else ""
        c.drawCentredString(w / 2, y - band_h / 2 - 7,
                            self.t("风险等级：", "Risk grade: ") + grade_label(grade, self.lang)
                            + (colour if self.lang != "en" else ""))
        y -= band_h + 3 * mm
        c.setFillColorRGB(0, 0, 0)
        engineering = card.measures.get("engineering", []) + card.measures.get("management", []) \
            + card.measures.get("training", [])
        rows = [
            (self.t("岗位名称", "Post"), f"{card.post_name}    "
             f"{self.t('所属部门：', 'Department: ')}{card.department_name}", 2),
            (self.t("风险点", "Risk points"), "；".join(card.points), 4),
            (self.t("主要危险因素", "Hazard factors"), _bullets(card.hazard_factors), 9),
            (self.t("可能导致的事故", "Possible accidents"), "、".join(card.possible_accidents), 3),
            (self.t("管控措施", "Control measures"), _bullets(engineering), 14),
            (self.t("个体防护", "Personal protection"), _bullets(card.measures.get("ppe", [])), 5),
            (self.t("应急处置", "Emergency measures"),
             _bullets(card.measures.get("emergency", []) or [self.t(
                 "发生事故或险情立即停止作业，撤离到安全地点，报告班组长并拨打应急电话",
                 "In an accident or near miss stop work, get to safety, tell the team leader "
                 "and call the emergency numbers")]), 7),
            (self.t("应急电话", "Emergency phones"),
             "    ".join(f"{name} {number}" for name, number in self.phones), 2),
        ]
        legend_h = 16 * mm
        bottom = MARGIN + legend_h + 8 * mm
        for title, text, max_lines in rows:
            y = self._row(title, text or self.t("—", "—"), y, width, max_lines, bottom)
        self._legend(MARGIN + 8 * mm, width)
        c.setFont(FONT, 8)
        c.drawString(MARGIN, MARGIN, self.t(f"告知日期：{self.made_on.isoformat()}",
                                            f"Date: {self.made_on.isoformat()}"))
        c.drawRightString(w - MARGIN, MARGIN, i18n.t("report.page_of", self.lang, page=page,
                                                     pages=pages))

    def _row(self, title: str, text: str, y: float, width: float, max_lines: int,
             bottom: float) -> float:
        c, size = self.c, 10.5
        line_h = size * 1.3
        value_w = width - LABEL_W
        # Never run into the legend: fewer lines when the card is crowded.
        room = int((y - bottom - 6) // line_h)
        lines = self.m.wrap(text, value_w - 6, size, max(1, min(max_lines, room)))
        label_lines = self.m.wrap(title, LABEL_W - 6, size, 3)
        height = max(len(lines), len(label_lines), 1) * line_h + 6
        c.setLineWidth(0.6)
        c.setFillColorRGB(0.90, 0.92, 0.95)
        c.rect(MARGIN, y - height, LABEL_W, height, stroke=1, fill=1)
        c.rect(MARGIN + LABEL_W, y - height, value_w, height, stroke=1, fill=0)
        c.setFillColorRGB(0, 0, 0)
        c.setFont(FONT, size)
        ly = y - 3 - size
        for line in label_lines:
            c.drawString(MARGIN + 3, ly, line)
            ly -= line_h
        text_obj = c.beginText()
        text_obj.setFont(FONT, size)
        ly = y - 3 - size
        for line in lines:
            text_obj.setTextOrigin(MARGIN + LABEL_W + 3, ly)
            text_obj.textOut(line)
            ly -= line_h
        c.drawText(text_obj)
        return y - height

    def _legend(self, y: float, width: float) -> None:
        c = self.c
        c.setFont(FONT, 9)
        c.drawString(MARGIN, y + 10 * mm, self.t("风险四色图例", "Four-colour legend"))
        slot = width / len(GRADES)
        for i, grade in enumerate(GRADES):
            x = MARGIN + i * slot
            c.setFillColor(self.colours[grade])
            c.rect(x, y, 10 * mm, 7 * mm, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
            c.drawString(x + 12 * mm, y + 2.2 * mm,
                         f"{grade_label(grade, self.lang)}（{label(COLOUR_LABELS, grade, self.lang)}）"
                         if self.lang != "en" else grade_label(grade, self.lang))


def post_cards_pdf(path: Path, cards: Sequence[PostCard], plant: str,
                   colours: Mapping[str, str], phones: Sequence[tuple[str, str]],
                   lang: str | None = None, made_on: dt.date | None = None,
                   check: Check = _no_check) -> int:
    """One page per card; returns the page count."""
    register_font()
    c = Canvas(str(path), pagesize=page_size("A4", "portrait"), pageCompression=1, invariant=1,
               initialFontName=FONT, initialFontSize=10)
    c.setTitle(_t(lang, "岗位风险告知卡", "Post risk notice cards"))
    c.setAuthor(plant)
    c.setCreator("SafeDesk 安全台")
    painter = _Card(c, Metrics(), lang, plant, colours, phones, made_on or dt.date.today())
    pages = max(len(cards), 1)
    if not cards:
        c.setFont(FONT, 14)
        c.drawCentredString(painter.w / 2, painter.h / 2,
                            _t(lang, "尚无关联岗位的风险点。", "No risk points are linked to a post yet."))
        c.showPage()
    for n, card in enumerate(cards, start=1):
        painter.draw(card, n, pages)
        c.showPage()
        check(n, pages)
    c.save()
    return pages
