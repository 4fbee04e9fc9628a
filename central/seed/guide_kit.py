"""Building blocks for the hand-written service guides (materials, form attributes, defaults)."""
from __future__ import annotations

import hashlib
from typing import Any

COUNTY_SITE = "浏阳市政务服务中心（市民之家）"
TOWN_SITE = "户籍所在乡镇（街道）便民服务中心"
VILLAGE_SITE = "户籍所在村（社区）便民服务站"
HOURS = "法定工作日 上午8:30-12:00，下午14:30-17:30（夏季）/14:00-17:00（冬季）；市民之家周六上午延时服务"
COMPLAINT = "12345（浏阳市政务服务便民热线）；0731-83011345（市政务服务中心监督投诉）"


def M(name: str, form: str = "原件", count: int = 1, source: str = "申请人自备", electronic: bool = False,
      required: bool = True, note: str = "") -> dict[str, Any]:
    return {"name": name, "form": form, "count": count, "source": source, "electronic": electronic,
            "required": required, "note": note}


ID_CARD = M("居民身份证", source="公安机关", electronic=True, note="在一体机读卡即可，无需复印")
HUKOU = M("居民户口簿", source="公安机关", electronic=True, note="户籍信息共享核验，免提交")
PHOTO = M("近期一寸免冠彩色照片", count=2, note="白底；可在一体机现场拍照")
PHOTO_2 = M("近期二寸免冠彩色照片", count=1, note="白底")
MARRIAGE = M("结婚证", source="民政部门", electronic=True, note="婚姻登记信息共享核验")
BANK = M("本人社会保障卡（金融账户已激活）或银行卡", form="复印件", note="用于发放待遇")
BIRTH_CERT = M("出生医学证明", source="医疗机构", electronic=True)
DISABILITY_CERT = M("中华人民共和国残疾人证", source="残联", electronic=True)
PROPERTY_CERT = M("不动产权证书或房屋所有权证", source="不动产登记机构", electronic=True)
BUSINESS_LICENCE = M("营业执照", source="市场监管部门", electronic=True)
INCOME = M("家庭收入及财产情况申报表", note="一体机可打印空白表；申请人签字")
AUTH = M("委托书及受托人身份证", required=False, note="委托他人办理时提供")


def A(code: str, datatype: str, description: str, required: bool = True, values: list[tuple[str, str]] | None = None,
      hint: str = "", pattern: str | None = None) -> dict[str, Any]:
    """An Open311-style attribute; `order` is filled in by form()."""
    return {"code": code, "variable": True, "datatype": datatype, "required": required, "order": 0,
            "description": description, "hint": hint, "values": [{"key": k, "name": n} for k, n in (values or [])],
            "pattern": pattern}


def form(*attributes: dict[str, Any]) -> dict[str, Any]:
    out = []
    for i, attr in enumerate(attributes, start=1):
        out.append({**attr, "order": i})
    return {"attributes": out}


RELATION = A("relation", "singlevaluelist", "申请人与服务对象的关系", values=[("self", "本人"), ("spouse", "配偶"),
             ("child", "子女"), ("other", "其他亲属/受托人")], hint="本人申请请选“本人”")
HOUSEHOLD = A("household_type", "singlevaluelist", "户籍类型", values=[("urban", "城镇户籍"), ("rural", "农村户籍")])
CONTACT_ADDR = A("contact_address", "string", "常住地址（到村组/门牌）", hint="例：沙市镇赤马村石塘组12号")
BANK_NAME = A("bank", "singlevaluelist", "待遇发放银行", values=[("rcb", "浏阳农商银行"), ("icbc", "工商银行"),
              ("ccb", "建设银行"), ("boc", "中国银行"), ("psbc", "邮储银行")])
BANK_ACCOUNT = A("bank_account", "string", "银行账号", pattern=r"[0-9]{12,19}", hint="12-19位数字")
REMARK = A("remark", "text", "补充说明", required=False)
FAMILY_SIZE = A("family_size", "number", "共同生活家庭成员人数", hint="含申请人本人")
MONTHLY_INCOME = A("monthly_income", "number", "家庭月总收入（元）")


def phone_for(department: str) -> str:
    """A stable, plausible consult number per department (Liuyang 0731-83xxxxxx; not real lines)."""
    n = int(hashlib.sha256(department.encode()).hexdigest()[:6], 16) % 1000000
    return f"0731-83{n:06d}"


def sites(levels: list[str]) -> list[str]:
    out = []
    if "village" in levels:
        out.append(VILLAGE_SITE)
    if "township" in levels:
        out.append(TOWN_SITE)
    if "county" in levels:
        out.append(COUNTY_SITE)
    return out


def guide(*, department: str, levels: list[str], basis: list[str], conditions: list[str],
          materials: list[dict[str, Any]], process: list[str], statutory: int | None, promised: int,
          attributes: dict[str, Any], result: str, fee: tuple[bool, str, str] = (True, "不收费", ""),
          visits: int = 1, express: bool = True, pickup: list[str] | None = None, intermediary: str = "无",
          faq: list[tuple[str, str]] | None = None, windows: str = "") -> dict[str, Any]:
    """The structured guide stored with an item (catalogue.guide_elements derives the 13 display texts)."""
    places = sites(levels)
    locations = [p + (f"{windows}" if p == COUNTY_SITE and windows else "") for p in places]
    return {
        "basis": basis, "conditions": conditions, "materials": materials, "process": process,
        "time_limit": {"statutory_days": statutory, "promised_days": promised},
        "fee": {"free": fee[0], "text": fee[1], "basis": fee[2]},
        "locations": locations, "hours": HOURS, "consult_phone": phone_for(department),
        "complaint_phone": COMPLAINT, "visits": visits,
        "delivery": {"pickup_sites": pickup if pickup is not None else places, "express_free": express,
                     "result_name": result},
        "form": attributes, "implementing_body": department, "intermediary": intermediary,
        "faq": [{"q": q, "a": a} for q, a in (faq or [])],
    }
