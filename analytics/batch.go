package analytics

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"malbild/analytics/store"
)

// ImportBatch is one committed import, as import_batches records it.
type ImportBatch struct {
	ID         int64                  `json:"id"`
	ImportedAt time.Time              `json:"imported_at"`
	Actor      string                 `json:"actor"`
	File       string                 `json:"file"`
	SHA256     string                 `json:"sha256"`
	Counts     map[string]ImportCount `json:"counts"`
	// UndoneAt is when the batch was undone; zero while it is in effect.
	UndoneAt time.Time `json:"undone_at,omitzero"`
	// Undoable says this is the newest batch in effect, the one an undo takes back.
	Undoable bool `json:"undoable"`
}

// ImportCount is what an import does to one table.
type ImportCount struct {
	New       int `json:"new"`
	Changed   int `json:"changed"`
	Unchanged int `json:"unchanged"`
}

// ImportBatchMeta describes a batch to record beside its changes.
type ImportBatchMeta struct {
	At     time.Time
	Actor  string
	File   string
	SHA256 string
	// Counts per table; tables the batch neither adds to nor changes are
	// left out of the record.
	Counts map[string]ImportCount
	// AuditAction is the audit log's word for an import (accounts.AuditImport).
	AuditAction string
}

// ImportChanges is an import's plan as the importer hands it over: per
// table the rows to insert and the rows to update. Rows to insert carry
// negative ids, and rows to insert that refer to other new rows use those
// ids; ApplyImport gives them their ids from the tables' sequences.
type ImportChanges struct {
	Members        TableChanges[Member]
	Services       TableChanges[Service]
	Events         TableChanges[Event]
	Goals          TableChanges[Goal]
	GoalStatuses   TableChanges[GoalStatusEntry]
	FeeBands       TableChanges[FeeBand]
	Participations TableChanges[Participation]
	Attendance     TableChanges[Attendance]

	Benefits            TableChanges[BenefitEntry]
	BenefitMeasurements TableChanges[BenefitMeasurementEntry]
	// The budget follow-up's tables (importbudget.go).
	BudgetLines      TableChanges[BudgetLineRow]
	BudgetFollowups  TableChanges[BudgetFollowupRow]
	PriceBaseAmounts TableChanges[PriceBaseAmount]
}

// TableChanges are one table's rows an import inserts and updates.
type TableChanges[T any] struct {
	Inserted []*T
	Updated  []RowUpdate[T]
}

// RowUpdate is an updated row: its image before the import and after. An
// ended participation is an update of its to_on.
type RowUpdate[T any] struct {
	Before T `json:"before"`
	After  T `json:"after"`
}

// ImportBatches lists the newest imports first, at most limit of them (all
// when limit <= 0); the newest in effect is Undoable.
func ImportBatches(ctx context.Context, s *Store, limit int) ([]ImportBatch, error) {
	if limit <= 0 {
		limit = 1 << 30
	}
	var out []ImportBatch
	err := s.Read(ctx, func(tx *store.Tx) error {
		return scanAll(ctx, tx, `SELECT id, imported_at, actor, file_name, sha256, counts::VARCHAR, undone_at
		FROM import_batches ORDER BY id DESC LIMIT ?`, []any{limit}, func(rows *store.Rows) error {
			var b ImportBatch
			var counts string
			var undone store.NullTime
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

// recordBatch writes the import_batches row and the audit log entry of an
// import, before its change log (changeLog), whose rows refer to the batch.
func recordBatch(ctx context.Context, tx *store.Tx, meta ImportBatchMeta) (*ImportBatch, error) {
	ids, err := reserveIDsIn(ctx, tx, "import_batch_id_seq", 1)
	if err != nil {
		return nil, err
	}
	b := &ImportBatch{ID: ids[0], ImportedAt: meta.At, Actor: meta.Actor, File: meta.File, SHA256: meta.SHA256,
		Counts: map[string]ImportCount{}, Undoable: true}
	for t, c := range meta.Counts {
		if c.New+c.Changed > 0 {
			b.Counts[t] = c
		}
	}
	counts, err := json.Marshal(b.Counts)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO import_batches (id, imported_at, actor, file_name, sha256, counts)
		VALUES (?, ?, ?, ?, ?, ?)`, b.ID, meta.At, meta.Actor, meta.File, meta.SHA256, string(counts)); err != nil {
		return nil, fmt.Errorf("record import batch: %w", err)
	}
	detail, _ := json.Marshal(map[string]any{"batch": b.ID, "file": meta.File, "sha256": meta.SHA256, "counts": b.Counts})
	if err := importAudit(ctx, tx, meta.At, meta.Actor, meta.AuditAction, string(detail)); err != nil {
		return nil, err
	}
	return b, nil
}

func importAudit(ctx context.Context, tx *store.Tx, now time.Time, actor, action, detail string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (happened_at, actor, action, detail) VALUES (?, ?, ?, ?)`,
		now, actor, action, detail)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	return nil
}
