package analytics

import (
	"context"

	"malbild/analytics/store"
)

// ImportView is one consistent view of the registry while an import reads
// it to match a file's rows; the importer gets one from ReadForImport or,
// inside the transaction that also writes, from WriteForImport. It is opaque
// so that the importer runs no SQL of its own.
type ImportView struct{ tx *store.Tx }

// ImportWriter is an ImportView that can also apply and undo a batch, all in
// the one transaction WriteForImport commits; conn is that transaction's
// connection, for DuckDB's appender (importstage.go).
type ImportWriter struct {
	ImportView
	conn *store.Conn
}

// ReadForImport runs read with a view that is never committed.
func ReadForImport(ctx context.Context, s *Store, read func(*ImportView) error) error {
	return s.Read(ctx, func(tx *store.Tx) error { return read(&ImportView{tx}) })
}

// WriteForImport runs write in one transaction with no other writer beside
// it, after first (see Store.WriteAfter), and commits when write returns nil.
func WriteForImport(ctx context.Context, s *Store, first func() error, write func(*ImportWriter) error) error {
	return s.db.WriteConn(ctx, first, func(tx *store.Tx, conn *store.Conn) error {
		return write(&ImportWriter{ImportView{tx}, conn})
	})
}

// ImportRegistry is every row the import matches a file against, each table
// in key order: the registry's tables and the board's dated input on the
// goals.
type ImportRegistry struct {
	Dataset
	GoalStatuses []GoalStatusEntry
}

// Registry reads the tables the import matches against.
func (v *ImportView) Registry(ctx context.Context) (*ImportRegistry, error) {
	r := &ImportRegistry{}
	for _, load := range []func() error{
		func() error { return readAllRows(ctx, v.tx, &memberTable, &r.Members) },
		func() error { return readAllRows(ctx, v.tx, &serviceTable, &r.Services) },
		func() error { return readAllRows(ctx, v.tx, &participationTable, &r.Participations) },
		func() error { return readAllRows(ctx, v.tx, &eventTable, &r.Events) },
		func() error { return readAllRows(ctx, v.tx, &attendanceTable, &r.Attendance) },
		func() error { return readAllRows(ctx, v.tx, &goalTable, &r.Goals) },
		func() error { return readAllRows(ctx, v.tx, &goalStatusTable, &r.GoalStatuses) },
		func() error { return readAllRows(ctx, v.tx, &feeTable, &r.FeeBands) },
		func() error { return readAllRows(ctx, v.tx, &benefitTable, &r.Benefits) },
		func() error { return readAllRows(ctx, v.tx, &benefitMeasurementTable, &r.BenefitMeasurements) },
	} {
		if err := load(); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func readAllRows[T any](ctx context.Context, tx *store.Tx, t *importTable[T], out *[]T) error {
	return t.selectAll(ctx, tx, func(row *T) { *out = append(*out, *row) })
}
