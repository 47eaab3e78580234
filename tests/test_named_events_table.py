"""The named-events table itself: well formed, one row per edition, known rows right."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from timeline.temporal.calendar import (
    EVENTS_CSV,
    CalendarDataError,
    NamedEvent,
    _key,
    load_named_events,
    read_events_csv,
)

EVENTS = load_named_events()


def test_table_is_not_small():
    assert len(EVENTS) >= 200
    assert len({event.name for event in EVENTS}) >= 15


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: f"{e.name}-{e.start}")
def test_row_is_well_formed(event: NamedEvent):
    assert event.start <= event.end
    assert (event.end - event.start).days <= 60, "an edition lasts at most two months"
    assert date(2000, 1, 1) <= event.start <= date(2033, 12, 31)
    assert event.cities and all(city.strip() for city in event.cities)
    assert event.countries and all(country.strip() for country in event.countries)
    assert event.source.strip()
    assert all(alias.strip() == alias and alias for alias in event.aliases)


def test_one_row_per_edition():
    counts = Counter((event.name, event.start.year) for event in EVENTS)
    assert [edition for edition, n in counts.items() if n > 1] == []


def test_no_alias_shared_within_a_year_unless_the_place_tells_them_apart():
    """Two rows of one year may share an alias only when they are held in different cities
    (the 2009 G20 summits in London and Pittsburgh): the place then decides."""
    seen: dict[tuple[int, str], list[NamedEvent]] = {}
    for event in EVENTS:
        for alias in {_key(a) for a in event.aliases}:
            seen.setdefault((event.start.year, alias), []).append(event)
    clashes = [
        (year, alias, [e.name for e in rows])
        for (year, alias), rows in seen.items()
        if len(rows) > 1 and len({e.cities for e in rows}) < len(rows)
    ]
    assert clashes == []


def test_edition_aliases_name_a_single_row():
    """An alias naming an edition ("COP29", "Super Bowl LIX", "Euro 2024") is one row."""
    edition = re.compile(r"\b(?:19|20)\d{2}\b|^COP \d+$|^Super Bowl (?!Sunday)\w+$")
    owners: dict[str, set[tuple[str, date]]] = {}
    for event in EVENTS:
        for alias in event.aliases:
            if edition.search(alias):
                owners.setdefault(_key(alias), set()).add((event.name, event.start))
    assert {alias: rows for alias, rows in owners.items() if len(rows) > 1} == {}


KNOWN = [
    ("APEC leaders' meeting", 2025, "2025-10-31", "2025-11-01", "Gyeongju, South Korea"),
    ("APEC leaders' meeting", 2023, "2023-11-16", "2023-11-17", "San Francisco, United States"),
    ("US presidential election", 2024, "2024-11-05", "2024-11-05", "United States"),
    ("US presidential election", 2020, "2020-11-03", "2020-11-03", "United States"),
    ("US presidential election", 2028, "2028-11-07", "2028-11-07", "United States"),
    ("US midterm elections", 2022, "2022-11-08", "2022-11-08", "United States"),
    ("US midterm elections", 2026, "2026-11-03", "2026-11-03", "United States"),
    ("Summer Olympics", 2024, "2024-07-26", "2024-08-11", "Paris, France"),
    ("Summer Olympics", 2021, "2021-07-23", "2021-08-08", "Tokyo, Japan"),
    ("Winter Olympics", 2026, "2026-02-06", "2026-02-22", "Milan and Cortina d'Ampezzo, Italy"),
    ("FIFA World Cup", 2022, "2022-11-20", "2022-12-18", "Lusail, Qatar"),
    ("FIFA World Cup", 2026, "2026-06-11", "2026-07-19", "United States, Canada and Mexico"),
    ("G20 summit", 2025, "2025-11-22", "2025-11-23", "Johannesburg, South Africa"),
    ("G7 summit", 2025, "2025-06-15", "2025-06-17", "Kananaskis, Canada"),
    ("NATO summit", 2025, "2025-06-24", "2025-06-25", "The Hague, Netherlands"),
    ("UN climate conference", 2024, "2024-11-11", "2024-11-24", "Baku, Azerbaijan"),
    ("UN climate conference", 2015, "2015-11-30", "2015-12-12", "Paris, France"),
    ("Super Bowl", 2025, "2025-02-09", "2025-02-09", "New Orleans, United States"),
    ("World Economic Forum annual meeting", 2025, "2025-01-20", "2025-01-24", "Davos, Switzerland"),
    ("UEFA European Championship", 2024, "2024-06-14", "2024-07-14", "Berlin, Germany"),
]


@pytest.mark.parametrize(("name", "year", "start", "end", "place"), KNOWN)
def test_known_rows(name: str, year: int, start: str, end: str, place: str):
    rows = [e for e in EVENTS if e.name == name and e.start.year == year]
    assert len(rows) == 1
    event = rows[0]
    assert (event.start.isoformat(), event.end.isoformat(), event.place) == (start, end, place)


def test_us_election_days_are_the_tuesday_after_the_first_monday_of_november():
    for event in EVENTS:
        if event.name in {"US presidential election", "US midterm elections"}:
            assert event.start.month == 11 and event.start.weekday() == 1
            assert 2 <= event.start.day <= 8


def test_builtin_csv_has_one_line_per_row():
    lines = EVENTS_CSV.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(EVENTS) + 1


HEADER = "name,aliases,start,end,city,country,source\n"
BAD_ROWS = [
    ("Web Summit,Web Summit,2025-11-13,2025-11-10,Lisbon,Portugal,site\n", "before start"),
    ("Web Summit,Web Summit,2025-13-01,,Lisbon,Portugal,site\n", "not an ISO date"),
    ("Web Summit,Web Summit,2025-11-10,2025-11-13,,Portugal,site\n", "city column is empty"),
    ("Web Summit,Web Summit||WS,2025-11-10,2025-11-13,Lisbon,Portugal,site\n", "empty item"),
    ("Web Summit,Web Summit,2025-11-10\n", "expected 7 columns"),
]


@pytest.mark.parametrize(("row", "message"), BAD_ROWS)
def test_bad_row_fails_with_file_and_line(tmp_path: Path, row: str, message: str):
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(CalendarDataError, match=message) as info:
        load_named_events(path)
    assert f"{path}:2:" in str(info.value)


def test_bad_header_fails(tmp_path: Path):
    path = tmp_path / "mine.csv"
    path.write_text("title,date\nx,2025-01-01\n", encoding="utf-8")
    with pytest.raises(CalendarDataError, match=r"mine\.csv:1: expected the columns"):
        read_events_csv(path)


def test_extra_rows_are_added(tmp_path: Path):
    path = tmp_path / "mine.csv"
    path.write_text(
        HEADER + "Web Summit,WebSummit,2025-11-10,2025-11-13,Lisbon,Portugal,organiser\n",
        encoding="utf-8",
    )
    events = load_named_events(path)
    assert len(events) == len(EVENTS) + 1
    assert events[-1].aliases == ("Web Summit", "WebSummit")
    assert events[-1].place == "Lisbon, Portugal"
