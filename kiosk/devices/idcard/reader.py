"""The ID-card reader: one owner thread that opens the port, polls for cards and reports events.

Why not pyserial's ReaderThread + Packetizer (STYLE.md #3): the SAM protocol is strictly
request/response, so a second thread that only reads would have to hand every reply back to the thread
that wrote the request, and two threads would touch the port (STYLE.md #2). One owner thread writes a
request and then blocks in `serial.read()` (select with a timeout) until FrameReceiver, our packetizer,
has a whole frame: no busy loop, no sleeps to "wait for the reply", nothing else touches the port.

Events are plain callbacks called on the owner thread; qt_adapter.py turns them into Qt signals on
the GUI thread. Nothing here logs personal data: only card types, error codes and states.
"""
from __future__ import annotations

import datetime as _dt
import functools
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple, TypeVar

import serial
import serial.tools.list_ports

from kiosk.devices.idcard import codec
from kiosk.devices.idcard.card import (
    CardDecodeError,
    IdCard,
    decode_appended_address,
    decode_read_reply,
    with_appended_address,
)
from kiosk.devices.idcard.codec import Frame, Sw3, status_of
from kiosk.devices.idcard.photo import PhotoDecoderError, decode_photo

log = logging.getLogger(__name__)

DEFAULT_USB_IDS: tuple[str, ...] = ("1a86:7523", "067b:2303", "10c4:ea60", "0403:6001")
RECONNECT_INTERVAL_S = 0.5  # replug is noticed within this plus one probe
HEARTBEAT_INTERVAL_S = 0.8  # SAM status while disarmed: notices unplug without touching any card
SHORT_TIMEOUT_S = 0.6  # SAM status, find, select: readers answer in ~100 ms
PROBE_TIMEOUT_S = 0.5
MAX_MISSES = 2  # consecutive unanswered requests before the port is considered gone
READ_ATTEMPTS = 3  # per placement, before "read failed, place the card again"
ABSENT_POLLS_FOR_REMOVAL = 2  # debounce: a card counts as removed after this many "no card" answers

# Error codes of the `error` event (besides the SW3 names of codec.Sw3 and the CardDecodeError codes).
MESSAGES: dict[str, tuple[str, str]] = {
    "no_reader": ("未找到身份证读卡器，请联系工作人员", "No ID-card reader found; call staff"),
    "not_a_reader": ("该端口上的设备不是身份证读卡器，请联系工作人员",
                     "The device on this port does not speak the ID-card reader protocol; call staff"),
    "port_busy": ("读卡器端口被其他程序占用，请联系工作人员", "The reader's port is in use by another program; call staff"),
    "port_error": ("无法打开读卡器端口，请联系工作人员", "Cannot open the reader's port; call staff"),
    "card_left": ("读卡区已有一张证件：如果是您的，请拿起后重新放置；如果不是，请交给工作人员",
                  ("A card is already on the reader: if it is yours, lift it and place it again; if not, "
                   "please hand it to staff")),
    "offline": ("读卡器已断开，请联系工作人员", "The ID-card reader went offline; call staff"),
    "read_failed": ("读卡失败，请重新放卡", "Read failed; place the card again"),
    "sam_fault": ("读卡模块故障，请联系工作人员", "The reader's SAM module reports a fault; call staff"),
}


class PortInfo(NamedTuple):
    """A serial port as discovery sees it (injectable: pyserial never lists ptys)."""

    device: str
    vid: int | None = None
    pid: int | None = None
    description: str = ""

    @property
    def usb_id(self) -> str | None:
        return None if self.vid is None or self.pid is None else f"{self.vid:04x}:{self.pid:04x}"


PortLister = Callable[[], Sequence[PortInfo]]


def list_serial_ports() -> list[PortInfo]:
    return [PortInfo(p.device, p.vid, p.pid, p.description or "") for p in serial.tools.list_ports.comports()]


