"""One masking rule for screen, paper and logs (privacy-and-security.md rule 1), and the log filter."""
from __future__ import annotations

import logging

import pytest

from kiosk.privacy import ScrubbingFilter, mask_address, mask_id_number, mask_name, mask_phone, scrub


def test_id_number_keeps_first_6_and_last_4_only() -> None:
    assert mask_id_number("430181199001010037") == "430181********0037"
    assert mask_id_number("11010519491231002X") == "110105********002X"
    assert "19900101" not in mask_id_number("430181199001010037")


def test_phone_name_address() -> None:
    assert mask_phone("13812341234") == "138****1234"
    assert mask_name("欧阳菊") == "欧*菊"
    assert mask_name("欧阳小菊") == "欧**菊"
    assert mask_name("李四") == "李*"
    assert mask_name("JOHN SMITH") == "J*** S****"
    assert mask_address("湖南省浏阳市集里街道新宁社区3组12号") == "湖南省浏阳市集里街道****"
    assert mask_address("湖南省浏阳市大围山镇楚东村") == "湖南省浏阳市大围山镇****"
    assert mask_address("湖南省浏阳市某路1号") == "湖南省浏阳市****"


@pytest.mark.parametrize("text", ["证件 430181199001010037 已读", "tel:13812341234", "号码430181900101003"])
def test_scrub_masks_id_and_phone_patterns_in_free_text(text: str) -> None:
    cleaned = scrub(text)
    assert "19900101" not in cleaned and "1234 1234" not in cleaned
    assert "43018119900101" not in cleaned and "13812341234" not in cleaned


def test_scrub_leaves_case_numbers_alone() -> None:
    assert scrub("case LY20261126000123 ok") == "case LY20261126000123 ok"


def test_log_filter_masks_message_and_arguments(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("privacy-test")
    logger.addFilter(ScrubbingFilter())
    with caplog.at_level(logging.INFO, logger="privacy-test"):
        logger.info("read card %s phone %s", "430181199001010037", "13812341234")
    assert caplog.records[0].getMessage() == "read card 430181********0037 phone 138****1234"
