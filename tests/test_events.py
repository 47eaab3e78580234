"""Events from hand-tagged sentences: which dates make events, and their titles."""

from datetime import date

import pytest
from events_cases import T, tagged

from timeline.events import build_events

REF = date(2025, 6, 14)

# (text, timexes, expected [(title, start, end)] in timeline order)
TITLE_CASES = [
    (
        "Governor Maria Lopez signed the budget in March 2024.",
        [T("March 2024", date(2024, 3, 1), date(2024, 3, 31), "month")],
        [("Maria Lopez signed the budget", date(2024, 3, 1), date(2024, 3, 31))],
    ),
    (
        "Notably, the city council approved the new stadium on Tuesday.",
        [T("Tuesday", date(2025, 6, 10), anchor="reference")],
        [("City council approved the new stadium", date(2025, 6, 10), date(2025, 6, 10))],
    ),
    (
        "At the same time, regulators fined the bank on May 2.",
        [T("May 2", date(2025, 5, 2))],
        [("Regulators fined the bank", date(2025, 5, 2), date(2025, 5, 2))],
    ),
    (
        "During the summer of 2023, the river flooded twice.",
        [T("the summer of 2023", date(2023, 6, 1), date(2023, 8, 31), "season")],
        [("River flooded twice", date(2023, 6, 1), date(2023, 8, 31))],
    ),
    (
        "Congress passed the act in May 2023, originally setting a March 1 cutoff.",
        [
            T("May 2023", date(2023, 5, 1), date(2023, 5, 31), "month"),
            T("March 1", date(2024, 3, 1), anchor="narrative"),
        ],
        [
            ("Congress passed the act", date(2023, 5, 1), date(2023, 5, 31)),
            ("Original cutoff", date(2024, 3, 1), date(2024, 3, 1)),
        ],
    ),
    (
        "Since then, the ministry has repeatedly postponed that auction, "
        "most recently to August 30.",
        [T("August 30", date(2025, 8, 30), anchor="reference")],
        [("Ministry postponed the auction to August 30", date(2025, 8, 30), date(2025, 8, 30))],
    ),
    (
        "A meeting on Monday between Prime Minister Ana Ruiz and President Tom Berg "
        "produced a ceasefire. Berg left. Ruiz stayed.",
        [T("Monday", date(2025, 6, 9), anchor="reference")],
        [
            (
                "Meeting between Ruiz and Berg produced a ceasefire",
                date(2025, 6, 9),
                date(2025, 6, 9),
            )
        ],
    ),
    (
        "Ruiz said she plans to visit Lisbon in early autumn.",
        [T("early autumn", date(2025, 9, 1), date(2025, 10, 31), "season", True)],
        [("Ruiz to visit Lisbon", date(2025, 9, 1), date(2025, 10, 31))],
    ),
    (
        "The mayor announced that she and the governor will tour the dam next month.",
        [T("next month", date(2025, 7, 1), date(2025, 7, 31), "month", anchor="reference")],
        [("Mayor and the governor to tour the dam", date(2025, 7, 1), date(2025, 7, 31))],
    ),
    (
        "The plant will close next year, officials said on Thursday.",
        [
            T("next year", date(2026, 1, 1), date(2026, 12, 31), "year", anchor="reference"),
            T("Thursday", date(2025, 6, 12), anchor="reference"),
        ],
        [
            ("Officials said the plant will close", date(2025, 6, 12), date(2025, 6, 12)),
            ("Plant to close", date(2026, 1, 1), date(2026, 12, 31)),
        ],
    ),
    (
        "Friday’s storm also knocked out power across the valley.",
        [T("Friday", date(2025, 6, 13), anchor="reference")],
        [("Storm knocked out power across the valley", date(2025, 6, 13), date(2025, 6, 13))],
    ),
    (
        "The firm was founded in 1998 and went public in 2004.",
        [
            T("1998", date(1998, 1, 1), date(1998, 12, 31), "year"),
            T("2004", date(2004, 1, 1), date(2004, 12, 31), "year"),
        ],
        [
            ("Firm was founded", date(1998, 1, 1), date(1998, 12, 31)),
            ("Firm went public", date(2004, 1, 1), date(2004, 12, 31)),
        ],
    ),
    (
        "The festival runs from July 4 to July 6 in the old town.",
        [T("July 4", date(2025, 7, 4)), T("July 6", date(2025, 7, 6))],
        [("Festival runs in the old town", date(2025, 7, 4), date(2025, 7, 6))],
    ),
]


