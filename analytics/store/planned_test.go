package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"malbild/analytics/store"
)

func ptr(s string) *string { return &s }

// sumOf runs the planned statement that adds the rows of t up to the
// argument "upto".
func sumOf(t *testing.T, p *store.Planned, upto *string) (int64, error) {
	t.Helper()
	var sum *int64
	err := p.Query(context.Background(), "sum", `SELECT sum(id) FROM t WHERE id <= CAST((SELECT "upto" FROM query_args) AS INTEGER)`,
		[]*string{upto, nil}, func(rows *store.Rows) error {
			for rows.Next() {
				if err := rows.Scan(&sum); err != nil {
					return err
				}
			}
			return nil
		})
	if sum == nil {
		return -1, err
	}
	return *sum, err
}

// A kept plan reads each run's own arguments and the data as they are when
// it runs, on as many connections as run side by side.
func TestPlannedStatementsReadEachRunsArgumentsAndTheCurrentData(t *testing.T) {
	s := open(t)
	if _, err := s.ExecContext(context.Background(), `CREATE TABLE t (id INTEGER); INSERT INTO t SELECT range FROM range(1, 101)`); err != nil {
		t.Fatal(err)
	}
	p := s.NewPlanned([]string{"upto", "other"})
	var wg sync.WaitGroup
	for i := range 40 { // more than the connections: the rest wait for one
		wg.Go(func() {
			n := i + 1
			got, err := sumOf(t, p, ptr(fmt.Sprint(n)))
			if want := int64(n * (n + 1) / 2); err != nil || got != want {
				t.Errorf("sum up to %d = %d, %v; want %d", n, got, err, want)
			}
		})
	}
	wg.Wait()
	if got, err := sumOf(t, p, nil); err != nil || got != -1 {
		t.Errorf("with a NULL argument: %d, %v; want no sum", got, err)
	}
	if _, err := s.ExecContext(context.Background(), `INSERT INTO t VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	if got, err := sumOf(t, p, ptr("1")); err != nil || got != 2 {
		t.Errorf("after an insert: %d, %v; want 2", got, err)
	}
	// A table the plan reads is replaced: DuckDB plans it again.
	if _, err := s.ExecContext(context.Background(), `DROP TABLE t; CREATE TABLE t (id BIGINT); INSERT INTO t VALUES (5)`); err != nil {
		t.Fatal(err)
	}
	if got, err := sumOf(t, p, ptr("10")); err != nil || got != 5 {
		t.Errorf("after the table was replaced: %d, %v; want 5", got, err)
	}
}

// A run that fails leaves no trace in the next: its connection is closed and
// a fresh one opened.
func TestAPlannedRunThatFailsDoesNotSpoilTheNext(t *testing.T) {
	s := open(t)
	if _, err := s.ExecContext(context.Background(), `CREATE TABLE t (id INTEGER); INSERT INTO t VALUES (1), (2)`); err != nil {
		t.Fatal(err)
	}
	p := s.NewPlanned([]string{"upto", "other"})
	if _, err := sumOf(t, p, ptr("not a number")); err == nil {
		t.Fatal("a cast that fails gave no error")
	}
	if err := p.Query(context.Background(), "x", `SELECT 1`, []*string{nil}, func(*store.Rows) error { return nil }); err == nil {
		t.Error("a run with too few arguments gave no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.Query(ctx, "one", `SELECT 1`, []*string{nil, nil}, func(*store.Rows) error { return nil }); err == nil {
		t.Error("a run with a cancelled context gave no error")
	}
	if got, err := sumOf(t, p, ptr("2")); err != nil || got != 3 {
		t.Errorf("after failures: %d, %v; want 3", got, err)
	}
}

// A kept plan does not carry what the data were when it was made: DuckDB's
// statistics would turn a filter no row met yet into an empty result (its
// issue 23704), so the planned connections plan without them.
func TestAKeptPlanSeesRowsAddedAfterIt(t *testing.T) {
	s := open(t)
	if _, err := s.ExecContext(context.Background(), `CREATE TABLE t (id INTEGER); INSERT INTO t SELECT range FROM range(100)`); err != nil {
		t.Fatal(err)
	}
	p := s.NewPlanned([]string{"upto", "other"})
	count := func() (n int64) {
		t.Helper()
		err := p.Query(context.Background(), "count", `SELECT count(*) FROM t WHERE id = 200`, []*string{nil, nil}, func(rows *store.Rows) error {
			for rows.Next() {
				if err := rows.Scan(&n); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(); n != 0 {
		t.Fatalf("before: %d", n)
	}
	if _, err := s.ExecContext(context.Background(), `INSERT INTO t VALUES (200)`); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Errorf("the kept plan counts %d rows of id 200 after one was added, want 1", n)
	}
}

// Runs waiting for a connection are not stranded when opening one fails:
// each gets the error.
func TestPlannedRunsAllGetAnErrorWhenNoConnectionOpens(t *testing.T) {
	s := open(t)
	p := s.NewPlanned([]string{"same", "same"}) // its argument table cannot be made
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	for range 40 {
		wg.Go(func() {
			if err := p.Query(ctx, "one", `SELECT 1`, []*string{nil, nil}, func(*store.Rows) error { return nil }); err == nil || ctx.Err() != nil {
				t.Errorf("err = %v, context %v", err, ctx.Err())
			}
		})
	}
	wg.Wait()
}

// A run with the arguments of the run before on its connection writes no
// new ones; the next run with others, a NULL among them, reads its own.
func TestPlannedRunsOfTheSameArgumentsInTurn(t *testing.T) {
	s := open(t)
	if _, err := s.ExecContext(context.Background(), `CREATE TABLE t (id INTEGER); INSERT INTO t SELECT range FROM range(1, 11)`); err != nil {
		t.Fatal(err)
	}
	p := s.NewPlanned([]string{"upto", "other"})
	for _, upto := range []*string{ptr("3"), ptr("3"), ptr("4"), nil, nil, ptr("3"), ptr("10"), ptr("10")} {
		want := int64(-1)
		if upto != nil {
			var n int64
			fmt.Sscan(*upto, &n)
			want = n * (n + 1) / 2
		}
		if got, err := sumOf(t, p, upto); err != nil || got != want {
			t.Errorf("sum up to %v = %d, %v; want %d", upto, got, err, want)
		}
	}
}
