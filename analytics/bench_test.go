package analytics_test

import (
	"context"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/demo"
)

// benchSizes are the demo data set and the benchmark size of the issues:
// 20 000 members, 300 services and networks, 25 years.
var benchSizes = []struct {
	name string
	opts demo.Options
}{
	{"demo", demo.Options{}},
	{"large", demo.Options{Members: 20000, Services: 300, Years: 25, Seed: 7}},
}

func newBenchStore(b *testing.B, o demo.Options) *analytics.Store {
	b.Helper()
	s := analyticstest.New(b)
	if err := s.Load(context.Background(), demo.Generate(o)); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkMetricsOneDay is every metric of the overview for one date.
func BenchmarkMetricsOneDay(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			s := newBenchStore(b, size.opts)
			ctx := context.Background()
			for b.Loop() {
				if _, err := s.Metrics(ctx, date("2026-06-30")); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSeries60Months is each metric at 60 month ends in one query.
func BenchmarkSeries60Months(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			s := newBenchStore(b, size.opts)
			ctx := context.Background()
			for _, m := range analytics.MetricCatalog() {
				b.Run(m.Key, func(b *testing.B) {
					for b.Loop() {
						points, err := s.Series(ctx, m.Key, nil, date("2021-11-01"), date("2026-10-31"))
						if err != nil || len(points) != 60 {
							b.Fatalf("%d points, %v", len(points), err)
						}
					}
				})
			}
		})
	}
}

// BenchmarkEvaluateGoals is a business plan's goals with pace and forecast.
func BenchmarkEvaluateGoals(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			s := newBenchStore(b, size.opts)
			ctx := context.Background()
			for b.Loop() {
				if _, err := s.EvaluateGoals(ctx, 2023, date("2023-06-30")); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkListMembersAndFees are the member list and the fee list of a year.
func BenchmarkListMembersAndFees(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			s := newBenchStore(b, size.opts)
			ctx := context.Background()
			b.Run("members", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.ListMembers(ctx, date("2026-06-30"), analytics.MemberFilter{}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("fees", func(b *testing.B) {
				for b.Loop() {
					if _, err := s.Fees(ctx, 2026); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
