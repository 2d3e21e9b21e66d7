"""随手拍 Report a hazard: a photo, where it is, what is wrong. Anyone may report, also without
logging in at a shared PC (they pick themselves by typing their employee number). The safety
office checks every report before it enters the rectification workflow (VerifyDialog)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.hazards import HAZARD_TYPES, label
from core.i18n import DomainError
from core.points import Reporter
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs.feedback import error_label, guard
from desktop.errors import show_error
from desktop.tasks import Op

LOOKUP_DELAY_MS = 300  # after the last keystroke of an employee number
PREVIEW = QSize(280, 180)
PHOTO_FILTER = "*.jpg *.jpeg *.png *.bmp *.webp *.gif"
_OK_STYLE = "color: #1E6B35;"
_BAD_STYLE = "color: #8E1F14;"
_HINT_STYLE = "color: #5f6b78;"


def camera_available() -> bool:
    """A webcam the Qt multimedia module can see (the module is optional in a bundle)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return bool(QMediaDevices.videoInputs())


def open_report_dialog(ctx_or_workspace: AppContext | Workspace,
                       parent: QWidget | None = None) -> ReportDialog:
    """Open the report dialog: logged in (an AppContext) or anonymous (just the Workspace)."""
    if isinstance(ctx_or_workspace, AppContext):
        dialog = ReportDialog(ctx_or_workspace.workspace, ctx_or_workspace, parent)
    else:
        dialog = ReportDialog(ctx_or_workspace, None, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class ReportDialog(QDialog):
    reported = Signal(str, str)  # hazard id, hazard number

    def __init__(self, workspace: Workspace, ctx: AppContext | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.ctx = ctx
        self.actor = ctx.actor if ctx is not None else None
        self.reporter: Reporter | None = None
        self.photo: Path | None = None
        self.hazard_id = ""
        self.hazard_number = ""
        self._busy = False
        self._equipment: tuple[str, str, str, str | None] | None = None
        self._tmp = tempfile.TemporaryDirectory(prefix="safedesk-photo-")
        self.setWindowTitle(self.tr("Report a hazard"))
        self.setMinimumWidth(560)
        self.setAcceptDrops(True)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self._build_thanks())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(self.pages)

        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self.look_up_reporter)
        self.employee_no.textEdited.connect(self._employee_no_edited)
        self.employee_no.returnPressed.connect(self.look_up_reporter)
        self.equipment_code.editingFinished.connect(self.look_up_equipment)
        self._load()

    @property
    def anonymous(self) -> bool:
        return self.actor is None

    # -- building ------------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(self.tr("Saw something unsafe? Add a photo and say where it is and what "
                               "is wrong. The safety office checks every report; accepted "
                               "reports earn safety points."), page)
        intro.setWordWrap(True)
        intro.setStyleSheet(_HINT_STYLE)

        # Who reports: the logged-in user's own person, or typed employee number.
        self.reporter_label = QLabel(page)
        self.reporter_label.setObjectName("reporterName")
        self.employee_no = QLineEdit(page)
        self.employee_no.setObjectName("employeeNo")
        self.employee_no.setMaxLength(32)
        self.employee_no.setPlaceholderText(self.tr("Your employee no. (on your badge)"))
        self.reporter_match = QLabel(page)
        self.reporter_match.setObjectName("reporterMatch")
        self.reporter_match.setWordWrap(True)
        self.reporter_match.hide()
        who = QVBoxLayout()
        who.setSpacing(4)
        who.addWidget(self.reporter_label)
        who.addWidget(self.employee_no)
        who.addWidget(self.reporter_match)
        self.reporter_label.setVisible(not self.anonymous)
        self.employee_no.setVisible(self.anonymous)

        # The photo: a preview, choose a file (or drop one), or take one with a webcam.
        self.preview = QLabel(self.tr("No photo yet.\nChoose a file or drop a picture here."),
                              page)
        self.preview.setObjectName("photoPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setStyleSheet("#photoPreview { background: #f3f5f7; color: #6b7785; }")
        self.choose_button = QPushButton(self.tr("Choose photo…"), page)
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_photo)
        self.camera_button = QPushButton(self.tr("Take photo…"), page)
        self.camera_button.setAutoDefault(False)
        self.camera_button.clicked.connect(self.take_photo)
        self.camera_button.setVisible(camera_available())
        self.clear_photo_button = QPushButton(self.tr("Remove photo"), page)
        self.clear_photo_button.setAutoDefault(False)
        self.clear_photo_button.clicked.connect(lambda: self.set_photo(None))
        self.clear_photo_button.setEnabled(False)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.choose_button)
        photo_buttons.addWidget(self.camera_button)
        photo_buttons.addWidget(self.clear_photo_button)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.preview)
        photo_row.addLayout(photo_buttons, 1)

        self.area = QComboBox(page)
        self.area.setObjectName("area")
        self.area.addItem(self.tr("Choose the area…"), None)
        self.equipment_code = QLineEdit(page)
        self.equipment_code.setObjectName("equipmentCode")
        self.equipment_code.setPlaceholderText(self.tr("Optional: the code on the machine's label"))
        self.equipment_match = QLabel(page)
        self.equipment_match.setWordWrap(True)
        self.equipment_match.hide()
        equipment = QVBoxLayout()
        equipment.setSpacing(4)
        equipment.addWidget(self.equipment_code)
        equipment.addWidget(self.equipment_match)
        self.description = QPlainTextEdit(page)
        self.description.setObjectName("description")
        self.description.setPlaceholderText(
            self.tr("What is wrong, and where exactly? e.g. the guard of press 3 on line B "
                    "is missing"))
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(90)
        self.type = QComboBox(page)
        self.type.setObjectName("hazardType")
        for key in HAZARD_TYPES:
            self.type.addItem(label(HAZARD_TYPES, key), key)
        self.type.setCurrentIndex(self.type.findData("other"))

        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Reported by *"), who)
        form.addRow(self.tr("Photo"), photo_row)
        form.addRow(self.tr("Area *"), self.area)
        form.addRow(self.tr("Equipment"), equipment)
        form.addRow(self.tr("What is wrong *"), self.description)
        form.addRow(self.tr("Kind of hazard"), self.type)

        self.error = error_label(page)
        self.send_button = QPushButton(self.tr("Send report"), page)
        self.send_button.setObjectName("sendReport")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.send_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        return page

    def _build_thanks(self) -> QWidget:
        page = QWidget(self)
        tick = QLabel("✓", page)
        font = QFont(tick.font())
        font.setPointSizeF(font.pointSizeF() * 3)
        tick.setFont(font)
        tick.setStyleSheet("color: #1E6B35;")
        tick.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_title = QLabel(page)
        self.thanks_title.setObjectName("thanksTitle")
        title_font = QFont(self.thanks_title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.thanks_title.setFont(title_font)
        self.thanks_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_number = QLabel(page)
        self.thanks_number.setObjectName("thanksNumber")
        number_font = QFont(title_font)
        number_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        self.thanks_number.setFont(number_font)
        self.thanks_number.setStyleSheet("#thanksNumber { color: #1f3b5c; }")
        self.thanks_number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.thanks_text = QLabel(page)
        self.thanks_text.setObjectName("thanksText")
        self.thanks_text.setWordWrap(True)
        self.thanks_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.another_button = QPushButton(self.tr("Report another"), page)
        self.another_button.setAutoDefault(False)
        self.another_button.clicked.connect(self.start_over)
        self.close_button = QPushButton(self.tr("Close"), page)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.another_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 0, 24, 0)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(tick)
        layout.addWidget(self.thanks_title)
        layout.addWidget(self.thanks_number)
        layout.addWidget(self.thanks_text)
        layout.addStretch(2)
        layout.addLayout(buttons)
        return page

    # -- loading -------------------------------------------------------------------------
    def _load(self) -> None:
        """The areas to choose from and, when logged in, who the user is (a small read)."""
        ws, actor = self.ws, self.actor

        def work(_: object) -> tuple[list[tuple[str, str]], Reporter | None]:
            me = ws.points.reporter(actor.person_id) if actor is not None else None
            return ws.points.report_areas(), me

        Op(self, work, lane="db").success(guard(self, self._loaded)).failure(
            guard(self, self._failed)).run()

    def _loaded(self, result: tuple[list[tuple[str, str]], Reporter | None]) -> None:
        areas, me = result
        current = self.area.currentData()
        while self.area.count() > 1:
            self.area.removeItem(1)
        for area_id, name in areas:
            self.area.addItem(name, area_id)
        self.area.setCurrentIndex(max(0, self.area.findData(current)))
        if self.actor is None:
            self.employee_no.setFocus()
            return
        if me is not None:
            self.reporter = me
            self.reporter_label.setText(_who(me))
        else:
            # A log-in without a person on the roster (e.g. the administrator): say who.
            self.reporter_label.setText(
                self.tr("Your account is not linked to a person on the roster; "
                        "type your employee number."))
            self.reporter_label.setWordWrap(True)
            self.reporter_label.setStyleSheet(_HINT_STYLE)
            self.employee_no.show()
        (self.employee_no if me is None else self.description).setFocus()

    # -- the reporter --------------------------------------------------------------------
    def _employee_no_edited(self, _text: str) -> None:
        self.reporter = None
        self.reporter_match.hide()
        self._lookup_timer.start()

    def look_up_reporter(self) -> None:
        self._lookup_timer.stop()
        text = self.employee_no.text().strip()
        if not text:
            self.reporter = None
            self.reporter_match.hide()
            return
        points = self.ws.points
        Op(self, lambda _: points.find_reporter(text), lane="db").success(
            guard(self, lambda found: self._reporter_found(text, found))).failure(
            guard(self, self._failed)).run()

    def _reporter_found(self, text: str, found: Reporter | None) -> None:
        if text != self.employee_no.text().strip():
            return  # typed on meanwhile; a newer look-up is coming
        self.reporter = found
        if found is None:
            self.reporter_match.setText(
                self.tr("No one on the roster has employee no. “{no}”. Check the number on "
                        "your badge, or ask the safety office.").replace("{no}", text))
            self.reporter_match.setStyleSheet(_BAD_STYLE)
        else:
            self.reporter_match.setText(
                self.tr("✓ {who} — is this you?").replace("{who}", _who(found)))
            self.reporter_match.setStyleSheet(_OK_STYLE)
        self.reporter_match.show()

    def reporter_message(self) -> str:
        return self.reporter_match.text() if not self.reporter_match.isHidden() else ""

    # -- equipment -----------------------------------------------------------------------
    def look_up_equipment(self) -> None:
        code = self.equipment_code.text().strip()
        self._equipment = None
        if not code:
            self.equipment_match.hide()
            return
        points = self.ws.points
        Op(self, lambda _: points.equipment_by_code(code), lane="db").success(
            guard(self, lambda found: self._equipment_found(code, found))).failure(
            guard(self, self._failed)).run()

    def _equipment_found(self, code: str, found: tuple[str, str, str, str | None] | None) -> None:
        if code != self.equipment_code.text().strip():
            return
        self._equipment = found
        if found is None:
            self.equipment_match.setText(
                self.tr("No equipment has the code “{code}”. Leave it empty if you are not "
                        "sure.").replace("{code}", code))
            self.equipment_match.setStyleSheet(_BAD_STYLE)
        else:
            _id, found_code, name, area_id = found
            self.equipment_match.setText(f"✓ {name}（{found_code}）")
            self.equipment_match.setStyleSheet(_OK_STYLE)
            if area_id and self.area.currentData() is None:
                self.area.setCurrentIndex(max(0, self.area.findData(area_id)))
        self.equipment_match.show()

    # -- the photo -----------------------------------------------------------------------
    def choose_photo(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo"), folder,
            self.tr("Pictures ({patterns})").replace("{patterns}", PHOTO_FILTER))
        if path:
            self.set_photo(Path(path))

    def set_photo(self, path: Path | str | None) -> bool:
        """Use this picture (None: no photo); False, with a message, if it cannot be read."""
        if path is None:
            self.photo = None
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No photo yet.\nChoose a file or drop a picture here."))
            self.clear_photo_button.setEnabled(False)
            return True
        path = Path(path)
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            self._show_error(self.tr("“{name}” is not a picture SafeDesk can read. Choose a JPG "
                                     "or PNG photo.").replace("{name}", path.name))
            return False
        self.photo = path
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self.preview.setToolTip(str(path))
        self.clear_photo_button.setEnabled(True)
        self.error.hide()
        return True

    def take_photo(self) -> None:
        dialog = CameraDialog(Path(self._tmp.name), self)
        dialog.captured.connect(self.set_photo)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        urls = event.mimeData().urls()
        if self.pages.currentIndex() == 0 and urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.set_photo(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()

    # -- sending -------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "description": self.description.toPlainText().strip(),
            "type": self.type.currentData() or "other",
            "area_id": self.area.currentData(),
        }
        if self._equipment is not None:
            values["equipment_id"] = self._equipment[0]
        return values

    def submit(self) -> None:
        if self._busy:
            return
        employee_no = self.employee_no.text().strip()
        typed = not self.employee_no.isHidden()
        if typed and not employee_no:
            self._show_error(self.tr("Please type your employee number."), self.employee_no)
            return
        if typed and self.reporter is None and not self.reporter_match.isHidden():
            self._show_error(self.reporter_match.text(), self.employee_no)
            return
        if not typed and self.reporter is None:
            return  # who is logged in is still being read (a moment after opening)
        values = self.values()
        if not values["description"]:
            self._show_error(self.tr("Please say what is wrong."), self.description)
            return
        if values["area_id"] is None and self.area.count() > 1:
            self._show_error(self.tr("Please choose the area where you saw it."), self.area)
            return
        ws, actor, photo = self.ws, self.actor, self.photo
        known = None if typed else self.reporter

        def work(_: object) -> tuple[str, str, Reporter | None]:
            # The number is looked up again here: what was typed last is what counts.
            reporter = known or ws.points.find_reporter(employee_no)
            if reporter is None:
                return "", "", None
            # Report and photo land together or not at all (one transaction in the service).
            hazard_id = ws.hazards.report(actor, reporter.person_id, reporter.name, values,
                                          photos=[photo] if photo is not None else [])
            return hazard_id, ws.points.hazard_number(hazard_id), reporter

        self._set_busy(True)
        Op(self, work, lane="db").success(guard(self, self._sent)).failure(
            guard(self, self._send_failed)).run()

    def _sent(self, result: tuple[str, str, Reporter | None]) -> None:
        self._set_busy(False)
        hazard_id, number, reporter = result
        if reporter is None:
            self._reporter_found(self.employee_no.text().strip(), None)
            self._show_error(self.reporter_match.text(), self.employee_no)
            return
        self.hazard_id, self.hazard_number = hazard_id, number
        self.thanks_title.setText(self.tr("Thank you, {name}!").replace("{name}", reporter.name))
        self.thanks_number.setText(number)
        self.thanks_text.setText(
            self.tr("Your report {number} has reached the safety office. They will check it "
                    "soon; accepted reports earn safety points. Quote the number if you ask "
                    "about it.").replace("{number}", number))
        self.pages.setCurrentIndex(1)
        self.close_button.setFocus()
        if self.ctx is not None:
            self.ctx.notify("hazard", [hazard_id])
        self.reported.emit(hazard_id, number)

    def _send_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self._show_error(exc.message())
        else:
            show_error(self, exc)

    def start_over(self) -> None:
        """Next report; at a shared PC the next person types their own number."""
        typed = not self.employee_no.isHidden()
        if typed:
            self.employee_no.clear()
            self.reporter_match.hide()
            self.reporter = None
        self.description.clear()
        self.equipment_code.clear()
        self.equipment_match.hide()
        self._equipment = None
        self.type.setCurrentIndex(self.type.findData("other"))
        self.area.setCurrentIndex(0)
        self.set_photo(None)
        self.error.hide()
        self.pages.setCurrentIndex(0)
        (self.employee_no if typed else self.description).setFocus()

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def _show_error(self, text: str, focus: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        if focus is not None:
            focus.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.send_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.send_button.setText(self.tr("Sending…") if busy else self.tr("Send report"))
        if busy:
            self.error.hide()

    def reject(self) -> None:
        if not self._busy:  # the report is being written; its answer needs somewhere to go
            super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        self._tmp.cleanup()


def _who(reporter: Reporter) -> str:
    text = f"{reporter.name}（{reporter.employee_no}）"
    return f"{text} · {reporter.department_name}" if reporter.department_name else text


class CameraDialog(QDialog):
    """Take one picture with the webcam (shown only when Qt multimedia finds a camera)."""

    captured = Signal(object)  # the Path of the saved picture

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.folder = folder
        self.setWindowTitle(self.tr("Take a photo"))
        self.view = QVideoWidget(self)
        self.view.setMinimumSize(480, 360)
        self.camera = QCamera(self)
        self.capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.session.setVideoOutput(self.view)
        self.capture.imageCaptured.connect(self._captured)
        self.capture.errorOccurred.connect(lambda _id, _err, text: self._problem(text))
        self.camera.errorOccurred.connect(lambda _err, text: self._problem(text))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_BAD_STYLE)
        self.message.hide()
        self.shoot = QPushButton(self.tr("Take photo"), self)
        self.shoot.setDefault(True)
        self.shoot.clicked.connect(lambda: self.capture.capture())
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.shoot)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.camera.start()

    def _captured(self, _request: int, image: QImage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"photo-{len(list(self.folder.iterdir())) + 1}.jpg"
        if not image.save(str(path), "JPG", 90):
            self._problem(self.tr("The picture could not be saved."))
            return
        self.camera.stop()
        self.captured.emit(path)
        self.accept()

    def _problem(self, text: str) -> None:
        self.message.setText(text or self.tr("The camera is not working."))
        self.message.show()

    def done(self, result: int) -> None:
        self.camera.stop()
        super().done(result)
