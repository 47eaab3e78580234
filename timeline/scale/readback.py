"""Reading the JSON Lines of large runs back into one timeline (``timeline build``).

Each record holds one document and its own events; building a page merges the
events that several documents report, exactly as a run over the documents
themselves would (:func:`timeline.events.merge.merge_events`), but comparing
only events at the same time, so the work grows with the number of events
that share a date rather than with the square of all events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from timeline.events.merge import merge_events, sort_and_number
from timeline.formats.json import FormatError, iter_jsonl
from timeline.model import Event, TaggedDocument, Timeline


def read_jsonl_files(paths: Sequence[str], *, title: str = "Timeline") -> Timeline:
    """One timeline from the JSON Lines files at ``paths``, events merged across documents.

    A document id met twice (two runs both start at ``d1``) is renumbered.
    Raises :class:`FormatError` for unreadable or malformed files.
    """
    documents: list[TaggedDocument] = []
    events: list[Event] = []
    used: set[str] = set()
    for path in paths:
        try:
            with open(path, encoding="utf-8") as stream:
                for tagged, found in iter_jsonl(stream, source=path):
                    tagged, found = _unique(tagged, found, used)
                    documents.append(tagged)
                    events.extend(found)
        except OSError as error:
            raise FormatError(f"{path}: cannot read ({error.strerror or error})") from None
        except UnicodeDecodeError:
            raise FormatError(f"{path}: not UTF-8 JSON Lines") from None
    return Timeline(documents=tuple(documents), events=merge_across(events), title=title)


def merge_across(events: Iterable[Event]) -> tuple[Event, ...]:
    """Merge, sort and number events, comparing only those at the same time.

    ``merge_events`` only ever merges events with the same start, end and
    undated side, so merging each such group on its own gives the same events.
    """
    groups: dict[tuple[object, ...], list[Event]] = {}
    for event in events:
        groups.setdefault((event.undated, event.start, event.end), []).append(event)
    merged = [kept for group in groups.values() for kept in merge_events(group)]
    return sort_and_number(merged)


def _unique(
    tagged: TaggedDocument, events: tuple[Event, ...], used: set[str]
) -> tuple[TaggedDocument, tuple[Event, ...]]:
    old = tagged.document.id
    if old not in used:
        used.add(old)
        return tagged, events
    number = len(used) + 1
    while f"d{number}" in used:
        number += 1
    new = f"d{number}"
    used.add(new)
    prefix = f"{old}."

    def moved(timex_id: str) -> str:
        return new + timex_id[len(old) :] if timex_id.startswith(prefix) else timex_id

    document = replace(tagged.document, id=new)
    timexes = tuple(replace(timex, id=moved(timex.id)) for timex in tagged.timexes)
    renamed = tuple(
        replace(
            event,
            documents=tuple(new if doc == old else doc for doc in event.documents),
            timexes=tuple(moved(timex_id) for timex_id in event.timexes),
        )
        for event in events
    )
    return TaggedDocument(document, timexes), renamed
