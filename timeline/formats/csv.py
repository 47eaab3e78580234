"""Events as CSV: one row per event, and reading such a file back."""

from __future__ import annotations

import csv
import io

from timeline.formats.json import FormatError, moment_text, parse_moment
from timeline.model import Event

COLUMNS: tuple[str, ...] = (
    "id",
    "start",
    "end",
    "granularity",
    "approximate",
    "undated",
    "title",
    "date_text",
    "sentence",
    "documents",
    "timexes",
    "group",
    "url",
    "media",
)


def dumps(events: tuple[Event, ...] | list[Event]) -> str:
    """The events as CSV text with a header row (lists joined by spaces)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for event in events:
        writer.writerow(
            [
                event.id,
                moment_text(event.start) or "",
                moment_text(event.end) or "",
                event.granularity or "",
                "true" if event.approximate else "false",
                event.undated or "",
                event.title,
                event.date_text,
                event.sentence,
                " ".join(event.documents),
                " ".join(event.timexes),
                event.group or "",
                event.url or "",
                event.media or "",
            ]
        )
    return buffer.getvalue()


def loads(text: str, *, source: str = "<csv>") -> tuple[Event, ...]:
    """Read events written by :func:`dumps`; :class:`FormatError` names the bad line."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        return _read_events(reader, source)
    except csv.Error as error:  # malformed quoting, NUL bytes, stray carriage returns
        raise FormatError(f"{source}: line {reader.line_num}: {error}") from None


def _read_events(reader: csv.DictReader, source: str) -> tuple[Event, ...]:
    missing = [
        column
        for column in ("id", "start", "end", "title")
        if column not in (reader.fieldnames or ())
    ]
    if missing:
        raise FormatError(f"{source}: not a timeline events CSV (missing {', '.join(missing)})")
    events = []
    for row in reader:
        try:
            events.append(_event(row))
        except ValueError as error:
            raise FormatError(f"{source}: line {reader.line_num}: {error}") from None
    return tuple(events)


def _event(row: dict[str, str]) -> Event:
    return Event(
        id=row["id"],
        start=parse_moment(row["start"] or None),
        end=parse_moment(row["end"] or None),
        granularity=row.get("granularity") or None,
        approximate=row.get("approximate", "false") == "true",
        title=row["title"],
        sentence=row.get("sentence", ""),
        documents=tuple((row.get("documents") or "").split()),
        timexes=tuple((row.get("timexes") or "").split()),
        undated=row.get("undated") or None,  # type: ignore[arg-type]
        group=row.get("group") or None,
        url=row.get("url") or None,
        media=row.get("media") or None,
        date_text=row.get("date_text", ""),
    )
