"""Benchmark: ID-card read over a pty paced at 115200 baud; prints figures, asserts nothing.

1. One "read text + photo" transaction (the 1,295-byte reply needs 112.4 ms on the wire): total time,
   software overhead over the wire time, and the tail (from the simulator writing the last byte to the
   reader holding a checked frame), plus decoding time.
2. A whole placement through the reader's owner thread (find, select, read, appended address).
3. The reader thread's CPU while idle, disarmed (heartbeats) and armed without a card (polling), over a
   fixed window, from /proc/self/task/<tid>/schedstat (ns) or /stat (ticks).
4. Unplug / replug detection latency.

Run: .venv/bin/python bench/idcard_read.py [--runs N] [--window S]
"""
from __future__ import annotations

import argparse
import datetime as _dt
import logging
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import serial

from kiosk.devices.idcard import codec
from kiosk.devices.idcard.card import decode_read_reply
from kiosk.devices.idcard.reader import IdCardReader, ReaderSettings, transact
from kiosk.devices.idcard.simulator import SimulatedReader

BAUD = 115200
READ_REPLY = 1295
WIRE_S = READ_REPLY * 10 / BAUD


def _ms(values: list[float]) -> str:
    v = sorted(values)
    if not v:
        return "no samples (every attempt failed: see the lines above)"
    p90 = v[min(len(v) - 1, round(0.9 * (len(v) - 1)))]
    return (f"median {statistics.median(v) * 1e3:7.3f} ms  min {v[0] * 1e3:7.3f}  p90 {p90 * 1e3:7.3f}  "
            f"max {v[-1] * 1e3:7.3f}  (n={len(v)})")


