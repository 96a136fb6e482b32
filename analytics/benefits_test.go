package analytics_test

import (
	"context"
	"encoding/json"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// newBenefitStore holds three benefits, small enough to follow by hand:
//
//   - 1 Frigjorda timmar (Egil, högre, summa, 0 → 100 h in 2024, 450 kr/h):
//     A 20 on 31 March, B 30 on 31 May, A 40 on 30 June, A 70 on 15 August;
//     C 50 on 15 January 2025, after the due date.
//   - 2 Handläggningskostnad (FixaMinGata, lägre, medel, 500 → 300 kr from
//     2024 to 2025, 1 kr/kr): A 450 on 30 June 2024, B 400 on 30 September
//     2024, A 290 on 30 November 2025, B 330 on 31 December 2025.
//   - 3 Lån per barn (Bibblix, högre, medel, 0 → 365 in 2024, no valuation):
//     the whole 10 on 1 February, A 80 on 1 March, B 120 on 10 April (day 100
//     of the line from 0 to 365: exactly on it), the whole 50 on 1 May.
//
// Egil's budget of 2024 has two lines named Egil (100 000 + 20 000 kr).
func newBenefitStore(t *testing.T) *analytics.Store {
	t.Helper()
	s := analyticstest.New(t)
	analyticstest.Exec(t, s,
		`INSERT INTO members (name, kind, joined_on) VALUES ('A', 'ovrig', DATE '2020-01-01'),
			('B', 'ovrig', DATE '2020-01-01'), ('C', 'ovrig', DATE '2020-01-01')`,
		`INSERT INTO services (name, kind) VALUES ('Egil', 'service'), ('Bibblix', 'service'), ('FixaMinGata', 'service')`,
		`INSERT INTO benefits (name, service_id, category, certainty, owner, unit, direction, aggregation,
			baseline, baseline_on, target, due_on, valuation) VALUES
			('Frigjorda timmar', 1, 'tid', 'gul', 'Skolchef', 'timmar', 'högre', 'summa', 0, DATE '2024-01-01', 100, DATE '2024-12-31', 450),
			('Handläggningskostnad', 3, 'ekonomisk', 'grön', 'Gatuchef', 'kr per ärende', 'lägre', 'medel', 500, DATE '2024-01-01', 300, DATE '2025-12-31', 1),
			('Lån per barn', 2, 'kvalitet', 'röd', 'Bibliotekschef', 'lån', 'högre', 'medel', 0, DATE '2024-01-01', 365, DATE '2024-12-31', NULL)`,
		`INSERT INTO benefit_measurements (benefit_id, measured_on, member_id, value) VALUES
			(1, DATE '2024-03-31', 1, 20), (1, DATE '2024-05-31', 2, 30), (1, DATE '2024-06-30', 1, 40),
			(1, DATE '2024-08-15', 1, 70), (1, DATE '2025-01-15', 3, 50),
			(2, DATE '2024-06-30', 1, 450), (2, DATE '2024-09-30', 2, 400), (2, DATE '2025-11-30', 1, 290), (2, DATE '2025-12-31', 2, 330),
			(3, DATE '2024-02-01', NULL, 10), (3, DATE '2024-03-01', 1, 80), (3, DATE '2024-04-10', 2, 120), (3, DATE '2024-05-01', NULL, 50)`,
		`INSERT INTO budget_lines (year, category, kind, amount) VALUES (2024, 'Egil', 'drift', 100000), (2024, 'Egil', 'investering', 20000)`,
	)
	return s
}

func benefitsOn(t *testing.T, s *analytics.Store, asOf string) map[string]analytics.BenefitResult {
	t.Helper()
	r, err := s.Benefits(context.Background(), date(asOf))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]analytics.BenefitResult{}
	for _, b := range r.Benefits {
		out[b.Name] = b
	}
	return out
}

func wantBenefit(t *testing.T, b analytics.BenefitResult, value *float64, status analytics.Status, pace, forecast, realised *float64) {
	t.Helper()
	if !sameNumber(b.Value, value) || b.Status != status || !sameNumber(b.Pace, pace) || !sameNumber(b.Forecast, forecast) || !sameNumber(b.RealisedKr, realised) {
		t.Errorf("%s: value %s status %s pace %s forecast %s realised %s; want %s %s %s %s %s", b.Name,
			show(b.Value), b.Status, show(b.Pace), show(b.Forecast), show(b.RealisedKr),
			show(value), status, show(pace), show(forecast), show(realised))
	}
}

