"""Held-out history passages: narrative resolution on text the tagger was never tuned on.

Each case is a short passage of our own (invented or general-knowledge events from
antiquity to the world wars), read as a history article today, with its timexes
marked ``[like this]`` and a parallel list of ``(type, value)`` or ``(type, value,
mod)``; the marks were written per the TimeML/TIMEX3 guidelines (BC years as
``BC0490``, centuries as their first two digits) *before* the tagger was run on them.

Untouched score (first run, before any fix for these passages, main at 9ab03f4):
    span F1 0.9846, value F1 0.9641 over 58 passages. This is the held-out figure.
After "AD 79" and "That night" (the story's night): span F1 0.9949, value F1 0.9746.
"""

from __future__ import annotations

from datetime import date

import pytest
from heldout_scoring import Gold, Group, gold_of, score, system_of

# a history article read on Wednesday 4 March 2026
REF = date(2026, 3, 4)

ANCIENT: list[tuple[str, Gold]] = [
    (
        "The Persian fleet sailed in [490 BC]. [Ten years later] a larger army returned.",
        [("DATE", "BC0490"), ("DATE", "BC0480")],
    ),
    (
        "The city was founded in [the 8th century BC] and grew slowly.",
        [("DATE", "BC07")],
    ),
    (
        "The old king died in [323 BC]. Within [a few years] his generals were at war.",
        [("DATE", "BC0323"), ("DURATION", "PXY")],
    ),
    (
        "The volcano buried the town in [AD 79]. Its ruins lay hidden for [1,700 years].",
        [("DATE", "0079"), ("DURATION", "P1700Y")],
    ),
    (
        "The wall was begun in [122]. It took [about six years] to build.",
        [("DATE", "0122"), ("DURATION", "P6Y", "APPROX")],
    ),
    (
        "The empire split in [the late fourth century].",
        [("DATE", "03", "END")],
    ),
    (
        "The siege lasted [ten years], the poets said.",
        [("DURATION", "P10Y")],
    ),
    (
        "The republic fell in [27 BC], when the senate gave Octavian new powers.",
        [("DATE", "BC0027")],
    ),
]

MEDIEVAL: list[tuple[str, Gold]] = [
    (
        "The duke landed on [28 September 1066]. [Sixteen days later] he won.",
        [("DATE", "1066-09-28"), ("DATE", "1066-10-14")],
    ),
    (
        "He was crowned on [Christmas Day 1066] in the abbey.",
        [("DATE", "1066-12-25")],
    ),
    (
        "The plague reached the port in [June 1348]. By [the end of the year] half were dead.",
        [("DATE", "1348-06"), ("DATE", "1348", "END")],
    ),
    (
        "The charter was sealed in [June 1215]. [The following year] the king died.",
        [("DATE", "1215-06"), ("DATE", "1216")],
    ),
    (
        "The cathedral took [more than 100 years] to finish.",
        [("DURATION", "P100Y", "MORE_THAN")],
    ),
    (
        "The war between the two crowns dragged on for [116 years].",
        [("DURATION", "P116Y")],
    ),
    (
        "The crusaders took the city in [July 1099] after a [five-week] siege.",
        [("DATE", "1099-07"), ("DURATION", "P5W")],
    ),
    (
        "The printing press spread across Europe in [the late 15th century].",
        [("DATE", "14", "END")],
    ),
    (
        "The fleet left Lisbon in [July 1497]. It rounded the cape in [November].",
        [("DATE", "1497-07"), ("DATE", "1497-11")],
    ),
    (
        "The town burned in [1421]. [Three years later] it was rebuilt in stone.",
        [("DATE", "1421"), ("DATE", "1424")],
    ),
    (
        "The monks copied books through [the 12th century].",
        [("DATE", "11")],
    ),
    (
        "Columbus sailed on [3 August 1492]. He sighted land on [12 October].",
        [("DATE", "1492-08-03"), ("DATE", "1492-10-12")],
    ),
]

