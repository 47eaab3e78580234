"""The ``timeline`` command line: a thin click layer over the library.

Every command reports bad input as one ``Error: ...`` line and a non-zero exit
code: 2 for what click rejects (unknown option, bad value, missing path), 1 for
anything found while reading or processing. Outputs are written atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from timeline import __version__
from timeline.output import OutputError, write_atomic
from timeline.pipeline import Failure, process_inputs
from timeline.settings import SettingError, parse_reference_date, setting

FORMATS: dict[str, str] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".ics": "ics",
    ".tml": "timeml",
    ".xml": "timeml",
    ".html": "html",
    ".htm": "html",
    ".png": "png",
    ".svg": "svg",
    ".pdf": "pdf",
}
EXTRACT_FORMATS = ("json", "jsonl", "csv", "ics", "timelinejs", "timeml")


class _InputPath(click.Path):
    """An existing path, ``-``, or a glob pattern to expand later."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from timeline.scale.discover import is_pattern

        if isinstance(value, str) and is_pattern(value):
            return value
        return super().convert(value, param, ctx)


INPUT_PATH = _InputPath(exists=True, allow_dash=True)
PAGE_FORMATS = ("html", "png", "svg", "pdf")


def _reference_date_option(
    _context: click.Context, _parameter: click.Parameter, value: str | None
) -> date | None:
    try:
        return parse_reference_date(value)
    except SettingError as error:
        raise click.BadParameter(str(error)) from None


