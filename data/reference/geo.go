package reference

import "slices"

var (
	municipalityGeoJSON = mustRead("kommuner.geojson")
	countyGeoJSON       = mustRead("lan.geojson")
)

// MunicipalityBoundaries returns kommuner.geojson as embedded: a GeoJSON
// FeatureCollection in WGS84 with one simplified polygon feature per
// municipality, with properties kommunkod, kommunnamn, lanskod, lansnamn
// and folkmangd_2024_12_31. The slice is a fresh copy (about 250 kB).
func MunicipalityBoundaries() []byte { return slices.Clone(municipalityGeoJSON) }

// CountyBoundaries returns lan.geojson as embedded: a GeoJSON
// FeatureCollection in WGS84 with one feature per county, with properties
// lanskod, lansnamn and folkmangd_2024_12_31. The slice is a fresh copy
// (about 80 kB).
func CountyBoundaries() []byte { return slices.Clone(countyGeoJSON) }

func mustRead(name string) []byte {
	b, err := files.ReadFile("files/" + name)
	if err != nil {
		panic("reference: " + err.Error())
	}
	return b
}
