"""Merging the same event across mentions and documents; ordering and numbering."""

from datetime import date

import pytest
from events_cases import T, tagged

from timeline.events import build_events
from timeline.events.merge import same_event
from timeline.model import Event

REF = date(2025, 3, 10)
DAY = date(2025, 3, 7)


def _event(title: str, start: date | None = DAY, docs=("d1",), undated=None) -> Event:
    return Event(
        id="",
        start=start,
        end=start,
        granularity="day" if start else None,
        approximate=False,
        title=title,
        sentence=title + ".",
        documents=docs,
        timexes=(),
        undated=undated,
    )


SAME_EVENT_CASES = [
    ("Rebels seized the airport", "Rebels seized the airport", True),
    ("Phone call between Lee and Park ended", "Phone call touched on trade", True),
    ("Lee and Park spoke by phone", "Phone talk between Lee and Park", True),
    ("Lee signed the order", "Lee met the union leaders", False),
    ("Storm hit the coast", "Parliament passed the budget", False),
    ("Officials said the plant will close", "Officials said taxes will rise", False),
]


@pytest.mark.parametrize(("a", "b", "same"), SAME_EVENT_CASES)
def test_same_event(a: str, b: str, same: bool) -> None:
    assert same_event(_event(a), _event(b)) is same


def test_different_days_never_merge() -> None:
    assert not same_event(
        _event("Rebels seized the airport"), _event("Rebels seized the airport", date(2025, 3, 8))
    )


def test_same_event_in_two_documents_is_one_with_both_sources() -> None:
    first = tagged(
        "Rebels seized the main airport on Friday.",
        [T("Friday", DAY, anchor="reference")],
        REF,
        doc_id="d1",
    )
    second = tagged(
        "On March 7, rebel fighters seized the main airport after a short battle.",
        [T("March 7", DAY)],
        REF,
        doc_id="d2",
    )
    (event,) = build_events([first, second])
    assert event.documents == ("d1", "d2")
    assert event.timexes == ("d1.t1", "d2.t1")
    assert event.title == "Rebels seized the main airport"


def test_two_things_on_one_day_stay_two() -> None:
    document = tagged(
        "On Friday, rebels seized the airport. Parliament passed the budget on Friday.",
        [T("Friday", DAY), T("Friday", DAY, occurrence=1)],
        REF,
    )
    events = build_events([document])
    assert [e.title for e in events] == [
        "Rebels seized the airport",
        "Parliament passed the budget",
    ]


def test_repeated_date_in_one_sentence_is_one_event() -> None:
    document = tagged(
        "The treaty was signed on Friday, March 7, in Geneva.",
        [T("Friday", DAY), T("March 7", DAY)],
        REF,
    )
    (event,) = build_events([document])
    assert event.timexes == ("d1.t1", "d1.t2")


def test_order_undated_past_first_future_last_and_ids() -> None:
    text = (
        "In the past, the valley grew rice. The dam opened in May 2019. "
        "The council voted on Friday. The town hopes to rebuild the mill one day."
    )
    document = tagged(
        text,
        [
            T("May 2019", date(2019, 5, 1), date(2019, 5, 31), "month"),
            T("Friday", DAY, anchor="reference"),
        ],
        REF,
    )
    events = build_events([document])
    assert [(e.id, e.undated, e.start) for e in events] == [
        ("e1", "past", None),
        ("e2", None, date(2019, 5, 1)),
        ("e3", None, DAY),
        ("e4", "future", None),
    ]


def test_document_order_does_not_change_the_events_dates() -> None:
    a = tagged(
        "The dam opened in May 2019.",
        [T("May 2019", date(2019, 5, 1), date(2019, 5, 31), "month")],
        REF,
        doc_id="d1",
    )
    b = tagged("The council voted on Friday.", [T("Friday", DAY)], REF, doc_id="d2")
    forward = build_events([a, b])
    backward = build_events([b, a])
    assert [(e.id, e.title) for e in forward] == [(e.id, e.title) for e in backward]


def test_empty_input() -> None:
    assert build_events([]) == ()


def test_a_time_and_its_day_in_one_sentence_are_one_event() -> None:
    from datetime import datetime

    text = "The blast hit the port at about 10:35 a.m. on Friday."
    document = tagged(
        text,
        [
            T("about 10:35 a.m.", datetime(2025, 3, 7, 10, 35), granularity="minute", type="TIME"),
            T("Friday", DAY),
        ],
        REF,
    )
    (event,) = build_events([document])
    assert (event.start, event.granularity, event.timexes) == (
        datetime(2025, 3, 7, 10, 35),
        "minute",
        ("d1.t1", "d1.t2"),
    )
    assert event.title == "Blast hit the port"


def test_large_document_is_fast() -> None:
    import time

    sentence = "Officer Dana Reyes of the harbour police seized {n} crates on Friday in Port Alba. "
    text = "".join(sentence.format(n=n) for n in range(2000))
    specs = [T("Friday", DAY, occurrence=n) for n in range(0, 2000, 4)]
    document = tagged(text, specs, REF)
    began = time.perf_counter()
    events = build_events([document])
    assert time.perf_counter() - began < 30
    assert 1 <= len(events) <= len(specs)


def test_plans_reported_differently_in_two_documents_merge() -> None:
    day = date(2025, 10, 3)
    first = tagged(
        "Talks between the two sides are expected to resume in Nairobi on October 3.",
        [T("October 3", day)],
        REF,
        doc_id="d1",
    )
    second = tagged(
        "Peace talks will resume in Nairobi on October 3, mediators announced.",
        [T("October 3", day)],
        REF,
        doc_id="d2",
    )
    (event,) = build_events([first, second])
    assert event.documents == ("d1", "d2")
