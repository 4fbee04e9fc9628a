"""Benchmark (prints figures, never fails on timings): seeding the Liuyang catalogue, a full catalogue
fetch, a 304 revalidation and incremental fetches, against the real reference service on loopback.

    .venv/bin/python bench/central_catalogue.py [--db postgresql+psycopg://...] [--rounds 5]
Without --db a temporary SQLite file is used. A given database is RESET (dropped and reseeded).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from helpers.central_server import CentralServer, signed_headers

from central.db.engine import make_engine, reset_schema
from central.seed import ensure_seeded


def timed(fn: Callable[[], Any], rounds: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return times, result


def fmt(times: list[float]) -> str:
    return f"median {statistics.median(times):7.1f} ms  (min {min(times):.1f}, max {max(times):.1f}, n={len(times)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="database URL to reset and use (default: temporary SQLite)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="central-bench-"))
    db_url = args.db or f"sqlite:///{workdir / 'bench.sqlite3'}"

    engine = make_engine(db_url)
    seed_times = []
    for _ in range(3):
        reset_schema(engine)
        start = time.perf_counter()
        ensure_seeded(engine)
        seed_times.append((time.perf_counter() - start) * 1000)
    engine.dispose()
    backend = db_url.split(":", 1)[0]
    print(f"backend: {backend}")
    print(f"seed (1,521 TSV rows + hand-written items, regions, units, providers): {fmt(seed_times)}")

    server = CentralServer(workdir, db_url=db_url if args.db else None, test_hooks=False)
    start = time.perf_counter()
    server.start()
    print(f"server start incl. first-start seeding: {(time.perf_counter() - start) * 1000:.0f} ms")
    session = requests.Session()
    path = "/api/v1/catalogue/items"

    def get(p: str, extra: dict[str, str] | None = None, gzip: bool = True) -> requests.Response:
        h = signed_headers("GET", p)
        h["Accept-Encoding"] = "gzip" if gzip else "identity"
        h.update(extra or {})
        r = session.get(server.url + p, headers=h, timeout=60)
        _ = r.content
        return r

    try:
        t_full, full = timed(lambda: get(path), args.rounds)
        body = full.json()
        wire = int(full.headers.get("content-length", 0) or 0)
        print(f"full fetch ({body['count']} items, {len(full.content) / 1024:.0f} KiB JSON, "
              f"{wire / 1024:.0f} KiB gzip on the wire): {fmt(t_full)}")
        t_plain, plain = timed(lambda: get(path, gzip=False), args.rounds)
        print(f"full fetch without gzip ({int(plain.headers.get('content-length', 0)) / 1024:.0f} KiB): {fmt(t_plain)}")
        etag = full.headers["ETag"]
        t_304, r304 = timed(lambda: get(path, {"If-None-Match": etag}), args.rounds)
        print(f"revalidation with If-None-Match -> {r304.status_code}: {fmt(t_304)}")
        since = quote(body["as_of"])
        t_none, none = timed(lambda: get(f"{path}?since={since}"), args.rounds)
        print(f"incremental, nothing changed ({none.json()['count']} items): {fmt(t_none)}")
        codes = [i["code"] for i in body["items"][:20]]
        for code in codes:
            requests.patch(f"{server.url}/api/v1/office/catalogue/items/{code}", json={"aliases": ["bench"]},
                           headers=server.admin(), timeout=10).raise_for_status()
        t_20, twenty = timed(lambda: get(f"{path}?since={since}"), args.rounds)
        print(f"incremental, 20 items changed ({twenty.json()['count']} items, "
              f"{len(twenty.content) / 1024:.1f} KiB): {fmt(t_20)}")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
