"""`kiosk self-test`: proves a build (frozen or not) works on this machine, without devices or network.

Checks: the config loads; a CJK font is installed; the English translations load; the window renders a
first frame offscreen; an ID-card reply frame round-trips through the receiver and the card decoder; a
case receipt encodes to ESC/POS with Chinese mode and a native QR; the serial URL handlers are bundled.
Prints one line per check and exits 0 only when all pass.
"""
from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable

from kiosk.config import KioskConfig, load_config

Check = Callable[[], str]


def _config(path: str | None) -> Check:
    def check() -> str:
        config = load_config(path)
        return f"{config.source} (terminal {config.terminal.id})"
    return check


def _font(config: KioskConfig) -> str:
    from kiosk.screens.theme import choose_cjk_font

    return choose_cjk_font(config.display.font_family)


def _translations() -> str:
    from kiosk.i18n import install_language, qm_dir

    if not install_language("en"):
        raise RuntimeError(f"kiosk_en.qm missing in {qm_dir()}")
    install_language("zh_CN")
    return "English loads"


def _first_frame(config: KioskConfig) -> str:
    import tempfile
    from pathlib import Path

    from kiosk.app import PORTRAIT, build_window

    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kiosk-selftest-") as data:
        built = build_window(config, size=PORTRAIT, data_dir=Path(data))
        image = built.window.grab().toImage()
        built.ctx.admin_mode = True
        built.window._allow_close = True
        built.window.close()
    if image.isNull() or image.width() != PORTRAIT.width():
        raise RuntimeError("the window did not render")
    # A blank frame has one colour: require some variety (text and tiles drawn).
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 41)}
    if len(colours) < 4:
        raise RuntimeError("the first frame is blank")
    return f"{image.width()}x{image.height()} in {1000 * (time.perf_counter() - start):.0f} ms"


def _keyboard() -> str:
    from PySide6.QtWidgets import QWidget

    from kiosk.screens.keyboard import KeyboardDock, available

    if not available():
        return "skipped: QT_IM_MODULE is not qtvirtualkeyboard"
    host = QWidget()
    host.resize(1080, 1920)
    dock = KeyboardDock(host)
    if not dock.load():
        raise RuntimeError("the Qt Virtual Keyboard (Pinyin) did not load; see the log")
    host.deleteLater()
    return "Qt Virtual Keyboard with Pinyin loads"


def _idcard_round_trip() -> str:
    from kiosk.devices.idcard.card import decode_read_reply
    from kiosk.devices.idcard.codec import FrameReceiver, build_response
    from kiosk.devices.idcard.samples import load_cards, read_reply_data

    card = next(c for c in load_cards() if c.id == "resident-basic")
    frame_bytes = build_response(0x90, read_reply_data(card, with_fingerprint=False))
    receiver = FrameReceiver()
    frames = receiver.feed(b"\x00garbage" + frame_bytes[:500]) + receiver.feed(frame_bytes[500:])
    if len(frames) != 1:
        raise RuntimeError(f"expected one frame, got {len(frames)}")
    decoded = decode_read_reply(frames[0].data, today=dt.date(2026, 1, 1))
    if decoded.id_number != card.fields["id_number"]:
        raise RuntimeError("the decoded card does not match the sample")
    return f"{len(frame_bytes)}-byte reply decoded"


def _receipt_round_trip() -> str:
    from kiosk.devices.printer.encoder import encode_document
    from kiosk.devices.printer.receipts import case_receipt
    from kiosk.devices.printer.samples import sample_case
    from kiosk.devices.printer.settings import PrinterSettings

    settings = PrinterSettings()
    data = sample_case(settings)
    encoded = encode_document(case_receipt(data), settings.encode_options)
    if b"\x1c\x26" not in encoded.data or data.case_number.encode("gb18030") not in encoded.data:
        raise RuntimeError("the receipt lacks Chinese mode or its case number")
    if b"\x1d\x28\x6b" not in encoded.data or encoded.replaced:
        raise RuntimeError("the receipt lacks its QR code or has unprintable characters")
    return f"case receipt {len(encoded.data)} bytes, QR {encoded.qr_payloads[0]}"


def _serial_handlers() -> str:
    import serial

    with serial.serial_for_url("loop://", timeout=0.1) as port:
        port.write(b"\xaa\xaa\xaa\x96\x69")
        if port.read(5) != b"\xaa\xaa\xaa\x96\x69":
            raise RuntimeError("pyserial loop:// did not echo")
    return "pyserial URL handlers present"


def run(config_path: str | None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import qt_app

    qt_app()
    failures = 0
    try:
        config = load_config(config_path)
    except Exception as exc:  # noqa: BLE001 - reported as a failed check
        print(f"FAIL  config: {exc}")
        return 1
    checks: list[tuple[str, Check]] = [
        ("config", _config(config_path)),
        ("font", lambda: _font(config)),
        ("translations", _translations),
        ("first frame", lambda: _first_frame(config)),
        ("keyboard", _keyboard),
        ("id-card protocol", _idcard_round_trip),
        ("receipt", _receipt_round_trip),
        ("serial", _serial_handlers),
    ]
    for name, check in checks:
        try:
            print(f"OK    {name}: {check()}")
        except Exception as exc:  # noqa: BLE001 - every check runs; each failure is named
            failures += 1
            print(f"FAIL  {name}: {type(exc).__name__}: {exc}")
    print("self-test passed" if not failures else f"self-test FAILED ({failures} check(s))")
    return 1 if failures else 0
