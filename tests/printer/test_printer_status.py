"""Status parsing, URI parsing, and the service against the simulator over a real loopback socket."""
from __future__ import annotations

import socket
import threading

import pytest
from escpos_decode import decode

from kiosk.devices.printer.document import QR, Cut, Document, Table, Text
from kiosk.devices.printer.service import PrinterService
from kiosk.devices.printer.settings import PrinterSettings
from kiosk.devices.printer.status import PrinterState, PrinterStatus, interpret, pick_reply, valid_reply
from kiosk.devices.printer.transport import Transport
from kiosk.devices.printer.uri import PrinterUriError, parse_printer_uri

DOC = Document("case", (Text("办件回执", align="center", size=2), Table((("办件编号", "LY20261126-000123"),)),
                        QR("https://zw.example/c/LY20261126-000123"), Cut()),
               fallback_qr="https://zw.example/c/LY20261126-000123", headline="LY20261126-000123")


# ---- pure parsing -----------------------------------------------------------------------------------------

def test_reply_bytes_parse_by_the_documented_bits() -> None:
    assert valid_reply(0x12) and valid_reply(0x1A) and not valid_reply(0x00) and not valid_reply(0x92)
    assert interpret(0x12, None, 0x12) is PrinterState.PAPER_OK
    assert interpret(0x12, None, 0x1E) is PrinterState.PAPER_NEAR_END      # bits 2-3
    assert interpret(0x1A, 0x32, 0x7E) is PrinterState.PAPER_OUT           # offline, paper-end stop
    assert interpret(0x1A, 0x16, 0x12) is PrinterState.COVER_OPEN          # offline, cover bit 2
    assert interpret(0x1A, 0x52, 0x12) is PrinterState.OFFLINE             # offline, error bit 6
    assert interpret(0x12, None, None) is PrinterState.ONLINE              # paper sensor silent
    assert interpret(None, None, 0x12) is PrinterState.UNKNOWN             # no reply is never "paper OK"


def test_pick_reply_ignores_garbage_and_takes_the_last_valid_byte() -> None:
    assert pick_reply(None) is None and pick_reply(b"") is None
    assert pick_reply(b"\x00\xff") is None
    assert pick_reply(b"\x12\x1a") == 0x1A


def test_every_state_has_messages_and_an_event() -> None:
    for state in PrinterState:
        status = PrinterStatus(state)
        assert status.message_zh and status.message_en and status.event.startswith("printer.")
    assert not PrinterStatus(PrinterState.UNKNOWN).printable
    assert PrinterStatus(PrinterState.UNKNOWN, can_answer=False).printable   # file:// cannot answer


@pytest.mark.parametrize("uri, kind, target, extra", [
    ("usb://0x0416:0x5011", "usb", "", {"vendor": 0x0416, "product": 0x5011}),
    ("usb://0416:5011", "usb", "", {"vendor": 0x0416, "product": 0x5011}),
    ("serial:///dev/ttyS1?baud=9600", "serial", "/dev/ttyS1", {"baud": 9600}),
    ("serial://COM3?baud=115200", "serial", "COM3", {"baud": 115200}),
    ("tcp://192.0.2.10:9100", "tcp", "192.0.2.10", {"port": 9100}),
    ("tcp://printer.local", "tcp", "printer.local", {"port": 9100}),
    ("file:///tmp/receipt.bin", "file", "/tmp/receipt.bin", {}),
    ("win32://XP-80C Printer", "win32", "XP-80C Printer", {}),
    ("sim", "sim", "", {}),
    ("none", "none", "", {}),
])
def test_uri_forms(uri: str, kind: str, target: str, extra: dict[str, int]) -> None:
    parsed = parse_printer_uri(uri)
    assert parsed.kind == kind and parsed.target == target
    for key, value in extra.items():
        assert getattr(parsed, key) == value


@pytest.mark.parametrize("uri, words", [
    ("lpt1", "not a printer URI"), ("usb://0416", "VENDOR:PRODUCT"), ("usb://zz:11", "hex"),
    ("serial:///dev/ttyS1?baud=1234", "baud"), ("serial:///dev/ttyS1?parity=N", "only baud"),
    ("tcp://:9100", "needs a host"), ("tcp://h:99999", "port"), ("file://relative.bin", "absolute"),
    ("ftp://x", "unknown scheme"), ("", "not a printer URI"),
])
def test_bad_uris_name_the_problem_and_the_allowed_forms(uri: str, words: str) -> None:
    with pytest.raises(PrinterUriError) as info:
        parse_printer_uri(uri)
    assert words in str(info.value) and "tcp://HOST:9100" in str(info.value)


