"""The pipeline glue: inputs -> documents -> reference -> timexes -> events.

The CLI and the public API both go through :func:`process_inputs` or
:func:`extract`; each stage lives in its own module.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from timeline.events import build_events
from timeline.model import Document, Event, TaggedDocument, Timeline, Timex
from timeline.reference import Inferrer, with_reference
from timeline.settings import resolve_settings, setting
from timeline.sources import SourceError, document_from_text, expand_inputs, read_document
from timeline.temporal import tag


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed, with a one-line reason."""

    source: str
    message: str


def _inferrer(today: date) -> Inferrer:
    """Reference inference from the text, with the run's ``today`` for tie-breaks."""
    from timeline.inference import infer_reference

    return functools.partial(infer_reference, today=today)


def _day(reference: date | None) -> date | None:
    """The calendar day of a ``--reference-date`` (structured rows are dated by day)."""
    return reference.date() if isinstance(reference, datetime) else reference


def tag_document(document: Document, *, settings: Mapping[str, Any], today: date) -> TaggedDocument:
    """Fix the document's reference date and find its timexes (ids ``d1.t1``...).

    ``settings`` is a resolved settings table (:func:`resolve_settings`).
    """
    document = with_reference(
        document, option=settings["reference_date"], today=today, infer=_inferrer(today)
    )
    assert document.reference is not None
    found = tag(
        document.text,
        document.reference.moment,
        day_first=bool(settings["day_first"]),
        country=settings["country"],
        events=settings["events"],
    )
    return TaggedDocument(document, _numbered(found, document.id))


def _numbered(timexes: Iterable[Timex], doc_id: str) -> tuple[Timex, ...]:
    return tuple(
        replace(timex, id=f"{doc_id}.t{number}") for number, timex in enumerate(timexes, 1)
    )


def process_document(
    source: str, doc_id: str, *, settings: Mapping[str, Any], today: date
) -> tuple[TaggedDocument, tuple[Event, ...]]:
    """Read, tag and build the events of one input on its own (the unit of large runs).

    ``settings`` is a resolved settings table (:func:`resolve_settings`). Raises
    :class:`SourceError` when the input cannot be read.
    """
    from timeline.formats.structured import is_structured, read_one

    if is_structured(source):
        return read_one(source, doc_id, settings=settings, today=today)
    document = read_document(source, doc_id, max_bytes=settings["max_bytes"])
    tagged = tag_document(document, settings=settings, today=today)
    return tagged, build_events([tagged])


def process_inputs(
    arguments: Sequence[str],
    *,
    today: date,
    recursive: bool = False,
    on_failure: Callable[[Failure], None] | None = None,
    **options: object,
) -> Timeline:
    """Read, tag and build events for every input; failures are reported, not raised.

    ``options`` are names from :mod:`timeline.settings`.
    """
    from timeline.formats.structured import StructuredReader, group_by_document, is_structured

    settings = resolve_settings(**options)
    tagged: list[TaggedDocument] = []
    documents: list[TaggedDocument] = []  # every input's, in input order
    failures: list[str] = []
    sources = expand_inputs(arguments, recursive=recursive)
    structured = StructuredReader(
        sources,
        _day(settings["reference_date"]),
        today,
        day_first=settings["day_first"],
        max_bytes=settings["max_bytes"],
        group_column=settings["group_by"],
    )
    for number, source in enumerate(sources, 1):
        try:
            if is_structured(source):
                documents.extend(structured.read(number, source))
                continue
            document = read_document(source, f"d{number}", max_bytes=settings["max_bytes"])
            tagged.append(tag_document(document, settings=settings, today=today))
            documents.append(tagged[-1])
        except SourceError as error:
            failure = Failure(source, str(error))
            failures.append(failure.message)
            if on_failure is not None:
                on_failure(failure)
    events = structured.events(build_events(tagged))
    if settings["group_by"] == "document":
        events = group_by_document(events, documents)
    title = settings["title"]
    if title == setting("title").default:
        title = structured.title() or title
    return Timeline(
        documents=tuple(documents),
        events=events,
        title=title,
        failures=tuple(failures),
    )


def extract(
    text: str,
    *,
    reference_date: date | str | None = None,
    source: str = "text",
    today: date | None = None,
    **options: object,
) -> Timeline:
    """Find and resolve every date in ``text`` and build its timeline.

    >>> timeline = extract("The law was signed in April 2024.", reference_date="2025-09-20")
    >>> timeline.events[0].start.isoformat()
    '2024-04-01'
    """
    settings = resolve_settings(reference_date=reference_date, **options)
    document = document_from_text(text, source, "d1")
    tagged = tag_document(document, settings=settings, today=today or date.today())
    return Timeline(documents=(tagged,), events=build_events([tagged]), title=settings["title"])
