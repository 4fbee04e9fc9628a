"""Decoding of the card's 256-byte text block (GA 490) into a validated, immutable IdCard.

Pure functions: no I/O, no clock (the caller passes `today`), so every layout and edge case is tested
byte by byte. Anything that does not decode or validate raises CardDecodeError with a code for logs
(never personal data) and a plain message for the screen.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from kiosk.privacy import mask_address, mask_id_number, mask_name

TEXT_LEN = 256
PHOTO_LEN = 1024
ADDRESS_LEN = 70
LONG_TERM = "长期"

CardType = Literal["resident", "hk_macao_taiwan", "foreign_permanent"]
Variant = Literal["resident", "J", "I", "Y"]

GENDERS: dict[str, str] = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}

NATIONS: dict[str, str] = {
    "01": "汉", "02": "蒙古", "03": "回", "04": "藏", "05": "维吾尔", "06": "苗", "07": "彝", "08": "壮",
    "09": "布依", "10": "朝鲜", "11": "满", "12": "侗", "13": "瑶", "14": "白", "15": "土家", "16": "哈尼",
    "17": "哈萨克", "18": "傣", "19": "黎", "20": "傈僳", "21": "佤", "22": "畲", "23": "高山", "24": "拉祜",
    "25": "水", "26": "东乡", "27": "纳西", "28": "景颇", "29": "柯尔克孜", "30": "土", "31": "达斡尔",
    "32": "仫佬", "33": "羌", "34": "布朗", "35": "撒拉", "36": "毛南", "37": "仡佬", "38": "锡伯", "39": "阿昌",
    "40": "普米", "41": "塔吉克", "42": "怒", "43": "乌孜别克", "44": "俄罗斯", "45": "鄂温克", "46": "德昂",
    "47": "保安", "48": "裕固", "49": "京", "50": "塔塔尔", "51": "独龙", "52": "鄂伦春", "53": "赫哲",
    "54": "门巴", "55": "珞巴", "56": "基诺", "97": "其他", "98": "外国血统中国籍人士",
}

JSON_KEYS: tuple[str, ...] = (
    "card_type", "name", "gender", "nation", "birth_date", "address", "id_number", "issuer",
    "valid_from", "valid_until", "permit_number", "issue_count", "english_name", "nationality",
)

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_ID18_RE = re.compile(r"^[0-9]{17}[0-9X]$")
_I_NUMBER_RE = re.compile(r"^[A-Z]{3}[0-9]{12}$")
_NATIONALITY_RE = re.compile(r"^[A-Z]{3}$")
_EARLIEST = _dt.date(1900, 1, 1)


class CardDecodeError(ValueError):
    """The text block is not a valid card. `code` is safe to log; messages are for people."""

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(f"{code}: {message_en}")
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en


def gb11643_check_char(first17: str) -> str:
    """The 18th character of an ID number from its first 17 digits (GB 11643)."""
    if len(first17) != 17 or not first17.isdigit() or not first17.isascii():
        raise ValueError("need exactly 17 ASCII digits")
    return _CHECK_CHARS[sum(int(c) * w for c, w in zip(first17, _WEIGHTS)) % 11]


def gb11643_valid(number: str) -> bool:
    return bool(_ID18_RE.match(number)) and gb11643_check_char(number[:17]) == number[17]


@dataclass(frozen=True)
class IdCard:
    """One card as read from the chip. repr never shows personal data (it ends up in tracebacks)."""

    variant: Variant
    name: str
    gender: str
    birth_date: _dt.date
    id_number: str
    valid_from: _dt.date
    valid_until: _dt.date | None  # None = 长期
    nation: str | None = None
    address: str | None = None
    issuer: str | None = None
    permit_number: str | None = None
    issue_count: int | None = None
    english_name: str | None = None
    nationality: str | None = None
    card_version: str | None = None  # `I` cards only
    appended_address: str | None = None  # 30 03, latest registered address change
    expired: bool = False
    photo: bytes = field(default=b"", repr=False, compare=False)  # opaque WLT
    photo_image: bytes | None = field(default=None, repr=False, compare=False)  # BMP from photo_decoder, if any
    fingerprint: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def card_type(self) -> CardType:
        if self.variant == "J":
            return "hk_macao_taiwan"
        if self.variant in ("I", "Y"):
            return "foreign_permanent"
        return "resident"

    @property
    def layout_certain(self) -> bool:
        """False for the 2023 `Y` card, whose layout comes from a single public source."""
        return self.variant != "Y"

    @property
    def current_address(self) -> str | None:
        """The latest address: the appended one when the card has it, else the printed one."""
        return self.appended_address or self.address

    def __repr__(self) -> str:
        return f"IdCard(card_type={self.card_type!r}, variant={self.variant!r}, expired={self.expired})"

    __str__ = __repr__

    def to_json(self, full: bool = False) -> dict[str, Any]:
        """The issue's JSON keys, in order; masked (privacy rule 1) unless full=True."""
        until = LONG_TERM if self.valid_until is None else self.valid_until.isoformat()
        out: dict[str, Any] = {
            "card_type": self.card_type,
            "name": self.name,
            "gender": self.gender,
            "nation": self.nation,
            "birth_date": self.birth_date.isoformat(),
            "address": self.address,
            "id_number": self.id_number,
            "issuer": self.issuer,
            "valid_from": self.valid_from.isoformat(),
            "valid_until": until,
            "permit_number": self.permit_number,
            "issue_count": self.issue_count,
            "english_name": self.english_name,
            "nationality": self.nationality,
        }
        if not full:
            out["name"] = mask_name(self.name)
            out["birth_date"] = "****-**-**"  # the ID mask hides the birth date, so must this field
            out["address"] = None if self.address is None else mask_address(self.address)
            out["id_number"] = mask_id_number(self.id_number)
            out["permit_number"] = None if self.permit_number is None else mask_id_number(self.permit_number)
            out["english_name"] = None if self.english_name is None else mask_name(self.english_name)
        return out


