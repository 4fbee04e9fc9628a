"""Start-up order (kiosk/app.py): the first frame of home is drawn before the admin parts, voice, logging,
the watchdog and the services (devices, api, catalogue, health) are even imported; they start right after it.
Each check runs the real `kiosk.app.run()` in a fresh interpreter (the modules loaded are per process)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AFTER_FIRST_FRAME = ("kiosk.audit", "kiosk.pin", "kiosk.voice", "kiosk.logs", "kiosk.watchdog", "kiosk.services",
                     "kiosk.health", "kiosk.screens.out_of_service", "kiosk.api", "kiosk.catalogue", "kiosk.devices",
                     # stdlib a bare PySide6 window does not load either (kiosk.heap's ctypes.util pulled in
                     # subprocess, signal and selectors; hash-pin's getpass pulled in termios)
                     "ctypes", "subprocess", "getpass")

RUN = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
import kiosk.app as app_module

DEFERRED = {deferred!r}
loaded = lambda: sorted(m for m in sys.modules if m.startswith(DEFERRED))
print("after import", loaded(), flush=True)
original = app_module.show_kiosk

def show(window, config, *, windowed):
    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and watched is window and not hasattr(self, "seen"):
                self.seen = True
                print("at first paint", loaded(), flush=True)
            return False
    window._probe = FirstPaint()
    window.installEventFilter(window._probe)

    def started():
        ctx = window.ctx
        if {{"reader", "printer", "catalogue", "health"}} <= set(ctx.services) and ctx.audit and ctx.pin_guard and ctx.voice:
            print("started", sorted(ctx.services), flush=True)
            app_module.QApplication.instance().exit(0)
        else:
            QTimer.singleShot(50, started)
    QTimer.singleShot(0, started)
    QTimer.singleShot(30_000, lambda: (print("timed out", sorted(window.ctx.services), flush=True),
                                       app_module.QApplication.instance().exit(1)))
    original(window, config, windowed=windowed)

app_module.show_kiosk = show
sys.exit(app_module.run(sys.argv[1], windowed=True))
"""


def test_the_first_frame_comes_before_the_parts_and_the_parts_start_after_it(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        '[terminal]\nid = "LY-TEST-0001"\nsite_name = "测试"\nregion_code = "430181003"\nlevel = "township"\n'
        '[central]\nurl = "http://127.0.0.1:9"\n'          # nothing listens there: the kiosk runs offline
        '[devices.idcard]\nport = "sim"\n[devices.printer]\nuri = "sim"\n'
        f'[storage]\ndata_dir = "{tmp_path}/data"\nlog_dir = "{tmp_path}/logs"\nkey_file = "{tmp_path}/keys/outbox.key"\n',
        encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_CONFIG"} | {"QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", RUN.format(deferred=AFTER_FIRST_FRAME), str(config)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=90, check=False)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert lines[0] == "after import []"
    assert lines[1] == "at first paint []"
    assert lines[2].startswith("started ") and "'printer'" in lines[2] and "'reader'" in lines[2]
    assert (tmp_path / "logs" / "kiosk.log").exists()   # the log file is set up once the frame is drawn


CLI = """
import sys
import kiosk.app as app_module
DEFERRED = {deferred!r}
app_module.run = lambda config, windowed=False: print("run", sorted(m for m in sys.modules if m.startswith(DEFERRED)))
from kiosk.__main__ import main
sys.argv = ["kiosk", *sys.argv[1:]]
main()
"""


def test_the_command_line_that_starts_the_kiosk_loads_no_other_commands_modules() -> None:
    """`kiosk`, `kiosk run` (the service's command) reach run() with none of the deferred parts imported (the
    technicians' commands import devices, api and catalogue); `kiosk --help` still lists every command."""
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_CONFIG"} | {"QT_QPA_PLATFORM": "offscreen"}
    for argv in ([], ["run", "--windowed"], ["--config", "x.toml", "run"]):
        proc = subprocess.run([sys.executable, "-c", CLI.format(deferred=AFTER_FIRST_FRAME), *argv], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=60, check=False)
        assert proc.stdout.strip() == "run []", (argv, proc.stdout + proc.stderr)
    helped = subprocess.run([sys.executable, "-m", "kiosk", "--help"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60, check=True).stdout
    for command in ("run", "doctor", "read-card", "print-test", "catalogue-import", "outbox"):
        assert command in helped, helped
