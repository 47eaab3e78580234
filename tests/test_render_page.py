"""timeline.render.page: the HTML page and the embeddable fragment (parsed, not grepped)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from tests.render_fixtures import PAYLOADS, hostile_timeline, sample_timeline
from timeline.render.page import RenderError, render_page, safe_url, script_json

VOID = {"meta", "link", "br", "img", "input", "hr", "source", "area", "base", "col", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    content: list[Node | str] = field(default_factory=list)

    @property
    def children(self) -> list[Node]:
        return [c for c in self.content if isinstance(c, Node)]

    def all_text(self) -> str:
        return "".join(c if isinstance(c, str) else c.all_text() for c in self.content)


class Tree(HTMLParser):
    """Collects every element with its attributes, text, and raw script bodies."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.nodes: list[Node] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].content.append(node)
        self.nodes.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].content.append(data)

    def find(self, tag=None, **attrs) -> list[Node]:
        out = []
        for node in self.nodes:
            if tag and node.tag != tag:
                continue
            if all(
                (node.attrs.get(k.rstrip("_")) or "").split().count(v)
                if k == "class_"
                else node.attrs.get(k) == v
                for k, v in attrs.items()
            ):
                out.append(node)
        return out

    def by_id(self, ident: str) -> Node:
        (node,) = [n for n in self.nodes if n.attrs.get("id") == ident]
        return node


@pytest.fixture(scope="module")
def page_html() -> str:
    return render_page(sample_timeline())


@pytest.fixture(scope="module")
def page(page_html) -> Tree:
    return Tree(page_html)


def test_list_has_every_event_with_anchor_date_title_sentence(page):
    timeline = sample_timeline()
    items = page.find("li", class_="tl-event")
    assert sorted(i.attrs["id"] for i in items) == sorted(e.id for e in timeline.events)
    entry = page.by_id("e1")
    text = entry.all_text()
    assert "April 2024" in text and "Lawmakers passed the storage act" in text
    assert "Lawmakers passed the storage act in April 2024" in text


def test_list_is_chronological_with_undated_at_the_ends(page):
    order = [i.attrs["id"] for i in page.find("li", class_="tl-event")]
    assert order[0] == "e10" and order[-1] == "e6"
    assert order.index("e9") < order.index("e11") < order.index("e7") < order.index("e1")


def test_ids_are_unique(page):
    ids = [n.attrs["id"] for n in page.nodes if "id" in n.attrs]
    assert len(ids) == len(set(ids))


def test_source_text_highlights_each_timex_linked_to_its_event(page):
    marks = page.find("mark", class_="tl-timex")
    timeline = sample_timeline()
    assert len(marks) == sum(len(d.timexes) for d in timeline.documents)
    mark = page.by_id("d1.t1")
    (link,) = mark.children
    assert link.attrs["href"] == "#e1" and link.all_text() == "April 2024"
    # the event links back to its date in the text
    meta = page.by_id("e1").children[1].children[-1]
    hrefs = [a.attrs.get("href") for a in meta.children if a.tag == "a"]
    assert "#d1.t1" in hrefs
    # the document text is whole, in order
    doc = page.by_id("doc-d1").children[-1].all_text()
    assert doc == timeline.documents[0].document.text


def test_links_from_user_data_are_http_only(page):
    links = [a.attrs["href"] for a in page.find("a")]
    assert "https://example.org/notes" in links
    assert "https://example.org/notes#board" in links
    assert all(h.startswith(("#", "https://", "http://")) for h in links)


def test_chart_payload_is_valid_json_with_every_event(page):
    data = json.loads(page.by_id("timeline-data").all_text())
    ids = {c for t in data["data"] for c in (t.get("customdata") or [])}
    assert ids == {e.id for e in sample_timeline().events}
    assert data["config"]["typesetMath"] is False
    assert data["layout"]["xaxis"]["rangeslider"]["yaxis2"]["rangemode"] == "fixed"


def test_open_graph_and_title(page):
    meta = {
        n.attrs.get("property") or n.attrs.get("name"): n.attrs.get("content")
        for n in page.find("meta")
    }
    assert meta["og:title"] == "Storage act & the depot: a <timeline>"
    assert meta["og:description"].startswith("12 events, June 2019 – April 2026")
    assert page.find("title")[0].all_text() == "Storage act & the depot: a <timeline>"
    assert page.find("h1")[0].all_text() == "Storage act & the depot: a <timeline>"


def test_self_contained_and_small(page_html, page):
    scripts = page.find("script")
    assert not [s for s in scripts if "src" in s.attrs]
    assert not page.find("link")
    assert len(page_html.encode()) < 5 * 1024 * 1024


def test_deterministic(page_html):
    assert render_page(sample_timeline()) == page_html


@pytest.mark.parametrize(
    ("option", "src"),
    [
        ("cdn", re.compile(r"^https://cdn\.plot\.ly/plotly-[\d.]+\.min\.js$")),
        ("assets/plotly.min.js", re.compile(r"^assets/plotly\.min\.js$")),
        ("none", None),
    ],
)
def test_plotlyjs_option(option, src):
    tree = Tree(render_page(sample_timeline(), plotlyjs=option, include_sources=False))
    srcs = [s.attrs["src"] for s in tree.find("script") if "src" in s.attrs]
    if src is None:
        assert srcs == []
    else:
        assert len(srcs) == 1 and src.match(srcs[0])
    assert max(len(s.all_text()) for s in tree.find("script")) < 100_000


