package importer_test

import (
	"context"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// withRegistry is a store with the sample members and services, which the
// benefit sheets name.
func withRegistry(t *testing.T) *analytics.Store {
	t.Helper()
	s := analyticstest.New(t)
	commit(t, s, sample(t, "medlemmar.xlsx"))
	commit(t, s, sample(t, "tjanster.xlsx"))
	return s
}

var benefitHeader = []any{"Nytta", "Tjänst", "Kategori", "Säkerhet", "Ägare", "Enhet", "Riktning", "Sammanvägning",
	"Utgångsvärde", "Utgångsdatum", "Målvärde", "Måldatum", "Värdering"}

var measurementHeader = []any{"Nytta", "Datum", "Medlem", "Värde", "Källa", "Kommentar"}

// register is a workbook with three benefits and their measurements, as the
// office writes them: a title row, words in any case, units beside values.
func register(t *testing.T) importer.File {
	return workbook(t,
		sheet{"Nyttor", [][]any{{"Nyttoregister 2024"}, benefitHeader,
			{"Frigjord tid för kontoadministration", "Egil", "tid", "Gul", "Skolchef", "timmar", "högre", "summa",
				0, date("2022-01-01"), "1 500 timmar", date("2025-12-31"), "450 kr per timme"},
			{"Utlån per barn", "Bibblix", "Kvalitet", "röd", "Bibliotekschef", "lån per barn", "Högre", "medel",
				"4,5", "2021", 6, "2025"},
			{"Handläggningskostnad per felanmälan", "FixaMinGata", "ekonomisk", "grön", "Kansliet", "kr", "lägre",
				"medel", "350 kr", "2022-06-01", 200, "2025-06-30", 1},
		}},
		sheet{"Nyttomätningar", [][]any{measurementHeader,
			{"Frigjord tid för kontoadministration", date("2023-06-30"), "Ale", 120, "Enkät", ""},
			{"Frigjord tid för kontoadministration", date("2023-06-30"), "1984", "80 h", "Enkät", "Arboga"},
			{"Frigjord tid för kontoadministration", date("2024-06-30"), "Ale kommun", 300},
			{"Utlån per barn", date("2023-12-31"), "", "5,1", "Bibliotekens statistik"},
			{"Handläggningskostnad per felanmälan", date("2024-03-31"), "", "290 kr", "", "efter omläggningen"},
		}},
	)
}

func TestBenefitSheetsImportAndTheSameFileTwiceChangesNothing(t *testing.T) {
	s := withRegistry(t)
	res := commit(t, s, register(t))
	if p := res.Plan; p.Errors+p.Warnings > 0 {
		t.Fatalf("problems:\n%s", problems(p))
	}
	if c := res.Plan.Counts; c["benefits"].New != 3 || c["benefit_measurements"].New != 5 {
		t.Errorf("counts: benefits %+v, measurements %+v", c["benefits"], c["benefit_measurements"])
	}
	kinds := []importer.Kind{res.Plan.Sheets[0].Kind, res.Plan.Sheets[1].Kind}
	if kinds[0] != importer.KindBenefits || kinds[1] != importer.KindBenefitMeasurements || res.Plan.Sheets[0].HeaderRow != 2 {
		t.Errorf("kinds %v, header row %d", kinds, res.Plan.Sheets[0].HeaderRow)
	}
	var got string
	if err := analyticstest.Handle(s).QueryRow(`SELECT string_agg(concat_ws('|', b.name, coalesce(sv.name, '-'),
		category, certainty, owner, unit, direction, aggregation, baseline, baseline_on, target, due_on,
		coalesce(valuation::VARCHAR, '-')), E'\n' ORDER BY b.name)
		FROM benefits b LEFT JOIN services sv ON sv.id = b.service_id`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"Frigjord tid för kontoadministration|Egil|tid|gul|Skolchef|timmar|högre|summa|0.0|2022-01-01|1500.0|2025-12-31|450.0",
		"Handläggningskostnad per felanmälan|FixaMinGata|ekonomisk|grön|Kansliet|kr|lägre|medel|350.0|2022-06-01|200.0|2025-06-30|1.0",
		"Utlån per barn|Bibblix|kvalitet|röd|Bibliotekschef|lån per barn|högre|medel|4.5|2021-01-01|6.0|2025-12-31|-",
	}, "\n")
	if got != want {
		t.Errorf("benefits\n got %s\nwant %s", got, want)
	}
	if err := analyticstest.Handle(s).QueryRow(`SELECT string_agg(concat_ws('|', b.name, measured_on,
		coalesce(m.name || ' ' || m.code, '-'), value, coalesce(source, '-'), coalesce(comment, '-')), E'\n'
		ORDER BY b.name, measured_on, m.name)
		FROM benefit_measurements x JOIN benefits b ON b.id = x.benefit_id LEFT JOIN members m ON m.id = x.member_id`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	want = strings.Join([]string{
		"Frigjord tid för kontoadministration|2023-06-30|Ale 1440|120.0|Enkät|-",
		"Frigjord tid för kontoadministration|2023-06-30|Arboga 1984|80.0|Enkät|Arboga",
		"Frigjord tid för kontoadministration|2024-06-30|Ale 1440|300.0|-|-",
		"Handläggningskostnad per felanmälan|2024-03-31|-|290.0|-|efter omläggningen",
		"Utlån per barn|2023-12-31|-|5.1|Bibliotekens statistik|-",
	}, "\n")
	if got != want {
		t.Errorf("measurements\n got %s\nwant %s", got, want)
	}

	before := dump(t, s) + benefitDump(t, s)
	again := commit(t, s, register(t))
	if again.Batch != nil || again.Plan.Changes() != 0 || again.Plan.Counts["benefits"].Unchanged != 3 ||
		again.Plan.Counts["benefit_measurements"].Unchanged != 5 {
		t.Errorf("the same file again: %d changes, counts %+v %+v", again.Plan.Changes(),
			again.Plan.Counts["benefits"], again.Plan.Counts["benefit_measurements"])
	}
	if dump(t, s)+benefitDump(t, s) != before {
		t.Error("importing the same file again changed the database")
	}
}

// benefitDump writes the benefit tables' rows, ids included.
func benefitDump(t testing.TB, s *analytics.Store) string {
	t.Helper()
	var out string
	if err := analyticstest.Handle(s).QueryRow(`SELECT
		coalesce((SELECT string_agg(b::VARCHAR, E'\n' ORDER BY id) FROM benefits b), '') || E'\n' ||
		coalesce((SELECT string_agg(m::VARCHAR, E'\n' ORDER BY id) FROM benefit_measurements m), '')`).Scan(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAChangedBenefitIsAnUpdateOldToNew(t *testing.T) {
	s := withRegistry(t)
	commit(t, s, register(t))
	f := workbook(t,
		sheet{"Nyttor", [][]any{{"Nytta", "Målvärde", "Måldatum", "Ägare"},
			{"utlån per barn", "6,5", date("2026-12-31"), "Bibliotekschef"}}},
		sheet{"Mätningar", [][]any{{"Nytta", "Datum", "Värde", "Kommentar"},
			{"Utlån per barn", date("2023-12-31"), "5,3", "rättad"}}},
	)
	plan, err := importer.Preview(context.Background(), s, f, en)
	if err != nil || plan.HasErrors() {
		t.Fatalf("%v\n%s", err, problems(plan))
	}
	rows := plan.Sheets[0].Rows
	if len(rows) != 1 || rows[0].Change != "changed" || rows[0].Label != "Utlån per barn" || len(rows[0].Fields) != 2 ||
		rows[0].Fields[0].Old != "6" || rows[0].Fields[0].New != "6.5" ||
		rows[0].Fields[1].Old != "2025-12-31" || rows[0].Fields[1].New != "2026-12-31" {
		t.Errorf("benefit rows %+v", rows)
	}
	rows = plan.Sheets[1].Rows
	if len(rows) != 1 || rows[0].Change != "changed" || len(rows[0].Fields) != 2 ||
		rows[0].Fields[0].Old != "5.1" || rows[0].Fields[0].New != "5.3" || rows[0].Fields[1].New != "rättad" {
		t.Errorf("measurement rows %+v", rows)
	}
	if c := plan.Counts; c["benefits"].Changed != 1 || c["benefit_measurements"].Changed != 1 || plan.Changes() != 2 {
		t.Errorf("counts %+v %+v", c["benefits"], c["benefit_measurements"])
	}
}

func TestEnglishHeadersAndWordsInACSVFile(t *testing.T) {
	s := withRegistry(t)
	csv := "Benefit;Service;Category;Certainty;Owner;Unit;Direction;Aggregation;Baseline;Baseline date;Target;Due;Kr per enhet\r\n" +
		"Paper saved;;Miljo;gron;The office;sheets;Lower;sum;10 000;2022-01-01;2 000;2025-12-31;\r\n" +
		"Hours freed;Egil;time;yellow;Head of schools;h;higher;average;0;2022-01-01;500;2024-12-31;450 kr/h\r\n" +
		"Cost per case;FixaMinGata;economic;green;The office;kr;lower is better;mean;350;2022-01-01;200;2024-12-31;1\r\n" +
		"Loans;Bibblix;quality;red;Libraries;loans;higher;sum;4;2021-01-01;6;2025-12-31;\r\n" +
		"Trips;Digidel;environment;Röd;Network lead;trips;lägre;Medelvärde;100;2021-01-01;50;2025-12-31;\r\n"
	res := commit(t, s, importer.File{Name: "nyttor.csv", Data: []byte(csv)})
	if p := res.Plan; p.Errors+p.Warnings > 0 || p.Sheets[0].Kind != importer.KindBenefits || p.Counts["benefits"].New != 5 {
		t.Fatalf("plan: %+v\n%s", p.Sheets[0], problems(p))
	}
	var got string
	if err := analyticstest.Handle(s).QueryRow(`SELECT string_agg(concat_ws('|', name, coalesce(service_id::VARCHAR, '-'),
		category, certainty, direction, aggregation), ';' ORDER BY name) FROM benefits`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	want := "Cost per case|1|ekonomisk|grön|lägre|medel;Hours freed|5|tid|gul|högre|medel;Loans|3|kvalitet|röd|högre|summa;" +
		"Paper saved|-|miljö|grön|lägre|summa;Trips|7|miljö|röd|lägre|medel"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	measurements := "Benefit,Date,Member,Value,Source,Comment\n" +
		"Hours freed,2023-06-30,Ale,12 hours,survey,\n" +
		"Cost per case,2023-06-30,,290 SEK,,\n"
	res = commit(t, s, importer.File{Name: "measurements.csv", Data: []byte(measurements)})
	if p := res.Plan; p.Errors+p.Warnings > 0 || p.Sheets[0].Kind != importer.KindBenefitMeasurements ||
		p.Counts["benefit_measurements"].New != 2 {
		t.Fatalf("plan: %+v\n%s", p.Sheets[0], problems(p))
	}
}

// benefitProblemAt is the problem of a plan at a sheet's row and column, or nil.
func benefitProblemAt(p *importer.Plan, sheet string, row int, column string) *importer.Problem {
	for _, pr := range p.Problems() {
		if pr.Sheet == sheet && pr.Row == row && pr.Column == column {
			return &pr
		}
	}
	return nil
}

func TestBadBenefitRowsAreErrorsAtTheirPlaceAndNothingIsWritten(t *testing.T) {
	s := withRegistry(t)
	commit(t, s, register(t))
	before := dump(t, s) + benefitDump(t, s)
	f := workbook(t,
		sheet{"Nyttor", [][]any{benefitHeader,
			{"Före utgångsläget", "Egil", "tid", "gul", "Skolchef", "timmar", "högre", "summa", 0, date("2024-01-01"), 10, date("2023-12-31")},
			{"Samma dag", "Egil", "tid", "gul", "Skolchef", "timmar", "högre", "summa", 0, date("2024-01-01"), 10, date("2024-01-01")},
			{"Röd med värdering", "Bibblix", "kvalitet", "röd", "Bibliotekschef", "lån", "högre", "medel", 4, 2021, 6, 2025, 100},
			{"Personlig ägare", "Egil", "tid", "gul", "anna.andersson@karlstad.se", "timmar", "högre", "summa", 0, 2022, 10, 2025},
			{"Okänd tjänst", "Bibblx", "tid", "gul", "Skolchef", "timmar", "högre", "summa", 0, 2022, 10, 2025},
			{"Okänt ord", "Egil", "tid", "grönaktig", "Skolchef", "timmar", "högre", "summa", 0, 2022, 10, 2025},
			{"Fel enhet i målet", "Egil", "tid", "gul", "Skolchef", "timmar", "högre", "summa", 0, 2022, "10 kr", 2025},
			{"Saknar enhet", "Egil", "tid", "gul", "Skolchef", nil, "högre", "summa", 0, 2022, 10, 2025},
		}},
		sheet{"Nyttomätningar", [][]any{measurementHeader,
			{"Okänd nytta", date("2024-06-30"), "Ale", 10},
			{"Handläggningskostnad per felanmälan", date("2024-06-30"), "", "12 timmar"},
			{"Handläggningskostnad per felanmälan", date("2024-09-30"), "", "280 kr"},
			{"Frigjord tid för kontoadministration", date("2024-06-30"), "Ankeborg", 10},
			{"Frigjord tid för kontoadministration", date("2024-06-30"), "Ale", "tio"},
			{"Frigjord tid för kontoadministration", date("2024-09-30"), "Ale", date("2024-01-01")},
		}},
	)
	for _, tc := range []struct {
		sheet  string
		row    int
		column string
		code   string
		says   string
	}{
		{"Nyttor", 2, "Måldatum", "benefit.due_order", "2023-12-31 is not after the baseline date 2024-01-01"},
		{"Nyttor", 3, "Måldatum", "benefit.due_order", "2024-01-01 is not after the baseline date 2024-01-01"},
		{"Nyttor", 4, "Värdering", "benefit.valuation_red", "cannot be valued in kronor"},
		{"Nyttor", 5, "Ägare", "benefit.owner_email", "looks like a person's e-mail address"},
		{"Nyttor", 6, "Tjänst", "benefit.service_not_found", "Did you mean Bibblix"},
		{"Nyttor", 7, "Säkerhet", "benefit.certainty_word", "green"},
		{"Nyttor", 8, "Målvärde", "benefit.unit_mismatch", "is in kr, but the benefit is measured in timmar"},
		{"Nyttor", 9, "Enhet", "value.required_field", "unit"},
		{"Nyttomätningar", 2, "Nytta", "benefit.not_found", "Did you mean"},
		{"Nyttomätningar", 3, "Värde", "benefit.unit_mismatch", "is in timmar, but the benefit is measured in kr"},
		{"Nyttomätningar", 5, "Medlem", "member.not_found", "is not among the members"},
		{"Nyttomätningar", 6, "Värde", "benefit.number", "is not a number"},
		{"Nyttomätningar", 7, "Värde", "benefit.number", "is not a number"},
	} {
		plan, err := importer.Preview(context.Background(), s, f, en)
		if err != nil {
			t.Fatal(err)
		}
		pr := benefitProblemAt(plan, tc.sheet, tc.row, tc.column)
		if pr == nil || pr.Code != tc.code || pr.Severity != importer.SeverityError || !strings.Contains(pr.Message, tc.says) {
			t.Errorf("%s row %d %s: got %+v, want %s saying %q\n%s", tc.sheet, tc.row, tc.column, pr, tc.code, tc.says, problems(plan))
		}
	}
	// A number with the benefit's own unit is no error.
	plan, _ := importer.Preview(context.Background(), s, f, en)
	if pr := benefitProblemAt(plan, "Nyttomätningar", 4, "Värde"); pr != nil {
		t.Errorf("280 kr for a benefit in kr: %+v", pr)
	}
	res, err := importer.Commit(context.Background(), s, f, en)
	if analytics.ErrorCode(err) != analytics.EInvalid || res.Batch != nil {
		t.Errorf("commit of a file with errors: %v", err)
	}
	if dump(t, s)+benefitDump(t, s) != before {
		t.Error("a file with errors changed the database")
	}
	// The sentence is in the user's language.
	sv, _ := importer.Preview(context.Background(), s, f, importer.Options{})
	if pr := benefitProblemAt(sv, "Nyttomätningar", 3, "Värde"); pr == nil || !strings.Contains(pr.Message, "men nyttan mäts i kr") {
		t.Errorf("Swedish: %+v", pr)
	}
}

func TestAMeasurementGoesWithTheMembershipActiveOnItsDate(t *testing.T) {
	s := withRegistry(t)
	commit(t, s, register(t))
	f := workbook(t, sheet{"Nyttomätningar", [][]any{measurementHeader,
		{"Frigjord tid för kontoadministration", date("2015-06-30"), "Håbo", 10},
		{"Frigjord tid för kontoadministration", date("2023-06-30"), "0305", 20},
		{"Frigjord tid för kontoadministration", date("2021-06-30"), "Håbo kommun", 30},
	}})
	res := commit(t, s, f)
	if pr := benefitProblemAt(res.Plan, "Nyttomätningar", 4, "Medlem"); pr == nil || pr.Code != "benefit.not_member_on" ||
		pr.Severity != importer.SeverityWarning {
		t.Errorf("between memberships: %+v\n%s", pr, problems(res.Plan))
	}
	var got string
	if err := analyticstest.Handle(s).QueryRow(`SELECT string_agg(concat_ws('|', value, m.joined_on), ';' ORDER BY value)
		FROM benefit_measurements x JOIN members m ON m.id = x.member_id WHERE m.code = '0305'`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if want := "10.0|2010-02-01;20.0|2022-04-01;30.0|2010-02-01"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestUndoTakesBackABenefitImport(t *testing.T) {
	ctx := context.Background()
	s := withRegistry(t)
	before := dump(t, s) + benefitDump(t, s)
	first := commit(t, s, register(t))
	afterFirst := dump(t, s) + benefitDump(t, s)
	f := workbook(t,
		sheet{"Nyttor", [][]any{{"Nytta", "Målvärde"}, {"Utlån per barn", 7}}},
		sheet{"Nyttomätningar", [][]any{measurementHeader, {"Utlån per barn", date("2024-12-31"), "", "5,6"}}},
	)
	second := commit(t, s, f)
	if second.Batch == nil || second.Batch.Counts["benefits"].Changed != 1 || second.Batch.Counts["benefit_measurements"].New != 1 {
		t.Fatalf("second batch %+v", second.Batch)
	}
	if _, err := importer.Undo(ctx, s, second.Batch.ID, "tester", "en"); err != nil {
		t.Fatal(err)
	}
	if dump(t, s)+benefitDump(t, s) != afterFirst {
		t.Error("undo did not restore the register before the change")
	}
	if _, err := importer.Undo(ctx, s, first.Batch.ID, "tester", "en"); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, s) + benefitDump(t, s); got != before {
		t.Errorf("undo did not restore the state before the benefits:\n%s", got)
	}
}

// The worst values of a CSV file: a line break inside a quoted cell, a
// text longer than a workbook's cell, a NUL, CR LF line ends. Each is named
// at its place, or read as a workbook would hold it; nothing is written.
func TestWorstValuesInABenefitCSVFile(t *testing.T) {
	s := withRegistry(t)
	commit(t, s, register(t))
	before := dump(t, s) + benefitDump(t, s)
	csv := "Nytta;Datum;Medlem;Värde;Källa;Kommentar\r\n" +
		"Utlån per barn;2024-06-30;;5,2;Statistik;\"rad ett\r\nrad två\"\r\n" +
		"Utlån per barn;2024-09-30;;5,3;" + strings.Repeat("x", 40_000) + ";\r\n" +
		"Utlån per barn;2024-12-31;;5,4;a\x00b;\r\n" +
		"Utlån per barn;2025-03-31;;;;\r\n"
	plan, err := importer.Preview(context.Background(), s, importer.File{Name: "m.csv", Data: []byte(csv)}, en)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		row    int
		column string
		code   string
	}{{4, "Källa", "value.too_long"}, {5, "Källa", "value.control"}, {6, "Värde", "value.required_field"}} {
		if pr := benefitProblemAt(plan, "m.csv", want.row, want.column); pr == nil || pr.Code != want.code {
			t.Errorf("row %d %s: %+v, want %s\n%s", want.row, want.column, pr, want.code, problems(plan))
		}
	}
	if plan.Errors != 3 {
		t.Errorf("%d errors\n%s", plan.Errors, problems(plan))
	}
	if _, err := importer.Commit(context.Background(), s, importer.File{Name: "m.csv", Data: []byte(csv)}, en); err == nil {
		t.Error("a file with errors was committed")
	}
	if dump(t, s)+benefitDump(t, s) != before {
		t.Error("a file with errors changed the database")
	}
}
