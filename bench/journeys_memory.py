"""Peak memory after each journey once, the Pinyin keyboard loaded: the kiosk against a bare window with the
embedded Pinyin keyboard alone, and against the same screens as a web page in Chromium (bench/chromium_peer/).

    .venv/bin/python bench/journeys_memory.py [--runs 3] [--no-chromium]

Each run is a fresh process per kind (kiosk / bare+keyboard), alternating. The kiosk run drives the REAL
window and Services (tests/helpers/kiosk_app.py) against the reference central service on loopback, the
simulated reader over a pty and the simulated printer, by taps like a citizen, reusing the journey tests'
own helpers (tests/journeys/test_*.py), and reads /proc/self/smaps_rollup after each journey; the peak is
VmHWM (RSS) and the highest PSS sampled. This module also holds the driver used by bench/soak.py.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
for extra in (str(ROOT), str(ROOT / "tests")):
    if extra not in sys.path:
        sys.path.insert(0, extra)


# ---- memory ---------------------------------------------------------------------------------------------

def smaps(pid: int | str = "self") -> dict[str, int]:
    """Rss and Pss in kB of one process (smaps_rollup), plus VmHWM (peak RSS) from status."""
    values: dict[str, int] = {}
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
        for line in handle:
            key, _, rest = line.partition(":")
            if key in ("Rss", "Pss"):
                values[key] = int(rest.split()[0])
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                values["VmHWM"] = int(line.split()[1])
    return values


# ---- a qtbot without pytest -----------------------------------------------------------------------------

class Bot:
    """What tests/helpers/kiosk_app.py and the journey helpers need of pytest-qt's qtbot."""

    def addWidget(self, widget: Any) -> None:
        self._widget = widget

    def waitUntil(self, condition: Callable[[], Any], timeout: int = 5_000) -> None:
        from PySide6.QtTest import QTest

        deadline = time.monotonic() + timeout / 1000
        while True:
            try:
                result = condition()
            except AssertionError:
                result = False
            if result is None or result:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"condition not met within {timeout} ms")
            QTest.qWait(5)

    def keyClicks(self, widget: Any, text: str) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClicks(widget, text)


