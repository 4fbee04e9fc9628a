"""CentralClient against the real reference service on loopback: signing, typed results, typed errors."""
from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests
from api_support import DEMO_ID, DEMO_SECRET, CentralProcess, case_payload

from central.timeutil import local_today  # the service's day (Asia/Shanghai), not this machine's
from kiosk.api import errors, signing
from kiosk.api.client import CentralClient, new_idempotency_key
from kiosk.api.errors import ClockSkew, Offline, Rejected


def test_time_health_and_a_signed_get_are_accepted(client: CentralClient) -> None:
    t = client.server_time()
    assert abs(t.unix - time.time()) < 5
    assert client.clock_skew_s is not None and abs(client.clock_skew_s) < 3
    assert client.health()["status"] == "ok"
    region = client.regions()
    assert region.region.code == "430181" and region.children
    assert region.children[0].parent_code == "430181"


def _raw_signed_get(central: CentralProcess, path: str, *, ts: int | None = None, nonce: str | None = None,
                    secret: bytes = DEMO_SECRET) -> tuple[requests.Response, dict[str, str]]:
    headers = signing.sign_headers(DEMO_ID, secret, "GET", path, b"", ts or int(time.time()), nonce)
    return requests.get(central.url + path, headers=headers, timeout=5), headers


def test_replayed_request_is_refused(central: CentralProcess) -> None:
    path = "/api/v1/evaluations/tags"
    first, headers = _raw_signed_get(central, path)
    assert first.status_code == 200
    replay = requests.get(central.url + path, headers=headers, timeout=5)
    assert replay.status_code == 401
    err = errors.error_from_response(replay.status_code, replay.headers, replay.content, time.time())
    assert isinstance(err, Rejected) and err.code == "nonce_reused"


def test_stale_and_forged_requests_are_refused(central: CentralProcess) -> None:
    path = "/api/v1/evaluations/tags"
    stale, _ = _raw_signed_get(central, path, ts=int(time.time()) - 301)
    assert stale.status_code == 401 and stale.json()["code"] == "clock_skew"
    future, _ = _raw_signed_get(central, path, ts=int(time.time()) + 400)
    assert future.json()["code"] == "clock_skew"
    forged, _ = _raw_signed_get(central, path, secret=b"not-the-secret")
    assert forged.status_code == 401 and forged.json()["code"] == "signature_invalid"
    unsigned = requests.get(central.url + path, timeout=5)
    assert unsigned.status_code == 401 and unsigned.json()["code"] == "unsigned"


def test_wrong_secret_is_a_typed_error_with_plain_messages(central: CentralProcess) -> None:
    c = CentralClient(central.url, DEMO_ID, b"wrong")
    with pytest.raises(Rejected) as exc:
        c.evaluation_tags()
    assert exc.value.code == "signature_invalid" and exc.value.terminal_problem
    assert "终端" in exc.value.message_zh and "terminal" in exc.value.message_en
    c.close()


def test_clock_skew_is_measured_and_reported_not_a_generic_failure(central: CentralProcess) -> None:
    reported: list[float] = []
    c = CentralClient(central.url, DEMO_ID, DEMO_SECRET, correct_clock=False, on_clock_skew=reported.append)
    c.signer._clock = lambda: time.time() - 600  # this terminal's RTC is 10 minutes slow
    c.http._clock = c.signer._clock
    with pytest.raises(ClockSkew) as exc:
        c.evaluation_tags()
    assert exc.value.skew_s is not None and 590 < exc.value.skew_s < 610
    assert "时间" in exc.value.message_zh
    assert reported and 590 < reported[0] < 610
    # with correction on (the default) the same terminal keeps working and still reports the skew
    c.signer.correct_clock = True
    assert "满意" in c.evaluation_tags().levels
    assert c.clock_skew_s is not None and 590 < c.clock_skew_s < 610
    c.close()


