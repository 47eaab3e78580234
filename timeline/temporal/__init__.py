"""The date extractor: find time expressions in a text and resolve each one.

    >>> from datetime import date
    >>> [t.value for t in tag("The law was signed in April 2024.", date(2025, 9, 20))]
    ['2024-04']

Finding is rule-driven (``data/en/*.yaml`` compiled by :mod:`.rules`, applied by
:mod:`.matcher`, turned into underspecified values by :mod:`.normalize`);
resolution against the reference date and the narrative lives in :mod:`.resolve`.
Nothing here reads the clock: the reference date is always an argument.
"""

from __future__ import annotations

import bisect
import functools
import gc
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from timeline.model import Interval, Timex
from timeline.temporal import calendar, clock, matcher, resolve
from timeline.temporal.calendar import NamedEvent
from timeline.temporal.rules import RuleSet, load

__all__ = ["tag"]

_CUE_REACH = 150
_YEAR = re.compile(r"^\d{4}(?:-|$)")
_DATED = re.compile(r"^\d{4}")
_SINCE = re.compile(r"\b[Ss]ince\s+$")
_CLOCK_TODAY = "UNDEF-CTX-PLUS-0-day|T"
_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_CLOCK_ON = re.compile(r",?(?:\s+[A-Za-z]+){0,2}\s+on\s+|,\s+")
_JOINED = re.compile(r"\s*(?:and|or|to|through|until|till|[-–—])\s*")
# "is forecast for Thursday and Friday": a listed expression shares the one before's tense
_LISTED = re.compile(r",?\s+(?:and|or)\s+|,\s+")
_NEWS_DAYS = (
    "UNDEF-weekday-",
    "UNDEF-REF-PLUS-0-day",
    "UNDEF-REF-MINUS-1-day",
    "UNDEF-REF-PLUS-1-day",
)
#: a weekday or month-day a post writes in lower case ("see u fri", "nov 5th", "11/27")
_LEANS_AHEAD = re.compile(r"^UNDEF-(?:weekday-\d|year-\d\d-\d\d)(?:\|T[\w:]+)?$")
_REPORTER_DAYS = ("UNDEF-weekday-", "UNDEF-dayoff-")
_CALENDAR_GRANULARITY = {"year", "half", "quarter", "season", "month", "week", "day", "hour"}


def _calendar_timexes(
    text: str, reference: date, country: str, events: Sequence[NamedEvent] | None
) -> tuple[list[Timex], list[Timex]]:
    """Holidays (of ``country``) and named events (of ``events``, else the built-in table)."""
    holidays = calendar.find_holidays(text, reference, country=country)
    named = calendar.find_named_events(text, reference, events=events)
    return holidays, named


def _as_date(reference: date | datetime) -> date:
    return reference.date() if isinstance(reference, datetime) else reference


def _gc_paused(func: Callable[..., list[Timex]]) -> Callable[..., list[Timex]]:
    """Run ``func`` with the cyclic garbage collector paused (and restored after).

    Tagging allocates many short-lived, acyclic objects; on a megabyte of dense dates the
    collector's repeated passes over them cost a fifth of the time and grow faster than
    the text. Reference counting still frees everything.
    """

    @functools.wraps(func)
    def paused(*args: Any, **kwargs: Any) -> list[Timex]:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused


