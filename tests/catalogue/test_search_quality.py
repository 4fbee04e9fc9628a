"""Search quality on the 1,500 real item names: what a citizen types finds what they mean, near the top."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.catalogue.store import CatalogueStore


def top(store: CatalogueStore, query: str, n: int = 10) -> list[str]:
    return [h.name for h in store.search(query, n)]


# (query, a real item name expected among the first N results, N)
CASES = [
    # initials
    ("bdc", "不动产登记资料查询", 1),
    ("bdcdj", "不动产登记资料查询", 1),
    ("hkdj", "户口登记", 1),
    ("shbxdj", "社会保险登记", 1),
    ("cjrz", "残疾人证新办", 10),
    ("zdshbz", "最低生活保障", 1),
    ("jmsfz", "居民身份证办理（包括临时）", 5),
    ("jhdj", "中国内地公民婚姻登记", 10),
    # full pinyin, with and without spaces
    ("shehuibaoxian", "社会保险登记", 3),
    ("she hui bao xian", "社会保险登记", 3),
    ("hukou", "户口登记", 5),
    ("budongchan", "不动产登记资料查询", 1),
    ("zhufanggongjijin", "住房公积金汇缴", 5),
    ("juzhuzheng", "居住证办理", 1),
    ("canjiren", "残疾人证新办", 10),
    ("yiliaobaoxian", "城镇居民医疗保险", 5),
    # partly typed pinyin (per keystroke)
    ("juzhuzh", "居住证办理", 1),
    ("shehuib", "社会保险登记", 3),
    # hanzi fragments
    ("不动产", "不动产登记资料查询", 1),
    ("身份证", "居民身份证办理（包括临时）", 5),
    ("居住证", "居住证办理", 1),
    ("结婚", "补领结婚证", 5),
    ("养老保险", "养老保险定期待遇领取资格认证", 5),
    ("首次登记", "抵押权首次登记", 10),
    ("失业保险金", "失业保险金申领", 3),
    # common short names
    ("社保", "社会保险登记", 3),
    ("shebao", "社会保险登记", 3),
    ("she bao", "社会保险登记", 3),
    ("shbx", "社会保险登记", 3),
    ("医保", "城镇居民医疗保险", 5),
    ("医保", "医保电子凭证申领", 1),
    ("yibao", "城镇居民医疗保险", 5),
    ("公积金", "住房公积金汇缴", 3),
    ("gongjijin", "住房公积金汇缴", 3),
    ("营业执照", "公司设立登记", 5),
    ("营业执照", "个体工商户设立登记", 10),
    ("yyzz", "公司设立登记", 5),
    ("残疾", "残疾人证新办", 10),
    ("残疾证", "残疾证办理", 1),
    ("低保", "最低生活保障", 3),
    ("低保", "城乡低保办理", 5),
    ("dibao", "最低生活保障", 3),
    ("户口", "户口登记", 5),
    ("身份证", "居民身份证挂失申报、丢失招领", 10),
    ("驾照", "机动车驾驶证公证（指引）", 3),
    ("老年证", "老年证办理", 1),
    # mixed hanzi + pinyin, mixed full pinyin + initials
    ("社bao", "社会保险登记", 3),
    ("户kou", "户口登记", 5),
    ("hukoudj", "户口登记", 3),
    ("shehbxdj", "社会保险登记", 3),
    ("canjirz", "残疾人证新办", 10),
    # words in another order than the official name
    ("公积金提取", "租赁自住住房提取住房公积金", 5),
    ("gongjijin tiqu", "离休、退休提取住房公积金", 5),
    ("gjj tq", "离休、退休提取住房公积金", 5),
    ("养老保险转移", "企业职工基本养老保险关系转移接续申请", 10),
    # polyphones on real names: 行 hang in 行业, 重 zhong in 起重, 长 chang in 长期
    ("tezhonghangye", "旅馆业特种行业许可证核发", 3),
    ("hangyejishu", "普通公路行业技术标准查询", 1),
    ("qizhongjixie", "建筑起重机械使用登记", 5),
    ("changqijuzhu", "异地长期居住人员备案", 1),
    ("zhongdashigu", "重大事故隐患的排查和处理情况的备案", 1),
    ("yidichangqi", "异地长期居住人员备案", 1),
]


@pytest.mark.parametrize(("query", "expected", "within"), CASES, ids=[f"{c[0]}->{c[1]}" for c in CASES])
def test_expected_item_near_the_top(real_store: CatalogueStore, query: str, expected: str, within: int) -> None:
    names = top(real_store, query, within)
    assert expected in names, f"{query!r}: {expected!r} not in the first {within}: {names}"


def test_exact_name_comes_first(real_store: CatalogueStore) -> None:
    hits = real_store.search("户口登记", 5)
    assert hits[0].name == "户口登记" and hits[0].match == "exact"
    assert all(h.match == "prefix" for h in hits[1:3])


def test_prefix_matches_rank_above_substring_matches(real_store: CatalogueStore) -> None:
    hits = real_store.search("残疾", 40)
    kinds = [h.match for h in hits]
    assert kinds.index("substring") > 0
    assert "prefix" not in kinds[kinds.index("substring"):], kinds
    assert all(h.name.startswith("残疾") for h in hits if h.match == "prefix")


def test_initials_of_a_frequent_pair_rank_items_starting_with_it_first(real_store: CatalogueStore) -> None:
    # baselines: initials like "cq" match a great many items; those whose name starts with it come first
    hits = real_store.search("cq", 10)
    assert len(hits) == 10
    assert hits[0].match in ("exact", "prefix")


def test_short_names_find_every_item_of_the_topic(real_store: CatalogueStore) -> None:
    names = top(real_store, "公积金", 50)
    expected = {n for n in (i.name for i in real_store.items()) if "公积金" in n}
    assert expected <= set(names)


def test_limit_is_respected(real_store: CatalogueStore) -> None:
    for q in ("s", "证", "z", "登记", "x"):
        assert len(real_store.search(q, 7)) == 7
        assert len(real_store.search(q, 1)) == 1
    assert real_store.search("s", 0) == []


def test_large_limits_on_one_letter_queries_match_the_ranked_scan(real_store: CatalogueStore) -> None:
    # one letter hits a precomputed top list; asking for more than it holds must scan and agree with it
    small = [h.code for h in real_store.search("s", 20)]
    large = [h.code for h in real_store.search("s", 150)]
    assert len(large) == 150 and large[:20] == small


def test_no_result_for_nonsense(real_store: CatalogueStore) -> None:
    assert real_store.search("qqqqxxzz", 10) == []
    assert real_store.search("龘", 10) == []


def test_hanzi_fragments_separated_by_spaces_must_all_match(real_store: CatalogueStore) -> None:
    hits = real_store.search("不动产 查询", 10)
    assert [h.name for h in hits] == ["不动产登记资料查询"]


def test_full_width_input_is_folded(real_store: CatalogueStore) -> None:
    assert top(real_store, "ＢＤＣ", 1) == ["不动产登记资料查询"]
    assert top(real_store, "  bdc  ", 1) == ["不动产登记资料查询"]


def test_mixed_pinyin_takes_the_reading_with_whole_syllables(real_store: CatalogueStore) -> None:
    # huzhao is 护照 (hu|zhao), not 户账号 (hu|z|hao)
    assert top(real_store, "huzhao", 5) == ["普通护照签发"]


def test_punctuation_in_the_query_separates_parts(real_store: CatalogueStore) -> None:
    assert top(real_store, "户口、登记", 1) == ["户口登记"]
    assert top(real_store, "bdc!", 1) == ["不动产登记资料查询"]
    assert top(real_store, "she-bao", 1) == top(real_store, "shebao", 1)
    assert top(real_store, "残疾类别/等级", 1) == ["残疾类别/等级变更"]
    assert real_store.search("★", 5) == [] and real_store.search("、、", 5) == []


@pytest.mark.parametrize("query", ["户口 登记", "户口、登记", "社保 补贴", "（本地户籍）", "不动产 查询", "公积金提取",
                                   "残疾人证 换领", "gongjijin tiqu"])
def test_looser_readings_keep_match_kinds_in_order(real_store: CatalogueStore, query: str) -> None:
    from kiosk.catalogue.index import MATCH_KINDS

    hits = real_store.search(query, 30)
    assert hits
    order = [MATCH_KINDS.index(h.match) for h in hits]
    assert order == sorted(order) and len({h.code for h in hits}) == len(hits)


@pytest.mark.parametrize(("query", "name", "marked"), [
    ("不动产", "换发不动产权证书和不动产登记证明", "不动产"),
    ("bdc", "换发不动产权证书和不动产登记证明", "不动产"),
    ("budongchan", "不动产登记资料查询", "不动产"),
    ("hkdj", "户口登记", "户口登记"),
    ("sheh", "社会保险登记", "社会"),
    ("shehbxdj", "企业社会保险登记", "社会保险登记"),
    ("gongjijin", "住房公积金汇缴", "公积金"),
    ("社保", "社会保险登记", None),  # through the short name: nothing in the name to mark
])
def test_highlight_marks_the_matched_characters(real_store: CatalogueStore, query: str, name: str,
                                                marked: str | None) -> None:
    hit = next(h for h in real_store.search(query, 50) if h.name == name)
    span = real_store.highlight(hit.code, query)
    assert (name[span[0]:span[1]] if span else None) == marked


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=30))
def test_highlight_never_raises(real_store: CatalogueStore, query: str) -> None:
    for h in real_store.search(query, 5):
        span = real_store.highlight(h.code, query)
        assert span is None or 0 <= span[0] < span[1] <= len(h.name)
    assert real_store.highlight("NO-SUCH-CODE", query) is None
