"""Webcam capture for the scan dialog: live frames for the preview, codes read in the background.

Two threads per camera session, neither of them the UI thread:

- the **capture** thread opens the camera and reads frames as fast as it delivers them. It
  keeps only the newest frame for the preview and for the decoder (a one-slot mailbox each):
  when the UI or the decoder is busy, older frames are dropped rather than queued, so the
  preview never lags behind the camera and memory never grows;
- the **decode** thread reads QR codes (``decode.decode_frame`` with a time budget) from the
  newest frame whenever it is free. The preview never waits for it.

They are plain daemon threads, not QThreads: a camera driver can hang in ``open`` or ``read``
(a camera in use by a video call, one unplugged mid-read), and such a thread can neither be
killed nor waited for. A daemon thread can be abandoned — the dialog reports the problem at
once and goes on; the thread ends when the driver returns, or with the program. (A QThread
destroyed while running aborts the program; a QThreadPool waits for it at exit.)

The threads talk to the UI through one long-lived signal hub (``_hub``) with a session number
on every signal: whatever the threads are doing when a dialog closes, they only ever emit on an
object that outlives them, and each ``CameraWorker`` listens to its own session only.

Cameras are OpenCV ``VideoCapture`` objects; anything with the same five methods
(``isOpened``, ``read``, ``set``, ``get``, ``release``) works — tests use a fake webcam.
Problems never hang the dialog: opening has a timeout, a camera that stops delivering frames
(unplugged) is noticed within ``stall_s``, and each ends the session with ``failed(reason)``:
``no_camera``, ``open_failed``, ``no_picture``, ``timeout``, ``lost`` or ``error``.
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import shiboken6
from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtGui import QImage

from desktop.scanner.decode import Decoded, FrameDeduper, decode_frame

log = logging.getLogger(__name__)

MAX_INDEX = 5  # cameras 0..5 are tried: a PC has the built-in one and a USB one or two
RESOLUTIONS: tuple[tuple[int, int], ...] = ((640, 480), (1280, 720), (1920, 1080))
DEFAULT_RESOLUTION = (1280, 720)  # sharp enough for a label at arm's length, 30 fps on USB 2
OPEN_TIMEOUT_S = 10.0  # Windows' Media Foundation takes a few seconds to open some cameras
FIRST_FRAME_TIMEOUT_S = 4.0
STALL_S = 3.0  # no frame for this long while running: the camera is gone
FIND_TIMEOUT_S = 15.0
DECODE_BUDGET_MS = 60.0  # a late answer is worse than none: the next frame is 33 ms away

# OpenCV's property numbers (cv2.CAP_PROP_*), spelled out so fakes need not import cv2.
PROP_FRAME_WIDTH = 3
PROP_FRAME_HEIGHT = 4
PROP_FOURCC = 6
PROP_BUFFERSIZE = 38


class Capture(Protocol):
    """What a camera is to this module: the part of ``cv2.VideoCapture`` it uses."""

    def isOpened(self) -> bool: ...  # noqa: N802 (OpenCV's name)
    def read(self) -> tuple[bool, np.ndarray | None]: ...
    def set(self, prop: int, value: float) -> bool: ...
    def get(self, prop: int) -> float: ...
    def release(self) -> None: ...


class CameraBackend:
    """Finds and opens cameras with OpenCV. Every call may block: never on the UI thread."""

    max_index = MAX_INDEX

    def apis(self) -> list[int]:
        import cv2

        if sys.platform == "win32":
            # DirectShow opens in a fraction of a second and sets sizes reliably; Media
            # Foundation is the fallback for cameras DirectShow cannot open.
            return [cv2.CAP_DSHOW, cv2.CAP_MSMF]
        if sys.platform == "darwin":
            return [cv2.CAP_AVFOUNDATION]
        return [cv2.CAP_V4L2, cv2.CAP_ANY]

    def _quiet(self) -> None:
        import cv2

        # Probing an index with no camera makes OpenCV print warnings; they mean nothing here.
        try:
            cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)
        except AttributeError:  # an OpenCV build without the logging module
            pass

    def cameras(self) -> list[int]:
        """The indices 0..max_index that open."""
        self._quiet()
        found = []
        for index in range(self.max_index + 1):
            capture = self._open_any(index)
            if capture is not None:
                capture.release()
                found.append(index)
        return found

    def _open_any(self, index: int) -> Any:
        import cv2

        for api in self.apis():
            capture = cv2.VideoCapture(index, api)
            if capture.isOpened():
                return capture
            capture.release()
        return None

    def open(self, index: int, width: int, height: int) -> Capture | None:
        """The camera at ``index`` asking for ``width``×``height``; None if it does not open."""
        import cv2

        self._quiet()
        capture = self._open_any(index)
        if capture is None:
            return None
        if width >= 1280:
            # Uncompressed 720p/1080p does not fit USB 2 at 30 fps; most webcams offer MJPG.
            capture.set(PROP_FOURCC, cv2.VideoWriter_fourcc(*"MJPG"))
        capture.set(PROP_FRAME_WIDTH, width)
        capture.set(PROP_FRAME_HEIGHT, height)
        capture.set(PROP_BUFFERSIZE, 1)  # the newest frame, not one from a queue
        return capture


def to_qimage(frame: np.ndarray) -> QImage:
    """A QImage copy of a BGR, BGRA or grey frame (safe to make off the UI thread)."""
    frame = np.ascontiguousarray(frame)
    h, w = frame.shape[:2]
    if frame.ndim == 2 or frame.shape[2] == 1:
        fmt = QImage.Format.Format_Grayscale8
    elif frame.shape[2] == 4:
        fmt = QImage.Format.Format_RGB32  # BGRx in memory on little-endian PCs
    else:
        fmt = QImage.Format.Format_BGR888
    return QImage(frame.data, w, h, frame.strides[0], fmt).copy()


# -- the signal hub ------------------------------------------------------------------------------


class _Hub(QObject):
    """Signals from the camera threads, each with its session number (see the module text)."""

    found = Signal(int, list)  # finder session, camera indices
    opened = Signal(int, int, int)  # session, width, height
    frame = Signal(int)  # session: a new preview image waits
    decoded = Signal(int, object, int, int)  # session, list[Decoded], frame width, height
    failed = Signal(int, str)  # session, reason
    ended = Signal(int, str)  # session, which thread ("capture" or "decode")


_hub_instance: _Hub | None = None
_sessions = itertools.count(1)


def _hub() -> _Hub:
    """Made on first use, on the UI thread, and kept for the life of the program."""
    global _hub_instance
    if _hub_instance is None:
        _hub_instance = _Hub()
    return _hub_instance


# -- finding cameras -----------------------------------------------------------------------------


class CameraFinder(QObject):
    """Looks for cameras in the background; ``found(list of indices)`` comes exactly once."""

    found = Signal(list)

    def __init__(self, backend: Any, parent: QObject | None = None,
                 timeout_s: float = FIND_TIMEOUT_S) -> None:
        super().__init__(parent)
        self.backend = backend
        self.session = next(_sessions)
        self.done = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._finish([]))
        self._timeout_ms = int(timeout_s * 1000)
        _hub().found.connect(self._found)

    def start(self) -> None:
        hub, session, backend = _hub(), self.session, self.backend

        def work() -> None:
            try:
                indices = list(backend.cameras())
            except Exception:  # a driver error while probing: the same as no camera
                log.exception("looking for cameras failed")
                indices = []
            hub.found.emit(session, indices)

        self._timer.start(self._timeout_ms)
        threading.Thread(target=work, name="camera-finder", daemon=True).start()

    def _found(self, session: int, indices: list) -> None:
        if session == self.session:
            self._finish(indices)

    def _finish(self, indices: list) -> None:
        if self.done:
            return
        self.done = True
        self._timer.stop()
        self.found.emit(indices)


# -- a capture session -----------------------------------------------------------------------------


@dataclass
class _Session:
    """What the two threads of one session share (the UI thread reads it too)."""

    id: int
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    new_frame: threading.Condition = field(init=False)
    image: QImage | None = None  # the newest preview image, until the UI takes it
    latest: np.ndarray | None = None  # the newest frame (for a snapshot)
    to_decode: np.ndarray | None = None  # the newest frame the decoder has not seen
    frames: int = 0
    decoded: int = 0
    last_frame_at: float = 0.0
    threads: int = 0

    def __post_init__(self) -> None:
        self.new_frame = threading.Condition(self.lock)


def _capture_loop(s: _Session, backend: Any, index: int, size: tuple[int, int]) -> None:
    hub = _hub()
    capture = None
    try:
        capture = backend.open(index, size[0], size[1])
        if s.stop.is_set():
            return
        if capture is None or not capture.isOpened():
            hub.failed.emit(s.id, "open_failed")
            return
        deadline = time.monotonic() + FIRST_FRAME_TIMEOUT_S
        ok, frame = capture.read()
        while (not ok or frame is None) and time.monotonic() < deadline and not s.stop.is_set():
            time.sleep(0.05)  # some cameras send a few empty frames while they start
            ok, frame = capture.read()
        if s.stop.is_set():
            return
        if not ok or frame is None:
            hub.failed.emit(s.id, "no_picture")  # opened, but another program has it
            return
        h, w = frame.shape[:2]
        hub.opened.emit(s.id, w, h)
        failures = 0
        while not s.stop.is_set():
            if not ok or frame is None:
                failures += 1
                if failures >= 10:
                    hub.failed.emit(s.id, "lost")
                    return
                time.sleep(0.05)
            else:
                failures = 0
                _deliver(s, frame)
            ok, frame = capture.read()
    except Exception:
        log.exception("camera %s failed", index)
        hub.failed.emit(s.id, "error")
    finally:
        if capture is not None:
            try:
                capture.release()
            except Exception:
                log.exception("releasing camera %s failed", index)
        with s.new_frame:
            s.new_frame.notify_all()
        hub.ended.emit(s.id, "capture")


def _deliver(s: _Session, frame: np.ndarray) -> None:
    image = to_qimage(frame)
    with s.new_frame:
        s.frames += 1
        s.last_frame_at = time.monotonic()
        s.latest = frame
        s.to_decode = frame
        announce = s.image is None  # the UI has taken the last one: tell it about this one
        s.image = image
        s.new_frame.notify_all()
    if announce:
        _hub().frame.emit(s.id)


def _decode_loop(s: _Session, decode: Callable[[np.ndarray], list[Decoded]]) -> None:
    hub = _hub()
    try:
        while True:
            with s.new_frame:
                while s.to_decode is None and not s.stop.is_set():
                    s.new_frame.wait(0.5)
                if s.stop.is_set():
                    return
                frame, s.to_decode = s.to_decode, None
            assert frame is not None
            try:
                found = decode(frame)
            except Exception:  # one bad frame must not end the scanning
                log.exception("decoding a frame failed")
                found = []
            s.decoded += 1
            h, w = frame.shape[:2]
            hub.decoded.emit(s.id, found, w, h)
    finally:
        hub.ended.emit(s.id, "decode")


def _budget_decode(frame: np.ndarray) -> list[Decoded]:
    return decode_frame(frame, budget_ms=DECODE_BUDGET_MS)


def running_threads() -> int:
    """Camera and decode threads still running, of every session (tests wait for 0)."""
    return sum(1 for t in threading.enumerate() if t.name.startswith(_THREAD_PREFIXES))


_THREAD_PREFIXES = ("camera-", "decode-")
_active: list[CameraWorker] = []  # the camera sessions delivering frames now


def active_camera() -> CameraWorker | None:
    """The camera delivering frames now (for "photo from the webcam"), if any."""
    for worker in reversed(_active):
        if shiboken6.isValid(worker) and worker.is_open:
            return worker
    return None


class CameraWorker(QObject):
    """One camera session: start it, show ``take_frame()`` on ``frame_ready``, react to
    ``scanned``. ``stop()`` never blocks (see the module text)."""

    opened = Signal(int, int)  # the frame size the camera really delivers
    frame_ready = Signal()  # a new preview frame: take it with take_frame()
    codes_found = Signal(object, QSize)  # list[Decoded] of one decoded frame, and its size
    scanned = Signal(str)  # a code that came into view (reported once while it stays)
    failed = Signal(str)  # the reason the session ended (see the module text)
    stopped = Signal()  # the session is over (after stop() or failed)

    def __init__(self, backend: Any, index: int, size: tuple[int, int] = DEFAULT_RESOLUTION,
                 parent: QObject | None = None,
                 decode: Callable[[np.ndarray], list[Decoded]] = _budget_decode,
                 deduper: FrameDeduper | None = None, open_timeout_s: float = OPEN_TIMEOUT_S,
                 stall_s: float = STALL_S) -> None:
        super().__init__(parent)
        self.backend = backend
        self.index = index
        self.size = size
        self.decode = decode
        self.deduper = deduper or FrameDeduper()
        self.stall_s = stall_s
        self.frame_size = QSize()
        self.is_open = False
        self.running = False
        self._session: _Session | None = None
        self._ending: list[_Session] = []  # stopped sessions whose threads still run
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(int(open_timeout_s * 1000))
        self._open_timer.timeout.connect(lambda: self._fail("timeout"))
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(500)
        self._watchdog.timeout.connect(self._check_stall)
        hub = _hub()
        hub.opened.connect(self._opened)
        hub.frame.connect(self._frame)
        hub.decoded.connect(self._decoded)
        hub.failed.connect(self._failed)
        hub.ended.connect(self._ended)

    # -- control -----------------------------------------------------------------------------
    def start(self) -> None:
        if self.running:
            return
        session = _Session(next(_sessions))
        session.threads = 2
        self._session = session
        self.running = True
        self.deduper.reset()
        self._open_timer.start()
        threading.Thread(target=_capture_loop, args=(session, self.backend, self.index,
                                                     self.size),
                         name=f"camera-{self.index}", daemon=True).start()
        threading.Thread(target=_decode_loop, args=(session, self.decode),
                         name=f"decode-{self.index}", daemon=True).start()

    def stop(self) -> None:
        """End the session; returns at once (the threads end on their own)."""
        session = self._session
        if session is None:
            return
        self._session = None
        self._ending.append(session)
        self._end_session(session)
        self.stopped.emit()

    def _end_session(self, session: _Session) -> None:
        with session.new_frame:
            session.stop.set()
            session.new_frame.notify_all()
        self._open_timer.stop()
        self._watchdog.stop()
        self.running = self.is_open = False
        if self in _active:
            _active.remove(self)

    @property
    def threads_alive(self) -> int:
        """Threads of sessions of this worker still running (tests wait for 0)."""
        running = self._session.threads if self._session else 0
        return running + sum(s.threads for s in self._ending)

    # -- frames --------------------------------------------------------------------------------
    def take_frame(self) -> QImage | None:
        """The newest preview frame, once (None when there is no new one)."""
        session = self._session
        if session is None:
            return None
        with session.lock:
            image, session.image = session.image, None
        return image

    def snapshot(self) -> np.ndarray | None:
        """A copy of the newest frame (BGR), e.g. to keep as a photo."""
        session = self._session
        if session is None:
            return None
        with session.lock:
            frame = session.latest
        return None if frame is None else frame.copy()

    @property
    def frames(self) -> int:
        return self._session.frames if self._session else 0

    @property
    def frames_decoded(self) -> int:
        return self._session.decoded if self._session else 0

    # -- from the threads (queued onto the UI thread) ----------------------------------------------
    def _mine(self, session: int) -> bool:
        return self._session is not None and self._session.id == session

    def _opened(self, session: int, width: int, height: int) -> None:
        if not self._mine(session):
            return
        self._open_timer.stop()
        self.is_open = True
        self.frame_size = QSize(width, height)
        _active.append(self)
        self._watchdog.start()
        self.opened.emit(width, height)

    def _frame(self, session: int) -> None:
        if self._mine(session):
            self.frame_ready.emit()

    def _decoded(self, session: int, found: list[Decoded], width: int, height: int) -> None:
        if not self._mine(session):
            return
        self.codes_found.emit(found, QSize(width, height))
        for item in self.deduper.filter(found):
            self.scanned.emit(item.text)

    def _failed(self, session: int, reason: str) -> None:
        if self._mine(session):
            self._fail(reason)

    def _fail(self, reason: str) -> None:
        session = self._session
        if session is None:
            return
        self._session = None
        self._ending.append(session)
        self._end_session(session)
        self.failed.emit(reason)
        self.stopped.emit()

    def _ended(self, session: int, _thread: str) -> None:
        for s in [self._session, *self._ending]:
            if s is not None and s.id == session:
                s.threads -= 1
                if s.threads <= 0 and s in self._ending:
                    self._ending.remove(s)

    def _check_stall(self) -> None:
        session = self._session
        if session is not None and self.is_open and \
                time.monotonic() - session.last_frame_at > self.stall_s:
            self._fail("lost")

