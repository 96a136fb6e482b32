package analytics

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"malbild/analytics/store"
)

// insertChunk rows are staged in one JSON document: a 100 000-row import is
// 20 statements, and each document stays about two megabytes (larger chunks
// measured no faster).
const insertChunk = 5_000

// insert writes rows with one INSERT … SELECT per chunk from a staged JSON
// document that DuckDB parses itself (issue 18: binding each value of a
// multi-row VALUES list cost seconds at 100 000 rows). Every value is staged
// as text, or null, and cast by DuckDB to its column's type, so numbers and
// dates arrive exactly as they would bound one by one.
func (t *importTable[T]) insert(ctx context.Context, tx *store.Tx, rows []*T) error {
	if len(rows) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, t.stagedInsertSQL())
	if err != nil {
		return fmt.Errorf("insert into %s: %w", t.name, err)
	}
	defer stmt.Close()
	var doc []byte
	for start := 0; start < len(rows); start += insertChunk {
		if doc, err = t.stage(doc[:0], rows[start:min(len(rows), start+insertChunk)]); err != nil {
			return fmt.Errorf("insert into %s: %w", t.name, err)
		}
		if _, err := stmt.ExecContext(ctx, string(doc)); err != nil {
			return fmt.Errorf("insert into %s: %w", t.name, err)
		}
	}
	return nil
}

// stagedInsertSQL inserts the rows of a JSON array of objects keyed by
// column name.
func (t *importTable[T]) stagedInsertSQL() string {
	fields := make([]string, len(t.columns))
	for i, c := range t.columns {
		fields[i] = strconv.Quote(c) + `:"VARCHAR"`
	}
	cols := strings.Join(t.columns, ", ")
	return fmt.Sprintf(`INSERT INTO %s (%s) SELECT %s FROM (SELECT unnest(from_json(?::JSON, '[{%s}]'), recursive := true))`,
		t.name, cols, cols, strings.Join(fields, ","))
}

// stage appends rows to buf as a JSON array of objects, every value text.
// Text that is not UTF-8 is refused: JSON would replace it silently (the
// importer never lets such text through).
func (t *importTable[T]) stage(buf []byte, rows []*T) ([]byte, error) {
	buf = append(buf, '[')
	for i, row := range rows {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '{')
		for j, v := range t.values(row) {
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendQuote(buf, t.columns[j])
			buf = append(buf, ':')
			var err error
			if buf, err = appendStaged(buf, v); err != nil {
				return nil, fmt.Errorf("%s: %w", t.columns[j], err)
			}
		}
		buf = append(buf, '}')
	}
	return append(buf, ']'), nil
}

// appendStaged writes a column value as a JSON string, or null.
func appendStaged(buf []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(buf, "null"...), nil
	case *float64:
		if x == nil {
			return append(buf, "null"...), nil
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
	quoted, err := json.Marshal(text)
	return append(buf, quoted...), err
}
