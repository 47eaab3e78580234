"""The JSON Lines output of a large run: resuming it and appending to it.

A large run writes each record as soon as it is in order, straight into the
output file (not through a temporary file), so that an interrupted run leaves
every finished document behind and ``--resume`` can go on from there. A run
killed mid-write can leave a torn last line: :func:`completed_sources` cuts it
off before new records are appended. The file is created only when the first
record is ready, so a run in which every input fails writes nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO

from timeline.output import OutputError


class ResumeError(Exception):
    """An existing output cannot be resumed; the message is one line."""


def completed_sources(path: str | Path) -> set[str]:
    """The ``source`` of every document already in the JSON Lines file at ``path``.

    A torn last line (no newline: the writer was killed) is truncated away. Any
    other line that is not a ``timeline/1`` record raises :class:`ResumeError`.
    """
    target = Path(path)
    if not target.exists():
        return set()
    sources: set[str] = set()
    good_end = 0
    try:
        with target.open("rb+") as stream:
            for number, raw in enumerate(stream, 1):
                if not raw.endswith(b"\n"):
                    stream.truncate(good_end)
                    break
                sources.add(_source_of(raw, target, number))
                good_end += len(raw)
    except OSError as error:
        raise ResumeError(f"{target}: cannot resume ({error.strerror or error})") from None
    return sources


def _source_of(raw: bytes, path: Path, number: int) -> str:
    try:
        record = json.loads(raw)
        source = record["document"]["source"]
    except (ValueError, KeyError, TypeError):
        raise ResumeError(
            f"{path}: line {number} is not a timeline/1 JSON Lines record; cannot resume"
        ) from None
    if not isinstance(source, str):
        raise ResumeError(f"{path}: line {number} has no document source; cannot resume")
    return source


class JsonlSink:
    """Writes records one line at a time, opening the file on the first one."""

    def __init__(self, output: str | None, *, append: bool) -> None:
        self.output = output
        self.append = append
        self.written = 0
        self._stream: IO[str] | None = None
        self._owned = False

    def write(self, line: str) -> None:
        """Write one record (without its newline) and flush it."""
        stream = self._stream or self._open()
        stream.write(line + "\n")
        stream.flush()
        self.written += 1

    def _open(self) -> IO[str]:
        if self.output is None or self.output == "-":
            self._stream = sys.stdout
        else:
            mode = "a" if self.append else "w"
            try:
                self._stream = open(self.output, mode, encoding="utf-8", newline="\n")  # noqa: SIM115
            except OSError as error:
                raise OutputError(
                    f"{self.output}: cannot write ({error.strerror or error})"
                ) from None
            self._owned = True
        return self._stream

    def close(self) -> None:
        """Close the file (standard output is left open)."""
        if self._stream is not None and self._owned:
            self._stream.close()
        self._stream = None
