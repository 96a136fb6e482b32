package dashboard_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"malbild/analytics/accounts"
)

// A viewer drills down from the budget's bars to a line's follow-up history,
// by keyboard through the table's links and by mouse on the bar, and the
// charts draw without a problem under the page's CSP.
func TestBudgetPageDrillsDownByKeyboardAndMouse(t *testing.T) {
	app, _ := newDemoApp(t)
	base := serveOnLoopback(t, app)
	ctx, b := newBrowser(t)
	signInAs(t, ctx, base, accounts.RoleViewer)
	path := "/budget?year=2025&asof=2025-12-31"
	openDrawn(t, ctx, base+path)
	assertChartsPainted(t, ctx, path)
	saveScreenshot(t, ctx, path)

	// Keyboard: Egil is the frame's second category, the third line.
	egil := `#budget-table a[href$="#history-3"]`
	browse(t, ctx, "focus Egil's line and press Enter", chromedp.Focus(chromedp.CSS(egil)), chromedp.KeyEvent("\r"))
	loc := locationWhen(t, ctx, "#history-3")
	if !strings.HasSuffix(loc, "#history-3") {
		t.Errorf("Enter on Egil's line led to %s", loc)
	}
	// The browser scrolls to the target after the navigation: wait for it.
	inView := chromedp.Poll[bool](`(() => {
		const h = document.querySelector(":target");
		if (!h) return false;
		const r = h.getBoundingClientRect();
		return r.top < window.innerHeight && r.bottom > 0;
	})()`)
	browse(t, ctx, "scroll to Egil's history", func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := inView(ctx, tg)
		return chromedp.Void{}, err
	})
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const h = document.querySelector(":target");
		if (!h) return "";
		const r = h.getBoundingClientRect();
		return r.top < window.innerHeight && r.bottom > 0 ? h.innerText : "";
	})()`))
	if err != nil || !strings.Contains(shown, "Egil") || !strings.Contains(shown, "Egil över sin del; ramen håller") {
		t.Errorf("Egil's history is not in view with its comment: %q %v", shown, err)
	}

	// Mouse: a click on Kansli's budget bar (the seventh line) leads to its
	// history.
	openDrawn(t, ctx, base+path)
	xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
		const el = document.getElementById("chart-budget-bars");
		el.scrollIntoView();
		const chart = echarts.getInstanceByDom(el);
		const p = chart.convertToPixel({seriesIndex: 0}, [500000, 6]);
		const r = el.getBoundingClientRect();
		return [r.left + p[0], r.top + p[1]];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	browse(t, ctx, "click Kansli's bar", chromedp.MouseClickXY(xy[0], xy[1]))
	if loc := locationWhen(t, ctx, "#history-7"); !strings.HasSuffix(loc, "#history-7") {
		t.Errorf("a click on Kansli's bar led to %s", loc)
	}
	_, problems := b.snapshot()
	for _, p := range problems {
		t.Errorf("browser reported: %s", p)
	}
}
