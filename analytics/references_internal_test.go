package analytics

import (
	"context"
	"testing"

	"malbild/analytics/store"
)

// Migration 004 keeps every row of the tables it recreates, their ids and
// their sequences, and drops only the foreign keys: a used service can be
// renamed, and a dangling reference is found by CheckReferences.
func TestMigration004KeepsTheDataAndDropsTheForeignKeys(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := wrap(db)
	if err := s.migrateTo(ctx, 3); err != nil {
		t.Fatal(err)
	}
	exec := func(q string) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO members (name, kind, joined_on) VALUES ('A', 'ovrig', DATE '2020-01-01'), ('B', 'ovrig', DATE '2020-01-01')`)
	exec(`INSERT INTO services (name, kind) VALUES ('Bibblix', 'service')`)
	exec(`INSERT INTO participations (member_id, service_id, from_on) VALUES (1, 1, DATE '2020-02-01'), (2, 1, DATE '2020-03-01')`)
	exec(`INSERT INTO events (name, held_on, format, role) VALUES ('Konf', DATE '2021-01-01', 'digital', 'host')`)
	exec(`INSERT INTO attendance VALUES (1, 2, 5)`)
	exec(`INSERT INTO goals (year, number, key, text, metric) VALUES (2021, 1, 'k', 'mål', 'manual')`)
	exec(`INSERT INTO goal_comments (goal_id, written_on, author, body) VALUES (1, DATE '2021-02-02', 'x', 'bra')`)
	// Before: DuckDB refuses it ("still referenced by a foreign key").
	if _, err := db.ExecContext(ctx, `UPDATE services SET name = 'Bibblix 2' WHERE id = 1`); err == nil {
		t.Log("DuckDB now accepts this update under a foreign key")
	}
	if err := s.migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	var dump string
	if err := db.QueryRowContext(ctx, `SELECT (SELECT string_agg(concat_ws(',', id, member_id, service_id, from_on), ';' ORDER BY id) FROM participations)
		|| '|' || (SELECT string_agg(concat_ws(',', event_id, member_id, attendees), ';') FROM attendance)
		|| '|' || (SELECT string_agg(concat_ws(',', id, goal_id, written_on, author, body), ';') FROM goal_comments)`).Scan(&dump); err != nil {
		t.Fatal(err)
	}
	if want := "1,1,1,2020-02-01;2,2,1,2020-03-01|1,2,5|1,1,2021-02-02,x,bra"; dump != want {
		t.Errorf("after the migration\n got %s\nwant %s", dump, want)
	}
	exec(`UPDATE services SET name = 'Bibblix 3', started_on = DATE '2016-05-01' WHERE id = 1`)
	exec(`UPDATE goals SET key = 'k2', year = 2022 WHERE id = 1`)
	exec(`UPDATE events SET name = 'Konferens', held_on = DATE '2021-01-02' WHERE id = 1`)
	exec(`INSERT INTO participations (member_id, service_id, from_on) VALUES (1, 1, DATE '2022-01-01')`)
	var id int
	db.QueryRowContext(ctx, `SELECT max(id) FROM participations`).Scan(&id)
	if id != 3 {
		t.Errorf("the sequence gave id %d, want 3", id)
	}
	if d, err := CheckReferences(ctx, db); err != nil || len(d) != 0 {
		t.Errorf("references %v, %v", d, err)
	}
	exec(`DELETE FROM members WHERE id = 2`)
	d, err := CheckReferences(ctx, db)
	if err != nil || len(d) != 2 || d[0].Table != "participations" || d[0].ID != 2 || d[1].Table != "attendance" {
		t.Errorf("dangling %+v, %v", d, err)
	}
}
