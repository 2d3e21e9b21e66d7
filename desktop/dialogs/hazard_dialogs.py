"""The step dialogs of the rectification workflow: record, dispatch, rectify, review, archive
and settle a conflict.

Every dialog collects its form on the UI thread, runs the one service call on the "db" lane and
shows the service's refusal (a past deadline, no rectifier, one's own review …) inline, in the
user's language, leaving the dialog open with what was typed. On success it announces
``ctx.notify("hazard", [id])`` so every list, board and open detail refreshes, and emits
``saved(id)``.

``step_dialog(ctx, hazard, kind, parent, state, events)`` opens the dialog for a workflow
action (an event kind from ``HazardService.allowed_actions``; a 随手拍 report's check uses
``desktop.dialogs.verify_dialog.VerifyDialog``); ``RecordHazardDialog`` can be
opened from anywhere (the hazard page, an equipment card, the floor plan) with an area or
machine already filled in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCollator,
    QCoreApplication,
    QDateTime,
    QLocale,
    QSize,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
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
    QRadioButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.auth import Actor, Permission
from core.equipment import Equipment, EquipmentQuery
from core.hazards import (
    GRADE_LABELS,
    GRADES,
    HAZARD_TYPES,
    SOURCE_LABELS,
    SOURCES,
    STEP_LABELS,
    Hazard,
    label,
)
from core.i18n import DomainError
from core.workflow import (
    ARCHIVED,
    COMMENTED,
    CONFLICT_RESOLVED,
    DISCOVERED,
    DISPATCHED,
    ESCALATED,
    MERGED_INTO,
    RECTIFIED,
    RECTIFY,
    REPORT_REJECTED,
    REPORTED,
    REVIEW_PASSED,
    REVIEW_REJECTED,
    REWARDED,
    VERIFIED,
    Conflict,
    Event,
    HazardState,
)
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs.equipment_card import IMAGE_SUFFIXES
from desktop.dialogs.feedback import error_label, guard
from desktop.dialogs.verify_dialog import ACCEPT, MERGE, REJECT, VerifyDialog
from desktop.errors import show_error
from desktop.models.hazard_model import GRADE_CHIP, time_text
from desktop.tasks import Op

THUMB = QSize(96, 72)
PHOTO_PATH_ROLE = Qt.ItemDataRole.UserRole + 1
USER_NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # a picker entry's display name
EQUIPMENT_LIMIT = 1000  # machines offered per area; an area with more is typed by code
_MUTED = "color: #6b7785;"


class FormProblem(Exception):
    """A problem the dialog found itself, already in the user's language."""


# -- labels shared with the detail view -----------------------------------------------------

def event_label(kind: str) -> str:
    """What an event did, as the timeline says it."""
    labels = {
        REPORTED: QCoreApplication.translate("HazardEvents", "Reported (snapshot)"),
        DISCOVERED: QCoreApplication.translate("HazardEvents", "Recorded"),
        VERIFIED: QCoreApplication.translate("HazardEvents", "Report accepted"),
        REPORT_REJECTED: QCoreApplication.translate("HazardEvents", "Report not accepted"),
        MERGED_INTO: QCoreApplication.translate("HazardEvents", "Merged as a duplicate"),
        DISPATCHED: QCoreApplication.translate("HazardEvents", "Dispatched"),
        RECTIFIED: QCoreApplication.translate("HazardEvents", "Rectification recorded"),
        REVIEW_PASSED: QCoreApplication.translate("HazardEvents", "Review passed"),
        REVIEW_REJECTED: QCoreApplication.translate("HazardEvents", "Sent back for rectification"),
        ARCHIVED: QCoreApplication.translate("HazardEvents", "Archived (closed out)"),
        ESCALATED: QCoreApplication.translate("HazardEvents", "Escalated (overdue)"),
        COMMENTED: QCoreApplication.translate("HazardEvents", "Comment"),
        CONFLICT_RESOLVED: QCoreApplication.translate("HazardEvents", "Conflict settled"),
        REWARDED: QCoreApplication.translate("HazardEvents", "Reward"),
    }
    return labels.get(kind, kind)


def action_label(kind: str) -> str:
    """The button that takes a workflow action."""
    labels = {
        VERIFIED: QCoreApplication.translate("HazardActions", "Accept report…"),
        REPORT_REJECTED: QCoreApplication.translate("HazardActions", "Do not accept…"),
        MERGED_INTO: QCoreApplication.translate("HazardActions", "Merge as duplicate…"),
        DISPATCHED: QCoreApplication.translate("HazardActions", "Dispatch…"),
        RECTIFIED: QCoreApplication.translate("HazardActions", "Record rectification…"),
        REVIEW_PASSED: QCoreApplication.translate("HazardActions", "Pass review…"),
        REVIEW_REJECTED: QCoreApplication.translate("HazardActions", "Send back…"),
        ARCHIVED: QCoreApplication.translate("HazardActions", "Archive…"),
        CONFLICT_RESOLVED: QCoreApplication.translate("HazardActions", "Settle conflict…"),
    }
    return labels.get(kind, kind)


def chip_style(background: str, colour: str) -> str:
    return (f"background: {background}; color: {colour}; border-radius: 9px;"
            " padding: 2px 10px; font-weight: bold;")


