package importer

import (
	"strings"
	"unicode"

	"malbild/analytics"
)

// The words of the benefit register (DESIGN "Benefits"), in Swedish and
// English, folded as for lookupWord, mapped to the words the database
// stores. Swedish words are also read without their dots and rings
// ("miljo", "gron"), which a keyboard or a CSV export may have lost.
var (
	benefitCategoryWords = map[string]string{
		"ekonomisk": analytics.CategoryEconomic, "ekonomi": analytics.CategoryEconomic,
		"economic": analytics.CategoryEconomic, "financial": analytics.CategoryEconomic,
		"tid": analytics.CategoryTime, "time": analytics.CategoryTime,
		"kvalitet": analytics.CategoryQuality, "quality": analytics.CategoryQuality,
		"miljö": analytics.CategoryEnvironment, "miljo": analytics.CategoryEnvironment,
		"environment": analytics.CategoryEnvironment, "environmental": analytics.CategoryEnvironment,
	}
	certaintyWords = map[string]string{
		"grön": analytics.CertaintyGreen, "gron": analytics.CertaintyGreen, "green": analytics.CertaintyGreen,
		"gul": analytics.CertaintyYellow, "yellow": analytics.CertaintyYellow,
		"röd": analytics.CertaintyRed, "rod": analytics.CertaintyRed, "red": analytics.CertaintyRed,
	}
	directionWords = map[string]string{
		"högre": analytics.DirectionHigher, "hogre": analytics.DirectionHigher, "higher": analytics.DirectionHigher,
		"högre är bättre": analytics.DirectionHigher, "higher is better": analytics.DirectionHigher,
		"lägre": analytics.DirectionLower, "lagre": analytics.DirectionLower, "lower": analytics.DirectionLower,
		"lägre är bättre": analytics.DirectionLower, "lower is better": analytics.DirectionLower,
	}
	aggregationWords = map[string]string{
		"summa": analytics.AggregateSum, "sum": analytics.AggregateSum, "total": analytics.AggregateSum,
		"medel": analytics.AggregateMean, "medelvärde": analytics.AggregateMean, "medelvarde": analytics.AggregateMean,
		"genomsnitt": analytics.AggregateMean, "mean": analytics.AggregateMean, "average": analytics.AggregateMean,
	}
)

// unitAliases are the ways of writing the same unit: a value written "12 h"
// is in a benefit's "timmar", "1 200 kronor" in its "kr".
var unitAliases = map[string]string{
	"kr": "kr", "kronor": "kr", "krona": "kr", "sek": "kr", ":-": "kr",
	"h": "h", "tim": "h", "timme": "h", "timmar": "h", "hour": "h", "hours": "h",
	"min": "min", "minut": "min", "minuter": "min", "minute": "min", "minutes": "min",
	"st": "st", "stycken": "st", "styck": "st", "pcs": "st",
	"%": "%", "procent": "%", "percent": "%",
}

// unitKey is the form two units are compared in: folded, "/" read as
// "per", each word by its alias ("Timmar per år" and "h/år" are one unit).
func unitKey(unit string) string {
	words := strings.Fields(strings.ReplaceAll(strings.TrimSuffix(fold(unit), "."), "/", " per "))
	for i, w := range words {
		if a, ok := unitAliases[strings.TrimSuffix(w, ".")]; ok {
			words[i] = a
		}
	}
	return strings.Join(words, " ")
}

// sameUnit says whether a unit written beside a value is the benefit's
// unit, or the part of it before "per" or "/": "290 kr" is a value in "kr
// per ärende", "12 timmar" one in "timmar per skola och år".
func sameUnit(written, unit string) bool {
	w, u := unitKey(written), unitKey(unit)
	if w == u {
		return true
	}
	before, _, found := strings.Cut(u, " per ")
	return found && before == w
}

// parseMeasure reads a number that may carry a unit after it, as the office
// writes a measurement: "12", "1 200 kr", "-3,5 timmar", "45 %". unit is the
// text after the number ("" for none, and for a number cell); ok is false
// when no number comes first.
func parseMeasure(c Cell) (value float64, unit string, ok bool) {
	if c.Number {
		// A date cell is no measure, though it stores a number.
		v, ok := parseNumber(c)
		return workbookPrecision(v), "", ok && c.Date.IsZero()
	}
	s := clean(c.Raw)
	cut := strings.IndexFunc(s, func(r rune) bool {
		return !(unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune(",.-+\u2212", r))
	})
	if cut < 0 {
		cut = len(s)
	}
	number, unit := strings.TrimSpace(s[:cut]), strings.TrimSpace(s[cut:])
	if number == "" || !strings.ContainsFunc(number, unicode.IsDigit) {
		return 0, "", false
	}
	v, ok := parseNumber(Cell{Raw: strings.TrimPrefix(number, "+")})
	return workbookPrecision(v), unit, ok
}
