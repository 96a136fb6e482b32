package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

func TestTemplateHasHeadersExamplesListsAndInstructions(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	f, data := workbook(t, func(w io.Writer) error { return Template(ctx, s, w) })

	want := []string{"Instruktioner"}
	for _, format := range importFormat {
		want = append(want, format.name)
	}
	if got := f.GetSheetList(); !slices.Equal(got, append(want, listSheet)) {
		t.Fatalf("sheets %v", got)
	}
	if visible, _ := f.GetSheetVisible(listSheet); visible {
		t.Error("the list sheet is visible")
	}
	for _, text := range []string{"Importmall för Målbild", "Import template for Målbild", "top_service_share"} {
		if findCell(t, f, text) == "" {
			t.Errorf("the instructions lack %q", text)
		}
	}

	members := rows(t, f, "Medlemmar")
	if len(members) != 2 || members[0][0] != "Namn" || members[1][0] != "Exempel: Karlstad" || members[1][2] != "1780" {
		t.Errorf("members sheet %q: want the headers and an example row", members)
	}
	if st := styleOf(t, f, "Medlemmar", 1, 2); st.Font == nil || !st.Font.Italic {
		t.Error("the example row is not set apart")
	}

	// The list of services names every service of the database, and the
	// participation sheet's service column offers it.
	services, _ := s.AllServices(ctx)
	lists := templateLists(services)
	column := rows(t, f, listSheet)
	for i, sv := range services {
		if got := column[i+1][lists["services"].column-1]; got != sv.Name {
			t.Errorf("list row %d: %q, want %q", i+2, got, sv.Name)
		}
	}
	dvs, err := f.GetDataValidations("Deltagande")
	if err != nil || len(dvs) != 1 {
		t.Fatalf("participation drop-downs %v, %v", dvs, err)
	}
	wantRange := absRange(listSheet, lists["services"].column, 2, len(services)+1)
	if dvs[0].Sqref != "B2:B5001" || dvs[0].Formula1 != wantRange || dvs[0].Type != "list" {
		t.Errorf("service drop-down %s = %q (%s), want B2:B5001 = %q", dvs[0].Sqref, dvs[0].Formula1, dvs[0].Type, wantRange)
	}
	if dvs[0].ErrorStyle == nil || *dvs[0].ErrorStyle != "warning" {
		t.Error("the drop-down refuses values outside the list; new services and English words must pass")
	}
	kinds, _ := f.GetDataValidations("Medlemmar")
	if len(kinds) != 2 { // kind and county
		t.Errorf("members drop-downs: %d, want kind and county", len(kinds))
	}
	if !strings.Contains(parts(t, data)["xl/workbook.xml"], `state="hidden"`) {
		t.Error("no hidden sheet in the workbook")
	}
}

// The template's example rows are unmistakably examples: the import skips
// them and says so, and importing the template as it comes into a full
// database changes nothing (it once renamed Heby to Karlstad, moved
// Karlstad's join date and Bibblix's start, and added an event and a goal).
func TestTemplateExamplesChangeNothing(t *testing.T) {
	if examplePrefix != importer.ExamplePrefix {
		t.Fatalf("the template marks examples with %q, the import looks for %q", examplePrefix, importer.ExamplePrefix)
	}
	ctx := context.Background()
	for _, full := range []bool{false, true} {
		s := analyticstest.New(t)
		if full {
			s = demoStore(t)
		}
		_, data := workbook(t, func(w io.Writer) error { return Template(ctx, s, w) })
		before := dumpTables(t, s)
		for _, lang := range []string{"sv", "en"} {
			_, err := importer.Preview(ctx, s, importer.File{Name: "importmall.xlsx", Data: data}, importer.Options{Lang: lang})
			var fe *importer.FileError
			if !errors.As(err, &fe) || fe.Reason != importer.ReasonOnlyExamples {
				t.Fatalf("full %v, %s: %v, want only_examples", full, lang, err)
			}
		}
		res, err := importer.Commit(ctx, s, importer.File{Name: "importmall.xlsx", Data: data}, importer.Options{})
		if err == nil || res != nil {
			t.Errorf("commit of the unedited template: %+v, %v", res, err)
		}
		if dumpTables(t, s) != before {
			t.Errorf("full %v: importing the unedited template changed the registry", full)
		}
	}
}

// An example row beside real rows is skipped and reported; the real rows
// import.
func TestTemplateExampleRowIsSkippedBesideRealRows(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	f, _ := workbook(t, func(w io.Writer) error { return Template(ctx, s, w) })
	if err := f.SetSheetRow("Medlemmar", "A3", &[]any{"Ale", "kommun", "1440"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Medlemmar", "H3", "2015-01-12"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	plan := importFile(t, s, "mall.xlsx", buf.Bytes())
	for _, sh := range plan.Sheets {
		switch {
		case sh.Name == "Medlemmar":
			if sh.New != 1 || !slices.Equal(sh.SkippedRows, []int{2}) || len(sh.Problems) != 1 || sh.Problems[0].Code != "row.example" || sh.Problems[0].Row != 2 {
				t.Errorf("members: %d new, skipped %v, problems %+v", sh.New, sh.SkippedRows, sh.Problems)
			}
		case sh.Kind != "":
			if sh.New+sh.Changed != 0 || !slices.Equal(sh.SkippedRows, []int{2}) {
				t.Errorf("%s: %d new, %d changed, skipped %v", sh.Name, sh.New, sh.Changed, sh.SkippedRows)
			}
		}
	}
}

// dumpTables writes every row of the registry's tables, so that two states
// can be compared exactly.
func dumpTables(t *testing.T, s *analytics.Store) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"members", "services", "participations", "events", "attendance", "goals", "goal_comments", "fee_bands", "import_batches"} {
		rows, err := analyticstest.Handle(s).Query("SELECT * FROM " + table + " ORDER BY ALL")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		b.WriteString("== " + table + "\n")
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
