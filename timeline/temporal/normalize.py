"""Turn one rule match into an underspecified TIMEX3 value.

A rule's ``value`` templates are Python format strings over the match's named
groups. Each group is normalized first: a group named after a fragment (``month``,
``month2`` ...) takes the fragment's table value, digits become ints, numbers in
words are summed. The first template whose fields are all present wins.

Underspecified values (anchored later by :mod:`timeline.temporal.resolve`):

- ``UNDEF-year-04-19``: a month(-day), season, quarter or half without a year;
- ``UNDEF-REF-MINUS-1-year`` / ``UNDEF-NARR-PLUS-2-day``: counted from the
  reference date or from the date the narrative last established;
- ``UNDEF-weekday-5`` (optionally ``-LAST``/``-NEXT``/``-THIS``);
- ``UNDEF-season-REF-MINUS-1-SU``; ``UNDEF-century-90`` ("'90s"); ``UNDEF-day-16``;
  ``CENTURY-21``;
- any of them may carry a time of day after ``|`` (``UNDEF-weekday-4|T09:30``).
"""

from __future__ import annotations

import re
import string
from functools import cache
from typing import Any

from timeline.temporal.rules import Rule, RuleSet

_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
_FORMATTER = string.Formatter()
_LEADING_DIGITS = re.compile(r"^['’]?(\d+)")
#: groups that tell a clock's half of the day ("p.m.", "in the evening")
_AMPM = ("ampm", "ampm3", "ampm_phrase", "ampm_phrase2")
_DURATION = re.compile(r"^P(?P<n>[\d.]+|X)(?P<unit>MIN|WE|DE|CE|[SHDWMQY])$")


def number_value(text: str, rules: RuleSet) -> int | float | str | None:
    """The value of a number written in digits or words ("twenty four" -> 24, "few" -> X)."""
    canon = " ".join(text.lower().replace(",", "").split())
    if _DIGITS.match(canon):
        return float(canon) if "." in canon else int(canon)
    table = rules.fragments["numword"]
    whole = table.lookup(canon)
    if whole is not None:
        return whole
    total = 0
    for part in re.split(r"[\s-]+", canon):
        value = table.lookup(part)
        if value == "X":  # "several hundred"
            return "X"
        if not isinstance(value, int):
            return None
        # "two hundred", "a thousand": a multiplier scales what came before it
        total = total * value if value in (100, 1000) and total else total + value
    return total


def year_value(text: str, rules: RuleSet) -> int | None:
    """A year said aloud: "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w not in ("and", "oh")]
    if words[:2] == ["two", "thousand"]:
        rest = number_value(" ".join(words[2:]), rules) if words[2:] else 0
        return 2000 + rest if isinstance(rest, int) else None
    century = rules.fragments["year_century"].lookup(words[0])
    rest = number_value(" ".join(words[1:]), rules)
    if not isinstance(century, int) or not isinstance(rest, int):
        return None
    return century * 100 + rest


def _group_value(name: str, text: str, rules: RuleSet) -> Any:
    base = name.rstrip("0123456789")
    if base == "year" and not text[:1].isdigit():
        return year_value(text, rules)
    fragment = rules.fragments.get(base)
    if fragment is not None and fragment.words:
        value = fragment.lookup(text)
        if value is not None:
            return value
    if base in ("num", "numword"):
        return number_value(text, rules)
    digits = _LEADING_DIGITS.match(text)
    if digits:
        return int(digits.group(1))
    return text


def _fields(match: re.Match[str], rules: RuleSet, day_first: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, text in match.groupdict().items():
        if text is None:
            continue
        value = _group_value(name, text, rules)
        if value is None:
            continue
        fields[name] = value
    hour = fields.get("hour", fields.get("hour2", fields.get("hour3")))
    if isinstance(hour, int):
        ampm = next((fields[k] for k in _AMPM if k in fields), None)
        if ampm == "PM" and hour < 12:
            hour += 12
        elif ampm == "AM" and hour == 12:
            hour = 0
        fields["hour24"] = hour
        fields["minute2"] = fields.get("minute", 0)
    if "first" in fields and "second" in fields and day_first:
        fields["first"], fields["second"] = fields["second"], fields["first"]
    return fields


@cache
def _needs(template: str) -> frozenset[str]:
    return frozenset(name.split(".")[0] for _, name, _, _ in _FORMATTER.parse(template) if name)


def fix_duration(value: str) -> str:
    """Write a duration the TimeML way: PT5H, PT30M, P10Y for a decade, P2D for a weekend, P2L."""
    m = _DURATION.match(value)
    if not m:
        return value
    n, unit = m.group("n"), m.group("unit")
    split = _split_fraction(n, unit)
    if split:
        return split
    if unit in ("H", "S"):
        return f"PT{n}{unit}"
    if unit == "MIN":
        return f"PT{n}M"
    if unit == "Q":
        return value if n == "X" else f"P{_times(n, 3)}M"
    if unit == "Y" and n.isdigit() and int(n) >= 1000 and int(n) % 1000 == 0:
        return f"P{int(n) // 1000}L"  # "two thousand years": millennia
    factor = {"DE": 10, "CE": 100, "WE": 2}.get(unit)
    if factor is None:
        return value
    new_unit = "D" if unit == "WE" else "Y"
    return f"P{n}{new_unit}" if n == "X" else f"P{_times(n, factor)}{new_unit}"


#: a fraction of a unit is written in the next smaller one: P2Y6M, PT5H30M, PT1M30S, P1DT12H
_SMALLER = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "MIN": ("S", 60)}


def _split_fraction(n: str, unit: str) -> str | None:
    """ "2.5" years -> P2Y6M, when the fraction is a whole number of the smaller unit."""
    if "." not in n or unit not in _SMALLER:
        return None
    small, factor = _SMALLER[unit]
    whole = int(float(n))
    part = (float(n) - whole) * factor
    if part != int(part):
        return None
    big = "M" if unit == "MIN" else unit
    time = unit in ("H", "MIN")
    head = f"{whole}{big}" if whole else ""
    tail = f"{int(part)}{small}"
    if unit == "D":
        return f"P{head}T{tail}"
    return f"PT{head}{tail}" if time else f"P{head}{tail}"


def _times(n: str, factor: int) -> str:
    product = float(n) * factor
    return str(int(product)) if product == int(product) else str(product)


def normalize(match: re.Match[str], rule: Rule, rules: RuleSet, *, day_first: bool) -> str | None:
    """The underspecified value of ``match`` under ``rule``, or None when no template fits."""
    fields = _fields(match, rules, day_first)
    for template in rule.values:
        if not _needs(template) <= fields.keys():
            continue
        try:
            value = template.format(**fields)
        except (ValueError, TypeError):
            continue
        if value.startswith("P"):
            value = fix_duration(value)
        return value
    return None
