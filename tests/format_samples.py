"""A timeline with every kind of event, shared by the export format tests."""

from __future__ import annotations

from datetime import date, datetime

from timeline.model import Document, Event, Interval, Reference, TaggedDocument, Timeline, Timex

TEXT = (
    "Biden signed the law in April 2024. They meet Friday at 9 a.m. "
    'The summit runs Oct 31 - Nov 1, 2025; a visit "early next year" & more <later>.'
)


def _event(event_id: str, start, end, granularity, title: str, **extra) -> Event:
    return Event(
        event_id,
        start,
        end,
        granularity,
        extra.pop("approximate", False),
        title,
        extra.pop("sentence", f"{title}."),
        extra.pop("documents", ("d1",)),
        extra.pop("timexes", ()),
        **extra,
    )


def rich_timeline() -> Timeline:
    """Month, hour, minute, second, multi-day, approximate, year and undated events."""
    timex = Timex(
        "April 2024",
        24,
        34,
        "DATE",
        "2024-04",
        interval=Interval(date(2024, 4, 1), date(2024, 4, 30), "month"),
        id="d1.t1",
    )
    reference = Reference(date(2025, 9, 20), "option", "day", ("--reference-date",))
    document = Document("d1", "a.txt", TEXT, reference)
    events = (
        _event(
            "e1",
            date(2024, 4, 1),
            date(2024, 4, 30),
            "month",
            "Biden signs the law",
            sentence=TEXT[:35],
            timexes=("d1.t1",),
            date_text="April 2024",
        ),
        _event(
            "e2",
            datetime(2025, 9, 26, 9),
            datetime(2025, 9, 26, 9, 59),
            "hour",
            "They meet",
            group="news",
            url="https://example.org/a?x=1&y=2",
            date_text="Friday at 9 a.m.",
        ),
        _event(
            "e3", datetime(2025, 9, 27, 14, 30), datetime(2025, 9, 27, 14, 30), "minute", "Call"
        ),
        _event(
            "e4", datetime(2025, 9, 28, 8, 0, 5), datetime(2025, 9, 28, 8, 0, 5), "second", "Ping"
        ),
        _event(
            "e5",
            date(2025, 10, 31),
            date(2025, 11, 1),
            "day",
            "APEC summit in Gyeongju, South Korea",
            documents=("d1", "d2"),
            media="https://example.org/apec.jpg",
            date_text="Oct 31 - Nov 1, 2025",
        ),
        _event(
            "e6",
            date(2026, 1, 1),
            date(2026, 4, 30),
            "month",
            'A visit "early next year" & <more>',
            approximate=True,
            sentence='Trump may visit China "early next year" & <b>more</b>,\nsaid aides; ok.',
            date_text="early next year",
        ),
        _event("e7", date(2025, 7, 1), date(2025, 9, 30), "quarter", "Q3 results", group="money"),
        _event("e8", date(1990, 1, 1), date(1999, 12, 31), "decade", "The 1990s"),
        _event("e9", date(2019, 1, 1), date(2019, 12, 31), "year", "A year"),
        _event("e10", None, None, None, "Reciprocal visit", undated="future"),
    )
    return Timeline((TaggedDocument(document, (timex,)),), events, title="The TikTok deal")


def dated(timeline: Timeline) -> tuple[Event, ...]:
    """The events a calendar or TimelineJS can hold."""
    return tuple(event for event in timeline.events if event.start is not None)
