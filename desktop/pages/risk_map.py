"""风险地图 Risk map: floor plans with risk zones and equipment markers (the four-colour map).

The equipment list beside the plan is a drag source; the canvas (desktop/floorplan/view.py)
reports drops, moves, drawn polygons and clicks, and this page stores them off the UI thread
and redraws from the stored result. Database work runs on the "db" lane; decoding the plan
image and computing the heat overlay run on the "io" lane in parallel with it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, QSize, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.colours import NOT_ASSESSED_COLOUR, RISK_COLOURS
from core.floorplan import FloorPlan, RiskMap
from core.plant import RISK_LABELS, RISK_LEVELS, label
from desktop.context import AppContext
from desktop.dialogs.equipment_card import EquipmentCardDialog
from desktop.dialogs.feedback import MessageBar, confirm, guard
from desktop.floorplan.dialogs import ExportMapDialog, ImportPlanDialog
from desktop.floorplan.heat import density_rgba
from desktop.floorplan.view import EQUIPMENT_MIME, PlanView, image_pyramid
from desktop.pages.base import Page
from desktop.tasks import Op

DISPLAY_MAX_PX = 6000  # bigger plans are shown scaled (Qt's 256 MB image allocation limit)
PREVIEW_MAX_PX = 2048  # the cached quick-open copy of a big plan
FILTER_DELAY_MS = 250
EQUIPMENT_LIMIT = 500
_ICON_CACHE: dict[str, QIcon] = {}


def grade_icon(grade: str | None) -> QIcon:
    key = grade or ""
    if key not in _ICON_CACHE:
        pix = QPixmap(14, 14)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QColor(RISK_COLOURS.get(key, NOT_ASSESSED_COLOUR)))
        p.setPen(QColor("#FFFFFF"))
        p.drawEllipse(1, 1, 12, 12)
        p.end()
        _ICON_CACHE[key] = QIcon(pix)
    return _ICON_CACHE[key]


def _decode(path: Path) -> QImage:
    reader = QImageReader(str(path))
    size = reader.size()
    longest = max(size.width(), size.height())
    if longest > DISPLAY_MAX_PX:
        factor = DISPLAY_MAX_PX / longest
        reader.setScaledSize(QSize(int(size.width() * factor), int(size.height() * factor)))
    return reader.read()


def load_plan_image(path: Path, cache_dir: Path | None = None,
                    full: bool = False) -> tuple[list[QImage], bool]:
    """The plan's pyramid (any thread: QImage, not QPixmap) and whether it is only a preview.

    Decoding a big PNG takes most of the time to open a plan (~0.35 s for 6000×4000), so the
    first full decode leaves a ≤ 2048 px JPEG preview in ``cache_dir``; later opens show the
    preview at once and the page swaps in the full image when it has been decoded.
    """
    preview = cache_dir / f"{path.name}-{PREVIEW_MAX_PX}.jpg" if cache_dir else None
    size = QImageReader(str(path)).size()
    small = max(size.width(), size.height()) <= PREVIEW_MAX_PX
    if not full and not small and preview is not None and preview.is_file():
        image = QImage(str(preview))
        if not image.isNull():
            return image_pyramid(image), True
    image = _decode(path)
    if image.isNull():
        return [], False
    levels = image_pyramid(image)
    if preview is not None and not small and not preview.is_file():
        try:
            preview.parent.mkdir(parents=True, exist_ok=True)
            tmp = preview.with_suffix(".part.jpg")
            level = next(lv for lv in levels if max(lv.width(), lv.height()) <= PREVIEW_MAX_PX)
            if level.save(str(tmp), "JPG", 90):
                tmp.replace(preview)
        except (OSError, StopIteration):
            pass  # only a cache: the next open decodes the full image again
    return levels, False


class EquipmentList(QListWidget):
    """Machines to drag onto the plan; the drag carries their ids (EQUIPMENT_MIME)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QListWidget.DragDropMode.DragOnly)
        self.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.setIconSize(QSize(14, 14))

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # noqa: N802 (Qt's name)
        data = QMimeData()
        ids = [item.data(Qt.ItemDataRole.UserRole) for item in items]
        data.setData(EQUIPMENT_MIME, json.dumps(ids).encode())
        data.setText("\n".join(item.text() for item in items))
        return data

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [EQUIPMENT_MIME, "text/plain"]


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for grade in (*RISK_LEVELS, None):
            chip = QLabel(self)
            chip.setFixedSize(14, 14)
            colour = RISK_COLOURS.get(grade or "", NOT_ASSESSED_COLOUR)
            chip.setStyleSheet(f"background: {colour}; border: 1px solid #666; border-radius: 2px;")
            text = label(RISK_LABELS, grade) if grade else QCoreApplication.translate(
                "RiskMapPage", "Not assessed")
            layout.addWidget(chip)
            layout.addWidget(QLabel(text, self))
        badge = QLabel("1", self)
        badge.setFixedSize(16, 16)
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setStyleSheet("background: #C62828; color: white; border-radius: 8px; font-size: 9px;")
        layout.addSpacing(8)
        layout.addWidget(badge)
        layout.addWidget(QLabel(QCoreApplication.translate(
            "RiskMapPage", "open hazards (red: overdue)"), self))


