"""Apply the compiled rules to a text and keep the best non-overlapping matches.

Every rule is tried only where one of its matches can begin (see
:mod:`timeline.temporal.anchors`: one pass lists word starts, each rule is matched
at those its first characters allow; each regex is linear: no nested quantifiers,
bounded whitespace). Overlaps are resolved greedily: the longest
span wins, then the higher priority, then the earlier rule. A modifier written
just before a kept match ("early", "the end of", "more than") is then folded into
its span and recorded as ``mod``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.temporal.anchors import Anchors
from timeline.temporal.normalize import normalize
from timeline.temporal.rules import Rule, RuleSet

_WINDOW = 40
#: modifiers that only make sense on a point in time vs on an amount of time
_POINT_MODS = {"START", "MID", "END"}
_AMOUNT_MODS = {"LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"}
#: a duration that names a stretch of the calendar takes no amount modifier
_PERIOD_HEAD = re.compile(r"(?i)(?:the|past|last|next|coming|recent|several)\b")
#: a title in quotes ('ABC's "This Week With ..."', "''60 Minutes''") names a show, not a time
_TITLE_OPEN = re.compile(r"[\"“‘']$")
_TITLE_CLOSE = re.compile(r"(?: (?:[A-Z][\w']*|\d+))*[,.!?]?[\"”’'](?!\w)")


@dataclass(frozen=True)
class Match:
    """A kept rule match with its underspecified value."""

    start: int
    end: int
    rule: Rule
    value: str
    mod: str | None
    order: int

    @property
    def type(self) -> str:
        """TIMEX3 type of the rule that made the match."""
        return self.rule.type


def _anchors(rules: RuleSet) -> Anchors:
    """The start index of a rule set's patterns, built once per rule set."""
    held = _ANCHORS.get(id(rules))
    if held is None or held[0] is not rules:
        held = _ANCHORS[id(rules)] = (rules, Anchors([rule.regex for rule in rules.rules]))
    return held[1]


_ANCHORS: dict[int, tuple[RuleSet, Anchors]] = {}


#: a candidate as it sorts: (-length, -priority, rule order, start, end, regex match)
_Candidate = tuple[int, int, int, int, int, re.Match[str]]


def _candidates(text: str, rules: RuleSet, day_first: bool) -> list[_Candidate]:
    found: list[_Candidate] = []
    anchors = _anchors(rules)
    every = rules.rules
    # where a rule's last match ended: its matches do not overlap (as with finditer)
    last = [0] * len(every)
    for start, orders in anchors.starts(text):
        for order in orders:
            if start < last[order]:
                continue
            m = every[order].regex.match(text, start)
            if m is not None:
                last[order] = m.end()
                _consider(text, m, every[order], order, found)
    for order, full in enumerate(anchors.full_scan):
        if full:
            for m in every[order].regex.finditer(text):
                _consider(text, m, every[order], order, found)
    return found


def _consider(text: str, m: re.Match[str], rule: Rule, order: int, found: list[_Candidate]) -> None:
    """Keep a rule's match as a candidate unless it is empty or a veto applies."""
    start, end = m.span()
    if start == end:
        return
    if rule.not_after and rule.not_after.search(text, max(0, start - _WINDOW), start):
        return
    if rule.not_before and rule.not_before.match(text, end, end + _WINDOW):
        return
    found.append((start - end, -rule.priority, order, start, end, m))


def select(candidates: list[Match], rules: RuleSet, day_first: bool = False) -> list[Match]:
    """Longest span first, then priority, then rule order; drop what overlaps a kept span.

    Candidates carry their regex match as ``value``; only the kept ones are normalized
    (a match no value template fits is dropped and frees its span).
    """
    ranked = [
        (c.start - c.end, -c.rule.priority, c.order, c.start, c.end, c.value) for c in candidates
    ]
    ranked.sort(key=lambda c: c[:3])
    return _keep(ranked, rules, day_first)  # type: ignore[arg-type]


def _select(candidates: list[_Candidate], rules: RuleSet, day_first: bool) -> list[Match]:
    # a rule's matches do not overlap: (order, start) is unique and the sort never
    # compares two regex matches; ties keep the order of the rules, then of the text
    candidates.sort()
    return _keep(candidates, rules, day_first)


def _keep(candidates: list[_Candidate], rules: RuleSet, day_first: bool) -> list[Match]:
    size = max((c[4] for c in candidates), default=0)
    # one byte per character: 1 where a kept span lies (a check costs its span's length)
    occupied = bytearray(size)
    kept: list[Match] = []
    for _, _, order, start, end, m in candidates:
        if occupied.find(1, start, end) >= 0:
            continue
        rule = rules.rules[order]
        value = normalize(m, rule, rules, day_first=day_first)
        if value is None:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        kept.append(Match(start, end, rule, value, rule.mod, order))
    kept.sort(key=lambda c: c.start)
    return kept


def _with_modifier(text: str, match: Match, rules: RuleSet, floor: int) -> Match:
    if match.mod is not None:
        return match
    lo = max(floor, match.start - _WINDOW)
    m = rules.modifier.search(text, lo, match.start)
    if not m:
        return match
    mod = rules.fragments["modifier"].lookup(m.group("mod").rstrip("-"))
    if mod is None:
        return match
    if mod in _POINT_MODS and match.type != "DATE":
        return match
    ago = match.value.endswith("-AGO")  # "nearly two weeks ago" keeps its "nearly"
    if mod in _AMOUNT_MODS and (
        (match.type != "DURATION" and not ago) or _PERIOD_HEAD.match(text, match.start, match.end)
    ):
        # "over the past 20 years": "over" is the preposition, not "more than"
        return match
    if match.value.endswith("_REF"):
        return match
    return Match(m.start(), match.end, match.rule, match.value, mod, match.order)


def _quoted_title(text: str, match: Match) -> bool:
    """Whether the match is (the start of) a capitalized title of two or more words in quotes."""
    words = text[match.start : match.end].split()
    return (
        len(words) > 1
        and all(w[0].isupper() or w[0].isdigit() for w in words)
        and _TITLE_OPEN.search(text, max(0, match.start - 1), match.start) is not None
        and _TITLE_CLOSE.match(text, match.end) is not None
    )


def find(text: str, rules: RuleSet, *, day_first: bool = False) -> list[Match]:
    """All kept matches in ``text``, sorted by start, with modifiers folded in."""
    kept = _select(_candidates(text, rules, day_first), rules, day_first)
    out: list[Match] = []
    floor = 0
    for match in kept:
        if _quoted_title(text, match):
            continue
        extended = _with_modifier(text, match, rules, floor)
        out.append(extended)
        floor = extended.end
    return out


def rule_matches(rule: Rule, text: str) -> re.Match[str] | None:
    """The first match of one rule alone in ``text`` (used by the examples test)."""
    return rule.regex.search(text)
