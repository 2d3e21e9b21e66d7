"""设备 Equipment: search and filter the registry, add, edit and remove machines, open a card.

Import, export, the import template and label printing are asked for through signals
(``import_requested``, ``export_requested``, ``template_requested``, ``labels_requested``): the
shell connects them to the modules that do the work (``desktop.equipment_actions``), so this
page never needs to know about workbooks or label sheets.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.colours import RISK_COLOURS, RISK_TEXT_COLOURS
from core.equipment import (
    INSPECTION_SOON_DAYS,
    STATUS_LABELS,
    STATUSES,
    Equipment,
    EquipmentQuery,
)
from core.plant import RISK_LABELS, RISK_LEVELS, label
from desktop.context import AppContext
from desktop.dialogs.equipment_card import EquipmentCardDialog
from desktop.dialogs.equipment_dialog import EquipmentDialog
from desktop.dialogs.feedback import MessageBar, confirm, guard
from desktop.dialogs.structure_dialog import risk_icon
from desktop.models.equipment_model import (
    COLUMNS,
    RISK_ROLE,
    SORT_ORDERS,
    EquipmentTableModel,
)
from desktop.pages.base import Page
from desktop.tasks import Op

SEARCH_DELAY_MS = 250  # long enough not to query on every keystroke of a typed name
NOT_ASSESSED = "none"  # EquipmentQuery.risk_grade for "no grade yet"
# Typical widest content per column, so Chinese names are not cut off.
_COLUMN_SAMPLES = {
    "code": "YJ-CY-0012", "name": "闭式双点压力机", "type": "砂轮机/打磨机", "area": "冲压车间",
    "line": "机器人焊接线", "status": "维修中", "risk": "较大风险", "last_maintenance": "2025-01-01",
    "next_maintenance": "2025-01-01", "inspection_due": "2025-01-01",
}
_DATE_COLUMNS = ("next_maintenance", "inspection_due")  # room for the "!" icon


class RiskChipDelegate(QStyledItemDelegate):
    """Paints the risk grade as a rounded chip in its regulation colour (red/orange/yellow/blue);
    "not assessed" stays plain grey text so it never looks like a grade."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        grade = index.data(RISK_ROLE)
        if grade not in RISK_COLOURS:
            super().paint(painter, option, index)
            return
        # The row background (selection, alternate colour) first, without the text...
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
        height = metrics.height() + 2
        rect: QRect = option.rect  # type: ignore[attr-defined]
        chip = QRect(rect.left() + 6, rect.center().y() - height // 2 + 1,
                     min(metrics.horizontalAdvance(text) + 18, rect.width() - 10), height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(RISK_COLOURS[grade]))
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setPen(QColor(RISK_TEXT_COLOURS[grade]))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        size.setWidth(size.width() + 24)
        return size


class _Table(QTableView):
    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.resized.emit()


