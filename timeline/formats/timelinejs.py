"""Events as TimelineJS 3 JSON, and reading such a file back.

TimelineJS (Knight Lab) draws a timeline from ``{"title": slide, "events":
[slide, ...]}``. Each dated event becomes one slide: ``start_date``/``end_date``
hold the exact inclusive bounds (day precision, or hour/minute/second for times),
``display_date`` says what the date really is when that is coarser or fuzzier
than a day ("April 2024", "About January – April 2026"), ``text`` holds the
title and the sentence as escaped HTML, plus ``group``, ``media`` and
``unique_id``. Undated events have no place on a TimelineJS axis and are left
out.

Each slide also carries our own event record under the key ``"timeline"``
(TimelineJS ignores keys it does not know), so :func:`loads` gives back exactly
what was written; files made elsewhere are read from the standard fields.
"""

from __future__ import annotations

import calendar
import html
import json
import re
from datetime import date, datetime, timedelta
from typing import Any

from timeline.formats.json import FormatError, event_record, read_event_record
from timeline.model import GRANULARITIES, Event, Moment, Timeline

#: The key under which each slide carries our own event record.
EXTENSION = "timeline"
_DAY = GRANULARITIES.index("day")
_LINK = re.compile(r'<p class="tl-source"><a href="(?P<href>[^"]*)"[^>]*>[^<]*</a></p>')
_TAG = re.compile(r"<[^>]+>")


def dumps(timeline: Timeline, *, indent: int | None = 2) -> str:
    """The timeline as TimelineJS 3 JSON text (deterministic)."""
    return json.dumps(to_record(timeline), indent=indent, ensure_ascii=False) + "\n"


def to_record(timeline: Timeline) -> dict[str, Any]:
    """The TimelineJS 3 JSON object: a title slide and one slide per dated event."""
    events = [event for event in timeline.events if event.start is not None]
    sources = sorted({source for event in events for source in event.documents})
    summary = f"{len(events)} events" + (f" from {len(sources)} documents" if sources else "")
    return {
        "title": {"text": {"headline": html.escape(timeline.title), "text": f"<p>{summary}</p>"}},
        "events": [slide(event) for event in events],
        "scale": "human",
    }


def slide(event: Event) -> dict[str, Any]:
    """One TimelineJS slide for a dated event."""
    assert event.start is not None and event.end is not None
    record: dict[str, Any] = {
        "unique_id": _slide_id(event.id),
        "start_date": date_record(event.start, event.granularity),
    }
    if event.end != event.start:
        record["end_date"] = date_record(event.end, event.granularity)
    label = display_date(event)
    if label:
        record["display_date"] = label
    record["text"] = {"headline": html.escape(event.title), "text": _slide_text(event)}
    if event.group:
        record["group"] = event.group
    if event.media:
        record["media"] = {"url": event.media}
    record[EXTENSION] = event_record(event)
    return record


def _slide_id(event_id: str) -> str:
    # TimelineJS uses unique_id as an HTML id attribute: keep it to safe characters.
    return "tl-" + re.sub(r"[^A-Za-z0-9_-]", "-", event_id)


def _slide_text(event: Event) -> str:
    parts = []
    if event.sentence:
        parts.append(f"<p>{html.escape(event.sentence)}</p>")
    if event.url:
        href = html.escape(event.url, quote=True)
        parts.append(f'<p class="tl-source"><a href="{href}" rel="noopener">Source</a></p>')
    return "".join(parts)


def date_record(moment: Moment, granularity: str | None) -> dict[str, int]:
    """A TimelineJS date: year, month, day, and the time fields a time needs."""
    record = {"year": moment.year, "month": moment.month, "day": moment.day}
    if isinstance(moment, datetime):
        record["hour"] = moment.hour
        record["minute"] = moment.minute
        if granularity == "second" or moment.second:
            record["second"] = moment.second
    return record


def display_date(event: Event) -> str:
    """A human label for dates coarser than a day or approximate; "" otherwise."""
    if event.start is None or event.end is None:
        return ""
    rank = GRANULARITIES.index(event.granularity) if event.granularity in GRANULARITIES else _DAY
    if rank >= _DAY and not event.approximate:
        return ""
    if event.approximate:
        part = _part_label(event.start, event.end, event.granularity or "day")
        if part:
            return part
    label = _span_label(event.start, event.end, event.granularity or "day")
    return f"About {label}" if event.approximate else label


