// Package store owns Målbild's DuckDB file: it opens it, applies the
// migrations it is handed, keeps the clock, runs readers and writers (the
// writer lock is inside Write), makes the connections that backups, restores,
// bulk loads and the boot-time query check need, and answers the health
// check. The *sql.DB is an unexported field of Store and never leaves this
// package: the domain (package analytics and the packages under it) runs SQL
// through Store's query methods and the transactions handed to Read and
// Write. No other package imports database/sql or the driver
// (boundary_test.go checks it).
package store

import (
	"context"
	"database/sql"
	"sync"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver
)

// Store is an open DuckDB database. It is safe for concurrent use.
type Store struct {
	db *sql.DB
	// Clock is the store's "now"; tests replace its Now so that "today" is fixed.
	Clock
	// writing serialises the writers: DuckDB fails the second of two
	// transactions that change the same row ("Conflict on update"), so
	// imports, undos and edits take turns. Readers never wait for it.
	writing sync.Mutex
	// closers run when the store closes (OnClose).
	closing sync.Mutex
	closers []func()
}

// Open opens (creating if needed) the DuckDB file at path; an empty path is a
// private in-memory database. It does not migrate: see Migrate. The error of
// a failed open is DuckDB's, for the caller to explain (a file another
// process holds says "Could not set lock").
func Open(ctx context.Context, path string) (*Store, error) {
	db, err := sql.Open("duckdb", withDefaults(path))
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, Clock: Clock{Now: time.Now}}, nil
}

// Close runs what OnClose registered and closes the database, flushing its
// write-ahead log.
func (s *Store) Close() error {
	s.closing.Lock()
	closers := s.closers
	s.closers = nil
	s.closing.Unlock()
	for _, f := range closers {
		f()
	}
	return s.db.Close()
}

// OnClose registers f to run when the store closes (packages that keep
// something per store, such as the accounts' session cache, forget it).
func (s *Store) OnClose(f func()) {
	s.closing.Lock()
	defer s.closing.Unlock()
	s.closers = append(s.closers, f)
}

// Health reports whether the database answers: nil while it does.
func (s *Store) Health(ctx context.Context) error { return s.db.PingContext(ctx) }

// QueryContext runs a query outside any transaction (each statement is its own).
func (s *Store) QueryContext(ctx context.Context, query string, args ...any) (*Rows, error) {
	return s.db.QueryContext(ctx, query, args...)
}

// QueryEach runs a query outside any transaction and calls each with its
// rows before they close; the error is the query's, each's or the rows'.
func (s *Store) QueryEach(ctx context.Context, query string, each func(*Rows) error, args ...any) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	return eachRows(rows, err, each)
}

// eachRows calls each with rows, unless err says the query failed, and
// closes them.
func eachRows(rows *Rows, err error, each func(*Rows) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := each(rows); err != nil {
		return err
	}
	return rows.Err()
}

// QueryRowContext runs a query that returns at most one row.
func (s *Store) QueryRowContext(ctx context.Context, query string, args ...any) *Row {
	return s.db.QueryRowContext(ctx, query, args...)
}

// ExecContext runs a statement that returns no rows, in its own transaction
// and without the writer lock: for writes no import or edit touches (a
// login's session row); the rest go through Write.
func (s *Store) ExecContext(ctx context.Context, query string, args ...any) (Result, error) {
	return s.db.ExecContext(ctx, query, args...)
}

// PrepareContext prepares a statement for repeated use.
func (s *Store) PrepareContext(ctx context.Context, query string) (*Stmt, error) {
	return s.db.PrepareContext(ctx, query)
}
