package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"malbild/analytics"
	"malbild/analytics/locale"
	"malbild/analytics/store"
	"malbild/data/export"
)

// exportKinds are the workbooks `malbild export` writes, each with its help.
var exportKinds = []struct {
	name, about, example string
}{
	{"report", "the annual meeting report of a year as of a day, with charts; it never holds personal data",
		"malbild export report --year 2026 --asof 2026-03-31 --lang sv -o arsmotesrapport-2026.xlsx"},
	{"data", "every table in the import's own format (imports back unchanged)",
		"malbild export data -o malbild-data.xlsx"},
	{"template", "the import template: headers, an example row, drop-down lists, instructions",
		"malbild export template -o importmall.xlsx"},
	{"fees", "the fee list of a year for invoicing, summed per group",
		"malbild export fees --year 2026 -o avgiftslista-2026.xlsx"},
}

// personalHelp documents the one default that differs from the web: the
// command line runs on the server, so only its operator can run it.
const personalHelp = "include contact names and e-mail addresses (personal data); on by default, " +
	"since only the server's operator can run this command: --personal=false leaves them out"

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		exportUsage(stderr)
		if len(args) == 0 {
			return errUsage
		}
		return errHelp
	}
	for _, k := range exportKinds {
		if k.name != args[0] {
			continue
		}
		fs, db := newFlags("export "+k.name, "write "+k.about, k.example, stderr)
		o := exportFlags{out: fs.String("o", "", "the workbook to write (.xlsx); - writes to standard output")}
		o.define(fs, k.name)
		if rest, err := parseFlags(fs, args[1:]); err != nil {
			return err
		} else if len(rest) > 0 {
			fmt.Fprintf(stderr, "malbild export %s: unexpected argument %q\n", k.name, rest[0])
			return errUsage
		}
		if *o.out == "" {
			fmt.Fprintf(stderr, "malbild export %s: give the file to write with -o FILE.xlsx\n", k.name)
			return errUsage
		}
		return o.run(ctx, k.name, *db, stdout)
	}
	fmt.Fprintf(stderr, "malbild export: unknown export %q\n\n", args[0])
	exportUsage(stderr)
	return errUsage
}

func exportUsage(w io.Writer) {
	fmt.Fprintln(w, "malbild export: write a workbook (.xlsx) from the database\n\nUsage: malbild export KIND [flags] -o FILE.xlsx\n\nKinds:")
	for _, k := range exportKinds {
		fmt.Fprintf(w, "  %-9s %s\n            %s\n", k.name, k.about, k.example)
	}
	fmt.Fprintln(w, "\nThe report never holds personal data: it is sent to the annual meeting. The data export and the fee list\n"+
		"include contacts by default (the command runs on the server, for its operator); give --personal=false to leave them out.\n"+
		"`malbild export KIND --help` lists a kind's flags.")
}

// exportFlags are the flags of the export kinds; each kind defines its own.
type exportFlags struct {
	out, asof, lang, name *string
	year                  *int
	personal              *bool
}

func (o *exportFlags) define(fs *flag.FlagSet, kind string) {
	if kind == "report" || kind == "fees" {
		o.year = fs.Int("year", 0, "the year (default: the year of --asof, or this year)")
	}
	if kind == "report" {
		o.asof = fs.String("asof", "", "the day the numbers are taken on, YYYY-MM-DD (default: 31 December of the year, or today)")
		o.lang = fs.String("lang", locale.Sv, "the report's language: sv or en")
		o.name = fs.String("name", "", "the association's name on the report when the setting "+analytics.SettingAssociation+
			" is empty (malbild settings); default "+export.DefaultAssociation)
	}
	if kind == "data" || kind == "fees" {
		o.personal = fs.Bool("personal", true, personalHelp)
	}
}

