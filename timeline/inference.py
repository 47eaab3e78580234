"""Inferring a document's reference date from its text when nothing else gives one.

A news story without a date still says when it was written: "signed the law in
April 2024" lies behind the writer, "the upcoming APEC summit in South Korea"
(2025-10-31) ahead, "Friday, Sept. 19" is a Friday only in some years. Each such
*clue* becomes a set of weighted date ranges where the reference probably lies;
the day where the clues' weights add up highest wins, and the clues that agree
with it are reported as evidence. No clue, no inference: :func:`infer_reference`
returns None rather than guess.

Tense and modifier words are data (``timeline/data/inference.yaml``).
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from timeline.model import Document, Reference
from timeline.sources import month_number, weekday_number

#: Only the start of long documents is read: a story dates itself early.
MAX_CHARS = 20_000
#: Candidate references lie in this window.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)
#: At most this many evidence strings are reported.
MAX_EVIDENCE = 6

Tense = Literal["past", "future"] | None
#: ``scan_named_events(text) -> list[NamedEventMention]`` as timeline.temporal.calendar has it:
#: each mention has ``text``, ``start``, ``end``, ``candidates`` (rows with ``start``/``end``),
#: ``direction``, ``tense`` ("past"/"future"/None) and ``relative_year``.
EventScanner = Callable[[str], Sequence[Any]]

_DATA = Path(__file__).parent / "data" / "inference.yaml"
_YEAR = r"(?:19|20)\d\d"
_MONTH = r"[A-Z][a-z]{2,8}\.?"
_WEEKDAY = r"[A-Z][a-z]{2,8}\.?"
_FULL_DATE = re.compile(
    rf"\b(?P<month>{_MONTH})[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<year>{_YEAR})\b"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<month2>{_MONTH}),?[ \t]+"
    rf"(?P<year2>{_YEAR})\b"
    rf"|(?<![\d.-])(?P<year3>{_YEAR})-(?P<month3>\d\d)-(?P<day3>\d\d)(?![\d-])"
)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH}),?[ \t]+(?:of[ \t]+)?(?P<year>{_YEAR})\b")
_YEAR_ALONE = re.compile(
    rf"(?<![\d$€£¥#.,/:])(?<!\d-)(?P<year>{_YEAR})"
    r"(?![\d%]|s\b|[.,/:-]\d|\s*(?:percent|per cent))"
)
_WEEKDAY_DATE = re.compile(
    rf"\b(?P<weekday>{_WEEKDAY}),?[ \t]+(?:(?P<month>{_MONTH})[ \t]+(?P<day>\d{{1,2}})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<month2>{_MONTH}))"
    rf"(?!\d|(?:st|nd|rd|th)?,?[ \t]+(?:of[ \t]+)?{_YEAR})"
)
_YEARS_AGO = re.compile(
    r"\b(?P<count>\d{1,2}|[a-z]+)[ \t]+years?[ \t]+(?P<way>ago|later|from now|earlier)\b", re.I
)


@dataclass(frozen=True)
class Band:
    """Days ``start``..``end`` (inclusive) where a clue puts the reference, with a weight."""

    start: date
    end: date
    weight: float
    label: str = ""


@dataclass(frozen=True)
class Clue:
    """One piece of evidence: its bands (a clue scores its best band) and how to say it.

    ``description`` may hold ``{label}``, replaced by the label of the band the
    chosen day falls in (the edition of a named event, the year of a weekday).
    """

    position: int
    description: str
    bands: tuple[Band, ...]

    def weight_at(self, day: date) -> float:
        """The clue's weight on ``day``: that of its heaviest band holding it."""
        return max((band.weight for band in self.bands if band.start <= day <= band.end), default=0)

    def describe(self, day: date) -> str:
        """The evidence string for ``day``."""
        holding = [band for band in self.bands if band.start <= day <= band.end]
        label = max(holding, key=lambda band: band.weight).label if holding else ""
        return self.description.replace("{label}", label)


