"""Every receipt kind decoded back from its bytes: the Chinese text, the QR payload, the cut, and privacy."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest
from escpos_decode import decode, decode_raster_qr, tokenize

from kiosk.devices.printer.document import TextLine, layout
from kiosk.devices.printer.encoder import encode_document
from kiosk.devices.printer.receipts import CODEC_SAMPLE, case_receipt, technician_test_page
from kiosk.devices.printer.samples import (
    KINDS,
    SAMPLE_ID,
    SAMPLE_PHONE,
    sample_case,
    sample_document,
    sample_test_page,
)
from kiosk.devices.printer.settings import PrinterSettings
from kiosk.devices.printer.text import display_width

EXPECTED: dict[str, tuple[list[str], str]] = {
    "case": (["办件回执", "办件编号：LY20261126-000123", "办理事项：老年人优待证办理", "申请人：  欧**菊",
              "证件号码：430181********0037", "联系电话：138****1234", "承诺办结：2026-12-03",
              "1. 居民身份证（电子证照调取）", "3. 《老年人优待证申请表》", "办理流程：村受理-镇审核-村出件",
              "受理：神仙坳村便民服务站", "审核：集里街道便民服务中心", "出件：神仙坳村便民服务站",
              "领取方式：窗口领取", "扫码查询办理进度"],
             "https://zw.liuyang.example/c/LY20261126-000123"),
    "ticket": (["排队号", "A023", "办理业务：社会保障卡补换", "前面等候：7 人", "取号时间：2026-11-26 09:41"], ""),
    "appointment": (["预约凭证", "2026-11-28 09:00-09:30", "预约编号：YY20261128-0042", "办理部门：浏阳市人社局",
                     "证件号码：430181********0037"], "https://zw.liuyang.example/a/YY20261128-0042"),
    "guide": (["办事指南", "1. 事项名称和编码", "2. 设定依据", "3. 受理条件", "4. 申请材料（请对照勾选）",
               "5. 办理流程", "6. 办理时限", "7. 收费标准及依据", "8. 办理地点", "9. 办理时间", "10. 咨询电话",
               "11. 监督投诉电话", "12. 到现场次数", "13. 办理结果及送达方式", "申请 → 受理 → 审核 → 制证 → 领取",
               "法定20个工作日；承诺5个工作日"],
              "https://zw.liuyang.example/g/430181-GG-0042-001"),
    "progress": (["办件进度", "当前状态：审核中", "2026-11-26 10:05  已受理", "  集里街道便民服务中心：材料齐全，审核中"],
                 "https://zw.liuyang.example/c/LY20261126-000123"),
    "notice": (["一次性告知单", "1. 结婚证", "   要求：夫妻双方结婚证原件及复印件各1份", "补正期限：2026-12-10",
                "咨询电话：0731-83654321"], "https://zw.liuyang.example/c/LY20261125-000087"),
}


def _check_clean(r, codec: str) -> None:  # type: ignore[no-untyped-def]
    assert len(r.chinese_on_offsets) == 1, "FS & exactly once"
    assert r.chinese_on_offsets[0] < r.first_multibyte_offset, "FS & before the first Chinese byte"
    for line in r.lines:
        assert "\ufffd" not in line and "?" not in line and "〓" not in line, line
    assert r.cuts == 1


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "utf-8"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_decodes_to_its_text_and_qr(kind: str, codec: str) -> None:
    settings = PrinterSettings(encoding=codec)
    encoded = encode_document(sample_document(kind, settings), settings.encode_options)
    assert encoded.replaced == ()
    r = decode(encoded.data, codec)
    _check_clean(r, codec)
    lines, payload = EXPECTED[kind]
    for want in lines:
        assert want in r.lines, f"{want!r} missing from the {kind} receipt"
    assert r.qr_payloads == ([payload] if payload else [])
    assert "浏阳市集里街道便民服务中心" in r.lines and "终端 LY-DEMO-0001" in r.lines


@pytest.mark.parametrize("kind", KINDS)
def test_58mm_lines_fit_32_columns(kind: str) -> None:
    settings = PrinterSettings(paper_width_mm=58)
    for line in layout(sample_document(kind, settings), 32):
        if isinstance(line, TextLine):
            assert display_width(line.text) * line.size <= 32, line


def test_ticket_number_is_big_and_titles_double_size() -> None:
    settings = PrinterSettings()
    data = encode_document(sample_document("ticket", settings), settings.encode_options).data
    assert b"\x1d!\x22A023\n" in data                         # triple width and height
    r = decode(data)
    assert r.big_lines[:2] == ["排队号", "A023"]


@pytest.mark.parametrize("kind", ["case", "appointment"])
@pytest.mark.parametrize("codec", ["gb18030", "gbk", "utf-8"])
def test_no_full_id_number_phone_or_name_on_paper(kind: str, codec: str) -> None:
    settings = PrinterSettings(encoding=codec)
    data = encode_document(sample_document(kind, settings), settings.encode_options).data
    assert SAMPLE_ID.encode() not in data and SAMPLE_PHONE.encode() not in data
    assert "欧阳秀菊".encode(codec) not in data
    text = decode(data, codec).text
    assert not re.search(r"\d{17}[\dX]", text) and not re.search(r"1[3-9]\d{9}", text)
    assert "19900101" not in text, "birth-date digits never shown"


def test_express_delivery_masks_the_address() -> None:
    data = replace(sample_case(PrinterSettings()), delivery="express",
                   express_address="湖南省浏阳市集里街道神仙坳村3组12号")
    text = decode(encode_document(case_receipt(data), PrinterSettings().encode_options).data).text
    assert "邮寄地址：湖南省浏阳市集里街道****" in text and "3组12号" not in text and "免费邮寄" in text


def test_offline_case_says_pending_upload_with_its_local_reference() -> None:
    settings = PrinterSettings()
    doc = case_receipt(sample_case(settings, offline=True))
    r = decode(encode_document(doc, settings.encode_options).data)
    assert "本机编号：LOCAL-7F3A9C" in r.lines
    assert any(line.startswith("状态：    待上传") for line in r.lines)
    assert not any(line.startswith("办件编号") for line in r.lines)
    assert doc.headline == "LOCAL-7F3A9C" and r.qr_payloads == [doc.fallback_qr]


def test_case_receipt_fallback_is_the_follow_url_and_case_number() -> None:
    doc = sample_document("case", PrinterSettings())
    assert doc.fallback_qr == "https://zw.liuyang.example/c/LY20261126-000123"
    assert doc.headline == "LY20261126-000123"


def test_native_qr_case_receipt_stays_under_1kb() -> None:
    settings = PrinterSettings()
    size = len(encode_document(sample_document("case", settings), settings.encode_options).data)
    assert size < 1024, size


@pytest.mark.parametrize("kind", ["case", "guide"])
def test_image_qr_mode_rasters_decode_to_the_payload(kind: str) -> None:
    settings = PrinterSettings(qr_mode="image")
    doc = sample_document(kind, settings)
    r = decode(encode_document(doc, settings.encode_options).data)
    assert r.qr_payloads == [] and len(r.rasters) == 1
    assert decode_raster_qr(r.rasters[0]) == doc.fallback_qr


def test_image_qr_decodes_a_chinese_url() -> None:
    from kiosk.devices.printer.document import QR, Document
    from kiosk.devices.printer.encoder import EncodeOptions

    doc = Document("x", (QR("https://zw.example/查询?号=A023", module=4),))
    r = decode(encode_document(doc, EncodeOptions(qr_mode="image")).data)
    assert decode_raster_qr(r.rasters[0]) == "https://zw.example/查询?号=A023"


def test_rare_characters_in_data_are_reported_not_hidden() -> None:
    settings = PrinterSettings(encoding="gbk")
    data = replace(sample_case(settings), pickup_site="䶮山村便民服务站")
    encoded = encode_document(case_receipt(data), settings.encode_options)
    assert encoded.replaced == ("䶮",)
    assert "领取地点：〓山村便民服务站" in decode(encoded.data, "gbk").lines


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "utf-8"])
def test_test_page_has_one_line_per_codec_a_terminal_qr_and_a_cut(codec: str) -> None:
    settings = PrinterSettings(encoding=codec, uri="file:///tmp/x.bin")
    data = technician_test_page(sample_test_page(settings))
    r = decode(encode_document(data, settings.encode_options).data, codec)
    for other in ("gb18030", "gbk", "utf-8"):
        label = f"[{other:<7}] "
        raw = [line for line in r.raw_lines if line.startswith(label.encode())]
        assert raw == [(label + CODEC_SAMPLE.replace("¥", "￥")).encode(other)], other
    assert r.qr_payloads == ["LY-DEMO-0001"] and r.cuts == 1
    assert "终端编号：LY-DEMO-0001" in r.lines and f"编码：    {codec}" in r.lines
    assert any(line.startswith("中文样张：，。、；！？“引号”（括号）《书名》") for line in r.lines)
    assert len(r.chinese_on_offsets) == 1 and r.chinese_on_offsets[0] < r.first_multibyte_offset


def test_token_stream_has_only_known_commands() -> None:
    settings = PrinterSettings(qr_mode="image")
    for kind in KINDS:
        kinds = {t.kind for t in tokenize(encode_document(sample_document(kind, settings), settings.encode_options).data)}
        assert kinds <= {"init", "align", "bold", "size", "chinese_on", "chinese_off", "raster", "cut", "lf", "text"}


def test_guide_time_limits_in_words() -> None:
    from kiosk.devices.printer.receipts import time_limit_text

    assert time_limit_text(20, 5) == "法定20个工作日；承诺5个工作日"
    assert time_limit_text(None, 5) == "法定时限：无明确规定；承诺5个工作日"
    assert time_limit_text(0, 0) == "法定时限：无明确规定；即办（当场办结）"
