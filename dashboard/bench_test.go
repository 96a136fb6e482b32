package dashboard_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"malbild/analytics/analyticstest"
	"malbild/dashboard"
	"malbild/data/demo"
)

// BenchmarkPages measures each page's server time, uncached, at the demo
// size and at 20 000 members / 300 services / 25 years.
func BenchmarkPages(b *testing.B) {
	sizes := []struct {
		name string
		opts demo.Options
	}{
		{"demo", demo.Options{}},
		{"large", demo.Options{Members: 20000, Services: 300, Years: 25, Seed: 7}},
	}
	pages := []string{"/", "/goals", "/members", "/members/1", "/services", "/services/1", "/events", "/fees"}
	for _, size := range sizes {
		b.Run(size.name, func(b *testing.B) {
			s := analyticstest.New(b)
			if err := s.Load(context.Background(), demo.Generate(size.opts)); err != nil {
				b.Fatal(err)
			}
			app, err := dashboard.New(dashboard.Config{Store: s})
			if err != nil {
				b.Fatal(err)
			}
			for _, page := range pages {
				b.Run(page, func(b *testing.B) {
					for b.Loop() {
						resp, err := app.Test(httptest.NewRequest(http.MethodGet, page, nil), -1)
						if err != nil || resp.StatusCode != http.StatusOK {
							b.Fatalf("%s: %v %v", page, resp.StatusCode, err)
						}
					}
				})
			}
		})
	}
}
