package importer_test

import (
	"context"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// goalsHeader has the board's columns; rows give a status date or nil.
var goalsHeader = []any{"År", "Nr", "Nyckel", "Mål", "Mått", "Jämförelse", "Målvärde", "Status", "Statusdatum", "Kommentar"}

func manualRow(status string, setOn any, comment string) []any {
	return []any{2022, 7, "natverk", "Tydliga nätverk", "manuell", nil, nil, status, setOn, comment}
}

func measuredRow(setOn any, comment string) []any {
	return []any{2022, 1, "medlemmar", "35 medlemmar", "members", ">=", 35, nil, setOn, comment}
}

// importOn commits the goals sheet as imported on day.
func importOn(t *testing.T, s *analytics.Store, day string, header []any, rows ...[]any) *importer.Result {
	t.Helper()
	f := workbook(t, sheet{"VP 2022", append([][]any{header}, rows...)})
	res, err := importer.Commit(context.Background(), s, f, importer.Options{Lang: "en", Day: date(day)})
	if err != nil {
		t.Fatalf("import on %s: %v\n%s", day, err, problems(res.Plan))
	}
	return res
}

// goalOn evaluates the 2022 goal with the key on asOf.
func goalOn(t *testing.T, s *analytics.Store, key, asOf string) analytics.GoalResult {
	t.Helper()
	goals, err := s.EvaluateGoals(context.Background(), 2022, date(asOf))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goals {
		if g.Key == key {
			return g
		}
	}
	t.Fatalf("no goal %s", key)
	return analytics.GoalResult{}
}

func TestImportedStatusAndCommentCountFromTheirDay(t *testing.T) {
	for _, c := range []struct {
		name      string
		importDay string
		setOn     any    // the Statusdatum cell
		from      string // the first day the input is known
	}{
		{"undated, imported during the year", "2022-06-15", nil, "2022-06-15"},
		{"undated, typed in after the due date", "2026-11-22", nil, "2022-12-31"},
		{"dated", "2026-11-22", date("2022-04-03"), "2022-04-03"},
		{"dated as text", "2026-11-22", "2022-04-03", "2022-04-03"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := analyticstest.New(t)
			importOn(t, s, c.importDay, goalsHeader, manualRow("at risk", c.setOn, "Pausat."), measuredRow(c.setOn, "Två nya på väg."))
			before := date(c.from).AddDate(0, 0, -1).Format(time.DateOnly)
			if g := goalOn(t, s, "natverk", before); g.Status != analytics.StatusNoData || g.Rule != 4 ||
				!g.StatusDate.IsZero() || g.Comment != "" {
				t.Errorf("the day before: %s (rule %d) set %v, comment %q; want no_data by rule 4 and nothing else", g.Status, g.Rule, g.StatusDate, g.Comment)
			}
			if g := goalOn(t, s, "medlemmar", before); g.Comment != "" {
				t.Errorf("the day before: measured goal's comment %q, want none yet", g.Comment)
			}
			if g := goalOn(t, s, "natverk", c.from); g.Status != analytics.StatusAtRisk || !g.StatusDate.Equal(date(c.from)) ||
				g.Comment != "Pausat." {
				t.Errorf("on %s: %s set %v, comment %q", c.from, g.Status, g.StatusDate, g.Comment)
			}
			if g := goalOn(t, s, "medlemmar", c.from); g.Comment != "Två nya på väg." {
				t.Errorf("on %s: measured goal's comment %q", c.from, g.Comment)
			}
		})
	}
}

func TestImportAddsToTheStatusHistoryAndRepeatsChangeNothing(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	header := []any{"Year", "No", "Key", "Goal", "Metric", "Status", "Status date", "Comment"} // English names
	april := []any{2022, 7, "natverk", "Tydliga nätverk", "manual", "at risk", date("2022-04-03"), "Pausat."}
	november := []any{2022, 7, "natverk", "Tydliga nätverk", "manual", "met", date("2022-11-08"), "Klart."}
	first := importOn(t, s, "2026-11-22", header, april)
	second := importOn(t, s, "2026-11-22", header, november)
	if second.Batch == nil || second.Plan.Counts["goals"].Changed != 1 {
		t.Fatalf("a new status is a change of the goal: %+v", second.Plan.Counts["goals"])
	}
	if g := goalOn(t, s, "natverk", "2022-06-30"); g.Status != analytics.StatusAtRisk || g.Comment != "Pausat." {
		t.Errorf("the April status is kept for June: %s %q", g.Status, g.Comment)
	}
	if g := goalOn(t, s, "natverk", "2022-12-31"); g.Status != analytics.StatusMet || g.Comment != "Klart." {
		t.Errorf("December: %s %q", g.Status, g.Comment)
	}
	// Each file again, in either order, says nothing new.
	for _, rows := range [][]any{november, april} {
		before := dump(t, s)
		if res := importOn(t, s, "2026-11-23", header, rows); res.Batch != nil || dump(t, s) != before {
			t.Errorf("%v again: %d changes", rows[6], res.Plan.Changes())
		}
	}
	// An undated status the goal already has by its due date is nothing new either.
	undated := []any{2022, 7, "natverk", "Tydliga nätverk", "manual", "met", nil, "Klart."}
	if res := importOn(t, s, "2026-11-23", header, undated); res.Batch != nil {
		t.Errorf("undated repeat: %d changes", res.Plan.Changes())
	}
	history, _ := s.GoalStatusHistory(ctx, goalOn(t, s, "natverk", "2022-12-31").ID, time.Time{})
	if len(history) != 2 {
		t.Errorf("history %+v, want the two statuses", history)
	}
	// Undo takes the November status back out, and only it.
	if _, err := importer.Undo(ctx, s, second.Batch.ID, "test", "en"); err != nil {
		t.Fatal(err)
	}
	if g := goalOn(t, s, "natverk", "2022-12-31"); g.Status != analytics.StatusAtRisk {
		t.Errorf("after undo: %s, want the April status", g.Status)
	}
	if _, err := importer.Undo(ctx, s, first.Batch.ID, "test", "en"); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "SELECT count(*) FROM goal_statuses"); n != 0 {
		t.Errorf("after undoing both: %d status rows", n)
	}
}
