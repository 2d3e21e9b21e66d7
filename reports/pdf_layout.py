"""PDF page furniture and paginated tables for ledgers and forms (reportlab canvas).

Shared by every ledger-like report: the embedded Chinese font, the title block (title, plant,
period), "第 x 页 共 y 页" on every page, the signature block (编制人 / 审核人 / 主要负责人), and a
table whose header row(s) repeat on every page.

Why the canvas and not platypus: one LongTable of 45k rows took ~150 s (SETUP-NOTES). Here rows
are measured first (text wrapped with cached glyph widths, Chinese breaking between any two
characters), split into pages, and only then drawn, so the page count is known before the first
page is drawn and "共 y 页" needs no second pass. Each page draws its text in one text object and
its grid as one path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from core import i18n
from reports.fonts import font_file

FONT = "WenQuanYiMicroHei"  # the same registration name as reports/labels.py
MARGIN = 10 * mm
HEADER_FILL = (0.90, 0.92, 0.95)
MAX_CELL_LINES = 14  # a runaway description never makes a row taller than a page
PAD = 1.2 * mm
LEADING = 1.22

i18n.register({
    "report.unit": {"zh_CN": "单位：{plant}", "en": "Unit: {plant}"},
    "report.period": {"zh_CN": "期间：{period}", "en": "Period: {period}"},
    "report.number": {"zh_CN": "编号：{period}", "en": "Number: {period}"},
    "report.as_of": {"zh_CN": "截至：{period}", "en": "As of {period}"},
    "report.made_on": {"zh_CN": "制表日期：{date}", "en": "Made on {date}"},
    "report.page_of": {"zh_CN": "第 {page} 页 共 {pages} 页", "en": "Page {page} of {pages}"},
    "report.prepared_by": {"zh_CN": "编制人", "en": "Prepared by"},
    "report.reviewed_by": {"zh_CN": "审核人", "en": "Reviewed by"},
    "report.principal": {"zh_CN": "主要负责人", "en": "Principal responsible person"},
    "report.sign_date": {"zh_CN": "日期", "en": "Date"},
    "report.continued": {"zh_CN": "（续）", "en": " (continued)"},
    "report.empty": {"zh_CN": "本期无记录。", "en": "No records in this period."},
})


def register_font() -> str:
    """Register the bundled WenQuanYi TrueType once; reportlab embeds the used subset."""
    try:
        pdfmetrics.getFont(FONT)
    except KeyError:
        pdfmetrics.registerFont(TTFont(FONT, str(font_file()), subfontIndex=0))
    return FONT


def page_size(paper: str = "A4", orientation: str = "landscape") -> tuple[float, float]:
    size = A3 if paper.upper() == "A3" else A4
    return landscape(size) if orientation == "landscape" else portrait(size)


# --------------------------------------------------------------------------- text measuring

# Line-breaking rules for Chinese (禁则, as in JIS X 4051 / W3C clreq): these never start a
# line ("）" or "：" alone at the start of a line reads as a mistake) ...
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉｝”’…—·%,.;:?!)]}")
# ... and these never end one.
NO_LINE_END = frozenset("（《「『【〔〈｛“‘([{")

class Metrics:
    """String widths from the font's glyph table, cached per character (the hot path)."""

    def __init__(self, font: str = FONT) -> None:
        face = pdfmetrics.getFont(register_font() if font == FONT else font).face
        self._widths: dict[int, float] = dict(face.charWidths)
        self._default = float(face.defaultWidth)

    def width(self, text: str, size: float) -> float:
        get, default = self._widths.get, self._default
        return sum(get(ord(ch), default) for ch in text) * size / 1000.0

    def wrap(self, text: str, width: float, size: float,
             max_lines: int = MAX_CELL_LINES) -> list[str]:
        """Greedy wrap: Latin words stay whole where they fit, Chinese breaks between any two
        characters except before closing or after opening punctuation (NO_LINE_START/END)."""
        lines: list[str] = []
        limit = width * 1000.0 / size
        get, default = self._widths.get, self._default
        for para in text.split("\n"):
            start, used, brk = 0, 0.0, -1
            i, n = 0, len(para)
            while i < n:
                ch = para[i]
                w = get(ord(ch), default)
                if used + w > limit and i > start:
                    cut = brk if brk > start else i
                    while cut == i and para[cut] in NO_LINE_START and cut - 1 > start:
                        cut -= 1  # no room to break well: take characters along ("1），")
                        i = cut
                    lines.append(para[start:cut].rstrip())
                    while cut < n and para[cut] == " ":
                        cut += 1
                    start, brk = cut, -1
                    used = sum(get(ord(c), default) for c in para[start:i])
                    continue
                used += w
                nxt = para[i + 1] if i + 1 < n else ""
                if ch == " " or ((ord(ch) >= 0x2E80 or (nxt and ord(nxt) >= 0x2E80))
                                 and nxt not in NO_LINE_START and ch not in NO_LINE_END):
                    # after a space, or next to a CJK character, but never before closing
                    # punctuation or after an opening bracket (the kinsoku rule)
                    brk = i + 1
                i += 1
            lines.append(para[start:].rstrip())
            if len(lines) > max_lines:
                break
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = lines[-1][:-1] + "…" if lines[-1] else "…"
        return lines


