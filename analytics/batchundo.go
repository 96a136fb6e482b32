package analytics

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"malbild/analytics/store"
)

// Why an import batch cannot be undone (UndoRefusal.Reason).
const (
	UndoNone       = "none"       // no batch in effect
	UndoNotNewest  = "not_newest" // the batch named is not the newest in effect
	UndoChanged    = "changed"    // a row is no longer as the batch left it
	UndoReferenced = "referenced" // a row added since refers to a row the batch added
)

// UndoRefusal is why a batch cannot be undone; the importer words it in the
// user's language.
type UndoRefusal struct {
	Reason string
	// Batch is the batch asked for, Newest the newest in effect.
	Batch, Newest int64
	// Where is the key of the row changed since (UndoChanged).
	Where string
	// Table is the table of that row, or the table whose rows are referenced
	// (UndoReferenced).
	Table string
}

func (e *UndoRefusal) Error() string {
	return fmt.Sprintf("import batch %d cannot be undone: %s %s %s", e.Batch, e.Reason, e.Table, e.Where)
}

// UndoImport takes back the newest import still in effect (batchID 0: the
// newest; any other id must be it): it checks that every row is as the batch
// left it, deletes the rows it inserted and restores the rows it updated,
// checks that no row left behind refers to a row it deleted, and marks the
// batch undone with an audit log entry (auditAction, accounts.AuditUndo).
// It returns the batch undone; a refusal is an *UndoRefusal.
func (w *ImportWriter) UndoImport(ctx context.Context, batchID int64, now time.Time, actor, auditAction string) (int64, error) {
	tx := w.tx
	newest, err := newestBatch(ctx, tx)
	switch {
	case err != nil:
		return 0, err
	case newest == 0:
		return 0, &UndoRefusal{Reason: UndoNone, Batch: batchID}
	case batchID != 0 && batchID != newest:
		return 0, &UndoRefusal{Reason: UndoNotNewest, Batch: batchID, Newest: newest}
	}
	entries, err := loadEntries(ctx, tx, newest)
	if err != nil {
		return 0, err
	}
	read := map[string]any{} // whole tables read to verify, by name: a big batch logs a table in parts
	for _, e := range entries {
		if where, err := undoTables[e.table].verify(ctx, tx, e.kind, e.body, read); err != nil {
			return 0, err
		} else if where != "" {
			return 0, &UndoRefusal{Reason: UndoChanged, Batch: newest, Newest: newest, Where: where, Table: e.table}
		}
	}
	before, err := CheckReferences(ctx, tx)
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		if err := undoTables[e.table].undo(ctx, tx, e.kind, e.body); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE import_changes SET undone_at = ? WHERE batch_id = ? AND seq = ?`,
			now, newest, e.seq); err != nil {
			return 0, err
		}
	}
	after, err := CheckReferences(ctx, tx)
	if err != nil {
		return 0, err
	}
	if dangling := Added(before, after); len(dangling) > 0 {
		return 0, &UndoRefusal{Reason: UndoReferenced, Batch: newest, Newest: newest, Table: dangling[0].Refers}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE import_batches SET undone_at = ? WHERE id = ?`, now, newest); err != nil {
		return 0, err
	}
	return newest, importAudit(ctx, tx, now, actor, auditAction, fmt.Sprintf(`{"batch": %d}`, newest))
}

func newestBatch(ctx context.Context, tx *store.Tx) (int64, error) {
	var id int64
	err := scanAll(ctx, tx, `SELECT id FROM import_batches WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1`, nil,
		func(rows *store.Rows) error { return rows.Scan(&id) })
	return id, err
}

// storedEntry is a row of import_changes.
type storedEntry struct {
	seq int
	logEntry
}

// loadEntries reads a batch's change log parts not yet undone, newest first.
func loadEntries(ctx context.Context, tx *store.Tx, batch int64) ([]storedEntry, error) {
	var out []storedEntry
	err := scanAll(ctx, tx, `SELECT seq, table_name, kind, body::VARCHAR FROM import_changes
		WHERE batch_id = ? AND undone_at IS NULL ORDER BY seq DESC`, []any{batch}, func(rows *store.Rows) error {
		var e storedEntry
		var body string
		err := rows.Scan(&e.seq, &e.table, &e.kind, &body)
		if err == nil {
			e.body, err = logBody(body)
		}
		if _, known := undoTables[e.table]; err == nil && !known {
			err = errors.New("import_changes names an unknown table " + e.table)
		}
		out = append(out, e)
		return err
	})
	return out, err
}

