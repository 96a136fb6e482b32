package analytics_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// budgetStore is a store with the budget lines and follow-ups given as SQL
// VALUES rows: lines (year, group, category, kind, amount), follow-ups
// (followed_on, group, category, outcome, forecast, comment).
func budgetStore(t *testing.T, lines, followups []string) *analytics.Store {
	t.Helper()
	s := analyticstest.New(t)
	if len(lines) > 0 {
		analyticstest.Exec(t, s, `INSERT INTO budget_lines (year, group_name, category, kind, amount) VALUES `+strings.Join(lines, ", "))
	}
	for _, f := range followups { // one by one: the id orders a day's follow-ups
		analyticstest.Exec(t, s, `INSERT INTO budget_followups (followed_on, group_name, category, outcome, forecast, comment) VALUES `+f)
	}
	return s
}

// budgetOn is the follow-up of year on asOf, or fails the test.
func budgetOn(t *testing.T, s *analytics.Store, year int, asOf string) analytics.BudgetReport {
	t.Helper()
	r, err := s.Budget(context.Background(), year, date(asOf))
	if err != nil {
		t.Fatalf("budget %d on %s: %v", year, asOf, err)
	}
	return r
}

// lineOf finds the line of group and category ("" for none) or fails.
func lineOf(t *testing.T, r analytics.BudgetReport, group, category string) analytics.BudgetLine {
	t.Helper()
	if group == "" && category == "" {
		return r.Total
	}
	for _, l := range r.Lines {
		if text(l.Group) == group && text(l.Category) == category {
			return l
		}
	}
	t.Fatalf("no line %q/%q in %+v", group, category, r.Lines)
	return analytics.BudgetLine{}
}

