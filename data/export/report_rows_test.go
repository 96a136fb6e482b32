package export

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"malbild/analytics/analyticstest"
	"malbild/data/demo"
)

// A board comment, a goal text, an area or a service name of any length
// gives a report whose rows Excel accepts: no row is taller than Excel's
// 409 points and no cell holds more than Excel's 32 767 characters.
func TestReportRowsFitExcelWhateverTheText(t *testing.T) {
	long := func(word string) string { return strings.Repeat(word+" ", 40000/(len(word)+1)) }
	data := demo.Generate(demo.Options{})
	for i := range data.Services[:3] {
		data.Services[i].Name += fmt.Sprint(i) + long("tjänst")
		data.Services[i].Area = long("område")
	}
	s := analyticstest.New(t)
	if err := s.Load(context.Background(), data); err != nil {
		t.Fatal(err)
	}
	analyticstest.Exec(t, s,
		fmt.Sprintf(`UPDATE goal_comments SET body = '%s'`, long("kommentar")),
		fmt.Sprintf(`UPDATE goals SET text = '%s', area = '%s'`, long("måltext"), long("område")),
		fmt.Sprintf(`UPDATE goal_statuses SET comment = '%s'`, long("kommentar")),
	)
	f, _ := workbook(t, func(w io.Writer) error {
		return WriteReport(context.Background(), s, ReportOptions{Year: 2025}, w)
	})
	found := false
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, cells := range rows {
			h, err := f.GetRowHeight(sheet, r+1)
			if err != nil || h > 409 {
				t.Errorf("%s row %d: height %v, %v", sheet, r+1, h, err)
			}
			for c, v := range cells {
				if n := utf8.RuneCountInString(v); n > 32767 {
					t.Errorf("%s!%s holds %d characters", sheet, cellName(c+1, r+1), n)
				}
				found = found || strings.Contains(v, "kommentar kommentar")
			}
		}
	}
	if !found {
		t.Error("the long comment is not in the report at all")
	}
}
