"""Named events and holidays: found in sentences and resolved to the right occurrence."""

from __future__ import annotations

import re
from datetime import date

import pytest

from timeline.model import Timex
from timeline.temporal.calendar import (
    find_holidays,
    find_named_events,
    holiday_dates,
    load_named_events,
    scan_named_events,
    sentence_tense,
)

REF = date(2025, 9, 20)  # the reference article's day
OCT = date(2025, 10, 10)

# (sentence, reference, span text, first day, last day, place)
EVENT_CASES = [
    (
        "Trump announced that he and Xi plan to meet in person during the upcoming "
        "Asia-Pacific Economic Cooperation (APEC) summit in South Korea.",
        REF,
        "the upcoming Asia-Pacific Economic Cooperation (APEC) summit in South Korea",
        "2025-10-31",
        "2025-11-01",
        "Gyeongju, South Korea",
    ),
    (
        "Xi met Biden on the sidelines of the APEC summit in San Francisco.",
        REF,
        "the APEC summit in San Francisco",
        "2023-11-16",
        "2023-11-17",
        "San Francisco, United States",
    ),
    (
        "Leaders gathered at the APEC summit in Lima last year.",
        REF,
        "the APEC summit in Lima last year",
        "2024-11-15",
        "2024-11-16",
        "Lima, Peru",
    ),
    (
        "The G20 summit in Johannesburg will be the first held on African soil.",
        REF,
        "The G20 summit in Johannesburg",
        "2025-11-22",
        "2025-11-23",
        "Johannesburg, South Africa",
    ),
    (
        "Modi hosted the G20 summit in New Delhi.",
        REF,
        "the G20 summit in New Delhi",
        "2023-09-09",
        "2023-09-10",
        "New Delhi, India",
    ),
    (
        "Leaders met at the 2019 G20 summit in Osaka.",
        REF,
        "the 2019 G20 summit in Osaka",
        "2019-06-28",
        "2019-06-29",
        "Osaka, Japan",
    ),
    (
        "Trump left the G7 summit in Charlevoix early.",
        REF,
        "the G7 summit in Charlevoix",
        "2018-06-08",
        "2018-06-09",
        "La Malbaie, Canada",
    ),
    (
        "Allies agreed to higher spending at the NATO summit in The Hague.",
        REF,
        "the NATO summit in The Hague",
        "2025-06-24",
        "2025-06-25",
        "The Hague, Netherlands",
    ),
    (
        "Zelensky attended the NATO summit in Vilnius.",
        REF,
        "the NATO summit in Vilnius",
        "2023-07-11",
        "2023-07-12",
        "Vilnius, Lithuania",
    ),
    (
        "Delegates at last year's COP29 agreed on a finance goal.",
        REF,
        "last year's COP29",
        "2024-11-11",
        "2024-11-24",
        "Baku, Azerbaijan",
    ),
    (
        "Brazil will host COP30 in Belém.",
        REF,
        "COP30 in Belém",
        "2025-11-10",
        "2025-11-22",
        "Belém, Brazil",
    ),
    (
        "The Paris Agreement was adopted at COP 21.",
        REF,
        "COP 21",
        "2015-11-30",
        "2015-12-12",
        "Paris, France",
    ),
    (
        "Negotiators are preparing for the upcoming UN climate summit in Brazil.",
        REF,
        "the upcoming UN climate summit in Brazil",
        "2025-11-10",
        "2025-11-22",
        "Belém, Brazil",
    ),
    (
        "Crowds packed the stadiums at the Paris Olympics.",
        REF,
        "the Paris Olympics",
        "2024-07-26",
        "2024-08-11",
        "Paris, France",
    ),
    (
        "Los Angeles will host the 2028 Olympics.",
        REF,
        "the 2028 Olympics",
        "2028-07-14",
        "2028-07-30",
        "Los Angeles, United States",
    ),
    (
        "The Tokyo Olympics were held without spectators.",
        REF,
        "The Tokyo Olympics",
        "2021-07-23",
        "2021-08-08",
        "Tokyo, Japan",
    ),
    (
        "Skiers are training for the Winter Olympics in Milan.",
        REF,
        "the Winter Olympics in Milan",
        "2026-02-06",
        "2026-02-22",
        "Milan and Cortina d'Ampezzo, Italy",
    ),
    (
        "Athletes competed at the Beijing Winter Olympics.",
        REF,
        "the Beijing Winter Olympics",
        "2022-02-04",
        "2022-02-20",
        "Beijing, China",
    ),
    (
        "Tickets for the 2026 World Cup sold out.",
        REF,
        "the 2026 World Cup",
        "2026-06-11",
        "2026-07-19",
        "United States, Canada and Mexico",
    ),
    (
        "Argentina won the World Cup in Qatar.",
        REF,
        "the World Cup in Qatar",
        "2022-11-20",
        "2022-12-18",
        "Lusail, Qatar",
    ),
    (
        "Messi lifted the trophy after the 2022 World Cup final.",
        REF,
        "the 2022 World Cup final",
        "2022-12-18",
        "2022-12-18",
        "Lusail, Qatar",
    ),
    ("Spain won Euro 2024.", REF, "Euro 2024", "2024-06-14", "2024-07-14", "Berlin, Germany"),
    (
        "India hosted the Cricket World Cup in 2023.",
        REF,
        "the Cricket World Cup in 2023",
        "2023-10-05",
        "2023-11-19",
        "Ahmedabad, India",
    ),
    (
        "South Africa won the 2019 Rugby World Cup in Japan.",
        REF,
        "the 2019 Rugby World Cup in Japan",
        "2019-09-20",
        "2019-11-02",
        "Yokohama, Japan",
    ),
    (
        "The ad aired during the Super Bowl.",
        REF,
        "the Super Bowl",
        "2025-02-09",
        "2025-02-09",
        "New Orleans, United States",
    ),
    (
        "Fans will flock to California for the Super Bowl.",
        REF,
        "the Super Bowl",
        "2026-02-08",
        "2026-02-08",
        "Santa Clara, United States",
    ),
    (
        "The Eagles won Super Bowl LIX.",
        REF,
        "Super Bowl LIX",
        "2025-02-09",
        "2025-02-09",
        "New Orleans, United States",
    ),
    (
        "He won the 2024 presidential election.",
        REF,
        "the 2024 presidential election",
        "2024-11-05",
        "2024-11-05",
        "United States",
    ),
    (
        "Republicans hope to hold the House before the midterms.",
        REF,
        "the midterms",
        "2026-11-03",
        "2026-11-03",
        "United States",
    ),
    (
        "Democrats lost 63 seats in the 2010 midterm elections.",
        REF,
        "the 2010 midterm elections",
        "2010-11-02",
        "2010-11-02",
        "United States",
    ),
    (
        "Obama won the presidential election in 2008.",
        REF,
        "the presidential election in 2008",
        "2008-11-04",
        "2008-11-04",
        "United States",
    ),
    (
        "Voters head to the polls on Election Day.",
        date(2024, 10, 1),
        "Election Day",
        "2024-11-05",
        "2024-11-05",
        "United States",
    ),
    (
        "Chief executives flew in for the World Economic Forum annual meeting.",
        REF,
        "the World Economic Forum annual meeting",
        "2025-01-20",
        "2025-01-24",
        "Davos, Switzerland",
    ),
    (
        "Putin skipped the BRICS summit in Johannesburg.",
        REF,
        "the BRICS summit in Johannesburg",
        "2023-08-22",
        "2023-08-24",
        "Johannesburg, South Africa",
    ),
    (
        "Leaders signed a declaration at the BRICS summit in Kazan.",
        REF,
        "the BRICS summit in Kazan",
        "2024-10-22",
        "2024-10-24",
        "Kazan, Russia",
    ),
    (
        "The pound fell after the Brexit referendum.",
        REF,
        "the Brexit referendum",
        "2016-06-23",
        "2016-06-23",
        "United Kingdom",
    ),
    (
        "Trade will top the agenda of the upcoming G20 summit.",
        REF,
        "the upcoming G20 summit",
        "2025-11-22",
        "2025-11-23",
        "Johannesburg, South Africa",
    ),
    (
        "Biden met Xi at the last G20 summit.",
        REF,
        "the last G20 summit",
        "2024-11-18",
        "2024-11-19",
        "Rio de Janeiro, Brazil",
    ),
]


