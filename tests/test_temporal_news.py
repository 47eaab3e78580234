"""News conventions of tag(): spans, values and types as the TimeML news corpora write them."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import tag

REF = date(2025, 10, 29)  # a Wednesday late in October


def only(text: str, reference: date = REF):
    """The one timex whose text is marked [like this] in ``text``."""
    start = text.index("[")
    end = text.index("]")
    plain = text.replace("[", "").replace("]", "")
    found = [t for t in tag(plain, reference) if t.start == start]
    assert found, (
        f"nothing at {plain[start : end - 1]!r}: {[t.text for t in tag(plain, reference)]}"
    )
    timex = found[0]
    assert timex.text == plain[start : end - 1]
    return timex


# (text with the timex in brackets, expected type, value, mod)
CASES = [
    # a yearless day a few weeks ahead is this year's, whatever verb came before
    ("The board declared a dividend, payable [Dec. 12] to holders.", "DATE", "2025-12-12", None),
    ("The bakery announced the merger [Sept. 3].", "DATE", "2025-09-03", None),
    ("The offer, which was extended, expires [Nov. 20].", "DATE", "2025-11-20", None),
    ("The new rules take effect [Feb. 1].", "DATE", "2026-02-01", None),
    # a far year mentioned earlier does not lend itself to a later sentence in news
    (
        "The mill has run since 1961. Workers said on Monday it was sold. "
        "Its owner agreed to the terms. The sale closes [Dec. 3].",
        "DATE",
        "2025-12-03",
        None,
    ),
    # weekdays: future cues beyond "will"
    ("The summit is scheduled to open [Thursday] in Lisbon.", "DATE", "2025-10-30", None),
    ("Talks might resume as soon as [Monday].", "DATE", "2025-11-03", None),
    ("The mayor spoke to reporters on [Monday].", "DATE", "2025-10-27", None),
    # a day and its weekday before a colon
    (
        "The paper wrote in an editorial on [Tuesday, Oct. 28]: the plan is fair.",
        "DATE",
        "2025-10-28",
        None,
    ),
    ("Talks broke off at [noon Tuesday].", "TIME", "2025-10-28T12:00", None),
    # "over" before a stretch of the calendar is the preposition
    ("Sales doubled over [the past three years].", "DURATION", "P3Y", None),
    ("The strike lasted [over three weeks].", "DURATION", "P3W", "MORE_THAN"),
    # "soon" only where it points ahead
    ("The agency may [soon] approve the drug.", "DATE", "FUTURE_REF", None),
]


@pytest.mark.parametrize(("text", "kind", "value", "mod"), CASES)
def test_news_value(text: str, kind: str, value: str, mod: str | None) -> None:
    timex = only(text)
    assert (timex.type, timex.value, timex.mod) == (kind, value, mod)


# phrases the news corpora never annotate
NOT_TIMEXES = [
    ("The shares rose, as previously reported.", "previously"),
    ("Call me as soon as you land.", "soon"),
    ("The rebels soon found the road closed.", "soon"),
    ("The company raised its quarterly dividend.", "quarterly"),
    ("The appeal went to the 11th Circuit.", "11th"),
]


@pytest.mark.parametrize(("text", "word"), NOT_TIMEXES)
def test_not_a_timex(text: str, word: str) -> None:
    assert not [t for t in tag(text, REF) if word in t.text]


# (text, type, value): months with last/this/next, parts of relative years, quarters in reports
MORE_CASES = [
    ("The plant closed [last November].", "DATE", "2024-11"),
    ("The plant closed [last May].", "DATE", "2025-05"),
    ("Elections are due [this December].", "DATE", "2025-12"),
    ("The vote is set for [next March].", "DATE", "2026-03"),
    ("Prices peaked in [June last year].", "DATE", "2024-06"),
    ("Profit fell in [this year's second quarter].", "DATE", "2025-Q2"),
    ("Revenue matched [the 2023 third quarter].", "DATE", "2023-Q3"),
    ("The flight took [6 1/2 hours].", "DURATION", "PT6H30M"),
    ("[Today]'s session was calm.", "DATE", "2025-10-29"),
    ("Right [now] the market is quiet.", "DATE", "PRESENT_REF"),
    ("He was shot last [Oct. 23] at home.", "DATE", "2025-10-23"),
    ("Sales fell [this past spring].", "DATE", "2025-SP"),
    ("Prices rose [this past week].", "DATE", "2025-W43"),
]


def test_this_summer_in_winter_is_ahead() -> None:
    assert only("Elections are due [this summer].", date(2026, 2, 10)).value == "2026-SU"


def test_a_history_told_in_news_does_not_lend_its_year_to_a_plan() -> None:
    text = (
        "The alliance was founded in 1949. It grew in 1952, 1955 and 1982. "
        "Leaders will meet in Washington in [April]."
    )
    assert only(text, date(1999, 3, 12)).value == "1999-04"


@pytest.mark.parametrize(("text", "kind", "value"), MORE_CASES)
def test_news_more(text: str, kind: str, value: str) -> None:
    timex = only(text)
    assert (timex.type, timex.value) == (kind, value)


# (text, span the corpora mark): "the" stays out of adjectival uses
SPANS = [
    ("Profit rose in [the fiscal first quarter].", "the fiscal first quarter"),
    ("The plant closed [nearly two weeks ago].", "nearly two weeks ago"),
    ("The [third-quarter] loss widened.", "third-quarter"),
    ("The [year-ago] results were restated.", "year-ago"),
    ("Sales fell from [the year-ago quarter].", "the year-ago quarter"),
    ("It posted a [year-earlier] loss.", "year-earlier"),
]


@pytest.mark.parametrize(("text", "span"), SPANS)
def test_news_span(text: str, span: str) -> None:
    assert only(text).text == span


# (text, reference, type, value): report periods
PERIODS = [
    ("Net income rose 8% in [the quarter].", REF, "DATE", "2025-Q3"),
    ("Sales grew in the third quarter. Costs fell in [the quarter].", REF, "DATE", "2025-Q3"),
    ("Revenue rose 3% in [the latest period].", REF, "DATE", "2025-Q3"),
    ("It earned $4 million for [the year] ended June 30.", REF, "DURATION", "P1Y"),
    ("It expects a gain for [the full year].", REF, "DATE", "2025"),
    ("Profit was flat in the third quarter. [This year] it expects more.", REF, "DATE", "2025"),
    ("Talks went on over [the weekend].", REF, "DATE", "2025-W43-WE"),
    ("Traders sold ahead of [the weekend].", date(2025, 10, 30), "DATE", "2025-W44-WE"),
]


@pytest.mark.parametrize(("text", "reference", "kind", "value"), PERIODS)
def test_report_periods(text: str, reference: date, kind: str, value: str) -> None:
    timex = only(text, reference)
    assert (timex.type, timex.value) == (kind, value)


def test_quarterly_results_are_no_quarter() -> None:
    assert not [t for t in tag("The quarterly results were poor.", REF) if "quarter" in t.text]


# (text, reference, value): a report's quarter, months in the sentence of "today"
REPORT = [
    (
        "Profit rose in the third quarter to $5 million from $4 million [a year earlier].",
        REF,
        "2024-Q3",
    ),
    (
        "Net income for the third quarter rose. Sales grew 8%. Costs were flat. "
        "Margins widened from [a year ago].",
        REF,
        "2024-Q3",
    ),
    ("The offer, announced today, expires at [the end of November].", date(2025, 11, 2), "2025-11"),
]


@pytest.mark.parametrize(("text", "reference", "value"), REPORT)
def test_report_values(text: str, reference: date, value: str) -> None:
    assert only(text, reference).value == value


@pytest.mark.parametrize(
    ("text", "word"),
    [("The minister, Jan Kavan, signed.", "Jan"), ("It was like the film High Noon.", "Noon")],
)
def test_names_are_no_dates(text: str, word: str) -> None:
    assert not [t for t in tag(text, REF) if word in t.text]


def test_last_year_stays_a_year_after_a_quarter() -> None:
    text = "Profit rose in the third quarter. The company lost money [last year]."
    assert only(text).value == "2024"


def test_a_year_ago_does_not_lend_its_year() -> None:
    text = "Sales rose from $3 million a year ago. The quarter ended [Sept. 30]."
    assert only(text).value == "2025-09-30"


# (text, value): quarters of a report and plans that cannot be past
QUARTERS = [
    ("Profit rose in the third quarter. It fell in [the year-ago third quarter].", "2024-Q3"),
    ("Profit rose in the third quarter. It had a loss in [the 2024 period].", "2024-Q3"),
    ("It had a gain in [the 2023 period].", "2023"),
    ("The pact, signed in June 2021, will take effect on [March 12].", "2026-03-12"),
]


@pytest.mark.parametrize(("text", "value"), QUARTERS)
def test_report_quarters(text: str, value: str) -> None:
    assert only(text).value == value


# a listed day shares the tense of the one before it
LISTED = [
    ("Storms are forecast for Thursday and [Friday].", "2025-10-31"),
    ("The talks will run on Monday, [Tuesday] and Wednesday.", "2025-11-04"),
    ("The markets fell on Monday and [Tuesday].", "2025-10-28"),
]


@pytest.mark.parametrize(("text", "value"), LISTED)
def test_listed_weekday(text: str, value: str) -> None:
    assert only(text).value == value


# in news two yearless days of one sentence are each the one nearest the reference
SAME_SENTENCE_DAYS = [
    ("The dividend is payable Nov. 14 to holders of record on [Nov. 3].", "2025-11-03"),
    ("The fund will pay out on Dec. 1 to investors who held shares on [Nov. 5].", "2025-11-05"),
]


@pytest.mark.parametrize(("text", "value"), SAME_SENTENCE_DAYS)
def test_same_sentence_days(text: str, value: str) -> None:
    assert only(text).value == value


# "has until Friday": the time left runs forward
HAS_UNTIL = [
    ("Lawmakers have until [Friday] to strike a deal.", "2025-10-31"),
    ("The company has until [Monday] to respond.", "2025-11-03"),
    ("The shop stayed open until [Monday].", "2025-10-27"),
]


@pytest.mark.parametrize(("text", "value"), HAS_UNTIL)
def test_has_until(text: str, value: str) -> None:
    assert only(text).value == value
