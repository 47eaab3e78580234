"""Run many word-initial regexes over a text by trying each only where it can start.

Every pattern the tagger scans with begins with ``(?<!\\w)``: a match starts where a
word (or a sign) starts. Reading each compiled pattern's syntax tree gives the first
few characters any of its matches can begin with. One pass over the text then lists
the positions that start a word, and a pattern is tried (``pattern.match``) only at
the positions whose first characters it can begin with, instead of at every
character. A pattern that may also start inside a word (a top-level alternative
without the lookbehind) gets a prefilter of its own: a regex opening with a plain
character class, which ``re`` skips through in C. Results are exactly those of
``pattern.finditer``: a pattern is only ever skipped where it cannot match, and a
pattern whose start cannot be told is scanned in full.

Characters are compared in a canonical form that no pattern can tell apart more
finely than it matches: any white space is one symbol, any decimal digit another,
ASCII letters are lower-cased; a cased non-ASCII letter makes a position a candidate
for every pattern.
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

#: how many leading characters tell patterns apart
KEY = 8
#: the same for patterns that may start inside a word (a shorter prefilter)
_FREE_KEY = 3
#: how many of them the scan of lower-cased ASCII text tests (a longer trie compiles slowly)
_SCAN_KEY = 6
#: a symbol that stands for any character
ANY = "*"
_SPACE = " "
_DIGIT = "0"
_MAX_PREFIXES = 20_000


class _Unknown(Exception):
    """A pattern whose starts cannot be told: it is scanned in full."""


@lru_cache(maxsize=4096)
def canon(ch: str) -> str | None:
    """The symbol a text character counts as; None when only a full scan is safe."""
    if ch.isspace():
        return _SPACE
    if ch.isdecimal():
        return _DIGIT
    if ch.isascii():
        return ch.lower()
    if ch.lower() == ch and ch.upper() == ch:
        return ch  # caseless: punctuation, dashes, curly quotes
    return None


def _symbols_of_char(code: int, ignore_case: bool) -> frozenset[str]:
    ch = chr(code)
    symbol = canon(ch)
    if symbol is None or (ignore_case and not ch.isascii() and ch.lower() != ch.upper()):
        raise _Unknown
    return frozenset({symbol})


_CATEGORIES = {sre.CATEGORY_DIGIT: _DIGIT, sre.CATEGORY_SPACE: _SPACE}


def _symbols_of_set(items: list, ignore_case: bool) -> frozenset[str]:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out |= _symbols_of_char(av, ignore_case)
        elif op is sre.RANGE:
            low, high = av
            if high - low > 512:
                raise _Unknown
            for code in range(low, high + 1):
                out |= _symbols_of_char(code, ignore_case)
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:  # \w, negated sets, ...: anything
            return frozenset({ANY})
    return frozenset(out)


def _concat(left: set[str], right_of, k: int) -> set[str]:
    """Prefixes of A followed by B, given A's prefixes and a function for B's."""
    out: set[str] = set()
    tails: dict[int, set[str]] = {}
    for head in left:
        if len(head) >= k:
            out.add(head)
            continue
        need = k - len(head)
        if need not in tails:
            tails[need] = right_of(need)
        for tail in tails[need]:
            out.add(head + tail)
        if len(out) > _MAX_PREFIXES:
            raise _Unknown
    return out


def _seq(items: Sequence, k: int, ignore_case: bool) -> set[str]:
    """Every prefix of length ``k`` of the sequence's matches, or a whole shorter match."""
    result: set[str] = {""}
    for op, av in items:
        result = _concat(result, lambda n, op=op, av=av: _item(op, av, n, ignore_case), k)
        if all(len(p) >= k for p in result):
            break
    return result


def _item(op, av, k: int, ignore_case: bool) -> set[str]:
    if op is sre.LITERAL:
        return set(_symbols_of_char(av, ignore_case))
    if op is sre.IN:
        return set(_symbols_of_set(av, ignore_case))
    if op in (sre.ANY, sre.NOT_LITERAL):
        return {ANY}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}
    if op is sre.SUBPATTERN:
        _, add, remove, body = av
        case = (ignore_case or bool(add & sre.SRE_FLAG_IGNORECASE)) and not (
            remove & sre.SRE_FLAG_IGNORECASE
        )
        return _seq(body, k, case)
    if op is sre.ATOMIC_GROUP:
        return _seq(av, k, ignore_case)
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            out |= _seq(branch, k, ignore_case)
        return out
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = av
        return _repeat(low, high, body, k, ignore_case)
    raise _Unknown  # back references and the like


