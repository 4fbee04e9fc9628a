"""Fuzz the ID-card text decoder over arbitrary 256-byte blocks, and the config loader over arbitrary TOML.

The frame receiver's 100k run is tests/idcard/test_idcard_fuzz.py. Here:
- card decoder: any 256-byte block (random, and sample cards with bytes flipped) gives an IdCard or a
  CardDecodeError with a code and messages, never another exception; a decoded card is plausible (valid
  GB 11643 check digit for resident cards, birth date not in the future);
- config loader: arbitrary TOML text and arbitrary values for every declared key: a KioskConfig or a
  ConfigError whose every problem names a key; no float key accepts nan or inf.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import record_figures

from kiosk.config import EMBEDDED_DEMO_CONFIG, ConfigError, describe_keys, parse_config
from kiosk.devices.idcard.card import (
    CardDecodeError,
    IdCard,
    decode_text,
    gb11643_valid,
)
from kiosk.devices.idcard.samples import encode_text, load_cards

TODAY = dt.date(2026, 11, 26)
SAMPLES = [encode_text(c) for c in load_cards()]
COUNTS = {"card_blocks": 0, "cards_decoded": 0, "config_texts": 0, "config_values": 0}


def _decode(block: bytes) -> None:
    COUNTS["card_blocks"] += 1
    try:
        card = decode_text(block, today=TODAY)
    except CardDecodeError as exc:
        assert exc.code and exc.message_zh and exc.message_en
        return
    COUNTS["cards_decoded"] += 1
    assert isinstance(card, IdCard)
    if len(card.id_number) == 18 and card.id_number[:17].isdigit():
        assert gb11643_valid(card.id_number), "a card with a bad check digit was accepted"
    assert card.birth_date <= TODAY
    repr(card)  # must not raise, and (tests/idcard) never shows the full number


mutated = st.tuples(st.sampled_from(SAMPLES), st.lists(st.tuples(st.integers(0, 255), st.integers(0, 255)),
                                                       min_size=1, max_size=8)).map(
    lambda s: bytes(b ^ dict(s[1]).get(i, 0) for i, b in enumerate(s[0])))
blocks = st.one_of(st.binary(min_size=256, max_size=256), mutated,
                   st.binary(min_size=0, max_size=300))


@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(blocks)
def test_card_decoder_any_block(block: bytes) -> None:
    _decode(block)


@pytest.mark.slow
@pytest.mark.timeout(900)
@settings(max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(blocks)
def test_card_decoder_any_block_20k(block: bytes) -> None:
    """20,000 through hypothesis (its per-example overhead dominates); the 1,000,000-run coverage-guided
    fuzz of the same decoder is test_fuzz_atheris.py."""
    _decode(block)


def test_most_samples_decode() -> None:  # the mutation seeds are real cards (a few samples are broken on purpose)
    ok = 0
    for block in SAMPLES:
        try:
            decode_text(block, today=TODAY)
            ok += 1
        except CardDecodeError:
            pass
    assert ok >= len(SAMPLES) // 2


# ---- config ---------------------------------------------------------------------------------------------
def _check_config(text: str) -> None:
    try:
        config = parse_config(text, "fuzz.toml")
    except ConfigError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.key and problem.message
            assert problem.key in str(problem)
        return
    for section in ("central", "devices", "display", "storage", "admin", "terminal"):
        assert hasattr(config, section)
    _no_nan(config)


def _no_nan(obj: object) -> None:
    import dataclasses

    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        if dataclasses.is_dataclass(value):
            _no_nan(value)
        elif isinstance(value, float):
            assert math.isfinite(value), f"{f.name} accepted {value}"


@settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=300))
def test_config_any_text(text: str) -> None:
    COUNTS["config_texts"] += 1
    _check_config(text)


toml_scalar = st.one_of(
    st.integers(-2**63, 2**63 - 1).map(str), st.floats().map(lambda f: "nan" if math.isnan(f) else
                                                               ("inf" if f == math.inf else ("-inf" if f == -math.inf
                                                                                             else repr(f)))),
    st.sampled_from(["nan", "inf", "-inf", "+nan", "0.0", "-0", "1e308", "true", "false",
                     "1979-05-27", "07:32:00", "1979-05-27T07:32:00Z", "{}", "{ a = 1 }", "[]", "[[1], [2]]"]),
    st.booleans().map(lambda b: "true" if b else "false"),
    st.text(max_size=40).map(lambda s: json.dumps(s, ensure_ascii=True)))
toml_value = st.one_of(toml_scalar, st.lists(toml_scalar, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"))
KEYS = [k.key for k in describe_keys()]


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=True)
    assert isinstance(value, list)
    return "[" + ", ".join(_toml(v) for v in value) + "]"


def _doc_setting(key: str, literal: str) -> str:
    """The demo config with KEY set to the TOML literal (every other key as in the demo)."""
    data = tomllib.loads(Path(EMBEDDED_DEMO_CONFIG).read_text(encoding="utf-8"))
    *section, name = key.split(".")
    table = data
    for part in section:
        table = table.setdefault(part, {})
    table[name] = _Raw(literal)
    out: list[str] = []

    def emit(tbl: dict[str, object], path: list[str]) -> None:
        scalars = {k: v for k, v in tbl.items() if not isinstance(v, dict)}
        if path:
            out.append("[" + ".".join(path) + "]")
        for k, v in scalars.items():
            out.append(f"{k} = {v.text if isinstance(v, _Raw) else _toml(v)}")
        for k, v in tbl.items():
            if isinstance(v, dict):
                emit(v, [*path, k])

    emit(data, [])
    return "\n".join(out) + "\n"


class _Raw:
    def __init__(self, text: str) -> None:
        self.text = text


@settings(max_examples=4000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(KEYS), toml_value)
def test_config_any_value_for_every_key(key: str, value: str) -> None:
    COUNTS["config_values"] += 1
    text = _doc_setting(key, value)
    try:
        parse_config(text, "fuzz.toml")
    except ConfigError as exc:
        keys = {p.key for p in exc.problems}
        assert key in keys or "(file)" in keys, (text, [str(p) for p in exc.problems])
        return
    # accepted: then it must be a sane value (no NaN/inf sneaking through a range check)
    _check_config(text)


@pytest.mark.parametrize("key", [k.key for k in describe_keys() if k.default.__class__ is float])
@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_no_float_key_accepts_nan_or_inf(key: str, value: str) -> None:
    with pytest.raises(ConfigError) as exc:
        parse_config(_doc_setting(key, value), "fuzz.toml")
    assert key in str(exc.value)


def test_zz_record_counts() -> None:
    slow = COUNTS["card_blocks"] > 10_000
    record_figures("fuzz", "card_and_config_slow" if slow else "card_and_config", dict(COUNTS))
