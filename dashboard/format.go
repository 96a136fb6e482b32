package dashboard

import (
	"math"
	"strconv"
	"strings"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// nbsp keeps a number and its thousands groups on one line.
const nbsp = "\u00a0"

// formatInt writes n with thousands groups: "10 532" in Swedish (a no-break
// space), "10,532" in English.
func formatInt(lang string, n int) string {
	sep := nbsp
	if lang == locale.En {
		sep = ","
	}
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// formatPercent writes a fraction as a percentage with one decimal:
// "83,4 %" in Swedish, "83.4%" in English.
func formatPercent(lang string, f float64) string {
	s := strconv.FormatFloat(f*100, 'f', 1, 64)
	if lang == locale.En {
		return s + "%"
	}
	return strings.Replace(s, ".", ",", 1) + nbsp + "%"
}

// formatDecimal writes f with the given decimals and thousands groups:
// "1 234,57" in Swedish, "1,234.57" in English.
func formatDecimal(lang string, f float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(f), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.Atoi(whole)
	out := formatInt(lang, n)
	if f < 0 && (n != 0 || strings.Trim(frac, "0") != "") {
		out = "−" + out
	}
	if frac == "" {
		return out
	}
	if lang == locale.En {
		return out + "." + frac
	}
	return out + "," + frac
}

// formatMetric writes a metric's value the way the board reads it: shares
// as percentages, money in kronor, counts whole and ratios with two
// decimals; no value is a dash.
func formatMetric(lang, key string, v *float64) string {
	if v == nil {
		return "–"
	}
	info, _ := analytics.LookupMetric(key)
	switch {
	case info.Share:
		return formatPercent(lang, *v)
	case info.Money:
		return formatDecimal(lang, math.Round(*v), 0) + nbsp + "kr"
	case *v == math.Trunc(*v):
		return formatDecimal(lang, *v, 0)
	}
	return formatDecimal(lang, *v, 2)
}
