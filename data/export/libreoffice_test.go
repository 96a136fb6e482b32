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

	"malbild/analytics/locale"
)

// outDir is where the LibreOffice test keeps the workbooks, their PDFs and
// PNGs of their pages, to look at after a run: $MALBILD_SCREENSHOTS, or a
// temporary folder of the test.
func outDir(t *testing.T) string {
	if dir := os.Getenv("MALBILD_SCREENSHOTS"); dir != "" {
		return dir
	}
	return t.TempDir()
}

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
	dir := outDir(t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]func(io.Writer) error{
		"arsmotesrapport.xlsx": func(w io.Writer) error {
			return WriteReport(ctx, s, ReportOptions{Year: 2023, AsOf: day("2023-06-30")}, w)
		},
		"annual-report-en.xlsx": func(w io.Writer) error {
			return WriteReport(ctx, s, ReportOptions{Year: 2026, Lang: locale.En}, w)
		},
		"avgiftslista.xlsx": func(w io.Writer) error { return Fees(ctx, s, 2026, w, true) },
		"importmall.xlsx":   func(w io.Writer) error { return Template(ctx, s, w) },
		"data.xlsx":         func(w io.Writer) error { return Data(ctx, s, w, false) },
	}
	var names []string
	for name, write := range files {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	abs, err := filepath.Abs(dir)
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
	if err != nil || complaint(out) != "" {
		t.Fatalf("soffice: %v: %s\n%s", err, complaint(out), out)
	}
	t.Logf("LibreOffice converted %d workbooks in %s", len(names), time.Since(start).Round(time.Millisecond))
	for _, name := range names {
		pdf := filepath.Join(dir, strings.TrimSuffix(name, ".xlsx")+".pdf")
		data, err := os.ReadFile(pdf)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF")) || len(data) < 10_000 {
			t.Errorf("%s: no PDF (%d bytes, %v); soffice said %s", name, len(data), err, out)
		}
	}
	pages(t, dir)
}

// complaint is the first line of LibreOffice's output that warns or reports
// an error about a workbook; "" if none. Its note that it cannot start Java
// concerns the machine, not the workbook.
func complaint(out []byte) string {
	for _, line := range strings.Split(string(out), "\n") {
		lower := strings.ToLower(line)
		if strings.Contains(lower, "javaldx") {
			continue
		}
		if strings.Contains(lower, "error") || strings.Contains(lower, "warn") {
			return line
		}
	}
	return ""
}

// pages renders the first pages of every PDF in dir as PNGs beside it, when
// poppler's pdftoppm is installed, for a person to look at.
func pages(t *testing.T, dir string) {
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Log("pdftoppm not found: no PNGs of the pages (apt-get install poppler-utils)")
		return
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	for _, pdf := range pdfs {
		out, err := exec.Command(bin, "-r", "80", "-png", "-l", "6", pdf, strings.TrimSuffix(pdf, ".pdf")).CombinedOutput()
		if err != nil {
			t.Errorf("pdftoppm %s: %v %s", pdf, err, out)
		}
	}
	t.Logf("the workbooks, their PDFs and PNGs of their first pages are in %s", dir)
}
