"""One process of the start-up benchmark: start a window, report when its first frame is painted, let it
settle, report memory, exit. Run by bench/startup_memory.py, not by hand.

    python bench/first_frame.py bare|kiosk SETTLE_S [CONFIG]

Prints `frame <seconds since the interpreter started>` at the first paint and then
`memory rss_kb=<n> pss_kb=<n>` after SETTLE_S seconds.
"""
from __future__ import annotations

import os
import sys
import time

STARTED = time.perf_counter()  # as early as this script can take it; the harness also times the process
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def memory_kb() -> tuple[int, int]:
    values = {}
    with open("/proc/self/smaps_rollup", encoding="ascii") as handle:
        for line in handle:
            key, _, rest = line.partition(":")
            if key in ("Rss", "Pss"):
                values[key] = int(rest.split()[0])
    return values["Rss"], values["Pss"]


def watch_first_frame(window, settle_s: float) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched, event):
            if not self.done and event.type() == QEvent.Type.Paint and watched is window:
                self.done = True
                print(f"frame {time.perf_counter() - STARTED:.4f}", flush=True)
                QTimer.singleShot(int(settle_s * 1000), report)
            return False

    def report() -> None:
        rss, pss = memory_kb()
        print(f"memory rss_kb={rss} pss_kb={pss}", flush=True)
        QApplication.instance().exit(0)
        os._exit(0)  # the kiosk's services (embedded central child) are not part of this measurement

    window._bench_filter = FirstPaint()
    window.installEventFilter(window._bench_filter)


def bare(settle_s: float) -> None:
    """The floor: a full-screen QMainWindow with a few buttons and Chinese text, in the same font."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.addWidget(QLabel("您好，请选择要办理的事项"))
    for text in ("办事指南", "我要办", "办件查询", "预约取号", "帮代办", "中介超市", "好差评"):
        layout.addWidget(QPushButton(text))
    window.setCentralWidget(body)
    window.setStyleSheet('* { font-family: "Noto Sans CJK SC"; font-size: 30px; }')
    window.resize(1080, 1920)
    watch_first_frame(window, settle_s)
    window.show()
    app.exec()


def kiosk(settle_s: float, config: str) -> None:
    import kiosk.app as app_module

    original = app_module.show_kiosk

    def show_and_watch(window, config_obj, *, windowed):
        watch_first_frame(window, settle_s)
        original(window, config_obj, windowed=windowed)

    app_module.show_kiosk = show_and_watch
    from kiosk.cli import main  # the kiosk's own command line: `kiosk --config CONFIG run`

    main(["--config", config, "run", "--windowed"])


if __name__ == "__main__":
    kind, settle = sys.argv[1], float(sys.argv[2])
    bare(settle) if kind == "bare" else kiosk(settle, sys.argv[3])
