"""Plain, frozen dataclasses shared by every stage of the pipeline.

Data flows one way: a :class:`Document` is read, its :class:`Reference` date is
found, the temporal tagger turns its text into :class:`Timex` objects (each with
an optional :class:`Interval`), the events stage turns sentences and timexes
into :class:`Event` objects, and a :class:`Timeline` holds the lot for
rendering or export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Anchor = Literal["absolute", "reference", "narrative", "named-event", "unresolved"]
ReferenceSource = Literal["option", "metadata", "filename", "inferred", "today"]
Precision = Literal["day", "month", "year"]
Undated = Literal["past", "future"]

#: Granularities from coarsest to finest, as written in the JSON contract.
GRANULARITIES: tuple[str, ...] = (
    "millennium",
    "century",
    "decade",
    "year",
    "half",
    "quarter",
    "season",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
)

#: A calendar point: a date for day-or-coarser values, a datetime for times.
Moment = date | datetime


@dataclass(frozen=True)
class Interval:
    """An inclusive calendar span a timeline can draw.

    ``start`` and ``end`` are both inclusive. ``approximate`` marks fuzzy bounds
    ("early next year", "the late 1980s").
    """

    start: Moment
    end: Moment
    granularity: str
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.granularity not in GRANULARITIES:
            raise ValueError(f"unknown granularity {self.granularity!r}")
        if _as_datetime(self.start) > _as_datetime(self.end):
            raise ValueError(f"interval start {self.start} is after its end {self.end}")

    @property
    def is_point(self) -> bool:
        """True for a day or anything finer: drawn as a marker, not a bar."""
        return GRANULARITIES.index(self.granularity) >= GRANULARITIES.index("day")


def _as_datetime(moment: Moment) -> datetime:
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=None)
    return datetime(moment.year, moment.month, moment.day)


@dataclass(frozen=True)
class Timex:
    """One time expression found in a text and resolved to a value.

    ``start``/``end`` are Python string offsets into the document text, so
    ``text == document.text[start:end]``. ``value`` and ``mod`` follow TimeML
    1.2.1 TIMEX3. ``timeml`` is False for named events TimeML does not annotate
    (summits, games, elections); those carry a ``place``.
    """

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    mod: str | None = None
    interval: Interval | None = None
    anchor: Anchor = "absolute"
    timeml: bool = True
    place: str | None = None
    rule: str = ""
    id: str = ""


@dataclass(frozen=True)
class Reference:
    """The date a document's relative expressions are counted from.

    ``time`` is the clock time of writing when the source gives one (a TimeML DCT
    ``2013-05-12T10:30``, ``--reference-date 2026-03-14T18:05``, a metadata
    datetime): "2 hours ago" and "at 7" count from it.
    """

    date: date
    source: ReferenceSource
    precision: Precision = "day"
    evidence: tuple[str, ...] = ()
    time: time | None = None

    @property
    def moment(self) -> date | datetime:
        """The reference as ``tag`` takes it: a datetime when the time is known."""
        return self.date if self.time is None else datetime.combine(self.date, self.time)


@dataclass(frozen=True)
class Document:
    """A text as read from one input, before or after its reference is known.

    ``metadata`` holds what the reader found besides the text (a TimeML DCT, an
    HTML publication date, front-matter ``date:``), as plain strings.
    """

    id: str
    source: str
    text: str
    reference: Reference | None = None
    title: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()

    def meta(self, key: str) -> str | None:
        """The first metadata value stored under ``key``, if any."""
        for name, value in self.metadata:
            if name == key:
                return value
        return None


@dataclass(frozen=True)
class TaggedDocument:
    """A document with its reference date fixed and its timexes found."""

    document: Document
    timexes: tuple[Timex, ...]

    @property
    def reference(self) -> Reference:
        """The document's reference (always set once a document is tagged)."""
        assert self.document.reference is not None
        return self.document.reference


@dataclass(frozen=True)
class Event:
    """Something that happened (or will), dated by one or more timexes.

    ``start``/``end`` are None only for undated events, which then say whether
    they lie in the ``past`` or the ``future``.
    """

    id: str
    start: Moment | None
    end: Moment | None
    granularity: str | None
    approximate: bool
    title: str
    sentence: str
    documents: tuple[str, ...]
    timexes: tuple[str, ...]
    undated: Undated | None = None
    group: str | None = None
    url: str | None = None
    media: str | None = None
    date_text: str = ""

    @property
    def is_point(self) -> bool:
        """True when the event is drawn as a marker (a day or finer)."""
        if self.granularity is None:
            return True
        return GRANULARITIES.index(self.granularity) >= GRANULARITIES.index("day")


@dataclass(frozen=True)
class Timeline:
    """Everything the pipeline produced: tagged documents and their events."""

    documents: tuple[TaggedDocument, ...]
    events: tuple[Event, ...]
    title: str = "Timeline"
    failures: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The timeline as the documented ``timeline/1`` JSON string."""
        from timeline.formats import json as json_format

        return json_format.dumps(self, indent=indent)

    def to_figure(self):  # -> plotly.graph_objects.Figure (plotly imported lazily)
        """A plotly Figure of the events, for notebooks, Dash or Streamlit."""
        from timeline.render.figure import build_figure

        return build_figure(self)

    def to_html(self, **options) -> str:
        """A self-contained HTML page of the timeline."""
        from timeline.render.page import render_page

        return render_page(self, **options)