def style_grade_chip(chip: QLabel, grade: str) -> None:
    """重大隐患 in the regulation red, a general hazard in quiet grey."""
    background, colour = GRADE_CHIP.get(grade, GRADE_CHIP["general"])
    chip.setText(label(GRADE_LABELS, grade))
    chip.setStyleSheet(chip_style(background, colour))


def grade_chip(grade: str, parent: QWidget | None = None) -> QLabel:
    """The grade as a chip (see ``style_grade_chip``)."""
    chip = QLabel(parent)
    chip.setObjectName("gradeChip")
    style_grade_chip(chip, grade)
    return chip


def money_text(value: Any) -> str:
    if value in (None, ""):
        return ""
    return QCoreApplication.translate("HazardDialogs", "¥{amount}").format(
        amount=f"{float(value):,.2f}")


# -- people who can be chosen ---------------------------------------------------------------

def candidate_users(ws: Workspace, actor: Actor) -> list[Actor]:
    """The users a dispatcher may pick as rectifier or re-checker (active users)."""
    return ws.hazards.assignees(actor)


def resolve_user(ws: Workspace, actor: Actor, username: str) -> Actor | None:
    """The active user with exactly this user name (a typed choice), or None."""
    wanted = username.strip().lower()
    return next((u for u in ws.hazards.assignees(actor) if u.username.lower() == wanted), None)


class UserPicker(QComboBox):
    """Choose a user from the list, or type a user name (checked when the form is saved)."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(16)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(placeholder)
            line.setClearButtonEnabled(True)

    def set_users(self, users: Iterable[Actor]) -> None:
        self.blockSignals(True)
        self.clear()
        # Chinese names in pinyin order (张 after 李), as people look them up on paper lists.
        collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        for user in sorted(users, key=lambda u: collator.sortKey(u.display_name)):
            text = user.display_name if user.display_name == user.username else \
                f"{user.display_name} ({user.username})"
            self.addItem(text, user.user_id)
            self.setItemData(self.count() - 1, user.display_name, USER_NAME_ROLE)
        self.setCurrentIndex(-1)
        self.setEditText("")
        self.blockSignals(False)

    def select_user(self, user_id: str | None) -> None:
        index = self.findData(user_id) if user_id else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def choice(self) -> tuple[str | None, str]:
        """(user id, display name) of a listed user, else (None, the text typed)."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return self.itemData(index), str(self.itemData(index, USER_NAME_ROLE))
        return None, text


def _resolve_choice(ws: Workspace, actor: Actor, choice: tuple[str | None, str],
                    permission: Permission, unknown: str,
                    not_allowed: str) -> tuple[str | None, str]:
    """Runs on the db lane: (user id, display name) for a picker's choice. A typed name must be
    the user name of an active user whose role allows the job."""
    user_id, text = choice
    if user_id or not text:
        return user_id, text
    user = resolve_user(ws, actor, text)
    if user is None:
        raise FormProblem(unknown.format(name=text))
    if not user.can(permission):
        raise FormProblem(not_allowed.format(name=user.display_name))
    return user.user_id, user.display_name


# -- photos ---------------------------------------------------------------------------------

