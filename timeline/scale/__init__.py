"""Large runs: stream many inputs through worker processes or Dask into JSON Lines.

    >>> from datetime import date
from pathlib import Path
    >>> summary = stream_extract(["articles/"], "out.jsonl", settings={...},
    ...                          today=date.today(), jobs=2)   # doctest: +SKIP

Inputs are found lazily (:mod:`.discover`), processed in batches by the same
per-document function in every engine (:mod:`.worker`, :mod:`.engines`), and
written as JSON Lines in input order as they arrive (:mod:`.sink`). Memory
stays flat in the number of documents: no stage holds the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from timeline.scale.discover import iter_inputs
from timeline.scale.engines import EngineError, all_cores, batch_size, batched, open_engine
from timeline.scale.progress import Progress
from timeline.scale.sink import JsonlSink, ResumeError, completed_sources
from timeline.scale.worker import DocumentFunction, DocumentJob, Outcome, Processed

__all__ = [
    "EngineError",
    "Outcome",
    "Processed",
    "Progress",
    "ResumeError",
    "RunSummary",
    "all_cores",
    "iter_inputs",
    "stream_extract",
]


@dataclass
class RunSummary:
    """What a large run did."""

    written: int = 0
    skipped: int = 0
    failed: int = 0
    #: How many documents took their reference date from where (``inferred``, ``today``...).
    references: dict[str, int] = field(default_factory=dict)


def stream_extract(
    arguments: Iterable[str],
    output: str | None,
    *,
    settings: Mapping[str, Any],
    today: date,
    jobs: int,
    engine: str = "local",
    scheduler: str | None = None,
    resume: bool = False,
    recursive: bool = False,
    process: DocumentFunction | None = None,
    on_error: Callable[[str], None] = lambda _message: None,
    on_warning: Callable[[str], None] = lambda _message: None,
    progress: Progress | None = None,
) -> RunSummary:
    """Process every input and write one JSON Lines record per document, in input order.

    ``output`` None or ``-`` is standard output. With ``resume`` the documents
    whose source is already in ``output`` are skipped and new records appended.
    ``process`` replaces the per-document function (tests). Failed inputs are
    passed to ``on_error`` and counted, readers' warnings to ``on_warning``.
    Raises :class:`ResumeError`, :class:`EngineError` or
    :class:`timeline.output.OutputError`.
    """
    summary = RunSummary()
    done = completed_sources(output) if resume and output not in (None, "-") else set()
    sink = JsonlSink(output, append=resume)
    job = DocumentJob(dict(settings), today, process)

    def pending() -> Iterator[tuple[int, str]]:
        inputs = (s for s in iter_inputs(arguments, recursive=recursive) if not _is(s, output))
        for number, source in enumerate(inputs, 1):
            if source in done:
                summary.skipped += 1
            else:
                yield number, source

    if engine == "local" and jobs > 1:
        job.warm_up()
    try:
        with open_engine(engine, jobs=jobs, scheduler=scheduler) as run:
            for outcome in run(job, batched(pending(), batch_size(engine))):
                _record(outcome, sink, summary, on_error, on_warning)
                if progress is not None:
                    progress.skipped = summary.skipped
                    progress.advance(failed=outcome.error is not None)
    finally:
        sink.close()
    summary.written = sink.written
    return summary


def _is(source: str, output: str | None) -> bool:
    """Whether input ``source`` is the output itself (an output inside the input folder)."""
    if output in (None, "-") or Path(source).name != Path(output).name:
        return False
    return Path(source).resolve() == Path(output).resolve()


def _record(
    outcome: Outcome,
    sink: JsonlSink,
    summary: RunSummary,
    on_error: Callable[[str], None],
    on_warning: Callable[[str], None],
) -> None:
    if outcome.line is None:
        summary.failed += 1
        on_error(outcome.error or f"{outcome.source}: cannot process")
        return
    sink.write(outcome.line)
    summary.references[outcome.reference] = summary.references.get(outcome.reference, 0) + 1
    for warning in outcome.warnings:
        on_warning(warning)
