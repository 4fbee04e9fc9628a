"""The technician's one command and the build's self-test, run as a technician runs them."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers.central_server import CentralServer

ROOT = Path(__file__).resolve().parents[2]


def kiosk(*args: str, env: dict[str, str] | None = None, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], check=False, capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout, env={**os.environ, **(env or {})})


def config_for(tmp_path: Path, central_url: str, printer: str = "sim") -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(textwrap.dedent(f"""
        [terminal]
        id = "LY-DEMO-0001"
        site_name = "测试站点"
        region_code = "430181003"
        [central]
        url = "{central_url}"
        [storage]
        data_dir = "{tmp_path / 'data'}"
        log_dir = "{tmp_path / 'logs'}"
        key_file = "{tmp_path / 'keys' / 'outbox.key'}"
        [devices.idcard]
        port = "sim"
        [devices.printer]
        uri = "{printer}"
    """), encoding="utf-8")
    return path


def test_self_test_passes_from_source() -> None:
    result = kiosk("self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout and result.stdout.count("OK    ") >= 8


def test_doctor_is_green_on_a_working_setup_and_names_a_stopped_central_service(tmp_path: Path) -> None:
    with CentralServer(tmp_path / "central") as server:
        config = config_for(tmp_path, server.url)
        good = kiosk("--config", str(config), "doctor")
        assert good.returncode == 0, good.stdout + good.stderr
        for check in ("读卡器", "打印机", "中心服务", "签名", "时钟", "待上传", "日志"):
            assert any(line.startswith("[OK  ]") and check in line for line in good.stdout.splitlines()), check
        server.stop()
        down = kiosk("--config", str(config), "doctor")
    assert down.returncode == 1
    failed = [line for line in down.stdout.splitlines() if line.startswith("[FAIL]")]
    assert len(failed) == 1 and "中心服务" in failed[0]
    assert "中心服务是否在运行" in down.stdout  # the fix, in plain words


def test_doctor_names_a_silent_printer(tmp_path: Path) -> None:
    import socket

    with socket.socket() as silent:  # accepts connections, never answers a status query
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        with CentralServer(tmp_path / "central") as server:
            result = kiosk("--config", str(config_for(tmp_path, server.url, f"tcp://127.0.0.1:{port}")), "doctor")
    assert result.returncode == 1
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("[FAIL]")]
    assert "打印机" in line and "无应答" in line


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_frozen_build_passes_its_self_test(tmp_path: Path) -> None:
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    assert pyinstaller, "pyinstaller is in the dev dependencies"
    build = subprocess.run([pyinstaller, "--noconfirm", "--log-level", "ERROR", "--distpath", str(tmp_path / "dist"),
                            "--workpath", str(tmp_path / "build"), str(ROOT / "build_kiosk.spec")],
                           check=False, capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    frozen = tmp_path / "dist" / "kiosk" / "kiosk"
    result = subprocess.run([str(frozen), "self-test"], check=False, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "keyboard: Qt Virtual Keyboard with Pinyin loads" in result.stdout
