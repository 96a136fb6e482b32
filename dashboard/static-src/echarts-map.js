// The map chart, loaded by echarts.js when a map is about to scroll into
// view (static/charts.js). It registers with the same ECharts instance
// because esbuild puts what both files share into one chunk. Importing echarts.js here makes all of it shared: esbuild then
// emits echarts.min.js as a stub that imports one chunk with everything the
// pages draw, which compresses 4 kB better than the entry and a second
// chunk it would otherwise split them into.
import "./echarts.js";
import "echarts/lib/chart/map";