def _validated(name: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A click callback that validates an option through the settings table."""

    def callback(_context: click.Context, _parameter: click.Parameter, value: Any) -> Any:
        if value is None:
            return None
        try:
            return setting(name).validate(value)
        except SettingError as error:
            raise click.BadParameter(str(error)) from None

    return callback


def pipeline_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every command that reads documents shares."""
    options = [
        click.option(
            "--reference-date",
            "reference_date",
            metavar="YYYY-MM-DD[THH:MM]",
            callback=_reference_date_option,
            help=setting("reference_date").help,
        ),
        click.option("--day-first", is_flag=True, help=setting("day_first").help),
        click.option(
            "--country",
            default=setting("country").default,
            show_default=True,
            callback=_validated("country"),
            help=setting("country").help,
        ),
        click.option(
            "--events",
            type=click.Path(exists=True, dir_okay=False),
            callback=_validated("events"),
            metavar="EVENTS.csv",
            help=setting("events").help,
        ),
        click.option("--recursive", "-r", is_flag=True, help="Also read files in sub-directories."),
        click.option(
            "--group-by",
            "group_by",
            metavar="document|COLUMN",
            default=setting("group_by").default,
            show_default=True,
            help=setting("group_by").help,
        ),
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            default=setting("max_bytes").default,
            show_default=True,
            help=setting("max_bytes").help,
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def large_run_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options of large, streamed runs (see timeline.scale)."""
    options = [
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(min=0),
            metavar="N",
            help="Process in N worker processes, streaming JSON Lines (0: all cores; "
            "1: in this process).",
        ),
        click.option(
            "--resume",
            is_flag=True,
            help="Skip the documents already in the JSON Lines output and append the rest.",
        ),
        click.option(
            "--engine",
            type=click.Choice(["local", "dask"]),
            help="Where --jobs runs: local processes (default) or a Dask cluster.",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            help="Dask scheduler address (tcp://host:8786); default: a local Dask cluster.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _expand_patterns(inputs: tuple[str, ...]) -> tuple[str, ...]:
    """Quoted glob patterns become their matches; other inputs stay as given."""
    from timeline.scale.discover import expand_pattern, is_pattern

    expanded: list[str] = []
    for argument in inputs:
        expanded.extend(expand_pattern(argument) if is_pattern(argument) else [argument])
    return tuple(expanded)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
def cli() -> None:
    """Turn text into an interactive, dated timeline.

    \b
    Examples:
      timeline demo -o out/
      timeline extract article.txt --reference-date 2025-09-20
      timeline build reports/ -o timeline.html --title "The TikTok deal"
    """


def _report_failure(failure: Failure) -> None:
    click.echo(f"Error: {failure.message}", err=True)


def _run_pipeline(inputs: tuple[str, ...], **options: Any) -> Any:
    timeline = process_inputs(
        list(_expand_patterns(inputs)), today=date.today(), on_failure=_report_failure, **options
    )
    for tagged in timeline.documents:
        for key, note in tagged.document.metadata:
            if key == "warning":
                click.echo(f"Warning: {tagged.document.source}: {note}", err=True)
        if tagged.reference.source == "today":
            click.echo(
                f"Warning: {tagged.document.source}: no reference date found; "
                f"using today, {tagged.reference.date.isoformat()} (set --reference-date)",
                err=True,
            )
        elif tagged.reference.source == "inferred":
            reference = tagged.reference
            shown = {"year": str(reference.date.year), "month": reference.date.strftime("%Y-%m")}
            click.echo(
                f"Warning: {tagged.document.source}: no reference date found; inferred "
                f"{shown.get(reference.precision, reference.date.isoformat())} from the text "
                f"({'; '.join(reference.evidence[:2])}) (set --reference-date)",
                err=True,
            )
    if not timeline.documents:
        raise click.exceptions.Exit(1)
    return timeline


def _read_jsonl(inputs: tuple[str, ...], title: str, group_by: str | None) -> Any:
    from dataclasses import replace

    from timeline.formats.json import FormatError
    from timeline.formats.structured import group_by_document
    from timeline.scale.readback import read_jsonl_files

    try:
        timeline = read_jsonl_files(inputs, title=title)
    except FormatError as error:
        raise click.ClickException(str(error)) from None
    if not timeline.documents:
        raise click.ClickException(f"{', '.join(inputs)}: no documents in the JSON Lines")
    if group_by == "document":
        events = group_by_document(timeline.events, timeline.documents)
        timeline = replace(timeline, events=events)
    return timeline


def _finish(timeline: Any) -> None:
    if timeline.failures:
        raise click.exceptions.Exit(1)


def _write(output: str | None, content: str) -> None:
    if output is None or output == "-":
        click.echo(content, nl=False)
        return
    try:
        write_atomic(output, content)
    except OutputError as error:
        raise click.ClickException(str(error)) from None


def _format_for(output: str | None, chosen: str | None, allowed: tuple[str, ...]) -> str:
    if chosen:
        return chosen
    if output and output != "-":
        guessed = FORMATS.get(Path(output).suffix.lower())
        if guessed in allowed:
            return guessed
    return allowed[0]


def _serialize(timeline: Any, fmt: str) -> str:
    from timeline.formats import serialize

    return serialize(timeline, fmt)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...", type=INPUT_PATH)
@pipeline_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXTRACT_FORMATS),
    help="Output format (default: from the output's extension, else json).",
)
@click.option("-o", "--output", metavar="PATH", help="Write here instead of standard output.")
@large_run_options
def extract(
    inputs: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    jobs: int | None,
    resume: bool,
    engine: str | None,
    scheduler: str | None,
    **options: Any,
) -> None:
    """Find and resolve every date in FILE... and print them with their events.

    FILE may be a text, Markdown, HTML or TimeML file, a directory (its files,
    sorted), a quoted glob pattern ('archive/**/*.txt'), or - for standard input.

    With --jobs, --resume or --engine, inputs are streamed through worker
    processes (or a Dask cluster) and each document is written as one JSON
    Lines record as soon as it is done, in input order.

    \b
    Examples:
      timeline extract article.txt --reference-date 2025-09-20
      timeline extract notes/ --format csv -o events.csv
      cat story.txt | timeline extract - --format jsonl
      timeline extract archive/ --jobs 4 -o archive.jsonl --resume
      timeline extract 'archive/*.txt' --engine dask --scheduler tcp://host:8786 -o out.jsonl
    """
    if jobs is not None or resume or engine is not None or scheduler is not None:
        from timeline.scale.command import run_large

        run_large(
            inputs,
            fmt=fmt,
            output=output,
            jobs=jobs,
            resume=resume,
            engine=engine,
            scheduler=scheduler,
            **options,
        )
        return
    timeline = _run_pipeline(inputs, **options)
    _write(output, _serialize(timeline, _format_for(output, fmt, EXTRACT_FORMATS)))
    _finish(timeline)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...", type=INPUT_PATH)
@pipeline_options
@click.option(
    "-o", "--output", required=True, metavar="PAGE", help="The file to write (.html, .png, ...)."
)
@click.option("--title", default=setting("title").default, help=setting("title").help)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(PAGE_FORMATS),
    help="html (default), or a static png, svg or pdf image of the chart (needs Chromium).",
)
@click.option(
    "--embed",
    is_flag=True,
    help="Write an HTML fragment (<div> + script) to paste into a CMS or report.",
)
@click.option(
    "--plotlyjs",
    default=None,
    metavar="inline|cdn|PATH",
    help="Where the page loads plotly.js from (default: inline; with --embed: cdn).",
)
def build(
    inputs: tuple[str, ...],
    output: str,
    title: str,
    fmt: str | None,
    embed: bool,
    plotlyjs: str | None,
    **options: Any,
) -> None:
    """Build an interactive timeline page from FILE... (one self-contained HTML file).

    FILE may also be the JSON Lines output of extract (--format jsonl, --jobs,
    --engine dask): its documents are read back and their events merged.

    \b
    Examples:
      timeline build article.txt -o timeline.html --reference-date 2025-09-20
      timeline build reports/ -o reports.html --title "Quarterly reports"
      timeline build archive.jsonl -o archive.html
    """
    if all(Path(name).suffix.lower() == ".jsonl" for name in inputs):
        # Streamed line by line, without the --max-bytes limit: large runs' outputs
        # can be far larger than any one document.
        timeline = _read_jsonl(inputs, title, options.get("group_by"))
    else:
        timeline = _run_pipeline(inputs, title=title, **options)
    page_format = _format_for(output, fmt, PAGE_FORMATS)
    if page_format == "html":
        default_js = "cdn" if embed else "inline"
        from timeline.render.page import RenderError

        try:
            page = timeline.to_html(embed=embed, plotlyjs=plotlyjs or default_js)
        except RenderError as error:
            raise click.ClickException(str(error)) from None
        _write(output, page)
    else:
        _write_image(timeline, output, page_format)
    click.echo(f"Wrote {output} ({len(timeline.events)} events)", err=True)
    _finish(timeline)


def _write_image(timeline: Any, output: str, page_format: str) -> None:
    from timeline.render.image import ImageExportError, export_image

    try:
        export_image(timeline, output, page_format)
    except ImageExportError as error:
        raise click.ClickException(str(error)) from None


@cli.command()
@click.argument("source", type=click.Path(exists=True), metavar="SOURCE")
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False),
    help="Folder to write the site into (default: _site beside the site.yaml).",
)
def site(source: str, output_dir: str | None) -> None:
    """Build a static site: one timeline page per input, an index, one shared plotly.js.

    SOURCE is a site.yaml (or a folder holding one) naming the inputs and their
    titles. The output folder is replaced only once the whole site has built.

    \b
    Examples:
      timeline site site/            # writes site/_site/
      timeline site site/site.yaml -o public/
    """
    from timeline.render.site import SiteEntry, SiteError, build_site, load_site_config

    try:
        config = load_site_config(source)
    except SiteError as error:
        raise click.ClickException(str(error)) from None
    entries = []
    for item in config.inputs:
        if not item.path.exists():
            raise click.ClickException(f"{item.path}: no such input (named in {source})")
        timeline = _run_pipeline((str(item.path),), reference_date=item.reference_date)
        if timeline.failures:
            raise click.exceptions.Exit(1)
        entries.append(SiteEntry(item.title, timeline, item.slug, str(item.path)))
    base = Path(source) if Path(source).is_dir() else Path(source).parent
    out = Path(output_dir) if output_dir else base / "_site"
    try:
        build_site(entries, out, title=config.title, description=config.description)
    except (SiteError, OSError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Wrote {out}/index.html ({len(entries)} timelines)")


@cli.command()
@click.option(
    "-o",
    "--output-dir",
    default="out",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Directory to write the demo page into.",
)
def demo(output_dir: str) -> None:
    """Build a timeline page from an example article shipped with timeline.

    \b
    Example:
      timeline demo -o out/   # then open out/demo.html
    """
    from timeline.demo import DEMO_REFERENCE_DATE, DEMO_TITLE, demo_path

    directory = Path(output_dir)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise click.ClickException(f"{directory}: cannot create ({error.strerror})") from None
    timeline = _run_pipeline(
        (str(demo_path()),), reference_date=DEMO_REFERENCE_DATE, title=DEMO_TITLE
    )
    page = directory / "demo.html"
    _write(str(page), timeline.to_html())
    click.echo(f"Wrote {page} ({len(timeline.events)} events): open it in a browser.")


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True), metavar="GOLD_DIR")
@click.option(
    "--system",
    type=click.Path(exists=True),
    metavar="SYS_DIR",
    help="Score these TimeML files instead of tagging the gold texts.",
)
@click.option("--errors", is_flag=True, help="List every missed, spurious or wrong timex.")
def evaluate(gold: str, system: str | None, errors: bool) -> None:
    """Score timex extraction on TimeML files with the TempEval-3 metrics.

    Each gold document's text is tagged with its own DCT as the reference date
    (or, with --system, the TimeML files of the same name are scored). Prints
    strict and relaxed precision/recall/F1 and type and value accuracy and F1.

    \b
    Examples:
      timeline eval ../shared/corpora/tbaq
      timeline eval gold/ --system ours/ --errors
    """
    from timeline.evaluate import EvaluationError, evaluate_corpus, format_report
    from timeline.formats.timeml import TimeMLError

    try:
        report = evaluate_corpus(Path(gold), system_dir=Path(system) if system else None)
    except (EvaluationError, TimeMLError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(format_report(report, errors=errors), nl=False)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="timeline")
