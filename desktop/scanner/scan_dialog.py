"""扫码 Scan: a webcam preview that reads equipment labels, photo files, and the handheld hint.

The dialog only *reads* codes and says so (a beep and a green flash); what a code means is the
main window's business (``scanned(text)`` → ``desktop.scanner.resolve``), and its answer to a
code that is not ours comes back through ``show_problem``. It stays open after a scan, so a
round of machines is scanned one after another, and an inspection started from a scan can take
its photos from the same camera.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEasingCurve,
    QPointF,
    QRectF,
    QSize,
    QStandardPaths,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QIcon,
    QImage,
    QImageReader,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.feedback import MessageBar, guard
from desktop.scanner.camera import (
    DEFAULT_RESOLUTION,
    OPEN_TIMEOUT_S,
    RESOLUTIONS,
    STALL_S,
    CameraBackend,
    CameraFinder,
    CameraWorker,
)
from desktop.scanner.decode import Decoded, decode_image_file
from desktop.scanner.resolve import describe
from desktop.settings import Key, Settings
from desktop.tasks import Op

PHOTO_PREVIEW_PX = 1600  # a 12 MP photo is shown from a copy this size (the codes are read in full)
_SIZES = {f"{w}x{h}" for w, h in RESOLUTIONS}
SCAN_CAMERA: Key[int] = Key("scanner/camera", int, 0, lambda v: 0 <= v <= 99)
SCAN_RESOLUTION: Key[str] = Key("scanner/resolution", str,
                                f"{DEFAULT_RESOLUTION[0]}x{DEFAULT_RESOLUTION[1]}",
                                lambda v: v in _SIZES)

_OUTLINE = QColor("#22C55E")
_STATUS_STYLES = {
    "info": "color: #37414B;",
    "success": "color: #1E6B35; font-weight: bold;",
    "error": "color: #8E1F14;",
}



def scan_icon(colour: str = "#1f3b5c", size: int = 20) -> QIcon:
    """A small QR-like mark (three finder squares and a few modules), drawn, not loaded."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    unit = size / 10
    for x, y in ((0, 0), (6, 0), (0, 6)):
        painter.drawRect(QRectF(x * unit, y * unit, 4 * unit, 4 * unit))
        painter.setBrush(Qt.GlobalColor.transparent)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
        painter.drawRect(QRectF((x + 1) * unit, (y + 1) * unit, 2 * unit, 2 * unit))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        painter.setBrush(QColor(colour))
        painter.drawRect(QRectF((x + 1.5) * unit, (y + 1.5) * unit, unit, unit))
    for x, y in ((6, 6), (8, 6), (7, 7), (6, 8), (8, 8)):
        painter.drawRect(QRectF(x * unit, y * unit, unit, unit))
    painter.end()
    return QIcon(pixmap)


class PreviewWidget(QWidget):
    """The camera picture (or a photo), scaled to fit, with the codes found outlined in green;
    a message in the middle while there is no picture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(480, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image: QImage | None = None
        self.codes: list[Decoded] = []
        self.codes_size = QSize()  # the size of the image the code corners are in
        self.numbered = False
        self.message = ""
        self._flash = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(1.0)
        self._animation.setEndValue(0.0)
        self._animation.setDuration(700)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._flash_changed)

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def set_codes(self, codes: list[Decoded], size: QSize, numbered: bool = False) -> None:
        self.codes = list(codes)
        self.codes_size = QSize(size)
        self.numbered = numbered
        self.update()

    def set_message(self, text: str) -> None:
        self.message = text
        self.update()

    def flash(self) -> None:
        """A green glow around the picture: "got it", seen from a step away."""
        self._animation.stop()
        self._animation.start()

    @property
    def flashing(self) -> bool:
        return self._flash > 0

    def _flash_changed(self, value: Any) -> None:
        self._flash = float(value)
        self.update()

    def image_rect(self) -> QRectF:
        """Where the picture is drawn: as large as fits, centred, aspect kept."""
        if self.image is None or self.image.isNull():
            return QRectF()
        size = QSize(self.image.size())
        size.scale(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        y = (self.height() - size.height()) / 2
        return QRectF(x, y, size.width(), size.height())

    def polygons(self) -> list[QPolygonF]:
        """The codes' outlines in widget coordinates."""
        target = self.image_rect()
        if target.isEmpty() or self.codes_size.isEmpty():
            return []
        sx = target.width() / self.codes_size.width()
        sy = target.height() / self.codes_size.height()
        return [QPolygonF([QPointF(target.left() + x * sx, target.top() + y * sy)
                           for x, y in code.points]) for code in self.codes]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#23272E"))
        target = self.image_rect()
        if not target.isEmpty():
            assert self.image is not None
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, self.image)
            fill = QColor(_OUTLINE)
            fill.setAlpha(60)
            font = QFont(painter.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.6)
            painter.setFont(font)
            for number, polygon in enumerate(self.polygons(), start=1):
                painter.setPen(QPen(_OUTLINE, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                    Qt.PenJoinStyle.RoundJoin))
                painter.setBrush(fill)
                painter.drawPolygon(polygon)
                if self.numbered:
                    centre = polygon.boundingRect().center()
                    badge = QRectF(centre.x() - 18, centre.y() - 18, 36, 36)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(_OUTLINE)
                    painter.drawEllipse(badge)
                    painter.setPen(QColor("#FFFFFF"))
                    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(number))
        elif self.message:
            painter.setPen(QColor("#E4E7EB"))
            font = QFont(painter.font())
            font.setPointSizeF(font.pointSizeF() * 1.2)
            painter.setFont(font)
            painter.drawText(self.rect().adjusted(40, 40, -40, -40),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.message)
        if self._flash > 0:
            glow = QColor(_OUTLINE)
            glow.setAlphaF(min(1.0, self._flash))
            painter.setPen(QPen(glow, 12))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(6, 6, -6, -6))
        painter.end()