def thumbnail(path: Path, size: QSize = THUMB) -> QImage:
    """Decode a photo at thumbnail size (off the UI thread: QImage, not QPixmap)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    found = reader.size()
    if found.isValid():
        reader.setScaledSize(found.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class PhotoPicker(QWidget):
    """Photos chosen from files (before or after), shown as thumbnails, removable."""

    thumbnails_loaded = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.list = QListWidget(self)
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setFixedHeight(THUMB.height() + 44)
        self.list.setSpacing(4)
        self.add_button = QPushButton(self.tr("Add photos…"), self)
        self.add_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.list.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.list.selectedItems())))
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def paths(self) -> list[Path]:
        return [Path(self.list.item(r).data(PHOTO_PATH_ROLE)) for r in range(self.list.count())]

    def choose(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation)
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.title, folder,
            self.tr("Photos (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)"))
        self.add_files(paths)

    def add_files(self, paths: Iterable[str | Path]) -> None:
        known = {str(p) for p in self.paths()}
        placeholder = QPixmap(THUMB)
        placeholder.fill(QColor("#E4E7EB"))
        added = []
        for raw in paths:
            path = Path(raw)
            if str(path) in known:
                continue
            item = QListWidgetItem(QIcon(placeholder), path.name)
            item.setData(PHOTO_PATH_ROLE, str(path))
            item.setToolTip(str(path))
            item.setSizeHint(QSize(THUMB.width() + 12, THUMB.height() + 36))
            self.list.addItem(item)
            added.append(path)
        if not added:
            return

        def work(_: object) -> dict[str, QImage]:
            return {str(p): thumbnail(p) for p in added if p.suffix.lower() in IMAGE_SUFFIXES}

        Op(self, work, lane="io").success(guard(self, self._thumbnails)).failure(
            lambda _exc: None).run()  # a photo that does not decode keeps its grey placeholder

    def _thumbnails(self, images: dict[str, QImage]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            image = images.get(item.data(PHOTO_PATH_ROLE))
            if image is not None and not image.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(image)))
        self.thumbnails_loaded.emit()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))


def attach_photo(ws: Workspace, actor: Actor, hazard_id: str, kind: str, path: Path) -> str:
    """Runs on the db lane: store one photo with a hazard (permission checked by the service)."""
    return ws.hazards.attach(actor, hazard_id, kind, path)


# -- the dialogs ----------------------------------------------------------------------------

class _FormDialog(QDialog):
    """A form whose Save runs one service call on the db lane; refusals show inline."""

    saved = Signal(str)  # the hazard's id, after the service stored the change

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 save_text: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hazard_id = ""
        self.setMinimumWidth(560)
        self.header = QVBoxLayout()
        self.header.setSpacing(6)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(10)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(save_text or self.tr("Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveButton")
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        self.body.setSpacing(12)
        self.body.addLayout(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(14)
        layout.addLayout(self.header)
        layout.addLayout(self.body)
        layout.addStretch(1)  # spare height below the form, not between its rows
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def prepare(self) -> Callable[[], Any]:
        """Read the form (UI thread) and return the work for the db lane. A problem the
        dialog can see itself is raised as FormProblem."""
        raise NotImplementedError

    def save(self) -> None:
        try:
            work = self.prepare()
        except FormProblem as problem:
            self.show_error(str(problem))
            return
        self.error.hide()
        self.save_button.setEnabled(False)
        Op(self, lambda _: work(), lane="db").success(guard(self, self._saved)).failure(
            guard(self, self._refused)).run()

    def _saved(self, result: Any) -> None:
        hazard_id = result if isinstance(result, str) else self.hazard_id
        self.hazard_id = hazard_id
        self.ctx.notify("hazard", [hazard_id])
        self.saved.emit(hazard_id)
        self.accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, DomainError):
            self.show_error(exc.message())
        elif isinstance(exc, FormProblem):
            self.show_error(str(exc))
        else:
            show_error(self, exc)

    @staticmethod
    def text_box(parent: QWidget, placeholder: str = "", height: int = 72) -> QPlainTextEdit:
        box = QPlainTextEdit(parent)
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setFixedHeight(height)
        return box

    @staticmethod
    def money_box(parent: QWidget) -> QDoubleSpinBox:
        box = QDoubleSpinBox(parent)
        box.setRange(0, 100_000_000)
        box.setDecimals(2)
        box.setSingleStep(100)
        box.setGroupSeparatorShown(True)
        box.setSuffix(QCoreApplication.translate("HazardDialogs", " yuan"))
        return box


class _StepDialog(_FormDialog):
    """A step on one hazard: the hazard is summed up at the top so the clerk knows which."""

    def __init__(self, ctx: AppContext, hazard: Hazard, title: str, save_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, save_text)
        self.hazard = hazard
        self.hazard_id = hazard.id
        self.setWindowTitle(f"{title} — {hazard.number}")
        top = QHBoxLayout()
        top.setSpacing(10)
        number = QLabel(hazard.number, self)
        number.setStyleSheet(_MUTED)
        top.addWidget(number)
        top.addWidget(grade_chip(hazard.grade, self))
        step = QLabel(label(STEP_LABELS, hazard.step), self)
        step.setStyleSheet(_MUTED)
        top.addWidget(step)
        top.addStretch(1)
        description = QLabel(hazard.description, self)
        description.setWordWrap(True)
        font = description.font()
        font.setBold(True)
        description.setFont(font)
        place = " · ".join(p for p in (hazard.area_name, hazard.line_name, hazard.equipment_code,
                                       hazard.location or "") if p)
        self.header.addLayout(top)
        self.header.addWidget(description)
        if place:
            where = QLabel(place, self)
            where.setStyleSheet(_MUTED)
            self.header.addWidget(where)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #dde1e6;")
        self.header.addWidget(line)

    def note(self, text: str) -> QLabel:
        """A read-only line of context (the measures to do, the reason it came back …)."""
        note = QLabel(text, self)
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return note


class RecordHazardDialog(_FormDialog):
    """登记隐患: staff record a hazard they found; it enters the workflow at 待派发."""

    ready = Signal()  # areas, lines and (for a preset area) machines are in the form

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 area_id: str | None = None, equipment_id: str | None = None) -> None:
        super().__init__(ctx, parent, self.tr("Record"))
        self.setWindowTitle(self.tr("Record a hazard"))
        self.lines: list[dict[str, Any]] = []
        self.machines: list[Equipment] = []
        self._preset_area, self._preset_equipment = area_id, equipment_id
        self._preset_line: str | None = None
        self._machine_generation = 0
        self.is_ready = False

        self.description = self.text_box(self, self.tr(
            "What is wrong, and exactly where, e.g. the foot switch of press 3 on line B has "
            "no guard"), 80)
        self.type = QComboBox(self)
        self.type.addItem(self.tr("Choose the type…"), None)
        for key in HAZARD_TYPES:
            self.type.addItem(label(HAZARD_TYPES, key), key)
        self.grades = QButtonGroup(self)
        grade_row = QHBoxLayout()
        for grade in GRADES:
            button = QRadioButton(label(GRADE_LABELS, grade), self)
            button.setObjectName(f"grade_{grade}")
            button.setProperty("grade", grade)
            self.grades.addButton(button)
            grade_row.addWidget(button)
        grade_row.addStretch(1)
        self.grades.buttons()[0].setChecked(True)
        self.grade_hint = QLabel(self)
        self.grade_hint.setWordWrap(True)
        self.grades.buttonToggled.connect(lambda *_: self._grade_changed())
        self.source = QComboBox(self)
        for key in SOURCES:
            if key != "snapshot":  # 随手拍 reports come through the report form
                self.source.addItem(label(SOURCE_LABELS, key), key)
        self.source.setCurrentIndex(max(0, self.source.findData("inspection")))
        self.area = QComboBox(self)
        self.line = QComboBox(self)
        self.equipment = QComboBox(self)
        self.equipment.setMinimumContentsLength(20)
        self.location = QLineEdit(self)
        self.location.setPlaceholderText(self.tr("Part or spot, e.g. foot switch, north door"))
        self.found_at = QDateTimeEdit(self)
        self.found_at.setCalendarPopup(True)
        self.found_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        now = QDateTime(ctx.workspace.hazards.now())
        self.found_at.setDateTime(now)
        self.found_at.setMaximumDateTime(now.addSecs(300))
        self.photos = PhotoPicker(self.tr("Photos of the hazard"), self)

        grade_box = QVBoxLayout()
        grade_box.setSpacing(4)
        grade_box.addLayout(grade_row)
        grade_box.addWidget(self.grade_hint)
        self.form.addRow(self.tr("Description *"), self.description)
        self.form.addRow(self.tr("Type *"), self.type)
        self.form.addRow(self.tr("Grade *"), grade_box)
        self.form.addRow(self.tr("Source"), self.source)
        self.form.addRow(self.tr("Area"), self.area)
        self.form.addRow(self.tr("Line"), self.line)
        self.form.addRow(self.tr("Equipment"), self.equipment)
        self.form.addRow(self.tr("Location"), self.location)
        self.form.addRow(self.tr("Found at *"), self.found_at)
        self.form.addRow(self.tr("Photos (before)"), self.photos)
        self.area.currentIndexChanged.connect(lambda _: self._area_changed())
        self.line.currentIndexChanged.connect(lambda _: self._fill_machines())
        self._grade_changed()
        self.resize(680, 660)
        self.save_button.setEnabled(False)  # until the choices are loaded
        self.load_lookups()

    # -- choices ------------------------------------------------------------------------
    def load_lookups(self) -> None:
        ws, actor, preset = self.ctx.workspace, self.ctx.actor, self._preset_equipment

        def work(_: object) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                                     Equipment | None]:
            machine = ws.equipment.get(actor, preset) if preset else None
            return ws.structure.list(actor, "area"), ws.structure.list(actor, "line"), machine

        Op(self, work, lane="db").success(guard(self, self._lookups_loaded)).failure(
            guard(self, self._refused)).run()

    def _lookups_loaded(self, result: tuple[list[dict[str, Any]], list[dict[str, Any]],
                                            Equipment | None]) -> None:
        areas, self.lines, machine = result
        if machine is not None:
            self._preset_area = machine.area_id or self._preset_area
            self._preset_line = machine.line_id
        self.area.blockSignals(True)
        self.area.addItem(self.tr("None"), None)
        for area in sorted(areas, key=lambda a: a["code"]):
            self.area.addItem(area["name"], area["id"])
        self.area.setCurrentIndex(max(0, self.area.findData(self._preset_area)))
        self.area.blockSignals(False)
        self._area_changed()
        self.save_button.setEnabled(True)

    def _area_changed(self) -> None:
        area_id = self.area.currentData()
        self.line.blockSignals(True)
        self.line.clear()
        self.line.addItem(self.tr("None"), None)
        for line in self.lines:
            if area_id and line["area_id"] == area_id:
                self.line.addItem(line["name"], line["id"])
        self.line.setCurrentIndex(max(0, self.line.findData(self._preset_line)))
        self.line.setEnabled(area_id is not None)
        self.line.blockSignals(False)
        self._load_machines(area_id)

    def _load_machines(self, area_id: str | None) -> None:
        self._machine_generation += 1
        generation = self._machine_generation
        if area_id is None:
            self._machines_loaded(generation, [])
            return
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: object) -> list[Equipment]:
            return ws.equipment.search_page(actor, EquipmentQuery(area_id=area_id), 0,
                                            EQUIPMENT_LIMIT)[0]

        Op(self, work, lane="db").success(
            guard(self, lambda rows: self._machines_loaded(generation, rows))).failure(
            guard(self, self._refused)).run()

    def _machines_loaded(self, generation: int, machines: list[Equipment]) -> None:
        if generation != self._machine_generation:
            return
        self.machines = machines
        self._fill_machines()
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    def _fill_machines(self) -> None:
        line_id = self.line.currentData()
        current = self.equipment.currentData() or self._preset_equipment
        self.equipment.clear()
        self.equipment.addItem(self.tr("None"), None)
        for machine in self.machines:
            if line_id is None or machine.line_id == line_id:
                self.equipment.addItem(f"{machine.code}  {machine.name}", machine.id)
        self.equipment.setCurrentIndex(max(0, self.equipment.findData(current)))
        self.equipment.setEnabled(self.area.currentData() is not None)
        self._preset_equipment = None
        self._preset_line = None

    def _grade_changed(self) -> None:
        if self.grade() == "major":
            self.grade_hint.setText(self.tr(
                "Major hazard: needs a full or partial stop and time to fix, or the plant "
                "cannot fix it alone. It needs the six fixes, a remediation plan and a report "
                "to the regulator."))
            self.grade_hint.setStyleSheet("color: #8E1F14;")
        else:
            self.grade_hint.setText(self.tr(
                "General hazard: little harm, can be fixed on the spot or quickly."))
            self.grade_hint.setStyleSheet(_MUTED)

    # -- values -------------------------------------------------------------------------
    def grade(self) -> str:
        button = self.grades.checkedButton()
        return str(button.property("grade")) if button else "general"

    def set_grade(self, grade: str) -> None:
        for button in self.grades.buttons():
            button.setChecked(button.property("grade") == grade)

    def values(self) -> dict[str, Any]:
        return {
            "description": self.description.toPlainText(),
            "type": self.type.currentData(),
            "grade": self.grade(),
            "source": self.source.currentData(),
            "area_id": self.area.currentData(),
            "line_id": self.line.currentData(),
            "equipment_id": self.equipment.currentData(),
            "location": self.location.text().strip() or None,
            "found_at": self.found_at.dateTime().toPython().replace(second=0, microsecond=0),
        }

    def prepare(self) -> Callable[[], str]:
        values = self.values()
        if values["description"].strip() and values["type"] is None:
            raise FormProblem(self.tr("Please choose the type of hazard."))
        photos = self.photos.paths()
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work() -> str:
            hazard_id = ws.hazards.record(actor, values)
            for path in photos:
                attach_photo(ws, actor, hazard_id, "before", path)
            return hazard_id

        return work


class DispatchDialog(_StepDialog):
    """派发: who fixes it, how, with what money, by when, and who checks it. For a major hazard
    the six fixes (六定) are all required, with a remediation plan and the stop/report flags."""

    ready = Signal()

    def __init__(self, ctx: AppContext, hazard: Hazard, parent: QWidget | None = None) -> None:
        super().__init__(ctx, hazard, self.tr("Dispatch"), self.tr("Dispatch"), parent)
        self.major = hazard.grade == "major"
        self.areas: list[dict[str, Any]] = []
        self.is_ready = False
        star = " *" if self.major else ""
        self.department = QComboBox(self)
        self.rectifier = UserPicker(self.tr("Choose, or type a user name"), self)
        self.rectifier.setObjectName("rectifierPicker")
        self.measures = self.text_box(self, self.tr("What must be done, e.g. fit a guard over "
                                                    "the foot switch"))
        self.funds = self.money_box(self)
        self.funds.setSpecialValueText(self.tr("None") if not self.major else "")
        self.deadline = QDateTimeEdit(self)
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        rules = ctx.workspace.hazards.rules()
        hours = rules.step_hours(hazard.grade, RECTIFY) or 72
        now = ctx.workspace.hazards.now().replace(second=0, microsecond=0)
        self.deadline.setDateTime(QDateTime(now + dt.timedelta(hours=hours)))
        self.deadline.setToolTip(self.tr("The default is {h} hours from now for this grade")
                                 .format(h=f"{hours:g}"))
        self.reviewer = UserPicker(self.tr("Optional: choose, or type a user name")
                                   if not self.major else
                                   self.tr("Choose, or type a user name"), self)
        self.reviewer.setObjectName("reviewerPicker")
        self.no_list_hint = QLabel(self.tr(
            "Type the user name of the rectifier and re-checker (as they log in)."), self)
        self.no_list_hint.setStyleSheet(_MUTED)
        self.no_list_hint.setWordWrap(True)
        self.no_list_hint.hide()

        if self.major:
            six = QLabel(self.tr(
                "A major hazard is dispatched with the six fixes (六定): the item, measures, "
                "funds, owner, deadline and re-checker, all required."), self)
            six.setWordWrap(True)
            six.setStyleSheet("color: #8E1F14;")
            self.form.addRow(six)
        self.form.addRow(self.tr("Department *"), self.department)
        self.form.addRow(self.tr("Rectifier *"), self.rectifier)
        self.form.addRow("", self.no_list_hint)
        self.form.addRow(self.tr("Measures *"), self.measures)
        self.form.addRow(self.tr("Funds") + star, self.funds)
        self.form.addRow(self.tr("Deadline *"), self.deadline)
        self.form.addRow(self.tr("Re-checker") + star, self.reviewer)

        self.major_box = QGroupBox(self.tr("Major hazard: plan, stoppage and report"), self)
        major = QFormLayout(self.major_box)
        major.setHorizontalSpacing(16)
        self.plan = self.text_box(self.major_box, self.tr(
            "The remediation plan: goal, steps, safety measures while fixing, people and "
            "materials"), 90)
        self.stop_production = QCheckBox(self.tr("Stop production while it is fixed"),
                                         self.major_box)
        self.stop_scope = QComboBox(self.major_box)
        self.stop_scope.addItem(self.tr("Partial stop (the affected area or machine)"),
                                "partial")
        self.stop_scope.addItem(self.tr("Full stop"), "full")
        self.stop_scope.setEnabled(False)
        self.stop_production.toggled.connect(self.stop_scope.setEnabled)
        stop_row = QVBoxLayout()
        stop_row.setSpacing(6)
        stop_row.addWidget(self.stop_production)
        stop_row.addWidget(self.stop_scope)
        self.report_to_regulator = QCheckBox(
            self.tr("Report to the regulator (emergency management bureau)"), self.major_box)
        self.report_to_regulator.setChecked(True)  # the law asks for a prompt report
        major.addRow(self.tr("Remediation plan *"), self.plan)
        major.addRow(self.tr("Stoppage"), stop_row)
        major.addRow("", self.report_to_regulator)
        self.major_box.setVisible(self.major)
        self.body.addWidget(self.major_box)
        self.resize(660, 760 if self.major else 560)
        self.save_button.setEnabled(False)
        self.load_lookups()

    def load_lookups(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: object) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Actor]]:
            return (ws.structure.list(actor, "department"), ws.structure.list(actor, "area"),
                    candidate_users(ws, actor))

        Op(self, work, lane="db").success(guard(self, self._lookups_loaded)).failure(
            guard(self, self._refused)).run()

    def _lookups_loaded(self, result: tuple[list[dict[str, Any]], list[dict[str, Any]],
                                            list[Actor]]) -> None:
        departments, self.areas, users = result
        self.department.addItem(self.tr("Choose…"), None)
        for department in sorted(departments, key=lambda d: d["code"]):
            self.department.addItem(department["name"], department["id"])
        # The area's own department is who usually fixes what is found there.
        area = next((a for a in self.areas if a["id"] == self.hazard.area_id), None)
        default = self.hazard.department_id or (area or {}).get("department_id")
        self.department.setCurrentIndex(max(0, self.department.findData(default)))
        self.rectifier.set_users(u for u in users if u.can(Permission.RECTIFY_HAZARD))
        self.reviewer.set_users(u for u in users if u.can(Permission.REVIEW_HAZARD))
        self.no_list_hint.setVisible(not users)
        self.save_button.setEnabled(True)
        self.is_ready = True
        self.ready.emit()

    def prepare(self) -> Callable[[], HazardState]:
        ws, actor, hazard_id = self.ctx.workspace, self.ctx.actor, self.hazard_id
        unknown = self.tr("There is no active user with the user name “{name}”.")
        cannot_fix = self.tr("{name} cannot be the rectifier: their account has no "
                             "rectifier role.")
        cannot_check = self.tr("{name} cannot be the re-checker: their account has no "
                               "reviewer role.")
        rectifier, reviewer = self.rectifier.choice(), self.reviewer.choice()
        funds = self.funds.value() or None
        values: dict[str, Any] = {
            "department_id": self.department.currentData(),
            "department_name": self.department.currentText()
            if self.department.currentData() else "",
            "measures": self.measures.toPlainText(),
            "funds": funds,
            "deadline": self.deadline.dateTime().toPython().replace(second=0, microsecond=0),
        }
        if self.major:
            values.update({
                "plan": self.plan.toPlainText(),
                "stop_production": self.stop_production.isChecked(),
                "stop_scope": self.stop_scope.currentData()
                if self.stop_production.isChecked() else None,
                "report_to_regulator": self.report_to_regulator.isChecked(),
            })

        def work() -> HazardState:
            rectifier_id, rectifier_name = _resolve_choice(
                ws, actor, rectifier, Permission.RECTIFY_HAZARD, unknown, cannot_fix)
            reviewer_id, reviewer_name = _resolve_choice(
                ws, actor, reviewer, Permission.REVIEW_HAZARD, unknown, cannot_check)
            payload = {**values, "rectifier_id": rectifier_id, "rectifier_name": rectifier_name,
                       "reviewer_id": reviewer_id, "reviewer_name": reviewer_name}
            return ws.hazards.dispatch(actor, hazard_id, payload)

        return work


class RectifyDialog(_StepDialog):
    """登记整改: what was done, what it cost, photos after the fix."""

    def __init__(self, ctx: AppContext, hazard: Hazard, parent: QWidget | None = None,
                 state: HazardState | None = None) -> None:
        super().__init__(ctx, hazard, self.tr("Record rectification"), self.tr("Save"), parent)
        if state is not None and state.dispatch:
            measures = str(state.dispatch.get("measures") or "")
            due = time_text(state.deadline)
            self.form.addRow(self.tr("Measures asked for"), self.note(measures))
            if due:
                self.form.addRow(self.tr("Deadline"), self.note(due))
        if state is not None and state.last_rejection:
            back = self.note(state.last_rejection)
            back.setStyleSheet("color: #8E1F14;")
            self.form.addRow(self.tr("Sent back because"), back)
        self.what = self.text_box(self, self.tr("What was done, e.g. fitted a fixed guard "
                                                "and tested the foot switch"), 90)
        self.cost = self.money_box(self)
        self.photos = PhotoPicker(self.tr("Photos after the fix"), self)
        self.form.addRow(self.tr("What was done *"), self.what)
        self.form.addRow(self.tr("Cost"), self.cost)
        self.form.addRow(self.tr("Photos (after)"), self.photos)
        self.resize(640, 560)

    def prepare(self) -> Callable[[], HazardState]:
        ws, actor, hazard_id = self.ctx.workspace, self.ctx.actor, self.hazard_id
        note, cost, photos = self.what.toPlainText(), self.cost.value(), self.photos.paths()

        def work() -> HazardState:
            # The blobs first (the event names them by hash); their attachment rows only once
            # the service accepted the rectification, so a refusal leaves no stray rows.
            hashes = [ws.attachments.put(path)[0] for path in photos]
            state = ws.hazards.rectify(actor, hazard_id, note, cost, hashes)
            for path in photos:
                attach_photo(ws, actor, hazard_id, "after", path)
            return state

        return work


class ReviewDialog(_StepDialog):
    """复核: pass it, or send it back with a reason the rectifier will read."""

    def __init__(self, ctx: AppContext, hazard: Hazard, parent: QWidget | None = None,
                 passed: bool = True, state: HazardState | None = None) -> None:
        super().__init__(ctx, hazard, self.tr("Review"), self.tr("Save"), parent)
        if state is not None and state.rectification:
            fix = state.rectification
            self.form.addRow(self.tr("What was done"), self.note(str(fix.get("note") or "")))
            if fix.get("cost") is not None:
                self.form.addRow(self.tr("Cost"), self.note(money_text(fix.get("cost"))))
        self.pass_button = QRadioButton(self.tr("Pass: the hazard is fixed"), self)
        self.reject_button = QRadioButton(self.tr("Send back: not fixed properly"), self)
        choice = QVBoxLayout()
        choice.addWidget(self.pass_button)
        choice.addWidget(self.reject_button)
        self.reason = self.text_box(self, self.tr("Why it goes back, e.g. the guard is loose"))
        self.form.addRow(self.tr("Result *"), choice)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.pass_button.toggled.connect(lambda _: self._choice_changed())
        (self.pass_button if passed else self.reject_button).setChecked(True)
        self._choice_changed()
        self.resize(600, 420)

    def _choice_changed(self) -> None:
        passed = self.pass_button.isChecked()
        self.save_button.setText(self.tr("Pass review") if passed else self.tr("Send back"))
        self.form.labelForField(self.reason).setText(  # type: ignore[union-attr]
            self.tr("Note") if passed else self.tr("Reason *"))

    def prepare(self) -> Callable[[], HazardState]:
        ws, actor, hazard_id = self.ctx.workspace, self.ctx.actor, self.hazard_id
        passed, reason = self.pass_button.isChecked(), self.reason.toPlainText()
        return lambda: ws.hazards.review(actor, hazard_id, passed, reason)


class ArchiveDialog(_StepDialog):
    """归档 (销号): closes the hazard with today's close-out date."""

    def __init__(self, ctx: AppContext, hazard: Hazard, parent: QWidget | None = None) -> None:
        super().__init__(ctx, hazard, self.tr("Archive"), self.tr("Archive"), parent)
        today = ctx.workspace.hazards.now().date().isoformat()
        self.form.addRow(self.note(self.tr(
            "The review has passed. Archiving closes the hazard out in the ledger with "
            "today's date ({date}); it can no longer be changed.").format(date=today)))
        self.remark = self.text_box(self, self.tr("Optional remark for the ledger"), 60)
        self.form.addRow(self.tr("Remark"), self.remark)
        self.resize(560, 320)

    def prepare(self) -> Callable[[], HazardState]:
        ws, actor, hazard_id = self.ctx.workspace, self.ctx.actor, self.hazard_id
        note = self.remark.toPlainText().strip()
        return lambda: ws.hazards.archive(actor, hazard_id, note)


