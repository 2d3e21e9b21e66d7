"""The warnings list as a table model: severity (coloured), rule, subject, title, state, since."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from core.colours import RISK_COLOURS, RISK_TEXT_COLOURS
from core.warning_rules import RULE_NAMES, SEVERITY_LABELS, pick
from core.warnings import STATE_LABELS, WarningItem
from desktop.models.list_model import ROW_ROLE, ListTableModel

# A warning's severity is drawn in the four-colour scheme: red, orange, yellow; a suggestion
# is blue (the lowest grade's colour).
SEVERITY_GRADE = {"red": "major", "orange": "considerable", "yellow": "general",
                  "suggestion": "low"}
WARNING_ROLE = ROW_ROLE


def severity_colours(severity: str) -> tuple[str, str]:
    grade = SEVERITY_GRADE.get(severity, "low")
    return RISK_COLOURS[grade], RISK_TEXT_COLOURS[grade]


class WarningTableModel(ListTableModel):
    COLUMNS = ("severity", "rule", "subject", "title", "state", "first_seen")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = "zh_CN"

    @property
    def items(self) -> list[WarningItem]:
        return self.rows

    def set_items(self, items: list[WarningItem], lang: str) -> None:
        self.lang = lang
        self.set_rows(items)

    def item(self, row: int) -> WarningItem | None:
        return self.record(row)

    def row_of(self, warning_id: str) -> int:
        return next((i for i, w in enumerate(self.rows) if w.id == warning_id), -1)

    def column_title(self, column: str) -> str:
        return {
            "severity": QCoreApplication.translate("WarningTableModel", "Level"),
            "rule": QCoreApplication.translate("WarningTableModel", "Rule"),
            "subject": QCoreApplication.translate("WarningTableModel", "Where"),
            "title": QCoreApplication.translate("WarningTableModel", "Warning"),
            "state": QCoreApplication.translate("WarningTableModel", "State"),
            "first_seen": QCoreApplication.translate("WarningTableModel", "Raised"),
        }[column]

    def cell(self, w: WarningItem, column: str, role: int, row: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "severity": pick(SEVERITY_LABELS, w.severity, self.lang),
                "rule": pick(RULE_NAMES, w.rule, self.lang),
                "subject": w.params.get("subject", ""),
                "title": w.title(self.lang),
                "state": pick(STATE_LABELS, w.state.state, self.lang),
                "first_seen": w.first_seen[:16].replace("T", " "),
            }[column]
        if column == "severity" and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(severity_colours(w.severity)[0]))
        if column == "severity" and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(severity_colours(w.severity)[1]))
        if role == Qt.ItemDataRole.ForegroundRole and not w.active:
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return w.explanation(self.lang)
        if role == Qt.ItemDataRole.ToolTipRole and column == "subject":
            return w.params.get("subject", "")  # the column may be too narrow for all of it
        return None
