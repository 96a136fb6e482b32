package analytics_test

import (
	"context"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// tenMembers: ten municipalities that are members on 1 January 2022, the
// start of every pace line below.
const tenMembers = `INSERT INTO members (name, kind, joined_on)
	SELECT 'Kommun ' || i, 'kommun', DATE '2020-01-01' FROM range(10) AS t (i)`

// joinOn adds n members joining on day.
func joinOn(n int, day string) string {
	return `INSERT INTO members (name, kind, joined_on)
		SELECT 'Ny ' || i, 'kommun', DATE '` + day + `' FROM range(` + itoa(n) + `) AS t (i)`
}

// leaveOn ends n of the first ten members on day.
func leaveOn(n int, day string) string {
	return `UPDATE members SET left_on = DATE '` + day + `'
		WHERE id IN (SELECT id FROM members WHERE name LIKE 'Kommun %' ORDER BY id LIMIT ` + itoa(n) + `)`
}

// goal is the SQL of one goal of 2022 due on 31 December unless due is given.
func goal(key, metric, params, cmp, target, upper, due string) string {
	if upper == "" {
		upper = "NULL"
	}
	dueOn := "NULL"
	if due != "" {
		dueOn = "DATE '" + due + "'"
	}
	return `INSERT INTO goals (year, number, key, text, metric, params, comparator, target, upper_target, due_on)
		VALUES (2022, (SELECT count(*) + 1 FROM goals), '` + key + `', '` + key + `', '` + metric + `', '` + params + `', '` +
		cmp + `', ` + target + `, ` + upper + `, ` + dueOn + `)`
}

// evaluate evaluates the 2022 goals on asOf by key.
func evaluate(t *testing.T, s *analytics.Store, asOf string) map[string]analytics.GoalResult {
	t.Helper()
	results, err := s.EvaluateGoals(context.Background(), 2022, date(asOf))
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]analytics.GoalResult{}
	for _, r := range results {
		byKey[r.Key] = r
	}
	return byKey
}

type wantStatus struct {
	status analytics.Status
	rule   int
	pace   *float64
}

func checkStatus(t *testing.T, r analytics.GoalResult, w wantStatus) {
	t.Helper()
	if r.Status != w.status || r.Rule != w.rule || !sameNumber(r.Pace, w.pace) {
		t.Errorf("%s: value %s: %s by rule %d, pace %s; want %s by rule %d, pace %s",
			r.Key, show(r.Value), r.Status, r.Rule, show(r.Pace), w.status, w.rule, show(w.pace))
	}
}

func TestRuleOneJudgesTheValueOnTheDueDate(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, tenMembers, joinOn(10, "2022-12-31"), joinOn(5, "2023-01-02"),
		goal("twenty", "members", "", ">=", "20", "", ""),
		goal("thirty", "members", "", ">=", "30", "", ""))
	for _, asOf := range []string{"2022-12-31", "2023-03-01"} {
		got := evaluate(t, s, asOf)
		checkStatus(t, got["twenty"], wantStatus{analytics.StatusMet, 1, nil})
		checkStatus(t, got["thirty"], wantStatus{analytics.StatusMissed, 1, nil})
		if r := got["thirty"]; !sameNumber(r.Value, num(20)) || r.ValueDate != date("2022-12-31") {
			t.Errorf("as of %s: value %s on %s, want 20 on the due date", asOf, show(r.Value), r.ValueDate)
		}
	}
}

func TestRuleTwoCumulativeMetricsCannotTurnBack(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, tenMembers, leaveOn(1, "2022-02-10"), joinOn(2, "2022-03-01"),
		`INSERT INTO events (name, held_on, format, role) VALUES ('Webbinarium', DATE '2022-02-01', 'digital', 'host')`,
		goal("lose-none", "members_lost", "", "=", "0", "", ""),
		goal("one-conference", "digital_conferences", "", ">=", "1", "", ""),
		goal("two-conferences", "digital_conferences", "", ">=", "2", "", ""),
		goal("join-at-most-one", "members_joined", "", "<=", "1", "", ""),
		goal("join-at-most-five", "members_joined", "", "<", "5", "", ""))
	got := evaluate(t, s, "2022-03-31")
	checkStatus(t, got["lose-none"], wantStatus{analytics.StatusMissed, 2, nil}) // missed early
	checkStatus(t, got["one-conference"], wantStatus{analytics.StatusMet, 2, nil})
	checkStatus(t, got["join-at-most-one"], wantStatus{analytics.StatusMissed, 2, nil})
	// A cumulative goal that holds, or a >= one that does not yet, goes to rule 3:
	// two conferences by pace from 0 on 1 January: 2 × 89/364 on 31 March.
	checkStatus(t, got["join-at-most-five"], wantStatus{analytics.StatusOnTrack, 3, nil})
	checkStatus(t, got["two-conferences"], wantStatus{analytics.StatusOnTrack, 3, num(2.0 * 89 / 364)})
	// Before anyone left, losing none is on track.
	checkStatus(t, evaluate(t, s, "2022-02-09")["lose-none"], wantStatus{analytics.StatusOnTrack, 3, nil})
}

