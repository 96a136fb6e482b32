package analytics

import (
	"context"
	"fmt"
	"slices"

	"malbild/analytics/store"
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
	list := make([]namedQuery, len(names))
	for i, name := range names {
		list[i] = qs[name]
	}
	return s.checkQueries(ctx, list)
}

// checkQueries prepares each query (the store's Describe) and checks it.
func (s *Store) checkQueries(ctx context.Context, qs []namedQuery) error {
	texts := make([]string, len(qs))
	for i, q := range qs {
		texts[i] = q.sql
	}
	return s.db.Describe(ctx, texts, func(i int, sh store.Shape, err error) error {
		if err == nil {
			err = checkShape(qs[i], sh)
		}
		if err != nil {
			return fmt.Errorf("query %s: %w", qs[i].name, err)
		}
		return nil
	})
}

// checkShape checks what DuckDB says of one prepared query.
func checkShape(q namedQuery, sh store.Shape) error {
	for _, name := range sh.Params {
		if !slices.Contains(q.params, name) {
			return fmt.Errorf("DuckDB sees a parameter $%s the file does not name", name)
		}
	}
	if sh.Unbound {
		return fmt.Errorf("DuckDB cannot bind it before it runs: pass parameters only to scalar expressions, each in a CAST")
	}
	if _, isMetric := LookupMetric(q.name); isMetric && !slices.Equal(sh.Columns, []string{"d", "value", "service"}) {
		return fmt.Errorf("a metric's query returns d, value, service; this one returns %v", sh.Columns)
	}
	return nil
}
