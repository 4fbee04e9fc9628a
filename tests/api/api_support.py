"""Shared helpers of the client tests (a uniquely named module: several test folders have a conftest.py,
so tests must never `from conftest import ...`)."""
from __future__ import annotations

import json
import sys
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO / "tests") not in sys.path:
    sys.path.insert(0, str(REPO / "tests"))

from helpers.central_server import CentralServer

from kiosk.api.client import CentralClient

DEMO_ID = "LY-DEMO-0001"
DEMO_SECRET = b"demo-terminal-secret"

CentralProcess = CentralServer  # the central engineer's reusable fixture (tests/helpers/central_server.py)


def unique_prefix() -> str:
    """A ref prefix of its own per outbox, so server-side counts by local_reference never mix tests."""
    return "T" + uuid.uuid4().hex[:8].upper()


_case_template: dict[str, Any] | None = None


def case_payload(client: CentralClient, *, name: str = "欧阳菊花", id_number: str = "430181195803120037",
                 phone: str = "13812341234") -> dict[str, Any]:
    """A valid POST /cases body for a seeded item with a guide, its form filled from the guide's attributes."""
    global _case_template
    if _case_template is None:
        page = client.catalogue_items()
        for item in page.items:
            if not item.get("has_guide") or item.get("deleted"):
                continue
            guide = client.guide(item["code"])
            form = fill_form(guide)
            if form is None:
                continue
            delivery = {"method": "pickup"}
            _case_template = {"service_code": item["code"], "form": form, "delivery": delivery,
                              "materials": [{"name": mat.name, "provided_as": "electronic" if mat.electronic
                                             else "paper_later"} for mat in guide.materials]}
            break
        assert _case_template is not None, "no seeded item with a fillable guide"
    body = json.loads(json.dumps(_case_template))
    body["applicant"] = {"name": name, "id_number": id_number, "phone": phone, "address": "湖南省浏阳市集里街道神仙坳社区"}
    return body


def fill_form(guide: Any) -> dict[str, Any] | None:
    form: dict[str, Any] = {}
    for a in guide.attributes:
        if not a.required:
            continue
        if a.datatype == "singlevaluelist" and a.values:
            form[a.code] = a.values[0].key
        elif a.datatype == "multivaluelist" and a.values:
            form[a.code] = [a.values[0].key]
        elif a.datatype == "number":
            form[a.code] = 1
        elif a.datatype == "datetime":
            form[a.code] = "2026-01-05"
        elif a.datatype in ("string", "text") and not a.pattern:
            form[a.code] = "测试"
        else:
            return None
    return form


def wait_until(predicate: Any, timeout: float = 30.0, interval: float = 0.05) -> bool:
    """Poll a condition with a deadline (never a bare sleep)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())
