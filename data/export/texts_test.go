package export

import (
	"context"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"malbild/analytics/locale"
)

// Every sheet name is one a workbook accepts, in every language.
func TestSheetNamesAreValid(t *testing.T) {
	for _, key := range locale.Keys("export.sheet.") {
		for _, lang := range locale.Languages {
			name := locale.Text(lang, key)
			if utf8.RuneCountInString(name) > 31 || strings.ContainsAny(name, `[]:*?/\'`) {
				t.Errorf("%q cannot name a sheet", name)
			}
		}
	}
}

// Every text a report shows comes from the catalogue: a key missing there
// would show as "[key]".
func TestReportsShowNoMissingText(t *testing.T) {
	s := demoStore(t)
	for _, lang := range []string{locale.Sv, locale.En} {
		f, _ := workbook(t, func(w io.Writer) error {
			return WriteReport(context.Background(), s, ReportOptions{Year: 2022, Lang: lang}, w)
		})
		for _, sheet := range f.GetSheetList() {
			for r, row := range rows(t, f, sheet) {
				for c, v := range row {
					if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
						t.Errorf("%s %s!%s: %q", lang, sheet, cellName(c+1, r+1), v)
					}
				}
			}
		}
	}
}
