package importer_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// oleFile is the start of an OLE compound file, as old .xls workbooks and
// encrypted .xlsx files are, followed by stream names in UTF-16LE.
func oleFile(streams ...string) []byte {
	data := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	data = append(data, make([]byte, 504)...)
	for _, s := range streams {
		for _, r := range s {
			data = append(data, byte(r), 0)
		}
		data = append(data, make([]byte, 64)...)
	}
	return data
}

// zipBomb is a workbook whose worksheet claims to unpack to 1 GiB.
func zipBomb(t *testing.T) []byte {
	good := workbook(t, sheet{"Medlemmar", [][]any{{"Namn", "Kommunkod"}, {"Ale", "1440"}}})
	zr, err := zip.NewReader(bytes.NewReader(good.Data), int64(len(good.Data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate,
				CompressedSize64: 2, UncompressedSize64: 1 << 30})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte{3, 0})
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	return buf.Bytes()
}

func emptyWorkbook(t *testing.T) []byte {
	f := excelize.NewFile()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func odsFile() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	zw.Close()
	return buf.Bytes()
}

func tooManyRows() []byte {
	var b strings.Builder
	b.WriteString("Namn;Kommunkod\n")
	for i := 0; i < importer.MaxRows; i++ {
		b.WriteString("Ale;1440\n")
	}
	return []byte(b.String())
}

func TestBadFilesAreRefusedWithAReasonAndChangeNothing(t *testing.T) {
	cases := []struct {
		name   string
		data   func(t *testing.T) []byte
		reason string
		says   string // in the English message
	}{
		{"empty.xlsx", func(*testing.T) []byte { return nil }, importer.ReasonEmpty, "empty"},
		{"report.pdf", func(*testing.T) []byte { return []byte("%PDF-1.7\n\x00\x01\x02binary") }, importer.ReasonNotSpreadsheet, "neither an Excel workbook"},
		{"old.xls", func(*testing.T) []byte { return oleFile("Workbook", "SummaryInformation") }, importer.ReasonOldExcel, "Save as → Excel workbook (.xlsx)"},
		{"secret.xlsx", func(*testing.T) []byte { return oleFile("EncryptionInfo", "EncryptedPackage") }, importer.ReasonEncrypted, "password"},
		{"calc.ods", func(*testing.T) []byte { return odsFile() }, importer.ReasonOpenDocument, ".xlsx"},
		{"excel2003.xls", func(*testing.T) []byte {
			return []byte(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>`)
		}, importer.ReasonOldExcel, "Save as"},
		{"big.csv", func(*testing.T) []byte { return bytes.Repeat([]byte("Namn;Kod\n"), importer.MaxFileSize/9+1) }, importer.ReasonTooLarge, "20 MiB"},
		{"long.csv", func(*testing.T) []byte { return tooManyRows() }, importer.ReasonTooManyRows, "more than 200000 rows"},
		{"bomb.xlsx", zipBomb, importer.ReasonZipBomb, "unpacks to more than 256 MiB"},
		{"blank.xlsx", emptyWorkbook, importer.ReasonEmpty, "no rows"},
		{"headers.xlsx", func(t *testing.T) []byte {
			return workbook(t, sheet{"Medlemmar", [][]any{{"Namn", "Kommunkod", "Medlem sedan"}}}).Data
		}, importer.ReasonHeaderOnly, `"Medlemmar" has headers but no rows`},
		{"garbage.zip", func(*testing.T) []byte { return []byte("PK\x03\x04 not really a zip") }, importer.ReasonNotSpreadsheet, "neither"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := analyticstest.New(t)
			before := dump(t, s)
			f := importer.File{Name: c.name, Data: c.data(t)}
			_, err := importer.Preview(context.Background(), s, f, en)
			var fe *importer.FileError
			if !errors.As(err, &fe) || fe.Reason != c.reason || !strings.Contains(fe.Message, c.says) {
				t.Fatalf("preview: %v (want %s saying %q)", err, c.reason, c.says)
			}
			if analytics.ErrorCode(err) != analytics.EInvalid {
				t.Errorf("code %s, want invalid", analytics.ErrorCode(err))
			}
			res, err := importer.Commit(context.Background(), s, f, en)
			if !errors.As(err, &fe) || res != nil {
				t.Errorf("commit: %v, %v", res, err)
			}
			if dump(t, s) != before || count(t, s, "SELECT count(*) FROM import_batches") != 0 {
				t.Error("a refused file changed the database")
			}
		})
	}
}

func TestFileErrorsAreInSwedishByDefault(t *testing.T) {
	s := analyticstest.New(t)
	_, err := importer.Preview(context.Background(), s, importer.File{Name: "old.xls", Data: oleFile("Workbook")}, importer.Options{})
	if err == nil || !strings.Contains(err.Error(), "Spara som") {
		t.Errorf("got %v", err)
	}
}

func TestASheetOfUnknownKindSaysWhichHeadersAreExpected(t *testing.T) {
	s := analyticstest.New(t)
	f := workbook(t, sheet{"Lista", [][]any{{"Budget 2024"}, {"Post", "Belopp"}, {"Hyra", 1000}}})
	res, err := importer.Commit(context.Background(), s, f, en)
	if analytics.ErrorCode(err) != analytics.EInvalid || res == nil {
		t.Fatalf("commit: %v", err)
	}
	ps := res.Plan.Problems()
	if len(ps) != 1 || ps[0].Sheet != "Lista" || ps[0].Row != 1 || ps[0].Code != "sheet.unknown_kind" ||
		!strings.Contains(ps[0].Message, "members (Name, Kind, Code") || !strings.Contains(ps[0].Message, "Contribution, Annual fee") {
		t.Errorf("problems: %+v", ps)
	}
	if count(t, s, "SELECT count(*) FROM import_batches") != 0 {
		t.Error("batch recorded")
	}
}

func TestHiddenEmptyAndInstructionSheetsAreSkipped(t *testing.T) {
	s := analyticstest.New(t)
	f := workbook(t,
		sheet{"Instruktioner", [][]any{{"Importmall"}, {"Fyll i bladen."}, {"Mått", "Vad det mäter"}}},
		sheet{"Medlemmar", [][]any{{"Namn", "Medlem sedan"}, {"Ale", date("2015-01-12")}}},
		sheet{"Tom", nil},
		sheet{"Listor", [][]any{{"kommun", "region"}}},
	)
	xl, err := excelize.OpenReader(bytes.NewReader(f.Data))
	if err != nil {
		t.Fatal(err)
	}
	xl.SetSheetVisible("Listor", false)
	var buf bytes.Buffer
	xl.Write(&buf)
	f.Data = buf.Bytes()
	res := commit(t, s, f)
	skipped := map[string]bool{}
	for _, sh := range res.Plan.Sheets {
		skipped[sh.Name] = sh.Skipped != ""
	}
	if !skipped["Instruktioner"] || !skipped["Tom"] || !skipped["Listor"] || skipped["Medlemmar"] {
		t.Errorf("skipped: %v", skipped)
	}
	if count(t, s, "SELECT count(*) FROM members") != 1 {
		t.Error("Ale not imported")
	}
}
