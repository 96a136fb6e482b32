package export

import (
	"context"
	"io"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// The goals sheet carries the day of the board's latest input as
// Statusdatum: export → import keeps it, and importing again changes nothing.
func TestGoalStatusDateRoundTripsThroughTheImport(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO goals (id, year, number, key, text, metric, comparator, target) VALUES
		(1, 2022, 7, 'natverk', 'Tydliga nätverk', 'manual', NULL, NULL),
		(2, 2022, 1, 'medlemmar', '35 medlemmar', 'members', '>=', 35)`,
		`INSERT INTO goal_statuses (goal_id, set_on, status, comment) VALUES
		(1, DATE '2022-04-03', 'at_risk', 'Pausat.'),
		(1, DATE '2022-11-08', 'met', 'Klart.'),
		(2, DATE '2022-06-15', NULL, 'Två nya på väg.')`)
	f, data := workbook(t, func(w io.Writer) error { return Data(ctx, s, w, false) })
	header := rows(t, f, goalsFormat.name)[0]
	col := -1
	for i, h := range header {
		if h == "Statusdatum" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("goals sheet headers %q lack Statusdatum", header)
	}

	empty := analyticstest.New(t)
	importFile(t, empty, "data.xlsx", data)
	for _, c := range []struct {
		key, asOf, status, comment string
	}{
		{"natverk", "2022-11-07", "no_data", ""}, // only the latest status is in the sheet
		{"natverk", "2022-11-08", "met", "Klart."},
		{"medlemmar", "2022-06-14", "", ""},
		{"medlemmar", "2022-06-15", "", "Två nya på väg."},
	} {
		goals, err := empty.EvaluateGoals(ctx, 2022, day(c.asOf))
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range goals {
			if g.Key != c.key {
				continue
			}
			if (c.status != "" && string(g.Status) != c.status) || g.Comment != c.comment {
				t.Errorf("%s as of %s after export → import: %s %q, want %s %q", c.key, c.asOf, g.Status, g.Comment, c.status, c.comment)
			}
			if c.status == "met" && g.StatusDate != day("2022-11-08") {
				t.Errorf("status date %v, want 2022-11-08", g.StatusDate)
			}
		}
	}
	// Importing the export into either database again changes nothing.
	for name, db := range map[string]*analytics.Store{"the source": s, "the copy": empty} {
		if plan := importFile(t, db, "data.xlsx", data); plan.Changes() != 0 {
			t.Errorf("%s: importing the export again changes %d rows", name, plan.Changes())
		}
	}
}
