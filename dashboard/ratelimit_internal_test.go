package dashboard

import (
	"fmt"
	"testing"
	"time"
)

// Hole 6: the delays grow with each failure and end; a success forgets them.
func TestLimiterDelaysGrowAndEnd(t *testing.T) {
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	l := newLoginLimiter(func() time.Time { return now })
	pair, addr := loginKeys("editor", "198.51.100.66")
	var waits []time.Duration
	for range 6 {
		if w := l.wait(pair, addr); w > 0 {
			t.Fatalf("an attempt allowed by the last wait must wait %v", w)
		}
		l.fail(pair, addr)
		waits = append(waits, l.wait(pair, addr))
		now = now.Add(waits[len(waits)-1])
	}
	want := []time.Duration{0, 0, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second}
	if fmt.Sprint(waits) != fmt.Sprint(want) {
		t.Errorf("waits %v, want %v", waits, want)
	}
	for range 20 {
		l.fail(pair, addr)
	}
	if w := l.wait(pair, addr); w != maxDelay {
		t.Errorf("the longest wait is %v, want %v", w, maxDelay)
	}
	other, otherAddr := loginKeys("editor", "192.0.2.7")
	if w := l.wait(other, otherAddr); w != 0 {
		t.Errorf("the owner at another address waits %v", w)
	}
	l.succeed(pair)
	now = now.Add(maxDelay)
	if w := l.wait(pair, addr); w != 0 {
		t.Errorf("after a success and the address's wait: %v", w)
	}
}

// Hole 7: the limiter's memory is bounded, however many keys are tried.
func TestLimiterMemoryIsBounded(t *testing.T) {
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	l := newLoginLimiter(func() time.Time { return now })
	for i := range 3 * maxLimiterEntries {
		l.fail(loginKeys(fmt.Sprint("name", i), fmt.Sprint("10.0.", i/250, ".", i%250)))
	}
	if n := l.size(); n > maxLimiterEntries {
		t.Errorf("the limiter holds %d keys, more than %d", n, maxLimiterEntries)
	}
}
