"""The four-colour safety risk map (安全风险四色分布图) for wall posting: PDF (reportlab) and PNG
(Pillow), from plain data: the plan image, zones with their grades, equipment markers.

One page per plan, landscape A3 (default) or A4. The layout is worked out once in points with
the origin top-left (`_Layout`) and both back ends draw from it, so the PDF and the PNG agree.
Fonts: the bundled WenQuanYi Micro Hei; reportlab embeds a subset of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from core import i18n
from core.colours import NOT_ASSESSED_COLOUR, RISK_COLOURS
from core.i18n import DomainError
from core.plant import RISK_LEVELS
from reports.fonts import font_file
from reports.output_file import atomic_output
from reports.pdf_layout import FONT, register_font
from reports.plan_image import plan_pixel_limit

FONT_NAME = FONT
PAPERS = {"A3": landscape(A3), "A4": landscape(A4)}
PNG_DPI = 200  # print resolution of the PNG (A3 landscape: 3307 × 2339 px)
ZONE_ALPHA = 0.45  # zones are see-through so the walls and labels of the plan stay readable
OVERDUE_COLOUR = "#C62828"
BADGE_COLOUR = "#37474F"
LABEL_LIMIT = 150  # more markers than this: no code labels (they would overlap into a smear)

i18n.register({
    "map.bad_paper": {"zh_CN": "纸张只能是 A3 或 A4。", "en": "The paper must be A3 or A4."},
})

_TEXT = {
    "title": ("安全风险四色分布图", "Four-colour safety risk map"),
    "major": ("红 重大风险", "Red – major risk"),
    "considerable": ("橙 较大风险", "Orange – considerable risk"),
    "general": ("黄 一般风险", "Yellow – general risk"),
    "low": ("蓝 低风险", "Blue – low risk"),
    "none": ("灰 未评估", "Grey – not assessed"),
    "marker": ("● 设备（按风险等级着色）", "● Equipment (coloured by grade)"),
    "badge": ("数字：未整改隐患；红色为逾期", "Number: open hazards; red when overdue"),
    "plant": ("单位：", "Plant: "),
    "plan": ("平面图：", "Plan: "),
    "date": ("日期：", "Date: "),
}


@dataclass(frozen=True)
class ZoneShape:
    polygon: Sequence[tuple[float, float]]  # image pixels
    grade: str | None
    label: str = ""


@dataclass(frozen=True)
class MarkerDot:
    x: float
    y: float
    grade: str | None
    label: str = ""
    open_hazards: int = 0
    overdue_hazards: int = 0


@dataclass(frozen=True)
class MapSheet:
    plan_name: str
    plant_name: str
    date: str
    image_path: Path
    width_px: int
    height_px: int
    zones: Sequence[ZoneShape] = ()
    markers: Sequence[MarkerDot] = ()
    lang: str = "zh_CN"
    extra: dict[str, str] = field(default_factory=dict)


def _text(key: str, lang: str) -> str:
    zh, en = _TEXT[key]
    return zh if lang.startswith("zh") else en


def _colour(grade: str | None) -> str:
    return RISK_COLOURS.get(grade or "", NOT_ASSESSED_COLOUR)


@dataclass(frozen=True)
class _Layout:
    """Boxes in points, origin top-left, for one sheet on one paper."""

    page_w: float
    page_h: float
    margin: float
    title_pt: float
    title_y: float  # baseline
    sub_pt: float
    sub_y: float
    map_x: float
    map_y: float
    map_w: float
    map_h: float
    scale: float  # points per image pixel
    legend_y: float  # top of the legend band
    legend_pt: float
    marker_r: float

    @classmethod
    def of(cls, sheet: MapSheet, paper: str) -> _Layout:
        page_w, page_h = PAPERS[paper]
        margin = 0.04 * page_h
        title_pt = 0.045 * page_h
        sub_pt = 0.02 * page_h
        title_y = margin + title_pt
        sub_y = title_y + sub_pt * 1.9
        legend_pt = 0.018 * page_h
        legend_h = legend_pt * 3.2
        top = sub_y + sub_pt
        bottom = page_h - margin - legend_h
        box_w, box_h = page_w - 2 * margin, bottom - top
        scale = min(box_w / sheet.width_px, box_h / sheet.height_px)
        map_w, map_h = sheet.width_px * scale, sheet.height_px * scale
        # Dots shrink when many share the sheet, but never below what a printer shows.
        density = max(len(sheet.markers), 1)
        marker_r = max(1.2, min(0.0065 * page_h, 0.35 * (map_w * map_h / density) ** 0.5))
        return cls(page_w, page_h, margin, title_pt, title_y, sub_pt, sub_y,
                   margin + (box_w - map_w) / 2, top + (box_h - map_h) / 2, map_w, map_h, scale,
                   bottom + legend_pt * 0.8, legend_pt, marker_r)

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.map_x + x * self.scale, self.map_y + y * self.scale


def _subtitle(sheet: MapSheet) -> str:
    lang = sheet.lang
    return "    ".join((_text("plant", lang) + sheet.plant_name, _text("plan", lang) + sheet.plan_name,
                        _text("date", lang) + sheet.date))


def _legend_items(lang: str) -> list[tuple[str | None, str]]:
    """(swatch colour or None for text only, label)."""
    return [(RISK_COLOURS[g], _text(g, lang)) for g in RISK_LEVELS] + [
        (NOT_ASSESSED_COLOUR, _text("none", lang)), (None, _text("marker", lang)),
        (None, _text("badge", lang))]


def _legend_rows(widths: Sequence[float], room: float, gap: float) -> list[list[int]]:
    """Items packed into as few centred rows as fit ``room`` (English labels are long)."""
    rows: list[list[int]] = [[]]
    used = 0.0
    for i, width in enumerate(widths):
        need = width + (gap if rows[-1] else 0.0)
        if rows[-1] and used + need > room:
            rows.append([])
            used, need = 0.0, width
        rows[-1].append(i)
        used += need
    return rows


def _plan_image(sheet: MapSheet, max_px: tuple[int, int]) -> Image.Image:
    """The plan image, reduced to what the print resolution can show (smaller files, faster)."""
    with plan_pixel_limit():  # a 10,000 px plan is 100 Mpx: over Pillow's warning level
        img = Image.open(sheet.image_path)
    img.draft("RGB", max_px)  # JPEG: decode at a reduced scale straight away
    img = img.convert("RGB")
    if img.width > max_px[0] or img.height > max_px[1]:
        # reducing_gap: a quick integer reduce first, then a short resample (Pillow's recipe)
        img.thumbnail(max_px, Image.Resampling.BICUBIC, reducing_gap=2.0)
    return img


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Binary (not ASCII85) image streams: smaller files, and the encoder is pure Python here
    (~0.5 s for one plan image). rl_config is process-wide, so it is restored at once."""
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


