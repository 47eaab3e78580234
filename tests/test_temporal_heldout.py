"""Held-out news sentences: how tag() does on text it was never tuned on.

The sentences below were written (in our own words) and annotated by hand per
the TimeML/TIMEX3 guidelines *before* the tagger was run on them. Each case is a
sentence with its timexes marked ``[like this]`` and a parallel list of
``(type, value)`` or ``(type, value, mod)``; an empty list means the sentence
holds no timex at all (ages, versions, scores, statutes, disease names).

Untouched score (first run, before any fix for these sentences):
    span F1 0.9080, value F1 0.8506 over 176 sentences (main at 31a6335);
    0.9138 / 0.8563 once one slip in our own marks was fixed ("[on Friday]",
    where TimeML leaves the preposition out). This is the held-out figure.
After the fixes it prompted (Q4/H1 2026, "0900 GMT", "set for Saturday",
"expected to last six weeks", "Thursday 5 November") and one mark brought in line
with the guidelines ("[up to 20 years]"): span F1 0.9513, value F1 0.9054;
with "forecast for Thursday and [Friday]" sharing the tense: value F1 0.9112;
with "paid on March 20 to holders of record on [March 10]": value F1 0.9169;
with "Congress has until [Friday]": value F1 0.9226.
With "the turn of the century", "in the new year", "go to the polls in November",
"filings on Tuesday showed" and one mark brought in line with TimeBank ("so far
[this year]"): span F1 0.9657, value F1 0.9486.
"""

from __future__ import annotations

from datetime import date

import pytest
from heldout_scoring import Gold, gold_of, system_of
from heldout_scoring import score as score_groups

from timeline.temporal import tag

# Wednesday 4 March 2026: wire, business, politics, science and court stories.
REF_NEWS = date(2026, 3, 4)
# Monday 17 August 2026: sports stories.
REF_SPORT = date(2026, 8, 17)
# Tuesday 10 November 2026: British stories, read day-first.
REF_UK = date(2026, 11, 10)

WIRE: list[tuple[str, Gold]] = [
    (
        "The central bank left rates unchanged on [Tuesday], citing sticky inflation.",
        [("DATE", "2026-03-03")],
    ),
    ("Ministers will meet again on [Friday] to finalize the budget.", [("DATE", "2026-03-06")]),
    ("The ceasefire took effect at [0900 GMT], the army said.", [("TIME", "2026-03-04T09:00")]),
    ("Voting was due to start at [10 a.m.] local time.", [("TIME", "2026-03-04T10:00")]),
    ("The storm made landfall [late Tuesday] near the port.", [("DATE", "2026-03-03", "END")]),
    ("[Two weeks ago], a similar quake struck the same valley.", [("DATE", "2026-W08")]),
    ("The ministry said on [Monday] that 40 people had been rescued.", [("DATE", "2026-03-02")]),
    ("Aid convoys are expected to reach the city in [the coming days].", [("DURATION", "PXD")]),
    ("Protests have continued daily since [January].", [("DATE", "2026-01")]),
    (
        "The opposition leader was arrested [last month] and later freed on bail.",
        [("DATE", "2026-02")],
    ),
    ("Officials expect the bridge to reopen by [mid-March].", [("DATE", "2026-03", "MID")]),
    (
        "The government fell [late last year] after losing a confidence vote.",
        [("DATE", "2025", "END")],
    ),
    ("The embassy has been shut since [2019].", [("DATE", "2019")]),
    ("A 45-year-old man was detained at the scene.", []),
    ("The suspect, 23, appeared before a magistrate on [Tuesday].", [("DATE", "2026-03-03")]),
    (
        "Flights resumed over [the weekend] after a [two-day] shutdown.",
        [("DATE", "2026-W09-WE"), ("DURATION", "P2D")],
    ),
    ("The prime minister will travel to Tokyo [next week].", [("DATE", "2026-W11")]),
    ("Turnout was the lowest in [decades].", [("DURATION", "PXDE")]),
    ("The visit will be the first by a U.S. president in [15 years].", [("DURATION", "P15Y")]),
    (
        "Heavy rain is forecast for [Thursday] and [Friday].",
        [("DATE", "2026-03-05"), ("DATE", "2026-03-06")],
    ),
    ("The interior minister resigned on [Dec. 5] over the leak.", [("DATE", "2025-12-05")]),
    ("The new border rules take effect [Jan. 1, 2027].", [("DATE", "2027-01-01")]),
    ("The next general election is due in [2028].", [("DATE", "2028")]),
    ("The region has had almost no rain [this year].", [("DATE", "2026")]),
    ("A police spokesman declined to comment [Wednesday].", [("DATE", "2026-03-04")]),
    ("The agency first reported the outbreak [earlier this week].", [("DATE", "2026-W10")]),
    ("The curfew begins at [10 p.m.], the mayor said.", [("TIME", "2026-03-04T22:00")]),
    ("Rescuers pulled a girl from the rubble [yesterday].", [("DATE", "2026-03-03")]),
    ("The talks will resume [tomorrow] in Geneva.", [("DATE", "2026-03-05")]),
    ("The ferry sank [three days ago] with 200 people aboard.", [("DATE", "2026-03-01")]),
    ("Troops withdrew from the town over [the weekend].", [("DATE", "2026-W09-WE")]),
    ("The minister spoke to reporters [this morning].", [("TIME", "2026-03-04TMO")]),
    ("Both sides signed the accord in Doha in [2024].", [("DATE", "2024")]),
    ("The blockade has lasted [more than a year].", [("DURATION", "P1Y", "MORE_THAN")]),
    ("The volcano last erupted in [1991].", [("DATE", "1991")]),
    ("Power was restored to most homes by [Sunday night].", [("TIME", "2026-03-01TNI")]),
    ("The storm is the worst to hit the island since [the 1950s].", [("DATE", "195")]),
]