# --------------------------------------------------------------------------- values -> text

@dataclass(frozen=True)
class Pictures:
    """A cell with text and small images below it (before/after photo thumbnails)."""

    text: str
    images: tuple[tuple[Path, float, float], ...]  # (path, width px, height px)

    def __str__(self) -> str:
        return self.text


def cell_text(value: Any, kind: str = "text") -> str:
    if value is None or value == "":
        return ""
    if kind == "percent" and isinstance(value, (int, float)):
        return f"{value * 100:.1f}%"
    if kind == "money" and isinstance(value, (int, float)):
        return f"{value:,.2f}"
    if kind == "ratio" and isinstance(value, (int, float)):
        return f"{value:.6f}".rstrip("0").rstrip(".") if value else "0"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # relative weight; the table fills the page width
    align: str = "left"  # left / center / right
    kind: str = "text"  # text, int, number, money, percent, ratio, date, datetime
    xlsx_width: float | None = None  # characters; default from the weight


@dataclass
class Furniture:
    """What every page of a document carries."""

    title: str
    plant: str
    period: str
    lang: str | None = None
    made_on: dt.date = field(default_factory=dt.date.today)
    signatures: tuple[str, ...] = ("report.prepared_by", "report.reviewed_by", "report.principal")
    ending: tuple[str, ...] = ()  # paragraphs after the table (definitions, S = Σq/Q, verdict)
    period_key: str = "report.period"  # "report.number" on one-hazard forms


Check = Callable[[int, int], None]  # (done, total): progress; raises to cancel


def _no_check(done: int, total: int) -> None:
    return None


# --------------------------------------------------------------------------- the document

