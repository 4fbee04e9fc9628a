"""Liuyang's township-level divisions (4 街道, 27 镇, 1 乡) and a few villages/communities in each.

Township names are Liuyang's; the 9- and 12-digit codes follow the statistical-division pattern
(430181 + 3 digits for the township, + 3 more for the village: 0xx communities, 2xx villages) but are
assigned here, not copied from the official list, and the villages are a small illustrative sample.
"""
from __future__ import annotations

COUNTY = ("430181", "浏阳市", "湖南省长沙市浏阳市")

# (township name, [villages/communities])
TOWNSHIPS: list[tuple[str, list[str]]] = [
    ("淮川街道", ["北正社区", "滨江社区", "白沙社区", "金沙社区"]),
    ("集里街道", ["神仙坳社区", "集里社区", "花园社区", "新开社区"]),
    ("荷花街道", ["荷花社区", "牛石社区", "东风社区", "花园村"]),
    ("关口街道", ["关口社区", "高冲村", "莲花村", "石溪村"]),
    ("大瑶镇", ["大瑶社区", "南阳村", "杨花村", "李畋村"]),
    ("金刚镇", ["金刚社区", "丰裕村", "清江村", "桃源村"]),
    ("文家市镇", ["文家市社区", "秋收起义村", "大塘村", "玉泉村"]),
    ("枨冲镇", ["枨冲社区", "黄泥坳村", "青山村", "龙泉村"]),
    ("中和镇", ["中和社区", "苍坊村", "新桥村", "横坑村"]),
    ("古港镇", ["古港社区", "梅田村", "宝盖村", "沿溪村"]),
    ("永安镇", ["永安社区", "芦塘村", "坪头村", "湘丰村"]),
    ("北盛镇", ["北盛社区", "马战村", "亚洲村", "拔茅村"]),
    ("洞阳镇", ["洞阳社区", "西湖村", "南山村", "东阳村"]),
    ("沙市镇", ["沙市社区", "赤马村", "秧田村", "莲花村"]),
    ("淳口镇", ["淳口社区", "鸭头村", "高升村", "狮岩村"]),
    ("官渡镇", ["官渡社区", "竹联村", "梓木村", "红花村"]),
    ("达浒镇", ["达浒社区", "金坑村", "书香村", "新盛村"]),
    ("沿溪镇", ["沿溪社区", "沙龙村", "三联村", "枫林村"]),
    ("社港镇", ["社港社区", "周洛村", "东山村", "汤家村"]),
    ("龙伏镇", ["龙伏社区", "新开村", "石柱峰村", "焕新村"]),
    ("张坊镇", ["张坊社区", "田溪村", "白石村", "上洪村"]),
    ("大围山镇", ["大围山社区", "楚东村", "东门村", "白沙村"]),
    ("葛家镇", ["葛家社区", "宝莲村", "金鸡村", "九龙村"]),
    ("澄潭江镇", ["澄潭江社区", "大七村", "龙潭村", "西山村"]),
    ("镇头镇", ["镇头社区", "金田村", "甘棠村", "跃龙村"]),
    ("普迹镇", ["普迹社区", "新安村", "兰田村", "石塘村"]),
    ("柏加镇", ["柏加社区", "柏铃村", "杨柳村", "金塘村"]),
    ("永和镇", ["永和社区", "七宝山村", "大溪村", "卫家村"]),
    ("高坪镇", ["高坪社区", "石湾村", "双峰村", "湘里村"]),
    ("官桥镇", ["官桥社区", "石门村", "新安村", "涧溪村"]),
    ("蕉溪镇", ["蕉溪社区", "高田村", "岭南村", "双江村"]),
    ("小河乡", ["小河社区", "潭湾村", "杨林村", "新丰村"]),
]


def township_code(index: int) -> str:
    """街道 001-004, 镇 101..., 乡 201."""
    name = TOWNSHIPS[index][0]
    if name.endswith("街道"):
        return f"430181{index + 1:03d}"
    if name.endswith("乡"):
        return "430181201"
    return f"430181{100 + index - 3:03d}"


def region_rows() -> list[dict[str, object]]:
    code, name, full = COUNTY
    rows: list[dict[str, object]] = [{"code": code, "name": name, "full_name": full, "level": "county",
                                      "parent_code": None, "sort_order": 0}]
    for i, (town, villages) in enumerate(TOWNSHIPS):
        tcode = township_code(i)
        rows.append({"code": tcode, "name": town, "full_name": f"{full}{town}", "level": "township",
                     "parent_code": code, "sort_order": i + 1})
        community = village = 0
        for j, v in enumerate(villages):
            if v.endswith("社区"):
                community += 1
                vcode = f"{tcode}{community:03d}"
            else:
                village += 1
                vcode = f"{tcode}{200 + village:03d}"
            rows.append({"code": vcode, "name": v, "full_name": f"{full}{town}{v}", "level": "village",
                         "parent_code": tcode, "sort_order": j + 1})
    return rows


def town_codes() -> list[str]:
    return [township_code(i) for i in range(len(TOWNSHIPS))]


def rural_town_codes() -> list[str]:
    """Towns and the township (not the urban 街道): where rural services such as 农村建房 are offered."""
    return [township_code(i) for i, (name, _) in enumerate(TOWNSHIPS) if not name.endswith("街道")]
