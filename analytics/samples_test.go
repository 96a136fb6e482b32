package analytics_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/sharedtest"
)

// newSampleStore loads testdata/samples.sql: the sample workbooks transcribed
// as the import will read them (see the file's header).
func newSampleStore(t testing.TB) *analytics.Store {
	t.Helper()
	s := analyticstest.New(t)
	body, err := os.ReadFile("testdata/samples.sql")
	if err != nil {
		t.Fatal(err)
	}
	analyticstest.Exec(t, s, string(body))
	return s
}

func TestSampleDataHasTheReadmeCounts(t *testing.T) {
	s := newSampleStore(t)
	for table, want := range map[string]int{
		"members": 41, "services": 10, "participations": 90, "events": 7,
		"attendance": 42, "goals": 16, "fee_bands": 48,
	} {
		var n int
		if err := analyticstest.Handle(s).QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s has %d rows, want %d", table, n, want)
		}
	}
}

func TestSampleMetricsMatchTheExpectedJSON(t *testing.T) {
	s := newSampleStore(t)
	for _, asOf := range []string{"2022-12-31", "2023-06-30"} {
		t.Run(asOf, func(t *testing.T) {
			day := mustDay(t, asOf)
			set, err := s.Metrics(context.Background(), day)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.Marshal(analytics.MetricsReport{AsOf: day, Metrics: set})
			if err != nil {
				t.Fatal(err)
			}
			assertSameJSON(t, readExpected(t, "metrics_"+asOf+".json"), got, nil)
		})
	}
}

func TestSampleGoalsMatchTheExpectedJSON(t *testing.T) {
	s := newSampleStore(t)
	for _, c := range []struct {
		year int
		asOf string
	}{{2022, "2022-12-31"}, {2023, "2023-06-30"}} {
		t.Run(c.asOf, func(t *testing.T) {
			day := mustDay(t, c.asOf)
			goals, err := s.EvaluateGoals(context.Background(), c.year, day)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.Marshal(analytics.GoalsReport{Year: c.year, AsOf: day, Goals: goals})
			if err != nil {
				t.Fatal(err)
			}
			// DESIGN: a manual goal also carries "manual": true.
			extra := map[string]any{"manual": true}
			assertSameJSON(t, readExpected(t, fmt.Sprintf("goals_%d_asof_%s.json", c.year, c.asOf)), got, extra)
		})
	}
}

func readExpected(t *testing.T, name string) []byte {
	t.Helper()
	body, err := os.ReadFile(filepath.Join(sharedtest.Path(t, "samples/expected"), name))
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// assertSameJSON compares two documents: the same keys, strings, booleans
// and nulls, numbers within 1e-9. extra lists keys with values that got may
// carry beyond want in any object.
func assertSameJSON(t *testing.T, want, got []byte, extra map[string]any) {
	t.Helper()
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatal(err)
	}
	for _, diff := range jsonDiff("$", w, g, extra) {
		t.Error(diff)
	}
}

func jsonDiff(path string, want, got any, extra map[string]any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: got %v, want an object", path, got)}
		}
		var diffs []string
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			gv, ok := g[k]
			if !ok {
				diffs = append(diffs, fmt.Sprintf("%s.%s: missing", path, k))
				continue
			}
			diffs = append(diffs, jsonDiff(path+"."+k, w[k], gv, extra)...)
		}
		for k, gv := range g {
			if _, ok := w[k]; ok {
				continue
			}
			if ev, ok := extra[k]; !ok || ev != gv {
				diffs = append(diffs, fmt.Sprintf("%s.%s: unexpected %v", path, k, gv))
			}
		}
		return diffs
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s: got %v, want %d elements", path, got, len(w))}
		}
		var diffs []string
		for i := range w {
			diffs = append(diffs, jsonDiff(fmt.Sprintf("%s[%d]", path, i), w[i], g[i], extra)...)
		}
		return diffs
	case float64:
		g, ok := got.(float64)
		if !ok || math.Abs(g-w) > 1e-9 {
			return []string{fmt.Sprintf("%s: got %v, want %v", path, got, w)}
		}
		return nil
	default:
		if want != got {
			return []string{fmt.Sprintf("%s: got %v, want %v", path, got, want)}
		}
		return nil
	}
}

func mustDay(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
