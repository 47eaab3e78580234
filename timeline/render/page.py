"""Timeline -> HTML: a self-contained page, or an embeddable ``<div>`` fragment.

The page holds the chart, an event list (the keyboard, screen-reader and print
path), and each source text with its dates highlighted and linked to their events.
Everything user-supplied goes through jinja2 autoescaping; JSON placed inside
``<script>`` is escaped by :func:`script_json`; links from user data are kept only
when they are http(s) (:func:`safe_url`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import PurePath
from typing import Literal
from urllib.parse import urlsplit

import jinja2
import plotly.offline
from markupsafe import Markup

from timeline.model import Event, TaggedDocument, Timeline
from timeline.render.figure import CONFIG, PALETTE, _group_names, figure_dict, format_when

PlotlyJS = Literal["inline", "cdn", "none"] | str
#: Above this many events the event list and the source texts are parsed into inert
#: ``<template>``s and inserted by the page's script once the chart is drawn: parsing
#: and styling 10,000 list entries otherwise holds back the chart's first frame.
DEFER_THRESHOLD = 1000


class RenderError(ValueError):
    """A page option that cannot be honoured (one line, for the CLI to print)."""


# --- escaping helpers --------------------------------------------------------------


def script_json(value: object) -> Markup:
    """JSON safe to place inside ``<script>``: no ``</``, ``<!--``, ``]]>`` or U+2028."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default)
    text = (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return Markup(text)


def _json_default(value: object) -> object:
    """Dates and numpy-ish values a caller may put in a figure."""
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[union-attr]
    if hasattr(value, "tolist"):
        return value.tolist()  # type: ignore[union-attr]
    raise TypeError(f"cannot put {type(value).__name__} in page JSON")


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL with a host, else None."""
    if not url:
        return None
    url = url.strip()
    if any(ch in url for ch in "\x00\r\n\t <>\"'`\\"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


# --- the typed page context -------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A run of source text; a date (timex) when ``anchor`` is set."""

    text: str
    anchor: str | None = None  # element id of the highlighted date
    event: str | None = None  # element id of the event it dates


@dataclass(frozen=True)
class DocumentView:
    """One source document as shown under the event list."""

    anchor: str
    title: str
    source: str
    source_url: str | None
    reference: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class EventView:
    """One entry of the event list."""

    anchor: str
    id: str
    when: str
    date_text: str
    title: str
    sentence: str
    group: str
    colour: str
    colour_index: int
    source: str
    source_url: str | None
    url: str | None
    timex_anchors: tuple[tuple[str, str], ...]  # (element id, the date as written)
    undated: str | None


@dataclass(frozen=True)
class PageContext:
    """Everything the templates read; nothing else reaches them."""

    title: str
    description: str
    prefix: str
    chart_id: str
    data_id: str
    embed: bool
    events: tuple[EventView, ...]
    documents: tuple[DocumentView, ...]
    groups: tuple[tuple[str, str], ...]
    span: str
    payload: Markup
    plotly_inline: Markup | None
    plotly_src: str | None
    css: Markup
    js: Markup
    palette: tuple[str, ...]
    home_url: str | None
    home_label: str
    deferred: bool = False  # the list and sources wait in <template>s for the chart


# --- building the context -----------------------------------------------------------


def render_page(
    timeline: Timeline,
    *,
    plotlyjs: PlotlyJS = "inline",
    embed: bool = False,
    id_prefix: str | None = None,
    home_url: str | None = None,
    home_label: str = "All timelines",
    include_sources: bool = True,
) -> str:
    """Render ``timeline`` as HTML.

    ``plotlyjs``: ``"inline"`` (default, self-contained), ``"cdn"``, ``"none"`` (the
    host page loads Plotly), or a path/URL used as the script's ``src``.
    ``embed``: return a ``<div>`` fragment (with its scoped CSS and script) instead
    of a whole document; its element ids start with ``id_prefix`` (default: derived
    from the content, so the output stays reproducible).
    ``home_url``: a relative link back to a site's index.
    """
    context = page_context(
        timeline,
        plotlyjs=plotlyjs,
        embed=embed,
        id_prefix=id_prefix,
        home_url=home_url,
        home_label=home_label,
        include_sources=include_sources,
    )
    template = _environment().get_template("fragment.html.j2" if embed else "page.html.j2")
    return template.render(page=context)


def page_context(
    timeline: Timeline,
    *,
    plotlyjs: PlotlyJS = "inline",
    embed: bool = False,
    id_prefix: str | None = None,
    home_url: str | None = None,
    home_label: str = "All timelines",
    include_sources: bool = True,
) -> PageContext:
    """The typed context :func:`render_page` fills its templates with."""
    figure = figure_dict(timeline, show_title=False)
    if id_prefix is None and embed:
        body = json.dumps(figure, sort_keys=True, default=_json_default)
        digest = hashlib.sha256((timeline.title + body).encode("utf-8", "replace")).hexdigest()
        id_prefix = f"tl{digest[:8]}-"
    id_prefix = id_prefix or ""
    prefix = id_prefix
    groups, per_event = _group_names(timeline, timeline.events)
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(groups)}
    events = _event_views(timeline, per_event, colours, prefix)
    documents = tuple(_document_views(timeline, prefix)) if include_sources else ()
    _overview_slider(figure["layout"])
    figure["layout"]["showlegend"] = False  # the page draws its own legend, which wraps
    several = len(groups) > 1
    payload = {
        "data": figure["data"],
        "layout": figure["layout"],
        "config": CONFIG,
        "prefix": prefix,
        "page": not embed,
        "bands": several,
    }
    inline, src = _plotly_script(plotlyjs)
    span = _span(timeline.events)
    return PageContext(
        title=timeline.title,
        description=_description(timeline, span),
        prefix=prefix,
        chart_id=f"{prefix}chart" if prefix else "timeline-chart",
        data_id=f"{prefix}data" if prefix else "timeline-data",
        embed=embed,
        events=events,
        documents=documents,
        groups=tuple((name, colours[name]) for name in groups),
        span=span,
        payload=script_json(payload),
        plotly_inline=inline,
        plotly_src=src,
        css=Markup(_static("timeline.css")),
        palette=PALETTE,
        js=Markup(_static("timeline.js")),
        home_url=home_url,
        home_label=home_label,
        deferred=len(events) > DEFER_THRESHOLD,
    )


