package analytics

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestCheckQueryRefusesWhatPreparingWouldNotCheck(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, c := range []struct {
		q    namedQuery
		want string
	}{
		{namedQuery{name: "deferred", params: []string{"on"},
			sql: `SELECT d, nosuch FROM generate_series(CAST($on AS DATE), CAST($on AS DATE), INTERVAL 1 DAY) AS t (d)`},
			"cannot bind"},
		{namedQuery{name: "untyped", params: []string{"on"}, sql: `SELECT $on AS d`}, "cannot bind"},
		{namedQuery{name: "unnamed", params: nil, sql: `SELECT CAST($on AS DATE) AS d`}, "$on"},
		{namedQuery{name: "members", params: nil, sql: `SELECT 1 AS value`}, "d, value, service"},
	} {
		err := s.checkQueries(ctx, []namedQuery{c.q})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one saying %q", c.q.name, err, c.want)
		}
	}
}

func TestQueryFilesNameOnlyKnownParameters(t *testing.T) {
	qs, err := queries()
	if err != nil {
		t.Fatal(err)
	}
	if got := qs["networks_min_participants"].params; !slices.Contains(got, "n") || !slices.Contains(got, "from") || !slices.Contains(got, "to") {
		t.Errorf("networks_min_participants params = %v", got)
	}
}

// The rules of migration 009 are written once: a query file calls the macros
// (month_ends, active_members, active_participations, joined_lost_on,
// member_fee_bands) instead of restating them.
func TestQueryFilesDoNotRestateTheSharedRules(t *testing.T) {
	qs, err := queries()
	if err != nil {
		t.Fatal(err)
	}
	restated := map[string]string{
		"generate_series":                    "month_ends(from, to)",
		"p.to_on IS NULL":                    "active_participations(d)",
		"s.ended_on IS NULL OR am":           "active_participations(d)",
		"<= m.left_on)":                      "active_members(d)",
		"population >= band.population_from": "the member_fee_bands view",
	}
	for name, q := range qs {
		for text, use := range restated {
			if name == "fees" && text == "<= m.left_on)" {
				continue // a row billed for a year overlaps the year: not "active on a day"
			}
			if strings.Contains(q.sql, text) {
				t.Errorf("query %s restates a rule (%q): use %s", name, text, use)
			}
		}
	}
}
