// The ECharts of the pages: only the chart types and components their
// options use (dashboard/charts*.go), so that the first visit of a chart page
// carries less than half of the full library. `make assets` bundles this file
// with esbuild into dashboard/static/vendor/echarts.min.js, an ES module that
// sets the global `echarts` for static/charts.js. A page whose option needs a
// type or component not registered here draws nothing and logs an error in
// the console, which the browser tests refuse.
// Each import registers its part with ECharts (the package's side-effect
// entries); importing them one by one, not through the barrels of
// echarts/charts and echarts/components, lets esbuild keep the map's code
// out of the chunk that both files share.
import { getInstanceByDom, init, registerMap, use } from "echarts/core";
import "echarts/lib/chart/bar";
import "echarts/lib/chart/line";
import "echarts/lib/component/aria";
import "echarts/lib/component/grid";
import "echarts/lib/component/legendPlain";
import "echarts/lib/component/markLine";
import "echarts/lib/component/tooltip";
import { CanvasRenderer } from "echarts/renderers";

use([CanvasRenderer]);

// Only what static/charts.js (and the browser tests) call: the whole
// namespace would keep every helper of the library in the bundle.
window.echarts = { getInstanceByDom, init, registerMap };

// The county map (the members page) is a twelfth of what remains: its chart
// type and geo coordinates load only when a map is drawn (the server
// colours the counties, so ECharts' visualMap is not needed).
window.echartsMap = function () {
  return import("./echarts-map.js");
};
