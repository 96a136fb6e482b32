// The map chart and its continuous colour scale, loaded by echarts.js on the
// first page that draws a map; they register with the same ECharts instance
// because esbuild puts what both files share into one chunk.
import "echarts/lib/chart/map";
import "echarts/lib/component/visualMapContinuous";
