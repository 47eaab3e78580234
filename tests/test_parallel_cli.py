"""``timeline extract --jobs/--resume/--engine`` and ``timeline build out.jsonl`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

try:
    from timeline.cli import cli
except ImportError as error:  # the tagger or events stage has not landed yet
    pytest.skip(f"the pipeline is not complete yet ({error})", allow_module_level=True)

STORIES = {
    "2025-09-20-call.txt": (
        "Former President Joe Biden signed the law in April 2024, initially setting a "
        "January 19 deadline. The two leaders spoke by phone on Friday."
    ),
    "2025-03-02-budget.txt": (
        "The council approved the budget on Monday. A final vote is due by June 30."
    ),
    "2024-11-06-vote.md": "# Results\n\nVoters went to the polls on Tuesday, November 5.",
    "notes.txt": "The plan was first floated in 2019 and dropped two years later.",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _invoke(*arguments: str) -> Result:
    return CliRunner().invoke(cli, list(arguments), catch_exceptions=False)


def test_jobs_one_and_two_write_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = _invoke(
        "extract", str(corpus), "--jobs", "1", "-o", str(one), "--reference-date", "2025-09-20"
    )
    second = _invoke(
        "extract", str(corpus), "--jobs", "2", "-o", str(two), "--reference-date", "2025-09-20"
    )
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert first.stderr == second.stderr == ""  # nothing extra when not on a terminal
    assert two.read_bytes() == one.read_bytes()
    records = [json.loads(line) for line in one.read_text(encoding="utf-8").splitlines()]
    assert [record["document"]["source"] for record in records] == [
        str(corpus / name) for name in sorted(STORIES)
    ]
    assert {record["schema"] for record in records} == {"timeline/1"}


def test_a_record_equals_the_jsonl_of_that_document_alone(corpus: Path, tmp_path: Path) -> None:
    story = str(corpus / "2025-09-20-call.txt")
    streamed = _invoke("extract", story, "--jobs", "1")
    alone = _invoke("extract", story, "--format", "jsonl")
    assert streamed.exit_code == alone.exit_code == 0
    assert streamed.stdout == alone.stdout
    record = json.loads(streamed.stdout)
    values = [timex["value"] for timex in record["document"]["timexes"]]
    assert values[0] == "2024-04"


def test_bad_inputs_are_reported_and_the_rest_written(corpus: Path, tmp_path: Path) -> None:
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02 binary" * 100)
    output = tmp_path / "out.jsonl"
    result = _invoke(
        "extract", str(corpus), "--jobs", "2", "-o", str(output), "--reference-date", "2025-09-20"
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {corpus / 'broken.txt'}: ")
    assert result.stderr.count("\n") == 1
    assert len(output.read_text(encoding="utf-8").splitlines()) == len(STORIES)


def test_a_run_whose_only_input_fails_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 64)
    output = tmp_path / "out.jsonl"
    result = _invoke("extract", str(bad), "--jobs", "2", "-o", str(output))
    assert result.exit_code == 1 and "Error:" in result.stderr
    assert not output.exists()


def test_resume_finishes_an_interrupted_run(corpus: Path, tmp_path: Path) -> None:
    full, output = tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    options = ["--reference-date", "2025-09-20", "--jobs", "2"]
    _invoke("extract", str(corpus), "-o", str(full), *options)
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    output.write_text(lines[0] + lines[1][:40], encoding="utf-8")
    result = _invoke("extract", str(corpus), "-o", str(output), "--resume", *options)
    assert result.exit_code == 0, result.stderr
    assert output.read_bytes() == full.read_bytes()


def test_a_quoted_glob_is_expanded(corpus: Path, tmp_path: Path) -> None:
    result = _invoke(
        "extract", f"{corpus}/2025-*.txt", "--jobs", "1", "--reference-date", "2025-09-20"
    )
    sources = [json.loads(line)["document"]["source"] for line in result.stdout.splitlines()]
    assert sources == [str(corpus / "2025-03-02-budget.txt"), str(corpus / "2025-09-20-call.txt")]
    plain = _invoke(
        "extract", f"{corpus}/2025-*.txt", "--format", "jsonl", "--reference-date", "2025-09-20"
    )
    assert [json.loads(line)["document"]["source"] for line in plain.stdout.splitlines()] == sources


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--jobs", "2", "-o", "out.json"], "name the output *.jsonl"),
        (["--jobs", "2", "--format", "csv"], "write JSON Lines, not csv"),
        (["--resume"], "--resume needs -o FILE.jsonl"),
        (
            ["--engine", "local", "--scheduler", "tcp://h:8786"],
            "--scheduler goes with --engine dask",
        ),
        (["--jobs", "-1"], "-1 is not in the range"),
    ],
)
def test_options_a_large_run_cannot_honour_exit_2(
    corpus: Path, arguments: list[str], message: str
) -> None:
    result = _invoke("extract", str(corpus), *arguments)
    assert result.exit_code == 2
    assert message in result.stderr


def test_standard_input_is_refused_with_jobs() -> None:
    result = CliRunner().invoke(cli, ["extract", "-", "--jobs", "2"], input="On Friday.")
    assert result.exit_code == 2 and "standard input" in result.stderr


def test_build_reads_the_jsonl_back(corpus: Path, tmp_path: Path) -> None:
    output, page = tmp_path / "out.jsonl", tmp_path / "page.html"
    _invoke(
        "extract", str(corpus), "--jobs", "2", "-o", str(output), "--reference-date", "2025-09-20"
    )
    direct = _invoke(
        "build", str(corpus), "-o", str(tmp_path / "direct.html"), "--reference-date", "2025-09-20"
    )
    result = _invoke("build", str(output), "-o", str(page))
    assert result.exit_code == 0, result.stderr
    assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert result.stderr == direct.stderr.replace("direct.html", "page.html")


def test_build_reads_jsonl_together_with_documents(corpus: Path, tmp_path: Path) -> None:
    output, page = tmp_path / "out.jsonl", tmp_path / "p.html"
    story = corpus / "2025-09-20-call.txt"
    _invoke("extract", str(story), "--jobs", "1", "-o", str(output))
    result = _invoke("build", str(output), str(corpus / "notes.txt"), "-o", str(page))
    assert result.exit_code == 0, result.stderr
    assert page.exists()


def test_build_reports_a_torn_jsonl(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text('{"schema": "timeline/1", "docu', encoding="utf-8")
    result = _invoke("build", str(output), "-o", str(tmp_path / "p.html"))
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: {output}: line 1: invalid JSON (Unterminated string starting at)\n"
        or (result.stderr.startswith(f"Error: {output}: line 1: invalid JSON"))
    )


def test_build_of_jsonl_can_group_by_document(corpus: Path, tmp_path: Path) -> None:
    output, page = tmp_path / "out.jsonl", tmp_path / "p.html"
    _invoke(
        "extract", str(corpus), "--jobs", "1", "-o", str(output), "--reference-date", "2025-09-20"
    )
    result = _invoke("build", str(output), "-o", str(page), "--group-by", "document")
    assert result.exit_code == 0, result.stderr
    assert "2025-09-20-call.txt" in page.read_text(encoding="utf-8")


def test_guessed_reference_dates_make_one_summary_warning(corpus: Path, tmp_path: Path) -> None:
    result = _invoke("extract", str(corpus), "--jobs", "2", "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0
    assert result.stderr.startswith("Warning: 1 document(s) had no reference date: ")
    assert result.stderr.endswith("(set --reference-date)\n")
    assert result.stderr.count("\n") == 1
