"""Coverage-guided fuzz (atheris / libFuzzer) of the ID-card frame receiver and text decoder.

Run: python tests/reliability/atheris_card.py -runs=200000 [-seed=1]
Any exception other than CardDecodeError, or a receiver that keeps more than one frame's worth of bytes,
is a crash that libFuzzer reports (exit code != 0) with the input that caused it.
"""
from __future__ import annotations

import datetime as dt
import sys

import atheris

with atheris.instrument_imports():
    from kiosk.devices.idcard import codec
    from kiosk.devices.idcard.card import (
        CardDecodeError,
        decode_read_reply,
        decode_text,
    )

TODAY = dt.date(2026, 11, 26)


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 2)
    rest = fdp.ConsumeBytes(fdp.remaining_bytes())
    if mode == 0:
        try:
            decode_text(rest[:256].ljust(256, b"\0"), today=TODAY)
        except CardDecodeError:
            pass
    elif mode == 1:
        try:
            decode_read_reply(rest, today=TODAY)
        except CardDecodeError:
            pass
    else:
        rx = codec.FrameReceiver()
        for i in range(0, len(rest), 7):
            for frame in rx.feed(rest[i:i + 7]):
                raw = frame.to_bytes()
                assert raw.startswith(codec.PREAMBLE) and codec.xor_checksum(raw[5:-1]) == raw[-1]
        assert rx.buffered <= codec.HEADER_LEN + codec.MAX_FRAME_LEN


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
