package dashboard_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// goalChartSpec is the part of a goal chart's option the tests read.
type goalChartSpec struct {
	Option struct {
		YAxis []struct {
			Name        string   `json:"name"`
			Min         *float64 `json:"min"`
			Max         *float64 `json:"max"`
			MinInterval float64  `json:"minInterval"`
		} `json:"yAxis"`
		XAxis []struct {
			Type string `json:"type"`
		} `json:"xAxis"`
		Series []struct {
			Name      string `json:"name"`
			LineStyle struct {
				Type string `json:"type"`
			} `json:"lineStyle"`
			Data []struct {
				Value []any `json:"value"`
			} `json:"data"`
		} `json:"series"`
		Aria struct {
			Label struct {
				Description string `json:"description"`
			} `json:"label"`
		} `json:"aria"`
	} `json:"option"`
}

func goalChartOn(t *testing.T, body, key string) goalChartSpec {
	t.Helper()
	block := regexp.MustCompile(`data-chart-for="trend-` + key + `">([^<]*)</script>`).FindStringSubmatch(body)
	if block == nil {
		t.Fatalf("no chart for goal %s", key)
	}
	var spec goalChartSpec
	if err := json.Unmarshal([]byte(block[1]), &spec); err != nil {
		t.Fatalf("chart JSON of %s: %v", key, err)
	}
	return spec
}

// series returns the chart's series with the name as [date, value] pairs.
func (s goalChartSpec) series(name string) [][]any {
	for _, se := range s.Option.Series {
		if se.Name == name {
			var out [][]any
			for _, d := range se.Data {
				out = append(out, d.Value)
			}
			return out
		}
	}
	return nil
}

// The goal charts show the way: the value month by month up to the as-of
// day, the target as a line inside the axis, the pace from 1 January to the
// target on the due date, the dashed forecast where there is one, the unit
// on the axis and a table with the same numbers.
func TestGoalChartHasValueTargetPaceForecastAndUnit(t *testing.T) {
	app, _ := newDemoApp(t)
	_, body := get(t, app, "/goals?year=2022&asof=2022-06-30")
	var api struct {
		Goals []struct {
			Key      string   `json:"key"`
			Due      string   `json:"due"`
			Target   *float64 `json:"target"`
			Forecast *float64 `json:"forecast"`
			Manual   bool     `json:"manual"`
		} `json:"goals"`
	}
	_, raw := get(t, app, "/api/goals?year=2022&asof=2022-06-30")
	if err := json.Unmarshal([]byte(raw), &api); err != nil {
		t.Fatal(err)
	}
	for _, g := range api.Goals {
		if g.Manual {
			continue
		}
		spec := goalChartOn(t, body, g.Key)
		if x := spec.Option.XAxis; len(x) != 1 || x[0].Type != "time" {
			t.Errorf("%s: x axis %+v, want time", g.Key, x)
		}
		values := spec.series("Värde")
		if len(values) < 2 || values[0][0] != "2022-01-01" || values[len(values)-1][0] != "2022-06-30" {
			t.Errorf("%s: values %v, want 1 January to the as-of day", g.Key, values)
		}
		target := spec.series("Mål")
		if len(target) != 2 || target[1][0] != g.Due {
			t.Errorf("%s: target line %v", g.Key, target)
		}
		pace := spec.series("Takt")
		if len(pace) != 2 || pace[0][0] != "2022-01-01" || pace[1][0] != g.Due || pace[1][1] != target[1][1] {
			t.Errorf("%s: pace %v, want 1 January to the target on the due date", g.Key, pace)
		}
		forecast := spec.series("Prognos")
		if (forecast != nil) != (g.Forecast != nil) {
			t.Errorf("%s: forecast series %v, API forecast %v", g.Key, forecast, g.Forecast)
		}
		if forecast != nil && (forecast[0][0] != "2022-06-30" || len(forecast) != 2) {
			t.Errorf("%s: forecast %v, want from the as-of day", g.Key, forecast)
		}
		y := spec.Option.YAxis[0]
		tv := target[0][1].(float64)
		if y.Min == nil || y.Max == nil || tv < *y.Min || tv > *y.Max {
			t.Errorf("%s: target %v outside the axis %v–%v", g.Key, tv, y.Min, y.Max)
		}
		if !strings.HasPrefix(spec.Option.Aria.Label.Description, "Mål ") {
			t.Errorf("%s: aria description %q does not name the goal", g.Key, spec.Option.Aria.Label.Description)
		}
	}
	members := goalChartOn(t, body, "members_125")
	if y := members.Option.YAxis[0]; y.Name != "medlemmar" || y.MinInterval != 1 {
		t.Errorf("members axis %+v, want the unit members and whole numbers", y)
	}
	if y := goalChartOn(t, body, "second_service").Option.YAxis[0]; y.Name != "%" || *y.Max != 100 {
		t.Errorf("goal 2's axis %+v, want percent up to the target of 100 %%", y)
	}
	if p := goalChartOn(t, body, "second_service").series("Takt"); p[1][1] != 100.0 {
		t.Errorf("goal 2's pace ends at %v, want 100 (%%)", p[1][1])
	}
	if !strings.Contains(body, `aria-label="Mål 1: Föreningen ska ha minst 125 medlemmar vid årets slut. – värde, mål, takt och prognos"`) {
		t.Error("goal 1's chart is not labelled with the goal")
	}
	table := regexp.MustCompile(`(?s)<caption>Mål 1: .*?</table>`).FindString(body)
	for _, want := range []string{"Enhet: medlemmar", "<td>2022-01-01</td>", "<td>2022-05-31</td>", "<td>2022-06-30</td>", "<td>2022-12-31</td>"} {
		if !strings.Contains(table, want) {
			t.Errorf("goal 1's table lacks %q:\n%s", want, table)
		}
	}
}

func TestGoalChartInEnglish(t *testing.T) {
	app, _ := newDemoApp(t)
	_, body := get(t, app, "/goals?year=2022&asof=2022-06-30", "malbild_lang=en")
	spec := goalChartOn(t, body, "competence_networks")
	if spec.series("Target") == nil || spec.series("Pace") == nil || spec.Option.YAxis[0].Name != "networks" {
		t.Errorf("English chart: %+v", spec.Option.YAxis)
	}
	if !strings.Contains(body, `aria-label="Goal 8: `) {
		t.Error("the English chart label does not name the goal")
	}
}
