"""Benchmark large runs: documents/s of --jobs 1, --jobs 2 and a 2-worker Dask LocalCluster.

Run by hand from the checkout:
    python benchmarks/scale.py                   # 20,000 documents (several minutes)
    python benchmarks/scale.py --documents 2000  # a quick run
    python benchmarks/scale.py --write           # also store the output in RESULTS.md

Generates a synthetic corpus of news-like articles from its own templates into
a temporary directory, runs ``timeline extract DIR --jobs N -o out.jsonl`` (and
``--engine dask``) each in a fresh process, and prints documents/s, the peak
memory (RSS) of that parent process, the speed-up ratios against the targets
of issue 8, and whether every engine wrote the same bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Targets from issue 8.
TARGET_JOBS2 = 1.8
TARGET_DASK = 1.6
TARGET_RSS_MB = 500

PEOPLE = [
    "Mayor Ellen Ortiz",
    "Senator Raj Patel",
    "the finance minister, Ingrid Solberg",
    "Governor Tom Hale",
    "the company's chief executive, Mei Lin",
    "union leader Carlos Mendes",
    "Prime Minister Anna Kowalski",
    "the city council",
]
ORGANISATIONS = [
    "the port authority",
    "the regional water board",
    "Northwind Rail",
    "the university hospital",
    "the national statistics office",
    "Harbor Energy",
    "the transport ministry",
]
TOPICS = [
    "the bridge repair plan",
    "a new rail link",
    "the budget proposal",
    "the merger",
    "the housing program",
    "the wage agreement",
    "the flood defences",
    "the data privacy law",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

SENTENCES = [
    "{person} said on {weekday} that {topic} would go ahead.",
    "{org} first proposed {topic} in {month} {past_year}.",
    "The deadline was extended to {month} {day}.",
    "A public hearing is scheduled for {month} {day}, {year}.",
    "Talks broke down last week, according to two people familiar with the matter.",
    "{person} is expected to visit the site early next year.",
    "The plan was approved on {iso}, after months of delay.",
    "Work began in the spring of {past_year} and should end by the third quarter.",
    "Officials met again yesterday to review the figures.",
    "{org} will publish its report within two weeks.",
    "The agreement, signed in {past_year}, runs until {month} {future_year}.",
    "Critics say the costs have doubled since {month} {past_year}.",
    "Residents were told the road will reopen next month.",
    "The previous attempt collapsed in the late {decade}s.",
    "A final decision could come at a later stage, {person} said.",
    "Shares of {org} rose 3 percent on {weekday}.",
    "Nobody answered questions about the schedule.",
    "The board meets every Tuesday to track progress.",
]


def article(rng: random.Random, published: date) -> str:
    """One news-like article of 12 to 24 sentences, dated around ``published``."""
    title = f"{rng.choice(ORGANISATIONS).capitalize()} and {rng.choice(TOPICS)}"
    paragraphs = [title, ""]
    for _ in range(rng.randint(4, 8)):
        sentences = [_sentence(rng, published) for _ in range(rng.randint(3, 4))]
        paragraphs.append(" ".join(sentences))
        paragraphs.append("")
    return "\n".join(paragraphs)


def _sentence(rng: random.Random, published: date) -> str:
    text = rng.choice(SENTENCES).format(
        person=rng.choice(PEOPLE),
        org=rng.choice(ORGANISATIONS),
        topic=rng.choice(TOPICS),
        month=rng.choice(MONTHS),
        day=rng.randint(1, 28),
        weekday=rng.choice(WEEKDAYS),
        year=published.year + rng.randint(0, 1),
        past_year=published.year - rng.randint(1, 6),
        future_year=published.year + rng.randint(1, 3),
        decade=rng.choice([1980, 1990, 2000]),
        iso=(published - timedelta(days=rng.randint(1, 400))).isoformat(),
    )
    return text[0].upper() + text[1:]


def make_corpus(directory: Path, documents: int, seed: int = 8) -> int:
    """Write ``documents`` articles named YYYY-MM-DD-story-NNNNN.txt; return total bytes."""
    rng = random.Random(seed)
    total = 0
    for number in range(documents):
        published = date(2018, 1, 1) + timedelta(days=rng.randint(0, 2800))
        text = article(rng, published)
        path = directory / f"{published.isoformat()}-story-{number:05d}.txt"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def run_child(arguments: list[str]) -> None:
    """In a fresh process: run the CLI once, print seconds and this process's peak RSS."""
    sys.path.insert(0, str(ROOT))
    from timeline.cli import cli

    started = time.perf_counter()
    try:
        cli.main(args=arguments, prog_name="timeline", standalone_mode=False)
        status = 0
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = {
        "seconds": seconds,
        "rss_mb": own.ru_maxrss / 1024,
        "cpu_parent": own.ru_utime + own.ru_stime,
        "cpu_workers": workers.ru_utime + workers.ru_stime,
        "status": status,
    }
    print(json.dumps(figures))


def measure(name: str, corpus: Path, output: Path, extra: list[str]) -> dict[str, float]:
    """Run one configuration in a child process and return its figures."""
    arguments = ["extract", str(corpus), "-o", str(output), *extra]
    completed = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(arguments)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    lines = completed.stdout.strip().splitlines()
    if completed.returncode != 0 or not lines:
        raise SystemExit(f"{name} failed:\n{completed.stderr[-2000:]}")
    figures = json.loads(lines[-1])
    if figures["status"] != 0:
        raise SystemExit(f"{name} exited {figures['status']}:\n{completed.stderr[-2000:]}")
    return figures


