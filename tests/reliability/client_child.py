"""Child process for the hostile-server tests: one client call, then its outcome, time and memory as JSON.

Usage: client_child.py URL CALL   (CALL: server_time | catalogue_items | lookup_case | submit_case | guide)
A separate process so that peak RSS (VmHWM) measures this call alone.
"""
from __future__ import annotations

import json
import sys
import threading
import time


def vm(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    url, call = sys.argv[1:3]
    from kiosk.api.client import CentralClient
    from kiosk.api.errors import ApiError

    client = CentralClient(url, "LY-DEMO-0001", b"demo-terminal-secret", connect_timeout_s=1, read_timeout_s=2,
                           lookup_deadline_s=6, get_retries=0)
    calls = {
        "server_time": lambda: client.server_time(),
        "catalogue_items": lambda: client.catalogue_items(),
        "lookup_case": lambda: client.lookup_case("LY20260101000001", "1234"),
        "submit_case": lambda: client.submit_case({"service_code": "X"}, "00000000-0000-4000-8000-000000000000"),
        "guide": lambda: client.guide("X"),
    }
    base = vm("VmRSS")
    t0 = time.monotonic()
    outcome: dict[str, object] = {}
    try:
        calls[call]()
        outcome["result"] = "returned"
    except ApiError as exc:
        outcome.update(result="typed_error", error=type(exc).__name__, code=exc.code)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent test
        outcome.update(result="untyped_error", error=type(exc).__name__, detail=str(exc)[:200])
    outcome["elapsed_s"] = round(time.monotonic() - t0, 2)
    # An abandoned background read (past a deadline) would keep growing: look again a moment later.
    time.sleep(1)
    outcome.update(base_rss_mb=round(base, 1), peak_rss_mb=round(vm("VmHWM"), 1),
                   threads_left=threading.active_count())
    print(json.dumps(outcome), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
