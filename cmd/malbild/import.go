package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"runtime/debug"
	"time"

	"malbild/analytics"
	"malbild/analytics/locale"
	"malbild/data/importer"
)

// runImport previews and applies a spreadsheet, undoes the newest import, or
// lists the imports. Exit 0: applied (or a dry run without errors); 1:
// refused, nothing written; 2: usage.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("import",
		"import the office's spreadsheets (.xlsx or .csv): prints the preview, then applies the whole file in one transaction, or nothing if any row has an error",
		"malbild import medlemmar.xlsx --dry-run   (then without --dry-run; malbild import --undo takes it back)", stderr)
	dryRun := fs.Bool("dry-run", false, "print the preview only; write nothing")
	asJSON := fs.Bool("json", false, "print the preview as JSON")
	lang := fs.String("lang", locale.Sv, "language of the preview: sv or en")
	undo := fs.Bool("undo", false, "undo the newest import still in effect")
	history := fs.Bool("history", false, "list the imports, newest first")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := checkImportArgs(rest, *lang, *undo, *history, stderr); err != nil {
		return err
	}
	store, err := analytics.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	switch {
	case *history:
		return printHistory(ctx, store, *asJSON, *lang, stdout)
	case *undo:
		return undoImport(ctx, store, *asJSON, *lang, stdout)
	}
	return importFile(ctx, store, rest[0], *dryRun, *asJSON, *lang, stdout)
}

func checkImportArgs(rest []string, lang string, undo, history bool, stderr io.Writer) error {
	switch {
	case lang != locale.Sv && lang != locale.En:
		fmt.Fprintf(stderr, "malbild import: --lang is sv or en, not %q\n", lang)
	case undo && history:
		fmt.Fprintln(stderr, "malbild import: give --undo or --history, not both")
	case (undo || history) && len(rest) > 0:
		fmt.Fprintln(stderr, "malbild import: --undo and --history take no file")
	case !undo && !history && len(rest) != 1:
		fmt.Fprintln(stderr, "malbild import: give one file to import (malbild import --help)")
	default:
		return nil
	}
	return errUsage
}

// refused is an import that wrote nothing: exit 1 with its reason.
type refused struct{ reason string }

func (r refused) Error() string { return r.reason }

// importMemoryLimit is the Go heap's soft limit while a file is imported
// (issue 18). The import holds some 55 MB of live heap at 100 000 rows, and
// with GOGC's default the heap grew to twice that before a collection; the
// limit makes the collector run more often as the heap nears it instead,
// which costs the 100 000-row preview and commit a few percent of their
// time and saves some 30 MB of the process's peak. A bigger import, or one
// into a much bigger registry, holds more than the limit: the runtime then
// spends up to half the CPU on collecting (its limiter), so it runs slower,
// about 1.5 times at worst measured, but it runs. GOMEMLIMIT, when set,
// is left as it is.
const importMemoryLimit = 80 << 20

func importFile(ctx context.Context, store *analytics.Store, path string, dryRun, asJSON bool, lang string, stdout io.Writer) error {
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(importMemoryLimit))
	}
	data, err := readImportFile(path, lang)
	if err != nil {
		return refused{analytics.ErrorText(lang, err)}
	}
	f := importer.File{Name: filepath.Base(path), Data: data}
	o := importer.Options{Lang: lang, Actor: cliActor()}
	if asJSON {
		o.RowLimit = -1 // the JSON form lists every row ("report.more": --json shows all)
	}
	var plan *importer.Plan
	var batch *importer.Batch
	if dryRun {
		plan, err = importer.Preview(ctx, store, f, o)
	} else {
		var res *importer.Result
		res, err = importer.Commit(ctx, store, f, o)
		if res != nil {
			plan, batch = res.Plan, res.Batch
		}
	}
	var fe *importer.FileError
	switch {
	case errors.As(err, &fe):
		if asJSON {
			e := map[string]any{"reason": fe.Reason, "message": fe.Message}
			if fe.Sheet != "" {
				e["sheet"], e["row"] = fe.Sheet, fe.Row // where a damaged sheet stopped being readable
			}
			writeJSON(stdout, map[string]any{"applied": false, "error": e})
		}
		return refused{fe.Message}
	case err != nil && plan == nil:
		return err
	}
	if asJSON {
		writeJSON(stdout, map[string]any{"applied": batch != nil, "plan": plan, "batch": batch})
	} else if err := plan.WriteText(stdout, lang); err != nil {
		return err
	}
	switch {
	case err != nil:
		return refused{analytics.ErrorText(lang, err)}
	case dryRun && plan.HasErrors():
		return refused{locale.Text(lang, "cli.import.would_refuse", plan.Errors)}
	case !asJSON && batch != nil:
		fmt.Fprintln(stdout, locale.Text(lang, "cli.import.done", batch.ID))
	case !asJSON && !dryRun:
		fmt.Fprintln(stdout, locale.Text(lang, "cli.import.nothing"))
	}
	return nil
}

// readImportFile reads the file, refusing one over the import's size limit
// before reading it whole.
func readImportFile(path, lang string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if err := importer.CheckSize(info.Size(), lang); err != nil {
		return nil, err
	}
	// A buffer of the file's size from the start: io.ReadAll's doubling
	// made four times the file's bytes of garbage (issue 18). A pipe,
	// of no size, grows it as before.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	_, err = buf.ReadFrom(fh)
	return buf.Bytes(), err
}

func undoImport(ctx context.Context, store *analytics.Store, asJSON bool, lang string, stdout io.Writer) error {
	b, err := importer.Undo(ctx, store, 0, cliActor(), lang)
	if err != nil {
		return refused{analytics.ErrorText(lang, err)}
	}
	if asJSON {
		writeJSON(stdout, b)
		return nil
	}
	fmt.Fprintln(stdout, locale.Text(lang, "cli.import.undone", b.ID, b.File))
	return nil
}

func printHistory(ctx context.Context, store *analytics.Store, asJSON bool, lang string, stdout io.Writer) error {
	batches, err := importer.History(ctx, store, 0)
	if err != nil {
		return err
	}
	if asJSON {
		writeJSON(stdout, batches)
		return nil
	}
	if len(batches) == 0 {
		fmt.Fprintln(stdout, locale.Text(lang, "cli.import.none"))
	}
	for _, b := range batches {
		state := ""
		switch {
		case !b.UndoneAt.IsZero():
			state = locale.Text(lang, "cli.import.undone_at") + " " + b.UndoneAt.In(analytics.Stockholm).Format(time.DateTime)
		case b.Undoable:
			state = locale.Text(lang, "cli.import.undoable")
		}
		fmt.Fprintf(stdout, "%4d  %s  %-12s %-36s %s  %s\n", b.ID, b.ImportedAt.In(analytics.Stockholm).Format(time.DateTime),
			b.Actor, b.File, countsText(b.Counts), state)
	}
	return nil
}

func countsText(counts map[string]importer.Count) string {
	n, c := 0, 0
	for _, count := range counts {
		n, c = n+count.New, c+count.Changed
	}
	return fmt.Sprintf("+%d ~%d", n, c)
}

func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// cliActor names the person at the terminal in the import log.
func cliActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "cli"
}
