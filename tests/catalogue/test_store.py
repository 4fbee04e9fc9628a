"""The cache: apply_changes (upsert, delete, ETag, full listings, bad data), browse filters, site filters,
guides, persistence and offline use."""
from __future__ import annotations

import gc
import socket
import sqlite3
import threading
from pathlib import Path

import pytest
from catalogue_helpers import item

from kiosk.catalogue.model import CatalogueDataError, Site
from kiosk.catalogue.store import CatalogueMissing, CatalogueStore

SAMPLE = [
    item("A1", "老年人优待证办理", levels=["county", "township", "village"], life_events=["退休"], max_one_trip=True,
         department="浏阳市民政局", updated_at="2026-11-01T08:00:00+08:00"),
    item("A2", "生育登记", levels=["county", "township", "village"], life_events=["婚育", "出生"], max_one_trip=True,
         online_depth="full_online", department="浏阳市卫健局"),
    item("A3", "最低生活保障", levels=["county", "township"], department="浏阳市民政局", online_depth="online_apply"),
    item("B1", "公司设立登记", theme="legal", life_events=["开办企业"], department="浏阳市行政审批局",
         online_depth="full_online", max_one_trip=True),
    item("B2", "个体工商户设立登记", theme="both", life_events=["开办企业"], levels=["county", "township"],
         department="浏阳市行政审批局", online_depth="pre_review"),
    item("R1", "大瑶镇花炮企业安全生产备案", theme="legal", region_codes=["430181105"], levels=["township"],
         department="浏阳市应急管理局"),
    item("R2", "长沙市户籍迁入", region_codes=["430100"], department="浏阳市公安局"),
    item("X1", "外省事项", region_codes=["510000000000"], department="某省"),
]


@pytest.fixture
def store(tmp_path: Path) -> CatalogueStore:
    s = CatalogueStore(tmp_path / "cat.sqlite3")
    s.apply_changes(SAMPLE, '"e1"')
    yield s
    s.close()


def test_empty_store_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueMissing):
        CatalogueStore(tmp_path / "none.sqlite3", create=False)
    assert not (tmp_path / "none.sqlite3").exists()
    with CatalogueStore(tmp_path / "sub" / "new.sqlite3") as s:
        assert s.is_empty() and len(s) == 0 and s.etag() is None and s.search("社保") == []
        assert s.browse() == [] and s.get("A1") is None


def test_apply_changes_upserts_deletes_and_keeps_the_etag(store: CatalogueStore, tmp_path: Path) -> None:
    assert len(store) == len(SAMPLE) and store.etag() == '"e1"'
    summary = store.apply_changes([item("A1", "老年人优待证申领", updated_at="2026-11-20T08:00:00+08:00"),
                                   {"code": "A3", "deleted": True, "updated_at": "2026-11-21T08:00:00+08:00"},
                                   item("N1", "新生儿落户")], '"e2"')
    assert (summary.upserted, summary.deleted) == (2, 1)
    assert summary.terms_computed == 2  # pinyin only for what changed
    assert store.etag() == '"e2"'
    assert store.get("A1").name == "老年人优待证申领"
    assert store.get("A3") is None and store.get("N1") is not None
    assert store.since() == "2026-11-21T08:00:00+08:00"
    assert [h.code for h in store.search("xinshenger")] == ["N1"]
    assert store.search("最低生活") == []
    assert [h.code for h in store.search("优待证申领")] == ["A1"]
    # persisted: a new store on the same file sees the same
    with CatalogueStore(tmp_path / "cat.sqlite3") as again:
        assert again.etag() == '"e2"' and len(again) == len(SAMPLE)
        assert again.index_ready and [h.code for h in again.search("xselh")] == ["N1"]


def test_deleting_an_unknown_code_is_harmless(store: CatalogueStore) -> None:
    store.apply_changes([{"code": "NOPE", "deleted": True}], '"e3"')
    assert len(store) == len(SAMPLE) and store.etag() == '"e3"'


def test_a_full_listing_removes_what_it_does_not_list(store: CatalogueStore) -> None:
    store.apply_changes([item("A1", "老年人优待证办理"), item("B1", "公司设立登记")], '"full"', full=True)
    assert sorted(i.code for i in store.items()) == ["A1", "B1"]


