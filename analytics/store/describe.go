package store

import (
	"context"
	"database/sql/driver"
	"fmt"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Shape is what preparing a statement tells about it before it runs.
type Shape struct {
	Params  []string // the names of its parameters, as DuckDB sees them
	Columns []string // the names of its result columns
	// Unbound is true when DuckDB could not bind the whole statement before
	// it runs (it defers a statement that passes a bare parameter to a table
	// function, or uses one without a type): a column's type is unknown.
	Unbound bool
}

// Describe prepares each of queries on one connection, in order, and hands
// check its index, its Shape and the error of preparing it; the first error
// check returns stops it. It is the boot-time check of every query file.
func (s *Store) Describe(ctx context.Context, queries []string, check func(i int, sh Shape, err error) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		prep, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return fmt.Errorf("prepare queries: driver connection %T cannot prepare", dc)
		}
		for i, q := range queries {
			sh, err := describe(ctx, prep, q)
			if err := check(i, sh, err); err != nil {
				return err
			}
		}
		return nil
	})
}

func describe(ctx context.Context, prep driver.ConnPrepareContext, query string) (Shape, error) {
	stmt, err := prep.PrepareContext(ctx, query)
	if err != nil {
		return Shape{}, err
	}
	defer stmt.Close()
	ds, ok := stmt.(*duckdb.Stmt)
	if !ok {
		return Shape{}, fmt.Errorf("statement %T is not DuckDB's", stmt)
	}
	var sh Shape
	for i := 1; i <= ds.NumInput(); i++ {
		name, err := ds.ParamName(i)
		if err != nil {
			return Shape{}, err
		}
		sh.Params = append(sh.Params, name)
	}
	n, err := ds.ColumnCount()
	if err != nil {
		return Shape{}, err
	}
	for i := 0; i < n; i++ {
		t, err := ds.ColumnType(i)
		if err != nil {
			return Shape{}, err
		}
		if t == duckdb.TYPE_INVALID {
			sh.Unbound = true
		}
		name, err := ds.ColumnName(i)
		if err != nil {
			return Shape{}, err
		}
		sh.Columns = append(sh.Columns, name)
	}
	return sh, nil
}
