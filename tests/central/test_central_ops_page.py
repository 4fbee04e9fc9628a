"""The ops page: every terminal with its health, problems first, in a real headless browser (Chromium)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import requests
from helpers.central_server import (
    ADMIN_TOKEN,
    DEMO_SECRET,
    DEMO_TERMINAL_ID,
    VILLAGE_SECRET,
    VILLAGE_TERMINAL_ID,
    CentralServer,
    signed_headers,
)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def heartbeat(server: CentralServer, terminal: str, secret: str, **overrides: object) -> None:
    beat = {"version": "0.1.0", "uptime_s": 600, "devices": {"reader": "ok", "printer": "ok", "central": "ok"},
            "paper": "ok", "outbox_depth": 0, "last_errors": [], **overrides}
    body = json.dumps(beat).encode()
    path = "/api/v1/terminals/heartbeat"
    reply = requests.post(server.url + path, data=body, timeout=10, headers={
        "Content-Type": "application/json", **signed_headers("POST", path, body, terminal_id=terminal, secret=secret)})
    assert reply.status_code == 200, reply.text


def browse(url: str) -> str:
    assert CHROMIUM, "chromium is installed by scripts/setup.sh"
    with tempfile.TemporaryDirectory(prefix="ops-chromium-") as profile:
        result = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--dump-dom", url],
            check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.timeout(400)
def test_ops_page_lists_terminals_with_problems_first(tmp_path: Path) -> None:
    with CentralServer(tmp_path) as server:
        heartbeat(server, DEMO_TERMINAL_ID, DEMO_SECRET)
        heartbeat(server, VILLAGE_TERMINAL_ID, VILLAGE_SECRET, paper="out",
                  devices={"reader": "error", "printer": "ok", "central": "ok"}, outbox_depth=3)
        assert requests.get(server.url + "/ops", timeout=10).status_code == 401       # not without the token
        assert requests.get(server.url + "/ops?token=wrong", timeout=10).status_code == 401
        dom = browse(f"{server.url}/ops?token={ADMIN_TOKEN}")
    order = re.findall(r"data-terminal=\"([^\"]+)\"", dom)
    assert order[0] == VILLAGE_TERMINAL_ID and DEMO_TERMINAL_ID in order
    village_row = dom[dom.index(f'data-terminal="{VILLAGE_TERMINAL_ID}"'):].split("</tr>")[0]
    assert "读卡器故障" in village_row and "打印机缺纸" in village_row and "3 条申请待上传" in village_row
    demo_row = dom[dom.index(f'data-terminal="{DEMO_TERMINAL_ID}"'):].split("</tr>")[0]
    assert "正常" in demo_row
    assert "台有问题" in dom
