"""Screen transition, tap to painted, on the REAL window (real Services, reference central service, simulated
devices; offscreen): p50/p99 over many taps.

    .venv/bin/python bench/transitions.py [--rounds 30]

A round taps every home tile (the screen is built: home ends the session and drops the cached screens, as for
a citizen) and then the bottom bar's 首页 back to home. A transition is timed from just before the QTest
click until the event loop has finished delivering the target screen's first paint event (the paint itself
is done, not only posted). Target: p99 under 50 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from journeys_memory import load_keyboard, world


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


class PaintWatch:
    """Tells when the current screen (or a widget inside it) of WINDOW got a paint event."""

    def __init__(self, window: Any) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication, QWidget

        watch = self

        class Filter(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:
                if (watch.target is not None and watch.painted_at is None and event.type() == QEvent.Type.Paint
                        and isinstance(watched, QWidget)):
                    screen = window.current_screen
                    if screen is not None and getattr(screen, "name", None) == watch.target and (
                            watched is screen or screen.isAncestorOf(watched)):
                        watch.painted_at = time.perf_counter()
                return False

        self.target: str | None = None
        self.painted_at: float | None = None
        self._filter = Filter()
        QApplication.instance().installEventFilter(self._filter)

    def tap_and_time(self, widget: Any, target: str, timeout_s: float = 10.0) -> float:
        """Milliseconds from the tap on WIDGET until TARGET's first paint has been delivered."""
        from PySide6.QtCore import QEventLoop, Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        self.target, self.painted_at = target, None
        started = time.perf_counter()
        if QApplication.widgetAt(widget.mapToGlobal(widget.rect().center())) is None:
            widget.click()  # beyond the 800x800 offscreen screen: the same clicked signal (tests/journeys/test_help.py)
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        while self.painted_at is None:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if time.perf_counter() - started > timeout_s:
                raise TimeoutError(f"{target} was not painted within {timeout_s} s")
        done = time.perf_counter()
        self.target = None
        return (done - started) * 1000


def settle(ms: int = 150) -> None:
    from PySide6.QtTest import QTest

    QTest.qWait(ms)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.journeys import JOURNEYS

    times: dict[str, list[float]] = {}
    builds: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="kiosk-transitions-") as tmp, world(Path(tmp)) as kiosk:
        load_keyboard(kiosk)
        watch = PaintWatch(kiosk.window)
        window = kiosk.window
        original_screen = window.screen_named

        def timed_screen(name: str) -> Any:
            """The window's screen_named(), timing the builds (screens are built on first use in a session)."""
            if name in window._screens:
                return original_screen(name)
            started = time.perf_counter()
            built = original_screen(name)
            builds.setdefault(name, []).append((time.perf_counter() - started) * 1000)
            return built

        window.screen_named = timed_screen
        settle(500)
        for _ in range(args.rounds):
            for journey in JOURNEYS:
                home = kiosk.window.current_screen
                target = kiosk.ctx.router.current.screen
                ms = watch.tap_and_time(home.tiles[journey.key], journey.key if journey.built else "coming_soon")
                times.setdefault(f"home -> {journey.key}", []).append(ms)
                settle()
                target = kiosk.ctx.router.current.screen
                ms = watch.tap_and_time(kiosk.window.bottom.home, "home")
                times.setdefault(f"{target} -> home", []).append(ms)
                settle()
    every = [t for values in times.values() for t in values]
    print(f"screen transitions, tap to painted, real window offscreen: {len(every)} taps ({args.rounds} rounds)")
    for name, values in times.items():
        target = name.split(" -> ")[1]
        build = builds.get(target if target != "home" else "home", [])
        share = f"  building the screen: median {statistics.median(build):5.1f} ms" if build else ""
        print(f"  {name:32} p50 {percentile(values, 50):6.1f} ms  p99 {percentile(values, 99):6.1f} ms  "
              f"max {max(values):6.1f} ms{share}")
    p50, p99 = percentile(every, 50), percentile(every, 99)
    print(f"  all                              p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  (target p99 < 50 ms)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"p50_ms": p50, "p99_ms": p99, "median_ms": statistics.median(every),
                                         "taps": len(every), "by_transition": times,
                                         "screen_builds_ms": builds}, indent=1), encoding="utf-8")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
