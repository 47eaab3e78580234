"""Named events (summits, games, elections) and holidays: find them, then pick one occurrence.

Two finders, both pure functions of the text and a reference date:

* :func:`find_named_events` finds "the upcoming APEC summit in South Korea", "the Paris
  Olympics", "last year's COP29" and resolves each to one row of the named-events table
  (``data/named_events.csv``): a DATE timex with the event's real interval and place,
  ``anchor="named-event"`` and ``timeml=False`` (TimeML does not annotate such names).
* :func:`find_holidays` finds "Christmas 2023", "Thanksgiving", "Easter next year" and resolves
  each through the ``holidays`` package to a TIMEX3 day.

The occurrence is chosen from what the mention says (a year, a place, a number, "upcoming" or
"last"), then the tense of its sentence, then the reference date. Every word the engine knows
lives in ``data/en/calendar.yaml`` and ``data/en/holidays.yaml``.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate, chain
from pathlib import Path
from typing import Any, Literal

import yaml

from timeline.model import Anchor, Interval, Timex
from timeline.temporal.anchors import literal_trie
from timeline.temporal.rules import read_yaml

DATA_DIR = Path(__file__).parent / "data"
EVENTS_CSV = DATA_DIR / "named_events.csv"
LEXICON_YAML = DATA_DIR / "en" / "calendar.yaml"
HOLIDAYS_YAML = DATA_DIR / "en" / "holidays.yaml"

#: Columns of a named-events CSV, in order (the built-in table and ``--events`` files alike).
EVENT_COLUMNS: tuple[str, ...] = ("name", "aliases", "start", "end", "city", "country", "source")
#: The ``city`` of an event held across a whole country (an election).
NATIONWIDE = "nationwide"

Direction = Literal["past", "future"]

_YEAR = r"(?:19|20)\d{2}"
#: A year written next to a mention: any four digits from 1000, so that "the presidential
#: election of 1860" is read as a year the table lacks, not as the nearest election.
_ANY_YEAR = r"[12]\d{3}"


class CalendarDataError(ValueError):
    """A named-events or holiday data file is malformed; the message names file and line."""


# ---------------------------------------------------------------------------------------------
# The named-events table


@dataclass(frozen=True)
class NamedEvent:
    """One edition of a recurring event (or a one-off event), as a row of the table."""

    name: str
    aliases: tuple[str, ...]
    start: date
    end: date
    cities: tuple[str, ...]
    countries: tuple[str, ...]
    source: str

    @property
    def place(self) -> str:
        """Where it was held, for display: "Gyeongju, South Korea"."""
        cities = [city for city in self.cities if city != NATIONWIDE]
        if len(self.countries) > 1:
            return _join_names(self.countries)
        if not cities:
            return self.countries[0]
        return f"{_join_names(cities)}, {self.countries[0]}"

    @property
    def years(self) -> frozenset[int]:
        """Years that name this edition: its start year and any year written in an alias.

        "Tokyo 2020" was held in 2021, so the 2021 row answers to both years.
        """
        written = {int(y) for alias in self.aliases for y in re.findall(rf"\b{_YEAR}\b", alias)}
        return frozenset({self.start.year, *written})


def _join_names(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def load_named_events(extra_csv: Path | None = None) -> tuple[NamedEvent, ...]:
    """The built-in named-events table, plus the rows of ``extra_csv`` if given.

    The built-in table is read and validated once. ``extra_csv`` has the same columns
    (:data:`EVENT_COLUMNS`); a malformed row raises :class:`CalendarDataError` naming the file
    and line.
    """
    events = _builtin_events()
    if extra_csv is None:
        return events
    return events + read_events_csv(Path(extra_csv))


@lru_cache(maxsize=1)
def _builtin_events() -> tuple[NamedEvent, ...]:
    return read_events_csv(EVENTS_CSV)


def read_events_csv(path: Path) -> tuple[NamedEvent, ...]:
    """Read and validate a named-events CSV; raise :class:`CalendarDataError` on a bad row."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None or tuple(cell.strip() for cell in header) != EVENT_COLUMNS:
                raise CalendarDataError(
                    f"{path}:1: expected the columns {','.join(EVENT_COLUMNS)}, got {header}"
                )
            rows = []
            for row in reader:
                if any(cell.strip() for cell in row):
                    rows.append(_parse_event_row(row, f"{path}:{reader.line_num}"))
    except OSError as exc:
        raise CalendarDataError(f"{path}: cannot read named events: {exc.strerror}") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise CalendarDataError(f"{path}: not a readable UTF-8 CSV: {exc}") from exc
    return tuple(rows)


def _parse_event_row(row: list[str], where: str) -> NamedEvent:
    if len(row) != len(EVENT_COLUMNS):
        raise CalendarDataError(f"{where}: expected {len(EVENT_COLUMNS)} columns, got {len(row)}")
    cells = dict(zip(EVENT_COLUMNS, (cell.strip() for cell in row), strict=True))
    for column in ("name", "start", "city", "country", "source"):
        if not cells[column]:
            raise CalendarDataError(f"{where}: the {column} column is empty")
    aliases = _split_list(cells["aliases"], where, "aliases") if cells["aliases"] else ()
    start = _parse_iso(cells["start"], where, "start")
    end = _parse_iso(cells["end"], where, "end") if cells["end"] else start
    if end < start:
        raise CalendarDataError(f"{where}: end {end} is before start {start}")
    names = (cells["name"], *(a for a in aliases if a != cells["name"]))
    return NamedEvent(
        name=cells["name"],
        aliases=names,
        start=start,
        end=end,
        cities=_split_list(cells["city"], where, "city"),
        countries=_split_list(cells["country"], where, "country"),
        source=cells["source"],
    )


def _split_list(cell: str, where: str, column: str) -> tuple[str, ...]:
    items = tuple(item.strip() for item in cell.split("|"))
    if any(not item for item in items):
        raise CalendarDataError(f"{where}: empty item in the {column} column {cell!r}")
    return items


def _parse_iso(cell: str, where: str, column: str) -> date:
    try:
        return date.fromisoformat(cell)
    except ValueError:
        raise CalendarDataError(f"{where}: {column} {cell!r} is not an ISO date") from None


# ---------------------------------------------------------------------------------------------
# The lexicon (data/en/calendar.yaml)


