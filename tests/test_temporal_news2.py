"""News: reported plans point weekdays forward; "since" years; vague spans TimeML marks."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import tag

REF = date(2000, 3, 15)  # a Wednesday


def value_at(text: str, reference: date = REF) -> str:
    """The value of the timex marked [like this] in ``text``."""
    start = text.index("[")
    plain = text.replace("[", "").replace("]", "")
    found = [t for t in tag(plain, reference) if t.start == start]
    assert found, f"nothing at {start}: {[t.text for t in tag(plain, reference)]}"
    assert found[0].text == plain[start : text.index("]") - 1]
    return found[0].value


CASES = [
    # a plan stays in its clause; a list runs on past its commas
    ("The bank agreed to pay a fine, records on [Monday] showed.", REF, "2000-03-13"),
    ("They agreed to visit Rome, Paris and Bonn in [April].", REF, "2000-04"),
    # the present of a date on the calendar points ahead
    ("Voters go to the polls in [January].", REF, "2001-01"),
    ("The bill goes to a vote in [February].", REF, "2001-02"),
    # "in the new year" is the coming one
    ("Prices will fall in [the new year], the bank said.", REF, "2001"),
    ("The treaty was signed at [the turn of the century].", REF, "2000"),
    # a plan reported in the past still points ahead
    ("The minister planned to leave on [Thursday].", REF, "2000-03-16"),
    ("Lawmakers postponed the vote until [Tuesday].", REF, "2000-03-21"),
    ("The two sides agreed to meet again on [Monday].", REF, "2000-03-20"),
    ("She hoped to finish the report by [Friday].", REF, "2000-03-17"),
    # without a plan the past tense keeps the day behind
    ("The talks resumed on [Monday].", REF, "2000-03-13"),
    ("He said on [Thursday] that he would resign.", REF, "2000-03-09"),
    ("They agreed to the terms on [Monday].", REF, "2000-03-13"),
    # a plan in the past progressive points ahead too, an activity under way does not
    ("Fans were planning to march to the stadium on [Friday].", REF, "2000-03-17"),
    ("They were planning the party on [Monday] when the power failed.", REF, "2000-03-13"),
    # a year after "since" opens a span: it does not anchor a later month in news
    ("The shop has been open since 1990. In [December] it said sales rose.", REF, "1999-12"),
    ("Rents fell since 1994, and in [December] they hit a low.", REF, "1999-12"),
    # in a history the story's years still anchor it
    (
        "The war began in 1861. Since 1862 the army had grown. In [December] it marched.",
        REF,
        "1862-12",
    ),
    # vague spans the news corpora annotate
    ("Prices may, in [a year or two], come down.", REF, "FUTURE_REF"),
    ("The mill will be shut over [the next year or so].", REF, "2001"),
    ("Growth may slow over [the next three years or so].", REF, "P3Y"),
    ("The trial opens [the week of March 6].", REF, "2000-W10"),
    ("The vote came [the week of Jan. 10, 1999].", REF, "1999-W01"),
]


@pytest.mark.parametrize(("text", "reference", "expected"), CASES)
def test_value(text: str, reference: date, expected: str) -> None:
    assert value_at(text, reference) == expected


@pytest.mark.parametrize(
    ("text", "mod"),
    [("over [the next year or so]", "APPROX"), ("over [the next two weeks or so]", "APPROX")],
)
def test_or_so_is_approximate(text: str, mod: str) -> None:
    start = text.index("[")
    plain = text.replace("[", "").replace("]", "")
    assert [t.mod for t in tag(plain, REF) if t.start == start] == [mod]


# the verb that governs a bare weekday decides which one it is (reference: Wednesday 15 March)
WEEKDAY_TENSE = [
    # a reported future: "would"
    ("The union said its members would strike on [Friday].", "2000-03-17"),
    ("Officials said the envoy would arrive in Cairo [Monday].", "2000-03-20"),
    # a plan that has lapsed is past
    ("The offer had been scheduled to lapse at [midnight Saturday].", "2000-03-11T24:00"),
    ("The permit had been due to run out [Monday].", "2000-03-13"),
    # a past verb right before the day governs it, whatever modal stands further back
    ("They would fight the order, issued [Tuesday] by the court.", "2000-03-14"),
    # a participle after "be" is no past verb
    ("The hearing will be held [Friday].", "2000-03-17"),
    # an event named by its day has happened, whatever the clause says
    ("Lawyers would try to overturn [Monday]'s verdict.", "2000-03-13"),
    ("The mayor will respond to [Tuesday]’s protest.", "2000-03-14"),
    # a deadline given "until" a day lies ahead
    ("The agency has given the family until [noon Thursday] to reply.", "2000-03-16T12:00"),
    # a present progressive tells of an arrangement ahead; a past one does not
    ("The committee is meeting [Tuesday].", "2000-03-21"),
    ("Officials said the envoys are leaving on [Monday].", "2000-03-20"),
    ("The committee was meeting [Tuesday].", "2000-03-14"),
    # "is to" a verb: an arrangement ahead
    ("The stock is to resume trading in Paris [Tuesday].", "2000-03-21"),
    ("The aim is to the credit of the team, it said [Tuesday].", "2000-03-14"),
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAY_TENSE)
def test_weekday_follows_its_verb(text: str, expected: str) -> None:
    assert value_at(text) == expected


# a year written earlier lends itself to later yearless dates only in a history
YEAR_LEAKS = [
    # in news (the reporter's own days came first) a far year anchors nothing past its sentence
    (
        "The company said Tuesday its notes fall due in 2031. The rights expire [Nov. 21].",
        date(2000, 11, 2),
        "2000-11-21",
    ),
    (
        "Police said Sunday the attacks date back to 1994. In [January], a nurse was shot.",
        date(1998, 10, 25),
        "1998-01",
    ),
    (
        "The utility said Friday its plant opened in 1984 after years of delay. In addition,"
        " it reported [third-quarter] profit of $68 million.",
        date(1989, 10, 27),
        "1989-Q3",
    ),
    # the reporter's own days ("Saturday", "today") make a text with old dates news
    (
        "On Saturday the leader spoke for hours, as he did a week ago. The rebels landed on"
        " Dec. 2, 1956, and took power on Jan. 1, 1959. The boy's mother drowned in"
        " [late November]. The boy is a symbol today, he said.",
        date(2000, 4, 1),
        "1999-11",
    ),
    # years before Christ make a history: the story's year carries on
    (
        "The Persian army gathered in 481 BC. It crossed into Greece in 480 BC. The fleet was"
        " large. Many ships were built. Supplies were stored along the road. The Persians"
        " reached the pass in [mid-August].",
        date(2009, 1, 1),
        "BC0480-08",
    ),
]


@pytest.mark.parametrize(("text", "reference", "expected"), YEAR_LEAKS)
def test_year_leaks_only_in_a_history(text: str, reference: date, expected: str) -> None:
    assert value_at(text, reference) == expected


# a quarterly report is about the latest quarter it names that is over (reference: 1 Nov 2001)
REPORT_QUARTER = [
    (
        "Net income rose in the third quarter. After a weak second quarter, sales"
        " recovered. Costs were lower than [a year ago].",
        "2000-Q3",
    ),
    (
        "Profit rose in the third quarter, and the maker expects a strong fourth quarter."
        " Costs were lower than [a year ago].",
        "2000-Q3",
    ),
    # a fiscal quarter named first stays the report's quarter
    (
        "Earnings fell in the fourth quarter ended Aug. 31. Sales were flat compared with"
        " [a year earlier].",
        "2000-Q4",
    ),
]


@pytest.mark.parametrize(("text", "expected"), REPORT_QUARTER)
def test_report_is_about_its_latest_finished_quarter(text: str, expected: str) -> None:
    assert value_at(text, date(2001, 11, 1)) == expected


# a yearless month in news: the tense of its own verb, a modal over a nearby past word
MONTH_TENSE = [
    (
        "The payout would be made on a still undecided date in [January].",
        date(1999, 10, 26),
        "2000-01",
    ),
    ("The job figures for [January] extended a run of gains.", date(1998, 2, 6), "1998-01"),
    (
        "Banks have extended the firm $90 million in loans through [January].",
        date(1999, 10, 30),
        "2000-01",
    ),
    ("In [January], the board brought in a new chief.", date(1999, 10, 30), "1999-01"),
    ("The talks, which are supposed to end by [May], resumed.", date(1998, 3, 22), "1998-05"),
    # a fiscal quarter lends no calendar year to the day it ended on
    (
        "It earned $3 million for the fiscal first quarter ended [Sept. 30].",
        date(1999, 10, 26),
        "1999-09-30",
    ),
]


@pytest.mark.parametrize(("text", "reference", "expected"), MONTH_TENSE)
def test_month_follows_its_verb(text: str, reference: date, expected: str) -> None:
    assert value_at(text, reference) == expected


# "effective June 1" dates a change ahead; "the previous Friday" counts from the story's day
ANCHORED_DAYS = [
    ("The union's new contract takes hold, effective [June 1].", date(1999, 10, 27), "2000-06-01"),
    ("Shares closed Friday down 4% from [the previous Friday].", date(1999, 11, 1), "1999-10-22"),
    (
        "The fair opened on Oct. 5, 1999, and closed [the following Monday].",
        date(2000, 3, 15),
        "1999-10-11",
    ),
    ("Prices were lower than [the previous Friday].", date(2000, 3, 15), "2000-03-10"),
]


@pytest.mark.parametrize(("text", "reference", "expected"), ANCHORED_DAYS)
def test_anchored_days(text: str, reference: date, expected: str) -> None:
    assert value_at(text, reference) == expected


# a day counted from a named weekday (reference: Wednesday 15 March 2000)
DAY_OFF = [
    ("[The day before last Tuesday]'s hearing, he visited.", "2000-03-13"),
    ("They met [the day after Monday]'s vote.", "2000-03-14"),
    # the reporter's own day carries a story told with many old years back to the present
    (
        "He left in 1966, came back in 1979 and moved again in 1984 and 1990. The day before"
        " last Tuesday he saw his brother. He was in court [the next morning].",
        "2000-03-14",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DAY_OFF)
def test_day_next_to_a_weekday(text: str, expected: str) -> None:
    assert value_at(text) == expected


# a present forecast points ahead (reference: Wednesday 20 March 2013)
FORECASTS = [
    ("The maker expects [second-quarter] sales to rise.", "2013-Q2"),
    ("The bank expects to report results on [Monday].", "2013-03-25"),
    ("The maker reported [fourth-quarter] sales.", "2012-Q4"),
]


@pytest.mark.parametrize(("text", "expected"), FORECASTS)
def test_forecasts_point_ahead(text: str, expected: str) -> None:
    assert value_at(text, date(2013, 3, 20)) == expected


# quotes around a title hide its time words, not quoted speech or a name's possessive
QUOTED = [
    ('He said "Next Week" was a hit show, and aired it [next week].', "2000-W12"),
    ('"We will decide [next week]," the minister said.', "2000-W12"),
    ('The "[Ten Year]\'s War" began in 1927.', "P10Y"),
    ('The answer, he said, was "[Tomorrow]."', "2000-03-16"),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED)
def test_quoted_titles(text: str, expected: str) -> None:
    assert value_at(text) == expected


# approximate 'ago' and two quarters of a year (reference: Monday 25 February 1991)
APPROX_AND_HALVES = [
    ("Then, [a week or so ago], the general chose the night.", "1991-W08"),
    ("The plant reopened [two years or so ago].", "1989"),
    ("Orders stay thin through [the first two quarters of 1992].", "1992-H1"),
    ("Margins widened in [the last two quarters of 1990].", "1990-H2"),
]


@pytest.mark.parametrize(("text", "expected"), APPROX_AND_HALVES)
def test_approximate_ago_and_two_quarters(text: str, expected: str) -> None:
    assert value_at(text, date(1991, 2, 25)) == expected


# market, business and working days are days
WORK_DAYS = [
    ("Shares sank for [six trading days] in a row.", "P6D"),
    ("The refund arrives within [five business days].", "P5D"),
    ("The permit took [twelve working days].", "P12D"),
]


@pytest.mark.parametrize(("text", "expected"), WORK_DAYS)
def test_work_days_are_days(text: str, expected: str) -> None:
    assert value_at(text) == expected


# a company's year named against the calendar's (reference: Wednesday 1 November 1989)
FISCAL_REL = [
    ("Revenue reached $3 billion in [the latest fiscal year].", "1988"),
    ("The chain lost money [last fiscal year].", "1988"),
    ("The mill should break even [next fiscal year].", "1990"),
    ("Orders slowed in [the previous fiscal quarter].", "1989-Q3"),
]


@pytest.mark.parametrize(("text", "expected"), FISCAL_REL)
def test_fiscal_year_by_relation(text: str, expected: str) -> None:
    assert value_at(text, date(1989, 11, 1)) == expected


# the report's period a year back, however the comparison is worded (reference: 1 Nov 1989)
PERIOD_BACK = [
    (
        "It earned $4 million in the third quarter. In [the quarter a year ago] it lost $1.",
        "1988-Q3",
    ),
    ("Net rose in the third quarter from [the corresponding period last year].", "1988-Q3"),
    ("Exports fell in the third quarter; [last year's quarter] was weak as well.", "1988-Q3"),
    (
        "It earned $2 in the third quarter against $1 in [the comparable year-ago quarter].",
        "1988-Q3",
    ),
    ("Sales rose 5% from [the same period last year].", "1988"),
]


@pytest.mark.parametrize(("text", "expected"), PERIOD_BACK)
def test_period_a_year_back(text: str, expected: str) -> None:
    assert value_at(text, date(1989, 11, 1)) == expected


# the earliest day still to come, and a fronted day before a present plan (Wednesday 15 March)
WEEKDAY_AHEAD = [
    ("The ferry could dock in Dover as early as [Friday].", "2000-03-17"),
    ("On [Monday], the guild plans to unveil its new charter.", "2000-03-20"),
    ("On [Friday], the two clubs are to sign the transfer.", "2000-03-17"),
    # a past verb first, or a day that does not open its sentence, keeps the day behind
    ("On [Monday], the guild said it plans to appeal.", "2000-03-13"),
    ("The guild announced [Monday] that it intends to appeal.", "2000-03-13"),
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAY_AHEAD)
def test_weekday_ahead_of_a_plan(text: str, expected: str) -> None:
    assert value_at(text) == expected


# a range of lengths is one duration: its lower bound, or unknown after "the next"/"the past"
LENGTH_RANGES = [
    ("Repairs should take [four to six weeks].", "P4W"),
    ("The plant will close for [10 to 14 days].", "P10D"),
    ("Prices may climb over [the next six to nine months].", "PXM"),
    ("Margins thinned in [the past two to three years].", "PXY"),
]


@pytest.mark.parametrize(("text", "expected"), LENGTH_RANGES)
def test_range_of_lengths(text: str, expected: str) -> None:
    assert value_at(text) == expected


# "year-end" written as one word is the closing day of the books; "since year-end" the last one
YEAR_END_DAY = [
    ("The two banks expect to close the merger by [year-end].", date(1989, 10, 20), "1989-12-31"),
    ("Its cash at [year-end] came to $4 million.", date(1990, 2, 14), "1989-12-31"),
    ("Shares are up 12% since [year-end].", date(1989, 10, 20), "1988"),
]


@pytest.mark.parametrize(("text", "reference", "expected"), YEAR_END_DAY)
def test_year_end_day(text: str, reference: date, expected: str) -> None:
    assert value_at(text, reference) == expected
