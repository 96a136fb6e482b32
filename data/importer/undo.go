package importer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

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
// The whole batch is undone in one transaction. The tables carry no foreign
// keys (migration 004), so before it commits the undo checks that no row
// left behind refers to a row it deleted (analytics.CheckReferences): a
// member, service, event or goal the import added that data added since
// uses is refused with EConflict and nothing is undone.
func Undo(ctx context.Context, s *analytics.Store, batchID int64, actor, lang string) (*Batch, error) {
	lang = locale.Lang(lang)
	if actor == "" {
		actor = "system"
	}
	var newest int64
	written := false // the transaction got as far as its commit
	err := s.Write(ctx, func(tx *sql.Tx) (err error) {
		if newest, err = newestBatch(ctx, tx); err != nil {
			return err
		}
		switch {
		case newest == 0:
			return analytics.Errorf(analytics.ENotFound, "%s", locale.Text(lang, "undo.none"))
		case batchID != 0 && batchID != newest:
			return analytics.Errorf(analytics.EConflict, "%s", locale.Text(lang, "undo.not_newest", batchID, newest))
		}
		if err := undoBatch(ctx, tx, newest, s.Now(), actor, lang); err != nil {
			return err
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
		if b.ID == newest {
			return &b, nil
		}
	}
	return nil, fmt.Errorf("undone batch %d not found", newest)
}

// storedEntry is a row of import_changes.
type storedEntry struct {
	seq int
	logEntry
}

// undoBatch undoes the batch's entries in tx, checking first that every row
// is as the batch left it and last that no row refers to one it deleted; it
// marks the entries and the batch undone and writes the audit log. The caller
// commits.
func undoBatch(ctx context.Context, tx *sql.Tx, batch int64, now time.Time, actor, lang string) error {
	entries, err := loadEntries(ctx, tx, batch)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if where, err := undoTables[e.table].verify(ctx, tx, e.kind, e.body); err != nil {
			return err
		} else if where != "" {
			return analytics.Errorf(analytics.EConflict, "%s", locale.Text(lang, "undo.changed", batch, where, tableWord(lang, e.table)))
		}
	}
	before, err := analytics.CheckReferences(ctx, tx)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := undoTables[e.table].undo(ctx, tx, e.kind, e.body); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE import_changes SET undone_at = ? WHERE batch_id = ? AND seq = ?`,
			now, batch, e.seq); err != nil {
			return err
		}
	}
	after, err := analytics.CheckReferences(ctx, tx)
	if err != nil {
		return err
	}
	if dangling := analytics.Added(before, after); len(dangling) > 0 {
		return analytics.Errorf(analytics.EConflict, "%s", locale.Text(lang, "undo.referenced", batch, tableWord(lang, dangling[0].Refers)))
	}
	if _, err := tx.ExecContext(ctx, `UPDATE import_batches SET undone_at = ? WHERE id = ?`, now, batch); err != nil {
		return err
	}
	return audit(ctx, tx, now, actor, accounts.AuditUndo, fmt.Sprintf(`{"batch": %d}`, batch))
}

func newestBatch(ctx context.Context, q queryer) (int64, error) {
	var id int64
	err := scanAll(ctx, q, `SELECT id FROM import_batches WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1`, nil,
		func(rows *sql.Rows) error { return rows.Scan(&id) })
	return id, err
}

// loadEntries reads a batch's change log parts not yet undone, newest first.
func loadEntries(ctx context.Context, q queryer, batch int64) ([]storedEntry, error) {
	var out []storedEntry
	err := scanAll(ctx, q, `SELECT seq, table_name, kind, body::VARCHAR FROM import_changes
		WHERE batch_id = ? AND undone_at IS NULL ORDER BY seq DESC`, []any{batch}, func(rows *sql.Rows) error {
		var e storedEntry
		var body string
		err := rows.Scan(&e.seq, &e.table, &e.kind, &body)
		e.body = []byte(body)
		if _, known := undoTables[e.table]; err == nil && !known {
			err = errors.New("import_changes names an unknown table " + e.table)
		}
		out = append(out, e)
		return err
	})
	return out, err
}

// tableKinds name a table as the office knows it: by the kind of sheet that
// fills it, never by the table's own name.
var tableKinds = map[string]string{
	"members": "kind.members", "services": "kind.services", "participations": "kind.participation",
	"events": "kind.events", "attendance": "kind.attendance", "goals": "kind.goals",
	"goal_statuses": "kind.goals", "fee_bands": "kind.fees",
}

// tableWord is the office's word for a table's rows.
func tableWord(lang, table string) string {
	if k, ok := tableKinds[table]; ok {
		return locale.Text(lang, k)
	}
	return locale.Text(lang, "kind.unknown")
}