def _thread_cpu_s(native_id: int) -> float:
    """CPU time of one thread of this process."""
    try:
        with open(f"/proc/self/task/{native_id}/schedstat", encoding="ascii") as fh:
            return int(fh.read().split()[0]) / 1e9
    except OSError:
        with open(f"/proc/self/task/{native_id}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench_transaction(sim: SimulatedReader, runs: int) -> None:
    sim.place_card("resident-basic")
    today = _dt.date(2026, 11, 26)
    totals, tails, decodes = [], [], []
    with serial.serial_for_url(sim.path, baudrate=BAUD, timeout=3) as ser:
        rx = codec.FrameReceiver()
        transact(ser, rx, codec.sam_status(), 1.0)  # warm-up
        for _ in range(runs):
            t0 = time.perf_counter()
            frame = transact(ser, rx, codec.read_text_photo(), 3.0)
            t1 = time.perf_counter()
            assert frame is not None and len(frame.to_bytes()) == READ_REPLY
            decode_read_reply(frame.data, today=today)
            t2 = time.perf_counter()
            totals.append(t1 - t0)
            tails.append(t1 - sim.last_chunk_at)
            decodes.append(t2 - t1)
    print(f"1. read text+photo transaction, {READ_REPLY}-byte reply at {BAUD} baud: wire time {WIRE_S * 1e3:.1f} ms")
    print(f"   request to checked frame:         {_ms(totals)}")
    print(f"   software overhead over the wire:  {_ms([t - WIRE_S for t in totals])}")
    print("     (includes the simulator's own sleep overshoot in pacing)")
    print(f"   tail, last chunk written -> frame: {_ms(tails)}")
    print(f"   decode 256-byte text + checks:    {_ms(decodes)}")


def bench_placement(sim: SimulatedReader, runs: int) -> None:
    done = threading.Event()
    reader = IdCardReader(ReaderSettings(port=sim.path, poll_interval_s=0.05), on_card=lambda c: done.set(),
                          today=lambda: _dt.date(2026, 11, 26))
    reader.start()
    durations = []
    # Reply bytes of one placement: find 15, select 19, read 1295, appended address "none" 11.
    wire = (15 + 19 + READ_REPLY + 11) * 10 / BAUD
    try:
        # The reader reads a card only after it has seen the slot empty (a card left on the reader is not read
        # into the next citizen's session): start from an empty slot, as a citizen's first placement does.
        sim.remove_card()
        reader.arm()
        polls, deadline = sim.requests["2001"], time.monotonic() + 5
        while sim.requests["2001"] <= polls and time.monotonic() < deadline:
            threading.Event().wait(0.01)
        for _ in range(runs):
            done.clear()
            sim.place_card("resident-basic")
            if not done.wait(10):
                print("   (a read did not complete)")
                continue
            durations.append(reader.stats.last_read_s)
            sim.remove_card()
            polls = sim.requests["2001"]
            deadline = time.monotonic() + 5
            while sim.requests["2001"] < polls + 3 and time.monotonic() < deadline:
                threading.Event().wait(0.01)
    finally:
        reader.stop()
    print(f"2. whole placement through the owner thread (find, select, read, appended address): "
          f"wire time of the replies {wire * 1e3:.1f} ms")
    print(f"   find..card decoded:               {_ms(durations)}")
    print(f"   overhead over the wire:           {_ms([d - wire for d in durations])}")


def bench_idle(sim: SimulatedReader, window: float) -> None:
    sim.remove_card()
    reader = IdCardReader(ReaderSettings(port=sim.path))  # default poll interval 0.3 s
    reader.start()
    try:
        deadline = time.monotonic() + 5
        while not reader.online and time.monotonic() < deadline:
            threading.Event().wait(0.01)
        assert reader._thread is not None and reader._thread.native_id is not None
        tid = reader._thread.native_id
        for label, armed in (("disarmed (SAM status every 0.8 s)", False), ("armed, no card (find every 0.3 s)", True)):
            reader.arm() if armed else reader.disarm()
            threading.Event().wait(0.5)
            c0, w0 = _thread_cpu_s(tid), time.perf_counter()
            threading.Event().wait(window)
            c1, w1 = _thread_cpu_s(tid), time.perf_counter()
            cpu = c1 - c0
            print(f"3. reader thread idle CPU, {label}: {cpu * 1e3:.2f} ms CPU in {w1 - w0:.1f} s "
                  f"= {100 * cpu / (w1 - w0):.3f} % of one core")
    finally:
        reader.stop()


def bench_unplug(sim: SimulatedReader, runs: int) -> None:
    state = threading.Condition()
    online = [False]

    def on_online(value: bool) -> None:
        with state:
            online[0] = value
            state.notify_all()

    reader = IdCardReader(ReaderSettings(port=sim.path), on_online=on_online)
    reader.start()
    lost, back = [], []
    try:
        with state:
            state.wait_for(lambda: online[0], 5)
        for armed in [False, True] * (runs // 2):
            reader.arm() if armed else reader.disarm()
            threading.Event().wait(0.2)
            t0 = time.perf_counter()
            sim.unplug()
            with state:
                state.wait_for(lambda: not online[0], 10)
            t1 = time.perf_counter()
            sim.replug()
            with state:
                state.wait_for(lambda: online[0], 10)
            t2 = time.perf_counter()
            lost.append(t1 - t0)
            back.append(t2 - t1)
    finally:
        reader.stop()
    print(f"4. unplug noticed after:             {_ms(lost)}")
    print(f"   online again after replug:        {_ms(back)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--window", type=float, default=10.0, help="idle CPU window in seconds")
    args = parser.parse_args()
    logging.getLogger("kiosk").setLevel(logging.ERROR)  # unplug warnings are expected here
    print(f"python {sys.version.split()[0]}, pyserial {serial.__version__}, {os.cpu_count()} CPU")
    with SimulatedReader(pace_baud=BAUD) as sim:
        bench_transaction(sim, args.runs)
        bench_placement(sim, max(5, args.runs // 2))
        bench_idle(sim, args.window)
    with SimulatedReader() as sim:
        bench_unplug(sim, 10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
