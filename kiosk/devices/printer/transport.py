"""Transports: how a PrinterUri's bytes reach the paper and how status replies come back. Call only on the
printer's owner thread.

Network (tcp, sim), serial and file printers go over our own raw connection: a socket, a pyserial port or
a file. That is all python-escpos did for them (its ``_raw()`` is ``sendall`` / ``write``), and the kiosk
has its own ESC/POS encoder and status parsing. python-escpos (with Pillow, qrcode, PyYAML and pyusb, about
12 MB) is imported only for USB and Windows printers, on the owner thread, the first time one is opened,
after pointing ESCPOS_CAPABILITIES_PICKLE_DIR at a persistent folder so it does not leave a temp folder per
import.
"""
from __future__ import annotations

import os
import select
import socket
from typing import Any

from kiosk.devices.printer.uri import PrinterUri

WRITE_TIMEOUT_S = 10.0      # a printer may hold a receipt's bytes while it prints; that is not a failure
CONNECT_TIMEOUT_S = 3.0
ESCPOS_KINDS = frozenset({"usb", "win32"})   # the only transports that need python-escpos


class TransportError(Exception):
    """The printer cannot be reached or stopped taking data; the message is for technicians and logs."""


class _ClosedByPrinter(Exception):
    """The printer's end closed the connection (a read returned nothing)."""


