"""Kept-alive connections the central service has closed (the 取号 screen's 网络不通 on a healthy network).

uvicorn closes a connection idle for its keep-alive timeout (5 s by default; 1 s here). urllib3 drops a pooled
connection whose close has already arrived (`is_connection_dropped` polls the socket), so on a bare loopback a
request fails only when it leaves within a millisecond or two of the server's close (measured: 0 failures at
idle 1.003 s and beyond, 4 to 8 failures in 25 at 0.999 to 1.000 s). When the close is still on the wire (a
slow link) or held back by a relay on the way (an L4 proxy, NAT or load balancer; here the fault proxy, which
like them keeps our side open until we speak), *every* request after the idle goes into a dead connection and
fails with RemoteDisconnected before any answer: GETs too (urllib3 counts that as a read error, and reads are
not retried), and the server never saw them.

Real parts: the reference service under uvicorn with `--timeout-keep-alive 1`, the fault proxy on loopback.
"Idle past the keep-alive" is a condition, not a sleep: the server has closed every connection it holds
(read from the kernel's socket table, /proc/net/tcp).
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import DEMO_ID, DEMO_SECRET, CentralProcess, CentralServer, wait_until
from helpers.fault_proxy import FaultProxy

from kiosk.api.client import CentralClient, new_idempotency_key
from kiosk.api.errors import Offline

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/net/tcp")

SERVER_KEEP_ALIVE_S = 1
RESENT = "sent again on a new connection"


@pytest.fixture(scope="module")
def short_keepalive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralProcess]:
    with CentralServer(tmp_path_factory.mktemp("central-ka"),
                       serve_args=["--timeout-keep-alive", str(SERVER_KEEP_ALIVE_S)]) as server:
        yield server


@pytest.fixture()
def relay(short_keepalive: CentralProcess) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", short_keepalive.port) as p:
        yield p


def server_connections(port: int) -> int:
    """Connections the server side of 127.0.0.1:port holds ESTABLISHED (state 01 in /proc/net/tcp)."""
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port and fields[3] == "01":
            count += 1
    return count


def idle_past_keep_alive(server: CentralProcess) -> None:
    """Wait until the server has closed every kept-alive connection (its keep-alive expired)."""
    assert wait_until(lambda: server_connections(server.port) == 0, timeout=30), "the server kept its connections"


def tickets(server: CentralProcess) -> int:
    return int(server.query("SELECT count(*) FROM queue_tickets")[0][0])


def make_client(url: str, keepalive_idle_s: float) -> CentralClient:
    return CentralClient(url, DEMO_ID, DEMO_SECRET, connect_timeout_s=2, read_timeout_s=5, lookup_deadline_s=10,
                         keepalive_idle_s=keepalive_idle_s)


def a_service(client: CentralClient) -> str:
    return next(s.id for u in client.appointment_units() for s in u.services)


def ticket_after_idle(client: CentralClient, server: CentralProcess, relay: FaultProxy,
                      caplog: pytest.LogCaptureFixture) -> tuple[int, int, bool]:
    """Idle past the server's keep-alive, take a ticket: (tickets issued, requests through the relay, re-sent?)."""
    service = a_service(client)
    idle_past_keep_alive(server)
    before, seen = tickets(server), relay.requests_seen
    with caplog.at_level(logging.INFO, logger="kiosk.api.http"):
        assert client.take_ticket(service).ticket_number
    return tickets(server) - before, relay.requests_seen - seen, RESENT in caplog.text


def test_connection_idle_past_the_limit_is_not_reused(short_keepalive: CentralProcess, relay: FaultProxy,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    """The fix proper: the client's limit (0.5 s) is below the server's keep-alive (1 s), so after the idle the
    ticket goes out on a new connection: it succeeds without any re-send, and exactly one ticket exists."""
    client = make_client(relay.url, keepalive_idle_s=0.5)
    try:
        assert ticket_after_idle(client, short_keepalive, relay, caplog) == (1, 1, False)
        assert client.appointment_units()  # and a GET after another idle
    finally:
        client.close()


def test_connection_within_the_limit_is_still_reused(short_keepalive: CentralProcess) -> None:
    client = make_client(short_keepalive.url, keepalive_idle_s=30)
    try:
        idle_past_keep_alive(short_keepalive)
        for _ in range(3):
            assert client.appointment_units()
        assert server_connections(short_keepalive.port) == 1
    finally:
        client.close()


def test_post_with_idempotency_key_is_sent_again_once_on_a_new_connection(
        short_keepalive: CentralProcess, relay: FaultProxy, caplog: pytest.LogCaptureFixture) -> None:
    """A server whose keep-alive is shorter than the client's limit (here 1 s against 60 s): the reused
    connection is dead; the ticket (Idempotency-Key) is sent once more, freshly signed, and issued once."""
    client = make_client(relay.url, keepalive_idle_s=60)
    try:
        assert ticket_after_idle(client, short_keepalive, relay, caplog) == (1, 2, True)
    finally:
        client.close()


def test_get_is_sent_again_on_a_new_connection(short_keepalive: CentralProcess, relay: FaultProxy,
                                               caplog: pytest.LogCaptureFixture) -> None:
    client = make_client(relay.url, keepalive_idle_s=60)
    try:
        assert client.appointment_units()
        idle_past_keep_alive(short_keepalive)
        seen = relay.requests_seen
        with caplog.at_level(logging.INFO, logger="kiosk.api.http"):
            assert client.appointment_units()
        assert relay.requests_seen == seen + 2 and RESENT in caplog.text
    finally:
        client.close()


def test_post_without_idempotency_key_is_never_sent_again(short_keepalive: CentralProcess,
                                                          relay: FaultProxy) -> None:
    """The house rule holds: a POST without a key on a dead connection is Offline, sent once."""
    client = make_client(relay.url, keepalive_idle_s=60)
    try:
        assert client.appointment_units()
        idle_past_keep_alive(short_keepalive)
        seen = relay.requests_seen
        with pytest.raises(Offline) as exc:
            client.heartbeat(version="test", uptime_s=1, devices={"printer": "ok"})
        assert exc.value.code == "connection_lost"
        assert relay.requests_seen == seen + 1
        assert client.appointment_units()  # the next call opens a new connection
    finally:
        client.close()


def test_cancel_is_keyed_so_a_dead_connection_does_not_lose_it(short_keepalive: CentralProcess, relay: FaultProxy,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    """Cancel (and check-in) carry an Idempotency-Key, so the one-time re-send covers them: the cancel after
    the idle is sent again on a new connection and done once (it was Offline 'connection_lost' before)."""
    client = make_client(relay.url, keepalive_idle_s=60)
    try:
        service = a_service(client)
        day = next(d for d in client.appointment_days(service) if d.open and d.remaining > 0)
        slot = next(s for s in client.appointment_slots(service, day.date) if s.remaining > 0)
        appt = client.book_appointment(service, day.date, slot.start, {
            "name": "欧阳菊花", "id_number": "430181195803120037", "phone": "13812345678"},
            idempotency_key=new_idempotency_key())
        idle_past_keep_alive(short_keepalive)
        seen = relay.requests_seen
        with caplog.at_level(logging.INFO, logger="kiosk.api.http"):
            assert client.cancel_appointment(appt.appointment_number, "5678").state == "cancelled"
        assert relay.requests_seen == seen + 2 and RESENT in caplog.text
    finally:
        client.close()
