package dashboard_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// assetRefs finds what a page loads: its stylesheets, scripts and icon.
var assetRefs = regexp.MustCompile(`(?:href|src)="(/static/[^"]+)"`)

// firstVisit is the bytes on the wire of a page and everything it loads,
// for a browser with an empty cache that accepts brotli and gzip.
func firstVisit(t *testing.T, app *fiber.App, path string, cookies ...string) (total int, parts map[string]int) {
	t.Helper()
	parts = map[string]int{}
	fetch := func(p string) string {
		req := httptest.NewRequest(http.MethodGet, p, nil)
		req.Header.Set("Accept-Encoding", "br, gzip")
		resp, body := send(t, app, req, cookies...)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", p, resp.StatusCode)
		}
		if len(body) > 1000 && resp.Header.Get("Content-Encoding") == "" {
			t.Errorf("%s (%s) is sent uncompressed", p, resp.Header.Get("Content-Type"))
		}
		parts[p] = len(body)
		total += len(body)
		return body
	}
	// The page itself comes compressed, so read its links from a plain copy.
	fetch(path)
	_, plain := get(t, app, path, cookies...)
	for _, m := range assetRefs.FindAllStringSubmatch(plain, -1) {
		if _, seen := parts[m[1]]; !seen {
			fetch(m[1])
		}
	}
	return total, parts
}

func TestAPageWithoutChartsLoadsUnder60kBAndNoChartLibrary(t *testing.T) {
	app, _ := newDemoApp(t)
	for _, p := range []string{"/export", "/import", "/admin", "/tillganglighet", "/login"} {
		total, parts := firstVisit(t, app, p)
		t.Logf("%s: %d bytes on the first visit %v", p, total, parts)
		if total > 60_000 {
			t.Errorf("%s weighs %d bytes on the first visit, want under 60 kB: %v", p, total, parts)
		}
		for part := range parts {
			if strings.Contains(part, "echarts") || strings.Contains(part, "charts.") {
				t.Errorf("%s loads the chart library (%s) but draws no chart", p, part)
			}
		}
	}
	// The figures of the README: pages with charts load ECharts once.
	for _, p := range []string{"/?asof=2023-06-30", "/goals?year=2023", "/members?asof=2023-06-30", "/services?asof=2023-06-30"} {
		total, parts := firstVisit(t, app, p)
		_, plain := get(t, app, p)
		t.Logf("%s: %d bytes on the first visit, the page %d bytes (%d uncompressed)", p, total, parts[p], len(plain))
	}
}

func TestPagesAndAPIAnswersAreCompressed(t *testing.T) {
	app, _ := newDemoApp(t)
	for _, p := range []string{"/services?asof=2023-06-30", "/api/metrics?asof=2023-06-30"} {
		for _, enc := range []string{"br", "gzip"} {
			req := httptest.NewRequest(http.MethodGet, p, nil)
			req.Header.Set("Accept-Encoding", enc)
			resp, body := send(t, app, req)
			if got := resp.Header.Get("Content-Encoding"); got != enc {
				t.Errorf("%s with Accept-Encoding %s: Content-Encoding %q (%d bytes)", p, enc, got, len(body))
			}
		}
	}
}
