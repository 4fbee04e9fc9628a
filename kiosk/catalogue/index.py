"""The search index: sorted-suffix arrays over names, pinyin, initials and aliases.

Built when the catalogue is synced (from per-item terms, see terms.py) and stored as one blob, so that
loading it at start-up is a few array copies and never imports pypinyin. Three spaces are indexed:
  * "hz": the normalised names (every character offset) and aliases (offset 0);
  * "fp" / "in": full pinyin / initials of names (every syllable start, one string per polyphone
          variant) and of aliases (offset 0).
Each suffix carries a precomputed score = match class * STRIDE + static rank of its item, so ranking a
suffix range is a set + sort. Ranges too large to rank per keystroke (one or two typed letters) have
their top results precomputed at build time.
"""
from __future__ import annotations

import bisect
import json
import re
import struct
import sys
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.catalogue.terms import (
    QUERY_MAX_CHARS,
    TERMS_VERSION,
    is_break,
    is_han,
    normalise,
)

INDEX_FORMAT = 1
STRIDE = 1 << 20  # > number of items; score // STRIDE is the match class, score % STRIDE the item rank
MAX_ITEMS = STRIDE - 1

EXACT, PREFIX, ALIAS, WORD, SUBSTRING, FUZZY = range(6)
MATCH_KINDS = ("exact", "prefix", "alias", "word", "substring", "fuzzy")

HEAVY_RANGE = 1500  # suffix ranges larger than this get their top results precomputed
HEAVY_TOP = 60  # how many results are precomputed for a heavy range
MAGIC = b"KCIDX1\n"
SPACES = ("hz", "fp", "in")  # hanzi, full pinyin, initials
MAX_SYLLABLE = 6  # the longest pinyin syllable (zhuang, shuang)
MAX_PARTITIONS = 64  # ways to cut a pinyin query into syllables, tried by the fuzzy matcher
MAX_WORDS = 6  # space-separated words of one query that must all match
MAX_AND_RANGE = 3000  # the rarest word of such a query must narrow the catalogue down to this many suffixes
FUZZY_MAX_RANGE = 400  # initials ranges larger than this are too vague to confirm one by one

@dataclass(frozen=True)
class Match:
    """One search result: the item's rank in the index (use `code`) and how it matched."""

    code: str
    name: str
    kind: str  # one of MATCH_KINDS


class _Space:
    """One sorted-suffix array: text with \\x00 after every term, suffix start positions, scores."""

    __slots__ = ("heavy", "heavy_off", "heavy_val", "sa", "sc", "text")

    def __init__(self, text: str, sa: array, sc: array, heavy_keys: list[str], heavy_off: array,
                 heavy_val: array) -> None:
        self.text = text
        self.sa = sa
        self.sc = sc
        self.heavy = {k: i for i, k in enumerate(heavy_keys)}
        self.heavy_off = heavy_off
        self.heavy_val = heavy_val

    def range(self, q: str) -> tuple[int, int]:
        text, n = self.text, len(q)
        key = lambda p: text[p:p + n]
        lo = bisect.bisect_left(self.sa, q, key=key)
        hi = bisect.bisect_right(self.sa, q, lo=lo, key=key)
        return lo, hi

    def rank(self, q: str, lo: int, hi: int, limit: int, allowed: set[int] | None) -> list[int]:
        """Best score per item over the suffix range [lo, hi), best first, at most `limit` items."""
        if hi - lo > HEAVY_RANGE:
            h = self.heavy.get(q)
            if h is not None:
                a, b = self.heavy_off[h], self.heavy_off[h + 1]
                top = list(self.heavy_val[a:b])
                if allowed is not None:  # the best of the allowed items are the allowed of the best
                    top = [s for s in top if s % STRIDE in allowed]
                if len(top) >= limit or b - a < HEAVY_TOP:  # enough, or the list was complete
                    return top[:limit]
        return _rank_range(self.text, self.sa, self.sc, len(q), lo, hi, limit, allowed)


