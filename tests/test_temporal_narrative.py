"""Narrative resolution in history text: dates that count from the story, not the reference.

Every case is a sentence of our own, read with a reference date far from the story
(as a history article read today), with the expected TIMEX3 value of the [bracketed] span.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import tag

TODAY = date(2009, 12, 19)
NEWS_DAY = date(1998, 10, 2)  # a Friday


def value_of(text: str, reference: date = TODAY) -> str | None:
    """The value of the timex marked [like this] in ``text`` (None when nothing is found)."""
    start = text.index("[")
    end = text.index("]") - 1
    plain = text.replace("[", "").replace("]", "")
    for timex in tag(plain, reference):
        if (timex.start, timex.end) == (start, end):
            return timex.value
    return None


# (text with the timex in brackets, reference date, expected value)
STORY = [
    # a night of the story's day; years of the common era
    ("The fleet left on 2 March 1799. [That night] a storm rose.", TODAY, "1799-03-02TNI"),
    ("The town was sacked in [AD 410].", TODAY, "0410"),
    ("The abbey was founded in [654 AD].", TODAY, "0654"),
    ("Peace came in 1920. The talks ran on into [the new year].", TODAY, "1921"),
    # a month without a year takes the story's year, moving forward across New Year
    ("The siege began in 1854. In [March] the fleet sailed.", TODAY, "1854-03"),
    ("The fort fell on December 2, 1863. In [January] the army rested.", TODAY, "1864-01"),
    ("Rebels crossed on 28 November 1920. By [4 January] they held the town.", TODAY, "1921-01-04"),
    (
        "The port fell in September 1917. By [the start of July] the line had held.",
        TODAY,
        "1917-07",
    ),
    ("The campaign opened in August 1862. By [late September] it was over.", TODAY, "1862-09"),
    # a yearless date joined to a dated one shares its year
    ("Talks were held in [April] and June 1871.", TODAY, "1871-04"),
    ("The battles of [12 May] - 3 June 1916 were costly.", TODAY, "1916-05-12"),
    ("The blockade lasted from [November] to January 1802.", TODAY, "1801-11"),
    # units counted from the story
    ("The treaty was signed in 1648. [The following year] was calm.", TODAY, "1649"),
    ("The truce came in 1721. [The previous year] had been hard.", TODAY, "1720"),
    ("The truce came in 1721. [The next year] brought war.", TODAY, "1722"),
    ("The raid came on 3 May 1811. [Twelve days later] the town burned.", TODAY, "1811-05-15"),
    ("They landed on 5 June 1811. By [the end of the month] they had won.", TODAY, "1811-06"),
    ("They landed in 1811. By [the end of the year] they had won.", TODAY, "1811"),
    ("The fleet left on 2 March 1799. [That afternoon] a storm rose.", TODAY, "1799-03-02TAF"),
    ("The fleet left on 2 March 1799. At [11 a.m.] a storm rose.", TODAY, "1799-03-02T11:00"),
    ("He wrote in the letter of ['99] that he would return.", TODAY, "1999"),
    ("The mill opened in 1894 and closed in ['99].", TODAY, "1899"),
    ("In 1917 the class of ['99] was called up.", TODAY, "1899"),
    ("The fleet sailed on 2 March 1799, refitted in [December] as planned.", TODAY, "1798-12"),
    ("It sailed in 1798 and on 2 March 1799; it will return in [December].", TODAY, "1799-12"),
    ("The truce came in 1721. During [the previous year] trade had grown.", TODAY, "1720"),
    ("The port opened in 1835. In [August of that year] a fire broke out.", TODAY, "1835-08"),
    ("He was born in 1802 and married on [May 3 of the same year].", TODAY, "1802-05-03"),
    ("He was named Man of [the Year] in 1911.", TODAY, None),
    # a year after "of" or "by" is a date
    ("The dispute was settled by [the end of 1807].", TODAY, "1807"),
    ("The congress of [1815] redrew the map.", TODAY, "1815"),
    # seasons told without a year, and ranges written short
    ("Fighting resumed in 1809. The [summer] campaign was costly.", TODAY, "1809-SU"),
    ("The siege began in May 1809 and lasted throughout [the winter].", TODAY, "1810-WI"),
    ("The pact was signed in 1832. [The next spring] the troops withdrew.", TODAY, "1833-SP"),
    ("The Battle of the Ford ([3]-5 June 1762) was a draw.", TODAY, "1762-06-03"),
    ("The famine of 1846-[49] emptied the county.", TODAY, "1849"),
    ("The siege ([March]-May 1691) ended in a truce.", TODAY, "1691-03"),
    ("The [spring] water there was clean in 1890.", TODAY, None),
    # a history of recent years keeps its story's year
    (
        "Troops entered the city in 2003 and left in 2005. Elections followed in 2008. "
        "In [May] the new council met.",
        TODAY,
        "2008-05",
    ),
    # a year in a plan is an aside: the dated story goes on
    (
        "The raid opened on 10 March 1875, ahead of a campaign planned for 1876. "
        "The town fell on [11 March].",
        TODAY,
        "1875-03-11",
    ),
    # a story told before Christ counts its years backwards
    ("The colony was founded in 734 BC. [The following year] it was walled.", TODAY, "BC0733"),
    ("The fleet was lost in 413 BC. In [September] the city mourned.", TODAY, "BC0413-09"),
    ("Athens fell in 404 BC. The walls were rebuilt in [393].", TODAY, "BC0393"),
    ("The league met in [the summer of 371 BC] at Sparta.", TODAY, "BC0371-SU"),
    ("Prices rose in 1990. By [250] stores had closed.", TODAY, None),
    # ranges before Christ: the first year shares the era written after the second
    ("The revolt ([412]-405 BC) failed.", TODAY, "BC0412"),
    ("The siege lasted from [356] to 352 BC.", TODAY, "BC0356"),
    ("The second war ([218 B.C] to 201 B.C) was long.", TODAY, "BC0218"),
    # decades and centuries before Christ
    ("Raids went on throughout [the 380s BC].", TODAY, "BC038"),
    ("Temples were built in [the 6th century BC].", TODAY, "BC05"),
    ("Sparta won in 404 BC. In [the following decade] it overreached.", TODAY, "BC039"),
    ("The peace of 311 BC undid the work of [the previous century].", TODAY, "BC04"),
    ("It was an [eighteenth-century] custom.", TODAY, "17"),
    # ranges of days: each day takes the month (and year) written with the other
    ("Storms struck in 1871. From [9] to 12 March the port was shut.", TODAY, "1871-03-09"),
    ("Storms struck in 1871, on [the 3] and 4 August.", TODAY, "1871-08-03"),
    ("Storms struck in 1871, on March 9-[12].", TODAY, "1871-03-12"),
    ("Storms struck in 1871, on March 9 and [10th].", TODAY, "1871-03-10"),
    ("The score was 3-[4] in 1871.", TODAY, None),
    ("The strike of 1871-[73] was long.", TODAY, "1873"),
    (
        "Rebels rose in April 1871. From [the 3rd] to the 9th of May 1871 they held the bridge.",
        TODAY,
        "1871-05-03",
    ),
    ("Rebels rose in April 1871. The assault on [the 14th] was beaten off.", TODAY, "1871-04-14"),
    ("The 5th and [6th] Armies met.", TODAY, None),
    # "that same day" and units finer than the story's date
    ("The pact was signed on 4 May 1871. On [that same day] war began.", TODAY, "1871-05-04"),
    ("The pact was signed in May 1871. On [that same day] war began.", TODAY, "1871-05-XX"),
    ("The pact was signed in 1871. [Four days later] war began.", TODAY, "1871-XX-XX"),
    ("The pact was signed in 1871. [Two weeks later] war began.", TODAY, "1871-WXX"),
    ("The pact was signed in 1871. [Two months later] war began.", TODAY, "1871-XX"),
    # a possessive year is the year; a decade stays a decade
    ("The harvest fell short of [1871]'s.", TODAY, "1871"),
    ("The fashions of [the 1870's] returned.", TODAY, "187"),
    # an earlier date told as an aside leaves the story's date alone
    (
        "The siege began in May 1793. The town, held since 1790, fell. On [12 June] they left.",
        TODAY,
        "1793-06-12",
    ),
    (
        "Riots broke out in July 1793; the leader of the August 1790 revolt was seized. "
        "On [4 September] the mob struck.",
        TODAY,
        "1793-09-04",
    ),
    (
        "Riots broke out in July 1793 against the Charter (1791). On [4 September] they ended.",
        TODAY,
        "1793-09-04",
    ),
    (
        "In 492 BC he took Thrace, a Persian land since 513 BC. [The following year] he "
        "sent envoys.",
        TODAY,
        "BC0491",
    ),
    # a date the story runs "until" is its far end, not its next step
    (
        "The raids began in May 1862 and went on until the thaw of April 1863. "
        "By [mid-June] the roads were open.",
        TODAY,
        "1862-06",
    ),
    # an adjective "future" is a vague future in a history, nothing in news; a night of no date
    ("After 1815 the powers met to prevent [future] wars.", TODAY, "FUTURE_REF"),
    ("The firm is confident about [future] earnings.", NEWS_DAY, None),
    ("The war began in 1871. The scouts rode only at [night].", TODAY, "XXXX-XX-XXTNI"),
    ("The war began in 1871. A [night] attack failed.", TODAY, "XXXX-XX-XXTNI"),
    # a past perfect looks back from the story's date; a deadline after it does not
    (
        "The rising was crushed in November 1849 by a general who had spent the [spring] "
        "drilling recruits.",
        TODAY,
        "1849-SP",
    ),
    (
        "The siege began on 3 October 1849. The city had fallen by [January].",
        TODAY,
        "1850-01",
    ),
    ("The war began in 1777. The army went into [winter] quarters.", TODAY, "XXXX-WI"),
    # in a past sentence a month well after the story's is last year's ("from October to
    # March"), unless "in" steps the story on
    (
        "The war began in 1914. The offensive opened in March 1917. "
        "Rebels took power in [November].",
        TODAY,
        "1917-11",
    ),
    (
        "The town fell in March 1945. The rebels were beaten from [October] to March.",
        TODAY,
        "1944-10",
    ),
    # "throughout the fall"; a deadline a year on ("by the end of 1776") is not a step
    (
        "The army arrived in July 1775; most powder was bought by the end of 1776. "
        "The siege went on throughout [the fall].",
        TODAY,
        "1775-FA",
    ),
    (
        "Lee surrendered on May 9, 1865, and [the day following] Taylor gave up.",
        TODAY,
        "1865-05-10",
    ),
    ("The battle was fought near [present-day] Mons in 1914.", TODAY, "PRESENT_REF"),
    # the small hours of a day are its morning; a winter across two years is named after
    # its January
    ("The assault began in [the early hours of 22 June 1812].", TODAY, "1812-06-22TMO"),
    ("The retreat ended with [the winter of 1812-13].", TODAY, "1813-WI"),
    ("Attacks fell in [the latter half of 1917].", TODAY, "1917-H2"),
    # a year in brackets is a citation, not the story's next step
    (
        "The offensive opened on 1 November 1950. As a later study (1998) notes, it "
        "surprised all. In [late November] the front broke.",
        TODAY,
        "1950-11",
    ),
    # after a bare year, "the winter" is the one that follows it (named after its January)
    ("The army marched in 1812. It starved over [the winter].", TODAY, "1813-WI"),
    # "this day" in a history is the story's day; "to this day" is still the present
    ("The rout came on 8 August 1871. He called [this day] the worst.", TODAY, "1871-08-08"),
    ("The rout came on 8 August 1871. The feud goes on to [this day].", TODAY, "2009-12-19"),
    ("The vote is due. Crowds gathered on [this day] in the capital.", NEWS_DAY, "1998-10-02"),
    # a season named with a later year takes it; a capitalized season keeps "the" out
    ("The war began in 1914. The [Spring] Offensive of 1918 nearly won it.", TODAY, "1918-SP"),
    ("The war began in 1914. In the [Spring] Offensive they attacked.", TODAY, "1914-SP"),
    # a day written before its clock time is one time
    ("The siege began in 1854 and lasted until [May 8 1:00AM].", TODAY, "1854-05-08T01:00"),
    # a clock time takes the day written right after it
    (
        "The war began in 1914. At [11 a.m.] on 11 November 1918 the guns fell silent.",
        TODAY,
        "1918-11-11T11:00",
    ),
    ("The raid began at [5:34 a.m.] local time on March 20, 1943.", TODAY, "1943-03-20T05:34"),
    # "ca." is a modifier; "of" may join a day to its year; a year before a season
    ("The temple burned [ca. 356 BC].", TODAY, "BC0356"),
    ("The mob rose on [July 14 of 1789].", TODAY, "1789-07-14"),
    ("The [1916 summer] offensive stalled.", TODAY, "1916-SU"),
    # "-long" adjectives leave the article out; a capitalized span is a name
    ("After a [week-long] siege the fort fell.", TODAY, "P1W"),
    ("After a [years-long] feud the clans made peace.", TODAY, "PXY"),
    ("The [Thirty Years]' War ravaged the land.", TODAY, "P30Y"),
    # a clock time with a two-digit hour needs no a.m./p.m.
    ("The truce began on 2 May 1871. Firing stopped at [10:45].", TODAY, "1871-05-02T10:45"),
    ("The war began in 1871. Columns marched from [19:00] to dawn.", TODAY, "XXXX-XX-XXT19:00"),
    ("The war began in 1871. They were in place by [05:30hrs].", TODAY, "XXXX-XX-XXT05:30"),
    ("He rode out on [the night of May 2, 1863].", TODAY, "1863-05-02TNI"),
    (
        "The siege began in 1863; on [the morning of 4 July] the town gave in.",
        TODAY,
        "1863-07-04TMO",
    ),
    # "early in", "late in" belong to the span (as a mod)
    ("The canal opened [early in 1869].", TODAY, "1869"),
    # "former" is a past reference in history text, but not in news
    ("After 1788 the [former] governor fled.", TODAY, "PAST_REF"),
    ("The [former] governor said on Friday he would run.", NEWS_DAY, None),
    # a past-tense "soon" in a history is no timex; news keeps it
    ("The town fell in 1866 and was [soon] rebuilt.", TODAY, None),
    ("The bridge will open [soon].", NEWS_DAY, "FUTURE_REF"),
    # glued headings: a year run into the next word still counts
    ("[1931]The army marched on Mukden.", TODAY, "1931"),
    # a narrative's duration keeps what the time was spent on
    ("The town held out after [three months of siege] in 1871.", TODAY, "P3M"),
    ("They withdrew after [a week of heavy fighting] near the river.", TODAY, "P1W"),
    ("He enlisted at [nineteen years of age] in 1862.", TODAY, "P19Y"),
    ("Peace came after [more than ten years of war] in 1648.", TODAY, "P10Y"),
    # talks stay outside, as news writes them
    ("The deal followed [two days] of negotiations in 1998.", NEWS_DAY, "P2D"),
    # a stretch named with the event it belongs to keeps the event in its span
    ("Losses were light in [the first two years of the war] that began in 1756.", TODAY, "P2Y"),
    ("Rain fell through [the first week of the Siege of Vicksburg] in 1863.", TODAY, "P1W"),
    ("The guns fired all through [the first hour of the assault] in 1916.", TODAY, "PT1H"),
    ("Gas prices rose in [the first year] of the Bush administration.", NEWS_DAY, "P1Y"),
    # "the fifth day" of a story is the day the story is on, as fine as it is known
    ("The town was besieged in 1480. On [the seventh day] the walls fell.", TODAY, "1480-XX-XX"),
    ("Fighting began in 1780. [The final day of the battle] was the worst.", TODAY, "1780-XX-XX"),
    ("The rising began on 21 July 1936. By [the fifth day] Seville fell.", TODAY, "1936-07-21"),
    # a set in a history is written in its calendar form; news keeps the period
    ("In 1916 the army lost a thousand men [every day] at Verdun.", TODAY, "XXXX-XX-XX"),
    ("Through 1862 the paper came out [weekly] in Richmond.", TODAY, "XXXX-WXX"),
    ("From 1795 the council was elected [annually].", TODAY, "XXXX"),
    ("The shop now opens [daily] at nine.", NEWS_DAY, "P1D"),
    ("Rates are reviewed [every month] by the board.", NEWS_DAY, "P1M"),
    # light hours of no particular date
    ("In 1951 the trucks hid in tunnels in [daytime] and moved by night.", TODAY, "XXXX-XX-XXTDT"),
    ("Raids in 1944 stopped most [daytime] rail traffic.", TODAY, "XXXX-XX-XXTDT"),
    # "the former" standing for a noun is no time; "the former king" is
    ("Of war and peace in 1914, he thought the [former] a folly.", TODAY, None),
    ("In 1815 the [former] emperor sailed into exile.", TODAY, "PAST_REF"),
    # a duration with a word of colour between number and unit
    ("The garrison held for [six hard weeks] in 1871.", TODAY, "P6W"),
    ("After [nine brutal months of the Siege of Sevastopol] the city fell.", TODAY, "P9M"),
    ("It snowed for [three straight days] last week.", NEWS_DAY, "P3D"),
    # a stretch counted before or after the story's day
    ("The town was quiet for [the three previous weeks] in May 1940.", TODAY, "P3W"),
    ("Riots spread over [the following days] in 1968.", TODAY, "PXD"),
    ("Prices climbed in [the ensuing months] of 1929.", TODAY, "PXM"),
]


@pytest.mark.parametrize(("text", "reference", "value"), STORY)
def test_story_values(text: str, reference: date, value: str | None) -> None:
    assert value_of(text, reference) == value


# news text: a stray old year must not turn the reference's weekdays into a story
NEWS = [
    ("The song came out in 1959. The singer's son spoke on [Friday].", NEWS_DAY, "1998-10-02"),
    ("The law of 1964 was cited. The vote is [next month].", NEWS_DAY, "1998-11"),
    (
        "Prices fell in 1987, the bank said on Thursday. By [the end of the year] they will rise.",
        NEWS_DAY,
        "1998",
    ),
]


@pytest.mark.parametrize(("text", "reference", "value"), NEWS)
def test_news_stays_on_the_reference(text: str, reference: date, value: str) -> None:
    assert value_of(text, reference) == value


def test_early_in_is_a_modifier() -> None:
    found = [t for t in tag("The canal opened early in 1869.", TODAY) if t.value == "1869"]
    assert [(t.text, t.mod) for t in found] == [("early in 1869", "START")]
