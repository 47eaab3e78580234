from datetime import date
from pathlib import Path

import pytest

from timeline.sources import (
    SourceError,
    date_in_filename,
    expand_inputs,
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
        (b"caf\xe9 on Friday", "not valid UTF-8"),
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
