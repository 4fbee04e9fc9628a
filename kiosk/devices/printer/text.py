"""Chinese text for thermal printers: normalising, encoding, display width, wrapping (pure functions).

python-escpos's ``text()`` sends hanzi without ``FS &`` and turns ``：``, ``㎡``, ``①`` and rare characters into
``?`` (../shared/reference/escpos-notes.md), so receipts go through this layer instead.

Display width: a printer in Chinese mode (after ``FS &``) prints every multi-byte character from its
24x24 Chinese font, i.e. two columns of Font A; only ASCII prints one column. So the width of a character is
1 for printable ASCII and 2 for anything else that prints (CJK, full-width punctuation, ①, ㎡, ￥ ...).
This matches east-asian width (W/F = 2) for the text we print and also counts ambiguous characters (“ ” ①
— ·) as 2, which is what the Chinese font does with them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SUPPORTED_CODECS: tuple[str, ...] = ("gb18030", "gbk", "utf-8")
DEFAULT_CODEC = "gb18030"

#: Shown instead of a character the codec cannot encode: the GB 2312 "geta" mark every Chinese font has.
REPLACEMENT = "〓"

# Characters that encode but print wrong on Chinese printers, mapped to what the GB font has.
_NORMALISE = str.maketrans({
    "¥": "￥",      # U+00A5 is a 4-byte GB18030 sequence most printer fonts lack; the full-width yen is in GB 2312
    "\u00a0": " ",  # no-break space
    "\u3000": "  ",  # ideographic space: two ASCII spaces keep the width and print everywhere
    "\t": "    ",
})


def columns_for(paper_width_mm: int, columns: int = 0) -> int:
    """Font A columns per line: the configured value, else 48 at 80 mm and 32 at 58 mm."""
    if columns:
        return columns
    if paper_width_mm == 80:
        return 48
    if paper_width_mm == 58:
        return 32
    raise ValueError(f"paper_width_mm must be 80 or 58, not {paper_width_mm!r}")


def check_codec(codec: str) -> str:
    """The codec name in canonical form, or ValueError naming the allowed ones."""
    name = codec.strip().lower().replace("_", "-")
    if name == "utf8":
        name = "utf-8"
    if name not in SUPPORTED_CODECS:
        raise ValueError(f"unknown printer encoding {codec!r}; allowed: {', '.join(SUPPORTED_CODECS)}")
    return name


def char_width(ch: str) -> int:
    """Columns of Font A a character takes on a Chinese-mode printer (0 for combining marks)."""
    code = ord(ch)
    if 0x20 <= code < 0x7F:
        return 1
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2


def display_width(text: str) -> int:
    """Printed width of TEXT in Font A columns."""
    return sum(char_width(ch) for ch in text)


def clean(text: str) -> str:
    """Normalise for printing: NFC, printer-safe symbols, and no control bytes.

    Control characters are replaced by spaces: data from the citizen or the central service must never be
    able to smuggle an ESC/POS command (ESC, GS, DLE ...) onto the paper stream.
    """
    text = unicodedata.normalize("NFC", text).translate(_NORMALISE)
    return "".join(" " if (unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029") else ch for ch in text)


@dataclass(frozen=True)
class Encoded:
    """Bytes for one run of text, and the characters that had to be replaced (never silently)."""

    data: bytes
    replaced: tuple[str, ...] = ()


def printable(text: str, codec: str) -> tuple[str, tuple[str, ...]]:
    """TEXT cleaned, with characters CODEC cannot encode replaced by 〓; also returns those characters."""
    text = clean(text)
    out: list[str] = []
    replaced: list[str] = []
    for ch in text:
        try:
            ch.encode(codec)
        except UnicodeEncodeError:
            # A zero-width character (a joiner, a combining mark) is left out rather than replaced: the line was
            # laid out without it, and a 2-column 〓 would push it past the paper's edge. Still reported.
            out.append(REPLACEMENT if char_width(ch) else "")
            replaced.append(ch)
        else:
            out.append(ch)
    return "".join(out), tuple(replaced)


def encode(text: str, codec: str) -> Encoded:
    """Encode a run of already-laid-out text; unencodable characters become 〓 and are reported."""
    shown, replaced = printable(text, codec)
    return Encoded(shown.encode(codec), replaced)


def needs_chinese_mode(data: bytes) -> bool:
    """True when the bytes hold a multi-byte character (any byte >= 0x80), i.e. ``FS &`` must precede them."""
    return any(b >= 0x80 for b in data)


def describe_replaced(chars: tuple[str, ...] | list[str]) -> str:
    """``U+4DAE 䶮, U+20000 𠀀`` for a report to the technician (characters only, never whole strings)."""
    seen: list[str] = []
    for ch in chars:
        if ch not in seen:
            seen.append(ch)
    return ", ".join(f"U+{ord(ch):04X} {ch}" for ch in seen)


def wrap(text: str, width: int, indent: int = 0) -> list[str]:
    """Break TEXT into lines of at most WIDTH columns.

    Latin words and numbers are kept whole where they fit (a case number must not break in the middle);
    Chinese breaks between any two characters, but closing punctuation is not put at the start of a line
    (禁则) when it can be pulled back. Explicit newlines are kept. An empty text gives one empty line.
    INDENT: continuation lines start with that many spaces (a hanging indent for lists).
    """
    if width < 2 or width - indent < 2:
        raise ValueError("wrap width must be at least 2 columns (after the indent)")
    lines: list[str] = []
    for paragraph in clean_lines(text):
        lines.extend(_wrap_paragraph(paragraph, width, indent))
    return lines


def clean_lines(text: str) -> list[str]:
    """Split on newlines before cleaning (clean() would turn them into spaces)."""
    return [clean(part) for part in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


_HYPHEN_PIECES = re.compile(r"[^-]*-|[^-]+")
_NO_LINE_END = set("（《「『【〔“‘([{")
_NO_LINE_START = set("，。、；：！？）》」』】〕…—,.;:!?)]}％%")


def _tokens(text: str) -> list[str]:
    """Words of ASCII letters/digits (with the characters that glue them) stay together; others alone."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            word += ch
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(ch)
    if word:
        tokens.append(word)
    return tokens


