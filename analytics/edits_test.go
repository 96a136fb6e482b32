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
		"name":          func(m *analytics.Member) { m.Name = " " },
		"kind":          func(m *analytics.Member) { m.Kind = "stad" },
		"code":          func(m *analytics.Member) { m.Code = "180" },
		"org_number":    func(m *analytics.Member) { m.OrgNumber = "212000-1968" },
		"left":          func(m *analytics.Member) { m.LeftOn = day("2001-01-01") },
		"contact_email": func(m *analytics.Member) { m.ContactEmail = "anna at arboga" },
		"population":    func(m *analytics.Member) { m.Population = -1 },
	} {
		bad := m
		change(&bad)
		err := s.UpdateMember(ctx, bad)
		if p := analytics.ProblemsOf(err); analytics.ErrorCode(err) != analytics.EInvalid || len(p) != 1 || p[0].Field != field {
			t.Errorf("%s: %v, want an error naming the field", field, err)
		}
	}
	m.ID = 999
	if err := s.UpdateMember(ctx, m); analytics.ErrorCode(err) != analytics.ENotFound {
		t.Errorf("unknown id: %v", err)
	}
}

// A member with everything wrong is refused with every problem, each at its
// field, in Swedish and in English.
func TestValidateMemberReturnsEveryProblem(t *testing.T) {
	m := analytics.Member{Name: "", Kind: analytics.KindKommun, Code: "18", CountyCode: "1", OrgNumber: "212000-1968",
		Population: -5, LeftOn: day("2001-01-01"), ContactEmail: "anna at arboga"}
	err := analytics.ValidateMember(m)
	problems := analytics.ProblemsOf(err)
	var fields []string
	for _, p := range problems {
		fields = append(fields, p.Field)
	}
	want := "name code county org_number population joined contact_email"
	if analytics.ErrorCode(err) != analytics.EInvalid || strings.Join(fields, " ") != want {
		t.Fatalf("fields %q, want %q (%v)", fields, want, err)
	}
	texts := map[string][2]string{ // field: Swedish, English
		"name":          {"Namn: en medlem måste ha ett namn.", "Name: a member needs a name."},
		"code":          {"Kod: en kommunkod har fyra siffror", "Code: a municipality code has four digits"},
		"county":        {"Länskod: en länskod har två siffror", "County code: a county code has two digits"},
		"org_number":    {"Organisationsnummer: skriv NNNNNN-NNNN", "Organisation number: write NNNNNN-NNNN"},
		"population":    {"Invånare: antalet kan inte vara negativt.", "Population: the number cannot be negative."},
		"joined":        {"Medlem sedan: skriv dagen", "Member since: write the day"},
		"contact_email": {`E-post: "anna at arboga" är ingen e-postadress.`, `E-mail: "anna at arboga" is not an e-mail address.`},
	}
	for _, p := range problems {
		for i, lang := range []string{"sv", "en"} {
			if got := p.Text(lang); !strings.HasPrefix(got, texts[p.Field][i]) {
				t.Errorf("%s in %s: %q, want it to start %q", p.Field, lang, got, texts[p.Field][i])
			}
		}
	}
	if sv := analytics.ErrorText("sv", err); !strings.Contains(sv, "Namn: en medlem") || !strings.Contains(sv, "E-post:") {
		t.Errorf("the whole refusal in Swedish: %q", sv)
	}
	if !strings.HasPrefix(err.Error(), "Name: a member needs a name.") {
		t.Errorf("Error() is English: %q", err.Error())
	}
}

// The goal form's checks return both problems at once.
func TestValidateJudgementReturnsEveryProblem(t *testing.T) {
	p := analytics.ProblemsOf(analytics.ValidateJudgement("great", strings.Repeat("x", 2001)))
	if len(p) != 2 || p[0].Field != "status" || p[1].Field != "judgement" {
		t.Fatalf("problems %+v", p)
	}
	if got := p[0].Text("sv"); got != "Status: välj uppnått, i fas, risk eller ej uppnått." {
		t.Errorf("Swedish status: %q", got)
	}
	if got := p[1].Text("en"); got != "Judgement: write at most 2,000 characters." {
		t.Errorf("English judgement: %q", got)
	}
	if err := analytics.ValidateComment(""); analytics.ProblemsOf(err)[0].Field != "comment" {
		t.Errorf("empty comment: %v", err)
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
	for digits, want := range map[string]bool{"2120001967": true, "2120001968": false, "": false, "21200019a7": false} {
		if analytics.Luhn(digits) != want {
			t.Errorf("Luhn(%q) != %v", digits, want)
		}
	}
	for n, want := range map[string]bool{"212000-1967": true, "212000-1968": false, "2120001967": false, "556036-0793": true} {
		if analytics.ValidOrgNumber(n) != want {
			t.Errorf("ValidOrgNumber(%s) != %v", n, want)
		}
	}
}
