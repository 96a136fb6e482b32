package analytics

import (
	"context"
	"time"
)

// CountyTotal is a county's totals from the reference data (data/reference
// County): the caller passes them, so that the domain holds no copy of the
// reference data beyond Sweden's two totals.
type CountyTotal struct {
	Code           string
	Name           string
	Municipalities int
	Population     int
}

// CountyCoverage is how much of one county the member municipalities cover.
type CountyCoverage struct {
	CountyTotal
	MemberMunicipalities int      // active members of kind kommun in the county
	MemberPopulation     int      // their population
	MunicipalityShare    *float64 // MemberMunicipalities ÷ Municipalities; nil when the total is 0
	PopulationShare      *float64 // MemberPopulation ÷ Population; nil when the total is 0
}

// CoverageByCounty gives, for each county of counties in the order given,
// the active member municipalities on asOf and their population against the
// county's totals; a county code that only the members know (say a
// mistyped one) follows with zero totals, so no member goes uncounted.
func (s *Store) CoverageByCounty(ctx context.Context, asOf time.Time, counties []CountyTotal) ([]CountyCoverage, error) {
	type active struct {
		code                       string
		municipalities, population int
	}
	rows, err := breakdown(ctx, s, "coverage_by_county", asOf, func(a *active) []any {
		return []any{&a.code, &a.municipalities, &a.population}
	})
	if err != nil {
		return nil, err
	}
	byCode := map[string]active{}
	for _, a := range rows {
		byCode[a.code] = a
	}
	out := make([]CountyCoverage, 0, len(counties))
	for _, c := range counties {
		a := byCode[c.Code]
		delete(byCode, c.Code)
		out = append(out, coverageOf(c, a.municipalities, a.population))
	}
	for _, a := range rows {
		if _, left := byCode[a.code]; left {
			out = append(out, coverageOf(CountyTotal{Code: a.code}, a.municipalities, a.population))
		}
	}
	return out, nil
}

func coverageOf(c CountyTotal, municipalities, population int) CountyCoverage {
	return CountyCoverage{
		CountyTotal:          c,
		MemberMunicipalities: municipalities,
		MemberPopulation:     population,
		MunicipalityShare:    ratio(municipalities, c.Municipalities),
		PopulationShare:      ratio(population, c.Population),
	}
}

func ratio(a, b int) *float64 {
	if b == 0 {
		return nil
	}
	r := float64(a) / float64(b)
	return &r
}
