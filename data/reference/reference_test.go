package reference

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"malbild/data/sharedtest"
)

func TestMunicipalities(t *testing.T) {
	ms := Municipalities()
	if len(ms) != 290 {
		t.Fatalf("got %d municipalities, want 290", len(ms))
	}
	seen := map[string]bool{}
	for i, m := range ms {
		if len(m.Code) != 4 || strings.Trim(m.Code, "0123456789") != "" {
			t.Errorf("%+v: code is not four digits", m)
		}
		if seen[m.Code] {
			t.Errorf("duplicate code %s", m.Code)
		}
		seen[m.Code] = true
		if i > 0 && ms[i-1].Code >= m.Code {
			t.Errorf("not ordered by code at %s", m.Code)
		}
		if m.CountyCode != m.Code[:2] {
			t.Errorf("%s: county code %s is not the first two digits", m.Code, m.CountyCode)
		}
		c, ok := CountyByCode(m.CountyCode)
		if !ok || c.Name != m.CountyName {
			t.Errorf("%s: county %s %q not in lan.csv", m.Code, m.CountyCode, m.CountyName)
		}
		if m.Name == "" || m.OfficialName == "" || m.Population <= 0 {
			t.Errorf("incomplete %+v", m)
		}
	}
	ms[0].Name = "changed"
	if Municipalities()[0].Name == "changed" {
		t.Error("Municipalities does not return a copy")
	}
}

func TestCounties(t *testing.T) {
	cs := Counties()
	if len(cs) != 21 {
		t.Fatalf("got %d counties, want 21", len(cs))
	}
	count, pop := map[string]int{}, map[string]int{}
	for _, m := range Municipalities() {
		count[m.CountyCode]++
		pop[m.CountyCode] += m.Population
	}
	total := 0
	for i, c := range cs {
		if i > 0 && cs[i-1].Code >= c.Code {
			t.Errorf("not ordered by code at %s", c.Code)
		}
		if c.Municipalities != count[c.Code] || c.Population != pop[c.Code] {
			t.Errorf("%s: %d municipalities, %d people; kommuner.csv has %d, %d",
				c.Code, c.Municipalities, c.Population, count[c.Code], pop[c.Code])
		}
		total += c.Population
	}
	if len(count) != 21 {
		t.Errorf("municipalities are in %d counties, want 21", len(count))
	}
	if got := SwedenPopulation(); got != 10587710 || total != got {
		t.Errorf("SwedenPopulation() = %d, county sum %d, want 10587710", got, total)
	}
}

// The shipped copy must stay the shared reference data; the shared folder
// stands beside the repository (as in CI) and its absence is a failure there.
func TestEmbeddedFilesAreCopies(t *testing.T) {
	shared := sharedtest.Path(t, "data")
	for _, name := range []string{"README.md", "kommuner.csv", "lan.csv", "kommuner.geojson",
		"lan.geojson", "sambruk_itsam_fakta.csv", "samverkan_belagg_per_kommun.csv"} {
		b := mustRead(name)
		if src, err := os.ReadFile(filepath.Join(shared, name)); err != nil || !bytes.Equal(b, src) {
			t.Errorf("%s differs from the shared copy", name)
		}
	}
}

func TestBoundaries(t *testing.T) {
	type collection struct {
		Type     string
		Features []struct {
			Type       string
			Properties struct {
				Kommunkod  string `json:"kommunkod"`
				Kommunnamn string `json:"kommunnamn"`
				Lanskod    string `json:"lanskod"`
				Population int    `json:"folkmangd_2024_12_31"`
			}
			Geometry struct{ Type string }
		}
	}
	tests := []struct {
		name string
		data []byte
		want map[string]int // code -> population
	}{
		{"kommuner.geojson", MunicipalityBoundaries(), map[string]int{}},
		{"lan.geojson", CountyBoundaries(), map[string]int{}},
	}
	for _, m := range Municipalities() {
		tests[0].want[m.Code] = m.Population
	}
	for _, c := range Counties() {
		tests[1].want[c.Code] = c.Population
	}
	for _, tt := range tests {
		var fc collection
		if err := json.Unmarshal(tt.data, &fc); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if fc.Type != "FeatureCollection" || len(fc.Features) != len(tt.want) {
			t.Errorf("%s: %s with %d features, want %d", tt.name, fc.Type, len(fc.Features), len(tt.want))
		}
		seen := map[string]bool{}
		for _, f := range fc.Features {
			p := f.Properties
			code := p.Lanskod
			if tt.name == "kommuner.geojson" {
				code = p.Kommunkod
				if m, ok := MunicipalityByCode(code); !ok || m.Name != p.Kommunnamn || m.CountyCode != p.Lanskod {
					t.Errorf("%s: %+v does not match kommuner.csv", tt.name, p)
				}
			}
			pop, ok := tt.want[code]
			if !ok || seen[code] || pop != p.Population || !strings.Contains(f.Geometry.Type, "Polygon") {
				t.Errorf("%s: feature %s (%s) unknown, repeated or wrong", tt.name, code, f.Geometry.Type)
			}
			seen[code] = true
		}
	}
}

