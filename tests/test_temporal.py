"""tag(): finding and resolving time expressions, over tables of (text, reference, expected)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from timeline.temporal import tag

REF = date(2025, 9, 20)  # a Saturday


def only(text: str, reference: date = REF, **options: bool):
    """The one timex whose text is marked [like this] in ``text``."""
    start = text.index("[")
    end = text.index("]")
    plain = text.replace("[", "").replace("]", "")
    found = [t for t in tag(plain, reference, **options) if t.start == start]
    assert found, (
        f"nothing found at {plain[start : end - 1]!r} in {[t.text for t in tag(plain, reference)]}"
    )
    timex = found[0]
    assert timex.text == plain[start : end - 1]
    return timex


# (text with the timex in brackets, expected value, expected mod)
VALUES = [
    # absolute dates at every granularity
    ("He was born on [July 6, 1946].", "1946-07-06", None),
    ("The filing is dated [2024-04-24].", "2024-04-24", None),
    ("The deadline is [04/24/2024].", "2024-04-24", None),
    ("The law passed in [April 2024].", "2024-04", None),
    ("The war ended in [1945].", "1945", None),
    ("It opened on [16 December 2025].", "2025-12-16", None),
    ("They met on [Aug. 7, 1998].", "1998-08-07", None),
    ("Prices peaked in [the 1990s].", "199", None),
    ("Rents rose in [the late 1980s].", "198", "END"),
    ("Music of [the '90s] returned.", "199", None),
    ("Results for [FY2025] were strong.", "2025", None),
    ("Revenue in [fiscal 1989] fell.", "1989", None),
    ("Sales rose in [the third quarter of 2025].", "2025-Q3", None),
    ("Guidance for [Q3 2025] was cut.", "2025-Q3", None),
    ("[The 20th century] saw two wars.", "19", None),
    ("Costs fell in [the first half of 2024].", "2024-H1", None),
    ("The rally was in [summer 2024].", "2024-SU", None),
    ("It was built in [mid-2024].", "2024", "MID"),
    ("Growth slowed in [late 2025].", "2025", "END"),
    ("Troops landed in [November 1942].", "1942-11", None),
    ("They left on [Friday, Jan. 5, 2024].", "2024-01-05", None),
    # weekdays and days, counted from the reference date
    ("The call took place on [Friday].", "2025-09-19", None),
    ("[Friday]’s phone call touched on trade.", "2025-09-19", None),
    ("The board will vote on [Thursday].", "2025-09-25", None),
    ("She resigned [last Friday].", "2025-09-19", None),
    ("They meet [next Tuesday].", "2025-09-23", None),
    ("It happened [yesterday].", "2025-09-19", None),
    ("We publish [today].", "2025-09-20", None),
    ("The store opens [tomorrow].", "2025-09-21", None),
    ("Polls closed [Wednesday night].", "2025-09-17", None),
    ("He spoke [yesterday morning].", "2025-09-19TMO", None),
    # last/this/next units
    ("Sales dipped [last week].", "2025-W37", None),
    ("Prices are up [this month].", "2025-09", None),
    ("Elections are due [next year].", "2026", None),
    ("Profits fell [last year].", "2024", None),
    ("The plan is for [this year].", "2025", None),
    ("He arrived [three days ago].", "2025-09-17", None),
    ("He left [a year ago].", "2024", None),
    ("It closed [two months ago].", "2025-07", None),
    ("Costs will rise [next month].", "2025-10", None),
    ("Results [last quarter] were weak.", "2025-Q2", None),
    # fuzzy parts of periods
    ("He plans to visit [early next year].", "2026", "START"),
    ("They met [earlier this year].", "2025", "START"),
    ("It is due [later this month].", "2025-09", "END"),
    ("Trading resumed in [early October].", "2024-10", "START"),
    ("The vote was in [late November].", "2024-11", "END"),
    ("We expect it by [the end of the year].", "2025", "END"),
    # seasons and quarters
    ("Sales slumped [last summer].", "2025-SU", None),
    ("The film opens [next spring].", "2026-SP", None),
    ("Shares fell [last fall].", "2024-FA", None),
    ("Orders rose in [the third quarter].", "2025-Q3", None),
    # times of day
    ("The hearing starts at [9:30 a.m. Thursday].", "2025-09-18T09:30", None),
    ("The show airs at [8 p.m. tonight].", "2025-09-20T20:00", None),
    ("Lunch is at [noon].", "2025-09-20T12:00", None),
    ("Markets close at [4 p.m. EST].", "2025-09-20T16:00", None),
    ("We met [this morning].", "2025-09-20TMO", None),
    ("The game is [tonight].", "2025-09-20TNI", None),
    ("Trading began at [2024-04-24T09:30].", "2024-04-24T09:30", None),
    # vague references
    ("Prices have risen [recently].", "PAST_REF", None),
    ("In [the past], it was cheaper.", "PAST_REF", None),
    ("It is [now] cheaper.", "PRESENT_REF", None),
    ("Rates are [currently] low.", "PRESENT_REF", None),
    ("Rates may rise in [the future].", "FUTURE_REF", None),
    ("The deal will close [soon].", "FUTURE_REF", None),
    # durations
    ("The strike lasted [six weeks].", "P6W", None),
    ("It has run for [more than five years].", "P5Y", "MORE_THAN"),
    ("He served [a decade] in office.", "P10Y", None),
    ("They agreed on a [90-day] pause.", "P90D", None),
    ("Shares rose in [the past two months].", "P2M", None),
    ("Stocks fell in [the last twenty four hours].", "PT24H", None),
    ("Prices rose in [recent months].", "PXM", None),
    ("Talks resume in [the coming weeks].", "PXW", None),
    ("It took [about two weeks].", "P2W", "APPROX"),
    ("It took [nearly a year].", "P1Y", "LESS_THAN"),
    ("It took [two and a half years].", "P2Y6M", None),
    ("The hearing lasted [three hours].", "PT3H", None),
    ("It held a [five-year] low.", "P5Y", None),
    ("He waited [half an hour].", "PT30M", None),
    ("It has stalled for [years].", "PXY", None),
    # sets
    ("Rents are paid [every month].", "P1M", None),
    ("The paper comes out [weekly].", "P1W", None),
    ("Dues rise [each year].", "P1Y", None),
    ("They meet [twice a year].", "P1Y", None),
    ("The club meets [every Friday].", "XXXX-WXX-5", None),
    # ranges become two timexes
    ("It ran from [1995] to 2000.", "1995", None),
    ("It ran from 1995 to [2000].", "2000", None),
    ("The summit is [Oct. 31]-Nov. 1.", "2025-10-31", None),
    ("The summit is Oct. 31-[Nov. 1].", "2025-11-01", None),
    ("The season [2009]-2010 was long.", "2009", None),
    ("The season 2009-[2010] was long.", "2010", None),
    # month and day without a year
    ("The deadline was moved to [December 16].", "2025-12-16", None),
    ("The talks were held on [March 3].", "2025-03-03", None),
    ("The vote will be held on [March 3].", "2026-03-03", None),
    ("It opens on [the 16th].", "2025-09-16", None),
    # a span of time before or after an event (not a date) is a duration
    ("The bridge reopened [three years] after the flood.", "P3Y", None),
    ("It changed hands [more than two decades] after the treaty.", "P20Y", "MORE_THAN"),
    ("[Two days] before Easter Sunday the roads were closed.", "P2D", None),
    ("The plan came [six weeks] after Congress acted.", "P6W", None),
]


@pytest.mark.parametrize(("text", "value", "mod"), VALUES)
def test_value_and_mod(text: str, value: str, mod: str | None) -> None:
    timex = only(text)
    assert (timex.value, timex.mod) == (value, mod)


def test_day_first_option() -> None:
    assert only("Due [24/04/2024].", day_first=True).value == "2024-04-24"
    assert only("Due [04/05/2024].", day_first=True).value == "2024-05-04"
    assert only("Due [04/05/2024].").value == "2024-04-05"


INTERVALS = [
    ("in [April 2024]", date(2024, 4, 1), date(2024, 4, 30), "month", False),
    ("visit [early next year]", date(2026, 1, 1), date(2026, 4, 30), "year", True),
    ("on [July 6, 1946]", date(1946, 7, 6), date(1946, 7, 6), "day", False),
    ("in [the 1990s]", date(1990, 1, 1), date(1999, 12, 31), "decade", False),
    ("[last week]", date(2025, 9, 8), date(2025, 9, 14), "week", False),
    ("in [the third quarter of 2025]", date(2025, 7, 1), date(2025, 9, 30), "quarter", False),
    ("[last summer]", date(2025, 6, 1), date(2025, 8, 31), "season", False),
    ("at [8 p.m. tonight]", datetime(2025, 9, 20, 20), datetime(2025, 9, 20, 20), "minute", False),
    ("in [the late 1980s]", date(1987, 1, 1), date(1989, 12, 31), "decade", True),
]


@pytest.mark.parametrize(("text", "start", "end", "granularity", "approximate"), INTERVALS)
def test_interval(text: str, start, end, granularity: str, approximate: bool) -> None:
    interval = only(text).interval
    assert interval is not None
    assert (interval.start, interval.end) == (start, end)
    assert (interval.granularity, interval.approximate) == (granularity, approximate)


def test_vague_references_have_no_interval() -> None:
    assert only("It rose [recently].").interval is None


_SEED_NAME = "seed/000_01afb1542b5c7603.txt"
_ROOT = Path(__file__).resolve().parents[1]
SEED = next(
    (p / _SEED_NAME for p in (_ROOT.parent / "shared", _ROOT.parents[1] / "shared") if p.is_dir()),
    _ROOT.parent / "shared" / _SEED_NAME,
)


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")
def test_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = {(t.text, t.value, t.mod, t.anchor) for t in tag(text, REF)}
    fridays = [t for t in tag(text, REF) if t.text == "Friday"]
    assert [t.value for t in fridays] == ["2025-09-19", "2025-09-19"]
    assert text[fridays[1].end] == "’"  # the possessive "Friday’s"
    assert ("April 2024", "2024-04", None, "absolute") in found
    assert ("January 19", "2025-01-19", None, "narrative") in found
    assert ("December 16", "2025-12-16", None, "reference") in found
    assert ("early next year", "2026", "START", "reference") in found
    assert ("2024", "2024", None, "absolute") in found
    texts = {t.text for t in tag(text, REF)}
    assert not texts & {"long", "At the same time", "the same time", "the future"}


STORY = (
    "Former President Joe Biden signed the law in April 2024, initially setting a "
    "January 19 deadline. Since then the date has been extended, most recently to "
    "December 16."
)


def test_story_in_own_words() -> None:
    values = {t.text: (t.value, t.anchor) for t in tag(STORY, REF)}
    assert values["January 19"] == ("2025-01-19", "narrative")
    assert values["December 16"] == ("2025-12-16", "reference")


NARRATIVE = [
    ("The war began in 1941. In [March], the army advanced.", "1941-03"),
    ("The war began in 1941. [The following year], it spread.", "1942"),
    ("The siege began in June 1942. [Two months later] it ended.", "1942-08"),
    ("He was elected in 1860. [That year] the South seceded.", "1860"),
    ("The treaty was signed on May 5, 1812. [The next day] the army left.", "1812-05-06"),
    ("The war began in 1941. In [early March], the army advanced.", "1941-03"),
    ("Troops landed in 1943. By [the summer], they had won.", "1943-SU"),
]


@pytest.mark.parametrize(("text", "value"), NARRATIVE)
def test_narrative(text: str, value: str) -> None:
    timex = only(text)
    assert timex.value == value
    assert timex.anchor == "narrative"


def test_sorted_offsets_and_text() -> None:
    text = "On Friday, after talks in April 2024 and last week, he left."
    found = tag(text, REF)
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(text[t.start : t.end] == t.text for t in found)
    assert all(t.id == "" for t in found)
