package dashboard_test

import (
	"net/http"
	"strings"
	"testing"
)

// Hole 10: the report for everyone who reads the dashboard; the data, the
// template and the fee list for editors and admins; the export page offers
// each user what they may have.
func TestWhoMayExportWhat(t *testing.T) {
	app, _ := newDemoApp(t)
	_, viewerPage := get(t, app, "/export", "as=viewer")
	_, editorPage := get(t, app, "/export", "as=editor")
	for _, c := range []struct {
		path       string
		viewerMay  bool
		actionAttr string
	}{
		{"/export/report.xlsx?year=2023", true, `action="/export/report.xlsx"`},
		{"/export/data.xlsx", false, `action="/export/data.xlsx"`},
		{"/export/template.xlsx", false, `action="/export/template.xlsx"`},
		{"/export/fees.xlsx?year=2026", false, `action="/export/fees.xlsx"`},
	} {
		want := map[bool]int{true: http.StatusOK, false: http.StatusForbidden}[c.viewerMay]
		if resp, _ := get(t, app, c.path, "as=viewer"); resp.StatusCode != want {
			t.Errorf("viewer %s: %d, want %d", c.path, resp.StatusCode, want)
		}
		if strings.Contains(viewerPage, c.actionAttr) != c.viewerMay {
			t.Errorf("the viewer's export page and %s disagree with the rule", c.path)
		}
		for _, role := range []string{"editor", "admin"} {
			if resp, _ := get(t, app, c.path, "as="+role); resp.StatusCode != http.StatusOK {
				t.Errorf("%s %s: %d, want 200", role, c.path, resp.StatusCode)
			}
		}
		if !strings.Contains(editorPage, c.actionAttr) {
			t.Errorf("the editor's export page does not offer %s", c.path)
		}
	}
}
