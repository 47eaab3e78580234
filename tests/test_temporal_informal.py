"""Informal text (tweets): slang, lower and upper case, clock times, hashtags, emoji.

Each case is a short post in our own words with its creation time as reference; every
expected timex is marked [like this] with its TIMEX3 type and value (TimeML 1.2.1
guidelines). A case without brackets must yield no timex. ``python
tests/test_temporal_informal.py`` prints the set's score and every miss.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from heldout_scoring import f1, parse_marked

from timeline.temporal import tag
from timeline.temporal.rules import load

SAT = "2026-03-14T18:05"  # a Saturday evening
WED = "2026-06-03T07:30"  # a Wednesday morning
FRI = "2026-11-20T09:12"  # the Friday before Thanksgiving
DEC = "2026-12-30T22:40"  # a Wednesday, the day before New Year's Eve
OCT = "2026-10-20T12:00"  # a Tuesday

#: (post with [timexes], creation time, one "TYPE value" per bracket)
CASES: list[tuple[str, str, list[str]]] = [
    # ---- day words, slang and case
    ("see u [tmrw] at the game", SAT, ["DATE 2026-03-15"]),
    ("[TONIGHT]!! dont miss it", SAT, ["TIME 2026-03-14TNI"]),
    ("who's free [this wknd]?", SAT, ["DATE 2026-W11-WE"]),
    ("cant wait for [2nite]", SAT, ["TIME 2026-03-14TNI"]),
    ("[2day] was sooo long", SAT, ["DATE 2026-03-14"]),
    ("exam [2morrow] pray for me", SAT, ["DATE 2026-03-15"]),
    ("off to the beach [tomoz]", SAT, ["DATE 2026-03-15"]),
    ("what a day [yesterday] was", SAT, ["DATE 2026-03-13"]),
    ("[yday] was wild", SAT, ["DATE 2026-03-13"]),
    ("[tmw] is gonna be huge", SAT, ["DATE 2026-03-15"]),
    ("[tmr] we ride", SAT, ["DATE 2026-03-15"]),
    ("party [tonite] at jakes", SAT, ["TIME 2026-03-14TNI"]),
    ("[TOMORROW] is the big day", SAT, ["DATE 2026-03-15"]),
    ("[TODAY] IS THE DAY", SAT, ["DATE 2026-03-14"]),
    ("back to work on [monday] ugh", SAT, ["DATE 2026-03-16"]),
    ("[last nite] was epic", SAT, ["TIME 2026-03-13TNI"]),
    ("so tired [this morning]", SAT, ["TIME 2026-03-14TMO"]),
    ("gym [this am] then brunch", SAT, ["TIME 2026-03-14TMO"]),
    ("long run [this arvo]", SAT, ["TIME 2026-03-14TAF"]),
    ("ran into her [the other day] at the mall", SAT, ["DATE PAST_REF"]),
    ("posted this [a few hours ago]", SAT, ["DATE PAST_REF"]),
    ("got my results [2 days ago]", SAT, ["DATE 2026-03-12"]),
    ("moving out in [3 weeks]", SAT, ["DURATION P3W"]),
    ("same place [this time next year]", SAT, ["DATE 2027"]),
    ("road trip [next sat]", SAT, ["DATE 2026-03-21"]),
    ("game day [sat night] lets goooo", WED, ["TIME 2026-06-06TNI"]),
    ("brunch [sun morning]?", WED, ["TIME 2026-06-07TMO"]),
    ("[wed night] trivia anyone?", SAT, ["TIME 2026-03-18TNI"]),
    ("see you [fri]!", WED, ["DATE 2026-06-05"]),
    ("[thurs] cant come fast enough", WED, ["DATE 2026-06-04"]),
    ("[nxt week] is gonna be busy", SAT, ["DATE 2026-W12"]),
    ("[next wk] is spring break", SAT, ["DATE 2026-W12"]),
    ("vacation [next month]!!", SAT, ["DATE 2026-04"]),
    ("[last yr] was rough", SAT, ["DATE 2025"]),
    ("my goals for [this yr]", SAT, ["DATE 2026"]),
    ("[this weekend] tho", SAT, ["DATE 2026-W11-WE"]),
    ("any plans [this wkend]", SAT, ["DATE 2026-W11-WE"]),
    ("so tired [this evening]", SAT, ["TIME 2026-03-14TEV"]),
    ("concert [tmrw night]!!", SAT, ["TIME 2026-03-15TNI"]),
    ("[2moro nite] we celebrate", SAT, ["TIME 2026-03-15TNI"]),
    ("[fri nite] lights", WED, ["TIME 2026-06-05TNI"]),
    ("[last week] was a blur", SAT, ["DATE 2026-W10"]),
    ("[this summer] is gonna be lit", SAT, ["DATE 2026-SU"]),
    ("they wed [last summer]", SAT, ["DATE 2025-SU"]),
    ("back in [2017] we had no clue", SAT, ["DATE 2017"]),
    # ---- clock times
    ("doors open at [8pm]", SAT, ["TIME 2026-03-14T20:00"]),
    ("show starts [8 pm] sharp", SAT, ["TIME 2026-03-14T20:00"]),
    ("meet me at [8:30pm]", SAT, ["TIME 2026-03-14T20:30"]),
    ("dinner @ [7]", SAT, ["TIME 2026-03-14T19:00"]),
    ("call me at [7ish]", SAT, ["TIME 2026-03-14T19:00"]),
    ("lunch at [noon]", SAT, ["TIME 2026-03-14T12:00"]),
    ("store closes at [midnight]", SAT, ["TIME 2026-03-14T24:00"]),
    ("live stream at [10am EST]", SAT, ["TIME 2026-03-14T10:00"]),
    ("[7am] flight ugh", SAT, ["TIME 2026-03-14T07:00"]),
    ("entries close [11:59 PM]", SAT, ["TIME 2026-03-14T23:59"]),
    ("practice at [5pm tmrw]", SAT, ["TIME 2026-03-15T17:00"]),
    ("see u [tonight] at [9]", SAT, ["TIME 2026-03-14TNI", "TIME 2026-03-14T21:00"]),
    ("[6 am] alarm again", SAT, ["TIME 2026-03-14T06:00"]),
    ("kickoff at [15:30]", SAT, ["TIME 2026-03-14T15:30"]),
    ("[9AM] meeting smh", SAT, ["TIME 2026-03-14T09:00"]),
    ("lights out at [11 p.m.]", SAT, ["TIME 2026-03-14T23:00"]),
    # ---- durations
    ("be there in [5 mins]", SAT, ["DURATION PT5M"]),
    ("back in [an hour]", SAT, ["DURATION PT1H"]),
    ("[20 min] til showtime", SAT, ["DURATION PT20M"]),
    ("waited [45 minutes] for the bus", SAT, ["DURATION PT45M"]),
    ("[2 hrs] of traffic smh", SAT, ["DURATION PT2H"]),
    ("gimme [5 min]", SAT, ["DURATION PT5M"]),
    ("[24 hours] left to enter!!", SAT, ["DURATION PT24H"]),
    ("been waiting [3 yrs] for this", SAT, ["DURATION P3Y"]),
    ("only [2 wks] to go", SAT, ["DURATION P2W"]),
    ("took [30 secs] lol", SAT, ["DURATION PT30S"]),
    # ---- dates
    ("concert on [nov 5th]!!", SAT, ["DATE 2026-11-05"]),
    ("[11/27] cant come soon enough", SAT, ["DATE 2026-11-27"]),
    ("bday on [the 5th of may]", SAT, ["DATE 2026-05-05"]),
    ("new gym opens [jan 1st]", SAT, ["DATE 2027-01-01"]),
    ("party till [dec. 31]", SAT, ["DATE 2026-12-31"]),
    ("[march 3rd] was the best day", SAT, ["DATE 2026-03-03"]),
    ("moving to denver [june 2026]", SAT, ["DATE 2026-06"]),
    ("[SEPT 12] save the date", SAT, ["DATE 2026-09-12"]),
    ("[aug 21st] cant come fast enough", SAT, ["DATE 2026-08-21"]),
    ("on [feb 14] he proposed", SAT, ["DATE 2026-02-14"]),
    ("graduation is [may 15th]", SAT, ["DATE 2026-05-15"]),
    ("countdown to [12/25] begins", SAT, ["DATE 2026-12-25"]),
    ("paper due [3/20] help", SAT, ["DATE 2026-03-20"]),
    ("[oct 31] costume ideas?", SAT, ["DATE 2026-10-31"]),
    ("tickets go on sale [Sat 3/21]", SAT, ["DATE 2026-03-21"]),
    ("the drop is [April 3]", SAT, ["DATE 2026-04-03"]),
    ("[JULY 4TH] bbq at my place", SAT, ["DATE 2026-07-04"]),
    ("[every friday] = pizza night", SAT, ["SET XXXX-WXX-5"]),
    ("[weekly] vlog is up", SAT, ["SET P1W"]),
    ("[every day] is leg day", SAT, ["SET P1D"]),
    # ---- holidays and hashtags
    ("so thankful #[Thanksgiving]", FRI, ["DATE 2026-11-26"]),
    ("ready for #[NewYearsEve]", DEC, ["DATE 2026-12-31"]),
    ("my goals for #[2026]", SAT, ["DATE 2026"]),
    ("[christmas eve] w the fam", FRI, ["DATE 2026-12-24"]),
    ("[xmas] is almost here", FRI, ["DATE 2026-12-25"]),
    ("#[halloween] party at mine", OCT, ["DATE 2026-10-31"]),
    ("#MondayMotivation lets go", SAT, []),
    ("#TBT to our road trip", SAT, []),
    # ---- emoji and links around
    ("party [tonight] 🎉🎉 https://t.co/aB3x9", SAT, ["TIME 2026-03-14TNI"]),
    ("[tmrw] 🙌 https://t.co/2026xyz", SAT, ["DATE 2026-03-15"]),
    ("😂😂 [last night] tho", SAT, ["TIME 2026-03-13TNI"]),
    ("new vid up [now]!! youtu.be/x1999Q", SAT, ["DATE PRESENT_REF"]),
    # ---- stretched words
    ("see u [tomorrowww]", SAT, ["DATE 2026-03-15"]),
    ("[tonighttt] is the night", SAT, ["TIME 2026-03-14TNI"]),
    ("cant wait for [the weekenddd]", SAT, ["DATE 2026-W11-WE"]),
    ("[todayyy] was perfect", SAT, ["DATE 2026-03-14"]),
    ("see u [sooooon]!!", SAT, ["DATE FUTURE_REF"]),
    # ---- tempting but not times
    ("final score 3-2, what a game", SAT, []),
    ("we grind 24/7", SAT, []),
    ("grabbing snacks at 7-11", SAT, []),
    ("@user123 lol same", SAT, []),
    ("only $19.99 [today]", SAT, ["DATE 2026-03-14"]),
    ("just bought a 4x4", SAT, []),
    ("the iPhone 15 is out", SAT, []),
    ("i may go, idk", SAT, []),
    ("March Madness brackets are busted", SAT, []),
    ("I sat down and cried", SAT, []),
    ("he sat. then he left", SAT, []),
    ("the sun is out finally", SAT, []),
    ("SUN IS SHINING", SAT, []),
    ("may the force be with u", SAT, []),
    ("gonna march in the parade", SAT, []),
    ("2-1 final in OT", SAT, []),
    ("tickets are 27/11 lol", SAT, []),
    ("3/4 of the class failed lol", SAT, []),
    ("call 555-0199", SAT, []),
    ("follow @nov5th and @jan_2020", SAT, []),
    ("album of the year goes to her", SAT, []),
    ("mon ami is here", SAT, []),
    ("shes 5'11 lol", SAT, []),
    ("scored at 7 a share", SAT, []),
    ("at 12, she moved to paris", SAT, []),
    # ---- a second batch, written after the first was tuned
    ("brb [5 min]", SAT, ["DURATION PT5M"]),
    ("cya [sunday]!", SAT, ["DATE 2026-03-15"]),
    ("happy [friday] yall", FRI, ["DATE 2026-11-20"]),
    ("[weekend] vibes", SAT, ["DATE 2026-W11-WE"]),
    ("[this afternoon] was chill", SAT, ["TIME 2026-03-14TAF"]),
    ("[tmrw morning] flight", SAT, ["TIME 2026-03-15TMO"]),
    ("class at [9am tmrw]", SAT, ["TIME 2026-03-15T09:00"]),
    ("[xmas eve] is [Dec 24th] duh", FRI, ["DATE 2026-12-24", "DATE 2026-12-24"]),
    ("rent due on [the 4th]", SAT, ["DATE 2026-04-04"]),
    ("home b4 [midnite]", SAT, ["TIME 2026-03-14T24:00"]),
    ("[2mrw] is leg day", SAT, ["DATE 2026-03-15"]),
    ("[tonight]'s game was insane", SAT, ["TIME 2026-03-14TNI"]),
    ("[next thurs] works for me", SAT, ["DATE 2026-03-19"]),
    ("saw it [last fri]", SAT, ["DATE 2026-03-13"]),
    ("open [24 hrs]", SAT, ["DURATION PT24H"]),
    ("tacos [every sat]", SAT, ["SET XXXX-WXX-6"]),
    ("[sundays] are for football", SAT, ["SET XXXX-WXX-7"]),
    ("see u in [2 wks]", SAT, ["DURATION P2W"]),
    ("[3 days] til my bday", SAT, ["DURATION P3D"]),
    ("[2016] vs [2026]", SAT, ["DATE 2016", "DATE 2026"]),
    ("[november] cant come soon enough", SAT, ["DATE 2026-11"]),
    ("happy [new year]!!!", DEC, ["DATE 2027-01-01"]),
    ("[MONDAY] AGAIN??", SAT, ["DATE 2026-03-16"]),
    ("pickup at [8-ish]", SAT, ["TIME 2026-03-14T20:00"]),
    ("took [half an hour]", SAT, ["DURATION PT30M"]),
    ("still up at [1:30 am]", SAT, ["TIME 2026-03-14T01:30"]),
    ("see u [2nite] @ [8]", SAT, ["TIME 2026-03-14TNI", "TIME 2026-03-14T20:00"]),
    ("[yesterday]'s game tho", SAT, ["DATE 2026-03-13"]),
    ("[last weekend] was a blast", SAT, ["DATE 2026-W10-WE"]),
    ("[next weekend] road trip", SAT, ["DATE 2026-W12-WE"]),
    ("slammed [this wk]", SAT, ["DATE 2026-W11"]),
    ("[one more week] til vacay", SAT, ["DURATION P1W"]),
    ("sun's out guns out", SAT, []),
    ("i'm at 7% battery", SAT, []),
    ("sat there for ages", SAT, []),
    ("we wed on a beach", SAT, []),
    ("oh c'mon.", SAT, []),
    ("may i ask why", SAT, []),
    ("march on, friends", SAT, []),
    ("jan and i went out", SAT, []),
    ("aug is my bff", SAT, []),
    ("SAT prep [tmrw]", SAT, ["DATE 2026-03-15"]),
    ("got 2nd place!!", SAT, []),
    ("5 on 5 pickup game", SAT, []),
    ("i was 2 tired", SAT, []),
    ("we met [years ago] lol", SAT, ["DURATION PXY"]),
    ("game is [sat, nov 5]", SAT, ["DATE 2026-11-05"]),
    ("live at [8pm est]", SAT, ["TIME 2026-03-14T20:00"]),
    ("[nye] plans?", DEC, ["DATE 2026-12-31"]),
    # ---- a third batch
    ("show [7]-[9pm]", SAT, ["TIME 2026-03-14T19:00", "TIME 2026-03-14T21:00"]),
    ("[labor day weekend] plans", SAT, ["DATE 2026-W36-WE"]),
    ("back in [the 90s]", SAT, ["DATE 199"]),
    ("temps in the 90s lol", SAT, []),
    ("coffee [every morning]", SAT, ["SET XXXX-XX-XXTMO"]),
    ("[mothers day] brunch", SAT, ["DATE 2026-05-10"]),
    ("fireworks on [the 4th of july]", SAT, ["DATE 2026-07-04"]),
    ("its [3am] and i cant sleep", SAT, ["TIME 2026-03-14T03:00"]),
    ("open til [2am]", SAT, ["TIME 2026-03-14T02:00"]),
    ("[fall 2025] was rough", SAT, ["DATE 2025-FA"]),
    ("[last xmas] i gave u my heart", SAT, ["DATE 2025-12-25"]),
    ("420 on [4/20]", SAT, ["DATE 2026-04-20"]),
    ("dinner at [7 tmrw]?", SAT, ["TIME 2026-03-15T19:00"]),
    ("meet @ [9 tonight]", SAT, ["TIME 2026-03-14T21:00"]),
    ("camping out on [black friday] lol", FRI, ["DATE 2026-11-27"]),
    ("[sunday] funday", SAT, ["DATE 2026-03-15"]),
    ("[2 more days] till vacation", SAT, ["DURATION P2D"]),
    ("[later today] maybe", SAT, ["DATE 2026-03-14"]),
    ("[this past weekend] was wild", SAT, ["DATE 2026-W10-WE"]),
    ("dinner [tmrw at 8pm]", SAT, ["TIME 2026-03-15T20:00"]),
    ("lunch [tomorrow at noon]?", SAT, ["TIME 2026-03-15T12:00"]),
    ("deadline is [noon tmrw]", SAT, ["TIME 2026-03-15T12:00"]),
    ("pickup game [fri at 8]", WED, ["TIME 2026-06-05T20:00"]),
    ("party on [sat]", WED, ["DATE 2026-06-06"]),
    ("[sat morn] pancakes", WED, ["TIME 2026-06-06TMO"]),
    ("focus on sun safety", WED, []),
    ("[july 4th] weekend at the lake", SAT, ["DATE 2026-07-04"]),
    ("[tmrw mornin] is gonna hurt", SAT, ["TIME 2026-03-15TMO"]),
    ("back in [2k10] lol", SAT, ["DATE 2010"]),
    ("[new years day] brunch", DEC, ["DATE 2027-01-01"]),
    ("[last wk] was crazy", SAT, ["DATE 2026-W10"]),
    ("[yesterday nite] was lit", SAT, ["TIME 2026-03-13TNI"]),
    ("this sat on my desk for [weeks]", WED, ["DURATION PXW"]),
]


def _reference(when: str) -> date:
    return datetime.fromisoformat(when).date()


def outcome(case: tuple[str, str, list[str]]) -> tuple[int, int, int, int, list[str]]:
    """(expected, span hits, value hits, false alarms, notes) for one case."""
    marked, when, expected = case
    text, spans = parse_marked(marked)
    found = {(t.start, t.end): t for t in tag(text, _reference(when)) if t.timeml}
    spans_hit = values_hit = 0
    notes: list[str] = []
    for (start, end), want in zip(spans, expected, strict=True):
        got = found.pop((start, end), None)
        if got is None:
            notes.append(f"missed {text[start:end]!r} ({want})")
            continue
        spans_hit += 1
        if f"{got.type} {got.value}" == want:
            values_hit += 1
        else:
            notes.append(f"{text[start:end]!r}: {got.type} {got.value}, want {want}")
    for t in found.values():
        notes.append(f"extra {t.text!r} {t.type} {t.value}")
    return len(expected), spans_hit, values_hit, len(found), notes


def score() -> tuple[float, float, list[str]]:
    """Span-exact F1 and value-exact F1 over every case, and the notes of each miss."""
    want = spans = values = extra = 0
    notes: list[str] = []
    for case in CASES:
        n, s, v, e, why = outcome(case)
        want, spans, values, extra = want + n, spans + s, values + v, extra + e
        notes.extend(f"{case[0]}  ->  {w}" for w in why)
    found = spans + extra
    return f1(spans, found, want), f1(values, found, want), notes


#: what the set scores now, less a little (raise it when the tagger gets better)
SPAN_F1_FLOOR = 0.97
VALUE_F1_FLOOR = 0.95


def test_informal_set_score() -> None:
    span_f1, value_f1, notes = score()
    assert span_f1 >= SPAN_F1_FLOOR, notes
    assert value_f1 >= VALUE_F1_FLOOR, notes


@pytest.mark.parametrize(
    ("fragment", "written", "value"),
    [
        ("day_slang", "tomorrowww", "PLUS-1"),
        ("day_slang", "todayyy", "PLUS-0"),
        ("day_slang", "2MORROW", "PLUS-1"),
        ("tonight_word", "2niteee", "NI"),
        ("day_slang", "toooday", None),  # only doubled and last letters stretch
    ],
)
def test_stretched_words(fragment: str, written: str, value: str | None) -> None:
    table = load("en").fragments[fragment]
    found = re.fullmatch(table.regex, written, re.IGNORECASE)
    assert (table.lookup(written) if found else None) == value


def test_cases_are_well_formed() -> None:
    for marked, when, expected in CASES:
        _, spans = parse_marked(marked)
        assert len(spans) == len(expected), marked
        datetime.fromisoformat(when)


@pytest.mark.parametrize("case", [c for c in CASES if not outcome(c)[4]], ids=lambda c: c[0])
def test_case_exact(case: tuple[str, str, list[str]]) -> None:
    assert outcome(case)[4] == []


if __name__ == "__main__":
    span_f1, value_f1, notes = score()
    print("\n".join(notes))
    print(f"{len(CASES)} posts: span F1 {span_f1:.3f}, value F1 {value_f1:.3f}")
