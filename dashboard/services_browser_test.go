package dashboard_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// assertChartsPainted checks every chart of the page has drawn its canvas.
func assertChartsPainted(t *testing.T, ctx contextLike, page string) {
	t.Helper()
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".chart")).map(e => e.id)`))
	if err != nil || len(ids) == 0 {
		t.Fatalf("%s: no charts (%v)", page, err)
	}
	for _, id := range ids {
		painted, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(canvasPainted, "#"+id+" canvas")))
		if err != nil || painted < 500 {
			t.Errorf("%s: chart #%s has %d painted pixels (%v)", page, id, painted, err)
		}
	}
}

func TestServicesPagesDrawAndABarOpensItsService(t *testing.T) {
	app, _ := newDemoApp(t)
	base := serveOnLoopback(t, app)
	ctx, b := newBrowser(t)
	loginInBrowser(t, ctx, base)
	for _, path := range []string{"/services?asof=2023-06-30", "/services/1?asof=2023-06-30", "/goals?year=2022&asof=2022-06-30"} {
		browse(t, ctx, path, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS(".chart canvas")), chromedp.Sleep(400*time.Millisecond))
		assertChartsPainted(t, ctx, path)
		saveScreenshot(t, ctx, path)
	}

	// On the overview, a click on the first bar of the coverage chart (the
	// first service in Swedish order) opens that service's page.
	browse(t, ctx, "open the overview", chromedp.Navigate(base+"/?asof=2023-06-30"), chromedp.WaitVisible(chromedp.CSS("#chart-coverage canvas")), chromedp.Sleep(400*time.Millisecond))
	xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
		const el = document.getElementById("chart-coverage");
		el.scrollIntoView();
		const chart = echarts.getInstanceByDom(el);
		const p = chart.convertToPixel({seriesIndex: 0}, [0, 5]);
		const r = el.getBoundingClientRect();
		return [r.left + p[0], r.top + p[1]];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	browse(t, ctx, "click the service bar", chromedp.MouseClickXY(xy[0], xy[1]), chromedp.Sleep(500*time.Millisecond))
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.Contains(loc, "/services/") {
		t.Errorf("after clicking Bibblix's bar the browser is at %s, want its service page", loc)
	}
	requests, problems := b.snapshot()
	for _, p := range problems {
		t.Errorf("browser reported: %s", p)
	}
	assertOffline(t, base, requests)
}
