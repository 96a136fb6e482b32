package export

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/demo"
)

// demoStore is a fresh store holding the default demo data.
func demoStore(t testing.TB) *analytics.Store {
	t.Helper()
	s := analyticstest.New(t)
	if err := s.Load(context.Background(), demo.Generate(demo.Options{})); err != nil {
		t.Fatal(err)
	}
	return s
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// workbook writes with write and opens what it wrote.
func workbook(t testing.TB, write func(w io.Writer) error) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

// raw is a cell's stored value: numbers unformatted, dates as serials.
func raw(t testing.TB, f *excelize.File, sheet string, col, row int) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cellName(col, row), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// number is a cell's number; ok is false for an empty cell.
func number(t testing.TB, f *excelize.File, sheet string, col, row int) (float64, bool) {
	t.Helper()
	v := raw(t, f, sheet, col, row)
	if v == "" {
		return 0, false
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("%s!%s: %q is not a number", sheet, cellName(col, row), v)
	}
	return n, true
}

// sameNumber says whether a cell holds the value of p (nil: empty).
func sameNumber(t testing.TB, f *excelize.File, sheet string, col, row int, p *float64) bool {
	t.Helper()
	n, ok := number(t, f, sheet, col, row)
	if p == nil {
		return !ok
	}
	return ok && near(n, *p)
}

func near(a, b float64) bool {
	d := a - b
	return d < 1e-9 && d > -1e-9
}

// rows are the values of every row of a sheet as shown.
func rows(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	out, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// styleOf is the style of a cell.
func styleOf(t testing.TB, f *excelize.File, sheet string, col, row int) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cellName(col, row))
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// parts are the files of an xlsx (a zip) by name.
func parts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[zf.Name] = string(b)
	}
	return out
}

// findCell is the first cell of any sheet whose shown text contains s, as
// "Sheet!A1", or "".
func findCell(t testing.TB, f *excelize.File, s string) string {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		for r, row := range rows(t, f, sheet) {
			for c, v := range row {
				if strings.Contains(v, s) {
					return sheet + "!" + cellName(c+1, r+1)
				}
			}
		}
	}
	return ""
}

// dateOf is an Excel date serial as yyyy-mm-dd.
func dateOf(serial float64) string {
	d, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		return ""
	}
	return d.Format(time.DateOnly)
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
