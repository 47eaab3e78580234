"""Events as an iCalendar file (RFC 5545), and reading such a file back.

One VEVENT per dated event (undated events have no place in a calendar and are
left out). Day-or-coarser events are all-day events whose DTEND is the day
after their last day, as RFC 5545 wants; times are floating (or zoned) date-times
whose DTEND is one minute (one second for second granularity) after the
inclusive end. The output is deterministic: UIDs derive from the event id and
its content, and DTSTAMP from the newest reference date of the timeline.

What a calendar has no field for (granularity, approximate, documents, timexes,
the date as written) travels in ``X-TIMELINE-*`` properties, which calendar
programs ignore and :func:`loads` reads, so a round trip loses nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar

from timeline import __version__
from timeline.formats.json import FormatError
from timeline.model import Event, Moment, Timeline

PRODID = f"-//timeline//timeline {__version__}//EN"
UID_DOMAIN = "timeline.invalid"
#: DTSTAMP when the timeline has no documents to date it by.
FALLBACK_STAMP = datetime(2000, 1, 1, tzinfo=UTC)

_X_ID = "X-TIMELINE-ID"
_X_GRANULARITY = "X-TIMELINE-GRANULARITY"
_X_APPROXIMATE = "X-TIMELINE-APPROXIMATE"
_X_DOCUMENTS = "X-TIMELINE-DOCUMENTS"
_X_TIMEXES = "X-TIMELINE-TIMEXES"
_X_DATE_TEXT = "X-TIMELINE-DATE-TEXT"
_X_GROUP = "X-TIMELINE-GROUP"
_X_URL = "X-TIMELINE-URL"
_X_MEDIA = "X-TIMELINE-MEDIA"
_TEXT_ESCAPE = re.compile(r"\\([\\,;:nN])")


class _Text(icalendar.vText):
    """RFC 5545 TEXT escaped exactly.

    icalendar's own escaping first turns a literal backslash-N into a line break,
    so a title holding "\\N" would not come back as written.
    """

    def to_ical(self) -> bytes:
        escaped = (
            str(self)
            .replace("\\", "\\\\")
            .replace(";", "\\;")
            .replace(",", "\\,")
            .replace("\r\n", "\\n")
            .replace("\n", "\\n")
            .replace("\r", "\\n")
        )
        return escaped.encode(self.encoding)


_URI_UNSAFE = re.compile(r"[\x00-\x20\x7f]")


def event_uid(event: Event) -> str:
    """A UID stable across runs: the event id plus a hash of what the event says."""
    content = "\x1f".join(
        [
            event.id,
            event.title,
            event.sentence,
            str(event.start),
            str(event.end),
            " ".join(event.documents),
        ]
    )
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]
    return f"{event.id}-{digest}@{UID_DOMAIN}"


def exclusive_end(end: Moment, granularity: str | None) -> Moment:
    """RFC 5545's DTEND for an inclusive end: the next day, minute or second."""
    if not isinstance(end, datetime):
        return end + timedelta(days=1)
    return end + _time_step(granularity)


def inclusive_end(dtend: Moment, granularity: str | None) -> Moment:
    """The inverse of :func:`exclusive_end`."""
    if not isinstance(dtend, datetime):
        return dtend - timedelta(days=1)
    return dtend - _time_step(granularity)


def _time_step(granularity: str | None) -> timedelta:
    return timedelta(seconds=1) if granularity == "second" else timedelta(minutes=1)


def _uri(link: str) -> str:
    """A link as a URI value: control characters and spaces percent-encoded."""
    return _URI_UNSAFE.sub(lambda match: f"%{ord(match.group()):02X}", link)


def _stamp(timeline: Timeline) -> datetime:
    dates = [tagged.reference.date for tagged in timeline.documents]
    if not dates:
        return FALLBACK_STAMP
    newest = max(dates)
    return datetime(newest.year, newest.month, newest.day, tzinfo=UTC)


