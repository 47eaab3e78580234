"""Structured input: CSV, JSON or YAML rows of events, dated by our own extractor.

Each row has the columns ``date, end_date, title, text, group, url, media``
(names case-insensitive; a few common aliases and the TimelineJS spreadsheet
template's ``Year, Month, Day, Time, End Year, ..., Headline, Text`` are read
too). ``date`` may be free text ("early 2026", "Q3 2025", "Oct 31 - Nov 1,
2025", "March 2019", "2024-04-24"): it is resolved by :func:`timeline.temporal.tag`
against the reference date, so relative dates ("next year") count from it. A
row's ``reference_date`` column (or a top-level ``reference_date`` in JSON/YAML)
gives its reference unless the caller fixes one. Empty or "no date yet" cells
("later", "TBD", see ``data/undated.yaml``) give undated events.

Each row becomes one :class:`~timeline.model.Event` with id ``<doc>.r<row>``.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from timeline.formats.json import FormatError
from timeline.model import GRANULARITIES, Event, Moment, Timex, Undated

Kind = Literal["csv", "json", "yaml"]
Tagger = Callable[[str, date], list[Timex]]

#: The columns a row may have, in the order the README lists them.
COLUMNS: tuple[str, ...] = (
    "date",
    "end_date",
    "title",
    "text",
    "group",
    "url",
    "media",
    "reference_date",
)
#: Other names people give those columns (lower case, spaces as underscores).
ALIASES: dict[str, str] = {
    "start": "date",
    "start_date": "date",
    "when": "date",
    "end": "end_date",
    "until": "end_date",
    "headline": "title",
    "name": "title",
    "event": "title",
    "description": "text",
    "sentence": "text",
    "body": "text",
    "category": "group",
    "lane": "group",
    "link": "url",
    "source_url": "url",
    "image": "media",
    "media_url": "media",
    "display_date": "display_date",
}
#: The TimelineJS spreadsheet template's date columns.
_SHEET_DATE = ("year", "month", "day", "time")
_SHEET_END = ("end_year", "end_month", "end_day", "end_time")
_EXTENSIONS: dict[str, Kind] = {".csv": "csv", ".json": "json", ".yaml": "yaml", ".yml": "yaml"}
_SAFE_LINK = re.compile(r"^(?:https?://|mailto:|/|\./|\.\./|#)|^[^:/?#]+(?:[/?#]|$)", re.I)
_MONTHS = tuple(calendar.month_name)[1:]
_TITLE_LENGTH = 70


@dataclass(frozen=True)
class Row:
    """One input row: its cells by canonical column name, and where it was."""

    cells: Mapping[str, str]
    where: str  # "line 3" for CSV, "row 2" for JSON/YAML


@dataclass(frozen=True)
class Table:
    """What a structured file holds: its rows and file-level settings."""

    rows: tuple[Row, ...]
    title: str | None = None
    reference_date: date | None = None


def kind_of(path: str | Path) -> Kind | None:
    """The table kind a file name's extension names, if any."""
    return _EXTENSIONS.get(Path(path).suffix.lower())


def read_table(
    data: str | Path,
    *,
    kind: Kind | None = None,
    reference: date,
    source: str | None = None,
    doc_id: str = "d1",
    fixed_reference: bool = False,
    day_first: bool = False,
    group_column: str = "group",
    tagger: Tagger | None = None,
) -> tuple[Event, ...]:
    """The events of a structured input, one per row.

    ``data`` is a :class:`~pathlib.Path` to read, or the text itself (then give
    ``kind``). ``reference`` dates relative expressions in rows without a
    ``reference_date`` of their own; with ``fixed_reference`` it dates every row.
    ``group_column`` names the column that gives each event its group (lane).
    Raises :class:`FormatError` naming the line or row and column at fault.
    """
    table = parse_table(data, kind=kind, source=source)
    return table_events(
        table,
        reference=reference,
        source=source or (str(data) if isinstance(data, Path) else f"<{kind}>"),
        doc_id=doc_id,
        fixed_reference=fixed_reference,
        day_first=day_first,
        group_column=group_column,
        tagger=tagger,
    )


def parse_table(data: str | Path, *, kind: Kind | None = None, source: str | None = None) -> Table:
    """Rows and settings of a structured input, without dating anything yet."""
    if isinstance(data, Path):
        source = source or str(data)
        kind = kind or kind_of(data)
        try:
            data = data.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise FormatError(f"{source}: cannot read ({error})") from None
    source = source or f"<{kind}>"
    if kind == "csv":
        return _csv_table(data, source)
    if kind == "json":
        return _record_table(_json_record(data, source), source)
    if kind == "yaml":
        return _record_table(_yaml_record(data, source), source)
    raise FormatError(f"{source}: unknown table kind {kind!r} (expected csv, json or yaml)")


