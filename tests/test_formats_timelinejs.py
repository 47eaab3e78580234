import json
from datetime import date, datetime

import pytest
from format_samples import dated, rich_timeline

from timeline.formats import timelinejs
from timeline.formats.json import FormatError
from timeline.model import Event


def _slides() -> dict[str, dict]:
    record = json.loads(timelinejs.dumps(rich_timeline()))
    return {slide["unique_id"]: slide for slide in record["events"]}


def test_title_slide_and_one_slide_per_dated_event():
    record = json.loads(timelinejs.dumps(rich_timeline()))
    assert record["title"]["text"]["headline"] == "The TikTok deal"
    assert record["title"]["text"]["text"] == "<p>9 events from 2 documents</p>"
    assert [slide["unique_id"] for slide in record["events"]] == [
        f"tl-e{number}" for number in range(1, 10)
    ]


@pytest.mark.parametrize(
    ("slide_id", "start", "end", "display"),
    [
        (
            "tl-e1",
            {"year": 2024, "month": 4, "day": 1},
            {"year": 2024, "month": 4, "day": 30},
            "April 2024",
        ),
        (
            "tl-e2",
            {"year": 2025, "month": 9, "day": 26, "hour": 9, "minute": 0},
            {"year": 2025, "month": 9, "day": 26, "hour": 9, "minute": 59},
            None,
        ),
        ("tl-e3", {"year": 2025, "month": 9, "day": 27, "hour": 14, "minute": 30}, None, None),
        (
            "tl-e4",
            {"year": 2025, "month": 9, "day": 28, "hour": 8, "minute": 0, "second": 5},
            None,
            None,
        ),
        (
            "tl-e5",
            {"year": 2025, "month": 10, "day": 31},
            {"year": 2025, "month": 11, "day": 1},
            None,
        ),
        (
            "tl-e6",
            {"year": 2026, "month": 1, "day": 1},
            {"year": 2026, "month": 4, "day": 30},
            "About January – April 2026",
        ),
        (
            "tl-e7",
            {"year": 2025, "month": 7, "day": 1},
            {"year": 2025, "month": 9, "day": 30},
            "Q3 2025",
        ),
        (
            "tl-e8",
            {"year": 1990, "month": 1, "day": 1},
            {"year": 1999, "month": 12, "day": 31},
            "the 1990s",
        ),
        (
            "tl-e9",
            {"year": 2019, "month": 1, "day": 1},
            {"year": 2019, "month": 12, "day": 31},
            "2019",
        ),
    ],
)
def test_dates_and_display_dates(slide_id, start, end, display):
    slide = _slides()[slide_id]
    assert slide["start_date"] == start
    assert slide.get("end_date") == end
    assert slide.get("display_date") == display


def test_text_is_escaped_html():
    slides = _slides()
    assert (
        slides["tl-e6"]["text"]["headline"]
        == "A visit &quot;early next year&quot; &amp; &lt;more&gt;"
    )
    assert "&lt;b&gt;more&lt;/b&gt;" in slides["tl-e6"]["text"]["text"]
    assert slides["tl-e2"]["text"]["text"].endswith(
        '<p class="tl-source"><a href="https://example.org/a?x=1&amp;y=2" '
        'rel="noopener">Source</a></p>'
    )
    assert slides["tl-e2"]["group"] == "news"
    assert slides["tl-e5"]["media"] == {"url": "https://example.org/apec.jpg"}


def test_round_trip_loses_nothing():
    timeline = rich_timeline()
    back = timelinejs.loads(timelinejs.dumps(timeline))
    assert back.events == dated(timeline)
    assert back.title == timeline.title


def test_standard_fields_alone_keep_titles_dates_and_links():
    record = json.loads(timelinejs.dumps(rich_timeline()))
    for slide in record["events"]:
        del slide[timelinejs.EXTENSION]
    back = timelinejs.loads(json.dumps(record)).events
    for event, original in zip(back, dated(rich_timeline()), strict=True):
        assert (event.id, event.title, event.start, event.end) == (
            original.id,
            original.title,
            original.start,
            original.end,
        )
        assert (event.sentence, event.url, event.media, event.group) == (
            original.sentence,
            original.url,
            original.media,
            original.group,
        )


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ({"year": "2019"}, None, (date(2019, 1, 1), date(2019, 12, 31), "year")),
        ({"year": 2024, "month": 2}, None, (date(2024, 2, 1), date(2024, 2, 29), "month")),
        ({"year": 2024, "month": 2, "day": 3}, None, (date(2024, 2, 3), date(2024, 2, 3), "day")),
        (
            {"year": 2024, "month": 2, "day": 3, "hour": 7},
            None,
            (datetime(2024, 2, 3, 7), datetime(2024, 2, 3, 7, 59), "hour"),
        ),
        ({"year": 2020}, {"year": 2021, "month": 6}, (date(2020, 1, 1), date(2021, 6, 30), "year")),
    ],
)
def test_reads_foreign_dates(start, end, expected):
    slide = {"start_date": start, "text": {"headline": "<b>X</b> &amp; Y"}}
    if end:
        slide["end_date"] = end
    event = timelinejs.loads(json.dumps({"events": [slide]})).events[0]
    assert (event.start, event.end, event.granularity) == expected
    assert event.title == "X & Y" and event.id == "e1"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[", "line 1, column 2"),
        ('{"title": {}}', 'no "events" list'),
        ('{"events": [{"text": {}}]}', "event 1: missing 'start_date'"),
        ('{"events": [{"start_date": {"month": 3}}]}', "event 1: a date without a year"),
        ('{"events": [{"start_date": {"year": 2020, "month": 13}}]}', "event 1: month must be"),
    ],
)
def test_reader_errors(text, message):
    with pytest.raises(FormatError, match=message):
        timelinejs.loads(text)


@pytest.mark.parametrize(
    ("start", "end", "granularity", "approximate", "expected"),
    [
        (date(2026, 1, 1), date(2026, 4, 30), "year", True, "Early 2026"),
        (date(2026, 5, 1), date(2026, 8, 31), "year", True, "Mid 2026"),
        (date(2026, 9, 1), date(2026, 12, 31), "year", True, "Late 2026"),
        (date(1987, 1, 1), date(1989, 12, 31), "decade", True, "Late 1980s"),
        (date(1980, 1, 1), date(1983, 12, 31), "decade", True, "Early 1980s"),
        (date(2026, 1, 1), date(2026, 12, 31), "year", True, "About 2026"),
        (date(2026, 3, 1), date(2026, 6, 30), "month", True, "About March – June 2026"),
        (date(2025, 12, 1), date(2026, 1, 31), "month", False, "December 2025 – January 2026"),
        (date(2025, 9, 8), date(2025, 9, 14), "week", False, "September 8 – 14, 2025"),
        (date(2025, 9, 29), date(2025, 10, 5), "week", False, "September 29 – October 5, 2025"),
        (date(2025, 10, 31), date(2025, 10, 31), "day", True, "About October 31, 2025"),
        (date(2025, 10, 31), date(2025, 10, 31), "day", False, ""),
        (date(1901, 1, 1), date(2000, 12, 31), "century", False, "1901–2000"),
    ],
)
def test_display_date_labels(start, end, granularity, approximate, expected):
    event = Event("e1", start, end, granularity, approximate, "t", "", (), ())
    assert timelinejs.display_date(event) == expected
