"""Per-item search terms: hanzi name, pinyin readings, initials and aliases.

This is the only module that imports pypinyin, and only inside `compute_terms`, which runs when the
catalogue is synced or imported (the sync worker thread), never at kiosk start-up. The output is plain
JSON-able data stored per item, so a later index rebuild does not need pypinyin for unchanged items.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

# Bump when the term format, synonym table or polyphone table changes: stored terms are recomputed.
TERMS_VERSION = 2

# Common short names citizens type, keyed by the phrase the official item name contains.
SYNONYMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("企业设立登记", ("营业执照", "开办企业", "开公司")),
    ("公司设立登记", ("营业执照", "开办企业", "开公司")),
    ("合伙企业设立", ("营业执照", "开办企业")),
    ("企业法人设立登记", ("营业执照", "开办企业")),
    ("个体工商户", ("个体户", "营业执照")),
    ("企业开办", ("营业执照", "开办企业")),
    ("社会保险", ("社保",)),
    ("社会保障卡", ("社保卡",)),
    ("医疗保险", ("医保",)),
    ("医疗保障", ("医保",)),
    ("城乡居民基本医疗保险", ("居民医保",)),
    ("职工基本医疗保险", ("职工医保",)),
    ("新型农村合作医疗", ("新农合",)),
    ("住房公积金", ("公积金",)),
    ("户籍", ("户口",)),
    ("居民身份证", ("身份证",)),
    ("最低生活保障", ("低保",)),
    ("特困人员", ("特困",)),
    ("残疾人证", ("残疾证",)),
    ("营业执照", ("执照",)),
    ("机动车驾驶证", ("驾照", "驾驶证")),
    ("驾驶证", ("驾照",)),
    ("不动产权证书", ("房产证", "房本")),
    ("不动产", ("房产",)),
    ("婚姻登记", ("结婚", "结婚登记", "领证")),
    ("结婚登记", ("结婚", "领证")),
    ("出生医学证明", ("出生证",)),
    ("养老保险", ("养老",)),
    ("城乡居民基本养老保险", ("居民养老",)),
    ("失业保险金", ("失业金",)),
    ("计划生育", ("计生",)),
    ("老年人优待证", ("老年证",)),
    ("老年优待证", ("老年证",)),
    ("危险化学品", ("危化品",)),
    ("就业创业证", ("就业证",)),
    ("流动人口婚育证明", ("婚育证明",)),
    ("退役军人", ("退伍军人",)),
    # what people say rather than what the catalogue says
    ("生育服务证", ("准生证",)),
    ("生育登记", ("准生证", "生孩子")),
    ("出生医学证明", ("生孩子",)),
    ("养老保险待遇", ("退休金", "养老金")),
    ("养老金", ("退休金",)),
    ("离婚登记", ("离婚",)),
    ("往来港澳通行证", ("港澳通行证",)),
    ("独生子女父母光荣证", ("独生子女证",)),
    ("丧葬补助", ("丧葬费",)),
    ("居住证办理", ("暂住证",)),
    ("居住证签注", ("暂住证",)),
    ("医疗费用", ("医保报销",)),
    ("住院费用", ("医保报销",)),
)

# Words that make an item one citizens ask for often: a tie-breaker inside a match class.
HOT_WORDS: tuple[str, ...] = (
    "社会保险", "社保", "医疗保险", "医保", "公积金", "户口", "户籍", "身份证", "不动产", "营业执照",
    "婚姻登记", "结婚", "出生", "养老", "低保", "最低生活保障", "残疾", "驾驶证", "居住证", "退休",
    "生育", "失业", "老年", "优待证",
)

# Polyphones that occur in service names, with the readings a citizen may type (most common first).
# pypinyin picks one reading per phrase and sometimes the wrong one (首次长期 -> "ci zhang qi"), so
# every reading listed here is indexed as a variant of the name.
POLYPHONES: dict[str, tuple[str, ...]] = {
    "长": ("chang", "zhang"), "行": ("xing", "hang"), "重": ("zhong", "chong"), "还": ("huan", "hai"),
    "乐": ("le", "yue"), "调": ("diao", "tiao"), "藏": ("cang", "zang"), "单": ("dan", "shan"),
    "会": ("hui", "kuai"), "都": ("du", "dou"), "传": ("chuan", "zhuan"), "转": ("zhuan", "zhuai"),
    "处": ("chu",), "朝": ("chao", "zhao"), "曾": ("ceng", "zeng"), "系": ("xi", "ji"),
    "解": ("jie", "xie"), "差": ("cha", "chai"), "省": ("sheng", "xing"),
    "给": ("gei", "ji"), "降": ("jiang", "xiang"), "校": ("xiao", "jiao"), "率": ("lv", "shuai"),
    "属": ("shu", "zhu"), "强": ("qiang", "jiang"), "称": ("cheng", "chen"), "角": ("jiao", "jue"),
    "便": ("bian", "pian"), "模": ("mo", "mu"), "择": ("ze", "zhai"), "种": ("zhong",),
    "地": ("di", "de"), "区": ("qu",), "供": ("gong",), "应": ("ying",), "相": ("xiang",),
    "量": ("liang",), "更": ("geng",), "几": ("ji",), "其": ("qi",), "期": ("qi",), "薄": ("bo", "bao"),
    "露": ("lu", "lou"), "血": ("xue", "xie"), "着": ("zhe", "zhao", "zhuo"), "弹": ("dan", "tan"),
    "仇": ("chou", "qiu"), "大": ("da", "dai"), "厦": ("sha", "xia"), "难": ("nan",),
}

MAX_VARIANTS = 12
QUERY_MAX_CHARS = 200  # longer than any real item name (the longest is 110)


def normalise(text: str) -> str:
    """NFKC + lower case + no control characters: the one form names, aliases and queries share."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if c >= " " and c != "\x7f")