@contextmanager
def world(workdir: Path, **sections: Any) -> Iterator[Any]:
    """The real kiosk (window + Services) against a reference central service on loopback; yields the Kiosk.
    SECTIONS override config sections as in tests/helpers/kiosk_app.kiosk_config (voice is off: no sound card)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import qt_app

    qt_app()
    from helpers.central_server import CentralServer
    from helpers.kiosk_app import running_kiosk

    with ExitStack() as stack:
        server = stack.enter_context(CentralServer(workdir / "central"))
        sections.setdefault("voice", {"enabled": False})
        kiosk = stack.enter_context(running_kiosk(Bot(), server.url, workdir, **sections))
        kiosk.server = server
        yield kiosk


# ---- journeys, by taps (helpers from the journey tests) -------------------------------------------------

def home(kiosk: Any) -> None:
    """The citizen leaves: the session ends (wipe, screens dropped)."""
    kiosk.window.end_session()
    kiosk.wait_screen("home")


def journey_guide(kiosk: Any, print_it: bool = True) -> None:
    """办事指南: search by hanzi as typed on the keyboard, open the guide, print it."""
    from journeys.test_guide import code_of, open_browse, open_detail_by_search

    name = "老年人优待证办理"
    screen = open_browse(kiosk)
    detail = open_detail_by_search(kiosk, screen, name, code_of(kiosk, name))
    kiosk.qtbot.waitUntil(lambda: detail.print_button.isEnabled() and detail.print_button.isVisible(),
                          timeout=15_000)
    if print_it:
        before = len(kiosk.printed())
        _press(kiosk, detail.print_button)
        kiosk.qtbot.waitUntil(lambda: len(kiosk.printed()) > before, timeout=15_000)
    home(kiosk)


def journey_apply(kiosk: Any) -> str:
    """我要办: search, identify with the card, form, materials, delivery, confirm, submitted, receipt printed."""
    from journeys.test_apply import (
        fill_form,
        start_and_identify,
        tap,
        through_to_confirm,
    )

    before = len(kiosk.printed())
    start_and_identify(kiosk, kiosk.qtbot)
    # the citizen takes the card back ("请取走您的证件"): the next session's reader finds the slot empty at once
    kiosk.reader.remove_simulated_card()
    fill_form(kiosk, kiosk.qtbot)
    through_to_confirm(kiosk, kiosk.qtbot)
    tap(kiosk, kiosk.window.current_screen.next)
    kiosk.wait_screen("apply_done")
    done = kiosk.window.current_screen
    kiosk.qtbot.waitUntil(lambda: done.headline.text() in ("已提交", "已保存，联网后自动上传"), timeout=20_000)
    number = done.number.text()
    kiosk.qtbot.waitUntil(lambda: len(kiosk.printed()) > before and "请取走" in done.receipt.status.text(),
                          timeout=15_000)
    tap(kiosk, done.next)
    kiosk.wait_screen("home")
    return number


def tap_button(kiosk: Any, widget: Any) -> None:
    """tests/journeys/test_cases.tap (scroll into view, tap; click() once when offscreen QTest's press was not
    delivered) without its leak: that one connects a lambda to the button's `pressed` on every tap and never
    disconnects it. Since home is kept across sessions (window.py, keeps_across_sessions), every lookup's tap
    on the home tile left a lambda, its closure and list on that tile: ~4 Python objects per lookup session."""
    from PySide6.QtWidgets import QPushButton, QScrollArea

    scroll = widget.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    if scroll is not None:
        scroll.ensureWidgetVisible(widget, 0, 40)
    if not isinstance(widget, QPushButton):
        kiosk.tap(widget)
        return
    pressed: list[bool] = []

    def on_pressed() -> None:
        pressed.append(True)

    widget.pressed.connect(on_pressed)
    try:
        kiosk.tap(widget)
    finally:
        try:
            widget.pressed.disconnect(on_pressed)
        except (RuntimeError, TypeError):  # the tap deleted the button (or its connection) already
            pass
    if not pressed and widget.isEnabled():
        widget.click()


def journey_case_lookup(kiosk: Any) -> None:
    """办件查询 by card: identify, the list, the first case's detail, print the progress slip."""
    tap_button(kiosk, kiosk.window.current_screen.tiles["case_lookup"])
    kiosk.wait_screen("case_lookup")
    lookup = kiosk.window.current_screen
    tap_button(kiosk, lookup.by_card)
    identify_by_card(kiosk, "case_list")
    listing = kiosk.window.current_screen
    kiosk.qtbot.waitUntil(lambda: bool(listing.buttons) or "没有" in kiosk.texts(), timeout=15_000)
    if listing.buttons:
        tap_button(kiosk, next(iter(listing.buttons.values())))
        kiosk.wait_screen("case_detail")
        detail = kiosk.window.current_screen
        before = len(kiosk.printed())
        _press(kiosk, detail.print_slip)
        kiosk.qtbot.waitUntil(lambda: len(kiosk.printed()) > before, timeout=15_000)
    home(kiosk)


def identify_by_card(kiosk: Any, next_screen: str, card: str = "resident-basic") -> None:
    """Consent, then the card as a citizen's hand places it (kiosk.place_card: lifted, the reader polls the empty
    slot, then placed, so it is read at once), on to NEXT_SCREEN; then the citizen takes the card back.

    tests/journeys/test_cases.identify places the card before the reader has seen the slot empty, gets "card
    left, place it again" and lifts and places it again after 1.5 s pauses: ~3 s of waiting per lookup. A card
    left lying from the session before can likewise be seen by the reader's first poll before place_card lifts
    it, hence the card is always taken back at the end of a journey here."""
    kiosk.wait_screen("identify")
    kiosk.qtbot.waitUntil(lambda: kiosk.reader.online, timeout=10_000)
    tap_button(kiosk, kiosk.window.current_screen.consent)
    kiosk.place_card(card)
    try:
        kiosk.wait_screen(next_screen, timeout_ms=20_000)
    except TimeoutError:
        reader = kiosk.reader.reader
        raise TimeoutError(f"not on {next_screen} but {kiosk.screen} (reader armed {reader.armed}, polls "
                           f"{reader.stats.polls}, reads {reader.stats.reads})") from None
    kiosk.reader.remove_simulated_card()


