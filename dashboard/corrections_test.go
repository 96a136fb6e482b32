package dashboard_test

import (
	"net/http"
	"net/url"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/reference"
)

// The edit page corrects every column of a member that participations and
// attendance refer to, and the goal page judges and comments a goal that
// comments refer to: the database never refuses what the form accepts
// (DuckDB refuses updates of rows other rows reference by a foreign key;
// the references are checked by the application instead).
func TestEditPagesCorrectEveryColumnOfReferencedRows(t *testing.T) {
	app, s := newDemoApp(t)
	ctx := t.Context()
	var id int64
	if err := analyticstest.Handle(s).QueryRowContext(ctx, `SELECT p.member_id FROM participations p JOIN attendance a USING (member_id)
		JOIN members m ON m.id = p.member_id WHERE m.kind = 'kommun' ORDER BY p.member_id LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	// Another municipality's identity, one that is not a member.
	present := map[string]bool{}
	rows, _ := s.ListMembers(ctx, mustDate("2026-11-22"), analytics.MemberFilter{All: true})
	for _, r := range rows {
		present[r.Code] = true
	}
	var other reference.Municipality
	for _, m := range reference.Municipalities() {
		if !present[m.Code] {
			other = m
			break
		}
	}
	form := url.Values{"name": {other.Name}, "kind": {analytics.KindKommun}, "code": {other.Code},
		"org_number": {"212000-1355"}, "county": {other.CountyCode}, "population": {"12 345"}, "group": {"Ny grupp"},
		"joined": {"2004-03-01"}, "left": {"2030-06-30"}, "contact": {"Ny Kontakt"}, "contact_email": {"ny@kommun.example"}}
	if resp, page := postForm(t, app, "/members/"+itoa(id)+"/edit", form, "as=editor"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save every column of a referenced member: %d %.400s", resp.StatusCode, page)
	}
	got, err := s.MemberByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != other.Name || got.Code != other.Code || got.OrgNumber != "212000-1355" || got.CountyCode != other.CountyCode ||
		got.Population != 12345 || got.Group != "Ny grupp" || got.JoinedOn.Format("2006-01-02") != "2004-03-01" ||
		got.LeftOn.Format("2006-01-02") != "2030-06-30" || got.ContactEmail != "ny@kommun.example" {
		t.Errorf("after the edit: %+v", got)
	}

	var goal int64
	if err := analyticstest.Handle(s).QueryRowContext(ctx, `SELECT g.id FROM goals g WHERE g.metric = 'manual' ORDER BY g.year DESC LIMIT 1`).Scan(&goal); err != nil {
		t.Fatal(err)
	}
	for i, comment := range []string{"Första.", "Andra, på en kommenterad rad."} {
		form := url.Values{"status": {[]string{"at_risk", "met"}[i]}, "judgement": {"Bedömning " + comment}, "comment": {comment}}
		if resp, page := postForm(t, app, "/goals/"+itoa(goal)+"/edit", form, "as=editor"); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("goal edit %d: %d %.300s", i, resp.StatusCode, page)
		}
	}
}
