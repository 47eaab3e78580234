"""Timeline -> plotly Figure: a pure function, no I/O, deterministic.

Layout rules (see DESIGN.md, "Drawing"):

* events of a day or finer are markers, longer ones are bars over their interval;
* approximate events are drawn soft: open markers, and bars whose outer fifths
  are faded and hatched;
* undated events ("at a later stage") sit at the left or right edge with an arrow;
* every label gets a lane (row) where it overlaps nothing, computed greedily from a
  text-width estimate; when that would take too many lanes, labels become hover-only;
* above :data:`WEBGL_THRESHOLD` events the markers are drawn with WebGL.

All text reaching plotly is escaped by :func:`plotly_text`: plotly renders hover text,
labels and legend names as a small HTML dialect and typesets ``$...$`` as TeX.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import partial

import plotly.graph_objects as go

from timeline.model import Event, Moment, Timeline

#: Above this many events, points use ``scattergl`` and ranges thick WebGL lines.
WEBGL_THRESHOLD = 1000
#: Above this many events labels are never drawn (hover-only).
LABEL_LIMIT = 400
#: Most lanes a group may use for labelled layout before labels go hover-only.
MAX_LANES_PER_GROUP = 12
#: Most lanes a group may use when labels are hover-only.
MAX_DENSE_LANES = 5
#: The plot width (px) labels are laid out for; the page hides any that collide
#: at the real width, so this only has to be a sensible typical width.
NOMINAL_WIDTH = 860.0
#: Rough width of one character of label text at 12 px, in pixels.
CHAR_WIDTH = 6.6
LABEL_MAX_CHARS = 38
LABEL_GAP = 10.0
MARKER_RADIUS = 7.0

PALETTE: tuple[str, ...] = (
    "#1565c0",
    "#c62828",
    "#2e7d32",
    "#ef6c00",
    "#6a1b9a",
    "#00838f",
    "#ad1457",
    "#5d4037",
)
FONT = "Georgia, 'Times New Roman', serif"
SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
#: The plotly ``config`` every chart is drawn with.
CONFIG: dict[str, object] = {
    "responsive": True,
    "displaylogo": False,
    "typesetMath": False,
    "scrollZoom": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
}


def plotly_text(text: str) -> str:
    """Escape ``text`` for plotly's HTML-ish text: ``< > &`` and ``$`` (TeX)."""
    return html.escape(text, quote=False).replace("$", "&#36;")


def build_figure(timeline: Timeline, *, show_title: bool = True) -> go.Figure:
    """Draw ``timeline`` as a plotly Figure: markers, bars, soft bounds, lanes, slider."""
    spec = figure_dict(timeline, show_title=show_title)
    return go.Figure(data=spec["data"], layout=spec["layout"])


def figure_dict(timeline: Timeline, *, show_title: bool = True) -> dict:
    """The figure as plain ``{"data": [...], "layout": {...}}``, JSON-ready.

    :func:`build_figure` wraps it in a validated ``go.Figure``; the page uses it as
    is, which skips plotly.py's validation of every array (seconds at 10,000 events).
    """
    events = list(timeline.events)
    axis = _axis_range(timeline, events)
    groups, per_event = _group_names(timeline, events)
    dense = len(events) > LABEL_LIMIT
    laid = _layout(events, per_event, groups, axis, dense)
    webgl = len(events) > WEBGL_THRESHOLD
    offsets = _band_offsets(laid, groups)
    laid = [replace(item, y=offsets[item.group] + item.lane) for item in laid]
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(groups)}
    if webgl:
        traces = _webgl_traces(laid, groups, colours) + [_density_trace(laid, axis)]
    else:
        traces = []
        for name in groups:
            items = [item for item in laid if item.group == name]
            traces += _group_traces(items, name, colours[name], labels=not dense)
    return {
        "data": traces,
        "layout": _layout_dict(timeline, laid, groups, axis, show_title=show_title),
    }


