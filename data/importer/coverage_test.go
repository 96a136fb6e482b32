package importer

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// designColumns are the headers of DESIGN "Import columns", as written
// there, per kind and field. (The goals' Statusdatum / Status date belongs
// to the goals change and is tested with it.)
var designColumns = map[Kind]map[field][]string{
	KindMembers: {
		"name":       {"Namn", "Medlem", "Organisation", "Name", "Member"},
		"kind":       {"Typ", "Medlemstyp", "Kind", "Type"},
		"code":       {"Kommunkod", "Kod", "Municipality code", "Code"},
		"org_number": {"Organisationsnummer", "Orgnr", "Organisation number"},
		"county":     {"Län", "County"},
		"population": {"Invånare", "Folkmängd", "Befolkning", "Population", "Inhabitants"},
		"group":      {"Grupp", "Group"},
		"joined":     {"Medlem sedan", "Inträde", "Inträdesdatum", "Joined", "Member since"},
		"left":       {"Utträde", "Utträdesdatum", "Medlem till", "Left", "Member until"},
		"contact":    {"Kontaktperson", "Kontakt", "Contact"},
		"email":      {"E-post", "Epost", "Mejl", "Email", "E-mail"},
	},
	KindServices: {
		"name":    {"Tjänst", "Namn", "Service", "Name"},
		"kind":    {"Typ", "Kind"},
		"area":    {"Område", "Area"},
		"started": {"Start", "Startdatum", "Started"},
		"ended":   {"Slut", "Slutdatum", "Ended"},
	},
	KindParticipation: {
		"member":  {"Medlem", "Kommun", "Kommunkod", "Member"},
		"service": {"Tjänst", "Nätverk", "Service", "Network"},
		"from":    {"Från", "Ansluten", "Start", "From", "Joined"},
		"to":      {"Till", "Avslutad", "Slut", "To", "Ended"},
	},
	KindEvents: {
		"name":   {"Namn", "Evenemang", "Konferens", "Name", "Event"},
		"date":   {"Datum", "Date"},
		"format": {"Format"},
		"role":   {"Roll", "Role"},
	},
	KindAttendance: {
		"event":     {"Evenemang", "Event"},
		"member":    {"Medlem", "Member"},
		"attendees": {"Antal", "Deltagare", "Attendees"},
	},
	KindGoals: {
		"year":         {"År", "Year"},
		"number":       {"Nr", "No"},
		"key":          {"Nyckel", "Key"},
		"area":         {"Målområde", "Område", "Area"},
		"text":         {"Mål", "Goal"},
		"metric":       {"Mått", "Metric"},
		"params":       {"Parameter"},
		"comparator":   {"Jämförelse", "Comparator"},
		"target":       {"Målvärde", "Target"},
		"upper_target": {"Övre målvärde", "Upper target"},
		"due":          {"Slutdatum", "Due"},
		"status":       {"Status"},
		"comment":      {"Kommentar", "Comment"},
	},
	KindFees: {
		"year":            {"År", "Year"},
		"population_from": {"Invånare från", "Population from"},
		"population_to":   {"Invånare till", "Population to"},
		"contribution":    {"Medlemsinsats", "Contribution"},
		"annual_fee":      {"Årsavgift", "Annual fee"},
		"category":        {"Kategori", "Category"},
	},
}

func specOf(k Kind) *kindSpec {
	for i := range specs {
		if specs[i].kind == k {
			return &specs[i]
		}
	}
	return nil
}

// variants are the ways a header may be written and still mean the same:
// any case, surrounding spaces, and "-", "_" or space between words.
func variants(h string) []string {
	return []string{h, strings.ToUpper(h), strings.ToLower(h), "  " + h + " \u00a0",
		strings.ReplaceAll(h, " ", "_"), strings.ReplaceAll(h, " ", "-"), strings.ReplaceAll(h, "-", " ")}
}

// Every header alias of DESIGN "Import columns", in every way of writing
// it, is understood as its field.
func TestEveryHeaderAliasOfTheDesign(t *testing.T) {
	for kind, fields := range designColumns {
		spec := specOf(kind)
		if spec == nil {
			t.Fatalf("no spec for %s", kind)
		}
		for f, names := range fields {
			for _, name := range names {
				for _, v := range variants(name) {
					if got, ok := spec.field(headerKey(v)); !ok || got != f {
						t.Errorf("%s: header %q read as %q (%v), want %s", kind, v, got, ok, f)
					}
				}
			}
		}
	}
}

