package dashboard_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
)

// The admin names the association on the admin page; the report carries the
// name and who made it.
func TestAdminSetsTheAssociationsNameForTheReport(t *testing.T) {
	app, s := newDemoApp(t)
	if _, page := get(t, app, "/", "as=viewer"); !strings.Contains(page, `<div class="print-head" aria-hidden="true"><span>Föreningen</span>`) {
		t.Error("before the setting, the print header does not name the default association")
	}
	resp, page := postForm(t, app, "/admin/settings", url.Values{"association": {"Föreningen Sambruk"}})
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, `value="Föreningen Sambruk"`) {
		t.Fatalf("save: %d; the form does not show the name", resp.StatusCode)
	}
	if v, _ := s.Setting(t.Context(), analytics.SettingAssociation); v != "Föreningen Sambruk" {
		t.Errorf("the setting is %q", v)
	}
	// Every page's print header names it at once (the page cache was dropped).
	if _, page := get(t, app, "/", "as=viewer"); !strings.Contains(page, `<span>Föreningen Sambruk</span>`) {
		t.Error("the overview's print header does not name the association after the setting")
	}
	if resp, _ := postForm(t, app, "/admin/settings", url.Values{"association": {strings.Repeat("x", 201)}}); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a name of 201 characters: %d", resp.StatusCode)
	}
	if resp, _ := postForm(t, app, "/admin/settings", url.Values{"association": {"X"}}, "as=editor"); resp.StatusCode == http.StatusOK {
		t.Error("an editor changed a setting")
	}

	resp, body := get(t, app, "/export/report.xlsx?year=2026")
	f, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("report: %d %v", resp.StatusCode, err)
	}
	defer f.Close()
	if title, _ := f.GetCellValue("Sammanfattning", "A1"); title != "Föreningen Sambruk – Årsmötesrapport 2026" {
		t.Errorf("the report's title is %q", title)
	}
	if made, _ := f.GetCellValue("Sammanfattning", "C4"); !strings.HasSuffix(made, " av admin") {
		t.Errorf("the report says it was made %q, want by admin", made)
	}
}
