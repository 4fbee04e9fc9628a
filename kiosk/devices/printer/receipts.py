"""Receipt layouts: typed input data and one pure function per kind, data -> Document.

Personal data is masked here with kiosk.privacy (one rule on screen, on paper and in logs): a receipt never
carries a full ID number, mobile number or address. Office phone numbers are not personal data and print in
full. QR payloads stay short (a case-number URL) so native QR codes stay small.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from kiosk.devices.printer.document import QR, CodecSample, Cut, Document, Feed, Op, Rule, Table, Text
from kiosk.devices.printer.text import SUPPORTED_CODECS
from kiosk.privacy import mask_address, mask_id_number, mask_name, mask_phone

# ---- shared pieces ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Footer:
    """Where and when the receipt was printed (every kind ends with it)."""

    site_name: str
    terminal_id: str
    printed_at: datetime


def fmt_time(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


def fmt_date(value: date | datetime | str) -> str:
    if isinstance(value, str):
        return value
    return value.strftime("%Y-%m-%d")


def _title(text: str, site_name: str = "") -> list[Op]:
    ops: list[Op] = [Text(text, align="center", bold=True, size=2)]
    if site_name:
        ops.append(Text(site_name, align="center"))
    ops.append(Rule())
    return ops


def _footer(footer: Footer, notes: tuple[str, ...] = ()) -> list[Op]:
    ops: list[Op] = [Rule()]
    ops += [Text(note) for note in notes]
    ops.append(Text(footer.site_name, align="center"))
    ops.append(Text(f"终端 {footer.terminal_id}", align="center"))
    ops.append(Text(f"打印时间 {fmt_time(footer.printed_at)}", align="center"))
    ops.append(Cut())
    return ops


def _applicant(name: str, id_number: str = "", phone: str = "") -> list[tuple[str, str]]:
    rows = [("申请人", mask_name(name))] if name else []
    if id_number:
        rows.append(("证件号码", mask_id_number(id_number)))
    if phone:
        rows.append(("联系电话", mask_phone(phone)))
    return rows


def _qr(payload: str, caption: str) -> list[Op]:
    """The QR, or nothing when there is no payload (a receipt without a link still prints; never a blank QR)."""
    return [QR(payload, caption=caption)] if payload.strip() else []


def _numbered(items: tuple[str, ...] | list[str]) -> list[Op]:
    return [Text(f"{i}. {item}", indent=len(str(i)) + 2) for i, item in enumerate(items, 1)]


# ---- 办件回执: case receipt ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class CaseRoute:
    """Where the case is accepted, reviewed and handed over (受办分离; a village case: 村受理-镇审核-村出件)."""

    accept_office: str
    review_office: str
    handover_office: str
    flow: str = ""                  # e.g. "村受理-镇审核-村出件"


@dataclass(frozen=True)
class CaseReceiptData:
    case_number: str                # "" while the case waits in the offline outbox
    item_name: str
    applicant_name: str
    submitted_at: datetime
    promised_date: date | str
    materials: tuple[str, ...]
    delivery: str                   # "pickup" | "express"
    route: CaseRoute
    follow_url: str                 # QR payload to follow the case (short)
    footer: Footer
    applicant_id_number: str = ""
    applicant_phone: str = ""
    pickup_site: str = ""
    express_address: str = ""
    offline_ref: str = ""           # local reference of a case queued offline ("待上传")

    def __post_init__(self) -> None:
        if self.delivery not in ("pickup", "express"):
            raise ValueError('delivery must be "pickup" or "express"')
        if not self.case_number and not self.offline_ref:
            raise ValueError("a case receipt needs a case number or, while offline, a local reference")


def case_receipt(data: CaseReceiptData) -> Document:
    ops = _title("办件回执", data.footer.site_name)
    rows: list[tuple[str, str]] = []
    if data.case_number:
        rows.append(("办件编号", data.case_number))
    if data.offline_ref:
        rows.append(("本机编号", data.offline_ref))
        rows.append(("状态", "待上传（网络恢复后自动上传，无需重新办理）"))
    rows += [("办理事项", data.item_name), *_applicant(data.applicant_name, data.applicant_id_number,
                                                       data.applicant_phone)]
    rows += [("提交时间", fmt_time(data.submitted_at)), ("承诺办结", fmt_date(data.promised_date))]
    ops.append(Table(tuple(rows)))
    ops.append(Rule())
    ops.append(Text("已收材料", bold=True))
    ops += _numbered(data.materials) if data.materials else [Text("无需提交纸质材料")]
    ops.append(Rule())
    route = data.route
    ops.append(Text(f"办理流程：{route.flow}" if route.flow else "办理流程", bold=True))
    ops.append(Table((("受理", route.accept_office), ("审核", route.review_office), ("出件", route.handover_office))))
    if data.delivery == "pickup":
        ops.append(Table((("领取方式", "窗口领取"), ("领取地点", data.pickup_site or route.handover_office))))
    else:
        ops.append(Table((("领取方式", "免费邮寄"), ("邮寄地址", mask_address(data.express_address)))))
    ops.append(Rule())
    ops.extend(_qr(data.follow_url, caption="扫码查询办理进度"))
    ops += _footer(data.footer, ("请妥善保管本回执，凭办件编号查询或领取结果。",))
    return Document("case", tuple(ops), fallback_qr=data.follow_url, headline=data.case_number or data.offline_ref)


# ---- 取号: queue ticket ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class QueueTicketData:
    number: str                     # "A023"
    service: str
    window_group: str               # "1-3号窗口"
    waiting: int
    issued_at: datetime
    footer: Footer
    appointment: bool = False       # checked-in appointment (jumps the queue)


def queue_ticket(data: QueueTicketData) -> Document:
    ops = _title("排队号", data.footer.site_name)
    ops.append(Text(data.number, align="center", bold=True, size=3))
    if data.appointment:
        ops.append(Text("预约优先", align="center", bold=True))
    ops.append(Feed(1))
    ops.append(Table((("办理业务", data.service), ("办理窗口", data.window_group),
                      ("前面等候", f"{data.waiting} 人"), ("取号时间", fmt_time(data.issued_at)))))
    ops += _footer(data.footer, ("请留意叫号屏幕和语音提示，过号请重新取号。",))
    return Document("ticket", tuple(ops), fallback_qr="", headline=data.number)


# ---- 预约凭证: appointment slip ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class AppointmentSlipData:
    appointment_number: str
    unit: str
    service: str
    day: date
    slot: str                       # "09:00-09:30"
    applicant_name: str
    address: str                    # where to come (the hall)
    lookup_url: str                 # QR payload to look up / cancel
    footer: Footer
    applicant_id_number: str = ""
    applicant_phone: str = ""


def appointment_slip(data: AppointmentSlipData) -> Document:
    ops = _title("预约凭证", data.footer.site_name)
    ops.append(Text(f"{fmt_date(data.day)} {data.slot}", align="center", bold=True, size=2))
    ops.append(Table((("预约编号", data.appointment_number), ("办理部门", data.unit), ("办理业务", data.service),
                      *_applicant(data.applicant_name, data.applicant_id_number, data.applicant_phone),
                      ("办理地点", data.address))))
    ops.append(Rule())
    ops.extend(_qr(data.lookup_url, caption="扫码查询或取消预约"))
    ops += _footer(data.footer, ("请提前10分钟到达，签到后优先叫号。",
                                 "请携带本人居民身份证及办事指南所列材料。"))
    return Document("appointment", tuple(ops), fallback_qr=data.lookup_url, headline=data.appointment_number)


# ---- 办事指南: service guide -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class GuideMaterial:
    name: str
    form: str = "原件"              # 原件 / 复印件 / 原件及复印件
    copies: int = 1
    source: str = "申请人自备"
    electronic: bool = False        # the government already holds it (数据多跑路): nothing to bring


@dataclass(frozen=True)
class ServiceGuideData:
    """The 13 elements of a service guide (../shared/reference/government-services.md)."""

    item_name: str                          # 1 事项名称和编码
    item_code: str
    legal_basis: str                        # 2 设定依据
    conditions: str                         # 3 受理条件
    materials: tuple[GuideMaterial, ...]    # 4 申请材料
    process: tuple[str, ...]                # 5 办理流程
    statutory_days: int | None              # 6 办理时限 (法定; None: the law sets none)
    promised_days: int | None               #   (承诺; 0: 即办, done on the spot)
    fee: str                                # 7 收费标准及依据
    locations: str                          # 8 办理地点
    hours: str                              # 9 办理时间
    consult_phone: str                      # 10 咨询电话
    complaint_phone: str                    # 11 监督投诉电话
    visits: int                             # 12 到现场次数
    result_delivery: str                    # 13 办理结果及送达方式
    guide_url: str                          # QR payload: the full guide online
    footer: Footer


def time_limit_text(statutory_days: int | None, promised_days: int | None) -> str:
    """法定 and 承诺 time limits in words, the same on screen and on paper (never "法定0个工作日")."""
    statutory = f"法定{statutory_days}个工作日" if statutory_days else "法定时限：无明确规定"
    if promised_days is None:
        return statutory
    promised = "即办（当场办结）" if promised_days == 0 else f"承诺{promised_days}个工作日"
    return f"{statutory}；{promised}"


def service_guide(data: ServiceGuideData) -> Document:
    ops = _title("办事指南", data.footer.site_name)
    ops.append(Text(data.item_name, align="center", bold=True))
    ops.append(Rule())

    def section(number: int, label: str, body: str) -> None:
        ops.append(Text(f"{number}. {label}", bold=True))
        ops.append(Text(body))

    section(1, "事项名称和编码", f"{data.item_name}（{data.item_code}）")
    section(2, "设定依据", data.legal_basis)
    section(3, "受理条件", data.conditions)
    ops.append(Text("4. 申请材料（请对照勾选）", bold=True))
    for m in data.materials:
        if m.electronic:
            ops.append(Text(f"[免] {m.name}：无需提交（电子证照共享）", indent=5))
        else:
            ops.append(Text(f"[  ] {m.name}：{m.form}{m.copies}份（{m.source}）", indent=5))
    ops.append(Text("5. 办理流程", bold=True))
    ops.append(Text(" → ".join(data.process)))
    section(6, "办理时限", time_limit_text(data.statutory_days, data.promised_days))
    section(7, "收费标准及依据", data.fee)
    section(8, "办理地点", data.locations)
    section(9, "办理时间", data.hours)
    section(10, "咨询电话", data.consult_phone)
    section(11, "监督投诉电话", data.complaint_phone)
    section(12, "到现场次数", f"{data.visits}次" if data.visits else "0次（全程网办）")
    section(13, "办理结果及送达方式", data.result_delivery)
    ops.append(Rule())
    ops.extend(_qr(data.guide_url, caption="扫码查看完整办事指南"))
    ops += _footer(data.footer)
    return Document("guide", tuple(ops), fallback_qr=data.guide_url, headline=data.item_name)


# ---- 办件进度: case progress slip --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ProgressEntry:
    at: datetime
    state: str                      # 已提交 预审中 待补正 已受理 审核中 已办结 待领取 已寄出 已送达
    office: str
    note: str = ""


@dataclass(frozen=True)
class ProgressSlipData:
    case_number: str
    item_name: str
    applicant_name: str
    current_state: str
    history: tuple[ProgressEntry, ...]
    follow_url: str
    footer: Footer


def progress_slip(data: ProgressSlipData) -> Document:
    ops = _title("办件进度", data.footer.site_name)
    ops.append(Table((("办件编号", data.case_number), ("办理事项", data.item_name),
                      *_applicant(data.applicant_name), ("当前状态", data.current_state))))
    ops.append(Rule())
    for entry in data.history:
        ops.append(Text(f"{fmt_time(entry.at)}  {entry.state}", bold=True))
        ops.append(Text(f"  {entry.office}" + (f"：{entry.note}" if entry.note else ""), indent=2))
    ops.append(Rule())
    ops.extend(_qr(data.follow_url, caption="扫码查询最新进度"))
    ops += _footer(data.footer)
    return Document("progress", tuple(ops), fallback_qr=data.follow_url, headline=data.case_number)


# ---- 一次性告知单: one-time notice of missing materials ---------------------------------------------------------

@dataclass(frozen=True)
class MissingMaterial:
    name: str
    requirement: str                # what exactly is needed (原件, 盖章, 有效期内 ...)


@dataclass(frozen=True)
class MissingMaterialsNoticeData:
    case_number: str
    item_name: str
    applicant_name: str
    missing: tuple[MissingMaterial, ...]
    deadline: date | str
    office: str
    office_phone: str
    issued_at: datetime
    follow_url: str
    footer: Footer


def missing_materials_notice(data: MissingMaterialsNoticeData) -> Document:
    ops = _title("一次性告知单", data.footer.site_name)
    ops.append(Table((("办件编号", data.case_number), ("办理事项", data.item_name), *_applicant(data.applicant_name),
                      ("告知时间", fmt_time(data.issued_at)))))
    ops.append(Rule())
    ops.append(Text("经审查，您的申请材料需补正以下内容（本单一次性告知全部需补正材料）：", bold=True))
    for i, item in enumerate(data.missing, 1):
        ops.append(Text(f"{i}. {item.name}", indent=3))
        ops.append(Text(f"   要求：{item.requirement}", indent=9))
    ops.append(Rule())
    ops.append(Table((("补正期限", fmt_date(data.deadline)), ("补正地点", data.office), ("咨询电话", data.office_phone))))
    ops.extend(_qr(data.follow_url, caption="扫码查看告知内容和办理进度"))
    ops += _footer(data.footer, ("补齐材料后可在本机或窗口提交，无需重新排队。",))
    return Document("notice", tuple(ops), fallback_qr=data.follow_url, headline=data.case_number)


# ---- 测试页: the technician's test page --------------------------------------------------------------------------

SAMPLE_CHINESE = "中文样张：，。、；！？“引号”（括号）《书名》￥12.50 面积120㎡ ①②③ 〇—…℃ 鑫堃喆 䶮"
CODEC_SAMPLE = "浏阳市政务服务 ￥㎡①"


@dataclass(frozen=True)
class TestPageData:
    __test__ = False                # not a pytest test class

    footer: Footer
    uri: str
    encoding: str
    paper_width_mm: int
    columns: int
    qr_mode: str
    codecs: tuple[str, ...] = field(default=SUPPORTED_CODECS)


def technician_test_page(data: TestPageData) -> Document:
    f = data.footer
    ops = _title("打印机测试页", f.site_name)
    ops.append(Table((("终端编号", f.terminal_id), ("日期", fmt_time(f.printed_at)), ("打印机", data.uri),
                      ("编码", data.encoding), ("纸宽", f"{data.paper_width_mm}mm / {data.columns}列"),
                      ("二维码", data.qr_mode))))
    ops.append(Rule())
    ops.append(Text("字符样张 / sample text", bold=True))
    ops.append(Text(SAMPLE_CHINESE))
    ops.append(Text("ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789"))
    ops.append(Text(("1234567890" * 7)[: data.columns]))   # the last digit must touch the right edge
    ops.append(Rule())
    ops.append(Text("编码测试：哪一行印出正确的中文，就把 devices.printer.encoding 设为该编码", bold=True))
    ops.append(Text("Codec check: set devices.printer.encoding to the line that prints right"))
    for codec in data.codecs:
        ops.append(CodecSample(codec, f"[{codec:<7}] {CODEC_SAMPLE}"))
    ops.append(Rule())
    ops.append(Text("居左 left", align="left"))
    ops.append(Text("居中 center", align="center"))
    ops.append(Text("居右 right", align="right"))
    ops.append(Text("倍高倍宽 2x", size=2))
    ops.append(Rule())
    ops.append(QR(f.terminal_id, caption=f"终端二维码 {f.terminal_id}"))
    ops += _footer(f)
    return Document("test", tuple(ops), fallback_qr=f.terminal_id, headline=f.terminal_id)