# ----------------------------------------------------------------------------- field helpers

def _raw(block: bytes, offset: int, length: int) -> str:
    try:
        return block[offset : offset + length].decode("utf-16-le")
    except UnicodeDecodeError:
        raise CardDecodeError("text_undecodable", "身份证信息无法解码，请重新放卡",
                              "The card's text does not decode; place the card again") from None


def _text(block: bytes, offset: int, length: int) -> str:
    """One UCS-2LE field, padding (spaces, NULs) stripped. Names of 15 characters have no padding."""
    return _raw(block, offset, length).strip(" \x00\u3000")


def _date(value: str, what: str) -> _dt.date:
    if len(value) == 8 and value.isdigit() and value.isascii():
        try:
            day = _dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            pass
        else:
            if _EARLIEST <= day <= _dt.date(2199, 12, 31):
                return day
    raise CardDecodeError(f"bad_{what}", f"身份证上的日期无效（{_WHAT_ZH[what]}），请重新放卡",
                          f"The card's {what.replace('_', ' ')} is not a valid date; place the card again")


_WHAT_ZH = {"birth_date": "出生日期", "valid_from": "有效期起", "valid_until": "有效期止"}


def _gender(code: str) -> str:
    try:
        return GENDERS[code]
    except KeyError:
        raise CardDecodeError("bad_gender", "身份证性别代码无效，请重新放卡",
                              "The card's gender code is not one of 0, 1, 2, 9; place the card again") from None


def nation_name(code: str) -> str:
    """GB 3304 name; an unknown code is shown as its digits, never guessed."""
    return NATIONS.get(code, code)


def _check_digit_error() -> CardDecodeError:
    return CardDecodeError("check_digit", "身份证号码校验失败，无法使用此卡，请联系工作人员",
                           "The ID number fails its check digit (broken read or forged card); call staff")


