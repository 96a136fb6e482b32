// Package importer reads the office's spreadsheets, .xlsx workbooks and CSV
// files, into Målbild's registry (DESIGN "Import").
//
// Preview reads a file and says what importing it would do: each sheet's
// kind, recognised from its headers, the columns understood, the rows that
// are new, changed or unchanged, and every problem at its place. Commit
// applies a file in one transaction, or nothing when any row has an error,
// and records it as a batch; Undo takes the newest batch back. Importing
// the same file twice changes nothing the second time.
//
// The package holds no state of its own: every call reads the database
// afresh, so it can run beside other writers of the same store.
package importer

import (
	"context"
	"strings"
	"time"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/locale"
)

// File is a file to import: its name, as the user knows it, and its bytes.
type File struct {
	Name string
	Data []byte
}

// Options tune an import.
type Options struct {
	// Lang is the language of messages and labels: "sv" (the default) or "en".
	Lang string
	// Actor names who imports, for the batch and the audit log.
	Actor string
	// Day is the import date: the day a wide participation sheet pictures
	// when it names none, and the date a manual goal's new status is set
	// on. Zero means the store's today.
	Day time.Time
	// Fingerprint, when not empty, makes Commit refuse unless it would
	// write exactly the changes of the preview with this Plan.Fingerprint.
	Fingerprint string
	// RowLimit is how many new and changed rows each sheet of the Plan
	// lists (SheetPlan.Rows): 0 means DefaultRowLimit, a negative number
	// all of them. The counts, the fingerprint and what Commit writes are
	// the same whatever the limit; only the listing is shorter (issue 18:
	// a RowChange for each of 100 000 rows was some 13 MB held to the end
	// of a commit, for lists that show a few hundred).
	RowLimit int
	// BeforeWrite, when not nil, runs just before Commit reads and writes,
	// with no other writer of the store beside it until the import is done
	// (the dashboard's backup before an import).
	BeforeWrite func() error
}

// Result is a committed import.
type Result struct {
	Plan *Plan
	// Batch is the recorded import; nil when the file changed nothing and
	// so nothing was recorded.
	Batch *Batch
}

// Preview reads the file and returns what importing it would do. Nothing is
// written. A file that cannot be read at all gives a *FileError; problems in
// its rows are in the Plan.
func Preview(ctx context.Context, s *analytics.Store, f File, o Options) (*Plan, error) {
	o = withDefaults(s, o)
	// One consistent view of all tables while they are read.
	var plan *Plan
	err := analytics.ReadForImport(ctx, s, func(v *analytics.ImportView) (err error) {
		plan, _, err = buildPlan(ctx, v, f, o)
		return err
	})
	return plan, err
}

// Commit imports the file: it makes the plan again inside one transaction
// and writes all of it, records the batch (actor, time, file name,
// checksum, counts) and what it changed, or writes nothing. When the plan
// has errors, or its fingerprint differs from Options.Fingerprint, the
// error is an *analytics.Error (EInvalid, EConflict) and the Result still
// carries the Plan, to show why. A file that cannot be read gives a
// *FileError and no Result.
func Commit(ctx context.Context, s *analytics.Store, f File, o Options) (*Result, error) {
	o = withDefaults(s, o)
	var res *Result
	var batch *Batch
	written := false // the transaction got as far as its commit
	err := analytics.WriteForImport(ctx, s, o.BeforeWrite, func(w *analytics.ImportWriter) error {
		plan, reg, err := buildPlan(ctx, &w.ImportView, f, o)
		if err != nil {
			return err
		}
		// Only the registry's changes are written: the rest of it (its
		// indexes) and the file's bytes are let go before the writing
		// (issue 18).
		ch := reg.handover()
		f.Data = nil
		res = &Result{Plan: plan}
		switch {
		case plan.HasErrors():
			return analytics.Errorf(analytics.EInvalid, "%s", locale.Text(o.Lang, "commit.errors", plan.Errors))
		case o.Fingerprint != "" && o.Fingerprint != plan.Fingerprint:
			return analytics.Errorf(analytics.EConflict, "%s", locale.Text(o.Lang, "commit.changed"))
		case plan.Changes() == 0:
			return nil
		}
		if batch, err = w.ApplyImport(ctx, batchMeta(s.Now(), o, plan), ch); err != nil {
			return conflictOr(o.Lang, err)
		}
		written = true
		return nil
	})
	if err != nil {
		if written {
			err = conflictOr(o.Lang, err)
		}
		return res, err
	}
	res.Batch = batch
	return res, nil
}

// batchMeta describes the batch a plan without errors makes.
func batchMeta(now time.Time, o Options, plan *Plan) analytics.ImportBatchMeta {
	counts := make(map[string]Count, len(plan.Counts))
	for t, c := range plan.Counts {
		counts[t] = *c
	}
	return analytics.ImportBatchMeta{At: now, Actor: o.Actor, File: plan.File, SHA256: plan.SHA256,
		Counts: counts, AuditAction: accounts.AuditImport}
}

// DefaultRowLimit is how many new and changed rows a sheet's plan lists
// unless Options.RowLimit says otherwise: more than the dashboard's
// preview page and the text report show.
const DefaultRowLimit = 1000

func withDefaults(s *analytics.Store, o Options) Options {
	o.Lang = locale.Lang(o.Lang)
	if o.RowLimit == 0 {
		o.RowLimit = DefaultRowLimit
	}
	if o.Day.IsZero() {
		o.Day = s.Today()
	}
	o.Day = time.Date(o.Day.Year(), o.Day.Month(), o.Day.Day(), 0, 0, 0, 0, time.UTC) // the day as given
	if o.Actor == "" {
		o.Actor = "system"
	}
	return o
}

// conflictOr explains DuckDB's answer to two writers changing the same row
// at once; other errors are internal.
func conflictOr(lang string, err error) error {
	if err != nil && strings.Contains(err.Error(), "Conflict") {
		return analytics.Errorf(analytics.EConflict, "%s", locale.Text(lang, "commit.conflict"))
	}
	return err
}