@dataclass(frozen=True)
class ReaderSettings:
    """The [devices.idcard] keys the reader needs (see kiosk/config.py IdCardConfig)."""

    port: str = "sim"
    baud: int = 115200
    probe_bauds: bool = False
    poll_interval_s: float = 0.3
    read_timeout_s: float = 3.0
    usb_ids: tuple[str, ...] = DEFAULT_USB_IDS
    photo_decoder: str = ""
    sim_cards: str = ""
    with_fingerprint: bool = False  # biometric data: only read when a service needs it (not a config key)

    @classmethod
    def from_config(cls, cfg: Any, **overrides: Any) -> ReaderSettings:
        """From an IdCardConfig (or anything with the same attributes)."""
        values: dict[str, Any] = {}
        for name in ("port", "baud", "probe_bauds", "poll_interval_s", "read_timeout_s", "photo_decoder", "sim_cards"):
            if hasattr(cfg, name):
                values[name] = getattr(cfg, name)
        if hasattr(cfg, "usb_ids"):
            values["usb_ids"] = tuple(str(u).lower() for u in cfg.usb_ids)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def probe_port(url: str, baud: int, timeout_s: float = PROBE_TIMEOUT_S) -> bool:
    """Does the device at url answer SAM status with a valid frame? (used by `kiosk ports`)."""
    try:
        ser = serial.serial_for_url(url, baudrate=baud, timeout=timeout_s, write_timeout=1.0, exclusive=True)
    except (serial.SerialException, OSError, ValueError):
        return False
    try:
        return transact(ser, codec.FrameReceiver(), codec.sam_status(), timeout_s) is not None
    except (serial.SerialException, OSError):
        return False
    finally:
        ser.close()


# Payload length of a successful reply to each request; error replies carry no payload. A frame of the
# wrong shape is a late answer to an earlier, timed-out request and is skipped, never misread.
_SUCCESS_DATA_LEN: dict[bytes, tuple[int, int]] = {
    codec.Command.RESET_SAM.value: (0, 0),
    codec.Command.SAM_STATUS.value: (0, 0),
    codec.Command.SAM_ID.value: (16, 16),
    codec.Command.FIND_CARD.value: (4, 4),
    codec.Command.SELECT_CARD.value: (8, 8),
    codec.Command.READ_TEXT_PHOTO.value: (4 + 256, 4 + 256 + 4096),
    codec.Command.READ_WITH_FINGERPRINT.value: (6 + 256, 6 + 256 + 8192),
    codec.Command.READ_APPENDED_ADDRESS.value: (2, 256),
}


def reply_fits(request: bytes, frame: Frame) -> bool:
    """Could `frame` be the reply to `request`? (by SW3 and payload length)"""
    bounds = _SUCCESS_DATA_LEN.get(request[7:9])
    if bounds is None or frame.sw3 not in (Sw3.SUCCESS, Sw3.FIND_SUCCESS):
        return len(frame.data) <= 16
    return bounds[0] <= len(frame.data) <= bounds[1]


def transact(ser: serial.Serial, rx: codec.FrameReceiver, request: bytes, timeout_s: float) -> Frame | None:
    """Write one request and block until its reply or the deadline. None = no (valid) answer.

    A reply spoiled on the wire (bad checksum) ends the wait at once: the reader answers
    each request once, so waiting longer would only burn the timeout before the caller retries.
    """
    rx.reset()
    if ser.in_waiting:
        ser.reset_input_buffer()  # a late reply to an earlier, timed-out request
    if ser.timeout != timeout_s:
        ser.timeout = timeout_s
    spoiled = rx.bad_checksums
    ser.write(request)
    deadline = time.monotonic() + timeout_s
    while True:
        # Ask for exactly the bytes the frame in progress still needs: one blocking call per frame part.
        chunk = ser.read(rx.needed())
        for frame in rx.feed(chunk):
            if reply_fits(request, frame):
                return frame
        if rx.bad_checksums != spoiled and rx.buffered < codec.HEADER_LEN:
            return None
        if not chunk or time.monotonic() >= deadline:
            return None


class _PortGone(Exception):
    """The port stopped answering or vanished: close it and reconnect."""


F = TypeVar("F", bound=Callable[..., Any])


