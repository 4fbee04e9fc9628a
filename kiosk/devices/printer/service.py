"""The printer service: one owner thread does all printer I/O; callers get futures and never block.

``print_document(doc)`` checks status first (where the transport can answer), sends the bytes, and checks
again (a printer that vanished mid-receipt or ran out of paper is noticed). Any failure comes back as a
PrintResult with ``ok = False``: the caller then shows ``result.fallback_qr`` on screen (and
``result.headline`` in large type). A failed print is never retried automatically, so nothing prints twice.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

from kiosk.devices.printer.document import Document
from kiosk.devices.printer.encoder import encode_document
from kiosk.devices.printer.settings import PrinterSettings
from kiosk.devices.printer.simulator import PrinterSimulator
from kiosk.devices.printer.status import (
    DLE_EOT_OFFLINE_CAUSE,
    DLE_EOT_PAPER,
    DLE_EOT_PRINTER,
    PrinterState,
    PrinterStatus,
    interpret,
    is_offline,
    pick_reply,
)
from kiosk.devices.printer.transport import Transport, TransportError
from kiosk.devices.printer.uri import PrinterUri, parse_printer_uri

_T = TypeVar("_T")

log = logging.getLogger(__name__)

_REASONS: dict[str, tuple[str, str]] = {
    "printed": ("回执已打印，请取走", "Receipt printed; please take it"),
    "disabled": ("本机不提供纸质回执", "This kiosk has no printer"),
    "paper_out": ("打印机缺纸", "the printer is out of paper"),
    "cover_open": ("打印机仓盖未关闭", "the printer cover is open"),
    "offline": ("打印机离线", "the printer is offline"),
    "unknown": ("打印机无应答", "the printer did not answer"),
    "connection_lost": ("打印中断", "the printer connection was lost"),
    "unconfirmed": ("无法确认回执已打印完整", "the printer did not confirm the receipt"),
    "layout_error": ("回执内容无法排版", "the receipt could not be laid out"),
    "internal_error": ("打印程序出错", "the printing code failed"),
}


@dataclass(frozen=True)
class PrintResult:
    ok: bool
    reason: str                      # printed | disabled | paper_out | cover_open | offline | unknown |
                                     # connection_lost | unconfirmed | layout_error | internal_error
    kind: str                        # the document's kind (case, ticket ...)
    fallback_qr: str = ""            # show this as an on-screen QR when ok is False
    headline: str = ""               # and this in large type (case number, ticket number)
    status: PrinterStatus | None = None
    bytes_sent: int = 0
    replaced: tuple[str, ...] = ()   # characters the codec could not print (shown as 〓)
    elapsed_ms: float = 0.0
    preview_path: str = ""
    document: Document | None = field(default=None, compare=False, repr=False)  # match results to requests: `is`

    @property
    def show_qr_instead(self) -> bool:
        return not self.ok

    @property
    def message_zh(self) -> str:
        what = _REASONS[self.reason][0]
        if self.ok:
            return what
        return f"暂时无法打印回执（{what}）。请用手机扫描屏幕上的二维码保存，您办理的业务不受影响。"

    @property
    def message_en(self) -> str:
        what = _REASONS[self.reason][1]
        if self.ok:
            return what
        return f"The receipt cannot be printed ({what}). Scan the QR code on the screen; your request is not affected."


StatusListener = Callable[[PrinterStatus], None]


class PrinterService:
    """Owns the printer. All public methods return at once; the work runs on the "printer" thread."""

    def __init__(self, settings: PrinterSettings) -> None:
        self.settings = settings
        self.uri: PrinterUri = parse_printer_uri(settings.uri)   # bad URIs fail here, with the allowed forms
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="printer")
        self._owner: threading.Thread | None = None
        self._transport: Transport | None = None
        self._simulator: PrinterSimulator | None = None
        self._listeners: list[StatusListener] = []
        self._last_status: PrinterStatus | None = None
        self._closed = False

    # ---- public API (any thread) ------------------------------------------------------------------------
    def status(self) -> Future[PrinterStatus]:
        return self._submit(self._status)

    def print_document(self, doc: Document) -> Future[PrintResult]:
        return self._submit(self._print, doc)

    def add_status_listener(self, listener: StatusListener) -> None:
        """LISTENER(status) is called on the printer thread after every status check."""
        self._listeners.append(listener)

    def remove_status_listener(self, listener: StatusListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def failure(self, doc: Document, reason: str = "internal_error") -> PrintResult:
        """A failed result for DOC without touching the printer (e.g. the job itself raised)."""
        return PrintResult(False, reason, doc.kind, doc.fallback_qr, doc.headline, document=doc)

    @property
    def last_status(self) -> PrinterStatus | None:
        return self._last_status

    @property
    def simulator(self) -> PrinterSimulator | None:
        """The running simulator when uri = "sim" (after the first call), for demo controls and tests."""
        return self._simulator

    def start(self) -> Future[Transport | None]:
        """Start the simulator (uri = "sim") and connect, off the caller's thread."""
        return self._submit(self._ensure_transport)

    def close(self, timeout: float = 5.0) -> None:
        if self._closed:
            return
        self._closed = True
        done = self._executor.submit(self._shutdown)
        try:
            done.result(timeout)
        except Exception:  # noqa: BLE001 - shutting down: a failing close must not stop the rest
            log.warning("printer shutdown did not finish cleanly")
        self._executor.shutdown(wait=False, cancel_futures=True)

    # ---- owner thread ------------------------------------------------------------------------------------
    def _submit(self, fn: Callable[..., _T], *args: object) -> Future[_T]:
        if self._closed:
            raise RuntimeError("printer service is closed")
        return self._executor.submit(self._on_owner, fn, *args)

    def _on_owner(self, fn: Callable[..., _T], *args: object) -> _T:
        if self._owner is None:
            self._owner = threading.current_thread()
        return fn(*args)

    def _assert_owner(self) -> None:
        """Printer I/O only on the owner thread (fails loudly in tests when violated)."""
        if threading.current_thread() is not self._owner:
            raise RuntimeError("printer I/O outside the printer's owner thread")

    def _ensure_transport(self) -> Transport | None:
        self._assert_owner()
        if self.uri.kind == "none":
            return None
        if self._transport is None:
            uri = self.uri
            if uri.kind == "sim":
                self._simulator = PrinterSimulator(port=uri.port).start()
                uri = PrinterUri("sim", "127.0.0.1", self._simulator.port)
            self._transport = Transport(uri, connect_timeout_s=max(1.0, self.settings.status_timeout_s * 4))
        return self._transport

    def _shutdown(self) -> None:
        if self._transport is not None:
            self._transport.close()
            self._transport = None
        if self._simulator is not None:
            self._simulator.stop()
            self._simulator = None

    def _status(self) -> PrinterStatus:
        status = self._query_status()
        self._last_status = status
        log.info("printer status %s%s", status.state.value, f" ({status.detail})" if status.detail else "")
        for listener in list(self._listeners):
            try:
                listener(status)
            except Exception:
                log.exception("printer status listener failed")
        return status

    def _query_status(self) -> PrinterStatus:
        transport = self._ensure_transport()
        if transport is None:
            return PrinterStatus(PrinterState.DISABLED, "uri = none")
        if not transport.can_answer:
            return PrinterStatus(PrinterState.UNKNOWN, f"{self.uri.kind} transport cannot report status",
                                 can_answer=False)
        timeout = self.settings.status_timeout_s
        replies = b""
        try:
            transport.open()
            r1 = transport.query(DLE_EOT_PRINTER, timeout)
            replies += r1 or b""
            printer = pick_reply(r1)
            if printer is None:
                why = f"no reply within {self.settings.status_timeout_ms} ms" if not r1 else f"unexpected reply {r1.hex()}"
                return PrinterStatus(PrinterState.UNKNOWN, why, replies)
            cause = None
            if is_offline(printer):
                r2 = transport.query(DLE_EOT_OFFLINE_CAUSE, timeout)
                replies += r2 or b""
                cause = pick_reply(r2)
            r4 = transport.query(DLE_EOT_PAPER, timeout)
            replies += r4 or b""
            state = interpret(printer, cause, pick_reply(r4))
            return PrinterStatus(state, "", replies)
        except TransportError as exc:
            return PrinterStatus(PrinterState.OFFLINE, str(exc), replies)

    def _print(self, doc: Document) -> PrintResult:
        started = time.perf_counter()

        def result(ok: bool, reason: str, **kw: object) -> PrintResult:
            res = PrintResult(ok, reason, doc.kind, doc.fallback_qr, doc.headline, document=doc,
                              elapsed_ms=(time.perf_counter() - started) * 1000, **kw)  # type: ignore[arg-type]
            log.info("print %s: %s (%d bytes)", doc.kind, reason, res.bytes_sent)
            return res

        preview_path = self._write_preview(doc)
        try:
            encoded = encode_document(doc, self.settings.encode_options)
        except ValueError as exc:
            log.warning("receipt %s cannot be laid out: %s", doc.kind, exc)
            return result(False, "layout_error", preview_path=preview_path)
        if self.uri.kind == "none":
            return result(False, "disabled", status=self._status(), preview_path=preview_path)
        before = self._status()
        if not before.printable:
            return result(False, before.state.value if before.state is not PrinterState.DISABLED else "disabled",
                          status=before, preview_path=preview_path)
        transport = self._ensure_transport()
        assert transport is not None
        try:
            transport.write_job(encoded.data)
        except TransportError as exc:
            log.warning("printer write failed: %s", exc)
            return result(False, "connection_lost", status=self._status(), preview_path=preview_path,
                          replaced=encoded.replaced)
        common: dict[str, object] = {"bytes_sent": len(encoded.data), "replaced": encoded.replaced,
                                     "preview_path": preview_path}
        if not transport.can_answer:
            return result(True, "printed", status=before, **common)
        after = self._status()
        if after.state in (PrinterState.PAPER_OUT, PrinterState.COVER_OPEN):
            return result(False, after.state.value, status=after, **common)
        if after.state is PrinterState.OFFLINE:
            return result(False, "connection_lost", status=after, **common)
        if after.state is PrinterState.UNKNOWN:
            return result(False, "unconfirmed", status=after, **common)
        return result(True, "printed", status=after, **common)

    def _write_preview(self, doc: Document) -> str:
        """Demo and training: keep the latest preview of each receipt kind in preview_dir."""
        if not self.settings.preview_dir:
            return ""
        try:
            from kiosk.devices.printer.preview import render_preview

            os.makedirs(self.settings.preview_dir, exist_ok=True)
            path = os.path.join(self.settings.preview_dir, f"{doc.kind}.png")
            render_preview(doc, self.settings).save(path)
            return path
        except Exception as exc:  # noqa: BLE001 - a preview is a demo aid; it must never stop a print
            log.warning("receipt preview not written: %s", exc)
            return ""