def _trace(kind: str, **attributes: object) -> dict:
    """A trace as a plain dict, unset (None) attributes left out."""
    return {"type": kind, **{k: v for k, v in attributes.items() if v is not None}}


# --- placing events ----------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """An event with the x extent it is drawn over and the lane it was given."""

    event: Event
    group: str
    x0: datetime
    x1: datetime
    lane: int
    label: str
    label_side: str  # "right", "left" or "" (no label)
    kind: str  # "point", "bar", "future", "past"
    y: int = 0  # the row on the chart: the group's band offset plus the lane


@dataclass(frozen=True)
class Axis:
    """The full x range drawn, and the positions of the undated edges."""

    start: datetime
    end: datetime
    past_edge: datetime
    future_edge: datetime

    def px(self, moment: datetime) -> float:
        """Nominal pixel position of ``moment``."""
        span = (self.end - self.start).total_seconds() or 1.0
        return (moment - self.start).total_seconds() / span * NOMINAL_WIDTH


def _as_datetime(moment: Moment) -> datetime:
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=None)
    return datetime(moment.year, moment.month, moment.day)


def _bounds(event: Event) -> tuple[datetime, datetime] | None:
    """The drawn extent of a dated event (the end day included), None if undated."""
    if event.start is None and event.end is None:
        return None
    first = _as_datetime(event.start if event.start is not None else event.end)  # type: ignore[arg-type]
    last = _as_datetime(event.end if event.end is not None else event.start)  # type: ignore[arg-type]
    if not event.is_point and not isinstance(event.end, datetime):
        last += timedelta(days=1)  # an inclusive end day covers the whole day
    return first, max(first, last)


def _axis_range(timeline: Timeline, events: Sequence[Event]) -> Axis:
    spans = [b for b in map(_bounds, events) if b is not None]
    if spans:
        lo = min(b[0] for b in spans)
        hi = max(b[1] for b in spans)
    else:
        ref = next((d.document.reference for d in timeline.documents if d.document.reference), None)
        anchor = ref.date if ref else date(2000, 1, 1)
        lo = hi = _as_datetime(anchor)
    span = max(hi - lo, timedelta(days=30))
    pad = span * 0.06
    has_past = any(e.undated == "past" for e in events)
    has_future = any(e.undated == "future" for e in events)
    start = lo - pad - (span * 0.1 if has_past else timedelta(0))
    end = hi + pad + (span * 0.1 if has_future else timedelta(0))
    return Axis(start=start, end=end, past_edge=start + pad * 0.5, future_edge=end - pad * 0.5)


def _group_names(timeline: Timeline, events: Sequence[Event]) -> tuple[list[str], list[str]]:
    """Group names in first-seen order, and each event's group.

    An event's group is its own ``group``, else the title (or source) of its first
    document.
    """
    names = {d.document.id: (d.document.title or d.document.source) for d in timeline.documents}
    per_event: list[str] = []
    for event in events:
        if event.group:
            per_event.append(event.group)
        elif event.documents:
            doc = event.documents[0]
            per_event.append(names.get(doc) or doc)
        else:
            per_event.append("Events")
    return list(dict.fromkeys(per_event)), per_event


def _label(event: Event) -> str:
    title = " ".join(event.title.split()) or event.id
    if len(title) > LABEL_MAX_CHARS:
        title = title[: LABEL_MAX_CHARS - 1].rstrip() + "…"
    return title


def _extent(kind: str, x0: float, x1: float, label: str, dense: bool) -> tuple[float, float, str]:
    """Pixel extent of an item with its label, choosing the label side that fits."""
    lo, hi = x0 - MARKER_RADIUS, x1 + MARKER_RADIUS
    if dense or not label:
        return lo, hi, ""
    width = len(label) * CHAR_WIDTH + LABEL_GAP
    if kind != "future" and hi + width <= NOMINAL_WIDTH:
        return lo, hi + width, "right"
    if lo - width >= 0:
        return lo - width, hi, "left"
    return lo, hi, ""


