"""Structured inputs (tables, our own exports) through the pipeline and the CLI."""

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from format_samples import dated, rich_timeline

from timeline.formats import ics, timelinejs
from timeline.formats import json as json_format
from timeline.formats.structured import StructuredReader, group_by_document, is_structured

ROWS = (
    "Date,End Date,Title,Text,Group,URL\n"
    "April 2024,,Law signed,Biden signed the divest-or-ban law.,law,https://e.org/a\n"
    '"Oct 31 - Nov 1, 2025",,APEC summit,Leaders meet in Gyeongju.,diplomacy,\n'
    "early next year,,Visit to China,,diplomacy,\n"
    "at a later stage,,Reciprocal visit,,diplomacy,\n"
)
ARTICLE = "Biden signed the law in April 2024. The deadline was extended to December 16."


@pytest.fixture
def cli():
    try:
        from timeline.cli import cli as command
    except ImportError as error:  # the tagger or events stage has not landed yet
        pytest.skip(f"pipeline not importable yet: {error}")
    return command


def _run(cli, *arguments: str):
    return CliRunner().invoke(cli, [str(argument) for argument in arguments])


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.csv", True), ("b.JSON", True), ("c.yml", True), ("d.jsonl", True), ("e.ics", True)]
    + [("f.txt", False), ("g.html", False), ("h.tml", False)],
)
def test_is_structured(name, expected):
    assert is_structured(name) is expected


def test_extract_reads_rows_with_our_dates(cli, tmp_path: Path):
    rows = tmp_path / "rows.csv"
    rows.write_text(ROWS)
    result = _run(cli, "extract", rows, "--reference-date", "2025-09-20", "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    (document,) = record["documents"]
    assert (document["source"], document["reference_date_source"]) == (str(rows), "option")
    events = [(e["start"], e["end"], e["title"], e.get("group")) for e in record["events"]]
    assert events == [
        ("2024-04-01", "2024-04-30", "Law signed", "law"),
        ("2025-10-31", "2025-11-01", "APEC summit", "diplomacy"),
        ("2026-01-01", "2026-04-30", "Visit to China", "diplomacy"),
        (None, None, "Reciprocal visit", "diplomacy"),
    ]
    assert record["events"][0]["url"] == "https://e.org/a"
    assert record["events"][3]["undated"] == "future"
    assert [event["id"] for event in record["events"]] == ["e1", "e2", "e3", "e4"]


def test_build_draws_rows(cli, tmp_path: Path):
    rows = tmp_path / "rows.yaml"
    rows.write_text(
        "title: The TikTok deal\nreference_date: 2025-09-20\nevents:\n"
        "  - {date: April 2024, title: Law signed}\n"
        "  - {date: Q3 2025, title: Talks}\n"
    )
    page = tmp_path / "page.html"
    result = _run(cli, "build", rows, "-o", page)
    assert result.exit_code == 0, result.output
    assert "(2 events)" in result.stderr
    html = page.read_text()
    assert "Law signed" in html and "The TikTok deal" in html


def test_bad_rows_fail_cleanly_without_output(cli, tmp_path: Path):
    rows = tmp_path / "rows.csv"
    rows.write_text("date,title\n2019,ok\nblah blah,bad\n")
    page = tmp_path / "page.html"
    result = _run(cli, "build", rows, "-o", page, "--reference-date", "2025-09-20")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {rows}: line 3, column date: cannot read a date from 'blah blah'"
    ]
    assert not page.exists()