@pytest.mark.parametrize(("sentence", "reference", "text", "first", "last", "place"), EVENT_CASES)
def test_named_event(
    sentence: str, reference: date, text: str, first: str, last: str, place: str
) -> None:
    found = find_named_events(sentence, reference)
    assert [t.text for t in found] == [text]
    timex = found[0]
    assert sentence[timex.start : timex.end] == timex.text
    assert (timex.type, timex.value, timex.anchor, timex.timeml) == (
        "DATE",
        first,
        "named-event",
        False,
    )
    assert timex.interval is not None
    assert (timex.interval.start.isoformat(), timex.interval.end.isoformat()) == (first, last)
    assert timex.interval.granularity == "day"
    assert timex.place == place
    assert timex.rule.startswith("named-event:")


# (sentence, reference, span text, value, last day, anchor)
HOLIDAY_CASES = [
    ("Stores expect crowds at Thanksgiving.", OCT, "Thanksgiving", "2025-11-27", None, "reference"),
    (
        "We will travel over Easter next year.",
        OCT,
        "Easter next year",
        "2026-04-05",
        None,
        "reference",
    ),
    ("Sales fell after Christmas 2023.", OCT, "Christmas 2023", "2023-12-25", None, "absolute"),
    ("The family gathered for Thanksgiving.", OCT, "Thanksgiving", "2024-11-28", None, "reference"),
    ("Last Christmas, the market crashed.", OCT, "Last Christmas", "2024-12-25", None, "reference"),
    (
        "The parade will mark the Fourth of July.",
        OCT,
        "Fourth of July",
        "2026-07-04",
        None,
        "reference",
    ),
    ("Markets were closed on Good Friday.", OCT, "Good Friday", "2025-04-18", None, "reference"),
    (
        "Fireworks lit the sky on New Year's Eve.",
        date(2026, 1, 5),
        "New Year's Eve",
        "2025-12-31",
        None,
        "reference",
    ),
    (
        "The office reopens after Labor Day.",
        date(2025, 8, 20),
        "Labor Day",
        "2025-09-01",
        None,
        "reference",
    ),
    ("Juneteenth 2020 drew large crowds.", OCT, "Juneteenth 2020", "2020-06-19", None, "absolute"),
    (
        "Diwali falls in late October this year.",
        date(2025, 10, 1),
        "Diwali",
        "2025-10-20",
        None,
        "reference",
    ),
    ("Lunar New Year celebrations began.", OCT, "Lunar New Year", "2025-01-29", None, "reference"),
    (
        "Factories will close for Chinese New Year.",
        OCT,
        "Chinese New Year",
        "2026-02-17",
        None,
        "reference",
    ),
    ("Muslims fasted during Ramadan.", OCT, "Ramadan", "2025-03-01", "2025-03-29", "reference"),
    ("Families celebrated Eid al-Fitr.", OCT, "Eid al-Fitr", "2025-03-30", None, "reference"),
    (
        "Hanukkah begins next month.",
        date(2025, 11, 10),
        "Hanukkah",
        "2025-12-15",
        "2025-12-22",
        "reference",
    ),
    (
        "India's Independence Day parade was grand.",
        OCT,
        "Independence Day",
        "2025-08-15",
        None,
        "reference",
    ),
    (
        "Banks close on Martin Luther King Jr. Day.",
        OCT,
        "Martin Luther King Jr. Day",
        "2026-01-19",
        None,
        "reference",
    ),
    (
        "Retailers are bracing for Black Friday.",
        OCT,
        "Black Friday",
        "2025-11-28",
        None,
        "reference",
    ),
    ("Kids will trick-or-treat on Halloween.", OCT, "Halloween", "2025-10-31", None, "reference"),
    ("He proposed on Valentine's Day.", OCT, "Valentine's Day", "2025-02-14", None, "reference"),
    (
        "The memorial opened on Veterans Day 2024.",
        OCT,
        "Veterans Day 2024",
        "2024-11-11",
        None,
        "absolute",
    ),
    ("The pool opened on Memorial Day.", OCT, "Memorial Day", "2025-05-26", None, "reference"),
    (
        "Shops will shut early on Christmas Eve.",
        date(2025, 12, 1),
        "Christmas Eve",
        "2025-12-24",
        None,
        "reference",
    ),
    ("Prices may rise by next Easter.", OCT, "next Easter", "2026-04-05", None, "reference"),
    ("Sales could slump this Christmas.", OCT, "this Christmas", "2025-12-25", None, "reference"),
    (
        "The pool opened on Memorial Day weekend.",
        OCT,
        "Memorial Day weekend",
        "2025-W21-WE",
        ("2025-05-24", "2025-05-26"),
        "reference",
    ),
    (
        "Traffic peaks over Thanksgiving weekend.",
        OCT,
        "Thanksgiving weekend",
        "2025-W48-WE",
        ("2025-11-27", "2025-11-30"),
        "reference",
    ),
    (
        "Easter weekend 2024 was busy.",
        OCT,
        "Easter weekend 2024",
        "2024-W13-WE",
        ("2024-03-30", "2024-03-31"),
        "absolute",
    ),
    (
        "On Christmas, 2000 troops left the base.",
        OCT,
        "Christmas",
        "2024-12-25",
        None,
        "reference",
    ),
    (
        "Lawmakers left town before Presidents' Day.",
        OCT,
        "Presidents' Day",
        "2025-02-17",
        None,
        "reference",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "reference", "text", "value", "last", "anchor"), HOLIDAY_CASES
)
def test_holiday(
    sentence: str,
    reference: date,
    text: str,
    value: str,
    last: str | tuple[str, str] | None,
    anchor: str,
) -> None:
    found = find_holidays(sentence, reference)
    assert [t.text for t in found] == [text]
    timex = found[0]
    assert sentence[timex.start : timex.end] == timex.text
    assert (timex.type, timex.value, timex.anchor, timex.timeml) == ("DATE", value, anchor, True)
    assert timex.interval is not None
    first, final = last if isinstance(last, tuple) else (value, last or value)
    assert (timex.interval.start.isoformat(), timex.interval.end.isoformat()) == (first, final)
    assert timex.rule.startswith("holiday:")


