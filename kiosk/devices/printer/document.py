"""The receipt document model: a list of ops, laid out once into lines that both the ESC/POS encoder and the
preview draw, so the preview shows exactly what the paper will (pure; no I/O, no escpos import).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from kiosk.devices.printer.text import display_width, pad, wrap

Align = Literal["left", "center", "right"]
ALIGNS: tuple[str, ...] = ("left", "center", "right")


@dataclass(frozen=True)
class Text:
    """A paragraph, wrapped to the line width. size 1 = normal, 2 = double width and height, 3 = triple."""

    text: str
    align: Align = "left"
    bold: bool = False
    size: int = 1
    indent: int = 0            # continuation lines start this many columns in (hanging indent for lists)


@dataclass(frozen=True)
class Rule:
    """A full-width line of dashes (or another ASCII character)."""

    char: str = "-"


@dataclass(frozen=True)
class Table:
    """Label/value pairs: labels padded to one column width so values line up in Chinese; values wrap under
    their own column."""

    rows: tuple[tuple[str, str], ...]
    separator: str = "："


@dataclass(frozen=True)
class QR:
    """A QR code (error correction M), centred. module = dots per module (native size 1-16)."""

    payload: str
    module: int = 6
    caption: str = ""


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Cut:
    """Feed past the cutter and cut (the encoder leaves the cut out when the config says cut = false)."""


@dataclass(frozen=True)
class CodecSample:
    """One line encoded with a codec other than the configured one (the technician's test page only)."""

    codec: str
    text: str


Op = Text | Rule | Table | QR | Feed | Cut | CodecSample


@dataclass(frozen=True)
class Document:
    """A receipt: its ops, what kind it is, and what the screen shows instead when printing fails."""

    kind: str
    ops: tuple[Op, ...]
    fallback_qr: str = ""      # payload of the on-screen QR when the paper cannot be printed
    headline: str = ""         # the one thing to show in large type then (case number, ticket number)


# ---- laid-out lines -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TextLine:
    text: str
    align: Align = "left"
    bold: bool = False
    size: int = 1
    codec: str = ""            # "" = the configured codec


@dataclass(frozen=True)
class QRLine:
    payload: str
    module: int


@dataclass(frozen=True)
class FeedLine:
    lines: int


@dataclass(frozen=True)
class CutLine:
    pass


Line = TextLine | QRLine | FeedLine | CutLine

CUT_FEED_LINES = 4  # the cutter sits a few lines above the print head


@dataclass
class _Builder:
    columns: int
    lines: list[Line] = field(default_factory=list)

    def add(self, op: Op) -> None:
        if isinstance(op, Text):
            if op.size not in (1, 2, 3):
                raise ValueError(f"text size must be 1, 2 or 3, not {op.size}")
            if op.align not in ALIGNS:
                raise ValueError(f"align must be one of {ALIGNS}, not {op.align!r}")
            for line in wrap(op.text, max(2, self.columns // op.size), op.indent):
                self.lines.append(TextLine(line, op.align, op.bold, op.size))
        elif isinstance(op, Rule):
            ch = op.char if len(op.char) == 1 and op.char.isascii() else "-"
            self.lines.append(TextLine(ch * self.columns))
        elif isinstance(op, Table):
            self._table(op)
        elif isinstance(op, QR):
            if not 1 <= op.module <= 16:
                raise ValueError("QR module size must be 1-16 dots")
            self.lines.append(QRLine(op.payload, op.module))
            if op.caption:
                for line in wrap(op.caption, self.columns):
                    self.lines.append(TextLine(line, "center"))
        elif isinstance(op, Feed):
            self.lines.append(FeedLine(max(0, op.lines)))
        elif isinstance(op, Cut):
            self.lines.append(FeedLine(CUT_FEED_LINES))
            self.lines.append(CutLine())
        elif isinstance(op, CodecSample):
            self.lines.append(TextLine(op.text, codec=op.codec))
        else:  # pragma: no cover - the Op union is closed
            raise TypeError(f"not a document op: {op!r}")

    def _table(self, table: Table) -> None:
        if not table.rows:
            return
        label_w = max(display_width(label + table.separator) for label, _ in table.rows)
        # a label column wider than ~40% of the line would squeeze values: cap it and let labels wrap
        label_w = min(label_w, max(8, self.columns * 2 // 5))
        value_w = self.columns - label_w
        for label, value in table.rows:
            labels = wrap(label + table.separator, label_w)
            values = wrap(value, value_w) if value else [""]
            for i in range(max(len(labels), len(values))):
                left = pad(labels[i] if i < len(labels) else "", label_w)
                right = values[i] if i < len(values) else ""
                self.lines.append(TextLine((left + right).rstrip(" ")))


def layout(doc: Document, columns: int) -> list[Line]:
    """Lay DOC out for a paper COLUMNS wide (Font A columns)."""
    builder = _Builder(columns)
    for op in doc.ops:
        builder.add(op)
    return builder.lines
