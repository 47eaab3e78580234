import json
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.formats import table
from timeline.formats.json import FormatError
from timeline.model import Interval, Timex

REFERENCE = date(2025, 9, 20)

# A stand-in tagger for the table mechanics: each known text gives these timexes.
_FAKE = {
    "April 2024": [("2024-04", date(2024, 4, 1), date(2024, 4, 30), "month", False)],
    "2024-04-24": [("2024-04-24", date(2024, 4, 24), date(2024, 4, 24), "day", False)],
    "early 2026": [("2026", date(2026, 1, 1), date(2026, 4, 30), "year", True)],
    "Oct 31 - Nov 1, 2025": [
        ("2025-10-31", date(2025, 10, 31), date(2025, 10, 31), "day", False),
        ("2025-11-01", date(2025, 11, 1), date(2025, 11, 1), "day", False),
    ],
    "Dec 30 - Jan 2, 2026": [
        ("2026-12-30", date(2026, 12, 30), date(2026, 12, 30), "day", False),
        ("2026-01-02", date(2026, 1, 2), date(2026, 1, 2), "day", False),
    ],
    "2019": [("2019", date(2019, 1, 1), date(2019, 12, 31), "year", False)],
    "2021": [("2021", date(2021, 1, 1), date(2021, 12, 31), "year", False)],
    "2024-04-24 14:30": [
        (
            "2024-04-24T14:30",
            datetime(2024, 4, 24, 14, 30),
            datetime(2024, 4, 24, 14, 30),
            "minute",
            False,
        )
    ],
    "the past": [("PAST_REF", None, None, None, False)],
}


def fake_tag(text: str, reference: date) -> list[Timex]:
    found = []
    for value, start, end, granularity, approximate in _FAKE.get(text, []):
        interval = None if start is None else Interval(start, end, granularity, approximate)
        part = text.split(" - ")[len(found)] if " - " in text else text
        found.append(Timex(part, 0, len(part), "DATE", value, interval=interval))
    return found


def read(text: str, kind: str = "csv", **options):
    options.setdefault("tagger", fake_tag)
    return table.read_table(
        textwrap.dedent(text), kind=kind, reference=REFERENCE, source="t", **options
    )


def test_csv_rows_become_events():
    events = read(
        """\
        Date,End Date,Title,Text,Group,URL,Media
        April 2024,,Law signed,Biden signed the law.,law,https://e.org/a,https://e.org/a.jpg
        "Oct 31 - Nov 1, 2025",,APEC summit,,,,
        early 2026,,,Trump may visit China early next year. More text.,,,
        later,,Reciprocal visit,,,,
        """
    )
    law, summit, visit, later = events
    assert (law.id, law.start, law.end, law.granularity, law.title) == (
        "d1.r1",
        date(2024, 4, 1),
        date(2024, 4, 30),
        "month",
        "Law signed",
    )
    assert (law.sentence, law.group, law.url, law.media, law.documents, law.date_text) == (
        "Biden signed the law.",
        "law",
        "https://e.org/a",
        "https://e.org/a.jpg",
        ("d1",),
        "April 2024",
    )
    assert (summit.start, summit.end, summit.granularity) == (
        date(2025, 10, 31),
        date(2025, 11, 1),
        "day",
    )
    assert (visit.start, visit.end, visit.approximate, visit.title) == (
        date(2026, 1, 1),
        date(2026, 4, 30),
        True,
        "Trump may visit China early next year.",
    )
    assert (later.start, later.undated, later.date_text) == (None, "future", "later")