def _overview_slider(layout: dict) -> None:
    """Show every lane in the range slider (plotly.py cannot say ``yaxis2`` there)."""
    xaxis = layout.get("xaxis", {})
    slider = xaxis.get("rangeslider")
    yaxis = layout.get("yaxis", {})
    if slider is None or "range" not in yaxis:
        return
    low, high = yaxis["range"]
    slider["yaxis2"] = {"rangemode": "fixed", "range": [low + 0.5, high - 0.5]}
    density = layout.get("yaxis3")
    if density is not None:  # WebGL charts: the slider shows the density overview only
        slider["yaxis2"] = {"rangemode": "fixed", "range": [-1e9, -1e9 + 1]}
        slider["yaxis3"] = {"rangemode": "auto"}
    slider["range"] = list(xaxis.get("range", []))


def _event_views(
    timeline: Timeline, per_event: Sequence[str], colours: dict[str, str], prefix: str
) -> tuple[EventView, ...]:
    docs = {d.document.id: d.document for d in timeline.documents}
    groups_index = {name: i % len(PALETTE) for i, name in enumerate(colours)}
    known_timexes = {t.id: t.text for d in timeline.documents for t in d.timexes if t.id}
    views = []
    for index, (event, group) in enumerate(zip(timeline.events, per_event, strict=True)):
        doc = docs.get(event.documents[0]) if event.documents else None
        source = (doc.title or _display_source(doc.source)) if doc else ", ".join(event.documents)
        when = format_when(event)
        view = EventView(
            anchor=prefix + event.id,
            id=event.id,
            when=when,
            date_text=" ".join(event.date_text.split()),
            title=" ".join(event.title.split()) or event.id,
            sentence=" ".join(event.sentence.split()),
            group=group,
            colour=colours[group],
            colour_index=groups_index[group],
            source=source,
            source_url=safe_url(doc.source) if doc else None,
            url=safe_url(event.url),
            timex_anchors=tuple(
                (_timex_anchor(prefix, t), " ".join(known_timexes[t].split()))
                for t in event.timexes
                if t in known_timexes
            ),
            undated=event.undated,
        )
        views.append((_order(event, index), view))
    return tuple(view for _, view in sorted(views, key=lambda pair: pair[0]))