def _layout(
    events: Sequence[Event],
    per_event: Sequence[str],
    groups: Sequence[str],
    axis: Axis,
    dense: bool,
) -> list[Placed]:
    """Give every event a lane: greedy first-fit over items sorted by their left edge."""
    order = {name: i for i, name in enumerate(groups)}
    raw = []
    for event, group in zip(events, per_event, strict=True):
        bounds = _bounds(event)
        if bounds is None:
            kind = "past" if event.undated == "past" else "future"
            x0 = x1 = axis.past_edge if kind == "past" else axis.future_edge
        else:
            x0, x1 = bounds
            kind = "point" if event.is_point else "bar"
        lo, hi, side = _extent(kind, axis.px(x0), axis.px(x1), _label(event), dense)
        raw.append((order[group], lo, hi, event.id, event, group, x0, x1, side, kind))
    # Chronological order reads best (rows cascade left to right); first-fit on the
    # left edge (label included) keeps it overlap-free all the same.
    raw.sort(key=lambda r: (r[0], r[6], r[3]))
    placed: list[Placed] = []
    ends: dict[str, list[float]] = {}
    members: dict[tuple[str, int], list[int]] = {}
    cap = MAX_DENSE_LANES if dense else MAX_LANES_PER_GROUP
    for _, lo, hi, _id, event, group, x0, x1, side, kind in raw:
        lanes = ends.setdefault(group, [])
        lane = _fit(lanes, lo, cap)
        if lane is None and side:
            # No room for the label: the event keeps its mark and hovers its label.
            side = ""
            lo, hi, _ = _extent(kind, axis.px(x0), axis.px(x1), "", True)
            lane = _fit(lanes, lo, cap)
        if lane is None and dense:
            lane = min(range(len(lanes)), key=lambda i: lanes[i])  # overlap the emptiest
        elif lane is None:
            # Overlap the lane whose labels it hides fewest of (marks may touch).
            lane = min(
                range(len(lanes)),
                key=lambda i: (
                    len(_labels_under(placed, members.get((group, i), []), lo, hi, axis)),
                    lanes[i],
                ),
            )
            for index in _labels_under(placed, members.get((group, lane), []), lo, hi, axis):
                placed[index] = replace(placed[index], label="", label_side="")
        lanes[lane] = max(lanes[lane], hi)
        label = _label(event) if side else ""
        members.setdefault((group, lane), []).append(len(placed))
        placed.append(Placed(event, group, x0, x1, lane, label, side, kind))
    return placed


def _labels_under(
    placed: list[Placed], indices: Sequence[int], lo: float, hi: float, axis: Axis
) -> list[int]:
    """Which of ``indices`` have a label a mark over ``lo..hi`` would cover."""
    hidden = []
    for index in indices:
        item = placed[index]
        if not item.label:
            continue
        a, b, _ = _extent(item.kind, axis.px(item.x0), axis.px(item.x1), item.label, False)
        a0, b0, _ = _extent(item.kind, axis.px(item.x0), axis.px(item.x1), "", True)
        label_lo, label_hi = (b0, b) if item.label_side == "right" else (a, a0)
        if label_lo < hi and lo < label_hi:
            hidden.append(index)
    return hidden


def _fit(lanes: list[float], lo: float, cap: int) -> int | None:
    """The first lane free from ``lo`` on, opening a new one while under ``cap``."""
    for index, end in enumerate(lanes):
        if end + 2.0 <= lo:
            return index
    if len(lanes) < cap:
        lanes.append(float("-inf"))
        return len(lanes) - 1
    return None


