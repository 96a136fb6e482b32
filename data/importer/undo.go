package importer

import (
	"context"
	"errors"
	"fmt"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/analytics/locale"
)

// Undo takes back the newest import still in effect: it deletes the rows
// the import inserted and restores the rows it updated to their image
// before, so the registry is exactly as it was before the import. batchID
// names the batch the caller means (0: the newest); a batch that is not the
// newest one in effect is refused with EConflict, as is a batch whose rows
// were changed since, or are referenced by rows added since. No batch to
// undo is ENotFound.
//
// The whole batch is undone in one transaction (analytics.UndoImport). The
// tables carry no foreign keys (migration 004), so before it commits the
// undo checks that no row left behind refers to a row it deleted: a member,
// service, event or goal the import added that data added since uses is
// refused with EConflict and nothing is undone.
func Undo(ctx context.Context, s *analytics.Store, batchID int64, actor, lang string) (*Batch, error) {
	lang = locale.Lang(lang)
	if actor == "" {
		actor = "system"
	}
	var undone int64
	written := false // the transaction got as far as its commit
	err := analytics.WriteForImport(ctx, s, nil, func(w *analytics.ImportWriter) (err error) {
		if undone, err = w.UndoImport(ctx, batchID, s.Now(), actor, accounts.AuditUndo); err != nil {
			return refusal(lang, err)
		}
		written = true
		return nil
	})
	if err != nil {
		if written {
			err = conflictOr(lang, err)
		}
		return nil, err
	}
	batches, err := History(ctx, s, 0)
	if err != nil {
		return nil, err
	}
	for _, b := range batches {
		if b.ID == undone {
			return &b, nil
		}
	}
	return nil, fmt.Errorf("undone batch %d not found", undone)
}

// refusal words analytics' reason not to undo a batch in the user's
// language; other errors pass unchanged.
func refusal(lang string, err error) error {
	var r *analytics.UndoRefusal
	if !errors.As(err, &r) {
		return err
	}
	switch r.Reason {
	case analytics.UndoNone:
		return analytics.Errorf(analytics.ENotFound, "%s", locale.Text(lang, "undo.none"))
	case analytics.UndoNotNewest:
		return analytics.Errorf(analytics.EConflict, "%s", locale.Text(lang, "undo.not_newest", r.Batch, r.Newest))
	case analytics.UndoChanged:
		return analytics.Errorf(analytics.EConflict, "%s", locale.Text(lang, "undo.changed", r.Batch, r.Where, tableWord(lang, r.Table)))
	case analytics.UndoReferenced:
		return analytics.Errorf(analytics.EConflict, "%s", locale.Text(lang, "undo.referenced", r.Batch, tableWord(lang, r.Table)))
	}
	return err
}

// tableKinds name a table as the office knows it: by the kind of sheet that
// fills it, never by the table's own name.
var tableKinds = map[string]string{
	"members": "kind.members", "services": "kind.services", "participations": "kind.participation",
	"events": "kind.events", "attendance": "kind.attendance", "goals": "kind.goals",
	"goal_statuses": "kind.goals", "fee_bands": "kind.fees",
	"benefits": "kind.benefits", "benefit_measurements": "kind.benefit_measurements",
}

// tableWord is the office's word for a table's rows.
func tableWord(lang, table string) string {
	if k, ok := tableKinds[table]; ok {
		return locale.Text(lang, k)
	}
	return locale.Text(lang, "kind.unknown")
}
