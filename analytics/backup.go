package analytics

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Manifest describes a backup: what it holds and how to check it is whole.
type Manifest struct {
	CreatedAt time.Time         `json:"created_at"`
	Schema    int               `json:"schema_version"`
	Tables    map[string]int64  `json:"tables"` // rows per table
	Files     map[string]string `json:"files"`  // SHA-256 per file of the backup
}

const manifestName = "manifest.json"

// Backup writes a consistent copy of the whole database into dir, which must
// not exist or be empty: DuckDB's EXPORT DATABASE (schema and Parquet files,
// one snapshot) and a manifest with each table's rows and each file's SHA-256,
// which Restore checks. It runs beside readers and writers.
func (s *Store) Backup(ctx context.Context, dir string) (Manifest, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return Manifest{}, Errorf(EInvalid, "the backup folder %s is not empty: choose a new folder", dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Manifest{}, err
	}
	conn, err := s.DB.Conn(ctx)
	if err != nil {
		return Manifest{}, err
	}
	defer conn.Close()
	// One transaction: the counts in the manifest and the export see the
	// same snapshot.
	if _, err := conn.ExecContext(ctx, `BEGIN TRANSACTION`); err != nil {
		return Manifest{}, err
	}
	defer conn.ExecContext(context.Background(), `ROLLBACK`)
	m := Manifest{CreatedAt: s.Now().UTC().Truncate(time.Second)}
	if m.Tables, err = tableCounts(ctx, conn); err != nil {
		return Manifest{}, err
	}
	if err := conn.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&m.Schema); err != nil {
		return Manifest{}, err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`EXPORT DATABASE %s (FORMAT parquet)`, quoteLiteral(abs))); err != nil {
		return Manifest{}, fmt.Errorf("export database to %s: %w", dir, err)
	}
	if m.Files, err = checksums(abs); err != nil {
		return Manifest{}, err
	}
	body, _ := json.MarshalIndent(m, "", "  ")
	return m, os.WriteFile(filepath.Join(abs, manifestName), body, 0o644)
}

// Restore makes the database file at path a copy of the backup in dir. It
// checks every file against the manifest, imports into a new file beside
// path and compares the row counts; only then does it put the new file in
// place, keeping the old one as path + ".before-restore". A damaged or
// incomplete backup is EInvalid and leaves path as it was. No process may
// hold path open.
func Restore(ctx context.Context, dir, path string) (Manifest, error) {
	m, err := readManifest(dir)
	if err != nil {
		return Manifest{}, err
	}
	abs, _ := filepath.Abs(dir)
	sums, err := checksums(abs)
	if err != nil {
		return Manifest{}, err
	}
	for name, want := range m.Files {
		if sums[name] != want {
			return Manifest{}, Errorf(EInvalid, "the backup in %s is damaged: %s is missing or changed; nothing was restored", dir, name)
		}
	}
	// The database must not be in use: DuckDB's lock says whether a server
	// holds it, and renaming a file under a running server would lose data.
	held, err := sql.Open("duckdb", path)
	if err != nil {
		return Manifest{}, openError(path, err)
	}
	held.Close()
	fresh := path + ".restoring"
	os.Remove(fresh)
	os.Remove(fresh + ".wal")
	defer os.Remove(fresh)
	defer os.Remove(fresh + ".wal")
	if err := importInto(ctx, abs, fresh, m); err != nil {
		return Manifest{}, err
	}
	if _, err := os.Stat(path); err == nil {
		if err := os.Rename(path, path+".before-restore"); err != nil {
			return Manifest{}, err
		}
		os.Rename(path+".wal", path+".before-restore.wal")
	}
	return m, os.Rename(fresh, path)
}

// importInto loads the backup into a new database file and checks that every
// table has the rows the manifest says.
func importInto(ctx context.Context, dir, path string, m Manifest) error {
	db, err := sql.Open("duckdb", path)
	if err != nil {
		return openError(path, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, fmt.Sprintf(`IMPORT DATABASE %s`, quoteLiteral(dir))); err != nil {
		return Errorf(EInvalid, "the backup in %s cannot be read (%v); nothing was restored", dir, err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	got, err := tableCounts(ctx, conn)
	if err != nil {
		return err
	}
	for table, rows := range m.Tables {
		if got[table] != rows {
			return Errorf(EInvalid, "the backup in %s is incomplete: table %s has %d rows, the manifest says %d; nothing was restored", dir, table, got[table], rows)
		}
	}
	_, err = conn.ExecContext(ctx, `CHECKPOINT`)
	return err
}

func readManifest(dir string) (Manifest, error) {
	body, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, os.ErrNotExist) {
		return Manifest{}, Errorf(EInvalid, "%s is not a Målbild backup (it has no %s); nothing was restored", dir, manifestName)
	}
	if err != nil {
		return Manifest{}, err
	}
	var m Manifest
	if err := json.Unmarshal(body, &m); err != nil || len(m.Files) == 0 {
		return Manifest{}, Errorf(EInvalid, "the manifest of the backup in %s is damaged; nothing was restored", dir)
	}
	return m, nil
}

func tableCounts(ctx context.Context, conn *sql.Conn) (map[string]int64, error) {
	rows, err := conn.QueryContext(ctx, `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name`)
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
		if err := conn.QueryRowContext(ctx, fmt.Sprintf(`SELECT count(*) FROM %q`, t)).Scan(&n); err != nil {
			return nil, err
		}
		counts[t] = n
	}
	return counts, nil
}

// checksums is the SHA-256 of every file in dir but the manifest.
func checksums(dir string) (map[string]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, Errorf(EInvalid, "cannot read the backup folder %s: %v", dir, err)
	}
	sums := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || e.Name() == manifestName {
			continue
		}
		f, err := os.Open(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		sums[e.Name()] = hex.EncodeToString(h.Sum(nil))
	}
	return sums, nil
}

// BackupRotating writes a backup into a new timestamped folder under root and
// removes all but the newest keep folders: the automatic backup before an
// import commit.
// Only the folders it names itself (rotatingName) are counted and removed:
// a backup someone put there by hand is left alone.
func (s *Store) BackupRotating(ctx context.Context, root string, keep int) (string, error) {
	if err := os.MkdirAll(root, 0o750); err != nil {
		return "", fmt.Errorf("backup folder %s: %w", root, err)
	}
	dir := filepath.Join(root, s.Now().UTC().Format(rotatingLayout))
	if _, err := s.Backup(ctx, dir); err != nil {
		return "", err
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return dir, err
	}
	var names []string
	for _, e := range entries {
		if _, err := time.Parse(rotatingLayout, e.Name()); e.IsDir() && err == nil {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for len(names) > keep {
		os.RemoveAll(filepath.Join(root, names[0]))
		names = names[1:]
	}
	return dir, nil
}

// rotatingLayout names the rotating backups by their UTC time, so that
// they sort by age.
const rotatingLayout = "20060102-150405.000"

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
