"""Lexical coverage: years and days said aloud, fractions of units, decade words."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import tag

REF = date(1998, 3, 5)  # a Thursday


def found_at(text: str, reference: date = REF):
    """The timex marked [like this] in ``text`` (its span must match exactly)."""
    start = text.index("[")
    plain = text.replace("[", "").replace("]", "")
    found = [t for t in tag(plain, reference) if t.start == start]
    assert found, f"nothing at {start}: {[t.text for t in tag(plain, reference)]}"
    assert found[0].text == plain[start : text.index("]") - 1]
    return found[0]


CASES = [
    # years said aloud, as broadcast transcripts write them
    ("The plant closed in [nineteen eighty-seven] after a fire.", "DATE", "1987"),
    ("Prices peaked in [nineteen seventy-nine], the year of the oil shock.", "DATE", "1979"),
    ("The bridge opened in [eighteen twelve].", "DATE", "1812"),
    ("The mill was built in [nineteen oh five].", "DATE", "1905"),
    ("Sales will double by [the year two thousand].", "DATE", "2000"),
    ("The law takes effect in [two thousand and two].", "DATE", "2002"),
    ("The first strike came in [May nineteen ninety-three].", "DATE", "1993-05"),
    ("Snow closed the pass in [the winter of nineteen ninety-two].", "DATE", "1992-WI"),
    ("Looking back, [the year 1950] was hard.", "DATE", "1950"),
    # days of the month in words
    ("The rally is set for [April ninth].", "DATE", "1998-04-09"),
    ("The parade falls on [July the fourth].", "DATE", "1998-07-04"),
    ("They will sign it on [the twenty-third of June].", "DATE", "1998-06-23"),
    ("It was dated [June first, nineteen ninety-one].", "DATE", "1991-06-01"),
    # decades in words
    ("Membership shrank through [the eighties].", "DATE", "198"),
    ("The style was born in [the nineteen-sixties].", "DATE", "196"),
    ("Rents soared in [the mid-seventies].", "DATE", "197"),
    ("Prices boomed in [the late nineties].", "DATE", "199"),
    # before and after a year
    ("The [post-1945] order is fraying.", "DATE", "1945"),
    ("He collects [pre-1900] maps.", "DATE", "1900"),
    # fractions of a unit in the next smaller unit
    ("The flight took [3 1/2 hours].", "DURATION", "PT3H30M"),
    ("She served [4 1/2 years] in prison.", "DURATION", "P4Y6M"),
    ("The vote lasted [a minute and a half].", "DURATION", "PT1M30S"),
    ("The meeting ran [an hour and a half].", "DURATION", "PT1H30M"),
    ("The test takes [half an hour].", "DURATION", "PT30M"),
    ("It was delayed [a year and a half].", "DURATION", "P1Y6M"),
    ("The strike went on for [one and a half days].", "DURATION", "P1DT12H"),
    # more of a unit
    ("The talks need [three more days].", "DURATION", "P3D"),
    ("The lease runs for [an additional year].", "DURATION", "P1Y"),
    ("The fighting lasted [another six weeks].", "DURATION", "P6W"),
    # the end of the year or month as a noun
    ("The merger should close by [year-end].", "DATE", "1998-12-31"),
    ("Stocks are up 4% since [year-end].", "DATE", "1997"),
    ("Troops held the line at [month's end].", "DATE", "1998-03"),
    # a part of the day with "mid" or a day word after it
    ("The shelling stopped by [mid afternoon].", "TIME", "1998-03-05TAF"),
    ("Shares were up at [mid-morning yesterday].", "TIME", "1998-03-04TMO"),
    ("Rain is due [evening tomorrow].", "TIME", "1998-03-06TEV"),
    # "now" after "until" and "by", and before "that"
    ("No one had seen the letter until [now].", "DATE", "PRESENT_REF"),
    ("[Now] that the vote is over, the work begins.", "DATE", "PRESENT_REF"),
    # a month after a preposition, whatever follows it
    ("The count taken in [February] was the highest.", "DATE", "1998-02"),
    ("The embassy has been shut since [January]-pending talks.", "DATE", "1998-01"),
    # a month counted from the story
    ("The town fell in 1944. It had been bombed [the previous May].", "DATE", "1943-05"),
    ("The town fell in May 1944. [The following March] it was rebuilt.", "DATE", "1945-03"),
    # vague references
    ("The terms will be set at [a later date].", "DATE", "FUTURE_REF"),
    ("Margins will stay thin in [the near term].", "DATE", "FUTURE_REF"),
    ("It is the largest recall to [date].", "DATE", "PRESENT_REF"),
    ("Layoffs are likely in [the weeks ahead].", "DURATION", "PXW"),
    # hours in words or with a part of the day
    ("The convoy will leave at [5 in the morning].", "TIME", "1998-03-05T05:00"),
    ("The polls close at [eight o'clock].", "TIME", "1998-03-05T08:00"),
    ("The alarm sounded at [11 o'clock at night].", "TIME", "1998-03-05T23:00"),
    ("Talks ran until [7:15 in the evening].", "TIME", "1998-03-05T19:15"),
    ("Polls open at [seven a.m.] sharp.", "TIME", "1998-03-05T07:00"),
    ("The curfew will start at [ten p.m. Friday].", "TIME", "1998-03-06T22:00"),
    # fiscal years written short, sets, a quarter century, 9/11
    ("Revenue guidance for [FY97] was cut.", "DATE", "1997"),
    ("The board meets [every other week].", "SET", "P2W"),
    ("The river floods [each spring].", "SET", "XXXX-SP"),
    ("He ruled for [a quarter century].", "DURATION", "P25Y"),
    ("Airport security changed after [9/11].", "DATE", "2001-09-11"),
    # parts of a year named by "the", "this", "next" ...
    ("Margins fell in [the first half of the year].", "DATE", "1998-H1"),
    ("Output will rise in [the fourth quarter of this year].", "DATE", "1998-Q4"),
    ("Deliveries start in [the second quarter of next year].", "DATE", "1999-Q2"),
    ("The fund will close by [the end of the decade].", "DATE", "199"),
    ("The rate will be reset [six weeks from today].", "DATE", "1998-W16"),
    # sets of a weekday's part or of a month
    ("Ferries sail on Monday and [Friday nights].", "SET", "XXXX-WXX-5TNI"),
    ("The choir sings [every Sunday morning].", "SET", "XXXX-WXX-7TMO"),
    ("Pilgrims arrive [each August].", "SET", "XXXX-08"),
    # hundreds and thousands
    ("The bridge stood for [nearly a hundred years].", "DURATION", "P100Y"),
    ("The recipe was kept secret for [two thousand years].", "DURATION", "P2L"),
    ("The feud lasted [several hundred years].", "DURATION", "PXY"),
    # a weekday's afternoon or evening is a time (REF is a Thursday)
    ("The clinic was attacked [Tuesday evening].", "TIME", "1998-03-03TEV"),
    ("Ministers will meet [Monday afternoon].", "TIME", "1998-03-09TAF"),
    # units as adjectives
    ("They held a [day-long] meeting.", "DURATION", "P1D"),
    ("It ended a [decades-long] feud.", "DURATION", "PXY"),
    ("The [ten-year] plan was dropped.", "DURATION", "P10Y"),
    ("The [90-day] window closes soon.", "DURATION", "P90D"),
]


@pytest.mark.parametrize(("text", "kind", "value"), CASES)
def test_type_and_value(text: str, kind: str, value: str) -> None:
    timex = found_at(text)
    assert (timex.type, timex.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "mod"),
    [
        ("The lease runs for [at least 15 more years].", "EQUAL_OR_MORE"),
        ("The [post-1945] order is fraying.", "AFTER"),
        ("Rents soared in [the mid-seventies].", "MID"),
        ("The merger should close by [year's end].", "END"),
        ("Shares were up at [mid-morning yesterday].", "MID"),
    ],
)
def test_mod(text: str, mod: str) -> None:
    assert found_at(text).mod == mod


def test_score_is_not_a_clock() -> None:
    """A number before "in the afternoon" is an hour only after "at", "until" ...."""
    found = tag("The home side scored 2 in the afternoon session.", REF)
    assert all(":" not in t.value for t in found)