// A "högre" benefit measured per member and summed: behind its pace line, on
// it and past its due date, a measurement after the day not counted.
func TestAHigherBenefitBehindOnAndPastItsPace(t *testing.T) {
	s := newBenefitStore(t)
	// 30 April: A's 20 alone; the line from 0 on 1 January to 100 on 31
	// December stands at 100 × 120 / 365.
	wantBenefit(t, benefitsOn(t, s, "2024-04-30")["Frigjorda timmar"], num(20), analytics.StatusAtRisk,
		num(100.0*120/365), num(20), num(9000))
	// 30 June: A's 40 of that day and B's 30; A's 70 of 15 August is not known
	// yet. The forecast is the least-squares line through the month ends
	// with a value (31 March 20, 30 April 20, 31 May 50, 30 June 70) at the
	// due date.
	wantBenefit(t, benefitsOn(t, s, "2024-06-30")["Frigjorda timmar"], num(70), analytics.StatusOnTrack,
		num(100.0*181/365), num(176.08093486258386), num(31500))
	// After the due date the value is the one on it (70 + 30; C's 50 of
	// January 2025 comes too late): met, no forecast, no pace.
	got := benefitsOn(t, s, "2025-03-01")["Frigjorda timmar"]
	wantBenefit(t, got, num(100), analytics.StatusMet, nil, nil, num(45000))
	if got.ValueDate != date("2024-12-31") || got.Members != 2 {
		t.Errorf("value date %s, members %d; want 2024-12-31 and 2", got.ValueDate, got.Members)
	}
	// Before any measurement: no data, no realised kronor.
	wantBenefit(t, benefitsOn(t, s, "2024-03-30")["Frigjorda timmar"], nil, analytics.StatusNoData, nil, nil, nil)
}

// A "lägre" benefit averaged over members: on its pace, behind it, and
// missed at its due date; realised kronor count what went down.
func TestALowerBenefitOnBehindAndPastItsPace(t *testing.T) {
	s := newBenefitStore(t)
	// 30 June 2024: A's 450 is below the line from 500 to 300 over 730 days
	// (450.41 after 181 days): on track. Realised (500 − 450) × 1.
	wantBenefit(t, benefitsOn(t, s, "2024-06-30")["Handläggningskostnad"], num(450), analytics.StatusOnTrack,
		num(500-200.0*181/730), nil, num(50))
	// 31 December 2024: (450 + 400) / 2 = 425 is above the line's 400: at
	// risk; the forecast through the month ends from 30 June.
	wantBenefit(t, benefitsOn(t, s, "2024-12-31")["Handläggningskostnad"], num(425), analytics.StatusAtRisk,
		num(400), num(355.8458957825026), num(75))
	// Due 31 December 2025: (290 + 330) / 2 = 310 is above 300: missed.
	wantBenefit(t, benefitsOn(t, s, "2026-02-01")["Handläggningskostnad"], num(310), analytics.StatusMissed,
		nil, nil, num(190))
}

// "medel" over members measured on different days, a value exactly on the
// pace line, and a measurement of the whole beside the members' ones: the
// latest measurement decides.
func TestAMeanOverMembersAndTheWholeMeasuredBeside(t *testing.T) {
	s := newBenefitStore(t)
	for _, c := range []struct {
		asOf    string
		value   float64
		members int
		status  analytics.Status
	}{
		{"2024-02-15", 10, 0, analytics.StatusAtRisk},   // only the whole
		{"2024-03-15", 80, 1, analytics.StatusOnTrack},  // A's 80 is newer than the whole's 10
		{"2024-04-10", 100, 2, analytics.StatusOnTrack}, // (80 + 120) / 2 on the line's 100
		{"2024-05-01", 50, 0, analytics.StatusAtRisk},   // the whole's 50 is the newest
		{"2024-04-09", 80, 1, analytics.StatusAtRisk},   // B's 120 of the next day not yet: 80 < 99
		{"2025-01-01", 50, 0, analytics.StatusMissed},   // due: 50 < 365
		{"2024-01-01", 0, 0, analytics.StatusNoData},    // nothing measured
	} {
		b := benefitsOn(t, s, c.asOf)["Lån per barn"]
		if c.status == analytics.StatusNoData {
			if b.Value != nil || b.Status != c.status {
				t.Errorf("%s: %s %s, want no data", c.asOf, show(b.Value), b.Status)
			}
			continue
		}
		if !sameNumber(b.Value, num(c.value)) || b.Members != c.members || b.Status != c.status || b.RealisedKr != nil {
			t.Errorf("%s: value %s of %d members, %s, realised %s; want %v of %d, %s, null",
				c.asOf, show(b.Value), b.Members, b.Status, show(b.RealisedKr), c.value, c.members, c.status)
		}
	}
}