@pytest.mark.parametrize(("text", "timexes", "expected"), TITLE_CASES)
def test_titles_and_dates(text: str, timexes: list[T], expected: list[tuple]) -> None:
    events = build_events([tagged(text, timexes, REF)])
    assert [(e.title, e.start, e.end) for e in events] == expected


# (text, timexes) that make no event at all
NO_EVENT_CASES = [
    (
        "The strike lasted for two weeks.",
        [T("two weeks", None, type="DURATION", value="P2W")],
    ),
    ("The board meets every Monday.", [T("every Monday", None, type="SET", value="XXXX-WXX-1")]),
    ("In the past week, sales rose.", [T("the past week", None, type="DURATION", value="P1W")]),
    ("Recently, prices have risen.", [T("Recently", None, value="PAST_REF")]),
    ("Nothing happened at all.", []),
    ("The old town was eventually rebuilt by its people.", []),  # past: no plan, no date
    ("She joined the board, which would eventually fire her.", []),
    ("For one day the town was quiet.", [T("one day", None, type="DURATION", value="P1D")]),
]


@pytest.mark.parametrize(("text", "timexes"), NO_EVENT_CASES)
def test_no_event(text: str, timexes: list[T]) -> None:
    assert build_events([tagged(text, timexes, REF)]) == ()


UNDATED_CASES = [
    (
        "The two leaders expect to meet again at a later stage.",
        "future",
        "Two leaders to meet",
        "at a later stage",
    ),
    ("The club hopes to win the cup one day.", "future", "Club to win the cup", "one day"),
    ("Both sides hope to sign a deal eventually.", "future", "Sides to sign a deal", "eventually"),
    ("In the past, the square hosted a market.", "past", "Square hosted a market", "In the past"),
]


@pytest.mark.parametrize(("text", "undated", "title", "phrase"), UNDATED_CASES)
def test_undated_events(text: str, undated: str, title: str, phrase: str) -> None:
    (event,) = build_events([tagged(text, [], REF)])
    assert (event.start, event.end, event.undated, event.date_text) == (
        None,
        None,
        undated,
        phrase,
    )
    if title:
        assert event.title == title


def test_named_event_swallows_its_year() -> None:
    text = "She credited the campaign with her win in the 2022 mayoral race."
    document = tagged(
        text,
        [
            T("the 2022 mayoral race", date(2022, 11, 8), anchor="named-event"),
            T("2022", date(2022, 1, 1), date(2022, 12, 31), "year"),
        ],
        REF,
    )
    (event,) = build_events([document])
    assert (event.start, event.timexes) == (date(2022, 11, 8), ("d1.t1", "d1.t2"))
    assert event.date_text == "the 2022 mayoral race"


def test_named_event_keeps_its_name_in_the_title() -> None:
    text = (
        "The ministers plan to meet during the upcoming Nordic Energy Forum (NEF) summit in Oslo."
    )
    document = tagged(
        text,
        [
            T(
                "the upcoming Nordic Energy Forum (NEF) summit",
                date(2025, 9, 3),
                date(2025, 9, 4),
                anchor="named-event",
            )
        ],
        REF,
    )
    (event,) = build_events([document])
    assert event.title == "Ministers to meet at NEF summit in Oslo"
    assert (event.start, event.end) == (date(2025, 9, 3), date(2025, 9, 4))


def test_event_fields() -> None:
    text = "The  bridge\nopened on  May 2, 2025, after years of delay."
    document = tagged(text, [T("May 2, 2025", date(2025, 5, 2))], REF, group="infrastructure")
    (event,) = build_events([document])
    assert event.id == "e1"
    assert event.sentence == "The bridge opened on May 2, 2025, after years of delay."
    assert event.date_text == "May 2, 2025"
    assert (event.granularity, event.approximate) == ("day", False)
    assert (event.documents, event.timexes, event.group) == (("d1",), ("d1.t1",), "infrastructure")
    assert event.title == "Bridge opened"


def test_approximate_interval_is_kept() -> None:
    text = "The company will open a plant in Ohio early next year."
    timex = T("early next year", date(2026, 1, 1), date(2026, 4, 30), "month", True)
    (event,) = build_events([tagged(text, [timex], REF)])
    assert (event.title, event.granularity, event.approximate) == (
        "Company to open a plant in Ohio",
        "month",
        True,
    )


