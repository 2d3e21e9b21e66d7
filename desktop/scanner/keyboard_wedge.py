"""USB handheld scanners that "type" the code: recognised anywhere in SafeDesk.

A keyboard-wedge scanner is a keyboard to the PC: it types the label's text and presses Enter,
one key every few milliseconds. People type one key every 100–300 ms, and even a fast typist
does not keep every gap short for eight keys in a row. So the filter (installed on the
QApplication, it sees every key before any widget) treats a key press as possibly scanned
and holds it back:

- a printable key (no Ctrl/Alt/Meta; Shift is how a scanner types capitals) starts or extends
  a *burst* when it comes within ``max_gap_ms`` of the previous one; the keys are held, not
  delivered;
- Enter (Return or the keypad's Enter) within ``max_gap_ms`` of a burst of at least
  ``min_length`` characters makes it a scan: ``scanned(text)`` is emitted and the held keys
  and the Enter are dropped, so the code never lands in whatever text box has the focus;
- anything else lets the held keys through, in their order, to the widgets they were meant
  for, before it is delivered itself: a gap longer than ``max_gap_ms`` (slow typing), another
  key (Backspace, Tab, an arrow, a shortcut), a burst too short when Enter comes, or no key
  at all for ``max_gap_ms`` (a timer). Typing is never lost; it is at most ``max_gap_ms``
  late, which nobody notices.

Key releases and Shift presses during a burst are held with its keys, in order: a scanner
presses Shift for capitals and ':', and a widget must never see a release before its press
(a push button pressed with Space would stay down). Auto-repeated keys (a key held down) are
never a scan: scanners do not hold keys.

Limits: a Chinese input method in Chinese mode catches the scanner's letters before Qt sees
them (they become pinyin); the scan dialog says to switch the input to English. A scanner set
to end with Tab instead of Enter is not recognised (its keys are let through as typing).
``clock`` (seconds, monotonic) can be replaced in tests to play keys with exact timing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

MAX_GAP_MS = 50
MIN_LENGTH = 8
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_SHIFT_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock)
# Shift types capitals and symbols; the keypad flag comes with digits typed on a number pad.
_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


@dataclass
class _Held:
    receiver: QWidget
    event: QKeyEvent  # a copy: Qt reuses the original once the filter returns


def _copy(event: QKeyEvent) -> QKeyEvent:
    return QKeyEvent(event.type(), event.key(), event.modifiers(), event.nativeScanCode(),
                     event.nativeVirtualKey(), event.nativeModifiers(), event.text(),
                     event.isAutoRepeat(), event.count())


def is_typing_key(event: QKeyEvent) -> bool:
    """A key that types one printable character and could come from a scanner."""
    text = event.text()
    if len(text) != 1 or not text.isprintable() or event.isAutoRepeat():
        return False
    return not (event.modifiers() & ~_TYPING_MODIFIERS)


class KeyboardWedge(QObject):
    """``install()`` puts it on the QApplication, ``uninstall()`` takes it off (letting held
    keys through first); see the module text."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, max_gap_ms: int = MAX_GAP_MS,
                 min_length: int = MIN_LENGTH,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self.clock = clock
        self.enabled = True
        self._held: list[_Held] = []
        self._text: list[str] = []
        self._last_press = 0.0
        self._replaying = False
        self._drop_enter_release = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    # -- installing ------------------------------------------------------------------------
    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        self.flush()  # keys held at that moment still reach their widgets
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @property
    def holding(self) -> str:
        """The characters held back right now (tests, diagnostics)."""
        return "".join(self._text)

    # -- the filter --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        # Keys reach the window first, then the focus widget: act once, at the widget.
        if self._replaying or not self.enabled or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.KeyRelease:
            return self._release(watched, event)
        now = self.clock()
        fast = bool(self._text) and (now - self._last_press) * 1000 <= self.max_gap_ms
        if event.key() in _ENTER and not event.isAutoRepeat():
            if fast and len(self._text) >= self.min_length:
                text = "".join(self._text)
                self._forget()
                self._drop_enter_release = True
                event.accept()
                self.scanned.emit(text)
                return True
            self.flush()
            return False
        if event.key() in _SHIFT_KEYS and self._held:
            # A scanner presses Shift for capitals and ':' inside the burst: hold it with them.
            self._held.append(_Held(watched, _copy(event)))
            event.accept()
            return True
        if not is_typing_key(event):
            self.flush()
            return False
        if self._text and not fast:
            self.flush()  # slow typing: the keys so far go where they were typed
        self._held.append(_Held(watched, _copy(event)))
        self._text.append(event.text())
        self._last_press = now
        self._timer.start(self.max_gap_ms)
        event.accept()
        return True

    def _release(self, watched: QWidget, event: QKeyEvent) -> bool:
        if event.key() in _ENTER and self._drop_enter_release and not self._held:
            self._drop_enter_release = False
            event.accept()
            return True
        if not self._held:
            return False
        self._held.append(_Held(watched, _copy(event)))  # after its press, in order
        event.accept()
        return True

    # -- letting keys through ----------------------------------------------------------------
    def flush(self) -> None:
        """Deliver the held keys to the widgets they were typed into, in order."""
        held = self._held
        self._forget()
        if not held:
            return
        self._replaying = True
        try:
            for item in held:
                if shiboken6.isValid(item.receiver):
                    QApplication.sendEvent(item.receiver, item.event)
        finally:
            self._replaying = False

    def _forget(self) -> None:
        self._timer.stop()
        self._held = []
        self._text = []