NEGATIVES = [
    "The Christmas tree was lit in the square.",
    "He visited Paris in the spring.",
    "Members approved the election of a new chairman.",
    "Presidents' Day sales drew shoppers.",
    "APEC members agreed to cut tariffs.",
    "Tourists photographed the Easter Island statues.",
    "The cop stopped the car.",
    "Macron won the French presidential election.",
    "Leaders will meet at the G20 summit in Miami.",
    "The euro fell against the dollar.",
    "Ministers held a summit in Paris.",
    "Delegates at the biodiversity COP16 in Cali agreed on a fund.",
    "The pre-Christmas rush began early.",
    "The World Economic Forum said inflation would ease.",
    "The NATO alliance has 32 members.",
    "He thanked the Olympic committee.",
    "In the Basra offensive, or Operation Ramadan, waves of troops attacked.",
    'Radio stations played "White Christmas" on a loop.',
    "Crowds filled the churches as Easter week began.",
    "The presidential election of 1860 split the country.",
]


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_negative(sentence: str) -> None:
    assert find_named_events(sentence, REF) == []
    assert find_holidays(sentence, REF) == []


SEED = (
    "Notably, Trump has openly praised TikTok, even crediting the platform with helping him "
    "secure victory in the 2024 presidential election. Trump announced that he and Xi plan to "
    "meet in person during the upcoming Asia-Pacific Economic Cooperation (APEC) summit in "
    "South Korea. He also confirmed plans to visit China early next year."
)


