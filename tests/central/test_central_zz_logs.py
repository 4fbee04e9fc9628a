"""Runs last in this folder: the server's log (access log included) holds no ID numbers or phone numbers."""
from __future__ import annotations

import re

from central_testkit import (
    CentralServer,
    central_fixture,  # noqa: F401 - pytest fixtures
)

ID_NUMBER = re.compile(r"(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9Xx](?![0-9])")
PHONE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def test_server_log_has_no_personal_data(central: CentralServer) -> None:
    text = central.log_path.read_text(encoding="utf-8", errors="replace")
    assert "POST /api/v1/cases" in text, "the access log was not written: nothing checked"
    assert not ID_NUMBER.findall(text)
    assert not PHONE.findall(text)
    assert "verifier=" not in text  # query strings are cut from access-log lines
