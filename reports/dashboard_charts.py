"""The dashboard's charts (F8) drawn onto a matplotlib Figure from plain data.

The same functions draw into the page's Qt canvas and into an Agg canvas when a chart is
exported to PNG or PDF, so the file looks exactly like the screen. Figure API only (no pyplot
state): safe on a worker thread. Chinese labels use the WenQuanYi font shipped in resources;
the CJK font has no U+2212 minus, hence ``axes.unicode_minus = False``.

Neutral slate bars on purpose: the four risk colours (red/orange/yellow/blue) mean risk grades
everywhere in the program, so a chart of counts must not borrow them.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from reports.fonts import cjk_families, cjk_family

BAR = "#4F6479"
CLOSED = "#8DB5A0"
GRID = "#E3E7EC"
TEXT = "#2B3440"
HEAT_MAP = "YlOrRd"  # sequential: more reports → darker; read as density, not as a risk grade

def _font() -> dict[str, Any]:
    # Passed per text as well as set globally: rcParams are process-wide and shared with
    # other figures drawn on other threads.
    return {"fontfamily": cjk_families()}


@dataclass(frozen=True)
class ChartData:
    """What any chart needs: kind ("bars", "trend", "heat"), title, labels and values."""

    kind: str
    title: str
    labels: Sequence[str] = ()
    values: Sequence[float] = ()
    second: Sequence[float] = ()  # trend: closed per month
    legend: tuple[str, str] = ("", "")
    rows: Sequence[Sequence[int]] = ()  # heat: [weekday][hour]
    row_labels: Sequence[str] = ()
    empty_text: str = ""


def new_figure(width_in: float = 5.6, height_in: float = 3.2) -> Figure:
    cjk_family()
    fig = Figure(figsize=(width_in, height_in), dpi=100, facecolor="white")
    return fig


def _style(ax: Any, title: str) -> None:
    ax.set_title(title, loc="left", fontsize=11, color=TEXT, **_font())
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#B8C0CA")
    ax.tick_params(colors=TEXT, labelsize=8.5)
    for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
        label.set_fontfamily(cjk_families())


def _empty(fig: Figure, data: ChartData) -> list[Artist]:
    ax = fig.add_subplot()
    _style(ax, data.title)
    ax.set_axis_off()
    ax.text(0.5, 0.5, data.empty_text, ha="center", va="center", color="#7A8694", fontsize=10,
            transform=ax.transAxes, **_font())
    return []


def draw(fig: Figure, data: ChartData) -> list[Artist]:
    """Draw ``data`` into an empty figure; returns the clickable artists in label order
    (bars; for the trend the found bars then the closed bars; for the heat map the image)."""
    fig.clear()
    if data.kind == "heat":
        artists = _heat(fig, data)
    elif not data.values or not any(data.values) and not any(data.second):
        artists = _empty(fig, data)
    elif data.kind == "trend":
        artists = _trend(fig, data)
    else:
        artists = _bars(fig, data)
    # A layout engine (not a one-off tight_layout) so the margins are measured again on every
    # draw: the canvas is resized after this, and long Chinese labels were clipped on the left.
    fig.set_layout_engine("tight", pad=0.8)
    return artists


def _bars(fig: Figure, data: ChartData) -> list[Artist]:
    """Horizontal bars, the biggest on top, the count at each bar's end."""
    ax = fig.add_subplot()
    n = len(data.values)
    ys = list(range(n))[::-1]
    bars = ax.barh(ys, data.values, color=BAR, height=0.65)
    ax.set_yticks(ys, [_short(label) for label in data.labels])
    ax.xaxis.grid(True, color=GRID)
    ax.set_axisbelow(True)
    top = max(data.values) if data.values else 1
    for bar, value in zip(bars, data.values, strict=True):
        ax.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2, f"{value:g}",
                va="center", fontsize=8, color=TEXT)
    ax.set_xlim(0, top * 1.12 + 0.5)
    _style(ax, data.title)
    for tick in ax.get_yticklabels():
        if "\n" in tick.get_text():  # two lines in one bar's height: a little smaller, tighter
            tick.set_fontsize(7.5)
            tick.set_linespacing(0.95)
    return list(bars)


def _short(text: str, limit: int = 22) -> str:
    """A bar's label on at most two lines: English wraps at spaces, Chinese (about twice as
    wide a character) every 12 characters; only what does not fit in two lines is cut."""
    wide = any(ord(ch) >= 0x2E80 for ch in text)
    width = limit // 2 + 1 if wide else limit
    if len(text) <= width:
        return text
    if wide:
        lines = [text[i:i + width] for i in range(0, len(text), width)]
    else:
        lines = textwrap.wrap(text, width, break_on_hyphens=False) or [text]
    if len(lines) > 2:
        rest = " ".join(lines[1:]) if not wide else "".join(lines[1:])
        lines = [lines[0], rest[: width - 1] + "…"]
    return "\n".join(lines)


def _trend(fig: Figure, data: ChartData) -> list[Artist]:
    ax = fig.add_subplot()
    xs = list(range(len(data.labels)))
    width = 0.4
    found = ax.bar([x - width / 2 for x in xs], data.values, width, color=BAR, label=data.legend[0])
    closed = ax.bar([x + width / 2 for x in xs], data.second, width, color=CLOSED,
                    label=data.legend[1])
    step = max(1, len(xs) // 12)
    ax.set_xticks(xs[::step], [label[2:] if len(label) == 7 else label
                               for label in data.labels[::step]], rotation=0)
    ax.yaxis.grid(True, color=GRID)
    ax.set_axisbelow(True)
    ax.legend(frameon=False, fontsize=8.5, prop={"family": cjk_families(),
                                                 "size": 8.5})
    _style(ax, data.title)
    return [*found, *closed]


def _heat(fig: Figure, data: ChartData) -> list[Artist]:
    ax = fig.add_subplot()
    image = ax.imshow(data.rows, aspect="auto", cmap=HEAT_MAP, interpolation="nearest",
                      vmin=0, vmax=max(1, max((max(r) for r in data.rows), default=1)))
    ax.set_yticks(range(len(data.row_labels)), list(data.row_labels))
    ax.set_xticks(range(0, 24, 2), [f"{h}" for h in range(0, 24, 2)])
    ax.set_xlabel(data.labels[0] if data.labels else "", fontsize=8.5, color=TEXT, **_font())
    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    bar.ax.tick_params(labelsize=7.5)
    _style(ax, data.title)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    return [image]


def export_chart(data: ChartData, path: Path) -> None:
    """Write one chart to PNG or PDF (by the suffix) at print resolution, off the UI thread."""
    fig = new_figure(8.0, 4.6)
    FigureCanvasAgg(fig)
    draw(fig, data)
    # A hidden sibling renamed at the end: a failed write never leaves half a file.
    tmp = path.with_name(f".{path.name}.part")
    try:
        fig.savefig(str(tmp), dpi=200 if path.suffix.lower() == ".png" else 100,
                    format=path.suffix.lower().lstrip("."))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
