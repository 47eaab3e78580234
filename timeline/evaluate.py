"""TempEval-3 timex scores (UzZaman et al. 2013), computed as the official script does.

Per document, gold and system timexes are matched one to one: identical spans
first, then the remaining pairs by largest overlap. A matched pair is a relaxed
match; with an identical span it is also a strict match. Counts are summed over
the corpus (micro average); precision is matches / system timexes, recall is
matches / gold timexes. Type and value accuracy are taken over relaxed matches,
and type F1 / value F1 = relaxed F1 x accuracy. Only timexes with ``timeml=True``
count, and the DCT (t0) is never scored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from timeline.formats.timeml import TimeMLDocument, read_timeml, timeml_timexes
from timeline.model import Timex

Tagger = Callable[[str, date], list[Timex]]
ErrorKind = Literal["missed", "spurious", "wrong span", "wrong type", "wrong value"]
ERROR_KINDS: tuple[str, ...] = ("missed", "spurious", "wrong span", "wrong type", "wrong value")
#: Every metric :class:`Scores` derives, in report order.
METRICS: tuple[str, ...] = (
    "strict_precision",
    "strict_recall",
    "strict_f1",
    "relaxed_precision",
    "relaxed_recall",
    "relaxed_f1",
    "type_accuracy",
    "value_accuracy",
    "type_f1",
    "value_f1",
)


class EvaluationError(ValueError):
    """Gold and system files that cannot be scored together."""


@dataclass(frozen=True)
class DocumentCounts:
    """One document's counts, and the pairs behind them (for error listings)."""

    gold: int
    system: int
    strict: int
    relaxed: int
    type_matches: int
    value_matches: int
    pairs: tuple[tuple[Timex, Timex], ...] = field(default=(), compare=False)
    missed: tuple[Timex, ...] = field(default=(), compare=False)
    spurious: tuple[Timex, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Scores:
    """Corpus-level TempEval-3 counts; the metrics are derived properties."""

    gold: int
    system: int
    strict: int
    relaxed: int
    type_matches: int
    value_matches: int

    @property
    def strict_precision(self) -> float:
        """Strict matches / system timexes."""
        return _ratio(self.strict, self.system)

    @property
    def strict_recall(self) -> float:
        """Strict matches / gold timexes."""
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        """Harmonic mean of strict precision and recall."""
        return self._f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        """Relaxed (overlap) matches / system timexes."""
        return _ratio(self.relaxed, self.system)

    @property
    def relaxed_recall(self) -> float:
        """Relaxed (overlap) matches / gold timexes."""
        return _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        """Harmonic mean of relaxed precision and recall."""
        return self._f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def type_accuracy(self) -> float:
        """Share of relaxed matches whose TIMEX3 type is right."""
        return _ratio(self.type_matches, self.relaxed)

    @property
    def value_accuracy(self) -> float:
        """Share of relaxed matches whose TIMEX3 value is right."""
        return _ratio(self.value_matches, self.relaxed)

    @property
    def type_f1(self) -> float:
        """Relaxed F1 x type accuracy (TempEval-3's type attribute F1)."""
        return self._attribute_f1(self.type_accuracy)

    @property
    def value_f1(self) -> float:
        """Relaxed F1 x value accuracy (TempEval-3's value attribute F1)."""
        return self._attribute_f1(self.value_accuracy)

    def _f1(self, precision: float, recall: float) -> float:
        if self.gold == 0 and self.system == 0:
            return 1.0  # nothing to find and nothing found, as the official script says
        return _f1(precision, recall)

    def _attribute_f1(self, accuracy: float) -> float:
        if self.gold == 0 and self.system == 0:
            return 1.0
        return accuracy * self.relaxed_f1

    def as_dict(self) -> dict[str, float | int]:
        """Counts and every metric, for JSON or tables."""
        counts = {
            "gold": self.gold,
            "system": self.system,
            "strict": self.strict,
            "relaxed": self.relaxed,
            "type_matches": self.type_matches,
            "value_matches": self.value_matches,
        }
        return counts | {name: getattr(self, name) for name in METRICS}


@dataclass(frozen=True)
class ErrorRecord:
    """One disagreement between gold and system, for the ``--errors`` listing."""

    document: str
    kind: ErrorKind
    position: int
    gold_text: str | None = None
    gold_type: str | None = None
    gold_value: str | None = None
    system_text: str | None = None
    system_type: str | None = None
    system_value: str | None = None
    context: str = ""


@dataclass(frozen=True)
class CorpusReport:
    """Scores over a corpus, per-document counts, errors and documents that failed."""

    scores: Scores
    documents: tuple[tuple[str, DocumentCounts], ...]
    errors: tuple[ErrorRecord, ...]
    failures: tuple[str, ...] = ()


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def score_document(gold: Sequence[Timex], system: Sequence[Timex]) -> DocumentCounts:
    """Match one document's system timexes to its gold ones and count agreements."""
    gold_list = [t for t in gold if t.timeml]
    system_list = [t for t in system if t.timeml]
    pairs = match_timexes(gold_list, system_list)
    matched_gold = {id(g) for g, _ in pairs}
    matched_system = {id(s) for _, s in pairs}
    return DocumentCounts(
        gold=len(gold_list),
        system=len(system_list),
        strict=sum(_same_span(g, s) for g, s in pairs),
        relaxed=len(pairs),
        type_matches=sum(g.type == s.type for g, s in pairs),
        value_matches=sum(g.value == s.value for g, s in pairs),
        pairs=tuple(pairs),
        missed=tuple(g for g in gold_list if id(g) not in matched_gold),
        spurious=tuple(s for s in system_list if id(s) not in matched_system),
    )


def match_timexes(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one (gold, system) pairs: identical spans first, then by largest overlap."""
    candidates: list[tuple[int, int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = 0 if _same_span(g, s) else 1
                candidates.append((exact, -overlap, g.start, s.start, gi * len(system) + si))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[Timex, Timex]] = []
    for *_, key in candidates:
        gi, si = divmod(key, len(system))
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gold[gi], system[si]))
    pairs.sort(key=lambda pair: pair[0].start)
    return pairs


def _same_span(a: Timex, b: Timex) -> bool:
    return a.start == b.start and a.end == b.end


def combine(counts: Iterable[DocumentCounts]) -> Scores:
    """Sum per-document counts into corpus scores (micro average, as TempEval-3)."""
    totals = Counter[str]()
    for item in counts:
        for name in ("gold", "system", "strict", "relaxed", "type_matches", "value_matches"):
            totals[name] += getattr(item, name)
    return Scores(
        gold=totals["gold"],
        system=totals["system"],
        strict=totals["strict"],
        relaxed=totals["relaxed"],
        type_matches=totals["type_matches"],
        value_matches=totals["value_matches"],
    )


def document_errors(name: str, text: str, counts: DocumentCounts) -> list[ErrorRecord]:
    """The disagreements behind one document's counts, in text order."""
    records: list[ErrorRecord] = []
    for g in counts.missed:
        records.append(_record(name, text, "missed", g, None))
    for s in counts.spurious:
        records.append(_record(name, text, "spurious", None, s))
    for g, s in counts.pairs:
        if not _same_span(g, s):
            records.append(_record(name, text, "wrong span", g, s))
        if g.type != s.type:
            records.append(_record(name, text, "wrong type", g, s))
        if g.value != s.value:
            records.append(_record(name, text, "wrong value", g, s))
    records.sort(key=lambda r: (r.position, ERROR_KINDS.index(r.kind)))
    return records


def _record(
    name: str, text: str, kind: ErrorKind, gold: Timex | None, system: Timex | None
) -> ErrorRecord:
    anchor = gold if gold is not None else system
    assert anchor is not None
    return ErrorRecord(
        document=name,
        kind=kind,
        position=anchor.start,
        gold_text=gold.text if gold else None,
        gold_type=gold.type if gold else None,
        gold_value=gold.value if gold else None,
        system_text=system.text if system else None,
        system_type=system.type if system else None,
        system_value=system.value if system else None,
        context=_context(text, anchor.start, anchor.end),
    )


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def evaluate_corpus(
    gold_dir: Path,
    tagger: Tagger | None = None,
    system_dir: Path | None = None,
) -> CorpusReport:
    """Score every ``.tml`` under ``gold_dir`` (recursively; or one ``.tml`` file).

    With ``system_dir``, each gold file is scored against the system TimeML file
    at the same relative path (or of the same name) there. Otherwise each gold
    text is tagged with ``tagger`` (default :func:`timeline.temporal.tag`), its
    DCT as the reference date. A tagger that raises on a document is recorded in
    ``failures`` and scored as having found nothing there.
    """
    if tagger is not None and system_dir is not None:
        raise ValueError("give a tagger or a system directory, not both")
    gold_dir = Path(gold_dir)
    files = _gold_files(gold_dir)
    if system_dir is None and tagger is None:
        from timeline.temporal import tag

        tagger = tag
    documents: list[tuple[str, DocumentCounts]] = []
    errors: list[ErrorRecord] = []
    failures: list[str] = []
    for path in files:
        name = path.relative_to(gold_dir).as_posix() if gold_dir.is_dir() else path.name
        gold = read_timeml(path)
        if system_dir is not None:
            system = _system_timexes(gold, Path(system_dir), gold_dir, path)
        else:
            assert tagger is not None
            system, failure = _tag(gold, tagger, name)
            if failure:
                failures.append(failure)
        counts = score_document(gold.gold, system)
        documents.append((name, counts))
        errors.extend(document_errors(name, gold.document.text, counts))
    return CorpusReport(
        scores=combine(counts for _, counts in documents),
        documents=tuple(documents),
        errors=tuple(errors),
        failures=tuple(failures),
    )


def _gold_files(gold_dir: Path) -> list[Path]:
    if gold_dir.is_file():
        return [gold_dir]
    if not gold_dir.is_dir():
        raise EvaluationError(f"{gold_dir}: no such directory")
    files = sorted(path for path in gold_dir.rglob("*.tml") if path.is_file())
    if not files:
        raise EvaluationError(f"{gold_dir}: no .tml files")
    return files


def _system_timexes(
    gold: TimeMLDocument, system_dir: Path, gold_dir: Path, gold_path: Path
) -> list[Timex]:
    if system_dir.is_file():
        path = system_dir
    else:
        relative = gold_path.relative_to(gold_dir) if gold_dir.is_dir() else Path(gold_path.name)
        path = system_dir / relative
        if not path.is_file():
            path = system_dir / gold_path.name
    if not path.is_file():
        raise EvaluationError(f"{gold_path}: no system file {path}")
    system = read_timeml(path)
    if system.document.text != gold.document.text:
        raise EvaluationError(f"{path}: text differs from gold {gold_path}")
    return list(system.gold)


def _tag(gold: TimeMLDocument, tagger: Tagger, name: str) -> tuple[list[Timex], str | None]:
    reference = gold.document.reference
    if reference is None:
        return [], f"{name}: no DCT to use as reference date"
    try:
        found = tagger(gold.document.text, reference.moment)
    except Exception as error:  # a tagger bug must not hide the other documents' scores
        return [], f"{name}: tagger failed: {type(error).__name__}: {error}"
    # Score what --format timeml would write: no nested or overlapping tags.
    return timeml_timexes(found), None


def format_report(report: CorpusReport, errors: bool = False) -> str:
    """A plain-text TempEval-3 table, with every error listed when ``errors``."""
    s = report.scores
    lines = [
        f"TempEval-3 timex scores: {len(report.documents)} documents, "
        f"{s.gold} gold timexes, {s.system} system timexes",
        f"{'':10}{'P':>8}{'R':>8}{'F1':>8}",
        f"{'strict':10}{s.strict_precision:8.4f}{s.strict_recall:8.4f}{s.strict_f1:8.4f}",
        f"{'relaxed':10}{s.relaxed_precision:8.4f}{s.relaxed_recall:8.4f}{s.relaxed_f1:8.4f}",
        f"{'':10}{'accuracy':>16}{'F1':>8}",
        f"{'type':10}{s.type_accuracy:16.4f}{s.type_f1:8.4f}",
        f"{'value':10}{s.value_accuracy:16.4f}{s.value_f1:8.4f}",
    ]
    tally = Counter(record.kind for record in report.errors)
    lines.append("errors: " + ", ".join(f"{kind} {tally[kind]}" for kind in ERROR_KINDS))
    for failure in report.failures:
        lines.append(f"failed: {failure}")
    if errors:
        lines.append("")
        lines.extend(_format_error(record) for record in report.errors)
    return "\n".join(lines) + "\n"


def _format_error(record: ErrorRecord) -> str:
    gold = _side(record.gold_text, record.gold_type, record.gold_value)
    system = _side(record.system_text, record.system_type, record.system_value)
    return (
        f"{record.document}:{record.position}\t{record.kind}\tgold {gold}\tsystem {system}"
        f"\t{record.context}"
    )


def _side(text: str | None, kind: str | None, value: str | None) -> str:
    if text is None:
        return "-"
    return f"{' '.join(text.split())!r} {kind} {value}"
