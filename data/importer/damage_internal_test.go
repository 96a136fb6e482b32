package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

func BenchmarkScanWorksheet100k(b *testing.B) {
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"Namn", "Typ", "Organisationsnummer", "Medlem sedan", "Invånare"})
	for i := 2; i <= 100_001; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		sw.SetRow(cell, []any{fmt.Sprintf("Förening %d", i), "övrig", "212000-1983", 43000 + i%1000, i})
	}
	sw.Flush()
	var buf bytes.Buffer
	f.Write(&buf)
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	part := findPart(zr, "xl/worksheets/sheet1.xml")
	b.ResetTimer()
	for b.Loop() {
		if d := scanWorksheet(part); d != nil {
			b.Fatal(d)
		}
	}
}