@_gc_paused
def tag(
    text: str,
    reference: date | datetime,
    *,
    day_first: bool = False,
    country: str = "US",
    events: Sequence[NamedEvent] | None = None,
) -> list[Timex]:
    """Find and resolve every time expression in ``text``.

    ``reference`` is the date relative expressions count from ("yesterday", "next
    year"); a ``datetime`` also gives the clock time of writing, which "2 hours ago",
    "in 20 mins" and a bare "at 7" count from (see :mod:`.clock`); ``day_first`` reads
    04/05/2024 as 4 May; ``country`` names whose holidays are meant; ``events`` replaces
    the built-in named-events table (see
    :func:`timeline.temporal.calendar.load_named_events`). Returns timexes sorted by
    start offset, with ``text == text[start:end]`` and empty ids.
    """
    rules = load("en")
    ref = _as_date(reference)
    matches = matcher.find(text, rules, day_first=day_first)
    if isinstance(reference, datetime):
        matches = clock.apply(text, matches, reference, rules, day_first=day_first)
    holidays, named = _calendar_timexes(text, ref, country, events)
    matches, holidays = _merge_holidays(matches, holidays)
    timexes = _resolve_all(text, matches, ref, rules)
    timexes.extend(holidays)
    timexes.extend(named)
    timexes.sort(key=lambda t: (t.start, -t.end))
    return timexes


def _merge_holidays(
    matches: list[matcher.Match], holidays: list[Timex]
) -> tuple[list[matcher.Match], list[Timex]]:
    """Holidays and rule matches compete for overlapping spans: the longer one stays."""
    if not holidays:
        return matches, []
    kept_holidays: list[Timex] = []
    dropped: set[int] = set()
    starts = [m.start for m in matches]
    ends = [m.end for m in matches]
    # kept matches are disjoint and sorted, so a holiday's rivals are one run of them
    disjoint = all(a <= b for a, b in zip(ends, starts[1:], strict=False))
    for holiday in holidays:
        if disjoint:
            first = bisect.bisect_right(ends, holiday.start)
            rivals = range(first, max(first, bisect.bisect_left(starts, holiday.end)))
        else:
            rivals = [  # type: ignore[assignment]
                i for i, m in enumerate(matches) if m.start < holiday.end and holiday.start < m.end
            ]
        if all(holiday.end - holiday.start >= matches[i].end - matches[i].start for i in rivals):
            dropped.update(rivals)
            kept_holidays.append(holiday)
    return [m for i, m in enumerate(matches) if i not in dropped], kept_holidays


def _informal_ahead(text: str, match: matcher.Match) -> bool:
    """A weekday or date written all in lower (or upper) case: news capitalizes them,
    posts that write "fri", "nov 5th" or "MONDAY" without a tense mostly announce what
    is coming."""
    written = text[match.start : match.end]
    return (
        bool(_LEANS_AHEAD.match(match.value))
        and not written.startswith("the")  # "on the 3 and 4 August" is a story's day
        and (written.isupper() or not any(ch.isupper() for ch in written))
    )


def _is_story(matches: list[matcher.Match], reference: date) -> bool:
    """True when most years the text writes out lie far from the reference (a history)."""
    years = [int(m.value[:4]) for m in matches if _YEAR.match(m.value)]
    years += [0 for m in matches if m.value.startswith("BC")]  # "480 BC" is far from any news
    # "on Saturday", "today": the reporter's own days speak for news
    years += [reference.year for m in matches if m.value.startswith(_NEWS_DAYS)]
    far = sum(1 for y in years if abs(y - reference.year) >= resolve.FAR_YEARS)
    return len(years) >= 2 and far * 2 > len(years)


def _coordinated(text: str, matches: list[matcher.Match], i: int) -> date | None:
    """The last day of a dated match joined to a yearless one ("April and [June 1955]").

    A clock time takes the day written right after it: "at 5:34 a.m. local time on
    March 20, 2003".
    """
    if i + 1 >= len(matches):
        return None
    value, following = matches[i].value, matches[i + 1]
    if value.startswith(("UNDEF-year-", "UNDEF-day-")):
        joined = _JOINED
    elif value.startswith(_CLOCK_TODAY) and _FULL_DAY.match(following.value):
        joined = _CLOCK_ON
    else:
        return None
    if not _DATED.match(following.value) or not joined.fullmatch(
        text, matches[i].end, following.start
    ):
        return None
    try:
        found = resolve.base_interval(following.value.partition("|")[0])
    except ValueError:
        return None
    if found is None:
        return None
    end = found[1]
    return end.date() if isinstance(end, datetime) else end


