"""组织与区域 Plant structure: where things are (sites → buildings → areas → lines) and who works
there (departments → posts, each post with its risk level in the four regulation colours)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QAction, QColor, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QMenu,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.colours import RISK_COLOURS, RISK_TEXT_COLOURS
from core.plant import RISK_LABELS, label
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, confirm, guard
from desktop.dialogs.structure_dialog import Lists, StructureDialog, kind_label
from desktop.pages.base import Page
from desktop.tasks import Op

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
RISK_ROLE = Qt.ItemDataRole.UserRole + 3
KINDS = ("site", "building", "area", "line", "department", "post")
PLACES = ("site", "building", "area", "line")
ORGANISATION = ("department", "post")


class RoomyDelegate(QStyledItemDelegate):
    """Rows a little taller than the font: easier to hit, and room for the risk chips."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        line = option.fontMetrics.height()  # type: ignore[attr-defined]
        size.setHeight(max(size.height(), line + 10))
        return size


class RiskChipDelegate(RoomyDelegate):
    """Paints a post's risk level as a rounded chip in its regulation colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        level = index.data(RISK_ROLE)
        if level not in RISK_COLOURS:
            super().paint(painter, option, index)
            return
        # Draw the row background (selection, alternate colour) without the text...
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        text = base.text
        base.text = ""
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        # ...then the chip on top.
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        height = metrics.height() + 4
        rect: QRect = option.rect  # type: ignore[attr-defined]
        chip = QRect(rect.left() + 6, rect.center().y() - height // 2 + 1,
                     metrics.horizontalAdvance(text) + 18, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(RISK_COLOURS[level]))
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setPen(QColor(RISK_TEXT_COLOURS[level]))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(RISK_ROLE) in RISK_COLOURS:
            size.setWidth(size.width() + 30)
        return size


class StructurePage(Page):
    page_id = "structure"
    required_permission = Permission.VIEW_STRUCTURE

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.lists: Lists = {kind: [] for kind in KINDS}
        self.can_edit = ctx.can(Permission.EDIT_STRUCTURE)
        self.add_actions: dict[str, QAction] = {}
        self.message = MessageBar(self)

        self.places_model = QStandardItemModel(self)
        self.places_view = self._tree(self.places_model)
        self.org_model = QStandardItemModel(self)
        self.org_view = self._tree(self.org_model)
        self.org_view.setItemDelegateForColumn(2, RiskChipDelegate(self.org_view))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._pane(self.tr("Sites, buildings, areas and lines"),
                                      self.places_view, PLACES))
        splitter.addWidget(self._pane(self.tr("Departments and posts"), self.org_view,
                                      ORGANISATION))
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        ctx.data_changed.connect(self._data_changed)
        self.reload()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("StructurePage", "Plant structure")

    # -- building -----------------------------------------------------------------------
    def _tree(self, model: QStandardItemModel) -> QTreeView:
        view = QTreeView(self)
        view.setModel(model)
        view.setAlternatingRowColors(True)
        view.setUniformRowHeights(True)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.header().setStretchLastSection(True)
        view.setItemDelegate(RoomyDelegate(view))
        view.doubleClicked.connect(lambda _: self.edit_selected(view))
        return view

    def _pane(self, title: str, view: QTreeView, kinds: tuple[str, ...]) -> QGroupBox:
        box = QGroupBox(title, self)
        bar = QToolBar(box)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        add_menu = QMenu(bar)
        for kind in kinds:
            action = add_menu.addAction(self.tr("{kind}…").format(kind=kind_label(kind)))
            action.triggered.connect(lambda _=False, k=kind, v=view: self.add_item(k, v))
            self.add_actions[kind] = action
        add_button = QToolButton(bar)
        add_button.setText(self.tr("Add"))
        add_button.setMenu(add_menu)
        add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        add_action = bar.addWidget(add_button)
        edit = bar.addAction(self.tr("Edit"))
        edit.triggered.connect(lambda _=False: self.edit_selected(view))
        remove = bar.addAction(self.tr("Remove"))
        remove.triggered.connect(lambda _=False: self.remove_selected(view))
        for action in (add_action, edit, remove):
            action.setVisible(self.can_edit)
        bar.setVisible(self.can_edit)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(bar)
        layout.addWidget(view, 1)
        return box

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: object) -> Lists:
            return {kind: ws.structure.list(actor, kind) for kind in KINDS}

        Op(self, work, lane="db").success(guard(self, self._loaded)).failure(
            guard(self, self.message.show_failure)).run()

    def _loaded(self, lists: Lists) -> None:
        self.lists = lists
        self._fill_places()
        self._fill_organisation()

    def _data_changed(self, entity: str, _ids: list[str]) -> None:
        if entity in KINDS:
            self.reload()

    def _row(self, kind: str, record: dict[str, Any], *extra: str) -> list[QStandardItem]:
        name = QStandardItem(record["name"])
        name.setData(kind, KIND_ROLE)
        name.setData(record["id"], ID_ROLE)
        name.setToolTip(kind_label(kind))
        items = [name, QStandardItem(record["code"] or "")]
        items += [QStandardItem(text) for text in extra or ("",)]  # full rows: even stripes
        return items

    def _restore(self, view: QTreeView, model: QStandardItemModel,
                 selected: tuple[str, str] | None, widths: tuple[int, ...]) -> None:
        view.expandAll()
        for column, width in enumerate(widths):
            view.setColumnWidth(column, width)
        if selected is None:
            return
        for item in _walk(model.invisibleRootItem()):
            if (item.data(KIND_ROLE), item.data(ID_ROLE)) == selected:
                view.setCurrentIndex(item.index())
                return

    def _fill_places(self) -> None:
        selected = self.selected(self.places_view)
        model = self.places_model
        model.clear()
        model.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Code"), self.tr("Details")])
        departments = {d["id"]: d["name"] for d in self.lists["department"]}
        sites: dict[str, QStandardItem] = {}
        buildings: dict[str, QStandardItem] = {}
        areas: dict[str, QStandardItem] = {}
        for site in self.lists["site"]:
            row = self._row("site", site, site.get("address") or "")
            model.appendRow(row)
            sites[site["id"]] = row[0]
        for building in self.lists["building"]:
            floors = building.get("floors")
            row = self._row("building", building,
                            self.tr("{n} floors").format(n=floors) if floors else "")
            _parent(sites, building["site_id"], model).appendRow(row)
            buildings[building["id"]] = row[0]
        for area in self.lists["area"]:
            department = departments.get(area.get("department_id") or "")
            row = self._row("area", area,
                            self.tr("Run by {dept}").format(dept=department) if department else "")
            holder = buildings.get(area.get("building_id") or "") or sites.get(area["site_id"])
            (holder or model.invisibleRootItem()).appendRow(row)
            areas[area["id"]] = row[0]
        for line in self.lists["line"]:
            _parent(areas, line["area_id"], model).appendRow(self._row("line", line))
        self._restore(self.places_view, model, selected, (240, 90))

    def _fill_organisation(self) -> None:
        selected = self.selected(self.org_view)
        model = self.org_model
        model.clear()
        model.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Code"),
                                         self.tr("Risk level")])
        departments: dict[str, QStandardItem] = {}
        for department in self.lists["department"]:
            departments[department["id"]] = self._row("department", department, "")[0]
        for department in self.lists["department"]:
            item = departments[department["id"]]
            row = [item, QStandardItem(department["code"] or ""), QStandardItem("")]
            # Sub-departments hang under their parent; a cycle or a missing parent falls back
            # to the top level rather than hiding the department.
            parent = departments.get(department.get("parent_id") or "")
            if parent is not None and parent is not item and not _is_below(parent, item):
                parent.appendRow(row)
            else:
                model.appendRow(row)
        orphans: QStandardItem | None = None
        for post in self.lists["post"]:
            level = post.get("risk_level") or "low"
            row = self._row("post", post, label(RISK_LABELS, level))
            row[2].setData(level, RISK_ROLE)
            holder = departments.get(post.get("department_id") or "")
            if holder is None:
                if orphans is None:
                    orphans = QStandardItem(self.tr("Posts without a department"))
                    model.appendRow([orphans, QStandardItem(""), QStandardItem("")])
                holder = orphans
            holder.appendRow(row)
        self._restore(self.org_view, model, selected, (240, 90))

    # -- selection and actions ----------------------------------------------------------
    def selected(self, view: QTreeView) -> tuple[str, str] | None:
        index = view.currentIndex()
        if not index.isValid():
            return None
        index = index.siblingAtColumn(0)
        kind, item_id = index.data(KIND_ROLE), index.data(ID_ROLE)
        return (kind, item_id) if kind and item_id else None

    def record(self, kind: str, item_id: str) -> dict[str, Any] | None:
        return next((r for r in self.lists.get(kind, []) if r["id"] == item_id), None)

    def select(self, kind: str, item_id: str) -> bool:
        """Make an item current (used by tests and after adding)."""
        view = self.places_view if kind in PLACES else self.org_view
        model = self.places_model if kind in PLACES else self.org_model
        for item in _walk(model.invisibleRootItem()):
            if (item.data(KIND_ROLE), item.data(ID_ROLE)) == (kind, item_id):
                view.setCurrentIndex(item.index())
                return True
        return False

    def _hint(self, view: QTreeView) -> dict[str, Any]:
        """Parents for a new item, from what is selected: adding a line with an area selected
        puts it in that area."""
        selected = self.selected(view)
        if selected is None:
            sites = self.lists["site"]
            return {"site_id": sites[0]["id"]} if len(sites) == 1 else {}
        kind, item_id = selected
        record = self.record(kind, item_id) or {}
        hint = {k: v for k, v in record.items() if k.endswith("_id") and v}
        hint[f"{kind}_id"] = item_id
        if kind == "department":
            hint["parent_id"] = item_id
        return hint

    def add_item(self, kind: str, view: QTreeView | None = None) -> StructureDialog:
        view = view or (self.places_view if kind in PLACES else self.org_view)
        return self._open(StructureDialog(self.ctx, kind, self.lists, None, self._hint(view),
                                          self))

    def edit_selected(self, view: QTreeView) -> StructureDialog | None:
        selected = self.selected(view)
        if selected is None or not self.can_edit:
            return None
        record = self.record(*selected)
        if record is None:
            return None
        return self._open(StructureDialog(self.ctx, selected[0], self.lists, record, None, self))

    def _open(self, dialog: StructureDialog) -> StructureDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda kind, item_id: self.ctx.notify(kind, [item_id]))
        dialog.open()
        return dialog

    def remove_selected(self, view: QTreeView) -> None:
        selected = self.selected(view)
        if selected is None:
            return
        kind, item_id = selected
        record = self.record(kind, item_id) or {"name": ""}
        text = self.tr("Remove the {kind} “{name}”?").format(kind=kind_label(kind),
                                                            name=record["name"])
        confirm(self, self.tr("Remove"), text, self.tr("Remove"),
                lambda: self._remove(kind, item_id, record["name"]))

    def _remove(self, kind: str, item_id: str, name: str) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor

        def done(_: object) -> None:
            self.message.show_message(self.tr("Removed “{name}”.").format(name=name), "success")
            self.ctx.notify(kind, [item_id])

        # Something still in use (people in a department, lines in an area) is refused by the
        # service; its message says what is in the way and lands in the message bar.
        Op(self, lambda _: ws.structure.remove(actor, kind, item_id), lane="db").success(
            guard(self, done)).failure(guard(self, self.message.show_failure)).run()


def _parent(items: dict[str, QStandardItem], parent_id: str | None,
            model: QStandardItemModel) -> QStandardItem:
    return items.get(parent_id or "") or model.invisibleRootItem()


def _walk(item: QStandardItem) -> list[QStandardItem]:
    found = []
    for row in range(item.rowCount()):
        child = item.child(row, 0)
        if child is not None:
            found.append(child)
            found.extend(_walk(child))
    return found


def _is_below(item: QStandardItem, ancestor: QStandardItem) -> bool:
    parent = item.parent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent()
    return False

