package analytics_test

import (
	"context"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestServiceAdoptionAndMatrix(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, listData) // from memberlist_test.go
	ctx := context.Background()
	points, err := s.ServiceAdoption(ctx, day("2022-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]map[string]int{}
	for _, p := range points {
		if got[p.ServiceID] == nil {
			got[p.ServiceID] = map[string]int{}
		}
		got[p.ServiceID][p.Date.Format(time.DateOnly)] = p.Participants
	}
	// Bibblix: Örebro from 2016; Arboga and the first Ystad from 2017; Ystad
	// left on 2020-12-31 (counted that day) and rejoined with a new row 2022.
	for day, want := range map[string]int{"2015-12-31": 0, "2016-12-31": 1, "2017-12-31": 3, "2020-12-31": 3, "2021-12-31": 2, "2022-06-30": 3} {
		if got[1][day] != want {
			t.Errorf("Bibblix on %s: %d participants, want %d", day, got[1][day], want)
		}
	}
	// The service that ended 2021-06-30 has no participant after its end,
	// although Örebro's participation is still open.
	if got[3]["2020-12-31"] != 1 || got[3]["2021-12-31"] != 0 {
		t.Errorf("ended service: %v", got[3])
	}
	if len(got[1]) != 11 { // 2012–2021 year ends (the first participation began 2012) and the day
		t.Errorf("Bibblix has %d points, want 11", len(got[1]))
	}

	cells, err := s.MemberServiceMatrix(ctx, day("2022-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	want := []analytics.MatrixCell{{MemberID: 1, ServiceID: 1}, {MemberID: 1, ServiceID: 2}, {MemberID: 2, ServiceID: 1}, {MemberID: 4, ServiceID: 1}}
	if len(cells) != len(want) {
		t.Fatalf("matrix %v, want %v", cells, want)
	}
	for i := range want {
		if cells[i] != want[i] {
			t.Errorf("matrix %v, want %v", cells, want)
		}
	}
}

// The services pages ask for the services they draw: those, and only
// those, each with every day, and the numbers of every service's curves.
func TestServiceAdoptionOfChosenServices(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, listData) // from memberlist_test.go
	ctx := context.Background()
	all, err := s.ServiceAdoption(ctx, day("2022-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	chosen, err := s.ServiceAdoption(ctx, day("2022-06-30"), 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	var want []analytics.AdoptionPoint
	for _, p := range all {
		if p.ServiceID == 1 || p.ServiceID == 3 {
			want = append(want, p)
		}
	}
	if len(chosen) != len(want) || len(want) != 22 {
		t.Fatalf("%d points of services 1 and 3, want %d (11 each)", len(chosen), len(want))
	}
	for i := range want {
		if chosen[i] != want[i] {
			t.Errorf("point %d: %+v, want %+v", i, chosen[i], want[i])
		}
	}
}

func TestServiceByIDAndItsParticipations(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, listData)
	ctx := context.Background()
	sv, err := s.ServiceByID(ctx, 3)
	if err != nil || sv.Name != "Gammal" || !sv.EndedOn.Equal(day("2021-06-30")) {
		t.Fatalf("service 3 = %+v, %v", sv, err)
	}
	if _, err := s.ServiceByID(ctx, 42); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("unknown service: %v", err)
	}
	rows, err := s.ServiceParticipations(ctx, 1, day("2021-06-30"))
	if err != nil || len(rows) != 4 {
		t.Fatalf("Bibblix participations = %+v, %v", rows, err)
	}
	if !rows[0].Active || rows[len(rows)-1].Active || rows[len(rows)-1].MemberID != 4 {
		t.Errorf("active first, then the rest: %+v", rows)
	}
}
