"""Preview: draw a Document as the printer would print it (Pillow), for 打印预览, docs and tests.

It draws the same laid-out lines the encoder sends (document.layout), character by character on the
printer's grid: Font A cells of 12x24 dots, Chinese characters two cells wide, double size doubling both,
QR codes at their module size, at 8 dots/mm (576 printable dots at 80 mm, 384 at 58 mm). Text goes through
the configured codec first, so a character the printer cannot print shows as 〓 here too.
"""
from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.devices.printer.document import CutLine, Document, FeedLine, QRLine, TextLine, layout
from kiosk.devices.printer.qr import qr_matrix
from kiosk.devices.printer.text import char_width, check_codec, printable

if TYPE_CHECKING:
    from PIL import Image, ImageFont

    from kiosk.devices.printer.settings import PrinterSettings

DOTS_PER_MM = 8
CELL_H = 24
LINE_GAP = 6
MARGIN = 24

CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
                "Droid Sans Fallback", "Microsoft YaHei", "SimHei")
KNOWN_CJK_PATHS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)
_CJK_NAME_HINTS = ("cjk", "wqy", "sourcehan", "droidsansfallback", "msyh", "simhei", "simsun")
MONO_PATHS = ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "C:/Windows/Fonts/consola.ttf")


class PreviewFontError(RuntimeError):
    """No Chinese font on this machine; the message says what to install."""


@dataclass(frozen=True)
class FontFile:
    path: str
    index: int = 0


def _fc_match(family: str) -> FontFile | None:
    if shutil.which("fc-match") is None:
        return None
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}|%{index}", family], capture_output=True, text=True,
                             timeout=5, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    path, _, index = out.partition("|")
    if not path or not os.path.exists(path):
        return None
    return FontFile(path, int(index) if index.isdigit() else 0)


@functools.lru_cache(maxsize=1)
def find_cjk_font() -> FontFile:
    """Noto Sans CJK / WenQuanYi via fontconfig, else known paths; PreviewFontError when there is none.

    fc-match always answers with *some* font, so its answer counts only when the file is a CJK one.
    """
    for family in CJK_FAMILIES:
        found = _fc_match(family)
        if found and any(h in os.path.basename(found.path).lower().replace("-", "") for h in _CJK_NAME_HINTS):
            return found
    for path in KNOWN_CJK_PATHS:
        if os.path.exists(path):
            return FontFile(path, 0)
    raise PreviewFontError(
        "receipt preview needs a Chinese font and none was found (tried fontconfig for "
        f"{', '.join(CJK_FAMILIES)} and {len(KNOWN_CJK_PATHS)} known paths). Install one: "
        "`apt-get install fonts-noto-cjk` (Debian/Ubuntu) or fonts-wqy-microhei.")


@functools.lru_cache(maxsize=1)
def _mono_font() -> FontFile | None:
    found = _fc_match("DejaVu Sans Mono")
    if found and "mono" in found.path.lower():
        return found
    for path in MONO_PATHS:
        if os.path.exists(path):
            return FontFile(path)
    return None