def _lanes_per_group(laid: Iterable[Placed]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in laid:
        counts[item.group] = max(counts.get(item.group, 0), item.lane + 1)
    return counts


def _band_offsets(laid: Sequence[Placed], groups: Sequence[str]) -> dict[str, int]:
    """First row of each group's band (groups stacked top to bottom, one gap row apart)."""
    counts = _lanes_per_group(laid)
    offsets: dict[str, int] = {}
    row = 0
    for name in groups:
        offsets[name] = row
        row += counts.get(name, 1) + 1
    return offsets


# --- dates as text -------------------------------------------------------------------

# Spelled out rather than taken from ``calendar``, whose names follow the locale.
MONTHS = (
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
)


def _day(moment: Moment, year: bool = True) -> str:
    text = f"{moment.day} {MONTHS[moment.month - 1]}"
    if year:
        text += f" {moment.year}"
    if isinstance(moment, datetime) and (moment.hour or moment.minute):
        text += f", {moment.hour:02d}:{moment.minute:02d}"
    return text


def format_when(event: Event) -> str:
    """The resolved date of ``event`` in plain English ("April 2024", "c. 2026")."""
    if event.start is None and event.end is None:
        return "Undated, in the past" if event.undated == "past" else "Undated, still to come"
    start = event.start if event.start is not None else event.end
    end = event.end if event.end is not None else event.start
    assert start is not None and end is not None
    prefix = "c. " if event.approximate else ""
    if event.start is None:
        return f"{prefix}until {_day(end)}"
    if event.end is None:
        return f"{prefix}from {_day(start)}"
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if event.granularity in ("year", "decade", "century", "millennium") and whole_year:
        if start.year == end.year:
            return f"{prefix}{start.year}"
        return f"{prefix}{start.year}–{end.year}"
    if event.granularity == "month" and (start.year, start.month) == (end.year, end.month):
        return f"{prefix}{MONTHS[start.month - 1]} {start.year}"
    if start == end or event.is_point:
        return prefix + _day(start)
    if start.day == 1 and _is_month_end(end):
        first = f"{MONTHS[start.month - 1]}"
        if start.year != end.year:
            first += f" {start.year}"
        return f"{prefix}{first} – {MONTHS[end.month - 1]} {end.year}"
    return f"{prefix}{_day(start, start.year != end.year)} – {_day(end)}"


def _is_month_end(moment: Moment) -> bool:
    return (moment + timedelta(days=1)).month != moment.month


def _wrap(text: str, width: int = 64, lines: int = 5) -> list[str]:
    words = " ".join(text.split()).split(" ")
    out: list[str] = []
    line = ""
    for word in words:
        while len(word) > width:  # an unbroken token longer than a line
            if line:
                out.append(line)
                line = ""
            out.append(word[:width])
            word = word[width:]
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1] + "…"
    return out


def hover_text(event: Event) -> str:
    """The hover card of ``event``: title, date as written and resolved, sentence."""
    parts = [f"<b>{plotly_text(' '.join(event.title.split())[:120])}</b>"]
    when = plotly_text(format_when(event))
    if event.date_text and event.date_text.strip():
        written = plotly_text(" ".join(event.date_text.split())[:80])
        parts.append(f"<i>“{written}”</i> · {when}")
    else:
        parts.append(when)
    parts.extend(plotly_text(line) for line in _wrap(event.sentence))
    return "<br>".join(parts)


# --- traces --------------------------------------------------------------------------


def _x(moment: datetime) -> str:
    if moment.hour or moment.minute or moment.second:
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    return moment.strftime("%Y-%m-%d")


def _ms(delta: timedelta) -> float:
    return round(delta.total_seconds() * 1000.0)


