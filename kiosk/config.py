"""The technician's config: one TOML file, every key declared once with its type, default and a one-line doc.

A mistake never passes silently: unknown keys, wrong types, values out of range and missing required keys are
all reported together, each naming the file, the line where possible, the key path and what is allowed
(STYLE.md #6). `kiosk check-config` prints them; the app shows its out-of-service screen instead of starting
half-configured.

Paths (keys declared with `path=True`) are made absolute once, here, at load time, so no consumer ever
resolves one against the process's current directory (under systemd that is `/`): `~` is the home of the user
the kiosk runs as, and a relative path is taken from the directory of the config file that holds it
("receipts" in /etc/kiosk/kiosk.toml is /etc/kiosk/receipts). The one exception is the embedded demo config:
it lives inside the package (read-only in a frozen build), so its relative paths are taken from the current
directory when it is loaded (`scripts/demo.sh` runs from the repository root: previews go to var/receipts/
there). An empty path keeps its meaning (none, or the platform's usual place).
"""
from __future__ import annotations

import dataclasses
import math
import os
import re
import tomllib
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EMBEDDED_DEMO_CONFIG = Path(__file__).with_name("defaults") / "demo.toml"
REGION_CODE_RE = re.compile(r"^\d{6}(\d{3}(\d{3})?)?$")


def opt(
    default: Any,
    doc: str,
    *,
    choices: tuple[Any, ...] | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    check: Callable[[Any], str | None] | None = None,
    required: bool = False,
    path: bool = False,
) -> Any:
    """Declare one config key: its default, its doc line and what values are allowed.

    `path=True`: the value is a file or directory; load time makes it absolute (see the module's doc)."""
    meta = {"doc": doc, "choices": choices, "min": minimum, "max": maximum, "check": check, "required": required,
            "path": path}
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata=meta)
    return field(default=default, metadata=meta)


def _region_code(value: str) -> str | None:
    if not REGION_CODE_RE.match(value):
        return "must be a 6-, 9- or 12-digit administrative division code, e.g. 430181 or 430181101"
    return None


def _resolution(value: str) -> str | None:
    if value != "auto" and not re.fullmatch(r"\d{3,5}x\d{3,5}", value):
        return 'must be "auto" or WIDTHxHEIGHT, e.g. "1080x1920"'
    return None


def _usb_ids(value: list[str]) -> str | None:
    bad = [v for v in value if not re.fullmatch(r"[0-9a-fA-F]{4}:[0-9a-fA-F]{4}", v)]
    return f"each entry must be VID:PID in hex like \"1a86:7523\"; wrong: {bad}" if bad else None


def _pin_hash(value: str) -> str | None:
    if value and not value.startswith("scrypt$"):
        return 'must be a line printed by `kiosk hash-pin` (starts with "scrypt$"); never the PIN itself'
    return None


def _printer_uri(value: str) -> str | None:
    if value in ("sim", "none") or re.match(r"^(usb|serial|tcp|win32)://.+", value):
        return None
    if re.match(r"^file://(/|[A-Za-z]:).", value):  # as kiosk.devices.printer.uri: a URI holds no relative path
        return None
    return ('must be "sim", "none", usb://VID:PID, serial:///dev/ttyS1?baud=9600, tcp://HOST:9100, '
            "file:///path/receipt.bin (an absolute path: three slashes) or win32://Printer Name")


def _central_url(value: str) -> str | None:
    if value == "embedded" or re.match(r"^https?://[^/\s]+", value):
        return None
    return 'must be "embedded" (start the reference service locally) or http(s)://host[:port]'


@dataclass(frozen=True)
class TerminalConfig:
    id: str = opt("", "terminal id issued by the central service, e.g. LY-JL-0012", required=True)
    site_name: str = opt("", "site name shown in the top bar, e.g. 集里街道便民服务中心", required=True)
    site_type: str = opt("community", "where the kiosk stands",
                         choices=("mall", "community", "factory", "village", "hall"))
    region_code: str = opt("", "administrative division code of the site (6, 9 or 12 digits)",
                           check=_region_code, required=True)
    level: str = opt("county", "government level the site serves", choices=("county", "township", "village"))


