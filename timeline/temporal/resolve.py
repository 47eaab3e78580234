"""Anchor underspecified values to the reference date or to the narrative.

One small function per value shape (see :mod:`timeline.temporal.normalize`). The
narrative is the last date the text established; the direction a sentence points
(past or future) comes from the cue word nearest to the expression.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import chain

from timeline.model import Interval
from timeline.temporal.anchors import literal_trie
from timeline.temporal.rules import RuleSet

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
SEASON_ORDER = ("WI", "SP", "SU", "FA")
PARTS_OF_DAY = {"MO": (6, 11), "AF": (12, 17), "EV": (18, 21), "NI": (21, 23), "MI": (12, 12)}
#: how far a narrative year may lie from the reference before months take it by default
FAR_YEARS = 2
#: a narrative date older than this many sentences no longer lends its year
STORY_SENTENCES = 4
#: in a history, a month this far before the story's month is read as the next year's
WRAP_MONTHS = 5
#: days a yearless date may lie against the sentence's tense and still be the nearest one
NEWS_SLACK_DAYS = 91
#: characters before an expression within which "will" decides the direction
_MODAL_REACH = 40
#: characters after "had" within which a future cue reads as a lapsed plan ("had been due")
_PERFECT_REACH = 6
#: a past verb this close before an expression governs it ("announced on Wednesday")
_ADJACENT = 4

_AFTER_STOP = r"[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])"
#: each branch opens with a literal, so ``re`` skips to those in C (a lookbehind first
#: would be tried at every character); a match ends where a sentence begins
_SENTENCE_END = re.compile(rf"\.{_AFTER_STOP}|!{_AFTER_STOP}|\?{_AFTER_STOP}|\n\s*\n|\n(?=[A-Z])")
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|['’]ll")


@dataclass
class Narrative:
    """The last date the text established."""

    day: date
    granularity: str
    sentence: int
    #: counted from the reference date itself ("on March 20" in news), not written out
    relative: bool = False


@dataclass
class Context:
    """What resolution of one expression may look at."""

    reference: date
    narrative: Narrative | None
    sentence: int
    direction: str | None  # "past", "future" or None
    modal: bool = False  # a "will"/"shall" right before: the one cue weekdays and quarters trust
    story: bool = False  # the text's own years lie far from the reference: a history
    #: the year of a dated expression this one is coordinated with ("April and June 1955")
    ahead: date | None = None
    #: whether the text so far reads as a history (more explicit dates far from the
    #: reference than near it); None leaves it to the narrative alone
    history: bool | None = None
    #: the start of the last quarter a report named (within a year before the reference)
    quarter: date | None = None
    #: a past perfect governs the expression ("who had spent the spring"): it lies before
    #: the story's date, not after it
    pluperfect: bool = False
    #: "in"/"by" right before: "In December, the powers signed" steps the story on
    onward: bool = False


def far(ctx: Context) -> bool:
    """True when the story is told far from the reference date (history text)."""
    return ctx.history is not False and far_story(ctx)


def far_story(ctx: Context) -> bool:
    """True when the last date the text established lies far from the reference."""
    narr = ctx.narrative
    return narr is not None and abs(narr.day.year - ctx.reference.year) >= FAR_YEARS


# ---------------------------------------------------------------- sentences and tense


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin (a cheap splitter, good enough for tense and story)."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


@dataclass(frozen=True)
class Cues:
    """Every tense cue of a text, found in one pass: sorted starts, ends and kinds."""

    starts: list[int]
    ends: list[int]
    kinds: list[str]  # "past", "future" or "strong" (a modal: will, 'll, shall)


def find_cues(text: str, rules: RuleSet) -> Cues:
    """Scan ``text`` once for tense cue words."""
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[str] = []
    known = _cue_kinds(rules)
    # far enough back that a cue opening the text follows no perfect ("Will you come?")
    perfect_end = passive_end = -_PERFECT_REACH - 2
    for start, end in _word_spans(text, rules):
        written = text[start:end]
        kind = known.get(written, _UNSEEN)
        if kind is _UNSEEN:
            word = written.lower().replace("’", "'")
            kind = "strong" if word in rules.future_strong else _cue(word, rules)
            if word in rules.perfect:
                kind = "perfect"
            elif word in rules.passive:
                kind = "passive"
            if len(known) < 100_000:
                known[written] = kind
        if kind == "passive":
            passive_end, kind = end, None
        elif kind == "past" and start - passive_end == 1:
            kind = None  # "will be held": a participle after "be" carries no tense
        if kind == "perfect":
            perfect_end, kind = end, "past"
        elif kind == "strong" and start - perfect_end <= _PERFECT_REACH:
            kind = "past"  # "had been scheduled to expire Friday"
        if kind is not None:
            starts.append(start)
            ends.append(end)
            kinds.append(kind)
    return Cues(starts, ends, kinds)


def _word_spans(text: str, rules: RuleSet) -> Iterable[tuple[int, int]]:
    """Spans of the ``_WORD`` tokens of ``text`` that may be cues, in order.

    In ASCII text (lower-cased) one regex skips in C to the words that may be cues: a
    whole word of cue letters, or a run of letters and apostrophes, tokenized here.
    """
    if not text.isascii():
        return map(_span, _WORD.finditer(text))
    lower = text.lower()
    first, scanner = _cue_scanners(rules)
    spans: list[tuple[int, int]] = []
    head = first.match(lower)
    for m in chain((head,) if head else (), scanner.finditer(lower)):
        if m.group(1) is not None:
            spans.append(m.span(1))
        else:  # the letters and apostrophes around an apostrophe: tokenized as a whole
            start, end = m.span(2)
            spans.extend(map(_span, _WORD.finditer(text, start, end)))
    return spans


def _span(m: re.Match[str]) -> tuple[int, int]:
    return m.span()


_SCANNERS: dict[int, tuple[RuleSet, tuple[re.Pattern[str], re.Pattern[str]]]] = {}


def _cue_scanners(rules: RuleSet) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes over lower-cased ASCII for :func:`_word_spans`: at the start, and after
    the character before a word.

    A word without apostrophes is a token of its own and a cue only if one of the cue
    tables holds it or it ends with the past suffix; every other run of letters and
    apostrophes is returned whole (group 2).
    """
    held = _SCANNERS.get(id(rules))
    if held is None or held[0] is not rules:
        tables = (
            rules.future_strong,
            rules.future_cues,
            rules.past_cues,
            rules.perfect,
            rules.passive,
        )
        words = [w for t in tables for w in t if w.isascii() and w.isalpha() and w.islower()]
        branches = [literal_trie(words)]
        suffix = rules.past_suffix
        if suffix == "" or (suffix.isascii() and suffix.isalpha() and suffix.islower()):
            branches.append(f"[a-z]{{{max(0, 5 - len(suffix))},}}{re.escape(suffix)}")
        body = f"(?:((?:{'|'.join(branches)}))(?![a-z'])|([a-z]*'[a-z']*))"
        held = _SCANNERS[id(rules)] = (rules, (re.compile(body), re.compile(f"[^a-z'](?={body})")))
    return held[1]


