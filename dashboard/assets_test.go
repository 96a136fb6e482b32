package dashboard_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"testing"
)

func TestAssetsAreHashedCachedAndCompressed(t *testing.T) {
	app, _ := newApp(t)
	_, page := get(t, app, "/")
	urls := regexp.MustCompile(`(?:src|href)="(/static/[^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(urls) < 3 {
		t.Fatalf("the page links %d assets, want the stylesheet, ECharts and the chart script", len(urls))
	}
	for _, m := range urls {
		u := m[1]
		if !regexp.MustCompile(`\.[0-9a-f]{12}\.(js|css|svg)$`).MatchString(u) {
			t.Errorf("%s carries no content hash", u)
		}
		resp, body := get(t, app, u)
		if resp.StatusCode != http.StatusOK || len(body) == 0 {
			t.Errorf("%s: status %d, %d bytes", u, resp.StatusCode, len(body))
		}
		if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") {
			t.Errorf("%s: Cache-Control %q", u, cc)
		}
	}
	entry := ""
	for _, m := range urls {
		if strings.Contains(m[1], "echarts.min") {
			entry = m[1]
		}
	}
	// The entry module only imports the chunk that holds ECharts (see
	// static-src/echarts-map.js).
	_, stub := get(t, app, entry)
	chunk := regexp.MustCompile(`^import\s*"\./(echarts-chunk-[A-Z0-9]+\.js)";?\s*$`).FindStringSubmatch(stub)
	if chunk == nil {
		t.Fatalf("the ECharts entry %s is %q, want an import of its chunk", entry, stub)
	}
	echarts := path.Join(path.Dir(entry), chunk[1])
	req := httptest.NewRequest(http.MethodGet, echarts, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	zipped, _ := io.ReadAll(resp.Body)
	if resp.Header.Get("Content-Encoding") != "gzip" || len(zipped) > 500_000 {
		t.Fatalf("ECharts: encoding %q, %d bytes; want gzip under 500 kB", resp.Header.Get("Content-Encoding"), len(zipped))
	}
	zr, err := gzip.NewReader(bytes.NewReader(zipped))
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if !bytes.Contains(plain, []byte("echarts")) {
		t.Error("the gzipped body is not ECharts")
	}
	if resp, _ := get(t, app, "/static/app.css"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("an unhashed asset URL answers %d, want 404", resp.StatusCode)
	}
}
