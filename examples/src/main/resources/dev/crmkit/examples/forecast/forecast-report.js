// Draws the report's charts as SVG from the JSON in #report-data. Each chart records how many marks it drew in its
// data-marks attribute; the body's data-rendered says "ok" when all drew, or the error that stopped them.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var CATEGORIES = ["CLOSED", "COMMIT", "BEST_CASE", "PIPELINE"];
  var CATEGORY_NAMES = { CLOSED: "Closed", COMMIT: "Commit", BEST_CASE: "Best case", PIPELINE: "Pipeline" };
  var COLOURS = { CLOSED: "#2e7d4f", COMMIT: "#3b6fb6", BEST_CASE: "#7fa7dc", PIPELINE: "#c6d6ec" };
  var WIDTH = 900, HEIGHT = 320, LEFT = 80, RIGHT = 20, TOP = 16, BOTTOM = 44;

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function svg(container) {
    var root = el("svg", { viewBox: "0 0 " + WIDTH + " " + HEIGHT, role: "img" });
    container.appendChild(root);
    return root;
  }

  function money(v) {
    return Math.round(v).toLocaleString("en-US");
  }

  // a "nice" upper bound for an axis and its ticks
  function niceMax(max) {
    if (!(max > 0)) { return 1; }
    var step = Math.pow(10, Math.floor(Math.log10(max)));
    var n = max / step;
    var nice = n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10;
    return nice * step;
  }

  function yAxis(root, max, format) {
    for (var i = 0; i <= 4; i++) {
      var v = max * i / 4;
      var y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * i / 4;
      el("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y, stroke: "#e6eaef" }, root);
      var t = el("text", { x: LEFT - 6, y: y + 4, "text-anchor": "end", "font-size": 11, fill: "#5a6675" }, root);
      t.textContent = format(v);
    }
  }

  function label(root, x, text) {
    var t = el("text", { x: x, y: HEIGHT - BOTTOM + 16, "text-anchor": "middle", "font-size": 11, fill: "#1d2733" },
      root);
    t.textContent = text;
  }

  function table(id, head, rows) {
    var t = document.getElementById(id);
    var tr = document.createElement("tr");
    head.forEach(function (h) { var th = document.createElement("th"); th.textContent = h; tr.appendChild(th); });
    t.appendChild(tr);
    rows.forEach(function (r) {
      var row = document.createElement("tr");
      r.forEach(function (c) { var td = document.createElement("td"); td.textContent = c; row.appendChild(td); });
      t.appendChild(row);
    });
  }

  function drawPipeline(data) {
    var container = document.getElementById("chart-pipeline");
    var periods = [];
    var cells = {};
    data.pipeline.forEach(function (c) {
      if (periods.indexOf(c.period) < 0) { periods.push(c.period); }
      cells[c.period + "|" + c.category] = c;
    });
    var legend = document.getElementById("pipeline-legend");
    CATEGORIES.forEach(function (k) {
      var s = document.createElement("span");
      var i = document.createElement("i");
      i.style.background = COLOURS[k];
      s.appendChild(i);
      s.appendChild(document.createTextNode(CATEGORY_NAMES[k]));
      legend.appendChild(s);
    });
    var totals = periods.map(function (p) {
      return CATEGORIES.reduce(function (sum, k) { var c = cells[p + "|" + k]; return sum + (c ? c.amount : 0); }, 0);
    });
    var max = niceMax(Math.max.apply(null, totals.concat([0])));
    var root = svg(container);
    yAxis(root, max, money);
    var plotH = HEIGHT - TOP - BOTTOM;
    var slot = (WIDTH - LEFT - RIGHT) / Math.max(periods.length, 1);
    var marks = 0;
    periods.forEach(function (p, i) {
      var x = LEFT + slot * i + slot * 0.2;
      var base = HEIGHT - BOTTOM;
      var weighted = 0;
      CATEGORIES.forEach(function (k) {
        var c = cells[p + "|" + k];
        if (!c || c.amount <= 0) { return; }
        var h = plotH * c.amount / max;
        base -= h;
        var r = el("rect", { x: x, y: base, width: slot * 0.6, height: h, fill: COLOURS[k], "class": "bar" }, root);
        el("title", {}, r).textContent = p + ", " + CATEGORY_NAMES[k] + ": " + money(c.amount);
        weighted += c.weighted;
        marks++;
      });
      if (weighted > 0) {
        var y = HEIGHT - BOTTOM - plotH * weighted / max;
        el("line", { x1: x - 4, x2: x + slot * 0.6 + 4, y1: y, y2: y, stroke: "#1d2733", "stroke-width": 2 }, root);
      }
      label(root, x + slot * 0.3, p);
    });
    container.setAttribute("data-marks", String(marks));
    table("table-pipeline", ["Period", "Category", "Amount", "Weighted"], data.pipeline.map(function (c) {
      return [c.period, CATEGORY_NAMES[c.category] || c.category, money(c.amount), money(c.weighted)];
    }));
  }

  function drawQuota(data) {
    var container = document.getElementById("chart-quota");
    var rows = data.quotas;
    var ratios = rows.map(function (r) { return r.quota > 0 ? (r.closedWon + r.openPipeline) / r.quota : 0; });
    var max = Math.max(1.2, niceMax(Math.max.apply(null, ratios.concat([0])) * 100) / 100);
    var root = svg(container);
    yAxis(root, max, function (v) { return Math.round(v * 100) + " %"; });
    var plotH = HEIGHT - TOP - BOTTOM;
    var full = HEIGHT - BOTTOM - plotH / max;
    el("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: full, y2: full, stroke: "#b3261e", "stroke-dasharray": "6 4" },
      root);
    var slot = (WIDTH - LEFT - RIGHT) / Math.max(rows.length, 1);
    var marks = 0;
    rows.forEach(function (r, i) {
      if (!(r.quota > 0)) { return; }
      var x = LEFT + slot * i + slot * 0.25;
      var won = plotH * (r.closedWon / r.quota) / max;
      var open = plotH * (r.openPipeline / r.quota) / max;
      var b = el("rect", { x: x, y: HEIGHT - BOTTOM - won, width: slot * 0.5, height: won, fill: "#2e7d4f",
        "class": "bar" }, root);
      el("title", {}, b).textContent = r.rep + ": " + Math.round(100 * r.closedWon / r.quota) + " % attained";
      el("rect", { x: x, y: HEIGHT - BOTTOM - won - open, width: slot * 0.5, height: open, fill: "#c6d6ec" }, root);
      label(root, x + slot * 0.25, r.rep);
      marks++;
    });
    container.setAttribute("data-marks", String(marks));
    table("table-quota", ["Rep", "Quota", "Closed won", "Attainment", "Open pipeline", "Coverage"],
      rows.map(function (r) {
        var remaining = r.quota - r.closedWon;
        return [r.rep, money(r.quota), money(r.closedWon),
          r.quota > 0 ? Math.round(100 * r.closedWon / r.quota) + " %" : "-", money(r.openPipeline),
          remaining > 0 ? (r.openPipeline / remaining).toFixed(2) + "x" : "reached"];
      }));
  }

  function drawForecast(data) {
    var f = data.forecast;
    var container = document.getElementById("chart-forecast");
    document.getElementById("forecast-note").textContent = "Model " + f.model + ", chosen by AICc. The line is the "
      + "monthly closed-won revenue, then the forecast's mean (dashed); the band is its "
      + Math.round(f.level * 100) + " % prediction interval: a month's revenue should fall inside it about "
      + Math.round(f.level * 100) + " times in 100.";
    var n = f.labels.length;
    var all = f.history.concat(f.upper);
    var max = niceMax(Math.max.apply(null, all.concat([0])));
    var min = Math.min(0, Math.min.apply(null, f.lower.concat(f.history)));
    var root = svg(container);
    yAxis(root, max, money);
    var plotH = HEIGHT - TOP - BOTTOM;
    function x(i) { return LEFT + (WIDTH - LEFT - RIGHT) * i / Math.max(n - 1, 1); }
    function y(v) { return HEIGHT - BOTTOM - plotH * (v - min) / (max - min); }
    var h = f.history.length;
    var marks = 0;
    if (f.mean.length > 0) {
      var band = [];
      f.upper.forEach(function (v, i) { band.push(x(h + i) + "," + y(v)); });
      f.lower.slice().reverse().forEach(function (v, i) { band.push(x(h + f.lower.length - 1 - i) + "," + y(v)); });
      el("polygon", { points: band.join(" "), fill: "#7fa7dc", "fill-opacity": 0.35, "class": "band" }, root);
      marks++;
      var meanPts = [x(h - 1) + "," + y(f.history[h - 1])];
      f.mean.forEach(function (v, i) { meanPts.push(x(h + i) + "," + y(v)); });
      el("polyline", { points: meanPts.join(" "), fill: "none", stroke: "#3b6fb6", "stroke-width": 2,
        "stroke-dasharray": "6 4", "class": "mean" }, root);
      marks++;
    }
    if (h > 0) {
      var pts = f.history.map(function (v, i) { return x(i) + "," + y(v); });
      el("polyline", { points: pts.join(" "), fill: "none", stroke: "#1d2733", "stroke-width": 2, "class": "history" },
        root);
      marks++;
    }
    for (var i = 0; i < n; i += 6) { label(root, x(i), f.labels[i]); }
    container.setAttribute("data-marks", String(marks));
    table("table-forecast", ["Month", "Forecast", "Lower", "Upper"], f.mean.map(function (v, i) {
      return [f.labels[h + i], money(v), money(f.lower[i]), money(f.upper[i])];
    }));
    table("table-backtest", ["Model", "MASE", "sMAPE"], data.backtest.map(function (m) {
      return [m.model, m.mase.toFixed(3), m.smape.toFixed(1) + " %"];
    }));
  }

  try {
    var data = JSON.parse(document.getElementById("report-data").textContent);
    document.getElementById("currency").textContent = data.currency;
    drawPipeline(data);
    drawQuota(data);
    drawForecast(data);
    document.body.setAttribute("data-rendered", "ok");
  } catch (e) {
    document.body.setAttribute("data-rendered", "error: " + e.message);
  }
})();
