"""Scoring helpers shared by the held-out sentence sets (tests/test_temporal_heldout*.py).

A case is a sentence with its timexes marked ``[like this]`` and a parallel list of
``(type, value)`` or ``(type, value, mod)``; a group is ``(name, reference, day_first,
cases)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from timeline.temporal import tag

Gold = list[tuple[str, ...]]
Key = tuple[int, int]
Group = tuple[str, date, bool, list[tuple[str, Gold]]]


def parse_marked(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip ``[...]`` marks; return the plain text and the marked spans."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    start = 0
    for ch in text:
        if ch == "[":
            start = len(plain)
        elif ch == "]":
            spans.append((start, len(plain)))
        else:
            plain.append(ch)
    return "".join(plain), spans


def gold_of(text: str, gold: Gold) -> tuple[str, dict[Key, tuple[str, str, str | None]]]:
    """The plain text and its gold timexes keyed by span."""
    plain, spans = parse_marked(text)
    assert len(spans) == len(gold), text
    table = {}
    for span, item in zip(spans, gold, strict=True):
        kind, value = item[0], item[1]
        mod = item[2] if len(item) > 2 else None
        table[span] = (kind, value, mod)
    return plain, table


def system_of(
    plain: str, reference: date, day_first: bool
) -> dict[Key, tuple[str, str, str | None]]:
    """The tagger's TimeML timexes keyed by span."""
    return {
        (t.start, t.end): (t.type, t.value, t.mod)
        for t in tag(plain, reference, day_first=day_first)
        if t.timeml
    }


def f1(hits: int, n_sys: int, n_gold: int) -> float:
    """Harmonic mean of precision and recall (1.0 when both sides are empty)."""
    if n_sys == 0 and n_gold == 0:
        return 1.0
    p = hits / n_sys if n_sys else 0.0
    r = hits / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(groups: Sequence[Group]) -> tuple[float, float, list[str]]:
    """Span F1 (exact offsets), value F1 (exact span and value) and the misses."""
    n_sys = n_gold = span_hits = value_hits = 0
    misses: list[str] = []
    for _name, reference, day_first, cases in groups:
        for text, gold in cases:
            plain, want = gold_of(text, gold)
            got = system_of(plain, reference, day_first)
            n_sys += len(got)
            n_gold += len(want)
            for key, (_kind, value, _mod) in want.items():
                if key not in got:
                    misses.append(f"MISS {plain[key[0] : key[1]]!r} in {plain!r}")
                    continue
                span_hits += 1
                if got[key][1] == value:
                    value_hits += 1
                else:
                    misses.append(f"VALUE {plain[key[0] : key[1]]!r} {got[key]} != {value}")
            for key, found in got.items():
                if key not in want:
                    misses.append(f"EXTRA {plain[key[0] : key[1]]!r} {found} in {plain!r}")
    return f1(span_hits, n_sys, n_gold), f1(value_hits, n_sys, n_gold), misses
