"""`kiosk search` and `kiosk catalogue-import` as a technician uses them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from catalogue_helpers import item

from kiosk.cli import main

DATA = Path(__file__).parent / "data"


def test_search_on_a_never_synced_terminal_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "catalogue.sqlite3"
    assert main(["search", "社保", "--catalogue", str(path)]) == 1
    err = capsys.readouterr().err
    assert "never synced" in err and "catalogue-import" in err
    assert not path.exists()


def test_import_tsv_then_search(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "catalogue.sqlite3"
    assert main(["catalogue-import", str(DATA / "service-items.tsv"), "--catalogue", str(path)]) == 0
    assert "1521 items imported" in capsys.readouterr().out
    assert main(["search", "bdc", "--limit", "2", "--catalogue", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    code, name, match = lines[0].split("\t")
    assert name == "不动产登记资料查询" and match == "prefix" and code.startswith("430181-")
    assert main(["search", "she bao", "--json", "--catalogue", str(path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 20 and rows[0]["name"] == "社会保险登记" and set(rows[0]) == {"code", "name", "match"}
    assert main(["search", "qqqxxz", "--catalogue", str(path)]) == 0
    assert "no match" in capsys.readouterr().err


def test_import_json_with_etag_and_replace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "catalogue.sqlite3"
    src = tmp_path / "export.json"
    src.write_text(json.dumps({"etag": '"x1"', "items": [item("J1", "结婚登记"), item("J2", "离婚登记")]},
                              ensure_ascii=False), encoding="utf-8")
    assert main(["catalogue-import", str(src), "--catalogue", str(path)]) == 0
    src.write_text(json.dumps([item("J1", "结婚登记")], ensure_ascii=False), encoding="utf-8")
    assert main(["catalogue-import", str(src), "--replace", "--catalogue", str(path)]) == 0
    assert "1 deleted" in capsys.readouterr().out
    assert main(["search", "hun", "--json", "--catalogue", str(path)]) == 0
    assert [r["code"] for r in json.loads(capsys.readouterr().out)] == ["J1"]


def test_bad_input_gets_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "catalogue.sqlite3"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([item("B1", "x", online_depth="web")]), encoding="utf-8")
    assert main(["catalogue-import", str(bad), "--catalogue", str(path)]) == 1
    assert "online_depth 'web' is not one of none, pre_review, online_apply, full_online" in capsys.readouterr().err
    assert main(["catalogue-import", str(tmp_path / "missing.tsv"), "--catalogue", str(path)]) == 1
    assert "no such file" in capsys.readouterr().err
    csv = tmp_path / "items.csv"
    csv.write_text("name\nx\n", encoding="utf-8")
    assert main(["catalogue-import", str(csv), "--catalogue", str(path)]) == 1
    assert "use .json or .tsv" in capsys.readouterr().err
    tsv = tmp_path / "items.tsv"
    tsv.write_text("title\tdepartment\nx\ty\n", encoding="utf-8")
    assert main(["catalogue-import", str(tsv), "--catalogue", str(path)]) == 1
    assert "header with a 'name' column" in capsys.readouterr().err
    assert main(["search", "x", "--limit", "0", "--catalogue", str(path)]) == 2
    assert "--limit must be between 1 and 200" in capsys.readouterr().err


def test_tsv_import_derives_liuyang_labels_themes_and_life_events(tmp_path: Path) -> None:
    from kiosk.catalogue.importer import read_items

    items, etag = read_items(DATA / "service-items.tsv")
    assert etag is None and len(items) == 1521 and len({i["code"] for i in items}) == 1521
    by_name = {i["name"]: i for i in items}
    assert by_name["失业登记"]["department"] == "浏阳市人社局"
    assert "就业" in by_name["失业登记"]["life_events"]
    assert by_name["公司设立登记"]["theme"] == "legal" and "开办企业" in by_name["公司设立登记"]["life_events"]
    assert by_name["残疾人证新办"]["theme"] == "personal"
    village = [i for i in items if "village" in i["levels"]]
    assert len(village) == 11
    again, _ = read_items(DATA / "service-items.tsv")
    assert [i["code"] for i in again] == [i["code"] for i in items]  # codes are stable
