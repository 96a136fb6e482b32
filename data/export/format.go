package export

import (
	"time"

	"malbild/analytics"
)

// exampleDate is the date in the template's example rows.
var exampleDate = time.Date(2024, time.January, 1, 0, 0, 0, 0, time.UTC)

// The import's own format (DESIGN "Import columns"): the sheets the data
// export writes and the template lays out, with their Swedish headers in
// the order written. A sheet's kind follows from its headers, so its name is
// only for people.

// cellKind is how a column's values are shown.
type cellKind int

const (
	kindText   cellKind = iota // general
	kindCode                   // text, so that leading zeros stay: "0180"
	kindDate                   // yyyy-mm-dd
	kindInt                    // #,##0
	kindMoney                  // #,##0.00
	kindTarget                 // a percentage for a share, else general
)

// importColumn is one column of an import sheet: its header, how its values
// show, the drop-down list the template offers (a key of templateLists, or
// ""), the template's example value, and whether it is personal data.
type importColumn struct {
	header   string
	kind     cellKind
	list     string
	example  any
	personal bool
}

// importSheet is one sheet of the import's format.
type importSheet struct {
	name    string
	columns []importColumn
}

// Sheets of the import's format, in the order the data export writes them:
// what a row refers to comes before the row.
var (
	membersFormat = importSheet{"Medlemmar", []importColumn{
		{header: "Namn", example: "Karlstad"},
		{header: "Typ", list: "member_kinds", example: "kommun"},
		{header: "Kod", kind: kindCode, example: "1780"},
		{header: "Organisationsnummer", kind: kindCode, example: "212000-1876"},
		{header: "Län", list: "counties", example: "Värmlands län"},
		{header: "Invånare", kind: kindInt, example: 98084},
		{header: "Grupp"},
		{header: "Medlem sedan", kind: kindDate, example: exampleDate},
		{header: "Utträde", kind: kindDate},
		{header: "Kontaktperson", personal: true, example: "Anna Andersson"},
		{header: "E-post", personal: true, example: "anna.andersson@karlstad.se"},
	}}
	servicesFormat = importSheet{"Tjänster", []importColumn{
		{header: "Tjänst", example: "Bibblix"},
		{header: "Typ", list: "service_kinds", example: "tjänst"},
		{header: "Område", example: "bibliotek"},
		{header: "Start", kind: kindDate, example: exampleDate},
		{header: "Slut", kind: kindDate},
	}}
	participationFormat = importSheet{"Deltagande", []importColumn{
		{header: "Medlem", example: "Karlstad"},
		{header: "Tjänst", list: "services", example: "Bibblix"},
		{header: "Från", kind: kindDate, example: exampleDate},
		{header: "Till", kind: kindDate},
	}}
	eventsFormat = importSheet{"Evenemang", []importColumn{
		{header: "Namn", example: "Höstkonferens"},
		{header: "Datum", kind: kindDate, example: exampleDate},
		{header: "Format", list: "formats", example: "digital"},
		{header: "Roll", list: "roles", example: "värd"},
	}}
	attendanceFormat = importSheet{"Närvaro", []importColumn{
		{header: "Evenemang", example: "Höstkonferens"},
		{header: "Datum", kind: kindDate, example: exampleDate},
		{header: "Medlem", example: "Karlstad"},
		{header: "Antal", kind: kindInt, example: 3},
	}}
	goalsFormat = importSheet{"Mål", []importColumn{
		{header: "År", example: 2024},
		{header: "Nr", example: 1},
		{header: "Nyckel", example: "members_125"},
		{header: "Målområde", example: "Medlemmar"},
		{header: "Mål", example: "Föreningen ska ha minst 125 medlemmar vid årets slut."},
		{header: "Mått", list: "metrics", example: "members"},
		{header: "Parameter"},
		{header: "Jämförelse", list: "comparators", example: ">="},
		{header: "Målvärde", kind: kindTarget, example: 125},
		{header: "Övre målvärde", kind: kindTarget},
		{header: "Slutdatum", kind: kindDate},
		{header: "Status", list: "statuses"},
		{header: "Statusdatum", kind: kindDate},
		{header: "Kommentar"},
	}}
	feesFormat = importSheet{"Avgiftstabell", []importColumn{
		{header: "År", example: 2024},
		{header: "Kategori", list: "categories", example: "kommun"},
		{header: "Invånare från", kind: kindInt, example: 7000},
		{header: "Invånare till", kind: kindInt, example: 15000},
		{header: "Medlemsinsats", kind: kindMoney, example: 5000},
		{header: "Årsavgift", kind: kindMoney, example: 10000},
	}}
	importFormat = []importSheet{membersFormat, servicesFormat, participationFormat, eventsFormat,
		attendanceFormat, goalsFormat, feesFormat, benefitsFormat, benefitMeasurementsFormat}
)

// Words of the import for the registry's enumerations, as the data export
// writes them: Swedish, and read back to the same stored value.
var (
	memberKindWords = map[string]string{
		analytics.KindKommun: "kommun", analytics.KindRegion: "region",
		analytics.KindKommunalforbund: "kommunalförbund", analytics.KindOvrig: "övrig",
	}
	serviceKindWords = map[string]string{analytics.KindService: "tjänst", analytics.KindNetwork: "nätverk"}
	formatWords      = map[string]string{"digital": "digital", "physical": "fysisk", "hybrid": "hybrid"}
	roleWords        = map[string]string{"host": "värd", "participant": "deltagare"}
	statusWords      = map[string]string{
		string(analytics.StatusMet): "uppnått", string(analytics.StatusOnTrack): "i fas",
		string(analytics.StatusAtRisk): "i riskzonen", string(analytics.StatusMissed): "ej uppnått",
	}
	comparatorWords = map[string]string{analytics.CmpBetween: "mellan"}
	categoryWords   = map[string]string{"kommun": "kommun", "ovrig": "övrig"}
)

// word is the import's word for a stored value; a value without one is
// written as it is stored.
func word(words map[string]string, v string) string {
	if w, ok := words[v]; ok {
		return w
	}
	return v
}

// tableColumns are the sheet's table columns, personal ones only when asked for.
func (s importSheet) tableColumns(st *styles, personal bool) []column {
	var out []column
	for _, c := range s.columns {
		if c.personal && !personal {
			continue
		}
		out = append(out, column{header: c.header, style: st.kindStyle(c.kind)})
	}
	return out
}

// kindStyle is the cell style that shows values of kind k.
func (st *styles) kindStyle(k cellKind) int {
	switch k {
	case kindCode:
		return st.text
	case kindDate:
		return st.date
	case kindInt:
		return st.integer
	case kindMoney:
		return st.money
	}
	return 0
}