_UNSEEN = "unseen"
_CUE_KINDS: dict[int, tuple[RuleSet, dict[str, str | None]]] = {}


def _cue_kinds(rules: RuleSet) -> dict[str, str | None]:
    """The cue kind of each word as written, remembered per rule set (words repeat)."""
    held = _CUE_KINDS.get(id(rules))
    if held is None or held[0] is not rules:
        held = _CUE_KINDS[id(rules)] = (rules, {})
    return held[1]


def direction(
    text: str, start: int, end: int, lo: int, hi: int, rules: RuleSet, cues: Cues | None = None
) -> str | None:
    """The tense of the cue nearest to text[start:end] within text[lo:hi]."""
    if _is_deadline(text, start, lo, hi, rules):
        return "future"
    if cues is None:
        cues = find_cues(text[lo:hi], rules)
        start, end, lo, hi = start - lo, end - lo, 0, hi - lo
    i = bisect.bisect_left(cues.starts, start)
    j = bisect.bisect_left(cues.starts, end)
    best: tuple[int, str] | None = None
    k = i - 1
    while k >= 0 and cues.starts[k] >= lo and start - cues.ends[k] < _MODAL_REACH:
        if cues.kinds[k] == "strong":
            return "future"
        k -= 1
    if i > 0 and cues.starts[i - 1] >= lo:
        kind = cues.kinds[i - 1]
        best = (start - cues.ends[i - 1], "future" if kind == "strong" else kind)
    if j < len(cues.starts) and cues.starts[j] < hi:
        dist = cues.starts[j] - end
        if best is None or dist < best[0]:
            best = (dist, "future" if cues.kinds[j] == "strong" else cues.kinds[j])
    return best[1] if best else None


def has_modal(start: int, lo: int, cues: Cues) -> bool:
    """True when "will", "'ll" or "shall" stands shortly before ``start`` in its sentence."""
    k = bisect.bisect_left(cues.starts, start) - 1
    if k >= 0 and cues.kinds[k] == "past" and start - cues.ends[k] <= _ADJACENT:
        return False  # "would appeal the decision, announced Wednesday": the nearer verb
    while k >= 0 and cues.starts[k] >= lo and start - cues.ends[k] < _MODAL_REACH * 2:
        if cues.kinds[k] == "strong":
            return True
        k -= 1
    return False


_NOT_VERB = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})


def points_ahead(text: str, start: int, lo: int, hi: int, rules: RuleSet) -> bool:
    """True when a reported plan or deadline points text[start:] forward whatever the tense.

    "planned to leave on Thursday", "postponed the vote until Tuesday": the plan verb, then
    "to" and a verb, a few words before; or a deadline verb with "until"/"by" right before.
    """
    if _is_deadline(text, start, lo, hi, rules):
        return True
    seg = max(lo, start - 60)
    # a plan stays in its clause: "agreed to pay $2 million, filings on Tuesday showed";
    # but a list goes on past the comma: "to admit Poland, Hungary and the Czech Republic in"
    comma = text.rfind(", ", seg, start) + 1
    if comma and _LIST_WORD.search(text, comma, start) is None:
        seg = comma
    words = [w.lower() for w in _WORD.findall(text, seg, start)]
    for k in range(len(words) - 2, 0, -1):
        if words[k] == "to" and words[k - 1] in rules.plan_verbs:
            lapsed = any(w in rules.perfect for w in words[max(0, k - 3) : k - 1])
            return not lapsed and words[k + 1] not in _NOT_VERB
    return _progressive(words, rules) or _plan_after(text, start, lo, hi, rules)


