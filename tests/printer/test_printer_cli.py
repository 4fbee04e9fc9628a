"""The technician commands as real subprocesses: `python -m kiosk print-test / print-sample / printer-status`."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from escpos_decode import decode

from kiosk.devices.printer.samples import KINDS

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_CONFIG"}
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60, check=False)


def test_print_test_to_a_file(tmp_path: Path) -> None:
    out, png = tmp_path / "test.bin", tmp_path / "test.png"
    proc = run("print-test", "--printer", f"file://{out}", "--preview", str(png))
    assert proc.returncode == 0, proc.stderr
    assert "已打印 / printed: test" in proc.stdout
    r = decode(out.read_bytes())
    assert len(r.chinese_on_offsets) == 1 and r.chinese_on_offsets[0] < r.first_multibyte_offset
    assert r.cuts == 1 and r.qr_payloads == ["LY-DEMO-0001"]
    assert "打印机测试页" in r.lines and "终端编号：LY-DEMO-0001" in r.lines
    assert any(line.startswith("[gb18030] 浏阳市政务服务 ￥㎡①") for line in r.lines)
    assert any(line.startswith("[gbk    ] 浏阳市政务服务 ￥㎡①") for line in r.lines)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("kind", KINDS)
def test_print_sample_each_kind_to_a_file(kind: str, tmp_path: Path) -> None:
    out = tmp_path / f"{kind}.bin"
    proc = run("print-sample", kind, "--printer", f"file://{out}")
    assert proc.returncode == 0, proc.stderr
    r = decode(out.read_bytes())
    assert len(r.chinese_on_offsets) == 1 and r.chinese_on_offsets[0] < r.first_multibyte_offset
    assert r.cuts == 1
    assert not any("?" in line or "\ufffd" in line or "〓" in line for line in r.lines)
    title = {"case": "办件回执", "ticket": "排队号", "appointment": "预约凭证", "guide": "办事指南",
             "progress": "办件进度", "notice": "一次性告知单"}[kind]
    assert r.lines[0] == title
    if kind == "ticket":
        assert r.qr_payloads == []
    else:
        assert len(r.qr_payloads) == 1 and r.qr_payloads[0].startswith("https://zw.liuyang.example/")


def test_silent_printer_is_reported_and_exit_code_is_non_zero(simulator) -> None:  # type: ignore[no-untyped-def]
    simulator.set_silent(True)
    proc = run("printer-status", "--printer", simulator.uri)
    assert proc.returncode == 4
    assert "unknown" in proc.stdout and "did not answer" in proc.stdout and "no reply within" in proc.stdout
    proc = run("print-sample", "case", "--printer", simulator.uri)
    assert proc.returncode == 4 and "NOT printed" in proc.stderr
    assert decode(simulator.received).cuts == 0


def test_paper_out_is_reported(simulator) -> None:  # type: ignore[no-untyped-def]
    simulator.set_paper("out")
    proc = run("printer-status", "--printer", simulator.uri)
    assert proc.returncode == 3 and "paper_out" in proc.stdout and "缺纸" in proc.stdout
    proc = run("print-test", "--printer", simulator.uri)
    assert proc.returncode == 3 and "paper_out" in proc.stderr


def test_status_of_a_healthy_network_printer(simulator) -> None:  # type: ignore[no-untyped-def]
    proc = run("printer-status", "--printer", simulator.uri)
    assert proc.returncode == 0 and "paper_ok" in proc.stdout and "12 12" in proc.stdout


def test_bad_uri_and_file_status_are_explained(tmp_path: Path) -> None:
    proc = run("print-test", "--printer", "lpt1")
    assert proc.returncode == 2 and "Allowed:" in proc.stderr and "tcp://HOST:9100" in proc.stderr
    proc = run("printer-status", "--printer", f"file://{tmp_path}/x.bin")
    assert proc.returncode == 4 and "cannot report status" in proc.stdout
