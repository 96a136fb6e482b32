// Package analyticstest opens a fresh database per test, with the schema
// applied and the clock fixed.
package analyticstest

import (
	"context"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/internal/handle"
	"malbild/analytics/store"
)

// Today is the fixed "today" of stores opened by New.
var Today = time.Date(2026, 11, 22, 12, 0, 0, 0, analytics.Stockholm)

// New opens a private in-memory DuckDB with the schema applied, closed when
// the test ends.
func New(t testing.TB) *analytics.Store {
	t.Helper()
	s, err := analytics.Open(context.Background(), "")
	if err != nil {
		t.Fatalf("open in-memory store: %v", err)
	}
	s.Now = func() time.Time { return Today }
	t.Cleanup(func() { s.Close() })
	return s
}

// Exec runs statements on the store, failing the test on the first error;
// it is how tests build small data sets that are obvious by reading them.
func Exec(t testing.TB, s *analytics.Store, statements ...string) {
	t.Helper()
	for _, q := range statements {
		if _, err := Handle(s).Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// Handle is the store under s, for tests that set up or check rows with
// raw SQL. Only tests use it (package analyticstest is imported by tests
// alone): the pages, the import and the exports read and write through the
// functions of analytics. It is the one door to raw SQL outside the domain.
func Handle(s *analytics.Store) DB { return DB{handle.Of(s)} }

// DB runs a test's raw SQL on a store, with the method names of *sql.DB
// that tests use (no context: a test's SQL runs to the end).
type DB struct{ s *store.Store }

// Exec runs a statement.
func (d DB) Exec(query string, args ...any) (store.Result, error) {
	return d.s.ExecContext(context.Background(), query, args...)
}

// Query runs a query.
func (d DB) Query(query string, args ...any) (*store.Rows, error) {
	return d.s.QueryContext(context.Background(), query, args...)
}

// QueryRow runs a query that returns at most one row.
func (d DB) QueryRow(query string, args ...any) *store.Row {
	return d.s.QueryRowContext(context.Background(), query, args...)
}

// QueryContext runs a query (what analytics.CheckReferences asks of its argument).
func (d DB) QueryContext(ctx context.Context, query string, args ...any) (*store.Rows, error) {
	return d.s.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a query that returns at most one row.
func (d DB) QueryRowContext(ctx context.Context, query string, args ...any) *store.Row {
	return d.s.QueryRowContext(ctx, query, args...)
}
