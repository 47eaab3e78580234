"""Our TimelineJS JSON drawn by TimelineJS 3 itself, offline, in headless Chromium.

TimelineJS comes from the npm package ``@knight-lab/timelinejs`` (``npm pack``,
no node_modules), unpacked once into ``tests/.cache/`` (git-ignored); set
``TIMELINEJS_DIST`` to use another copy of its ``dist/`` folder. Without npm,
Playwright or Chromium the test skips with the reason, except under CI=true,
where that is a failure (.ci/run installs npm and Chromium).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pytest
from format_samples import dated, rich_timeline

from timeline.formats import timelinejs

ROOT = Path(__file__).resolve().parent.parent
VERSION = "3.9.11"
CACHE = ROOT / "tests" / ".cache" / f"timelinejs-{VERSION}"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"the TimelineJS browser test cannot run under CI: {reason}")
    pytest.skip(reason)


def _install() -> Path:
    """``dist/`` of TimelineJS, unpacked from ``npm pack`` into the cache once."""
    dist = CACHE / "package" / "dist"
    if (dist / "js" / "timeline.js").is_file():
        return dist
    npm = shutil.which("npm")
    if npm is None:
        _unavailable("npm is not installed, so TimelineJS cannot be fetched (apt-get install npm)")
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE.parent) as scratch:
        try:
            packed = subprocess.run(
                [npm, "pack", f"@knight-lab/timelinejs@{VERSION}", "--silent"],
                cwd=scratch,
                capture_output=True,
                text=True,
                timeout=300,
                check=True,
            )
        except (subprocess.SubprocessError, OSError) as error:
            _unavailable(f"npm pack @knight-lab/timelinejs@{VERSION} failed: {error}")
        archive = Path(scratch) / packed.stdout.strip().splitlines()[-1]
        unpacked = Path(scratch) / "unpacked"
        with tarfile.open(archive) as tar:
            tar.extractall(unpacked, filter="data")
        try:
            unpacked.rename(CACHE)  # atomic: a half-unpacked cache never shows
        except OSError:
            if not (dist / "js" / "timeline.js").is_file():  # not another run winning the race
                raise
    return dist


@pytest.fixture(scope="module")
def dist() -> Path:
    override = os.environ.get("TIMELINEJS_DIST")
    return Path(override) if override else _install()


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    executable = next(
        (c for c in ("/usr/bin/chromium", shutil.which("chromium")) if c and Path(c).is_file()),
        None,
    )
    if executable is None:
        _unavailable("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield launched
        launched.close()


def _page(folder: Path, dist: Path, data: str) -> Path:
    # font: null keeps TimelineJS from fetching its web-font CSS (Google Fonts).
    page = folder / "timelinejs.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>TimelineJS</title>"
        f"<link rel='stylesheet' href='{(dist / 'css' / 'timeline.css').as_uri()}'>"
        f"<script src='{(dist / 'js' / 'timeline.js').as_uri()}'></script></head><body>"
        "<div id='timeline' style='width: 960px; height: 600px'></div><script>"
        f"window.timeline = new TL.Timeline('timeline', {data}, {{font: null}});"
        "window.timeline.on('loaded', function () { window.timelineLoaded = true; });"
        "</script></body></html>",
        encoding="utf-8",
    )
    return page


def test_timelinejs_draws_one_slide_per_event(browser, dist: Path, tmp_path: Path):
    timeline = rich_timeline()
    page_path = _page(tmp_path, dist, timelinejs.dumps(timeline, indent=None))
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    def offline(route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", offline)
    try:
        page.goto(page_path.as_uri())
        page.wait_for_function("window.timelineLoaded === true", timeout=15_000)
        slides = page.evaluate("document.querySelectorAll('.tl-slide').length")
        markers = page.evaluate("document.querySelectorAll('.tl-timemarker').length")
        headlines = page.evaluate(
            "[...document.querySelectorAll('.tl-slide .tl-headline')].map(e => e.textContent)"
        )
        dates = page.evaluate(
            "[...document.querySelectorAll('.tl-headline-date')].map(e => e.textContent)"
        )
        injected = page.evaluate("document.querySelectorAll('.tl-slide b, .tl-slide more').length")
    finally:
        context.close()
    events = dated(timeline)
    assert slides == len(events) + 1  # the title slide, then one per event
    assert markers == len(events)
    assert headlines[0] == timeline.title
    assert sorted(headlines[1:]) == sorted(event.title for event in events)
    assert {"April 2024", "Q3 2025", "the 1990s", "About January – April 2026"} <= set(dates)
    assert injected == 0  # titles and sentences are text, not markup
    assert problems == []
    assert outside == []
