"""Keyword rules that turn a raw item row (name, department, level, kind) into a catalogue item.

Deterministic: the same TSV always gives the same codes and fields (codes must stay stable between seeds).
"""
from __future__ import annotations

import hashlib
import re

KIND_CODES = {"行政许可": "XK", "公共服务": "GG", "行政确认": "QR", "行政给付": "GF", "行政裁决": "CJ",
              "行政奖励": "JL", "其他行政权力": "QT", "行政征收": "ZS", "行政检查": "JC", "行政处罚": "CF"}

# Source department -> Liuyang's. Checked in order; first match wins.
DEPARTMENT_RULES: list[tuple[str, str]] = [
    ("不动产登记中心", "浏阳市不动产登记中心"),
    ("税务局", "国家税务总局浏阳市税务局"),
    ("行政审批局", "浏阳市行政审批服务局"),
    ("公安", "浏阳市公安局"),
    ("人社", "浏阳市人力资源和社会保障局"),
    ("人力资源", "浏阳市人力资源和社会保障局"),
    ("医疗保障", "浏阳市医疗保障局"),
    ("民政", "浏阳市民政局"),
    ("残联", "浏阳市残疾人联合会"),
    ("卫健", "浏阳市卫生健康局"),
    ("计生", "浏阳市卫生健康局"),
    ("教科体", "浏阳市教育局"),
    ("自然资源", "浏阳市自然资源局"),
    ("规土", "浏阳市自然资源局"),
    ("住建", "浏阳市住房和城乡建设局"),
    ("建交", "浏阳市住房和城乡建设局"),
    ("交通运输", "浏阳市交通运输局"),
    ("文广旅", "浏阳市文旅广体局"),
    ("宣传", "浏阳市委宣传部"),
    ("农业农村", "浏阳市农业农村局"),
    ("林业", "浏阳市林业局"),
    ("水务", "浏阳市水利局"),
    ("环水", "长沙市生态环境局浏阳分局"),
    ("生态环境", "长沙市生态环境局浏阳分局"),
    ("司法", "浏阳市司法局"),
    ("市监", "浏阳市市场监督管理局"),
    ("应急", "浏阳市应急管理局"),
    ("安监", "浏阳市应急管理局"),
    ("气象", "浏阳市气象局"),
    ("退役军人", "浏阳市退役军人事务局"),
    ("经发", "浏阳市发展和改革局"),
    ("发改", "浏阳市发展和改革局"),
    ("经信", "浏阳市工业和信息化局"),
    ("科创", "浏阳市科学技术局"),
    ("社会事业", "浏阳市民政局"),
    ("执法", "浏阳市城市管理和综合执法局"),
    ("综合执法", "浏阳市城市管理和综合执法局"),
    ("烟草", "浏阳市烟草专卖局"),
    ("财政", "浏阳市财政局"),
    ("统计", "浏阳市统计局"),
    ("商务", "浏阳市商务局"),
    ("消防", "浏阳市消防救援大队"),
    ("公管办", "浏阳市公共资源交易中心"),
    ("统战", "中共浏阳市委统战部"),
    ("委办", "中共浏阳市委办公室"),
    ("政府办", "浏阳市人民政府办公室"),
    ("居民委员会", "村（居）民委员会"),
]
LEVEL_DEFAULT_DEPARTMENT = {"county": "浏阳市政务服务中心", "township": "乡镇（街道）便民服务中心",
                            "village": "村（社区）便民服务站"}

# (keyword in the name, alias to add)
ALIAS_RULES: list[tuple[str, str]] = [
    ("社会保险", "社保"), ("社会保障卡", "社保卡"), ("医疗保险", "医保"), ("医疗保障", "医保"), ("住房公积金", "公积金"),
    ("不动产", "房产证"), ("不动产", "不动产"), ("居民身份证", "身份证"), ("最低生活保障", "低保"), ("城乡低保", "低保"),
    ("营业执照", "营业执照"), ("个体工商户", "个体户"), ("高龄津贴", "高龄补贴"), ("老年", "老年证"),
    ("养老保险", "养老保险"), ("养老保险", "社保"), ("失业保险", "失业金"), ("残疾人证", "残疾证"),
    ("出生医学证明", "出生证"), ("独生子女", "独生子女证"), ("生育", "准生证"), ("户口", "户籍"), ("机动车", "车辆"),
    ("驾驶", "驾照"), ("宅基地", "农村建房"), ("乡村建设规划", "农村建房"), ("道路运输", "营运证"),
    ("教师资格", "教师证"), ("食品经营", "食品许可证"), ("卫生许可", "卫生证"), ("婚姻登记", "结婚登记"),
    ("法律援助", "法援"), ("退役军人", "老兵"),
]