@dataclass(frozen=True)
class _Country:
    name: str
    code: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class _Lexicon:
    event_suffixes: tuple[str, ...]
    weak_aliases: frozenset[str]
    weak_cues: tuple[str, ...]
    event_vetoes: Mapping[str, tuple[str, ...]]
    direction: Mapping[str, tuple[str, ...]]
    relative_before: Mapping[str, int]
    relative_after: Mapping[str, int]
    tense: Mapping[str, tuple[str, ...]]
    weak_past_suffix: str
    not_past: frozenset[str]
    countries: tuple[_Country, ...]
    city_aliases: Mapping[str, tuple[str, ...]]
    host_city_nouns: tuple[str, ...]
    host_city_max_years: int


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        loaded = read_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CalendarDataError(f"{path}: cannot load: {exc}") from exc
    if not isinstance(loaded, dict):
        raise CalendarDataError(f"{path}: expected a mapping at the top level")
    return loaded


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise CalendarDataError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return tuple(value)


def _int_map(value: Any, where: str) -> dict[str, int]:
    if not isinstance(value, dict) or not all(isinstance(v, int) for v in value.values()):
        raise CalendarDataError(f"{where}: expected a mapping of words to integers")
    return {str(k): v for k, v in value.items()}


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = _load_yaml(LEXICON_YAML)
    where = str(LEXICON_YAML)

    def get(key: str) -> Any:
        if key not in data:
            raise CalendarDataError(f"{where}: missing key {key!r}")
        return data[key]

    tense = get("tense")
    direction = get("direction")
    relative = get("relative_years")
    countries = []
    for item in get("countries"):
        if not isinstance(item, dict) or not {"name", "code", "aliases"} <= set(item):
            raise CalendarDataError(f"{where}: country entry needs name, code, aliases: {item!r}")
        aliases = _strings(item["aliases"], f"{where}: {item['name']}") if item["aliases"] else ()
        countries.append(_Country(str(item["name"]), str(item["code"]), aliases))
    city_aliases = {
        str(k): _strings(v, f"{where}: city_aliases.{k}") if v else ()
        for k, v in get("city_aliases").items()
    }
    return _Lexicon(
        event_suffixes=_strings(get("event_suffixes"), f"{where}: event_suffixes"),
        weak_aliases=frozenset(_key(a) for a in _strings(get("weak_aliases"), where)),
        weak_cues=_strings(get("weak_cues"), f"{where}: weak_cues"),
        event_vetoes={
            str(k): _strings(v, f"{where}: event_vetoes") for k, v in get("event_vetoes").items()
        },
        direction={k: _strings(direction[k], f"{where}: direction") for k in ("future", "past")},
        relative_before=_int_map(relative["before"], f"{where}: relative_years.before"),
        relative_after=_int_map(relative["after"], f"{where}: relative_years.after"),
        tense={k: _strings(tense[k], f"{where}: tense") for k in ("future", "past", "ignore")},
        weak_past_suffix=str(tense["weak_past_suffix"]),
        not_past=frozenset(_strings(tense["not_past"], f"{where}: tense.not_past")),
        countries=tuple(countries),
        city_aliases=city_aliases,
        host_city_nouns=_strings(get("host_city_nouns"), f"{where}: host_city_nouns"),
        host_city_max_years=int(get("host_city_max_years")),
    )


# ---------------------------------------------------------------------------------------------
# Pattern building


def _key(name: str) -> str:
    """Normalise a name for lookup: "COP-29", "COP 29" and "cop29" share one key."""
    return re.sub(r"[\W_]+", "", name.casefold())


def _phrase_pattern(phrase: str, *, fold_case: bool) -> str:
    """A regex for a phrase: flexible spaces, hyphens and apostrophes.

    With ``fold_case`` words with a lowercase letter match in any case, while all-capital words
    (acronyms such as "APEC" or "US") stay exact. "COP29" also matches "COP 29" and "COP-29".
    """
    parts = []
    for token in re.findall(r"\s+|[-‐–]|['’]|[^\s\-‐–'’]+", phrase):
        if token.isspace():
            parts.append(r"\s+")
        elif token in "-‐–":
            parts.append(r"[-‐–\s]?")
        elif token in "'’":
            parts.append("['’]")
        else:
            pieces = re.split(r"(?<=[A-Za-z])(?=\d)", token)
            body = r"[-\s]?".join(re.escape(piece) for piece in pieces)
            if fold_case and any(ch.islower() for ch in token):
                body = f"(?i:{body})"
            parts.append(body)
    return "".join(parts)


def _alternation(phrases: Iterable[str], *, fold_case: bool) -> str:
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    patterns = [_phrase_pattern(p, fold_case=fold_case) for p in unique]
    if not all(p[:1].isascii() and p[:1].isalnum() for p in unique):
        return "|".join(patterns)
    # phrases opening with different letters never match at the same place: grouped by
    # first letter (each group in the order above), re tests one lookahead per group
    # instead of entering each of hundreds of alternatives
    groups: dict[str, list[str]] = {}
    for phrase, pattern in zip(unique, patterns, strict=True):
        groups.setdefault(phrase[0].lower(), []).append(pattern)
    return "|".join(
        f"(?=(?i:{re.escape(first)}))(?:{'|'.join(group)})" for first, group in groups.items()
    )


def _bounded(alternation: str) -> str:
    return rf"(?<![\w])(?:{alternation})(?![\w])"


def _words_regex(words: Iterable[str]) -> str:
    return "|".join(
        _phrase_pattern(w, fold_case=True) for w in sorted(words, key=len, reverse=True)
    )


_TOKEN = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True)
class _Finder:
    """A big alternation of phrases, tried only where a word could begin one of them.

    Python's ``re`` tries every alternative at every position; on a megabyte of text that
    holds no alias that alone took seconds. Words are cheap to list, so the regex is only
    tried at words that begin some phrase.
    """

    regex: re.Pattern[str]
    first_words: frozenset[str]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        index = _token_index(text, _INDEXED[0])
        # the index holds the few words the text has: look those up, not every first word
        words = self.first_words.intersection(index)
        starts = sorted(chain.from_iterable(index[w] for w in words))
        resume = 0
        for start in starts:
            if start < resume:
                continue
            match = self.regex.match(text, start)
            if match is not None:
                resume = match.end()
                yield match


#: every finder's first words: the only ones the token index keeps
_INDEXED: list[frozenset[str]] = [frozenset()]