def _rank_range(text: str, sa: Sequence[int], sc: Sequence[int], n: int, lo: int, hi: int, limit: int,
                allowed: set[int] | None) -> list[int]:
    vals = set(sc[lo:hi])
    i = lo
    while i < hi and text[sa[i] + n] == "\x00":  # whole-term matches sort first in the range
        s = sc[i]
        if s // STRIDE == PREFIX:
            vals.add(s - STRIDE)  # the whole name: exact
        i += 1
    out: list[int] = []
    seen: set[int] = set()
    for s in sorted(vals):
        r = s % STRIDE
        if r in seen or (allowed is not None and r not in allowed):
            continue
        seen.add(r)
        out.append(s)
        if len(out) >= limit:
            break
    return out


# ---------------------------------------------------------------------------------------------- build

def static_order(items: Sequence[dict[str, Any]], terms: Sequence[dict[str, Any]]) -> list[int]:
    """Item positions from most to least likely wanted: popularity, common topic, short name, code."""
    def key(i: int) -> tuple[float, int, int, str]:
        pop = items[i].get("popularity")
        try:
            popf = float(pop) if pop is not None else 0.0
        except (TypeError, ValueError):
            popf = 0.0
        return (-popf, -int(terms[i].get("hot", 0)), len(terms[i]["name"]), str(items[i]["code"]))
    return sorted(range(len(items)), key=key)


class _SpaceBuilder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pos: list[int] = []
        self.score: list[int] = []

    def add(self, term: str, offsets: Iterable[tuple[int, int]], rank: int) -> None:
        """Add a term with the (offset, class) pairs whose suffixes are searchable."""
        if not term:
            return
        base = self.length
        for off, cls in offsets:
            self.pos.append(base + off)
            self.score.append(cls * STRIDE + rank)
        self.parts.append(term)
        self.parts.append("\x00")
        self.length += len(term) + 1

    def build(self) -> tuple[str, array, array, list[str], array, array]:
        text = "".join(self.parts)
        # The sort key of a suffix runs to the end of its term (\x00 sorts before any query character).
        # Sorted bucket by bucket (first two characters): one big sort would hold the GIL in C for a
        # quarter of a second, and the GUI thread searches while the sync worker builds.
        buckets: dict[str, list[tuple[str, int]]] = {}
        for k, p in enumerate(self.pos):
            key = text[p:text.index("\x00", p)]
            buckets.setdefault(key[:2], []).append((key, k))
        order: list[int] = []
        for head in sorted(buckets):
            order.extend(k for _, k in sorted(buckets[head]))
        sa = array("i", (self.pos[k] for k in order))
        sc = array("i", (self.score[k] for k in order))
        keys, off, val = _heavy_tops(text, sa, sc)
        return text, sa, sc, keys, off, val


def _heavy_tops(text: str, sa: array, sc: array) -> tuple[list[str], array, array]:
    """Precompute results for every prefix whose suffix range is too large to rank per keystroke."""
    keys: list[str] = []
    off = array("i", [0])
    val = array("i")
    stack: list[tuple[str, int, int]] = [("", 0, len(sa))]
    while stack:
        prefix, lo, hi = stack.pop()
        n = len(prefix)
        if prefix:
            top = _rank_range(text, sa, sc, n, lo, hi, HEAVY_TOP, None)
            keys.append(prefix)
            val.extend(top)
            off.append(len(val))
        # children: group the range by the next character (the range is sorted)
        i = lo
        while i < hi and text[sa[i] + n] == "\x00":
            i += 1
        while i < hi:
            c = text[sa[i] + n]
            j = i + 1
            while j < hi and text[sa[j] + n] == c:
                j += 1
            if j - i > HEAVY_RANGE:
                stack.append((prefix + c, i, j))
            i = j
    return keys, off, val


