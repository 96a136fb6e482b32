package analytics

import (
	"context"
	"database/sql/driver"
	"fmt"
	"slices"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// prepareQueries loads every query file and prepares it against the schema,
// so that a typo or a reference to a missing table or column fails when the
// store opens rather than in front of the board. Open calls it after
// migrating. It also checks what preparing alone would let through: that
// DuckDB could bind the whole statement (it defers binding a statement that
// passes a bare parameter to a table function, or uses one without a type, so
// query files put every parameter in a CAST, also where it is the argument of
// one of migration 009's table macros, as in active_members(CAST($on AS DATE))),
// that DuckDB sees the parameters the file names, and that a metric's query
// returns the columns d, value and service.
func (s *Store) prepareQueries(ctx context.Context) error {
	qs, err := queries()
	if err != nil {
		return err
	}
	names := make([]string, 0, len(qs))
	for name := range qs {
		names = append(names, name)
	}
	slices.Sort(names)
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
		for _, name := range names {
			if err := checkQuery(ctx, prep, qs[name]); err != nil {
				return fmt.Errorf("query %s: %w", name, err)
			}
		}
		return nil
	})
}

// checkQuery prepares one query on a raw DuckDB connection and checks it.
func checkQuery(ctx context.Context, prep driver.ConnPrepareContext, q namedQuery) error {
	stmt, err := prep.PrepareContext(ctx, q.sql)
	if err != nil {
		return err
	}
	defer stmt.Close()
	ds, ok := stmt.(*duckdb.Stmt)
	if !ok {
		return fmt.Errorf("statement %T is not DuckDB's", stmt)
	}
	for i := 1; i <= ds.NumInput(); i++ {
		name, err := ds.ParamName(i)
		if err != nil {
			return err
		}
		if !slices.Contains(q.params, name) {
			return fmt.Errorf("DuckDB sees a parameter $%s the file does not name", name)
		}
	}
	n, err := ds.ColumnCount()
	if err != nil {
		return err
	}
	var columns []string
	for i := 0; i < n; i++ {
		t, err := ds.ColumnType(i)
		if err != nil {
			return err
		}
		if t == duckdb.TYPE_INVALID {
			return fmt.Errorf("DuckDB cannot bind it before it runs: pass parameters only to scalar expressions, each in a CAST")
		}
		name, err := ds.ColumnName(i)
		if err != nil {
			return err
		}
		columns = append(columns, name)
	}
	if _, isMetric := LookupMetric(q.name); isMetric && !slices.Equal(columns, []string{"d", "value", "service"}) {
		return fmt.Errorf("a metric's query returns d, value, service; this one returns %v", columns)
	}
	return nil
}
