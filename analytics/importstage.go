package analytics

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"malbild/analytics/store"
)

// insert writes rows through a staged table (issue 18): DuckDB's appender
// fills a temporary table of text columns on the import's own connection,
// in its transaction, and one INSERT … SELECT casts every value to its
// column's type, so numbers and dates arrive exactly as they would bound one
// by one. (Binding each value of a multi-row VALUES list cost seconds at
// 100 000 rows; a staged JSON document cost DuckDB the parsing.)
func (t *importTable[T]) insert(ctx context.Context, tx *store.Tx, conn *store.Conn, rows []*T) error {
	if len(rows) == 0 {
		return nil
	}
	stage := "import_stage_" + t.name
	texts := make([]string, len(t.columns))
	for i, c := range t.columns {
		texts[i] = c + " VARCHAR"
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("CREATE TEMP TABLE %s (%s)", stage, strings.Join(texts, ", "))); err != nil {
		return fmt.Errorf("insert into %s: %w", t.name, err)
	}
	var bad error
	values := make([]any, len(t.columns))
	err := conn.Append(stage, len(rows), func(i int) []any {
		for j, v := range t.values(rows[i]) {
			var err error
			if values[j], err = stagedText(v); err != nil && bad == nil {
				bad = fmt.Errorf("insert into %s: %s: %w", t.name, t.columns[j], err)
			}
		}
		return values
	})
	if bad != nil {
		return bad
	}
	if err != nil {
		return fmt.Errorf("insert into %s: %w", t.name, err)
	}
	cols := strings.Join(t.columns, ", ")
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s (%s) SELECT %s FROM %s", t.name, cols, cols, stage)); err != nil {
		return fmt.Errorf("insert into %s: %w", t.name, err)
	}
	if _, err := tx.ExecContext(ctx, "DROP TABLE "+stage); err != nil {
		return fmt.Errorf("insert into %s: %w", t.name, err)
	}
	return nil
}

// stagedText is a column value as text, or nil for NULL. Text that is not
// UTF-8 is refused: DuckDB would not hold it as VARCHAR (the importer never
// lets such text through).
func stagedText(v any) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case *float64:
		if x == nil {
			return nil, nil
		}
		v = *x
	case time.Time:
		v = x.Format(time.DateOnly)
	}
	var text string
	switch x := v.(type) {
	case string:
		text = x
	case float64:
		text = strconv.FormatFloat(x, 'f', -1, 64)
	default:
		text = fmt.Sprint(x)
	}
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("text %q is not UTF-8", text)
	}
	return text, nil
}
