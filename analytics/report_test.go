package analytics_test

import (
	"encoding/json"
	"testing"

	"malbild/analytics"
)

func TestReportJSON(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{analytics.GoalsReport{Year: 2022, AsOf: date("2022-06-30")}, `{"year":2022,"asof":"2022-06-30","goals":[]}`},
		{analytics.Point{Date: date("2022-06-30"), Value: num(0.5), Service: "Bibblix"}, `{"date":"2022-06-30","value":0.5,"service":"Bibblix"}`},
		{analytics.Point{Date: date("2022-06-30")}, `{"date":"2022-06-30","value":null}`},
	} {
		b, err := json.Marshal(c.v)
		if err != nil || string(b) != c.want {
			t.Errorf("got %s, %v; want %s", b, err, c.want)
		}
	}
}