def _group_traces(
    items: Sequence[Placed],
    name: str,
    colour: str,
    *,
    labels: bool,
) -> list[dict]:
    """The traces of one group: bars, points, undated arrows, and bar labels."""
    legend = plotly_text(_short(name, 32))
    traces: list[dict] = []
    bars = [i for i in items if i.kind == "bar"]
    points = [i for i in items if i.kind == "point"]
    edges = [i for i in items if i.kind in ("past", "future")]
    common = {"legendgroup": legend, "name": legend, "hoverinfo": "text", "yaxis": "y2"}
    shown = False
    if bars:
        traces.extend(_bar_traces(bars, colour, common=common))
        shown = True
    if points:
        scatter = partial(_trace, "scatter")
        traces.append(
            scatter(
                x=[_x(i.x0) for i in points],
                y=[i.y for i in points],
                mode="markers",
                hovertext=[hover_text(i.event) for i in points],
                customdata=[i.event.id for i in points],
                marker={
                    "color": colour,
                    "size": 13,
                    "symbol": ["circle-open" if i.event.approximate else "circle" for i in points],
                    "line": {"width": 2.5, "color": colour},
                },
                showlegend=not shown,
                **common,
            )
        )
        shown = True
    if edges:
        traces.append(
            _trace(
                "scatter",
                x=[_x(i.x0) for i in edges],
                y=[i.y for i in edges],
                mode="markers",
                hovertext=[hover_text(i.event) for i in edges],
                customdata=[i.event.id for i in edges],
                marker={
                    "color": colour,
                    "size": 16,
                    "symbol": [
                        "triangle-left" if i.kind == "past" else "triangle-right" for i in edges
                    ],
                },
                showlegend=not shown,
                **common,
            )
        )
    if labels:
        traces.extend(_label_traces(items, common))
    return traces


def _label_traces(items: Sequence[Placed], common: dict) -> list[dict]:
    """Labels as a text trace on ``y``, which the range slider leaves out (marks are on y2).

    Invisible markers of the drawn markers' size keep the text clear of them.
    """
    labelled = [i for i in items if i.label]
    if not labelled:
        return []
    return [
        _trace(
            "scatter",
            x=[_x(i.x1 if i.label_side == "right" else i.x0) for i in labelled],
            y=[i.y for i in labelled],
            mode="markers+text",
            text=[plotly_text(i.label) for i in labelled],
            textposition=[_side(i) for i in labelled],
            marker={
                "size": [16 if i.kind in ("past", "future") else 13 for i in labelled],
                "opacity": 0,
            },
            hoverinfo="skip",
            customdata=[i.event.id for i in labelled],
            showlegend=False,
            legendgroup=common["legendgroup"],
            name=common["name"],
            yaxis="y",
        )
    ]


def _side(item: Placed) -> str:
    return "middle left" if item.label_side == "left" else "middle right"


def _bar_traces(bars: Sequence[Placed], colour: str, *, common: dict) -> list[dict]:
    base: list[str] = []
    length: list[float] = []
    rows: list[int] = []
    opacity: list[float] = []
    shape: list[str] = []
    hover: list[str] = []
    ids: list[str] = []
    for item in bars:
        for x0, x1, soft in _segments(item):
            base.append(_x(x0))
            length.append(_ms(x1 - x0))
            rows.append(item.y)
            opacity.append(0.35 if soft else 0.9)
            shape.append("/" if soft else "")
            hover.append(hover_text(item.event))
            ids.append(item.event.id)
    traces: list[dict] = [
        _trace(
            "bar",
            base=base,
            x=length,
            y=rows,
            orientation="h",
            width=0.56,
            hovertext=hover,
            customdata=ids,
            marker={
                "color": colour,
                "opacity": opacity,
                "line": {"width": 0},
                "pattern": {"shape": shape, "fgcolor": colour, "size": 6, "solidity": 0.3},
            },
            showlegend=True,
            **common,
        )
    ]
    return traces


def _segments(item: Placed) -> list[tuple[datetime, datetime, bool]]:
    """A bar as (start, end, soft) pieces: approximate bars get faded outer fifths."""
    if not item.event.approximate:
        return [(item.x0, item.x1, False)]
    fifth = (item.x1 - item.x0) / 5
    a, b = item.x0 + fifth, item.x1 - fifth
    return [(item.x0, a, True), (a, b, False), (b, item.x1, True)]


#: Bins of the density overview drawn in the range slider of WebGL charts.
DENSITY_BINS = 240


