"""Children die with a hard-killed kiosk (Linux): the demo's embedded central service and the catalogue build
worker. Before, both outlived a SIGKILLed kiosk for good: the service kept its port (8600 in the demo) until
killed by hand; the build worker (and with it multiprocessing's resource tracker) blocked on a queue only the
dead kiosk read.

A stand-in kiosk (orphan_parent.py) starts the child the way the kiosk does, from a thread; the test SIGKILLs
the stand-in and waits, with a generous deadline, until its children are gone. Outcome only, no timing.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from helpers.central_server import free_port
from reliability_support import REPO, wait_until

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="dying with the parent is Linux-only")

PARENT = Path(__file__).with_name("orphan_parent.py")
GONE_WITHIN_S = 30.0  # generous: the service stops itself within about a second, then shuts down


def stat(pid: int) -> list[str] | None:
    """/proc/PID/stat fields after the command name (field 3 is [0]), None when the process is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def identity(pid: int) -> str | None:
    fields = stat(pid)
    return fields[19] if fields else None  # start time: a recycled pid is another process


def alive(pid: int, start: str) -> bool:
    fields = stat(pid)
    return fields is not None and fields[19] == start and fields[0] != "Z"  # a zombie has exited


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = stat(int(entry.name))
            if fields is not None and int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def cpu_seconds(pid: int) -> float:
    fields = stat(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else 0.0


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


@pytest.fixture()
def stand_in() -> Iterator[list[tuple[subprocess.Popen[str], dict[int, str]]]]:
    """Started stand-ins and the children recorded for them; whatever survives a failed test is killed here,
    by pid (and only if it is still the same process)."""
    started: list[tuple[subprocess.Popen[str], dict[int, str]]] = []
    yield started
    for parent, kids in started:
        if parent.poll() is None:
            parent.kill()
            parent.wait(10)
        for pipe in (parent.stdin, parent.stdout):
            if pipe is not None:
                pipe.close()
        for pid, start in kids.items():
            if alive(pid, start):
                os.kill(pid, signal.SIGKILL)


def start_parent(stand_in: list[tuple[subprocess.Popen[str], dict[int, str]]], *args: str) -> tuple[
        subprocess.Popen[str], dict[str, int], dict[int, str]]:
    env = dict(os.environ)
    env.pop("CENTRAL_PARENT_PID", None)
    parent = subprocess.Popen([sys.executable, str(PARENT), *args], cwd=REPO, env=env, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    kids: dict[int, str] = {}
    stand_in.append((parent, kids))
    assert parent.stdout is not None
    line = parent.stdout.readline()
    assert line, f"the stand-in kiosk exited ({parent.wait(10)})"
    return parent, json.loads(line), kids


def sigkill_and_wait_for(parent: subprocess.Popen[str], kids: dict[int, str]) -> list[str]:
    parent.send_signal(signal.SIGKILL)
    parent.wait(10)
    wait_until(lambda: not any(alive(pid, start) for pid, start in kids.items()), timeout=GONE_WITHIN_S,
               interval=0.1)
    return [f"{pid}: {cmdline(pid)}" for pid, start in kids.items() if alive(pid, start)]


def port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: TIME_WAIT does not count
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def test_embedded_central_service_dies_with_a_killed_kiosk_and_frees_its_port(
        stand_in: list[tuple[subprocess.Popen[str], dict[int, str]]], tmp_path: Path) -> None:
    port = free_port()
    parent, started, kids = start_parent(stand_in, "central", str(tmp_path), str(port))
    pid = started["child"]
    start = identity(pid)
    assert start is not None
    kids[pid] = start
    # it outlives the thread that started it (the kiosk's pool threads come and go)
    assert requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=10).status_code == 200
    survivors = sigkill_and_wait_for(parent, kids)
    assert survivors == [], f"outlived the killed kiosk: {survivors}"
    assert wait_until(lambda: port_free(port), timeout=GONE_WITHIN_S), f"port {port} still held"


def test_catalogue_build_worker_dies_with_a_killed_kiosk(
        stand_in: list[tuple[subprocess.Popen[str], dict[int, str]]]) -> None:
    parent, _started, kids = start_parent(stand_in, "build", "40000")  # ~20 s of pinyin: killed well before

    def worker() -> int | None:
        for pid in children(parent.pid):
            if "spawn_main" in cmdline(pid):
                return pid
        return None

    # the worker is at work: spawned, started (pypinyin imported), computing
    assert wait_until(lambda: (w := worker()) is not None and cpu_seconds(w) >= 1.0, timeout=120, interval=0.1)
    for pid in children(parent.pid):  # the worker and multiprocessing's resource tracker
        start = identity(pid)
        if start is not None:
            kids[pid] = start
    survivors = sigkill_and_wait_for(parent, kids)
    assert survivors == [], f"outlived the killed kiosk: {survivors}"
