"""TimeML 1.2.1 in and out: read a document with its DCT and gold TIMEX3, write ours.

Reading keeps the exact text of ``<TEXT>`` with every inline tag (EVENT, SIGNAL,
TIMEX3, ...) stripped, so a gold timex's ``start``/``end`` index that text the
same way our tagger's offsets do. Writing produces a document that reads back to
the same text, offsets and values.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline.model import Document, Reference, Timex
from timeline.reference import parse_metadata_time

TIMEX_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})

_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA = "http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd"
# Characters XML 1.0 cannot carry at all, not even as references.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class TimeMLError(ValueError):
    """A TimeML file that cannot be read, with where the problem is."""

    def __init__(self, message: str, file: str = "<string>", line: int = 0, column: int = 0):
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        super().__init__(f"{file}:{line}:{column}: {message}")


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML file as read: the plain document and its gold timexes (DCT excluded)."""

    document: Document
    gold: tuple[Timex, ...]


def read_timeml(source: str | Path) -> TimeMLDocument:
    """Read a TimeML document from a path, or from a string holding the XML itself.

    A ``str`` whose first non-blank character is ``<`` is taken as TimeML text;
    any other ``str`` or a ``Path`` names a file. Raises :class:`TimeMLError` (with
    file, line and column) for malformed XML or TimeML.
    """
    if isinstance(source, str) and source.lstrip().startswith("<"):
        return parse_timeml(source)
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TimeMLError(f"cannot read file: {error.strerror or error}", str(path)) from None
    return parse_timeml(data, name=str(path), doc_id=path.stem)


def parse_timeml(data: str | bytes, *, name: str = "<string>", doc_id: str = "") -> TimeMLDocument:
    """Parse TimeML given as text or bytes; ``name`` is used in error messages."""
    reader = _Reader(name)
    # For text, UTF-8 overrides whatever encoding its XML declaration names.
    parser = xml.parsers.expat.ParserCreate("utf-8" if isinstance(data, str) else None)
    parser.buffer_text = True
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.characters
    reader.parser = parser
    try:
        # A lone surrogate passes into the bytes, where expat rejects it as XML.
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        parser.Parse(raw, True)
    except xml.parsers.expat.ExpatError as error:
        message = xml.parsers.expat.ErrorString(error.code)
        raise TimeMLError(message, name, error.lineno, error.offset + 1) from None
    return reader.result(doc_id)


@dataclass
class _OpenTimex:
    start: int
    chunk: int
    attrs: dict[str, str]


@dataclass
class _Reader:
    """expat callbacks that collect the text, the DCT and the TIMEX3 spans."""

    name: str
    parser: xml.parsers.expat.XMLParserType | None = None
    stack: list[str] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)
    length: int = 0
    text_seen: bool = False
    in_text: bool = False
    open_timexes: list[_OpenTimex] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    dct: str | None = None
    docid: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)

    def error(self, message: str) -> TimeMLError:
        assert self.parser is not None
        line = self.parser.CurrentLineNumber
        column = self.parser.CurrentColumnNumber + 1
        return TimeMLError(message, self.name, line, column)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "TEXT":
            if self.text_seen:
                raise self.error("more than one <TEXT> element")
            self.text_seen = self.in_text = True
        elif tag == "TIMEX3":
            self._start_timex(attrs)
        self.stack.append(tag)

    def _start_timex(self, attrs: dict[str, str]) -> None:
        if "DCT" in self.stack:
            if "value" not in attrs:
                raise self.error("DCT TIMEX3 has no value attribute")
            self.dct = attrs["value"]
            return
        if not self.in_text:
            return
        kind = attrs.get("type")
        if kind not in TIMEX_TYPES:
            raise self.error(f"TIMEX3 {attrs.get('tid', '?')!r} has type {kind!r}")
        self.open_timexes.append(_OpenTimex(self.length, len(self.chunks), dict(attrs)))

    def end(self, tag: str) -> None:
        self.stack.pop()
        if tag == "TEXT":
            self.in_text = False
        elif tag == "TIMEX3" and self.in_text and self.open_timexes:
            self._end_timex(self.open_timexes.pop())

    def _end_timex(self, opened: _OpenTimex) -> None:
        attrs = opened.attrs
        if attrs.get("tid") == "t0" or self.length == opened.start:
            return  # the DCT, or an empty (non-consuming) TIMEX3: not scored
        # A tag boundary is a chunk boundary (expat flushes buffered text at tags).
        text = "".join(self.chunks[opened.chunk :])
        self.timexes.append(
            Timex(
                text=text,
                start=opened.start,
                end=self.length,
                type=attrs["type"],  # type: ignore[arg-type]  # checked in _start_timex
                value=attrs.get("value", ""),
                mod=attrs.get("mod") or None,
                timeml=True,
                rule="gold",
                id=attrs.get("tid", ""),
            )
        )

    def characters(self, data: str) -> None:
        if self.in_text:
            self.chunks.append(data)
            self.length += len(data)
        elif self.stack and self.stack[-1] == "DOCID":
            self.docid.append(data)
        elif self.stack and self.stack[-1] == "TITLE":
            self.title.append(data)

    def result(self, doc_id: str) -> TimeMLDocument:
        if not self.text_seen:
            raise TimeMLError("no <TEXT> element", self.name, 1, 1)
        metadata: list[tuple[str, str]] = []
        reference = None
        if self.dct is not None:
            metadata.append(("dct", self.dct))
            reference = Reference(
                date=self._dct_date(),
                source="metadata",
                precision="day",
                evidence=("TimeML DCT",),
                time=parse_metadata_time(self.dct),
            )
        docid = "".join(self.docid).strip()
        if docid:
            metadata.append(("docid", docid))
        title = " ".join("".join(self.title).split()) or None
        document = Document(
            id=doc_id or docid or "timeml",
            source=self.name,
            text="".join(self.chunks),
            reference=reference,
            title=title,
            metadata=tuple(metadata),
        )
        timexes = sorted(self.timexes, key=lambda t: (t.start, -t.end))
        return TimeMLDocument(document=document, gold=tuple(timexes))

    def _dct_date(self) -> date:
        assert self.dct is not None
        try:
            return date.fromisoformat(self.dct[:10])
        except ValueError:
            raise TimeMLError(f"DCT value {self.dct!r} is not a date", self.name, 1, 1) from None


