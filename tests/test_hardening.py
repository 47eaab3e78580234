"""Hostile inputs and interrupted runs, end to end through the command line.

Until the tagger (``timeline.temporal.tag``) lands, these tests run the CLI with a
stand-in that finds no timexes: what they check (errors, warnings, exit codes,
atomic and deterministic outputs) does not depend on tagging.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline.temporal as temporal

ROOT = Path(__file__).resolve().parents[1]
TAGGER_LANDED = hasattr(temporal, "tag")

#: Runs ``python -m timeline ARGS`` after installing the stand-in tagger if needed and,
#: when TIMELINE_TEST_HANG is set, a hook that makes os.fsync (called by write_atomic after
#: the whole temporary file is written, before the rename) touch that file and hang.
WRAPPER = """
import os, runpy, sys, time
import timeline.temporal as temporal
if not hasattr(temporal, "tag"):
    temporal.tag = lambda text, reference, *, day_first=False: []
marker = os.environ.get("TIMELINE_TEST_HANG")
if marker:
    real_fsync = os.fsync
    def hanging_fsync(descriptor):
        real_fsync(descriptor)
        with open(marker, "w") as stream:
            stream.write("written")
        time.sleep(120)
    os.fsync = hanging_fsync
sys.argv = ["timeline", *sys.argv[1:]]
runpy.run_module("timeline", run_name="__main__")
"""


#: Runs several CLI commands (separated by "--then") in one process, to save start-up time.
SEVERAL = """
import sys
import timeline.temporal as temporal
if not hasattr(temporal, "tag"):
    temporal.tag = lambda text, reference, *, day_first=False: []
from timeline.cli import cli
arguments = " ".join(sys.argv[1:]).split(" --then ")
for command in arguments:
    try:
        cli.main(command.split(" "), prog_name="timeline", standalone_mode=False)
    except SystemExit as stop:
        if stop.code:
            raise