# -- PDF -------------------------------------------------------------------------------------
def render_pdf(sheets: Sequence[MapSheet], path: Path | str, paper: str = "A3",
               progress: Callable[[int, int], None] = lambda done, total: None,
               cancelled: Callable[[], bool] = lambda: False,
               cancel_error: type[BaseException] = RuntimeError) -> int:
    """One page per sheet; returns the page count."""
    if paper not in PAPERS:
        raise DomainError("map.bad_paper")
    register_font()
    with atomic_output(Path(path)) as tmp, _binary_streams():
        canvas = Canvas(str(tmp), pagesize=PAPERS[paper], pageCompression=1,
                        initialFontName=FONT_NAME, initialFontSize=10)
        canvas.setTitle(_text("title", sheets[0].lang if sheets else "zh_CN"))
        forms: dict[tuple[str, float], str] = {}  # marker symbols, shared by the pages
        for index, sheet in enumerate(sheets):
            if cancelled():
                raise cancel_error()
            _pdf_page(canvas, sheet, _Layout.of(sheet, paper), cancelled, cancel_error, forms)
            canvas.showPage()
            progress(index + 1, len(sheets))
        canvas.save()
    return len(sheets)


def _pdf_page(c: Canvas, sheet: MapSheet, lay: _Layout, cancelled: Callable[[], bool],
              cancel_error: type[BaseException], forms: dict[tuple[str, float], str]) -> None:
    h = lay.page_h

    def y_up(y: float) -> float:
        return h - y

    c.setFillColor(HexColor("#1a1a1a"))
    c.setFont(FONT_NAME, lay.title_pt)
    c.drawCentredString(lay.page_w / 2, y_up(lay.title_y), _text("title", sheet.lang))
    c.setFont(FONT_NAME, lay.sub_pt)
    c.drawCentredString(lay.page_w / 2, y_up(lay.sub_y), _subtitle(sheet))
    # 200 dpi of the printed box is all the paper can show.
    max_px = (max(1, int(lay.map_w / 72 * 200)), max(1, int(lay.map_h / 72 * 200)))
    c.drawImage(ImageReader(_plan_image(sheet, max_px)), lay.map_x, y_up(lay.map_y + lay.map_h),
                lay.map_w, lay.map_h)
    c.setStrokeColor(HexColor("#4d4d4d"))
    c.setLineWidth(0.6)
    c.rect(lay.map_x, y_up(lay.map_y + lay.map_h), lay.map_w, lay.map_h, fill=0, stroke=1)
    for zone in sheet.zones:
        colour = HexColor(_colour(zone.grade))
        c.setFillColor(Color(colour.red, colour.green, colour.blue, alpha=ZONE_ALPHA))
        c.setStrokeColor(colour)
        c.setLineWidth(1.2)
        p = c.beginPath()
        for i, (x, y) in enumerate(zone.polygon):
            px, py = lay.point(x, y)
            (p.moveTo if i == 0 else p.lineTo)(px, y_up(py))
        p.close()
        c.drawPath(p, fill=1, stroke=1)
    # the zones' see-through fill must not carry over to markers and badges
    c.setFillAlpha(1.0)
    c.setStrokeAlpha(1.0)
    r = lay.marker_r
    labels = len(sheet.markers) <= LABEL_LIMIT
    # One form (XObject) per grade, placed per marker: a placement is 2 numbers in the page
    # stream where a circle is 26, and formatting numbers is what reportlab spends time on.
    for i, m in enumerate(sheet.markers):
        if i % 1000 == 999 and cancelled():
            raise cancel_error()
        key = (_colour(m.grade), round(r, 3))
        if key not in forms:
            forms[key] = _marker_form(c, key[0], r, len(forms))
        px, py = lay.point(m.x, m.y)
        c.saveState()
        c.translate(px, y_up(py))
        c.doForm(forms[key])
        c.restoreState()
    badge_pt = max(4.0, r * 1.5)
    c.setFont(FONT_NAME, badge_pt)
    for m in sheet.markers:
        px, py = lay.point(m.x, m.y)
        if labels and m.label:
            c.setFillColor(HexColor("#1a1a1a"))
            c.drawCentredString(px, y_up(py + r + badge_pt), m.label)
        if m.open_hazards:
            bx, by = px + r * 1.1, py - r * 1.1
            c.setFillColor(HexColor(OVERDUE_COLOUR if m.overdue_hazards else BADGE_COLOUR))
            c.circle(bx, y_up(by), badge_pt * 0.75, fill=1, stroke=0)
            c.setFillColor(HexColor("#ffffff"))
            c.drawCentredString(bx, y_up(by) - badge_pt * 0.35, str(m.open_hazards))
    _pdf_legend(c, sheet, lay)