class CodePickerDialog(QDialog):
    """Several codes in one photo: the clerk says which one was meant."""

    picked = Signal(str)

    def __init__(self, codes: list[Decoded], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Several codes in the photo"))
        self.setMinimumWidth(420)
        note = QLabel(self.tr("The photo shows {n} codes (numbered in the picture). Which "
                              "one do you mean?").format(n=len(codes)), self)
        note.setWordWrap(True)
        self.list = QListWidget(self)
        for number, code in enumerate(codes, start=1):
            item = QListWidgetItem(f"{number}.  {describe(code.text)}")
            item.setData(Qt.ItemDataRole.UserRole, code.text)
            item.setToolTip(code.text)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(self.tr("Open"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def texts(self) -> list[str]:
        return [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())]

    def accept(self) -> None:
        item = self.list.currentItem()
        super().accept()
        if item is not None:
            self.picked.emit(item.data(Qt.ItemDataRole.UserRole))


def _load_photo(path: Path) -> tuple[list[Decoded], QImage, QSize]:
    """Runs on the "io" lane: the codes (full resolution, EXIF honoured) and a picture to show."""
    codes = decode_image_file(path)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # the same orientation decode_image_file reads
    image = reader.read()
    full = image.size()
    if not image.isNull():
        if max(full.width(), full.height()) > PHOTO_PREVIEW_PX:
            image = image.scaled(PHOTO_PREVIEW_PX, PHOTO_PREVIEW_PX,
                                 Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
    return codes, image, full


class ScanDialog(QDialog):
    scanned = Signal(str)  # the text of a code read (camera or photo)
    # How long a camera may take to open, and to go without a frame, before the dialog says so.
    open_timeout_s = OPEN_TIMEOUT_S
    stall_s = STALL_S

    def __init__(self, parent: QWidget | None = None, backend: Any = None,
                 settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.backend = backend if backend is not None else CameraBackend()
        self.settings = settings if settings is not None else Settings()
        self.worker: CameraWorker | None = None
        self.finder: CameraFinder | None = None
        self.picker: CodePickerDialog | None = None
        self.cameras: list[int] = []
        self.setWindowTitle(self.tr("Scan a label"))
        self.resize(820, 700)

        self.camera_combo = QComboBox(self)
        self.camera_combo.setMinimumContentsLength(10)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setText("↻")
        self.refresh_button.setToolTip(self.tr("Look for cameras again (after plugging one in)"))
        self.refresh_button.clicked.connect(self.find_cameras)
        self.resolution_combo = QComboBox(self)
        for w, h in RESOLUTIONS:
            text = f"{w} × {h}"
            if (w, h) == DEFAULT_RESOLUTION:
                text = self.tr("{size} (recommended)").format(size=text)
            self.resolution_combo.addItem(text, f"{w}x{h}")
        self.resolution_combo.setCurrentIndex(
            max(0, self.resolution_combo.findData(self.settings.get(SCAN_RESOLUTION))))
        self.start_button = QPushButton(self.tr("Start camera"), self)
        self.start_button.clicked.connect(self.toggle_camera)
        self.start_button.setEnabled(False)

        self.preview = PreviewWidget(self)
        self.status = QLabel(self)
        self.status.setObjectName("scanStatus")
        self.status.setWordWrap(True)
        self.message = MessageBar(self)
        self.photo_button = QPushButton(self.tr("Open photo…"), self)
        self.photo_button.setToolTip(self.tr("Read the label from a photo file (taken with a "
                                             "phone, for example)"))
        self.photo_button.clicked.connect(self.choose_photo)
        self.hint = QLabel(self.tr(
            "Handheld scanner: just scan a label anywhere in SafeDesk, this window need not be "
            "open. If nothing happens, switch the keyboard to English input."), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #6b7785;")
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(QLabel(self.tr("Camera"), self))
        top.addWidget(self.camera_combo, 1)
        top.addWidget(self.refresh_button)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Resolution"), self))
        top.addWidget(self.resolution_combo)
        top.addSpacing(12)
        top.addWidget(self.start_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.photo_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.hint)
        layout.addLayout(bottom)

        self.camera_combo.activated.connect(lambda _i: self._choice_changed())
        self.resolution_combo.activated.connect(lambda _i: self._choice_changed())
        self.find_cameras()

    # -- cameras ------------------------------------------------------------------------------
    def find_cameras(self) -> None:
        self.stop_camera()
        self.camera_combo.clear()
        self.camera_combo.setEnabled(False)
        self.start_button.setEnabled(False)
        self.refresh_button.setEnabled(False)
        self._say(self.tr("Looking for cameras…"))
        self.preview.set_image(None)
        self.preview.set_message(self.tr("Looking for cameras…"))
        if self.finder is not None:  # an earlier search still running: its answer is stale
            self.finder.found.disconnect()
            self.finder.deleteLater()
        self.finder = CameraFinder(self.backend, self)
        self.finder.found.connect(self._cameras_found)
        self.finder.start()

    def _cameras_found(self, indices: list[int]) -> None:
        self.cameras = list(indices)
        self.refresh_button.setEnabled(True)
        if not indices:
            text = self.tr("No camera found. Plug in a USB camera and press ↻, open a photo "
                           "of the label, or use a handheld scanner.")
            self.preview.set_message(text)
            self._say(text, "error")
            return
        for index in indices:
            self.camera_combo.addItem(self.tr("Camera {n}").format(n=index + 1), index)
        remembered = self.camera_combo.findData(self.settings.get(SCAN_CAMERA))
        self.camera_combo.setCurrentIndex(max(0, remembered))
        self.camera_combo.setEnabled(True)
        self.start_button.setEnabled(True)
        self.start_camera()

    def _choice_changed(self) -> None:
        index, size = self.camera_combo.currentData(), self.resolution_combo.currentData()
        if size:
            self.settings.set(SCAN_RESOLUTION, size)
        if index is None:
            return
        self.settings.set(SCAN_CAMERA, index)
        self.start_camera()

    def camera_name(self) -> str:
        return self.camera_combo.currentText() or self.tr("The camera")

    def resolution(self) -> tuple[int, int]:
        w, h = str(self.resolution_combo.currentData() or "1280x720").split("x")
        return int(w), int(h)

    def toggle_camera(self) -> None:
        if self.worker is not None and self.worker.running:
            self.stop_camera()
            self._say(self.tr("Camera stopped."))
        else:
            self.start_camera()

    def start_camera(self) -> None:
        index = self.camera_combo.currentData()
        if index is None:
            return
        self.stop_camera()
        self.message.hide()
        worker = CameraWorker(self.backend, index, self.resolution(), self,
                              open_timeout_s=self.open_timeout_s, stall_s=self.stall_s)
        worker.opened.connect(self._opened)
        worker.frame_ready.connect(self._frame_ready)
        worker.codes_found.connect(self.preview.set_codes)
        worker.scanned.connect(self.report)
        worker.failed.connect(self._failed)
        self.worker = worker
        self.preview.set_image(None)
        self.preview.set_codes([], QSize())
        self.preview.set_message(self.tr("Starting {camera}…").format(camera=self.camera_name()))
        self._say(self.tr("Starting {camera}…").format(camera=self.camera_name()))
        self.start_button.setText(self.tr("Stop camera"))
        worker.start()

    def stop_camera(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.stop()  # returns at once; its threads end on their own
            worker.deleteLater()
        self.start_button.setText(self.tr("Start camera"))

    def _opened(self, width: int, height: int) -> None:
        self._say(self.tr("Hold the label in front of the camera, 20–40 cm away."))

    def _frame_ready(self) -> None:
        image = self.worker.take_frame() if self.worker is not None else None
        if image is not None:
            self.preview.set_image(image)

    def _failed(self, reason: str) -> None:
        camera = self.camera_name()
        texts = {
            "open_failed": self.tr("{camera} could not be opened. It may be in use by another "
                                   "program (a video call?) or unplugged."),
            "no_picture": self.tr("{camera} opened but sends no picture. Close other programs "
                                  "that use it (video calls) and press Start camera."),
            "timeout": self.tr("{camera} does not respond. Unplug it, plug it in again and "
                               "press Start camera, or choose another camera."),
            "lost": self.tr("{camera} stopped sending pictures (unplugged?). Plug it in again "
                            "and press Start camera."),
        }
        text = texts.get(reason, self.tr("{camera} failed. Press Start camera to try again, or "
                                         "choose another camera.")).format(camera=camera)
        self.worker = None
        self.start_button.setText(self.tr("Start camera"))
        self.preview.set_image(None)
        self.preview.set_codes([], QSize())
        self.preview.set_message(text)
        self._say(text, "error")

    # -- photos -------------------------------------------------------------------------------
    def choose_photo(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a photo of the label"), folder,
            self.tr("Photos (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;All files (*)"))
        if path:
            self.open_photo(path)

    def open_photo(self, path: str | Path) -> Op:
        """Read the codes in a photo file (off the UI thread); one is reported, several are
        offered to choose from."""
        self.stop_camera()
        self.message.hide()
        self.photo_button.setEnabled(False)
        self.preview.set_image(None)
        self.preview.set_codes([], QSize())
        self.preview.set_message(self.tr("Reading the photo…"))
        self._say(self.tr("Reading the photo…"))
        photo = Path(path)
        return Op(self, lambda _: _load_photo(photo), lane="io").success(
            guard(self, self._photo_read)).failure(guard(self, self._photo_failed)).run()

    def _photo_read(self, result: tuple[list[Decoded], QImage, QSize]) -> None:
        codes, image, full = result
        self.photo_button.setEnabled(True)
        if not image.isNull():
            self.preview.set_image(image)
            self.preview.set_codes(codes, full, numbered=len(codes) > 1)
        if not codes:
            text = self.tr("No QR code found in this photo. Take it closer and sharper, with "
                           "the whole label in the picture.")
            self.preview.set_message(text)
            self._say(text, "error")
            return
        if len(codes) == 1:
            self.report(codes[0].text)
            return
        self._say(self.tr("The photo shows {n} codes: choose one.").format(n=len(codes)))
        self.picker = CodePickerDialog(codes, self)
        self.picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.picker.picked.connect(self.report)
        self.picker.open()

    def _photo_failed(self, exc: BaseException) -> None:
        self.photo_button.setEnabled(True)
        if isinstance(exc, (OSError, ValueError)):  # not an image, unreadable, gone
            text = self.tr("This file cannot be read as a photo.")
            self.preview.set_message(text)
            self._say(text, "error")
        else:
            self.message.show_failure(exc)

    # -- results ------------------------------------------------------------------------------
    def report(self, text: str) -> None:
        """A code was read: beep, flash, and pass it on."""
        QApplication.beep()
        self.preview.flash()
        self.message.hide()
        self._say(self.tr("Read: {code}").format(code=describe(text)), "success")
        self.scanned.emit(text)

    def show_problem(self, text: str) -> None:
        """What the main window found wrong with the code just read (not ours, unknown …)."""
        self.message.show_message(text, "error")
        self._say(text, "error")

    def _say(self, text: str, kind: str = "info") -> None:
        self.status.setText(text)
        self.status.setStyleSheet(_STATUS_STYLES[kind])

    def status_text(self) -> str:
        return self.status.text()

    # -- closing ------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.stop_camera()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.stop_camera()
        super().closeEvent(event)
