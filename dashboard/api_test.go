package dashboard_test

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"malbild/data/sharedtest"
)

func TestAPIAnswersTheSamplesExpectedNumbers(t *testing.T) {
	sql, err := os.ReadFile("../analytics/testdata/samples.sql")
	if err != nil {
		t.Fatal(err)
	}
	app, _ := newApp(t, string(sql))
	for _, c := range []struct{ path, expected string }{
		{"/api/metrics?asof=2022-12-31", "metrics_2022-12-31.json"},
		{"/api/metrics?asof=2023-06-30", "metrics_2023-06-30.json"},
		{"/api/goals?year=2022&asof=2022-12-31", "goals_2022_asof_2022-12-31.json"},
		{"/api/goals?year=2023&asof=2023-06-30", "goals_2023_asof_2023-06-30.json"},
	} {
		resp, body := get(t, app, c.path)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("%s: %d %s", c.path, resp.StatusCode, body)
		}
		want, err := os.ReadFile(filepath.Join(sharedtest.Path(t, "samples/expected"), c.expected))
		if err != nil {
			t.Fatal(err)
		}
		var w, g any
		json.Unmarshal(want, &w)
		if err := json.Unmarshal([]byte(body), &g); err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		for _, d := range contains(c.expected, w, g) {
			t.Errorf("%s: %s", c.path, d)
		}
	}
}

// contains lists where got lacks or differs from what want holds; numbers
// agree to 1e-9, and keys only in got (such as "manual") are allowed.
func contains(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{path + ": not an object"}
		}
		var diffs []string
		for k, wv := range w {
			diffs = append(diffs, contains(path+"."+k, wv, g[k])...)
		}
		return diffs
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{fmt.Sprintf("%s: %v, want %d items", path, got, len(w))}
		}
		var diffs []string
		for i := range w {
			diffs = append(diffs, contains(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return diffs
	case float64:
		if g, ok := got.(float64); !ok || math.Abs(g-w) > 1e-9 {
			return []string{fmt.Sprintf("%s = %v, want %v", path, got, w)}
		}
		return nil
	}
	if want != got {
		return []string{fmt.Sprintf("%s = %v, want %v", path, got, want)}
	}
	return nil
}

func TestAPIRefusesBadDatesAndYearsWithA400(t *testing.T) {
	app, _ := newApp(t)
	for _, path := range []string{"/api/metrics?asof=2023-02-30", "/api/goals?year=twenty", "/api/goals?year=1066", "/api/goals?asof=06/30/2023"} {
		resp, body := get(t, app, path)
		var e struct{ Error string }
		if resp.StatusCode != http.StatusBadRequest || json.Unmarshal([]byte(body), &e) != nil || e.Error == "" {
			t.Errorf("%s: %d %s; want 400 with an error message", path, resp.StatusCode, body)
		}
	}
}

func TestAPIDefaultsToTodayAndItsYear(t *testing.T) {
	app, _ := newDemoApp(t)
	_, body := get(t, app, "/api/goals")
	var r struct {
		Year int
		AsOf string `json:"asof"`
	}
	json.Unmarshal([]byte(body), &r)
	if r.Year != 2026 || r.AsOf != "2026-11-22" {
		t.Errorf("defaults: year %d asof %s, want the fixed test today 2026-11-22", r.Year, r.AsOf)
	}
}
