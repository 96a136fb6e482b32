package importer

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"strconv"
	"time"
)

// logEntry is one row of import_changes: the rows a batch inserted into a
// table, or the rows it updated with their images before and after.
type logEntry struct {
	table string
	kind  string // "insert" or "update"
	body  []byte
}

// update is a logged update: the row before and after the import.
type update[T any] struct {
	Before T `json:"before"`
	After  T `json:"after"`
}

// tableLog returns the log entries of one table's changes; call it after
// the rows are written, when they carry their database ids.
func tableLog[T any](t *table[T], c *changes[T]) ([]logEntry, error) {
	var out []logEntry
	if len(c.inserted) > 0 {
		body, err := json.Marshal(c.inserted)
		if err != nil {
			return nil, err
		}
		out = append(out, logEntry{t.name, "insert", body})
	}
	if len(c.updated) > 0 {
		ups := make([]update[T], len(c.updated))
		for i, row := range c.updated {
			ups[i] = update[T]{Before: c.before[row], After: *row}
		}
		body, err := json.Marshal(ups)
		if err != nil {
			return nil, err
		}
		out = append(out, logEntry{t.name, "update", body})
	}
	return out, nil
}

// writeTable inserts and updates one table's rows.
func writeTable[T any](ctx context.Context, tx execer, t *table[T], c *changes[T]) ([]logEntry, error) {
	if err := t.insert(ctx, tx, c.inserted); err != nil {
		return nil, err
	}
	for _, row := range c.updated {
		if err := t.update(ctx, tx, row); err != nil {
			return nil, err
		}
	}
	return tableLog(t, c)
}

// write writes every change in the order of the tables' references and
// returns the log of what it wrote.
func (r *registry) write(ctx context.Context, tx execer) ([]logEntry, error) {
	if err := r.assignIDs(ctx, tx); err != nil {
		return nil, err
	}
	var log []logEntry
	for _, w := range []func() ([]logEntry, error){
		func() ([]logEntry, error) { return writeTable(ctx, tx, &memberTable, &r.memberChanges) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, &serviceTable, &r.serviceChanges) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, &eventTable, &r.eventChanges) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, &goalTable, &r.goalChanges) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, &goalStatusTable, &r.goalInputChanges) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, &feeTable, &r.feeChanges) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, &participationTable, &r.partChanges) },
		func() ([]logEntry, error) { return writeTable(ctx, tx, &attendanceTable, &r.attendanceChanges) },
		func() ([]logEntry, error) { return r.budget.write(ctx, tx) },
	} {
		entries, err := w()
		if err != nil {
			return nil, err
		}
		log = append(log, entries...)
	}
	return log, nil
}

// assignIDs gives the rows the file adds their ids from the tables'
// sequences and points the references between them at those ids.
func (r *registry) assignIDs(ctx context.Context, tx execer) error {
	ids := map[int64]int64{}
	assign := func(sequence string, n int, set func(i int, id int64)) error {
		got, err := reserveIDs(ctx, tx, sequence, n)
		for i, id := range got {
			set(i, id)
		}
		return err
	}
	err := assign("member_id_seq", len(r.memberChanges.inserted), func(i int, id int64) {
		m := r.memberChanges.inserted[i]
		ids[m.ID], m.ID = id, id
	})
	if err == nil {
		err = assign("service_id_seq", len(r.serviceChanges.inserted), func(i int, id int64) {
			sv := r.serviceChanges.inserted[i]
			ids[sv.ID], sv.ID = id, id
		})
	}
	if err == nil {
		err = assign("event_id_seq", len(r.eventChanges.inserted), func(i int, id int64) {
			e := r.eventChanges.inserted[i]
			ids[e.ID], e.ID = id, id
		})
	}
	if err == nil {
		err = assign("goal_id_seq", len(r.goalChanges.inserted), func(i int, id int64) {
			g := r.goalChanges.inserted[i]
			ids[g.ID], g.ID = id, id
		})
	}
	if err == nil {
		err = assign("goal_status_id_seq", len(r.goalInputChanges.inserted), func(i int, id int64) {
			e := r.goalInputChanges.inserted[i]
			e.ID, e.GoalID = id, realID(ids, e.GoalID)
		})
	}
	if err == nil {
		err = assign("participation_id_seq", len(r.partChanges.inserted), func(i int, id int64) {
			p := r.partChanges.inserted[i]
			p.ID = id
			p.MemberID, p.ServiceID = realID(ids, p.MemberID), realID(ids, p.ServiceID)
		})
	}
	for _, a := range r.attendanceChanges.inserted {
		a.EventID, a.MemberID = realID(ids, a.EventID), realID(ids, a.MemberID)
	}
	return err
}

func realID(ids map[int64]int64, id int64) int64 {
	if id < 0 {
		return ids[id]
	}
	return id
}

// reserveIDs takes n values from a sequence.
func reserveIDs(ctx context.Context, tx execer, sequence string, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	ids := make([]int64, 0, n)
	err := scanAll(ctx, tx, fmt.Sprintf("SELECT nextval('%s') FROM range(?)", sequence), []any{n}, func(rows *sql.Rows) error {
		var id int64
		err := rows.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}

// fingerprint is a digest of every change, to tell whether a commit would
// write what its preview showed.
func (r *registry) fingerprint() string {
	h := sha256.New()
	hashChanges(h, &memberTable, &r.memberChanges)
	hashChanges(h, &serviceTable, &r.serviceChanges)
	hashChanges(h, &eventTable, &r.eventChanges)
	hashChanges(h, &goalTable, &r.goalChanges)
	hashChanges(h, &goalStatusTable, &r.goalInputChanges)
	hashChanges(h, &feeTable, &r.feeChanges)
	hashChanges(h, &participationTable, &r.partChanges)
	hashChanges(h, &attendanceTable, &r.attendanceChanges)
	r.budget.hash(h)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// hashChanges writes a table's changes, value by value, into h.
func hashChanges[T any](h hash.Hash, t *table[T], c *changes[T]) {
	buf := make([]byte, 0, 256)
	write := func(op byte, rows []*T) {
		for _, row := range rows {
			buf = append(buf[:0], t.name...)
			buf = append(buf, op)
			for _, v := range t.values(row) {
				buf = appendValue(buf, v)
				buf = append(buf, 0)
			}
			h.Write(buf)
		}
	}
	write('+', c.inserted)
	write('~', c.updated)
}

func appendValue(buf []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(buf, 1)
	case string:
		return append(buf, x...)
	case int:
		return strconv.AppendInt(buf, int64(x), 10)
	case int64:
		return strconv.AppendInt(buf, x, 10)
	case float64:
		return strconv.AppendFloat(buf, x, 'g', -1, 64)
	case *float64:
		if x == nil {
			return append(buf, 1)
		}
		return strconv.AppendFloat(buf, *x, 'g', -1, 64)
	case time.Time:
		return x.AppendFormat(buf, time.DateOnly)
	}
	return fmt.Append(buf, v)
}
