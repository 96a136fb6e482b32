package dashboard

import (
	"sync"

	"malbild/analytics"
	"malbild/data/reference"
)

// countyMap is the name ECharts registers Sweden's counties under, and
// countyGeoJSON the asset that holds their boundaries; charts.js names each
// feature by its lansnamn, so map data refers to counties by their names.
const (
	countyMap     = "lan"
	countyGeoJSON = "geo/lan.geojson"
)

// addCountyBoundaries serves the counties' GeoJSON from the reference data,
// which owns the file, for the coverage map: simplified to what the map
// can show (simplifiedBoundaries), a third of the bytes on the wire.
func (a *assets) addCountyBoundaries() error {
	geo, err := countyBoundaries()
	if err != nil {
		return err
	}
	a.add(countyGeoJSON, geo, "application/geo+json")
	return nil
}

// countyBoundaries are the reference data's boundaries simplified, once per
// process: every server (every test's too) serves the same.
var countyBoundaries = sync.OnceValues(func() ([]byte, error) {
	return simplifiedBoundaries(reference.CountyBoundaries())
})

// countyTotals are the reference data's counties as the coverage query
// takes them.
func countyTotals() []analytics.CountyTotal {
	cs := reference.Counties()
	out := make([]analytics.CountyTotal, len(cs))
	for i, c := range cs {
		out[i] = analytics.CountyTotal{Code: c.Code, Name: c.Name, Municipalities: c.Municipalities, Population: c.Population}
	}
	return out
}

// countyName is the county's name, or its code when the reference data
// does not know it (a mistyped code stays visible); "" stays "".
func countyName(code string) string {
	if c, ok := reference.CountyByCode(code); ok {
		return c.Name
	}
	return code
}
