package export_test

import (
	"context"
	"io"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/demo"
	"malbild/data/export"
)

// benchReport times the annual meeting report of 2026 as of the demo's
// today, personal data included, on a store holding the demo of o.
func benchReport(b *testing.B, o demo.Options) {
	s := analyticstest.New(b)
	ctx := context.Background()
	if err := s.Load(ctx, demo.Generate(o)); err != nil {
		b.Fatal(err)
	}
	opts := export.ReportOptions{Year: 2026, AsOf: analytics.DateOf(analyticstest.Today)}
	b.ReportAllocs()
	for b.Loop() {
		if err := export.WriteReport(ctx, s, opts, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReportDemo(b *testing.B) { benchReport(b, demo.Options{}) }

func BenchmarkReportLarge(b *testing.B) {
	benchReport(b, demo.Options{Members: 20000, Services: 300, Years: 25, Seed: 7})
}
