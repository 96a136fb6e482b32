package dashboard_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// goalChartState is what ECharts drew for a goal chart: its series by
// name with their line types, the value axis as drawn, and the target.
const goalChartState = `(() => {
	const chart = echarts.getInstanceByDom(document.getElementById(%q));
	if (!chart) return "{}";
	const option = chart.getOption();
	const series = {};
	option.series.forEach(s => { series[s.name] = {type: (s.lineStyle || {}).type || "solid", points: s.data.length}; });
	const target = option.series.find(s => s.name === "Mål");
	const extent = chart.getModel().getComponent("yAxis", 0).axis.scale.getExtent();
	return JSON.stringify({series, extent, target: target ? target.data[0].value[1] : null,
		unit: option.yAxis[0].name, xType: option.xAxis[0].type});
})()`

// In a real browser each goal chart has its target, pace and forecast
// series and the target lies inside the drawn axis: goal 2's target of
// 100 % on values near 8 %, goal 1's 125 members on values near 140.
func TestGoalChartsDrawTargetPaceAndForecastInsideTheAxis(t *testing.T) {
	app, _ := newDemoApp(t)
	base := serveOnLoopback(t, app)
	ctx, b := newBrowser(t)
	loginInBrowser(t, ctx, base)
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/goals?year=2022&asof=2022-06-30"),
		chromedp.WaitVisible(chromedp.CSS("#trend-second_service canvas")),
		chromedp.WaitVisible(chromedp.CSS("#trend-members_125 canvas")),
		chromedp.Sleep(300*time.Millisecond),
	)
	if err != nil {
		t.Fatalf("load the goals page: %v", err)
	}
	for _, c := range []struct{ id, unit string }{{"trend-second_service", "%"}, {"trend-members_125", "medlemmar"}} {
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(goalChartState, c.id)))
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Series map[string]struct {
				Type   string
				Points int
			}
			Extent []float64
			Target *float64
			Unit   string
			XType  string
		}
		if err := json.Unmarshal([]byte(raw), &got); err != nil {
			t.Fatalf("%s: %v in %s", c.id, err, raw)
		}
		for _, name := range []string{"Värde", "Mål", "Takt", "Prognos"} {
			if got.Series[name].Points < 2 {
				t.Errorf("%s: no %s series drawn: %s", c.id, name, raw)
			}
		}
		if got.Series["Prognos"].Type != "dashed" {
			t.Errorf("%s: the forecast is drawn %q, want dashed", c.id, got.Series["Prognos"].Type)
		}
		if got.Target == nil || len(got.Extent) != 2 || *got.Target < got.Extent[0] || *got.Target > got.Extent[1] {
			t.Errorf("%s: target %v outside the drawn axis %v", c.id, got.Target, got.Extent)
		}
		if got.Unit != c.unit || got.XType != "time" {
			t.Errorf("%s: unit %q on a %s axis", c.id, got.Unit, got.XType)
		}
		painted, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(canvasPainted, "#"+c.id+" canvas")))
		if err != nil || painted < 1000 {
			t.Errorf("%s: %d painted pixels (%v)", c.id, painted, err)
		}
	}
	saveScreenshot(t, ctx, "/goals?year=2022")
	requests, problems := b.snapshot()
	for _, p := range problems {
		t.Errorf("browser reported: %s", p)
	}
	assertOffline(t, base, requests)
}
