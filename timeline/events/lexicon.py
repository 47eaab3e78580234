"""Word tables of the events stage, read once from ``timeline/events/data``.

Every language quirk the events stage knows (abbreviations, sentence openers,
fillers, reporting verbs, vague-time phrases, ...) lives in a plain text file
there, one entry a line, ``#`` starting a comment. This module only loads them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def _lines(name: str) -> list[str]:
    path = DATA_DIR / name
    rows: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            rows.append(line)
    return rows


@cache
def words(name: str) -> frozenset[str]:
    """The lower-cased entries of a one-column table such as ``openers.txt``."""
    return frozenset(line.lower() for line in _lines(name))


@cache
def phrases(name: str) -> tuple[str, ...]:
    """The entries of a phrase table, longest first (so longer phrases win)."""
    return tuple(sorted({line.lower() for line in _lines(name)}, key=lambda p: (-len(p), p)))


@cache
def pairs(name: str) -> dict[str, str]:
    """A two-column table (``key value``, split at the first run of spaces)."""
    table: dict[str, str] = {}
    for line in _lines(name):
        key, _, value = line.partition(" ")
        value = value.strip()
        if not value:
            raise ValueError(f"{name}: entry {line!r} has no second column")
        table[key.lower()] = value
    return table


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """A table whose columns are separated by ``|``."""
    return tuple(tuple(cell.strip() for cell in line.split("|")) for line in _lines(name))
