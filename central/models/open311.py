"""Open311 GeoReport v2 views of the same data (services, service definitions, requests)."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class Open311Service(BaseModel):
    service_code: str
    service_name: str
    description: str
    metadata: bool = Field(description="true when GET /open311/services/{code} has attributes")
    type: Literal["realtime", "batch", "blackbox"]
    keywords: str
    group: str


class Open311Value(BaseModel):
    key: str
    name: str


class Open311Attribute(BaseModel):
    variable: bool
    code: str
    datatype: str
    required: bool
    datatype_description: str | None
    order: int
    description: str
    values: list[Open311Value] | None = None


class Open311Definition(BaseModel):
    service_code: str
    attributes: list[Open311Attribute]


class Open311Request(BaseModel):
    service_request_id: str
    status: Literal["open", "closed"]
    status_notes: str
    service_name: str
    service_code: str
    agency_responsible: str
    requested_datetime: datetime
    updated_datetime: datetime
    expected_datetime: datetime | None