def build_index(entries: Sequence[tuple[dict[str, Any], dict[str, Any]]]) -> bytes:
    """Build the index blob from (item, terms) pairs. Pure Python, no pypinyin."""
    items = [e[0] for e in entries]
    terms = [e[1] for e in entries]
    if len(items) > MAX_ITEMS:
        raise ValueError(f"catalogue has {len(items)} items; the index supports at most {MAX_ITEMS}")
    order = static_order(items, terms)
    hz, fp, ini = _SpaceBuilder(), _SpaceBuilder(), _SpaceBuilder()
    fuzzy_lines: list[str] = []
    reading_counts: dict[str, dict[str, int]] = {}
    syllables: set[str] = set()
    codes: list[str] = []
    names: list[str] = []
    for rank, i in enumerate(order):
        item, t = items[i], terms[i]
        codes.append(str(item["code"]))
        names.append(str(item.get("name", "")))
        name: str = t["name"]
        words = set(t["words"])
        hz.add(name, ((o, PREFIX if o == 0 else WORD if o in words else SUBSTRING)
                      for o in range(len(name))), rank)
        for a in t["aliases"]:
            hz.add(a["text"], ((0, ALIAS),), rank)
        seen_py: set[tuple[bool, str]] = set()
        for vi, syls in enumerate(t["py"]):
            for c, syl in zip(name, syls):
                if syl is not None:
                    syllables.add(syl)
                    if is_han(c) and vi == 0:
                        counts = reading_counts.setdefault(c, {})
                        counts[syl] = counts.get(syl, 0) + 1
            for full, space in ((True, fp), (False, ini)):
                term, offs = _py_term(syls, full, PREFIX)
                if vi > 0:  # another reading of a polyphone: plausible, but below the name's own reading
                    offs = [(o, max(c, WORD)) for o, c in offs]
                if (full, term) not in seen_py:
                    seen_py.add((full, term))
                    space.add(term, offs, rank)
            if vi == 0:
                fuzzy_lines.append("|" + "|".join(x for x in syls if x is not None) + "|")
        for a in t["aliases"]:
            for syls in a["py"]:
                syllables.update(x for x in syls if x is not None)
                for full, space in ((True, fp), (False, ini)):
                    term, _ = _py_term(syls, full, ALIAS)
                    if (full, term) not in seen_py:
                        seen_py.add((full, term))
                        space.add(term, ((0, ALIAS),), rank)
    charmap = {c: max(cnt, key=lambda s: cnt[s]) for c, cnt in reading_counts.items()}
    sections: dict[str, bytes] = {}
    header: dict[str, Any] = {"format": INDEX_FORMAT, "terms_version": TERMS_VERSION, "byteorder": sys.byteorder,
                              "codes": codes, "names": names, "charmap": charmap,
                              "syllables": sorted(syllables)}
    for label, b in (("hz", hz), ("fp", fp), ("in", ini)):
        text, sa, sc, keys, hoff, hval = b.build()
        header[label + "_heavy"] = keys
        sections[label + "_text"] = text.encode("utf-8")
        sections[label + "_sa"] = sa.tobytes()
        sections[label + "_sc"] = sc.tobytes()
        sections[label + "_hoff"] = hoff.tobytes()
        sections[label + "_hval"] = hval.tobytes()
    sections["fuzzy"] = "\n".join(fuzzy_lines).encode("ascii", "replace")
    layout = []
    for k, v in sections.items():
        layout.append([k, len(v)])
    header["sections"] = layout
    hb = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return MAGIC + struct.pack("<I", len(hb)) + hb + b"".join(sections.values())


def _py_term(syls: Sequence[str | None], full: bool, first_cls: int) -> tuple[str, list[tuple[int, int]]]:
    """Concatenated pinyin (or initials) and the (offset, class) of each syllable start."""
    parts: list[str] = []
    offs: list[tuple[int, int]] = []
    length = 0
    after_break = False
    for s in syls:
        if s is None:
            after_break = bool(parts)
            continue
        piece = s if full else s[0]
        cls = first_cls if not parts else (WORD if after_break else SUBSTRING)
        offs.append((length, cls))
        parts.append(piece)
        length += len(piece)
        after_break = False
    return "".join(parts), offs


# ---------------------------------------------------------------------------------------------- load

