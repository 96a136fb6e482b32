package importer

import (
	"strings"
	"unicode"
)

// Kind is what a sheet holds, recognised from its headers.
type Kind string

const (
	KindMembers       Kind = "members"
	KindServices      Kind = "services"
	KindParticipation Kind = "participation"      // long: member, service, from, to
	KindWide          Kind = "participation_wide" // a row per member, a column per service
	KindEvents        Kind = "events"
	KindAttendance    Kind = "attendance"
	KindGoals         Kind = "goals"
	KindFees          Kind = "fees"

	KindBenefits            Kind = "benefits"
	KindBenefitMeasurements Kind = "benefit_measurements"
)

// field is a column's meaning within its kind.
type field string

// kindSpec lists the headers (DESIGN "Import columns") of one kind: each
// field with the names it goes by, normalised by headerKey, and the fields a
// sheet must have to be of this kind.
type kindSpec struct {
	kind     Kind
	fields   []fieldSpec
	required []field
}

type fieldSpec struct {
	field field
	names []string
}

// specs are tried in this order; on a tie in the number of headers
// understood, the earlier kind wins.
var specs = []kindSpec{
	{KindMembers, []fieldSpec{
		{"name", []string{"namn", "medlem", "organisation", "name", "member"}},
		{"kind", []string{"typ", "medlemstyp", "kind", "type"}},
		{"code", []string{"kommunkod", "kod", "municipalitycode", "code"}},
		{"org_number", []string{"organisationsnummer", "orgnr", "organisationnumber"}},
		{"county", []string{"län", "county"}},
		{"population", []string{"invånare", "folkmängd", "befolkning", "population", "inhabitants"}},
		{"group", []string{"grupp", "group"}},
		{"joined", []string{"medlemsedan", "inträde", "inträdesdatum", "joined", "membersince"}},
		{"left", []string{"utträde", "utträdesdatum", "medlemtill", "left", "memberuntil"}},
		{"contact", []string{"kontaktperson", "kontakt", "contact"}},
		{"email", []string{"epost", "mejl", "email"}},
	}, []field{"name"}},
	{KindServices, []fieldSpec{
		{"name", []string{"tjänst", "namn", "service", "name"}},
		{"kind", []string{"typ", "kind"}},
		{"area", []string{"område", "area"}},
		{"started", []string{"start", "startdatum", "started"}},
		{"ended", []string{"slut", "slutdatum", "ended"}},
	}, []field{"name"}},
	{KindParticipation, []fieldSpec{
		{"member", []string{"medlem", "kommun", "kommunkod", "member"}},
		{"service", []string{"tjänst", "nätverk", "service", "network"}},
		{"from", []string{"från", "ansluten", "start", "from", "joined"}},
		{"to", []string{"till", "avslutad", "slut", "to", "ended"}},
	}, []field{"member", "service", "from"}},
	{KindEvents, []fieldSpec{
		{"name", []string{"namn", "evenemang", "konferens", "name", "event"}},
		{"date", []string{"datum", "date"}},
		{"format", []string{"format"}},
		{"role", []string{"roll", "role"}},
	}, []field{"name", "date"}},
	{KindAttendance, []fieldSpec{
		{"event", []string{"evenemang", "konferens", "event"}},
		{"member", []string{"medlem", "kommun", "member"}},
		{"attendees", []string{"antal", "deltagare", "attendees"}},
		{"date", []string{"datum", "date"}},
	}, []field{"event", "member", "attendees"}},
	{KindGoals, []fieldSpec{
		{"year", []string{"år", "year"}},
		{"number", []string{"nr", "no", "number"}},
		{"key", []string{"nyckel", "key"}},
		{"area", []string{"målområde", "område", "area"}},
		{"text", []string{"mål", "goal"}},
		{"metric", []string{"mått", "metric"}},
		{"params", []string{"parameter", "parametrar", "parameters"}},
		{"comparator", []string{"jämförelse", "comparator"}},
		{"target", []string{"målvärde", "target"}},
		{"upper_target", []string{"övremålvärde", "uppertarget"}},
		{"due", []string{"slutdatum", "due"}},
		{"status", []string{"status"}},
		{"status_date", []string{"statusdatum", "statusdate"}},
		{"comment", []string{"kommentar", "comment"}},
	}, []field{"year", "key", "metric"}},
	{KindFees, []fieldSpec{
		{"year", []string{"år", "year"}},
		{"category", []string{"kategori", "category"}},
		{"population_from", []string{"invånarefrån", "populationfrom"}},
		{"population_to", []string{"invånaretill", "populationto"}},
		{"contribution", []string{"medlemsinsats", "insats", "contribution"}},
		{"annual_fee", []string{"årsavgift", "annualfee"}},
	}, []field{"year", "contribution", "annual_fee"}},
	{KindBenefits, []fieldSpec{
		{"benefit", []string{"nytta", "benefit"}},
		{"service", []string{"tjänst", "nätverk", "service", "network"}},
		{"category", []string{"kategori", "category"}},
		{"certainty", []string{"säkerhet", "certainty"}},
		{"owner", []string{"ägare", "owner"}},
		{"unit", []string{"enhet", "unit"}},
		{"direction", []string{"riktning", "direction"}},
		{"aggregation", []string{"sammanvägning", "aggregation"}},
		{"baseline", []string{"utgångsvärde", "baseline"}},
		{"baseline_date", []string{"utgångsdatum", "baselinedate"}},
		{"target", []string{"målvärde", "target"}},
		{"due", []string{"måldatum", "due"}},
		{"valuation", []string{"värdering", "krperenhet", "valuation"}},
	}, []field{"benefit"}},
	{KindBenefitMeasurements, []fieldSpec{
		{"benefit", []string{"nytta", "benefit"}},
		{"date", []string{"datum", "date"}},
		{"member", []string{"medlem", "kommun", "kommunkod", "member"}},
		{"value", []string{"värde", "value"}},
		{"source", []string{"källa", "source"}},
		{"comment", []string{"kommentar", "comment"}},
	}, []field{"benefit", "date", "value"}},
}

