package reference

import "strings"

// Names for which the data's own forms are not enough: what the
// organisations call themselves, and how the office writes them.
var (
	municipalityAliases = map[string]string{
		"Region Gotland": "0980", // Gotland municipality's own name since 2011
		"Falu kommun":    "2080", // the real official name; the data says "Faluns kommun"
	}
	countyAliases = map[string]string{
		"Västra Götalandsregionen":   "14",
		"Region Jämtland Härjedalen": "23",
		"Jämtland Härjedalen":        "23",
		"Sörmland":                   "04",
		"Region Sörmland":            "04",
	}
)

// nameIndex finds an item by name in tiers: the first tier that knows the
// key decides. A key that two items share within a tier is ambiguous
// there and finds nothing (-1).
type nameIndex []map[string]int

// tier numbers: exact forms before loose (diacritic-free) ones, and
// within each the data's own names before derived forms.
const (
	tierPrimary = iota
	tierDerived
	tierLoosePrimary
	tierLooseDerived
	numTiers
)

func newNameIndex() nameIndex {
	idx := make(nameIndex, numTiers)
	for i := range idx {
		idx[i] = map[string]int{}
	}
	return idx
}

// add registers name for item i, as a primary or a derived form.
func (idx nameIndex) add(name string, i int, derived bool) {
	exact, lax := tierPrimary, tierLoosePrimary
	if derived {
		exact, lax = tierDerived, tierLooseDerived
	}
	idx.put(exact, fold(name), i)
	idx.put(lax, loose(name), i)
}

func (idx nameIndex) put(tier int, key string, i int) {
	if j, ok := idx[tier][key]; ok && j != i {
		i = -1
	}
	idx[tier][key] = i
}

// find returns the item for s, or -1.
func (idx nameIndex) find(s string) int {
	keys := [numTiers]string{fold(s), fold(s), loose(s), loose(s)}
	for tier, m := range idx {
		if i, ok := m[keys[tier]]; ok {
			return i
		}
	}
	return -1
}

var (
	municipalityNames = indexMunicipalityNames()
	countyNames       = indexCountyNames()
)

// genitive returns the stem of an official name before " kommun"
// ("Karlstads", "Borås"), or the short name if there is no such suffix.
func genitive(m Municipality) string {
	if g, ok := strings.CutSuffix(m.OfficialName, " kommun"); ok {
		return g
	}
	return m.Name
}

func indexMunicipalityNames() nameIndex {
	idx := newNameIndex()
	for i, m := range municipalities {
		idx.add(m.Name, i, false)
		idx.add(m.OfficialName, i, false)
		g := genitive(m)
		for _, form := range []string{g, m.Name + " kommun", g + " kommun", m.Name + " stad", g + " stad"} {
			idx.add(form, i, true)
		}
	}
	for name, code := range municipalityAliases {
		idx.add(name, municipalityByCode[code], false)
	}
	return idx
}

func indexCountyNames() nameIndex {
	idx := newNameIndex()
	for i, c := range counties {
		idx.add(c.Name, i, false)
		idx.add(c.ShortName, i, false)
		g := strings.TrimSuffix(c.Name, " län")
		for _, form := range []string{g, c.ShortName + " län", "Region " + c.ShortName, "Region " + c.Name} {
			idx.add(form, i, true)
		}
	}
	for name, code := range countyAliases {
		idx.add(name, countyByCode[code], false)
	}
	return idx
}

// Lookup finds a municipality as people write it: its code ("1780", or
// "180" for "0180"), its name ("Karlstad"), its official name ("Karlstads
// kommun"), the stem of the official name ("Karlstads"), either followed by
// "kommun" or "stad" ("Göteborgs stad"), "Region Gotland" or "Falu kommun"
// (the data's official names are "Gotlands kommun" and "Faluns kommun"). Case,
// surrounding and repeated white space (including no-break spaces) and
// decomposed letters do not matter. Without å, ä and ö ("Goteborg") a name
// still matches if that is unambiguous; "Habo" is Habo, not Håbo.
func Lookup(s string) (Municipality, bool) {
	if m, ok := MunicipalityByCode(s); ok {
		return m, true
	}
	if i := municipalityNames.find(s); i >= 0 {
		return municipalities[i], true
	}
	return Municipality{}, false
}

// LookupCounty finds a county by its code ("20", or "1" for "01"), name
// ("Dalarnas län"), short name ("Dalarna"), genitive ("Dalarnas"), region
// name ("Region Dalarna", "Region Jönköpings län", "Västra
// Götalandsregionen", "Region Sörmland"), with the same forgiveness as
// Lookup, including missing diacritics ("dalarnas lan").
func LookupCounty(s string) (County, bool) {
	if c, ok := CountyByCode(s); ok {
		return c, true
	}
	if i := countyNames.find(s); i >= 0 {
		return counties[i], true
	}
	return County{}, false
}
