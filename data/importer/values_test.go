package importer

import (
	"strings"
	"testing"
	"time"
)

func TestNumbersAsTheOfficeWritesThem(t *testing.T) {
	cases := []struct {
		cell Cell
		want float64
		ok   bool
	}{
		{Cell{Raw: "10 532"}, 10532, true},
		{Cell{Raw: "10\u00a0532"}, 10532, true},
		{Cell{Raw: "10\u202f532"}, 10532, true},
		{Cell{Raw: "1,5"}, 1.5, true},
		{Cell{Raw: "1.5"}, 1.5, true},
		{Cell{Raw: " 25 000 kr "}, 25000, true},
		{Cell{Raw: "−3"}, -3, true},
		{Cell{Raw: "32576", Number: true}, 32576, true},
		{Cell{Raw: "1E+3", Number: true}, 1000, true},
		{Cell{Raw: "1e3"}, 0, false},
		{Cell{Raw: "NaN"}, 0, false},
		{Cell{Raw: "Inf"}, 0, false},
		{Cell{Raw: "0x10"}, 0, false},
		{Cell{Raw: "tio"}, 0, false},
		{Cell{Raw: ""}, 0, false},
	}
	for _, c := range cases {
		got, ok := parseNumber(c.cell)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("parseNumber(%+v) = %v, %v; want %v, %v", c.cell, got, ok, c.want, c.ok)
		}
	}
	if _, ok := parseInt(Cell{Raw: "1,5"}); ok {
		t.Error("1,5 read as a whole number")
	}
	if n, ok := parseInt(Cell{Raw: "10 532"}); !ok || n != 10532 {
		t.Errorf("parseInt(10 532) = %d, %v", n, ok)
	}
}

func TestTargets(t *testing.T) {
	for raw, want := range map[string]float64{"75 %": 0.75, "75%": 0.75, "0,75": 0.75, "100 %": 1, "35": 35, "12,5 %": 0.125} {
		got, _, ok := parseTarget(Cell{Raw: raw})
		if !ok || got != want {
			t.Errorf("parseTarget(%q) = %v, %v; want %v", raw, got, ok, want)
		}
	}
	if v, percent, ok := parseTarget(Cell{Raw: "0.75", Number: true}); !ok || percent || v != 0.75 {
		t.Errorf("a number cell formatted as a percentage: %v %v %v", v, percent, ok)
	}
}

func TestDates(t *testing.T) {
	serial := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		cell    Cell
		end     bool
		want    string
		problem dateProblem
	}{
		{Cell{Raw: "2023-03-31"}, false, "2023-03-31", dateOK},
		{Cell{Raw: " 2023-3-1 "}, false, "2023-03-01", dateOK},
		{Cell{Raw: "2023-03-31 00:00:00"}, false, "2023-03-31", dateOK},
		{Cell{Raw: "2008"}, false, "2008-01-01", dateOK},
		{Cell{Raw: "2008"}, true, "2008-12-31", dateOK},
		{Cell{Raw: "2008", Number: true}, true, "2008-12-31", dateOK},
		// a four-digit number is a year even with a date format
		{Cell{Raw: "2023", Number: true, Date: time.Date(1905, 7, 15, 0, 0, 0, 0, time.UTC)}, false, "2023-01-01", dateOK},
		{Cell{Raw: "44927", Number: true, Date: serial}, false, "2023-01-01", dateOK},
		{Cell{Raw: "44927", Number: true}, false, "", dateNoFormat},
		{Cell{Raw: "44927"}, false, "", dateUnreadable},
		{Cell{Raw: "31/3/2023"}, false, "", dateUnreadable},
		{Cell{Raw: "2023-02-30"}, false, "", dateUnreadable},
		{Cell{Raw: "1066"}, false, "", dateOutOfRange},
		{Cell{Raw: "nyss"}, false, "", dateUnreadable},
	}
	for _, c := range cases {
		got, problem := parseDate(c.cell, c.end)
		if problem != c.problem || (problem == dateOK && got.Format(time.DateOnly) != c.want) {
			t.Errorf("parseDate(%+v, end %v) = %v, %v; want %s, %v", c.cell, c.end, got, problem, c.want, c.problem)
		}
	}
}

func TestDateFormatCodes(t *testing.T) {
	for code, want := range map[string]bool{
		`yyyy\-mm\-dd`: true, "d mmm yyyy": true, "m/d/yyyy": true, "mm-dd-yy": true, `[$-41D]d mmmm yyyy`: true,
		"General": false, "0": false, "#,##0": false, `#,##0 "kr"`: false, "0.00%": false, `0" dagar"`: false,
		`[Red]#,##0`: false, `_-* #,##0_-`: false, "[h]:mm:ss": true,
	} {
		if got := isDateFormatCode(code); got != want {
			t.Errorf("isDateFormatCode(%q) = %v", code, got)
		}
	}
}