@dataclass(frozen=True)
class DisplayConfig:
    orientation: str = opt("portrait", "screen orientation", choices=("portrait", "landscape"))
    resolution: str = opt("auto", '"auto" (the screen\'s own) or WIDTHxHEIGHT', check=_resolution)
    screen: int = opt(0, "index of the screen to use when several are attached", minimum=0, maximum=8)
    language: str = opt("zh_CN", "language at the start of each session", choices=("zh_CN", "en"))
    elderly_mode_default: bool = opt(False, "start each session in elderly mode (larger type, fewer items)")
    idle_timeout_s: int = opt(90, "seconds without a touch before the \"more time?\" prompt", minimum=20, maximum=900)
    idle_prompt_s: int = opt(30, "seconds the \"more time?\" prompt counts down before the reset",
                             minimum=20, maximum=120)
    hide_cursor: bool = opt(True, "hide the mouse cursor (touch screens)")
    font_family: str = opt("", "CJK font family; empty picks Noto Sans CJK SC, then WenQuanYi, then any CJK font")
    demo_controls: bool = opt(False, "show the simulator controls (模拟刷卡) for demos and training")


@dataclass(frozen=True)
class AdminConfig:
    pin_hash: str = opt("", "admin PIN as printed by `kiosk hash-pin`; empty disables admin mode", check=_pin_hash)
    max_failures: int = opt(5, "wrong PINs in a row before admin mode locks", minimum=3, maximum=10)
    lockout_minutes: int = opt(15, "how long admin mode stays locked", minimum=1, maximum=1440)
    idle_logout_s: int = opt(120, "seconds without a touch before admin mode logs out", minimum=30, maximum=3600)


@dataclass(frozen=True)
class CentralConfig:
    url: str = opt("embedded", '"embedded" or the central service base URL', check=_central_url)
    terminal_secret_file: str = opt("", "file holding this terminal's signing key; empty = demo key", path=True)
    ca_bundle: str = opt("", "CA bundle for a private CA; empty = the system's", path=True)
    client_cert: str = opt("", "client certificate (PEM) for mutual TLS; empty = none", path=True)
    client_key: str = opt("", "client certificate key (PEM); empty = inside client_cert", path=True)
    connect_timeout_s: float = opt(3.0, "seconds to connect", minimum=0.5, maximum=60)
    read_timeout_s: float = opt(10.0, "seconds to wait for a reply", minimum=1, maximum=120)
    lookup_deadline_s: float = opt(15.0, "overall deadline of a look-up the citizen waits for", minimum=2, maximum=120)
    keepalive_idle_s: float = opt(3.0, "seconds an idle kept-alive connection may still be reused; below the central "
                                  "service's keep-alive (uvicorn: 5 s) minus a round trip; 0 = never reuse",
                                  minimum=0, maximum=300)
    catalogue_sync_interval_s: int = opt(600, "seconds between catalogue refreshes", minimum=60, maximum=86400)
    heartbeat_interval_s: int = opt(60, "seconds between health reports", minimum=10, maximum=3600)


@dataclass(frozen=True)
class StorageConfig:
    data_dir: str = opt("", "where the outbox and catalogue live; empty = the platform's user data dir", path=True)
    log_dir: str = opt("", "where logs rotate; empty = the platform's user log dir", path=True)
    key_file: str = opt("", "outbox data key (0600); empty = the platform's user config dir/outbox.key", path=True)
    log_level: str = opt("INFO", "log level", choices=("DEBUG", "INFO", "WARNING", "ERROR"))
    log_retention_files: int = opt(14, "rotated log files kept (one per day)", minimum=1, maximum=365)


@dataclass(frozen=True)
class IdCardConfig:
    port: str = opt("sim", '"sim", "auto", a path (/dev/ttyUSB0, COM3) or a pyserial URL')
    baud: int = opt(115200, "serial speed", choices=(115200, 57600, 38400, 19200, 9600))
    probe_bauds: bool = opt(False, "try every supported speed when the reader does not answer")
    poll_interval_s: float = opt(0.3, "seconds between card searches while armed", minimum=0.05, maximum=5)
    read_timeout_s: float = opt(3.0, "seconds to wait for a reply from the reader", minimum=0.5, maximum=10)
    usb_ids: list[str] = opt(["1a86:7523", "067b:2303", "10c4:ea60", "0403:6001"],  # noqa: RUF009 - a factory
                             'USB VID:PID of serial bridges tried by port = "auto"', check=_usb_ids)
    photo_decoder: str = opt("", "command turning the chip photo into a BMP, with {in} and {out} (its program on "
                                 "PATH or an absolute path); empty = none")
    sim_cards: str = opt("", "simulator's card file; empty = the built-in samples", path=True)


