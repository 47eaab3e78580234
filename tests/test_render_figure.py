"""timeline.render.figure: Timeline -> plotly Figure."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from tests.render_fixtures import PAYLOADS, hostile_timeline, sample_timeline
from timeline.model import Event, Timeline
from timeline.render import figure as fig_mod
from timeline.render.figure import build_figure, format_when, hover_text, plotly_text

#: Tags our own hover cards use; anything else in plotly text must have been escaped.
OWN_TAGS = re.compile(r"</?(b|i|br)>")


def _hoverable(fig):
    return [t for t in fig.data if t.hoverinfo != "skip" and t.customdata is not None]


def _ids(traces) -> list[str]:
    return [cid for t in traces for cid in t.customdata]


def _event(ident="e1", start=None, end=None, gran="day", **kw) -> Event:
    return Event(
        id=ident,
        start=start,
        end=end,
        granularity=gran,
        approximate=kw.pop("approximate", False),
        title=kw.pop("title", "Something happened"),
        sentence=kw.pop("sentence", "Something happened then."),
        documents=("d1",),
        timexes=(),
        **kw,
    )


def test_every_event_is_drawn_and_hoverable():
    timeline = sample_timeline()
    fig = build_figure(timeline)
    ids = _ids(_hoverable(fig))
    assert set(ids) == {e.id for e in timeline.events}
    # approximate bars are three pieces (soft ends), all else one mark each
    assert sorted(set(ids)) == sorted(e.id for e in timeline.events)
    assert ids.count("e5") == 3 and ids.count("e1") == 1


@pytest.mark.parametrize(
    ("event_id", "trace_type"),
    [("e2", "scatter"), ("e8", "scatter"), ("e1", "bar"), ("e7", "bar"), ("e11", "bar")],
)
def test_points_are_markers_and_ranges_are_bars(event_id, trace_type):
    fig = build_figure(sample_timeline())
    types = {t.type for t in _hoverable(fig) if event_id in t.customdata}
    assert types == {trace_type}


def test_approximate_bounds_are_soft():
    fig = build_figure(sample_timeline())
    bar = next(t for t in fig.data if t.type == "bar" and "e5" in t.customdata)
    pieces = [i for i, cid in enumerate(bar.customdata) if cid == "e5"]
    opacities = [bar.marker.opacity[i] for i in pieces]
    shapes = [bar.marker.pattern.shape[i] for i in pieces]
    assert opacities[0] < opacities[1] > opacities[2]
    assert shapes == ("/", "", "/") or list(shapes) == ["/", "", "/"]


def test_approximate_point_is_an_open_marker():
    timeline = Timeline(
        (), (_event(start=date(2020, 1, 1), end=date(2020, 1, 1), approximate=True),)
    )
    fig = build_figure(timeline)
    point = _hoverable(fig)[0]
    assert list(point.marker.symbol) == ["circle-open"]


def test_undated_events_sit_at_the_edges_with_arrows():
    fig = build_figure(sample_timeline())
    edge = {}
    for trace in _hoverable(fig):
        for i, cid in enumerate(trace.customdata):
            if cid in ("e6", "e10"):
                edge[cid] = (trace.x[i], trace.marker.symbol[i])
    lo, hi = fig.layout.xaxis.range
    assert edge["e6"][1] == "triangle-right" and edge["e10"][1] == "triangle-left"
    assert lo < edge["e10"][0] < "2019-06-01" and "2026-04-30" < edge["e6"][0] < hi


def test_labels_do_not_overlap_in_the_nominal_layout():
    timeline = sample_timeline()
    events = list(timeline.events) + [
        _event(f"x{i}", date(2025, 1, 1 + i), date(2025, 1, 1 + i), title="Crowded day " * 3)
        for i in range(20)
    ]
    timeline = Timeline(timeline.documents, tuple(events))
    groups, per_event = fig_mod._group_names(timeline, events)
    axis = fig_mod._axis_range(timeline, events)
    laid = fig_mod._layout(events, per_event, groups, axis, dense=False)
    boxes: dict[tuple[str, int], list[tuple[float, float, tuple[float, float] | None]]] = {}
    for item in laid:
        label = item.label if item.label_side else ""
        x0, x1 = axis.px(item.x0), axis.px(item.x1)
        lo, hi, side = fig_mod._extent(item.kind, x0, x1, label, False)
        assert side == item.label_side
        mark_lo, mark_hi, _ = fig_mod._extent(item.kind, x0, x1, "", True)
        text = (mark_hi, hi) if side == "right" else (lo, mark_lo) if side == "left" else None
        boxes.setdefault((item.group, item.lane), []).append((lo, hi, text))
    for spans in boxes.values():
        for i, (_, _, text) in enumerate(spans):
            if text:  # a label never lies under another mark or label (marks may touch)
                others = spans[:i] + spans[i + 1 :]
                assert all(text[1] <= o_lo or o_hi <= text[0] for o_lo, o_hi, _ in others)
    assert max(item.lane for item in laid) < fig_mod.MAX_LANES_PER_GROUP
    assert any(not item.label for item in laid)  # the crowd falls back to hover-only


def test_every_label_stays_inside_the_plot():
    fig = build_figure(sample_timeline())
    labels = [t for t in fig.data if getattr(t, "mode", None) == "markers+text"]
    assert labels and all(t.yaxis == "y" and t.hoverinfo == "skip" for t in labels)
    assert fig.layout.xaxis.rangeslider.yaxis.rangemode == "fixed"  # kept out of the slider


def test_groups_get_colours_and_a_legend():
    fig = build_figure(sample_timeline())
    names = {t.name for t in fig.data if t.showlegend}
    assert names == {"Storage act", "Board notes"}
    assert fig.layout.showlegend is True
    colours = {t.name: t.marker.color for t in fig.data if t.type == "bar"}
    assert colours["Storage act"] != colours["Board notes"]


def test_range_slider_and_presets():
    fig = build_figure(sample_timeline())
    assert fig.layout.xaxis.rangeslider.visible is True
    labels = [b.label for b in fig.layout.xaxis.rangeselector.buttons]
    assert labels == ["1y", "5y", "all"]


def test_hover_card_has_date_as_written_resolved_title_and_sentence():
    card = hover_text(sample_timeline().events[0])
    assert card.startswith("<b>Lawmakers passed the storage act</b><br>")
    assert "“April 2024”" in card and "April 2024" in card
    assert "Lawmakers passed the storage act in April 2024" in card


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("$5m to $9m", "&#36;5m to &#36;9m"),
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ("a & b", "a &amp; b"),
        ("<a href='javascript:x'>", "&lt;a href='javascript:x'&gt;"),
    ],
)
def test_plotly_text_escapes(raw, escaped):
    assert plotly_text(raw) == escaped


def test_hostile_text_reaches_plotly_escaped():
    fig = build_figure(hostile_timeline())
    texts: list[str] = []
    for trace in fig.data:
        for attr in ("hovertext", "text"):
            value = getattr(trace, attr, None)
            if value:
                texts.extend(value if isinstance(value, tuple) else [value])
        texts.append(trace.name or "")
    texts.append(fig.layout.title.text or "")
    texts.extend(fig.layout.yaxis.ticktext or ())
    for text in texts:
        leftover = OWN_TAGS.sub("", text)
        assert "<" not in leftover and ">" not in leftover, text
        assert "$" not in text, text
    assert len(PAYLOADS) >= 30


@pytest.mark.parametrize(
    ("start", "end", "gran", "approx", "undated", "expected"),
    [
        (date(2024, 4, 1), date(2024, 4, 30), "month", False, None, "April 2024"),
        (date(2025, 1, 19), date(2025, 1, 19), "day", False, None, "19 January 2025"),
        (date(2026, 1, 1), date(2026, 4, 30), "month", True, None, "c. January – April 2026"),
        (date(2023, 1, 1), date(2023, 12, 31), "year", False, None, "2023"),
        (date(2021, 1, 1), date(2022, 12, 31), "year", False, None, "2021–2022"),
        (date(2025, 10, 31), date(2025, 11, 1), "day", False, None, "31 October 2025"),
        (
            date(2025, 10, 31),
            date(2025, 11, 1),
            "week",
            False,
            None,
            "31 October – 1 November 2025",
        ),
        (
            datetime(2025, 3, 3, 14, 30),
            datetime(2025, 3, 3, 14, 30),
            "minute",
            False,
            None,
            "3 March 2025, 14:30",
        ),
        (None, None, None, False, "future", "Undated, still to come"),
        (None, None, None, False, "past", "Undated, in the past"),
    ],
)
def test_format_when(start, end, gran, approx, undated, expected):
    event = _event(start=start, end=end, gran=gran, approximate=approx, undated=undated)
    assert format_when(event) == expected


def test_deterministic():
    assert build_figure(sample_timeline()).to_json() == build_figure(sample_timeline()).to_json()


def test_empty_timeline_builds():
    fig = build_figure(Timeline((), ()))
    assert len(fig.data) == 0
    assert fig.layout.xaxis.range[0] < fig.layout.xaxis.range[1]


def test_many_events_use_webgl_without_labels():
    start = date(1990, 1, 1)
    events = tuple(
        _event(
            f"e{i}",
            start + timedelta(days=i),
            start + timedelta(days=i + (30 if i % 3 == 0 else 0)),
            "month" if i % 3 == 0 else "day",
        )
        for i in range(fig_mod.WEBGL_THRESHOLD + 200)
    )
    fig = build_figure(Timeline((), events))
    big = [t for t in fig.data if len(t.x) > 1 and t.yaxis != "y3"]
    assert {t.type for t in big} == {"scattergl"}
    assert len(big) <= 2  # few WebGL traces: each one is a draw pass
    assert not any("text" in (t.mode or "") for t in fig.data)
    assert len(set(_ids(_hoverable(fig)))) == len(events)
    # The range slider cannot draw WebGL: a density line on a hidden axis stands in.
    density = [t for t in fig.data if t.yaxis == "y3"]
    assert len(density) == 1 and density[0].type == "scatter"
    assert sum(density[0].y) == len(events)
    low, high = fig.layout.yaxis3.range
    assert high < 0 <= min(density[0].y)  # out of sight in the plot itself


def test_reference_date_is_marked():
    fig = build_figure(sample_timeline())
    (line,) = fig.layout.shapes
    (label,) = fig.layout.annotations
    assert line.x0 == line.x1 == "2025-09-20" and line.yref == "paper"
    assert label.text == "as of 20 Sep 2025"