def journey_evaluation(kiosk: Any) -> None:
    """好差评 of this visit: level, service by initials, tag, comment, submitted."""
    from journeys.test_help import press, type_into

    press(kiosk, kiosk.window.current_screen.tiles["evaluation"])
    kiosk.wait_screen("evaluation")
    screen = kiosk.window.current_screen
    press(kiosk, screen.levels["非常满意"])
    type_into(kiosk, screen.picker.search, "lnr")
    kiosk.qtbot.waitUntil(lambda: bool(screen.picker.item_buttons), timeout=5_000)
    press(kiosk, next(iter(screen.picker.item_buttons.values())))
    press(kiosk, screen.tag_buttons["服务效率高"])
    type_into(kiosk, screen.comment, "自助机很方便")
    press(kiosk, screen.submit)
    kiosk.wait_screen("evaluation_done")
    done = kiosk.window.current_screen
    kiosk.qtbot.waitUntil(lambda: done.status.text() in ("已提交", "已保存，联网后自动上传"), timeout=20_000)
    press(kiosk, done.finish)
    kiosk.wait_screen("home")


def journey_open(tile: str) -> Callable[[Any], None]:
    """Open a journey's first screen from its home tile and go home (journeys not driven end to end here)."""
    def run(kiosk: Any) -> None:
        _press(kiosk, kiosk.window.current_screen.tiles[tile])
        kiosk.qtbot.waitUntil(lambda: kiosk.screen != "home", timeout=10_000)
        home(kiosk)
    run.__name__ = f"open_{tile}"
    return run


def _press(kiosk: Any, widget: Any) -> None:
    from journeys.test_help import press

    press(kiosk, widget)


def load_keyboard(kiosk: Any) -> bool:
    return bool(kiosk.window.keyboard.load())


JOURNEYS: list[tuple[str, Callable[[Any], Any]]] = [
    ("guide (search, guide, print)", journey_guide),
    ("apply (identify, form, submit, receipt)", journey_apply),
    ("case lookup (identify, list, detail, slip)", journey_case_lookup),
    ("evaluation (rate this visit)", journey_evaluation),
    ("appointment (first screen)", journey_open("appointment")),
    ("help request (first screen)", journey_open("help_request")),
    ("intermediary (first screen)", journey_open("intermediary")),
]


# ---- one measured process --------------------------------------------------------------------------------

def harness_cost_kb() -> int:
    """RSS the test harness adds to the kiosk process (pytest, the journey test modules, their helpers), measured
    by importing it after the kiosk's own modules: subtracted from the kiosk figures ("kiosk alone")."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import importlib

    # the kiosk's own imports first, also those its services make when they start (requests, cryptography,
    # the devices, the catalogue): only what the harness adds beyond them is subtracted
    for module in ("kiosk.app", "kiosk.services", "kiosk.api.client", "kiosk.api.transport", "kiosk.api.outbox",
                   "kiosk.api.sync", "kiosk.api.catalogue_sync", "kiosk.api.qt_adapter", "kiosk.catalogue.store",
                   "kiosk.devices.idcard.reader", "kiosk.devices.idcard.qt_adapter", "kiosk.devices.idcard.simulator",
                   "kiosk.devices.printer.service", "kiosk.devices.printer.qt_adapter",
                   "kiosk.devices.printer.simulator", "kiosk.devices.printer.receipts"):
        importlib.import_module(module)
    before = smaps()["Rss"]
    import helpers.central_server
    import helpers.kiosk_app  # noqa: F401
    import journeys.test_apply
    import journeys.test_cases
    import journeys.test_guide
    import journeys.test_help  # noqa: F401
    import pytest  # noqa: F401

    return smaps()["Rss"] - before


def child_kiosk() -> None:
    harness = harness_cost_kb()
    with tempfile.TemporaryDirectory(prefix="kiosk-jmem-") as tmp, world(Path(tmp)) as kiosk:
        report: dict[str, Any] = {"home": smaps(), "harness_kb": harness}
        report["keyboard_loaded"] = load_keyboard(kiosk)
        from PySide6.QtTest import QTest

        QTest.qWait(1000)  # the panel renders
        report["home+keyboard"] = smaps()
        peak_pss = report["home+keyboard"]["Pss"]
        for name, journey in JOURNEYS:
            journey(kiosk)
            sample = smaps()
            peak_pss = max(peak_pss, sample["Pss"])
            report[name] = sample
        report["peak"] = {"VmHWM": smaps()["VmHWM"], "Pss": peak_pss}
        report["after_malloc_trim"] = malloc_trim()
        print("RESULT " + json.dumps(report), flush=True)
        os._exit(0)  # the services' threads and the central child are not part of this measurement


def malloc_trim() -> dict[str, int]:
    """glibc's malloc_trim(0): give freed heap pages back; the memory after it (what trimming would save)."""
    import ctypes

    gc_collect = __import__("gc").collect
    gc_collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    return smaps()