@pytest.mark.parametrize("bad", ["javascript:alert(1)", 'x"><script>', "data:text/js,1"])
def test_plotlyjs_option_rejects_bad_locations(bad):
    with pytest.raises(RenderError):
        render_page(sample_timeline(), plotlyjs=bad)


def test_embed_fragment_is_a_scoped_div_with_unique_ids():
    one = render_page(sample_timeline(), plotlyjs="cdn", embed=True)
    two = render_page(hostile_timeline(), plotlyjs="cdn", embed=True)
    assert "<html" not in one and "<body" not in one
    tree = Tree(one + two)
    roots = tree.find("div", class_="tl-root")
    assert len(roots) == 2
    ids = [n.attrs["id"] for n in tree.nodes if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    prefix = roots[0].attrs["id"].removesuffix("timeline")
    assert prefix and tree.by_id(prefix + "e1") and tree.by_id(prefix + "d1.t1")
    mark = tree.by_id(prefix + "d1.t1")
    assert mark.children[0].attrs["href"] == f"#{prefix}e1"


def test_fragment_css_is_scoped_to_its_root():
    css = (
        Tree(render_page(sample_timeline(), embed=True, plotlyjs="none"))
        .find("style")[0]
        .all_text()
    )
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = []
    for block in re.findall(r"([^{}]+)\{[^{}]*\}", css):
        selectors += [s.strip() for s in block.split(",") if s.strip()]
    selectors = [s for s in selectors if not s.startswith("@")]
    assert selectors and all(s.startswith(".tl-root") for s in selectors), [
        s for s in selectors if not s.startswith(".tl-root")
    ]


def test_explicit_prefix_is_used():
    tree = Tree(render_page(sample_timeline(), embed=True, plotlyjs="none", id_prefix="story-"))
    assert tree.by_id("story-e1") and tree.by_id("story-chart")


# --- hostile text ----------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_page(hostile_timeline(), plotlyjs="none")


def test_hostile_payloads_are_text_not_markup(hostile_html):
    tree = Tree(hostile_html)
    assert [
        n.tag
        for n in tree.nodes
        if n.tag
        in (
            "img",
            "iframe",
            "svg",
            "object",
            "form",
            "base",
            "style",
            "link",
            "video",
            "details",
            "math",
        )
    ] == ["style", "style"]  # the stylesheet and the palette, both ours
    assert tree.find("style")[1].all_text().startswith("#timeline .tl-c0 .tl-dot")
    scripts = tree.find("script")
    assert len(scripts) == 3  # data, runtime, mount: nothing injected
    assert scripts[0].attrs == {"type": "application/json", "id": "timeline-data"}
    body = tree.by_id("timeline").all_text()
    for payload in PAYLOADS:
        visible = " ".join(payload.split())
        assert visible[:20] in body, payload


def test_hostile_links_and_json(hostile_html):
    tree = Tree(hostile_html)
    for a in tree.find("a"):
        assert a.attrs["href"].startswith(("#", "https://", "http://"))
        assert "javascript" not in a.attrs["href"].lower()
    raw = hostile_html.split('id="timeline-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in raw and "\u2028" not in raw
    data = json.loads(raw)
    assert data["data"]


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=c#d", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,x", False),
        ("//example.org/x", False),
        ("news/storage.txt", False),
        ("https://", False),
        ("https://exa mple.org", False),
        ('https://example.org/"onmouseover=x', False),
        (None, False),
    ],
)
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok


def test_script_json_escapes_closing_tags():
    text = script_json({"a": "</script><!-- \u2028 & >"})
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(str(text)) == {"a": "</script><!-- \u2028 & >"}


def test_long_list_waits_in_templates_for_the_chart():
    from datetime import date, timedelta

    from timeline.model import Event, Timeline
    from timeline.render.page import DEFER_THRESHOLD

    events = tuple(
        Event(
            id=f"e{i}",
            start=date(2000, 1, 1) + timedelta(days=i),
            end=date(2000, 1, 1) + timedelta(days=i),
            granularity="day",
            approximate=False,
            title=f"Event <{i}>",
            sentence=f"Sentence {i}.",
            documents=(),
            timexes=(),
        )
        for i in range(DEFER_THRESHOLD + 1)
    )
    html = render_page(Timeline((), events), plotlyjs="none")
    tree = Tree(html)
    later = tree.find("template", class_="tl-later")
    assert len(later) == 1
    assert len(tree.find("li", class_="tl-event")) == len(events)
    assert "Event &lt;7&gt;" in html
    payload = json.loads(tree.by_id("timeline-data").all_text())
    slider = payload["layout"]["xaxis"]["rangeslider"]
    assert slider["yaxis3"] == {"rangemode": "auto"}
    small = Tree(render_page(Timeline((), events[:DEFER_THRESHOLD]), plotlyjs="none"))
    assert not small.find("template")