NINETEENTH: list[tuple[str, Gold]] = [
    (
        "Revolt broke out in Paris in [February 1848]. By [March] it had spread to Vienna.",
        [("DATE", "1848-02"), ("DATE", "1848-03")],
    ),
    (
        "The assembly met on [18 May 1848]. [That autumn] it was dissolved.",
        [("DATE", "1848-05-18"), ("DATE", "1848-FA")],
    ),
    (
        "The army entered Moscow on [14 September 1812]. [A month later] it began the retreat.",
        [("DATE", "1812-09-14"), ("DATE", "1812-10")],
    ),
    (
        "The retreat went on through [the winter of 1812].",
        [("DATE", "1812-WI")],
    ),
    (
        "The emperor escaped in [February 1815]. His rule lasted [about 100 days].",
        [("DATE", "1815-02"), ("DURATION", "P100D", "APPROX")],
    ),
    (
        "The battle was fought on [18 June 1815]. [The next day] the allies marched on.",
        [("DATE", "1815-06-18"), ("DATE", "1815-06-19")],
    ),
    (
        "The railway opened in [1830]. Within [a decade] lines ran to every big town.",
        [("DATE", "1830"), ("DURATION", "P10Y")],
    ),
    (
        "The famine struck in [the 1840s] and lasted [several years].",
        [("DATE", "184"), ("DURATION", "PXY")],
    ),
    (
        "Fort Sumter was shelled on [April 12, 1861]. [Two days later] it surrendered.",
        [("DATE", "1861-04-12"), ("DATE", "1861-04-14")],
    ),
    (
        "The armies met at Gettysburg in [early July 1863].",
        [("DATE", "1863-07", "START")],
    ),
    (
        "Lee surrendered on [April 9, 1865]. [Five days later] the president was shot.",
        [("DATE", "1865-04-09"), ("DATE", "1865-04-14")],
    ),
    (
        "The canal was begun in [1859] and opened [ten years later].",
        [("DATE", "1859"), ("DATE", "1869")],
    ),
    (
        "Prices fell in [the spring of 1873]. By [the autumn] banks were failing.",
        [("DATE", "1873-SP"), ("DATE", "1873-FA")],
    ),
    (
        "The treaty was signed in [1871]. [The previous summer] the two armies had clashed.",
        [("DATE", "1871"), ("DATE", "1870-SU")],
    ),
    (
        "The explorers set out in [May 1804] and returned [two years later].",
        [("DATE", "1804-05"), ("DATE", "1806")],
    ),
    (
        "The strike began on [1 May 1886]. [Three days later] a bomb exploded in the square.",
        [("DATE", "1886-05-01"), ("DATE", "1886-05-04")],
    ),
    (
        "The gold rush peaked in [the early 1850s].",
        [("DATE", "185", "START")],
    ),
]

