package export

import (
	"context"
	"io"
	"testing"
)

// Once the plan's goals are due their values are final: the report shows no
// forecast (DESIGN "Forecast"), as the API and the CLI do, since all read
// the goal results.
func TestReportShowsNoForecastOnceTheGoalsAreDue(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	f, _ := workbook(t, func(w io.Writer) error {
		return WriteReport(ctx, s, ReportOptions{Year: 2022, AsOf: day("2022-12-31")}, w)
	})
	goals, err := s.EvaluateGoals(ctx, 2022, day("2022-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	header, col := headerRow(t, f, "Sammanfattning", "Nr")
	for i, g := range goals {
		due := !g.Due.After(day("2022-12-31"))
		got := raw(t, f, "Sammanfattning", col["Prognos"], header+1+i)
		if due && (got != "" || g.Forecast != nil) {
			t.Errorf("goal %d, due %s: forecast %q in the report, %v in the result", g.Number, g.Due.Format("2006-01-02"), got, g.Forecast)
		}
	}
}