class RiskMapPage(Page):
    page_id = "riskmap"
    required_permission = Permission.VIEW_STRUCTURE

    map_loaded = Signal()  # the scene shows the current plan's latest data
    heat_ready = Signal()
    full_image_loaded = Signal()  # the full-resolution plan replaced the quick preview
    saved = Signal(str)  # what was stored: "marker", "zone", "plan"
    exported = Signal(str)  # the file written
    failed = Signal(str)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("RiskMapPage", "Risk map")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ws = ctx.workspace
        self.can_edit = ctx.can(Permission.EDIT_STRUCTURE)
        self.plans: list[FloorPlan] = []
        self.risk_map: RiskMap | None = None
        self.card: EquipmentCardDialog | None = None
        self._generation = 0
        self._pending: dict[str, Any] = {}
        self._started = False
        self._first_fit = True

        self.message = MessageBar(self)
        self.view = PlanView(self)
        self.view.editable = self.can_edit
        self.view.marker_clicked.connect(self.open_card)
        self.view.marker_dropped.connect(self.place_marker)
        self.view.marker_moved.connect(self.move_marker)
        self.view.polygon_finished.connect(self.zone_drawn)
        self.view.zone_menu.connect(self._zone_menu)
        self.view.marker_menu.connect(self._marker_menu)
        self.view.zone_reshaped.connect(self.reshape_zone)

        self.plan_combo = QComboBox(self)
        self.plan_combo.setMinimumWidth(220)
        self.plan_combo.currentIndexChanged.connect(self._plan_chosen)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Floor plan"), self))
        top.addWidget(self.plan_combo)
        self.import_button = self._button(self.tr("Import plan…"), self.import_plan, top)
        self.rename_button = self._button(self.tr("Rename…"), self.rename_plan, top)
        self.delete_button = self._button(self.tr("Delete plan"), self.delete_plan, top)
        for b in (self.import_button, self.rename_button, self.delete_button):
            b.setVisible(self.can_edit)
        top.addSpacing(16)
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QToolButton] = {}
        for mode, text in ((PlanView.BROWSE, self.tr("Browse")),
                           (PlanView.MOVE, self.tr("Place / move markers")),
                           (PlanView.DRAW, self.tr("Draw zone"))):
            button = QToolButton(self)
            button.setText(text)
            button.setCheckable(True)
            button.setVisible(self.can_edit or mode == PlanView.BROWSE)
            self.mode_group.addButton(button)
            button.toggled.connect(lambda on, m=mode: on and self.view.set_mode(m))
            self.mode_buttons[mode] = button
            top.addWidget(button)
        self.mode_buttons[PlanView.BROWSE].setChecked(True)
        top.addStretch(1)
        self.fit_button = self._button(self.tr("Fit"), self.view.fit, top)
        self.export_button = self._button(self.tr("Export map…"), self.export_map, top)

        layers = QHBoxLayout()
        self.layer_boxes: dict[str, QCheckBox] = {}
        for name, text in (("zones", self.tr("Risk zones")), ("markers", self.tr("Equipment")),
                           ("hazards", self.tr("Open hazards")),
                           ("heat", self.tr("Hazard density"))):
            box = QCheckBox(text, self)
            box.setChecked(self.view.layers[name])
            box.toggled.connect(lambda on, n=name: self.set_layer(n, on))
            self.layer_boxes[name] = box
            layers.addWidget(box)
        layers.addSpacing(16)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Find a machine by code or name"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(lambda: self.find(self.search_edit.text()))
        self.search_edit.setMinimumWidth(240)
        self.search_edit.setMaximumWidth(320)
        self.completer = QCompleter([], self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.activated.connect(self.find)
        self.search_edit.setCompleter(self.completer)
        layers.addWidget(self.search_edit)
        layers.addStretch(1)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter equipment"))
        self.filter_edit.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.load_equipment)
        self.filter_edit.textChanged.connect(lambda _: self._filter_timer.start())
        self.equipment_list = EquipmentList(self)
        hint = QLabel(self.tr("Drag machines onto the plan to place them.") if self.can_edit
                      else self.tr("Double-click a machine to find it on the plan."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6b78;")
        self.equipment_list.itemDoubleClicked.connect(self._list_double_clicked)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.filter_edit)
        side_layout.addWidget(self.equipment_list, 1)
        side_layout.addWidget(hint)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #5f6b78;")
        canvas = QWidget(self)
        canvas_layout = QVBoxLayout(canvas)
        canvas_layout.setContentsMargins(0, 0, 0, 0)
        canvas_layout.addWidget(self.view, 1)
        # The legend has its own row under the plan: in the tool rows it was squeezed
        # and cut off on a 1280-pixel screen.
        canvas_layout.addWidget(self.status)
        legend = QHBoxLayout()
        legend.addWidget(Legend(self))
        legend.addStretch(1)
        canvas_layout.addLayout(legend)
        splitter = QSplitter(self)
        splitter.addWidget(side)
        splitter.addWidget(canvas)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 1000])

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(top)
        layout.addLayout(layers)
        layout.addWidget(splitter, 1)
        for keys, fn in ((QKeySequence.StandardKey.ZoomIn, lambda: self.view.zoom_by(1.25)),
                         (QKeySequence.StandardKey.ZoomOut, lambda: self.view.zoom_by(0.8))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(fn)
        ctx.data_changed.connect(self._data_changed)

    def _button(self, text: str, slot: Any, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _=False: slot())
        layout.addWidget(button)
        return button

    # -- lifecycle -------------------------------------------------------------------
    def activated(self) -> None:
        if not self._started:
            self._started = True
            self.load_plans()
            self.load_equipment()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _data_changed(self, entity: str, _ids: list[str]) -> None:
        if not self._started:
            return
        if entity == "floor_plan":  # renamed, removed, or arrived by sync
            self.load_plans()
        elif entity in ("plan_marker", "plan_zone", "equipment", "hazard", "hazard_event",
                        "risk_point", "risk_assessment", "area"):
            self.reload()
        if entity == "equipment":
            self.load_equipment()

    def _fail(self, exc: BaseException) -> None:
        self.message.show_failure(exc)
        self.failed.emit(str(exc))

    # -- plans -------------------------------------------------------------------------
    def load_plans(self, select: str | None = None) -> None:
        actor, service = self.ctx.actor, self.ws.floorplans
        Op(self, lambda _: service.plans(actor)).success(
            guard(self, lambda plans: self._plans_loaded(plans, select))).failure(
            guard(self, self._fail)).run()

    def _plans_loaded(self, plans: list[FloorPlan], select: str | None) -> None:
        current = select or (self.risk_map.plan.id if self.risk_map else None)
        self.plans = plans
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for plan in plans:
            where = " · ".join(x for x in (plan.building_name, plan.floor or "") if x)
            self.plan_combo.addItem(f"{plan.name}" + (f"（{where}）" if where else ""), plan.id)
        index = max(0, self.plan_combo.findData(current)) if current else 0
        self.plan_combo.setCurrentIndex(index if plans else -1)
        self.plan_combo.blockSignals(False)
        for b in (self.rename_button, self.delete_button, self.export_button):
            b.setEnabled(bool(plans))
        if plans:
            self.open_plan(plans[index].id)
        else:
            self.risk_map = None
            self.view.scene().clear()
            self.view.risk_map = None
            self.view.markers = None
            self.view.zone_items = {}
            self.status.setText(self.tr("No floor plans yet.") + (
                " " + self.tr("Import one with “Import plan…”.") if self.can_edit else ""))
            self.map_loaded.emit()

    def _plan_chosen(self, index: int) -> None:
        if 0 <= index < len(self.plans):
            self._first_fit = True
            self.open_plan(self.plans[index].id)

    def current_plan(self) -> FloorPlan | None:
        index = self.plan_combo.currentIndex()
        return self.plans[index] if 0 <= index < len(self.plans) else None

    def open_plan(self, plan_id: str) -> None:
        """Load the map data (db lane) and the image (io lane) in parallel; draw when both are in."""
        plan = next((p for p in self.plans if p.id == plan_id), None)
        if plan is None:
            return
        self._generation += 1
        generation = self._generation
        self._pending = {"generation": generation}
        actor, service = self.ctx.actor, self.ws.floorplans
        image_path = self.ws.attachments.path_for(plan.image_sha256)
        Op(self, lambda _: service.risk_map(actor, plan_id)).success(
            guard(self, lambda m: self._part("map", m, generation))).failure(
            guard(self, self._fail)).run()
        cache = self.ws.data_dir / "cache" / "plans"
        Op(self, lambda _: load_plan_image(image_path, cache), lane="io").success(
            guard(self, lambda img: self._part("image", img, generation))).failure(
            guard(self, self._fail)).run()

    def reload(self) -> None:
        """New data for the plan on screen, keeping the image, the zoom and the scroll."""
        if self.risk_map is None:
            return
        plan_id = self.risk_map.plan.id
        self._generation += 1
        generation = self._generation
        self._pending = {"generation": generation, "image": self._pending.get("image")}
        actor, service = self.ctx.actor, self.ws.floorplans
        Op(self, lambda _: service.risk_map(actor, plan_id)).success(
            guard(self, lambda m: self._part("map", m, generation))).failure(
            guard(self, self._fail)).run()

    def _part(self, key: str, value: Any, generation: int) -> None:
        if generation != self._generation:
            return  # an older request answering late
        self._pending[key] = value
        if "map" in self._pending and self._pending.get("image") is not None:
            levels, partial = self._pending["image"]
            self._show(self._pending["map"], levels)
            if partial:
                self._load_full_image()

    def _load_full_image(self) -> None:
        assert self.risk_map is not None
        sha = self.risk_map.plan.image_sha256
        path = self.ws.attachments.path_for(sha)

        def done(result: tuple[list[QImage], bool]) -> None:
            # still the same plan on screen (a reload in between keeps the plan)
            if self.risk_map is not None and self.risk_map.plan.image_sha256 == sha:
                self._pending["image"] = result
                self.view.set_image(result[0])
                self.full_image_loaded.emit()

        Op(self, lambda _: load_plan_image(path, full=True), lane="io").success(
            guard(self, done)).failure(guard(self, self._fail)).run()

    def _show(self, risk_map: RiskMap, image: list[QImage]) -> None:
        self.risk_map = risk_map
        self.view.show_map(risk_map, image)
        if self._first_fit:
            self._first_fit = False
            self.view.fit()
        self.completer.model().setStringList(  # type: ignore[attr-defined]
            [f"{m.code} {m.name}" for m in risk_map.markers])
        placed = {m.equipment_id for m in risk_map.markers}
        self._mark_placed(placed)
        open_total = sum(m.open_hazards for m in risk_map.markers)
        overdue = sum(m.overdue_hazards for m in risk_map.markers)
        self.status.setText(self.tr("{zones} zones · {markers} machines · {open} open hazards "
                                    "({overdue} overdue)").format(
            zones=len(risk_map.zones), markers=len(risk_map.markers), open=open_total,
            overdue=overdue))
        if self.view.layers["heat"]:
            self.compute_heat()
        self.map_loaded.emit()

    def import_plan(self) -> None:
        buildings = self.ws.structure.list(self.ctx.actor, "building")
        dialog = ImportPlanDialog(buildings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.run_import(dialog.values()))
        dialog.open()
        self.import_dialog = dialog

    def run_import(self, values: dict[str, Any]) -> None:
        from jobs.floorplans import import_plan

        ws, actor = self.ws, self.ctx.actor

        def work(_: object) -> str:
            plan_id = import_plan(ws, actor, values["source"], values["name"],
                                  values["building_id"], values["floor"], values["page"])
            plan = ws.floorplans.plan(actor, plan_id)
            # leave the quick-open preview of a big plan behind now, not on the first open
            load_plan_image(ws.attachments.path_for(plan.image_sha256),
                            ws.data_dir / "cache" / "plans")
            return plan_id

        Op(self, work).with_progress(self.tr("Importing the floor plan…"), cancellable=False).success(
            guard(self, self._imported)).failure(guard(self, self._fail)).run()

    def _imported(self, plan_id: str) -> None:
        self._first_fit = True
        self.message.show_message(self.tr("Floor plan imported."), "success")
        self.saved.emit("plan")
        self.load_plans(select=plan_id)

    def rename_plan(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename floor plan"), self.tr("Name"),
                                        text=plan.name)
        if ok:
            self._write(lambda s, a: s.update_plan(a, plan.id, {"name": name}), "plan",
                        reload_plans=True)

    def delete_plan(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        confirm(self, self.tr("Delete floor plan"),
                self.tr("Delete the floor plan “{name}” with its zones and markers?").format(
                    name=plan.name), self.tr("Delete"),
                lambda: self._write(lambda s, a: s.remove_plan(a, plan.id), "plan",
                                    reload_plans=True))

    # -- writes ------------------------------------------------------------------------
    def _write(self, fn: Any, what: str, reload_plans: bool = False) -> None:
        service, actor = self.ws.floorplans, self.ctx.actor

        def done(_result: object) -> None:
            self.saved.emit(what)
            if reload_plans:
                self.ctx.notify("floor_plan", [])  # this page reloads its plans from that
            else:
                self.reload()

        Op(self, lambda _: fn(service, actor)).success(guard(self, done)).failure(
            guard(self, self._fail)).run()

    def place_marker(self, equipment_id: str, x: float, y: float) -> None:
        if self.risk_map is None:
            return
        plan_id = self.risk_map.plan.id
        self._write(lambda s, a: s.place_marker(a, plan_id, equipment_id, x, y), "marker")

    def move_marker(self, marker_id: str, x: float, y: float) -> None:
        if self.risk_map is None:
            return
        plan_id = self.risk_map.plan.id
        self._write(lambda s, a: s.move_marker(a, plan_id, marker_id, x, y), "marker")

    def remove_marker(self, marker_id: str) -> None:
        self._write(lambda s, a: s.remove_marker(a, marker_id), "marker")

    def zone_drawn(self, polygon: list[list[float]]) -> None:
        areas = self.ws.floorplans.areas(self.ctx.actor)
        names = [f"{a['code']} {a['name']}" for a in areas]
        choice, ok = self.ask_area(names)
        if not ok or self.risk_map is None:
            return
        area_id = areas[names.index(choice)]["id"] if choice in names else None
        plan_id = self.risk_map.plan.id
        self._write(lambda s, a: s.add_zone(a, plan_id, polygon, area_id,
                                            "" if area_id else choice), "zone")

    def ask_area(self, names: list[str]) -> tuple[str, bool]:
        """Which area the new zone covers (replaced in tests: a modal dialog would block)."""
        return QInputDialog.getItem(self, self.tr("Risk zone"),
                                    self.tr("Area of this zone (its risk grade colours it)"),
                                    names, 0, True)

    def reshape_zone(self, zone_id: str, polygon: list[list[float]]) -> None:
        if self.risk_map is None:
            return
        plan_id = self.risk_map.plan.id
        self._write(lambda s, a: s.update_zone(a, plan_id, zone_id, {"polygon": polygon}), "zone")

    def _zone_menu(self, zone_id: str, global_pos: Any) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Change area…"), lambda: self.change_zone_area(zone_id))
        menu.addAction(self.tr("Edit shape (drag the corners, Esc when done)"),
                       lambda: self.view.start_reshape(zone_id))
        menu.addAction(self.tr("Delete zone"), lambda: self._write(
            lambda s, a: s.remove_zone(a, zone_id), "zone"))
        menu.popup(global_pos)
        self.zone_context_menu = menu

    def _marker_menu(self, marker_id: str, global_pos: Any) -> None:
        menu = self.marker_menu(marker_id)
        if menu is not None:
            menu.popup(global_pos)

    def marker_menu(self, marker_id: str) -> QMenu | None:
        """The right-click menu of a marker: its card, and (editors) remove it from the plan."""
        marker = next((m for m in (self.view.markers.markers if self.view.markers else [])
                       if m.id == marker_id), None)
        if marker is None:
            return None
        menu = QMenu(self)
        menu.addAction(self.tr("Equipment card"), lambda: self.open_card(marker.equipment_id))
        if self.can_edit:
            menu.addAction(self.tr("Remove from the plan"), lambda: self.remove_marker(marker_id))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return menu

    def change_zone_area(self, zone_id: str) -> None:
        areas = self.ws.floorplans.areas(self.ctx.actor)
        names = [f"{a['code']} {a['name']}" for a in areas]
        choice, ok = self.ask_area(names)
        if ok and choice in names and self.risk_map is not None:
            plan_id, area_id = self.risk_map.plan.id, areas[names.index(choice)]["id"]
            self._write(lambda s, a: s.update_zone(a, plan_id, zone_id, {"area_id": area_id}),
                        "zone")

    # -- equipment list -----------------------------------------------------------------
    def load_equipment(self) -> None:
        text, actor, service = self.filter_edit.text(), self.ctx.actor, self.ws.floorplans
        Op(self, lambda _: service.equipment_list(actor, text, EQUIPMENT_LIMIT)).success(
            guard(self, self._equipment_loaded)).failure(guard(self, self._fail)).run()

    def _equipment_loaded(self, rows: list[dict[str, Any]]) -> None:
        self.equipment_list.clear()
        for row in rows:
            item = QListWidgetItem(grade_icon(row["risk_grade"]), f"{row['code']}  {row['name']}")
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            item.setToolTip(row["area"])
            self.equipment_list.addItem(item)
        if self.risk_map is not None:
            self._mark_placed({m.equipment_id for m in self.risk_map.markers})

    def _mark_placed(self, placed: set[str]) -> None:
        for i in range(self.equipment_list.count()):
            item = self.equipment_list.item(i)
            font = item.font()
            font.setItalic(item.data(Qt.ItemDataRole.UserRole) in placed)
            item.setFont(font)
            item.setForeground(QColor("#5f6b78") if font.italic() else QColor("#1a1a1a"))

    def _list_double_clicked(self, item: QListWidgetItem) -> None:
        self.fly_to_equipment(item.data(Qt.ItemDataRole.UserRole))

    # -- browsing ------------------------------------------------------------------------
    def set_layer(self, name: str, visible: bool) -> None:
        self.view.set_layer(name, visible)
        if name == "heat" and visible and self.view.heat_item is None:
            self.compute_heat()

    def compute_heat(self) -> None:
        if self.risk_map is None:
            return
        points, plan = list(self.risk_map.hazard_points), self.risk_map.plan
        generation = self._generation

        def done(result: tuple[bytes, int, int]) -> None:
            if generation != self._generation and self.view.heat_item is not None:
                return
            data, w, h = result
            image = QImage(data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
            self.view.set_heat(image)
            self.heat_ready.emit()

        Op(self, lambda _: density_rgba(points, plan.width_px, plan.height_px), lane="io").success(
            guard(self, done)).failure(guard(self, self._fail)).run()

    def find(self, text: str) -> bool:
        """Fly to the machine whose code (exact, else contained) or name matches ``text``."""
        if self.risk_map is None or not text.strip():
            return False
        wanted = text.strip().split()[0].casefold() if text.strip() else ""
        needle = text.strip().casefold()
        markers = self.risk_map.markers
        match = (next((m for m in markers if m.code.casefold() == wanted), None)
                 or next((m for m in markers if needle in f"{m.code} {m.name}".casefold()), None))
        if match is None:
            self.message.show_message(self.tr("No machine on this plan matches “{text}”.")
                                      .format(text=text), "info")
            return False
        return self.fly_to_equipment(match.equipment_id)

    def fly_to_equipment(self, equipment_id: str) -> bool:
        layer = self.view.markers
        index = layer.index_of_equipment(equipment_id) if layer else None
        if layer is None or index is None:
            self.message.show_message(self.tr("This machine is not on the plan yet."), "info")
            return False
        layer.highlight = index
        layer.update()
        self.view.fly_to(float(layer.xs[index]), float(layer.ys[index]))
        return True

    def open_card(self, equipment_id: str) -> EquipmentCardDialog:
        card = EquipmentCardDialog(self.ctx, equipment_id, self)
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        card.show()
        self.card = card
        return card

    # -- export --------------------------------------------------------------------------
    def export_map(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = ExportMapDialog(plan.name, folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.run_export(**dialog.values()))
        dialog.open()
        self.export_dialog = dialog

    def run_export(self, path: Path, paper: str, plan: str | None) -> Op:
        from core import i18n
        from jobs.map_reports import render
        from jobs.report_catalog import ReportRequest

        ws, lang = self.ws, i18n.language()

        def work(progress: Any) -> Path:
            request = ReportRequest(plan=plan, paper=paper, lang=lang,
                                    progress=lambda done, total: progress.set(done, total),
                                    cancelled=lambda: progress.cancelled)
            return render(ws, request, Path(path)).path

        def done(out: Path) -> None:
            self.message.show_message(self.tr("Map saved to {path}").format(path=out), "success")
            self.exported.emit(str(out))

        return Op(self, work).with_progress(self.tr("Exporting the four-colour map…")).success(
            guard(self, done)).failure(guard(self, self._fail)).run()


