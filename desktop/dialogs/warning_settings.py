"""The warning rules' numbers, each rule explained in plain words that follow the numbers as
they are edited ("同一产线/区域同类隐患 60 天内出现 5 次 → 橙色，7 次 → 红色")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.warning_rules import RULE_NAMES, RULES, SETTING_FIELDS, explain, pick
from desktop.context import AppContext
from desktop.dialogs.feedback import error_label, guard
from desktop.tasks import Op


class RuleSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Warning rules"))
        self.setMinimumSize(640, 560)
        lang = ctx.language
        current = ctx.workspace.warnings.rule_settings()
        self.fields: dict[str, dict[str, QDoubleSpinBox]] = {}
        self.explanations: dict[str, QLabel] = {}

        inner = QWidget(self)
        column = QVBoxLayout(inner)
        for rule in RULES:
            group = QGroupBox(pick(RULE_NAMES, rule, lang), inner)
            form = QFormLayout(group)
            text = QLabel(group)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(text)
            self.explanations[rule] = text
            self.fields[rule] = {}
            for name, zh, en, low, high in SETTING_FIELDS[rule]:
                box = QDoubleSpinBox(group)
                box.setRange(low, high)
                box.setDecimals(0 if float(current[rule][name]).is_integer() and name != "share"
                                else 1)
                box.setValue(float(current[rule][name]))
                box.valueChanged.connect(lambda _v, r=rule: self._explain(r))
                form.addRow(en if lang == "en" else zh, box)
                self.fields[rule][name] = box
            column.addWidget(group)
            self._explain(rule)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        self.error = error_label(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> dict[str, dict[str, float]]:
        return {rule: {name: box.value() for name, box in boxes.items()}
                for rule, boxes in self.fields.items()}

    def _explain(self, rule: str) -> None:
        if rule in self.fields and rule in self.explanations:
            self.explanations[rule].setText(explain(rule, self.values(), self.ctx.language))

    def save(self) -> None:
        ws, actor, values = self.ctx.workspace, self.ctx.actor, self.values()
        self.save_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            message = getattr(exc, "message", None)
            self.error.setText(message() if callable(message) else str(exc))
            self.error.show()

        def saved(_: object) -> None:
            self.ctx.notify("warning", [])
            self.accept()

        Op(self, lambda _: ws.warnings.save_rule_settings(actor, values), lane="db").success(
            guard(self, saved)).failure(guard(self, failed)).run()
