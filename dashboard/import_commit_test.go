package dashboard_test

import (
	"net/http"
	"strings"
	"testing"
)

// Hole 11: a commit without the preview's fingerprint is refused, not
// applied without the changed-since-preview check.
func TestImportCommitNeedsThePreviewsFingerprint(t *testing.T) {
	app, s := newApp(t)
	_, page := upload(t, app, "medlemmar.xlsx", membersWorkbook(t, []any{"Ale", 1440, 32576, "2015-01-12"}))
	fields := previewFields(t, page)
	fields.Del("fingerprint")
	resp, page := postForm(t, app, "/import/commit", fields)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, "kontrollsumma") {
		t.Errorf("a commit without the fingerprint: %d", resp.StatusCode)
	}
	if countMembers(t, s) != 0 {
		t.Error("the file was imported without the check")
	}
}
