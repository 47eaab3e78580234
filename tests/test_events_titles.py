"""Titles an editor would write: one sentence, its dates, the title each date gets.

The sentences are made up for these tests; each case lists every dated event of
its sentence in timeline order, so a date that lands on the wrong clause fails.
"""

from datetime import date

import pytest
from events_cases import T, tagged

from timeline.events import build_events

REF = date(2025, 10, 3)

# (sentence, timexes, expected titles in timeline order)
CASES = [
    (  # a subordinate clause dates its own happening
        "The strike began on September 22 after talks over pay and pensions "
        "broke down in late August.",
        [
            T("September 22", date(2025, 9, 22)),
            T("late August", date(2025, 8, 21), date(2025, 8, 31), "month", True),
        ],
        ["Talks over pay and pensions broke down", "Strike began"],
    ),
    (
        "The bridge reopened on Monday, two weeks after inspectors found cracks in June.",
        [
            T("Monday", date(2025, 9, 29), anchor="reference"),
            T("June", date(2025, 6, 1), date(2025, 6, 30), "month"),
        ],
        ["Inspectors found cracks", "Bridge reopened"],
    ),
    (  # a date coordinated with another phrase ends the title there
        "Under the plan, fares rise by 5 percent this year and by a further "
        "3 percent in each of the next two years.",
        [T("this year", date(2025, 1, 1), date(2025, 12, 31), "year", anchor="reference")],
        ["Fares rise by 5 percent"],
    ),
    (  # a hedged saying keeps who said it, and no word dangles where the date was
        "Farmers had warned that a drought lasting into December would ruin the harvest.",
        [T("December", date(2025, 12, 1), date(2025, 12, 31), "month")],
        ["Farmers warned a drought would ruin the harvest"],
    ),
    (  # the date holds "take ... to clear" together, so it stays
        "Shippers said queues could take until mid-November to clear.",
        [T("mid-November", date(2025, 11, 11), date(2025, 11, 20), "month", True)],
        ["Queues could take until mid-November to clear"],
    ),
    (  # "with whom": the antecedent comes back
        "The envoy carried a letter from Prime Minister Ana Ruiz, with whom the "
        "senator met on Friday.",
        [T("Friday", date(2025, 10, 3), anchor="reference")],
        ["Senator met with Ana Ruiz"],
    ),
    (  # a subordinate clause whose main clause goes on after it is not cut off
        "The driver who fled moments before the van crashed was arrested on Sunday.",
        [T("Sunday", date(2025, 9, 28), anchor="reference")],
        ["Driver who fled moments before the van crashed was arrested"],
    ),
    (  # an unresolved "their" opening a title goes
        "Four fishermen were rescued when their trawler sank in early March.",
        [T("early March", date(2025, 3, 1), date(2025, 3, 10), "month", True)],
        ["Trawler sank"],
    ),
    (  # "it" is the subject named before it in the same sentence
        "In 1921 Estonia joined the League of Nations, and a year later it adopted a new currency.",
        [
            T("1921", date(1921, 1, 1), date(1921, 12, 31), "year"),
            T("a year later", date(1922, 1, 1), date(1922, 12, 31), "year", anchor="narrative"),
        ],
        ["Estonia joined the League of Nations", "Estonia adopted a new currency"],
    ),
    (  # "Inc." keeps its period inside a sentence
        "Harbor Mills Inc. said it expects to report a loss for the third quarter.",
        [T("the third quarter", date(2025, 7, 1), date(2025, 9, 30), "quarter")],
        ["Harbor Mills Inc. expects to report a loss"],
    ),
    (  # ... but not a spokesman's: "its" stays
        "A spokesman said its new plant would open in May.",
        [T("May", date(2026, 5, 1), date(2026, 5, 31), "month")],
        ["Its new plant to open"],
    ),
    (  # "talks that are ..." keeps "that"
        "Delegates praised those reforms that were adopted on Monday.",
        [T("Monday", date(2025, 9, 29), anchor="reference")],
        ["Delegates praised the reforms that were adopted"],
    ),
    (  # "its" too, and the words before a date go with it ("for its fourth quarter")
        "Corvan Group said its profit for the seasonally weak third quarter fell 12%.",
        [T("third quarter", date(2025, 7, 1), date(2025, 9, 30), "quarter")],
        ["Corvan Group’s profit fell 12%"],
    ),
    (
        "Delta Freight estimated earnings for its fiscal year ended June 30 rose 8%.",
        [
            T("fiscal year", date(2024, 7, 1), date(2025, 6, 30), "year"),
            T("June 30", date(2025, 6, 30)),
        ],
        ["Delta Freight estimated earnings rose 8%"],
    ),
    (  # a relative clause takes its noun phrase, not the last word before it
        "The law also sets up a review board on water rights, which must report by "
        "the end of next year.",
        [T("the end of next year", date(2026, 9, 1), date(2026, 12, 31), "month", True)],
        ["Review board on water rights must report"],
    ),
    (  # an absolute phrase after the date is no part of the title
        "Inspectors toured the new terminal on March 20, with its owners watching.",
        [T("March 20", date(2025, 3, 20))],
        ["Inspectors toured the new terminal"],
    ),
    (  # "compared with X a year earlier" titles X
        "The brewer earned $41.5 million, or 60 cents a share, compared with "
        "$38.2 million, or 55 cents a share, a year earlier.",
        [T("a year earlier", date(2024, 1, 1), date(2024, 12, 31), "year")],
        ["Brewer had $38.2 million"],
    ),
    (
        "The brewer posted a profit of $41.5 million, or 60 cents a share, compared "
        "with a loss of $9.1 million, or 12 cents a share, a year earlier.",
        [T("a year earlier", date(2024, 1, 1), date(2024, 12, 31), "year")],
        ["Loss of $9.1 million"],
    ),
]


@pytest.mark.parametrize(("text", "timexes", "titles"), CASES)
def test_titles(text: str, timexes: list[T], titles: list[str]) -> None:
    events = build_events([tagged(text, timexes, REF)])
    assert [event.title for event in events] == titles


LONG = (
    "Two union leaders and 140 other protesters were arrested on Thursday and riot "
    "police were ordered to clear the square outside the ministry of labour."
)


def test_a_long_title_ends_at_a_phrase_boundary() -> None:
    (event,) = build_events([tagged(LONG, [T("Thursday", date(2025, 10, 2))], REF)])
    assert event.title == "Two union leaders and 140 other protesters were arrested"


# Titles never end on a word that opens a phrase, nor start on a conjunction.
ENDS = [
    ("The fund lost money in the quarter ended June 30 for its investors.", "June 30"),
    ("Or so the minister said on Tuesday, to nobody in particular.", "Tuesday"),
    ("Sales of the device, which is to go on sale in Paris on May 4, rose.", "May 4"),
]


@pytest.mark.parametrize(("text", "date_text"), ENDS)
def test_no_dangling_words(text: str, date_text: str) -> None:
    (event,) = build_events([tagged(text, [T(date_text, date(2025, 6, 30))], REF)])
    words = event.title.lower().split()
    assert words[-1] not in {"the", "of", "for", "in", "its", "and", "to", "on", "which"}
    assert words[0] not in {"or", "and", "of", "which"}


def test_dateline_alone_joins_its_sentence() -> None:
    text = "LIMA, March 3 (Xinhua) --\nPeru's congress approved the budget on Monday."
    events = build_events(
        [tagged(text, [T("March 3", date(2025, 3, 3)), T("Monday", date(2025, 3, 3))], REF)]
    )
    assert {event.title for event in events} == {"Peru's congress approved the budget"}
