"""Benchmark the temporal tagger against dateparser's search_dates, in one process.

Run by hand from the checkout:  python benchmarks/tagger.py [--write]

Prints, for ../shared/corpora/tbaq: words/second of timeline.temporal.tag and of
dateparser.search.search_dates and their ratio; peak memory; TempEval-3 scores
of both on tbaq and wikiwars-train; and the time to tag adversarial text of
1 MB and half that (the growth ratio shows whether the tagger is linear).
``--write`` also stores the output in benchmarks/RESULTS.md with the date and
the machine.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.evaluate import DocumentCounts, Scores, combine, score_document  # noqa: E402
from timeline.formats.timeml import TimeMLDocument, read_timeml, timeml_timexes  # noqa: E402
from timeline.model import Timex  # noqa: E402

Tagger = Callable[[str, date], list[Timex]]

#: F1 rows (strict, relaxed, type, value) quoted in issue 3 for comparison, None where
#: none is given: our targets, and HeidelTime 2.2.1 as run on this machine.
REFERENCE_ROWS: dict[str, dict[str, tuple[float | None, ...]]] = {
    "tbaq": {
        "target": (0.88, 0.94, 0.90, 0.85),
        "HeidelTime": (0.841, 0.921, 0.880, 0.775),
    },
    "wikiwars-train": {
        "target": (None, None, None, 0.85),
        "HeidelTime*": (0.848, None, None, 0.817),
    },
}


def default_corpora() -> Path:
    """../shared/corpora beside the checkout (or beside a worktree's parent)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpora").is_dir():
            return base / "shared" / "corpora"
    return ROOT.parent / "shared" / "corpora"


def load_corpus(folder: Path) -> list[TimeMLDocument]:
    """Every .tml file under ``folder``, read once."""
    return [read_timeml(path) for path in sorted(folder.rglob("*.tml"))]


def our_tagger() -> Tagger | None:
    """timeline.temporal.tag, or None while it does not exist yet."""
    try:
        from timeline.temporal import tag
    except ImportError:
        return None
    return tag


def dateparser_tagger() -> Tagger:
    """search_dates as a tagger: each hit is a DATE timex valued with its ISO day."""
    from dateparser.search import search_dates

    def tag(text: str, reference: date) -> list[Timex]:
        settings = {"RELATIVE_BASE": datetime(reference.year, reference.month, reference.day)}
        hits = search_dates(text, languages=["en"], settings=settings) or []
        found: list[Timex] = []
        position = 0
        for phrase, moment in hits:
            start = text.find(phrase, position)
            if start < 0:
                continue
            position = start + len(phrase)
            value = moment.date().isoformat()
            found.append(Timex(phrase, start, position, "DATE", value, rule="dateparser"))
        return found

    return tag


class Run:
    """What one tagger produced over one corpus, and how long it took."""

    def __init__(self, words: int) -> None:
        self.seconds = 0.0
        self.cpu_seconds = 0.0
        self.words = words
        self.failures: list[str] = []
        self.counts: list[DocumentCounts] = []

    @property
    def scores(self) -> Scores:
        """TempEval-3 scores over the documents run so far."""
        return combine(self.counts)

    @property
    def words_per_second(self) -> float:
        """Throughput over the whole corpus, by wall-clock time."""
        return self.words / self.seconds if self.seconds else float("inf")

    @property
    def words_per_cpu_second(self) -> float:
        """Throughput by this process's CPU time: steadier on a shared machine."""
        return self.words / self.cpu_seconds if self.cpu_seconds else float("inf")

    def tag(self, tagger: Tagger, doc: TimeMLDocument) -> None:
        """Tag one document, timing the call and scoring its output."""
        reference = doc.document.reference
        assert reference is not None
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            found = tagger(doc.document.text, reference.date)
        except Exception as error:  # keep going: a weak tagger still gets measured
            found = []
            self.failures.append(f"{doc.document.id}: {type(error).__name__}: {error}")
        self.seconds += time.perf_counter() - started
        self.cpu_seconds += time.process_time() - cpu_started
        self.counts.append(score_document(doc.gold, timeml_timexes(found)))


def run_all(taggers: dict[str, Tagger], docs: list[TimeMLDocument]) -> dict[str, Run]:
    """Run every tagger over ``docs``, interleaved document by document.

    Interleaving makes the throughput ratio fair on a shared machine: a burst of
    load from elsewhere slows both taggers alike.
    """
    words = sum(len(doc.document.text.split()) for doc in docs)
    runs = {label: Run(words) for label in taggers}
    for doc in docs:
        for label, tagger in taggers.items():
            runs[label].tag(tagger, doc)
    return runs


def score_lines(name: str, runs: dict[str, Run]) -> list[str]:
    """A table of TempEval-3 scores for one corpus, one row per tagger."""
    lines = [
        f"TempEval-3 on {name}",
        f"  {'tagger':12}{'strict P':>9}{'R':>7}{'F1':>7}{'relaxed P':>11}{'R':>7}{'F1':>7}"
        f"{'type F1':>9}{'value F1':>10}{'gold':>6}{'system':>8}",
    ]
    for label, run in runs.items():
        s = run.scores
        lines.append(
            f"  {label:12}{s.strict_precision:9.3f}{s.strict_recall:7.3f}{s.strict_f1:7.3f}"
            f"{s.relaxed_precision:11.3f}{s.relaxed_recall:7.3f}{s.relaxed_f1:7.3f}"
            f"{s.type_f1:9.3f}{s.value_f1:10.3f}{s.gold:6d}{s.system:8d}"
        )
    for label, (strict, relaxed, type_f1, value_f1) in REFERENCE_ROWS.get(name, {}).items():
        shown = (
            f"{'':9}{'':7}{_target(strict)}{'':11}{'':7}{_target(relaxed)}"
            f"{_target(type_f1, 9)}{_target(value_f1, 10)}"
        )
        lines.append(f"  {label:12}{shown}")
    if name == "wikiwars-train":
        lines.append(
            "  * HeidelTime in NARRATIVES mode, a switch its user sets (news mode: value F1 0.609)"
        )
    for label, run in runs.items():
        for failure in run.failures[:5]:
            lines.append(f"  {label} failed on {failure}")
        if len(run.failures) > 5:
            lines.append(f"  {label} failed on {len(run.failures) - 5} more documents")
    return lines


def _target(value: float | None, width: int = 7) -> str:
    return f"{value:{width}.3f}" if value is not None else " " * width


#: Pieces of adversarial text, by name; none holds a newline.
ADVERSARIAL_PIECES: dict[str, str] = {
    "digit run": "1" * 5_000,
    "repeated years": "2024 " * 500,
    "month names": "January February March April May June July August " * 50,
    "ambiguous words": "May may March march the 1st the 2nd of of of " * 50,
    "long whitespace": " " * 5_000,
    "tabs and spaces": "\t " * 1_250,
    "nested parentheses": "(" * 1_250 + "12 May 1999" + ")" * 1_250,
    "timestamps": "12/31/1999-01-01T10:00:00+05:00 " * 125,
    "abbreviations": "Dec. 16, Dec. 16, Dec. " * 125,
    "numbers": "3.14.15.92.65.35 1,234,567,890 +1-555-0100 " * 75,
    "dense dates": "January 19 2024 " * 200,
}
PIECE_SIZE = 32 * 1024
PIECE_TIMEOUT = 30.0
SIZE_TIMEOUT = 60.0
#: Stop doubling once one size takes longer than this (seconds).
DOUBLING_BUDGET = 20.0


def adversarial_text(size: int, pieces: tuple[str, ...] = tuple(ADVERSARIAL_PIECES)) -> str:
    """``size`` characters made of the named pieces, repeated; no newlines anywhere."""
    unit = " ".join(ADVERSARIAL_PIECES[name] for name in pieces)
    return (unit * (size // len(unit) + 1))[:size]


def _timed_tag(text: str, queue: multiprocessing.Queue) -> None:
    tagger = our_tagger()
    assert tagger is not None
    tagger("warm up on 5 May 2020.", date(2020, 5, 5))
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        found = tagger(text, date(2025, 9, 20))
    except Exception as error:
        queue.put(("error", f"{type(error).__name__}: {error}"))
        return
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    queue.put(("ok", (wall, cpu, len(found))))


def time_tagging(text: str, timeout: float) -> tuple[float | None, str]:
    """Tag ``text`` in a child process, killed after ``timeout`` wall-clock seconds.

    Returns the CPU seconds the tagging took (None if it did not finish) and a
    line describing the outcome.
    """
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_timed_tag, args=(text, queue))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None, f"over {timeout:.0f} s (killed)"
    if queue.empty():
        return None, f"crashed (exit code {child.exitcode})"
    status, payload = queue.get()
    if status == "error":
        return None, f"error: {payload}"
    wall, cpu, found = payload
    return cpu, f"{cpu:.3f} s CPU ({wall:.3f} s wall), {found} timexes"


def adversarial_lines(megabytes: float) -> list[str]:
    """Time each adversarial piece alone, then the mix at doubling sizes up to ``megabytes``."""
    lines = [f"Adversarial text, each piece alone ({PIECE_SIZE // 1024} KB, no newlines)"]
    for name in ADVERSARIAL_PIECES:
        _, shown = time_tagging(adversarial_text(PIECE_SIZE, (name,)), PIECE_TIMEOUT)
        lines.append(f"  {name:20}{shown}")
    full = int(megabytes * 2**20)
    sizes = [full >> shift for shift in (3, 2, 1, 0) if full >> shift >= 1024]
    lines.append(
        "Adversarial text, all pieces mixed, doubling (target < 2 s for 1 MB, linear; CPU time)"
    )
    previous: float | None = None
    for size in sizes:
        seconds, shown = time_tagging(adversarial_text(size), SIZE_TIMEOUT)
        growth = f", growth {seconds / previous:.2f}x" if seconds and previous else ""
        lines.append(f"  {size:>9,} chars: {shown}{growth}")
        if (seconds is None or seconds > DOUBLING_BUDGET) and size != sizes[-1]:
            lines.append("  (stopped doubling: too slow)")
            break
        previous = seconds
    return lines


def peak_rss_mb() -> float:
    """The process's peak resident set size so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def benchmark(corpora: Path, with_dateparser: bool, adversarial_mb: float) -> list[str]:
    """Run everything and return the report lines."""
    tagger = our_tagger()
    lines: list[str] = []
    tbaq = load_corpus(corpora / "tbaq")
    wikiwars = load_corpus(corpora / "wikiwars-train")
    words = sum(len(doc.document.text.split()) for doc in tbaq)
    lines.append(f"corpora: {corpora} (tbaq {len(tbaq)} documents, {words} words;")
    lines.append(f"  wikiwars-train {len(wikiwars)} documents)")
    taggers: dict[str, Tagger] = {}
    if tagger is None:
        lines.append("timeline.temporal.tag is not available: only dateparser is measured")
    else:
        started = time.perf_counter()
        tagger("Warm up: the rules compile on 5 May 2020.", date(2020, 5, 5))
        elapsed = time.perf_counter() - started
        lines.append(f"timeline: first call (loads and compiles rules) {elapsed:.3f} s")
        tracemalloc.start()
        run_all({"timeline": tagger}, tbaq)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        lines.append(
            f"timeline: peak RSS {peak_rss_mb():.0f} MB after tagging tbaq (whole process);"
            f" traced Python peak during one tbaq pass {traced_peak / 2**20:.1f} MB"
        )
        taggers["timeline"] = tagger
    if with_dateparser:
        parser = dateparser_tagger()
        started = time.perf_counter()
        parser("Warm up on 5 May 2020.", date(2020, 5, 5))
        lines.append(f"dateparser: first call {time.perf_counter() - started:.3f} s")
        taggers["dateparser"] = parser
    runs_tbaq = run_all(taggers, tbaq)
    runs_wiki = run_all(taggers, wikiwars)
    lines.append(f"peak RSS of the whole run: {peak_rss_mb():.0f} MB")

    lines.append("")
    lines.append("Throughput on tbaq (words/second; interleaved document by document)")
    lines.append(f"  {'':12}{'CPU time':>14}{'wall clock':>14}")
    for label, run in runs_tbaq.items():
        lines.append(
            f"  {label:12}{run.words_per_cpu_second:10,.0f} w/s{run.words_per_second:10,.0f} w/s"
            f"  ({run.cpu_seconds:.2f} s CPU, {run.seconds:.2f} s wall)"
        )
    if "timeline" in runs_tbaq and "dateparser" in runs_tbaq:
        ours, theirs = runs_tbaq["timeline"], runs_tbaq["dateparser"]
        cpu_ratio = ours.words_per_cpu_second / theirs.words_per_cpu_second
        wall_ratio = ours.words_per_second / theirs.words_per_second
        lines.append(
            f"  ratio timeline/dateparser: {cpu_ratio:.1f}x CPU time, {wall_ratio:.1f}x wall clock"
            " (target >= 10x)"
        )
    lines.append("")
    lines.extend(score_lines("tbaq", runs_tbaq))
    lines.append("")
    lines.extend(score_lines("wikiwars-train", runs_wiki))
    if tagger is not None and adversarial_mb > 0:
        lines.append("")
        lines.extend(adversarial_lines(adversarial_mb))
    return lines


def _load_average() -> str:
    try:
        return ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def results_markdown(lines: list[str]) -> str:
    """RESULTS.md: when and where it ran, then the output."""
    machine = (
        f"{platform.machine()}, {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}),"
        f" Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )
    return "\n".join(
        [
            "# Tagger benchmark",
            "",
            "Output of `python benchmarks/tagger.py --write`. The 2 cores are shared with other",
            "work: wall-clock figures swing with the load, CPU-time figures are the steadier ones.",
            "HeidelTime and target rows are the figures quoted in issue 3, not measured here.",
            "",
            f"- date: {datetime.now().strftime('%Y-%m-%d %H:%M')}",
            f"- machine: {machine}",
            f"- load average at the end (1, 5, 15 min): {_load_average()}",
            "",
            "```",
            *lines,
            "```",
            "",
        ]
    )


def replace_section(old: str, section: str) -> str:
    """``old`` RESULTS.md with our section (its "# Tagger benchmark" part) replaced.

    Other benchmarks keep their sections after ours untouched, each from its
    ``<!-- name:start -->`` marker or its "## ..." heading, whichever comes first.
    """
    heading = section.splitlines()[0]
    if heading not in old:
        return section + ("\n" + old if old else "")
    before, _, rest = old.partition(heading)
    ends = [i for i in (rest.find("\n<!-- "), rest.find("\n## ")) if i >= 0]
    after = rest[min(ends) + 1 :] if ends else ""
    return before + section + ("\n" + after if after else "")


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--no-dateparser", action="store_true", help="skip dateparser")
    parser.add_argument("--adversarial-mb", type=float, default=1.0, help="0 to skip")
    parser.add_argument("--write", action="store_true", help="store the output in RESULTS.md")
    args = parser.parse_args()
    if not (args.corpora / "tbaq").is_dir():
        sys.exit(f"Error: no corpora at {args.corpora} (give --corpora)")
    lines = benchmark(args.corpora, not args.no_dateparser, args.adversarial_mb)
    print("\n".join(lines))
    if args.write:
        target = Path(__file__).with_name("RESULTS.md")
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        target.write_text(replace_section(old, results_markdown(lines)), encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
