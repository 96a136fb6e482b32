package reference

import (
	"slices"
	"strings"
)

// suggestKeys holds, per municipality, the folded forms Suggest measures
// against: the name and the stem of the official name.
var suggestKeys = func() [][2]string {
	keys := make([][2]string, len(municipalities))
	for i, m := range municipalities {
		keys[i] = [2]string{fold(m.Name), fold(genitive(m))}
	}
	return keys
}()

// Suggest returns the n municipalities whose names are nearest to s,
// nearest first, for "did you mean" hints. Nearness is the edit distance
// (insertions, deletions, substitutions and swaps of adjacent letters)
// between the folded input, without a trailing "kommun" or "stad", and the
// folded name or stem of the official name, whichever is nearer; ties are
// in Swedish alphabetical order. A municipality that Lookup finds for s
// comes first. Suggest returns nil for n <= 0 or a blank s, and at most
// all 290 municipalities.
func Suggest(s string, n int) []Municipality {
	q := fold(s)
	if n <= 0 || q == "" {
		return nil
	}
	for _, suffix := range []string{" kommun", " stad"} {
		q = strings.TrimSuffix(q, suffix)
	}
	exact := -1
	if m, ok := Lookup(s); ok {
		exact = municipalityByCode[m.Code]
	}
	type scored struct{ i, dist int }
	all := make([]scored, len(municipalities))
	for i, k := range suggestKeys {
		all[i] = scored{i, min(editDistance(q, k[0]), editDistance(q, k[1]))}
		if i == exact {
			all[i].dist = -1
		}
	}
	slices.SortFunc(all, func(a, b scored) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return compareSwedish(suggestKeys[a.i][0], suggestKeys[b.i][0])
	})
	out := make([]Municipality, min(n, len(all)))
	for j := range out {
		out[j] = municipalities[all[j].i]
	}
	return out
}

// editDistance is the optimal string alignment distance between a and b,
// counted in runes: the Levenshtein distance where swapping two adjacent
// runes also costs one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rows of the dynamic programming table: i-2, i-1 and i.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