@dataclass(frozen=True)
class PrinterConfig:
    uri: str = opt("sim", "which printer and how to reach it (file:// takes an absolute path)", check=_printer_uri)
    encoding: str = opt("gb18030", "text encoding after FS & (see kiosk print-test)", choices=("gb18030", "gbk", "utf-8"))
    paper_width_mm: int = opt(80, "paper width", choices=(80, 58))
    columns: int = opt(0, "characters per line of Font A; 0 = 48 at 80 mm, 32 at 58 mm", minimum=0, maximum=64)
    qr_mode: str = opt("native", "native GS ( k QR codes, or raster images for printers without them",
                       choices=("native", "image"))
    status_timeout_ms: int = opt(500, "how long a status query may wait", minimum=50, maximum=500)
    cut: bool = opt(True, "cut the paper after each receipt")
    preview_dir: str = opt("", "write a PNG preview of every receipt here (demo, training); empty = none",
                           path=True)


@dataclass(frozen=True)
class DevicesConfig:
    idcard: IdCardConfig = field(default_factory=IdCardConfig)
    printer: PrinterConfig = field(default_factory=PrinterConfig)


@dataclass(frozen=True)
class VoiceConfig:
    enabled: bool = opt(True, "spoken prompts at key moments (place your card, take your receipt)")
    only_in_elderly_mode: bool = opt(False, "speak only while elderly mode is on")
    use_tts: bool = opt(False, "speak through the platform's text-to-speech when it has a voice for the language "
                               "(else the recorded prompts); off by default: speech-dispatcher can stall without "
                               "a sound device")


@dataclass(frozen=True)
class KioskConfig:
    terminal: TerminalConfig = field(default_factory=TerminalConfig)
    display: DisplayConfig = field(default_factory=DisplayConfig)
    admin: AdminConfig = field(default_factory=AdminConfig)
    central: CentralConfig = field(default_factory=CentralConfig)
    storage: StorageConfig = field(default_factory=StorageConfig)
    devices: DevicesConfig = field(default_factory=DevicesConfig)
    voice: VoiceConfig = field(default_factory=VoiceConfig)
    source: str = field(default="<defaults>", metadata={"internal": True})
    # (key, value as written, absolute path) of each path key written relative or with ~: check-config shows them
    resolved_paths: tuple[tuple[str, str, str], ...] = field(default=(), metadata={"internal": True})

    @property
    def is_demo(self) -> bool:
        return self.source == str(EMBEDDED_DEMO_CONFIG)


@dataclass(frozen=True)
class ConfigProblem:
    file: str
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.key}: {self.message}"


