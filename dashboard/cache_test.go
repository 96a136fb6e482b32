package dashboard_test

import (
	"context"
	"html"
	"strings"
	"testing"

	"malbild/analytics/accounts"
)

// Hole 8: the cache holds nothing of the user who asked first: a name with
// ' & < > is shown to its owner, escaped, and to no one else.
func TestCachedPagesShowEachUserOnlyTheirOwnName(t *testing.T) {
	app, s := newDemoApp(t)
	ctx := context.Background()
	login := func(name string) string {
		a, _, err := accounts.Of(s).CreateAccount(ctx, name, accounts.RoleViewer, "a long enough password")
		if err != nil {
			t.Fatal(err)
		}
		id, _, err := accounts.Of(s).NewSession(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		return "malbild_session=" + id
	}
	first, second := `o'neil&<b>"x"`, "bo"
	firstCookie, secondCookie := login(first), login(second)
	for _, path := range []string{"/", "/goals", "/members"} {
		_, mine := get(t, app, path, "as=anonymous", firstCookie)
		if !strings.Contains(mine, `class="who">`+html.EscapeString(first)+`<`) {
			t.Errorf("%s does not show its user's own name", path)
		}
		_, theirs := get(t, app, path, "as=anonymous", secondCookie)
		if strings.Contains(theirs, "neil") || !strings.Contains(theirs, `class="who">bo<`) {
			t.Errorf("%s from the cache shows another user's name", path)
		}
		_, again := get(t, app, path, "as=anonymous", firstCookie)
		if !strings.Contains(again, `class="who">`+html.EscapeString(first)+`<`) || strings.Contains(again, `class="who">bo<`) {
			t.Errorf("%s from the cache, for the first user again", path)
		}
	}
}
