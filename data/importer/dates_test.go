package importer_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// TestDatesFollowTheCellsNumberFormat writes serial numbers with built-in
// and custom date formats, as Excel and LibreOffice save them, and a year
// in a date-formatted cell, which is read as the year.
func TestDatesFollowTheCellsNumberFormat(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	builtIn14 := style(&excelize.Style{NumFmt: 14})
	builtIn22 := style(&excelize.Style{NumFmt: 22})
	custom := style(&excelize.Style{CustomNumFmt: ptr(`[$-41D]d\ mmmm\ yyyy`)})
	rows := [][]any{
		{"Tjänst", "Typ", "Start", "Slut"},
		{"A", "tjänst", excelize.Cell{StyleID: builtIn14, Value: 44927}, excelize.Cell{StyleID: builtIn22, Value: 45016.5}},
		{"B", "tjänst", excelize.Cell{StyleID: custom, Value: 42522}, excelize.Cell{StyleID: builtIn14, Value: 2023}},
		{"C", "nätverk", 2013, "2015-06-30"},
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if x, ok := v.(excelize.Cell); ok {
				f.SetCellValue("Sheet1", cell, x.Value)
				f.SetCellStyle("Sheet1", cell, cell, x.StyleID)
				continue
			}
			f.SetCellValue("Sheet1", cell, v)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	s := analyticstest.New(t)
	commit(t, s, importer.File{Name: "services.xlsx", Data: buf.Bytes()})
	for query, want := range map[string]int{
		"SELECT count(*) FROM services WHERE name = 'A' AND started_on = DATE '2023-01-01' AND ended_on = DATE '2023-03-31'": 1,
		"SELECT count(*) FROM services WHERE name = 'B' AND started_on = DATE '2016-06-01' AND ended_on = DATE '2023-12-31'": 1,
		"SELECT count(*) FROM services WHERE name = 'C' AND started_on = DATE '2013-01-01' AND ended_on = DATE '2015-06-30'": 1,
	} {
		if got := count(t, s, query); got != want {
			t.Errorf("%s: %d, want %d", query, got, want)
		}
	}
}
