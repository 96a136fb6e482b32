package dashboard_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

// membersWorkbook is a small members sheet as the office writes it.
func membersWorkbook(t *testing.T, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	all := append([][]any{{"Medlemsförteckning"}, {"Namn", "Kommunkod", "Invånare", "Medlem sedan"}}, rows...)
	for r, row := range all {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			f.SetCellValue("Sheet1", cell, v)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// upload posts a file to /import as the form does.
func upload(t *testing.T, app *fiber.App, name string, data []byte, cookies ...string) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	part, err := w.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	part.Write(data)
	w.Close()
	req := httptest.NewRequest(http.MethodPost, "/import", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return send(t, app, req, cookies...)
}

// postForm posts form fields to path.
func postForm(t *testing.T, app *fiber.App, path string, fields url.Values, cookies ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(fields.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return send(t, app, req, cookies...)
}

var hiddenField = regexp.MustCompile(`name="(id|fingerprint)" value="([^"]+)"`)

// previewFields are the hidden fields of a preview's commit form.
func previewFields(t *testing.T, page string) url.Values {
	t.Helper()
	v := url.Values{}
	for _, m := range hiddenField.FindAllStringSubmatch(page, -1) {
		v.Set(m[1], m[2])
	}
	if v.Get("id") == "" || v.Get("fingerprint") == "" {
		t.Fatalf("no commit form in the preview:\n%s", page)
	}
	return v
}

func countMembers(t *testing.T, s *analytics.Store) int {
	var n int
	if err := analyticstest.Handle(s).QueryRow("SELECT count(*) FROM members").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportUploadPreviewCommitAndUndo(t *testing.T) {
	app, s := newApp(t)
	resp, page := get(t, app, "/import")
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, `enctype="multipart/form-data"`) || !strings.Contains(page, "Inga importer ännu") {
		t.Fatalf("form: %d\n%s", resp.StatusCode, page)
	}

	resp, page = upload(t, app, "medlemmar.xlsx", membersWorkbook(t, []any{"Ale kommun", 1440, "32 576", "2015-01-12"}, []any{"Karlstad", nil, 98084, 2008}))
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "medlemmar.xlsx") || !strings.Contains(page, "Ale, 1440, 2015-01-12–") ||
		!strings.Contains(page, "rubriker på rad 2") {
		t.Fatalf("preview: %d\n%s", resp.StatusCode, page)
	}
	if countMembers(t, s) != 0 {
		t.Fatal("the preview wrote")
	}

	resp, _ = postForm(t, app, "/import/commit", previewFields(t, page))
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/import?done=1" {
		t.Fatalf("commit: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if countMembers(t, s) != 2 {
		t.Fatal("the commit did not write the members")
	}
	_, page = get(t, app, "/import?done=1")
	if !strings.Contains(page, "import 1") || !strings.Contains(page, `action="/import/undo"`) || !strings.Contains(page, "medlemmar.xlsx") {
		t.Fatalf("history:\n%s", page)
	}

	resp, _ = postForm(t, app, "/import/undo", url.Values{"batch": {"1"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/import?undone=1" {
		t.Fatalf("undo: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if countMembers(t, s) != 0 {
		t.Fatal("the undo left members")
	}
	_, page = get(t, app, "/import?undone=1")
	if !strings.Contains(page, "Import 1 är ångrad") || !strings.Contains(page, "ångrad 20") {
		t.Errorf("after undo:\n%s", page)
	}
}

func TestImportPreviewShowsProblemsAndOffersNoCommit(t *testing.T) {
	app, s := newApp(t)
	resp, page := upload(t, app, "fel.xlsx", membersWorkbook(t, []any{"Karlstadd", nil, 98084, "2008-04-01"}), "malbild_lang=en")
	if resp.StatusCode != http.StatusOK || strings.Contains(page, `action="/import/commit"`) {
		t.Fatalf("preview: %d\n%s", resp.StatusCode, page)
	}
	for _, want := range []string{"Karlstadd", "did you mean Karlstad", "<td>Sheet1</td><td class=\"num\">3</td><td>Namn</td>", "1 errors"} {
		if !strings.Contains(page, want) {
			t.Errorf("the preview does not say %q:\n%s", want, page)
		}
	}
	if countMembers(t, s) != 0 {
		t.Error("a file with errors was written")
	}
}

func TestImportRefusesBadFilesAndStalePreviews(t *testing.T) {
	app, _ := newApp(t)
	resp, page := upload(t, app, "gammal.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "Excel-arbetsbok (.xlsx)") {
		t.Errorf("old xls: %d\n%s", resp.StatusCode, page)
	}
	resp, page = postForm(t, app, "/import", url.Values{})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, "Välj en fil") {
		t.Errorf("no file: %d\n%s", resp.StatusCode, page)
	}
	resp, page = postForm(t, app, "/import/commit", url.Values{"id": {"0123456789abcdef"}, "fingerprint": {"x"}})
	if resp.StatusCode != http.StatusGone || !strings.Contains(page, "Ladda upp filen igen") {
		t.Errorf("unknown preview: %d\n%s", resp.StatusCode, page)
	}
	resp, page = postForm(t, app, "/import/undo", url.Values{"batch": {"7"}})
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(page, "ingen import att ångra") {
		t.Errorf("undo without imports: %d\n%s", resp.StatusCode, page)
	}
}

func TestImportCommitRefusesWhenTheRegisterChangedSinceThePreview(t *testing.T) {
	app, s := newApp(t)
	_, page := upload(t, app, "medlemmar.xlsx", membersWorkbook(t, []any{"Ale", 1440, 32576, "2015-01-12"}))
	fields := previewFields(t, page)
	if _, err := analyticstest.Handle(s).Exec(`INSERT INTO members (name, kind, code, joined_on) VALUES ('Ale', 'kommun', '1440', DATE '2015-01-12')`); err != nil {
		t.Fatal(err)
	}
	resp, page := postForm(t, app, "/import/commit", fields)
	if resp.StatusCode != http.StatusConflict || !strings.Contains(page, "Förhandsgranska filen igen") {
		t.Errorf("stale commit: %d\n%s", resp.StatusCode, page)
	}
	if countMembers(t, s) != 1 {
		t.Error("the stale preview was written")
	}
}

// The preview page lists a sheet's first rows and counts every other one,
// those the plan lists beyond the page and those it only counts (past its
// own limit of importer.DefaultRowLimit).
func TestImportPreviewCountsTheRowsItDoesNotList(t *testing.T) {
	app, _ := newApp(t)
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Namn", "Typ", "Medlem sedan"})
	const n = 1205
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &[]any{fmt.Sprintf("Förening %04d", i), "övrig", "2020-01-01"})
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	resp, page := upload(t, app, "föreningar.xlsx", buf.Bytes())
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("preview: %d\n%s", resp.StatusCode, page)
	}
	if !strings.Contains(page, "Förening 0200") || strings.Contains(page, "Förening 0201") {
		t.Error("the page does not list exactly the first 200 rows")
	}
	if want := fmt.Sprintf("… och %d rader till.", n-200); !strings.Contains(page, want) {
		t.Errorf("the page does not say %q", want)
	}
}
