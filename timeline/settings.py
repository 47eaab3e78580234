"""The one table of user options, read by both the CLI and the Python API.

Each :class:`Setting` has a name, a default, a one-line help text and a
validator that turns a raw value (a string from the command line, or any value
from Python) into the typed value, raising :class:`SettingError` with a clear
message when it cannot.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

_CLOCK = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d)?$")


class SettingError(ValueError):
    """A user-supplied option value is invalid; the message says why."""


@dataclass(frozen=True)
class Setting:
    """One documented option."""

    name: str
    default: Any
    help: str
    validate: Callable[[Any], Any]


def parse_reference_date(value: Any) -> date | None:
    """Accept a ``date``/``datetime`` or ISO ``YYYY-MM-DD[THH:MM[:SS]]`` (None means: find it).

    With a clock time the result is a ``datetime``: posts and live news count "2 hours
    ago" and "at 7" from it.
    """
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    example = "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2025-09-20"
    if len(text) > 10 and _CLOCK.match(text):
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            raise SettingError(f"invalid reference date {text!r}: {example}") from None
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        raise SettingError(f"invalid reference date {text!r}: {example}") from None
    if len(text) != 10:
        raise SettingError(f"invalid reference date {text!r}: {example}")
    return parsed


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off"}:
        return False
    raise SettingError(f"expected true or false, got {value!r}")


def _country(value: Any) -> str:
    text = str(value).strip().upper()
    if len(text) != 2 or not text.isalpha():
        raise SettingError(f"invalid country {value!r}: expected a two-letter ISO code such as US")
    return text


def _named_events(value: Any) -> Any:
    """Built-in named events plus the rows of a user CSV (a path), loaded and checked once."""
    from timeline.temporal.calendar import CalendarDataError, load_named_events

    if isinstance(value, tuple):
        return value
    try:
        return load_named_events(Path(value))
    except CalendarDataError as error:
        raise SettingError(str(error)) from None
    except OSError as error:
        raise SettingError(f"{value}: cannot read ({error.strerror or error})") from None


def _positive_int(value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise SettingError(f"expected a whole number, got {value!r}") from None
    if number <= 0:
        raise SettingError(f"expected a positive number, got {number}")
    return number


def _text(value: Any) -> str:
    return str(value)


def _group_by(value: Any) -> str:
    text = str(value).strip().lower()
    if not text:
        raise SettingError("expected 'document' or a column name, got nothing")
    return text


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "reference_date",
        None,
        "Date relative expressions count from (YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a post's "
        "time); default: found in the document.",
        parse_reference_date,
    ),
    Setting(
        "day_first",
        False,
        "Read numeric dates such as 04/05/2024 day first (5 April) instead of US month first.",
        _bool,
    ),
    Setting(
        "country",
        "US",
        "Two-letter country code whose holidays are meant (Thanksgiving, Labor Day, ...).",
        _country,
    ),
    Setting(
        "events",
        None,
        "A CSV of your own named events (name,aliases,start,end,city,country,source), "
        "added to the built-in table.",
        _named_events,
    ),
    Setting("title", "Timeline", "Title of the timeline page.", _text),
    Setting(
        "group_by",
        "group",
        "Lanes and export groups: 'document' (one per input) or a column of structured "
        "rows (default: group).",
        _group_by,
    ),
    Setting(
        "max_bytes",
        50_000_000,
        "Refuse input files larger than this many bytes.",
        _positive_int,
    ),
)

_BY_NAME: Mapping[str, Setting] = {setting.name: setting for setting in SETTINGS}


def setting(name: str) -> Setting:
    """The :class:`Setting` called ``name``."""
    return _BY_NAME[name]


def resolve_settings(**values: Any) -> dict[str, Any]:
    """Validate ``values`` and fill in defaults for every setting not given.

    Unknown names raise :class:`SettingError`.
    """
    unknown = sorted(set(values) - set(_BY_NAME))
    if unknown:
        raise SettingError(f"unknown setting(s): {', '.join(unknown)}")
    resolved: dict[str, Any] = {}
    for item in SETTINGS:
        raw = values.get(item.name, item.default)
        resolved[item.name] = raw if raw is None else item.validate(raw)
    return resolved
