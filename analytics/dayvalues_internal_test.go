package analytics

import (
	"context"
	"slices"
	"strings"
	"sync"
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

// A day a query is computing is not computed again beside it: the second
// request waits for the first's query, and computes the day itself only if
// that query failed.
func TestADayBeingComputedIsWaitedFor(t *testing.T) {
	c := NewDayCache()
	jan, feb, mar := ymd(2026, 1, 31), ymd(2026, 2, 28), ymd(2026, 3, 31)
	first, busy := c.claim("members", map[time.Time]bool{jan: true, feb: true})
	if len(first) != 2 || len(busy) != 0 {
		t.Fatalf("the first claim got %v and waits for %d", first, len(busy))
	}
	second, busy := c.claim("members", map[time.Time]bool{feb: true, mar: true})
	if !slices.Equal(second, []time.Time{mar}) || len(busy) != 1 {
		t.Fatalf("beside it a claim got %v and waits for %d; want March and one wait", second, len(busy))
	}
	if other, busy := c.claim("members_lost", map[time.Time]bool{feb: true}); len(other) != 1 || len(busy) != 0 {
		t.Errorf("another metric's February waited: got %v, %d waits", other, len(busy))
	}
	c.settle("members", first, nil, context.Canceled)
	select {
	case <-busy[0]:
	default:
		t.Fatal("the waiter was not woken when the query failed")
	}
	again, busy := c.claim("members", map[time.Time]bool{jan: true, feb: true})
	if len(again) != 2 || len(busy) != 0 {
		t.Errorf("after a failed query its days were not free to compute: got %v, %d waits", again, len(busy))
	}
	v := 7.0
	c.settle("members", again, []Point{{Date: jan, Value: &v}, {Date: feb, Value: &v}}, nil)
	if kept, busy := c.claim("members", map[time.Time]bool{jan: true, feb: true}); len(kept) != 0 || len(busy) != 0 {
		t.Errorf("days computed are claimed again: %v, %d waits", kept, len(busy))
	}
}

// Requests side by side with one DayCache, as the pages rendered after a
// write are, all get the values a request of its own computes.
func TestRequestsSideBySideGetTheirOwnValues(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.ExecContext(ctx, `INSERT INTO members (name, kind, joined_on, left_on) VALUES
		('Ale', 'kommun', DATE '2020-03-01', NULL), ('Bjuv', 'kommun', DATE '2021-06-15', DATE '2025-06-30'),
		('Region Y', 'region', DATE '2024-01-01', NULL)`); err != nil {
		t.Fatal(err)
	}
	m, err := lookupMetric("members")
	if err != nil {
		t.Fatal(err)
	}
	args, err := m.bindParams(nil)
	if err != nil {
		t.Fatal(err)
	}
	days := []time.Time{ymd(2020, 12, 31), ymd(2021, 12, 31), ymd(2024, 6, 30), ymd(2025, 12, 31)}
	want, err := s.metricOnDays(ctx, m, args, days)
	if err != nil {
		t.Fatal(err)
	}
	cache := NewDayCache()
	got := make([][]Point, 8)
	errs := make([]error, len(got))
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			request := WithDayValues(WithDayCache(ctx, cache), false)
			got[i], errs[i] = s.metricValues(request, m, args, days[i%2:])
		})
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil || !samePoints(got[i], want[i%2:]) {
			t.Errorf("request %d: %v, %v; want %v", i, got[i], errs[i], want[i%2:])
		}
	}
}

func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func samePoints(a, b []Point) bool {
	return slices.EqualFunc(a, b, func(p, q Point) bool {
		return p.Date.Equal(q.Date) && p.Value != nil && q.Value != nil && *p.Value == *q.Value
	})
}
