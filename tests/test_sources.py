from datetime import date
from pathlib import Path

import pytest

from timeline.sources import (
    EMPTY_WARNING,
    SourceError,
    date_in_filename,
    decode_bytes,
    expand_inputs,
    find_dateline,
    html_to_text,
    read_document,
    split_front_matter,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2025-09-20-x.txt", date(2025, 9, 20)),
        ("report_2024_02_29.md", date(2024, 2, 29)),
        ("20190304.txt", date(2019, 3, 4)),
        ("notes/2001-01-01", date(2001, 1, 1)),
        ("000_01afb1542b5c7603.txt", None),
        ("APW19980807.0261.tml", None),
        ("2025-13-40.txt", None),
        ("1899-12-31.txt", None),
        ("2025-09_20.txt", None),
        ("x2025-09-20.txt", None),
        ("-", None),
    ],
)
def test_date_in_filename(name, expected):
    assert date_in_filename(name) == expected


def test_front_matter_is_split_and_read():
    body, metadata = split_front_matter("---\ntitle: Sync\ndate: 2025-03-11\n---\nHello Friday.\n")
    assert body == "Hello Friday.\n"
    assert metadata == [("title", "Sync"), ("date", "2025-03-11")]


def test_text_without_front_matter_is_unchanged():
    assert split_front_matter("--- not front matter\n") == ("--- not front matter\n", [])


def test_html_text_title_and_dates():
    html = (
        "<html><head><title>Strike &amp; deal</title>"
        '<meta property="article:published_time" content="2025-10-03T08:00:00Z">'
        "<script>var x = 'March 3';</script></head>"
        "<body><h1>Port strike</h1><p>It began on <b>September 22</b>.</p>"
        "<style>p{}</style></body></html>"
    )
    text, title, metadata = html_to_text(html)
    assert text == "Port strike\nIt began on September 22."
    assert title == "Strike & deal"
    assert metadata == [("html_date", "2025-10-03T08:00:00Z")]


def test_directory_means_known_files_sorted(tmp_path: Path):
    for name in ("b.txt", "a.md", "c.html", "skip.bin", "d.tml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.txt").write_text("x", encoding="utf-8")
    names = [Path(found).name for found in expand_inputs([str(tmp_path)])]
    assert names == ["a.md", "b.txt", "c.html", "d.tml"]
    recursive = [Path(found).name for found in expand_inputs([str(tmp_path)], recursive=True)]
    assert recursive == ["a.md", "b.txt", "c.html", "d.tml", "e.txt"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"\xef\xbb\xbfok \xff\xfe broken", "byte-order mark but is not valid utf-8"),
    ],
)
def test_bad_bytes_are_refused_with_one_line(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message) as caught:
        read_document(str(path), "d1")
    assert "\n" not in str(caught.value)


def test_missing_and_too_large_inputs(tmp_path: Path):
    with pytest.raises(SourceError, match="no such file"):
        read_document(str(tmp_path / "nope.txt"), "d1")
    big = tmp_path / "big.txt"
    big.write_text("x" * 100, encoding="utf-8")
    with pytest.raises(SourceError, match="larger than 10 bytes"):
        read_document(str(big), "d1", max_bytes=10)


def test_document_carries_metadata(tmp_path: Path):
    path = tmp_path / "2025-09-20-story.md"
    path.write_bytes("\ufeff---\ndate: 2025-09-21\n---\nOn Friday.\r\n".encode())
    document = read_document(str(path), "d7")
    assert document.id == "d7"
    assert document.text == "On Friday.\n"
    assert document.meta("date") == "2025-09-21"
    assert document.meta("filename_date") == "2025-09-20"


@pytest.mark.parametrize(
    ("data", "text", "encoding", "warned"),
    [
        ("On Friday, the café opened.".encode(), "On Friday, the café opened.", "utf-8", False),
        (b"\xef\xbb\xbfMarch 3\r\nx", "March 3\nx", "utf-8", False),
        ("Le 3 décembre".encode("utf-16"), "Le 3 décembre", "utf-16", False),
        (
            "Noël, à Paris, le 3 décembre.".encode("cp1252"),
            "Noël, à Paris, le 3 décembre.",
            "cp1252",
            True,
        ),
        (
            "Встреча состоится в пятницу, 19 сентября, в Москве.".encode("cp1251"),
            "Встреча состоится в пятницу, 19 сентября, в Москве.",
            "cp1251",
            True,
        ),
    ],
)
def test_encodings_are_detected_and_named(data, text, encoding, warned):
    decoded = decode_bytes(data, "x.txt")
    assert (decoded.text, decoded.encoding) == (text, encoding)
    assert (decoded.warning is not None) == warned
    if warned:
        assert f"decoded as {encoding}" in decoded.warning