BUSINESS: list[tuple[str, Gold]] = [
    ("Revenue rose 8% year-on-year to $4.2 billion.", []),
    (
        "Profit for [the three months] to [December] rose 12%.",
        [("DURATION", "P3M"), ("DATE", "2025-12")],
    ),
    ("The retailer expects sales to grow in [fiscal 2027].", [("DATE", "2027")]),
    ("The chipmaker reported [Q4] revenue of $9 billion.", [("DATE", "2025-Q4")]),
    ("The group guided for a stronger [H2 2026].", [("DATE", "2026-H2")]),
    ("In [H1 2025] the bank set aside $2 billion for bad loans.", [("DATE", "2025-H1")]),
    ("Net income for [the first nine months] of the year fell 3%.", [("DURATION", "P9M")]),
    (
        "The stock hit a [52-week] high on [Tuesday].",
        [("DURATION", "P52W"), ("DATE", "2026-03-03")],
    ),
    ("Shares closed at their highest level since [2019].", [("DATE", "2019")]),
    ("The index slipped 1.2% from the previous session's close.", []),
    ("The company will report results on [April 28].", [("DATE", "2026-04-28")]),
    ("The merger is expected to close by [the end of the year].", [("DATE", "2026", "END")]),
    ("Sales in [the fourth quarter] rose 5%.", [("DATE", "2025-Q4")]),
    ("The firm forecast [first-quarter] revenue of about $3 billion.", [("DATE", "2026-Q1")]),
    ("Traders expect the first rate cut in [June].", [("DATE", "2026-06")]),
    (
        "Inflation slowed to 2.4% in [January] from 2.9% in [December].",
        [("DATE", "2026-01"), ("DATE", "2025-12")],
    ),
    (
        "The dividend will be paid on [March 20] to holders of record on [March 10].",
        [("DATE", "2026-03-20"), ("DATE", "2026-03-10")],
    ),
    ("The lender's shares have fallen 30% over [the past year].", [("DURATION", "P1Y")]),
    ("Unemployment held at 4.1% [last month].", [("DATE", "2026-02")]),
    ("The company has cut 5,000 jobs since [2023].", [("DATE", "2023")]),
    ("Growth between [2010] and [2015] averaged 2%.", [("DATE", "2010"), ("DATE", "2015")]),
    ("The carmaker sold 2,024 vehicles in Europe.", []),
    ("The shares trade at 15 times [2027] earnings.", [("DATE", "2027")]),
    ("Markets were closed on [Monday] for a holiday.", [("DATE", "2026-03-02")]),
    ("The euro sank to a [two-year] low against the dollar.", [("DURATION", "P2Y")]),
    ("The buyback plan, announced in [2024], is worth $5 billion.", [("DATE", "2024")]),
    ("The update brings Windows 11 to older laptops.", []),
    ("Earnings rose to $1.25 a share from $1.10 [a year earlier].", [("DATE", "2025")]),
    ("Factory orders rose for a third month in [February].", [("DATE", "2026-02")]),
    ("The airline expects to return to profit in [2027].", [("DATE", "2027")]),
    # (marked "[so far this year]" before the first run; TimeBank leaves "so far" out)
    ("Copper has gained 9% so far [this year].", [("DATE", "2026")]),
    ("The brewer's sales in [the second half] are expected to recover.", [("DATE", "2026-H2")]),
    ("Brent crude rose 2% on [Tuesday] to $81 a barrel.", [("DATE", "2026-03-03")]),
    ("The bank will hold its annual meeting on [May 6].", [("DATE", "2026-05-06")]),
    (
        "The chain opened 300 stores in [the third quarter] of [2025].",
        [("DATE", "2025-Q3"), ("DATE", "2025")],
    ),
    ("Home sales fell for the sixth straight month.", []),
]

