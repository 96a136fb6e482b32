package analytics

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"

	"malbild/analytics/store"
)

// logEntry is one row of import_changes: rows a batch inserted into a
// table, or rows it updated with their images before and after (a big
// batch logs a table's rows in several parts, logChunk).
type logEntry struct {
	table string
	kind  string // "insert" or "update"
	body  []byte
}

// ApplyImport writes an import's changes and records them as a batch:
// import_batches and the audit log, then the rows in the order of the
// tables' references with the change log written as they are, checked not
// to leave a reference to no row. The caller's transaction commits
// (WriteForImport).
func (w *ImportWriter) ApplyImport(ctx context.Context, meta ImportBatchMeta, ch *ImportChanges) (*ImportBatch, error) {
	tx := w.tx
	// The schema enforces no references (migration 004): the import checks
	// that every row it wrote refers to rows that exist.
	before, err := CheckReferences(ctx, tx)
	if err != nil {
		return nil, err
	}
	b, err := recordBatch(ctx, tx, meta)
	if err != nil {
		return nil, err
	}
	if err := ch.write(ctx, tx, w.conn, &changeLog{tx: tx, batch: b.ID}); err != nil {
		return nil, err
	}
	if after, err := CheckReferences(ctx, tx); err != nil {
		return nil, err
	} else if dangling := Added(before, after); len(dangling) > 0 {
		d := dangling[0]
		return nil, fmt.Errorf("import would leave %s.%s = %d referring to no row of %s", d.Table, d.Column, d.ID, d.Refers)
	}
	return b, nil
}

// write writes every change in the order of the tables' references, and
// logs what it wrote.
func (ch *ImportChanges) write(ctx context.Context, tx *store.Tx, conn *store.Conn, log *changeLog) error {
	if err := ch.assignIDs(ctx, tx); err != nil {
		return err
	}
	for _, w := range []func() error{
		func() error { return writeTable(ctx, tx, conn, log, &memberTable, &ch.Members) },
		func() error { return writeTable(ctx, tx, conn, log, &serviceTable, &ch.Services) },
		func() error { return writeTable(ctx, tx, conn, log, &eventTable, &ch.Events) },
		func() error { return writeTable(ctx, tx, conn, log, &goalTable, &ch.Goals) },
		func() error { return writeTable(ctx, tx, conn, log, &goalStatusTable, &ch.GoalStatuses) },
		func() error { return writeTable(ctx, tx, conn, log, &feeTable, &ch.FeeBands) },
		func() error { return writeTable(ctx, tx, conn, log, &participationTable, &ch.Participations) },
		func() error { return writeTable(ctx, tx, conn, log, &attendanceTable, &ch.Attendance) },
		func() error { return writeTable(ctx, tx, conn, log, &benefitTable, &ch.Benefits) },
		func() error { return writeTable(ctx, tx, conn, log, &benefitMeasurementTable, &ch.BenefitMeasurements) },
		func() error { return ch.writeBudget(ctx, tx, conn, log) },
	} {
		if err := w(); err != nil {
			return err
		}
	}
	return nil
}

// writeTable inserts and updates one table's rows and logs them; the log
// is written after the rows, when they carry their database ids.
func writeTable[T any](ctx context.Context, tx *store.Tx, conn *store.Conn, log *changeLog, t *importTable[T], c *TableChanges[T]) error {
	if err := t.insert(ctx, tx, conn, c.Inserted); err != nil {
		return err
	}
	for i := range c.Updated {
		if err := t.update(ctx, tx, &c.Updated[i].After); err != nil {
			return err
		}
	}
	if err := logRows(ctx, log, t.name, "insert", c.Inserted); err != nil {
		return err
	}
	return logRows(ctx, log, t.name, "update", c.Updated)
}

// logChunk rows of a table go into one row of import_changes (issue 18: a
// 100 000-row import logged in one value of 30 MB held it several times
// over, in Go and in DuckDB, some 170 MB at the commit's peak). Undo reads
// a table's parts one by one as it read one.
const logChunk = 5_000

// logRows logs rows in parts of logChunk.
func logRows[R any](ctx context.Context, log *changeLog, table, kind string, rows []R) error {
	for start := 0; start < len(rows); start += logChunk {
		body, err := json.Marshal(rows[start:min(len(rows), start+logChunk)])
		if err != nil {
			return err
		}
		if err := log.add(ctx, logEntry{table, kind, body}); err != nil {
			return err
		}
	}
	return nil
}

