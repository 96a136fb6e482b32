// Draws every chart of the page from its JSON block: the server builds the
// ECharts options (go-echarts) and says where a click leads; this script only
// hands them to ECharts. Tooltips use ECharts' rich-text mode because its HTML
// tooltips set inline styles that the policy (style-src 'self') forbids.
(function () {
  "use strict";
  var charts = [];
  var maps = {};

  // loadMap registers a GeoJSON map once, with ECharts' map chart, which
  // the bundle loads only for a page that draws a map (window.echartsMap);
  // features are named by their Swedish name property so that series data
  // can refer to them.
  function loadMap(name, url) {
    if (!maps[name]) {
      var geoJSON = fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); });
      maps[name] = Promise.all([geoJSON, window.echartsMap()])
        .then(function (loaded) {
          var geo = loaded[0];
          geo.features.forEach(function (f) {
            f.properties.name = f.properties.lansnamn || f.properties.kommunnamn || f.properties.name;
          });
          echarts.registerMap(name, geo);
        });
    }
    return maps[name];
  }

  // Numbers on axes and in tooltips as the page's language writes them
  // ("10 532" and "83,4" in Swedish): ECharts would write "10,532".
  var locale = document.documentElement.lang === "en" ? "en-GB" : "sv-SE";
  function formatNumber(v) {
    return typeof v === "number" ? v.toLocaleString(locale, { maximumFractionDigits: 2 }) : v;
  }
  function localiseAxes(axes) {
    [].concat(axes || []).forEach(function (axis) {
      if (axis && axis.type === "value") {
        axis.axisLabel = Object.assign({ formatter: formatNumber }, axis.axisLabel);
      }
    });
  }

  function drawOne(block) {
    var target = document.getElementById(block.getAttribute("data-chart-for"));
    if (!target) { return; }
    var spec = JSON.parse(block.textContent);
    var option = spec.option;
    option.tooltip = Object.assign({ valueFormatter: formatNumber }, option.tooltip, { renderMode: "richText" });
    localiseAxes(option.xAxis);
    localiseAxes(option.yAxis);
    if (spec.mapURL) {
      whenNear(target, function () {
        loadMap(spec.mapName, spec.mapURL).then(function () { paint(target, spec, option); });
      });
    } else {
      paint(target, spec, option);
    }
  }

  // A map is loaded when it comes within a screen of the view: its chart
  // type and boundaries (about 30 kB) are not part of what the first screen
  // waits for, and the members page shows its map last. Printing draws the
  // maps not yet seen.
  var unseen = [];
  function whenNear(target, load) {
    if (!("IntersectionObserver" in window)) {
      load();
      return;
    }
    var pending = { load: load };
    var near = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) {
        seeNow(pending);
      }
    }, { rootMargin: "100% 0px" });
    pending.observer = near;
    unseen.push(pending);
    near.observe(target);
  }
  function seeNow(pending) {
    var i = unseen.indexOf(pending);
    if (i < 0) { return; }
    unseen.splice(i, 1);
    pending.observer.disconnect();
    pending.load();
  }

  function paint(target, spec, option) {
    var chart = echarts.init(target, null, { renderer: "canvas" });
    chart.setOption(option);
    if (spec.links || spec.seriesLinks) {
      chart.on("click", function (p) {
        var link = spec.seriesLinks ? (spec.seriesLinks[p.seriesIndex] || [])[p.dataIndex] : spec.links[p.dataIndex];
        if (link) { window.location.href = link; }
      });
    }
    target.setAttribute("data-drawn", "true");
    charts.push(chart);
  }

  function draw() {
    var blocks = document.querySelectorAll("script[type='application/json'][data-chart-for]");
    Array.prototype.forEach.call(blocks, drawOne);
  }
  window.addEventListener("resize", function () {
    charts.forEach(function (c) { c.resize(); });
  });
  // Printing: the canvas keeps the width it was drawn at, so draw it again
  // at the printed page's width (A4 less the margins of app.css, 180 mm at
  // 96 px per inch), and back at the screen's width afterwards.
  var printWidth = Math.floor(180 / 25.4 * 96);
  window.addEventListener("beforeprint", function () {
    unseen.slice().forEach(seeNow);
    charts.forEach(function (c) {
      c.resize({ width: Math.min(printWidth, c.getDom().clientWidth || printWidth), animation: { duration: 0 } });
    });
  });
  window.addEventListener("afterprint", function () {
    charts.forEach(function (c) { c.resize({ width: "auto" }); });
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