def test_titles_are_short() -> None:
    text = (
        "On Monday, the committee in charge of the regional water authority approved a long "
        "and detailed plan for the renovation of the northern reservoir and its pumping stations."
    )
    (event,) = build_events([tagged(text, [T("Monday", date(2025, 6, 9))], REF)])
    assert len(event.title) <= 70
    assert event.title.startswith("Committee")


# (text, timexes, expected title of the one event): clause shapes of wire copy
SHAPE_CASES = [
    (
        "The talks stalled over Iran, which had rejected the offer on March 3.",
        [T("March 3", date(2025, 3, 3))],
        "Iran rejected the offer",
    ),
    (
        "Deputy Mayor Lena Holt, the city's budget chief, was questioned on Monday about the gap.",
        [T("Monday", date(2025, 6, 9))],
        "Lena Holt was questioned about the gap",
    ),
    (
        "The agency said that inspectors would return in July.",
        [T("July", date(2025, 7, 1), date(2025, 7, 31), "month")],
        "Inspectors to return",
    ),
    (
        "BERLIN (AP) _ Police raided three offices on Wednesday.",
        [T("Wednesday", date(2025, 6, 11))],
        "Police raided three offices",
    ),
    (
        "Omar Diaz urged calm. Protests have grown since his March 2 arrest.",
        [T("March 2", date(2025, 3, 2))],
        "Omar Diaz’s arrest",
    ),
    (
        "The council has taken control of the port on Friday.",
        [T("Friday", date(2025, 6, 13))],
        "Council took control of the port",
    ),
    (
        "Sanctions stay in place until after the 1990 invasion of Kuwait is settled.",
        [T("1990", date(1990, 1, 1), date(1990, 12, 31), "year")],
        "Invasion of Kuwait",
    ),
    (
        "The deal was welcomed by traders, who said on Monday that prices would fall.",
        [T("Monday", date(2025, 6, 9))],
        "Traders said prices would fall",
    ),
    (
        "Shares of the firm, which the founders sold in 2019, doubled.",
        [T("2019", date(2019, 1, 1), date(2019, 12, 31), "year")],
        "Founders sold",
    ),
    (
        "Exports reached 92,000 tons in May.",
        [T("May", date(2025, 5, 1), date(2025, 5, 31), "month")],
        "Exports reached 92,000 tons",
    ),
]


@pytest.mark.parametrize(("text", "timexes", "title"), SHAPE_CASES)
def test_clause_shapes(text: str, timexes: list[T], title: str) -> None:
    (event,) = build_events([tagged(text, timexes, REF)])
    assert event.title == title


def test_title_is_never_empty() -> None:
    text = "A week or so ago, yes."
    (event,) = build_events([tagged(text, [T("A week or so ago", date(2025, 6, 7))], REF)])
    assert event.title


NEWS = date(2025, 9, 1)

# (text, timexes, expected title): everyday wire sentences, reference 2025-09-01
NEWS_CASES = [
    (
        "The central bank is expected to cut rates at its meeting next week, economists said.",
        [T("next week", date(2025, 9, 8), date(2025, 9, 14), "week")],
        "Central bank to cut rates at its meeting",
    ),
    (
        "The carmaker will unveil its new model on September 9 in Turin.",
        [T("September 9", date(2025, 9, 9))],
        "Carmaker to unveil its new model in Turin",
    ),
    (
        "The truce, which took effect on October 10, has largely held.",
        [T("October 10", date(2024, 10, 10))],
        "Truce took effect",
    ),
    (
        "In 2019, the company was fined $5 billion by regulators.",
        [T("2019", date(2019, 1, 1), date(2019, 12, 31), "year")],
        "Company was fined $5 billion by regulators",
    ),
    (
        "Officials expect the tunnel to reopen by the end of the year.",
        [T("the end of the year", date(2025, 12, 1), date(2025, 12, 31), "month", True)],
        "Tunnel to reopen",
    ),
    (
        "The brewer reported a 12% rise in profit on Thursday.",
        [T("Thursday", date(2025, 8, 28))],
        "Brewer reported a 12% rise in profit",
    ),
    (
        "The library, founded in 1870, reopened last month after a long renovation.",
        [T("last month", date(2025, 8, 1), date(2025, 8, 31), "month")],
        "Library reopened after a long renovation",
    ),
    (
        "“We will not give up,” the coach said on Sunday.",
        [T("Sunday", date(2025, 8, 31))],
        "Coach said we will not give up",
    ),
    (
        "Economists expect prices to rise again in October, the survey said.",
        [T("October", date(2025, 10, 1), date(2025, 10, 31), "month")],
        "Prices to rise",
    ),
]