def _order(event: Event, index: int) -> tuple:
    """Chronological list order: undated past first, dated by start, undated future last."""
    if event.start is None and event.end is None:
        rank = 0 if event.undated == "past" else 2
        return (rank, "", index)
    moment = event.start if event.start is not None else event.end
    return (1, moment.isoformat() if moment else "", index)


def _timex_anchor(prefix: str, timex_id: str) -> str:
    return f"{prefix}{timex_id}"


def _document_views(timeline: Timeline, prefix: str) -> list[DocumentView]:
    owner: dict[str, str] = {}
    for event in timeline.events:
        for timex_id in event.timexes:
            owner.setdefault(timex_id, event.id)
    views = []
    for tagged in timeline.documents:
        doc = tagged.document
        ref = tagged.document.reference
        views.append(
            DocumentView(
                anchor=f"{prefix}doc-{doc.id}",
                title=doc.title or _display_source(doc.source),
                source=_display_source(doc.source),
                source_url=safe_url(doc.source),
                reference=ref.date.isoformat() if ref else "",
                segments=tuple(_segments(tagged, owner, prefix)),
            )
        )
    return views


def _display_source(source: str) -> str:
    """A URL as is; a local path by its file name only (never the builder's folders)."""
    if safe_url(source):
        return source
    return PurePath(source).name or source


def _segments(tagged: TaggedDocument, owner: dict[str, str], prefix: str) -> list[Segment]:
    """Split a document's text at its timexes; nested or invalid spans are skipped."""
    text = tagged.document.text
    spans = sorted(
        (t for t in tagged.timexes if 0 <= t.start < t.end <= len(text)),
        key=lambda t: (t.start, -t.end),
    )
    out: list[Segment] = []
    cursor = 0
    for timex in spans:
        if timex.start < cursor:
            continue  # inside an earlier span ("2024" in "the 2024 election")
        if timex.start > cursor:
            out.append(Segment(text[cursor : timex.start]))
        event = owner.get(timex.id)
        out.append(
            Segment(
                text[timex.start : timex.end],
                anchor=_timex_anchor(prefix, timex.id) if timex.id else None,
                event=prefix + event if event else None,
            )
        )
        cursor = timex.end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


def _span(events: Sequence[Event]) -> str:
    dated = [e for e in events if e.start is not None or e.end is not None]
    if not dated:
        return "undated"
    first = min(dated, key=lambda e: _key(e.start if e.start is not None else e.end))
    last = max(dated, key=lambda e: _key(e.end if e.end is not None else e.start))
    a = _year_or_month(first.start if first.start is not None else first.end)
    b = _year_or_month(last.end if last.end is not None else last.start)
    return a if a == b else f"{a} – {b}"


def _key(moment) -> str:
    return moment.isoformat() if moment is not None else ""


def _year_or_month(moment) -> str:
    from timeline.render.figure import MONTHS

    return f"{MONTHS[moment.month - 1]} {moment.year}"


def _description(timeline: Timeline, span: str) -> str:
    n = len(timeline.events)
    docs = len(timeline.documents)
    events = "event" if n == 1 else "events"
    sources = "source" if docs == 1 else "sources"
    return f"{n} {events}, {span}, from {docs} {sources}."


def _plotly_script(option: PlotlyJS) -> tuple[Markup | None, str | None]:
    if option == "inline":
        return Markup(_plotly_js()), None
    if option == "cdn":
        return None, plotly_cdn_url()
    if option in ("none", "", None):
        return None, None
    if any(ch in option for ch in "\x00\r\n<>\"'`") or option.strip().lower().startswith(
        ("javascript:", "data:", "vbscript:")
    ):
        raise RenderError(f"plotly.js location {option!r} is not a usable path or URL")
    return None, option


def plotly_cdn_url() -> str:
    """The CDN address of the plotly.js version the installed plotly ships."""
    return f"https://cdn.plot.ly/plotly-{plotly.offline.get_plotlyjs_version()}.min.js"


@cache
def _plotly_js() -> str:
    js = plotly.offline.get_plotlyjs()
    # plotly.min.js contains neither, but a script body must never hold them.
    if "</script" in js.lower() or "<!--" in js:
        js = js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
        js = js.replace("<!--", "<\\!--")
    return js


def plotly_js() -> str:
    """The plotly.js bundle shipped with the installed plotly (for a site's shared copy)."""
    return _plotly_js()


@cache
def _static(name: str) -> str:
    return resources.files("timeline.render").joinpath("static", name).read_text("utf-8")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("timeline.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
