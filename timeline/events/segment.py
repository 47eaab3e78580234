"""Sentence segmentation for news text.

A period ends a sentence unless the word before it is an abbreviation that the
next word does not contradict ("U.S. President", "Jan. 19", "Mr. Xi",
"Donald J. Trump"); decimals and ellipses inside a sentence stay inside it;
closing quotes stay with the sentence they close. Newlines are paragraph
breaks, except in hard-wrapped text, where a single newline is only a space.
"""

from __future__ import annotations

import re

from timeline.events import lexicon

Span = tuple[int, int]

#: Hard-wrapped text keeps (almost) every line shorter than this.
LONGEST_WRAPPED_LINE = 120

_TERMINAL = ".!?…"
_CLOSERS = "\"”’'»)]"
_OPENERS = "\"“‘'«(["
# Terminal punctuation, then closing quotes or brackets, with whitespace after it.
_CANDIDATE = re.compile(rf"[{re.escape(_TERMINAL)}]+[{re.escape(_CLOSERS)}]*(?=\s)")
_ACRONYM = re.compile(r"^(?:[a-z]\.)+[a-z]$")
_NEVER_FINAL = frozenset({"e.g", "i.e", "viz"})
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A wrapped line ends without terminal punctuation (or a colon) of its own.
_LINE_ENDS_SENTENCE = re.compile(rf"[{re.escape(_TERMINAL)}:;{re.escape(_CLOSERS)}]\s*$")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans ``(start, end)`` of ``text``, without surrounding whitespace.

    ``text[start:end]`` is the sentence as written (inner newlines kept).
    """
    spans: list[Span] = []
    for start, end in _paragraphs(text):
        spans.extend(_split_paragraph(text, start, end))
    return _join_datelines(text, spans)


# A line that is only a dateline: "WASHINGTON, August 8 (Xinhua) --".
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Z .,'-]*,[^.!?]{0,40}(?:\([A-Za-z ]+\))?\s*(?:--|—|_)$")


def _join_datelines(text: str, spans: list[Span]) -> list[Span]:
    """A dateline alone on its line belongs to the sentence after it."""
    result: list[Span] = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        if index + 1 < len(spans) and _DATELINE_ONLY.match(text[start:end]):
            result.append((start, spans[index + 1][1]))
            index += 2
            continue
        result.append((start, end))
        index += 1
    return result


def _paragraphs(text: str) -> list[Span]:
    """Spans of the paragraphs: blank lines always separate, single newlines maybe."""
    blocks: list[Span] = []
    position = 0
    for match in _BLANK_LINE.finditer(text):
        blocks.append((position, match.start()))
        position = match.end()
    blocks.append((position, len(text)))
    wrapped = _looks_wrapped(text)
    paragraphs: list[Span] = []
    for start, end in blocks:
        paragraphs.extend(_split_lines(text, start, end, wrapped))
    return [span for span in paragraphs if text[span[0] : span[1]].strip()]


# Lines that are list items, headings, rules or front matter, never wrapped prose.
_MARKUP = re.compile(r"^\s*(?:[-*•>#]|\d+[.)]\s|---|[A-Za-z_]+:\s*\S{0,40}$)")


def _looks_wrapped(text: str) -> bool:
    """True for hard-wrapped text: most lines that run on end mid-sentence."""
    lines = [line for line in text.splitlines() if line.strip() and not _MARKUP.match(line)]
    if len(lines) < 3:
        return False
    if sum(len(line) > LONGEST_WRAPPED_LINE for line in lines) * 5 > len(lines):
        return False  # one paragraph a line, with headings between
    open_ended = sum(1 for line in lines[:-1] if not _LINE_ENDS_SENTENCE.search(line))
    return open_ended * 2 >= len(lines) - 1


def _split_lines(text: str, start: int, end: int, wrapped: bool) -> list[Span]:
    """Split a block at single newlines that are real breaks."""
    if wrapped:
        return [(start, end)]
    spans: list[Span] = []
    line_start = start
    position = text.find("\n", start, end)
    while position != -1:
        before = text[line_start:position]
        after = text[position + 1 : end].lstrip()
        runs_on = bool(before.strip()) and not _LINE_ENDS_SENTENCE.search(before)
        if not (runs_on and after[:1].islower()):
            spans.append((line_start, position))
            line_start = position + 1
        position = text.find("\n", position + 1, end)
    spans.append((line_start, end))
    return spans


def _split_paragraph(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        next_start = _skip_space(text, match.end(), end)
        if next_start >= end or not _is_boundary(text, match, next_start, end):
            continue
        spans.append((sentence_start, match.end()))
        sentence_start = next_start
    spans.append((sentence_start, end))
    return [trimmed for span in spans if (trimmed := _trim(text, span))]


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position


def _is_boundary(text: str, match: re.Match[str], next_start: int, end: int) -> bool:
    following = text[next_start]
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return False
    punctuation = match.group().rstrip(_CLOSERS)
    if punctuation != ".":
        return True  # "?", "!", an ellipsis, or several marks
    token = _token_before(text, match.start())
    if not token:
        return True
    next_word = _word_at(text, next_start, end)
    return _period_ends_sentence(token, following, next_word)


def _token_before(text: str, period: int) -> str:
    """The word the period is attached to, e.g. ``U.S`` for "the U.S."."""
    position = period
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return text[position:period].lstrip(_OPENERS + _CLOSERS)


def _word_at(text: str, position: int, end: int) -> str:
    match = re.match(r"[\W_]*(\w+)", text[position:end])
    return match.group(1).lower() if match else ""


def _period_ends_sentence(token: str, following: str, next_word: str) -> bool:
    lowered = token.lower()
    kind = lexicon.pairs("abbreviations.txt").get(lowered)
    if kind == "title" or lowered in _NEVER_FINAL:
        return False
    if kind == "number":
        return not following.isdigit()
    is_initial = len(token) == 1 and token.isupper()
    if kind is not None or is_initial or _ACRONYM.match(lowered):
        return next_word in lexicon.words("openers.txt")
    return True


def _trim(text: str, span: Span) -> Span | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
