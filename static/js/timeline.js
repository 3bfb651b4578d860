// The timeline page: draw the server's figure JSON into the one persistent graph div, redraw it after
// every htmx swap of the results, and open an event's panel when one of its marks is clicked.
(function () {
  "use strict";

  var CHART_ID = "timeline-chart";
  var FIGURE_ID = "timeline-figure";
  var PANEL_ID = "event-panel";
  var FORM_ID = "filters";
  var ZOOM_DELAY_MS = 250;
  var clickBound = false;
  var zoomTimer = null;

  function chartDiv() {
    return document.getElementById(CHART_ID);
  }

  function readFigure() {
    var script = document.getElementById(FIGURE_ID);
    if (!script) return null;
    try {
      return JSON.parse(script.textContent);
    } catch (err) {
      return null;
    }
  }

  function openEvent(slug) {
    var url = "/events/" + encodeURIComponent(slug) + "/";
    // The server answers with the panel fragment and an HX-Push-Url header naming the permalink.
    htmx.ajax("GET", url, { target: "#" + PANEL_ID, swap: "innerHTML" });
  }

  // Zooming asks the server for the new range: counts per period while the range holds many events,
  // single events once it holds few. The range travels in the filter form's hidden start/end fields,
  // so it stays with the filters and in the pushed URL.
  function zoomTo(start, end) {
    var form = document.getElementById(FORM_ID);
    if (!form || !form.elements.start || !form.elements.end) return;
    form.elements.start.value = start ? String(start).slice(0, 10) : "";
    form.elements.end.value = end ? String(end).slice(0, 10) : "";
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "" && name !== "page") params.append(name, value);
    });
    var url = form.getAttribute("action") + (params.toString() ? "?" + params.toString() : "");
    htmx.ajax("GET", url, { target: "#results", swap: "innerHTML" });
  }

  function onRelayout(update) {
    if (!update) return;
    var start = update["xaxis.range[0]"];
    var end = update["xaxis.range[1]"];
    if (update["xaxis.range"]) {
      start = update["xaxis.range"][0];
      end = update["xaxis.range"][1];
    }
    if (update["xaxis.autorange"]) {
      start = "";
      end = "";
    } else if (start === undefined || end === undefined) {
      return;
    }
    clearTimeout(zoomTimer);
    zoomTimer = setTimeout(function () {
      zoomTo(start, end);
    }, ZOOM_DELAY_MS);
  }

  function onClick(data) {
    var point = data && data.points && data.points[0];
    if (!point || !point.customdata) return;
    if (point.data && point.data.meta === "bins") {
      zoomTo(point.customdata[0], point.customdata[1]); // a count: open its period
      return;
    }
    if (point.customdata[0]) openEvent(point.customdata[0]);
  }

  function render() {
    var div = chartDiv();
    var figure = readFigure();
    if (!div || !figure || typeof Plotly === "undefined") return;
    var empty = !figure.data || figure.data.length === 0;
    div.classList.toggle("chart-empty", empty);
    Plotly.react(div, figure.data || [], figure.layout || {}, figure.config || {});
    if (!clickBound && typeof div.on === "function") {
      div.on("plotly_click", onClick);
      div.on("plotly_relayout", onRelayout);
      clickBound = true;
    }
  }

  // Mark the list item of the event shown in the panel.
  // ... and its dates on the chart: a dotted line for one day, a shaded band for a longer range.
  function selectionShapes(shown) {
    var start = shown && shown.getAttribute("data-start");
    if (!start) return [];
    var end = shown.getAttribute("data-end") || start;
    var colour = "rgba(194, 106, 46, 0.85)";
    if (end === start) {
      return [{ type: "line", xref: "x", yref: "paper", x0: start, x1: start, y0: 0, y1: 1, layer: "below",
                line: { color: colour, width: 1.5, dash: "dot" } }];
    }
    var after = new Date(Date.parse(end + "T00:00:00Z") + 86400000).toISOString().slice(0, 10);
    return [{ type: "rect", xref: "x", yref: "paper", x0: start, x1: after, y0: 0, y1: 1, layer: "below",
              fillcolor: "rgba(194, 106, 46, 0.10)", line: { color: colour, width: 1, dash: "dot" } }];
  }

  function markSelected() {
    var shown = document.querySelector("#" + PANEL_ID + " [data-slug]");
    var slug = shown ? shown.getAttribute("data-slug") : null;
    document.querySelectorAll(".event-item[data-slug]").forEach(function (item) {
      item.classList.toggle("is-selected", item.getAttribute("data-slug") === slug);
    });
    var div = chartDiv();
    if (div && div.layout && typeof Plotly !== "undefined") {
      Plotly.relayout(div, { shapes: selectionShapes(shown) });
    }
  }

  function onSwap(evt) {
    var target = evt.detail && evt.detail.target;
    if (target && target.id === "results") render();
  }

  function onSettle(evt) {
    var target = evt.detail && evt.detail.target;
    if (target && (target.id === PANEL_ID || target.id === "results")) markSelected();
    if (target && target.id === PANEL_ID && window.matchMedia("(max-width: 60em)").matches) {
      target.scrollIntoView({ behavior: "smooth", block: "start" });
    }
  }

  function onCleanup(evt) {
    // Free plotly's listeners and WebGL/SVG state before htmx removes the graph div.
    var div = chartDiv();
    if (div && evt.target && (evt.target === div || evt.target.contains(div))) {
      Plotly.purge(div);
      clickBound = false;
    }
  }

  document.addEventListener("DOMContentLoaded", render);
  document.addEventListener("htmx:afterSwap", onSwap);
  document.addEventListener("htmx:afterSettle", onSettle);
  document.addEventListener("htmx:beforeCleanupElement", onCleanup);
})();
