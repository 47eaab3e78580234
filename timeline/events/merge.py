"""Merging the same event reported twice, ordering events and numbering them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from timeline.events import lexicon
from timeline.model import GRANULARITIES, Event, Moment

#: Two titles at the same time name one event when their content words overlap this much.
TITLE_JACCARD = 0.5
#: Sentences from different documents this alike report the same event.
SENTENCE_JACCARD = 0.8
#: A title whose first noun appears this early in another title of the same time is the same.
HEAD_WINDOW = 4

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")


def content_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` that are not stop words, in order."""
    stop = lexicon.words("stopwords.txt")
    return [w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in stop]


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _common_bigrams(a: str, b: str) -> bool:
    """A shared run of two lower-case content words ("phone call"), not names or sayings."""
    reporting = lexicon.words("reporting_verbs.txt")

    def bigrams(text: str) -> set[tuple[str, str]]:
        words = [
            m.group()
            for m in _WORD.finditer(text)
            if m.group().lower() not in lexicon.words("stopwords.txt")
        ]
        return {
            (x.lower(), y.lower())
            for x, y in zip(words, words[1:], strict=False)
            if (x.islower() or y.islower()) and not {x.lower(), y.lower()} & reporting
        }

    return bool(bigrams(a[:1].lower() + a[1:]) & bigrams(b[:1].lower() + b[1:]))


def _head(event: Event) -> str | None:
    """The title's first word when it is a common noun ("Call" from "Tuesday's call ...")."""
    words = _WORD.findall(event.title)
    if len(words) < 2 or words[1].lower() in lexicon.words("reporting_verbs.txt"):
        return None
    head = words[0].lower()
    if head in lexicon.words("stopwords.txt"):
        return None
    return head


def _shared_head(a: Event, b: Event) -> bool:
    """ "Call covered port fees" and "Video call between Marsh and Reis": one call."""
    head = _head(a)
    if head is None or head not in [w.lower() for w in _WORD.findall(b.title)[:HEAD_WINDOW]]:
        return False
    # a common noun, written in lower case in one of the two sentences (not a name)
    pattern = rf"\b{re.escape(head)}\b"
    return bool(re.search(pattern, a.sentence) or re.search(pattern, b.sentence))


def _when(event: Event) -> tuple[object, ...]:
    return (event.undated, event.start, event.end)


def same_event(a: Event, b: Event) -> bool:
    """Whether two events at the same time report the same thing."""
    if _when(a) != _when(b):
        return _refines(a, b) or _refines(b, a)
    if a.title.lower() == b.title.lower():
        return True
    if _jaccard(set(content_words(a.title)), set(content_words(b.title))) >= TITLE_JACCARD:
        return True
    if _common_bigrams(a.title, b.title):
        return True
    if _shared_head(a, b) or _shared_head(b, a):
        return True
    different_documents = not set(a.documents) & set(b.documents)
    sentences = _jaccard(set(content_words(a.sentence)), set(content_words(b.sentence)))
    return different_documents and sentences >= SENTENCE_JACCARD


def _refines(fine: Event, coarse: Event) -> bool:
    """ "10:35 a.m. Friday" and "Friday" in one sentence with one title: one event."""
    if fine.start is None or coarse.start is None or fine.end is None or coarse.end is None:
        return False
    if fine.sentence != coarse.sentence or fine.title.lower() != coarse.title.lower():
        return False
    inside = _day(coarse.start) <= _day(fine.start) and _day(fine.end) <= _day(coarse.end)
    if fine.granularity is None or coarse.granularity is None:
        return False
    finer = GRANULARITIES.index(fine.granularity) > GRANULARITIES.index(coarse.granularity)
    return inside and finer and fine.is_point


def _day(moment: Moment) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def merge_events(events: Sequence[Event]) -> list[Event]:
    """Fold events that report the same thing into the first of them, uniting sources."""
    merged: list[Event] = []
    by_time: dict[tuple[object, ...], list[int]] = {}
    by_sentence: dict[str, list[int]] = {}
    for event in events:
        candidates = sorted({*by_time.get(_when(event), []), *by_sentence.get(event.sentence, [])})
        for index in candidates:
            if same_event(merged[index], event):
                before = _when(merged[index])
                merged[index] = _union(merged[index], event)
                if _when(merged[index]) != before:
                    by_time.setdefault(_when(merged[index]), []).append(index)
                break
        else:
            by_time.setdefault(_when(event), []).append(len(merged))
            by_sentence.setdefault(event.sentence, []).append(len(merged))
            merged.append(event)
    return merged


def _union(kept: Event, other: Event) -> Event:
    if _when(kept) != _when(other) and _refines(other, kept):
        # keep the finer date of the two ("10:35 a.m." rather than "Friday")
        kept = replace(
            kept,
            start=other.start,
            end=other.end,
            granularity=other.granularity,
            approximate=other.approximate,
            date_text=other.date_text,
        )
    return replace(
        kept,
        documents=_ordered_union(kept.documents, other.documents),
        timexes=_ordered_union(kept.timexes, other.timexes),
        group=kept.group or other.group,
        url=kept.url or other.url,
        media=kept.media or other.media,
    )


def _ordered_union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*a, *b)))


def _moment_key(moment: Moment | None) -> datetime:
    if moment is None:
        return datetime.min
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=None)
    assert isinstance(moment, date)
    return datetime(moment.year, moment.month, moment.day)


def sort_and_number(events: Sequence[Event]) -> tuple[Event, ...]:
    """Undated past events first, then by start and end, undated future ones last; ids e1.."""
    rank = {"past": 0, None: 1, "future": 2}
    ordered = sorted(
        enumerate(events),
        key=lambda pair: (
            rank[pair[1].undated],
            _moment_key(pair[1].start),
            _moment_key(pair[1].end),
            pair[0],
        ),
    )
    return tuple(replace(event, id=f"e{n}") for n, (_, event) in enumerate(ordered, start=1))
