"""python-escpos stays off the kiosk's start-up path: importing the app and every printer module (but the
transport's lazy loader) does not import it; a print does, on the printer thread, into a persistent cache."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


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


def test_printing_imports_escpos_with_a_persistent_capabilities_cache(tmp_path: Path) -> None:
    cache = tmp_path / "escpos-cache"
    out = _python(
        "import sys, threading\n"
        "from kiosk.devices.printer.service import PrinterService\n"
        "from kiosk.devices.printer.settings import PrinterSettings\n"
        "from kiosk.devices.printer.samples import sample_document\n"
        f"s = PrinterSettings(uri='file://{tmp_path}/r.bin')\n"
        "svc = PrinterService(s)\n"
        "print(svc.print_document(sample_document('ticket', s)).result(30).ok, 'escpos' in sys.modules)\n"
        "svc.close()\n",
        ESCPOS_CAPABILITIES_PICKLE_DIR=str(cache))
    assert out == "True True"
    assert any(cache.iterdir()), "the capabilities pickle is kept in the configured folder"