class EquipmentPage(Page):
    page_id = "equipment"
    required_permission = Permission.VIEW_EQUIPMENT

    import_requested = Signal()
    template_requested = Signal()  # the empty import workbook, to fill in
    export_requested = Signal(object)  # EquipmentQuery: the filters the clerk sees
    # Selected ids (empty: nothing selected, i.e. everything the query matches) and the query.
    labels_requested = Signal(list, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.areas: list[dict[str, Any]] = []
        self.types: list[dict[str, Any]] = []
        self._reselect: str | None = None

        self.model = EquipmentTableModel(ctx, self)
        self.table = _Table(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        self.table.setItemDelegateForColumn(COLUMNS.index("risk"), RiskChipDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(COLUMNS.index("code"), Qt.SortOrder.AscendingOrder)
        # Not setSortingEnabled: the service sorts one way per column, so a second click must
        # not flip the arrow to a descending order that would not happen.
        header.sectionClicked.connect(self.sort_by_column)
        self.table.doubleClicked.connect(lambda _: self.open_card())
        self.table.resized.connect(self._fit_name)

        self.toolbar = self._build_toolbar()
        self.search = QLineEdit(self)
        self.search.setObjectName("equipmentSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search code, name, model, maker or serial no."))
        self.search.setMinimumWidth(240)
        self.area_filter = self._combo(self.tr("All areas"))
        self.type_filter = self._combo(self.tr("All types"))
        self.status_filter = self._combo(self.tr("All statuses"))
        for status in STATUSES:
            self.status_filter.addItem(label(STATUS_LABELS, status), status)
        self.risk_filter = self._combo(self.tr("All risk grades"))
        for grade in RISK_LEVELS:
            self.risk_filter.addItem(risk_icon(grade), label(RISK_LABELS, grade), grade)
        self.risk_filter.addItem(self.tr("Not assessed"), NOT_ASSESSED)
        self.overdue_filter = QCheckBox(self.tr("Maintenance overdue"), self)
        self.overdue_filter.setToolTip(self.tr("Only machines whose next maintenance date "
                                               "has passed"))
        self.inspection_filter = QCheckBox(
            self.tr("Special equipment: inspection due within {n} days").format(
                n=INSPECTION_SOON_DAYS), self)
        self.inspection_filter.setToolTip(self.tr(
            "Only special equipment (cranes, forklifts, pressure vessels …) whose statutory "
            "inspection is due within {n} days or already overdue").format(
            n=INSPECTION_SOON_DAYS))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("equipmentCount")
        self.message = MessageBar(self)

        # Two rows: at 1280 px the search box, four filters and two long check boxes do not fit
        # on one line without squeezing the Chinese labels.
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 3)
        for combo in (self.area_filter, self.type_filter, self.status_filter, self.risk_filter):
            filters.addWidget(combo, 1)
        checks = QHBoxLayout()
        checks.setSpacing(16)
        checks.addWidget(self.overdue_filter)
        checks.addWidget(self.inspection_filter)
        checks.addStretch(1)
        checks.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addLayout(checks)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        for combo in (self.area_filter, self.type_filter, self.status_filter, self.risk_filter):
            combo.currentIndexChanged.connect(lambda _: self.apply_filters())
        for box in (self.overdue_filter, self.inspection_filter):
            box.toggled.connect(lambda _: self.apply_filters())
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self.message.show_failure)
        self.model.modelReset.connect(self._update_actions)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        ctx.data_changed.connect(self._data_changed)

        self._fit_columns()
        self._update_actions()
        self.load_lookups()
        self.apply_filters()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("EquipmentPage", "Equipment")

    # -- building -----------------------------------------------------------------------
    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        can_edit = self.ctx.can(Permission.EDIT_EQUIPMENT)
        can_import = self.ctx.can(Permission.IMPORT_EQUIPMENT)
        self.add_action = self._action(bar, self.tr("Add"), self.add_equipment, can_edit)
        self.add_action.setShortcut(QKeySequence.StandardKey.New)
        self.edit_action = self._action(bar, self.tr("Edit"), self.edit_selected, can_edit)
        self.delete_action = self._action(bar, self.tr("Delete"), self.delete_selected, can_edit)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        bar.addSeparator().setVisible(can_edit)
        self.card_action = self._action(bar, self.tr("Equipment card"), self.open_card, True)
        self.card_action.setToolTip(self.tr("Procedure, maintenance, faults and photos of the "
                                            "selected machine (or double-click a row)"))
        bar.addSeparator()
        self.import_action = self._action(bar, self.tr("Import Excel"),
                                          self.import_requested.emit, can_import)
        self.template_action = self._action(bar, self.tr("Download template"),
                                            self.template_requested.emit, can_import)
        # Exporting is reading: anyone who may see the list may take it away as a workbook.
        self.export_action = self._action(bar, self.tr("Export Excel"), self.request_export,
                                          True)
        self.labels_action = self._action(bar, self.tr("Print labels"), self.request_labels,
                                          can_edit)
        self.labels_action.setToolTip(self.tr("QR labels for the selected machines, or for "
                                              "every machine in the list when none is selected"))
        return bar

    def _action(self, bar: QToolBar, text: str, slot: Any, allowed: bool) -> QAction:
        action = bar.addAction(text)
        action.triggered.connect(lambda _=False: slot())
        # Hidden, not just disabled: a clerk should not hunt for why a button never works.
        # The services check the same permission, so hiding is convenience, not security.
        action.setVisible(allowed)
        # Shortcuts (Del, Ctrl+N) work wherever the focus is on this page, e.g. in the table.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _combo(self, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setMinimumContentsLength(8)
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.addItem(everything, None)
        return combo

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column, name in enumerate(COLUMNS):
            title = self.model.column_title(name)
            width = max(metrics.horizontalAdvance(_COLUMN_SAMPLES[name]),
                        metrics.horizontalAdvance(title) + 16)
            extra = 24 + (20 if name in _DATE_COLUMNS or name == "risk" else 0)
            header.resizeSection(column, width + extra)
        self._name_width = header.sectionSize(COLUMNS.index("name"))

    def _fit_name(self) -> None:
        """The name takes the spare width: long names ("蓄电池平衡重式叉车") read in full on a
        wide screen, and on a small one it keeps its typical width (the table scrolls)."""
        header = self.table.horizontalHeader()
        name = COLUMNS.index("name")
        others = sum(header.sectionSize(c) for c in range(len(COLUMNS)) if c != name)
        spare = self.table.viewport().width() - others
        header.resizeSection(name, max(self._name_width, spare))

    # -- loading ------------------------------------------------------------------------
    def load_lookups(self) -> None:
        """Areas and equipment types for the filters (a small read)."""
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: object) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            return ws.structure.list(actor, "area"), ws.equipment.types(actor)

        Op(self, work, lane="db").success(guard(self, self._lookups_loaded)).failure(
            guard(self, self.message.show_failure)).run()

    def _lookups_loaded(self, result: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        self.areas, self.types = result
        changed = self._refill(self.area_filter, sorted(self.areas, key=lambda a: a["code"]))
        changed |= self._refill(self.type_filter, self.types)
        if changed:
            self.apply_filters()  # the filtered area or type was removed

    @staticmethod
    def _refill(combo: QComboBox, items: list[dict[str, Any]]) -> bool:
        """Replace the combo's entries after its first "all" entry, keeping the choice;
        True when the chosen entry is gone (the filter went back to "all")."""
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for item in items:
            combo.addItem(item["name"], item["id"])
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        return current is not None and index < 0

    def current_query(self) -> EquipmentQuery:
        return EquipmentQuery(
            text=self.search.text().strip(),
            area_id=self.area_filter.currentData(),
            type_id=self.type_filter.currentData(),
            status=self.status_filter.currentData(),
            risk_grade=self.risk_filter.currentData(),
            maintenance_overdue=self.overdue_filter.isChecked(),
            inspection_due_within=INSPECTION_SOON_DAYS if self.inspection_filter.isChecked()
            else None,
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.current_query())

    def sort_by_column(self, column: int) -> None:
        header = self.table.horizontalHeader()
        if self.model.sortable(column):
            header.setSortIndicator(column, Qt.SortOrder.AscendingOrder)
            self.model.sort(column)
        else:
            # Lines and maintenance dates have no service order: leave the arrow where it was.
            current = next(c for c, name in enumerate(COLUMNS)
                           if SORT_ORDERS.get(name) == self.model.order)
            header.setSortIndicator(current, Qt.SortOrder.AscendingOrder)

    def _loaded(self, total: int) -> None:
        self.count_label.setText(self.tr("{n} machines").format(n=total))
        if self._reselect:
            row = self.model.row_of(self._reselect)
            self._reselect = None
            if row >= 0:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(self.model.index(row, 0))
        self._update_actions()

    def _data_changed(self, entity: str, ids: list[str]) -> None:
        if entity in ("area", "line", "equipment_type"):
            self.load_lookups()
            self.model.refresh()  # shown names may have changed
        elif entity in ("department", "person"):
            self.model.refresh()
        elif entity == "equipment":
            selected = self.selected_equipment()
            if len(ids) == 1:
                self._reselect = ids[0]
            elif selected:
                self._reselect = selected[0].id
            self.model.refresh()

    # -- actions ------------------------------------------------------------------------
    def selected_equipment(self) -> list[Equipment]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [e for e in (self.model.equipment(r) for r in rows) if e is not None]

    def _update_actions(self) -> None:
        count = len(self.selected_equipment())
        self.edit_action.setEnabled(count == 1)
        self.delete_action.setEnabled(count >= 1)
        self.card_action.setEnabled(count == 1)

    def add_equipment(self) -> EquipmentDialog:
        return self._open_dialog(None)

    def edit_selected(self) -> EquipmentDialog | None:
        selected = self.selected_equipment()
        if len(selected) != 1 or not self.ctx.can(Permission.EDIT_EQUIPMENT):
            return None
        return self._open_dialog(selected[0])

    def _open_dialog(self, item: Equipment | None) -> EquipmentDialog:
        dialog = EquipmentDialog(self.ctx, item, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda item_id: self.ctx.notify("equipment", [item_id]))
        dialog.open()
        return dialog

    def open_card(self) -> EquipmentCardDialog | None:
        selected = self.selected_equipment()
        if len(selected) != 1:
            return None
        card = EquipmentCardDialog(self.ctx, selected[0].id, self)
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        card.label_requested.connect(
            lambda item_id: self.labels_requested.emit([item_id], self.current_query()))
        card.show()
        return card

    def delete_selected(self) -> None:
        selected = self.selected_equipment()
        if not selected:
            return
        if len(selected) == 1:
            text = self.tr("Delete {name} ({code}) from the registry?").format(
                name=selected[0].name, code=selected[0].code)
        else:
            text = self.tr("Delete the {n} selected machines from the registry?").format(
                n=len(selected))
        text += "\n" + self.tr("Their maintenance and fault history is kept, and their codes "
                               "are never given to another machine.")
        confirm(self, self.tr("Delete equipment"), text, self.tr("Delete"),
                lambda: self._delete(selected))

    def _delete(self, selected: list[Equipment]) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        ids = [e.id for e in selected]

        def work(_: object) -> list[str]:
            # Deletes are tombstones: the machine leaves the list but the removal still syncs.
            return [item_id for item_id in ids if ws.equipment.remove(actor, item_id)]

        def done(removed: list[str]) -> None:
            self.message.show_message(
                self.tr("Deleted {n} machines.").format(n=len(removed)), "success")
            self.ctx.notify("equipment", removed)

        Op(self, work, lane="db").success(guard(self, done)).failure(
            guard(self, self.message.show_failure)).run()

    def request_export(self) -> None:
        self.export_requested.emit(self.current_query())

    def request_labels(self) -> None:
        ids = [e.id for e in self.selected_equipment()]
        self.labels_requested.emit(ids, self.current_query())

    # -- page contract ------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
