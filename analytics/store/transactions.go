package store

import "context"

// Serialized runs a write with no other write of this store beside it.
func (s *Store) Serialized(write func() error) error {
	s.writing.Lock()
	defer s.writing.Unlock()
	return write()
}

// Read runs read in one transaction that is never committed: one consistent
// view of every table while it reads. Readers never wait for writers.
func (s *Store) Read(ctx context.Context, read func(*Tx) error) error {
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
func (s *Store) Write(ctx context.Context, write func(*Tx) error) error {
	return s.WriteAfter(ctx, nil, write)
}

// WriteAfter is Write with first, when not nil, run once the writer lock is
// held and before the transaction begins, so that nothing is written between
// the two (the dashboard's backup just before an import). An error from first
// stops before anything is written.
func (s *Store) WriteAfter(ctx context.Context, first func() error, write func(*Tx) error) error {
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
