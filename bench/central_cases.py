"""Benchmark (prints figures): signed, idempotent POST /cases straight at the reference service
(no kiosk outbox), sequential and with a few concurrent clients, plus replays of the same keys; then the
same cases through POST /cases/batch (`--batch` per request, one client), new and replayed; then
POST /cases/search for the one citizen who made them all: the kiosk's first page against the whole list.

    .venv/bin/python bench/central_cases.py [--db URL] [-n 500] [--threads 4] [--batch 20]
Without --db a temporary SQLite file is used (synchronous=FULL, as in production). A given database is RESET.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from helpers.central_server import CentralServer, signed_headers

BODY: dict[str, Any] = {
    "service_code": "430181-LY-00001",
    "applicant": {"name": "欧阳菊", "id_number": "430181195803120037", "phone": "13812341234"},
    "region_code": "430181110201",
    "form": {"relation": "self", "household_type": "rural", "contact_address": "沙市镇赤马村", "card_type": "new"},
    "delivery": {"method": "pickup"},
}


def post(session: requests.Session, url: str, key: str, ref: str) -> int:
    raw = json.dumps({**BODY, "local_reference": ref}, ensure_ascii=False).encode()
    h = signed_headers("POST", "/api/v1/cases", raw)
    h.update({"Idempotency-Key": key, "Content-Type": "application/json"})
    return session.post(url + "/api/v1/cases", data=raw, headers=h, timeout=30).status_code


def post_batch(session: requests.Session, url: str, chunk: list[tuple[str, str]]) -> dict[int, int]:
    items = [{"idempotency_key": key, "case": {**BODY, "local_reference": ref}} for key, ref in chunk]
    raw = json.dumps({"items": items}, ensure_ascii=False).encode()
    h = signed_headers("POST", "/api/v1/cases/batch", raw)
    h["Content-Type"] = "application/json"
    r = session.post(url + "/api/v1/cases/batch", data=raw, headers=h, timeout=60)
    r.raise_for_status()
    statuses: dict[int, int] = {}
    for res in r.json()["results"]:
        statuses[res["status"]] = statuses.get(res["status"], 0) + 1
    return statuses


def run_batches(url: str, jobs: list[tuple[str, str]], size: int) -> tuple[float, dict[int, int]]:
    statuses: dict[int, int] = {}
    start = time.perf_counter()
    with requests.Session() as s:
        for i in range(0, len(jobs), size):
            for code, n in post_batch(s, url, jobs[i:i + size]).items():
                statuses[code] = statuses.get(code, 0) + n
    return time.perf_counter() - start, statuses


def search(session: requests.Session, url: str, limit: int, cursor: str | None) -> tuple[float, int, Any]:
    body: dict[str, Any] = {"id_number": BODY["applicant"]["id_number"], "limit": limit}
    if cursor:
        body["cursor"] = cursor
    raw = json.dumps(body).encode()
    h = signed_headers("POST", "/api/v1/cases/search", raw)
    h["Content-Type"] = "application/json"
    start = time.perf_counter()
    r = session.post(url + "/api/v1/cases/search", data=raw, headers=h, timeout=60)
    r.raise_for_status()
    return time.perf_counter() - start, len(r.content), r.json()


def search_figures(url: str, rounds: int = 15) -> None:
    """The kiosk's first page (40, newest first) against every page of 100 walked with the cursor (what one
    unpaged answer held before the paging)."""
    first: list[float] = []
    walk: list[float] = []
    with requests.Session() as s:
        for _ in range(rounds):
            secs, size, data = search(s, url, 40, None)
            first.append(secs)
            total_s, total_b, count, cursor = 0.0, 0, 0, None
            while True:
                secs, nbytes, data = search(s, url, 100, cursor)
                total_s, total_b, count = total_s + secs, total_b + nbytes, count + len(data["cases"])
                cursor = data["next_cursor"]
                if cursor is None:
                    break
            walk.append(total_s)
    print(f"case search, one citizen with {count} cases: first page of 40 median {statistics.median(first) * 1000:.1f} ms "
          f"({size} B); all {count} in pages of 100 median {statistics.median(walk) * 1000:.1f} ms ({total_b} B), "
          f"{rounds} rounds")


def run(url: str, jobs: list[tuple[str, str]], threads: int) -> tuple[float, dict[int, int]]:
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    chunks = [jobs[i::threads] for i in range(threads)]

    def worker(chunk: list[tuple[str, str]]) -> None:
        with requests.Session() as s:
            for key, ref in chunk:
                code = post(s, url, key, ref)
                with lock:
                    statuses[code] = statuses.get(code, 0) + 1

    start = time.perf_counter()
    ts = [threading.Thread(target=worker, args=(c,)) for c in chunks]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - start, statuses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db")
    parser.add_argument("-n", type=int, default=500)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--batch", type=int, default=20)
    args = parser.parse_args()
    server = CentralServer(Path(tempfile.mkdtemp(prefix="central-bench-")), db_url=args.db, test_hooks=False)
    server.start()
    try:
        print(f"backend: {(args.db or 'sqlite').split(':')[0]}")
        for threads in (1, args.threads):
            jobs = [(str(uuid.uuid4()), f"BENCH-{threads}-{i}") for i in range(args.n)]
            secs, statuses = run(server.url, jobs, threads)
            print(f"{args.n} new cases, {threads} client(s): {args.n / secs:6.0f} cases/s "
                  f"({secs * 1000 / args.n:.1f} ms each), statuses {statuses}")
            secs, statuses = run(server.url, jobs, threads)
            print(f"{args.n} replays of the same keys, {threads} client(s): {args.n / secs:6.0f} req/s, statuses {statuses}")
        jobs = [(str(uuid.uuid4()), f"BENCH-B-{i}") for i in range(args.n)]
        secs, statuses = run_batches(server.url, jobs, args.batch)
        print(f"{args.n} new cases in batches of {args.batch}, 1 client: {args.n / secs:6.0f} cases/s "
              f"({secs * 1000 / args.n:.2f} ms each), item statuses {statuses}")
        secs, statuses = run_batches(server.url, jobs, args.batch)
        print(f"{args.n} replays in batches of {args.batch}, 1 client: {args.n / secs:6.0f} items/s, "
              f"item statuses {statuses}")
        total = server.query("SELECT COUNT(*) FROM cases")[0][0]
        print(f"cases in the database: {total} (expected {3 * args.n})")
        search_figures(server.url)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
