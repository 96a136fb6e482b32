// Package reference ships Sweden's municipalities and counties (codes,
// names, populations and simplified boundaries) embedded in the binary.
//
// The data comes from SCB (Statistics Sweden, CC0; credit "Källa: SCB")
// and is described in files/README.md. It is parsed once when the package
// is initialised; the package panics then if the embedded data is
// malformed, because a malformed file is a build defect, not a runtime
// condition. All functions are safe for concurrent use.
package reference

import (
	"embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// PopulationYear is the year whose 31 December the populations are from.
const PopulationYear = 2024

// Municipality is one of Sweden's 290 municipalities (kommuner).
type Municipality struct {
	Code         string // four digits with the leading zero kept, "0180"
	Name         string // short name, "Karlstad"
	OfficialName string // as in SCB's list, "Karlstads kommun"
	CountyCode   string // two digits, the first two of Code, "17"
	CountyName   string // "Värmlands län"
	Population   int    // residents on 31 December PopulationYear
}

// County is one of Sweden's 21 counties (län).
type County struct {
	Code           string // two digits, "01"
	Name           string // "Stockholms län"
	ShortName      string // "Stockholm"
	Municipalities int    // number of municipalities in the county
	Population     int    // sum of its municipalities' populations
}

//go:embed files/*
var files embed.FS

var (
	municipalities = parseMunicipalities(readCSV("kommuner.csv",
		"kommunkod", "kommunnamn", "kommunnamn_officiellt", "lanskod", "lansnamn", "folkmangd_2024_12_31"))
	counties = parseCounties(readCSV("lan.csv",
		"lanskod", "lansnamn", "lansnamn_kort", "antal_kommuner", "folkmangd_2024_12_31"))
	municipalityByCode = indexByCode(municipalities, func(m Municipality) string { return m.Code })
	countyByCode       = indexByCode(counties, func(c County) string { return c.Code })
)

// Municipalities returns all 290 municipalities ordered by code. The slice
// is a fresh copy that the caller may keep and modify.
func Municipalities() []Municipality { return slices.Clone(municipalities) }

// Counties returns all 21 counties ordered by code. The slice is a fresh
// copy that the caller may keep and modify.
func Counties() []County { return slices.Clone(counties) }

// MunicipalityByCode returns the municipality with the given four-digit
// code. Surrounding spaces are ignored and a code that lost its leading
// zero (a three-digit string, "180" for "0180") is accepted; anything other
// than ASCII digits is not.
func MunicipalityByCode(code string) (Municipality, bool) {
	code, ok := padCode(code, 4)
	if !ok {
		return Municipality{}, false
	}
	i, ok := municipalityByCode[code]
	if !ok {
		return Municipality{}, false
	}
	return municipalities[i], true
}

// CountyByCode returns the county with the given two-digit code ("01").
// Surrounding spaces are ignored and a one-digit code ("1") is accepted.
func CountyByCode(code string) (County, bool) {
	code, ok := padCode(code, 2)
	if !ok {
		return County{}, false
	}
	i, ok := countyByCode[code]
	if !ok {
		return County{}, false
	}
	return counties[i], true
}

// SwedenPopulation returns the population of Sweden on 31 December
// PopulationYear, the sum over all municipalities.
func SwedenPopulation() int {
	sum := 0
	for _, m := range municipalities {
		sum += m.Population
	}
	return sum
}

// padCode trims s and, if it is a string of ASCII digits one shorter than
// width or of exactly width, left-pads it with a zero to width.
func padCode(s string, width int) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) != width && len(s) != width-1 {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	return strings.Repeat("0", width-len(s)) + s, true
}

// readCSV reads an embedded CSV file, checks its header and returns the
// records after it. It panics on any defect.
func readCSV(name string, header ...string) [][]string {
	r := csv.NewReader(strings.NewReader(string(mustRead(name))))
	r.FieldsPerRecord = len(header)
	records, err := r.ReadAll()
	if err != nil {
		panic(fmt.Sprintf("reference: %s: %v", name, err))
	}
	if len(records) == 0 || !slices.Equal(records[0], header) {
		panic(fmt.Sprintf("reference: %s: header is not %q", name, header))
	}
	return records[1:]
}

func parseMunicipalities(records [][]string) []Municipality {
	ms := make([]Municipality, len(records))
	for i, r := range records {
		ms[i] = Municipality{Code: r[0], Name: r[1], OfficialName: r[2],
			CountyCode: r[3], CountyName: r[4], Population: mustAtoi("kommuner.csv", r[5])}
	}
	slices.SortStableFunc(ms, func(a, b Municipality) int { return strings.Compare(a.Code, b.Code) })
	return ms
}

func parseCounties(records [][]string) []County {
	cs := make([]County, len(records))
	for i, r := range records {
		cs[i] = County{Code: r[0], Name: r[1], ShortName: r[2],
			Municipalities: mustAtoi("lan.csv", r[3]), Population: mustAtoi("lan.csv", r[4])}
	}
	slices.SortStableFunc(cs, func(a, b County) int { return strings.Compare(a.Code, b.Code) })
	return cs
}

func mustAtoi(file, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(fmt.Sprintf("reference: %s: %v", file, err))
	}
	return n
}

// indexByCode maps each item's code to its position. It panics on a
// duplicate code, which would make lookups by code ambiguous.
func indexByCode[T any](items []T, code func(T) string) map[string]int {
	idx := make(map[string]int, len(items))
	for i, it := range items {
		c := code(it)
		if _, dup := idx[c]; dup {
			panic(fmt.Sprintf("reference: duplicate code %q", c))
		}
		idx[c] = i
	}
	return idx
}
