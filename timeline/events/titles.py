"""Short, headline-like event titles cut from the clause that holds a date.

The recipe, each step a small function over tokens:

1. cut the sentence into clauses and take the one holding the date (a clause
   without a verb borrows its neighbour: "..., most recently to December 16");
2. if a reporting verb frames it ("Trump announced that ...") and the date is
   in what is reported, keep only the report; a date on the reporting verb
   ("officials said on Friday") dates the saying, so the title says who said it;
3. shape it: a plan in the future reads "Trump to visit China"; an "-ing"
   clause borrows the sentence's subject ("setting" -> "set"); a date that only
   qualifies a noun ("a January 19 deadline") makes a title of that noun;
4. remove the date words and their prepositions, leading fillers, colouring
   adverbs, role words before names ("Former President"), long first names when
   the text also uses the short one; then trim to about 60 characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from timeline.events import lexicon
from timeline.events.clauses import (
    Span,
    Token,
    clause_spans,
    has_verb,
    irregular_forms,
    is_finite_verb,
    is_participle,
    past_of_participle,
    split_coordination,
    subject_and_verb,
    tokenize,
)

#: Hard limit of a title, in characters (an ellipsis marks a cut).
MAX_TITLE = 70
#: Titles longer than this lose trailing prepositional phrases first.
SOFT_TITLE = 60
#: Longest subject (in words) a clause may lend to another.
MAX_SUBJECT_WORDS = 7
#: Longest verbless clause between commas that still counts as an appositive.
MAX_APPOSITIVE_WORDS = 10

_PRONOUNS = frozenset({"he", "she", "him"})
_ARTICLES = frozenset({"a", "an", "the"})
_CUT_PREPOSITIONS = frozenset(
    [
        "of",
        "on",
        "in",
        "for",
        "to",
        "with",
        "at",
        "from",
        "about",
        "over",
        "into",
        "amid",
        "after",
        "before",
        "against",
        "across",
        "including",
        "despite",
        "under",
        "while",
        "as",
        "by",
    ]
)
# Words a title never ends on: a cut left them without the phrase they open.
_DANGLING = frozenset(
    {
        "and",
        "or",
        "but",
        "the",
        "a",
        "an",
        "of",
        "to",
        "that",
        "with",
        "as",
        "than",
        "which",
    }
    | {
        "who",
        "whose",
        "its",
        "his",
        "her",
        "their",
        "our",
        "every",
        "each",
        "this",
        "these",
    }
    | {
        "those",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "will",
        "would",
        "could",
        "may",
    }
    | {"might", "should", "can", "soon", "nor", "so", "because", "when", "where", "if"}
    | {
        "for",
        "at",
        "from",
        "into",
        "until",
        "since",
        "during",
        "amid",
        "including",
        "in",
    }
    | {
        "on",
        "despite",
        "against",
        "toward",
        "towards",
        "via",
        "per",
        "among",
        "between",
    }
    | {"by", "has", "have", "had", "does", "did", "not", "either", "neither", "both"}
)
_NO_SPACE_BEFORE = frozenset(",.;:!?)%") | {"'s", "’s", "n't"}
_CURRENCIES = frozenset("$£€¥")
_QUOTES = frozenset("\"“”‘’'«»`")
_DATE_MODIFIERS = frozenset({"early", "late", "mid", "the", "this", "most", "more", "very", "only"})


@dataclass(frozen=True)
class Target:
    """The span a title is made for, in sentence offsets: a timex or a vague phrase.

    ``name`` is the short name of a named event ("APEC summit"), which stays in
    the title instead of disappearing with the other date words. ``future`` is
    True when the event lies after the document's reference date.
    """

    start: int
    end: int
    name: str | None = None
    future: bool = False


@dataclass(frozen=True)
class TitleContext:
    """What a title may borrow from the rest of its document."""

    text: str = ""
    offset: int = 0  # where the sentence starts in ``text``
    subjects: tuple[tuple[int, str], ...] = field(default=())  # (offset, name) in ``text``

    def pronoun(self, position: int) -> str | None:
        """The last named subject before ``position`` (sentence offsets)."""
        index = bisect_left(self.subjects, (self.offset + position, ""))
        return self.subjects[index - 1][1] if index else None

    def short_name(self, name: str, allow_first: bool = False) -> str:
        """The one word of a multi-word name the text also uses on its own.

        The first word ("Xi" of "Xi Jinping") only counts when the name came with a
        title ("President"), so "Saudi Arabia" does not become "Saudi".
        """
        parts = name.split()
        if len(parts) < 2 or not self.text:
            return name
        best, best_count = name, 0
        for part in (parts[-1], parts[0]) if allow_first else (parts[-1],):
            count = _standalone_count(self.text, part)
            if count > best_count:
                best, best_count = part, count
        return best


def _standalone_count(text: str, word: str) -> int:
    """How often ``word`` stands as a name on its own ("Trump", not "Donald Trump")."""
    return name_index(text)[0].get(word, 0)


@lru_cache(maxsize=8)
def name_index(text: str) -> tuple[dict[str, int], frozenset[str]]:
    """One pass over a document: capitalized words standing alone, and those used mid-sentence.

    A word stands alone when neither neighbour is a capitalized word bound to it;
    it is used mid-sentence when a lower-case word or a comma comes before it.
    """
    raw = _RAW_TOKEN.findall(text)
    cores = [token.strip(_EDGE).removesuffix("’s").removesuffix("'s") for token in raw]
    alone: dict[str, int] = {}
    inside: set[str] = set()
    for i, core in enumerate(cores):
        if not (core[:1].isupper() and core.isalpha()):
            continue
        before = raw[i - 1] if i else ""
        after = cores[i + 1] if i + 1 < len(cores) else ""
        if before[-1:].islower() or before.endswith((",", ";", ":")):
            inside.add(core)
        bound_before = before[:1].isupper() and not before.endswith((".", ",", ":", ";"))
        bound_after = after[:1].isupper() and not raw[i].endswith((".", ",", ":", ";"))
        if not bound_before and not bound_after:
            alone[core] = alone.get(core, 0) + 1
    return alone, frozenset(inside)


_RAW_TOKEN = re.compile(r"\S+")
_EDGE = "\"“”‘’'«»()[]{}.,;:!?"


def make_title(
    sentence: str,
    target: Target,
    timexes: Sequence[Span] = (),
    context: TitleContext | None = None,
) -> str:
    """A short title for the event that ``target`` dates in ``sentence``.

    ``timexes`` are the spans of every time expression in the sentence (they keep
    clause cuts out of dates and are removed from the title).
    """
    context = context or TitleContext(text=sentence)
    protected = [*timexes, (target.start, target.end)]
    spans = _after_dateline(
        sentence, split_coordination(sentence, clause_spans(sentence, protected))
    )
    low, high = _core_clauses(sentence, spans, target)
    tokens = tokenize(sentence, spans[low][0], spans[high][1])
    subject = _sentence_subject(sentence, spans, low, high) or _appositive_subject(
        sentence, spans, low, protected
    )
    tokens = _compared(tokens, target, subject)
    tokens, report_subject = _reported(tokens, target)
    if report_subject is not None:
        subject = report_subject or subject
    elif _only_reporting(tokens, target, protected) and low > 0:
        tokens = _saying(tokens)
        while tokens and not tokens[-1].is_word:
            tokens = tokens[:-1]
        tokens = tokens + _lower_first(strip_fillers(_reported_clause(sentence, spans, low)))
    tokens = _drop_subordinator(strip_fillers(tokens))
    tokens = _relative(tokens, sentence, spans, low)
    lead = _after_dates(tokens, protected)
    if lead < len(tokens) and is_finite_verb(tokens, lead) and not tokens[lead].is_capitalized:
        subject = _appositive_subject(sentence, spans, low, protected) or subject
    previous = tokenize(sentence, *spans[low - 1]) if low > 0 else []
    tokens = _shape(tokens, target, subject, context, previous, protected)
    tokens = _remove_dates(tokens, target, protected)
    tokens = _tidy(tokens, context, subject)
    title = _finish(tokens)
    if len(title.split()) == 1 and title[:1].isalpha():
        title = _one_word(title, subject, sentence, protected)
    return title or _fallback(sentence, protected)


def _one_word(word: str, subject: list[Token], sentence: str, protected: list[Span]) -> str:
    """ "Unveiled last April, the chip ..." -> "Chip unveiled"; a lone adverb -> the sentence."""
    lowered = word.lower()
    if lowered in lexicon.words("adverbs.txt") or lowered in _LEADING_JUNK:
        return _fallback(sentence, protected)
    if subject and not any(t.lower == lowered for t in subject):
        return _finish([*subject, _synthetic(lowered)])
    return word


_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*"
    r"(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*(?:\s+\d{1,2}(?:,\s+\d{4})?)?)?"
    r"\s*(?:\((?:AP|Reuters|AFP|dpa|UPI|Xinhua|Bloomberg)\))?\s*(?:_|—|–|--)\s+"
)


def _after_dateline(sentence: str, spans: list[Span]) -> list[Span]:
    """Clause spans without a leading dateline ("MOSCOW (AP) _ ")."""
    match = _DATELINE.match(sentence)
    if not match:
        return spans
    lead = match.end()
    kept = [(max(a, lead), b) for a, b in spans if b > lead]
    return kept or spans


def _reported_clause(sentence: str, spans: list[Span], low: int) -> list[Token]:
    """What a trailing "..., the airline announced Friday" reports: the first clause with a verb."""
    for i in range(low):
        tokens = strip_fillers(tokenize(sentence, *spans[i]))
        if any(is_finite_verb(tokens, j) for j in range(len(tokens))):
            if i > 0 and tokens and is_finite_verb(tokens, 0):
                return [*_appositive_subject(sentence, spans, i, []), *tokens]
            return tokens
    return tokenize(sentence, *spans[low - 1])


_RELATIVES = frozenset({"who", "which", "that"})


def _compared(tokens: list[Token], target: Target, subject: list[Token]) -> list[Token]:
    """ "earned $45.2 million, compared with $84.9 million a year earlier" -> the earlier figure.

    The date dates what follows "compared with"; the verb before it, if any, stays.
    """
    for i in range(len(tokens) - 2):
        if tokens[i].lower != "compared" or tokens[i + 1].lower not in {"with", "to"}:
            continue
        if tokens[i].end > target.start:
            return tokens
        rest = tokens[i + 2 :]
        comma = next((j for j, t in enumerate(rest) if t.text in {",", ";"}), len(rest))
        figure = rest[:comma] if comma else rest
        if all(_inside(t, target) or not t.is_word for t in figure):
            return tokens  # "costs, compared with a year ago, were ...": no figure
        verb = next((j for j in range(i) if is_finite_verb(tokens, j)), None)
        if verb is not None:
            return [*tokens[: verb + 1], *figure]
        bare = bool(figure) and (not figure[0].is_word or figure[0].text[0].isdigit())
        return [*subject, _synthetic("had"), *figure] if bare and subject else figure
    return tokens


def _drop_subordinator(tokens: list[Token]) -> list[Token]:
    """ "after talks collapsed in late August" -> "talks collapsed in late August"."""
    openers = lexicon.words("clause_openers.txt")
    for i, token in enumerate(tokens[:4]):  # also "two weeks after inspectors found ..."
        if token.lower in openers and len(tokens) > i + 2 and subject_and_verb(tokens, i + 1):
            return tokens[i + 1 :]
        if not token.is_word or has_verb(tokens[: i + 1]):
            break
    return tokens


def _relative(tokens: list[Token], sentence: str, spans: list[Span], low: int) -> list[Token]:
    """ "..., which had condemned X" -> "<antecedent> had condemned X"; "with whom" dropped."""
    if (
        len(tokens) > 2
        and tokens[1].lower in {"whom", "which"}
        and tokens[0].lower in _CUT_PREPOSITIONS
    ):
        antecedent = _antecedent(tokenize(sentence, *spans[low - 1])) if low > 0 else []
        if antecedent and tokens[1].lower == "whom" and has_verb(tokens[2:]):
            return [*tokens[2:], tokens[0], *antecedent]  # "... met with <antecedent>"
        return tokens[2:]
    if tokens and tokens[0].lower == "that" and len(tokens) > 1 and not is_finite_verb(tokens, 1):
        return tokens[1:]
    if not tokens or low == 0:
        return tokens
    if tokens[0].lower == "whom":
        before = re.search(r"(\w+)\s*$", sentence[: max(tokens[0].start, 0)])
        preposition = before.group(1).lower() if before else ""
        antecedent = _antecedent(tokenize(sentence, *spans[low - 1]))
        if preposition in _CUT_PREPOSITIONS and antecedent and has_verb(tokens[1:]):
            ending = len(tokens)
            while ending > 1 and not tokens[ending - 1].is_word:
                ending -= 1
            # "Saddam, with whom the king met Monday" -> "the king met Monday with Saddam"
            return [*tokens[1:ending], _synthetic(preposition), *antecedent]
        return tokens[1:]
    if tokens[0].lower not in _RELATIVES or len(tokens) < 2 or tokens[0].is_capitalized:
        return tokens
    if not (is_finite_verb(tokens, 1) or tokens[1].lower in lexicon.words("adverbs.txt")):
        return tokens[1:]  # "that Iraq would ...", "which the two presidents signed"
    antecedent = _antecedent(tokenize(sentence, *spans[low - 1]))
    return [*antecedent, *tokens[1:]] if antecedent else tokens[1:]


def _antecedent(tokens: list[Token]) -> list[Token]:
    """The noun a relative clause hangs on: the clause's last name, or "the <noun>"."""
    run: list[Token] = []
    for token in reversed([t for t in tokens if t.is_word or t.lower == "'s"]):
        if not token.is_capitalized:
            break  # also at a possessive: "Iraq's Saddam" -> "Saddam"
        run.insert(0, token)
    words = [t for t in tokens if t.is_word]
    if run:
        return strip_roles(run)
    if len(words) >= 2 and words[-2].lower in _ARTICLES:
        return [Token(words[-2].lower, words[-2].start, words[-2].end), words[-1]]
    article = next(
        (
            i
            for i in range(len(words) - 3, max(len(words) - 7, -1), -1)
            if words[i].lower in _ARTICLES
        ),
        None,
    )
    if article is not None and not has_verb(words[article:]):
        phrase = words[article:]  # "a joint committee on automation"
        return [Token("the", phrase[0].start, phrase[0].end), *phrase[1:]]
    if words and not is_finite_verb(words, len(words) - 1):
        return [words[-1]]  # "welcomed by traders, who ..."
    return []