class ResolveConflictDialog(_StepDialog):
    """处理冲突: changes made on another PC that did not fit the hazard's history are listed;
    the supervisor settles them with a note (the events stay in the history)."""

    def __init__(self, ctx: AppContext, hazard: Hazard, conflicts: Sequence[Conflict],
                 events: Sequence[Event] = (), parent: QWidget | None = None) -> None:
        super().__init__(ctx, hazard, self.tr("Settle conflict"), self.tr("Settle"), parent)
        by_id = {e.id: e for e in events}
        self.form.addRow(self.note(self.tr(
            "These changes were made on another PC while it was offline. They arrived after "
            "the hazard had moved on, so they were not applied. Check with the people named, "
            "then settle them with a note; nothing is deleted from the history.")))
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Time"), self.tr("Who"), self.tr("Change"),
                                   self.tr("Step it met"), self.tr("Details")])
        for column, width in enumerate((130, 100, 150, 90)):
            self.list.setColumnWidth(column, width)
        for conflict in conflicts:
            event = by_id.get(conflict.event_id)
            item = QTreeWidgetItem([
                time_text(conflict.at), conflict.actor_name, event_label(conflict.kind),
                label(STEP_LABELS, conflict.step),
                event_details(event) if event is not None else ""])
            item.setData(0, Qt.ItemDataRole.UserRole, conflict.event_id)
            item.setCheckState(0, Qt.CheckState.Checked)
            for column in range(5):
                item.setToolTip(column, item.text(column))
            self.list.addTopLevelItem(item)
        self.list.setMinimumHeight(120)
        self.note_box = self.text_box(self, self.tr(
            "How it was settled, e.g. the first dispatch stands; 李工 was told"))
        self.form.addRow(self.list)
        self.form.addRow(self.tr("Note *"), self.note_box)
        self.resize(760, 480)

    def chosen(self) -> list[str]:
        items = (self.list.topLevelItem(r) for r in range(self.list.topLevelItemCount()))
        return [str(i.data(0, Qt.ItemDataRole.UserRole)) for i in items
                if i is not None and i.checkState(0) == Qt.CheckState.Checked]

    def prepare(self) -> Callable[[], HazardState]:
        ids = self.chosen()
        if not ids:
            raise FormProblem(self.tr("Tick the conflicting changes to settle."))
        ws, actor, hazard_id = self.ctx.workspace, self.ctx.actor, self.hazard_id
        note = self.note_box.toPlainText()
        return lambda: ws.hazards.resolve_conflict(actor, hazard_id, ids, note)


