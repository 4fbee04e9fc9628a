"""Fuzz the frame receiver: any byte stream, cut anywhere, never raises and never yields a bad frame."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.devices.idcard import codec
from kiosk.devices.idcard.codec import FrameReceiver

_valid = st.builds(lambda sw3, data: codec.build_response(sw3, data), st.integers(0, 255), st.binary(max_size=64))
_piece = st.one_of(st.binary(max_size=40), _valid, st.just(codec.PREAMBLE), st.just(codec.PREAMBLE + b"\xff\xff"),
                   _valid.map(lambda f: f[:-1] + bytes([f[-1] ^ 0x33])))
_stream = st.lists(_piece, max_size=12).map(b"".join)


def _check(stream: bytes, cuts: list[int]) -> None:
    rx = FrameReceiver()
    positions = sorted({c % (len(stream) + 1) for c in cuts}) + [len(stream)]
    start = 0
    for end in positions:
        for frame in rx.feed(stream[start:end]):
            raw = frame.to_bytes()
            assert raw.startswith(codec.PREAMBLE)
            assert codec.xor_checksum(raw[5:-1]) == raw[-1]
            assert codec.MIN_RESPONSE_LEN <= int.from_bytes(raw[5:7], "big") <= codec.MAX_FRAME_LEN
            assert raw in stream  # only frames that were really sent
        start = end
    assert rx.buffered <= codec.HEADER_LEN + codec.MAX_FRAME_LEN


def _valid_frames_survive(frames: list[bytes], garbage: bytes) -> None:
    # Garbage without a preamble in front of real frames never costs a frame.
    rx = FrameReceiver()
    got = rx.feed(garbage.replace(b"\xaa", b"") + b"".join(frames))
    assert [f.to_bytes() for f in got] == frames


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_stream, st.lists(st.integers(0, 10_000), max_size=8))
def test_receiver_fuzz_quick(stream: bytes, cuts: list[int]) -> None:
    _check(stream, cuts)


@settings(max_examples=200, deadline=None)
@given(st.lists(_valid, max_size=5), st.binary(max_size=50))
def test_valid_frames_behind_garbage_are_all_found(frames: list[bytes], garbage: bytes) -> None:
    _valid_frames_survive(frames, garbage)


@pytest.mark.slow
@pytest.mark.timeout(1800)
@settings(max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(_stream, st.lists(st.integers(0, 10_000), max_size=8))
def test_receiver_fuzz_100k(stream: bytes, cuts: list[int]) -> None:
    _check(stream, cuts)
