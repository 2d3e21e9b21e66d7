"""Draw a site floor plan (areas as walled rectangles) to a PNG.

The image is a metric drawing: pixel (px, py) = metre (x, y) × ``px_per_m``, origin top-left,
with y growing southwards, exactly as the area rectangles are given. The risk map (F6) places
equipment markers on this image with that formula, so nothing here may add margins, padding
or a frame outside the plan: the title, scale bar and north arrow are drawn inside it.

Matplotlib is used through the Figure API on an Agg canvas (no pyplot global state), so it is
safe to call from a worker thread and needs no display.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Protocol

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle

from reports.fonts import cjk_family, cjk_rc

_DPI = 100.0
# Agg truncates the canvas size to whole pixels; a tiny surplus keeps e.g. 1459.9999999 from
# losing a pixel row. It moves the drawing by less than 1/1000 px.
_SIZE_SLACK_PX = 1e-3

_WALL_M = 0.4  # drawn wall thickness
_WALL_COLOUR = "#4d4d4d"
_TEXT_COLOUR = "#262626"
# Neutral, pale fills: the four risk colours (red/orange/yellow/blue) are painted over this
# plan later, so the base drawing must not use hues that could be mistaken for a risk grade.
_FILL_BY_KIND: dict[str, str] = {
    "stamping": "#ececec",
    "welding": "#ececec",
    "painting": "#ececec",
    "paint_mixing": "#e4e4e4",
    "assembly": "#f2f2f2",
    "warehouse": "#eeebe6",
    "compressor": "#e6e8e6",
    "power": "#e6e8e6",
    "office": "#f6f6f6",
}
_DEFAULT_FILL = "#efefef"


class AreaLike(Protocol):
    """What the renderer needs of an area (core.demo_plant.Area satisfies it)."""

    @property
    def name(self) -> str: ...

    @property
    def rect(self) -> tuple[float, float, float, float]: ...


def render_floor_plan(
    areas: Sequence[AreaLike],
    plan_size: tuple[float, float],
    path: str | os.PathLike[str],
    title: str,
    px_per_m: float = 10.0,
) -> None:
    """Write the floor plan of ``areas`` to ``path`` as a PNG.

    The image is ``round(w * px_per_m)`` × ``round(h * px_per_m)`` pixels for a plan of
    ``w`` × ``h`` metres, and a point at (x, y) metres lands on pixel (x, y) × ``px_per_m``.
    """
    width_m, height_m = plan_size
    if width_m <= 0 or height_m <= 0 or px_per_m <= 0:
        raise ValueError("plan size and px_per_m must be positive")
    width_px = round(width_m * px_per_m)
    height_px = round(height_m * px_per_m)

    family = cjk_family()
    with rc_context(cjk_rc()):
        fig = Figure(
            figsize=((width_px + _SIZE_SLACK_PX) / _DPI, (height_px + _SIZE_SLACK_PX) / _DPI),
            dpi=_DPI,
            facecolor="white",
        )
        FigureCanvasAgg(fig)
        ax = _plan_axes(fig, width_px / px_per_m, height_px / px_per_m)
        scale = _Scale(px_per_m, family)
        for area in areas:
            _draw_area(ax, area, scale)
        _draw_title(ax, title, width_m, scale)
        _draw_scale_bar(ax, width_m, height_m, scale)
        _draw_north_arrow(ax, width_m, scale)
        # No "Software" tag: the committed demo PNG then only changes when the drawing does.
        fig.savefig(os.fspath(path), format="png", dpi=_DPI, metadata={"Software": None})


class _Scale:
    """Converts sizes in metres on the ground into matplotlib points at this resolution.

    Text and lines are sized in metres so the plan looks the same at any ``px_per_m``.
    """

    def __init__(self, px_per_m: float, family: str) -> None:
        self._pt_per_m = px_per_m * 72.0 / _DPI
        self.family = family

    def pt(self, metres: float) -> float:
        return metres * self._pt_per_m

    def text(self, ax: Axes, x: float, y: float, s: str, em: float, **kwargs: Any) -> None:
        """Draw text ``em`` metres tall in the CJK font.

        The family is passed per text, not only through rc_context, because rcParams are
        process-global and another thread's rc_context could change them mid-drawing.
        """
        ax.text(x, y, s, fontsize=self.pt(em), fontfamily=[self.family, "DejaVu Sans"], **kwargs)


def _plan_axes(fig: Figure, width_m: float, height_m: float) -> Axes:
    # The axes fill the whole figure and the y axis is inverted, so data coordinates are
    # metres from the top-left corner and map linearly onto pixels.
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0.0, width_m)
    ax.set_ylim(height_m, 0.0)
    ax.set_axis_off()
    return ax


def _draw_area(ax: Axes, area: AreaLike, scale: _Scale) -> None:
    x, y, w, h = area.rect
    fill = _FILL_BY_KIND.get(str(getattr(area, "kind", "")), _DEFAULT_FILL)
    ax.add_patch(
        Rectangle(
            (x, y), w, h,
            facecolor=fill, edgecolor=_WALL_COLOUR, linewidth=scale.pt(_WALL_M),
            joinstyle="miter",
        )
    )  # fmt: skip
    _draw_area_label(ax, area, scale)


def _draw_area_label(ax: Axes, area: AreaLike, scale: _Scale) -> None:
    x, y, w, h = area.rect
    name_em = _fit_em(area.name, w, h)
    name_en = str(getattr(area, "name_en", "") or "")
    en_em = min(0.55 * name_em, 0.85 * w / max(_text_width_em(name_en), 1.0)) if name_en else 0
    # Drop the English line when it would be too small to read or the room is too short.
    show_en = en_em >= 1.2 and name_em + 0.4 * name_em + en_em <= 0.8 * h
    cx, cy = x + w / 2, y + h / 2
    if show_en:
        cy -= (0.4 * name_em + en_em) / 2
    scale.text(ax, cx, cy, area.name, name_em, ha="center", va="center", color=_TEXT_COLOUR)
    if show_en:
        en_y = cy + name_em / 2 + 0.4 * name_em + en_em / 2
        scale.text(ax, cx, en_y, name_en, en_em, ha="center", va="center", color="#595959")


def _text_width_em(text: str) -> float:
    # CJK characters are square (1 em); Latin letters and spaces average a bit over half.
    return sum(1.0 if ord(ch) > 0x2E7F else 0.58 for ch in text)


def _fit_em(text: str, w: float, h: float, largest: float = 3.2) -> float:
    """Largest text height (metres) that fits the label inside a w × h room."""
    return min(largest, 0.85 * w / max(_text_width_em(text), 1.0), 0.45 * h)


def _draw_title(ax: Axes, title: str, width_m: float, scale: _Scale) -> None:
    em = min(4.5, 0.7 * width_m / max(_text_width_em(title), 1.0))
    scale.text(ax, width_m / 2, 1.2, title, em, ha="center", va="top", color=_TEXT_COLOUR)


def _nice_length(max_m: float) -> float:
    """The longest 1/2/5 × 10ⁿ metres that is not longer than ``max_m``."""
    best = 1.0
    step = 1.0
    while step <= max_m:
        for mult in (1.0, 2.0, 5.0):
            if step * mult <= max_m:
                best = step * mult
        step *= 10.0
    return best


def _draw_scale_bar(ax: Axes, width_m: float, height_m: float, scale: _Scale) -> None:
    # About a tenth of the plan wide, bottom-left, in alternating black and white halves.
    length = _nice_length(width_m * 0.12)
    bar_h = max(0.6, length / 20)
    x0, y0 = 3.0, height_m - 3.0 - bar_h
    half = length / 2
    for i, colour in enumerate(("#262626", "white")):
        ax.add_patch(
            Rectangle(
                (x0 + i * half, y0), half, bar_h,
                facecolor=colour, edgecolor="#262626", linewidth=scale.pt(0.15),
            )
        )  # fmt: skip
    text_em = max(1.2, bar_h * 1.8)
    for pos, label in ((0.0, "0"), (half, _metres(half)), (length, f"{_metres(length)} m")):
        scale.text(
            ax, x0 + pos, y0 - 0.4, label, text_em, ha="center", va="bottom", color=_TEXT_COLOUR
        )


def _metres(value: float) -> str:
    return f"{value:g}"


def _draw_north_arrow(ax: Axes, width_m: float, scale: _Scale) -> None:
    # Top-right corner; north is up because the plan is drawn with north at the top.
    size = 6.0
    cx, top = width_m - 6.0, 1.5
    tip, base = (cx, top + 1.8), top + 1.8 + size
    left, right, notch = (cx - size / 3, base), (cx + size / 3, base), (cx, base - size / 3)
    ax.add_patch(Polygon([tip, right, notch], closed=True, facecolor="white",
                         edgecolor="#262626", linewidth=scale.pt(0.15)))  # fmt: skip
    ax.add_patch(Polygon([tip, left, notch], closed=True, facecolor="#262626",
                         edgecolor="#262626", linewidth=scale.pt(0.15)))  # fmt: skip
    scale.text(ax, cx, top + 1.6, "N", 2.0, ha="center", va="bottom", color=_TEXT_COLOUR)