def _is_reduced_relative(words: list[Token]) -> bool:
    first = words[0]
    return not first.is_capitalized and (
        first.lower in _RELATIVES
        or is_participle(first)
        or (first.lower.endswith("ed") and len(first.lower) > 4)
        or first.lower in _participles()
    )


def _appositive_subject(
    sentence: str, spans: list[Span], low: int, protected: list[Span]
) -> list[Token]:
    """The subject a verb-first clause lost to a comma.

    "these attempts, however, broke down" -> "these attempts"; "Crown Prince Hassan,
    the king's brother, was asked ..." -> "Crown Prince Hassan".
    """
    candidates: list[list[Token]] = []
    for i in range(low - 1, -1, -1):
        tokens = strip_fillers(tokenize(sentence, *spans[i]))
        words = [t for t in tokens if t.is_word or t.lower == "'s"]
        if not words:
            continue  # "however"
        if _is_reduced_relative(words) or words[0].lower in _CUT_PREPOSITIONS:
            continue  # "the museum, founded in 1870, reopened"; "..., in an initiative, ..."
        if len(words) > MAX_APPOSITIVE_WORDS or has_verb(words):
            break
        if any(_inside(t, span) for t in words for span in protected):
            break
        candidates.append(words)
    if not candidates:
        return []
    named = [c for c in candidates if c[0].is_capitalized]
    return named[-1] if named else candidates[0]


