from datetime import date, datetime

import icalendar
import pytest
from format_samples import dated, rich_timeline

from timeline.formats import ics
from timeline.formats.json import FormatError
from timeline.model import Event, Timeline


def _vevents(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(vevent["X-TIMELINE-ID"]): vevent for vevent in calendar.walk("VEVENT")}


def test_one_vevent_per_dated_event():
    vevents = _vevents(ics.dumps(rich_timeline()))
    assert sorted(vevents) == sorted(event.id for event in dated(rich_timeline()))


@pytest.mark.parametrize(
    ("event_id", "dtstart", "dtend"),
    [
        ("e1", date(2024, 4, 1), date(2024, 5, 1)),
        ("e2", datetime(2025, 9, 26, 9), datetime(2025, 9, 26, 10)),
        ("e3", datetime(2025, 9, 27, 14, 30), datetime(2025, 9, 27, 14, 31)),
        ("e4", datetime(2025, 9, 28, 8, 0, 5), datetime(2025, 9, 28, 8, 0, 6)),
        ("e5", date(2025, 10, 31), date(2025, 11, 2)),
        ("e8", date(1990, 1, 1), date(2000, 1, 1)),
    ],
)
def test_dtend_is_exclusive(event_id, dtstart, dtend):
    vevent = _vevents(ics.dumps(rich_timeline()))[event_id]
    assert vevent.decoded("dtstart") == dtstart
    assert vevent.decoded("dtend") == dtend
    assert type(vevent.decoded("dtstart")) is type(dtstart)


def test_all_day_events_are_date_values():
    text = ics.dumps(rich_timeline())
    assert "DTSTART;VALUE=DATE:20241001" not in text
    assert "DTSTART;VALUE=DATE:20240401\r\n" in text
    assert "DTEND;VALUE=DATE:20240501\r\n" in text
    assert "DTSTART:20250926T090000\r\n" in text


def test_fields_and_escaping():
    vevent = _vevents(ics.dumps(rich_timeline()))["e6"]
    assert str(vevent["summary"]) == 'A visit "early next year" & <more>'
    assert str(vevent["description"]).startswith('Trump may visit China "early next year"')
    assert str(vevent["status"]) == "TENTATIVE"
    text = ics.dumps(rich_timeline())
    unfolded = text.replace("\r\n ", "")
    assert "more</b>\\,\\nsaid aides\\; ok." in unfolded  # RFC 5545 TEXT escaping
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_output_is_deterministic_with_stable_uids():
    first, second = ics.dumps(rich_timeline()), ics.dumps(rich_timeline())
    assert first == second
    vevent = _vevents(first)["e1"]
    uid = str(vevent["uid"])
    assert uid.startswith("e1-") and uid.endswith("@timeline.invalid")
    assert vevent.decoded("dtstamp") == datetime(
        2025, 9, 20, tzinfo=vevent.decoded("dtstamp").tzinfo
    )
    assert len({str(v["uid"]) for v in _vevents(first).values()}) == len(dated(rich_timeline()))


def test_uid_changes_with_content():
    timeline = rich_timeline()
    event = timeline.events[0]
    from dataclasses import replace

    assert ics.event_uid(event) != ics.event_uid(replace(event, title="Other"))
    assert ics.event_uid(event) == ics.event_uid(replace(event))


def test_validates_with_the_icalendar_parser():
    text = ics.dumps(rich_timeline())
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["version"]) == "2.0" and "PRODID" in calendar
    for vevent in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert required in vevent


def test_round_trip_loses_nothing():
    timeline = rich_timeline()
    back = ics.loads(ics.dumps(timeline))
    assert back.events == dated(timeline)
    assert back.title == timeline.title


def test_empty_timeline():
    text = ics.dumps(Timeline((), (), title="Empty"))
    assert ics.loads(text).events == ()


def test_reads_a_foreign_calendar():
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
        "BEGIN:VEVENT\r\nUID:a@b\r\nDTSTAMP:20250101T000000Z\r\nDTSTART;VALUE=DATE:20250704\r\n"
        "SUMMARY:Holiday\r\nCATEGORIES:Fun,Work\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:c@d\r\nDTSTAMP:20250101T000000Z\r\nDTSTART:20250705T100000\r\n"
        "DTEND:20250705T113000\r\nSUMMARY:Meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    first, second = ics.loads(text).events
    assert (first.id, first.start, first.end, first.granularity, first.title, first.group) == (
        "e1",
        date(2025, 7, 4),
        date(2025, 7, 4),
        "day",
        "Holiday",
        "Fun",
    )
    assert (second.start, second.end, second.granularity) == (
        datetime(2025, 7, 5, 10),
        datetime(2025, 7, 5, 11, 29),
        "minute",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hello", "not a valid iCalendar"),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "VEVENT 1: no DTSTART",
        ),
    ],
)
def test_reader_errors(text, message):
    with pytest.raises(FormatError, match=message):
        ics.loads(text)


def test_serialize_knows_ics_and_timelinejs():
    from timeline.formats import serialize, timelinejs

    assert serialize(rich_timeline(), "ics") == ics.dumps(rich_timeline())
    assert serialize(rich_timeline(), "timelinejs") == timelinejs.dumps(rich_timeline())


def test_csv_round_trip_keeps_every_field():
    from timeline.formats import csv as csv_format

    events = rich_timeline().events
    assert csv_format.loads(csv_format.dumps(events)) == events


@pytest.mark.parametrize("link", [",", "https://example.org/a,b;c", "media, with commas"])
def test_links_with_commas_round_trip(link):
    event = Event(
        "e1",
        date(2025, 1, 2),
        date(2025, 1, 2),
        "day",
        False,
        "T",
        "S",
        ("d1",),
        (),
        url=link,
        media=link,
    )
    (back,) = ics.loads(ics.dumps(Timeline((), (event,), title="x"))).events
    assert (back.url, back.media) == (link, link)


@pytest.mark.parametrize("text", ["\\N", "a\\nb", "x\\,y;z", "line\nbreak", "back\\\\slash"])
def test_text_with_escapes_round_trips(text):
    event = Event("e1", date(2025, 1, 2), date(2025, 1, 2), "day", False, text, text, ("d1",), ())
    back = ics.loads(ics.dumps(Timeline((), (event,), title=text)))
    assert (back.events[0].title, back.events[0].sentence, back.title) == (text, text, text)
