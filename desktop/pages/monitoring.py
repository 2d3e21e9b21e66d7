"""重点监控 Key monitoring: the machines the warning rules put under watch (reports in
consecutive months, over-temperature alarms in a row), why and since when; a clerk or head
ends the watch when the machine is sound again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.warning_rules import RULE_NAMES, pick
from core.warnings import Monitored
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, guard
from desktop.models.list_model import ListTableModel
from desktop.pages.base import Page
from desktop.tasks import Op


class MonitoringModel(ListTableModel):
    COLUMNS = ("code", "name", "area", "reason", "since", "rule", "active")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = "zh_CN"

    @property
    def items(self) -> list[Monitored]:
        return self.rows

    def set_items(self, items: list[Monitored], lang: str) -> None:
        self.lang = lang
        self.set_rows(items)

    def column_title(self, column: str) -> str:
        return {"code": QCoreApplication.translate("MonitoringModel", "Code"),
                "name": QCoreApplication.translate("MonitoringModel", "Machine"),
                "area": QCoreApplication.translate("MonitoringModel", "Area"),
                "reason": QCoreApplication.translate("MonitoringModel", "Why"),
                "since": QCoreApplication.translate("MonitoringModel", "Since"),
                "rule": QCoreApplication.translate("MonitoringModel", "Rule"),
                "active": QCoreApplication.translate("MonitoringModel", "Watched")}[column]

    def cell(self, m: Monitored, column: str, role: int, row: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "active":
            return (QCoreApplication.translate("MonitoringModel", "yes") if m.active
                    else QCoreApplication.translate("MonitoringModel", "ended"))
        return {"code": m.equipment_code, "name": m.equipment_name, "area": m.area_name,
                "reason": m.reason_text(self.lang), "since": m.since,
                "rule": pick(RULE_NAMES, m.rule, self.lang)}[column]


class MonitoringPage(Page):
    page_id = "monitoring"
    required_permission = Permission.VIEW_HAZARDS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._generation = 0
        toolbar = QToolBar(self)
        self.show_ended = QCheckBox(self.tr("Show ended"), self)
        toolbar.addWidget(self.show_ended)
        self.end_action = QAction(self.tr("End monitoring"), self)
        self.end_action.setEnabled(False)
        toolbar.addAction(self.end_action)
        self.model = MonitoringModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel(self.tr("Machines are added by the warning rules; see the Warnings "
                                   "page for the evidence."), self)
        self.hint.setWordWrap(True)
        self.message = MessageBar(self)
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.show_ended.toggled.connect(lambda _: self.reload())
        self.end_action.triggered.connect(self.end_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        ctx.data_changed.connect(lambda entity, _ids: self.reload() if entity == "warning" else None)
        self.reload()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("MonitoringPage", "Key monitoring")

    def activated(self) -> None:
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        ws, actor, active_only = self.ctx.workspace, self.ctx.actor, not self.show_ended.isChecked()
        Op(self, lambda _: ws.warnings.monitoring(actor, active_only), lane="db").success(
            guard(self, lambda items: self._loaded(generation, items))).failure(
            guard(self, self.message.show_failure)).run()

    def _loaded(self, generation: int, items: list[Monitored]) -> None:
        if generation == self._generation:
            self.model.set_items(items, self.ctx.language)
            self._update()

    def selected(self) -> Monitored | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.items[rows[0].row()] if rows else None

    def _update(self) -> None:
        m = self.selected()
        self.end_action.setEnabled(bool(m and m.active and self.ctx.can(Permission.DISPATCH_HAZARD)))

    def end_selected(self) -> None:
        m = self.selected()
        if m is None:
            return
        ws, actor = self.ctx.workspace, self.ctx.actor
        Op(self, lambda _: ws.warnings.end_monitoring(actor, m.id), lane="db").success(
            guard(self, lambda _: self.ctx.notify("warning", []))).failure(
            guard(self, self.message.show_failure)).run()