def _escpos_printer_module() -> Any:
    if not os.environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR"):
        try:
            from platformdirs import user_cache_dir

            folder = os.path.join(user_cache_dir("kiosk"), "escpos")
        except Exception:  # noqa: BLE001  # pragma: no cover - platformdirs is a dependency
            folder = os.path.join(os.path.expanduser("~"), ".cache", "kiosk", "escpos")
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = folder
    os.makedirs(os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"], exist_ok=True)  # escpos fails on a missing one
    import escpos.printer

    return escpos.printer


# ---- connections: one small class per way of reaching a printer ------------------------------------------

class _Connection:
    """An open connection to the printer. ``query`` returns the reply bytes or None after TIMEOUT_S."""

    def write(self, data: bytes) -> None:
        raise NotImplementedError

    def query(self, command: bytes, timeout_s: float) -> bytes | None:
        return None

    def close(self) -> None:
        raise NotImplementedError


class _SocketConnection(_Connection):
    """A raw TCP connection (port 9100 printers and the simulator)."""

    def __init__(self, sock: socket.socket) -> None:
        # A status query is a few bytes written right after a receipt's: with Nagle's algorithm it waited for
        # the printer's delayed ACK of the receipt's last segment (~40 ms on every print) before it was sent.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock = sock

    def write(self, data: bytes) -> None:
        self.sock.settimeout(WRITE_TIMEOUT_S)
        self.sock.sendall(data)

    def query(self, command: bytes, timeout_s: float) -> bytes | None:
        self._drain()
        self.write(command)
        ready, _, _ = select.select([self.sock], [], [], timeout_s)
        if not ready:
            return None
        reply = self.sock.recv(16)
        if not reply:
            raise _ClosedByPrinter("connection closed by the printer")
        return reply

    def _drain(self) -> None:
        """Drop late replies to earlier queries, so a reply is matched to its own query."""
        while True:
            ready, _, _ = select.select([self.sock], [], [], 0)
            if not ready:
                return
            if not self.sock.recv(256):
                raise _ClosedByPrinter("connection closed by the printer")

    def close(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


class _SerialConnection(_Connection):
    """An RS-232 printer through pyserial: 8N1 with DSR/DTR flow control (what python-escpos's Serial used)."""

    def __init__(self, port: Any) -> None:
        self.port = port

    def write(self, data: bytes) -> None:
        self.port.write(data)

    def query(self, command: bytes, timeout_s: float) -> bytes | None:
        self.port.reset_input_buffer()
        self.port.write(command)
        self.port.timeout = timeout_s
        try:
            reply = self.port.read(1)
        finally:
            self.port.timeout = WRITE_TIMEOUT_S
        return bytes(reply) or None

    def close(self) -> None:
        try:
            if self.port.is_open:
                self.port.flush()
        finally:
            self.port.close()


class _FileConnection(_Connection):
    """A file or device node that takes the bytes (file://); written and flushed per job, never read."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def write(self, data: bytes) -> None:
        self.handle.write(data)
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()


class _EscposConnection(_Connection):
    """USB and Windows printers through python-escpos (pyusb / pywin32 do the real work there)."""

    def __init__(self, printer: Any, kind: str) -> None:
        self.printer = printer
        self.kind = kind

    def write(self, data: bytes) -> None:
        self.printer._raw(data)

    def query(self, command: bytes, timeout_s: float) -> bytes | None:
        if self.kind != "usb":
            return None
        import usb.core

        self.printer._raw(command)
        try:
            return bytes(self.printer.device.read(self.printer.in_ep, 16, int(timeout_s * 1000))) or None
        except usb.core.USBTimeoutError:
            return None

    def close(self) -> None:
        self.printer.close()


def _open_connection(u: PrinterUri, connect_timeout_s: float) -> _Connection:
    """Open U's connection; any failure is raised as it came (Transport.open words it)."""
    if u.kind in ("tcp", "sim"):
        return _SocketConnection(socket.create_connection((u.target, u.port), timeout=connect_timeout_s))
    if u.kind == "serial":
        import serial  # pyserial: light, and only for serial printers

        return _SerialConnection(serial.Serial(port=u.target, baudrate=u.baud, bytesize=8, parity="N", stopbits=1,
                                               timeout=WRITE_TIMEOUT_S, write_timeout=WRITE_TIMEOUT_S,
                                               xonxoff=False, dsrdtr=True))
    if u.kind == "file":
        return _FileConnection(open(u.target, "wb"))  # closed by Transport.close()
    if u.kind in ESCPOS_KINDS:
        module = _escpos_printer_module()
        if u.kind == "usb":
            p = module.Usb(u.vendor, u.product, timeout=int(WRITE_TIMEOUT_S * 1000))
        else:
            p = module.Win32Raw(u.target)
        p.open(raise_not_found=True)
        if not p.device:
            raise TransportError(f"{u.describe()}: not found")
        return _EscposConnection(p, u.kind)
    raise ValueError(f"no transport for {u.kind!r}")


class Transport:
    """One printer connection. Connection-oriented transports stay open between jobs; file and Windows
    printers are opened per job (a file:// target holds the last job's bytes)."""

    def __init__(self, uri: PrinterUri, connect_timeout_s: float = CONNECT_TIMEOUT_S) -> None:
        if uri.kind in ("none", "sim") and not uri.target:
            raise ValueError("the sim transport needs the simulator's address (PrinterService starts it)")
        self.uri = uri
        self.connect_timeout_s = connect_timeout_s
        self._conn: _Connection | None = None

    @property
    def can_answer(self) -> bool:
        return self.uri.can_answer

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def uses_escpos(self) -> bool:
        return self.uri.kind in ESCPOS_KINDS

    # ---- open / close ----------------------------------------------------------------------------------
    def open(self) -> None:
        if self._conn is not None:
            return
        u = self.uri
        try:
            self._conn = _open_connection(u, self.connect_timeout_s)
        except (TransportError, ValueError):
            raise
        except RuntimeError as exc:       # escpos: optional dependency missing (pyusb, pywin32)
            raise TransportError(f"{u.describe()}: {exc}") from None
        except Exception as exc:  # noqa: BLE001 - OSError, SerialException, escpos's DeviceNotFoundError ...
            hint = "; install libusb-1.0 (Debian: apt-get install libusb-1.0-0)" if type(exc).__name__ == "NoBackendError" else ""
            raise TransportError(f"{u.describe()}: cannot open ({type(exc).__name__}: {_first_line(exc)}){hint}") from None

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001, S110 - closing a dead connection may fail in any way; it is gone
                pass

    # ---- jobs -------------------------------------------------------------------------------------------
    def write_job(self, data: bytes) -> None:
        """Send one receipt's bytes. Raises TransportError when the printer stops taking them."""
        per_job = self.uri.kind in ("file", "win32")
        self.open()
        assert self._conn is not None
        try:
            self._conn.write(data)
        except Exception as exc:  # noqa: BLE001 - any transport failure is one TransportError to the service
            self.close()
            raise TransportError(f"{self.uri.describe()}: write failed ({type(exc).__name__}: {_first_line(exc)})") from None
        finally:
            if per_job:
                self.close()

    def query(self, command: bytes, timeout_s: float) -> bytes | None:
        """Send a real-time status command and return the reply, or None when nothing came in TIMEOUT_S.

        Raises TransportError when the connection is gone (that is not the same as a silent printer).
        """
        if not self.can_answer:
            return None
        self.open()
        assert self._conn is not None
        try:
            return self._conn.query(command, timeout_s)
        except _ClosedByPrinter as exc:
            self.close()
            raise TransportError(f"{self.uri.describe()}: {_first_line(exc)}") from None
        except Exception as exc:  # noqa: BLE001 - any transport failure is one TransportError to the service
            self.close()
            raise TransportError(f"{self.uri.describe()}: status query failed ({type(exc).__name__}: {_first_line(exc)})") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else ""
