package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"malbild/analytics/store"
)

// A file opened with settings runs with them; the file itself is the one
// the path names.
func TestOpenWithSettings(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.duckdb")
	s, err := store.Open(ctx, store.WithSettings(path, map[string]string{"threads": "1", "preserve_insertion_order": "false"}))
	if err != nil {
		t.Fatal(err)
	}
	var threads int
	var order bool
	var file string
	err = s.QueryRowContext(ctx, `SELECT current_setting('threads'), current_setting('preserve_insertion_order'),
		(SELECT path FROM duckdb_databases() WHERE database_name = current_database())`).Scan(&threads, &order, &file)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if threads != 1 || order || file != path {
		t.Errorf("threads %d, preserve_insertion_order %v, file %q; want 1, false, %q", threads, order, file, path)
	}
	if got := store.WithSettings(path, nil); got != path {
		t.Errorf("no settings: %q, want the path %q", got, path)
	}
	if _, err := store.Open(ctx, store.WithSettings(path, map[string]string{"no_such_setting": "1"})); err == nil {
		t.Error("an unknown setting opened")
	}
}

// A store runs DuckDB with one thread (defaultThreads) unless its path
// names another number; an in-memory store too.
func TestOpenRunsOneThreadUnlessThePathSaysOtherwise(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.duckdb")
	for _, c := range []struct {
		path string
		want int
	}{
		{path, 1},
		{"", 1},
		{store.WithSettings(path, map[string]string{"threads": "2"}), 2},
	} {
		s, err := store.Open(ctx, c.path)
		if err != nil {
			t.Fatal(err)
		}
		var threads int
		err = s.QueryRowContext(ctx, `SELECT current_setting('threads')`).Scan(&threads)
		s.Close()
		if err != nil || threads != c.want {
			t.Errorf("%q: threads %d (%v), want %d", c.path, threads, err, c.want)
		}
	}
}

// Every store plans without statistics propagation, also one whose path
// turns off other optimizers: kept plans depend on it (settings.go).
func TestOpenAlwaysPlansWithoutStatistics(t *testing.T) {
	ctx := context.Background()
	for _, path := range []string{"", store.WithSettings("", map[string]string{"disabled_optimizers": "top_n"})} {
		s, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		var disabled string
		err = s.QueryRowContext(ctx, `SELECT current_setting('disabled_optimizers')`).Scan(&disabled)
		s.Close()
		if err != nil || !strings.Contains(disabled, "statistics_propagation") {
			t.Errorf("%q: disabled optimizers %q, %v", path, disabled, err)
		}
	}
}
