package dashboard_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
	"malbild/dashboard"
	"malbild/data/demo"
)

// BenchmarkServicesPageLarge is issue 18's services page at 20 000 members
// and 300 services: server time uncached (a query no view had before), the
// process's CPU time per view (cpu-ms/op, see BenchmarkPages) and the
// HTML's bytes, uncompressed (html-bytes).
func BenchmarkServicesPageLarge(b *testing.B) {
	ctx := context.Background()
	s := analyticstest.New(b)
	if err := s.Load(ctx, demo.Generate(demo.Options{Members: 20000, Services: 300, Years: 25, Seed: 7})); err != nil {
		b.Fatal(err)
	}
	app, err := dashboard.New(dashboard.Config{Store: s, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	a, _, _ := accounts.Of(s).CreateAccount(ctx, "bench", "viewer", "ett långt lösenord")
	id, _, _ := accounts.Of(s).NewSession(ctx, a)
	for _, page := range []string{"/services?asof=2024-06-30", "/services?asof=2024-06-30&services=all"} {
		b.Run(page, func(b *testing.B) {
			n, size := 0, 0
			cpu := cpuTime()
			for b.Loop() {
				n++
				req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("%s&view=%d", page, n), nil)
				req.Header.Set("Cookie", "malbild_session="+id)
				resp, err := app.Test(req, -1)
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Fatalf("%s: %v %v", page, resp.StatusCode, err)
				}
				body, _ := io.ReadAll(resp.Body)
				size = len(body)
			}
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(n), "cpu-ms/op")
			b.ReportMetric(float64(size), "html-bytes")
		})
	}
}
