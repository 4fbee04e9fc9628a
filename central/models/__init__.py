"""Pydantic models of the API contract, one module per resource; each carries an example for the OpenAPI."""
from __future__ import annotations
