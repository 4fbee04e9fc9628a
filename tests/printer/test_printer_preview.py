"""Preview images: every kind renders at the configured width, mirrors the QR, and fails clearly without fonts."""
from __future__ import annotations

import io

import pytest
from PIL import Image, ImageOps

from kiosk.devices.printer import preview
from kiosk.devices.printer.document import Document, Text
from kiosk.devices.printer.samples import KINDS, sample_document
from kiosk.devices.printer.settings import PrinterSettings


@pytest.mark.parametrize("paper, width", [(80, 576 + 48), (58, 384 + 48)])
@pytest.mark.parametrize("kind", [*KINDS, "test"])
def test_every_kind_renders_at_the_paper_width(kind: str, paper: int, width: int) -> None:
    settings = PrinterSettings(paper_width_mm=paper)
    image = preview.render_preview(sample_document(kind, settings), settings)
    assert image.width == width and image.height > 300
    # ink on the paper, but mostly white
    hist = image.convert("L").histogram()
    dark = sum(hist[:128])
    assert 0.01 < dark / (image.width * image.height) < 0.5


@pytest.mark.parametrize("kind", ["case", "guide", "notice"])
def test_preview_qr_decodes_to_the_printed_payload(kind: str) -> None:
    import zxingcpp

    settings = PrinterSettings()
    doc = sample_document(kind, settings)
    image = preview.render_preview(doc, settings)
    results = zxingcpp.read_barcodes(ImageOps.grayscale(image))
    assert [r.text for r in results] == [doc.fallback_qr]


def test_longer_documents_give_taller_previews_and_png_bytes_load() -> None:
    settings = PrinterSettings()
    short = preview.render_preview(Document("x", (Text("一行"),)), settings)
    long = preview.render_preview(Document("x", (Text("很多行" * 60),)), settings)
    assert long.height > short.height
    png = preview.preview_png(Document("x", (Text("预览"),)), settings)
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.width == 576 + 48


def test_text_ink_stays_inside_its_columns() -> None:
    """Right-aligned text ends at the right edge of the printable area, not beyond (mirrors the grid)."""
    settings = PrinterSettings()
    image = preview.render_preview(Document("x", (Text("右对齐测试", align="right"),)), settings)
    box = ImageOps.invert(image.convert("L")).getbbox()
    assert box is not None
    assert box[2] <= preview.MARGIN + 576 + 1 and box[2] > preview.MARGIN + 576 - 24


def test_missing_cjk_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preview, "CJK_FAMILIES", ("No Such Font Family XYZ",))
    monkeypatch.setattr(preview, "KNOWN_CJK_PATHS", ("/nonexistent/font.ttc",))
    preview.find_cjk_font.cache_clear()
    try:
        with pytest.raises(preview.PreviewFontError, match="fonts-noto-cjk"):
            preview.render_preview(Document("x", (Text("中"),)), PrinterSettings())
    finally:
        preview.find_cjk_font.cache_clear()


def test_the_installed_font_is_a_cjk_one() -> None:
    font = preview.find_cjk_font()
    assert any(h in font.path.lower().replace("-", "") for h in ("cjk", "wqy"))


def test_fallback_qr_png_decodes_to_the_payload() -> None:
    import zxingcpp

    png = preview.qr_png("https://zw.liuyang.example/c/LY20261126-000123")
    with Image.open(io.BytesIO(png)) as image:
        assert [r.text for r in zxingcpp.read_barcodes(image)] == ["https://zw.liuyang.example/c/LY20261126-000123"]
