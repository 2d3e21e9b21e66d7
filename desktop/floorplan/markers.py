"""All equipment markers of a plan as ONE graphics item.

Thousands of QGraphicsItems would each cost a Python ``paint`` call per frame; here a frame is
a handful of C++ calls: each grade's markers are one cached QPolygonF drawn with
``drawPoints`` and a cosmetic pen, so a marker has a fixed screen size at any zoom (the look of
ItemIgnoresTransformations without per-item work). Level of detail: antialiased round caps
cost ~8 µs a point in Qt's stroker against ~0.4 µs for square caps, so when many markers are
on screen they are drawn as squares, and as round dots once few are (zoomed in); the visible
subset is found with numpy. Badges for open hazards are the same trick shifted a few device
pixels up-right; their numbers are drawn only when few are on screen. Hit tests (hover, click,
drag) use numpy over the positions, not the scene index.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from core.colours import NOT_ASSESSED_COLOUR, RISK_COLOURS
from core.floorplan import MapMarker

MARKER_PX = 14  # dot diameter on screen
BADGE_PX = 13
BADGE_OFFSET = 8  # device pixels up and right of the marker's centre
OVERDUE_COLOUR = "#C62828"
BADGE_COLOUR = "#37474F"
HIGHLIGHT_COLOUR = "#00B0FF"
NUMBERS_LIMIT = 150  # draw badge numbers only when this few badges are on screen
CODES_LIMIT = 60  # machine codes under the dots only when this few are on screen
ROUND_LIMIT = 500  # round dots (≈ 8 ms at this count) only when this few are on screen
_GRADES = ("low", "general", "considerable", "major", None)  # paint order: severe on top


def _polygon(xs: np.ndarray, ys: np.ndarray) -> QPolygonF:
    return QPolygonF([QPointF(float(x), float(y)) for x, y in zip(xs, ys, strict=True)])


class MarkerLayer(QGraphicsItem):
    def __init__(self, plan_rect: QRectF, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.plan_rect = plan_rect
        self.markers: list[MapMarker] = []
        self.xs = np.zeros(0)
        self.ys = np.zeros(0)
        self._by_grade: list[tuple[QPen, QPolygonF, np.ndarray]] = []  # pen, points, indices
        self._outline = QPolygonF()
        self._badges: list[tuple[QPen, QPolygonF]] = []
        self._keep = np.zeros(0, dtype=bool)
        self._badge_index = np.zeros(0, dtype=int)
        self.show_badges = True
        self.dragging: int | None = None  # index of the marker being dragged
        self.drag_pos = QPointF()
        self.highlight: int | None = None
        self._font = QFont()
        self._font.setPixelSize(9)
        self._font.setBold(True)
        self._code_font = QFont()
        self._code_font.setPixelSize(10)
        self.setZValue(10)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    # -- data -------------------------------------------------------------------------
    def set_markers(self, markers: Sequence[MapMarker]) -> None:
        self.markers = list(markers)
        self.xs = np.array([m.x for m in self.markers], dtype=float)
        self.ys = np.array([m.y for m in self.markers], dtype=float)
        self._rebuild()

    def move(self, index: int, x: float, y: float) -> None:
        m = self.markers[index]
        self.markers[index] = MapMarker(m.id, m.equipment_id, x, y, m.code, m.name, m.grade,
                                        m.area_id, m.open_hazards, m.overdue_hazards)
        self.xs[index], self.ys[index] = x, y
        self._rebuild()

    def _rebuild(self) -> None:
        grades = np.array([m.grade or "" for m in self.markers], dtype=object)
        keep = np.ones(len(self.markers), dtype=bool)
        if self.dragging is not None:
            keep[self.dragging] = False
        self._keep = keep
        self._outline = _polygon(self.xs[keep], self.ys[keep])
        self._by_grade = []
        for grade in _GRADES:
            mask = keep & (grades == (grade or ""))
            if mask.any():
                colour = RISK_COLOURS.get(grade or "", NOT_ASSESSED_COLOUR)
                self._by_grade.append((self._pen(colour, MARKER_PX),
                                       _polygon(self.xs[mask], self.ys[mask]),
                                       np.flatnonzero(mask)))
        open_ = np.array([m.open_hazards for m in self.markers], dtype=int)
        overdue = np.array([m.overdue_hazards for m in self.markers], dtype=int)
        self._badge_index = np.flatnonzero(keep & (open_ > 0))
        self._badges = []
        for mask, colour in (((open_ > 0) & (overdue == 0), BADGE_COLOUR),
                             (overdue > 0, OVERDUE_COLOUR)):
            mask = mask & keep
            if mask.any():
                self._badges.append((self._pen(colour, BADGE_PX),
                                     _polygon(self.xs[mask], self.ys[mask])))
        self.update()

    @staticmethod
    def _pen(colour: str, width: float,
             cap: Qt.PenCapStyle = Qt.PenCapStyle.RoundCap) -> QPen:
        pen = QPen(QColor(colour), width, Qt.PenStyle.SolidLine, cap)
        pen.setCosmetic(True)  # width in screen pixels whatever the zoom
        return pen

    # -- geometry ---------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        # Dots reach a few screen pixels past their centre; a generous plan-relative margin
        # covers them down to a strong zoom-out without recomputing geometry on every zoom.
        margin = max(self.plan_rect.width(), self.plan_rect.height()) * 0.05 + 20
        return self.plan_rect.adjusted(-margin, -margin, margin, margin)

    def index_at(self, pos: QPointF, scale: float, radius_px: float = MARKER_PX / 2 + 2) -> int | None:
        """The marker under ``pos`` (scene) at view ``scale``; the nearest wins."""
        if not len(self.xs):
            return None
        d2 = (self.xs - pos.x()) ** 2 + (self.ys - pos.y()) ** 2
        best = int(np.argmin(d2))
        limit = radius_px / max(scale, 1e-6)
        return best if d2[best] <= limit * limit else None

    def index_of_equipment(self, equipment_id: str) -> int | None:
        return next((i for i, m in enumerate(self.markers) if m.equipment_id == equipment_id),
                    None)

    # -- painting ---------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        exposed: QRectF = option.exposedRect  # type: ignore[attr-defined]
        visible = ((self.xs >= exposed.left()) & (self.xs <= exposed.right())
                   & (self.ys >= exposed.top()) & (self.ys <= exposed.bottom()) & self._keep)
        count = int(visible.sum())
        if 0 < count <= ROUND_LIMIT:
            self._paint_round(painter, visible)
            if count <= CODES_LIMIT:
                self._paint_codes(painter, visible)
        elif count:
            # an overview: crisp squares need no antialiasing (half the cost again)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            outline = self._pen("#FFFFFF", MARKER_PX + 2, Qt.PenCapStyle.SquareCap)
            painter.setPen(outline)
            painter.drawPoints(self._outline)
            for pen, points, _index in self._by_grade:
                square = QPen(pen)
                square.setCapStyle(Qt.PenCapStyle.SquareCap)
                square.setWidthF(MARKER_PX - 2)
                painter.setPen(square)
                painter.drawPoints(points)
        if self.highlight is not None and self.highlight < len(self.markers):
            ring = self._pen(HIGHLIGHT_COLOUR, 3)
            ring.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            centre = painter.worldTransform().map(QPointF(self.xs[self.highlight],
                                                         self.ys[self.highlight]))
            painter.save()
            painter.resetTransform()
            painter.drawEllipse(centre, MARKER_PX, MARKER_PX)
            painter.restore()
        if self.dragging is not None:
            m = self.markers[self.dragging]
            painter.setPen(self._pen("#FFFFFF", MARKER_PX + 5))
            painter.drawPoint(self.drag_pos)
            painter.setPen(self._pen(RISK_COLOURS.get(m.grade or "", NOT_ASSESSED_COLOUR),
                                     MARKER_PX + 2))
            painter.drawPoint(self.drag_pos)
        if self.show_badges and self._badges:
            self._paint_badges(painter, option)

    def _paint_round(self, painter: QPainter, visible: np.ndarray) -> None:
        index = np.flatnonzero(visible)
        painter.setPen(self._pen("#FFFFFF", MARKER_PX + 3))
        painter.drawPoints(_polygon(self.xs[index], self.ys[index]))
        for pen, _points, members in self._by_grade:
            chosen = members[visible[members]]
            if len(chosen):
                painter.setPen(pen)
                painter.drawPoints(_polygon(self.xs[chosen], self.ys[chosen]))

    def _paint_codes(self, painter: QPainter, visible: np.ndarray) -> None:
        """Zoomed in far: each machine's code under its dot (a short loop, few are visible)."""
        world = painter.worldTransform()
        painter.save()
        painter.resetTransform()
        painter.setFont(self._code_font)
        painter.setPen(QColor("#263238"))
        for i in np.flatnonzero(visible):
            p = world.map(QPointF(self.xs[i], self.ys[i]))
            painter.drawText(QRectF(p.x() - 60, p.y() + MARKER_PX / 2 + 1, 120, 14),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             self.markers[i].code)
        painter.restore()

    def _paint_badges(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        exposed: QRectF = option.exposedRect  # type: ignore[attr-defined]
        idx = self._badge_index
        bx, by = self.xs[idx], self.ys[idx]
        visible = idx[(bx >= exposed.left()) & (bx <= exposed.right())
                      & (by >= exposed.top()) & (by <= exposed.bottom())]
        if not len(visible):
            return
        few = len(visible) <= NUMBERS_LIMIT
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, few)
        world = painter.worldTransform()
        painter.save()
        # world first, then a shift in device pixels: the badge sits up-right of its dot
        painter.setWorldTransform(world * QTransform.fromTranslate(BADGE_OFFSET, -BADGE_OFFSET))
        for pen, points in self._badges:
            if not few:  # many on screen: cheap square caps, as for the markers
                pen = QPen(pen)
                pen.setCapStyle(Qt.PenCapStyle.SquareCap)
                pen.setWidthF(BADGE_PX - 4)
            painter.setPen(pen)
            painter.drawPoints(points)
        painter.restore()
        if not few:
            return
        painter.save()
        painter.resetTransform()
        painter.setFont(self._font)
        painter.setPen(QColor("#FFFFFF"))
        for i in visible:
            p = world.map(QPointF(self.xs[i], self.ys[i]))
            box = QRectF(p.x() + BADGE_OFFSET - 7, p.y() - BADGE_OFFSET - 7, 14, 14)
            count = self.markers[i].open_hazards
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(count) if count < 10 else "9+")
        painter.restore()
