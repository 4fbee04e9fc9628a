"""python-escpos stays out of the kiosk process unless a USB or Windows printer needs it: importing the app
and every printer module does not import it, and neither does a status query or a print over the simulator,
a network, a serial or a file printer (our own raw transports); the USB/Windows loader keeps its
capabilities pickle in a persistent folder."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("escpos", "usb", "qrcode", "PIL", "yaml")


def _python(code: str, **env: str) -> str:
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_app_and_printer_modules_do_not_import_escpos() -> None:
    out = _python(
        "import sys, kiosk.app, kiosk.devices.printer.qt_adapter, kiosk.devices.printer.service, "
        "kiosk.devices.printer.receipts, kiosk.devices.printer.preview, kiosk.devices.printer.cli, "
        "kiosk.devices.printer.transport; print(sorted(m for m in sys.modules if m.split('.')[0] in ('escpos', 'usb')))")
    assert out == "[]"


def test_printer_modules_load_qrcode_and_pillow_only_when_used() -> None:
    out = _python(
        "import sys, kiosk.devices.printer.qt_adapter, kiosk.devices.printer.service, kiosk.devices.printer.receipts, "
        "kiosk.devices.printer.preview, kiosk.devices.printer.cli, kiosk.devices.printer.transport; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'escpos', 'usb', 'qrcode', 'PIL'}))")
    assert out == "[]"


STATUS_WITHOUT_ESCPOS = """
import sys
from kiosk.devices.printer.service import PrinterService
from kiosk.devices.printer.settings import PrinterSettings
from kiosk.devices.printer.simulator import PrinterSimulator

def state(uri):
    svc = PrinterService(PrinterSettings(uri=uri, status_timeout_ms=300))
    try:
        return svc.status().result(10).state.value
    finally:
        svc.close()

def loaded():
    return sorted({m.split('.')[0] for m in sys.modules} & set(HEAVY))

sim = PrinterSimulator().start()
sim.set_paper("near_end")
print("sim", state("sim"), loaded())
print("tcp", state(sim.uri), loaded())
"""


def test_status_over_sim_and_tcp_does_not_import_escpos() -> None:
    """The kiosk's first status query (at start) used to pull in python-escpos with Pillow, qrcode, PyYAML
    and pyusb (+12 MB at the home screen). The states are real answers from the loopback simulator."""
    out = _python(f"HEAVY = {HEAVY!r}\n" + STATUS_WITHOUT_ESCPOS)
    assert out.splitlines() == ["sim paper_ok []", "tcp paper_near_end []"]


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")
def test_status_over_serial_does_not_import_escpos() -> None:
    out = _python(
        f"HEAVY = {HEAVY!r}\n" + STATUS_WITHOUT_ESCPOS.split("sim = ")[0] +
        "from kiosk.devices.printer.simulator import SerialPrinterSimulator\n"
        "pty = SerialPrinterSimulator().start()\n"
        "pty.set_cover_open(True)\n"
        "print('serial', state(pty.uri), loaded())\n"
        "pty.stop()\n")
    assert out == "serial cover_open []"


def test_printing_over_sim_and_file_does_not_import_escpos(tmp_path: Path) -> None:
    out = _python(
        "import sys\n"
        "from kiosk.devices.printer.service import PrinterService\n"
        "from kiosk.devices.printer.settings import PrinterSettings\n"
        "from kiosk.devices.printer.samples import sample_document\n"
        f"for uri in ('sim', 'file://{tmp_path}/r.bin'):\n"
        "    s = PrinterSettings(uri=uri)\n"
        "    svc = PrinterService(s)\n"
        "    print(svc.print_document(sample_document('ticket', s)).result(30).ok, 'escpos' in sys.modules)\n"
        "    svc.close()\n")
    assert out.splitlines() == ["True False", "True False"]
    assert (tmp_path / "r.bin").stat().st_size > 0


def test_the_usb_and_windows_loader_imports_escpos_with_a_persistent_capabilities_cache(tmp_path: Path) -> None:
    cache = tmp_path / "escpos-cache"
    out = _python(
        "import sys\n"
        "from kiosk.devices.printer.transport import _escpos_printer_module\n"
        "print('escpos' in sys.modules, hasattr(_escpos_printer_module(), 'Usb'), 'escpos' in sys.modules)\n",
        ESCPOS_CAPABILITIES_PICKLE_DIR=str(cache))
    assert out == "False True True"
    assert any(cache.iterdir()), "the capabilities pickle is kept in the configured folder"


def test_a_usb_printer_that_is_not_there_is_a_clear_transport_error() -> None:
    """USB still goes through python-escpos; without the device (or libusb) the message names the printer."""
    from kiosk.devices.printer.transport import Transport, TransportError
    from kiosk.devices.printer.uri import parse_printer_uri

    transport = Transport(parse_printer_uri("usb://0x0416:0x5011"))
    with pytest.raises(TransportError, match="USB 0416:5011"):
        transport.open()
    assert not transport.is_open


def test_the_command_line_lists_every_sample_kind_without_loading_the_layouts() -> None:
    """`python -m kiosk` builds every subsystem's parser at each start: the printer's must stay cheap."""
    from kiosk.devices.printer import cli, samples

    assert cli.KINDS == samples.KINDS
    out = _python(
        "import sys, argparse, kiosk.devices.printer.cli as cli\n"
        "cli.register(argparse.ArgumentParser().add_subparsers())\n"
        "print(sorted(m for m in sys.modules if m.startswith('kiosk.devices.printer.')))")
    assert out == "['kiosk.devices.printer.cli']"
