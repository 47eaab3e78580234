"""Helpers for the events tests: hand-made tagged documents, no tagger needed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.model import Document, Interval, Reference, TaggedDocument, Timex


@dataclass(frozen=True)
class T:
    """A timex to place in a text: its words, which occurrence, and its interval."""

    text: str
    start: date | None
    end: date | None = None
    granularity: str = "day"
    approximate: bool = False
    type: str = "DATE"
    anchor: str = "absolute"
    value: str = ""
    occurrence: int = 0


def tagged(text: str, timexes: list[T], reference: date, doc_id: str = "d1", **meta: str):
    """A TaggedDocument whose timexes sit at the right offsets of ``text``."""
    found: list[Timex] = []
    for spec in timexes:
        position = -1
        for _ in range(spec.occurrence + 1):
            position = text.index(spec.text, position + 1)
        interval = None
        if spec.start is not None:
            interval = Interval(
                spec.start, spec.end or spec.start, spec.granularity, spec.approximate
            )
        found.append(
            Timex(
                text=spec.text,
                start=position,
                end=position + len(spec.text),
                type=spec.type,  # type: ignore[arg-type]
                value=spec.value or (spec.start.isoformat() if spec.start else "PAST_REF"),
                interval=interval,
                anchor=spec.anchor,  # type: ignore[arg-type]
                timeml=spec.anchor != "named-event",
            )
        )
    found.sort(key=lambda t: t.start)
    numbered = tuple(
        Timex(**{**t.__dict__, "id": f"{doc_id}.t{n}"}) for n, t in enumerate(found, start=1)
    )
    document = Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=text,
        reference=Reference(reference, "option"),
        metadata=tuple(meta.items()),
    )
    return TaggedDocument(document, numbered)
