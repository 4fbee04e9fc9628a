"""Run every benchmark once, in one go, and write docs/BENCHMARKS.md: each figure of issue 8's table with its
median and spread, beside its floor or peer measured in the same run and its target, and the machine.

    .venv/bin/python bench/run_all.py            # full: about 45 min with the 20-minute soak
    .venv/bin/python bench/run_all.py --quick    # fewer repeats, 20 s idle windows, 5-minute soak
    .venv/bin/python bench/run_all.py --soak-json bench/results/soak.json   # reuse a soak run instead
    .venv/bin/python bench/run_all.py --soak-json A.json B.json   # kiosks soaked side by side: a row each
    .venv/bin/python bench/run_all.py --rewrite --soak-json C.json  # re-run nothing: the last run, C's soak

Benchmarks print; nothing here fails on a figure. Each benchmark's full output is kept in the document and
the raw figures in bench/results/run_all.json (plus the JSON files of the benchmarks that write one). The
section "Targets missed: causes and plans" of docs/BENCHMARKS.md is written by hand and kept on re-runs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
DOC = ROOT / "docs" / "BENCHMARKS.md"
KEEP_MARKER = "## Targets missed: causes and plans"


@dataclass
class Bench:
    name: str
    full: list[str]
    quick: list[str]
    json: str | None = None          # the benchmark writes its raw figures here (--json)
    output: str = ""
    seconds: float = 0.0
    error: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    earlier: str = ""                # not run here: its figures are from these earlier results (--soak-json)


def benches(soak_minutes: float) -> list[Bench]:
    j = str(RESULTS)
    return [
        Bench("startup_memory", ["--runs", "7"], ["--runs", "5"]),
        Bench("journeys_memory", ["--runs", "3", "--contributions"], ["--runs", "2", "--contributions"],
              f"{j}/journeys_memory.json"),
        Bench("transitions", ["--rounds", "30"], ["--rounds", "15"], f"{j}/transitions.json"),
        Bench("catalogue_search", [], ["--rounds", "10"]),
        Bench("idcard_read", [], ["--runs", "15", "--window", "5"]),
        Bench("printer_receipts", [], ["--runs", "100", "--imports", "3"]),
        Bench("api_outbox_flush", [], ["--runs", "2"]),
        Bench("idle_cpu", ["--seconds", "60"], ["--seconds", "20"], f"{j}/idle_cpu.json"),
        Bench("frozen_build", ["--runs", "5"], ["--runs", "3"], f"{j}/frozen_build.json"),
        Bench("central_catalogue", [], ["--rounds", "3"]),
        Bench("central_cases", [], ["-n", "300"]),
        Bench("soak", ["--minutes", str(soak_minutes)], ["--minutes", str(soak_minutes)], f"{j}/soak.json"),
    ]


# ---- the machine ------------------------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with open("/proc/meminfo", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    os_name = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = f"{line.split('=', 1)[1].strip(chr(34))}, kernel {platform.release()}"
    except OSError:
        pass
    import PySide6
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=False).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "kiosk"], cwd=ROOT,
                           capture_output=True, text=True, check=False).stdout.strip()
    chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True,
                              check=False).stdout.strip() if _which("chromium") else "not installed"
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem_kb / 1024 / 1024, 1), "os": os_name,
        "python": platform.python_version(), "pyside6": PySide6.__version__, "chromium": chromium,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "started": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit + (" + uncommitted changes in kiosk/" if dirty else ""),
    }


def _which(name: str) -> bool:
    return any((Path(p) / name).exists() for p in os.environ.get("PATH", "").split(os.pathsep))


# ---- running --------------------------------------------------------------------------------------------

def run(bench: Bench, quick: bool) -> None:
    args = [sys.executable, str(HERE / f"{bench.name}.py"), *(bench.quick if quick else bench.full)]
    if bench.json:
        args += ["--json", bench.json]
    print(f"== {bench.name}: {' '.join(args[1:])}", flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.perf_counter()
    proc = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=7200)
    bench.seconds = time.perf_counter() - started
    bench.output = proc.stdout.strip()
    if proc.returncode:
        bench.error = f"exit {proc.returncode}: {proc.stderr.strip()[-1500:]}"
    print(bench.output, flush=True)
    if bench.error:
        print(bench.error, flush=True)
    load_data(bench)


def load_data(bench: Bench) -> None:
    if bench.json and Path(bench.json).exists():
        bench.data = json.loads(Path(bench.json).read_text(encoding="utf-8"))


def restore(bench: Bench, stored: dict[str, Any]) -> None:
    """BENCH as the stored run left it, instead of running it: its output as printed then, its JSON as written then."""
    bench.output, bench.seconds, bench.error = stored["output"], stored["seconds"], stored["error"]
    load_data(bench)


# ---- figures out of the outputs ------------------------------------------------------------------------

def num(pattern: str, text: str, group: int = 1, flags: int = re.MULTILINE) -> float:
    match = re.search(pattern, text, flags)
    if not match:
        raise ValueError(f"not found: {pattern}")
    return float(match.group(group))


def spread(values: list[float], fmt: str = "{:.0f}") -> str:
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}-{fmt.format(max(values))})"


Row = tuple[str, str, str, str, str]   # figure, measured, floor/peer, target, verdict


def rows_startup(out: str) -> list[Row]:
    pat = (r"{k}\s+first frame median (\d+) ms \(min (\d+), max (\d+)\)\s*\n\s*RSS median (\d+) MB "
           r"\(min (\d+), max (\d+)\)\s+PSS median (\d+) MB \(min (\d+), max (\d+)\)")
    k = re.search(pat.format(k="kiosk"), out)
    b = re.search(pat.format(k="bare"), out)
    if not (k and b):
        raise ValueError("startup_memory output not recognised")
    kf, bf = [float(x) for x in k.groups()], [float(x) for x in b.groups()]
    r_start, r_rss, r_pss = kf[0] / bf[0], kf[3] / bf[3], kf[6] / bf[6]
    return [
        ("cold start to the first frame of the home screen (demo config; warm file cache)",
         f"{kf[0]:.0f} ms ({kf[1]:.0f}-{kf[2]:.0f})", f"bare window {bf[0]:.0f} ms ({bf[1]:.0f}-{bf[2]:.0f})",
         "<= 1.5x bare", f"{r_start:.2f}x " + ("met" if r_start <= 1.5 else "**missed**")),
        ("memory at the home screen after start, RSS / PSS",
         f"{kf[3]:.0f} / {kf[6]:.0f} MB", f"bare window {bf[3]:.0f} / {bf[6]:.0f} MB", "<= 1.6x bare",
         f"RSS {r_rss:.2f}x, PSS {r_pss:.2f}x " + ("met" if max(r_rss, r_pss) <= 1.6 else "**missed**")),
    ]


def rows_journeys(data: dict[str, Any]) -> list[Row]:
    k = data["runs"]["kiosk"]
    b = data["runs"]["bare_keyboard"]
    mb = 1 / 1024
    k_rss = [(r["peak"]["VmHWM"] - r.get("harness_kb", 0)) * mb for r in k]   # minus the driving harness
    k_pss = [(r["peak"]["Pss"] - r.get("harness_kb", 0)) * mb for r in k]
    b_rss, b_pss = [r["peak"]["VmHWM"] * mb for r in b], [r["peak"]["Pss"] * mb for r in b]
    peer = f"bare window + Pinyin keyboard RSS {spread(b_rss)} / PSS {spread(b_pss)} MB"
    verdict = f"RSS {data['ratio_rss']:.2f}x, PSS {data['ratio_pss']:.2f}x of bare+keyboard"
    ok = max(data["ratio_rss"], data["ratio_pss"]) <= 1.15
    if "chromium" in data:
        c = [c["pss_kb"] * mb for c in data["chromium"]]
        peer += f"; Chromium kiosk page PSS {spread(c)} MB ({data['chromium'][-1]['processes']} processes)"
        verdict += f"; {data['ratio_chromium']:.2f}x Chromium PSS"
        ok = ok and data["ratio_chromium"] <= 0.6
    return [("peak memory after each journey once, Pinyin keyboard loaded, RSS / PSS",
             f"RSS {spread(k_rss)} / PSS {spread(k_pss)} MB", peer,
             "<= 1.15x bare+keyboard, <= 0.6x Chromium", verdict + (" met" if ok else " **missed**"))]


def rows_transitions(data: dict[str, Any]) -> list[Row]:
    p99 = data["p99_ms"]
    return [("screen transition, tap to painted (real window, offscreen)",
             f"p50 {data['p50_ms']:.1f} ms, p99 {p99:.1f} ms over {data['taps']} taps", "-", "p99 < 50 ms",
             "met" if p99 < 50 else "**missed**")]


def rows_search(out: str) -> list[Row]:
    cells, worst = [], 0.0
    for kind in ("hanzi", "pinyin", "initials"):
        single = num(rf"^\s+{kind}\s+single\s+median\s+[\d.]+ us\s+p99\s+([\d.]+) us", out)
        best = num(rf"^\s+{kind}\s+single.*\n\s+best of \d+\s+median\s+[\d.]+ us\s+p99\s+([\d.]+) us", out)
        cells.append(f"{kind} {single / 1000:.2f} ms (own cost {best / 1000:.2f})")
        worst = max(worst, single)
    return [("search per keystroke, 5,000 items: p99 hanzi / pinyin / initials", "; ".join(cells), "-",
             "p99 < 2 ms", "met" if worst < 2000 else "**missed**")]


def rows_idcard(out: str) -> list[Row]:
    wire = num(r"wire time ([\d.]+) ms", out)
    total = num(r"request to checked frame:\s+median\s+([\d.]+) ms", out)
    over = num(r"software overhead over the wire:\s+median\s+([\d.]+) ms", out)
    p90 = num(r"software overhead over the wire:.*p90\s+([\d.]+)", out)
    return [("ID-card read end to end through a pty paced at 115200 baud",
             f"{total:.1f} ms; overhead median {over:.2f} ms (p90 {p90:.2f})", f"wire time {wire:.1f} ms",
             "< 5 ms overhead", "met" if over < 5 else "**missed**")]


def rows_receipt(out: str) -> list[Row]:
    found = re.findall(r"^(\w+)\s+(\d+)\s+(\d+)\s+median\s+([\d.]+) ms", out, re.MULTILINE)
    if not found:
        raise ValueError("printer_receipts output not recognised")
    per = {kind: (int(size), float(ms)) for kind, size, _img, ms in found}
    case = per.get("case") or next(iter(per.values()))
    big = max(per.items(), key=lambda kv: kv[1][0])
    slow = max(per.items(), key=lambda kv: kv[1][1])
    ok = case[0] < 1024 and case[1] < 5
    all_ok = all(size < 1024 and ms < 5 for size, ms in per.values())
    return [("receipt build, native QR",
             (f"case receipt {case[1]:.2f} ms, {case[0]} B; slowest {slow[0]} {slow[1][1]:.2f} ms; "
             f"largest {big[0]} {big[1][0]} B"), "-", "< 5 ms, < 1 KB",
             ("met" if all_ok else ("met for the case receipt; **missed** by " + ", ".join(
                 f"{k} ({s} B)" for k, (s, _m) in per.items() if s >= 1024))) if ok else "**missed**")]


def rows_outbox(out: str) -> list[Row]:
    """Two rows: the kiosk's flush as it runs (runs of queued cases in POST /cases/batch) against bare batches,
    and one POST per record against the bare single-POST loop (the path of a lone case, and the old figure)."""
    n = int(num(r"outbox flush of (\d+) submissions", out))
    flush = num(r"outbox flush of \d+ submissions:\s+median\s+([\d.]+) /s", out)
    bare = num(r"bare loop of \d+ signed POSTs:\s+median\s+([\d.]+) /s", out)
    size = int(num(r"outbox flush, batched \((\d+)/request", out))
    batched = num(r"outbox flush, batched \(\d+/request, as the kiosk runs\):\s+median\s+([\d.]+) /s", out)
    bare_batch = num(r"bare loop of POST /cases/batch \(\d+/request\):\s+median\s+([\d.]+) /s", out)

    def verdict(rate: float, ratio: float) -> str:
        return f"overhead {ratio:.2f}x; " + ("met" if rate >= 100 and ratio < 1.3 else "**missed**")

    return [((f"outbox flush of {n:,} submissions to the reference service, as the kiosk flushes "
              f"({size} cases per POST /cases/batch)"), f"{batched:.0f} /s",
             f"bare loop of the same batches {bare_batch:.0f} /s", ">= 100/s, overhead < 1.3x",
             verdict(batched, bare_batch / batched)),
            (f"outbox flush of {n:,} submissions, one POST /cases per record", f"{flush:.0f} /s",
             f"bare loop of the same POSTs {bare:.0f} /s", ">= 100/s, overhead < 1.3x",
             verdict(flush, bare / flush))]


def rows_idle(data: dict[str, Any]) -> list[Row]:
    worst = max(data["home_pct"], data["identify_pct"])
    return [(f"idle CPU of the kiosk process, {data['seconds']:.0f} s",
             (f"home {data['home_pct']:.2f}% (reader heartbeat); identify {data['identify_pct']:.2f}% "
             f"(reader polling, {data['identify_polls']} polls)"), "-", "< 1% of a core",
             "met" if worst < 1 else "**missed**")]


def rows_frozen(data: dict[str, Any]) -> list[Row]:
    mb = 1 / 1024 / 1024
    runs = data["runs"]
    mode = "cold" if "frozen cold" in runs else "warm"
    f = [r["frame_s"] * 1000 for r in runs[f"frozen {mode}"]]
    s = [r["frame_s"] * 1000 for r in runs[f"source {mode}"]]
    wf = [r["frame_s"] * 1000 for r in runs["frozen warm"]]
    ws = [r["frame_s"] * 1000 for r in runs["source warm"]]
    return [("the frozen build: size on disk, cold start to first frame",
             (f"{data['frozen_bytes'] * mb:.0f} MB, {data['frozen_files']} files; first frame {mode} cache "
             f"{spread(f)} ms, warm {spread(wf)} ms"),
             (f"from source: virtualenv {data['venv_bytes'] * mb:.0f} MB; first frame {mode} {spread(s)} ms, "
             f"warm {spread(ws)} ms"), "report",
             (f"frozen/source {statistics.median(f) / statistics.median(s):.2f}x {mode}, "
             f"{statistics.median(wf) / statistics.median(ws):.2f}x warm"))]


def rows_soak(data: dict[str, Any]) -> list[Row]:
    """One row per soaked kiosk process (several when --soak-json names several runs side by side)."""
    runs = data.get("runs", [data])
    if len(runs) == 1:
        return rows_soak_one(runs[0], "")
    total = sum(r["sessions"] for r in runs)
    return [row for i, r in enumerate(runs)
            for row in rows_soak_one(r, f" [kiosk process {i + 1} of {len(runs)} run side by side, "
                                        f"{total} sessions in all{allocator_label(r)}]")]


def allocator_label(run: dict[str, Any]) -> str:
    env = run.get("soak_settings", {}).get("allocator_env") or {}
    return "".join(f"; {k}={v}" for k, v in sorted(env.items()))


def rows_soak_one(data: dict[str, Any], label: str) -> list[Row]:
    sys.path.insert(0, str(HERE))
    from soak import summarise

    s = data["summary"] = summarise(data["samples"], data["warmup"])  # also the second-half slopes
    half = s["rss_kb"]["slope_per_1000_second_half"] / 1024
    after = [x for x in data["samples"] if x["session"] >= data["warmup"]]
    growth = (after[-1]["rss_kb"] - after[0]["rss_kb"]) / 1024 if after else 0.0
    per_k = s["rss_kb"]["slope_per_1000"] / 1024
    measured = (f"{data['sessions']} sessions in {data['elapsed_s'] / 60:.0f} min "
                f"({data['sessions_per_s']:.2f}/s, {len(data['errors'])} failed); per 1,000 sessions: "
                f"RSS {per_k:+.1f} MB, objects {s['py_objects']['slope_per_1000']:+.0f}, "
                f"widgets {s['widgets']['slope_per_1000']:+.1f}, QObjects {s['qobjects']['slope_per_1000']:+.1f}, "
                f"threads {s['os_threads']['slope_per_1000']:+.1f}, fds {s['fds']['slope_per_1000']:+.1f}; "
                f"WAL outbox {s['outbox_wal']['last'] / 1024:.0f} KB, catalogue {s['catalogue_wal']['last'] / 1024:.0f} KB")
    if s.get("heap_used_kb", {}).get("first") is not None:  # soaks since 70cebb7: where the RSS slope lies
        mb_k = lambda key: s[key]["slope_per_1000"] / 1024
        measured += (f"; of which per 1,000 sessions: malloc in use {mb_k('heap_used_kb'):+.2f} MB, free in "
                     f"malloc's arenas {mb_k('heap_free_kb'):+.2f} MB; RSS of the main heap "
                     f"{mb_k('rss_heap_kb'):+.2f}, anonymous maps {mb_k('rss_anon_kb'):+.2f}, files "
                     f"{mb_k('rss_file_kb'):+.2f} MB")
        if s.get("sqlite_heap_kb", {}).get("first") is not None:  # soaks since edf43e7
            measured += f"; SQLite's heap {mb_k('sqlite_heap_kb'):+.2f} MB"
    if "rss_after_dropping_caches_kb" in data:
        measured += (f"; RSS at the end {data['samples'][-1]['rss_kb'] / 1024:.0f} MB, "
                     f"{data['rss_after_dropping_caches_kb']['Rss'] / 1024:.0f} MB after emptying caches")
    # Met only if both hold: the growth measured over the run and, for a run shorter than 10,000 sessions, the
    # slope extrapolated to 10,000.
    return [("soak: citizen sessions through the real screens (after warm-up)" + label, measured, "-",
             "flat; RSS growth < 5 MB over the run",
             f"RSS {growth:+.1f} MB over the measured {len(after) and after[-1]['session'] - after[0]['session']} "
             f"sessions, extrapolated {per_k * 10:+.0f} MB per 10,000 (second half of the run: {half:+.1f} MB per "
             f"1,000) " + ("met" if abs(growth) < 5 and abs(per_k * 10) < 5 else "**missed**"))]


PARSERS: dict[str, Callable[[Bench], list[Row]]] = {
    "startup_memory": lambda b: rows_startup(b.output),
    "journeys_memory": lambda b: rows_journeys(b.data),
    "transitions": lambda b: rows_transitions(b.data),
    "catalogue_search": lambda b: rows_search(b.output),
    "idcard_read": lambda b: rows_idcard(b.output),
    "printer_receipts": lambda b: rows_receipt(b.output),
    "api_outbox_flush": lambda b: rows_outbox(b.output),
    "idle_cpu": lambda b: rows_idle(b.data),
    "frozen_build": lambda b: rows_frozen(b.data),
    "soak": lambda b: rows_soak(b.data),
}


# ---- the document ---------------------------------------------------------------------------------------

def kept_section() -> str:
    if DOC.exists():
        text = DOC.read_text(encoding="utf-8")
        if KEEP_MARKER in text:
            return text[text.index(KEEP_MARKER):].rstrip() + "\n"
    return f"{KEEP_MARKER}\n\n(written by hand after a run; kept when run_all.py rewrites this page)\n"


def write_doc(info: dict[str, Any], all_benches: list[Bench], quick: bool, command: str,
              rewritten: str = "") -> None:
    rows: list[Row] = []
    problems: list[str] = []
    for bench in all_benches:
        if bench.name not in PARSERS:
            continue
        try:
            rows += PARSERS[bench.name](bench)
        except Exception as exc:  # noqa: BLE001 - a figure that could not be read is said so, not hidden
            problems.append(f"- {bench.name}: figure not read ({exc}); {bench.error or 'see its output below'}")
    lines = [
        "# Benchmarks",
        "",
        f"Written by `{command}` ({'quick' if quick else 'full'} run). Every figure comes from this one run of",
        "the suite" + "".join(f" except the {b.name}'s, from {b.earlier}" for b in all_benches if b.earlier)
        + "; each floor or peer was measured in the same run on the same machine (ratios are what to",
        "compare: these machines are noisy, about ±30% run to run). Medians with (min-max) over the repeats.",
        "",
        "## Machine",
        "",
        f"- CPU: {info['cpu']}, {info['cores']} cores; memory {info['memory_gb']} GB",
        f"- OS: {info['os']}",
        f"- Python {info['python']}, PySide6 {info['pyside6']}; {info['chromium']}",
        f"- load average at start: {' / '.join(str(x) for x in info['load_average_at_start'])} (1 / 5 / 15 min)",
        f"- run started {info['started']}, commit {info['commit']}",
        *([f"- {rewritten}"] if rewritten else []),
        "",
        "## Figures (issue 8)",
        "",
        "| figure | measured | floor / peer (same run) | target | result |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {' | '.join(cell.replace('|', '/') for cell in row)} |" for row in rows]
    if problems:
        lines += ["", *problems]
    lines += ["", "## Each benchmark's output", ""]
    for bench in all_benches:
        args = " ".join(bench.quick if quick else bench.full)
        ran = f"not run here: results of an earlier run, {bench.earlier}" if bench.earlier else \
            f"`bench/{bench.name}.py {args}`, {bench.seconds:.0f} s"
        lines += [f"### {bench.name} ({ran})", "", "```",
                  bench.output or "(no output)", "```", ""]
        if bench.error:
            lines += [f"Error: `{bench.error.splitlines()[-1] if bench.error else ''}`", ""]
    lines += [kept_section()]
    DOC.write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, 20 s idle, 5-minute soak")
    parser.add_argument("--soak-minutes", type=float, default=None, help="default 20 (quick: 5)")
    parser.add_argument("--soak-json", type=Path, nargs="+",
                        help="use this soak result (or these, of kiosks soaked side by side) instead of running the soak")
    parser.add_argument("--only", nargs="*", help="run only these benchmarks (the document lists what ran)")
    parser.add_argument("--rewrite", action="store_true",
                        help="run nothing: rewrite the page from the last run's stored outputs (bench/results/"
                             "run_all.json and the benchmarks' JSON files) with the soak of --soak-json, e.g. a "
                             "soak that ended after the run")
    args = parser.parse_args()
    if args.rewrite and not args.soak_json:
        parser.error("--rewrite needs --soak-json: the soak results to put beside the stored run")
    RESULTS.mkdir(parents=True, exist_ok=True)
    stored = json.loads((RESULTS / "run_all.json").read_text(encoding="utf-8")) if args.rewrite else {}
    info = stored["machine"] if stored else machine()
    quick = stored["quick"] if stored else args.quick
    soak_minutes = args.soak_minutes if args.soak_minutes is not None else (5.0 if args.quick else 20.0)
    todo = [b for b in benches(soak_minutes) if not args.only or b.name in args.only]
    # read the soak results before the other benchmarks run, not after: a bad path fails at once
    runs = [json.loads(path.read_text(encoding="utf-8")) for path in args.soak_json or []]
    for bench in todo:
        if bench.name == "soak" and args.soak_json:
            bench.data = runs[0] if len(runs) == 1 else {"runs": runs}
            bench.earlier = " and ".join(str(shown(path)) for path in args.soak_json)
            bench.output = "\n\n".join(
                f"(not re-run: figures from {shown(path)}, run earlier on this machine)\n"
                + soak_text(data) for path, data in zip(args.soak_json, runs))
            continue
        if stored:
            restore(bench, next(b for b in stored["benches"] if b["name"] == bench.name))
        else:
            run(bench, quick)
    command = ".venv/bin/python bench/run_all.py" + (" --quick" if args.quick else "") + \
        (" --rewrite" if args.rewrite else "") + \
        (" --soak-json " + " ".join(str(shown(path)) for path in args.soak_json) if args.soak_json else "")
    rewritten = (f"page rewritten {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC without re-running: every "
                 "figure but the soak's is that run's stored output" if stored else "")
    write_doc(info, todo, quick, command, rewritten)
    (RESULTS / "run_all.json").write_text(json.dumps({
        "machine": info, "quick": quick,
        **({"rewritten": rewritten, "command": command} if stored else {}),
        "benches": [{"name": b.name, "seconds": b.seconds, "output": b.output, "error": b.error} for b in todo],
    }, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {shown(DOC)}")
    return 0


def shown(path: Path) -> Path:
    """PATH relative to the repository when it is inside it (the document names files there), else as given."""
    try:
        return path.resolve().relative_to(ROOT)
    except ValueError:
        return path


def soak_text(data: dict[str, Any]) -> str:
    lines = [(f"soak: {data['sessions']} sessions in {data['elapsed_s'] / 60:.1f} min "
             f"({data['sessions_per_s']:.2f} sessions/s), {len(data['errors'])} failed; "
             f"after {data['warmup']} warm-up sessions:")]
    for key, s in data["summary"].items():
        lines.append(f"  {key:14} first {s['first']}  last {s['last']}  slope/1000 {s['slope_per_1000']:.1f}")
    lines += [f"  error: {e}" for e in data["errors"][:10]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
