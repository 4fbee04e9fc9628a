"""A stand-in kiosk process for the SIGKILL tests: enqueue some cases, then sync until the queue is empty.

Prints one line per event so the parent can kill it at a random point:
  Q <local_ref>   enqueue returned (committed)
  R               sync worker started
  S <sent> <left> a record was acknowledged and marked
  DONE            queue empty
"""
from __future__ import annotations

import json
import sys

from kiosk.api.client import CentralClient
from kiosk.api.outbox import Outbox
from kiosk.api.sync import SyncWorker


def main() -> int:
    db, key, prefix, url, n_new, payload_file = sys.argv[1:7]
    with open(payload_file, encoding="utf-8") as f:
        payload = json.load(f)
    outbox = Outbox(db, key, ref_prefix=prefix)
    client = CentralClient(url, "LY-DEMO-0001", b"demo-terminal-secret", connect_timeout_s=2, read_timeout_s=10)
    for _ in range(int(n_new)):
        rec = outbox.enqueue("case", payload)
        print("Q", rec.local_ref, flush=True)
    worker = SyncWorker(outbox, client.send_outbox_record, base_delay_s=0.05, max_delay_s=0.2,
                        on_progress=lambda sent, left: print("S", sent, left, flush=True))
    worker.start()
    print("R", flush=True)
    ok = worker.wait_idle(120)
    worker.stop()
    outbox.close()
    print("DONE" if ok else "STUCK", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
