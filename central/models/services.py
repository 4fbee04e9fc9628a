"""Help requests (帮代办), the intermediary supermarket (中介服务超市), evaluations (好差评), staff calls."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from central.models.common import PHONE_PATTERN

EvaluationLevel = Literal["非常满意", "满意", "基本满意", "不满意", "非常不满意"]


class HelpApplicant(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    phone: str = Field(pattern=PHONE_PATTERN)


class HelpRequestCreate(BaseModel):
    """帮办 (guided help), 代办 (staff does it for you), 上门代办 (at home, for people with limited mobility)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "kind": "上门代办", "service_code": "430181-LY-00001", "applicant": {"name": "欧阳菊", "phone": "13812341234"},
        "region_code": "430181108201", "address": "沙市镇赤马村石塘组12号", "preferred_time": "工作日上午",
        "reason": "行动不便", "note": ""}]})

    kind: Literal["帮办", "代办", "上门代办"]
    service_code: str | None = None
    applicant: HelpApplicant
    region_code: str | None = Field(default=None, pattern=r"^430181([0-9]{3}([0-9]{3})?)?$")
    address: str | None = Field(default=None, max_length=200, description="required for 上门代办")
    preferred_time: str = Field(default="", max_length=50)
    reason: str = Field(default="", max_length=100)
    note: str = Field(default="", max_length=300)


class HelpRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "request_number": "BD20261126000003", "kind": "上门代办", "service_code": "430181-LY-00001", "state": "已登记",
        "assigned_office": "沙市镇便民服务中心帮代办员", "contact_within_hours": 24,
        "created_at": "2026-11-26T10:30:00+08:00"}]})

    request_number: str
    kind: str
    service_code: str | None
    state: Literal["已登记", "已派单", "已完成"]
    assigned_office: str
    contact_within_hours: int
    created_at: datetime


class ProviderService(BaseModel):
    name: str
    fee: str = Field(description="published fee (收费标准)")
    time_limit_days: int = Field(description="published time limit in working days")
    conditions: str
    process: list[str]


class IntermediarySummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "ZJ001", "name": "浏阳市恒图测绘有限公司", "category": "测绘", "rating": 4.6, "rating_count": 23,
        "fee_summary": "按面积收费，农房测绘每宗300元起", "time_limit_days": 5}]})

    id: str
    name: str
    category: str
    rating: float | None = Field(description="average 1-5, null when not rated yet")
    rating_count: int
    fee_summary: str
    time_limit_days: int


class Intermediary(IntermediarySummary):
    qualification: str
    address: str
    phone: str
    services: list[ProviderService]


class IntermediaryList(BaseModel):
    categories: list[str]
    providers: list[IntermediarySummary]


class RatingCreate(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"score": 5, "comment": "出图快，收费透明"}]})

    score: int = Field(ge=1, le=5)
    comment: str = Field(default="", max_length=300)


class Rating(BaseModel):
    intermediary_id: str
    score: int
    rating: float
    rating_count: int


class EvaluationCreate(BaseModel):
    """好差评 from the terminal channel; linked to a case or a service item (at least one)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "level": "不满意", "tags": ["等待时间长"], "comment": "预审太慢", "case_number": "LY20261126000007",
        "service_code": None}]})

    level: EvaluationLevel
    tags: list[str] = Field(default_factory=list, max_length=10)
    comment: str = Field(default="", max_length=500)
    case_number: str | None = None
    service_code: str | None = None


class FollowUp(BaseModel):
    """差评整改: callback within 1 working day, fix within 15 working days."""

    follow_up_number: str
    state: Literal["open", "called_back", "fixed"]
    callback_due: datetime
    fix_due: datetime


class Evaluation(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "evaluation_number": "PJ20261126000012", "level": "不满意", "tags": ["等待时间长"],
        "case_number": "LY20261126000007", "service_code": "430181-LY-00001", "created_at": "2026-11-26T11:00:00+08:00",
        "follow_up": {"follow_up_number": "HF20261126000002", "state": "open",
                      "callback_due": "2026-11-27T11:00:00+08:00", "fix_due": "2026-12-17T11:00:00+08:00"}}]})

    evaluation_number: str
    level: EvaluationLevel
    tags: list[str]
    case_number: str | None
    service_code: str | None
    created_at: datetime
    follow_up: FollowUp | None = Field(description="created for 不满意 / 非常不满意")


class EvaluationTags(BaseModel):
    levels: list[EvaluationLevel]
    tags: dict[str, list[str]] = Field(description="selectable tags per level")


class StaffCallCreate(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "help", "screen": "apply.materials"}]})

    reason: Literal["help", "device_fault", "accessibility", "other"]
    screen: str = Field(default="", max_length=64, description="where the citizen was (no personal data)")


class StaffCall(BaseModel):
    call_number: str
    state: Literal["open", "answered"]
    message: str
    created_at: datetime
