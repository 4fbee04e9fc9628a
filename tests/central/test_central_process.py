"""The server started by a test process goes away when that process dies without cleaning up."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

STARTER = """
import os, sys
sys.path[:0] = [sys.argv[1] + "/tests", sys.argv[1]]
from pathlib import Path
from helpers.central_server import CentralServer
server = CentralServer(Path(sys.argv[2]))
server.start()
print(server.proc.pid, flush=True)
os._exit(0)  # die without stopping the server
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie of an already-exited server counts as gone.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


def test_server_exits_when_the_test_process_dies(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-c", STARTER, str(REPO), str(tmp_path)], capture_output=True, text=True,
                         timeout=120, check=True)
    pid = int(out.stdout.strip())
    deadline = time.monotonic() + 20
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)  # condition poll with a deadline: the orphan notices its parent is gone
    assert not _alive(pid)