def _wrap_paragraph(text: str, full_width: int, indent: int = 0) -> list[str]:
    lines = _wrap_lines(text, full_width, full_width - indent)
    return lines[:1] + [" " * indent + line for line in lines[1:]]


def _wrap_lines(text: str, first_width: int, rest_width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    used = 0
    width = first_width
    for token in _tokens(text):
        w = display_width(token)
        if used + w <= width:
            line += token
            used += w
            continue
        if token == " ":
            lines.append(line)
            line, used, width = "", 0, rest_width
            continue
        if w > width or w > rest_width:  # a word longer than a line: break it after a hyphen where one fits,
            for piece in _HYPHEN_PIECES.findall(token):  # so a reference reads "LY-JL-0012-" / "20261126-0007"
                pw = display_width(piece)
                if used + pw > width and line and pw <= rest_width:
                    lines.append(line)
                    line, used, width = "", 0, rest_width
                for ch in piece:  # else character by character
                    cw = char_width(ch)
                    if used + cw > width:
                        lines.append(line)
                        line, used, width = "", 0, rest_width
                    line += ch
                    used += cw
            continue
        if token in _NO_LINE_START and line and display_width(line[-1]) <= w:
            # pull the last character down with the punctuation rather than start a line with it
            moved = line[-1]
            lines.append(line[:-1])
            width = rest_width
            line = moved + token
            used = display_width(line)
            continue
        carry = ""
        while (line and line[-1] in _NO_LINE_END and len(carry) < 2
               and display_width(line[-1] + carry + token) <= rest_width):
            carry, line = line[-1] + carry, line[:-1]     # an opening bracket goes down with its word
        lines.append(line.rstrip(" "))
        width = rest_width
        line = carry + token.lstrip(" ")
        used = display_width(line)
    lines.append(line.rstrip(" ") if lines else line)
    return lines


def pad(text: str, width: int, align: str = "left") -> str:
    """TEXT padded with spaces to WIDTH columns (text wider than WIDTH is returned unchanged)."""
    gap = width - display_width(text)
    if gap <= 0:
        return text
    if align == "right":
        return " " * gap + text
    if align == "center":
        left = gap // 2
        return " " * left + text + " " * (gap - left)
    return text + " " * gap
