"""Technician commands: `kiosk print-test`, `kiosk print-sample KIND`, `kiosk printer-status`.

Exit codes: 0 printed / printer ready; 2 bad arguments or config (the message names what is allowed);
3 printer not ready (paper out, cover open, offline, no printer configured); 4 printer did not answer (or a
transport that cannot report status); 5 the connection dropped mid-print or the print was not confirmed.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is built on every start of the kiosk: these load only when a command runs
    from kiosk.devices.printer.document import Document
    from kiosk.devices.printer.settings import PrinterSettings

# The kinds of kiosk.devices.printer.samples.KINDS (a test keeps them equal), written out: importing the
# samples loads every receipt layout, and `python -m kiosk` builds this parser on every start of the kiosk.
KINDS: tuple[str, ...] = ("case", "ticket", "appointment", "guide", "progress", "notice")

EXIT_OK, EXIT_USAGE, EXIT_NOT_READY, EXIT_SILENT, EXIT_LOST = 0, 2, 3, 4, 5
_EXIT_FOR_REASON = {
    "printed": EXIT_OK, "paper_out": EXIT_NOT_READY, "cover_open": EXIT_NOT_READY, "offline": EXIT_NOT_READY,
    "disabled": EXIT_NOT_READY, "unknown": EXIT_SILENT, "connection_lost": EXIT_LOST, "unconfirmed": EXIT_LOST,
    "layout_error": EXIT_USAGE, "internal_error": EXIT_LOST,
}
JOB_TIMEOUT_S = 60.0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    uri_help = "printer URI, overrides devices.printer.uri (sim, none, usb://VID:PID, serial:///dev/ttyS1?baud=9600, " \
               "tcp://HOST:9100, file:///path.bin, win32://NAME)"
    test = sub.add_parser("print-test", help="print the technician's test page (codec lines, QR, cut)")
    test.add_argument("--printer", metavar="URI", help=uri_help)
    test.add_argument("--preview", metavar="PATH.png", help="also write the preview image here")
    test.set_defaults(func=_print_test)

    sample = sub.add_parser("print-sample", help="print a sample receipt of one kind")
    sample.add_argument("kind", choices=KINDS, help="which receipt: " + ", ".join(KINDS))
    sample.add_argument("--printer", metavar="URI", help=uri_help)
    sample.add_argument("--preview", metavar="PATH.png", help="also write the preview image here")
    sample.set_defaults(func=_print_sample)

    status = sub.add_parser("printer-status", help="ask the printer for its state (DLE EOT)")
    status.add_argument("--printer", metavar="URI", help=uri_help)
    status.set_defaults(func=_printer_status)


def _settings(args: argparse.Namespace) -> PrinterSettings:
    from kiosk.cli import load_config
    from kiosk.devices.printer.settings import PrinterSettings
    from kiosk.devices.printer.uri import parse_printer_uri

    config = load_config(args)
    settings = PrinterSettings.from_config(config, uri=getattr(args, "printer", None))
    parse_printer_uri(settings.uri)
    return settings


def _print_test(args: argparse.Namespace) -> int:
    return _print_kind(args, "test")


def _print_sample(args: argparse.Namespace) -> int:
    return _print_kind(args, args.kind)


def _print_kind(args: argparse.Namespace, kind: str) -> int:
    from kiosk.devices.printer.samples import sample_document
    from kiosk.devices.printer.service import PrinterService
    from kiosk.devices.printer.text import describe_replaced
    from kiosk.devices.printer.uri import PrinterUriError

    try:
        settings = _settings(args)
    except (PrinterUriError, ValueError) as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    doc = sample_document(kind, settings)
    if args.preview:
        code = _write_preview(doc, settings, args.preview)
        if code:
            return code
    service = PrinterService(settings)
    try:
        result = service.print_document(doc).result(JOB_TIMEOUT_S)
        sim_bytes = len(service.simulator.received) if service.simulator is not None else None
    finally:
        service.close()
    target = service.uri.describe()
    if result.replaced:
        print(f"注意 / note: {len(result.replaced)} character(s) cannot be printed in {settings.encoding}, "
              f"printed as 〓: {describe_replaced(result.replaced)}", file=sys.stderr)
    if result.ok:
        print(f"已打印 / printed: {kind} ({result.bytes_sent} bytes) -> {target}")
        if sim_bytes is not None:
            print(f"模拟打印机收到 / simulator received {sim_bytes} bytes")
        return EXIT_OK
    status = result.status.describe() if result.status else ""
    print(f"未打印 / NOT printed: {kind} -> {target}: {result.reason}", file=sys.stderr)
    if status:
        print(f"打印机状态 / printer status: {status}", file=sys.stderr)
    return _EXIT_FOR_REASON.get(result.reason, EXIT_LOST)


def _write_preview(doc: Document, settings: PrinterSettings, path: str) -> int:
    from kiosk.devices.printer.preview import PreviewFontError, render_preview

    try:
        render_preview(doc, settings).save(path, format="PNG")
    except PreviewFontError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"错误 / error: cannot write preview {path}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    print(f"预览 / preview: {path}")
    return EXIT_OK


def _printer_status(args: argparse.Namespace) -> int:
    from kiosk.devices.printer.service import PrinterService
    from kiosk.devices.printer.status import PrinterState
    from kiosk.devices.printer.uri import PrinterUriError

    try:
        settings = _settings(args)
    except (PrinterUriError, ValueError) as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    service = PrinterService(settings)
    try:
        status = service.status().result(JOB_TIMEOUT_S)
    finally:
        service.close()
    print(f"打印机 / printer: {service.uri.describe()}")
    print(f"状态 / state: {status.state.value}  ({status.event})")
    print(f"{status.message_zh} / {status.message_en}")
    if status.detail:
        print(f"详情 / detail: {status.detail}")
    if status.replies:
        print(f"应答 / replies: {status.replies.hex(' ')}")
    if status.state is PrinterState.UNKNOWN:
        return EXIT_SILENT
    return EXIT_OK if status.printable else EXIT_NOT_READY


def main(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry (`python -m kiosk.devices.printer.cli ...`), same commands as `kiosk ...`."""
    parser = argparse.ArgumentParser(prog="kiosk-printer")
    parser.add_argument("--config", metavar="PATH", help="config file (default: $KIOSK_CONFIG, else demo defaults)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    register(sub)
    args = parser.parse_args(argv)
    from kiosk.config import ConfigError

    try:
        return int(args.func(args))
    except ConfigError as exc:
        print("配置有误 / configuration problems:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
