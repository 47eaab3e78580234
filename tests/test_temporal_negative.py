"""The negative corpus: texts that hold no time expression (or not the tempting one)."""

from __future__ import annotations

import time
from datetime import date

import pytest

from timeline.temporal import tag

REF = date(2025, 9, 20)

NO_TIMEX = [
    "Theresa May said the vote would be close.",
    "The rains came with the monsoon.",
    "The mob killed 1400 victims in the prisons.",
    "The council passed Resolution 1483 unanimously.",
    "Three quarters of the troops were sent south.",
    "The firm held a quarter of the market.",
    "You may go if you like.",
    "They joined the March for Science downtown.",
    "The plant shipped 2,024 units.",
    "The ticket cost $2,024 in all.",
    "Call 555-2024 for details.",
    "Upgrade to version 2.10 first.",
    "It deserves a second look.",
    "She was the first to arrive.",
    "He scored 17 points and 9 rebounds.",
    "The 16th president of the country spoke.",
    "Room 1984 is on the left.",
    "The stadium holds 1500 people.",
    "The mayor will march on city hall.",
    "Prices fall when supply rises.",
    "The future of the company is unclear.",
    "Reach page 2019 of the manual.",
    "At the same time, the board met.",
    "Temperatures were in the nineties all week.",
    "Highs will reach the mid-eighties.",
    "She is in her nineties and still paints.",
    "He bought nineteen twenty-dollar tickets.",
    "The crowd was two thousand strong.",
    "The first March on Washington drew thousands.",
    "Give it another chance.",
    "Year-end results beat forecasts.",
    "The firm paid a year-end bonus.",
    "Keep the list up to date.",
    "After May said no, the party split.",
    "Unemployment sat near its quarter-century low.",
    "They restored the century-old church.",
    "Who am I to judge, and which one am I?",
    # a show's title in quotes is no time
    'The senator spoke on the network\'s "This Week," a talk show.',
    "She told CBS's ''48 Hours.'' that she was innocent.",
    "He appeared on \u201cThis Morning With Ann Lee\u201d to defend the plan.",
]


@pytest.mark.parametrize("text", NO_TIMEX)
def test_no_timex(text: str) -> None:
    assert [(t.text, t.value) for t in tag(text, REF)] == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Black Friday sales were strong.", "Friday"),
        ("He has long been at the center of it.", "long"),
        ("Good Friday fell early.", "Friday"),
    ],
)
def test_tempting_word_is_not_a_timex(text: str, absent: str) -> None:
    assert absent not in [t.text for t in tag(text, REF) if t.rule in ("weekday", "n_units")]
    assert all(t.text != "long" for t in tag(text, REF))


ADVERSARIAL = [
    "1" * 100_000,
    "May " * 50_000,
    " " * 200_000 + "x",
    # real dates, denser than any real text (one per ~120 characters)
    ("January 19 2024 " + "x" * 100 + " ") * 1_000,
    # nothing but real dates: 62,500 of them in the megabyte
    "January 19 2024 " * 1_000,
    "12/12/12/12/" * 20_000,
    "the past the past " * 20_000,
    "a a a a " * 50_000,
]


def _load_factor() -> float:
    """How much slower than an idle machine this one runs now (shared CI cores)."""
    began = time.perf_counter()
    sum(range(3_000_000))
    return max(1.0, (time.perf_counter() - began) / 0.03)


#: CPU seconds benchmarks/tagger.py reports for its 1 MB adversarial mix, rounded up
#: (see benchmarks/RESULTS.md); the guard allows ten times that, scaled by the load
BENCHMARK_SECONDS = 1.6


@pytest.mark.parametrize("chunk", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_runaway_guard(chunk: str) -> None:
    text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    bound = 10 * BENCHMARK_SECONDS * _load_factor()
    began = time.perf_counter()
    tag(text, REF)
    assert time.perf_counter() - began < bound
