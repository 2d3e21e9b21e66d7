"""Equipment QR label sheets (PDF): A4 sticker paper and single-label thermal rolls.

Each label carries, left to right and top to bottom:

- the QR code (payload from core.qr_payload) with its 4-module quiet zone, as large as the label
  allows: on ``a4-3x8`` the block is 28 mm with the quiet zone, so a typical code (QR version 2,
  25 modules) prints a 21.2 mm symbol with 0.85 mm modules, readable by a 720p webcam at 30 cm;
- the plant name (small), the equipment code (large, emboldened), the equipment name (wrapped
  and shrunk to fit; Chinese breaks between any two characters) and the area;
- a band in the risk-grade colour (core.colours, grey when not assessed) with the grade written
  in black on a white box, so it reads on black-and-white printers, on thermal printers and by
  colour-blind users.

Drawing uses the reportlab canvas (no platypus: ~10× less work per label) and draws each QR as
vector rectangles from the qrcode matrix, one filled path per code. That was measured against
embedding a PIL image per code via ImageReader (bench/labels_bench.py): the vector path is
faster, makes crisp modules at any printer resolution, and lets poppler/PDF viewers scale
without smoothing the module edges. Labels are streamed: one QR matrix exists at a time.

Only WenQuanYi Micro Hei (bundled, embedded as a subset) is used, for Latin text too, so every
font in the PDF is embedded: printers and viewers never substitute glyphs.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import qrcode
from qrcode.constants import ERROR_CORRECT_Q
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from core import i18n
from core.colours import NOT_ASSESSED_COLOUR, RISK_COLOURS
from core.equipment import Equipment
from core.i18n import DomainError
from core.plant import RISK_LABELS
from core.qr_payload import encode
from reports.pdf_layout import FONT, register_font

FONT_NAME = FONT
QUIET_ZONE_MODULES = 4  # ISO/IEC 18004 minimum; the white margin decoders look for
_TEXT_COLOUR = "#000000"
_SMALL_TEXT_COLOUR = "#404040"  # dark enough for a 203 dpi thermal head
_MIN_PT = 5.0  # below this a thermal head or a toner printer smears Chinese strokes
_LINE_SPACING = 1.18
_ELLIPSIS = "…"

MESSAGES = {
    "labels.unknown_template": {
        "zh_CN": "没有名为“{template}”的标签模板（可用：{known}）。",
        "en": "There is no label template “{template}” (available: {known}).",
    },
    "labels.bad_skip": {
        "zh_CN": "跳过的位置数必须在 0 到 {max} 之间。",
        "en": "The number of positions to skip must be between 0 and {max}.",
    },
    "labels.bad_risk_grade": {
        "zh_CN": "设备“{code}”的风险等级“{grade}”无效。",
        "en": "The risk grade “{grade}” of equipment “{code}” is not valid.",
    },
    "labels.empty": {
        "zh_CN": "没有要打印的设备标签。",
        "en": "There are no equipment labels to print.",
    },
    "labels.cannot_write": {
        "zh_CN": "无法写入文件“{path}”（可能正被其他程序打开）：{reason}",
        "en": "Cannot write the file “{path}” (is it open in another program?): {reason}",
    },
}
i18n.register(MESSAGES)

_WORDS = {
    "area": ("区域：", "Area: "),
    "not_assessed": ("未评估", "Not assessed"),
    "risk_suffix": ("", " risk"),
}


@dataclass(frozen=True)
class LabelTemplate:
    """A sheet (or roll) of labels. Lengths in millimetres, origin at the top-left of the page.

    ``inset_*`` keep content away from the label edges: die-cut stickers drift about 1 mm,
    and A4 label paper runs to the paper edge where most printers cannot print (~4 mm), so
    the left (QR) and right (text) sides of a label keep enough white to survive both.
    """

    key: str
    title_zh: str
    title_en: str
    page_size_mm: tuple[float, float]
    columns: int
    rows: int
    label_w_mm: float
    label_h_mm: float
    margin_left_mm: float
    margin_top_mm: float
    pitch_x_mm: float
    pitch_y_mm: float
    qr_mm: float  # the QR block including its quiet zone
    band_mm: float
    code_pt: float
    name_pt: float
    small_pt: float
    inset_left_mm: float = 1.0
    inset_right_mm: float = 3.5
    inset_top_mm: float = 0.5
    inset_bottom_mm: float = 1.5

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def is_thermal(self) -> bool:
        """A roll of single labels: one label per page, ``skip`` has no meaning."""
        return self.per_page == 1

    @property
    def page_size(self) -> tuple[float, float]:
        """Page size in PDF points (reportlab units)."""
        return self.page_size_mm[0] * mm, self.page_size_mm[1] * mm

    def title(self, lang: str | None = None) -> str:
        return self.title_en if (lang or i18n.language()) == "en" else self.title_zh

    def label_origin_mm(self, position: int) -> tuple[float, float]:
        """Top-left corner of the label at ``position`` (0 = top-left, row by row)."""
        row, col = divmod(position % self.per_page, self.columns)
        return (
            self.margin_left_mm + col * self.pitch_x_mm,
            self.margin_top_mm + row * self.pitch_y_mm,
        )


def _thermal(key: str, w: float, h: float, **layout: float) -> LabelTemplate:
    return LabelTemplate(
        key=key,
        title_zh=f"热敏标签 {w:g}×{h:g} mm",
        title_en=f"Thermal label {w:g}×{h:g} mm",
        page_size_mm=(w, h),
        columns=1,
        rows=1,
        label_w_mm=w,
        label_h_mm=h,
        margin_left_mm=0.0,
        margin_top_mm=0.0,
        pitch_x_mm=w,
        pitch_y_mm=h,
        inset_left_mm=0.5,
        inset_right_mm=1.0,
        inset_bottom_mm=1.0,
        **layout,  # type: ignore[arg-type]
    )


TEMPLATES: dict[str, LabelTemplate] = {
    t.key: t
    for t in (
        # 24-up 70×37 mm sheets run edge to edge across A4 (3 × 70 = 210 mm), 0.5 mm top margin.
        LabelTemplate(
            key="a4-3x8", title_zh="A4 不干胶 3×8（70×37 mm）",
            title_en="A4 sticker sheet 3×8 (70×37 mm)", page_size_mm=(210.0, 297.0),
            columns=3, rows=8, label_w_mm=70.0, label_h_mm=37.0,
            margin_left_mm=0.0, margin_top_mm=0.5, pitch_x_mm=70.0, pitch_y_mm=37.0,
            qr_mm=28.0, band_mm=6.5, code_pt=13.0, name_pt=9.0, small_pt=6.0,
        ),
        # 10-up 105×57 mm sheets: 2 × 105 = 210 mm, 5 × 57 = 285 mm, 6 mm top margin.
        LabelTemplate(
            key="a4-2x5", title_zh="A4 不干胶 2×5（105×57 mm）",
            title_en="A4 sticker sheet 2×5 (105×57 mm)", page_size_mm=(210.0, 297.0),
            columns=2, rows=5, label_w_mm=105.0, label_h_mm=57.0,
            margin_left_mm=0.0, margin_top_mm=6.0, pitch_x_mm=105.0, pitch_y_mm=57.0,
            qr_mm=44.0, band_mm=8.0, code_pt=18.0, name_pt=12.0, small_pt=8.0,
        ),
        _thermal("thermal-50x30", 50.0, 30.0, qr_mm=23.0, band_mm=5.5,
                 code_pt=10.0, name_pt=7.5, small_pt=5.0),
        _thermal("thermal-60x40", 60.0, 40.0, qr_mm=31.0, band_mm=6.5,
                 code_pt=12.0, name_pt=8.5, small_pt=5.5),
        _thermal("thermal-70x50", 70.0, 50.0, qr_mm=36.0, band_mm=7.5,
                 code_pt=14.0, name_pt=10.0, small_pt=6.5),
    )
}  # fmt: skip


def template_keys() -> list[str]:
    return list(TEMPLATES)


def get_template(key: str) -> LabelTemplate:
    try:
        return TEMPLATES[key]
    except KeyError:
        known = ", ".join(TEMPLATES)
        raise DomainError("labels.unknown_template", template=key, known=known) from None


@dataclass(frozen=True)
class LabelItem:
    """One piece of equipment to label; ``payload`` is core.qr_payload.encode(site, code)."""

    code: str
    name: str
    area: str
    risk_grade: str | None  # major | considerable | general | low, None = not assessed
    payload: str


def items_for(equipment: Iterable[Equipment], site_codes: Mapping[str | None, str],
              default_site: str) -> Iterator[LabelItem]:
    """Label items for equipment records, lazily (a cursor over 50k machines stays a cursor)."""
    for e in equipment:
        site = site_codes.get(e.site_id, default_site)
        yield LabelItem(e.code, e.name, e.area_name, e.risk_grade, encode(site, e.code))


def render_labels(
    items: Iterable[LabelItem],
    path: str | os.PathLike[str],
    template_key: str,
    plant_name: str,
    skip: int = 0,
    lang: str = "zh_CN",
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the labels of ``items`` to a PDF at ``path``; return the number of pages.

    ``skip`` leaves the first positions of the first A4 sheet empty (a partly used sheet);
    thermal templates ignore it. ``items`` is consumed once, lazily, so a generator over a
    database cursor prints any number of labels in bounded memory. ``progress`` is called
    with the number of labels drawn after each page; an exception raised from it stops the
    run and no file is left behind. The file appears whole or not at all.
    """
    template = get_template(template_key)
    skip = 0 if template.is_thermal else skip
    if not 0 <= skip < template.per_page:
        raise DomainError("labels.bad_skip", max=template.per_page - 1)
    target = Path(path)
    # A hidden sibling, renamed over the target at the end: a viewer or printer spooler never
    # sees half a file. Created here with open(), not mkstemp, so the umask (not 0600) applies.
    tmp_name = str(target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part"))
    try:
        open(tmp_name, "xb").close()
    except OSError as err:
        raise DomainError(
            "labels.cannot_write", path=str(target), reason=err.strerror or err
        ) from err
    try:
        pages = _write(items, tmp_name, template, plant_name, skip, lang, progress)
        os.replace(tmp_name, target)
    except OSError as err:
        _remove(tmp_name)
        raise DomainError(
            "labels.cannot_write", path=str(target), reason=err.strerror or err
        ) from err
    except BaseException:
        _remove(tmp_name)
        raise
    return pages


def _remove(name: str) -> None:
    try:
        os.remove(name)
    except OSError:
        pass


def _write(
    items: Iterable[LabelItem],
    filename: str,
    template: LabelTemplate,
    plant_name: str,
    skip: int,
    lang: str,
    progress: Callable[[int], None] | None,
) -> int:
    register_font()
    # invariant: no timestamp or random id in the file, so the same labels give the same bytes.
    canvas = Canvas(
        filename, pagesize=template.page_size, pageCompression=1, invariant=1,
        initialFontName=FONT_NAME, initialFontSize=template.small_pt,
    )  # fmt: skip
    # initialFontName: otherwise every page names Helvetica, a font that is never embedded.
    canvas.setTitle(template.title(lang))
    canvas.setCreator("SafeDesk 安全台")
    painter = _LabelPainter(canvas, template, plant_name, lang)
    position = skip
    drawn = 0
    for item in items:
        if position and position % template.per_page == 0:
            canvas.showPage()
            if progress is not None:
                progress(drawn)
        painter.draw(item, position)
        position += 1
        drawn += 1
    if drawn == 0:
        raise DomainError("labels.empty")
    canvas.showPage()
    canvas.save()
    if progress is not None:
        progress(drawn)
    return (position - 1) // template.per_page + 1


class _LabelPainter:
    """Draws one label at a sheet position: the geometry is worked out once per template."""

    def __init__(self, canvas: Canvas, template: LabelTemplate, plant_name: str, lang: str):
        self.c = canvas
        self.t = template
        self.plant_name = plant_name
        self.lang = lang
        t = template
        self.band_h = t.band_mm * mm
        self.band_y = t.inset_bottom_mm * mm  # from the label's bottom edge
        self.band_w = (t.label_w_mm - t.inset_left_mm - t.inset_right_mm) * mm
        self.qr_size = t.qr_mm * mm
        self.qr_x = t.inset_left_mm * mm
        self.qr_y = (t.label_h_mm - t.inset_top_mm - t.qr_mm) * mm
        if self.qr_y < self.band_y + self.band_h:
            raise ValueError(f"template {t.key}: the QR quiet zone overlaps the risk band")
        self.text_x = self.qr_x + self.qr_size  # the quiet zone's right edge
        self.text_w = (t.label_w_mm - t.inset_right_mm) * mm - self.text_x
        self.text_top = (t.label_h_mm - t.inset_top_mm - 1.0) * mm
        self.text_bottom = self.band_y + self.band_h + 1.0 * mm
        # Plant names repeat on every label: fit once.
        self.plant_line = _fit_line(plant_name, t.small_pt, self.text_w)

    def draw(self, item: LabelItem, position: int) -> None:
        left_mm, top_mm = self.t.label_origin_mm(position)
        x0 = left_mm * mm
        y0 = self.t.page_size[1] - (top_mm + self.t.label_h_mm) * mm  # label's bottom-left
        _draw_qr(self.c, item.payload, x0 + self.qr_x, y0 + self.qr_y, self.qr_size)
        self._draw_texts(item, x0, y0)
        self._draw_band(item, x0, y0)

    def _draw_texts(self, item: LabelItem, x0: float, y0: float) -> None:
        c, t = self.c, self.t
        x = x0 + self.text_x
        c.setFillColor(_SMALL_TEXT_COLOUR)
        plant_text, plant_pt = self.plant_line
        y = y0 + self.text_top - plant_pt
        c.setFont(FONT_NAME, plant_pt)
        c.drawString(x, y, plant_text)

        code_text, code_pt = _fit_line(item.code, t.code_pt, self.text_w)
        y -= code_pt * _LINE_SPACING
        c.setFillColor(_TEXT_COLOUR)
        _draw_bold(c, x, y, code_text, code_pt)

        bottom = y0 + self.text_bottom
        if item.area:
            area = _word("area", self.lang) + item.area
            area_text, area_pt = _fit_line(area, t.small_pt + 0.5, self.text_w)
            c.setFillColor(_SMALL_TEXT_COLOUR)
            c.setFont(FONT_NAME, area_pt)
            c.drawString(x, bottom + 0.2 * area_pt, area_text)
            bottom += area_pt * _LINE_SPACING

        # The name takes whatever height is left between the code and the area line.
        room = y - code_pt * 0.35 - bottom
        lines, name_pt = _fit_block(item.name, t.name_pt, self.text_w, room)
        c.setFillColor(_TEXT_COLOUR)
        c.setFont(FONT_NAME, name_pt)
        y -= code_pt * 0.35
        for line in lines:
            y -= name_pt * _LINE_SPACING
            c.drawString(x, y + 0.2 * name_pt, line)

    def _draw_band(self, item: LabelItem, x0: float, y0: float) -> None:
        c = self.c
        grade = item.risk_grade
        if grade is not None and grade not in RISK_COLOURS:
            raise DomainError("labels.bad_risk_grade", code=item.code, grade=grade)
        x, y = x0 + self.qr_x, y0 + self.band_y
        c.setFillColor(RISK_COLOURS[grade] if grade else NOT_ASSESSED_COLOUR)
        c.rect(x, y, self.band_w, self.band_h, stroke=0, fill=1)
        # The grade in black on white: legible whatever the printer does to the colour.
        pad = min(0.9 * mm, self.band_h * 0.14)
        box_h = self.band_h - 2 * pad
        text, size = _fit_line(_grade_text(grade, self.lang), box_h / mm * 1.9, self.band_w * 0.6)
        box_w = pdfmetrics.stringWidth(text, FONT_NAME, size) + 2.2 * pad + box_h * 0.3
        c.setFillColor("#FFFFFF")
        c.roundRect(x + pad, y + pad, box_w, box_h, box_h * 0.2, stroke=0, fill=1)
        c.setFillColor(_TEXT_COLOUR)
        c.setFont(FONT_NAME, size)
        baseline = y + pad + (box_h - size * 0.72) / 2
        c.drawString(x + pad + (box_w - pdfmetrics.stringWidth(text, FONT_NAME, size)) / 2,
                     baseline, text)  # fmt: skip


def _word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return en if lang == "en" else zh


def _grade_text(grade: str | None, lang: str) -> str:
    if grade is None:
        return _word("not_assessed", lang)
    zh, en = RISK_LABELS[grade]
    return en + _word("risk_suffix", "en") if lang == "en" else zh


def _draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw ``payload`` as a QR code filling a ``size`` square (quiet zone included) at x, y.

    Dark modules become rectangles, one per horizontal run, all filled at once: a single fill
    leaves no hairline seams between modules in any rasteriser. The coordinates are scaled so
    one module is one unit and written as integers straight into the page: reportlab's path
    API formats every float in pure Python, which cost more than making the code itself.
    """
    matrix = _qr_matrix(payload)
    n = len(matrix)
    module = size / (n + 2 * QUIET_ZONE_MODULES)
    ops: list[str] = []
    for r, row in enumerate(matrix):
        row_y = n - 1 - r  # PDF y grows upwards; matrix rows go down
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                ops.append(f"{start} {row_y} {c - start} 1 re")
            else:
                c += 1
    ops.append("f")
    canvas.saveState()
    canvas.setFillColor("#000000")
    offset = QUIET_ZONE_MODULES * module
    canvas.transform(module, 0, 0, module, x + offset, y + offset)
    canvas.addLiteral("\n".join(ops))
    canvas.restoreState()


def _qr_matrix(payload: str) -> list[list[bool]]:
    # Q (25 % recovery): labels on machines get oil, scratches and sun; our payloads are short
    # enough that Q still fits version 2-3. The quiet zone is drawn by _draw_qr, not here.
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=0)
    qr.add_data(payload)
    qr.make(fit=True)
    return qr.get_matrix()


def _draw_bold(canvas: Canvas, x: float, y: float, text: str, size: float) -> None:
    """Fill and stroke the glyphs: one embedded font (no bold face) still prints bold-ish."""
    obj = canvas.beginText(x, y)
    obj.setFont(FONT_NAME, size)
    obj.setTextRenderMode(2)  # fill, then stroke the outline
    canvas.setStrokeColor(_TEXT_COLOUR)
    canvas.setLineWidth(size * 0.045)
    obj.textOut(text)
    obj.setTextRenderMode(0)  # the mode is page state in PDF: later text would be bold too
    canvas.drawText(obj)


def _width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT_NAME, size)


def _sizes(largest: float) -> Iterable[float]:
    size = largest
    while size > _MIN_PT:
        yield size
        size = round(size - 0.5, 2)
    yield _MIN_PT


def _fit_line(text: str, largest: float, width: float) -> tuple[str, float]:
    """The largest size (≥ _MIN_PT) at which ``text`` fits ``width``; cut with … if none."""
    text = " ".join(text.split())  # a pasted newline or tab would print as a missing glyph
    for size in _sizes(largest):
        if _width(text, size) <= width:
            return text, size
    return _ellipsize(text, _MIN_PT, width), _MIN_PT


def _ellipsize(text: str, size: float, width: float) -> str:
    while text and _width(text + _ELLIPSIS, size) > width:
        text = text[:-1]
    return text.rstrip() + _ELLIPSIS


def _fit_block(text: str, largest: float, width: float, height: float) -> tuple[list[str], float]:
    """Wrap ``text`` into ``width`` at the largest size whose lines fit ``height``."""
    text = " ".join(text.split())
    for size in _sizes(largest):
        max_lines = max(1, int(height // (size * _LINE_SPACING)))
        lines = wrap(text, size, width)
        if len(lines) <= max_lines:
            return lines, size
    lines = wrap(text, _MIN_PT, width)
    max_lines = max(1, int(height // (_MIN_PT * _LINE_SPACING)))
    if len(lines) > max_lines:
        rest = "".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], _ellipsize(rest, _MIN_PT, width)]
    return lines, _MIN_PT


# Latin words and numbers stay whole; every other character (CJK) may break on either side.
_TOKEN = re.compile(r"[0-9A-Za-z_\-.#/+()]+|\s+|.", re.DOTALL)
# Chinese typesetting (禁则): these never start a line / never end one.
_NO_LINE_START = set("，。、；：？！）》」』】〕”’%·…,.;:?!)]}")
_NO_LINE_END = set("（《「『【〔“‘([{")


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for tok in _TOKEN.findall(text):
        if tokens and (tok[0] in _NO_LINE_START or tokens[-1][-1] in _NO_LINE_END):
            tokens[-1] += tok
        else:
            tokens.append(tok)
    return tokens


def wrap(text: str, size: float, width: float) -> list[str]:
    """Greedy line breaking for mixed Chinese and Latin text in the label font."""
    lines: list[str] = []
    line = ""
    for tok in _tokens(text):
        if tok.isspace():
            line += " " if line else ""
            continue
        if _width(line + tok, size) <= width:
            line += tok
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = ""
        # A single token wider than the line (a long part number) is cut where it must be.
        for ch in tok:
            if line and _width(line + ch, size) > width:
                lines.append(line)
                line = ""
            line += ch
    if line.strip():
        lines.append(line.rstrip())
    return lines
