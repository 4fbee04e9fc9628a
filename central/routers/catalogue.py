"""Catalogue (incremental sync with ETag/If-None-Match and `since`), service guides, regions."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import func, select

from central import catalogue as cat
from central.auth import signed_terminal
from central.context import AppContext, Ctx
from central.db import schema as t
from central.errors import ProblemError
from central.models.catalogue import (
    CatalogueItem,
    CatalogueItemList,
    RegionList,
    ServiceGuide,
)
from central.models.common import problem_responses
from central.timeutil import iso, utcnow

router = APIRouter(tags=["catalogue"], dependencies=[Depends(signed_terminal)], responses=problem_responses(401))


def _parse_since(since: str | None) -> datetime | None:
    if since is None or since == "":
        return None
    text = since.strip().replace(" ", "+")  # an unencoded '+' arrives as a space
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ProblemError(422, "validation_failed", "since must be ISO-8601 with a zone, e.g. 2026-11-26T09:00:00+08:00",
                           errors=[{"field": "since", "message": "not an ISO-8601 date-time"}]) from None
    if value.tzinfo is None:
        raise ProblemError(422, "validation_failed", "since needs a zone (+08:00 or Z)",
                           errors=[{"field": "since", "message": "zone missing"}])
    return value


@router.get("/catalogue/items", response_model=CatalogueItemList,
            responses={304: {"description": "Not modified (If-None-Match matched the ETag)"}},
            summary="Catalogue items: full, or changed since a time (deleted ones flagged)")
def list_items(request: Request, ctx: Ctx,
               since: Annotated[str | None, Query(description="ISO-8601 with zone; " "returns items changed after it, including deleted ones")] = None) -> Response:
    since_dt = _parse_since(since)
    with ctx.engine.connect() as conn:
        version = cat.catalogue_version(conn)
        etag = cat.etag_for(version, since_dt.isoformat() if since_dt else "")
        if etag in [v.strip() for v in request.headers.get("if-none-match", "").split(",")]:
            return Response(status_code=304, headers={"ETag": etag, "Cache-Control": "no-cache"})
        items = cat.list_items(conn, since_dt)
    # Built directly (no model round-trip): 1,500 items serialise in a fraction of the time.
    body = {"items": items, "count": len(items), "full": since_dt is None,
            "as_of": iso(version[0]) if version[0] else iso(utcnow())}
    return JSONResponse(body, headers={"ETag": etag, "Cache-Control": "no-cache"})


def _item_row(ctx: AppContext, code: str) -> Any:
    with ctx.engine.connect() as conn:
        row = conn.execute(select(t.items).where(t.items.c.code == code)).first()
    if row is None:
        raise ProblemError(404, "not_found", f"no catalogue item {code}")
    return row


@router.get("/catalogue/items/{code}", response_model=CatalogueItem, responses=problem_responses(404),
            summary="One catalogue item")
def get_item(code: str, ctx: Ctx) -> dict[str, Any]:
    return cat.item_dict(_item_row(ctx, code))


@router.get("/catalogue/items/{code}/guide", response_model=ServiceGuide, responses=problem_responses(404),
            summary="Service guide: 13 elements, materials, form (Open311-style attributes), delivery")
def get_guide(code: str, ctx: Ctx) -> dict[str, Any]:
    row = _item_row(ctx, code)
    if not row.has_guide or not row.guide:
        raise ProblemError(404, "guide_not_available", f"item {code} has no service guide yet; call the consult phone")
    return cat.guide_dict(row)


def _region_node(conn: Any, row: Any) -> dict[str, Any]:
    children = conn.execute(select(func.count()).select_from(t.regions).where(
        t.regions.c.parent_code == row.code)).scalar_one()
    return {"code": row.code, "name": row.name, "full_name": row.full_name, "level": row.level,
            "parent_code": row.parent_code, "children_count": int(children)}


@router.get("/regions/{code}", response_model=RegionList, responses=problem_responses(404),
            summary="A region and its children (county -> townships -> villages), for address picking")
def get_region(code: str, ctx: Ctx) -> dict[str, Any]:
    with ctx.engine.connect() as conn:
        row = conn.execute(select(t.regions).where(t.regions.c.code == code)).first()
        if row is None:
            raise ProblemError(404, "not_found", f"no region {code}")
        children = conn.execute(select(t.regions).where(t.regions.c.parent_code == code)
                                .order_by(t.regions.c.sort_order)).all()
        return {"region": _region_node(conn, row), "children": [_region_node(conn, c) for c in children]}


@router.get("/regions", response_model=RegionList, summary="The county and its townships")
def get_root_region(ctx: Ctx) -> dict[str, Any]:
    return get_region("430181", ctx)
