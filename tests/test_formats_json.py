import json
from dataclasses import replace
from datetime import date, datetime, time

import pytest

from timeline.formats import csv as csv_format
from timeline.formats import json as json_format
from timeline.formats import serialize
from timeline.model import (
    Document,
    Event,
    Interval,
    Reference,
    TaggedDocument,
    Timeline,
    Timex,
)


def _timeline() -> Timeline:
    text = "Biden signed the law in April 2024. They meet Friday at 9 a.m."
    timexes = (
        Timex(
            "April 2024",
            24,
            34,
            "DATE",
            "2024-04",
            interval=Interval(date(2024, 4, 1), date(2024, 4, 30), "month"),
            rule="month-year",
            id="d1.t1",
        ),
        Timex(
            "Friday at 9 a.m.",
            46,
            62,
            "TIME",
            "2025-09-26T09:00",
            interval=Interval(datetime(2025, 9, 26, 9), datetime(2025, 9, 26, 9, 59), "hour"),
            anchor="reference",
            id="d1.t2",
        ),
        Timex(
            "APEC summit",
            0,
            0,
            "DATE",
            "2025-10-31",
            anchor="named-event",
            timeml=False,
            place="Gyeongju, South Korea",
            interval=Interval(date(2025, 10, 31), date(2025, 11, 1), "day"),
            id="d1.t3",
        ),
    )
    document = Document(
        "d1", "a.txt", text, Reference(date(2025, 9, 20), "option", "day", ("--reference-date",))
    )
    events = (
        Event(
            "e1",
            date(2024, 4, 1),
            date(2024, 4, 30),
            "month",
            False,
            "Biden signed the law",
            text[:35],
            ("d1",),
            ("d1.t1",),
            date_text="April 2024",
        ),
        Event(
            "e2",
            datetime(2025, 9, 26, 9),
            datetime(2025, 9, 26, 9, 59),
            "hour",
            False,
            "They meet",
            text[36:],
            ("d1",),
            ("d1.t2",),
            group="news",
            url="https://example.org/a",
        ),
        Event(
            "e3",
            None,
            None,
            None,
            False,
            "Reciprocal visit",
            "Later.",
            ("d1",),
            (),
            undated="future",
        ),
    )
    return Timeline((TaggedDocument(document, timexes),), events, title="T")


def test_json_follows_the_contract():
    record = json.loads(json_format.dumps(_timeline()))
    assert record["schema"] == "timeline/1"
    document = record["documents"][0]
    assert document["reference_date"] == "2025-09-20"
    assert document["reference_date_source"] == "option"
    first = document["timexes"][0]
    assert {key: first[key] for key in ("id", "text", "start", "end", "type", "value", "mod")} == {
        "id": "d1.t1",
        "text": "April 2024",
        "start": 24,
        "end": 34,
        "type": "DATE",
        "value": "2024-04",
        "mod": None,
    }
    assert first["interval"] == {"start": "2024-04-01", "end": "2024-04-30"}
    assert (first["granularity"], first["approximate"], first["anchor"]) == (
        "month",
        False,
        "absolute",
    )
    assert document["timexes"][2]["place"] == "Gyeongju, South Korea"
    assert document["timexes"][2]["timeml"] is False
    events = record["events"]
    assert events[0]["start"] == "2024-04-01" and events[0]["timexes"] == ["d1.t1"]
    assert events[1]["start"] == "2025-09-26T09:00:00"
    assert events[2]["undated"] == "future" and events[2]["start"] is None


def test_json_round_trip_loses_nothing():
    timeline = _timeline()
    assert json_format.loads(json_format.dumps(timeline)) == timeline


def test_json_keeps_a_reference_time_only_when_there_is_one():
    timeline = _timeline()
    assert "reference_time" not in json_format.dumps(timeline)
    document = timeline.documents[0].document
    clocked = replace(document, reference=replace(document.reference, time=time(18, 5)))
    timeline = replace(timeline, documents=(replace(timeline.documents[0], document=clocked),))
    record = json.loads(json_format.dumps(timeline))
    assert record["documents"][0]["reference_time"] == "18:05:00"
    assert json_format.loads(json_format.dumps(timeline)) == timeline


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "line 1, column 2"),
        ('{"schema": "other"}', "not a timeline/1"),
        ('{"schema": "timeline/1", "documents": [{}], "events": []}', "malformed"),
    ],
)
def test_json_reader_errors_are_located(text, message):
    with pytest.raises(json_format.FormatError, match=message):
        json_format.loads(text)


def test_csv_round_trip_keeps_events():
    events = _timeline().events
    assert csv_format.loads(csv_format.dumps(events)) == events


def test_csv_reader_names_the_bad_line():
    text = "id,start,end,title\ne1,2024-04-01,2024-04-30,ok\ne2,2024-99-01,,bad\n"
    with pytest.raises(json_format.FormatError, match="line 3"):
        csv_format.loads(text)


def test_jsonl_has_one_line_per_document():
    lines = serialize(_timeline(), "jsonl").splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["document"]["id"] == "d1"
    assert [event["id"] for event in record["events"]] == ["e1", "e2", "e3"]