func TestOrganisationNumbers(t *testing.T) {
	for raw, want := range map[string]string{
		"212000-1983": "212000-1983", "2120001983": "212000-1983", "16212000-1983": "212000-1983",
		" 212000 - 1983 ": "212000-1983", "212000-1984": "", "21200-1983": "", "abc": "", "": "",
	} {
		got, _ := parseOrgNumber(Cell{Raw: raw})
		if got != want {
			t.Errorf("parseOrgNumber(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestHeadersAndWords(t *testing.T) {
	for raw, want := range map[string]string{" E-post": "epost", "MEDLEMSTYP ": "medlemstyp", "Medlem_sedan": "medlemsedan",
		"Övre målvärde": "övremålvärde", "Municipality code": "municipalitycode"} {
		if got := headerKey(raw); got != want {
			t.Errorf("headerKey(%q) = %q, want %q", raw, got, want)
		}
	}
	for raw, want := range map[string]string{"Kommunalförbund": "kommunalforbund", "ANNAN": "ovrig", "Municipality": "kommun"} {
		if got, _ := lookupWord(memberKindWords, Cell{Raw: raw}); got != want {
			t.Errorf("member kind %q = %q, want %q", raw, got, want)
		}
	}
	for raw, want := range map[string]string{"on track": "on_track", "At_Risk": "at_risk", "i fas": "on_track", "Missed": "missed"} {
		if got, _ := lookupWord(statusWords, Cell{Raw: raw}); got != want {
			t.Errorf("status %q = %q, want %q", raw, got, want)
		}
	}
	if got := fold("Ha\u030abo  KOMMUN"); got != "håbo kommun" {
		t.Errorf("fold = %q", got)
	}
}

func TestRecognisingSheetsFromTheirHeaders(t *testing.T) {
	cells := func(names ...string) []Cell {
		out := make([]Cell, len(names))
		for i, n := range names {
			out[i] = Cell{Raw: n}
		}
		return out
	}
	for want, headers := range map[Kind][]string{
		KindServices:      {"Tjänst", "Typ", "Område", "Start", "Slut"},
		KindParticipation: {"Medlem", "Tjänst", "Från", "Till"},
		KindMembers:       {"Medlem", "Typ", "Kod", "Organisationsnummer", "Län", "Folkmängd"},
		KindEvents:        {"Namn", "Datum", "Format", "Roll"},
		KindAttendance:    {"Evenemang", "Datum", "Medlem", "Antal"},
		KindFees:          {"År", "Kategori", "Invånare från", "Invånare till", "Medlemsinsats", "Årsavgift"},
		KindGoals:         {"Year", "No", "Key", "Goal", "Metric", "Comparator", "Target"},
	} {
		h := recognise(1, cells(headers...))
		if h == nil || h.spec.kind != want {
			t.Errorf("%v: got %v, want %s", headers, h, want)
		}
	}
	if h := recognise(1, cells("Medlem", "Bibblix", "Digidel")); h != nil {
		t.Errorf("a wide header taken for %s", h.spec.kind)
	}
	if h := recognise(1, cells("Medlemmar per 2023-03-31")); h != nil {
		t.Error("a title row taken for a header")
	}
}

func TestCSVSeparatorAndEncoding(t *testing.T) {
	if sniffSeparator("Namn;Kod;Län\nAle;1440;\"Västra Götalands län\"\n") != ';' {
		t.Error("semicolons")
	}
	if sniffSeparator("Name,Code\n\"Ale; kommun\",1440\n") != ',' {
		t.Error("commas")
	}
	if got := decodeWindows1252([]byte{'H', 0xE5, 'b', 'o', ' ', 0x80, ' ', 0x96}); got != "Håbo € –" {
		t.Errorf("cp1252: %q", got)
	}
}

func TestDayOfTitleRow(t *testing.T) {
	for raw, want := range map[string]string{"Per 2023-03-31": "2023-03-31", "Anslutningar per 2022-06-30": "2022-06-30",
		"Status as of 2024-01-15": "2024-01-15"} {
		d, ok := dayOfTitle([]Cell{{Raw: raw}})
		if !ok || d.Format(time.DateOnly) != want {
			t.Errorf("dayOfTitle(%q) = %v, %v", raw, d, ok)
		}
	}
	d, ok := dayOfTitle([]Cell{{Raw: "Per"}, {Raw: "45016", Number: true, Date: time.Date(2023, 3, 31, 0, 0, 0, 0, time.UTC)}})
	if !ok || d.Format(time.DateOnly) != "2023-03-31" {
		t.Errorf("title cells Per + date: %v %v", d, ok)
	}
	if _, ok := dayOfTitle([]Cell{{Raw: "Tjänster 2023"}}); ok {
		t.Error("a year in a title is not a day")
	}
}

func TestCleanKeepsCleanTextAsItIs(t *testing.T) {
	for raw, want := range map[string]string{" KARLSTADS  KOMMUN ": "KARLSTADS KOMMUN", "Ale": "Ale",
		"Gemensam\u00a0IT-nämnd": "Gemensam IT-nämnd", "a\u200bb": "ab", "\tx\n": "x", "": ""} {
		if got := clean(raw); got != want {
			t.Errorf("clean(%q) = %q", raw, got)
		}
		if isClean(raw) != (raw == want) {
			t.Errorf("isClean(%q) = %v", raw, isClean(raw))
		}
	}
	if !strings.EqualFold(word(Cell{Raw: "On_Track"}), "on track") {
		t.Error("word")
	}
}