def _density_trace(laid: Sequence[Placed], axis: Axis) -> dict:
    """Events per time bin as one filled step line on ``y3``, for the range slider.

    One SVG path of a few hundred points: the slider stays an overview of where the
    events are however many there are (it cannot draw scattergl traces).
    """
    span = (axis.end - axis.start) / DENSITY_BINS
    counts = [0] * DENSITY_BINS
    for item in laid:
        if item.kind in ("point", "bar"):
            middle = item.x0 + (item.x1 - item.x0) / 2
            index = int((middle - axis.start) / span) if span else 0
            counts[min(max(index, 0), DENSITY_BINS - 1)] += 1
    return _trace(
        "scatter",
        x=[_x(axis.start + span * i) for i in range(DENSITY_BINS)],
        y=counts,
        mode="lines",
        line={"shape": "hv", "width": 1, "color": "rgba(100,110,120,0.8)"},
        fill="tozeroy",
        fillcolor="rgba(100,110,120,0.35)",
        hoverinfo="skip",
        showlegend=False,
        name="Density",
        yaxis="y3",
    )


_GL_SIZE = {"point": 8, "bar": 5, "past": 13, "future": 13}


def _gl_symbol(item: Placed) -> str:
    if item.kind in ("past", "future"):
        return "triangle-left" if item.kind == "past" else "triangle-right"
    return "circle-open" if item.event.approximate else "circle"


def _webgl_traces(
    laid: Sequence[Placed], groups: Sequence[str], colours: dict[str, str]
) -> list[dict]:
    """Many events in few WebGL traces: each scattergl trace costs a draw pass.

    One line trace per group draws the bars; one marker trace holds every point
    and every bar's middle (the hover and click target), and the undated arrows,
    coloured per point: SVG markers would be drawn again in the range slider.
    Empty SVG traces carry the legend entries.
    """
    traces: list[dict] = []
    marks = list(laid)
    for name in groups:
        bars = [i for i in laid if i.group == name and i.kind == "bar"]
        legend = plotly_text(_short(name, 32))
        traces.append(
            _trace(
                "scatter",
                x=[None],
                y=[None],
                mode="markers",
                marker={"color": colours[name], "size": 10},
                name=legend,
                legendgroup=legend,
                hoverinfo="skip",
                yaxis="y2",
            )
        )
        if bars:
            xs: list[str | None] = []
            ys: list[int | None] = []
            for item in bars:
                xs += [_x(item.x0), _x(item.x1), None]
                ys += [item.y, item.y, None]
            traces.append(
                _trace(
                    "scattergl",
                    x=xs,
                    y=ys,
                    mode="lines",
                    line={"color": colours[name], "width": 7},
                    opacity=0.6,
                    hoverinfo="skip",
                    showlegend=False,
                    legendgroup=legend,
                    name=legend,
                    yaxis="y2",
                )
            )
    traces.append(
        _trace(
            "scattergl",
            x=[_x(i.x0 + (i.x1 - i.x0) / 2 if i.kind == "bar" else i.x0) for i in marks],
            y=[i.y for i in marks],
            mode="markers",
            marker={
                "color": [colours[i.group] for i in marks],
                "size": [_GL_SIZE[i.kind] for i in marks],
                "symbol": [_gl_symbol(i) for i in marks],
            },
            hovertext=[hover_text(i.event) for i in marks],
            hoverinfo="text",
            customdata=[i.event.id for i in marks],
            showlegend=False,
            name="Events",
            yaxis="y2",
        )
    )
    return traces


# --- layout --------------------------------------------------------------------------