class ConfigError(Exception):
    """Every problem of one config file, reported together."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _is_section(tp: Any) -> bool:
    return dataclasses.is_dataclass(tp)


def _type_name(tp: Any) -> str:
    return {str: "text", int: "whole number", float: "number", bool: "true or false"}.get(tp, "list of text")


def _line_finder(text: str) -> Callable[[str], int | None]:
    """Find the line of a dotted key by scanning section headers; tomllib keeps no positions."""
    lines = text.splitlines()

    def find(dotted: str) -> int | None:
        *section, key = dotted.split(".")
        current: list[str] = []
        header_line = None
        for number, raw in enumerate(lines, start=1):
            stripped = raw.strip()
            header = re.match(r"^\[\s*([^\]]+?)\s*\]", stripped)
            if header:
                current = [part.strip().strip('"') for part in header.group(1).split(".")]
                if current == section + [key]:
                    header_line = number
                continue
            if current == section and re.match(rf'^"?{re.escape(key)}"?\s*=', stripped):
                return number
        return header_line

    return find


def _convert(value: Any, tp: Any) -> tuple[Any, str | None]:
    if tp is bool:
        return value, None if isinstance(value, bool) else "expected true or false"
    if tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return value, None if ok else "expected a whole number"
    if tp is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if ok and not math.isfinite(value):  # nan passes every range check (all comparisons are false)
            return value, "expected a finite number (not nan or inf)"
        return (float(value) if ok else value), None if ok else "expected a number"
    if tp is str:
        return value, None if isinstance(value, str) else "expected text in quotes"
    if typing.get_origin(tp) is list:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return value, None if ok else 'expected a list of text, e.g. ["a", "b"]'
    raise TypeError(f"unsupported config type {tp!r}")


def _absolute_path(value: str, base_dir: Path) -> tuple[str, str | None]:
    """VALUE made absolute: ~ expanded, a relative path joined to BASE_DIR; or the reason it cannot be."""
    if "\0" in value:
        return value, "a path cannot contain the NUL character"
    expanded = os.path.expanduser(value)
    if expanded.startswith("~"):
        user = re.split(r"[/\\]", value)[0]
        return value, f"cannot expand {user!r} (no such user, or no home directory)"
    path = Path(expanded)
    return (expanded if path.is_absolute() else str(base_dir / path)), None   # an absolute one stays as written


def _build(cls: Any, data: dict[str, Any], prefix: str, report: Callable[[str, str], None],
           base_dir: Path, resolved: list[tuple[str, str, str]]) -> Any:
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
    values: dict[str, Any] = {}
    for key in data:
        if key not in fields:
            allowed = ", ".join(sorted(fields))
            report(f"{prefix}{key}", f"unknown key (typo?); allowed keys here: {allowed}")
    for name, f in fields.items():
        path, tp = f"{prefix}{name}", hints[name]
        if _is_section(tp):
            sub = data.get(name, {})
            if not isinstance(sub, dict):
                report(path, f"expected a table [{path}]")
                sub = {}
            values[name] = _build(tp, sub, f"{path}.", report, base_dir, resolved)
            continue
        if name not in data:
            if f.metadata.get("required"):
                report(path, f"missing required key ({f.metadata['doc']})")
            continue
        value, error = _convert(data[name], tp)
        if error is None:
            error = _check_value(value, f.metadata)
        if error is None and f.metadata.get("path") and value:
            value, error = _absolute_path(value, base_dir)
            if error is None and value != data[name]:
                resolved.append((path, data[name], value))
        if error:
            report(path, f"{error}; got {data[name]!r}")
        else:
            values[name] = value
    return cls(**values)


def _check_value(value: Any, meta: typing.Mapping[str, Any]) -> str | None:
    choices = meta.get("choices")
    if choices is not None and value not in choices:
        return "allowed values: " + ", ".join(repr(c) if isinstance(c, str) else str(c) for c in choices)
    low, high = meta.get("min"), meta.get("max")
    if (low is not None and value < low) or (high is not None and value > high):
        return f"must be between {low:g} and {high:g}"
    check = meta.get("check")
    return check(value) if check else None


def parse_config(text: str, source: str, *, base_dir: str | os.PathLike[str] | None = None) -> KioskConfig:
    """Parse and validate config text; raise ConfigError listing every problem.

    Relative paths are taken from BASE_DIR (load_config: the config file's directory), by default the directory
    of SOURCE; either way they come out absolute."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise ConfigError([ConfigProblem(source, int(match.group(1)) if match else None, "(file)",
                                         f"not valid TOML: {exc}")]) from None
    find_line = _line_finder(text)
    problems: list[ConfigProblem] = []

    def report(key: str, message: str) -> None:
        problems.append(ConfigProblem(source, find_line(key), key, message))

    # the directory's real place: "b/../a" or a symlinked /etc/kiosk cannot mislead what ".." means
    base = Path(base_dir if base_dir is not None else Path(source).parent).absolute().resolve()
    resolved: list[tuple[str, str, str]] = []
    config = _build(KioskConfig, data, "", report, base, resolved)
    if problems:
        raise ConfigError(problems)
    return dataclasses.replace(config, source=source, resolved_paths=tuple(resolved))


