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
from typing import Any, NamedTuple


class Processed(NamedTuple):
    """One processed document: its JSON Lines record (without newline) and notes."""

    line: str
    #: Where its reference date came from (``option``, ``metadata``, ... ``today``).
    reference: str = "option"
    #: Warnings the reader noted (an empty file, ...), each naming the source.
    warnings: tuple[str, ...] = ()


#: ``(source, doc_id, settings, today) -> Processed``; raises SourceError.
DocumentFunction = Callable[[str, str, Mapping[str, Any], date], Processed]


@dataclass(frozen=True)
class Outcome:
    """What became of one input: its JSON Lines record, or why it failed."""

    number: int
    source: str
    line: str | None = None
    error: str | None = None
    reference: str = "option"
    warnings: tuple[str, ...] = ()


def document_line(source: str, doc_id: str, settings: Mapping[str, Any], today: date) -> Processed:
    """Read, tag and date one input: its JSON Lines record, reference source and warnings.

    The record is byte for byte the line ``timeline extract SOURCE --format jsonl``
    writes for that document. Raises :class:`timeline.sources.SourceError`.
    """
    from timeline.formats import jsonl_line
    from timeline.pipeline import process_document

    tagged, events = process_document(source, doc_id, settings=settings, today=today)
    warnings = tuple(
        f"{source}: {note}" for key, note in tagged.document.metadata if key == "warning"
    )
    return Processed(jsonl_line(tagged, events), tagged.reference.source, warnings)


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
            done = process(source, f"d{number}", self.settings, self.today)
        except SourceError as error:
            return Outcome(number, source, error=str(error))
        except Exception as error:  # one bad document must not stop an archive
            reason = f"{type(error).__name__}: {error}"
            return Outcome(number, source, error=f"{source}: cannot process ({reason})")
        return Outcome(number, source, done.line, None, done.reference, done.warnings)