def _aside(
    interval: Interval | None, direction: str | None, narrative: resolve.Narrative | None
) -> bool:
    """A bare year in a plan ("planned for 1976") is an aside: the dated story goes on."""
    return (
        interval is not None
        and interval.granularity == "year"
        and direction == "future"
        and narrative is not None
        and narrative.granularity in ("day", "month")
        and interval.start > narrative.day
    )


def _resolve_all(
    text: str, matches: list[matcher.Match], reference: date, rules: RuleSet
) -> list[Timex]:
    starts = resolve.sentence_starts(text)
    cues = resolve.find_cues(text, rules)
    story = _is_story(matches, reference)
    narrative: resolve.Narrative | None = None
    # explicit dates far from / near the reference so far: is this a history or news?
    told_far = told_near = 0
    quarter: date | None = None  # the quarter a report is about
    out: list[Timex] = []
    listed_ahead = False  # the previous match pointed ahead
    for i, match in enumerate(matches):
        index = bisect.bisect_right(starts, match.start) - 1
        # tense cues are looked for in the sentence, but never far away (keeps it linear)
        lo = max(starts[index], match.start - _CUE_REACH)
        hi = min(
            starts[index + 1] if index + 1 < len(starts) else len(text), match.end + _CUE_REACH
        )
        direction = resolve.direction(text, match.start, match.end, lo, hi, rules, cues)
        modal = (
            resolve.has_modal(match.start, lo, cues)
            or resolve.points_ahead(text, match.start, lo, hi, rules)
            or (direction != "past" and _informal_ahead(text, match))
            or (
                listed_ahead
                and _LISTED.fullmatch(text, matches[i - 1].end, match.start) is not None
            )
        )
        listed_ahead = modal
        ahead = _coordinated(text, matches, i)
        ctx = resolve.Context(
            reference,
            narrative,
            index,
            direction,
            modal,
            story,
            ahead=ahead,
            history=told_far > told_near,
            quarter=quarter,
            pluperfect=bool(_PLUPERFECT.search(text, max(lo, match.start - 40), match.start)),
            onward=bool(_ONWARD.search(text, max(lo, match.start - 8), match.start)),
        )
        value, anchor = resolve.resolve_value(match.value, ctx)
        if not resolve.valid(value):
            continue
        interval = resolve.interval_of(value, match.mod) if match.type in ("DATE", "TIME") else None
        ttype = match.type
        if ttype == "DATE" and "T" in value and _DATED.match(value):
            ttype = "TIME"
        out.append(
            Timex(
                text=text[match.start : match.end],
                start=match.start,
                end=match.end,
                type=ttype,  # type: ignore[arg-type]
                value=value,
                mod=match.mod,
                interval=interval,
                anchor=anchor,  # type: ignore[arg-type]
                timeml=match.rule.timeml,
                rule=match.rule.name,
            )
        )
        if interval is not None and interval.granularity == "quarter":
            first = interval.start
            first = first.date() if isinstance(first, datetime) else first
            # a report is about the latest quarter it names that is over; "after a flat
            # second quarter" or a fourth-quarter outlook in a third-quarter report change
            # nothing, but a fiscal quarter named first ("fourth quarter ended Aug. 26") stays
            ended = interval.end.date() if isinstance(interval.end, datetime) else interval.end
            if 0 <= (reference - first).days < 366 and (
                quarter is None or (first > quarter and ended < reference)
            ):
                quarter = first
        if (
            interval is not None
            and interval.granularity == "year"
            and told_far <= told_near
            and _SINCE.search(text, max(0, match.start - 8), match.start)
        ):
            continue  # "since 1990" in news starts a span: later months stay near the reference
        if interval is not None and anchor in ("absolute", "reference"):
            year = interval.start.year
            if anchor == "absolute" and abs(year - reference.year) >= resolve.FAR_YEARS:
                told_far += 1
            else:
                told_near += 1
        if (
            anchor == "reference"
            and resolve.far(ctx)
            and told_far > told_near
            # a weekday is the reporter's own day: the story has come to the present
            and not match.value.startswith(_REPORTER_DAYS)
        ):
            continue  # "this day" in a history must not pull the story to the present
        backward = "-MINUS-" in match.value and (
            "NARR" in match.value or match.value.endswith("-AGO")
        )
        if _aside(interval, direction, narrative):
            continue
        before_christ = resolve.bc_day(value) if value.startswith("BC") else None
        if before_christ is not None:
            told_far += 1
            candidate = resolve.Narrative(before_christ[0], before_christ[1], index)
        elif (
            interval is not None and interval.granularity in _CALENDAR_GRANULARITY and not backward
        ):
            start = interval.start
            day = start.date() if isinstance(start, datetime) else start
            candidate = resolve.Narrative(
                day, interval.granularity, index, relative=anchor == "reference"
            )
        else:
            continue
        if (
            narrative is not None
            and anchor == "absolute"
            and _before(candidate, narrative)
            and _flashback(text, match.start, match.end)
        ):
            continue
        if (  # "Alexander's How Wars Are Won (2003)": a year in brackets is a citation
            narrative is not None
            and candidate.granularity == "year"
            and text.startswith("(", match.start - 1)
            and text.startswith(")", match.end)
        ):
            continue
        if (  # "lasted until the fall of the city in February 1945": the span's far end
            narrative is not None
            and anchor == "absolute"
            and _UNTIL_BEFORE.search(text, max(0, match.start - 50), match.start)
        ):
            continue
        if (  # "imported by the end of 1776": a deadline a year on, not the story's next step
            narrative is not None
            and anchor == "absolute"
            and candidate.granularity == "year"
            and narrative.granularity in ("month", "week", "day")
            and candidate.day.year > narrative.day.year
            and _BY_BEFORE.search(text, max(0, match.start - 4), match.start)
        ):
            continue
        narrative = candidate
    return out


