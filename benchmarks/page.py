"""Benchmark the timeline page: build time, size, draw time and zoom/pan in Chromium.

Run by hand from the checkout:  python benchmarks/page.py [--events 10000] [--write]

Builds a synthetic timeline (points, month/year bars, approximate and undated
events, three documents), times ``render_page``, then opens the page and an empty
Plotly page (same inlined plotly.js) in headless Chromium in the same run and
reports the chart's draw time against the empty page's, and the time each
zoom/pan step takes to redraw. Targets (issue 6): build < 3 s, draw < 2x the empty
page, zoom/pan < 200 ms, seed-sized page < 5 MiB. ``--write`` stores the output
in its own section of benchmarks/RESULTS.md (other sections are kept).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.model import (  # noqa: E402
    Document,
    Event,
    Interval,
    Reference,
    TaggedDocument,
    Timeline,
    Timex,
)
from timeline.render.page import plotly_js, render_page  # noqa: E402

BEGIN = "<!-- page-benchmark:begin -->"
END = "<!-- page-benchmark:end -->"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
WORDS = [
    "council",
    "vote",
    "budget",
    "strike",
    "port",
    "deal",
    "court",
    "ruling",
    "election",
    "summit",
    "visit",
    "deadline",
    "treaty",
    "report",
    "launch",
    "hearing",
    "merger",
    "audit",
    "storm",
    "recall",
    "protest",
    "appeal",
]


def synthetic_timeline(n: int, seed: int = 7) -> Timeline:
    """``n`` events over 30 years in three documents, each dated by one timex."""
    rng = random.Random(seed)
    ref = Reference(date(2025, 9, 20), "option")
    docs = []
    per_doc: dict[str, list[Timex]] = {}
    events = []
    texts: dict[str, list[str]] = {f"d{i}": [] for i in range(1, 4)}
    lengths = dict.fromkeys(texts, 0)
    for i in range(n):
        doc = f"d{rng.randint(1, 3)}"
        start = date(1995, 1, 1) + timedelta(days=rng.randint(0, 30 * 365))
        kind = rng.random()
        if kind < 0.02:
            start = end = None
            gran, written = None, "at a later stage"
        elif kind < 0.72:
            end, gran, written = start, "day", start.strftime("%d %B %Y")
        elif kind < 0.92:
            start = start.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            gran, written = "month", start.strftime("%B %Y")
        else:
            start, end = date(start.year, 1, 1), date(start.year, 12, 31)
            gran, written = "year", str(start.year)
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))).capitalize()
        sentence = f"The {title.lower()} came {written}, officials said."
        offset = lengths[doc] + len(f"The {title.lower()} came ")
        texts[doc].append(sentence)
        lengths[doc] += len(sentence) + 1
        timex_id = f"{doc}.t{i}"
        interval = Interval(start, end, gran) if start and gran else None
        per_doc.setdefault(doc, []).append(
            Timex(
                written, offset, offset + len(written), "DATE", written, None, interval, id=timex_id
            )
        )
        events.append(
            Event(
                id=f"e{i + 1}",
                start=start,
                end=end,
                granularity=gran,
                approximate=rng.random() < 0.05,
                title=title,
                sentence=sentence,
                documents=(doc,),
                timexes=(timex_id,),
                undated="future" if start is None else None,
                date_text=written,
            )
        )
    for doc_id, sentences in texts.items():
        document = Document(
            doc_id, f"wire/{doc_id}.txt", " ".join(sentences), ref, title=f"Wire {doc_id}"
        )
        docs.append(TaggedDocument(document, tuple(per_doc.get(doc_id, ()))))
    return Timeline(tuple(docs), tuple(events), title=f"{n:,} synthetic events")


def time_build(timeline: Timeline, runs: int) -> tuple[float, str]:
    """Median seconds of ``render_page`` over ``runs`` and the last page."""
    times, html = [], ""
    for _ in range(runs):
        t0 = time.perf_counter()
        html = render_page(timeline)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), html


EMPTY_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div id="chart" style="width:100%;height:450px"></div><script>{js}</script>
<script>Plotly.newPlot("chart", [], {{}}, {{responsive: true}}).then(function () {{
document.getElementById("chart").setAttribute("data-ready", "true");
window.__drawn = performance.now(); }});</script></body></html>"""

READY = """() => new Promise(resolve => {
  const check = () => {
    const el = document.querySelector('[data-ready=true]');
    if (el) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
    else setTimeout(check, 5);
  };
  check();
})"""

STEPS = """async () => {
  const gd = document.getElementById('timeline-chart');
  const xa = gd._fullLayout.xaxis;
  const [lo, hi] = xa.range.map(v => new Date(v.replace(' ', 'T')).getTime());
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const iso = ms => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  const out = {zoom: [], pan: []};
  let a = lo, b = hi;
  for (let i = 0; i < 6; i++) {             // zoom in by 40% each step
    const mid = (a + b) / 2, half = (b - a) * 0.3;
    a = mid - half; b = mid + half;
    const t0 = performance.now();
    await Plotly.relayout(gd, {'xaxis.range': [iso(a), iso(b)]});
    await frame();
    out.zoom.push(performance.now() - t0);
  }
  for (let i = 0; i < 6; i++) {             // pan by a quarter of the view
    const step = (b - a) * 0.25 * (i % 2 ? -1 : 1);
    a += step; b += step;
    const t0 = performance.now();
    await Plotly.relayout(gd, {'xaxis.range': [iso(a), iso(b)]});
    await frame();
    out.pan.push(performance.now() - t0);
  }
  return out;
}"""