def _plan_after(text: str, start: int, lo: int, hi: int, rules: RuleSet) -> bool:
    """ "On Tuesday, the league plans to hold ...": a present plan verb and "to" a few
    words after a date that opens its sentence ("On", at most, before it), before any past cue."""
    if len(_WORD.findall(text, lo, start)) > 1:
        return False
    words = [w.lower() for w in _WORD.findall(text, start, min(hi, start + 100))][1:13]
    for k, word in enumerate(words[:-1]):
        if word in rules.plans_after and words[k + 1] == "to":
            return True
        if _cue(word, rules) == "past":
            return False
    return False


_LIST_WORD = re.compile(r"\b(?:and|or)\b")
_LINKS = frozenset({"on", "at", "this", "until", "by"})


def _progressive(words: list[str], rules: RuleSet) -> bool:
    """ "is meeting Tuesday", "are leaving on Monday": a present progressive right before
    the expression tells of an arrangement ahead."""
    tail = [w for w in words[-4:] if w not in _LINKS]
    return len(tail) >= 2 and tail[-2] in rules.progressive and tail[-1].endswith("ing")


def _is_deadline(text: str, start: int, lo: int, hi: int, rules: RuleSet) -> bool:
    before = _WORD.findall(text, max(lo, start - 24), start)
    if len(before) >= 2 and before[-2].lower() in rules.arranged_before.get(before[-1].lower(), ()):
        return True
    before = _WORD.findall(text, max(lo, start - 12), start)
    if not before or before[-1].lower() not in rules.deadline_preps:
        return False
    return any(w.lower() in rules.deadline_verbs for w in _WORD.findall(text, lo, hi))


def _cue(word: str, rules: RuleSet) -> str | None:
    if word in rules.future_cues:
        return "future"
    if word in rules.past_cues:
        return "past"
    if (
        len(word) >= 5
        and word.endswith(rules.past_suffix)
        and word not in rules.past_exceptions
        and word.isalpha()
    ):
        return "past"
    return None


# ---------------------------------------------------------------- calendar helpers


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, unit: str, n: int) -> date:
    """``day`` moved by ``n`` calendar units."""
    if unit == "day":
        return day + timedelta(days=n)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=n)
    if unit == "month":
        return add_months(day, n)
    if unit == "quarter":
        return add_months(day, 3 * n)
    if unit == "year":
        return add_months(day, 12 * n)
    if unit == "decade":
        return add_months(day, 120 * n)
    if unit == "century":
        return add_months(day, 1200 * n)
    raise ValueError(unit)


def format_at(day: date, unit: str) -> str:
    """The TIMEX3 value of the ``unit`` containing ``day``."""
    if unit == "day":
        return day.isoformat()
    if unit in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(unit)


