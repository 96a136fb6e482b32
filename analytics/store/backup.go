package store

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// The mechanics of a backup (one Parquet file per table, read in one
// snapshot) and of a restore (the rows loaded back into a schema the
// migrations built). What a backup folder must hold, and what the user is
// told when it does not, is the domain's (analytics/backup.go).

// SchemaVersion is the newest migration applied to the database.
func (c *Conn) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := c.conn.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v)
	return v, err
}

// TableCounts is the rows of every table of the database, by table name.
func (c *Conn) TableCounts(ctx context.Context) (map[string]int64, error) {
	rows, err := c.conn.QueryContext(ctx, `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY table_name`)
	if err != nil {
		return nil, err
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return nil, err
		}
		tables = append(tables, t)
	}
	rows.Close()
	counts := map[string]int64{}
	for _, t := range tables {
		var n int64
		if err := c.conn.QueryRowContext(ctx, `SELECT count(*) FROM `+quoteIdent(t)).Scan(&n); err != nil {
			return nil, err
		}
		counts[t] = n
	}
	return counts, nil
}

// ExportTable writes every row of table into file as Parquet.
func (c *Conn) ExportTable(ctx context.Context, table, file string) error {
	_, err := c.conn.ExecContext(ctx, fmt.Sprintf(`COPY (SELECT * FROM %s) TO %s (FORMAT parquet)`,
		quoteIdent(table), quoteLiteral(file)))
	return err
}

// ImportTable loads the rows of the Parquet file into table, column by name
// (data only: INSERT … SELECT from read_parquet), and returns how many rows
// the table then has. The caller checks the file's path: read_parquet takes
// *, ?, [ ] and { } for a pattern.
func (c *Conn) ImportTable(ctx context.Context, table, file string) (int64, error) {
	if _, err := c.conn.ExecContext(ctx, fmt.Sprintf(`INSERT INTO %s BY NAME SELECT * FROM read_parquet(%s)`,
		quoteIdent(table), quoteLiteral(file))); err != nil {
		return 0, err
	}
	var n int64
	err := c.conn.QueryRowContext(ctx, `SELECT count(*) FROM `+quoteIdent(table)).Scan(&n)
	return n, err
}

// MigrationsVersionIn is the newest version of a schema_migrations table
// written as Parquet into file (0 when it is empty).
func (c *Conn) MigrationsVersionIn(ctx context.Context, file string) (int, error) {
	var v int
	err := c.conn.QueryRowContext(ctx, fmt.Sprintf(`SELECT coalesce(max(version), 0) FROM read_parquet(%s)`, quoteLiteral(file))).Scan(&v)
	return v, err
}

// LoadOrder lists the tables so that a table comes after the tables its
// foreign keys refer to (the older schemas have some), by name otherwise.
func (c *Conn) LoadOrder(ctx context.Context, tables map[string]int64) ([]string, error) {
	refers := map[string][]string{}
	rows, err := c.conn.QueryContext(ctx, `SELECT table_name, referenced_table FROM duckdb_constraints()
		WHERE schema_name = 'main' AND constraint_type = 'FOREIGN KEY'`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var t, r string
		if err := rows.Scan(&t, &r); err != nil {
			rows.Close()
			return nil, err
		}
		refers[t] = append(refers[t], r)
	}
	rows.Close()
	var names []string
	for t := range tables {
		names = append(names, t)
	}
	sort.Strings(names)
	var order []string
	placed := map[string]bool{}
	var place func(t string, depth int)
	place = func(t string, depth int) {
		if placed[t] || depth > len(names) {
			return
		}
		for _, r := range refers[t] {
			if r != t {
				place(r, depth+1)
			}
		}
		if !placed[t] {
			placed[t] = true
			order = append(order, t)
		}
	}
	for _, t := range names {
		place(t, 0)
	}
	return order, nil
}

// nextval finds a column default's sequence: nextval('member_id_seq').
var nextval = regexp.MustCompile(`^nextval\('([a-z_][a-z0-9_]*)'\)$`)

// AdvanceSequences moves every sequence that numbers a table's ids past the
// largest id loaded, so that new rows do not collide with restored ones.
func (c *Conn) AdvanceSequences(ctx context.Context) error {
	rows, err := c.conn.QueryContext(ctx, `SELECT table_name, column_name, column_default FROM duckdb_columns()
		WHERE schema_name = 'main' AND column_default LIKE 'nextval(%'`)
	if err != nil {
		return err
	}
	type seq struct{ table, column, name string }
	var seqs []seq
	for rows.Next() {
		var q seq
		var def string
		if err := rows.Scan(&q.table, &q.column, &def); err != nil {
			rows.Close()
			return err
		}
		if sm := nextval.FindStringSubmatch(def); sm != nil {
			q.name = sm[1]
			seqs = append(seqs, q)
		}
	}
	rows.Close()
	for _, q := range seqs {
		var top int64
		if err := c.conn.QueryRowContext(ctx, fmt.Sprintf(`SELECT coalesce(max(%s), 0) FROM %s`, quoteIdent(q.column), quoteIdent(q.table))).Scan(&top); err != nil {
			return err
		}
		if top <= 0 {
			continue
		}
		if _, err := c.conn.ExecContext(ctx, fmt.Sprintf(`SELECT max(nextval(%s)) FROM range(?)`, quoteLiteral(q.name)), top); err != nil {
			return fmt.Errorf("advance %s: %w", q.name, err)
		}
	}
	return nil
}

// Checkpoint writes the write-ahead log into the database file.
func (s *Store) Checkpoint(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `CHECKPOINT`)
	return err
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
