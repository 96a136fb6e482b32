package dashboard

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"malbild/analytics/analyticstest"
	"malbild/data/demo"
)

// With Prewarm the landing pages of today are in the cache, for every role
// and language, before anyone asks, and again after a write has emptied it.
func TestPrewarmRendersTheLandingPagesAheadAndAfterAWrite(t *testing.T) {
	store := analyticstest.New(t)
	if err := store.Load(context.Background(), demo.Generate(demo.Options{})); err != nil {
		t.Fatal(err)
	}
	s, _, err := newServer(Config{Store: store, Logger: slog.New(slog.DiscardHandler), Prewarm: true})
	if err != nil {
		t.Fatal(err)
	}
	today := store.Today().Format(time.DateOnly)
	want := []string{}
	for _, role := range []string{"viewer", "editor", "admin"} {
		for _, l := range []string{"sv", "en"} {
			for _, path := range prewarmPaths {
				want = append(want, strings.Join([]string{role, l, path, "", today}, "|"))
			}
		}
	}
	waitForPages := func(when string) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for {
			missing := ""
			for _, key := range want {
				if page, _, ok := s.cache.get(key); !ok {
					missing = key
					break
				} else if !strings.Contains(string(page.body), userSlot) {
					t.Fatalf("%s: %s is not rendered for no one in particular", when, key)
				}
			}
			if missing == "" {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: %s is not in the cache after 60 s", when, missing)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitForPages("at start")
	// A write empties the cache: what is in it afterwards was rendered again.
	s.written()
	waitForPages("after a write")
}

func TestUntilNextDayIsJustAfterStockholmsMidnight(t *testing.T) {
	for _, c := range []struct {
		now  string
		want time.Duration
	}{
		{"2026-11-29T22:59:00Z", time.Minute + time.Second},                   // 23:59 in Stockholm (CET)
		{"2026-06-30T21:30:00Z", 30*time.Minute + time.Second},                // 23:30 (CEST)
		{"2026-03-29T00:30:00Z", 21*time.Hour + 30*time.Minute + time.Second}, // 01:30 CET on the 23-hour day the clocks go forward
	} {
		now, _ := time.Parse(time.RFC3339, c.now)
		if got := untilNextDay(now); got != c.want {
			t.Errorf("untilNextDay(%s) = %v, want %v", c.now, got, c.want)
		}
	}
}
