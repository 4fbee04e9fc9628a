"""Run blocking work off the GUI thread and get the result back on it (STYLE.md #4).

`run_in_background(work, on_success, on_failure)` is the one way screens start serial, HTTP or SQLite work.
In debug and test runs (KIOSK_STRICT_THREADS=1) an audit hook makes socket connects, SQLite connects and
opening serial devices on the GUI thread raise `BlockingOnGuiThread`, so a violation fails loudly.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

T = TypeVar("T")
log = logging.getLogger(__name__)

_GUARDED_EVENTS = {"socket.connect", "sqlite3.connect"}
_SERIAL_PREFIXES = ("/dev/tty", "/dev/pts/", "/dev/cu.", "COM", "\\\\.\\COM")
_gui_thread_id: int | None = None
_allowed = threading.local()


class BlockingOnGuiThread(RuntimeError):
    """Blocking I/O was started on the GUI thread."""


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _gui_thread_id is None or threading.get_ident() != _gui_thread_id or getattr(_allowed, "depth", 0):
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


class _Relay(QObject, Generic[T]):
    succeeded = Signal(object)
    failed = Signal(object)


def _job(work: Callable[[], Any], relay: _Relay[Any]) -> Callable[[], None]:
    """What the pool thread runs.

    A plain callable, not a QRunnable subclass: PySide6 (6.11) takes its reference to a Python QRunnable after
    QThreadPool.start() has handed it to the pool, so a short job that a pool thread has already run and
    auto-deleted by then keeps that reference forever; with it the wrapper, the relay and WORK's closure (the
    screen context, the answer). In a burst of quick jobs about one in seven leaked (bench/soak.py: +11-17
    Python objects per citizen session; tests/shell/test_long_running.py)."""
    def run() -> None:
        try:
            result = work()
        except BaseException as exc:  # noqa: BLE001 - delivered to the caller, never swallowed
            relay.failed.emit(exc)
        else:
            relay.succeeded.emit(result)
    return run


_live_relays: set[_Relay[Any]] = set()


def run_in_background(
    work: Callable[[], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    pool: QThreadPool | None = None,
) -> None:
    """Run `work` on a pool thread; call `on_success(result)` or `on_failure(exc)` on the GUI thread.

    The relay QObject lives on the calling (GUI) thread, so its queued signals land there.
    """
    # Parented to the application: the relay is then deleted only by deleteLater() on the GUI thread. A
    # parentless one could be freed by Python's cycle collector running on a worker thread (the lambdas
    # below reference it), deleting a GUI-thread QObject from there: Qt warnings, then a crash.
    relay: _Relay[Any] = _Relay(QCoreApplication.instance())
    _live_relays.add(relay)

    def done(callback: Callable[[Any], None] | None, value: Any) -> None:
        _live_relays.discard(relay)
        relay.deleteLater()
        if callback is not None:
            callback(value)
        elif isinstance(value, BaseException):
            log.error("background task failed: %s", type(value).__name__)

    relay.succeeded.connect(lambda result: done(on_success, result))
    relay.failed.connect(lambda exc: done(on_failure, exc))
    (pool or QThreadPool.globalInstance()).start(_job(work, relay))
