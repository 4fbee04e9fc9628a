"""Sample data for every receipt kind: `kiosk print-sample KIND`, the demo, docs screenshots and tests.

The people are invented; the ID number has a valid check digit but belongs to no one, and is printed masked.
"""
from __future__ import annotations

from datetime import date, datetime

from kiosk.devices.printer.document import Document
from kiosk.devices.printer.receipts import (
    AppointmentSlipData,
    CaseReceiptData,
    CaseRoute,
    Footer,
    GuideMaterial,
    MissingMaterial,
    MissingMaterialsNoticeData,
    ProgressEntry,
    ProgressSlipData,
    QueueTicketData,
    ServiceGuideData,
    TestPageData,
    appointment_slip,
    case_receipt,
    missing_materials_notice,
    progress_slip,
    queue_ticket,
    service_guide,
    technician_test_page,
)
from kiosk.devices.printer.settings import PrinterSettings

KINDS: tuple[str, ...] = ("case", "ticket", "appointment", "guide", "progress", "notice")
FOLLOW_BASE = "https://zw.liuyang.example/c/"   # demo host; the real one comes from the central service
SAMPLE_CASE = "LY20261126-000123"
SAMPLE_ID = "430181199001010037"
SAMPLE_PHONE = "13812341234"
AT = datetime(2026, 11, 26, 9, 41)


def sample_footer(settings: PrinterSettings, at: datetime = AT) -> Footer:
    return Footer(settings.site_name, settings.terminal_id, at)


def sample_case(settings: PrinterSettings, offline: bool = False) -> CaseReceiptData:
    return CaseReceiptData(
        case_number="" if offline else SAMPLE_CASE,
        offline_ref="LOCAL-7F3A9C" if offline else "",
        item_name="老年人优待证办理",
        applicant_name="欧阳秀菊",
        applicant_id_number=SAMPLE_ID,
        applicant_phone=SAMPLE_PHONE,
        submitted_at=AT,
        promised_date=date(2026, 12, 3),
        materials=("居民身份证（电子证照调取）", "近期一寸免冠彩色照片 1张", "《老年人优待证申请表》"),
        delivery="pickup",
        pickup_site="集里街道神仙坳村便民服务站",
        route=CaseRoute("神仙坳村便民服务站", "集里街道便民服务中心", "神仙坳村便民服务站", "村受理-镇审核-村出件"),
        follow_url=FOLLOW_BASE + ("L/LOCAL-7F3A9C" if offline else SAMPLE_CASE),
        footer=sample_footer(settings),
    )


def sample_ticket(settings: PrinterSettings) -> QueueTicketData:
    return QueueTicketData("A023", "社会保障卡补换", "1-3号窗口（综合受理区）", 7, AT, sample_footer(settings))


def sample_appointment(settings: PrinterSettings) -> AppointmentSlipData:
    return AppointmentSlipData(
        appointment_number="YY20261128-0042", unit="浏阳市人社局", service="灵活就业人员参保登记",
        day=date(2026, 11, 28), slot="09:00-09:30", applicant_name="欧阳秀菊", applicant_id_number=SAMPLE_ID,
        applicant_phone=SAMPLE_PHONE, address="浏阳市市民之家二楼 B区", lookup_url="https://zw.liuyang.example/a/YY20261128-0042",
        footer=sample_footer(settings))


def sample_guide(settings: PrinterSettings) -> ServiceGuideData:
    return ServiceGuideData(
        item_name="老年人优待证办理", item_code="430181-GG-0042-001",
        legal_basis="《中华人民共和国老年人权益保障法》；《湖南省实施〈中华人民共和国老年人权益保障法〉办法》",
        conditions="年满60周岁、户籍或居住地在浏阳市的老年人。",
        materials=(
            GuideMaterial("居民身份证", "原件", 1, "公安机关", electronic=True),
            GuideMaterial("户口簿", "原件", 1, "公安机关", electronic=True),
            GuideMaterial("近期一寸免冠彩色照片", "原件", 1, "申请人自备"),
            GuideMaterial("《老年人优待证申请表》", "原件", 1, "窗口领取或自助机打印"),
        ),
        process=("申请", "受理", "审核", "制证", "领取"), statutory_days=20, promised_days=5,
        fee="不收费", locations="户籍所在地村（社区）便民服务站；集里街道便民服务中心",
        hours="周一至周五 8:30-12:00，14:30-17:30（法定节假日除外）", consult_phone="0731-83612345",
        complaint_phone="12345", visits=1, result_delivery="老年人优待证；窗口领取或免费邮寄",
        guide_url="https://zw.liuyang.example/g/430181-GG-0042-001", footer=sample_footer(settings))


def sample_progress(settings: PrinterSettings) -> ProgressSlipData:
    return ProgressSlipData(
        case_number=SAMPLE_CASE, item_name="老年人优待证办理", applicant_name="欧阳秀菊", current_state="审核中",
        history=(
            ProgressEntry(datetime(2026, 11, 26, 9, 41), "已提交", "神仙坳村便民服务站", "自助机提交"),
            ProgressEntry(datetime(2026, 11, 26, 10, 5), "已受理", "神仙坳村便民服务站"),
            ProgressEntry(datetime(2026, 11, 26, 15, 30), "审核中", "集里街道便民服务中心", "材料齐全，审核中"),
        ),
        follow_url=FOLLOW_BASE + SAMPLE_CASE, footer=sample_footer(settings, datetime(2026, 11, 27, 8, 50)))


def sample_notice(settings: PrinterSettings) -> MissingMaterialsNoticeData:
    return MissingMaterialsNoticeData(
        case_number="LY20261125-000087", item_name="生育登记", applicant_name="欧阳秀菊",
        missing=(MissingMaterial("结婚证", "夫妻双方结婚证原件及复印件各1份"),
                 MissingMaterial("《生育登记表》", "需夫妻双方签字并按手印，不得涂改")),
        deadline=date(2026, 12, 10), office="集里街道便民服务中心 3号窗口", office_phone="0731-83654321",
        issued_at=AT, follow_url=FOLLOW_BASE + "LY20261125-000087", footer=sample_footer(settings))


def sample_test_page(settings: PrinterSettings, at: datetime | None = None) -> TestPageData:
    return TestPageData(sample_footer(settings, at or datetime.now().replace(microsecond=0)), settings.uri,
                        settings.encoding, settings.paper_width_mm, settings.line_columns, settings.qr_mode)


def sample_document(kind: str, settings: PrinterSettings) -> Document:
    """The sample receipt of KIND (one of KINDS, or "test" for the technician's test page)."""
    if kind == "case":
        return case_receipt(sample_case(settings))
    if kind == "ticket":
        return queue_ticket(sample_ticket(settings))
    if kind == "appointment":
        return appointment_slip(sample_appointment(settings))
    if kind == "guide":
        return service_guide(sample_guide(settings))
    if kind == "progress":
        return progress_slip(sample_progress(settings))
    if kind == "notice":
        return missing_materials_notice(sample_notice(settings))
    if kind == "test":
        return technician_test_page(sample_test_page(settings))
    raise ValueError(f"unknown receipt kind {kind!r}; allowed: {', '.join(KINDS)}")