WARS: list[tuple[str, Gold]] = [
    (
        "The archduke was shot on [28 June 1914]. [A month later] Austria declared war.",
        [("DATE", "1914-06-28"), ("DATE", "1914-07")],
    ),
    (
        "War broke out in [August 1914]. Many expected it to be over by [Christmas].",
        [("DATE", "1914-08"), ("DATE", "1914-12-25")],
    ),
    (
        "The offensive opened on [1 July 1916]. On [the first day] alone 19,000 men died.",
        [("DATE", "1916-07-01"), ("DATE", "1916-07-01")],
    ),
    (
        "The battle of Verdun lasted [ten months].",
        [("DURATION", "P10M")],
    ),
    (
        "The armistice took effect at [11 a.m.] on [11 November 1918].",
        [("TIME", "1918-11-11T11:00"), ("DATE", "1918-11-11")],
    ),
    (
        "Germany invaded Poland on [1 September 1939]. [Two days later] Britain declared war.",
        [("DATE", "1939-09-01"), ("DATE", "1939-09-03")],
    ),
    (
        "The bombing of London went on for [eight months] from [September 1940].",
        [("DURATION", "P8M"), ("DATE", "1940-09")],
    ),
    (
        "The invasion began on [22 June 1941]. By [December] the troops were near Moscow.",
        [("DATE", "1941-06-22"), ("DATE", "1941-12")],
    ),
    (
        "Pearl Harbor was attacked on [the morning of December 7, 1941].",
        [("TIME", "1941-12-07TMO")],
    ),
    (
        "The siege of the city began in [September 1941] and lasted [872 days].",
        [("DATE", "1941-09"), ("DURATION", "P872D")],
    ),
    (
        "The landings took place on [6 June 1944]. [That night] the beachheads held.",
        [("DATE", "1944-06-06"), ("TIME", "1944-06-06TNI")],
    ),
    (
        "Paris was freed in [late August 1944].",
        [("DATE", "1944-08", "END")],
    ),
    (
        "The war in Europe ended on [8 May 1945]. [Three months later] Japan surrendered.",
        [("DATE", "1945-05-08"), ("DATE", "1945-08")],
    ),
    (
        "The Korean War broke out in [June 1950]. An armistice came [three years later].",
        [("DATE", "1950-06"), ("DATE", "1953")],
    ),
    (
        "The blockade began in [June 1948]. [The following spring] it was lifted.",
        [("DATE", "1948-06"), ("DATE", "1949-SP")],
    ),
    (
        "The crisis began on [October 16, 1962] and lasted [13 days].",
        [("DATE", "1962-10-16"), ("DURATION", "P13D")],
    ),
    (
        "The wall went up in [August 1961]. It stood for [28 years].",
        [("DATE", "1961-08"), ("DURATION", "P28Y")],
    ),
    (
        "Saigon fell in [April 1975]. [The previous month] the northern cities had collapsed.",
        [("DATE", "1975-04"), ("DATE", "1975-03")],
    ),
    (
        "The offensive was launched on [30 January 1968] and lasted [several months].",
        [("DATE", "1968-01-30"), ("DURATION", "PXM")],
    ),
    (
        "The Soviet troops withdrew in [February 1989], after [nearly ten years].",
        [("DATE", "1989-02"), ("DURATION", "P10Y", "LESS_THAN")],
    ),
    (
        "The army regiment number 1916 was disbanded.",
        [],
    ),
]

GROUPS: list[Group] = [
    ("ancient", REF, False, ANCIENT),
    ("medieval", REF, False, MEDIEVAL),
    ("nineteenth", REF, False, NINETEENTH),
    ("wars", REF, False, WARS),
]

# passages the tagger does not yet get exactly right (type, value and mod of every timex)
KNOWN_GAPS = frozenset(
    {
        "The wall was begun in [122]. It took [about six years] to build.",
        "War broke out in [August 1914]. Many expected it to be over by [Christmas].",
        "The offensive opened on [1 July 1916]. On [the first day] alone 19,000 men died.",
    }
)

ROWS = [
    pytest.param(text, gold, id=f"{name}-{i}")
    for name, _reference, _day_first, cases in GROUPS
    for i, (text, gold) in enumerate(cases)
    if text not in KNOWN_GAPS
]


@pytest.mark.parametrize(("text", "gold"), ROWS)
def test_history_exact(text: str, gold: Gold) -> None:
    plain, want = gold_of(text, gold)
    assert system_of(plain, REF, False) == want


# span F1 and value F1 the tagger must keep on these passages
SPAN_FLOOR = 0.97
VALUE_FLOOR = 0.95


def test_history_floor() -> None:
    span_f1, value_f1, errors = score(GROUPS)
    assert span_f1 >= SPAN_FLOOR, errors
    assert value_f1 >= VALUE_FLOOR, errors


if __name__ == "__main__":
    span_f1, value_f1, errors = score(GROUPS)
    print("\n".join(errors))
    print(f"span F1 {span_f1:.4f}  value F1 {value_f1:.4f}")
