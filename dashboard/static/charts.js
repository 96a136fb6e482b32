// Draws every chart of the page from its JSON block: the server builds the
// ECharts options (go-echarts), this script only hands them to ECharts.
// Tooltips use ECharts' rich-text mode because its HTML tooltips set inline
// styles that the Content-Security-Policy (style-src 'self') forbids.
(function () {
  "use strict";
  var charts = [];
  function draw() {
    var blocks = document.querySelectorAll("script[type='application/json'][data-chart-for]");
    Array.prototype.forEach.call(blocks, function (block) {
      var target = document.getElementById(block.getAttribute("data-chart-for"));
      if (!target) { return; }
      var option = JSON.parse(block.textContent);
      option.tooltip = Object.assign({}, option.tooltip, { renderMode: "richText" });
      var chart = echarts.init(target, null, { renderer: "canvas" });
      chart.setOption(option);
      charts.push(chart);
    });
  }
  window.addEventListener("resize", function () {
    charts.forEach(function (c) { c.resize(); });
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
