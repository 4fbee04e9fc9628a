"""Hand-written guides, part 1: elderly, births and families, social assistance, disability.

Content follows the usual Hunan/national rules for each item (basis, conditions, materials, time limits);
phone numbers are placeholders of the right shape. Materials marked electronic are held as 电子证照
(数据多跑路): the citizen does not bring them.
"""
from __future__ import annotations

from typing import Any

from central.seed.guide_kit import (
    AUTH,
    BANK,
    BANK_ACCOUNT,
    BANK_NAME,
    BIRTH_CERT,
    CONTACT_ADDR,
    DISABILITY_CERT,
    FAMILY_SIZE,
    HOUSEHOLD,
    HUKOU,
    ID_CARD,
    INCOME,
    MARRIAGE,
    MONTHLY_INCOME,
    RELATION,
    REMARK,
    A,
    M,
    form,
    guide,
)

ALL_LEVELS = ["county", "township", "village"]


def item(name: str, department: str, kind: str, levels: list[str], g: dict[str, Any], *,
         aliases: list[str] | None = None, life_events: list[str] | None = None, theme: str = "personal",
         online_depth: str = "pre_review", max_one_trip: bool = True) -> dict[str, Any]:
    """A hand-written item: catalogue fields that override the keyword rules, plus its guide."""
    return {"name": name, "department": department, "kind": kind, "levels": levels, "aliases": list(aliases or []),
            "life_events": list(life_events or []), "theme": theme, "online_depth": online_depth,
            "max_one_trip": max_one_trip, "guide": g}


MINZHENG = "浏阳市民政局"
WEIJIAN = "浏阳市卫生健康局"
CANLIAN = "浏阳市残疾人联合会"