def infer_reference(
    document: Document,
    *,
    today: date | None = None,
    scan_events: EventScanner | None = None,
) -> Reference | None:
    """The most likely reference date of ``document`` judged from its text, or None.

    ``today`` breaks ties between equally likely years (the latest not after
    today wins) and defaults to the clock; ``scan_events`` defaults to
    :func:`timeline.temporal.calendar.scan_named_events` when that exists.
    """
    clues = gather_clues(document, scan_events=scan_events)
    if not clues:
        return None
    return choose(clues, today=today or date.today())


def gather_clues(document: Document, *, scan_events: EventScanner | None = None) -> list[Clue]:
    """Every clue the document's text and metadata give about its reference date."""
    text = document.text[:MAX_CHARS]
    scanner = scan_events if scan_events is not None else _default_scanner()
    event_clues, event_tenses = _named_event_clues(text, scanner) if scanner else ([], {})
    clues = [*_dateline_clues(document), *event_clues]
    clues.extend(_relative_year_clues(text))
    clues.extend(_weekday_date_clues(text))
    # A year inside an event's name counts on its own too: "the 2028 Olympics" ahead says
    # both "before July 2028" and, written out, "most likely not in 2028".
    clues.extend(_explicit_date_clues(text, event_tenses))
    return sorted((clue for clue in clues if clue.bands), key=lambda clue: clue.position)


def choose(clues: Sequence[Clue], *, today: date) -> Reference | None:
    """The reference the clues point to: the best-scoring stretch of days, narrowed."""
    segments = _scored_segments(clues)
    if not segments:
        return None
    best = max(score for _, _, score in segments)
    if best <= 0:
        return None
    winners = _merge([(start, end) for start, end, score in segments if score >= best - 1e-9])
    start, end = _pick_segment(winners, today)
    years = {year for first, last in winners for year in range(first.year, last.year + 1)}
    if start <= today < end:
        end = today
    day, precision = _likely_day(start, end)
    supporting = sorted(
        (clue for clue in clues if clue.weight_at(day) > 0),
        key=lambda clue: (-clue.weight_at(day), clue.position),
    )
    evidence = tuple(dict.fromkeys(clue.describe(day) for clue in supporting))[:MAX_EVIDENCE]
    if len(years) > 2:
        evidence += (f"{len(years)} years fit as well; took the latest not after today",)
    return Reference(day, "inferred", precision, evidence)


def _scored_segments(clues: Sequence[Clue]) -> list[tuple[date, date, float]]:
    """Stretches of days with the clues' summed weight, by one sweep over step changes.

    Identical clues (the same year mentioned twice the same way) count once, so
    repetition cannot outvote different evidence, and the sweep stays fast.
    """
    deltas: dict[date, float] = defaultdict(float)
    for steps in dict.fromkeys(_steps(clue.bands) for clue in clues):
        previous = 0.0
        for day, weight in steps:
            deltas[day] += weight - previous
            previous = weight
    segments = []
    score = 0.0
    days = sorted(deltas)
    for day, following in zip(days, days[1:], strict=False):
        score += deltas[day]
        segments.append((day, following - timedelta(days=1), round(score, 6)))
    return segments


def _steps(bands: Sequence[Band]) -> tuple[tuple[date, float], ...]:
    """A clue's weight (its heaviest band holding the day) as (first day, weight) steps."""
    changes: list[tuple[date, int, int]] = []
    for number, band in enumerate(bands):
        start, end = max(band.start, FIRST_DAY), min(band.end, LAST_DAY)
        if start <= end:
            changes.append((start, 0, number))
            changes.append((end + timedelta(days=1), 1, number))
    changes.sort()
    active: list[tuple[float, int]] = []
    ended: set[int] = set()
    steps: list[tuple[date, float]] = []
    current = 0.0
    index = 0
    while index < len(changes):
        day = changes[index][0]
        while index < len(changes) and changes[index][0] == day:
            _, kind, number = changes[index]
            if kind == 0:
                heapq.heappush(active, (-bands[number].weight, number))
            else:
                ended.add(number)
            index += 1
        while active and active[0][1] in ended:
            heapq.heappop(active)
        weight = -active[0][0] if active else 0.0
        if weight != current:
            steps.append((day, weight))
            current = weight
    return tuple(steps)


