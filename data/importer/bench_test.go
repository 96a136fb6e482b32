package importer_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics/analyticstest"
	"malbild/data/importer"
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

// writeWorkbook, when given, makes TestWriteMembersWorkbook write the
// benchmarks' workbook to a file, so that the whole process of `malbild
// import` can be measured on it (its peak resident memory includes DuckDB's,
// which the benchmarks' heap figure leaves out):
//
//	go test ./data/importer -run TestWriteMembersWorkbook -args -write-workbook /tmp/big.xlsx -rows 100000
var (
	writeWorkbook = flag.String("write-workbook", "", "write the benchmarks' members workbook to this file")
	workbookRows  = flag.Int("rows", 100_000, "member rows in the workbook -write-workbook writes")
)

func TestWriteMembersWorkbook(t *testing.T) {
	if *writeWorkbook == "" {
		t.Skip("no -write-workbook file given")
	}
	if err := os.WriteFile(*writeWorkbook, membersWorkbook(t, *workbookRows), 0o644); err != nil {
		t.Fatal(err)
	}
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

// membersWorkbook writes n member rows with excelize's StreamWriter.
func membersWorkbook(tb testing.TB, n int) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		tb.Fatal(err)
	}
	header := []any{"Namn", "Typ", "Organisationsnummer", "Län", "Invånare", "Medlem sedan", "Kontaktperson", "E-post"}
	if err := sw.SetRow("A1", header); err != nil {
		tb.Fatal(err)
	}
	joined := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := []any{
			fmt.Sprintf("Förening %06d", i), "övrig", orgNumber(fmt.Sprintf("802%06d", i)), "Stockholms län",
			fmt.Sprintf("%d %03d", 1+i%90, i%1000),
			excelize.Cell{StyleID: dateStyle, Value: joined.AddDate(0, 0, i%4000)},
			fmt.Sprintf("Kontakt %d", i), fmt.Sprintf("kontakt%d@forening.example.se", i),
		}
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func ptr[T any](v T) *T { return &v }

// orgNumber completes nine digits with their Luhn check digit.
func orgNumber(nine string) string {
	sum := 0
	for i := 0; i < 9; i++ {
		d := int(nine[i] - '0')
		if i%2 == 0 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return fmt.Sprintf("%s-%s%d", nine[:6], nine[6:], (10-sum%10)%10)
}
