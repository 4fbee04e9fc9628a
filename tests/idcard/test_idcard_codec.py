"""Codec: the exact request frames of the reference table, the receiver, SW3 statuses."""
from __future__ import annotations

import pytest

from kiosk.devices.idcard import codec
from kiosk.devices.idcard.codec import FrameReceiver, Sw3, status_of

REFERENCE = {
    "AA AA AA 96 69 00 03 10 FF EC": codec.reset_sam,
    "AA AA AA 96 69 00 03 11 FF ED": codec.sam_status,
    "AA AA AA 96 69 00 03 12 FF EE": codec.sam_id,
    "AA AA AA 96 69 00 03 20 01 22": codec.find_card,
    "AA AA AA 96 69 00 03 20 02 21": codec.select_card,
    "AA AA AA 96 69 00 03 30 01 32": codec.read_text_photo,
    "AA AA AA 96 69 00 03 30 03 30": codec.read_appended_address,
    "AA AA AA 96 69 00 03 30 10 23": codec.read_with_fingerprint,
}


@pytest.mark.parametrize("expected", list(REFERENCE))
def test_request_frames_match_the_reference_table(expected: str) -> None:
    assert REFERENCE[expected]() == bytes.fromhex(expected)


@pytest.mark.parametrize(("baud", "para", "chk"), [(115200, 0, 0x63), (57600, 1, 0x62), (38400, 2, 0x61),
                                                    (19200, 3, 0x60), (9600, 4, 0x67)])
def test_set_baud_frames(baud: int, para: int, chk: int) -> None:
    assert codec.set_baud(baud) == bytes([0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x60, para, chk])


def test_set_baud_rejects_unsupported_rate_naming_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="4800.*115200, 57600, 38400, 19200, 9600"):
        codec.set_baud(4800)


def test_response_frame_layout() -> None:
    frame = codec.build_response(0x9F, b"\x00\x00\x00\x00")
    assert frame == bytes.fromhex("AAAAAA9669 0008 00009F 00000000 97")
    # LEN = SW(3) + DATA(4) + CHK(1); CHK = XOR over LEN..DATA
    assert codec.xor_checksum(frame[5:-1]) == frame[-1]


def test_read_reply_is_1295_bytes_and_text_starts_at_14() -> None:
    data = b"\x01\x00\x04\x00" + bytes(range(256)) + b"\xEE" * 1024
    frame = codec.build_response(0x90, data)
    assert len(frame) == 1295 and frame[5:7] == b"\x05\x08"
    assert frame[14:270] == bytes(range(256)) and frame[270:1294] == b"\xEE" * 1024


def _reply(sw3: int = 0x90, data: bytes = b"") -> bytes:
    return codec.build_response(sw3, data)


def test_receiver_single_frame() -> None:
    rx = FrameReceiver()
    frames = rx.feed(_reply(0x90, b"abc"))
    assert len(frames) == 1 and frames[0].sw3 == 0x90 and frames[0].data == b"abc"
    assert rx.buffered == 0


def test_receiver_skips_garbage_before_preamble() -> None:
    rx = FrameReceiver()
    frames = rx.feed(b"\x00\xff\xaa\x96garbage\xaa\xaa" + _reply(0x9F, b"1234"))
    assert [f.sw3 for f in frames] == [0x9F]
    assert rx.garbage_bytes == 13


def test_receiver_waits_for_split_frames_byte_by_byte() -> None:
    rx = FrameReceiver()
    whole = _reply(0x90, bytes(range(200)))
    out = []
    for i in range(len(whole)):
        out += rx.feed(whole[i : i + 1])
        if i < len(whole) - 1:
            assert out == []
    assert len(out) == 1 and out[0].data == bytes(range(200))


def test_receiver_needed_hint_counts_missing_bytes() -> None:
    rx = FrameReceiver()
    whole = _reply(0x90, bytes(100))
    assert rx.needed() == 7
    rx.feed(whole[:3])
    assert rx.needed() == 4
    rx.feed(whole[3:10])
    assert rx.needed() == len(whole) - 10


def test_receiver_separates_back_to_back_frames() -> None:
    rx = FrameReceiver()
    frames = rx.feed(_reply(0x90) + _reply(0x80) + _reply(0x9F, b"\0\0\0\0")[:9])
    assert [f.sw3 for f in frames] == [0x90, 0x80]
    assert [f.sw3 for f in rx.feed(_reply(0x9F, b"\0\0\0\0")[9:])] == [0x9F]


def test_receiver_rejects_bad_checksum_and_recovers_next_frame() -> None:
    rx = FrameReceiver()
    bad = bytearray(_reply(0x90, b"hello"))
    bad[-1] ^= 0x01
    frames = rx.feed(bytes(bad) + _reply(0x91))
    assert [f.sw3 for f in frames] == [0x91]
    assert rx.bad_checksums == 1


def test_receiver_rejects_impossible_lengths() -> None:
    rx = FrameReceiver()
    # LEN = 0xFFFF would make a naive receiver wait for 64 KiB; LEN = 1 is shorter than SW1..SW3 + CHK.
    frames = rx.feed(codec.PREAMBLE + b"\xff\xff" + codec.PREAMBLE + b"\x00\x01\x00" + _reply(0x90))
    assert [f.sw3 for f in frames] == [0x90]
    assert rx.bad_lengths == 2


def test_receiver_keeps_partial_preamble_across_feeds() -> None:
    rx = FrameReceiver()
    whole = _reply(0x90)
    assert rx.feed(b"junk" + whole[:3]) == []
    assert [f.sw3 for f in rx.feed(whole[3:])] == [0x90]


def test_receiver_never_raises_on_odd_input_types() -> None:
    rx = FrameReceiver()
    assert rx.feed(b"") == []
    assert rx.feed(memoryview(_reply(0x90))) != []
    assert rx.feed(None) == []  # type: ignore[arg-type]


def test_frame_repr_hides_payload() -> None:
    frame = FrameReceiver().feed(_reply(0x90, "张三".encode("utf-16-le")))[0]
    assert "张" not in repr(frame) and "len=" in repr(frame)


def test_status_codes_are_typed_with_messages() -> None:
    assert status_of(0x90).ok and status_of(0x9F).ok
    assert status_of(0x80).kind is Sw3.NO_CARD and not status_of(0x80).ok
    assert status_of(0x41).message_zh == "读卡失败，请重新放卡"
    assert "place the card again" in status_of(0x41).message_en
    unknown = status_of(0x55)
    assert unknown.kind is None and "55" in unknown.message_zh and unknown.name == "sw3_55"
    for kind in Sw3:
        s = status_of(kind.value)
        assert s.message_zh and s.message_en and s.name == kind.name.lower()
