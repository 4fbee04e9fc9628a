"""Fixtures for the client tests: the REAL reference central service on loopback, a fault proxy, outboxes.

`central` is one session-wide reference server (tests/helpers/central_server.py, the central engineer's
helper: `python -m central serve` on a random free port, temp SQLite database, test hooks on).
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_support import (
    DEMO_ID,
    DEMO_SECRET,
    CentralProcess,
    CentralServer,
    unique_prefix,
)
from helpers.fault_proxy import FaultProxy

from kiosk.api.client import CentralClient
from kiosk.api.outbox import Outbox


@pytest.fixture(scope="session")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralProcess]:
    with CentralServer(tmp_path_factory.mktemp("central")) as server:
        yield server


@pytest.fixture()
def client(central: CentralProcess) -> Iterator[CentralClient]:
    c = CentralClient(central.url, DEMO_ID, DEMO_SECRET, connect_timeout_s=2, read_timeout_s=5, lookup_deadline_s=10)
    yield c
    c.close()


@pytest.fixture()
def proxy(central: CentralProcess) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", central.port) as p:
        yield p


@pytest.fixture()
def proxied_client(proxy: FaultProxy) -> Iterator[CentralClient]:
    c = CentralClient(proxy.url, DEMO_ID, DEMO_SECRET, connect_timeout_s=1, read_timeout_s=1.5, lookup_deadline_s=10,
                      get_retries=2)
    yield c
    c.close()


@pytest.fixture()
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox(tmp_path / "data" / "outbox.sqlite3", tmp_path / "conf" / "outbox.key", ref_prefix=unique_prefix()) as ob:
        yield ob


