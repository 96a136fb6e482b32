package analytics_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
)

func TestEveryQueryFilePrepares(t *testing.T) {
	s := analyticstest.New(t)
	if err := s.PrepareQueries(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestPreparingFailsOnAQueryThatNoLongerFitsTheSchema(t *testing.T) {
	s := analyticstest.New(t)
	analyticstest.Exec(t, s, `ALTER TABLE fee_bands RENAME COLUMN annual_fee TO fee`)
	err := s.PrepareQueries(context.Background())
	if err == nil || !strings.Contains(err.Error(), "fee_income") {
		t.Fatalf("err = %v, want one naming fee_income", err)
	}
}

func TestEveryMetricHasAQueryAndEveryQueryIsUsed(t *testing.T) {
	names, err := analytics.QueryNames()
	if err != nil {
		t.Fatal(err)
	}
	// A breakdown's query is used when the package's code names it.
	var code strings.Builder
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			b, _ := os.ReadFile(f)
			code.Write(b)
		}
	}
	var used []string
	for _, m := range analytics.MetricCatalog() {
		if !slices.Contains(names, m.Key) {
			t.Errorf("metric %s has no queries/%s.sql", m.Key, m.Key)
		}
		used = append(used, m.Key)
	}
	for _, name := range names {
		if !slices.Contains(used, name) && !strings.Contains(code.String(), `"`+name+`"`) {
			t.Errorf("queries/%s.sql is used by nothing", name)
		}
	}
	if len(analytics.KeyFigures()) != 13 || len(analytics.MetricCatalog()) != 16 {
		t.Errorf("%d key figures and %d metrics, DESIGN has 13, the budget's 2 and the benefits' 1", len(analytics.KeyFigures()), len(analytics.MetricCatalog()))
	}
}

func TestSwedensTotals(t *testing.T) {
	// The sum of data/reference's municipalities; a test there checks it too.
	if analytics.SwedenPopulation != 10587710 || analytics.SwedenMunicipalities != 290 {
		t.Errorf("SwedenPopulation %d, SwedenMunicipalities %d", analytics.SwedenPopulation, analytics.SwedenMunicipalities)
	}
}
