"""Assess a risk point: LEC (D = L×E×C) or the 5×5 matrix (R = L×S), by plain-language choices.

Each factor is a list of sentences a clerk recognises ("daily during working hours"); the value
behind it (E = 6) is shown beside the sentence, with one line explaining the factor. Score, grade
and colour update as the choices change; the point's earlier assessments are listed below.
Saving appends an assessment; the service makes it the point's current grade.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.colours import NOT_ASSESSED_COLOUR, RISK_TEXT_COLOURS
from core.i18n import DomainError
from core.risk import (
    FACTOR_HELP,
    FACTOR_NAMES,
    FACTORS,
    METHOD_LABELS,
    SCORING_KEY,
    Assessment,
    RiskPoint,
    Score,
    Scoring,
    colour_of,
    grade_label,
    label,
    lec_level,
    score,
    scoring_or_default,
    scoring_problem,
)
from desktop.context import AppContext
from desktop.dialogs.feedback import error_label, guard
from desktop.tasks import Op

LEC_FACTORS = ("l", "e", "c")
LS_FACTORS = ("likelihood", "severity")


def _help(key: str) -> str:
    zh, en = FACTOR_HELP[key]
    return en if i18n.language() == "en" else zh


class AssessmentDialog(QDialog):
    saved = Signal(str)  # the risk point id

    def __init__(self, ctx: AppContext, point: RiskPoint, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.point = point
        self.scoring: Scoring = scoring_or_default(None)
        self.setWindowTitle(self.tr("Assess risk: {name}").format(name=point.name))
        self.setMinimumWidth(720)

        heading = QLabel(f"<b>{point.code}</b>  {point.name}", self)
        heading.setWordWrap(True)
        self.lec_radio = QRadioButton(label(METHOD_LABELS, "lec"), self)
        self.ls_radio = QRadioButton(label(METHOD_LABELS, "ls"), self)
        self.method_group = QButtonGroup(self)
        self.method_group.addButton(self.lec_radio)
        self.method_group.addButton(self.ls_radio)
        (self.ls_radio if point.method == "ls" else self.lec_radio).setChecked(True)
        methods = QHBoxLayout()
        methods.addWidget(QLabel(self.tr("Method:"), self))
        methods.addWidget(self.lec_radio)
        methods.addWidget(self.ls_radio)
        methods.addStretch(1)

        self.combos: dict[str, QComboBox] = {}
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._factor_page(LEC_FACTORS, "d"))
        self.stack.addWidget(self._factor_page(LS_FACTORS, "r"))

        self.result_label = QLabel(self)
        self.result_label.setObjectName("assessmentResult")
        self.grade_chip = QLabel(self)
        self.grade_chip.setObjectName("assessmentGrade")
        self.grade_chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grade_chip.setMinimumWidth(120)
        self.level_label = QLabel(self)
        self.level_label.setWordWrap(True)
        # A broken risk.scoring setting: the grade shown uses the default thresholds.
        self.scoring_notice = QLabel(i18n.t("risk.scoring_fallback"), self)
        self.scoring_notice.setObjectName("scoringNotice")
        self.scoring_notice.setWordWrap(True)
        self.scoring_notice.setStyleSheet(
            "#scoringNotice { background: #FFF6E6; border: 1px solid #F2CF92; color: #7A4B00;"
            " border-radius: 4px; padding: 4px 10px; }")
        self.scoring_notice.hide()
        result = QHBoxLayout()
        result.addWidget(self.result_label, 1)
        result.addWidget(self.grade_chip)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Why this assessment (optional), e.g. after fitting "
                                             "a light curtain"))

        self.history = QTableWidget(0, 6, self)
        self.history.setObjectName("assessmentHistory")
        self.history.setHorizontalHeaderLabels([
            self.tr("Assessed"), self.tr("Method"), self.tr("Factors"), self.tr("Score"),
            self.tr("Grade"), self.tr("Assessor / note")])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.history.setMinimumHeight(120)
        history_box = QGroupBox(self.tr("Assessment history"), self)
        QVBoxLayout(history_box).addWidget(self.history)

        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(methods)
        layout.addWidget(self.stack)
        layout.addLayout(result)
        layout.addWidget(self.level_label)
        layout.addWidget(self.scoring_notice)
        layout.addWidget(self.note)
        layout.addWidget(history_box, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.method_group.buttonToggled.connect(lambda *_: self.update_result())
        self._preselect()
        self.update_result()
        self._load()

    # -- building ------------------------------------------------------------------------
    def _factor_page(self, factors: tuple[str, ...], total: str) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        for key in factors:
            combo = QComboBox(page)
            combo.setObjectName(f"factor_{key}")
            for choice in FACTORS[key]:
                combo.addItem(f"{choice.text()}  ({choice.value:g})", choice.value)
            combo.currentIndexChanged.connect(lambda _: self.update_result())
            self.combos[key] = combo
            explain = QLabel(_help(key), page)
            explain.setWordWrap(True)
            explain.setStyleSheet("color: #5f6368;")
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(combo)
            box.addWidget(explain)
            form.addRow(label(FACTOR_NAMES, key), box)
        formula = QLabel(_help(total), page)
        formula.setWordWrap(True)
        formula.setStyleSheet("color: #5f6368;")
        form.addRow("", formula)
        return page

    def _preselect(self) -> None:
        """Start from the point's last values, else from the middle of each table."""
        defaults = {"l": 3, "e": 6, "c": 7, "likelihood": 3, "severity": 3}
        for key, combo in self.combos.items():
            index = combo.findData(float(defaults[key]))
            combo.setCurrentIndex(max(0, index))

    # -- state ---------------------------------------------------------------------------
    @property
    def method(self) -> str:
        return "ls" if self.ls_radio.isChecked() else "lec"

    def values(self) -> dict[str, Any]:
        keys = LEC_FACTORS if self.method == "lec" else LS_FACTORS
        return {k: self.combos[k].currentData() for k in keys}

    def current_score(self) -> Score:
        return score(self.method, self.values(), self.scoring)

    def update_result(self) -> None:
        self.stack.setCurrentIndex(0 if self.method == "lec" else 1)
        result = self.current_score()
        v = result.values
        if result.method == "lec":
            text = f"D = L × E × C = {v['l']:g} × {v['e']:g} × {v['c']:g} = {result.score:g}"
            self.level_label.setText(lec_level(result.score))
        else:
            text = f"R = L × S = {v['likelihood']:g} × {v['severity']:g} = {result.score:g}"
            self.level_label.setText("")
        self.result_label.setText(f"<span style='font-size:15px'><b>{text}</b></span>")
        self.grade_chip.setText(grade_label(result.grade))
        colour = colour_of(result.grade, self.scoring) or NOT_ASSESSED_COLOUR
        self.grade_chip.setStyleSheet(
            f"background: {colour}; color: {RISK_TEXT_COLOURS.get(result.grade, '#FFFFFF')};"
            "border-radius: 10px; padding: 4px 12px; font-weight: bold;")
        self.grade_chip.setProperty("grade", result.grade)

    # -- loading -------------------------------------------------------------------------
    def _load(self) -> None:
        ws, actor, point_id = self.ctx.workspace, self.ctx.actor, self.point.id
        def work(_: object) -> tuple[list[Assessment], str | None]:
            return ws.risk.history(actor, point_id), ws.settings.get(SCORING_KEY)

        Op(self, work, lane="db").success(guard(self, self._loaded)).failure(
            guard(self, self._failed)).run()

    def _loaded(self, result: tuple[list[Assessment], str | None]) -> None:
        history, setting = result
        self.scoring = scoring_or_default(setting)
        problem = scoring_problem(setting)
        self.scoring_notice.setVisible(problem is not None)
        if problem is not None:
            self.scoring_notice.setToolTip(problem.message())
        self.show_history(history)
        if history:
            last = history[0]
            (self.ls_radio if last.method == "ls" else self.lec_radio).setChecked(True)
            values = ({"l": last.l, "e": last.e, "c": last.c} if last.method == "lec"
                      else {"likelihood": last.likelihood, "severity": last.severity})
            for key, value in values.items():
                index = self.combos[key].findData(float(value or 0))
                if index >= 0:
                    self.combos[key].setCurrentIndex(index)
        self.update_result()

    def show_history(self, history: list[Assessment]) -> None:
        self.history.setRowCount(len(history))
        for row, a in enumerate(history):
            who = " · ".join(x for x in (a.assessor_name, a.note) if x)
            cells = [a.assessed_at.strftime("%Y-%m-%d %H:%M"), "LEC" if a.method == "lec" else "LS",
                     a.factors_text(), f"{a.score:g}", grade_label(a.grade), who]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4:
                    item.setBackground(QColor(colour_of(a.grade, self.scoring)))
                    item.setForeground(QColor(RISK_TEXT_COLOURS.get(a.grade, "#000000")))
                self.history.setItem(row, column, item)
        self.history.resizeColumnsToContents()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(exc.message() if isinstance(exc, DomainError) else str(exc))
        self.error.show()

    # -- saving --------------------------------------------------------------------------
    def save(self) -> Op:
        ws, actor, point_id = self.ctx.workspace, self.ctx.actor, self.point.id
        method, values, note = self.method, self.values(), self.note.text()
        self.buttons.setEnabled(False)

        def work(_: object) -> Score:
            return ws.risk.assess(actor, point_id, method, values, note)

        def done(_result: Score) -> None:
            self.saved.emit(point_id)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self._failed(exc)

        return Op(self, work, lane="db").success(guard(self, done)).failure(
            guard(self, failed)).run()

