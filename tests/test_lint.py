"""The code stays lint-clean: ruff (pinned in pyproject.toml, rules in [tool.ruff]) over everything we write, and
mypy (pinned, config in [tool.mypy]) over the kiosk and the central service."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "--output-format", "concise", "kiosk", "central", "tests", "bench",
                             "scripts"], check=False, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    """About 11 s cold (no .mypy_cache, as in CI), under 1 s warm, niced on a busy 2-CPU machine."""
    mypy = Path(sys.executable).with_name("mypy")
    result = subprocess.run([str(mypy), "kiosk", "central"], check=False, capture_output=True, text=True, cwd=ROOT,
                            timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
