// Package analyticstest opens a fresh database per test, with the schema
// applied and the clock fixed.
package analyticstest

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/internal/handle"
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

// Handle is the database handle of a store opened by analytics.Open, for
// tests that set up or check rows with raw SQL. Only tests use it: the
// handle is otherwise the store's own.
func Handle(s *analytics.Store) *sql.DB { return handle.Of(s) }
