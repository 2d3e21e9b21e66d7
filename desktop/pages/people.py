"""人员 People: search the roster, add, edit and remove people, import an HR roster from Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.people_import import PEOPLE_FIELDS
from core.plant import PERSON_STATUSES, STATUS_LABELS, PeopleQuery, Person, label
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, confirm, guard
from desktop.dialogs.import_dialog import ImportDialog
from desktop.dialogs.import_kinds import people_kind
from desktop.dialogs.person_dialog import PersonDialog
from desktop.models.people_model import COLUMNS, PeopleTableModel
from desktop.pages.base import Page
from desktop.tasks import Op
from reports.xlsx_io import write_template

SEARCH_DELAY_MS = 250  # long enough not to query on every keystroke of a typed name
# Typical widest content per column, so Chinese names and department names are not cut off.
_COLUMN_SAMPLES = {
    "employee_no": "HJ-000123", "name": "欧阳晓明", "gender": "Female",
    "department": "设备动力部维修班", "post": "焊接机器人操作工", "hire_date": "2024-03-05",
    "phone": "0571-88886666", "status": "On leave",
}


class PeoplePage(Page):
    page_id = "people"
    required_permission = Permission.VIEW_PEOPLE

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.departments: list[dict[str, Any]] = []
        self.posts: list[dict[str, Any]] = []
        self._reselect: str | None = None

        self.model = PeopleTableModel(ctx, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())

        self.toolbar = self._build_toolbar()
        self.search = QLineEdit(self)
        self.search.setObjectName("peopleSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, employee no. or phone"))
        self.search.setMinimumWidth(280)
        self.department_filter = QComboBox(self)
        self.department_filter.setMinimumContentsLength(10)
        self.department_filter.addItem(self.tr("All departments"), None)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in PERSON_STATUSES:
            self.status_filter.addItem(label(STATUS_LABELS, status), status)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("peopleCount")
        self.message = MessageBar(self)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 2)
        filters.addWidget(QLabel(self.tr("Department"), self))
        filters.addWidget(self.department_filter, 1)
        filters.addWidget(QLabel(self.tr("Status"), self))
        filters.addWidget(self.status_filter)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        self.department_filter.currentIndexChanged.connect(lambda _: self.apply_filters())
        self.status_filter.currentIndexChanged.connect(lambda _: self.apply_filters())
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
        return QCoreApplication.translate("PeoplePage", "People")

    # -- building -----------------------------------------------------------------------
    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        can_edit = self.ctx.can(Permission.EDIT_PEOPLE)
        can_import = self.ctx.can(Permission.IMPORT_PEOPLE)
        self.add_action = self._action(bar, self.tr("Add"), self.add_person, can_edit)
        self.add_action.setShortcut(QKeySequence.StandardKey.New)
        self.edit_action = self._action(bar, self.tr("Edit"), self.edit_selected, can_edit)
        self.delete_action = self._action(bar, self.tr("Delete"), self.delete_selected, can_edit)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        separator = bar.addSeparator()
        separator.setVisible(can_edit and can_import)
        self.import_action = self._action(bar, self.tr("Import Excel…"), self.open_import,
                                          can_import)
        self.template_action = self._action(bar, self.tr("Download template"),
                                            self.save_template, can_import)
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

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column, name in enumerate(COLUMNS):
            title = self.model.column_title(name)
            width = max(metrics.horizontalAdvance(_COLUMN_SAMPLES[name]),
                        metrics.horizontalAdvance(title) + 16)
            header.resizeSection(column, width + 24)

    # -- loading ------------------------------------------------------------------------
    def load_lookups(self) -> None:
        """Departments and posts for the filter and the person dialog (a small read)."""
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: object) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            return ws.structure.list(actor, "department"), ws.structure.list(actor, "post")

        Op(self, work, lane="db").success(guard(self, self._lookups_loaded)).failure(
            guard(self, self.message.show_failure)).run()

    def _lookups_loaded(self, result: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        self.departments, self.posts = result
        current = self.department_filter.currentData()
        self.department_filter.blockSignals(True)
        while self.department_filter.count() > 1:
            self.department_filter.removeItem(1)
        for dept in sorted(self.departments, key=lambda d: d["code"]):
            self.department_filter.addItem(dept["name"], dept["id"])
        index = self.department_filter.findData(current)
        self.department_filter.setCurrentIndex(max(0, index))
        self.department_filter.blockSignals(False)
        if current is not None and index < 0:
            self.apply_filters()  # the filtered department was removed

    def current_query(self) -> PeopleQuery:
        return PeopleQuery(text=self.search.text().strip(),
                           department_id=self.department_filter.currentData(),
                           status=self.status_filter.currentData())

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.current_query())

    def _loaded(self, total: int) -> None:
        self.count_label.setText(self.tr("{n} people").format(n=total))
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
        if entity in ("department", "post"):
            self.load_lookups()
            self.model.refresh()  # shown names may have changed
        elif entity == "person":
            selected = self.selected_people()
            if len(ids) == 1:
                self._reselect = ids[0]
            elif selected:
                self._reselect = selected[0].id
            self.model.refresh()

    # -- actions ------------------------------------------------------------------------
    def selected_people(self) -> list[Person]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [p for p in (self.model.person(r) for r in rows) if p is not None]

    def _update_actions(self) -> None:
        count = len(self.selected_people())
        self.edit_action.setEnabled(count == 1)
        self.delete_action.setEnabled(count >= 1)

    def add_person(self) -> PersonDialog:
        return self._open_person_dialog(None)

    def edit_selected(self) -> PersonDialog | None:
        people = self.selected_people()
        if len(people) != 1 or not self.ctx.can(Permission.EDIT_PEOPLE):
            return None
        return self._open_person_dialog(people[0])

    def _open_person_dialog(self, person: Person | None) -> PersonDialog:
        dialog = PersonDialog(self.ctx, self.departments, self.posts, person, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda person_id: self.ctx.notify("person", [person_id]))
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        people = self.selected_people()
        if not people:
            return
        if len(people) == 1:
            text = self.tr("Delete {name} ({no}) from the roster?").format(
                name=people[0].name, no=people[0].employee_no)
        else:
            text = self.tr("Delete the {n} selected people from the roster?").format(
                n=len(people))
        text += "\n" + self.tr("Their past records (training, inspections) are kept.")
        confirm(self, self.tr("Delete people"), text, self.tr("Delete"),
                lambda: self._delete(people))

    def _delete(self, people: list[Person]) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        ids = [p.id for p in people]

        def work(_: object) -> list[str]:
            # Deletes are tombstones: the person disappears from lists but still syncs.
            return [pid for pid in ids if ws.people.remove(actor, pid)]

        def done(removed: list[str]) -> None:
            self.message.show_message(
                self.tr("Deleted {n} people.").format(n=len(removed)), "success")
            self.ctx.notify("person", removed)

        Op(self, work, lane="db").success(guard(self, done)).failure(
            guard(self, self.message.show_failure)).run()

    def open_import(self, path: str | None = None) -> ImportDialog:
        dialog = ImportDialog(self.ctx, people_kind(self.ctx), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if path:
            dialog.load_file(path)
        return dialog

    def save_template(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / self.tr("people-import-template.xlsx"))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the import template"), suggested,
            self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.write_template_to(path)

    def write_template_to(self, path: str) -> None:
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        lang = self.ctx.language

        def done(_: object) -> None:
            self.message.show_message(
                self.tr("Template saved to {path}").format(path=path), "success")

        Op(self, lambda _: write_template(path, PEOPLE_FIELDS, lang), lane="io").success(
            guard(self, done)).failure(guard(self, self.message.show_failure)).run()

    # -- page contract ------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