@lru_cache(maxsize=2)
def _token_index(text: str, words: frozenset[str]) -> dict[str, list[int]]:
    """Where each of ``words`` starts in ``text`` (casefolded tokens): listed once per text,
    read by every finder."""
    index: dict[str, list[int]] = {}
    if text.isascii():
        lower = text.lower()  # casefold, for ASCII
        for start in _ascii_token_starts(lower, words):
            word = _TOKEN.match(lower, start).group()  # type: ignore[union-attr]
            index.setdefault(word, []).append(start)
        return index
    for token in _TOKEN.finditer(text):
        word = token.group().casefold()
        if word in words:
            index.setdefault(word, []).append(token.start())
    return index


def _ascii_token_starts(lower: str, words: frozenset[str]) -> list[int]:
    """Where a token of lower-cased ASCII text is one of ``words``, in order."""
    letters, first, digits = _token_scanners(words)
    # a letter token starts after a non-letter: re skips to those in C
    found = [m.end() for m in letters.finditer(lower)]
    if first.match(lower):
        found.insert(0, 0)
    found.extend(m.start() for m in digits.finditer(lower))
    found.sort()
    return found


@lru_cache(maxsize=4)
def _token_scanners(words: frozenset[str]) -> tuple[re.Pattern[str], ...]:
    """Regexes listing where ``words`` (letters or digits only) stand as whole tokens."""
    letters = literal_trie(w for w in words if w.isascii() and w.isalpha())
    numbers = {w for w in words if w.isascii() and w.isdigit()}
    by_first: dict[str, set[str]] = {}
    for number in numbers:
        by_first.setdefault(number[0], set()).add(number[1:])
    # each branch opens with a literal digit (re skips to those in C), then checks that
    # no digit precedes it
    digits = "|".join(
        re.escape(first) + r"(?<![0-9].)" + literal_trie(rests)
        for first, rests in sorted(by_first.items())
    )
    return (
        re.compile(rf"[^a-z](?={letters}(?![a-z]))"),
        re.compile(rf"{letters}(?![a-z])"),
        re.compile(rf"(?:{digits or '(?!)'})(?![0-9])"),
    )


def _finder(pattern: str, phrases: Iterable[str]) -> _Finder:
    first = {m.group().casefold() for p in phrases if (m := _TOKEN.search(p))}
    if not first <= _INDEXED[0]:
        _INDEXED[0] = _INDEXED[0] | first
    return _Finder(re.compile(pattern), frozenset(first))


# ---------------------------------------------------------------------------------------------
# Places


@dataclass(frozen=True)
class _Places:
    regex: re.Pattern[str]
    written: tuple[str, ...]
    keys: Mapping[str, frozenset[str]]  # written name key -> canonical place keys
    codes: Mapping[str, str]  # written name key -> holidays country code

    def lookup(self, written: str) -> frozenset[str]:
        return self.keys.get(_key(written), frozenset())


def _build_places(events: Sequence[NamedEvent], lex: _Lexicon) -> _Places:
    keys: dict[str, set[str]] = {}
    codes: dict[str, str] = {}

    def add(written: str, canonical: Iterable[str]) -> None:
        keys.setdefault(_key(written), set()).update(_key(c) for c in canonical)

    for country in lex.countries:
        for written in (country.name, *country.aliases):
            add(written, [country.name])
            codes[_key(written)] = country.code
    for event in events:
        for city in event.cities:
            if city != NATIONWIDE:
                add(city, [city])
        for country in event.countries:
            add(country, [country])
    for written, cities in lex.city_aliases.items():
        add(written, cities)
    names = [n for n in (*_all_written(lex), *_event_places(events))]
    regex = re.compile(rf"(?<![\w.])(?:{_alternation(names, fold_case=False)})(?![\w])")
    return _Places(regex, tuple(names), {k: frozenset(v) for k, v in keys.items()}, codes)


def _all_written(lex: _Lexicon) -> Iterable[str]:
    for country in lex.countries:
        yield country.name
        yield from country.aliases
    yield from lex.city_aliases


def _event_places(events: Sequence[NamedEvent]) -> Iterable[str]:
    for event in events:
        yield from (city for city in event.cities if city != NATIONWIDE)
        yield from event.countries


def _event_place_keys(event: NamedEvent) -> frozenset[str]:
    return frozenset(_key(p) for p in (*event.cities, *event.countries) if p != NATIONWIDE)


def _event_city_keys(event: NamedEvent) -> frozenset[str]:
    return frozenset(_key(city) for city in event.cities if city != NATIONWIDE)


# ---------------------------------------------------------------------------------------------
# Tense of the sentence around a mention


@dataclass(frozen=True)
class _TenseCues:
    phrases: Mapping[str, str]  # "took place" -> "past"; words lowercased, ’ as '
    longest: int  # words in the longest phrase
    weak_past_suffix: str
    not_past: frozenset[str]
    #: first words of the phrases of two words or more
    openers: frozenset[str] = frozenset()


_WORD = re.compile(r"[A-Za-z]+|['’][A-Za-z]+")
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")


def _norm_word(word: str) -> str:
    return word.casefold().replace("’", "'")


@lru_cache(maxsize=1)
def _tense_cues() -> _TenseCues:
    lex = _lexicon()
    phrases = {}
    for kind in ("ignore", "past", "future"):  # later kinds win a clash
        for cue in lex.tense[kind]:
            phrases[" ".join(_norm_word(w) for w in _WORD.findall(cue))] = kind
    longest = max(len(p.split()) for p in phrases)
    not_past = lex.not_past | {c.casefold() for c in lex.tense["future"] + lex.tense["ignore"]}
    openers = frozenset(p.split(" ")[0] for p in phrases if " " in p)
    return _TenseCues(phrases, longest, lex.weak_past_suffix, frozenset(not_past), openers)


_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)\"”’%][.!?])[\"”’]?\s+|\n\s*")


@lru_cache(maxsize=8)
def _sentence_breaks(text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _SENTENCE_BREAK.finditer(text))


#: How far from a mention its sentence is read (a run-on "sentence" of a whole page is not).
_SENTENCE_REACH = 250


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    breaks = _sentence_breaks(text)
    index = bisect.bisect_right(breaks, start)
    left = breaks[index - 1] if index else 0
    right_index = bisect.bisect_left(breaks, end)
    right = breaks[right_index] if right_index < len(breaks) else len(text)
    return max(left, start - _SENTENCE_REACH), min(right, end + _SENTENCE_REACH)