def _repeat(low: int, high: int, body, k: int, ignore_case: bool) -> set[str]:
    once = _seq(body, k, ignore_case)
    out: set[str] = {""} if low == 0 else set()
    current: set[str] = {""}
    top = low + k if high == sre.MAXREPEAT else min(high, low + k)
    for count in range(1, top + 1):
        current = _concat(current, lambda n: {p[:n] for p in once}, k)
        if count >= low:
            out |= current
        if all(len(p) >= k for p in current) and count >= low:
            break
    return out


def _starts_at_word(items) -> bool:
    """True when the items open with ``(?<!\\w)``, or ``(?<![\\w.])`` and the like."""
    if not items:
        return False
    op, av = items[0]
    if op is not sre.ASSERT_NOT or av[0] != -1:
        return False
    body = list(av[1])
    if len(body) != 1 or body[0][0] is not sre.IN:
        return False
    return (sre.CATEGORY, sre.CATEGORY_WORD) in body[0][1] and (sre.NEGATE, None) not in body[0][1]


def _valid(found: set[str]) -> frozenset[str] | None:
    """``found`` unless one of its prefixes could start anywhere."""
    if "" in found or any(p.startswith(ANY) or p.startswith(_SPACE) for p in found):
        return None
    return frozenset(found)


def _parse(pattern: re.Pattern[str]):
    try:
        return sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):
        return None


def prefixes(
    pattern: re.Pattern[str], k: int = KEY, *, word_start: bool = True
) -> frozenset[str] | None:
    """The canonical first ``k`` characters of the pattern's matches (shorter: a whole match).

    None when they cannot be told (then the pattern must be scanned in full), or, with
    ``word_start``, when the pattern does not open with ``(?<!\\w)``.
    """
    parsed = _parse(pattern)
    if parsed is None or (word_start and not _starts_at_word(parsed.data)):
        return None
    try:
        return _valid(_seq(parsed.data, k, bool(pattern.flags & re.IGNORECASE)))
    except (_Unknown, RecursionError):
        return None


class Prefixes(NamedTuple):
    """Where a pattern's matches may start, as canonical prefixes."""

    #: of the matches that start a word
    word: frozenset[str]
    #: of the matches that may start inside a word
    free: frozenset[str]
    #: of the text a leading lookbehind reads, by its width: "(?<=\\bthe\\s)X" is tried 4
    #: characters after a word starting "the X"
    behind: dict[int, frozenset[str]]


def split_prefixes(
    pattern: re.Pattern[str], k: int = KEY, free_k: int = _FREE_KEY
) -> Prefixes | None:
    """The prefixes of the matches that start a word (``k`` long) and of the others.

    A pattern written as ``(?<!\\w)a|b`` has a top-level alternative that may start
    inside a word: only that one gets the shorter prefixes (``free_k`` long) of a
    pattern tried anywhere. None when some start cannot be told.
    """
    parsed = _parse(pattern)
    if parsed is None:
        return None
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    data = list(parsed.data)
    if len(data) == 1 and data[0][0] is sre.BRANCH:
        branches = [list(branch) for branch in data[0][1][1]]
    else:
        branches = [data]
    word: set[str] = set()
    free: set[str] = set()
    behind: dict[int, set[str]] = {}
    try:
        for branch in branches:
            at_word = _starts_at_word(branch)
            # the text of a leading lookbehind "\\bthe\\s" starts a word, whatever follows
            if (found := _behind(branch[1:] if at_word else branch, k, ignore_case)) is not None:
                for width, more in found.items():
                    behind.setdefault(width, set()).update(more)
            elif at_word:
                word |= _whole(branch, k, ignore_case)
            else:
                free |= _whole(branch, free_k, ignore_case)
    except (_Unknown, RecursionError):
        return None
    valid = [_valid(found) if found else frozenset() for found in (word, free, *behind.values())]
    if any(found is None for found in valid):
        return None
    return Prefixes(valid[0], valid[1], dict(zip(behind, valid[2:], strict=True)))  # type: ignore[arg-type]


_POSITION = itemgetter(0)
#: widths of a leading lookbehind the trie can tell (a code holds index and width)
_MAX_BEHIND = 64


