from pathlib import Path

import pytest

from timeline.output import OutputError, write_atomic


def test_write_replaces_whole_file_and_leaves_no_temporaries(tmp_path: Path):
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new content")
    assert target.read_text(encoding="utf-8") == "new content"
    assert [path.name for path in tmp_path.iterdir()] == ["page.html"]


def test_missing_directory_is_a_clear_error(tmp_path: Path):
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "page.html", "x")
