/* Timeline page behaviour: chart, click-to-list, filter, label de-cluttering, theme.
   Defined once per page; every fragment mounts its own root, so several can coexist. */
window.TimelinePage = window.TimelinePage || (function () {
  "use strict";

  function css(root, name, fallback) {
    var value = getComputedStyle(root).getPropertyValue(name);
    return value && value.trim() ? value.trim() : fallback;
  }

  function theme(root) {
    var fg = css(root, "--tl-fg", "#1d1d1f");
    var muted = css(root, "--tl-muted", "#5f6368");
    var card = css(root, "--tl-card", "#ffffff");
    var rule = css(root, "--tl-rule", "#dddddd");
    var grid = css(root, "--tl-grid", "rgba(60,60,60,0.14)");
    return {
      "font.color": fg,
      "xaxis.gridcolor": grid,
      "xaxis.linecolor": rule,
      "xaxis.tickfont.color": muted,
      "xaxis.rangeselector.bgcolor": card,
      "xaxis.rangeselector.activecolor": rule,
      "xaxis.rangeselector.bordercolor": rule,
      "xaxis.rangeselector.borderwidth": 1,
      "xaxis.rangeselector.font.color": fg,
      "xaxis.rangeslider.bgcolor": card,
      "xaxis.rangeslider.bordercolor": rule,
      "xaxis.rangeslider.borderwidth": 1,
      "modebar.bgcolor": "rgba(0,0,0,0)",
      "modebar.color": muted,
      "modebar.activecolor": fg,
      "hoverlabel.bgcolor": card,
      "hoverlabel.bordercolor": rule,
      "hoverlabel.font.color": fg
    };
  }

  function apply(layout, updates) {
    Object.keys(updates).forEach(function (path) {
      var parts = path.split("."), node = layout;
      for (var i = 0; i < parts.length - 1; i++) {
        if (typeof node[parts[i]] !== "object" || node[parts[i]] === null) node[parts[i]] = {};
        node = node[parts[i]];
      }
      node[parts[parts.length - 1]] = updates[path];
    });
    return layout;
  }

  function narrow(chart, data) {
    var small = chart.clientWidth < 560;
    var several = data.bands;
    return {
      "margin.l": small || !several ? 10 : 110,
      "yaxis.showticklabels": !small && !!several
    };
  }

  function overlaps(a, b, gap) {
    return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom && b.top < a.bottom;
  }

  /* Hide every label that would overlap a mark or an earlier label, or leave the plot. */
  function declutter(chart) {
    // Overlaid subplots live in the main one's .overplot: labels on xy, marks on xy2.
    var labels = chart.querySelectorAll(".cartesianlayer .overplot > .xy .textpoint text");
    if (!labels.length) return;
    var drag = chart.querySelector(".draglayer .xy .nsewdrag");
    if (!drag) return;
    var area = drag.getBoundingClientRect();
    var kept = [], marks = [];
    var points = chart.querySelectorAll(".cartesianlayer .overplot > .xy2 .point");
    for (var m = 0; m < points.length; m++) marks.push(points[m].getBoundingClientRect());
    for (var i = 0; i < labels.length; i++) {
      var label = labels[i];
      label.style.visibility = "";
      var r = label.getBoundingClientRect();
      var ok = r.width > 0 && r.left >= area.left - 1 && r.right <= area.right + 1;
      for (var j = 0; ok && j < marks.length; j++) {
        if (overlaps(r, marks[j], -1)) ok = false;  // touching its own mark is fine
      }
      for (var k = 0; ok && k < kept.length; k++) {
        if (overlaps(r, kept[k], 3)) ok = false;
      }
      if (ok) kept.push(r); else label.style.visibility = "hidden";
    }
  }

  function mount(rootId, dataId, chartId) {
    var root = document.getElementById(rootId);
    var chart = document.getElementById(chartId);
    var data = JSON.parse(document.getElementById(dataId).textContent);
    var prefix = data.prefix;
    var count = document.getElementById(prefix + "count");
    var search = document.getElementById(prefix + "search");
    // The list comes after this script in the page: read it when first needed.
    var items = null, haystack = null;
    function entries() {
      if (!items) items = root.querySelectorAll(".tl-event");
      return items;
    }
    // "Show on chart" buttons appear once both the chart and the list are there.
    function reveal() {
      if (!plotted || document.readyState === "loading") return;
      var buttons = root.querySelectorAll(".tl-show");
      for (var b = 0; b < buttons.length; b++) buttons[b].hidden = false;
    }
    /* Long timelines park the list and sources in <template>s (see page.py): they
       stream in, a slice per task, once the chart has had its frame (so the page
       answers input meanwhile), or all at once when asked for. */
    var SLICE = 400;
    function pending() {
      return document.readyState === "loading" ? [] : root.querySelectorAll("template.tl-later");
    }
    function move(later, limit) {
      for (var i = 0; i < later.length; i++) {
        var tpl = later[i], content = tpl.content, slice = document.createDocumentFragment();
        while (content.firstChild && limit-- > 0) slice.appendChild(content.firstChild);
        tpl.parentNode.insertBefore(slice, tpl);
        if (!content.firstChild) tpl.parentNode.removeChild(tpl);
        if (limit <= 0) return;
      }
    }
    function done() {
      items = null;
      haystack = null;
      reveal();
      if (search && search.value) filter();
      var hash = window.location.hash.slice(1);
      var target = hash && document.getElementById(decodeURIComponent(hash));
      if (target && root.contains(target)) {
        target.scrollIntoView();
        // Entries drawn near it replace their size estimates: land again.
        window.requestAnimationFrame(function () { target.scrollIntoView(); });
      }
    }
    function expand() {
      var later = pending();
      if (!later.length) return;
      move(later, Infinity);
      done();
    }
    function trickle() {
      var later = pending();
      if (!later.length) return;
      move(later, SLICE);
      if (pending().length) setTimeout(trickle, 0); else done();
    }
    function expandSoon() {
      if (plotted || !window.Plotly) {
        window.requestAnimationFrame(function () { setTimeout(trickle, 0); });
      }
    }
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () {
        items = null;
        haystack = null;
        reveal();
        expandSoon();
      });
    }
    window.addEventListener("beforeprint", expand);
    var plotted = false;

    function focusEvent(id) {
      expand();
      var el = document.getElementById(prefix + id);
      if (!el) return;
      if (el.hidden && search) { search.value = ""; filter(); }
      var active = root.querySelectorAll(".tl-active");
      for (var i = 0; i < active.length; i++) active[i].classList.remove("tl-active");
      el.classList.add("tl-active");
      if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
      var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      el.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "center" });
      el.focus({ preventScroll: true });
      if (data.page && window.history && history.replaceState) {
        history.replaceState(null, "", "#" + prefix + id);
      }
    }

    function filter() {
      var terms = (search ? search.value : "").toLocaleLowerCase().split(/\s+/).filter(Boolean);
      var matched = {}, shown = 0, list = entries(), total = list.length;
      if (!haystack || haystack.length !== total) {
        haystack = [];
        for (var h = 0; h < list.length; h++) haystack.push(list[h].textContent.toLocaleLowerCase());
      }
      for (var i = 0; i < list.length; i++) {
        var text = haystack[i];
        var ok = terms.every(function (t) { return text.indexOf(t) !== -1; });
        list[i].hidden = !ok;
        if (ok) { shown++; matched[list[i].id.slice(prefix.length)] = true; }
      }
      if (count) count.textContent = terms.length ? shown + " of " + total + " events" : total + " events";
      if (!plotted) return;
      var indices = [], selections = [];
      chart.data.forEach(function (trace, t) {
        if (!trace.customdata) return;
        indices.push(t);
        if (!terms.length) { selections.push(null); return; }
        var picked = [];
        for (var j = 0; j < trace.customdata.length; j++) {
          if (matched[trace.customdata[j]]) picked.push(j);
        }
        selections.push(picked);
      });
      if (indices.length) window.Plotly.restyle(chart, { selectedpoints: selections }, indices);
    }

    /* "Show on chart": centre the chart on an entry's event and open its card. */
    function showOnChart(id) {
      var xa = chart._fullLayout && chart._fullLayout.xaxis;
      if (!xa) return;
      for (var t = 0; t < chart.data.length; t++) {
        var trace = chart.data[t];
        if (!trace.customdata || trace.hoverinfo === "skip") continue;
        var i = Array.prototype.indexOf.call(trace.customdata, id);
        if (i < 0) continue;
        var x = trace.type === "bar" ? xa.d2l(trace.base[i]) + trace.x[i] / 2 : xa.d2l(trace.x[i]);
        var full = xa.range.map(xa.r2l);
        var half = Math.max((full[1] - full[0]) / 8, 45 * 864e5);
        window.Plotly.relayout(chart, { "xaxis.range": [xa.l2r(x - half), xa.l2r(x + half)] }).then(function () {
          chart.scrollIntoView({ block: "center" });
          window.Plotly.Fx.hover(chart, [{ curveNumber: t, pointNumber: i }], "xy2");
        });
        return;
      }
    }

    root.addEventListener("click", function (ev) {
      var button = ev.target.closest && ev.target.closest(".tl-show");
      var entry = button && button.closest(".tl-event");
      if (entry) showOnChart(entry.id.slice(prefix.length));
    });

    if (search) {
      var timer = null;
      search.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(filter, 60);
      });
      search.addEventListener("keydown", function (ev) {
        if (ev.key === "Escape") { search.value = ""; filter(); }
      });
    }

    if (!window.Plotly) {
      chart.textContent = "The chart needs plotly.js, which did not load. Every event is listed below.";
      chart.classList.add("tl-empty");
      expandSoon();
      return;
    }
    var layout = apply(data.layout, theme(root));
    apply(layout, narrow(chart, data));
    // WebGL draws at the screen's own pixel ratio, not plotly's fixed 2: on a 1x
    // screen that is a quarter of the pixels to fill on every zoom and pan.
    data.config.plotGlPixelRatio = Math.max(1, Math.min(2, window.devicePixelRatio || 1));
    window.Plotly.newPlot(chart, data.data, layout, data.config).then(function () {
      plotted = true;
      chart.on("plotly_click", function (ev) {
        var point = ev && ev.points && ev.points[0];
        if (point && point.customdata != null) focusEvent(String(point.customdata));
      });
      chart.on("plotly_afterplot", function () { declutter(chart); });
      declutter(chart);
      if (search && search.value) filter();
      reveal();
      expandSoon();
      chart.setAttribute("data-ready", "true");
    });

    if (window.matchMedia) {
      var dark = window.matchMedia("(prefers-color-scheme: dark)");
      var retheme = function () { if (plotted) window.Plotly.relayout(chart, theme(root)); };
      if (dark.addEventListener) dark.addEventListener("change", retheme);
    }
    var resizeTimer = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () {
        if (plotted) window.Plotly.relayout(chart, narrow(chart, data));
      }, 120);
    });
  }

  return { mount: mount };
})();
