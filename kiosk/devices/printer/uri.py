"""Parse devices.printer.uri (pure): one string says which printer and how to reach it."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

ALLOWED_FORMS = (
    '"sim" (built-in simulator), "none" (no printer), usb://0x0416:0x5011, '
    "serial:///dev/ttyS1?baud=9600 (or serial://COM3?baud=9600), tcp://HOST:9100, "
    "file:///path/receipt.bin, win32://Printer Name"
)
BAUDS = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)


class PrinterUriError(ValueError):
    """A printer URI that cannot be used; the message names the allowed forms."""


@dataclass(frozen=True)
class PrinterUri:
    kind: str                     # sim none usb serial tcp file win32
    target: str = ""              # device path, host, file path or printer name
    port: int = 0                 # tcp port; sim: 0 = any free port
    vendor: int = 0
    product: int = 0
    baud: int = 9600

    @property
    def can_answer(self) -> bool:
        """Whether the transport can read status replies (USB, serial, network; not file or Windows)."""
        return self.kind in ("usb", "serial", "tcp", "sim")

    def describe(self) -> str:
        return {
            "sim": "simulator", "none": "no printer",
            "usb": f"USB {self.vendor:04x}:{self.product:04x}",
            "serial": f"serial {self.target} @ {self.baud}",
            "tcp": f"network {self.target}:{self.port}",
            "file": f"file {self.target}", "win32": f"Windows printer {self.target!r}",
        }[self.kind]


def _fail(uri: str, why: str) -> PrinterUriError:
    return PrinterUriError(f"printer URI {uri!r}: {why}. Allowed: {ALLOWED_FORMS}")


def _hex_or_int(text: str, what: str, uri: str) -> int:
    try:
        value = int(text, 16)  # USB ids are hex, with or without 0x
    except ValueError:
        raise _fail(uri, f"{what} {text!r} is not a hex number like 0x0416") from None
    if not 0 <= value <= 0xFFFF:
        raise _fail(uri, f"{what} {text!r} is out of range")
    return value


def parse_printer_uri(uri: str) -> PrinterUri:
    text = (uri or "").strip()
    if text in ("sim", "none"):
        return PrinterUri(text)
    if text.startswith("sim://"):      # sim://127.0.0.1:0 is accepted for a fixed simulator port
        port = text.rpartition(":")[2]
        if not port.isdigit():
            raise _fail(uri, "sim:// needs a port number")
        return PrinterUri("sim", "127.0.0.1", int(port))
    scheme, sep, rest = text.partition("://")
    if not sep:
        raise _fail(uri, "not a printer URI")
    scheme = scheme.lower()
    if scheme == "usb":
        ids = rest.strip("/")
        vid, colon, pid = ids.partition(":")
        if not colon or not vid or not pid:
            raise _fail(uri, "USB needs VENDOR:PRODUCT")
        return PrinterUri("usb", vendor=_hex_or_int(vid, "vendor id", uri), product=_hex_or_int(pid, "product id", uri))
    if scheme == "serial":
        parts = urlsplit("serial://" + rest)
        path = unquote(parts.netloc + parts.path)
        if not path:
            raise _fail(uri, "serial needs a device (serial:///dev/ttyS1 or serial://COM3)")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        baud_text = query.pop("baud", "9600")
        if not baud_text.isdigit() or int(baud_text) not in BAUDS:
            raise _fail(uri, f"baud {baud_text!r} is not one of {', '.join(map(str, BAUDS))}")
        if query:
            raise _fail(uri, f"unknown serial option(s) {', '.join(sorted(query))}; only baud= is allowed")
        return PrinterUri("serial", path, baud=int(baud_text))
    if scheme == "tcp":
        parts = urlsplit("tcp://" + rest)
        try:
            tcp_port = parts.port or 9100
        except ValueError:
            raise _fail(uri, "the port must be a number 1-65535") from None
        if not parts.hostname:
            raise _fail(uri, "tcp needs a host (tcp://192.0.2.10:9100)")
        return PrinterUri("tcp", parts.hostname, tcp_port)
    if scheme == "file":
        path = unquote(rest)
        if not path.startswith("/") and not (len(path) > 2 and path[1] == ":"):
            raise _fail(uri, "file needs an absolute path (three slashes: file:///tmp/receipt.bin)")
        return PrinterUri("file", path)
    if scheme == "win32":
        name = unquote(rest).strip()
        if not name:
            raise _fail(uri, "win32 needs the printer's name")
        return PrinterUri("win32", name)
    raise _fail(uri, f"unknown scheme {scheme!r}")
