// Package benchbook writes the members workbook that the import's
// benchmarks and `make bench` measure (issue 18: 100 000 rows): n
// associations of kind övrig with the office's column headings, valid
// organisation numbers and dates as date cells, written with excelize's
// StreamWriter as a big sheet would be.
package benchbook

import (
	"bytes"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
)

// Members is the workbook of n member rows.
func Members(n int) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return nil, err
	}
	dateFormat := "yyyy-mm-dd"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFormat})
	if err != nil {
		return nil, err
	}
	header := []any{"Namn", "Typ", "Organisationsnummer", "Län", "Invånare", "Medlem sedan", "Kontaktperson", "E-post"}
	if err := sw.SetRow("A1", header); err != nil {
		return nil, err
	}
	joined := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := []any{
			fmt.Sprintf("Förening %06d", i), "övrig", orgNumber(fmt.Sprintf("802%06d", i)), "Stockholms län",
			fmt.Sprintf("%d %03d", 1+i%90, i%1000),
			excelize.Cell{StyleID: dateStyle, Value: joined.AddDate(0, 0, i%4000)},
			fmt.Sprintf("Kontakt %d", i), fmt.Sprintf("kontakt%d@forening.example.se", i),
		}
		if err := sw.SetRow(cell, row); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// orgNumber completes nine digits with the check digit that makes them pass
// the Luhn rule (analytics.Luhn), written NNNNNN-NNNN.
func orgNumber(nine string) string {
	for d := '0'; d <= '9'; d++ {
		if analytics.Luhn(nine + string(d)) {
			return nine[:6] + "-" + nine[6:] + string(d)
		}
	}
	panic("no Luhn check digit for " + nine) // one of ten always passes
}
