package importer_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// budgetTables are the tables the budget sheets fill.
var budgetTables = []string{"budget_lines", "budget_followups", "price_base_amounts"}

// dumpBudget writes every row of the budget tables, ids included.
func dumpBudget(t testing.TB, s *analytics.Store) string {
	t.Helper()
	var b strings.Builder
	for _, table := range budgetTables {
		rows, err := analyticstest.Handle(s).Query("SELECT * FROM " + table + " ORDER BY ALL")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		fmt.Fprintf(&b, "== %s\n", table)
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

// itsamBudget is the Itsam direktion's hardware frame of 2025 in tkr below a
// title row, with a standalone conference, and its follow-ups.
func itsamBudget(t *testing.T) importer.File {
	return workbook(t,
		sheet{"Budget", [][]any{
			{"Budget 2025"},
			{},
			{"År", "Ram", "Kategori", "Typ", "Belopp (tkr)"},
			{2025, "Användarhårdvara", nil, "Investering", "17 481"},
			{2025, "Användarhårdvara", "Klienter", nil, 12000},
			{2025, "Användarhårdvara", "Switchar", "investering", "3 481"},
			{2025, "Användarhårdvara", "A/V-utrustning", "INVESTERING", "2 000,5"},
			{2025, nil, "Konferens: Sambruk 20 år", "drift", "200"},
		}},
		sheet{"Uppföljning", [][]any{
			{"Datum", "Kategori", "Utfall tkr", "Prognos tkr", "Kommentar"},
			{date("2025-03-31"), "Klienter", "3 000", "12 500", "Fler klienter än planerat"},
			{"2025-03-31", "switchar", 900, nil, nil},
			{"2025-06-30", "Användarhårdvara", "150", "150", "Ej fördelat per typ"},
			{"2025-06-30", "Konferens: Sambruk 20 år", "0", "210", nil},
		}},
		sheet{"Prisbasbelopp", [][]any{
			{"År", "Prisbasbelopp"},
			{2025, "58 800"},
			{2027, "60 100 kr"},
		}},
	)
}

func TestBudgetImportReadsTkrHeadersAndTheOfficesAmounts(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	res := commit(t, s, itsamBudget(t))
	c := res.Batch.Counts
	if c["budget_lines"].New != 5 || c["budget_followups"].New != 4 || c["price_base_amounts"].New != 1 {
		t.Errorf("counts %+v", c)
	}
	if kinds := res.Plan.Sheets[0].Kind; kinds != importer.KindBudget {
		t.Errorf("first sheet %q", kinds)
	}
	lines, err := s.AllBudgetLines(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range lines {
		got = append(got, fmt.Sprintf("%d|%s|%s|%s|%.2f", l.Year, l.Group, l.Category, l.Kind, l.Amount))
	}
	want := []string{
		"2025||Konferens: Sambruk 20 år|drift|200000.00",
		"2025|Användarhårdvara||investering|17481000.00",
		"2025|Användarhårdvara|A/V-utrustning|investering|2000500.00",
		"2025|Användarhårdvara|Klienter|investering|12000000.00", // the frame's kind
		"2025|Användarhårdvara|Switchar|investering|3481000.00",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	fs, err := s.AllBudgetFollowups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, f := range fs {
		forecast := "-"
		if f.Forecast != nil {
			forecast = fmt.Sprintf("%.0f", *f.Forecast)
		}
		got = append(got, fmt.Sprintf("%s|%s|%s|%.0f|%s|%s", f.On.Format("2006-01-02"), f.Group, f.Category, f.Outcome, forecast, f.Comment))
	}
	want = []string{
		// The category's frame is written with it, as the budget spells both.
		"2025-03-31|Användarhårdvara|Klienter|3000000|12500000|Fler klienter än planerat",
		"2025-03-31|Användarhårdvara|Switchar|900000|-|",
		"2025-06-30||Konferens: Sambruk 20 år|0|210000|",
		"2025-06-30|Användarhårdvara||150000|150000|Ej fördelat per typ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("follow-ups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	pbb, err := s.PriceBaseAmounts(ctx, true)
	if err != nil || len(pbb) != 1 || pbb[0].Year != 2027 || pbb[0].Amount != 60100 {
		t.Errorf("imported pbb %+v %v: 2025's equals the shipped amount and is not stored", pbb, err)
	}
}

func TestBudgetImportTwiceChangesNothingAndUndoTakesItBack(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	empty := dumpBudget(t, s)
	commit(t, s, itsamBudget(t))
	after := dumpBudget(t, s)
	again := commit(t, s, itsamBudget(t))
	if again.Batch != nil || again.Plan.Changes() != 0 || dumpBudget(t, s) != after {
		t.Errorf("the second import changed %d rows", again.Plan.Changes())
	}
	if n := again.Plan.Counts["budget_lines"].Unchanged + again.Plan.Counts["budget_followups"].Unchanged; n != 9 {
		t.Errorf("unchanged %d, want 9", n)
	}

	// A change: the forecast of Klienter and the 2027 pbb; the preview
	// shows old → new.
	changed := workbook(t,
		sheet{"Uppföljning", [][]any{
			{"Date", "Group", "Category", "Outcome (tkr)", "Forecast (tkr)"},
			{"2025-03-31", "Användarhårdvara", "Klienter", "3 000", "13 000"},
		}},
		sheet{"PBB", [][]any{{"Year", "Price base amount"}, {2027, 61000}, {2024, "57 300"}}},
	)
	plan, err := importer.Preview(ctx, s, changed, en)
	if err != nil || plan.HasErrors() {
		t.Fatalf("%v\n%s", err, problems(plan))
	}
	rows := plan.Sheets[0].Rows
	if len(rows) != 1 || rows[0].Change != "changed" || len(rows[0].Fields) != 1 ||
		rows[0].Fields[0].Old != "12500000" || rows[0].Fields[0].New != "13000000" {
		t.Errorf("preview rows %+v", rows)
	}
	if c := plan.Counts["price_base_amounts"]; c.Changed != 1 || c.Unchanged != 1 {
		t.Errorf("pbb counts %+v", c)
	}
	beforeChange := dumpBudget(t, s)
	commit(t, s, changed)
	if _, err := importer.Undo(ctx, s, 0, "tester", "en"); err != nil {
		t.Fatal(err)
	}
	if got := dumpBudget(t, s); got != beforeChange {
		t.Errorf("undo of the change:\n%s\nwant:\n%s", got, beforeChange)
	}
	if _, err := importer.Undo(ctx, s, 0, "tester", "en"); err != nil {
		t.Fatal(err)
	}
	if got := dumpBudget(t, s); got != empty {
		t.Errorf("undo of the budget:\n%s", got)
	}
}

func TestBudgetAmountsInEveryWrittenForm(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	forms := []struct {
		header string
		cell   any
		want   float64
	}{
		{"Belopp", "17 481 000", 17481000},
		{"Belopp", "17\u00a0481\u00a0000", 17481000},
		{"Belopp", "17\u202f481\u202f000 kr", 17481000},
		{"Belopp", "17481000", 17481000},
		{"Belopp", 17481000, 17481000},
		{"Belopp", "1 234,50", 1234.5},
		{"Belopp", "1234.5", 1234.5},
		{"Budget (tkr)", "17 481", 17481000},
		{"Budget tkr", 17481, 17481000},
		{"Belopp i tkr", "17 481 tkr", 17481000},
		{"BUDGET, TKR", "2 000,5", 2000500},
		{" belopp (kr) ", "200 000 kr", 200000},
		{"Budget kr", "200 000", 200000},
		{"Belopp-tkr", "200", 200000},
		{"Amount (SEK)", "200 000 SEK", 200000},
		{"Amount (kSEK)", "200", 200000},
	}
	for i, f := range forms {
		file := workbook(t, sheet{"Budget", [][]any{{"År", "Kategori", "Typ", f.header}, {2025, fmt.Sprintf("K%d", i), "drift", f.cell}}})
		plan, err := importer.Preview(ctx, s, file, en)
		if err != nil || plan.HasErrors() {
			t.Errorf("%q %v: %v\n%s", f.header, f.cell, err, problems(plan))
			continue
		}
		commit(t, s, file)
	}
	lines, err := s.AllBudgetLines(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		var i int
		fmt.Sscanf(l.Category, "K%d", &i)
		if l.Amount != forms[i].want {
			t.Errorf("%q %v: %v kr, want %v", forms[i].header, forms[i].cell, l.Amount, forms[i].want)
		}
	}
}

// problemAt finds the problem with code at row; "" when there is none.
func problemAt(p *importer.Plan, row int, code string) string {
	for _, pr := range p.Problems() {
		if pr.Row == row && pr.Code == code {
			return pr.Place("en") + ": " + pr.Message
		}
	}
	return ""
}

func TestBudgetImportRefusesBadRowsAtTheirPlace(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	commit(t, s, itsamBudget(t))
	before := dumpBudget(t, s)
	file := workbook(t,
		sheet{"Budget", [][]any{
			{"År", "Grupp", "Kategori", "Typ", "Belopp"},
			{2026, nil, "Kontor", "drift", "-5 000"},           // 2: negative
			{2026, nil, "Nätverk", "drift", "1,5 mkr"},         // 3: a unit
			{2026, nil, "Resor", "kapital", "10 000"},          // 4: kind
			{2026, nil, "Kontor2", "drift", "17.481"},          // 5: points
			{2026, "Tjänster", "Egil", "drift", "10 000"},      // 6
			{2026, "tjänster", "EGIL", "drift", "12 000"},      // 7: duplicate of 6
			{2026, nil, nil, "drift", "1"},                     // 8: no name
			{2026, "Ny ram", "Något", nil, "1"},                // 9: kind without a frame
			{2026, nil, "Konferens", "running", "1 74 81"},     // 10: bad grouping
			{"tjugo", nil, "Annat", "operating", "5"},          // 11: year
			{2026, nil, "Stort", "drift", "5 000 000 000 000"}, // 12: too large
			{2026, nil, "Euro", "investment", "5 000 €"},       // 13: unit
		}},
		sheet{"Uppföljning 2025", [][]any{
			{"Datum", "Grupp", "Kategori", "Utfall", "Prognos"},
			{"2025-03-31", nil, "Servrar", "100", nil},                               // 2: unknown category
			{"2025-03-31", "Användarhårdvara", "Konferens: Sambruk 20 år", "1", nil}, // 3: not in the group
			{"2024-12-31", nil, "Klienter", "100", nil},                              // 4: outside the sheet's year
			{"2025", nil, "Klienter", "100", nil},                                    // 5: a year, not a day
			{"2025-09-30", nil, "Klienter", nil, "1"},                                // 6: no outcome
			{"2025-09-30", nil, "Okänd ram", "1", nil},                               // 7: unknown group
		}},
		sheet{"Uppföljning", [][]any{
			{"År", "Datum", "Kategori", "Utfall"},
			{2025, "2026-01-15", "Klienter", "100"}, // 2: outside the row's year
			{2024, "2024-06-30", "Klienter", "100"}, // 3: outside … and no budget of 2024
			{nil, "2023-06-30", "Klienter", "100"},  // 4: no budget of 2023
		}},
		sheet{"PBB", [][]any{{"År", "Prisbasbelopp"}, {2028, "0"}, {2029, 61000}, {2029, 61500}}},
	)
	plan, err := importer.Preview(ctx, s, file, en)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		sheet string
		row   int
		code  string
		text  string
	}{
		{"Budget", 2, "budgetline.negative", "negative"},
		{"Budget", 3, "amount.unit", "in kronor"},
		{"Budget", 4, "budgetline.kind", "investment or running"},
		{"Budget", 5, "amount.dot_grouping", "17 481"},
		{"Budget", 7, "budgetrow.duplicate", "row 6"},
		{"Budget", 8, "budgetline.no_name", "neither"},
		{"Budget", 9, "budgetline.kind_missing", "Ny ram"},
		{"Budget", 10, "amount.unreadable", "not an amount"},
		{"Budget", 11, "value.integer", "tjugo"},
		{"Budget", 12, "amount.too_large", "larger"},
		{"Budget", 13, "amount.unit", "tkr"},
		{"Uppföljning 2025", 2, "followup.unknown", "Klienter"},
		{"Uppföljning 2025", 3, "followup.unknown_in_group", "Användarhårdvara"},
		{"Uppföljning 2025", 4, "followup.outside_sheet_year", "2025"},
		{"Uppföljning 2025", 5, "followup.date_year", "a day"},
		{"Uppföljning 2025", 6, "value.required_field", "outcome"},
		{"Uppföljning 2025", 7, "followup.unknown", "Okänd ram"},
		{"Uppföljning", 2, "followup.outside_year", "2025"},
		{"Uppföljning", 3, "followup.no_budget", "2024"},
		{"Uppföljning", 4, "followup.no_budget", "2023"},
		{"PBB", 2, "pbb.positive", "above zero"},
		{"PBB", 4, "budgetrow.duplicate", "row 3"},
	} {
		found := ""
		for _, pr := range plan.Problems() {
			if pr.Sheet == want.sheet && pr.Row == want.row && pr.Code == want.code {
				found = pr.Message
			}
		}
		if found == "" || !strings.Contains(found, want.text) {
			t.Errorf("%s row %d: no %s saying %q in\n%s", want.sheet, want.row, want.code, want.text, problems(plan))
		}
	}
	if _, err := importer.Commit(ctx, s, file, en); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("commit with errors: %v", err)
	}
	if dumpBudget(t, s) != before {
		t.Error("a refused file changed the budget")
	}
	// The problems speak Swedish by default.
	sv, err := importer.Preview(ctx, s, file, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if msg := sv.Problems()[0].Message; !strings.Contains(msg, "negativ") {
		t.Errorf("Swedish: %s", msg)
	}
}

func TestBudgetSheetsInEnglishAndCSV(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	budget := importer.File{Name: "budget.csv", Data: []byte("Year;Frame;Category;Kind;Amount (tkr)\r\n" +
		"2025;User hardware;;investment;17 481\r\n" +
		"2025;User hardware;Clients;;12 000\r\n" +
		"2025;;Office;operating;\"1 500,5\"\r\n")}
	res := commit(t, s, budget)
	if res.Plan.Sheets[0].Kind != importer.KindBudget || res.Batch.Counts["budget_lines"].New != 3 {
		t.Fatalf("plan %+v", res.Plan.Sheets[0])
	}
	followups := importer.File{Name: "uppfoljning.csv", Data: []byte("Date,Category,Outcome,Forecast,Comment\n" +
		"2025-04-30,Clients,\"4 000 000\",\"12 000 000\",On plan\n" +
		"2025-04-30,User hardware,\"10 000\",,\n")}
	res = commit(t, s, followups)
	if res.Plan.Sheets[0].Kind != importer.KindBudgetFollowups || res.Batch.Counts["budget_followups"].New != 2 {
		t.Fatalf("plan %+v\n%s", res.Plan.Sheets[0], problems(res.Plan))
	}
	lines, err := s.AllBudgetLines(ctx)
	if err != nil || len(lines) != 3 || lines[0].Amount != 1500500 || lines[2].Kind != analytics.BudgetInvestment {
		t.Errorf("lines %+v %v", lines, err)
	}
	pbb := importer.File{Name: "pbb.csv", Data: []byte("År;Prisbasbelopp (kr)\n2030;70 000\n")}
	if res := commit(t, s, pbb); res.Plan.Sheets[0].Kind != importer.KindPriceBase || res.Batch.Counts["price_base_amounts"].New != 1 {
		t.Errorf("pbb plan %+v", res.Plan.Sheets[0])
	}
}

func TestBudgetHeaderWithAnUnreadUnitIsRefused(t *testing.T) {
	s := analyticstest.New(t)
	file := workbook(t, sheet{"Budget", [][]any{{"År", "Kategori", "Typ", "Belopp (mkr)"}, {2025, "Kontor", "drift", "1,5"}}})
	plan, err := importer.Preview(context.Background(), s, file, en)
	if err != nil {
		t.Fatal(err)
	}
	if got := problemAt(plan, 1, "amount.header_unit"); !strings.Contains(got, "Belopp (mkr)") {
		t.Errorf("header problem %q\n%s", got, problems(plan))
	}
	if plan.Errors != 1 {
		t.Errorf("%d errors, want the header's alone:\n%s", plan.Errors, problems(plan))
	}
}

func TestBudgetSheetsRefuseWhatAWorkbookCannotHold(t *testing.T) {
	s := analyticstest.New(t)
	long := strings.Repeat("Klienter ", 4445) // 40 005 characters
	file := importer.File{Name: "budget.csv", Data: []byte("År;Kategori;Typ;Belopp\r\n" +
		"2025;" + long + ";drift;1000\r\n" +
		"2025;Kon\x00tor;drift;1000\r\n" +
		"2025;Resor;drift;\x00\r\n" +
		"2025;Tal;drift;#VALUE!\r\n")}
	plan, err := importer.Preview(context.Background(), s, file, en)
	if err != nil {
		t.Fatal(err)
	}
	for row, code := range map[int]string{2: "value.too_long", 3: "value.control", 4: "value.control", 5: "amount.unreadable"} {
		if problemAt(plan, row, code) == "" {
			t.Errorf("row %d: no %s in\n%s", row, code, problems(plan))
		}
	}
	if plan.Changes() != 0 || !plan.HasErrors() {
		t.Errorf("%d changes", plan.Changes())
	}
}
