"""Hand-written guides, part 3: household registration, property, rural housing, business, education, other."""
from __future__ import annotations

from typing import Any

from central.seed.guide_kit import (
                                    BANK,
                                    BANK_ACCOUNT,
                                    BANK_NAME,
                                    BIRTH_CERT,
                                    BUSINESS_LICENCE,
                                    CONTACT_ADDR,
                                    HUKOU,
                                    ID_CARD,
                                    MARRIAGE,
                                    PHOTO,
                                    PROPERTY_CERT,
                                    REMARK,
                                    A,
                                    M,
                                    form,
                                    guide,
)
from central.seed.guides_people import ALL_LEVELS, item
from central.seed.regions import rural_town_codes

GONGAN = "浏阳市公安局"
BDC = "浏阳市不动产登记中心"
SHENPI = "浏阳市行政审批服务局"
ZIRAN = "浏阳市自然资源局"
NONGYE = "浏阳市农业农村局"
JIAOYU = "浏阳市教育局"
SIFA = "浏阳市司法局"
WEIJIAN = "浏阳市卫生健康局"
MINZHENG = "浏阳市民政局"
TUIYI = "浏阳市退役军人事务局"
RENSHE = "浏阳市人力资源和社会保障局"
RURAL = rural_town_codes()

GUIDES: list[dict[str, Any]] = [
    item("居住证办理", GONGAN, "公共服务", ["county", "township"], guide(
        department=GONGAN, levels=["county", "township"], basis=["《居住证暂行条例》", "《湖南省居住证实施办法》"],
        conditions=["离开常住户口所在地到浏阳市居住半年以上", "有合法稳定就业、合法稳定住所或连续就读条件之一"],
        materials=[ID_CARD, PHOTO | {"count": 1, "note": "可在一体机现场拍照"},
                   M("居住证明（租赁合同、房产证明或单位证明之一）", form="复印件")],
        process=["居住登记", "申请", "派出所审核", "制证", "领证或寄递"], statutory=15, promised=10, result="《湖南省居住证》",
        attributes=form(A("proof_type", "singlevaluelist", "居住条件", values=[("work", "合法稳定就业"),
                        ("housing", "合法稳定住所"), ("study", "连续就读")]), CONTACT_ADDR,
                        A("arrival_date", "datetime", "来浏居住起始日期"))),
        aliases=["居住证", "暂住证"], life_events=["户籍证件"], theme="personal", online_depth="online_apply"),

    item("户口登记", GONGAN, "行政确认", ["county", "township"], guide(
        department=GONGAN, levels=["county", "township"], basis=["《中华人民共和国户口登记条例》"],
        conditions=["新生儿出生后一个月内由户主、亲属或监护人申报出生登记"],
        materials=[BIRTH_CERT, MARRIAGE, M("父母双方居民身份证", source="公安机关", electronic=True), HUKOU],
        process=["申请（一体机/网上“出生一件事”）", "派出所审核", "登记", "户口簿增页"], statutory=None, promised=1,
        result="户口簿新生儿常住人口登记卡", attributes=form(
            A("child_name", "string", "新生儿姓名"), A("child_birth_date", "datetime", "出生日期"),
            A("follow", "singlevaluelist", "随父或随母落户", values=[("father", "随父"), ("mother", "随母")]))),
        aliases=["新生儿落户", "报户口", "上户口", "出生入户"], life_events=["出生", "户籍证件"], online_depth="online_apply"),

    item("居民身份证办理（包括临时）", GONGAN, "公共服务", ["county", "township"], guide(
        department=GONGAN, levels=["county", "township"], basis=["《中华人民共和国居民身份证法》"],
        conditions=["浏阳市户籍居民首次申领、有效期满换领、遗失补领"],
        materials=[HUKOU, M("原居民身份证", required=False, note="换领时交回")],
        process=["申请", "现场采集人像和指纹", "制证", "领证或免费寄递"], statutory=60, promised=15, visits=1,
        fee=(False, "首次申领、到期换领20元；遗失补领40元；临时身份证10元", "《居民身份证工本费收费标准》"),
        result="第二代居民身份证", attributes=form(A("reason", "singlevaluelist", "申领原因", values=[
            ("first", "首次申领"), ("expired", "有效期满换领"), ("lost", "遗失补领"), ("damaged", "损坏换领")]),
            A("temporary", "singlevaluelist", "是否同时申领临时身份证", values=[("no", "否"), ("yes", "是")]))),
        aliases=["身份证", "办身份证", "补身份证"], life_events=["户籍证件"]),

    item("户口迁移审批", GONGAN, "行政许可", ["county"], guide(
        department=GONGAN, levels=["county"], basis=["《中华人民共和国户口登记条例》", "《湖南省户籍管理办法》"],
        conditions=["在浏阳市有合法稳定住所，或投靠直系亲属，或就业、就学等"],
        materials=[ID_CARD, HUKOU, M("迁入地住所证明（不动产权证书）", source="不动产登记机构", electronic=True),
                   M("亲属关系证明", form="复印件", required=False, note="投靠落户提供")],
        process=["迁入地申请", "审核", "跨省通办“一站式”迁移", "落户"], statutory=None, promised=10, result="户口迁入",
        attributes=form(A("move_type", "singlevaluelist", "迁移类型", values=[("house", "购房落户"), ("relative", "投靠亲属"),
                        ("work", "就业落户"), ("study", "就学")]), A("from_region", "string", "迁出地"))),
        aliases=["迁户口", "落户"], life_events=["户籍证件", "置业"]),

    item("国有建设用地使用权及房屋所有权转移登记", BDC, "行政确认", ["county"], guide(
        department=BDC, levels=["county"], basis=["《中华人民共和国民法典》", "《不动产登记暂行条例》"],
        conditions=["买卖、赠与、继承等导致房屋所有权转移", "已完税（存量房税费联办）"],
        materials=[ID_CARD, M("买受人居民身份证", source="公安机关", electronic=True), PROPERTY_CERT,
                   M("不动产买卖合同（网签）", source="住建部门", electronic=True), MARRIAGE | {"required": False},
                   M("完税凭证", source="税务部门", electronic=True)],
        process=["网上预约/一体机预审", "一窗受理（登记、交易、税务）", "审核登簿", "发证（可免费寄递）"], statutory=30,
        promised=3, fee=(False, "住宅每件80元；非住宅每件550元（含一本证书）", "财税〔2016〕79号、发改价格规〔2016〕2559号"),
        result="不动产权证书（同步发放电子证照）", windows="不动产登记专区",
        attributes=form(A("transfer_type", "singlevaluelist", "转移原因", values=[("sale", "买卖"), ("gift", "赠与"),
                        ("inherit", "继承"), ("divorce", "离婚析产")]),
                        A("property_address", "string", "不动产坐落"),
                        A("certificate_no", "string", "原不动产权证号", hint="例：湘(2024)浏阳市不动产权第0012345号"),
                        A("area", "number", "建筑面积（平方米）")),
        faq=[("可以不动产和水电气一起过户吗？", "可以，市民之家“一件事”联办，同步办理水电气过户。")]),
        aliases=["过户", "房产过户", "不动产登记", "二手房过户"], life_events=["置业"], theme="both"),

    item("宅基地使用权及房屋所有权首次登记", BDC, "行政确认", ["county", "township"], guide(
        department=BDC, levels=["county", "township"], basis=["《不动产登记暂行条例》", "《湖南省农村村民住房建设管理办法》"],
        conditions=["依法批准使用宅基地并建成房屋", "房屋已竣工验收"],
        materials=[ID_CARD, HUKOU, M("宅基地批准文件", source="乡镇人民政府", electronic=True),
                   M("不动产权籍调查成果（测绘报告）", source="测绘机构（可在中介超市选择）"),
                   M("村集体经济组织出具的权属来源证明")],
        process=["申请", "受理", "审核、公告15个工作日", "登簿", "发证"], statutory=30, promised=15,
        fee=(True, "农村宅基地首次登记不收登记费", "财税〔2016〕79号"), result="不动产权证书",
        intermediary="不动产测绘（中介超市可选）",
        attributes=form(A("property_address", "string", "房屋坐落（到村组）"), A("area", "number", "宅基地面积（平方米）"),
                        A("floors", "number", "房屋层数"), CONTACT_ADDR)),
        aliases=["农村房产证", "宅基地确权", "不动产登记"], life_events=["置业", "农业农村"]),

    item("农村村民住宅建设审批（农村建房）", "乡镇人民政府", "行政许可", ["township", "village"], guide(
        department="乡镇人民政府", levels=["township", "village"],
        basis=["《中华人民共和国土地管理法》第六十二条", "《湖南省农村村民住房建设管理办法》", "《浏阳市农村村民建房管理办法》"],
        conditions=["本村集体经济组织成员", "一户一宅，原宅基地面积不足或无宅基地", "符合村庄规划，不占用永久基本农田"],
        materials=[ID_CARD, HUKOU, M("农村宅基地和建房（规划许可）申请表", note="一体机可打印"),
                   M("农村宅基地使用承诺书"), M("户主及共有人签字的建房设计图或选用通用图", required=False),
                   M("相邻权利人意见", required=False)],
        process=["向村提出申请", "村民小组会议讨论并公示", "村审查", "镇自然资源、农业农村等联审（四到场）", "乡镇人民政府审批",
                 "核发乡村建设规划许可证和农村宅基地批准书", "开工、竣工验收"],
        statutory=20, promised=15, result="《乡村建设规划许可证》《农村宅基地批准书》",
        attributes=form(A("build_type", "singlevaluelist", "建房类型", values=[("new", "新建"), ("rebuild", "拆旧建新"),
                        ("repair", "原址翻建")]), A("site_address", "string", "拟建地址（到村组）"),
                        A("site_area", "number", "拟用宅基地面积（平方米）", hint="浏阳市每户不超过210平方米（含附属设施）"),
                        A("floors", "number", "拟建层数", hint="不超过3层"), A("family_size", "number", "户籍人口数"))),
        aliases=["农村建房", "建房审批", "宅基地审批", "建房"], life_events=["置业", "农业农村"], max_one_trip=False)
    | {"region_codes": RURAL},

    item("乡村建设规划许可证核发", ZIRAN, "行政许可", ["county", "township"], guide(
        department=ZIRAN, levels=["county", "township"], basis=["《中华人民共和国城乡规划法》第四十一条"],
        conditions=["在乡、村庄规划区内进行乡镇企业、乡村公共设施和公益事业建设"],
        materials=[ID_CARD, M("建设项目申请书"), M("建设工程设计方案", source="设计单位（可在中介超市选择）"),
                   M("土地权属证明", source="不动产登记机构", electronic=True)],
        process=["申请", "受理", "审查", "审批发证"], statutory=20, promised=10, result="《乡村建设规划许可证》",
        intermediary="建设工程设计（中介超市可选）",
        attributes=form(A("project_name", "string", "项目名称"), A("site_address", "string", "建设地点"),
                        A("floor_area", "number", "总建筑面积（平方米）"))),
        aliases=["乡村规划许可", "农村建房"], life_events=["置业", "农业农村"], theme="both"),

    item("个体工商户设立登记", SHENPI, "行政许可", ["county", "township"], guide(
        department=SHENPI, levels=["county", "township"], basis=["《促进个体工商户发展条例》", "《中华人民共和国市场主体登记管理条例》"],
        conditions=["有经营能力的自然人", "经营范围不属于禁止类"],
        materials=[ID_CARD, M("经营场所使用证明（产权证明或租赁合同）", form="复印件"), M("个体工商户登记（备案）申请书", note="一体机填写后自动生成")],
        process=["申请（一体机/网上）", "受理", "审核", "发照（可免费寄递或自助打印）"], statutory=15, promised=1, visits=0,
        result="营业执照（纸质及电子营业执照）",
        attributes=form(A("trade_name", "string", "名称（字号）", required=False, hint="可不起字号"),
                        A("business_scope", "text", "经营范围"), A("premises", "string", "经营场所"),
                        A("capital", "number", "资金数额（万元）"),
                        A("organisation", "singlevaluelist", "组成形式", values=[("person", "个人经营"), ("family", "家庭经营")])),
        faq=[("要交钱吗？", "个体工商户登记不收费。")]),
        aliases=["个体户", "开店", "营业执照", "个体户执照"], life_events=["开办企业"], theme="both", online_depth="full_online"),

    item("个体工商户注销登记", SHENPI, "行政许可", ["county", "township"], guide(
        department=SHENPI, levels=["county", "township"], basis=["《促进个体工商户发展条例》"],
        conditions=["已结清税款等"], materials=[ID_CARD, BUSINESS_LICENCE | {"note": "交回纸质执照正副本"}],
        process=["申请", "审核", "注销"], statutory=None, promised=1, visits=0, express=False, pickup=[],
        result="《准予注销登记通知书》", attributes=form(A("credit_code", "string", "统一社会信用代码",
                                                     pattern=r"[0-9A-HJ-NPQRTUWXY]{18}"), REMARK)),
        aliases=["个体户注销"], life_events=["开办企业"], theme="both", online_depth="full_online"),

    item("仅销售预包装食品的食品经营者备案", SHENPI, "其他行政权力", ["county", "township"], guide(
        department=SHENPI, levels=["county", "township"], basis=["《中华人民共和国食品安全法》第三十五条"],
        conditions=["仅销售预包装食品"], materials=[ID_CARD, BUSINESS_LICENCE], process=["备案", "即时办结"],
        statutory=None, promised=0, visits=0, express=False, pickup=[], result="备案回执",
        attributes=form(A("credit_code", "string", "统一社会信用代码", pattern=r"[0-9A-HJ-NPQRTUWXY]{18}"),
                        A("premises", "string", "经营场所"), A("cold_chain", "singlevaluelist", "是否含冷藏冷冻食品",
                                                             values=[("no", "否"), ("yes", "是")]))),
        aliases=["预包装食品备案", "食品经营备案"], life_events=["开办企业"], theme="legal", online_depth="full_online"),

    item("进城务工人员随迁子女接受义务教育入学申请办理", JIAOYU, "公共服务", ["county"], guide(
        department=JIAOYU, levels=["county"], basis=["《中华人民共和国义务教育法》", "《浏阳市义务教育招生入学工作方案》"],
        conditions=["父母一方持浏阳市居住证", "适龄儿童少年"],
        materials=[M("父母居住证", source="公安机关", electronic=True), HUKOU,
                   M("务工就业证明（劳动合同或营业执照）", form="复印件"), M("居住证明", form="复印件")],
        process=["网上报名（每年7月）", "资格审核", "统筹安排学位", "公布结果"], statutory=None, promised=20, visits=0,
        express=False, pickup=[], result="入学通知书（短信告知）",
        attributes=form(A("child_name", "string", "子女姓名"),
                        A("grade", "singlevaluelist", "申请年级", values=[("p1", "小学一年级"), ("j1", "初中一年级"),
                                                                       ("transfer", "插班")]),
                        A("preferred_school", "string", "意向学校", required=False))),
        aliases=["随迁子女入学", "外地孩子上学", "入学"], life_events=["上学"], online_depth="online_apply"),

    item("教师资格认定", JIAOYU, "行政许可", ["county"], guide(
        department=JIAOYU, levels=["county"], basis=["《中华人民共和国教师法》", "《教师资格条例》"],
        conditions=["中小学教师资格考试合格", "普通话水平达到二级乙等以上", "体检合格"],
        materials=[ID_CARD, M("学历证书", source="教育部门", electronic=True),
                   M("普通话水平测试等级证书", source="语委", electronic=True), M("体检表", source="指定医院"), PHOTO],
        process=["网上申报（春、秋两次）", "现场确认", "审核", "发证"], statutory=30, promised=20, result="教师资格证书",
        attributes=form(A("level", "singlevaluelist", "资格种类", values=[("kindergarten", "幼儿园"), ("primary", "小学"),
                        ("junior", "初级中学"), ("senior", "高级中学")]), A("subject", "string", "任教学科"))),
        aliases=["教师证"], life_events=["就业"], online_depth="online_apply"),

    item("对公民法律援助申请的审批", SIFA, "行政给付", ALL_LEVELS, guide(
        department=SIFA, levels=ALL_LEVELS, basis=["《中华人民共和国法律援助法》"],
        conditions=["经济困难，或属于免予经济困难审查的情形", "事项属于法律援助范围（讨薪、工伤、赡养等）"],
        materials=[ID_CARD, M("经济困难状况说明表", note="个人诚信承诺"), M("与案件有关的材料", form="复印件")],
        process=["申请（一体机/村法律顾问）", "审查", "指派律师", "告知申请人"], statutory=7, promised=3, result="《给予法律援助决定书》",
        attributes=form(A("matter", "singlevaluelist", "案件类型", values=[("wage", "追索劳动报酬"), ("injury", "工伤"),
                        ("support", "赡养/抚养/扶养"), ("traffic", "交通事故"), ("other", "其他")]),
                        A("summary", "text", "案情简述"))),
        aliases=["法律援助", "找律师", "法援"], life_events=["社会救助"]),

    item("《出生医学证明》首次签发", WEIJIAN, "公共服务", ["county"], guide(
        department=WEIJIAN, levels=["county"], basis=["《中华人民共和国母婴保健法》"],
        conditions=["在浏阳市具有助产资质的医疗机构出生的新生儿"], materials=[ID_CARD,
                    M("父亲居民身份证", source="公安机关", electronic=True), MARRIAGE | {"required": False}],
        process=["出生医院申请", "核对信息", "签发（出生一件事联办落户、医保、社保卡）"], statutory=None, promised=0,
        result="《出生医学证明》", attributes=form(A("child_name", "string", "新生儿姓名"),
                                                A("hospital", "string", "出生医院"))),
        aliases=["出生证", "出生一件事"], life_events=["出生"]),

    item("居民在社区居住证明", "村（居）民委员会", "公共服务", ["village"], guide(
        department="村（居）民委员会", levels=["village"], basis=["《中华人民共和国城市居民委员会组织法》",
                                                                  "《关于改进和规范基层群众性自治组织出具证明工作的指导意见》"],
        conditions=["在本村（社区）实际居住的居民"], materials=[ID_CARD, M("居住地址证明（租赁合同/房产证明）", form="复印件")],
        process=["申请", "村（社区）核实", "出具证明"], statutory=None, promised=1, result="居住证明", express=False,
        attributes=form(A("purpose", "string", "证明用途"), CONTACT_ADDR)),
        aliases=["居住证明", "社区证明"], life_events=["户籍证件"]),

    item("补领结婚证", MINZHENG, "公共服务", ["county"], guide(
        department=MINZHENG, levels=["county"], basis=["《婚姻登记条例》"],
        conditions=["结婚证遗失或损毁", "当事人一方户籍在浏阳市或在浏阳办理的结婚登记"],
        materials=[ID_CARD, HUKOU, M("近期二寸双人合影照片", count=3)],
        process=["预约", "双方到婚姻登记处", "查档核实", "补发"], statutory=None, promised=0, visits=1, express=False,
        result="结婚证", attributes=form(A("marriage_year", "number", "结婚登记年份"),
                                       A("registry", "string", "原登记机关"))),
        aliases=["结婚证补办"], life_events=["婚育"], online_depth="pre_review"),

    item("耕地地力保护补贴申领", NONGYE, "行政给付", ["township", "village"], guide(
        department=NONGYE, levels=["township", "village"], basis=["财政部 农业农村部《农业相关转移支付资金管理办法》"],
        conditions=["拥有耕地承包权的种地农民", "耕地未撂荒、未改变用途"],
        materials=[ID_CARD, M("农村土地承包经营权证", source="农业农村部门", electronic=True), BANK],
        process=["村申报面积", "村公示", "镇审核", "“一卡通”发放"], statutory=None, promised=30, express=False, pickup=[],
        result="补贴通过惠民惠农“一卡通”发放", attributes=form(A("area_mu", "number", "承包耕地面积（亩）"),
                                                             BANK_NAME, BANK_ACCOUNT)),
        aliases=["种粮补贴", "耕地补贴", "惠农补贴"], life_events=["农业农村"]),

    item("退役军人优待证申领", TUIYI, "公共服务", ALL_LEVELS, guide(
        department=TUIYI, levels=ALL_LEVELS, basis=["《中华人民共和国退役军人保障法》", "《退役军人、其他优抚对象优待证管理办法》"],
        conditions=["浏阳市户籍的退役军人和烈士遗属、因公牺牲军人遗属、病故军人遗属"],
        materials=[ID_CARD, M("退役证件", source="退役军人事务部门", electronic=True), PHOTO | {"count": 1}],
        process=["申请（村退役军人服务站）", "村受理", "镇审核", "市退役军人事务局审批", "制证发放"], statutory=None, promised=30,
        result="《退役军人优待证》", attributes=form(A("category", "singlevaluelist", "对象类别", values=[
            ("veteran", "退役军人"), ("martyr_family", "烈士遗属"), ("duty_family", "因公牺牲军人遗属"),
            ("illness_family", "病故军人遗属")]), CONTACT_ADDR)),
        aliases=["优待证", "军人优待证"], life_events=["退役军人"]),

    item("城乡居民基本养老保险待遇领取", RENSHE, "行政给付", ALL_LEVELS, guide(
        department=RENSHE, levels=ALL_LEVELS, basis=["《国务院关于建立统一的城乡居民基本养老保险制度的意见》"],
        conditions=["年满60周岁", "累计缴费满15年，或按规定补缴", "未领取其他基本养老保障待遇"],
        materials=[ID_CARD, HUKOU, BANK], process=["申请（村/一体机）", "村受理", "镇审核", "市社保中心核定", "次月起按月发放"],
        statutory=None, promised=10, visits=0, express=False, pickup=[], result="养老金按月发放至社保卡",
        attributes=form(BANK_NAME, BANK_ACCOUNT, CONTACT_ADDR)),
        aliases=["领养老金", "居民养老金", "新农保领取"], life_events=["退休"], online_depth="online_apply"),
]
