"""Scanning (F3) as a worker does it: a webcam held at a label, a photo file, a handheld scanner
typing into whatever has the focus, and what each scan opens or says.

The one stand-in is the webcam: ``FakeCamera`` has the five methods of ``cv2.VideoCapture`` the
capture thread uses and serves frames made by drawing a real QR label (the ``qrcode`` module at
error correction Q, as reports.labels prints them) onto a synthetic background with numpy.
Everything behind it — capture and decode threads, the decoder, the deduper, the preview, the
resolver and the database — is the real thing.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import qrcode
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from qrcode.constants import ERROR_CORRECT_Q

from core.auth import SYSTEM, Actor
from core.i18n import DomainError
from core.qr_payload import encode
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.dialogs.equipment_card import EquipmentCardDialog
from desktop.main_window import MainWindow
from desktop.pages.equipment import EquipmentPage
from desktop.scanner.camera import running_threads
from desktop.scanner.keyboard_wedge import KeyboardWedge
from desktop.scanner.resolve import resolve
from desktop.scanner.scan_dialog import ScanDialog
from desktop.settings import Settings

SITE = "A"  # the site the ``admin`` fixture's plant is created with


# -- a webcam that is not there ---------------------------------------------------------------


def label_image(payload: str, module_px: int = 6) -> np.ndarray:
    """A QR label as reports.labels prints it (error correction Q), white quiet zone, grey."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=4, box_size=module_px)
    code.add_data(payload)
    code.make()
    return np.asarray(code.make_image().convert("L"), dtype=np.uint8)


def scene(payloads: list[str], size: tuple[int, int] = (640, 480), seed: int = 7) -> np.ndarray:
    """A BGR frame: a mottled grey-brown wall with sensor noise and the labels side by side."""
    w, h = size
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    wall = 110 + 25 * np.sin(xx / 53.0) + 18 * np.cos(yy / 37.0)
    frame = np.stack([wall * 0.9, wall, wall * 1.1], axis=-1)
    frame += rng.normal(0, 4, frame.shape)
    step = w // (len(payloads) + 1)
    for n, payload in enumerate(payloads, start=1):
        label = label_image(payload)
        lh, lw = label.shape
        x0, y0 = n * step - lw // 2, (h - lh) // 2
        frame[y0:y0 + lh, x0:x0 + lw] = label[..., None]
    return np.clip(frame, 0, 255).astype(np.uint8)


class FakeCamera:
    """Stands in for ``cv2.VideoCapture``: delivers ``frame`` at about 60 fps; ``unplug_after``
    frames later every read fails, like a camera pulled out of its socket."""

    def __init__(self, frame: np.ndarray, opens: bool = True,
                 unplug_after: int | None = None) -> None:
        self.frame = frame
        self.opens = opens
        self.unplug_after = unplug_after
        self.reads = 0
        self.released = False
        self.props: dict[int, float] = {}

    def isOpened(self) -> bool:  # noqa: N802 (OpenCV's name)
        return self.opens and not self.released

    def read(self) -> tuple[bool, np.ndarray | None]:
        time.sleep(1 / 60)  # the capture thread's pace, as a real camera's read blocks
        self.reads += 1
        if self.unplug_after is not None and self.reads > self.unplug_after:
            return False, None
        return True, self.frame.copy()

    def set(self, prop: int, value: float) -> bool:
        self.props[prop] = value
        return True

    def get(self, prop: int) -> float:
        return self.props.get(prop, 0.0)

    def release(self) -> None:
        self.released = True


class FakeBackend:
    """What the scan dialog asks for cameras: which indices exist, and opening one."""

    def __init__(self, frame: np.ndarray | None = None, cameras: tuple[int, ...] = (0,),
                 **camera: Any) -> None:
        self.frame = frame if frame is not None else scene([])
        self.indices = list(cameras)
        self.camera = camera
        self.opened: list[FakeCamera] = []

    def cameras(self) -> list[int]:
        return list(self.indices)

    def open(self, index: int, width: int, height: int) -> FakeCamera:
        camera = FakeCamera(self.frame, **self.camera)
        self.opened.append(camera)
        return camera


# -- a plant with machines ----------------------------------------------------------------------


