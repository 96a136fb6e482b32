package dashboard_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The board opens the register, goes by keyboard from a benefit's row to its
// page and from a member's row to the member, and by mouse from a member's
// bar to the member; the service page links its benefits.
func TestBenefitsPagesDrawAndDrillDownByKeyboardAndMouse(t *testing.T) {
	app, _ := newApp(t, benefitFixture...)
	base := serveOnLoopback(t, app)
	ctx, b := newBrowser(t)
	signInAs(t, ctx, base, "viewer")

	openDrawn(t, ctx, base+"/benefits?asof=2024-06-30")
	assertChartsPainted(t, ctx, "/benefits")
	saveScreenshot(t, ctx, "/benefits")
	enter := func(what, selector, want string) {
		t.Helper()
		browse(t, ctx, what, chromedp.Focus(chromedp.CSS(selector)), chromedp.KeyEvent("\r"), chromedp.WaitReady(chromedp.CSS("footer")))
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		if !strings.HasSuffix(loc, want) {
			t.Fatalf("%s: the browser is at %s, want %s", what, loc, want)
		}
	}
	enter("Enter on the benefit's link", `.benefit-table a[href^="/benefits/1"]`, "/benefits/1?asof=2024-06-30")
	openDrawn(t, ctx, base+"/benefits/1?asof=2024-06-30")
	assertChartsPainted(t, ctx, "/benefits/1")
	saveScreenshot(t, ctx, "/benefits/1")
	enter("Enter on the member's row", `#chart-benefit-members-table a[href^="/members/2"]`, "/members/2?asof=2024-06-30")

	// A click on the first bar (Alingsås, 40 hours) opens that member.
	openDrawn(t, ctx, base+"/benefits/1?asof=2024-06-30")
	xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
		const el = document.getElementById("chart-benefit-members");
		el.scrollIntoView();
		const chart = echarts.getInstanceByDom(el);
		const p = chart.convertToPixel({seriesIndex: 0}, [20, 0]);
		const r = el.getBoundingClientRect();
		return [r.left + p[0], r.top + p[1]];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	browse(t, ctx, "click the member's bar", chromedp.MouseClickXY(xy[0], xy[1]))
	if loc := locationWhen(t, ctx, "/members/1?asof=2024-06-30"); !strings.HasSuffix(loc, "/members/1?asof=2024-06-30") {
		t.Errorf("after clicking Alingsås's bar the browser is at %s", loc)
	}

	openDrawn(t, ctx, base+"/services/1?asof=2024-06-30")
	enter("Enter on the service page's benefit", `.benefit-table a[href^="/benefits/1"]`, "/benefits/1?asof=2024-06-30")
	_, problems := b.snapshot()
	for _, p := range problems {
		t.Errorf("browser reported: %s", p)
	}
}
