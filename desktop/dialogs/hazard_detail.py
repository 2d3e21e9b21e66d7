"""One hazard in full: what and where, the six fixes once dispatched, the rectification, photos
before and after side by side, and the whole event history.

The dialog opens from anywhere with the context and a hazard id (the list, the board, a
notification, the equipment card), reads everything itself, follows ``ctx.data_changed`` and
offers buttons only for what ``HazardService.allowed_actions`` says this user may do now.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import i18n
from core.auth import Actor, Permission
from core.hazards import HAZARD_TYPES, SOURCE_LABELS, STEP_LABELS, Hazard, label
from core.workflow import (
    CONFLICT_RESOLVED,
    ESCALATED,
    RECTIFIED,
    Event,
    HazardState,
    fold,
)
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs.equipment_card import IMAGE_SUFFIXES
from desktop.dialogs.feedback import MessageBar, guard
from desktop.dialogs.hazard_dialogs import (
    action_label,
    chip_style,
    event_details,
    event_label,
    money_text,
    step_dialog,
    style_grade_chip,
    thumbnail,
)
from desktop.models.equipment_model import ALERT_COLOUR, alert_icon
from desktop.models.hazard_model import (
    CONFLICT_COLOUR,
    GRADE_CHIP,
    overdue_text,
    span_text,
    time_text,
)
from desktop.tasks import Op

PHOTO = QSize(200, 150)
PHOTO_ROLE = Qt.ItemDataRole.UserRole + 1  # the Photo behind a thumbnail
EVENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Event behind a timeline row
_MUTED = "color: #6b7785;"
_CONFLICT_BACKGROUND = QColor("#FDEDEC")
_ESCALATION_COLOUR = QColor("#9A5B00")
_SETTLED_COLOUR = QColor("#8A8F98")


@dataclass(frozen=True)
class Photo:
    sha256: str
    filename: str
    kind: str


@dataclass(frozen=True)
class HazardDetail:
    hazard: Hazard
    events: list[Event]
    state: HazardState
    actions: list[str]
    before: list[Photo] = field(default_factory=list)
    after: list[Photo] = field(default_factory=list)
    now: dt.datetime = field(default_factory=dt.datetime.now)


def hazard_photos(ws: Workspace, actor: Actor, hazard_id: str,
                  events: list[Event], state: HazardState) -> tuple[list[Photo], list[Photo]]:
    """Runs on the db lane: (before, after). Before: photos taken at discovery (kinds "before"
    and "photo"), listed by ``HazardService.attachments``. After: the
    photos the latest rectification names (by hash), else attachments of kind "after"."""
    attachments = ws.hazards.attachments(actor, hazard_id)
    names = {a.sha256: a.filename for a in attachments}

    def image(filename: str) -> bool:
        return not filename or Path(filename).suffix.lower() in IMAGE_SUFFIXES

    before = [Photo(a.sha256, a.filename, a.kind) for a in attachments
              if a.kind in ("before", "photo") and image(a.filename)]
    conflicts = {c.event_id for c in state.conflicts}
    fixes = [e for e in events if e.kind == RECTIFIED and e.id not in conflicts]
    hashes = list(fixes[-1].payload.get("photos") or []) if fixes else []
    after = [Photo(h, names.get(h, ""), "after") for h in hashes]
    if not after:
        after = [Photo(a.sha256, a.filename, a.kind) for a in attachments
                 if a.kind == "after" and image(a.filename)]
    return before, after


class HazardDetailDialog(QDialog):
    loaded = Signal()  # the dialog shows the latest data (after each load)
    thumbnails_loaded = Signal()

    # Replaced in tests: the desktop's "open with" must not start a viewer there.
    open_url = staticmethod(QDesktopServices.openUrl)

    def __init__(self, ctx: AppContext, hazard_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hazard_id = hazard_id
        self.detail: HazardDetail | None = None
        self.action_buttons: dict[str, QPushButton] = {}
        self._thumb_generation = 0
        self.setWindowTitle(self.tr("Hazard"))
        self.resize(1120, 780)  # fits a 1280×800 screen with its taskbar

        self.message = MessageBar(self)
        header = self._build_header()
        self.conflict_bar = self._build_conflict_bar()

        body = QWidget(self)
        top = QHBoxLayout()
        top.setSpacing(12)
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self._build_dispatch(body))
        left.addWidget(self._build_rectification(body))
        left.addStretch(1)
        top.addLayout(left, 5)
        top.addWidget(self._build_photos(body), 6)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 4, 0)
        column.setSpacing(12)
        column.addLayout(top)
        column.addWidget(self._build_timeline(body), 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(8)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addLayout(self.actions_row)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(header)
        layout.addWidget(self.conflict_bar)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        ctx.data_changed.connect(self._data_changed)
        self.reload()

    # -- building -----------------------------------------------------------------------
    def _build_header(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("hazardHeader")
        frame.setStyleSheet("#hazardHeader { background: #f6f8fa; border: 1px solid #dde1e6;"
                            " border-radius: 6px; }")
        self.band = QFrame(frame)
        self.band.setFixedWidth(14)
        self.number_label = QLabel(frame)
        self.number_label.setStyleSheet(_MUTED)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description_label = QLabel(frame)
        self.description_label.setWordWrap(True)
        self.description_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.description_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.description_label.setFont(font)
        self.grade_chip = QLabel(frame)
        self.grade_chip.setObjectName("gradeChip")
        self.step_chip = QLabel(frame)
        self.step_chip.setObjectName("stepChip")
        self.overdue_chip = QLabel(frame)
        self.overdue_chip.setObjectName("overdueChip")
        self.overdue_chip.setStyleSheet(chip_style("#FDEDEC", ALERT_COLOUR.name()))
        self.details_label = QLabel(frame)
        self.details_label.setStyleSheet(_MUTED)
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        chips = QHBoxLayout()
        chips.setSpacing(8)
        chips.addWidget(self.number_label)
        chips.addWidget(self.grade_chip)
        chips.addWidget(self.step_chip)
        chips.addWidget(self.overdue_chip)
        chips.addStretch(1)
        text = QVBoxLayout()
        text.setContentsMargins(12, 10, 12, 10)
        text.setSpacing(4)
        text.addLayout(chips)
        text.addWidget(self.description_label)
        text.addWidget(self.details_label)
        row = QHBoxLayout(frame)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.band)
        row.addLayout(text, 1)
        return frame

    def _build_conflict_bar(self) -> QFrame:
        bar = QFrame(self)
        bar.setObjectName("conflictBar")
        bar.setStyleSheet("#conflictBar { background: #FFF6E6; border: 1px solid #F2CF92;"
                          " border-radius: 4px; } #conflictBar QLabel { color: #7A4B00; }")
        self.conflict_label = QLabel(bar)
        self.conflict_label.setWordWrap(True)
        self.conflict_button = QPushButton(action_label(CONFLICT_RESOLVED), bar)
        self.conflict_button.setObjectName("settleConflictButton")
        self.conflict_button.clicked.connect(lambda: self.open_action(CONFLICT_RESOLVED))
        icon = QLabel(bar)
        icon.setPixmap(alert_icon(CONFLICT_COLOUR, 16).pixmap(16, 16))
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 6, 8, 6)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.conflict_label, 1)
        row.addWidget(self.conflict_button)
        bar.hide()
        return bar

    @staticmethod
    def _group(title: str, parent: QWidget) -> tuple[QGroupBox, QVBoxLayout]:
        box = QGroupBox(title, parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        return box, layout

    def _form(self, parent: QWidget) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _build_dispatch(self, parent: QWidget) -> QGroupBox:
        box, layout = self._group(self.tr("Dispatch — the six fixes"), parent)
        self.dispatch_box = box
        self.dispatch_empty = QLabel(self.tr("Not dispatched yet."), box)
        self.dispatch_empty.setStyleSheet(_MUTED)
        self.dispatch_form = self._form(box)
        layout.addWidget(self.dispatch_empty)
        layout.addLayout(self.dispatch_form)
        return box

    def _build_rectification(self, parent: QWidget) -> QGroupBox:
        box, layout = self._group(self.tr("Rectification and review"), parent)
        self.rectification_empty = QLabel(self.tr("Not rectified yet."), box)
        self.rectification_empty.setStyleSheet(_MUTED)
        self.rectification_form = self._form(box)
        layout.addWidget(self.rectification_empty)
        layout.addLayout(self.rectification_form)
        return box

    def _photo_list(self, parent: QWidget, name: str) -> QListWidget:
        view = QListWidget(parent)
        view.setObjectName(name)
        view.setViewMode(QListWidget.ViewMode.IconMode)
        view.setIconSize(PHOTO)
        view.setResizeMode(QListWidget.ResizeMode.Adjust)
        view.setMovement(QListWidget.Movement.Static)
        view.setWordWrap(True)
        view.setSpacing(6)
        view.setMinimumHeight(PHOTO.height() + 48)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.itemActivated.connect(lambda item: self.open_photo(item.data(PHOTO_ROLE)))
        return view

    def _build_photos(self, parent: QWidget) -> QGroupBox:
        box, layout = self._group(self.tr("Photos: before and after"), parent)
        sides = QHBoxLayout()
        sides.setSpacing(10)
        self.before_photos = self._photo_list(box, "beforePhotos")
        self.after_photos = self._photo_list(box, "afterPhotos")
        self.before_empty = QLabel(self.tr("No photo from when it was found."), box)
        self.after_empty = QLabel(self.tr("No photo after the fix yet."), box)
        for title, view, empty in ((self.tr("Before"), self.before_photos, self.before_empty),
                                   (self.tr("After"), self.after_photos, self.after_empty)):
            side = QVBoxLayout()
            side.setSpacing(4)
            heading = QLabel(title, box)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            empty.setStyleSheet(_MUTED)
            empty.setWordWrap(True)
            side.addWidget(heading)
            side.addWidget(view, 1)
            side.addWidget(empty)
            sides.addLayout(side, 1)
        layout.addLayout(sides, 1)
        return box

    def _build_timeline(self, parent: QWidget) -> QGroupBox:
        box, layout = self._group(self.tr("History"), parent)
        self.timeline = QTreeWidget(box)
        self.timeline.setObjectName("timeline")
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.timeline.setHeaderLabels([self.tr("Time"), self.tr("Who"), self.tr("What"),
                                       self.tr("Details")])
        self.timeline.setWordWrap(False)
        header = self.timeline.header()
        for column, width in enumerate((136, 110, 190)):
            self.timeline.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.timeline.setMinimumHeight(200)
        layout.addWidget(self.timeline)
        return box

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        ws, actor, hazard_id = self.ctx.workspace, self.ctx.actor, self.hazard_id

        def work(_: object) -> HazardDetail:
            hazard = ws.hazards.get(actor, hazard_id)
            events = ws.hazards.timeline(actor, hazard_id)
            state = fold(events)
            actions = ws.hazards.allowed_actions(actor, hazard_id)
            before, after = hazard_photos(ws, actor, hazard_id, events, state)
            return HazardDetail(hazard, events, state, actions, before, after,
                                ws.hazards.now())

        Op(self, work, lane="db").success(guard(self, self._show)).failure(
            guard(self, self._failed)).run()

    def _failed(self, exc: BaseException) -> None:
        self.message.show_failure(exc)
        self._show_actions([])

    def _data_changed(self, entity: str, ids: list[str]) -> None:
        if entity == "hazard" and (not ids or self.hazard_id in ids):
            self.reload()
        elif entity in ("area", "line", "department", "equipment", "user"):
            self.reload()  # a name shown in the header may have changed

    def _show(self, detail: HazardDetail) -> None:
        self.detail = detail
        self.setWindowTitle(self.tr("Hazard {number}").format(number=detail.hazard.number))
        self._show_header(detail)
        self._show_conflicts(detail)
        self._show_dispatch(detail)
        self._show_rectification(detail)
        self._show_photos(detail)
        self._show_timeline(detail)
        # Settling a conflict has its own button on the conflict bar.
        self._show_actions([a for a in detail.actions if a != CONFLICT_RESOLVED])
        self.loaded.emit()

    def _show_header(self, detail: HazardDetail) -> None:
        hazard, state = detail.hazard, detail.state
        band = GRADE_CHIP["major"][0] if hazard.grade == "major" else "#C4C9D0"
        self.band.setStyleSheet(f"background: {band}; border-top-left-radius: 6px;"
                                " border-bottom-left-radius: 6px;")
        self.number_label.setText(hazard.number)
        style_grade_chip(self.grade_chip, hazard.grade)
        self.step_chip.setText(label(STEP_LABELS, state.step))
        self.step_chip.setStyleSheet(chip_style("#E6EEF8", "#1B4F86") if state.is_open
                                     else chip_style("#E6F4EA", "#1E6B35"))
        deadline = hazard.step_deadline
        overdue = state.is_open and deadline is not None and detail.now > deadline
        self.overdue_chip.setVisible(overdue)
        if overdue and deadline is not None:
            self.overdue_chip.setText(self.tr("Overdue {span}").format(
                span=span_text(detail.now - deadline)))
            self.overdue_chip.setToolTip(overdue_text(deadline, detail.now,
                                                      hazard.escalation_level))
        self.description_label.setText(hazard.description)
        colon = "：" if i18n.language() == "zh_CN" else ": "
        place = " · ".join(p for p in (hazard.area_name, hazard.line_name,
                                       hazard.equipment_code, hazard.location or "") if p)
        due = ""
        if state.is_open and deadline is not None:
            due = time_text(deadline)
        details = [(self.tr("Where"), place),
                   (self.tr("Type"), label(HAZARD_TYPES, hazard.type)),
                   (self.tr("Source"), label(SOURCE_LABELS, hazard.source)),
                   (self.tr("Reported by"), hazard.reporter_name or state.reported_by),
                   (self.tr("Found"), time_text(hazard.found_at)),
                   (self.tr("Step due"), due)]
        self.details_label.setText("    ".join(f"{name}{colon}{value}"
                                             for name, value in details if value))

    def _show_conflicts(self, detail: HazardDetail) -> None:
        conflicts = detail.state.conflicts
        self.conflict_bar.setVisible(bool(conflicts))
        if not conflicts:
            return
        self.conflict_label.setText(self.tr(
            "Conflicting changes from another PC: {n}. They were made offline, did not fit "
            "this hazard's history and were not applied (highlighted below). A supervisor "
            "settles them.").format(n=len(conflicts)))
        self.conflict_button.setVisible(CONFLICT_RESOLVED in detail.actions)

    @staticmethod
    def _clear(form: QFormLayout) -> None:
        while form.rowCount():
            form.removeRow(0)

    def _value(self, text: str, colour: QColor | None = None) -> QLabel:
        value = QLabel(text, self)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if colour is not None:
            value.setStyleSheet(f"color: {colour.name()}; font-weight: bold;")
        return value

    def _yes_no(self, value: Any) -> str:
        return self.tr("Yes") if value else self.tr("No")

    def _show_dispatch(self, detail: HazardDetail) -> None:
        hazard, state = detail.hazard, detail.state
        p = state.dispatch
        self._clear(self.dispatch_form)
        self.dispatch_empty.setVisible(not p)
        if not p:
            return
        rows: list[tuple[str, str, QColor | None]] = [
            (self.tr("Department"), hazard.department_name or str(p.get("department_name")
                                                                  or ""), None),
            (self.tr("Rectifier"), hazard.rectifier_name or str(p.get("rectifier_name") or ""),
             None),
            (self.tr("Measures"), str(p.get("measures") or ""), None),
            (self.tr("Funds"), money_text(p.get("funds")) or self.tr("None"), None),
        ]
        late = state.step == "rectify" and state.deadline is not None \
            and detail.now > state.deadline
        rows.append((self.tr("Deadline"), time_text(state.deadline),
                     ALERT_COLOUR if late else None))
        rows.append((self.tr("Re-checker"), str(p.get("reviewer_name") or "")
                     or (self.tr("Any reviewer") if not p.get("reviewer_id") else ""), None))
        if hazard.grade == "major" or "plan" in p:
            stop = self.tr("No")
            if p.get("stop_production"):
                stop = {"full": self.tr("Full stop"), "partial": self.tr("Partial stop")}.get(
                    str(p.get("stop_scope")), self.tr("Yes"))
            rows += [(self.tr("Remediation plan"), str(p.get("plan") or ""), None),
                     (self.tr("Stop production"), stop, None),
                     (self.tr("Reported to regulator"), self._yes_no(
                         p.get("report_to_regulator")), None)]
        rows.append((self.tr("Dispatched"), time_text(state.dispatched_at), None))
        for name, value, colour in rows:
            if value:
                self.dispatch_form.addRow(name, self._value(value, colour))

    def _show_rectification(self, detail: HazardDetail) -> None:
        state = detail.state
        fix = state.rectification
        self._clear(self.rectification_form)
        self.rectification_empty.setVisible(not fix and not state.rejections)
        rows: list[tuple[str, str, QColor | None]] = []
        if fix:
            rows += [(self.tr("What was done"), str(fix.get("note") or ""), None),
                     (self.tr("Cost"), money_text(fix.get("cost")), None),
                     (self.tr("Recorded"), time_text(state.rectified_at), None)]
            if fix.get("on_time") is not None:
                rows.append((self.tr("On time"), self._yes_no(fix.get("on_time")),
                             None if fix.get("on_time") else ALERT_COLOUR))
        if state.rejections:
            rows.append((self.tr("Sent back"), self.tr("{n}×, last: {reason}").format(
                n=state.rejections, reason=state.last_rejection), ALERT_COLOUR
                if state.step == "rectify" else None))
        if state.reviewed_at:
            rows.append((self.tr("Review passed"), time_text(state.reviewed_at), None))
        if state.archived_at:
            rows.append((self.tr("Archived"), time_text(state.archived_at), None))
        for name, value, colour in rows:
            if value:
                self.rectification_form.addRow(name, self._value(value, colour))

    def _show_photos(self, detail: HazardDetail) -> None:
        placeholder = QPixmap(PHOTO)
        placeholder.fill(QColor("#E4E7EB"))  # until the real thumbnail is decoded
        for view, empty, photos in ((self.before_photos, self.before_empty, detail.before),
                                    (self.after_photos, self.after_empty, detail.after)):
            view.clear()
            for photo in photos:
                item = QListWidgetItem(QIcon(placeholder), photo.filename)
                item.setData(PHOTO_ROLE, photo)
                item.setToolTip(self.tr("Double-click to open"))
                item.setSizeHint(QSize(PHOTO.width() + 16, PHOTO.height() + 36))
                view.addItem(item)
            view.setVisible(bool(photos))
            empty.setVisible(not photos)
        self._load_thumbnails(detail.before + detail.after)

    def _load_thumbnails(self, photos: list[Photo]) -> None:
        self._thumb_generation += 1
        generation = self._thumb_generation
        if not photos:
            return
        store = self.ctx.workspace.attachments
        paths = {p.sha256: store.path_for(p.sha256) for p in photos}

        def work(_: object) -> dict[str, QImage]:
            return {sha: thumbnail(path, PHOTO) for sha, path in paths.items() if path.exists()}

        Op(self, work, lane="io").success(
            guard(self, lambda images: self._thumbnails(generation, images))).failure(
            guard(self, self.message.show_failure)).run()

    def _thumbnails(self, generation: int, images: dict[str, QImage]) -> None:
        if generation != self._thumb_generation:
            return
        for view in (self.before_photos, self.after_photos):
            for row in range(view.count()):
                item = view.item(row)
                image = images.get(item.data(PHOTO_ROLE).sha256)
                if image is not None and not image.isNull():
                    item.setIcon(QIcon(QPixmap.fromImage(image)))
        self.thumbnails_loaded.emit()

    def _show_timeline(self, detail: HazardDetail) -> None:
        self.timeline.clear()
        open_conflicts = {c.event_id for c in detail.state.conflicts}
        settled: set[str] = set()
        for event in detail.events:
            if event.kind == CONFLICT_RESOLVED and event.id not in open_conflicts:
                settled.update(event.payload.get("event_ids") or ())
        for event in detail.events:
            what = event_label(event.kind)
            if event.id in open_conflicts:
                what = self.tr("{what} — conflict").format(what=what)
            elif event.id in settled:
                what = self.tr("{what} — conflict, settled").format(what=what)
            row = QTreeWidgetItem([time_text(event.at), event.actor_name or self.tr("(system)"),
                                   what, event_details(event)])
            row.setData(0, EVENT_ROLE, event)
            for column in range(4):
                row.setToolTip(column, row.text(column))
            if event.id in open_conflicts:
                for column in range(4):
                    row.setBackground(column, QBrush(_CONFLICT_BACKGROUND))
                row.setIcon(2, alert_icon(ALERT_COLOUR))
                row.setToolTip(2, self.tr(
                    "Made on another PC while offline; it did not fit the hazard's step and "
                    "was not applied. A supervisor settles it."))
            elif event.id in settled:
                for column in range(4):
                    row.setForeground(column, QBrush(_SETTLED_COLOUR))
            elif event.kind == ESCALATED:
                for column in range(4):
                    row.setForeground(column, QBrush(_ESCALATION_COLOUR))
                row.setIcon(2, alert_icon(_ESCALATION_COLOUR))
            self.timeline.addTopLevelItem(row)

    def _show_actions(self, actions: list[str]) -> None:
        while self.actions_row.count():
            widget = self.actions_row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.action_buttons = {}
        for kind in actions:
            button = QPushButton(action_label(kind), self)
            button.setObjectName(f"action_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self.open_action(k))
            self.actions_row.addWidget(button)
            self.action_buttons[kind] = button
        if actions:
            self.action_buttons[actions[0]].setDefault(True)

    # -- actions ------------------------------------------------------------------------
    def available_actions(self) -> list[str]:
        """The workflow actions this user is offered now (buttons and the conflict bar)."""
        if self.detail is None:
            return []
        return list(self.detail.actions)

    def open_action(self, kind: str) -> QDialog | None:
        detail = self.detail
        if detail is None or kind not in detail.actions:
            return None
        if kind == CONFLICT_RESOLVED and not self.ctx.can(Permission.RESOLVE_CONFLICT):
            return None
        dialog = step_dialog(self.ctx, detail.hazard, kind, self, detail.state, detail.events)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_photo(self, photo: Photo) -> None:
        """Open with the PC's usual program: a copy under a readable name in the temp folder
        (the store keeps blobs by hash, without an extension to open them by)."""
        store = self.ctx.workspace.attachments
        temp = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation))
        name = photo.filename or f"{photo.sha256[:12]}.jpg"
        target = temp / "safedesk-attachments" / photo.sha256[:16] / name

        def work(_: object) -> Path:
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                store.export(photo.sha256, target)
            return target

        def done(path: Path) -> None:
            if not self.open_url(QUrl.fromLocalFile(str(path))):
                self.message.show_message(self.tr("No program on this PC opens {name}; it was "
                                                  "saved to {path}").format(
                    name=name, path=str(path)), "warning")

        Op(self, work, lane="io").success(guard(self, done)).failure(
            guard(self, self.message.show_failure)).run()
