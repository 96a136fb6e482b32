package export

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// budgetFixture is a workbook with two years of budget: a frame in tkr with
// its categories, standalone categories (one whose name starts with "="),
// follow-ups of categories, of a group alone and without a forecast, a
// comment over two lines, and an imported prisbasbelopp.
func budgetFixture(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheets := map[string][][]any{
		"Budget": {
			{"År", "Grupp", "Kategori", "Typ", "Belopp (tkr)"},
			{2025, "Användarhårdvara", nil, "investering", "17 481"},
			{2025, "Användarhårdvara", "Klienter", nil, "12 000"},
			{2025, "Användarhårdvara", "Switchar", nil, "3 481"},
			{2025, "Användarhårdvara", "A/V-utrustning", nil, "2 000"},
			{2025, nil, "Kansliet", "drift", "1 250,55"},
			{2025, nil, "=Konferens", "drift", "200"},
			{2024, nil, "Kansliet", "drift", "1 100"},
		},
		"Uppföljning": {
			{"Datum", "Grupp", "Kategori", "Utfall", "Prognos", "Kommentar"},
			{"2024-12-31", nil, "Kansliet", "1 050 000", nil, "Bokslut"},
			{"2025-03-31", nil, "Klienter", "3 000 000", "14 000 000", "Fler klienter\nän planerat"},
			{"2025-03-31", nil, "Switchar", "900 000", nil, nil},
			{"2025-06-30", "Användarhårdvara", nil, "300 000", "300 000", "Ej fördelat"},
			{"2025-06-30", nil, "Kansliet", "600 000", "1 300 000", nil},
			{"2025-06-30", nil, "=Konferens", "0", "230 000", nil},
		},
		"Prisbasbelopp": {{"År", "Prisbasbelopp"}, {2027, 60100}},
	}
	for i, name := range []string{"Budget", "Uppföljning", "Prisbasbelopp"} {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref := cellName(c+1, r+1)
				var err error
				if s, ok := v.(string); ok {
					err = f.SetCellStr(name, ref, s)
				} else {
					err = f.SetCellValue(name, ref, v)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// budgetStore is a fresh store with the budget fixture imported.
func budgetStore(t testing.TB) *analytics.Store {
	t.Helper()
	s := analyticstest.New(t)
	importFile(t.(*testing.T), s, "budget.xlsx", budgetFixture(t))
	return s
}

func TestBudgetDataRoundTripsThroughTheImport(t *testing.T) {
	ctx := context.Background()
	s := budgetStore(t)
	f, data := workbook(t, func(w io.Writer) error { return Data(ctx, s, w, false) })
	if got := rows(t, f, "Budget"); len(got) != 8 || !slices.Equal(got[0], []string{"År", "Grupp", "Kategori", "Typ", "Belopp"}) {
		t.Errorf("Budget sheet %q", got)
	}
	for i, r := range rows(t, f, "Budget") {
		if len(r) > 2 && r[1] == "Användarhårdvara" && r[2] == "" {
			if v := raw(t, f, "Budget", 5, i+1); v != "17481000" {
				t.Errorf("the frame's amount is %q, want 17481000 kr", v)
			}
		}
		if len(r) > 2 && r[2] == "=Konferens" {
			if formula, _ := f.GetCellFormula("Budget", cellName(3, i+1)); formula != "" {
				t.Errorf("=Konferens is written as the formula %q", formula)
			}
		}
	}
	if pbb := rows(t, f, "Prisbasbelopp"); len(pbb) != 2 {
		t.Errorf("Prisbasbelopp %q: the imported year only", pbb)
	}

	if plan := importFile(t, s, "data.xlsx", data); plan.Changes() != 0 {
		t.Errorf("importing the export into its own database changes %d rows", plan.Changes())
	}
	fresh := analyticstest.New(t)
	plan := importFile(t, fresh, "data.xlsx", data)
	if c := plan.Counts; c["budget_lines"].New != 7 || c["budget_followups"].New != 6 || c["price_base_amounts"].New != 1 {
		t.Errorf("into a fresh store: %+v %+v %+v", c["budget_lines"], c["budget_followups"], c["price_base_amounts"])
	}
	same := func(name string, read func(*analytics.Store) (any, error)) {
		a, errA := read(s)
		b, errB := read(fresh)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if errA != nil || errB != nil || !bytes.Equal(ja, jb) {
			t.Errorf("%s differs after the round trip (%v, %v):\n%s\n%s", name, errA, errB, ja, jb)
		}
	}
	for _, year := range []int{2024, 2025} {
		same("Budget", func(st *analytics.Store) (any, error) { return st.Budget(ctx, year, day("2025-12-31")) })
	}
	same("follow-ups", func(st *analytics.Store) (any, error) {
		fs, err := st.AllBudgetFollowups(ctx)
		for i := range fs {
			fs[i].ID = 0
		}
		return fs, err
	})
	same("pbb", func(st *analytics.Store) (any, error) { return st.PriceBaseAmounts(ctx, false) })
}

func TestTemplateHasTheBudgetSheetsWithAKindList(t *testing.T) {
	s := budgetStore(t)
	ctx := context.Background()
	f, data := workbook(t, func(w io.Writer) error { return Template(ctx, s, w) })
	for _, format := range []importSheet{budgetFormat, budgetFollowupsFormat, priceBaseFormat} {
		got := rows(t, f, format.name)
		if len(got) != 2 || len(got[0]) != len(format.columns) || !strings.HasPrefix(got[1][0], "Exempel: ") {
			t.Errorf("%s: %q, want the headers and an example row", format.name, got)
		}
	}
	dvs, err := f.GetDataValidations("Budget")
	lists := templateLists(nil)
	want := absRange(listSheet, lists["budget_kinds"].column, 2, 3)
	if err != nil || len(dvs) != 1 || dvs[0].Sqref != "D2:D5001" || dvs[0].Formula1 != want {
		t.Fatalf("Budget drop-downs %+v, %v: want Typ (D) from %s", dvs, err, want)
	}
	if findCell(t, f, "Belopp (tkr)") == "" {
		t.Error("the instructions do not say how to write tkr")
	}
	// The template as it comes changes nothing, in a store with a budget too.
	_, err = importer.Preview(ctx, s, importer.File{Name: "mall.xlsx", Data: data}, importer.Options{})
	var fe *importer.FileError
	if !errors.As(err, &fe) || fe.Reason != importer.ReasonOnlyExamples {
		t.Errorf("the unedited template: %v, want only examples", err)
	}
}

// The demo's budget, every year of it, is the same after the data export is
// imported into a fresh store.
func TestDemoBudgetSurvivesTheDataRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	_, data := workbook(t, func(w io.Writer) error { return Data(ctx, s, w, true) })
	fresh := analyticstest.New(t)
	importFile(t, fresh, "data.xlsx", data)
	years, err := s.BudgetYears(ctx)
	if err != nil || len(years) < 3 {
		t.Fatalf("budget years %v, %v", years, err)
	}
	for _, y := range years {
		for _, asOf := range []string{"-03-31", "-06-30", "-12-31"} {
			d := day(fmt.Sprint(y) + asOf)
			a, errA := s.Budget(ctx, y, d)
			b, errB := fresh.Budget(ctx, y, d)
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			if errA != nil || errB != nil || !bytes.Equal(ja, jb) {
				t.Errorf("%d on %s differs (%v, %v):\n%s\n%s", y, d.Format("2006-01-02"), errA, errB, ja, jb)
			}
		}
	}
}
