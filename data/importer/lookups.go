package importer

import "malbild/data/reference"

// lookups remembers the reference data's answers for the texts of one
// file: the same county or municipality is written on many rows.
type lookups struct {
	counties       map[string]countyHit
	municipalities map[string]municipalityHit
}

type countyHit struct {
	county reference.County
	ok     bool
}

type municipalityHit struct {
	m  reference.Municipality
	ok bool
}

// county is reference.LookupCounty, remembered.
func (l *lookups) county(text string) (reference.County, bool) {
	if l.counties == nil {
		l.counties = map[string]countyHit{}
	}
	hit, seen := l.counties[text]
	if !seen {
		hit.county, hit.ok = reference.LookupCounty(text)
		l.counties[text] = hit
	}
	return hit.county, hit.ok
}

// municipality is reference.Lookup, remembered.
func (l *lookups) municipality(text string) (reference.Municipality, bool) {
	if l.municipalities == nil {
		l.municipalities = map[string]municipalityHit{}
	}
	hit, seen := l.municipalities[text]
	if !seen {
		hit.m, hit.ok = reference.Lookup(text)
		l.municipalities[text] = hit
	}
	return hit.m, hit.ok
}
