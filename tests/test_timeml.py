"""TimeML reading and writing: text offsets, DCT, gold TIMEX3, errors, round trips."""

from __future__ import annotations

import os
from datetime import date, datetime, time
from pathlib import Path

import pytest

from timeline.formats.timeml import (
    TimeMLError,
    parse_timeml,
    read_timeml,
    timeml_timexes,
    write_timeml,
)
from timeline.model import Document, Reference, Timex


def corpora_dir() -> Path | None:
    """../shared/corpora next to the checkout (or a worktree's parent), if present."""
    if "TIMELINE_CORPORA" in os.environ:
        return Path(os.environ["TIMELINE_CORPORA"])
    root = Path(__file__).resolve().parents[1]
    for base in (root.parent, root.parent.parent):
        if (base / "shared" / "corpora").is_dir():
            return base / "shared" / "corpora"
    return None


SMALL = "\n".join(
    [
        '<?xml version="1.0" ?>',
        "<TimeML>",
        "<DOCID>demo_1</DOCID>",
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2025-09-20" temporalFunction="false"'
        ' functionInDocument="CREATION_TIME">20250920</TIMEX3></DCT>',
        "<TITLE>A  small",
        " test</TITLE>",
        "<TEXT>",
        'The board <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE"'
        ' value="2025-09-19">on Friday</TIMEX3> &amp; will meet <SIGNAL sid="s1">again</SIGNAL>'
        ' in <TIMEX3 tid="t2" type="DATE" value="2026" mod="START">early next year</TIMEX3>,'
        ' <TIMEX3 tid="t3" type="DURATION" value="P6W">six weeks</TIMEX3> &lt;later&gt;.',
        "</TEXT>",
        '<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" aspect="NONE" polarity="POS"/>',
        '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>',
        "</TimeML>",
    ]
)

SMALL_TEXT = "\nThe board met on Friday & will meet again in early next year, six weeks <later>.\n"


def test_read_small_document_text_and_reference() -> None:
    result = read_timeml(SMALL)
    doc = result.document
    assert doc.text == SMALL_TEXT
    assert doc.reference == Reference(
        date=date(2025, 9, 20), source="metadata", precision="day", evidence=("TimeML DCT",)
    )
    assert doc.title == "A small test"
    assert doc.meta("docid") == "demo_1"
    assert doc.meta("dct") == "2025-09-20"


@pytest.mark.parametrize(
    ("index", "text", "type_", "value", "mod", "tid"),
    [
        (0, "on Friday", "DATE", "2025-09-19", None, "t1"),
        (1, "early next year", "DATE", "2026", "START", "t2"),
        (2, "six weeks", "DURATION", "P6W", None, "t3"),
    ],
)
def test_read_small_document_gold(
    index: int, text: str, type_: str, value: str, mod: str | None, tid: str
) -> None:
    result = read_timeml(SMALL)
    assert len(result.gold) == 3
    timex = result.gold[index]
    assert (timex.text, timex.type, timex.value, timex.mod, timex.id) == (
        text,
        type_,
        value,
        mod,
        tid,
    )
    assert result.document.text[timex.start : timex.end] == text
    assert timex.timeml


def test_read_from_path_uses_file_name(tmp_path: Path) -> None:
    path = tmp_path / "story.tml"
    path.write_text(SMALL, encoding="utf-8")
    result = read_timeml(path)
    assert result.document.id == "story"
    assert result.document.source == str(path)
    assert len(result.gold) == 3
    assert read_timeml(str(path)).document.text == SMALL_TEXT


def test_dct_with_time_and_no_dct() -> None:
    with_time = (
        '<TimeML><DCT><TIMEX3 tid="t0" type="TIME" value="1998-11-20T19:30">x</TIMEX3></DCT>'
        "<TEXT>a</TEXT></TimeML>"
    )
    reference = read_timeml(with_time).document.reference
    assert reference.date == date(1998, 11, 20)
    assert reference.time == time(19, 30)
    assert reference.moment == datetime(1998, 11, 20, 19, 30)
    assert read_timeml("<TimeML><TEXT>no date</TEXT></TimeML>").document.reference is None
    assert read_timeml(SMALL).document.reference.time is None


def test_t0_and_empty_timexes_inside_text_are_not_gold() -> None:
    source = (
        '<TimeML><TEXT><TIMEX3 tid="t0" type="DATE" value="2000-01-01">today</TIMEX3> and '
        '<TIMEX3 tid="t9" type="DATE" value="2000"/> <TIMEX3 tid="t2" type="DATE" '
        'value="1999">1999</TIMEX3></TEXT></TimeML>'
    )
    result = read_timeml(source)
    assert [t.text for t in result.gold] == ["1999"]
    assert result.document.text == "today and  1999"


@pytest.mark.parametrize(
    ("source", "message", "line", "column"),
    [
        ("<TimeML>\n<TEXT>a <b</TEXT></TimeML>", "not well-formed", 2, 11),
        ("<TimeML>\n<TEXT>open</TimeML>", "mismatched tag", 2, 13),
        ("<TimeML><DCT/></TimeML>", "no <TEXT> element", 1, 1),
        (
            '<TimeML>\n\n  <TEXT><TIMEX3 tid="t1" type="DAY" value="x">y</TIMEX3></TEXT></TimeML>',
            "TIMEX3 't1' has type 'DAY'",
            3,
            9,
        ),
        ("<TimeML><TEXT>a</TEXT>\n<TEXT>b</TEXT></TimeML>", "more than one <TEXT>", 2, 1),
        (
            '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="soon">x</TIMEX3></DCT>'
            "<TEXT>a</TEXT></TimeML>",
            "is not a date",
            1,
            1,
        ),
    ],
)
def test_malformed_input_raises_with_position(
    source: str, message: str, line: int, column: int
) -> None:
    with pytest.raises(TimeMLError) as caught:
        parse_timeml(source, name="bad.tml")
    error = caught.value
    assert message in error.message
    assert (error.file, error.line, error.column) == ("bad.tml", line, column)
    assert str(error).startswith(f"bad.tml:{line}:{column}: ")