@pytest.fixture
def machines(workspace: Workspace, admin: Actor) -> dict[str, str]:
    site = workspace.structure.list(SYSTEM, "site")[0]["id"]
    area = workspace.structure.add(SYSTEM, "area", {"site_id": site, "code": "CY",
                                                    "name": "冲压车间"})
    press = workspace.equipment.add_type(SYSTEM, "YJ", "压力机")
    ids = {"site": site, "area": area, "type": press}
    for name in ("开式压力机", "闭式压力机", "旧压力机"):
        item = workspace.equipment.add(SYSTEM, {"name": name, "type_id": press, "area_id": area,
                                                "site_id": site})
        ids[name] = item
        ids[workspace.equipment.get(SYSTEM, item).code] = item
    workspace.inspections.create_template(admin, press, "冲床班前点检表",
                                          ["光电保护装置灵敏有效", "防护罩完好", "急停按钮灵敏"])
    return ids


@pytest.fixture(autouse=True)
def no_camera_threads_left(qtbot: Any) -> Any:
    """Every camera session ends with its test: its threads are not left to the next one."""
    yield
    qtbot.waitUntil(lambda: running_threads() == 0, timeout=5000)


def _dialog(qtbot: Any, backend: FakeBackend) -> tuple[ScanDialog, list[str]]:
    dialog = ScanDialog(backend=backend, settings=Settings())
    qtbot.addWidget(dialog)
    seen: list[str] = []
    dialog.scanned.connect(seen.append)
    dialog.show()
    return dialog, seen


# -- the webcam -------------------------------------------------------------------------------


def test_the_preview_reads_a_label_held_in_view_once(qtbot: Any) -> None:
    payload = encode(SITE, "YJ-CY-0001")
    backend = FakeBackend(scene([payload]))
    dialog, seen = _dialog(qtbot, backend)
    qtbot.waitUntil(lambda: seen == [payload], timeout=5000)
    worker = dialog.worker
    assert worker is not None and worker.is_open
    assert worker.frame_size.width() == 640 and worker.frame_size.height() == 480
    # The label stays in view: many more frames are read and decoded, none reported again.
    decoded = worker.frames_decoded
    qtbot.waitUntil(lambda: worker.frames_decoded >= decoded + 15, timeout=5000)
    assert seen == [payload]
    # The preview shows the camera picture with the code outlined where it is.
    assert dialog.preview.image is not None and not dialog.preview.image.isNull()
    qtbot.waitUntil(lambda: len(dialog.preview.polygons()) == 1)
    outline = dialog.preview.polygons()[0].boundingRect()
    picture = dialog.preview.image_rect()
    assert picture.contains(outline)
    centre_x = (outline.center().x() - picture.left()) / picture.width()
    assert 0.4 < centre_x < 0.6  # the label is in the middle of the frame
    assert "YJ-CY-0001" in dialog.status_text()
    assert dialog.preview.flashing  # the green "got it"
    dialog.close()
    assert dialog.worker is None
    qtbot.waitUntil(lambda: backend.opened[0].released, timeout=3000)


def test_no_camera_gives_a_clear_message(qtbot: Any) -> None:
    dialog, seen = _dialog(qtbot, FakeBackend(cameras=()))
    qtbot.waitUntil(lambda: "No camera found" in dialog.status_text())
    assert "No camera found" in dialog.preview.message
    assert not dialog.start_button.isEnabled() and dialog.camera_combo.count() == 0
    assert dialog.photo_button.isEnabled() and dialog.hint.isVisible()  # the other two ways
    assert seen == []


def test_a_busy_camera_and_an_unplugged_one_stop_with_a_message(qtbot: Any) -> None:
    busy, _seen = _dialog(qtbot, FakeBackend(opens=False))
    qtbot.waitUntil(lambda: "could not be opened" in busy.status_text(), timeout=5000)
    assert "in use by another program" in busy.preview.message
    assert busy.worker is None and busy.start_button.text() == "Start camera"
    busy.close()

    backend = FakeBackend(scene([]), unplug_after=5)
    unplugged, _seen = _dialog(qtbot, backend)
    qtbot.waitUntil(lambda: "stopped sending pictures" in unplugged.status_text(), timeout=5000)
    assert unplugged.worker is None
    assert backend.opened[0].released
    # Start again: the same camera opens anew (and fails again the same way, here).
    unplugged.start_button.click()
    qtbot.waitUntil(lambda: len(backend.opened) == 2)
    unplugged.close()