def canonical(column: str) -> str:
    """A column name as we know it: lower case, spaces as underscores, aliases resolved."""
    name = re.sub(r"[\s-]+", "_", str(column).strip().lower())
    return ALIASES.get(name, name)


def _csv_table(text: str, source: str) -> Table:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader, None)
        if header is None:
            raise FormatError(f"{source}: empty CSV file (expected a header row)")
        columns = [canonical(name) for name in header]
        _check_columns(columns, source, "line 1")
        rows = []
        for cells in reader:
            where = f"line {reader.line_num}"
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(columns):
                raise FormatError(
                    f"{source}: {where}: {len(cells)} cells but the header names {len(columns)}"
                )
            rows.append(
                Row(dict(zip(columns, (cell.strip() for cell in cells), strict=False)), where)
            )
    except csv.Error as error:
        raise FormatError(f"{source}: line {reader.line_num}: {error}") from None
    return Table(tuple(rows))


def _check_columns(columns: list[str], source: str, where: str) -> None:
    known = set(COLUMNS) | set(_SHEET_DATE) | {"display_date"}
    if not known.intersection(columns) or not ({"date", "year"} & set(columns)):
        raise FormatError(
            f"{source}: {where}: no date column (expected columns {', '.join(COLUMNS[:7])})"
        )


