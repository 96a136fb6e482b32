package export

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"malbild/analytics/analyticstest"
	"malbild/analytics/locale"
)

// budgetRow finds the row of the Budget sheet whose first two cells are
// group and category; nil when there is none.
func budgetRow(got [][]string, group, category string) []string {
	for _, r := range got {
		if len(r) > 1 && r[0] == group && r[1] == category {
			return r
		}
	}
	return nil
}

func TestReportHasABudgetSheetWithItsChartWhenTheYearHasABudget(t *testing.T) {
	s := budgetStore(t)
	ctx := context.Background()
	f, data := workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, s, ReportOptions{Year: 2025, AsOf: day("2025-06-30")}, w)
	})
	sheets := f.GetSheetList()
	if !slices.Contains(sheets, "Budget") || !slices.Contains(sheets, "Budgetdiagram") {
		t.Fatalf("sheets %v", sheets)
	}
	if visible, _ := f.GetSheetVisible("Budgetdiagram"); visible {
		t.Error("the chart's data sheet is visible")
	}
	got := rows(t, f, "Budget")
	if !strings.Contains(got[0][0], "2025") || !strings.Contains(got[1][0], "235 200 kr") {
		t.Errorf("title and rule %q %q: the rule says 4 pbb of 2025 in kronor", got[0], got[1])
	}
	if h := got[budgetHeaderRow-1]; h[0] != "Grupp" || h[8] != "Status" || h[9] != "Tröskel (kr)" {
		t.Errorf("header %q", h)
	}
	for _, c := range []struct {
		group, category string
		status          string
		threshold       string // raw
	}{
		{"Användarhårdvara", "Hela ramen", "Inom budget", "235200"}, // 4 pbb < 10 %
		{"Användarhårdvara", "Klienter", "Över budget", "ramen avgör"},
		{"Användarhårdvara", "Switchar", "Inom budget", "ramen avgör"},
		{"Användarhårdvara", "A/V-utrustning", "Ingen uppföljning än", "ramen avgör"},
		{"", "Kansliet", "Över budget", "125055"},
		{"", "=Konferens", "Anmäls till styrelsen", "20000"},
	} {
		r := budgetRow(got, c.group, c.category)
		if r == nil {
			t.Errorf("no line %s / %s in %q", c.group, c.category, got)
			continue
		}
		if r[8] != c.status {
			t.Errorf("%s / %s: status %q, want %q", c.group, c.category, r[8], c.status)
		}
		for i := range got {
			if len(got[i]) > 1 && got[i][1] == c.category && got[i][0] == c.group {
				if v := raw(t, f, "Budget", 10, i+1); v != c.threshold {
					t.Errorf("%s / %s: threshold %q, want %q", c.group, c.category, v, c.threshold)
				}
			}
		}
	}
	last := len(got)
	if got[last-1][0] != "Summa" || raw(t, f, "Budget", 4, last) != "18931550" {
		t.Errorf("total %q: want Summa and 18 931 550 kr", got[last-1])
	}
	konferens := slices.IndexFunc(got, func(r []string) bool { return len(r) > 1 && r[1] == "=Konferens" })
	if st := styleOf(t, f, "Budget", 9, konferens+1); st.Fill.Color == nil || st.Fill.Color[0] != statusColours["missed"][0] {
		t.Errorf("a report line is not on red: %+v", st.Fill)
	}
	p := parts(t, data)
	chart := ""
	for name, body := range p {
		if strings.HasPrefix(name, "xl/charts/chart") && strings.Contains(body, "Budgetdiagram") {
			chart = body
		}
	}
	if chart == "" || !strings.Contains(chart, "barChart>") || strings.Count(chart, "<ser>") != 3 {
		t.Errorf("no bar chart of three series drawn from Budgetdiagram: %.600s", chart)
	}
	if bytes.Contains(data, []byte("<f>")) {
		t.Error("the report holds a formula")
	}

	// English words, and no Budget sheet for a year without a budget.
	en, _ := workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, s, ReportOptions{Year: 2025, AsOf: day("2025-06-30"), Lang: locale.En}, w)
	})
	if r := budgetRow(rows(t, en, "Budget"), "", "=Konferens"); r == nil || r[8] != "Report to the board" {
		t.Errorf("English line %q", r)
	}
	for _, book := range []*excelize.File{f, en} {
		for _, sheet := range book.GetSheetList() {
			for _, r := range rows(t, book, sheet) {
				for _, v := range r {
					if strings.HasPrefix(v, "[export.budget.") || strings.HasPrefix(v, "[export.sheet.") {
						t.Errorf("%s: missing text %q", sheet, v)
					}
				}
			}
		}
	}
	none, _ := workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, s, ReportOptions{Year: 2023, AsOf: day("2023-12-31")}, w)
	})
	if slices.Contains(none.GetSheetList(), "Budget") || slices.Contains(none.GetSheetList(), "Budgetdiagram") {
		t.Errorf("a year without a budget has %v", none.GetSheetList())
	}
	if empty, _ := workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, analyticstest.New(t), ReportOptions{Year: 2025}, w)
	}); slices.Contains(empty.GetSheetList(), "Budget") {
		t.Error("an empty database's report has a Budget sheet")
	}
}

// TestLibreOfficePrintsTheBudgetSheet opens the report with a Budget sheet
// in LibreOffice and prints it to PDF: the sheet's words and the chart's
// title are on its pages.
func TestLibreOfficePrintsTheBudgetSheet(t *testing.T) {
	bin := soffice(t)
	s := budgetStore(t)
	ctx := context.Background()
	dir := outDir(t)
	var buf bytes.Buffer
	if err := WriteReport(ctx, s, ReportOptions{Year: 2025, AsOf: day("2025-06-30")}, &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "budgetrapport.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(dir)
	profile := "file://" + filepath.ToSlash(t.TempDir())
	out, err := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf",
		"--outdir", abs, path).CombinedOutput()
	if err != nil || complaint(out) != "" {
		t.Fatalf("soffice: %v: %s\n%s", err, complaint(out), out)
	}
	pdf := filepath.Join(abs, "budgetrapport.pdf")
	if data, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("no PDF: %v", err)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("pdftotext not found: the PDF's text is not checked (apt-get install poppler-utils)")
		return
	}
	text, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Budgetuppföljning 2025", "Anmäls till styrelsen", "Hela ramen",
		"Budget, utfall och prognos per kategori 2025"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the printed report lacks %q", want)
		}
	}
	pages(t, dir)
}
