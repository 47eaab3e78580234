"""Load, validate and compile the rule tables in ``data/<lang>/`` once.

``patterns.yaml`` holds named fragments (word tables such as month names, or small
regexes built from other fragments); ``rules.yaml`` holds the rules. A rule pattern
refers to a fragment as ``{name}``; a literal space in a pattern means "one to three
whitespace characters". Every rule is compiled at import and checked: unknown
fragments, bad regexes, missing fields or duplicate names fail loudly here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"
TYPES = ("DATE", "TIME", "DURATION", "SET")
#: a match ends at a word boundary, or between a number and a capitalized word: headings
#: run into the next line when text is extracted ("1917-1918Events of 1917")
_END = r"(?:(?!\w)|(?<=\d)(?=[A-Z][a-z]))"
_REF = re.compile(r"\{(\w+)(?::[^}]*)?\}")
#: fields normalize.py derives from groups, usable in value templates
DERIVED = ("hour24", "minute2")
_RULE_KEYS = {
    "name",
    "pattern",
    "type",
    "value",
    "mod",
    "examples",
    "priority",
    "not_after",
    "not_before",
    "timeml",
    "clock",
}


class RuleError(ValueError):
    """A rule or fragment table is malformed."""


@dataclass(frozen=True)
class Fragment:
    """A named piece of pattern: a word table, a regex, or both."""

    name: str
    regex: str
    words: dict[str, Any] = field(default_factory=dict)
    #: with ``stretch``: the table keyed by squeezed forms ("tomorrowww" finds "tomorrow")
    squeezed: dict[str, Any] = field(default_factory=dict)

    def lookup(self, text: str) -> Any:
        """The table value for a matched form, or None."""
        canon = _canon(text)
        found = self.words.get(canon)
        if found is None and self.squeezed:
            return self.squeezed.get(_squeeze(canon))
        return found


@dataclass(frozen=True)
class Rule:
    """One compiled extraction rule."""

    name: str
    regex: re.Pattern[str]
    type: str
    values: tuple[str, ...]
    mod: str | None
    examples: tuple[str, ...]
    priority: int = 0
    not_after: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    timeml: bool = True
    #: every match holds one of these words (lower case) or, if ``digits``, a digit
    triggers: frozenset[str] = frozenset()
    digits: bool = False
    #: how a match reads when the reference holds a clock time ("2 hours ago" at 18:05):
    #: matched again at the same start with its own pattern, type and values
    clock: Rule | None = None


@dataclass(frozen=True)
class RuleSet:
    """All fragments and rules of one language, plus its tense cues."""

    fragments: dict[str, Fragment]
    rules: tuple[Rule, ...]
    #: every rule's trigger words
    trigger_words: frozenset[str]
    modifier: re.Pattern[str]
    future_cues: frozenset[str]
    future_strong: frozenset[str]
    deadline_verbs: frozenset[str]
    deadline_preps: frozenset[str]
    #: "set for Saturday", "has until Friday": preposition -> the words right before it
    arranged_before: dict[str, frozenset[str]]
    past_cues: frozenset[str]
    past_suffix: str
    past_exceptions: frozenset[str]
    #: "planned to leave on Thursday": verbs whose infinitive points a weekday forward
    plan_verbs: frozenset[str] = frozenset()
    #: "On Tuesday, the league plans to ...": present plan verbs that point a fronted date ahead
    plans_after: frozenset[str] = frozenset()
    #: "had been scheduled to expire Friday": auxiliaries that turn a following future cue past
    perfect: frozenset[str] = frozenset()
    #: "will be held Friday": auxiliaries after which a participle is no past cue
    passive: frozenset[str] = frozenset()
    #: "is meeting Tuesday": present auxiliaries of a progressive that points ahead
    progressive: frozenset[str] = frozenset()


def _canon(text: str) -> str:
    return " ".join(text.lower().split())


_RUN = re.compile(r"([a-z])\1+")


def _squeeze(text: str) -> str:
    """A word with every run of one letter written once ("soooon" -> "son")."""
    return _RUN.sub(r"\1", text)


def _stretched(word: str) -> str:
    """A word whose doubled letters and last letter may be drawn out ("sooon", "2niteee").

    Each run becomes one regex atom (``oo+``), so no two atoms compete for one letter
    and matching stays linear.
    """
    out = []
    runs = [m.group() for m in re.finditer(r"(.)\1*", word)]
    for i, run in enumerate(runs):
        atom = re.escape(run[0]) if run[0] != " " else r"\s{1,3}"
        if run[0] == " ":
            out.append(atom)
        elif len(run) > 1 or (i == len(runs) - 1 and run.isalpha()):
            out.append(atom * len(run) + "+")
        else:
            out.append(atom)
    return "".join(out)


def _word_regex(word: str, case: str, stretch: bool = False) -> str:
    if stretch:
        return _stretched(word)
    parts = [re.escape(p) for p in word.split(" ")]
    body = r"\s{1,3}".join(parts)
    if case == "exact":
        return body
    if case == "lower":
        return f"(?-i:{body})"
    if case == "title":
        upper = r"\s{1,3}".join(re.escape(p.upper()) for p in word.split(" "))
        title = r"\s{1,3}".join(re.escape(p[:1].upper() + p[1:]) for p in word.split(" "))
        return f"(?-i:{title}|{upper})"
    return body


def _build_fragment(name: str, spec: Any, done: dict[str, Fragment]) -> Fragment:
    if not isinstance(spec, dict):
        raise RuleError(f"fragment {name!r}: expected a mapping")
    words = spec.get("words") or {}
    case = spec.get("case", "any")
    stretch = bool(spec.get("stretch", False))
    if case not in ("any", "title", "exact", "lower"):
        raise RuleError(f"fragment {name!r}: bad case {case!r}")
    if "pattern" in spec:
        regex = _expand(spec["pattern"], done, f"fragment {name!r}")
    elif words:
        # longest first so "sept." wins over "sep"
        forms = sorted(words, key=lambda w: len(str(w)), reverse=True)
        alts = "|".join(_word_regex(str(w), case, stretch) for w in forms)
        # a form ending in "." must not need a word boundary after it
        regex = rf"(?:{alts})(?:(?<=\.)|\b)"
    else:
        raise RuleError(f"fragment {name!r}: needs `words` or `pattern`")
    table = {_canon(str(k)): v for k, v in words.items()}
    squeezed = {_squeeze(k): v for k, v in table.items()} if stretch else {}
    return Fragment(name=name, regex=regex, words=table, squeezed=squeezed)


def _expand(pattern: str, fragments: dict[str, Fragment], where: str) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name.isdigit() or "," in name:
            return m.group(0)
        if name not in fragments:
            raise RuleError(f"{where}: unknown fragment {{{name}}}")
        return f"(?:{fragments[name].regex})"

    expanded = re.sub(r"\{(\w+)\}", sub, pattern)
    return expanded.replace(" ?", r"\s?").replace(" ", r"\s{1,3}")


#: words too common to tell a rule is worth running; no rule consists of these alone
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "on",
        "at",
        "in",
        "to",
        "and",
        "or",
        "for",
        "by",
        "is",
        "s",
        "t",
        "m",
        "d",
        "this",
        "that",
        "these",
        "those",
    ]
)
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_ESCAPE = re.compile(r"\\[A-Za-z]|\(\?P<\w+>|\{\w+(?:,\d*)?\}|\[[^\]]*\]")


def _fragment_words(name: str, spec: Any, raw: dict[str, Any], seen: set[str]) -> tuple[set, bool]:
    """Words (and whether digits) a fragment can match, following {refs}."""
    if name in seen:
        return set(), False
    seen.add(name)
    words: set[str] = set()
    digits = False
    for form in spec.get("words") or {}:
        words.update(t.lower() for t in _TOKEN.findall(str(form)))
        digits = digits or any(c.isdigit() for c in str(form))
    if "pattern" in spec:
        more, more_digits = _pattern_words(spec["pattern"], raw, seen)
        words |= more
        digits = digits or more_digits
    return words, digits


def _pattern_words(pattern: str, raw: dict[str, Any], seen: set[str]) -> tuple[set, bool]:
    words: set[str] = set()
    digits = bool(re.search(r"\\d|\d|\[[^\]]*\d", pattern))
    for ref in re.findall(r"\{(\w+)\}", pattern):
        if ref in raw:
            more, more_digits = _fragment_words(ref, raw[ref], raw, seen)
            words |= more
            digits = digits or more_digits
    literal = _ESCAPE.sub(" ", pattern)
    words.update(t.lower() for t in _TOKEN.findall(literal))
    return words, digits


#: libyaml's parser when PyYAML was built with it: the same data, read about 8x faster
#: (the tables are read at every process start, including each worker of a large run)
YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str) -> Any:
    """The data of a packaged YAML table, with the fastest safe loader available."""
    return yaml.load(text, Loader=YAML_LOADER)


def _load_yaml(path: Path) -> Any:
    return read_yaml(path.read_text(encoding="utf-8"))


def _compile(regex: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(regex, flags)
    except re.error as exc:
        raise RuleError(f"{where}: bad regex: {exc}") from exc


def _build_rule(
    spec: dict[str, Any], fragments: dict[str, Fragment], raw: dict[str, Any] | None = None
) -> Rule:
    name = spec.get("name")
    if not name:
        raise RuleError(f"rule without a name: {spec!r}")
    unknown = set(spec) - _RULE_KEYS
    if unknown:
        raise RuleError(f"rule {name!r}: unknown keys {sorted(unknown)}")
    for key in ("pattern", "type", "value"):
        if key not in spec:
            raise RuleError(f"rule {name!r}: missing {key!r}")
    if spec["type"] not in TYPES:
        raise RuleError(f"rule {name!r}: bad type {spec['type']!r}")
    where = f"rule {name!r}"
    # grouped, so that a rule written as alternatives never starts inside a word ("mon[soon]")
    body = _expand(spec["pattern"], fragments, where)
    regex = _compile(r"(?<!\w)(?:" + body + ")" + _END, where)
    values = spec["value"] if isinstance(spec["value"], list) else [spec["value"]]
    for value in values:
        for ref in _REF.findall(value):
            if ref not in regex.groupindex and ref not in DERIVED:
                raise RuleError(f"{where}: value refers to unknown group {{{ref}}}")
    examples = tuple(spec.get("examples") or ())
    if not examples:
        raise RuleError(f"{where}: needs at least one example")
    not_after = spec.get("not_after")
    not_before = spec.get("not_before")
    clock = spec.get("clock")
    if clock is not None and not isinstance(clock, dict):
        raise RuleError(f"{where}: 'clock' must be a mapping with a value")
    words, digits = _pattern_words(spec["pattern"], raw or {}, set())
    return Rule(
        name=name,
        regex=regex,
        type=spec["type"],
        values=tuple(values),
        mod=spec.get("mod"),
        examples=examples,
        priority=int(spec.get("priority", 0)),
        # vetoes are case-sensitive: they often test for capitals
        not_after=_compile(f"(?:{not_after})$", where, 0) if not_after else None,
        not_before=_compile(f"(?:{not_before})", where, 0) if not_before else None,
        timeml=bool(spec.get("timeml", True)),
        triggers=frozenset(words - STOPWORDS),
        digits=digits,
        clock=_build_clock_rule(spec, clock, fragments) if clock else None,
    )


def _build_clock_rule(
    spec: dict[str, Any], clock: dict[str, Any], fragments: dict[str, Fragment]
) -> Rule:
    """The variant of a rule used with a clock time: its keys override the rule's."""
    inherited = {k: v for k, v in spec.items() if k in ("name", "pattern", "type", "examples")}
    merged = {**inherited, **clock, "name": f"{spec['name']}@clock"}
    return _build_rule(merged, fragments)