def _part_label(start: Moment, end: Moment, granularity: str) -> str:
    """ "Early 2026", "Late 1980s": a fuzzy third of one year or one decade, else ""."""
    first = start.date() if isinstance(start, datetime) else start
    last = end.date() if isinstance(end, datetime) else end
    if granularity == "year" and first.year == last.year:
        whole, position, length = str(first.year), first.month - 1, last.month - first.month + 1
        size = 12
    elif granularity == "decade" and first.year // 10 == last.year // 10:
        whole, position, length = (
            f"{first.year // 10 * 10}s",
            first.year % 10,
            last.year - first.year + 1,
        )
        size = 10
    else:
        return ""
    if length * 2 > size:
        return ""
    third = min(2, position * 3 // size)
    end_third = min(2, (position + length - 1) * 3 // size)
    if third != end_third:
        return ""
    return f"{('Early', 'Mid', 'Late')[third]} {whole}"


def _span_label(start: Moment, end: Moment, granularity: str) -> str:
    first = start.date() if isinstance(start, datetime) else start
    last = end.date() if isinstance(end, datetime) else end
    if granularity == "decade" and first.year % 10 == 0 and last.year == first.year + 9:
        return f"the {first.year}s"
    if granularity in ("millennium", "century", "decade", "year") and _whole_years(first, last):
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if granularity == "quarter" and _whole_months(first, last) and _is_quarter(first, last):
        return f"Q{(first.month - 1) // 3 + 1} {first.year}"
    if _whole_months(first, last) and GRANULARITIES.index(granularity) < _DAY:
        return _month_range(first, last)
    return _day_range(first, last)


def _whole_years(first: date, last: date) -> bool:
    return (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)


def _whole_months(first: date, last: date) -> bool:
    return first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]


def _is_quarter(first: date, last: date) -> bool:
    return first.year == last.year and first.month % 3 == 1 and last.month == first.month + 2


def _month_range(first: date, last: date) -> str:
    if (first.year, first.month) == (last.year, last.month):
        return first.strftime("%B %Y")
    if first.year == last.year:
        return f"{first:%B} – {last:%B} {last.year}"
    return f"{first:%B %Y} – {last:%B %Y}"


def _day_range(first: date, last: date) -> str:
    def day(value: date) -> str:
        return f"{value:%B} {value.day}"

    if first == last:
        return f"{day(first)}, {first.year}"
    if first.year == last.year:
        if first.month == last.month:
            return f"{day(first)} – {last.day}, {last.year}"
        return f"{day(first)} – {day(last)}, {last.year}"
    return f"{day(first)}, {first.year} – {day(last)}, {last.year}"


def loads(text: str, *, source: str = "<timelinejs>") -> Timeline:
    """Read TimelineJS 3 JSON back into a Timeline of events (no documents)."""
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"{source}: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    if not isinstance(record, dict) or not isinstance(record.get("events"), list):
        raise FormatError(f'{source}: not TimelineJS JSON (no "events" list)')
    events = []
    for number, item in enumerate(record["events"], 1):
        try:
            events.append(read_slide(item, number))
        except (KeyError, TypeError, ValueError) as error:
            raise FormatError(f"{source}: event {number}: {_reason(error)}") from None
    title = _plain((record.get("title") or {}).get("text", {}).get("headline", "")) or "Timeline"
    return Timeline(documents=(), events=tuple(events), title=title)


def _reason(error: Exception) -> str:
    return f"missing {error}" if isinstance(error, KeyError) else str(error)


def is_timelinejs(record: Any) -> bool:
    """True for a parsed JSON object that looks like TimelineJS 3 data."""
    if not isinstance(record, dict) or not isinstance(record.get("events"), list):
        return False
    return all(
        isinstance(item, dict) and isinstance(item.get("start_date"), dict)
        for item in record["events"]
    )


def read_slide(item: dict[str, Any], number: int) -> Event:
    """One slide as an Event: our own record if present, else the standard fields."""
    if isinstance(item.get(EXTENSION), dict):
        return read_event_record(item[EXTENSION])
    start, start_granularity = _read_date(item["start_date"], last=False)
    end, end_granularity = start, start_granularity
    if item.get("end_date"):
        end, end_granularity = _read_date(item["end_date"], last=True)
    elif start_granularity != "day" or not isinstance(start, datetime):
        end, _ = _read_date(item["start_date"], last=True)
    granularity = _coarser(start_granularity, end_granularity)
    text = item.get("text") or {}
    body = text.get("text", "")
    link = _LINK.search(body)
    media = (item.get("media") or {}).get("url")
    return Event(
        id=str(item.get("unique_id") or f"e{number}").removeprefix("tl-"),
        start=start,
        end=end,
        granularity=granularity,
        approximate=False,
        title=_plain(text.get("headline", "")),
        sentence=_plain(_LINK.sub("", body)),
        documents=(),
        timexes=(),
        group=item.get("group") or None,
        url=html.unescape(link["href"]) if link else None,
        media=media or None,
        date_text=_plain(item.get("display_date") or ""),
    )


def _read_date(record: dict[str, Any], *, last: bool) -> tuple[Moment, str]:
    """A TimelineJS date as a moment (its first or last instant) and its granularity."""

    def field(name: str) -> int | None:
        value = record.get(name)
        return None if value in (None, "") else int(value)

    year = field("year")
    if year is None:
        raise ValueError("a date without a year")
    month, day, hour = field("month"), field("day"), field("hour")
    if month is None:
        return (date(year, 12, 31) if last else date(year, 1, 1)), "year"
    if day is None:
        first = date(year, month, 1)
        return (date(year, month, calendar.monthrange(year, month)[1]) if last else first), "month"
    if hour is None:
        return date(year, month, day), "day"
    minute, second = field("minute"), field("second")
    if minute is None:
        moment = datetime(year, month, day, hour)
        return (moment + timedelta(minutes=59) if last else moment), "hour"
    if second is None:
        return datetime(year, month, day, hour, minute), "minute"
    return datetime(year, month, day, hour, minute, second), "second"


def _coarser(first: str, second: str) -> str:
    return min(first, second, key=GRANULARITIES.index)


def _plain(value: str) -> str:
    """HTML as plain text: paragraphs joined by newlines, tags dropped, entities decoded."""
    text = re.sub(r"</p>\s*<p[^>]*>", "\n", str(value))
    return html.unescape(_TAG.sub("", text)).strip()