def machine() -> str:
    """The machine the benchmark ran on, in one line."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{platform.machine()}, {os.cpu_count()} CPUs ({cores} usable), "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def benchmark(documents: int, skip_dask: bool) -> list[str]:
    """Run every configuration over one corpus; the report as lines of Markdown."""
    lines = [f"- {datetime.now():%Y-%m-%d %H:%M}, {machine()}"]
    with tempfile.TemporaryDirectory(prefix="timeline-scale-") as temporary:
        base = Path(temporary)
        corpus = base / "corpus"
        corpus.mkdir()
        size = make_corpus(corpus, documents)
        lines.append(f"- corpus: {documents:,} synthetic articles, {size / 1e6:.1f} MB")
        configs = [("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"])]
        if not skip_dask:
            configs.append(("dask, 2 workers", ["--engine", "dask", "--jobs", "2"]))
        results: dict[str, dict[str, float]] = {}
        outputs: dict[str, bytes] = {}
        lines += [
            "",
            "| run | seconds | docs/s | parent peak RSS | CPU s parent / workers | load before |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, extra in configs:
            output = base / f"{len(results)}.jsonl"
            load = os.getloadavg()[0]
            figures = measure(name, corpus, output, extra)
            figures["rate"] = documents / figures["seconds"]
            results[name] = figures
            outputs[name] = output.read_bytes()
            output.unlink()
            lines.append(
                f"| {name} | {figures['seconds']:.1f} | {figures['rate']:.1f} "
                f"| {figures['rss_mb']:.0f} MB "
                f"| {figures['cpu_parent']:.1f} / {figures['cpu_workers']:.1f} | {load:.1f} |"
            )
            print(lines[-1], flush=True)
    lines.append("")
    lines += _verdicts(results, outputs)
    return lines


def _verdicts(results: dict[str, dict[str, float]], outputs: dict[str, bytes]) -> list[str]:
    one = results["--jobs 1"]["rate"]
    lines = []
    for name, target in (("--jobs 2", TARGET_JOBS2), ("dask, 2 workers", TARGET_DASK)):
        if name in results:
            ratio = results[name]["rate"] / one
            verdict = "met" if ratio >= target else "NOT met"
            lines.append(f"- {name} / --jobs 1: {ratio:.2f}x (target {target}x: {verdict})")
    lines += _ceilings(results)
    peak = max(figures["rss_mb"] for figures in results.values())
    verdict = "met" if peak < TARGET_RSS_MB else "NOT met"
    lines.append(f"- largest parent peak RSS: {peak:.0f} MB (target < {TARGET_RSS_MB}: {verdict})")
    same = len(set(outputs.values())) == 1
    lines.append(f"- every engine wrote the same bytes: {'yes' if same else 'NO'}")
    return lines


def _ceilings(results: dict[str, dict[str, float]]) -> list[str]:
    """Speed-ups the CPU seconds allow on 2 free cores, whatever else the machine ran.

    Wall-clock ratios only mean something on an otherwise idle machine; the CPU
    each run spent hardly depends on the load: parent and workers share 2 cores,
    so a run cannot take less than max(all its CPU / 2, the parent's CPU) seconds.
    """
    one = results["--jobs 1"]
    serial = one["cpu_parent"] + one["cpu_workers"]
    lines = []
    for name in ("--jobs 2", "dask, 2 workers"):
        if name in results:
            figures = results[name]
            total = figures["cpu_parent"] + figures["cpu_workers"]
            floor = max(total / 2, figures["cpu_parent"])
            lines.append(
                f"- {name}: CPU {total:.1f} s "
                f"against {serial:.1f} s in one process; on 2 free cores at most "
                f"{serial / floor:.2f}x"
            )
    return lines


START, END = "<!-- scale:start -->", "<!-- scale:end -->"


def write_results(lines: list[str], documents: int) -> Path:
    """Store the report in RESULTS.md, replacing only this benchmark's own section."""
    target = Path(__file__).with_name("RESULTS.md")
    section = "\n".join(
        [
            START,
            "## Large runs (benchmarks/scale.py)",
            "",
            f"Output of `python benchmarks/scale.py --documents {documents} --write`. The 2 "
            "cores are shared with other work: wall-clock ratios swing with the load (see "
            "'load before'); the CPU lines, what each run spent, are the steadier estimate.",
            "",
            *lines,
            END,
        ]
    )
    existing = target.read_text(encoding="utf-8") if target.exists() else ""
    if START in existing and END in existing:
        before, rest = existing.split(START, 1)
        after = rest.split(END, 1)[1]
        content = before + section + after
    else:
        content = existing.rstrip("\n") + ("\n\n" if existing else "") + section + "\n"
    target.write_text(content, encoding="utf-8")
    return target


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000, help="corpus size")
    parser.add_argument("--skip-dask", action="store_true", help="leave out the Dask run")
    parser.add_argument("--write", action="store_true", help="store the output in RESULTS.md")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(json.loads(args.child))
        return
    lines = benchmark(args.documents, args.skip_dask)
    print("\n".join(lines))
    if args.write:
        print(f"stored in {write_results(lines, args.documents)}")


if __name__ == "__main__":
    main()