def event_details(event: Event) -> str:
    """The details column of the timeline: what the event carried, in plain words."""
    p = event.payload
    parts: list[str] = []

    def add(text: str, value: Any) -> None:
        if value not in (None, "", [], False):
            parts.append(text.format(value=value))

    kind = event.kind
    if kind in (DISCOVERED, REPORTED):
        add(QCoreApplication.translate("HazardEvents", "Found {value}"), time_text(_time(p.get("found_at"))))
        add(QCoreApplication.translate("HazardEvents", "by {value}"), p.get("reporter_name"))
    elif kind == DISPATCHED:
        add(QCoreApplication.translate("HazardEvents", "To {value}"), " · ".join(
            str(x) for x in (p.get("rectifier_name"), p.get("department_name")) if x))
        add(QCoreApplication.translate("HazardEvents", "due {value}"), time_text(_time(p.get("deadline"))))
        add(QCoreApplication.translate("HazardEvents", "measures: {value}"), p.get("measures"))
        add(QCoreApplication.translate("HazardEvents", "funds {value}"), money_text(p.get("funds")))
        add(QCoreApplication.translate("HazardEvents", "re-checker {value}"), p.get("reviewer_name"))
        if p.get("stop_production"):
            parts.append(QCoreApplication.translate("HazardEvents", "production stopped"))
        if p.get("report_to_regulator"):
            parts.append(QCoreApplication.translate("HazardEvents", "reported to the regulator"))
    elif kind == RECTIFIED:
        add("{value}", p.get("note"))
        add(QCoreApplication.translate("HazardEvents", "cost {value}"), money_text(p.get("cost")))
        add(QCoreApplication.translate("HazardEvents", "photos: {value}"), len(p.get("photos") or []))
        if p.get("on_time") is False:
            parts.append(QCoreApplication.translate("HazardEvents", "after the deadline"))
    elif kind in (REVIEW_REJECTED, REPORT_REJECTED, REVIEW_PASSED):
        add(QCoreApplication.translate("HazardEvents", "Reason: {value}") if kind != REVIEW_PASSED else "{value}",
            p.get("reason"))
    elif kind == MERGED_INTO:
        add(QCoreApplication.translate("HazardEvents", "Into {value}"), p.get("number"))
    elif kind == ARCHIVED:
        add(QCoreApplication.translate("HazardEvents", "Closed out {value}"), p.get("closed_on"))
        add("{value}", p.get("note"))
    elif kind == ESCALATED:
        level = int(p.get("level") or 0)
        parts.append(QCoreApplication.translate("HazardEvents", "to the plant's safety lead") if level >= 2
                     else QCoreApplication.translate("HazardEvents", "to the department head"))
        add(QCoreApplication.translate("HazardEvents", "step {value}"), label(STEP_LABELS, p.get("step")))
        add(QCoreApplication.translate("HazardEvents", "was due {value}"), time_text(_time(p.get("deadline"))))
    elif kind == REWARDED:
        add(QCoreApplication.translate("HazardEvents", "Reward {value}"), money_text(p.get("amount")))
        add("{value}", p.get("note"))
    else:  # verified, commented, conflict_resolved and kinds from newer versions
        add("{value}", p.get("note") or p.get("text"))
    return "; ".join(parts)


