package dashboard

import (
	"strconv"
	"strings"
)

// nbsp keeps a number and its thousands groups on one line.
const nbsp = "\u00a0"

// formatInt writes n with thousands groups: "10 532" in Swedish (a no-break
// space), "10,532" in English.
func formatInt(lang string, n int) string {
	sep := nbsp
	if lang == langEn {
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
	if lang == langEn {
		return s + "%"
	}
	return strings.Replace(s, ".", ",", 1) + nbsp + "%"
}
