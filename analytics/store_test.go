package analytics_test

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestMigrationsApplyOnceAndAgain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.duckdb")
	s, err := analytics.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var applied int
	analyticstest.Handle(s).QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&applied)
	if applied < 2 {
		t.Fatalf("schema_migrations holds %d rows, want every migration", applied)
	}
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on) VALUES ('Åmål', 'kommun', DATE '2010-01-01')`)
	s.Close()

	s, err = analytics.Open(ctx, path) // applied database: nothing to do, data kept
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	var again, members int
	analyticstest.Handle(s).QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&again)
	analyticstest.Handle(s).QueryRow(`SELECT count(*) FROM members`).Scan(&members)
	if again != applied || members != 1 {
		t.Fatalf("after reopen: %d migrations (want %d), %d members (want 1)", again, applied, members)
	}
}

// A second process cannot open a file a server holds; the user must be told
// so in words, with the code the CLI maps to a non-zero exit.
func TestSecondProcessGetsClearMessage(t *testing.T) {
	if path := os.Getenv("MALBILD_TEST_HOLD_DB"); path != "" {
		s, err := analytics.Open(context.Background(), path)
		if err != nil {
			os.Exit(3)
		}
		defer s.Close()
		os.Stdout.WriteString("open\n")
		time.Sleep(10 * time.Second)
		return
	}
	path := filepath.Join(t.TempDir(), "held.duckdb")
	holder := exec.Command(os.Args[0], "-test.run=^TestSecondProcessGetsClearMessage$")
	holder.Env = append(os.Environ(), "MALBILD_TEST_HOLD_DB="+path)
	out, _ := holder.StdoutPipe()
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Process.Kill()
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "open\n" {
		t.Fatalf("holder did not open the database: %q %v", line, err)
	}
	_, err := analytics.Open(context.Background(), path)
	if analytics.ErrorCode(err) != analytics.EConflict || !strings.Contains(err.Error(), "in use by another process") {
		t.Fatalf("open of a held file: %v, want a conflict saying it is in use", err)
	}
}

func TestNamesSortSwedish(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on) VALUES
		('Örebro', 'kommun', DATE '2010-01-01'), ('Ystad', 'kommun', DATE '2010-01-01'),
		('Åmål', 'kommun', DATE '2010-01-01'), ('Ängelholm', 'kommun', DATE '2010-01-01'), ('Arboga', 'kommun', DATE '2010-01-01')`)
	rows, err := analyticstest.Handle(s).Query(`SELECT name FROM members ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		got = append(got, n)
	}
	want := []string{"Arboga", "Ystad", "Åmål", "Ängelholm", "Örebro"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}

func TestLoadKeepsReferencesAndRefusesNonEmpty(t *testing.T) {
	s := analyticstest.New(t)
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	f := 0.75
	ds := analytics.Dataset{
		Members: []analytics.Member{
			{ID: 7, Name: "Karlstad", Kind: analytics.KindKommun, Code: "1780", JoinedOn: day(2010, 1, 1)},
			{ID: 9, Name: "SKR", Kind: analytics.KindOvrig, JoinedOn: day(2011, 3, 1), LeftOn: day(2020, 12, 31)},
		},
		Services:       []analytics.Service{{ID: 3, Name: "Bibblix", Kind: analytics.KindService, StartedOn: day(2016, 1, 1)}},
		Participations: []analytics.Participation{{ID: 1, MemberID: 9, ServiceID: 3, FromOn: day(2017, 1, 1)}},
		Events:         []analytics.Event{{ID: 5, Name: "Digidelkonferens", HeldOn: day(2018, 11, 7), Format: "physical", Role: "host"}},
		Attendance:     []analytics.Attendance{{EventID: 5, MemberID: 7, Attendees: 4}},
		Goals:          []analytics.Goal{{Year: 2022, Number: 5, Key: "tjanst", Text: "En tjänst", Metric: "top_service_share", Comparator: ">", Target: &f}},
		FeeBands:       []analytics.FeeBand{{Year: 2022, Category: "ovrig", Contribution: 5000, AnnualFee: 25000}},
	}
	if err := s.Load(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	var name string
	var left time.Time
	err := analyticstest.Handle(s).QueryRow(`SELECT m.name, m.left_on FROM participations p JOIN members m ON m.id = p.member_id
		JOIN services s ON s.id = p.service_id WHERE s.name = 'Bibblix'`).Scan(&name, &left)
	if err != nil || name != "SKR" || !left.Equal(day(2020, 12, 31)) {
		t.Fatalf("participation points at %q left %v (%v), want SKR left 2020-12-31", name, left, err)
	}
	var attendee string
	analyticstest.Handle(s).QueryRow(`SELECT m.name FROM attendance a JOIN members m ON m.id = a.member_id`).Scan(&attendee)
	if attendee != "Karlstad" {
		t.Fatalf("attendance points at %q, want Karlstad", attendee)
	}
	// A later insert through the column default must not collide with loaded ids.
	analyticstest.Exec(t, s, `INSERT INTO members (name, kind, joined_on) VALUES ('Arboga', 'kommun', DATE '2023-01-01')`)

	err = s.Load(context.Background(), ds)
	if analytics.ErrorCode(err) != analytics.EConflict {
		t.Fatalf("second load: %v, want a conflict", err)
	}
}
