"""Index builds, run in a short-lived child process by default.

Computing pinyin imports pypinyin (about 0.4 s and 55 MB that would stay in the kiosk process for good) and
building the suffix arrays is a second or two of pure Python that would compete with the GUI thread for
the GIL. A spawned child does both and exits; the kiosk process only writes the result to SQLite.
Falls back to building in-process when a child cannot be started. Frozen builds spawn children too: the
entry point (kiosk/__main__.py) calls multiprocessing.freeze_support(), so a spawned child runs the build.
On Linux the child dies with the kiosk (kiosk/parent_death.py), even a hard-killed one.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

BUILD_TIMEOUT_S = 600.0


@dataclass(frozen=True)
class BuildResult:
    fresh_terms: dict[str, dict[str, Any]]  # code -> terms, for the items that needed pinyin
    blob: bytes  # the search index
    isolated: bool  # built in a child process


def run(need: list[dict[str, Any]], stored: list[tuple[dict[str, Any], str]]) -> tuple[dict[str, Any], bytes]:
    """Pinyin for `need` (item dicts), then the index over them plus `stored` ((item, terms JSON) pairs)."""
    from kiosk.catalogue.index import build_index
    from kiosk.catalogue.terms import compute_terms

    fresh = {d["code"]: compute_terms(d) for d in need}
    entries = [(d, json.loads(t)) for d, t in stored] + [(d, fresh[d["code"]]) for d in need]
    return fresh, build_index(entries)


def isolation_possible() -> bool:
    return os.environ.get("KIOSK_CATALOGUE_BUILD_INPROCESS") != "1"


def build(need: list[dict[str, Any]], stored: list[tuple[dict[str, Any], str]], *, isolate: bool = True) -> BuildResult:
    """Run `run` in a spawned child when possible, else here."""
    if isolate and isolation_possible():
        import multiprocessing  # here, not at the top: opening the store at start-up stays cheap
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        from kiosk.parent_death import die_with_parent

        try:
            # The worker dies with the kiosk (a hard-killed kiosk left it blocked for good). PR_SET_PDEATHSIG
            # follows the thread that starts the worker: this one (submit spawns it), which waits for it.
            with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                     initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
                fresh, blob = pool.submit(run, need, stored).result(timeout=BUILD_TIMEOUT_S)
            return BuildResult(fresh, blob, True)
        except (OSError, BrokenProcessPool, TimeoutError) as exc:
            log.warning("catalogue: index build child failed (%s); building in-process", type(exc).__name__)
    fresh, blob = run(need, stored)
    return BuildResult(fresh, blob, False)
