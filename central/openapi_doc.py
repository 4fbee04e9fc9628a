"""OpenAPI post-processing: security schemes, problem+json error bodies, committed-file export."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from central import API_PREFIX

PUBLIC_PATHS = {f"{API_PREFIX}/time", f"{API_PREFIX}/health"}
SIGNED: list[dict[str, list[str]]] = [{"TerminalId": [], "Timestamp": [], "Nonce": [], "Signature": []}]
SCHEMES = {
    "TerminalId": {"type": "apiKey", "in": "header", "name": "X-Terminal-Id", "description": "terminal id, e.g. LY-DEMO-0001"},
    "Timestamp": {"type": "apiKey", "in": "header", "name": "X-Timestamp", "description": "unix seconds (integer)"},
    "Nonce": {"type": "apiKey", "in": "header", "name": "X-Nonce", "description": "32 lowercase hex chars, fresh per request"},
    "Signature": {"type": "apiKey", "in": "header", "name": "X-Signature",
                  "description": "hex HMAC-SHA256(secret, METHOD\\npath?query\\nsha256(body)\\nX-Timestamp\\nX-Nonce)"},
    "AdminToken": {"type": "http", "scheme": "bearer", "description": "back office (CENTRAL_ADMIN_TOKEN)"},
}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def _fix_operation(path: str, op: dict[str, Any]) -> None:
    if path in PUBLIC_PATHS:
        op["security"] = []
    elif path.startswith(f"{API_PREFIX}/office"):
        op["security"] = [{"AdminToken": []}]
    else:
        op["security"] = SIGNED
    for status, response in op.get("responses", {}).items():
        if status.isdigit() and int(status) >= 400:
            response["content"] = {"application/problem+json": {"schema": PROBLEM_REF}}
            if status == "422":
                response["description"] = "Validation failed (code validation_failed) or idempotency conflict"


def customise_openapi(app: FastAPI) -> None:
    original = app.openapi

    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        for path, item in schema.get("paths", {}).items():
            for method, op in item.items():
                if method in ("get", "post", "put", "patch", "delete"):
                    _fix_operation(path, op)
        components = schema.setdefault("components", {})
        components["securitySchemes"] = SCHEMES
        schemas = components.setdefault("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)
        item = schemas.get("CaseBatchItem", {}).get("properties", {})
        if "case" in item:  # validated per item at run time, documented as what it is
            item["case"] = {"$ref": "#/components/schemas/CaseCreate",
                            "description": item["case"].get("description", "")}
        app.openapi_schema = schema
        return schema

    app.openapi = build  # type: ignore[method-assign]


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export(path: Path) -> None:
    from central.app import openapi_document
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(openapi_document()), encoding="utf-8")