@functools.lru_cache(maxsize=32)
def _font(file: FontFile, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(file.path, size, index=file.index)


def paper_dots(paper_width_mm: int) -> int:
    """Printable dots: 72 mm of an 80 mm roll, 48 mm of a 58 mm roll, at 8 dots/mm."""
    return {80: 576, 58: 384}.get(paper_width_mm, (paper_width_mm - 8) * DOTS_PER_MM)


def render_preview(doc: Document, settings: PrinterSettings) -> Image.Image:
    """An RGB image of DOC at the configured width, mirroring the printed layout."""
    return render_lines_preview(doc, settings.line_columns, settings.paper_width_mm, settings.encoding)


def render_lines_preview(doc: Document, columns: int, paper_width_mm: int = 80, codec: str = "gb18030") -> Image.Image:
    from PIL import Image, ImageDraw

    codec = check_codec(codec)
    cjk = find_cjk_font()
    mono = _mono_font() or cjk
    dots = paper_dots(paper_width_mm)
    cell_w = dots / columns
    lines = layout(doc, columns)

    # first pass: heights
    heights: list[int] = []
    for line in lines:
        if isinstance(line, TextLine):
            heights.append(CELL_H * line.size + LINE_GAP)
        elif isinstance(line, QRLine):
            heights.append(len(qr_matrix(line.payload)) * line.module + LINE_GAP)
        elif isinstance(line, FeedLine):
            heights.append((CELL_H + LINE_GAP) * line.lines)
        else:
            heights.append(20)
    width = dots + 2 * MARGIN
    image = Image.new("RGB", (width, sum(heights) + 2 * MARGIN), "white")
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for line, h in zip(lines, heights):
        if isinstance(line, TextLine):
            _draw_text(draw, line, codec, y, cell_w, columns, cjk, mono)
        elif isinstance(line, QRLine):
            matrix = qr_matrix(line.payload)
            size = len(matrix) * line.module
            x0 = MARGIN + (dots - size) // 2
            for r, row in enumerate(matrix):
                for c, dark in enumerate(row):
                    if dark:
                        draw.rectangle((x0 + c * line.module, y + r * line.module,
                                        x0 + (c + 1) * line.module - 1, y + (r + 1) * line.module - 1), fill="black")
        elif isinstance(line, CutLine):
            for x in range(0, width, 12):
                draw.line((x, y + 10, x + 6, y + 10), fill=(150, 150, 150), width=2)
        y += h
    return image


def _draw_text(draw: object, line: TextLine, codec: str, y: int, cell_w: float, columns: int,
               cjk: FontFile, mono: FontFile) -> None:
    from PIL import ImageDraw

    assert isinstance(draw, ImageDraw.ImageDraw)
    if line.codec and line.codec != codec:
        # a codec sample: show what this printer (set to CODEC) makes of the other codec's bytes
        shown = printable(line.text, line.codec)[0].encode(line.codec).decode(codec, errors="replace")
    else:
        shown = printable(line.text, codec)[0]
    s = line.size
    used = sum(char_width(ch) for ch in shown) * s
    x_cells = {"left": 0, "center": max(0, (columns - used) // 2), "right": max(0, columns - used)}[line.align]
    x = MARGIN + x_cells * cell_w
    bold = line.bold
    for ch in shown:
        w = char_width(ch)
        if w == 0:
            continue
        box_w = w * cell_w * s
        if w == 1:
            font = _font(mono, int(20 * s))
        else:
            font = _font(cjk, int(22 * s))
        if not ch.isspace():
            # centre the advance width in the cell; one baseline per font so 。and ， sit low as printed
            ascent, descent = font.getmetrics()
            gx = x + (box_w - font.getlength(ch)) / 2
            gy = y + (CELL_H * s - (ascent + descent)) / 2
            draw.text((gx, gy), ch, font=font, fill="black")
            if bold:   # emphasis as the printer does it: the dots again, shifted one dot right
                draw.text((gx + s, gy), ch, font=font, fill="black")
        x += box_w


def qr_png(payload: str, module_px: int = 10) -> bytes:
    """The on-screen fallback QR (result.fallback_qr) as PNG bytes, error correction M, quiet zone included."""
    from PIL import Image, ImageDraw

    matrix = qr_matrix(payload)
    side = len(matrix) * module_px
    image = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(image)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                draw.rectangle((c * module_px, r * module_px, (c + 1) * module_px - 1, (r + 1) * module_px - 1), fill=0)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def preview_png(doc: Document, settings: PrinterSettings) -> bytes:
    """The preview as PNG bytes (for QPixmap.loadFromData on the 打印预览 screen)."""
    buf = io.BytesIO()
    render_preview(doc, settings).save(buf, format="PNG")
    return buf.getvalue()
