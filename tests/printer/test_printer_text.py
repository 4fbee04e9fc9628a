"""The Chinese text layer and the encoder: FS & placement, codecs, width, wrapping, tables."""
from __future__ import annotations

import pytest
from escpos_decode import decode, tokenize

from kiosk.devices.printer.document import QR, Cut, Document, Rule, Table, Text, TextLine, layout
from kiosk.devices.printer.encoder import EncodeOptions, encode_document
from kiosk.devices.printer.text import (
    REPLACEMENT,
    check_codec,
    columns_for,
    display_width,
    encode,
    printable,
    wrap,
)

HARD = "费用：￥12.50（¥3）面积120㎡，①②③〇—…“引号”·℃ 婷鑫堃喆 ABC-123"
RARE = "䶮𠀀"


def doc(*ops) -> Document:  # type: ignore[no-untyped-def]
    return Document("test", tuple(ops))


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "utf-8"])
def test_hard_characters_round_trip_without_question_marks(codec: str) -> None:
    """GIVEN full-width punctuation, ¥, ㎡, ①, 〇 and uncommon name characters WHEN encoded THEN they decode
    back exactly (¥ becomes the full-width ￥ the GB font has), with no '?' and nothing replaced."""
    enc = encode(HARD, codec)
    assert enc.replaced == ()
    assert b"?" not in enc.data
    assert enc.data.decode(codec) == HARD.replace("¥", "￥")


def test_rare_characters_are_replaced_visibly_and_reported_in_gbk() -> None:
    enc = encode("姓名：王" + RARE, "gbk")
    assert enc.replaced == ("䶮", "𠀀")
    assert enc.data.decode("gbk") == "姓名：王" + REPLACEMENT * 2
    assert b"?" not in enc.data


@pytest.mark.parametrize("codec", ["gb18030", "utf-8"])
def test_rare_characters_print_with_codecs_that_have_them(codec: str) -> None:
    enc = encode(RARE, codec)
    assert enc.replaced == ()
    assert enc.data.decode(codec) == RARE


def test_control_bytes_in_data_cannot_inject_commands() -> None:
    shown, _ = printable("王\x1bd\x05\x1dV\x01五", "gb18030")
    assert "\x1b" not in shown and "\x1d" not in shown and "\x01" not in shown
    data = encode_document(doc(Text("王\x1b@\x1dV\x00五")), EncodeOptions()).data
    kinds = [t.kind for t in tokenize(data)]
    assert kinds.count("init") == 1 and "cut" not in kinds


def test_unknown_codec_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="gb18030, gbk, utf-8"):
        check_codec("big5")
    assert check_codec("UTF8") == "utf-8"


def test_columns_from_paper_width() -> None:
    assert columns_for(80) == 48 and columns_for(58) == 32 and columns_for(80, 42) == 42
    with pytest.raises(ValueError, match="80 or 58"):
        columns_for(76)


def test_display_width_counts_cjk_and_symbols_as_two() -> None:
    assert display_width("ABC") == 3
    assert display_width("办件") == 4
    assert display_width("①㎡￥：") == 8
    assert display_width("A办") == 3