@pytest.mark.parametrize(("text", "timexes", "title"), NEWS_CASES)
def test_news_titles(text: str, timexes: list[T], title: str) -> None:
    (event,) = build_events([tagged(text, timexes, NEWS)])
    assert event.title == title


REPORTING_CASES = [
    # (text, timexes, expected (title, start) in timeline order), reference 2025-09-20
    (
        "Lina Park said on Friday she will visit Oslo next year.",
        [
            T("Friday", date(2025, 9, 19)),
            T("next year", date(2026, 1, 1), date(2026, 12, 31), "year"),
        ],
        [
            ("Lina Park said she will visit Oslo", date(2025, 9, 19)),
            ("Lina Park to visit Oslo", date(2026, 1, 1)),
        ],
    ),
    (
        "Park, speaking on Friday, said she would visit Oslo in April.",
        [T("Friday", date(2025, 9, 19)), T("April", date(2026, 4, 1), date(2026, 4, 30), "month")],
        [("Park spoke", date(2025, 9, 19)), ("Park to visit Oslo", date(2026, 4, 1))],
    ),
    (
        "The minister told lawmakers on Tuesday that the new rules would apply in January.",
        [
            T("Tuesday", date(2025, 9, 16)),
            T("January", date(2026, 1, 1), date(2026, 1, 31), "month"),
        ],
        [
            ("Minister told lawmakers the new rules would apply", date(2025, 9, 16)),
            ("New rules to apply", date(2026, 1, 1)),
        ],
    ),
    (
        "On Friday, the council announced plans to close the pool.",
        [T("Friday", date(2025, 9, 19))],
        [("Council announced plans to close the pool", date(2025, 9, 19))],
    ),
]


@pytest.mark.parametrize(("text", "timexes", "expected"), REPORTING_CASES)
def test_reporting_dates_the_saying(text: str, timexes: list[T], expected: list[tuple]) -> None:
    events = build_events([tagged(text, timexes, date(2025, 9, 20))])
    assert [(e.title, e.start) for e in events] == expected


WIRE_CASES = [
    # (text, timexes, expected title): trailing sayings, leading phrases, participles
    (
        "Vera Lind, a former envoy to the region, is also expected to visit Riga, "
        "Tom Hale said at a press briefing today.",
        [T("today", date(2025, 9, 20))],
        "Tom Hale said Vera Lind is expected to visit Riga",
    ),
    (
        "Governor Ruth Alvarez, the state's top official, was asked today about the budget.",
        [T("today", date(2025, 9, 20))],
        "Ruth Alvarez was asked about the budget",
    ),
    (
        "In a long speech broadcast on radio Thursday, the general urged calm.",
        [T("Thursday", date(2025, 9, 18))],
        "General urged calm",
    ),
    (
        "The union issued an ultimatum to the board, starting at noon Saturday.",
        [T("noon Saturday", date(2025, 9, 20))],
        "Union issued an ultimatum to the board",
    ),
    (
        "She added one more medal today.",
        [T("today", date(2025, 9, 20))],
        "She added one more medal",
    ),
]


@pytest.mark.parametrize(("text", "timexes", "title"), WIRE_CASES)
def test_wire_titles(text: str, timexes: list[T], title: str) -> None:
    (event,) = build_events([tagged(text, timexes, date(2025, 9, 20))])
    assert event.title == title


HAPPENING_CASES = [
    (
        "The novelist, who remembers the 1968 uprising as a child, wrote about it.",
        [T("1968", date(1968, 1, 1), date(1968, 12, 31), "year")],
        "1968 uprising",
    ),
    (
        "Twin blasts at markets in Lima, Peru, and Quito, Ecuador, on May 7 killed 58 people.",
        [T("May 7", date(2025, 5, 7))],
        "Twin blasts at markets in Lima killed 58 people",
    ),
    (
        "The mayor signed the 2024 budget in a short ceremony.",
        [T("2024", date(2024, 1, 1), date(2024, 12, 31), "year")],
        "Mayor signed the budget in a short ceremony",
    ),
]


@pytest.mark.parametrize(("text", "timexes", "title"), HAPPENING_CASES)
def test_dated_happenings(text: str, timexes: list[T], title: str) -> None:
    (event,) = build_events([tagged(text, timexes, date(2025, 9, 20))])
    assert event.title == title