// logBody is a change log part's JSON: the body itself, as parts were
// logged before issue 18, or a JSON string of the compressed JSON
// (changeLog.add).
func logBody(body string) ([]byte, error) {
	if !strings.HasPrefix(body, `"`) {
		return []byte(body), nil
	}
	var text string
	if err := json.Unmarshal([]byte(body), &text); err != nil || !strings.HasPrefix(text, gzipPrefix) {
		return nil, fmt.Errorf("import_changes: a part is neither rows nor compressed rows (%v)", err)
	}
	zr, err := gzip.NewReader(base64.NewDecoder(base64.StdEncoding, strings.NewReader(text[len(gzipPrefix):])))
	if err != nil {
		return nil, fmt.Errorf("import_changes: %w", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("import_changes: %w", err)
	}
	return out, nil
}

// undoer undoes one table's part of a batch from its logged body.
type undoer interface {
	// verify returns, for the first row that is no longer as the batch left
	// it, a description of the row; "" when all are. read keeps the tables
	// it reads whole, for the other parts of the same batch.
	verify(ctx context.Context, tx *store.Tx, kind string, body []byte, read map[string]any) (string, error)
	// undo deletes the inserted rows or restores the updated rows' images.
	undo(ctx context.Context, tx *store.Tx, kind string, body []byte) error
}

var undoTables = map[string]undoer{
	"members":        undoTable[Member]{&memberTable},
	"services":       undoTable[Service]{&serviceTable},
	"participations": undoTable[Participation]{&participationTable},
	"events":         undoTable[Event]{&eventTable},
	"attendance":     undoTable[Attendance]{&attendanceTable},
	"goals":          undoTable[Goal]{&goalTable},
	"goal_statuses":  undoTable[GoalStatusEntry]{&goalStatusTable},
	"fee_bands":      undoTable[FeeBand]{&feeTable},

	"benefits":             undoTable[BenefitEntry]{&benefitTable},
	"benefit_measurements": undoTable[BenefitMeasurementEntry]{&benefitMeasurementTable},
}

type undoTable[T any] struct{ t *importTable[T] }

// rows decodes a logged body into the rows to check (as the batch left
// them) and the rows to write back (nil for inserted rows: delete them).
func (u undoTable[T]) rows(kind string, body []byte) (after, before []*T, err error) {
	if kind == "insert" {
		err = json.Unmarshal(body, &after)
		return after, nil, err
	}
	var ups []RowUpdate[T]
	if err := json.Unmarshal(body, &ups); err != nil {
		return nil, nil, err
	}
	for i := range ups {
		after, before = append(after, &ups[i].After), append(before, &ups[i].Before)
	}
	return after, before, nil
}

func (u undoTable[T]) verify(ctx context.Context, tx *store.Tx, kind string, body []byte, read map[string]any) (string, error) {
	after, _, err := u.rows(kind, body)
	if err != nil {
		return "", fmt.Errorf("import_changes of %s: %w", u.t.name, err)
	}
	current, err := u.current(ctx, tx, after, read)
	if err != nil {
		return "", err
	}
	for _, want := range after {
		if got := current[u.key(want)]; got == nil || !sameJSON(got, want) {
			return u.key(want), nil
		}
	}
	return "", nil
}

// bulkRows is how many rows make reading the whole table cheaper than
// reading them one by one.
const bulkRows = 100

// current reads the rows with the keys of rows as they are now, by key.
func (u undoTable[T]) current(ctx context.Context, tx *store.Tx, rows []*T, read map[string]any) (map[string]*T, error) {
	if len(rows) > bulkRows {
		if whole, ok := read[u.t.name].(map[string]*T); ok {
			return whole, nil
		}
		whole := map[string]*T{}
		err := u.t.selectAll(ctx, tx, func(row *T) { whole[u.key(row)] = row })
		read[u.t.name] = whole
		return whole, err
	}
	out := make(map[string]*T, len(rows))
	for _, row := range rows {
		got, err := u.t.selectByKey(ctx, tx, row)
		if err != nil {
			return nil, err
		}
		if got != nil {
			out[u.key(got)] = got
		}
	}
	return out, nil
}

// key writes a row's key, as messages show it.
func (u undoTable[T]) key(row *T) string {
	key, _ := json.Marshal(u.t.values(row)[:u.t.keyCols])
	return string(key)
}

func (u undoTable[T]) undo(ctx context.Context, tx *store.Tx, kind string, body []byte) error {
	after, before, err := u.rows(kind, body)
	if err != nil {
		return err
	}
	if before == nil {
		return u.t.removeAll(ctx, tx, after)
	}
	for i := len(before) - 1; i >= 0; i-- {
		if err := u.t.update(ctx, tx, before[i]); err != nil {
			return err
		}
	}
	return nil
}

func sameJSON(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}