def test_seed_paragraph() -> None:
    found = find_named_events(SEED, REF)
    assert [(t.value, t.interval.end.isoformat(), t.place) for t in found if t.interval] == [
        ("2024-11-05", "2024-11-05", "United States"),
        ("2025-10-31", "2025-11-01", "Gyeongju, South Korea"),
    ]
    assert all(SEED[t.start : t.end] == t.text for t in found)


def test_scan_without_reference_lists_candidates() -> None:
    """The reference-date inference reads mentions before any reference is known."""
    (mention,) = [m for m in scan_named_events(SEED) if "APEC" in m.text]
    assert mention.direction == "future"
    assert {e.start.year for e in mention.candidates} == {2005, 2025}


def test_user_rows_are_found(tmp_path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "name,aliases,start,end,city,country,source\n"
        "Web Summit,Web Summit,2025-11-10,2025-11-13,Lisbon,Portugal,organiser\n",
        encoding="utf-8",
    )
    events = load_named_events(path)
    (timex,) = find_named_events("She will speak at the Web Summit in Lisbon.", REF, events=events)
    assert (timex.text, timex.value, timex.place) == (
        "the Web Summit in Lisbon",
        "2025-11-10",
        "Lisbon, Portugal",
    )


TENSE_CASES = [
    ("He will attend the summit.", "future"),
    ("She attended the summit.", "past"),
    ("They flew home after the summit.", "past"),
    ("Officials said the summit is expected to open soon.", "future"),
    ("The summit.", None),
    # phrases of several words, any case, curly apostrophes
    ("The summit TOOK PLACE in Paris.", "past"),
    ("The summit will take place in Paris.", "future"),
    ("It’s been postponed; the summit is upcoming.", "future"),
    ("Leaders gathered at the summit.", "past"),
]