def test_text_and_rows_in_one_timeline_grouped_by_document(cli, tmp_path: Path):
    (tmp_path / "a_article.txt").write_text(ARTICLE)
    (tmp_path / "b_rows.csv").write_text(ROWS)
    result = _run(
        cli,
        *("extract", tmp_path, "--reference-date", "2025-09-20", "--group-by", "document"),
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert [d["id"] for d in record["documents"]] == ["d1", "d2"]
    events = [(e["start"], e["title"], e["documents"], e["group"]) for e in record["events"]]
    assert events == [
        ("2024-04-01", "Law signed", ["d2", "d1"], "b_rows.csv"),  # row and sentence merged
        ("2025-10-31", "APEC summit", ["d2"], "b_rows.csv"),
        ("2025-12-16", events[2][1], ["d1"], "a_article.txt"),
        ("2026-01-01", "Visit to China", ["d2"], "b_rows.csv"),
        (None, "Reciprocal visit", ["d2"], "b_rows.csv"),
    ]


def test_group_by_a_column(cli, tmp_path: Path):
    rows = tmp_path / "rows.csv"
    rows.write_text("date,title,country\n2019,a,France\n2020,b,Japan\n")
    result = _run(cli, "extract", rows, "--reference-date", "2025-09-20", "--group-by", "Country")
    assert result.exit_code == 0, result.output
    assert [e["group"] for e in json.loads(result.stdout)["events"]] == ["France", "Japan"]


def test_our_json_reads_back_unchanged(cli, tmp_path: Path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE)
    first = tmp_path / "first.json"
    assert (
        _run(cli, "extract", article, "--reference-date", "2025-09-20", "-o", first).exit_code == 0
    )
    again = _run(cli, "extract", first, "--format", "json")
    assert again.exit_code == 0, again.output
    assert json_format.loads(again.stdout) == json_format.loads(first.read_text())


@pytest.mark.parametrize("fmt", ["ics", "timelinejs", "csv", "jsonl"])
def test_exports_read_back_as_inputs(cli, tmp_path: Path, fmt: str):
    rows = tmp_path / "rows.csv"
    rows.write_text(ROWS)
    suffix = {"timelinejs": ".json", "ics": ".ics", "csv": ".csv", "jsonl": ".jsonl"}[fmt]
    exported = tmp_path / f"exported{suffix}"
    options = ("--reference-date", "2025-09-20")
    made = _run(cli, "extract", rows, *options, "--format", fmt, "-o", exported)
    assert made.exit_code == 0, made.output
    original = json.loads(_run(cli, "extract", rows, *options, "--format", "json").stdout)
    back = _run(cli, "extract", exported, "--format", "json")
    assert back.exit_code == 0, back.output
    events = json.loads(back.stdout)["events"]

    def keyed(items):
        return [(e["start"], e["end"], e["title"], e["sentence"], e.get("url")) for e in items]

    expected = [e for e in original["events"] if e["start"] or fmt in ("csv", "jsonl")]
    assert keyed(events) == keyed(expected)


def test_reader_renames_clashing_document_ids(tmp_path: Path):
    saved = tmp_path / "saved.json"
    saved.write_text(json_format.dumps(rich_timeline()))
    reader = StructuredReader(["story.txt", str(saved)], None, date(2025, 9, 20))
    (document,) = reader.read(2, str(saved))
    # d1 belongs to the first input (story.txt): the saved document becomes d3.
    assert document.document.id == "d3"
    assert document.timexes[0].id == "d3.t1"
    events = reader.events(())
    assert events[0].documents == ("d3",) and events[0].timexes == ("d3.t1",)
    assert events[4].documents == ("d3", "d2")


def test_reader_reads_our_calendar_and_timelinejs(tmp_path: Path):
    calendar = tmp_path / "a.ics"
    calendar.write_text(ics.dumps(rich_timeline()))
    slides = tmp_path / "b.json"
    slides.write_text(timelinejs.dumps(rich_timeline()))
    reader = StructuredReader([str(calendar), str(slides)], None, date(2030, 1, 1))
    first, second = reader.read(1, str(calendar)), reader.read(2, str(slides))
    assert first[0].reference.date == date(2026, 1, 1)  # the latest event start
    assert first[0].reference.source == "metadata"
    assert second[0].document.source == str(slides)
    events = reader.events(())
    # the same events from both files merge into one each, citing both files
    assert len(events) == len(dated(rich_timeline()))
    assert all(event.documents == ("d1", "d2") for event in events)


def test_group_by_document_uses_titles_then_file_names():
    timeline = rich_timeline()
    (event,) = group_by_document(timeline.events[:1], timeline.documents)
    assert event.group == "a.txt"


def test_read_one_is_the_unit_of_large_runs(tmp_path: Path):
    from dataclasses import replace

    from timeline.formats.structured import read_one
    from timeline.model import Timeline
    from timeline.settings import resolve_settings
    from timeline.sources import SourceError

    calendar = tmp_path / "a.ics"
    calendar.write_text(ics.dumps(rich_timeline()))
    settings = resolve_settings()
    tagged, events = read_one(str(calendar), "d7", settings=settings, today=date(2030, 1, 1))
    assert tagged.document.id == "d7" and tagged.document.source == str(calendar)
    assert [event.id for event in events] == [f"e{n}" for n in range(1, 10)]
    assert {event.documents for event in events} == {("d7",)}
    timeline = rich_timeline()
    second = replace(
        timeline.documents[0], document=replace(timeline.documents[0].document, id="d2")
    )
    two = tmp_path / "two.json"
    two.write_text(json_format.dumps(Timeline((timeline.documents[0], second), ())))
    with pytest.raises(SourceError, match="holds 2 documents; read it without --jobs"):
        read_one(str(two), "d1", settings=settings, today=date(2030, 1, 1))


def test_rows_with_a_start_date_column_are_a_table_not_timelinejs(tmp_path: Path):
    rows = tmp_path / "rows.json"
    rows.write_text(json.dumps({"events": [{"start_date": "2021-03", "headline": "Opening"}]}))
    reader = StructuredReader([str(rows)], date(2025, 9, 20), date(2025, 9, 20))
    reader.read(1, str(rows))
    (event,) = reader.events(())
    assert (event.start, event.end, event.title) == (date(2021, 3, 1), date(2021, 3, 31), "Opening")


def test_json_lines_with_a_repeated_document_id_is_refused():
    from timeline.formats import jsonl_line
    from timeline.formats.json import FormatError
    from timeline.formats.structured import _json_lines
    from timeline.model import Document, Reference, TaggedDocument

    reference = Reference(date(2025, 1, 1), "option")
    tagged = TaggedDocument(Document("d1", "a.txt", "x", reference), ())
    line = jsonl_line(tagged, ())
    assert len(_json_lines(line + "\n", "x.jsonl").documents) == 1
    with pytest.raises(FormatError, match="document id d1 twice"):
        _json_lines(line + "\n" + line + "\n", "x.jsonl")
