"""Benchmark: flush N queued submissions through the outbox to a local reference server, against a bare
loop of the same signed POSTs without the outbox; plus a full catalogue sync. Prints figures only.

    .venv/bin/python bench/api_outbox_flush.py [--n 1000] [--runs 3]

The server is the real reference service (uvicorn, SQLite, synchronous=FULL) on 127.0.0.1:<free port>.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kiosk.api.catalogue_sync import sync_catalogue
from kiosk.api.client import CentralClient
from kiosk.api.outbox import Outbox
from kiosk.api.sync import SyncWorker

TERMINAL, SECRET = "LY-DEMO-0001", b"demo-terminal-secret"


def start_server(workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, CENTRAL_DB_URL=f"sqlite:///{workdir / 'central.sqlite3'}")
    with (workdir / "central.log").open("ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "central.app:create_app_from_env", "--factory",
                                 "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                                cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/api/v1/health", timeout=1).status_code == 200:
                return proc, url
        except requests.RequestException:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("reference server did not start")


def case_body(client: CentralClient) -> dict[str, object]:
    for item in client.catalogue_items().items:
        if not item.get("has_guide"):
            continue
        guide = client.guide(item["code"])
        form: dict[str, object] = {}
        ok = True
        for a in guide.attributes:
            if not a.required:
                continue
            if a.datatype in ("singlevaluelist", "multivaluelist") and a.values:
                form[a.code] = a.values[0].key if a.datatype == "singlevaluelist" else [a.values[0].key]
            elif a.datatype == "number":
                form[a.code] = 1
            elif a.datatype == "datetime":
                form[a.code] = "2026-01-05"
            elif a.datatype in ("string", "text") and not a.pattern:
                form[a.code] = "测试"
            else:
                ok = False
        if ok:
            return {"service_code": item["code"], "form": form, "delivery": {"method": "pickup"},
                    "applicant": {"name": "欧阳菊花", "id_number": "430181195803120037", "phone": "13812341234"}}
    raise SystemExit("no fillable guide in the seed")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-api-"))
    proc, url = start_server(work)
    try:
        client = CentralClient(url, TERMINAL, SECRET, read_timeout_s=30)
        body = case_body(client)
        enqueue_rates, flush_rates, bare_rates, get_rates = [], [], [], []

        def outbox_run(run: int) -> None:
            ob = Outbox(work / f"run{run}" / "outbox.sqlite3", work / f"key{run}" / "outbox.key",
                        ref_prefix=f"B{run}")
            t0 = time.perf_counter()
            for _ in range(args.n):
                ob.enqueue("case", body)
            enqueue_rates.append(args.n / (time.perf_counter() - t0))
            worker = SyncWorker(ob, client.send_outbox_record)
            t0 = time.perf_counter()
            worker.start()
            assert worker.wait_idle(3600)
            flush_rates.append(args.n / (time.perf_counter() - t0))
            worker.stop()
            assert worker.status().sent_total == args.n
            ob.close()

        def bare_run() -> None:
            t0 = time.perf_counter()
            for _ in range(args.n):
                client.submit_case(body, str(uuid.uuid4()))
            bare_rates.append(args.n / (time.perf_counter() - t0))

        for run in range(args.runs):  # alternate the order: the server's database grows as runs go on
            if run % 2 == 0:
                outbox_run(run)
                bare_run()
            else:
                bare_run()
                outbox_run(run)
            t0 = time.perf_counter()
            for _ in range(200):
                client.evaluation_tags()
            get_rates.append(200 / (time.perf_counter() - t0))
        print(f"outbox enqueue (COMMIT, synchronous=FULL): median {statistics.median(enqueue_rates):7.1f} /s "
              f"(runs: {', '.join(f'{r:.1f}' for r in enqueue_rates)})")
        print(f"outbox flush of {args.n} submissions:    median {statistics.median(flush_rates):7.1f} /s "
              f"(runs: {', '.join(f'{r:.1f}' for r in flush_rates)})")
        print(f"bare loop of {args.n} signed POSTs:       median {statistics.median(bare_rates):7.1f} /s "
              f"(runs: {', '.join(f'{r:.1f}' for r in bare_rates)})")
        print(f"outbox flush / bare loop: {statistics.median(flush_rates) / statistics.median(bare_rates):.2f}")
        print(f"server floor, signed GET (one nonce insert): median {statistics.median(get_rates):7.1f} /s")

        from kiosk.catalogue.store import CatalogueStore

        list_times, sync_times, guide_times = [], [], []
        for run in range(args.runs):
            t0 = time.perf_counter()
            page = client.catalogue_items()
            list_times.append(time.perf_counter() - t0)
            with CatalogueStore(work / f"cat{run}.sqlite3") as store:
                t0 = time.perf_counter()
                sync_catalogue(client, store, prefetch_guides=False)
                sync_times.append(time.perf_counter() - t0)
            with CatalogueStore(work / f"catg{run}.sqlite3") as store:
                t0 = time.perf_counter()
                res = sync_catalogue(client, store)
                guide_times.append(time.perf_counter() - t0)
        print(f"catalogue: full list of {len(page.items)} items fetched+parsed: median "
              f"{statistics.median(list_times) * 1000:.0f} ms")
        print(f"catalogue: full sync into CatalogueStore (index built): median {statistics.median(sync_times):.2f} s")
        print(f"catalogue: full sync + {res.guides_fetched} guides cached: median {statistics.median(guide_times):.2f} s")
        client.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