"""


def _no_timexes(text: str, reference: date, *, day_first: bool = False) -> list:
    return []


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    if not TAGGER_LANDED:
        monkeypatch.setattr(temporal, "tag", _no_timexes, raising=False)
    from timeline.cli import cli as command

    yield command


def _run(*args: str, env: dict[str, str] | None = None, script: str = WRAPPER) -> subprocess.Popen:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


STORY = (
    "Former officials signed the accord in April 2024, setting a January 19 deadline.\n"
    "Leaders will meet at the upcoming APEC summit in South Korea.\n"
)


def test_killed_build_leaves_the_previous_page_intact(tmp_path: Path):
    source = tmp_path / "story.txt"
    source.write_text(STORY, encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<p>the previous page</p>", encoding="utf-8")
    marker = tmp_path / "marker"
    process = _run(
        "build",
        str(source),
        "-o",
        str(page),
        "--reference-date",
        "2025-09-20",
        env={"TIMELINE_TEST_HANG": str(marker)},
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert process.poll() is None, process.communicate()[1].decode()
            assert time.monotonic() < deadline, "the build never reached the write"
            time.sleep(0.05)
        temporaries = [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]
        assert len(temporaries) == 1
        assert temporaries[0].stat().st_size > 1000  # the new page, complete but not in place
        process.kill()  # SIGKILL: no handler, no cleanup
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -9
    assert page.read_text(encoding="utf-8") == "<p>the previous page</p>"

    rebuilt = _run("build", str(source), "-o", str(page), "--reference-date", "2025-09-20")
    _, stderr = rebuilt.communicate(timeout=120)
    assert rebuilt.returncode == 0, stderr.decode()
    assert "the previous page" not in page.read_text(encoding="utf-8")
    assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_same_inputs_give_byte_identical_json_and_html(tmp_path: Path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "b.txt").write_text(STORY, encoding="utf-8")
    (inputs / "a.md").write_text("---\ndate: 2025-03-11\ntitle: Notes\n---\n" + STORY, "utf-8")
    (inputs / "c.html").write_text(f"<html><body><p>{STORY}</p></body></html>", "utf-8")
    outputs = []
    for seed in ("1", "2"):  # different hash seeds: set and dict order must not leak out
        json_path, html_path = tmp_path / f"{seed}.json", tmp_path / f"{seed}.html"
        commands = (
            f"extract {inputs} -o {json_path} --then build {inputs} -o {html_path} --title Same"
        )
        process = _run(*commands.split(" "), env={"PYTHONHASHSEED": seed}, script=SEVERAL)
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr.decode()
        outputs.append((json_path.read_bytes(), html_path.read_bytes()))
    assert outputs[0][0] == outputs[1][0]
    assert outputs[0][1] == outputs[1][1]


#: (files to create, extra arguments, exit code, lines expected on stderr, output written?)
BAD_INPUTS = [
    ({"empty.txt": b""}, (), 0, ["Warning: {d}/empty.txt: empty file: no text"], True),
    (
        {"old.txt": "Le café ouvrira en décembre 2025, à Noël.".encode("cp1252")},
        ("--reference-date", "2025-09-20"),
        0,
        ["Warning: {d}/old.txt: not valid UTF-8 (byte 6); decoded as cp1252"],
        True,
    ),
    (
        {"image.txt": b"\x89PNG\r\n\x1a\n\x00\x00"},
        (),
        1,
        ["Error: {d}/image.txt: looks like a binary file, not text"],
        False,
    ),
    (
        {"bad.tml": b"<TimeML>\n<TEXT>On <TIMEX3 tid='t1'>Friday</TEXT>\n</TimeML>\n"},
        (),
        1,
        ["Error: {d}/bad.tml:2:"],
        False,
    ),
    (
        {"bad.json": b'{"events": [1, 2,\n  ]}\n'},
        (),
        1,
        ["Error: {d}/bad.json: invalid JSON at line 2, column 3: Expecting value"],
        False,
    ),
    (
        {"bad.yaml": b"rows: [1\n"},
        (),
        1,
        ["Error: {d}/bad.yaml: invalid YAML at line 2, column 1"],
        False,
    ),
    (
        {"big.txt": b"x" * 100},
        ("--max-bytes", "10"),
        1,
        ["Error: {d}/big.txt: larger than 10 bytes (raise the limit with --max-bytes)"],
        False,
    ),
    (
        {
            "1.txt": STORY.encode(),
            "2.txt": b"\x00\x01binary",
            "3.tml": b"<TimeML><TEXT>unclosed",
            "4.md": b"---\ndate: 2025-09-20\n---\nMet on Friday.",
        },
        ("--reference-date", "2025-09-20"),
        1,
        ["Error: {d}/2.txt: looks like a binary file", "Error: {d}/3.tml:1:"],
        True,
    ),
]


@pytest.mark.parametrize(("files", "extra", "code", "lines", "written"), BAD_INPUTS)
def test_bad_inputs_are_reported_one_line_each(cli, tmp_path, files, extra, code, lines, written):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content)
    output = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["extract", str(folder), "-o", str(output), *extra])
    assert result.exit_code == code, result.output
    stderr_lines = result.stderr.splitlines()
    for expected in lines:
        wanted = expected.format(d=folder)
        assert any(line.startswith(wanted) for line in stderr_lines), result.stderr
    assert "Traceback" not in result.output
    assert output.exists() == written
    if written and len(files) > 1:
        import json

        sources = [doc["source"] for doc in json.loads(output.read_text("utf-8"))["documents"]]
        assert sources == [str(folder / "1.txt"), str(folder / "4.md")]


def test_a_100_mb_input_is_refused_at_once_without_reading_it(cli, tmp_path: Path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(100_000_000)  # sparse: no disk, no memory
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["extract", str(huge)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: {huge}: larger than 50,000,000 bytes (raise the limit with --max-bytes)"
    )
    assert time.monotonic() - started < 5


def test_standard_input_is_bounded_too(cli):
    result = CliRunner().invoke(cli, ["extract", "-", "--max-bytes", "100"], input="x" * 1000)
    assert result.exit_code == 1
    assert "Error: -: larger than 100 bytes" in result.stderr


def test_missing_input_is_a_usage_error(cli, tmp_path: Path):
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.skipif(not TAGGER_LANDED, reason="the tagger has not landed")
@pytest.mark.parametrize(
    "text",
    [
        "Scientists imagine the year 20000, when the sun is older.",
        "The city was founded around 3000 BC, long before the empire.",
        "In 10000 BC people hunted mammoths; in the year 99999 nobody knows.",
    ],
)
def test_dates_out_of_range_are_kept_as_text_but_not_plotted(text: str):
    from timeline import extract

    result = extract(text, reference_date="2025-09-20")
    for event in result.events:
        if event.start is not None:
            assert 1 <= event.start.year <= 9999
            assert "20000" not in event.date_text and "BC" not in event.date_text
    assert result.documents[0].document.text == text


def test_an_inferred_reference_is_announced_not_silent(cli, tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text("The plant will close in 2027, the owners said.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(story)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"Warning: {story}: no reference date found; inferred 2026 from the text "
        "(2027 ahead) (set --reference-date)"
    ]