// wideMemberNames are the headers the first column of a wide sheet may have.
var wideMemberNames = []string{"medlem", "kommun", "kommunkod", "namn", "member", "name"}

// headerKey normalises a header: case, surrounding spaces and "-", "_" and
// space differences do not matter ("E-post", "epost", " E POST ").
func headerKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, fold(s))
}

// header is a sheet's header row understood as one kind.
type header struct {
	spec    *kindSpec
	row     int
	names   []string      // every cell of the row, trimmed, as written
	columns map[field]int // the column of each field understood
	ignored []int         // non-empty columns not understood
	dup     [][2]int      // pairs of columns that mean the same field
}

// recognise reads cells as a header of each kind and returns the kind that
// understands the most headers among those whose required fields are all
// present, or nil. At least two headers must be understood, so that a
// one-cell title row is never taken for a header.
func recognise(row int, cells []Cell) *header {
	var best *header
	for i := range specs {
		h := asHeader(&specs[i], row, cells)
		if h == nil || len(h.columns) < 2 {
			continue
		}
		if best == nil || len(h.columns) > len(best.columns) {
			best = h
		}
	}
	return best
}

func asHeader(spec *kindSpec, row int, cells []Cell) *header {
	h := &header{spec: spec, row: row, columns: map[field]int{}}
	for col, c := range cells {
		name := c.Text()
		h.names = append(h.names, name)
		if name == "" {
			continue
		}
		f, ok := spec.field(headerKey(name))
		if !ok {
			f, ok = spec.amountField(name) // "Budget (tkr)"
		}
		if !ok {
			h.ignored = append(h.ignored, col)
			continue
		}
		if first, dup := h.columns[f]; dup {
			h.dup = append(h.dup, [2]int{first, col})
			continue
		}
		h.columns[f] = col
	}
	for _, f := range spec.required {
		if _, ok := h.columns[f]; !ok {
			return nil
		}
	}
	return h
}

func (s *kindSpec) field(key string) (field, bool) {
	for _, fs := range s.fields {
		for _, n := range fs.names {
			if n == key {
				return fs.field, true
			}
		}
	}
	return "", false
}

// isWideMemberHeader says whether a header can name a wide sheet's member column.
func isWideMemberHeader(name string) bool {
	k := headerKey(name)
	for _, n := range wideMemberNames {
		if n == k {
			return true
		}
	}
	return false
}
