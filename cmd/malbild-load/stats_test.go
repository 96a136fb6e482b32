package main

import (
	"testing"
	"time"
)

func TestPercentilesAndSummary(t *testing.T) {
	var sorted []time.Duration
	for i := 1; i <= 100; i++ {
		sorted = append(sorted, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[int]time.Duration{50: 50 * time.Millisecond, 90: 90 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond} {
		if got := percentile(sorted, p); got != want {
			t.Errorf("p%d = %v, want %v", p, got, want)
		}
	}
	s := summarize("/", sorted, 2, 100*1024, 10*time.Second)
	if s.requests != 100 || s.errors != 2 || s.perSecond != 10 {
		t.Errorf("summary %+v, want 100 requests, 2 errors, 10/s", s)
	}
}
