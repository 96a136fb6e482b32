package demo_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"malbild/analytics"
	"malbild/analytics/analyticstest"
	"malbild/data/demo"
)

// The demo's budget holds the cases the board must see: a frame over by more
// than four prisbasbelopp (2024), a category over inside a frame that is
// within (2025), the 20-year conference of 2022, a category of the frame per
// service named as the service, and this year's follow-ups up to today.
func TestDemoBudget(t *testing.T) {
	ctx := context.Background()
	ds := demo.Generate(demo.Options{})
	s := analyticstest.New(t)
	if err := s.Load(ctx, ds); err != nil {
		t.Fatal(err)
	}
	years, err := s.BudgetYears(ctx)
	if err != nil || !slices.Equal(years, []int{2021, 2022, 2023, 2024, 2025, 2026}) {
		t.Fatalf("budget years %v, %v", years, err)
	}
	line := func(r analytics.BudgetReport, group, category string) analytics.BudgetLine {
		t.Helper()
		for _, l := range r.Lines {
			if (l.Group == nil && group == "" || l.Group != nil && *l.Group == group) &&
				(l.Category == nil && category == "" || l.Category != nil && *l.Category == category) {
				return l
			}
		}
		t.Fatalf("%d: no line %s/%s", r.Year, group, category)
		return analytics.BudgetLine{}
	}
	status := func(l analytics.BudgetLine) string {
		if l.Status == nil {
			return ""
		}
		return *l.Status
	}
	today := demo.DefaultToday
	r2024, _ := s.Budget(ctx, 2024, today)
	frame := line(r2024, "Tjänsteförvaltning", "")
	if status(frame) != analytics.BudgetStatusReport || *frame.Deviation <= 4*57300 || *frame.Deviation >= 0.1*frame.Budget {
		t.Errorf("2024: the frame is reported by four pbb alone: %+v", frame)
	}
	r2025, _ := s.Budget(ctx, 2025, today)
	if f, egil := line(r2025, "Tjänsteförvaltning", ""), line(r2025, "Tjänsteförvaltning", "Egil"); status(f) != analytics.BudgetStatusWithin ||
		status(egil) != analytics.BudgetStatusOver || *egil.Share < 0.1 {
		t.Errorf("2025: Egil over inside a frame within: %+v, %+v", f, egil)
	}
	r2022, _ := s.Budget(ctx, 2022, today)
	if c := line(r2022, "", "Konferens: Sambruk 20 år"); c.Budget != 200000 || c.Outcome == nil {
		t.Errorf("2022: the 20-year conference: %+v", c)
	}
	var services []string
	for _, sv := range ds.Services {
		if sv.Kind == analytics.KindService && (sv.EndedOn.IsZero() || sv.EndedOn.After(today)) {
			services = append(services, sv.Name)
		}
	}
	r, _ := s.Budget(ctx, today.Year(), today)
	for _, name := range services {
		line(r, "Tjänsteförvaltning", name)
		if l, ok := r.Category(name); !ok || l.Budget <= 0 {
			t.Errorf("the cost of %s: %+v, %v", name, l, ok)
		}
	}
	followups, _ := s.BudgetFollowups(ctx, today.Year(), today)
	last := followups[len(followups)-1].Date
	if !last.Equal(time.Date(today.Year(), time.September, 30, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("this year's last follow-up %s", last)
	}
	if status(r.Total) == "" || status(line(r, "", "Konferenser")) != analytics.BudgetStatusReport {
		t.Errorf("this year: %+v", r.Total)
	}
}
