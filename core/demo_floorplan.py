"""Where the demo plant's risk zones and equipment markers go on resources/demo/floorplan.png.

The demo plan is a metric drawing at 10 px per metre (reports/floorplan.py), so an area's
rectangle in metres becomes a zone polygon in pixels by scaling. Machines are spread on a grid
inside their area (a 3 m inset keeps them off the walls and the room label stays readable in
the middle row gap), in code order, so the same plant always gets the same picture.
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


def zone_polygon(area: Area, px_per_m: float = PX_PER_M) -> list[tuple[float, float]]:
    x, y, w, h = (v * px_per_m for v in area.rect)
    if area.code == L_SHAPED:
        # the south-east quarter is the courtyard
        return [(x, y), (x + w, y), (x + w, y + h / 2), (x + w / 2, y + h / 2),
                (x + w / 2, y + h), (x, y + h)]
    return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]


def marker_positions(area: Area, codes: Sequence[str],
                     px_per_m: float = PX_PER_M) -> dict[str, tuple[float, float]]:
    """A grid of ``len(codes)`` cells inside the area (the L's courtyard left out)."""
    if not codes:
        return {}
    x, y, w, h = area.rect
    inset = min(INSET_M, w / 6, h / 6)
    x, y, w, h = x + inset, y + inset, w - 2 * inset, h - 2 * inset
    if area.code == L_SHAPED:
        h = h / 2 - inset  # the northern band of the L
    # Big rooms keep a band across the middle free for the room's name on the plan.
    band = LABEL_BAND * h if h >= BAND_MIN_M and area.code != L_SHAPED else 0.0
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
