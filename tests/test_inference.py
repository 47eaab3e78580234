from datetime import date
from pathlib import Path

import pytest

from timeline.inference import gather_clues, infer_reference, tense_of
from timeline.model import Document

TODAY = date(2026, 11, 27)
_ROOT = Path(__file__).resolve().parents[1]
#: ../shared beside the checkout (or beside the worktrees' folder).
SEED = next(
    (
        folder / "shared" / "seed" / "000_01afb1542b5c7603.txt"
        for folder in (_ROOT.parent, _ROOT.parent.parent)
        if (folder / "shared" / "seed").is_dir()
    ),
    _ROOT.parent / "shared" / "seed" / "000_01afb1542b5c7603.txt",
)


def _infer(text: str, *metadata: tuple[str, str]):
    document = Document(id="d1", source="x.txt", text=text, metadata=metadata)
    return infer_reference(document, today=TODAY)


#: (text, earliest, latest, expected year): the inferred day must lie in earliest..latest.
CASES = [
    (
        "Ministers will meet at the upcoming G20 summit in Johannesburg. "
        "The trade pact was signed in March 2024.",
        date(2024, 11, 22),
        date(2025, 11, 21),
        2025,
    ),
    (
        "Officials reviewed the results of the 2020 presidential election and "
        "found that turnout had risen sharply.",
        date(2020, 11, 4),
        date(2021, 12, 31),
        2021,
    ),
    (
        "In 2015, ten years ago, the bridge opened to traffic.",
        date(2025, 1, 1),
        date(2025, 12, 31),
        2025,
    ),
    (
        "Sales fell last year (2023), the company reported.",
        date(2024, 1, 1),
        date(2024, 12, 31),
        2024,
    ),
    (
        "On Friday, Sept. 19, the board met to approve the merger.",
        date(2025, 9, 12),
        date(2025, 9, 30),
        2025,
    ),
    # Past and without its year: most likely written soon after the Games.
    (
        "Athletes who competed at the Paris Olympics returned to their clubs.",
        date(2024, 8, 12),
        date(2025, 2, 11),
        2024,
    ),
    (
        "Delegates recalled last year's COP29 in Baku with some regret.",
        date(2025, 1, 1),
        date(2025, 12, 31),
        2025,
    ),
    ("The plant will close in 2027, the owners said.", date(2026, 1, 1), date(2026, 12, 31), 2026),
    (
        "The stadium is expected to host matches at the 2026 World Cup.",
        date(2025, 1, 1),
        date(2026, 6, 10),
        2025,
    ),
    (
        "The council approved the 2019 budget in December 2018 and revised it in May 2019.",
        date(2019, 5, 1),
        date(2020, 12, 31),
        2020,
    ),
    (
        "Voters will elect a new parliament next year, in 2027, after the coalition collapsed.",
        date(2026, 1, 1),
        date(2026, 12, 31),
        2026,
    ),
    (
        "The museum, which opened on March 3, 2022, drew record crowds.",
        date(2022, 3, 3),
        date(2023, 12, 31),
        2023,
    ),
]


@pytest.mark.parametrize(("text", "earliest", "latest", "year"), CASES)
def test_inferred_reference(text, earliest, latest, year):
    reference = _infer(text)
    assert reference is not None
    assert reference.source == "inferred"
    assert earliest <= reference.date <= latest, reference
    assert reference.date.year == year
    assert reference.evidence


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The cat sat on the mat on Friday and left in the morning.",
        "We met on January 19 and again on December 16.",
        "The plan costs 2,024 dollars, 1999 units and 2025%.",
        "The 1990s were loud.",
    ],
)
def test_no_evidence_no_guess(text):
    assert _infer(text) is None