def browser_figures(page_path: Path, empty_path: Path, runs: int) -> dict[str, object]:
    """Draw times (ms since navigation start) and zoom/pan step times from Chromium."""
    from playwright.sync_api import sync_playwright

    draws: dict[str, list[float]] = {"page": [], "empty": []}
    steps: dict[str, list[float]] = {"zoom": [], "pan": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for _ in range(runs):
            for name, path in (("empty", empty_path), ("page", page_path)):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                tab = context.new_page()
                tab.goto(path.as_uri())
                draws[name].append(tab.evaluate(READY))
                if name == "page":
                    result = tab.evaluate(STEPS)
                    steps["zoom"] += result["zoom"]
                    steps["pan"] += result["pan"]
                context.close()
        browser.close()
    return {
        "page_ms": statistics.median(draws["page"]),
        "empty_ms": statistics.median(draws["empty"]),
        "zoom_ms": steps["zoom"],
        "pan_ms": steps["pan"],
    }


def benchmark(n: int, runs: int, with_browser: bool) -> list[str]:
    """Run everything; return the report lines."""
    timeline = synthetic_timeline(n)
    build_s, html = time_build(timeline, runs)
    size = len(html.encode("utf-8"))
    lines = [
        f"events: {n:,} ({sum(1 for e in timeline.events if e.is_point and e.start)} points, "
        f"{sum(1 for e in timeline.events if not e.is_point)} bars, "
        f"{sum(1 for e in timeline.events if e.start is None)} undated)",
        f"build (render_page, median of {runs}): {build_s:.2f} s   target < 3 s   "
        f"{'ok' if build_s < 3 else 'MISSED'}",
        f"page size: {size / 2**20:.2f} MiB "
        f"({(size - len(plotly_js())) / 2**20:.2f} MiB without plotly.js)",
    ]
    small = render_page(synthetic_timeline(12))
    lines.append(
        f"12-event page size: {len(small.encode()) / 2**20:.2f} MiB   target < 5 MiB   "
        f"{'ok' if len(small.encode()) < 5 * 2**20 else 'MISSED'}"
    )
    if not with_browser:
        return lines
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "page.html"
        empty_path = Path(folder) / "empty.html"
        page_path.write_text(html, encoding="utf-8")
        empty_path.write_text(EMPTY_PAGE.format(js=plotly_js()), encoding="utf-8")
        figures = browser_figures(page_path, empty_path, runs)
    ratio = figures["page_ms"] / figures["empty_ms"]
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    all_steps = figures["zoom_ms"] + figures["pan_ms"]
    worst = max(all_steps)
    typical = statistics.median(all_steps)
    lines += [
        f"machine load average while measuring (1, 5, 15 min): {load} on {os.cpu_count()} CPUs",
        f"draw, empty Plotly page (median of {runs}): {figures['empty_ms']:.0f} ms",
        f"draw, timeline page (median of {runs}): {figures['page_ms']:.0f} ms   "
        f"ratio {ratio:.2f}x   target < 2x   {'ok' if ratio < 2 else 'MISSED'}",
        f"zoom steps, {runs} runs of 6 (ms): " + ", ".join(f"{v:.0f}" for v in figures["zoom_ms"]),
        f"pan steps, {runs} runs of 6 (ms): " + ", ".join(f"{v:.0f}" for v in figures["pan_ms"]),
        f"median zoom/pan step: {typical:.0f} ms   target < 200 ms   "
        f"{'ok' if typical < 200 else 'MISSED'}",
        f"slowest zoom/pan step: {worst:.0f} ms",
    ]
    return lines


def write_results(lines: list[str]) -> Path:
    """Replace this benchmark's section of RESULTS.md, keeping everything else."""
    target = Path(__file__).with_name("RESULTS.md")
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    section = "\n".join(
        [
            BEGIN,
            "## Page benchmark",
            "",
            "Output of `python benchmarks/page.py --write` (headless Debian Chromium, software",
            "rendering, 2 shared cores; draw times are from navigation start to the chart drawn).",
            "",
            f"- date: {datetime.now().strftime('%Y-%m-%d %H:%M')}",
            f"- machine: {machine}",
            "",
            "```",
            *lines,
            "```",
            END,
        ]
    )
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        new = head + section + rest.split(END, 1)[1]
    else:
        new = (old.rstrip("\n") + "\n\n" if old.strip() else "") + section + "\n"
    target.write_text(new, encoding="utf-8")
    return target


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true", help="build and size only")
    parser.add_argument("--write", action="store_true", help="store the output in RESULTS.md")
    args = parser.parse_args()
    lines = benchmark(args.events, args.runs, not args.no_browser)
    print("\n".join(lines))
    if args.write:
        print(f"wrote {write_results(lines)}")


if __name__ == "__main__":
    main()
