"""Counting from the clock time of writing, when the reference holds one.

A post or live story written at 18:05 says "2 hours ago" (16:05), "in 20 mins"
(18:25) or "see you at 7" (19:00; at 06:05 the same words mean 07:00). Rules that
read differently with a clock carry a ``clock`` variant (see :mod:`.rules`); this
module re-reads their matches with it and turns the variant's values into
reference-day times:

* ``CLOCK-MINUS-2-H`` / ``CLOCK-PLUS-20-M``: hours or minutes before/after the
  reference, as ``UNDEF-REF-MINUS-1-day|T23:30`` when the count crosses midnight;
* ``...|T19:00@NEXT``: a bare hour whose a.m./p.m. the text leaves open: the a.m.
  hour while it is still ahead of the reference time, else the p.m. one.

Without a clock time nothing here runs and every value stays as the rule wrote it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from timeline.temporal.matcher import Match
from timeline.temporal.normalize import normalize
from timeline.temporal.rules import RuleSet

_COUNT = re.compile(r"^CLOCK-(?P<sign>PLUS|MINUS)-(?P<n>\d+(?:\.\d+)?)-(?P<unit>[HM])$")
_NEXT = re.compile(r"^(?P<day>.*\|T)(?P<h>\d\d):(?P<m>\d\d)@NEXT$")
_MINUTES = {"H": 60, "M": 1}
_WINDOW = 40


def apply(
    text: str, matches: list[Match], now: datetime, rules: RuleSet, *, day_first: bool
) -> list[Match]:
    """``matches`` with every rule's clock reading applied (kept sorted, no overlaps)."""
    if not any(m.rule.clock is not None for m in matches):
        return matches
    result: list[Match] = []
    reached = 0
    for m in matches:
        if m.start < reached:
            continue  # swallowed by a longer clock reading ("an hour [from now]")
        found = _clock_reading(text, m, now, rules, day_first) if m.rule.clock else None
        kept = found or m
        result.append(kept)
        reached = kept.end
    return result


def _clock_reading(
    text: str, m: Match, now: datetime, rules: RuleSet, day_first: bool
) -> Match | None:
    rule = m.rule.clock
    assert rule is not None
    again = rule.regex.match(text, m.start)
    if again is None or again.end() < m.end:
        return None  # the clock reading may only add words ("an hour [from now]")
    if rule.not_after and rule.not_after.search(text, max(0, m.start - _WINDOW), m.start):
        return None
    value = normalize(again, rule, rules, day_first=day_first)
    value = clock_value(value, now) if value else None
    if value is None:
        return None
    return replace(m, end=again.end(), rule=rule, value=value)


def clock_value(value: str, now: datetime) -> str | None:
    """A clock variant's value made concrete against ``now``, or None if it cannot be."""
    count = _COUNT.match(value)
    if count:
        minutes = float(count["n"]) * _MINUTES[count["unit"]]
        sign = 1 if count["sign"] == "PLUS" else -1
        moment = now + timedelta(minutes=sign * minutes)
        days = (moment.date() - now.date()).days
        direction = "MINUS" if days < 0 else "PLUS"
        return f"UNDEF-REF-{direction}-{abs(days)}-day|T{moment:%H:%M}"
    guess = _NEXT.match(value)
    if guess:
        hour, minute = int(guess["h"]) % 12, int(guess["m"])
        if (now.hour, now.minute) >= (hour, minute):
            hour += 12  # the morning hour has passed: the afternoon/evening one
        return f"{guess['day']}{hour:02}:{minute:02}"
    return None
