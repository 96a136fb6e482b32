package importer_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"malbild/analytics/analyticstest"
	"malbild/data/export"
	"malbild/data/importer"
)

// rewritePart replaces old by new in one part of a workbook's zip.
func rewritePart(t *testing.T, data []byte, part, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		if f.Name != part {
			zw.Copy(f)
			continue
		}
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		found = strings.Contains(string(body), old)
		w, _ := zw.Create(f.Name)
		w.Write([]byte(strings.ReplaceAll(string(body), old, new)))
	}
	zw.Close()
	if !found {
		t.Fatalf("%s holds no %q", part, old)
	}
	return buf.Bytes()
}

// A value a workbook cannot hold (over 32 767 characters, a control
// character but tab and line breaks) is refused at its cell, in a CSV file
// and a workbook alike, so that whatever is imported exports and imports
// again unchanged.
func TestValuesAWorkbookCannotHoldAreRefusedAtTheirCell(t *testing.T) {
	long := strings.Repeat("å", importer.MaxCellChars+1)
	cases := []struct {
		name  string
		file  func(t *testing.T) importer.File
		code  string
		says  []string
		value string
	}{
		{"too long in a CSV file", func(t *testing.T) importer.File {
			return importer.File{Name: "m.csv", Data: []byte("Namn;Typ;Medlem sedan\nFörening;övrig;2020-01-01\n" + long + ";övrig;2020-01-01\n")}
		}, "value.too_long", []string{"32768 characters", "at most 32767"}, strings.Repeat("å", 60) + "…"},
		{"too long in a workbook", func(t *testing.T) importer.File {
			// excelize cuts what it writes at the limit; Excel's own
			// files may not.
			f := workbook(t, sheet{"Medlemmar", [][]any{{"Namn", "Typ", "Medlem sedan"}, {"Förening", "övrig", date("2020-01-01")}, {"MARK", "övrig", date("2020-01-01")}}})
			f.Data = rewritePart(t, f.Data, "xl/sharedStrings.xml", "MARK", long)
			return f
		}, "value.too_long", []string{"32768 characters", "at most 32767"}, strings.Repeat("å", 60) + "…"},
		{"NUL in a CSV file", func(t *testing.T) importer.File {
			return importer.File{Name: "m.csv", Data: []byte("Namn;Typ;Medlem sedan\nFörening;övrig;2020-01-01\nAnnan\x00förening;övrig;2020-01-01\n")}
		}, "value.control", []string{"U+0000"}, `Annan\x00förening`},
		{"escaped NUL in a workbook", func(t *testing.T) importer.File {
			f := workbook(t, sheet{"Medlemmar", [][]any{{"Namn", "Typ", "Medlem sedan"}, {"Förening", "övrig", date("2020-01-01")}, {"AnnanMARKförening", "övrig", date("2020-01-01")}}})
			f.Data = rewritePart(t, f.Data, "xl/sharedStrings.xml", "MARK", "_x0000_")
			return f
		}, "value.control", []string{"U+0000"}, `Annan\x00förening`},
		{"escaped unit separator in a workbook", func(t *testing.T) importer.File {
			f := workbook(t, sheet{"Medlemmar", [][]any{{"Namn", "Typ", "Medlem sedan"}, {"Förening", "övrig", date("2020-01-01")}, {"AnnanMARKförening", "övrig", date("2020-01-01")}}})
			f.Data = rewritePart(t, f.Data, "xl/sharedStrings.xml", "MARK", "_x001F_")
			return f
		}, "value.control", []string{"U+001F"}, `Annan\x1Fförening`},
		{"escape character in a CSV file", func(t *testing.T) importer.File {
			return importer.File{Name: "m.csv", Data: []byte("Namn;Typ;Medlem sedan\nFörening;övrig;2020-01-01\nAnnan\x1bförening;övrig;2020-01-01\n")}
		}, "value.control", []string{"U+001B"}, `Annan\x1Bförening`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := analyticstest.New(t)
			f := c.file(t)
			plan, err := importer.Preview(context.Background(), s, f, en)
			if err != nil {
				t.Fatal(err)
			}
			probs := plan.Problems()
			if len(probs) != 1 || probs[0].Code != c.code || probs[0].Row != 3 || probs[0].Column != "Namn" || probs[0].Value != c.value {
				t.Fatalf("problems %+v", probs)
			}
			for _, w := range c.says {
				if !strings.Contains(probs[0].Message, w) {
					t.Errorf("message %q lacks %q", probs[0].Message, w)
				}
			}
			sv, _ := importer.Preview(context.Background(), s, f, importer.Options{Lang: "sv"})
			if m := sv.Problems()[0].Message; !strings.Contains(m, "arbetsbok") {
				t.Errorf("Swedish: %q", m)
			}
			if _, err := importer.Commit(context.Background(), s, f, en); err == nil || count(t, s, "SELECT count(*) FROM members") != 0 {
				t.Errorf("commit: %v", err)
			}
		})
	}
}

// What a workbook can hold goes through export → import unchanged: a name
// of exactly 32 767 characters, tabs and line breaks.
func TestValuesAtTheLimitRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := analyticstest.New(t)
	name := strings.Repeat("Ö", importer.MaxCellChars-1) + "x"
	commit(t, s, importer.File{Name: "m.csv", Data: []byte("Namn;Typ;Medlem sedan;Kontaktperson\n" + name +
		";övrig;2020-01-01;\"Anna\tAndersson\r\nkansliet\"\n")})
	var buf bytes.Buffer
	if err := export.Data(ctx, s, &buf, true); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	plan, err := importer.Preview(ctx, s, importer.File{Name: "data.xlsx", Data: buf.Bytes()}, en)
	if err != nil || plan.HasErrors() || plan.Changes() != 0 {
		t.Fatalf("re-import: %v, %d changes\n%s", err, plan.Changes(), problems(plan))
	}
	if dump(t, s) != before || count(t, s, "SELECT count(*) FROM members WHERE length(name) = 32767") != 1 {
		t.Error("the round trip changed the registry")
	}
}