// changeLog writes a batch's rows of import_changes in the order of
// writing. Each part's JSON goes in compressed (issue 18: the JSON of a
// 100 000-row import was 27 MB of DuckDB's memory until the commit, and
// more again in Go while it was written; compressed it is about a ninth):
// gzip, in base64, as one JSON string, so that body stays the JSON column
// it was and the parts logged before stay as they are (logBody reads both).
type changeLog struct {
	tx    *store.Tx
	batch int64
	seq   int
	buf   bytes.Buffer
	zw    *gzip.Writer
}

// gzipPrefix starts the text of a compressed part, inside its JSON string.
const gzipPrefix = "gzip+base64:"

func (l *changeLog) add(ctx context.Context, e logEntry) error {
	l.seq++
	body, err := l.compress(e.body)
	if err != nil {
		return err
	}
	if _, err := l.tx.ExecContext(ctx, `INSERT INTO import_changes (batch_id, seq, table_name, kind, body)
		VALUES (?, ?, ?, ?, ?)`, l.batch, l.seq, e.table, e.kind, body); err != nil {
		return fmt.Errorf("record import changes: %w", err)
	}
	return nil
}

// compress is a part's JSON as it is logged: a JSON string of gzipPrefix
// and the gzip of the JSON in base64 (logBody reads it back).
func (l *changeLog) compress(rows []byte) (string, error) {
	l.buf.Reset()
	l.buf.WriteString(`"` + gzipPrefix)
	b64 := base64.NewEncoder(base64.StdEncoding, &l.buf)
	if l.zw == nil {
		// BestSpeed: the members' JSON shrinks to about a ninth already;
		// the better levels cost several times the time for little more.
		l.zw, _ = gzip.NewWriterLevel(b64, gzip.BestSpeed)
	} else {
		l.zw.Reset(b64)
	}
	if _, err := l.zw.Write(rows); err != nil {
		return "", err
	}
	if err := l.zw.Close(); err != nil {
		return "", err
	}
	if err := b64.Close(); err != nil {
		return "", err
	}
	l.buf.WriteByte('"')
	return l.buf.String(), nil
}

// assignIDs gives the rows the import adds their ids from the tables'
// sequences and points the references between them at those ids.
func (ch *ImportChanges) assignIDs(ctx context.Context, tx *store.Tx) error {
	ids := map[int64]int64{}
	assign := func(sequence string, n int, set func(i int, id int64)) error {
		got, err := reserveIDsIn(ctx, tx, sequence, n)
		for i, id := range got {
			set(i, id)
		}
		return err
	}
	err := assign("member_id_seq", len(ch.Members.Inserted), func(i int, id int64) {
		m := ch.Members.Inserted[i]
		ids[m.ID], m.ID = id, id
	})
	if err == nil {
		err = assign("service_id_seq", len(ch.Services.Inserted), func(i int, id int64) {
			sv := ch.Services.Inserted[i]
			ids[sv.ID], sv.ID = id, id
		})
	}
	if err == nil {
		err = assign("event_id_seq", len(ch.Events.Inserted), func(i int, id int64) {
			e := ch.Events.Inserted[i]
			ids[e.ID], e.ID = id, id
		})
	}
	if err == nil {
		err = assign("goal_id_seq", len(ch.Goals.Inserted), func(i int, id int64) {
			g := ch.Goals.Inserted[i]
			ids[g.ID], g.ID = id, id
		})
	}
	if err == nil {
		err = assign("goal_status_id_seq", len(ch.GoalStatuses.Inserted), func(i int, id int64) {
			e := ch.GoalStatuses.Inserted[i]
			e.ID, e.GoalID = id, realID(ids, e.GoalID)
		})
	}
	if err == nil {
		err = assign("participation_id_seq", len(ch.Participations.Inserted), func(i int, id int64) {
			p := ch.Participations.Inserted[i]
			p.ID = id
			p.MemberID, p.ServiceID = realID(ids, p.MemberID), realID(ids, p.ServiceID)
		})
	}
	for _, a := range ch.Attendance.Inserted {
		a.EventID, a.MemberID = realID(ids, a.EventID), realID(ids, a.MemberID)
	}
	if err == nil {
		err = ch.assignBenefitIDs(ctx, tx, ids)
	}
	return err
}

// realID is the database id of a row the import adds (negative id) or the
// id itself.
func realID(ids map[int64]int64, id int64) int64 {
	if id < 0 {
		return ids[id]
	}
	return id
}

// reserveIDsIn takes n values from a sequence inside a transaction (load.go
// has the same for a connection).
func reserveIDsIn(ctx context.Context, tx *store.Tx, sequence string, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	ids := make([]int64, 0, n)
	err := scanAll(ctx, tx, fmt.Sprintf("SELECT nextval('%s') FROM range(?)", sequence), []any{n}, func(rows *store.Rows) error {
		var id int64
		err := rows.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}