LIFE_EVENT_RULES: list[tuple[str, str]] = [
    (r"出生|新生儿|生育|母婴|孕", "出生"),
    (r"入学|学生|教育|学籍|助学|学校|教师", "上学"),
    (r"就业|失业|职业|人才|招聘|劳动|技能|劳务", "就业"),
    (r"婚|生育|独生子女|计划生育", "婚育"),
    (r"不动产|房屋|住房|公积金|宅基地|建房|商品房|租赁", "置业"),
    (r"退休|养老|老年|高龄|待遇领取资格", "退休"),
    (r"死亡|丧葬|殡|抚恤金|遗属|注销户口", "身后事"),
    (r"企业|公司|个体工商户|营业执照|经营许可|开业|设立登记|合作社", "开办企业"),
    (r"低保|最低生活|救助|特困|困难|孤儿", "社会救助"),
    (r"残疾", "残疾人"),
    (r"农村|农业|耕地|种子|林木|渔|畜|兽|农机|宅基地", "农业农村"),
    (r"机动车|驾驶|道路运输|车辆|出租|船舶", "交通出行"),
    (r"医疗|医保|门诊|卫生|药", "医疗健康"),
    (r"退役军人|优抚|军人|烈士", "退役军人"),
    (r"户口|身份证|居住证|户籍", "户籍证件"),
]

LEGAL_WORDS = re.compile(r"企业|个体工商户|公司|单位|机构|经营|生产|施工|建设工程|建设项目|工程|运输|许可证核发|法人|社会团体|"
                         r"民办非企业|排污|矿|危险|商品房预售|出版|广告|进出口|招投标|药品|餐饮|场所|网吧|旅行社")
PERSONAL_WORDS = re.compile(r"居民|个人|公民|老年|高龄|残疾|学生|儿童|独生子女|生育|出生|婚|户口|身份证|居住证|"
                            r"低保|救助|社会保障卡|社保卡|退休|养老|失业|就业|医保|医疗保险|驾驶|教师资格|军人|"
                            r"宅基地|农村村民|灵活就业|个体工商户|孤儿|特困|丧葬|抚恤")


def relabel_department(department: str, level: str) -> str:
    for key, target in DEPARTMENT_RULES:
        if key in department:
            return target
    return LEVEL_DEFAULT_DEPARTMENT.get(level or "county", "浏阳市政务服务中心")


def infer_kind(name: str, kind: str) -> str:
    if kind:
        return kind
    if re.search(r"许可|审批|核准", name):
        return "行政许可"
    if re.search(r"补贴|津贴|救助|补助|抚恤|资助|奖励扶助", name):
        return "行政给付"
    if re.search(r"登记|认定|确认", name):
        return "行政确认"
    return "公共服务"


def aliases_for(name: str) -> list[str]:
    out: list[str] = []
    for key, alias in ALIAS_RULES:
        if key in name and alias not in out and alias != name:
            out.append(alias)
    return out


def life_events_for(name: str) -> list[str]:
    out: list[str] = []
    for pattern, event in LIFE_EVENT_RULES:
        if re.search(pattern, name) and event not in out:
            out.append(event)
    return out


def theme_for(name: str, kind: str) -> str:
    legal = bool(LEGAL_WORDS.search(name))
    personal = bool(PERSONAL_WORDS.search(name))
    if legal and personal:
        return "both"
    if legal:
        return "legal"
    if personal:
        return "personal"
    return "legal" if kind in ("行政许可", "其他行政权力", "行政裁决") else "both"


def _bucket(name: str, salt: str) -> int:
    return int(hashlib.sha256((salt + name).encode()).hexdigest()[:8], 16) % 1000


def online_depth_for(name: str, kind: str) -> str:
    """Spread like Liuyang's figures (84 fully online, 208 online apply, 306 pre-review of ~1,064)."""
    if "查询" in name or "咨询" in name:
        return "full_online"
    b = _bucket(name, "depth")
    if b < 80:
        return "full_online"
    if b < 275:
        return "online_apply"
    if b < 565:
        return "pre_review"
    return "none"


def max_one_trip_for(name: str, kind: str) -> bool:
    """98% of the citizen centre's items are 最多跑一次; adjudications and on-site inspections are not."""
    if kind == "行政裁决" or "现场" in name:
        return False
    return _bucket(name, "trip") >= 20


def item_code(kind: str, seq: int) -> str:
    return f"430181-{KIND_CODES.get(kind, 'QT')}-{seq:05d}"
