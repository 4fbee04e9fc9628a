"""The frozen build (PyInstaller one-dir, build_kiosk.spec): size on disk and cold start to the first frame,
against running from source, in the same run.

    .venv/bin/python bench/frozen_build.py [--runs 5] [--keep DIR]

1. `pyinstaller --noconfirm build_kiosk.spec` into a temp dist: the real artefact; its size (bytes, files)
   against what running from source needs (the virtualenv + the repository's kiosk/ and assets/).
2. The start-up probe: the same spec with bench/first_frame.py (the lead's first-frame probe, reused as is)
   as the entry script instead of kiosk/__main__.py, so the frozen kiosk reports its first frame exactly as
   bench/startup_memory.py measures the source run. Frozen and source runs alternate; "cold" drops the page
   cache before each run (/proc/sys/vm/drop_caches, needs root; else only warm runs are reported).
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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
PYINSTALLER = ROOT / ".venv" / "bin" / "pyinstaller"

PROBE = '''"""Frozen start-up probe: bench/first_frame.py inside the kiosk's frozen build (bench/frozen_build.py)."""
import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the catalogue index child re-enters here, as in kiosk/__main__.py
    import first_frame

    kind, settle = sys.argv[1], float(sys.argv[2])
    first_frame.bare(settle) if kind == "bare" else first_frame.kiosk(settle, sys.argv[3])
'''


def tree_size(path: Path) -> tuple[int, int]:
    """(bytes on disk, files) under PATH, symlinks not followed."""
    total = files = 0
    for dirpath, _dirs, names in os.walk(path):
        for name in names:
            full = Path(dirpath) / name
            if full.is_symlink():
                continue
            total += full.stat().st_blocks * 512
            files += 1
    return total, files


def build(spec: Path, work: Path, dist: Path) -> float:
    started = time.perf_counter()
    proc = subprocess.run([str(PYINSTALLER), "--noconfirm", "--distpath", str(dist), "--workpath", str(work),
                           str(spec)], cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode:
        raise RuntimeError(f"pyinstaller failed on {spec.name}: {proc.stderr[-3000:]}")
    return time.perf_counter() - started


def probe_spec(tmp: Path) -> Path:
    """build_kiosk.spec with the probe as entry script (everything else unchanged)."""
    (tmp / "frozen_probe.py").write_text(PROBE, encoding="utf-8")
    text = (ROOT / "build_kiosk.spec").read_text(encoding="utf-8")
    replacements = {
        "ROOT = Path(SPECPATH)": f"ROOT = Path({str(ROOT)!r})",
        '[str(ROOT / "kiosk" / "__main__.py")]': f"[{str(tmp / 'frozen_probe.py')!r}]",
        "pathex=[str(ROOT)]": f"pathex=[str(ROOT), {str(HERE)!r}]",
    }
    for old, new in replacements.items():
        if old not in text:
            raise RuntimeError(f"build_kiosk.spec changed: cannot find {old!r} to make the probe spec")
        text = text.replace(old, new)
    spec = tmp / "kiosk_probe.spec"
    spec.write_text(text, encoding="utf-8")
    return spec


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def one_start(argv: list[str], cold: bool) -> dict[str, float]:
    if cold:
        drop_caches()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env)
    frame = rss = pss = 0.0
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("frame ") and not frame:
            frame = time.perf_counter() - started
        elif line.startswith("memory "):
            fields = dict(part.split("=") for part in line.split()[1:])
            rss, pss = float(fields["rss_kb"]), float(fields["pss_kb"])
    proc.wait(60)
    if not frame:
        raise RuntimeError(f"{argv[0]} did not report a first frame (exit {proc.returncode})")
    return {"frame_s": frame, "rss_kb": rss, "pss_kb": pss}


def describe(values: list[float], scale: float, unit: str) -> str:
    v = [x * scale for x in values]
    return f"median {statistics.median(v):.0f} {unit} (min {min(v):.0f}, max {max(v):.0f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle", type=float, default=2.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="kiosk-frozen-") as tmp_name:
        tmp = Path(tmp_name)
        result["build_s"] = build(ROOT / "build_kiosk.spec", tmp / "work", tmp / "dist")
        result["frozen_bytes"], result["frozen_files"] = tree_size(tmp / "dist" / "kiosk")
        venv_bytes, venv_files = tree_size(ROOT / ".venv")
        src_bytes = sum(tree_size(ROOT / d)[0] for d in ("kiosk", "assets"))
        result.update(venv_bytes=venv_bytes, venv_files=venv_files, source_bytes=src_bytes)
        result["probe_build_s"] = build(probe_spec(tmp), tmp / "work-probe", tmp / "dist-probe")
        frozen_exe = str(tmp / "dist-probe" / "kiosk" / "kiosk")
        config = tmp / "kiosk.toml"
        config.write_text((ROOT / "kiosk" / "defaults" / "demo.toml").read_text(encoding="utf-8")
                          + f'\n[storage]\ndata_dir = "{tmp}/data"\nlog_dir = "{tmp}/logs"\n'
                            f'key_file = "{tmp}/keys/outbox.key"\n', encoding="utf-8")
        commands = {"frozen": [frozen_exe, "kiosk", str(args.settle), str(config)],
                    "source": [sys.executable, str(HERE / "first_frame.py"), "kiosk", str(args.settle), str(config)]}
        one_start(commands["source"], cold=False)   # seeds the data dir once
        modes = ["warm"] + (["cold"] if drop_caches() else [])
        runs: dict[str, list[dict[str, float]]] = {}
        for mode in modes:
            if mode == "warm":
                for argv in commands.values():   # fill the page cache once
                    one_start(argv, cold=False)
            for _ in range(args.runs):
                for kind, argv in commands.items():
                    runs.setdefault(f"{kind} {mode}", []).append(one_start(argv, cold=mode == "cold"))
        result["runs"] = runs
    mb = 1 / 1024 / 1024
    print("frozen build (PyInstaller one-dir, build_kiosk.spec) against running from source")
    print(f"  size: frozen {result['frozen_bytes'] * mb:.0f} MB in {result['frozen_files']} files "
          f"(built in {result['build_s']:.0f} s); from source: virtualenv {result['venv_bytes'] * mb:.0f} MB "
          f"in {result['venv_files']} files + kiosk/ and assets/ {result['source_bytes'] * mb:.1f} MB")
    for mode in modes:
        f = [r["frame_s"] for r in runs[f"frozen {mode}"]]
        s = [r["frame_s"] for r in runs[f"source {mode}"]]
        print(f"  first frame, {mode} cache: frozen {describe(f, 1000, 'ms')}, source {describe(s, 1000, 'ms')}; "
              f"ratio frozen/source {statistics.median(f) / statistics.median(s):.2f}x ({args.runs} runs each)")
        fr = [r["rss_kb"] for r in runs[f"frozen {mode}"]]
        sr = [r["rss_kb"] for r in runs[f"source {mode}"]]
        print(f"  RSS at home after {args.settle:.0f} s, {mode}: frozen {describe(fr, 1 / 1024, 'MB')}, "
              f"source {describe(sr, 1 / 1024, 'MB')}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    shutil.rmtree(ROOT / "build" / "kiosk_probe", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
