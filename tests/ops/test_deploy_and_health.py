"""Keeping it running: the systemd units, the side-by-side install with self-test and rollback, the
watchdog pings from the GUI thread, and the heartbeat the central service keeps per terminal."""
from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.central_server import CentralServer
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def test_unit_files_pass_systemd_analyze_verify() -> None:
    units = [DEPLOY / "kiosk.service", DEPLOY / "kiosk-nightly-restart.service", DEPLOY / "kiosk-nightly-restart.timer"]
    result = subprocess.run(["systemd-analyze", "verify", *map(str, units)], check=False, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    unit = (DEPLOY / "kiosk.service").read_text()
    for line in ("Restart=always", "RestartSec=2", "StartLimitIntervalSec=0", "Type=notify", "WatchdogSec=30"):
        assert line in unit


def fake_build(path: Path, *, self_test_ok: bool) -> Path:
    """A build folder whose `kiosk` runs this checkout (version and self-test are the real commands)."""
    path.mkdir(parents=True)
    script = path / "kiosk"
    fail = "" if self_test_ok else 'if [ "$1" = self-test ]; then echo "FAIL  font"; exit 1; fi\n'
    script.write_text(f"#!/bin/sh\n{fail}cd {ROOT} && exec {sys.executable} -m kiosk \"$@\"\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return path


def install(build: Path, prefix: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KIOSK_NO_SYSTEM": "1", "KIOSK_PREFIX": str(prefix), "KIOSK_ETC": str(prefix / "etc"),
           "KIOSK_SYSTEMD_DIR": str(prefix / "systemd")}
    (prefix / "systemd").mkdir(parents=True, exist_ok=True)
    return subprocess.run(["bash", str(DEPLOY / "install.sh"), str(build)], check=False, capture_output=True, text=True,
                          env=env, timeout=300)


def test_install_switches_only_after_the_new_version_passes_its_self_test(tmp_path: Path) -> None:
    prefix = tmp_path / "opt"
    good = install(fake_build(tmp_path / "good", self_test_ok=True), prefix)
    assert good.returncode == 0, good.stdout + good.stderr
    current = prefix / "current"
    assert current.is_symlink() and os.readlink(current).endswith("versions/0.1.0")
    assert (prefix / "systemd" / "kiosk.service").exists()

    (prefix / "versions" / "0.1.0" / "marker").write_text("old")
    bad = install(fake_build(tmp_path / "bad", self_test_ok=False), prefix)
    assert bad.returncode == 1 and "failed its self-test; nothing changed" in bad.stderr
    assert (current / "marker").read_text() == "old"  # the running version was not touched
    assert not list((prefix / "versions").glob("*.tmp"))


@pytest.mark.gui
def test_watchdog_pings_come_from_the_gui_thread(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.watchdog import Watchdog

    address = str(tmp_path / "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(address)
    sock.setblocking(False)
    monkeypatch.setenv("NOTIFY_SOCKET", address)
    monkeypatch.setenv("WATCHDOG_USEC", "2000000")
    received: list[bytes] = []

    def drain() -> bool:
        try:
            while True:
                received.append(sock.recv(64))
        except BlockingIOError:
            return b"WATCHDOG=1" in received

    watchdog = Watchdog()
    watchdog.ready()
    qtbot.waitUntil(drain, timeout=5000)
    assert received[0] == b"READY=1"
    sock.close()


@pytest.mark.gui
def test_heartbeat_and_events_reach_the_central_service(qtbot: QtBot, tmp_path: Path) -> None:
    from helpers.kiosk_app import running_kiosk

    with CentralServer(tmp_path / "central") as server, running_kiosk(qtbot, server.url, tmp_path) as kiosk:
        health = kiosk.services.health
        kiosk.printer.service.simulator.set_paper("out")
        kiosk.printer.refresh_status()
        qtbot.waitUntil(lambda: health.paper == "paper_out", timeout=10_000)
        qtbot.waitUntil(lambda: bool(server.query("SELECT count(*) FROM terminal_events WHERE code = "
                                                  "'printer.paper_out'")[0][0]), timeout=10_000)
        health.beat()

        def latest() -> dict:  # type: ignore[type-arg]
            stored = server.query("SELECT last_heartbeat FROM terminals WHERE id = 'LY-DEMO-0001'")[0][0]
            return (json.loads(stored) if isinstance(stored, str) else stored) or {}

        # An earlier beat (sent when the service came up, paper still fine) may land first: wait for this one.
        qtbot.waitUntil(lambda: latest().get("paper") == "out", timeout=15_000)
        beat = latest()
    assert beat["version"] == "0.1.0" and beat["paper"] == "out" and beat["devices"]["reader"] == "ok"
    assert "43018119" not in json.dumps(beat)  # no personal data