@dataclass(frozen=True)
class _Cues:
    """Tense cues of one text, in order: ``kinds`` are "past"/"future" (strong) or "weak"."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    kinds: tuple[str, ...]


@lru_cache(maxsize=8)
def _text_cues(text: str) -> tuple[_Cues, _Cues]:
    """The strong and the weak (-ed) tense cues of a text, found once per text."""
    cues = _tense_cues()
    # words are the odd items of a split (’ read as ', same length); offsets from lengths
    parts = _WORD_SPLIT.split(text.replace("’", "'"))
    words = list(map(str.lower, parts[1::2]))  # casefold, for ASCII letters
    offsets = list(accumulate(map(len, parts), initial=0))
    phrases, openers, longest = cues.phrases, cues.openers, cues.longest
    suffix, not_past = cues.weak_past_suffix, cues.not_past
    strong: list[tuple[int, int, str]] = []
    weak: list[tuple[int, int, str]] = []
    count = len(words)
    index = 0
    while index < count:
        word = words[index]
        size = 1
        if word in openers:  # only a phrase's first word may open a longer phrase
            for size in range(min(longest, count - index), 0, -1):
                kind = phrases.get(" ".join(words[index : index + size]))
                if kind is not None:
                    break
            else:
                size = 1
        else:
            kind = phrases.get(word)
        if kind in ("past", "future"):
            strong.append((offsets[2 * index + 1], offsets[2 * (index + size)], kind))
        elif (
            kind is None
            and word.endswith(suffix)
            and len(word) > len(suffix) + 1
            and word not in not_past
        ):
            weak.append((offsets[2 * index + 1], offsets[2 * index + 2], "past"))
        index += size
    return _as_cues(strong), _as_cues(weak)


def _as_cues(found: list[tuple[int, int, str]]) -> _Cues:
    return _Cues(tuple(f[0] for f in found), tuple(f[1] for f in found), tuple(f[2] for f in found))


def _nearest_cue(cues: _Cues, left: int, right: int, start: int, end: int) -> str | None:
    """The kind of the cue nearest the span, inside ``left:right`` and outside the span."""
    best: tuple[int, str] | None = None
    before = bisect.bisect_right(cues.ends, start) - 1
    if before >= 0 and cues.starts[before] >= left:
        best = (start - cues.ends[before], cues.kinds[before])
    after = bisect.bisect_left(cues.starts, end)
    if after < len(cues.starts) and cues.ends[after] <= right:
        distance = cues.starts[after] - end
        if best is None or distance < best[0]:
            best = (distance, cues.kinds[after])
    return best[1] if best else None


def sentence_tense(text: str, start: int, end: int) -> Direction | None:
    """The time a sentence points to, judged from the cue nearest the span ``start:end``.

    ``"future"`` for will/plans/expected/upcoming (and present-tense is/are), ``"past"`` for
    was/held/ago and verbs in -ed, ``None`` when the sentence holds no cue. Reporting verbs
    ("said", "announced") are ignored: they date the report, not the event. The mention's
    own words ("upcoming") are read as its direction, not here.
    """
    left, right = _sentence_bounds(text, start, end)
    strong, weak = _text_cues(text)
    kind = _nearest_cue(strong, left, right, start, end) or _nearest_cue(
        weak, left, right, start, end
    )
    if kind == "future":
        return "future"
    return "past" if kind == "past" else None


# ---------------------------------------------------------------------------------------------
# Named-event matching


@dataclass(frozen=True)
class NamedEventMention:
    """A named event found in a text, before the reference date picks one occurrence.

    ``candidates`` are the table rows the mention can mean after its year and place have
    been applied; ``direction`` is what its own words say ("upcoming" -> future, "last" ->
    past), ``tense`` what its sentence says, ``relative_year`` a year counted from the
    reference ("last year's COP29" -> -1). The reference-date inference reads these.
    """

    text: str
    start: int
    end: int
    candidates: tuple[NamedEvent, ...]
    direction: Direction | None
    tense: Direction | None
    relative_year: int | None
    final: bool = False
    max_years_away: int | None = None


@dataclass(frozen=True)
class _EventMatcher:
    aliases: _Finder
    by_alias: Mapping[str, tuple[NamedEvent, ...]]
    host_cities: _Finder
    events: tuple[NamedEvent, ...]
    weak: frozenset[str]
    places: _Places
    place_before: re.Pattern[str]
    year_before: re.Pattern[str]
    relative_before: re.Pattern[str]
    direction_before: re.Pattern[str]
    the_before: re.Pattern[str]
    weak_cue_before: re.Pattern[str]
    acronym_after: re.Pattern[str]
    suffix_after: re.Pattern[str]
    year_after: re.Pattern[str]
    place_after: re.Pattern[str]
    relative_after: re.Pattern[str]
    lex: _Lexicon


def _matcher_for(events: tuple[NamedEvent, ...]) -> _EventMatcher:
    """``_event_matcher(events)``, without hashing the whole table again when it is the
    very table of the last call (the built-in one, every time)."""
    last = _LAST_MATCHER[0]
    if last is not None and last[0] is events:
        return last[1]
    matcher = _event_matcher(events)
    _LAST_MATCHER[0] = (events, matcher)
    return matcher


_LAST_MATCHER: list[tuple[tuple[NamedEvent, ...], _EventMatcher] | None] = [None]


@lru_cache(maxsize=8)
def _event_matcher(events: tuple[NamedEvent, ...]) -> _EventMatcher:
    lex = _lexicon()
    by_alias: dict[str, list[NamedEvent]] = {}
    for event in events:
        for alias in dict.fromkeys(_key(a) for a in event.aliases):
            by_alias.setdefault(alias, []).append(event)
    aliases = {a for event in events for a in event.aliases}
    places = _build_places(events, lex)
    place = places.regex.pattern
    directions = [*lex.direction["future"], *lex.direction["past"]]
    return _EventMatcher(
        aliases=_finder(_bounded(_alternation(aliases, fold_case=True)), aliases),
        by_alias={k: tuple(v) for k, v in by_alias.items()},
        host_cities=_finder(
            rf"(?<![\w.])(?P<place>{place})(?:['’]s)?\s+"
            rf"(?P<noun>{_words_regex(lex.host_city_nouns)})(?![\w])",
            places.written,
        ),
        events=events,
        weak=lex.weak_aliases,
        places=places,
        place_before=re.compile(rf"(?P<place>{place})(?:['’]s)?\s+$"),
        year_before=re.compile(rf"(?<![\w-])(?P<year>{_ANY_YEAR})(?:['’]s)?\s+$"),
        relative_before=re.compile(rf"(?<![\w])(?P<rel>{_words_regex(lex.relative_before)})\s+$"),
        direction_before=re.compile(rf"(?<![\w])(?P<dir>{_words_regex(directions)})\s+$"),
        the_before=re.compile(r"(?<![\w])(?i:the)\s+$"),
        weak_cue_before=re.compile(rf"(?<![\w])(?:{_words_regex(lex.weak_cues)})\s+(?i:the\s+)?$"),
        acronym_after=re.compile(r"\s*\([A-Z][A-Za-z0-9-]{1,12}\)"),
        suffix_after=re.compile(rf"\s+(?P<suffix>{_words_regex(lex.event_suffixes)})(?![\w])"),
        year_after=re.compile(rf"\s+(?:(?i:in|of)\s+)?(?P<year>{_ANY_YEAR})(?![\w-])"),
        place_after=re.compile(
            rf",?\s+(?i:in|at|held\s+in|hosted\s+by|hosted\s+in)\s+"
            rf"(?:the\s+(?i:city|resort|town)\s+of\s+)?(?P<place>{place})"
            rf"(?:,\s+(?P<place2>{place})(?![\w]))?(?![\w])"
        ),
        relative_after=re.compile(rf"\s+(?P<rel>{_words_regex(lex.relative_after)})(?![\w])"),
        lex=lex,
    )


@dataclass
class _Found:
    """What the words around an alias say (filled while extending the span)."""

    start: int
    end: int
    year: int | None = None
    relative_year: int | None = None
    direction: Direction | None = None
    place_keys: frozenset[str] | None = None
    has_suffix: bool = False
    final: bool = False


def scan_named_events(
    text: str, *, events: Sequence[NamedEvent] | None = None
) -> list[NamedEventMention]:
    """Find named-event mentions without choosing among their occurrences.

    Useful when the reference date is not known yet: each mention lists the editions it
    can mean, and says whether its words or its sentence point to the past or the future.
    """
    matcher = _matcher_for(tuple(events) if events is not None else load_named_events())
    mentions = []
    for match in matcher.aliases.finditer(text):
        mention = _read_mention(text, match, matcher)
        if mention is not None:
            mentions.append(mention)
    taken = [(m.start, m.end) for m in mentions]
    for match in matcher.host_cities.finditer(text):
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        mention = _read_host_city_mention(text, match, matcher)
        if mention is not None:
            mentions.append(mention)
    return sorted(mentions, key=lambda m: m.start)


def _read_host_city_mention(
    text: str, match: re.Match[str], matcher: _EventMatcher
) -> NamedEventMention | None:
    """ "the Vilnius summit": the meetings of that name held in that city."""
    cities = matcher.places.lookup(match["place"])
    noun = match["noun"].casefold()
    candidates = tuple(
        event
        for event in matcher.events
        if _event_city_keys(event) & cities
        and any(noun in alias.casefold() for alias in event.aliases)
    )
    if not candidates:
        return None
    found = _Found(match.start(), match.end(), place_keys=cities)
    _extend_left(text, found, matcher)
    _extend_right(text, found, matcher)
    mention = _mention(text, found, _filter_candidates(candidates, found))
    if mention is None or found.year is not None:
        return mention
    return replace(mention, max_years_away=matcher.lex.host_city_max_years)


def _read_mention(
    text: str, match: re.Match[str], matcher: _EventMatcher
) -> NamedEventMention | None:
    alias = _key(match.group())
    candidates = matcher.by_alias.get(alias, ())
    if not candidates:
        return None
    found = _Found(match.start(), match.end())
    _extend_left(text, found, matcher)
    _extend_right(text, found, matcher)
    if alias in matcher.weak and not _weak_alias_ok(text, found, matcher):
        return None
    if _vetoed(text, found.start, candidates, matcher.lex):
        return None
    return _mention(text, found, _filter_candidates(candidates, found))


def _mention(
    text: str, found: _Found, candidates: tuple[NamedEvent, ...]
) -> NamedEventMention | None:
    if not candidates:
        return None
    return NamedEventMention(
        text=text[found.start : found.end],
        start=found.start,
        end=found.end,
        candidates=candidates,
        direction=found.direction,
        tense=sentence_tense(text, found.start, found.end),
        relative_year=found.relative_year,
        final=found.final,
    )


def _extend_left(text: str, found: _Found, matcher: _EventMatcher) -> None:
    """Take in the modifiers just before the alias: "the upcoming 2024 Paris" Olympics."""
    lex = matcher.lex
    for _ in range(4):
        head_start = max(0, found.start - 80)
        head = text[head_start : found.start]
        if found.relative_year is None and (m := matcher.relative_before.search(head)):
            found.relative_year = lex.relative_before[_lookup_word(m["rel"], lex.relative_before)]
        elif found.year is None and (m := matcher.year_before.search(head)):
            found.year = int(m["year"])
        elif found.place_keys is None and (m := matcher.place_before.search(head)):
            found.place_keys = matcher.places.lookup(m["place"])
        elif found.direction is None and (m := matcher.direction_before.search(head)):
            found.direction = _direction_of(m["dir"], lex)
        else:
            break
        found.start = head_start + m.start()
    head_start = max(0, found.start - 10)
    if m := matcher.the_before.search(text[head_start : found.start]):
        found.start = head_start + m.start()


def _extend_right(text: str, found: _Found, matcher: _EventMatcher) -> None:
    """Take in what follows the alias: "(APEC)", "summit", "2026", "in South Korea"."""
    if m := matcher.acronym_after.match(text, found.end):
        found.end = m.end()
    if m := matcher.suffix_after.match(text, found.end):
        found.end = m.end()
        found.has_suffix = True
        found.final = _key(m["suffix"]) in {"final"}
    for _ in range(3):
        if found.year is None and (m := matcher.year_after.match(text, found.end)):
            found.year = int(m["year"])
        elif found.place_keys is None and (m := matcher.place_after.match(text, found.end)):
            found.place_keys = matcher.places.lookup(m["place"])
            if m["place2"]:
                found.place_keys |= matcher.places.lookup(m["place2"])
        elif found.relative_year is None and (m := matcher.relative_after.match(text, found.end)):
            found.relative_year = matcher.lex.relative_after[
                _lookup_word(m["rel"], matcher.lex.relative_after)
            ]
        else:
            break
        found.end = m.end()


def _lookup_word(written: str, table: Iterable[str]) -> str:
    wanted = _key(written)
    return next(word for word in table if _key(word) == wanted)


def _direction_of(word: str, lex: _Lexicon) -> Direction:
    return "future" if _key(word) in {_key(w) for w in lex.direction["future"]} else "past"


def _weak_alias_ok(text: str, found: _Found, matcher: _EventMatcher) -> bool:
    if found.has_suffix or found.year is not None or found.relative_year is not None:
        return True
    if found.direction is not None or found.place_keys is not None:
        return True
    head_start = max(0, found.start - 40)
    return matcher.weak_cue_before.search(text[head_start : found.start]) is not None


def _vetoed(text: str, start: int, candidates: Sequence[NamedEvent], lex: _Lexicon) -> bool:
    words = {_key(w) for w in re.findall(r"[\w-]+", text[max(0, start - 60) : start])[-4:]}
    for event in candidates:
        vetoes = lex.event_vetoes.get(event.name, ())
        if any(_key(v) in words for v in vetoes):
            return True
    return False


def _filter_candidates(candidates: Sequence[NamedEvent], found: _Found) -> tuple[NamedEvent, ...]:
    """Keep the editions the mention's year and place allow (a place that fits none: none)."""
    kept = list(candidates)
    if found.year is not None:
        kept = [e for e in kept if found.year in e.years]
    if found.place_keys is not None:
        kept = [e for e in kept if _event_place_keys(e) & found.place_keys]
    return tuple(kept)


