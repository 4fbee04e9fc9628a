"""The case workflow: states, routing by region code, and the office transitions.

Routes (by the applicant's region code, else the terminal's, and the levels the item is offered at):
- village  (12-digit code, item offered at village level): 村受理 - 镇审核 - 村出件;
- township (9-digit code or a village without village service, item offered at township level);
- county   (everything else): the citizen centre accepts, the department reviews.
Every change appends an event with time, office and note.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from central.db import schema as t
from central.errors import ProblemError
from central.timeutil import utcnow

STATES = ("已提交", "预审中", "待补正", "已受理", "审核中", "已办结", "待领取", "已寄出", "已送达")
COUNTY_ACCEPT = "浏阳市政务服务中心（市民之家）综合受理窗口"
COUNTY_HANDOVER = "浏阳市政务服务中心（市民之家）出件窗口"


@dataclass(frozen=True)
class Routing:
    route: str
    offices: dict[str, str]


def _region_name(conn: Connection, code: str) -> str | None:
    return conn.execute(select(t.regions.c.name).where(t.regions.c.code == code)).scalar()


def township_office(conn: Connection, town_code: str) -> str:
    return f"{_region_name(conn, town_code) or '乡镇'}便民服务中心"


def route_case(conn: Connection, region_code: str, levels: list[str], department: str) -> Routing:
    """Pick the route and its three offices (accept, review, handover); one query for the region names."""
    names: dict[str, str] = {}
    if len(region_code) >= 9:
        query = select(t.regions.c.code, t.regions.c.name).where(t.regions.c.code.in_({region_code[:9], region_code}))
        names = {code: name for code, name in conn.execute(query)}
    town_name = names.get(region_code[:9])
    if len(region_code) == 12 and "village" in levels and region_code in names and town_name:
        village = f"{town_name}{names[region_code]}便民服务站"
        town = f"{town_name}便民服务中心"
        return Routing("village", {"accept": village, "review": town, "handover": village})
    if len(region_code) >= 9 and "township" in levels and town_name:
        town = f"{town_name}便民服务中心"
        return Routing("township", {"accept": town, "review": town, "handover": town})
    return Routing("county", {"accept": COUNTY_ACCEPT, "review": department, "handover": COUNTY_HANDOVER})


def append_event(conn: Connection, case_id: int, state: str, office: str, note: str, *, first: bool = False,
                 at: datetime | None = None) -> None:
    seq = 0 if first else conn.execute(select(func.coalesce(func.max(t.case_events.c.seq), 0)).where(
        t.case_events.c.case_id == case_id)).scalar_one()
    conn.execute(t.case_events.insert().values(case_id=case_id, seq=int(seq) + 1, state=state, time=at or utcnow(),
                                               office=office, note=note))


def _load(conn: Connection, number: str) -> Any:
    row = conn.execute(select(t.cases).where(t.cases.c.case_number == number)).first()
    if row is None:
        raise ProblemError(404, "not_found", f"no case {number}")
    return row


def _set_state(conn: Connection, row: Any, state: str, office: str, note: str, **values: Any) -> None:
    conn.execute(update(t.cases).where(t.cases.c.id == row.id).values(state=state, updated_at=utcnow(), **values))
    append_event(conn, row.id, state, office, note)


def _refuse(row: Any, action: str, allowed: str) -> ProblemError:
    return ProblemError(409, "invalid_transition", f"case {row.case_number} is {row.state}; {action} needs {allowed}",
                        state=row.state)


def advance(conn: Connection, number: str, note: str = "") -> str:
    """The next ordinary step; decisions, returns and mailing have their own commands."""
    row = _load(conn, number)
    offices = row.offices
    village = row.route == "village"
    state = row.state
    if state == "已提交":
        _set_state(conn, row, "预审中", offices["accept"], note or "材料预审")
    elif state == "待补正":
        _set_state(conn, row, "预审中", offices["accept"], note or "已补正材料，重新预审", missing_materials=[])
    elif state == "预审中":
        _set_state(conn, row, "已受理", offices["accept"], note or ("村受理" if village else "受理"))
    elif state == "已受理":
        _set_state(conn, row, "审核中", offices["review"], note or ("镇审核" if village else "审核"))
    elif state == "已办结" and row.outcome == "approved":
        if row.delivery.get("method") == "express":
            raise _refuse(row, "advance", "mail (the applicant chose express delivery)")
        site = row.delivery.get("pickup_site") or offices["handover"]
        _set_state(conn, row, "待领取", offices["handover"],
                   note or (f"村出件：请到{site}领取" if village else f"请到{site}领取"))
    elif state == "待领取":
        _set_state(conn, row, "已送达", offices["handover"], note or "申请人已领取")
    elif state == "已寄出":
        _set_state(conn, row, "已送达", row.carrier or "快递", note or "快递已签收")
    else:
        raise _refuse(row, "advance", "已提交/预审中/待补正/已受理/已办结(批准)/待领取/已寄出; use decide in 审核中")
    return str(_load(conn, number).state)


def return_for_correction(conn: Connection, number: str, missing: list[str], note: str = "") -> str:
    """一次性告知: everything missing is named at once."""
    row = _load(conn, number)
    if row.state not in ("预审中", "已受理"):
        raise _refuse(row, "return", "预审中 or 已受理")
    listed = "、".join(missing)
    _set_state(conn, row, "待补正", row.offices["accept"], note or f"一次性告知：请补正 {listed}",
               missing_materials=list(missing))
    return "待补正"


def decide(conn: Connection, number: str, approve: bool, reason: str = "") -> str:
    row = _load(conn, number)
    if row.state != "审核中":
        raise _refuse(row, "decide", "审核中")
    if not approve and not reason.strip():
        raise ProblemError(422, "validation_failed", "a refusal needs a reason (--reason)")
    outcome = "approved" if approve else "refused"
    note = ("准予办理" if approve else "不予办理") + (f"：{reason}" if reason else "")
    _set_state(conn, row, "已办结", row.offices["review"], note, outcome=outcome, outcome_reason=reason or None)
    return "已办结"


def mail(conn: Connection, number: str, tracking_number: str, carrier: str = "EMS", note: str = "") -> str:
    row = _load(conn, number)
    if row.state != "已办结" or row.outcome != "approved":
        raise _refuse(row, "mail", "已办结 with an approval")
    _set_state(conn, row, "已寄出", row.offices["handover"], note or f"免费寄递 {carrier} {tracking_number}",
               tracking_number=tracking_number, carrier=carrier)
    return "已寄出"
