"""点检 Inspections: what is due today (missed checks first, in red), who checked what and
when, the checklists per equipment type and the schedules that make checks due.

Due and history are for everyone who inspects; checklists and schedules are the safety office's
(``EDIT_CHECKLISTS``) and their tabs are hidden from others. Everything refreshes when
``ctx.data_changed`` says an inspection, checklist, schedule or machine changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.equipment import Equipment, EquipmentQuery
from core.i18n import DomainError
from core.inspections import (
    FREQUENCIES,
    FREQUENCY_LABELS,
    OVERDUE,
    DueItem,
    InspectionQuery,
    Schedule,
)
from core.plant import PeopleQuery, label
from desktop.context import AppContext
from desktop.dialogs.checklist_editor import ChecklistEditor
from desktop.dialogs.equipment_card import EquipmentCardDialog
from desktop.dialogs.feedback import MessageBar, confirm, error_label, guard
from desktop.dialogs.inspection_run import InspectionDetailDialog, InspectionRunDialog
from desktop.errors import show_error
from desktop.models.inspection_models import (
    DueTableModel,
    HistoryTableModel,
    ScheduleTableModel,
    schedule_scope,
)
from desktop.pages.base import Page
from desktop.tasks import Op

EVERYONE, ME = "", "me"  # the inspector filter's first two choices (then person ids)



def _table(parent: QWidget, model: Any) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _toolbar(parent: QWidget) -> QToolBar:
    bar = QToolBar(parent)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.setMovable(False)
    return bar


class ScheduleDialog(QDialog):
    """Add a schedule (one machine or a whole type) or change one (frequency, start, paused)."""

    saved = Signal(str)  # the schedule id

    def __init__(self, ctx: AppContext, types: list[dict[str, Any]],
                 schedule: Schedule | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.schedule = schedule
        self.setWindowTitle(self.tr("Change schedule") if schedule else self.tr("Add schedule"))
        self.setMinimumWidth(460)
        self.for_type = QRadioButton(self.tr("Every machine of a type"), self)
        self.for_machine = QRadioButton(self.tr("One machine"), self)
        scope = QButtonGroup(self)
        scope.addButton(self.for_type)
        scope.addButton(self.for_machine)
        self.type_combo = QComboBox(self)
        for kind in types:
            self.type_combo.addItem(kind["name"], kind["id"])
        self.machine_code = QLineEdit(self)
        self.machine_code.setPlaceholderText(self.tr("Equipment code, e.g. YJ-CY-0012"))
        self.frequency = QComboBox(self)
        for frequency in FREQUENCIES:
            self.frequency.addItem(label(FREQUENCY_LABELS, frequency), frequency)
        self.start = QDateEdit(self)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setDate(QDate.currentDate())
        self.active = QCheckBox(self.tr("Active (uncheck to pause the checks)"), self)
        self.active.setChecked(True)
        self.error = error_label(self)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        if schedule is None:
            form.addRow(self.tr("Applies to"), self.for_type)
            form.addRow("", self.type_combo)
            form.addRow("", self.for_machine)
            form.addRow("", self.machine_code)
            self.for_type.setChecked(True)
            self.for_type.toggled.connect(self._scope_changed)
            self._scope_changed()
            self.active.hide()
        else:
            form.addRow(self.tr("Applies to"), QLabel(schedule_scope(schedule), self))
            self.frequency.setCurrentIndex(max(0, self.frequency.findData(schedule.frequency)))
            self.start.setDate(QDate(schedule.start_date.year, schedule.start_date.month,
                                     schedule.start_date.day))
            self.active.setChecked(schedule.active)
            for widget in (self.for_type, self.for_machine, self.type_combo, self.machine_code):
                widget.hide()
        form.addRow(self.tr("Frequency"), self.frequency)
        form.addRow(self.tr("From"), self.start)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _scope_changed(self) -> None:
        self.type_combo.setEnabled(self.for_type.isChecked())
        self.machine_code.setEnabled(self.for_machine.isChecked())

    def save(self) -> None:
        ws, actor, schedule = self.ctx.workspace, self.ctx.actor, self.schedule
        frequency = self.frequency.currentData()
        start: dt.date = self.start.date().toPython()  # type: ignore[assignment]
        active = self.active.isChecked()
        type_id = self.type_combo.currentData() if self.for_type.isChecked() else None
        code = self.machine_code.text().strip().upper() if self.for_machine.isChecked() else ""
        not_found = self.tr("There is no machine with the code “{code}”.").format(code=code)

        def work(_: object) -> str:
            if schedule is not None:
                ws.inspections.update_schedule(actor, schedule.id, frequency, active, start)
                return schedule.id
            equipment_id = None
            if not type_id:
                machine = find_machine(ws, actor, code)
                if machine is None:
                    raise LookupError(not_found)
                equipment_id = machine.id
            return ws.inspections.add_schedule(actor, frequency, equipment_id, type_id, start)

        self.save_button.setEnabled(False)
        self.error.hide()
        Op(self, work, lane="db").success(guard(self, self._saved)).failure(
            guard(self, self._refused)).run()

    def _saved(self, schedule_id: str) -> None:
        self.saved.emit(schedule_id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, (DomainError, LookupError)):
            self.error.setText(exc.message() if isinstance(exc, DomainError) else str(exc))
            self.error.show()
        else:
            show_error(self, exc)


def find_machine(ws: Any, actor: Any, code: str) -> Equipment | None:
    """The machine with exactly this code (any case), through the registry's search."""
    if not code:
        return None
    rows, _total = ws.equipment.search_page(actor, EquipmentQuery(text=code), 0, 50)
    return next((e for e in rows if e.code.upper() == code.upper()), None)