// The annual report at 20 000 members must stay within 150 MB for the whole
// process (issue 18), of which the binary's own pages take ~50 MB before the
// first query. Measured there (median of 4–6 runs), each against the setting
// left out:
//   - threads=1: the report's queries, one at a time (LowMemory) on small
//     tables, gain nothing from DuckDB's worker threads: 0.7 times the CPU
//     time, the peak 3 MB lower;
//   - allocator_bulk_deallocation_flush_threshold: DuckDB's allocator keeps
//     what a query frees for the next one, 50–70 MB by the report's end;
//     flushed whenever a query frees more than 1 MB, the peak is ~40 MB
//     lower, for ~0.5 s more system time (the pages come back on the next
//     query). From 3 MB up it flushes too seldom to help;
//   - GOGC 50: the Go heap, ~25 MB live while the sheets are written, grows
//     to 1.5 times that before a collection instead of twice: ~7 MB less for
//     no measurable CPU time. (A memory limit saved as much but would make
//     the collector run without pause for a larger association.)
var reportDuckDB = map[string]string{"threads": "1", "allocator_bulk_deallocation_flush_threshold": "1MB"}

const reportGOGC = 50

// run opens the database and writes the workbook.
func (o *exportFlags) run(ctx context.Context, kind, db string, stdout io.Writer) error {
	var asOf time.Time
	if o.asof != nil {
		d, err := analytics.ParseDate(*o.asof)
		if err != nil {
			return err
		}
		asOf = d
	}
	if o.year != nil && *o.year != 0 && (*o.year < 1900 || *o.year > 2999) {
		return analytics.Errorf(analytics.EInvalid, "--year %d: give a year from 1900 to 2999", *o.year)
	}
	dsn := db
	if kind == "report" {
		dsn = store.WithSettings(db, reportDuckDB)
		// The setting is the process's, for this one run; restored after it
		// for a caller that runs more (the tests).
		defer debug.SetGCPercent(debug.SetGCPercent(reportGOGC))
	}
	s, err := analytics.Open(ctx, dsn)
	if err != nil {
		if dsn != db && strings.Contains(err.Error(), dsn) {
			// Open names the database as it was given: name the file alone
			// ("… is in use by another process").
			err = analytics.Errorf(analytics.ErrorCode(err), "%s", strings.ReplaceAll(err.Error(), dsn, db))
		}
		return err
	}
	defer s.Close()
	year := 0
	if o.year != nil {
		year = *o.year
		if year == 0 && !asOf.IsZero() {
			year = asOf.Year()
		} else if year == 0 {
			year = s.Today().Year()
		}
	}
	personal := o.personal != nil && *o.personal
	write := func(w io.Writer) error {
		switch kind {
		case "report":
			return export.WriteReport(ctx, s, export.ReportOptions{
				Year: year, AsOf: asOf, Lang: *o.lang, Association: *o.name, MadeBy: operator(), LowMemory: true,
			}, w)
		case "data":
			return export.Data(ctx, s, w, personal)
		case "template":
			return export.Template(ctx, s, w)
		}
		return export.Fees(ctx, s, year, w, personal)
	}
	if *o.out == "-" {
		return write(stdout)
	}
	// A workbook with contacts is readable by its owner only.
	mode := os.FileMode(0o644)
	if personal {
		mode = 0o600
	}
	if err := writeFileAtomically(*o.out, mode, write); err != nil {
		return err
	}
	note := ""
	if personal {
		note = " (with personal data)"
	}
	fmt.Fprintf(stdout, "wrote the %s export to %s%s\n", kind, *o.out, note)
	return nil
}

// writeFileAtomically writes path with mode through a temporary file beside
// it, so that a failed export leaves no half-written workbook and an old one
// stays whole. A path that is not a regular file (-o /dev/null, a named
// pipe) is written to as it is: the rename would replace it, and as root
// even /dev/null.
func writeFileAtomically(path string, mode os.FileMode, write func(io.Writer) error) error {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		if err := write(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".malbild-export-*.xlsx")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// operator names who runs the command, for the report's "made by": the
// system account, as the audit log's "cli" would not say who.
func operator() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "cli"
}
