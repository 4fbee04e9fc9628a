"""Ranking rules on small hand-made catalogues: exact > prefix > alias > word start > substring,
then popularity, common topics and shorter names; polyphones read every way."""
from __future__ import annotations

from pathlib import Path

from catalogue_helpers import item

from kiosk.catalogue.store import CatalogueStore


def make(tmp_path: Path, *items: dict) -> CatalogueStore:
    store = CatalogueStore(tmp_path / "c.sqlite3")
    store.apply_changes(list(items), None)
    return store


def codes(store: CatalogueStore, q: str, n: int = 20) -> list[str]:
    return [h.code for h in store.search(q, n)]


def test_match_classes_in_order(tmp_path: Path) -> None:
    with make(tmp_path,
              item("SUB", "补发护照"),                     # substring: 护照 inside
              item("WORD", "出入境（护照办理）"),          # word start: after a bracket
              item("ALIAS", "出国证件申请", aliases=["护照"]),
              item("PREFIX", "护照签发"),
              item("EXACT", "护照")) as store:
        hits = store.search("护照", 10)
        assert [h.code for h in hits] == ["EXACT", "PREFIX", "ALIAS", "WORD", "SUB"]
        assert [h.match for h in hits] == ["exact", "prefix", "alias", "word", "substring"]
        # the same order when typed as pinyin and as initials
        assert codes(store, "huzhao") == ["EXACT", "PREFIX", "ALIAS", "WORD", "SUB"]
        assert codes(store, "hz")[:2] == ["EXACT", "PREFIX"]


def test_shorter_then_popular_within_a_class(tmp_path: Path) -> None:
    with make(tmp_path,
              item("LONG", "公证书办理申请表领取"),
              item("SHORT", "公证书办理"),
              item("POPULAR", "公证书办理及领取登记", popularity=50)) as store:
        assert codes(store, "公证") == ["POPULAR", "SHORT", "LONG"]
        assert codes(store, "gz") == ["POPULAR", "SHORT", "LONG"]


def test_common_topics_win_ties(tmp_path: Path) -> None:
    with make(tmp_path, item("RARE", "林木种子生产许可"), item("HOT", "林区居民身份证"),) as store:
        # same length, same class: the item about an everyday topic (身份证) comes first
        assert codes(store, "林") == ["HOT", "RARE"]


def test_polyphones_are_found_by_every_reading(tmp_path: Path) -> None:
    # pypinyin reads 首次长期 as "shou ci zhang qi": the usual reading must find it too
    with make(tmp_path, item("LTC", "首次长期护理保险待遇申请"), item("BANK", "银行开户许可"),
              item("HEAVY", "重新申领残疾人证"), item("LAW", "律师执业许可")) as store:
        assert codes(store, "changqihuli") == ["LTC"]
        assert codes(store, "zhangqihuli") == ["LTC"]
        assert codes(store, "yinhang") == ["BANK"]
        assert codes(store, "yinxing") == ["BANK"]
        assert codes(store, "chongxin") == ["HEAVY"]
        assert codes(store, "zhongxin") == ["HEAVY"]
        assert codes(store, "lvshi") == ["LAW"]
        assert codes(store, "lushi") == ["LAW"]


def test_a_second_reading_ranks_below_the_name_s_own(tmp_path: Path) -> None:
    # 参 is not indexed as shen; 长 is: "zhangqi" for 长期 is a plausible misreading, ranked as a word start
    with make(tmp_path, item("A", "长期护理"), item("B", "掌骑登记")) as store:
        hits = store.search("zhangqi", 5)
        assert [h.code for h in hits] == ["B", "A"]
        assert [h.match for h in hits] == ["prefix", "word"]


def test_aliases_from_the_item_are_searchable(tmp_path: Path) -> None:
    with make(tmp_path, item("X", "机动车驾驶人考试预约", aliases=["考驾照", "科目一"])) as store:
        assert codes(store, "科目") == ["X"]
        assert codes(store, "kemuyi") == ["X"]
        assert codes(store, "kjz") == ["X"]


def test_fuzzy_mixes_full_syllables_and_initials_and_ranks_last(tmp_path: Path) -> None:
    with make(tmp_path, item("A", "社会保险登记"), item("B", "企业社会保险登记")) as store:
        hits = store.search("shehbxdj", 5)
        assert [h.code for h in hits] == ["A", "B"]
        assert {h.match for h in hits} == {"fuzzy"}
