package analytics

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"malbild/analytics/store"
)

// Manifest describes a backup: what it holds and how to check it is whole.
type Manifest struct {
	CreatedAt time.Time         `json:"created_at"`
	Schema    int               `json:"schema_version"`
	Tables    map[string]int64  `json:"tables"` // rows per table
	Files     map[string]string `json:"files"`  // SHA-256 per file of the backup
}

const manifestName = "manifest.json"

// A backup is a folder with one Parquet file per table (TABLE.parquet) and a
// manifest. It holds data only: Restore builds the schema from this
// binary's own migrations and loads the files' rows into it, so nothing in
// a backup folder is ever executed as SQL (a schema.sql or load.sql in an
// older backup is checked against the manifest but never run). A backup is
// written under a temporary name beside its folder and renamed into place
// only when it is complete, manifest included: a folder without a manifest
// is never a backup.

// Backup writes a consistent copy of the whole database into dir, which must
// not exist or be empty: every table as Parquet, read in one transaction, and
// a manifest with the schema version, each table's rows and each file's
// SHA-256, which Restore checks. It runs beside readers and writers.
func (s *Store) Backup(ctx context.Context, dir string) (Manifest, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return Manifest{}, Errorf(EInvalid, "the backup folder %s is not empty: choose a new folder", dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Manifest{}, err
	}
	if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
		return Manifest{}, Errorf(EInvalid, "%s is a file, not a folder: choose a new folder for the backup", dir)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o750); err != nil {
		return Manifest{}, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".incomplete-")
	if err != nil {
		return Manifest{}, fmt.Errorf("backup folder %s: %w", dir, err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	m, err := s.writeBackup(ctx, tmp)
	if err != nil {
		return Manifest{}, err
	}
	os.Remove(abs) // an empty folder given as the target (only an empty one is removed)
	if err := os.Rename(tmp, abs); err != nil {
		return Manifest{}, fmt.Errorf("complete the backup %s: %w", dir, err)
	}
	done = true
	syncDir(filepath.Dir(abs))
	return m, nil
}

// writeBackup writes every table and then the manifest into dir.
func (s *Store) writeBackup(ctx context.Context, dir string) (Manifest, error) {
	m := Manifest{CreatedAt: s.Now().UTC().Truncate(time.Second)}
	// One snapshot: the counts in the manifest and every file see the
	// same rows.
	err := s.db.Snapshot(ctx, func(c *store.Conn) error {
		var err error
		if m.Tables, err = c.TableCounts(ctx); err != nil {
			return err
		}
		if m.Schema, err = c.SchemaVersion(ctx); err != nil {
			return err
		}
		for table := range m.Tables {
			if err := c.ExportTable(ctx, table, filepath.Join(dir, table+".parquet")); err != nil {
				return fmt.Errorf("back up table %s: %w", table, err)
			}
		}
		return nil
	})
	if err != nil {
		return Manifest{}, err
	}
	if m.Files, err = checksums(dir); err != nil {
		return Manifest{}, err
	}
	body, _ := json.MarshalIndent(m, "", "  ")
	if err := writeSynced(filepath.Join(dir, manifestName), body); err != nil {
		return Manifest{}, err
	}
	syncDir(dir)
	return m, nil
}

// Restore makes the database file at path a copy of the backup in dir. It
// checks every file against the manifest and refuses a backup made by a
// newer schema than this binary knows; it builds a new database beside path
// from the binary's own migrations up to the backup's schema version, loads
// each table's rows from its Parquet file, compares the row counts and
// brings the schema up to date. Only then does it put the new file in place,
// keeping the old one as path + ".before-restore". A damaged, incomplete or
// foreign backup is EInvalid and leaves path as it was. No process may hold
// path open.
func Restore(ctx context.Context, dir, path string) (Manifest, error) {
	m, err := verifyBackup(dir)
	if err != nil {
		return Manifest{}, err
	}
	abs, _ := filepath.Abs(dir)
	// The database must not be in use: DuckDB's lock says whether a server
	// holds it, and renaming a file under a running server would lose data.
	if _, err := os.Stat(path); err == nil {
		held, err := store.Open(ctx, path)
		if err != nil {
			return Manifest{}, openError(path, err)
		}
		held.Close()
	}
	fresh := path + ".restoring"
	os.Remove(fresh)
	os.Remove(fresh + ".wal")
	defer os.Remove(fresh)
	defer os.Remove(fresh + ".wal")
	if err := loadInto(ctx, abs, fresh, m); err != nil {
		return Manifest{}, err
	}
	// The migrations after the backup's version, and the queries' check.
	s, err := Open(ctx, fresh)
	if err != nil {
		return Manifest{}, err
	}
	if err := s.Close(); err != nil {
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

// verifyBackup reads the manifest of the backup in dir and checks every file
// it names, and that the backup's schema is one this binary knows.
func verifyBackup(dir string) (Manifest, error) {
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
	latest, err := latestMigration()
	if err != nil {
		return Manifest{}, err
	}
	switch {
	case m.Schema > latest:
		return Manifest{}, Errorf(EInvalid, "the backup in %s was made by a newer Målbild (schema version %d; this one knows up to %d): restore it with that version; nothing was restored", dir, m.Schema, latest)
	case m.Schema < 1:
		return Manifest{}, Errorf(EInvalid, "the manifest of the backup in %s names no schema version; nothing was restored", dir)
	}
	return m, nil
}

func latestMigration() (int, error) { return store.Latest(migrations()) }

// tableName is a name a table of the schema may have; anything else in a
// manifest is refused before it comes near a query.
var tableName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// loadInto builds the schema of the backup's version in a new database file
// from the binary's migrations, loads every table's rows from its Parquet
// file, checks the counts and moves the sequences past the loaded ids.
func loadInto(ctx context.Context, dir, path string, m Manifest) error {
	if strings.ContainsAny(dir, "*?[]{}") {
		// read_parquet would take them for a pattern and read other files
		return Errorf(EInvalid, "the backup folder %s has *, ?, [ ] or { } in its path: rename it and restore again; nothing was restored", dir)
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		return openError(path, err)
	}
	defer db.Close()
	if err := db.Migrate(ctx, migrations(), m.Schema); err != nil {
		return err
	}
	err = db.Bulk(ctx, func(c *store.Conn) error { return loadTables(ctx, c, dir, m) })
	if err != nil {
		return err
	}
	return db.Checkpoint(ctx)
}

// loadTables loads every table of the backup in dir, refusing one the
// schema does not have, a missing file and a count that is not the
// manifest's.
func loadTables(ctx context.Context, c *store.Conn, dir string, m Manifest) error {
	schema, err := c.TableCounts(ctx)
	if err != nil {
		return err
	}
	for table := range m.Tables {
		if _, known := schema[table]; !known || !tableName.MatchString(table) {
			return Errorf(EInvalid, "the backup in %s holds a table %q that schema version %d does not have; nothing was restored", dir, table, m.Schema)
		}
	}
	order, err := c.LoadOrder(ctx, schema)
	if err != nil {
		return err
	}
	var backupSchema int
	for _, table := range order {
		file := table + ".parquet"
		rows, inBackup := m.Tables[table]
		if _, hashed := m.Files[file]; !inBackup || !hashed {
			return Errorf(EInvalid, "the backup in %s is incomplete: it has no file for table %s; nothing was restored", dir, table)
		}
		path := filepath.Join(dir, file)
		if table == "schema_migrations" {
			// built by the migrations above; the backup's copy only says
			// which version made it
			if backupSchema, err = c.MigrationsVersionIn(ctx, path); err != nil {
				return Errorf(EInvalid, "the backup in %s cannot be read (%v); nothing was restored", dir, err)
			}
			continue
		}
		got, err := c.ImportTable(ctx, table, path)
		if err != nil {
			return Errorf(EInvalid, "the backup in %s cannot be read: table %s (%v); nothing was restored", dir, table, err)
		}
		if got != rows {
			return Errorf(EInvalid, "the backup in %s is incomplete: table %s has %d rows, the manifest says %d; nothing was restored", dir, table, got, rows)
		}
	}
	if backupSchema != m.Schema {
		return Errorf(EInvalid, "the backup in %s is inconsistent: its data is of schema version %d, its manifest says %d; nothing was restored", dir, backupSchema, m.Schema)
	}
	return c.AdvanceSequences(ctx)
}

func readManifest(dir string) (Manifest, error) {
	body, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, os.ErrNotExist) {
		return Manifest{}, Errorf(EInvalid, "%s is not a Målbild backup (it has no %s: not a backup, or one that did not finish); nothing was restored", dir, manifestName)
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
// removes the oldest backups so that keep remain: the automatic backup before
// an import commit. Only complete, verified backups in folders it names
// itself (rotatingName) are counted and removed: a folder without a manifest
// (a backup that was interrupted), one that fails its checksums, or one
// someone put there by hand is left alone and never counted as one of the
// kept, so it cannot push a good backup out.
func (s *Store) BackupRotating(ctx context.Context, root string, keep int) (string, error) {
	if err := os.MkdirAll(root, 0o750); err != nil {
		return "", fmt.Errorf("backup folder %s: %w", root, err)
	}
	dir := filepath.Join(root, s.Now().UTC().Format(rotatingLayout))
	if _, err := os.Stat(dir); err == nil {
		dir += "-" + randomSuffix()
	}
	if _, err := s.Backup(ctx, dir); err != nil {
		return "", err
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return dir, err
	}
	var names []string
	for _, e := range entries {
		stamp := e.Name() // the time, and a suffix when two backups share it
		if len(stamp) > len(rotatingLayout) && stamp[len(rotatingLayout)] == '-' {
			stamp = stamp[:len(rotatingLayout)]
		}
		if _, err := time.Parse(rotatingLayout, stamp); !e.IsDir() || err != nil {
			continue
		}
		if _, err := verifyBackup(filepath.Join(root, e.Name())); err != nil {
			continue // incomplete or damaged: not one of the kept, and not ours to delete
		}
		names = append(names, e.Name())
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

func randomSuffix() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// writeSynced writes a file and flushes it to disk.
func writeSynced(path string, body []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(body); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir flushes a folder's entries (new files, a rename) to disk, where
// the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
