"""Receipt figures: bytes and build time per kind (native vs image QR), preview time, and the start-up cost of
the printing code. Prints figures; never asserts on them.

    .venv/bin/python bench/printer_receipts.py [--runs 200] [--imports 7]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.devices.printer.encoder import encode_document
from kiosk.devices.printer.samples import KINDS, sample_document
from kiosk.devices.printer.settings import PrinterSettings


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def spread(ms: list[float]) -> str:
    if len(ms) < 10:
        return f"median {statistics.median(ms):7.3f} ms  min-max {min(ms):.3f}-{max(ms):.3f}"
    q = statistics.quantiles(ms, n=10)
    return f"median {statistics.median(ms):7.3f} ms  p10-p90 {q[0]:.3f}-{q[8]:.3f}"


def receipts(runs: int) -> None:
    print(f"Build = layout function (data -> Document) + ESC/POS encoding; {runs} runs each, 80 mm, gb18030")
    print(f"{'kind':<12}{'native B':>9}{'image B':>9}   native build                          image build")
    for kind in [*KINDS, "test"]:
        row = [f"{kind:<12}"]
        times = []
        for mode in ("native", "image"):
            s = PrinterSettings(qr_mode=mode)
            opts = s.encode_options
            size = len(encode_document(sample_document(kind, s), opts).data)
            row.append(f"{size:>9}")
            times.append(spread(timed(lambda s=s, opts=opts, kind=kind: encode_document(sample_document(kind, s), opts), runs)))
        print("".join(row) + "   " + "   ".join(times))


def previews(runs: int) -> None:
    from kiosk.devices.printer.preview import render_preview

    s = PrinterSettings()
    render_preview(sample_document("case", s), s)   # fonts loaded once
    print(f"\nPreview render (Pillow, 80 mm), {runs} runs each")
    for kind in [*KINDS, "test"]:
        doc = sample_document(kind, s)
        print(f"{kind:<12}{spread(timed(lambda doc=doc: render_preview(doc, s), runs))}")


def _one_import(code: str) -> tuple[float, bool]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(ROOT / "tests" / ".escpos-cache"))
    script = f"import time,sys; t0=time.perf_counter(); {code}; print((time.perf_counter()-t0)*1000, 'escpos' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    ms, has_escpos = proc.stdout.split()
    return float(ms), has_escpos == "True"


def startup(runs: int) -> None:
    """Fresh interpreters, the variants interleaved round by round so machine noise hits them alike."""
    variants = {
        "kiosk.app alone": "import kiosk.app",
        "+ printer code (service, adapter, receipts)":
            "import kiosk.app, kiosk.devices.printer.qt_adapter, kiosk.devices.printer.receipts",
        "+ escpos (what a print adds, lazily)":
            "import kiosk.app, kiosk.devices.printer.transport as tr; tr._escpos_printer_module()",
        "escpos.printer alone (persistent cache)": "import kiosk.devices.printer.transport as tr; tr._escpos_printer_module()",
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    loaded: dict[str, bool] = {}
    for _ in range(runs):
        for name, code in variants.items():
            ms, has = _one_import(code)
            times[name].append(ms)
            loaded[name] = has
    print(f"\nStart-up imports, fresh interpreter each, {runs} interleaved rounds (min is the least noisy figure)")
    for name, ms in times.items():
        print(f"  {name:<44} escpos loaded: {loaded[name]!s:<5} min {min(ms):7.1f} ms  {spread(ms)}")
    base = min(times["kiosk.app alone"])
    print(f"  by minimum: printer code adds {min(times['+ printer code (service, adapter, receipts)']) - base:.1f} ms; "
          f"escpos adds {min(times['+ escpos (what a print adds, lazily)']) - base:.1f} ms (kept off the start-up path)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--imports", type=int, default=7)
    args = parser.parse_args()
    receipts(args.runs)
    previews(max(5, args.runs // 20))
    startup(args.imports)


if __name__ == "__main__":
    main()
