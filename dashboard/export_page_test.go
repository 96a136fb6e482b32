package dashboard_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"malbild/analytics/accounts"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func TestExportPageOffersEveryExport(t *testing.T) {
	app, _ := newApp(t)
	resp, body := get(t, app, "/export?asof=2025-06-30")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{
		`action="/export/report.xlsx"`, `action="/export/data.xlsx"`, `action="/export/template.xlsx"`,
		`action="/export/fees.xlsx"`, `name="language"`, `value="2025-06-30"`, `name="year" min="1900" max="2999" value="2025"`,
		"Årsmötesrapport", "Avgiftslista",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	_, body = get(t, app, "/export", "malbild_lang=en")
	if !strings.Contains(body, "Annual meeting report") || !strings.Contains(body, `<option value="en" selected>`) {
		t.Error("the English page is not in English or does not preselect English")
	}
}

// Exports download as workbooks; the report, a viewer's export, carries no
// personal data: not hidden, absent.
func TestExportsDownloadAsWorkbooksWithoutPersonalData(t *testing.T) {
	app, _ := newDemoApp(t)
	for _, c := range []struct {
		path, file, sheet, as string
	}{
		{"/export/report.xlsx?year=2023&asof=2023-06-30", "Årsmötesrapport 2023 per 2023-06-30.xlsx", "Sammanfattning", "viewer"},
		{"/export/report.xlsx?year=2023&language=en", "Annual meeting report 2023.xlsx", "Summary", "viewer"},
		{"/export/data.xlsx", "Målbild data 2026-11-22.xlsx", "Medlemmar", "editor"},
		{"/export/template.xlsx", "Importmall Målbild.xlsx", "Instruktioner", "editor"},
		{"/export/fees.xlsx?year=2026", "Avgiftslista 2026.xlsx", "Avgiftslista 2026", "editor"},
	} {
		resp, body := get(t, app, c.path, "as="+c.as)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d: %.300s", c.path, resp.StatusCode, body)
			continue
		}
		if ct := resp.Header.Get("Content-Type"); ct != xlsxType {
			t.Errorf("%s: Content-Type %q", c.path, ct)
		}
		cd := resp.Header.Get("Content-Disposition")
		if !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, `filename="`) || !strings.Contains(cd, "filename*=UTF-8''") {
			t.Errorf("%s: Content-Disposition %q", c.path, cd)
		}
		if got := dispositionName(t, cd); got != c.file {
			t.Errorf("%s: file name %q, want %q", c.path, got, c.file)
		}
		if resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: the export may be cached", c.path)
		}
		f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
		if err != nil {
			t.Errorf("%s: not a workbook: %v", c.path, err)
			continue
		}
		if idx, _ := f.GetSheetIndex(c.sheet); idx < 0 {
			t.Errorf("%s: no sheet %s in %v", c.path, c.sheet, f.GetSheetList())
		}
		if cell := findText(t, f, ".kommun.example"); cell != "" && c.as == "viewer" {
			t.Errorf("%s: an e-mail address at %s in a viewer's export", c.path, cell)
		}
		f.Close()
	}
}

func TestExportRefusesBadInputClearly(t *testing.T) {
	app, _ := newDemoApp(t)
	for _, c := range []struct {
		path, want string
		status     int
	}{
		{"/export/report.xlsx?year=20x6", "fyra siffror", http.StatusBadRequest},
		{"/export/report.xlsx?year=2023&asof=2023-02-30", "ÅÅÅÅ-MM-DD", http.StatusBadRequest},
		{"/export/report.xlsx?year=2023&language=de", "sv (svenska)", http.StatusBadRequest},
		{"/export/report.xlsx?year=2024&asof=2023-06-30", "ligger före år 2024", http.StatusBadRequest},
		{"/export/fees.xlsx?year=1800", "fyra siffror", http.StatusBadRequest},
		{"/export/fees.xlsx?year=2019", "ingen avgiftstabell för 2019", http.StatusBadRequest},
	} {
		resp, body := get(t, app, c.path)
		if resp.StatusCode != c.status || !strings.Contains(body, c.want) {
			t.Errorf("%s: status %d, body lacks %q: %.200s", c.path, resp.StatusCode, c.want, body)
		}
	}
}

// dispositionName decodes the UTF-8 file name of a Content-Disposition.
func dispositionName(t *testing.T, cd string) string {
	t.Helper()
	_, encoded, ok := strings.Cut(cd, "filename*=UTF-8''")
	if !ok {
		return ""
	}
	name, err := url.PathUnescape(encoded)
	if err != nil {
		t.Errorf("filename* %q: %v", encoded, err)
	}
	return name
}

// findText returns the first cell of any sheet whose text contains s.
func findText(t *testing.T, f *excelize.File, s string) string {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if strings.Contains(v, s) {
					name, _ := excelize.CoordinatesToCellName(c+1, r+1)
					return sheet + "!" + name
				}
			}
		}
	}
	return ""
}

// An editor's export carries the contacts, and the audit log says so.
func TestEditorsExportCarriesContactsAndIsAudited(t *testing.T) {
	app, s := newDemoApp(t)
	resp, body := get(t, app, "/export/data.xlsx", "as=editor")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if findText(t, f, ".kommun.example") == "" {
		t.Error("the editor's data export has no contact e-mail")
	}
	log, _ := accounts.Of(s).AuditLog(context.Background(), 10)
	if len(log) == 0 || log[0].Action != "export_personal" || log[0].Actor != "editor" {
		t.Errorf("audit log %+v, want export_personal by editor", log)
	}
}