// A header row written with any one alias per field is recognised as its
// kind, with every column understood: the first aliases, the second, …
func TestHeaderRowsOfEveryAliasAreRecognised(t *testing.T) {
	for kind, fields := range designColumns {
		most := 0
		for _, names := range fields {
			most = max(most, len(names))
		}
		for i := 0; i < most; i++ {
			var cells []Cell
			for _, fs := range specOf(kind).fields {
				names := fields[fs.field]
				if len(names) == 0 {
					continue
				}
				cells = append(cells, Cell{Raw: names[i%len(names)]})
			}
			h := recognise(3, cells)
			if h == nil || h.spec.kind != kind || len(h.columns) != len(cells) {
				got := Kind("none")
				if h != nil {
					got = h.spec.kind
				}
				t.Errorf("%s, aliases #%d %v: recognised as %s", kind, i, texts(cells), got)
			}
		}
	}
	// DESIGN "Precise readings": a sheet's kind follows from its whole set
	// of headers.
	for headers, want := range map[string]Kind{
		"Tjänst,Typ,Område,Start,Slut":    KindServices,
		"Medlem,Tjänst,Från,Till":         KindParticipation,
		"Namn,Typ,Kommunkod,Medlem sedan": KindMembers,
		"Evenemang,Medlem,Antal":          KindAttendance,
		"Namn,Datum,Format,Roll":          KindEvents,
		"År,Kategori,Invånare från,Invånare till,Medlemsinsats,Årsavgift": KindFees,
		"År,Nr,Nyckel,Mål,Mått,Jämförelse,Målvärde":                       KindGoals,
	} {
		var cells []Cell
		for _, h := range strings.Split(headers, ",") {
			cells = append(cells, Cell{Raw: h})
		}
		if h := recognise(1, cells); h == nil || h.spec.kind != want {
			t.Errorf("%s: not recognised as %s", headers, want)
		}
	}
	// The first column of a wide sheet.
	for _, name := range []string{"Medlem", "Kommun", "Kommunkod", "Namn", "Member", "Name", " MEDLEM "} {
		if !isWideMemberHeader(name) {
			t.Errorf("wide member column %q not recognised", name)
		}
	}
}

func texts(cells []Cell) []string {
	var out []string
	for _, c := range cells {
		out = append(out, c.Raw)
	}
	return out
}

// Every value parser, as DESIGN "Import" says the office writes values.
func TestValueParsers(t *testing.T) {
	ints := []struct {
		raw  string
		num  bool
		want int
		ok   bool
	}{
		{"10 532", false, 10532, true},
		{"10\u00a0532", false, 10532, true}, // no-break space
		{"10\u202f532", false, 10532, true}, // narrow no-break space
		{"10532", false, 10532, true},
		{" 1 000 000 ", false, 1000000, true},
		{"10532", true, 10532, true},
		{"10532.0", true, 10532, true},
		{"1,5", false, 0, false},
		{"10.532", false, 0, false}, // a dot is a decimal point, not a thousands separator
		{"tio", false, 0, false},
	}
	for _, c := range ints {
		got, ok := parseInt(Cell{Raw: c.raw, Number: c.num})
		if ok != c.ok || got != c.want {
			t.Errorf("parseInt(%q, number %v) = %d, %v; want %d, %v", c.raw, c.num, got, ok, c.want, c.ok)
		}
	}
	money := []struct {
		raw  string
		want float64
		ok   bool
	}{
		{"25 000", 25000, true}, {"25\u00a0000 kr", 25000, true}, {"1 234,50", 1234.5, true}, {"1,5", 1.5, true},
		{"5000:-", 5000, true}, {"10 000 SEK", 10000, true}, {"0,005", 0.01, true}, {"-5", 0, false}, {"gratis", 0, false},
	}
	for _, c := range money {
		got, ok := parseMoney(Cell{Raw: c.raw})
		if ok != c.ok || (ok && math.Abs(got-c.want) > 1e-9) {
			t.Errorf("parseMoney(%q) = %v, %v; want %v, %v", c.raw, got, ok, c.want, c.ok)
		}
	}
	targets := []struct {
		raw     string
		num     bool
		want    float64
		percent bool
	}{
		{"75 %", false, 0.75, true}, {"75%", false, 0.75, true}, {"75\u00a0%", false, 0.75, true}, {"0,75", false, 0.75, false},
		{"0.75", true, 0.75, false}, {"12,5 %", false, 0.125, true}, {"125", false, 125, false}, {"1 250", false, 1250, false},
	}
	for _, c := range targets {
		got, percent, ok := parseTarget(Cell{Raw: c.raw, Number: c.num})
		if !ok || percent != c.percent || math.Abs(got-c.want) > 1e-12 {
			t.Errorf("parseTarget(%q) = %v, %v, %v; want %v, %v", c.raw, got, percent, ok, c.want, c.percent)
		}
	}
	digits := []struct {
		raw  string
		num  bool
		want string
		ok   bool
	}{
		{"0180", false, "0180", true}, {" 180 ", false, "180", true}, {"180", true, "180", true}, {"1780", true, "1780", true},
		{"17 80", false, "", false}, {"-180", true, "", false}, {"18,0", false, "", false},
	}
	for _, c := range digits {
		got, ok := parseDigits(Cell{Raw: c.raw, Number: c.num})
		if ok != c.ok || got != c.want {
			t.Errorf("parseDigits(%q) = %q, %v; want %q, %v", c.raw, got, ok, c.want, c.ok)
		}
	}
}

