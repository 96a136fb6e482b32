package main

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// membersWorkbook is a members sheet of n new organisations of kind övrig,
// named after tag so that each run's members are new to the database.
func membersWorkbook(n int, tag string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Medlemmar"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	rows := [][]any{{"Namn", "Typ", "Län", "Invånare", "Medlem sedan"}}
	for i := 1; i <= n; i++ {
		rows = append(rows, []any{fmt.Sprintf("Lasttest %s förening %03d", tag, i), "övrig", "Stockholms län",
			1000 + 37*i, fmt.Sprintf("2024-%02d-01", 1+i%12)})
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
