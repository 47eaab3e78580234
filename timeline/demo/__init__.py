"""The example article behind ``timeline demo``, shipped inside the package."""

from __future__ import annotations

from datetime import date
from pathlib import Path

DEMO_FILE = "news_story.txt"
DEMO_TITLE = "Dockworkers' strike: a timeline"
#: The day the demo story was written (a Friday).
DEMO_REFERENCE_DATE = date(2025, 10, 3)


def demo_path() -> Path:
    """Path of the demo article inside the installed package."""
    return Path(__file__).with_name(DEMO_FILE)
