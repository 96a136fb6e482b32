package analytics_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// TestApplyAndUndoAnImportBatch hands analytics a plan with the values that
// are easiest to get wrong on the way into DuckDB (quotes, backslashes,
// markup, non-ASCII text, decimals, NULL targets, dates), reads them back
// as they were, and undoes the batch to an empty registry.
func TestApplyAndUndoAnImportBatch(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	date := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tenth, upper := 0.1, 1234567.125
	member := &analytics.Member{ID: -1, Name: `Förening "A" \ <b>&</b> 'å' – ∑`, Kind: "ovrig",
		OrgNumber: "802000-0001", Population: 12345, JoinedOn: date(2010, 1, 31), LeftOn: date(2024, 12, 31),
		ContactEmail: "a@b.se"}
	goal := &analytics.Goal{ID: -2, Year: 2026, Number: 1, Key: "g1", Text: "Mål\nmed radbrytning", Metric: "members",
		Params: "n=20", Comparator: "between", Target: &tenth, UpperTarget: &upper}
	manual := &analytics.Goal{ID: -3, Year: 2026, Number: 2, Key: "g2", Text: "Manuellt", Metric: analytics.MetricManual,
		DueOn: date(2026, 6, 30)}
	status := &analytics.GoalStatusEntry{ID: -4, GoalID: -3, SetOn: date(2026, 3, 1), Status: "on_track", Comment: "Bra"}
	fee := &analytics.FeeBand{Year: 2026, Category: "kommun", PopulationFrom: 0, PopulationTo: 9999,
		Contribution: 1234.55, AnnualFee: 0.5}
	changes := &analytics.ImportChanges{
		Members:      analytics.TableChanges[analytics.Member]{Inserted: []*analytics.Member{member}},
		Goals:        analytics.TableChanges[analytics.Goal]{Inserted: []*analytics.Goal{goal, manual}},
		GoalStatuses: analytics.TableChanges[analytics.GoalStatusEntry]{Inserted: []*analytics.GoalStatusEntry{status}},
		FeeBands:     analytics.TableChanges[analytics.FeeBand]{Inserted: []*analytics.FeeBand{fee}},
	}
	meta := analytics.ImportBatchMeta{At: s.Now(), Actor: "kansliet", File: "f.xlsx", SHA256: "abc",
		Counts: map[string]analytics.ImportCount{"members": {New: 1}, "services": {}}, AuditAction: "import"}
	var batch *analytics.ImportBatch
	err := analytics.WriteForImport(ctx, s, nil, func(w *analytics.ImportWriter) (err error) {
		batch, err = w.ApplyImport(ctx, meta, changes)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, recorded := batch.Counts["services"]; recorded || batch.Counts["members"].New != 1 {
		t.Errorf("counts recorded %v, want members only", batch.Counts)
	}
	if member.ID <= 0 || status.GoalID != manual.ID || manual.ID <= 0 {
		t.Errorf("ids not assigned: member %d, status of goal %d, manual goal %d", member.ID, status.GoalID, manual.ID)
	}
	got := registry(t, s)
	if len(got.Members) != 1 || !reflect.DeepEqual(got.Members[0], *member) {
		t.Errorf("member read back\n%+v\nwant\n%+v", got.Members, *member)
	}
	if len(got.Goals) != 2 || !reflect.DeepEqual(got.Goals[0], *goal) || !reflect.DeepEqual(got.Goals[1], *manual) {
		t.Errorf("goals read back\n%+v\nwant\n%+v\n%+v", got.Goals, *goal, *manual)
	}
	if len(got.GoalStatuses) != 1 || !reflect.DeepEqual(got.GoalStatuses[0], *status) {
		t.Errorf("goal status read back %+v, want %+v", got.GoalStatuses, *status)
	}
	if len(got.FeeBands) != 1 || !reflect.DeepEqual(got.FeeBands[0], *fee) {
		t.Errorf("fee band read back %+v, want %+v", got.FeeBands, *fee)
	}

	// A batch that is not the newest is refused; the newest is undone.
	undo := func(id int64) (int64, error) {
		var undone int64
		err := analytics.WriteForImport(ctx, s, nil, func(w *analytics.ImportWriter) (err error) {
			undone, err = w.UndoImport(ctx, id, s.Now(), "kansliet", "undo")
			return err
		})
		return undone, err
	}
	var refusal *analytics.UndoRefusal
	if _, err := undo(batch.ID + 1); !errors.As(err, &refusal) || refusal.Reason != analytics.UndoNotNewest {
		t.Fatalf("undo of another batch: %v, want %s", err, analytics.UndoNotNewest)
	}
	if undone, err := undo(0); err != nil || undone != batch.ID {
		t.Fatalf("undo: %d, %v", undone, err)
	}
	if got := registry(t, s); len(got.Members)+len(got.Goals)+len(got.GoalStatuses)+len(got.FeeBands) != 0 {
		t.Errorf("after undo the registry still has %+v", got)
	}
	if _, err := undo(0); !errors.As(err, &refusal) || refusal.Reason != analytics.UndoNone {
		t.Fatalf("second undo: %v, want %s", err, analytics.UndoNone)
	}
	batches, err := analytics.ImportBatches(ctx, s, 0)
	if err != nil || len(batches) != 1 || batches[0].UndoneAt.IsZero() || batches[0].Undoable {
		t.Errorf("batches after undo: %+v, %v", batches, err)
	}
}

func registry(t *testing.T, s *analytics.Store) *analytics.ImportRegistry {
	t.Helper()
	var r *analytics.ImportRegistry
	err := analytics.ReadForImport(context.Background(), s, func(v *analytics.ImportView) (err error) {
		r, err = v.Registry(context.Background())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
