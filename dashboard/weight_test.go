package dashboard_test

import (
	"net/http"
	"net/http/httptest"
	pathpkg "path"
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
	drawsMap := strings.Contains(plain, "mapURL")
	var follow func(url string)
	follow = func(url string) {
		if _, seen := parts[url]; seen {
			return
		}
		fetch(url)
		if !strings.HasSuffix(url, ".js") {
			return
		}
		// ECharts' modules import their chunks by relative name; a page
		// with a map also loads the map's chunk.
		_, js := get(t, app, url, cookies...)
		for _, m := range moduleImports.FindAllStringSubmatch(js, -1) {
			if m[1] == "" || drawsMap {
				follow(pathpkg.Join(pathpkg.Dir(url), m[2]))
			}
		}
	}
	for _, m := range assetRefs.FindAllStringSubmatch(plain, -1) {
		follow(m[1])
	}
	return total, parts
}

// moduleImports finds a bundle's static imports (from"./x.js") and its
// dynamic ones (import("./x.js"), group 1).
var moduleImports = regexp.MustCompile(`(?:from|(import)\()\s*"(\./[^"]+)"`)

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
}

// TestAChartPageLoadsUnder170kB holds issue 18's goal for the first visit
// of a chart page (ECharts built with only what the pages draw, brotli at
// its best level by `make assets`). A page with the county map (members)
// also loads the map's chunk, 22 kB, and the GeoJSON when the browser draws
// it: it is held to 200 kB without the GeoJSON.
func TestAChartPageLoadsUnder170kB(t *testing.T) {
	app, _ := newDemoApp(t)
	for _, p := range []string{"/?asof=2023-06-30", "/goals?year=2023", "/members?asof=2023-06-30", "/services?asof=2023-06-30"} {
		total, parts := firstVisit(t, app, p)
		_, plain := get(t, app, p)
		t.Logf("%s: %d bytes on the first visit, the page %d bytes (%d uncompressed): %v", p, total, parts[p], len(plain), parts)
		limit := 170_000
		if strings.Contains(plain, "mapURL") {
			limit = 200_000
		}
		if total > limit {
			t.Errorf("%s weighs %d bytes on the first visit, want at most %d: %v", p, total, limit, parts)
		}
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
