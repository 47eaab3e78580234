"""The per-document work of a large run, the same in every engine.

A :class:`DocumentJob` is a small picklable callable: given a batch of
``(number, source)`` pairs it reads, tags and dates each document and returns
one :class:`Outcome` per input, holding the finished JSON Lines record (so
workers, not the parent, pay for serialising). One bad input never stops a
batch: it becomes an outcome with an error message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

#: ``(source, doc_id, settings, today) -> JSON Lines record`` (without newline),
#: plus whether the document fell back on today as its reference date.
DocumentFunction = Callable[[str, str, Mapping[str, Any], date], tuple[str, bool]]


@dataclass(frozen=True)
class Outcome:
    """What became of one input: its JSON Lines record, or why it failed."""

    number: int
    source: str
    line: str | None = None
    error: str | None = None
    used_today: bool = False


def document_line(
    source: str, doc_id: str, settings: Mapping[str, Any], today: date
) -> tuple[str, bool]:
    """Read, tag and date one input; its JSON Lines record and whether today was used.

    The record is byte for byte the line ``timeline extract SOURCE --format jsonl``
    writes for that document. Raises :class:`timeline.sources.SourceError`.
    """
    from timeline.formats import jsonl_line
    from timeline.pipeline import process_document

    tagged, events = process_document(source, doc_id, settings=settings, today=today)
    return jsonl_line(tagged, events), tagged.reference.source == "today"


@dataclass(frozen=True)
class DocumentJob:
    """Process batches of numbered inputs with fixed settings (picklable)."""

    settings: Mapping[str, Any]
    today: date
    process: DocumentFunction | None = field(default=None)

    def __call__(self, batch: Sequence[tuple[int, str]]) -> list[Outcome]:
        """One outcome per ``(number, source)`` of ``batch``, in the same order."""
        return [self.one(number, source) for number, source in batch]

    def warm_up(self) -> None:
        """Load the pipeline's rules and tables once, here, before worker processes fork.

        Forked workers then share them instead of each loading its own (seconds
        per worker); with the default pipeline only.
        """
        if self.process is not None:
            return
        from timeline.pipeline import extract

        try:
            extract("Signed in April 2024, it is due next Friday.", today=self.today)
        except Exception:  # only a head start: the workers report real failures
            return

    def one(self, number: int, source: str) -> Outcome:
        """Process input ``source`` as document ``d{number}``."""
        from timeline.sources import SourceError

        process = self.process or document_line
        try:
            line, used_today = process(source, f"d{number}", self.settings, self.today)
        except SourceError as error:
            return Outcome(number, source, error=str(error))
        except Exception as error:  # one bad document must not stop an archive
            reason = f"{type(error).__name__}: {error}"
            return Outcome(number, source, error=f"{source}: cannot process ({reason})")
        return Outcome(number, source, line=line, used_today=used_today)
