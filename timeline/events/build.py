"""From tagged documents to events: which dates make events, and with which title."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from timeline.events import lexicon
from timeline.events.clauses import Span, irregular_forms, is_finite_verb, tokenize
from timeline.events.merge import merge_events, sort_and_number
from timeline.events.segment import split_sentences
from timeline.events.titles import (
    Target,
    TitleContext,
    make_title,
    name_index,
    strip_fillers,
    strip_roles,
)
from timeline.model import GRANULARITIES, Event, Moment, TaggedDocument, Timex, Undated

# Text between two dates that makes them one range ("Oct. 31 to Nov. 1", "2019-2021").
_RANGE_JOINER = re.compile(r"^\s*(?:-|–|—|to|through|until|till|and)\s*$", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"(?:\bfrom|\bbetween)\s*$", re.IGNORECASE)
# After a vague phrase, a unit means a measured span ("in the past week"), not a vague time.
_UNIT_AFTER = re.compile(
    r"^\s*(?:few\s+|several\s+|\d+\s+)?(?:day|week|month|year|decade|century|hour)s?\b",
    re.IGNORECASE,
)
_DURATION_BEFORE = re.compile(
    r"\b(?:for|within|after|in|over|lasting|\d+|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|a few|few|several|some|that|so)\s*$",
    re.IGNORECASE,
)
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Dated:
    """A date in a document that makes an event: one timex or a joined range."""

    start: int
    end: int
    text: str
    interval_start: Moment
    interval_end: Moment
    granularity: str
    approximate: bool
    ids: tuple[str, ...]
    name: str | None = None  # short name when the date is a named event


def build_events(tagged: Sequence[TaggedDocument]) -> tuple[Event, ...]:
    """Events of all documents, merged across documents and sorted.

    Sorted by start (undated past events first, undated future events last) and
    numbered ``e1``, ``e2``, ... in that order. Deterministic for the same input.
    """
    candidates: list[Event] = []
    for document in tagged:
        candidates.extend(document_events(document))
    return sort_and_number(merge_events(candidates))


def document_events(tagged: TaggedDocument) -> list[Event]:
    """The events of one document in text order, merged within it, not yet numbered."""
    text = tagged.document.text
    ids = _timex_ids(tagged)
    dated = _dated(text, tagged.timexes, ids)
    sentences = split_sentences(text)
    subjects = named_subjects(text, sentences)
    events: list[Event] = []
    timexes = sorted(tagged.timexes, key=lambda t: t.start)
    timex_starts = [t.start for t in timexes]
    dated_starts = [item.start for item in dated]
    for start, end in sentences:
        sentence = text[start:end]
        first, last = bisect_left(timex_starts, start), bisect_left(timex_starts, end)
        inside = [t for t in timexes[first:last] if t.end <= end]
        spans = [(t.start - start, t.end - start) for t in inside]
        context = TitleContext(text=text, offset=start, subjects=subjects)
        for item in dated[bisect_left(dated_starts, start) : bisect_left(dated_starts, end)]:
            events.append(_dated_event(tagged, item, sentence, start, spans, context))
        for phrase_start, phrase_end, when in _vague_phrases(sentence, start, inside):
            timex_ids = tuple(
                ids[t]
                for t in inside
                if t.start < start + phrase_end and start + phrase_start < t.end
            )
            target = Target(phrase_start, phrase_end, future=when == "future")
            title = make_title(sentence, target, [*spans, (phrase_start, phrase_end)], context)
            event = _event(tagged, None, None, None, False, title, sentence, timex_ids, when)
            events.append(replace(event, date_text=sentence[phrase_start:phrase_end]))
    return merge_events(events)


def _dated_event(
    tagged: TaggedDocument,
    item: Dated,
    sentence: str,
    offset: int,
    spans: list[Span],
    context: TitleContext,
) -> Event:
    reference = tagged.document.reference
    future = reference is not None and _as_date(item.interval_start) > reference.date
    target = Target(item.start - offset, item.end - offset, name=item.name, future=future)
    title = make_title(sentence, target, spans, context)
    event = _event(
        tagged,
        item.interval_start,
        item.interval_end,
        item.granularity,
        item.approximate,
        title,
        sentence,
        item.ids,
        None,
    )
    return replace(event, date_text=item.text)


def _event(
    tagged: TaggedDocument,
    start: Moment | None,
    end: Moment | None,
    granularity: str | None,
    approximate: bool,
    title: str,
    sentence: str,
    timexes: tuple[str, ...],
    undated: Undated | None,
) -> Event:
    document = tagged.document
    return Event(
        id="",
        start=start,
        end=end,
        granularity=granularity,
        approximate=approximate,
        title=title,
        sentence=_WHITESPACE.sub(" ", sentence).strip(),
        documents=(document.id,),
        timexes=timexes,
        undated=undated,
        group=document.meta("group"),
        url=document.meta("url"),
        media=document.meta("media"),
    )


def _as_date(moment: Moment) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _timex_ids(tagged: TaggedDocument) -> dict[Timex, str]:
    document_id = tagged.document.id
    return {timex: timex.id or f"{document_id}.t{n}" for n, timex in enumerate(tagged.timexes, 1)}


# -- which timexes make events --------------------------------------------------------


def _makes_event(timex: Timex) -> bool:
    return timex.type in {"DATE", "TIME"} and timex.interval is not None


def _dated(text: str, timexes: Sequence[Timex], ids: dict[Timex, str]) -> list[Dated]:
    """Dates that make events: nested ones fold into their container, ranges join."""
    usable = sorted((t for t in timexes if _makes_event(t)), key=lambda t: (t.start, -t.end))
    outer: list[Timex] = []
    folded: dict[Timex, list[str]] = {}
    widest: Timex | None = None  # the kept timex reaching furthest right so far
    for timex in usable:
        if widest is not None and widest.start <= timex.start and timex.end <= widest.end:
            folded[widest].append(ids[timex])
            continue
        outer.append(timex)
        folded[timex] = [ids[timex]]
        if widest is None or timex.end > widest.end:
            widest = timex
    # A named event swallows the plain dates inside it even when those were not usable.
    named = [o for o in outer if o.anchor == "named-event"]
    for timex in timexes:
        for container in named:
            inside = container.start <= timex.start and timex.end <= container.end
            if inside and timex is not container and ids[timex] not in folded[container]:
                folded[container].append(ids[timex])
    return _join_ranges(text, outer, folded)


def _to_dated(timex: Timex, ids: list[str]) -> Dated:
    interval = timex.interval
    assert interval is not None
    name = event_name(timex.text) if timex.anchor == "named-event" else None
    return Dated(
        timex.start,
        timex.end,
        timex.text,
        interval.start,
        interval.end,
        interval.granularity,
        interval.approximate,
        tuple(ids),
        name,
    )


def _join_ranges(text: str, outer: list[Timex], folded: dict[Timex, list[str]]) -> list[Dated]:
    """ "from Oct. 31 to Nov. 1", written as two timexes, is one range."""
    result: list[Dated] = []
    index = 0
    while index < len(outer):
        timex = outer[index]
        following = outer[index + 1] if index + 1 < len(outer) else None
        if following is not None and _is_range(text, timex, following):
            result.append(_range(text, timex, following, folded[timex] + folded[following]))
            index += 2
            continue
        result.append(_to_dated(timex, folded[timex]))
        index += 1
    return result


def _is_range(text: str, first: Timex, second: Timex) -> bool:
    if first.interval is None or second.interval is None:
        return False
    if first.anchor == "named-event" or second.anchor == "named-event":
        return False
    if not _RANGE_JOINER.match(text[first.end : second.start]):
        return False
    if _as_date(first.interval.start) > _as_date(second.interval.end):
        return False
    dash = text[first.end : second.start].strip() in {"-", "–", "—"}
    return dash or bool(_RANGE_OPENER.search(text[max(0, first.start - 12) : first.start]))


def _range(text: str, first: Timex, second: Timex, ids: list[str]) -> Dated:
    assert first.interval is not None and second.interval is not None
    return Dated(
        first.start,
        second.end,
        text[first.start : second.end],
        first.interval.start,
        second.interval.end,
        _coarser(first.interval.granularity, second.interval.granularity),
        first.interval.approximate or second.interval.approximate,
        tuple(ids),
    )


def _coarser(a: str, b: str) -> str:
    return a if GRANULARITIES.index(a) <= GRANULARITIES.index(b) else b


# -- vague times -------------------------------------------------------------------------


def _vague_phrases(
    sentence: str, offset: int, timexes: Sequence[Timex]
) -> list[tuple[int, int, Undated]]:
    """Phrases such as "at a later stage" that date a plan without a date."""
    found: list[tuple[int, int, Undated]] = []
    taken: list[Span] = []
    for phrase, when in lexicon.rows("undated.txt"):
        pattern = re.compile(rf"\b{re.escape(phrase)}\b", re.IGNORECASE)
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if any(a < end and start < b for a, b in taken):
                continue
            if _UNIT_AFTER.match(sentence[end:]) or _DURATION_BEFORE.search(sentence[:start]):
                continue
            if any(_covers_dated(t, offset + start, offset + end) for t in timexes):
                continue
            if when == "future" and _told_in_past(sentence):
                continue  # "the town was eventually rebuilt": no plan, no date
            taken.append((start, end))
            found.append((start, end, "future" if when == "future" else "past"))
    return sorted(found)


def _told_in_past(sentence: str) -> bool:
    """A sentence with a past-tense verb and no word of a plan ("will", "expected to")."""
    tokens = tokenize(sentence)
    lowered = " ".join(t.lower for t in tokens)
    for marker in lexicon.phrases("future_markers.txt"):
        if marker != "would" and re.search(rf"\b{re.escape(marker)}\b", lowered):
            return False  # "would eventually" is the future of a past story
    irregular = irregular_forms()
    for i, token in enumerate(tokens):
        if not is_finite_verb(tokens, i):
            continue
        forms = irregular.get(token.lower)
        if token.lower.endswith("ed") or (forms is not None and token.lower == forms[1]):
            return True
    return False


def _covers_dated(timex: Timex, start: int, end: int) -> bool:
    overlaps = timex.start < end and start < timex.end
    return overlaps and (_makes_event(timex) or timex.type in {"DURATION", "SET"})


# -- names ---------------------------------------------------------------------------------


def event_name(text: str) -> str:
    """A named event's short name: "the upcoming ... (APEC) summit" -> "APEC summit"."""
    acronym = re.search(r"\(([A-Z][A-Za-z0-9&-]+)\)\s*(.*)$", text)
    if acronym:
        return f"{acronym.group(1)} {acronym.group(2)}".strip()
    words = text.split()
    fillers = lexicon.words("event_name_fillers.txt")
    while len(words) > 1 and words[0].lower().replace("’", "'") in fillers:
        words.pop(0)
    return " ".join(words)


def named_subjects(text: str, sentences: Sequence[Span]) -> tuple[tuple[int, str], ...]:
    """(offset, name) of every clause that opens with a name followed by its verb."""
    found: list[tuple[int, str]] = []
    for start, end in sentences:
        tokens = strip_fillers(tokenize(text, start, end))
        run = []
        for token in tokens:
            if not (token.is_word and token.is_capitalized):
                break
            run.append(token)
        if not run or len(run) == len(tokens):
            continue
        if not is_finite_verb(tokens, len(run)):
            continue
        name = strip_roles(run)
        if not name or name[0].lower in lexicon.words("openers.txt"):
            continue
        if len(name) == 1 and name[0].text.isupper() and len(name[0].text) > 3:
            continue  # a dateline ("WASHINGTON, Aug. 11 --"), not a subject
        if len(name) == 1 and not _used_as_name(text, name[0].text):
            continue
        found.append((run[0].start, " ".join(t.text for t in name)))
    return tuple(found)


def _used_as_name(text: str, word: str) -> bool:
    """A capitalized word that also stands capitalized mid-sentence ("Trump", not "Protests")."""
    return word in name_index(text)[1]