# -- 1. the clause -------------------------------------------------------------------


def _core_clauses(sentence: str, spans: list[Span], target: Target) -> tuple[int, int]:
    """Indices of the first and last clause making up the date's clause."""
    index = next(
        (i for i, (a, b) in enumerate(spans) if a <= target.start < b),
        min(range(len(spans)), key=lambda i: abs(spans[i][0] - target.start)),
    )
    low = high = index

    def verbless(i: int) -> bool:
        words = [t for t in tokenize(sentence, *spans[i]) if not _inside(t, target)]
        return not has_verb(words)

    if index == 0 and len(spans) > 1 and _leads(sentence, spans[0]) and not verbless(1):
        return (
            0,
            1,
        )  # "In an attack read on TV Thursday, Saddam called ...": the clause after
    if not verbless(index):
        return low, high
    forward = index + 1 < len(spans) and (index == 0 or _leads(sentence, spans[index]))
    for step in (1, -1) if forward else (-1, 1):
        low = high = index
        probe = index + step
        while 0 <= probe < len(spans):
            low, high = min(low, probe), max(high, probe)
            if not verbless(probe):
                return low, high
            probe += step
    return index, index


def _leads(sentence: str, span: Span) -> bool:
    """A fragment such as "and on May 11, 1941" that opens the clause after it."""
    tokens = strip_fillers(tokenize(sentence, *span))
    return bool(tokens) and tokens[0].lower in lexicon.words("temporal_prepositions.txt")


def _sentence_subject(sentence: str, spans: list[Span], low: int, high: int) -> list[Token]:
    """The subject of the nearest other clause with a finite verb, if short."""
    order = [*range(low - 1, -1, -1), *range(high + 1, len(spans))]
    for i in order:
        tokens = strip_fillers(tokenize(sentence, *spans[i]))
        verb = next((j for j in range(len(tokens)) if is_finite_verb(tokens, j)), None)
        if verb is None:
            continue
        subject = [t for t in tokens[:verb] if t.lower not in lexicon.words("adverbs.txt")]
        if subject and subject[0].lower in _RELATIVES:
            continue  # "which is subject to approval": its noun is further back
        while subject and subject[-1].lower in {
            "last",
            "first",
            "never",
            "once",
            "jointly",
        }:
            subject.pop()
        if 0 < len(subject) <= MAX_SUBJECT_WORDS and not is_participle(tokens[0]):
            return _strip_auxiliaries(subject)
    return []


# -- 2. reporting ----------------------------------------------------------------------


def _reporting_verb(tokens: list[Token]) -> int | None:
    """Index of a reporting verb with a short subject before it."""
    for i, token in enumerate(tokens[: MAX_SUBJECT_WORDS + 2]):
        if token.lower not in lexicon.words("reporting_verbs.txt"):
            continue
        if i == 0 and (token.is_capitalized or len(tokens) < 2):
            continue
        if not is_finite_verb(tokens, i):
            continue
        before = tokens[:i]
        if any(_blocks_report(before, j) for j in range(len(before))):
            return None
        return i
    return None


def _blocks_report(tokens: list[Token], index: int) -> bool:
    """A verb before a reporting verb that makes it something else than its subject's verb."""
    if not is_finite_verb(tokens, index):
        return False
    word = tokens[index].lower
    return word not in lexicon.words("auxiliaries.txt") and not word.endswith("ed")


