"""Document -> ESC/POS bytes (pure). Emits ``FS &`` once before the first multi-byte character, encodes text
with the configured codec, and writes style changes only when they change.
"""
from __future__ import annotations

from dataclasses import dataclass

from kiosk.devices.printer.document import CutLine, Document, FeedLine, QRLine, TextLine, layout
from kiosk.devices.printer.qr import native_qr, raster_qr
from kiosk.devices.printer.text import check_codec, encode, needs_chinese_mode

ESC, GS, FS, LF = b"\x1b", b"\x1d", b"\x1c", b"\n"
INIT = ESC + b"@"
CHINESE_ON = FS + b"&"
CHINESE_OFF = FS + b"."
PARTIAL_CUT = GS + b"V\x01"
_ALIGN = {"left": 0, "center": 1, "right": 2}


@dataclass(frozen=True)
class EncodeOptions:
    codec: str = "gb18030"
    columns: int = 48
    qr_mode: str = "native"     # "native" (GS ( k) or "image" (GS v 0)
    cut: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "codec", check_codec(self.codec))
        if self.qr_mode not in ("native", "image"):
            raise ValueError(f"qr_mode must be \"native\" or \"image\", not {self.qr_mode!r}")
        if not 16 <= self.columns <= 64:
            raise ValueError(f"columns must be 16-64, not {self.columns}")


@dataclass(frozen=True)
class Encoded:
    data: bytes
    replaced: tuple[str, ...]       # characters the codec could not encode (printed as 〓)
    qr_payloads: tuple[str, ...]


def encode_document(doc: Document, options: EncodeOptions) -> Encoded:
    """The bytes for DOC: ESC @, then the laid-out lines, FS . to leave Chinese mode, and the cut."""
    out = bytearray(INIT)
    align, bold, size = 0, False, 1
    chinese = False
    replaced: list[str] = []
    payloads: list[str] = []

    def leave_chinese() -> None:
        nonlocal chinese
        if chinese:
            out.extend(CHINESE_OFF)
            chinese = False

    for line in layout(doc, options.columns):
        if isinstance(line, TextLine):
            want_align = _ALIGN[line.align]
            if want_align != align:
                out.extend(ESC + b"a" + bytes((want_align,)))
                align = want_align
            if line.bold != bold:
                out.extend(ESC + b"E" + (b"\x01" if line.bold else b"\x00"))
                bold = line.bold
            if line.size != size:
                n = line.size - 1
                out.extend(GS + b"!" + bytes(((n << 4) | n,)))
                size = line.size
            enc = encode(line.text, line.codec or options.codec)
            replaced.extend(enc.replaced)
            if not chinese and needs_chinese_mode(enc.data):
                out.extend(CHINESE_ON)
                chinese = True
            out.extend(enc.data + LF)
        elif isinstance(line, QRLine):
            if align != 1:
                out.extend(ESC + b"a\x01")
                align = 1
            if options.qr_mode == "native":
                out.extend(native_qr(line.payload, line.module))
            else:
                out.extend(raster_qr(line.payload, line.module))
            out.extend(LF)
            payloads.append(line.payload)
        elif isinstance(line, FeedLine):
            out.extend(LF * line.lines)
        elif isinstance(line, CutLine):
            leave_chinese()
            if options.cut:
                out.extend(PARTIAL_CUT)
    leave_chinese()
    return Encoded(bytes(out), tuple(replaced), tuple(payloads))
