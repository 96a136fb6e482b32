package dashboard_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"malbild/analytics/analyticstest"
)

// screenshotDir is where the browser tests save their pictures of the
// pages: MALBILD_SCREENSHOTS when set, so that a person can look at them.
func screenshotDir(t *testing.T) string {
	if dir := os.Getenv("MALBILD_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

func TestMemberEventAndFeePagesDrawEveryChartOfflineUnderCSP(t *testing.T) {
	app, s := newDemoApp(t)
	var memberID int64 // the member taking part in the most services
	if err := analyticstest.Handle(s).QueryRow(`SELECT member_id FROM participations GROUP BY member_id ORDER BY count(*) DESC, member_id LIMIT 1`).Scan(&memberID); err != nil {
		t.Fatal(err)
	}
	base := serveOnLoopback(t, app)
	ctx, b := newBrowser(t)
	loginInBrowser(t, ctx, base)
	dir := screenshotDir(t)
	seen := 0
	for _, p := range []struct {
		name, path string
		charts     int
	}{
		{"members", "/members?asof=2023-06-30", 3},
		{"member", fmt.Sprintf("/members/%d?asof=2023-06-30", memberID), 1},
		{"events", "/events?asof=2023-06-30", 3},
		{"fees", "/fees?asof=2023-06-30", 1},
		{"members-en", "/members?asof=2023-06-30&county=12&lang=en", 3},
	} {
		t.Run(p.name, func(t *testing.T) {
			ids := drawnCharts(t, ctx, base+p.path)
			if len(ids) != p.charts {
				t.Errorf("charts %v, want %d", ids, p.charts)
			}
			for _, id := range ids {
				painted, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(canvasPainted, "#"+id+" canvas")))
				if err != nil || painted < 1000 {
					t.Errorf("chart %s has %d painted pixels (%v); want a drawn chart", id, painted, err)
				}
			}
			shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, p.name+".png"), shot, 0o644); err != nil {
				t.Fatal(err)
			}
			requests, problems := b.snapshot()
			for _, pr := range problems[seen:] {
				t.Errorf("browser reported: %s", pr)
			}
			seen = len(problems)
			assertOffline(t, base, requests)
		})
	}
	requests, _ := b.snapshot()
	if !containsWith(requests, "/static/geo/lan.") {
		t.Error("the map's boundaries were never loaded")
	}
}

// everyChartDrawn is true once charts.js has drawn every chart of the page.
// A map is drawn when it comes near the view, so the first chart not yet
// drawn is scrolled into view, as a reader would.
const everyChartDrawn = `(() => {
	const left = document.querySelectorAll(".chart:not([data-drawn])");
	if (left.length > 0) { left[0].scrollIntoView(); }
	return left.length === 0;
})()`

// drawnCharts opens url and waits until charts.js has drawn every chart of
// the page; it returns their ids.
func drawnCharts(t *testing.T, ctx context.Context, url string) []string {
	t.Helper()
	browse(t, ctx, "load "+url, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(".chart canvas")))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](everyChartDrawn))
	if err != nil {
		t.Fatalf("%s: not every chart was drawn: %v", url, err)
	}
	// ECharts paints on the next animation frame.
	browse(t, ctx, "let ECharts paint", chromedp.Sleep(300*time.Millisecond))
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".chart")).map(c => c.id)`))
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func containsWith(list []string, part string) bool {
	for _, s := range list {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// The members page shows its map last: the map's code and boundaries are
// not part of the first screen's wait, and load when the reader scrolls.
func TestTheMapLoadsWhenItIsScrolledTo(t *testing.T) {
	app, _ := newDemoApp(t)
	base := serveOnLoopback(t, app)
	ctx, b := newBrowser(t)
	loginInBrowser(t, ctx, base)
	browse(t, ctx, "open the members page", chromedp.Navigate(base+"/members?asof=2023-06-30"),
		chromedp.WaitVisible(chromedp.CSS("#chart-bykind canvas")), chromedp.WaitVisible(chromedp.CSS("#chart-flows canvas")),
		chromedp.Sleep(300*time.Millisecond))
	requests, _ := b.snapshot()
	if containsWith(requests, "/static/geo/lan.") {
		t.Error("the map's boundaries were loaded before the map came near the view")
	}
	drawnCharts(t, ctx, base+"/members?asof=2023-06-30")
	if requests, _ = b.snapshot(); !containsWith(requests, "/static/geo/lan.") {
		t.Error("the map was drawn but its boundaries were never loaded")
	}
}

func TestClickingACountyOnTheMapListsItsMembers(t *testing.T) {
	app, _ := newDemoApp(t)
	base := serveOnLoopback(t, app)
	ctx, _ := newBrowser(t)
	loginInBrowser(t, ctx, base)
	drawnCharts(t, ctx, base+"/members?asof=2023-06-30")
	// Click inland Dalarna (14.6° E, 61° N), where ECharts draws it.
	xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
		const el = document.querySelector("#chart-coverage");
		el.scrollIntoView();
		const [x, y] = echarts.getInstanceByDom(el).convertToPixel({seriesIndex: 0}, [14.6, 61.0]);
		const r = el.getBoundingClientRect();
		return [r.left + x, r.top + y];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	browse(t, ctx, "click the county", chromedp.MouseClickXY(xy[0], xy[1]))
	// The click navigates, so ask for the location until it changes rather
	// than poll inside a page that goes away.
	var location string
	for range 50 {
		browse(t, ctx, "wait for the navigation", chromedp.Sleep(100*time.Millisecond))
		if location, _ = chromedp.Run(ctx, chromedp.Location()); strings.Contains(location, "county=") {
			break
		}
	}
	if !strings.Contains(location, "county=20") || !strings.Contains(location, "asof=2023-06-30") {
		t.Errorf("the click led to %s, want Dalarna's members on the same day", location)
	}
}
