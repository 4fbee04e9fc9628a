"""The committed contract equals what the server serves."""
from __future__ import annotations

import json
from pathlib import Path

import requests
from central_testkit import (
    CentralServer,
    central_fixture,  # noqa: F401 - pytest fixtures
)

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.json"


def test_committed_openapi_equals_served(central: CentralServer) -> None:
    served = requests.get(central.url + "/api/v1/openapi.json", timeout=10)
    assert served.status_code == 200
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert served.json() == committed, "docs/api/openapi.json is stale: run `python -m central export-openapi`"


def test_contract_declares_signing_and_problem_errors() -> None:
    doc = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert doc["openapi"].startswith("3.")
    assert {"TerminalId", "Timestamp", "Nonce", "Signature", "AdminToken"} <= set(doc["components"]["securitySchemes"])
    assert doc["paths"]["/api/v1/time"]["get"]["security"] == []
    post_cases = doc["paths"]["/api/v1/cases"]["post"]
    assert post_cases["security"][0].keys() == {"TerminalId", "Timestamp", "Nonce", "Signature"}
    assert any(p["name"] == "Idempotency-Key" for p in post_cases["parameters"])
    assert "application/problem+json" in post_cases["responses"]["409"]["content"]
    assert "examples" in doc["components"]["schemas"]["CaseCreate"]


def test_readme_lists_every_endpoint() -> None:
    doc = json.loads(COMMITTED.read_text(encoding="utf-8"))
    readme = (COMMITTED.parent / "README.md").read_text(encoding="utf-8")
    missing = [f"{m.upper()} {p}" for p, item in doc["paths"].items() for m in item
               if f"`{m.upper()} {p.removeprefix('/api/v1')}`" not in readme]
    assert not missing, f"docs/api/README.md endpoint table lacks {missing}"