def _layout_dict(
    timeline: Timeline,
    laid: Sequence[Placed],
    groups: Sequence[str],
    axis: Axis,
    *,
    show_title: bool,
) -> dict:
    offsets = _band_offsets(laid, groups)
    counts = _lanes_per_group(laid)
    rows = sum(counts.get(g, 1) + 1 for g in groups) - 1
    height = int(min(1000, max(320, 150 + 30 * rows)))
    several = len(groups) > 1
    layout: dict = {
        "height": height,
        "margin": {"l": 10 if not several else 110, "r": 10, "t": 40, "b": 10},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"family": SANS, "size": 12, "color": "#1d1d1f"},
        "hovermode": "closest",
        "hoverlabel": {"align": "left", "font": {"family": SANS, "size": 13}},
        "dragmode": "pan",
        "barmode": "overlay",
        "showlegend": several,
        "legend": {
            "orientation": "h",
            "x": 1,
            "xanchor": "right",
            "y": 1.0,
            "yanchor": "bottom",
            "bgcolor": "rgba(0,0,0,0)",
        },
        "xaxis": {
            "type": "date",
            "range": [_x(axis.start), _x(axis.end)],
            "showgrid": True,
            "gridcolor": "rgba(128,128,128,0.18)",
            "linecolor": "rgba(128,128,128,0.5)",
            "zeroline": False,
            "rangeslider": {
                "visible": True,
                "thickness": 0.08,
                # y holds only labels (marks are on y2): an empty range keeps them
                # out of the slider.
                "yaxis": {"rangemode": "fixed", "range": [-1e9, -1e9 + 1]},
            },
            "rangeselector": {
                "buttons": [
                    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                    {"count": 5, "label": "5y", "step": "year", "stepmode": "backward"},
                    {"step": "all", "label": "all"},
                ],
                "x": 0,
                "y": 1.0,
                "yanchor": "bottom",
                "xanchor": "left",
            },
        },
        "yaxis": {
            "range": [rows + 0.6, -0.8],
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
            "tickvals": [offsets[g] + (counts.get(g, 1) - 1) / 2 for g in groups]
            if several
            else [],
            "ticktext": [plotly_text(_short(g)) for g in groups] if several else [],
            "showticklabels": several,
            # Band separators as minor grid lines: layout shapes on this axis trip
            # plotly.js into a NaN path while the legend is being placed.
            "minor": {
                "tickmode": "array",
                "tickvals": [offsets[g] - 1 for g in groups[1:]],
                "showgrid": several,
                "gridcolor": "rgba(128,128,128,0.35)",
                "griddash": "dot",
                "ticklen": 0,
            },
        },
        "yaxis2": {"overlaying": "y", "matches": "y", "visible": False},
    }
    if len(laid) > WEBGL_THRESHOLD:
        # The density overview: out of sight in the plot (its values are >= 0), drawn
        # by the range slider, which the page points at it, as WebGL marks are not.
        layout["yaxis3"] = {
            "overlaying": "y",
            "visible": False,
            "fixedrange": True,
            "range": [-2.0, -1.0],
        }
    reference = _reference_date(timeline)
    if reference is not None and axis.start <= _as_datetime(reference) <= axis.end:
        layout["shapes"], layout["annotations"] = _reference_marker(reference)
    if show_title:
        layout["margin"]["t"] = 90
        layout["title"] = {
            "text": plotly_text(timeline.title),
            "x": 0.01,
            "y": 0.98,
            "yanchor": "top",
            "font": {"family": FONT, "size": 20},
        }
    return layout


def _reference_date(timeline: Timeline) -> date | None:
    """The documents' shared reference date ("as of"), if they all have the same one."""
    dates = {d.document.reference.date for d in timeline.documents if d.document.reference}
    return dates.pop() if len(dates) == 1 else None


def _reference_marker(reference: date) -> tuple[list[dict], list[dict]]:
    """A dotted vertical line at the reference date, labelled at its foot."""
    x = _x(_as_datetime(reference))
    line = {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": x,
        "x1": x,
        "y0": 0,
        "y1": 1,
        "layer": "below",
        "line": {"color": "rgba(179,38,30,0.55)", "width": 1.5, "dash": "dot"},
    }
    label = {
        "x": x,
        "xref": "x",
        "y": 0,
        "yref": "paper",
        "yanchor": "bottom",
        "xanchor": "left",
        "xshift": 3,
        "showarrow": False,
        "text": f"as of {reference.day} {MONTHS[reference.month - 1][:3]} {reference.year}",
        "font": {"size": 11, "color": "#b3261e"},
    }
    return [line], [label]


def _short(name: str, limit: int = 18) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
