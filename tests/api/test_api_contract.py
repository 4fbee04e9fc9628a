"""The client follows the served contract: every terminal operation of docs/api/openapi.json has a client
method, and every field the client's typed results read exists in the matching schema."""
from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from api_support import REPO

from kiosk.api import models as m
from kiosk.api.client import CentralClient

OPENAPI = REPO / "docs" / "api" / "openapi.json"

CLIENT_CALLS = {
    ("GET", "/api/v1/time"): "server_time",
    ("GET", "/api/v1/health"): "health",
    ("GET", "/api/v1/catalogue/items"): "catalogue_items",
    ("GET", "/api/v1/catalogue/items/{code}"): "catalogue_item",
    ("GET", "/api/v1/catalogue/items/{code}/guide"): "guide",
    ("GET", "/api/v1/regions"): "regions",
    ("GET", "/api/v1/regions/{code}"): "regions",
    ("POST", "/api/v1/cases"): "submit_case",
    ("POST", "/api/v1/cases/batch"): "submit_cases",
    ("POST", "/api/v1/cases/search"): "my_cases",
    ("GET", "/api/v1/cases/{case_number}"): "lookup_case",
    ("GET", "/api/v1/appointments/units"): "appointment_units",
    ("GET", "/api/v1/appointments/services/{service_id}/days"): "appointment_days",
    ("GET", "/api/v1/appointments/services/{service_id}/slots"): "appointment_slots",
    ("POST", "/api/v1/appointments"): "book_appointment",
    ("POST", "/api/v1/appointments/search"): "my_appointments",
    ("POST", "/api/v1/appointments/{appointment_number}/cancel"): "cancel_appointment",
    ("POST", "/api/v1/appointments/{appointment_number}/check-in"): "check_in",
    ("POST", "/api/v1/queue/tickets"): "take_ticket",
    ("GET", "/api/v1/queue/units/{unit_id}"): "queue_status",
    ("POST", "/api/v1/help-requests"): "request_help",
    ("GET", "/api/v1/help-requests/{request_number}"): "help_request",
    ("GET", "/api/v1/intermediaries"): "intermediaries",
    ("GET", "/api/v1/intermediaries/{provider_id}"): "intermediary",
    ("POST", "/api/v1/intermediaries/{provider_id}/ratings"): "rate_intermediary",
    ("GET", "/api/v1/evaluations/tags"): "evaluation_tags",
    ("POST", "/api/v1/evaluations"): "evaluate",
    ("POST", "/api/v1/terminals/heartbeat"): "heartbeat",
    ("POST", "/api/v1/terminals/events"): "report_events",
    ("POST", "/api/v1/staff-calls"): "call_staff",
}

# typed result -> schema name in components
RESULTS: list[tuple[type[Any], str]] = [
    (m.CatalogueItem, "CatalogueItem"), (m.Material, "Material"), (m.FormAttribute, "FormAttribute"),
    (m.AttributeValue, "AttributeValue"), (m.GuideElement, "GuideElement"), (m.DeliveryOptions, "DeliveryOptions"),
    (m.RegionNode, "RegionNode"), (m.RegionList, "RegionList"), (m.MaskedApplicant, "MaskedApplicant"),
    (m.CaseEvent, "CaseEvent"), (m.Offices, "Offices"), (m.CaseDelivery, "CaseDelivery"), (m.Case, "CaseCreated"),
    (m.CaseSummary, "CaseSummary"), (m.UnitService, "UnitService"), (m.Unit, "Unit"), (m.Day, "Day"),
    (m.Slot, "Slot"), (m.Appointment, "Appointment"), (m.Ticket, "Ticket"), (m.HelpRequest, "HelpRequest"),
    (m.IntermediarySummary, "IntermediarySummary"), (m.ProviderService, "ProviderService"),
    (m.Intermediary, "Intermediary"), (m.IntermediaryList, "IntermediaryList"), (m.Rating, "Rating"),
    (m.FollowUp, "FollowUp"), (m.Evaluation, "Evaluation"), (m.EvaluationTags, "EvaluationTags"),
    (m.StaffCall, "StaffCall"), (m.ServerTime, "ServerTime"), (m.HeartbeatAck, "HeartbeatAck"),
]


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return dict(json.loads(OPENAPI.read_text(encoding="utf-8")))


def test_every_terminal_operation_has_a_client_method(spec: dict[str, Any]) -> None:
    ops = {(method.upper(), path) for path, item in spec["paths"].items() for method in item
           if not path.startswith("/api/v1/office/")}
    assert ops == set(CLIENT_CALLS), f"contract-only: {ops - set(CLIENT_CALLS)}; client-only: {set(CLIENT_CALLS) - ops}"
    for name in CLIENT_CALLS.values():
        assert callable(getattr(CentralClient, name))


def test_creating_posts_that_need_a_key_get_one(spec: dict[str, Any]) -> None:
    for method, path in CLIENT_CALLS:
        if method != "POST":
            continue
        params = spec["paths"][path]["post"].get("parameters", [])
        key = [p for p in params if p["name"] == "Idempotency-Key"]
        if key and key[0].get("required"):
            assert path in {"/api/v1/cases", "/api/v1/appointments", "/api/v1/help-requests", "/api/v1/evaluations",
                            "/api/v1/intermediaries/{provider_id}/ratings"}, path


@pytest.mark.parametrize(("cls", "schema"), RESULTS, ids=[s for _, s in RESULTS])
def test_typed_results_read_only_fields_the_contract_has(spec: dict[str, Any], cls: type[Any], schema: str) -> None:
    s = spec["components"]["schemas"][schema]
    props = set(s.get("properties", {}))
    required = set(s.get("required", []))
    for f in dataclasses.fields(cls):
        if f.name == "raw":
            continue
        assert f.name in props, f"{cls.__name__}.{f.name} is not in the contract's {schema}"
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        if not has_default:
            assert f.name in required, f"{cls.__name__}.{f.name} is required by the client but optional in {schema}"


def test_batch_result_fields_read_by_the_client_exist(spec: dict[str, Any]) -> None:
    result = spec["components"]["schemas"]["CaseBatchResult"]
    assert {"idempotency_key", "status", "replayed"} <= set(result["required"])
    assert {"case", "problem"} <= set(result["properties"])
    item = spec["components"]["schemas"]["CaseBatchItem"]
    assert item["properties"]["case"]["$ref"] == "#/components/schemas/CaseCreate"
    assert spec["components"]["schemas"]["CaseBatch"]["properties"]["items"]["maxItems"] == 50


def test_guide_fields_read_by_the_client_exist(spec: dict[str, Any]) -> None:
    guide = spec["components"]["schemas"]["ServiceGuide"]
    assert {"item", "materials", "form", "delivery", "elements", "visits"} <= set(guide["required"])