def dumps(timeline: Timeline) -> str:
    """The timeline's dated events as iCalendar text (CRLF lines, deterministic)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _Text(timeline.title))
    stamp = _stamp(timeline)
    for event in timeline.events:
        if event.start is not None and event.end is not None:
            calendar.add_component(_vevent(event, stamp))
    return calendar.to_ical().decode("utf-8")


def _vevent(event: Event, stamp: datetime) -> icalendar.Event:
    assert event.start is not None and event.end is not None
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", exclusive_end(event.end, event.granularity))
    vevent.add("summary", _Text(event.title))
    if event.sentence:
        vevent.add("description", _Text(event.sentence))
    for name, extra, link in (("url", _X_URL, event.url), ("attach", _X_MEDIA, event.media)):
        if link:
            vevent.add(name, _uri(link))
            # The URI property is for calendars; the exact text travels as TEXT, since
            # readers unescape URI values inconsistently ("," comes back as "\,").
            vevent.add(extra, _Text(link))
    if event.group:
        vevent.add("categories", [event.group])
        vevent.add(_X_GROUP, _Text(event.group))
    vevent.add("transp", "TRANSPARENT")
    if event.approximate:
        vevent.add("status", "TENTATIVE")
    vevent.add(_X_ID, _Text(event.id))
    if event.granularity:
        vevent.add(_X_GRANULARITY, _Text(event.granularity))
    vevent.add(_X_APPROXIMATE, _Text("TRUE" if event.approximate else "FALSE"))
    if event.documents:
        vevent.add(_X_DOCUMENTS, _Text(" ".join(event.documents)))
    if event.timexes:
        vevent.add(_X_TIMEXES, _Text(" ".join(event.timexes)))
    if event.date_text:
        vevent.add(_X_DATE_TEXT, _Text(event.date_text))
    return vevent


def loads(text: str, *, source: str = "<ics>") -> Timeline:
    """Read an iCalendar file back into a Timeline of events (no documents).

    Our own files come back exactly; other calendars give one event per VEVENT
    with a DTSTART (day granularity for all-day events, minute for times).
    """
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as error:
        raise FormatError(f"{source}: not a valid iCalendar file ({error})") from None
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise FormatError(f"{source}: not a VCALENDAR")
    events = []
    for number, vevent in enumerate(calendar.walk("VEVENT"), 1):
        try:
            events.append(_event(vevent, number))
        except (KeyError, TypeError, ValueError) as error:
            raise FormatError(f"{source}: VEVENT {number}: {error}") from None
    title = _text(calendar.get("x-wr-calname")) or "Timeline"
    return Timeline(documents=(), events=tuple(events), title=title)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return _text(value[0]) if value else ""
    if isinstance(value, icalendar.vText):
        return str(value)
    # X- properties come back raw: still escaped as RFC 5545 TEXT
    return _TEXT_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), str(value))


def _words(value: Any) -> tuple[str, ...]:
    return tuple(_text(value).split())


def _moment(vevent: icalendar.Event, name: str) -> Moment | None:
    if vevent.get(name) is None:
        return None
    value = vevent.decoded(name)
    if isinstance(value, datetime | date):
        return value
    raise ValueError(f"{name} is not a date or date-time")


def _event(vevent: icalendar.Event, number: int) -> Event:
    start = _moment(vevent, "dtstart")
    if start is None:
        raise ValueError("no DTSTART")
    granularity = _text(vevent.get(_X_GRANULARITY)) or (
        "minute" if isinstance(start, datetime) else "day"
    )
    dtend = _moment(vevent, "dtend")
    end = start if dtend is None else inclusive_end(dtend, granularity)
    if isinstance(start, datetime) != isinstance(end, datetime):
        raise ValueError("DTSTART and DTEND mix a date and a date-time")
    return Event(
        id=_text(vevent.get(_X_ID)) or f"e{number}",
        start=start,
        end=max(start, end, key=_sort_key),
        granularity=granularity,
        approximate=_text(vevent.get(_X_APPROXIMATE)).upper() == "TRUE",
        title=_text(vevent.get("summary")),
        sentence=_text(vevent.get("description")),
        documents=_words(vevent.get(_X_DOCUMENTS)),
        timexes=_words(vevent.get(_X_TIMEXES)),
        group=_text(vevent.get(_X_GROUP)) or _first_category(vevent) or None,
        url=_text(vevent.get(_X_URL)) or _text(vevent.get("url")) or None,
        media=_text(vevent.get(_X_MEDIA)) or _text(vevent.get("attach")) or None,
        date_text=_text(vevent.get(_X_DATE_TEXT)),
    )


def _first_category(vevent: icalendar.Event) -> str:
    categories = vevent.get("categories")
    if categories is None:
        return ""
    if isinstance(categories, list):
        categories = categories[0]
    values: Iterable[Any] = getattr(categories, "cats", [])
    return next((str(value) for value in values), "")


def _sort_key(moment: Moment) -> datetime:
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=None)
    return datetime(moment.year, moment.month, moment.day)
