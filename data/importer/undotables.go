package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"malbild/analytics"
)

// undoer undoes one table's part of a batch from its logged body.
type undoer interface {
	// verify returns, for the first row that is no longer as the batch left
	// it, a description of the row; "" when all are.
	verify(ctx context.Context, q queryer, kind string, body []byte) (string, error)
	// undo deletes the inserted rows or restores the updated rows' images.
	undo(ctx context.Context, tx execer, kind string, body []byte) error
}

var undoTables = map[string]undoer{
	"members":              undoTable[analytics.Member]{&memberTable},
	"services":             undoTable[analytics.Service]{&serviceTable},
	"participations":       undoTable[analytics.Participation]{&participationTable},
	"events":               undoTable[analytics.Event]{&eventTable},
	"attendance":           undoTable[analytics.Attendance]{&attendanceTable},
	"goals":                undoTable[analytics.Goal]{&goalTable},
	"goal_statuses":        undoTable[analytics.GoalStatusEntry]{&goalStatusTable},
	"fee_bands":            undoTable[analytics.FeeBand]{&feeTable},
	"benefits":             undoTable[analytics.BenefitEntry]{&benefitTable},
	"benefit_measurements": undoTable[analytics.BenefitMeasurementEntry]{&benefitMeasurementTable},
}

type undoTable[T any] struct{ t *table[T] }

// rows decodes a logged body into the rows to check (as the batch left
// them) and the rows to write back (nil for inserted rows: delete them).
func (u undoTable[T]) rows(kind string, body []byte) (after, before []*T, err error) {
	if kind == "insert" {
		err = json.Unmarshal(body, &after)
		return after, nil, err
	}
	var ups []update[T]
	if err := json.Unmarshal(body, &ups); err != nil {
		return nil, nil, err
	}
	for i := range ups {
		after, before = append(after, &ups[i].After), append(before, &ups[i].Before)
	}
	return after, before, nil
}

func (u undoTable[T]) verify(ctx context.Context, q queryer, kind string, body []byte) (string, error) {
	after, _, err := u.rows(kind, body)
	if err != nil {
		return "", fmt.Errorf("import_changes of %s: %w", u.t.name, err)
	}
	current, err := u.current(ctx, q, after)
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
func (u undoTable[T]) current(ctx context.Context, q queryer, rows []*T) (map[string]*T, error) {
	out := make(map[string]*T, len(rows))
	if len(rows) > bulkRows {
		err := u.t.selectAll(ctx, q, func(row *T) { out[u.key(row)] = row })
		return out, err
	}
	for _, row := range rows {
		got, err := u.t.selectByKey(ctx, q, row)
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

func (u undoTable[T]) undo(ctx context.Context, tx execer, kind string, body []byte) error {
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
