"""Fixtures: the 1,500 real item names (copied from shared/reference) as a built catalogue cache."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.catalogue.importer import read_items
from kiosk.catalogue.store import CatalogueStore

DATA = Path(__file__).parent / "data"
REAL_TSV = DATA / "service-items.tsv"


@pytest.fixture(scope="session")
def real_items() -> list[dict[str, Any]]:
    items, _ = read_items(REAL_TSV)
    return items


@pytest.fixture(scope="session")
def real_store(tmp_path_factory: pytest.TempPathFactory, real_items: list[dict[str, Any]]) -> CatalogueStore:
    """One cache built from the real names for the whole session (building takes about a second)."""
    store = CatalogueStore(tmp_path_factory.mktemp("cat") / "catalogue.sqlite3")
    store.apply_changes(real_items, '"v1"')
    yield store
    store.close()


@pytest.fixture(autouse=True)
def _build_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build indexes in the test process: a spawned child per apply_changes costs ~0.5 s. The session's
    real_store (built before this runs) and test_build_isolation.py use the child process."""
    monkeypatch.setenv("KIOSK_CATALOGUE_BUILD_INPROCESS", "1")
