package export

import (
	"context"
	"io"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/demo"
)

// Every total is the sum of what its column shows, and the report's fee
// income is that of the members sheet and of the fee list, to the öre.
func TestReportTotalsAreTheSumsOfWhatTheyShow(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	asOf := day("2026-11-22")
	f, _ := workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, s, ReportOptions{Year: 2026, AsOf: asOf}, w)
	})
	const sheet = "Medlemmar"
	members := rows(t, f, sheet)
	_, col := headerRow(t, f, sheet, "Namn")
	last := len(members)
	sum := func(c int) (float64, bool) {
		total := 0.0
		for r := 2; r <= last-2; r++ {
			n, _ := number(t, f, sheet, c, r)
			if n != roundToOre(n) {
				t.Errorf("%s!%s holds %v, more than öre", sheet, cellName(c, r), n)
			}
			total += n
		}
		shown, ok := number(t, f, sheet, c, last)
		return roundToOre(total - shown), ok
	}
	if diff, ok := sum(col["Invånare"]); !ok || diff != 0 {
		t.Errorf("the population total is off by %v", diff)
	}
	if diff, ok := sum(col["Årsavgift 2026"]); !ok || diff != 0 {
		t.Errorf("the fee total is off by %v", diff)
	}
	feeTotal, _ := number(t, f, sheet, col["Årsavgift 2026"], last)
	metrics, _ := s.Metrics(ctx, asOf)
	row := summaryFirstMetricRow
	for i, kv := range metrics {
		if kv.Key == "fee_income" {
			row += i
		}
	}
	if income, _ := number(t, f, "Sammanfattning", valueColumn, row); income != feeTotal {
		t.Errorf("the summary's fee income %v, the members sheet's total %v", income, feeTotal)
	}

	// Each member's fee is the fee list's annual fee of its membership.
	fees, err := s.Fees(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	annual := map[string]float64{}
	for _, fee := range fees {
		if !fee.JoinedOn.After(asOf) && (fee.LeftOn.IsZero() || !fee.LeftOn.Before(asOf)) {
			annual[fee.Name] += fee.AnnualFee
		}
	}
	listed := 0.0
	for r := 2; r <= last-2; r++ {
		name := raw(t, f, sheet, 1, r)
		fee, _ := number(t, f, sheet, col["Årsavgift 2026"], r)
		if fee != annual[name] {
			t.Errorf("%s: %v on the members sheet, %v on the fee list", name, fee, annual[name])
		}
		listed += annual[name]
	}
	if roundToOre(listed) != feeTotal {
		t.Errorf("the fee list's annual fees of the members sum to %v, the report says %v", roundToOre(listed), feeTotal)
	}

	// The matrix counts what it marks.
	matrix := rows(t, f, "Matris")
	for c := 1; c < len(matrix[0]); c++ {
		marks := 0
		for _, r := range matrix[1 : len(matrix)-2] {
			if c < len(r) && r[c] == "x" {
				marks++
			}
		}
		if n, _ := number(t, f, "Matris", c+1, len(matrix)); int(n) != marks {
			t.Errorf("the matrix's %s counts %v, it marks %d", matrix[0][c], n, marks)
		}
	}
}

// The year's new and lost members are listed with their days, as the key
// figures count them; a member's contact never is.
func TestReportListsTheYearsNewAndLostMembers(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, code, county_code, population, joined_on, left_on, contact_name, contact_email) VALUES
		('Arvika', 'kommun', '1784', '17', 25000, DATE '2010-01-01', NULL, 'Anna Andersson', 'anna@arvika.example'),
		('Borlänge', 'kommun', '2081', '20', 52000, DATE '2025-03-01', NULL, 'Bo Berg', 'bo@borlange.example'),
		('Eda', 'kommun', '1730', '17', 8500, DATE '2012-01-01', DATE '2025-06-30', 'Eva Ek', 'eva@eda.example'),
		('Filipstad', 'kommun', '1782', '17', 10500, DATE '2014-01-01', DATE '2025-12-31', NULL, NULL),
		('Gagnef', 'kommun', '2026', '20', 10000, DATE '2024-05-01', DATE '2024-12-31', NULL, NULL)`)
	f, _ := workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, s, ReportOptions{Year: 2025, AsOf: day("2025-09-30")}, w)
	})
	got := rows(t, f, "Nya och avslutade")
	want := [][]string{
		{"Borlänge", "ny medlem", "2025-03-01"},
		{"Eda", "utträde", "2025-06-30"},
	}
	if len(got) != 1+len(want)+2 {
		t.Fatalf("rows %q, want a header, %d members, a blank row and the count", got, len(want))
	}
	for i, w := range want {
		r := got[i+1]
		serial, _ := number(t, f, "Nya och avslutade", 1, i+2)
		if r[2] != w[0] || r[1] != w[1] || dateOf(serial) != w[2] {
			t.Errorf("row %d: %q, want %q", i+2, r, w)
		}
	}
	if last := got[len(got)-1][0]; last != "1 nya, 1 avslutade" {
		t.Errorf("the count says %q", last)
	}
	metrics, _ := s.Metrics(ctx, day("2025-09-30"))
	joined, _ := metrics.Get("members_joined")
	lost, _ := metrics.Get("members_lost")
	if *joined.Value != 1 || *lost.Value != 1 {
		t.Errorf("the key figures count %v joined and %v lost, the sheet 1 and 1", *joined.Value, *lost.Value)
	}
	// Filipstad has given notice: its last day is on the members sheet.
	r := rowOf(t, f, "Medlemmar", "Filipstad")
	_, col := headerRow(t, f, "Medlemmar", "Namn")
	if serial, _ := number(t, f, "Medlemmar", col["Utträde"], r); dateOf(serial) != "2025-12-31" {
		t.Errorf("Filipstad's last day on the members sheet: %v", serial)
	}
	for _, personal := range []string{"Andersson", "Berg", "Eva Ek", ".example"} {
		if cell := findCell(t, f, personal); cell != "" {
			t.Errorf("personal data %q at %s", personal, cell)
		}
	}
}

// With hundreds of services the matrix stays a page wide and the charts
// show the largest and the rest as one bar.
func TestReportOfManyServicesSummarises(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	if err := s.Load(ctx, demo.Generate(demo.Options{Members: 300, Services: 120, Years: 3, Seed: 3})); err != nil {
		t.Fatal(err)
	}
	f, data := workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, s, ReportOptions{Year: 2026, AsOf: analytics.DateOf(analyticstest.Today)}, w)
	})
	header := rows(t, f, "Matris")[0]
	if len(header) != 1+matrixColumns+1 {
		t.Errorf("the matrix has %d columns, want the member, %d services and the others", len(header), matrixColumns)
	}
	if w := usedWidth(t, f, "Matris"); w > pageWidth {
		t.Errorf("the matrix is %v wide", w)
	}
	chart := parts(t, data)["xl/charts/chart2.xml"]
	if !contains(chart, "Diagramdata") {
		t.Error("the coverage chart does not draw the summarised bars")
	}
	if cell := findCell(t, f, "övriga ("); cell == "" {
		t.Error("no bar for the other services")
	}
	if visible, _ := f.GetSheetVisible("Diagramdata"); visible {
		t.Error("the chart data sheet is visible")
	}
}
