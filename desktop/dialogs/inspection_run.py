"""点检 An inspection at the machine: each item of the checklist answered pass / fail / n.a. with
big buttons (a worker in gloves at a shared PC), a note and photos for what failed, then a
summary of what was stored: the hazards the failures drafted, with their numbers, and the
safety points earned.

The run lives in memory (``InspectionService.start``) until Finish, which records every answer
and stores the run, its results, the drafted hazards and the points in one transaction on the
"db" lane. Closing before that discards it (after asking).

``InspectionDetailDialog`` shows a stored inspection (the history's double-click).
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.i18n import DomainError
from core.inspections import (
    OUTCOME_LABELS,
    OUTCOMES,
    ChecklistItem,
    FinishedInspection,
    InspectionDetail,
    InspectionRun,
)
from core.plant import label
from desktop.context import AppContext
from desktop.dialogs.feedback import confirm, error_label, guard
from desktop.dialogs.hazard_dialogs import PhotoPicker
from desktop.errors import show_error
from desktop.models.inspection_models import date_text, result_text
from desktop.tasks import Op

# Outcome → (background, text colour) when chosen; unchosen buttons stay plain.
OUTCOME_COLOURS = {"pass": ("#1E8E3E", "#FFFFFF"), "fail": ("#C5221F", "#FFFFFF"),
                   "na": ("#5F6B7A", "#FFFFFF")}
_MUTED = "color: #6b7785;"



def _button_style(outcome: str) -> str:
    background, colour = OUTCOME_COLOURS[outcome]
    return (f"QPushButton {{ font-size: 15px; padding: 6px 14px; border: 1px solid #C4C9D0;"
            f" border-radius: 6px; background: #FFFFFF; color: #2b3440; }}"
            f" QPushButton:hover {{ border-color: {background}; }}"
            f" QPushButton:checked {{ background: {background}; color: {colour};"
            f" border-color: {background}; font-weight: bold; }}")


def save_snapshot(frame: Any, folder: Path) -> Path:
    """Runs on the "io" lane: a webcam frame (BGR) as a JPEG file to attach."""
    import cv2

    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 92])
    if not ok:
        raise OSError("the webcam picture could not be encoded")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"webcam-{dt.datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}.jpg"
    path.write_bytes(data.tobytes())  # not cv2.imwrite: it cannot write to Chinese paths
    return path


class ItemRow(QFrame):
    """One check item: its text and guidance, three big buttons, and — once it fails — what
    is wrong (a note, photos)."""

    answered = Signal()

    def __init__(self, number: int, item: ChecklistItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("itemRow")
        self.setStyleSheet("#itemRow { background: #FFFFFF; border: 1px solid #DDE1E6;"
                           " border-radius: 6px; }")
        self.title = QLabel(f"{number}. {item.text}", self)
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.guidance = QLabel(item.guidance or "", self)
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet(_MUTED)
        self.guidance.setVisible(bool(item.guidance))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for outcome in OUTCOMES:
            button = QPushButton(label(OUTCOME_LABELS, outcome), self)
            button.setCheckable(True)
            button.setMinimumSize(120, 44)
            button.setStyleSheet(_button_style(outcome))
            button.setObjectName(f"outcome_{outcome}")
            self.group.addButton(button)
            self.buttons[outcome] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.group.buttonToggled.connect(self._toggled)

        self.details = QWidget(self)
        self.note = QLineEdit(self.details)
        self.note.setPlaceholderText(self.tr("What is wrong? (a note or a photo is needed)"))
        self.photos = PhotoPicker(self.tr("Photos of the problem"), self.details)
        self.webcam_button = QPushButton(self.tr("Photo from webcam"), self.details)
        self.webcam_button.setToolTip(self.tr("Take the picture the scan window's camera "
                                              "shows now"))
        detail_layout = QVBoxLayout(self.details)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        detail_layout.addWidget(self.note)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photos, 1)
        photo_row.addWidget(self.webcam_button, 0, Qt.AlignmentFlag.AlignTop)
        detail_layout.addLayout(photo_row)
        self.details.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.guidance)
        layout.addLayout(buttons)
        layout.addWidget(self.details)

    def outcome(self) -> str | None:
        return next((o for o, b in self.buttons.items() if b.isChecked()), None)

    def choose(self, outcome: str) -> None:
        self.buttons[outcome].setChecked(True)

    def _toggled(self, _button: QPushButton, checked: bool) -> None:
        if checked:
            self._changed()

    def _changed(self) -> None:
        failed = self.outcome() == "fail"
        self.details.setVisible(failed)
        if failed:
            from desktop.scanner.camera import active_camera

            self.webcam_button.setVisible(active_camera() is not None)
            self.note.setFocus()
        self.set_problem(False)
        self.answered.emit()

    def needs_more(self) -> bool:
        """A failure without a note or a photo (the service refuses it)."""
        return self.outcome() == "fail" and not self.note.text().strip() \
            and not self.photos.paths()

    def set_problem(self, on: bool) -> None:
        colour = "#C5221F" if on else "#DDE1E6"
        self.setStyleSheet(f"#itemRow {{ background: #FFFFFF; border: {2 if on else 1}px solid"
                           f" {colour}; border-radius: 6px; }}")


class InspectionRunDialog(QDialog):
    started = Signal()  # the checklist is shown (or the reason it cannot be)
    finished_run = Signal(object)  # FinishedInspection, after it was stored

    def __init__(self, ctx: AppContext, equipment_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.equipment_id = equipment_id
        self.run: InspectionRun | None = None
        self.rows: list[ItemRow] = []
        self.result: FinishedInspection | None = None
        self.detail: InspectionDetail | None = None
        self.setWindowTitle(self.tr("Inspection"))
        self.resize(860, 760)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_checklist())
        self.pages.addWidget(self._build_summary())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addWidget(self.pages)
        self.begin()

    # -- building -----------------------------------------------------------------------------
    def _build_checklist(self) -> QWidget:
        page = QWidget(self)
        self.heading = QLabel(self.tr("Loading the checklist…"), page)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.who = QLabel(page)
        self.who.setStyleSheet(_MUTED)
        self.progress = QLabel(page)
        self.progress.setObjectName("runProgress")
        self.items_box = QWidget(page)
        self.items_layout = QVBoxLayout(self.items_box)
        self.items_layout.setContentsMargins(0, 0, 8, 0)
        self.items_layout.setSpacing(10)
        self.items_layout.addStretch(1)
        self.scroll = QScrollArea(page)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.items_box)
        self.items_box.setObjectName("runItems")
        self.items_box.setStyleSheet("#runItems { background: #F3F5F7; }")
        self.note = QPlainTextEdit(page)
        self.note.setPlaceholderText(self.tr("Remarks on the whole inspection (optional)"))
        self.note.setFixedHeight(56)
        self.error = error_label(page)
        self.finish_button = QPushButton(self.tr("Finish inspection"), page)
        self.finish_button.setDefault(True)
        self.finish_button.setMinimumHeight(40)
        self.finish_button.setEnabled(False)
        self.finish_button.clicked.connect(self.finish)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.setMinimumHeight(40)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.finish_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.who)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        return page

    def _build_summary(self) -> QWidget:
        page = QWidget(self)
        self.summary_title = QLabel(self.tr("Inspection saved"), page)
        font = QFont(self.summary_title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.summary_title.setFont(font)
        self.summary_title.setStyleSheet("color: #1E6B35;")
        self.summary_counts = QLabel(page)
        self.summary_counts.setWordWrap(True)
        counts_font = QFont(self.summary_counts.font())
        counts_font.setPointSizeF(counts_font.pointSizeF() * 1.2)
        self.summary_counts.setFont(counts_font)
        self.summary_who = QLabel(page)
        self.summary_who.setStyleSheet(_MUTED)
        self.summary_points = QLabel(page)
        self.summary_points.setObjectName("summaryPoints")
        self.summary_points.setWordWrap(True)
        self.hazards_heading = QLabel(page)
        self.hazards_heading.setWordWrap(True)
        self.hazard_list = QTreeWidget(page)
        self.hazard_list.setRootIsDecorated(False)
        self.hazard_list.setHeaderLabels([self.tr("Hazard no."), self.tr("Failed item"),
                                          self.tr("Note")])
        self.hazard_list.setColumnWidth(0, 130)
        self.hazard_list.setColumnWidth(1, 300)
        close = QPushButton(self.tr("Close"), page)
        close.setMinimumHeight(40)
        close.clicked.connect(self.accept)
        self.summary_close = close
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_who)
        layout.addWidget(self.summary_counts)
        layout.addWidget(self.summary_points)
        layout.addWidget(self.hazards_heading)
        layout.addWidget(self.hazard_list, 1)
        layout.addLayout(row)
        return page

    # -- starting -----------------------------------------------------------------------------
    def begin(self) -> None:
        ws, actor, item_id = self.ctx.workspace, self.ctx.actor, self.equipment_id
        Op(self, lambda _: ws.inspections.start(actor, item_id), lane="db").success(
            guard(self, self._started)).failure(guard(self, self._not_started)).run()

    def _started(self, run: InspectionRun) -> None:
        self.run = run
        e = run.equipment
        self.setWindowTitle(self.tr("Inspection — {code} {name}").format(code=e.code,
                                                                          name=e.name))
        self.heading.setText(f"{e.code}  {e.name}")
        self.who.setText(self.tr("{checklist}  ·  Inspector: {name}  ·  Started {time}").format(
            checklist=run.template.name, name=run.inspector_name,
            time=run.started_at.strftime("%Y-%m-%d %H:%M")))
        for number, item in enumerate(run.items, start=1):
            row = ItemRow(number, item, self.items_box)
            row.answered.connect(self._update_progress)
            row.webcam_button.clicked.connect(lambda _=False, r=row: self.photo_from_webcam(r))
            self.items_layout.insertWidget(self.items_layout.count() - 1, row)
            self.rows.append(row)
        self.finish_button.setEnabled(True)
        self._update_progress()
        self.started.emit()

    def _not_started(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            show_error(self, exc)
        self.heading.setText(self.tr("This machine cannot be inspected now"))
        self.error.setText(exc.message() if isinstance(exc, DomainError) else str(exc))
        self.error.show()
        self.scroll.hide()
        self.note.hide()
        self.finish_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.started.emit()

    def _update_progress(self) -> None:
        answered = sum(1 for r in self.rows if r.outcome())
        self.progress.setText(self.tr("{n} of {total} answered").format(n=answered,
                                                                        total=len(self.rows)))

    def row_for(self, text: str) -> ItemRow | None:
        return next((r for r in self.rows if r.item.text == text), None)

    # -- webcam photos ------------------------------------------------------------------------
    def photo_from_webcam(self, row: ItemRow) -> None:
        from desktop.scanner.camera import active_camera

        camera = active_camera()
        frame = camera.snapshot() if camera is not None else None
        if frame is None:
            row.webcam_button.hide()
            self._show_error(self.tr("The camera is not running any more: open the scan window "
                                     "again, or add a photo file."))
            return
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.TempLocation)) / "safedesk-webcam"
        Op(self, lambda _: save_snapshot(frame, folder), lane="io").success(
            guard(self, lambda path: row.photos.add_files([path]))).failure(
            guard(self, lambda exc: show_error(self, exc))).run()

    # -- finishing ----------------------------------------------------------------------------
    def finish(self) -> None:
        if self.run is None:
            return
        self.error.hide()
        for row in self.rows:
            row.set_problem(False)
        incomplete = [r for r in self.rows if r.needs_more()]
        if incomplete:
            # Said here, at the row, before anything is sent: the service would refuse it too.
            incomplete[0].set_problem(True)
            self.scroll.ensureWidgetVisible(incomplete[0])
            self._show_error(self.tr("Say what is wrong with “{item}”: write a note or add a "
                                     "photo.").format(item=incomplete[0].item.text))
            return
        if not any(r.outcome() for r in self.rows):
            self._show_error(self.tr("Answer at least one item first."))
            return
        missing = [r for r in self.rows if not r.outcome()]
        if missing:
            missing[0].set_problem(True)
            self.scroll.ensureWidgetVisible(missing[0])
            confirm(self, self.tr("Items not answered"),
                    self.tr("{n} items are not answered. Submit the inspection anyway? An "
                            "incomplete inspection earns no safety points.").format(
                        n=len(missing)),
                    self.tr("Submit anyway"), self.submit)
            return
        self.submit()

    def submit(self) -> None:
        run = self.run
        if run is None:
            return
        answers = [(r.item.id, r.outcome(), r.note.text(), r.photos.paths()) for r in self.rows
                   if r.outcome()]
        note = self.note.toPlainText()
        ws, actor = self.ctx.workspace, self.ctx.actor

        def work(_: object) -> tuple[FinishedInspection, InspectionDetail]:
            for item_id, outcome, text, photos in answers:
                ws.inspections.record(actor, run, item_id, outcome or "", text, photos)
            done = ws.inspections.finish(actor, run, note)
            return done, ws.inspections.get(actor, done.id)

        self.finish_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        Op(self, work, lane="db").with_progress(self.tr("Saving the inspection…"),
                                                cancellable=False).success(
            guard(self, self._finished)).failure(guard(self, self._refused)).run()

    def _refused(self, exc: BaseException) -> None:
        self.finish_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        if isinstance(exc, DomainError):
            self._show_error(exc.message())
        else:
            show_error(self, exc)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _finished(self, result: tuple[FinishedInspection, InspectionDetail]) -> None:
        done, detail = result
        self.result, self.detail = done, detail
        self._show_summary(done, detail)
        self.pages.setCurrentIndex(1)
        self.ctx.notify("inspection", [self.equipment_id])
        if done.hazards:
            self.ctx.notify("hazard", list(done.hazards.values()))
        if done.points:
            self.ctx.notify("points")
        self.finished_run.emit(done)

    def _show_summary(self, done: FinishedInspection, detail: InspectionDetail) -> None:
        run = self.run
        assert run is not None
        self.summary_title.setText(self.tr("Inspection of {code} saved").format(
            code=run.equipment.code))
        summary = detail.summary
        self.summary_who.setText(self.tr("{checklist}  ·  Inspector: {name}  ·  {time}").format(
            checklist=summary.template_name, name=summary.inspector_name,
            time=date_text(summary.finished_at or summary.started_at)))
        self.summary_counts.setText(result_text(done.ok_count, done.failed_count,
                                                done.na_count, done.item_count))
        if done.points:
            points = self.tr("+{n} safety points for a proper inspection.").format(n=done.points)
            self.summary_points.setStyleSheet("color: #1E6B35; font-weight: bold;")
        else:
            points = self.tr("No safety points for this one: ") + self._no_points_reason(done)
            self.summary_points.setStyleSheet(_MUTED)
        self.summary_points.setText(points)
        failed = [r for r in detail.results if r.hazard_id]
        if failed:
            staff = self.ctx.can(Permission.RECORD_HAZARD)
            where = (self.tr("They wait for dispatch on the hazards list.") if staff else
                     self.tr("The safety office checks them and dispatches the fixes."))
            self.hazards_heading.setText(
                self.tr("Hazards drafted from the failed items: {n}. {where}").format(
                    n=len(failed), where=where))
            for result in failed:
                self.hazard_list.addTopLevelItem(QTreeWidgetItem(
                    [result.hazard_number, result.item_text, result.note or ""]))
        else:
            self.hazards_heading.setText(self.tr("No item failed: no hazard drafted."))
        self.hazard_list.setVisible(bool(failed))

    def _no_points_reason(self, done: FinishedInspection) -> str:
        if not done.complete:
            return self.tr("not every item was answered.")
        if done.ok_count + done.failed_count == 0:
            return self.tr("every item was n/a, nothing was checked.")
        if not done.proper:
            return self.tr("this machine was already inspected properly today.")
        return self.tr("your account is not linked to a person in the people list.")

    # -- closing ------------------------------------------------------------------------------
    def reject(self) -> None:
        answered = self.result is None and any(r.outcome() for r in self.rows)
        if answered and self.cancel_button.isEnabled():
            confirm(self, self.tr("Discard inspection"),
                    self.tr("Close without saving? The answers given so far are lost."),
                    self.tr("Discard"), lambda: QDialog.reject(self))
            return
        super().reject()


class InspectionDetailDialog(QDialog):
    """A stored inspection: who, when, each item's answer, notes, photos and hazards."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, inspection_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Inspection record"))
        self.resize(820, 560)
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setStyleSheet(_MUTED)
        self.results = QTreeWidget(self)
        self.results.setRootIsDecorated(False)
        self.results.setAlternatingRowColors(True)
        self.results.setHeaderLabels([self.tr("No."), self.tr("Check item"), self.tr("Result"),
                                      self.tr("Note"), self.tr("Photos"), self.tr("Hazard no.")])
        for column, width in enumerate((44, 280, 80, 200, 60)):
            self.results.setColumnWidth(column, width)
        self.error = error_label(self)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.info)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        ws, actor = ctx.workspace, ctx.actor
        op = Op(self, lambda _: ws.inspections.get(actor, inspection_id), lane="db")
        op.success(guard(self, self._show)).failure(
            guard(self, self._failed)).run()

    def _show(self, detail: InspectionDetail) -> None:
        s = detail.summary
        self.heading.setText(f"{s.equipment_code}  {s.equipment_name}")
        self.info.setText(self.tr("{checklist}  ·  Inspector: {name}  ·  {time}  ·  {result}")
                          .format(checklist=s.template_name, name=s.inspector_name,
                                  time=date_text(s.finished_at or s.started_at),
                                  result=result_text(s.ok_count, s.failed_count, s.na_count,
                                                     s.item_count))
                          + (f"\n{s.note}" if s.note else ""))
        for number, result in enumerate(detail.results, start=1):
            row = QTreeWidgetItem([str(number), result.item_text,
                                   label(OUTCOME_LABELS, result.outcome), result.note or "",
                                   str(len(result.photos)) if result.photos else "",
                                   result.hazard_number])
            if result.outcome == "fail":
                for column in range(6):
                    row.setForeground(column, QColor("#B3261E"))
            row.setToolTip(1, result.item_text)
            row.setToolTip(3, result.note or "")
            self.results.addTopLevelItem(row)
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.error.setText(exc.message())
            self.error.show()
        else:
            show_error(self, exc)
