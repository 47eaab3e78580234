"""TempEval-3 scoring over hand-made gold and system timexes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.evaluate import (
    DocumentCounts,
    EvaluationError,
    Scores,
    combine,
    evaluate_corpus,
    format_report,
    score_document,
)
from timeline.formats.timeml import write_timeml
from timeline.model import Document, Reference, Timex


def tx(start: int, end: int, value: str = "2000", type_: str = "DATE", **kw) -> Timex:
    return Timex(text="x" * (end - start), start=start, end=end, type=type_, value=value, **kw)


GOLD = [
    tx(0, 10, "2024-04"),
    tx(20, 25, "2025-01-19"),
    tx(30, 40, "P6W", "DURATION"),
    tx(50, 55, "2026"),
]
SYSTEM = [
    tx(0, 10, "2024-04"),  # strict, right type and value
    tx(18, 25, "2024-01-19"),  # relaxed only, wrong value
    tx(30, 40, "P6W", "DATE"),  # strict, wrong type
    tx(50, 70, "2026-11-05", timeml=False, anchor="named-event"),  # not scored
    tx(60, 65),  # spurious
    tx(80, 84),  # spurious
]


def test_score_document_counts() -> None:
    counts = score_document(GOLD, SYSTEM)
    assert counts == DocumentCounts(
        gold=4, system=5, strict=2, relaxed=3, type_matches=2, value_matches=2
    )
    assert [(t.start, t.end) for t in counts.missed] == [(50, 55)]
    assert [(t.start, t.end) for t in counts.spurious] == [(60, 65), (80, 84)]


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("strict_precision", 0.4),
        ("strict_recall", 0.5),
        ("strict_f1", 4 / 9),
        ("relaxed_precision", 0.6),
        ("relaxed_recall", 0.75),
        ("relaxed_f1", 2 / 3),
        ("type_accuracy", 2 / 3),
        ("value_accuracy", 2 / 3),
        ("type_f1", 4 / 9),
        ("value_f1", 4 / 9),
    ],
)
def test_scores_metrics(metric: str, expected: float) -> None:
    scores = combine([score_document(GOLD, SYSTEM)])
    assert getattr(scores, metric) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("gold", "system", "strict", "relaxed"),
    [
        # one system span over two gold timexes matches only one of them
        ([tx(0, 7), tx(8, 14)], [tx(0, 14)], 0, 1),
        # two system pieces of one gold timex: one matches, one is spurious
        ([tx(0, 14)], [tx(0, 7), tx(8, 14)], 0, 1),
        # an identical span wins over a longer overlap
        ([tx(0, 10)], [tx(0, 12), tx(0, 10)], 1, 1),
        # the larger overlap wins
        ([tx(0, 10), tx(8, 20)], [tx(5, 20)], 0, 1),
        # touching spans do not overlap
        ([tx(0, 5)], [tx(5, 9)], 0, 0),
        ([], [], 0, 0),
    ],
)
def test_matching_is_one_to_one(
    gold: list[Timex], system: list[Timex], strict: int, relaxed: int
) -> None:
    counts = score_document(gold, system)
    assert (counts.strict, counts.relaxed) == (strict, relaxed)
    assert len(counts.missed) == len(gold) - relaxed
    assert len(counts.spurious) == len(system) - relaxed


def test_larger_overlap_pairs_the_right_gold() -> None:
    counts = score_document([tx(0, 10, "A"), tx(8, 20, "B")], [tx(5, 20, "B")])
    assert counts.value_matches == 1


def test_combine_sums_documents_micro_average() -> None:
    first = score_document([tx(0, 4)], [tx(0, 4)])
    second = score_document([tx(0, 4), tx(10, 14), tx(20, 24)], [])
    scores = combine([first, second])
    assert scores == Scores(gold=4, system=1, strict=1, relaxed=1, type_matches=1, value_matches=1)
    assert scores.relaxed_precision == 1.0
    assert scores.relaxed_recall == 0.25
    assert scores.relaxed_f1 == pytest.approx(0.4)
    assert scores.value_f1 == pytest.approx(0.4)


@pytest.mark.parametrize(
    ("gold", "system", "f1"),
    [([], [], 1.0), ([tx(0, 4)], [], 0.0), ([], [tx(0, 4)], 0.0)],
)
def test_degenerate_corpora(gold: list[Timex], system: list[Timex], f1: float) -> None:
    scores = combine([score_document(gold, system)])
    assert (scores.strict_f1, scores.relaxed_f1, scores.type_f1, scores.value_f1) == (f1,) * 4


TEXT_A = "The law was signed in April 2024 and took effect on January 19."
TEXT_B = "Talks lasted six weeks."
REF = Reference(date=date(2025, 9, 20), source="metadata")


def _span(text: str, part: str, value: str, type_: str = "DATE") -> Timex:
    start = text.index(part)
    return Timex(text=part, start=start, end=start + len(part), type=type_, value=value)


GOLD_A = [_span(TEXT_A, "April 2024", "2024-04"), _span(TEXT_A, "January 19", "2025-01-19")]
GOLD_B = [_span(TEXT_B, "six weeks", "P6W", "DURATION")]


def fake_tagger(text: str, reference: date) -> list[Timex]:
    assert reference == date(2025, 9, 20)
    if text == TEXT_A:
        return [
            _span(TEXT_A, "April 2024", "2024-04"),
            _span(TEXT_A, "April", "2024-04"),  # nested: dropped as TimeML would
            _span(TEXT_A, "on January 19", "2024-01-19"),
        ]
    raise RuntimeError("boom")


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    (folder / "sub").mkdir(parents=True)
    for name, text, gold in (("a.tml", TEXT_A, GOLD_A), ("sub/b.tml", TEXT_B, GOLD_B)):
        doc = Document(id=name, source=name, text=text, reference=REF)
        (folder / name).write_text(write_timeml(doc, gold), encoding="utf-8")
    return folder


def test_evaluate_corpus_with_tagger(gold_dir: Path) -> None:
    report = evaluate_corpus(gold_dir, tagger=fake_tagger)
    assert [name for name, _ in report.documents] == ["a.tml", "sub/b.tml"]
    assert report.scores == Scores(
        gold=3, system=2, strict=1, relaxed=2, type_matches=2, value_matches=1
    )
    assert report.failures == ("sub/b.tml: tagger failed: RuntimeError: boom",)
    kinds = [(r.document, r.kind, r.gold_text, r.system_text) for r in report.errors]
    assert kinds == [
        ("a.tml", "wrong span", "January 19", "on January 19"),
        ("a.tml", "wrong value", "January 19", "on January 19"),
        ("sub/b.tml", "missed", "six weeks", None),
    ]
    value_error = report.errors[1]
    assert (value_error.gold_value, value_error.system_value) == ("2025-01-19", "2024-01-19")
    assert value_error.context.endswith("took effect on [January 19].")


def test_evaluate_corpus_with_system_dir(gold_dir: Path, tmp_path: Path) -> None:
    system = tmp_path / "system"
    system.mkdir()
    doc_a = Document(id="a", source="a", text=TEXT_A, reference=REF)
    spurious = _span(TEXT_A, "took", "PRESENT_REF")
    (system / "a.tml").write_text(write_timeml(doc_a, [*GOLD_A, spurious]), encoding="utf-8")
    doc_b = Document(id="b", source="b", text=TEXT_B, reference=REF)
    (system / "b.tml").write_text(write_timeml(doc_b, GOLD_B), encoding="utf-8")
    report = evaluate_corpus(gold_dir, system_dir=system)
    assert report.scores == Scores(
        gold=3, system=4, strict=3, relaxed=3, type_matches=3, value_matches=3
    )
    assert [r.kind for r in report.errors] == ["spurious"]


def test_system_text_must_match_gold(gold_dir: Path, tmp_path: Path) -> None:
    system = tmp_path / "system"
    (system / "sub").mkdir(parents=True)
    doc = Document(id="a", source="a", text=TEXT_A + " More.", reference=REF)
    (system / "a.tml").write_text(write_timeml(doc, []), encoding="utf-8")
    with pytest.raises(EvaluationError, match="text differs"):
        evaluate_corpus(gold_dir, system_dir=system)


@pytest.mark.parametrize("name", ["missing", "empty"])
def test_bad_gold_dir(tmp_path: Path, name: str) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(EvaluationError):
        evaluate_corpus(tmp_path / name, tagger=fake_tagger)


def test_missing_system_file(gold_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no system file"):
        evaluate_corpus(gold_dir, system_dir=tmp_path)


def test_format_report(gold_dir: Path) -> None:
    report = evaluate_corpus(gold_dir, tagger=fake_tagger)
    text = format_report(report, errors=False)
    lines = text.splitlines()
    assert lines[0] == "TempEval-3 timex scores: 2 documents, 3 gold timexes, 2 system timexes"
    assert lines[2].split() == ["strict", "0.5000", "0.3333", "0.4000"]
    assert lines[3].split() == ["relaxed", "1.0000", "0.6667", "0.8000"]
    assert lines[5].split() == ["type", "1.0000", "0.8000"]
    assert lines[6].split() == ["value", "0.5000", "0.4000"]
    assert "errors: missed 1, spurious 0, wrong span 1, wrong type 0, wrong value 1" in text
    assert "failed: sub/b.tml: tagger failed" in text
    assert "wrong value" not in text.split("errors:")[1].split("\n", 1)[1]
    detailed = format_report(report, errors=True)
    assert "a.tml:52\twrong value\tgold 'January 19' DATE 2025-01-19\t" in detailed
    assert "sub/b.tml:13\tmissed\tgold 'six weeks' DURATION P6W\tsystem -" in detailed


def _corpora() -> Path | None:
    root = Path(__file__).resolve().parents[1]
    for base in (root.parent, root.parent.parent):
        if (base / "shared" / "corpora" / "tbaq").is_dir():
            return base / "shared" / "corpora"
    return None


@pytest.mark.skipif(_corpora() is None, reason="../shared/corpora not present")
def test_tagging_and_scoring_written_timeml_agree(tmp_path: Path) -> None:
    """Scoring the tagger directly equals scoring the TimeML files written from its output."""
    tag = pytest.importorskip("timeline.temporal").tag
    from timeline.formats.timeml import read_timeml

    corpora = _corpora()
    assert corpora is not None
    gold, system = tmp_path / "gold", tmp_path / "system"
    gold.mkdir()
    system.mkdir()
    for path in sorted((corpora / "tbaq" / "TimeBank").glob("*.tml"))[:12]:
        (gold / path.name).write_bytes(path.read_bytes())
        document = read_timeml(path).document
        assert document.reference is not None
        found = tag(document.text, document.reference.date)
        assert all(document.text[t.start : t.end] == t.text for t in found)
        (system / path.name).write_text(write_timeml(document, found), encoding="utf-8")
    direct = evaluate_corpus(gold, tagger=tag)
    assert direct.failures == ()
    assert direct.scores.gold > 0
    assert evaluate_corpus(gold, system_dir=system).scores == direct.scores