@pytest.mark.parametrize(
    ("date_text", "end_text", "expected"),
    [
        ("2019", "2021", (date(2019, 1, 1), date(2021, 12, 31), "year", None)),
        ("April 2024", "2024-04-24", (date(2024, 4, 1), date(2024, 4, 24), "month", None)),
        ("Dec 30 - Jan 2, 2026", "", (date(2025, 12, 30), date(2026, 1, 2), "day", None)),
        (
            "2024-04-24 14:30",
            "2024-04-24",
            (datetime(2024, 4, 24, 14, 30), datetime(2024, 4, 24, 23, 59), "day", None),
        ),
        ("", "", (None, None, None, "future")),
        ("TBD", "", (None, None, None, "future")),
        ("At a later stage.", "", (None, None, None, "future")),
        ("In the past", "", (None, None, None, "past")),
        ("the past", "", (None, None, None, "past")),
    ],
)
def test_date_columns(date_text, end_text, expected):
    rows = [{"date": date_text, "end_date": end_text, "title": "x"}]
    (event,) = read(json.dumps(rows), "json")
    assert (event.start, event.end, event.granularity, event.undated) == expected


def test_column_names_are_case_insensitive_with_aliases():
    (event,) = read("START DATE,Headline,Description,Category,Link\n2019,T,S,G,https://x.org\n")
    assert (event.start, event.title, event.sentence, event.group, event.url) == (
        date(2019, 1, 1),
        "T",
        "S",
        "G",
        "https://x.org",
    )


def test_timelinejs_spreadsheet_columns():
    text = (
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text\n"
        "2024,4,24,,,,,,,Day,\n"
        "2024,4,,,,,,,Spring,Month,\n"
        "2019,,,,2021,,,,,Years,\n"
    )
    seen = []

    def tagger(text, reference):
        seen.append(text)
        return fake_tag(text, reference)

    day, month, years = read(text, tagger=tagger)
    assert seen == ["April 2024", "2019", "2021"]  # 2024-04-24 needs no tagger
    assert (day.start, month.start, month.date_text) == (
        date(2024, 4, 24),
        date(2024, 4, 1),
        "Spring",
    )
    assert (years.start, years.end) == (date(2019, 1, 1), date(2021, 12, 31))


def test_reference_dates_per_row_and_fixed():
    seen = []

    def tagger(text, reference):
        seen.append(reference)
        return fake_tag("2019", reference)

    rows = {"reference_date": "2020-01-01", "events": [{"date": "x", "title": "a"}]}
    rows["events"].append({"date": "y", "title": "b", "reference_date": "2021-02-03"})
    read(json.dumps(rows), "json", tagger=tagger)
    read(json.dumps(rows), "json", tagger=tagger, fixed_reference=True)
    assert seen == [date(2020, 1, 1), date(2021, 2, 3), REFERENCE, REFERENCE]


def test_yaml_rows_with_native_dates(tmp_path: Path):
    path = tmp_path / "rows.yml"
    path.write_text("title: Deal\nevents:\n  - date: 2024-04-24\n    title: Signed\n    text: ok\n")
    (event,) = table.read_table(path, reference=REFERENCE, tagger=fake_tag)
    assert (event.start, event.title, event.sentence) == (date(2024, 4, 24), "Signed", "ok")
    assert table.parse_table(path).title == "Deal"


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        ("", "csv", "empty CSV file"),
        ("title,text\na,b\n", "csv", "line 1: no date column"),
        (
            "date,title\n2019,ok\nnonsense,bad\n",
            "csv",
            "t: line 3, column date: cannot read a date",
        ),
        ("date,title\n2019,a,b\n", "csv", "line 2: 3 cells but the header names 2"),
        ('date,title\n"2019,ok\n', "csv", "line 2"),
        ("date,end_date,title\n2021,2019,a\n", "csv", "line 2, column end_date: '2019' is before"),
        ("date,title,text\n2019,,\n", "csv", "line 2, column title: a row needs a title or a text"),
        ("date,title,url\n2019,a,javascript:alert(1)\n", "csv", "column url: not a web link"),
        ("date,title,media\n2019,a,data:image/png;base64\n", "csv", "column media: not a web link"),
        (
            "date,end_date,title\nlater,2019,a\n",
            "csv",
            "column end_date: an end date for an undated",
        ),
        ('[{"date": "2019"', "json", "invalid JSON at line 1, column 17"),
        ('{"rows": 3}', "json", "expected a list of rows"),
        ('[{"date": "2019", "title": "a"}, 5]', "json", "row 2: expected an object"),
        ('[{"date": "2019", "title": ["a"]}]', "json", "row 1, column title: expected text"),
        ('{"reference_date": "soon", "events": []}', "json", "top level, column reference_date"),
        ('[{"date": "2019", "title": "a", "reference_date": "x"}]', "json", "row 1, column refer"),
        ("- date: 2019\n  title: [a\n", "yaml", "invalid YAML at line 3, column 1"),
        ("a: b", "yaml", "expected a list of rows"),
        ("x", "xls", "unknown table kind"),
        ("date,title\n2025-02-30,a\n", "csv", "line 2, column date: cannot read a date"),
    ],
)
def test_errors_name_the_place(text, kind, message):
    with pytest.raises(FormatError) as caught:
        read(text, kind)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "future"),
        ("later", "future"),
        ("  TBA ", "future"),
        ("previously", "past"),
        ("2019", None),
        ("later in 2019", None),
    ],
)
def test_undated_side(text, expected):
    assert table.undated_side(text) == expected


