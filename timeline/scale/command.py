"""The ``timeline extract --jobs/--resume/--engine`` command body (click side).

Kept apart from :mod:`timeline.cli` so that the CLI module only routes to it.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from timeline.output import OutputError
from timeline.scale import (
    EngineError,
    Progress,
    ResumeError,
    all_cores,
    iter_inputs,
    stream_extract,
)
from timeline.settings import SettingError, resolve_settings
from timeline.sources import STDIN

#: Output extensions that name another format than JSON Lines.
_OTHER_FORMATS = (".json", ".csv", ".tml", ".xml", ".html", ".htm")


def check_options(
    inputs: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    resume: bool,
    engine: str | None,
    scheduler: str | None,
) -> str:
    """Reject option combinations a large run cannot honour; return the engine name."""
    if fmt not in (None, "jsonl"):
        raise click.UsageError(f"--jobs/--resume/--engine write JSON Lines, not {fmt}")
    if fmt is None and output and Path(output).suffix.lower() in _OTHER_FORMATS:
        raise click.UsageError(
            f"--jobs/--resume/--engine write JSON Lines: name the output *.jsonl, not {output}"
        )
    if resume and (output is None or output == "-"):
        raise click.UsageError("--resume needs -o FILE.jsonl to resume")
    if STDIN in inputs:
        raise click.UsageError("standard input (-) cannot be read with --jobs/--resume/--engine")
    if scheduler is not None and engine == "local":
        raise click.UsageError("--scheduler goes with --engine dask")
    return "dask" if scheduler is not None else (engine or "local")


def run_large(
    inputs: tuple[str, ...],
    *,
    fmt: str | None,
    output: str | None,
    jobs: int | None,
    resume: bool,
    engine: str | None,
    scheduler: str | None,
    recursive: bool = False,
    **options: Any,
) -> None:
    """Stream ``inputs`` through ``jobs`` workers into JSON Lines; exit 1 if any failed."""
    engine_name = check_options(inputs, fmt, output, resume, engine, scheduler)
    try:
        settings = resolve_settings(**options)
    except SettingError as error:
        raise click.ClickException(str(error)) from None
    workers = jobs or all_cores()
    stderr = sys.stderr
    total = sum(1 for _ in iter_inputs(inputs, recursive=recursive)) if stderr.isatty() else None
    progress = Progress(stderr, total)
    today = date.today()
    try:
        summary = stream_extract(
            inputs,
            output,
            settings=settings,
            today=today,
            jobs=workers,
            engine=engine_name,
            scheduler=scheduler,
            resume=resume,
            recursive=recursive,
            on_error=lambda message: progress.message(f"Error: {message}"),
            on_warning=lambda message: progress.message(f"Warning: {message}"),
            progress=progress,
        )
    except (ResumeError, EngineError, OutputError) as error:
        progress.finish()
        raise click.ClickException(str(error)) from None
    except KeyboardInterrupt:
        progress.finish()
        hint = " with --resume" if output not in (None, "-") else ""
        raise click.ClickException(f"interrupted; rerun the same command{hint} to go on") from None
    progress.finish()
    _reference_warning(summary.references, today)
    if summary.written + summary.skipped + summary.failed == 0:
        raise click.ClickException("no input files found")
    if progress.enabled and output not in (None, "-"):
        click.echo(
            f"Wrote {summary.written:,} document(s) to {output}"
            + (f", skipped {summary.skipped:,} already there" if summary.skipped else ""),
            err=True,
        )
    if summary.failed:
        raise click.exceptions.Exit(1)


def _reference_warning(references: dict[str, int], today: date) -> None:
    """One line for all the documents whose reference date was guessed, not read.

    A normal run warns once per document; an archive would drown in them.
    """
    inferred, fallback = references.get("inferred", 0), references.get("today", 0)
    if not inferred and not fallback:
        return
    parts = []
    if inferred:
        parts.append(f"{inferred:,} inferred from the text")
    if fallback:
        parts.append(f"{fallback:,} set to today, {today.isoformat()}")
    click.echo(
        f"Warning: {inferred + fallback:,} document(s) had no reference date: "
        f"{'; '.join(parts)} (set --reference-date)",
        err=True,
    )