// The register's JSON is DESIGN's shape; per service the realised kronor of
// its benefits beside its cost in the budget of the day's year.
func TestBenefitsJSONAndServicesAgainstTheirCost(t *testing.T) {
	s := newBenefitStore(t)
	r, err := s.Benefits(context.Background(), date("2024-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"asof":"2024-06-30","benefits":[
		{"name":"Lån per barn","service":"Bibblix","category":"kvalitet","certainty":"röd","unit":"lån","direction":"högre",
		 "value":50,"baseline":0,"target":365,"due":"2024-12-31","status":"at_risk","pace":181,"forecast":98.31405598314487,"realised_kr":null},
		{"name":"Frigjorda timmar","service":"Egil","category":"tid","certainty":"gul","unit":"timmar","direction":"högre",
		 "value":70,"baseline":0,"target":100,"due":"2024-12-31","status":"on_track","pace":49.58904109589041,"forecast":176.08093486258386,"realised_kr":31500},
		{"name":"Handläggningskostnad","service":"FixaMinGata","category":"ekonomisk","certainty":"grön","unit":"kr per ärende","direction":"lägre",
		 "value":450,"baseline":500,"target":300,"due":"2025-12-31","status":"on_track","pace":450.4109589041096,"forecast":null,"realised_kr":50}],
	"services":[{"service":"Bibblix","realised_kr":null,"cost":null},{"service":"Egil","realised_kr":31500,"cost":120000},
		{"service":"FixaMinGata","realised_kr":50,"cost":null}]}`
	assertSameJSON(t, []byte(want), got, nil)
}

// The metric benefit_realised sums the benefits' realised kronor (of one
// service with service=), and a goal can follow it like any metric.
func TestBenefitRealisedAsAMetricAndInAGoal(t *testing.T) {
	s := newBenefitStore(t)
	wantValue(t, s, "benefit_realised", nil, "2024-06-30", num(31500+50))
	wantValue(t, s, "benefit_realised", analytics.Params{"service": "Egil"}, "2024-06-30", num(31500))
	wantValue(t, s, "benefit_realised", analytics.Params{"service": "Bibblix"}, "2024-06-30", nil) // no valuation
	wantValue(t, s, "benefit_realised", nil, "2024-03-01", nil)                                    // nothing measured
	if _, err := s.Metric(context.Background(), "benefit_realised", analytics.Params{"n": "2"}, date("2024-06-30")); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("a parameter it does not take: %v", err)
	}
	// Not one of DESIGN's "Metrics": /api/metrics leaves it out.
	set, err := s.Metrics(context.Background(), date("2024-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := set.Get("benefit_realised"); ok {
		t.Error("Metrics holds benefit_realised")
	}
	// A goal of 2025: at least 50 000 kr. On 30 June 2025 Egil's 45 000 (due
	// 2024) and FixaMinGata's 75 are realised, as on 1 January, where the
	// pace line starts: behind it, at risk.
	analyticstest.Exec(t, s, `INSERT INTO goals (year, number, key, text, metric, params, comparator, target)
		VALUES (2025, 1, 'nytta', 'Nyttan realiseras', 'benefit_realised', '', '>=', 50000)`)
	goals, err := s.EvaluateGoals(context.Background(), 2025, date("2025-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	g := goals[0]
	if !sameNumber(g.Value, num(45075)) || g.Status != analytics.StatusAtRisk || !sameNumber(g.Pace, num(45075+4925.0*180/364)) || g.Forecast == nil {
		t.Errorf("goal: value %s status %s pace %s forecast %s", show(g.Value), g.Status, show(g.Pace), show(g.Forecast))
	}
}

// A benefit's page: its measurements by the day, each member's latest value
// and share of the realised kronor, and its series against the pace line.
func TestOneBenefitWithMembersAndSeries(t *testing.T) {
	s := newBenefitStore(t)
	d, err := s.Benefit(context.Background(), 1, date("2024-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Measurements) != 3 || d.Measurements[0].Value != 40 || d.Measurements[0].Member != "A" {
		t.Errorf("measurements %+v", d.Measurements)
	}
	if len(d.Members) != 2 || d.Members[0].Member != "A" || d.Members[0].Value != 40 || !sameNumber(d.Members[0].RealisedKr, num(18000)) ||
		d.Members[1].Member != "B" || !sameNumber(d.Members[1].RealisedKr, num(13500)) {
		t.Errorf("members %+v", d.Members)
	}
	// The baseline's day, the three measurement days and the due date.
	var days []string
	for _, p := range d.Series {
		days = append(days, p.Date.Format("2006-01-02")+"="+show(p.Value)+"/"+show(&p.Pace))
	}
	want := "[2024-01-01=null/0 2024-03-31=20/24.65753424657534 2024-05-31=50/41.36986301369863 2024-06-30=70/49.58904109589041 2024-12-31=null/100]"
	if got := fmtList(days); got != want {
		t.Errorf("series\n got %s\nwant %s", got, want)
	}
	if _, err := s.Benefit(context.Background(), 99, date("2024-06-30")); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("unknown benefit: %v", err)
	}
	// summa: each member against an equal share of the baseline; medel: the
	// whole baseline (FixaMinGata: 500 − 450 and 500 − 400).
	d, err = s.Benefit(context.Background(), 2, date("2024-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Members) != 2 || !sameNumber(d.Members[0].RealisedKr, num(50)) || !sameNumber(d.Members[1].RealisedKr, num(100)) {
		t.Errorf("members %+v", d.Members)
	}
}

func fmtList(items []string) string {
	out := "["
	for i, s := range items {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out + "]"
}

// A forecast below zero is kept at zero (DESIGN "Forecast"); a value that
// already holds the target before the due date is on track.
func TestABenefitsForecastIsNeverBelowZero(t *testing.T) {
	s := newBenefitStore(t)
	analyticstest.Exec(t, s,
		`INSERT INTO benefits (name, category, certainty, unit, direction, aggregation, baseline, baseline_on, target, due_on)
			VALUES ('Pappersblanketter', 'miljö', 'röd', 'blanketter', 'lägre', 'summa', 100, DATE '2024-01-01', 50, DATE '2024-12-31')`,
		`INSERT INTO benefit_measurements (benefit_id, measured_on, value) VALUES (4, DATE '2024-01-31', 90), (4, DATE '2024-02-29', 40)`)
	b := benefitsOn(t, s, "2024-02-29")["Pappersblanketter"]
	wantBenefit(t, b, num(40), analytics.StatusOnTrack, nil, num(0), nil)
	if b.ForecastMeets == nil || !*b.ForecastMeets || b.Service != "" || b.ServiceID != nil {
		t.Errorf("forecast meets %v, service %q %v", b.ForecastMeets, b.Service, b.ServiceID)
	}
	r, err := s.Benefits(context.Background(), date("2024-02-29"))
	if err != nil {
		t.Fatal(err)
	}
	if last := r.Benefits[len(r.Benefits)-1]; last.Name != "Pappersblanketter" || len(r.Services) != 3 {
		t.Errorf("the association-wide benefit comes last (%s) and has no service row (%d services)", last.Name, len(r.Services))
	}
}

// Per member: what one member realised in every benefit it is measured in.
func TestWhatAMemberRealised(t *testing.T) {
	s := newBenefitStore(t)
	got, err := s.MemberBenefits(context.Background(), 1, date("2024-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, m := range got {
		rows = append(rows, m.Benefit+"="+show(&m.Value)+"/"+show(m.RealisedKr))
	}
	// A's 70 of 15 August (summa, baseline 0: 70 × 450), its 450 (500 − 450)
	// and its 80 loans (no valuation).
	if want := "[Frigjorda timmar=70/31500 Handläggningskostnad=450/50 Lån per barn=80/null]"; fmtList(rows) != want {
		t.Errorf("got %s\nwant %s", fmtList(rows), want)
	}
}
