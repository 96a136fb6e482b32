package analytics

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"malbild/analytics/store"
)

// insert writes rows with DuckDB's appender on the import's own connection,
// in its transaction: straight into the table when every column is of a
// type whose values the appender takes exactly as a cast from text would
// read them (directTypes), else through a staged table (insertStaged).
// Going straight saves the staged copy, which DuckDB holds until the
// transaction ends even once it is dropped (issue 18: some 20 MB of
// DuckDB's memory and more of its allocator's for 100 000 members).
func (t *importTable[T]) insert(ctx context.Context, tx *store.Tx, conn *store.Conn, rows []*T) error {
	if len(rows) == 0 {
		return nil
	}
	types, err := t.directTypes(ctx, tx)
	if err != nil {
		return fmt.Errorf("insert into %s: %w", t.name, err)
	}
	if types == nil {
		return t.insertStaged(ctx, tx, conn, rows)
	}
	// DuckDB's appender holds what it is given until it is closed (up to
	// 204 800 rows) and only then adds it to the table: appending in parts
	// keeps one part held beside the table's rows, not a second copy of
	// them all (issue 18: some 20 MB at 100 000 members).
	for start := 0; start < len(rows); start += appendPart {
		part := rows[start:min(len(rows), start+appendPart)]
		if err := t.appendRows(conn, t.name, part, func(j int, v any) (any, error) { return directValue(v, types[j]) }); err != nil {
			return err
		}
	}
	return nil
}

// appendRows appends rows to table (t's own or its staged copy) with
// DuckDB's appender, each value as convert gives it for column j; the first
// value convert refuses is the error.
func (t *importTable[T]) appendRows(conn *store.Conn, table string, rows []*T, convert func(j int, v any) (any, error)) error {
	var bad error
	values := make([]any, len(t.columns))
	err := conn.Append(table, len(rows), func(i int) []any {
		for j, v := range t.values(rows[i]) {
			var err error
			if values[j], err = convert(j, v); err != nil && bad == nil {
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
	return nil
}

// appendPart is how many rows one appender adds: eight of DuckDB's
// vectors.
const appendPart = 8 * 2048

// directTypes are the types of the table's columns when they are the
// import's columns, in order, and each of a type directValue writes; nil
// when the table needs the staged insert (a DECIMAL column, say).
func (t *importTable[T]) directTypes(ctx context.Context, tx *store.Tx) ([]string, error) {
	var names, types []string
	err := scanAll(ctx, tx, `SELECT column_name, data_type FROM duckdb_columns()
		WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?
		ORDER BY column_index`, []any{t.name}, func(rows *store.Rows) error {
		var name, typ string
		err := rows.Scan(&name, &typ)
		names, types = append(names, name), append(types, typ)
		return err
	})
	if err != nil || len(names) != len(t.columns) {
		return nil, err
	}
	for i, name := range names {
		switch types[i] {
		case "VARCHAR", "INTEGER", "BIGINT", "DOUBLE", "DATE":
		default:
			return nil, nil
		}
		if name != t.columns[i] {
			return nil, nil
		}
	}
	return types, nil
}

// directValue is a column value as the appender takes it for a column of
// type typ, the same value the staged insert's cast from text gives: text
// as stagedText writes it, whole numbers checked to fit, a date as the
// calendar day the text would name.
func directValue(v any, typ string) (any, error) {
	if f, ok := v.(*float64); ok {
		if f == nil {
			return nil, nil
		}
		v = *f
	}
	if v == nil {
		return nil, nil
	}
	switch typ {
	case "VARCHAR":
		return stagedText(v)
	case "INTEGER", "BIGINT":
		var n int64
		switch x := v.(type) {
		case int:
			n = int64(x)
		case int64:
			n = x
		case int32:
			n = int64(x)
		default:
			return nil, fmt.Errorf("a %T for an %s column", v, typ)
		}
		if typ == "BIGINT" {
			return n, nil
		}
		if n < math.MinInt32 || n > math.MaxInt32 {
			return nil, fmt.Errorf("%d does not fit an INTEGER column", n)
		}
		return int32(n), nil
	case "DOUBLE":
		if x, ok := v.(float64); ok {
			return x, nil
		}
	case "DATE":
		if x, ok := v.(time.Time); ok {
			// the appender counts days of the time's Unix seconds (UTC);
			// the text was the day in the time's own location
			return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	return nil, fmt.Errorf("a %T for a %s column", v, typ)
}

// insertStaged writes rows through a staged table: DuckDB's appender
// fills a temporary table of text columns, and one INSERT … SELECT casts
// every value to its column's type, so numbers and dates arrive exactly as
// they would bound one by one. (Binding each value of a multi-row VALUES
// list cost seconds at 100 000 rows; a staged JSON document cost DuckDB
// the parsing.)
func (t *importTable[T]) insertStaged(ctx context.Context, tx *store.Tx, conn *store.Conn, rows []*T) error {
	stage := "import_stage_" + t.name
	texts := make([]string, len(t.columns))
	for i, c := range t.columns {
		texts[i] = c + " VARCHAR"
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("CREATE TEMP TABLE %s (%s)", stage, strings.Join(texts, ", "))); err != nil {
		return fmt.Errorf("insert into %s: %w", t.name, err)
	}
	if err := t.appendRows(conn, stage, rows, func(_ int, v any) (any, error) { return stagedText(v) }); err != nil {
		return err
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
