package importer_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"

	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

// members201 is a members sheet of 201 rows: the header and 200 members.
func members201(t *testing.T) importer.File {
	rows := [][]any{{"Namn", "Typ", "Medlem sedan"}}
	for i := 1; i <= 200; i++ {
		rows = append(rows, []any{fmt.Sprintf("Förening %03d", i), "övrig", date("2020-01-01")})
	}
	return workbook(t, sheet{"Medlemmar", rows})
}

// rewriteSheet returns the workbook with its first worksheet's XML replaced
// by edit's result; raw, when set, writes the entry's bytes itself.
func rewriteSheet(t *testing.T, data []byte, edit func(xml string) string, raw func(zw *zip.Writer, name, xml string)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		rc, _ := f.Open()
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		xml := string(body)
		if !strings.Contains(xml, `<row r="103"`) {
			t.Fatal("the sheet has no row 103")
		}
		if raw != nil {
			raw(zw, f.Name, xml)
			continue
		}
		w, _ := zw.Create(f.Name)
		w.Write([]byte(edit(xml)))
	}
	zw.Close()
	return buf.Bytes()
}

// intoRow103 puts s inside row 103, before its first cell.
func intoRow103(s string) func(string) string {
	return func(xml string) string {
		i := strings.Index(xml, `<row r="103"`)
		j := i + strings.Index(xml[i:], ">") + 1
		return xml[:j] + s + xml[j:]
	}
}

// A sheet whose XML is damaged at row 103 in any way is refused whole, with
// the sheet and the row, in both languages, and nothing is written: before,
// excelize's row reader stopped there silently and 101 rows were offered.
func TestADamagedSheetIsRefusedWithItsRow(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(string) string
		raw    func(zw *zip.Writer, name, xml string)
		detail string
	}{
		{"truncated", func(xml string) string {
			i := strings.Index(xml, `<row r="103"`)
			return xml[:i+strings.Index(xml[i:], "</c>")]
		}, nil, "ends in the middle"},
		{"garbage", intoRow103(`<<<\x01 garbage >>>`), nil, "invalid XML"},
		{"tags out of order", intoRow103(`<c r="D103" t="inlineStr"><is><t>x</is></t></c>`), nil, "invalid XML"},
		{"undefined entity", intoRow103(`<c r="D103" t="inlineStr"><is><t>&bogus;</t></is></c>`), nil, "unknown character reference"},
		{"not UTF-8", intoRow103("<c r=\"D103\" t=\"inlineStr\"><is><t>G\xf6teborg</t></is></c>"), nil, "not valid UTF-8"},
		{"bad zip entry", nil, func(zw *zip.Writer, name, xml string) {
			// The entry says it holds the whole sheet but its deflate
			// stream stops inside row 103.
			cut := strings.Index(xml, `<row r="103"`) + 40
			var comp bytes.Buffer
			fw, _ := flate.NewWriter(&comp, flate.DefaultCompression)
			fw.Write([]byte(xml[:cut]))
			fw.Flush()
			w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE([]byte(xml)),
				CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(len(xml))})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(comp.Bytes())
		}, "zip file is damaged"},
	}
	good := members201(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := analyticstest.New(t)
			before := dump(t, s)
			f := importer.File{Name: "medlemmar.xlsx", Data: rewriteSheet(t, good.Data, c.edit, c.raw)}
			for _, lang := range []string{"en", "sv"} {
				_, err := importer.Preview(context.Background(), s, f, importer.Options{Lang: lang})
				var fe *importer.FileError
				if !errors.As(err, &fe) {
					t.Fatalf("%s: preview gave %v, want a FileError", lang, err)
				}
				if fe.Reason != importer.ReasonDamaged || fe.Sheet != "Medlemmar" || fe.Row != 103 {
					t.Errorf("%s: %+v, want damaged at Medlemmar row 103", lang, fe)
				}
				want := []string{`"Medlemmar"`, "row 103", c.detail, "Nothing was imported"}
				if lang == "sv" {
					want = []string{`"Medlemmar"`, "rad 103", "Inget har importerats"}
				}
				for _, w := range want {
					if !strings.Contains(fe.Message, w) {
						t.Errorf("%s: message %q lacks %q", lang, fe.Message, w)
					}
				}
			}
			if res, err := importer.Commit(context.Background(), s, f, en); res != nil || err == nil {
				t.Errorf("commit: %+v, %v", res, err)
			}
			if dump(t, s) != before {
				t.Error("a damaged file changed the registry")
			}
		})
	}
	// the undamaged workbook imports all 200 members
	s := analyticstest.New(t)
	if res := commit(t, s, good); res.Batch.Counts["members"].New != 200 {
		t.Errorf("counts %+v", res.Batch.Counts["members"])
	}
}

// A CSV file that is UTF-8 but for one line written in Windows-1252 is
// refused at that line rather than read whole as Windows-1252 (which turns
// every å of the other lines into Ã¥).
func TestACSVFileWithMixedEncodingIsRefusedAtItsLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("Namn;Typ;Medlem sedan\n")
	for i := 2; i <= 201; i++ {
		name := fmt.Sprintf("Förening %03d", i)
		if i == 103 {
			name = "F\xf6rening 103"
		}
		fmt.Fprintf(&b, "%s;övrig;2020-01-01\n", name)
	}
	s := analyticstest.New(t)
	_, err := importer.Preview(context.Background(), s, importer.File{Name: "medlemmar.csv", Data: []byte(b.String())}, en)
	var fe *importer.FileError
	if !errors.As(err, &fe) || fe.Reason != importer.ReasonDamaged || fe.Row != 103 || fe.Sheet != "medlemmar.csv" ||
		!strings.Contains(fe.Message, "row 103") {
		t.Fatalf("preview: %v (%+v)", err, fe)
	}
	// a file wholly in Windows-1252 is still read as such
	plan, err := importer.Preview(context.Background(), s, importer.File{Name: "m.csv",
		Data: []byte("Namn;Typ;Medlem sedan\nF\xf6rening;\xf6vrig;2020-01-01\n")}, en)
	if err != nil || plan.HasErrors() || plan.Changes() != 1 {
		t.Fatalf("windows-1252: %v\n%s", err, problems(plan))
	}
}
