package analytics_test

import (
	"context"
	"testing"

	"malbild/analytics/analyticstest"
)

func TestPlanYearsAndComments(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	if years, err := s.PlanYears(ctx); err != nil || len(years) != 0 {
		t.Fatalf("empty database: %v %v", years, err)
	}
	analyticstest.Exec(t, s, `INSERT INTO goals (id, year, number, key, text, metric, comparator, target) VALUES
		(1, 2023, 1, 'a', 'A', 'members', '>=', 10), (2, 2021, 1, 'a', 'A', 'members', '>=', 5),
		(3, 2023, 2, 'b', 'B', 'members_lost', '=', 0)`,
		`INSERT INTO goal_comments (goal_id, written_on, author, body) VALUES
		(3, DATE '2023-05-01', 'kansliet', 'Vännäs har sagt upp sig.'),
		(1, DATE '2023-09-01', 'styrelsen', 'Två nya på väg.'),
		(1, DATE '2023-02-01', 'kansliet', 'Bra start.'),
		(2, DATE '2021-02-01', 'kansliet', 'Annat år.')`)
	years, err := s.PlanYears(ctx)
	if err != nil || len(years) != 2 || years[0] != 2021 || years[1] != 2023 {
		t.Fatalf("plan years = %v, %v", years, err)
	}
	comments, err := s.GoalComments(ctx, 2023, day("2023-12-31"))
	if err != nil || len(comments) != 3 {
		t.Fatalf("comments = %+v, %v", comments, err)
	}
	if comments[0].Body != "Bra start." || comments[1].Body != "Två nya på väg." || comments[2].GoalID != 3 {
		t.Errorf("order by goal and date: %+v", comments)
	}
	// DESIGN rule 4: a comment written after the as-of day is not known then;
	// one written on it is.
	for _, c := range []struct {
		asOf string
		want int
	}{{"2023-01-31", 0}, {"2023-02-01", 1}, {"2023-08-31", 2}, {"2023-09-01", 3}} {
		got, err := s.GoalComments(ctx, 2023, day(c.asOf))
		if err != nil || len(got) != c.want {
			t.Errorf("comments as of %s = %+v, %v; want %d", c.asOf, got, err, c.want)
		}
	}
}
