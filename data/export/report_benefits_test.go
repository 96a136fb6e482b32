package export

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/analytics/locale"
)

func ptr[T any](v T) *T { return &v }

// handBuiltBenefits is a register on a day: two benefits of Egil (one
// without valuation), one of the whole association, and Egil's cost.
func handBuiltBenefits() analytics.BenefitsReport {
	egil := int64(7)
	return analytics.BenefitsReport{
		AsOf: day("2024-06-30"),
		Benefits: []analytics.BenefitResult{
			{Name: "Frigjord tid", ServiceID: &egil, Service: "Egil", Certainty: analytics.CertaintyYellow, Unit: "timmar",
				Baseline: 0, Target: 1500, Due: day("2025-12-31"), Value: ptr(420.0), Status: analytics.StatusOnTrack,
				RealisedKr: ptr(189000.0)},
			{Name: "Nöjdare lärare", ServiceID: &egil, Service: "Egil", Certainty: analytics.CertaintyRed, Unit: "index",
				Baseline: 3.2, Target: 4, Due: day("2025-12-31"), Value: ptr(3.1), Status: analytics.StatusAtRisk},
			{Name: "Färre resor", Certainty: analytics.CertaintyGreen, Unit: "resor", Baseline: 100, Target: 50,
				Due: day("2024-12-31"), Status: analytics.StatusNoData},
		},
		Services: []analytics.ServiceBenefit{{ServiceID: egil, Service: "Egil", RealisedKr: ptr(189000.0), Cost: ptr(250000.0)}},
	}
}

func TestBenefitsSheetListsEachServiceWithItsTotalAndColours(t *testing.T) {
	for _, lang := range []string{locale.Sv, locale.En} {
		f, _ := workbook(t, func(w io.Writer) error {
			b, err := newBook(bookInfo{title: "test", lang: lang, asOf: day("2024-06-30")})
			if err != nil {
				return err
			}
			d := &reportData{ReportOptions: ReportOptions{Lang: lang}, benefits: handBuiltBenefits()}
			if err := b.benefitsSheet(d); err != nil {
				return err
			}
			return writeAndClose(b.f, w)
		})
		sheet := locale.Text(lang, "export.sheet.benefits")
		got := rows(t, f, sheet)
		whole, total := locale.Text(lang, "benefitsheet.whole"), locale.Text(lang, "total")
		want := [][]string{
			{"Egil", "Frigjord tid", locale.Text(lang, "benefitsheet.certainty.gul"), "timmar", "0", "420", "1500", "46022", statusLabel(lang, analytics.StatusOnTrack), "189000"},
			{"Egil", "Nöjdare lärare", locale.Text(lang, "benefitsheet.certainty.röd"), "index", "3.2", "3.1", "4", "46022", statusLabel(lang, analytics.StatusAtRisk)},
			{"Egil", total, "", "", "", "", "", "", "", "189000", "250000"},
			{whole, "Färre resor", locale.Text(lang, "benefitsheet.certainty.grön"), "resor", "100", "", "50", "45657", statusLabel(lang, analytics.StatusNoData)},
			{whole, total},
		}
		if len(got) != len(want)+1 {
			t.Fatalf("%s: rows %q", lang, got)
		}
		for i, w := range want {
			if !slices.Equal(got[i+1], w) {
				t.Errorf("%s row %d: %q, want %q", lang, i+2, got[i+1], w)
			}
		}
		if st := styleOf(t, f, sheet, 9, 3); len(st.Fill.Color) == 0 || st.Fill.Color[0] != statusColours[analytics.StatusAtRisk][0] {
			t.Errorf("%s: the at-risk status is not in its colour: %+v", lang, st.Fill)
		}
		if st := styleOf(t, f, sheet, 3, 2); len(st.Fill.Color) == 0 || st.Fill.Color[0] != certaintyColours[analytics.CertaintyYellow][0] {
			t.Errorf("%s: the yellow certainty is not yellow: %+v", lang, st.Fill)
		}
		if st := styleOf(t, f, sheet, 10, 4); st.Font == nil || !st.Font.Bold {
			t.Errorf("%s: the service's total is not bold", lang)
		}
	}
}

// The annual report has the benefits sheet when there are benefits, and not
// otherwise.
func TestReportHasABenefitsSheetOnlyWithBenefits(t *testing.T) {
	ctx := context.Background()
	s := benefitStore(t)
	f, _ := workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, s, ReportOptions{Year: 2024, AsOf: day("2024-12-31")}, w)
	})
	sheets := f.GetSheetList()
	if i := slices.Index(sheets, "Nytta"); i < 0 || sheets[i-1] != "Målhistorik" {
		t.Fatalf("sheets %v: want Nytta after Målhistorik", sheets)
	}
	got := rows(t, f, "Nytta")
	names := map[string]bool{}
	for _, row := range got[1:] {
		if len(row) > 1 {
			names[row[1]] = true
		}
	}
	for _, name := range []string{"Frigjord tid", "Utlån per barn", "Resor", "Summa"} {
		if !names[name] {
			t.Errorf("the benefits sheet lacks %q: %q", name, got)
		}
	}
	if cell := findCell(t, f, "Skolchef"); cell != "" {
		t.Errorf("an owner in the report at %s", cell)
	}

	if _, err := analyticstest.Handle(s).Exec(`DELETE FROM benefit_measurements; DELETE FROM benefits`); err != nil {
		t.Fatal(err)
	}
	f, _ = workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, s, ReportOptions{Year: 2024, AsOf: day("2024-12-31"), Lang: locale.En}, w)
	})
	if slices.Contains(f.GetSheetList(), "Benefits") {
		t.Errorf("a benefits sheet without benefits: %v", f.GetSheetList())
	}
}

// LibreOffice opens the report with its benefits sheet and prints it.
func TestLibreOfficePrintsTheBenefitsSheet(t *testing.T) {
	bin := soffice(t)
	ctx := context.Background()
	s := benefitStore(t)
	dir := outDir(t)
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteReport(ctx, s, ReportOptions{Year: 2024, AsOf: day("2024-12-31")}, &buf); err != nil {
		t.Fatal(err)
	}
	// Only the benefits sheet, so that the PDF is its pages.
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(f.GetSheetList(), "Nytta") {
		t.Fatalf("no benefits sheet: %v", f.GetSheetList())
	}
	for _, sheet := range f.GetSheetList() {
		if sheet != "Nytta" {
			if err := f.DeleteSheet(sheet); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(abs, "nytta.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	profile := "file://" + filepath.ToSlash(t.TempDir())
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", abs, path)
	out, err := cmd.CombinedOutput()
	if err != nil || complaint(out) != "" {
		t.Fatalf("soffice: %v: %s\n%s", err, complaint(out), out)
	}
	pdf, err := os.ReadFile(filepath.Join(abs, "nytta.pdf"))
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("no PDF: %v; soffice said %s", err, out)
	}
	pages(t, dir)
}
