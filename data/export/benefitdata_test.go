package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// benefitStore is the demo store with a benefit register imported: three
// benefits (one of the whole association, one without valuation) and
// measurements per member and for the whole, with values the round trip
// must keep exactly (0.1 + 0.2, a negative baseline, text that looks like a
// formula, a line break).
func benefitStore(t *testing.T) *analytics.Store {
	t.Helper()
	s := demoStore(t)
	members, err := s.AllMembers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var active []string
	for _, m := range members {
		if m.JoinedOn.Before(day("2022-01-01")) && m.LeftOn.IsZero() && !slices.Contains(active, m.Name) {
			active = append(active, m.Name)
		}
	}
	if len(active) < 2 {
		t.Fatalf("the demo has %d members active since 2022", len(active))
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Nyttor")
	f.NewSheet("Nyttomätningar")
	put := func(sheet string, rows ...[]any) {
		for i, row := range rows {
			if err := f.SetSheetRow(sheet, cellName(1, i+1), &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	put("Nyttor",
		[]any{"Nytta", "Tjänst", "Kategori", "Säkerhet", "Ägare", "Enhet", "Riktning", "Sammanvägning",
			"Utgångsvärde", "Utgångsdatum", "Målvärde", "Måldatum", "Värdering"},
		[]any{"Frigjord tid", "Egil", "tid", "gul", "Skolchef", "timmar", "högre", "summa", 0, "2022-01-01", 1500, "2025-12-31", 450},
		[]any{"Utlån per barn", "Bibblix", "kvalitet", "röd", "", "lån per barn", "högre", "medel", "-0,5", "2021-01-01", 6, "2025-12-31"},
		[]any{"Resor", "", "miljö", "grön", "Kansliet", "resor", "lägre", "summa", "0,30000000000000004", "2022-01-01", 50, "2026-06-30", 1200.5},
	)
	put("Nyttomätningar",
		[]any{"Nytta", "Datum", "Medlem", "Värde", "Källa", "Kommentar"},
		[]any{"Frigjord tid", "2023-06-30", active[0], 120, "=enkät", "rad ett\nrad två"},
		[]any{"Frigjord tid", "2023-06-30", active[1], 80.25},
		[]any{"Frigjord tid", "2024-06-30", active[0], 300, "", "+10 %"},
		[]any{"Utlån per barn", "2023-12-31", "", "5,1", "Bibliotekens statistik"},
		[]any{"Resor", "2024-12-31", "", "1 234 567,891234567"},
	)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	plan := importFile(t, s, "nyttor.xlsx", buf.Bytes())
	if plan.Counts["benefits"].New != 3 || plan.Counts["benefit_measurements"].New != 5 {
		t.Fatalf("benefits %+v, measurements %+v", plan.Counts["benefits"], plan.Counts["benefit_measurements"])
	}
	// A number with more digits than a workbook holds, as the demo or an
	// edit may store it.
	if _, err := analyticstest.Handle(s).Exec(`UPDATE benefit_measurements SET value = 0.1::DOUBLE + 0.2::DOUBLE
		WHERE value = 80.25`); err != nil {
		t.Fatal(err)
	}
	return s
}

// benefitRegister writes a store's benefits and measurements by their
// names, without ids, so that two stores can be compared.
func benefitRegister(t *testing.T, s *analytics.Store) string {
	t.Helper()
	ctx := context.Background()
	bs, err := s.AllBenefits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := s.AllBenefitMeasurements(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, x := range bs {
		valuation := deref(x.Valuation)
		x.ID, x.ServiceID, x.Valuation = 0, 0, nil
		x.Baseline, x.Target = shown(x.Baseline), shown(x.Target)
		fmt.Fprintf(&b, "%+v valuation %v\n", x, valuation)
	}
	for _, m := range ms {
		m.ID, m.BenefitID, m.MemberID = 0, 0, 0
		m.Value = shown(m.Value)
		fmt.Fprintf(&b, "%+v\n", m)
	}
	return b.String()
}

// shown is v to the 15 significant digits a workbook holds.
func shown(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return f
}

func TestBenefitsRoundTripThroughTheDataExport(t *testing.T) {
	ctx := context.Background()
	s := benefitStore(t)
	benefits, _ := s.AllBenefits(ctx)
	measured, _ := s.AllBenefitMeasurements(ctx)
	f, data := workbook(t, func(w io.Writer) error { return Data(ctx, s, w, true) })
	got := rows(t, f, "Nyttor")
	if len(got) != len(benefits)+1 || !slices.ContainsFunc(got, func(row []string) bool {
		return row[0] == "Resor" && row[1] == "" && row[12] == "1200.5"
	}) {
		t.Errorf("Nyttor %q", got)
	}
	got = rows(t, f, "Nyttomätningar")
	if len(got) != len(measured)+1 || !slices.ContainsFunc(got, func(row []string) bool {
		return len(row) > 4 && row[4] == "=enkät"
	}) {
		t.Errorf("Nyttomätningar %q", got)
	}
	if cell := findCell(t, f, "=enkät"); cell == "" {
		t.Error("the source =enkät is not in the export")
	} else if sheet, ref, _ := strings.Cut(cell, "!"); true {
		if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
			t.Errorf("a source written as a formula: %q", formula)
		}
	}

	// Into its own database: nothing changes.
	if plan := importFile(t, s, "data.xlsx", data); plan.Changes() != 0 ||
		plan.Counts["benefits"].Unchanged != len(benefits) || plan.Counts["benefit_measurements"].Unchanged != len(measured) {
		t.Errorf("the export into its own database: %d changes, %+v %+v", plan.Changes(),
			plan.Counts["benefits"], plan.Counts["benefit_measurements"])
	}
	// Into a fresh database, which gets the members and services from the
	// same file: the same register.
	fresh := analyticstest.New(t)
	importFile(t, fresh, "data.xlsx", data)
	if a, b := benefitRegister(t, s), benefitRegister(t, fresh); a != b {
		t.Errorf("the register before\n%s\nand after the round trip\n%s", a, b)
	}
	// And its export is the same workbook, sheet by sheet, number by number.
	second, _ := workbook(t, func(w io.Writer) error { return Data(ctx, fresh, w, true) })
	numbers := func(rows [][]string) string {
		for _, row := range rows {
			for i, v := range row {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					row[i] = strconv.FormatFloat(f, 'g', -1, 64)
				}
			}
		}
		return fmt.Sprint(rows)
	}
	for _, sheet := range []string{"Nyttor", "Nyttomätningar"} {
		a, b := rows(t, f, sheet), rows(t, second, sheet)
		if numbers(a) != numbers(b) {
			t.Errorf("%s: %q, then %q", sheet, a, b)
		}
	}
}

func TestTemplateOffersTheBenefitWordsAndServices(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t)
	f, _ := workbook(t, func(w io.Writer) error { return Template(ctx, s, w) })
	services, _ := s.AllServices(ctx)
	lists := templateLists(services)
	if got := rows(t, f, "Nyttor"); len(got) != 2 || got[0][0] != "Nytta" || got[0][12] != "Värdering" ||
		got[1][0] != "Exempel: Frigjord tid för kontoadministration" {
		t.Errorf("Nyttor %q", got)
	}
	if got := rows(t, f, "Nyttomätningar"); len(got) != 2 || got[0][3] != "Värde" {
		t.Errorf("Nyttomätningar %q", got)
	}
	dvs, err := f.GetDataValidations("Nyttor")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"B2:B5001": nil, // the services of the database
		"C2:C5001": {"ekonomisk", "tid", "kvalitet", "miljö"},
		"D2:D5001": {"grön", "gul", "röd"},
		"G2:G5001": {"högre", "lägre"},
		"H2:H5001": {"summa", "medel"},
	}
	if len(dvs) != len(want) {
		t.Errorf("%d drop-downs on Nyttor, want %d", len(dvs), len(want))
	}
	listRows := rows(t, f, listSheet)
	for _, dv := range dvs {
		values, ok := want[dv.Sqref]
		if !ok {
			t.Errorf("a drop-down on %s", dv.Sqref)
			continue
		}
		var l *dropList
		for _, candidate := range lists {
			if dv.Formula1 == absRange(listSheet, candidate.column, 2, len(candidate.values)+1) {
				l = candidate
			}
		}
		if l == nil {
			t.Errorf("%s offers %s, no list", dv.Sqref, dv.Formula1)
			continue
		}
		if values == nil {
			values = nil
			for _, sv := range services {
				values = append(values, sv.Name)
			}
		}
		var written []string
		for _, row := range listRows[1:] {
			if l.column-1 < len(row) && row[l.column-1] != "" {
				written = append(written, row[l.column-1])
			}
		}
		if !slices.Equal(written, values) {
			t.Errorf("%s offers %q, want %q", dv.Sqref, written, values)
		}
	}
}