def _merge(spans: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _pick_segment(winners: list[tuple[date, date]], today: date) -> tuple[date, date]:
    """Among equally good stretches, the latest that starts by today, else the earliest."""
    started = [span for span in winners if span[0] <= today]
    return started[-1] if started else winners[0]


def _likely_day(start: date, end: date) -> tuple[date, Literal["day", "month", "year"]]:
    """A representative day of ``start..end`` and how precise it is."""
    if start == end:
        return start, "day"
    if (start.year, start.month) == (end.year, end.month):
        return _middle(start, end), "month"
    year = max(range(start.year, end.year + 1), key=lambda y: (_overlap(start, end, y), y))
    first = max(start, date(year, 1, 1))
    last = min(end, date(year, 12, 31))
    return _middle(first, last), "year"


def _overlap(start: date, end: date, year: int) -> int:
    first = max(start, date(year, 1, 1))
    last = min(end, date(year, 12, 31))
    return (last - first).days + 1


def _middle(start: date, end: date) -> date:
    return start + timedelta(days=(end - start).days // 2)


# --- clues -------------------------------------------------------------------------------


def _explicit_date_clues(
    text: str, event_tenses: dict[tuple[int, int], Tense] | None = None
) -> list[Clue]:
    """Full dates, months of a year and years, each behind or ahead as its sentence says.

    A year inside a named event's mention takes the event's tense when its own
    sentence says nothing ("booking rooms for the 2028 Summer Olympics").
    """
    taken: list[tuple[int, int]] = []
    clues: list[Clue] = []
    for pattern, kind in ((_FULL_DATE, "day"), (_MONTH_YEAR, "month"), (_YEAR_ALONE, "year")):
        for match in pattern.finditer(text):
            span = match.span()
            if any(start < span[1] and span[0] < end for start, end in taken):
                continue
            if kind == "year" and not _year_lead(text, span[0]):
                continue
            found = _span_of(match, kind)
            if found is None:
                continue
            taken.append(span)
            tense = tense_of(text, *span) or _enclosing_tense(span, event_tenses or {})
            clues.append(_dated_clue(span[0], match.group(0), found, tense, weight=1.0))
    return clues


def _enclosing_tense(span: tuple[int, int], tenses: dict[tuple[int, int], Tense]) -> Tense:
    for (start, end), tense in tenses.items():
        if start <= span[0] and span[1] <= end and tense is not None:
            return tense
    return None


def _year_lead(text: str, start: int) -> bool:
    """Whether the word before a bare year makes it a year ("in 2024", not "1999 units")."""
    before = _LAST_WORD.search(text, max(0, start - 30), start)
    return before is not None and before.group(1).lower() in _lexicon()["year_leads"]


_LAST_WORD = re.compile(r"([A-Za-z0-9]+)['’]?[ \t\-]*\Z")


def _span_of(match: re.Match[str], kind: str) -> tuple[date, date] | None:
    groups = match.groupdict()
    try:
        if kind == "year":
            year = int(groups["year"])
            return date(year, 1, 1), date(year, 12, 31)
        year = int(groups.get("year") or groups.get("year2") or groups.get("year3") or 0)
        month_text = groups.get("month") or groups.get("month2")
        month = month_number(month_text) if month_text else int(groups.get("month3") or 0)
        if not month:
            return None
        if kind == "month":
            following = date(year + month // 12, month % 12 + 1, 1)
            return date(year, month, 1), following - timedelta(days=1)
        day = int(groups.get("day") or groups.get("day2") or groups.get("day3") or 0)
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def _dated_clue(
    position: int, mention: str, span: tuple[date, date], tense: Tense, *, weight: float
) -> Clue:
    """Bands for an explicit date, month or year.

    News style names the year only when it is not the current one ("in April"
    this year, "in April 2024" otherwise), so a year written out in the past
    tense most likely lies in an earlier year than the writer's, and one ahead
    in a later year.
    """
    first, last = span
    mention = " ".join(mention.split())
    whole_year = first == date(first.year, 1, 1) and last == date(first.year, 12, 31)
    if tense == "past":
        year = last.year
        # Later the same year; for a bare year, its second half.
        near = date(year, 7, 1) if whole_year else last + timedelta(days=1)
        bands = (
            Band(near, date(year, 12, 31), weight * (0.3 if whole_year else 0.6)),
            Band(date(year + 1, 1, 1), date(year + 1, 12, 31), weight),
            Band(date(year + 2, 1, 1), date(year + 3, 12, 31), weight / 2),
            Band(date(year + 4, 1, 1), date(min(year + 10, LAST_DAY.year), 12, 31), weight / 4),
        )
        return Clue(position, f"{mention} in the past", _valid(bands))
    if tense == "future":
        year = first.year
        near = date(year, 6, 30) if whole_year else first - timedelta(days=1)
        bands = (
            Band(date(year, 1, 1), near, weight * (0.3 if whole_year else 0.6)),
            Band(date(year - 1, 1, 1), date(year - 1, 12, 31), weight),
            Band(date(year - 3, 1, 1), date(year - 2, 12, 31), weight / 2),
            Band(date(max(year - 10, FIRST_DAY.year), 1, 1), date(year - 4, 12, 31), weight / 4),
        )
        return Clue(position, f"{mention} ahead", _valid(bands))
    bands = (
        Band(date(first.year, 1, 1), date(last.year, 12, 31), weight / 2),
        Band(date(first.year - 1, 1, 1), date(last.year + 1, 12, 31), weight / 4),
    )
    return Clue(position, f"{mention} mentioned", _valid(bands))


def _valid(bands: Iterable[Band]) -> tuple[Band, ...]:
    """The bands that hold at least one day inside the candidate window."""
    return tuple(
        band
        for band in bands
        if band.start <= band.end and band.end >= FIRST_DAY and band.start <= LAST_DAY
    )


def _named_event_clues(text: str, scan: EventScanner) -> tuple[list[Clue], list[tuple[int, int]]]:
    """Named events, each with every edition it can mean, weighed by direction and tense.

    The calendar's scanner has already kept only the editions the mention's own
    year and place allow ("the 2024 presidential election", "in South Korea").
    """
    try:
        mentions = list(scan(text))
    except Exception:  # another stage's bug must not stop reading: no events, no clue
        return [], {}
    clues = []
    tenses: dict[tuple[int, int], Tense] = {}
    for mention in mentions:
        editions = sorted({(event.start, event.end) for event in mention.candidates})
        if not editions:
            continue
        name = " ".join(mention.text.split())
        if mention.relative_year is not None:
            clues.append(_relative_event_clue(mention.start, name, editions, mention.relative_year))
            continue
        tense = mention.direction or tense_of(text, mention.start, mention.end) or mention.tense
        tenses[(mention.start, mention.end)] = tense
        strong = mention.direction is not None
        clues.append(_event_clue(mention.start, name, editions, tense, strong=strong))
    return clues, tenses


def _relative_event_clue(
    position: int, name: str, editions: list[tuple[date, date]], relative_year: int
) -> Clue:
    """ "last year's COP29" (held 2024): the reference year is 2025."""
    bands = []
    for first, _last in editions:
        year = first.year - relative_year
        if FIRST_DAY.year <= year <= LAST_DAY.year:
            bands.append(Band(date(year, 1, 1), date(year, 12, 31), 4.0, first.isoformat()))
    return Clue(position, f"{name} ({{label}}) counted from the reference year", tuple(bands))


def _event_clue(
    position: int, name: str, editions: list[tuple[date, date]], tense: Tense, *, strong: bool
) -> Clue:
    """Bands for a named event: news is written shortly before or after what it names.

    ``strong`` marks a direction word of the mention itself ("upcoming", "last").
    """
    boost = 0.5 if strong else 0.0
    bands: list[Band] = []
    for first, last in editions:
        label = first.isoformat()
        if tense == "past":  # reports follow an event closely; plans reach further ahead
            bands += [
                Band(last + timedelta(days=1), _months_after(last, 3), 3.0 + boost, label),
                Band(_months_after(last, 3), _years_after(last, 1), 2.0, label),
                Band(_years_after(last, 1), _years_after(last, 3), 1.0, label),
                Band(_years_after(last, 3), _years_after(last, 10), 0.5, label),
            ]
        elif tense == "future":
            bands += [
                Band(_months_after(first, -6), first - timedelta(days=1), 2.5 + boost, label),
                Band(_years_after(first, -1), _months_after(first, -6), 2.0, label),
                Band(_years_after(first, -3), _years_after(first, -1), 1.0, label),
            ]
        else:
            bands.append(Band(_years_after(first, -1), _years_after(last, 1), 0.5, label))
    wording = {"past": "in the past", "future": "ahead"}.get(tense or "", "mentioned")
    return Clue(position, f"{name} ({{label}}) {wording}", _valid(bands))


def _months_after(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def _default_scanner() -> EventScanner | None:
    try:
        from timeline.temporal.calendar import scan_named_events
    except ImportError:
        return None
    return scan_named_events


def _relative_year_clues(text: str) -> list[Clue]:
    """ "last year" beside 2024 means 2025; "in 2015, ten years ago" means 2025."""
    clues = []
    for match in _relative_year_pattern().finditer(text):
        offset = _lexicon()["relative_years"][match.group(0).lower()]
        year = _year_beside(text, *match.span())
        if year is not None:
            clues.append(_year_clue(match.start(), year + offset, match.group(0), year))
    for match in _YEARS_AGO.finditer(text):
        count = _count(match["count"])
        year = _year_beside(text, *match.span())
        if count is None or year is None:
            continue
        way = match["way"].lower()
        target = year + count if way in ("ago", "earlier") else year - count
        clues.append(_year_clue(match.start(), target, match.group(0), year))
    return clues


def _year_clue(position: int, year: int, phrase: str, beside: int) -> Clue:
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        return Clue(position, "", ())
    band = Band(date(year, 1, 1), date(year, 12, 31), 4.0)
    return Clue(position, f'"{phrase}" beside {beside}', (band,))


def _year_beside(text: str, start: int, end: int) -> int | None:
    """An explicit year right beside ``start..end``: "last year (2024)", "in 2024, last year"."""
    after = _YEAR_AFTER.match(text, end, min(len(text), end + 30))
    if after:
        return int(after["year"])
    before = _YEAR_BEFORE.search(text[max(0, start - 30) : start])
    if before:
        return int(before["year"])
    return None


_YEAR_AFTER = re.compile(rf"(?:'s)?[ \t,(\u2013\u2014-]*(?:in[ \t]+|of[ \t]+)?(?P<year>{_YEAR})\b")
_YEAR_BEFORE = re.compile(rf"(?<!\d)(?P<year>{_YEAR})[ \t,)\u2013\u2014-]*\Z")


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _lexicon()["numbers"].get(word.lower())


def _weekday_date_clues(text: str) -> list[Clue]:
    """ "Friday, Sept. 19": the years in which that day is a Friday."""
    clues = []
    for match in _WEEKDAY_DATE.finditer(text):
        weekday = weekday_number(match["weekday"])
        month = month_number(match["month"] or match["month2"] or "")
        day = int(match["day"] or match["day2"])
        if weekday is None or month is None:
            continue
        tense = tense_of(text, *match.span())
        before, after = {"past": (0, 10), "future": (10, 0)}.get(tense or "", (7, 7))
        bands = []
        for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
            try:
                moment = date(year, month, day)
            except ValueError:
                continue
            if moment.weekday() == weekday:
                start = max(FIRST_DAY, moment - timedelta(days=before))
                end = min(LAST_DAY, moment + timedelta(days=after))
                bands.append(Band(start, end, 3.0, str(year)))
        if bands:
            mention = " ".join(match.group(0).split())
            clues.append(
                Clue(match.start(), f"{mention} is a {match['weekday']} in {{label}}", tuple(bands))
            )
    return clues


def _dateline_clues(document: Document) -> list[Clue]:
    """A dateline without a year: the reference is that month and day in some year."""
    value = document.meta("dateline_month_day")
    if value is None:
        return []
    month, day = int(value[2:4]), int(value[5:7])
    weekday_text = document.meta("dateline_weekday")
    weekday = weekday_number(weekday_text) if weekday_text else None
    bands = []
    for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
        try:
            moment = date(year, month, day)
        except ValueError:
            continue
        if weekday is None or moment.weekday() == weekday:
            bands.append(Band(moment, moment, 4.0, str(year)))
    shown = document.meta("dateline_text") or value
    return [Clue(-1, f"dateline {shown} (month and day; year {{label}})", tuple(bands))]


# --- tense -------------------------------------------------------------------------------


def tense_of(text: str, start: int, end: int) -> Tense:
    """Whether ``text[start:end]`` lies behind (past) or ahead (future) of the writer.

    A modifier just before it decides ("upcoming", "last"); otherwise the cue
    word nearest to it in its sentence, looking before it first.
    """
    modifier = _modifier_before(text, start)
    if modifier:
        return _modifier_tense(modifier)
    first, last = _sentence_bounds(text, start, end)
    best: tuple[float, Tense] | None = None
    for match in _cue_pattern().finditer(text, first, last):
        if start <= match.start() < end:
            continue
        tense = _cue_tense(match.group(0))
        if tense is None:
            continue
        if match.end() <= start:
            distance = float(start - match.end())
        else:
            distance = (match.start() - end) * 2 + 10.0
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None


def _modifier_before(text: str, start: int) -> str | None:
    """A tense modifier among the (at most three) words right before ``start``."""
    window = re.split(r"[.;!?\n]", text[max(0, start - 40) : start])[-1]
    words = re.findall(r"[A-Za-z]+", window)[-3:]
    modifiers = _lexicon()["modifiers"]
    for word in reversed(words):
        lowered = word.lower()
        if lowered in modifiers["future"] or lowered in modifiers["past"]:
            return lowered
    return None


def _modifier_tense(word: str) -> Tense:
    return "future" if word in _lexicon()["modifiers"]["future"] else "past"


def _cue_tense(word: str) -> Tense:
    lowered = " ".join(word.lower().split())
    lexicon = _lexicon()
    if lowered in lexicon["reporting_verbs"]:
        return None
    if lowered in lexicon["cues"]["future"]:
        return "future"
    if lowered in lexicon["cues"]["past"]:
        return "past"
    if lowered.endswith("ed") and lowered not in lexicon["ed_exceptions"]:
        return "past"
    return None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``start..end`` (at most 400 characters either side)."""
    first = max(0, start - 400)
    for match in _SENTENCE_END.finditer(text, first, start):
        if _ends_sentence(text, match.start()):
            first = match.end()
    last = min(len(text), end + 400)
    for match in _SENTENCE_END.finditer(text, end, last):
        if _ends_sentence(text, match.start()):
            return first, match.start() + 1
    return first, last


_SENTENCE_END = re.compile(r"[.!?\n][\"”’)]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"([A-Za-z0-9]+)\Z")


def _ends_sentence(text: str, at: int) -> bool:
    """A period ends a sentence unless it closes a short capitalised word ("Sept.", "U.S.")."""
    if text[at] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, at - 20), at)
    if word is None:
        return True
    token = word.group(1)
    return (
        not (token[0].isupper() and len(token) <= 4)
        and text[at - len(token) - 1 : at - len(token)] != "."
    )


@cache
def _lexicon() -> dict[str, Any]:
    with _DATA.open(encoding="utf-8") as stream:
        data: dict[str, Any] = yaml.safe_load(stream)
    data["modifiers"] = {key: frozenset(words) for key, words in data["modifiers"].items()}
    data["cues"] = {key: frozenset(words) for key, words in data["cues"].items()}
    for key in ("ed_exceptions", "reporting_verbs", "year_leads"):
        data[key] = frozenset(data[key])
    return data


@cache
def _cue_pattern() -> re.Pattern[str]:
    lexicon = _lexicon()
    phrases = sorted(
        {*lexicon["cues"]["future"], *lexicon["cues"]["past"], *lexicon["reporting_verbs"]},
        key=len,
        reverse=True,
    )
    words = "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)
    return re.compile(rf"(?<![\w'])(?:{words})(?!\w)|\b[a-z]{{2,}}ed\b", re.IGNORECASE)


@cache
def _relative_year_pattern() -> re.Pattern[str]:
    phrases = sorted(_lexicon()["relative_years"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


def _years_after(day: date, years: int) -> date:
    year = min(max(day.year + years, 1), 9999)
    try:
        return day.replace(year=year)
    except ValueError:  # February 29
        return day.replace(year=year, day=28)
