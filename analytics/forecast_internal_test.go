package analytics

import (
	"math"
	"testing"
	"time"
)

func TestLeastSquaresOnAStraightLineHitsTheLine(t *testing.T) {
	due := time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)
	line := func(d time.Time) float64 { return 3 + 0.25*daysBetween(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), d) }
	var points []Point
	for m := time.February; m <= time.December+time.January; m++ {
		d := time.Date(2022, m, 0, 0, 0, 0, 0, time.UTC) // month ends 2022-01-31 … 2022-12-31
		v := line(d)
		points = append(points, Point{Date: d, Value: &v})
	}
	points = append(points, Point{Date: due.AddDate(0, -6, 0)}) // a null point is left out
	got := leastSquaresAt(points, due)
	if got == nil || math.Abs(*got-line(due)) > 1e-9 {
		t.Fatalf("forecast %v, want %v", got, line(due))
	}
	if leastSquaresAt(points[:1], due) != nil || leastSquaresAt(nil, due) != nil {
		t.Error("fewer than two points must give no forecast")
	}
}

func TestPaceLine(t *testing.T) {
	y1 := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	due := time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		on   time.Time
		want float64
	}{
		{y1, 10}, {due, 20}, {time.Date(2022, 7, 2, 0, 0, 0, 0, time.UTC), 15},
		{time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC), 10}, // before the plan's year: its start
	} {
		if got := paceLine(10, 20, y1, due, c.on); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("pace on %s = %v, want %v", c.on.Format(time.DateOnly), got, c.want)
		}
	}
}