# Seen from before the table starts (2000), a series mention has no answer: not the 2002 row.
OUT_OF_RANGE = [
    ("Germany can take part in planning for the NATO summit in April.", date(1998, 12, 5)),
    ("A bomb blast shocked the Olympic games.", date(1998, 2, 27)),
    ("Democrats campaigned hard until Election Day.", date(1998, 10, 26)),
    ("The next G20 summit will be held in Miami.", date(2026, 1, 10)),
]


@pytest.mark.parametrize(("sentence", "reference"), OUT_OF_RANGE)
def test_outside_the_table_nothing_is_guessed(sentence: str, reference: date) -> None:
    assert find_named_events(sentence, reference) == []


@pytest.mark.parametrize(("sentence", "expected"), TENSE_CASES)
def test_sentence_tense(sentence: str, expected: str | None) -> None:
    start = sentence.index("summit")
    assert sentence_tense(sentence, start, start + len("summit")) == expected


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("Thanksgiving Day", 2025, ("2025-11-27", "2025-11-27")),
        ("Black Friday", 2025, ("2025-11-28", "2025-11-28")),
        ("Easter Sunday", 2026, ("2026-04-05", "2026-04-05")),
        ("Ramadan", 2024, ("2024-03-11", "2024-04-09")),
        ("Diwali", 2024, ("2024-10-31", "2024-10-31")),
    ],
)
def test_holiday_dates(name: str, year: int, expected: tuple[str, str]) -> None:
    span = holiday_dates(name, year)
    assert span is not None
    assert (span[0].isoformat(), span[1].isoformat()) == expected


def _resolved(timexes: list[Timex]) -> list[str]:
    return [t.value for t in timexes]


def test_country_option_changes_national_holidays() -> None:
    text = "Celebrations will mark Independence Day."
    assert _resolved(find_holidays(text, OCT)) == ["2026-07-04"]
    assert _resolved(find_holidays(text, OCT, country="IN")) == ["2026-08-15"]


