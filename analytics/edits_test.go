package analytics_test

import (
	"context"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestUpdateMemberValidatesEveryField(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, listData)
	ctx := context.Background()
	m, _ := s.MemberByID(ctx, 2)
	m.Population, m.ContactEmail, m.OrgNumber = 14500, "anna.berg@arboga.example", "212000-1967"
	if err := s.UpdateMember(ctx, m); err != nil {
		t.Fatal(err)
	}
	got, _ := s.MemberByID(ctx, 2)
	if got.Population != 14500 || got.ContactEmail != "anna.berg@arboga.example" {
		t.Errorf("after update: %+v", got)
	}
	for field, change := range map[string]func(*analytics.Member){
		"name":                func(m *analytics.Member) { m.Name = " " },
		"kind":                func(m *analytics.Member) { m.Kind = "stad" },
		"code":                func(m *analytics.Member) { m.Code = "180" },
		"organisation number": func(m *analytics.Member) { m.OrgNumber = "212000-1968" },
		"left":                func(m *analytics.Member) { m.LeftOn = day("2001-01-01") },
		"e-mail":              func(m *analytics.Member) { m.ContactEmail = "anna at arboga" },
		"population":          func(m *analytics.Member) { m.Population = -1 },
	} {
		bad := m
		change(&bad)
		err := s.UpdateMember(ctx, bad)
		if analytics.ErrorCode(err) != analytics.EInvalid || !strings.HasPrefix(err.Error(), field) {
			t.Errorf("%s: %v, want an error naming the field", field, err)
		}
	}
	m.ID = 999
	if err := s.UpdateMember(ctx, m); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("unknown id: %v", err)
	}
}

func TestManualGoalJudgementAndComments(t *testing.T) {
	s := analyticstest.New(t)
	ctx := context.Background()
	analyticstest.Exec(t, s, `INSERT INTO goals (id, year, number, key, text, metric, comparator, target) VALUES
		(1, 2026, 7, 'natverk', 'Tydliga nätverk', 'manual', NULL, NULL),
		(2, 2026, 1, 'medlemmar', '125 medlemmar', 'members', '>=', 125)`)
	if err := s.SetGoalJudgement(ctx, 1, analytics.StatusAtRisk, "Två nätverk har pausat."); err != nil {
		t.Fatal(err)
	}
	goals, _ := s.EvaluateGoals(ctx, 2026, day("2026-11-22"))
	if goals[1].Status != analytics.StatusAtRisk || goals[1].Comment != "Två nätverk har pausat." || goals[1].StatusDate.Format("2006-01-02") != "2026-11-22" {
		t.Errorf("the board's judgement: %+v", goals[1])
	}
	if err := s.SetGoalJudgement(ctx, 2, analytics.StatusMet, ""); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("a measured goal's status was set: %v", err)
	}
	if err := s.SetGoalJudgement(ctx, 1, "great", ""); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("unknown status: %v", err)
	}
	if err := s.AddGoalComment(ctx, 2, "kansliet", "Tre ansökningar väntar."); err != nil {
		t.Fatal(err)
	}
	if err := s.AddGoalComment(ctx, 2, "kansliet", "   "); analytics.ErrorCode(err) != analytics.EInvalid {
		t.Errorf("empty comment: %v", err)
	}
	comments, _ := s.GoalComments(ctx, 2026, day("2026-11-22"))
	if len(comments) != 1 || comments[0].Author != "kansliet" {
		t.Errorf("comments %+v", comments)
	}
}

func TestOrgNumberLuhn(t *testing.T) {
	for n, want := range map[string]bool{"212000-1967": true, "212000-1968": false, "2120001967": false, "556036-0793": true} {
		if analytics.ValidOrgNumber(n) != want {
			t.Errorf("ValidOrgNumber(%s) != %v", n, want)
		}
	}
}
