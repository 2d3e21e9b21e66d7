"""Background work: run a function off the UI thread, report progress, allow cancel.

Usage (modelled on the operations pattern: one small function per user action)::

    Op(self, lambda progress: ws.people.import_records(...), lane="db")
        .success(self.on_done).failure(self.on_error).with_progress(self.tr("Importing…")).run()

Database work goes through one lane ("db", a single worker thread) so writes never interleave;
file work that does not touch the database may use the parallel "io" lane.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

_lanes: dict[str, ThreadPoolExecutor] = {}
_pending: set[Future] = set()
_pending_lock = threading.Lock()


def lane(name: str) -> ThreadPoolExecutor:
    """Plain Python worker threads: no Qt object is created, owned or destroyed on them; they
    only emit the dispatcher's signals, which Qt delivers on the UI thread."""
    if name not in _lanes:
        _lanes[name] = ThreadPoolExecutor(max_workers=1 if name == "db" else 2,
                                          thread_name_prefix=f"safedesk-{name}")
    return _lanes[name]


def wait_all(msecs: int = 30000) -> None:
    """Used at shutdown and in tests: let queued work finish."""
    with _pending_lock:
        pending = list(_pending)
    futures_wait(pending, timeout=msecs / 1000)


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class Progress:
    """Handed to the task function: report progress, check for cancel (thread-safe)."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def set(self, done: int, total: int = 0, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Dispatcher(QObject):
    """The one QObject that worker threads signal through, created on the UI thread and never
    deleted. A per-operation QObject would be released by whichever thread drops the last
    reference — sometimes the pool thread, while the UI thread still delivers its queued
    signals — which crashed the process now and then (seen under gdb)."""

    progressed = Signal(int, int, int, str)
    succeeded = Signal(int, object)
    failed = Signal(int, object, str)
    finished = Signal(int)


_dispatcher: _Dispatcher | None = None
_ops: dict[int, Op] = {}  # running operations by id, alive until they report back
_next_id = 0


def _get_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
        queued = Qt.ConnectionType.QueuedConnection
        _dispatcher.progressed.connect(
            lambda i, done, total, text: _call(i, "_progressed", done, total, text), queued)
        _dispatcher.succeeded.connect(lambda i, result: _call(i, "_succeeded", result), queued)
        _dispatcher.failed.connect(lambda i, exc, tb: _call(i, "_failed", exc, tb), queued)
        _dispatcher.finished.connect(lambda i: _call(i, "_finished"), queued)
    return _dispatcher


def _forget(future: Future) -> None:
    with _pending_lock:
        _pending.discard(future)


def _call(op_id: int, method: str, *args: Any) -> None:
    op = _ops.get(op_id)
    if op is not None:
        getattr(op, method)(*args)


def _run(op_id: int) -> None:
    """Runs on a worker thread and reports through the dispatcher. It takes the work from the
    Op by id and drops every reference to it before saying "finished", so the Op — released
    on the UI thread — always holds the last one (the work's closure may hold widgets, which
    must never be destroyed on a worker thread)."""
    signals = _get_dispatcher()  # created on the UI thread before any work starts
    op = _ops.get(op_id)
    if op is None:
        return
    fn, progress = op._fn, op.progress
    del op
    try:
        try:
            result = fn(progress)
        except BaseException as exc:  # reported to the UI thread, never lost in a worker
            signals.failed.emit(op_id, exc, traceback.format_exc())
        else:
            signals.succeeded.emit(op_id, result)
            del result
    finally:
        del fn
        signals.finished.emit(op_id)


class Op(QObject):
    """One background operation; callbacks run on the UI thread."""

    def __init__(self, parent: QWidget | None, fn: Callable[[Progress], Any], lane: str = "db") -> None:
        super().__init__(None)
        global _next_id
        _next_id += 1
        self.op_id = _next_id
        self._parent = parent
        self._fn = fn
        self._lane = lane
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_cancel: Callable[[], None] | None = None
        self._progress_label: str | None = None
        self._cancellable = True
        self._dialog: QProgressDialog | None = None
        op_id = self.op_id
        self.progress = Progress(
            lambda done, total, text: _get_dispatcher().progressed.emit(op_id, done, total, text))

    def success(self, cb: Callable[[Any], None]) -> Op:
        self._on_success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> Op:
        self._on_failure = cb
        return self

    def cancelled(self, cb: Callable[[], None]) -> Op:
        self._on_cancel = cb
        return self

    def with_progress(self, label: str, cancellable: bool = True) -> Op:
        """Show a modal progress dialog while the task runs.

        ``cancellable=False`` hides the Cancel button: for one-transaction work that checks no
        cancel point, a button that does nothing would mislead.
        """
        self._progress_label = label
        self._cancellable = cancellable
        return self

    def run(self) -> Op:
        if self._progress_label is not None:
            dlg = QProgressDialog(self._progress_label, self.tr("Cancel"), 0, 0, self._parent)
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.setMinimumDuration(400)  # quick work finishes without a flashing dialog
            if self._cancellable:
                dlg.canceled.connect(self.progress.cancel)
            else:
                dlg.setCancelButton(None)
            self._dialog = dlg
        _get_dispatcher()  # created here, on the UI thread, before any worker signals through it
        _ops[self.op_id] = self
        future = lane(self._lane).submit(_run, self.op_id)
        with _pending_lock:
            _pending.add(future)
        future.add_done_callback(_forget)
        return self

    def _progressed(self, done: int, total: int, text: str) -> None:
        dlg = self._dialog
        if dlg is None:
            return
        if text:
            dlg.setLabelText(text)
        dlg.setMaximum(total)
        # Last: on a modal dialog setValue() processes events, which may run the finish
        # callbacks and close the dialog under us.
        dlg.setValue(done)

    def _succeeded(self, result: Any) -> None:
        self._close_dialog()
        if self._on_success:
            self._on_success(result)

    def _failed(self, exc: BaseException, tb: str) -> None:
        self._close_dialog()
        if isinstance(exc, Cancelled):
            if self._on_cancel:
                self._on_cancel()
            return
        if self._on_failure:
            self._on_failure(exc)
        else:
            from desktop.errors import show_error

            show_error(self._parent, exc, tb)

    def _finished(self) -> None:
        self._close_dialog()
        _ops.pop(self.op_id, None)

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