def _behind(items: list, k: int, ignore_case: bool) -> dict[int, set[str]] | None:
    """Prefixes from the start of each lookbehind ``items`` open with, by width, when
    every one of them starts a word (``\\b`` then a word character); else None."""
    if not items:
        return None
    op, av = items[0]
    if op is sre.ASSERT and av[0] == -1:
        looks = [av[1]]
    elif op is sre.BRANCH and all(
        len(alt) == 1 and alt[0][0] is sre.ASSERT and alt[0][1][0] == -1 for alt in av[1]
    ):
        looks = [alt[0][1][1] for alt in av[1]]
    else:
        return None
    rest = items[1:]
    out: dict[int, set[str]] = {}
    for look in looks:
        low, high = look.getwidth()
        body = list(look.data)
        if low != high or not 0 < low < _MAX_BEHIND or body[0] != (sre.AT, sre.AT_BOUNDARY):
            return None
        try:
            firsts = _seq(body, 1, ignore_case)
        except _Unknown:
            return None
        if not all(f == _DIGIT or f.isalpha() for f in firsts):
            return None  # \b before a non-word character: no word starts there
        for size in sorted({k, min(k, low + 2), min(k, low + 1)}, reverse=True):
            try:
                found = _concat(
                    _seq(body, size, ignore_case), lambda n: _whole(rest, n, ignore_case), size
                )
            except _Unknown:
                continue
            out.setdefault(low, set()).update(found)
            break
        else:
            return None
    return out


#: at most this many pairs of prefixes are merged for a lookahead (else it is let through)
_MAX_MERGE = 20_000


def _whole(items: list, k: int, ignore_case: bool) -> set[str]:
    """The prefixes of a whole pattern (or top-level alternative): nothing follows it, so
    a lookahead in it constrains the text too ("12(?= to )" starts "00 to ", not "00")."""
    try:
        return _top_seq(items, k, ignore_case)
    except _Unknown:
        return _seq(items, k, ignore_case)


def _top_seq(items: list, k: int, ignore_case: bool) -> set[str]:
    i = next((i for i, (op, av) in enumerate(items) if op is sre.ASSERT and av[0] == 1), None)
    if i is None:  # no positive lookahead
        return _seq(items, k, ignore_case)
    ahead_items, rest = list(items[i][1][1].data), items[i + 1 :]

    def tails(n: int) -> set[str]:
        after = _top_seq(rest, n, ignore_case)
        ahead = _seq(ahead_items, n, ignore_case)
        if len(after) * len(ahead) > _MAX_MERGE:
            return after
        return {m for a in ahead for b in after if (m := _merge(a, b)) is not None}

    return _concat(_seq(items[:i], k, ignore_case), tails, k)


def _merge(a: str, b: str) -> str | None:
    """The text both prefixes allow (a shorter one leaves the rest free), or None."""
    if len(a) < len(b):
        a, b = b, a
    out = []
    for x, y in zip(a, b, strict=False):
        if x == y or y == ANY:
            out.append(x)
        elif x == ANY:
            out.append(y)
        else:
            return None
    return "".join(out) + a[len(b) :]


class _Trie:
    """Prefixes of several patterns: which patterns may start with a given text."""

    def __init__(self, k: int) -> None:
        self.k = k
        # node = (indices of the patterns whose prefix ends here, children)
        self.root: tuple[set[int], dict[str, tuple]] = (set(), {})
        self.firsts: set[str] = set()
        self.prefixes: set[str] = set()
        self.indices: set[int] = set()
        self.memo: dict[str, tuple[int, ...]] = {}
        self._everyone: tuple[int, ...] = ()

    def add(self, index: int, found: frozenset[str]) -> None:
        self.prefixes |= found
        for prefix in found:
            self.firsts.add(prefix[0])
            node = self.root
            for symbol in prefix:
                node = node[1].setdefault(symbol, (set(), {}))
            node[0].add(index)
        self.indices.add(index)
        self._everyone = tuple(sorted(self.indices))

    def _lookup(self, key: str) -> tuple[int, ...]:
        found: set[int] = set()
        frontier = [self.root]
        for ch in key:
            symbol = canon(ch)
            if symbol is None:
                return self._everyone
            reached = []
            for node in frontier:
                for edge in (symbol, ANY):
                    child = node[1].get(edge)
                    if child is not None:
                        found |= child[0]
                        reached.append(child)
            frontier = reached
            if not frontier:
                break
        return tuple(sorted(found))

    def rules_at(self, key: str) -> tuple[int, ...]:
        """Indices of the patterns that may start with the text ``key``."""
        hit = self.memo.get(key)
        if hit is None:
            if len(self.memo) > 200_000:
                self.memo.clear()
            hit = self.memo[key] = self._lookup(key)
        return hit


