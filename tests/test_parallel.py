"""Large runs (timeline.scale): lazy inputs, ordered output, failures, resume, progress."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from itertools import count, islice
from pathlib import Path
from typing import Any

import pytest

from tests.test_formats_json import _timeline
from timeline.events.merge import merge_events, sort_and_number
from timeline.formats import serialize
from timeline.formats.json import FormatError, loads_jsonl
from timeline.scale import Processed, Progress, ResumeError, stream_extract
from timeline.scale.discover import iter_glob, iter_inputs
from timeline.scale.engines import batched, ordered_map
from timeline.scale.progress import format_duration
from timeline.scale.readback import merge_across, read_jsonl_files
from timeline.scale.sink import completed_sources
from timeline.sources import SourceError, expand_inputs

TODAY = date(2025, 9, 20)
SETTINGS = {"reference_date": None, "day_first": False, "max_bytes": 1000}


def fake_line(source: str, doc_id: str, settings: Mapping[str, Any], today: date) -> Processed:
    """A stand-in for the pipeline: BAD fails to read, BOOM crashes, SLOW lags."""
    text = Path(source).read_text(encoding="utf-8") if Path(source).exists() else None
    if text is None:
        raise SourceError(f"{source}: no such file")
    if "BAD" in text:
        raise SourceError(f"{source}: bad input")
    if "BOOM" in text:
        raise ValueError("kaboom")
    if "SLOW" in text:
        time.sleep(0.05)
    record = {"schema": "timeline/1", "document": {"id": doc_id, "source": source, "text": text}}
    reference = "today" if "TODAY" in text else "option"
    warnings = (f"{source}: odd",) if "ODD" in text else ()
    return Processed(json.dumps({**record, "events": []}), reference, warnings)


def _corpus(directory: Path, texts: list[str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(texts):
        (directory / f"doc{number:03d}.txt").write_text(text, encoding="utf-8")
    return directory


def _run(arguments: list[str], output: Path | None, **options: Any) -> tuple[Any, list[str]]:
    errors: list[str] = []
    defaults: dict[str, Any] = {"settings": SETTINGS, "today": TODAY, "jobs": 1}
    summary = stream_extract(
        arguments,
        None if output is None else str(output),
        process=fake_line,
        on_error=errors.append,
        on_warning=lambda message: errors.append(f"warning: {message}"),
        **{**defaults, **options},
    )
    return summary, errors


def _sources(output: Path) -> list[str]:
    lines = output.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["document"]["source"] for line in lines]


# --- finding inputs -------------------------------------------------------------------

TREE = ["b.txt", "a.md", "skip.bin", ".hidden.txt", "sub/c.txt", "sub/deeper/d.html", "z.htm"]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in TREE:
        path = tmp_path / "tree" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name, encoding="utf-8")
    return tmp_path / "tree"


@pytest.mark.parametrize("recursive", [False, True])
def test_directory_order_is_the_one_of_expand_inputs(tree: Path, recursive: bool) -> None:
    expected = expand_inputs([str(tree)], recursive=recursive)
    assert list(iter_inputs([str(tree)], recursive=recursive)) == expected


GLOBS = [
    ("*.txt", ["b.txt"]),
    ("*", ["a.md", "b.txt", "skip.bin", "sub", "z.htm"]),
    (".*", [".hidden.txt"]),
    ("sub/*/*.html", ["sub/deeper/d.html"]),
    ("**/*.txt", ["b.txt", "sub/c.txt"]),
    ("[ab].*", ["a.md", "b.txt"]),
    ("nothing-*.txt", []),
]


@pytest.mark.parametrize(("pattern", "expected"), GLOBS)
def test_glob_matches_sorted_and_relative_to_the_pattern(
    tree: Path, pattern: str, expected: list[str]
) -> None:
    assert list(iter_glob(f"{tree}/{pattern}")) == [f"{tree}/{name}" for name in expected]


def test_a_pattern_expands_matched_directories_and_passes_on_when_unmatched(tree: Path) -> None:
    found = list(iter_inputs([f"{tree}/s*", f"{tree}/nothing-*.txt"]))
    assert found == [f"{tree}/skip.bin", f"{tree}/sub/c.txt", f"{tree}/nothing-*.txt"]


def test_inputs_are_found_lazily() -> None:
    endless = (f"file{number}.txt" for number in count())
    assert list(islice(iter_inputs(endless), 3)) == ["file0.txt", "file1.txt", "file2.txt"]


# --- ordering and the bounded window ---------------------------------------------------


class _CountingSubmit:
    """Runs jobs at once but records how many results were pending at most."""

    def __init__(self) -> None:
        self.submitted = 0
        self.taken = 0
        self.most_pending = 0

    def __call__(self, job: Any, batch: Any) -> Any:
        self.submitted += 1
        self.most_pending = max(self.most_pending, self.submitted - self.taken)
        outer = self

        class _Done:
            def result(self) -> Any:
                outer.taken += 1
                return job(batch)

        return _Done()


def test_ordered_map_keeps_order_and_at_most_window_batches_in_flight() -> None:
    submit = _CountingSubmit()
    results = list(ordered_map(submit, lambda batch: batch, batched(range(100), 3), window=4))
    assert results == list(range(100))
    assert submit.most_pending == 4


def test_ordered_map_streams_an_endless_input() -> None:
    submit = _CountingSubmit()
    first = list(islice(ordered_map(submit, lambda b: b, batched(count(), 2), window=3), 5))
    assert first == [0, 1, 2, 3, 4]
    assert submit.submitted <= 6


@pytest.mark.parametrize("jobs", [1, 2])
def test_output_is_in_input_order_whatever_finishes_first(tmp_path: Path, jobs: int) -> None:
    texts = ["SLOW one", "two", "three", "SLOW four", "five", "six", "seven", "eight", "nine"]
    corpus = _corpus(tmp_path / "corpus", texts)
    output = tmp_path / "out.jsonl"
    summary, errors = _run([str(corpus)], output, jobs=jobs)
    assert errors == []
    assert summary.written == 9
    assert _sources(output) == [str(corpus / f"doc{n:03d}.txt") for n in range(9)]
    ids = [json.loads(line)["document"]["id"] for line in output.read_text().splitlines()]
    assert ids == [f"d{n}" for n in range(1, 10)]


def test_two_processes_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    corpus = _corpus(
        tmp_path / "corpus", [f"text {n}" + (" SLOW" * (n % 3 == 0)) for n in range(30)]
    )
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    _run([str(corpus)], one, jobs=1)
    _run([str(corpus)], two, jobs=2)
    assert two.read_bytes() == one.read_bytes()


# --- failures --------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_bad_input_is_reported_and_the_others_processed(tmp_path: Path, jobs: int) -> None:
    corpus = _corpus(tmp_path / "corpus", ["fine", "BAD", "ODD", "BOOM", "TODAY"])
    output = tmp_path / "out.jsonl"
    summary, errors = _run([str(corpus), str(tmp_path / "missing.txt")], output, jobs=jobs)
    assert errors == [
        f"{corpus}/doc001.txt: bad input",
        f"warning: {corpus}/doc002.txt: odd",
        f"{corpus}/doc003.txt: cannot process (ValueError: kaboom)",
        f"{tmp_path}/missing.txt: no such file",
    ]
    assert (summary.written, summary.failed) == (3, 3)
    assert summary.references == {"option": 2, "today": 1}
    assert _sources(output) == [f"{corpus}/doc{n:03d}.txt" for n in (0, 2, 4)]


def test_a_run_whose_every_input_fails_writes_nothing(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", ["BAD", "BAD"])
    output = tmp_path / "out.jsonl"
    summary, errors = _run([str(corpus)], output)
    assert (summary.written, summary.failed, len(errors)) == (0, 2, 2)
    assert not output.exists()


# --- resume ----------------------------------------------------------------------------


def test_resume_skips_what_is_there_and_repairs_a_torn_last_line(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", [f"text {n}" for n in range(6)])
    full, output = tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    _run([str(corpus)], full)
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    output.write_text("".join(lines[:2]) + lines[2][:25], encoding="utf-8")  # killed mid-line
    summary, errors = _run([str(corpus)], output, resume=True, jobs=2)
    assert (summary.skipped, summary.written, errors) == (2, 4, [])
    assert output.read_bytes() == full.read_bytes()


def test_resume_of_a_finished_run_adds_nothing(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", ["a", "b"])
    output = tmp_path / "out.jsonl"
    _run([str(corpus)], output)
    before = output.read_bytes()
    summary, _ = _run([str(corpus)], output, resume=True)
    assert (summary.skipped, summary.written) == (2, 0)
    assert output.read_bytes() == before


def test_resume_retries_inputs_that_failed_before(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", ["a", "BAD", "c"])
    output = tmp_path / "out.jsonl"
    _run([str(corpus)], output)
    (corpus / "doc001.txt").write_text("fixed", encoding="utf-8")
    summary, errors = _run([str(corpus)], output, resume=True)
    assert (summary.skipped, summary.written, errors) == (2, 1, [])
    assert _sources(output)[-1] == f"{corpus}/doc001.txt"
    assert json.loads(output.read_text().splitlines()[-1])["document"]["id"] == "d2"


@pytest.mark.parametrize(
    "content",
    ['{"schema": "timeline/1"}\n', "not json\n{}\n", '{"document": {"source": 3}}\n'],
)
def test_resume_refuses_a_file_that_is_not_ours(tmp_path: Path, content: str) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text(content, encoding="utf-8")
    with pytest.raises(ResumeError, match="line 1 .*cannot resume"):
        completed_sources(output)


def test_resume_of_a_missing_output_starts_afresh(tmp_path: Path) -> None:
    assert completed_sources(tmp_path / "none.jsonl") == set()


# --- progress --------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_rate_and_eta_on_a_terminal(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", ["a", "BAD", "c"])
    terminal = _Terminal()
    progress = Progress(terminal, total=3)
    _run([str(corpus)], tmp_path / "out.jsonl", progress=progress)
    progress.finish()
    shown = terminal.getvalue()
    assert "3/3 docs" in shown and "docs/s" in shown and "1 failed" in shown


def test_progress_is_silent_when_piped() -> None:
    piped = io.StringIO()
    progress = Progress(piped, total=10)
    for _ in range(10):
        progress.advance()
    progress.finish()
    assert piped.getvalue() == ""


def test_progress_status_counts_skipped_documents_but_not_in_the_rate() -> None:
    progress = Progress(io.StringIO(), total=100, skipped=50, enabled=False)
    progress._started -= 10  # ten seconds ago
    for _ in range(10):
        progress.advance()
    assert progress.status(progress._started + 10) == "60/100 docs  1.0 docs/s  ETA 40s"


@pytest.mark.parametrize(
    ("seconds", "text"), [(0.4, "0s"), (42, "42s"), (187, "3m07s"), (3725, "1h02m")]
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


# --- reading JSON Lines back (timeline build out.jsonl) ----------------------------------


def test_jsonl_reads_back_what_it_wrote() -> None:
    original = _timeline()
    back = loads_jsonl(serialize(original, "jsonl"))
    assert (back.documents, back.events) == (original.documents, original.events)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"schema": "timeline/1", "document"', "line 1: invalid JSON"),
        ('\n{"schema": "timeline/2"}\n', "line 2: not a timeline/1 JSON Lines record"),
        ('{"schema": "timeline/1", "document": {}, "events": []}', "line 1: malformed record"),
    ],
)
def test_jsonl_errors_name_the_line(text: str, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        loads_jsonl(text, source="out.jsonl")


def test_two_runs_read_together_get_unique_ids_and_merged_events(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(serialize(_timeline(), "jsonl"), encoding="utf-8")
    second.write_text(serialize(_timeline(), "jsonl"), encoding="utf-8")
    timeline = read_jsonl_files([str(first), str(second)], title="Both")
    assert [tagged.document.id for tagged in timeline.documents] == ["d1", "d2"]
    assert [timex.id for timex in timeline.documents[1].timexes] == ["d2.t1", "d2.t2", "d2.t3"]
    assert [event.id for event in timeline.events] == ["e1", "e2", "e3"]
    assert timeline.events[0].documents == ("d1", "d2")
    assert timeline.events[0].timexes == ("d1.t1", "d2.t1")


def test_merging_by_time_equals_merging_all(tmp_path: Path) -> None:
    events = list(_timeline().events)
    many = [
        replace(event, documents=(f"d{n}",), title=f"{event.title} {'again' * (n % 2)}")
        for n in range(1, 6)
        for event in reversed(events)
    ]
    assert merge_across(many) == sort_and_number(merge_events(many))


def test_an_output_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", ["a", "b"])
    output = corpus / "out.jsonl"
    _run([str(corpus)], output)
    summary, errors = _run([str(corpus)], output, resume=True)
    assert (summary.skipped, summary.written, summary.failed, errors) == (2, 0, 0, [])


_ORPHAN_SCRIPT = """
import os
from timeline.scale.engines import process_pool

def worker_pid(batch):
    return [os.getpid()]

pool = process_pool(1)
run = pool.__enter__()
print(next(run(worker_pid, [[(1, "x")]])), flush=True)
os._exit(0)  # the parent dies without shutting its pool down, as under kill -9
"""


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc (Linux)")
def test_workers_exit_when_their_parent_is_killed() -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", _ORPHAN_SCRIPT], capture_output=True, text=True, cwd=root, timeout=60
    )
    worker = int(done.stdout.strip())
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(worker)