def _validity(valid_from: _dt.date, until_text: str, birth: _dt.date, today: _dt.date) -> tuple[_dt.date | None, bool]:
    until = None if until_text == LONG_TERM else _date(until_text, "valid_until")
    if valid_from < birth or valid_from > today or (until is not None and until <= valid_from):
        raise CardDecodeError("implausible_dates", "身份证上的日期不合理，请重新放卡",
                              "The card's dates are implausible (birth, issue and expiry out of order)")
    return until, until is not None and until < today


def _check_birth(birth: _dt.date, today: _dt.date) -> None:
    if birth > today:
        raise CardDecodeError("implausible_dates", "身份证上的日期不合理，请重新放卡",
                              "The card's birth date lies in the future")


# ----------------------------------------------------------------------------- layouts

def decode_text(block: bytes, *, today: _dt.date) -> IdCard:
    """Decode a 256-byte text block of any card type (resident, J, I, Y)."""
    if len(block) != TEXT_LEN:
        raise CardDecodeError("bad_text_length", "身份证信息长度错误，请重新放卡",
                              f"The text block is {len(block)} bytes, expected {TEXT_LEN}")
    flag = _text(block, 248, 2)
    if flag == "I":
        return _decode_i(block, today)
    if flag == "Y":
        return _decode_y(block, today)
    return _decode_resident(block, today, permit=(flag == "J"))


def _decode_resident(block: bytes, today: _dt.date, *, permit: bool) -> IdCard:
    name = _text(block, 0, 30)
    gender = _gender(_text(block, 30, 2))
    nation_code = _text(block, 32, 4)
    birth = _date(_text(block, 36, 16), "birth_date")
    address = _text(block, 52, 70)
    id_number = _text(block, 122, 36).upper()
    issuer = _text(block, 158, 30)
    valid_from = _date(_text(block, 188, 16), "valid_from")
    until_text = _text(block, 204, 16)
    if not name:
        raise CardDecodeError("empty_name", "身份证姓名为空，请重新放卡", "The card's name field is empty")
    if not gb11643_valid(id_number):
        raise _check_digit_error()
    if id_number[6:14] != birth.strftime("%Y%m%d"):
        raise CardDecodeError("birth_mismatch", "身份证号码与出生日期不一致，请联系工作人员",
                              "The ID number does not match the birth date on the card; call staff")
    _check_birth(birth, today)
    until, expired = _validity(valid_from, until_text, birth, today)
    permit_number = issue_count = None
    if permit:
        permit_number = _text(block, 220, 18) or None
        count_text = _text(block, 238, 4)
        issue_count = int(count_text) if count_text.isdigit() and count_text.isascii() else None
        if not id_number.startswith(("810000", "820000", "830000")):
            raise CardDecodeError("bad_permit_number", "居住证号码格式无效，请联系工作人员",
                                  "A residence permit's number must start with 810000, 820000 or 830000")
    return IdCard(
        variant="J" if permit else "resident", name=name, gender=gender,
        nation=None if permit or not nation_code else nation_name(nation_code),
        birth_date=birth, address=address or None, id_number=id_number, issuer=issuer or None,
        valid_from=valid_from, valid_until=until, expired=expired,
        permit_number=permit_number, issue_count=issue_count,
    )


