"""Coverage-guided fuzzing with atheris (libFuzzer) of the card decoder and frame receiver, as a child
process (libFuzzer owns the process). Quick: 50,000 runs; slow: 1,000,000 runs (about 80 s here)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_support import REPO, record_figures

SCRIPT = str(Path(__file__).with_name("atheris_card.py"))


def _fuzz(runs: int, seed: int, tmp_path: Path) -> None:
    pytest.importorskip("atheris", reason="atheris is pinned for Linux/CPython 3.11 only (pyproject dev group)")
    out = subprocess.run([sys.executable, SCRIPT, f"-runs={runs}", f"-seed={seed}", f"-artifact_prefix={tmp_path}/"],
                         cwd=REPO, capture_output=True, text=True, timeout=900, check=False)
    log = out.stdout + out.stderr
    assert out.returncode == 0, log[-4000:]
    done = re.search(r"Done (\d+) runs in (\d+) second", log)
    cov = re.findall(r"cov: (\d+) ft: (\d+)", log)
    assert done and int(done.group(1)) == runs, log[-2000:]
    record_figures("fuzz", f"atheris_card_{runs}", {"runs": runs, "seconds": int(done.group(2)),
                                                   "edges_covered": int(cov[-1][0]) if cov else None,
                                                   "features": int(cov[-1][1]) if cov else None, "crashes": 0})


def test_atheris_card_decoder_quick(tmp_path: Path) -> None:
    _fuzz(50_000, 1, tmp_path)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_atheris_card_decoder_1m(tmp_path: Path) -> None:
    _fuzz(1_000_000, 2, tmp_path)
