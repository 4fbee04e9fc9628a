"""Index builds run in a child process: pypinyin never enters the kiosk process, even after a sync."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

SYNC_IN_A_FRESH_PROCESS = """
import json, sys
from kiosk.catalogue.store import CatalogueStore
store = CatalogueStore(sys.argv[1])
first = store.apply_changes([{"code": "A", "name": "首次长期护理保险待遇申请"},
                             {"code": "B", "name": "社会保险登记"}], '"1"')
second = store.apply_changes([{"code": "B", "deleted": True}, {"code": "C", "name": "居住证办理"}], '"2"')
print(json.dumps({"isolated": [first.isolated, second.isolated], "pypinyin": "pypinyin" in sys.modules,
                  "changqi": [h.code for h in store.search("changqi")], "shebao": [h.code for h in store.search("shebao")],
                  "jzz": [h.code for h in store.search("jzz")]}))
"""


def test_sync_builds_the_index_in_a_child_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_CATALOGUE_BUILD_INPROCESS")
    out = subprocess.run([sys.executable, "-c", SYNC_IN_A_FRESH_PROCESS, str(tmp_path / "c.sqlite3")], cwd=REPO,
                         capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(out.stdout)
    assert result == {"isolated": [True, True], "pypinyin": False, "changqi": ["A"], "shebao": [], "jzz": ["C"]}


def test_in_process_build_when_asked(tmp_path: Path) -> None:
    from kiosk.catalogue.store import CatalogueStore

    with CatalogueStore(tmp_path / "c.sqlite3", isolate_build=False) as store:
        summary = store.apply_changes([{"code": "A", "name": "社会保险登记"}], None)
        assert not summary.isolated and store.search("shebao")[0].code == "A"
