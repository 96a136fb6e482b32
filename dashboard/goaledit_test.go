package dashboard_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The edit page dates the board's status by the store's clock (2026-11-22 in
// tests): looking back to the day before shows no status (DESIGN "Goal
// status" rule 4), and an earlier status stays in the history.
func TestTheBoardsStatusIsKnownFromTheDayTheEditorSetIt(t *testing.T) {
	app, _ := newApp(t, `INSERT INTO goals (id, year, number, key, text, metric) VALUES (1, 2026, 7, 'natverk', 'Tydliga nätverk', 'manual')`,
		`INSERT INTO goal_statuses (goal_id, set_on, status, comment) VALUES (1, DATE '2026-03-14', 'on_track', 'Enligt plan.')`)
	resp, _ := postForm(t, app, "/goals/1/edit", url.Values{"status": {"at_risk"}, "judgement": {"Ett nätverk har pausat."},
		"comment": {"Tas upp i december."}}, "as=editor")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("goal edit: %d", resp.StatusCode)
	}
	for _, c := range []struct{ asOf, status, statusDate, comment string }{
		{"2026-03-13", "no_data", "", ""},
		{"2026-11-21", "on_track", "2026-03-14", "Enligt plan."},
		{"2026-11-22", "at_risk", "2026-11-22", "Ett nätverk har pausat."},
	} {
		_, body := get(t, app, "/api/goals?year=2026&asof="+c.asOf, "as=viewer")
		var got struct {
			Goals []struct {
				Status     string  `json:"status"`
				StatusDate *string `json:"status_date"`
				Comment    *string `json:"comment"`
			} `json:"goals"`
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil || len(got.Goals) != 1 {
			t.Fatalf("as of %s: %v %s", c.asOf, err, body)
		}
		g := got.Goals[0]
		if g.Status != c.status || deref(g.StatusDate) != c.statusDate || deref(g.Comment) != c.comment {
			t.Errorf("as of %s: %s set %q, comment %q; want %s set %q, comment %q",
				c.asOf, g.Status, deref(g.StatusDate), deref(g.Comment), c.status, c.statusDate, c.comment)
		}
	}
	// The goals page looking back shows neither the judgement nor the comment
	// written after its day.
	for asOf, want := range map[string]bool{"2026-11-21": false, "2026-11-22": true} {
		_, page := get(t, app, "/goals?year=2026&asof="+asOf, "as=viewer")
		for _, text := range []string{"Ett nätverk har pausat.", "Tas upp i december."} {
			if strings.Contains(page, text) != want {
				t.Errorf("/goals as of %s shows %q: %v, want %v", asOf, text, !want, want)
			}
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// A refused comment is said in the page's language at its field, which is
// marked and takes the focus; what the editor wrote stays in the form.
func TestTheGoalFormKeepsARefusedCommentAndMarksIt(t *testing.T) {
	app, s := newDemoApp(t)
	goals, _ := s.EvaluateGoals(t.Context(), 2026, mustDate("2026-11-22"))
	var manual int64
	for _, g := range goals {
		if g.Manual {
			manual = g.ID
		}
	}
	long := strings.Repeat("å", 2001) // 2 001 characters, 4 002 bytes
	form := url.Values{"status": {"at_risk"}, "judgement": {"Nätverken träffas inte."}, "comment": {long}}
	resp, page := postForm(t, app, "/goals/"+itoa(manual)+"/edit", form, "as=editor")
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("a comment of 2 001 characters: %d, want 400", resp.StatusCode)
	}
	for _, want := range []string{
		"Kommentar: skriv mellan 1 och 2 000 tecken.",
		`id="f-comment" name="comment" rows="3" aria-invalid="true" aria-describedby="err-comment" autofocus>` + long + `</textarea>`,
		`<span class="field-error" id="err-comment">`,
		`Nätverken träffas inte.</textarea>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the refused form lacks %.120q", want)
		}
	}
	form = url.Values{"status": {"at_risk"}, "judgement": {long}}
	if resp, page := postForm(t, app, "/goals/"+itoa(manual)+"/edit", form, "as=editor"); resp.StatusCode != http.StatusBadRequest ||
		!strings.Contains(page, "Bedömning: skriv högst 2 000 tecken.") || !strings.Contains(page, `id="f-judgement" name="judgement" rows="3" aria-invalid="true"`) {
		t.Errorf("a judgement of 2 001 characters: %d, want 400 with the field marked", resp.StatusCode)
	}
	if resp, _ := postForm(t, app, "/goals/"+itoa(manual)+"/edit", url.Values{"comment": {strings.Repeat("å", 2000)}}, "as=editor"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a comment of 2 000 characters (4 000 bytes): %d, want it saved", resp.StatusCode)
	}
}
