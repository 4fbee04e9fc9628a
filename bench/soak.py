"""7x24 soak: simulated citizen sessions through the REAL screens offscreen, against the reference central
service, the simulated reader (pty) and the simulated printer (socket); reports the slope per 1,000
sessions after warm-up of RSS, Python objects, QObjects/widgets, threads, file descriptors and WAL sizes, and
where memory grows: malloc's bytes in use and free (mallinfo2) and RSS by kind of mapping (main heap,
anonymous maps such as the worker threads' malloc arenas, files).

    .venv/bin/python bench/soak.py [--sessions 10000] [--minutes 20] [--warmup 20] [--json FILE]

One session = guide (search, open, print) -> apply (identify with the card, form, submit, receipt) on even
sessions or case lookup (identify, list, detail, slip) on odd ones -> evaluation (rate) -> the session ends
(end_session after each journey, as the citizen's home tap does). It stops at --sessions or after --minutes,
whichever comes first, and says exactly what ran. Target: flat; RSS growth under 5 MB over the run.

Pace (what the soak changes from the demo config, all recorded under "soak_settings" in the JSON):
- devices.idcard.poll_interval_s = 0.05 instead of 0.3: the same pty protocol (find / select / read), polled
  more often, so a placed card is seen sooner;
- devices.printer.preview_dir = "" (the deployed default) instead of the demo's "var/receipts": the demo renders
  a PNG preview of every receipt on the printer thread before printing (~0.9 s for a guide) and writes it into
  the working directory;
- the identify screen's success hold (kiosk.screens.identify.SUCCESS_HOLD_MS, 1.5 s showing the masked identity
  before the next screen, with no tap to skip it) is 50 ms;
- the simulated printer's received bytes are cleared at the start of each session (the harness's copy of every
  receipt would otherwise grow by ~KBs per session and be copied on every check);
- every --prune-every sessions the reference service keeps only the newest --keep-cases cases (default 20):
  every session applies with the same sample card, so without pruning the soak grows its own workload instead
  of measuring the kiosk. Before `POST /cases/search` was paged, each case look-up listed every case the soak
  had made (2,870 after 5,700 sessions: 370 ms and a 4.6 MB peak of Python allocations per look-up, measured);
  the kiosk now fetches 40 at a time, but the reference service's database would still grow by a case per
  two sessions;
- between two citizens the soak waits until the window's idle work is done (the home tiles' screens built ahead,
  then the freed heap returned to the OS), as the seconds between two real citizens allow; without the wait the
  next tap cancels that work and every screen is built on the tap.
Every session still goes through the real screens, the reader over a real pty, the printer over a real socket
and the central service over real HTTP.

Progress lines (sessions, rate, RSS, objects) are printed every --every sessions and the JSON (when --json is
given) is rewritten every --json-every sessions, so a killed run leaves its partial results.
"""
from __future__ import annotations

import argparse
import ctypes
import gc
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from journeys_memory import (
    journey_apply,
    journey_case_lookup,
    journey_evaluation,
    journey_guide,
    load_keyboard,
    smaps,
    world,
)


