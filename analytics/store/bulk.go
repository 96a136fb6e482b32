package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"

	"github.com/duckdb/duckdb-go/v2"
)

// Conn is one connection in one transaction, for the work that needs a
// connection of its own: a bulk load with DuckDB's appender, a backup's
// snapshot, a restore's load. Bulk and Snapshot hand it out.
type Conn struct {
	conn *sql.Conn
}

// Bulk runs fn on one connection in one transaction, committed when fn
// returns nil and rolled back otherwise. It does not take the writer lock:
// its users write into a database nobody else writes (an empty one for the
// demo, a new file for a restore).
func (s *Store) Bulk(ctx context.Context, fn func(*Conn) error) error {
	return s.inConn(ctx, true, fn)
}

// Snapshot runs fn on one connection in one transaction that is never
// committed: one consistent view of every table (a backup's).
func (s *Store) Snapshot(ctx context.Context, fn func(*Conn) error) error {
	return s.inConn(ctx, false, fn)
}

func (s *Store) inConn(ctx context.Context, commit bool, fn func(*Conn) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN TRANSACTION`); err != nil {
		return err
	}
	if err := fn(&Conn{conn: conn}); err != nil || !commit {
		conn.ExecContext(context.Background(), `ROLLBACK`)
		return err
	}
	_, err = conn.ExecContext(ctx, `COMMIT`)
	return err
}

// WriteConn is WriteAfter (transactions.go) with the transaction on a
// connection of its own, handed to write beside it: the connection's Append
// then writes in the same transaction (an import's bulk insert).
func (s *Store) WriteConn(ctx context.Context, first func() error, write func(*Tx, *Conn) error) error {
	s.writing.Lock()
	defer s.writing.Unlock()
	if first != nil {
		if err := first(); err != nil {
			return err
		}
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := write(tx, &Conn{conn: conn}); err != nil {
		return err
	}
	return tx.Commit()
}

// QueryContext runs a query in the connection's transaction.
func (c *Conn) QueryContext(ctx context.Context, query string, args ...any) (*Rows, error) {
	return c.conn.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a query that returns at most one row.
func (c *Conn) QueryRowContext(ctx context.Context, query string, args ...any) *Row {
	return c.conn.QueryRowContext(ctx, query, args...)
}

// ExecContext runs a statement that returns no rows.
func (c *Conn) ExecContext(ctx context.Context, query string, args ...any) (Result, error) {
	return c.conn.ExecContext(ctx, query, args...)
}

// Append writes n rows into table with DuckDB's appender, about a hundred
// times faster than row-by-row INSERTs; row(i) is the i-th row's values in
// the table's column order (nil for NULL).
func (c *Conn) Append(table string, n int, row func(int) []any) error {
	return c.conn.Raw(func(dc any) error {
		a, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", table)
		if err != nil {
			return fmt.Errorf("appender %s: %w", table, err)
		}
		for i := 0; i < n; i++ {
			values := row(i)
			args := make([]driver.Value, len(values))
			for j, v := range values {
				args[j] = v
			}
			if err := a.AppendRow(args...); err != nil {
				a.Close()
				return fmt.Errorf("%s row %d: %w", table, i+1, err)
			}
		}
		if err := a.Close(); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
		return nil
	})
}
