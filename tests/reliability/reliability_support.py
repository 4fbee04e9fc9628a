"""Shared helpers of the reliability suite (a uniquely named module: tests never `from conftest import`).

`record_figures(name, figures)` prints one line and, with RELIABILITY_RECORD=1 in the environment, merges the
figures into results/<name>.json, which docs/RELIABILITY.md cites; every figure there comes from a run of these
tests. Without it a run only prints (an everyday test run leaves the tracked results alone).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
for extra in (REPO / "tests", REPO / "tests" / "api"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

RESULTS = Path(__file__).with_name("results")


def record_figures(name: str, case: str, figures: dict[str, Any]) -> None:
    """Print the figures of one case; with RELIABILITY_RECORD=1 also store them under results/<name>.json[case]
    (with the run date)."""
    print(f"\n[{name}] {case}: " + ", ".join(f"{k}={v}" for k, v in figures.items()))
    if os.environ.get("RELIABILITY_RECORD") != "1":
        return
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data[case] = dict(figures, recorded_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path)


def wait_until(predicate: Any, timeout: float = 30.0, interval: float = 0.02) -> bool:
    """Poll a condition with a deadline (never a bare sleep)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())
