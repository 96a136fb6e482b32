package dashboard_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// fieldErrorsOf are the messages a refused form shows at its fields.
func fieldErrorsOf(page string) map[string]string {
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`<span class="field-error" id="err-([a-z_]+)">([^<]*)</span>`).FindAllStringSubmatch(page, -1) {
		out[m[1]] = html.UnescapeString(m[2])
	}
	return out
}

// A member form with many wrong fields shows every problem at its field, in
// the page's language, and writes nothing.
func TestMemberFormShowsEveryProblemAtItsField(t *testing.T) {
	app, s := newDemoApp(t)
	before, _ := s.MemberByID(t.Context(), 1)
	form := url.Values{"name": {" "}, "kind": {"kommun"}, "code": {"18"}, "org_number": {"212000-1968"}, "county": {"1"},
		"population": {"-5"}, "joined": {"2010-01-01"}, "left": {"2009-12-31"}, "contact_email": {"anna at arboga"}}
	want := map[string][2]string{ // field: Swedish, English
		"name":          {"Namn: en medlem måste ha ett namn.", "Name: a member needs a name."},
		"code":          {"Kod: en kommunkod har fyra siffror, till exempel 0180.", "Code: a municipality code has four digits, such as 0180."},
		"org_number":    {"Organisationsnummer: skriv NNNNNN-NNNN med rätt kontrollsiffra.", "Organisation number: write NNNNNN-NNNN with a correct check digit."},
		"county":        {"Länskod: en länskod har två siffror, till exempel 17.", "County code: a county code has two digits, such as 17."},
		"population":    {"Invånare: antalet kan inte vara negativt.", "Population: the number cannot be negative."},
		"left":          {"Sista medlemsdag: dagen kan inte vara före dagen då medlemskapet började.", "Last day of membership: it cannot be before the day the membership began."},
		"contact_email": {`E-post: "anna at arboga" är ingen e-postadress. Skriv till exempel namn@kommun.se.`, `E-mail: "anna at arboga" is not an e-mail address. Write one such as name@municipality.se.`},
	}
	for i, lang := range []string{"malbild_lang=sv", "malbild_lang=en"} {
		resp, page := postForm(t, app, "/members/1/edit", form, "as=editor", lang)
		if resp.StatusCode != http.StatusBadRequest {
			t.Fatalf("%s: status %d, want 400", lang, resp.StatusCode)
		}
		got := fieldErrorsOf(page)
		for field, texts := range want {
			if got[field] != texts[i] {
				t.Errorf("%s, %s: %q, want %q", lang, field, got[field], texts[i])
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d fields marked, want %d: %v", lang, len(got), len(want), got)
		}
		if n := strings.Count(page, "<li>"); n < len(want) {
			t.Errorf("%s: the summary lists %d problems, want %d", lang, n, len(want))
		}
		if !strings.Contains(page, `aria-describedby="err-name"`) {
			t.Errorf("%s: the first field is not marked", lang)
		}
	}
	// An unreadable field keeps its own message, and the others still show.
	form.Set("joined", "2010-13-01")
	_, page := postForm(t, app, "/members/1/edit", form, "as=editor")
	if got := fieldErrorsOf(page); !strings.Contains(got["joined"], "ÅÅÅÅ-MM-DD") || got["name"] == "" || got["contact_email"] == "" {
		t.Errorf("a bad date beside other problems: %v", got)
	}
	if after, _ := s.MemberByID(t.Context(), 1); after.Name != before.Name || after.Population != before.Population {
		t.Errorf("a refused form changed the member: %+v", after)
	}
}

// The goal form shows the status, judgement and comment problems together.
func TestGoalFormShowsEveryProblemAtItsField(t *testing.T) {
	app, s := newDemoApp(t)
	goals, _ := s.EvaluateGoals(t.Context(), 2026, mustDate("2026-11-22"))
	var manual int64
	for _, g := range goals {
		if g.Manual {
			manual = g.ID
		}
	}
	long := strings.Repeat("x", 2001)
	form := url.Values{"status": {"great"}, "judgement": {long}, "comment": {long}}
	want := map[string][2]string{
		"status":    {"Status: välj uppnått, i fas, risk eller ej uppnått.", "Status: choose met, on track, at risk or missed."},
		"judgement": {"Bedömning: skriv högst 2 000 tecken.", "Judgement: write at most 2,000 characters."},
		"comment":   {"Kommentar: skriv mellan 1 och 2 000 tecken.", "Comment: write between 1 and 2,000 characters."},
	}
	for i, lang := range []string{"malbild_lang=sv", "malbild_lang=en"} {
		resp, page := postForm(t, app, "/goals/"+itoa(manual)+"/edit", form, "as=editor", lang)
		if resp.StatusCode != http.StatusBadRequest {
			t.Fatalf("%s: status %d, want 400", lang, resp.StatusCode)
		}
		got := fieldErrorsOf(page)
		for field, texts := range want {
			if got[field] != texts[i] {
				t.Errorf("%s, %s: %q, want %q", lang, field, got[field], texts[i])
			}
		}
	}
	comments, _ := s.GoalComments(t.Context(), 2026, mustDate("2026-11-22"))
	for _, c := range comments {
		if len(c.Body) > 2000 {
			t.Error("a refused form wrote its comment")
		}
	}
}

// The domain's refusals reach a page in the page's language, not in English.
func TestDomainRefusalsAreInThePagesLanguage(t *testing.T) {
	app, _ := newApp(t)
	cases := []struct {
		path   string
		form   url.Values
		sv, en string
	}{
		{"/admin/settings", url.Values{"association": {"Rad ett\r\nrad två"}}, "Värdet för association_name måste vara en enda rad.", "the value of association_name must be one line"},
		{"/admin/accounts", url.Values{"name": {"två ord"}, "role": {"viewer"}}, "Ett kontonamn är ett ord på högst 64 tecken.", "an account name is one word of at most 64 characters"},
		{"/admin/accounts", url.Values{"name": {"kassor"}, "role": {"kung"}}, "Okänd roll &#34;kung&#34;: välj viewer, editor eller admin.", "unknown role &#34;kung&#34;: use viewer, editor or admin"},
	}
	for _, c := range cases {
		for _, l := range []struct{ cookie, want string }{{"malbild_lang=sv", c.sv}, {"malbild_lang=en", c.en}} {
			resp, page := postForm(t, app, c.path, c.form, l.cookie)
			if resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, l.want) {
				t.Errorf("%s (%s): %d, want 400 with %q", c.path, l.cookie, resp.StatusCode, l.want)
			}
		}
	}
}