def child_contributions(im_module: bool) -> None:
    """What each part the kiosk loads costs on top of the bare window, one after the other, in one process:
    the Qt Virtual Keyboard input-context plugin (QT_IM_MODULE set or not), requests, cryptography's AES-GCM,
    python-escpos, then malloc_trim."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if im_module:
        os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
    else:
        os.environ.pop("QT_IM_MODULE", None)
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import (
        QApplication,
        QLabel,
        QLineEdit,
        QMainWindow,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.addWidget(QLabel("您好，请选择要办理的事项"))
    edit = QLineEdit()
    layout.addWidget(edit)
    window.setCentralWidget(body)
    window.setStyleSheet('* { font-family: "Noto Sans CJK SC"; font-size: 30px; }')
    window.resize(1080, 1920)
    window.show()
    edit.setFocus()
    QTest.qWait(500)
    steps: list[tuple[str, dict[str, int]]] = [("bare window" + (" + QT_IM_MODULE" if im_module else ""), smaps())]
    if not im_module:
        import kiosk.app
        import kiosk.services  # noqa: F401
        steps.append(("+ import kiosk.app, kiosk.services", smaps()))
        import requests  # noqa: F401
        steps.append(("+ import requests", smaps()))
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        AESGCM(AESGCM.generate_key(bit_length=256))
        steps.append(("+ cryptography AES-GCM", smaps()))
        import escpos.printer  # noqa: F401
        steps.append(("+ import escpos.printer", smaps()))
        steps.append(("malloc_trim(0)", malloc_trim()))
    print("RESULT " + json.dumps(steps), flush=True)
    app.quit()
    os._exit(0)


def contributions() -> None:
    base = run_child("contributions_noim")
    with_im = run_child("contributions_im")
    print("contributions to the kiosk's memory, fresh processes, offscreen (RSS / PSS; each step adds to the last)")
    name, first = with_im[0]
    print(f"  {name:38} RSS {mb(first['Rss'])}  PSS {mb(first['Pss'])}   "
          f"(the input-context plugin: {mb(first['Rss'] - base[0][1]['Rss'])} RSS)")
    previous = None
    for name, values in base:
        delta = "" if previous is None else f"   (+{mb(values['Rss'] - previous['Rss'])} RSS)"
        print(f"  {name:38} RSS {mb(values['Rss'])}  PSS {mb(values['Pss'])}{delta}")
        previous = values


def child_bare_keyboard() -> None:
    """The floor: the bare window of bench/first_frame.py (same font) + the kiosk's own KeyboardDock loaded."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.screens.keyboard import enable_virtual_keyboard

    enable_virtual_keyboard()
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import (
        QApplication,
        QLabel,
        QLineEdit,
        QMainWindow,
        QPushButton,
        QVBoxLayout,
        QWidget,
    )

    from kiosk.screens.keyboard import KeyboardDock

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.addWidget(QLabel("您好，请选择要办理的事项"))
    for text in ("办事指南", "我要办", "办件查询", "预约取号", "帮代办", "中介超市", "好差评"):
        layout.addWidget(QPushButton(text))
    edit = QLineEdit()
    layout.addWidget(edit)
    dock = KeyboardDock(body)
    layout.addWidget(dock)
    window.setCentralWidget(body)
    window.setStyleSheet('* { font-family: "Noto Sans CJK SC"; font-size: 30px; }')
    window.resize(1080, 1920)
    window.show()
    QTest.qWait(300)
    loaded = dock.load()
    edit.setFocus()
    QTest.qWait(1000)
    sample = smaps()
    print("RESULT " + json.dumps({"keyboard_loaded": loaded, "peak": {"VmHWM": sample["VmHWM"],
                                                                       "Pss": sample["Pss"]}}), flush=True)
    app.quit()
    os._exit(0)


