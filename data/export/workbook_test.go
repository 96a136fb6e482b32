package export

import (
	"context"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/analytics/locale"
)

func TestReportWorkbookHasItsSheetsChartsAndLayout(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	for _, c := range []struct {
		lang   string
		sheets []string
	}{
		{locale.Sv, []string{"Sammanfattning", "Diagram", "Nya och avslutade", "Medlemmar", "Tjänster", "Nätverk", "Matris", "Utveckling", "Målhistorik", "Nytta", "Diagramdata", "Budget", "Budgetdiagram"}},
		{locale.En, []string{"Summary", "Charts", "Joined and left", "Members", "Services", "Networks", "Matrix", "Development", "Goal history", "Benefits", "Chart data", "Budget", "Budget chart data"}},
	} {
		f, data := workbook(t, func(w io.Writer) error {
			return WriteReport(ctx, s, ReportOptions{Year: 2023, AsOf: day("2023-06-30"), Lang: c.lang}, w)
		})
		// The hidden chart data sheets come third and fourth in the file,
		// before the big streamed sheets (see chartDataSheet); the list
		// above keeps them after the sheets they serve.
		want := slices.Concat(c.sheets[:2], []string{c.sheets[9], c.sheets[11]}, c.sheets[2:9], c.sheets[10:11])
		if got := f.GetSheetList(); !slices.Equal(got, want) {
			t.Fatalf("%s: sheets %v, want %v", c.lang, got, want)
		}
		p := parts(t, data)
		charts := map[string][]string{
			"xl/charts/chart1.xml": {"lineChart", c.sheets[7]},
			"xl/charts/chart2.xml": {"barChart", "lineChart", c.sheets[10]},
			"xl/charts/chart3.xml": {"barChart", "lineChart", c.sheets[10]},
			"xl/charts/chart4.xml": {"barChart", c.sheets[12]},
		}
		for name, want := range charts {
			for _, w := range want {
				if !strings.Contains(p[name], w) {
					t.Errorf("%s: %s lacks %q", c.lang, name, w)
				}
			}
			if !strings.Contains(p[name], `<varyColors val="0">`) {
				t.Errorf("%s: %s varies its colours by point", c.lang, name)
			}
		}
		if n := strings.Count(p["xl/drawings/drawing1.xml"], "<c:chart "); n != 3 {
			t.Errorf("%s: the charts sheet anchors %d charts, want 3", c.lang, n)
		}
		// Each chart's alt text names the sheet its numbers are on.
		for _, sheet := range []string{c.sheets[7], c.sheets[4], c.sheets[5]} {
			if !strings.Contains(p["xl/drawings/drawing1.xml"], sheet+`."`) {
				t.Errorf("%s: no chart's alt text names %s", c.lang, sheet)
			}
		}
		if visible, _ := f.GetSheetVisible(c.sheets[10]); visible {
			t.Errorf("%s: the chart data sheet is visible", c.lang)
		}
		c.sheets = c.sheets[:10] // the printed sheets
		for _, sheet := range c.sheets {
			layout, err := f.GetPageLayout(sheet)
			if err != nil || *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
				t.Errorf("%s: page layout %+v, %v; want A4 landscape, one page wide", sheet, layout, err)
			}
			if props, _ := f.GetSheetProps(sheet); props.FitToPage == nil || !*props.FitToPage {
				t.Errorf("%s: not fitted to the page", sheet)
			}
		}
		for _, sheet := range c.sheets[2:] {
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("%s: panes %+v, %v; want the header row frozen", sheet, panes, err)
			}
			width, _ := f.GetColWidth(sheet, "A")
			if width < minWidth || width > maxWidth {
				t.Errorf("%s: column A is %v wide", sheet, width)
			}
		}
		filters := map[string]bool{}
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm._FilterDatabase" {
				filters[strings.Trim(strings.Split(dn.RefersTo, "!")[0], "'")] = true
			}
		}
		for _, sheet := range append([]string{c.sheets[0]}, c.sheets[2:]...) {
			if !filters[sheet] {
				t.Errorf("%s has no autofilter (defined names %v)", sheet, f.GetDefinedName())
			}
		}
	}
}

func TestReportWritesRealDatesNumbersAndPercentages(t *testing.T) {
	s := demoStore(t)
	f, _ := workbook(t, func(w io.Writer) error {
		return WriteReport(context.Background(), s, ReportOptions{Year: 2023, AsOf: day("2023-06-30")}, w)
	})
	_, members := headerRow(t, f, "Medlemmar", "Namn")
	for header, format := range map[string]string{"Medlem sedan": fmtDate, "Invånare": fmtInt, "Årsavgift 2023": fmtDecimal} {
		col := members[header]
		if _, ok := number(t, f, "Medlemmar", col, 2); !ok && header != "Invånare" {
			t.Errorf("Medlemmar %s: no number in row 2", header)
		}
		if st := styleOf(t, f, "Medlemmar", col, 2); st.CustomNumFmt == nil || *st.CustomNumFmt != format {
			t.Errorf("Medlemmar %s: number format %v, want %s", header, st.CustomNumFmt, format)
		}
	}
	if st := styleOf(t, f, "Tjänster", 5, 2); st.CustomNumFmt == nil || *st.CustomNumFmt != fmtPercent {
		t.Errorf("share of members: format %v, want a percentage", st.CustomNumFmt)
	}
	if share, ok := number(t, f, "Tjänster", 5, 2); !ok || share < 0 || share > 1 {
		t.Errorf("a share is stored as %v, want a fraction", share)
	}
}

