package export

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"malbild/analytics"
	"malbild/analytics/locale"
	"malbild/data/reference"
)

// membersSheet lists the members active on the report's day: name, kind,
// code, county, population, group, since when, until when (a member that
// has given notice), how many services and networks and the annual fee of
// the year, in öre as the fee list has it; never a contact (personal data),
// since the report is sent to the meeting. A total row follows.
func (b *book) membersSheet(d *reportData) error {
	cols := []column{
		{header: locale.Text(d.Lang, "name"), style: b.top(b.st.wrap), wrapAt: 22},
		{header: locale.Text(d.Lang, "kind"), style: b.top(b.st.plain)},
		{header: locale.Text(d.Lang, "code"), style: b.top(b.st.plain)},
		{header: locale.Text(d.Lang, "county"), style: b.top(b.st.wrap), wrapAt: 18},
		{header: locale.Text(d.Lang, "population"), style: b.st.integer},
		{header: locale.Text(d.Lang, "group"), style: b.top(b.st.wrap), wrapAt: 12},
		{header: locale.Text(d.Lang, "joined"), style: b.st.date},
		{header: locale.Text(d.Lang, "left"), style: b.st.date},
		{header: locale.Text(d.Lang, "services"), style: b.st.integer},
		{header: locale.Text(d.Lang, "networks"), style: b.st.integer},
		{header: locale.Text(d.Lang, "fee", d.Year), style: b.st.money},
	}
	population := 0
	for _, m := range d.members {
		population += m.Population
	}
	footer := make([]any, len(cols))
	footer[0] = locale.Text(d.Lang, "total")
	footer[4] = excelize.Cell{StyleID: b.st.totalInt, Value: population}
	if d.fees != nil {
		footer[len(cols)-1] = excelize.Cell{StyleID: b.st.totalMoney, Value: d.feeTotal()}
	}
	return b.writeTable(table{
		sheet:   locale.Text(d.Lang, "export.sheet.members"),
		columns: cols,
		rows:    len(d.members),
		row: func(i int, dst []any) []any {
			m := d.members[i]
			var fee any
			if f, ok := d.fees[m.ID]; ok {
				fee = f
			}
			var population any
			if m.Population > 0 {
				population = m.Population
			}
			dst = append(dst, m.Name, kindLabel(d.Lang, m.Kind), m.Code, countyName(m.CountyCode), population,
				m.Group, m.JoinedOn, m.LeftOn, m.services, m.networks, fee)
			return dst
		},
		footer:     [][]any{footer},
		freezeCols: 1,
	})
}

// feeTotal is the sum of the members' annual fees as the members sheet
// shows them: the report's one fee income.
func (d *reportData) feeTotal() float64 {
	total := 0.0
	for _, m := range d.members {
		total += d.fees[m.ID]
	}
	return roundToOre(total)
}

// matrixColumns is how many services and networks the matrix shows one by
// one, so that it prints on a page's width; the rest are counted per member
// in one column.
const matrixColumns = 24

// matrixSheet is the member × service matrix: a row per member active on
// the report's day, a column per service and network that runs or has
// participants ("x" where the member takes part that day) and the count of
// participants per column below. With more than matrixColumns of them, the
// ones with the most participants keep their columns and a last column
// counts each member's others.
func (b *book) matrixSheet(d *reportData) error {
	shown := d.columns
	if len(shown) > matrixColumns+1 {
		byParticipants := append([]analytics.ServiceParticipants(nil), shown...)
		sort.SliceStable(byParticipants, func(i, j int) bool { return byParticipants[i].Participants > byParticipants[j].Participants })
		keep := map[int64]bool{}
		for _, s := range byParticipants[:matrixColumns] {
			keep[s.ServiceID] = true
		}
		shown = nil
		for _, s := range d.columns {
			if keep[s.ServiceID] {
				shown = append(shown, s)
			}
		}
	}
	others := len(shown) < len(d.columns)
	index := make(map[int64]int, len(shown))
	longest := 0
	cols := []column{{header: locale.Text(d.Lang, "member")}}
	for i, s := range shown {
		index[s.ServiceID] = i
		longest = max(longest, utf8.RuneCountInString(s.Name))
		cols = append(cols, column{header: s.Name, style: b.st.mark, width: 4.5, headStyle: b.st.matrixHeader})
	}
	if others {
		header := fmt.Sprintf(locale.Text(d.Lang, "matrix.others"), len(d.columns)-len(shown))
		longest = max(longest, utf8.RuneCountInString(header))
		cols = append(cols, column{header: header, style: b.st.integer, width: 6, headStyle: b.st.matrixHeader})
	}
	nameWidth := utf8.RuneCountInString(cols[0].header)
	for _, m := range d.members {
		nameWidth = max(nameWidth, utf8.RuneCountInString(m.Name))
	}
	cols[0].width = float64(min(nameWidth+2, 32))
	counts := make([]int, len(shown)+1) // the last: the others
	for _, m := range d.members {
		for _, id := range d.active[m.ID] {
			if j, ok := index[id]; ok {
				counts[j]++
			} else if others {
				counts[len(shown)]++
			}
		}
	}
	footer := []any{locale.Text(d.Lang, "count")}
	if !others {
		counts = counts[:len(shown)]
	}
	for _, n := range counts {
		footer = append(footer, excelize.Cell{StyleID: b.st.totalInt, Value: n})
	}
	return b.writeTable(table{
		sheet:   locale.Text(d.Lang, "export.sheet.matrix"),
		columns: cols,
		rows:    len(d.members),
		row: func(i int, dst []any) []any {
			m := d.members[i]
			dst = append(dst, m.Name)
			for range cols[1:] {
				dst = append(dst, nil)
			}
			rest := 0
			for _, id := range d.active[m.ID] {
				if j, ok := index[id]; ok {
					dst[1+j] = "x"
				} else {
					rest++
				}
			}
			if others && rest > 0 {
				dst[len(cols)-1] = rest
			}
			return dst
		},
		footer:     [][]any{footer},
		freezeCols: 1,
		headHeight: min(float64(longest)*6.5+8, 160),
	})
}

// countyName is the county's name for its code, or the code itself when
// the reference data does not know it.
func countyName(code string) string {
	if c, ok := reference.CountyByCode(code); ok {
		return c.Name
	}
	return code
}
