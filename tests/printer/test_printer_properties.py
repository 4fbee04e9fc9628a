"""Properties over arbitrary text: whatever a citizen or the central service sends, the stream stays valid."""
from __future__ import annotations

from escpos_decode import decode
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.devices.printer.document import Document, Table, Text
from kiosk.devices.printer.encoder import EncodeOptions, encode_document
from kiosk.devices.printer.status import PrinterState, interpret, pick_reply
from kiosk.devices.printer.text import display_width, printable

codecs = st.sampled_from(["gb18030", "gbk", "utf-8"])


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=120), codec=codecs, columns=st.sampled_from([32, 48]))
def test_any_text_gives_a_decodable_stream_that_says_what_was_printable(text: str, codec: str, columns: int) -> None:
    doc = Document("x", (Text(text), Table((("标签", text),))))
    encoded = encode_document(doc, EncodeOptions(codec=codec, columns=columns))
    r = decode(encoded.data, codec)          # raises on any unexpected command or stray control byte
    assert r.cuts == 0 and r.qr_payloads == []
    shown, replaced = printable(text, codec)
    assert set(encoded.replaced) == set(replaced)
    for line in r.lines:
        assert display_width(line) <= columns
    if r.first_multibyte_offset is not None:
        assert r.chinese_on_offsets and r.chinese_on_offsets[0] < r.first_multibyte_offset
    # every printable non-space character arrives, in order
    assert "".join(r.lines).replace(" ", "").replace("：", "") .endswith(shown.replace(" ", "").replace("：", ""))


@given(st.one_of(st.none(), st.binary(max_size=4)), st.one_of(st.none(), st.binary(max_size=4)),
       st.one_of(st.none(), st.binary(max_size=4)))
def test_no_valid_printer_reply_is_never_paper_ok(r1: bytes | None, r2: bytes | None, r4: bytes | None) -> None:
    state = interpret(pick_reply(r1), pick_reply(r2), pick_reply(r4))
    if pick_reply(r1) is None:
        assert state is PrinterState.UNKNOWN