def _reported(tokens: list[Token], target: Target) -> tuple[list[Token], list[Token] | None]:
    """Split "<subject> <reporting verb> [that] <content>" when the date is in the content."""
    verb = _reporting_verb(tokens)
    if verb is None or _hypothetical(tokens):
        return tokens, None
    content = verb + 1
    that = next(
        (i for i in range(content, min(content + 6, len(tokens))) if tokens[i].lower == "that"),
        None,
    )
    if that is not None:
        if target.start < tokens[that].end:
            return tokens, None  # "said on Monday that ...": the date is the saying's
        content = that + 1
    prepositions = lexicon.words("temporal_prepositions.txt")
    passed_date = False
    while content < len(tokens) and (
        tokens[content].lower in {"that", ":"} | _QUOTES
        or tokens[content].lower in lexicon.words("adverbs.txt")
        or _inside(tokens[content], target)
        or (
            tokens[content].lower in prepositions
            and content + 1 < len(tokens)
            and _inside(tokens[content + 1], target)
        )
    ):
        passed_date = passed_date or _inside(tokens[content], target)
        content += 1
    if passed_date:
        return tokens, None  # "said on Friday he will ...": the date is the saying's
    if content >= len(tokens) or target.start < tokens[content].start:
        return tokens, None
    if tokens[content].lower == "to":  # "hopes to win": a plan, not a report
        return tokens, None
    if tokens[content].lower in _ADVERBIAL_OPENERS:  # "said as dawn broke Saturday"
        return tokens, None
    rest = [t for t in tokens[content:] if not _inside(t, target)]
    if not _has_clause(rest):
        return (
            tokens,
            None,
        )  # "reported a 12% rise", "added one more": an object, not a report
    rest = [t for t in tokens[content:] if t.is_word and not _inside(t, target)]
    if all(t.lower in prepositions for t in rest):  # "said on Friday": the saying itself
        return tokens, None
    subject = [t for t in tokens[:verb] if t.lower not in lexicon.words("adverbs.txt")]
    return tokens[content:], _strip_auxiliaries(strip_fillers(subject))


_CONDITIONALS = frozenset({"would", "might"})


def _hypothetical(tokens: list[Token]) -> bool:
    """ "lines had warned that a stoppage would disrupt ...": a saying about what might be.

    The title keeps who said it; the date is no plan of anybody's.
    """
    verb = _reporting_verb(tokens)
    if verb is None or tokens[verb].lower not in lexicon.words("hedging_verbs.txt"):
        return False  # "said that inspectors would return in July" is a plan
    return any(t.lower in _CONDITIONALS for t in tokens[verb + 1 :])


_ADVERBIAL_OPENERS = frozenset({"as", "when", "while", "after", "before", "since", "until"})


def _has_clause(tokens: list[Token]) -> bool:
    """A finite verb or a plan ("will", "plan to") somewhere in ``tokens``."""
    if any(is_finite_verb(tokens, i) for i in range(len(tokens))):
        return True
    text = " ".join(t.lower for t in tokens)
    return any(f" {m} " in f" {text} " for m in lexicon.phrases("future_markers.txt"))


def _only_reporting(tokens: list[Token], target: Target, protected: list[Span]) -> bool:
    """True for a bare "officials said on Friday" (or "... as dawn broke"): no content."""
    prepositions = lexicon.words("temporal_prepositions.txt")
    words = [
        t
        for t in tokens
        if t.is_word
        and t.lower not in prepositions
        and not any(a <= t.start < b for a, b in protected)
    ]
    verb = _reporting_verb(words)
    if verb is None:
        return False
    after = words[verb + 1 :]
    return not after or after[0].lower in _ADVERBIAL_OPENERS or not _has_clause(after)


def _saying(tokens: list[Token]) -> list[Token]:
    """ "officials said as dawn broke Saturday" / "at a briefing today" -> "officials said"."""
    verb = _reporting_verb(tokens)
    return tokens if verb is None else tokens[: verb + 1]


def _lower_first(tokens: list[Token]) -> list[Token]:
    """ "The plant" -> "the plant" when a clause moves behind "officials said"."""
    if tokens and tokens[0].lower in lexicon.words("openers.txt") and tokens[0].text != "I":
        first = tokens[0]
        return [Token(first.text.lower(), first.start, first.end), *tokens[1:]]
    return tokens


# -- 3. shapes ---------------------------------------------------------------------------


def _shape(
    tokens: list[Token],
    target: Target,
    subject: list[Token],
    context: TitleContext,
    previous: list[Token],
    protected: list[Span],
) -> list[Token]:
    if target.future and not _hypothetical(tokens):
        planned = _future(tokens, subject)
        if planned is not None:
            return planned
    first = _first_content_word(tokens)
    if first is not None and first == 0:
        first = _after_dates(tokens, protected)
    if first is not None and is_participle(tokens[first]):
        adjectives = _adjectives(tokens[:first])
        noun = _noun_title(tokens, target, context, False, adjectives=bool(adjectives))
        if noun is not None:
            return [*adjectives, *noun]
        if target.name is not None:
            return [_synthetic(target.name)]
        if has_verb(previous) and _bare(tokens[first + 1 :], protected):
            return strip_fillers(previous)  # "..., starting at noon Saturday": the main clause
        return _participle_clause(tokens, first, subject)
    noun = _noun_title(tokens, target, context, adjunct_only=True)
    if noun is not None and len(noun) > 1:
        return noun
    if (
        first is not None
        and subject
        and is_finite_verb(tokens, first)
        and not tokens[first].is_capitalized
    ):
        return [*subject, *tokens[first:]]  # "[The firm] went public in 2004"
    return tokens


def _after_dates(tokens: list[Token], protected: Sequence[Span]) -> int:
    """Index of the first token after a leading "on Aug. 7" (or 0)."""
    prepositions = lexicon.words("temporal_prepositions.txt")
    if not tokens or is_participle(tokens[0]):
        return 0
    index = 0
    while index < len(tokens) and (
        tokens[index].lower in prepositions or any(_inside(tokens[index], s) for s in protected)
    ):
        index += 1
    return index if index < len(tokens) and tokens[index].is_word else 0


def _bare(tokens: list[Token], protected: list[Span]) -> bool:
    """Nothing but dates, their prepositions and punctuation."""
    prepositions = lexicon.words("temporal_prepositions.txt") | _DATE_MODIFIERS
    return all(
        not t.is_word or t.lower in prepositions or any(_inside(t, span) for span in protected)
        for t in tokens
    )


def _first_content_word(tokens: list[Token]) -> int | None:
    for i, token in enumerate(tokens):
        if token.is_word and token.lower not in lexicon.words("adverbs.txt"):
            return i
    return None


def _future(tokens: list[Token], subject: list[Token]) -> list[Token] | None:
    """ "<subject> plan to meet ..." -> "<subject> to meet ..."."""
    lowered = [t.lower for t in tokens]
    expected = _expected_object(tokens)
    if expected is not None:
        return expected
    for marker in lexicon.phrases("future_markers.txt"):
        parts = marker.split()
        for i in range(len(tokens) - len(parts)):
            if lowered[i : i + len(parts)] != parts:
                continue
            after = tokens[i + len(parts) :]
            if not after or not after[0].is_word:
                continue
            own = _strip_auxiliaries(strip_fillers(tokens[:i]))
            own = _strip_reporting_tail(own)
            if _reporting_verb(own) is not None:
                return None  # "officials said [Thursday] the plant will close": the saying
            return [*(own or subject), _synthetic("to"), *after]
    return None


_EXPECT = frozenset({"expect", "expects", "expected", "want", "wants", "wanted"})