def qobject_census() -> tuple[int, int]:
    """(QApplication.allWidgets(), every QObject reachable from the application and its top-level widgets)."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    roots: list[QObject] = [app, *QApplication.topLevelWidgets()]
    seen = {id(r) for r in roots}
    count = len(roots)
    for root in roots:
        for child in root.findChildren(QObject):
            if id(child) not in seen:
                seen.add(id(child))
                count += 1
    return len(QApplication.allWidgets()), count


def wal_bytes(data_dir: Path, name: str) -> int:
    wal = data_dir / f"{name}-wal"
    return wal.stat().st_size if wal.exists() else 0


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                     "fsmblks", "uordblks", "fordblks", "keepcost")]


def malloc_bytes() -> tuple[int | None, int | None]:
    """(bytes malloc has handed out and not had back, bytes free inside its arenas), from glibc's mallinfo2: it
    reads the heap without changing it, unlike emptying caches, so it can be sampled throughout. Growth of the
    first is live memory (objects, caches such as QPixmapCache); of the second, freed memory not yet returned."""
    try:
        mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):   # not glibc >= 2.33
        return None, None
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return info.uordblks + info.hblkhd, info.fordblks


def sqlite_heap_bytes() -> int | None:
    """Bytes SQLite's allocator holds in this process (sqlite3_memory_used): page caches, schemas and statements of
    the kiosk's databases and of the harness's pruning connection. Separates SQLite's share of malloc's growth."""
    try:
        used = ctypes.CDLL("libsqlite3.so.0").sqlite3_memory_used
    except (OSError, AttributeError):   # Python built with SQLite linked in statically
        return None
    used.restype = ctypes.c_int64
    return int(used())


def rss_by_mapping() -> dict[str, int]:
    """RSS in kB by kind of mapping (/proc/self/smaps): the main malloc heap ("[heap]"), anonymous mappings (other
    threads' malloc arenas, large mallocs, Python's object arenas, the QML engine's heap), files (libraries,
    fonts, the SQLite files) and the rest (stacks, vdso): which of them grows tells where to look."""
    kinds = {"heap": 0, "anon": 0, "file": 0, "other": 0}
    kind = "other"
    with open("/proc/self/smaps", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            first = line.split(maxsplit=6)
            if len(first) >= 5 and "-" in first[0] and not first[0].endswith(":"):
                name = first[5].strip() if len(first) > 5 else ""
                kind = ("heap" if name == "[heap]" else "anon" if not name
                        else "file" if name.startswith("/") else "other")
            elif first and first[0] == "Rss:":
                kinds[kind] += int(first[1])
    return {f"rss_{name}_kb": value for name, value in kinds.items()}


def sample(kiosk: Any, session: int, started: float, census: bool = True) -> dict[str, Any]:
    """CENSUS: count widgets and QObjects too. Rarely: findChildren() gives every C++-created child (a scroll
    area's viewport, a line edit's internals) a Python wrapper that PySide6 never frees once Qt deletes the
    object (measured: 30 such widgets created and deleted leave +200 Python objects per census), so a census
    every 5 sessions was itself a leak of about 9 objects per session."""
    gc.collect()
    widgets, qobjects = qobject_census() if census else (None, None)
    mem = smaps()
    heap_used, heap_free = malloc_bytes()
    sqlite_heap = sqlite_heap_bytes()
    data_dir = Path(kiosk.ctx.config.storage.data_dir)
    return {
        "session": session, "t_s": round(time.monotonic() - started, 1),
        "rss_kb": mem["Rss"], "pss_kb": mem["Pss"],
        "heap_used_kb": heap_used // 1024 if heap_used is not None else None,
        "heap_free_kb": heap_free // 1024 if heap_free is not None else None, **rss_by_mapping(),
        "sqlite_heap_kb": sqlite_heap // 1024 if sqlite_heap is not None else None,
        "py_objects": len(gc.get_objects()),
        "widgets": widgets, "qobjects": qobjects, "threads": threading.active_count(),
        "os_threads": len(os.listdir("/proc/self/task")), "fds": len(os.listdir("/proc/self/fd")),
        "outbox_wal": wal_bytes(data_dir, "outbox.sqlite3"), "catalogue_wal": wal_bytes(data_dir, "catalogue.sqlite3"),
    }


def caches_dropped() -> dict[str, int]:
    """RSS/PSS after emptying Qt's pixmap cache, a full gc and glibc's malloc_trim: what of the growth was caches
    and free heap rather than live objects."""
    from PySide6.QtGui import QPixmapCache

    QPixmapCache.clear()
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    return smaps()


def rss_split() -> dict[str, int]:
    """RSS in kB after malloc_trim alone, then after emptying the pixmap cache too (--drop-caches-every): the
    first difference is free heap given back, the second Qt's pixmap cache (Qt exports no size for it). It
    empties the cache, which the next sessions refill: a probe's setting, not the soak's."""
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    trimmed = smaps()["Rss"]
    return {"rss_trimmed_kb": trimmed, "rss_emptied_kb": caches_dropped()["Rss"]}


def slope_per_1000(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of value over session number, per 1,000 sessions."""
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(p[0] for p in points) / n
    my = sum(p[1] for p in points) / n
    sxx = sum((p[0] - mx) ** 2 for p in points)
    if not sxx:
        return 0.0
    return 1000 * sum((p[0] - mx) * (p[1] - my) for p in points) / sxx


POLL_INTERVAL_S = 0.05
SUCCESS_HOLD_MS = 50


def soak_sections() -> dict[str, Any]:
    """Config overrides of the soak (see the module docstring): faster reader polling, no receipt previews."""
    import dataclasses

    from kiosk.config import EMBEDDED_DEMO_CONFIG, load_config

    devices = load_config(EMBEDDED_DEMO_CONFIG).devices
    return {"voice": {"enabled": False},
            "devices": {"idcard": dataclasses.replace(devices.idcard, poll_interval_s=POLL_INTERVAL_S),
                        "printer": dataclasses.replace(devices.printer, preview_dir="")}}