POLITICS: list[tuple[str, Gold]] = [
    ("The senator announced her candidacy on [Monday].", [("DATE", "2026-03-02")]),
    ("The bill passed the House in [December] and awaits a Senate vote.", [("DATE", "2025-12")]),
    ("Lawmakers return from recess [next Tuesday].", [("DATE", "2026-03-10")]),
    ("The president has been in office since [January 2025].", [("DATE", "2025-01")]),
    ("The governor served two [four-year] terms.", [("DURATION", "P4Y")]),
    ("The final vote is scheduled for [March 17].", [("DATE", "2026-03-17")]),
    ("Congress has until [Friday] to pass a spending bill.", [("DATE", "2026-03-06")]),
    ("The party's support has slipped in [recent weeks].", [("DURATION", "PXW")]),
    ("The chancellor is [currently] on a tour of Asia.", [("DATE", "PRESENT_REF")]),
    ("The ministry will publish its review [this spring].", [("DATE", "2026-SP")]),
    ("The summit ended on [Sunday] without a deal.", [("DATE", "2026-03-01")]),
    ("Parliament was dissolved [two days ago].", [("DATE", "2026-03-02")]),
    ("Polls show the race tightening over [the past month].", [("DURATION", "P1M")]),
    ("The bill could come to a vote as early as [next month].", [("DATE", "2026-04")]),
    ("He narrowly lost the [2024] election.", [("DATE", "2024")]),
    ("Voters go to the polls in [November].", [("DATE", "2026-11")]),
    ("The referendum was held on [12 May 2024].", [("DATE", "2024-05-12")]),
    ("The coalition first took power in [the early 1990s].", [("DATE", "199", "START")]),
    ("The commission must report within [90 days].", [("DURATION", "P90D")]),
    ("The debate will air at [9 p.m. Thursday].", [("TIME", "2026-03-05T21:00")]),
    ("Section 230 shields platforms from liability for posts.", []),
    (
        "The envoy arrived in Kyiv [Tuesday] for [two days] of talks.",
        [("DATE", "2026-03-03"), ("DURATION", "P2D")],
    ),
    ("The mayor has held the job for [nearly a decade].", [("DURATION", "P10Y", "LESS_THAN")]),
    ("The cabinet meets [every Thursday].", [("SET", "XXXX-WXX-4")]),
    ("The treaty was signed at [the turn of the century].", [("DATE", "2000")]),
    ("The minister said on [Friday] that no decision had been made.", [("DATE", "2026-02-27")]),
    ("The party will choose a new leader by [the end of March].", [("DATE", "2026-03", "END")]),
    ("The speaker was elected in [October 2023].", [("DATE", "2023-10")]),
    ("The budget covers [the next five years].", [("DURATION", "P5Y")]),
    (
        "Officials [now] say the count will finish [Friday].",
        [("DATE", "PRESENT_REF"), ("DATE", "2026-03-06")],
    ),
]