# ---- the service against the simulator over a real loopback socket ----------------------------------------

@pytest.fixture
def service(simulator):  # type: ignore[no-untyped-def]
    svc = PrinterService(PrinterSettings(uri=simulator.uri, status_timeout_ms=200))
    yield svc
    svc.close()


def test_status_of_a_healthy_printer(service) -> None:  # type: ignore[no-untyped-def]
    status = service.status().result(5)
    assert status.state is PrinterState.PAPER_OK
    assert status.replies == b"\x12\x12"


@pytest.mark.parametrize("setup, state", [
    (lambda s: s.set_paper("near_end"), PrinterState.PAPER_NEAR_END),
    (lambda s: s.set_paper("out"), PrinterState.PAPER_OUT),
    (lambda s: s.set_cover_open(True), PrinterState.COVER_OPEN),
    (lambda s: s.set_silent(True), PrinterState.UNKNOWN),
])
def test_status_states_from_the_simulator(simulator, service, setup, state) -> None:  # type: ignore[no-untyped-def]
    setup(simulator)
    assert service.status().result(5).state is state


def test_silent_printer_is_unknown_within_the_timeout_and_gets_no_print(simulator, service) -> None:  # type: ignore[no-untyped-def]
    simulator.set_silent(True)
    result = service.print_document(DOC).result(5)
    assert not result.ok and result.reason == "unknown" and result.show_qr_instead
    assert result.status is not None and "no reply within 200 ms" in result.status.detail
    assert result.fallback_qr == "https://zw.example/c/LY20261126-000123"
    assert result.headline == "LY20261126-000123"
    # only the status query went out, no receipt bytes
    assert decode(simulator.received).lines == [] and decode(simulator.received).status_queries == [1]


def test_print_reaches_the_simulator_and_decodes(simulator, service) -> None:  # type: ignore[no-untyped-def]
    result = service.print_document(DOC).result(5)
    assert result.ok and result.reason == "printed" and result.bytes_sent > 0
    assert simulator.wait_for(lambda data: b"\x1dV\x01" in data)
    r = decode(simulator.received)
    assert "办件回执" in r.lines and r.qr_payloads == ["https://zw.example/c/LY20261126-000123"] and r.cuts == 1
    assert r.status_queries == [1, 4, 1, 4]     # checked before and after


def test_network_printer_connection_sends_small_writes_at_once(simulator) -> None:  # type: ignore[no-untyped-def]
    """TCP_NODELAY: the status query after a receipt goes out at once, not after the printer's delayed ACK of
    the receipt's last segment (Nagle's algorithm; ~40 ms per print over loopback, found by bench/soak.py)."""
    transport = Transport(parse_printer_uri(simulator.uri))
    transport.open()
    try:
        sock = transport._conn.sock  # type: ignore[union-attr]
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        transport.close()


@pytest.mark.parametrize("setup, reason", [
    (lambda s: s.set_paper("out"), "paper_out"),
    (lambda s: s.set_cover_open(True), "cover_open"),
])
def test_no_print_when_paper_out_or_cover_open(simulator, service, setup, reason) -> None:  # type: ignore[no-untyped-def]
    setup(simulator)
    result = service.print_document(DOC).result(5)
    assert not result.ok and result.reason == reason
    assert "请用手机扫描屏幕上的二维码" in result.message_zh
    assert decode(simulator.received).cuts == 0


def test_printer_vanishing_mid_receipt_is_a_failure(simulator, service) -> None:  # type: ignore[no-untyped-def]
    assert service.status().result(5).state is PrinterState.PAPER_OK
    simulator.clear()
    simulator.vanish_after(20)                  # the status queries, then a few bytes of the receipt
    result = service.print_document(DOC).result(10)
    assert not result.ok and result.reason in ("connection_lost", "offline")
    assert simulator.vanished
    assert b"\x1dV\x01" not in simulator.received
    # and the next status says offline, not OK
    assert service.status().result(5).state is PrinterState.OFFLINE


def test_printer_not_listening_is_offline() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    svc = PrinterService(PrinterSettings(uri=f"tcp://127.0.0.1:{port}", status_timeout_ms=200))
    try:
        status = svc.status().result(10)
        assert status.state is PrinterState.OFFLINE and "cannot open" in status.detail
        assert svc.print_document(DOC).result(10).reason == "offline"
    finally:
        svc.close()


