"""Add or edit a risk point: where (area / machine / post), what (activity, hazard factors,
possible accidents), who answers for it (control level, department, person), when it is
reviewed, and its control measures by kind (one measure per line). The service validates; its
refusal is shown inside the dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.equipment import EquipmentQuery
from core.i18n import DomainError
from core.plant import PeopleQuery
from core.risk import (
    ACCIDENT_TYPES,
    CONTROL_LEVEL_LABELS,
    CONTROL_LEVELS,
    KIND_LABELS,
    KINDS,
    MEASURE_KINDS,
    MEASURE_LABELS,
    ControlMeasure,
    RiskPoint,
    label,
)
from desktop.context import AppContext
from desktop.dialogs.feedback import error_label, guard
from desktop.tasks import Op

EQUIPMENT_LIMIT = 2000  # machines offered per area; more than any real workshop holds


class RiskPointDialog(QDialog):
    saved = Signal(str)  # the risk point id

    def __init__(self, ctx: AppContext, point: RiskPoint | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.point = point
        self._measures: list[ControlMeasure] = []
        self.setWindowTitle(self.tr("Edit risk point") if point else self.tr("New risk point"))
        self.setMinimumWidth(640)

        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("Automatic (FX-001 …)"))
        self.name = QLineEdit(self)
        self.name.setObjectName("riskName")
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(label(KIND_LABELS, kind), kind)
        self.area = self._combo(self.tr("(none)"))
        self.equipment = self._combo(self.tr("(none)"))
        self.post = self._combo(self.tr("(none)"))
        self.department = self._combo(self.tr("(none)"))
        self.activity = QLineEdit(self)
        self.activity.setPlaceholderText(self.tr("e.g. 动火作业, 有限空间作业, 换模调模"))
        self.hazards = QPlainTextEdit(self)
        self.hazards.setPlaceholderText(self.tr("What can go wrong here: moving parts, solvent "
                                                "vapour, live parts …"))
        self.hazards.setFixedHeight(60)
        self.accidents = QLineEdit(self)
        self.accident_pick = QComboBox(self)
        self.accident_pick.addItem(self.tr("Add a GB 6441 category …"), None)
        for name in ACCIDENT_TYPES:
            self.accident_pick.addItem(name, name)
        self.accident_pick.activated.connect(self._add_accident)
        accidents = QHBoxLayout()
        accidents.addWidget(self.accidents, 2)
        accidents.addWidget(self.accident_pick, 1)
        self.level = self._combo(self.tr("(not set)"))
        for level in CONTROL_LEVELS:
            self.level.addItem(label(CONTROL_LEVEL_LABELS, level), level)
        self.resp_department = self._combo(self.tr("(none)"))
        self.resp_person = self._combo(self.tr("(none)"))
        self.review_on = QCheckBox(self.tr("Review on"), self)
        self.review = QDateEdit(self)
        self.review.setCalendarPopup(True)
        self.review.setDisplayFormat("yyyy-MM-dd")
        self.review.setDate(QDate.currentDate().addYears(1))
        self.review.setEnabled(False)
        self.review_on.toggled.connect(self.review.setEnabled)
        review = QHBoxLayout()
        review.addWidget(self.review_on)
        review.addWidget(self.review, 1)
        self.notes = QLineEdit(self)

        self.measure_edits: dict[str, QPlainTextEdit] = {}
        self.tabs = QTabWidget(self)
        for kind in MEASURE_KINDS:
            edit = QPlainTextEdit(self)
            edit.setPlaceholderText(self.tr("One measure per line"))
            self.measure_edits[kind] = edit
            self.tabs.addTab(edit, label(MEASURE_LABELS, kind))
        self.tabs.setMinimumHeight(120)

        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Equipment"), self.equipment)
        form.addRow(self.tr("Work activity"), self.activity)
        form.addRow(self.tr("Post"), self.post)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Hazard factors"), self.hazards)
        form.addRow(self.tr("Possible accidents"), accidents)
        form.addRow(self.tr("Control level"), self.level)
        form.addRow(self.tr("Responsible department"), self.resp_department)
        form.addRow(self.tr("Responsible person"), self.resp_person)
        form.addRow(self.tr("Review date"), review)
        form.addRow(self.tr("Notes"), self.notes)

        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.area.currentIndexChanged.connect(lambda _: self._load_equipment())
        self.resp_department.currentIndexChanged.connect(lambda _: self._load_people())
        self._fill_from_point()
        self._load_lookups()

    def _combo(self, nothing: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(nothing, None)
        return combo

    def _add_accident(self, index: int) -> None:
        name = self.accident_pick.itemData(index)
        self.accident_pick.setCurrentIndex(0)
        if not name:
            return
        current = [a for a in self.accidents.text().split("、") if a.strip()]
        if name not in current:
            self.accidents.setText("、".join([*current, name]))

    def _fill_from_point(self) -> None:
        p = self.point
        if p is None:
            return
        self.code.setText(p.code)
        self.name.setText(p.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(p.kind)))
        self.activity.setText(p.activity or "")
        self.hazards.setPlainText(p.hazard_factors or "")
        self.accidents.setText(p.possible_accidents or "")
        self.level.setCurrentIndex(max(0, self.level.findData(p.control_level)))
        if p.review_date:
            self.review_on.setChecked(True)
            self.review.setDate(QDate(p.review_date.year, p.review_date.month, p.review_date.day))
        self.notes.setText(p.notes or "")

    # -- lookups (off the UI thread) -------------------------------------------------------
    def _load_lookups(self) -> None:
        ws, actor, point_id = self.ctx.workspace, self.ctx.actor, self.point.id if self.point else None

        def work(_: object) -> dict[str, Any]:
            return {
                "area": ws.structure.list(actor, "area"),
                "post": ws.structure.list(actor, "post"),
                "department": ws.structure.list(actor, "department"),
                "measures": ws.risk.measures(actor, point_id) if point_id else [],
            }

        Op(self, work, lane="db").success(guard(self, self._lookups_loaded)).failure(
            guard(self, self._failed)).run()

    def _lookups_loaded(self, found: dict[str, Any]) -> None:
        p = self.point
        # The equipment of an equipment point stands in its machine's area.
        area_id = (p.area_id if p else None)
        self._fill(self.area, found["area"], area_id)
        departments = {d["id"]: d["name"] for d in found["department"]}
        self._fill(self.post, [{"id": x["id"], "name": f"{x['name']} · "
                                f"{departments.get(x.get('department_id'), '')}"}
                               for x in found["post"]], p.post_id if p else None)
        self._fill(self.department, found["department"], p.department_id if p else None)
        self._fill(self.resp_department, found["department"],
                   p.responsible_department_id if p else None)
        for m in found["measures"]:
            edit = self.measure_edits[m.kind]
            edit.setPlainText((edit.toPlainText() + "\n" + m.text).strip())
        self._load_equipment()
        self._load_people()

    @staticmethod
    def _fill(combo: QComboBox, items: list[dict[str, Any]], current: str | None) -> None:
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for item in sorted(items, key=lambda i: i.get("code") or i["name"]):
            combo.addItem(item["name"], item["id"])
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _load_equipment(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        area_id = self.area.currentData()
        keep = self.equipment.currentData() or (self.point.equipment_id if self.point else None)

        def work(_: object) -> list[dict[str, Any]]:
            items, _total = ws.equipment.search_page(actor, EquipmentQuery(area_id=area_id), 0,
                                                     EQUIPMENT_LIMIT)
            found = [{"id": e.id, "name": f"{e.code} {e.name}", "code": e.code} for e in items]
            if keep and not any(f["id"] == keep for f in found):
                e = ws.equipment.get(actor, keep)
                if e is not None:  # an equipment point made before its area was chosen
                    found.insert(0, {"id": e.id, "name": f"{e.code} {e.name}", "code": ""})
            return found

        Op(self, work, lane="db").success(
            guard(self, lambda items: self._fill(self.equipment, items, keep))).failure(
            guard(self, self._failed)).run()

    def _load_people(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        department = self.resp_department.currentData()
        keep = self.resp_person.currentData() or (
            self.point.responsible_person_id if self.point else None)

        def work(_: object) -> list[dict[str, Any]]:
            if not department:
                return []
            people = ws.people.search(actor, PeopleQuery(department_id=department, status="active"),
                                      0, 500)
            return [{"id": p.id, "name": f"{p.name} {p.employee_no}", "code": p.employee_no}
                    for p in people]

        Op(self, work, lane="db").success(
            guard(self, lambda items: self._fill(self.resp_person, items, keep))).failure(
            guard(self, self._failed)).run()

    # -- saving ----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        review = self.review.date().toString("yyyy-MM-dd") if self.review_on.isChecked() else None
        return {
            "code": self.code.text(), "name": self.name.text(), "kind": self.kind.currentData(),
            "area_id": self.area.currentData(), "equipment_id": self.equipment.currentData(),
            "post_id": self.post.currentData(), "department_id": self.department.currentData(),
            "activity": self.activity.text(), "hazard_factors": self.hazards.toPlainText(),
            "possible_accidents": self.accidents.text(), "control_level": self.level.currentData(),
            "responsible_department_id": self.resp_department.currentData(),
            "responsible_person_id": self.resp_person.currentData(), "review_date": review,
            "notes": self.notes.text(),
        }

    def measures(self) -> list[tuple[str, str]]:
        return [(kind, line) for kind, edit in self.measure_edits.items()
                for line in edit.toPlainText().splitlines() if line.strip()]

    def save(self) -> Op:
        ws, actor = self.ctx.workspace, self.ctx.actor
        values, measures = self.values(), self.measures()
        point = self.point
        self.buttons.setEnabled(False)

        def work(_: object) -> str:
            if point is None:
                return ws.risk.add(actor, values, measures)
            changes = {k: v for k, v in values.items() if k != "code" or v.strip()}
            ws.risk.edit(actor, point.id, changes, measures)
            return point.id

        def done(point_id: str) -> None:
            self.saved.emit(point_id)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self._failed(exc)

        return Op(self, work, lane="db").success(guard(self, done)).failure(
            guard(self, failed)).run()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(exc.message() if isinstance(exc, DomainError) else str(exc))
        self.error.show()