SPORTS: list[tuple[str, Gold]] = [
    ("City beat United 3-1 on [Sunday].", [("DATE", "2026-08-16")]),
    (
        "The striker, 31, signed a [three-year] contract [last week].",
        [("DURATION", "P3Y"), ("DATE", "2026-W33")],
    ),
    ("The final is set for [Saturday] at Wembley.", [("DATE", "2026-08-22")]),
    ("She won the title in [2022] and again in [2024].", [("DATE", "2022"), ("DATE", "2024")]),
    ("The team has not lost at home since [March].", [("DATE", "2026-03")]),
    ("The coach was fired after just [10 months] in charge.", [("DURATION", "P10M")]),
    ("The race starts at [2 p.m.] local time.", [("TIME", "2026-08-17T14:00")]),
    ("The season opens on [Sept. 12].", [("DATE", "2026-09-12")]),
    ("The club will name a new manager in [the coming weeks].", [("DURATION", "PXW")]),
    ("The Olympics return to Los Angeles in [2028].", [("DATE", "2028")]),
    ("Qualifying was washed out on [Friday].", [("DATE", "2026-08-14")]),
    ("The winner came in the 90th minute.", []),
    ("The Yankees won 5-4 in 11 innings [Saturday night].", [("TIME", "2026-08-15TNI")]),
    ("The 28-year-old has scored 12 goals this season.", []),
    (
        "The match kicks off at [7:45 p.m.] on [Wednesday].",
        [("TIME", "2026-08-19T19:45"), ("DATE", "2026-08-19")],
    ),
    ("Rain delayed the start by [two hours].", [("DURATION", "PT2H")]),
    ("The two sides last met in [April].", [("DATE", "2026-04")]),
    ("The league was founded in [1888].", [("DATE", "1888")]),
    ("He will miss [six weeks] with a hamstring injury.", [("DURATION", "P6W")]),
    ("Her record has stood since [1988].", [("DATE", "1988")]),
    ("The transfer window closes on [Sept. 1].", [("DATE", "2026-09-01")]),
    ("The Lakers won 112-104 [last night].", [("TIME", "2026-08-16TNI")]),
]

SCIENCE: list[tuple[str, Gold]] = [
    ("The probe will reach Jupiter in [2031].", [("DATE", "2031")]),
    ("The study followed 10,000 adults for [a decade].", [("DURATION", "P10Y")]),
    ("Global temperatures have risen since [the 1850s].", [("DATE", "185")]),
    ("The telescope launched on [Dec. 25, 2021].", [("DATE", "2021-12-25")]),
    ("The survey is carried out [every year].", [("SET", "P1Y")]),
    ("COVID-19 cases rose sharply in [January].", [("DATE", "2026-01")]),
    ("The comet returns [every 76 years].", [("SET", "P76Y")]),
    ("The eclipse will be visible on [Aug. 12].", [("DATE", "2026-08-12")]),
    ("Results are expected [later this year].", [("DATE", "2026")]),
    ("The vaccine trial began in [the spring of 2025].", [("DATE", "2025-SP")]),
    ("The ice sheet lost mass between [2002] and [2023].", [("DATE", "2002"), ("DATE", "2023")]),
    ("The drug must be taken [twice a day].", [("SET", "P1D")]),
    ("The rover has worked on Mars for [more than 12 years].", [("DURATION", "P12Y", "MORE_THAN")]),
    ("The H5N1 strain was first found in geese in [1996] in China.", [("DATE", "1996")]),
    ("The satellite will burn up in the atmosphere in [the 2030s].", [("DATE", "203")]),
    ("The journal published the findings on [Monday].", [("DATE", "2026-03-02")]),
]

COURT: list[tuple[str, Gold]] = [
    ("The judge set sentencing for [May 14].", [("DATE", "2026-05-14")]),
    ("The defendant was convicted in [October] of wire fraud.", [("DATE", "2025-10")]),
    # (marked "up to [20 years]" before the first run; TimeML puts "up to" in the span)
    ("He faces [up to 20 years] in prison.", [("DURATION", "P20Y", "EQUAL_OR_LESS")]),
    ("The trial is expected to last [six weeks].", [("DURATION", "P6W")]),
    ("Jurors deliberated for [about four hours].", [("DURATION", "PT4H", "APPROX")]),
    ("The appeals court heard arguments on [Feb. 10].", [("DATE", "2026-02-10")]),
    ("The firm agreed to pay $2 million, filings on [Tuesday] showed.", [("DATE", "2026-03-03")]),
    ("The lawsuit, filed in [2023], seeks damages.", [("DATE", "2023")]),
    ("The 9th Circuit ruled [last year] that the ban was lawful.", [("DATE", "2025")]),
    ("A hearing is set for [the 5th].", [("DATE", "2026-03-05")]),
    ("Prosecutors have [30 days] to appeal.", [("DURATION", "P30D")]),
    ("The victim, a 52-year-old nurse, died in hospital.", []),
    ("The plea deal was reached [late Monday].", [("DATE", "2026-03-02", "END")]),
    (
        "The jury will resume deliberations at [9 a.m.] [tomorrow].",
        [("TIME", "2026-03-05T09:00"), ("DATE", "2026-03-05")],
    ),
    ("He was sentenced to [18 months] in jail.", [("DURATION", "P18M")]),
    ("The former mayor was indicted in [June 2024].", [("DATE", "2024-06")]),
    ("The court has scheduled a retrial for [next January].", [("DATE", "2027-01")]),
    (
        "The abuse took place between [2015] and [2018], prosecutors said.",
        [("DATE", "2015"), ("DATE", "2018")],
    ),
]

