// Package analytics is Målbild's domain: the association's registry, every
// metric as SQL and the evaluation of goals, kept in the database that
// package store (analytics/store) owns. It knows nothing of HTTP; errors
// carry a Code that callers map to statuses.
package analytics

import (
	"context"
	"io/fs"
	"math"
	"time"

	"malbild/analytics/internal/handle"
	"malbild/analytics/store"
)

// Stockholm is the time zone every calendar date of the registry is read in.
var Stockholm = store.Stockholm

// DateOf returns the calendar date of t in Stockholm, as midnight UTC, the
// form every date of the registry is handled in.
func DateOf(t time.Time) time.Time { return store.DateOf(t) }

// Store is an open Målbild database. It is safe for concurrent use.
//
// It is the type the rest of the program uses (Open, Now, Today, Read,
// Write, the figures); the database itself is the store package's. The field
// db is that store, named db and offering QueryContext, QueryRowContext,
// ExecContext and PrepareContext as the *sql.DB it replaces did, so that the
// domain's SQL reads as it did before the split and every s.db.QueryContext
// of this package (and of code written beside the split) compiles unchanged.
type Store struct {
	db *store.Store
	// planned runs the query files with kept plans (eachRow).
	planned *store.Planned
	// Clock is the store's clock (Now, Today): tests set Now so that
	// "today" is fixed. It is the store's own, so both see one time.
	*store.Clock
}

func init() {
	// The packages under analytics (accounts, analyticstest) reach the
	// store of a Store through the internal package handle; Go keeps every
	// other package out.
	handle.Of = func(owner any) *store.Store {
		if s, ok := owner.(*Store); ok {
			return s.db
		}
		return nil
	}
}

// migrations are the schema's files, handed to the store as an fs.FS.
func migrations() fs.FS {
	sub, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		panic(err) // the folder is embedded, so this is a build defect
	}
	return sub
}

// Open opens (creating if needed) the DuckDB file at path and brings its
// schema up to date. An empty path opens a private in-memory database.
func Open(ctx context.Context, path string) (*Store, error) {
	db, err := store.Open(ctx, path)
	if err != nil {
		return nil, openError(path, err)
	}
	s := wrap(db)
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// A typo in a metric's SQL fails here, at boot, not in front of the board.
	if err := s.prepareQueries(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func wrap(db *store.Store) *Store {
	return &Store{db: db, Clock: &db.Clock, planned: db.NewPlanned(paramNames())}
}

// migrate applies the migrations not yet applied.
func (s *Store) migrate(ctx context.Context) error { return s.migrateTo(ctx, math.MaxInt) }

// migrateTo applies the migrations not yet applied, up to and including
// version: restore builds a backup's own schema version first, loads its
// data, and then migrates the rest.
func (s *Store) migrateTo(ctx context.Context, version int) error {
	return s.db.Migrate(ctx, migrations(), version)
}

// Close closes the database, flushing its write-ahead log.
func (s *Store) Close() error { return s.db.Close() }

// OnClose registers f to run when the store closes (packages that keep
// something per store, such as the accounts' session cache, forget it).
func (s *Store) OnClose(f func()) { s.db.OnClose(f) }

// Health reports whether the database answers: nil while it does.
func (s *Store) Health(ctx context.Context) error { return s.db.Health(ctx) }

// Serialized runs a write with no other write of this store beside it.
func (s *Store) Serialized(write func() error) error { return s.db.Serialized(write) }

// Read runs read in one transaction that is never committed: one consistent
// view of every table while it reads. Readers never wait for writers.
func (s *Store) Read(ctx context.Context, read func(*store.Tx) error) error {
	return s.db.Read(ctx, read)
}

// Write runs write in one transaction, with no other writer of this store
// beside it, and commits when write returns nil; an error from write rolls
// everything back. The error of a failed commit is returned as DuckDB gave it.
func (s *Store) Write(ctx context.Context, write func(*store.Tx) error) error {
	return s.db.Write(ctx, write)
}

// WriteAfter is Write with first, when not nil, run once the writer lock is
// held and before the transaction begins, so that nothing is written between
// the two (the dashboard's backup just before an import). An error from first
// stops before anything is written.
func (s *Store) WriteAfter(ctx context.Context, first func() error, write func(*store.Tx) error) error {
	return s.db.WriteAfter(ctx, first, write)
}