func TestRuleThreeComparesWithThePaceLine(t *testing.T) {
	// Ten members on 1 January; on 2 July 182 of the year's 364 days have
	// passed, so a line from 10 to 20 stands at 15 and one to 5 at 7.5.
	for _, c := range []struct {
		name      string
		change    string
		goal      string
		want      wantStatus
		wantValue float64
	}{
		{"behind a >= line", joinOn(4, "2022-03-01"), goal("g", "members", "", ">=", "20", "", ""),
			wantStatus{analytics.StatusAtRisk, 3, num(15)}, 14},
		{"on a >= line", joinOn(5, "2022-03-01"), goal("g", "members", "", ">=", "20", "", ""),
			wantStatus{analytics.StatusOnTrack, 3, num(15)}, 15},
		{"ahead of a > line", joinOn(6, "2022-03-01"), goal("g", "members", "", ">", "20", "", ""),
			wantStatus{analytics.StatusOnTrack, 3, num(15)}, 16},
		{"a >= goal that holds", joinOn(10, "2022-03-01"), goal("g", "members", "", ">=", "20", "", ""),
			wantStatus{analytics.StatusOnTrack, 3, nil}, 20},
		{"behind a <= line", leaveOn(2, "2022-03-01"), goal("g", "members", "", "<=", "5", "", ""),
			wantStatus{analytics.StatusAtRisk, 3, num(7.5)}, 8},
		{"ahead of a < line", leaveOn(3, "2022-03-01"), goal("g", "members", "", "<", "5", "", ""),
			wantStatus{analytics.StatusOnTrack, 3, num(7.5)}, 7},
		{"= towards a higher target", joinOn(6, "2022-03-01"), goal("g", "members", "", "=", "20", "", ""),
			wantStatus{analytics.StatusOnTrack, 3, num(15)}, 16},
		{"= behind a higher target", joinOn(4, "2022-03-01"), goal("g", "members", "", "=", "20", "", ""),
			wantStatus{analytics.StatusAtRisk, 3, num(15)}, 14},
		{"= towards a lower target", leaveOn(3, "2022-03-01"), goal("g", "members", "", "=", "5", "", ""),
			wantStatus{analytics.StatusOnTrack, 3, num(7.5)}, 7},
		{"= starting on the target", joinOn(2, "2022-03-01"), goal("g", "members", "", "=", "10", "", ""),
			wantStatus{analytics.StatusAtRisk, 3, num(10)}, 12},
		{"between, below the lower bound", joinOn(6, "2022-03-01"), goal("g", "members", "", "between", "20", "30", ""),
			wantStatus{analytics.StatusOnTrack, 3, num(15)}, 16},
		{"between, far below", joinOn(4, "2022-03-01"), goal("g", "members", "", "between", "20", "30", ""),
			wantStatus{analytics.StatusAtRisk, 3, num(15)}, 14},
		{"between, above the upper bound", leaveOn(2, "2022-03-01"), goal("g", "members", "", "between", "2", "5", ""),
			wantStatus{analytics.StatusAtRisk, 3, num(7.5)}, 8},
		{"between, coming down", leaveOn(3, "2022-03-01"), goal("g", "members", "", "between", "2", "5", ""),
			wantStatus{analytics.StatusOnTrack, 3, num(7.5)}, 7},
		{"between, inside", leaveOn(6, "2022-03-01"), goal("g", "members", "", "between", "2", "5", ""),
			wantStatus{analytics.StatusOnTrack, 3, nil}, 4},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := analyticstest.New(t)
			analyticstest.Exec(t, s, tenMembers, c.change, c.goal)
			r := evaluate(t, s, "2022-07-02")["g"]
			if !sameNumber(r.Value, num(c.wantValue)) {
				t.Fatalf("value %s, want %v", show(r.Value), c.wantValue)
			}
			checkStatus(t, r, c.want)
		})
	}
}

func TestPaceStartsOnFirstJanuaryOfTheGoalsYear(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, tenMembers, joinOn(5, "2022-06-01"),
		goal("g", "members", "", ">=", "20", "", "2023-12-31"))
	// From 10 on 2022-01-01 to 20 on 2023-12-31 (729 days); 2023-01-01 is day 365.
	r := evaluate(t, s, "2023-01-01")["g"]
	checkStatus(t, r, wantStatus{analytics.StatusAtRisk, 3, num(10 + 10*365.0/729)})
	if r.Due != date("2023-12-31") || r.ValueDate != date("2023-01-01") {
		t.Errorf("due %s, value date %s", r.Due, r.ValueDate)
	}
}

