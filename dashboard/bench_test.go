package dashboard_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
	"malbild/dashboard"
	"malbild/data/demo"
)

// BenchmarkPages measures each page's server time at the demo size and at
// 20 000 members / 300 services / 25 years: uncached (each view on an as-of
// date no view had before, as issue 18 measures: the days before today, one
// by one) and cached (the same view again). It measures a server that is
// running: the store's kept plans (analytics/store/planned.go) are made first
// by a view of every page through another app, as a server's first views and
// its prewarm at start make them; that app's cached pages and metric values
// are its own, so the measured views start without any. Besides the wall time it reports
// cpu-ms/op, the process's CPU time (every thread, DuckDB's too) per view,
// which a machine shared with other work moves far less than the wall time.
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
			warm, err := dashboard.New(dashboard.Config{Store: s, Logger: slog.New(slog.DiscardHandler)})
			if err != nil {
				b.Fatal(err)
			}
			a, _, _ := accounts.Of(s).CreateAccount(ctx, "bench", "viewer", "ett långt lösenord")
			id, _, _ := accounts.Of(s).NewSession(ctx, a)
			viewOn := func(app *fiber.App, path string) {
				req := httptest.NewRequest(http.MethodGet, path, nil)
				req.Header.Set("Cookie", "malbild_session="+id)
				resp, err := app.Test(req, -1)
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Fatalf("%s: %v %v", path, resp.StatusCode, err)
				}
			}
			view := func(path string) { viewOn(app, path) }
			for _, page := range pages {
				viewOn(warm, page)
			}
			// Every uncached view is on a day no view of any page had before,
			// across runs (-count) too: pages share the metric values of a
			// day (analytics.DayCache), so a page viewed on another page's
			// days would measure that page's work, not its own.
			n := 0
			for _, page := range pages {
				sep := "?"
				if strings.Contains(page, "?") {
					sep = "&"
				}
				b.Run(page+"/uncached", func(b *testing.B) {
					cpu, views := cpuTime(), 0
					for b.Loop() {
						n++
						views++
						day := s.Today().AddDate(0, 0, -n)
						view(fmt.Sprintf("%s%sasof=%s", page, sep, day.Format(time.DateOnly)))
					}
					b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(views), "cpu-ms/op")
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

// cpuTime is the CPU time the process has used so far, user and system, on
// every thread.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
