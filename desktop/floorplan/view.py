"""The plan canvas: the plan image, risk zones, the marker layer, the heat overlay.

Zoom with the wheel or Ctrl+= / Ctrl+-, pan by dragging or with the arrow keys, "fit" shows
the whole plan. Modes: browse (click a marker → ``marker_clicked``), move (drag markers →
``marker_moved``), draw (click points, double-click closes → ``polygon_finished``). Equipment
dropped from the list arrives as ``marker_dropped``. The canvas never writes data: the page
does, off the UI thread, and calls back with the result.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from core.colours import NOT_ASSESSED_COLOUR, RISK_COLOURS
from core.floorplan import MapZone, RiskMap
from core.plant import RISK_LABELS, label
from desktop.floorplan.markers import MarkerLayer

EQUIPMENT_MIME = "application/x-safedesk-equipment"  # JSON list of equipment ids
ZONE_ALPHA = 110
ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.01, 8.0
PAN_STEP_PX = 80
FLY_SCALE = 1.0  # a search zooms in at least this far


class PlanImageItem(QGraphicsItem):
    """The plan image as a pyramid (full, 1/2, 1/4 …): each frame draws the smallest level that
    still has a pixel per screen pixel, so an overview of a 10,000 px plan does not resample
    100 million pixels on every pan step."""

    def __init__(self, levels: list[QPixmap], width_px: int, height_px: int) -> None:
        super().__init__()
        self.levels = levels  # largest first
        self.rect = QRectF(0, 0, width_px, height_px)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        exposed: QRectF = option.exposedRect.intersected(self.rect)  # type: ignore[attr-defined]
        if exposed.isEmpty():
            return
        needed = painter.worldTransform().m11() * self.rect.width()  # screen px across the plan
        pixmap = self.levels[0]
        for level in self.levels[1:]:
            if level.width() >= needed * 0.75:  # a little upsampling is invisible, and cheap
                pixmap = level
        k = pixmap.width() / self.rect.width()
        source = QRectF(exposed.left() * k, exposed.top() * k, exposed.width() * k,
                        exposed.height() * k)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawPixmap(exposed, pixmap, source)


class ZoneItem(QGraphicsPolygonItem):
    def __init__(self, zone: MapZone) -> None:
        super().__init__(QPolygonF([QPointF(x, y) for x, y in zone.polygon]))
        self.zone = zone
        self.set_grade(zone.grade)
        self.setZValue(1)

    def set_grade(self, grade: str | None) -> None:
        colour = QColor(RISK_COLOURS.get(grade or "", NOT_ASSESSED_COLOUR))
        pen = QPen(colour, 2)
        pen.setCosmetic(True)
        self.setPen(pen)
        fill = QColor(colour)
        fill.setAlpha(ZONE_ALPHA)
        self.setBrush(QBrush(fill))


class VertexHandle(QGraphicsEllipseItem):
    """A draggable corner of a zone being reshaped (fixed size on screen)."""

    def __init__(self, zone_item: ZoneItem, index: int, pos: QPointF) -> None:
        super().__init__(-5, -5, 10, 10)
        self.zone_item, self.index = zone_item, index
        self.setPos(pos)
        self.setBrush(QColor("#FFFFFF"))
        self.setPen(QPen(QColor("#1565C0"), 2))
        self.setZValue(30)
        flags = (QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                 | QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
                 | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setFlags(flags)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            polygon = self.zone_item.polygon()
            polygon[self.index] = self.pos()
            self.zone_item.setPolygon(polygon)
        return super().itemChange(change, value)


def image_pyramid(image: QImage, smallest: int = 512) -> list[QImage]:
    """``image`` and its halvings down to ``smallest`` px wide (any thread: QImage only)."""
    levels = [image]
    while levels[-1].width() // 2 >= smallest:
        last = levels[-1]
        levels.append(last.scaled(last.width() // 2, last.height() // 2,
                                  Qt.AspectRatioMode.IgnoreAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation))
    return levels


class PlanView(QGraphicsView):
    marker_clicked = Signal(str)  # equipment id
    marker_moved = Signal(str, float, float)  # marker id, x, y (image px)
    marker_dropped = Signal(str, float, float)  # equipment id, x, y
    polygon_finished = Signal(list)  # [[x, y], ...]
    zone_menu = Signal(str, object)  # zone id, global QPoint
    marker_menu = Signal(str, object)  # marker id, global QPoint
    zone_reshaped = Signal(str, list)  # zone id, [[x, y], ...]
    scale_changed = Signal(float)

    BROWSE, MOVE, DRAW = "browse", "move", "draw"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        # Few items (image, ≤ a few hundred zones, one marker layer): no BSP tree to keep up.
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        # No antialiasing for the view: smoothing 200 translucent zone polygons costs ~10 ms a
        # frame. The marker layer and the image turn on what they need themselves.
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setBackgroundBrush(QColor("#E6E9ED"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.mode = self.BROWSE
        self.editable = False
        self.risk_map: RiskMap | None = None
        self.image_item: QGraphicsItem | None = None
        self.heat_item: QGraphicsPixmapItem | None = None
        self.markers: MarkerLayer | None = None
        self.zone_items: dict[str, ZoneItem] = {}
        self.draft: list[QPointF] = []
        self.draft_item: QGraphicsPathItem | None = None
        self.handles: list[VertexHandle] = []
        self.reshaping: ZoneItem | None = None
        self._press: QPointF | None = None
        self._press_index: int | None = None
        self.layers = {"zones": True, "markers": True, "hazards": True, "heat": False}

    # -- content ---------------------------------------------------------------------
    def show_map(self, risk_map: RiskMap, image: QImage | list[QImage] | None) -> None:
        """Replace the scene's content with ``risk_map``; ``image``: the plan, or its pyramid
        (largest first, see ``image_pyramid``)."""
        self.finish_reshape(save=False)
        self.cancel_draft()
        scene = self.scene()
        scene.clear()
        self.heat_item = None
        self.risk_map = risk_map
        plan = risk_map.plan
        rect = QRectF(0, 0, plan.width_px, plan.height_px)
        # Room around the plan so any point, even in a corner, can be centred (search).
        pad = max(plan.width_px, plan.height_px) * 0.5
        scene.setSceneRect(rect.adjusted(-pad, -pad, pad, pad))
        levels = image if isinstance(image, list) else [image] if image is not None else []
        levels = [level for level in levels if not level.isNull()]
        if levels:
            # a plan loaded at reduced size still lives in full-size plan pixels
            self.image_item = PlanImageItem([QPixmap.fromImage(level) for level in levels],
                                            plan.width_px, plan.height_px)
            scene.addItem(self.image_item)
        else:
            self.image_item = scene.addRect(rect, QPen(QColor("#9E9E9E")), QColor("#FFFFFF"))  # type: ignore[assignment]
        self.image_item.setZValue(0)
        self.zone_items = {}
        for zone in risk_map.zones:
            item = ZoneItem(zone)
            grade = label(RISK_LABELS, zone.grade) if zone.grade else self.tr("Not assessed")
            item.setToolTip(f"{zone.name} · {grade}")
            scene.addItem(item)
            self.zone_items[zone.id] = item
        self.markers = MarkerLayer(rect)
        self.markers.set_markers(risk_map.markers)
        scene.addItem(self.markers)
        self.apply_layers()

    def set_image(self, levels: list[QImage]) -> None:
        """Swap the plan image (the full decode after a quick preview)."""
        if self.risk_map is None or not levels:
            return
        plan = self.risk_map.plan
        item = PlanImageItem([QPixmap.fromImage(level) for level in levels], plan.width_px,
                             plan.height_px)
        if self.image_item is not None:
            self.scene().removeItem(self.image_item)
        self.image_item = item
        self.scene().addItem(item)

    def set_heat(self, image: QImage) -> None:
        if self.risk_map is None:
            return
        if self.heat_item is not None:
            self.scene().removeItem(self.heat_item)
        self.heat_item = self.scene().addPixmap(QPixmap.fromImage(image))
        self.heat_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.heat_item.setScale(self.risk_map.plan.width_px / max(1, image.width()))
        self.heat_item.setZValue(5)
        # pans blit the cached overlay instead of resampling it ×10 on every frame
        self.heat_item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.apply_layers()

    def set_layer(self, name: str, visible: bool) -> None:
        self.layers[name] = visible
        self.apply_layers()

    def apply_layers(self) -> None:
        for item in self.zone_items.values():
            item.setVisible(self.layers["zones"])
        if self.markers is not None:
            self.markers.setVisible(self.layers["markers"])
            self.markers.show_badges = self.layers["hazards"]
            self.markers.update()
        if self.heat_item is not None:
            self.heat_item.setVisible(self.layers["heat"])

    # -- zoom and pan ---------------------------------------------------------------
    def current_scale(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.current_scale() * factor))
        factor = target / self.current_scale()
        if abs(factor - 1) > 1e-9:
            self.scale(factor, factor)
            self.scale_changed.emit(self.current_scale())

    def fit(self) -> None:
        if self.risk_map is not None:
            plan = self.risk_map.plan
            self.fitInView(QRectF(0, 0, plan.width_px, plan.height_px),
                           Qt.AspectRatioMode.KeepAspectRatio)
            self.scale_changed.emit(self.current_scale())

    def fly_to(self, x: float, y: float) -> None:
        if self.current_scale() < FLY_SCALE:
            self.zoom_by(FLY_SCALE / self.current_scale())
        self.centerOn(QPointF(x, y))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP ** steps)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
            self.zoom_by(ZOOM_STEP)
        elif ctrl and key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif ctrl and key == Qt.Key.Key_0:
            self.fit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.pan(key)
        elif key == Qt.Key.Key_Escape:
            self.cancel_draft()
            self.finish_reshape(save=True)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.mode == self.DRAW:
            self.close_draft()
        else:
            super().keyPressEvent(event)

    def pan(self, key: Qt.Key) -> None:
        dx = {Qt.Key.Key_Left: -PAN_STEP_PX, Qt.Key.Key_Right: PAN_STEP_PX}.get(key, 0)
        dy = {Qt.Key.Key_Up: -PAN_STEP_PX, Qt.Key.Key_Down: PAN_STEP_PX}.get(key, 0)
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)

    # -- modes -----------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.cancel_draft()
        self.finish_reshape(save=True)
        self.mode = mode
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag if mode == self.BROWSE
                         else QGraphicsView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if mode == self.DRAW
                                  else Qt.CursorShape.ArrowCursor if mode == self.MOVE
                                  else Qt.CursorShape.OpenHandCursor)

    def marker_index_at(self, view_pos: QPointF) -> int | None:
        if self.markers is None or not self.markers.isVisible():
            return None
        return self.markers.index_at(self.mapToScene(view_pos.toPoint()), self.current_scale())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.position()
        if self.mode == self.DRAW:
            self.add_draft_point(self.mapToScene(pos.toPoint()))
            event.accept()
            return
        index = self.marker_index_at(pos)
        if index is not None and self.mode == self.MOVE and self.editable and self.markers:
            self.markers.dragging = index
            self.markers.drag_pos = self.mapToScene(pos.toPoint())
            self.markers._rebuild()
            event.accept()
            return
        self._press, self._press_index = pos, index
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.markers is not None and self.markers.dragging is not None:
            self.markers.drag_pos = self.mapToScene(event.position().toPoint())
            self.markers.update()
            return
        if self.mode == self.DRAW and self.draft:
            self._update_draft(self.mapToScene(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        layer = self.markers
        if layer is not None and layer.dragging is not None:
            index, pos = layer.dragging, layer.drag_pos
            layer.dragging = None
            plan = self.risk_map.plan if self.risk_map else None
            if plan and 0 <= pos.x() <= plan.width_px and 0 <= pos.y() <= plan.height_px:
                layer.move(index, pos.x(), pos.y())
                self.marker_moved.emit(layer.markers[index].id, pos.x(), pos.y())
            else:
                layer._rebuild()
            return
        press, index = self._press, self._press_index
        self._press = self._press_index = None
        super().mouseReleaseEvent(event)
        if (press is not None and index is not None and layer is not None
                and (event.position() - press).manhattanLength() < 4):
            self.marker_clicked.emit(layer.markers[index].equipment_id)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.mode == self.DRAW:
            # A real double-click's first press already added this point (deduplicated).
            self.add_draft_point(self.mapToScene(event.position().toPoint()))
            self.close_draft()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and self.markers is not None:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            index = self.marker_index_at(QPointF(help_event.pos()))
            if index is not None:
                QToolTip.showText(help_event.globalPos(), self.marker_tooltip(index), self)
                return True
        return super().viewportEvent(event)

    def marker_tooltip(self, index: int) -> str:
        assert self.markers is not None
        m = self.markers.markers[index]
        grade = label(RISK_LABELS, m.grade) if m.grade else self.tr("Not assessed")
        text = (f"<b>{m.name}</b><br>{m.code}<br>{self.tr('Risk grade')}: {grade}<br>"
                f"{self.tr('Open hazards')}: {m.open_hazards}")
        if m.overdue_hazards:
            text += f" <span style='color:#C62828'>({self.tr('overdue')}: {m.overdue_hazards})</span>"
        return text

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        index = self.marker_index_at(QPointF(event.pos()))
        if index is not None and self.markers is not None:
            self.marker_menu.emit(self.markers.markers[index].id, event.globalPos())
            return
        if not self.editable or not self.layers["zones"]:
            return
        scene_pos = self.mapToScene(event.pos())
        for zone_id, item in reversed(list(self.zone_items.items())):
            if item.contains(scene_pos):
                self.zone_menu.emit(zone_id, event.globalPos())
                return

    # -- drop from the equipment list ---------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.editable and self.risk_map and event.mimeData().hasFormat(EQUIPMENT_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self.editable and self.risk_map and event.mimeData().hasFormat(EQUIPMENT_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if not (self.editable and self.risk_map and event.mimeData().hasFormat(EQUIPMENT_MIME)):
            event.ignore()
            return
        ids = json.loads(bytes(event.mimeData().data(EQUIPMENT_MIME).data()).decode())
        pos = self.mapToScene(event.position().toPoint())
        plan = self.risk_map.plan
        for offset, equipment_id in enumerate(ids):
            x = min(plan.width_px, max(0.0, pos.x() + offset * 20 / self.current_scale()))
            y = min(plan.height_px, max(0.0, pos.y()))
            self.marker_dropped.emit(equipment_id, x, y)
        event.acceptProposedAction()

    # -- drawing zones ----------------------------------------------------------------
    def add_draft_point(self, pos: QPointF) -> None:
        if self.risk_map is None:
            return
        plan = self.risk_map.plan
        pos = QPointF(min(plan.width_px, max(0.0, pos.x())), min(plan.height_px, max(0.0, pos.y())))
        if self.draft and (self.draft[-1] - pos).manhattanLength() < 0.5:
            return  # the second press of a double-click
        self.draft.append(pos)
        if self.draft_item is None:
            self.draft_item = self.scene().addPath(QPainterPath())
            pen = QPen(QColor("#1565C0"), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self.draft_item.setPen(pen)
            self.draft_item.setBrush(QColor(21, 101, 192, 40))
            self.draft_item.setZValue(40)
        self._update_draft(pos)

    def _update_draft(self, cursor: QPointF) -> None:
        if self.draft_item is None:
            return
        path = QPainterPath(self.draft[0])
        for p in [*self.draft[1:], cursor]:
            path.lineTo(p)
        self.draft_item.setPath(path)

    def close_draft(self) -> None:
        points = [[round(p.x(), 2), round(p.y(), 2)] for p in self.draft]
        self.cancel_draft()
        if len(points) >= 3:
            self.polygon_finished.emit(points)

    def cancel_draft(self) -> None:
        self.draft = []
        if self.draft_item is not None:
            self.scene().removeItem(self.draft_item)
            self.draft_item = None

    # -- reshaping zones ----------------------------------------------------------------
    def start_reshape(self, zone_id: str) -> None:
        self.finish_reshape(save=True)
        item = self.zone_items.get(zone_id)
        if item is None:
            return
        self.reshaping = item
        polygon = item.polygon()
        self.handles = [VertexHandle(item, i, polygon[i]) for i in range(polygon.count())]
        for handle in self.handles:
            self.scene().addItem(handle)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)

    def finish_reshape(self, save: bool) -> None:
        item = self.reshaping
        if item is None:
            return
        for handle in self.handles:
            self.scene().removeItem(handle)
        self.handles, self.reshaping = [], None
        if self.mode == self.BROWSE:
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        polygon = item.polygon()
        points = [[round(polygon[i].x(), 2), round(polygon[i].y(), 2)]
                  for i in range(polygon.count())]
        if save and points != [[round(x, 2), round(y, 2)] for x, y in item.zone.polygon]:
            self.zone_reshaped.emit(item.zone.id, points)

    def zone_polygons(self) -> dict[str, Sequence[tuple[float, float]]]:
        return {zid: item.zone.polygon for zid, item in self.zone_items.items()}
