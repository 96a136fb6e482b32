package export

import (
	"time"

	"malbild/analytics/locale"
)

// Reference lines of DESIGN "Pages": a service used by three quarters of the
// members, a network with 20 municipalities.
const (
	serviceShareLine     = 0.75
	networkMunicipalLine = 20
)

// servicesSheet lists the services with participants, share of the members,
// the change in participants from the same day a year earlier and the 75 %
// line the coverage chart draws.
func (b *book) servicesSheet(d *reportData) error {
	return b.serviceTable(d, locale.Text(d.Lang, "export.sheet.services"), locale.Text(d.Lang, "service"), d.services,
		locale.Text(d.Lang, "line.share"), serviceShareLine, b.st.percent)
}

// networksSheet lists the networks as servicesSheet does the services, with
// the line of 20 municipalities.
func (b *book) networksSheet(d *reportData) error {
	return b.serviceTable(d, locale.Text(d.Lang, "export.sheet.networks"), locale.Text(d.Lang, "network"), d.networks,
		locale.Text(d.Lang, "line.network"), networkMunicipalLine, b.st.integer)
}

func (b *book) serviceTable(d *reportData, sheet, name string, lines []serviceLine, lineHeader string, line any, lineStyle int) error {
	return b.writeTable(table{
		sheet: sheet,
		columns: []column{
			{header: name, style: b.top(b.st.wrap), wrapAt: 28},
			{header: locale.Text(d.Lang, "area"), style: b.top(b.st.wrap), wrapAt: 18},
			{header: locale.Text(d.Lang, "participants"), style: b.st.integer},
			{header: locale.Text(d.Lang, "municipalities"), style: b.st.integer},
			{header: locale.Text(d.Lang, "share"), style: b.st.percent},
			{header: locale.Text(d.Lang, "change", d.yearAgo.Format(time.DateOnly)), style: b.st.integer},
			{header: lineHeader, style: lineStyle},
		},
		rows: len(lines),
		row: func(i int, dst []any) []any {
			s := lines[i]
			return append(dst, s.Name, s.Area, s.Participants, s.Municipalities, s.Share,
				s.Participants-s.before, line)
		},
		freezeCols: 1,
	})
}