def _time(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def step_dialog(ctx: AppContext, hazard: Hazard, kind: str, parent: QWidget | None = None,
                state: HazardState | None = None,
                events: Sequence[Event] = ()) -> QDialog:
    """The dialog that takes the workflow action ``kind`` (an event kind) on ``hazard``."""
    if kind in (VERIFIED, REPORT_REJECTED, MERGED_INTO):
        # The clerk's check of a 随手拍 report has its own dialog (accept / not / duplicate).
        verify = VerifyDialog(ctx, hazard.id, parent)
        verify.choose({VERIFIED: ACCEPT, REPORT_REJECTED: REJECT, MERGED_INTO: MERGE}[kind])
        return verify
    if kind == DISPATCHED:
        return DispatchDialog(ctx, hazard, parent)
    if kind == RECTIFIED:
        return RectifyDialog(ctx, hazard, parent, state)
    if kind in (REVIEW_PASSED, REVIEW_REJECTED):
        return ReviewDialog(ctx, hazard, parent, kind == REVIEW_PASSED, state)
    if kind == ARCHIVED:
        return ArchiveDialog(ctx, hazard, parent)
    if kind == CONFLICT_RESOLVED:
        return ResolveConflictDialog(ctx, hazard, state.conflicts if state else (), events,
                                     parent)
    raise ValueError(f"no dialog for hazard action {kind!r}")