def test_bad_data_leaves_the_cache_untouched(store: CatalogueStore) -> None:
    bad = [item("Z1", "好的"), item("Z2", "坏的", theme="company")]
    with pytest.raises(CatalogueDataError, match=r"Z2.*theme 'company' is not one of personal, legal, both"):
        store.apply_changes(bad, '"bad"')
    with pytest.raises(CatalogueDataError, match="levels value 'city'"):
        store.apply_changes([item("Z3", "x", levels=["city"])], None)
    with pytest.raises(CatalogueDataError, match="without a code"):
        store.apply_changes([{"name": "无编码"}], None)
    with pytest.raises(CatalogueDataError, match="name must be a non-empty string"):
        store.apply_changes([{"code": "Z4", "name": " "}], None)
    with pytest.raises(CatalogueDataError, match="max_one_trip must be true or false"):
        store.apply_changes([item("Z5", "x", max_one_trip="yes")], None)
    assert store.get("Z1") is None and store.etag() == '"e1"' and len(store) == len(SAMPLE)


def test_unknown_fields_are_kept(store: CatalogueStore) -> None:
    store.apply_changes([item("E1", "额外字段", service_hours="8:30-17:30")], None)
    assert store.get("E1").extra == {"service_hours": "8:30-17:30"}
    assert store.get("E1").to_dict()["service_hours"] == "8:30-17:30"


def test_browse_filters(store: CatalogueStore) -> None:
    def codes(**kw: object) -> set[str]:
        return {i.code for i in store.browse(**kw)}

    assert codes(theme="personal") == {"A1", "A2", "A3", "B2", "R2", "X1"}
    assert codes(theme="legal") == {"B1", "B2", "R1"}
    assert codes(department="浏阳市民政局") == {"A1", "A3"}
    assert codes(life_event="开办企业") == {"B1", "B2"}
    assert codes(life_event="出生") == {"A2"}
    assert codes(level="village") == {"A1", "A2"}
    assert codes(level="township") == {"A1", "A2", "A3", "B2", "R1"}
    assert codes(max_one_trip=True) == {"A1", "A2", "B1"}
    assert codes(online_depth="full_online") == {"A2", "B1"}
    assert codes(online_depth="online_apply") == {"A2", "A3", "B1"}
    assert codes(theme="personal", level="village", max_one_trip=True) == {"A1", "A2"}
    with pytest.raises(ValueError, match="theme 'both' is not one of personal, legal"):
        store.browse(theme="both")
    with pytest.raises(ValueError, match="online_depth 'web'"):
        store.browse(online_depth="web")
    events = store.life_events()
    assert [e for e, _ in events] == ["出生", "婚育", "退休", "开办企业"]  # the standard order
    assert dict(store.departments())["浏阳市行政审批局"] == 2


def test_site_filters_by_region_and_level(tmp_path: Path) -> None:
    path = tmp_path / "cat.sqlite3"
    with CatalogueStore(path) as s:
        s.apply_changes(SAMPLE, None)
    dayao = Site(region_code="430181105000", level="township")  # 大瑶镇, padded to 12 digits
    village = Site(region_code="430181105201", level="village")
    other_town = Site(region_code="430181106", level="township")
    with CatalogueStore(path, site=dayao) as s:
        assert {i.code for i in s.browse()} == {"A1", "A2", "A3", "B1", "B2", "R1", "R2"}  # not X1
        assert {i.code for i in s.browse(here=True)} == {"A1", "A2", "A3", "B2", "R1"}  # 镇上办
        assert [h.code for h in s.search("huapao")] == ["R1"]
        assert s.search("外省") == []
        assert {h.code for h in s.search("登记", 20, here=True)} == {"A2", "B2"}
    with CatalogueStore(path, site=village) as s:
        assert {i.code for i in s.browse(here=True)} == {"A1", "A2"}  # 村上办
        assert [h.code for h in s.search("huapao")] == ["R1"]  # the village lies in 大瑶镇
    with CatalogueStore(path, site=other_town) as s:  # a sibling town does not offer 大瑶镇's own item
        assert s.search("huapao") == []
        assert "R1" not in {i.code for i in s.browse()}
    with CatalogueStore(path, site=Site(region_code="430181", level="county")) as s:  # the county hall: its towns too
        assert [h.code for h in s.search("huapao")] == ["R1"]
        assert {i.code for i in s.browse()} == {"A1", "A2", "A3", "B1", "B2", "R1", "R2"}


