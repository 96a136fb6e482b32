package importer_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/importer"
)

var (
	orgKarlstad = orgnr("212000176")
	orgHeby     = orgnr("212000030")
	orgForbund  = orgnr("222000111")
	orgAnnat    = orgnr("222000333")
)

// matchRegistry holds Karlstad, Heby, Stockholm and two organisations
// that are no municipalities.
func matchRegistry(t *testing.T) *analytics.Store {
	s := analyticstest.New(t)
	commit(t, s, workbook(t, sheet{"Medlemmar", [][]any{
		{"Namn", "Typ", "Kod", "Organisationsnummer", "Invånare", "Medlem sedan"},
		{"Karlstad", "kommun", "1780", orgKarlstad, 94000, date("2010-01-01")},
		{"Heby", "kommun", "0331", orgHeby, 14000, date("2012-01-01")},
		{"Stockholm", "kommun", "0180", nil, 980000, date("2011-01-01")},
		{"Testförbundet", "kommunalförbund", nil, orgForbund, 1000, date("2015-01-01")},
		{"Annat förbund", "övrig", nil, orgAnnat, 500, date("2016-01-01")},
	}}))
	return s
}

// Every matching rule of DESIGN "Import": a row finds its member by code
// (a lost leading zero restored), else organisation number, else name in
// any of its written forms; when the code, the number and the name point
// at different members the row is an error naming both and the columns.
func TestMembersAreMatchedByCodeNumberAndNameAndNeverByChoice(t *testing.T) {
	cases := []struct {
		name    string
		header  []any
		row     []any
		member  string   // the member the row changes ("" when it must not match)
		problem string   // the error code expected, if any
		says    []string // and what its message names
	}{
		{"code", []any{"Namn", "Kod", "Invånare"}, []any{"Karlstad", "1780", 1}, "Karlstad", "", nil},
		{"code as a number with its leading zero lost", []any{"Namn", "Kod", "Invånare"}, []any{"Stockholm", 180, 1}, "Stockholm", "", nil},
		{"code as text with its leading zero lost", []any{"Namn", "Kommunkod", "Invånare"}, []any{nil, "180", 1}, "Stockholm", "", nil},
		{"organisation number", []any{"Namn", "Organisationsnummer", "Invånare"}, []any{"Testförbundet", orgForbund, 1}, "Testförbundet", "", nil},
		{"organisation number without a dash", []any{"Namn", "Orgnr", "Invånare"}, []any{"Testförbundet", strings.ReplaceAll(orgForbund, "-", ""), 1}, "Testförbundet", "", nil},
		{"name", []any{"Namn", "Invånare"}, []any{"Karlstad", 1}, "Karlstad", "", nil},
		{"name with kommun", []any{"Namn", "Invånare"}, []any{"Karlstads kommun", 1}, "Karlstad", "", nil},
		{"name in capitals with spaces", []any{"Namn", "Invånare"}, []any{" KARLSTADS KOMMUN ", 1}, "Karlstad", "", nil},
		{"name of an organisation", []any{"Namn", "Typ", "Invånare"}, []any{"testförbundet", "kommunalförbund", 1}, "Testförbundet", "", nil},
		{"code of one member, number of another", []any{"Namn", "Kod", "Organisationsnummer", "Invånare"},
			[]any{"Karlstad", "1780", orgHeby, 1}, "", "member.identity_conflict",
			[]string{"Kod", "1780", "Karlstad", "Organisationsnummer", orgHeby, "Heby"}},
		{"code of no member, number of another (the template's row)", []any{"Namn", "Kod", "Organisationsnummer", "Invånare"},
			[]any{"Arvika", "1784", orgHeby, 1}, "", "member.identity_conflict",
			[]string{`Kod "1784" is Arvika (1784, not a member)`, `Organisationsnummer "` + orgHeby + `" is Heby (0331, ` + orgHeby + `)`}},
		{"name of a municipality, number of another", []any{"Namn", "Organisationsnummer", "Invånare"},
			[]any{"Karlstads kommun", orgHeby, 1}, "", "member.identity_conflict",
			[]string{"Namn", "Karlstad", "Organisationsnummer", "Heby"}},
		{"number of one organisation, name of another", []any{"Namn", "Typ", "Organisationsnummer", "Invånare"},
			[]any{"Annat förbund", "övrig", orgForbund, 1}, "", "member.identity_conflict",
			[]string{"Organisationsnummer", "Testförbundet", "Namn", "Annat förbund"}},
		{"a new number for a member found by name is a correction", []any{"Namn", "Typ", "Organisationsnummer", "Invånare"},
			[]any{"Annat förbund", "övrig", orgnr("222000444"), 1}, "Annat förbund", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := matchRegistry(t)
			before := dump(t, s)
			f := workbook(t, sheet{"Medlemmar", [][]any{c.header, c.row}})
			plan, err := importer.Preview(context.Background(), s, f, en)
			if err != nil {
				t.Fatal(err)
			}
			var probs []importer.Problem
			for _, p := range plan.Problems() {
				if p.Severity == importer.SeverityError {
					probs = append(probs, p)
				}
			}
			switch {
			case c.problem != "":
				if len(probs) != 1 || probs[0].Code != c.problem || probs[0].Row != 2 {
					t.Fatalf("problems %+v, want %s on row 2", probs, c.problem)
				}
				for _, w := range c.says {
					if !strings.Contains(probs[0].Message, w) {
						t.Errorf("message %q lacks %q", probs[0].Message, w)
					}
				}
				sv, _ := importer.Preview(context.Background(), s, f, importer.Options{Lang: "sv"})
				if !strings.Contains(problems(sv), "två olika medlemmar") {
					t.Errorf("Swedish: %s", problems(sv))
				}
				if _, err := importer.Commit(context.Background(), s, f, en); analytics.ErrorCode(err) != analytics.EInvalid {
					t.Errorf("commit: %v", err)
				}
				if dump(t, s) != before {
					t.Error("a refused row changed the registry")
				}
			case c.member == "":
				if plan.HasErrors() || plan.Counts["members"].Changed != 0 {
					t.Fatalf("want no change: %+v\n%s", plan.Counts["members"], problems(plan))
				}
			default:
				if plan.HasErrors() || plan.Counts["members"].Changed != 1 || plan.Counts["members"].New != 0 {
					t.Fatalf("counts %+v\n%s", plan.Counts["members"], problems(plan))
				}
				if got := plan.Sheets[0].Rows[0].Label; !strings.HasPrefix(strings.ToLower(got), strings.ToLower(c.member)) {
					t.Errorf("matched %q, want %s", got, c.member)
				}
			}
		})
	}
}

