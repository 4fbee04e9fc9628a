"""Hand-written guides, part 2: social insurance, medical insurance, social security cards, employment."""
from __future__ import annotations

from typing import Any

from central.seed.guide_kit import (
                                    BANK,
                                    BANK_ACCOUNT,
                                    BANK_NAME,
                                    CONTACT_ADDR,
                                    HOUSEHOLD,
                                    HUKOU,
                                    ID_CARD,
                                    PHOTO,
                                    RELATION,
                                    A,
                                    M,
                                    form,
                                    guide,
)
from central.seed.guides_people import ALL_LEVELS, item

RENSHE = "浏阳市人力资源和社会保障局"
YIBAO = "浏阳市医疗保障局"

GUIDES: list[dict[str, Any]] = [
    item("城乡居民基本养老保险参保登记", RENSHE, "公共服务", ALL_LEVELS, guide(
        department=RENSHE, levels=ALL_LEVELS,
        basis=["《中华人民共和国社会保险法》", "《国务院关于建立统一的城乡居民基本养老保险制度的意见》"],
        conditions=["年满16周岁（不含在校学生）", "非国家机关和事业单位工作人员", "不属于职工基本养老保险覆盖范围", "浏阳市户籍"],
        materials=[ID_CARD, HUKOU],
        process=["申请（一体机/村/网上）", "村受理", "镇人社服务站审核", "参保登记", "选择缴费档次后按年缴费"],
        statutory=None, promised=0, visits=0, express=False, pickup=[], result="参保登记完成（可打印参保凭证）",
        attributes=form(HOUSEHOLD, A("contribution_level", "singlevaluelist", "缴费档次（元/年）", values=[
            (str(v), f"{v}元") for v in (200, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000, 3000)]),
            A("special_group", "singlevaluelist", "是否属于代缴对象", required=False, values=[
                ("none", "否"), ("dibao", "低保对象"), ("tekun", "特困人员"), ("disabled", "重度残疾人")]), CONTACT_ADDR),
        faq=[("代缴对象要自己交钱吗？", "低保、特困、重度残疾等困难群体由政府按最低档次代缴。")]),
        aliases=["居民养老保险", "城乡居民养老保险", "新农保", "养老保险参保", "社保参保"], life_events=["退休", "就业"],
        online_depth="full_online"),

    item("灵活就业人员企业职工基本养老保险参保登记", RENSHE, "公共服务", ["county", "township"], guide(
        department=RENSHE, levels=["county", "township"], basis=["《中华人民共和国社会保险法》"],
        conditions=["无雇工的个体工商户、未在用人单位参加社保的非全日制从业人员及其他灵活就业人员", "年满16周岁未达退休年龄"],
        materials=[ID_CARD, HUKOU], process=["申请", "审核", "登记", "按月/按年缴费"], statutory=None, promised=0,
        visits=0, express=False, pickup=[], result="参保登记完成",
        attributes=form(A("base_ratio", "singlevaluelist", "缴费基数档次", values=[("60", "60%"), ("80", "80%"),
                        ("100", "100%"), ("150", "150%"), ("200", "200%"), ("300", "300%")]),
                        A("pay_cycle", "singlevaluelist", "缴费方式", values=[("month", "按月"), ("year", "按年")]))),
        aliases=["灵活就业社保", "个人交社保", "社保"], life_events=["就业", "退休"], online_depth="full_online"),

    item("社会保障卡申领", RENSHE, "公共服务", ALL_LEVELS, guide(
        department=RENSHE, levels=ALL_LEVELS, basis=["《社会保障卡管理办法》"],
        conditions=["在浏阳市参加社会保险的人员"], materials=[ID_CARD, PHOTO | {"count": 1, "note": "可在一体机现场拍照"}],
        process=["申请", "信息核验", "制卡（约15个工作日）", "领卡或免费寄递", "启用激活"], statutory=None, promised=15,
        result="第三代社会保障卡", attributes=form(RELATION, BANK_NAME, CONTACT_ADDR)),
        aliases=["社保卡办理", "办社保卡"], life_events=["就业", "医疗健康"], online_depth="online_apply"),

    item("社会保障卡补领、换领、换发", RENSHE, "公共服务", ALL_LEVELS, guide(
        department=RENSHE, levels=ALL_LEVELS, basis=["《社会保障卡管理办法》"],
        conditions=["社会保障卡遗失（已挂失）、损坏或有效期满"], materials=[ID_CARD,
                    M("原社会保障卡", required=False, note="损坏换领时交回")],
        process=["挂失（遗失的）", "申请补换", "即时制卡（市民之家）或15个工作日", "领卡/寄递"], statutory=None, promised=1,
        fee=(False, "遗失补领工本费20元；损坏、到期换领免费", "湘发改价费〔2019〕等"),
        result="社会保障卡", windows="社保卡即时制卡窗口",
        attributes=form(A("reason", "singlevaluelist", "补换原因", values=[("lost", "遗失补领"), ("damaged", "损坏换领"),
                        ("expired", "到期换发")]), A("instant", "singlevaluelist", "是否到市民之家即时制卡",
                        values=[("yes", "是"), ("no", "否，邮寄")]), CONTACT_ADDR)),
        aliases=["社保卡补办", "社保卡丢了", "补社保卡"], life_events=["就业", "医疗健康"], online_depth="online_apply"),

    item("失业保险金申领", RENSHE, "行政给付", ["county"], guide(
        department=RENSHE, levels=["county"], basis=["《中华人民共和国社会保险法》", "《失业保险条例》"],
        conditions=["失业前用人单位和本人已缴纳失业保险费满1年", "非因本人意愿中断就业", "已进行失业登记并有求职要求"],
        materials=[ID_CARD, M("解除或终止劳动合同证明", source="原用人单位"), BANK],
        process=["网上或一体机申请", "审核", "按月发放"], statutory=None, promised=5, visits=0, express=False, pickup=[],
        result="失业保险金按月发放",
        attributes=form(A("last_employer", "string", "最后工作单位名称"), A("leave_date", "datetime", "离职日期"),
                        BANK_NAME, BANK_ACCOUNT)),
        aliases=["失业金", "失业补助"], life_events=["就业"], online_depth="full_online"),

    item("申办就业失业登记证", RENSHE, "公共服务", ["county", "township"], guide(
        department=RENSHE, levels=["county", "township"], basis=["《就业服务与就业管理规定》"],
        conditions=["法定劳动年龄内、有劳动能力和就业要求的城乡劳动者"], materials=[ID_CARD, HUKOU],
        process=["申请", "审核", "发证（电子证照）"], statutory=None, promised=0, visits=0, express=False, pickup=[],
        result="《就业创业证》（电子证照）",
        attributes=form(A("status", "singlevaluelist", "登记类型", values=[("unemployed", "失业登记"),
                        ("employed", "就业登记")]), A("education", "singlevaluelist", "文化程度", values=[
                        ("primary", "小学"), ("junior", "初中"), ("senior", "高中/中专"), ("college", "大专及以上")]))),
        aliases=["就业创业证", "失业证", "就业证"], life_events=["就业"], online_depth="full_online"),

    item("企业职工基本养老保险正常退休申请", RENSHE, "公共服务", ["county"], guide(
        department=RENSHE, levels=["county"], basis=["《中华人民共和国社会保险法》", "《国务院关于渐进式延迟法定退休年龄的办法》"],
        conditions=["达到法定退休年龄", "累计缴费满15年（按规定逐步提高）"], materials=[ID_CARD,
                    M("人事档案", source="单位或档案保管机构", note="灵活就业人员由人社部门调取")],
        process=["申请", "档案审核", "待遇核定", "公示", "发放"], statutory=None, promised=15, express=False, pickup=[],
        result="养老金按月发放", attributes=form(A("applicant_type", "singlevaluelist", "身份", values=[
            ("employee", "单位职工"), ("flexible", "灵活就业人员")]), BANK_NAME, BANK_ACCOUNT)),
        aliases=["办退休", "退休申请", "领养老金"], life_events=["退休"]),

    item("城乡居民基本医疗保险参保登记", YIBAO, "公共服务", ALL_LEVELS, guide(
        department=YIBAO, levels=ALL_LEVELS, basis=["《中华人民共和国社会保险法》", "《湖南省城乡居民基本医疗保险实施办法》"],
        conditions=["未参加职工基本医疗保险的浏阳市户籍居民或持居住证的常住人口", "新生儿出生后可随时参保"],
        materials=[ID_CARD, HUKOU, M("居住证", source="公安机关", electronic=True, required=False, note="非本地户籍提供")],
        process=["申请（一体机/村/网上）", "登记", "缴费（集中缴费期9月-12月）", "次年1月1日起享受待遇"],
        statutory=None, promised=0, visits=0, express=False, pickup=[], result="参保登记完成",
        attributes=form(RELATION, A("insured_name", "string", "参保人姓名"),
                        A("insured_id_number", "string", "参保人身份证号", pattern=r"[0-9]{17}[0-9Xx]"),
                        A("group", "singlevaluelist", "参保身份", values=[("resident", "普通居民"), ("student", "中小学生/大学生"),
                          ("newborn", "新生儿"), ("assisted", "医疗救助对象")])),
        faq=[("新生儿怎么参保？", "出生后3个月内参保的，自出生之日起享受待遇。")]),
        aliases=["医保参保", "居民医保", "新农合", "医疗保险"], life_events=["医疗健康", "出生"], online_depth="full_online"),

    item("医保电子凭证申领", YIBAO, "公共服务", ALL_LEVELS, guide(
        department=YIBAO, levels=ALL_LEVELS, basis=["国家医疗保障局《关于全面推进医保电子凭证应用的通知》"],
        conditions=["已参加基本医疗保险"], materials=[ID_CARD], process=["读卡核验", "人脸识别", "激活"],
        statutory=None, promised=0, visits=0, express=False, pickup=[], result="医保电子凭证（手机可用）",
        attributes=form(A("activate_for", "singlevaluelist", "为谁激活", values=[("self", "本人"), ("family", "家庭成员")]))),
        aliases=["医保码", "电子医保卡"], life_events=["医疗健康"], online_depth="full_online"),

    item("基本医疗保险关系转移接续", YIBAO, "公共服务", ["county"], guide(
        department=YIBAO, levels=["county"], basis=["《流动就业人员基本医疗保障关系转移接续暂行办法》"],
        conditions=["跨统筹地区流动就业", "已在转入地参保"], materials=[ID_CARD,
                    M("参保缴费凭证", source="转出地医保经办机构", electronic=True)],
        process=["转入地申请", "转出地核对并转出", "转入地接续"], statutory=None, promised=15, visits=0, express=False,
        pickup=[], result="医保关系接续完成", attributes=form(A("from_region", "string", "转出地（省市县）"),
                                                       A("insurance_type", "singlevaluelist", "险种", values=[
                                                           ("employee", "职工医保"), ("resident", "居民医保")]))),
        aliases=["医保转移", "医保关系转移"], life_events=["医疗健康", "就业"], online_depth="full_online"),

    item("基本医疗保险参保人员享受门诊慢特病病种待遇认定", YIBAO, "行政确认", ["county", "township"], guide(
        department=YIBAO, levels=["county", "township"], basis=["《湖南省基本医疗保险门诊慢特病管理办法》"],
        conditions=["参加浏阳市基本医疗保险", "患有规定的门诊慢特病病种"],
        materials=[ID_CARD, M("二级及以上医院诊断证明、病历、检查报告", form="复印件", source="医疗机构", count=1)],
        process=["申请", "专家评审", "认定", "备案定点医院"], statutory=None, promised=20, result="门诊慢特病待遇资格",
        express=False, pickup=[], attributes=form(A("disease", "singlevaluelist", "申请病种", values=[
            ("hypertension", "高血压"), ("diabetes", "糖尿病"), ("ckd", "慢性肾功能衰竭"), ("cancer", "恶性肿瘤"),
            ("coronary", "冠心病"), ("other", "其他")]), A("hospital", "string", "选择的定点医院"))),
        aliases=["慢特病", "门诊慢性病", "特殊病"], life_events=["医疗健康"]),

    item("生育津贴支付", YIBAO, "行政给付", ["county"], guide(
        department=YIBAO, levels=["county"], basis=["《中华人民共和国社会保险法》", "《湖南省职工生育保险办法》"],
        conditions=["用人单位为职工缴纳了生育保险", "符合政策生育"], materials=[ID_CARD, BANK,
                    M("出生医学证明", source="医疗机构", electronic=True)],
        process=["申请（单位或个人）", "审核", "支付"], statutory=None, promised=10, visits=0, express=False, pickup=[],
        result="生育津贴支付至单位或个人账户", attributes=form(A("birth_date", "datetime", "分娩日期"),
                                                          A("employer", "string", "用人单位"), BANK_NAME, BANK_ACCOUNT)),
        aliases=["产假工资", "生育保险"], life_events=["出生", "婚育"], online_depth="online_apply"),
]
