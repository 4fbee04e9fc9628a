"""Printer status from DLE EOT replies (pure). No reply is "unknown", never "paper OK".

Bits (../shared/reference/escpos-notes.md): every reply byte has the fixed pattern 0xx1xx10.
DLE EOT 1 (printer): bit 3 = offline. DLE EOT 2 (offline cause): bit 2 = cover open, bit 5 = stopped by
paper end, bit 6 = error. DLE EOT 4 (paper sensor): bits 2-3 = near end, bits 5-6 = paper out.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass

DLE_EOT_PRINTER = b"\x10\x04\x01"
DLE_EOT_OFFLINE_CAUSE = b"\x10\x04\x02"
DLE_EOT_PAPER = b"\x10\x04\x04"


class PrinterState(enum.Enum):
    PAPER_OK = "paper_ok"              # online, paper sensor says adequate
    ONLINE = "online"                  # online, the paper sensor did not answer
    PAPER_NEAR_END = "paper_near_end"  # prints, but the roll must be changed soon
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"                # offline for another reason, or not reachable
    UNKNOWN = "unknown"                # no reply, or a transport that cannot answer
    DISABLED = "disabled"              # uri = "none": no printer fitted


# state -> (Chinese message, English message, fleet-health event)
_MESSAGES: dict[PrinterState, tuple[str, str, str]] = {
    PrinterState.PAPER_OK: ("打印机正常", "Printer ready", "printer.ready"),
    PrinterState.ONLINE: ("打印机在线（纸张状态未知）", "Printer online (paper state not reported)", "printer.online"),
    PrinterState.PAPER_NEAR_END: ("打印纸即将用完，请及时更换", "Paper is running low; replace the roll soon",
                                  "printer.paper_near_end"),
    PrinterState.PAPER_OUT: ("打印机缺纸", "Printer is out of paper", "printer.paper_out"),
    PrinterState.COVER_OPEN: ("打印机仓盖未关闭", "Printer cover is open", "printer.cover_open"),
    PrinterState.OFFLINE: ("打印机离线", "Printer is offline", "printer.offline"),
    PrinterState.UNKNOWN: ("打印机无应答，状态未知", "Printer did not answer; state unknown", "printer.unknown"),
    PrinterState.DISABLED: ("本机未配置打印机", "No printer configured", "printer.disabled"),
}

#: States in which a receipt may be sent to the paper.
PRINTABLE = frozenset({PrinterState.PAPER_OK, PrinterState.ONLINE, PrinterState.PAPER_NEAR_END})


@dataclass(frozen=True)
class PrinterStatus:
    state: PrinterState
    detail: str = ""             # technical detail for technicians and logs (no personal data ever)
    replies: bytes = b""         # the raw reply bytes seen, in query order
    can_answer: bool = True      # False for transports that cannot read (file, win32)

    @property
    def message_zh(self) -> str:
        return _MESSAGES[self.state][0]

    @property
    def message_en(self) -> str:
        return _MESSAGES[self.state][1]

    @property
    def event(self) -> str:
        return _MESSAGES[self.state][2]

    @property
    def printable(self) -> bool:
        """Whether to send a receipt: a known-good state, or a write-only transport we cannot ask."""
        return self.state in PRINTABLE or (self.state is PrinterState.UNKNOWN and not self.can_answer)

    def describe(self) -> str:
        extra = f" ({self.detail})" if self.detail else ""
        return f"{self.message_zh} / {self.message_en}{extra}"


def valid_reply(byte: int) -> bool:
    """Real-time status bytes have bit 1 and bit 4 set and bits 0 and 7 clear."""
    return byte & 0x93 == 0x12


def pick_reply(data: bytes | None) -> int | None:
    """The last well-formed status byte in DATA (late or automatic status bytes may come before it)."""
    if not data:
        return None
    for byte in reversed(data):
        if valid_reply(byte):
            return byte
    return None


def is_offline(printer_byte: int) -> bool:
    return bool(printer_byte & 0x08)


def offline_cause(cause_byte: int | None) -> PrinterState:
    if cause_byte is None:
        return PrinterState.OFFLINE
    if cause_byte & 0x04:
        return PrinterState.COVER_OPEN
    if cause_byte & 0x20:
        return PrinterState.PAPER_OUT
    return PrinterState.OFFLINE


def paper_state(paper_byte: int | None) -> PrinterState:
    if paper_byte is None:
        return PrinterState.ONLINE
    if paper_byte & 0x60:
        return PrinterState.PAPER_OUT
    if paper_byte & 0x0C:
        return PrinterState.PAPER_NEAR_END
    return PrinterState.PAPER_OK


def interpret(printer: int | None, cause: int | None, paper: int | None) -> PrinterState:
    """Combine the replies to DLE EOT 1, 2 and 4 (None = no valid reply) into one state."""
    if printer is None:
        return PrinterState.UNKNOWN
    if is_offline(printer):
        state = offline_cause(cause)
        if state is PrinterState.OFFLINE and paper is not None and paper & 0x60:
            return PrinterState.PAPER_OUT
        return state
    return paper_state(paper)
