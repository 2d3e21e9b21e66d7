"""The clerk's check of a 随手拍 report (待核实): accept it into the workflow (with an optional
reward), turn it down with a reason the reporter can be told, or merge it into the hazard it
repeats."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.hazards import HAZARD_TYPES, STEP_LABELS, Hazard, HazardQuery, label
from core.i18n import DomainError
from core.workflow import ARCHIVE, CLOSED, DISCOVER, PENDING, RECTIFY, REVIEW
from desktop.context import AppContext
from desktop.dialogs.feedback import error_label, guard
from desktop.errors import show_error
from desktop.tasks import Op

SEARCH_DELAY_MS = 250
MERGE_TARGET_STEPS = (PENDING, DISCOVER, RECTIFY, REVIEW, ARCHIVE, CLOSED)
ACCEPT, REJECT, MERGE = "accept", "reject", "merge"


class VerifyDialog(QDialog):
    decided = Signal(str, str)  # hazard id, "accept" | "reject" | "merge"

    def __init__(self, ctx: AppContext, hazard_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hazard_id = hazard_id
        self.hazard: Hazard | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Check a report"))
        self.setMinimumWidth(560)

        self.summary = QLabel(self)
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setStyleSheet("#reportSummary { background: #f3f5f7; border: 1px solid "
                                   "#dde1e6; border-radius: 4px; padding: 10px; }")
        self.summary.setText(self.tr("Loading…"))

        self.accept_choice = QRadioButton(self.tr("Accept: it is a real hazard"), self)
        self.reject_choice = QRadioButton(self.tr("Not accepted: not a safety hazard"), self)
        self.merge_choice = QRadioButton(self.tr("Duplicate: already reported"), self)
        self.choices = QButtonGroup(self)
        for number, button in enumerate((self.accept_choice, self.reject_choice,
                                         self.merge_choice)):
            self.choices.addButton(button, number)
        self.accept_choice.setChecked(True)
        choice_row = QVBoxLayout()
        choice_row.setSpacing(4)
        for button in self.choices.buttons():
            choice_row.addWidget(button)

        self.panels = QStackedWidget(self)
        self.panels.addWidget(self._accept_panel())
        self.panels.addWidget(self._reject_panel())
        self.panels.addWidget(self._merge_panel())
        self.choices.idToggled.connect(self._choice_toggled)

        self.error = error_label(self)
        self.ok_button = QPushButton(self.tr("Accept report"), self)
        self.ok_button.setObjectName("decide")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.summary)
        layout.addLayout(choice_row)
        layout.addWidget(self.panels, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_targets)
        self.merge_search.textChanged.connect(lambda _: self._search_timer.start())
        self.merge_search.returnPressed.connect(self.search_targets)
        self._set_enabled(False)
        self._load()

    # -- building ------------------------------------------------------------------------
    def _accept_panel(self) -> QWidget:
        panel = QWidget(self)
        self.reward = QDoubleSpinBox(panel)
        self.reward.setObjectName("reward")
        self.reward.setRange(0, 100000)
        self.reward.setDecimals(0)
        self.reward.setSingleStep(10)
        self.reward.setPrefix("¥ ")
        self.reward.setMaximumWidth(180)
        self.reward.setSpecialValueText(self.tr("No reward"))
        self.accept_note = QLineEdit(panel)
        self.accept_note.setPlaceholderText(self.tr("Optional, e.g. good catch"))
        self.points_hint = QLabel(panel)
        self.points_hint.setWordWrap(True)
        self.points_hint.setStyleSheet("color: #5f6b78;")
        form = QFormLayout(panel)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Reward"), self.reward)
        form.addRow(self.tr("Note"), self.accept_note)
        form.addRow(self.points_hint)
        return panel

    def _reject_panel(self) -> QWidget:
        panel = QWidget(self)
        self.reason = QPlainTextEdit(panel)
        self.reason.setObjectName("rejectReason")
        self.reason.setPlaceholderText(
            self.tr("Why it is not accepted (the reporter is told), e.g. not a safety hazard; "
                    "already fixed"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(100)
        form = QFormLayout(panel)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Reason *"), self.reason)
        return panel

    def _merge_panel(self) -> QWidget:
        panel = QWidget(self)
        self.merge_search = QLineEdit(panel)
        self.merge_search.setObjectName("mergeSearch")
        self.merge_search.setClearButtonEnabled(True)
        self.merge_search.setPlaceholderText(self.tr("Search by hazard number or description"))
        self.targets = QListWidget(panel)
        self.targets.setObjectName("mergeTargets")
        self.targets.setMinimumHeight(140)
        self.targets.setSpacing(2)
        self.targets.setAlternatingRowColors(True)
        self.targets.itemDoubleClicked.connect(lambda _: self.submit())
        self.targets_hint = QLabel(panel)
        self.targets_hint.setStyleSheet("color: #5f6b78;")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Which hazard does it repeat?"), panel))
        layout.addWidget(self.merge_search)
        layout.addWidget(self.targets, 1)
        layout.addWidget(self.targets_hint)
        return panel

    def _choice_toggled(self, number: int, checked: bool) -> None:
        if not checked:
            return
        self.panels.setCurrentIndex(number)
        self.error.hide()
        self.ok_button.setText((self.tr("Accept report"), self.tr("Turn down"),
                                self.tr("Merge"))[number])
        if number == 1:
            self.reason.setFocus()
        elif number == 2:
            self.merge_search.setFocus()
            if self.targets.count() == 0:
                self.search_targets()

    def choice(self) -> str:
        return (ACCEPT, REJECT, MERGE)[max(0, self.choices.checkedId())]

    def choose(self, choice: str) -> None:
        {ACCEPT: self.accept_choice, REJECT: self.reject_choice,
         MERGE: self.merge_choice}[choice].setChecked(True)

    # -- loading -------------------------------------------------------------------------
    def _load(self) -> None:
        ws, actor, hazard_id = self.ctx.workspace, self.ctx.actor, self.hazard_id
        Op(self, lambda _: (ws.hazards.get(actor, hazard_id), ws.points.rules()),
           lane="db").success(guard(self, self._loaded)).failure(guard(self, self._failed)).run()

    def _loaded(self, result: tuple[Hazard, dict[str, int]]) -> None:
        hazard, rules = result
        self.hazard = hazard
        self.points_hint.setText(
            self.tr("The reporter earns {points} safety points; the hazard then waits to be "
                    "dispatched.").replace("{points}", str(rules.get("verified_report", 0))))
        rows = [
            (self.tr("Reported by"), hazard.reporter_name or ""),
            (self.tr("Found"), hazard.found_at.strftime("%Y-%m-%d %H:%M")),
            (self.tr("Area"), hazard.area_name or "—"),
            (self.tr("Equipment"), hazard.equipment_code or "—"),
            (self.tr("Kind"), label(HAZARD_TYPES, hazard.type)),
        ]
        table = "".join(f"<tr><td style='color:#5f6b78; padding-right:12px'>{html.escape(k)}"
                        f"</td><td>{html.escape(v)}</td></tr>" for k, v in rows)
        self.summary.setText(
            f"<b>{html.escape(hazard.number)}</b> · {html.escape(label(STEP_LABELS, hazard.step))}"
            f"<p style='margin:6px 0'>{html.escape(hazard.description)}</p><table>{table}</table>")
        if not self.ctx.can(Permission.VERIFY_REPORT):
            self._show_error(self.tr("Only the safety office checks reports."))
            return
        if hazard.step not in (PENDING, DISCOVER):
            self._show_error(self.tr("This report has already been handled ({step}).")
                             .replace("{step}", label(STEP_LABELS, hazard.step)))
            return
        self._set_enabled(True)
        if hazard.step == DISCOVER:
            # Already accepted (or recorded by staff): it can still turn out to be a duplicate.
            self.accept_choice.setEnabled(False)
            self.reject_choice.setEnabled(False)
            self.choose(MERGE)

    def search_targets(self) -> None:
        self._search_timer.stop()
        hazards, actor = self.ctx.workspace.hazards, self.ctx.actor
        text = self.merge_search.text().strip()
        query = HazardQuery(text=text, steps=MERGE_TARGET_STEPS)
        Op(self, lambda _: hazards.search_page(actor, query, 0, 50), lane="db").success(
            guard(self, lambda result: self._targets_found(text, result))).failure(
            guard(self, self._failed)).run()

    def _targets_found(self, text: str, result: tuple[list[Hazard], int]) -> None:
        if text != self.merge_search.text().strip():
            return
        found, total = result
        self.targets.clear()
        for hazard in found:
            if hazard.id == self.hazard_id:
                continue
            item = QListWidgetItem(f"{hazard.number}  ·  {label(STEP_LABELS, hazard.step)}\n"
                                   f"{_one_line(hazard.description)}")
            item.setData(Qt.ItemDataRole.UserRole, hazard.id)
            item.setToolTip(hazard.description)
            self.targets.addItem(item)
        shown = self.targets.count()
        if shown == 0:
            self.targets_hint.setText(self.tr("No hazard matches."))
        elif total > len(found):
            self.targets_hint.setText(self.tr("Showing the newest {n}; type more to narrow it "
                                              "down.").replace("{n}", str(shown)))
        else:
            self.targets_hint.setText("")

    # -- deciding ------------------------------------------------------------------------
    def submit(self) -> None:
        if self._busy or self.hazard is None or not self.ok_button.isEnabled():
            return
        hazards, actor, hazard_id = self.ctx.workspace.hazards, self.ctx.actor, self.hazard_id
        choice = self.choice()
        changed = [hazard_id]
        if choice == ACCEPT:
            reward = self.reward.value() or None
            note = self.accept_note.text().strip()

            def work(_: object) -> object:
                return hazards.verify(actor, hazard_id, reward=reward, note=note)
        elif choice == REJECT:
            reason = self.reason.toPlainText().strip()
            if not reason:
                self._show_error(self.tr("Please give the reason; the reporter will be told."),
                                 self.reason)
                return

            def work(_: object) -> object:
                return hazards.reject_report(actor, hazard_id, reason)
        else:
            item = self.targets.currentItem()
            if item is None or not self.targets.selectedItems():
                self._show_error(self.tr("Choose the hazard this report repeats."),
                                 self.merge_search)
                return
            into = item.data(Qt.ItemDataRole.UserRole)
            changed.append(into)

            def work(_: object) -> object:
                return hazards.merge(actor, hazard_id, into)

        self._set_busy(True)
        Op(self, work, lane="db").success(
            guard(self, lambda _state: self._decided(choice, changed))).failure(
            guard(self, self._decide_failed)).run()

    def _decided(self, choice: str, changed: list[str]) -> None:
        self._set_busy(False)
        self.ctx.notify("hazard", changed)
        self.decided.emit(self.hazard_id, choice)
        self.accept()

    def _decide_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self._show_error(exc.message())
        else:
            show_error(self, exc)

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def _show_error(self, text: str, focus: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        if focus is not None:
            focus.setFocus()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (*self.choices.buttons(), self.panels, self.ok_button):
            widget.setEnabled(enabled)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._set_enabled(not busy)
        self.cancel_button.setEnabled(not busy)
        if busy:
            self.error.hide()

    def reject(self) -> None:
        if not self._busy:
            super().reject()


def _one_line(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