def choose_occurrence(mention: NamedEventMention, reference: date) -> NamedEvent | None:
    """Pick the one edition a mention means, seen from ``reference``.

    Order: a relative year ("last year's"); a single candidate; the mention's own direction
    word (upcoming -> the first to start on or after the reference, last -> the latest to
    end before it); the sentence's tense (past -> latest started by the reference, future ->
    the first not yet over); else the edition nearest the reference. A mention that allows
    only nearby editions (``max_years_away``) yields None for a distant one.
    """
    chosen = _choose(mention, reference)
    if chosen is None or mention.max_years_away is None:
        return chosen
    if _gap(chosen.start, chosen.end, reference) > 366 * mention.max_years_away:
        return None
    return chosen


def _choose(mention: NamedEventMention, reference: date) -> NamedEvent | None:
    candidates = list(mention.candidates)
    if mention.relative_year is not None:
        year = reference.year + mention.relative_year
        candidates = [e for e in candidates if year in e.years]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    if not _covers(candidates, reference, mention.tense):
        return None
    if mention.direction == "future":
        return _first([e for e in candidates if e.start >= reference])
    if mention.direction == "past":
        return _last([e for e in candidates if e.end < reference])
    if mention.tense == "past":
        chosen = _last([e for e in candidates if e.start <= reference])
    elif mention.tense == "future":
        chosen = _first([e for e in candidates if e.end >= reference])
    else:
        chosen = None
    return chosen or min(candidates, key=lambda e: (_gap(e.start, e.end, reference), e.start))


