package analytics

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"malbild/analytics/store"
)

// The appender writes rows straight into a table of plain column types,
// the same values as the staged insert's casts from text; a table with a
// DECIMAL column goes through the stage; and the table's constraints hold
// either way.
func TestDirectInsertWritesWhatTheStagedInsertWrites(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stockholm := time.FixedZone("CET", 3600)
	members := []*Member{
		{ID: 1, Name: "Åre", Kind: KindKommun, Code: "2321", CountyCode: "23", Population: 11_000,
			JoinedOn: time.Date(2015, 1, 12, 0, 0, 0, 0, time.UTC)},
		{ID: 2, Name: "Förbundet – \"Norr\"", Kind: "ovrig", OrgNumber: "802000-0001", Group: "Grupp",
			JoinedOn: time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), LeftOn: time.Date(2030, 6, 30, 0, 0, 0, 0, time.UTC),
			ContactName: "Kontakt", ContactEmail: "k@example.se"},
		// a time in another zone: the staged text named its own calendar day
		{ID: 3, Name: "Sen", Kind: "ovrig", Population: -5, JoinedOn: time.Date(2020, 3, 1, 0, 30, 0, 0, stockholm)},
	}
	dump := func(tx *store.Tx) string {
		var b strings.Builder
		err := scanAll(ctx, tx, `SELECT * FROM members ORDER BY id`, nil, func(rows *store.Rows) error {
			cols, _ := rows.Columns()
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			err := rows.Scan(ptrs...)
			fmt.Fprintln(&b, vals...)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	var direct, staged string
	err = WriteForImport(ctx, s, nil, func(w *ImportWriter) error {
		if types, err := memberTable.directTypes(ctx, w.tx); err != nil || types == nil {
			return fmt.Errorf("members: no direct insert (%v)", err)
		}
		if types, err := feeTable.directTypes(ctx, w.tx); err != nil || types != nil {
			return fmt.Errorf("fee_bands, with DECIMAL columns: direct insert %v (%v)", types, err)
		}
		if err := memberTable.insert(ctx, w.tx, w.conn, members); err != nil {
			return err
		}
		direct = dump(w.tx)
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM members`); err != nil {
			return err
		}
		if err := memberTable.insertStaged(ctx, w.tx, w.conn, members); err != nil {
			return err
		}
		staged = dump(w.tx)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if direct != staged {
		t.Errorf("direct insert wrote\n%s\nthe staged insert\n%s", direct, staged)
	}
	if !strings.Contains(direct, "2020-03-01") || !strings.Contains(direct, "1969-12-31") {
		t.Errorf("dates not written as the calendar days given:\n%s", direct)
	}

	// The staged rows are in the table now (id 1 among them).
	for _, bad := range []*Member{
		{ID: 10, Name: "Fel", Kind: "bogus", JoinedOn: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)},                             // CHECK
		{ID: 11, Name: "Stor", Kind: "ovrig", Population: 3_000_000_000, JoinedOn: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}, // INTEGER
		{ID: 12, Name: "Bakvänd", Kind: "ovrig", JoinedOn: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
			LeftOn: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)}, // CHECK (left_on >= joined_on)
		{ID: 1, Name: "Samma id", Kind: "ovrig", JoinedOn: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}, // PRIMARY KEY
	} {
		err := WriteForImport(ctx, s, nil, func(w *ImportWriter) error {
			return memberTable.insert(ctx, w.tx, w.conn, []*Member{bad})
		})
		if err == nil {
			t.Errorf("member %d (%s) inserted; want an error", bad.ID, bad.Name)
		}
	}
	good := &Member{ID: 20, Name: "Rätt", Kind: "ovrig", JoinedOn: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	if err := WriteForImport(ctx, s, nil, func(w *ImportWriter) error {
		return memberTable.insert(ctx, w.tx, w.conn, []*Member{good})
	}); err != nil {
		t.Errorf("a good member beside the ones refused: %v", err)
	}
}

// More rows than one appender adds go in several parts, every one of them.
func TestDirectInsertAddsEveryPart(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows := make([]*Member, 2*appendPart+1)
	for i := range rows {
		rows[i] = &Member{ID: int64(i + 1), Name: fmt.Sprintf("Förening %d", i), Kind: "ovrig",
			JoinedOn: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)}
	}
	var n, last int64
	err = WriteForImport(ctx, s, nil, func(w *ImportWriter) error {
		if err := memberTable.insert(ctx, w.tx, w.conn, rows); err != nil {
			return err
		}
		return scanAll(ctx, w.tx, `SELECT count(*), max(id) FROM members`, nil, func(r *store.Rows) error { return r.Scan(&n, &last) })
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(len(rows)) || last != int64(len(rows)) {
		t.Errorf("%d members, the last id %d; want %d", n, last, len(rows))
	}
}
