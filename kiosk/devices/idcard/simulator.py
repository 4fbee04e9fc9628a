"""A virtual SAM ID-card reader speaking the real protocol over a pty (config port = "sim").

The reader under test opens the pty's slave through a stable symlink (`path`), exactly as it would a
/dev/ttyUSB0, so tests and the demo exercise the real byte stream: framing, timeouts, unplug (the pty
is closed) and replug (a new pty behind the same symlink). Knobs reproduce the faults real readers
show. Cards come from a data file of synthetic identities (samples.py).
"""
from __future__ import annotations

import collections
import errno
import logging
import os
import select
import shutil
import tempfile
import threading
import time
import tty
import weakref
from typing import Any, Self

from kiosk.devices.idcard import codec
from kiosk.devices.idcard.codec import Command, Sw3
from kiosk.devices.idcard.samples import (
    SampleCard,
    appended_address_data,
    load_cards,
    read_reply_data,
)

log = logging.getLogger(__name__)

SAM_ID = bytes.fromhex("0501000000000000a1b2c3d4e5f60718")  # 16 bytes, invented


class SimulatedReader:
    """Serve the protocol on a pty from one thread. Knobs may be changed at any time from any thread."""

    def __init__(self, cards: list[SampleCard] | None = None, *, link_path: str | os.PathLike[str] | None = None,
                 pace_baud: int | None = None) -> None:
        self.cards = list(cards) if cards is not None else load_cards()
        # Nothing is created before start(): an unstarted simulator leaves no temp dir or fd behind.
        self._own_dir: str | None = None
        self._cleanup: weakref.finalize[..., Any] | None = None
        self._given_path = link_path is not None
        self.path = "" if link_path is None else str(link_path)  # the symlink, known once started
        # --- fault knobs
        self.slow_read_s = 0.0  # extra delay before a read reply (real cards: up to ~1-2 s)
        self.garbage = b""  # bytes sent before every reply
        self.split_chunk = 0  # > 0: write replies in chunks of this many bytes
        self.corrupt_replies = 0  # the next N replies carry a bad checksum
        self.corrupt_reads = 0  # the next N card-read replies (30 01 / 30 10) carry a bad checksum
        self.fail_reads = 0  # the next N read commands answer SW3 41 (read failed)
        self.silent = False  # swallow requests without answering (a port that is not a reader)
        self.pace_baud = pace_baud  # emulate wire time: sleep per chunk as a UART at this rate would
        # --- state
        self._lock = threading.Lock()
        self._card: SampleCard | None = None
        self._master: int | None = None
        self._slave: int | None = None
        self._wake_r = self._wake_w = -1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.requests: collections.Counter[str] = collections.Counter()
        self.generation = 0  # bumps on every replug
        self.last_chunk_at = 0.0  # perf_counter() just before the last reply's last chunk was written (benchmark)

    # ------------------------------------------------------------------ control (any thread)
    def start(self) -> str:
        """Open the pty, publish the symlink and serve. Returns the path the reader should open."""
        if self._thread is None:
            if not self._given_path:
                self._own_dir = tempfile.mkdtemp(prefix="kiosk-idcard-sim-")
                self._cleanup = weakref.finalize(self, shutil.rmtree, self._own_dir, True)  # also at exit
                self.path = os.path.join(self._own_dir, "reader")
            self._wake_r, self._wake_w = os.pipe()
            self._stop.clear()
            self._plug()
            self._thread = threading.Thread(target=self._serve, name="idcard-sim", daemon=True)
            self._thread.start()
        return self.path

    def stop(self) -> None:
        self._stop.set()
        self._poke()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None
        self._unplug_fds()
        for fd in (self._wake_r, self._wake_w):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._wake_r = self._wake_w = -1
        if self._cleanup is not None:
            self._cleanup()  # removes the temp dir once
            self._cleanup = None
            self._own_dir = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def place_card(self, which: int | str) -> SampleCard:
        """Put a sample card on the reader, by index in the data file or by its id."""
        card = self.find(which)
        with self._lock:
            self._card = card
        return card

    def remove_card(self) -> None:
        with self._lock:
            self._card = None

    @property
    def card(self) -> SampleCard | None:
        return self._card

    def find(self, which: int | str) -> SampleCard:
        if isinstance(which, int) or (isinstance(which, str) and which.isdigit()):
            index = int(which)
            if not 0 <= index < len(self.cards):
                raise ValueError(f"no sample card #{index}; there are {len(self.cards)} (0..{len(self.cards) - 1})")
            return self.cards[index]
        for card in self.cards:
            if card.id == which:
                return card
        raise ValueError(f"no sample card {which!r}; known: {', '.join(c.id for c in self.cards)}")

    def unplug(self) -> None:
        """Like pulling the USB cable: the pty closes and the symlink disappears."""
        with self._lock:
            self._unplug_fds()
        self._poke()

    def replug(self) -> None:
        """A new pty behind the same symlink (a replugged reader gets a fresh device node)."""
        with self._lock:
            self._unplug_fds()
            self._plug()
        self._poke()

    @property
    def plugged(self) -> bool:
        return self._master is not None

    # ------------------------------------------------------------------ pty plumbing
    def _plug(self) -> None:
        if not self.path:  # replug() before start(): there is no symlink place yet (it would land in the cwd)
            raise RuntimeError("start the simulated reader before plugging it in again")
        master, slave = os.openpty()
        tty.setraw(slave)
        os.set_blocking(master, False)
        self._master, self._slave = master, slave
        tmp = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        os.symlink(os.ttyname(slave), tmp)
        os.replace(tmp, self.path)
        self.generation += 1

    def _unplug_fds(self) -> None:
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        for fd in (self._master, self._slave):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._master = self._slave = None

    def _poke(self) -> None:
        try:
            os.write(self._wake_w, b"x")
        except OSError:
            pass

    # ------------------------------------------------------------------ serving thread
    def _serve(self) -> None:
        rx = codec.FrameReceiver(min_len=codec.MIN_REQUEST_LEN)
        master_seen: int | None = None
        while not self._stop.is_set():
            master = self._master
            if master != master_seen:
                rx.reset()
                master_seen = master
            fds = [self._wake_r] + ([master] if master is not None else [])
            try:
                ready, _, _ = select.select(fds, [], [])
            except (OSError, ValueError):
                continue  # the master was closed under us by unplug(); loop picks up the new state
            if self._wake_r in ready:
                try:
                    os.read(self._wake_r, 64)
                except OSError:
                    pass
            if master is None or master not in ready:
                continue
            try:
                data = os.read(master, 4096)
            except BlockingIOError:
                continue
            except OSError:
                continue  # EIO while no one holds the slave, or closed by unplug()
            for frame in rx.feed(data):
                self._answer(master, frame)

    def _answer(self, master: int, frame: codec.Frame) -> None:
        cmd = frame.cmd_para
        self.requests[cmd.hex()] += 1
        if self.silent:
            return
        with self._lock:
            card = self._card
        reply = self._reply_for(cmd, card)
        if reply is None:
            return
        is_read = cmd in (Command.READ_TEXT_PHOTO.value, Command.READ_WITH_FINGERPRINT.value)
        if self.corrupt_replies > 0 or (is_read and self.corrupt_reads > 0):
            if is_read and self.corrupt_reads > 0:
                self.corrupt_reads -= 1
            else:
                self.corrupt_replies -= 1
            reply = reply[:-1] + bytes([reply[-1] ^ 0x5A])
        self._send(master, self.garbage + reply)

    def _reply_for(self, cmd: bytes, card: SampleCard | None) -> bytes | None:
        ok = Sw3.SUCCESS
        if cmd in (Command.RESET_SAM.value, Command.SAM_STATUS.value):
            return codec.build_response(ok)
        if cmd == Command.SAM_ID.value:
            return codec.build_response(ok, SAM_ID)
        if cmd == Command.FIND_CARD.value:
            return codec.build_response(Sw3.FIND_SUCCESS, b"\x00" * 4) if card else codec.build_response(Sw3.NO_CARD)
        if cmd == Command.SELECT_CARD.value:
            return codec.build_response(ok, b"\x00" * 8) if card else codec.build_response(Sw3.SELECT_FAILED)
        if cmd in (Command.READ_TEXT_PHOTO.value, Command.READ_WITH_FINGERPRINT.value):
            if self.slow_read_s > 0 and self._stop.wait(self.slow_read_s):
                return None
            if card is None or self._card is not card:
                return codec.build_response(Sw3.READ_FAILED)
            if self.fail_reads > 0:
                self.fail_reads -= 1
                return codec.build_response(Sw3.READ_FAILED)
            fp = cmd == Command.READ_WITH_FINGERPRINT.value
            return codec.build_response(ok, read_reply_data(card, with_fingerprint=fp))
        if cmd == Command.READ_APPENDED_ADDRESS.value:
            if card is None:
                return codec.build_response(Sw3.READ_FAILED)
            data = appended_address_data(card)
            return codec.build_response(Sw3.NO_SUCH_ITEM) if data is None else codec.build_response(ok, data)
        if cmd[0] == 0x60 and cmd[1] in codec.BAUD_PARA.values():
            return codec.build_response(ok)
        return codec.build_response(Sw3.COMMAND_ERROR)

    def _send(self, master: int, data: bytes) -> None:
        chunk = self.split_chunk if self.split_chunk > 0 else 64 if self.pace_baud else len(data)
        start = time.perf_counter()
        sent = 0
        view = memoryview(data)
        while sent < len(data):
            piece = view[sent : sent + chunk]
            if self.pace_baud:
                # 10 bits per byte on an 8N1 UART: hand over each chunk when its last byte would have arrived.
                delay = start + (sent + len(piece)) * 10 / self.pace_baud - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
            if sent + len(piece) >= len(data):
                self.last_chunk_at = time.perf_counter()  # set before the write, so a reader never sees a stale value
            if not self._write_all(master, piece):
                return
            sent += len(piece)
            if self.split_chunk and not self.pace_baud and sent < len(data):
                time.sleep(0.002)  # let the reader see the pieces as separate reads

    def _write_all(self, master: int, data: memoryview) -> bool:
        while len(data):
            try:
                n = os.write(master, data)
            except BlockingIOError:
                _, writable, _ = select.select([], [master], [], 1.0)
                if not writable:
                    return False
                continue
            except OSError as exc:
                if exc.errno != errno.EINTR:
                    return False
                continue
            data = data[n:]
        return True


def main_loop(sim: SimulatedReader, commands: list[str] | None = None) -> None:  # pragma: no cover - interactive
    """Interactive control for `kiosk sim-reader`: lines like `place 3`, `remove`, `unplug`, `replug`."""
    import sys

    source = commands if commands is not None else sys.stdin
    for line in source:
        words = line.split()
        if not words:
            continue
        try:
            if words[0] == "place" and len(words) == 2:
                print(f"placed {sim.place_card(words[1]).id}", flush=True)
            elif words[0] == "remove":
                sim.remove_card()
                print("removed", flush=True)
            elif words[0] == "unplug":
                sim.unplug()
                print("unplugged", flush=True)
            elif words[0] == "replug":
                sim.replug()
                print(f"replugged {sim.path}", flush=True)
            elif words[0] in ("quit", "exit"):
                return
            else:
                print("commands: place N|ID, remove, unplug, replug, quit", flush=True)
        except ValueError as exc:
            print(exc, flush=True)