class InspectionsPage(Page):
    page_id = "inspections"
    required_permission = Permission.VIEW_INSPECTIONS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.can_inspect = ctx.can(Permission.INSPECT)
        self.can_edit = ctx.can(Permission.EDIT_CHECKLISTS)
        self.types: list[dict[str, Any]] = []
        self.message = MessageBar(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_due(), self.tr("Due today"))
        self.tabs.addTab(self._build_history(), self.tr("History"))
        self.editor: ChecklistEditor | None = None
        self.schedules_tab: QWidget | None = None
        if self.can_edit:
            self.editor = ChecklistEditor(ctx, self)
            self.tabs.addTab(self.editor, self.tr("Checklists"))
            self.schedules_tab = self._build_schedules()
            self.tabs.addTab(self.schedules_tab, self.tr("Schedules"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        ctx.data_changed.connect(self._data_changed)
        self.refresh_due()
        self.load_inspectors()
        self.apply_history_filters()
        if self.can_edit:
            self.refresh_schedules()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("InspectionsPage", "Inspections")

    # -- due --------------------------------------------------------------------------------------
    def _build_due(self) -> QWidget:
        tab = QWidget(self)
        bar = _toolbar(tab)
        self.start_action = bar.addAction(self.tr("Start inspection"))
        self.start_action.setToolTip(self.tr("Check the selected machine now (or double-click "
                                             "a row)"))
        self.start_action.triggered.connect(lambda _=False: self.start_inspection())
        self.start_action.setVisible(self.can_inspect)
        self.card_action = bar.addAction(self.tr("Equipment card"))
        self.card_action.triggered.connect(lambda _=False: self.open_card())
        self.due_history_action = bar.addAction(self.tr("Its history"))
        self.due_history_action.setToolTip(self.tr("Past inspections of the selected machine"))
        self.due_history_action.triggered.connect(lambda _=False: self._history_of_selected())
        bar.addSeparator()
        refresh = bar.addAction(self.tr("Refresh"))
        refresh.triggered.connect(lambda _=False: self.refresh_due())
        self.due_summary = QLabel(tab)
        self.due_summary.setObjectName("dueSummary")
        self.due_model = DueTableModel(self)
        self.due_table = _table(tab, self.due_model)
        self.due_table.doubleClicked.connect(self._due_activated)
        self.due_table.selectionModel().selectionChanged.connect(lambda *_: self._update_due())
        header = self.due_table.horizontalHeader()
        for column, width in enumerate((96, 120, 200, 140, 200, 70, 60, 110, 80)):
            header.resizeSection(column, width)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(DueTableModel.COLUMNS.index("name"),
                                    QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        top.addWidget(bar)
        top.addStretch(1)
        top.addWidget(self.due_summary)
        layout.addLayout(top)
        layout.addWidget(self.due_table, 1)
        self._update_due()
        return tab

    def refresh_due(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        Op(self, lambda _: ws.inspections.due(actor), lane="db").success(
            guard(self, self._due_loaded)).failure(guard(self, self.message.show_failure)).run()

    def _due_loaded(self, items: list[DueItem]) -> None:
        keep = self.selected_due()
        self.due_model.set_rows(items)
        overdue = [i for i in items if i.status == OVERDUE]
        missed = sum(i.missed for i in overdue)
        if not items:
            text = self.tr("Nothing due today.")
        elif overdue:
            text = self.tr("{n} machines to check today, {m} of them overdue ({k} checks "
                           "missed).").format(n=len(items), m=len(overdue), k=missed)
        else:
            text = self.tr("{n} machines to check today.").format(n=len(items))
        self.due_summary.setText(text)
        self.due_summary.setStyleSheet("color: #B3261E; font-weight: bold;" if overdue else "")
        if keep is not None:
            row = next((r for r, i in enumerate(items) if i.equipment_id == keep.equipment_id),
                       -1)
            if row >= 0:
                self.due_table.selectRow(row)
        self._update_due()

    def selected_due(self) -> DueItem | None:
        rows = self.due_table.selectionModel().selectedRows()
        return self.due_model.record(rows[0].row()) if rows else None

    def _update_due(self) -> None:
        selected = self.selected_due() is not None
        for action in (self.start_action, self.card_action, self.due_history_action):
            action.setEnabled(selected)

    def _due_activated(self, index: QModelIndex) -> None:
        item = self.due_model.record(index.row())
        if item is None:
            return
        if self.can_inspect:
            self.start_inspection(item.equipment_id)
        else:
            self.open_card(item.equipment_id)

    def start_inspection(self, equipment_id: str | None = None) -> InspectionRunDialog | None:
        if equipment_id is None:
            item = self.selected_due()
            equipment_id = item.equipment_id if item else None
        if equipment_id is None or not self.can_inspect:
            return None
        dialog = InspectionRunDialog(self.ctx, equipment_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_card(self, equipment_id: str | None = None) -> EquipmentCardDialog | None:
        if equipment_id is None:
            item = self.selected_due()
            equipment_id = item.equipment_id if item else None
        if equipment_id is None:
            return None
        card = EquipmentCardDialog(self.ctx, equipment_id, self)
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        card.label_requested.connect(self._print_label)
        card.show()
        return card

    def _print_label(self, equipment_id: str) -> None:
        from desktop.dialogs.labels_dialog import LabelsDialog

        dialog = LabelsDialog(self.ctx, [equipment_id], EquipmentQuery(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _history_of_selected(self) -> None:
        item = self.selected_due()
        if item is not None:
            self.show_history(equipment_code=item.equipment_code)

    # -- history ----------------------------------------------------------------------------------
    def _build_history(self) -> QWidget:
        tab = QWidget(self)
        self.equipment_filter = QLineEdit(tab)
        self.equipment_filter.setObjectName("historyEquipment")
        self.equipment_filter.setClearButtonEnabled(True)
        self.equipment_filter.setPlaceholderText(self.tr("Equipment code (all machines)"))
        self.equipment_filter.returnPressed.connect(self.apply_history_filters)
        self.equipment_filter.editingFinished.connect(self._equipment_filter_done)
        self.inspector_filter = QComboBox(tab)
        self.inspector_filter.setEditable(True)
        self.inspector_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.inspector_filter.setMinimumContentsLength(14)
        completer = self.inspector_filter.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.inspector_filter.addItem(self.tr("All inspectors"), EVERYONE)
        self.inspector_filter.addItem(self.tr("Me"), ME)
        self.inspector_filter.activated.connect(lambda _i: self.apply_history_filters())
        self.failed_only = QCheckBox(self.tr("With failed items only"), tab)
        self.failed_only.toggled.connect(lambda _on: self.apply_history_filters())
        self.history_count = QLabel(tab)
        self.history_model = HistoryTableModel(self.ctx, self)
        self.history_model.loaded.connect(self._history_loaded)
        self.history_model.failed.connect(self.message.show_failure)
        self.history_table = _table(tab, self.history_model)
        self.history_table.doubleClicked.connect(self._open_inspection)
        header = self.history_table.horizontalHeader()
        for column, width in enumerate((130, 110, 180, 160, 90, 220, 50)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(len(HistoryTableModel.COLUMNS) - 1,
                                    QHeaderView.ResizeMode.Stretch)
        filters = QHBoxLayout()
        filters.addWidget(self.equipment_filter, 2)
        filters.addWidget(self.inspector_filter, 2)
        filters.addWidget(self.failed_only)
        filters.addStretch(1)
        filters.addWidget(self.history_count)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.history_table, 1)
        self._equipment_id: str | None = None
        self._equipment_code = ""
        return tab

    def load_inspectors(self) -> None:
        """People to filter by (for those who may see the people list)."""
        if not self.ctx.can(Permission.VIEW_PEOPLE):
            return
        ws, actor = self.ctx.workspace, self.ctx.actor
        op = Op(self, lambda _: ws.people.search(actor, PeopleQuery(), 0, 20000), lane="db")
        op.success(
            guard(self, self._inspectors_loaded)).failure(
            guard(self, self.message.show_failure)).run()

    def _inspectors_loaded(self, people: list[Any]) -> None:
        for person in sorted(people, key=lambda p: p.employee_no):
            self.inspector_filter.addItem(f"{person.name} {person.employee_no}", person.id)

    def _equipment_filter_done(self) -> None:
        if self.equipment_filter.text().strip().upper() != self._equipment_code:
            self.apply_history_filters()

    def _inspector_choice(self) -> Any:
        index = self.inspector_filter.findText(self.inspector_filter.currentText())
        return self.inspector_filter.itemData(index) if index >= 0 else EVERYONE

    def apply_history_filters(self) -> None:
        code = self.equipment_filter.text().strip().upper()
        if code == self._equipment_code:
            self._set_history_query(self._equipment_id)
            return
        ws, actor = self.ctx.workspace, self.ctx.actor

        def found(machine: Equipment | None) -> None:
            self._equipment_code = code
            self._equipment_id = machine.id if machine else None
            if code and machine is None:
                self.message.show_message(self.tr("There is no machine with the code “{code}”."
                                                  ).format(code=code), "warning")
                self.history_model.set_query(InspectionQuery(equipment_id="-"))  # nothing
                return
            self.message.hide()
            self._set_history_query(self._equipment_id)

        if not code:
            found(None)
            return
        Op(self, lambda _: find_machine(ws, actor, code), lane="db").success(
            guard(self, found)).failure(guard(self, self.message.show_failure)).run()

    def _set_history_query(self, equipment_id: str | None) -> None:
        choice = self._inspector_choice()
        user_id = self.ctx.actor.user_id if choice == ME else None
        person_id = choice if choice not in (EVERYONE, ME) else None
        self.history_model.set_query(InspectionQuery(
            equipment_id=equipment_id, inspector_user_id=user_id, inspector_person_id=person_id,
            failed_only=self.failed_only.isChecked()))

    def _history_loaded(self, total: int) -> None:
        self.history_count.setText(self.tr("{n} inspections").format(n=total))

    def show_history(self, equipment_code: str = "", inspector: Any = None) -> None:
        """The History tab filtered to one machine (and/or "me")."""
        self.tabs.setCurrentIndex(1)
        self.equipment_filter.setText(equipment_code)
        if inspector is not None:
            self.inspector_filter.setCurrentIndex(max(0, self.inspector_filter.findData(inspector)))
        self.apply_history_filters()

    def _open_inspection(self, index: QModelIndex) -> InspectionDetailDialog | None:
        summary = self.history_model.summary(index.row())
        if summary is None:
            return None
        dialog = InspectionDetailDialog(self.ctx, summary.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- schedules --------------------------------------------------------------------------------
    def _build_schedules(self) -> QWidget:
        tab = QWidget(self)
        bar = _toolbar(tab)
        self.add_schedule_action = bar.addAction(self.tr("Add schedule"))
        self.add_schedule_action.triggered.connect(lambda _=False: self.add_schedule())
        self.edit_schedule_action = bar.addAction(self.tr("Change"))
        self.edit_schedule_action.triggered.connect(lambda _=False: self.edit_schedule())
        self.remove_schedule_action = bar.addAction(self.tr("Remove"))
        self.remove_schedule_action.triggered.connect(lambda _=False: self.remove_schedule())
        note = QLabel(self.tr("A machine's own schedule wins over its type's. Daily checks are "
                              "due Monday to Saturday."), tab)
        note.setStyleSheet("color: #6b7785;")
        self.schedule_model = ScheduleTableModel(self)
        self.schedule_table = _table(tab, self.schedule_model)
        self.schedule_table.doubleClicked.connect(lambda _i: self.edit_schedule())
        self.schedule_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_schedules())
        header = self.schedule_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 100), (2, 110), (3, 90)):
            header.resizeSection(column, width)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(note)
        layout.addWidget(self.schedule_table, 1)
        self._update_schedules()
        return tab

    def refresh_schedules(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: object) -> tuple[list[Schedule], list[dict[str, Any]]]:
            return ws.inspections.schedules(actor), ws.equipment.types(actor)

        Op(self, work, lane="db").success(
            guard(self, self._schedules_loaded)).failure(
            guard(self, self.message.show_failure)).run()

    def _schedules_loaded(self, result: tuple[list[Schedule], list[dict[str, Any]]]) -> None:
        schedules, types = result
        keep = self.selected_schedule()
        self.types = sorted(types, key=lambda t: t.get("code") or "")
        self.schedule_model.set_rows(sorted(
            schedules, key=lambda s: (s.equipment_id is not None, s.type_name, s.equipment_code)))
        if keep is not None and (row := self.schedule_model.row_of(keep.id)) >= 0:
            self.schedule_table.selectRow(row)
        self._update_schedules()

    def selected_schedule(self) -> Schedule | None:
        rows = self.schedule_table.selectionModel().selectedRows()
        return self.schedule_model.record(rows[0].row()) if rows else None

    def _update_schedules(self) -> None:
        selected = self.selected_schedule() is not None
        self.edit_schedule_action.setEnabled(selected)
        self.remove_schedule_action.setEnabled(selected)

    def add_schedule(self) -> ScheduleDialog:
        return self._open_schedule(ScheduleDialog(self.ctx, self.types, None, self))

    def edit_schedule(self) -> ScheduleDialog | None:
        schedule = self.selected_schedule()
        if schedule is None:
            return None
        return self._open_schedule(ScheduleDialog(self.ctx, self.types, schedule, self))

    def _open_schedule(self, dialog: ScheduleDialog) -> ScheduleDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda schedule_id: self.ctx.notify("schedule", [schedule_id]))
        dialog.open()
        return dialog

    def remove_schedule(self) -> None:
        schedule = self.selected_schedule()
        if schedule is None:
            return
        ws, actor = self.ctx.workspace, self.ctx.actor

        def remove() -> None:
            Op(self, lambda _: ws.inspections.remove_schedule(actor, schedule.id),
               lane="db").success(guard(self, lambda _: self.ctx.notify(
                "schedule", [schedule.id]))).failure(
                guard(self, self.message.show_failure)).run()

        confirm(self, self.tr("Remove schedule"),
                self.tr("Remove the schedule for {scope}? Its machines are no longer due "
                        "(past inspections are kept).").format(scope=schedule_scope(schedule)),
                self.tr("Remove"), remove)

    # -- refreshing ------------------------------------------------------------------------------
    def _data_changed(self, entity: str, _ids: list[str]) -> None:
        if entity in ("inspection", "checklist", "schedule", "equipment", "equipment_type"):
            self.refresh_due()
        if entity == "inspection":
            self.history_model.refresh()
        if entity in ("schedule", "equipment", "equipment_type") and self.can_edit:
            self.refresh_schedules()

    def activated(self) -> None:
        self.refresh_due()  # "today" may have changed since the page was built

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.equipment_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.equipment_filter.selectAll()

