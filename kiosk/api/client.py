"""CentralClient: every contract resource the kiosk uses, as typed methods (docs/api/openapi.json, /api/v1).

Blocking by design (requests): call it from a worker (kiosk.tasks.run_in_background) or the sync worker,
never from the GUI thread. Every call has (connect, read) timeouts; citizen-facing calls also have an
overall deadline (`lookup_deadline_s`). Errors are kiosk.api.errors types with zh/en messages.

POSTs that create something take an `idempotency_key`; the GUI passes the same key when the citizen
retries the same action (new_idempotency_key() makes one). Submissions, evaluations and help requests go
through the outbox instead (kiosk.api.outbox + sync.SyncWorker), which owns their keys.
"""
from __future__ import annotations

import ipaddress
import json
import logging
import time
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

from kiosk.api import models as m
from kiosk.api.errors import ApiError, Rejected, ServerError, error_from_response
from kiosk.api.outbox import OutboxRecord
from kiosk.api.signing import Signer
from kiosk.api.transport import DEFAULT_MAX_IDLE_S, Reply, Transport

log = logging.getLogger("kiosk.api.client")

EMBEDDED_URL = "http://127.0.0.1:8600"
DEMO_TERMINAL_ID = "LY-DEMO-0001"
DEMO_SECRET = b"demo-terminal-secret"
API_PREFIX = "/api/v1"

T = TypeVar("T")


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


def _seg(value: str) -> str:
    """A path segment, percent-encoded (case numbers and codes are ASCII, but never trust that)."""
    return quote(str(value), safe="")


def _parse(cls: type[T], data: Any) -> T:
    try:
        return m.from_json(cls, data)
    except m.BadResponse as exc:
        raise ServerError("bad_response", detail=str(exc)) from None


def _parse_list(cls: type[T], data: Any, key: str) -> list[T]:
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise ServerError("bad_response", detail=f"expected a list under {key!r}")
    return [_parse(cls, x) for x in data[key]]