def test_dateline_without_year_takes_its_year_from_the_text():
    reference = _infer(
        "WASHINGTON, Sept. 20 (Reuters) - The law was signed in April 2024.",
        ("dateline_month_day", "--09-20"),
        ("dateline_text", "WASHINGTON, Sept. 20 (Reuters) -"),
    )
    assert reference is not None
    assert (reference.date, reference.precision) == (date(2025, 9, 20), "day")
    assert reference.evidence[0].startswith("dateline WASHINGTON, Sept. 20 (Reuters) -")


def test_dateline_weekday_narrows_the_years():
    reference = _infer(
        "Leaders met.", ("dateline_month_day", "--10-31"), ("dateline_weekday", "Friday")
    )
    assert reference is not None
    assert reference.date == date(2025, 10, 31)


def test_evidence_names_the_named_event_and_its_edition():
    reference = _infer(
        "Leaders plan to meet at the upcoming APEC summit in South Korea. "
        "He won the 2024 presidential election."
    )
    assert reference is not None
    assert reference.date.year == 2025
    assert reference.precision == "year"
    assert any(
        "APEC summit in South Korea (2025-10-31) ahead" in item for item in reference.evidence
    )
    assert any(
        "2024 presidential election (2024-11-05) in the past" in item for item in reference.evidence
    )


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("The law was signed in April 2024.", "April 2024", "past"),
        ("The plant will close in 2027.", "2027", "future"),
        ("He said the talks, which began in 2019, will end soon.", "2019", "past"),
        ("Leaders plan to meet at the upcoming summit in 2026.", "2026", "future"),
        ("The U.S. Senate voted in 2023 to extend it.", "2023", "past"),
        ("A 2024 report.", "2024", None),
    ],
)
def test_tense(text, mention, expected):
    start = text.index(mention)
    assert tense_of(text, start, start + len(mention)) == expected


def test_inference_is_deterministic_and_bounded():
    text = "The bridge opened in 2019. " * 5000
    document = Document(id="d1", source="x.txt", text=text)
    first = infer_reference(document, today=TODAY)
    assert first == infer_reference(document, today=TODAY)
    assert len(gather_clues(document)) <= 20_000 // 20


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed")
def test_seed_article_is_from_2025():
    reference = _infer(SEED.read_text(encoding="utf-8"))
    assert reference is not None
    assert date(2024, 11, 5) < reference.date < date(2025, 10, 31)
    assert reference.date.year == 2025
    assert reference.precision in ("year", "month")


def test_many_distinct_clues_stay_fast():
    import itertools
    import time

    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    months = ("Jan.", "March", "May", "July", "Sept.", "Nov.")
    text = " ".join(
        f"{weekday}, {month} {day}."
        for weekday, month, day in itertools.islice(
            itertools.product(weekdays, months, range(1, 29)), 400
        )
    )
    started = time.monotonic()
    reference = _infer(text)
    assert reference is not None
    assert time.monotonic() - started < 10


STORY = (
    "Former officials signed the accord in April 2024, setting a January 19 deadline that was "
    "later extended to December 16. Leaders plan to meet at the upcoming APEC summit in South "
    "Korea and to visit China early next year."
)


def _values(text: str) -> dict[str, tuple[str, str | None]]:
    from timeline import extract

    tagged = extract(text, today=TODAY).documents[0]
    assert tagged.reference.source == "inferred"
    assert tagged.reference.date.year == 2025
    return {timex.text: (timex.value, timex.mod) for timex in tagged.timexes}


def test_an_undated_story_resolves_its_dates_in_the_inferred_year():
    values = _values(STORY)
    assert values["January 19"] == ("2025-01-19", None)
    assert values["December 16"] == ("2025-12-16", None)
    assert values["early next year"] == ("2026", "START")


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed")
def test_seed_article_dates_without_a_reference_date():
    values = _values(SEED.read_text(encoding="utf-8"))
    assert values["January 19"][0] == "2025-01-19"
    assert values["December 16"][0] == "2025-12-16"
    assert values["early next year"] == ("2026", "START")
    assert values["the 2024 presidential election"][0] == "2024-11-05"
