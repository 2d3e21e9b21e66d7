"""Charts that show why a warning was raised, drawn on a matplotlib Figure from plain data:
a sensor series with the anomaly shaded, and a time-of-day histogram with the crowded band.

The desktop embeds the same drawing in a FigureCanvasQTAgg; ``render_png`` writes a file.
Chinese labels use the WenQuanYi font shipped in resources (embedded, never boxes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from reports.fonts import cjk_families, cjk_rc

ANOMALY_COLOUR = "#E02020"  # the red of core.colours (a warning, not a risk grade)
LINE_COLOUR = "#2F5D8A"
BAND_COLOUR = "#F28C28"
def style() -> dict[str, Any]:
    return cjk_rc()


@dataclass(frozen=True)
class SeriesChart:
    title: str
    y_label: str
    times: np.ndarray  # datetime64
    values: np.ndarray
    start: np.datetime64
    end: np.datetime64
    baseline: float | None
    anomaly_label: str
    baseline_label: str


@dataclass(frozen=True)
class HoursChart:
    title: str
    hours: Sequence[int]  # 24 counts
    start: int
    end: int  # the band's end hour (exclusive)
    x_label: str
    y_label: str


def _cjk_texts(fig: Figure) -> None:
    """Give every text the CJK font itself: a Qt canvas repaints later, outside any
    rc_context, and would fall back to a font without Chinese glyphs."""
    from matplotlib.text import Text

    family = cjk_families()
    for text in fig.findobj(Text):
        text.set_fontfamily(family)


def draw_series(fig: Figure, chart: SeriesChart) -> None:
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(chart.times, chart.values, color=LINE_COLOUR, linewidth=0.7)
    ax.axvspan(chart.start, chart.end, color=ANOMALY_COLOUR, alpha=0.18,
               label=chart.anomaly_label)
    inside = (chart.times >= chart.start) & (chart.times <= chart.end)
    if inside.any():
        ax.plot(chart.times[inside], chart.values[inside], color=ANOMALY_COLOUR, linewidth=0.9)
    if chart.baseline is not None:
        ax.axhline(chart.baseline, color="#555555", linestyle="--", linewidth=0.8,
                   label=chart.baseline_label)
    ax.set_title(chart.title, fontsize=11)
    ax.set_ylabel(chart.y_label)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    fig.autofmt_xdate()
    _cjk_texts(fig)
    fig.tight_layout()


def draw_hours(fig: Figure, chart: HoursChart) -> None:
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    hours = list(chart.hours)
    in_band = [(h - chart.start) % 24 < (chart.end - chart.start) % 24 or
               (chart.end == chart.start and h == chart.start) for h in range(24)]
    ax.bar(range(24), hours, color=[BAND_COLOUR if b else LINE_COLOUR for b in in_band],
           width=0.8, align="edge")
    ax.set_xticks(range(0, 25, 2))
    ax.set_xlim(0, 24)
    ax.set_title(chart.title, fontsize=11)
    ax.set_xlabel(chart.x_label)
    ax.set_ylabel(chart.y_label)
    ax.grid(axis="y", alpha=0.3)
    _cjk_texts(fig)
    fig.tight_layout()


def render_png(chart: SeriesChart | HoursChart, path: Path | str,
               size: tuple[float, float] = (8, 3.6), dpi: int = 110) -> Path:
    from matplotlib import rc_context

    out = Path(path)
    with rc_context(style()):
        fig = Figure(figsize=size, dpi=dpi)
        FigureCanvasAgg(fig)
        (draw_series if isinstance(chart, SeriesChart) else draw_hours)(fig, chart)
        tmp = out.with_name(f".{out.name}.tmp")
        fig.savefig(tmp, format="png")
    tmp.replace(out)
    return out
