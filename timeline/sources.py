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
from dataclasses import dataclass, replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import yaml

from timeline.model import Document

#: File extensions a directory argument picks up.
KNOWN_EXTENSIONS: tuple[str, ...] = (
    ".txt",
    ".md",
    ".html",
    ".htm",
    ".tml",
    # structured inputs (timeline.formats.structured): rows and our own exports
    ".csv",
    ".json",
    ".jsonl",
    ".yaml",
    ".yml",
    ".ics",
)
STDIN = "-"
DEFAULT_MAX_BYTES = 50_000_000
#: The warning an empty (or whitespace-only) input gets; it is read, with no events.
EMPTY_WARNING = "empty file: no text, so no dates and no events"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CODEC_NAMES = {"utf-8-sig": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_SNIFF_BYTES = 8192
_DETECT_BYTES = 1_000_000

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
        # A dangling link is listed too, so that reading it reports it instead of skipping it.
        if (found.is_file() or found.is_symlink()) and found.suffix.lower() in KNOWN_EXTENSIONS:
            yield found


def read_document(source: str, doc_id: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one input (a path, or ``-`` for standard input) into a Document.

    Raises :class:`SourceError` with a one-line message when the input is
    missing, unreadable, too large, binary, or not text in any encoding. The
    encoding used is recorded as metadata ``encoding``; anything the user
    should know (a legacy encoding, an empty file) as metadata ``warning``.
    """
    data = _read_bytes(source, max_bytes)
    decoded = decode_bytes(data, source)
    suffix = "" if source == STDIN else Path(source).suffix.lower()
    document = document_from_text(decoded.text, source, doc_id, suffix=suffix)
    notes: list[tuple[str, str]] = [("encoding", decoded.encoding)]
    if decoded.warning:
        notes.append(("warning", decoded.warning))
    if not document.text.strip():
        notes.append(("warning", EMPTY_WARNING))
    return replace(document, metadata=(*document.metadata, *notes))


def document_from_text(text: str, source: str, doc_id: str, *, suffix: str = ".txt") -> Document:
    """Build a Document from already-decoded text, by the kind its suffix names."""
    metadata: list[tuple[str, str]] = []
    title: str | None = None
    if suffix in (".html", ".htm"):
        published = htmldate_publication_date(text)
        if published is not None:
            metadata.append(("htmldate", published))
        text, title, html_metadata = html_to_text(text)
        metadata.extend(html_metadata)
    elif suffix == ".md":
        text, front_matter = split_front_matter(text)
        metadata.extend(front_matter)
        title = dict(front_matter).get("title")
    elif suffix == ".tml":
        return _timeml_document(text, source, doc_id)
    metadata.extend(find_dateline(text))
    filename_date = date_in_filename(source)
    if filename_date is not None:
        metadata.append(("filename_date", filename_date.isoformat()))
    return Document(id=doc_id, source=source, text=text, title=title, metadata=tuple(metadata))


def _timeml_document(text: str, source: str, doc_id: str) -> Document:
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
    """At most ``max_bytes`` of the input; never reads more than one byte past the limit."""
    if source == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise SourceError(f"{source}: no such file")
        if path.is_dir():
            raise SourceError(f"{source}: is a directory")
        try:
            if path.stat().st_size > max_bytes:
                raise SourceError(_too_large(source, max_bytes))
            # A bounded read also protects against devices and pipes (/dev/zero).
            with path.open("rb") as stream:
                data = stream.read(max_bytes + 1)
        except PermissionError:
            raise SourceError(f"{source}: permission denied") from None
        except OSError as error:
            raise SourceError(f"{source}: cannot read ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise SourceError(_too_large(source, max_bytes))
    return data


def _too_large(source: str, max_bytes: int) -> str:
    return f"{source}: larger than {max_bytes:,} bytes (raise the limit with --max-bytes)"


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the codec used, and a warning when it was not UTF-8."""

    text: str
    encoding: str
    warning: str | None = None


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode ``data``: a BOM first, then UTF-8, then charset-normalizer's best guess.

    Binary data (NUL bytes, or mostly control characters) is refused with a
    :class:`SourceError`. Line endings become ``\\n``.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(_decode_or_fail(data, codec, source), _CODEC_NAMES[codec])
    if _looks_binary(data):
        raise SourceError(f"{source}: looks like a binary file, not text")
    try:
        return Decoded(_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    encoding = _detect_encoding(data)
    if encoding is None:
        raise SourceError(
            f"{source}: not valid UTF-8 (byte {first_bad}) and no other text encoding fits"
        )
    text = _newlines(data.decode(encoding, errors="replace"))
    warning = (
        f"not valid UTF-8 (byte {first_bad}); decoded as {encoding} "
        "(detected by charset-normalizer)"
    )
    return Decoded(text, encoding, warning)


def decode_text(data: bytes, source: str) -> str:
    """The text of ``data`` as :func:`decode_bytes` decodes it."""
    return decode_bytes(data, source).text


def _decode_or_fail(data: bytes, codec: str, source: str) -> str:
    try:
        return _newlines(data.decode(codec))
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{source}: starts with a {_CODEC_NAMES[codec]} byte-order mark but is not "
            f"valid {_CODEC_NAMES[codec]} (byte {error.start})"
        ) from None


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > 0.1


def _detect_encoding(data: bytes) -> str | None:
    """charset-normalizer's best encoding; among equally good ones prefer cp1252.

    Short Western European texts often fit cp1250, cp1252 and others equally
    well; cp1252 (Windows Western) is by far the commonest legacy encoding.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:_DETECT_BYTES]))
    if not matches:
        return None
    best = matches[0]
    tied = [
        match.encoding
        for match in matches
        if match.chaos == best.chaos and match.coherence == best.coherence
    ]
    return "cp1252" if "cp1252" in tied else best.encoding


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


def htmldate_publication_date(html: str) -> str | None:
    """The page's original publication date (ISO) as htmldate finds it in the markup.

    Only the fast, markup-based search runs (``extensive_search=False``): header
    metadata, ``<time>`` and similar elements, never guesses from the body text.
    """
    if not html.strip():
        return None
    try:
        from htmldate import find_date

        found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate parses hostile markup; any failure means "no date"
        return None
    return found or None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_WORD = r"[A-Z][a-z]{2,8}\.?"
_DATELINE = re.compile(
    r"\A[ \t]*(?:(?P<place>[A-Z][A-Z.'\- ]{1,40}(?:,[ \t]+[A-Z][A-Za-z.'\- ]{1,30})?),[ \t]+)?"
    r"(?:(?P<weekday>[A-Z][a-z]{2,8}\.?),?[ \t]+)?"
    rf"(?:(?P<month>{_MONTH_WORD})[ \t]+(?P<day>\d{{1,2}})(?:,?[ \t]+(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})[ \t]+(?P<month2>{_MONTH_WORD})(?:,?[ \t]+(?P<year2>\d{{4}}))?)"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|[-\u2013\u2014:])",
)


def find_dateline(text: str) -> list[tuple[str, str]]:
    """Metadata from a news dateline opening one of the first lines of ``text``.

    "LONDON, 20 September 2025 \u2014" gives ``dateline`` 2025-09-20; a dateline
    without a year ("WASHINGTON, Sept. 20 (Reuters) -") gives ``dateline_month_day``
    ``--09-20`` for inference to complete with a year. ``dateline_weekday`` and
    ``dateline_text`` record the rest.
    """
    for line in text.split("\n", 4)[:4]:
        match = _DATELINE.match(line)
        if match is None:
            continue
        found = _dateline_fields(match)
        if found:
            return found
    return []


def _dateline_fields(match: re.Match[str]) -> list[tuple[str, str]]:
    month = month_number(match["month"] or match["month2"])
    day = int(match["day"] or match["day2"])
    year_text = match["year"] or match["year2"]
    if month is None or not 1 <= day <= 31:
        return []
    weekday = match["weekday"]
    if weekday is not None and _weekday_name(weekday) is None:
        return []
    fields: list[tuple[str, str]] = []
    if year_text is not None:
        try:
            fields.append(("dateline", date(int(year_text), month, day).isoformat()))
        except ValueError:
            return []
    else:
        if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
            return []
        fields.append(("dateline_month_day", f"--{month:02d}-{day:02d}"))
    if weekday is not None:
        fields.append(("dateline_weekday", _weekday_name(weekday) or ""))
    fields.append(("dateline_text", match.group(0).strip()))
    return fields


def month_number(word: str) -> int | None:
    """1-12 for an English month name or its abbreviation ("Sept.", "Sep", "September")."""
    stem = word.rstrip(".").lower()
    if len(stem) < 3:
        return None
    for number, name in enumerate(_MONTHS, 1):
        if name.startswith(stem) or (stem == "sept" and number == 9):
            return number
    return None


def weekday_number(word: str) -> int | None:
    """0 (Monday) to 6 (Sunday) for an English weekday name or abbreviation."""
    name = _weekday_name(word)
    return None if name is None else _WEEKDAYS.index(name.lower())


def _weekday_name(word: str) -> str | None:
    stem = word.rstrip(".").lower()
    for name in _WEEKDAYS:
        if len(stem) >= 3 and name.startswith(stem):
            return name.capitalize()
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