@pytest.mark.parametrize("columns", [48, 32])
def test_wrapping_by_display_width(columns: int) -> None:
    text = "申请人需携带居民身份证原件、户口簿原件及复印件一份，" * 4 + "case LY20261126-000123 ok"
    lines = wrap(text, columns)
    assert all(display_width(line) <= columns for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert any("LY20261126-000123" in line for line in lines), "a case number must not break"
    assert not any(line.startswith(("，", "、")) for line in lines), "no line starts with closing punctuation"
    # full lines of pure Chinese use the whole width (or one column less when a wide char would not fit)
    assert display_width(lines[0]) >= columns - 1


def test_wrap_keeps_newlines_and_hard_breaks_long_words() -> None:
    assert wrap("第一行\n第二行", 48) == ["第一行", "第二行"]
    long = "x" * 70
    assert wrap(long, 32) == ["x" * 32, "x" * 32, "x" * 6]



def test_a_reference_longer_than_the_line_breaks_after_a_hyphen() -> None:
    # 58 mm paper: a local reference beside its table label has 22 columns; a break inside the date misleads
    assert wrap("LY-JL-0012-KXPM-20261126-0007", 22) == ["LY-JL-0012-KXPM-", "20261126-0007"]
    assert wrap("本机编号LY-JL-0012-KXPM-20261126-0007", 22) == ["本机编号LY-JL-0012-", "KXPM-20261126-0007"]
    assert wrap("A" * 12 + "-" + "B" * 3, 10) == ["A" * 10, "AA-BBB"]   # a piece longer than a line: by character

def test_fs_ampersand_before_first_chinese_byte_and_only_once() -> None:
    data = encode_document(doc(Text("ABC 123"), Text("办件回执"), Text("更多中文")), EncodeOptions()).data
    r = decode(data)
    assert len(r.chinese_on_offsets) == 1
    assert r.first_multibyte_offset is not None
    assert r.chinese_on_offsets[0] < r.first_multibyte_offset
    assert r.lines == ["ABC 123", "办件回执", "更多中文"]
    # ASCII-only documents never switch to Chinese mode
    assert decode(encode_document(doc(Text("ABC")), EncodeOptions()).data).chinese_on_offsets == []


def test_byte_exact_small_document() -> None:
    """The exact stream: init, centre, bold, double size, FS &, GB18030 text, reset styles, QR, cut."""
    d = doc(Text("回执", align="center", bold=True, size=2), Text("A"), QR("X1", module=4), Cut())
    data = encode_document(d, EncodeOptions(codec="gb18030")).data
    expected = (
        b"\x1b@"
        + b"\x1ba\x01" + b"\x1bE\x01" + b"\x1d!\x11" + b"\x1c&" + "回执".encode("gb18030") + b"\n"
        + b"\x1ba\x00" + b"\x1bE\x00" + b"\x1d!\x00" + b"A\n"
        + b"\x1ba\x01"
        + b"\x1d(k\x04\x00\x31\x41\x32\x00" + b"\x1d(k\x03\x00\x31\x43\x04" + b"\x1d(k\x03\x00\x31\x45\x31"
        + b"\x1d(k\x05\x00\x31\x50\x30X1" + b"\x1d(k\x03\x00\x31\x51\x30" + b"\n"
        + b"\n" * 4 + b"\x1c." + b"\x1dV\x01"
    )
    assert data == expected


def test_cut_can_be_switched_off() -> None:
    data = encode_document(doc(Text("回执"), Cut()), EncodeOptions(cut=False)).data
    assert decode(data).cuts == 0 and data.endswith(b"\n\x1c.")


@pytest.mark.parametrize("columns", [48, 32])
def test_table_values_align_in_chinese(columns: int) -> None:
    rows = (("办件编号", "LY20261126-000123"), ("事项", "老年人优待证办理申请材料较多需要换行显示在下一行的情况"),
            ("承诺办结", "2026-12-03"))
    lines = [ln.text for ln in layout(doc(Table(rows)), columns) if isinstance(ln, TextLine)]
    value_col = display_width("办件编号：")
    assert all(display_width(line) <= columns for line in lines)
    for line in lines:
        # split each line where its first value_col display columns end: label part, then the value
        head, used = "", 0
        for ch in line:
            if used >= value_col:
                break
            head += ch
            used += display_width(ch)
        assert used == value_col, line
        assert head.rstrip(" ") == "" or head.rstrip(" ").endswith("："), line
        assert not line[len(head):].startswith(" "), line
    assert any(line.startswith(" " * value_col) for line in lines), "the long value wrapped under its column"


def test_rule_spans_the_width_and_double_size_halves_the_columns() -> None:
    lines = layout(doc(Rule(), Text("很长的标题" * 6, size=2)), 32)
    assert lines[0] == TextLine("-" * 32)
    assert all(display_width(ln.text) <= 16 for ln in lines[1:] if isinstance(ln, TextLine))


def test_bad_ops_are_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="size must be 1, 2 or 3"):
        layout(doc(Text("x", size=5)), 48)
    with pytest.raises(ValueError, match="qr_mode"):
        EncodeOptions(qr_mode="svg")


def test_opening_brackets_do_not_end_a_line_and_hanging_indent() -> None:
    assert wrap("老年人优待证办理（430181-GG-0042-001）", 32) == ["老年人优待证办理", "（430181-GG-0042-001）"]
    lines = wrap("1. 居民身份证原件及复印件各一份，户口簿原件及复印件", 20, indent=3)
    assert lines[0].startswith("1. ") and all(line.startswith("   ") for line in lines[1:])
    assert all(display_width(line) <= 20 for line in lines)


def test_wrap_never_exceeds_width_for_random_mixed_text() -> None:
    import random

    rng = random.Random(7)
    alphabet = list("浏阳市政务服务，。（）《》“”①㎡￥") + list("ABCxyz0123456789-_ ") + ["LY20261126-000123"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        width = rng.choice([16, 20, 24, 32, 48])
        indent = rng.choice([0, 0, 3, 5])
        for line in wrap(text, width, indent):
            assert display_width(line) <= width, (text, width, line)
