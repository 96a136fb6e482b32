package locale

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every key has a text in every language.
func TestEveryKeyHasEveryLanguage(t *testing.T) {
	for _, lang := range Languages {
		for key := range texts[Sv] {
			if strings.TrimSpace(texts[lang][key]) == "" {
				t.Errorf("%s has no %s text", key, lang)
			}
		}
		for key := range texts[lang] {
			if _, ok := texts[Sv][key]; !ok {
				t.Errorf("%s is in %s.json only", key, lang)
			}
		}
	}
}

// The files stay sorted with one entry a line, as encoding/json writes a
// map, so texts added by several people merge line by line.
func TestFilesAreSortedOneEntryALine(t *testing.T) {
	for _, lang := range Languages {
		b, _ := files.ReadFile(lang + ".json")
		if want := canonical(t, texts[lang]); !bytes.Equal(b, want) {
			t.Errorf("%s.json is not sorted with one entry a line; LOCALE_REWRITE=1 go test ./analytics/locale -run Sorted writes it so", lang)
			if rewrite {
				if err := os.WriteFile(lang+".json", want, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

var rewrite = os.Getenv("LOCALE_REWRITE") != ""

func canonical(t *testing.T, m map[string]string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The keys the code names, in Go (locale.Text, the dashboard's T, the
// domain's coded errors) and in the templates ({{T "key"}}); a key built at
// run time ("status." + s) is checked as a prefix some key has.
var (
	keyUse    = regexp.MustCompile(`(?:locale\.Text\(\s*[^,()]+,|\bT\(|\bT\s|analytics\.Invalid\([^,()]*,|\bKeyed\([^,()]*,|\bInvalid\([^,()]*,|\bProblem\([^,()]*,)\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*\.?)"`)
	keyPrefix = regexp.MustCompile(`(?:locale\.Text\(\s*[^,()]+,\s*|\bT\s+\(print\s+)"([a-z][a-z0-9_.]*\.)"`)
)

func TestEveryKeyTheCodeNamesExists(t *testing.T) {
	root := filepath.Join("..", "..")
	found := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (d.Name() == "node_modules" || d.Name() == "vendor" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || strings.HasSuffix(path, "_test.go") || !(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".html")) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range keyUse.FindAllSubmatch(b, -1) {
			found++
			key := string(m[1])
			if strings.HasSuffix(key, ".") {
				if !hasPrefix(key) {
					t.Errorf("%s builds keys from %q, but no key starts so", path, key)
				}
				continue
			}
			if !Has(key) {
				t.Errorf("%s names %q, which is not in the catalogue", path, key)
			}
		}
		for _, m := range keyPrefix.FindAllSubmatch(b, -1) {
			if !hasPrefix(string(m[1])) {
				t.Errorf("%s builds keys from %q, but no key starts so", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 500 {
		t.Errorf("found only %d uses of keys; has the lookup been renamed?", found)
	}
}

func hasPrefix(prefix string) bool {
	for key := range texts[Sv] {
		if strings.HasPrefix(key, prefix) {
			return true
		}
	}
	return false
}

func TestTextFormatsAndFallsBack(t *testing.T) {
	if got := Text(En, "pager.showing", 1, 10, 42); got != "Rows 1–10 of 42" {
		t.Errorf("English = %q", got)
	}
	if got := Text("xx", "pager.showing", 1, 10, 42); got != "Rad 1–10 av 42" {
		t.Errorf("an unknown language is Swedish: %q", got)
	}
	if got := Text(Sv, "no.such.key"); got != "[no.such.key]" {
		t.Errorf("unknown key = %q", got)
	}
	// A text that uses only some of its indexed arguments shows no residue.
	if got := Text(En, "report.header_row", 7, "extra"); got != "headers on row 7" {
		t.Errorf("report.header_row = %q", got)
	}
}