def _covers(candidates: Sequence[NamedEvent], reference: date, tense: Direction | None) -> bool:
    """Whether the table can answer for ``reference``: editions outside it are unknown.

    The table starts in 2000 and ends with the last edition already scheduled, so "the NATO
    summit" seen from 1998, or a future G20 summit seen from beyond the last row, has no
    answer here; the nearest row would be wrong.
    """
    starts = sorted(e.start for e in candidates)
    gaps = sorted(b - a for a, b in zip(starts, starts[1:], strict=False))
    period = gaps[len(gaps) // 2] if gaps else timedelta(0)
    first, last = starts[0], max(e.end for e in candidates)
    if not first - period <= reference <= last + period:
        return False
    if tense == "future" and reference > starts[-1]:
        return False
    return not (tense == "past" and reference < first)


def _first(events: Sequence[NamedEvent]) -> NamedEvent | None:
    return min(events, key=lambda e: e.start) if events else None


def _last(events: Sequence[NamedEvent]) -> NamedEvent | None:
    return max(events, key=lambda e: e.start) if events else None


def _gap(start: date, end: date, reference: date) -> int:
    if reference < start:
        return (start - reference).days
    if reference > end:
        return (reference - end).days
    return 0


def find_named_events(
    text: str, reference: date, *, events: Sequence[NamedEvent] | None = None
) -> list[Timex]:
    """Named events in ``text`` resolved to one occurrence each, seen from ``reference``.

    Each is a DATE timex: ``value`` its first day, ``interval`` its real span (day
    granularity), ``anchor="named-event"``, ``timeml=False``, ``place`` where it was held and
    ``rule="named-event:<name>"``. ``events`` replaces the built-in table (see
    :func:`load_named_events` to add rows to it). A mention whose occurrence cannot be told
    (a place or year no edition has) yields nothing.
    """
    timexes = []
    for mention in scan_named_events(text, events=events):
        event = choose_occurrence(mention, reference)
        if event is None:
            continue
        first = event.end if mention.final else event.start
        timexes.append(
            Timex(
                text=mention.text,
                start=mention.start,
                end=mention.end,
                type="DATE",
                value=first.isoformat(),
                interval=Interval(first, event.end, "day", False),
                anchor="named-event",
                timeml=False,
                place=event.place,
                rule=f"named-event:{event.name}",
            )
        )
    return timexes


# ---------------------------------------------------------------------------------------------
# Holidays


@dataclass(frozen=True)
class _Holiday:
    name: str
    aliases: tuple[str, ...]
    calendar: str | None
    categories: tuple[str, ...]
    holiday: tuple[str, ...]
    fixed: tuple[int, int] | None
    after: str | None
    offset: int
    span: str | None
    until: str | None


@dataclass(frozen=True)
class _HolidayTable:
    entries: Mapping[str, _Holiday]
    by_alias: Mapping[str, str]
    finder: _Finder
    following_vetoes: frozenset[str]
    preceding_vetoes: tuple[str, ...]
    weekend_words: tuple[str, ...]


@lru_cache(maxsize=1)
def _holiday_table() -> _HolidayTable:
    data = _load_yaml(HOLIDAYS_YAML)
    entries: dict[str, _Holiday] = {}
    by_alias: dict[str, str] = {}
    for index, item in enumerate(data.get("holidays") or []):
        holiday = _parse_holiday(item, f"{HOLIDAYS_YAML}: holidays[{index}]")
        entries[holiday.name] = holiday
        for alias in holiday.aliases:
            if by_alias.setdefault(_key(alias), holiday.name) != holiday.name:
                raise CalendarDataError(f"{HOLIDAYS_YAML}: alias {alias!r} names two holidays")
    for holiday in entries.values():
        for other in (holiday.after, holiday.until):
            if other is not None and other not in entries:
                raise CalendarDataError(f"{HOLIDAYS_YAML}: {holiday.name} refers to {other!r}")
    aliases = [a for h in entries.values() for a in h.aliases]
    return _HolidayTable(
        entries=entries,
        by_alias=by_alias,
        finder=_finder(_bounded(_alternation(aliases, fold_case=False)), aliases),
        following_vetoes=frozenset(_strings(data.get("following_vetoes"), str(HOLIDAYS_YAML))),
        preceding_vetoes=_strings(data.get("preceding_vetoes"), str(HOLIDAYS_YAML)),
        weekend_words=_strings(data.get("weekend_words"), str(HOLIDAYS_YAML)),
    )


def _parse_holiday(item: Any, where: str) -> _Holiday:
    if not isinstance(item, dict) or "name" not in item or "aliases" not in item:
        raise CalendarDataError(f"{where}: a holiday needs a name and aliases")
    where = f"{where} ({item['name']})"
    known = {"name", "aliases", "calendar", "categories", "holiday", "fixed", "after", "offset"}
    if unknown := set(item) - known - {"span", "until"}:
        raise CalendarDataError(f"{where}: unknown keys {sorted(unknown)}")
    if ("calendar" in item) == ("after" in item):
        raise CalendarDataError(f"{where}: give exactly one of calendar or after")
    if "calendar" in item and "holiday" not in item:
        raise CalendarDataError(f"{where}: a calendar entry needs `holiday`")
    if item.get("span") not in (None, "run", "until_before"):
        raise CalendarDataError(f"{where}: span must be run or until_before")
    if (item.get("span") == "until_before") != ("until" in item):
        raise CalendarDataError(f"{where}: span until_before goes with `until`")
    fixed = None
    if "fixed" in item:
        m = re.fullmatch(r"(\d{2})-(\d{2})", str(item["fixed"]))
        if not m:
            raise CalendarDataError(f"{where}: fixed must be MM-DD")
        fixed = (int(m[1]), int(m[2]))
    return _Holiday(
        name=str(item["name"]),
        aliases=_strings(item["aliases"], where),
        calendar=item.get("calendar"),
        categories=_strings(item.get("categories", ["public"]), where),
        holiday=_strings(item.get("holiday", []), where) if "holiday" in item else (),
        fixed=fixed,
        after=item.get("after"),
        offset=int(item.get("offset", 0)),
        span=item.get("span"),
        until=item.get("until"),
    )


@lru_cache(maxsize=256)
def _calendar_days(code: str, year: int, categories: tuple[str, ...]) -> Mapping[date, str]:
    import holidays  # the package is imported lazily: it is slow to import

    try:
        cls = type(holidays.country_holidays(code))
    except NotImplementedError:
        return {}
    supported = getattr(cls, "supported_categories", ("public",))
    options: dict[str, Any] = {"categories": tuple(c for c in categories if c in supported)}
    if "en_US" in getattr(cls, "supported_languages", ()):
        options["language"] = "en_US"
    return dict(holidays.country_holidays(code, years=year, **options).items())


def _named_days(
    code: str, year: int, categories: tuple[str, ...], names: Sequence[str]
) -> list[date]:
    wanted = set(names)
    days = []
    for day, label in _calendar_days(code, year, categories).items():
        for part in label.split("; "):
            if part.endswith("(observed)"):
                continue
            if part.removesuffix(" (estimated)") in wanted:
                days.append(day)
                break
    return sorted(days)


def holiday_dates(name: str, year: int, country: str = "US") -> tuple[date, date] | None:
    """First and last day of a holiday (by its name in holidays.yaml) in ``year``, if known.

    ``country`` is used by holidays whose calendar is ``national`` (Independence Day ...).
    """
    return _holiday_dates(name, year, country)


@lru_cache(maxsize=4096)
def _holiday_dates(name: str, year: int, country: str) -> tuple[date, date] | None:
    entry = _holiday_table().entries[name]
    if entry.after is not None:
        base = _holiday_dates(entry.after, year, country)
        if base is None:
            return None
        day = base[0] + timedelta(days=entry.offset)
        return day, day
    code = country if entry.calendar == "national" else str(entry.calendar)
    days = _named_days(code, year, entry.categories, entry.holiday)
    if entry.span == "run":
        return _run_starting_in(code, year, entry)
    if not days:
        if entry.fixed is None or (entry.calendar == "national" and country != "US"):
            return None
        day = date(year, *entry.fixed)
        return day, day
    first = days[0]
    if entry.span == "until_before" and entry.until is not None:
        for next_year in (year, year + 1):
            ends = _holiday_dates(entry.until, next_year, country)
            if ends is not None and ends[0] > first:
                return first, ends[0] - timedelta(days=1)
        return None
    return first, first


def _run_starting_in(code: str, year: int, entry: _Holiday) -> tuple[date, date] | None:
    named = {
        day
        for y in (year - 1, year, year + 1)
        for day in _named_days(code, y, entry.categories, entry.holiday)
    }
    starts = [d for d in sorted(named) if d.year == year and d - timedelta(days=1) not in named]
    if not starts:
        return None
    end = starts[0]
    while end + timedelta(days=1) in named:
        end += timedelta(days=1)
    return starts[0], end


@dataclass(frozen=True)
class _HolidayPatterns:
    country_before: re.Pattern[str]
    codes: Mapping[str, str]
    year_after: re.Pattern[str]
    relative_before: re.Pattern[str]
    relative_after: re.Pattern[str]
    direction_before: re.Pattern[str]
    this_before: re.Pattern[str]
    weekend_after: re.Pattern[str]


@lru_cache(maxsize=1)
def _holiday_patterns() -> _HolidayPatterns:
    lex = _lexicon()
    codes = {}
    written = []
    for country in lex.countries:
        for name in (country.name, *country.aliases):
            codes[_key(name)] = country.code
            written.append(name)
    directions = [*lex.direction["future"], *lex.direction["past"]]
    return _HolidayPatterns(
        country_before=re.compile(
            rf"(?<![\w.])(?P<place>{_alternation(written, fold_case=False)})(?:['’]s)?\s+$"
        ),
        codes=codes,
        year_after=re.compile(rf"\s+(?:(?i:of)\s+)?(?P<year>{_ANY_YEAR})(?![\w-])"),
        relative_before=re.compile(rf"(?<![\w])(?P<rel>{_words_regex(lex.relative_before)})\s+$"),
        relative_after=re.compile(rf"\s+(?P<rel>{_words_regex(lex.relative_after)})(?![\w])"),
        direction_before=re.compile(rf"(?<![\w])(?P<dir>{_words_regex(directions)})\s+$"),
        this_before=re.compile(r"(?<![\w])(?P<this>(?i:this))\s+$"),
        weekend_after=re.compile(rf"\s+(?:{_words_regex(_holiday_table().weekend_words)})(?![\w])"),
    )


def find_holidays(text: str, reference: date, *, country: str = "US") -> list[Timex]:
    """Holidays in ``text`` ("Christmas 2023", "Thanksgiving", "Easter next year") as TIMEX3s.

    Each is a DATE timex of the holiday's day (Hanukkah and Ramadan: their first day, with
    the interval covering all their days), ``anchor="absolute"`` when the year is written
    and ``"reference"`` otherwise. Year choice: a written or relative year; "last"/"next"/
    "this"; the sentence's tense (past -> the latest on or before ``reference``, future or
    present -> the next on or after it); else the nearest. ``country`` is the calendar for
    national holidays (Independence Day, Labor Day, Memorial Day) unless the text names
    another ("India's Independence Day"). Names that are things ("Christmas tree") are skipped.
    """
    table = _holiday_table()
    patterns = _holiday_patterns()
    timexes = []
    for match in table.finder.finditer(text):
        if _holiday_vetoed(text, match, table):
            continue
        name = table.by_alias[_key(match.group())]
        timex = _resolve_holiday(text, match, name, reference, country, patterns)
        if timex is not None:
            timexes.append(timex)
    return timexes


def _holiday_vetoed(text: str, match: re.Match[str], table: _HolidayTable) -> bool:
    following = re.match(r"\s+([\w-]+)", text[match.end() : match.end() + 40])
    if following and following[1] in table.following_vetoes:
        return True
    head = text[max(0, match.start() - 20) : match.start()]
    for veto in table.preceding_vetoes:
        if veto[-1].isalnum():  # a word before the name ("Operation Ramadan")
            if re.search(rf"(?<![\w]){re.escape(veto)}\s+$", head):
                return True
        elif head.endswith(veto):  # a prefix glued to it ("pre-Christmas")
            return True
    return False


def _resolve_holiday(
    text: str,
    match: re.Match[str],
    name: str,
    reference: date,
    country: str,
    patterns: _HolidayPatterns,
) -> Timex | None:
    start, end = match.start(), match.end()
    lex = _lexicon()
    head = text[max(0, start - 60) : start]
    head_offset = max(0, start - 60)
    year: int | None = None
    relative: int | None = None
    direction: Direction | None = None
    this = False
    if m := patterns.relative_before.search(head):
        relative = lex.relative_before[_lookup_word(m["rel"], lex.relative_before)]
        start = head_offset + m.start()
    elif m := patterns.direction_before.search(head):
        direction = _direction_of(m["dir"], lex)
        start = head_offset + m.start()
    elif m := patterns.this_before.search(head):
        this = True
        start = head_offset + m.start()
    if m := patterns.country_before.search(text[max(0, start - 60) : start]):
        country = patterns.codes.get(_key(m["place"]), country)
    if m := patterns.year_after.match(text, end):
        year, end = int(m["year"]), m.end()
    elif m := patterns.relative_after.match(text, end):
        relative, end = lex.relative_after[_lookup_word(m["rel"], lex.relative_after)], m.end()
    weekend = patterns.weekend_after.match(text, end)
    if weekend:
        end = weekend.end()
        if year is None and (m := patterns.year_after.match(text, end)):
            year, end = int(m["year"]), m.end()
    if this:
        relative = 0
    span = _holiday_occurrence(
        name,
        reference,
        country,
        year,
        relative,
        direction,
        lambda: sentence_tense(text, start, end),
    )
    if span is None:
        return None
    first, last = span
    value = first.isoformat()
    if weekend:
        first, last = _weekend_around(first)
        saturday = first + timedelta(days=max(0, 5 - first.weekday()))
        iso_year, week, _ = saturday.isocalendar()
        value = f"{iso_year}-W{week:02d}-WE"
    anchor: Anchor = "absolute" if year is not None else "reference"
    return Timex(
        text=text[start:end],
        start=start,
        end=end,
        type="DATE",
        value=value,
        interval=Interval(first, last, "day", False),
        anchor=anchor,
        timeml=True,
        rule=f"holiday:{name}",
    )


def _weekend_around(day: date) -> tuple[date, date]:
    """The holiday weekend of ``day``: a Monday holiday takes the weekend before it
    (Memorial Day: Sat..Mon), a Thursday or Friday one the weekend after (Thanksgiving:
    Thu..Sun), a weekend day its own weekend."""
    weekday = day.weekday()
    if weekday <= 2:  # Monday to Wednesday: the weekend before, through the holiday
        return day - timedelta(days=weekday + 2), day
    if weekday <= 4:  # Thursday, Friday: from the holiday to the Sunday after
        return day, day + timedelta(days=6 - weekday)
    saturday = day - timedelta(days=weekday - 5)
    return saturday, saturday + timedelta(days=1)


def _holiday_occurrence(
    name: str,
    reference: date,
    country: str,
    year: int | None,
    relative: int | None,
    direction: Direction | None,
    tense: Any,
) -> tuple[date, date] | None:
    if year is not None:
        return _holiday_dates(name, year, country)
    if relative is not None:
        return _holiday_dates(name, reference.year + relative, country)
    spans = [
        s
        for y in range(reference.year - 1, reference.year + 2)
        if (s := _holiday_dates(name, y, country)) is not None
    ]
    if not spans:
        return None
    if direction == "past":
        return max((s for s in spans if s[0] < reference), default=None)
    if direction == "future":
        return min((s for s in spans if s[0] > reference), default=None)
    lean = tense()
    if lean == "past":
        return max((s for s in spans if s[0] <= reference), default=None)
    if lean == "future":
        return min((s for s in spans if s[1] >= reference), default=None)
    return min(spans, key=lambda s: (_gap(s[0], s[1], reference), s[0] < reference))
