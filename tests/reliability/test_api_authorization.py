"""One terminal cannot read another citizen's records without the verifier, and cannot borrow another
terminal's idempotency key to fetch its answer (which carries the case's QR verifier).

The case look-up by number is covered in tests/central/test_central_cases.py
(test_look_up_needs_the_right_verifier_from_another_terminal); these fill the other read paths.
"""
from __future__ import annotations

import sys
import uuid
from typing import Any

from reliability_support import REPO

sys.path.insert(0, str(REPO / "tests" / "central"))

from central_testkit import VILLAGE_SECRET, VILLAGE_TERMINAL_ID, Api, case_body
from helpers.central_server import CentralServer


def _case(api: Api) -> tuple[dict[str, Any], dict[str, Any], str]:
    key = str(uuid.uuid4())
    body = case_body("AUTHZ-" + key[:8])
    r = api.post("/cases", body, key=key)
    assert r.status_code == 201, r.text
    return dict(r.json()), body, key


def test_another_terminal_cannot_replay_an_idempotency_key_to_read_the_answer(central: CentralServer) -> None:
    mine, other = Api(central), Api(central, VILLAGE_TERMINAL_ID, VILLAGE_SECRET)
    created, body, key = _case(mine)
    again = mine.post("/cases", body, key=key)
    assert again.status_code == 201 and again.json() == created  # the same terminal's retry: the original
    stolen = other.post("/cases", body, key=key)
    assert stolen.status_code != 201 or stolen.json().get("qr_token") != created["qr_token"], \
        "another terminal got the original answer (with the case's verifier) by replaying the key"


def test_case_by_local_reference_needs_the_verifier_from_another_terminal(central: CentralServer) -> None:
    mine, other = Api(central), Api(central, VILLAGE_TERMINAL_ID, VILLAGE_SECRET)
    created, _body, _key = _case(mine)
    ref = created["local_reference"]
    assert other.get(f"/cases/{ref}").status_code == 404
    assert other.get(f"/cases/{ref}?verifier=0000").status_code == 404


def test_help_request_needs_the_verifier_from_another_terminal(central: CentralServer) -> None:
    mine, other = Api(central), Api(central, VILLAGE_TERMINAL_ID, VILLAGE_SECRET)
    r = mine.post("/help-requests", {"kind": "帮办", "applicant": {"name": "欧阳菊花", "phone": "13812341234"}},
                  key=str(uuid.uuid4()))
    assert r.status_code == 201, r.text
    number = r.json()["request_number"]
    assert other.get(f"/help-requests/{number}").status_code == 404
    assert other.get(f"/help-requests/{number}?verifier=0000").status_code == 404
    found = other.get(f"/help-requests/{number}?verifier=1234")
    assert found.status_code == 200 and "13812341234" not in found.text and "欧阳菊花" not in found.text


def test_wrong_verifiers_are_not_an_oracle(central: CentralServer) -> None:
    """An unknown number and a wrong verifier answer the same: nobody learns which case numbers exist."""
    other = Api(central, VILLAGE_TERMINAL_ID, VILLAGE_SECRET)
    created, _b, _k = _case(Api(central))
    a = other.get(f"/cases/{created['case_number']}?verifier=9999")
    b = other.get("/cases/LY00000000999998?verifier=9999")
    assert a.status_code == b.status_code == 404 and a.json()["code"] == b.json()["code"]


def test_a_reused_local_reference_never_shows_another_citizens_case(central: CentralServer) -> None:
    """A kiosk whose outbox database was recreated numbers the day again from 0001: the same local reference
    then names two citizens' cases. Looking it up must not return the other citizen's (not even to the
    submitting terminal, which needs no verifier for its own cases)."""
    mine = Api(central)
    ref = "LY-DEMO-0001-20261126-" + uuid.uuid4().hex[:4].upper()
    first = mine.post("/cases", dict(case_body(ref)), key=str(uuid.uuid4()))
    assert first.status_code == 201, first.text
    assert mine.get(f"/cases/{ref}").json()["case_number"] == first.json()["case_number"]
    second = mine.post("/cases", dict(case_body(ref), applicant={"name": "李四", "id_number": "430181198512120011",
                                                                 "phone": "13900002222"}), key=str(uuid.uuid4()))
    assert second.status_code == 201, second.text  # the second citizen's case is accepted, never lost
    ambiguous = mine.get(f"/cases/{ref}")
    assert ambiguous.status_code == 404
    for created in (first.json(), second.json()):  # each is still found by its own case number
        assert mine.get(f"/cases/{created['case_number']}").status_code == 200
