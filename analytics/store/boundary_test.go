package store_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// sqlImporters may import database/sql although they are not the store.
var sqlImporters = map[string]string{
	// reads the file a killed server left behind, as an operator's DuckDB
	// shell would, without the program's code between it and the rows
	"cmd/malbild/crash_test.go": "the crash test",
}

// The store owns the database: no package but this one imports
// database/sql (the exceptions above aside), and no program file but this
// package's names the DuckDB driver. The domain runs SQL through the store's
// query methods and transactions; tests reach raw SQL through
// analyticstest.Handle.
func TestOnlyTheStoreTouchesTheHandle(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if name := d.Name(); rel != "." && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") {
			return nil
		}
		files++
		dir := filepath.ToSlash(filepath.Dir(rel))
		if dir == "analytics/store" {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		test := strings.HasSuffix(rel, "_test.go")
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			switch {
			case p == "database/sql" || p == "database/sql/driver":
				if _, ok := sqlImporters[dir]; ok {
					continue
				}
				if _, ok := sqlImporters[rel]; ok {
					continue
				}
				t.Errorf("%s imports %s: run SQL through analytics (the store's query methods, Read, Write), or analyticstest.Handle in a test", rel, p)
			case strings.HasPrefix(p, "github.com/duckdb/duckdb-go") && !test:
				t.Errorf("%s imports the DuckDB driver %s: only package store opens the database", rel, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("looked at only %d Go files under %s: is the walk looking at the module?", files, root)
	}
}
