"""Counting from the clock time of writing: a post's "2 hours ago", "in 20 mins", "at 7"."""

from datetime import date, datetime

import pytest

from timeline.temporal import tag

EVENING = datetime(2026, 3, 14, 18, 5)
AFTER_MIDNIGHT = datetime(2026, 3, 14, 0, 40)
EARLY = datetime(2026, 3, 14, 6, 5)
LATE = datetime(2026, 3, 14, 23, 50)


def _found(text: str, reference: date | datetime) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, reference)]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # counting back from the time of the post
        ("the roof came down 2 hours ago", EVENING, ("2 hours ago", "TIME", "2026-03-14T16:05")),
        ("posted 20 mins ago", EVENING, ("20 mins ago", "TIME", "2026-03-14T17:45")),
        ("an hour ago the lights went out", EVENING, ("an hour ago", "TIME", "2026-03-14T17:05")),
        ("saw it 3 hrs ago", AFTER_MIDNIGHT, ("3 hrs ago", "TIME", "2026-03-13T21:40")),
        ("left 45 minutes ago", AFTER_MIDNIGHT, ("45 minutes ago", "TIME", "2026-03-13T23:55")),
        # counting forward
        ("the polls close in 20 mins", EVENING, ("20 mins", "TIME", "2026-03-14T18:25")),
        ("back in 2 hours", LATE, ("2 hours", "TIME", "2026-03-15T01:50")),
        ("an hour from now", EVENING, ("an hour from now", "TIME", "2026-03-14T19:05")),
        ("two hours from now, go", EARLY, ("two hours from now", "TIME", "2026-03-14T08:05")),
        ("in 1.5 hours", EVENING, ("1.5 hours", "TIME", "2026-03-14T19:35")),
        (
            "it started half an hour ago",
            AFTER_MIDNIGHT,
            ("half an hour ago", "TIME", "2026-03-14T00:10"),
        ),
        ("half an hour from now", LATE, ("half an hour from now", "TIME", "2026-03-15T00:20")),
        ("boarding in half an hour", EVENING, ("half an hour", "TIME", "2026-03-14T18:35")),
        ("she ran it in half an hour", EVENING, ("half an hour", "DURATION", "PT30M")),
        ("I'll be there in ten minutes", EVENING, ("ten minutes", "TIME", "2026-03-14T18:15")),
        ("90 minutes from now", EVENING, ("90 minutes from now", "TIME", "2026-03-14T19:35")),
        # a bare hour: the next one after the time of writing, else the evening one
        ("dinner at 7", EVENING, ("7", "TIME", "2026-03-14T19:00")),
        ("dinner at 7", EARLY, ("7", "TIME", "2026-03-14T07:00")),
        ("dinner at 7", AFTER_MIDNIGHT, ("7", "TIME", "2026-03-14T07:00")),
        ("meet @ 9!", datetime(2026, 3, 14, 9, 30), ("9", "TIME", "2026-03-14T21:00")),
        ("doors at 3:30", EARLY, ("3:30", "TIME", "2026-03-14T15:30")),
        ("doors at 3:30", AFTER_MIDNIGHT, ("3:30", "TIME", "2026-03-14T03:30")),
        ("kickoff at 15:30", AFTER_MIDNIGHT, ("15:30", "TIME", "2026-03-14T15:30")),
        ("call me at 7ish", EARLY, ("7ish", "TIME", "2026-03-14T07:00")),
        ("lunch at 12!", EARLY, ("12", "TIME", "2026-03-14T12:00")),
        # a cue in the text wins over the clock
        ("at 7 tonight", EARLY, ("7 tonight", "TIME", "2026-03-14T19:00")),
        ("at 7 p.m.", EARLY, ("7 p.m.", "TIME", "2026-03-14T19:00")),
        ("fri at 8", EARLY, ("fri at 8", "TIME", "2026-03-20T20:00")),
        # parts of the day and vague amounts stay as they were
        ("this morning", EVENING, ("this morning", "TIME", "2026-03-14TMO")),
        ("earlier tonight", EVENING, ("tonight", "TIME", "2026-03-14TNI")),
        ("later today", EVENING, ("later today", "DATE", "2026-03-14")),
        ("a few hours ago", EVENING, ("a few hours ago", "DATE", "PAST_REF")),
        ("30 seconds ago", EVENING, ("30 seconds ago", "DATE", "PAST_REF")),
        # a span measured, not a time ahead
        ("she finished the race in 3 hours", EVENING, ("3 hours", "DURATION", "PT3H")),
        ("3 hours later", EVENING, ("3 hours", "DURATION", "PT3H")),
    ],
)
def test_clock_time_of_writing(text, reference, expected):
    assert _found(text, reference) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("posted 2 hours ago", ("2 hours ago", "DATE", "PAST_REF")),
        ("in 20 mins", ("20 mins", "DURATION", "PT20M")),
        ("an hour from now", ("an hour", "DURATION", "PT1H")),
        ("half an hour ago", ("half an hour", "DURATION", "PT30M")),
        ("dinner at 7", ("7", "TIME", "2026-03-14T19:00")),
        ("doors at 10:30", ("10:30", "TIME", "2026-03-14T10:30")),
    ],
)
def test_without_a_clock_time_nothing_changes(text, expected):
    assert _found(text, date(2026, 3, 14)) == [expected]
