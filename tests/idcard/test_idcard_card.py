"""Card decoding, byte by byte: every layout, gender and nation codes, dates, check digits, masking."""
from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import sys
import tempfile
from pathlib import Path

import pytest

from kiosk.devices.idcard import card as card_mod
from kiosk.devices.idcard.card import (
    CardDecodeError,
    IdCard,
    decode_appended_address,
    decode_read_reply,
    decode_text,
    gb11643_check_char,
    gb11643_valid,
)
from kiosk.devices.idcard.photo import PhotoDecoderError, decode_photo
from kiosk.devices.idcard.samples import (
    SampleCard,
    appended_address_data,
    encode_text,
    fingerprint_bytes,
    load_cards,
    photo_bytes,
    read_reply_data,
)

TODAY = _dt.date(2026, 11, 26)
CARDS = {c.id: c for c in load_cards()}


def _sample(variant: str = "resident", **fields: str) -> SampleCard:
    base = dict(CARDS["resident-basic"].fields)
    base.update(fields)
    return SampleCard(id="t", variant=variant, fields=base)


def _decode(sample: SampleCard) -> IdCard:
    return decode_text(encode_text(sample), today=TODAY)


def _ucs(text: str, length: int) -> bytes:
    data = text.encode("utf-16-le")
    return data + b" \x00" * ((length - len(data)) // 2)


def test_check_digit_reference_example() -> None:
    assert gb11643_valid("11010519491231002X")
    assert gb11643_check_char("11010519491231002") == "X"
    assert not gb11643_valid("110105194912310021")
    assert not gb11643_valid("11010519491231002")
    assert not gb11643_valid("１１010519491231002X")  # full-width digits are not digits here


def test_samples_have_valid_check_digits_except_the_flagged_one() -> None:
    for sample in CARDS.values():
        number = sample.fields["id_number"]
        if sample.variant == "I":
            continue
        assert gb11643_valid(number) == (sample.expect_error != "check_digit"), sample.id
        if sample.variant == "resident":
            assert number.startswith("430181")


def test_resident_text_block_byte_by_byte() -> None:
    block = (
        _ucs("张伟", 30) + _ucs("1", 2) + _ucs("01", 4) + _ucs("19850312", 16)
        + _ucs("湖南省浏阳市集里街道金沙北路101号", 70) + _ucs("43018119850312003X", 36)
        + _ucs("浏阳市公安局", 30) + _ucs("20150601", 16) + _ucs("20350601", 16) + _ucs("", 36)
    )
    assert len(block) == 256
    assert block == encode_text(CARDS["resident-basic"])
    card = decode_text(block, today=TODAY)
    assert card.to_json(full=True) == {
        "card_type": "resident", "name": "张伟", "gender": "男", "nation": "汉", "birth_date": "1985-03-12",
        "address": "湖南省浏阳市集里街道金沙北路101号", "id_number": "43018119850312003X", "issuer": "浏阳市公安局",
        "valid_from": "2015-06-01", "valid_until": "2035-06-01", "permit_number": None, "issue_count": None,
        "english_name": None, "nationality": None,
    }
    assert not card.expired and card.layout_certain


def test_fifteen_character_name_without_padding() -> None:
    sample = CARDS["resident-long-name"]
    block = encode_text(sample)
    assert b" \x00" not in block[0:30]  # the name fills its 30 bytes exactly
    card = _decode(sample)
    assert card.name == "阿依古丽买买提艾力克热木江阿卜" and len(card.name) == 15
    assert card.nation == "维吾尔"


@pytest.mark.parametrize(("code", "text"), [("0", "未知"), ("1", "男"), ("2", "女"), ("9", "未说明")])
def test_gender_codes(code: str, text: str) -> None:
    assert _decode(_sample(gender=code)).gender == text


def test_unknown_gender_code_is_refused_not_guessed() -> None:
    with pytest.raises(CardDecodeError) as err:
        _decode(_sample(gender="3"))
    assert err.value.code == "bad_gender"


def test_every_nation_code() -> None:
    assert len(card_mod.NATIONS) == 58
    for code, name in card_mod.NATIONS.items():
        assert _decode(_sample(nation=code)).nation == name
    assert card_mod.NATIONS["46"] == "德昂"  # not the 德昴 typo of public drivers
    assert _decode(_sample(nation="97")).nation == "其他"
    assert _decode(_sample(nation="98")).nation == "外国血统中国籍人士"
    assert _decode(_sample(nation="60")).nation == "60"  # unknown: the digits, never guessed


def test_long_term_validity() -> None:
    card = _decode(CARDS["resident-long-term"])
    assert card.valid_until is None and card.to_json()["valid_until"] == "长期" and not card.expired


def test_expired_flag_against_given_today() -> None:
    sample = CARDS["resident-expired"]
    assert decode_text(encode_text(sample), today=TODAY).expired
    assert not decode_text(encode_text(sample), today=_dt.date(2024, 3, 1)).expired  # last valid day
    assert decode_text(encode_text(sample), today=_dt.date(2024, 3, 2)).expired


def test_bad_check_digit_is_refused_with_clear_message() -> None:
    with pytest.raises(CardDecodeError) as err:
        _decode(CARDS["resident-bad-check-digit"])
    assert err.value.code == "check_digit"
    assert "校验" in err.value.message_zh and "check digit" in err.value.message_en
    assert CARDS["resident-bad-check-digit"].fields["id_number"] not in str(err.value)


@pytest.mark.parametrize(("fields", "code"), [
    ({"birth": "19851312"}, "bad_birth_date"),
    ({"birth": "1985031"}, "bad_birth_date"),
    ({"valid_from": "20150231"}, "bad_valid_from"),
    ({"valid_until": "永久"}, "bad_valid_until"),
    ({"valid_from": "20400101", "valid_until": "20500101"}, "implausible_dates"),  # issued in the future
    ({"valid_until": "20100101"}, "implausible_dates"),  # expires before issue
    ({"birth": "19850313"}, "birth_mismatch"),  # ID number says 19850312
    ({"name": ""}, "empty_name"),
])
def test_implausible_data_is_refused(fields: dict[str, str], code: str) -> None:
    with pytest.raises(CardDecodeError) as err:
        _decode(_sample(**fields))
    assert err.value.code == code


def test_undecodable_text_is_refused() -> None:
    block = bytearray(encode_text(CARDS["resident-basic"]))
    block[0:2] = b"\x00\xd8"  # a lone UTF-16 surrogate
    with pytest.raises(CardDecodeError) as err:
        decode_text(bytes(block), today=TODAY)
    assert err.value.code == "text_undecodable"
    with pytest.raises(CardDecodeError):
        decode_text(b"\x00" * 255, today=TODAY)


def test_hk_permit_layout() -> None:
    card = _decode(CARDS["permit-hk"])
    assert card.card_type == "hk_macao_taiwan"
    assert card.permit_number == "H12345678" and card.issue_count == 1
    assert card.nation is None and card.id_number.startswith("810000")


def test_taiwan_permit_layout_bytes() -> None:
    block = encode_text(CARDS["permit-taiwan"])
    assert block[220:238] == _ucs("12345678", 18) and block[238:242] == _ucs("02", 4) and block[248:250] == b"J\x00"
    card = decode_text(block, today=TODAY)
    assert (card.permit_number, card.issue_count, card.id_number[:6]) == ("12345678", 2, "830000")


def test_permit_with_resident_number_is_refused() -> None:
    sample = dataclasses.replace(CARDS["permit-hk"], fields={**CARDS["permit-hk"].fields,
                                                           "id_number": CARDS["resident-basic"].fields["id_number"],
                                                           "birth": "19850312"})
    with pytest.raises(CardDecodeError) as err:
        _decode(sample)
    assert err.value.code == "bad_permit_number"


def test_foreign_2017_card_uses_its_own_layout() -> None:
    block = encode_text(CARDS["foreign-2017"])
    assert block[0:120].decode("utf-16-le").strip() == "SMITH JOHN WILLIAM"
    assert block[158:188].decode("utf-16-le").strip() == "史密斯" and block[248:250] == b"I\x00"
    card = decode_text(block, today=TODAY)
    assert card.to_json(full=True) == {
        "card_type": "foreign_permanent", "name": "史密斯", "gender": "男", "nation": None,
        "birth_date": "1985-03-12", "address": None, "id_number": "USA430181850312", "issuer": "1500",
        "valid_from": "2020-05-01", "valid_until": "2030-05-01", "permit_number": None, "issue_count": None,
        "english_name": "SMITH JOHN WILLIAM", "nationality": "USA",
    }
    assert card.card_version == "01" and card.layout_certain


def test_foreign_2017_bad_card_number_is_refused() -> None:
    sample = dataclasses.replace(CARDS["foreign-2017"], fields={**CARDS["foreign-2017"].fields, "id_number": "US1234"})
    with pytest.raises(CardDecodeError) as err:
        _decode(sample)
    assert err.value.code == "bad_card_number"


def test_foreign_2023_card_is_flagged_less_certain_and_joins_english_name() -> None:
    card = _decode(CARDS["foreign-2023"])
    assert card.variant == "Y" and card.card_type == "foreign_permanent" and not card.layout_certain
    assert card.english_name == "GARCIA FERNANDEZ MARIA ALEJANDRA DE LA CRUZ"  # split over @52 and @220
    assert card.name == "玛丽亚" and card.nationality == "ESP" and card.issue_count == 1
    assert card.id_number.startswith("9") and gb11643_valid(card.id_number)


def test_foreign_2023_bad_check_digit_is_refused() -> None:
    number = CARDS["foreign-2023"].fields["id_number"]
    wrong = number[:17] + ("1" if number[17] != "1" else "2")
    sample = dataclasses.replace(CARDS["foreign-2023"], fields={**CARDS["foreign-2023"].fields, "id_number": wrong})
    with pytest.raises(CardDecodeError) as err:
        _decode(sample)
    assert err.value.code == "check_digit"


def test_read_reply_with_photo_and_fingerprint() -> None:
    sample = CARDS["resident-fingerprint"]
    plain = decode_read_reply(read_reply_data(sample, with_fingerprint=False), today=TODAY)
    assert plain.photo == photo_bytes(sample) and plain.fingerprint is None
    data = read_reply_data(sample, with_fingerprint=True)
    assert len(data) + 5 + 2 + 3 + 1 == 2321 and data[4:6] == b"\x04\x00"  # frame total, fp length
    card = decode_read_reply(data, today=TODAY, with_fingerprint=True)
    assert card.photo == photo_bytes(sample) and card.fingerprint == fingerprint_bytes(sample)
    assert card.name == "周敏"
    with pytest.raises(CardDecodeError):
        decode_read_reply(data[:300], today=TODAY, with_fingerprint=True)


def test_appended_address() -> None:
    data = appended_address_data(CARDS["resident-long-term"])
    assert data is not None and len(data) == 70
    assert decode_appended_address(data) == "湖南省浏阳市淮川街道白沙路88号"
    assert appended_address_data(CARDS["resident-basic"]) is None
    assert decode_appended_address(b" \x00" * 35) is None


def test_masked_json_by_default_and_repr_hides_everything() -> None:
    sample = CARDS["resident-long-term"]
    card = card_mod.with_appended_address(_decode(sample), "湖南省浏阳市淮川街道白沙路88号")
    masked = card.to_json()
    assert tuple(masked) == card_mod.JSON_KEYS
    assert masked["id_number"] == "430181********0466"
    assert masked["name"] == "欧**菊" and masked["address"] == "湖南省浏阳市大瑶镇****"
    assert masked["birth_date"] == "****-**-**"
    for text in (repr(card), str(card), repr([card])):
        for secret in ("欧阳秀菊", "430181194802030466", "大瑶镇", "白沙路", "19480203"):
            assert secret not in text
    assert card.current_address == "湖南省浏阳市淮川街道白沙路88号"


def test_photo_decoder_command_runs_in_a_removed_temp_dir(tmp_path: Path) -> None:
    script = tmp_path / "fake_wlt2bmp.py"
    script.write_text(
        "import sys, pathlib\n"
        "src, dst = sys.argv[1], sys.argv[2]\n"
        "pathlib.Path(sys.argv[3]).write_text(str(pathlib.Path(src).parent))\n"
        "pathlib.Path(dst).write_bytes(b'BM' + pathlib.Path(src).read_bytes()[:10])\n"
    )
    where = tmp_path / "where.txt"
    image = decode_photo(b"WLTDATA0123456789", f"{sys.executable} {script} {{in}} {{out}} {where}")
    assert image == b"BMWLTDATA012"
    workdir = where.read_text()
    assert workdir.startswith(tempfile.gettempdir()) and not os.path.exists(workdir)


def test_photo_decoder_is_optional_and_failures_are_none(tmp_path: Path) -> None:
    assert decode_photo(b"x" * 1024, "") is None
    assert decode_photo(b"x" * 1024, f"{sys.executable} -c pass {{in}} {{out}}") is None  # wrote nothing
    assert decode_photo(b"x" * 1024, "/nonexistent/wlt2bmp {in} {out}") is None
    with pytest.raises(PhotoDecoderError, match=r"\{in\} and \{out\}"):
        decode_photo(b"x", "wlt2bmp photo.wlt")