func TestFactsRefersToKnownMunicipalities(t *testing.T) {
	records, err := csv.NewReader(bytes.NewReader(mustRead("samverkan_belagg_per_kommun.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range records[1:] {
		if m, ok := MunicipalityByCode(r[1]); !ok || m.Name != r[2] {
			t.Errorf("samverkan row %q: code and name do not match kommuner.csv", r)
		}
	}
	if _, err := csv.NewReader(bytes.NewReader(mustRead("sambruk_itsam_fakta.csv"))).ReadAll(); err != nil {
		t.Error(err)
	}
}

func TestCodes(t *testing.T) {
	tests := []struct {
		in, want string // want "" for a miss
	}{
		{"1780", "1780"}, {"0180", "0180"}, {"180", "0180"}, {" 180 ", "0180"}, {"114", "0114"},
		{"0999", ""}, {"18", ""}, {"01800", ""}, {"180.0", ""}, {"+180", ""}, {"", ""}, {"１７８０", ""},
	}
	for _, tt := range tests {
		m, ok := MunicipalityByCode(tt.in)
		if ok != (tt.want != "") || m.Code != tt.want {
			t.Errorf("MunicipalityByCode(%q) = %q, %v; want %q", tt.in, m.Code, ok, tt.want)
		}
	}
	counties := []struct{ in, want string }{
		{"01", "01"}, {"1", "01"}, {" 20 ", "20"}, {"02", ""}, {"001", ""}, {"x", ""},
	}
	for _, tt := range counties {
		c, ok := CountyByCode(tt.in)
		if ok != (tt.want != "") || c.Code != tt.want {
			t.Errorf("CountyByCode(%q) = %q, %v; want %q", tt.in, c.Code, ok, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		in, want string // want "" for a miss
	}{
		{"Karlstad", "1780"},
		{"Karlstads kommun", "1780"},
		{" KARLSTADS KOMMUN ", "1780"},
		{"karlstads  \u00a0kommun", "1780"},
		{"\u00a0Karlstad\u00a0kommun\u00a0", "1780"},
		{"Karlstads", "1780"},
		{"Karlstad kommun", "1780"},
		{"1780", "1780"},
		{"180", "0180"},
		{" 0180 ", "0180"},
		{"Stockholms stad", "0180"},
		{"Stockholms kommun", "0180"},
		{"Göteborgs stad", "1480"},
		{"GÖTEBORGS STAD", "1480"},
		{"Goteborg", "1480"},
		{"Malmö stad", "1280"},
		{"Region Gotland", "0980"},
		{"Gotlands kommun", "0980"},
		{"Borås", "1490"},
		{"Borås kommun", "1490"},
		{"Borås Stad", "1490"},
		{"Kramfors kommun", "2282"},
		{"Faluns kommun", "2080"},
		{"Falu kommun", "2080"}, // the real official name; not in the data
		{"ÖSTERÅKER", "0117"},
		{"o\u0308stera\u030aker", "0117"}, // decomposed (NFD) input
		{"Upplands-Bro", "0139"},
		{"Upplands – Bro", "0139"},
		{"upplands bro", "0139"},
		{"Dals-Eds kommun", "1438"},
		{"Håbo", "0305"},
		{"Habo", "0643"},
		{"Atlantis", ""},
		{"", ""},
		{"   ", ""},
		{"kommun", ""},
		{"Stockholms län", ""},
		{"180.0", ""},
	}
	for _, tt := range tests {
		m, ok := Lookup(tt.in)
		if ok != (tt.want != "") || m.Code != tt.want {
			t.Errorf("Lookup(%q) = %q %q, %v; want %q", tt.in, m.Code, m.Name, ok, tt.want)
		}
	}
}

func TestLookupRoundTrip(t *testing.T) {
	for _, m := range Municipalities() {
		for _, s := range []string{m.Name, m.OfficialName, strings.ToUpper(m.OfficialName),
			m.Code, strings.TrimLeft(m.Code, "0"), " " + strings.ToLower(m.Name) + "\u00a0"} {
			if got, ok := Lookup(s); !ok || got != m {
				t.Errorf("Lookup(%q) = %q, %v; want %s", s, got.Code, ok, m.Code)
			}
		}
	}
}

func TestLookupCounty(t *testing.T) {
	tests := []struct {
		in, want string // want "" for a miss
	}{
		{"Dalarnas län", "20"},
		{"Dalarna", "20"},
		{"Region Dalarna", "20"},
		{"20", "20"},
		{"dalarnas lan", "20"},
		{" DALARNAS  LÄN ", "20"},
		{"Dalarnas", "20"},
		{"Dalarna län", "20"},
		{"1", "01"},
		{"Stockholm", "01"},
		{"Region Stockholm", "01"},
		{"Skåne", "12"},
		{"Skane lan", "12"},
		{"Region Jönköpings län", "06"},
		{"Västra Götalandsregionen", "14"},
		{"Region Jämtland Härjedalen", "23"},
		{"Region Sörmland", "04"},
		{"Region Gotland", "09"},
		{"Karlstad", ""},
		{"Atlantis län", ""},
		{"02", ""},
		{"", ""},
	}
	for _, tt := range tests {
		c, ok := LookupCounty(tt.in)
		if ok != (tt.want != "") || c.Code != tt.want {
			t.Errorf("LookupCounty(%q) = %q, %v; want %q", tt.in, c.Code, ok, tt.want)
		}
	}
	for _, c := range Counties() {
		for _, s := range []string{c.Code, c.Name, c.ShortName, "Region " + c.ShortName} {
			if got, ok := LookupCounty(s); !ok || got != c {
				t.Errorf("LookupCounty(%q) = %q, %v; want %s", s, got.Code, ok, c.Code)
			}
		}
	}
}

func TestSuggest(t *testing.T) {
	names := func(ms []Municipality) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Name)
		}
		return out
	}
	tests := []struct {
		in    string
		n     int
		first []string // the expected start of the result
	}{
		{"Karlstadt", 3, []string{"Karlstad"}},
		{"Götebrg", 1, []string{"Göteborg"}},
		{"goteborgs kommun", 1, []string{"Göteborg"}},
		{"Stokholm", 1, []string{"Stockholm"}},
		{"Jönköpnig", 1, []string{"Jönköping"}}, // swapped letters
		{"Uppsla kommun", 1, []string{"Uppsala"}},
		{"Hbo", 3, []string{"Habo", "Hjo", "Håbo"}}, // a tie, in Swedish order
		{"1780", 1, []string{"Karlstad"}},
		{"Atlantis", 0, nil},
		{"", 3, nil},
	}
	for _, tt := range tests {
		got := names(Suggest(tt.in, tt.n))
		if len(got) != min(tt.n, 290) && tt.first != nil {
			t.Errorf("Suggest(%q, %d) gave %d results", tt.in, tt.n, len(got))
		}
		if !slices.Equal(got[:min(len(got), len(tt.first))], tt.first) {
			t.Errorf("Suggest(%q, %d) = %q; want it to start with %q", tt.in, tt.n, got, tt.first)
		}
	}
	if got := Suggest("a", 1000); len(got) != 290 {
		t.Errorf("Suggest with n > 290 gave %d results", len(got))
	}
}

func TestCompareSwedish(t *testing.T) {
	want := []string{"habo", "håbo", "hällefors", "höganäs", "öckerö", "östra göinge"}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, compareSwedish)
	if !slices.Equal(got, want) {
		t.Errorf("Swedish order %q, want %q", got, want)
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"karlstadt", "karlstad", 1},
		{"götebrg", "göteborg", 1}, {"jönköpnig", "jönköping", 1}, {"håbo", "habo", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestAliasCodesExist(t *testing.T) {
	for name, code := range municipalityAliases {
		if _, ok := MunicipalityByCode(code); !ok {
			t.Errorf("municipality alias %q: no code %s", name, code)
		}
	}
	for name, code := range countyAliases {
		if _, ok := CountyByCode(code); !ok {
			t.Errorf("county alias %q: no code %s", name, code)
		}
	}
}