def season_of(day: date) -> tuple[int, str]:
    """(season year, season code); December belongs to the next year's winter."""
    code = SEASON_ORDER[(day.month % 12) // 3]
    year = day.year + 1 if day.month == 12 else day.year
    return year, code


# ---------------------------------------------------------------- shapes


_REL = re.compile(
    r"^UNDEF-(?P<anchor>REF|NARR|CTX)-(?P<sign>PLUS|MINUS)-(?P<n>\d+|X)-(?P<unit>[a-z]+)(?P<ago>-AGO)?$"
)
_YEARLESS = re.compile(r"^UNDEF-year-(?P<rest>.+)$")
_WEEKDAY = re.compile(
    r"^UNDEF-weekday-(?P<d>[1-7])(?:-(?P<rel>LAST|NEXT|THIS|PAST|NARR-(?:PLUS|MINUS)-1))?$"
)
_SEASON = re.compile(
    r"^UNDEF-season-(?P<anchor>REF|NARR|CTX)-(?P<sign>PLUS|MINUS)-(?P<n>\d)-(?P<s>\w\w)$"
)
_CENTURY2 = re.compile(r"^UNDEF-century-(?P<yy>\d\d?)$")
_DECADE2 = re.compile(r"^UNDEF-decade-(?P<d>\d)$")
_DAY_ONLY = re.compile(r"^UNDEF-day-(?P<d>\d\d?)$")
_ORD_CENTURY = re.compile(r"^(?P<bc>BC)?CENTURY-(?P<n>\d\d?)$")

_BC_YEAR = re.compile(r"^UNDEF-bc-(?P<year>\d{1,3})$")
#: a year before Christ is carried through the narrative as MIRROR - year, so that
#: "the following year" (one year on) still counts the right way (490 BC -> 489 BC)
BC_MIRROR = 5000
_MIRRORED = re.compile(r"^(?P<year>[4-9]\d{3})(?P<rest>(?:-.+)?)$")
_THAT_YEAR = re.compile(r"^UNDEF-NARR-year-(?P<rest>.+)$")
_ONLY = re.compile(r"^(?P<when>FAR|NEAR)-(?P<value>[A-Z_]+)$")
_SET = re.compile(r"^SET-(?P<unit>day|week|month|year)$")
#: "daily", "every week": the period in news TimeML, the calendar form in TIMEX2 history text
_SETS = {
    "day": ("P1D", "XXXX-XX-XX"),
    "week": ("P1W", "XXXX-WXX"),
    "month": ("P1M", "XXXX-XX"),
    "year": ("P1Y", "XXXX"),
}
_MONTH_REL = re.compile(r"^UNDEF-month-(?P<rel>LAST|THIS|NEXT)-(?P<m>\d\d)$")
_MONTH_NARR = re.compile(r"^UNDEF-month-NARR-(?P<sign>PLUS|MINUS)-1-(?P<m>\d\d)$")
_OF_REL_YEAR = re.compile(
    r"^UNDEF-(?P<anchor>REF|NARR)-(?P<sign>PLUS|MINUS)-(?P<n>\d+)-year-(?P<rest>\d\d|Q[1-4]|H[12])$"
)
_THE_QUARTER = re.compile(r"^UNDEF-quarter-THE$")
_PERIOD = re.compile(r"^UNDEF-period-(?P<y>\d{4})$")
_WEEK_OF = re.compile(r"^UNDEF-weekof-(?P<rest>.+)$")
_DAY_OFF = re.compile(r"^UNDEF-dayoff-(?P<sign>PLUS|MINUS)-(?P<rest>.+)$")
_THE_WEEKEND = re.compile(r"^UNDEF-weekend-(?P<rel>THE|NEXT)$")

Resolved = tuple[str, str]  # (value, anchor)


#: granularities fine enough to anchor a "CTX" unit (a year does not tell "that afternoon")
_ANCHORS = {
    "day": ("day", "hour", "minute"),
    "week": ("week", "day", "hour", "minute"),
    "month": ("month", "week", "day", "hour", "minute"),
}


def _base(ctx: Context, anchor: str, unit: str = "year") -> tuple[date, str]:
    narr = ctx.narrative
    if narr is not None and anchor == "NARR":
        return narr.day, "narrative"
    # CTX: "the end of the month", "that afternoon": the reference in news, the story in history
    fine = narr is not None and narr.granularity in _ANCHORS.get(unit, (narr.granularity,))
    if narr is not None and anchor == "CTX" and fine and far(ctx):
        return narr.day, "narrative"
    return ctx.reference, "reference"


def resolve_relative(m: re.Match[str], ctx: Context) -> Resolved:
    """ "last year", "two days ago", "the following month"."""
    unit = m.group("unit")
    if m.group("n") == "X":
        return ("PAST_REF" if m.group("sign") == "MINUS" else "FUTURE_REF"), "reference"
    n = int(m.group("n")) * (-1 if m.group("sign") == "MINUS" else 1)
    base, anchor = _base(ctx, m.group("anchor"), unit)
    narr = ctx.narrative
    if m.group("anchor") == "CTX" and unit == "day" and n == 0 and ctx.ahead is not None:
        return ctx.ahead.isoformat(), "narrative"  # "at 11 a.m. on 11 November 1918"
    if m.group("anchor") == "CTX" and anchor == "reference" and unit == "day" and far(ctx):
        # "at 19:00", "that afternoon" in a history whose story names no day: some day
        return "XXXX-XX-XX", "unresolved"
    if unit == "year" and n == -1 and m.group("ago") and ctx.quarter is not None:
        # "up from $3 million a year earlier" in a quarterly report
        return format_at(shift(ctx.quarter, "quarter", -4), "quarter"), "narrative"
    if (
        unit == "year"
        and m.group("ago")
        and narr is not None
        and narr.granularity == "quarter"
        and ctx.sentence - narr.sentence <= 1
    ):
        # "a year earlier" after "the third quarter" is that quarter a year before
        if anchor == "reference":
            base = narr.day
        unit = "quarter"
        n *= 4
    moved = shift(base, unit, n)
    if anchor == "narrative" and narr is not None:
        vague = _vague(moved, unit, narr.granularity)
        if vague is not None:
            return vague, anchor
    if unit in ("decade", "century") and base.year > BC_MIRROR - 1000:
        # a story before Christ: "the following decade" after 490 BC is the 480s BC
        bc_year = BC_MIRROR - moved.year
        return (f"BC{bc_year // 10:03d}" if unit == "decade" else f"BC{bc_year // 100:02d}"), anchor
    return format_at(moved, unit), anchor


#: how fine each narrative granularity is (a unit finer than its narrative is not known)
_FINENESS = {
    "century": 0,
    "decade": 1,
    "year": 2,
    "half": 3,
    "quarter": 3,
    "season": 3,
    "month": 4,
    "week": 5,
    "day": 6,
    "hour": 7,
    "minute": 8,
}


def _vague(day: date, unit: str, granularity: str) -> str | None:
    """The value of a day, week or month counted from a coarser story date, or None.

    "Four days later" after "in 1915" is some day of 1915 (1915-XX-XX), "that same day"
    after "in October 1998" a day of that month (1998-10-XX), "two weeks later" after a
    year some week of it (1915-WXX): TimeML keeps only what the text tells.
    """
    known = _FINENESS.get(granularity)
    if known is None or unit not in ("day", "week", "month") or known >= _FINENESS[unit]:
        return None
    if unit == "month":
        return f"{day.year:04d}-XX"
    if unit == "week":
        return f"{day.year:04d}-WXX"
    if known >= _FINENESS["month"]:
        return f"{day.year:04d}-{day.month:02d}-XX"
    return f"{day.year:04d}-XX-XX"


def _month_day(rest: str) -> tuple[int, int | None] | None:
    parts = rest.split("-")
    if not parts[0].isdigit():
        return None
    month = int(parts[0])
    day = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    return month, day


def _first_month(rest: str) -> int:
    """The month a yearless value starts in (for seasons, quarters and halves too)."""
    md = _month_day(rest)
    if md:
        return md[0]
    if rest in SEASON_MONTHS:
        return SEASON_MONTHS[rest][0]
    if rest.startswith("Q"):
        return (int(rest[1]) - 1) * 3 + 1
    if rest.startswith("H"):
        return 1 if rest[1] == "1" else 7
    return 1


def resolve_yearless(m: re.Match[str], ctx: Context) -> Resolved:
    """ "January 19", "in March", "the third quarter": pick the year."""
    rest = m.group("rest")
    month = _first_month(rest)
    md = _month_day(rest)
    day = md[1] if md and md[1] else 1
    if ctx.ahead is not None:
        # "April and June 1955", "26 June - 4 August 1952": the year written next
        year = ctx.ahead.year - ((month, day) > (ctx.ahead.month, ctx.ahead.day))
        return f"{year:04d}-{rest}", "narrative"
    narr = ctx.narrative
    if narr is not None and (
        # a fiscal quarter lends no calendar year ("the first quarter ended Sept. 30")
        (
            narr.sentence == ctx.sentence
            and narr.granularity != "quarter"
            # "paid on March 20 to holders of record on March 10": in news two yearless
            # days of one sentence are each nearest the reference
            and not (narr.relative and not ctx.story and "-" in rest)
        )
        # a history of recent years (2003-2008 read in 2009) still keeps its story's year
        or (
            ctx.story
            and ctx.history
            and narr.day.year < ctx.reference.year
            and not ctx.modal
            and ctx.direction != "future"
        )
        or (
            abs(narr.day.year - ctx.reference.year) >= FAR_YEARS
            # a bare far year lends nothing to a plan ("in 1982. ... will meet in April")
            and not (ctx.modal and narr.granularity == "year")
            and (
                ctx.story
                # in news a far year ("bonds due 1993", "dating to 1994") lends only to its
                # sentence; a text that so far tells mostly of far years lends it a little on
                or (
                    ctx.history is not False
                    and ctx.sentence - narr.sentence
                    <= (1 if narr.granularity == "year" else STORY_SENTENCES)
                )
            )
        )
    ):
        if ctx.pluperfect and narr.granularity in _FINE:
            return f"{_year_before(narr, rest, month, day):04d}-{rest}", "narrative"
        if rest in SEASON_MONTHS:
            return f"{_story_season_year(narr, rest):04d}-{rest}", "narrative"
        # a month alone is compared by its last day: "November" is not before November 2
        last = day if md and md[1] else 31
        year = _story_year(narr, month, last, ctx.direction, ctx.onward and ctx.story)
        # "invited in July 1997, will join on March 12": what "will" happen is not past
        if ctx.story or not (
            ctx.modal and (year, month) < (ctx.reference.year, ctx.reference.month)
        ):
            return f"{year:04d}-{rest}", "narrative"
    ref = ctx.reference
    if rest.startswith("Q"):
        # reports speak of the latest quarter begun, unless they say "will"
        ahead = ctx.modal and (month, day) > (ref.month, ref.day)
        return f"{ref.year + (0 if ahead or month <= ref.month else -1):04d}-{rest}", "reference"
    return f"{_news_year(month, day, md is not None and md[1] is not None, ctx):04d}-{rest}", (
        "reference"
    )


def _news_year(month: int, day: int, has_day: bool, ctx: Context) -> int:
    """The year of a yearless month(-day) in news: the occurrence nearest to the
    reference, unless the tense points the other way and that occurrence lies more
    than NEWS_SLACK_DAYS on the wrong side ("payable Dec. 7" in a late-October
    report is this December even after "declared")."""
    ref = ctx.reference

    def offset(year: int) -> int:
        if not has_day and (year, month) == (ref.year, ref.month):
            return 0  # a month alone counts from its middle; the current one is "now"
        last = calendar.monthrange(year, month)[1]
        return (date(year, month, min(day, last) if has_day else 15) - ref).days

    year = min((ref.year - 1, ref.year, ref.year + 1), key=lambda y: abs(offset(y)))
    delta = offset(year)
    if ctx.modal and delta < 0 and month != ref.month:
        return year + 1
    # a month alone keeps to the tense strictly ("resumed in October" in September)
    slack = NEWS_SLACK_DAYS if has_day else 0
    if ctx.direction == "past" and delta > slack and not ctx.modal:
        return year - 1
    if ctx.direction == "future" and delta < -slack:
        return year + 1
    return year


_FINE = ("month", "week", "day", "hour", "minute", "season", "quarter")


def _year_before(narr: Narrative, rest: str, month: int, day: int) -> int:
    """The year of the latest such month, day or season begun by the story's date.

    "In December 1919 ... Yudenich, who had spent the spring" is the spring of 1919.
    A winter is named after its January, so it begins in the December before.
    """
    year = narr.day.year
    start = (year - 1, 12, 1) if rest == "WI" else (year, month, day)
    return year - (start > (narr.day.year, narr.day.month, narr.day.day))


def _story_year(
    narr: Narrative, month: int, day: int, direction: str | None, onward: bool = False
) -> int:
    """The year of a month(-day) told after the narrative date: the nearer occurrence.

    After "December 7, 1941", "in January" is January 1942; after "September 1944",
    "by the start of July" is July 1944. A coarse narrative ("in 1941") keeps its year.
    A month well after the story's in a past sentence is last year's ("from October to
    March" after March 1945), unless "in"/"by" steps the story on ("In December, ...").
    """
    year = narr.day.year
    if narr.granularity not in _FINE:
        return year
    here = (narr.day.month, narr.day.day)
    if (month, day) < here and (direction == "future" or narr.day.month - month > WRAP_MONTHS):
        return year + 1
    if (month, day) > here and month - narr.day.month > 6 and direction == "past" and not onward:
        return year - 1
    return year


def resolve_month_rel(m: re.Match[str], ctx: Context) -> Resolved:
    """ "last November" (the latest before the reference month), "this September", "next March"."""
    month, ref = int(m.group("m")), ctx.reference
    year = ref.year
    if m.group("rel") == "LAST" and month >= ref.month:
        year -= 1
    elif m.group("rel") == "NEXT" and month <= ref.month:
        year += 1
    return f"{year:04d}-{month:02d}", "reference"


def resolve_month_narr(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the previous April", "the following March": the nearest one before/after the story."""
    base, anchor = _base(ctx, "NARR")
    month = int(m.group("m"))
    if m.group("sign") == "MINUS":
        year = base.year if month < base.month else base.year - 1
    else:
        year = base.year if month > base.month else base.year + 1
    return f"{year:04d}-{month:02d}", anchor


def resolve_of_rel_year(m: re.Match[str], ctx: Context) -> Resolved:
    """ "June last year", "this year's third quarter": a part of a relative year."""
    base, anchor = _base(ctx, m.group("anchor"))
    n = int(m.group("n")) * (-1 if m.group("sign") == "MINUS" else 1)
    return f"{base.year + n:04d}-{m.group('rest')}", anchor


def _story_season_year(narr: Narrative, season: str) -> int:
    """The year of a season told after the narrative date: this one or the next, never back.

    A winter is named after the year its January falls in: "throughout the winter"
    after "May 1809" is 1810-WI.
    """
    year = narr.day.year
    if narr.granularity not in _FINE:
        return year + (season == "WI" and narr.granularity == "year")
    if season == "WI":
        return year if narr.day.month <= 2 else year + 1
    return year + (SEASON_MONTHS[season][0] < narr.day.month - WRAP_MONTHS)


def resolve_the_quarter(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the quarter": the one the text just named, else the last one before the reference."""
    narr = ctx.narrative
    if (
        narr is not None
        and narr.granularity == "quarter"
        and ctx.sentence - narr.sentence <= STORY_SENTENCES
        and 0 <= (ctx.reference - narr.day).days < 300
    ):
        return format_at(narr.day, "quarter"), "narrative"
    return format_at(shift(ctx.reference, "quarter", -1), "quarter"), "reference"


def resolve_period(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the 1988 period": that year's quarter of the one the report is about, else the year."""
    year = m.group("y")
    if ctx.quarter is None:
        return year, "absolute"
    return f"{year}-Q{(ctx.quarter.month - 1) // 3 + 1}", "narrative"


def resolve_the_weekend(m: re.Match[str], ctx: Context) -> Resolved:
    """ "over the weekend": the one just past, or the next one when the sentence looks ahead."""
    ref = ctx.reference
    if m.group("rel") == "NEXT" or ctx.direction == "future" or ctx.modal:
        saturday = ref + timedelta(days=(6 - ref.isoweekday()) % 7)
    else:
        saturday = ref - timedelta(days=(ref.isoweekday() - 6) % 7)
    return format_at(saturday, "weekend"), "reference"


def _resolved_day(rest: str, ctx: Context) -> tuple[date | None, str, str]:
    """``rest`` resolved, and the day it names when it resolved to one."""
    value, anchor = resolve_value(rest, ctx)
    try:
        return date.fromisoformat(value), value, anchor
    except ValueError:
        return None, value, anchor


def resolve_week_of(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the week of March 6": the ISO week that holds the day, however it resolved."""
    day, value, anchor = _resolved_day(m.group("rest"), ctx)
    if day is None:
        return value, anchor
    return format_at(day, "week"), anchor


def resolve_day_off(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the day before last Tuesday": the day next to a day however it resolved."""
    day, value, anchor = _resolved_day(m.group("rest"), ctx)
    if day is None:
        return value, anchor
    return (day + timedelta(days=1 if m.group("sign") == "PLUS" else -1)).isoformat(), anchor


def resolve_weekday(m: re.Match[str], ctx: Context) -> Resolved:
    """ "Friday", "last Friday", "next Friday": always from the reference date."""
    target = int(m.group("d"))
    ref = ctx.reference
    rel = m.group("rel")
    back = (ref.isoweekday() - target) % 7
    if rel == "PAST":  # "Friday's ruling": an event named by its day is one that happened
        return (ref - timedelta(days=back)).isoformat(), "reference"
    if rel and rel.startswith("NARR"):  # "the previous Friday": before the story's day
        narr = ctx.narrative
        base, anchor = ref, "reference"
        if narr is not None and narr.granularity in _ANCHORS["day"]:
            base, anchor = narr.day, "narrative"
        if rel.endswith("MINUS-1"):
            day = base - timedelta(days=(base.isoweekday() - target) % 7 or 7)
        else:
            day = base + timedelta(days=(target - base.isoweekday()) % 7 or 7)
        return day.isoformat(), anchor
    ahead = (target - ref.isoweekday()) % 7
    if rel == "THIS":
        day = ref + timedelta(days=target - ref.isoweekday())
    elif rel == "LAST":
        day = ref - timedelta(days=back or 7)
    elif rel == "NEXT":
        day = ref + timedelta(days=ahead or 7)
    elif ctx.modal:
        day = ref + timedelta(days=ahead)
    else:
        day = ref - timedelta(days=back)
    return day.isoformat(), "reference"


def resolve_season(m: re.Match[str], ctx: Context) -> Resolved:
    """ "last summer", "this winter", "the following spring"."""
    base, anchor = _base(ctx, m.group("anchor"))
    target = m.group("s")
    n = int(m.group("n")) * (-1 if m.group("sign") == "MINUS" else 1)
    narr = ctx.narrative
    if anchor == "narrative" and n > 0 and narr is not None and narr.granularity == "year":
        base = date(base.year, 12, 31)  # "in 1832 ... the next spring" is 1833's
    year, current = season_of(base)
    idx = year * 4 + SEASON_ORDER.index(current)
    goal = SEASON_ORDER.index(target)
    # nearest occurrence of the target season at or before the current one, then step
    this_idx = idx - ((idx % 4 - goal) % 4)
    if n == 0 and this_idx // 4 < year:
        # "this summer" in February is the summer ahead, of the same year
        this_idx += 4
    if n > 0:
        this_idx += 4 * n
    elif n < 0:
        this_idx = this_idx - 4 * (-n - 1) if this_idx < idx else this_idx - 4 * -n
    return f"{this_idx // 4:04d}-{target}", anchor


def resolve_two_digit(m: re.Match[str], ctx: Context) -> Resolved:
    """ "'95" -> 1995, "'90s" -> 199: the century that keeps it near the reference."""
    yy = int(m.group("yy"))
    if far(ctx):  # "'99" in a story of the 1890s
        assert ctx.narrative is not None
        story = ctx.narrative.day.year
        century = story // 100 - (yy > story % 100 + 10)  # "the boys of '99" in 1918
        return f"{century * 100 + yy:04d}", "narrative"
    century = ctx.reference.year // 100
    if yy > (ctx.reference.year % 100) + 10:
        century -= 1
    return f"{century * 100 + yy:04d}", "reference"


def resolve_decade(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the '90s" -> 199."""
    d = int(m.group("d"))
    century = ctx.reference.year // 100
    if d * 10 > ctx.reference.year % 100:
        century -= 1
    return f"{century}{d}", "reference"


def resolve_day_only(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the 16th": that day of the narrative's (or the reference's) month."""
    base, anchor = _base(ctx, "NARR")
    if ctx.ahead is not None:  # "22-25 April 1951"
        base, anchor = ctx.ahead, "narrative"
    day = int(m.group("d"))
    if anchor == "reference" and day < base.day and (ctx.modal or ctx.direction == "future"):
        base = add_months(base.replace(day=1), 1)  # "rent is due on the 4th": the next 4th
    last = calendar.monthrange(base.year, base.month)[1]
    if day > last:
        return "XXXX-XX-XX", "unresolved"
    return f"{base.year:04d}-{base.month:02d}-{day:02d}", anchor


def resolve_century(m: re.Match[str], ctx: Context) -> Resolved:
    """ "the 20th century" -> 19, "the 4th century BC" -> BC03."""
    return f"{m.group('bc') or ''}{int(m.group('n')) - 1:02d}", "absolute"


def resolve_that_year(m: re.Match[str], ctx: Context) -> Resolved:
    """ "August of that year": the month in the year the story last named."""
    if ctx.narrative is None:
        return resolve_yearless(m, ctx)
    return f"{ctx.narrative.day.year:04d}-{m.group('rest')}", "narrative"


def resolve_bc_year(m: re.Match[str], ctx: Context) -> Resolved:
    """ "in 499" after "490 BC": a short year counts before Christ; otherwise nothing."""
    narr = ctx.narrative
    if narr is None or narr.day.year <= BC_MIRROR - 1000:
        return "", "unresolved"
    return f"BC{int(m.group('year')):04d}", "narrative"


def bc_day(value: str) -> tuple[date, str] | None:
    """The mirrored narrative day and granularity of a value before Christ ("BC0480-08")."""
    m = re.match(r"^BC(?P<y>\d{4})(?:-(?P<rest>\d\d|SP|SU|FA|WI))?$", value)
    if not m or not 0 < int(m.group("y")) < 1000:
        return None
    year, rest = BC_MIRROR - int(m.group("y")), m.group("rest")
    if rest is None:
        return date(year, 1, 1), "year"
    if rest.isdigit():
        return date(year, int(rest), 1), "month"
    return date(year, SEASON_MONTHS[rest][0] % 12 or 1, 1), "season"


def resolve_only(m: re.Match[str], ctx: Context) -> Resolved:
    """``FAR-PAST_REF`` ("former") only in history text, ``NEAR-`` only outside it.

    The two annotation traditions differ: TIMEX2 history text marks "former", news
    TimeML does not; neither marks a past-tense "soon" in a history. An empty value
    drops the expression.
    """
    if far(ctx) == (m.group("when") == "FAR"):
        return m.group("value"), "reference"
    return "", "unresolved"


def resolve_set(m: re.Match[str], ctx: Context) -> Resolved:
    """ "daily", "every week": P1D in news, XXXX-XX-XX in a history."""
    return _SETS[m.group("unit")][far(ctx)], "absolute"


SHAPES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], Context], Resolved]], ...] = (
    (_THAT_YEAR, resolve_that_year),
    (_BC_YEAR, resolve_bc_year),
    (_REL, resolve_relative),
    (_YEARLESS, resolve_yearless),
    (_WEEK_OF, resolve_week_of),
    (_DAY_OFF, resolve_day_off),
    (_WEEKDAY, resolve_weekday),
    (_SEASON, resolve_season),
    (_CENTURY2, resolve_two_digit),
    (_DECADE2, resolve_decade),
    (_DAY_ONLY, resolve_day_only),
    (_ORD_CENTURY, resolve_century),
    (_ONLY, resolve_only),
    (_SET, resolve_set),
    (_MONTH_REL, resolve_month_rel),
    (_MONTH_NARR, resolve_month_narr),
    (_OF_REL_YEAR, resolve_of_rel_year),
    (_THE_QUARTER, resolve_the_quarter),
    (_PERIOD, resolve_period),
    (_THE_WEEKEND, resolve_the_weekend),
)


def resolve_value(value: str, ctx: Context) -> Resolved:
    """Anchor one underspecified value; fully specified values pass through."""
    head, _, clock = value.partition("|")
    resolved, anchor = head, "absolute"
    for pattern, func in SHAPES:
        m = pattern.match(head)
        if m:
            try:
                resolved, anchor = func(m, ctx)
            except ValueError:  # month 24 of "24/7": no date, the match is dropped
                return "", "unresolved"
            break
    if clock and re.match(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$", resolved):
        resolved += clock
    elif clock and resolved.endswith("_REF"):
        pass
    elif clock:
        resolved = resolved if resolved else clock
    mirrored = _MIRRORED.match(resolved)
    if mirrored and anchor == "narrative":  # counted from a story before Christ
        resolved = f"BC{BC_MIRROR - int(mirrored.group('year')):04d}{mirrored.group('rest')}"
    return resolved, anchor


# ---------------------------------------------------------------- intervals


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)
def base_interval(value: str) -> tuple[date | datetime, date | datetime, str] | None:
    """Inclusive start, end and granularity of a resolved DATE/TIME value."""
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)", value)
    if m:
        y, mo, d, h, mi = map(int, m.groups())
        point = datetime(y, mo, d, h % 24, mi)
        return point, point, "minute"
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)T(MO|AF|EV|NI|MI|DT)$", value)
    if m:
        y, mo, d = map(int, m.groups()[:3])
        lo, hi = PARTS_OF_DAY.get(m.group(4), (0, 23))
        return datetime(y, mo, d, lo), datetime(y, mo, d, hi, 59), "hour"
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)$", value)
    if m:
        day = date(*map(int, m.groups()))
        return day, day, "day"
    m = re.match(r"^(\d{4})-(\d\d)$", value)
    if m:
        y, mo = map(int, m.groups())
        return date(y, mo, 1), _month_end(y, mo), "month"
    m = re.match(r"^(\d{4})-W(\d\d)(-WE)?$", value)
    if m:
        y, w = int(m.group(1)), int(m.group(2))
        monday = date.fromisocalendar(y, w, 1)
        if m.group(3):
            return monday + timedelta(days=5), monday + timedelta(days=6), "day"
        return monday, monday + timedelta(days=6), "week"
    m = re.match(r"^(\d{4})-Q([1-4])$", value)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter"
    m = re.match(r"^(\d{4})-H([12])$", value)
    if m:
        y, h = int(m.group(1)), int(m.group(2))
        return date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "half"
    m = re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value)
    if m:
        y = int(m.group(1))
        first, last = SEASON_MONTHS[m.group(2)]
        if m.group(2) == "WI":
            return date(y - 1, 12, 1), _month_end(y, 2), "season"
        return date(y, first, 1), _month_end(y, last), "season"
    m = re.match(r"^(\d{4})$", value)
    if m:
        y = int(m.group(1))
        return date(y, 1, 1), date(y, 12, 31), "year"
    m = re.match(r"^(\d{3})$", value)
    if m:
        y = int(m.group(1)) * 10
        return date(max(y, 1), 1, 1), date(y + 9, 12, 31), "decade"
    m = re.match(r"^(\d\d)$", value)
    if m:
        y = int(m.group(1)) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century"
    return None


