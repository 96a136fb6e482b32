package export

import (
	"bytes"
	"context"
	"io"
	"slices"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// importFile commits data into s and returns the plan, failing on errors.
func importFile(t *testing.T, s *analytics.Store, name string, data []byte) *importer.Plan {
	t.Helper()
	res, err := importer.Commit(context.Background(), s, importer.File{Name: name, Data: data}, importer.Options{})
	if err != nil {
		if res != nil {
			for _, sh := range res.Plan.Sheets {
				for i, p := range sh.Problems {
					if i < 5 {
						t.Logf("%s row %d %s %q: %s", p.Sheet, p.Row, p.Column, p.Value, p.Message)
					}
				}
			}
		}
		t.Fatalf("import %s: %v", name, err)
	}
	return res.Plan
}

func TestDataRoundTripsThroughTheImport(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	first, firstData := workbook(t, func(w io.Writer) error { return Data(ctx, s, w, true) })

	empty := analyticstest.New(t)
	plan := importFile(t, empty, "data.xlsx", firstData)
	for _, sh := range plan.Sheets {
		if sh.Kind == "" || sh.Changed != 0 || sh.Unchanged != 0 || len(sh.Ignored) > 0 {
			t.Errorf("sheet %s read as %q: %d new, %d changed, %d unchanged, ignored %v",
				sh.Name, sh.Kind, sh.New, sh.Changed, sh.Unchanged, sh.Ignored)
		}
	}
	second, _ := workbook(t, func(w io.Writer) error { return Data(ctx, empty, w, true) })
	if a, b := first.GetSheetList(), second.GetSheetList(); !slices.Equal(a, b) {
		t.Fatalf("sheets %v, then %v", a, b)
	}
	for _, sheet := range first.GetSheetList() {
		a, b := rows(t, first, sheet), rows(t, second, sheet)
		if len(a) != len(b) {
			t.Errorf("%s: %d rows, then %d", sheet, len(a), len(b))
			continue
		}
		for i := range a {
			if !slices.Equal(a[i], b[i]) {
				t.Errorf("%s row %d: %q, then %q", sheet, i+1, a[i], b[i])
				break
			}
		}
	}

	for _, personal := range []bool{true, false} {
		_, data := workbook(t, func(w io.Writer) error { return Data(ctx, s, w, personal) })
		if plan := importFile(t, s, "data.xlsx", data); plan.Changes() != 0 {
			t.Errorf("personal %v: importing the export into its own database changes %d rows", personal, plan.Changes())
		}
	}
}

func TestDataSheetsAreTheImportsFormat(t *testing.T) {
	s := demoStore(t)
	f, _ := workbook(t, func(w io.Writer) error { return Data(context.Background(), s, w, false) })
	var names []string
	for _, format := range importFormat {
		names = append(names, format.name)
		header := rows(t, f, format.name)[0]
		var want []string
		for _, c := range format.columns {
			if !c.personal {
				want = append(want, c.header)
			}
		}
		if !slices.Equal(header, want) {
			t.Errorf("%s: headers %q, want %q", format.name, header, want)
		}
	}
	if got := f.GetSheetList(); !slices.Equal(got, names) {
		t.Errorf("sheets %v, want %v", got, names)
	}
	var buf bytes.Buffer
	if err := Data(context.Background(), analyticstest.New(t), &buf, false); err != nil {
		t.Errorf("an empty database: %v", err)
	}
}