func TestRulesFourAndFiveManualGoalsAndNoData(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO goals (year, number, key, text, metric) VALUES
		(2022, 1, 'board', 'Tydliga nätverk', 'manual'),
		(2022, 2, 'unset', 'Inget satt', 'manual')`,
		`INSERT INTO goal_statuses (goal_id, set_on, status, comment)
		SELECT id, DATE '2022-04-03', 'at_risk', 'Pausat.' FROM goals WHERE key = 'board'`,
		goal("spm", "services_per_member", "", ">=", "1", "", ""))
	got := evaluate(t, s, "2022-06-30")
	board := got["board"]
	checkStatus(t, board, wantStatus{analytics.StatusAtRisk, 4, nil})
	if !board.Manual || board.Value != nil || board.Forecast != nil || board.Comment != "Pausat." ||
		board.StatusDate != date("2022-04-03") || !board.ValueDate.IsZero() {
		t.Errorf("manual goal = %+v", board)
	}
	// A manual goal the board has not judged yet is no data by rule 4 (DESIGN
	// "Goal status" 4, and manual goal 7 in the samples' expected JSON), not 5.
	checkStatus(t, got["unset"], wantStatus{analytics.StatusNoData, 4, nil})
	spm := got["spm"] // no member: services_per_member is null
	checkStatus(t, spm, wantStatus{analytics.StatusNoData, 5, nil})
	if spm.Value != nil || spm.Forecast != nil {
		t.Errorf("no data: value %s, forecast %s", show(spm.Value), show(spm.Forecast))
	}
}

func TestAPlanNotYetBegunHasNoData(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO events (name, held_on, format, role) VALUES ('Webbinarium', DATE '2021-10-01', 'digital', 'host')`,
		goal("g", "digital_conferences", "", ">=", "1", "", ""))
	r := evaluate(t, s, "2021-12-31")["g"] // the 2022 plan, read in 2021
	checkStatus(t, r, wantStatus{analytics.StatusNoData, 5, nil})
	if r.Value != nil || r.Forecast != nil || !r.ValueDate.IsZero() {
		t.Errorf("value %s on %s, forecast %s; want none", show(r.Value), r.ValueDate, show(r.Forecast))
	}
}

func TestForecastOfAFlatMetricIsItsValue(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, tenMembers, goal("g", "members", "", ">=", "20", "", "2024-12-31"))
	if r := evaluate(t, s, "2022-07-02")["g"]; !sameNumber(r.Forecast, num(10)) {
		t.Errorf("forecast %s, want 10", show(r.Forecast))
	}
}

func TestForecastNeedsTwoMonthEndsWithAValue(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on) VALUES ('Ale', 'kommun', DATE '2022-05-15')`,
		goal("g", "services_per_member", "", ">=", "1", "", ""))
	// Before 15 May services_per_member is null. DESIGN "Forecast" now fits
	// the month ends strictly before d and d itself: on 2022-05-31 only d has
	// a value (no forecast); on 2022-06-15 31 May and d itself make two.
	if r := evaluate(t, s, "2022-05-31")["g"]; r.Forecast != nil || !sameNumber(r.Value, num(0)) {
		t.Errorf("forecast %s, value %s; want null and 0", show(r.Forecast), show(r.Value))
	}
	if r := evaluate(t, s, "2022-06-15")["g"]; !sameNumber(r.Forecast, num(0)) {
		t.Errorf("forecast %s, want 0 from a month end and the day itself", show(r.Forecast))
	}
}

func TestEvaluateGoalsRefusesWhatItCannotEvaluate(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct{ name, goal, want string }{
		{"unknown metric", goal("g", "nosuch", "", ">=", "1", "", ""), "nosuch"},
		{"bad parameter", goal("g", "networks_min_participants", "n=many", ">=", "1", "", ""), "n=many"},
		{"no target", goal("g", "members", "", ">=", "NULL", "", ""), "no target"},
		{"between without upper", goal("g", "members", "", "between", "1", "", ""), "upper target"},
	} {
		s := analyticstest.New(t)
		analyticstest.Exec(t, s, c.goal)
		_, err := s.EvaluateGoals(ctx, 2022, date("2022-06-30"))
		if analytics.ErrorCode(err) != analytics.EInvalid || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want EInvalid about %q", c.name, err, c.want)
		}
	}
	s := analyticstest.New(t)
	if _, err := s.EvaluateGoals(ctx, 1066, date("2022-06-30")); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("year 1066: err %v, want EInvalid", err)
	}
	if goals, err := s.EvaluateGoals(ctx, 2030, date("2022-06-30")); err != nil || goals == nil || len(goals) != 0 {
		t.Errorf("a year without a plan: %v, %v; want no goals", goals, err)
	}
}
