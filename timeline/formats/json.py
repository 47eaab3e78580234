"""The ``timeline/1`` JSON contract (see README): writing and reading it back.

``dumps`` writes the whole timeline; ``document_record``/``event_record`` are
the pieces JSON Lines reuses; ``loads`` reads our own JSON back into a
:class:`Timeline` without loss.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from typing import Any

from timeline.model import (
    Document,
    Event,
    Interval,
    Moment,
    Reference,
    TaggedDocument,
    Timeline,
    Timex,
)

SCHEMA = "timeline/1"


class FormatError(ValueError):
    """Input in one of our formats is malformed; the message says where."""


def moment_text(moment: Moment | None) -> str | None:
    """ISO text for a date or datetime (None stays None)."""
    return None if moment is None else moment.isoformat()


def parse_moment(text: str | None) -> Moment | None:
    """The inverse of :func:`moment_text`."""
    if text is None:
        return None
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def timex_record(timex: Timex) -> dict[str, Any]:
    """One timex as a JSON-ready dict in contract order."""
    interval = timex.interval
    record: dict[str, Any] = {
        "id": timex.id,
        "text": timex.text,
        "start": timex.start,
        "end": timex.end,
        "type": timex.type,
        "value": timex.value,
        "mod": timex.mod,
        "interval": None
        if interval is None
        else {"start": moment_text(interval.start), "end": moment_text(interval.end)},
        "granularity": None if interval is None else interval.granularity,
        "approximate": False if interval is None else interval.approximate,
        "anchor": timex.anchor,
        "timeml": timex.timeml,
        "rule": timex.rule,
    }
    if timex.place is not None:
        record["place"] = timex.place
    return record


def document_record(tagged: TaggedDocument) -> dict[str, Any]:
    """One tagged document as a JSON-ready dict in contract order."""
    document = tagged.document
    reference = tagged.reference
    clock = {} if reference.time is None else {"reference_time": reference.time.isoformat()}
    return {
        "id": document.id,
        "source": document.source,
        "title": document.title,
        "reference_date": reference.date.isoformat(),
        **clock,  # only for a reference with a clock time (a post's, a live story's)
        "reference_date_source": reference.source,
        "reference_date_precision": reference.precision,
        "reference_date_evidence": list(reference.evidence),
        "text": document.text,
        "metadata": [[key, value] for key, value in document.metadata],
        "timexes": [timex_record(timex) for timex in tagged.timexes],
    }


def event_record(event: Event) -> dict[str, Any]:
    """One event as a JSON-ready dict in contract order."""
    record: dict[str, Any] = {
        "id": event.id,
        "documents": list(event.documents),
        "start": moment_text(event.start),
        "end": moment_text(event.end),
        "granularity": event.granularity,
        "approximate": event.approximate,
        "title": event.title,
        "sentence": event.sentence,
        "date_text": event.date_text,
        "timexes": list(event.timexes),
    }
    if event.undated is not None:
        record["undated"] = event.undated
    for optional in ("group", "url", "media"):
        if getattr(event, optional) is not None:
            record[optional] = getattr(event, optional)
    return record


def timeline_record(timeline: Timeline) -> dict[str, Any]:
    """The whole timeline as a JSON-ready dict."""
    return {
        "schema": SCHEMA,
        "title": timeline.title,
        "documents": [document_record(tagged) for tagged in timeline.documents],
        "events": [event_record(event) for event in timeline.events],
    }


def dumps(timeline: Timeline, *, indent: int | None = 2) -> str:
    """The timeline as ``timeline/1`` JSON text (deterministic)."""
    return json.dumps(timeline_record(timeline), indent=indent, ensure_ascii=False) + "\n"


def loads(text: str, *, source: str = "<json>") -> Timeline:
    """Read ``timeline/1`` JSON back into a Timeline; :class:`FormatError` if malformed."""
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"{source}: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    if not isinstance(record, dict) or record.get("schema") != SCHEMA:
        raise FormatError(f'{source}: not a {SCHEMA} document (missing "schema": "{SCHEMA}")')
    try:
        documents = tuple(read_document_record(item) for item in record["documents"])
        events = tuple(read_event_record(item) for item in record["events"])
    except (KeyError, TypeError, ValueError) as error:
        raise FormatError(f"{source}: malformed {SCHEMA} record ({error})") from None
    return Timeline(documents=documents, events=events, title=record.get("title") or "Timeline")


def read_timex_record(record: dict[str, Any]) -> Timex:
    """The inverse of :func:`timex_record`."""
    interval = None
    if record.get("interval"):
        interval = Interval(
            parse_moment(record["interval"]["start"]),
            parse_moment(record["interval"]["end"]),
            record["granularity"],
            bool(record.get("approximate")),
        )
    return Timex(
        text=record["text"],
        start=int(record["start"]),
        end=int(record["end"]),
        type=record["type"],
        value=record["value"],
        mod=record.get("mod"),
        interval=interval,
        anchor=record.get("anchor", "absolute"),
        timeml=bool(record.get("timeml", True)),
        place=record.get("place"),
        rule=record.get("rule", ""),
        id=record.get("id", ""),
    )


def read_document_record(record: dict[str, Any]) -> TaggedDocument:
    """The inverse of :func:`document_record`."""
    reference = Reference(
        date.fromisoformat(record["reference_date"]),
        record["reference_date_source"],
        record.get("reference_date_precision", "day"),
        tuple(record.get("reference_date_evidence", ())),
        time.fromisoformat(record["reference_time"]) if record.get("reference_time") else None,
    )
    document = Document(
        id=record["id"],
        source=record["source"],
        text=record.get("text", ""),
        reference=reference,
        title=record.get("title"),
        metadata=tuple((str(key), str(value)) for key, value in record.get("metadata", ())),
    )
    return TaggedDocument(document, tuple(read_timex_record(item) for item in record["timexes"]))


def read_event_record(record: dict[str, Any]) -> Event:
    """The inverse of :func:`event_record`."""
    return Event(
        id=record["id"],
        start=parse_moment(record.get("start")),
        end=parse_moment(record.get("end")),
        granularity=record.get("granularity"),
        approximate=bool(record.get("approximate")),
        title=record["title"],
        sentence=record.get("sentence", ""),
        documents=tuple(record.get("documents", ())),
        timexes=tuple(record.get("timexes", ())),
        undated=record.get("undated"),
        group=record.get("group"),
        url=record.get("url"),
        media=record.get("media"),
        date_text=record.get("date_text", ""),
    )


def iter_jsonl(
    lines: Iterable[str], *, source: str = "<jsonl>"
) -> Iterator[tuple[TaggedDocument, tuple[Event, ...]]]:
    """Read ``timeline/1`` JSON Lines one record at a time: a document and its events.

    Blank lines are skipped; anything else that is not a record raises
    :class:`FormatError` naming the line.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise FormatError(f"{source}: line {number}: invalid JSON ({error.msg})") from None
        if not isinstance(record, dict) or record.get("schema") != SCHEMA:
            raise FormatError(f"{source}: line {number}: not a {SCHEMA} JSON Lines record")
        try:
            tagged = read_document_record(record["document"])
            events = tuple(read_event_record(item) for item in record["events"])
        except (KeyError, TypeError, ValueError) as error:
            raise FormatError(f"{source}: line {number}: malformed record ({error})") from None
        yield tagged, events


def loads_jsonl(text: str, *, source: str = "<jsonl>") -> Timeline:
    """Read ``timeline/1`` JSON Lines into a Timeline.

    Events are kept as each record holds them (not merged across documents, ids
    as written); :func:`timeline.scale.readback.read_jsonl_files`
    merges them.
    """
    documents: list[TaggedDocument] = []
    events: list[Event] = []
    for tagged, found in iter_jsonl(text.splitlines(), source=source):
        documents.append(tagged)
        events.extend(found)
    return Timeline(documents=tuple(documents), events=tuple(events))
