"""Property-based tests: the readers, inference and the tagger never crash on hostile text.

Arbitrary Unicode, mixed scripts, control characters and very long tokens: no
exception but the documented one-line errors, offsets inside the text, and the
same answer twice. ``max_examples`` stays modest so the suite stays fast.
"""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.formats import csv as csv_format
from timeline.formats import json as json_format
from timeline.formats.json import FormatError
from timeline.formats.timeml import TimeMLError, parse_timeml
from timeline.inference import infer_reference, tense_of
from timeline.model import Document
from timeline.sources import (
    SourceError,
    decode_bytes,
    document_from_text,
    find_dateline,
    html_to_text,
    split_front_matter,
)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = date(2026, 11, 27)

#: Words that make the tagger and the readers work: dates, months, weekdays, markup, scripts.
_WORDS = st.sampled_from(
    [
        "January 19",
        "Sept. 20, 2025",
        "Friday",
        "next year",
        "2024",
        "April 2024",
        "the upcoming APEC summit in South Korea",
        "last year's COP29",
        "year 20000",
        "3000 BC",
        "19th century",
        "<script>alert(1)</script>",
        "</TIMEX3>",
        "&amp;",
        "---\ndate: x\n---",
        "WASHINGTON, Sept. 20 (Reuters) -",
        "2025-13-45",
        "٢٠٢٥",
        "二〇二五年",
        "Пятница",
        "\u202e",
        "\x00",
        "\x1b[31m",
        "\r\n",
        "9" * 300,
        "May" * 200,
        "(" * 100,
        " ",
        ".",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_WORDS, st.text(max_size=20)), max_size=40).map(" ".join),
)


@FAST
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_one_line_error(data: bytes):
    try:
        decoded = decode_bytes(data, "x.txt")
    except SourceError as error:
        assert "\n" not in str(error)
        return
    assert "\r" not in decoded.text
    assert decoded.encoding


@FAST
@given(TEXTS, st.sampled_from([".txt", ".md", ".html", ""]))
def test_reading_any_text_never_crashes(text: str, suffix: str):
    document = document_from_text(text, f"x{suffix}", "d1", suffix=suffix)
    assert isinstance(document.text, str)
    assert document == document_from_text(text, f"x{suffix}", "d1", suffix=suffix)


@FAST
@given(TEXTS)
def test_html_front_matter_and_dateline_readers(text: str):
    body, _title, metadata = html_to_text(text)
    assert all(isinstance(value, str) for _, value in metadata)
    assert isinstance(body, str)
    rest, _fields = split_front_matter(text)
    assert text.endswith(rest)
    for key, value in find_dateline(text):
        assert key.startswith("dateline") and value


@FAST
@given(TEXTS)
def test_timeml_reader_raises_only_its_error(text: str):
    try:
        parse_timeml(text)
    except TimeMLError as error:
        assert "\n" not in str(error)


@FAST
@given(TEXTS)
def test_json_and_csv_readers_raise_only_their_error(text: str):
    for loads in (json_format.loads, csv_format.loads):
        try:
            loads(text)
        except FormatError as error:
            assert "\n" not in str(error)


@FAST
@given(TEXTS)
def test_inference_is_total_and_deterministic(text: str):
    document = Document(id="d1", source="x.txt", text=text)
    first = infer_reference(document, today=TODAY)
    assert first == infer_reference(document, today=TODAY)
    if first is not None:
        assert first.source == "inferred"
        assert first.evidence
        assert first.precision in ("day", "month", "year")


@FAST
@given(TEXTS, st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=50))
def test_tense_of_any_span(text: str, start: int, length: int):
    start = min(start, len(text))
    end = min(len(text), start + length)
    assert tense_of(text, start, end) in ("past", "future", None)


def _tagger():
    try:
        from timeline.temporal import tag
    except ImportError:
        return None
    return tag


@pytest.mark.skipif(_tagger() is None, reason="the tagger (timeline.temporal.tag) has not landed")
@FAST
@given(TEXTS, st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.booleans())
def test_tagger_offsets_and_determinism(text: str, reference: date, day_first: bool):
    tag = _tagger()
    assert tag is not None
    found = tag(text, reference, day_first=day_first)
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
    assert found == tag(text, reference, day_first=day_first)
