"""The web peer: the kiosk's home and guide/form screens (index.html, style.css, keyboard.js) in Debian's
Chromium, headless, in kiosk mode with a fresh profile; PSS summed over every Chromium process of the run
(/proc/<pid>/smaps_rollup), sampled while the page walks home -> guide (search typed on the JS Pinyin
keyboard) -> form (keyboard shown); the peak of the sums is reported.

    .venv/bin/python bench/chromium_peer/measure.py [--runs 3]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--kiosk",
         "--window-size=1080,1920", "--lang=zh-CN"]


def chromium_binary() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def processes_of(root: int, marker: str) -> list[int]:
    """ROOT and its descendants, plus any process whose command line names this run's profile dir."""
    parents: dict[int, int] = {}
    marked: set[int] = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        pid = int(entry)
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
                stat = handle.read()
            parents[pid] = int(stat.rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                if marker.encode() in handle.read():
                    marked.add(pid)
        except (OSError, ValueError, IndexError):
            continue
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return sorted(tree | marked)


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(duration_s: float = 8.0) -> dict[str, int | float]:
    binary = chromium_binary()
    if binary is None:
        raise RuntimeError("chromium is not installed (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory(prefix="kiosk-chromium-") as profile:
        url = (HERE / "index.html").as_uri() + "?auto"
        started = time.perf_counter()
        proc = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={profile}", url],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peak, peak_n = 0, 0
        try:
            while time.perf_counter() - started < duration_s:
                pids = processes_of(proc.pid, profile)
                total = sum(pss_kb(p) for p in pids)
                if total > peak:
                    peak, peak_n = total, len(pids)
                time.sleep(0.25)
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
    return {"pss_kb": peak, "processes": peak_n}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results = [measure() for _ in range(args.runs)]
    values = [r["pss_kb"] / 1024 for r in results]
    print(f"Chromium peer: peak PSS median {statistics.median(values):.0f} MB (min {min(values):.0f}, "
          f"max {max(values):.0f}) over {results[-1]['processes']} processes")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