def test_guides_are_cached_and_marked_stale_when_the_item_changes(store: CatalogueStore) -> None:
    assert store.guide("A1") is None
    guide = {"elements": [{"no": 1, "title": "事项名称和编码", "text": "老年人优待证办理 A1"}], "visits": 0}
    store.put_guide("A1", guide)
    g = store.guide("A1")
    assert g is not None and g.data == guide and not g.stale
    store.apply_changes([item("A1", "老年人优待证办理", updated_at="2026-12-01T00:00:00+08:00")], None)
    g = store.guide("A1")
    assert g is not None and g.stale and g.data == guide  # still shown offline, refetched when online
    store.apply_changes([{"code": "A1", "deleted": True}], None)
    assert store.guide("A1") is None
    with pytest.raises(KeyError):
        store.put_guide("A1", guide)


def open_connections_to(path: Path) -> int:
    count = 0
    for obj in gc.get_objects():
        if isinstance(obj, sqlite3.Connection):
            try:
                files = [row[2] for row in obj.execute("PRAGMA database_list")]
            except sqlite3.ProgrammingError:  # closed
                continue
            count += str(path) in files
    return count


def test_writes_leave_only_the_reader_open(store: CatalogueStore, tmp_path: Path) -> None:
    """A writer's connection is closed after its write: kept open between syncs, it held the last sync's page
    cache (2 MB) and the search index and snapshot bound to its cached statements (1.6 MB, in a soak)."""
    path = (tmp_path / "cat.sqlite3").resolve()
    assert open_connections_to(path) == 1
    store.apply_changes([item("A1", "老年人优待证办理（换证）")], '"e2"')
    store.put_guide("A1", {"elements": [], "visits": 0})
    assert open_connections_to(path) == 1
    assert store.etag() == '"e2"' and store.guide("A1") is not None
    store.close()
    assert open_connections_to(path) == 0