class SearchIndex:
    """A loaded index: `search(query, limit)` answers per keystroke in microseconds."""

    def __init__(self, blob: bytes) -> None:
        if not blob.startswith(MAGIC):
            raise ValueError("not a catalogue search index (bad magic)")
        (hlen,) = struct.unpack_from("<I", blob, len(MAGIC))
        start = len(MAGIC) + 4
        header = json.loads(blob[start:start + hlen].decode("utf-8"))
        if header.get("format") != INDEX_FORMAT:
            raise ValueError(f"index format {header.get('format')} is not {INDEX_FORMAT}")
        self.terms_version: int = header["terms_version"]
        pos = start + hlen
        sec: dict[str, bytes] = {}
        for name, length in header["sections"]:
            sec[name] = blob[pos:pos + length]
            pos += length
        swap = header["byteorder"] != sys.byteorder

        def arr(b: bytes) -> array:
            a = array("i")
            a.frombytes(b)
            if swap:
                a.byteswap()
            return a

        self.codes: list[str] = header["codes"]
        self.names: list[str] = header["names"]
        self.charmap: dict[str, str] = header["charmap"]
        self.spaces = {
            label: _Space(sec[label + "_text"].decode("utf-8"), arr(sec[label + "_sa"]), arr(sec[label + "_sc"]),
                          header[label + "_heavy"], arr(sec[label + "_hoff"]), arr(sec[label + "_hval"]))
            for label in SPACES
        }
        self.syllables = set(header["syllables"])
        self.syllable_prefixes = {syl[:k] for syl in header["syllables"] for k in range(1, len(syl) + 1)}
        self.fuzzy_lines = sec["fuzzy"].decode("ascii").split("\n")
        self._rank_of = {c: i for i, c in enumerate(self.codes)}

    def __len__(self) -> int:
        return len(self.codes)

    def rank_of(self, code: str) -> int | None:
        return self._rank_of.get(code)

    def span(self, code: str, query: str) -> tuple[int, int] | None:
        """Which characters of the item's name the query matched ([start, end) into the name), for
        highlighting one result row; None when the match is through an alias or cannot be placed."""
        r = self._rank_of.get(code)
        if r is None or not isinstance(query, str):
            return None
        name = self.names[r]
        nname = normalise(name)
        q = normalise(query[:QUERY_MAX_CHARS]).strip()
        if not q or len(nname) != len(name):
            return None
        at = nname.find(q)
        if at >= 0:
            return at, at + len(q)
        if not q.isascii():
            return None
        q = re.sub(r"[^a-z0-9]", "", q)
        syls = self.fuzzy_lines[r].strip("|").split("|") if q else []
        chars = [i for i, c in enumerate(nname) if not is_break(c) and (is_han(c) or (c.isascii() and c.isalnum()))]
        if not syls or len(syls) != len(chars):
            return None
        for j in range(len(syls)):  # full pinyin, initials, then the two mixed
            full = "".join(syls[j:])
            if full.startswith(q):
                k, used = j, 0
                while used < len(q):
                    used += len(syls[k])
                    k += 1
                return chars[j], chars[k - 1] + 1
            if "".join(x[0] for x in syls[j:j + len(q)]) == q:
                return chars[j], chars[j + len(q) - 1] + 1
        pattern = re.compile("\\|(" + q[0] + "".join("(?:[a-z0-9]*\\|)?" + c for c in q[1:]) + ")")
        m = pattern.search(self.fuzzy_lines[r])
        if m is None:
            return None
        first = self.fuzzy_lines[r][:m.start(1)].count("|") - 1
        last = self.fuzzy_lines[r][:m.end(1)].count("|") - 1
        return chars[first], chars[last] + 1

    def search(self, query: str, limit: int = 20, allowed: set[int] | None = None) -> list[Match]:
        """Ranked matches for what the citizen typed so far. Never raises on any string."""
        return [Match(self.codes[s % STRIDE], self.names[s % STRIDE], MATCH_KINDS[s // STRIDE])
                for s in self.search_scores(query, limit, allowed)]

    def search_scores(self, query: str, limit: int = 20, allowed: set[int] | None = None) -> list[int]:
        if limit <= 0 or not isinstance(query, str):
            return []
        q = normalise(query[: QUERY_MAX_CHARS * 2])[: QUERY_MAX_CHARS * 2].strip()
        if not q:
            return []
        has_han = any(is_han(c) for c in q)
        if not has_han and q.isascii():  # pinyin, initials; punctuation and spaces separate words
            out = self._search_pinyin(re.sub(r"[^a-z0-9]", "", q)[:QUERY_MAX_CHARS], limit, allowed)
            words = [w for w in re.split(r"[^a-z0-9]+", q) if w]
            if len(out) < limit and 1 < len(words) <= MAX_WORDS:  # "gongjijin tiqu": words in any order
                out += self._pinyin_words(words, limit - len(out), {s % STRIDE for s in out}, allowed)
            return out
        if has_han and any("a" <= c <= "z" for c in q):
            # mixed hanzi and pinyin (社bao): read the hanzi as the catalogue reads them
            py = "".join(self.charmap.get(c, c) if is_han(c) else c for c in q)
            py = re.sub(r"[^a-z0-9]", "", py)
            if py.isascii() and py:
                return self._search_pinyin(py[:QUERY_MAX_CHARS], limit, allowed)
            return []
        q = q[:QUERY_MAX_CHARS]
        out = self._search_space("hz", q, limit, allowed)  # as typed: names carry punctuation too
        if len(out) >= limit:
            return out
        have = {s % STRIDE for s in out}
        fragments = "".join(" " if is_break(c) else c for c in q).split()
        if len(fragments) > 1:  # 不动产 查询, 户口、登记: every part must match
            return _append(out, self._search_all(fragments[:MAX_WORDS], limit, allowed), limit)
        if fragments and fragments[0] != q:  # （本地户籍）: the words without the brackets
            out = _append(out, self._search_space("hz", fragments[0], limit, allowed), limit)
            have = {s % STRIDE for s in out}
            q = fragments[0]
        if len(out) < limit and 4 <= len(q) <= 12:  # 公积金提取 for 提取住房公积金: two parts, any order
            extra: set[int] = set()
            for k in range(2, len(q) - 1):
                for s in self._search_all([q[:k], q[k:]], limit, allowed):
                    if s % STRIDE not in have:
                        extra.add(s % STRIDE)
            out += [FUZZY * STRIDE + r for r in sorted(extra)[: limit - len(out)]]
        return out

    def _search_space(self, label: str, q: str, limit: int, allowed: set[int] | None) -> list[int]:
        space = self.spaces[label]
        lo, hi = space.range(q)
        if lo >= hi:
            return []
        return space.rank(q, lo, hi, limit, allowed)

    def _search_pinyin(self, q: str, limit: int, allowed: set[int] | None) -> list[int]:
        if not q:
            return []
        full = self._search_space("fp", q, limit, allowed)
        initials = self._search_space("in", q, limit, allowed)
        out = _merge(full, initials, limit)
        if len(out) < limit and len(q) >= 2 and q.isalpha():
            have = {s % STRIDE for s in out}
            out.extend(self._fuzzy(q, limit - len(out), have, allowed))
        return out

    def _partitions(self, q: str) -> list[tuple[str, ...]]:
        """The ways to cut q into whole syllables and initials with the fewest pieces, the last piece
        possibly half typed ("shehbx" -> she|h|b|x), leaving out the cuts the suffix arrays already
        answer (all initials, or whole syllables with a partly typed last one). Fewest pieces: the
        reading with the most whole syllables is what the citizen meant (huzhao is hu|zhao, not hu|z|hao)."""
        prefixes, whole = self.syllable_prefixes, self.syllables
        n = len(q)
        # ends[pos]: where a piece beginning at pos may end on a shortest cut of q[pos:];
        # fewest[pos]: the number of pieces of that shortest cut
        ends: list[list[int]] = [[] for _ in range(n + 1)]
        fewest = [n + 1] * (n + 1)
        fewest[n] = 0
        for pos in range(n - 1, -1, -1):
            for end in range(min(n, pos + MAX_SYLLABLE), pos, -1):
                piece = q[pos:end]
                # a whole syllable, an initial (b, zh), or whatever is being typed at the end
                if fewest[end] <= n and (piece in whole or piece in ("zh", "ch", "sh")
                                         or (end - pos == 1 and piece not in "iuv")
                                         or (end == n and piece in prefixes)):
                    if fewest[end] + 1 < fewest[pos]:
                        fewest[pos] = fewest[end] + 1
                        ends[pos] = [end]
                    elif fewest[end] + 1 == fewest[pos]:
                        ends[pos].append(end)
        found: list[tuple[str, ...]] = []
        if fewest[0] > n:
            return found

        def walk(pos: int, pieces: tuple[str, ...]) -> None:
            if len(found) >= MAX_PARTITIONS:
                return
            if pos == n:
                if len(pieces) < n and any(p not in whole for p in pieces[:-1]):
                    found.append(pieces)
                return
            for end in ends[pos]:
                walk(end, (*pieces, q[pos:end]))

        walk(0, ())
        return found

    def _fuzzy(self, q: str, limit: int, have: set[int], allowed: set[int] | None) -> list[int]:
        """Mixed full pinyin and initials (shehbxdj, hukoudj): each piece of the typed text begins one
        syllable of the name, in a row. Candidates come from the initials index, then a regex over the
        item's syllables confirms them."""
        space = self.spaces["in"]
        found: dict[int, tuple[int, int]] = {}
        for pieces in self._partitions(q):
            lo, hi = space.range("".join(p[0] for p in pieces))
            if hi - lo > FUZZY_MAX_RANGE:
                continue
            pattern = re.compile("\\|" + "[a-z0-9]*\\|".join(pieces))
            for k in range(lo, hi):
                r = space.sc[k] % STRIDE
                if r in have or r in found or (allowed is not None and r not in allowed):
                    continue
                m = pattern.search(self.fuzzy_lines[r])
                if m is not None:
                    found[r] = (0 if m.start() == 0 else 1, r)
        ranked = sorted(found, key=lambda r: found[r])
        return [FUZZY * STRIDE + r for r in ranked[:limit]]

    def _search_all(self, fragments: list[str], limit: int, allowed: set[int] | None) -> list[int]:
        """Hanzi fragments: items whose name contains all of them, ranked by the rarest one."""
        space = self.spaces["hz"]
        ranges = [(space.range(f), f) for f in fragments]
        (lo, hi), first = min(ranges, key=lambda x: x[0][1] - x[0][0])
        if lo >= hi or hi - lo > MAX_AND_RANGE:
            return []
        rest = [f for f in fragments if f is not first]
        cands = _rank_range(space.text, space.sa, space.sc, len(first), lo, hi, len(self.codes), allowed)
        out = []
        for s in cands:
            name = normalise(self.names[s % STRIDE])
            if all(f in name for f in rest):
                out.append(s)
                if len(out) >= limit:
                    break
        return out

    def _pinyin_words(self, words: list[str], limit: int, have: set[int], allowed: set[int] | None) -> list[int]:
        """Pinyin words typed with spaces, in any order ("gongjijin tiqu"): items whose name reads as
        every word (full, initials or mixed), found from the rarest word."""
        best: tuple[int, str, list[tuple[_Space, int, int]]] | None = None
        for w in words:
            spans = [(sp, *sp.range(w)) for sp in (self.spaces["fp"], self.spaces["in"])]
            size = sum(hi - lo for _, lo, hi in spans)
            if best is None or size < best[0]:
                best = (size, w, spans)
        if best is None or best[0] == 0 or best[0] > MAX_AND_RANGE:
            return []
        _, first, spans = best
        patterns = [re.compile("\\|" + w[0] + "".join("(?:[a-z0-9]*\\|)?" + c for c in w[1:]))
                    for w in words if w is not first]
        found: set[int] = set()
        for sp, lo, hi in spans:
            for k in range(lo, hi):
                r = sp.sc[k] % STRIDE
                if r in have or r in found or (allowed is not None and r not in allowed):
                    continue
                line = self.fuzzy_lines[r]
                if all(p.search(line) for p in patterns):
                    found.add(r)
        return [FUZZY * STRIDE + r for r in sorted(found)[:limit]]


def _append(out: list[int], more: list[int], limit: int) -> list[int]:
    """Results of a looser reading of the query after those of the query as typed (as fuzzy matches,
    so the match kinds stay in order), one entry per item."""
    if not out:
        return more[:limit]
    have = {s % STRIDE for s in out}
    return out + [FUZZY * STRIDE + s % STRIDE for s in more if s % STRIDE not in have][: limit - len(out)]


def _merge(a: list[int], b: list[int], limit: int) -> list[int]:
    """Merge two best-first score lists, one entry per item."""
    out: list[int] = []
    seen: set[int] = set()
    for s in sorted(set(a) | set(b)):
        r = s % STRIDE
        if r not in seen:
            seen.add(r)
            out.append(s)
            if len(out) >= limit:
                break
    return out


def describe(blob: bytes) -> dict[str, Any]:
    """Sizes of an index blob, for benchmarks and the technician command line."""
    idx = SearchIndex(blob)
    return {"items": len(idx), "bytes": len(blob),
            "suffixes": {k: len(v.sa) for k, v in idx.spaces.items()},
            "heavy_prefixes": sum(len(v.heavy) for v in idx.spaces.values())}