def timeml_timexes(timexes: Sequence[Timex]) -> list[Timex]:
    """The timexes TimeML can hold inline, in text order.

    Drops timexes with ``timeml=False`` and empty spans; of overlapping ones keeps
    the longer (the outer one when nested; the earlier one on a tie), since
    inline tags cannot overlap.
    """
    candidates = [t for t in timexes if t.timeml and t.end > t.start]
    candidates.sort(key=lambda t: (-(t.end - t.start), t.start))
    kept: list[Timex] = []
    for timex in candidates:
        if not any(timex.start < other.end and other.start < timex.end for other in kept):
            kept.append(timex)
    kept.sort(key=lambda t: t.start)
    return kept


def write_timeml(doc: Document, timexes: Sequence[Timex]) -> str:
    """A TimeML 1.2.1 document: ``doc``'s text with inline TIMEX3 tags, its DCT as t0.

    Timexes with ``timeml=False`` are left out, and of overlapping ones only the
    longer is written. The result reads back with :func:`read_timeml` to the same
    text, offsets, types, values and mods.
    """
    text = doc.text
    for timex in timexes:
        if timex.start < 0 or timex.end > len(text) or timex.start > timex.end:
            raise ValueError(
                f"timex {timex.text!r} [{timex.start}:{timex.end}] is outside the text"
            )
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<TimeML xmlns:xsi="{_XSI}" xsi:noNamespaceSchemaLocation="{_SCHEMA}">\n',
        f"<DOCID>{_escape_text(doc.id)}</DOCID>\n",
    ]
    if doc.reference is not None:
        day = doc.reference.date.isoformat()
        parts.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false"'
            f' functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>\n'
        )
    if doc.title:
        parts.append(f"<TITLE>{_escape_text(doc.title)}</TITLE>\n")
    parts.append("<TEXT>")
    position = 0
    for number, timex in enumerate(timeml_timexes(timexes), start=1):
        parts.append(_escape_text(text[position : timex.start]))
        parts.append(_open_tag(number, timex))
        parts.append(_escape_text(text[timex.start : timex.end]))
        parts.append("</TIMEX3>")
        position = timex.end
    parts.append(_escape_text(text[position:]))
    parts.append("</TEXT>\n</TimeML>\n")
    return "".join(parts)


def _open_tag(number: int, timex: Timex) -> str:
    attrs = [("tid", f"t{number}"), ("type", timex.type), ("value", timex.value)]
    if timex.mod:
        attrs.append(("mod", timex.mod))
    return "<TIMEX3 " + " ".join(f'{k}="{_escape_attr(v)}"' for k, v in attrs) + ">"


def _escape_text(text: str) -> str:
    """Escape character data so a parser gives back exactly the same characters.

    Carriage returns become references (a parser would turn a literal one into a
    newline); characters XML cannot hold become U+FFFD, one for one, so offsets
    stay valid.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\r", "&#13;")
    return _INVALID_XML.sub("\ufffd", text)


def _escape_attr(value: str) -> str:
    value = _escape_text(value).replace('"', "&quot;")
    return value.replace("\n", "&#10;").replace("\t", "&#9;")
