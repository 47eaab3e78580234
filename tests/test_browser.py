"""The page in a real browser: Playwright driving Debian's Chromium.

One browser for the whole module; a fresh context per test. Every non-file request
is aborted and recorded, so "no network" is asserted, not assumed. Without
Chromium or Playwright these tests skip with the reason, except under CI=true,
where that is a failure. Screenshots land in tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.render_fixtures import PAYLOADS, hostile_timeline, sample_timeline
from timeline.model import Event, Timeline
from timeline.render.page import DEFER_THRESHOLD, plotly_js, render_page
from timeline.render.site import SiteEntry, build_site, plotly_asset_name

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
SEED = ROOT.parent / "shared" / "seed" / "000_01afb1542b5c7603.txt"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    executable = _chromium()
    if executable is None:
        _unavailable("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """Every page the tests open, written once."""
    folder = tmp_path_factory.mktemp("pages")
    out = {
        "sample": folder / "sample.html",
        "hostile": folder / "hostile.html",
        "embed": folder / "embed.html",
    }
    out["sample"].write_text(render_page(sample_timeline()), encoding="utf-8")
    out["hostile"].write_text(render_page(hostile_timeline()), encoding="utf-8")
    (folder / "plotly.min.js").write_text(plotly_js(), encoding="utf-8")
    host = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Host</title>"
        "<style>body{font-family:serif;color:rgb(1, 2, 3);margin:0}p{margin:0}</style>"
        "</head><body><p id='host'>Host page text.</p>"
        + render_page(sample_timeline(), embed=True, plotlyjs="plotly.min.js")
        + "<p>Between the fragments.</p>"
        + render_page(hostile_timeline(), embed=True, plotlyjs="none")
        + "</body></html>"
    )
    out["embed"].write_text(host, encoding="utf-8")
    site = build_site(
        [
            SiteEntry("Storage and the depot", sample_timeline()),
            SiteEntry("Hostile", hostile_timeline()),
        ],
        folder / "site",
        title="Example timelines",
    )
    out["site"] = site / "index.html"
    out["site_page"] = site / "storage-and-the-depot.html"
    return out


class Session:
    """A page with request, console and dialog recording."""

    def __init__(self, browser, width: int = 1200, scheme: str = "light") -> None:
        self.context = browser.new_context(
            viewport={"width": width, "height": 900}, color_scheme=scheme, reduced_motion="reduce"
        )
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("dialog", self._dialog)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def _console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"{message.type}: {message.text}")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path, charts: int = 1):
        self.page.goto(path.as_uri())
        try:
            self.page.wait_for_function(
                f"document.querySelectorAll('[data-ready=true]').length >= {charts}",
                timeout=30_000,
            )
        except Exception as error:
            raise AssertionError(
                f"{path.name} never drew: {self.errors} {self.requests}"
            ) from error
        return self.page

    def shot(self, name: str, full_page: bool = False) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def session(browser):
    sessions: list[Session] = []

    def make(width: int = 1200, scheme: str = "light") -> Session:
        sessions.append(Session(browser, width, scheme))
        return sessions[-1]

    yield make
    for s in sessions:
        s.close()


#: Screen position (page coordinates) of an event's mark, computed by plotly's own axes.
POSITION = """([chartId, id]) => {
  const gd = document.getElementById(chartId);
  gd.scrollIntoView({block: 'center'});
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis2;
  for (const trace of gd._fullData) {
    if (trace.yaxis !== 'y2' || !trace.customdata || trace.hoverinfo === 'skip') continue;
    const i = Array.from(trace.customdata).indexOf(id);
    if (i < 0) continue;
    let x = trace.x[i];
    if (trace.type === 'bar') x = xa.p2d(xa.d2p(trace.base[i]) + 2);
    const box = gd.getBoundingClientRect();
    return [box.left + xa._offset + xa.d2p(x), box.top + ya._offset + ya.d2p(trace.y[i])];
  }
  return null;
}"""

EVENTS = sorted(e.id for e in sample_timeline().events)


def test_page_loads_clean_and_offline(session, pages):
    s = session()
    page = s.open(pages["sample"])
    s.shot("sample-1200-light.png")
    s.shot("sample-1200-light-full.png", full_page=True)
    assert s.errors == [] and s.requests == [] and s.dialogs == []
    assert page.title() == sample_timeline().title


def test_every_event_is_in_chart_and_list(session, pages):
    page = session().open(pages["sample"])
    charted = page.evaluate(
        """() => { const gd = document.getElementById('timeline-chart');
        return [...new Set(gd.data.filter(t => t.hoverinfo !== 'skip')
          .flatMap(t => Array.from(t.customdata || [])))].sort(); }"""
    )
    listed = page.evaluate(
        "() => [...document.querySelectorAll('.tl-event')].map(e => e.id).sort()"
    )
    assert charted == EVENTS and listed == EVENTS
    # a drawn mark for every event: points, bars, arrows
    marks = page.locator(".cartesianlayer .overplot > .xy2 .point").count()
    assert marks >= len(EVENTS)


def test_hover_shows_the_card(session, pages):
    page = session().open(pages["sample"])
    x, y = page.evaluate(POSITION, ["timeline-chart", "e2"])
    page.mouse.move(x, y)
    card = page.locator(".hoverlayer .hovertext").first
    card.wait_for(timeout=5_000)
    text = card.text_content()
    assert "First deadline" in text and "“January 19”" in text and "19 January 2025" in text


def test_hover_card_on_a_bar_keeps_dollars_literal(session, pages):
    page = session().open(pages["sample"])
    x, y = page.evaluate(POSITION, ["timeline-chart", "e7"])
    page.mouse.move(x, y)
    card = page.locator(".hoverlayer .hovertext").first
    card.wait_for(timeout=5_000)
    assert "Costs rose from $5m to $9m <b>" in card.text_content()


def test_clicking_a_mark_scrolls_to_its_entry(session, pages):
    s = session()
    page = s.open(pages["sample"])
    x, y = page.evaluate(POSITION, ["timeline-chart", "e12"])
    page.mouse.click(x, y)
    page.wait_for_function("document.getElementById('e12').classList.contains('tl-active')")
    page.wait_for_timeout(100)
    top = page.evaluate("document.getElementById('e12').getBoundingClientRect().top")
    assert 0 <= top < 900
    assert page.evaluate("location.hash") == "#e12"
    assert page.evaluate("document.activeElement.id") == "e12"
    s.shot("sample-clicked.png")


def test_show_on_chart_from_the_list(session, pages):
    s = session()
    page = s.open(pages["sample"])
    page.click("#e2 .tl-show")
    card = page.locator(".hoverlayer .hovertext").first
    card.wait_for(timeout=5_000)
    assert "First deadline" in card.text_content()
    lo, hi = page.evaluate("document.getElementById('timeline-chart')._fullLayout.xaxis.range")
    assert "2023-06" < lo < "2025-01-19" < hi < "2026-09"  # zoomed in around it
    assert s.errors == []
    s.shot("sample-show-on-chart.png")


def test_search_filters_list_and_chart(session, pages):
    page = session().open(pages["sample"])
    page.fill("#search", "Deadline  2025")  # every term, any case
    page.wait_for_function("document.getElementById('count').textContent.startsWith('3 of')")
    visible = page.evaluate(
        "() => [...document.querySelectorAll('.tl-event')].filter(e => !e.hidden).map(e => e.id)"
    )
    assert sorted(visible) == ["e2", "e3", "e4"]
    selected = page.evaluate(
        """() => document.getElementById('timeline-chart').data
          .filter(t => t.customdata && t.selectedpoints)
          .flatMap(t => t.selectedpoints.map(i => t.customdata[i]))"""
    )
    assert set(selected) == {"e2", "e3", "e4"}
    page.fill("#search", "")
    page.wait_for_function("document.getElementById('count').textContent === '12 events'")


@pytest.mark.parametrize("width", [360, 1200])
def test_labels_never_overlap_or_clip(session, pages, width):
    page = session(width).open(pages["sample"])
    boxes = page.evaluate(
        """() => {
        const area = document.querySelector('.draglayer .xy .nsewdrag').getBoundingClientRect();
        const shown = [...document.querySelectorAll(
            '.cartesianlayer .overplot > .xy .textpoint text')]
          .filter(t => t.style.visibility !== 'hidden').map(t => t.getBoundingClientRect());
        return {area: [area.left, area.right],
                boxes: shown.map(r => [r.left, r.right, r.top, r.bottom])}; }"""
    )
    left, right = boxes["area"]
    shown = boxes["boxes"]
    assert shown, "some labels are drawn"
    for i, (a0, a1, at, ab) in enumerate(shown):
        assert left - 1 <= a0 and a1 <= right + 1
        for b0, b1, bt, bb in shown[i + 1 :]:
            assert not (a0 < b1 and b0 < a1 and at < bb and bt < ab)


def test_narrow_screen_has_no_horizontal_scroll(session, pages):
    s = session(360, "dark")
    page = s.open(pages["sample"])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    s.shot("sample-360-dark.png", full_page=True)
    s2 = session(360)
    page = s2.open(pages["hostile"])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_dark_mode(session, pages):
    page = session(1200, "dark").open(pages["sample"])
    colours = page.evaluate(
        """() => [getComputedStyle(document.querySelector('.tl-root')).backgroundColor,
                  document.getElementById('timeline-chart')._fullLayout.font.color]"""
    )
    assert colours[0] == "rgb(18, 19, 20)"
    assert colours[1].lower() == "#e8e6e3"


def test_print_view_shows_the_list_not_the_chart(session, pages):
    page = session().open(pages["sample"])
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.tl-figure')).display") == "none"
    assert page.evaluate("getComputedStyle(document.getElementById('e1')).display") == "grid"


def test_two_embedded_fragments_work_and_leave_the_host_alone(session, pages):
    s = session()
    page = s.open(pages["embed"], charts=2)
    assert s.errors == [] and s.requests == [] and s.dialogs == []
    roots = page.evaluate("() => [...document.querySelectorAll('.tl-root')].map(r => r.id)")
    assert len(roots) == 2 and roots[0] != roots[1]
    host = page.evaluate("getComputedStyle(document.getElementById('host')).color")
    assert host == "rgb(1, 2, 3)"
    prefix = roots[1].removesuffix("timeline")
    x, y = page.evaluate(POSITION, [prefix + "chart", "e3"])
    page.mouse.click(x, y)
    page.wait_for_function(f"document.getElementById('{prefix}e3').classList.contains('tl-active')")
    assert page.evaluate("location.hash") == ""  # fragments never rewrite the host's URL
    s.shot("embed-two-fragments.png", full_page=True)


def test_site_index_and_page(session, pages):
    s = session()
    s.page.goto(pages["site"].as_uri())
    s.shot("site-index.png", full_page=True)
    s.page.click("text=Storage and the depot")
    s.page.wait_for_selector("[data-ready=true]")
    assert s.page.url.endswith("storage-and-the-depot.html")
    assert s.page.evaluate(
        f"[...document.scripts].some(x => x.src.endsWith('{plotly_asset_name()}'))"
    )
    s.page.click("text=All timelines")
    s.page.wait_for_url("**/index.html")
    assert s.errors == [] and s.requests == []


def test_seed_page(session, tmp_path):
    if not SEED.is_file():
        pytest.skip("../shared/seed is not here")
    try:
        from timeline import extract

        timeline = extract(SEED.read_text(encoding="utf-8"), reference_date="2025-09-20")
    except ImportError as error:
        pytest.skip(f"extractor not available yet: {error}")
    html = render_page(timeline)
    assert len(html.encode()) < 5 * 1024 * 1024
    path = tmp_path / "seed.html"
    path.write_text(html, encoding="utf-8")
    s = session()
    s.open(path)
    assert s.errors == [] and s.requests == []
    s.shot("seed-1200-light.png", full_page=True)
    s2 = session(360)
    s2.open(path)
    s2.shot("seed-360-light.png", full_page=True)


# --- injection (issue 7) ----------------------------------------------------------------


def test_hostile_page_runs_no_script_and_sends_nothing(session, pages):
    s = session()
    page = s.open(pages["hostile"])
    # poke it: hover and click marks, filter with every payload, follow in-page links
    for event_id in ("e1", "e5", "e17", "e999"):
        spot = page.evaluate(POSITION, ["timeline-chart", event_id])
        if spot:
            page.mouse.move(*spot)
            page.mouse.click(*spot)
    for payload in PAYLOADS[:12]:
        page.fill("#search", payload)
    page.fill("#search", "")
    for link in page.locator("a[href^='#']").all()[:10]:
        link.click()
    page.wait_for_timeout(200)
    s.shot("hostile-1200.png", full_page=True)
    assert page.evaluate("window.__pwned") is None
    assert s.dialogs == [] and s.requests == []
    assert not [e for e in s.errors if "pageerror" in e]
    hrefs = page.evaluate(
        "() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))"
    )
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs)
    assert (
        page.evaluate("document.querySelectorAll('img, iframe, object, form, base, video').length")
        == 0
    )
    hover_html = page.evaluate("document.querySelector('.hoverlayer').innerHTML")
    assert "<img" not in hover_html and "<script" not in hover_html


def test_hostile_fragments_and_site_run_no_script(session, pages):
    for path, charts in ((pages["embed"], 2), (pages["site"], 0), (pages["site_page"], 1)):
        s = session()
        if charts:
            page = s.open(path, charts=charts)
        else:
            page = s.page
            page.goto(path.as_uri())
        page.wait_for_timeout(100)
        assert page.evaluate("window.__pwned") is None
        assert s.dialogs == [] and s.requests == [], path.name


def test_example_site(session, tmp_path):
    """The repo's own site source (site/site.yaml over examples/) built by the CLI."""
    from click.testing import CliRunner

    from timeline.cli import cli

    out = tmp_path / "_site"
    result = CliRunner().invoke(cli, ["site", str(ROOT / "site"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in out.glob("*.html"))
    assert pages == ["index.html", "meeting-notes.html", "panama-canal.html", "port-strike.html"]
    s = session()
    s.page.goto((out / "index.html").as_uri())
    s.shot("example-site-index.png", full_page=True)
    for name in pages[1:]:
        page = s.open(out / name)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        s.shot(f"example-site-{name.removesuffix('.html')}.png")
    assert s.errors == [] and s.requests == [] and s.dialogs == []


def _long_timeline(n: int) -> Timeline:
    """``n`` dated events, one every nine days, every third a month."""
    start = date(2001, 1, 1)
    events = []
    for i in range(n):
        day = start + timedelta(days=9 * i)
        month = i % 3 == 0
        events.append(
            Event(
                id=f"e{i + 1}",
                start=day.replace(day=1) if month else day,
                end=(day.replace(day=28) if month else day),
                granularity="month" if month else "day",
                approximate=False,
                title=f"Long event {i + 1}",
                sentence=f"Long event {i + 1} happened.",
                documents=(),
                timexes=(),
            )
        )
    return Timeline((), tuple(events), title="Long")


def test_long_page_fills_its_list_after_the_chart(session, tmp_path):
    n = DEFER_THRESHOLD + 200
    path = tmp_path / "long.html"
    path.write_text(render_page(_long_timeline(n)), encoding="utf-8")
    s = session()
    page = s.page
    page.goto(path.as_uri() + "#e600")
    page.wait_for_function(f"document.querySelectorAll('.tl-event').length === {n}")
    page.wait_for_function("document.querySelector('[data-ready=true]') !== null")
    assert page.evaluate("document.querySelectorAll('template').length") == 0
    top = page.evaluate("document.getElementById('e600').getBoundingClientRect().top")
    assert 0 <= top < 900  # the anchor still lands once the list is in
    assert page.evaluate("document.querySelectorAll('.tl-show:not([hidden])').length") == n
    page.fill("#search", "event 1111")
    page.wait_for_function("document.getElementById('count').textContent.startsWith('1 of')")
    # Software WebGL warns about its own speed ("GPU stall due to ReadPixels").
    assert [e for e in s.errors if "GL Driver Message" not in e] == []
    assert s.requests == []
