"""The equipment card: what a worker sees after scanning a machine's label.

The card opens from anywhere with just the context and an equipment id (the list, a scan, the
floor plan), reads everything it shows itself, and follows ``ctx.data_changed`` so a record
added here or an edit made elsewhere shows at once. The safe operating procedure comes first:
a worker at the machine needs that before anything else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSize, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.auth import Actor, Permission
from core.colours import RISK_COLOURS, RISK_TEXT_COLOURS
from core.equipment import (
    MAINTENANCE_KINDS,
    MAINTENANCE_LABELS,
    STATUS_LABELS,
    Attachment,
    Equipment,
    EquipmentCard,
)
from core.hazards import STEP_LABELS, Hazard, HazardQuery
from core.hazards import label as hazard_label
from core.i18n import DomainError
from core.inspections import ChecklistTemplate, InspectionSummary
from core.plant import RISK_LABELS, label
from core.workflow import OPEN_STEPS
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs.equipment_dialog import DateWithUnknown, EquipmentDialog
from desktop.dialogs.feedback import MessageBar, error_label, guard
from desktop.errors import show_error
from desktop.models.equipment_model import ALERT_COLOUR, alert_icon
from desktop.tasks import Op

THUMBNAIL = QSize(144, 108)
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff"}
ATTACHMENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Attachment behind a photo item
_NO_GRADE_COLOUR = "#C4C9D0"  # the band of a machine not yet assessed: neutral, not a grade
_MUTED = "color: #6b7785;"
# When the next maintenance is suggested after a record of each kind (months); None: no rule.
_NEXT_DUE_MONTHS = {"daily": 0, "monthly": 1, "annual": 12, "repair": None,
                    "statutory_inspection": 12}


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


def is_image(attachment: Attachment) -> bool:
    return (attachment.mime or "").startswith("image/") or \
        Path(attachment.filename).suffix.lower() in IMAGE_SUFFIXES


def _thumbnail(path: Path) -> QImage:
    """Decode a stored photo at thumbnail size (off the UI thread: QImage, not QPixmap)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def history_date_edit(parent: QWidget) -> QDateEdit:
    """A date for a history record: today by default, never in the future."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate.currentDate())
    edit.setDate(QDate.currentDate())
    return edit


class _RecordDialog(QDialog):
    """A small form that stores one history record; the service's refusal shows inline."""

    saved = Signal(str)  # the new record's id

    def __init__(self, ctx: AppContext, equipment_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.equipment_id = equipment_id
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(10)
        self.error = error_label(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @staticmethod
    def store(ws: Workspace, actor: Actor, equipment_id: str, values: dict[str, Any]) -> str:
        """Runs on the db lane: the service call that stores ``values``."""
        raise NotImplementedError

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def save(self) -> None:
        values = self.values()
        self.error.hide()
        self.save_button.setEnabled(False)
        ws, actor, item_id, store = (self.ctx.workspace, self.ctx.actor, self.equipment_id,
                                     self.store)
        Op(self, lambda _: store(ws, actor, item_id, values), lane="db").success(
            guard(self, self._saved)).failure(guard(self, self._refused)).run()

    def _saved(self, record_id: str) -> None:
        self.saved.emit(record_id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, DomainError):
            self.error.setText(exc.message())
            self.error.show()
        else:
            show_error(self, exc)


class MaintenanceDialog(_RecordDialog):
    """What was done, when, by whom, and when the next maintenance is due."""

    def __init__(self, ctx: AppContext, equipment_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, equipment_id, parent)
        self.setWindowTitle(self.tr("Add maintenance record"))
        self.date = history_date_edit(self)
        self.kind = QComboBox(self)
        for kind in MAINTENANCE_KINDS:
            self.kind.addItem(label(MAINTENANCE_LABELS, kind), kind)
        self.performed_by = QLineEdit(self)
        self.performed_by.setPlaceholderText(self.tr("Who did the work"))
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(80)
        self.next_due = DateWithUnknown(self.tr("None"), self)
        self.next_due.setToolTip(self.tr("The machine shows as overdue once this date passes"))
        self.form.addRow(self.tr("Date *"), self.date)
        self.form.addRow(self.tr("Kind *"), self.kind)
        self.form.addRow(self.tr("Performed by"), self.performed_by)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.form.addRow(self.tr("Next due"), self.next_due)
        self.kind.setCurrentIndex(max(0, self.kind.findData("monthly")))
        self.kind.currentIndexChanged.connect(lambda _: self._suggest_next_due())
        self.date.dateChanged.connect(lambda _: self._suggest_next_due())
        self._suggest_next_due()

    def _suggest_next_due(self) -> None:
        # A suggestion the clerk can change: saves looking up the calendar for routine work.
        months = _NEXT_DUE_MONTHS.get(self.kind.currentData())
        if months is None:
            self.next_due.set_value(None)
            return
        start = self.date.date()
        due = start.addMonths(months) if months else start.addDays(1)
        self.next_due.set_value(due.toPython())  # type: ignore[arg-type]

    def values(self) -> dict[str, Any]:
        return {"date": self.date.date().toPython(), "kind": self.kind.currentData(),
                "performed_by": self.performed_by.text(), "notes": self.notes.toPlainText(),
                "next_due": self.next_due.value()}

    @staticmethod
    def store(ws: Workspace, actor: Actor, equipment_id: str, values: dict[str, Any]) -> str:
        return ws.equipment.add_maintenance(actor, equipment_id, values)


class FaultDialog(_RecordDialog):
    """When, what happened, why, how long the machine stood still and what fixed it."""

    def __init__(self, ctx: AppContext, equipment_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, equipment_id, parent)
        self.setWindowTitle(self.tr("Add fault record"))
        self.date = history_date_edit(self)
        self.symptom = QLineEdit(self)
        self.symptom.setPlaceholderText(self.tr("What went wrong, e.g. the slide does not stop"))
        self.cause = QLineEdit(self)
        self.downtime = QDoubleSpinBox(self)
        self.downtime.setRange(0, 10000)
        self.downtime.setDecimals(1)
        self.downtime.setSingleStep(0.5)
        self.downtime.setSuffix(self.tr(" h"))
        self.fix = QPlainTextEdit(self)
        self.fix.setFixedHeight(80)
        self.form.addRow(self.tr("Date *"), self.date)
        self.form.addRow(self.tr("Symptom *"), self.symptom)
        self.form.addRow(self.tr("Cause"), self.cause)
        self.form.addRow(self.tr("Downtime"), self.downtime)
        self.form.addRow(self.tr("Fix"), self.fix)

    def values(self) -> dict[str, Any]:
        return {"date": self.date.date().toPython(), "symptom": self.symptom.text(),
                "cause": self.cause.text(), "downtime_hours": self.downtime.value(),
                "fix": self.fix.toPlainText()}

    @staticmethod
    def store(ws: Workspace, actor: Actor, equipment_id: str, values: dict[str, Any]) -> str:
        return ws.equipment.add_fault(actor, equipment_id, values)


def _group(title: str, parent: QWidget) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(12, 10, 12, 12)
    layout.setSpacing(8)
    return box, layout


def _history_list(parent: QWidget, headers: list[str], widths: list[int]) -> QTreeWidget:
    view = QTreeWidget(parent)
    view.setRootIsDecorated(False)
    view.setAlternatingRowColors(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setHeaderLabels(headers)
    view.setWordWrap(False)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    view.setMinimumHeight(100)
    view.setMaximumHeight(170)
    return view


def _history_row(texts: list[str]) -> QTreeWidgetItem:
    row = QTreeWidgetItem(texts)
    for column, text in enumerate(texts):
        row.setToolTip(column, text)  # notes and fixes are often longer than their column
    return row


class EquipmentCardDialog(QDialog):
    label_requested = Signal(str)  # the machine's id: print its QR label
    loaded = Signal()  # the card shows the latest data (after each load)
    thumbnails_loaded = Signal()
    checklist_loaded = Signal()  # the checklist and last inspection are shown

    # Replaced in tests: the desktop's "open with" must not start a viewer there.
    open_url = staticmethod(QDesktopServices.openUrl)

    def __init__(self, ctx: AppContext, equipment_id: str, parent: QWidget | None = None,
                 from_scan: bool = False) -> None:
        """``from_scan``: opened by scanning the machine's label, so the worker is standing at
        it: the card leads with a big "Start inspection"."""
        super().__init__(parent)
        self.ctx = ctx
        self.equipment_id = equipment_id
        self.from_scan = from_scan
        self.card: EquipmentCard | None = None
        self.checklist: ChecklistTemplate | None = None
        self.can_edit = ctx.can(Permission.EDIT_EQUIPMENT)
        self.can_inspect = ctx.can(Permission.INSPECT)
        self._thumb_generation = 0
        self._checklist_generation = 0
        self.setWindowTitle(self.tr("Equipment card"))
        self.resize(1040, 720)  # fits a 1280×800 screen with its taskbar

        self.message = MessageBar(self)
        header = self._build_header()
        self.start_button = QPushButton(self.tr("Start inspection"), self)
        self.start_button.setObjectName("startInspection")
        self.start_button.setVisible(self.can_inspect)
        self.start_button.setEnabled(False)  # until the checklist is known
        self.start_button.clicked.connect(self.start_inspection)
        scan_banner = self._build_scan_banner() if from_scan else None
        body = QWidget(self)
        # Two independent columns: the short placeholders on the right must not be stretched
        # to the height of the long history lists on the left.
        left, right = QVBoxLayout(), QVBoxLayout()
        for column in (left, right):
            column.setSpacing(12)
        left.addWidget(self._build_procedure(body))
        left.addWidget(self._build_maintenance(body))
        left.addWidget(self._build_faults(body))
        left.addStretch(1)
        right.addWidget(self._build_photos(body))
        right.addWidget(self._build_hazards(body))
        right.addWidget(self._build_checklist(body))
        right.addStretch(1)
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 4, 0)
        columns.setSpacing(12)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.edit_button.clicked.connect(self.edit)
        self.label_button = QPushButton(self.tr("Print label"), self)
        self.label_button.clicked.connect(lambda: self.label_requested.emit(self.equipment_id))
        close = QPushButton(self.tr("Close"), self)
        close.setDefault(True)
        close.clicked.connect(self.reject)
        for button in (self.edit_button, self.label_button):
            button.setVisible(self.can_edit)
            button.setEnabled(False)  # until the card is loaded
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.label_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(header)
        if scan_banner is not None:
            layout.addWidget(scan_banner)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        ctx.data_changed.connect(self._data_changed)
        self.reload()

    # -- building -----------------------------------------------------------------------
    def _build_header(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("cardHeader")
        frame.setStyleSheet("#cardHeader { background: #f6f8fa; border: 1px solid #dde1e6;"
                            " border-radius: 6px; }")
        # The band carries the risk colour the machine's label and the wall map show.
        self.band = QFrame(frame)
        self.band.setFixedWidth(14)
        self.code_label = QLabel(frame)
        self.code_label.setStyleSheet(_MUTED)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label = QLabel(frame)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.details_label = QLabel(frame)
        self.details_label.setStyleSheet(_MUTED)
        self.details_label.setWordWrap(True)
        self.risk_chip = QLabel(frame)
        self.status_chip = QLabel(frame)
        self.special_chip = QLabel(self.tr("Special equipment"), frame)
        self.special_chip.setStyleSheet(self._chip_style("#E8EEF7", "#1B4F86"))
        chips = QHBoxLayout()
        chips.setSpacing(6)
        chips.addWidget(self.risk_chip)
        chips.addWidget(self.status_chip)
        chips.addWidget(self.special_chip)
        chips.addStretch(1)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.code_label)
        text.addWidget(self.name_label)
        text.addLayout(chips)
        text.addWidget(self.details_label)
        row = QHBoxLayout(frame)
        row.setContentsMargins(0, 0, 12, 0)
        row.setSpacing(14)
        row.addWidget(self.band)
        row.addLayout(text, 1)
        text.setContentsMargins(0, 10, 0, 10)
        return frame

    @staticmethod
    def _chip_style(background: str, colour: str) -> str:
        return (f"background: {background}; color: {colour}; border-radius: 9px;"
                " padding: 2px 10px;")

    def _build_procedure(self, parent: QWidget) -> QGroupBox:
        box, layout = _group(self.tr("Safe operating procedure"), parent)
        self.procedure_label = QLabel(box)
        self.procedure_label.setWordWrap(True)
        self.procedure_label.setTextFormat(Qt.TextFormat.PlainText)
        self.procedure_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.procedure_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.procedure_docs = QVBoxLayout()
        self.procedure_docs.setSpacing(2)
        self.add_procedure_button = QPushButton(self.tr("Attach procedure document…"), box)
        self.add_procedure_button.setVisible(self.can_edit)
        self.add_procedure_button.clicked.connect(lambda: self.choose_files("procedure"))
        layout.addWidget(self.procedure_label)
        layout.addLayout(self.procedure_docs)
        layout.addWidget(self.add_procedure_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _build_maintenance(self, parent: QWidget) -> QGroupBox:
        box, layout = _group(self.tr("Maintenance"), parent)
        self.last_label = QLabel(box)
        self.next_label = QLabel(box)
        self.next_icon = QLabel(box)
        self.next_icon.setPixmap(alert_icon().pixmap(14, 14))
        summary = QHBoxLayout()
        summary.setSpacing(6)
        summary.addWidget(self.last_label)
        summary.addSpacing(24)
        summary.addWidget(self.next_icon)
        summary.addWidget(self.next_label)
        summary.addStretch(1)
        self.maintenance_list = _history_list(
            box, [self.tr("Date"), self.tr("Kind"), self.tr("Performed by"), self.tr("Next due"),
                  self.tr("Notes")], [96, 90, 150, 96])
        self.add_maintenance_button = QPushButton(self.tr("Add maintenance record"), box)
        self.add_maintenance_button.setVisible(self.can_edit)
        self.add_maintenance_button.clicked.connect(self.add_maintenance)
        layout.addLayout(summary)
        layout.addWidget(self.maintenance_list)
        layout.addWidget(self.add_maintenance_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _build_faults(self, parent: QWidget) -> QGroupBox:
        box, layout = _group(self.tr("Fault history"), parent)
        self.fault_list = _history_list(
            box, [self.tr("Date"), self.tr("Symptom"), self.tr("Cause"), self.tr("Downtime (h)"),
                  self.tr("Fix")], [96, 170, 130, 90])
        self.add_fault_button = QPushButton(self.tr("Add fault record"), box)
        self.add_fault_button.setVisible(self.can_edit)
        self.add_fault_button.clicked.connect(self.add_fault)
        layout.addWidget(self.fault_list)
        layout.addWidget(self.add_fault_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _build_photos(self, parent: QWidget) -> QGroupBox:
        box, layout = _group(self.tr("Photos and documents"), parent)
        self.photos = QListWidget(box)
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(THUMBNAIL)
        self.photos.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.photos.setMovement(QListWidget.Movement.Static)
        self.photos.setWordWrap(True)
        self.photos.setSpacing(6)
        self.photos.itemActivated.connect(
            lambda item: self.open_attachment(item.data(ATTACHMENT_ROLE)))
        self.documents = QVBoxLayout()
        self.documents.setSpacing(2)
        self.photos_empty = QLabel(self.tr("No photos or documents yet."), box)
        self.photos_empty.setStyleSheet(_MUTED)
        self.add_files_button = QPushButton(self.tr("Add photos or documents…"), box)
        self.add_files_button.setVisible(self.can_edit)
        self.add_files_button.clicked.connect(lambda: self.choose_files(None))
        layout.addWidget(self.photos)
        layout.addLayout(self.documents)
        layout.addWidget(self.photos_empty)
        layout.addWidget(self.add_files_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _build_hazards(self, parent: QWidget) -> QGroupBox:
        """Hazards on this machine not yet closed: what a scan at the machine should warn of."""
        box, layout = _group(self.tr("Open hazards"), parent)
        self.hazards = QListWidget(box)
        self.hazards.setMaximumHeight(140)
        self.hazards.itemActivated.connect(self._open_hazard)
        self.hazards_empty = QLabel(self.tr("No open hazards on this machine."), box)
        self.hazards_empty.setStyleSheet(_MUTED)
        self.record_hazard_button = QPushButton(self.tr("Record a hazard…"), box)
        self.record_hazard_button.setVisible(self.ctx.can(Permission.RECORD_HAZARD))
        self.record_hazard_button.clicked.connect(self._record_hazard)
        layout.addWidget(self.hazards)
        layout.addWidget(self.hazards_empty)
        layout.addWidget(self.record_hazard_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.setVisible(self.ctx.can(Permission.VIEW_HAZARDS))
        return box

    def _build_scan_banner(self) -> QFrame:
        """From a scan: the worker is at the machine, so the inspection is one big click away."""
        banner = QFrame(self)
        banner.setObjectName("scanBanner")
        banner.setStyleSheet("#scanBanner { background: #EAF7EE; border: 1px solid #B5DFC1;"
                             " border-radius: 6px; }")
        self.scan_note = QLabel(self.tr("Label scanned. Read the procedure, then start the "
                                        "inspection of this machine."), banner)
        self.scan_note.setWordWrap(True)
        self.scan_note.setStyleSheet("color: #1E6B35;")
        self.start_button.setMinimumHeight(48)
        self.start_button.setMinimumWidth(200)
        self.start_button.setStyleSheet(
            "QPushButton { background: #1E8E3E; color: white; font-size: 16px;"
            " font-weight: bold; border-radius: 6px; padding: 6px 24px; }"
            " QPushButton:disabled { background: #A8C7B0; }")
        row = QHBoxLayout(banner)
        row.setContentsMargins(14, 10, 10, 10)
        row.addWidget(self.scan_note, 1)
        row.addWidget(self.start_button)
        return banner

    def _build_checklist(self, parent: QWidget) -> QGroupBox:
        """The checklist of the machine's type, and when it was last inspected."""
        box, layout = _group(self.tr("Inspection checklist"), parent)
        self.checklist_name = QLabel(box)
        self.checklist_name.setWordWrap(True)
        self.checklist_items = QListWidget(box)
        self.checklist_items.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.checklist_items.setWordWrap(True)
        self.checklist_items.setMaximumHeight(190)
        self.last_inspection = QLabel(box)
        self.last_inspection.setWordWrap(True)
        self.last_inspection.setObjectName("lastInspection")
        layout.addWidget(self.checklist_name)
        layout.addWidget(self.checklist_items)
        layout.addWidget(self.last_inspection)
        if not self.from_scan:
            layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.setVisible(self.ctx.can(Permission.VIEW_INSPECTIONS))
        self.checklist_box = box
        return box

    def _load_checklist(self, equipment: Equipment) -> None:
        if not self.ctx.can(Permission.VIEW_INSPECTIONS):
            return
        self._checklist_generation += 1
        generation = self._checklist_generation
        ws, actor, type_id = self.ctx.workspace, self.ctx.actor, equipment.type_id

        def work(_: object) -> tuple[ChecklistTemplate | None, InspectionSummary | None]:
            template = ws.inspections.template_for_type(actor, type_id) if type_id else None
            last, _total = ws.inspections.history_of_equipment(actor, equipment.id, 0, 1)
            return template, (last[0] if last else None)

        Op(self, work, lane="db").success(
            guard(self, lambda result: self._show_checklist(generation, equipment, *result))
        ).failure(guard(self, self.message.show_failure)).run()

    def _show_checklist(self, generation: int, equipment: Equipment,
                        template: ChecklistTemplate | None,
                        last: InspectionSummary | None) -> None:
        if generation != self._checklist_generation:
            return
        self.checklist = template
        self.checklist_items.clear()
        if template is not None and template.items:
            self.checklist_name.setText(template.name)
            self.checklist_name.setStyleSheet("font-weight: bold;")
            for number, item in enumerate(template.items, start=1):
                row = QListWidgetItem(f"{number}. {item.text}")
                if item.guidance:
                    row.setToolTip(item.guidance)
                self.checklist_items.addItem(row)
        elif not equipment.type_id:
            self.checklist_name.setText(self.tr("This machine has no type, so it has no "
                                                "checklist. Set its type first."))
            self.checklist_name.setStyleSheet(_MUTED)
        else:
            self.checklist_name.setText(self.tr("There is no checklist for “{type}” machines "
                                                "yet. A safety clerk makes one under "
                                                "Inspections → Checklists.").format(
                type=equipment.type_name))
            self.checklist_name.setStyleSheet(_MUTED)
        count = self.checklist_items.count()
        self.checklist_items.setVisible(count > 0)
        if count:
            rows = sum(self.checklist_items.sizeHintForRow(r) for r in range(count))
            frame = 2 * self.checklist_items.frameWidth() + 4
            self.checklist_items.setFixedHeight(min(190, rows + frame))
        if last is None:
            self.last_inspection.setText(self.tr("Never inspected."))
            self.last_inspection.setStyleSheet(_MUTED)
        else:
            when = (last.finished_at or last.started_at).strftime("%Y-%m-%d %H:%M")
            if last.failed_count:
                result = self.tr("{n} items failed").format(n=last.failed_count)
            elif last.complete:
                result = self.tr("all in order")
            else:
                result = self.tr("incomplete")
            self.last_inspection.setText(self.tr("Last inspection: {date}, {name} — {result}")
                                         .format(date=when, name=last.inspector_name,
                                                 result=result))
            self.last_inspection.setStyleSheet(
                f"color: {ALERT_COLOUR.name()};" if last.failed_count else "")
        ready = (template is not None and bool(template.items)
                 and equipment.status != "scrapped")
        self.start_button.setEnabled(ready)
        self.start_button.setToolTip("" if ready else self.checklist_name.text())
        if self.from_scan and ready:
            self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.checklist_loaded.emit()

    def start_inspection(self) -> QDialog | None:
        """The inspection of this machine, in its own dialog over the card."""
        if not self.can_inspect:
            return None
        from desktop.dialogs.inspection_run import InspectionRunDialog  # imports this module

        dialog = InspectionRunDialog(self.ctx, self.equipment_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _load_hazards(self) -> None:
        if not self.ctx.can(Permission.VIEW_HAZARDS):
            return
        ws, actor, item_id = self.ctx.workspace, self.ctx.actor, self.equipment_id
        query = HazardQuery(equipment_id=item_id, steps=OPEN_STEPS)
        Op(self, lambda _: ws.hazards.search_page(actor, query, 0, 50)[0], lane="db").success(
            guard(self, self._show_hazards)).failure(guard(self, self.message.show_failure)).run()

    def _show_hazards(self, hazards: list[Hazard]) -> None:
        self.hazards.clear()
        now = self.ctx.workspace.hazards.now()
        for hazard in hazards:
            text = f"{hazard.number}  {hazard_label(STEP_LABELS, hazard.step)}  {hazard.description}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, hazard.id)
            item.setToolTip(hazard.description)
            if hazard.overdue(now) or hazard.grade == "major":
                item.setForeground(QColor(ALERT_COLOUR))
            self.hazards.addItem(item)
        self.hazards.setVisible(bool(hazards))
        self.hazards_empty.setVisible(not hazards)

    def _open_hazard(self, item: QListWidgetItem) -> None:
        from desktop.dialogs.hazard_detail import HazardDetailDialog

        dialog = HazardDetailDialog(self.ctx, item.data(Qt.ItemDataRole.UserRole), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _record_hazard(self) -> None:
        from desktop.dialogs.hazard_dialogs import RecordHazardDialog

        dialog = RecordHazardDialog(self.ctx, self, equipment_id=self.equipment_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        ws, actor, item_id = self.ctx.workspace, self.ctx.actor, self.equipment_id
        Op(self, lambda _: ws.equipment.card(actor, item_id), lane="db").success(
            guard(self, self._show)).failure(guard(self, self._failed)).run()
        self._load_hazards()

    def _failed(self, exc: BaseException) -> None:
        self.message.show_failure(exc)
        for button in (self.edit_button, self.label_button, self.add_maintenance_button,
                       self.add_fault_button, self.add_files_button, self.add_procedure_button):
            button.setEnabled(False)

    def _data_changed(self, entity: str, ids: list[str]) -> None:
        if entity == "equipment" and (not ids or self.equipment_id in ids):
            self.reload()
        elif entity == "hazard":
            self._load_hazards()
        elif entity in ("inspection", "checklist") and self.card is not None:
            self._load_checklist(self.card.equipment)
        elif entity in ("area", "line", "department", "person", "equipment_type"):
            self.reload()  # a name shown in the header may have changed

    def _show(self, card: EquipmentCard) -> None:
        self.card = card
        item = card.equipment
        self.setWindowTitle(self.tr("Equipment card — {code} {name}").format(
            code=item.code, name=item.name))
        self.code_label.setText(item.code)
        self.name_label.setText(item.name)
        grade = item.risk_grade
        band = RISK_COLOURS.get(grade or "", _NO_GRADE_COLOUR)
        self.band.setStyleSheet(f"background: {band}; border-top-left-radius: 6px;"
                                " border-bottom-left-radius: 6px;")
        if grade in RISK_COLOURS:
            self.risk_chip.setText(label(RISK_LABELS, grade))
            self.risk_chip.setStyleSheet(self._chip_style(RISK_COLOURS[grade],
                                                          RISK_TEXT_COLOURS[grade]))
        else:
            self.risk_chip.setText(self.tr("Risk not assessed"))
            self.risk_chip.setStyleSheet(self._chip_style("#E4E7EB", "#4a5560"))
        self.status_chip.setText(label(STATUS_LABELS, item.status))
        self.status_chip.setStyleSheet(
            self._chip_style("#E6F4EA", "#1E6B35") if item.status == "in_service"
            else self._chip_style("#FFF1E0", "#7A4B00"))
        self.special_chip.setVisible(item.special)
        details = [(self.tr("Type"), item.type_name), (self.tr("Area"), item.area_name),
                   (self.tr("Line"), item.line_name), (self.tr("Department"), item.department_name),
                   (self.tr("Owner"), item.owner_name), (self.tr("Model"), item.model or ""),
                   (self.tr("Manufacturer"), item.manufacturer or "")]
        if item.special:
            details.append((self.tr("Inspection due"), _date(item.inspection_due)))
        colon = "：" if i18n.language() == "zh_CN" else ": "  # Chinese uses a full-width colon
        self.details_label.setText("    ".join(f"{name}{colon}{value}"
                                             for name, value in details if value))
        self._show_procedure(card)
        self._show_maintenance(card)
        self._show_faults(card)
        self._show_attachments(card)
        self._load_checklist(item)
        for button in (self.edit_button, self.label_button, self.add_maintenance_button,
                       self.add_fault_button, self.add_files_button, self.add_procedure_button):
            button.setEnabled(True)
        self.loaded.emit()

    def _show_procedure(self, card: EquipmentCard) -> None:
        text = (card.equipment.procedure or "").strip()
        self.procedure_label.setText(text or self.tr("No safe operating procedure recorded yet."))
        self.procedure_label.setStyleSheet("" if text else _MUTED)
        self._show_links(self.procedure_docs,
                         [a for a in card.attachments if a.kind == "procedure"])

    def _show_links(self, layout: QVBoxLayout, attachments: list[Attachment]) -> None:
        """Documents as one clickable file name per line (they have no picture to show)."""
        while layout.count():
            widget = layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for attachment in attachments:
            link = QPushButton(icon, attachment.filename, self)
            link.setFlat(True)
            link.setToolTip(self.tr("Open {name}").format(name=attachment.filename))
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setStyleSheet("text-align: left; color: #1B4F86;")
            link.clicked.connect(lambda _=False, a=attachment: self.open_attachment(a))
            layout.addWidget(link)

    def _show_maintenance(self, card: EquipmentCard) -> None:
        item = card.equipment
        self.last_label.setText(self.tr("Last maintenance: {date}").format(
            date=_date(item.last_maintenance)))
        overdue = card.maintenance_overdue
        text = self.tr("Next due: {date}").format(date=_date(item.next_maintenance))
        if overdue and item.next_maintenance:
            days = (dt.date.today() - item.next_maintenance).days
            text += "  " + self.tr("(overdue by {n} days)").format(n=days)
        self.next_label.setText(text)
        self.next_label.setStyleSheet(f"color: {ALERT_COLOUR.name()}; font-weight: bold;"
                                      if overdue else "")
        self.next_icon.setVisible(overdue)
        self.next_label.setToolTip(self.tr("The next maintenance date has passed")
                                   if overdue else "")
        self.maintenance_list.clear()
        for record in card.maintenance:
            self.maintenance_list.addTopLevelItem(_history_row([
                _date(record.date), label(MAINTENANCE_LABELS, record.kind),
                record.performed_by or "", _date(record.next_due) if record.next_due else "",
                record.notes or ""]))

    def _show_faults(self, card: EquipmentCard) -> None:
        self.fault_list.clear()
        for fault in card.faults:
            hours = "" if fault.downtime_hours is None else f"{fault.downtime_hours:g}"
            self.fault_list.addTopLevelItem(_history_row([
                _date(fault.date), fault.symptom, fault.cause or "", hours, fault.fix or ""]))

    def _show_attachments(self, card: EquipmentCard) -> None:
        self.photos.clear()
        others = [a for a in card.attachments if a.kind != "procedure"]
        photos = [a for a in others if is_image(a)]
        placeholder = QPixmap(THUMBNAIL)
        placeholder.fill(QColor("#E4E7EB"))  # until the real thumbnail is decoded
        for attachment in photos:
            item = QListWidgetItem(QIcon(placeholder), attachment.filename)
            item.setData(ATTACHMENT_ROLE, attachment)
            item.setToolTip(self.tr("Double-click to open {name}").format(
                name=attachment.filename))
            item.setSizeHint(QSize(THUMBNAIL.width() + 16, THUMBNAIL.height() + 40))
            self.photos.addItem(item)
        # Tall enough for two rows of thumbnails; more scroll inside the list.
        rows = min(2, (len(photos) + 1) // 2)
        self.photos.setFixedHeight(rows * (THUMBNAIL.height() + 52) + 8)
        self.photos.setVisible(bool(photos))
        self._show_links(self.documents, [a for a in others if not is_image(a)])
        self.photos_empty.setVisible(not others)
        self._load_thumbnails(photos)

    def _load_thumbnails(self, photos: list[Attachment]) -> None:
        self._thumb_generation += 1
        generation = self._thumb_generation
        if not photos:
            return
        paths = {a.id: self.ctx.workspace.attachments.path_for(a.sha256) for a in photos}

        def work(_: object) -> dict[str, QImage]:
            return {item_id: _thumbnail(path) for item_id, path in paths.items()}

        Op(self, work, lane="io").success(
            guard(self, lambda images: self._thumbnails(generation, images))).failure(
            guard(self, self.message.show_failure)).run()

    def _thumbnails(self, generation: int, images: dict[str, QImage]) -> None:
        if generation != self._thumb_generation:
            return
        for row in range(self.photos.count()):
            item = self.photos.item(row)
            image = images.get(item.data(ATTACHMENT_ROLE).id)
            if image is not None and not image.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(image)))
        self.thumbnails_loaded.emit()

    # -- actions ------------------------------------------------------------------------
    def edit(self) -> EquipmentDialog | None:
        if self.card is None or not self.can_edit:
            return None
        dialog = EquipmentDialog(self.ctx, self.card.equipment, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda item_id: self.ctx.notify("equipment", [item_id]))
        dialog.open()
        return dialog

    def add_maintenance(self) -> MaintenanceDialog:
        return self._open_record(MaintenanceDialog(self.ctx, self.equipment_id, self))

    def add_fault(self) -> FaultDialog:
        return self._open_record(FaultDialog(self.ctx, self.equipment_id, self))

    def _open_record(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Last/next maintenance also show in the equipment list: everyone refreshes.
        dialog.saved.connect(lambda _: self.ctx.notify("equipment", [self.equipment_id]))
        dialog.open()
        return dialog

    def choose_files(self, kind: str | None) -> None:
        """``kind`` "procedure" for procedure documents; None: photos by type, else documents."""
        if kind == "procedure":
            title, filters = self.tr("Attach procedure documents"), self.tr(
                "Documents (*.pdf *.doc *.docx *.xls *.xlsx *.txt *.png *.jpg *.jpeg);;"
                "All files (*)")
        else:
            title, filters = self.tr("Add photos or documents"), self.tr(
                "Photos and documents (*.png *.jpg *.jpeg *.bmp *.pdf *.doc *.docx *.xls "
                "*.xlsx *.txt);;All files (*)")
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation)
        paths, _ = QFileDialog.getOpenFileNames(self, title, folder, filters)
        if paths:
            self.attach_files(paths, kind)

    def attach_files(self, paths: list[str], kind: str | None = None) -> None:
        """Store the files with the machine (copied into the data folder, by content)."""
        files = [(Path(p), kind or ("photo" if Path(p).suffix.lower() in IMAGE_SUFFIXES
                                    else "document")) for p in paths]
        ws, actor, item_id = self.ctx.workspace, self.ctx.actor, self.equipment_id

        def work(_: object) -> list[str]:
            return [ws.equipment.attach(actor, item_id, file_kind, path)
                    for path, file_kind in files]

        def done(ids: list[str]) -> None:
            self.message.show_message(self.tr("Added {n} files.").format(n=len(ids)),
                                      "success")
            self.ctx.notify("equipment", [self.equipment_id])

        Op(self, work, lane="db").with_progress(self.tr("Copying the files…"),
                                                cancellable=False).success(
            guard(self, done)).failure(guard(self, self.message.show_failure)).run()

    def open_attachment(self, attachment: Attachment) -> None:
        """Open with the PC's usual program: a copy under its own name in the temp folder,
        since the store keeps blobs by hash without a file extension to open them by."""
        store = self.ctx.workspace.attachments
        temp = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation))
        target = temp / "safedesk-attachments" / attachment.sha256[:16] / attachment.filename

        def work(_: object) -> Path:
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                store.export(attachment.sha256, target)
            return target

        def done(path: Path) -> None:
            if not self.open_url(QUrl.fromLocalFile(str(path))):
                self.message.show_message(self.tr("No program on this PC opens {name}; it was "
                                                  "saved to {path}").format(
                    name=attachment.filename, path=str(path)), "warning")

        Op(self, work, lane="io").success(guard(self, done)).failure(
            guard(self, self.message.show_failure)).run()
