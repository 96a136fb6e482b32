package analytics

import (
	"context"
	"encoding/json"
	"fmt"

	"malbild/analytics/store"
)

// logEntry is one row of import_changes: the rows a batch inserted into a
// table, or the rows it updated with their images before and after.
type logEntry struct {
	table string
	kind  string // "insert" or "update"
	body  []byte
}

// ApplyImport writes an import's changes and records them as a batch: the
// rows in the order of the tables' references, checked not to leave a
// reference to no row, then import_batches, import_changes and the audit
// log. The caller's transaction commits (WriteForImport).
func (w *ImportWriter) ApplyImport(ctx context.Context, meta ImportBatchMeta, ch *ImportChanges) (*ImportBatch, error) {
	tx := w.tx
	// The schema enforces no references (migration 004): the import checks
	// that every row it wrote refers to rows that exist.
	before, err := CheckReferences(ctx, tx)
	if err != nil {
		return nil, err
	}
	log, err := ch.write(ctx, tx, w.conn)
	if err != nil {
		return nil, err
	}
	if after, err := CheckReferences(ctx, tx); err != nil {
		return nil, err
	} else if dangling := Added(before, after); len(dangling) > 0 {
		d := dangling[0]
		return nil, fmt.Errorf("import would leave %s.%s = %d referring to no row of %s", d.Table, d.Column, d.ID, d.Refers)
	}
	return recordBatch(ctx, tx, meta, log)
}

// write writes every change in the order of the tables' references and
// returns the log of what it wrote.
func (ch *ImportChanges) write(ctx context.Context, tx *store.Tx, conn *store.Conn) ([]logEntry, error) {
	if err := ch.assignIDs(ctx, tx); err != nil {
		return nil, err
	}
	var log []logEntry
	for _, w := range []func() ([]logEntry, error){
		func() ([]logEntry, error) { return writeTable(ctx, tx, conn, &memberTable, &ch.Members) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, conn, &serviceTable, &ch.Services) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, conn, &eventTable, &ch.Events) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, conn, &goalTable, &ch.Goals) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, conn, &goalStatusTable, &ch.GoalStatuses) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, conn, &feeTable, &ch.FeeBands) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, conn, &participationTable, &ch.Participations) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, conn, &attendanceTable, &ch.Attendance) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, conn, &benefitTable, &ch.Benefits) },
		func() ([]logEntry, error) {
			return writeTable(ctx, tx, conn, &benefitMeasurementTable, &ch.BenefitMeasurements)
		},
		func() ([]logEntry, error) { return ch.writeBudget(ctx, tx, conn) },
	} {
		entries, err := w()
		if err != nil {
			return nil, err
		}
		log = append(log, entries...)
	}
	return log, nil
}

// writeTable inserts and updates one table's rows and returns their log.
func writeTable[T any](ctx context.Context, tx *store.Tx, conn *store.Conn, t *importTable[T], c *TableChanges[T]) ([]logEntry, error) {
	if err := t.insert(ctx, tx, conn, c.Inserted); err != nil {
		return nil, err
	}
	for i := range c.Updated {
		if err := t.update(ctx, tx, &c.Updated[i].After); err != nil {
			return nil, err
		}
	}
	return tableLog(t, c)
}

// tableLog returns the log entries of one table's changes; call it after
// the rows are written, when they carry their database ids.
func tableLog[T any](t *importTable[T], c *TableChanges[T]) ([]logEntry, error) {
	var out []logEntry
	if len(c.Inserted) > 0 {
		body, err := json.Marshal(c.Inserted)
		if err != nil {
			return nil, err
		}
		out = append(out, logEntry{t.name, "insert", body})
	}
	if len(c.Updated) > 0 {
		body, err := json.Marshal(c.Updated)
		if err != nil {
			return nil, err
		}
		out = append(out, logEntry{t.name, "update", body})
	}
	return out, nil
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
