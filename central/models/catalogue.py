"""Catalogue items (事项清单), service guides (办事指南, 13 elements) and regions."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Theme = Literal["personal", "legal", "both"]
Level = Literal["county", "township", "village"]
OnlineDepth = Literal["none", "pre_review", "online_apply", "full_online"]
Datatype = Literal["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]


class CatalogueItem(BaseModel):
    """One service item (事项); region_codes are prefixes: offered wherever a region code starts with one."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "code": "430181-GG-00458", "name": "80周岁以上老年人高龄津贴发放", "aliases": ["高龄津贴", "高龄补贴"],
        "department": "浏阳市民政局", "kind": "公共服务", "theme": "personal", "life_events": ["退休"],
        "levels": ["county", "township", "village"], "region_codes": ["430181"], "max_one_trip": True,
        "online_depth": "pre_review", "has_guide": True, "updated_at": "2026-11-26T09:00:00+08:00",
        "deleted": False}]})

    code: str
    name: str
    aliases: list[str]
    department: str
    kind: str = Field(description="行政许可 / 公共服务 / 行政确认 / 行政给付 / 其他行政权力 / ...")
    theme: Theme
    life_events: list[str] = Field(description="出生, 上学, 就业, 婚育, 置业, 退休, 身后事, 开办企业, 社会救助, 残疾人, 农业农村 ...")
    levels: list[Level]
    region_codes: list[str] = Field(description="region-code prefixes where the item is offered (430181 = all of Liuyang)")
    max_one_trip: bool = Field(description="最多跑一次")
    online_depth: OnlineDepth
    has_guide: bool
    updated_at: datetime
    deleted: bool = False


class CatalogueItemList(BaseModel):
    """A full or incremental catalogue page. Pass `as_of` back as `since` next time."""

    items: list[CatalogueItem]
    count: int
    full: bool = Field(description="true when `since` was not given: the list is the whole catalogue")
    as_of: datetime = Field(description="latest updated_at in the catalogue; use it as the next `since`")


class Material(BaseModel):
    """申请材料. `electronic`: the government already holds it as 电子证照, so the citizen need not bring it."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "name": "居民身份证", "form": "原件", "count": 1, "source": "公安机关", "electronic": True,
        "required": True, "note": "读卡即可，无需复印"}]})

    name: str
    form: Literal["原件", "复印件", "原件和复印件", "电子版"] = Field(description="original / copy")
    count: int = Field(ge=0)
    source: str = Field(description="where it comes from: 申请人自备, 公安机关, 医疗机构 ...")
    electronic: bool
    required: bool = True
    note: str = ""


class AttributeValue(BaseModel):
    key: str
    name: str


class FormAttribute(BaseModel):
    """One field of the application form, shaped like an Open311 service-definition attribute."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "code": "relation", "variable": True, "datatype": "singlevaluelist", "required": True, "order": 1,
        "description": "申请人与老人的关系", "hint": "本人申请请选“本人”", "pattern": None,
        "values": [{"key": "self", "name": "本人"}, {"key": "child", "name": "子女"}]}]})

    code: str
    variable: bool = True
    datatype: Datatype
    required: bool
    order: int
    description: str
    hint: str = ""
    values: list[AttributeValue] = Field(default_factory=list)
    pattern: str | None = Field(default=None, description="regular expression the whole value must match")


class TimeLimit(BaseModel):
    statutory_days: int | None = Field(description="法定办结时限 (working days); null when none is set")
    promised_days: int = Field(description="承诺办结时限 (working days); 0 = 即办")


class Fee(BaseModel):
    free: bool
    text: str
    basis: str = ""


class DeliveryOptions(BaseModel):
    """办理结果送达: pickup at named sites and/or free express (免费邮寄)."""

    pickup_sites: list[str]
    express_free: bool
    result_name: str = Field(description="办理结果, e.g. 《老年人优待证》")


class GuideElement(BaseModel):
    """One of the 13 elements, flattened for display ("一看就明白")."""

    no: int = Field(ge=1, le=13)
    key: str
    title: str
    text: str


class ServiceForm(BaseModel):
    attributes: list[FormAttribute]


class FaqEntry(BaseModel):
    q: str
    a: str


class ServiceGuide(BaseModel):
    """办事指南: the item plus the 13 elements (structured, and flattened in `elements`)."""

    item: CatalogueItem
    basis: list[str] = Field(description="2 设定依据")
    conditions: list[str] = Field(description="3 受理条件")
    materials: list[Material] = Field(description="4 申请材料")
    process: list[str] = Field(description="5 办理流程")
    time_limit: TimeLimit = Field(description="6 办理时限")
    fee: Fee = Field(description="7 收费标准及依据")
    locations: list[str] = Field(description="8 办理地点")
    hours: str = Field(description="9 办理时间")
    consult_phone: str = Field(description="10 咨询电话")
    complaint_phone: str = Field(description="11 监督投诉电话")
    visits: int = Field(description="12 到现场次数", ge=0)
    delivery: DeliveryOptions = Field(description="13 办理结果及送达方式")
    form: ServiceForm = Field(description="application form (Open311-style attributes)")
    implementing_body: str = Field(description="实施主体")
    intermediary: str = Field(default="无", description="中介服务")
    faq: list[FaqEntry] = Field(default_factory=list, description="常见问题")
    elements: list[GuideElement] = Field(description="the 13 elements as display text, in order")


class RegionNode(BaseModel):
    """A place for address picking: county -> townships (乡镇/街道) -> villages (村/社区)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "code": "430181108", "name": "沙市镇", "full_name": "湖南省长沙市浏阳市沙市镇", "level": "township",
        "parent_code": "430181", "children_count": 6}]})

    code: str
    name: str
    full_name: str
    level: Level
    parent_code: str | None
    children_count: int


class RegionList(BaseModel):
    region: RegionNode
    children: list[RegionNode]
