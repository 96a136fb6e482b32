// Package analytics is Målbild's domain: the DuckDB store with its schema, the
// association's registry, every metric as SQL and the evaluation of goals.
// It knows nothing of HTTP; errors carry a Code that callers map to statuses.
package analytics

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"malbild/analytics/internal/handle"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver
	_ "time/tzdata"                    // Europe/Stockholm on machines without zoneinfo
)

// Stockholm is the time zone every calendar date of the registry is read in.
var Stockholm = mustLoadLocation("Europe/Stockholm")

// Store is an open Målbild database. It is safe for concurrent use.
type Store struct {
	db *sql.DB // only this package runs SQL on it
	// Now is the clock; tests replace it so that "today" is fixed.
	Now func() time.Time
	// writing serialises the writers: DuckDB fails the second of two
	// transactions that change the same row ("Conflict on update"), so
	// imports, undos and edits take turns. Readers never wait for it.
	writing sync.Mutex
	// closers run when the store closes (OnClose).
	closing sync.Mutex
	closers []func()
}

// Serialized runs a write with no other write of this store beside it.
func (s *Store) Serialized(write func() error) error {
	s.writing.Lock()
	defer s.writing.Unlock()
	return write()
}

// Read runs read in one transaction that is never committed: one consistent
// view of every table while it reads. Readers never wait for writers.
func (s *Store) Read(ctx context.Context, read func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return read(tx)
}

// Write runs write in one transaction, with no other writer of this store
// beside it, and commits when write returns nil; an error from write rolls
// everything back. The error of a failed commit is returned as DuckDB gave it.
func (s *Store) Write(ctx context.Context, write func(*sql.Tx) error) error {
	return s.WriteAfter(ctx, nil, write)
}

// WriteAfter is Write with first, when not nil, run once the writer lock is
// held and before the transaction begins, so that nothing is written between
// the two (the dashboard's backup just before an import). An error from first
// stops before anything is written.
func (s *Store) WriteAfter(ctx context.Context, first func() error, write func(*sql.Tx) error) error {
	s.writing.Lock()
	defer s.writing.Unlock()
	if first != nil {
		if err := first(); err != nil {
			return err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := write(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Open opens (creating if needed) the DuckDB file at path and brings its
// schema up to date. An empty path opens a private in-memory database.
func Open(ctx context.Context, path string) (*Store, error) {
	db, err := sql.Open("duckdb", path)
	if err != nil {
		return nil, openError(path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	s := &Store{db: db, Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// A typo in a metric's SQL fails here, at boot, not in front of the board.
	if err := s.prepareQueries(ctx); err != nil {
		db.Close()
		return nil, err
	}
	handle.Register(s, db)
	return s, nil
}

// Close closes the database, flushing its write-ahead log.
func (s *Store) Close() error {
	s.closing.Lock()
	closers := s.closers
	s.closers = nil
	s.closing.Unlock()
	for _, f := range closers {
		f()
	}
	handle.Forget(s)
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

// Today is the calendar date of the store's clock in Stockholm.
func (s *Store) Today() time.Time { return DateOf(s.Now()) }

// DateOf returns the calendar date of t in Stockholm, as midnight UTC, the
// form every date of the registry is handled in.
func DateOf(t time.Time) time.Time {
	y, m, d := t.In(Stockholm).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // time/tzdata is embedded, so this is a build defect
	}
	return loc
}
