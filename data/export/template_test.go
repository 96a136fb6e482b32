package export

import (
	"context"
	"io"
	"slices"
	"strings"
	"testing"

	"malbild/analytics/analyticstest"
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
	if len(members) != 2 || members[0][0] != "Namn" || members[1][0] != "Karlstad" || members[1][2] != "1780" {
		t.Errorf("members sheet %q: want the headers and an example row", members)
	}
	if st := styleOf(t, f, "Medlemmar", 1, 2); st.Font == nil || !st.Font.Italic {
		t.Error("the example row is not set apart")
	}

	// The list of services names every service of the database, and the
	// participation sheet's service column offers it.
	services, _ := readServices(ctx, s)
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

// The template's example rows are data the import understands: importing
// the template as it comes adds one row per table and reports no problem.
func TestTemplateExamplesImport(t *testing.T) {
	s := analyticstest.New(t)
	_, data := workbook(t, func(w io.Writer) error { return Template(context.Background(), s, w) })
	plan := importFile(t, s, "importmall.xlsx", data)
	for _, sh := range plan.Sheets {
		if sh.Kind == "" {
			continue // the instructions
		}
		if sh.New != 1 || len(sh.Problems) > 0 {
			t.Errorf("%s: %d new rows, problems %v", sh.Name, sh.New, sh.Problems)
		}
	}
}