def test_sim_uri_starts_its_own_simulator() -> None:
    svc = PrinterService(PrinterSettings(uri="sim"))
    try:
        assert svc.print_document(DOC).result(10).ok
        assert svc.simulator is not None and b"\x1dV\x01" in svc.simulator.received
    finally:
        svc.close()
    assert svc.simulator is None


def test_none_uri_never_prints_and_says_so() -> None:
    svc = PrinterService(PrinterSettings(uri="none"))
    try:
        assert svc.status().result(5).state is PrinterState.DISABLED
        result = svc.print_document(DOC).result(5)
        assert not result.ok and result.reason == "disabled" and result.fallback_qr
    finally:
        svc.close()


def test_file_uri_prints_without_status(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "receipt.bin"
    svc = PrinterService(PrinterSettings(uri=f"file://{target}"))
    try:
        result = svc.print_document(DOC).result(10)
        assert result.ok and result.status is not None and not result.status.can_answer
        assert decode(target.read_bytes()).qr_payloads == ["https://zw.example/c/LY20261126-000123"]
    finally:
        svc.close()


def test_calls_return_at_once_and_io_runs_on_the_owner_thread(simulator, service) -> None:  # type: ignore[no-untyped-def]
    simulator.set_silent(True)
    seen: list[str] = []
    service.add_status_listener(lambda st: seen.append(threading.current_thread().name))
    future = service.status()
    assert not future.done()           # a silent printer takes the timeout, but not on our thread
    future.result(5)
    assert seen and all(name.startswith("printer") for name in seen)
    with pytest.raises(RuntimeError, match="owner thread"):
        service._assert_owner()


def test_preview_dir_keeps_the_latest_preview_of_each_kind(simulator, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    svc = PrinterService(PrinterSettings(uri=simulator.uri, preview_dir=str(tmp_path / "previews")))
    try:
        result = svc.print_document(DOC).result(10)
    finally:
        svc.close()
    assert result.ok and result.preview_path == str(tmp_path / "previews" / "case.png")
    with Image.open(result.preview_path) as image:
        assert image.width == 576 + 48


# ---- serial: the same printer behind a real pty, through pyserial and python-escpos's Serial --------------

@pytest.fixture
def serial_printer():  # type: ignore[no-untyped-def]
    import sys

    if sys.platform == "win32":
        pytest.skip("pseudo-terminals are POSIX only")
    from kiosk.devices.printer.simulator import SerialPrinterSimulator

    sim = SerialPrinterSimulator().start()
    yield sim
    sim.stop()


def test_serial_printer_status_and_print_over_a_pty(serial_printer) -> None:  # type: ignore[no-untyped-def]
    svc = PrinterService(PrinterSettings(uri=serial_printer.uri, status_timeout_ms=300))
    try:
        assert svc.status().result(5).state is PrinterState.PAPER_OK
        serial_printer.set_paper("near_end")
        result = svc.print_document(DOC).result(10)
        assert result.ok and result.status is not None and result.status.state is PrinterState.PAPER_NEAR_END
        assert serial_printer.wait_for(lambda data: b"\x1dV\x01" in data)
        assert decode(serial_printer.received).qr_payloads == ["https://zw.example/c/LY20261126-000123"]
        serial_printer.set_silent(True)
        status = svc.status().result(5)
        assert status.state is PrinterState.UNKNOWN and "no reply within 300 ms" in status.detail
    finally:
        svc.close()


def test_printer_going_silent_after_the_job_is_unconfirmed_not_printed(simulator, service) -> None:  # type: ignore[no-untyped-def]
    # the listener runs on the printer thread right after the pre-print check: the printer falls silent then
    service.add_status_listener(lambda status: simulator.set_silent(True))
    result = service.print_document(DOC).result(10)
    assert not result.ok and result.reason == "unconfirmed" and result.show_qr_instead
    assert result.bytes_sent > 0 and "无法确认" in result.message_zh
    assert decode(simulator.received).cuts == 1        # the bytes went out; the QR is shown as well, nothing reprinted


def test_paper_running_out_during_the_job_is_reported(simulator, service) -> None:  # type: ignore[no-untyped-def]
    service.add_status_listener(lambda status: simulator.set_paper("out"))
    result = service.print_document(DOC).result(10)
    assert not result.ok and result.reason == "paper_out" and result.bytes_sent > 0