GUIDES: list[dict[str, Any]] = [
    item("老年人优待证办理", MINZHENG, "公共服务", ALL_LEVELS, guide(
        department=MINZHENG, levels=ALL_LEVELS,
        basis=["《中华人民共和国老年人权益保障法》", "《湖南省实施〈中华人民共和国老年人权益保障法〉办法》"],
        conditions=["年满60周岁的浏阳市户籍老年人", "在浏阳市居住满半年的非本地户籍老年人凭居住证可申请"],
        materials=[ID_CARD, HUKOU, M("近期一寸免冠彩色照片", count=1, note="可在一体机现场拍照"), AUTH],
        process=["申请（一体机/村便民服务站）", "村受理", "镇审核", "制证", "村出件"],
        statutory=None, promised=5, result="《湖南省老年人优待证》",
        attributes=form(RELATION, HOUSEHOLD, CONTACT_ADDR,
                        A("card_type", "singlevaluelist", "办证类型", values=[("new", "首次申领"), ("reissue", "遗失补办"),
                                                                         ("renew", "损坏换领")])),
        faq=[("外地户籍老人能办吗？", "在浏阳居住满半年、持居住证的可以办理。"),
             ("优待证有什么用？", "凭证享受公交、景区、公园等优待，65周岁以上免费乘坐市内公交。")]),
        aliases=["老年证", "老年优待证", "老人证"], life_events=["退休"], online_depth="online_apply"),

    item("80周岁以上老年人高龄津贴发放", MINZHENG, "行政给付", ALL_LEVELS, guide(
        department=MINZHENG, levels=ALL_LEVELS,
        basis=["《湖南省人民政府办公厅关于建立高龄老人津贴制度的通知》", "《浏阳市高龄津贴发放管理办法》"],
        conditions=["浏阳市户籍", "年满80周岁（80-89周岁、90-99周岁、100周岁以上分档发放）"],
        materials=[ID_CARD, HUKOU, BANK, AUTH],
        process=["申请", "村受理", "镇审核", "市民政局审批", "按月发放至社保卡"],
        statutory=None, promised=15, result="高龄津贴按月发放至社会保障卡", express=False, pickup=[],
        attributes=form(RELATION, BANK_NAME, BANK_ACCOUNT, CONTACT_ADDR),
        faq=[("满80岁后多久能领到？", "审核通过后次月起发放，从满80周岁的当月起计算。")]),
        aliases=["高龄津贴", "高龄补贴", "长寿补贴"], life_events=["退休"]),

    item("生育服务登记", WEIJIAN, "公共服务", ALL_LEVELS, guide(
        department=WEIJIAN, levels=ALL_LEVELS,
        basis=["《中华人民共和国人口与计划生育法》", "《湖南省人口与计划生育条例》", "国家卫生健康委《关于做好生育登记服务工作的指导意见》"],
        conditions=["夫妻一方户籍在浏阳市，或双方在浏阳市居住", "生育第一、二、三个子女均实行登记服务"],
        materials=[ID_CARD, M("配偶居民身份证", source="公安机关", electronic=True), MARRIAGE, HUKOU,
                   M("子女出生医学证明", source="医疗机构", electronic=True, required=False, note="已生育子女的提供")],
        process=["申请（一体机/村服务站/网上）", "村受理", "镇审核", "即时登记", "生成《生育服务登记卡》"],
        statutory=None, promised=1, visits=0, result="《生育服务登记卡》（电子版，可打印）",
        attributes=form(A("child_order", "singlevaluelist", "本次登记为第几个子女", values=[("1", "一孩"), ("2", "二孩"),
                                                                                     ("3", "三孩")]),
                        A("expected_date", "datetime", "预产期（已怀孕的填写）", required=False, hint="YYYY-MM-DD"),
                        A("spouse_name", "string", "配偶姓名"),
                        A("spouse_id_number", "string", "配偶身份证号", pattern=r"[0-9]{17}[0-9Xx]"),
                        CONTACT_ADDR),
        faq=[("还需要办准生证吗？", "不需要审批，实行生育登记服务，登记后即可享受孕产期保健等服务。")]),
        aliases=["生育登记", "准生证", "生育证"], life_events=["出生", "婚育"], online_depth="full_online"),

    item("《独生子女父母光荣证》办理", WEIJIAN, "公共服务", ["township", "village"], guide(
        department=WEIJIAN, levels=["township", "village"],
        basis=["《湖南省人口与计划生育条例》"],
        conditions=["夫妻只生育一个子女且自愿不再生育", "子女未满18周岁"],
        materials=[ID_CARD, M("配偶居民身份证", source="公安机关", electronic=True), MARRIAGE, HUKOU, BIRTH_CERT],
        process=["申请", "村受理", "镇审核", "发证"], statutory=None, promised=5,
        result="《独生子女父母光荣证》",
        attributes=form(A("child_name", "string", "子女姓名"), A("child_birth_date", "datetime", "子女出生日期"), CONTACT_ADDR)),
        aliases=["独生子女证", "光荣证"], life_events=["婚育"]),

    item("农村部分计划生育家庭奖励扶助金", WEIJIAN, "行政给付", ALL_LEVELS, guide(
        department=WEIJIAN, levels=ALL_LEVELS,
        basis=["《中华人民共和国人口与计划生育法》", "《全国农村部分计划生育家庭奖励扶助制度管理规范》"],
        conditions=["本人及配偶均为农业户口或界定为农村居民", "1973年至2001年间没有违反计划生育法规政策生育",
                    "现存一个子女或两个女孩或子女死亡现无子女", "年满60周岁"],
        materials=[ID_CARD, HUKOU, MARRIAGE, M("独生子女父母光荣证或子女情况证明", source="乡镇卫健办", electronic=True), BANK],
        process=["个人申请", "村级初审并张榜公示", "镇审核", "市卫健局审批", "公示", "按年发放"],
        statutory=None, promised=20, result="奖励扶助金按年发放至社保卡", express=False, pickup=[],
        attributes=form(HOUSEHOLD, A("children", "singlevaluelist", "现存子女情况", values=[("one", "一个子女"),
                        ("two_girls", "两个女孩"), ("none", "子女死亡现无子女")]), BANK_NAME, BANK_ACCOUNT),
        faq=[("每年发多少？", "按国家和省标准，每人每年不低于960元，具体以当年标准为准。")]),
        aliases=["独生子女父母奖励", "计生奖扶", "奖扶金"], life_events=["退休", "婚育"]),

    item("计划生育家庭特别扶助金", WEIJIAN, "行政给付", ["county", "township"], guide(
        department=WEIJIAN, levels=["county", "township"],
        basis=["《中华人民共和国人口与计划生育法》", "《湖南省计划生育家庭特别扶助制度实施方案》"],
        conditions=["独生子女死亡或伤残（三级以上）后未再生育或收养子女", "女方年满49周岁"],
        materials=[ID_CARD, HUKOU, MARRIAGE, M("子女死亡证明或残疾人证", source="公安/残联", electronic=True), BANK],
        process=["申请", "镇审核", "市卫健局审批", "按月发放"], statutory=None, promised=20,
        result="特别扶助金按月发放", express=False, pickup=[],
        attributes=form(A("situation", "singlevaluelist", "家庭情况", values=[("death", "独生子女死亡"),
                        ("disabled", "独生子女伤残")]), BANK_NAME, BANK_ACCOUNT)),
        aliases=["特扶金", "失独家庭扶助"], life_events=["婚育", "身后事"]),

    item("最低生活保障", MINZHENG, "行政给付", ALL_LEVELS, guide(
        department=MINZHENG, levels=ALL_LEVELS,
        basis=["《社会救助暂行办法》（国务院令第649号）", "《湖南省最低生活保障工作规程》"],
        conditions=["浏阳市户籍", "共同生活家庭成员人均月收入低于当地低保标准", "家庭财产符合规定"],
        materials=[ID_CARD, HUKOU, INCOME, M("家庭经济状况核对授权书", note="所有家庭成员签字"),
                   DISABILITY_CERT | {"required": False, "note": "家庭成员有残疾的提供"},
                   M("病历、诊断证明", form="复印件", required=False, note="因病致贫的提供")],
        process=["申请（一体机/村/镇）", "村受理", "镇入户调查与经济状况核对", "村民主评议并公示", "市民政局审批", "按月发放"],
        statutory=30, promised=20, result="《最低生活保障证》；低保金按月发放", express=True,
        attributes=form(HOUSEHOLD, FAMILY_SIZE, MONTHLY_INCOME,
                        A("reason", "multivaluelist", "困难原因", values=[("ill", "因病"), ("disabled", "因残"),
                          ("unemployed", "失业"), ("old", "年老无劳动能力"), ("other", "其他")]),
                        CONTACT_ADDR, BANK_NAME, BANK_ACCOUNT, REMARK),
        faq=[("浏阳的低保标准是多少？", "城市和农村标准每年调整，请以市民政局当年公布为准。"),
             ("可以在村里申请吗？", "可以，村受理、镇审核，结果在村里告知。")]),
        aliases=["低保", "低保申请", "城乡低保"], life_events=["社会救助"], online_depth="online_apply"),

    item("临时救助", MINZHENG, "行政给付", ALL_LEVELS, guide(
        department=MINZHENG, levels=ALL_LEVELS,
        basis=["《社会救助暂行办法》", "《湖南省临时救助实施办法》"],
        conditions=["因火灾、交通事故等意外事件或家庭成员突发重大疾病，导致基本生活暂时出现严重困难的家庭或个人",
                    "急难型救助可先行救助、后补手续"],
        materials=[ID_CARD, HUKOU, M("困难情况说明及相关证明", note="如医疗费票据、事故证明"), BANK],
        process=["申请", "村受理", "镇审核（急难型镇直接审批）", "发放"], statutory=None, promised=10,
        result="临时救助金发放至银行账户", express=False, pickup=[],
        attributes=form(A("emergency", "singlevaluelist", "困难类型", values=[("sudden", "急难型"), ("expense", "支出型")]),
                        A("amount_needed", "number", "急需金额（元）", required=False), CONTACT_ADDR,
                        A("situation", "text", "困难情况说明"), BANK_NAME, BANK_ACCOUNT)),
        aliases=["急难救助", "困难救助"], life_events=["社会救助"]),

    item("特困人员救助供养", MINZHENG, "行政给付", ALL_LEVELS, guide(
        department=MINZHENG, levels=ALL_LEVELS,
        basis=["《社会救助暂行办法》", "《特困人员认定办法》"],
        conditions=["无劳动能力、无生活来源", "无法定赡养、抚养、扶养义务人或其义务人无履行能力"],
        materials=[ID_CARD, HUKOU, INCOME, M("无劳动能力证明", source="医疗机构/残联", required=False)],
        process=["申请", "村受理", "镇调查审核", "市民政局确认", "分散或集中供养"], statutory=30, promised=20,
        result="《特困人员救助供养证》", attributes=form(A("care_mode", "singlevaluelist", "供养方式",
                                                       values=[("home", "分散供养（居家）"), ("home_for_aged", "集中供养（敬老院）")]),
                                                     CONTACT_ADDR, REMARK)),
        aliases=["五保", "特困供养"], life_events=["社会救助", "退休"]),

    item("重度残疾人护理补贴", MINZHENG, "行政给付", ALL_LEVELS, guide(
        department=MINZHENG, levels=ALL_LEVELS,
        basis=["《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》"],
        conditions=["持第二代残疾人证，残疾等级为一级、二级", "浏阳市户籍"],
        materials=[ID_CARD, HUKOU, DISABILITY_CERT, BANK],
        process=["申请", "村受理", "镇审核", "市残联、民政局审定", "按月发放"], statutory=None, promised=15,
        result="护理补贴按月发放", express=False, pickup=[],
        attributes=form(RELATION, BANK_NAME, BANK_ACCOUNT, CONTACT_ADDR)),
        aliases=["残疾人两项补贴", "护理补贴"], life_events=["残疾人", "社会救助"], online_depth="online_apply"),

    item("残疾人证新办", CANLIAN, "行政确认", ALL_LEVELS, guide(
        department=CANLIAN, levels=ALL_LEVELS,
        basis=["《中华人民共和国残疾人保障法》", "《中华人民共和国残疾人证管理办法》"],
        conditions=["符合残疾标准的浏阳市户籍居民"],
        materials=[ID_CARD, HUKOU, M("近期二寸免冠白底彩色照片", count=3),
                   M("残疾评定表", source="指定评定医院", note="申请后到指定医院评定，评定结果网上推送")],
        process=["申请（一体机/村/镇）", "到指定医院残疾评定", "市残联审核", "制证", "村出件或免费寄递"],
        statutory=None, promised=20, result="《中华人民共和国残疾人证》（第二代）",
        attributes=form(RELATION, A("disability_type", "singlevaluelist", "残疾类别", values=[
            ("vision", "视力"), ("hearing", "听力"), ("speech", "言语"), ("physical", "肢体"), ("intellectual", "智力"),
            ("mental", "精神"), ("multiple", "多重")]), CONTACT_ADDR),
        faq=[("评定要收费吗？", "持低保证等困难家庭评定费用减免。")]),
        aliases=["残疾证", "残疾人证办理"], life_events=["残疾人"]),

    item("残疾人证换领", CANLIAN, "行政确认", ALL_LEVELS, guide(
        department=CANLIAN, levels=ALL_LEVELS, basis=["《中华人民共和国残疾人证管理办法》"],
        conditions=["残疾人证有效期满或残疾等级变化"],
        materials=[ID_CARD, DISABILITY_CERT, M("近期二寸免冠白底彩色照片", count=2)],
        process=["申请", "审核（等级变化的重新评定）", "制证", "出件"], statutory=None, promised=15,
        result="《中华人民共和国残疾人证》", attributes=form(RELATION, A("reason", "singlevaluelist", "换领原因", values=[
            ("expired", "有效期满"), ("level", "等级变化"), ("damaged", "损坏")]), CONTACT_ADDR)),
        aliases=["残疾证换证"], life_events=["残疾人"]),
]