def _expected_object(tokens: list[Token]) -> list[Token] | None:
    """ "Officials expect the bridge to reopen" -> "the bridge to reopen"."""
    for i, token in enumerate(tokens):
        if token.lower not in _EXPECT or i == 0 or i + 1 >= len(tokens):
            continue
        if tokens[i + 1].lower == "to":
            return None
        for j in range(i + 2, min(i + 7, len(tokens) - 1)):
            if tokens[j].lower == "to" and tokens[j + 1].is_word:
                between = tokens[i + 1 : j]
                if all(t.is_word for t in between) and not has_verb(between):
                    return [*between, _synthetic("to"), *tokens[j + 1 :]]
                return None
    return None


def _strip_reporting_tail(tokens: list[Token]) -> list[Token]:
    """ "He also confirmed" -> "He": drop a trailing reporting verb and adverbs."""
    result = list(tokens)
    while result and (
        result[-1].lower in lexicon.words("reporting_verbs.txt")
        or result[-1].lower in lexicon.words("adverbs.txt")
        or result[-1].lower in {"that", ","}
    ):
        result.pop()
    return result


def _strip_auxiliaries(tokens: list[Token]) -> list[Token]:
    result = list(tokens)
    while result and result[-1].lower in lexicon.words("auxiliaries.txt"):
        result.pop()
    return result


_POSSESSIVES = frozenset({"his", "her", "its", "their"})


def _noun_title(
    tokens: list[Token],
    target: Target,
    context: TitleContext,
    adjunct_only: bool,
    adjectives: bool = False,
) -> list[Token] | None:
    """A date that only qualifies a noun makes a title of that noun.

    "setting a January 19 deadline" -> "deadline"; "since his Aug. 2 power-grab" ->
    "Saddam's power-grab" (with ``adjunct_only`` the noun phrase must follow a preposition,
    so "Biden signed the April 2024 law" keeps its clause).
    """
    inside = [i for i, t in enumerate(tokens) if _inside(t, target)]
    if not inside or target.name is not None:
        return None
    before, after = inside[0] - 1, inside[-1] + 1
    determiners = lexicon.words("determiners.txt")
    if before < 0 or tokens[before].lower not in determiners | _POSSESSIVES:
        return None
    noun = _noun_phrase_after(tokens, after)
    if not noun:
        return None
    adjunct = before > 0 and (
        tokens[before - 1].lower in _CUT_PREPOSITIONS
        or tokens[before - 1].lower in lexicon.words("temporal_prepositions.txt")
    )
    happening = any(t.lower in lexicon.words("event_nouns.txt") for t in noun)
    if adjunct_only and not (adjunct or happening):
        return None
    if len(noun) == 1 and tokens[before].lower not in {"his", "her"} and not adjectives:
        date_words = [_synthetic(t.text) for t in tokens[inside[0] : after]]
        noun = [*date_words, *noun]  # "1956 uprising": the date names it
    owner = tokens[before].lower
    if owner in {"his", "her"}:
        name = context.pronoun(max(tokens[before].start, 0))
        if name:
            return [_synthetic(f"{name}’s"), *noun]
    return noun


def _noun_phrase_after(tokens: list[Token], start: int) -> list[Token]:
    """ "deadline for quotas" -> "deadline"; "invasion of Kuwait" -> "invasion of Kuwait"."""
    noun: list[Token] = []
    index = start
    while index < len(tokens):
        token = tokens[index]
        if not token.is_word or token.is_capitalized or token.lower in _CUT_PREPOSITIONS:
            break
        if is_finite_verb(tokens, index) or is_participle(token) and noun:
            break
        noun.append(token)
        index += 1
    if not noun:
        return []
    if index + 1 < len(tokens) and tokens[index].lower == "of":
        complement = [tokens[index]]
        stops = _CUT_PREPOSITIONS | lexicon.words("temporal_prepositions.txt")
        for position in range(index + 1, min(index + 5, len(tokens))):
            token = tokens[position]
            if not token.is_word or token.lower in stops or is_finite_verb(tokens, position):
                break
            complement.append(token)
        if len(complement) > 1:
            noun.extend(complement)
    return noun


def _adjectives(tokens: list[Token]) -> list[Token]:
    """ "initially" -> "initial" for every such adverb in ``tokens``."""
    return [_synthetic(_adjective(t.lower)) for t in tokens if _adjective(t.lower)]


def _adjective(adverb: str) -> str:
    """ "initially" -> "initial", "tentatively" -> "tentative"; "" when not such an adverb."""
    if adverb.endswith("ly") and adverb[:-2].endswith(("al", "ive", "ous")):
        return adverb[:-2]
    return ""


def _participle_clause(tokens: list[Token], first: int, subject: list[Token]) -> list[Token]:
    """ "even crediting the platform" -> "<subject> credited the platform"."""
    verb = tokens[first]
    if not subject:
        return tokens[first:]
    past = Token(past_of_participle(verb.text), verb.start, verb.end)
    return [*subject, past, *tokens[first + 1 :]]


# -- 4. removing and tidying -----------------------------------------------------------


def _inside(token: Token, span: Target | Span) -> bool:
    start, end = (span.start, span.end) if isinstance(span, Target) else span
    return token.start >= 0 and start <= token.start and token.end <= end


def _remove_dates(tokens: list[Token], target: Target, protected: list[Span]) -> list[Token]:
    """Drop every date with its preposition; keep a named event's name, a moved deadline."""
    result = list(tokens)
    for span in sorted(set(protected), key=lambda s: -s[0]):
        indices = [i for i, t in enumerate(result) if _inside(t, span)]
        if not indices:
            continue
        first, last = indices[0], indices[-1]
        if span == (target.start, target.end) and _keeps_new_date(result, first):
            if first > 1 and result[first - 2].text == ",":
                del result[first - 2]
            continue
        end = last + 1
        if end < len(result) and result[end].lower in {"'s"}:
            end += 1
        if span == (target.start, target.end) and _coordinated_after(result, first, end):
            del result[end:]  # "rise by 8 percent this year and by a further 6 percent ..."
        start = first
        follower = result[end] if end < len(result) else None
        attributive = (
            first > 0
            and result[first - 1].lower in lexicon.words("determiners.txt") | _POSSESSIVES
            and follower is not None
            and follower.is_word
            and not follower.is_capitalized
            and follower.lower not in _CUT_PREPOSITIONS
            and not is_finite_verb(result, end)
        )
        while not attributive and start > 0 and result[start - 1].lower in _DATE_MODIFIERS:
            start -= 1
        preposition = not attributive and start > 0 and _is_date_preposition(result, start)
        if preposition in {"until", "till", "into", "through"} and _infinitive_at(result, end):
            continue  # "could take until mid-December to clear": the date holds it together
        if not preposition and not attributive:
            # "for its (seasonally slow) fourth quarter": the words before the date go with it
            owner = _date_owner(result, start)
            if owner is not None:
                start = owner
                preposition = _is_date_preposition(result, start) or "for"
        if preposition:
            start -= len(preposition.split())
            if start > 0 and is_participle(result[start - 1]) and _ends_phrase(result, end):
                start -= 1  # "a stoppage lasting into November would ...": "lasting" goes too
        replacement: list[Token] = []
        if target.name is not None and span == (target.start, target.end):
            lead = "at" if preposition else ""
            replacement = [_synthetic(word) for word in f"{lead} {target.name}".split()]
        result[start:end] = replacement
    return result