def _marker_form(c: Canvas, colour: str, r: float, index: int) -> str:
    name = f"marker{index}"
    c.beginForm(name, lowerx=-r * 1.5, lowery=-r * 1.5, upperx=r * 1.5, uppery=r * 1.5)
    c.setFillAlpha(1.0)
    c.setLineWidth(max(0.3, r * 0.25))
    c.setStrokeColor(HexColor("#ffffff"))
    c.setFillColor(HexColor(colour))
    c.circle(0, 0, r, fill=1, stroke=1)
    c.endForm()
    return name


def _pdf_legend(c: Canvas, sheet: MapSheet, lay: _Layout) -> None:
    size = lay.legend_pt
    c.setFont(FONT_NAME, size)
    items = _legend_items(sheet.lang)
    widths = [(size * 1.6 if colour else 0) + pdfmetrics.stringWidth(text, FONT_NAME, size)
              for colour, text in items]
    gap = size * 2.2
    for row_no, row in enumerate(_legend_rows(widths, lay.page_w - 2 * lay.margin, gap)):
        x = (lay.page_w - (sum(widths[i] for i in row) + gap * (len(row) - 1))) / 2
        y = lay.page_h - (lay.legend_y + size + row_no * size * 1.45)
        for i in row:
            colour, text = items[i]
            if colour:
                c.setFillColor(HexColor(colour))
                c.setStrokeColor(HexColor("#4d4d4d"))
                c.setLineWidth(0.4)
                c.rect(x, y - size * 0.15, size * 1.2, size * 1.0, fill=1, stroke=1)
            c.setFillColor(HexColor("#1a1a1a"))
            c.drawString(x + (size * 1.6 if colour else 0), y, text)
            x += widths[i] + gap