// Dates: an Excel serial with a date format (in both of Excel's date
// systems), ISO text, a bare year as a start and as an end.
func TestDateParsersOfEveryForm(t *testing.T) {
	s := &xlsxSource{f: excelize.NewFile(), dateFmt: map[int]bool{}}
	defer s.f.Close()
	style, err := s.f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	custom := "yyyy\\-mm\\-dd"
	iso, _ := s.f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	plain, _ := s.f.NewStyle(&excelize.Style{NumFmt: 3})
	cases := []struct {
		name     string
		cell     Cell
		end      bool
		want     string
		problem  dateProblem
		date1904 bool
	}{
		{"Excel serial, built-in date format", s.numberCell("45016", style), false, "2023-03-31", dateOK, false},
		{"Excel serial, custom ISO format", s.numberCell("45016", iso), false, "2023-03-31", dateOK, false},
		{"Excel serial with a time of day", s.numberCell("45016.75", iso), false, "2023-03-31", dateOK, false},
		{"Excel serial without a date format", s.numberCell("45016", plain), false, "", dateNoFormat, false},
		{"ISO text", Cell{Raw: "2023-03-31"}, false, "2023-03-31", dateOK, false},
		{"ISO text with spaces and one-digit parts", Cell{Raw: " 2023-3-1 "}, true, "2023-03-01", dateOK, false},
		{"bare year as a start", Cell{Raw: "2008"}, false, "2008-01-01", dateOK, false},
		{"bare year as an end", Cell{Raw: "2008"}, true, "2008-12-31", dateOK, false},
		{"bare year in a number cell as an end", Cell{Raw: "2008", Number: true}, true, "2008-12-31", dateOK, false},
		{"bare year in a date-formatted cell", s.numberCell("2008", style), false, "2008-01-01", dateOK, false},
		{"Swedish day/month text", Cell{Raw: "31/3/2023"}, false, "", dateUnreadable, false},
		{"a year out of range", Cell{Raw: "2999"}, false, "", dateOutOfRange, false},
	}
	for _, c := range cases {
		got, problem := parseDate(c.cell, c.end)
		if problem != c.problem || (problem == dateOK && got.Format(time.DateOnly) != c.want) {
			t.Errorf("%s: parseDate(%+v, end %v) = %s, %v; want %s, %v", c.name, c.cell, c.end, got.Format(time.DateOnly), problem, c.want, c.problem)
		}
	}
	// The 1904 date system counts from 1904-01-01.
	s.date1904 = true
	if got, p := parseDate(s.numberCell("43554", style), false); p != dateOK || got.Format(time.DateOnly) != "2023-03-31" {
		t.Errorf("1904 date system: %s, %v", got.Format(time.DateOnly), p)
	}
}

// Every word of every enumeration maps to a stored value, in any case and
// with "-" or "_" for spaces.
func TestEveryWordOfTheEnumerations(t *testing.T) {
	tables := map[string]map[string]string{"member kinds": memberKindWords, "service kinds": serviceKindWords,
		"formats": formatWords, "roles": roleWords, "statuses": statusWords, "comparators": comparatorWords,
		"categories": categoryWords}
	for name, words := range tables {
		for w, want := range words {
			for _, v := range []string{w, strings.ToUpper(w), " " + w + " ", strings.ReplaceAll(w, " ", "_"), strings.ReplaceAll(w, " ", "-")} {
				if got, ok := lookupWord(words, Cell{Raw: v}); !ok || got != want {
					t.Errorf("%s: %q = %q, %v; want %q", name, v, got, ok, want)
				}
			}
		}
		if _, ok := lookupWord(words, Cell{Raw: "nonsense"}); ok {
			t.Errorf("%s: nonsense accepted", name)
		}
	}
	for _, w := range []string{"x", "X", "ja", "Ja", "yes", "✓"} {
		if !markWords[strings.ToLower(w)] {
			t.Errorf("mark %q", w)
		}
	}
}
