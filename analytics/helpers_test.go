package analytics_test

import (
	"context"
	"math"
	"strconv"
	"testing"
	"time"

	"malbild/analytics"
)

// date parses YYYY-MM-DD for tests.
func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// metricOn computes one metric or fails the test.
func metricOn(t *testing.T, s *analytics.Store, key string, p analytics.Params, asOf string) analytics.Value {
	t.Helper()
	v, err := s.Metric(context.Background(), key, p, date(asOf))
	if err != nil {
		t.Fatalf("%s on %s: %v", key, asOf, err)
	}
	return v
}

// wantValue checks a metric against a number; want nil means null.
func wantValue(t *testing.T, s *analytics.Store, key string, p analytics.Params, asOf string, want *float64) {
	t.Helper()
	got := metricOn(t, s, key, p, asOf).Value
	if !sameNumber(got, want) {
		t.Errorf("%s %v on %s = %s, want %s", key, p, asOf, show(got), show(want))
	}
}

func num(f float64) *float64 { return &f }

func sameNumber(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) <= 1e-9
}

func show(f *float64) string {
	if f == nil {
		return "null"
	}
	return strconv.FormatFloat(*f, 'g', -1, 64)
}

func itoa(n int) string { return strconv.Itoa(n) }