func text(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// wantLine checks a line's forecast, deviation, status and threshold (nil:
// null; status "" null).
func wantLine(t *testing.T, l analytics.BudgetLine, forecast, deviation *float64, status string, threshold *float64) {
	t.Helper()
	if !sameNumber(l.Forecast, forecast) || !sameNumber(l.Deviation, deviation) || text(l.Status) != status || !sameNumber(l.Threshold, threshold) {
		t.Errorf("%s/%s: forecast %s deviation %s status %q threshold %s; want %s %s %q %s", text(l.Group), text(l.Category),
			show(l.Forecast), show(l.Deviation), text(l.Status), show(l.Threshold), show(forecast), show(deviation), status, show(threshold))
	}
}

// The two triggers, each alone and both, and neither: 2025's pbb is 58 800,
// so four are 235 200 kr.
func TestBudgetStatusByEitherTrigger(t *testing.T) {
	s := budgetStore(t, []string{
		`(2025, NULL, 'Tio procent', 'drift', 1000000)`,  // 10 % = 100 000 < 235 200
		`(2025, NULL, 'Fyra pbb', 'drift', 10000000)`,    // 4 pbb = 235 200 < 1 000 000
		`(2025, NULL, 'Båda', 'drift', 2000000)`,         // 200 000 and 235 200
		`(2025, NULL, 'Ingen', 'investering', 3000000)`,  // 300 000 and 235 200
		`(2025, NULL, 'Under', 'investering', 500000)`,   // within
		`(2025, NULL, 'Exakt', 'investering', 500000)`,   // A = 0 is within
		`(2025, NULL, 'Gränsen', 'investering', 500000)`, // A exactly 10 %: report
	}, []string{
		`('2025-06-30', NULL, 'Tio procent', 500000, 1100000, NULL)`,
		`('2025-06-30', NULL, 'Fyra pbb', 5000000, 10235200, NULL)`,
		`('2025-06-30', NULL, 'Båda', 900000, 2300000, NULL)`,
		`('2025-06-30', NULL, 'Ingen', 900000, 3200000, NULL)`,
		`('2025-06-30', NULL, 'Under', 100000, 450000, NULL)`,
		`('2025-06-30', NULL, 'Exakt', 100000, 500000, NULL)`,
		`('2025-06-30', NULL, 'Gränsen', 100000, 550000, NULL)`,
	})
	r := budgetOn(t, s, 2025, "2025-07-01")
	if r.PBB == nil || *r.PBB != 58800 || r.Rule != (analytics.BudgetRule{Percent: 10, PBBMultiple: 4}) {
		t.Errorf("pbb %s, rule %+v", show(r.PBB), r.Rule)
	}
	wantLine(t, lineOf(t, r, "", "Tio procent"), num(1100000), num(100000), "report", num(100000))
	wantLine(t, lineOf(t, r, "", "Fyra pbb"), num(10235200), num(235200), "report", num(235200))
	wantLine(t, lineOf(t, r, "", "Båda"), num(2300000), num(300000), "report", num(200000))
	wantLine(t, lineOf(t, r, "", "Ingen"), num(3200000), num(200000), "over", num(235200))
	wantLine(t, lineOf(t, r, "", "Under"), num(450000), num(-50000), "within", num(50000))
	wantLine(t, lineOf(t, r, "", "Exakt"), num(500000), num(0), "within", num(50000))
	wantLine(t, lineOf(t, r, "", "Gränsen"), num(550000), num(50000), "report", num(50000))
	total := lineOf(t, r, "", "")
	if total.Budget != 17500000 || !sameNumber(total.Outcome, num(7600000)) || !sameNumber(total.Forecast, num(18335200)) {
		t.Errorf("total %+v", total)
	}
	if l := lineOf(t, r, "", "Tio procent"); !sameNumber(l.Share, num(0.1)) || !sameNumber(l.OutcomeShare, num(0.5)) {
		t.Errorf("shares %s %s", show(l.Share), show(l.OutcomeShare))
	}
}

// DESIGN's example: a frame of 17 481 tkr, its categories over and under;
// the frame is judged on its total, its categories never report.
func TestBudgetFrameJudgedOnItsTotal(t *testing.T) {
	s := budgetStore(t, []string{
		`(2025, 'Användarhårdvara', NULL, 'investering', 17481000)`,
		`(2025, 'Användarhårdvara', 'Klienter', 'investering', 12000000)`,
		`(2025, 'Användarhårdvara', 'Switchar', 'investering', 5481000)`,
	}, []string{
		`('2025-03-31', 'Användarhårdvara', 'Klienter', 3000000, 14000000, 'Fler elevdatorer')`,
		`('2025-03-31', NULL, 'Switchar', 1000000, 4000000, NULL)`,
	})
	r := budgetOn(t, s, 2025, "2025-04-30")
	// Klienter is 2 000 000 over its indicative amount (16 %), but inside
	// the frame: over, no threshold.
	wantLine(t, lineOf(t, r, "Användarhårdvara", "Klienter"), num(14000000), num(2000000), "over", nil)
	wantLine(t, lineOf(t, r, "Användarhårdvara", "Switchar"), num(4000000), num(-1481000), "within", nil)
	// The frame: 18 000 000 − 17 481 000 = 519 000, at or above 4 pbb
	// (235 200) though below 10 % (1 748 100): report.
	wantLine(t, lineOf(t, r, "Användarhårdvara", ""), num(18000000), num(519000), "report", num(235200))
	f := lineOf(t, r, "Användarhårdvara", "")
	if f.PercentTrigger == nil || *f.PercentTrigger != 1748100 || f.PBBTrigger == nil || *f.PBBTrigger != 235200 {
		t.Errorf("triggers %s %s", show(f.PercentTrigger), show(f.PBBTrigger))
	}
	// The total counts the frame once, not its categories again.
	wantLine(t, r.Total, num(18000000), num(519000), "report", num(235200))
	if r.Total.Budget != 17481000 || text(r.Total.Kind) != "investering" {
		t.Errorf("total budget %v kind %q", r.Total.Budget, text(r.Total.Kind))
	}
	if len(r.Lines) != 3 || !r.Lines[0].IsFrame() || !r.Lines[1].InFrame() {
		t.Errorf("lines in order frame, categories: %+v", r.Lines)
	}
}

// A category over inside its frame while the frame is within.
func TestBudgetCategoryOverInsideAFrameWithin(t *testing.T) {
	s := budgetStore(t, []string{
		`(2024, 'Ram', NULL, 'drift', 1000000)`,
		`(2024, 'Ram', 'A', 'drift', 500000)`,
		`(2024, 'Ram', 'B', 'drift', 500000)`,
	}, []string{
		`('2024-09-30', 'Ram', 'A', 400000, 700000, NULL)`,
		`('2024-09-30', 'Ram', 'B', 100000, 250000, NULL)`,
	})
	r := budgetOn(t, s, 2024, "2024-12-31")
	wantLine(t, lineOf(t, r, "Ram", "A"), num(700000), num(200000), "over", nil)
	wantLine(t, lineOf(t, r, "Ram", ""), num(950000), num(-50000), "within", num(100000))
}

// Before any follow-up nothing is known: null, not zero; a follow-up after
// the day, or of another year, does not count.
func TestBudgetNoFollowUpYetAndOnlyThoseUpToTheDay(t *testing.T) {
	s := budgetStore(t, []string{
		`(2023, NULL, 'Kansli', 'drift', 800000)`,
		`(2023, 'Ram', NULL, 'drift', 400000)`,
		`(2023, 'Ram', 'A', 'drift', 400000)`,
	}, []string{
		`('2022-12-31', NULL, 'Kansli', 1, 1, 'last year')`,
		`('2023-03-31', NULL, 'Kansli', 200000, NULL, 'no forecast: the outcome')`,
		`('2023-06-30', NULL, 'Kansli', 420000, 900000, NULL)`,
		`('2024-01-15', NULL, 'Kansli', 850000, 850000, 'the year closed, dated next year')`,
	})
	r := budgetOn(t, s, 2023, "2023-03-30")
	for _, l := range append(r.Lines, r.Total) {
		if l.Outcome != nil || l.Forecast != nil || l.Deviation != nil || l.Share != nil || l.Status != nil {
			t.Errorf("before a follow-up %s/%s: %+v", text(l.Group), text(l.Category), l)
		}
	}
	if l := lineOf(t, r, "", "Kansli"); l.Threshold == nil || *l.Threshold != 80000 {
		t.Errorf("the threshold is known without a follow-up: %s", show(l.Threshold))
	}
	r = budgetOn(t, s, 2023, "2023-03-31")
	wantLine(t, lineOf(t, r, "", "Kansli"), num(200000), num(-600000), "within", num(80000))
	wantLine(t, lineOf(t, r, "Ram", ""), nil, nil, "", num(40000))
	wantLine(t, r.Total, num(200000), num(-1000000), "within", num(120000))
	r = budgetOn(t, s, 2023, "2023-12-31")
	wantLine(t, lineOf(t, r, "", "Kansli"), num(900000), num(100000), "report", num(80000))
	r = budgetOn(t, s, 2023, "2024-06-30") // after the year: the year's last follow-up
	wantLine(t, lineOf(t, r, "", "Kansli"), num(900000), num(100000), "report", num(80000))
}

// A follow-up naming the group alone adds to the frame's sums; a group
// without a frame row has its categories' sum as its frame; the latest of a
// day is the one entered last.
func TestBudgetGroupFollowUpAddsToTheFrame(t *testing.T) {
	s := budgetStore(t, []string{
		`(2025, 'Tjänsteförvaltning', 'Egil', 'drift', 300000)`,
		`(2025, 'Tjänsteförvaltning', 'Bibblix', 'drift', 200000)`,
	}, []string{
		`('2025-03-31', 'Tjänsteförvaltning', 'Egil', 50000, 300000, NULL)`,
		`('2025-03-31', 'Tjänsteförvaltning', NULL, 10000, 40000, 'gemensamt')`,
		`('2025-06-30', 'Tjänsteförvaltning', NULL, 20000, 60000, 'first')`,
		`('2025-06-30', 'Tjänsteförvaltning', NULL, 25000, 70000, 'corrected the same day')`,
	})
	r := budgetOn(t, s, 2025, "2025-06-30")
	f := lineOf(t, r, "Tjänsteförvaltning", "")
	if f.Budget != 500000 || text(f.Kind) != "drift" || !sameNumber(f.Outcome, num(75000)) {
		t.Errorf("frame without a frame row: %+v", f)
	}
	wantLine(t, f, num(370000), num(-130000), "within", num(50000))
	wantLine(t, lineOf(t, r, "Tjänsteförvaltning", "Bibblix"), nil, nil, "", nil)
}

// The threshold takes the prisbasbelopp of the budget's year, not of today
// or of the as-of day; an imported amount replaces the shipped one.
func TestBudgetPriceBaseAmountOfTheBudgetsYear(t *testing.T) {
	s := budgetStore(t, []string{`(2021, NULL, 'Stor', 'investering', 100000000)`},
		[]string{`('2021-12-31', NULL, 'Stor', 0, 100192000, NULL)`})
	// 4 × 47 600 (2021) = 190 400 ≤ 192 000; with 2026's 59 200 it would be
	// 236 800 and only over.
	r := budgetOn(t, s, 2021, "2026-11-29")
	wantLine(t, lineOf(t, r, "", "Stor"), num(100192000), num(192000), "report", num(190400))
	analyticstest.Exec(t, s, `INSERT INTO price_base_amounts VALUES (2021, 50000)`)
	r = budgetOn(t, s, 2021, "2026-11-29")
	wantLine(t, lineOf(t, r, "", "Stor"), num(100192000), num(192000), "over", num(200000))
	// A year without a prisbasbelopp is judged on the percent alone.
	s = budgetStore(t, []string{`(2031, NULL, 'Sen', 'drift', 1000000)`},
		[]string{`('2031-05-31', NULL, 'Sen', 0, 1050000, NULL)`})
	r = budgetOn(t, s, 2031, "2031-06-01")
	if r.PBB != nil {
		t.Errorf("pbb of 2031: %s", show(r.PBB))
	}
	wantLine(t, lineOf(t, r, "", "Sen"), num(1050000), num(50000), "over", num(100000))
}

// The rule is a setting; a bad value is refused.
func TestBudgetRuleSetting(t *testing.T) {
	ctx := context.Background()
	s := budgetStore(t, []string{`(2025, NULL, 'K', 'drift', 1000000)`},
		[]string{`('2025-05-31', NULL, 'K', 0, 1060000, NULL)`})
	wantLine(t, lineOf(t, budgetOn(t, s, 2025, "2025-06-01"), "", "K"), num(1060000), num(60000), "over", num(100000))
	if err := s.SetSetting(ctx, analytics.SettingBudgetPercent, "5,5"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, analytics.SettingBudgetPercent); v != "5.5" {
		t.Errorf("stored %q", v)
	}
	r := budgetOn(t, s, 2025, "2025-06-01")
	wantLine(t, lineOf(t, r, "", "K"), num(1060000), num(60000), "report", num(55000))
	if r.Rule.Percent != 5.5 || r.Rule.PBBMultiple != 4 {
		t.Errorf("rule %+v", r.Rule)
	}
	for _, bad := range []string{"0", "-3", "tio", "101", "1e400", "NaN"} {
		if err := s.SetSetting(ctx, analytics.SettingBudgetPBBMultiple, bad); analytics.ErrorCode(err) != analytics.EInvalid {
			t.Errorf("multiple %q: %v", bad, err)
		}
	}
	if err := s.SetSetting(ctx, analytics.SettingBudgetPercent, ""); err != nil {
		t.Fatal(err)
	}
	if r := budgetOn(t, s, 2025, "2025-06-01"); r.Rule.Percent != 10 {
		t.Errorf("back to the default: %+v", r.Rule)
	}
}

// The JSON has DESIGN's shape, nulls where nothing is known.
func TestBudgetJSON(t *testing.T) {
	s := budgetStore(t, []string{`(2025, 'Ram', NULL, 'investering', 1000)`, `(2025, 'Ram', 'A', 'investering', 1000)`}, nil)
	b, err := json.Marshal(budgetOn(t, s, 2025, "2025-01-31"))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"year":2025,"asof":"2025-01-31","pbb":58800,"rule":{"percent":10,"pbb_multiple":4},"lines":[` +
		`{"group":"Ram","category":null,"kind":"investering","budget":1000,"outcome":null,"forecast":null,"deviation":null,"share":null,"outcome_share":null,"status":null,"threshold":100},` +
		`{"group":"Ram","category":"A","kind":"investering","budget":1000,"outcome":null,"forecast":null,"deviation":null,"share":null,"outcome_share":null,"status":null,"threshold":null}],` +
		`"total":{"group":null,"category":null,"kind":"investering","budget":1000,"outcome":null,"forecast":null,"deviation":null,"share":null,"outcome_share":null,"status":null,"threshold":100}}`
	if string(b) != want {
		t.Errorf("JSON\n%s\nwant\n%s", b, want)
	}
	b, _ = json.Marshal(budgetOn(t, s, 2019, "2019-12-31"))
	if !strings.Contains(string(b), `"lines":[]`) || !strings.Contains(string(b), `"total":{"group":null,"category":null,"kind":null,"budget":0,`) {
		t.Errorf("a year without a budget: %s", b)
	}
}

// The budget metrics: the total, a frame, a category, each on the year of
// the day asked; null without a follow-up or a line.
func TestBudgetMetrics(t *testing.T) {
	s := budgetStore(t, []string{
		`(2021, 'Ram', NULL, 'drift', 100000)`,
		`(2022, 'Ram', NULL, 'drift', 200000)`, `(2022, 'Ram', 'Egil', 'drift', 150000)`,
		`(2022, NULL, 'Kansli', 'drift', 100000)`,
	}, []string{
		`('2021-12-31', 'Ram', NULL, 90000, 90000, NULL)`,
		`('2022-03-31', 'Ram', 'Egil', 40000, 170000, NULL)`,
		`('2022-03-31', 'Ram', NULL, 10000, 60000, NULL)`,
		`('2022-06-30', NULL, 'Kansli', 60000, 95000, NULL)`,
	})
	wantValue(t, s, "budget_deviation", nil, "2021-12-31", num(-10000))
	wantValue(t, s, "budget_deviation", analytics.Params{"group": "Ram"}, "2021-12-31", num(-10000))
	wantValue(t, s, "budget_deviation", nil, "2022-01-31", nil)
	wantValue(t, s, "budget_deviation", analytics.Params{"group": "Ram"}, "2022-04-30", num(30000))
	wantValue(t, s, "budget_deviation", analytics.Params{"category": "Egil"}, "2022-04-30", num(20000))
	wantValue(t, s, "budget_deviation", analytics.Params{"group": "Ram", "category": "Egil"}, "2022-04-30", num(20000))
	wantValue(t, s, "budget_deviation", analytics.Params{"category": "Kansli"}, "2022-04-30", nil)
	wantValue(t, s, "budget_deviation", nil, "2022-06-30", num(25000))
	wantValue(t, s, "budget_deviation", analytics.Params{"group": "Nej"}, "2022-06-30", nil)
	wantValue(t, s, "budget_outcome_share", nil, "2022-06-30", num(110000.0/300000))
	wantValue(t, s, "budget_outcome_share", analytics.Params{"category": "Kansli"}, "2022-06-30", num(0.6))
	if _, err := s.Metric(context.Background(), "budget_deviation", analytics.Params{"n": "3"}, date("2022-06-30")); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("a parameter it does not take: %v", err)
	}
	if _, err := s.Metric(context.Background(), "budget_deviation", analytics.Params{"group": "a\nb"}, date("2022-06-30")); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("a name with a line break: %v", err)
	}
	// Not key figures: Metrics (the overview's and the report's) leaves them out.
	ms, err := s.Metrics(context.Background(), date("2022-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ms.Get("budget_deviation"); ok || len(ms) != 13 {
		t.Errorf("Metrics has %d values, budget_deviation among them: %v", len(ms), ok)
	}

	// In goals: status, pace and forecast like any metric.
	analyticstest.Exec(t, s,
		goal("ram", "budget_deviation", "group=Ram", "<=", "0", "", ""),
		goal("kansli", "budget_deviation", "category=Kansli", "<=", "0", "", ""),
		goal("andel", "budget_outcome_share", "", "<=", "1", "", ""))
	r := evaluate(t, s, "2022-06-30")
	// Over its frame, with no value on 1 January to start a pace line
	// from: at risk; the forecast (the month ends of the last twelve months,
	// each in its own year: 2021's −10 000, then 30 000) says more to come.
	if g := r["ram"]; !sameNumber(g.Value, num(30000)) || g.Status != analytics.StatusAtRisk ||
		g.Forecast == nil || *g.Forecast <= 30000 || g.ForecastMeets == nil || *g.ForecastMeets {
		t.Errorf("frame goal: %+v", g)
	}
	if g := r["kansli"]; !sameNumber(g.Value, num(-5000)) || g.Status != analytics.StatusOnTrack {
		t.Errorf("category goal: %+v", g)
	}
	if g := r["andel"]; !sameNumber(g.Value, num(110000.0/300000)) || g.Status != analytics.StatusOnTrack {
		t.Errorf("share goal: %+v", g)
	}
	r = evaluate(t, s, "2023-01-01")
	if g := r["ram"]; !sameNumber(g.Value, num(30000)) || g.Status != analytics.StatusMissed {
		t.Errorf("frame goal after its due date: %+v", g)
	}
}

// A follow-up without its group belongs to the one line of that name; a
// name in two groups needs the group; a follow-up of a group or category
// the year's budget lacks counts nowhere and is listed as belonging to none.
func TestBudgetFollowUpsFindTheirLine(t *testing.T) {
	ctx := context.Background()
	s := budgetStore(t, []string{
		`(2025, 'Ram A', 'Licenser', 'drift', 100000)`,
		`(2025, 'Ram B', 'Licenser', 'drift', 100000)`,
		`(2025, 'Ram B', 'Konsulter', 'drift', 100000)`,
	}, []string{
		`('2025-03-31', NULL, 'Licenser', 50000, 150000, 'which one?')`,
		`('2025-03-31', 'Ram B', 'Licenser', 10000, 90000, NULL)`,
		`('2025-03-31', NULL, 'Konsulter', 20000, 120000, NULL)`,
		`('2025-03-31', 'Ram C', NULL, 5000, 5000, 'no such group')`,
		`('2025-03-31', NULL, 'Okänd', 5000, 5000, 'no such category')`,
	})
	r := budgetOn(t, s, 2025, "2025-03-31")
	wantLine(t, lineOf(t, r, "Ram A", "Licenser"), nil, nil, "", nil)
	wantLine(t, lineOf(t, r, "Ram B", "Licenser"), num(90000), num(-10000), "within", nil)
	wantLine(t, lineOf(t, r, "Ram B", "Konsulter"), num(120000), num(20000), "over", nil)
	wantLine(t, lineOf(t, r, "Ram B", ""), num(210000), num(10000), "over", num(20000))
	wantLine(t, r.Total, num(210000), num(-90000), "within", num(30000))
	fs, err := s.BudgetFollowups(ctx, 2025, date("2025-12-31"))
	if err != nil || len(fs) != 5 {
		t.Fatalf("%d follow-ups, %v", len(fs), err)
	}
	for i, want := range []string{"", "Ram B/Licenser", "Ram B/Konsulter", "", ""} {
		got := ""
		if fs[i].Line != nil {
			got = text(fs[i].Line.Group) + "/" + text(fs[i].Line.Category)
		}
		if got != want {
			t.Errorf("follow-up %d (%s) belongs to %q, want %q", i+1, fs[i].Comment, got, want)
		}
	}
}

// A budget deviation's forecast may be below zero (an under-run), and the
// series of the follow-up days follows the total.
func TestBudgetDeviationForecastMayBeNegativeAndTheSeries(t *testing.T) {
	var followups []string
	for m := 1; m <= 6; m++ {
		day := date("2022-01-01").AddDate(0, m, -1).Format("2006-01-02")
		followups = append(followups, `('`+day+`', NULL, 'Kansli', `+itoa(m*10000)+`, `+itoa(1000000-m*1000)+`, NULL)`)
	}
	s := budgetStore(t, []string{`(2022, NULL, 'Kansli', 'drift', 1000000)`}, followups)
	analyticstest.Exec(t, s, goal("under", "budget_deviation", "", "<=", "0", "", ""))
	g := evaluate(t, s, "2022-06-30")["under"]
	// −1 000 a month from −1 000 in January: about −12 000 at year end.
	if !sameNumber(g.Value, num(-6000)) || g.Forecast == nil || *g.Forecast > -11000 || *g.Forecast < -13000 {
		t.Errorf("value %s forecast %s", show(g.Value), show(g.Forecast))
	}
	points, err := s.BudgetSeries(context.Background(), 2022, date("2022-03-31"))
	if err != nil || len(points) != 3 {
		t.Fatalf("%d points, %v", len(points), err)
	}
	if !points[2].Date.Equal(date("2022-03-31")) || !sameNumber(points[2].Outcome, num(30000)) || !sameNumber(points[2].Forecast, num(997000)) {
		t.Errorf("the series' last point: %+v", points[2])
	}
}
