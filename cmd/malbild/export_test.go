package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"
)

// demoDB writes the demo into a new database file and returns its path.
func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.duckdb")
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"demo", "--db", db}, &out, &errOut); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut.String())
	}
	return db
}

// hasText says whether any cell of the workbook at path contains s.
func hasText(t *testing.T, path, s string) bool {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s does not open: %v", path, err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for _, row := range rows {
			for _, v := range row {
				if strings.Contains(v, s) {
					return true
				}
			}
		}
	}
	return false
}

func TestExportWritesEachWorkbook(t *testing.T) {
	ctx := context.Background()
	db := demoDB(t)
	dir := t.TempDir()
	for i, c := range []struct {
		args     []string
		text     string // a text the workbook holds
		personal bool
	}{
		{[]string{"export", "report", "--year", "2023", "--asof", "2023-06-30"}, "Nyckeltal", false},
		{[]string{"export", "report", "--year", "2023", "--lang", "en", "--name", "Sambruk"}, "Sambruk – Annual meeting report 2023", false},
		{[]string{"export", "data"}, "Medlem sedan", true},
		{[]string{"export", "template"}, "Importmall för Målbild", false},
		{[]string{"export", "fees", "--year", "2026", "--personal=false"}, "Att betala", false},
	} {
		path := filepath.Join(dir, strconv.Itoa(i)+"-"+c.args[1]+".xlsx")
		var out, errOut bytes.Buffer
		args := append(append([]string{}, c.args...), "--db", db, "-o", path)
		if code := run(ctx, args, &out, &errOut); code != 0 {
			t.Errorf("%v: exit %d: %s", c.args, code, errOut.String())
			continue
		}
		if !strings.Contains(out.String(), path) {
			t.Errorf("%v: printed %q", c.args, out.String())
		}
		if !hasText(t, path, c.text) {
			t.Errorf("%v: the workbook lacks %q", c.args, c.text)
		}
		if got := hasText(t, path, ".kommun.example"); got != c.personal {
			t.Errorf("%v: personal data %v, want %v", c.args, got, c.personal)
		}
		info, _ := os.Stat(path)
		if c.personal && info.Mode().Perm() != 0o600 {
			t.Errorf("%v: a workbook with personal data has mode %v", c.args, info.Mode().Perm())
		}
	}
}

func TestExportRefusesBadInvocations(t *testing.T) {
	ctx := context.Background()
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "x.xlsx")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export"}, 2, "Usage: malbild export KIND"},
		{[]string{"export", "bogus"}, 2, `unknown export "bogus"`},
		{[]string{"export", "report", "--year", "2023"}, 2, "-o FILE.xlsx"},
		{[]string{"export", "report", "--year", "20x3", "-o", out}, 2, "-year"},
		{[]string{"export", "report", "--year", "3001", "-o", out}, 2, "from 1900 to 2999"},
		{[]string{"export", "report", "--year", "2023", "--asof", "2023-02-30", "-o", out}, 2, "YYYY-MM-DD"},
		{[]string{"export", "report", "--year", "2023", "--asof", "2022-12-31", "-o", out}, 2, "lies before the year 2023"},
		{[]string{"export", "report", "--year", "2023", "--lang", "de", "-o", out}, 2, "sv or en"},
		{[]string{"export", "fees", "--year", "2019", "-o", out}, 1, "no fee schedule for 2019"},
		{[]string{"export", "report", "--help"}, 0, "never holds personal data"},
		{[]string{"export", "report", "--year", "2023", "--personal", "-o", out}, 2, "-personal"},
		{[]string{"export", "data", "--help"}, 0, "--personal=false leaves them out"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(ctx, append(c.args, "--db", db), &stdout, &stderr)
		if code != c.code || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%v: exit %d, want %d with %q; stderr %q", c.args, code, c.code, c.want, stderr.String())
		}
	}
	// A failed export leaves neither the file nor a temporary one behind.
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed exports left %v", entries)
	}
}

// A path that is not a regular file, such as a named pipe (or /dev/null), is
// written to, not replaced by a file.
func TestExportWritesIntoANamedPipe(t *testing.T) {
	ctx := context.Background()
	db := demoDB(t)
	pipe := filepath.Join(t.TempDir(), "report.xlsx")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	read := make(chan []byte)
	go func() {
		b, _ := os.ReadFile(pipe) // blocks until the export opens the pipe
		read <- b
	}()
	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"export", "report", "--year", "2023", "--db", db, "-o", pipe}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if info, err := os.Stat(pipe); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe is now %v (%v)", info.Mode(), err) // and the reader waits for ever
	}
	b := <-read
	if f, err := excelize.OpenReader(bytes.NewReader(b)); err != nil {
		t.Errorf("the pipe carried %d bytes that do not open as a workbook: %v", len(b), err)
	} else {
		f.Close()
	}
}
