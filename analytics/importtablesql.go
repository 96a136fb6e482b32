package analytics

import (
	"context"
	"fmt"
	"strings"

	"malbild/analytics/store"
)

// selectAll reads every row of the table, in key order.
func (t *importTable[T]) selectAll(ctx context.Context, q *store.Tx, each func(*T)) error {
	query := fmt.Sprintf("SELECT %s FROM %s ORDER BY %s",
		strings.Join(t.selects, ", "), t.name, strings.Join(t.columns[:t.keyCols], ", "))
	return scanAll(ctx, q, query, nil, func(rows *store.Rows) error {
		row, err := t.scan(rows)
		if err != nil {
			return fmt.Errorf("read %s: %w", t.name, err)
		}
		each(row)
		return nil
	})
}

// selectByKey reads the row with the key of row, or nil if there is none.
func (t *importTable[T]) selectByKey(ctx context.Context, q *store.Tx, row *T) (*T, error) {
	query := fmt.Sprintf("SELECT %s FROM %s WHERE %s", strings.Join(t.selects, ", "), t.name, t.keyCondition())
	var found *T
	err := scanAll(ctx, q, query, t.values(row)[:t.keyCols], func(rows *store.Rows) error {
		var err error
		found, err = t.scan(rows)
		return err
	})
	return found, err
}

// deleteBatchSize ids go into one DELETE: far fewer round trips than one
// statement per row, and well within DuckDB's limits on parameters.
const deleteBatchSize = 200

// update writes every non-key column of row, found by its key.
func (t *importTable[T]) update(ctx context.Context, tx *store.Tx, row *T) error {
	sets := make([]string, 0, len(t.columns)-t.keyCols)
	for _, c := range t.columns[t.keyCols:] {
		sets = append(sets, c+" = ?")
	}
	values := t.values(row)
	args := append(values[t.keyCols:], values[:t.keyCols]...)
	query := fmt.Sprintf("UPDATE %s SET %s WHERE %s", t.name, strings.Join(sets, ", "), t.keyCondition())
	if _, err := tx.ExecContext(ctx, query, args...); err != nil {
		return fmt.Errorf("update %s: %w", t.name, err)
	}
	return nil
}

// removeAll deletes the rows with the keys of rows: a table with an id in
// batches of ids, others row by row.
func (t *importTable[T]) removeAll(ctx context.Context, tx *store.Tx, rows []*T) error {
	if t.keyCols > 1 {
		query := fmt.Sprintf("DELETE FROM %s WHERE %s", t.name, t.keyCondition())
		for _, row := range rows {
			if _, err := tx.ExecContext(ctx, query, t.values(row)[:t.keyCols]...); err != nil {
				return fmt.Errorf("delete from %s: %w", t.name, err)
			}
		}
		return nil
	}
	for start := 0; start < len(rows); start += deleteBatchSize {
		batch := rows[start:min(len(rows), start+deleteBatchSize)]
		ids := make([]any, len(batch))
		for i, row := range batch {
			ids[i] = t.values(row)[0]
		}
		query := fmt.Sprintf("DELETE FROM %s WHERE %s IN (%s)", t.name, t.columns[0],
			strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", "))
		if _, err := tx.ExecContext(ctx, query, ids...); err != nil {
			return fmt.Errorf("delete from %s: %w", t.name, err)
		}
	}
	return nil
}

func (t *importTable[T]) keyCondition() string {
	conds := make([]string, t.keyCols)
	for i, c := range t.columns[:t.keyCols] {
		conds[i] = c + " = ?"
	}
	return strings.Join(conds, " AND ")
}

// scanAll runs query and calls scan for each row.
func scanAll(ctx context.Context, q *store.Tx, query string, args []any, scan func(*store.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
