package export

import (
	"context"
	"io"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// LowMemory changes how the report's queries run, never what it says: every
// sheet holds the same values. (Style numbers are compared nowhere: they
// differ between two runs alike.)
func TestReportWithLowMemorySaysTheSame(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	for _, asOf := range []string{"2026-06-30", "2026-11-22"} { // a month end and a day within a month
		o := ReportOptions{Year: 2026, AsOf: day(asOf)}
		usual, _ := workbook(t, func(w io.Writer) error { return WriteReport(ctx, s, o, w) })
		o.LowMemory = true
		low, _ := workbook(t, func(w io.Writer) error { return WriteReport(ctx, s, o, w) })
		sheets := usual.GetSheetList()
		if got := low.GetSheetList(); !slices.Equal(got, sheets) {
			t.Fatalf("%s: sheets %v with LowMemory, %v without", asOf, got, sheets)
		}
		for _, sheet := range sheets {
			want, err := usual.GetRows(sheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			got, err := low.GetRows(sheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s: %s differs with LowMemory", asOf, sheet)
			}
		}
	}
}
