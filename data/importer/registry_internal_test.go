package importer

import (
	"slices"
	"testing"

	"malbild/analytics"
)

// memberIndex answers as a map of slices: the rows of a key in the order
// added, nil for a key never added, empty once its rows are dropped.
func TestMemberIndexAnswersAsAMapOfSlices(t *testing.T) {
	a, b, c := &analytics.Member{Name: "a"}, &analytics.Member{Name: "b"}, &analytics.Member{Name: "c"}
	x := newMemberIndex()
	want := map[string][]*analytics.Member{}
	add := func(key string, m *analytics.Member) {
		x.add(key, m)
		want[key] = append(want[key], m)
	}
	drop := func(key string, m *analytics.Member) {
		x.drop(key, m)
		want[key] = slices.DeleteFunc(want[key], func(r *analytics.Member) bool { return r == m })
	}
	check := func(step string) {
		t.Helper()
		for _, key := range []string{"one", "two", "gone", "never"} {
			got, w := x.get(key), want[key]
			if !slices.Equal(got, w) || (got == nil) != (w == nil) {
				t.Errorf("%s: %q gives %v (nil %v), want %v (nil %v)", step, key, got, got == nil, w, w == nil)
			}
		}
	}
	add("one", a)
	add("two", a)
	add("two", b)
	add("gone", c)
	check("added")
	drop("two", a)
	drop("gone", c)
	drop("one", b) // not its row: nothing changes
	check("dropped")
	add("gone", a)
	add("two", c)
	check("added again")
}