def _json_record(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"{source}: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None


def _yaml_record(text: str, source: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "cannot parse"
        raise FormatError(f"{source}: invalid YAML{where}: {problem}") from None


def _record_table(record: Any, source: str) -> Table:
    """Rows from a list of objects, or from an object with an ``events``/``rows`` list."""
    title = reference = None
    if isinstance(record, dict):
        title = _located(record.get("title"), source, "top level, column title") or None
        reference = _reference_cell(record.get("reference_date"), source, "top level")
        items = record.get("events", record.get("rows"))
    else:
        items = record
    if not isinstance(items, list):
        raise FormatError(
            f'{source}: expected a list of rows, or an object with an "events" list of rows'
        )
    rows = []
    for number, item in enumerate(items, 1):
        where = f"row {number}"
        if not isinstance(item, dict):
            raise FormatError(f"{source}: {where}: expected an object of columns")
        cells = {
            canonical(key): _located(value, source, f"{where}, column {canonical(key)}")
            for key, value in item.items()
        }
        _check_columns(list(cells), source, where)
        rows.append(Row(cells, where))
    return Table(tuple(rows), title=title, reference_date=reference)


def _cell(value: Any) -> str:
    """A JSON/YAML value as the text a CSV cell would hold (YAML reads dates itself)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M" + (":%S" if value.second else ""))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict | list):
        raise ValueError(f"expected text, got {json.dumps(value, default=str)[:40]}")
    return str(value).strip()


def _located(value: Any, source: str, where: str) -> str:
    try:
        return _cell(value)
    except ValueError as error:
        raise FormatError(f"{source}: {where}: {error}") from None


def _reference_cell(value: Any, source: str, where: str) -> date | None:
    text = _cell(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise FormatError(
            f"{source}: {where}, column reference_date: expected YYYY-MM-DD, got {text!r}"
        ) from None


def table_events(
    table: Table,
    *,
    reference: date,
    source: str,
    doc_id: str = "d1",
    fixed_reference: bool = False,
    day_first: bool = False,
    group_column: str = "group",
    tagger: Tagger | None = None,
) -> tuple[Event, ...]:
    """Date every row of ``table`` and make it an event (see :func:`read_table`)."""
    tag = tagger or _default_tagger(day_first)
    if not fixed_reference and table.reference_date is not None:
        reference = table.reference_date
    events = []
    for number, row in enumerate(table.rows, 1):
        row_reference = reference
        if not fixed_reference:
            row_reference = _reference_cell(row.cells.get("reference_date"), source, row.where)
            row_reference = row_reference or reference
        event = _row_event(row, f"{doc_id}.r{number}", doc_id, row_reference, tag, source)
        if group_column != "group":
            event = replace(event, group=row.cells.get(canonical(group_column)) or None)
        events.append(event)
    return tuple(events)


def _default_tagger(day_first: bool) -> Tagger:
    from timeline.temporal import tag

    def tagger(text: str, reference: date) -> list[Timex]:
        return tag(text, reference, day_first=day_first)

    return tagger


@dataclass(frozen=True)
class _When:
    start: Moment | None
    end: Moment | None
    granularity: str | None
    approximate: bool
    undated: Undated | None


def _row_event(
    row: Row, event_id: str, doc_id: str, reference: date, tag: Tagger, source: str
) -> Event:
    cells = row.cells

    def fail(column: str, message: str) -> FormatError:
        return FormatError(f"{source}: {row.where}, column {column}: {message}")

    date_text, end_text = _date_texts(cells)
    when = _resolve(date_text, end_text, reference, tag, fail)
    title, text = cells.get("title", ""), cells.get("text", "")
    if not title and not text:
        raise fail("title", "a row needs a title or a text")
    for column in ("url", "media"):
        if cells.get(column) and not _SAFE_LINK.match(cells[column]):
            raise fail(column, f"not a web link: {cells[column][:60]!r}")
    shown = cells.get("display_date") or " – ".join(part for part in (date_text, end_text) if part)
    return Event(
        id=event_id,
        start=when.start,
        end=when.end,
        granularity=when.granularity,
        approximate=when.approximate,
        title=title or _title_from(text),
        sentence=text,
        documents=(doc_id,),
        timexes=(),
        undated=when.undated,
        group=cells.get("group") or None,
        url=cells.get("url") or None,
        media=cells.get("media") or None,
        date_text=shown,
    )


def _date_texts(cells: Mapping[str, str]) -> tuple[str, str]:
    """The date and end-date texts, from ``date``/``end_date`` or TimelineJS sheet columns."""
    if cells.get("date") or not cells.get("year"):
        return cells.get("date", ""), cells.get("end_date", "")
    return _sheet_date(cells, _SHEET_DATE), _sheet_date(cells, _SHEET_END)


def _sheet_date(cells: Mapping[str, str], names: tuple[str, ...]) -> str:
    year, month, day, clock = (cells.get(name, "") for name in names)
    if not year:
        return ""
    if not month:
        return year
    if not month.isdigit() or not 1 <= int(month) <= 12:
        return f"{month} {year}"
    if not day:
        return f"{_MONTHS[int(month) - 1]} {year}"
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}" + (f" {clock}" if clock else "")


def _resolve(
    date_text: str,
    end_text: str,
    reference: date,
    tag: Tagger,
    fail: Callable[[str, str], FormatError],
) -> _When:
    undated = undated_side(date_text)
    if undated is not None:
        if end_text:
            raise fail("end_date", f"an end date for an undated row ({date_text or 'empty'!r})")
        return _When(None, None, None, False, undated)
    start = _span(date_text, reference, tag)
    if start is None:
        raise fail("date", f"cannot read a date from {date_text!r}")
    if isinstance(start, str):
        return _When(None, None, None, False, start)  # type: ignore[arg-type]
    assert start.start is not None and start.end is not None
    if _key(start.end) < _key(start.start):
        raise fail("date", f"{date_text!r} ends before it starts")
    if end_text:
        end = _span(end_text, reference, tag)
        if end is None or isinstance(end, str):
            raise fail("end_date", f"cannot read a date from {end_text!r}")
        start = _join(start, end)
        if _key(start.end) < _key(start.start):
            raise fail("end_date", f"{end_text!r} is before {date_text!r}")
    return start


def undated_side(text: str) -> Undated | None:
    """``future``/``past`` for a date cell that means "no date yet", else None."""
    cleaned = " ".join(re.sub(r"[^\w?]+", " ", text.lower()).split())
    if not cleaned:
        return "future"
    words = _undated_words()
    for side in ("future", "past"):
        if cleaned in words[side]:
            return side  # type: ignore[return-value]
    return None


@cache
def _undated_words() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(
        resources.files("timeline.formats").joinpath("data/undated.yaml").read_text("utf-8")
    )
    return {
        side: frozenset(str(word).lower() for word in data[side]) for side in ("future", "past")
    }


def _span(text: str, reference: date, tag: Tagger) -> _When | str | None:
    """The span every dated timex in ``text`` covers; "future"/"past" for a vague one."""
    numeric = _numeric_date(text)
    if numeric is not None:
        return numeric
    timexes = tag(_DAY_RANGE.sub(_spell_out_day_range, text), reference)
    dated = [timex for timex in timexes if timex.interval is not None]
    if not dated:
        for timex in timexes:
            if timex.value == "FUTURE_REF":
                return "future"
            if timex.value == "PAST_REF":
                return "past"
        return None
    whens = [_when_of(timex) for timex in dated]
    if len(whens) == 2:
        whens = _date_and_clock(whens, dated) or _same_year(whens, dated)
    result = whens[0]
    for when in whens[1:]:
        result = _join(result, when)
    return result


_ISO_LIKE = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})(?:[-/.](?P<day>\d{1,2}))?")
_DAY_FIRST = re.compile(r"(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>\d{4})")


#: "March 5 – 9, 2021": a day range inside one month, spelled out for the tagger.
_DAY_RANGE = re.compile(
    r"^(?P<month>[A-Za-z]{3,}\.?)\s+(?P<first>\d{1,2})\s*(?:-|–|—|to|until)\s*"
    r"(?P<last>\d{1,2})(?P<year>,?\s+\d{4})?\s*$"
)


def _spell_out_day_range(match: re.Match[str]) -> str:
    year = match["year"] or ""
    return f"{match['month']} {match['first']}{year} - {match['month']} {match['last']}{year}"


def _numeric_date(text: str) -> _When | None:
    """Spreadsheet dates: ``2021-03``, ``2024/04/24``, and ``31/10/2025`` when the day is > 12.

    Read directly: they are unambiguous, and a tagger tuned for prose may not
    take a year-month alone. Anything else goes to the tagger.
    """
    cell = text.strip()
    match = _ISO_LIKE.fullmatch(cell)
    if match is None:
        match = _DAY_FIRST.fullmatch(cell)
        if match is None or int(match["day"]) <= 12:
            return None
    year, month = int(match["year"]), int(match["month"])
    try:
        if match["day"] is None:
            last = calendar.monthrange(year, month)[1]
            return _When(date(year, month, 1), date(year, month, last), "month", False, None)
        day = date(year, month, int(match["day"]))
    except (ValueError, calendar.IllegalMonthError):
        return None
    return _When(day, day, "day", False, None)


def _when_of(timex: Timex) -> _When:
    interval = timex.interval
    assert interval is not None
    return _When(interval.start, interval.end, interval.granularity, interval.approximate, None)


def _date_and_clock(whens: list[_When], timexes: list[Timex]) -> list[_When] | None:
    """ "April 24, 2024 at 2:30 pm": a day, then a time of day the tagger put on the reference."""
    day, clock = whens
    if day.granularity != "day" or isinstance(day.start, datetime) or day.start != day.end:
        return None
    if timexes[1].type != "TIME" or not isinstance(clock.start, datetime):
        return None
    if re.search(r"\d{4}|[A-Za-z]{3,}\.?\s+\d", timexes[1].text):  # the time names its own day
        return None
    assert isinstance(clock.end, datetime) and isinstance(day.start, date)
    start = datetime.combine(day.start, clock.start.time())
    end = datetime.combine(day.start, clock.end.time())
    return [_When(start, end, clock.granularity, clock.approximate, None)]


def _same_year(whens: list[_When], timexes: list[Timex]) -> list[_When]:
    """In "January–March 2020" or "Dec 30 - Jan 2, 2026" the first part takes its year
    from the second (the year before, if it would otherwise end after the second)."""
    if re.search(r"\d{4}", timexes[0].text) or not re.search(r"\d{4}", timexes[1].text):
        return whens
    first, second = whens
    assert first.start is not None and first.end is not None and second.end is not None
    target = second.end.year
    for year in (target, target - 1):
        try:
            moved = _When(
                first.start.replace(year=year + first.start.year - first.end.year),
                first.end.replace(year=year),
                first.granularity,
                first.approximate,
                None,
            )
        except ValueError:  # 29 February
            return whens
        assert moved.start is not None
        if _key(moved.start) <= _key(second.end):
            return [moved, second]
    return whens


def _join(first: _When, second: _When) -> _When:
    """One span from the start of ``first`` to the end of ``second``, at the coarser grain."""
    assert first.start is not None and second.end is not None
    start, end = first.start, second.end
    if isinstance(start, datetime) != isinstance(end, datetime):
        start = _as_datetime(start, time.min)
        end = _as_datetime(end, time(23, 59))
    granularity = min(
        first.granularity or "day", second.granularity or "day", key=GRANULARITIES.index
    )
    return _When(start, end, granularity, first.approximate or second.approximate, None)


def _as_datetime(moment: Moment, clock: time) -> datetime:
    return moment if isinstance(moment, datetime) else datetime.combine(moment, clock)


def _key(moment: Moment) -> datetime:
    return _as_datetime(moment, time.min).replace(tzinfo=None)


def _title_from(text: str) -> str:
    """A title for a row that has only a text: its first sentence, cut at a word."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    if len(first) <= _TITLE_LENGTH:
        return first
    return first[: _TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