# Sentences written apart from the cases above, to measure how often a mention resolves to the
# right occurrence (sentence, reference, expected first day, finder). The first 50 were
# measured before any tuning at 46/50 (92%), the last 25 after it at 23/25 (92%); misses then
# led to host-city mentions ("the Vilnius summit"), "<city> Games" aliases and Turkey's
# calendar for Eid. Not every row must pass: the test holds the rate at 90% or more.
HELD_OUT = [
    (
        "Biden and Xi held talks on the margins of APEC in San Francisco in November 2023.",
        date(2025, 9, 20),
        "2023-11-16",
        "event",
    ),
    (
        "South Korea is preparing to welcome leaders to Gyeongju for APEC later this year.",
        date(2025, 9, 1),
        "2025-10-31",
        "event",
    ),
    ("The 2016 Rio Olympics were plagued by Zika fears.", date(2025, 9, 20), "2016-08-05", "event"),
    (
        "Athletes arrived in Paris ahead of the Olympic Games.",
        date(2024, 7, 20),
        "2024-07-26",
        "event",
    ),
    (
        "Russia was banned from the Pyeongchang Winter Olympics.",
        date(2025, 9, 20),
        "2018-02-09",
        "event",
    ),
    (
        "France beat Croatia in the 2018 World Cup final in Moscow.",
        date(2025, 9, 20),
        "2018-07-15",
        "event",
    ),
    ("Qatar spent billions preparing for the World Cup.", date(2022, 6, 1), "2022-11-20", "event"),
    (
        "Kansas City will face Philadelphia in the Super Bowl on Sunday.",
        date(2025, 2, 5),
        "2025-02-09",
        "event",
    ),
    (
        "Taylor Swift attended Super Bowl LVIII in Las Vegas.",
        date(2025, 9, 20),
        "2024-02-11",
        "event",
    ),
    (
        "The COP28 talks in Dubai ended with a call to transition away from fossil fuels.",
        date(2025, 9, 20),
        "2023-11-30",
        "event",
    ),
    (
        "Scientists issued warnings ahead of COP27 in Egypt.",
        date(2025, 9, 20),
        "2022-11-06",
        "event",
    ),
    (
        "The Glasgow climate conference produced a pact on coal.",
        date(2025, 9, 20),
        "2021-10-31",
        "event",
    ),
    (
        "Leaders at the G7 summit in Hiroshima visited the peace memorial.",
        date(2025, 9, 20),
        "2023-05-19",
        "event",
    ),
    ("Italy will host the G7 summit in Apulia in June.", date(2024, 3, 1), "2024-06-13", "event"),
    (
        "The G20 summit in Bali ended with a joint declaration.",
        date(2025, 9, 20),
        "2022-11-15",
        "event",
    ),
    ("Saudi Arabia hosted a virtual G20 summit in 2020.", date(2025, 9, 20), "2020-11-21", "event"),
    (
        "Erdogan lifted his veto on Sweden at the Vilnius summit.",
        date(2025, 9, 20),
        "2023-07-11",
        "event",
    ),
    (
        "NATO leaders will gather in Washington for the alliance's 75th anniversary summit.",
        date(2024, 5, 1),
        "2024-07-09",
        "event",
    ),
    (
        "Trump attended the NATO summit in Brussels in 2018.",
        date(2025, 9, 20),
        "2018-07-11",
        "event",
    ),
    (
        "Trump clashed with Macron at the NATO summit in London.",
        date(2025, 9, 20),
        "2019-12-03",
        "event",
    ),
    ("Davos 2024 focused on artificial intelligence.", date(2025, 9, 20), "2024-01-15", "event"),
    ("Milei gave a fiery speech in Davos in January.", date(2024, 3, 1), "2024-01-15", "event"),
    (
        "The BRICS summit in Johannesburg invited six new members.",
        date(2025, 9, 20),
        "2023-08-22",
        "event",
    ),
    ("Lula will host the BRICS summit in Rio de Janeiro.", date(2025, 3, 1), "2025-07-06", "event"),
    ("Trump won the 2016 election.", date(2025, 9, 20), "2016-11-08", "event"),
    ("Biden lost ground after the 2022 midterms.", date(2025, 9, 20), "2022-11-08", "event"),
    (
        "Polls show a tight race ahead of the presidential election.",
        date(2024, 9, 1),
        "2024-11-05",
        "event",
    ),
    (
        "Democrats fear losses in next year's midterm elections.",
        date(2025, 9, 20),
        "2026-11-03",
        "event",
    ),
    (
        "Voters cast ballots by mail in the 2020 presidential election amid the pandemic.",
        date(2025, 9, 20),
        "2020-11-03",
        "event",
    ),
    ("Italy won Euro 2020's final at Wembley.", date(2025, 9, 20), "2021-06-11", "event"),
    (
        "Australia won the Cricket World Cup final in Ahmedabad.",
        date(2025, 9, 20),
        "2023-11-19",
        "event",
    ),
    ("New Zealand hosted the Rugby World Cup in 2011.", date(2025, 9, 20), "2011-09-09", "event"),
    (
        "The Women's World Cup in Australia and New Zealand drew record crowds.",
        date(2025, 9, 20),
        "2023-07-20",
        "event",
    ),
    ("The Paralympics in Tokyo were held in 2021.", date(2025, 9, 20), "2021-08-24", "event"),
    ("The Euros in Germany drew millions of fans.", date(2025, 9, 20), "2024-06-14", "event"),
    (
        "The London Olympics opening ceremony featured the Queen.",
        date(2025, 9, 20),
        "2012-07-27",
        "event",
    ),
    ("Beijing hosted the Olympics in 2008.", date(2025, 9, 20), "2008-08-08", "event"),
    ("Sochi spent $50 billion on the Winter Games.", date(2025, 9, 20), "2014-02-07", "event"),
    (
        "Brazil will host the UN climate talks in Belém in November.",
        date(2025, 6, 1),
        "2025-11-10",
        "event",
    ),
    (
        "The Paris climate conference ended with a landmark deal.",
        date(2025, 9, 20),
        "2015-11-30",
        "event",
    ),
    ("Shoppers spent record sums on Black Friday.", date(2025, 12, 5), "2025-11-28", "holiday"),
    ("The bill must pass before Christmas.", date(2025, 10, 10), "2025-12-25", "holiday"),
    ("Families reunited over Lunar New Year.", date(2026, 3, 1), "2026-02-17", "holiday"),
    ("Thanksgiving travel hit a record.", date(2025, 12, 10), "2025-11-27", "holiday"),
    ("The ceasefire collapsed during Ramadan.", date(2024, 6, 1), "2024-03-11", "holiday"),
    ("He returned home for Diwali.", date(2025, 12, 1), "2025-10-20", "holiday"),
    ("Easter 2024 fell in March.", date(2025, 9, 20), "2024-03-31", "holiday"),
    ("Congress will return after Memorial Day.", date(2025, 5, 1), "2025-05-26", "holiday"),
    ("The strike began on Labor Day.", date(2025, 10, 10), "2025-09-01", "holiday"),
    (
        "Jews will light candles on the first night of Hanukkah.",
        date(2024, 11, 1),
        "2024-12-26",
        "holiday",
    ),
    (
        "Officials expect record attendance at this year's APEC meetings in Gyeongju.",
        date(2025, 8, 1),
        "2025-10-31",
        "event",
    ),
    ("Obama flew to Honolulu to host APEC leaders.", date(2012, 1, 10), "2011-11-12", "event"),
    ("Xi is expected to travel to the G20 in Rio.", date(2024, 10, 1), "2024-11-18", "event"),
    ("China hosted the G20 in Hangzhou in 2016.", date(2025, 9, 20), "2016-09-04", "event"),
    (
        "The Madrid summit invited Finland and Sweden to join NATO.",
        date(2023, 1, 1),
        "2022-06-28",
        "event",
    ),
    ("At COP26, countries agreed to phase down coal.", date(2025, 9, 20), "2021-10-31", "event"),
    ("The host of COP29, Azerbaijan, faced criticism.", date(2024, 10, 1), "2024-11-11", "event"),
    ("Snow was scarce at the 2022 Winter Olympics.", date(2025, 9, 20), "2022-02-04", "event"),
    (
        "Simone Biles withdrew from events at the Tokyo Games.",
        date(2025, 9, 20),
        "2021-07-23",
        "event",
    ),
    (
        "Germany was knocked out early at the 2018 World Cup.",
        date(2025, 9, 20),
        "2018-06-14",
        "event",
    ),
    (
        "The United States, Canada and Mexico will co-host the next World Cup.",
        date(2025, 9, 20),
        "2026-06-11",
        "event",
    ),
    (
        "Rihanna performed at the halftime show of the Super Bowl in Arizona.",
        date(2023, 6, 1),
        "2023-02-12",
        "event",
    ),
    ("Super Bowl 50 was played in Santa Clara.", date(2025, 9, 20), "2016-02-07", "event"),
    (
        "Trump lost the 2020 election but refused to concede.",
        date(2025, 9, 20),
        "2020-11-03",
        "event",
    ),
    (
        "Early voting has begun for the midterm elections.",
        date(2022, 10, 20),
        "2022-11-08",
        "event",
    ),
    (
        "Republicans narrowly won the House in the midterms.",
        date(2023, 3, 1),
        "2022-11-08",
        "event",
    ),
    (
        "Argentina beat France on penalties in the World Cup final.",
        date(2023, 1, 15),
        "2022-12-18",
        "event",
    ),
    (
        "Business leaders will descend on Davos next January.",
        date(2025, 9, 20),
        "2026-01-19",
        "event",
    ),
    ("The Paris Paralympics closed on a high.", date(2025, 9, 20), "2024-08-28", "event"),
    (
        "Airlines expect a surge in travel around Thanksgiving.",
        date(2025, 11, 1),
        "2025-11-27",
        "holiday",
    ),
    (
        "The markets were closed for Good Friday last year.",
        date(2025, 9, 20),
        "2024-03-29",
        "holiday",
    ),
    ("Gifts were exchanged on Christmas Day.", date(2026, 1, 10), "2025-12-25", "holiday"),
    ("Millions traveled home for the Spring Festival.", date(2025, 3, 1), "2025-01-29", "holiday"),
    ("Fighting paused for Eid al-Adha.", date(2025, 7, 1), "2025-06-06", "holiday"),
    (
        "The verdict is due after the Fourth of July holiday.",
        date(2025, 6, 20),
        "2025-07-04",
        "holiday",
    ),
]


