"""Property tests: every export reads back to the events it was made from."""

from dataclasses import replace
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.formats import csv as csv_format
from timeline.formats import ics, timelinejs
from timeline.formats import json as json_format
from timeline.model import Event, Timeline

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# RFC 5545 TEXT has no carriage return (our sources turn CR LF into LF before anything else).
_CHARACTERS = st.characters(blacklist_characters="\r", blacklist_categories=["Cs"])
_TEXT = st.text(_CHARACTERS, max_size=80)
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789.-", min_size=1, max_size=8)
_OPTIONAL = st.one_of(st.none(), st.text(_CHARACTERS, min_size=1, max_size=40))


@st.composite
def _dates(draw):
    start = draw(st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 1)))
    length = draw(st.integers(min_value=0, max_value=400))
    end = min(start + timedelta(days=length), date(9998, 12, 31))
    granularity = draw(st.sampled_from(["year", "quarter", "month", "week", "day", "decade"]))
    return start, end, granularity


@st.composite
def _times(draw):
    start = draw(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)))
    granularity = draw(st.sampled_from(["hour", "minute", "second"]))
    start = start.replace(microsecond=0)
    if granularity != "second":
        start = start.replace(second=0)
    minutes = draw(st.integers(min_value=0, max_value=3000))
    end = start + timedelta(minutes=minutes)
    return start, end, granularity


@st.composite
def events(draw):
    count = draw(st.integers(min_value=0, max_value=6))
    found = []
    for number in range(1, count + 1):
        kind = draw(st.sampled_from(["date", "time", "undated"]))
        if kind == "undated":
            start = end = granularity = None
        else:
            start, end, granularity = draw(_dates() if kind == "date" else _times())
        found.append(
            Event(
                id=f"e{number}",
                start=start,
                end=end,
                granularity=granularity,
                approximate=draw(st.booleans()) if start else False,
                title=draw(_TEXT),
                sentence=draw(_TEXT),
                documents=tuple(draw(st.lists(_WORD, max_size=3, unique=True))),
                timexes=tuple(draw(st.lists(_WORD, max_size=3, unique=True))),
                undated=draw(st.sampled_from(["past", "future"])) if start is None else None,
                group=draw(_OPTIONAL),
                url=draw(_OPTIONAL),
                media=draw(_OPTIONAL),
                date_text=draw(_TEXT),
            )
        )
    return tuple(found)


def _dated(found: tuple[Event, ...]) -> tuple[Event, ...]:
    return tuple(event for event in found if event.start is not None)


@FAST
@given(events(), st.text(_CHARACTERS, min_size=1, max_size=30))
def test_ics_round_trip(found, title):
    timeline = Timeline((), found, title=title)
    back = ics.loads(ics.dumps(timeline))
    assert back.events == _dated(found)
    assert back.title == title


@FAST
@given(events(), st.text(_CHARACTERS, min_size=1, max_size=30))
def test_timelinejs_round_trip(found, title):
    back = timelinejs.loads(timelinejs.dumps(Timeline((), found, title=title)))
    assert back.events == _dated(found)


@FAST
@given(events())
def test_csv_round_trip(found):
    assert csv_format.loads(csv_format.dumps(found)) == found


@FAST
@given(events())
def test_json_round_trip(found):
    timeline = Timeline((), found)
    assert json_format.loads(json_format.dumps(timeline)) == timeline


def test_json_keeps_document_metadata():
    from format_samples import rich_timeline

    from timeline.model import TaggedDocument

    timeline = rich_timeline()
    tagged = timeline.documents[0]
    notes = (("encoding", "utf-8"), ("warning", "a"), ("warning", "b"), ("dct", "2025-09-20"))
    document = TaggedDocument(replace(tagged.document, metadata=notes), tagged.timexes)
    timeline = replace(timeline, documents=(document,))
    assert json_format.loads(json_format.dumps(timeline)) == timeline
