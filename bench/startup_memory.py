"""Cold start to the first frame and memory at the home screen: the kiosk (demo config, devices and the
catalogue starting in the background) against a bare PySide6 window with the same font, in the same run.

    .venv/bin/python bench/startup_memory.py [--runs 7] [--settle 5]

Each run is a fresh process; kiosk and bare runs alternate so both see the same machine load. Prints
median and spread; the ratio is what to compare (targets: start <= 1.5x, memory <= 1.6x the bare window).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent


def one_run(kind: str, settle_s: float, config: str) -> tuple[float, float, int, int]:
    """(wall seconds to first frame, in-process seconds to first frame, RSS kB, PSS kB)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(HERE / "first_frame.py"), kind, str(settle_s), config],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env)
    frame_wall = frame_inner = 0.0
    rss = pss = 0
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("frame "):
            frame_wall = time.perf_counter() - start
            frame_inner = float(line.split()[1])
        elif line.startswith("memory "):
            fields = dict(part.split("=") for part in line.split()[1:])
            rss, pss = int(fields["rss_kb"]), int(fields["pss_kb"])
    process.wait(60)
    if not frame_wall or not rss:
        raise RuntimeError(f"{kind} run did not report (exit {process.returncode})")
    return frame_wall, frame_inner, rss, pss


def describe(values: list[float], unit: str, scale: float = 1.0) -> str:
    v = [x * scale for x in values]
    return f"median {statistics.median(v):.0f} {unit} (min {min(v):.0f}, max {max(v):.0f})"


def main() -> int:
    # the kiosk's bytecode, as scripts/setup.sh and the frozen build provide it (not compiling on every start)
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j", "0", str(ROOT / "kiosk")], check=True,
                   stdout=subprocess.DEVNULL)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--settle", type=float, default=5.0, help="seconds after the first frame before memory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        config = Path(tmp) / "kiosk.toml"
        config.write_text((ROOT / "kiosk" / "defaults" / "demo.toml").read_text(encoding="utf-8")
                          + f'\n[storage]\ndata_dir = "{tmp}/data"\nlog_dir = "{tmp}/logs"\n'
                            f'key_file = "{tmp}/keys/outbox.key"\n', encoding="utf-8")
        one_run("kiosk", 2.0, str(config))  # warm the file cache and seed the demo service once
        results: dict[str, list[tuple[float, float, int, int]]] = {"bare": [], "kiosk": []}
        for _ in range(args.runs):
            for kind in ("bare", "kiosk"):
                results[kind].append(one_run(kind, args.settle, str(config)))
    print(f"start-up and memory, {args.runs} runs each, alternating, offscreen, warm file cache")
    medians = {}
    for kind, runs in results.items():
        wall = [r[0] for r in runs]
        rss = [r[2] for r in runs]
        pss = [r[3] for r in runs]
        medians[kind] = (statistics.median(wall), statistics.median(rss), statistics.median(pss))
        print(f"  {kind:5}  first frame {describe(wall, 'ms', 1000)}")
        print(f"         RSS {describe(rss, 'MB', 1 / 1024)}   PSS {describe(pss, 'MB', 1 / 1024)}")
    bare, kiosk = medians["bare"], medians["kiosk"]
    print(f"  ratio kiosk/bare: first frame {kiosk[0] / bare[0]:.2f}x (target <= 1.5x), "
          f"RSS {kiosk[1] / bare[1]:.2f}x, PSS {kiosk[2] / bare[2]:.2f}x (target <= 1.6x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
