"""A whole news story, hand-tagged, gives the events an editor would list."""

from datetime import date

from events_cases import T, tagged

from timeline.events import build_events

STORY = (
    "A video call on Tuesday between Canadian Prime Minister Elena Marsh and Brazilian "
    "President Paulo Reis produced a draft deal on fishing rights, though details remain "
    "open, according to a trade ministry spokesman.\n"
    "Speaking later in Ottawa, Prime Minister Marsh said: “The agreement is close. Our "
    "negotiators will finish the text.”\n"
    "Parliament passed the fisheries act in June 2023, originally setting a March 31 deadline "
    "for quotas. Since then, however, Marsh has twice postponed the quotas, most recently to "
    "November 30.\n"
    "Notably, Marsh has thanked coastal towns, even crediting them with her victory in the "
    "2021 federal election.\n"
    "Tuesday’s call also covered shipping lanes and port fees.\n"
    "Marsh announced that she and Reis intend to meet during the upcoming Ocean Partners "
    "Conference (OPC) forum in Lisbon. She also confirmed plans to visit Brazil early next "
    "year, with Reis expected to make a return visit to Canada at a later stage.\n"
)

TIMEXES = [
    T("Tuesday", date(2025, 6, 10), anchor="reference"),
    T("June 2023", date(2023, 6, 1), date(2023, 6, 30), "month"),
    T("March 31", date(2024, 3, 31), anchor="narrative"),
    T("November 30", date(2025, 11, 30), anchor="reference"),
    T("the 2021 federal election", date(2021, 9, 20), anchor="named-event"),
    T("2021", date(2021, 1, 1), date(2021, 12, 31), "year"),
    T("Tuesday", date(2025, 6, 10), anchor="reference", occurrence=1),
    T(
        "the upcoming Ocean Partners Conference (OPC) forum",
        date(2025, 7, 8),
        date(2025, 7, 9),
        anchor="named-event",
    ),
    T("early next year", date(2026, 1, 1), date(2026, 4, 30), "month", True, anchor="reference"),
]

EXPECTED = [
    # (title, start, end, undated)
    ("2021 federal election", date(2021, 9, 20), date(2021, 9, 20), None),
    ("Parliament passed the fisheries act", date(2023, 6, 1), date(2023, 6, 30), None),
    ("Original deadline", date(2024, 3, 31), date(2024, 3, 31), None),
    ("Video call between Marsh and Reis produced a draft deal", date(2025, 6, 10), None, None),
    ("Marsh and Reis to meet at OPC forum in Lisbon", date(2025, 7, 8), date(2025, 7, 9), None),
    ("Marsh twice postponed the quotas to November 30", date(2025, 11, 30), None, None),
    ("Marsh to visit Brazil", date(2026, 1, 1), date(2026, 4, 30), None),
    ("Reis to make a return visit to Canada", None, None, "future"),
]


def _events():
    return build_events([tagged(STORY, TIMEXES, date(2025, 6, 14))])


def test_story_events() -> None:
    got = [(e.title, e.start, e.end if e.end != e.start else None, e.undated) for e in _events()]
    assert got == [(t, s, None if e == s else e, u) for t, s, e, u in EXPECTED]


def test_story_ids_and_sources() -> None:
    events = _events()
    assert [e.id for e in events] == [f"e{n}" for n in range(1, len(EXPECTED) + 1)]
    call = events[3]
    assert call.timexes == ("d1.t1", "d1.t7")  # both mentions of Tuesday's call
    election = events[0]
    assert election.timexes == ("d1.t5", "d1.t6")  # the election and the year inside it
    assert all(len(e.title) <= 70 for e in events)
    assert events[-1].date_text == "at a later stage"


def test_story_is_deterministic() -> None:
    assert _events() == _events()