def is_han(c: str) -> bool:
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F or c == "〇"


def is_break(c: str) -> bool:
    """Punctuation, symbols and spaces: they end a word and carry no pinyin."""
    return unicodedata.category(c)[0] in "PZSC"


def word_starts(name: str) -> list[int]:
    """Offsets (>0) of characters that follow punctuation or a space: word starts inside a name."""
    out: list[int] = []
    for i in range(1, len(name)):
        if is_break(name[i - 1]) and not is_break(name[i]):
            out.append(i)
    return out


def derived_aliases(name: str, given: Iterable[str] = ()) -> list[str]:
    """The item's own aliases plus the common short names its official name implies."""
    out: list[str] = []
    for a in given:
        a = normalise(str(a)).strip()
        if a and a != name and a not in out:
            out.append(a)
    for phrase, shorts in SYNONYMS:
        if phrase in name:
            for a in shorts:
                if a not in out and a != name:
                    out.append(a)
    return out


def hot(name: str) -> int:
    return 1 if any(w in name for w in HOT_WORDS) else 0


def _syllables(text: str, lazy_pinyin: Callable[..., list[str]]) -> list[str | None]:
    """One entry per character: its pinyin (ASCII letters/digits stand for themselves), None for breaks."""
    raw = lazy_pinyin(text, errors=lambda s: list(s))
    if len(raw) != len(text):  # alignment lost (should not happen): read char by char
        raw = [lazy_pinyin(c, errors=lambda s: list(s))[0] for c in text]
    out: list[str | None] = []
    for c, py in zip(text, raw):
        if is_han(c):
            py = py.lower().replace("ü", "v")
            out.append(py if py.isascii() and py.isalpha() else None)
        elif c.isascii() and c.isalnum():
            out.append(c)
        else:
            out.append(None)
    return out


def _variants(text: str, primary: list[str | None]) -> list[list[str | None]]:
    """The primary reading plus one variant per alternative reading of a polyphone (and ü typed as u)."""
    variants = [primary]
    seen = {tuple(primary)}
    for i, c in enumerate(text):
        syl = primary[i]
        if syl is None:
            continue
        alts = list(POLYPHONES.get(c, ()))
        if "v" in syl:
            alts.append(syl.replace("v", "u"))
        for alt in alts:
            if alt == syl:
                continue
            v = list(primary)
            v[i] = alt
            if tuple(v) not in seen:
                seen.add(tuple(v))
                variants.append(v)
            if len(variants) >= MAX_VARIANTS:
                return variants
    return variants


def compute_terms(item: dict[str, Any]) -> dict[str, Any]:
    """Everything the index needs about one item. Imports pypinyin (about 0.4 s the first time)."""
    from pypinyin import (
        lazy_pinyin,  # deliberately lazy: never imported at kiosk start-up
    )

    name = normalise(str(item.get("name", ""))).strip()
    primary = _syllables(name, lazy_pinyin)
    aliases = []
    for a in derived_aliases(name, item.get("aliases") or ()):
        a_syl = _syllables(a, lazy_pinyin)
        aliases.append({"text": a, "py": [v for v in _variants(a, a_syl)]})
    return {
        "v": TERMS_VERSION,
        "name": name,
        "words": word_starts(name),
        "py": _variants(name, primary),
        "aliases": aliases,
        "hot": hot(name),
    }
