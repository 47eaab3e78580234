"""A one-line progress display for terminals: done/total, documents/s and ETA.

It writes only when its stream is a terminal; piped or redirected, a run
prints nothing extra. The rate counts the documents processed in this run, so a
resumed run's ETA is not fooled by the documents it skipped.
"""

from __future__ import annotations

import time
from typing import TextIO

#: Seconds between redraws.
REDRAW_EVERY = 0.2


def format_duration(seconds: float) -> str:
    """``1h02m``, ``3m07s`` or ``42s``."""
    whole = int(seconds + 0.5)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


class Progress:
    """Counts documents and redraws one status line on a terminal."""

    def __init__(
        self, stream: TextIO, total: int | None, *, skipped: int = 0, enabled: bool | None = None
    ) -> None:
        self.stream = stream
        self.total = total
        self.skipped = skipped
        self.done = 0
        self.failed = 0
        self.enabled = stream.isatty() if enabled is None else enabled
        self._started = time.monotonic()
        self._drawn = 0.0
        self._width = 0

    def advance(self, *, failed: bool = False) -> None:
        """Count one more document (``failed`` if it could not be processed)."""
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.enabled and now - self._drawn >= REDRAW_EVERY:
            self._draw(now)

    def status(self, now: float | None = None) -> str:
        """The status line as it would be drawn now."""
        elapsed = max((now or time.monotonic()) - self._started, 1e-9)
        rate = self.done / elapsed
        position = self.skipped + self.done
        parts = [f"{position:,}" + (f"/{self.total:,}" if self.total is not None else "") + " docs"]
        parts.append(f"{rate:,.1f} docs/s")
        if self.total is not None and rate > 0:
            parts.append(f"ETA {format_duration(max(self.total - position, 0) / rate)}")
        if self.failed:
            parts.append(f"{self.failed:,} failed")
        return "  ".join(parts)

    def message(self, text: str) -> None:
        """Print a line (an error) above the status line."""
        self._clear()
        self.stream.write(text + "\n")
        self.stream.flush()
        self._drawn = 0.0

    def finish(self) -> None:
        """Draw the final status and end the line."""
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()

    def _draw(self, now: float) -> None:
        line = self.status(now)
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = len(line)
        self._drawn = now

    def _clear(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self._width = 0
