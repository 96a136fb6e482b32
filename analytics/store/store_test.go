package store_test

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"malbild/analytics/store"
)

func open(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func count(t *testing.T, s *store.Store, query string) int {
	t.Helper()
	var n int
	if err := s.QueryRowContext(context.Background(), query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

var schema = fstest.MapFS{
	"001_a.sql": {Data: []byte(`CREATE TABLE a (id INTEGER)`)},
	"002_b.sql": {Data: []byte(`CREATE TABLE b (id INTEGER); INSERT INTO a VALUES (1)`)},
	"notes.txt": {Data: []byte(`not a migration`)},
}

// Migrate applies the files in order, each once, up to the version asked.
func TestMigrateAppliesEachFileOnceInOrder(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	if err := s.Migrate(ctx, schema, 1); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, `SELECT count(*) FROM schema_migrations`); n != 1 {
		t.Errorf("up to 1: %d migrations applied, want 1", n)
	}
	for range 2 {
		if err := s.Migrate(ctx, schema, math.MaxInt); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM a`); n != 1 {
		t.Errorf("002 ran %d times, want once", n)
	}
	if v, err := store.Latest(schema); v != 2 || err != nil {
		t.Errorf("Latest = %d, %v; want 2", v, err)
	}
	for _, bad := range []fstest.MapFS{
		{"001_a.sql": {}, "001_b.sql": {}},
		{"first.sql": {}},
	} {
		if err := s.Migrate(ctx, bad, math.MaxInt); err == nil {
			t.Errorf("Migrate(%v) accepted it", bad)
		}
	}
}

// Write commits only what returns nil; WriteAfter's first runs before and
// its error stops everything.
func TestWriteCommitsOrRollsBack(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.ExecContext(ctx, `CREATE TABLE t (n INTEGER)`); err != nil {
		t.Fatal(err)
	}
	refused := errors.New("refused")
	insert := func(tx *store.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO t VALUES (1)`)
		return err
	}
	if err := s.Write(ctx, insert); err != nil {
		t.Fatal(err)
	}
	if err := s.Write(ctx, func(tx *store.Tx) error { insert(tx); return refused }); err != refused {
		t.Errorf("Write = %v, want the callback's error", err)
	}
	if err := s.WriteAfter(ctx, func() error { return refused }, insert); err != refused {
		t.Errorf("WriteAfter = %v, want first's error", err)
	}
	if n := count(t, s, `SELECT count(*) FROM t`); n != 1 {
		t.Errorf("%d rows, want the one committed", n)
	}
	if err := s.Read(ctx, insert); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, `SELECT count(*) FROM t`); n != 1 {
		t.Errorf("Read committed: %d rows", n)
	}
}

// Bulk appends and commits, or leaves nothing.
func TestBulkAppendsInOneTransaction(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.ExecContext(ctx, `CREATE TABLE t (n INTEGER, s VARCHAR)`); err != nil {
		t.Fatal(err)
	}
	rows := func(i int) []any { return []any{int32(i), nil} }
	if err := s.Bulk(ctx, func(c *store.Conn) error { return c.Append("t", 3, rows) }); err != nil {
		t.Fatal(err)
	}
	err := s.Bulk(ctx, func(c *store.Conn) error {
		if err := c.Append("t", 5, rows); err != nil {
			return err
		}
		return c.Append("t", 1, func(int) []any { return []any{"no number"} })
	})
	if err == nil {
		t.Error("a bad row was appended")
	}
	if n := count(t, s, `SELECT count(*) FROM t`); n != 3 {
		t.Errorf("%d rows, want the 3 of the first load", n)
	}
}

// Describe tells the parameters, the columns and a statement DuckDB cannot
// bind before it runs.
func TestDescribeTellsTheShape(t *testing.T) {
	s := open(t)
	var got []store.Shape
	err := s.Describe(context.Background(), []string{
		`SELECT CAST($on AS DATE) AS d, 1 AS value`,
		`SELECT $on AS d`,
	}, func(i int, sh store.Shape, err error) error {
		got = append(got, sh)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got[0].Params, ",") != "on" || strings.Join(got[0].Columns, ",") != "d,value" || got[0].Unbound {
		t.Errorf("first: %+v", got[0])
	}
	if !got[1].Unbound {
		t.Errorf("second: %+v, want unbound", got[1])
	}
	err = s.Describe(context.Background(), []string{`SELECT nosuch FROM nowhere`}, func(i int, sh store.Shape, err error) error { return err })
	if err == nil {
		t.Error("a query on a missing table was described")
	}
}

// Today is the date in Stockholm: 23:30 UTC on 31 December is already the
// new year there.
func TestTodayIsStockholmsDate(t *testing.T) {
	c := store.Clock{Now: func() time.Time { return time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC) }}
	if got := c.Today(); !got.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Today = %v, want 2026-01-01", got)
	}
}

// OnClose's functions run once, when the store closes.
func TestOnCloseRunsAtClose(t *testing.T) {
	s, err := store.Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	s.OnClose(func() { ran++ })
	if err := s.Health(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if ran != 1 {
		t.Errorf("ran %d times, want 1", ran)
	}
	if s.Health(context.Background()) == nil {
		t.Error("a closed store reports healthy")
	}
}
