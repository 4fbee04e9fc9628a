"""One real reference central service for all journey tests (seeding takes a few seconds)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.central_server import CentralServer


@pytest.fixture(scope="session")
def journey_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("journey-central")) as server:
        yield server


@pytest.fixture
def journey_central(journey_server: CentralServer) -> str:
    return journey_server.url
