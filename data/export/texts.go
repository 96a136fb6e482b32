package export

import (
	"math"
	"strconv"
	"strings"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// formatNumber writes v with decimals as the language does: Swedish
// "1 234,5", English "1,234.5".
func formatNumber(lang string, v float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	sep, point := " ", ","
	if lang == locale.En {
		sep, point = ",", "."
	}
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("−")
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(point + frac)
	}
	return b.String()
}

// metricLabel names a metric; an unknown key is shown as it is.
func metricLabel(lang, key string) string {
	if locale.Has("m." + key) {
		return locale.Text(lang, "m."+key)
	}
	return key
}

// statusLabel names a goal's status.
func statusLabel(lang string, s analytics.Status) string {
	if locale.Has("status." + string(s)) {
		return locale.Text(lang, "status."+string(s))
	}
	return string(s)
}

// kindLabel names a member kind as the import reads it.
func kindLabel(lang, kind string) string {
	if locale.Has("export.kind." + kind) {
		return locale.Text(lang, "export.kind."+kind)
	}
	return kind
}
