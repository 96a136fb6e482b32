package main

import (
	"bytes"
	"context"
	"log/slog"
	"regexp"
	"testing"

	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
)

// The first start of the demo prints the admin's and the demo accounts'
// passwords once, and they work; a second start prints none.
func TestFirstStartPrintsEachPasswordOnce(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	var out bytes.Buffer
	start := func() {
		if err := firstAdmin(ctx, s, &out); err != nil {
			t.Fatal(err)
		}
		if err := loadDemoIfEmpty(ctx, s, slog.New(slog.DiscardHandler), &out); err != nil {
			t.Fatal(err)
		}
	}
	start()
	found := regexp.MustCompile(`"(admin|styrelsen|kansliet)"[^:]*password:? ?: ?(\S+)`).FindAllStringSubmatch(out.String(), -1)
	if len(found) != 3 {
		t.Fatalf("printed %d passwords:\n%s", len(found), out.String())
	}
	for _, f := range found {
		if _, err := accounts.Of(s).Authenticate(ctx, f[1], f[2]); err != nil {
			t.Errorf("the printed password of %s does not work: %v", f[1], err)
		}
	}
	out.Reset()
	start()
	if out.Len() != 0 {
		t.Errorf("a second start printed %q", out.String())
	}
}
