package analytics

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

// monthEndDays finds a range's days among the values computed; it must name
// the days the month_ends macro gives, and as_of_days must add the extra days
// to them, each once.
func TestMonthEndDaysMatchTheMacro(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := func(s string) time.Time {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	for _, c := range []struct{ from, to, extra string }{
		{"2026-06-30", "2026-06-30", ""}, {"2026-01-01", "2026-01-01", ""}, {"2025-01-01", "2026-06-15", ""},
		{"2024-02-29", "2025-02-28", ""}, {"2026-03-31", "2026-03-30", ""}, {"2026-07-01", "2026-06-30", "2026-01-01,2026-06-30"},
		{"2025-06-01", "2026-06-15", "2026-01-01,2026-06-15,2025-12-31,2026-06-15"},
	} {
		from, to := d(c.from), d(c.to)
		want := monthEndDays(from, to)
		if c.extra != "" {
			for _, text := range strings.Split(c.extra, ",") {
				e := d(text)
				if !slices.ContainsFunc(want, e.Equal) {
					want = append(want, e)
				}
			}
			slices.SortFunc(want, func(a, b time.Time) int { return a.Compare(b) })
		}
		rows, err := s.db.QueryContext(ctx, `SELECT d FROM as_of_days(CAST(? AS DATE), CAST(? AS DATE), CAST(? AS VARCHAR)) ORDER BY d`,
			c.from, c.to, c.extra)
		if err != nil {
			t.Fatal(err)
		}
		var got []time.Time
		for rows.Next() {
			var g time.Time
			if err := rows.Scan(&g); err != nil {
				t.Fatal(err)
			}
			got = append(got, day(g))
		}
		rows.Close()
		if !slices.EqualFunc(got, want, time.Time.Equal) {
			t.Errorf("%s – %s + %q: SQL %v, Go %v", c.from, c.to, c.extra, got, want)
		}
	}
}