def test_legacy_encoding_is_recorded_on_the_document(tmp_path: Path):
    path = tmp_path / "old.txt"
    path.write_bytes("The café reopened on Friday, après the strike.".encode("cp1252"))
    document = read_document(str(path), "d1")
    assert document.text == "The café reopened on Friday, après the strike."
    assert document.meta("encoding") == "cp1252"
    assert "decoded as cp1252" in (document.meta("warning") or "")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t ", b"\xef\xbb\xbf"])
def test_empty_file_is_a_document_with_a_warning(tmp_path: Path, content: bytes):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    document = read_document(str(path), "d1")
    assert document.text.strip() == ""
    assert document.meta("warning") == EMPTY_WARNING


def test_device_without_size_is_read_with_a_bound():
    with pytest.raises(SourceError, match="larger than 1,000 bytes"):
        read_document("/dev/zero", "d1", max_bytes=1000)


def test_malformed_timeml_names_line_and_column(tmp_path: Path):
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML>\n<TEXT>On <TIMEX3 tid='t1'>Friday</TEXT>\n</TimeML>\n", "utf-8")
    with pytest.raises(SourceError, match=r"bad\.tml:2:\d+: ") as caught:
        read_document(str(path), "d1")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "WASHINGTON, Sept. 20 (Reuters) - The talks went on.",
            {"dateline_month_day": "--09-20", "dateline_text": "WASHINGTON, Sept. 20 (Reuters) -"},
        ),
        ("LONDON, 20 September 2025 \u2014 Rain.", {"dateline": "2025-09-20"}),
        ("Sept. 20, 2025 \u2014 A quiet day.", {"dateline": "2025-09-20"}),
        (
            "Headline here\nSEOUL, South Korea, Friday, Oct. 31 (AP) \u2014 Leaders met.",
            {"dateline_month_day": "--10-31", "dateline_weekday": "Friday"},
        ),
        ("BERLIN, 3 Dec. 2024 -- Snow fell.", {"dateline": "2024-12-03"}),
        ("In the spring, March 3 - nothing.", {}),
        ("PARIS, Feb. 30 - Nothing valid.", {}),
        ("PARIS, Smarch 3 - Nothing valid.", {}),
        ("Some text.\nMore text.\n\n\n\nTOKYO, May 5 - too late to be a dateline.", {}),
    ],
)
def test_dateline(text, expected):
    found = dict(find_dateline(text))
    for key, value in expected.items():
        assert found[key] == value
    if not expected:
        assert found == {}


def test_html_publication_date_by_htmldate_then_our_meta(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2025-10-03T08:00:00Z">'
        "</head><body><p>Talks resume on Friday.</p></body></html>",
        "utf-8",
    )
    document = read_document(str(page), "d1")
    assert document.meta("htmldate") == "2025-10-03"
    assert document.meta("html_date") == "2025-10-03T08:00:00Z"
    assert document.text == "Talks resume on Friday."


def test_hostile_html_gives_no_date_and_no_crash(tmp_path: Path):
    page = tmp_path / "bad.html"
    page.write_text("<html><<<meta content='2025-99-99' name=date><p>x</p>" + "<" * 500, "utf-8")
    document = read_document(str(page), "d1")
    assert document.meta("htmldate") is None


def test_dangling_link_in_a_directory_is_reported_not_skipped(tmp_path: Path):
    (tmp_path / "good.txt").write_text("On Friday.", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    inputs = expand_inputs([str(tmp_path)])
    assert [Path(found).name for found in inputs] == ["gone.txt", "good.txt"]
    with pytest.raises(SourceError, match="gone.txt: no such file"):
        read_document(inputs[0], "d1")
