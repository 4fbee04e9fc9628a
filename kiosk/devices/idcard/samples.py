"""Synthetic sample cards: loading the data file and encoding each card as the chip would send it.

The inverse of card.py, used by the simulator and the tests. The identities are invented (region
430181 浏阳, check digits computed); nothing here is anyone's real data.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.devices.idcard.card import ADDRESS_LEN, PHOTO_LEN, TEXT_LEN

BUILTIN_CARDS = Path(__file__).with_name("sample_cards.json")
FINGERPRINT_LEN = 1024


@dataclass(frozen=True)
class SampleCard:
    """One synthetic card of the data file. `fields` hold the raw chip values (codes, YYYYMMDD)."""

    id: str
    variant: str
    fields: dict[str, str]
    appended_address: str | None = None
    fingerprint: bool = False
    description: str = ""
    expect_error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"SampleCard(id={self.id!r}, variant={self.variant!r})"


def load_cards(path: str | Path | None = None) -> list[SampleCard]:
    """The cards of a data file (default: the built-in samples). Raises ValueError naming the problem."""
    source = Path(path) if path else BUILTIN_CARDS
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read sample cards from {source}: {exc}") from None
    cards = raw.get("cards") if isinstance(raw, dict) else None
    if not isinstance(cards, list) or not cards:
        raise ValueError(f"{source}: expected an object with a non-empty list \"cards\"")
    out = []
    for i, item in enumerate(cards):
        try:
            out.append(SampleCard(
                id=str(item["id"]), variant=str(item["variant"]), fields=dict(item["fields"]),
                appended_address=item.get("appended_address"), fingerprint=bool(item.get("fingerprint", False)),
                description=str(item.get("description", "")), expect_error=item.get("expect_error"),
            ))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{source}: card #{i} lacks {exc}; needs id, variant, fields") from None
        if out[-1].variant not in ("resident", "J", "I", "Y"):
            raise ValueError(f"{source}: card {out[-1].id!r} has variant {out[-1].variant!r}; allowed: resident, J, I, Y")
    return out


def _put(block: bytearray, offset: int, length: int, value: str) -> None:
    data = value.encode("utf-16-le")
    if len(data) > length:
        raise ValueError(f"value of {len(value)} characters does not fit {length} bytes at offset {offset}")
    block[offset : offset + length] = data + b" \x00" * ((length - len(data)) // 2)


def encode_text(card: SampleCard) -> bytes:
    """The 256-byte UCS-2LE text block of the card's layout, padded with spaces."""
    f = card.fields
    block = bytearray(b" \x00" * (TEXT_LEN // 2))
    g = f.get
    if card.variant == "I":
        _put(block, 0, 120, g("english_name", ""))
        _put(block, 120, 2, g("gender", ""))
        _put(block, 122, 30, g("id_number", ""))
        _put(block, 152, 6, g("nationality", ""))
        _put(block, 158, 30, g("name", ""))
        _put(block, 188, 16, g("valid_from", ""))
        _put(block, 204, 16, g("valid_until", ""))
        _put(block, 220, 16, g("birth", ""))
        _put(block, 236, 4, g("version", ""))
        _put(block, 240, 8, g("authority", ""))
        _put(block, 248, 2, "I")
    elif card.variant == "Y":
        english = g("english_name", "")
        _put(block, 0, 30, g("name", ""))
        _put(block, 30, 2, g("gender", ""))
        _put(block, 32, 4, g("renewals", ""))
        _put(block, 36, 16, g("birth", ""))
        _put(block, 52, 70, english[:35])
        _put(block, 122, 36, g("id_number", ""))
        _put(block, 188, 16, g("valid_from", ""))
        _put(block, 204, 16, g("valid_until", ""))
        _put(block, 220, 22, english[35:])
        _put(block, 242, 6, g("nationality", ""))
        _put(block, 248, 2, "Y")
    else:
        _put(block, 0, 30, g("name", ""))
        _put(block, 30, 2, g("gender", ""))
        _put(block, 32, 4, g("nation", ""))
        _put(block, 36, 16, g("birth", ""))
        _put(block, 52, 70, g("address", ""))
        _put(block, 122, 36, g("id_number", ""))
        _put(block, 158, 30, g("issuer", ""))
        _put(block, 188, 16, g("valid_from", ""))
        _put(block, 204, 16, g("valid_until", ""))
        if card.variant == "J":
            _put(block, 220, 18, g("permit_number", ""))
            _put(block, 238, 4, g("issue_count", ""))
            _put(block, 248, 2, "J")
    return bytes(block)


def _pattern(seed: str, length: int) -> bytes:
    """Deterministic filler standing in for the WLT photo / fingerprint (not a real image)."""
    out = bytearray()
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:length])


def photo_bytes(card: SampleCard) -> bytes:
    return _pattern("photo:" + card.id, PHOTO_LEN)


def fingerprint_bytes(card: SampleCard) -> bytes:
    return _pattern("fp:" + card.id, FINGERPRINT_LEN) if card.fingerprint else b""


def read_reply_data(card: SampleCard, *, with_fingerprint: bool) -> bytes:
    """DATA of the 30 01 / 30 10 reply: lengths, text, photo (and fingerprint)."""
    text, photo = encode_text(card), photo_bytes(card)
    if not with_fingerprint:
        return len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big") + text + photo
    fp = fingerprint_bytes(card)
    return (len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big") + len(fp).to_bytes(2, "big")
            + text + photo + fp)


def appended_address_data(card: SampleCard) -> bytes | None:
    if not card.appended_address:
        return None
    data = card.appended_address.encode("utf-16-le")
    return data + b" \x00" * ((ADDRESS_LEN - len(data)) // 2)
