package importer

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"malbild/analytics"
	"malbild/analytics/accounts"
)

// Batch is one committed import.
type Batch struct {
	ID         int64            `json:"id"`
	ImportedAt time.Time        `json:"imported_at"`
	Actor      string           `json:"actor"`
	File       string           `json:"file"`
	SHA256     string           `json:"sha256"`
	Counts     map[string]Count `json:"counts"`
	// UndoneAt is when the batch was undone; zero while it is in effect.
	UndoneAt time.Time `json:"undone_at,omitzero"`
	// Undoable says this is the newest batch in effect, the one Undo takes back.
	Undoable bool `json:"undoable"`
}

// recordBatch writes the import_batches row, the change log and the audit
// log entry of a committed import.
func recordBatch(ctx context.Context, tx execer, now time.Time, actor string, p *Plan, log []logEntry) (*Batch, error) {
	ids, err := reserveIDs(ctx, tx, "import_batch_id_seq", 1)
	if err != nil {
		return nil, err
	}
	b := &Batch{ID: ids[0], ImportedAt: now, Actor: actor, File: p.File, SHA256: p.SHA256, Counts: map[string]Count{}, Undoable: true}
	for t, c := range p.Counts {
		if c.New+c.Changed > 0 {
			b.Counts[t] = *c
		}
	}
	counts, err := json.Marshal(b.Counts)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO import_batches (id, imported_at, actor, file_name, sha256, counts)
		VALUES (?, ?, ?, ?, ?, ?)`, b.ID, now, actor, p.File, p.SHA256, string(counts)); err != nil {
		return nil, fmt.Errorf("record import batch: %w", err)
	}
	for seq, e := range log {
		if _, err := tx.ExecContext(ctx, `INSERT INTO import_changes (batch_id, seq, table_name, kind, body)
			VALUES (?, ?, ?, ?, ?)`, b.ID, seq+1, e.table, e.kind, string(e.body)); err != nil {
			return nil, fmt.Errorf("record import changes: %w", err)
		}
	}
	detail, _ := json.Marshal(map[string]any{"batch": b.ID, "file": p.File, "sha256": p.SHA256, "counts": b.Counts})
	if err := audit(ctx, tx, now, actor, accounts.AuditImport, string(detail)); err != nil {
		return nil, err
	}
	return b, nil
}

func audit(ctx context.Context, tx execer, now time.Time, actor, action, detail string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (happened_at, actor, action, detail) VALUES (?, ?, ?, ?)`,
		now, actor, action, detail)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	return nil
}

// History lists the newest imports first, at most limit of them (all when
// limit <= 0).
func History(ctx context.Context, s *analytics.Store, limit int) ([]Batch, error) {
	if limit <= 0 {
		limit = 1 << 30
	}
	var out []Batch
	err := s.Read(ctx, func(tx *sql.Tx) error {
		return scanAll(ctx, tx, `SELECT id, imported_at, actor, file_name, sha256, counts::VARCHAR, undone_at
		FROM import_batches ORDER BY id DESC LIMIT ?`, []any{limit}, func(rows *sql.Rows) error {
			var b Batch
			var counts string
			var undone sql.NullTime
			if err := rows.Scan(&b.ID, &b.ImportedAt, &b.Actor, &b.File, &b.SHA256, &counts, &undone); err != nil {
				return err
			}
			b.UndoneAt = undone.Time
			if err := json.Unmarshal([]byte(counts), &b.Counts); err != nil {
				return fmt.Errorf("import batch %d: counts: %w", b.ID, err)
			}
			out = append(out, b)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].UndoneAt.IsZero() {
			out[i].Undoable = true
			break
		}
	}
	return out, nil
}