# -- PNG -------------------------------------------------------------------------------------
def render_png(sheet: MapSheet, path: Path | str, paper: str = "A3", dpi: int = PNG_DPI) -> tuple[int, int]:
    """One sheet as a PNG at print resolution; returns its size in pixels."""
    if paper not in PAPERS:
        raise DomainError("map.bad_paper")
    lay = _Layout.of(sheet, paper)
    k = dpi / 72.0
    size = (round(lay.page_w * k), round(lay.page_h * k))
    page = Image.new("RGB", size, "white")
    font_path = font_file()

    def font(pt: float) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(str(font_path), max(1, round(pt * k)), index=0)

    draw = ImageDraw.Draw(page)
    draw.text((size[0] / 2, lay.title_y * k), _text("title", sheet.lang), fill="#1a1a1a",
              font=font(lay.title_pt), anchor="ms")
    draw.text((size[0] / 2, lay.sub_y * k), _subtitle(sheet), fill="#1a1a1a",
              font=font(lay.sub_pt), anchor="ms")
    box = (round(lay.map_x * k), round(lay.map_y * k),
           round((lay.map_x + lay.map_w) * k), round((lay.map_y + lay.map_h) * k))
    plan = _plan_image(sheet, (box[2] - box[0], box[3] - box[1]))
    page.paste(plan.resize((box[2] - box[0], box[3] - box[1]), Image.Resampling.LANCZOS),
               box[:2])
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    odraw = ImageDraw.Draw(overlay)
    alpha = round(255 * ZONE_ALPHA)
    for zone in sheet.zones:
        colour = _colour(zone.grade)
        rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
        points = [tuple(v * k for v in lay.point(x, y)) for x, y in zone.polygon]
        odraw.polygon(points, fill=(*rgb, alpha), outline=(*rgb, 255),
                      width=max(1, round(1.2 * k)))
    page.paste(Image.alpha_composite(page.convert("RGBA"), overlay).convert("RGB"))
    draw = ImageDraw.Draw(page)
    draw.rectangle(box, outline="#4d4d4d", width=max(1, round(0.6 * k)))
    r = lay.marker_r * k
    outline = max(1, round(r * 0.25))
    for m in sheet.markers:
        x, y = (v * k for v in lay.point(m.x, m.y))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_colour(m.grade), outline="white",
                     width=outline)
    badge_pt = max(4.0, lay.marker_r * 1.5)
    small = font(badge_pt)
    labels = len(sheet.markers) <= LABEL_LIMIT
    for m in sheet.markers:
        x, y = (v * k for v in lay.point(m.x, m.y))
        if labels and m.label:
            draw.text((x, y + r + badge_pt * k * 0.2), m.label, fill="#1a1a1a", font=small,
                      anchor="mt")
        if m.open_hazards:
            bx, by, br = x + r * 1.1, y - r * 1.1, badge_pt * 0.75 * k
            draw.ellipse((bx - br, by - br, bx + br, by + br),
                         fill=OVERDUE_COLOUR if m.overdue_hazards else BADGE_COLOUR)
            draw.text((bx, by), str(m.open_hazards), fill="white", font=small, anchor="mm")
    _png_legend(draw, sheet, lay, k, font)
    with atomic_output(Path(path)) as tmp:
        page.save(tmp, "PNG", dpi=(dpi, dpi))
    return size


def _png_legend(draw: ImageDraw.ImageDraw, sheet: MapSheet, lay: _Layout, k: float,
                font: Callable[[float], ImageFont.FreeTypeFont]) -> None:
    size = lay.legend_pt
    f = font(size)
    items = _legend_items(sheet.lang)
    widths = [(size * 1.6 if colour else 0) + draw.textlength(text, font=f) / k
              for colour, text in items]
    gap = size * 2.2
    for row_no, row in enumerate(_legend_rows(widths, lay.page_w - 2 * lay.margin, gap)):
        x = (lay.page_w - (sum(widths[i] for i in row) + gap * (len(row) - 1))) / 2
        y = lay.legend_y + row_no * size * 1.45
        for i in row:
            colour, text = items[i]
            if colour:
                draw.rectangle((x * k, (y + size * 0.15) * k, (x + size * 1.2) * k,
                                (y + size * 1.15) * k), fill=colour, outline="#4d4d4d")
            draw.text(((x + (size * 1.6 if colour else 0)) * k, (y + size) * k), text,
                      fill="#1a1a1a", font=f, anchor="ls")
            x += widths[i] + gap
