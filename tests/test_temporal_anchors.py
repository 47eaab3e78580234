"""Anchored scanning finds exactly what a full ``finditer`` finds."""

from __future__ import annotations

import re

import pytest

from timeline.temporal.anchors import Anchors, finditer, prefixes
from timeline.temporal.rules import load

TEXTS = [
    "On 5 May 2020, the 3rd quarter ended; two weeks ago THE MEETING was held.",
    "1" * 300 + " 2024 2024-05-06 12/31/1999 (((12 May 1999))) \u00a0May\u00a016",
    "Dec. 16, Dec. 16, the 1990s and '90s, FY2025, Q3 2024, 9:30 a.m. Thursday",
    "İstanbul ſeptember Kelvin \u212a days; “January 19” — every Monday, twice a week",
    "\t \n May may March march the 1st the 2nd of of of a year and a half",
    # ASCII only (scanned lower-cased, prefixes as a trie): words that start inside words
    "behalf a year; XMONDAYS and Mondays; soon. Lasoon will; 1917-1918Events of 1917",
    "'90s (((May 5))) Q3\x1c2024 the\tfirst\x0bquarter, SIX MONTHS AGO, every Friday",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_rule_finds_what_a_full_scan_finds(text: str) -> None:
    rules = load("en")
    patterns = [rule.regex for rule in rules.rules]
    positions = Anchors(patterns).positions(text)
    for pattern, where in zip(patterns, positions, strict=True):
        full = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in finditer(pattern, text, where)] == full, pattern.pattern[:60]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<!\w)(?:the\s)?(?P<n>\d\d)", {"the", "00"}),
        (r"(?<!\w)(?i:may)\b", {"may"}),
        (r"(?<!\w)a|b", None),  # the second branch may start inside a word
        (r"(?<!\w)(\w)\1", None),  # a back reference: scanned in full
    ],
)
def test_prefixes(pattern: str, expected: set[str] | None) -> None:
    found = prefixes(re.compile(pattern, re.IGNORECASE), 3)
    assert (set(found) if found is not None else None) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<!\w)(?:(?<=\b[Ii]n\s)|(?<=\bsince\s))\d\d",  # tried after the lookbehind's text
        r"(?<!\w)(?<=\bthe\s)(?-i:[A-Z][a-z]+)\s(?:Days|Years)",  # too many prefixes of 8
        r"(?<!\w)\d\d?(?=\s?(?:-|to\s))",  # a lookahead narrows the start: "12-", "7 to"
        r"(?<!\w)(?:(?<=\bat\s)|(?<=@\s))\d",  # "@" starts no word: plain prefixes
        r"(?<!\w)x\d|(?:(?<=\bat\s)|(?<=\bby\s))\d",  # the lookbehind starts a word anyway
    ],
)
def test_lookarounds_narrow_the_starts_but_find_every_match(pattern: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    text = (
        "in 12, IN 34, since 99 to 5, ain 56, 12-13, 7 to 8, at 9 @ 1"
        " The Hundred Days, the Seven Years"
    )
    found = [m.span() for m in compiled.finditer(text)]
    for sample in (text, text + " \u00e9"):  # the ASCII scan and the generic one
        (where,) = Anchors([compiled]).positions(sample)
        assert where is not None
        assert [m.span() for m in finditer(compiled, sample, where)] == found
    assert found


def test_a_pattern_that_may_start_inside_a_word_gets_its_own_prefilter() -> None:
    pattern = re.compile(r"(?<!\w)(?:a|one) half|half (?:a|an) year", re.IGNORECASE)
    text = "behalf a year; one half; HALF AN YEAR; half a year"
    (where,) = Anchors([pattern]).positions(text)
    assert where is not None
    assert [m.span() for m in finditer(pattern, text, where)] == [
        m.span() for m in pattern.finditer(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It was planned and WORKED; they'll meet, we won't, I'll see; o'ed bed embed it.",
        "PLANNED rented-out 'worked' worked's abc'defGhi a'b'c DON'T had been scheduled",
        "will be held; has been postponed until Friday, shall go, expected soon, delayed",
        TEXTS[0],
    ],
)
def test_tense_cues_of_ascii_text_are_those_of_a_full_scan(text: str) -> None:
    from timeline.temporal.resolve import find_cues

    rules = load("en")
    found = find_cues(text, rules)
    # a non-ASCII letter after the text sends it down the generic path: every word
    generic = find_cues(text + " \u00e9", rules)
    assert found == generic
    assert found.starts  # the case does test something


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left. She stayed!  'Why?' (Nobody knew.) 2024 was", [0, 9, 22, 29, 44]),
        (".\n\n.\n\nA", [0, 3, 6]),
        ("a.\nB!  'C?\"(D\n\nx\ny\nZ. . .  A", [0, 3, 7, 15, 19, 27]),
        ("..  A!!  B?!\n\n\nC e.g. no", [0, 4, 9, 15]),
    ],
)
def test_sentence_starts(text: str, expected: list[int]) -> None:
    from timeline.temporal.resolve import sentence_starts

    assert sentence_starts(text) == expected
