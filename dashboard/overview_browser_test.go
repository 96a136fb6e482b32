package dashboard_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestOverviewDrawsItsChartOfflineUnderCSP(t *testing.T) {
	app, _ := newDemoApp(t)
	base := serveOnLoopback(t, app)
	ctx, b := newBrowser(t)
	loginInBrowser(t, ctx, base)

	browse(t, ctx, "load the overview",
		chromedp.Navigate(base+"/?asof=2023-06-30"),
		chromedp.WaitVisible(chromedp.CSS("#chart-growth canvas")),
		chromedp.Sleep(300*time.Millisecond), // ECharts paints on the next animation frame
	)
	for _, chart := range []string{"#chart-growth", "#chart-coverage"} {
		painted, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(canvasPainted, chart+" canvas")))
		if err != nil {
			t.Fatal(err)
		}
		if painted < 1000 {
			t.Errorf("the canvas of %s has %d painted pixels; want a drawn chart", chart, painted)
		}
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("table.numbers tbody tr").length`))
	if err != nil || rows < 10 {
		t.Errorf("the numbers table has %d rows (%v); want one per year since 2005", rows, err)
	}
	requests, problems := b.snapshot()
	for _, p := range problems {
		t.Errorf("browser reported: %s", p)
	}
	assertOffline(t, base, requests)
	if len(requests) < 4 {
		t.Errorf("saw only %d requests (%v); the recorder is not working", len(requests), requests)
	}
}