def _part(lo: date, hi: date, mod: str, granularity: str) -> tuple[date, date]:
    """The START/MID/END third of [lo, hi], month-aligned for years and longer."""
    if granularity in ("decade", "century"):
        years = hi.year - lo.year + 1
        third = years * 3 // 10
        if mod == "START":
            return lo, date(lo.year + third - 1, 12, 31)
        if mod == "END":
            return date(hi.year - third + 1, 1, 1), hi
        return date(lo.year + third, 1, 1), date(hi.year - third, 12, 31)
    if granularity in ("year", "half", "quarter", "season"):
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        third = max(months // 3, 1)
        if mod == "START":
            return lo, add_months(lo, third) - timedelta(days=1)
        if mod == "END":
            return add_months(lo, months - third), hi
        return add_months(lo, third), add_months(lo, months - third) - timedelta(days=1)
    days = (hi - lo).days + 1
    third = max(days // 3, 1)
    if mod == "START":
        return lo, lo + timedelta(days=third - 1)
    if mod == "END":
        return hi - timedelta(days=third - 1), hi
    return lo + timedelta(days=third), hi - timedelta(days=third)


def interval_of(value: str, mod: str | None) -> Interval | None:
    """The drawable interval of a resolved value, honouring START/MID/END and fuzzy mods."""
    try:
        found = base_interval(value)
    except ValueError:
        return None
    if found is None:
        return None
    lo, hi, granularity = found
    if mod in ("START", "MID", "END") and not isinstance(lo, datetime):
        assert isinstance(hi, date)
        lo, hi = _part(lo, hi, mod, granularity)
        return Interval(lo, hi, granularity, approximate=True)
    return Interval(lo, hi, granularity, approximate=mod is not None)


def valid(value: str) -> bool:
    """False for values naming impossible dates (month 13, February 30), or none."""
    if not value:
        return False
    try:
        base_interval(value)
    except ValueError:
        return False
    return True