_MONTHS_OF = {"year": 12, "half": 6, "quarter": 3, "season": 3, "month": 1}
#: "who had spent [the spring]": a past perfect a few words before, in the same clause
#: ("had been repulsed by January" looks ahead to a deadline)
_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+\s+){1,3}(?<!\bby\s)(?<!\buntil\s)$")
_ONWARD = re.compile(r"(?<!\w)(?:[Ii]n|[Bb]y)\s+$")
_BY_BEFORE = re.compile(r"(?<!\w)by\s+$")
_UNTIL_BEFORE = re.compile(r"\b(?:[Uu]ntil|[Tt]ill)\b[^.;:,()]*$")
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+$")
_OPEN_PAREN = re.compile(r"\(\s*$")
_ADJECTIVE_HEAD = re.compile(r"(?<!\w)(?:[Tt]he|an?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+$")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:of|and|or|to|was|were|had|has|have|in|on|at|by|when|with|as|for|is|the|that|"
    r"which|from|until|after|before|during|saw|brought)\b)[a-z]{3,}\b"
)


def _before(candidate: resolve.Narrative, narrative: resolve.Narrative) -> bool:
    """True when the whole of the candidate's unit lies before the story's date."""
    months = _MONTHS_OF.get(candidate.granularity)
    if months is None:  # a day, week or time
        return candidate.day < narrative.day
    return resolve.add_months(candidate.day, months) <= narrative.day


def _flashback(text: str, start: int, end: int) -> bool:
    """True when a date is told as an aside to the story, not as its next step.

    "ruled since 513 BC", "the August 1792 uprising", "the Clergy (1790)": an earlier
    date in these frames leaves the story's date alone. (A past perfect is no such frame:
    "had fled in June 1998 and returned later that year" still counts from it.)
    """
    before = text[max(0, start - 12) : start]
    if _SINCE_BEFORE.search(before) or _OPEN_PAREN.search(before) or text.startswith(")", end):
        return True
    return bool(_ADJECTIVE_HEAD.search(before) and _NOUN_AFTER.match(text, end))