class Anchors:
    """Where each of several patterns may start in a text, found in one pass.

    ``Anchors(patterns).positions(text)`` gives, per pattern, the sorted positions to
    try; ``None`` for a pattern that must be scanned in full.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]], k: int = KEY) -> None:
        self.k = k
        self.count = len(patterns)
        self.full_scan = [False] * len(patterns)
        #: the starts of matches that begin a word, and of those that may not
        self._words = _Trie(k)
        self._free = _Trie(k)
        for index, pattern in enumerate(patterns):
            # the whole key where it stays small: "years-long" is rarer than "yea"
            found = split_prefixes(pattern, k, k) or split_prefixes(pattern, k)
            if found is None:
                self.full_scan[index] = True
                continue
            if found.word:
                self._words.add(index, found.word)
            if found.free:
                self._free.add(index, found.free)
            for width, behind in found.behind.items():
                # tried ``width`` characters after where the lookbehind's text starts
                self._words.add(-(index * _MAX_BEHIND + width) - 1, behind)
        firsts = self._words.firsts
        self._starts = re.compile(r"(?<!\w)" + _first_class(firsts)) if firsts else None
        free = {prefix[:_SCAN_KEY] for prefix in self._free.prefixes}
        self._free_starts = re.compile(_prefilter(frozenset(free))) if free else None
        #: patterns found by both scans: their positions are merged
        self._both = sorted(self._words.indices & self._free.indices)
        words = self._words.prefixes
        trie = _ascii_trie({prefix[:_SCAN_KEY] for prefix in words})
        self._ascii_starts = re.compile(f"(?s)[^a-z0-9_](?={trie})") if words else None
        self._ascii_first = re.compile(f"(?s){trie}") if words else None
        self._ascii_free = re.compile(_ascii_prefilter(free)) if free else None

    def rules_at(self, key: str) -> tuple[int, ...]:
        """Indices of the patterns whose matches starting a word may start with ``key``."""
        return self._words.rules_at(key)

    def starts(self, text: str) -> list[tuple[int, tuple[int, ...]]]:
        """The positions where some pattern may start, in order, each with the indices of
        those patterns (the patterns scanned in full, ``full_scan``, are left out)."""
        if text.isascii():
            # lower-cased ASCII: each symbol is one character, so the scans below can
            # test the prefixes themselves (a trie-shaped regex) instead of first letters
            text = text.lower()
            scans = [(self._words, self._ascii_word_starts(text))]
            if self._ascii_free is not None:
                scans.append((self._free, [m.start() for m in self._ascii_free.finditer(text)]))
        else:
            scans = [
                (trie, [m.start() for m in starts.finditer(text)])
                for starts, trie in ((self._starts, self._words), (self._free_starts, self._free))
                if starts is not None
            ]
        out: list[tuple[int, tuple[int, ...]]] = []
        later: list[tuple[int, tuple[int, ...]]] = []
        for trie, found in scans:
            k = trie.k
            memo = trie.memo
            for p in found:
                key = text[p : p + k]
                hit = memo.get(key)
                if hit is None:
                    hit = trie.rules_at(key)
                if hit:
                    if hit[0] >= 0:
                        out.append((p, hit))
                    else:  # codes below 0 (sorted first) are tried after a lookbehind
                        _shifted(p, hit, out, later)
        if len(scans) > 1 or later:
            out += later
            out.sort(key=_POSITION)  # runs of sorted positions: merged in linear time
        return out

    def positions(self, text: str) -> list[list[int] | None]:
        """Per pattern, the positions in ``text`` to try it at (None: scan in full)."""
        out: list[list[int] | None] = [None if full else [] for full in self.full_scan]
        for p, indices in self.starts(text):
            for index in indices:
                out[index].append(p)  # type: ignore[union-attr]
        for index in self._both:
            out[index] = sorted(set(out[index]))  # type: ignore[arg-type]
        return out

    def _ascii_word_starts(self, lower: str) -> list[int]:
        """Word starts of lower-cased ASCII text where some prefix of ``_words`` begins."""
        if self._ascii_starts is None:
            return []
        # a word starts after a non-word character: re skips to those in C
        found = [m.end() for m in self._ascii_starts.finditer(lower)]
        if self._ascii_first.match(lower):  # type: ignore[union-attr]
            found.insert(0, 0)
        return found


def _shifted(
    p: int,
    codes: tuple[int, ...],
    out: list[tuple[int, tuple[int, ...]]],
    later: list[tuple[int, tuple[int, ...]]],
) -> None:
    """Sort the codes found at ``p``: a pattern's index, or (below 0) an index and the
    width of the lookbehind whose text starts at ``p``."""
    plain = tuple(code for code in codes if code >= 0)
    if plain:
        out.append((p, plain))
    for code in codes:
        if code < 0:
            index, width = divmod(-code - 1, _MAX_BEHIND)
            later.append((p + width, (index,)))


def _ascii_class(symbol: str) -> str:
    """The characters of lower-cased ASCII text a symbol stands for, as a regex."""
    if symbol == _DIGIT:
        return "[0-9]"
    if symbol == _SPACE:
        return r"[\t-\r\x1c-\x1f ]"
    if symbol == ANY:
        return "."
    return re.escape(symbol)


def _ascii_chars(symbol: str) -> list[str]:
    """The characters of lower-cased ASCII text a (first) symbol stands for."""
    if symbol == _DIGIT:
        return list("0123456789")
    if symbol == _SPACE:
        return list("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f ")
    return [symbol]


def _ascii_trie(found: set[str]) -> str:
    """A regex (trie-shaped) matching the start of any of ``found`` in lower-cased ASCII."""
    if "" in found:
        return ""  # a whole match this short: anything may follow
    return _trie(found, _ascii_class)


def literal_trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` literally, shaped as a trie (``re`` tries an
    alternation's branches one by one: a trie tries each character once)."""
    return _trie(set(words), re.escape)