def _date_owner(tokens: list[Token], start: int) -> int | None:
    """Start of "its" / "the seasonally slow" before a date, when a preposition opens it."""
    for k in range(1, 5):
        index = start - k
        if index < 1 or not tokens[index].is_word or tokens[index].is_capitalized:
            return None
        if tokens[index].lower in _POSSESSIVES | _ARTICLES:
            opens = _is_date_preposition(tokens, index) or tokens[index - 1].lower == "for"
            # between them only an adverb and its adjective ("seasonally slow"), never a noun
            modifiers = k == 1 or tokens[index + 1].lower.endswith("ly")
            return index if opens and modifiers else None
        if is_finite_verb(tokens, index):
            return None
    return None


def _infinitive_at(tokens: list[Token], index: int) -> bool:
    return (
        index + 1 < len(tokens)
        and tokens[index].lower == "to"
        and tokens[index + 1].is_word
        and not tokens[index + 1].is_capitalized
    )


def _ends_phrase(tokens: list[Token], end: int) -> bool:
    """Nothing, punctuation or a verb follows: the phrase before ``end`` is complete."""
    return end >= len(tokens) or not tokens[end].is_word or is_finite_verb(tokens, end)


def _coordinated_after(tokens: list[Token], first: int, end: int) -> bool:
    """The date closes its clause and "and"/"but" starts another phrase after it."""
    if end >= len(tokens) or tokens[end].lower not in {"and", "but", "while"}:
        return False
    return any(is_finite_verb(tokens, i) for i in range(first))


def _is_date_preposition(tokens: list[Token], index: int) -> str:
    """The temporal preposition ending just before ``index`` ("" if none)."""
    for phrase in lexicon.phrases("temporal_prepositions.txt"):
        parts = phrase.split()
        if index >= len(parts) and [t.lower for t in tokens[index - len(parts) : index]] == parts:
            return phrase
    return ""


def _keeps_new_date(tokens: list[Token], first: int) -> bool:
    """ "extended that timeline ... to December 16": the new date is the news."""
    if first == 0 or tokens[first - 1].lower not in {"to", "until", "till"}:
        return False
    return any(t.lower in lexicon.words("change_verbs.txt") for t in tokens[:first])


def strip_fillers(tokens: list[Token]) -> list[Token]:
    """Drop leading punctuation and filler phrases ("Notably,", "At the same time")."""
    result = list(tokens)
    changed = True
    while changed and result:
        changed = False
        while result and (not result[0].is_word or result[0].lower in _QUOTES):
            if result[0].text in _CURRENCIES and len(result) > 1 and result[1].is_word:
                break
            result.pop(0)
            changed = True
        lowered = [t.lower for t in result]
        for phrase in lexicon.phrases("fillers.txt"):
            parts = phrase.split()
            if lowered[: len(parts)] == parts and len(parts) < len(result):
                del result[: len(parts)]
                changed = True
                break
    return result


def _tidy(tokens: list[Token], context: TitleContext, subject: list[Token]) -> list[Token]:
    tokens = _drop_absolute(_drop_parentheses(tokens))
    tokens = _drop_leading_phrase(strip_fillers(tokens))
    tokens = strip_fillers(tokens)
    tokens = _drop_adverbs(tokens)
    tokens = _resolve_pronouns(tokens, context, subject)
    tokens = _names(tokens, context)
    tokens = _simple_past(tokens)
    tokens = _drop_after_reporting(tokens)
    tokens = _definite(tokens)
    tokens = [
        t
        for i, t in enumerate(tokens)
        if not (t.text == "," and i + 1 < len(tokens) and tokens[i + 1].lower in {"to", "until"})
    ]
    if len(tokens) > 2 and tokens[0].lower == "that" and not is_finite_verb(tokens, 1):
        tokens = tokens[1:]
    while tokens and tokens[0].lower in _ARTICLES and len(tokens) > 2:
        tokens = tokens[1:]
    return _lead(tokens, subject)


_LEADING_JUNK = frozenset({"or", "and", "but", "nor", "of", "so"})


def _lead(tokens: list[Token], subject: list[Token]) -> list[Token]:
    """No title opens on a conjunction; a left-over "which"/"who" becomes the subject."""
    while len(tokens) > 2 and tokens[0].lower in _LEADING_JUNK:
        tokens = strip_fillers(tokens[1:])
    if len(tokens) > 2 and tokens[0].lower in {"which", "who"} and is_finite_verb(tokens, 1):
        known = [t for t in subject if t.lower not in {"which", "who"}]
        tokens = [*known, *tokens[1:]] if known else tokens
    return tokens


def _drop_absolute(tokens: list[Token]) -> list[Token]:
    """ "kickoff at 9 a.m., with the vendor calling in" -> "kickoff at 9 a.m."."""
    for i in range(2, len(tokens) - 2):
        absolute = tokens[i].text == "," and tokens[i + 1].lower == "with"
        if absolute and any(is_participle(t) for t in tokens[i + 2 :]):
            return tokens[:i]
    return tokens


def _drop_leading_phrase(tokens: list[Token]) -> list[Token]:
    """ "In Washington, the agency released ..." -> "the agency released ..."."""
    if not tokens or tokens[0].lower not in _CUT_PREPOSITIONS:
        return tokens
    for i, token in enumerate(tokens[:10]):
        if token.text == ",":
            return tokens[i + 1 :] if i + 3 < len(tokens) else tokens
    return tokens


def _drop_adverbs(tokens: list[Token]) -> list[Token]:
    result: list[Token] = []
    lowered = [t.lower for t in tokens]
    skip = 0
    for i, token in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        phrase = next(
            (
                p
                for p in lexicon.phrases("adverbs.txt")
                if lowered[i : i + len(p.split())] == p.split()
            ),
            None,
        )
        if phrase is not None and len(tokens) > 2:
            skip = len(phrase.split()) - 1
            continue
        result.append(token)
    return result


def _drop_parentheses(tokens: list[Token]) -> list[Token]:
    result: list[Token] = []
    depth = 0
    for token in tokens:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            result.append(token)
    return result


