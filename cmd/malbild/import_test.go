package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// importRun runs `malbild import args…` against db and returns the exit
// code and what it printed.
func importRun(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), append([]string{"import", "--db", db}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportCommandExitCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.duckdb")
	good := writeFile(t, "medlemmar.csv", "Namn;Kommunkod;Invånare;Medlem sedan\nAle;1440;32 576;2015-01-12\nKarlstad;1780;98 084;2008\n")
	bad := writeFile(t, "fel.csv", "Namn;Kommunkod;Medlem sedan\nKarlstadd;;2015-01-12\n")
	notSheet := writeFile(t, "bild.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

	for _, args := range [][]string{{}, {good, bad}, {"--lang", "fi", good}, {"--undo", "--history"}, {"--undo", good}} {
		if code, _, _ := importRun(t, db, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, out, _ := importRun(t, db, "--dry-run", good); code != 0 || !strings.Contains(out, "2 nya") {
		t.Errorf("dry run: exit %d\n%s", code, out)
	}
	if code, out, _ := importRun(t, db, "--history"); code != 0 || !strings.Contains(out, "Inga importer") {
		t.Errorf("the dry run wrote: exit %d\n%s", code, out)
	}
	code, out, errOut := importRun(t, db, bad, "--lang", "en")
	if code != 1 || !strings.Contains(out, `fel.csv, row 2, column "Namn"`) || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("row errors: exit %d\n%s\n%s", code, out, errOut)
	}
	if code, _, errOut := importRun(t, db, notSheet); code != 1 || !strings.Contains(errOut, "varken en Excel-arbetsbok") {
		t.Errorf("not a spreadsheet: exit %d %s", code, errOut)
	}
	if code, out, _ := importRun(t, db, good); code != 0 || !strings.Contains(out, "Importerat som import 1") {
		t.Errorf("import: exit %d\n%s", code, out)
	}
	if code, out, _ := importRun(t, db, good); code != 0 || !strings.Contains(out, "ändrar ingenting") {
		t.Errorf("the same file again: exit %d\n%s", code, out)
	}
	if code, out, _ := importRun(t, db, "--history"); code != 0 || !strings.Contains(out, "medlemmar.csv") || !strings.Contains(out, "+2 ~0") {
		t.Errorf("history: exit %d\n%s", code, out)
	}
	if code, out, _ := importRun(t, db, "--undo"); code != 0 || !strings.Contains(out, "Import 1 (medlemmar.csv) är ångrad") {
		t.Errorf("undo: exit %d\n%s", code, out)
	}
	if code, _, errOut := importRun(t, db, "--undo"); code != 1 || !strings.Contains(errOut, "ingen import att ångra") {
		t.Errorf("undo with nothing to undo: exit %d %s", code, errOut)
	}
}

func TestImportCommandPrintsJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.duckdb")
	good := writeFile(t, "medlemmar.csv", "Name,Code,Joined\nAle,1440,2015-01-12\n")
	code, out, _ := importRun(t, db, good, "--json")
	var got struct {
		Applied bool
		Plan    struct {
			Counts map[string]struct{ New int }
			Sheets []struct{ Kind string }
		}
		Batch struct{ ID int }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
	if !got.Applied || got.Batch.ID != 1 || got.Plan.Counts["members"].New != 1 || got.Plan.Sheets[0].Kind != "members" {
		t.Errorf("%+v", got)
	}
	code, out, _ = importRun(t, db, writeFile(t, "tom.csv", ""), "--json")
	if code != 1 || !strings.Contains(out, `"reason": "empty"`) {
		t.Errorf("empty file: exit %d\n%s", code, out)
	}
	// A damaged file says where reading stopped.
	mixed := writeFile(t, "blandat.csv", "Namn;Typ;Medlem sedan\nFörening;övrig;2020\nF\xf6rening 2;övrig;2020\n")
	code, out, _ = importRun(t, db, mixed, "--json")
	var refused struct {
		Error struct {
			Reason, Sheet string
			Row           int
		}
	}
	if err := json.Unmarshal([]byte(out), &refused); err != nil || code != 1 || refused.Error.Reason != "damaged" ||
		refused.Error.Sheet != "blandat.csv" || refused.Error.Row != 3 {
		t.Errorf("damaged file: exit %d, %+v\n%s", code, refused, out)
	}
}
