package importer_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/importer"
	"malbild/data/sharedtest"
)

// sample reads a sample file of ../shared/samples (see sharedtest: without
// the shared folder the test is skipped on a developer's machine and fails
// in CI).
func sample(t testing.TB, name string) importer.File {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedtest.Path(t, "samples"), name))
	if err != nil {
		t.Fatalf("sample %s: %v", name, err)
	}
	return importer.File{Name: name, Data: data}
}

var en = importer.Options{Lang: "en"}

// commit imports f and fails the test unless it applies without errors.
func commit(t testing.TB, s *analytics.Store, f importer.File) *importer.Result {
	t.Helper()
	res, err := importer.Commit(context.Background(), s, f, en)
	if err != nil {
		if res != nil {
			t.Fatalf("%s: %v\n%s", f.Name, err, problems(res.Plan))
		}
		t.Fatalf("%s: %v", f.Name, err)
	}
	return res
}

func problems(p *importer.Plan) string {
	var b strings.Builder
	for _, pr := range p.Problems() {
		fmt.Fprintf(&b, "  %s %s %q: %s\n", pr.Severity, pr.Place("en"), pr.Value, pr.Message)
	}
	return b.String()
}

// sheet is a worksheet for workbook: its name and rows; a time.Time is
// written as an Excel date with a yyyy-mm-dd format.
type sheet struct {
	name string
	rows [][]any
}

// workbook writes an .xlsx file of the sheets with excelize.
func workbook(t testing.TB, sheets ...sheet) importer.File {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		t.Fatal(err)
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sh.rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if v == nil {
					continue
				}
				if err := f.SetCellValue(sh.name, cell, v); err != nil {
					t.Fatal(err)
				}
				if _, ok := v.(time.Time); ok {
					if err := f.SetCellStyle(sh.name, cell, cell, dateStyle); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return importer.File{Name: "test.xlsx", Data: buf.Bytes()}
}

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// domainTables are the registry's tables, which an import changes.
var domainTables = []string{"members", "services", "participations", "events", "attendance", "goals", "goal_statuses", "fee_bands"}

// dump writes every row of the registry's tables, ids included, so that
// two states can be compared exactly.
func dump(t testing.TB, s *analytics.Store) string {
	t.Helper()
	var b strings.Builder
	for _, table := range domainTables {
		rows, err := analyticstest.Handle(s).Query("SELECT * FROM " + table + " ORDER BY ALL")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		fmt.Fprintf(&b, "== %s %v\n", table, cols)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&b, vals...)
		}
		rows.Close()
	}
	return b.String()
}

func count(t testing.TB, s *analytics.Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := analyticstest.Handle(s).QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