def _resolves(sentence: str, reference: date, expected: str, finder: str) -> bool:
    found = (find_named_events if finder == "event" else find_holidays)(sentence, reference)
    return any(t.value == expected for t in found)


def test_held_out_resolution_rate() -> None:
    hits = [case for case in HELD_OUT if _resolves(*case)]
    rate = len(hits) / len(HELD_OUT)
    assert rate >= 0.9, f"{len(hits)}/{len(HELD_OUT)} resolved to the right occurrence"


@pytest.mark.parametrize(
    "text",
    [
        "COP2025 in Paris, paris1 and 1paris; the 2000s, 12000, X2001 and 2001a.",
        "AMERICANS and americans went to_paris; 'The Hague' (the hague) in 2024",
        "Belém hosted COP30 in 2025 while Athens waited",  # not ASCII: the generic path
    ],
)
def test_token_index_lists_exactly_the_indexed_tokens(text: str) -> None:
    from timeline.temporal import calendar

    find_named_events("warm up: the COP29 summit in Baku", REF)  # builds every finder
    words = calendar._INDEXED[0]
    expected: dict[str, list[int]] = {}
    for token in calendar._TOKEN.finditer(text):
        if token.group().casefold() in words:
            expected.setdefault(token.group().casefold(), []).append(token.start())
    calendar._token_index.cache_clear()
    assert calendar._token_index(text, words) == expected
    assert expected  # the case does test something


@pytest.mark.parametrize("fold_case", [True, False])
def test_alternation_grouped_by_first_letter_matches_like_the_plain_one(fold_case: bool) -> None:
    from timeline.temporal import calendar

    phrases = [
        "the G20 summit",
        "The Hague",
        "the Games",
        "APEC",
        "Apec forum",
        "COP29",
        "2024 Games",
    ]
    text = "At the G-20 summit in The Hague, the games, APEC, apec forum, cop 29 and 2024 games."
    plain = "|".join(
        calendar._phrase_pattern(p, fold_case=fold_case)
        for p in sorted(set(phrases), key=lambda p: (-len(p), p))
    )
    grouped = calendar._alternation(phrases, fold_case=fold_case)
    assert grouped != plain  # the grouped form is in use
    spans = [
        [m.span() for m in re.finditer(calendar._bounded(alternation), text)]
        for alternation in (plain, grouped)
    ]
    assert spans[0] == spans[1]
    assert spans[0]
