"""Where the demo plant's risk zones and equipment markers go on resources/demo/floorplan.png.

The demo plan is a metric drawing at 10 px per metre (reports/floorplan.py), so an area's
rectangle in metres becomes a zone polygon in pixels by scaling. Machines are spread on a grid
inside their area (a 3 m inset keeps them off the walls and the room label stays readable in
the middle row gap), in code order, so the same plant always gets the same picture. Small rooms
(and the L-shaped offices) are too short for a band: there the markers go on the largest grid
that fits around the room's label box, so 调漆间, 空压机房 and 配电室 stay readable too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from core.demo_plant import Area

PX_PER_M = 10.0
INSET_M = 3.0
# The offices wrap around a courtyard corner: drawn as an L to show zones are polygons.
L_SHAPED = "BG"
LABEL_BAND = 0.26  # share of a big room's height left free for its name
BAND_MIN_M = 20.0
# A printed marker is ~1.9 m across on the demo plan (A3 or A4: both scale together), so small
# rooms use a grid no finer than this, a thin inset, and keep the dots off the label box.
MARKER_R_M = 1.0
MIN_PITCH_M = 1.9
SMALL_INSET_M = 0.4
COURTYARD_FROM = 0.62  # the L's courtyard starts east of the label (it cut "Offices" at 0.5)
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in metres


def zone_polygon(area: Area, px_per_m: float = PX_PER_M) -> list[tuple[float, float]]:
    x, y, w, h = (v * px_per_m for v in area.rect)
    if area.code == L_SHAPED:
        # the south-east quarter is the courtyard
        cx = x + COURTYARD_FROM * w
        return [(x, y), (x + w, y), (x + w, y + h / 2), (cx, y + h / 2),
                (cx, y + h), (x, y + h)]
    return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]


def marker_positions(area: Area, codes: Sequence[str],
                     px_per_m: float = PX_PER_M) -> dict[str, tuple[float, float]]:
    """A grid of ``len(codes)`` cells inside the area (the L's courtyard left out)."""
    if not codes:
        return {}
    x, y, w, h = area.rect
    if area.code == L_SHAPED or h - 2 * min(INSET_M, w / 6, h / 6) < BAND_MIN_M:
        return _around_label(area, sorted(codes), px_per_m)
    inset = min(INSET_M, w / 6, h / 6)
    x, y, w, h = x + inset, y + inset, w - 2 * inset, h - 2 * inset
    # Big rooms keep a band across the middle free for the room's name on the plan.
    band = LABEL_BAND * h
    usable = h - band
    cols = max(1, math.ceil(math.sqrt(len(codes) * w / usable)))
    rows = math.ceil(len(codes) / cols)
    out: dict[str, tuple[float, float]] = {}
    top = math.ceil(rows / 2) if band else rows  # rows above the band; the rest below it
    for i, code in enumerate(sorted(codes)):
        r, c = divmod(i, cols)
        if r < top:
            t = (r + 0.5) * (usable / 2 if band else usable) / top
        else:
            t = usable / 2 + band + (r - top + 0.5) * (usable / 2) / (rows - top)
        out[code] = (round((x + (c + 0.5) * w / cols) * px_per_m, 1),
                     round((y + t) * px_per_m, 1))
    return out


def label_box(area: Area) -> Box:
    """Where the plan drawing puts the room's name (and English name) — the same sizing rules
    as reports/floorplan.py's _draw_area_label (core may not import reports), in metres."""
    x, y, w, h = area.rect
    name_em = min(3.2, 0.85 * w / max(_text_em(area.name), 1.0), 0.45 * h)
    en_em = min(0.55 * name_em, 0.85 * w / max(_text_em(area.name_en), 1.0)) if area.name_en else 0
    show_en = en_em >= 1.2 and name_em * 1.4 + en_em <= 0.8 * h
    height = name_em + (0.4 * name_em + en_em if show_en else 0.0)
    width = max(_text_em(area.name) * name_em, _text_em(area.name_en) * en_em if show_en else 0)
    cx, cy = x + w / 2, y + h / 2
    return (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)


def _text_em(text: str) -> float:
    return sum(1.0 if ord(ch) > 0x2E7F else 0.58 for ch in text)


def _grid(box: Box, pitch: float) -> list[tuple[float, float]]:
    """Cell centres of the widest grid of ``pitch`` cells that fits in ``box``, centred."""
    x0, y0, x1, y1 = box
    cols, rows = int((x1 - x0) // pitch), int((y1 - y0) // pitch)
    if cols < 1 or rows < 1:
        return []
    dx, dy = (x1 - x0) / cols, (y1 - y0) / rows
    return [(x0 + (c + 0.5) * dx, y0 + (r + 0.5) * dy) for r in range(rows) for c in range(cols)]


def _around_label(area: Area, codes: Sequence[str], px_per_m: float
                  ) -> dict[str, tuple[float, float]]:
    """Markers on the coarsest grid that holds them all above, below and beside the label."""
    x, y, w, h = area.rect
    inner = (x + SMALL_INSET_M, y + SMALL_INSET_M, x + w - SMALL_INSET_M, y + h - SMALL_INSET_M)
    lx0, ly0, lx1, ly1 = label_box(area)
    courtyard = ((x + COURTYARD_FROM * w - MARKER_R_M, y + h / 2 - MARKER_R_M, x + w, y + h)
                 if area.code == L_SHAPED else None)
    cells: list[tuple[float, float]] = []
    # The clearance round the label shrinks before the grid does: a dot may touch the em box
    # (glyphs do not fill it) sooner than dots may overlap each other.
    for clear in (MARKER_R_M, 0.6 * MARKER_R_M, 0.0):
        regions = [(inner[0], inner[1], inner[2], ly0 - clear),     # above the label
                   (inner[0], ly1 + clear, inner[2], inner[3]),     # below
                   (inner[0], ly0 - clear, lx0 - clear, ly1 + clear),  # left of it
                   (lx1 + clear, ly0 - clear, inner[2], ly1 + clear)]  # right of it
        pitch = max(w, h)
        while pitch >= MIN_PITCH_M:
            cells = [p for region in regions for p in _grid(region, pitch)
                     if courtyard is None or not (courtyard[0] < p[0] and courtyard[1] < p[1])]
            if len(cells) >= len(codes):
                break
            pitch -= 0.05
        if len(cells) >= len(codes):
            break
    if len(cells) < len(codes):  # more machines than the room holds: a plain grid over it
        cells = []
        pitch = MIN_PITCH_M
        while len(cells) < len(codes):
            cells = _grid(inner, pitch)
            pitch *= 0.9
    cells.sort(key=lambda p: (round(p[1], 3), p[0]))
    picked = [cells[i * len(cells) // len(codes)] for i in range(len(codes))]
    return {code: (round(px * px_per_m, 1), round(py * px_per_m, 1))
            for code, (px, py) in zip(codes, picked, strict=True)}


def layout(areas: Iterable[Area], equipment: Iterable[tuple[str, str]]
           ) -> tuple[dict[str, list[tuple[float, float]]], dict[str, tuple[float, float]]]:
    """(zone polygon by area code, marker position by equipment code) for (code, area code)."""
    by_area: dict[str, list[str]] = {}
    for code, area_code in equipment:
        by_area.setdefault(area_code, []).append(code)
    zones, markers = {}, {}
    for area in areas:
        zones[area.code] = zone_polygon(area)
        markers.update(marker_positions(area, by_area.get(area.code, [])))
    return zones, markers
