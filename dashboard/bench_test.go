package dashboard_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
	"malbild/dashboard"
	"malbild/data/demo"
)

// BenchmarkPages measures each page's server time at the demo size and at
// 20 000 members / 300 services / 25 years: uncached (a query parameter no
// view had before) and cached (the same view again).
func BenchmarkPages(b *testing.B) {
	sizes := []struct {
		name string
		opts demo.Options
	}{
		{"demo", demo.Options{}},
		{"large", demo.Options{Members: 20000, Services: 300, Years: 25, Seed: 7}},
	}
	pages := []string{"/", "/goals", "/members", "/members/1", "/services", "/services/1", "/events", "/fees", "/budget"}
	for _, size := range sizes {
		b.Run(size.name, func(b *testing.B) {
			ctx := context.Background()
			s := analyticstest.New(b)
			if err := s.Load(ctx, demo.Generate(size.opts)); err != nil {
				b.Fatal(err)
			}
			app, err := dashboard.New(dashboard.Config{Store: s, Logger: slog.New(slog.DiscardHandler)})
			if err != nil {
				b.Fatal(err)
			}
			a, _, _ := accounts.Of(s).CreateAccount(ctx, "bench", "viewer", "ett långt lösenord")
			id, _, _ := accounts.Of(s).NewSession(ctx, a)
			view := func(path string) {
				req := httptest.NewRequest(http.MethodGet, path, nil)
				req.Header.Set("Cookie", "malbild_session="+id)
				resp, err := app.Test(req, -1)
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Fatalf("%s: %v %v", path, resp.StatusCode, err)
				}
			}
			for _, page := range pages {
				sep := "?"
				if strings.Contains(page, "?") {
					sep = "&"
				}
				b.Run(page+"/uncached", func(b *testing.B) {
					n := 0
					for b.Loop() {
						n++
						view(fmt.Sprintf("%s%sview=%d", page, sep, n))
					}
				})
				b.Run(page+"/cached", func(b *testing.B) {
					view(page)
					for b.Loop() {
						view(page)
					}
				})
			}
		})
	}
}
