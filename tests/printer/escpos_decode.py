"""A small ESC/POS tokenizer for the commands the kiosk emits, so tests assert on what a receipt says.

Knows: ESC @, ESC a n, ESC E n, GS ! n, FS &, FS ., GS ( k (QR params, store, print), GS v 0 (raster),
GS V (cut), DLE EOT n (status queries in a simulator's stream), LF and text runs (decoded with the codec).
Anything else raises, so an unexpected byte sequence fails the test instead of being skipped.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Token:
    kind: str                 # init align bold size chinese_on chinese_off qr qr_store qr_print raster cut lf text status_query
    offset: int
    raw: bytes
    value: object = None


class DecodeError(ValueError):
    pass


def tokenize(data: bytes) -> list[Token]:
    tokens: list[Token] = []
    i = 0
    n = len(data)

    def need(count: int) -> None:
        if i + count > n:
            raise DecodeError(f"truncated command at offset {i}: {data[i:i + 8].hex(' ')}")

    while i < n:
        b = data[i]
        if b == 0x1B:                                    # ESC
            need(2)
            c = data[i + 1]
            if c == 0x40:
                tokens.append(Token("init", i, data[i:i + 2]))
                i += 2
            elif c in (0x61, 0x45):
                need(3)
                kind = "align" if c == 0x61 else "bold"
                tokens.append(Token(kind, i, data[i:i + 3], data[i + 2]))
                i += 3
            else:
                raise DecodeError(f"unknown ESC command at offset {i}: {data[i:i + 4].hex(' ')}")
        elif b == 0x1D:                                  # GS
            need(2)
            c = data[i + 1]
            if c == 0x21:
                need(3)
                v = data[i + 2]
                tokens.append(Token("size", i, data[i:i + 3], ((v >> 4) + 1, (v & 0x0F) + 1)))
                i += 3
            elif c == 0x28:                              # GS ( k pL pH cn fn ...
                need(5)
                if data[i + 2] != 0x6B:
                    raise DecodeError(f"unknown GS ( command at offset {i}")
                length = data[i + 3] | (data[i + 4] << 8)
                need(5 + length)
                body = data[i + 5:i + 5 + length]
                cn, fn = body[0], body[1]
                if cn != 0x31:
                    raise DecodeError(f"GS ( k for symbol {cn:#x}, not QR, at offset {i}")
                raw = data[i:i + 5 + length]
                if fn == 0x50:
                    tokens.append(Token("qr_store", i, raw, bytes(body[3:])))
                elif fn == 0x51:
                    tokens.append(Token("qr_print", i, raw))
                else:
                    tokens.append(Token("qr", i, raw, (fn, bytes(body[2:]))))
                i += 5 + length
            elif c == 0x76:                              # GS v 0 m xL xH yL yH d...
                need(8)
                wb = data[i + 4] | (data[i + 5] << 8)
                h = data[i + 6] | (data[i + 7] << 8)
                need(8 + wb * h)
                tokens.append(Token("raster", i, data[i:i + 8 + wb * h], (wb, h, bytes(data[i + 8:i + 8 + wb * h]))))
                i += 8 + wb * h
            elif c == 0x56:                              # GS V m [n]
                need(3)
                m = data[i + 2]
                size = 4 if m in (0x41, 0x42, 65, 66) else 3
                need(size)
                tokens.append(Token("cut", i, data[i:i + size], m))
                i += size
            else:
                raise DecodeError(f"unknown GS command at offset {i}: {data[i:i + 4].hex(' ')}")
        elif b == 0x1C:                                  # FS
            need(2)
            c = data[i + 1]
            if c == 0x26:
                tokens.append(Token("chinese_on", i, data[i:i + 2]))
            elif c == 0x2E:
                tokens.append(Token("chinese_off", i, data[i:i + 2]))
            else:
                raise DecodeError(f"unknown FS command at offset {i}: {data[i:i + 4].hex(' ')}")
            i += 2
        elif b == 0x10:                                  # DLE EOT n
            need(3)
            if data[i + 1] != 0x04:
                raise DecodeError(f"unknown DLE command at offset {i}")
            tokens.append(Token("status_query", i, data[i:i + 3], data[i + 2]))
            i += 3
        elif b == 0x0A:
            tokens.append(Token("lf", i, data[i:i + 1]))
            i += 1
        elif b < 0x20 or b == 0x7F:
            raise DecodeError(f"stray control byte {b:#04x} at offset {i}")
        else:
            j = i
            while j < n and not (data[j] < 0x20 or data[j] == 0x7F):
                j += 1
            tokens.append(Token("text", i, data[i:j]))
            i = j
    return tokens


@dataclass
class Receipt:
    """What a byte stream says: its lines of text, QR payloads, raster images, and where Chinese mode began."""

    tokens: list[Token]
    lines: list[str] = field(default_factory=list)
    raw_lines: list[bytes] = field(default_factory=list)
    qr_payloads: list[str] = field(default_factory=list)
    rasters: list[tuple[int, int, bytes]] = field(default_factory=list)
    chinese_on_offsets: list[int] = field(default_factory=list)
    first_multibyte_offset: int | None = None
    cuts: int = 0
    status_queries: list[int] = field(default_factory=list)
    big_lines: list[str] = field(default_factory=list)     # text printed at size >= 2

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def decode(data: bytes, codec: str = "gb18030") -> Receipt:
    tokens = tokenize(data)
    out = Receipt(tokens)
    current = b""
    size = 1
    big = False
    pending: bytes | None = None
    for tok in tokens:
        if tok.kind == "text":
            current += tok.raw
            if size >= 2:
                big = True
            if out.first_multibyte_offset is None:
                for k, byte in enumerate(tok.raw):
                    if byte >= 0x80:
                        out.first_multibyte_offset = tok.offset + k
                        break
        elif tok.kind == "lf":
            out.raw_lines.append(current)
            line = current.decode(codec, errors="replace")
            out.lines.append(line)
            if big:
                out.big_lines.append(line.strip())
            current, big = b"", False
        elif tok.kind == "size":
            size = max(tok.value)  # type: ignore[arg-type]
        elif tok.kind == "chinese_on":
            out.chinese_on_offsets.append(tok.offset)
        elif tok.kind == "qr_store":
            pending = tok.value  # type: ignore[assignment]
        elif tok.kind == "qr_print":
            if pending is None:
                raise DecodeError(f"QR print without stored data at offset {tok.offset}")
            out.qr_payloads.append(pending.decode("utf-8"))
        elif tok.kind == "raster":
            out.rasters.append(tok.value)  # type: ignore[arg-type]
        elif tok.kind == "cut":
            out.cuts += 1
        elif tok.kind == "status_query":
            out.status_queries.append(tok.value)  # type: ignore[arg-type]
    if current:
        out.raw_lines.append(current)
        out.lines.append(current.decode(codec, errors="replace"))
    return out


def raster_image(raster: tuple[int, int, bytes]):  # -> PIL.Image.Image
    """Rebuild a GS v 0 raster as a Pillow image (black dots on white)."""
    from PIL import Image

    wb, h, bits = raster
    img = Image.frombytes("1", (wb * 8, h), bytes(b ^ 0xFF for b in bits))
    return img


def decode_raster_qr(raster: tuple[int, int, bytes]) -> str:
    """Read the QR in a raster with zxing-cpp (pinned in the dev group)."""
    import zxingcpp
    from PIL import ImageOps

    img = ImageOps.expand(raster_image(raster).convert("L"), border=16, fill=255)
    results = zxingcpp.read_barcodes(img)
    if not results:
        raise DecodeError("no QR code found in the raster image")
    return results[0].text
