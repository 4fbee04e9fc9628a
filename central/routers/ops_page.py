"""/ops: the fleet at a glance for ops (HTML, not part of the terminal API contract).

Sign in once with the admin token (`/ops?token=…`, kept in an HttpOnly cookie); the page refreshes itself
every 30 s and lists terminals with problems first.
"""
from __future__ import annotations

import hmac
from datetime import timedelta
from html import escape
from typing import Annotated

from fastapi import APIRouter, Cookie, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from central.context import Ctx
from central.db import schema as t
from central.ops_health import TerminalHealth, assess, problems_first
from central.timeutil import as_utc, to_local, utcnow

router = APIRouter(include_in_schema=False)
COOKIE = "ops_token"


@router.get("/ops")
def ops_page(ctx: Ctx, token: Annotated[str | None, Query()] = None,
             ops_token: Annotated[str | None, Cookie()] = None) -> Response:
    expected = ctx.settings.admin_token.encode()
    if token is not None:
        if not hmac.compare_digest(token.encode(), expected):
            return HTMLResponse(_page("无权访问 / not authorised", "<p>令牌不对。</p>"), status_code=401)
        response = RedirectResponse("/ops", status_code=303)  # the token leaves the address bar and history
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict", max_age=12 * 3600)
        return response
    if ops_token is None or not hmac.compare_digest(ops_token.encode(), expected):
        return HTMLResponse(_page("请登录 / sign in", "<p>请用 <code>/ops?token=管理令牌</code> 打开。</p>"),
                            status_code=401)
    now = utcnow()
    with ctx.engine.connect() as conn:
        terminals = conn.execute(select(t.terminals).where(t.terminals.c.active.is_(True))).all()
        events = conn.execute(select(t.terminal_events.c.terminal_id, t.terminal_events.c.code)
                              .where(t.terminal_events.c.kind == "error")
                              .where(t.terminal_events.c.received_at > now - timedelta(hours=1))).all()
    recent: dict[str, list[str]] = {}
    for terminal_id, code in events:
        if code not in recent.setdefault(terminal_id, []):
            recent[terminal_id].append(code)
    rows = problems_first([
        assess(r.id, r.site_name, as_utc(r.last_heartbeat_at) if r.last_heartbeat_at else None,
               r.last_heartbeat, recent.get(r.id, []), now) for r in terminals])
    return HTMLResponse(_page("终端运行状态 / terminal health", _table(rows, now)))


def _table(rows: list[TerminalHealth], now) -> str:
    bad = sum(not r.healthy for r in rows)
    head = f"<p class='summary'>共 {len(rows)} 台，{bad} 台有问题 · 更新于 {to_local(now):%H:%M:%S}</p>"
    body = []
    for row in rows:
        seen = f"{to_local(row.last_seen):%m-%d %H:%M}" if row.last_seen else "从未"
        state = "正常" if row.healthy else "；".join(escape(p) for p in row.problems)
        body.append(f"<tr class='{'ok' if row.healthy else f'bad s{row.severity}'}' data-terminal='{escape(row.id)}'>"
                    f"<td>{escape(row.id)}</td><td>{escape(row.site_name)}</td><td>{seen}</td>"
                    f"<td>{escape(row.version)}</td><td>{row.outbox_depth}</td><td class='state'>{state}</td></tr>")
    return (head + "<table><thead><tr><th>终端</th><th>站点</th><th>最近上报</th><th>版本</th><th>待上传</th>"
            "<th>状态</th></tr></thead><tbody>" + "".join(body) + "</tbody></table>")


def _page(title: str, content: str) -> str:
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="30"><title>{title}</title>
<style>body{{font-family:"Noto Sans CJK SC",sans-serif;margin:24px;color:#1d2733}}
table{{border-collapse:collapse;width:100%}}th,td{{padding:8px 12px;border-bottom:1px solid #c9d3df;text-align:left}}
tr.s2 td{{background:#ffe3e3}}tr.s1 td{{background:#fff3bf}}tr.ok .state{{color:#2b8a3e}}.summary{{font-size:18px}}
</style></head><body><h1>{title}</h1>{content}</body></html>"""
