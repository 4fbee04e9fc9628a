"""Every receipt layout with arbitrary field values (any Unicode, long, empty, control characters), every
codec and both widths: the ESC/POS stream decodes (tests/printer/escpos_decode.py raises on any unexpected
command or stray control byte), every line fits, the QR payload survives, and a full ID number or phone
number in the applicant fields never reaches the paper in the clear.

The text layer alone with arbitrary Unicode: tests/printer/test_printer_properties.py.
"""
from __future__ import annotations

import sys
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import REPO, record_figures

sys.path.insert(0, str(REPO / "tests" / "printer"))

from escpos_decode import decode

from kiosk.devices.printer import receipts as r
from kiosk.devices.printer.encoder import EncodeOptions, encode_document
from kiosk.devices.printer.text import display_width

text = st.one_of(st.text(max_size=60), st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
                 st.sampled_from(["", " ", "\n", "\t", "\x1b@", "\x1d(k", "欧阳菊花", "𠀀𪚥", "Ω" * 300, "\u200b\ufeff"]))
texts = st.lists(text, max_size=5).map(tuple)
id_numbers = st.from_regex(r"\A[1-6][0-9]{16}[0-9X]\Z")
phones = st.from_regex(r"\A1[3-9][0-9]{9}\Z")
days = st.dates(date(1900, 1, 1), date(2200, 1, 1))
times = st.datetimes(datetime(1900, 1, 1), datetime(2200, 1, 1))
url = st.one_of(text, st.just("https://zw.liuyang.example/c/LY20261126-000123"))
footer = st.builds(r.Footer, site_name=text, terminal_id=text, printed_at=times)

case = st.builds(r.CaseReceiptData, case_number=text, item_name=text, applicant_name=text, submitted_at=times,
                 promised_date=st.one_of(days, text), materials=texts, delivery=st.sampled_from(["pickup", "express"]),
                 route=st.builds(r.CaseRoute, text, text, text, text), follow_url=url, footer=footer,
                 applicant_id_number=id_numbers, applicant_phone=phones, pickup_site=text, express_address=text,
                 offline_ref=st.text(min_size=1, max_size=30))
ticket = st.builds(r.QueueTicketData, number=text, service=text, window_group=text, waiting=st.integers(-10, 10**9),
                   issued_at=times, footer=footer, appointment=st.booleans())
appointment = st.builds(r.AppointmentSlipData, appointment_number=text, unit=text, service=text, day=days, slot=text,
                        applicant_name=text, address=text, lookup_url=url, footer=footer,
                        applicant_id_number=id_numbers, applicant_phone=phones)
guide = st.builds(r.ServiceGuideData, item_name=text, item_code=text, legal_basis=text, conditions=text,
                  materials=st.lists(st.builds(r.GuideMaterial, name=text, form=text, copies=st.integers(0, 99),
                                               source=text, electronic=st.booleans()), max_size=4).map(tuple),
                  process=texts, statutory_days=st.one_of(st.none(), st.integers(0, 999)),
                  promised_days=st.one_of(st.none(), st.integers(0, 999)), fee=text, locations=text, hours=text,
                  consult_phone=text, complaint_phone=text, visits=st.integers(0, 9), result_delivery=text,
                  guide_url=url, footer=footer)
progress = st.builds(r.ProgressSlipData, case_number=text, item_name=text, applicant_name=text, current_state=text,
                     history=st.lists(st.builds(r.ProgressEntry, at=times, state=text, office=text, note=text),
                                      max_size=4).map(tuple), follow_url=url, footer=footer)
notice = st.builds(r.MissingMaterialsNoticeData, case_number=text, item_name=text, applicant_name=text,
                   missing=st.lists(st.builds(r.MissingMaterial, text, text), max_size=4).map(tuple),
                   deadline=st.one_of(days, text), office=text, office_phone=text, issued_at=times, follow_url=url,
                   footer=footer)
LAYOUTS: dict[str, tuple[Any, Any]] = {"case": (case, r.case_receipt), "ticket": (ticket, r.queue_ticket),
                                       "appointment": (appointment, r.appointment_slip),
                                       "guide": (guide, r.service_guide), "progress": (progress, r.progress_slip),
                                       "notice": (notice, r.missing_materials_notice)}
COUNT = {k: 0 for k in LAYOUTS}


def _check(kind: str, data: Any, codec: str, columns: int, qr_mode: str) -> None:
    COUNT[kind] += 1
    doc = LAYOUTS[kind][1](data)
    encoded = encode_document(doc, EncodeOptions(codec=codec, columns=columns, qr_mode=qr_mode))
    result = decode(encoded.data, codec)
    assert result.cuts == 1
    for line in result.lines:
        assert display_width(line) <= columns, line
    printed = "\n".join(result.lines)
    for field in ("applicant_id_number", "applicant_phone"):
        secret = getattr(data, field, "")
        if secret:
            assert secret not in printed and secret not in "".join(result.lines), f"{field} in the clear"
    if qr_mode == "native" and result.qr_payloads:
        assert all(p for p in result.qr_payloads)


@pytest.mark.parametrize("kind", sorted(LAYOUTS))
def test_every_layout_with_arbitrary_fields(kind: str) -> None:
    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=LAYOUTS[kind][0], codec=st.sampled_from(["gb18030", "gbk", "utf-8"]), columns=st.sampled_from([32, 48]))
    def run(data: Any, codec: str, columns: int) -> None:
        _check(kind, data, codec, columns, "native")

    run()


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("kind", sorted(LAYOUTS))
def test_every_layout_with_arbitrary_fields_long(kind: str) -> None:
    @settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=LAYOUTS[kind][0], codec=st.sampled_from(["gb18030", "gbk", "utf-8"]), columns=st.sampled_from([32, 48]),
           qr_mode=st.sampled_from(["native", "image"]))
    def run(data: Any, codec: str, columns: int, qr_mode: str) -> None:
        _check(kind, data, codec, columns, qr_mode)

    run()


def test_zz_record_counts() -> None:
    if any(COUNT.values()):
        record_figures("fuzz", "receipts_slow" if max(COUNT.values()) > 1000 else "receipts", dict(COUNT))
