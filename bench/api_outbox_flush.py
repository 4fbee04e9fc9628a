"""Benchmark: flush N queued submissions through the outbox to a local reference server, against bare
loops of the same signed POSTs without the outbox; plus a full catalogue sync. Prints figures only.

    .venv/bin/python bench/api_outbox_flush.py [--n 1000] [--runs 3] [--batch 20] [--db URL]

Four paths, each run `--runs` times in the same server, in rotating order (the database grows as runs go on):
- bare loop: POST /cases one at a time, no outbox (the per-request floor of the server);
- outbox one by one: the SyncWorker sending each record with POST /cases (batching off);
- bare batches: POST /cases/batch with `--batch` cases per request, no outbox;
- outbox batched: the SyncWorker as the kiosk runs it (runs of queued cases go in POST /cases/batch).
The server is the real reference service (uvicorn; SQLite with synchronous=FULL, or --db, e.g. PostgreSQL,
whose database is RESET) on 127.0.0.1:<free port>.
"""
from __future__ import annotations

import argparse
import functools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kiosk.api.catalogue_sync import sync_catalogue
from kiosk.api.client import CentralClient
from kiosk.api.outbox import Outbox
from kiosk.api.sync import SyncWorker

TERMINAL, SECRET = "LY-DEMO-0001", b"demo-terminal-secret"


def start_server(workdir: Path, db_url: str | None = None) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    if db_url and not db_url.startswith("sqlite"):
        from central.db.engine import make_engine, reset_schema
        engine = make_engine(db_url)
        reset_schema(engine)
        engine.dispose()
    env = dict(os.environ, CENTRAL_DB_URL=db_url or f"sqlite:///{workdir / 'central.sqlite3'}")
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


def _fmt(rates: list[float]) -> str:
    return f"median {statistics.median(rates):7.1f} /s (runs: {', '.join(f'{r:.1f}' for r in rates)})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=20, help="cases per POST /cases/batch (the SyncWorker's batch_size)")
    ap.add_argument("--db", help="database URL of the server (default: a fresh SQLite file); a given one is RESET")
    ap.add_argument("--no-catalogue", action="store_true", help="skip the catalogue figures")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-api-"))
    proc, url = start_server(work, args.db)
    try:
        client = CentralClient(url, TERMINAL, SECRET, read_timeout_s=30)
        body = case_body(client)
        rates: dict[str, list[float]] = {k: [] for k in ("enqueue", "bare", "outbox", "bare_batch", "outbox_batch")}
        get_rates: list[float] = []

        def outbox_run(run: int, batched: bool) -> None:
            tag = f"{run}{'b' if batched else 's'}"
            ob = Outbox(work / f"run{tag}" / "outbox.sqlite3", work / f"key{tag}" / "outbox.key", ref_prefix=f"B{tag}")
            t0 = time.perf_counter()
            for _ in range(args.n):
                ob.enqueue("case", body)
            rates["enqueue"].append(args.n / (time.perf_counter() - t0))
            worker = SyncWorker(ob, client.send_outbox_record, batch_sender="auto" if batched else None,
                                batch_size=args.batch)
            t0 = time.perf_counter()
            worker.start()
            assert worker.wait_idle(3600)
            rates["outbox_batch" if batched else "outbox"].append(args.n / (time.perf_counter() - t0))
            worker.stop()
            assert worker.status().sent_total == args.n and worker.status().failed_total == 0
            ob.close()

        def bare_run() -> None:
            t0 = time.perf_counter()
            for _ in range(args.n):
                client.submit_case(body, str(uuid.uuid4()))
            rates["bare"].append(args.n / (time.perf_counter() - t0))

        def bare_batch_run() -> None:
            t0 = time.perf_counter()
            for start in range(0, args.n, args.batch):
                answers = client.submit_cases([(str(uuid.uuid4()), body)
                                               for _ in range(min(args.batch, args.n - start))])
                assert not any(isinstance(a, Exception) for a in answers)
            rates["bare_batch"].append(args.n / (time.perf_counter() - t0))

        for run in range(args.runs):  # rotate the order: the server's database grows as runs go on
            paths: list[Callable[[], None]] = [bare_run, functools.partial(outbox_run, run, False), bare_batch_run,
                                               functools.partial(outbox_run, run, True)]
            for i in range(len(paths)):
                paths[(i + run) % len(paths)]()
            t0 = time.perf_counter()
            for _ in range(200):
                client.evaluation_tags()
            get_rates.append(200 / (time.perf_counter() - t0))
        med = {k: statistics.median(v) for k, v in rates.items()}
        print(f"server: {(args.db or 'sqlite (synchronous=FULL)').split('@')[-1]}; {args.n} submissions per path, "
              f"{args.runs} runs, batch size {args.batch}")
        print(f"outbox enqueue (COMMIT, synchronous=FULL): {_fmt(rates['enqueue'])}")
        # The next two lines keep their wording: bench/run_all.py parses them (one POST per record, both).
        print(f"bare loop of {args.n} signed POSTs:       {_fmt(rates['bare'])}")
        print(f"outbox flush of {args.n} submissions:    {_fmt(rates['outbox'])}  [one POST /cases per record]")
        print(f"  overhead vs bare loop: {med['bare'] / med['outbox']:.2f}x")
        print(f"bare loop of POST /cases/batch ({args.batch}/request): {_fmt(rates['bare_batch'])}")
        print(f"outbox flush, batched ({args.batch}/request, as the kiosk runs): {_fmt(rates['outbox_batch'])}")
        print(f"  overhead vs bare batches: {med['bare_batch'] / med['outbox_batch']:.2f}x; "
              f"vs bare single loop: {med['bare'] / med['outbox_batch']:.2f}x (below 1 = faster)")
        print(f"server floor, signed GET (one nonce insert): median {statistics.median(get_rates):7.1f} /s")
        if args.no_catalogue:
            client.close()
            return 0

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
