from datetime import date, datetime, time

import pytest

from timeline.model import Document, Reference
from timeline.reference import choose_reference, parse_metadata_date

TODAY = date(2026, 11, 27)


def _document(*metadata: tuple[str, str]) -> Document:
    return Document(id="d1", source="x.txt", text="On Friday.", metadata=metadata)


@pytest.mark.parametrize(
    ("metadata", "option", "expected_date", "expected_source"),
    [
        ((), date(2025, 9, 20), date(2025, 9, 20), "option"),
        ((("dct", "1998-01-08"),), date(2025, 9, 20), date(2025, 9, 20), "option"),
        ((("dct", "1998-01-08"),), None, date(1998, 1, 8), "metadata"),
        (
            (("date", "2025-03-11"), ("filename_date", "2020-01-01")),
            None,
            date(2025, 3, 11),
            "metadata",
        ),
        ((("html_date", "2025-10-03T08:00:00Z"),), None, date(2025, 10, 3), "metadata"),
        ((("html_date", "October 3, 2025"),), None, date(2025, 10, 3), "metadata"),
        ((("filename_date", "2020-01-01"),), None, date(2020, 1, 1), "filename"),
        (
            (("html_date", "2024-01-01"), ("htmldate", "2025-10-03")),
            None,
            date(2025, 10, 3),
            "metadata",
        ),
        (
            (("dateline", "2025-09-20"), ("filename_date", "2020-01-01")),
            None,
            date(2025, 9, 20),
            "metadata",
        ),
        ((("dateline_month_day", "--09-20"),), None, TODAY, "today"),
        ((("html_date", "not a date"),), None, TODAY, "today"),
        ((), None, TODAY, "today"),
    ],
)
def test_precedence(metadata, option, expected_date, expected_source):
    reference = choose_reference(_document(*metadata), option=option, today=TODAY)
    assert (reference.date, reference.source) == (expected_date, expected_source)
    assert reference.evidence


def test_inferred_reference_beats_today_but_not_metadata():
    inferred = Reference(date(2025, 6, 1), "inferred", "year", ("years in the text",))
    assert (
        choose_reference(_document(), option=None, today=TODAY, infer=lambda _: inferred)
        == inferred
    )
    with_filename = _document(("filename_date", "2021-05-05"))
    chosen = choose_reference(with_filename, option=None, today=TODAY, infer=lambda _: inferred)
    assert chosen.source == "filename"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-09-20", date(2025, 9, 20)),
        ("2025-02-30", None),
        ("Sept. 20, 2025", date(2025, 9, 20)),
    ],
)
def test_metadata_dates(text, expected):
    assert parse_metadata_date(text) == expected


@pytest.mark.parametrize(
    ("metadata", "option", "expected_time"),
    [
        ((), datetime(2026, 3, 14, 18, 5), time(18, 5)),
        ((), date(2026, 3, 14), None),
        ((("dct", "2013-05-12T10:30:00"),), None, time(10, 30)),
        ((("dct", "2013-05-12"),), None, None),
        ((("date", "2025-09-20 08:15:00"),), None, time(8, 15)),
        ((("html_date", "2025-10-03T08:00:00Z"),), None, time(8, 0)),
        ((("html_date", "October 3, 2025"),), None, None),
        ((("htmldate", "2025-10-03"), ("html_date", "2025-10-03T08:00:00Z")), None, time(8, 0)),
        ((("htmldate", "2025-10-03"), ("html_date", "2025-10-02T08:00:00Z")), None, None),
        ((("dct", "2013-05-12T10:30:00"),), date(2026, 3, 14), None),
    ],
)
def test_reference_time(metadata, option, expected_time):
    reference = choose_reference(_document(*metadata), option=option, today=TODAY)
    assert reference.time == expected_time
    if expected_time is not None:
        assert reference.moment == datetime.combine(reference.date, expected_time)
    else:
        assert reference.moment == reference.date


def test_dateline_evidence_quotes_the_dateline():
    document = _document(("dateline", "2025-09-20"), ("dateline_text", "LONDON, 20 Sept. 2025 -"))
    reference = choose_reference(document, option=None, today=TODAY)
    assert reference.evidence == ("dateline: LONDON, 20 Sept. 2025 -",)