def prune_cases(server: Any, keep: int) -> int:
    """Keep the newest KEEP cases on the reference service (the soak's one citizen); return how many went.

    With the standard library's sqlite3, which the kiosk has loaded anyway, on a connection closed after each
    prune: the harness runs inside the measured process. Through SQLAlchemy it had added ~21,000 Python objects
    and ~10 MB of RSS at the first prune (session 20, just inside the measured run), and +2.1 MB more by session
    40; a kiosk soaked without pruning stayed at 220.7-221.1 MB from session 10 to 70 (2026-11-27). Before
    2026-11-26 the ids went into the SQL text, and SQLAlchemy's statement cache grew by three entries a prune."""
    import sqlite3

    old = "SELECT id FROM cases ORDER BY id DESC LIMIT -1 OFFSET ?"
    conn = sqlite3.connect(server.db_path, timeout=30)
    try:
        with conn:  # one transaction
            count = int(conn.execute(f"SELECT COUNT(*) FROM ({old})", (keep,)).fetchone()[0])
            for table, column in (("case_events", "case_id"), ("lookup_failures", "case_id"), ("cases", "id")):
                conn.execute(f"DELETE FROM {table} WHERE {column} IN ({old})", (keep,))
    finally:
        conn.close()
    return count


def soak_settings() -> dict[str, Any]:
    import kiosk

    return {"devices.idcard.poll_interval_s": POLL_INTERVAL_S, "devices.printer.preview_dir": "",
            "kiosk.screens.identify.SUCCESS_HOLD_MS": SUCCESS_HOLD_MS, "voice.enabled": False,
            "printer_simulator_cleared_each_session": True, "waits_for_idle_work_between_citizens": True,
            "kiosk_package": str(Path(kiosk.__file__).parent),
            # the allocator's settings change what RSS does (see docs/BENCHMARKS.md, fifth session)
            "allocator_env": {k: v for k, v in os.environ.items()
                              if k in ("GLIBC_TUNABLES", "LD_PRELOAD", "MALLOC_CONF") or k.startswith("MALLOC_")},
            "python": sys.version.split()[0], "pid": os.getpid()}


METRICS = ("rss_kb", "pss_kb", "heap_used_kb", "heap_free_kb", "rss_heap_kb", "rss_anon_kb", "rss_file_kb",
           "rss_other_kb", "sqlite_heap_kb", "py_objects", "widgets", "qobjects", "threads", "os_threads", "fds",
           "outbox_wal", "catalogue_wal")


