package importer

import (
	"strings"

	"malbild/analytics"
)

// The words the office writes for the registry's enumerations, in Swedish
// and English, folded (lower case, single spaces; "_" and "-" read as
// spaces), mapped to the values the database stores.
var (
	memberKindWords = map[string]string{
		"kommun": analytics.KindKommun, "municipality": analytics.KindKommun,
		"region":          analytics.KindRegion,
		"kommunalförbund": analytics.KindKommunalforbund, "kommunalforbund": analytics.KindKommunalforbund,
		"förbund": analytics.KindKommunalforbund, "forbund": analytics.KindKommunalforbund,
		"association": analytics.KindKommunalforbund, "municipal association": analytics.KindKommunalforbund,
		"övrig": analytics.KindOvrig, "ovrig": analytics.KindOvrig, "annan": analytics.KindOvrig,
		"övriga": analytics.KindOvrig, "other": analytics.KindOvrig,
	}
	serviceKindWords = map[string]string{
		"tjänst": analytics.KindService, "tjanst": analytics.KindService, "samverkanstjänst": analytics.KindService,
		"service": analytics.KindService,
		"nätverk": analytics.KindNetwork, "natverk": analytics.KindNetwork, "kompetensnätverk": analytics.KindNetwork,
		"network": analytics.KindNetwork,
	}
	formatWords = map[string]string{
		"digital": "digital", "digitalt": "digital",
		"fysisk": "physical", "fysiskt": "physical", "physical": "physical", "på plats": "physical",
		"hybrid": "hybrid",
	}
	roleWords = map[string]string{
		"värd": "host", "vard": "host", "arrangör": "host", "host": "host",
		"deltagare": "participant", "participant": "participant",
	}
	statusWords = map[string]string{
		"met": "met", "uppnått": "met", "uppnatt": "met", "uppfyllt": "met",
		"on track": "on_track", "i fas": "on_track", "enligt plan": "on_track", "på väg": "on_track",
		"at risk": "at_risk", "i riskzonen": "at_risk", "risk": "at_risk",
		"missed": "missed", "ej uppnått": "missed", "inte uppnått": "missed", "missat": "missed",
	}
	comparatorWords = map[string]string{
		">=": ">=", "≥": ">=", "=>": ">=", ">": ">", "<=": "<=", "≤": "<=", "=<": "<=", "<": "<",
		"=": "=", "==": "=", "between": "between", "mellan": "between",
	}
	categoryWords = map[string]string{
		"kommun": "kommun", "municipality": "kommun",
		"övrig": "ovrig", "ovrig": "ovrig", "övriga": "ovrig", "annan": "ovrig", "other": "ovrig",
		"övriga organisationer": "ovrig", "other organisations": "ovrig",
	}
	manualWords = map[string]bool{"manuell": true, "manual": true, "manuellt": true}
	markWords   = map[string]bool{"x": true, "ja": true, "yes": true, "✓": true, "✔": true, "√": true}
)

var dashes = strings.NewReplacer("_", " ", "-", " ")

// word folds a cell's text for the tables above.
func word(c Cell) string {
	s := dashes.Replace(fold(c.Raw))
	return strings.Join(strings.Fields(s), " ")
}

// lookupWord returns the stored value for the cell's word.
func lookupWord(words map[string]string, c Cell) (string, bool) {
	v, ok := words[word(c)]
	if !ok {
		v, ok = words[fold(c.Raw)] // symbols such as ">=" keep their form
	}
	return v, ok
}
