package export

import (
	"sort"
	"time"

	"malbild/analytics"
	"malbild/analytics/locale"
)

// memberChange is a member that joined or left in the report's year up to
// its day: the facts behind the key figures members_joined and members_lost.
type memberChange struct {
	analytics.Member
	left bool      // false: joined
	on   time.Time // the day joined, or the last day as a member
}

// memberChanges lists the membership rows that joined, and those whose last
// day lies, from 1 January of year to asOf, by day and name, as the metrics
// members_joined and members_lost count them.
func memberChanges(all []analytics.Member, year int, asOf time.Time) []memberChange {
	first := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	within := func(t time.Time) bool { return !t.IsZero() && !t.Before(first) && !t.After(asOf) }
	var out []memberChange
	for _, m := range all {
		if within(m.JoinedOn) {
			out = append(out, memberChange{Member: m, on: m.JoinedOn})
		}
		if within(m.LeftOn) {
			out = append(out, memberChange{Member: m, left: true, on: m.LeftOn})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].on.Equal(out[j].on) {
			return out[i].on.Before(out[j].on)
		}
		return out[i].left && !out[j].left
	})
	return out
}

// changesSheet lists the year's new and lost members with their days, the
// joined first within a day; a member's contact is never in it.
func (b *book) changesSheet(d *reportData) error {
	return b.writeTable(table{
		sheet: locale.Text(d.Lang, "export.sheet.changes"),
		columns: []column{
			{header: locale.Text(d.Lang, "date"), style: b.centred(b.st.date)},
			{header: locale.Text(d.Lang, "change.kind")},
			{header: locale.Text(d.Lang, "name")},
			{header: locale.Text(d.Lang, "kind")},
			{header: locale.Text(d.Lang, "county")},
			{header: locale.Text(d.Lang, "population"), style: b.st.integer},
			{header: locale.Text(d.Lang, "group")},
		},
		rows: len(d.changes),
		row: func(i int, dst []any) []any {
			c := d.changes[i]
			what := locale.Text(d.Lang, "change.joined")
			if c.left {
				what = locale.Text(d.Lang, "change.left")
			}
			var population any
			if c.Population > 0 {
				population = c.Population
			}
			return append(dst, c.on, what, c.Name, kindLabel(d.Lang, c.Kind), countyName(c.CountyCode), population, c.Group)
		},
		footer: [][]any{{locale.Text(d.Lang, "changes.total", countChanges(d.changes, false), countChanges(d.changes, true))}},
	})
}

// countChanges counts the members that left (left) or joined.
func countChanges(changes []memberChange, left bool) int {
	n := 0
	for _, c := range changes {
		if c.left == left {
			n++
		}
	}
	return n
}
