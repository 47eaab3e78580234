"""Choosing each document's reference date.

Order of precedence: the user's option, then the document's own metadata (a
TimeML DCT, front matter ``date:``, HTML publication date found by htmldate or
our own ``<meta>``/``<time>`` reading, a dateline with a year), then a
date in the file name, then a date inferred from the text, and only then today.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time

import dateparser

from timeline.model import Document, Reference

#: Metadata keys that carry a publication date, strongest first.
METADATA_DATE_KEYS: tuple[tuple[str, str], ...] = (
    ("dct", "TimeML DCT"),
    ("date", "front matter date"),
    ("htmldate", "HTML publication date (htmldate)"),
    ("html_date", "HTML publication date <meta>"),
    ("html_time", "HTML <time> element"),
    ("dateline", "dateline"),
)

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
#: the clock time of an ISO datetime ("2013-05-12T10:30:00", "2025-09-20 08:15+02:00")
_ISO_CLOCK = re.compile(r"^\s*\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})(?::(\d{2}))?")

#: A function that infers a reference from the text alone, or returns None.
Inferrer = Callable[[Document], Reference | None]


def parse_metadata_date(value: str) -> date | None:
    """A date from a metadata string: ISO first, then dateparser for the rest."""
    match = _ISO_PREFIX.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    parsed = dateparser.parse(
        value, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


def parse_metadata_time(value: str) -> time | None:
    """The clock time an ISO datetime string carries ("2013-05-12T10:30:00"), if any.

    The time is taken as written (local to the source), offsets aside.
    """
    match = _ISO_CLOCK.match(value)
    if match is None:
        return None
    try:
        return time(int(match[1]), int(match[2]), int(match[3] or 0))
    except ValueError:
        return None


def reference_from_metadata(document: Document) -> Reference | None:
    """The reference a document's own metadata gives, if any."""
    for key, label in METADATA_DATE_KEYS:
        value = document.meta(key)
        if value is None:
            continue
        found = parse_metadata_date(value)
        if found is not None:
            shown = document.meta("dateline_text") if key == "dateline" else None
            evidence = (f"{label}: {(shown or value).strip()}",)
            return Reference(found, "metadata", "day", evidence, _clock_of(document, found))
    return None


def _clock_of(document: Document, day: date) -> time | None:
    """The time of writing any metadata datetime on ``day`` gives (htmldate keeps only
    the day, the page's own ``<meta>`` often has the time)."""
    for key, _label in METADATA_DATE_KEYS:
        value = document.meta(key)
        clock = parse_metadata_time(value) if value else None
        if clock is not None and parse_metadata_date(value) == day:
            return clock
    return None


def reference_from_filename(document: Document) -> Reference | None:
    """The reference a date in the file name gives, if any."""
    value = document.meta("filename_date")
    if value is None:
        return None
    return Reference(date.fromisoformat(value), "filename", "day", (f"file name: {value}",))


def choose_reference(
    document: Document,
    *,
    option: date | None,
    today: date,
    infer: Inferrer | None = None,
) -> Reference:
    """The reference for ``document`` by the documented order of precedence."""
    if isinstance(option, datetime):
        return Reference(option.date(), "option", "day", ("--reference-date",), option.time())
    if option is not None:
        return Reference(option, "option", "day", ("--reference-date",))
    for finder in (reference_from_metadata, reference_from_filename):
        found = finder(document)
        if found is not None:
            return found
    if infer is not None:
        inferred = infer(document)
        if inferred is not None:
            return inferred
    return Reference(today, "today", "day", ("no date found in the document; used today",))


def with_reference(
    document: Document, *, option: date | None, today: date, infer: Inferrer | None = None
) -> Document:
    """``document`` with its reference date chosen."""
    reference = choose_reference(document, option=option, today=today, infer=infer)
    return replace(document, reference=reference)
