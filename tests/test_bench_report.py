"""bench/run_all.py --rewrite: a soak that ends after the suite's run is put into docs/BENCHMARKS.md beside that
run's stored figures, without running any benchmark again."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import run_all  # bench/ is not a package: found through sys.path above

STORED = ROOT / "bench" / "results"
SOAK = STORED / "soak-7541-b8-1ff2973.json"  # a finished soak kept in the repository


@pytest.fixture
def results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the stored run (run_all.json and the benchmarks' JSON files) that the rewrite may change."""
    folder = tmp_path / "results"
    folder.mkdir()
    for name in ("run_all", "journeys_memory", "transitions", "idle_cpu", "frozen_build"):
        shutil.copy(STORED / f"{name}.json", folder)
    monkeypatch.setattr(run_all, "RESULTS", folder)
    monkeypatch.setattr(run_all, "DOC", tmp_path / "BENCHMARKS.md")

    def no_benchmark_runs(bench: run_all.Bench, quick: bool) -> None:
        raise AssertionError(f"--rewrite ran {bench.name}")

    monkeypatch.setattr(run_all, "run", no_benchmark_runs)
    return folder


def rewrite(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["run_all.py", *args])
    return run_all.main()


def test_rewrite_keeps_the_stored_run_and_puts_the_new_soak_beside_it(
        results: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stored = json.loads((results / "run_all.json").read_text(encoding="utf-8"))
    startup = next(b for b in stored["benches"] if b["name"] == "startup_memory")

    assert rewrite(monkeypatch, "--rewrite", "--soak-json", str(SOAK)) == 0

    page = run_all.DOC.read_text(encoding="utf-8")
    assert startup["output"] in page                                   # a stored figure, as printed then
    assert f"commit {stored['machine']['commit']}" in page             # the machine and commit of that run
    assert "page rewritten" in page and "without re-running" in page   # and the page says what was done
    assert "7541 sessions in 137 min" in page                          # the new soak's row
    assert "### soak (not run here: results of an earlier run, bench/results/soak-7541-b8-1ff2973.json)" in page
    assert "Every figure comes from this one run of\nthe suite except the soak's" in page
    rows = [line for line in page.splitlines() if line.startswith("| cold start")]
    assert len(rows) == 1 and "bare" in rows[0]                        # the stored run's rows are all there

    written = json.loads((results / "run_all.json").read_text(encoding="utf-8"))
    assert written["machine"] == stored["machine"]
    assert "--rewrite" in written["command"]
    soak = next(b for b in written["benches"] if b["name"] == "soak")
    assert "soak-7541-b8-1ff2973.json" in soak["output"]


def test_rewrite_without_a_soak_is_refused(results: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        rewrite(monkeypatch, "--rewrite")
    assert exit_info.value.code == 2
    assert "--rewrite needs --soak-json" in capsys.readouterr().err
    assert not run_all.DOC.exists()