def test_typed_results_for_catalogue_guide_and_regions(client: CentralClient) -> None:
    page = client.catalogue_items()
    assert page.full and len(page.items) >= 1500 and page.etag
    item = next(i for i in page.items if i["has_guide"])
    one = client.catalogue_item(item["code"])
    assert one.code == item["code"] and one.updated_at.tzinfo is not None
    guide = client.guide(item["code"])
    assert guide.item.code == item["code"] and len(guide.elements) == 13 and guide.materials
    assert [a.order for a in guide.attributes] == sorted(a.order for a in guide.attributes)
    no_guide = next(i for i in page.items if not i["has_guide"])
    with pytest.raises(Rejected) as exc:
        client.guide(no_guide["code"])
    assert exc.value.code == "guide_not_available" and exc.value.status == 404
    township = client.regions().children[0]
    villages = client.regions(township.code)
    assert villages.region.code == township.code
    assert all(v.parent_code == township.code for v in villages.children)


def test_case_submit_lookup_and_my_cases(client: CentralClient) -> None:
    body = case_payload(client, id_number="430181198001010011", phone="13900001111")
    key = new_idempotency_key()
    case = client.submit_case(body, key)
    assert case.case_number.startswith("LY") and case.state == "已提交" and case.qr_token
    assert case.applicant.phone == "139****1111" and "欧" in case.applicant.name and "*" in case.applicant.name
    again = client.submit_case(body, key)  # same key, same body: the original answer
    assert again.case_number == case.case_number
    with pytest.raises(Rejected) as conflict:
        client.submit_case({**body, "form": {**body["form"], "extra_field": "x"}}, key)
    assert conflict.value.code == "idempotency_conflict" and not conflict.value.retryable
    other = CentralClient(client.http.base_url, DEMO_ID, DEMO_SECRET)
    found = other.lookup_case(case.case_number, verifier="1111")
    assert found.case_number == case.case_number and found.history[0].state == "已提交"
    with pytest.raises(Rejected) as nf:
        other.lookup_case(case.case_number, verifier="9999")
    assert nf.value.code == "not_found" and "核对" in nf.value.message_zh
    assert case.qr_token is not None
    assert other.lookup_case(case.case_number, verifier=case.qr_token).case_number == case.case_number
    mine = client.my_cases("430181198001010011")
    assert [c.case_number for c in mine.cases].count(case.case_number) == 1
    assert all(c.case_number != case.case_number for c in client.my_cases("430181198001010029").cases)
    # Paged newest first: a second case, one per page, the cursor walks to the older one and stops.
    newer = client.submit_case(body, new_idempotency_key())
    first = client.my_cases("430181198001010011", limit=1)
    assert [c.case_number for c in first.cases] == [newer.case_number] and first.next_cursor == newer.case_number
    second = client.my_cases("430181198001010011", limit=1, cursor=first.next_cursor)
    assert [c.case_number for c in second.cases] == [case.case_number]
    with pytest.raises(Rejected) as foreign:   # another citizen's case number is no cursor of this search
        client.my_cases("430181198001010029", cursor=newer.case_number)
    assert foreign.value.code == "validation_failed"
    other.close()


def test_validation_errors_are_typed_and_permanent(client: CentralClient) -> None:
    body = case_payload(client)
    body["service_code"] = "NO-SUCH-ITEM"
    with pytest.raises(Rejected) as exc:
        client.submit_case(body, new_idempotency_key())
    assert exc.value.code == "validation_failed" and not exc.value.retryable
    assert "核对" in exc.value.message_zh


