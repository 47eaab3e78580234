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
from collections.abc import Iterator, Sequence
from functools import lru_cache

#: how many leading characters tell patterns apart
KEY = 6
#: the same for patterns that may start inside a word (a shorter prefilter)
_FREE_KEY = 3
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


def _starts_at_word(parsed) -> bool:
    """True when the pattern opens with ``(?<!\\w)``, or ``(?<![\\w.])`` and the like."""
    if not parsed.data:
        return False
    op, av = parsed.data[0]
    if op is not sre.ASSERT_NOT or av[0] != -1:
        return False
    body = list(av[1])
    if len(body) != 1 or body[0][0] is not sre.IN:
        return False
    return (sre.CATEGORY, sre.CATEGORY_WORD) in body[0][1] and (sre.NEGATE, None) not in body[0][1]


def prefixes(
    pattern: re.Pattern[str], k: int = KEY, *, word_start: bool = True
) -> frozenset[str] | None:
    """The canonical first ``k`` characters of the pattern's matches (shorter: a whole match).

    None when they cannot be told (then the pattern must be scanned in full), or, with
    ``word_start``, when the pattern does not open with ``(?<!\\w)``.
    """
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):
        return None
    if word_start and not _starts_at_word(parsed):
        return None
    try:
        found = _seq(parsed.data, k, bool(pattern.flags & re.IGNORECASE))
    except (_Unknown, RecursionError):
        return None
    if "" in found or any(p.startswith(ANY) or p.startswith(_SPACE) for p in found):
        return None
    return frozenset(found)


class Anchors:
    """Where each of several patterns may start in a text, found in one pass.

    ``Anchors(patterns).positions(text)`` gives, per pattern, the sorted positions to
    try; ``None`` for a pattern that must be scanned in full.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]], k: int = KEY) -> None:
        self.k = k
        self.count = len(patterns)
        self.full_scan = [False] * len(patterns)
        #: patterns that may start inside a word: their own prefilter finds where
        self._free: dict[int, re.Pattern[str]] = {}
        # a trie of prefixes: node = (indices of the patterns whose prefix ends here, children)
        self._root: tuple[set[int], dict[str, tuple]] = (set(), {})
        firsts: set[str] = set()
        for index, pattern in enumerate(patterns):
            found = prefixes(pattern, k)
            if found is None:
                anywhere = prefixes(pattern, _FREE_KEY, word_start=False)
                if anywhere is None:
                    self.full_scan[index] = True
                else:
                    self._free[index] = re.compile(_prefilter(anywhere))
                continue
            for prefix in found:
                firsts.add(prefix[0])
                node = self._root
                for symbol in prefix:
                    node = node[1].setdefault(symbol, (set(), {}))
                node[0].add(index)
        self._starts = re.compile(r"(?<!\w)" + _first_class(firsts)) if firsts else None
        self._memo: dict[str, tuple[int, ...]] = {}
        self._everyone = tuple(
            i for i in range(self.count) if not self.full_scan[i] and i not in self._free
        )

    def _lookup(self, key: str) -> tuple[int, ...]:
        found: set[int] = set()
        frontier = [self._root]
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
        hit = self._memo.get(key)
        if hit is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            hit = self._memo[key] = self._lookup(key)
        return hit

    def positions(self, text: str) -> list[list[int] | None]:
        """Per pattern, the positions in ``text`` to try it at (None: scan in full)."""
        out: list[list[int] | None] = [None if full else [] for full in self.full_scan]
        for index, prefilter in self._free.items():
            out[index] = [m.start() for m in prefilter.finditer(text)]
        if self._starts is None:
            return out
        k = self.k
        rules_at = self.rules_at
        for m in self._starts.finditer(text):
            p = m.start()
            for index in rules_at(text[p : p + k]):
                out[index].append(p)  # type: ignore[union-attr]
        return out


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