// A participation or attendance sheet names its member in one cell: by
// the name in the registry, a code (its leading zero lost or not, as text
// or as a number) or any name the reference data knows for a municipality.
func TestMemberCellsOfParticipationSheetsFindTheirMember(t *testing.T) {
	for _, cell := range []any{"Stockholm", "0180", "180", 180, "Stockholms kommun", " STOCKHOLMS KOMMUN ", "stockholm"} {
		t.Run(fmt.Sprint(cell), func(t *testing.T) {
			s := matchRegistry(t)
			commit(t, s, workbook(t, sheet{"Tjänster", [][]any{{"Tjänst", "Typ", "Start"}, {"Bibblix", "tjänst", date("2016-06-01")}}}))
			res := commit(t, s, workbook(t, sheet{"Anslutningar", [][]any{{"Medlem", "Tjänst", "Från"}, {cell, "Bibblix", date("2017-01-01")}}}))
			if res.Batch == nil || res.Batch.Counts["participations"].New != 1 ||
				count(t, s, `SELECT count(*) FROM participations p JOIN members m ON m.id = p.member_id WHERE m.code = '0180'`) != 1 {
				t.Errorf("%v did not find Stockholm", cell)
			}
		})
	}
	s := matchRegistry(t)
	commit(t, s, workbook(t, sheet{"Tjänster", [][]any{{"Tjänst", "Typ", "Start"}, {"Bibblix", "tjänst", date("2016-06-01")}}}))
	plan, err := importer.Preview(context.Background(), s, workbook(t, sheet{"Anslutningar", [][]any{{"Medlem", "Tjänst", "Från"},
		{"Arvika", "Bibblix", date("2017-01-01")}, {"Stokholm", "Bibblix", date("2017-01-01")}}}), en)
	if err != nil {
		t.Fatal(err)
	}
	probs := plan.Problems()
	if len(probs) != 2 || probs[0].Code != "member.not_member" || probs[1].Code != "member.not_found" ||
		!strings.Contains(probs[1].Message, "Stockholm") {
		t.Errorf("problems %+v", probs)
	}
}