@cache
def load(lang: str = "en") -> RuleSet:
    """Load and compile the rule set of ``lang`` (cached: compiled once per process)."""
    base = DATA_DIR / lang
    raw_fragments = _load_yaml(base / "patterns.yaml")
    fragments: dict[str, Fragment] = {}
    for name, spec in raw_fragments.items():
        fragments[name] = _build_fragment(name, spec, fragments)
    raw_rules = _load_yaml(base / "rules.yaml")
    rules: list[Rule] = []
    seen: set[str] = set()
    for spec in raw_rules:
        rule = _build_rule(spec, fragments, raw_fragments)
        if rule.name in seen:
            raise RuleError(f"duplicate rule name {rule.name!r}")
        seen.add(rule.name)
        rules.append(rule)
    tense = _load_yaml(base / "tense.yaml")
    modifier = _compile(
        r"(?<!\w)(?P<mod>" + fragments["modifier"].regex + r")[\s-]{0,3}$", "modifier"
    )
    return RuleSet(
        fragments=fragments,
        rules=tuple(rules),
        trigger_words=frozenset().union(*(r.triggers for r in rules)),
        modifier=modifier,
        future_cues=frozenset(tense["future"]),
        future_strong=frozenset(tense["future_strong"]),
        deadline_verbs=frozenset(tense["deadline_verbs"]),
        deadline_preps=frozenset(tense["deadline_preps"]),
        arranged_before={
            prep: frozenset(words) for prep, words in tense.get("arranged_before", {}).items()
        },
        past_cues=frozenset(tense["past"]),
        past_suffix=tense["past_suffix"],
        past_exceptions=frozenset(tense["past_suffix_exceptions"]),
        plan_verbs=frozenset(tense.get("plan_verbs", ())),
        plans_after=frozenset(tense.get("plans_after", ())),
        perfect=frozenset(tense.get("perfect", ())),
        passive=frozenset(tense.get("passive", ())),
        progressive=frozenset(tense.get("progressive", ())),
    )
