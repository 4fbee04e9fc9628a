"""Transports: python-escpos printer classes chosen by a PrinterUri, used only through ``_raw()`` for writing
and with our own short-timeout reads for status. Call only on the printer's owner thread.

python-escpos is imported here lazily (never on the kiosk's start-up path), after pointing
ESCPOS_CAPABILITIES_PICKLE_DIR at a persistent folder so it does not leave a temp folder per import.
"""
from __future__ import annotations

import os
import select
import socket
from typing import Any

from kiosk.devices.printer.uri import PrinterUri

WRITE_TIMEOUT_S = 10.0      # a printer may hold a receipt's bytes while it prints; that is not a failure
CONNECT_TIMEOUT_S = 3.0


class TransportError(Exception):
    """The printer cannot be reached or stopped taking data; the message is for technicians and logs."""


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


class Transport:
    """One printer connection. Connection-oriented transports stay open between jobs; file and Windows
    printers are opened per job (a file:// target holds the last job's bytes)."""

    def __init__(self, uri: PrinterUri, connect_timeout_s: float = CONNECT_TIMEOUT_S) -> None:
        if uri.kind in ("none", "sim") and not uri.target:
            raise ValueError("the sim transport needs the simulator's address (PrinterService starts it)")
        self.uri = uri
        self.connect_timeout_s = connect_timeout_s
        self._printer: Any = None

    @property
    def can_answer(self) -> bool:
        return self.uri.can_answer

    @property
    def is_open(self) -> bool:
        return self._printer is not None

    # ---- open / close ----------------------------------------------------------------------------------
    def open(self) -> None:
        if self._printer is not None:
            return
        module = _escpos_printer_module()
        u = self.uri
        try:
            if u.kind in ("tcp", "sim"):
                # connect ourselves: escpos 3.1's Network.open() leaks the socket when the connect fails
                p = module.Network(u.target, port=u.port, timeout=self.connect_timeout_s)
                p.device = socket.create_connection((u.target, u.port), timeout=self.connect_timeout_s)
                self._printer = p
                return
            elif u.kind == "serial":
                p = module.Serial(u.target, baudrate=u.baud, timeout=WRITE_TIMEOUT_S)
            elif u.kind == "usb":
                p = module.Usb(u.vendor, u.product, timeout=int(WRITE_TIMEOUT_S * 1000))
            elif u.kind == "file":
                p = module.File(u.target, auto_flush=True)
            elif u.kind == "win32":
                p = module.Win32Raw(u.target)
            else:
                raise ValueError(f"no transport for {u.kind!r}")
            p.open(raise_not_found=True)
            if u.kind == "serial" and p.device is not None:
                p.device.write_timeout = WRITE_TIMEOUT_S   # escpos leaves writes unbounded (flow control can hold them)
            if u.kind in ("usb", "win32", "file") and not p.device:
                raise TransportError(f"{u.describe()}: not found")
        except TransportError:
            raise
        except RuntimeError as exc:       # escpos: optional dependency missing (pyusb, pywin32)
            raise TransportError(f"{u.describe()}: {exc}") from None
        except Exception as exc:  # noqa: BLE001 - escpos raises many types (DeviceNotFoundError, USBNotFoundError, OSError)
            hint = "; install libusb-1.0 (Debian: apt-get install libusb-1.0-0)" if type(exc).__name__ == "NoBackendError" else ""
            raise TransportError(f"{u.describe()}: cannot open ({type(exc).__name__}: {_first_line(exc)}){hint}") from None
        self._printer = p

    def close(self) -> None:
        p, self._printer = self._printer, None
        if p is not None:
            try:
                p.close()
            except Exception:  # noqa: BLE001, S110 - closing a dead connection may fail in any way; it is gone
                pass

    # ---- jobs -------------------------------------------------------------------------------------------
    def write_job(self, data: bytes) -> None:
        """Send one receipt's bytes. Raises TransportError when the printer stops taking them."""
        per_job = self.uri.kind in ("file", "win32")
        self.open()
        try:
            if self.uri.kind in ("tcp", "sim"):
                self._printer.device.settimeout(WRITE_TIMEOUT_S)
            self._printer._raw(data)
            if per_job and hasattr(self._printer, "flush"):
                self._printer.flush()
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
        kind = self.uri.kind
        try:
            if kind in ("tcp", "sim"):
                return self._query_socket(command, timeout_s)
            if kind == "serial":
                dev = self._printer.device
                dev.reset_input_buffer()
                self._printer._raw(command)
                dev.timeout = timeout_s
                try:
                    reply = dev.read(1)
                finally:
                    dev.timeout = WRITE_TIMEOUT_S
                return bytes(reply) or None
            if kind == "usb":
                import usb.core

                self._printer._raw(command)
                try:
                    return bytes(self._printer.device.read(self._printer.in_ep, 16, int(timeout_s * 1000))) or None
                except usb.core.USBTimeoutError:
                    return None
        except TransportError:
            raise
        except Exception as exc:  # noqa: BLE001 - any transport failure is one TransportError to the service
            self.close()
            raise TransportError(f"{self.uri.describe()}: status query failed ({type(exc).__name__}: {_first_line(exc)})") from None
        return None

    def _query_socket(self, command: bytes, timeout_s: float) -> bytes | None:
        sock: socket.socket = self._printer.device
        self._drain(sock)
        sock.settimeout(WRITE_TIMEOUT_S)
        self._printer._raw(command)
        ready, _, _ = select.select([sock], [], [], timeout_s)
        if not ready:
            return None
        reply = sock.recv(16)
        if not reply:
            self.close()
            raise TransportError(f"{self.uri.describe()}: connection closed by the printer")
        return reply

    def _drain(self, sock: socket.socket) -> None:
        """Drop late replies to earlier queries, so a reply is matched to its own query."""
        while True:
            ready, _, _ = select.select([sock], [], [], 0)
            if not ready:
                return
            chunk = sock.recv(256)
            if not chunk:
                self.close()
                raise TransportError(f"{self.uri.describe()}: connection closed by the printer")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else ""