def load_config(path: str | os.PathLike[str] | None = None) -> KioskConfig:
    """Load PATH, else $KIOSK_CONFIG, else the embedded demo defaults.

    Relative paths in the file are taken from its directory; in the embedded demo config (inside the package,
    read-only when frozen) from the current directory, once, here."""
    chosen = Path(path or os.environ.get("KIOSK_CONFIG") or EMBEDDED_DEMO_CONFIG)
    try:
        text = chosen.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError([ConfigProblem(str(chosen), None, "(file)", f"cannot read: {exc.strerror}")]) from None
    except UnicodeDecodeError:
        raise ConfigError([ConfigProblem(str(chosen), None, "(file)", "not UTF-8 text; save it as UTF-8")]) from None
    base = Path.cwd() if is_embedded_demo(chosen) else chosen.absolute().parent
    return parse_config(text, str(chosen), base_dir=base)


def is_embedded_demo(path: str | os.PathLike[str]) -> bool:
    """Whether PATH is the embedded demo config (however it is spelt)."""
    try:
        return Path(path).resolve() == EMBEDDED_DEMO_CONFIG.resolve()
    except (OSError, RuntimeError):
        return False


@dataclass(frozen=True)
class KeyDoc:
    key: str
    doc: str
    default: Any
    allowed: str
    required: bool
    path: bool = False


def _allowed_text(meta: typing.Mapping[str, Any]) -> str:
    if meta.get("choices"):
        return " | ".join(f'"{c}"' if isinstance(c, str) else str(c) for c in meta["choices"])
    if meta.get("min") is not None:
        return f"{meta['min']:g} to {meta['max']:g}"
    return ""


def describe_keys() -> list[KeyDoc]:
    """Every key with its doc, default and allowed values: the source of the example file and the docs."""
    rows: list[KeyDoc] = []

    def walk(cls: Any, prefix: str) -> None:
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            if f.metadata.get("internal"):
                continue
            if _is_section(hints[f.name]):
                walk(hints[f.name], f"{prefix}{f.name}.")
            else:
                default = f.default if f.default_factory is dataclasses.MISSING else f.default_factory()
                rows.append(KeyDoc(f"{prefix}{f.name}", f.metadata["doc"], default, _allowed_text(f.metadata),
                                   bool(f.metadata.get("required")), bool(f.metadata.get("path"))))

    walk(KioskConfig, "")
    return rows


EXAMPLE_VALUES = {"terminal.id": "LY-JL-0012", "terminal.site_name": "浏阳市集里街道便民服务中心",
                  "terminal.region_code": "430181003", "terminal.level": "township"}


def example_config_text() -> str:
    """config/kiosk.example.toml, generated from the declarations above (a test keeps the file equal)."""
    def toml_value(value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return repr(value)
        if isinstance(value, list):
            return "[" + ", ".join(f'"{v}"' for v in value) + "]"
        return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["# Kiosk configuration (TOML). Copy it to the terminal, edit it, then check it:",
             "#     kiosk check-config /etc/kiosk/kiosk.toml",
             "# The kiosk reads the file named by `kiosk --config PATH` or the KIOSK_CONFIG environment variable.",
             "# Keys marked REQUIRED must be set; every other value shown is the default.",
             "# Unknown keys are errors, so a typo never passes silently.",
             "# Paths: a relative path is taken from the directory of this file (preview_dir = \"receipts\" in",
             "# /etc/kiosk/kiosk.toml is /etc/kiosk/receipts), never from the kiosk's current directory; ~ is the home",
             "# of the user the kiosk runs as. check-config shows where each relative path points.",
             "# Generated from kiosk/config.py: change the declarations there, then run",
             ("#     .venv/bin/python -c 'from kiosk.config import example_config_text as t; print(t(), end=\"\")' "
              "> config/kiosk.example.toml")]
    section = None
    for row in describe_keys():
        table, name = row.key.rsplit(".", 1)
        if table != section:
            lines += ["", f"[{table}]"]
            section = table
        note = (("path: " if row.path else "") + row.doc + (f" (allowed: {row.allowed})" if row.allowed else "")
                + (" — REQUIRED" if row.required else ""))
        lines.append(f"# {note}")
        lines.append(f"{name} = {toml_value(EXAMPLE_VALUES.get(row.key, row.default))}")
    return "\n".join(lines) + "\n"