class HangingBackend(FakeBackend):
    """A camera whose driver never comes back from opening (until the test lets it go)."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def open(self, index: int, width: int, height: int) -> FakeCamera:
        self.release.wait(10)
        return super().open(index, width, height)


def test_a_camera_that_hangs_while_opening_is_given_up_not_waited_for(qtbot: Any) -> None:
    backend = HangingBackend()
    dialog = ScanDialog(backend=backend, settings=Settings())
    qtbot.addWidget(dialog)
    dialog.open_timeout_s = 0.3
    dialog.show()
    qtbot.waitUntil(lambda: "does not respond" in dialog.status_text(), timeout=5000)
    assert dialog.worker is None and dialog.start_button.isEnabled()
    assert dialog.photo_button.isEnabled()  # the window never froze
    backend.release.set()  # the driver returns at last: the camera is closed again at once
    qtbot.waitUntil(lambda: bool(backend.opened) and backend.opened[0].released, timeout=5000)


def test_an_inspection_takes_its_photo_from_the_open_webcam(
        qtbot: Any, ctx: AppContext, machines: dict[str, str]) -> None:
    from desktop.dialogs.inspection_run import InspectionRunDialog

    dialog, _seen = _dialog(qtbot, FakeBackend(scene([])))
    qtbot.waitUntil(lambda: dialog.worker is not None and dialog.worker.is_open, timeout=5000)
    run = InspectionRunDialog(ctx, machines["开式压力机"])
    qtbot.addWidget(run)
    run.show()
    qtbot.waitUntil(lambda: len(run.rows) == 3)
    qtbot.waitUntil(lambda: all(r.isVisible() for r in run.rows))  # shown by the layout
    row = run.rows[1]
    row.choose("fail")
    assert row.webcam_button.isVisibleTo(run)
    row.webcam_button.click()
    qtbot.waitUntil(lambda: len(row.photos.paths()) == 1, timeout=5000)
    photo = row.photos.paths()[0]
    assert photo.suffix == ".jpg" and Image.open(photo).size == (640, 480)
    # Without a camera the button is not offered.
    dialog.close()
    run.rows[2].choose("fail")
    assert not run.rows[2].webcam_button.isVisibleTo(run)
    run.reject()
    _confirm_discard(qtbot, run)


def _confirm_discard(qtbot: Any, parent: QWidget) -> None:
    from PySide6.QtWidgets import QMessageBox, QPushButton

    qtbot.waitUntil(lambda: parent.findChild(QMessageBox) is not None)
    parent.findChild(QMessageBox).findChild(QPushButton, "confirmButton").click()
    qtbot.waitUntil(lambda: not parent.isVisible())


def test_a_photo_with_two_labels_offers_both(qtbot: Any, tmp_path: Path) -> None:
    first, second = encode(SITE, "YJ-CY-0001"), encode(SITE, "YJ-CY-0002")
    upright = scene([first, second], size=(1200, 500))[..., ::-1]  # BGR -> RGB
    # A phone held sideways: the pixels are stored turned, EXIF says how to show them.
    stored = Image.fromarray(np.ascontiguousarray(np.rot90(upright, k=1)))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    path = tmp_path / "手机照片.jpg"
    stored.save(path, quality=92, exif=exif)

    dialog, seen = _dialog(qtbot, FakeBackend(cameras=()))
    dialog.open_photo(path)
    qtbot.waitUntil(lambda: dialog.picker is not None and dialog.picker.isVisible(),
                    timeout=5000)
    picker = dialog.picker
    assert picker is not None
    assert sorted(picker.texts()) == sorted([first, second])
    assert "The photo shows 2 codes" in dialog.status_text()
    # Shown as the photo is seen (wide, not turned), both codes outlined and numbered.
    assert dialog.preview.image.width() > dialog.preview.image.height()
    assert len(dialog.preview.polygons()) == 2 and dialog.preview.numbered
    assert seen == []
    picker.list.setCurrentRow(1)
    with qtbot.waitSignal(dialog.scanned) as scanned:
        picker.open_button.click()
    assert scanned.args == [picker.texts()[1]] and seen == [picker.texts()[1]]


def test_a_photo_without_a_code_says_so(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "wall.png"
    Image.fromarray(scene([])[..., ::-1].copy()).save(path)
    dialog, seen = _dialog(qtbot, FakeBackend(cameras=()))
    dialog.open_photo(path)
    qtbot.waitUntil(lambda: "No QR code found" in dialog.status_text(), timeout=5000)
    assert seen == [] and dialog.picker is None


# -- the handheld scanner ------------------------------------------------------------------


class Clock:
    """Seconds that move only when the test says: keys land with exact gaps."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, ms: float) -> None:
        self.t += ms / 1000


