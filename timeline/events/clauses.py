"""Tokens, clauses and rough verb recognition, enough to cut titles out of news sentences.

No part-of-speech model: verbs are recognised by word tables (auxiliaries,
irregular verbs, reporting verbs) and by shape ("-ed" after no determiner,
"-ing" that is not a known noun).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.events import lexicon

Span = tuple[int, int]


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its offsets in the sentence."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        """The token in lower case, with curly apostrophes made straight."""
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        """True unless the token is punctuation."""
        return self.text[:1].isalnum()

    @property
    def is_capitalized(self) -> bool:
        """True for words that start with a capital letter ("Trump", "U.S.")."""
        return self.text[:1].isupper()


@cache
def _token_pattern() -> re.Pattern[str]:
    # Inside a sentence even "Inc." or "Corp." keeps its period: at a sentence's end
    # no whitespace follows it, so the lookahead below leaves the period alone.
    abbreviations = sorted(lexicon.pairs("abbreviations.txt"), key=len, reverse=True)
    dotted = "|".join(re.escape(word) for word in abbreviations)
    return re.compile(
        r"(?:[A-Za-z]\.){2,}"  # U.S., a.m.
        rf"|(?i:(?:{dotted})\.)(?=\s)"  # Mr., Jan.
        r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: "John F. Kennedy"
        r"|[’']s\b"  # possessive as a token of its own
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 92,000
        r"|\w+(?:(?:[’'](?!s\b)|[\-.])\w+)*"  # words, numbers, "state-run", "3.5"
        r"|[^\w\s]"
    )


def tokenize(text: str, offset: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[offset:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [
        Token(match.group(), match.start(), match.end())
        for match in _token_pattern().finditer(text, offset, stop)
    ]


@cache
def irregular_forms() -> dict[str, tuple[str, str, str]]:
    """Every form of an irregular verb mapped to (base, past, participle)."""
    forms: dict[str, tuple[str, str, str]] = {}
    for base, past, participle in lexicon.rows("irregular_verbs.txt"):
        for form in (base, past, participle, *_ing_forms(base)):
            forms.setdefault(form, (base, past, participle))
    return forms


def _ing_forms(base: str) -> tuple[str, ...]:
    if base.endswith("ie"):
        return (base[:-2] + "ying",)
    if base.endswith("e") and not base.endswith("ee"):
        return (base[:-1] + "ing",)
    return (base + "ing", base + base[-1] + "ing")


def is_participle(token: Token) -> bool:
    """An "-ing" word used as a verb ("setting", "crediting"), not "during" or "morning"."""
    word = token.lower
    return (
        len(word) > 4
        and word.endswith("ing")
        and not token.is_capitalized
        and word not in lexicon.words("ing_nouns.txt")
    )


def is_finite_verb(tokens: list[Token], index: int) -> bool:
    """Whether ``tokens[index]`` looks like a finite verb."""
    token = tokens[index]
    word = token.lower
    if not token.is_word or (token.is_capitalized and index > 0):
        return False
    previous = tokens[index - 1].lower if index > 0 else ""
    if previous in lexicon.words("determiners.txt"):
        return False
    if word in lexicon.words("auxiliaries.txt") or word in lexicon.words("reporting_verbs.txt"):
        return True
    forms = irregular_forms().get(word)
    if forms is not None and word in forms[1:]:
        return True
    if len(word) > 4 and word.endswith("ed"):
        return True
    return _present_tense(word) and index > 0 and _may_precede_verb(tokens[index - 1])


def _present_tense(word: str) -> bool:
    """ "expect", "plans", "faces", "pushes" of a common verb."""
    verbs = lexicon.words("common_verbs.txt")
    return (
        word in verbs
        or (word.endswith("s") and word[:-1] in verbs)
        or (word.endswith("es") and word[:-2] in verbs)
    )


def _may_precede_verb(token: Token) -> bool:
    """A subject can end with this token: not a determiner, preposition or verb."""
    word = token.lower
    if not token.is_word or word in lexicon.words("determiners.txt"):
        return False
    if word in lexicon.words("temporal_prepositions.txt") or word in {"to", "with", "of"}:
        return False
    if word.endswith("ed") or word in lexicon.words("auxiliaries.txt"):
        return False
    return word not in irregular_forms()


def has_verb(tokens: list[Token]) -> bool:
    """Whether a clause holds a finite verb or an "-ing" participle."""
    return any(is_finite_verb(tokens, i) or is_participle(t) for i, t in enumerate(tokens))


def past_of_participle(word: str) -> str:
    """Past tense of an "-ing" form: "setting" -> "set", "crediting" -> "credited"."""
    lowered = word.lower()
    forms = irregular_forms().get(lowered)
    if forms is not None:
        return forms[1]
    stem = lowered[:-3]
    if stem.endswith("e"):
        return stem + "d"
    if len(stem) > 1 and stem.endswith("y") and stem[-2] not in "aeiou":
        return stem[:-1] + "ied"
    return stem + "ed"


@cache
def _separator() -> re.Pattern[str]:
    subordinators = "|".join(
        re.escape(word)
        for word in sorted(lexicon.words("subordinators.txt"), key=len, reverse=True)
    )
    return re.compile(
        r"\s*[,;:][”’\"]?\s+"
        r"|\s+(?:[—–-]{1,4}|_)\s+"
        r"|\s*—\s*"
        rf"|\s+(?=(?:{subordinators})\b)"
    )


def clause_spans(sentence: str, protected: list[Span]) -> list[Span]:
    """Spans of the clauses of a sentence: cut at commas, colons, dashes, brackets.

    A separator inside a protected span (a timex such as "Oct. 31, 2025") does not cut.
    """
    spans: list[Span] = []
    start = 0
    for match in _separator().finditer(sentence):
        if any(a < match.end() and match.start() < b for a, b in protected):
            continue
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(sentence):
        spans.append((start, len(sentence)))
    return spans or [(0, len(sentence))]


def split_coordination(sentence: str, spans: list[Span]) -> list[Span]:
    """Cut clauses again before "and" + a finite verb ("was founded ... and went public").

    A subordinate clause with its own subject and verb is cut off too ("began on
    September 22 | after talks ... collapsed in late August"), so each date keeps
    the clause it belongs to.
    """
    result: list[Span] = []
    for start, end in _split_subordinate(sentence, spans):
        tokens = tokenize(sentence, start, end)
        cut = start
        for i, token in enumerate(tokens[:-1]):
            if token.lower != "and" or i == 0:
                continue
            following = i + 1
            while following < len(tokens) - 1 and tokens[following].lower in lexicon.words(
                "adverbs.txt"
            ):
                following += 1
            if is_finite_verb(tokens, following) and has_verb(tokens[:i]):
                result.append((cut, tokens[i - 1].end))
                cut = tokens[following].start
        result.append((cut, end))
    return result


#: Longest subject (in words) between a subordinator and its verb.
_SUBORDINATE_SUBJECT = 6


def _split_subordinate(sentence: str, spans: list[Span]) -> list[Span]:
    """Cut before "after/when/because ..." + subject + finite verb, after a clause with a verb."""
    result: list[Span] = []
    subordinators = lexicon.words("clause_openers.txt")
    for start, end in spans:
        tokens = tokenize(sentence, start, end)
        cut = start
        for i, token in enumerate(tokens[:-2]):
            if token.lower not in subordinators or i < 2 or token.start <= cut:
                continue
            if not has_verb([t for t in tokens[:i] if t.start >= cut]):
                continue
            if subject_and_verb(tokens, i + 1):
                result.append((cut, tokens[i - 1].end))
                cut = token.start
        result.append((cut, end))
    return result


def subject_and_verb(tokens: list[Token], start: int) -> bool:
    """A short subject (no verb, no punctuation) then a finite verb, from ``start``.

    A second finite verb later ("before the bomb exploded was identified") means the
    main clause goes on after it, so that is no clause of its own.
    """
    for j in range(start + 1, min(start + 1 + _SUBORDINATE_SUBJECT, len(tokens))):
        if is_finite_verb(tokens, j):
            return not any(is_finite_verb(tokens, k) for k in range(j + 1, len(tokens)))
        if not tokens[j].is_word or is_participle(tokens[j]):
            return False
    return False