def _trie(found: set[str], char: Callable[[str], str]) -> str:
    if not found:
        return "(?!)"
    by_first: dict[str, set[str]] = {}
    for prefix in found:
        if prefix:
            by_first.setdefault(prefix[0], set()).add(prefix[1:])
    branches = [char(first) + _trie_rest(rests, char) for first, rests in sorted(by_first.items())]
    if "" in found:
        branches.append("")  # last: a longer word is tried first
    return "(?:" + "|".join(branches) + ")"


def _trie_rest(found: set[str], char: Callable[[str], str]) -> str:
    return "" if found == {""} else _trie(found, char)


def _ascii_prefilter(found: set[str]) -> str:
    """Like :func:`_prefilter` for lower-cased ASCII: each branch opens with a literal (re
    then skips to the first characters in C) and consumes it alone."""
    by_first: dict[str, set[str]] = {}
    for prefix in found:
        by_first.setdefault(prefix[0], set()).add(prefix[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        tail = _ascii_trie(rests)
        for ch in _ascii_chars(first):
            branches.append(re.escape(ch) + (f"(?={tail})" if tail else ""))
    return "(?s:" + "|".join(branches) + ")"


def _first_class(symbols: set[str]) -> str:
    """A class of every character whose symbol is in ``symbols``, and any non-ASCII one
    (a cased non-ASCII letter may stand for any symbol)."""
    return "[" + "".join(_symbol_class(symbol) for symbol in sorted(symbols)) + "]"


def _symbol_class(symbol: str) -> str:
    """The characters a symbol stands for, as a class body (any non-ASCII one too)."""
    if symbol == _DIGIT:
        body = r"\d"
    elif symbol == _SPACE:
        body = r"\s"
    elif symbol.isascii() and symbol.isalpha():
        body = symbol + symbol.upper()
    else:
        body = re.escape(symbol)
    return body + r"\x80-\U0010ffff"


def _prefilter(found: frozenset[str]) -> str:
    """A regex that stops at every position where one of ``found`` may start.

    It opens with a plain character class, so ``re`` skips other characters in C, and
    consumes one character only, so no candidate hides another.
    """
    by_first: dict[str, set[str]] = {}
    for prefix in found:
        by_first.setdefault(prefix[0], set()).add(prefix[1:])
    first = "".join(_symbol_class(symbol) for symbol in sorted(by_first))
    branches = []
    for symbol, rests in sorted(by_first.items()):
        if "" in rests:
            tails = ""
        else:
            alts = "|".join(
                "".join("[" + _symbol_class(c) + "]" if c != ANY else "." for c in rest)
                for rest in sorted(rests)
            )
            tails = f"(?=(?:{alts}))"
        branches.append(f"(?<=[{_symbol_class(symbol)}]){tails}")
    return f"(?s:[{first}](?:{'|'.join(branches)}))"


def finditer(
    pattern: re.Pattern[str], text: str, positions: list[int] | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only ``positions`` (sorted) when given."""
    if positions is None:
        yield from pattern.finditer(text)
        return
    match = pattern.match
    last = 0
    for p in positions:
        if p < last:
            continue
        m = match(text, p)
        if m is not None:
            last = m.end()
            yield m
