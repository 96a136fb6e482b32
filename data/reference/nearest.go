package reference

import "slices"

// Nearest returns the n names of names nearest to s, nearest first, for
// "did you mean" hints about names the registry holds (services, benefits):
// the edit distance of Suggest between the folded forms, ties in Swedish
// alphabetical order. It returns nil for n <= 0 or a blank s.
func Nearest(s string, names []string, n int) []string {
	q := fold(s)
	if n <= 0 || q == "" {
		return nil
	}
	type scored struct {
		name, key string
		dist      int
	}
	all := make([]scored, len(names))
	for i, name := range names {
		k := fold(name)
		all[i] = scored{name, k, editDistance(q, k)}
	}
	slices.SortFunc(all, func(a, b scored) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return compareSwedish(a.key, b.key)
	})
	out := make([]string, min(n, len(all)))
	for i := range out {
		out[i] = all[i].name
	}
	return out
}
