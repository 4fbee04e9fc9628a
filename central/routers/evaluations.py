"""好差评: five levels, tags, comment; a poor rating opens a follow-up (callback 1 working day, fix 15)."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, select, update

from central.auth import SignedTerminal
from central.context import Ctx
from central.db import schema as t
from central.db.engine import inserted_id
from central.errors import ProblemError
from central.models.common import problem_responses
from central.models.services import Evaluation, EvaluationCreate, EvaluationTags
from central.routers._common import IdempotencyKey, idempotent
from central.timeutil import CST, add_working_days, iso, utcnow

router = APIRouter(prefix="/evaluations", tags=["evaluations"], responses=problem_responses(401))

LEVELS = ("非常满意", "满意", "基本满意", "不满意", "非常不满意")
SCORES = {level: 5 - i for i, level in enumerate(LEVELS)}
POOR = ("不满意", "非常不满意")
GOOD_TAGS = ["服务效率高", "服务态度好", "办事指南准确", "操作便捷", "材料精简", "一次办好"]
POOR_TAGS = ["等待时间长", "服务态度差", "办事指南不准确", "操作复杂", "材料要求多", "多次跑动", "系统故障"]
TAGS = {"非常满意": GOOD_TAGS, "满意": GOOD_TAGS, "基本满意": GOOD_TAGS + POOR_TAGS[:3],
        "不满意": POOR_TAGS, "非常不满意": POOR_TAGS}


@router.get("/tags", response_model=EvaluationTags, summary="The five levels and the tags offered for each")
def tags(terminal: SignedTerminal) -> dict[str, Any]:
    return {"levels": list(LEVELS), "tags": TAGS}


@router.post("", status_code=201, response_model=Evaluation, responses=problem_responses(400, 409, 422),
             summary="Rate a case or a service (Idempotency-Key required)")
async def evaluate(body: EvaluationCreate, request: Request, terminal: SignedTerminal, ctx: Ctx,
                   idempotency_key: IdempotencyKey = None) -> JSONResponse:
    if not body.case_number and not body.service_code:
        raise ProblemError(422, "validation_failed", "link the evaluation to a case_number or a service_code",
                           errors=[{"field": "case_number", "message": "case_number or service_code required"}])
    unknown = [tag for tag in body.tags if tag not in TAGS[body.level]]
    if unknown:
        raise ProblemError(422, "validation_failed", f"tags not offered for {body.level}: {', '.join(unknown)}",
                           errors=[{"field": "tags", "message": f"allowed: {', '.join(TAGS[body.level])}"}])

    def op(conn: Connection) -> tuple[int, dict[str, Any]]:
        service_code = body.service_code
        if body.case_number:
            case = conn.execute(select(t.cases.c.service_code).where(t.cases.c.case_number == body.case_number)).first()
            if case is None:
                raise ProblemError(422, "validation_failed", f"no case {body.case_number}",
                                   errors=[{"field": "case_number", "message": "unknown case"}])
            service_code = service_code or case.service_code
        elif conn.execute(select(t.items.c.code).where(t.items.c.code == service_code)).first() is None:
            raise ProblemError(422, "validation_failed", f"no service {service_code}",
                               errors=[{"field": "service_code", "message": "unknown service"}])
        now = utcnow()
        res = conn.execute(t.evaluations.insert().values(
            level=body.level, score=SCORES[body.level], tags=body.tags, comment=body.comment,
            case_number=body.case_number, service_code=service_code, terminal_id=terminal.id, created_at=now))
        eid = inserted_id(res)
        number = f"PJ{now.astimezone(CST):%Y%m%d}{eid:06d}"
        conn.execute(update(t.evaluations).where(t.evaluations.c.id == eid).values(evaluation_number=number))
        follow_up = None
        if body.level in POOR:
            callback_due, fix_due = add_working_days(now, 1), add_working_days(now, 15)
            res = conn.execute(t.follow_ups.insert().values(evaluation_id=eid, state="open", callback_due=callback_due,
                                                            fix_due=fix_due, created_at=now))
            fid = inserted_id(res)
            fnumber = f"HF{now.astimezone(CST):%Y%m%d}{fid:06d}"
            conn.execute(update(t.follow_ups).where(t.follow_ups.c.id == fid).values(follow_up_number=fnumber))
            follow_up = {"follow_up_number": fnumber, "state": "open", "callback_due": iso(callback_due),
                         "fix_due": iso(fix_due)}
        return 201, {"evaluation_number": number, "level": body.level, "tags": body.tags,
                     "case_number": body.case_number, "service_code": service_code,
                     "created_at": iso(now), "follow_up": follow_up}
    return await idempotent(request, ctx, terminal, idempotency_key, op)
