package export

import (
	"context"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/analytics/locale"
)

// everyExport is each workbook of the package written from s, by name.
func everyExport(ctx context.Context, s *analytics.Store) map[string]func(io.Writer) error {
	return map[string]func(io.Writer) error{
		"report sv": func(w io.Writer) error {
			return WriteReport(ctx, s, ReportOptions{Year: 2023, AsOf: day("2023-06-30")}, w)
		},
		"report en":          func(w io.Writer) error { return WriteReport(ctx, s, ReportOptions{Year: 2026, Lang: locale.En}, w) },
		"fees":               func(w io.Writer) error { return Fees(ctx, s, 2026, w, false) },
		"fees with contacts": func(w io.Writer) error { return Fees(ctx, s, 2026, w, true) },
		"template":           func(w io.Writer) error { return Template(ctx, s, w) },
		"data":               func(w io.Writer) error { return Data(ctx, s, w, false) },
	}
}

// Every style of every workbook names the one typeface at a size that
// prints: a style without a family is a serif face in LibreOffice.
func TestEveryStyleNamesTheTypeface(t *testing.T) {
	s := demoStore(t)
	for name, write := range everyExport(context.Background(), s) {
		f, _ := workbook(t, write)
		n := len(f.Styles.CellXfs.Xf)
		for id := range n {
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if st.Font == nil || st.Font.Family != fontFamily || st.Font.Size < 9 {
				t.Errorf("%s: style %d has the font %+v, want %s of 9 points or more", name, id, st.Font, fontFamily)
			}
		}
		if def, _ := f.GetDefaultFont(); def != fontFamily {
			t.Errorf("%s: the default font is %s", name, def)
		}
	}
}

// Every printed sheet fits a landscape A4 page's width at (nearly) full size,
// and says on every page what it is, as of when, and which page of how many.
func TestEverySheetPrintsLegiblyWithHeaderAndFooter(t *testing.T) {
	s := demoStore(t)
	for name, write := range everyExport(context.Background(), s) {
		f, data := workbook(t, write)
		p := parts(t, data)
		for i, sheet := range f.GetSheetList() {
			if visible, _ := f.GetSheetVisible(sheet); !visible {
				continue
			}
			// The data and the template are forms for the import, not documents.
			if w := usedWidth(t, f, sheet); w > pageWidth && !strings.HasPrefix(name, "data") && name != "template" {
				t.Errorf("%s: %s is %.1f characters wide, more than a page's %d: it would print below 9 points", name, sheet, w, pageWidth)
			}
			xml := p["xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml"]
			for _, want := range []string{"<oddHeader>", "&amp;P", "&amp;N", fontFamily} {
				if !strings.Contains(xml, want) {
					t.Errorf("%s: %s's page header and footer lack %q", name, sheet, want)
				}
			}
		}
	}
}

// usedWidth is the sum of the widths of the columns a sheet uses.
func usedWidth(t *testing.T, f *excelize.File, sheet string) float64 {
	t.Helper()
	used := 0
	for _, row := range rows(t, f, sheet) {
		used = max(used, len(row))
	}
	total := 0.0
	for c := 1; c <= used; c++ {
		w, err := f.GetColWidth(sheet, colName(c))
		if err != nil {
			t.Fatal(err)
		}
		total += w
	}
	return total
}

// The report's properties name it, its association and the store's clock.
func TestReportDocumentProperties(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	if err := s.SetSetting(ctx, analytics.SettingAssociation, "Sambruk"); err != nil {
		t.Fatal(err)
	}
	f, _ := workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, s, ReportOptions{Year: 2026, Association: "ignored", MadeBy: "kansliet"}, w)
	})
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Title != "Sambruk – Årsmötesrapport 2026" || props.Creator != "Sambruk" {
		t.Errorf("title %q, author %q", props.Title, props.Creator)
	}
	if want := analyticstest.Today.UTC().Format(time.RFC3339); props.Created != want {
		t.Errorf("created %q, want the store's clock %s", props.Created, want)
	}
	if cell := findCell(t, f, "2026-11-22 12:00 av kansliet"); cell == "" {
		t.Error("the summary does not say when and by whom the report was made")
	}
	if cell := findCell(t, f, "Sambruk – Årsmötesrapport 2026"); cell != "Sammanfattning!A1" {
		t.Errorf("the association's name from the settings is at %q, want Sammanfattning!A1", cell)
	}

	// Without the setting, the option is the fallback.
	f, _ = workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, analyticstest.New(t), ReportOptions{Year: 2026, Association: "Itsam"}, w)
	})
	if props, _ := f.GetDocProps(); props.Creator != "Itsam" {
		t.Errorf("without the setting the author is %q, want the option's Itsam", props.Creator)
	}
}
