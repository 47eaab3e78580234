"""timeline: turn text into an interactive, dated timeline.

>>> from timeline import extract
>>> result = extract("Biden signed the law in April 2024.", reference_date="2025-09-20")
>>> [(timex.text, timex.value) for timex in result.documents[0].timexes]
[('April 2024', '2024-04')]
"""

from __future__ import annotations

__version__ = "0.1.0"

from timeline.model import (  # noqa: E402
    Document,
    Event,
    Interval,
    Reference,
    TaggedDocument,
    Timeline,
    Timex,
)


def extract(text: str, **options: object) -> Timeline:
    """Find and resolve every date in ``text`` and build its timeline.

    Options are those of :mod:`timeline.settings` (``reference_date`` as a
    date or ``YYYY-MM-DD``, ``day_first``, ``country``, ``title``).
    """
    from timeline.pipeline import extract as run_extract

    return run_extract(text, **options)  # type: ignore[arg-type]


__all__ = [
    "Document",
    "Event",
    "Interval",
    "Reference",
    "TaggedDocument",
    "Timeline",
    "Timex",
    "__version__",
    "extract",
]