# British stories: tag(..., day_first=True)
UK_DAY_FIRST: list[tuple[str, Gold]] = [
    ("The inquiry will resume on [05/01/2027].", [("DATE", "2027-01-05")]),
    ("The minister resigned on [3 November].", [("DATE", "2026-11-03")]),
    (
        "Sales fell 2% in [the three months] to [September].",
        [("DURATION", "P3M"), ("DATE", "2026-09")],
    ),
    ("The new store will open on [5 December].", [("DATE", "2026-12-05")]),
    ("The hearing on [12/10/2026] was adjourned.", [("DATE", "2026-10-12")]),
    ("Figures published on [Thursday 5 November] showed a rise.", [("DATE", "2026-11-05")]),
    ("Trading in the shares resumes at [08:00 GMT].", [("TIME", "2026-11-10T08:00")]),
    ("The Bank of England held rates on [Thursday].", [("DATE", "2026-11-05")]),
    ("Inflation will peak in [the new year], the Treasury said.", [("DATE", "2027")]),
    ("The council meets on [the 24th].", [("DATE", "2026-11-24")]),
]

GROUPS: list[tuple[str, date, bool, list[tuple[str, Gold]]]] = [
    ("wire", REF_NEWS, False, WIRE),
    ("business", REF_NEWS, False, BUSINESS),
    ("politics", REF_NEWS, False, POLITICS),
    ("sports", REF_SPORT, False, SPORTS),
    ("science", REF_NEWS, False, SCIENCE),
    ("court", REF_NEWS, False, COURT),
    ("uk", REF_UK, True, UK_DAY_FIRST),
]


def score() -> tuple[float, float, list[str]]:
    """Span F1 (exact offsets), value F1 (exact span and value) and the misses."""
    return score_groups(GROUPS)


# sentences the tagger does not yet get exactly right (type, value and mod of every timex)
KNOWN_GAPS = frozenset(
    {
        "Protests have continued daily since [January].",
        "Turnout was the lowest in [decades].",
        "The agency first reported the outbreak [earlier this week].",
        "Power was restored to most homes by [Sunday night].",
        "Net income for [the first nine months] of the year fell 3%.",
        "The chain opened 300 stores in [the third quarter] of [2025].",
        "The chancellor is [currently] on a tour of Asia.",
        "The Yankees won 5-4 in 11 innings [Saturday night].",
        "The match kicks off at [7:45 p.m.] on [Wednesday].",
        "Results are expected [later this year].",
        "The jury will resume deliberations at [9 a.m.] [tomorrow].",
    }
)

ROWS = [
    pytest.param(reference, day_first, text, gold, id=f"{name}-{i}")
    for name, reference, day_first, cases in GROUPS
    for i, (text, gold) in enumerate(cases)
    if text not in KNOWN_GAPS
]


@pytest.mark.parametrize(("reference", "day_first", "text", "gold"), ROWS)
def test_heldout_exact(reference: date, day_first: bool, text: str, gold: Gold) -> None:
    plain, want = gold_of(text, gold)
    assert system_of(plain, reference, day_first) == want


# look-alikes of the short forms that stay untagged
NOT_TIMEXES = [
    ("The H1N1 virus spread fast.", "H1N1"),
    ("She filed a Q-4 form.", "Q-4"),
    ("The blast came at 10:35 a.m. (0735 GMT) on Friday.", "0735 GMT"),
    ("The team's h1 heading was wrong.", "h1"),
    ("The strike could last two months.", "last two"),
    ("He won't last two weeks in the job.", "last two"),
]


@pytest.mark.parametrize(("text", "word"), NOT_TIMEXES)
def test_not_a_timex(text: str, word: str) -> None:
    assert all(word not in t.text for t in tag(text, REF_NEWS))


# span F1 and value F1 the tagger must keep on these sentences
SPAN_FLOOR = 0.94
VALUE_FLOOR = 0.92


def test_heldout_floor() -> None:
    span_f1, value_f1, errors = score()
    assert span_f1 >= SPAN_FLOOR, errors
    assert value_f1 >= VALUE_FLOOR, errors


if __name__ == "__main__":
    span_f1, value_f1, errors = score()
    print("\n".join(errors))
    print(f"span F1 {span_f1:.4f}  value F1 {value_f1:.4f}")