def run_child(kind: str, timeout_s: float = 600) -> Any:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", kind], check=False,
                          cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout_s)
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"{kind} run did not report (exit {proc.returncode}): {proc.stderr[-3000:]}")


def mb(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


def spread(values: list[float]) -> str:
    return f"median {mb(statistics.median(values))} (min {mb(min(values))}, max {mb(max(values))})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-chromium", action="store_true")
    parser.add_argument("--json", type=Path, help="write the raw figures here")
    parser.add_argument("--contributions", action="store_true", help="also: what each loaded part costs")
    parser.add_argument("--child", choices=("kiosk", "bare_keyboard", "contributions_im", "contributions_noim"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child and args.child.startswith("contributions"):
        child_contributions(args.child == "contributions_im")
        return 0
    if args.child == "kiosk":
        child_kiosk()
        return 0
    if args.child == "bare_keyboard":
        child_bare_keyboard()
        return 0
    runs: dict[str, list[dict[str, Any]]] = {"bare_keyboard": [], "kiosk": []}
    chromium: list[dict[str, Any]] = []
    for _ in range(args.runs):
        for kind in ("bare_keyboard", "kiosk"):
            runs[kind].append(run_child(kind))
        if not args.no_chromium:
            sys.path.insert(0, str(HERE))
            from chromium_peer.measure import measure as chromium_measure

            chromium.append(chromium_measure())
    print(f"peak memory after every journey once, keyboard loaded; {args.runs} runs, alternating, offscreen")
    # the kiosk alone: minus what the driving harness (pytest, test helpers) adds to the process
    k_rss = [r["peak"]["VmHWM"] - r["harness_kb"] for r in runs["kiosk"]]
    k_pss = [r["peak"]["Pss"] - r["harness_kb"] for r in runs["kiosk"]]
    harness = [r["harness_kb"] for r in runs["kiosk"]]
    b_rss = [r["peak"]["VmHWM"] for r in runs["bare_keyboard"]]
    b_pss = [r["peak"]["Pss"] for r in runs["bare_keyboard"]]
    print(f"  bare window + Pinyin keyboard  peak RSS {spread(b_rss)}   PSS {spread(b_pss)}")
    print(f"  kiosk, all journeys            peak RSS {spread(k_rss)}   PSS {spread(k_pss)}")
    print(f"      (the driving harness's own {mb(statistics.median(harness))} RSS, pytest and the journey test "
          "helpers, subtracted)")
    last = runs["kiosk"][-1]
    for name, _ in JOURNEYS:
        print(f"      after {name:45} RSS {mb(last[name]['Rss'])}  PSS {mb(last[name]['Pss'])}")
    ratio_rss = statistics.median(k_rss) / statistics.median(b_rss)
    ratio_pss = statistics.median(k_pss) / statistics.median(b_pss)
    print(f"  ratio kiosk / bare+keyboard: RSS {ratio_rss:.2f}x, PSS {ratio_pss:.2f}x (target <= 1.15x)")
    result: dict[str, Any] = {"runs": runs, "ratio_rss": ratio_rss, "ratio_pss": ratio_pss}
    if chromium:
        c_pss = [c["pss_kb"] for c in chromium]
        print(f"  Chromium kiosk page (home + guide/form + JS keyboard), PSS over {chromium[-1]['processes']} "
              f"processes {spread(c_pss)}")
        ratio_c = statistics.median(k_pss) / statistics.median(c_pss)
        print(f"  ratio kiosk PSS / Chromium PSS: {ratio_c:.2f}x (target <= 0.6x)")
        result.update(chromium=chromium, ratio_chromium=ratio_c)
    after_trim = [r["after_malloc_trim"]["Rss"] for r in runs["kiosk"]]
    at_end = [r["intermediary (first screen)"]["Rss"] for r in runs["kiosk"]]
    print(f"  malloc_trim(0) after the journeys gives back {mb(statistics.median(at_end) - statistics.median(after_trim))}"
          f" RSS (at the end {mb(statistics.median(at_end))} -> {mb(statistics.median(after_trim))}, harness included)")
    if args.contributions:
        contributions()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