class CentralClient:
    """The kiosk's client of the central service. Thread-safe for concurrent calls from worker threads."""

    def __init__(
        self,
        base_url: str,
        terminal_id: str,
        secret: bytes,
        *,
        connect_timeout_s: float = 3.0,
        read_timeout_s: float = 10.0,
        lookup_deadline_s: float = 15.0,
        ca_bundle: str | None = None,
        client_cert: str | None = None,
        client_key: str | None = None,
        get_retries: int = 2,
        correct_clock: bool = True,
        on_clock_skew: Any = None,
        keepalive_idle_s: float = DEFAULT_MAX_IDLE_S,
    ) -> None:
        base_url = base_url.rstrip("/")
        if not base_url.endswith(API_PREFIX):
            base_url += API_PREFIX
        for label, path in (("ca_bundle", ca_bundle), ("client_cert", client_cert), ("client_key", client_key)):
            if path and not Path(path).is_file():
                raise ValueError(f"[central] {label} = {path!r}: no such file (give a PEM file path, or leave it empty)")
        cert: str | tuple[str, str] | None = None
        if client_cert:
            cert = (client_cert, client_key) if client_key else client_cert
        self.terminal_id = terminal_id
        self.lookup_deadline_s = lookup_deadline_s
        self.signer = Signer(terminal_id, secret, correct_clock=correct_clock)
        self.http = Transport(
            base_url, self.signer, connect_timeout_s=connect_timeout_s, read_timeout_s=read_timeout_s,
            verify=ca_bundle or True, cert=cert, get_retries=get_retries, on_clock_skew=on_clock_skew,
            max_idle_s=keepalive_idle_s,
        )

    @classmethod
    def from_config(cls, config: Any, *, base_url: str | None = None, **kwargs: Any) -> CentralClient:
        """Build from KioskConfig ([terminal] id, [central] ...). `base_url` overrides "embedded"'s address."""
        c = config.central
        url = base_url or (EMBEDDED_URL if c.url == "embedded" else c.url)
        if c.terminal_secret_file:
            try:
                secret = Path(c.terminal_secret_file).expanduser().read_bytes().strip()
            except OSError as exc:
                raise ValueError(f"[central] terminal_secret_file = {c.terminal_secret_file!r} cannot be read "
                                 f"({exc.strerror}); give the file holding this terminal's key") from None
        else:
            host = urlsplit(url).hostname or ""
            if c.url != "embedded" and not _is_loopback(host):
                raise ValueError("[central] terminal_secret_file is empty but url points to a real service; "
                                 "the demo key only works with url = \"embedded\"")
            secret = DEMO_SECRET
        terminal_id = config.terminal.id or DEMO_TERMINAL_ID
        return cls(url, terminal_id, secret, connect_timeout_s=c.connect_timeout_s, read_timeout_s=c.read_timeout_s,
                   lookup_deadline_s=c.lookup_deadline_s, ca_bundle=c.ca_bundle or None,
                   client_cert=c.client_cert or None, client_key=c.client_key or None,
                   keepalive_idle_s=c.keepalive_idle_s, **kwargs)

    def close(self) -> None:
        self.http.close()

    @property
    def clock_skew_s(self) -> float | None:
        """Server minus local seconds, from the last answer's Date header (None before any answer)."""
        return self.http.clock_skew_s

    # ---- low level ---------------------------------------------------------------------------------
    def _get(self, path: str, params: Mapping[str, Any] | None = None, *, interactive: bool = True) -> Any:
        deadline = self.lookup_deadline_s if interactive else None
        return self.http.request("GET", path, params=params, deadline_s=deadline).data

    def _post(self, path: str, body: Any, *, key: str | None = None, interactive: bool = True,
              ok: tuple[int, ...] = (200, 201)) -> Any:
        headers = {"Idempotency-Key": key} if key else None
        deadline = self.lookup_deadline_s if interactive else None
        return self.http.request("POST", path, json_body=body, headers=headers, deadline_s=deadline, ok=ok).data

    # ---- system ------------------------------------------------------------------------------------
    def server_time(self) -> m.ServerTime:
        """GET /time (unsigned); also refreshes the clock-skew estimate."""
        return _parse(m.ServerTime, self._get("/time", interactive=False))

    def health(self) -> dict[str, Any]:
        data = self._get("/health", interactive=False)
        if not isinstance(data, dict):
            raise ServerError("bad_response", detail="health answer is not an object")
        return data

    def heartbeat(self, *, version: str, uptime_s: int, devices: Mapping[str, str], paper: str = "unknown",
                  outbox_depth: int = 0, last_errors: list[str] | None = None,
                  catalogue_as_of: datetime | None = None) -> m.HeartbeatAck:
        body = {"version": version, "uptime_s": int(uptime_s), "devices": dict(devices), "paper": paper,
                "outbox_depth": int(outbox_depth), "last_errors": list(last_errors or [])[:20],
                "clock_skew_s": None if self.clock_skew_s is None else round(self.clock_skew_s, 1),
                "catalogue_as_of": catalogue_as_of.isoformat() if catalogue_as_of else None}
        return _parse(m.HeartbeatAck, self._post("/terminals/heartbeat", body, interactive=False))

    def report_events(self, events: list[Mapping[str, Any]]) -> int:
        """POST /terminals/events: [{"time", "kind", "code", "detail"}] (codes only, no personal data)."""
        data = self._post("/terminals/events", {"events": list(events)}, interactive=False, ok=(200, 202))
        accepted = data.get("accepted") if isinstance(data, dict) else None
        if not isinstance(accepted, int) or isinstance(accepted, bool):
            raise ServerError("bad_response", detail="events answer without an integer 'accepted'")
        return accepted

    def call_staff(self, reason: str, screen: str = "", *, idempotency_key: str | None = None) -> m.StaffCall:
        return _parse(m.StaffCall, self._post("/staff-calls", {"reason": reason, "screen": screen},
                                              key=idempotency_key or new_idempotency_key()))

    # ---- catalogue ---------------------------------------------------------------------------------
    def catalogue_items(self, since: datetime | str | None = None, etag: str | None = None) -> m.CataloguePage:
        """GET /catalogue/items (full, or changed since `since`); 304 -> CataloguePage(not_modified=True)."""
        params = {}
        if since:
            params["since"] = since.isoformat() if isinstance(since, datetime) else since
        headers = {"If-None-Match": etag} if etag else None
        reply: Reply = self.http.request("GET", "/catalogue/items", params=params or None, headers=headers,
                                         ok=(200, 304))
        new_etag = reply.headers.get("ETag") or etag
        if reply.status == 304:
            return m.CataloguePage([], new_etag, None, False, not_modified=True)
        data = reply.data
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise ServerError("bad_response", detail="catalogue page without items")
        as_of = m._convert(datetime | None, data.get("as_of"), "as_of") if data.get("as_of") else None
        return m.CataloguePage(list(data["items"]), new_etag, as_of, bool(data.get("full")))

    def catalogue_item(self, code: str) -> m.CatalogueItem:
        return _parse(m.CatalogueItem, self._get(f"/catalogue/items/{_seg(code)}"))

    def guide(self, code: str) -> m.Guide:
        """GET /catalogue/items/{code}/guide; 404 "guide_not_available" when the item has none."""
        data = self._get(f"/catalogue/items/{_seg(code)}/guide")
        try:
            return m.Guide(
                item=m.from_json(m.CatalogueItem, data["item"]),
                materials=[m.from_json(m.Material, x) for x in data["materials"]],
                attributes=sorted((m.from_json(m.FormAttribute, x) for x in data["form"]["attributes"]),
                                  key=lambda a: a.order),
                delivery=m.from_json(m.DeliveryOptions, data["delivery"]),
                elements=[m.from_json(m.GuideElement, x) for x in data["elements"]],
                visits=int(data["visits"]), raw=data)
        except (KeyError, TypeError, ValueError) as exc:
            raise ServerError("bad_response", detail=f"guide: {type(exc).__name__} {exc}") from None

    def regions(self, code: str | None = None) -> m.RegionList:
        """GET /regions (county + townships) or /regions/{code} (a region and its children)."""
        return _parse(m.RegionList, self._get("/regions" if not code else f"/regions/{_seg(code)}"))

    # ---- cases -------------------------------------------------------------------------------------
    def submit_case(self, body: Mapping[str, Any], idempotency_key: str, *, interactive: bool = False) -> m.Case:
        """POST /cases. Normally called by the sync worker with the outbox record's key."""
        return _parse(m.Case, self._post("/cases", dict(body), key=idempotency_key, interactive=interactive))

    def submit_cases(self, items: list[tuple[str, Mapping[str, Any]]]) -> list[m.Case | ApiError]:
        """POST /cases/batch: several (idempotency_key, body) at once, one durable commit on the server.

        Returns, per item and in order, the case or the typed error POST /cases would have raised for it
        (a refused item does not stop the others). A failure of the whole request raises as usual."""
        if not items:
            return []
        body = {"items": [{"idempotency_key": key, "case": dict(case)} for key, case in items]}
        data = self._post("/cases/batch", body, interactive=False, ok=(200,))
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list) or len(results) != len(items):
            raise ServerError("bad_response", detail="batch answer without one result per item")
        out: list[m.Case | ApiError] = []
        now = time.time()
        for (key, _case), res in zip(items, results, strict=True):
            if not isinstance(res, dict) or res.get("idempotency_key") != key:
                raise ServerError("bad_response", detail="batch results do not follow the items' order")
            status = res.get("status")
            if not isinstance(status, int) or isinstance(status, bool):
                raise ServerError("bad_response", detail="batch result without an integer status")
            if status in (200, 201) and isinstance(res.get("case"), dict):
                try:
                    out.append(m.from_json(m.Case, res["case"]))
                except m.BadResponse as exc:
                    out.append(ServerError("bad_response", status=status, detail=str(exc)))
                continue
            raw_problem = res.get("problem")
            problem: dict[str, Any] = raw_problem if isinstance(raw_problem, dict) else {}
            retry = problem.get("retry_after_s")
            headers: dict[str, str] = {}
            if isinstance(retry, (int, float)) and not isinstance(retry, bool) and retry >= 0:
                headers["Retry-After"] = str(int(retry))
            out.append(error_from_response(status, headers, json.dumps(problem).encode("utf-8"), now))
        return out

    def lookup_case(self, case_number: str, verifier: str | None = None) -> m.Case:
        """GET /cases/{n}?verifier= (last 4 phone digits or the QR token). 404 "not_found" for a wrong verifier."""
        params = {"verifier": verifier} if verifier else None
        return _parse(m.Case, self._get(f"/cases/{_seg(case_number.strip().upper())}", params))

    def my_cases(self, id_number: str, *, limit: int = 50, cursor: str | None = None) -> m.CasePage:
        """POST /cases/search: one page of the card holder's cases, newest first (the ID number travels only in
        the signed body); pass the page's next_cursor for the older ones."""
        body: dict[str, Any] = {"id_number": id_number, "limit": limit}
        if cursor is not None:
            body["cursor"] = cursor
        data = self._post("/cases/search", body)
        cases = _parse_list(m.CaseSummary, data, "cases")
        next_cursor = data.get("next_cursor")
        if next_cursor is not None and not isinstance(next_cursor, str):
            raise ServerError("bad_response", detail="next_cursor is not a string")
        return m.CasePage(cases, next_cursor)

    # ---- appointments and queue ----------------------------------------------------------------------
    def appointment_units(self) -> list[m.Unit]:
        return _parse_list(m.Unit, self._get("/appointments/units"), "units")

    def appointment_days(self, service_id: str) -> list[m.Day]:
        return _parse_list(m.Day, self._get(f"/appointments/services/{_seg(service_id)}/days"), "days")

    def appointment_slots(self, service_id: str, day: date) -> list[m.Slot]:
        data = self._get(f"/appointments/services/{_seg(service_id)}/slots", {"date": day.isoformat()})
        return _parse_list(m.Slot, data, "slots")

    def book_appointment(self, service_id: str, day: date, start: str, applicant: Mapping[str, Any],
                         *, idempotency_key: str) -> m.Appointment:
        """POST /appointments; 409 "slot_full" when taken meanwhile. Reuse the key if the citizen retries."""
        body = {"service_id": service_id, "date": day.isoformat(), "start": start, "applicant": dict(applicant)}
        return _parse(m.Appointment, self._post("/appointments", body, key=idempotency_key))

    def my_appointments(self, id_number: str) -> list[m.Appointment]:
        return _parse_list(m.Appointment, self._post("/appointments/search", {"id_number": id_number}), "appointments")

    def cancel_appointment(self, appointment_number: str, verifier: str, *,
                           idempotency_key: str | None = None) -> m.Appointment:
        """Keyed, so a lost answer is re-sent (and a retry with the same key replayed), not 409 for our own cancel."""
        return _parse(m.Appointment, self._post(f"/appointments/{_seg(appointment_number)}/cancel",
                                                {"verifier": verifier}, key=idempotency_key or new_idempotency_key()))

    def check_in(self, appointment_number: str, verifier: str, *, idempotency_key: str | None = None) -> m.Ticket:
        return _parse(m.Ticket, self._post(f"/appointments/{_seg(appointment_number)}/check-in",
                                           {"verifier": verifier}, key=idempotency_key or new_idempotency_key()))

    def take_ticket(self, service_id: str, *, idempotency_key: str | None = None) -> m.Ticket:
        return _parse(m.Ticket, self._post("/queue/tickets", {"service_id": service_id},
                                           key=idempotency_key or new_idempotency_key()))

    def queue_status(self, unit_id: str) -> dict[str, Any]:
        return dict(self._get(f"/queue/units/{_seg(unit_id)}"))

    # ---- help, intermediaries, evaluations ---------------------------------------------------------
    def request_help(self, body: Mapping[str, Any], idempotency_key: str, *, interactive: bool = False) -> m.HelpRequest:
        """POST /help-requests. Normally called by the sync worker with the outbox record's key."""
        return _parse(m.HelpRequest, self._post("/help-requests", dict(body), key=idempotency_key,
                                                interactive=interactive))

    def help_request(self, request_number: str, verifier: str | None = None) -> m.HelpRequest:
        params = {"verifier": verifier} if verifier else None
        return _parse(m.HelpRequest, self._get(f"/help-requests/{_seg(request_number)}", params))

    def intermediaries(self, category: str | None = None) -> m.IntermediaryList:
        return _parse(m.IntermediaryList, self._get("/intermediaries", {"category": category} if category else None))

    def intermediary(self, provider_id: str) -> m.Intermediary:
        return _parse(m.Intermediary, self._get(f"/intermediaries/{_seg(provider_id)}"))

    def rate_intermediary(self, provider_id: str, score: int, comment: str = "", *,
                          idempotency_key: str) -> m.Rating:
        return _parse(m.Rating, self._post(f"/intermediaries/{_seg(provider_id)}/ratings",
                                           {"score": int(score), "comment": comment}, key=idempotency_key))

    def evaluation_tags(self) -> m.EvaluationTags:
        return _parse(m.EvaluationTags, self._get("/evaluations/tags"))

    def evaluate(self, body: Mapping[str, Any], idempotency_key: str, *, interactive: bool = False) -> m.Evaluation:
        """POST /evaluations ({level, tags, comment, case_number | service_code}). Normally via the outbox."""
        return _parse(m.Evaluation, self._post("/evaluations", dict(body), key=idempotency_key,
                                               interactive=interactive))

    # ---- the outbox's sender -----------------------------------------------------------------------
    @staticmethod
    def _case_body(record: OutboxRecord, payload: dict[str, Any]) -> dict[str, Any]:
        body = dict(payload)
        body.setdefault("local_reference", record.local_ref)
        body.setdefault("client_created_at", record.created_at.isoformat())
        return body

    def send_outbox_batch(self, items: list[tuple[OutboxRecord, dict[str, Any]]]) -> list[str | ApiError]:
        """Deliver several queued cases at once (SyncWorker's `batch_sender`): per record, in order, the case
        number or the error of that record. Bodies are built exactly as send_outbox_record builds them, so a
        record may go alone on one try and in a batch on the next (the server sees the same submission)."""
        if any(record.kind != "case" for record, _ in items):
            raise ValueError("only queued cases are sent in a batch")
        answers = self.submit_cases([(record.idempotency_key, self._case_body(record, payload))
                                     for record, payload in items])
        return [a if isinstance(a, ApiError) else a.case_number for a in answers]

    def send_outbox_record(self, record: OutboxRecord, payload: dict[str, Any]) -> str:
        """Deliver one queued record (SyncWorker's `sender`); returns the server's reference number.

        Cases get the receipt's local reference and the local creation time added, deterministically, so the
        body is byte-identical on every retry (the server fingerprints it for idempotency).
        """
        if record.kind == "case":
            return self.submit_case(self._case_body(record, payload), record.idempotency_key).case_number
        if record.kind == "evaluation":
            return self.evaluate(payload, record.idempotency_key).evaluation_number
        if record.kind == "help_request":
            return self.request_help(payload, record.idempotency_key).request_number
        raise Rejected("unknown_kind", detail=f"outbox kind {record.kind}")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
