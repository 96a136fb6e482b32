package export

import (
	"bytes"
	"context"
	"io"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestFeeListIsTheStoresFeesSummed(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	const year = 2026
	f, _ := workbook(t, func(w io.Writer) error { return Fees(ctx, s, year, w, false) })
	fees, err := s.Fees(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	const sheet = "Avgiftslista 2026"
	list := rows(t, f, sheet)
	if len(list) != 1+len(fees)+2 {
		t.Fatalf("%d rows for %d fees", len(list), len(fees))
	}
	_, col := headerRow(t, f, sheet, "Medlem")
	var total, contribution float64
	groups := map[string]float64{}
	for i, fee := range fees {
		row := i + 2
		if got := raw(t, f, sheet, col["Medlem"], row); got != fee.Name {
			t.Errorf("row %d: %q, want %s", row, got, fee.Name)
		}
		for header, want := range map[string]float64{
			"Medlemsinsats": fee.Contribution, "Årsavgift 2026": fee.AnnualFee, "Att betala": fee.Total,
		} {
			if got, _ := number(t, f, sheet, col[header], row); !near(got, want) {
				t.Errorf("%s: %s %v, want %v", fee.Name, header, got, want)
			}
		}
		if got := raw(t, f, sheet, col["Avgiftsklass"], row); got == "" && fee.Category != "" {
			t.Errorf("%s: no band", fee.Name)
		}
		total += fee.Total
		contribution += fee.Contribution
		groups[fee.Group] += fee.Total
	}
	last := len(list)
	if got, _ := number(t, f, sheet, col["Att betala"], last); !near(got, roundToOre(total)) {
		t.Errorf("total %v, want %v", got, total)
	}
	if got, _ := number(t, f, sheet, col["Medlemsinsats"], last); !near(got, roundToOre(contribution)) {
		t.Errorf("contributions %v, want %v", got, contribution)
	}

	perGroup := rows(t, f, "Per grupp")
	if perGroup[1][0] != "Itsam" || perGroup[len(perGroup)-3][0] != noGroup {
		t.Errorf("groups %q: want Itsam first and members without a group last", perGroup)
	}
	for r, row := range perGroup[1 : len(perGroup)-2] {
		group := row[0]
		if group == noGroup {
			group = ""
		}
		if got, _ := number(t, f, "Per grupp", 5, r+2); !near(got, roundToOre(groups[group])) {
			t.Errorf("group %q: %v, want %v", row[0], got, groups[group])
		}
	}
	if got, _ := number(t, f, "Per grupp", 5, len(perGroup)); !near(got, roundToOre(total)) {
		t.Errorf("groups total %v, want %v", got, total)
	}
}

func TestFeeListOfAYearWithoutScheduleIsNotFound(t *testing.T) {
	s := demoStore(t)
	var buf bytes.Buffer
	if err := Fees(context.Background(), s, 2019, &buf, false); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("2019: %v, want ENotFound", err)
	}
	if buf.Len() != 0 {
		t.Error("a failed fee list wrote bytes")
	}
}

func TestBandLabels(t *testing.T) {
	to := 25000
	for want, f := range map[string]analytics.Fee{
		"15 000–25 000":         {Category: "kommun", PopulationFrom: 15000, PopulationTo: &to},
		"från 150 000":          {Category: "kommun", PopulationFrom: 150000},
		"övriga organisationer": {Category: "ovrig"},
		"":                      {},
	} {
		if got := bandLabel(f); got != want {
			t.Errorf("bandLabel(%+v) = %q, want %q", f, got, want)
		}
	}
}

// The remark column is there only when a fee has a remark, and the fee list
// prints a page wide with 10-point type.
func TestFeeListRemarksOnlyWhenThereAreAny(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, code, org_number, county_code, population, joined_on) VALUES
		('Arvika', 'kommun', '1784', '212000-1850', '17', 25000, DATE '2010-01-01')`,
		`INSERT INTO fee_bands VALUES (2026, 'kommun', 0, NULL, 5000, 20000), (2026, 'ovrig', 0, NULL, 5000, 10000)`)
	f, _ := workbook(t, func(w io.Writer) error { return Fees(ctx, s, 2026, w, false) })
	if cell := findCell(t, f, "Anmärkning"); cell != "" {
		t.Errorf("a remark column at %s without remarks", cell)
	}
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, code, org_number, county_code, population, joined_on) VALUES
		('Eda', 'kommun', '1730', '212000-1827', '17', 8500, DATE '2026-04-01')`)
	f, _ = workbook(t, func(w io.Writer) error { return Fees(ctx, s, 2026, w, false) })
	if cell := findCell(t, f, "Anmärkning"); cell == "" {
		t.Error("no remark column for a new member's fee")
	}
	if w := usedWidth(t, f, "Avgiftslista 2026"); w > pageWidth {
		t.Errorf("the fee list is %v wide", w)
	}
}
