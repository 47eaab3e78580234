"""Output formats: one module per format, chosen by name here."""

from __future__ import annotations

import json as _json
from collections.abc import Iterable

from timeline.model import Event, TaggedDocument, Timeline


class UnsupportedOutput(ValueError):
    """The timeline cannot be written in the requested format."""


def jsonl_line(tagged: TaggedDocument, events: Iterable[Event]) -> str:
    """One JSON Lines record (without its newline): a document and its events."""
    from timeline.formats.json import SCHEMA, document_record, event_record

    record = {
        "schema": SCHEMA,
        "document": document_record(tagged),
        "events": [event_record(event) for event in events],
    }
    return _json.dumps(record, ensure_ascii=False)


def _jsonl(timeline: Timeline) -> str:
    lines = []
    for tagged in timeline.documents:
        doc_id = tagged.document.id
        events = [event for event in timeline.events if doc_id in event.documents]
        lines.append(jsonl_line(tagged, events))
    return "".join(line + "\n" for line in lines)


def _timeml(timeline: Timeline) -> str:
    from timeline.formats.timeml import write_timeml

    if len(timeline.documents) != 1:
        raise UnsupportedOutput(
            "TimeML holds one document per file: extract one input at a time with --format timeml"
        )
    tagged = timeline.documents[0]
    return write_timeml(tagged.document, tagged.timexes)


def serialize(timeline: Timeline, fmt: str) -> str:
    """The timeline written in format ``fmt`` (json, jsonl, csv, ics, timelinejs, timeml)."""
    if fmt == "json":
        from timeline.formats.json import dumps

        return dumps(timeline)
    if fmt == "jsonl":
        return _jsonl(timeline)
    if fmt == "csv":
        from timeline.formats.csv import dumps as csv_dumps

        return csv_dumps(timeline.events)
    if fmt == "ics":
        from timeline.formats.ics import dumps as ics_dumps

        return ics_dumps(timeline)
    if fmt == "timelinejs":
        from timeline.formats.timelinejs import dumps as timelinejs_dumps

        return timelinejs_dumps(timeline)
    if fmt == "timeml":
        return _timeml(timeline)
    raise UnsupportedOutput(f"unknown output format {fmt!r}")
