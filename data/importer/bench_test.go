package importer_test

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"malbild/analytics/analyticstest"
	"malbild/data/importer"
	"malbild/data/importer/benchbook"
)

// BenchmarkPreview100kMembers previews a members workbook of 100 000 rows
// (organisations with organisation numbers, dates as Excel dates) against
// an empty database.
func BenchmarkPreview100kMembers(b *testing.B) {
	data := membersWorkbook(b, 100_000)
	s := analyticstest.New(b)
	peak := watchHeap(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		plan, err := importer.Preview(context.Background(), s, importer.File{Name: "big.xlsx", Data: data}, importer.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if plan.Errors > 0 || plan.Counts["members"].New != 100_000 {
			b.Fatalf("errors %d, new %d: %v", plan.Errors, plan.Counts["members"].New, plan.Problems()[:1])
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(len(data))/(1<<20), "MiB/file")
	b.ReportMetric(float64(peak())/(1<<20), "MiB-peak-heap")
}

// BenchmarkCommit100kMembers commits a members workbook of 100 000 rows
// into an empty database (a new one for each commit, made outside the
// timer).
func BenchmarkCommit100kMembers(b *testing.B) {
	data := membersWorkbook(b, 100_000)
	peak := watchHeap(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		s := analyticstest.New(b)
		b.StartTimer()
		res, err := importer.Commit(context.Background(), s, importer.File{Name: "big.xlsx", Data: data}, importer.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Batch == nil || res.Batch.Counts["members"].New != 100_000 {
			b.Fatalf("batch %+v", res.Batch)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(peak())/(1<<20), "MiB-peak-heap")
}

// watchHeap samples the live heap until the benchmark ends and returns a
// function that gives the largest it saw.
func watchHeap(b *testing.B) func() uint64 {
	var mu sync.Mutex
	var peak uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				runtime.ReadMemStats(&ms)
				mu.Lock()
				peak = max(peak, ms.HeapAlloc)
				mu.Unlock()
			}
		}
	}()
	b.Cleanup(func() { close(done) })
	return func() uint64 {
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// membersWorkbook is benchbook's workbook of n member rows.
func membersWorkbook(tb testing.TB, n int) []byte {
	tb.Helper()
	data, err := benchbook.Members(n)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func ptr[T any](v T) *T { return &v }
