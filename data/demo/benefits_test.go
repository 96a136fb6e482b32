package demo_test

import (
	"context"
	"reflect"
	"testing"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/demo"
)

// The demo's register: Egil, Bibblix and FixaMinGata, each measured at
// several members over the years, the same for a seed, one behind its pace.
func TestTheDemoHasBenefitsMeasuredPerMemberOneBehindItsPace(t *testing.T) {
	ds := demo.Generate(demo.Options{})
	if again := demo.Generate(demo.Options{}); !reflect.DeepEqual(ds.BenefitMeasurements, again.BenefitMeasurements) {
		t.Fatal("the register differs between two runs of one seed")
	}
	s := analyticstest.New(t)
	if err := s.Load(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	r, err := s.Benefits(context.Background(), demo.DefaultToday)
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]analytics.Status{}
	for _, b := range r.Benefits {
		status[b.Service] = b.Status
		if b.Members < 5 {
			t.Errorf("%s: measured at %d members", b.Name, b.Members)
		}
	}
	want := map[string]analytics.Status{"Bibblix": analytics.StatusAtRisk, "Egil": analytics.StatusOnTrack, "FixaMinGata": analytics.StatusOnTrack}
	if !reflect.DeepEqual(status, want) {
		t.Errorf("statuses %v, want %v", status, want)
	}
	years := map[int]bool{}
	for _, m := range ds.BenefitMeasurements {
		years[m.MeasuredOn.Year()] = true
	}
	if len(years) < 5 {
		t.Errorf("measured in %d years", len(years))
	}
	// The large demo carries the same small register.
	if big := demo.Generate(demo.Options{Members: 2000, Services: 40, Seed: 3}); len(big.Benefits) != 3 || len(big.BenefitMeasurements) > 400 {
		t.Errorf("large demo: %d benefits, %d measurements", len(big.Benefits), len(big.BenefitMeasurements))
	}
}
