"""Idle CPU of the whole kiosk process with the reader polling: the real window and Services (reference
central service on loopback as a separate process, simulated reader over a pty, simulated printer), offscreen.

    .venv/bin/python bench/idle_cpu.py [--seconds 60]

Two states, each for --seconds, measured from /proc/self/stat utime+stime (every thread of the kiosk process,
the reader's owner thread and the simulator included; the central service's process is not the kiosk's):
  home      the reader disarmed (SAM heartbeat every 0.8 s), sync/heartbeat timers running
  identify  after consent, the reader armed and polling for a card every poll_interval_s (0.3 s)
Target: under 1% of a core.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from journeys_memory import world

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS   # utime, stime (fields 14 and 15 of stat)


def measure(seconds: float) -> float:
    """Percent of one core used by this process over SECONDS of the event loop running undisturbed."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()  # a plain blocking event loop, as app.exec(): QTest.qWait would wake every 10 ms
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    cpu0, wall0 = cpu_seconds(), time.monotonic()
    loop.exec()
    return 100 * (cpu_seconds() - cpu0) / (time.monotonic() - wall0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--settle", type=float, default=10.0, help="seconds after start before measuring")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result: dict[str, Any] = {"seconds": args.seconds}
    with tempfile.TemporaryDirectory(prefix="kiosk-idle-") as tmp, world(Path(tmp)) as kiosk:
        from PySide6.QtTest import QTest

        QTest.qWait(int(args.settle * 1000))
        reader = kiosk.reader.reader
        polls0 = reader.stats.polls
        result["home_pct"] = measure(args.seconds)
        result["home_polls"] = reader.stats.polls - polls0
        kiosk.window.current_screen.tiles["case_lookup"].click()      # 办件查询 -> 刷身份证 -> identify
        kiosk.wait_screen("case_lookup")
        kiosk.window.current_screen.by_card.click()
        kiosk.wait_screen("identify")
        kiosk.window.current_screen.consent.click()
        kiosk.qtbot.waitUntil(lambda: reader.armed, timeout=10_000)
        polls0 = reader.stats.polls
        result["identify_pct"] = measure(args.seconds)
        result["identify_polls"] = reader.stats.polls - polls0
        result["identify_still_armed"] = reader.armed
    print(f"idle CPU of the kiosk process, {args.seconds:.0f} s per state (target < 1% of a core)")
    print(f"  home, reader disarmed (heartbeat)  {result['home_pct']:.2f}% of a core  "
          f"({result['home_polls']} reader polls)")
    print(f"  identify, reader armed (polling)   {result['identify_pct']:.2f}% of a core  "
          f"({result['identify_polls']} reader polls, still armed at the end: {result['identify_still_armed']})")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