class Document:
    """A canvas with the page furniture; `table()` and `form()` fill it."""

    def __init__(self, path: str | Path, furniture: Furniture,
                 pagesize: tuple[float, float]) -> None:
        register_font()
        self.f = furniture
        self.lang = furniture.lang
        self.size = pagesize
        self.metrics = Metrics()
        self.canvas = Canvas(str(path), pagesize=pagesize, pageCompression=1, invariant=1,
                             initialFontName=FONT, initialFontSize=9)
        self.canvas.setTitle(furniture.title)
        self.canvas.setAuthor(furniture.plant)
        self.canvas.setCreator("SafeDesk 安全台")

    def t(self, key: str, **params: Any) -> str:
        return i18n.t(key, self.lang, **params)

    # -- furniture ------------------------------------------------------------------------
    def top(self, page: int) -> float:
        """Draw the title block; returns the y where content starts."""
        c, (w, h) = self.canvas, self.size
        title = self.f.title + (self.t("report.continued") if page > 1 else "")
        c.setFillColorRGB(0, 0, 0)
        c.setFont(FONT, 16)
        c.drawCentredString(w / 2, h - MARGIN - 14, title)
        c.setFont(FONT, 9)
        y = h - MARGIN - 30
        c.drawString(MARGIN, y, self.t("report.unit", plant=self.f.plant))
        c.drawCentredString(w / 2, y, self.t(self.f.period_key, period=self.f.period))
        c.drawRightString(w - MARGIN, y, self.t("report.made_on", date=self.f.made_on.isoformat()))
        return y - 6

    def footer(self, page: int, pages: int) -> None:
        c, (w, _h) = self.canvas, self.size
        c.setFont(FONT, 8)
        c.setFillColorRGB(0, 0, 0)
        c.drawCentredString(w / 2, MARGIN - 4, self.t("report.page_of", page=page, pages=pages))

    def ending_height(self, width: float) -> float:
        lines = sum(len(self.metrics.wrap(p, width, 9, 40)) for p in self.f.ending)
        return lines * 9 * LEADING + (8 if self.f.ending else 0) + self.signature_height()

    def signature_height(self) -> float:
        return 16 * mm if self.f.signatures else 0

    def draw_ending(self, y: float, width: float) -> None:
        """Paragraphs, then the signature line, from y downwards."""
        c = self.canvas
        c.setFont(FONT, 9)
        y -= 12
        for para in self.f.ending:
            for line in self.metrics.wrap(para, width, 9, 40):
                c.drawString(MARGIN, y, line)
                y -= 9 * LEADING
        if self.f.signatures:
            self.draw_signatures(y - 8 * mm, width)

    def draw_signatures(self, y: float, width: float) -> None:
        c = self.canvas
        c.setFont(FONT, 10)
        names = [*self.f.signatures, "report.sign_date"]
        colon = "：" if (self.lang or i18n.language()) != "en" else ": "
        texts = [self.t(key) + colon for key in names]
        widths = [self.metrics.width(text, 10) + 2 for text in texts]
        # Every line as long as the others: a long label ("Principal responsible person")
        # takes its own width, not its neighbours' line.
        line = max(12 * mm, (width - sum(widths) - len(names) * 6 * mm) / len(names))
        x = MARGIN
        c.setLineWidth(0.5)
        for text, label_width in zip(texts, widths, strict=True):
            c.drawString(x, y, text)
            start = x + label_width
            c.line(start, y - 2, start + line, y - 2)
            x = start + line + 6 * mm

    def save(self) -> None:
        self.canvas.save()

    # -- a paginated table ------------------------------------------------------------------
    def table(self, columns: Sequence[Column], rows: Iterable[Sequence[Any]],
              groups: Sequence[tuple[str | None, int]] | None = None, font_size: float = 7.5,
              bold_last: bool = False, check: Check = _no_check, total_rows: int = 0) -> int:
        """Draw every row, paginated, the header repeated on each page; returns the pages."""
        c, (w, _h) = self.canvas, self.size
        width = w - 2 * MARGIN
        scale = width / sum(col.width for col in columns)
        widths = [col.width * scale for col in columns]
        xs = [MARGIN]
        for cw in widths:
            xs.append(xs[-1] + cw)
        line_h = font_size * LEADING
        header = _Header(self, columns, widths, xs, groups, font_size)
        # Pass 1: measure and paginate (also lets "共 y 页" be right on page 1).
        top = self.top_y()
        bottom = MARGIN + 6
        body = []
        for n, row in enumerate(rows, start=1):
            cells = []
            height = 0.0
            for value, col, cw in zip(row, columns, widths, strict=True):
                text = cell_text(value, col.kind)
                lines = self.metrics.wrap(text, cw - 2 * PAD, font_size) if text else []
                pic_h = _pictures_height(value, cw) if isinstance(value, Pictures) else 0.0
                cells.append((lines, value if isinstance(value, Pictures) else None))
                height = max(height, len(lines) * line_h + pic_h)
            body.append((cells, height + 2 * PAD))
            if n % 500 == 0:
                check(n // 5, total_rows or n)
        pages: list[list[tuple[list, float]]] = [[]]
        room = top - header.height - bottom
        used = 0.0
        for item in body:
            if used + item[1] > room and pages[-1]:
                pages.append([])
                used = 0.0
            pages[-1].append(item)
            used += item[1]
        ending_h = self.ending_height(width)
        ending_on_new_page = used + ending_h > room
        total_pages = len(pages) + ending_on_new_page
        # Pass 2: draw.
        for index, page_rows in enumerate(pages, start=1):
            self.top(index)
            y = header.draw(top)
            y = self._draw_rows(page_rows, columns, widths, xs, y, top, font_size, line_h,
                                bold_last and index == len(pages))
            if not page_rows and index == 1:
                c.setFont(FONT, 9)
                c.drawString(MARGIN, y - 14, self.t("report.empty"))
                y -= 18
            if index == len(pages) and not ending_on_new_page:
                self.draw_ending(y, width)
            self.footer(index, total_pages)
            c.showPage()
            check(len(body) // 5 + (len(body) * 4 // 5) * index // max(len(pages), 1),
                  total_rows or len(body))
        if ending_on_new_page:
            y = self.top(total_pages)
            self.draw_ending(y, width)
            self.footer(total_pages, total_pages)
            c.showPage()
        return total_pages

    def top_y(self) -> float:
        return self.size[1] - MARGIN - 36

    def _draw_rows(self, page_rows: list, columns: Sequence[Column], widths: list[float],
                   xs: list[float], y: float, top: float, font_size: float, line_h: float,
                   bold_last: bool) -> float:
        c = self.canvas
        text = c.beginText()
        text.setFont(FONT, font_size)
        grid = c.beginPath()
        table_top = y
        ascent = font_size * 0.86
        for r, (cells, height) in enumerate(page_rows):
            last = bold_last and r == len(page_rows) - 1
            if last:
                c.setFillColorRGB(*HEADER_FILL)
                c.rect(xs[0], y - height, xs[-1] - xs[0], height, stroke=0, fill=1)
                c.setFillColorRGB(0, 0, 0)
            for (lines, pictures), col, x, cw in zip(cells, columns, xs[:-1], widths, strict=True):
                ly = y - PAD - ascent
                for line in lines:
                    if col.align == "right":
                        lx = x + cw - PAD - self.metrics.width(line, font_size)
                    elif col.align == "center":
                        lx = x + (cw - self.metrics.width(line, font_size)) / 2
                    else:
                        lx = x + PAD
                    text.setTextOrigin(lx, ly)
                    text.textOut(line)
                    ly -= line_h
                if pictures is not None:
                    _draw_pictures(c, pictures, x, y - PAD - len(lines) * line_h, cw)
            y -= height
            grid.moveTo(xs[0], y)
            grid.lineTo(xs[-1], y)
        c.drawText(text)
        for x in xs:
            grid.moveTo(x, table_top)
            grid.lineTo(x, y)
        c.setLineWidth(0.4)
        c.drawPath(grid, stroke=1, fill=0)
        return y

    # -- a form (one record: label/value rows) -------------------------------------------
    def form(self, rows: Sequence[tuple[str, Any]], label_width: float = 32 * mm,
             font_size: float = 10) -> int:
        """Label | value rows down the page (values wrap; Pictures show their images), then
        the signature line; measured first, so every page says "第 x 页 共 y 页"."""
        c, (w, _h) = self.canvas, self.size
        width = w - 2 * MARGIN
        value_w = width - label_width
        line_h = font_size * LEADING
        room = self.top_y() - (MARGIN + 6)
        measured = []
        for label_text, value in rows:
            lines = self.metrics.wrap(cell_text(value), value_w - 2 * PAD, font_size, 30)
            lines = lines if lines != [""] else []
            pic_h = _pictures_height(value, value_w) if isinstance(value, Pictures) else 0.0
            label_lines = self.metrics.wrap(label_text, label_width - 2 * PAD, font_size, 6)
            height = max(len(lines), len(label_lines), 1) * line_h + pic_h + 2 * PAD + 2
            measured.append((label_lines, lines, value, height))
        pages: list[list[tuple]] = [[]]
        used = 0.0
        for item in measured:
            if used + item[3] > room and pages[-1]:
                pages.append([])
                used = 0.0
            pages[-1].append(item)
            used += item[3]
        ending_apart = used + self.ending_height(width) > room
        total = len(pages) + ending_apart
        for number, page_rows in enumerate(pages, start=1):
            y = self.top(number)
            for label_lines, lines, value, height in page_rows:
                c.setLineWidth(0.5)
                c.setFillColorRGB(*HEADER_FILL)
                c.rect(MARGIN, y - height, label_width, height, stroke=1, fill=1)
                c.setFillColorRGB(0, 0, 0)
                c.rect(MARGIN + label_width, y - height, value_w, height, stroke=1, fill=0)
                c.setFont(FONT, font_size)
                ly = y - PAD - font_size
                for line in label_lines:
                    c.drawString(MARGIN + PAD, ly, line)
                    ly -= line_h
                ly = y - PAD - font_size
                for line in lines:
                    c.drawString(MARGIN + label_width + PAD, ly, line)
                    ly -= line_h
                if isinstance(value, Pictures):
                    _draw_pictures(c, value, MARGIN + label_width,
                                   y - PAD - len(lines) * line_h, value_w)
                y -= height
            if number == len(pages) and not ending_apart:
                self.draw_ending(y, width)
            self.footer(number, total)
            c.showPage()
        if ending_apart:
            self.draw_ending(self.top(total), width)
            self.footer(total, total)
            c.showPage()
        return total


# --------------------------------------------------------------------------- pictures

THUMB_H = 14 * mm  # ledger rows: small thumbnails
FORM_THUMB_H = 55 * mm  # rectification notice / acceptance record: readable photos


def _picture_boxes(pictures: Pictures, width: float) -> list[tuple[float, float, float, float]]:
    """(x offset, y offset below the text, w, h) for each image, wrapping into rows."""
    target_h = FORM_THUMB_H if width > 100 * mm else THUMB_H
    if width <= 100 * mm and pictures.images:
        # A ledger cell: before and after side by side, shrunk to fit the column's width.
        aspects = sum(pw / ph if ph else 1.0 for _p, pw, ph in pictures.images)
        room = width - (len(pictures.images) + 1) * PAD - 1  # -1: no wrap from rounding
        target_h = max(4 * mm, min(target_h, room / aspects))
    boxes, x, y = [], PAD, PAD
    for _path, pw, ph in pictures.images:
        h = target_h
        w = min(pw * h / ph if ph else h, width - 2 * PAD)
        h = w * ph / pw if pw else h
        if x + w > width - PAD and x > PAD:
            x, y = PAD, y + target_h + PAD
        boxes.append((x, y, w, h))
        x += w + PAD
    return boxes


def _pictures_height(pictures: Pictures, width: float) -> float:
    boxes = _picture_boxes(pictures, width)
    return max((y + h for _x, y, _w, h in boxes), default=0.0) + (PAD if boxes else 0.0)


def _draw_pictures(c: Canvas, pictures: Pictures, x: float, y: float, width: float) -> None:
    for (path, _pw, _ph), (bx, by, w, h) in zip(pictures.images, _picture_boxes(pictures, width),
                                                 strict=True):
        c.drawImage(str(path), x + bx, y - by - h, w, h)


class _Header:
    """One or two header rows (a group title over several columns), drawn on every page."""

    def __init__(self, doc: Document, columns: Sequence[Column], widths: list[float],
                 xs: list[float], groups: Sequence[tuple[str | None, int]] | None,
                 size: float) -> None:
        self.doc, self.columns, self.widths, self.xs = doc, columns, widths, xs
        self.groups = groups
        self.size = size + 0.5
        self.lines = [doc.metrics.wrap(col.title, cw - 2 * PAD, self.size, 4)
                      for col, cw in zip(columns, widths, strict=True)]
        self.row_h = max(len(ls) for ls in self.lines) * self.size * LEADING + 2 * PAD
        self.group_h = self.size * LEADING + 2 * PAD if groups else 0.0
        self.height = self.row_h + self.group_h

    def draw(self, top: float) -> float:
        c, xs = self.doc.canvas, self.xs
        c.setLineWidth(0.5)
        c.setFillColorRGB(*HEADER_FILL)
        c.rect(xs[0], top - self.height, xs[-1] - xs[0], self.height, stroke=1, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont(FONT, self.size)
        spans: list[tuple[str | None, int, int]] = []  # (group title, first col, span)
        if self.groups:
            col = 0
            for title, span in self.groups:
                spans.append((title, col, span))
                col += span
        else:
            spans = [(None, i, 1) for i in range(len(self.columns))]
        for title, first, span in spans:
            x0, x1 = xs[first], xs[first + span]
            if title is not None:
                c.drawCentredString((x0 + x1) / 2, top - PAD - self.size * 0.9, title)
                c.line(x0, top - self.group_h, x1, top - self.group_h)
            for i in range(first, first + span):
                lines = self.lines[i]
                block_top = top - (self.group_h if title is not None else 0)
                block_h = self.height - (self.group_h if title is not None else 0)
                ly = block_top - (block_h - len(lines) * self.size * LEADING) / 2 - self.size * 0.9
                for line in lines:
                    c.drawCentredString((xs[i] + xs[i + 1]) / 2, ly, line)
                    ly -= self.size * LEADING
                if i > first:
                    c.line(xs[i], top - (self.group_h if title is not None else 0),
                           xs[i], top - self.height)
            c.line(x0, top, x0, top - self.height)
        return top - self.height
