"""The demo's embedded central service: the reference service (`python -m central`) as a child process.

A child process rather than a thread: the kiosk keeps its memory and GIL to itself, and the demo can stop
and restart the service to show the kiosk working offline. It dies with the kiosk, even a hard-killed one
(SIGKILL, os._exit), so port 8600 is never left held: CENTRAL_PARENT_PID makes the service watch the kiosk's
pid and stop itself (central/cli.py). Not PR_SET_PDEATHSIG: start() runs on a pool thread, and that signal
comes when the starting *thread* ends (kiosk/parent_death.py). Not part of a frozen build (central/ is not
bundled): there `url = "embedded"` is refused with a message telling the technician to set the real URL.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

log = logging.getLogger(__name__)
HOST, PORT = "127.0.0.1", 8600


class EmbeddedCentralUnavailable(RuntimeError):
    pass


def _healthy(url: str, timeout: float = 0.5) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/v1/health", timeout=timeout) as reply:  # loopback
            return reply.status == 200
    except OSError:
        return False


class EmbeddedCentral:
    def __init__(self, data_dir: Path, port: int = PORT) -> None:
        self.url = f"http://{HOST}:{port}"
        self.port = port
        self.db = data_dir / "central-demo.sqlite3"
        self.log_path = data_dir / "central-demo.log"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def running(self) -> bool:
        return _healthy(self.url)

    def start(self, wait_s: float = 60.0) -> None:
        """Start the service unless one already answers on the port; wait until it is healthy. Blocking."""
        if getattr(sys, "frozen", False):
            raise EmbeddedCentralUnavailable('[central] url = "embedded" works only from source; set the '
                                             "central service's URL in the config")
        if _healthy(self.url):
            log.info("central service already running at %s", self.url)
            return
        env = dict(os.environ, CENTRAL_PARENT_PID=str(os.getpid()))  # stop when the kiosk is gone
        with self.log_path.open("ab") as out:
            self._process = subprocess.Popen(  # our own module
                [sys.executable, "-m", "central", "serve", "--db", str(self.db), "--host", HOST,
                 "--port", str(self.port)], stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise EmbeddedCentralUnavailable(f"the embedded central service exited; see {self.log_path}")
            if _healthy(self.url):
                log.info("embedded central service up at %s", self.url)
                return
            time.sleep(0.2)
        raise EmbeddedCentralUnavailable(f"the embedded central service did not answer; see {self.log_path}")

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(5)
        self._process = None