def _resolve_pronouns(
    tokens: list[Token], context: TitleContext, subject: list[Token]
) -> list[Token]:
    """ "he and Xi" -> "Trump and Xi", from the reporting subject or the last named one."""
    result: list[Token] = []
    for token in tokens:
        if token.lower == "their" and not result and len(tokens) > 2:
            result.append(Token("The", token.start, token.end))  # "Their boat sank": the boat
            continue
        if token.lower in {"it", "they", "its"} and not result:
            result.extend(_impersonal(token, subject, context))
            continue
        if token.lower not in _PRONOUNS:
            result.append(token)
            continue
        before = bool(subject) and 0 <= subject[0].start < token.start
        name = (_name_of(subject) if before else None) or context.pronoun(max(token.start, 0))
        if name is not None and _COMPANY.search(name):
            name = None  # "he" is no company
        if name is None and subject and token.start >= 0:
            name = _noun_phrase(subject)
        if name is None or set(name.split()) & {t.text for t in result}:
            result.append(token)
            continue
        words = name.split()
        if result and words[0].lower() in _ARTICLES:
            words[0] = words[0].lower()
        result.extend(_synthetic(word) for word in words)
    return result


_SPEAKERS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "analyst", "executive", "source"}
    | {"chairman", "director", "minister", "president", "officer", "lawyer", "he", "she"}
)
_GROUPS = frozenset({"police", "people", "staff", "government", "board", "team", "union"})


_COMPANY = re.compile(
    r"\b(?:Inc|Corp|Co|Ltd|PLC|plc|AG|SA|S\.A|N\.V|Group|Bank|Airlines|Holdings)\.?$"
)


def _impersonal(token: Token, subject: list[Token], context: TitleContext) -> list[Token]:
    """A leading "it"/"they" as the subject that said it in the same sentence.

    "Hadson Corp. said it expects ..." -> "Hadson Corp. expects ..."; only a subject
    earlier in the same sentence counts, and "they" only for a plural one.
    """
    if token.lower in {"its", "their"}:
        pronoun = Token("it" if token.lower == "its" else "they", token.start, token.end)
        owner = _impersonal(pronoun, subject, context)
        if owner[0].start >= 0 and owner[0].lower in {"it", "they"}:
            return [token]
        return [*owner[:-1], _synthetic(owner[-1].text + "’s")]
    if not subject or not 0 <= subject[0].start < token.start:
        name = context.pronoun(max(token.start, 0)) if token.lower == "it" else None
        if name and _COMPANY.search(name):
            return [_synthetic(word) for word in name.split()]  # the company named before
        return [token]
    words = [t for t in subject if t.is_word or t.lower == "'s"]
    if words and words[0].lower in lexicon.words("temporal_prepositions.txt"):
        numbers = [i for i, t in enumerate(words) if t.text[:1].isdigit()]
        words = words[numbers[-1] + 1 :] if numbers else []  # "In 1903 Panama" -> "Panama"
    if not words or words[0].lower in _PRONOUNS | {"it", "they", "we", "i", "you"}:
        return [token]
    if len(words) > MAX_SUBJECT_WORDS or any(t.lower in _RELATIVES for t in words):
        return [token]
    last = words[-1].lower
    plural = last.endswith("s") and not last.endswith(("ss", "'s")) or last in _GROUPS
    named = words[-1].is_capitalized
    if token.lower == "they" and (named or not plural):
        return [token]
    if last in _SPEAKERS:
        return [token]  # "a spokesman said its stock ...": the stock is not the spokesman's
    if token.lower == "it" and not named and plural and last not in _GROUPS:
        return [token]
    return [*words[:-1], Token(words[-1].text, -1, -1)] if named else list(words)


def _name_of(tokens: list[Token]) -> str | None:
    words = [t for t in strip_roles(tokens) if t.is_word]
    if words and all(t.is_capitalized for t in words) and words[0].lower not in _PRONOUNS:
        return " ".join(t.text for t in words)
    tail: list[Token] = []  # "Secretary of State Madeleine Albright" -> "Madeleine Albright"
    for token in reversed(words):
        if not token.is_capitalized or token.lower in lexicon.pairs("roles.txt"):
            break
        tail.insert(0, token)
    if tail and len(tail) < len(words) and words[-len(tail) - 1].is_capitalized:
        return " ".join(t.text for t in tail)
    return None


def _noun_phrase(tokens: list[Token]) -> str | None:
    """A short subject such as "The mayor" a pronoun may stand for."""
    words = [t for t in tokens if t.is_word]
    if 0 < len(words) <= 4 and words[0].lower in _ARTICLES and len(words) == len(tokens):
        return " ".join(t.text for t in words)
    return None


def _names(tokens: list[Token], context: TitleContext) -> list[Token]:
    """Strip role words before names and use the short form of a name the text uses."""
    result: list[Token] = []
    run: list[Token] = []
    for token in [*tokens, _synthetic("")]:
        if token.text and (token.is_capitalized or (run and token.lower in {"of", "the"})):
            run.append(token)
            continue
        result.extend(_shorten_run(run, context))
        run = []
        if token.text:
            result.append(token)
    return result


def _shorten_run(run: list[Token], context: TitleContext) -> list[Token]:
    if not run:
        return []
    stripped = strip_roles(run)
    if not stripped:
        return run
    name = " ".join(t.text for t in stripped)
    if not _person_like(stripped):
        return stripped
    short = context.short_name(name, allow_first=len(stripped) < len(run))
    if short == name:
        return stripped
    return [_synthetic(short)]


def _person_like(run: list[Token]) -> bool:
    """Two or three capitalized words, none of them an article or a sentence opener."""
    openers = lexicon.words("openers.txt")
    return 2 <= len(run) <= 3 and all(
        t.text.isalpha() and t.text[0].isupper() and t.lower not in openers for t in run
    )


def strip_roles(run: list[Token]) -> list[Token]:
    """ "Former President Joe Biden" -> "Joe Biden" (needs a title word and a name after)."""
    roles = lexicon.pairs("roles.txt")
    end = 0
    titled = False
    for i, token in enumerate(run):
        kind = roles.get(token.lower)
        if kind is None:
            break
        titled = titled or kind == "title"
        end = i + 1
    rest = run[end:]
    if titled and rest and all(t.is_capitalized for t in rest):
        return rest
    return run


def _simple_past(tokens: list[Token]) -> list[Token]:
    """ "has (twice) extended" -> "(twice) extended", "has taken" -> "took"."""
    result = list(tokens)
    index = 0
    while index < len(result):
        modal = index > 0 and result[index - 1].lower in lexicon.words("auxiliaries.txt")
        if result[index].lower in {"has", "have", "had"} and not modal:
            following = index + 1
            while following < len(result) and _is_manner_adverb(result[following].lower):
                following += 1
            word = result[following].lower if following < len(result) else ""
            forms = irregular_forms().get(word)
            if word != "been" and (word.endswith("ed") or (forms and word == forms[2])):
                if forms and word == forms[2]:
                    verb = result[following]
                    result[following] = Token(forms[1], verb.start, verb.end)
                del result[index]
                continue
        index += 1
    return result


