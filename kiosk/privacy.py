"""One masking rule for the whole project: on screen, on paper and in logs.

The rules are those of ../shared/reference/privacy-and-security.md (rule 1). The logging filter is a last
defence only: code must not log personal data in the first place (rule 2).
"""
from __future__ import annotations

import logging
import re

_ID_RE = re.compile(r"(?<![0-9A-Za-z.])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
_ID15_RE = re.compile(r"(?<![0-9A-Za-z.])(\d{6})(\d{6})(\d{3})(?![0-9A-Za-z])")
_PHONE_RE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
# An address is cut after the first township-level unit (街道, 镇, 乡) or, failing that, after the county.
_ADDRESS_CUT_RE = re.compile(r"^.*?(?:街道|镇|乡|苏木)")
_COUNTY_CUT_RE = re.compile(r"^.*?(?:区|县|旗|市)(?!场)")


def mask_id_number(value: str) -> str:
    """First 6 and last 4 only: ``430181********0037``; the birth-date digits are never shown."""
    text = value.strip()
    if len(text) <= 10:
        return "*" * len(text)
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def mask_phone(value: str) -> str:
    """``138****1234`` for mobiles; other numbers keep only their last 4 digits."""
    digits = value.strip()
    if len(digits) == 11:
        return digits[:3] + "****" + digits[-4:]
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_name(value: str) -> str:
    """``欧*菊``: names of 3+ characters keep the first and last; 2 characters keep the first."""
    name = value.strip()
    if len(name) <= 1:
        return name and "*"
    if len(name) == 2:
        return name[0] + "*"
    if name.isascii():  # foreigners' names: keep the first letter of each word
        return " ".join(word[:1] + "*" * (len(word) - 1) for word in name.split())
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_address(value: str) -> str:
    """Cut after the township or street (``湖南省浏阳市集里街道****``)."""
    address = value.strip()
    match = _ADDRESS_CUT_RE.match(address) or _COUNTY_CUT_RE.match(address)
    if match is None or match.end() >= len(address):
        kept = address[: max(0, min(6, len(address) - 4))]
    else:
        kept = match.group(0)
    return kept + "****" if kept != address else address


def scrub(text: str) -> str:
    """Mask every ID-number and mobile pattern inside free text (the log filter's last defence)."""
    text = _ID_RE.sub(lambda m: m.group(1) + "*" * 8 + m.group(3)[-4:], text)
    text = _ID15_RE.sub(lambda m: m.group(1) + "*" * 5 + m.group(3)[-4:], text)
    return _PHONE_RE.sub(lambda m: m.group(1) + "****" + m.group(3), text)


class ScrubbingFilter(logging.Filter):
    """Masks ID and phone patterns in every record, message and arguments alike."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True
