package dashboard_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"malbild/analytics"
	"malbild/analytics/accounts"
	"malbild/data/reference"
)

// Readers hammer the pages while imports and edits commit: no request
// fails, and once the writes are done every page shows the new numbers
// (the cache was dropped by each write).
func TestReadersDuringImportsAndEditsSeeNoErrorAndFreshNumbers(t *testing.T) {
	app, s := newDemoApp(t)
	base := serveOnLoopback(t, app)
	byRole, _ := sessions.Load(app)
	viewerCookie := "malbild_session=" + byRole.(map[string]testSession)[accounts.RoleViewer].id
	ctx := t.Context()
	before, _ := s.Metric(ctx, "members", nil, mustDate("2026-11-22"))

	// Municipalities that are not yet members, for the imports to add.
	present := map[string]bool{}
	rows, _ := s.ListMembers(ctx, mustDate("2026-11-22"), analytics.MemberFilter{All: true})
	for _, r := range rows {
		present[r.Code] = true
	}
	var newcomers []reference.Municipality
	for _, m := range reference.Municipalities() {
		if !present[m.Code] {
			newcomers = append(newcomers, m)
		}
	}

	// Readers run from before the first write until after the last; each
	// reads at least once before the writes begin, so reads and writes
	// overlap whatever the machine's speed. What they must never see: an
	// error, or a member count going back (a stale page after a fresh one).
	const readers = 8
	var stop atomic.Bool
	var failures atomic.Int64
	var reads atomic.Int64
	var started, wg sync.WaitGroup
	started.Add(readers)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for i := 0; i < readers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			paths := []string{"/api/metrics", "/", "/members", "/goals", "/services"}
			seen := 0.0
			for n := 0; n == 0 || !stop.Load(); n++ {
				path := paths[(i+n)%len(paths)]
				req, _ := http.NewRequest(http.MethodGet, base+path, nil)
				req.Header.Set("Cookie", viewerCookie)
				resp, err := client.Do(req)
				reads.Add(1)
				if n == 0 {
					started.Done()
				}
				if err != nil {
					failures.Add(1)
					t.Errorf("GET %s: %v", path, err)
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failures.Add(1)
					t.Errorf("GET %s: %d", path, resp.StatusCode)
					continue
				}
				if path == "/api/metrics" {
					var m struct {
						Metrics map[string]struct{ Value float64 } `json:"metrics"`
					}
					json.Unmarshal(body, &m)
					if v := m.Metrics["members"].Value; v < seen {
						failures.Add(1)
						t.Errorf("GET /api/metrics: %v members after %v: a stale answer after a fresh one", v, seen)
					} else {
						seen = v
					}
				}
			}
		}(i)
	}
	started.Wait()

	added := 0
	for round := 0; round < 3; round++ {
		var sheet [][]any
		for _, m := range newcomers[round*4 : round*4+4] {
			sheet = append(sheet, []any{m.Name, m.Code, m.Population, "2026-01-15"})
		}
		resp, page := upload(t, app, fmt.Sprintf("nya-%d.xlsx", round), membersWorkbook(t, sheet...), "as=editor")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("upload %d: %d", round, resp.StatusCode)
		}
		if resp, _ := postForm(t, app, "/import/commit", previewFields(t, page), "as=editor"); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("commit %d: %d", round, resp.StatusCode)
		}
		added += 4
		// The first read after the commit already has its members.
		_, body := get(t, app, "/api/metrics", "as=viewer")
		if !strings.Contains(body, fmt.Sprintf(`"members":{"value":%d`, int(*before.Value)+added)) {
			t.Errorf("after commit %d the API still shows an older member count: %.200s", round, body)
		}
		m := rows[round]
		form := url.Values{"name": {m.Name}, "kind": {m.Kind}, "code": {m.Code}, "org_number": {m.OrgNumber}, "county": {m.CountyCode},
			"population": {fmt.Sprint(m.Population + 1)}, "joined": {m.JoinedOn.Format("2006-01-02")}}
		if !m.LeftOn.IsZero() {
			form.Set("left", m.LeftOn.Format("2006-01-02"))
		}
		if resp, body := postForm(t, app, "/members/"+itoa(m.ID)+"/edit", form, "as=editor"); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit %d: %d %.300s", round, resp.StatusCode, body)
		}
	}
	stop.Store(true)
	wg.Wait()
	if failures.Load() > 0 {
		t.Fatalf("%d of %d reads during the writes failed or went back (see above)", failures.Load(), reads.Load())
	}
	t.Logf("%d reads during the writes, none failed", reads.Load())

	_, body := get(t, app, "/api/metrics", "as=viewer")
	var got struct {
		Metrics map[string]struct{ Value float64 } `json:"metrics"`
	}
	json.Unmarshal([]byte(body), &got)
	if want := *before.Value + float64(added); got.Metrics["members"].Value != want {
		t.Errorf("after the imports the API says %v members, want %v", got.Metrics["members"].Value, want)
	}
	_, page := get(t, app, "/", "as=viewer")
	if !strings.Contains(page, fmt.Sprintf(`<span class="value">%d</span>`, int(*before.Value)+added)) {
		t.Error("the overview still shows the number from before the imports")
	}
}
