package export

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// outDir keeps what the LibreOffice test renders, to look at after a run;
// .gitignore leaves it out of the repository.
const outDir = "testdata/out"

// soffice finds LibreOffice; in CI (CI=true) a missing LibreOffice fails
// the test, so that it is never silently skipped there.
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("SOFFICE"), "soffice", "libreoffice"} {
		if name == "" {
			continue
		}
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("LibreOffice (soffice) not found: CI must open the exported workbooks in it (apt-get install libreoffice-calc-nogui)")
	}
	t.Skip("LibreOffice (soffice) not found; install libreoffice-calc-nogui to run this test")
	return ""
}

// TestLibreOfficeRendersTheExports opens each workbook in a real office
// program and prints it to PDF, as the office would before the meeting.
func TestLibreOfficeRendersTheExports(t *testing.T) {
	bin := soffice(t)
	s := demoStore(t)
	ctx := context.Background()
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]func(io.Writer) error{
		"arsmotesrapport.xlsx": func(w io.Writer) error {
			return WriteReport(ctx, s, ReportOptions{Year: 2023, AsOf: day("2023-06-30")}, w)
		},
		"annual-report-en.xlsx": func(w io.Writer) error {
			return WriteReport(ctx, s, ReportOptions{Year: 2026, Lang: LangEn}, w)
		},
		"avgiftslista.xlsx": func(w io.Writer) error { return Fees(ctx, s, 2026, w, true) },
		"importmall.xlsx":   func(w io.Writer) error { return Template(ctx, s, w) },
	}
	var names []string
	for name, write := range files {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(outDir, name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	abs, err := filepath.Abs(outDir)
	if err != nil {
		t.Fatal(err)
	}
	// A profile of its own, so that a LibreOffice the user runs, or another
	// test's, does not take the conversion over.
	profile := "file://" + filepath.ToSlash(t.TempDir())
	args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", abs}, names...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = abs
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("Error")) {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	t.Logf("LibreOffice converted %d workbooks in %s", len(names), time.Since(start).Round(time.Millisecond))
	for _, name := range names {
		pdf := filepath.Join(outDir, strings.TrimSuffix(name, ".xlsx")+".pdf")
		data, err := os.ReadFile(pdf)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF")) || len(data) < 10_000 {
			t.Errorf("%s: no PDF (%d bytes, %v); soffice said %s", name, len(data), err, out)
		}
	}
}
