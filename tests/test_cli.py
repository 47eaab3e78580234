import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline import __version__
from timeline.cli import cli

STORY = (
    "Lawmakers passed the bill in April 2024, initially setting a January 19 deadline. "
    "The president has since extended it, most recently to December 16.\n"
    "On Friday the two leaders spoke by phone. They plan to meet early next year.\n"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def _values(record: dict) -> dict[str, tuple[str, str | None]]:
    return {
        timex["text"]: (timex["value"], timex["mod"]) for timex in record["documents"][0]["timexes"]
    }


def test_extract_json_resolves_the_story(runner: CliRunner, story: Path):
    result = runner.invoke(cli, ["extract", str(story), "--reference-date", "2025-09-20"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema"] == "timeline/1"
    assert record["documents"][0]["reference_date_source"] == "option"
    values = _values(record)
    assert values["April 2024"] == ("2024-04", None)
    assert values["January 19"] == ("2025-01-19", None)
    assert values["December 16"] == ("2025-12-16", None)
    assert values["Friday"] == ("2025-09-19", None)
    assert values["early next year"] == ("2026", "START")
    starts = {event["start"] for event in record["events"]}
    assert {"2024-04-01", "2025-01-19", "2025-12-16", "2025-09-19", "2026-01-01"} <= starts
    for event in record["events"]:
        assert event["title"] and event["sentence"]


def test_offsets_index_the_text(runner: CliRunner, story: Path):
    result = runner.invoke(cli, ["extract", str(story), "--reference-date", "2025-09-20"])
    document = json.loads(result.stdout)["documents"][0]
    for timex in document["timexes"]:
        assert document["text"][timex["start"] : timex["end"]] == timex["text"]


def test_reference_date_with_a_time_counts_hours(runner: CliRunner):
    post = "Quake felt downtown 2 hours ago. Roads reopen in 20 mins. Vigil at 7!"
    result = runner.invoke(
        cli, ["extract", "-", "--reference-date", "2026-03-14T00:40"], input=post
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["documents"][0]["reference_date"] == "2026-03-14"
    assert record["documents"][0]["reference_time"] == "00:40:00"
    assert _values(record) == {
        "2 hours ago": ("2026-03-13T22:40", None),
        "20 mins": ("2026-03-14T01:00", None),
        "7": ("2026-03-14T07:00", None),
    }


def test_stdin_and_format_from_extension(runner: CliRunner, tmp_path: Path):
    out = tmp_path / "events.csv"
    result = runner.invoke(
        cli, ["extract", "-", "--reference-date", "2025-09-20", "-o", str(out)], input=STORY
    )
    assert result.exit_code == 0, result.output
    header, *rows = out.read_text(encoding="utf-8").splitlines()
    assert header.startswith("id,start,end,granularity")
    assert any(",2025-12-16," in row for row in rows)


def test_filename_date_is_the_reference_and_today_warns(runner: CliRunner, tmp_path: Path):
    dated = tmp_path / "2025-09-20-call.txt"
    dated.write_text("They spoke on Friday.", encoding="utf-8")
    record = json.loads(runner.invoke(cli, ["extract", str(dated)]).stdout)
    assert record["documents"][0]["reference_date_source"] == "filename"
    assert _values(record)["Friday"] == ("2025-09-19", None)
    undated = tmp_path / "call.txt"
    undated.write_text("They spoke on Friday.", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(undated)])
    assert result.exit_code == 0
    if json.loads(result.stdout)["documents"][0]["reference_date_source"] == "today":
        assert "no reference date found" in result.stderr


def test_directory_reads_files_in_order(runner: CliRunner, tmp_path: Path):
    (tmp_path / "b.txt").write_text("In March 2020 it closed.", encoding="utf-8")
    (tmp_path / "a.md").write_text("---\ndate: 2021-05-05\n---\nIt opened in 2019.", "utf-8")
    result = runner.invoke(cli, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(line["document"]["source"]).name for line in lines] == ["a.md", "b.txt"]
    assert lines[0]["document"]["reference_date"] == "2021-05-05"


def test_build_writes_a_page(runner: CliRunner, story: Path, tmp_path: Path):
    page = tmp_path / "page.html"
    result = runner.invoke(
        cli,
        [
            "build",
            str(story),
            "-o",
            str(page),
            "--reference-date",
            "2025-09-20",
            "--title",
            "Deal <script>",
        ],
    )
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "Deal &lt;script&gt;" in html
    assert "<script>alert" not in html


def test_demo_builds_the_example(runner: CliRunner, tmp_path: Path):
    result = runner.invoke(cli, ["demo", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo.html").stat().st_size > 100_000
    assert "demo.html" in result.stdout


def test_version(runner: CliRunner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


@pytest.mark.parametrize("command", ["extract", "build", "demo"])
def test_help_has_examples(runner: CliRunner, command: str):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example" in result.stdout


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["extract", "missing.txt"], 2, "does not exist"),
        (["extract", "STORY", "--reference-date", "2025-13-01"], 2, "invalid reference date"),
        (["extract", "STORY", "--reference-date", "2026-03-14T25:00"], 2, "invalid reference date"),
        (["extract", "STORY", "--reference-date", "2026-03-14T18"], 2, "invalid reference date"),
        (["extract", "STORY", "--format", "pdf"], 2, "Invalid value"),
        (["extract", "BINARY"], 1, "binary"),
        (
            ["extract", "STORY", "-o", "NODIR/out.json", "--reference-date", "2025-09-20"],
            1,
            "does not exist",
        ),
    ],
)
def test_bad_input_gives_one_clear_error(runner, story, tmp_path, arguments, code, message):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02")
    replacements = {"STORY": str(story), "BINARY": str(binary)}
    arguments = [replacements.get(argument, argument) for argument in arguments]
    arguments = [a.replace("NODIR", str(tmp_path / "nodir")) for a in arguments]
    result = runner.invoke(cli, arguments)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "nodir").exists()


def test_one_bad_input_among_good_ones(runner: CliRunner, story: Path, tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00\x01\x02 binary \x00")
    out = tmp_path / "out.json"
    result = runner.invoke(
        cli, ["extract", str(story), str(bad), "--reference-date", "2025-09-20", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert result.stderr.count("Error:") == 1 and "bad.txt" in result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == 1


def test_only_input_failing_writes_nothing(runner: CliRunner, tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00")
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "previous"


GOLD = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>x</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2025-09-20" temporalFunction="false" '
    'functionInDocument="CREATION_TIME">2025-09-20</TIMEX3></DCT>\n<TEXT>\n'
    'The law was signed in <TIMEX3 tid="t1" type="DATE" value="2024-04">April 2024</TIMEX3>.\n'
    "</TEXT>\n</TimeML>\n"
)


def test_eval_scores_a_gold_directory(runner: CliRunner, tmp_path: Path):
    (tmp_path / "doc.tml").write_text(GOLD, encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 gold timexes" in result.stdout
    strict = next(line for line in result.stdout.splitlines() if line.startswith("strict"))
    assert strict.split()[1:] == ["1.0000", "1.0000", "1.0000"]


def test_eval_of_an_empty_directory_fails_clearly(runner: CliRunner, tmp_path: Path):
    result = runner.invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert "no .tml files" in result.stderr


def test_extract_timeml_round_trips(runner: CliRunner, tmp_path: Path):
    gold = tmp_path / "doc.tml"
    gold.write_text(GOLD, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(gold), "--format", "timeml"])
    assert result.exit_code == 0, result.output
    assert 'value="2024-04"' in result.stdout
    assert 'value="2025-09-20"' in result.stdout


def test_build_embed_writes_a_fragment(runner: CliRunner, story: Path, tmp_path: Path):
    fragment = tmp_path / "fragment.html"
    result = runner.invoke(
        cli, ["build", str(story), "-o", str(fragment), "--embed", "--reference-date", "2025-09-20"]
    )
    assert result.exit_code == 0, result.output
    html = fragment.read_text(encoding="utf-8")
    assert "<html" not in html.lower() and "<div" in html
    assert html.count("<script") >= 1


def test_site_builds_index_and_pages(runner: CliRunner, tmp_path: Path):
    (tmp_path / "a.txt").write_text("The bridge opened in May 1998.", encoding="utf-8")
    (tmp_path / "site.yaml").write_text(
        "title: Bridges\ninputs:\n  - path: a.txt\n"
        "    title: Opening\n    reference_date: 2020-01-01\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["site", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Opening" in index and "Bridges" in index
    assert len(list((tmp_path / "out").glob("plotly-*.js"))) == 1


def test_site_with_missing_config_fails_clearly(runner: CliRunner, tmp_path: Path):
    result = runner.invoke(cli, ["site", str(tmp_path)])
    assert result.exit_code == 1
    assert "no site.yaml" in result.stderr


EVENTS_CSV = (
    "name,aliases,start,end,city,country,source\n"
    "Acme Developer Conference,AcmeConf|Acme conference,2026-03-10,2026-03-12,"
    "Lisbon,Portugal,press release\n"
)


def test_user_events_csv_adds_named_events(runner: CliRunner, tmp_path: Path):
    events = tmp_path / "events.csv"
    events.write_text(EVENTS_CSV, encoding="utf-8")
    result = runner.invoke(
        cli,
        ["extract", "-", "--reference-date", "2026-01-05", "--events", str(events)],
        input="We will present at the upcoming AcmeConf in Lisbon.",
    )
    assert result.exit_code == 0, result.output
    (timex,) = json.loads(result.stdout)["documents"][0]["timexes"]
    assert (timex["value"], timex["interval"], timex["place"]) == (
        "2026-03-10",
        {"start": "2026-03-10", "end": "2026-03-12"},
        "Lisbon, Portugal",
    )
    assert timex["anchor"] == "named-event" and timex["timeml"] is False


def test_malformed_events_csv_is_a_usage_error(runner: CliRunner, tmp_path: Path):
    events = tmp_path / "events.csv"
    events.write_text(EVENTS_CSV.replace("2026-03-12", "2026-02-30"), encoding="utf-8")
    result = runner.invoke(cli, ["extract", "-", "--events", str(events)], input="x")
    assert result.exit_code == 2
    assert "events.csv:2" in result.stderr


def test_country_option_is_validated(runner: CliRunner):
    result = runner.invoke(cli, ["extract", "-", "--country", "USA"], input="x")
    assert result.exit_code == 2 and "two-letter" in result.stderr
