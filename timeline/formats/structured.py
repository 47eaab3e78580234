"""Inputs that already hold events: tables and our own exports, read into a run.

A file with one of :data:`STRUCTURED_EXTENSIONS` contributes events directly,
not through the tagger: CSV/JSON/YAML rows (:mod:`timeline.formats.table`), our
own ``timeline/1`` JSON and JSON Lines, our events CSV, TimelineJS 3 JSON and
iCalendar files. :class:`StructuredReader` reads them during a run, keeps
document ids unique, and :meth:`StructuredReader.events` merges their events
with those the text inputs gave.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from timeline.formats import csv as csv_format
from timeline.formats import ics, table, timelinejs
from timeline.formats import json as json_format
from timeline.formats.json import FormatError
from timeline.model import Document, Event, Reference, TaggedDocument
from timeline.sources import SourceError, read_document

#: Extensions whose files hold events rather than prose.
STRUCTURED_EXTENSIONS: tuple[str, ...] = (".csv", ".json", ".jsonl", ".yaml", ".yml", ".ics")


def read_one(
    source: str, doc_id: str, *, settings: Mapping[str, Any], today: date
) -> tuple[TaggedDocument, tuple[Event, ...]]:
    """One structured input on its own, as document ``doc_id`` (the unit of large runs)."""
    reader = StructuredReader(
        [source],
        settings["reference_date"],
        today,
        day_first=bool(settings["day_first"]),
        max_bytes=settings["max_bytes"],
        group_column=settings["group_by"],
    )
    documents = reader.read(1, source, doc_id)
    if len(documents) != 1:
        raise SourceError(
            f"{source}: holds {len(documents)} documents; read it without --jobs/--engine"
        )
    return documents[0], reader.events(())


def is_structured(source: str) -> bool:
    """Whether the input at ``source`` is read as structured events, not as text."""
    return Path(source).suffix.lower() in STRUCTURED_EXTENSIONS


@dataclass(frozen=True)
class StructuredInput:
    """What one structured file gave: its documents, its events and its title."""

    documents: tuple[TaggedDocument, ...]
    events: tuple[Event, ...]
    title: str | None = None
    #: True when the events are a finished timeline's (our JSON): kept as they are.
    final: bool = False


@dataclass
class StructuredReader:
    """Reads the structured inputs of one run (``sources`` are all its inputs, in order)."""

    sources: Sequence[str]
    reference_date: date | None
    today: date
    day_first: bool = False
    max_bytes: int = 50_000_000
    group_column: str = "group"
    inputs: list[StructuredInput] = field(default_factory=list)
    _taken: set[str] = field(default_factory=set)

    def read(self, number: int, source: str, doc_id: str = "") -> tuple[TaggedDocument, ...]:
        """Read input ``number`` (1-based, id ``d<number>`` unless ``doc_id``); its documents.

        Raises :class:`SourceError` with a one-line message naming the place.
        """
        document = read_document(source, doc_id or f"d{number}", max_bytes=self.max_bytes)
        try:
            found = self._parse(document, source)
        except FormatError as error:
            message = str(error)
            located = message if message.startswith(source) else f"{source}: {message}"
            raise SourceError(located) from None
        found = self._unique_ids(found, number)
        self.inputs.append(found)
        return found.documents

    def title(self) -> str | None:
        """The title a single structured input gives the whole timeline, if any."""
        titles = [found.title for found in self.inputs if found.title]
        return titles[0] if len(self.inputs) == 1 and titles else None

    def events(self, text_events: tuple[Event, ...]) -> tuple[Event, ...]:
        """All events of the run: those of the text inputs and of the structured ones."""
        if not self.inputs:
            return text_events
        # Rows first: when a row and a sentence report the same event, the row's
        # hand-written title is kept.
        parts = [part for part in (*(f.events for f in self.inputs), text_events) if part]
        if len(self.inputs) == 1 and self.inputs[0].final and len(parts) <= 1:
            return self.inputs[0].events
        from timeline.events.merge import sort_and_number
        from timeline.scale.readback import merge_across

        if len(parts) == 1 and not text_events:
            return sort_and_number(parts[0])
        return merge_across(event for part in parts for event in part)

    def _parse(self, document: Document, source: str) -> StructuredInput:
        suffix = Path(source).suffix.lower()
        text = document.text
        if suffix == ".jsonl":
            return _json_lines(text, source)
        if suffix == ".ics":
            calendar = ics.loads(text, source=source)
            return self._events_only(document, calendar.events, calendar.title)
        if suffix == ".json":
            record = _peek_json(text, source)
            if isinstance(record, dict) and record.get("schema") == json_format.SCHEMA:
                loaded = json_format.loads(text, source=source)
                return StructuredInput(loaded.documents, loaded.events, loaded.title, final=True)
            if timelinejs.is_timelinejs(record):
                loaded = timelinejs.loads(text, source=source)
                return self._events_only(document, loaded.events, loaded.title)
        if suffix == ".csv" and _is_events_csv(text):
            return self._events_only(document, csv_format.loads(text, source=source), None)
        return self._table(document, source)

    def _table(self, document: Document, source: str) -> StructuredInput:
        kind = table.kind_of(source)
        assert kind is not None
        parsed = table.parse_table(document.text, kind=kind, source=source)
        reference = self._table_reference(document, parsed)
        events = table.table_events(
            parsed,
            reference=reference.date,
            source=source,
            doc_id=document.id,
            fixed_reference=self.reference_date is not None,
            day_first=self.day_first,
            group_column=self.group_column,
        )
        tagged = TaggedDocument(replace(document, text="", reference=reference), ())
        return StructuredInput((tagged,), events, parsed.title)

    def _table_reference(self, document: Document, parsed: table.Table) -> Reference:
        if self.reference_date is not None:
            return Reference(self.reference_date, "option", "day", ("--reference-date",))
        if parsed.reference_date is not None:
            return Reference(parsed.reference_date, "metadata", "day", ("reference_date field",))
        filename_date = document.meta("filename_date")
        if filename_date:
            found = date.fromisoformat(filename_date)
            return Reference(found, "filename", "day", (f"file name: {filename_date}",))
        return Reference(self.today, "today", "day", ("no reference date given",))

    def _events_only(
        self, document: Document, events: tuple[Event, ...], title: str | None
    ) -> StructuredInput:
        """A file of already-dated events: one document standing for the file.

        The events' documents and timexes belonged to another run: they now
        point at this file.
        """
        starts = [event.start for event in events if event.start is not None]
        if self.reference_date is not None:
            reference = Reference(self.reference_date, "option", "day", ("--reference-date",))
        elif starts:
            newest = max(_day(moment) for moment in starts)
            reference = Reference(newest, "metadata", "day", ("the latest event date in the file",))
        else:
            reference = Reference(self.today, "today", "day", ("no dated event in the file",))
        events = tuple(replace(event, documents=(document.id,), timexes=()) for event in events)
        tagged = TaggedDocument(replace(document, text="", reference=reference), ())
        return StructuredInput((tagged,), events, title)

    def _unique_ids(self, found: StructuredInput, number: int) -> StructuredInput:
        """Rename documents whose ids another input of the run uses (``d<n>`` by position)."""
        reserved = {f"d{n}" for n in range(1, len(self.sources) + 1) if n != number}
        renamed: dict[str, str] = {}
        for tagged in found.documents:
            doc_id = tagged.document.id
            if doc_id in reserved or doc_id in self._taken:
                renamed[doc_id] = self._free_id(reserved)
            self._taken.add(renamed.get(doc_id, doc_id))
        if not renamed:
            return found
        documents = tuple(_renamed_document(tagged, renamed) for tagged in found.documents)
        events = tuple(_renamed_event(event, renamed) for event in found.events)
        return replace(found, documents=documents, events=events)

    def _free_id(self, reserved: set[str]) -> str:
        number = len(self.sources) + 1
        while f"d{number}" in reserved or f"d{number}" in self._taken:
            number += 1
        return f"d{number}"


def _day(moment: date) -> date:
    return moment if type(moment) is date else moment.date()  # type: ignore[attr-defined]


def _peek_json(text: str, source: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"{source}: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None


def _is_events_csv(text: str) -> bool:
    header = text.split("\n", 1)[0].lower().replace(" ", "")
    return header.startswith("id,start,end,granularity")


def _json_lines(text: str, source: str) -> StructuredInput:
    """JSON Lines of ``timeline/1`` records: each document, events merged across them."""
    from timeline.scale.readback import merge_across

    documents: list[TaggedDocument] = []
    seen_ids: set[str] = set()
    events: list[Event] = []
    for tagged, found in json_format.iter_jsonl(text.split("\n"), source=source):
        if tagged.document.id in seen_ids:
            raise FormatError(f"{source}: document id {tagged.document.id} twice")
        seen_ids.add(tagged.document.id)
        documents.append(tagged)
        events.extend(found)
    if not documents:
        raise FormatError(f"{source}: no JSON Lines records")
    return StructuredInput(tuple(documents), merge_across(events))


def _renamed_document(tagged: TaggedDocument, renamed: dict[str, str]) -> TaggedDocument:
    old = tagged.document.id
    new = renamed.get(old, old)
    if new == old:
        return tagged
    timexes = tuple(replace(timex, id=_renamed_ref(timex.id, renamed)) for timex in tagged.timexes)
    return TaggedDocument(replace(tagged.document, id=new), timexes)


def _renamed_ref(ref: str, renamed: dict[str, str]) -> str:
    doc, dot, rest = ref.partition(".")
    return f"{renamed.get(doc, doc)}{dot}{rest}"


def _renamed_event(event: Event, renamed: dict[str, str]) -> Event:
    return replace(
        event,
        documents=tuple(renamed.get(doc, doc) for doc in event.documents),
        timexes=tuple(_renamed_ref(ref, renamed) for ref in event.timexes),
    )


def group_by_document(
    events: Sequence[Event], documents: Sequence[TaggedDocument]
) -> tuple[Event, ...]:
    """Each event in the lane of its first document (the document's title, else its file)."""
    names = {
        tagged.document.id: tagged.document.title or Path(tagged.document.source).name
        for tagged in documents
    }
    return tuple(
        replace(event, group=names.get(event.documents[0], event.documents[0]))
        if event.documents
        else event
        for event in events
    )
