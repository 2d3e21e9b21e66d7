"""Add or edit one person. The service validates; its refusal is shown inside the dialog."""

from __future__ import annotations

import datetime as dt
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
    QVBoxLayout,
    QWidget,
)

from core.i18n import DomainError
from core.plant import PERSON_STATUSES, STATUS_LABELS, Person, label
from desktop.context import AppContext
from desktop.dialogs.feedback import error_label, guard
from desktop.errors import show_error
from desktop.tasks import Op


def _same(new: Any, old: Any) -> bool:
    """Form value vs stored value: the service trims text and stores empty text as NULL."""
    if isinstance(new, str):
        return new.strip() == (old or "")
    return bool(new == old)


class PersonDialog(QDialog):
    saved = Signal(str)  # the person's id, after the service stored the change

    def __init__(self, ctx: AppContext, departments: list[dict[str, Any]],
                 posts: list[dict[str, Any]], person: Person | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person = person
        self.person_id = person.id if person else ""
        self._posts = posts
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("Add person"))
        self.setMinimumWidth(420)

        self.employee_no = QLineEdit(self)
        self.employee_no.setMaxLength(32)
        self.name = QLineEdit(self)
        self.name.setMaxLength(50)
        self.gender = QComboBox(self)
        self.gender.addItem(self.tr("Not given"), None)
        self.gender.addItem(self.tr("Male"), "M")
        self.gender.addItem(self.tr("Female"), "F")
        self.department = QComboBox(self)
        self.department.addItem(self.tr("None"), None)
        for dept in departments:
            self.department.addItem(dept["name"], dept["id"])
        self.post = QComboBox(self)
        self.hire_date = QDateEdit(self)
        self.hire_date.setCalendarPopup(True)
        self.hire_date.setDisplayFormat("yyyy-MM-dd")
        self.hire_date.setMaximumDate(QDate.currentDate())
        self.hire_unknown = QCheckBox(self.tr("Unknown"), self)
        self.hire_unknown.toggled.connect(lambda on: self.hire_date.setEnabled(not on))
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("11-digit mobile or landline"))
        self.status = QComboBox(self)
        for status in PERSON_STATUSES:
            self.status.addItem(label(STATUS_LABELS, status), status)
        self.error = error_label(self)

        hire_row = QHBoxLayout()
        hire_row.addWidget(self.hire_date, 1)
        hire_row.addWidget(self.hire_unknown)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Employee no. *"), self.employee_no)
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Post"), self.post)
        form.addRow(self.tr("Hire date"), hire_row)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Status"), self.status)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.department.currentIndexChanged.connect(self._fill_posts)
        self._load(person)

    # -- values -------------------------------------------------------------------------
    def _load(self, person: Person | None) -> None:
        if person is None:
            self.hire_date.setDate(QDate.currentDate())
            self.hire_unknown.setChecked(True)
            self._fill_posts()
            return
        self.employee_no.setText(person.employee_no)
        self.name.setText(person.name)
        self.gender.setCurrentIndex(max(0, self.gender.findData(person.gender)))
        if person.department_id and self.department.findData(person.department_id) < 0:
            # Not in the list (removed on another PC): keep it rather than silently clear it.
            self.department.addItem(person.department_name or person.department_id,
                                    person.department_id)
        self.department.setCurrentIndex(max(0, self.department.findData(person.department_id)))
        self._fill_posts()
        self.post.setCurrentIndex(max(0, self.post.findData(person.post_id)))
        if person.hire_date:
            self.hire_date.setDate(QDate(person.hire_date))
        self.hire_unknown.setChecked(person.hire_date is None)
        self.phone.setText(person.phone or "")
        self.status.setCurrentIndex(max(0, self.status.findData(person.status)))

    def _fill_posts(self) -> None:
        """Offer the posts of the chosen department; with no department, every post."""
        department_id = self.department.currentData()
        current = self.post.currentData()
        self.post.blockSignals(True)
        self.post.clear()
        self.post.addItem(self.tr("None"), None)
        # The person's own post stays offered while their department is unchanged, even if the
        # post belongs elsewhere (imports allow that), so saving another field never clears it.
        kept = None
        if self.person is not None and department_id == self.person.department_id:
            kept = self.person.post_id
        for post in self._posts:
            if department_id is None or post.get("department_id") == department_id \
                    or post["id"] == kept:
                self.post.addItem(post["name"], post["id"])
        if kept and self.post.findData(kept) < 0:
            self.post.addItem(self.person.post_name or kept, kept)  # type: ignore[union-attr]
        self.post.setCurrentIndex(max(0, self.post.findData(current)))
        self.post.blockSignals(False)

    def values(self) -> dict[str, Any]:
        """The form as people-table fields (the service trims text and checks the rules)."""
        hire: dt.date | None = None
        if not self.hire_unknown.isChecked():
            hire = self.hire_date.date().toPython()
        return {
            "employee_no": self.employee_no.text(),
            "name": self.name.text(),
            "gender": self.gender.currentData(),
            "department_id": self.department.currentData(),
            "post_id": self.post.currentData(),
            "hire_date": hire,
            "phone": self.phone.text(),
            "status": self.status.currentData(),
        }

    def changes(self) -> dict[str, Any]:
        """Only the fields the clerk changed: edits merge field by field when PCs sync, so
        sending unchanged fields would overwrite another PC's newer edit of them."""
        values = self.values()
        if self.person is None:
            return values
        old = {
            "employee_no": self.person.employee_no, "name": self.person.name,
            "gender": self.person.gender, "department_id": self.person.department_id,
            "post_id": self.person.post_id, "hire_date": self.person.hire_date,
            "phone": self.person.phone, "status": self.person.status,
        }
        return {k: v for k, v in values.items() if not _same(v, old[k])}

    # -- saving -------------------------------------------------------------------------
    def save(self) -> None:
        changes = self.changes()
        if self.person is not None and not changes:
            self.accept()
            return
        self.error.hide()
        self.save_button.setEnabled(False)
        ws, actor, person_id = self.ctx.workspace, self.ctx.actor, self.person_id

        def work(_: object) -> str:
            if person_id:
                ws.people.update(actor, person_id, changes)
                return person_id
            return ws.people.add(actor, changes)

        Op(self, work, lane="db").success(guard(self, self._saved)).failure(
            guard(self, self._refused)).run()

    def _saved(self, person_id: str) -> None:
        self.person_id = person_id
        self.saved.emit(person_id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, DomainError):
            self.error.setText(exc.message())
            self.error.show()
        else:
            show_error(self, exc)