def _is_manner_adverb(word: str) -> bool:
    return word in {"twice", "thrice", "again", "once"} or (len(word) > 4 and word.endswith("ly"))


@cache
def _participles() -> frozenset[str]:
    return frozenset(row[2] for row in lexicon.rows("irregular_verbs.txt"))


def _definite(tokens: list[Token]) -> list[Token]:
    """ "extended that timeline" -> "extended the timeline": a title has no context to point at."""
    result = list(tokens)
    for i in range(1, len(result) - 1):
        word, following = result[i].lower, result[i + 1]
        if word not in {"that", "this", "these", "those"} or not following.is_word:
            continue
        if following.is_capitalized or is_finite_verb(result, i + 1):
            continue
        closed = lexicon.words("determiners.txt") | lexicon.words("auxiliaries.txt")
        if following.lower in closed or _looks_past(following):
            continue  # "showed that the company", "gains that began": "that" is no determiner
        if is_finite_verb(result, i - 1) and result[i - 1].lower not in lexicon.words(
            "reporting_verbs.txt"
        ):
            result[i] = Token("the", result[i].start, result[i].end)
    return result


def _looks_past(token: Token) -> bool:
    forms = irregular_forms().get(token.lower)
    return token.lower.endswith("ed") or (forms is not None and token.lower == forms[1])


def _drop_after_reporting(tokens: list[Token]) -> list[Token]:
    """ "said that the deal" -> "said the deal"."""
    result: list[Token] = []
    for i, token in enumerate(tokens):
        previous = tokens[i - 1].lower if i else ""
        recent = {t.lower for t in tokens[max(0, i - 5) : i]}
        following = i + 1 < len(tokens) and is_finite_verb(tokens, i + 1)
        reported = bool(recent & lexicon.words("reporting_verbs.txt"))
        right_after = previous in lexicon.words("reporting_verbs.txt")
        if token.lower == "that" and reported and (right_after or not following):
            continue
        result.append(token)
    return result


def _is_future_to(token: Token) -> bool:
    return token.start < 0 and token.text == "to"


def _synthetic(text: str) -> Token:
    return Token(text, -1, -1)


# -- 5. the string -----------------------------------------------------------------------


def _finish(tokens: list[Token]) -> str:
    words: list[Token] = []
    for token in tokens:
        if not token.text or token.text in _QUOTES:
            continue
        if token.text in {",", ";"} and (not words or words[-1].text in {",", ";", "("}):
            continue  # ",," left where an adverb or a date was
        words.append(token)
    words = _trim_dangling(words)
    title = _join(words)
    if len(title) > SOFT_TITLE:
        words = _cut_phrases(words)
        while len(words) > 2 and words[0].lower in _ARTICLES:
            words = words[1:]
        title = _join(words)
    if len(title) > MAX_TITLE:
        clean = _clean_cut(words)
        if clean:
            title = _join(clean)
        else:
            title = title[: MAX_TITLE - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return title[:1].upper() + title[1:]


_CLAUSE_BREAKS = frozenset(
    {"and", "or", "but", "that", "which", "who", "whose", "to", "while", "than", "because"}
    | {"if", "when", "where", "whether", "although", "though", "unless"}
)


def _clean_cut(words: list[Token]) -> list[Token]:
    """The longest head of a long title that ends at a phrase boundary after its verb.

    "Two exile leaders and 133 other people were arrested and police were ..." ->
    "Two exile leaders and 133 other people were arrested"; [] when there is none.
    """
    main = _main_verb(words)
    if main is None:
        return []
    for cut in range(len(words) - 1, main, -1):
        word = words[cut]
        boundary = (
            word.lower in _CUT_PREPOSITIONS
            or word.lower in _CLAUSE_BREAKS
            or word.text in {",", ";", "_", "-", "—", "–"}
            or is_participle(word)
        )
        if not boundary:
            continue
        head = _trim_dangling(words[:cut])
        if len(head) > main and len(_join(head)) <= MAX_TITLE:
            return head
    return []


def _fallback(sentence: str, protected: list[Span]) -> str:
    """The sentence's first words without its dates, when no clause gave a title."""
    tokens = [t for t in tokenize(sentence) if not any(_inside(t, span) for span in protected)]
    words = strip_fillers(tokens)[:10]
    return _finish(words) or sentence.strip()[:MAX_TITLE]


def _join(tokens: list[Token]) -> str:
    text = ""
    for token in tokens:
        glue = " "
        if not text or token.text in _NO_SPACE_BEFORE or text.endswith(("(", "$", "£", "€")):
            glue = ""
        elif text.endswith(":") and text[-2:-1].isdigit() and token.text[:1].isdigit():
            glue = ""  # "2:30"
        text += glue + token.text
    return text.strip()


def _trim_dangling(tokens: list[Token]) -> list[Token]:
    result = list(tokens)
    while result and (
        (not result[-1].is_word and result[-1].text not in {"%", ")"})
        or result[-1].lower in _DANGLING
        or (  # "arrived in Washington seeking", not "at its meeting"
            len(result) > 3 and is_participle(result[-1]) and result[-2].is_capitalized
        )
    ):
        result.pop()
    while result and not result[0].is_word:
        result.pop(0)
    return result


def _cut_phrases(tokens: list[Token]) -> list[Token]:
    """Shorten a long title: drop a leading "X said", trailing phrases, phrases in the subject."""
    result = list(tokens)
    main = _main_verb(result)
    anchor = 2 if main is None else main
    while len(_join(result)) > SOFT_TITLE:
        cuts = [
            i
            for i in range(anchor + 2, len(result))
            if result[i].lower in _CUT_PREPOSITIONS or result[i].text in {",", ";"}
        ]
        if not cuts:
            break
        result = _trim_dangling(result[: cuts[-1]])
    if len(_join(result)) > SOFT_TITLE and main is not None:
        result = _drop_subject_phrase(result, main)
    verb = _reporting_verb(result)
    long_report = len(_join(result)) > MAX_TITLE and verb is not None and verb + 2 < len(result)
    if long_report and _main_verb(result[verb + 1 :]) is not None:
        result = _cut_phrases(result[verb + 1 :])  # the report alone, as a last resort
    return result


def _main_verb(tokens: list[Token]) -> int | None:
    return next(
        (i for i in range(len(tokens)) if is_finite_verb(tokens, i) or _is_future_to(tokens[i])),
        None,
    )


def _drop_subject_phrase(tokens: list[Token], verb: int) -> list[Token]:
    """ "Construction of the new embassy may have prevented ..." -> "Construction may ..."."""
    for i in range(1, verb):
        if tokens[i].lower in _CUT_PREPOSITIONS and not tokens[i - 1].is_capitalized:
            return [*tokens[:i], *tokens[verb:]]
    return tokens