def summarise(samples: list[dict[str, Any]], warmup: int) -> dict[str, Any]:
    after = [s for s in samples if s["session"] >= warmup]
    out: dict[str, Any] = {}
    for key in METRICS:
        points = [(s["session"], s[key]) for s in after if s[key] is not None]
        half = points[len(points) // 2:]
        out[key] = {"first": points[0][1] if points else None, "last": points[-1][1] if points else None,
                    "min": min(p[1] for p in points) if points else None,
                    "max": max(p[1] for p in points) if points else None,
                    "slope_per_1000": slope_per_1000(points),
                    # a cache filling up flattens out, a leak does not: the slope over the second half too
                    "slope_per_1000_second_half": slope_per_1000(half)}
    return out


def partial_result(done: int, started: float, warmup: int, errors: list[str], samples: list[dict[str, Any]],
                   settings: dict[str, Any]) -> dict[str, Any]:
    elapsed = time.monotonic() - started
    return {"complete": False, "sessions": done, "elapsed_s": elapsed, "sessions_per_s": done / elapsed,
            "warmup": warmup, "errors": errors, "soak_settings": settings,
            "summary": summarise(samples, warmup) if any(s["session"] >= warmup for s in samples) else {},
            "samples": samples}


def write_json(path: Path, result: dict[str, Any]) -> None:
    """Write atomically (a reader never sees half a file; a killed run keeps the last whole one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(result, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--minutes", type=float, default=20.0, help="stop after this long even if fewer sessions ran")
    parser.add_argument("--warmup", type=int, default=20, help="sessions before the slope is measured")
    parser.add_argument("--every", type=int, default=5, help="sample every N sessions")
    parser.add_argument("--census-every", type=int, default=500,
                        help="count widgets/QObjects every N sessions (the census itself leaks wrappers)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--json-every", type=int, default=100, help="rewrite the JSON every N sessions")
    parser.add_argument("--keep-cases", type=int, default=20,
                        help="the reference service keeps only the newest N cases (0: keep all, the workload grows)")
    parser.add_argument("--prune-every", type=int, default=20, help="prune the cases every N sessions")
    parser.add_argument("--drop-caches-every", type=int, default=0,
                        help="every N sessions also record RSS after malloc_trim and after emptying the pixmap cache "
                             "(a probe: the cache is refilled after; 0: never)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    samples: list[dict[str, Any]] = []
    errors: list[str] = []
    import kiosk.screens.identify as identify_screen

    identify_screen.SUCCESS_HOLD_MS = SUCCESS_HOLD_MS
    settings = {**soak_settings(), "keep_cases": args.keep_cases or None, "prune_every": args.prune_every}
    print(f"soak: kiosk from {settings['kiosk_package']}, pid {os.getpid()}, up to {args.sessions} sessions "
          f"or {args.minutes} min", flush=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp, world(Path(tmp), **soak_sections()) as kiosk:
        load_keyboard(kiosk)
        simulator = kiosk.printer.service.simulator
        started = time.monotonic()
        samples.append(sample(kiosk, 0, started))
        done = pruned = 0
        deadline = started + args.minutes * 60
        while done < args.sessions and time.monotonic() < deadline:
            if simulator is not None:
                simulator.clear()
            try:
                journey_guide(kiosk)
                (journey_apply if done % 2 == 0 else journey_case_lookup)(kiosk)
                journey_evaluation(kiosk)
                kiosk.qtbot.waitUntil(lambda: kiosk.window.idle_work.pending == 0, timeout=10_000)
            except Exception as exc:  # noqa: BLE001 - a failed session is counted and the soak goes on
                errors.append(f"session {done}: {type(exc).__name__}: {exc}"[:300])
                kiosk.window.end_session()
            done += 1
            if args.keep_cases and done % args.prune_every == 0:
                pruned += prune_cases(kiosk.server, args.keep_cases)
            if done % args.every == 0 or done == args.warmup:
                samples.append(sample(kiosk, done, started, census=done % args.census_every == 0))
                last = samples[-1]
                if args.drop_caches_every and done % args.drop_caches_every == 0:
                    last.update(rss_split())
                    print(f"  {done:6} sessions: RSS {last['rss_kb'] / 1024:6.1f} MB, after malloc_trim "
                          f"{last['rss_trimmed_kb'] / 1024:6.1f}, after emptying the pixmap cache too "
                          f"{last['rss_emptied_kb'] / 1024:6.1f}", flush=True)
                rate = done / (time.monotonic() - started)
                print(f"  {done:6} sessions {last['t_s']:7.0f} s  {rate:5.2f}/s  RSS {last['rss_kb'] / 1024:6.1f} MB  "
                      f"heap used {(last['heap_used_kb'] or 0) / 1024:6.1f} free {(last['heap_free_kb'] or 0) / 1024:5.1f} MB  "
                      f"sqlite {(last['sqlite_heap_kb'] or 0) / 1024:4.1f} MB  "
                      f"objects {last['py_objects']:8}  widgets {last['widgets']!s:>5}  qobjects {last['qobjects']!s:>5}  "
                      f"threads {last['os_threads']:3}  fds {last['fds']:4}  errors {len(errors)}", flush=True)
            if args.json and done % args.json_every == 0:
                write_json(args.json, partial_result(done, started, args.warmup, errors, samples, settings))
        elapsed = time.monotonic() - started
        if samples[-1]["session"] != done:
            samples.append(sample(kiosk, done, started))
        summary = summarise(samples, args.warmup)
        trimmed = caches_dropped()
        result = {"complete": True, "sessions": done, "elapsed_s": elapsed,
                  "sessions_per_s": done / elapsed if elapsed else 0,
                  "warmup": args.warmup, "errors": errors, "soak_settings": settings, "summary": summary,
                  "samples": samples, "rss_after_dropping_caches_kb": trimmed,
                  "cases_at_central": kiosk.server.query("SELECT COUNT(*) FROM cases")[0][0], "cases_pruned": pruned}
    after = [s for s in samples if s["session"] >= args.warmup]
    print(f"soak: {done} sessions in {elapsed / 60:.1f} min ({result['sessions_per_s']:.2f} sessions/s), "
          f"{len(errors)} failed; slopes per 1,000 sessions after {args.warmup} warm-up sessions:")
    for key in METRICS:
        s = summary[key]
        print(f"  {key:14} first {s['first']}  last {s['last']}  slope/1000 {s['slope_per_1000']:.1f}  "
              f"(second half {s['slope_per_1000_second_half']:.1f})")
    if after:
        growth = (after[-1]["rss_kb"] - after[0]["rss_kb"]) / 1024
        print(f"  RSS growth over the measured run: {growth:.1f} MB (target < 5 MB over 10,000 sessions; "
              f"extrapolated to 10,000: {summary['rss_kb']['slope_per_1000'] * 10 / 1024:.1f} MB)")
    print(f"  RSS at the end {samples[-1]['rss_kb'] / 1024:.1f} MB; after emptying QPixmapCache, gc and malloc_trim "
          f"{result['rss_after_dropping_caches_kb']['Rss'] / 1024:.1f} MB")
    for line in errors[:10]:
        print("  error:", line)
    if args.json:
        write_json(args.json, result)
    sys.stdout.flush()
    os._exit(0)  # services threads + the central child are torn down by the process exit


if __name__ == "__main__":
    sys.exit(main())
