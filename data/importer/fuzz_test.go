package importer

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParseCell feeds the cell value parsers anything: they must never
// panic, and what they accept must hold up.
func FuzzParseCell(f *testing.F) {
	for _, seed := range []string{"10 532", "10\u00a0532", "1,5", "-3", "75 %", "0,75", "2008", "2023-03-31",
		"44927", "212000-1983", "16212000-1983", "x", "✓", "kommunalförbund", "on track", "n=20", ">=", "",
		"1e309", "0x1p-2", "9999-99-99", "Per 2023-03-31", "%", "\xff\xfe", "Ha\u030abo", " , ", "--", "kr"} {
		f.Add(seed, false, false)
		f.Add(seed, true, true)
	}
	f.Fuzz(func(t *testing.T, raw string, number, dated bool) {
		c := Cell{Raw: raw, Number: number}
		if dated {
			c.Date = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		if n, ok := parseNumber(c); ok && n != n {
			t.Errorf("parseNumber(%q) accepted NaN", raw)
		}
		parseInt(c)
		parseMoney(c)
		parseTarget(c)
		if d, ok := parseDigits(c); ok {
			for _, r := range d {
				if r < '0' || r > '9' {
					t.Errorf("parseDigits(%q) = %q", raw, d)
				}
			}
		}
		if d, p := parseDate(c, number); p == dateOK && (d.Year() < firstYear || d.Year() > lastYear) {
			t.Errorf("parseDate(%q) = %v", raw, d)
		}
		if o, ok := parseOrgNumber(c); ok && (len(o) != 11 || o[6] != '-') {
			t.Errorf("parseOrgNumber(%q) = %q", raw, o)
		}
		if s := clean(raw); utf8.ValidString(raw) && !utf8.ValidString(s) {
			t.Errorf("clean(%q) = %q", raw, s)
		}
		word(c)
		headerKey(raw)
		isDateFormatCode(raw)
		dayOfTitle([]Cell{c, {Raw: raw}})
		decodeWindows1252([]byte(raw))
		sniffSeparator(raw)
		parseAttrs := attr([]byte(raw), "r")
		_ = columnNumber(parseAttrs)
		atoi([]byte(raw))
	})
}