def type_keys(qtbot: Any, widget: QWidget, text: str, clock: Clock, gap_ms: float,
              enter: bool = True) -> None:
    for char in text:
        clock.advance(gap_ms)
        qtbot.keyClick(widget, char)
    if enter:
        clock.advance(gap_ms)
        qtbot.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def form(qtbot: Any) -> tuple[QWidget, QLineEdit, list[str]]:
    """An unrelated text box with the focus; ``entered`` collects what Enter submitted."""
    window = QWidget()
    line = QLineEdit(window)
    QVBoxLayout(window).addWidget(line)
    qtbot.addWidget(window)
    window.show()
    line.setFocus()
    entered: list[str] = []
    line.returnPressed.connect(lambda: entered.append(line.text()))
    return window, line, entered


@pytest.fixture
def wedge(qtbot: Any) -> Any:
    clock = Clock()
    wedge = KeyboardWedge(clock=clock)
    wedge.install()
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    yield wedge, clock, scans
    wedge.uninstall()
    wedge.deleteLater()


def test_a_fast_burst_with_enter_is_a_scan_and_never_reaches_the_text_box(
        qtbot: Any, form: Any, wedge: Any) -> None:
    _window, line, entered = form
    filt, clock, scans = wedge
    payload = encode(SITE, "YJ-CY-0012")
    line.setText("备注：")
    with qtbot.waitSignal(filt.scanned) as scanned:
        type_keys(qtbot, line, payload, clock, gap_ms=4)
    assert scanned.args == [payload] and scans == [payload]
    assert line.text() == "备注：" and entered == []  # neither the code nor its Enter arrived
    assert filt.holding == ""


def test_slow_typing_of_the_same_keys_stays_in_the_text_box(
        qtbot: Any, form: Any, wedge: Any) -> None:
    _window, line, entered = form
    filt, clock, scans = wedge
    payload = encode(SITE, "YJ-CY-0012")
    type_keys(qtbot, line, payload, clock, gap_ms=180)
    assert line.text() == payload and entered == [payload]
    assert scans == []


def test_typing_that_is_fast_only_in_places_is_not_a_scan(
        qtbot: Any, form: Any, wedge: Any) -> None:
    _window, line, entered = form
    filt, clock, scans = wedge
    # A quick pair of keys now and then (key rollover), a short fast word with Enter, and a
    # long fast run whose last gap before Enter is a human one: none is a scan.
    type_keys(qtbot, line, "ab", clock, gap_ms=20, enter=False)
    clock.advance(300)
    type_keys(qtbot, line, "cde", clock, gap_ms=10)
    assert line.text() == "abcde" and entered == ["abcde"]
    type_keys(qtbot, line, "FGHIJKLMN", clock, gap_ms=10, enter=False)
    clock.advance(400)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == "abcdeFGHIJKLMN" and entered[-1] == "abcdeFGHIJKLMN"
    assert scans == []


def test_held_keys_arrive_by_themselves_when_no_enter_follows(
        qtbot: Any, form: Any, wedge: Any) -> None:
    _window, line, _entered = form
    filt, clock, scans = wedge
    type_keys(qtbot, line, "SD1:A:YJ", clock, gap_ms=3, enter=False)
    assert line.text() == "" and filt.holding == "SD1:A:YJ"  # held for a moment …
    qtbot.waitUntil(lambda: line.text() == "SD1:A:YJ")  # … then typed (after 50 ms)
    qtbot.keyClick(line, Qt.Key.Key_Backspace)  # other keys pass straight through
    assert line.text() == "SD1:A:Y" and scans == []


# -- what a scan opens ----------------------------------------------------------------------------


def _window(qtbot: Any, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx, settings=Settings())
    qtbot.addWidget(window)
    window.show()
    return window


def _scan_card(qtbot: Any, window: MainWindow) -> EquipmentCardDialog:
    qtbot.waitUntil(lambda: bool(window._scan_cards), timeout=5000)
    card = next(iter(window._scan_cards.values()))
    assert isinstance(card, EquipmentCardDialog)
    return card