def test_lone_surrogate_is_a_timeml_error() -> None:
    with pytest.raises(TimeMLError):
        parse_timeml("<TimeML><TEXT>a\ud800b</TEXT></TimeML>")


def test_write_replaces_what_xml_cannot_hold() -> None:
    doc = Document(id="d", source="s", text="a\ud800b\x00c")
    assert read_timeml(write_timeml(doc, [])).document.text == "a\ufffdb\ufffdc"


def test_missing_file_raises_timeml_error(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match="cannot read file"):
        read_timeml(tmp_path / "absent.tml")


def _timex(text: str, start: int, type_: str = "DATE", value: str = "X", **kw) -> Timex:
    return Timex(text=text, start=start, end=start + len(text), type=type_, value=value, **kw)


DOC_TEXT = "Signed in April 2024 & <due> by\r\nthe 2024 presidential election, for six weeks.\x01"
DOC = Document(
    id="d1",
    source="news.txt",
    text=DOC_TEXT,
    reference=Reference(date=date(2025, 9, 20), source="option"),
)
ELECTION = DOC_TEXT.index("the 2024 presidential election")
TIMEXES = [
    _timex("April 2024", DOC_TEXT.index("April"), value="2024-04"),
    _timex("2024", DOC_TEXT.index("2024 presidential"), value="2024"),
    _timex(
        "the 2024 presidential election",
        ELECTION,
        value="2024-11-05",
        timeml=False,
        anchor="named-event",
    ),
    _timex("six weeks", DOC_TEXT.index("six"), "DURATION", "P6W", mod="APPROX"),
    _timex("weeks", DOC_TEXT.index("weeks"), "DURATION", "P1W"),
]


def test_write_then_read_round_trips() -> None:
    written = write_timeml(DOC, TIMEXES)
    assert '<TIMEX3 tid="t0" type="DATE" value="2025-09-20"' in written
    back = read_timeml(written)
    assert back.document.text == DOC_TEXT.replace("\x01", "\ufffd")
    assert back.document.reference.date == date(2025, 9, 20)
    assert [(t.text, t.start, t.end, t.type, t.value, t.mod) for t in back.gold] == [
        ("April 2024", 10, 20, "DATE", "2024-04", None),
        ("2024", ELECTION + 4, ELECTION + 8, "DATE", "2024", None),
        (
            "six weeks",
            DOC_TEXT.index("six"),
            DOC_TEXT.index("six") + 9,
            "DURATION",
            "P6W",
            "APPROX",
        ),
    ]
    assert [t.id for t in back.gold] == ["t1", "t2", "t3"]


def test_write_escapes_text_and_attributes() -> None:
    doc = Document(id="a<b", source="s", text="x & y")
    written = write_timeml(doc, [_timex("y", 4, value='"q"&<')])
    assert "<DOCID>a&lt;b</DOCID>" in written
    assert 'value="&quot;q&quot;&amp;&lt;"' in written
    assert "<DCT>" not in written
    assert read_timeml(written).gold[0].value == '"q"&<'


def test_write_rejects_span_outside_text() -> None:
    with pytest.raises(ValueError, match="outside the text"):
        write_timeml(DOC, [_timex("far", len(DOC_TEXT) + 2)])


@pytest.mark.parametrize(
    ("spans", "kept"),
    [
        ([(0, 10), (2, 5)], [(0, 10)]),  # nested: the outer one
        ([(0, 4), (2, 9)], [(2, 9)]),  # overlapping: the longer one
        ([(0, 4), (3, 7)], [(0, 4)]),  # a tie: the earlier one
        ([(5, 8), (0, 3), (3, 5)], [(0, 3), (3, 5), (5, 8)]),  # touching spans all stay
        ([(0, 0), (1, 2)], [(1, 2)]),  # empty spans go
    ],
)
def test_timeml_timexes_resolves_overlaps(
    spans: list[tuple[int, int]], kept: list[tuple[int, int]]
) -> None:
    timexes = [Timex("x" * (e - s), s, e, "DATE", "2000") for s, e in spans]
    assert [(t.start, t.end) for t in timeml_timexes(timexes)] == kept


CORPORA = corpora_dir()


@pytest.mark.skipif(CORPORA is None, reason="../shared/corpora not present")
@pytest.mark.parametrize(
    ("corpus", "files", "timexes"), [("tbaq", 256, 1822), ("wikiwars-train", 16, 2139)]
)
def test_corpus_counts_and_round_trip(corpus: str, files: int, timexes: int) -> None:
    assert CORPORA is not None
    paths = sorted((CORPORA / corpus).rglob("*.tml"))
    assert len(paths) == files
    total = 0
    for path in paths:
        result = read_timeml(path)
        assert result.document.reference is not None
        for timex in result.gold:
            assert result.document.text[timex.start : timex.end] == timex.text
        back = read_timeml(write_timeml(result.document, result.gold))
        assert back.document.text == result.document.text
        assert [(t.start, t.end, t.type, t.value, t.mod) for t in back.gold] == [
            (t.start, t.end, t.type, t.value, t.mod) for t in result.gold
        ]
        total += len(result.gold)
    assert total == timexes