def test_appointments_queue_and_check_in(client: CentralClient) -> None:
    units = client.appointment_units()
    assert units and all(u.services for u in units)
    hall = next(u for u in units if u.hall)
    service = hall.services[0]
    days = client.appointment_days(service.id)
    assert days[0].date >= date.today() - timedelta(days=1)
    open_day = next(d for d in days if d.open and d.remaining > 0)
    slots = client.appointment_slots(service.id, open_day.date)
    slot = next(s for s in slots if s.remaining > 0)
    applicant = {"name": "欧阳菊花", "id_number": "430181195803120037", "phone": "13812341234"}
    key = new_idempotency_key()
    appt = client.book_appointment(service.id, open_day.date, slot.start, applicant, idempotency_key=key)
    assert appt.state == "booked" and appt.applicant.phone == "138****1234"
    assert client.book_appointment(service.id, open_day.date, slot.start, applicant,
                                   idempotency_key=key).appointment_number == appt.appointment_number
    assert appt.appointment_number in [a.appointment_number for a in client.my_appointments("430181195803120037")]
    cancelled = client.cancel_appointment(appt.appointment_number, "1234")
    assert cancelled.state == "cancelled"
    ticket = client.take_ticket(service.id)
    assert ticket.ticket_number.startswith(service.window_group) and not ticket.priority
    status = client.queue_status(hall.id)
    assert status["unit_id"] == hall.id
    today = next((d for d in days if d.date == local_today() and d.open and d.remaining > 0), None)
    if today is not None:
        free = [s for s in client.appointment_slots(service.id, today.date) if s.remaining > 0]
        if free:
            a2 = client.book_appointment(service.id, today.date, free[-1].start, applicant,
                                         idempotency_key=new_idempotency_key())
            t2 = client.check_in(a2.appointment_number, "1234")
            assert t2.priority and t2.appointment_number == a2.appointment_number


def test_help_intermediaries_evaluations_heartbeat_staff(client: CentralClient) -> None:
    key = new_idempotency_key()
    help_req = client.request_help({"kind": "代办", "applicant": {"name": "欧阳菊花", "phone": "13812341234"},
                                    "reason": "行动不便"}, key)
    assert help_req.request_number.startswith("BD") and help_req.state == "已登记"
    assert client.help_request(help_req.request_number, "1234").request_number == help_req.request_number
    providers = client.intermediaries()
    assert providers.categories and providers.providers
    p = client.intermediary(providers.providers[0].id)
    assert p.services and p.name == providers.providers[0].name
    only = client.intermediaries(providers.categories[0])
    assert all(x.category == providers.categories[0] for x in only.providers)
    rating = client.rate_intermediary(p.id, 5, "收费透明", idempotency_key=new_idempotency_key())
    assert rating.intermediary_id == p.id and rating.rating_count >= 1
    tags = client.evaluation_tags()
    item_code = client.catalogue_items().items[0]["code"]
    ev = client.evaluate({"level": "不满意", "tags": tags.tags["不满意"][:1], "comment": "",
                          "service_code": item_code}, new_idempotency_key())
    assert ev.level == "不满意" and ev.follow_up is not None
    ack = client.heartbeat(version="0.1.0", uptime_s=10, devices={"idcard": "ok", "printer": "unknown"},
                           outbox_depth=0, last_errors=["printer_cover_open"])
    assert ack.server_time.tzinfo is not None
    call = client.call_staff("help", "home")
    assert call.state == "open" and call.message
    assert client.report_events([{"time": "2026-11-26T10:00:00+08:00", "kind": "info", "code": "boot",
                                  "detail": ""}]) == 1


def test_unreachable_server_is_offline_not_a_crash(tmp_path: Path) -> None:
    from helpers.central_server import free_port

    c = CentralClient(f"http://127.0.0.1:{free_port()}", DEMO_ID, DEMO_SECRET, connect_timeout_s=0.5,
                      get_retries=0)
    with pytest.raises(Offline) as exc:
        c.evaluation_tags()
    assert exc.value.code == "unreachable" and exc.value.retryable and "连接" in exc.value.message_zh
    c.close()


def test_config_errors_name_the_key(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"ca_bundle"):
        CentralClient("https://central.example", DEMO_ID, DEMO_SECRET, ca_bundle=str(tmp_path / "missing.pem"))