def test_works_offline(store: CatalogueStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*a: object, **k: object) -> None:
        raise AssertionError("the catalogue tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    with CatalogueStore(tmp_path / "cat.sqlite3") as s:
        assert [h.code for h in s.search("ydz")] == ["A1"]
        assert len(s.browse(level="village")) == 2
        s.apply_changes([item("O1", "离线导入")], None)
        assert [h.code for h in s.search("lixian")] == ["O1"]


def test_readers_keep_working_while_the_writer_syncs(store: CatalogueStore) -> None:
    big = [item(f"G{i:04d}", f"测试事项{i}号登记") for i in range(800)]
    errors: list[BaseException] = []
    done = threading.Event()

    def writer() -> None:
        try:
            store.apply_changes(big, '"big"')
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            done.set()

    t = threading.Thread(target=writer)
    t.start()
    seen = 0
    while not done.is_set():
        hits = store.search("laonianren", 5)  # the old or the new snapshot, never a broken one
        assert [h.code for h in hits] == ["A1"]
        seen += 1
    t.join(timeout=60)
    assert not errors and seen > 0
    assert len(store) == len(SAMPLE) + 800
    assert store.search("测试事项799号", 1)[0].code == "G0799"


def test_index_missing_falls_back_to_plain_hanzi_search(tmp_path: Path) -> None:
    path = tmp_path / "cat.sqlite3"
    with CatalogueStore(path) as s:
        s.apply_changes(SAMPLE, None)
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM search_index")
    conn.commit()
    conn.close()
    with CatalogueStore(path) as s:
        assert not s.index_ready
        assert [h.code for h in s.search("最低生活")] == ["A3"]
        assert s.search("zdsh") == []  # pinyin needs the index
        s.rebuild_index()
        assert s.index_ready and [h.code for h in s.search("zdsh")] == ["A3"]


def test_changes_search_does_not_use_keep_the_index(store: CatalogueStore, tmp_path: Path) -> None:
    summary = store.apply_changes([item("A3", "最低生活保障", department="浏阳市民政局", max_one_trip=True,
                                        levels=["county", "township", "village"])], '"e4"')
    assert (summary.terms_computed, summary.index_items) == (0, 0)  # no pinyin, no index rebuild
    assert "A3" in {i.code for i in store.browse(level="village", max_one_trip=True)}
    assert [h.code for h in store.search("dibao")] == ["A3"] and store.search("dibao")[0].item.max_one_trip
    summary = store.apply_changes([item("A3", "城乡最低生活保障", department="浏阳市民政局")], '"e5"')
    assert (summary.terms_computed, summary.index_items) == (1, len(SAMPLE))
    assert store.search("cxzd")[0].code == "A3"
    with CatalogueStore(tmp_path / "cat.sqlite3") as again:
        assert again.get("A3").name == "城乡最低生活保障" and again.search("cxzd")[0].code == "A3"


def test_since_is_the_latest_instant_whatever_the_zone(tmp_path: Path) -> None:
    with CatalogueStore(tmp_path / "c.sqlite3") as s:
        s.apply_changes([item("T1", "甲", updated_at="2026-11-20T09:00:00+08:00"),
                         item("T2", "乙", updated_at="2026-11-20T02:00:00+00:00")], None)
        assert s.since() == "2026-11-20T02:00:00+00:00"  # 10:00 in Beijing: later than 09:00+08:00
        s.apply_changes([item("T3", "丙", updated_at="2026-11-20T09:30:00+08:00")], None)
        assert s.since() == "2026-11-20T02:00:00+00:00"


def test_a_damaged_cache_is_moved_aside_and_refilled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "catalogue.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    from kiosk.cli import main

    assert main(["search", "x", "--catalogue", str(path)]) == 1  # the technician's tool only reports
    assert "cannot be read" in capsys.readouterr().err
    with CatalogueStore(path) as s:  # the kiosk starts empty and the next sync refills it
        assert s.is_empty()
        s.apply_changes(SAMPLE, '"again"')
        assert [h.code for h in s.search("dibao")] == ["A3"]
    aside = [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and (tmp_path / aside[0]).read_bytes().startswith(b"this is not a database")


def test_one_letter_queries_at_a_site_agree_with_a_full_scan(tmp_path: Path) -> None:
    # precomputed top lists for one or two letters, filtered to what a site offers, must equal the scan
    items = [item(f"P{i:04d}", f"测试{'社保医户证登记'[i % 7]}事项{i}", region_codes=["430181105"] if i % 3 else [])
             for i in range(3000)]
    with CatalogueStore(tmp_path / "c.sqlite3", site=Site(region_code="430181106201", level="village")) as s:
        s.apply_changes(items, None)
        index, allowed = s._snapshot.index, s._snapshot.allowed(s.site, False)
        assert allowed is not None and len(allowed) == 1000
        for q in ("c", "s", "cs", "ce", "测", "测试"):
            everything = index.search_scores(q, 3000)  # beyond the precomputed lists: a full scan
            expected = [sc for sc in everything if sc % (1 << 20) in allowed][:20]
            assert index.search_scores(q, 20, allowed) == expected
            assert [h.code for h in s.search(q, 20)] == [index.codes[sc % (1 << 20)] for sc in expected]


def test_a_new_terms_version_rebuilds_at_the_next_sync(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "cat.sqlite3"
    with CatalogueStore(path) as s:
        s.apply_changes(SAMPLE, '"e1"')
    conn = sqlite3.connect(path)  # as if written by an older version of the software
    conn.execute("UPDATE terms SET version = 0")
    conn.commit()
    conn.close()
    with CatalogueStore(path) as s:
        assert s.index_ready  # the stored index still answers until the rebuild
        summary = s.apply_changes([], '"e1"')  # a sync with nothing new (the server answered 304 too)
        assert summary.terms_computed == len(SAMPLE) and summary.index_items == len(SAMPLE)
        assert [h.code for h in s.search("zdsh")] == ["A3"]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM terms WHERE version = 0").fetchone()[0] == 0
    conn.close()
