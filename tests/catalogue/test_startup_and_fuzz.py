"""Loading the cache at start-up never imports pypinyin; search never raises, whatever is typed."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.catalogue.index import MATCH_KINDS
from kiosk.catalogue.store import CatalogueStore

REPO = Path(__file__).resolve().parents[2]

LOAD_AND_SEARCH = """
import json, sys
from kiosk.catalogue.store import CatalogueStore
store = CatalogueStore(sys.argv[1], create=False)
hits = [h.code for h in store.search("bdc", 3)] + [h.code for h in store.search("社保", 3)]
print(json.dumps({"pypinyin": "pypinyin" in sys.modules, "ready": store.index_ready, "hits": hits,
                  "browse": len(store.browse())}))
"""


def test_loading_a_store_does_not_import_pypinyin(real_store: CatalogueStore) -> None:
    out = subprocess.run([sys.executable, "-c", LOAD_AND_SEARCH, str(real_store.path)], cwd=REPO,
                         capture_output=True, text=True, timeout=60, check=True)
    result = json.loads(out.stdout)
    assert result["pypinyin"] is False
    assert result["ready"] is True and len(result["hits"]) == 6 and result["browse"] == len(real_store)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=80), limit=st.integers(min_value=-2, max_value=60))
def test_search_never_raises_on_any_unicode(real_store: CatalogueStore, query: str, limit: int) -> None:
    hits = real_store.search(query, limit)
    assert len(hits) <= max(limit, 0)
    assert len({h.code for h in hits}) == len(hits)
    order = [MATCH_KINDS.index(h.match) for h in hits]
    assert order == sorted(order)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet="abcdefghijklmnopqrstuvwxyz '社保医户口证登记不动产、（）/-15", max_size=24))
def test_search_never_raises_on_pinyin_like_input(real_store: CatalogueStore, query: str) -> None:
    hits = real_store.search(query, 20)
    order = [MATCH_KINDS.index(h.match) for h in hits]
    assert order == sorted(order)


def test_every_real_name_finds_itself_first(real_store: CatalogueStore) -> None:
    misses = []
    for it in real_store.items():
        hits = real_store.search(it.name, 3)
        if not hits or hits[0].name != it.name or hits[0].match != "exact":
            misses.append(it.name)
    assert misses == []
