package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// A plain worksheet reads as excelize reads it: the same rows, the same
// cells, the same dates, and the sheets that are not plain are read by
// excelize itself.
func TestPlainSheetsReadAsExcelize(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/samples/*.xlsx")
	if len(files) == 0 {
		t.Fatal("no sample workbooks in ../shared/samples")
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(name), func(t *testing.T) { samePlainRows(t, data, true) })
	}
	t.Run("built", func(t *testing.T) { samePlainRows(t, builtWorkbook(t), true) })
	for _, tc := range worksheetCases {
		t.Run(tc.name, func(t *testing.T) {
			samePlainRows(t, withWorksheet(t, builtWorkbook(t), tc.xml), tc.plain)
		})
	}
}

// worksheetCases are worksheets as other programs may write them.
var worksheetCases = []struct {
	name  string
	xml   string
	plain bool
}{
	{"gaps and no references", `<row r="2"><c><v>1</v></c><c t="s"><v>0</v></c></row><row><c r="C3" t="str"><v>x</v></c></row><row r="7"/>`, true},
	{"entities and line ends", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a &amp; b &lt;c&gt; &#228;&#x41;\r\nd\re</t></is></c><c r=\"B1\" t=\"str\"><v>&quot;q&apos;</v></c></row>", true},
	{"escapes and runs", `<row r="1"><c r="A1" t="inlineStr"><is><t>x_x000D_y_x005F_z</t><r><t>run1</t></r><r><t xml:space="preserve"> run2</t></r></is></c></row>`, true},
	{"formula without value", `<row r="1"><c r="A1"><f>1+1</f></c><c r="B1" s="1"><v>44927</v></c><c r="C1" s="1"/><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c></row>`, true},
	{"shared string outside the table", `<row r="1"><c r="A1" t="s"><v>99</v></c><c r="B1" t="s"><v>x</v></c><c r="C1" t="s"><v></v></c></row>`, true},
	{"prefixed names", `<row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>p</x:t></x:is></x:c></row>`, true},
	{"rows going back", `<row r="3"><c><v>1</v></c></row><row r="2"><c><v>2</v></c></row>`, false},
	{"columns going back", `<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>`, false},
	{"lower-case reference", `<row r="1"><c r="a1"><v>1</v></c></row>`, false},
	{"formatted run", `<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>fet</t></r></is></c></row>`, false},
	{"comment", `<row r="1"><!-- x --><c r="A1"><v>1</v></c></row>`, false},
	{"CDATA", `<row r="1"><c r="A1" t="str"><v><![CDATA[a<b]]></v></c></row>`, false},
	{"two values", `<row r="1"><c r="A1"><v>1</v><v>2</v></c></row>`, false},
	{"style not a number", `<row r="1"><c r="A1" s="x"><v>1</v></c></row>`, false},
}

// builtWorkbook is a workbook excelize writes with shared strings, numbers,
// dates, a formula, blank cells and a second sheet.
func builtWorkbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	rows := [][]any{
		{"Namn", "Typ", "Medlem sedan", "Invånare", "Kod"},
		{"Ale <&> kommun", "kommun", time.Date(2015, 1, 12, 0, 0, 0, 0, time.UTC), 32576, "1440"},
		{"Tab\tline\nbreak", nil, 44927.5, -1.25, true},
		{},
		{nil, nil, nil, "sist"},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellStyle("Sheet1", "C2", "C3", date)
	f.SetCellFormula("Sheet1", "F2", "D2*2")
	f.NewSheet("Andra")
	f.SetCellValue("Andra", "B2", "Ale kommun")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withWorksheet replaces the first worksheet's rows.
func withWorksheet(t *testing.T, data []byte, rows string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		if f.Name == "xl/worksheets/sheet1.xml" {
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
				`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>`, rows)
			continue
		}
		rc, _ := f.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	return buf.Bytes()
}

// samePlainRows reads every sheet of the workbook twice, plainly and with
// excelize, and compares.
func samePlainRows(t *testing.T, data []byte, wantPlain bool) {
	t.Helper()
	src, err := openXLSX(data, "sv")
	if err != nil {
		t.Fatal(err)
	}
	defer src.close()
	s := src.(*xlsxSource)
	for _, info := range s.sheets() {
		if s.plain[info.name] != wantPlain && info.name == "Sheet1" {
			t.Errorf("sheet %s plain = %v, want %v", info.name, s.plain[info.name], wantPlain)
		}
		plain := readAll(t, s, info.name)
		saved := s.plain
		s.plain = nil
		careful := readAll(t, s, info.name)
		s.plain = saved
		if !reflect.DeepEqual(plain, careful) {
			t.Errorf("sheet %s:\nplain   %q\nexcelize %q", info.name, plain, careful)
		}
	}
}

func readAll(t *testing.T, s *xlsxSource, sheet string) []string {
	var out []string
	err := s.rows(sheet, func(row int, cells []Cell) bool {
		var b strings.Builder
		fmt.Fprintf(&b, "%d:", row)
		for _, c := range cells {
			fmt.Fprintf(&b, " %q/%v/%s", c.Raw, c.Number, c.Date.Format(time.DateOnly))
		}
		out = append(out, b.String())
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// FuzzPlainWorksheet: a worksheet plainXML reads to its end is one the
// strict scan finds whole, and its rows read as excelize reads them.
func FuzzPlainWorksheet(f *testing.F) {
	for _, tc := range worksheetCases {
		f.Add(tc.xml)
	}
	f.Add(`<row r="1"><c r="A1" t="str"><v>]]></v></c></row>`)
	f.Add(`<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`)
	f.Add("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>\x01</v></c></row>")
	f.Fuzz(func(t *testing.T, rows string) {
		base := builtWorkbookOnce(t)
		data := withWorksheet(t, base, rows)
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		part := findPart(zr, "xl/worksheets/sheet1.xml")
		if _, err := walkPart(part); err != nil {
			return
		}
		if d := scanWorksheet(part); d != nil {
			t.Fatalf("plain, but the strict scan stops at row %d: %s", d.row, d.detail)
		}
		samePlainRows(t, data, true)
	})
}

var builtOnce []byte

func builtWorkbookOnce(t *testing.T) []byte {
	if builtOnce == nil {
		builtOnce = builtWorkbook(t)
	}
	return builtOnce
}

// BenchmarkWalkSheet100k checks and reads the benchmarks' worksheet of
// 100 000 member rows.
func BenchmarkWalkSheet100k(b *testing.B) {
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"Namn", "Typ", "Organisationsnummer", "Medlem sedan", "Invånare"})
	for i := 2; i <= 100_001; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		sw.SetRow(cell, []any{fmt.Sprintf("Förening %d", i), "övrig", "212000-1983", 43000 + i%1000, i,
			fmt.Sprintf("Kontakt %d", i), fmt.Sprintf("kontakt%d@forening.example.se", i)})
	}
	sw.Flush()
	var buf bytes.Buffer
	f.Write(&buf)
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	part := findPart(zr, "xl/worksheets/sheet1.xml")
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			if _, err := walkPart(part); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			rc, _ := part.Open()
			n := 0
			_, err := walkSheet(rc, nil, func(row int, values []string, numbers []numberCell) bool {
				n += len(values)
				return true
			})
			rc.Close()
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}
