// The timeline page: draw the server's figure JSON into the one persistent graph div, redraw it after
// every htmx swap of the results, open an event's panel when a mark or a listed title is clicked, and keep
// the whole state (filters, range, open event) in the address so a reload or a shared link restores it.
// plotly.js loads asynchronously: the list is readable and clickable before the chart script arrives.
(function () {
  "use strict";

  var CHART_ID = "timeline-chart";
  var FIGURE_ID = "timeline-figure";
  var PANEL_ID = "event-panel";
  var FORM_ID = "filters";
  var SITE_TITLE = "Geopolitical timeline";
  var ZOOM_DELAY_MS = 250;
  var DAY_MS = 86400000;
  var NARROW = "(max-width: 40em)";
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

  function openSlug() {
    var shown = document.querySelector("#" + PANEL_ID + " [data-slug]");
    return shown ? shown.getAttribute("data-slug") : "";
  }

  // The address of the timeline as it is now: the filters of `base` (a URL) with the open event, if any.
  function addressWithEvent(base, slug) {
    var url = new URL(base, window.location.href);
    url.searchParams.delete("event");
    if (slug) url.searchParams.set("event", slug);
    return url.pathname + url.search + url.hash;
  }

  function followTitle() {
    var shown = document.querySelector("#" + PANEL_ID + " [data-title]");
    document.title = shown ? shown.getAttribute("data-title") + " · " + SITE_TITLE : SITE_TITLE;
  }

  function openEvent(slug) {
    // The server answers with the panel fragment; the address keeps the timeline and names the event.
    htmx.ajax("GET", "/events/" + encodeURIComponent(slug) + "/", { target: "#" + PANEL_ID, swap: "innerHTML" })
      .then(function () {
        var next = addressWithEvent(window.location.href, openSlug());
        if (next !== window.location.pathname + window.location.search + window.location.hash) {
          history.pushState({ htmx: true }, "", next);
        }
        followTitle();
      });
  }

  // Plotly's range end as the last day shown: an end at midnight belongs to the day before.
  function lastDay(value) {
    var text = String(value).replace(" ", "T");
    var time = Date.parse(text.length <= 10 ? text + "T00:00:00Z" : text + "Z");
    if (isNaN(time)) return "";
    var day = new Date(time);
    var midnight = day.getUTCHours() === 0 && day.getUTCMinutes() === 0 && day.getUTCSeconds() === 0;
    return new Date(midnight ? time - DAY_MS : time).toISOString().slice(0, 10);
  }

  function firstDay(value) {
    var time = Date.parse(String(value).replace(" ", "T").slice(0, 10) + "T00:00:00Z");
    return isNaN(time) ? "" : new Date(time).toISOString().slice(0, 10);
  }

  // Zooming is the same range as the From and To fields: it writes them, and the form asks the server.
  function zoomTo(start, end) {
    var form = document.getElementById(FORM_ID);
    if (!form || !form.elements.date_from || !form.elements.date_to) return;
    form.elements.date_from.value = start ? firstDay(start) : "";
    form.elements.date_to.value = end ? lastDay(end) : "";
    htmx.trigger(form, "submit");
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
      zoomTo(point.customdata[0], point.customdata[1] + "T12:00:00"); // a count: open its period
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
    var layout = figure.layout || {};
    var config = figure.config || {};
    layout.shapes = selectionShapes(document.querySelector("#" + PANEL_ID + " [data-slug]"));
    if (window.matchMedia(NARROW).matches) {
      // A phone: no toolbar over the legend (drag, pinch and double-tap zoom), fewer dates under the axis.
      config.displayModeBar = false;
      if (layout.xaxis) {
        layout.xaxis.nticks = 4;
        layout.xaxis.tickangle = 0;
        layout.xaxis.tickformat = "%b<br>%Y";
      }
    }
    Plotly.react(div, figure.data || [], layout, config).then(function () {
      div.setAttribute("data-drawn", "true");
    });
    if (!clickBound && typeof div.on === "function") {
      div.on("plotly_click", onClick);
      div.on("plotly_relayout", onRelayout);
      clickBound = true;
    }
  }

  // The open event's dates on the chart: a dotted line for one day, a shaded band for a longer range.
  function selectionShapes(shown) {
    var start = shown && shown.getAttribute("data-start");
    if (!start) return [];
    var end = shown.getAttribute("data-end") || start;
    var colour = "rgba(194, 106, 46, 0.85)";
    if (end === start) {
      return [{ type: "line", xref: "x", yref: "paper", x0: start, x1: start, y0: 0, y1: 1, layer: "below",
                line: { color: colour, width: 1.5, dash: "dot" } }];
    }
    var after = new Date(Date.parse(end + "T00:00:00Z") + DAY_MS).toISOString().slice(0, 10);
    return [{ type: "rect", xref: "x", yref: "paper", x0: start, x1: after, y0: 0, y1: 1, layer: "below",
              fillcolor: "rgba(194, 106, 46, 0.10)", line: { color: colour, width: 1, dash: "dot" } }];
  }

  function markSelected() {
    var slug = openSlug();
    document.querySelectorAll(".event-item[data-slug]").forEach(function (item) {
      item.classList.toggle("is-selected", item.getAttribute("data-slug") === slug);
    });
    var div = chartDiv();
    if (div && div.layout && typeof Plotly !== "undefined") {
      Plotly.relayout(div, { shapes: selectionShapes(document.querySelector("#" + PANEL_ID + " [data-slug]")) });
    }
  }

  function copyLink(button) {
    var text = button.getAttribute("data-copy");
    var status = button.closest(".share") && button.closest(".share").querySelector(".copy-status");
    function done(message) {
      if (status) status.textContent = message;
      button.textContent = "Link copied";
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done("The link is on your clipboard."); },
        function () { done("Select the link above and copy it."); });
    } else {
      var field = button.closest(".share").querySelector(".permalink-field");
      if (field) field.select();
      done(document.execCommand && document.execCommand("copy") ? "The link is on your clipboard." : "Select the link above and copy it.");
    }
  }

  function onDocumentClick(evt) {
    var copy = evt.target.closest && evt.target.closest(".copy-link");
    if (copy) {
      copyLink(copy);
      return;
    }
    var title = evt.target.closest && evt.target.closest("a.event-title[data-slug]");
    if (!title || evt.button !== 0 || evt.metaKey || evt.ctrlKey || evt.shiftKey || evt.altKey) return;
    evt.preventDefault(); // a new tab still opens the permalink
    openEvent(title.getAttribute("data-slug"));
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

  // The server pushes the filters' address after a new view: keep the open event in it.
  function onPushed() {
    var slug = openSlug();
    if (slug) history.replaceState({ htmx: true }, "", addressWithEvent(window.location.href, slug));
  }

  function onCleanup(evt) {
    // Free plotly's listeners and SVG state before htmx removes the graph div.
    var div = chartDiv();
    if (div && evt.target && (evt.target === div || evt.target.contains(div)) && typeof Plotly !== "undefined") {
      Plotly.purge(div);
      clickBound = false;
    }
  }

  function start() {
    followTitle();
    if (typeof Plotly !== "undefined") {
      render();
    } else {
      var script = document.getElementById("plotly-script");
      if (script) script.addEventListener("load", render);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  document.addEventListener("click", onDocumentClick);
  document.addEventListener("htmx:afterSwap", onSwap);
  document.addEventListener("htmx:afterSettle", onSettle);
  document.addEventListener("htmx:pushedIntoHistory", onPushed);
  document.addEventListener("htmx:beforeCleanupElement", onCleanup);
})();