def _owner_only(method: F) -> F:
    """Only the owner thread touches the port (STYLE.md #2); a violation fails loudly."""

    @functools.wraps(method)
    def wrapper(self: IdCardReader, *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is not self._thread:
            raise RuntimeError(f"IdCardReader.{method.__name__} called outside the reader's owner thread")
        return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


@dataclass
class _Stats:
    reads: int = 0
    read_attempts_failed: int = 0
    reconnects: int = 0
    bad_frames: int = 0
    polls: int = 0
    last_read_s: float = 0.0  # duration of the last successful find..read, for the benchmark
    extra: dict[str, int] = field(default_factory=dict)


class IdCardReader:
    """Owns the port in one thread. Callbacks run on that thread; keep them short (qt_adapter queues them)."""

    def __init__(
        self,
        settings: ReaderSettings,
        *,
        on_card: Callable[[IdCard], None] | None = None,
        on_error: Callable[[str, str], None] | None = None,
        on_online: Callable[[bool], None] | None = None,
        port_lister: PortLister = list_serial_ports,
        today: Callable[[], _dt.date] = _dt.date.today,
        simulator: Any = None,
    ) -> None:
        self.settings = settings
        self.on_card = on_card or (lambda card: None)
        self.on_error = on_error or (lambda code, message: None)
        self.on_online = on_online or (lambda online: None)
        self._port_lister = port_lister
        self._today = today
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._armed = threading.Event()
        self._thread: threading.Thread | None = None
        self._ser: serial.Serial | None = None
        self._rx = codec.FrameReceiver()
        self._online = False
        self._misses = 0
        # The card on the reader was already read (once per placement). It starts True and survives arm(),
        # sessions and reconnects: a card is read only after the reader has seen the slot empty, so a card
        # left behind by one citizen is never read into the next citizen's session.
        self._consumed = True
        self._told_left_behind = False
        self._first_poll = False
        self._absent = 0
        self._last_conn_error: str | None = None
        self.stats = _Stats()
        self.simulator = simulator
        self._own_simulator = False
        if settings.port == "sim" and simulator is None:
            from kiosk.devices.idcard.samples import load_cards
            from kiosk.devices.idcard.simulator import SimulatedReader

            self.simulator = SimulatedReader(load_cards(settings.sim_cards or None))
            self._own_simulator = True

    # ------------------------------------------------------------------ public API (any thread)
    @property
    def online(self) -> bool:
        return self._online

    @property
    def armed(self) -> bool:
        return self._armed.is_set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="idcard-reader", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop the owner thread, close the port (and the in-process simulator)."""
        self._stop.set()
        self._armed.clear()
        self._wake.set()
        ser = self._ser
        if ser is not None:
            try:
                ser.cancel_read()  # pyserial's documented way to interrupt a blocking read from another thread
            except (OSError, AttributeError, serial.SerialException):
                pass
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None
        if self._own_simulator and self.simulator is not None:
            self.simulator.stop()

    def arm(self, *, accept_placed_card: bool = False) -> None:
        """Start polling for a card (privacy rule 3: only after the citizen has seen the notice).

        By default a card already lying on the reader is not read until it is lifted and placed again: it may
        be the previous citizen's. Technician tools (read-card) accept it with accept_placed_card=True.
        """
        self._told_left_behind = False
        self._first_poll = True  # one empty answer right after arming is enough to trust the slot is empty
        if accept_placed_card:
            self._consumed = False
            self._absent = 0
        self._armed.set()
        self._wake.set()

    def disarm(self) -> None:
        self._armed.clear()
        self._wake.set()

    # ------------------------------------------------------------------ owner thread
    def _run(self) -> None:
        if self.simulator is not None and self._own_simulator:
            self.simulator.start()
        try:
            while not self._stop.is_set():
                if self._ser is None:
                    if not self._connect():
                        self._wait(RECONNECT_INTERVAL_S)
                    continue
                try:
                    if self._armed.is_set():
                        self._poll_card()
                        self._wait(self.settings.poll_interval_s)
                    else:
                        self._heartbeat()
                        self._wait(HEARTBEAT_INTERVAL_S)
                except (_PortGone, serial.SerialException, OSError) as exc:
                    if not self._stop.is_set():
                        log.warning("ID-card reader port lost (%s)", type(exc).__name__)
                    self._drop()
                except Exception as exc:  # noqa: BLE001 - never let the owner thread die; no message text (may hold data)
                    log.error("ID-card reader loop error: %s", type(exc).__name__)
                    self._drop()
        finally:
            self._close()
            self._set_online(False)

    def _wait(self, seconds: float) -> None:
        if self._wake.wait(seconds):
            self._wake.clear()

    def _set_online(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            log.info("ID-card reader %s", "online" if online else "offline")
            self._emit(self.on_online, online)

    def _emit(self, callback: Callable[..., None], *args: Any) -> None:
        try:
            callback(*args)
        except Exception as exc:  # noqa: BLE001 - a faulty listener must not kill the reader
            log.error("ID-card reader listener failed: %s", type(exc).__name__)

    def _error(self, code: str, message: str) -> None:
        log.info("ID-card reader event: %s", code)
        self._emit(self.on_error, code, message)

    def _conn_error(self, code: str) -> None:
        """Connection problems are reported once per change, not on every retry (nor after "offline")."""
        if self._last_conn_error == "offline" and code in ("port_error", "no_reader", "port_busy"):
            return
        if code != self._last_conn_error:
            self._last_conn_error = code
            self._error(code, MESSAGES[code][0])

    # --- connecting
    def _candidates(self) -> list[str]:
        port = self.settings.port
        if port == "sim":
            return [self.simulator.path] if self.simulator is not None else []
        if port != "auto":
            return [port]
        wanted = {u.lower() for u in self.settings.usb_ids}
        try:
            ports = list(self._port_lister())
        except Exception as exc:  # noqa: BLE001 - an injected or OS lister failing means "no reader", not a crash
            log.warning("serial port listing failed: %s", type(exc).__name__)
            return []
        return [p.device for p in ports if p.usb_id is not None and p.usb_id in wanted]

    def _bauds(self) -> list[int]:
        first = self.settings.baud
        if not self.settings.probe_bauds:
            return [first]
        return [first] + [b for b in codec.SUPPORTED_BAUDS if b != first]

    @_owner_only
    def _connect(self) -> bool:
        candidates = self._candidates()
        if not candidates:
            self._conn_error("no_reader")
            return False
        opened_any = busy = False
        for url in candidates:
            for baud in self._bauds():
                try:
                    ser = serial.serial_for_url(url, baudrate=baud, timeout=SHORT_TIMEOUT_S, write_timeout=1.0,
                                                exclusive=True)  # a second opener would steal replies
                except (serial.SerialException, OSError, ValueError) as exc:
                    busy = busy or "lock" in str(exc).lower()  # pyserial: "Could not exclusively lock port"
                    log.debug("cannot open reader port: %s", type(exc).__name__)
                    break
                opened_any = True
                try:
                    reply = transact(ser, self._rx, codec.sam_status(), PROBE_TIMEOUT_S)
                except (serial.SerialException, OSError):
                    reply = None
                if reply is None:
                    ser.close()
                    continue
                self._ser = ser
                self._misses = 0
                self._last_conn_error = None
                self.stats.reconnects += 1
                log.info("ID-card reader connected at %d baud", baud)
                self._set_online(True)
                if not status_of(reply.sw3).ok:
                    self._error("sam_fault", MESSAGES["sam_fault"][0])
                return True
        if opened_any:
            self._conn_error("not_a_reader")
        elif busy:
            self._conn_error("port_busy")
        else:
            self._conn_error("no_reader" if self.settings.port == "auto" else "port_error")
        return False

    def _close(self) -> None:
        ser, self._ser = self._ser, None
        if ser is not None:
            try:
                ser.close()
            except (serial.SerialException, OSError):
                pass

    def _drop(self) -> None:
        self._close()
        # Armed: the citizen in front is mid-read, the card there is theirs: read it once back. Disarmed:
        # unknown whose card lies there when the reader is back: wait until the slot is seen empty.
        self._consumed = not self._armed.is_set()
        self._absent = 0
        if not self._stop.is_set():
            self._set_online(False)
            self._conn_error("offline")

    # --- talking
    @_owner_only
    def _request(self, request: bytes, timeout_s: float, *, counts_as_miss: bool = True) -> Frame | None:
        """One request/reply. Unanswered short requests count towards "the port is gone"."""
        assert self._ser is not None
        bad_before = self._rx.bad_checksums + self._rx.bad_lengths
        reply = transact(self._ser, self._rx, request, timeout_s)
        spoiled = self._rx.bad_checksums + self._rx.bad_lengths - bad_before
        self.stats.bad_frames += spoiled
        if reply is None and spoiled:
            log.info("ID-card reader reply spoiled on the wire (checksum/length)")
        elif reply is None and counts_as_miss:
            self._misses += 1
            if self._misses >= MAX_MISSES:
                raise _PortGone("no answer")
        else:
            self._misses = 0
        return reply

    def _heartbeat(self) -> None:
        self._request(codec.sam_status(), SHORT_TIMEOUT_S)

    def _poll_card(self) -> None:
        self.stats.polls += 1
        started = time.perf_counter()
        reply = self._request(codec.find_card(), SHORT_TIMEOUT_S)
        if reply is None:
            return
        first, self._first_poll = self._first_poll, False
        if reply.sw3 != Sw3.FIND_SUCCESS:
            self._absent += 1
            if self._consumed and (first or self._absent >= ABSENT_POLLS_FOR_REMOVAL):
                log.info("ID card removed")
                self._consumed = False
            return
        self._absent = 0
        if self._consumed:
            # Still the same placement: read once only. If this citizen has not seen it read, the card may be
            # someone else's: say so once (the screen asks to lift it and place it again).
            if not self._told_left_behind:
                self._told_left_behind = True
                self._error("card_left", MESSAGES["card_left"][0])
            return
        self._consumed = True
        self._told_left_behind = True  # this placement belongs to this session: no "card left" notice for it
        self._read_placed_card(started)

    def _read_placed_card(self, started: float) -> None:
        last_code = "read_failed"
        for attempt in range(READ_ATTEMPTS):
            if self._stop.is_set() or not self._armed.is_set():
                return
            if attempt:
                found = self._request(codec.find_card(), SHORT_TIMEOUT_S)
                if found is None or found.sw3 != Sw3.FIND_SUCCESS:
                    last_code = "read_failed" if found is None else status_of(found.sw3).name
                    continue
            result = self._read_once()
            if isinstance(result, IdCard):
                self.stats.reads += 1
                self.stats.last_read_s = time.perf_counter() - started
                log.info("ID card read: type=%s expired=%s", result.card_type, result.expired)
                self._emit(self.on_card, result)
                return
            if isinstance(result, CardDecodeError):
                log.warning("ID card refused: %s", result.code)
                self._error(result.code, result.message_zh)
                return
            last_code = result
            self.stats.read_attempts_failed += 1
            log.info("ID card read attempt %d failed: %s", attempt + 1, result)
        message = MESSAGES.get(last_code, (None,))[0] or _sw3_message(last_code)
        self._error(last_code, message)

    def _read_once(self) -> IdCard | CardDecodeError | str:
        """One select + read (+ appended address). Returns the card, a decode refusal or a failure code."""
        selected = self._request(codec.select_card(), SHORT_TIMEOUT_S)
        if selected is None:
            return "read_failed"
        if selected.sw3 != Sw3.SUCCESS:
            return status_of(selected.sw3).name
        fp = self.settings.with_fingerprint
        request = codec.read_with_fingerprint() if fp else codec.read_text_photo()
        # A card's radio link can be slow; a read timeout is a failed read, not a vanished port.
        reply = self._request(request, self.settings.read_timeout_s, counts_as_miss=False)
        if reply is None:
            return "read_failed"
        if reply.sw3 != Sw3.SUCCESS:
            return status_of(reply.sw3).name
        try:
            card = decode_read_reply(reply.data, today=self._today(), with_fingerprint=fp)
        except CardDecodeError as exc:
            return exc
        extra = self._request(codec.read_appended_address(), SHORT_TIMEOUT_S)
        if extra is not None and extra.sw3 == Sw3.SUCCESS:
            try:
                card = with_appended_address(card, decode_appended_address(extra.data))
            except CardDecodeError:
                log.info("appended address did not decode; ignored")
        if self.settings.photo_decoder:
            card = self._decode_photo(card)
        return card

    def _decode_photo(self, card: IdCard) -> IdCard:
        """Optional vendor decoder; a failure only means no picture (nothing requires it)."""
        try:
            image = decode_photo(card.photo, self.settings.photo_decoder)
        except PhotoDecoderError:
            log.warning("photo_decoder setting is malformed; photo not decoded")
            return card
        return replace(card, photo_image=image)


def _sw3_message(name: str) -> str:
    for kind in Sw3:
        if kind.name.lower() == name:
            return status_of(kind.value).message_zh
    return MESSAGES["read_failed"][0]