def test_titles_from_long_texts_are_cut_at_a_word():
    text = "word " * 30
    (event,) = read(json.dumps([{"date": "2019", "text": text}]), "json")
    assert event.title.endswith("…") and len(event.title) <= 70 and "  " not in event.title


def _real_tag():
    try:
        from timeline.temporal import tag
    except ImportError:
        pytest.skip("the tagger (timeline.temporal.tag) has not landed yet")
    return tag


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("early 2026", (date(2026, 1, 1), date(2026, 4, 30), True)),
        ("Q3 2025", (date(2025, 7, 1), date(2025, 9, 30), False)),
        ("Oct 31 - Nov 1, 2025", (date(2025, 10, 31), date(2025, 11, 1), False)),
        ("2024-04-24", (date(2024, 4, 24), date(2024, 4, 24), False)),
        ("March 2019", (date(2019, 3, 1), date(2019, 3, 31), False)),
        ("next year", (date(2026, 1, 1), date(2026, 12, 31), False)),
        ("2021-03", (date(2021, 3, 1), date(2021, 3, 31), False)),
        ("2024/04/24", (date(2024, 4, 24), date(2024, 4, 24), False)),
        ("31/10/2025", (date(2025, 10, 31), date(2025, 10, 31), False)),
        ("January–March 2020", (date(2020, 1, 1), date(2020, 3, 31), False)),
        ("Dec 30 - Jan 2, 2026", (date(2025, 12, 30), date(2026, 1, 2), False)),
        ("March 5 – 9, 2021", (date(2021, 3, 5), date(2021, 3, 9), False)),
        ("Nov 2024 - Feb 2025", (date(2024, 11, 1), date(2025, 2, 28), False)),
        (
            "April 24, 2024 at 2:30 pm",
            (datetime(2024, 4, 24, 14, 30), datetime(2024, 4, 24, 14, 30), False),
        ),
    ],
)
def test_free_text_dates_with_our_extractor(cell, expected):
    _real_tag()
    rows = json.dumps([{"date": cell, "title": "x"}])
    (event,) = table.read_table(rows, kind="json", reference=REFERENCE)
    assert (event.start, event.end, event.approximate) == expected


_CELLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["2024-04-24", "Q3 2025", "later", "", "date", "title", '"', ",", "\n"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_CELLS, max_size=5), max_size=6), st.sampled_from(["csv", "json", "yaml"]))
def test_any_table_gives_events_or_one_located_error(rows, kind):
    header = "date,title,text\n"
    if kind == "csv":
        text = header + "\n".join(",".join(row) for row in rows)
    elif kind == "json":
        text = json.dumps([dict(zip(("date", "title", "text"), row, strict=False)) for row in rows])
    else:
        text = "\n".join(f"- date: {row[0] if row else ''}" for row in rows) or "[]"
    try:
        events = read(text, kind, tagger=fake_tag)
    except FormatError as error:
        assert "\n" not in str(error)
        return
    assert all(event.id.startswith("d1.r") for event in events)
