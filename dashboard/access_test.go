package dashboard_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"malbild/analytics/accounts"
	"malbild/analytics/analyticstest"
	"malbild/dashboard"
)

// TestAccessMatrix walks every route of the route list as anonymous,
// viewer, editor and admin: below the route's role the answer is the login
// page (anonymous page), 401 (anonymous API or form) or 403; at or above it
// the route answers for itself. A new route is in the list, so it is tested
// here without anyone remembering to.
func TestAccessMatrix(t *testing.T) {
	srv, err := dashboard.NewServer(dashboard.Config{Store: analyticstest.New(t)})
	if err != nil {
		t.Fatal(err)
	}
	routes := dashboard.Routes(srv)
	if len(routes) < 30 {
		t.Fatalf("only %d routes", len(routes))
	}
	identities := []string{"anonymous", accounts.RoleViewer, accounts.RoleEditor, accounts.RoleAdmin}
	// GET routes change nothing, and neither does a refused request: they
	// share one app. An allowed POST may change the accounts the next
	// request needs, so it gets an app of its own.
	shared, _ := newDemoApp(t)
	for _, r := range routes {
		path := strings.NewReplacer(":id", "1", ":name", "viewer").Replace(r.Path)
		for _, who := range identities {
			allowed := r.Role == "" || (who != "anonymous" && accounts.RoleRank(who) >= accounts.RoleRank(r.Role))
			app := shared
			if r.Method != http.MethodGet && allowed {
				app, _ = newDemoApp(t)
			}
			req := httptest.NewRequest(r.Method, path, strings.NewReader(""))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			resp, _ := send(t, app, req, "as="+who)
			got := resp.StatusCode
			location := resp.Header.Get("Location")
			switch {
			case allowed && (got == http.StatusUnauthorized && r.Path != "/login" || got == http.StatusForbidden || strings.HasPrefix(location, "/login?")):
				t.Errorf("%s %s as %s: %d %s, want the route to answer", r.Method, r.Path, who, got, location)
			case !allowed && who == "anonymous" && r.Method == http.MethodGet && !strings.HasPrefix(r.Path, "/api/"):
				if got != http.StatusSeeOther || !strings.HasPrefix(location, "/login?next=") {
					t.Errorf("%s %s as anonymous: %d %s, want a redirect to the login page", r.Method, r.Path, got, location)
				}
			case !allowed && who == "anonymous" && got != http.StatusUnauthorized:
				t.Errorf("%s %s as anonymous: %d, want 401", r.Method, r.Path, got)
			case !allowed && who != "anonymous" && got != http.StatusForbidden:
				t.Errorf("%s %s as %s: %d, want 403", r.Method, r.Path, who, got)
			}
		}
	}
}

// The accessibility statement is public too: whoever cannot log in must be
// able to read it and learn how to report that.
func TestPublicRoutesAreOnlyHealthLoginStatementAndAssets(t *testing.T) {
	srv, _ := dashboard.NewServer(dashboard.Config{Store: analyticstest.New(t)})
	for _, r := range dashboard.Routes(srv) {
		if r.Role == "" && r.Path != "/healthz" && r.Path != "/login" && r.Path != "/tillganglighet" {
			t.Errorf("%s %s needs no login", r.Method, r.Path)
		}
	}
}

func TestAPITokenReadsTheAPIButNoPage(t *testing.T) {
	app, s := newDemoApp(t)
	token, err := accounts.Of(s).NewAPIToken(t.Context(), "viewer")
	if err != nil {
		t.Fatal(err)
	}
	call := func(path, token string) int {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, _ := send(t, app, req, "as=anonymous")
		return resp.StatusCode
	}
	if got := call("/api/metrics?asof=2023-06-30", token); got != http.StatusOK {
		t.Errorf("API with a token: %d", got)
	}
	if got := call("/api/metrics", "mb_wrong"); got != http.StatusUnauthorized {
		t.Errorf("API with a wrong token: %d", got)
	}
	if got := call("/", token); got != http.StatusSeeOther {
		t.Errorf("a page with a token: %d, want the login page (tokens are for the API)", got)
	}
	tokens, _ := accounts.Of(s).APITokens(t.Context())
	accounts.Of(s).RevokeAPIToken(t.Context(), tokens[0].ID)
	if got := call("/api/metrics", token); got != http.StatusUnauthorized {
		t.Errorf("API with a revoked token: %d", got)
	}
}