def _decode_i(block: bytes, today: _dt.date) -> IdCard:
    english = " ".join(_text(block, 0, 120).split())
    gender = _gender(_text(block, 120, 2))
    number = _text(block, 122, 30).upper()
    nationality = _text(block, 152, 6).upper()
    name = _text(block, 158, 30)
    valid_from = _date(_text(block, 188, 16), "valid_from")
    until_text = _text(block, 204, 16)
    birth = _date(_text(block, 220, 16), "birth_date")
    version = _text(block, 236, 4) or None
    authority = _text(block, 240, 8) or None
    if not _I_NUMBER_RE.match(number):
        raise CardDecodeError("bad_card_number", "永久居留身份证号码格式无效，请联系工作人员",
                              "A 2017 permanent residence card number is 3 letters and 12 digits")
    if not _NATIONALITY_RE.match(nationality):
        raise CardDecodeError("bad_nationality", "国籍代码无效，请重新放卡",
                              "Nationality must be a 3-letter GB/T 2659 code")
    _check_birth(birth, today)
    until, expired = _validity(valid_from, until_text, birth, today)
    return IdCard(
        variant="I", name=name or english, gender=gender, birth_date=birth, id_number=number,
        issuer=authority, valid_from=valid_from, valid_until=until, expired=expired,
        english_name=english or None, nationality=nationality, card_version=version,
    )


def _decode_y(block: bytes, today: _dt.date) -> IdCard:
    name = _text(block, 0, 30)
    gender = _gender(_text(block, 30, 2))
    renewals = _text(block, 32, 4)
    birth = _date(_text(block, 36, 16), "birth_date")
    # Part 2 continues part 1 exactly (a full part 1 may end mid-word or on the separating space).
    english = " ".join((_raw(block, 52, 70).replace("\x00", " ") + _raw(block, 220, 22).replace("\x00", " ")).split())
    number = _text(block, 122, 36).upper()
    valid_from = _date(_text(block, 188, 16), "valid_from")
    until_text = _text(block, 204, 16)
    nationality = _text(block, 242, 6).upper()
    if not (number.startswith("9") and gb11643_valid(number)):
        raise _check_digit_error()
    if not _NATIONALITY_RE.match(nationality):
        raise CardDecodeError("bad_nationality", "国籍代码无效，请重新放卡",
                              "Nationality must be a 3-letter GB/T 2659 code")
    _check_birth(birth, today)
    until, expired = _validity(valid_from, until_text, birth, today)
    return IdCard(
        variant="Y", name=name or english, gender=gender, birth_date=birth, id_number=number,
        valid_from=valid_from, valid_until=until, expired=expired, english_name=english or None,
        nationality=nationality, issue_count=int(renewals) if renewals.isdigit() and renewals.isascii() else None,
    )


# ----------------------------------------------------------------------------- whole replies

def decode_read_reply(data: bytes, *, today: _dt.date, with_fingerprint: bool = False) -> IdCard:
    """Decode the DATA of a 30 01 (text + photo) or 30 10 (+ fingerprint) reply (after SW1..SW3)."""
    head = 6 if with_fingerprint else 4
    if len(data) < head:
        raise CardDecodeError("short_reply", "读卡数据不完整，请重新放卡", "The read reply is too short")
    text_len = int.from_bytes(data[0:2], "big")
    photo_len = int.from_bytes(data[2:4], "big")
    fp_len = int.from_bytes(data[4:6], "big") if with_fingerprint else 0
    if text_len != TEXT_LEN or photo_len > 4096 or len(data) < head + text_len + photo_len + fp_len:
        raise CardDecodeError("short_reply", "读卡数据不完整，请重新放卡",
                              "The read reply's lengths do not add up")
    text = data[head : head + text_len]
    photo = data[head + text_len : head + text_len + photo_len]
    fp_start = head + text_len + photo_len
    card = decode_text(text, today=today)
    return _replace(card, photo=bytes(photo),
                    fingerprint=bytes(data[fp_start : fp_start + fp_len]) if with_fingerprint else None)


def decode_appended_address(data: bytes) -> str | None:
    """DATA of a 30 03 reply: 70 bytes UCS-2LE (None when blank)."""
    value = _text(bytes(data[:ADDRESS_LEN]), 0, ADDRESS_LEN)
    return value or None


def with_appended_address(card: IdCard, address: str | None) -> IdCard:
    return _replace(card, appended_address=address)


def _replace(card: IdCard, **changes: Any) -> IdCard:
    return replace(card, **changes)