// hostile is a registry whose texts start with the characters that make a
// spreadsheet program read a cell as a formula.
var hostile = []string{
	`INSERT INTO members (id, name, kind, county_code, population, group_name, joined_on, contact_name, contact_email) VALUES
		(1, '=HYPERLINK("http://x","y")', 'ovrig', '01', 1000, '-2+3', DATE '2020-01-01', '+46 70 123', '@attacker'),
		(2, 'Arboga', 'kommun', '19', 14000, '=1+1', DATE '2020-01-01', 'Ann', 'ann@arboga.example')`,
	`UPDATE members SET code = '1984' WHERE id = 2`,
	`INSERT INTO services (id, name, kind, area, started_on) VALUES (1, '@SUM(1+1)', 'service', '=cmd|''/C calc''!A0', DATE '2019-01-01')`,
	`INSERT INTO participations (member_id, service_id, from_on) VALUES (1, 1, DATE '2021-01-01'), (2, 1, DATE '2021-01-01')`,
	`INSERT INTO events (id, name, held_on, format, role) VALUES (1, '+SUM(9)', DATE '2023-03-01', 'digital', 'host')`,
	`INSERT INTO attendance VALUES (1, 1, 2)`,
	`INSERT INTO goals (year, number, key, area, text, metric, comparator, target, comment) VALUES
		(2023, 1, '=key', '-area', '=HYPERLINK("http://x","goal")', 'members', '>=', 2, '@comment')`,
	`INSERT INTO fee_bands VALUES (2023, 'kommun', 0, NULL, 5000, 5000), (2023, 'ovrig', 0, NULL, 5000, 25000)`,
}

var formulaElement = regexp.MustCompile(`<f[ >]`)

func TestUserTextIsNeverAFormula(t *testing.T) {
	s := hostileStore(t)
	ctx := context.Background()
	for name, write := range map[string]func(io.Writer) error{
		"report": func(w io.Writer) error {
			return WriteReport(ctx, s, ReportOptions{Year: 2023, AsOf: day("2023-06-30")}, w)
		},
		"data":     func(w io.Writer) error { return Data(ctx, s, w, true) },
		"fees":     func(w io.Writer) error { return Fees(ctx, s, 2023, w, true) },
		"template": func(w io.Writer) error { return Template(ctx, s, w) },
	} {
		f, data := workbook(t, write)
		for part, xml := range parts(t, data) {
			if strings.HasPrefix(part, "xl/worksheets/") && formulaElement.MatchString(xml) {
				t.Errorf("%s: %s holds a formula", name, part)
			}
		}
		// The template holds the service names (its drop-down list), the
		// others the member's name.
		text := `=HYPERLINK("http://x","y")`
		if name == "template" {
			text = "@SUM(1+1)"
		}
		at := findCell(t, f, text)
		if at == "" {
			t.Errorf("%s: %q is missing", name, text)
			continue
		}
		sheet, cell, _ := strings.Cut(at, "!")
		if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
			t.Errorf("%s: %s is the formula %q", name, at, formula)
		}
		if v, _ := f.GetCellValue(sheet, cell); v != text {
			t.Errorf("%s: %s reads %q, want the text %q", name, at, v, text)
		}
	}
}

func hostileStore(t *testing.T) *analytics.Store {
	t.Helper()
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, hostile...)
	return s
}

// The annual meeting report is sent to the meeting: it never holds a
// contact, however it is asked for.
func TestReportNeverHoldsPersonalData(t *testing.T) {
	s := demoStore(t)
	for _, lang := range []string{locale.Sv, locale.En} {
		f, _ := workbook(t, func(w io.Writer) error {
			return WriteReport(context.Background(), s, ReportOptions{Year: 2023, AsOf: day("2023-06-30"), Lang: lang}, w)
		})
		for _, personal := range []string{".kommun.example", "@", "E-post", "Kontaktperson", "E-mail", "Contact"} {
			if at := findCell(t, f, personal); at != "" {
				t.Errorf("report (%s) holds %q at %s", lang, personal, at)
			}
		}
	}
}

func TestPersonalDataOnlyWhenAskedFor(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	for name, write := range map[string]func(io.Writer, bool) error{
		"data": func(w io.Writer, p bool) error { return Data(ctx, s, w, p) },
		"fees": func(w io.Writer, p bool) error { return Fees(ctx, s, 2023, w, p) },
	} {
		for _, personal := range []bool{false, true} {
			f, _ := workbook(t, func(w io.Writer) error { return write(w, personal) })
			email, header := findCell(t, f, ".kommun.example"), findCell(t, f, "E-post")
			if personal && (email == "" || header == "") {
				t.Errorf("%s with personal data: no contacts", name)
			}
			if !personal && (email != "" || header != "" || findCell(t, f, "Kontaktperson") != "") {
				t.Errorf("%s without personal data: contact data at %s %s", name, email, header)
			}
		}
	}
}
