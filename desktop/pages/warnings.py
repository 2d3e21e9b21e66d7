"""预警 Warnings: what the rules saw (repeats, persistent machines, time clusters, MES alarms,
sensor anomalies), each explained in plain words with its evidence, and its life: acknowledge,
link the hazard that deals with it, close, reopen — with who and when.

The list loads off the UI thread. When readings were imported since the last analysis, the
first load runs the rules (detector included) for a user who may act on warnings, so the page
never shows stale sensor results.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.hazards import Hazard, HazardQuery
from core.i18n import DomainError
from core.warning_rules import RULE_NAMES, explain, pick
from core.warnings import (
    ACKNOWLEDGED,
    ACTED,
    ALARM_LABELS,
    CLOSED,
    NEW,
    WarningEvent,
    WarningItem,
    WarningQuery,
)
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, guard
from desktop.models.warning_model import WarningTableModel, severity_colours
from desktop.pages.base import Page
from desktop.tasks import Op
from desktop.widgets.warning_chart import WarningChart

HAZARD_ID_ROLE = Qt.ItemDataRole.UserRole + 2
_EVENT_TEXT = {"acknowledged": ("确认", "acknowledged"), "acted": ("处置", "acted on"),
               "closed": ("关闭", "closed"), "reopened": ("重新打开", "reopened")}


@dataclass(frozen=True)
class Detail:
    warning: WarningItem
    hazards: list[Hazard]
    linked: list[Hazard]
    history: list[WarningEvent]
    chart: Any
    alarms: list[tuple[str, str, str, float | None]]
    settings: dict[str, dict[str, float]]


class WarningsPage(Page):
    page_id = "warnings"
    required_permission = Permission.VIEW_HAZARDS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._generation = 0
        self._detail_generation = 0
        self._auto_ran = False
        self.current: Detail | None = None
        can_act = ctx.can(Permission.DISPATCH_HAZARD)

        toolbar = QToolBar(self)
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("Active warnings"), True)
        self.scope.addItem(self.tr("All, including closed"), False)
        toolbar.addWidget(self.scope)
        toolbar.addSeparator()
        self.run_action = QAction(self.tr("Run rules now"), self)
        self.settings_action = QAction(self.tr("Rule settings…"), self)
        self.ack_action = QAction(self.tr("Acknowledge"), self)
        self.act_action = QAction(self.tr("Link hazard…"), self)
        self.close_action = QAction(self.tr("Close"), self)
        self.reopen_action = QAction(self.tr("Reopen"), self)
        for action in (self.run_action, self.settings_action):
            toolbar.addAction(action)
            action.setEnabled(can_act)
        self.settings_action.setEnabled(ctx.can(Permission.VERIFY_REPORT))
        toolbar.addSeparator()
        for action in (self.ack_action, self.act_action, self.close_action, self.reopen_action):
            toolbar.addAction(action)
            action.setEnabled(False)

        self.model = WarningTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The warning's title says the most (it names the place too): it takes the free width.
        # The place gets a fixed, adjustable width (elided, full text in the title and detail)
        # so a long "area · line" or machine name cannot squeeze the title to a few letters.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 130)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        # the detail: title, what it means, the rule in plain words, evidence, chart, history
        detail = QWidget(self)
        box = QVBoxLayout(detail)
        # One read-only text view for title, meaning, rule and state: word-wrapped labels in a
        # splitter get squeezed (a splitter does not pass height-for-width on).
        self.summary = QTextBrowser(detail)
        self.summary.setOpenLinks(False)
        self.summary.setMinimumHeight(150)
        self.summary.setMaximumHeight(190)
        self.chart = WarningChart(detail)
        self.evidence = QListWidget(detail)
        self.evidence.setToolTip(self.tr("Double-click a hazard to open it"))
        self.evidence.setWordWrap(True)
        self.history = QListWidget(detail)
        self.history.setMaximumHeight(110)
        box.addWidget(self.summary)
        box.addWidget(self.chart, 2)
        self.evidence_caption = QLabel(self.tr("Evidence"), detail)
        box.addWidget(self.evidence_caption)
        box.addWidget(self.evidence, 1)
        box.addWidget(QLabel(self.tr("History"), detail))
        box.addWidget(self.history)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([860, 380])  # the table's title column needs room; detail wraps

        self.message = MessageBar(self)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(toolbar)
        top.addStretch(1)
        self.count_label = QLabel(self)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.scope.currentIndexChanged.connect(lambda _: self.reload())
        self.run_action.triggered.connect(self.run_rules)
        self.settings_action.triggered.connect(self.edit_settings)
        self.ack_action.triggered.connect(self.acknowledge)
        self.act_action.triggered.connect(self.link_hazard)
        self.close_action.triggered.connect(self.close_warning)
        self.reopen_action.triggered.connect(self.reopen)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.evidence.itemDoubleClicked.connect(self._open_hazard)
        ctx.data_changed.connect(self._data_changed)
        self._show_detail(None)
        self.reload()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("WarningsPage", "Warnings")

    # -- loading ---------------------------------------------------------------------------
    def activated(self) -> None:
        self.reload()

    def _data_changed(self, entity: str, _ids: list) -> None:
        if entity in ("warning", "hazard"):
            self.reload()

    def reload(self, select: str | None = None) -> None:
        self._generation += 1
        generation = self._generation
        ws, actor = self.ctx.workspace, self.ctx.actor
        active_only = bool(self.scope.currentData())
        auto = not self._auto_ran and self.ctx.can(Permission.DISPATCH_HAZARD)
        self._auto_ran = True

        def work(_: object) -> list[WarningItem]:
            if auto:
                from jobs.warning_jobs import pending_series, run_warnings

                if pending_series(ws):
                    run_warnings(ws, actor)
            return ws.warnings.list(actor, WarningQuery(active_only=active_only))

        keep = select or (self.current.warning.id if self.current else None)
        Op(self, work, lane="db").success(
            guard(self, lambda items: self._loaded(generation, items, keep))).failure(
            guard(self, self.message.show_failure)).run()

    def _loaded(self, generation: int, items: list[WarningItem], keep: str | None) -> None:
        if generation != self._generation:
            return
        self.model.set_items(items, self.ctx.language)
        active = sum(1 for w in items if w.active)
        self.count_label.setText(self.tr("{n} active").replace("{n}", str(active)))
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and items:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show_detail(None)

    def selected(self) -> WarningItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def _selected(self) -> None:
        warning = self.selected()
        if warning is None:
            self._show_detail(None)
            return
        self._detail_generation += 1
        generation = self._detail_generation
        ws, actor, lang = self.ctx.workspace, self.ctx.actor, self.ctx.language

        def work(_: object) -> Detail:
            from jobs.warning_jobs import warning_chart

            ids = list(warning.evidence.get("hazards", []))[:200]
            hazards = _hazards(ws, actor, ids)
            linked = _hazards(ws, actor, [h for h in warning.state.hazard_ids if h not in ids])
            return Detail(warning, hazards, linked, ws.warnings.history(actor, warning.id),
                          warning_chart(ws, actor, warning, lang),
                          ws.warnings.alarms(actor, warning), ws.warnings.rule_settings())

        Op(self, work, lane="db").success(
            guard(self, lambda d: self._detail_loaded(generation, d))).failure(
            guard(self, self.message.show_failure)).run()

    def _detail_loaded(self, generation: int, detail: Detail) -> None:
        if generation == self._detail_generation:
            self._show_detail(detail)

    def _show_detail(self, detail: Detail | None) -> None:
        self.current = detail
        self.evidence.clear()
        self.history.clear()
        can_act = self.ctx.can(Permission.DISPATCH_HAZARD)
        state = detail.warning.state.state if detail else None
        self.ack_action.setEnabled(can_act and state == NEW)
        self.act_action.setEnabled(can_act and state in (NEW, ACKNOWLEDGED, ACTED))
        self.close_action.setEnabled(can_act and state in (NEW, ACKNOWLEDGED, ACTED))
        self.reopen_action.setEnabled(can_act and state == CLOSED)
        if detail is None:
            self.summary.setPlainText(self.tr("No warning selected."))
            self.chart.clear()
            return
        w, lang = detail.warning, self.ctx.language
        background, colour = severity_colours(w.severity)
        settings = detail.settings
        rule = self.tr("Rule “{rule}”: ").replace("{rule}", pick(RULE_NAMES, w.rule, lang))
        self.summary.setHtml(
            f'<div style="background:{background}; color:{colour}; font-weight:bold; '
            f'padding:6px;">{html.escape(w.title(lang))}</div>'
            f"<p>{html.escape(w.explanation(lang))}</p>"
            f'<p style="color:#555;">{html.escape(rule + explain(w.rule, settings, lang))}</p>'
            f"<p>{html.escape(self._state_text(w))}</p>")
        if detail.chart is not None:
            self.chart.show_chart(detail.chart)
        else:
            self.chart.clear()
        for hazard in detail.linked + detail.hazards:
            prefix = self.tr("Action: ") if hazard in detail.linked else ""
            text = (f"{prefix}{hazard.number} · {hazard.found_at:%Y-%m-%d %H:%M} · "
                    f"{hazard.description}")
            item = QListWidgetItem(text)
            item.setData(HAZARD_ID_ROLE, hazard.id)
            self.evidence.addItem(item)
        for _aid, at, kind, value in detail.alarms:
            shown = "" if value is None else f" · {value:g}"
            self.evidence.addItem(f"{at[:16].replace('T', ' ')} · MES · "
                                  f"{pick(ALARM_LABELS, kind, lang)}{shown}")
        alarms = len(w.evidence.get("alarms", []))
        if alarms:
            caption = self.tr("Evidence: {n} MES alarms in a row").replace("{n}", str(alarms))
        elif w.evidence.get("hazards"):
            caption = self.tr("Evidence (hazards: {n})").replace("{n}", str(len(detail.hazards)))
        else:
            caption = self.tr("Evidence")
        self.evidence_caption.setText(caption)
        for event in detail.history:
            what = pick(_EVENT_TEXT, event.kind, lang)
            note = f" — {event.note}" if event.note else ""
            self.history.addItem(f"{event.at[:16].replace('T', ' ')}  {event.actor_name}  "
                                 f"{what}{note}")

    def _state_text(self, w: WarningItem) -> str:
        from core.warnings import STATE_LABELS

        text = self.tr("State: {state}").replace(
            "{state}", pick(STATE_LABELS, w.state.state, self.ctx.language))
        if w.state.last_actor:
            text += self.tr(" (by {who}, {when})").replace("{who}", w.state.last_actor).replace(
                "{when}", w.state.last_at[:16].replace("T", " "))
        return text

    def _open_hazard(self, item: QListWidgetItem) -> None:
        from desktop.dialogs.hazard_detail import HazardDetailDialog

        hazard_id = item.data(HAZARD_ID_ROLE)
        if hazard_id:
            dialog = HazardDetailDialog(self.ctx, hazard_id, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()

    # -- actions ---------------------------------------------------------------------------
    def _change(self, fn: Any, warning_id: str) -> None:
        def done(result: WarningItem) -> None:
            self.ctx.notify("warning", [warning_id])
            self.reload(select=result.id)

        Op(self, lambda _: fn(), lane="db").success(guard(self, done)).failure(
            guard(self, self.message.show_failure)).run()

    def acknowledge(self) -> None:
        w = self.selected()
        if w is not None:
            ws, actor = self.ctx.workspace, self.ctx.actor
            self._change(lambda: ws.warnings.acknowledge(actor, w.id), w.id)

    def close_warning(self, note: str | None = None) -> None:
        w = self.selected()
        if w is None:
            return
        if note is None:
            note, ok = QInputDialog.getText(self, self.tr("Close warning"),
                                            self.tr("Why is it closed? (optional)"))
            if not ok:
                return
        ws, actor = self.ctx.workspace, self.ctx.actor
        self._change(lambda: ws.warnings.close(actor, w.id, note or ""), w.id)

    def reopen(self) -> None:
        w = self.selected()
        if w is not None:
            ws, actor = self.ctx.workspace, self.ctx.actor
            self._change(lambda: ws.warnings.reopen(actor, w.id), w.id)

    def link_hazard(self, number: str | None = None) -> None:
        """Act on the warning: link the hazard that deals with it (one of the evidence, or any
        hazard by its number)."""
        w = self.selected()
        if w is None:
            return
        if number is None:
            choices = [self.evidence.item(i).text().split(" · ")[0].removeprefix(
                self.tr("Action: ")) for i in range(self.evidence.count())]
            number, ok = QInputDialog.getItem(
                self, self.tr("Link hazard"),
                self.tr("The hazard (number) that deals with this warning:"), choices, 0, True)
            if not ok or not number.strip():
                return
        ws, actor = self.ctx.workspace, self.ctx.actor
        wanted = number.strip()

        def work() -> WarningItem:
            found, _total = ws.hazards.search_page(actor, HazardQuery(text=wanted), 0, 20)
            match = next((h for h in found if h.number == wanted), None)
            return ws.warnings.act(actor, w.id, match.id if match else "")

        self._change(work, w.id)

    def run_rules(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(progress: Any) -> Any:
            from jobs.warning_jobs import run_warnings

            return run_warnings(ws, actor, progress=lambda d, t, s: progress.set(d, t, s))

        def done(summary: Any) -> None:
            self.message.show_message(
                self.tr("Rules run: {new} new, {refreshed} updated, {active} active.")
                .replace("{new}", str(summary.raised))
                .replace("{refreshed}", str(summary.refreshed))
                .replace("{active}", str(summary.active)))
            self.ctx.notify("warning", [])
            if summary.hazards_created:
                self.ctx.notify("hazard", list(summary.hazards_created))

        Op(self, work, lane="db").with_progress(self.tr("Running the warning rules…"), False) \
            .success(guard(self, done)).failure(guard(self, self.message.show_failure)).run()

    def edit_settings(self) -> Any:
        from desktop.dialogs.warning_settings import RuleSettingsDialog

        dialog = RuleSettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def _hazards(ws: Any, actor: Any, ids: list[str]) -> list[Hazard]:
    out = []
    for hazard_id in ids:
        try:
            out.append(ws.hazards.get(actor, hazard_id))
        except DomainError:  # a hazard removed since: the rest still shows
            continue
    return out

