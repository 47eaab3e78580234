"""Reading inputs: files, directories and standard input, into :class:`Document`.

This stage decodes bytes, pulls the readable text out of HTML and Markdown, and
records what each input says about its own date (front matter, HTML metadata,
a TimeML DCT, a date in the file name) as document metadata for the reference
stage to weigh.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import yaml

from timeline.model import Document

#: File extensions a directory argument picks up.
KNOWN_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".tml")
STDIN = "-"
DEFAULT_MAX_BYTES = 50_000_000

_FILENAME_DATE = re.compile(
    r"(?<![0-9A-Za-z])(?P<year>(?:19|20)\d\d|2100)(?P<sep>[-_]?)(?P<month>\d\d)(?P=sep)"
    r"(?P<day>\d\d)(?![0-9A-Za-z])"
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class SourceError(Exception):
    """An input cannot be read; the message is one line naming the input."""


def expand_inputs(arguments: Sequence[str], *, recursive: bool = False) -> list[str]:
    """Turn command-line arguments into the list of inputs to read, in order.

    A directory stands for its files with a known extension, sorted (and those of
    its sub-directories when ``recursive``); ``-`` is standard input.
    """
    inputs: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if argument != STDIN and path.is_dir():
            inputs.extend(str(found) for found in _directory_files(path, recursive))
        else:
            inputs.append(argument)
    return inputs


def _directory_files(directory: Path, recursive: bool) -> Iterator[Path]:
    pattern = "**/*" if recursive else "*"
    for found in sorted(directory.glob(pattern)):
        if found.is_file() and found.suffix.lower() in KNOWN_EXTENSIONS:
            yield found


def read_document(source: str, doc_id: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one input (a path, or ``-`` for standard input) into a Document.

    Raises :class:`SourceError` with a one-line message when the input is
    missing, unreadable, too large, binary, or not valid text.
    """
    data = _read_bytes(source, max_bytes)
    text = decode_text(data, source)
    suffix = "" if source == STDIN else Path(source).suffix.lower()
    return document_from_text(text, source, doc_id, suffix=suffix)


def document_from_text(text: str, source: str, doc_id: str, *, suffix: str = ".txt") -> Document:
    """Build a Document from already-decoded text, by the kind its suffix names."""
    metadata: list[tuple[str, str]] = []
    title: str | None = None
    if suffix in (".html", ".htm"):
        text, title, html_metadata = html_to_text(text)
        metadata.extend(html_metadata)
    elif suffix == ".md":
        text, front_matter = split_front_matter(text)
        metadata.extend(front_matter)
        title = dict(front_matter).get("title")
    elif suffix == ".tml":
        return _timeml_document(text, source, doc_id)
    filename_date = date_in_filename(source)
    if filename_date is not None:
        metadata.append(("filename_date", filename_date.isoformat()))
    return Document(id=doc_id, source=source, text=text, title=title, metadata=tuple(metadata))


def _timeml_document(text: str, source: str, doc_id: str) -> Document:
    from dataclasses import replace

    from timeline.formats.timeml import TimeMLError, parse_timeml

    try:
        parsed = parse_timeml(text, name=source)
    except TimeMLError as error:
        raise SourceError(str(error)) from None
    document = parsed.document
    metadata = list(document.metadata)
    if document.reference is not None:
        metadata.append(("dct", document.reference.date.isoformat()))
    return replace(document, id=doc_id, source=source, reference=None, metadata=tuple(metadata))


def _read_bytes(source: str, max_bytes: int) -> bytes:
    if source == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise SourceError(f"{source}: no such file")
        if path.is_dir():
            raise SourceError(f"{source}: is a directory")
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise SourceError(_too_large(source, max_bytes))
            data = path.read_bytes()
        except PermissionError:
            raise SourceError(f"{source}: permission denied") from None
        except OSError as error:
            raise SourceError(f"{source}: cannot read ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise SourceError(_too_large(source, max_bytes))
    return data


def _too_large(source: str, max_bytes: int) -> str:
    return f"{source}: larger than {max_bytes:,} bytes (raise the limit with --max-bytes)"


def decode_text(data: bytes, source: str) -> str:
    """Decode ``data`` as UTF-8 (with or without BOM), refusing binary data."""
    if b"\x00" in data[:8192]:
        raise SourceError(f"{source}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{source}: not valid UTF-8 text (byte {error.start}); convert it to UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def date_in_filename(source: str) -> date | None:
    """A YYYY-MM-DD, YYYY_MM_DD or YYYYMMDD date standing alone in a file name."""
    if source == STDIN:
        return None
    for match in _FILENAME_DATE.finditer(Path(source).name):
        try:
            found = date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            continue
        if 1900 <= found.year <= 2100:
            return found
    return None


def split_front_matter(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Split YAML front matter off a Markdown text.

    Returns the body (timex offsets count in it) and the metadata pairs
    (``date``, ``title``) the front matter holds.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, []
    try:
        fields = yaml.safe_load(match["body"])
    except yaml.YAMLError:
        return text, []
    if not isinstance(fields, dict):
        return text, []
    metadata = [
        (str(key), str(value))
        for key, value in fields.items()
        if key in ("date", "title") and value is not None
    ]
    return text[match.end() :], metadata


class _TextExtractor(HTMLParser):
    """Collects visible text, the <title> and date-bearing <meta> tags."""

    _SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCKS = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "pre",
            "ul",
            "ol",
            "table",
        }
    )
    _DATE_META = (
        "article:published_time",
        "og:published_time",
        "date",
        "dc.date",
        "dcterms.created",
        "pubdate",
        "publish-date",
        "datepublished",
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.metadata: list[tuple[str, str]] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIPPED:
            self._skip_depth += 1
        elif tag == "meta":
            self._meta(dict(attrs))
        elif tag == "time" and self._skip_depth == 0:
            stamp = dict(attrs).get("datetime")
            if stamp:
                self.metadata.append(("html_time", stamp))
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIPPED and self._skip_depth > 0:
            self._skip_depth -= 1
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif self._skip_depth == 0:
            self.parts.append(data)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if content and key in self._DATE_META:
            self.metadata.append(("html_date", content))


def html_to_text(html: str) -> tuple[str, str | None, list[tuple[str, str]]]:
    """The visible text of an HTML page, its title, and date metadata pairs."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    raw = "".join(extractor.parts)
    lines = (re.sub(r"[ \t\f\v]+", " ", line).strip() for line in raw.split("\n"))
    text = "\n".join(line for line in lines if line)
    title = " ".join("".join(extractor.title_parts).split()) or None
    return text, title, extractor.metadata
