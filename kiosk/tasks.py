"""Run blocking work off the GUI thread and get the result back on it (STYLE.md #4).

`run_in_background(work, on_success, on_failure)` is the one way screens start serial, HTTP or SQLite work.
In debug and test runs (KIOSK_STRICT_THREADS=1) an audit hook makes socket connects, SQLite connects and
opening serial devices on the GUI thread raise `BlockingOnGuiThread`, so a violation fails loudly.
"""
from __future__ import annotations

import itertools
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

T = TypeVar("T")
log = logging.getLogger(__name__)

_GUARDED_EVENTS = {"socket.connect", "sqlite3.connect"}
_SERIAL_PREFIXES = ("/dev/tty", "/dev/pts/", "/dev/cu.", "COM", "\\\\.\\COM")
_gui_thread_id: int | None = None
_allowed = threading.local()


class BlockingOnGuiThread(RuntimeError):
    """Blocking I/O was started on the GUI thread."""


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _gui_thread_id is None or threading.get_ident() != _gui_thread_id or getattr(_allowed, "depth", 0) > 0:
        return
    if event in _GUARDED_EVENTS:
        raise BlockingOnGuiThread(f"{event} on the GUI thread: use kiosk.tasks.run_in_background")
    if event == "open" and args and isinstance(args[0], str) and args[0].startswith(_SERIAL_PREFIXES):
        raise BlockingOnGuiThread(f"serial device opened on the GUI thread: {args[0]}")


def install_gui_thread_guard(force: bool = False) -> bool:
    """Mark the calling thread as the GUI thread; in strict runs, enforce the rule. Returns whether enforced."""
    global _gui_thread_id
    if not (force or os.environ.get("KIOSK_STRICT_THREADS") == "1"):
        return False
    if _gui_thread_id is None:
        sys.addaudithook(_audit)  # audit hooks cannot be removed; the thread id switches them on and off
    _gui_thread_id = threading.get_ident()
    return True


def release_gui_thread_guard() -> None:
    global _gui_thread_id
    _gui_thread_id = None


@contextmanager
def allow_blocking() -> Iterator[None]:
    """For the rare, short, deliberate exception (e.g. opening the read-only catalogue at start-up)."""
    _allowed.depth = getattr(_allowed, "depth", 0) + 1
    try:
        yield
    finally:
        _allowed.depth -= 1


class _Relay(QObject):
    """The one object pool threads emit on. It lives as long as the application and is never deleted while a
    pool thread may be emitting on it: a relay per task, deleted on the GUI thread as soon as its answer
    arrived, could be deleted while the pool thread was still inside emit() (a segfault in a Qt pool thread,
    seen twice in soak runs)."""

    finished = Signal(int, bool, object)   # (task id, succeeded, result or exception)


# task id -> (on_success, on_failure); an entry leaves when its answer is delivered on the GUI thread
_pending: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None] | None]] = {}
_task_ids = itertools.count(1)
_relay: _Relay | None = None


def _the_relay() -> _Relay:
    """Created on the GUI thread at the first task; parented to the application (deleted with it, on the GUI
    thread, never by Python's cycle collector on a worker thread); made again if a new application replaced it."""
    global _relay
    if _relay is None or not shiboken6.isValid(_relay):
        _relay = _Relay(QCoreApplication.instance())
        _relay.finished.connect(_deliver)
    return _relay


def call_later(delay_ms: int, fn: Callable[[], object], context: QObject | None = None) -> None:
    """FN on the GUI thread after DELAY_MS; dropped if CONTEXT is deleted first. Always through a context
    object: PySide6 6.11 leaks ~55 bytes per QTimer.singleShot(ms, callable) without one (measured: 0.9 blocks
    per call; with a context 0.01), and a kiosk schedules several per citizen, for months."""
    QTimer.singleShot(delay_ms, context if context is not None else _the_relay(), fn)


def _deliver(task_id: int, succeeded: bool, value: Any) -> None:
    callbacks = _pending.pop(task_id, None)
    if callbacks is None:
        return
    on_success, on_failure = callbacks
    if succeeded:
        on_success(value)
    elif on_failure is not None:
        on_failure(value)
    else:
        log.error("background task failed: %s", type(value).__name__)


def _job(work: Callable[[], Any], relay: _Relay, task_id: int) -> Callable[[], None]:
    """What the pool thread runs.

    A plain callable, not a QRunnable subclass: PySide6 (6.11) takes its reference to a Python QRunnable after
    QThreadPool.start() has handed it to the pool, so a short job that a pool thread has already run and
    auto-deleted by then keeps that reference forever; with it the wrapper and WORK's closure (the screen
    context, the answer). In a burst of quick jobs about one in seven leaked (bench/soak.py: +11-17 Python
    objects per citizen session; tests/shell/test_long_running.py)."""
    def run() -> None:
        try:
            result = work()
        except BaseException as exc:  # noqa: BLE001 - delivered to the caller, never swallowed
            relay.finished.emit(task_id, False, exc)
        else:
            relay.finished.emit(task_id, True, result)
    return run


def run_in_background(
    work: Callable[[], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    pool: QThreadPool | None = None,
) -> None:
    """Run `work` on a pool thread; call `on_success(result)` or `on_failure(exc)` on the GUI thread.

    Call it on the GUI thread: the relay lives there, so the pool thread's signal is queued to it.
    """
    relay = _the_relay()
    task_id = next(_task_ids)
    _pending[task_id] = (on_success, on_failure)
    (pool or QThreadPool.globalInstance()).start(_job(work, relay, task_id))