def test_a_handheld_scan_of_our_label_opens_the_card_ready_to_inspect(
        qtbot: Any, qtlog: Any, ctx: AppContext, machines: dict[str, str]) -> None:
    window = _window(qtbot, ctx)
    clock = Clock()
    window.wedge.clock = clock
    assert window.show_page("equipment")
    page = window.current_page()
    assert isinstance(page, EquipmentPage)
    code = ctx.workspace.equipment.get(SYSTEM, machines["开式压力机"]).code
    # The clerk was typing a search when the worker scanned the machine's label.
    type_keys(qtbot, page.search, "JH21", clock, gap_ms=200, enter=False)
    qtbot.waitUntil(lambda: page.search.text() == "JH21")  # the last key, held 50 ms
    clock.advance(2000)
    type_keys(qtbot, page.search, encode(SITE, code), clock, gap_ms=5)
    card = _scan_card(qtbot, window)
    assert card.equipment_id == machines["开式压力机"] and card.from_scan
    assert page.search.text() == "JH21"  # the code never landed in the search box
    qtbot.waitUntil(lambda: card.start_button.isEnabled())
    assert card.start_button.isVisible() and card.checklist_items.count() == 3
    # The same label again raises that card instead of opening a second one.
    # (Raising a window is not possible offscreen, and Qt says so: not a problem here.)
    with qtlog.disabled(), qtbot.waitSignal(window.scan_opened) as opened:
        window.handle_scan(encode(SITE, code))
    assert opened.args == [machines["开式压力机"]]
    assert len(window.findChildren(EquipmentCardDialog)) == 1
    run = card.start_inspection()
    assert run is not None
    qtbot.waitUntil(lambda: len(run.rows) == 3)
    run.close()
    card.close()
    window.close()  # the filter leaves the application with the window
    line = QLineEdit()
    qtbot.addWidget(line)
    qtbot.keyClicks(line, "SD1:A:YJ-CY-0001")  # typed as fast as can be: no filter holds it
    assert line.text() == "SD1:A:YJ-CY-0001"


def test_the_webcam_scan_opens_the_card_from_the_scan_window(
        qtbot: Any, ctx: AppContext, machines: dict[str, str]) -> None:
    window = _window(qtbot, ctx)
    code = ctx.workspace.equipment.get(SYSTEM, machines["闭式压力机"]).code
    window.camera_backend = FakeBackend(scene([encode(SITE, code)]))
    window.scan_action.trigger()
    dialog = window.scan_dialog
    assert isinstance(dialog, ScanDialog) and dialog.isVisible()
    card = _scan_card(qtbot, window)
    assert card.equipment_id == machines["闭式压力机"]
    dialog.close()
    qtbot.waitUntil(lambda: window.scan_dialog is None)
    card.close()


def _problem(qtbot: Any, window: MainWindow) -> str:
    qtbot.waitUntil(lambda: window.scan_problem is not None and window.scan_problem.isVisible())
    box = window.scan_problem
    assert box is not None
    text = box.text()
    box.close()
    qtbot.waitUntil(lambda: window.scan_problem is None)
    return text


def test_codes_that_open_nothing_say_why_in_the_users_language(
        qtbot: Any, ctx: AppContext, machines: dict[str, str]) -> None:
    ws = ctx.workspace
    window = _window(qtbot, ctx)
    old = ws.equipment.get(SYSTEM, machines["旧压力机"]).code
    ws.equipment.remove(SYSTEM, machines["旧压力机"])
    good = encode(SITE, "YJ-CY-0001")
    cases = [
        ("https://weixin.qq.com/r/abc", DomainError("qr.foreign")),
        (encode("B", "YJ-CY-0001"), DomainError("label.other_site", site="B")),
        (encode(SITE, "ZZ-0404"), DomainError("label.unknown", code="ZZ-0404")),
        (encode(SITE, old), DomainError("label.removed", code=old)),
        (good[:-1] + ("0" if good[-1] != "0" else "1"), DomainError("qr.damaged")),
        ("SD9:A:YJ-CY-0001:0000", DomainError("qr.newer_version", version=9)),
    ]
    for text, expected in cases:
        window.handle_scan(text)
        assert _problem(qtbot, window) == expected.message(), text
    assert "其他厂区（B）" in DomainError("label.other_site", site="B").message()
    assert not window._scan_cards
    # With the scan window open, the answer shows in it, next to the picture.
    window.camera_backend = FakeBackend(cameras=())
    dialog = window.open_scan_dialog()
    window.handle_scan(encode(SITE, "ZZ-0404"))
    expected = DomainError("label.unknown", code="ZZ-0404").message()
    qtbot.waitUntil(lambda: dialog.message.text() == expected)
    assert window.scan_problem is None
    dialog.close()


def test_a_plant_with_several_sites_reads_each_sites_labels(
        ctx: AppContext, machines: dict[str, str]) -> None:
    ws, actor = ctx.workspace, ctx.actor
    ws.structure.add(SYSTEM, "site", {"code": "B", "name": "二厂区"})
    code = ws.equipment.get(SYSTEM, machines["开式压力机"]).code
    assert resolve(ws, actor, encode("A", code)).id == machines["开式压力机"]
    assert resolve(ws, actor, encode("B", code)).id == machines["开式压力机"]
    with pytest.raises(DomainError) as err:
        resolve(ws, actor, encode("C", code))
    assert err.value.key == "label.other_site"
