"""Fixtures of the reliability suite: one real reference central service per session, a fault proxy."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers.central_server import CentralServer
from helpers.fault_proxy import FaultProxy
from reliability_support import REPO  # noqa: F401  (puts tests/ and tests/api on sys.path)


@pytest.fixture(scope="session")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central")) as server:
        yield server


@pytest.fixture()
def proxy(central: CentralServer) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", central.port) as p:
        yield p
